"""Boundary points (界址点 JZD) and lines (界址线 JZX) of parcels, and their 四至 (domain.md §4).

All coordinates are on the survey plane (metres): x = easting, y = northing. The whole computation is
vectorised over every vertex of every parcel (numpy + one shapely STRtree per step), no loop per parcel:

1. **Physical points.** Every ring vertex is snapped to a physical point: vertices closer than the tolerance
   are one point (transitively: a chain of vertices each within the tolerance of the next is one point). The
   point's coordinate is the one most of its vertices have (ties: smallest easting, then northing), so an
   exactly shared vertex keeps its surveyed coordinate.
2. **T-junctions.** A physical point of another parcel lying on a parcel's edge (within the tolerance,
   strictly between the edge's ends) becomes a vertex of that parcel too, so every boundary segment has at
   most one neighbour. Repeated consecutive points are dropped.
3. **Numbering.** Each ring runs clockwise, whatever its orientation in the data, starting at its vertex
   nearest the north-west corner (min easting, max northing) of the parcel's bounding box (ties: the more
   northern, then the more western vertex). Rings are numbered one after another: the part whose exterior
   starts nearest that corner first, its holes after its exterior (nearest first), then the next part.
   Numbers run J1, J2, ... through all rings of the parcel (holes continue the sequence).
4. **Lines.** One JZX per pair of consecutive points, closing back to the ring's first point, with the
   parcel that shares the same two physical points as its neighbour.

四至 (what lies on each side of a parcel) is computed in ``four_sides.py``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import shapely

from .messages import Problem, translatable
from .sums import components, sum_by

DEFAULT_TOLERANCE = 0.05  # m: the 一级 boundary-point accuracy class allows ±5 cm (domain.md §4)
POLYGON_TYPE_IDS = (3, 6)  # shapely type ids of Polygon and MultiPolygon

# 四至 sides (four_sides.py), in the order of the ZD fields ZDSZD (east), ZDSZN (south), ZDSZX (west), ZDSZB (north)
EAST, SOUTH, WEST, NORTH = range(4)


@dataclass
class BoundaryPoints:
    """JZD rows: one per parcel and boundary point, in numbering order (parcel, then SXH)."""

    parcel: np.ndarray  # int: index of the parcel in the input arrays
    ring: np.ndarray  # int: ring number within the parcel, 0 = the first exterior
    sequence: np.ndarray  # int: SXH, 1..n within the parcel (JZDH is "J" + SXH)
    point_id: np.ndarray  # int: JZD_ID, 1.. — one per physical point, shared by neighbouring parcels
    xy: np.ndarray  # float (n, 2): easting, northing (m)

    def __len__(self) -> int:
        return len(self.parcel)


@dataclass
class BoundaryLines:
    """JZX rows: one per segment between consecutive boundary points of a parcel, in numbering order."""

    parcel: np.ndarray  # int: index of the parcel
    ring: np.ndarray  # int: ring number within the parcel, 0 = the first exterior
    hole: np.ndarray  # bool: the segment is on an inner ring (孤岛 boundary)
    start: np.ndarray  # int: SXH of the start point
    end: np.ndarray  # int: SXH of the end point
    start_xy: np.ndarray  # float (n, 2)
    end_xy: np.ndarray  # float (n, 2)
    length: np.ndarray  # float, m
    neighbour: np.ndarray  # int: index of the parcel across the segment, -1 when none

    def __len__(self) -> int:
        return len(self.parcel)

    @property
    def outward(self) -> np.ndarray:
        """(n, 2) normal of each segment pointing away from the parcel (exterior rings run clockwise, so it
        is the left-hand normal; on holes it points into the hole)."""
        d = self.end_xy - self.start_xy
        normal = np.stack([-d[:, 1], d[:, 0]], axis=1)
        return np.where(self.hole[:, None], -normal, normal)


@dataclass
class Boundaries:
    points: BoundaryPoints
    lines: BoundaryLines
    numbered: np.ndarray  # bool per input parcel: it has JZD/JZX rows
    problems: List[Tuple[int, Problem]] = field(default_factory=list)  # (input index, problem)


def clean_code(value) -> str:
    """A parcel code as text, '' for NULL/blank."""
    if value is None:
        return ""
    text = str(value).strip()
    return "" if text.upper() == "NULL" else text


def duplicate_codes(codes: Sequence[str]) -> Dict[str, List[int]]:
    """code -> indices, for every non-empty code used more than once."""
    seen: Dict[str, List[int]] = {}
    for i, code in enumerate(codes):
        if code:
            seen.setdefault(code, []).append(i)
    return {code: rows for code, rows in seen.items() if len(rows) > 1}


def screen_parcels(geometries, codes: Sequence[str], ids, code_field: str = "ZDDM") -> Tuple[np.ndarray, np.ndarray, List[Tuple[int, Problem]]]:
    """(usable, labelled, problems) for parcel geometries and cleaned codes.

    ``usable``: a valid, non-empty polygon — it takes part in the topology (snapping, T-junctions,
    neighbours). ``labelled``: usable and with a code of its own — it gets boundary points written.
    Missing geometries (None) are not reported here: the layer reader has said so already.
    """
    geoms = np.asarray(geometries, dtype=object)
    n = len(geoms)
    problems: List[Tuple[int, Problem]] = []
    type_ids = shapely.get_type_id(geoms)
    present = type_ids >= 0
    polygonal = np.isin(type_ids, POLYGON_TYPE_IDS)
    empty = np.zeros(n, dtype=bool)
    empty[present] = shapely.is_empty(geoms[present])
    valid = np.zeros(n, dtype=bool)
    check = polygonal & ~empty
    valid[check] = shapely.is_valid(geoms[check])
    for i in np.flatnonzero(present & ~polygonal):
        problems.append((int(i), Problem("PARCEL_NOT_POLYGON", translatable(
            "Parcel feature {fid} ({code}) is a {kind}, not a polygon; it was left out."),
            {"fid": int(ids[i]), "code": codes[i] or "—", "kind": geoms[i].geom_type})))
    for i in np.flatnonzero(present & polygonal & empty):
        problems.append((int(i), Problem("PARCEL_EMPTY", translatable(
            "Parcel feature {fid} ({code}) has an empty geometry; it was left out."),
            {"fid": int(ids[i]), "code": codes[i] or "—"})))
    bad = np.flatnonzero(check & ~valid)
    if len(bad):
        reasons = shapely.is_valid_reason(geoms[bad])
        for i, reason in zip(bad, reasons):
            problems.append((int(i), Problem("PARCEL_INVALID", translatable(
                "Parcel feature {fid} ({code}) has an invalid geometry ({reason}); it was left out. Repair it "
                "(Vector ▸ Geometry Tools ▸ Check Validity, or Processing ▸ Fix geometries) and run again."),
                {"fid": int(ids[i]), "code": codes[i] or "—", "reason": reason})))
    usable = check & valid
    parts = np.zeros(n, dtype=np.int64)
    parts[usable] = shapely.get_num_geometries(geoms[usable])
    for i in np.flatnonzero(parts > 1):
        problems.append((int(i), Problem("PARCEL_MULTIPART", translatable(
            "Parcel feature {fid} ({code}) has {n} parts; its points are numbered part by part, the part "
            "nearest the north-west corner first."), {"fid": int(ids[i]), "code": codes[i] or "—", "n": int(parts[i])})))
    labelled = usable.copy()
    for i in np.flatnonzero(usable):
        if not codes[i]:
            labelled[i] = False
            problems.append((int(i), Problem("PARCEL_NO_CODE", translatable(
                "Parcel feature {fid} has no code in field {field}: nothing was written for it (it still "
                "counts as a neighbour). Fill in its code and run again."), {"fid": int(ids[i]), "field": code_field})))
    for code, rows in duplicate_codes(codes).items():
        fids = ", ".join(str(int(ids[r])) for r in rows)
        for r in rows:
            labelled[r] = False
            problems.append((int(r), Problem("PARCEL_DUPLICATE_CODE", translatable(
                "Parcel code {code} is used by features {fids}: nothing was written for feature {fid}. Give "
                "each parcel its own code, or merge the pieces of one parcel into one multi-part feature."),
                {"code": code, "fids": fids, "fid": int(ids[r])})))
    return usable, labelled, problems


def boundaries(
    geometries,
    codes: Sequence,
    tolerance: float = DEFAULT_TOLERANCE,
    ids: Optional[Sequence[int]] = None,
    code_field: str = "ZDDM",
) -> Boundaries:
    """Boundary points and lines of every parcel (shapely polygons on the survey plane, metres).

    ``codes``: the parcel codes (ZDDM), aligned with ``geometries``; ``ids``: feature ids for messages
    (default: the index). ``tolerance`` (m ≥ 0): vertices closer than this are one physical point, and a
    point closer than this to another parcel's edge is a boundary point of that parcel too.
    """
    if not tolerance >= 0:
        raise ValueError("tolerance must be ≥ 0")
    geoms = np.asarray(geometries, dtype=object)
    n = len(geoms)
    ids = np.arange(n) if ids is None else np.asarray(ids)
    codes = [clean_code(c) for c in codes]
    usable, labelled, problems = screen_parcels(geoms, codes, ids, code_field)

    rings = _rings(geoms, usable)
    pid, xy = _physical_points(rings.xy, tolerance)
    rings = rings.with_points(pid)
    rings = _drop_repeats(rings)
    collapsed = rings.collapsed_parcels()
    for i in collapsed:
        labelled[i] = False
        problems.append((int(i), Problem("PARCEL_COLLAPSED", translatable(
            "Parcel feature {fid} ({code}) collapses at the tolerance of {tolerance} m (a ring keeps fewer than "
            "3 distinct points); it was left out. Check its geometry or lower the tolerance."),
            {"fid": int(ids[i]), "code": codes[i] or "—", "tolerance": tolerance})))
    rings = rings.without_parcels(collapsed)
    rings = _insert_t_junctions(rings, xy, tolerance)
    order, ring_rank = _numbering(rings, xy)
    points, lines = _rows(rings, xy, order, ring_rank, labelled)
    for (a, b), parcels in _crowded_segments(rings):
        names = ", ".join(codes[p] or f"#{int(ids[p])}" for p in parcels)
        mid = (xy[a] + xy[b]) / 2.0
        problems.append((int(parcels[0]), Problem("SEGMENT_SHARED_BY_MANY", translatable(
            "The boundary segment at X {x:.3f}, Y {y:.3f} belongs to parcels {codes} at the tolerance of {tolerance} m: "
            "a sliver or overlap narrower than the tolerance. Each of their boundary lines names one neighbour only; "
            "check these parcels."), {"x": float(mid[1]), "y": float(mid[0]), "codes": names, "tolerance": tolerance})))
    return Boundaries(points, lines, labelled, problems)


# --- rings as flat vertex arrays ---------------------------------------------------------------------------


@dataclass
class _Rings:
    """Vertices of all rings (closing vertex dropped), sorted by ring then position along the ring."""

    vertex_ring: np.ndarray  # ring index per vertex
    pid: np.ndarray  # physical point per vertex (-1 before snapping)
    xy: np.ndarray  # coordinates per vertex as read (before snapping)
    ring_parcel: np.ndarray  # parcel index per ring
    ring_part: np.ndarray  # global part index per ring
    ring_hole: np.ndarray  # bool per ring

    def with_points(self, pid: np.ndarray) -> _Rings:
        return _Rings(self.vertex_ring, pid, self.xy, self.ring_parcel, self.ring_part, self.ring_hole)

    def subset(self, keep: np.ndarray) -> _Rings:
        return _Rings(self.vertex_ring[keep], self.pid[keep], self.xy[keep], self.ring_parcel, self.ring_part, self.ring_hole)

    def counts(self) -> np.ndarray:
        return np.bincount(self.vertex_ring, minlength=len(self.ring_parcel))

    def collapsed_parcels(self) -> np.ndarray:
        """Parcels with a ring of fewer than 3 distinct points."""
        short = self.counts() < 3
        return np.unique(self.ring_parcel[short])

    def without_parcels(self, parcels: np.ndarray) -> _Rings:
        if len(parcels) == 0:
            return self
        ring_keep = ~np.isin(self.ring_parcel, parcels)
        new_index = np.cumsum(ring_keep) - 1
        keep = ring_keep[self.vertex_ring]
        return _Rings(new_index[self.vertex_ring[keep]], self.pid[keep], self.xy[keep],
                      self.ring_parcel[ring_keep], self.ring_part[ring_keep], self.ring_hole[ring_keep])

    def neighbours_in_ring(self) -> Tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(start, count, prev, next) per vertex: the index of the ring's first vertex, its vertex count, and
        the indices of the previous and next vertices (cyclic)."""
        return _cyclic(self.vertex_ring, len(self.ring_parcel))


