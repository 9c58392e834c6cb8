"""What one 宗地图 (parcel map) shows, worked out without QGIS (domain.md §6).

Given a parcel, its boundary points and lines, the buildings on it, the neighbouring parcels and roads, and
the size of the map frame on paper, ``parcel_scene`` chooses a round scale, the map extent and the position of
every label (boundary-point numbers, edge lengths, the 宗地号/地类 fraction, building storeys and structure,
neighbours' numbers, road names) so that no two labels overlap. The QGIS side only draws the result.
Coordinates are metres in the survey plane (x = easting, y = northing); sizes on paper in millimetres.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple

import shapely
from shapely.geometry import LineString, Point, Polygon, box

from ..messages import Problem, translatable
from . import maptext
from .labelplacement import (
    Candidate,
    Measure,
    PlacedLabel,
    Placer,
    approximate_measure,
    clear_halos,
    leader_line,
    readable_angle,
)
from .scales import ROUND_SCALES, choose_scale

# Label sizes in points and symbol sizes in millimetres (domain.md §6: 2 mm point circles, 0.3 mm boundary).
SIZES = {"point": 8.0, "edge": 7.0, "number": 9.0, "landuse": 9.0, "house": 8.0, "neighbour": 8.0, "road": 8.0,
         "floor": 9.0, "small": 5.5}
POINT_CIRCLE_MM = 2.0
HALO_MM = 0.5  # the labels' white halo (symbology/map_labels.qml)
WIDEST_LINE_MM = 0.3  # the parcel's boundary (symbology/zdt_parcel.qml); other lines are thinner
LABEL_MARGIN_MM = 14.0  # room kept around the parcel for point numbers and lengths
PLACEMENT_ROUNDS = 8  # a crowded tiny parcel (15 × 8 mm at 1:100, a notch) needed five; rounds stop when all fit
FAR_RINGS = (2.4, 3.8, 5.4, 7.5, 10.0, 13.0, 17.0, 22.0, 28.0)  # leader distances, in point-circle radii


@dataclass(frozen=True)
class BoundaryPoint:
    number: str  # J1, J2...
    x: float
    y: float


@dataclass(frozen=True)
class Edge:
    start: Tuple[float, float]
    end: Tuple[float, float]
    length: float  # metres, as recorded (JZXCD) or measured


@dataclass(frozen=True)
class Feature:
    """A surrounding feature: a polygon with the text that names it (neighbour number, road name, house label)."""

    geometry: object
    text: str


@dataclass
class Scene:
    """Everything a map page draws, in plane coordinates."""

    scale: int
    extent: Tuple[float, float, float, float]
    parcel: Polygon
    points: List[BoundaryPoint]
    neighbours: List[Feature]
    houses: List[Feature]
    roads: List[Feature]
    labels: List[PlacedLabel]
    strokes: List[LineString]  # leader lines and the fraction bar
    unplaced: List[Tuple[str, str]] = field(default_factory=list)  # (role, text) of labels that found no room


def frame_extent(cx: float, cy: float, frame_w_mm: float, frame_h_mm: float, scale: int) -> Tuple[float, float, float, float]:
    half_w, half_h = frame_w_mm * scale / 2000.0, frame_h_mm * scale / 2000.0
    return cx - half_w, cy - half_h, cx + half_w, cy + half_h


def edges_from_points(parcel: Polygon, points: Sequence[BoundaryPoint]) -> List[Edge]:
    """Edges between consecutive boundary points along each ring (the points in numbering order)."""
    edges = []
    for ring in [parcel.exterior, *parcel.interiors]:
        on_ring = [p for p in points if ring.distance(Point(p.x, p.y)) < 1e-3]
        if len(on_ring) < 2:
            continue
        on_ring.sort(key=lambda p: ring.project(Point(p.x, p.y)))
        for a, b in zip(on_ring, on_ring[1:] + on_ring[:1]):
            edges.append(Edge((a.x, a.y), (b.x, b.y), math.hypot(b.x - a.x, b.y - a.y)))
    return edges


def _outward_normal(parcel: Polygon, a, b, probe: float) -> Tuple[float, float]:
    (ax, ay), (bx, by) = a, b
    length = math.hypot(bx - ax, by - ay) or 1.0
    nx, ny = (by - ay) / length, -(bx - ax) / length
    mx, my = (ax + bx) / 2, (ay + by) / 2
    if parcel.contains(Point(mx + nx * probe, my + ny * probe)):
        nx, ny = -nx, -ny
    return nx, ny


def _outward_direction(parcel: Polygon, point: BoundaryPoint, ring_coords, probe: float) -> float:
    """Direction (degrees) pointing away from the parcel at a boundary point: the outer bisector of its corner."""
    coords = list(ring_coords)
    index = min(range(len(coords)), key=lambda i: (coords[i][0] - point.x) ** 2 + (coords[i][1] - point.y) ** 2)
    n = len(coords)
    # the nearest vertices that differ from the point (a ring may repeat a vertex several times)
    prev = next((coords[(index - k) % n] for k in range(1, n) if coords[(index - k) % n] != coords[index]), None)
    nxt = next((coords[(index + k) % n] for k in range(1, n) if coords[(index + k) % n] != coords[index]), None)
    if prev is None or nxt is None:  # every vertex the same: no direction to point away from
        return 0.0

    def unit(p):
        dx, dy = p[0] - point.x, p[1] - point.y
        d = math.hypot(dx, dy) or 1.0
        return dx / d, dy / d

    u1, u2 = unit(prev), unit(nxt)
    bx, by = -(u1[0] + u2[0]), -(u1[1] + u2[1])
    if math.hypot(bx, by) < 1e-6:  # straight through: perpendicular
        bx, by = -u1[1], u1[0]
    d = math.hypot(bx, by)
    bx, by = bx / d, by / d
    if parcel.contains(Point(point.x + bx * probe, point.y + by * probe)):
        bx, by = -bx, -by
    return math.degrees(math.atan2(by, bx))


def _ring_of(parcel: Polygon, point: BoundaryPoint):
    rings = [parcel.exterior, *parcel.interiors]
    return min(rings, key=lambda r: r.distance(Point(point.x, point.y))).coords[:-1]


def place_fraction(placer: Placer, number: str, land_use: str, strokes: List[LineString],
                   passes: Sequence[Tuple[object, Optional[object], bool]]) -> bool:
    """The 宗地号 over 地类 fraction: two lines with a bar between them, placed as one block.

    ``passes``: (area to place in, soft obstacle, allow a leader line) tried in order."""
    size = SIZES["number"]
    wn, hn = placer.size(number, size)
    wl, hl = placer.size(land_use, size) if land_use else (0.0, 0.0)
    block_w, block_h = max(wn, wl), hn + hl
    for area, avoid, leader in passes:
        for cand in placer.inside_area(area, number, size, leader_rings=leader):
            block = Polygon([(cand.x - block_w / 2, cand.y - block_h / 2), (cand.x + block_w / 2, cand.y - block_h / 2),
                             (cand.x + block_w / 2, cand.y + block_h / 2), (cand.x - block_w / 2, cand.y + block_h / 2)])
            if not placer.free(block, avoid):
                continue
            leader = leader_line(cand.leader_from, block) if cand.leader_from is not None else None
            if leader is not None and placer.leader_blocked(leader):
                continue
            top_y = cand.y + block_h / 2 - hn / 2
            bottom_y = cand.y - block_h / 2 + hl / 2
            placer.placed.append(PlacedLabel(number, "number", cand.x, top_y, 0.0, size, block))
            if land_use:
                placer.placed.append(PlacedLabel(land_use, "landuse", cand.x, bottom_y, 0.0, size, block))
            bar_y = cand.y + block_h / 2 - hn
            half = block_w / 2 - placer.padding_mm * placer.mm
            strokes.append(LineString([(cand.x - half, bar_y), (cand.x + half, bar_y)]))
            if leader is not None:
                strokes.append(leader)
            placer.add_obstacle(block)
            return True
    placer.unplaced.append(("number", f"{number}/{land_use}"))
    return False


def parcel_scene(
    parcel: Polygon,
    number: str,
    land_use: str,
    points: Sequence[BoundaryPoint],
    edges: Optional[Sequence[Edge]],
    neighbours: Sequence[Feature],
    houses: Sequence[Feature],
    roads: Sequence[Feature],
    frame_mm: Tuple[float, float],
    measure: Measure = approximate_measure,
    scales: Sequence[int] = ROUND_SCALES,
    min_scale: int = 0,
    fixed_scale: Optional[int] = None,
    blocked_mm: Sequence[Tuple[float, float, float, float]] = (),
    across: Sequence[Tuple[Edge, str]] = (),
) -> Tuple[Optional[Scene], List[Problem]]:
    """Lay out one parcel map; (None, problems) when the parcel cannot be drawn.

    ``blocked_mm``: boxes of the frame (mm from its top-left) covered by layout items such as the north arrow.
    ``across``: (edge, text) written outside the parcel across that edge, e.g. the neighbour's number (宗地草图)."""
    problems: List[Problem] = []
    if parcel is None or parcel.is_empty or parcel.geom_type != "Polygon" or not parcel.is_valid:
        return None, [Problem("MAP_GEOMETRY", translatable(
            "The parcel geometry is empty, invalid or not a single polygon; fix it (Vector ▸ Geometry Tools ▸ Check "
            "Validity) before drawing its map."))]
    if not points:
        return None, [Problem("MAP_NO_POINTS", translatable(
            "The parcel has no boundary points (JZD); run homestead:boundarypoints or give the JZD layer."))]
    frame_w, frame_h = frame_mm
    minx, miny, maxx, maxy = parcel.bounds
    scale = fixed_scale or choose_scale(maxx - minx, maxy - miny, frame_w, frame_h, LABEL_MARGIN_MM, min_scale, scales)
    if scale is None:
        largest = max(scales)
        return None, [Problem("MAP_TOO_LARGE", translatable(
            "The parcel ({width:.1f} m × {height:.1f} m) does not fit the map frame even at 1:{scale}."),
            {"width": maxx - minx, "height": maxy - miny, "scale": largest})]
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    extent = frame_extent(cx, cy, frame_w, frame_h, scale)
    frame = box(*extent)
    mm = scale / 1000.0
    probe = 0.05 * mm
    house_lines = shapely.union_all([f.geometry.boundary for f in houses]) if houses else None
    yard = parcel.difference(shapely.union_all([f.geometry for f in houses])) if houses else parcel
    if yard.is_empty:
        yard = parcel
    clear = POINT_CIRCLE_MM / 2

    def point_task(p: BoundaryPoint):
        def run(placer: Placer, strokes: List[LineString]) -> bool:
            # outside the parcel next to the point, then inside, then further out with a leader
            direction = _outward_direction(parcel, p, _ring_of(parcel, p), probe)
            near = placer.around_point(p.x, p.y, direction, p.number, SIZES["point"], clear, rings=(1.0,))
            far = lazy(lambda: placer.around_point(p.x, p.y, direction, p.number, SIZES["point"], clear,
                                                    rings=FAR_RINGS))
            return place_in_passes(placer, p.number, "point", SIZES["point"],
                                   ((near, parcel), (near, None), (far, parcel), (far, None)), strokes)
        return run

    def edge_task(edge: Edge):
        def run(placer: Placer, strokes: List[LineString]) -> bool:
            text = maptext.length_text(edge.length)
            outward = _outward_normal(parcel, edge.start, edge.end, probe)
            beside = placer.along_segment(edge.start, edge.end, outward, text, SIZES["edge"])
            away = lazy(lambda: placer.away_from_segment(edge.start, edge.end, outward, text, SIZES["edge"]))
            return place_in_passes(placer, text, "edge", SIZES["edge"],
                                   ((beside, house_lines), (beside, None), (away, house_lines), (away, None)), strokes)
        return run

    def fraction_task(placer: Placer, strokes: List[LineString]) -> bool:
        # in the yard if there is room, else anywhere inside, else outside with a leader
        return place_fraction(placer, number, land_use, strokes, ((yard, house_lines, False), (parcel, None, True)))

    def house_task(house: Feature):
        def run(placer: Placer, strokes: List[LineString]) -> bool:
            cands = placer.inside_area(house.geometry, house.text, SIZES["house"])
            return place_in_passes(placer, house.text, "house", SIZES["house"], ((cands, None),), strokes)
        return run

    tasks = [point_task(p) for p in points]
    tasks += [edge_task(e) for e in (edges if edges is not None else edges_from_points(parcel, points))]
    tasks.append(fraction_task)
    tasks += [house_task(h) for h in houses if h.text]

    # Place the required labels; when some find no room, start again with them first (a crowded corner is
    # easier to solve before its neighbours have taken the space). Keep the best of a few rounds.
    order = list(range(len(tasks)))
    best = None
    for _round in range(PLACEMENT_ROUNDS):
        placer = _new_placer(frame, scale, measure, parcel, points)
        placer.block_paper(extent, blocked_mm)
        strokes: List[LineString] = []
        failed = [k for k in order if not tasks[k](placer, strokes)]
        if best is None or len(placer.unplaced) < len(best[0].unplaced):
            best = (placer, strokes)
        if not failed:
            break
        order = failed + [k for k in order if k not in failed]
    placer, strokes = best

    for edge, text in across:
        outward = _outward_normal(parcel, edge.start, edge.end, probe)
        place_in_passes(placer, text, "neighbour", SIZES["neighbour"],
                        ((across_candidates(placer, edge, outward, text, SIZES["neighbour"]), None),))

    # neighbours' numbers and road names, in the part of them near the parcel, where room is left
    inner = frame.buffer(-2 * mm, join_style=2)
    keep_off = parcel.buffer(1.0 * mm)
    for role, features in (("neighbour", neighbours), ("road", roads)):
        for feature in features:
            if not feature.text:
                continue
            region = feature.geometry.intersection(inner).difference(keep_off)
            if region.is_empty:
                continue
            angle = _long_axis_angle(region) if role == "road" else 0.0
            cands = placer.inside_area(region, feature.text, SIZES[role], angle=angle, leader_rings=False, steps=5)
            placer.place(feature.text, role, SIZES[role], cands, required=False)

    circles = shapely.buffer(shapely.points([(p.x, p.y) for p in points]), POINT_CIRCLE_MM / 2 * mm, quad_segs=4)
    drawn = [parcel.boundary, *(f.geometry.boundary for f in (*neighbours, *houses)), *(f.geometry for f in roads),
             *strokes, *circles]
    clear_halos(placer.placed, drawn, (HALO_MM + WIDEST_LINE_MM / 2) * mm)
    scene = Scene(scale, extent, parcel, list(points), list(neighbours), list(houses), list(roads),
                  placer.placed, strokes, placer.unplaced)
    for role, text in placer.unplaced:
        problems.append(Problem("MAP_LABEL_UNPLACED", translatable(
            "Label {text} ({role}) found no free place at 1:{scale}; it was left out."),
            {"text": text, "role": role, "scale": scale}))
    return scene, problems


