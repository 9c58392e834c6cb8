"""Ruled tables (forms, lists) described once and written as an XLSX workbook or as HTML for a PDF.

A ``Sheet`` is a title, column widths and rows of cells with column and row spans, as the printed 权籍调查表
and 公告 look. ``write_xlsx`` makes one worksheet per sheet (merged cells, borders, CJK font, A4 print set-up);
``to_html`` makes one table per sheet with a page break between them (the QGIS side prints it to PDF).
"""
from __future__ import annotations

import copy
import html
from dataclasses import dataclass, field
from typing import Dict, List, Sequence, Tuple

from .tables import sheet_name, unique_names

FONT = "Noto Sans CJK SC"


@dataclass
class Cell:
    text: object = ""
    colspan: int = 1
    rowspan: int = 1
    bold: bool = False
    align: str = "center"  # left, center, right

    @property
    def value(self) -> str:
        return "" if self.text is None else str(self.text)


@dataclass
class Sheet:
    name: str  # worksheet name (≤ 31 characters)
    title: str  # printed over the table
    widths: Sequence[float]  # column widths in characters
    rows: List[List[Cell]] = field(default_factory=list)
    caption: str = ""  # a line between title and table (e.g. 宗地代码)
    footer: str = ""  # a line under the table
    landscape: bool = False
    header_rows: int = 0  # rows repeated on every printed page
    fit_columns: bool = False  # PDF: columns as wide as their longest one-column cell, so that rows do not wrap

    def add(self, *cells) -> None:
        self.rows.append([c if isinstance(c, Cell) else Cell(c) for c in cells])


