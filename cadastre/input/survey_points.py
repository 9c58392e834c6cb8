"""Parcels from a surveyed coordinate file (total station / RTK export): parse, check axes and zone, build rings.

The file (CSV/TXT in UTF-8 with or without BOM, or GBK/GB18030; or XLSX) lists per row a parcel code, a point
number, X and Y in survey order. Chinese survey files write **X = northing, Y = easting** (domain.md §3),
the easting often with the 3° zone number in front (37 512 345.678). A ring is closed by repeating its first
point (same number, or the same coordinates); rows of a parcel after a closed ring start its next ring (a hole
when inside the first ring, else another part).
"""
from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import shapely

from .. import zones
from ..messages import CadastreError, Problem, fail, translatable
from .sources import csv_failure, open_workbook

# normalised header names (lower case, no blanks, no unit in brackets) accepted for each column
COLUMN_NAMES = {
    "code": ("zddm", "宗地代码", "宗地号", "宗地编号", "地籍号", "zdzhdm", "code", "parcel", "parcelcode"),
    "point": ("jzdh", "点号", "界址点号", "点名", "点位", "point", "pointname", "name", "pt"),
    "x": ("x", "xzbz", "x坐标", "北坐标", "纵坐标", "n", "north", "northing"),
    "y": ("y", "yzbz", "y坐标", "东坐标", "横坐标", "e", "east", "easting"),
}
COLUMN_KEYS = ("code", "point", "x", "y")
COLUMN_LABELS = {"code": "宗地代码 ZDDM", "point": "点号 JZDH", "x": "X", "y": "Y"}  # named in messages
NORTHING_RANGE = (1_500_000.0, 6_500_000.0)  # m: China lies between about 15°N and 55°N
EASTING_RANGE = (200_000.0, 800_000.0)  # m, without zone number: within a 3° zone in China
CLOSE_TOLERANCE = 0.001  # m: a row this close to the ring's first point closes the ring


@dataclass
class SurveyRow:
    line: int  # 1-based line (CSV) or row (XLSX) in the file
    code: str
    point: str
    x: float  # as in the file's X column
    y: float  # as in the file's Y column


@dataclass
class SurveyFile:
    rows: List[SurveyRow]
    encoding: str  # 'utf-8', 'utf-8-sig', 'gb18030' or 'xlsx'
    problems: List[Problem] = field(default_factory=list)  # rows that could not be read


@dataclass
class Plane:
    """Where the coordinates are: easting/northing arrays (m) on ``epsg`` and what was changed to get there."""

    easting: np.ndarray
    northing: np.ndarray
    epsg: Optional[int]
    swapped: bool
    notes: List[Problem] = field(default_factory=list)


@dataclass
class BuiltParcels:
    codes: List[str]
    geometries: List  # shapely Polygon / MultiPolygon on the plane
    point_counts: List[int]
    problems: List[Problem] = field(default_factory=list)  # parcels rejected, with the reason


# --- reading -----------------------------------------------------------------------------------------------------


