"""房屋基本信息调查表 (homestead:housesurveyforms) and the house sheet of the 权籍调查表 (#15), on the two sample
villages through Processing. What the forms should say is read from the GeoPackages with OGR, independently of the
plugin's readers; what the demo should leave out comes from its manifest and the quality check's findings."""
from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess

import pytest
from conftest import SAMPLE, require_files
from osgeo import ogr
from qgis.core import QgsProcessingException

FWJG = {1: "钢", 2: "钢和钢筋混凝土", 3: "钢筋混凝土", 4: "混合", 5: "砖木", 6: "其它"}
WALLS = {1: "自有墙", 2: "共有墙", 3: "借墙", 9: "不详"}


def rows(gpkg, layer):
    """fid -> {field: value} of ``layer``, as OGR reads it."""
    data = ogr.Open(str(gpkg))
    table = data.GetLayerByName(layer)
    names = [table.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(table.GetLayerDefn().GetFieldCount())]
    return {f.GetFID(): {n: f.GetField(n) for n in names} for f in table}


def cells(path):
    import openpyxl

    sheet = openpyxl.load_workbook(path).active
    return [[c.value for c in row] for row in sheet.iter_rows()]


def right_of(table, label):
    for row in table:
        if label in row:
            return next((v for v in row[row.index(label) + 1:] if v is not None), "")
    raise AssertionError(f"no {label}")


def report(folder):
    with open(folder / "housesurveyforms_report.csv", encoding="utf-8-sig") as handle:
        return list(csv.reader(handle))


def layer(gpkg, name):
    return f"{gpkg}|layername={name}"


@pytest.fixture(scope="module")
def clean(tmp_path_factory, provider):
    """The clean village (its generator records 墙体归属 on the households of the set-back houses)."""
    village = SAMPLE / "clean_village.gpkg"
    require_files(village, reason="the sample villages have not landed yet")
    folder = tmp_path_factory.mktemp("clean")
    copy = folder / "village.gpkg"
    shutil.copyfile(village, copy)
    import processing

    out = folder / "forms"
    result = processing.run("homestead:housesurveyforms", {
        "HOUSES": layer(copy, "ZRZ"), "HOUSEHOLDS": layer(copy, "H"), "PARCELS": layer(copy, "ZD"),
        "HOLDERS": layer(copy, "QLR"), "SURVEYOR": "王工", "SURVEY_DATE": "2020-05-12", "OUTPUT_FOLDER": str(out)})
    return copy, out, result


def test_clean_village_every_household_or_building_has_its_form_with_the_layer_values(clean):
    gpkg, out, result = clean
    buildings = {row["ZRZH"]: row for row in rows(gpkg, "ZRZ").values()}
    parcels = {row["ZDDM"]: row for row in rows(gpkg, "ZD").values()}
    units = list(rows(gpkg, "H").values())
    alone = [b for z, b in buildings.items() if not any(u["ZRZH"] == z for u in units)]  # no household rows
    assert units and alone
    assert result["FAILED"] == 0 and result["PAGES"] == len(units) + len(alone)
    for unit, building in [(u, buildings[u["ZRZH"]]) for u in units] + [(None, b) for b in alone]:
        source = unit or building
        several = unit is None and source["BDCDYH"][19:24] == "F9999"  # one unit of several buildings: a form each
        stem = out / f"{source['BDCDYH']}{'_' + building['ZRZH'][-4:] if several else ''}_房屋调查表"
        assert stem.with_suffix(".pdf").exists()
        form = cells(stem.with_suffix(".xlsx"))
        parcel = parcels[building["ZDDM"]]
        assert right_of(form, "不动产单元号") == source["BDCDYH"]
        assert right_of(form, "房屋坐落") == (unit["ZL"] if unit else parcel["ZL"])
        assert right_of(form, "权利人") == parcel["QLRMC"]
        assert right_of(form, "幢号") == building["ZRZH"][-4:]
        assert right_of(form, "户号") == source["BDCDYH"][-4:]
        assert right_of(form, "总层数") == str(building["ZCS"])
        assert right_of(form, "所在层") == (unit["CH"] if unit else "全幢")
        assert right_of(form, "房屋结构") == FWJG[source["FWJG"]]
        assert right_of(form, "房屋用途") == "住宅" and (unit["FWYT1"] if unit else building["GHYT"]) == 10
        assert right_of(form, "竣工时间") == (unit["JGSJ"] if unit else building["JGRQ"]).replace("/", "-")
        area = source["SCJZMJ"] if source["SCJZMJ"] is not None else building["ZZDMJ"] * building["ZCS"]  # domain.md §3
        assert right_of(form, "建筑面积(㎡)") == f"{area:.2f}"
        assert right_of(form, "幢占地面积(㎡)") == f"{building['ZZDMJ']:.2f}"
        assert right_of(form, "调查员") == "王工" and right_of(form, "调查日期") == "2020-05-12"
        walls = [unit[n] if unit else None for n in ("QTGSD", "QTGSN", "QTGSX", "QTGSB")]
        flat = [v for row in form for v in row if v]
        if any(walls):
            assert [f"{side}：{WALLS[w]}" for side, w in zip("东南西北", walls)] == \
                [v for v in flat if str(v)[:2] in ("东：", "南：", "西：", "北：")]
        else:
            assert "墙体归属" not in flat
    assert sum(1 for u in units if u["QTGSD"]) > 10  # forms with walls were checked


