"""homestead:farmlandoverlay against overlap areas clipped and measured in plain Python (tests/oracle.py)."""
import random

import pytest
from gpkg import write_layer
from oracle import convex_overlap_area, random_convex, rotated_rectangle, shoelace, wkt_polygon
from qgis.core import QgsVectorLayer

E0, N0 = 37_597_000.0, 3_069_000.0  # CGCS2000 zone 37 (EPSG:4525), Loudi


def _layer(path, name):
    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    assert layer.isValid(), name
    return layer


@pytest.fixture
def random_village(tmp_path):
    """120 rotated-rectangle parcels and 40 convex farmland patches scattered on 400 m × 400 m."""
    rng = random.Random(20200513)
    parcels = [rotated_rectangle(E0 + rng.uniform(0, 400), N0 + rng.uniform(0, 400), rng.uniform(8, 20),
                                 rng.uniform(8, 20), rng.uniform(0, 90)) for _ in range(120)]
    patches = [random_convex(rng, E0 + rng.uniform(0, 400), N0 + rng.uniform(0, 400), rng.uniform(10, 40)) for _ in range(40)]
    path = str(tmp_path / "village.gpkg")
    write_layer(path, "ZD", 4525, "multipolygon", {"ZDDM": "text"},
                [{"ZDDM": f"430103001001JC{i + 1:05d}", "wkt": wkt_polygon(r)} for i, r in enumerate(parcels)])
    write_layer(path, "JBNT", 4525, "multipolygon", {"JBNTTBBH": "text"},
                [{"JBNTTBBH": f"T{i + 1:03d}", "wkt": wkt_polygon(r)} for i, r in enumerate(patches)])
    return path, parcels, patches


def test_overlap_areas_match_independent_clipping(run_alg, random_village):
    path, parcels, patches = random_village
    result = run_alg("farmlandoverlay", {
        "INPUT": f"{path}|layername=ZD", "FARMLAND": f"{path}|layername=JBNT",
        "OUTPUT": "memory:", "OUTPUT_OVERLAPS": "memory:",
    })
    out, overlaps = result["OUTPUT"], result["OUTPUT_OVERLAPS"]
    expected_pairs = {}
    for i, parcel in enumerate(parcels):
        for j, patch in enumerate(patches):
            area = convex_overlap_area(parcel, patch)
            if area > 1e-9:
                expected_pairs[(i + 1, j + 1)] = area
    assert len(expected_pairs) > 20  # the fixture really overlaps
    got_pairs = {(f["ZD_FID"], f["JBNT_FID"]): f for f in overlaps.getFeatures()}
    assert set(got_pairs) == set(expected_pairs)
    for key, area in expected_pairs.items():
        feature = got_pairs[key]
        assert feature["TXMJ"] == pytest.approx(area, abs=0.01)
        assert feature.geometry().area() == pytest.approx(area, abs=0.01)
        assert feature["JBNTTBBH"] == f"T{key[1]:03d}" and feature["SFSP"] == 0
        assert feature["ZDDM"] == f"430103001001JC{key[0]:05d}"
    features = {f.id(): f for f in out.getFeatures()}
    assert len(features) == len(parcels)
    for i, parcel in enumerate(parcels):
        f = features[i + 1]
        mine = {j: a for (p, j), a in expected_pairs.items() if p == i + 1}
        total = sum(mine.values())
        assert f["ZYJBNTMJ"] == pytest.approx(total, abs=0.01)
        assert f["ZYJBNTBL"] == pytest.approx(100 * total / shoelace(parcel), abs=0.01)
        assert (f["JBNTBH"] or "") == ",".join(f"T{j:03d}" for j in sorted(mine))
        assert f["ZDDM"] == f"430103001001JC{i + 1:05d}"  # input attributes kept
        assert f.geometry().area() == pytest.approx(shoelace(parcel), abs=1e-6)  # geometry untouched
    del out, overlaps, result