def decode(data: bytes) -> Tuple[str, str]:
    """(text, encoding): UTF-8 (a BOM is dropped), else GB18030 (a superset of GBK and GB2312)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        raise fail("FILE_ENCODING", translatable(
            "The file is neither UTF-8 nor GBK text; save it as UTF-8 CSV or as an Excel workbook.")) from None


def split_text(text: str) -> List[List[str]]:
    """Rows of cells from delimited text: comma (also the full-width '，'), tab, semicolon or blanks."""
    lines = [line for line in text.replace("，", ",").splitlines() if line.strip()]
    if not lines:
        return []
    for delimiter in (",", "\t", ";"):
        if all(delimiter in line for line in lines[: min(len(lines), 20)]):
            return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)]
    return [line.split() for line in lines]


def read_table(path: str, sheet: str = "") -> Tuple[List[Tuple[int, List[str]]], str]:
    """(numbered rows of text cells, encoding) of a CSV/TXT/DAT or XLSX file; empty rows skipped."""
    if path.lower().endswith((".xlsx", ".xlsm")):
        workbook = open_workbook(path)
        try:
            if sheet and sheet not in workbook.sheetnames:
                raise fail("FILE_SHEET", translatable("The workbook has no sheet {sheet}; it has {sheets}."),
                           sheet=sheet, sheets=", ".join(workbook.sheetnames))
            ws = workbook[sheet] if sheet else workbook.worksheets[0]
            rows = []
            for n, values in enumerate(ws.iter_rows(values_only=True), start=1):
                cells = ["" if v is None else (repr(v) if isinstance(v, float) else str(v)).strip() for v in values]
                if any(cells):
                    rows.append((n, cells))
        finally:
            workbook.close()
        return rows, "xlsx"
    with open(path, "rb") as handle:
        text, encoding = decode(handle.read())
    numbered = []
    line_numbers = [n for n, line in enumerate(text.replace("，", ",").splitlines(), start=1) if line.strip()]
    try:
        rows = split_text(text)
    except csv.Error as error:
        line = next((n for n, text_line in enumerate(text.splitlines(), 1) if len(text_line) > csv.field_size_limit()), 1)
        raise csv_failure(path, line, error) from None
    for n, cells in zip(line_numbers, rows):
        numbered.append((n, cells))
    return numbered, encoding


def _normalise(name: str) -> str:
    name = re.sub(r"[\(（\[].*?[\)）\]]", "", str(name)).strip().lower()
    return re.sub(r"\s+", "", name)


def _number(text: str) -> Optional[float]:
    try:
        value = float(str(text).replace(" ", ""))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def find_columns(first_row: Sequence[str], chosen: Dict[str, str]) -> Tuple[Dict[str, int], bool]:
    """(column index per key, has_header). ``chosen``: key → a header name or a 1-based column number (may be
    empty: then a known header name is looked for, else the order code, point, X, Y is assumed)."""
    normalised = [_normalise(c) for c in first_row]
    has_header = not (len(first_row) >= 4 and _number(first_row[2]) is not None and _number(first_row[3]) is not None)
    columns: Dict[str, int] = {}
    for position, key in enumerate(COLUMN_KEYS):
        wanted = (chosen.get(key) or "").strip()
        if wanted.isdigit():
            columns[key] = int(wanted) - 1
        elif wanted:
            if not has_header or _normalise(wanted) not in normalised:
                raise fail("FILE_COLUMN", translatable("The file has no column {column}; its first row is: {row}."),
                           column=wanted, row=" | ".join(first_row))
            columns[key] = normalised.index(_normalise(wanted))
        elif has_header:
            found = [i for i, name in enumerate(normalised) if name in COLUMN_NAMES[key]]
            if not found:
                raise fail("FILE_COLUMN_UNKNOWN", translatable(
                    "Cannot tell which column holds the {what}; name it in the parameters. First row: {row}."),
                    what=COLUMN_LABELS[key], row=" | ".join(first_row))
            columns[key] = found[0]
        else:
            columns[key] = position
    return columns, has_header


def read_survey_file(path: str, chosen: Optional[Dict[str, str]] = None, sheet: str = "") -> SurveyFile:
    """The rows of a coordinate file; rows without a code or with a non-numeric coordinate are reported."""
    rows, encoding = read_table(path, sheet)
    if not rows:
        raise fail("FILE_EMPTY", translatable("The coordinate file {path} has no rows."), path=path)
    columns, has_header = find_columns(rows[0][1], chosen or {})
    result = SurveyFile([], encoding)
    for line, cells in rows[1:] if has_header else rows:
        get = [cells[columns[k]] if columns[k] < len(cells) else "" for k in COLUMN_KEYS]
        code, point, x_text, y_text = get
        x, y = _number(x_text), _number(y_text)
        if not code:
            result.problems.append(Problem("ROW_NO_CODE", translatable("Line {line}: no parcel code; the row was skipped."), {"line": line}))
            continue
        if x is None or y is None:
            result.problems.append(Problem("ROW_NOT_NUMBER", translatable(
                "Line {line} (parcel {code}, point {point}): X '{x}' or Y '{y}' is not a number; parcel {code} was not built."),
                {"line": line, "code": code, "point": point, "x": x_text, "y": y_text}))
            result.rows.append(SurveyRow(line, code, point, math.nan, math.nan))
            continue
        result.rows.append(SurveyRow(line, code, point, x, y))
    return result


# --- axes and zone -------------------------------------------------------------------------------------------------


def _share_in(values: np.ndarray, low: float, high: float) -> float:
    return float(np.mean((values >= low) & (values <= high))) if len(values) else 0.0


def _is_easting(values: np.ndarray) -> bool:
    plain = _share_in(values, *EASTING_RANGE)
    prefixed = float(np.mean([zones.zone_of_prefixed_easting(v) is not None and EASTING_RANGE[0] <= v % 1_000_000 <= EASTING_RANGE[1]
                              for v in values])) if len(values) else 0.0
    return plain > 0.9 or prefixed > 0.9


def locate(x: Sequence[float], y: Sequence[float], epsg: Optional[int] = None) -> Plane:
    """Easting/northing on a CGCS2000 3° zone from the file's X and Y columns.

    X/Y swapped (X holds eastings, Y northings) is detected from the value ranges and undone. Eastings with the
    zone number (8 digits) give the zone; ``epsg`` (the CRS chosen by the user, optional) must agree with it.
    On a zone CRS without the zone number (EPSG:4534-4554) the prefix is removed; on one with it (4513-4533)
    a missing prefix is added. Coordinates that are not in any 3° zone (a local grid) are kept as they are
    when ``epsg`` is given, refused otherwise.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    notes: List[Problem] = []
    swapped = _is_easting(x) and _share_in(y, *NORTHING_RANGE) > 0.9
    if swapped:
        x, y = y, x
        notes.append(Problem("AXES_SWAPPED", translatable(
            "The X column holds eastings and the Y column northings (X/Y swapped); they were exchanged. Survey tables write X = northing.")))
    northing, easting = x, y
    in_zone = _is_easting(easting) and _share_in(northing, *NORTHING_RANGE) > 0.9
    target = zones.zone_of_epsg(epsg) if epsg else None
    if not in_zone:
        if epsg is None:
            raise fail("COORDS_UNKNOWN_PLANE", translatable(
                "The coordinates are not CGCS2000 3° zone coordinates (X northing 1 500 000-6 500 000 m, Y easting); choose "
                "the CRS they are in."))
        return Plane(easting, northing, epsg, swapped, notes)
    prefixed_zones = {zones.zone_of_prefixed_easting(v) for v in easting}
    if None not in prefixed_zones:
        if len(prefixed_zones) > 1:
            raise fail("COORDS_SEVERAL_ZONES", translatable(
                "The eastings carry several zone numbers ({zones}); split the file by zone."),
                zones=", ".join(str(z) for z in sorted(prefixed_zones)))
        zone = prefixed_zones.pop()
        if target is None:
            notes.append(Problem("ZONE_FROM_EASTING", translatable(
                "The eastings carry zone number {zone}: the parcels are in EPSG:{epsg}."), {"zone": zone, "epsg": zones.epsg_for_zone(zone, True)}))
            return Plane(easting, northing, zones.epsg_for_zone(zone, True), swapped, notes)
        if target[0] != zone:
            raise fail("COORDS_ZONE_MISMATCH", translatable(
                "The eastings carry zone number {zone}, but the chosen CRS EPSG:{epsg} is zone {crs_zone}; choose EPSG:{right}."),
                zone=zone, epsg=epsg, crs_zone=target[0], right=zones.epsg_for_zone(zone, target[1]))
        if not target[1]:
            easting = easting - zone * 1_000_000
            notes.append(Problem("ZONE_PREFIX_REMOVED", translatable(
                "The zone number {zone} was removed from the eastings for EPSG:{epsg} (a zone CRS without it)."), {"zone": zone, "epsg": epsg}))
        return Plane(easting, northing, epsg, swapped, notes)
    if None in prefixed_zones and len(prefixed_zones) > 1:
        raise fail("COORDS_MIXED_PREFIX", translatable(
            "Some eastings carry a zone number and others do not; make them consistent."))
    if target is None:
        if epsg is None:
            raise fail("COORDS_NO_ZONE", translatable(
                "The eastings carry no zone number, so the zone is unknown: choose the CRS (e.g. EPSG:4546 for 111°E)."))
        return Plane(easting, northing, epsg, swapped, notes)
    if target[1]:
        easting = easting + target[0] * 1_000_000
        notes.append(Problem("ZONE_PREFIX_ADDED", translatable(
            "The zone number {zone} was added to the eastings for EPSG:{epsg} (a zone CRS with it)."), {"zone": target[0], "epsg": epsg}))
    return Plane(easting, northing, epsg, swapped, notes)