def test_clean_village_form_pdf_is_chinese(clean):
    _gpkg, out, _result = clean
    pdf = sorted(out.glob("*_房屋调查表.pdf"))[0]
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "房屋基本信息调查表" in text and pdf.name.split("_")[0] in text


@pytest.fixture(scope="module")
def demo(tmp_path_factory, provider):
    village = SAMPLE / "demo_village.gpkg"
    require_files(village, reason="the demo village has not landed yet")
    import processing

    folder = tmp_path_factory.mktemp("demo")
    checked = processing.run("homestead:qualitycheck", {
        "PARCELS": layer(village, "ZD"), "BUILDINGS": layer(village, "ZRZ"), "FLOORS": layer(village, "C"),
        "UNITS": layer(village, "H"), "PARTS": layer(village, "MJBF"), "OUTPUT": str(folder / "findings.gpkg")})
    forms = processing.run("homestead:housesurveyforms", {
        "HOUSES": layer(village, "ZRZ"), "HOUSEHOLDS": layer(village, "H"), "PARCELS": layer(village, "ZD"),
        "HOLDERS": layer(village, "QLR"), "QUALITY_ERRORS": checked["OUTPUT"], "OUTPUT_FOLDER": str(folder / "forms")})
    return village, folder / "forms", forms


def caption_building(path):
    """The 自然幢号 a written form is of, from its caption line."""
    caption = cells(path)[1][0]
    return re.search(r"自然幢号：(\S+)", caption).group(1)


def test_demo_planted_house_defects_are_left_out_with_reasons(demo):
    village, out, result = demo
    manifest = json.loads((SAMPLE / "demo_village.manifest.json").read_text(encoding="utf-8"))
    buildings, floors, units = rows(village, "ZRZ"), rows(village, "C"), rows(village, "H")
    layers = {"ZRZ": buildings, "C": floors, "H": units}
    unit_codes = {b["BDCDYH"]: b["ZRZH"] for b in buildings.values() if b["BDCDYH"]}
    severity = {"error": {"ZRZ_OUTSIDE", "ZRZ_ORPHAN", "ZRZ_ZRZH", "C_OUTLINE", "C_MISSING", "C_DUP", "H_AREA", "H_BDCDYH",
                          "ZD_CODE", "ZD_DUPCODE", "ZD_INVALID", "ZD_OVERLAP", "ZD_GAP"}}["error"]
    held, orphans = set(), 0
    for defect in manifest["defects"]:
        if defect["rule"] not in severity:
            continue
        if defect["layer"] in layers:  # a house-side defect: the buildings of the rows it names
            numbers = {layers[defect["layer"]][f]["ZRZH"] for f in defect["fids"]}
            orphans += sum(1 for f in defect["fids"] if defect["layer"] == "ZRZ" and not buildings[f]["ZRZH"])
            held |= numbers - {None}
        planted = defect["codes"] + defect["facts"].get("BDCDYH", [])  # "their houses carry the same codes"
        held |= {unit_codes[c] for c in planted if c in unit_codes}
    every = {b["ZRZH"] for b in buildings.values() if b["ZRZH"]}
    written = {caption_building(p) for p in out.glob("*_房屋调查表.xlsx")}
    assert held and orphans == 1
    assert written == every - held
    lines = report(out)[1:]
    left_out = [line for line in lines if not line[2]]
    assert result["FAILED"] == len(left_out) and result["PAGES"] == len(lines) - len(left_out)
    assert all(line[3] for line in left_out)
    reasons = " ".join(line[3] for line in left_out)
    for rule in ("C_OUTLINE", "C_MISSING", "C_DUP", "H_AREA", "ZRZ_OUTSIDE"):  # found by the quality check only
        assert rule in reasons
    assert "未出图，待补充" in reasons  # the orphan house: no codes at all


