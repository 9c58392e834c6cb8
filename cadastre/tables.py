"""界址点成果表 (boundary-point coordinate table): the model, its A4 pagination, XLSX and CSV writers.

Layout (domain.md §4): columns 序号 | 点号 | X (m) | Y (m) | 边长 (m); X is the northing, Y the easting;
each edge length sits on its own row between the two point rows; every ring closes back to its first point;
coordinates 3 decimals, lengths 2. The workbook has one sheet per parcel. Each printed A4 page carries the
header 宗地代码, 权利人, 宗地面积, 建筑面积 and 第 n 页 共 N 页; the title row repeats on every page (print
titles); a page that continues a ring starts again with the last point of the page before, so every length
stands between its two points on one page.
"""
from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from typing import Iterable, List, Optional, Sequence

from .boundary import Boundaries

TITLE = "界址点成果表"
COLUMNS = ("序号", "点号", "X(m)", "Y(m)", "边长(m)")
POINTS_PER_PAGE = 18  # point rows per A4 portrait page at the row heights below
DEFAULT_FONT = "宋体"
COORDINATE_FORMAT, LENGTH_FORMAT, AREA_FORMAT = "0.000", "0.00", "0.00"


@dataclass(frozen=True)
class PointEntry:
    """One point row: ``number`` is the 序号 (None on the row that closes a ring), x the northing."""

    number: Optional[int]
    name: str
    x: float  # northing (m)
    y: float  # easting (m)
    ring: int
    length_to_next: Optional[float]  # the edge to the next row, None at the end of a ring


@dataclass
class ParcelTable:
    code: str
    owner: str
    area: float  # 宗地面积 m²
    floor_area: Optional[float]  # 建筑面积 m² (None: unknown)
    entries: List[PointEntry]

    def pages(self, points_per_page: int = POINTS_PER_PAGE) -> List[List[PointEntry]]:
        """Point rows per printed page; a page continuing a ring repeats the last point of the page before."""
        if points_per_page < 2:
            raise ValueError("a page holds at least two points")
        pages: List[List[PointEntry]] = []
        current: List[PointEntry] = []
        for entry in self.entries:
            if len(current) == points_per_page:
                pages.append(current)
                last = current[-1]
                current = [last] if last.length_to_next is not None else []
            current.append(entry)
        if current:
            pages.append(current)
        return pages


def parcel_tables(
    result: Boundaries,
    codes: Sequence[str],
    owners: Sequence,
    areas: Sequence[float],
    floor_areas: Optional[Sequence] = None,
) -> List[ParcelTable]:
    """One table per parcel that has boundary points, in input order."""
    points = result.points
    tables: List[ParcelTable] = []
    if len(points) == 0:
        return tables
    boundaries_at = [0] + [i for i in range(1, len(points)) if points.parcel[i] != points.parcel[i - 1]] + [len(points)]
    for start, stop in zip(boundaries_at[:-1], boundaries_at[1:]):
        parcel = int(points.parcel[start])
        entries: List[PointEntry] = []
        ring_start = start
        for i in range(start, stop):
            closes = i + 1 == stop or points.ring[i + 1] != points.ring[i]
            nxt = ring_start if closes else i + 1
            length = math.hypot(*(points.xy[nxt] - points.xy[i]))
            entries.append(PointEntry(int(points.sequence[i]), f"J{points.sequence[i]}", float(points.xy[i, 1]),
                                      float(points.xy[i, 0]), int(points.ring[i]), length))
            if closes:
                first = points.sequence[ring_start]
                entries.append(PointEntry(None, f"J{first}", float(points.xy[ring_start, 1]),
                                          float(points.xy[ring_start, 0]), int(points.ring[i]), None))
                ring_start = i + 1
        floor = None if floor_areas is None else _number(floor_areas[parcel])
        tables.append(ParcelTable(str(codes[parcel]), _text(owners[parcel]), float(areas[parcel]), floor, entries))
    return tables


# --- names -------------------------------------------------------------------------------------------------------

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"COM{i}" for i in range(1, 10)} | {f"LPT{i}" for i in range(1, 10)}


def safe_file_name(text: str, max_length: int = 100) -> str:
    """A file name (without extension) valid on Windows, macOS and Linux, keeping Chinese characters.

    Characters Windows forbids (<>:"/\\|?* and control characters) become '_', trailing dots and spaces go,
    reserved device names (CON, NUL, COM1...) get a '_' suffix, and the result is at most ``max_length``
    characters; an empty result becomes '_'.
    """
    name = _FORBIDDEN.sub("_", str(text)).strip().rstrip(". ")
    name = name[:max_length].rstrip(". ")
    if name.split(".")[0].upper() in _RESERVED:
        name += "_"
    return name or "_"


def unique_names(names: Iterable[str], casefold: bool = True) -> List[str]:
    """``names`` made unique by appending _2, _3... (case-insensitively, as Windows and Excel compare)."""
    seen = set()
    result = []
    for name in names:
        candidate, k = name, 1
        while (candidate.casefold() if casefold else candidate) in seen:
            k += 1
            candidate = f"{name}_{k}"
        seen.add(candidate.casefold() if casefold else candidate)
        result.append(candidate)
    return result


