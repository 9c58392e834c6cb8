"""Coordinates that are NaN or infinite (#14): the feature is refused with a message naming layer and feature,
the others are computed, and no output (the DXF above all) carries nan or inf."""
import math
import struct

import pytest
from layers_helper import RecordingFeedback, rows
from osgeo import ogr, osr

E0, N0 = 37_597_000.0, 3_069_000.0
CODE = "431302003005JC{:05d}"


def square(x, s=10.0):
    return [(E0 + x, N0), (E0 + x + s, N0), (E0 + x + s, N0 + s), (E0 + x, N0 + s), (E0 + x, N0)]


def polygon_wkb(ring):
    """WKB of a one-ring polygon, packed by hand: GDAL and QGIS would not build NaN vertices from WKT."""
    return struct.pack("<BII", 1, 3, 1) + struct.pack("<I", len(ring)) + b"".join(struct.pack("<dd", *p) for p in ring)


def write_village(path, epsg=4525, to_degrees=None):
    """ZD: 1 and 4 good 10 m squares, 2 with a NaN vertex, 3 with an infinite one; ZRZ: a house on each.
    ``to_degrees``: (x, y) → (lon, lat) to store the layers in a geographic CRS."""
    nan_ring, inf_ring = square(20), square(40)
    nan_ring[2] = (float("nan"), N0 + 10)
    inf_ring[1] = (float("inf"), N0)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    for name, rings in (("ZD", [square(0), nan_ring, inf_ring, square(60)]),
                        ("ZRZ", [square(2, 5), square(22, 5), square(42, 5), square(62, 5)])):
        layer = ds.CreateLayer(name, srs, ogr.wkbPolygon)
        layer.CreateField(ogr.FieldDefn("ZDDM", ogr.OFTString))
        layer.CreateField(ogr.FieldDefn("ZCS", ogr.OFTInteger))
        for i, ring in enumerate(rings, start=1):
            if to_degrees is not None:
                ring = [to_degrees(x, y) if math.isfinite(x) else (x, y) for x, y in ring]
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetField("ZDDM", CODE.format(i))
            feature.SetField("ZCS", 1)
            feature.SetGeometry(ogr.CreateGeometryFromWkb(polygon_wkb(ring)))
            layer.CreateFeature(feature)  # GDAL cannot store an infinite extent in gpkg_contents: it says so, harmless
    ds = None
    return path


@pytest.fixture
def village(tmp_path):
    return write_village(str(tmp_path / "nonfinite.gpkg"))


def uri(path, name):
    return f"{path}|layername={name}"


def refused(feedback, fids=(2, 3)):
    """Whether the log names each of ``fids`` as left out for its coordinates (and nothing else went wrong)."""
    lines = [e for e in feedback.errors if "not finite numbers" in e]
    return sorted(int(e.split()[1]) for e in lines) == sorted(fids) and all("Traceback" not in e for e in feedback.errors)


GOOD, NAN, INF = CODE.format(1), CODE.format(2), CODE.format(3)


def test_parcelareas(run_alg, village, tmp_path):
    feedback = RecordingFeedback()
    result = run_alg("parcelareas", {"INPUT": uri(village, "ZD"), "BUILDINGS": uri(village, "ZRZ"),
                                     "OUTPUT": str(tmp_path / "a.gpkg")}, feedback=feedback)
    out = {r["ZDDM"]: r for r in rows(result["OUTPUT"])}
    assert {code: r["ZDMJ"] for code, r in out.items()} == {GOOD: 100.0, NAN: None, INF: None, CODE.format(4): 100.0}
    assert out[GOOD]["JZZDMJ"] == 25.0
    assert refused(feedback)
    assert not any("invalid geometry" in e for e in feedback.errors)  # said once, as what it is


def test_geographic_layer_with_a_nan_vertex(run_alg, tmp_path):
    """The zone is found from the finite features (the stored extent is spoilt) and they are measured there."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

    to_degrees = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4525"), QgsCoordinateReferenceSystem("EPSG:4490"),
                                        QgsProject.instance())

    def lonlat(x, y):
        p = to_degrees.transform(QgsPointXY(x, y))
        return p.x(), p.y()

    path = write_village(str(tmp_path / "geo.gpkg"), 4490, lonlat)
    feedback = RecordingFeedback()
    result = run_alg("parcelareas", {"INPUT": uri(path, "ZD"), "OUTPUT": str(tmp_path / "a.gpkg")}, feedback=feedback)
    areas = {r["ZDDM"]: r["ZDMJ"] for r in rows(result["OUTPUT"])}
    assert areas[GOOD] == pytest.approx(100.0, abs=0.01) and areas[CODE.format(4)] == pytest.approx(100.0, abs=0.01)
    assert areas[NAN] is None and areas[INF] is None
    assert "measured in EPSG:4525 (projected from EPSG:4490)" in feedback.text()
    assert refused(feedback)


def test_boundary_points_and_dxf(run_alg, village, tmp_path):
    feedback = RecordingFeedback()
    result = run_alg("boundarypoints", {"INPUT": uri(village, "ZD"), "OUTPUT_POINTS": str(tmp_path / "jzd.gpkg"),
                                        "OUTPUT_LINES": str(tmp_path / "jzx.gpkg"), "OUTPUT": str(tmp_path / "zd.gpkg")},
                     feedback=feedback)
    jzd = rows(result["OUTPUT_POINTS"])
    assert sorted({r["ZDZHDM"] for r in jzd}) == [GOOD, CODE.format(4)] and len(jzd) == 8
    assert all(math.isfinite(r["XZBZ"]) and math.isfinite(r["YZBZ"]) for r in jzd)
    assert refused(feedback)

    feedback = RecordingFeedback()
    result = run_alg("exportdxf", {"INPUT": uri(village, "ZD"), "BUILDINGS": uri(village, "ZRZ"),
                                   "OUTPUT": str(tmp_path / "a.dxf")}, feedback=feedback)
    with open(result["OUTPUT"], encoding="cp936") as handle:
        values = [line.strip().lower() for line in handle]
    assert not {"nan", "inf", "-inf", "infinity"} & set(values)
    assert "2 parcel rings" in feedback.text()
    assert refused(feedback)


def test_checks_and_classes(run_alg, village, tmp_path):
    feedback = RecordingFeedback()
    result = run_alg("qualitycheck", {"PARCELS": uri(village, "ZD"), "BUILDINGS": uri(village, "ZRZ"),
                                      "RULES": ["ZD_INVALID", "ZD_OVERLAP", "ZRZ_OUTSIDE"],
                                      "OUTPUT": "memory:", "OUTPUT_SUMMARY": "memory:"}, feedback=feedback)
    findings = sorted((f["RULE_ID"], f["FIDS"]) for f in result["OUTPUT"].getFeatures())
    del result
    assert ("ZD_INVALID", "2") in findings and ("ZD_INVALID", "3") in findings
    assert not any(fids in ("1", "4") for _rule, fids in findings if _rule == "ZD_INVALID")
    assert refused(feedback)
    overlay = run_alg("farmlandoverlay", {"INPUT": uri(village, "ZD"), "FARMLAND": uri(village, "ZD"),
                                          "OUTPUT": str(tmp_path / "f.gpkg"), "OUTPUT_OVERLAPS": "memory:"})
    occupied = {r["ZDDM"]: r["ZYJBNTMJ"] for r in rows(overlay["OUTPUT"])}
    del overlay
    assert occupied[GOOD] == pytest.approx(100.0) and occupied[CODE.format(4)] == pytest.approx(100.0)
    assert {occupied[NAN], occupied[INF]} <= {None, 0.0}  # as for a parcel without geometry