# --- rings -----------------------------------------------------------------------------------------------------------


def build_parcels(rows: Sequence[SurveyRow], easting: np.ndarray, northing: np.ndarray) -> BuiltParcels:
    """Polygons per parcel code, in order of first appearance. A parcel with an unclosed ring, a ring of fewer
    than 3 points, a self-crossing ring or an unreadable coordinate is rejected with the reason; the others
    are built."""
    groups: Dict[str, List[int]] = {}
    for i, row in enumerate(rows):
        groups.setdefault(row.code, []).append(i)
    built = BuiltParcels([], [], [])
    for code, indices in groups.items():
        try:
            geometry, n_points = _parcel(code, [rows[i] for i in indices], easting[indices], northing[indices])
        except CadastreError as error:
            built.problems.append(error.problem)
            continue
        built.codes.append(code)
        built.geometries.append(geometry)
        built.point_counts.append(n_points)
    return built


def _parcel(code: str, rows: List[SurveyRow], e: np.ndarray, n: np.ndarray):
    bad = [r for r, ee, nn in zip(rows, e, n) if math.isnan(ee) or math.isnan(nn)]
    if bad:
        raise fail("PARCEL_BAD_ROW", translatable("Parcel {code}: line {line} has no usable coordinates; the parcel was not built."),
                   code=code, line=bad[0].line)
    rings: List[np.ndarray] = []
    start = 0
    for k in range(1, len(rows)):
        if k <= start:
            continue
        same_name = rows[k].point and rows[k].point == rows[start].point
        same_place = math.hypot(e[k] - e[start], n[k] - n[start]) <= CLOSE_TOLERANCE
        if same_name or same_place:
            ring = np.column_stack([e[start:k + 1], n[start:k + 1]])
            if same_name and not same_place:
                raise fail("RING_CLOSE_MISMATCH", translatable(
                    "Parcel {code}: point {point} closes the ring on line {line} at another place ({distance:.3f} m away) than on line {first}."),
                    code=code, point=rows[k].point, line=rows[k].line, first=rows[start].line,
                    distance=math.hypot(e[k] - e[start], n[k] - n[start]))
            if len(ring) < 4:
                raise fail("RING_TOO_SHORT", translatable(
                    "Parcel {code}: the ring closed on line {line} has fewer than 3 points."), code=code, line=rows[k].line)
            rings.append(ring)
            start = k + 1
    if start < len(rows):
        raise fail("RING_UNCLOSED", translatable(
            "Parcel {code}: the ring starting with point {point} (line {line}) is not closed; repeat its first point at its end."),
            code=code, point=rows[start].point, line=rows[start].line)
    shells: List[Tuple[np.ndarray, List[np.ndarray]]] = []
    for ring in rings:
        polygon = shapely.Polygon(ring)
        host = next((s for s in shells if shapely.Polygon(s[0]).contains(polygon)), None)
        if host is not None:
            host[1].append(ring)
        else:
            shells.append((ring, []))
    parts = [shapely.Polygon(shell, holes) for shell, holes in shells]
    geometry = parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts)
    if not shapely.is_valid(geometry):
        raise fail("RING_INVALID", translatable(
            "Parcel {code}: its boundary crosses itself or its rings overlap ({reason}); check the point order."),
            code=code, reason=shapely.is_valid_reason(geometry))
    return geometry, sum(len(r) - 1 for r in rings)


