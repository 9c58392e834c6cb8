"""Vectorised polygon overlays (shapely 2 STRtree + GEOS), shared by the farmland overlay and the checks.

One spatial-index query gives every candidate pair at once; intersections and areas are computed for all
pairs in one vectorised GEOS call, with no Python loop per feature.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

import numpy as np
import shapely

from .sums import sum_by

# Overlaps of this area or less (m²) are floating-point noise of edges that touch (e.g. after a reprojection):
# they would be stored as 0.0000 m² (areas keep 4 decimals). Callers drop them rather than list them.
NOISE_AREA = 5e-5


@dataclass(frozen=True)
class Overlaps:
    """Pairs (left[i], right[i]) whose interiors overlap, with the overlap polygon and its area (m²)."""

    left: np.ndarray  # int indices into the left array
    right: np.ndarray  # int indices into the right array
    geometries: np.ndarray  # shapely overlap polygons
    areas: np.ndarray  # float m²

    def __len__(self) -> int:
        return len(self.left)

    def total_by_left(self, n_left: int) -> np.ndarray:
        """Sum of overlap area per left feature (length ``n_left``)."""
        return sum_by(self.left, self.areas, n_left)


def _valid_mask(geoms: np.ndarray) -> np.ndarray:
    present = ~shapely.is_missing(geoms)
    ok = np.zeros(len(geoms), dtype=bool)
    ok[present] = ~shapely.is_empty(geoms[present])
    return ok


def made_valid(geometries) -> np.ndarray:
    """``geometries`` with the invalid ones made valid (in a copy when there are any); missing and empty ones
    are left as they are."""
    geoms = np.asarray(geometries, dtype=object)
    ok = _valid_mask(geoms)
    bad = ok.copy()
    bad[ok] = ~shapely.is_valid(geoms[ok])
    if not bad.any():
        return geoms
    fixed = geoms.copy()
    fixed[bad] = shapely.make_valid(geoms[bad])
    return fixed


def polygon_overlaps(left: np.ndarray, right: np.ndarray, min_area: float = 0.0, same: bool = False,
                     skip_touching: Optional[bool] = None, valid: bool = False) -> Overlaps:
    """Every pair of a left and a right polygon whose intersection has area > ``min_area`` (m²).

    ``same=True`` overlays an array with itself: each unordered pair once (left < right), no self pairs.
    Missing or empty geometries take part in nothing. Inputs should be valid; invalid ones are made valid
    for the intersection only (the caller reports invalidity separately), unless ``valid`` says that the caller
    has made them so already (made_valid, Features.polygons). ``skip_touching`` (default: when
    ``same``) first drops pairs whose interiors do not meet: in a tessellation almost every candidate pair only
    shares an edge, and testing that is cheaper than intersecting.
    """
    left = np.asarray(left, dtype=object)
    right = left if same else np.asarray(right, dtype=object)
    lok, rok = _valid_mask(left), _valid_mask(right)
    left_fixed = left if valid else made_valid(left)
    right_fixed = left_fixed if same else (right if valid else made_valid(right))
    tree = shapely.STRtree(np.where(rok, right_fixed, None))
    query = np.where(lok, left_fixed, None)
    li, ri = tree.query(query, predicate="intersects")
    if same:
        keep = li < ri
        li, ri = li[keep], ri[keep]
    if (same if skip_touching is None else skip_touching) and len(li):
        meet = shapely.relate_pattern(left_fixed[li], right_fixed[ri], "T********")
        li, ri = li[meet], ri[meet]
    if len(li) == 0:
        empty = np.array([], dtype=np.int64)
        return Overlaps(empty, empty, np.array([], dtype=object), np.array([], dtype=float))
    pieces = shapely.intersection(left_fixed[li], right_fixed[ri])
    # keep only the areal part (a shared edge gives a line, a shared corner a point)
    areas = shapely.area(pieces)
    keep = areas > min_area
    return Overlaps(li[keep].astype(np.int64), ri[keep].astype(np.int64), pieces[keep], areas[keep])


def pairs_within(tree: shapely.STRtree, geometries, distance: float) -> Tuple[np.ndarray, np.ndarray]:
    """(query index, tree index) of every pair no farther apart than ``distance`` (m; 0: intersecting).

    Candidates come from the bounding boxes grown by ``distance``, then the exact test runs vectorised: much
    cheaper than a ``dwithin`` tree query when most candidates are neighbours anyway.
    """
    geoms = np.asarray(geometries, dtype=object)
    if distance <= 0:
        return tree.query(geoms, predicate="intersects")
    present = np.flatnonzero(~shapely.is_missing(geoms) & ~shapely.is_empty(geoms))
    if len(present) == 0:
        empty = np.array([], dtype=np.int64)
        return empty, empty
    bounds = shapely.bounds(geoms[present]) + np.array([-distance, -distance, distance, distance])
    q, t = tree.query(shapely.box(*bounds.T))
    q = present[q]
    if hasattr(shapely, "dwithin"):  # shapely 2.1+
        near = shapely.dwithin(geoms[q], tree.geometries[t], distance)
    else:
        near = shapely.distance(geoms[q], tree.geometries[t]) <= distance
    return q[near], t[near]


def group_multipolygons(pieces, groups, n: int) -> np.ndarray:
    """For each group 0..n-1, the polygonal ``pieces`` labelled with it, as one MultiPolygon (None: no piece).

    Pieces of one group must not overlap (they are kept as parts, not dissolved).
    """
    out = np.full(n, None, dtype=object)
    pieces = to_multipolygons(pieces)
    keep = ~shapely.is_missing(pieces)
    if keep.any():
        parts, index = shapely.get_parts(pieces[keep], return_index=True)
        labels = np.asarray(groups)[keep][index]
        owners, dense = np.unique(labels, return_inverse=True)
        order = np.argsort(dense, kind="stable")
        out[owners] = shapely.multipolygons(parts[order], indices=dense[order])
    return out


def to_multipolygons(geometries) -> np.ndarray:
    """The polygonal part of each geometry as a MultiPolygon; None where it has none (a shared edge or corner).

    GEOS returns GeometryCollections where an intersection also touches along an edge; a polygon layer needs
    the areal part only.
    """
    geoms = np.asarray(geometries, dtype=object)
    out = np.full(len(geoms), None, dtype=object)
    types = shapely.get_type_id(geoms)
    polygons = np.flatnonzero(types == 3)
    if len(polygons):
        out[polygons] = shapely.multipolygons(geoms[polygons], indices=np.arange(len(polygons)))
    multi = types == 6
    out[multi] = geoms[multi]
    collections = np.flatnonzero(types == 7)
    if len(collections):
        parts, index = shapely.get_parts(geoms[collections], return_index=True)
        parts, inner = shapely.get_parts(parts, return_index=True)  # collections may hold multi-parts
        index = index[inner]
        keep = shapely.get_type_id(parts) == 3
        if keep.any():
            owners, dense = np.unique(index[keep], return_inverse=True)
            out[collections[owners]] = shapely.multipolygons(parts[keep], indices=dense)
    return out
