"""权籍调查表 (#14): the 图幅号 the 宗地图 prints, 证件号 from ZD.QLRZJH, 土地所有权人 and the three records, each
table in its own orientation on A4. Read back from the written XLSX (openpyxl) and PDF (pdftotext, pdfinfo)."""
import re
import subprocess

import map_fixtures
import pytest
from map_fixtures import layer_uri
from osgeo import ogr

CODE = f"{map_fixtures.VILLAGE_CODE}JC00005"  # x 37 512 018-036 m, y 3 065 022-044 m: one 1:1000 sheet
# the 1:1000 sheet (500 m) holding it, by its south-west corner in km, X (north) first: worked out by hand
SHEET = "3065.0-37512.0"
FACTS = {"QLRZJH": "430381198001011234", "TDSYQR": "某村第一村民小组农民集体", "QSDCJS": "四邻到场指界，无争议。",
         "CLJS": "RTK 测量界址点。", "DCSHYJ": "调查结果属实，同意。"}


@pytest.fixture(scope="module")
def village(tmp_path_factory, provider):
    gpkg = map_fixtures.make_village(tmp_path_factory.mktemp("village"))
    dataset = ogr.Open(gpkg, 1)
    zd = dataset.GetLayerByName("ZD")
    for feature in zd:
        if feature.GetField("ZDDM") == CODE:
            assert not feature.GetField("TFH")  # the sheet number has to be worked out, as on the 宗地图
            for name, value in FACTS.items():
                feature.SetField(name, value)
            zd.SetFeature(feature)
    dataset = None
    return gpkg


@pytest.fixture(scope="module")
def form(village, tmp_path_factory, provider):
    import processing

    folder = tmp_path_factory.mktemp("forms")
    processing.run("homestead:surveyforms", {"PARCELS": layer_uri(village, "ZD"), "POINTS": layer_uri(village, "JZD"),
                                              "LINES": layer_uri(village, "JZX"), "OUTPUT_FOLDER": str(folder)})
    return folder / f"{CODE}_权籍调查表"


def cells(path):
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    return {sheet.title: [[c.value for c in row] for row in sheet.iter_rows()] for sheet in workbook}


def right_of(rows, label):
    for row in rows:
        if label in row:
            return next(v for v in row[row.index(label) + 1:] if v is not None)
    raise AssertionError(f"no {label}")


def test_sheet_number_as_on_the_parcel_map(village, form, tmp_path, run_alg):
    basic = cells(form.with_suffix(".xlsx"))["宗地基本信息表"]
    assert right_of(basic, "图幅号") == SHEET
    maps = run_alg("parcelmaps", {"PARCELS": layer_uri(village, "ZD"), "POINTS": layer_uri(village, "JZD"),
                                  "LINES": layer_uri(village, "JZX"), "OUTPUT_FOLDER": str(tmp_path)})
    assert maps["PAGES"]
    text = subprocess.run(["pdftotext", str(tmp_path / f"{CODE}.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert SHEET in text


def test_id_number_owner_of_the_land_and_records(form):
    sheets = cells(form.with_suffix(".xlsx"))
    basic = sheets["宗地基本信息表"]
    assert right_of(basic, "证件号") == FACTS["QLRZJH"]
    assert right_of(basic, "土地所有权人") == FACTS["TDSYQR"]
    records = sheets["调查记事及审核意见"]
    for label, name in (("权属调查记事", "QSDCJS"), ("测量记事", "CLJS"), ("调查审核意见", "DCSHYJ")):
        assert right_of(records, label) == FACTS[name]
    for signer in ("调查员签名：", "测量员签名：", "审核人签名："):
        assert any(signer in row for row in records)
    text = subprocess.run(["pdftotext", str(form.with_suffix(".pdf")), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert all(value in text for value in FACTS.values())


def test_each_table_in_its_own_orientation(form):
    pdf = str(form.with_suffix(".pdf"))
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", pdf], capture_output=True, text=True, check=True).stdout
    sizes = [tuple(float(v) for v in m) for m in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]
    orientation = {}
    for n, (width, height) in enumerate(sizes, start=1):
        assert {round(width), round(height)} == {595, 842}  # A4
        text = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), pdf, "-"], capture_output=True, text=True,
                              check=True).stdout
        for title in ("宗地基本信息表", "界址标示表", "界址签章表", "界址点坐标表", "宗地分类面积调查表", "调查审核意见"):
            if title in text:
                orientation.setdefault(title, width > height)
        assert str(n) in text.split()  # the page number at the foot
    assert orientation == {"宗地基本信息表": False, "界址标示表": True, "界址签章表": True, "界址点坐标表": False,
                           "宗地分类面积调查表": False, "调查审核意见": False}
