"""Measuring on the survey plane whatever the layer CRS (#14): the demo village reprojected to Web Mercator gives the
areas, classes, boundary points, farmland overlaps and findings of its native CGCS2000 zone 37 (EPSG:4525).

Web Mercator's scale at the village (27.7°N) is 1/cos φ ≈ 1.13: measured on its own plane, lengths come out 13 %
and areas 28 % too large. The reprojection 4525 → 3857 → 4525 is exact to far below a millimetre, so the known
answer is the run on the native layers.
"""
import pytest
from layers_helper import RecordingFeedback, demo_village, rows
from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsGeometry, QgsVectorLayer

LAYERS = ("ZD", "ZRZ", "JBNT", "DXT_FW", "QLR")


@pytest.fixture(scope="module")
def villages(provider, tmp_path_factory):
    """{"native": {layer: uri}, "mercator": {layer: uri}}: the demo village and its EPSG:3857 copy."""
    import processing

    path, _manifest = demo_village()
    folder = tmp_path_factory.mktemp("mercator")
    native = {name: f"{path}|layername={name}" for name in LAYERS}
    mercator = {"QLR": native["QLR"]}
    for name in LAYERS[:-1]:
        out = str(folder / f"{name}.gpkg")
        processing.run("native:reprojectlayer", {"INPUT": native[name], "TARGET_CRS": "EPSG:3857", "OUTPUT": out})
        mercator[name] = out
    assert rows(mercator["ZD"])[0]["crs"] == "EPSG:3857"
    return {"native": native, "mercator": mercator}


def by_fid(table, *names):
    return {r["fid"]: tuple(r[n] for n in names) for r in table}


def run_both(run_alg, villages, tmp_path, name, params, out_key="OUTPUT"):
    """(native rows, mercator rows, mercator feedback) of algorithm ``name``; ``params`` maps parameters to layer
    names (values in LAYERS) or plain values."""
    results = {}
    feedback = RecordingFeedback()
    for kind, uris in villages.items():
        given = {k: uris.get(v, v) if isinstance(v, str) else v for k, v in params.items()}
        given[out_key] = str(tmp_path / f"{kind}_{name}.gpkg")
        run_alg(name, given, feedback=feedback if kind == "mercator" else RecordingFeedback())
        results[kind] = rows(given[out_key])
    return results["native"], results["mercator"], feedback


def test_parcel_areas_on_the_zone(run_alg, villages, tmp_path):
    native, mercator, feedback = run_both(run_alg, villages, tmp_path, "parcelareas",
                                          {"INPUT": "ZD", "BUILDINGS": "ZRZ"})
    assert "measured in EPSG:4525 (projected from EPSG:3857)" in feedback.text()
    assert mercator[0]["crs"] == "EPSG:3857"  # the output keeps the input's CRS
    expected, got = by_fid(native, "ZDMJ", "JZZDMJ"), by_fid(mercator, "ZDMJ", "JZZDMJ")
    assert got.keys() == expected.keys() and len(got) == 300
    measured = 0
    for fid, (area, footprint) in expected.items():
        if area is None:
            assert got[fid][0] is None
            continue
        measured += 1
        assert got[fid][0] == pytest.approx(area, abs=0.01), fid
        assert got[fid][1] == pytest.approx(footprint, abs=0.01), fid
    assert measured > 250


def test_classes_on_the_zone(run_alg, villages, tmp_path):
    native, mercator, _feedback = run_both(run_alg, villages, tmp_path, "classify",
                                           {"INPUT": "ZD", "FARMLAND": "JBNT", "POLICY": "louxing_2020"})
    expected, got = by_fid(native, "LB", "DJMJ", "CZMJ"), by_fid(mercator, "LB", "DJMJ", "CZMJ")
    assert len(got) == 300 and len({v[0] for v in expected.values()}) >= 3
    for fid, (klass, registered, excess) in expected.items():
        assert got[fid][0] == klass, fid
        for value, known in zip(got[fid][1:], (registered, excess)):
            assert (value is None) == (known is None) and (known is None or value == pytest.approx(known, abs=0.01)), fid


def test_boundary_points_on_the_zone(run_alg, villages, tmp_path):
    results = {}
    for kind, uris in villages.items():
        out = {key: str(tmp_path / f"{kind}_{key}.gpkg") for key in ("OUTPUT_POINTS", "OUTPUT_LINES", "OUTPUT")}
        run_alg("boundarypoints", {"INPUT": uris["ZD"], **out})
        results[kind] = {key: rows(path) for key, path in out.items()}
    native, mercator = results["native"], results["mercator"]
    assert mercator["OUTPUT_POINTS"][0]["crs"] == "EPSG:4525"  # points are survey coordinates
    assert mercator["OUTPUT"][0]["crs"] == "EPSG:3857"

    def points(table):
        return {(r["ZDZHDM"], r["JZDH"]): (round(r["XZBZ"], 3), round(r["YZBZ"], 3)) for r in table}

    assert points(mercator["OUTPUT_POINTS"]) == points(native["OUTPUT_POINTS"])
    assert len(native["OUTPUT_POINTS"]) > 1000
    lengths = sorted(round(r["JZXCD"], 2) for r in mercator["OUTPUT_LINES"])
    assert lengths == sorted(round(r["JZXCD"], 2) for r in native["OUTPUT_LINES"])
    sides = ("ZDSZD", "ZDSZN", "ZDSZX", "ZDSZB")
    assert by_fid(mercator["OUTPUT"], *sides) == by_fid(native["OUTPUT"], *sides)


