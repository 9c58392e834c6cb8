"""A code longer than its output field (#14): QGIS stopped the whole output at the first such value (memory and
PostGIS outputs) with its English field-length error. That feature is left out with our message, the value
echoed truncated, and the rest of the layer is written."""
import pytest
from gpkg import write_layer
from layers_helper import RecordingFeedback

E0, N0 = 37_597_000.0, 3_069_000.0
GOOD = "431302003005JC00001"
LONG = "431302003005JC000020"  # 20 characters: one too many for ZDZHDM (19)
VERY_LONG = "431302003005JC00003" + "X" * 21  # 40 characters, echoed as its first 24 + …


def box(x, size=10.0):
    return f"POLYGON(({E0 + x} {N0}, {E0 + x + size} {N0}, {E0 + x + size} {N0 + size}, {E0 + x} {N0 + size}, {E0 + x} {N0}))"


@pytest.fixture
def village(tmp_path):
    path = str(tmp_path / "long.gpkg")
    write_layer(path, "ZD", 4525, "multipolygon", {"ZDDM": "text"},
                [{"ZDDM": GOOD, "wkt": box(0)}, {"ZDDM": LONG, "wkt": box(20)}, {"ZDDM": VERY_LONG, "wkt": box(40)}])
    return path


def test_boundary_points_of_the_other_parcels_are_written(run_alg, village):
    feedback = RecordingFeedback()
    result = run_alg("boundarypoints", {"INPUT": f"{village}|layername=ZD", "OUTPUT_POINTS": "memory:",
                                        "OUTPUT_LINES": "memory:", "OUTPUT": "memory:"}, feedback=feedback)
    points, lines = result["OUTPUT_POINTS"], result["OUTPUT_LINES"]
    assert {f["ZDZHDM"] for f in points.getFeatures()} == {GOOD} and points.featureCount() == 4
    assert {f["ZDZHDM"] for f in lines.getFeatures()} == {GOOD} and lines.featureCount() == 4
    assert result["OUTPUT"].featureCount() == 3  # the parcels themselves keep their (input) field
    del result, points, lines
    said = [e for e in feedback.errors if "not written" in e]
    assert len(said) == 4  # one line per value and output: JZD and JZX, two codes
    assert sum(f"JZD: 4 feature(s) not written: field ZDZHDM would hold {LONG} (20 characters), more than its 19" in e
               for e in said) == 1
    echo = VERY_LONG[:24] + "…"
    assert sum(f"field ZDZHDM would hold {echo} (40 characters)" in e for e in said) == 2
    assert not any(VERY_LONG in e for e in feedback.errors)


def test_parcels_copied_into_a_shorter_field(run_alg, tmp_path):
    """A ZD layer whose ZDDM field is 19 wide but holds 20 characters (GeoPackage only warns): copied with the
    areas to a memory output, that parcel is left out and said, the others written."""
    from osgeo import ogr, osr

    path = str(tmp_path / "narrow.gpkg")
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4525)
    layer = ds.CreateLayer("ZD", srs, ogr.wkbPolygon)
    field = ogr.FieldDefn("ZDDM", ogr.OFTString)
    field.SetWidth(19)
    layer.CreateField(field)
    for i, code in enumerate((GOOD, LONG)):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("ZDDM", code)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(box(20 * i)))
        layer.CreateFeature(feature)
    ds = None
    feedback = RecordingFeedback()
    result = run_alg("parcelareas", {"INPUT": f"{path}|layername=ZD", "OUTPUT": "memory:"}, feedback=feedback)
    out = {f["ZDDM"]: f["ZDMJ"] for f in result["OUTPUT"].getFeatures()}
    del result
    assert out == {GOOD: 100.0}
    assert any(f"1 feature(s) not written: field ZDDM would hold {LONG}" in e for e in feedback.errors)