def test_slivers_holes_houses_and_foreign_crs(run_alg, tmp_path):
    """A parcel with a hole, a sliver below MIN_AREA, houses on and off farmland, farmland in EPSG:4490."""
    path = str(tmp_path / "case.gpkg")
    # parcel 1: 20 × 20 with a 4 × 4 hole; parcel 2: 10 × 10 east of it
    p1 = [(0, 0), (20, 0), (20, 20), (0, 20)]
    hole = [(12, 12), (16, 12), (16, 16), (12, 16)]
    p2 = [(20, 0), (30, 0), (30, 10), (20, 10)]
    # patch A covers x 10..40, y 10..30: hits parcel 1 (10×10 minus the 4×4 hole = 84) and misses parcel 2
    # patch B is a 0.02 m strip along parcel 2's south edge: 10 × 0.02 = 0.2 m² sliver
    patch_a = [(10, 10), (40, 10), (40, 30), (10, 30)]
    patch_b = [(20, -0.5), (30, -0.5), (30, 0.02), (20, 0.02)]

    def shift(ring):
        return [(E0 + x, N0 + y) for x, y in ring]

    write_layer(path, "ZD", 4525, "multipolygon", {"ZDDM": "text"}, [
        {"ZDDM": "430103001001JC00001", "wkt": wkt_polygon(shift(p1), [shift(hole)])},
        {"ZDDM": "430103001001JC00002", "wkt": wkt_polygon(shift(p2))},
    ])
    write_layer(path, "JBNT_PLANE", 4525, "multipolygon", {"JBNTTBBH": "text"}, [
        {"JBNTTBBH": "A", "wkt": wkt_polygon(shift(patch_a))}, {"JBNTTBBH": "", "wkt": wkt_polygon(shift(patch_b))}])
    # house 1 on parcel 1 across the farmland edge: (10..12) × (10..14) = 8 m² of it on farmland
    # house 2 on parcel 2 touching only the sliver strip
    write_layer(path, "ZRZ", 4525, "multipolygon", {"ZRZH": "text"}, [
        {"ZRZH": "1", "wkt": wkt_polygon(shift([(8, 2), (12, 2), (12, 14), (8, 14)]))},
        {"ZRZH": "2", "wkt": wkt_polygon(shift([(22, 0), (28, 0), (28, 5), (22, 5)]))},
    ])
    import processing

    plane = _layer(path, "JBNT_PLANE")
    geographic = processing.run("native:reprojectlayer", {"INPUT": plane, "TARGET_CRS": "EPSG:4490", "OUTPUT": "memory:"})["OUTPUT"]
    for farmland in (plane, geographic):
        result = run_alg("farmlandoverlay", {
            "INPUT": f"{path}|layername=ZD", "FARMLAND": farmland, "BUILDINGS": f"{path}|layername=ZRZ",
            "MIN_AREA": 0.5, "OUTPUT": "memory:", "OUTPUT_OVERLAPS": "memory:",
        })
        out = {f["ZDDM"][-1]: f for f in result["OUTPUT"].getFeatures()}
        assert out["1"]["ZYJBNTMJ"] == pytest.approx(100 - 16, abs=0.01)
        assert out["1"]["ZYJBNTBL"] == pytest.approx(100 * 84 / (400 - 16), abs=0.01)
        assert out["1"]["JBNTBH"] == "A" and out["1"]["FWZJBNT"] == 1
        assert out["2"]["ZYJBNTMJ"] == pytest.approx(0, abs=1e-9)  # the 0.2 m² sliver is not occupation
        assert not out["2"]["JBNTBH"] and out["2"]["FWZJBNT"] == 0
        pieces = sorted((f["ZDDM"][-1], f["JBNTTBBH"], round(f["TXMJ"], 2), f["SFSP"]) for f in result["OUTPUT_OVERLAPS"].getFeatures())
        assert pieces == [("1", "A", 84.0, 0), ("2", "2", 0.2, 1)]  # unnamed patch → its feature id
        del out, result
    del plane, geographic


def test_missing_houses_leave_fwzjbnt_null(run_alg, random_village):
    path, _parcels, _patches = random_village
    result = run_alg("farmlandoverlay", {"INPUT": f"{path}|layername=ZD", "FARMLAND": f"{path}|layername=JBNT",
                                         "OUTPUT": "memory:", "OUTPUT_OVERLAPS": "memory:"})
    values = {f.attribute("FWZJBNT") for f in result["OUTPUT"].getFeatures()}
    assert all(v is None or (hasattr(v, "isNull") and v.isNull()) for v in values)
    del result
