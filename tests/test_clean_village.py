"""The clean village (sample_data/clean_village.gpkg, `tools/make_village.py --clean`): no planted defect,
every house coded to its parcel, every fact filled. The whole `make demo` job (tools/demo.py pipeline(), every
algorithm through qgis_process in demo.py's order) runs without an error, the quality check finds no error and
every deliverable is complete. Known answers come from the GeoPackage (read with OGR) and its manifest."""
import csv
import importlib.util
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import shapely
from conftest import SAMPLE, require_files
from osgeo import ogr

VILLAGE = SAMPLE / "clean_village.gpkg"
MANIFEST = SAMPLE / "clean_village.manifest.json"
pytestmark = pytest.mark.slow


def _demo_module():
    spec = importlib.util.spec_from_file_location("demo", Path(__file__).resolve().parents[1] / "tools" / "demo.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def job(tmp_path_factory):
    """(results of every algorithm, output folder), the job run once for the module."""
    require_files(VILLAGE, MANIFEST, reason="the clean village is not in sample_data/ (tools/make_village.py --clean)")
    if shutil.which("qgis_process.bin") is None and shutil.which("qgis_process") is None:
        pytest.skip("qgis_process is not installed")
    demo = _demo_module()
    out = tmp_path_factory.mktemp("clean_demo")
    env = demo.environment()
    env["QGIS_CUSTOM_CONFIG_PATH"] = str(out / "profile")  # a fresh profile, as a user's first run
    demo.enable_plugin(env)
    return demo.pipeline(VILLAGE, out, env), out


@pytest.fixture(scope="module")
def truth():
    """Per parcel code: (shoelace area, right holder, has houses), from the GeoPackage with OGR."""
    ds = ogr.Open(str(VILLAGE))
    houses = {f["ZDDM"] for f in ds.GetLayerByName("ZRZ")}
    parcels = {}
    for f in ds.GetLayerByName("ZD"):
        geom = shapely.from_wkb(bytes(f.GetGeometryRef().ExportToWkb()))
        parcels[f["ZDDM"]] = (geom.area, f["QLRMC"], f["ZDDM"] in houses)
    return parcels


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def report(folder: Path):
    (path,) = folder.glob("*_report.csv")
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def layer_rows(path):
    ds = ogr.Open(str(path))
    return [f.items() for f in ds.GetLayer(0)]


def test_the_village_is_clean():
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    assert manifest["clean"] is True and manifest["defects"] == []
    assert all(not fids for fids in manifest["expected"].values())
    ds = ogr.Open(str(VILLAGE))
    codes = {f["ZDDM"] for f in ds.GetLayerByName("ZD")}
    assert all(f["ZDDM"] in codes for f in ds.GetLayerByName("ZRZ"))  # every house coded to its parcel


def test_no_quality_error_and_every_parcel_classified(job):
    results, _out = job
    assert int(results["qualitycheck"]["ERRORS"]) == 0
    assert not [r for r in layer_rows(results["qualitycheck"]["OUTPUT"]) if r["SEVERITY"] == "error"]
    # the house rules ran on the floors, households and area parts, and found nothing
    totals = {r["RULE_ID"]: r["COUNT"] for r in layer_rows(results["qualitycheck"]["OUTPUT_SUMMARY"]) if r["VILLAGE"] is None}
    assert {k: totals.get(k) for k in ("ZRZ_ZRZH", "C_OUTLINE", "C_MISSING", "C_DUP", "H_AREA", "H_BDCDYH")} == dict.fromkeys(
        ("ZRZ_ZRZH", "C_OUTLINE", "C_MISSING", "C_DUP", "H_AREA", "H_BDCDYH"), 0)
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    assert {c["case"] for c in manifest["policy_cases"]} == {"member_approved"}  # 四(四): class 1
    classes = results["classify"]
    assert (int(classes["CLASS_1"]), int(classes["CLASS_0"])) == (len(manifest["policy_cases"]), 0)


def test_areas_and_floor_areas(job, truth):
    rows = {r["ZDDM"]: r for r in layer_rows(job[0]["parcelareas"]["OUTPUT"])}
    assert set(rows) == set(truth)
    for code, (area, _holder, has_houses) in truth.items():
        assert rows[code]["ZDMJ"] == pytest.approx(area, abs=1e-4)
        assert (rows[code]["JZMJ"] or 0) > 0 if has_houses else True


def test_boundary_table_has_every_parcel_and_no_blank_cell(job, truth):
    import openpyxl

    results, _out = job
    workbook = openpyxl.load_workbook(results["boundarytable"]["OUTPUT_XLSX"], read_only=True)
    assert len(workbook.sheetnames) == len(truth)
    with open(results["boundarytable"]["OUTPUT_CSV"], encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert {r["宗地代码"] for r in rows} == set(truth)
    for r in rows:
        assert all(r[c] for c in ("宗地代码", "权利人", "点号", "X(m)", "Y(m)")), r
        assert r["权利人"] == truth[r["宗地代码"]][1]


def test_maps_one_page_per_parcel_or_building(job, truth):
    results, _out = job
    for name in ("parcelmaps", "parcelsketches"):
        folder = Path(results[name]["OUTPUT_FOLDER"])
        (pdf,) = folder.glob("*.pdf")
        assert pages(pdf) == len(truth), name
        assert {r["状态"] for r in report(folder)} == {"已绘制"}, name
    folder = Path(results["housemaps"]["OUTPUT_FOLDER"])
    drawn = report(folder)
    (pdf,) = folder.glob("*.pdf")
    assert {r["状态"] for r in drawn} == {"已绘制"} and pages(pdf) == len(drawn)
    with_houses = {code for code, (_a, _h, has) in truth.items() if has}
    assert {r["户/幢"][:19] for r in drawn} == with_houses
    sheets = report(Path(results["sheetmaps"]["OUTPUT_FOLDER"]))
    assert sheets and {r["状态"] for r in sheets} == {"已绘制"}


def test_forms_for_every_parcel_name_code_and_holder(job, truth):
    import openpyxl

    folder = Path(job[0]["surveyforms"]["OUTPUT_FOLDER"])
    assert {r["状态"] for r in report(folder)} == {"已绘制"}
    for code, (_area, holder, _has) in truth.items():
        assert (folder / f"{code}_权籍调查表.pdf").exists()
        cells = {str(v) for ws in openpyxl.load_workbook(folder / f"{code}_权籍调查表.xlsx", read_only=True).worksheets
                 for row in ws.iter_rows(values_only=True) for v in row if v is not None}
        assert code in cells and holder in cells


def test_notice_lists_every_parcel(job, truth):
    import openpyxl

    folder = Path(job[0]["noticelist"]["OUTPUT_FOLDER"])
    (path,) = folder.glob("*.xlsx")
    rows = [r for ws in openpyxl.load_workbook(path, read_only=True).worksheets for r in ws.iter_rows(values_only=True)]
    listed = [r for r in rows if r[2] in truth]
    assert {r[2] for r in listed} == set(truth)
    assert all(all(v not in (None, "") for v in r) for r in listed)  # 序号 权利人 代码 坐落 面积 用途 类别


def test_dxf_has_every_parcel(job, truth):
    ds = ogr.Open(str(job[0]["exportdxf"]["OUTPUT"]))
    layer = ds.GetLayer(0)
    layer.SetAttributeFilter("Layer = '宗地'")
    assert layer.GetFeatureCount() == len(truth)


def test_overlay_maps_signed_as_the_parcel_maps(job):
    """The 套合图 carries the 制图者, 审核者 and 制图日期 the 宗地图 carry (the same signatures, #14)."""
    results, _out = job

    def signature_lines(folder):
        text = "\n".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
                         for pdf in sorted(Path(folder).glob("*.pdf")))
        return {line for line in text.split() if line.startswith(("制图者：", "审核者：", "制图日期："))}

    overlay = signature_lines(results["sheetmaps"]["OUTPUT_FOLDER"])
    assert overlay == {"制图者：张工", "审核者：李工", "制图日期：2020年6月1日"}
    assert overlay <= signature_lines(results["parcelmaps"]["OUTPUT_FOLDER"])


def test_the_house_side_is_clean():
    """Floors, households and area parts for every coded building, with no house defect (measured on the file)."""
    from test_demo_village import house_side, read

    data = read(VILLAGE)
    assert data["C"]["rows"] and data["H"]["rows"] and data["MJBF"]["rows"] and data["LJZ"]["rows"]
    assert house_side(data) == {"C_OUTLINE": [], "C_DUP": [], "C_MISSING": [], "H_BDCDYH": []}
    numbered = {row["ZRZH"] for row in data["ZRZ"]["rows"].values()}
    assert numbered == {row["ZRZH"] for row in data["C"]["rows"].values()}  # every building has its floors


def test_floor_maps_one_page_per_building_and_distinct_floor_outline(job):
    """The per-floor 房产分户图: as many pages as distinct floor outlines per building (vertices to the cm, by OGR)."""
    from osgeo import ogr

    outlines = {}
    ds = ogr.Open(str(VILLAGE))  # kept: a layer outliving its data source crashes GDAL
    for feature in ds.GetLayerByName("C"):
        ring = feature.GetGeometryRef()
        while ring.GetGeometryName() != "LINEARRING":
            ring = ring.GetGeometryRef(0)
        vertices = frozenset((round(x, 2), round(y, 2)) for x, y, *_ in ring.GetPoints())
        outlines.setdefault(feature.GetField("ZRZH"), set()).add(vertices)
    results, _out = job
    floor_maps = results["floormaps"]
    assert floor_maps["FAILED"] == 0
    assert floor_maps["PAGES"] == sum(len(v) for v in outlines.values())
    assert pages(Path(floor_maps["OUTPUT_FOLDER"]) / "fangchantu.pdf") == floor_maps["PAGES"]


def test_house_forms_for_every_household_and_building(job):
    """One 房屋调查表 per household unit, and per building without household rows (counted with OGR), none held back;
    the codes written before them all present."""
    ds = ogr.Open(str(VILLAGE))
    households = [f["ZRZH"] for f in ds.GetLayerByName("H")]
    alone = [f["ZRZH"] for f in ds.GetLayerByName("ZRZ") if f["ZRZH"] not in set(households)]
    results, out = job
    forms = results["housesurveyforms"]
    assert forms["FAILED"] == 0 and forms["PAGES"] == len(households) + len(alone)
    assert len(list((out / "fangwu_diaochabiao").glob("*_房屋调查表.pdf"))) == forms["PAGES"]
    assert all(row["BDCDYH"] for row in layer_rows(results["unitcodes"]["OUTPUT_HOUSEHOLDS"]))
