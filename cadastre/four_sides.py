"""四至 of parcels: what lies east, south, west and north of each one (ZD fields ZDSZD, ZDSZN, ZDSZX, ZDSZB).

Every side of every parcel is filled:

1. **Sides.** The outer boundary is cut into pieces of at most ``step`` metres. A piece belongs to the side its
   midpoint faces from the parcel's centre, with directions scaled by the half-width and half-height of the
   parcel's bounding box (so a rectangle's four edges are its four sides whatever its proportions). The centre
   is the bounding box's centre, or a point on the surface when that lies outside the parcel. A side that no
   piece faces this way (a strongly bent parcel) takes the pieces whose outward normal points that way.
2. **Across each piece.** From the piece's midpoint a ray runs along the outward normal for ``distance``
   metres. The nearest other parcel or named feature (road, lane, ditch, pond…) the ray meets is what lies
   across that piece (ties: parcels first).
3. **Per side** the name across the longest total length wins, where "nothing within the distance" counts as
   ``OPEN_LAND`` (空地) like a name (ties: parcels first, then the lower index, 空地 last).

Coordinates are metres on the survey plane (x = easting, y = northing). Vectorised over all pieces of all
parcels: one STRtree query, no loop per parcel.
"""
from __future__ import annotations

from typing import Callable, List, Sequence

import numpy as np
import shapely

from .boundary import POLYGON_TYPE_IDS, clean_code, sector_of
from .sums import sum_by

DEFAULT_DISTANCE = 10.0  # m: lanes lie 6-7 m from the houses' parcels in Hunan villages (configurable)
DEFAULT_STEP = 1.0  # m: the longest boundary piece judged on its own
OPEN_LAND = "空地"  # deliverable text: nothing lies on that side within the distance
PARCELS_AT_ONCE = 10_000  # bounds the memory of pieces, rays, pairs and prepared candidates (~50 pieces a parcel)


def four_sides(
    geometries,
    parcel_names: Sequence[str],
    features=None,
    feature_names: Sequence[str] = (),
    distance: float = DEFAULT_DISTANCE,
    step: float = DEFAULT_STEP,
    block: int = PARCELS_AT_ONCE,
    canceled: Callable[[], bool] = lambda: False,
) -> List[List[str]]:
    """[east, south, west, north] per parcel; '' for a parcel without a usable polygon.

    ``geometries``: parcel polygons; ``parcel_names``: what a neighbour is called (its code; a parcel without a
    name is passed over as a neighbour). ``features``: shapely geometries of roads, lanes, ditches and other
    named base-map features, ``feature_names`` aligned (features without a name are passed over). ``block``
    parcels are judged at a time (against all candidates); ``canceled()`` is asked before each block, and when
    it answers True the parcels not yet judged stay ''.
    """
    if not distance > 0 or not step > 0:
        raise ValueError("distance and step must be > 0")
    geoms = np.asarray(geometries, dtype=object)
    n = len(geoms)
    result = [["", "", "", ""] for _ in range(n)]
    usable = _usable(geoms)
    if not usable.any():
        return result
    names = [clean_code(name) for name in parcel_names]
    feats = np.asarray(features if features is not None else [], dtype=object)
    feat_names = [clean_code(name) for name in feature_names]
    labels = sorted({nm for g, nm in zip(feats, feat_names) if nm and _present(g)})
    label_of = {nm: n + j for j, nm in enumerate(labels)}
    candidate_geoms, candidate_label = [], []
    for i in np.flatnonzero(usable):
        if names[i]:
            candidate_geoms.append(geoms[i])
            candidate_label.append(int(i))
    for g, nm in zip(feats, feat_names):
        if nm and _present(g):
            candidate_geoms.append(g)
            candidate_label.append(label_of[nm])
    text = names + labels + [OPEN_LAND]  # the last label: pieces across which nothing lies within the distance
    candidates = np.asarray(candidate_geoms, dtype=object)
    tree = shapely.STRtree(candidates)
    labels_array = np.array(candidate_label, dtype=np.int64)
    used = np.flatnonzero(usable)
    for start in range(0, len(used), block):  # a block of parcels at a time: its pieces, rays and pairs only
        if canceled():
            break
        some = np.zeros(n, dtype=bool)
        some[used[start:start + block]] = True
        for p, side, name in _sides(geoms, some, step, distance, candidates, labels_array, tree, len(text)):
            result[p][side] = text[name]
    return result


def _sides(geoms, usable, step, distance, candidates, candidate_label, tree, n_labels):
    """(parcel, side, label) of every side of the ``usable`` parcels; label ``n_labels - 1`` is 空地."""
    parcel, mid, normal, weight = _pieces(geoms, usable, step)
    sector = _sectors(geoms, usable, parcel, mid, normal)
    across = _across(parcel, mid, normal, distance, candidates, candidate_label, tree)
    across[across < 0] = n_labels - 1
    group = (parcel * 4 + sector) * n_labels + across
    keys, inverse = np.unique(group, return_inverse=True)
    totals = sum_by(inverse, weight, len(keys))
    cell, label = keys // n_labels, keys % n_labels
    order = np.lexsort((label, -np.round(totals, 6), cell))
    best = order[np.concatenate(([True], cell[order][1:] != cell[order][:-1]))]
    sides = [(p, side, n_labels - 1) for p in np.flatnonzero(usable).tolist() for side in range(4)]
    sides += [(*divmod(c, 4), lab) for c, lab in zip(cell[best].tolist(), label[best].tolist())]
    return sides


