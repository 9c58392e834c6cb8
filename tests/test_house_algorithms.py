"""homestead:buildingareas, homestead:unitcodes and homestead:parcelcodes through processing.run on small
GeoPackages written with GDAL (layers C, MJBF, ZRZ, H, ZD of the shared house data model)."""
from __future__ import annotations

import openpyxl
import pytest
from gpkg import write_layer
from osgeo import ogr
from qgis.core import QgsProcessingFeedback

from homestead_cadastre.cadastre.unit_codes import unit_code_problems

X0, Y0 = 37597000.0, 3069000.0
A = "430102001001JC00001"
B = "430102001001JC00002"


def rect(x0, y0, x1, y1):
    x0, x1, y0, y1 = X0 + x0, X0 + x1, Y0 + y0, Y0 + y1
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


class Collect(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.errors = []

    def reportError(self, error, fatalError=False):  # noqa: N802, N803 (QGIS API names)
        self.errors.append(error)


def rows(path, layer, *fields):
    dataset = ogr.Open(path)
    return {f.GetFID(): tuple(f.GetField(n) for n in fields) for f in dataset.GetLayerByName(layer)}


@pytest.fixture
def survey(tmp_path):
    path = str(tmp_path / "survey.gpkg")
    z1, z2 = f"{A}F0001", f"{A}F0002"
    write_layer(path, "C", 4525, "polygon", {"ZRZH": "text", "CH": "text", "CG": "real", "CJZMJ": "real"}, [
        {"fid": 1, "ZRZH": z1, "CH": "1", "CG": 3.0, "CJZMJ": 80.0, "wkt": rect(0, 0, 10, 8)},
        {"fid": 2, "ZRZH": z1, "CH": "2", "CG": 3.0, "wkt": rect(0, 0, 10, 8)},
        {"fid": 3, "ZRZH": z2, "CH": "1", "CG": 3.0, "wkt": rect(20, 0, 26, 5)},
        {"fid": 4, "ZRZH": z2, "CH": "2", "CG": 2.1, "wkt": rect(20, 0, 26, 5)},
    ])
    write_layer(path, "MJBF", 4525, "polygon", {"ZRZH": "text", "CH": "text", "BWLX": "text", "ZZ": "int", "FB": "int",
                                                "CG": "real", "XS": "real", "JSMJ": "real"}, [
        {"fid": 1, "ZRZH": z1, "CH": "2", "BWLX": "YT_WFB", "ZZ": 0, "FB": 0, "wkt": rect(6, 8, 10, 9.5)},
        {"fid": 2, "ZRZH": z2, "CH": "1", "BWLX": "YP", "ZZ": 1, "FB": 0, "wkt": rect(20, 5, 22, 6)},
        {"fid": 3, "ZRZH": z1, "CH": "3", "BWLX": "YT_FB", "ZZ": 0, "FB": 1, "wkt": rect(0, 8, 2, 9)},
    ])
    write_layer(path, "ZRZ", 4525, "polygon", {"ZDDM": "text", "ZRZH": "text", "BDCDYH": "text", "SCJZMJ": "real"}, [
        {"fid": 1, "ZDDM": A, "ZRZH": z1, "SCJZMJ": 170.0, "wkt": rect(0, 0, 10, 8)},
        {"fid": 2, "ZDDM": A, "ZRZH": z2, "SCJZMJ": 31.2, "wkt": rect(20, 0, 26, 5)},
        {"fid": 3, "ZDDM": A, "ZRZH": "", "wkt": rect(30, 0, 36, 5)},
    ])
    write_layer(path, "H", 4525, "polygon", {"ZRZH": "text", "CH": "text", "HH": "text", "BDCDYH": "text",
                                             "SCJZMJ": "real"}, [
        {"fid": 1, "ZRZH": z1, "CH": "1", "HH": "0001", "wkt": rect(0, 0, 10, 8)},
        {"fid": 2, "ZRZH": z1, "CH": "2", "wkt": rect(0, 0, 5, 8)},
        {"fid": 3, "ZRZH": z1, "CH": "2", "wkt": rect(5, 0, 10, 8)},
        {"fid": 4, "ZRZH": "", "CH": "1", "wkt": rect(31, 1, 35, 4)},
    ])
    write_layer(path, "ZD", 4525, "polygon", {"ZDDM": "text", "BDCDYH": "text"}, [
        {"fid": 1, "ZDDM": A, "wkt": rect(-1, -1, 40, 12)},
        {"fid": 2, "ZDDM": B, "wkt": rect(-1, 12, 40, 30)},
        {"fid": 3, "ZDDM": "", "wkt": rect(-1, 60, 40, 80)},   # north: numbered first
        {"fid": 4, "ZDDM": "430102001001JC00000", "wkt": rect(-1, 30, 40, 50)},
        {"fid": 5, "ZDDM": "430102001002JC?????", "wkt": rect(50, 30, 60, 50)},
    ])
    return path


def test_building_areas(run_alg, survey, tmp_path):
    out = str(tmp_path / "out.gpkg")
    xlsx = str(tmp_path / "面积计算表.xlsx")
    feedback = Collect()
    run_alg("buildingareas", {
        "FLOORS": f"{survey}|layername=C", "PARTS": f"{survey}|layername=MJBF", "BUILDINGS": f"{survey}|layername=ZRZ",
        "HOUSEHOLDS": f"{survey}|layername=H", "OUTPUT_FLOORS": f"ogr:dbname='{out}' table=\"C\" (geom)",
        "OUTPUT_BUILDINGS": str(tmp_path / "zrz.gpkg"), "OUTPUT_HOUSEHOLDS": str(tmp_path / "h.gpkg"),
        "OUTPUT_PARTS": str(tmp_path / "mjbf.gpkg"), "OUTPUT_XLSX": xlsx}, feedback=feedback)
    # building 1: 10×8 = 80; floor 2 80 + open balcony 4×1.5 = 6 × 0.5 = 3 → 83; Σ 163
    # building 2: 6×5 = 30 + canopy on one column 2×1 = 2 × 0.5 = 1 → 31; floor 2 is 2.10 m high → 0; Σ 31
    assert rows(out, "C", "CJZMJ") == {1: (80.0,), 2: (83.0,), 3: (31.0,), 4: (0.0,)}
    zrz = rows(str(tmp_path / "zrz.gpkg"), "zrz", "SCJZMJ")
    assert zrz == {1: (163.0,), 2: (31.0,), 3: (None,)}
    # households: floor 1 the whole 80; floor 2 two units 5×8 = 40, the balcony (3) along the second → 43; one on no
    # floor of C: its outline 4×3 = 12 in full, reported
    assert rows(str(tmp_path / "h.gpkg"), "h", "SCJZMJ") == {1: (80.0,), 2: (40.0,), 3: (43.0,), 4: (12.0,)}
    assert any("— / 1" in e and "no floor" in e for e in feedback.errors)
    assert rows(str(tmp_path / "mjbf.gpkg"), "mjbf", "XS", "JSMJ") == {1: (0.5, 3.0), 2: (0.5, 1.0), 3: (None, None)}
    # recorded 170 vs 163: 7 > ΔS = 0.04·√163 + 0.002·163 = 0.84; 31.2 vs 31: 0.2 < 0.04·√31 + 0.062 = 0.28
    flagged = [e for e in feedback.errors if "ΔS" in e]
    assert len(flagged) == 1 and "170" in flagged[0] and f"{A}F0001" in flagged[0]
    assert any(f"{A}F0001 / 3" in e for e in feedback.errors)  # the part on a floor that does not exist
    sheet = openpyxl.load_workbook(xlsx).active
    values = [[c for c in row if c not in (None, "")] for row in sheet.iter_rows(values_only=True)]
    assert "计算系数" in values[1] and "水平投影面积(㎡)" in values[1]
    totals = [row for row in values if row and "合计" in str(row[0])]
    assert [row[-1] for row in totals] == ["163.00", "31.00"]
    assert "超限" in str(totals[0][0]) and "超限" not in str(totals[1][0])


def test_unit_codes(run_alg, survey, tmp_path):
    feedback = Collect()
    run_alg("unitcodes", {"BUILDINGS": f"{survey}|layername=ZRZ", "HOUSEHOLDS": f"{survey}|layername=H",
                          "PARCELS": f"{survey}|layername=ZD", "OUTPUT_BUILDINGS": str(tmp_path / "zrz.gpkg"),
                          "OUTPUT_HOUSEHOLDS": str(tmp_path / "h.gpkg"), "OUTPUT_PARCELS": str(tmp_path / "zd.gpkg")},
            feedback=feedback)
    # the two existing 幢号 kept, the new building takes 0003; its household (inside it, no ZRZH) takes 户号 0001
    assert rows(str(tmp_path / "zrz.gpkg"), "zrz", "ZRZH") == {1: (f"{A}F0001",), 2: (f"{A}F0002",), 3: (f"{A}F0003",)}
    h = rows(str(tmp_path / "h.gpkg"), "h", "ZRZH", "HH", "BDCDYH")
    assert h == {1: (f"{A}F0001", "0001", f"{A}F00010001"), 2: (f"{A}F0001", "0002", f"{A}F00010002"),
                 3: (f"{A}F0001", "0003", f"{A}F00010003"), 4: (f"{A}F0003", "0001", f"{A}F00030001")}
    codes = [c for _z, _h, c in h.values()]
    assert len(set(codes)) == 4 and all(len(c) == 28 and not unit_code_problems(c) for c in codes)
    zd = rows(str(tmp_path / "zd.gpkg"), "zd", "BDCDYH")
    assert zd[1] == (None,) and zd[2] == (f"{B}W00000000",)  # A has buildings; B has none: land alone
    assert rows(survey, "ZRZ", "ZRZH")[3] == ("",)  # the input is not modified


def test_parcel_codes(run_alg, survey, tmp_path):
    out = str(tmp_path / "zd.gpkg")
    run_alg("parcelcodes", {"INPUT": f"{survey}|layername=ZD", "SUBDISTRICT": "430102001001", "OUTPUT": out})
    # village 001 holds 00001 and 00002: the blank parcel (furthest north) gets 00003, the placeholder 00004;
    # village 002 had none: 00001
    assert rows(out, "zd", "ZDDM") == {1: (A,), 2: (B,), 3: ("430102001001JC00003",), 4: ("430102001001JC00004",),
                                       5: ("430102001002JC00001",)}
    with pytest.raises(Exception, match="12"):
        run_alg("parcelcodes", {"INPUT": f"{survey}|layername=ZD", "SUBDISTRICT": "4301", "OUTPUT": str(tmp_path / "x.gpkg")})
