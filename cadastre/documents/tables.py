"""界址点成果表 (boundary-point coordinate table): the model, its A4 pagination, XLSX and CSV writers.

Layout (domain.md §4): columns 序号 | 点号 | X (m) | Y (m) | 边长 (m); X is the northing, Y the easting;
each edge length sits on its own row between the two point rows; every ring closes back to its first point;
coordinates 3 decimals, lengths 2. A workbook has one sheet per parcel (for a county: one workbook per
地籍子区, see TableSource.by_village and village_file_name). Each printed A4 page carries the
header 宗地代码, 权利人, 宗地面积, 建筑面积 and 第 n 页 共 N 页; the title row repeats on every page (print
titles); a page that continues a ring starts again with the last point of the page before, so every length
stands between its two points on one page.
"""
from __future__ import annotations

import csv
import logging
import math
import os
import re
import threading
from dataclasses import dataclass
from typing import Callable, Dict, Iterable, Iterator, List, Optional, Sequence

import numpy as np

from ..boundary import Boundaries
from ..codes import village_of

TITLE = "界址点成果表"
COLUMNS = ("序号", "点号", "X(m)", "Y(m)", "边长(m)")
POINTS_PER_PAGE = 18  # point rows per A4 portrait page at the row heights below
DEFAULT_FONT = "宋体"
COORDINATE_FORMAT, LENGTH_FORMAT, AREA_FORMAT = "0.000", "0.00", "0.00"

_log = logging.getLogger(__name__)


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


class TableSource:
    """The tables of every parcel that has boundary points, in input order, made one at a time on demand.

    A county's tables as Python objects would take gigabytes (a few hundred bytes per point row); the
    numbered points stay in their numpy arrays and each writer builds the table it writes next, so memory
    does not grow with the number of tables written.
    """

    def __init__(self, result: Boundaries, codes: Sequence[str], owners: Sequence, areas: Sequence[float],
                 floor_areas: Optional[Sequence] = None):
        self._points = result.points
        self._codes, self._owners, self._areas, self._floor_areas = codes, owners, areas, floor_areas
        parcel = np.asarray(self._points.parcel)
        starts = np.flatnonzero(np.r_[True, parcel[1:] != parcel[:-1]]) if len(parcel) else np.zeros(0, dtype=int)
        self._parcel = parcel[starts]
        self._start = starts
        self._stop = np.r_[starts[1:], len(parcel)].astype(int)

    def __len__(self) -> int:
        return len(self._start)

    def __iter__(self) -> Iterator[ParcelTable]:
        return self.tables(range(len(self)))

    def code(self, k: int) -> str:
        """The 宗地代码 of table ``k`` (without building the table)."""
        return str(self._codes[int(self._parcel[k])])

    def tables(self, indices: Iterable[int]) -> Iterator[ParcelTable]:
        for k in indices:
            yield self.table(k)

    def by_village(self) -> Dict[str, List[int]]:
        """Table indices per 地籍子区 (the 12-digit ZDDM prefix; '' for codes without one), in order of first
        appearance."""
        groups: Dict[str, List[int]] = {}
        for k in range(len(self)):
            groups.setdefault(village_of(self.code(k)), []).append(k)
        return groups

    def table(self, k: int) -> ParcelTable:
        points, start, stop = self._points, int(self._start[k]), int(self._stop[k])
        parcel = int(self._parcel[k])
        xy, ring, sequence = points.xy[start:stop].tolist(), points.ring[start:stop].tolist(), points.sequence[start:stop].tolist()
        entries: List[PointEntry] = []
        ring_start = 0
        n = stop - start
        for i in range(n):
            closes = i + 1 == n or ring[i + 1] != ring[i]
            nxt = ring_start if closes else i + 1
            length = math.hypot(xy[nxt][0] - xy[i][0], xy[nxt][1] - xy[i][1])
            entries.append(PointEntry(sequence[i], f"J{sequence[i]}", xy[i][1], xy[i][0], ring[i], length))
            if closes:
                entries.append(PointEntry(None, f"J{sequence[ring_start]}", xy[ring_start][1], xy[ring_start][0], ring[i], None))
                ring_start = i + 1
        floor = None if self._floor_areas is None else _number(self._floor_areas[parcel])
        return ParcelTable(str(self._codes[parcel]), _text(self._owners[parcel]), float(self._areas[parcel]), floor, entries)


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
    unique = UniqueNames(casefold)
    return [unique.take(name) for name in names]