def _cyclic(vertex_ring: np.ndarray, n_rings: int):
    counts = np.bincount(vertex_ring, minlength=n_rings)
    first = np.concatenate(([0], np.cumsum(counts)[:-1]))
    start = first[vertex_ring]
    count = counts[vertex_ring]
    k = np.arange(len(vertex_ring)) - start
    prev = start + (k - 1) % np.maximum(count, 1)
    nxt = start + (k + 1) % np.maximum(count, 1)
    return start, count, prev, nxt


def _rings(geoms: np.ndarray, usable: np.ndarray) -> _Rings:
    used = np.flatnonzero(usable)
    parts, part_of = shapely.get_parts(geoms[used], return_index=True)
    ring_geoms, ring_of = shapely.get_rings(parts, return_index=True)
    ring_parcel = used[part_of][ring_of]
    ring_hole = np.ones(len(ring_geoms), dtype=bool)
    if len(ring_geoms):
        ring_hole[np.concatenate(([0], np.flatnonzero(np.diff(ring_of)) + 1))] = False
    xy, vertex_ring = shapely.get_coordinates(ring_geoms, return_index=True)
    counts = np.bincount(vertex_ring, minlength=len(ring_geoms))
    closing = np.cumsum(counts) - 1
    keep = np.ones(len(xy), dtype=bool)
    keep[closing[counts > 0]] = False
    return _Rings(vertex_ring[keep], np.full(int(keep.sum()), -1), xy[keep], ring_parcel, ring_of, ring_hole)