def layout(sheet: Sheet) -> List[Tuple[int, int, Cell]]:
    """(row, column, cell) of every cell, 0-based, skipping positions covered by row and column spans."""
    occupied: Dict[Tuple[int, int], bool] = {}
    placed = []
    for r, row in enumerate(sheet.rows):
        c = 0
        for cell in row:
            while occupied.get((r, c)):
                c += 1
            placed.append((r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    occupied[(r + dr, c + dc)] = True
            c += cell.colspan
    return placed


def write_xlsx(path: str, sheets: Sequence[Sheet]) -> None:
    """One worksheet per sheet; ``path`` is written by openpyxl (callers write to a temporary name)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    thin = Side(style="thin", color="000000")
    styles = _Styles()

    def ruled(bold: bool, align: str):
        return dict(font=Font(name=FONT, size=10, bold=bold), border=Border(left=thin, right=thin, top=thin, bottom=thin),
                    alignment=Alignment(horizontal=align, vertical="center", wrap_text=True))

    for sheet, name in zip(sheets, unique_names(sheet_name(s.name) for s in sheets)):
        ws = workbook.create_sheet(name)
        ncols = len(sheet.widths)
        for c, width in enumerate(sheet.widths, start=1):
            ws.column_dimensions[get_column_letter(c)].width = width
        top = 1
        ws.cell(row=top, column=1, value=sheet.title).font = Font(name=FONT, size=16, bold=True)
        ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=ncols)
        ws.cell(row=top, column=1).alignment = Alignment(horizontal="center", vertical="center")
        ws.row_dimensions[top].height = 28
        top += 1
        if sheet.caption:
            ws.cell(row=top, column=1, value=sheet.caption).font = Font(name=FONT, size=10)
            ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=ncols)
            top += 1
        first_table_row = top
        for r, c, cell in layout(sheet):
            row, col = first_table_row + r, 1 + c
            target = ws.cell(row=row, column=col, value=_xlsx_value(cell.text))
            if cell.rowspan > 1 or cell.colspan > 1:
                # merged before the borders are set: openpyxl then has no borders to spread over the range itself
                ws.merge_cells(start_row=row, start_column=col, end_row=row + cell.rowspan - 1,
                               end_column=col + cell.colspan - 1)
            styles.apply(target, ruled, cell.bold, cell.align)
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    if dr or dc:
                        styles.apply(ws.cell(row=row + dr, column=col + dc), ruled, False, "center")
        bottom = first_table_row + len(sheet.rows)
        if sheet.footer:
            ws.cell(row=bottom + 1, column=1, value=sheet.footer).font = Font(name=FONT, size=10)
            ws.merge_cells(start_row=bottom + 1, start_column=1, end_row=bottom + 1, end_column=ncols)
            ws.cell(row=bottom + 1, column=1).alignment = Alignment(wrap_text=True, vertical="top")
            ws.row_dimensions[bottom + 1].height = 15 * (1 + sheet.footer.count("\n"))
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if sheet.landscape else "portrait"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        if sheet.header_rows:
            ws.print_title_rows = f"{first_table_row}:{first_table_row + sheet.header_rows - 1}"
    workbook.save(path)


class _Styles:
    """Cell styles of one workbook, each set through openpyxl once and copied after: setting a font, border or
    alignment object hashes it and looks it up in the workbook's lists, most of the time a form took."""

    def __init__(self):
        self._arrays: Dict[tuple, object] = {}

    def apply(self, cell, make, *args) -> None:
        """Give ``cell`` the style ``make(*args)``: its attributes (font=…, border=…), made the first time only."""
        key = (make, *args)
        array = self._arrays.get(key)
        if array is None:
            for name, value in make(*args).items():
                setattr(cell, name, value)
            self._arrays[key] = copy.copy(cell._style)
        else:
            cell._style = copy.copy(array)


def _xlsx_value(value):
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return "" if value is None else str(value)


def to_html(sheets: Sequence[Sheet], font_pt: float = 10.0, footer_breaks: Sequence[int] = ()) -> str:
    """The sheets as one HTML document (Qt's rich-text subset), a page break before each sheet but the first, and
    before the footer (signature block) of the sheets numbered in ``footer_breaks``."""
    parts = [f'<html><head><meta charset="utf-8"></head><body style="font-size:{font_pt}pt;">']
    for k, sheet in enumerate(sheets):
        style = ' style="page-break-before: always;"' if k else ""
        parts.append(f'<h2 align="center"{style}>{html.escape(sheet.title)}</h2>')
        if sheet.caption:
            parts.append(f"<p>{html.escape(sheet.caption)}</p>")
        total = sum(sheet.widths) or 1
        parts.append('<table border="1" cellspacing="0" cellpadding="3" width="100%" style="border-collapse: collapse;">')
        placed = layout(sheet)
        if sheet.header_rows:  # Qt repeats the rows of <thead> at the top of every page
            parts.append("<thead>")
        by_row: Dict[int, List[Tuple[int, Cell]]] = {}
        for r, c, cell in placed:
            by_row.setdefault(r, []).append((c, cell))
        for r in range(len(sheet.rows)):
            parts.append("<tr>")
            for c, cell in sorted(by_row.get(r, []), key=lambda item: item[0]):
                width = 100.0 * sum(sheet.widths[c:c + cell.colspan]) / total
                attrs = f' width="{width:.1f}%" align="{cell.align}"'
                if cell.colspan > 1:
                    attrs += f' colspan="{cell.colspan}"'
                if cell.rowspan > 1:
                    attrs += f' rowspan="{cell.rowspan}"'
                text = html.escape(cell.value).replace("\n", "<br/>") or "&nbsp;"
                if cell.bold:
                    text = f"<b>{text}</b>"
                parts.append(f"<td{attrs}>{text}</td>")
            parts.append("</tr>")
            if sheet.header_rows and r == sheet.header_rows - 1:
                parts.append("</thead>")
        parts.append("</table>")
        if sheet.footer:
            style = ' style="page-break-before: always;"' if k in footer_breaks else ""
            parts.append(f"<p{style}>" + html.escape(sheet.footer).replace("\n", "<br/>") + "</p>")
    parts.append("</body></html>")
    return "".join(parts)