def across_candidates(placer: Placer, edge: Edge, outward: Tuple[float, float], text: str, size_pt: float
                      ) -> List[Candidate]:
    """Positions for a text across ``edge`` from the parcel: along the edge, beyond its length label."""
    (ax, ay), (bx, by) = edge.start, edge.end
    angle = readable_angle(math.degrees(math.atan2(by - ay, bx - ax)))
    length = math.hypot(bx - ax, by - ay) or 1.0
    ux, uy = (bx - ax) / length, (by - ay) / length
    _w, h = placer.size(text, size_pt)
    nx, ny = outward
    result = []
    for off_mm in (5.0, 7.5, 10.0, 13.0):
        off = h / 2 + off_mm * placer.mm
        for shift in (0.0, 0.25, -0.25, 0.4, -0.4):
            result.append(Candidate((ax + bx) / 2 + ux * shift * length + nx * off,
                                    (ay + by) / 2 + uy * shift * length + ny * off, angle))
    return result


def place_in_passes(placer: Placer, text, role, size, passes, strokes: Optional[List[LineString]] = None) -> bool:
    """Try the candidate lists in order, each with its soft obstacle; record the label unplaced if all fail.
    A leader line of the placed label goes to ``strokes``. Candidates may be a callable giving them (computed
    only when an earlier pass failed)."""
    for candidates, avoid in passes:
        label = placer.place(text, role, size, candidates() if callable(candidates) else candidates, avoid=avoid,
                             required=False)
        if label is not None:
            if strokes is not None and label.leader is not None:
                strokes.append(label.leader)
            return True
    placer.unplaced.append((role, text))
    return False