def sheet_name(text: str) -> str:
    """An Excel sheet name: no []:*?/\\, at most 31 characters, not empty."""
    name = re.sub(r"[\[\]:*?/\\]", "_", str(text)).strip("'")[:31]
    return name or "_"


# --- writers -----------------------------------------------------------------------------------------------------


def write_csv(path: str, tables: Sequence[ParcelTable]) -> None:
    """All tables in one CSV (UTF-8 with BOM, so Excel opens Chinese text right): one row per point row, with
    the length of the edge to the next row."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["宗地代码", "权利人"] + list(COLUMNS))
        for table in tables:
            for e in table.entries:
                writer.writerow([
                    table.code, table.owner, "" if e.number is None else e.number, e.name, f"{e.x:.3f}", f"{e.y:.3f}",
                    "" if e.length_to_next is None else f"{e.length_to_next:.2f}",
                ])


def write_workbook(path: str, tables: Sequence[ParcelTable], font_name: str = DEFAULT_FONT,
                   points_per_page: int = POINTS_PER_PAGE) -> None:
    """An XLSX with one sheet per parcel, paginated for A4 portrait (openpyxl)."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    _add_styles(workbook, font_name)
    for table, name in zip(tables, unique_names(sheet_name(t.code) for t in tables)):
        _write_sheet(workbook.create_sheet(name), table, points_per_page)
    if not tables:
        sheet = workbook.create_sheet(TITLE)
        sheet["A1"] = TITLE
    workbook.save(path)


def _add_styles(workbook, font_name: str) -> None:
    """Named cell styles, registered once: assigning one to a cell is cheap, unlike setting font, border and
    alignment cell by cell."""
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side

    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = Alignment(horizontal="center", vertical="center")
    styles = {
        "jzd_title": (Font(name=font_name, size=16, bold=True), Border(), "General"),
        "jzd_label": (Font(name=font_name, size=10, bold=True), box, "General"),
        "jzd_text": (Font(name=font_name, size=10), box, "General"),
        "jzd_coordinate": (Font(name=font_name, size=10), box, COORDINATE_FORMAT),
        "jzd_length": (Font(name=font_name, size=10), box, LENGTH_FORMAT),
        "jzd_area": (Font(name=font_name, size=10), box, AREA_FORMAT),
    }
    for name, (font, border, number_format) in styles.items():
        workbook.add_named_style(NamedStyle(name=name, font=font, border=border, alignment=centre, number_format=number_format))


def _write_sheet(sheet, table: ParcelTable, points_per_page: int) -> None:
    from openpyxl.worksheet.pagebreak import Break, RowBreak

    for column, width in zip("ABCDE", (13, 10, 16, 16, 13)):
        sheet.column_dimensions[column].width = width

    def cell(row, column, value, style="jzd_text"):
        c = sheet.cell(row=row, column=column, value=value)
        c.style = style

    sheet.merge_cells("A1:E1")
    cell(1, 1, TITLE, "jzd_title")
    sheet.row_dimensions[1].height = 28
    pages = table.pages(points_per_page)
    row = 2
    breaks = RowBreak()
    for n, page in enumerate(pages, start=1):
        cell(row, 1, "宗地代码", "jzd_label")
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
        cell(row, 2, table.code)
        cell(row, 3, None)
        cell(row, 4, "权利人", "jzd_label")
        cell(row, 5, table.owner)
        cell(row + 1, 1, "宗地面积(m²)", "jzd_label")
        cell(row + 1, 2, round(table.area, 2), "jzd_area")
        cell(row + 1, 3, "建筑面积(m²)", "jzd_label")
        cell(row + 1, 4, None if table.floor_area is None else round(table.floor_area, 2), "jzd_area")
        cell(row + 1, 5, f"第 {n} 页 共 {len(pages)} 页")
        for column, heading in enumerate(COLUMNS, start=1):
            cell(row + 2, column, heading, "jzd_label")
        for r in range(row, row + 3):
            sheet.row_dimensions[r].height = 20
        row += 3
        for k, entry in enumerate(page):
            cell(row, 1, entry.number)
            cell(row, 2, entry.name)
            cell(row, 3, round(entry.x, 3), "jzd_coordinate")
            cell(row, 4, round(entry.y, 3), "jzd_coordinate")
            cell(row, 5, None)
            sheet.row_dimensions[row].height = 18
            row += 1
            if k + 1 < len(page) and entry.length_to_next is not None:
                for column in range(1, 5):
                    cell(row, column, None)
                cell(row, 5, round(entry.length_to_next, 2), "jzd_length")
                sheet.row_dimensions[row].height = 18
                row += 1
        if n < len(pages):
            breaks.append(Break(id=row - 1))
    sheet.row_breaks = breaks
    sheet.print_area = f"A1:E{row - 1}"
    sheet.print_title_rows = "$1:$1"  # absolute, as Excel writes it: LibreOffice ignores a relative 1:1
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = sheet.ORIENTATION_PORTRAIT
    setup.fitToWidth, setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.page_margins.left = sheet.page_margins.right = 0.6


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _number(value) -> Optional[float]:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number