# --- CASS coordinate files (.dat) ------------------------------------------------------------------------------------
# CASS (on AutoCAD), total stations and RTK controllers write one point a line: 点名,编码,Y(东),X(北),H — the
# easting before the northing, no header. The parcel a point belongs to is either in the 编码 column (points in
# survey order, rings closed by repeating the first point, as in the table files) or in a companion list.


@dataclass
class CassFile:
    rows: List[SurveyRow]  # code = the 编码 column, point = 点名, x = northing (4th field), y = easting (3rd)
    heights: List[Optional[float]]  # H per row (None: not given)
    encoding: str
    problems: List[Problem] = field(default_factory=list)


def looks_like_cass(path: str) -> bool:
    """A .dat file whose first lines are mostly 点名,编码,Y,X,H (numbers in the 3rd and 4th field)."""
    if not path.lower().endswith(".dat"):
        return False
    with open(path, "rb") as handle:
        text, _encoding = decode(handle.read(65536))
    lines = [line for line in text.replace("，", ",").splitlines() if line.strip()][:20]
    if not lines:
        return False
    # a headerless 4-column table (code, point, X, Y) looks alike: CASS needs the 5th field (H, may be empty) or
    # an empty 编码; otherwise the FORMAT parameter decides
    good = [_number(f[2]) is not None and _number(f[3]) is not None and (len(f) == 5 or (len(f) == 4 and not f[1].strip()))
            for f in (line.split(",") for line in lines) if len(f) >= 4]
    return sum(good) > len(lines) / 2


