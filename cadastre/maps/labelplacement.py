"""Collision-free placement of map labels (QGIS-free).

Cadastral drawings must show every boundary-point number and edge length, also on small and thin parcels where
a general labelling engine would drop the ones that do not fit. The placer tries each label's candidate
positions in order (near its feature first, then further away with a leader line) and takes the first whose box
stays inside the map frame and touches no placed label and no obstacle (boundary lines, point circles). Sizes
come in millimetres on paper and are converted with the map scale; boxes are rotated rectangles in the plane.
"""
from __future__ import annotations

import logging
import math
import unicodedata
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, List, Optional, Sequence, Tuple

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon

PT_MM = 25.4 / 72.0  # one typographic point in millimetres

# (text, size in points) -> (width mm, height mm)
Measure = Callable[[str, float], Tuple[float, float]]

_log = logging.getLogger(__name__)


def approximate_measure(text: str, size_pt: float) -> Tuple[float, float]:
    """Text size without a font engine: CJK characters one em wide, others 0.6 em; 1.2 em line height."""
    em = size_pt * PT_MM
    lines = str(text).split("\n") or [""]
    width = max(sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.6 for ch in line) for line in lines)
    return width * em, 1.2 * em * len(lines)


@dataclass
class PlacedLabel:
    """A label as drawn: text centred on (x, y), rotated ``angle`` degrees counter-clockwise, size in points."""

    text: str
    role: str
    x: float
    y: float
    angle: float
    size: float
    box: Polygon
    leader: Optional[LineString] = None  # from the feature to the label when it had to move away
    halo: bool = True  # drawn with its white halo; False where the halo would fall on blank paper only


@dataclass
class Candidate:
    x: float
    y: float
    angle: float = 0.0
    leader_from: Optional[Tuple[float, float]] = None  # anchor of a leader line, when the label sits away


def readable_angle(degrees: float) -> float:
    """The same line direction turned so that text on it reads left to right (in (-90, 90])."""
    a = (degrees + 180.0) % 360.0 - 180.0
    if a > 90.0:
        a -= 180.0
    elif a <= -90.0:
        a += 180.0
    return a


def rotated_box(cx: float, cy: float, width: float, height: float, angle: float) -> Polygon:
    t = math.radians(angle)
    c, s = math.cos(t), math.sin(t)
    hw, hh = width / 2.0, height / 2.0
    corners = [(-hw, -hh), (hw, -hh), (hw, hh), (-hw, hh)]
    return Polygon([(cx + x * c - y * s, cy + x * s + y * c) for x, y in corners])


