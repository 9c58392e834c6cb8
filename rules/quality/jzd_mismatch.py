"""JZD_MISMATCH: boundary points of neighbouring parcels that should be one point but lie apart by more than
the accuracy class allows (一级 10 cm, 二级 15 cm, 三级 20 cm: the allowed error of the distance between
adjacent boundary points, domain.md §4).

Vertex v of parcel A and vertex w of parcel B "should coincide" when they are each other's nearest vertex in
the other parcel, within ``search`` metres, and the two parcels meet (they are no farther apart than the class
allows). The pair is a mismatch when it is farther apart than the class allows — also when one of the two lies
on the other parcel's edge: two corners of one frontage 0.4 m apart are one boundary point recorded twice, even
though the parcels neither overlap nor leave a gap. Points farther apart than ``search`` are not taken as the
same point (a real T-junction, a lane); parcels that do not meet at all leave a gap, which ZD_GAP reports.
"""
from __future__ import annotations

import numpy as np
import shapely

from .base import ERROR, CheckInput, Finding, Outcome, Param, Rule, group, rings_of

ALLOWED = {1: 0.10, 2: 0.15, 3: 0.20}  # m, by accuracy class
CLASS_ZH = {1: "一级", 2: "二级", 3: "三级"}


def check(data: CheckInput, params) -> Outcome:
    out = Outcome()
    accuracy = int(params["accuracy_class"])
    allowed = ALLOWED[accuracy]
    search = max(params["search"], allowed)
    parcels = data.parcels.polygons
    present = np.flatnonzero(~shapely.is_missing(parcels))
    if len(present) < 2:
        return out
    rings, ring_owner = rings_of(parcels[present])
    coords, ring_of = shapely.get_coordinates(rings, return_index=True)
    closing = np.zeros(len(coords), dtype=bool)
    closing[np.cumsum(np.bincount(ring_of, minlength=len(rings))) - 1] = True
    xy = coords[~closing]
    owner = present[ring_owner[ring_of[~closing]]]
    points = shapely.points(xy)
    a, b = shapely.STRtree(points).query(points, predicate="dwithin", distance=search)
    different = owner[a] != owner[b]
    a, b = a[different], b[different]
    d = np.hypot(*(xy[a] - xy[b]).T)
    n_parcels = len(parcels)
    key_vb = a * n_parcels + owner[b]  # vertex v against parcel B
    key_wa = b * n_parcels + owner[a]
    apart = d > allowed + 1e-9  # 10.3 − 10.1 is 0.2000000000000011 in binary floating point
    matched = np.unique(key_vb[~apart])
    candidate = apart & ~np.isin(key_vb, matched) & ~np.isin(key_wa, matched)
    a, b, d, key_vb, key_wa = a[candidate], b[candidate], d[candidate], key_vb[candidate], key_wa[candidate]
    if len(a) == 0:
        return out
    # only parcels that meet (within the allowed error) share boundary points; apart ones leave a gap (ZD_GAP)
    meet = shapely.distance(parcels[owner[a]], parcels[owner[b]]) <= allowed + 1e-9
    a, b, d, key_vb, key_wa = a[meet], b[meet], d[meet], key_vb[meet], key_wa[meet]
    nearest = _first_of_groups(key_vb, d) & _first_of_groups(key_wa, d) & (a < b)
    a, b, d = a[nearest], b[nearest], d[nearest]

    ids = data.parcels.ids
    codes = data.parcel_codes
    pair_key = np.minimum(owner[a], owner[b]) * n_parcels + np.maximum(owner[a], owner[b])
    keys, inverse = np.unique(pair_key, return_inverse=True)
    for key, mine in zip(keys, group(inverse, np.arange(len(inverse)), len(keys))):
        p, q = int(key // n_parcels), int(key % n_parcels)
        segments = shapely.linestrings(np.stack([xy[a[mine]], xy[b[mine]]], axis=1))
        worst = float(d[mine].max())
        out.findings.append(Finding(
            "apart", [int(ids[p]), int(ids[q])], shapely.multilinestrings(segments),
            {"a": codes[p] or f"#{ids[p]}", "b": codes[q] or f"#{ids[q]}", "n": len(mine), "distance": worst,
             "allowed": allowed, "accuracy": accuracy, "accuracy_zh": CLASS_ZH[accuracy]},
            codes=[c for c in (codes[p], codes[q]) if c], value=worst, village=data.parcel_villages([p, q])))
    return out


def _first_of_groups(keys: np.ndarray, distances: np.ndarray) -> np.ndarray:
    """bool: the row with the smallest distance of each key."""
    order = np.lexsort((distances, keys))
    first = np.zeros(len(keys), dtype=bool)
    head = np.ones(len(order), dtype=bool)
    head[1:] = keys[order][1:] != keys[order][:-1]
    first[order[head]] = True
    return first


RULE = Rule(
    id="JZD_MISMATCH",
    severity=ERROR,
    subject="ZD",
    check=check,
    params=(
        Param("accuracy_class", 2, "", "Boundary point accuracy class (1, 2 or 3)", "界址点精度等级（1、2、3）", 1, 3, integer=True),
        Param("search", 0.5, "m", "Points closer than this are meant to be one point", "小于此距离的两点视为同一界址点", 0.0),
    ),
)
