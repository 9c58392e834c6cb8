"""`make demo`'s house steps (tools/demo.py house_steps(): homestead:buildingareas → homestead:unitcodes →
homestead:housesurveyforms, through qgis_process) on the demo village. The 28-character codes they write are unique
and of the structure ZDDM (19) + F + 幢号 (4 digits) + 户号 (4 digits), checked with the standard's pattern written
out here (domain.md §2), and what is left uncoded is exactly what the manifest plants on the house side."""
import importlib.util
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import SAMPLE, require_files
from osgeo import ogr

VILLAGE = SAMPLE / "demo_village.gpkg"
MANIFEST = SAMPLE / "demo_village.manifest.json"
ZDDM = r"\d{12}(?:J[ABSXCDEFLNHGWY]|[GZ][BSXDEFLNHGWY])\d{5}"  # A and C only on collective land (J)
HOUSE_UNIT = re.compile(rf"^({ZDDM})F(\d{{4}})(\d{{4}})$")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def steps(tmp_path_factory):
    require_files(VILLAGE, MANIFEST, reason="the demo village is not in sample_data/ (make sample-data)")
    if shutil.which("qgis_process.bin") is None and shutil.which("qgis_process") is None:
        pytest.skip("qgis_process is not installed")
    spec = importlib.util.spec_from_file_location("demo", Path(__file__).resolve().parents[1] / "tools" / "demo.py")
    demo = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(demo)
    out = tmp_path_factory.mktemp("demo_houses")
    env = demo.environment()
    env["QGIS_CUSTOM_CONFIG_PATH"] = str(out / "profile")
    demo.enable_plugin(env)
    return demo.house_steps(env, VILLAGE, out, demo.layer(VILLAGE, "ZD")), out


def rows(path, name=None):
    data = ogr.Open(str(path).split("|")[0])
    table = data.GetLayerByName(name) if name else data.GetLayer(0)
    return {f.GetFID(): f.items() for f in table}


def test_unit_codes_unique_and_structurally_valid(steps):
    results, _out = steps
    buildings = rows(results["unitcodes"]["OUTPUT_BUILDINGS"])
    units = rows(results["unitcodes"]["OUTPUT_HOUSEHOLDS"])
    codes = [u["BDCDYH"] for u in units.values() if u["BDCDYH"]]
    assert len(codes) > 300 and len(set(codes)) == len(codes)
    assert [c for c in codes if not HOUSE_UNIT.match(c)] == []
    zddm_of = {b["ZRZH"]: b["ZDDM"] for b in buildings.values() if b["ZRZH"]}
    for unit in units.values():
        if unit["BDCDYH"]:
            zddm, building, household = HOUSE_UNIT.match(unit["BDCDYH"]).groups()
            assert unit["BDCDYH"][:24] == unit["ZRZH"] and zddm == zddm_of[unit["ZRZH"]]
            assert building != "0000" and household == unit["HH"] != "0000"


def test_uncoded_is_exactly_the_planted_house_defects(steps):
    """Uncoded: the orphan house (D05, no parcel code), the houses on parcels with a malformed code (D07's codes
    that fail the pattern), and the household units of those houses (D32's 'units of the buildings on parcels with
    a malformed ZDDM')."""
    results, _out = steps
    defects = {d["id"]: d for d in json.loads(MANIFEST.read_text(encoding="utf-8"))["defects"]}
    malformed = {c for c in defects["D07"]["codes"] if not re.fullmatch(ZDDM, c)}
    source = rows(VILLAGE, "ZRZ")
    expected_buildings = set(defects["D05"]["fids"]) | {fid for fid, b in source.items() if b["ZDDM"] in malformed}
    assert len(malformed) == 3 and len(expected_buildings) == 4
    buildings = rows(results["unitcodes"]["OUTPUT_BUILDINGS"])
    assert {fid for fid, b in buildings.items() if not b["ZRZH"]} == expected_buildings
    source_units = rows(VILLAGE, "H")
    numbers = {source[f]["ZRZH"] for f in expected_buildings} - {None, ""}
    expected_units = {fid for fid, u in source_units.items() if u["ZRZH"] in numbers}
    assert expected_units and expected_units <= set(defects["D32"]["fids"])
    units = rows(results["unitcodes"]["OUTPUT_HOUSEHOLDS"])
    assert {fid for fid, u in units.items() if not u["BDCDYH"]} == expected_units


def test_house_forms_and_area_workbook_in_the_output_folder(steps):
    results, out = steps
    forms = results["housesurveyforms"]
    assert Path(forms["OUTPUT_FOLDER"]) == out / "fangwu_diaochabiao"
    written = list((out / "fangwu_diaochabiao").glob("*_房屋调查表.pdf"))
    assert forms["PAGES"] == len(written) > 300 and forms["FAILED"] >= 5
    assert (out / "面积计算表.xlsx").exists()