def read_cass_file(path: str) -> CassFile:
    """The points of a CASS .dat file (UTF-8 or GBK). A line that is not 点名,编码,Y,X[,H] is reported with its
    number; when it still names a 编码 a row without coordinates is kept, so that parcel is refused, not built
    without the point."""
    with open(path, "rb") as handle:
        text, encoding = decode(handle.read())
    result = CassFile([], [], encoding)
    for line, raw in enumerate(text.replace("，", ",").splitlines(), start=1):
        if not raw.strip():
            continue
        cells = [c.strip() for c in raw.split(",")]
        name, code = (cells + ["", ""])[:2]
        easting = _number(cells[2]) if len(cells) > 2 else None
        northing = _number(cells[3]) if len(cells) > 3 else None
        if len(cells) not in (4, 5) or easting is None or northing is None or not name:
            result.problems.append(Problem("CASS_BAD_LINE", translatable(
                "Line {line}: '{text}' is not a CASS point (点名,编码,Y east,X north,H); the point was not read."),
                {"line": line, "text": raw.strip()[:80]}))
            if code:
                result.rows.append(SurveyRow(line, code, name, math.nan, math.nan))
                result.heights.append(None)
            continue
        height = None
        if len(cells) == 5 and cells[4]:
            height = _number(cells[4])
            if height is None:
                result.problems.append(Problem("CASS_BAD_HEIGHT", translatable(
                    "Line {line} (point {point}): the height '{height}' is not a number; the point was read without it."),
                    {"line": line, "point": name, "height": cells[4]}))
        result.rows.append(SurveyRow(line, code, name, northing, easting))
        result.heights.append(height)
    return result


def read_parcel_list(path: str) -> List[Tuple[int, str, List[str]]]:
    """(line, parcel code, point names) from a companion list: one line per parcel, ``宗地代码,点名,点名,…`` in
    boundary order (comma, tab or blanks); a line may repeat a parcel code to continue its points; a ring is
    closed by repeating its first point name, and the last ring of a parcel is closed if it is not."""
    rows, _encoding = read_table(path)
    result = []
    for line, cells in rows:
        cells = [c for c in cells if c]
        if len(cells) < 2:
            raise fail("LIST_BAD_LINE", translatable(
                "Line {line} of the parcel list: expected a parcel code followed by point names, found '{text}'."),
                line=line, text=",".join(cells))
        result.append((line, cells[0], cells[1:]))
    return result