# --- 1. physical points ---------------------------------------------------------------------------------------


def _physical_points(xy: np.ndarray, tolerance: float) -> Tuple[np.ndarray, np.ndarray]:
    """(point index per vertex, coordinates per point): vertices within ``tolerance`` are one point."""
    if len(xy) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros((0, 2))
    unique, inverse, counts = np.unique(xy, axis=0, return_inverse=True, return_counts=True)
    inverse = inverse.reshape(-1)
    labels = np.arange(len(unique))
    if tolerance > 0 and len(unique) > 1:
        geoms = shapely.points(unique)
        a, b = shapely.STRtree(geoms).query(geoms, predicate="dwithin", distance=tolerance)
        keep = a < b
        labels = components(len(unique), a[keep], b[keep])
    _, compact = np.unique(labels, return_inverse=True)
    compact = compact.reshape(-1)
    # the coordinate most vertices of the point have; ties: smallest easting, then northing
    order = np.lexsort((unique[:, 1], unique[:, 0], -counts, compact))
    first = order[np.concatenate(([True], compact[order][1:] != compact[order][:-1]))]
    coords = np.empty((compact.max() + 1, 2))
    coords[compact[first]] = unique[first]
    return compact[inverse], coords


# --- 2. repeated points and T-junctions ------------------------------------------------------------------------


