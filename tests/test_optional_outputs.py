"""Secondary outputs are optional, as in QGIS's own algorithms (issue #14): every destination parameter but an
algorithm's first (its main output) may be left out, and an algorithm given only its main output writes that
and nothing else. Answers below are counted by hand on the squares drawn here."""
from __future__ import annotations

import pytest
from layers_helper import write_gpkg
from qgis.core import QgsProcessingDestinationParameter, QgsProcessingParameterDefinition, QgsVectorLayer

E0, N0 = 37_597_000.0, 3_069_000.0  # CGCS2000 zone 37 (EPSG:4525)


def square(x, y, size=20.0):
    x0, y0 = E0 + x, N0 + y
    return (f"POLYGON(({x0} {y0}, {x0 + size} {y0}, {x0 + size} {y0 + size}, {x0} {y0 + size}, {x0} {y0}))")


def test_only_the_first_destination_of_an_algorithm_is_required(provider):
    required = {}
    for alg in provider.algorithms():
        destinations = [d for d in alg.parameterDefinitions() if isinstance(d, QgsProcessingDestinationParameter)]
        required[alg.id()] = [d.name() for d in destinations[1:]
                              if not d.flags() & QgsProcessingParameterDefinition.FlagOptional]
    assert len(required) == len(provider.algorithms()) > 20
    assert {alg: names for alg, names in required.items() if names} == {}


@pytest.fixture
def two_parcels(tmp_path):
    """Two 20 m squares side by side (sharing the edge x = 20) and a farmland strip over the west half of the first."""
    path = tmp_path / "village.gpkg"
    write_gpkg(path, "ZD", 4525, [square(0, 0), square(20, 0)],
               {"ZDDM": ["430103001001JC00001", "430103001001JC00002"]})
    write_gpkg(path, "JBNT", 4525, [square(-10, 0)], {"JBNTTBBH": ["T001"]})
    return path


def run_with_only(run_alg, name, params, output, folder):
    """Run ``name`` with ``output`` its only destination (a GeoPackage in an empty ``folder``): the files written."""
    folder.mkdir()
    result = run_alg(name, {**params, output: str(folder / "main.gpkg")})
    return result, sorted(p.name for p in folder.iterdir())


def features(path):
    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid(), path
    return list(layer.getFeatures())


def test_boundarypoints_with_only_the_boundary_points(run_alg, two_parcels, tmp_path):
    result, written = run_with_only(run_alg, "boundarypoints", {"INPUT": f"{two_parcels}|layername=ZD"},
                                    "OUTPUT_POINTS", tmp_path / "out")
    assert written == ["main.gpkg"]
    assert set(result) == {"OUTPUT_POINTS"}
    points = features(result["OUTPUT_POINTS"])
    assert len(points) == 8  # 4 corners per parcel
    assert len({f["JZD_ID"] for f in points}) == 6  # the two corners on the shared edge are one point each


def test_farmlandoverlay_with_only_the_parcels(run_alg, two_parcels, tmp_path):
    result, written = run_with_only(run_alg, "farmlandoverlay", {
        "INPUT": f"{two_parcels}|layername=ZD", "FARMLAND": f"{two_parcels}|layername=JBNT"}, "OUTPUT", tmp_path / "out")
    assert written == ["main.gpkg"]
    assert set(result) == {"OUTPUT"}
    occupied = {f["ZDDM"]: f["ZYJBNTMJ"] for f in features(result["OUTPUT"])}
    assert occupied == pytest.approx({"430103001001JC00001": 200.0, "430103001001JC00002": 0.0})  # 10 m × 20 m


def test_qualitycheck_with_only_the_findings(run_alg, tmp_path):
    path = tmp_path / "overlap.gpkg"
    write_gpkg(path, "ZD", 4525, [square(0, 0), square(15, 0)], {"ZDDM": ["430103001001JC00001", "430103001001JC00002"]})
    result, written = run_with_only(run_alg, "qualitycheck", {
        "PARCELS": f"{path}|layername=ZD", "RULES": ["ZD_OVERLAP"]}, "OUTPUT", tmp_path / "out")
    assert written == ["main.gpkg"]
    assert set(result) == {"OUTPUT", "ERRORS", "WARNINGS"}
    findings = features(result["OUTPUT"])
    assert [f["RULE_ID"] for f in findings] == ["ZD_OVERLAP"]
    assert findings[0].geometry().area() == pytest.approx(100.0)  # 5 m × 20 m


def test_importsurvey_with_only_the_imported_layer(run_alg, tmp_path):
    source = tmp_path / "survey.gpkg"
    write_gpkg(source, "parcels", 4525, [square(0, 0), square(20, 0)], {"ZDDM": ["430103001001JC00001", ""]})
    result, written = run_with_only(run_alg, "importsurvey", {"INPUT": str(source)}, "OUTPUT", tmp_path / "out")
    assert written == ["main.gpkg"]
    assert set(result) == {"OUTPUT", "READ", "IMPORTED", "REJECTED", "REPAIRED"}
    assert (result["READ"], result["IMPORTED"], result["REJECTED"]) == (2, 1, 1)  # the empty ZDDM is rejected
    assert [f["ZDDM"] for f in features(result["OUTPUT"])] == ["430103001001JC00001"]
