"""Sums and counts per group, safe on empty input, and the groups a list of links makes.

``np.bincount`` of an empty index array is int64 whatever its weights (numpy ≤ 1.26), and an index array
built from an empty list is float64, which bincount refuses: a sum per parcel then crashes on clean data (no
house assigned by location), on empty layers and when no geometry is usable. Every sum per group in the
core goes through here.
"""
from __future__ import annotations

import numpy as np


def sum_by(index, weights, n: int) -> np.ndarray:
    """float64 sums of ``weights`` per group 0..n-1 (``index`` the group of each weight; NaN propagates)."""
    index = np.asarray(index, dtype=np.int64).reshape(-1)
    weights = np.asarray(weights, dtype=float).reshape(-1)
    if len(index) == 0:
        return np.zeros(n, dtype=float)
    return np.bincount(index, weights=weights, minlength=n).astype(float, copy=False)


def components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Connected components of the graph with edges (a[i], b[i]): the smallest node index of each. Roots are
    hooked to the smaller root across every edge, then paths are compressed, until no edge spans two."""
    labels = np.arange(n)
    a, b = np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64)
    while True:
        la, lb = labels[a], labels[b]
        spans = la != lb
        if not spans.any():
            return labels
        np.minimum.at(labels, np.maximum(la, lb)[spans], np.minimum(la, lb)[spans])
        while True:
            up = labels[labels]
            if np.array_equal(up, labels):
                break
            labels = up
