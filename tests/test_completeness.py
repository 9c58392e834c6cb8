"""The completeness gate: a page whose required fields are blank is not drawn, and the report names the fields.

On the fixture village with, set here through OGR: parcel 2 without 权利人, parcel 3 without 地类 (YT), and a
house standing on no parcel (no ZDDM)."""
import csv

import map_fixtures
import pytest
from map_fixtures import layer_uri
from osgeo import ogr
from qgis.core import QgsProcessingException

from homestead_cadastre.cadastre.documents import completeness

NO_OWNER, NO_LAND_USE = 2, 3  # fixture parcel numbers (ZDDM …JC00002, …JC00003)


def code(seq):
    return f"{map_fixtures.VILLAGE_CODE}JC{seq:05d}"


@pytest.fixture(scope="module")
def village(tmp_path_factory, provider):
    gpkg = map_fixtures.make_village(tmp_path_factory.mktemp("village"))
    parcels = map_fixtures.village_parcels()
    dataset = ogr.Open(gpkg, 1)
    zd = dataset.GetLayerByName("ZD")
    for feature in zd:
        if feature.GetField("ZDDM") == code(NO_OWNER):
            feature.SetFieldNull("QLRMC")
        elif feature.GetField("ZDDM") == code(NO_LAND_USE):
            feature.SetField("YT", "")
        else:
            continue
        zd.SetFeature(feature)
    zrz = dataset.GetLayerByName("ZRZ")
    x, y = max(x for p in parcels for x, _ in p.ring) + 200, min(y for p in parcels for _, y in p.ring)
    lonely = ogr.Feature(zrz.GetLayerDefn())
    lonely.SetField("ZCS", 1)
    lonely.SetField("FWJG", 4)
    lonely.SetGeometry(ogr.CreateGeometryFromWkt(f"POLYGON(({x} {y},{x + 8} {y},{x + 8} {y + 6},{x} {y + 6},{x} {y}))"))
    zrz.CreateFeature(lonely)
    dataset = None
    return gpkg, parcels


def report(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return {row[0]: row for row in list(csv.reader(handle))[1:]}


def test_required_fields_per_product():
    assert completeness.missing("parcelmap", {"ZDDM": "x", "QLRMC": " ", "YT": None}) == ["QLRMC", "YT"]
    assert completeness.missing("housemap", {"ZDDM": "x", "ZL": "y", "QLRMC": "z", "ZRZH": "F0001"}) == []
    problem = completeness.incomplete("housemap", {"ZRZH": "F0001"})
    assert problem.format() == "Not drawn (未出图): to be completed (待补充): 宗地代码 ZDDM、坐落 ZL、权利人 QLRMC."


def test_parcel_map_without_owner_or_land_use_is_not_drawn(village, tmp_path, run_alg):
    gpkg, parcels = village
    result = run_alg("parcelmaps", dict(PARCELS=layer_uri(gpkg, "ZD"), POINTS=layer_uri(gpkg, "JZD"),
                                        LINES=layer_uri(gpkg, "JZX"), OUTPUT_FOLDER=str(tmp_path)))
    assert result["FAILED"] == 2 and result["PAGES"] == len(parcels) - 2
    rows = report(result["REPORT"])
    assert "待补充" in rows[code(NO_OWNER)][3] and "权利人 QLRMC" in rows[code(NO_OWNER)][3]
    assert "地类（用途） YT" in rows[code(NO_LAND_USE)][3] and "权利人" not in rows[code(NO_LAND_USE)][3]
    assert not (tmp_path / f"{code(NO_OWNER)}.pdf").exists() and not (tmp_path / f"{code(NO_LAND_USE)}.pdf").exists()
    assert (tmp_path / f"{code(1)}.pdf").exists()


def test_sketch_and_survey_form_without_owner_are_not_made(village, tmp_path, run_alg):
    gpkg, parcels = village
    sketches = run_alg("parcelsketches", dict(PARCELS=layer_uri(gpkg, "ZD"), POINTS=layer_uri(gpkg, "JZD"),
                                              LINES=layer_uri(gpkg, "JZX"), OUTPUT_FOLDER=str(tmp_path / "sketch")))
    assert sketches["FAILED"] == 1 and "权利人 QLRMC" in report(sketches["REPORT"])[code(NO_OWNER)][3]
    forms = run_alg("surveyforms", dict(PARCELS=layer_uri(gpkg, "ZD"), POINTS=layer_uri(gpkg, "JZD"),
                                        LINES=layer_uri(gpkg, "JZX"), OUTPUT_FOLDER=str(tmp_path / "forms")))
    rows = report(forms["REPORT"])
    assert forms["FAILED"] == 2 and "权利人 QLRMC" in rows[code(NO_OWNER)][3] and "地类（用途） YT" in rows[code(NO_LAND_USE)][3]
    assert not list((tmp_path / "forms").glob(f"{code(NO_OWNER)}*"))


def test_house_on_no_parcel_is_not_drawn(village, tmp_path, run_alg):
    gpkg, parcels = village
    result = run_alg("housemaps", dict(HOUSES=layer_uri(gpkg, "ZRZ"), PARCELS=layer_uri(gpkg, "ZD"), UNIT=1,
                                       OUTPUT_FOLDER=str(tmp_path), FORMAT=2, DPI=50))
    rows = report(result["REPORT"])
    lonely = [row for row in rows.values() if "宗地代码 ZDDM" in row[3]]
    assert len(lonely) == 1 and "坐落 ZL" in lonely[0][3] and "权利人 QLRMC" in lonely[0][3] and not lonely[0][2]
    # the houses of the parcel without an owner are not drawn either; every other house is
    no_owner = len(parcels[NO_OWNER - 1].houses)
    assert result["FAILED"] == 1 + no_owner
    assert result["PAGES"] == sum(len(p.houses) for p in parcels) - no_owner


def test_house_maps_without_parcels_refused_with_a_reason(village, tmp_path, run_alg):
    """Without PARCELS no house has its 坐落: no page is drawn, and the single PDF is refused with a message."""
    gpkg, _ = village
    with pytest.raises(QgsProcessingException, match="No page could be drawn"):
        run_alg("housemaps", dict(HOUSES=layer_uri(gpkg, "ZRZ"), FORMAT=1, OUTPUT_FOLDER=str(tmp_path)))