def lazy(make):
    """A callable returning make()'s result, computed once on first call."""
    cache = []

    def get():
        if not cache:
            cache.append(make())
        return cache[0]

    return get


def _new_placer(frame, scale: int, measure: Measure, parcel: Polygon, points: Sequence[BoundaryPoint]) -> Placer:
    """A placer for the map frame with the red boundary and the point circles as obstacles."""
    placer = Placer(frame.buffer(-1.5 * scale / 1000.0, join_style=2), scale, measure)
    mm = placer.mm
    placer.add_obstacle(parcel.boundary.buffer(0.2 * mm))
    for p in points:
        placer.add_obstacle(Point(p.x, p.y).buffer(POINT_CIRCLE_MM / 2 * mm + 0.1 * mm, 8))
    return placer


def _long_axis_angle(area) -> float:
    """Readable direction (degrees) of the long side of the area's minimum rotated rectangle."""
    rect = shapely.minimum_rotated_rectangle(area)
    coords = [tuple(c[:2]) for c in getattr(rect, "exterior", rect).coords]  # 2-D also on GEOS 3.11
    if len(coords) < 3:
        return 0.0
    (x0, y0), (x1, y1), (x2, y2) = coords[:3]
    if math.hypot(x1 - x0, y1 - y0) >= math.hypot(x2 - x1, y2 - y1):
        angle = math.degrees(math.atan2(y1 - y0, x1 - x0))
    else:
        angle = math.degrees(math.atan2(y2 - y1, x2 - x1))
    return readable_angle(angle)

