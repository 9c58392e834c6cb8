"""房屋基本信息调查表 (homestead:housesurveyforms) and the house sheet of the 权籍调查表 (#15), on the two sample
villages through Processing. What the forms should say is read from the GeoPackages with OGR, independently of the
plugin's readers; what the demo should leave out comes from its manifest and the quality check's findings."""
from __future__ import annotations

import csv
import json
import shutil
import subprocess

import pytest
from conftest import SAMPLE, require_files
from osgeo import ogr
from qgis.core import QgsProcessingException

FWJG = {1: "钢", 2: "钢和钢筋混凝土", 3: "钢筋混凝土", 4: "混合", 5: "砖木", 6: "其它"}
WALLS = {1: "自有墙", 2: "共有墙", 3: "借墙"}


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
    """The clean village with the walls surveyed on its first two buildings (the generator leaves them empty)."""
    village = SAMPLE / "clean_village.gpkg"
    require_files(village, reason="the sample villages have not landed yet")
    folder = tmp_path_factory.mktemp("clean")
    copy = folder / "village.gpkg"
    shutil.copyfile(village, copy)
    data = ogr.Open(str(copy), 1)
    zrz = data.GetLayerByName("ZRZ")
    for fid, walls in ((1, (1, 2, 3, 1)), (2, (2, 2, 1, 3))):
        feature = zrz.GetFeature(fid)
        for name, value in zip(("QTGSD", "QTGSN", "QTGSX", "QTGSB"), walls):
            feature.SetField(name, value)
        zrz.SetFeature(feature)
    data = None
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
        stem = out / f"{source['BDCDYH']}_房屋调查表"
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
        walls = [building[n] for n in ("QTGSD", "QTGSN", "QTGSX", "QTGSB")]
        flat = [v for row in form for v in row if v]
        if any(walls):
            assert [f"{side}：{WALLS[w]}" for side, w in zip("东南西北", walls)] == \
                [v for v in flat if str(v)[:2] in ("东：", "南：", "西：", "北：")]
        else:
            assert "墙体归属" not in flat
    assert sum(1 for b in buildings.values() if b["QTGSD"]) == 2


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


def test_demo_planted_house_defects_are_left_out_with_reasons(demo):
    village, out, result = demo
    manifest = json.loads((SAMPLE / "demo_village.manifest.json").read_text(encoding="utf-8"))
    buildings, floors, units = rows(village, "ZRZ"), rows(village, "C"), rows(village, "H")
    error_rules = {"ZRZ_OUTSIDE", "ZRZ_ORPHAN", "ZRZ_ZRZH", "C_OUTLINE", "C_MISSING", "C_DUP", "H_AREA", "H_BDCDYH"}
    # the buildings each planted house defect concerns, through the ZRZH of the C or H rows it names
    held = set()
    for defect in manifest["defects"]:
        if defect["rule"] not in error_rules:
            continue
        layer_rows = {"ZRZ": buildings, "C": floors, "H": units}[defect["layer"]]
        numbers = {layer_rows[f]["ZRZH"] for f in defect["fids"]}
        held |= {fid for fid in defect["fids"]} if defect["layer"] == "ZRZ" else \
            {fid for fid, b in buildings.items() if b["ZRZH"] in numbers}
    held |= {fid for fid, b in buildings.items() if b["ZRZH"] in {buildings[f]["ZRZH"] for f in held if buildings[f]["ZRZH"]}}
    lines = report(out)
    written = {line[0] for line in lines[1:] if line[1] != "未出图"}
    left_out = {line[0]: line for line in lines[1:] if line[0] not in written}
    written_buildings = {u["ZRZH"] for u in units.values() if u["BDCDYH"] in written} | \
        {b["ZRZH"] for b in buildings.values() if b["ZRZH"] in written or b["BDCDYH"] in written}
    held_numbers = {buildings[f]["ZRZH"] for f in held if buildings[f]["ZRZH"]}
    assert held_numbers and not held_numbers & written_buildings
    assert result["FAILED"] == len(left_out) and result["PAGES"] == len(written)
    # every planted house defect with a code is among those left out, its reason naming a rule or the blank field
    for number in held_numbers:
        keys = [k for k in left_out if k.startswith(number)] or [k for k in left_out if number in k]
        assert keys, number
        assert all(left_out[k][-1] for k in keys)
    assert any("质检" in " ".join(line) or "ZRZ_ZRZH" in " ".join(line) for line in left_out.values())
    # and every other household of the village got its form
    others = {u["BDCDYH"] for u in units.values() if u["ZRZH"] not in held_numbers and u["BDCDYH"]}
    assert others - written == set() or all(k in left_out for k in others - written)