@dataclass
class Placer:
    """Places labels one by one on a map frame at 1:``scale``; ``frame`` is the map extent polygon."""

    frame: Polygon
    scale: int
    measure: Measure = approximate_measure
    padding_mm: float = 0.4
    placed: List[PlacedLabel] = field(default_factory=list)
    unplaced: List[Tuple[str, str]] = field(default_factory=list)  # (role, text)
    _boxes: List[Polygon] = field(default_factory=list)
    _bounds: List[Tuple[float, float, float, float]] = field(default_factory=list)

    def __post_init__(self):
        shapely.prepare(self.frame)  # every candidate box is tested against it

    @property
    def mm(self) -> float:
        """Plane metres per millimetre on paper."""
        return self.scale / 1000.0

    def add_obstacle(self, geometry) -> None:
        """Keep labels off ``geometry`` (a line, circle or area in the plane)."""
        if geometry is None or geometry.is_empty:
            return
        self._boxes.append(geometry)
        self._bounds.append(geometry.bounds)

    def block_paper(self, extent: Tuple[float, float, float, float], boxes_mm: Sequence[Tuple[float, float, float, float]]
                    ) -> None:
        """Keep labels off boxes given in millimetres from the top-left of the map frame (layout items drawn over
        the map, such as the north arrow); ``extent`` is the map's (minx, miny, maxx, maxy)."""
        minx, _miny, _maxx, maxy = extent
        for x0, y0, x1, y1 in boxes_mm:
            self.add_obstacle(shapely.box(minx + x0 * self.mm, maxy - y1 * self.mm, minx + x1 * self.mm,
                                          maxy - y0 * self.mm))

    def size(self, text: str, size_pt: float) -> Tuple[float, float]:
        """Box of ``text`` in plane metres, padding included."""
        w, h = self.measure(text, size_pt)
        pad = 2 * self.padding_mm
        return (w + pad) * self.mm, (h + pad * 0.5) * self.mm

    def free(self, box: Polygon, avoid: Optional[object] = None) -> bool:
        if not self.frame.contains(box):
            return False
        if avoid is not None and box.intersects(avoid):
            return False
        if not self._bounds:
            return True
        b = np.asarray(self._bounds)
        minx, miny, maxx, maxy = box.bounds
        near = np.flatnonzero((b[:, 0] <= maxx) & (b[:, 2] >= minx) & (b[:, 1] <= maxy) & (b[:, 3] >= miny))
        if near.size == 0:
            return True
        return not bool(shapely.intersects(box, np.asarray([self._boxes[i] for i in near], dtype=object)).any())

    def place(self, text: str, role: str, size_pt: float, candidates: Iterable[Candidate],
              avoid: Optional[object] = None, required: bool = True) -> Optional[PlacedLabel]:
        """Put ``text`` at the first free candidate; record it as unplaced (when ``required``) if none is free."""
        if not text:
            return None
        w, h = self.size(text, size_pt)
        for cand in candidates:
            box = rotated_box(cand.x, cand.y, w, h, cand.angle)
            if not self.free(box, avoid):
                continue
            leader = None
            if cand.leader_from is not None:
                leader = leader_line(cand.leader_from, box)
                if leader is not None and self.leader_blocked(leader):
                    continue
            label = PlacedLabel(text, role, cand.x, cand.y, cand.angle, size_pt, box, leader)
            self.placed.append(label)
            self.add_obstacle(box)
            return label
        if required:
            self.unplaced.append((role, text))
        return None

    def leader_blocked(self, leader: LineString) -> bool:
        """A leader line must not cross another label."""
        if not self.placed:
            return False
        return bool(shapely.intersects(leader, np.asarray([p.box for p in self.placed], dtype=object)).any())

    # --- candidate generators ------------------------------------------------------------------------

    def around_point(self, x: float, y: float, direction: float, text: str, size_pt: float,
                     clear_mm: float, rings: Sequence[float] = (1.0, 2.2, 3.6, 5.2)) -> List[Candidate]:
        """Positions around a point, starting in ``direction`` (degrees) and turning away from it; a ring of
        1.0 just clears a circle of ``clear_mm``, further rings get a leader line and more directions."""
        w, h = self.size(text, size_pt)
        near_turns = (0, 30, -30, 60, -60, 95, -95, 130, -130, 180)
        far_turns = near_turns + tuple(t for t in range(-170, 180, 10) if t not in near_turns)
        result = []
        for ring in rings:
            leader = ring > 1.0
            for turn in far_turns if leader else near_turns:
                t = math.radians(direction + turn)
                ux, uy = math.cos(t), math.sin(t)
                reach = abs(w / 2 * ux) + abs(h / 2 * uy)  # half-extent of the box along the direction
                distance = clear_mm * self.mm * ring + reach + 0.3 * self.mm
                result.append(Candidate(x + ux * distance, y + uy * distance, 0.0, (x, y) if leader else None))
        return result

    def along_segment(self, a: Tuple[float, float], b: Tuple[float, float], outward: Tuple[float, float],
                      text: str, size_pt: float) -> List[Candidate]:
        """Positions for a length label of segment a-b, rotated along it: beside it outside (``outward`` is the
        unit normal), shifted along it, then inside."""
        (ax, ay), (bx, by) = a, b
        angle = readable_angle(math.degrees(math.atan2(by - ay, bx - ax)))
        length = math.hypot(bx - ax, by - ay)
        ux, uy = ((bx - ax) / length, (by - ay) / length) if length else (1.0, 0.0)
        mx, my = (ax + bx) / 2, (ay + by) / 2
        _w, h = self.size(text, size_pt)
        nx, ny = outward
        off = h / 2 + 0.5 * self.mm
        result = []
        for side in (1.0, -1.0):
            for shift in (0.0, 0.2, -0.2, 0.35, -0.35):
                px, py = mx + ux * shift * length, my + uy * shift * length
                result.append(Candidate(px + side * nx * off, py + side * ny * off, angle))
        return result

    def away_from_segment(self, a: Tuple[float, float], b: Tuple[float, float], outward: Tuple[float, float],
                          text: str, size_pt: float) -> List[Candidate]:
        """Positions further out from the middle of segment a-b, level, with a leader line; outward first."""
        (ax, ay), (bx, by) = a, b
        mx, my = (ax + bx) / 2, (ay + by) / 2
        _w, h = self.size(text, size_pt)
        nx, ny = outward
        result = []
        for ring in (2.5, 4.0, 6.0, 8.0, 11.0, 15.0, 20.0):
            for turn in sorted(range(-170, 181, 10), key=abs):
                t = math.atan2(ny, nx) + math.radians(turn)
                d = ring * self.mm * 2 + h / 2
                result.append(Candidate(mx + math.cos(t) * d, my + math.sin(t) * d, 0.0, (mx, my)))
        return result

    def inside_area(self, area, text: str, size_pt: float, angle: float = 0.0, leader_rings: bool = True,
                    steps: int = 7) -> Iterator[Candidate]:
        """Positions inside ``area`` (polygon): its pole of inaccessibility, then a grid nearest to it; then
        around the area with a leader line. Lazy: most labels take the pole, and the rest is never computed
        (iterate it once)."""
        if area is None or area.is_empty:
            return
        pole = _pole(area)
        px, py = pole.x, pole.y
        yield Candidate(px, py, angle)
        minx, miny, maxx, maxy = area.bounds
        gx, gy = np.meshgrid(np.linspace(minx, maxx, steps + 2)[1:-1], np.linspace(miny, maxy, steps + 2)[1:-1])
        gx, gy = gx.ravel(), gy.ravel()
        # contains(points), not contains_xy: qgis_process runs with QGIS's GEOS 3.11, which lacks the 3.12 call
        inside = shapely.contains(area, shapely.points(gx, gy))
        gx, gy = gx[inside], gy[inside]
        order = np.argsort((gx - px) ** 2 + (gy - py) ** 2, kind="stable")
        for k in order:
            yield Candidate(float(gx[k]), float(gy[k]), angle)
        if leader_rings:  # just outside the area's bounding box, nearest first, with a leader to the pole
            w, h = self.size(text, size_pt)
            cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
            for gap_mm in (2.0, 6.0, 12.0, 20.0):
                gap = gap_mm * self.mm
                top, bottom = maxy + gap + h / 2, miny - gap - h / 2
                left, right = minx - gap - w / 2, maxx + gap + w / 2
                for x, y in ((cx, top), (cx, bottom), (right, cy), (left, cy),
                             (right, top), (left, top), (right, bottom), (left, bottom)):
                    yield Candidate(x, y, 0.0, (px, py))
            yield from self._leader_ring(area, px, py, w, h)

    def _leader_ring(self, area, px: float, py: float, w: float, h: float) -> List[Candidate]:
        """Last resort for a label that must appear: every 15° around the area, further and further out, with a
        leader line to (px, py); on a tiny parcel crowded by its own point and edge labels the eight positions
        beside its bounding box can all be taken."""
        minx, miny, maxx, maxy = area.bounds
        cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
        reach = math.hypot(maxx - minx, maxy - miny) / 2 + math.hypot(w, h) / 2
        result = []
        for gap_mm in (4.0, 9.0, 15.0, 25.0, 40.0):
            d = reach + gap_mm * self.mm
            for turn in range(0, 360, 15):
                t = math.radians(turn + 7.5)  # between the positions beside the bounding box
                result.append(Candidate(cx + d * math.cos(t), cy + d * math.sin(t), 0.0, (px, py)))
        return result


