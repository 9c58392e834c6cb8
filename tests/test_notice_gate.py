"""The 公告 gate: a legal notice lists only reviewed parcels of the chosen class, with a valid unique code and no
error finding; the others are reported with the reason. On the demo village (defects from its manifest) and on
the clean fixture village."""
import csv
import re

import map_fixtures
import pytest
from layers_helper import RecordingFeedback, demo_village, rows
from map_fixtures import VILLAGE_CODE, layer_uri
from openpyxl import load_workbook
from osgeo import gdal, ogr

from homestead_cadastre.rules.quality import registry

UNREVIEWED = {4, 32, 151}  # demo fids whose class stays a suggestion (SHZT 1)
NOT_DECIDED = {31}  # SHZT 0; both sets are class 1 (fid % 3 != 0)


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def listed_codes(path):
    sheet = load_workbook(path)[load_workbook(path).sheetnames[0]]
    return [r[2] for r in sheet.iter_rows(values_only=True) if isinstance(r[0], int)]


@pytest.fixture(scope="module")
def demo_reviewed(tmp_path_factory):
    """The demo village's parcels with classes and review states set here: LB 1 except every third parcel
    (LB 2), all confirmed (SHZT 2) except UNREVIEWED and NOT_DECIDED."""
    village, manifest = demo_village()
    out = tmp_path_factory.mktemp("gate") / "zd.gpkg"
    gdal.VectorTranslate(str(out), str(village), layers=["ZD"], format="GPKG")
    dataset = ogr.Open(str(out), 1)
    zd = dataset.GetLayerByName("ZD")
    for feature in zd:
        fid = feature.GetFID()
        feature.SetField("LB", 2 if fid % 3 == 0 else 1)
        feature.SetField("SHZT", 1 if fid in UNREVIEWED else 0 if fid in NOT_DECIDED else 2)
        zd.SetFeature(feature)
    dataset = None
    return village, manifest, str(out)


def test_demo_village_notice_lists_only_what_may_be_noticed(demo_reviewed, tmp_path, run_alg):
    village, manifest, zd = demo_reviewed
    findings = tmp_path / "zjcw.gpkg"
    run_alg("qualitycheck", {"PARCELS": f"{village}|layername=ZD", "BUILDINGS": f"{village}|layername=ZRZ",
                             "FARMLAND": f"{village}|layername=JBNT", "BASEMAP": f"{village}|layername=DXT_FW",
                             "HOUSEHOLDS": f"{village}|layername=QLR", "OUTPUT": str(findings),
                             "OUTPUT_SUMMARY": "memory:"})
    feedback = RecordingFeedback()
    result = run_alg("noticelist", {"PARCELS": f"{zd}|layername=ZD", "QUALITY_ERRORS": str(findings),
                                    "START": "2020-09-28", "FORMAT": 1, "OUTPUT_FOLDER": str(tmp_path / "out")},
                     feedback=feedback)
    parcels = {r["fid"]: r for r in rows(zd, "ZD")}
    class_one = {fid for fid in parcels if fid % 3 != 0}
    expected = manifest["expected"]
    # the reasons, from the manifest and the planted review states (not from the gate)
    bad_code = set(expected["ZD_CODE"]) & class_one
    duplicate = set(expected["ZD_DUPCODE"]) & class_one
    error_rules = {rule.id for rule in registry.RULES if rule.severity == "error"}
    error_parcels = {fid for rule, fids in expected.items() if rule in error_rules and manifest["expected_subjects"][rule] == "ZD"
                     for fid in fids}
    # findings on houses name the houses' units: their parcels (first 19 characters) are held back too
    house_codes = {code.strip()[:19] for f in rows(str(findings)) if f["SEVERITY"] == "error" and f["LAYER"] != "ZD"
                   for code in (f["CODES"] or "").split(",") if code.strip()}
    error_parcels |= {fid for fid, p in parcels.items() if p["ZDDM"] in house_codes}
    held = ((UNREVIEWED | NOT_DECIDED) & class_one) | bad_code | duplicate | (error_parcels & class_one)
    assert bad_code and duplicate and error_parcels & class_one  # the demo plants each kind on a class-1 parcel

    listed = listed_codes(tmp_path / "out" / "notice_registration_431302003005.xlsx")
    assert sorted(listed) == sorted(parcels[fid]["ZDDM"] for fid in class_one - held)
    assert len(listed) == len(set(listed))  # the duplicated code is not listed at all, let alone twice
    assert result["PARCELS_LISTED"] == len(class_one - held) and result["PARCELS_HELD"] == len(held)

    report = read_csv(result["HELD_REPORT"])
    assert report[0] == ["宗地代码", "权利人", "原因"]
    by_code = {}
    for code, owner, reason in report[1:]:
        by_code.setdefault(code, []).append((owner, reason))
    assert sum(len(v) for v in by_code.values()) == len(held)
    for fid in held:
        p = parcels[fid]
        owner, reason = next(r for r in by_code[p["ZDDM"]] if r[0] == (p["QLRMC"] or ""))
        if fid in UNREVIEWED:
            assert "分类未经审核（审核状态：建议）" in reason
        if fid in NOT_DECIDED:
            assert "审核状态：未审核" in reason
        if fid in bad_code:
            assert "宗地代码结构错误" in reason
        if fid in duplicate:
            assert "宗地代码重复（共 2 宗）" in reason
        if fid in error_parcels:
            assert re.search(r"质检错误：[A-Z_]+", reason)
    assert f"{len(held)} parcels were left out of the notice" in feedback.text()


def test_clean_village_lists_every_reviewed_parcel(tmp_path, run_alg, provider):
    gpkg = map_fixtures.make_village(tmp_path)
    parcels = map_fixtures.village_parcels()
    result = run_alg("noticelist", {"PARCELS": layer_uri(gpkg, "ZD"), "START": "2020-09-28", "FORMAT": 1,
                                    "OUTPUT_FOLDER": str(tmp_path / "out")})
    expected = [p.code for k, p in enumerate(parcels) if k % 3 == 0]  # the fixture's class 1, all confirmed
    assert listed_codes(tmp_path / "out" / f"notice_registration_{VILLAGE_CODE}.xlsx") == expected
    assert result["PARCELS_HELD"] == 0 and read_csv(result["HELD_REPORT"]) == [["宗地代码", "权利人", "原因"]]
    # a suggestion is no decision: with the first class-1 parcel back to 建议 it is left out, and said so
    layer = ogr.Open(gpkg, 1)
    zd = layer.GetLayerByName("ZD")
    zd.SetAttributeFilter(f"ZDDM = '{expected[0]}'")
    feature = zd.GetNextFeature()
    feature.SetField("SHZT", 1)
    zd.SetFeature(feature)
    layer = None
    result = run_alg("noticelist", {"PARCELS": layer_uri(gpkg, "ZD"), "START": "2020-09-28", "FORMAT": 1,
                                    "OUTPUT_FOLDER": str(tmp_path / "out2")})
    assert listed_codes(tmp_path / "out2" / f"notice_registration_{VILLAGE_CODE}.xlsx") == expected[1:]
    assert read_csv(result["HELD_REPORT"])[1] == [expected[0], parcels[0].owner, "分类未经审核（审核状态：建议），须确认或改判后公告"]
