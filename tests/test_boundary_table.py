"""homestead:boundarytable: the 界址点成果表 workbook, read back with openpyxl and checked against an independent
numbering of the input rings; per-parcel files with safe names; CSV."""
import csv
import math
import os

import pytest
from layers_helper import RecordingFeedback, demo_village, rows, write_gpkg
from openpyxl import load_workbook

from homestead_cadastre.cadastre.documents.tables import safe_file_name, sheet_name, unique_names

E0, N0 = 37_597_000.0, 3_069_000.0


def big_ring(n=40):
    """A clockwise n-gon (an ellipse) starting at its vertex nearest the NW corner of its bounding box."""
    pts = [(round(E0 + 30 * math.cos(-2 * math.pi * k / n + 2.3), 3), round(N0 + 20 * math.sin(-2 * math.pi * k / n + 2.3), 3)) for k in range(n)]
    min_x, max_y = min(p[0] for p in pts), max(p[1] for p in pts)
    start = min(range(n), key=lambda k: (math.hypot(pts[k][0] - min_x, pts[k][1] - max_y), -pts[k][1], pts[k][0]))
    return pts[start:] + pts[:start]


def ring_wkt(ring, holes=()):
    def text(r):
        return "(" + ",".join(f"{x!r} {y!r}" for x, y in list(r) + [r[0]]) + ")"

    return "POLYGON(" + ",".join(text(r) for r in [ring, *holes]) + ")"


def shoelace(ring):
    x0, y0 = ring[0]
    return abs(sum((a[0] - x0) * (b[1] - y0) - (b[0] - x0) * (a[1] - y0) for a, b in zip(ring, ring[1:] + ring[:1]))) / 2


OUTER_B = [(E0 + 100, N0 + 30), (E0 + 130, N0 + 30), (E0 + 130, N0), (E0 + 100, N0)]
HOLE_B = [(E0 + 110, N0 + 20), (E0 + 120, N0 + 20), (E0 + 120, N0 + 10), (E0 + 110, N0 + 10)]


@pytest.fixture
def layer(tmp_path):
    a = big_ring()
    stored_a = (a[::-1])[7:] + (a[::-1])[:7]  # counter-clockwise, starting elsewhere: the algorithm must renumber
    wkts = [ring_wkt(stored_a), ring_wkt(OUTER_B[::-1], [HOLE_B])]
    source = write_gpkg(tmp_path / "zd.gpkg", "ZD", 4525, wkts, {
        "ZDDM": ["430102001001JC00001", "430102001001JC00002"], "QLRMC": ["张三", 'Li/四:*?"<>|.']})
    house = write_gpkg(tmp_path / "zrz.gpkg", "ZRZ", 4525, [ring_wkt([(E0 + 101, N0 + 29), (E0 + 109, N0 + 29), (E0 + 109, N0 + 21), (E0 + 101, N0 + 21)])],
                       {"ZCS": [2]})
    return source, house, a


def expected_entries(rings):
    """(序号, 点号, X northing, Y easting, length to next) per table row, rings numbered on, each closed."""
    entries, n = [], 0
    for ring in rings:
        first = n + 1
        for k, (x, y) in enumerate(ring):
            n += 1
            nx, ny = ring[(k + 1) % len(ring)]
            entries.append((n, f"J{n}", round(y, 3), round(x, 3), round(math.hypot(nx - x, ny - y), 2)))
        entries.append((None, f"J{first}", round(ring[0][1], 3), round(ring[0][0], 3), None))
    return entries


def sheet_entries(sheet):
    """Point rows in sheet order as (序号, 点号, X, Y, length on the row after), a page-top repeat merged into
    the row it repeats (the repeat carries the length, the page's last row does not)."""
    values = list(sheet.iter_rows(values_only=True)) + [(None,) * 5]
    found = []
    for row, following in zip(values, values[1:]):
        number, name, x, y, _ = row
        if not (isinstance(name, str) and name.startswith("J")):
            continue
        length = following[4] if following[1] is None and isinstance(following[4], (int, float)) else None
        if found and found[-1][:4] == (number, name, x, y):
            found.pop()
        found.append((number, name, x, y, length))
    return found


