"""homestead:importsurvey on DXF drawings: the plugin's own exportdxf DXF comes back whole (closed polylines as
parcels and houses, codes and house labels from the texts inside them, holes as holes); a cut-off DXF is refused."""
import re
from collections import Counter

import pytest
import shapely
from layers_helper import RecordingFeedback, demo_village, rows, write_gpkg
from osgeo import ogr
from qgis.core import QgsProcessingException, QgsVectorLayer
from test_export_dxf import HOLE, HOUSE, A, B, wkt

HOMESTEAD_CODE = re.compile(r"^\d{12}JC\d{5}$")  # every well-formed code of the demo village


def run_import(run_alg, path, feedback=None, **params):
    params = dict({"INPUT": str(path), "OUTPUT": "memory:", "REJECTS": "memory:", "REPAIRS": "memory:"}, **params)
    return run_alg("importsurvey", params, feedback=feedback or RecordingFeedback())


def geos_area(feature):
    return shapely.from_wkb(bytes(feature.geometry().asWkb())).area


def test_demo_village_round_trips_through_dxf(run_alg, tmp_path):
    village, _manifest = demo_village()
    dxf = str(tmp_path / "village.dxf")
    run_alg("exportdxf", {"INPUT": f"{village}|layername=ZD", "BUILDINGS": f"{village}|layername=ZRZ", "SCALE": 1, "OUTPUT": dxf})
    parcels = rows(str(village), "ZD")
    result = run_import(run_alg, dxf, TARGET="ZD")  # no LAYER: the parcels' CAD layer 宗地
    assert result["READ"] == len(parcels) == 300
    rejected = Counter(f["ZDDM"] for f in result["REJECTS"].getFeatures())
    assert rejected == Counter(r["ZDDM"] for r in parcels if not HOMESTEAD_CODE.match(r["ZDDM"] or ""))
    assert result["REJECTED"] == sum(rejected.values()) == 3
    # codes and areas: the source parcels' (self-intersecting D03 made valid, as the import repairs it), to 0.01 m²
    want = sorted((r["ZDDM"], shapely.make_valid(shapely.from_wkb(bytes(r["geometry"].asWkb()))).area)
                  for r in parcels if HOMESTEAD_CODE.match(r["ZDDM"] or ""))
    got = sorted((f["ZDDM"], geos_area(f)) for f in result["OUTPUT"].getFeatures())
    assert [c for c, _a in got] == [c for c, _a in want]
    assert max(abs(a - b) for (_c, a), (_d, b) in zip(got, want)) < 0.01

    houses = rows(str(village), "ZRZ")
    result = run_import(run_alg, dxf, TARGET="ZRZ")  # the houses' CAD layer 房屋; ZDDM: the parcel holding the house
    assert result["READ"] == len(houses) == 346

    def key(code, storeys, structure, area):
        return (code or "", storeys, structure, round(area, 2))

    read = Counter(key(f["ZDDM"], f["ZCS"], f["FWJG"], geos_area(f)) for f in result["OUTPUT"].getFeatures())
    read += Counter(key(f["ZDDM"] or None, f["ZCS"], f["FWJG"], geos_area(f)) for f in result["REJECTS"].getFeatures())
    assert read == Counter(key(r["ZDDM"], r["ZCS"], r["FWJG"], shapely.from_wkb(bytes(r["geometry"].asWkb())).area) for r in houses)


def test_holes_codes_and_house_labels(run_alg, tmp_path):
    codes = ["430102001001JC00001", "430102001001JC00002"]
    parcels = write_gpkg(tmp_path / "in.gpkg", "ZD", 4525, [wkt(A), wkt(B, [HOLE])], {"ZDDM": codes})
    houses = write_gpkg(tmp_path / "in.gpkg", "ZRZ", 4525, [wkt(HOUSE)], {"ZCS": [2], "FWJG": [4]})
    dxf = str(tmp_path / "out.dxf")
    run_alg("exportdxf", {"INPUT": parcels, "BUILDINGS": houses, "OUTPUT": dxf})
    feedback = RecordingFeedback()
    result = run_import(run_alg, dxf, feedback, TARGET="ZD", SOURCE_CRS="EPSG:4525")
    assert (result["READ"], result["IMPORTED"], result["REJECTED"]) == (2, 2, 0)
    got = {f["ZDDM"]: f.geometry() for f in result["OUTPUT"].getFeatures()}
    assert got[codes[0]].area() == pytest.approx(12.5 * 20, abs=1e-6)
    assert got[codes[1]].area() == pytest.approx(17.623 * 20 - 2 * 2, abs=1e-6)  # the 2 × 2 m hole is a hole
    assert len(got[codes[1]].asMultiPolygon()[0]) == 2
    assert "taken as its holes" in feedback.text()
    house = next(run_import(run_alg, dxf, TARGET="ZRZ", SOURCE_CRS="EPSG:4525")["OUTPUT"].getFeatures())
    assert (house["ZDDM"], house["ZCS"], house["FWJG"], house.geometry().area()) == (codes[0], 2, 4, 64.0)


def test_truncated_dxf_is_refused(run_alg, tmp_path):
    parcels = write_gpkg(tmp_path / "in.gpkg", "ZD", 4525, [wkt(A), wkt(B, [HOLE])],
                         {"ZDDM": ["430102001001JC00001", "430102001001JC00002"]})
    whole = tmp_path / "whole.dxf"
    run_alg("exportdxf", {"INPUT": parcels, "OUTPUT": str(whole)})
    data = whole.read_bytes()
    cut = tmp_path / "cut.dxf"
    cut.write_bytes(data[: len(data) // 2])
    partial = QgsVectorLayer(str(cut), "cut", "ogr")  # QGIS reads the first half without a word: the import may not
    assert partial.isValid() and len(list(partial.getFeatures())) > 0
    del partial
    with pytest.raises(QgsProcessingException, match=r"cut\.dxf is not a whole DXF file"):
        run_import(run_alg, cut, TARGET="ZD", SOURCE_CRS="EPSG:4525")
    assert run_import(run_alg, whole, TARGET="ZD", SOURCE_CRS="EPSG:4525")["IMPORTED"] == 2


def test_several_cad_layers_without_a_known_one_need_a_choice(run_alg, tmp_path):
    path = str(tmp_path / "drawing.dxf")
    dataset = ogr.GetDriverByName("DXF").CreateDataSource(path)
    layer = dataset.CreateLayer("entities")
    for cad_layer in ("JMD", "DLSS"):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("Layer", cad_layer)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt(HOUSE).replace("POLYGON((", "LINESTRING(").replace("))", ")")))
        layer.CreateFeature(feature)
    layer = dataset = None
    with pytest.raises(QgsProcessingException, match="several CAD layers .*DLSS, JMD"):
        run_import(run_alg, path, TARGET="ZRZ", SOURCE_CRS="EPSG:4525")
    with pytest.raises(QgsProcessingException, match="no CAD layer FW"):
        run_import(run_alg, path, TARGET="ZRZ", LAYER="FW", SOURCE_CRS="EPSG:4525")
    assert run_import(run_alg, path, TARGET="ZRZ", LAYER="JMD", SOURCE_CRS="EPSG:4525")["READ"] == 1