class UniqueNames:
    """Names made unique one at a time, by appending _2, _3... (case-insensitively by default, as Windows and
    Excel compare); ``max_length`` shortens the name before the suffix so that the result still fits."""

    def __init__(self, casefold: bool = True, max_length: Optional[int] = None):
        self._seen: set = set()
        self._casefold, self._max_length = casefold, max_length

    def take(self, name: str) -> str:
        candidate, k = name, 1
        while (candidate.casefold() if self._casefold else candidate) in self._seen:
            k += 1
            suffix = f"_{k}"
            base = name if self._max_length is None else name[:self._max_length - len(suffix)]
            candidate = base + suffix
        self._seen.add(candidate.casefold() if self._casefold else candidate)
        return candidate


SHEET_NAME_LENGTH = 31  # Excel's limit


def sheet_name(text: str) -> str:
    """An Excel sheet name: no []:*?/\\, at most 31 characters, not empty."""
    name = re.sub(r"[\[\]:*?/\\]", "_", str(text)).strip("'")[:SHEET_NAME_LENGTH]
    return name or "_"


def village_file_name(village: str) -> str:
    """The file name (without extension) of a village's workbook: its 12-digit 地籍子区 code and the title, e.g.
    430102001001_界址点成果表; parcels whose code has no 12-digit prefix go to 地籍子区不明_界址点成果表."""
    return f"{village or UNKNOWN_VILLAGE}_{TITLE}"


UNKNOWN_VILLAGE = "地籍子区不明"


# --- writers -----------------------------------------------------------------------------------------------------


def write_csv(path: str, tables: Iterable[ParcelTable], progress: Optional[Callable[[int], None]] = None) -> int:
    """All tables in one CSV (UTF-8 with BOM, so Excel opens Chinese text right): one row per point row, with
    the length of the edge to the next row. ``progress(n)`` after each table (it may raise to stop); returns
    the number of tables."""
    n = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["宗地代码", "权利人"] + list(COLUMNS))
        for table in tables:
            writer.writerows([
                table.code, table.owner, "" if e.number is None else e.number, e.name, f"{e.x:.3f}", f"{e.y:.3f}",
                "" if e.length_to_next is None else f"{e.length_to_next:.2f}",
            ] for e in table.entries)
            n += 1
            if progress is not None:
                progress(n)
    return n


def write_workbook(path: str, tables: Iterable[ParcelTable], font_name: str = DEFAULT_FONT,
                   points_per_page: int = POINTS_PER_PAGE, progress: Optional[Callable[[int], None]] = None) -> int:
    """An XLSX with one sheet per parcel, paginated for A4 portrait (openpyxl). Returns the number of sheets.

    Written in linear time and with the rows of one sheet in memory at a time: openpyxl's write-only mode
    streams each sheet's rows to a temporary file as they come (row heights, column widths, merged cells,
    page breaks, print area and titles, page set-up and named styles all work there), and two quadratic
    steps of openpyxl are avoided (see _new_sheet and _linear_defined_names). ``progress(n)`` is called after
    each sheet and may raise to stop: then openpyxl's temporary files are removed and ``path`` is not written.
    """
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    _linear_defined_names(workbook)
    cells = _Cells(workbook, font_name)
    names = UniqueNames(max_length=SHEET_NAME_LENGTH)
    n = 0
    try:
        for table in tables:
            _write_sheet(_new_sheet(workbook, names.take(sheet_name(table.code))), table, points_per_page, cells)
            n += 1
            if progress is not None:
                progress(n)
        if n == 0:
            sheet = _new_sheet(workbook, TITLE)
            cells.start(sheet)
            sheet.append([cells.get(1, "jzd_title", TITLE)])
            sheet.close()
        _save(workbook, path)
    finally:
        _remove_temporary_files(workbook)
    return n