def test_workbook_one_sheet_per_parcel_paginated_for_a4(run_alg, layer, tmp_path):
    source, house, a = layer
    out = tmp_path / "table.xlsx"
    feedback = RecordingFeedback()
    result = run_alg("boundarytable", {"INPUT": source, "CODE_FIELD": "ZDDM", "OWNER_FIELD": "QLRMC", "BUILDINGS": house,
                                       "OUTPUT_XLSX": str(out)}, feedback=feedback)
    assert result["OUTPUT_XLSX"] == str(out)
    book = load_workbook(out)
    assert book.sheetnames == ["430102001001JC00001", "430102001001JC00002"]
    big, holed = book.worksheets

    assert big["A1"].value == "界址点成果表" and big["A1"].font.name == "宋体"
    assert sheet_entries(big) == expected_entries([a])
    headers = [r for r in big.iter_rows(values_only=True) if r[0] == "宗地代码"]
    pages = [r for r in big.iter_rows(values_only=True) if r[0] == "宗地面积(m²)"]
    assert len(headers) == len(pages) == 3  # 41 rows at 18 per page, each next page repeating the last point
    assert headers[0][1] == "430102001001JC00001" and headers[0][4] == "张三"
    assert [p[4] for p in pages] == ["第 1 页 共 3 页", "第 2 页 共 3 页", "第 3 页 共 3 页"]
    assert pages[0][1] == pytest.approx(round(shoelace(a), 2), abs=0.005)
    assert pages[0][3] == 0  # houses were given and none stands on this parcel
    assert len(big.row_breaks.brk) == 2
    assert big.print_title_rows == "1:1" or big.print_title_rows == "$1:$1"
    area = big.print_area if isinstance(big.print_area, str) else ",".join(big.print_area)
    assert area.replace("$", "").endswith(f"A1:E{big.max_row}")
    setup = big.page_setup
    assert str(setup.paperSize) == big.PAPERSIZE_A4 and setup.orientation == "portrait"
    assert setup.fitToWidth == 1 and setup.fitToHeight == 0 and big.sheet_properties.pageSetUpPr.fitToPage
    coordinate = next(c for c in big["C"] if isinstance(c.value, float))
    assert coordinate.number_format == "0.000" and coordinate.font.name == "宋体"

    # the holed parcel: outer ring J1-J4 back to J1, the hole J5-J8 back to J5; 建筑面积 = 8 × 8 × 2 storeys
    outer = [(E0 + 100, N0 + 30), (E0 + 130, N0 + 30), (E0 + 130, N0), (E0 + 100, N0)]
    hole = [(E0 + 110, N0 + 20), (E0 + 120, N0 + 20), (E0 + 120, N0 + 10), (E0 + 110, N0 + 10)]
    assert sheet_entries(holed) == expected_entries([outer, hole])
    info = [r for r in holed.iter_rows(values_only=True) if r[0] == "宗地面积(m²)"][0]
    assert info[1] == pytest.approx(900 - 100) and info[3] == pytest.approx(128.0) and info[4] == "第 1 页 共 1 页"