def _drop_repeats(rings: _Rings) -> _Rings:
    """Drop a vertex that is the same physical point as the one before it in its ring."""
    _start, _count, prev, _next = rings.neighbours_in_ring()
    return rings.subset(rings.pid != rings.pid[prev])


def _insert_t_junctions(rings: _Rings, xy: np.ndarray, tolerance: float) -> _Rings:
    """Insert every physical point lying on an edge of another parcel (strictly inside the edge)."""
    if len(rings.pid) == 0:
        return rings
    _start, _count, _prev, nxt = rings.neighbours_in_ring()
    a_pid, b_pid = rings.pid, rings.pid[nxt]
    a, b = xy[a_pid], xy[b_pid]
    used = np.unique(rings.pid)
    point_geoms = shapely.points(xy[used])
    segments = shapely.linestrings(np.stack([a, b], axis=1))
    # every point within the tolerance of a segment (distance 0: touching)
    q_point, q_seg = shapely.STRtree(segments).query(point_geoms, predicate="dwithin", distance=max(tolerance, 0.0))
    p = used[q_point]
    keep = (p != a_pid[q_seg]) & (p != b_pid[q_seg])
    p, q_seg = p[keep], q_seg[keep]
    parcel = rings.ring_parcel[rings.vertex_ring[q_seg]]
    # a point already on this parcel's boundary is not inserted again (that would make it self-touch)
    n_points = len(xy)
    own = np.unique(rings.ring_parcel[rings.vertex_ring].astype(np.int64) * n_points + rings.pid)
    keep = ~np.isin(parcel.astype(np.int64) * n_points + p, own)
    p, q_seg, parcel = p[keep], q_seg[keep], parcel[keep]
    seg_a, seg_b = a[q_seg], b[q_seg]
    d = seg_b - seg_a
    length2 = np.einsum("ij,ij->i", d, d)
    t = np.einsum("ij,ij->i", xy[p] - seg_a, d) / np.where(length2 > 0, length2, 1.0)
    foot = seg_a + t[:, None] * d
    distance = np.hypot(*(xy[p] - foot).T)
    keep = (t > 0) & (t < 1) & (distance <= tolerance) & (length2 > 0)
    p, q_seg, parcel, t, distance = p[keep], q_seg[keep], parcel[keep], t[keep], distance[keep]
    if len(p) == 0:
        return rings
    # a point near two edges of one parcel goes on the nearer one only
    order = np.lexsort((q_seg, distance, p, parcel))
    key = parcel[order].astype(np.int64) * n_points + p[order]
    first = order[np.concatenate(([True], key[1:] != key[:-1]))]
    p, q_seg, t = p[first], q_seg[first], t[first]
    # new vertex order: by the edge's start vertex, then along the edge (original vertices at t = -1)
    n = len(rings.pid)
    position = np.concatenate((np.arange(n), q_seg))
    along = np.concatenate((np.full(n, -1.0), t))
    order = np.lexsort((along, position))
    vertex_ring = np.concatenate((rings.vertex_ring, rings.vertex_ring[q_seg]))[order]
    pid = np.concatenate((rings.pid, p))[order]
    raw = np.concatenate((rings.xy, xy[p]))[order]
    return _Rings(vertex_ring, pid, raw, rings.ring_parcel, rings.ring_part, rings.ring_hole)


