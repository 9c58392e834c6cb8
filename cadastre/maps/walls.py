"""墙体归属 (wall ownership) of a household's outline, and how the 房产分户图 draws it (QGIS-free).

The survey records it per side of the 户, as the 房屋调查表 and provincial delivery tables do: H.QTGSD / QTGSN /
QTGSX / QTGSB (东/南/西/北), each 1 自有墙, 2 共有墙, 3 借墙 or 9 不详 (code list QTGS). An edge of the outline
belongs to the side its outward normal faces (east: within 45° of due east, and so on; exactly diagonal edges go
to the side clockwise from them). Drawn (GB/T 17986.1 房产分户图 practice): 自有墙 a thick line just
inside the outline, 共有墙 a thick line centred on it, 借墙 a thick dashed line just outside; 不详 and blank nothing.
"""
from __future__ import annotations

import math
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

from shapely.geometry import LineString, Polygon

SIDES = (("QTGSD", "东"), ("QTGSN", "南"), ("QTGSX", "西"), ("QTGSB", "北"))
WALL_FIELDS = tuple(name for name, _side in SIDES)
OWN, SHARED, BORROWED = 1, 2, 3
ROLES = {OWN: "own", SHARED: "shared", BORROWED: "borrowed"}  # the scene layer's categories (fct_walls.qml;
# "outline" is the legend's thin reference line)
LEGEND = (("own", "自有墙"), ("shared", "共有墙"), ("borrowed", "借墙"))
WALL_MM = 0.6  # stroke width on paper (fct_walls.qml): the offset of own and borrowed walls is half of it

Edge = Tuple[Tuple[float, float], Tuple[float, float], Tuple[float, float], int]  # a, b, outward normal, code


def side_of(nx: float, ny: float) -> str:
    """The field (QTGSD…) of an edge whose outward normal is (nx, ny): x east, y north."""
    angle = math.degrees(math.atan2(ny, nx))
    if -45 < angle <= 45:
        return "QTGSD"
    if 45 < angle <= 135:
        return "QTGSB"
    if -135 < angle <= -45:
        return "QTGSN"
    return "QTGSX"


def code_of(value) -> Optional[int]:
    try:
        code = int(value)
    except (TypeError, ValueError):
        return None
    return code if code in ROLES else None


def wall_edges(outline: Polygon, codes: Mapping[str, object]) -> List[Edge]:
    """The edges of ``outline``'s exterior whose side has an own, shared or borrowed wall."""
    found = {name: code_of(codes.get(name)) for name in WALL_FIELDS}
    if not any(found.values()) or outline is None or outline.is_empty:
        return []
    # counter-clockwise, the inside on the left (not shapely's orient: GEOS 3.12, and qgis_process runs on 3.11)
    coords = [tuple(c[:2]) for c in outline.exterior.coords]
    if not outline.exterior.is_ccw:
        coords.reverse()
    edges = []
    for a, b in zip(coords[:-1], coords[1:]):
        length = math.hypot(b[0] - a[0], b[1] - a[1])
        if length == 0:
            continue
        normal = ((b[1] - a[1]) / length, -(b[0] - a[0]) / length)  # to the right: outward
        code = found[side_of(*normal)]
        if code:
            edges.append((a, b, normal, code))
    return edges


def wall_strokes(edges: Sequence[Edge], mm: float) -> List[Tuple[LineString, str]]:
    """(line, role) to draw for each edge at ``mm`` plane metres per paper millimetre."""
    strokes = []
    half = WALL_MM / 2 * mm
    for a, b, (nx, ny), code in edges:
        shift = {OWN: -half, SHARED: 0.0, BORROWED: half}[code]
        strokes.append((LineString([(a[0] + nx * shift, a[1] + ny * shift), (b[0] + nx * shift, b[1] + ny * shift)]),
                        ROLES[code]))
    return strokes


# the map corners a legend may take, in order of preference (a layout item may cover the first)
CORNERS = ("lower left", "upper left", "lower right", "upper right")
LEGEND_WIDTH_MM = 32.0


def legend_rows(extent: Tuple[float, float, float, float], mm: float, roles: Sequence[str], corner: str = CORNERS[0]
                ) -> List[Tuple[List[Tuple[LineString, str]], str, Tuple[float, float]]]:
    """For each wall kind drawn, in ``corner`` of the map: its sample strokes (a thin outline with the wall drawn
    against it as on the plan, the inside below), its label and the label's left end."""
    minx, miny, maxx, maxy = extent
    left = minx if corner.endswith("left") else maxx - LEGEND_WIDTH_MM * mm
    rows = [(role, text) for role, text in LEGEND if role in roles]
    code = {role: c for c, role in ROLES.items()}
    result = []
    for k, (role, text) in enumerate(reversed(rows)):
        y = miny + (5.0 + 5.0 * k) * mm if corner.startswith("lower") else maxy - (5.0 + 5.0 * (len(rows) - 1 - k)) * mm
        a, b = (left + 6 * mm, y), (left + 14 * mm, y)
        outline = LineString([(left + 3 * mm, y), (left + 17 * mm, y)])  # longer: the wall is seen against it
        strokes = [(outline, "outline")] + wall_strokes([(a, b, (0.0, 1.0), code[role])], mm)
        result.append((strokes, text, (left + 19 * mm, y)))
    return list(reversed(result))


def side_codes(columns: Dict[str, list], row: int) -> Dict[str, object]:
    """The wall codes of one row of a table's QTGS* columns (missing columns: blank)."""
    return {name: columns[name][row] if name in columns else None for name in WALL_FIELDS}