def test_table_matches_the_boundary_points_layer(run_alg, layer, tmp_path):
    source, _house, _a = layer
    table = run_alg("boundarytable", {"INPUT": source, "OUTPUT_XLSX": str(tmp_path / "t.xlsx"),
                                      "OUTPUT_CSV": str(tmp_path / "t.csv")})
    points = run_alg("boundarypoints", {"INPUT": source, "OUTPUT_POINTS": str(tmp_path / "jzd.gpkg"),
                                        "OUTPUT_LINES": str(tmp_path / "jzx.gpkg"), "OUTPUT": str(tmp_path / "zd_sizhi.gpkg")})
    jzd = {(r["ZDZHDM"], r["JZDH"]): (r["XZBZ"], r["YZBZ"]) for r in rows(points["OUTPUT_POINTS"])}
    jzx = {(r["ZDZHDM"], r["QDH"]): r["JZXCD"] for r in rows(points["OUTPUT_LINES"])}
    with open(table["OUTPUT_CSV"], encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == ["宗地代码", "权利人", "序号", "点号", "X(m)", "Y(m)", "边长(m)"]
    assert len(lines) - 1 == 41 + 10
    for code, owner, number, name, x, y, length in lines[1:]:
        assert (float(x), float(y)) == jzd[(code, name)]
        assert owner in ("张三", 'Li/四:*?"<>|.')
        if number:
            assert float(length) == pytest.approx(jzx[(code, name)], abs=1e-9)
        else:
            assert length == ""
    book = load_workbook(table["OUTPUT_XLSX"])
    for sheet in book.worksheets:
        for _number, name, x, y, _length in sheet_entries(sheet):
            assert (x, y) == jzd[(sheet.title, name)]


def test_one_file_per_parcel_with_safe_names(run_alg, layer, tmp_path):
    source, _house, _a = layer
    folder = tmp_path / "tables"
    feedback = RecordingFeedback()
    result = run_alg("boundarytable", {"INPUT": source, "OWNER_FIELD": "QLRMC", "FONT": "Noto Sans CJK SC",
                                       "OUTPUT_XLSX": str(tmp_path / "all.xlsx"), "OUTPUT_FOLDER": str(folder)}, feedback=feedback)
    assert result["OUTPUT_FOLDER"] == str(folder)
    names = sorted(os.listdir(folder))
    assert names == ["430102001001JC00001_张三.xlsx", "430102001001JC00002_Li_四_______.xlsx"]
    for name in names:
        book = load_workbook(folder / name)
        assert len(book.worksheets) == 1 and book.worksheets[0]["A1"].font.name == "Noto Sans CJK SC"
    assert not [n for n in os.listdir(tmp_path) if n.startswith(".tmp-")]  # atomic writes leave nothing behind


def test_safe_names():
    assert safe_file_name('a<b>c:d"e/f\\g|h?i*j') == "a_b_c_d_e_f_g_h_i_j"
    assert safe_file_name("CON") == "CON_" and safe_file_name("lpt1.txt") == "lpt1.txt_"
    assert safe_file_name("name. . ") == "name" and safe_file_name("...") == "_"
    assert safe_file_name("王" * 300) == "王" * 100
    assert safe_file_name("tab\there") == "tab_here"
    assert unique_names(["A", "a", "A", "B"]) == ["A", "a_2", "A_3", "B"]
    assert sheet_name("x[1]:y*z?/\\" + "9" * 40) == ("x_1__y_z___" + "9" * 40)[:31]


def test_layer_without_points_gives_a_clear_workbook(run_alg, tmp_path):
    source = write_gpkg(tmp_path / "nocode.gpkg", "ZD", 4525, [ring_wkt([(E0, N0 + 1), (E0 + 1, N0 + 1), (E0 + 1, N0), (E0, N0)])],
                        {"ZDDM": [""]})
    feedback = RecordingFeedback()
    result = run_alg("boundarytable", {"INPUT": source, "OUTPUT_XLSX": str(tmp_path / "none.xlsx")}, feedback=feedback)
    assert "has no code in field ZDDM" in feedback.text()
    assert load_workbook(result["OUTPUT_XLSX"]).sheetnames == ["界址点成果表"]


def test_demo_village_table(run_alg, tmp_path):
    village, manifest = demo_village()
    result = run_alg("boundarytable", {"INPUT": f"{village}|layername=ZD", "OWNER_FIELD": "QLRMC", "BUILDINGS": f"{village}|layername=ZRZ",
                                       "OUTPUT_XLSX": str(tmp_path / "village.xlsx")})
    parcels = rows(str(village), "ZD")
    left_out = set(manifest["expected"]["ZD_INVALID"]) | set(manifest["expected"]["ZD_DUPCODE"])
    book = load_workbook(result["OUTPUT_XLSX"])
    assert book.sheetnames == [r["ZDDM"] for r in parcels if r["fid"] not in left_out]
    owners = {r["ZDDM"]: r["QLRMC"] for r in parcels}
    for sheet in book.worksheets[:20]:
        header = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "宗地代码")
        assert header[1] == sheet.title and header[4] == owners[sheet.title]
        entries = sheet_entries(sheet)
        assert entries[0][1] == "J1" and entries[-1][:2] == (None, "J1")


# --- one workbook per village (地籍子区), scaling, cancel ------------------------------------------------------------