def clear_halos(labels: Sequence[PlacedLabel], drawn: Sequence, reach: float) -> None:
    """Mark the labels (``halo`` False) whose halo would only cover blank paper: no geometry of ``drawn`` (what
    the map draws under the labels: lines, filled areas, symbols; in the plane) and no other label comes within
    ``reach`` (the halo's width plus the widest line's half, plane units) of the label's box. Such a halo draws
    nothing, and a PDF writes every halo as the outlines of its glyphs."""
    if not labels:
        return
    boxes = np.asarray([label.box for label in labels], dtype=object)
    zones = shapely.buffer(boxes, reach, join_style="mitre")
    touched = np.zeros(len(labels), dtype=bool)
    geometries = np.asarray([g for g in drawn if g is not None and not g.is_empty], dtype=object)
    if len(geometries):
        near, _ = shapely.STRtree(geometries).query(zones, predicate="intersects")
        touched[near] = True
    near, other = shapely.STRtree(boxes).query(zones, predicate="intersects")
    touched[near[near != other]] = True
    for label, needed in zip(labels, touched.tolist()):
        label.halo = needed


def _pole(area):
    """A point well inside ``area`` (pole of inaccessibility; the representative point if that fails)."""
    try:
        from shapely.ops import polylabel

        polygon = max(getattr(area, "geoms", [area]), key=lambda g: g.area) if area.geom_type != "Polygon" else area
        if polygon.geom_type == "Polygon" and polygon.area > 0:
            tolerance = max(math.sqrt(polygon.area) / 50.0, 1e-3)
            pole = polylabel(polygon, tolerance=tolerance)
            if polygon.contains(pole):
                return pole
    except Exception as error:  # noqa: BLE001 (GEOS can refuse degenerate input; the representative point still works)
        _log.info("pole of inaccessibility failed (%s); the representative point is used", error)
    return area.representative_point()


def leader_line(anchor: Tuple[float, float], box: Polygon) -> Optional[LineString]:
    """Line from the anchor to the nearest point of the label box (built from x, y alone: on GEOS 3.11 under QGIS
    the nearest point may carry a third ordinate)."""
    from shapely.ops import nearest_points

    start = Point(anchor[0], anchor[1])
    if box.contains(start):
        return None
    end = nearest_points(box.exterior, start)[0]
    if start.distance(end) <= 0:
        return None
    return LineString([(anchor[0], anchor[1]), (end.x, end.y)])
