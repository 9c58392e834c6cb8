"""A ruled sheet written as XLSX (cadastre.documents.ruled_tables.write_xlsx): every table cell framed by thin
rules on the outline of its (merged) range, fonts and merges as the sheet asks; and each distinct style goes through openpyxl's style
lists a few times per workbook, not once per cell (that lookup hashes the style object: most of a form's time)."""
from openpyxl import load_workbook
from openpyxl.styles import Alignment, Border, Font
from openpyxl.utils import indexed_list

from homestead_cadastre.cadastre.documents.ruled_tables import Cell, Sheet, write_xlsx


def form_sheet(rows: int) -> Sheet:
    sheet = Sheet("表", "界址点坐标表", [6, 10, 14, 14, 10], caption="宗地代码：430381104201JC00001")
    sheet.add(Cell("序号", bold=True), Cell("点号", bold=True), Cell("坐标", colspan=2, bold=True), Cell("边长", bold=True))
    for k in range(rows):
        sheet.add(Cell(k + 1, rowspan=2), f"J{k + 1}", 3065000.123 + k, 37512000.456 + k, Cell(f"{k + 10}.00", align="right"))
        sheet.add(Cell("", colspan=3), "")
    return sheet


def test_rules_fonts_merges(tmp_path):
    path = tmp_path / "form.xlsx"
    write_xlsx(str(path), [form_sheet(3)])
    ws = load_workbook(path).worksheets[0]
    merged = {str(r) for r in ws.merged_cells.ranges}
    # title A1:E1, caption A2:E2, 坐标 C3:D3, each 序号 over two rows (A4:A5…), each second row's B:D
    assert merged == {"A1:E1", "A2:E2", "C3:D3", "A4:A5", "B5:D5", "A6:A7", "B7:D7", "A8:A9", "B9:D9"}
    assert ws["A1"].font.sz == 16 and ws["A1"].font.b and ws["A3"].font.b and not ws["B4"].font.b
    assert ws["E4"].alignment.horizontal == "right" and ws["B4"].alignment.horizontal == "center"
    assert ws["C4"].value == 3065000.123 and ws["B8"].value == "J3"
    for row in range(3, 10):  # the outline of every table cell, merged or not
        for col in range(1, 6):
            cell = ws.cell(row=row, column=col)
            sides = [cell.border.left.style, cell.border.right.style, cell.border.top.style, cell.border.bottom.style]
            for rng in ws.merged_cells.ranges:
                if cell.coordinate in rng and rng.min_row >= 3:
                    sides = [s for s, outer in zip(sides, (col == rng.min_col, col == rng.max_col, row == rng.min_row,
                                                            row == rng.max_row)) if outer]
            assert all(s == "thin" for s in sides), (cell.coordinate, sides)


def test_styles_are_looked_up_once_per_workbook_not_per_cell(tmp_path, monkeypatch):
    calls = []
    real = indexed_list.IndexedList.add

    def counting(self, value):
        if isinstance(value, (Font, Border, Alignment)):  # the nested ones, costly to hash
            calls.append(type(value).__name__)
        return real(self, value)

    monkeypatch.setattr(indexed_list.IndexedList, "add", counting)
    write_xlsx(str(tmp_path / "form.xlsx"), [form_sheet(40)])  # 40 points: 240 table cells, 120 of them merged
    assert len(calls) <= 20, len(calls)