def squares(codes, size=10.0, gap=5.0, per_row=20):
    """One square parcel per code on a grid with gaps (no shared points), each ring listed clockwise from its NW
    corner; returns (wkts, rings)."""
    rings = []
    for k in range(len(codes)):
        x0, y0 = E0 + (k % per_row) * (size + gap), N0 - (k // per_row) * (size + gap)
        rings.append([(x0, y0 + size), (x0 + size, y0 + size), (x0 + size, y0), (x0, y0)])
    return [ring_wkt(r) for r in rings], rings


def village_layer(tmp_path, villages, per_village, name="villages", extra_codes=()):
    """Parcels of ``villages`` villages (地籍子区 430102001001, ...002, ...) of ``per_village`` parcels each,
    interleaved (as surveyed), plus ``extra_codes``; returns (source, codes, rings, owners)."""
    codes = [f"430102001{v + 1:03d}JC{k + 1:05d}" for k in range(per_village) for v in range(villages)] + list(extra_codes)
    wkts, rings = squares(codes)
    owners = [f"户主{i}" for i in range(len(codes))]
    source = write_gpkg(tmp_path / f"{name}.gpkg", "ZD", 4525, wkts, {"ZDDM": codes, "QLRMC": owners})
    return source, codes, rings, owners


def assert_print_setup(sheet):
    """What every 界址点成果表 sheet carries for printing, as openpyxl reads it back from the file."""
    assert sheet.print_title_rows in ("1:1", "$1:$1")
    area = sheet.print_area if isinstance(sheet.print_area, str) else ",".join(sheet.print_area)
    assert area.replace("$", "").endswith(f"A1:E{sheet.max_row}")
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4 and sheet.page_setup.orientation == "portrait"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
    assert "A1:E1" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["A1"].value == "界址点成果表" and sheet["A1"].font.name == "宋体"


def test_one_workbook_per_village(run_alg, tmp_path):
    odd = "43010200100XJC00009"  # no 12-digit 地籍子区: its own workbook, named so, and said
    source, codes, rings, owners = village_layer(tmp_path, villages=3, per_village=4, extra_codes=[odd])
    folder = tmp_path / "villages"
    feedback = RecordingFeedback()
    result = run_alg("boundarytable", {"INPUT": source, "OWNER_FIELD": "QLRMC", "POINTS_PER_PAGE": 2,
                                       "OUTPUT_VILLAGES": str(folder)}, feedback=feedback)
    assert result["OUTPUT_VILLAGES"] == str(folder) and result["OUTPUT_XLSX"] is None
    expected = {f"430102001{v:03d}_界址点成果表.xlsx": [c for c in codes if c.startswith(f"430102001{v:03d}")] for v in (1, 2, 3)}
    expected["地籍子区不明_界址点成果表.xlsx"] = [odd]
    assert sorted(os.listdir(folder)) == sorted(expected)
    assert "1 parcels have no 12-digit 地籍子区" in feedback.text() and "地籍子区不明_界址点成果表.xlsx" in feedback.text()
    by_code = dict(zip(codes, zip(rings, owners)))
    for name, sheets in expected.items():
        book = load_workbook(folder / name)
        assert book.sheetnames == sheets  # exactly the village's parcels, in input order
        for sheet in book.worksheets:
            ring, owner = by_code[sheet.title]
            assert sheet_entries(sheet) == expected_entries([ring])
            assert_print_setup(sheet)
            headers = [r for r in sheet.iter_rows(values_only=True) if r[0] == "宗地代码"]
            pages = [r for r in sheet.iter_rows(values_only=True) if r[0] == "宗地面积(m²)"]
            # 5 point rows (J1-J4, back to J1) at 2 a page, each next page repeating the page's last point:
            # J1 J2 | J2 J3 | J3 J4 | J4 J1
            assert [h[1] for h in headers] == [sheet.title] * 4 and {h[4] for h in headers} == {owner}
            assert [p[4] for p in pages] == [f"第 {n} 页 共 4 页" for n in (1, 2, 3, 4)]
            assert pages[0][1] == pytest.approx(100.0)
            assert len(sheet.row_breaks.brk) == 3
    assert not [n for n in os.listdir(folder) if n.startswith(".tmp-")]


def test_demo_village_per_village_matches_the_one_workbook(run_alg, tmp_path):
    village, manifest = demo_village()
    result = run_alg("boundarytable", {"INPUT": f"{village}|layername=ZD", "OWNER_FIELD": "QLRMC",
                                       "OUTPUT_XLSX": str(tmp_path / "all.xlsx"), "OUTPUT_VILLAGES": str(tmp_path / "villages")})
    parcels = rows(str(village), "ZD")
    left_out = set(manifest["expected"]["ZD_INVALID"]) | set(manifest["expected"]["ZD_DUPCODE"])
    kept = [r["ZDDM"] for r in parcels if r["fid"] not in left_out]
    groups = {}
    for code in kept:
        prefix = code[:12] if code[:12].isdigit() else "地籍子区不明"
        groups.setdefault(f"{prefix}_界址点成果表.xlsx", []).append(code)
    assert sorted(os.listdir(result["OUTPUT_VILLAGES"])) == sorted(groups)
    whole = load_workbook(result["OUTPUT_XLSX"])
    for name, codes in groups.items():
        book = load_workbook(os.path.join(result["OUTPUT_VILLAGES"], name))
        assert book.sheetnames == codes
        for sheet in book.worksheets[:10]:
            assert list(sheet.iter_rows(values_only=True)) == list(whole[sheet.title].iter_rows(values_only=True))
            assert_print_setup(sheet)


def test_no_output_chosen_is_refused(run_alg, layer):
    from qgis.core import QgsProcessingException

    source, _house, _a = layer
    with pytest.raises(QgsProcessingException, match="at least one output"):
        run_alg("boundarytable", {"INPUT": source})


def count_calls(function):
    """Python and built-in function calls made while ``function()`` runs: a measure of work, not of time."""
    import sys

    calls = 0

    def profile(_frame, event, _arg):
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(profile)
    try:
        function()
    finally:
        sys.setprofile(None)
    return calls


@pytest.mark.parametrize("output", ["OUTPUT_XLSX", "OUTPUT_VILLAGES"])
def test_work_grows_linearly_with_the_parcels(run_alg, tmp_path, output):
    """4× the parcels, 4× the work (not 16×): each new sheet used to be compared with every sheet so far, and
    each sheet's print names appended by copying the list of all."""
    work = {}
    for n in (100, 400):
        source, _codes, _rings, _owners = village_layer(tmp_path, villages=n // 50, per_village=50, name=f"n{n}")
        target = tmp_path / (f"n{n}.xlsx" if output == "OUTPUT_XLSX" else f"n{n}")
        params = {"INPUT": source, output: str(target)}
        work[n] = count_calls(lambda params=params: run_alg("boundarytable", params))
    assert work[400] / work[100] < 4.4, work


def test_cancel_leaves_no_partial_file(run_alg, tmp_path):
    import tempfile

    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    class Canceller(QgsProcessingFeedback):
        """Cancels once writing has begun (the last of the three steps: boundaries, areas, writing)."""

        def __init__(self):
            super().__init__()
            self.progressChanged.connect(lambda value: self.cancel() if value > 70 else None)

    source, _codes, _rings, _owners = village_layer(tmp_path, villages=2, per_village=40)
    leftovers = set(os.listdir(tempfile.gettempdir()))
    for output, target in (("OUTPUT_XLSX", tmp_path / "all.xlsx"), ("OUTPUT_VILLAGES", tmp_path / "villages"),
                           ("OUTPUT_CSV", tmp_path / "all.csv")):
        with pytest.raises(QgsProcessingException, match="Canceled"):
            run_alg("boundarytable", {"INPUT": source, output: str(target)}, feedback=Canceller())
        if output == "OUTPUT_VILLAGES":
            written = os.listdir(target)
            assert "430102001002_界址点成果表.xlsx" not in written  # stopped in the first village
            assert not [n for n in written if n.startswith(".tmp-")]
        else:
            assert not target.exists()
    assert not [n for n in os.listdir(tmp_path) if n.startswith(".tmp-")]
    assert not {n for n in os.listdir(tempfile.gettempdir()) if n.startswith("openpyxl.")} - leftovers


def test_memory_of_the_village_workbooks_does_not_grow_with_the_county(run_alg, tmp_path):
    """Python memory (tracemalloc) taken by writing the per-village workbooks, beyond what was held when writing
    began: the same for 8 villages as for 2 (one village's workbook at a time, the tables made as written)."""
    import tracemalloc

    from qgis.core import QgsProcessingFeedback

    class WritingStarts(QgsProcessingFeedback):
        """Resets tracemalloc's peak when the writing step begins (the last of three: boundaries, areas, writing)."""

        def __init__(self):
            super().__init__()
            self.held = None
            self.progressChanged.connect(self.seen)

        def seen(self, value):
            if self.held is None and value >= 200 / 3 - 0.01:
                self.held = tracemalloc.get_traced_memory()[0]
                tracemalloc.reset_peak()

    extra = {}
    for villages in (2, 8):
        source, _codes, _rings, _owners = village_layer(tmp_path, villages=villages, per_village=100, name=f"v{villages}")
        feedback = WritingStarts()
        tracemalloc.start()
        try:
            run_alg("boundarytable", {"INPUT": source, "OUTPUT_VILLAGES": str(tmp_path / f"v{villages}")}, feedback=feedback)
            extra[villages] = tracemalloc.get_traced_memory()[1] - feedback.held
        finally:
            tracemalloc.stop()
        assert len(os.listdir(tmp_path / f"v{villages}")) == villages
    assert extra[8] < 1.25 * extra[2], extra