def test_farmland_overlay_on_the_zone(run_alg, villages, tmp_path):
    native, mercator, _feedback = run_both(run_alg, villages, tmp_path, "farmlandoverlay",
                                           {"INPUT": "ZD", "FARMLAND": "JBNT", "BUILDINGS": "ZRZ",
                                            "OUTPUT_OVERLAPS": "memory:"})
    expected, got = by_fid(native, "ZYJBNTMJ", "FWZJBNT"), by_fid(mercator, "ZYJBNTMJ", "FWZJBNT")
    assert sum(1 for area, _ in expected.values() if area) >= 5
    for fid, (area, covered) in expected.items():
        assert got[fid][1] == covered, fid
        assert (got[fid][0] is None) == (area is None) and (area is None or got[fid][0] == pytest.approx(area, abs=0.01)), fid


def test_quality_findings_on_the_zone(run_alg, villages):
    found = {}
    for kind, uris in villages.items():
        result = run_alg("qualitycheck", {
            "PARCELS": uris["ZD"], "BUILDINGS": uris["ZRZ"], "FARMLAND": uris["JBNT"], "BASEMAP": uris["DXT_FW"],
            "HOUSEHOLDS": uris["QLR"], "OUTPUT": "memory:", "OUTPUT_SUMMARY": "memory:"})
        assert result["OUTPUT"].crs().authid() == "EPSG:4525"
        found[kind] = sorted((f["RULE_ID"], f["LAYER"], f["FIDS"], round(f["VALUE"] or 0, 2))
                             for f in result["OUTPUT"].getFeatures())
        del result
    assert len(found["native"]) > 20
    assert found["mercator"] == found["native"]


def _one_parcel(crs: str) -> QgsVectorLayer:
    """A 20 m × 20 m parcel at Loudi (111.9°E, 27.7°N: CGCS2000 zone 37), drawn in EPSG:4525, layer in ``crs``."""
    from qgis.core import QgsCoordinateTransform, QgsProject

    layer = QgsVectorLayer(f"Polygon?crs={crs}", "one", "memory")
    geom = QgsGeometry.fromWkt("POLYGON((37590000 3066000,37590020 3066000,37590020 3066020,37590000 3066020,"
                               "37590000 3066000))")
    geom.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4525"), layer.crs(), QgsProject.instance()))
    feature = QgsFeature()
    feature.setGeometry(geom)
    layer.dataProvider().addFeatures([feature])
    layer.updateExtents()
    return layer


@pytest.mark.parametrize("crs, plane", [
    ("EPSG:4525", "EPSG:4525"), ("EPSG:4546", "EPSG:4546"),  # CGCS2000 3° zones: measured as they are
    ("EPSG:3857", "EPSG:4525"), ("EPSG:32649", "EPSG:4525"),  # Web Mercator, UTM 49N
    ("EPSG:4490", "EPSG:4525"), ("EPSG:2383", "EPSG:4525"),  # CGCS2000 degrees, Xian 1980 3° zone 38
    ("EPSG:4499", "EPSG:4525"),  # CGCS2000 6° zone 19
])
def test_survey_plane_of_a_crs(provider, crs, plane):
    from homestead_cadastre.processing.library import adapters

    assert adapters.survey_plane_for(_one_parcel(crs)).authid() == plane


def test_a_zone_without_its_epsg_code_is_measured_as_it_is(provider):
    from homestead_cadastre.processing.library import adapters

    custom = QgsCoordinateReferenceSystem.fromProj(
        "+proj=tmerc +lat_0=0 +lon_0=111 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs")
    layer = _one_parcel("EPSG:4546")
    layer.setCrs(custom)
    assert adapters.survey_plane_for(layer) == custom


def test_web_mercator_outside_china_is_refused(provider):
    """No CGCS2000 zone, and Web Mercator is no survey plane: refused, naming the layer and the CRS."""
    from qgis.core import QgsProcessingException

    from homestead_cadastre.processing.library import adapters

    layer = QgsVectorLayer("Polygon?crs=EPSG:3857", "vienna", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt("POLYGON((1820000 6140000,1820020 6140000,1820020 6140020,1820000 6140000))"))
    layer.dataProvider().addFeatures([feature])
    layer.updateExtents()
    with pytest.raises(QgsProcessingException, match="vienna is in EPSG:3857 and lies at longitude 16.3"):
        adapters.survey_plane_for(layer)
    assert adapters.check_plane_for(layer).authid() == "EPSG:32633"  # a check goes to the UTM zone