def test_survey_form_lists_the_parcels_houses(tmp_path, run_alg):
    """The 权籍调查表's house sheet: every house of the parcel, values as OGR reads them (area: the measured
    SCJZMJ, else the outline's area × storeys, domain.md §3)."""
    village = SAMPLE / "clean_village.gpkg"
    require_files(village, reason="the sample villages have not landed yet")
    prefix = "431302003005JC0001"  # parcels 00010-00019
    run_alg("surveyforms", {"PARCELS": layer(village, "ZD"), "VILLAGE": prefix, "HOUSES": layer(village, "ZRZ"),
                            "HOLDERS": layer(village, "QLR"), "FORMAT": 1, "OUTPUT_FOLDER": str(tmp_path)})
    import openpyxl

    data = ogr.Open(str(village))
    houses = data.GetLayerByName("ZRZ")
    houses.SetAttributeFilter(f"ZDDM LIKE '{prefix}%'")
    expected = {}
    for f in houses:
        area = f.GetField("SCJZMJ") or f.GetGeometryRef().GetArea() * f.GetField("ZCS")
        expected.setdefault(f.GetField("ZDDM"), []).append([
            f.GetField("ZRZH")[-4:], f.GetField("BDCDYH"), str(f.GetField("ZCS")), FWJG[f.GetField("FWJG")],
            f"{area:.2f}", "住宅" if f.GetField("GHYT") == 10 else "?"])
    assert len(expected) == 10
    for zddm, houses_of in expected.items():
        sheet = openpyxl.load_workbook(tmp_path / f"{zddm}_权籍调查表.xlsx")["房屋情况"]
        table = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
        assert table[0] == list(("幢号", "不动产单元号", "层数", "结构", "建筑面积(㎡)", "用途"))
        assert sorted(table[1:-1]) == sorted(houses_of)
        assert table[-1][0] == "合计" and table[-1][4] == f"{sum(float(h[4]) for h in houses_of):.2f}"


def test_survey_form_leaves_out_a_house_with_an_error(demo, tmp_path, run_alg):
    village, forms, _result = demo
    findings = forms.parent / "findings.gpkg"
    code = "431302003005JC00016"  # its building's top floor reaches beyond the footprint (C_OUTLINE, manifest D28)
    result = run_alg("surveyforms", {"PARCELS": layer(village, "ZD"), "VILLAGE": code, "HOUSES": layer(village, "ZRZ"),
                                     "QUALITY_ERRORS": str(findings), "FORMAT": 1, "OUTPUT_FOLDER": str(tmp_path)})
    import openpyxl

    sheet = openpyxl.load_workbook(tmp_path / f"{code}_权籍调查表.xlsx")["房屋情况"]
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert f"{code}F0001" not in " ".join(str(v) for v in values if v)
    lines = open(result["REPORT"], encoding="utf-8-sig").read()
    assert f"{code}F0001" in lines and "C_OUTLINE" in lines


@pytest.mark.parametrize("layer_name, field", [("ZRZ", "ZRZH"), ("H", "BDCDYH")])
def test_missing_field_is_refused_naming_layer_and_field_and_writes_nothing(tmp_path, run_alg, layer_name, field):
    village = SAMPLE / "clean_village.gpkg"
    require_files(village, reason="the sample villages have not landed yet")
    copy = tmp_path / "village.gpkg"
    shutil.copyfile(village, copy)
    data = ogr.Open(str(copy), 1)
    table = data.GetLayerByName(layer_name)
    assert table.DeleteField(table.GetLayerDefn().GetFieldIndex(field)) == 0
    data = None
    out = tmp_path / "forms"
    with pytest.raises(QgsProcessingException) as refused:
        run_alg("housesurveyforms", {"HOUSES": layer(copy, "ZRZ"), "HOUSEHOLDS": layer(copy, "H"),
                                     "PARCELS": layer(copy, "ZD"), "OUTPUT_FOLDER": str(out)})
    assert field in str(refused.value) and layer_name in str(refused.value)
    assert not out.exists() or list(out.iterdir()) == []


def test_household_of_no_building_is_reported_by_its_feature_id(tmp_path, run_alg):
    village = SAMPLE / "clean_village.gpkg"
    require_files(village, reason="the sample villages have not landed yet")
    copy = tmp_path / "village.gpkg"
    shutil.copyfile(village, copy)
    data = ogr.Open(str(copy), 1)
    table = data.GetLayerByName("H")
    feature = table.GetFeature(7)
    feature.SetField("ZRZH", "431302003005JC00999F0001")  # no such building
    feature.SetFieldNull("BDCDYH")  # nor a unit code: the report names it by its feature id
    table.SetFeature(feature)
    data = None
    result = run_alg("housesurveyforms", {"HOUSES": layer(copy, "ZRZ"), "HOUSEHOLDS": layer(copy, "H"),
                                          "PARCELS": layer(copy, "ZD"), "FORMAT": 1, "OUTPUT_FOLDER": str(tmp_path / "f")})
    assert result["FAILED"] >= 1  # and its building, left without household rows, may lack a unit code of its own
    (line,) = [line for line in report(tmp_path / "f")[1:] if line[0].startswith("H#")]
    assert line[0] == "H#7" and "431302003005JC00999F0001" in line[3]