class _Cells:
    """Named cell styles, registered once, and one reusable styled cell per (column, style): a write-only
    sheet writes each row's cells as it is appended, so a cell object can carry the next row's value."""

    def __init__(self, workbook, font_name: str):
        from openpyxl.cell import WriteOnlyCell
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
        self._new = WriteOnlyCell
        self._cells: Dict[tuple, object] = {}
        self._sheet = None

    def start(self, sheet) -> None:
        """The cells go to ``sheet`` from now on."""
        self._sheet = sheet
        for cell in self._cells.values():
            cell.parent = sheet

    def get(self, column: int, style: str, value=None):
        """The cell of ``column`` in ``style``, holding ``value`` (None: an empty cell that keeps its border)."""
        cell = self._cells.get((column, style))
        if cell is None:
            cell = self._cells[(column, style)] = self._new(self._sheet)
            cell.style = style
        cell.value = value
        return cell


def _new_sheet(workbook, title: str):
    """A write-only sheet titled ``title``, which the caller made unique and valid (UniqueNames, sheet_name).

    openpyxl's create_sheet compares each new title with the titles of all sheets so far (lower-casing the
    whole list: quadratic in sheets, most of the time at 10,000 sheets); the sheet is made here with a
    parent that has no sheets, then given to the workbook. Falls back to create_sheet should a future
    openpyxl not allow it.
    """
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    class _NoSheets:
        sheetnames = ()

    try:
        sheet = WriteOnlyWorksheet(parent=_NoSheets, title=title)
        sheet._parent = workbook
        workbook._add_sheet(sheet)
    except (AttributeError, TypeError, ValueError):
        return workbook.create_sheet(title)
    if sheet.title != title or sheet.parent is not workbook:
        workbook.remove(sheet)
        return workbook.create_sheet(title)
    return sheet


def _linear_defined_names(workbook) -> None:
    """openpyxl 3.0 saves each sheet's print area and print titles with DefinedNameList.append, which copies
    and re-validates the whole list every time (quadratic in sheets). The names it appends are distinct by
    construction (one per sheet index), so the workbook gets a list that appends in place. openpyxl 3.1 and
    later keep the names per sheet and save them in linear time: nothing to do there."""
    from openpyxl.descriptors import Sequence as SequenceDescriptor
    from openpyxl.workbook.defined_name import DefinedName, DefinedNameList

    names = getattr(workbook, "defined_names", None)
    if type(names) is not DefinedNameList or len(names):
        return

    class _AppendInPlace(DefinedNameList):
        definedName = SequenceDescriptor(expected_type=DefinedName)  # noqa: N815 (openpyxl's name; re-declared: the serialiser lists a class's own)

        def append(self, defn):
            self.definedName.append(defn)

    workbook.defined_names = _AppendInPlace()


_SAVE_LOCK = threading.Lock()


def _save(workbook, path: str) -> None:
    """``workbook.save(path)``. openpyxl 3.0's workbook writer adds each sheet's relationship with
    RelationshipList.append, which copies and re-validates the list of all so far (quadratic in sheets: a
    minute at 30,000 sheets). There the save runs with a writer whose list appends in place; the swap of
    openpyxl's module attribute is undone at once and serialised by a lock, and the subclass writes the same
    XML, so another thread saving meanwhile gets the same file. openpyxl 3.1 and later append in linear
    time: saved as it is."""
    from openpyxl.packaging.relationship import Relationship as RelationshipType
    from openpyxl.packaging.relationship import RelationshipList

    if issubclass(RelationshipList, list):  # openpyxl >= 3.1
        workbook.save(path)
        return
    from openpyxl.descriptors import Sequence as SequenceDescriptor
    from openpyxl.writer import excel

    class _AppendInPlace(RelationshipList):
        Relationship = SequenceDescriptor(expected_type=RelationshipType)  # re-declared: the serialiser lists a class's own

        def append(self, value):
            self.Relationship.append(value)
            if not value.Id:
                value.Id = f"rId{len(self.Relationship)}"

    original = excel.WorkbookWriter

    class _WorkbookWriter(original):
        def __init__(self, wb):
            super().__init__(wb)
            self.rels = _AppendInPlace()

    with _SAVE_LOCK:
        excel.WorkbookWriter = _WorkbookWriter
        try:
            workbook.save(path)
        finally:
            excel.WorkbookWriter = original