def rows_from_list(cass: CassFile, parcel_list: Sequence[Tuple[int, str, List[str]]]) -> Tuple[List[SurveyRow], List[Problem]]:
    """Survey rows in boundary order for the parcels of ``parcel_list``, coordinates from ``cass``.

    A parcel naming a point the file lacks, or a point named twice in the file at different places, gets a row
    without coordinates (so build_parcels refuses it) and a problem naming the list line."""
    places: Dict[str, List[SurveyRow]] = {}
    for row in cass.rows:
        if row.point:
            places.setdefault(row.point, []).append(row)
    names: Dict[str, List[str]] = {}
    first_line: Dict[str, int] = {}
    for line, code, points in parcel_list:
        names.setdefault(code, []).extend(points)
        first_line.setdefault(code, line)
    rows: List[SurveyRow] = []
    problems: List[Problem] = []
    for code, points in names.items():
        if _open_ring(points):
            points = points + [points[_ring_start(points)]]
        line = first_line[code]
        for name in points:
            found = places.get(name, [])
            distinct = {(r.x, r.y) for r in found}
            if len(distinct) != 1 or any(math.isnan(x) for x, _y in distinct):
                if not found or any(math.isnan(x) for x, _y in distinct):
                    problems.append(Problem("LIST_POINT_MISSING", translatable(
                        "Parcel list line {line}: parcel {code} names point {point}, which the coordinate file does not have (or could not read)."),
                        {"line": line, "code": code, "point": name}))
                else:
                    problems.append(Problem("LIST_POINT_AMBIGUOUS", translatable(
                        "Parcel list line {line}: point {point} of parcel {code} is in the coordinate file {n} times at different places (lines {lines})."),
                        {"line": line, "code": code, "point": name, "n": len(found), "lines": ", ".join(str(r.line) for r in found)}))
                rows.append(SurveyRow(line, code, name, math.nan, math.nan))
                continue
            rows.append(SurveyRow(found[0].line, code, name, found[0].x, found[0].y))
    return rows, problems


def _ring_start(points: Sequence[str]) -> int:
    """Index where the last ring of ``points`` starts (rings closed by repeating their first name)."""
    start = 0
    k = 1
    while k < len(points):
        if points[k] == points[start]:
            start = k + 1
            k = start + 1
        else:
            k += 1
    return start


def _open_ring(points: Sequence[str]) -> bool:
    return _ring_start(points) < len(points)


def cass_parcel_rows(cass: CassFile, parcel_list=None) -> Tuple[List[SurveyRow], List[Problem]]:
    """The rows to build parcels from: the points in ``parcel_list`` order when a list is given, else the points
    whose 编码 column holds a parcel code, in file order. Points left out are reported (line numbers)."""
    if parcel_list is not None:
        rows, problems = rows_from_list(cass, parcel_list)
        used = {r.point for r in rows}
        unused = [r.line for r in cass.rows if r.point not in used]
    else:
        rows = [r for r in cass.rows if r.code]
        problems = []
        unused = [r.line for r in cass.rows if not r.code]
    if unused:
        problems.append(Problem("CASS_POINTS_UNUSED", translatable(
            "{n} points of the coordinate file belong to no parcel and were not used (lines {lines})."),
            {"n": len(unused), "lines": line_ranges(unused)}))
    return rows, problems


def line_ranges(lines: Sequence[int]) -> str:
    """'3-7, 9, 12-13' for line numbers 3,4,5,6,7,9,12,13."""
    parts: List[str] = []
    for n in sorted(set(lines)):
        if parts and n == parts[-1][1] + 1:
            parts[-1][1] = n
        else:
            parts.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in parts)
