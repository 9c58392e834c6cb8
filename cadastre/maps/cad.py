"""A CAD drawing of the survey as plain data: the entities of a DXF deliverable, on the layers a CAD (CASS) user
expects, with every label placed (not left to a label engine that may drop crowded ones).

Layers: 宗地 (parcel rings), 房屋 (house rings), 界址点 (one point per physical boundary point), 界址线 (one line
per boundary segment, shared segments once), 注记 (J-numbers inside their own parcel, edge lengths beside the
segment outside the parcel, parcel code and area, house labels). Coordinates: the survey plane (metres), easting =
x, northing = y. Text heights in metres on the ground (paper mm × scale / 1000).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import shapely

from ..boundary import Boundaries

PARCEL_LAYER, HOUSE_LAYER, POINT_LAYER, LINE_LAYER, TEXT_LAYER = "宗地", "房屋", "界址点", "界址线", "注记"
LAYERS = (PARCEL_LAYER, HOUSE_LAYER, POINT_LAYER, LINE_LAYER, TEXT_LAYER)
LENGTH_DECIMALS = 2  # edge lengths as in the 界址点成果表 (domain.md §4)


@dataclass
class Text:
    layer: str
    x: float
    y: float
    text: str
    height: float  # m
    angle: float = 0.0  # degrees, counter-clockwise from east
    kind: str = ""  # what the text says: 'point', 'length', 'parcel', 'area', 'house'


@dataclass
class Drawing:
    rings: List[Tuple[str, np.ndarray]] = field(default_factory=list)  # (layer, closed ring coordinates (n, 2))
    points: List[Tuple[str, float, float]] = field(default_factory=list)
    segments: List[Tuple[str, np.ndarray]] = field(default_factory=list)  # (layer, (2, 2))
    texts: List[Text] = field(default_factory=list)


def rings_of(geometry) -> List[np.ndarray]:
    """Exterior and interior rings of a (multi)polygon as coordinate arrays (2-D)."""
    if geometry is None or shapely.is_empty(geometry):
        return []
    polygons = list(geometry.geoms) if geometry.geom_type == "MultiPolygon" else [geometry]
    result = []
    for polygon in polygons:
        result.append(np.asarray(polygon.exterior.coords)[:, :2])
        result.extend(np.asarray(ring.coords)[:, :2] for ring in polygon.interiors)
    return result


def readable_angle(dx: np.ndarray, dy: np.ndarray) -> np.ndarray:
    """Direction of a segment in degrees, turned by 180° where needed so the text never reads upside down."""
    angle = np.degrees(np.arctan2(dy, dx))
    angle = np.where(angle > 90.0, angle - 180.0, angle)
    return np.where(angle <= -90.0, angle + 180.0, angle)


def point_label_positions(result: Boundaries, parcels: np.ndarray, offset: float) -> np.ndarray:
    """(n, 2) positions for the J-number of each boundary-point row, ``offset`` m from the point along the
    bisector of its two segments, on the side inside the row's own parcel (so neighbours' numbers of one
    physical point do not overlap)."""
    points, lines = result.points, result.lines
    n = len(points.sequence)
    if not n:
        return np.zeros((0, 2))
    # lines[i] leaves point row i; the incoming line is the previous row of the same ring, or the ring's last
    key = points.parcel * 100_000 + points.ring
    first = np.concatenate(([True], key[1:] != key[:-1]))
    last = np.concatenate((key[1:] != key[:-1], [True]))
    ring_last = np.empty(n, dtype=np.int64)
    ring_last[first] = np.flatnonzero(last)
    ring_last = np.maximum.accumulate(np.where(first, ring_last, 0))
    previous = np.where(first, ring_last, np.arange(n) - 1)
    out_dir = _unit(lines.end_xy - lines.start_xy)
    in_dir = _unit(lines.end_xy[previous] - lines.start_xy[previous])
    bisector = _unit(out_dir - in_dir)  # points between the two segments (either side)
    straight = np.hypot(*bisector.T) < 1e-9
    bisector[straight] = np.column_stack([out_dir[straight, 1], -out_dir[straight, 0]])
    candidate = points.xy + bisector * offset
    # contains, not contains_xy: inside QGIS shapely may run on QGIS's GEOS 3.11, which lacks the latter
    inside = shapely.contains(parcels[points.parcel], shapely.points(candidate))
    return np.where(inside[:, None], candidate, points.xy - bisector * offset)


def drawing(
    parcels: Sequence,
    codes: Sequence[str],
    areas: Sequence[Optional[float]],
    result: Boundaries,
    houses: Sequence = (),
    house_labels: Sequence[str] = (),
    text_height: float = 1.0,
) -> Drawing:
    """The drawing of parcels (shapely polygons), their boundary points and lines (``result`` of
    boundary.boundaries on the same parcels) and houses. ``areas`` (m², None: not shown) label each parcel."""
    parcels = np.asarray(parcels, dtype=object)
    out = Drawing()
    for geometry in parcels:
        out.rings.extend((PARCEL_LAYER, ring) for ring in rings_of(geometry))
    for geometry in houses:
        out.rings.extend((HOUSE_LAYER, ring) for ring in rings_of(geometry))

    points, lines = result.points, result.lines
    _unique_ids, first = np.unique(points.point_id, return_index=True)
    out.points.extend((POINT_LAYER, float(x), float(y)) for x, y in points.xy[np.sort(first)])
    label_xy = point_label_positions(result, parcels, 1.2 * text_height)
    out.texts.extend(Text(TEXT_LAYER, float(x), float(y), f"J{seq}", text_height, 0.0, "point")
                     for (x, y), seq in zip(label_xy, points.sequence.tolist()))

    # one segment (and one length) per physical edge: a shared edge is listed by both parcels
    a = np.round(lines.start_xy, 3)
    b = np.round(lines.end_xy, 3)
    swap = (a[:, 0] > b[:, 0]) | ((a[:, 0] == b[:, 0]) & (a[:, 1] > b[:, 1]))
    lo, hi = np.where(swap[:, None], b, a), np.where(swap[:, None], a, b)
    _keys, unique_rows = np.unique(np.hstack([lo, hi]), axis=0, return_index=True)
    unique_rows = np.sort(unique_rows)
    start, end = lines.start_xy[unique_rows], lines.end_xy[unique_rows]
    out.segments.extend((LINE_LAYER, np.array([s, e])) for s, e in zip(start, end))
    direction = _unit(end - start)
    # the numbering runs clockwise, so the parcel lies right of the travel direction: lengths go left (outside)
    left = np.column_stack([-direction[:, 1], direction[:, 0]])
    middle = (start + end) / 2 + left * 0.8 * text_height
    angle = readable_angle(*(end - start).T)
    length = lines.length[unique_rows]
    out.texts.extend(Text(TEXT_LAYER, float(x), float(y), f"{d:.{LENGTH_DECIMALS}f}", 0.8 * text_height, float(t), "length")
                     for (x, y), d, t in zip(middle, length.tolist(), angle.tolist()))

    for p, code, area in zip(shapely.point_on_surface(parcels), codes, areas):
        if p is None or p.is_empty:
            continue
        out.texts.append(Text(TEXT_LAYER, p.x, p.y + 0.7 * text_height, str(code), text_height, 0.0, "parcel"))
        if area is not None and math.isfinite(area):
            out.texts.append(Text(TEXT_LAYER, p.x, p.y - 0.7 * text_height, f"{area:.2f}", text_height, 0.0, "area"))
    for geometry, label in zip(houses, house_labels):
        if geometry is not None and label:
            p = shapely.point_on_surface(geometry)
            out.texts.append(Text(TEXT_LAYER, p.x, p.y, label, text_height, 0.0, "house"))
    return out


def _unit(vectors: np.ndarray) -> np.ndarray:
    norm = np.hypot(vectors[:, 0], vectors[:, 1])
    return vectors / np.where(norm > 0, norm, 1.0)[:, None]


def text_counts(d: Drawing) -> Dict[str, int]:
    """Texts per kind (for the run summary)."""
    counts: Dict[str, int] = {}
    for t in d.texts:
        counts[t.kind] = counts.get(t.kind, 0) + 1
    return counts