def _remove_temporary_files(workbook) -> None:
    """The temporary files of write-only sheets that saving did not consume (after an error or a cancel)."""
    for sheet in getattr(workbook, "_sheets", ()):
        writer = getattr(sheet, "_writer", None)
        out = getattr(writer, "out", None)
        if not isinstance(out, str) or not os.path.exists(out):
            continue
        rows = getattr(sheet, "_rows", None)
        try:
            if rows is not None:
                rows.close()
            writer.close()
        except Exception as error:  # noqa: BLE001 (a half-written sheet: the file goes anyway)
            _log.warning("closing the temporary sheet file %s failed: %s", out, error)
        try:
            writer.cleanup()
        except (OSError, ValueError):
            if os.path.exists(out):
                os.remove(out)


WIDTHS = (13, 10, 16, 16, 13)  # columns A-E
TITLE_HEIGHT, HEADER_HEIGHT, ROW_HEIGHT = 28, 20, 18


def _write_sheet(sheet, table: ParcelTable, points_per_page: int, cells: _Cells) -> None:
    """One parcel's sheet, row by row: everything written before the rows (widths, page set-up, sheet
    properties) is set first, each row's height before the row, the rest before the sheet is closed."""
    from openpyxl.worksheet.cell_range import CellRange
    from openpyxl.worksheet.pagebreak import Break, RowBreak

    cells.start(sheet)
    for column, width in zip("ABCDE", WIDTHS):
        sheet.column_dimensions[column].width = width
    setup = sheet.page_setup
    setup.paperSize = "9"  # A4 (Worksheet.PAPERSIZE_A4)
    setup.orientation = "portrait"
    setup.fitToWidth, setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.page_margins.left = sheet.page_margins.right = 0.6

    pages = table.pages(points_per_page)
    last_row = 1 + sum(3 + len(page) + sum(1 for k, e in enumerate(page) if k + 1 < len(page) and e.length_to_next is not None)
                       for page in pages)
    sheet.calculate_dimension = lambda: f"A1:E{last_row}"  # the <dimension> Excel writes, before the rows

    heights = sheet.row_dimensions
    row = 0

    def append(height, values):
        nonlocal row
        row += 1
        heights[row].height = height
        sheet.append(values)

    text = "jzd_text"
    c = cells.get
    append(TITLE_HEIGHT, [c(1, "jzd_title", TITLE)])
    merged = [CellRange("A1:E1")]
    breaks = RowBreak()
    floor = None if table.floor_area is None else round(table.floor_area, 2)
    for n, page in enumerate(pages, start=1):
        append(HEADER_HEIGHT, [c(1, "jzd_label", "宗地代码"), c(2, text, table.code), c(3, text), c(4, "jzd_label", "权利人"),
                               c(5, text, table.owner)])
        merged.append(CellRange(min_col=2, min_row=row, max_col=3, max_row=row))
        append(HEADER_HEIGHT, [c(1, "jzd_label", "宗地面积(m²)"), c(2, "jzd_area", round(table.area, 2)),
                               c(3, "jzd_label", "建筑面积(m²)"), c(4, "jzd_area", floor), c(5, text, f"第 {n} 页 共 {len(pages)} 页")])
        append(HEADER_HEIGHT, [c(column, "jzd_label", heading) for column, heading in enumerate(COLUMNS, start=1)])
        for k, entry in enumerate(page):
            append(ROW_HEIGHT, [c(1, text, entry.number), c(2, text, entry.name), c(3, "jzd_coordinate", round(entry.x, 3)),
                                c(4, "jzd_coordinate", round(entry.y, 3)), c(5, text)])
            if k + 1 < len(page) and entry.length_to_next is not None:
                append(ROW_HEIGHT, [c(1, text), c(2, text), c(3, text), c(4, text), c(5, "jzd_length", round(entry.length_to_next, 2))])
        if n < len(pages):
            breaks.append(Break(id=row))
    assert row == last_row
    for cell_range in merged:
        sheet.merged_cells.add(cell_range)
    sheet.row_breaks = breaks
    sheet.print_area = f"A1:E{row}"
    sheet.print_title_rows = "$1:$1"  # absolute, as Excel writes it: LibreOffice ignores a relative 1:1
    sheet.close()
    # written to the sheet's file: what the workbook keeps per sheet until it is saved is its title, print
    # area and titles; the row and column formats (most of a sheet's objects) can go
    sheet.row_dimensions.clear()
    sheet.column_dimensions.clear()


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _number(value) -> Optional[float]:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number