# --- 3. numbering --------------------------------------------------------------------------------------------------


def _numbering(rings: _Rings, xy: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """(vertex order, rank of each ring): vertex indices in numbering order, clockwise from the NW."""
    n_rings = len(rings.ring_parcel)
    if len(rings.pid) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(n_rings, dtype=np.int64)
    start, count, _prev, nxt = rings.neighbours_in_ring()
    x, y = xy[rings.pid, 0], xy[rings.pid, 1]
    # signed area per ring (shoelace about the ring's first vertex, for precision with 8-digit eastings)
    x0, y0 = x[start], y[start]
    dx, dy = x - x0, y - y0
    cross = dx * dy[nxt] - dx[nxt] * dy
    signed = sum_by(rings.vertex_ring, cross, n_rings)
    clockwise = signed < 0
    # NW corner of each parcel's bounding box
    parcel = rings.ring_parcel[rings.vertex_ring]
    n_parcels = int(parcel.max()) + 1
    min_x = np.full(n_parcels, np.inf)
    max_y = np.full(n_parcels, -np.inf)
    np.minimum.at(min_x, parcel, x)
    np.maximum.at(max_y, parcel, y)
    distance = np.hypot(x - min_x[parcel], y - max_y[parcel])
    # start vertex per ring: nearest the corner; ties: northernmost, then westernmost
    order = np.lexsort((x, -y, distance, rings.vertex_ring))
    ring_sorted = rings.vertex_ring[order]
    first = order[np.concatenate(([True], ring_sorted[1:] != ring_sorted[:-1]))]
    ring_start = np.full(n_rings, -1)
    ring_start[rings.vertex_ring[first]] = first
    # position along the clockwise ring, counted from its start vertex
    k = np.arange(len(rings.pid)) - start
    cw_pos = np.where(clockwise[rings.vertex_ring], k, (-k) % count)
    start_k = ring_start[rings.vertex_ring] - start
    start_pos = np.where(clockwise[rings.vertex_ring], start_k, (-start_k) % count)
    along = (cw_pos - start_pos) % count
    # ring order: parts by their exterior's start vertex, exterior before holes, holes by their start vertex
    rs = ring_start
    r_dist, r_y, r_x = distance[rs], y[rs], x[rs]
    exterior_of_part = np.full(int(rings.ring_part.max()) + 1, -1)
    exterior_of_part[rings.ring_part[~rings.ring_hole]] = np.flatnonzero(~rings.ring_hole)
    ext = exterior_of_part[rings.ring_part]
    ring_order = np.lexsort((r_x, -r_y, r_dist, rings.ring_hole, rings.ring_part, r_x[ext], -r_y[ext], r_dist[ext], rings.ring_parcel))
    ring_rank = np.empty(n_rings, dtype=np.int64)
    ring_rank[ring_order] = np.arange(n_rings)
    vertex_order = np.lexsort((along, ring_rank[rings.vertex_ring]))
    return vertex_order, ring_rank


def _rows(rings: _Rings, xy: np.ndarray, order: np.ndarray, ring_rank: np.ndarray, labelled: np.ndarray) -> Tuple[BoundaryPoints, BoundaryLines]:
    vertex_ring = rings.vertex_ring[order]
    pid = rings.pid[order]
    parcel = rings.ring_parcel[vertex_ring]
    n = len(pid)
    # numbered rows: rings of one parcel are contiguous, in ring-rank order
    new_parcel = np.concatenate(([True], parcel[1:] != parcel[:-1])) if n else np.zeros(0, dtype=bool)
    parcel_first = np.maximum.accumulate(np.where(new_parcel, np.arange(n), 0)) if n else np.zeros(0, dtype=np.int64)
    sequence = np.arange(n) - parcel_first + 1
    new_ring = np.concatenate(([True], vertex_ring[1:] != vertex_ring[:-1])) if n else np.zeros(0, dtype=bool)
    ring_first = np.maximum.accumulate(np.where(new_ring, np.arange(n), 0)) if n else np.zeros(0, dtype=np.int64)
    last_of_ring = np.concatenate((vertex_ring[1:] != vertex_ring[:-1], [True])) if n else np.zeros(0, dtype=bool)
    nxt = np.where(last_of_ring, ring_first, np.arange(n) + 1)
    # neighbours: parcels sharing the segment's two physical points
    lo, hi = np.minimum(pid, pid[nxt]), np.maximum(pid, pid[nxt])
    neighbour = _segment_neighbours(lo, hi, parcel)

    # ring number within the parcel: rank minus the rank of the parcel's first ring
    ring_number = np.zeros(n, dtype=np.int64)
    if n:
        rank = ring_rank[vertex_ring]
        ring_number = rank - rank[parcel_first]
    hole = rings.ring_hole[vertex_ring]

    keep = labelled[parcel]
    kept = np.flatnonzero(keep)
    # JZD_ID: physical points numbered in order of first appearance among the written rows
    kept_pid = pid[kept]
    unique_pid, first_index = np.unique(kept_pid, return_index=True)
    rank = np.empty(len(unique_pid), dtype=np.int64)
    rank[np.argsort(first_index, kind="stable")] = np.arange(1, len(unique_pid) + 1)
    point_id = rank[np.searchsorted(unique_pid, kept_pid)]
    points = BoundaryPoints(parcel[kept], ring_number[kept], sequence[kept], point_id, xy[kept_pid])
    start_xy, end_xy = xy[pid[kept]], xy[pid[nxt[kept]]]
    lines = BoundaryLines(
        parcel[kept], ring_number[kept], hole[kept], sequence[kept], sequence[nxt[kept]], start_xy, end_xy,
        np.hypot(*(end_xy - start_xy).T), neighbour[kept],
    )
    return points, lines


def _crowded_segments(rings: _Rings) -> List[Tuple[Tuple[int, int], List[int]]]:
    """((point a, point b), parcels) for every segment that more than two parcels have."""
    if len(rings.pid) == 0:
        return []
    _start, _count, _prev, nxt = rings.neighbours_in_ring()
    lo = np.minimum(rings.pid, rings.pid[nxt])
    hi = np.maximum(rings.pid, rings.pid[nxt])
    parcel = rings.ring_parcel[rings.vertex_ring]
    triples = np.unique(np.stack([lo, hi, parcel], axis=1), axis=0)
    pairs, counts = np.unique(triples[:, :2], axis=0, return_counts=True)
    result = []
    for a, b in pairs[counts > 2]:
        owners = triples[(triples[:, 0] == a) & (triples[:, 1] == b), 2]
        result.append(((int(a), int(b)), [int(p) for p in owners]))
    return result


def _segment_neighbours(lo: np.ndarray, hi: np.ndarray, parcel: np.ndarray) -> np.ndarray:
    """For each segment (lo, hi physical points) of ``parcel``, another parcel with the same segment, or -1."""
    n = len(lo)
    neighbour = np.full(n, -1, dtype=np.int64)
    if n == 0:
        return neighbour
    order = np.lexsort((parcel, hi, lo))
    s_lo, s_hi, s_parcel = lo[order], hi[order], parcel[order]
    same_next = (s_lo[:-1] == s_lo[1:]) & (s_hi[:-1] == s_hi[1:]) & (s_parcel[:-1] != s_parcel[1:])
    # the following row's parcel when it has the same segment, else the preceding row's
    following = np.full(n, -1, dtype=np.int64)
    following[:-1] = np.where(same_next, s_parcel[1:], -1)
    preceding = np.full(n, -1, dtype=np.int64)
    preceding[1:] = np.where(same_next, s_parcel[:-1], -1)
    result = np.where(following >= 0, following, preceding)
    neighbour[order] = result
    return neighbour


# --- sides (四至, see four_sides.py) ----------------------------------------------------------------------


def sector_of(dx: np.ndarray, dy: np.ndarray) -> np.ndarray:
    """EAST/SOUTH/WEST/NORTH for directions (dx east, dy north): 90° sectors centred on the four axes.

    Counter-clockwise from east: east is [-45°, 45°), north [45°, 135°), west [135°, 225°), south [225°, 315°).
    """
    angle = np.degrees(np.arctan2(dy, dx))  # (-180, 180]
    sector = np.full(len(angle), WEST, dtype=np.int64)
    sector[(angle >= -45) & (angle < 45)] = EAST
    sector[(angle >= 45) & (angle < 135)] = NORTH
    sector[(angle >= -135) & (angle < -45)] = SOUTH
    return sector