def _present(geometry) -> bool:
    return geometry is not None and not shapely.is_empty(geometry)


def _usable(geoms: np.ndarray) -> np.ndarray:
    type_ids = shapely.get_type_id(geoms)
    usable = np.isin(type_ids, POLYGON_TYPE_IDS)
    usable[usable] = ~shapely.is_empty(geoms[usable])
    usable[usable] = shapely.is_valid(geoms[usable])
    return usable


def _pieces(geoms: np.ndarray, usable: np.ndarray, step: float):
    """(parcel, midpoint (m, 2), outward unit normal (m, 2), length) of every boundary piece ≤ ``step``."""
    used = np.flatnonzero(usable)
    parts, part_of = shapely.get_parts(geoms[used], return_index=True)
    rings = shapely.get_exterior_ring(parts)
    xy, ring = shapely.get_coordinates(rings, return_index=True)
    same = ring[:-1] == ring[1:]  # consecutive vertices of one ring (the closing vertex ends each ring)
    a, b, seg_ring = xy[:-1][same], xy[1:][same], ring[:-1][same]
    d = b - a
    length = np.hypot(d[:, 0], d[:, 1])
    keep = length > 0
    a, d, length, seg_ring = a[keep], d[keep], length[keep], seg_ring[keep]
    # ring orientation from its signed area (about the ring's first vertex, for precision with large eastings)
    first = np.searchsorted(seg_ring, np.arange(len(rings)))
    origin = a[np.minimum(first, len(a) - 1)][seg_ring]
    ra, rb = a - origin, a + d - origin
    signed = sum_by(seg_ring, ra[:, 0] * rb[:, 1] - rb[:, 0] * ra[:, 1], len(rings))
    sign = np.where(signed[seg_ring] > 0, 1.0, -1.0)  # counter-clockwise: outward is the right-hand normal
    normal = np.stack([d[:, 1], -d[:, 0]], axis=1) * (sign / length)[:, None]
    count = np.maximum(np.ceil(length / step).astype(np.int64), 1)
    seg = np.repeat(np.arange(len(a)), count)
    k = np.arange(len(seg)) - np.repeat(np.cumsum(count) - count, count)
    t = (k + 0.5) / count[seg]
    mid = a[seg] + d[seg] * t[:, None]
    parcel = used[part_of[seg_ring[seg]]]
    return parcel, mid, normal[seg], (length / count)[seg]


def _sectors(geoms: np.ndarray, usable: np.ndarray, parcel: np.ndarray, mid: np.ndarray, normal: np.ndarray) -> np.ndarray:
    """The side (EAST…NORTH) each piece faces from its parcel's centre; see the module docstring."""
    n = len(geoms)
    bounds = np.zeros((n, 4))
    bounds[usable] = shapely.bounds(geoms[usable])
    centre = np.stack([(bounds[:, 0] + bounds[:, 2]) / 2, (bounds[:, 1] + bounds[:, 3]) / 2], axis=1)
    used = np.flatnonzero(usable)
    # contains(points), not contains_xy: qgis_process runs shapely on QGIS's GEOS 3.11, which lacks the 3.12 call
    inside = shapely.contains(geoms[used], shapely.points(centre[used]))
    outside = used[~inside]
    if len(outside):
        centre[outside] = shapely.get_coordinates(shapely.point_on_surface(geoms[outside]))
    half = np.maximum(np.stack([bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1]], axis=1) / 2, 1e-9)
    rel = (mid - centre[parcel]) / half[parcel]
    sector = sector_of(rel[:, 0], rel[:, 1])
    # a side no piece faces from the centre takes the pieces whose outward normal points that way
    present = np.zeros((n, 4), dtype=bool)
    present[parcel, sector] = True
    by_normal = sector_of(normal[:, 0], normal[:, 1])
    missing = ~present[parcel, by_normal]
    sector[missing] = by_normal[missing]
    return sector


def _across(parcel, mid, normal, distance, candidates, candidate_label, tree) -> np.ndarray:
    """Per piece, the label of the nearest candidate (other parcel or named feature) its outward ray meets
    within ``distance``, or -1: one ``tree`` query of the rays' boxes, the piece's own parcel dropped before
    any geometry test, the rest tested against the candidates prepared (for these rays only); distances only
    where a ray meets more than one."""
    across = np.full(len(parcel), -1, dtype=np.int64)
    if len(candidates) == 0 or len(parcel) == 0:
        return across
    rays = shapely.linestrings(np.stack([mid, mid + normal * distance], axis=1))
    ray, cand = tree.query(rays)
    label = candidate_label[cand]
    keep = label != parcel[ray]  # not the parcel itself
    ray, cand, label = ray[keep], cand[keep], label[keep]
    fresh = np.unique(cand[~shapely.is_prepared(candidates[cand])])
    shapely.prepare(candidates[fresh])
    try:
        meets = shapely.intersects(candidates[cand], rays[ray])
    finally:
        shapely.destroy_prepared(candidates[fresh])  # the caller's geometries are left as they came
    ray, cand, label = ray[meets], cand[meets], label[meets]
    several = np.bincount(ray, minlength=len(parcel))[ray] > 1
    across[ray[~several]] = label[~several]
    ray, cand, label = ray[several], cand[several], label[several]
    if len(ray):
        gap = shapely.distance(shapely.points(mid[ray]), candidates[cand])
        order = np.lexsort((label, np.round(gap, 3), ray))
        first = order[np.concatenate(([True], ray[order][1:] != ray[order][:-1]))]
        across[ray[first]] = label[first]
    return across
