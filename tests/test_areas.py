"""homestead:parcelareas: 宗地面积 against an own shoelace and the Austrian register, geographic input, houses'
footprint and floor area, the graphic tolerance ΔP, bad input."""
import math
import statistics

import pytest
from layers_helper import RecordingFeedback, demo_village, rows, write_gpkg
from qgis.core import QgsProcessingException

E0, N0 = 37_597_000.0, 3_069_000.0


def ring_area(ring):
    """Unsigned shoelace area of [(x, y), ...] about its first point (closing point optional)."""
    pts = ring[:-1] if ring[0] == ring[-1] else ring
    x0, y0 = pts[0]
    twice = sum((x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0) for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1]))
    return abs(twice) / 2.0


def polygon_area(parts):
    """parts: [[outer ring, hole, hole...], ...] → outer areas minus holes, summed over parts."""
    return sum(ring_area(rings[0]) - sum(ring_area(h) for h in rings[1:]) for rings in parts)


def wkt(parts):
    def ring(r):
        r = r + r[:1] if r[0] != r[-1] else r
        return "(" + ",".join(f"{x!r} {y!r}" for x, y in r) + ")"

    return "MULTIPOLYGON(" + ",".join("(" + ",".join(ring(r) for r in rings) + ")" for rings in parts) + ")"


def box(x0, y0, x1, y1):
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def shifted(ring, dx=E0, dy=N0):
    return [(round(x + dx, 3), round(y + dy, 3)) for x, y in ring]


PARCELS = {
    "A": [[shifted([(0, 0), (23.417, 1.203), (25.881, 17.629), (11.004, 24.77), (-2.315, 15.008)])]],
    "B": [[shifted([(30, 0), (70, 0), (70, 40), (30, 40)]), shifted([(40, 10), (40, 20), (55, 20), (55, 10)])]],  # with a hole
    "C": [[shifted(box(80, 0, 90, 10))], [shifted([(95, 0), (110.5, 2.25), (101.333, 12.125)])]],  # two parts
    "D": [[shifted([(120, 0), (150.123, 0.456), (140.77, 30.01), (131.5, 12.2), (121.9, 29.87)])]],  # concave
}


def run_areas(run_alg, tmp_path, source, feedback=None, **extra):
    params = {"INPUT": source, "CODE_FIELD": "ZDDM", "OUTPUT": str(tmp_path / "areas.gpkg")}
    params.update(extra)
    result = run_alg("parcelareas", params, feedback=feedback or RecordingFeedback())
    return rows(result["OUTPUT"])


def test_areas_equal_an_independent_shoelace(run_alg, tmp_path):
    source = write_gpkg(tmp_path / "zd.gpkg", "ZD", 4525, [wkt(p) for p in PARCELS.values()], {"ZDDM": list(PARCELS)},
                        geometry_type="MultiPolygon")
    out = run_areas(run_alg, tmp_path, source)
    assert [r["ZDDM"] for r in out] == list(PARCELS)
    for r in out:
        expected = polygon_area(PARCELS[r["ZDDM"]])
        assert r["ZDMJ"] == pytest.approx(expected, abs=0.01)
        assert r["ZDMJ"] == round(r["ZDMJ"], 4)  # stored with 4 decimals
    assert out[1]["ZDMJ"] == pytest.approx(40 * 40 - 15 * 10, abs=1e-4)


def test_umbach_surveyed_parcels_match_the_register(run_alg, tmp_path, real_data):
    """The 6 parcels with a surveyed boundary (RECHTSSTATUS G) against their registered Flaeche_Gst.

    Planar areas in EPSG:25833 (UTM 33N) carry the UTM scale: at Umbach (32.7 km east of the central meridian)
    k = 0.9996·(1 + x²/2R²) ≈ 0.99961, so planar areas are k² ≈ 0.99922 of the ground area, about 0.08 % small.
    Divided by k² they match the register within 1 m² (5 of 6) and 0.02 % (the 2.5 ha parcel); the register
    rounds to whole m². Against ΔP at 1:1000 every surveyed parcel passes and most graphical ones fail.
    """
    source = f"{real_data / 'at_umbach_14168.gpkg'}|layername=grundstueck"
    feedback = RecordingFeedback()
    out = run_areas(run_alg, tmp_path, source, feedback, CODE_FIELD="NUMMER", RECORDED_AREA_FIELD="Flaeche_Gst", SCALE=1000)
    assert "EPSG:25833" in feedback.text()
    surveyed = [r for r in out if r["RECHTSSTATUS"] == "G"]
    assert len(surveyed) == 6
    for r in surveyed:
        geometry = r["geometry"]
        # an own shoelace over the stored vertices
        parts = [[[(p.x(), p.y()) for p in ring] for ring in polygon] for polygon in geometry.asMultiPolygon()]
        assert r["ZDMJ"] == pytest.approx(polygon_area(parts), abs=0.01)
        centre_x = geometry.centroid().asPoint().x() - 500_000
        k = 0.9996 * (1 + centre_x ** 2 / (2 * 6_381_000.0 ** 2))
        ground = r["ZDMJ"] / k ** 2
        assert abs(ground - r["Flaeche_Gst"]) <= max(1.0, 0.0002 * r["Flaeche_Gst"]), r["NUMMER"]
        assert r["MJCX"] == 0 and r["MJJC"] == pytest.approx(r["ZDMJ"] - r["Flaeche_Gst"], abs=0.01)
        assert r["MJXC"] == pytest.approx(0.0003 * 1000 * math.sqrt(r["ZDMJ"]), abs=0.01)
    graphical = [r for r in out if r["RECHTSSTATUS"] != "G" and r["Flaeche_Gst"]]
    assert statistics.median(abs(r["MJJC"]) for r in graphical) > 30
    flagged = [r for r in graphical if r["MJCX"] == 1]
    assert len(flagged) > len(graphical) / 2
    assert sum("more than the tolerance" in e for e in feedback.errors) == len(flagged)


def test_geographic_input_gives_the_projected_area(run_alg, tmp_path, real_data):
    """Umbach moved into CGCS2000 zone 37 by a shift (shapes kept), then reprojected to EPSG:4490 by QGIS."""
    import processing

    moved = str(tmp_path / "moved.gpkg")
    processing.run("native:translategeometry", {
        "INPUT": f"{real_data / 'at_umbach_14168.gpkg'}|layername=grundstueck",
        "DELTA_X": E0 - 532_700, "DELTA_Y": N0 - 5_343_100, "OUTPUT": str(tmp_path / "shift.gpkg")})
    processing.run("native:assignprojection", {"INPUT": str(tmp_path / "shift.gpkg"), "CRS": "EPSG:4525", "OUTPUT": moved})
    geographic = str(tmp_path / "geo.gpkg")
    processing.run("native:reprojectlayer", {"INPUT": moved, "TARGET_CRS": "EPSG:4490", "OUTPUT": geographic})
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    feedback = RecordingFeedback()
    projected = run_areas(run_alg, tmp_path / "a", moved, CODE_FIELD="NUMMER")
    from_degrees = run_areas(run_alg, tmp_path / "b", geographic, feedback, CODE_FIELD="NUMMER")
    assert "measured in EPSG:4525 (projected from EPSG:4490)" in feedback.text()
    assert from_degrees[0]["crs"] == "EPSG:4490"  # the output keeps the input's CRS
    assert len(projected) == len(from_degrees) == 100
    for p, g in zip(projected, from_degrees):
        assert p["NUMMER"] == g["NUMMER"]
        assert g["ZDMJ"] == pytest.approx(p["ZDMJ"], abs=0.01)


def test_houses_footprint_and_floor_area(run_alg, tmp_path):
    parcels = write_gpkg(tmp_path / "zd.gpkg", "ZD", 4525,
                         [wkt([[shifted(box(x, 0, x + 20, 20))]]) for x in (0, 20, 40)], {"ZDDM": ["P1", "P2", "P3"]})
    houses = [  # (box, ZDDM, ZCS, SCJZMJ)
        (box(2, 2, 12, 10), None, 2, None),  # in P1: 80 m², 2 storeys
        (box(15, 5, 25, 15), None, 3, None),  # half in P1, half in P2: 50 + 50 m², 3 storeys
        (box(30, 2, 36, 8), "P1", 2, 100.0),  # stands in P2 but is recorded on P1, measured floor area 100
        (box(100, 100, 110, 110), None, 1, None),  # on no parcel
        (box(42, 2, 46, 6), None, None, None),  # in P3: no storeys, no measured area
        (box(22, 12, 26, 16), "NOPE", 1, None),  # unknown parcel code: by location, P2
    ]
    source = write_gpkg(tmp_path / "zrz.gpkg", "ZRZ", 4525, [wkt([[shifted(h[0])]]) for h in houses],
                        {"ZDDM": [h[1] for h in houses], "ZCS": [h[2] for h in houses], "SCJZMJ": [h[3] for h in houses]})
    feedback = RecordingFeedback()
    out = {r["ZDDM"]: r for r in run_areas(run_alg, tmp_path, parcels, feedback, BUILDINGS=source)}
    expected = {"P1": (80 + 50 + 36, 160 + 150 + 100), "P2": (50 + 16, 150 + 16), "P3": (16, None)}
    for code, (footprint, floor) in expected.items():
        r = out[code]
        assert r["ZDMJ"] == pytest.approx(400.0)
        assert r["JZZDMJ"] == pytest.approx(footprint, abs=0.005)
        assert r["JZMD"] == pytest.approx(100 * footprint / 400, abs=0.005)
        if floor is None:
            assert r["JZMJ"] is None and r["RJL"] is None
        else:
            assert r["JZMJ"] == pytest.approx(floor, abs=0.005)
            assert r["RJL"] == pytest.approx(floor / 400, abs=0.0051)  # stored with 2 decimals
    text = feedback.text()
    assert "Building feature 4 lies on no parcel" in text
    assert "Building feature 5 has neither a measured floor area" in text
    assert "Building feature 6 names parcel NOPE" in text


def test_recorded_area_against_the_graphic_tolerance(run_alg, tmp_path):
    # 20 m × 20 m = 400 m²: ΔP = 0.0003 · M · 20 = 6 m² at 1:1000, 12 m² at 1:2000
    wkts = [wkt([[shifted(box(x, 0, x + 20, 20))]]) for x in (0, 30, 60)]
    source = write_gpkg(tmp_path / "zd.gpkg", "ZD", 4525, wkts, {"ZDDM": ["A", "B", "C"], "DCMJ": [405.0, 407.0, None]})
    feedback = RecordingFeedback()
    out = run_areas(run_alg, tmp_path, source, feedback, RECORDED_AREA_FIELD="DCMJ", SCALE=1000)
    assert [(r["MJJC"], r["MJXC"], r["MJCX"]) for r in out] == [(-5.0, 6.0, 0), (-7.0, 6.0, 1), (None, 6.0, None)]
    assert "Parcel B (feature 2): the computed area 400.00 m² differs from the recorded 407.00 m² by -7.00 m² (computed − recorded)" in feedback.text()
    (tmp_path / "m2000").mkdir()
    out = run_areas(run_alg, tmp_path / "m2000", source, RECORDED_AREA_FIELD="DCMJ", SCALE=2000)
    assert [r["MJCX"] for r in out] == [0, 0, None]


def test_bad_geometries_reported_rest_measured(run_alg, tmp_path):
    wkts = [
        wkt([[shifted(box(0, 0, 10, 10))]]),
        f"POLYGON(({E0} {N0},{E0 + 10} {N0 + 10},{E0 + 10} {N0},{E0} {N0 + 10},{E0} {N0}))",  # bow-tie
        None,
        f"POLYGON Z(({E0} {N0} 1,{E0 + 8} {N0} 2,{E0 + 8} {N0 + 5} 3,{E0} {N0 + 5} 4,{E0} {N0} 1))",
        wkt([[shifted(box(0, 0, 3, 3))], [shifted(box(5, 5, 9, 9))]]),
    ]
    source = write_gpkg(tmp_path / "bad.gpkg", "ZD", 4525, wkts, {"ZDDM": ["OK", "BOW", "NONE", "Z", "MULTI"]}, geometry_type="Unknown")
    feedback = RecordingFeedback()
    out = run_areas(run_alg, tmp_path, source, feedback)
    assert [r["ZDMJ"] for r in out] == [100.0, None, None, 40.0, 25.0]
    text = feedback.text()
    assert "Parcel feature 2 (BOW) has an invalid geometry (Self-intersection" in text and "area was left empty" in text
    assert "Feature 3 of bad has no geometry" in text
    assert "Feature 4 of bad has Z/M values" in text


def test_non_metric_crs_is_refused(run_alg, tmp_path):
    source = write_gpkg(tmp_path / "ft.gpkg", "ZD", 2264, [wkt([[box(2_000_000, 600_000, 2_000_100, 600_100)]])], {"ZDDM": ["F"]})
    with pytest.raises(QgsProcessingException, match="not the metre"):
        run_areas(run_alg, tmp_path, source)


def test_demo_village_areas(run_alg, tmp_path):
    """The demo village: ZDMJ equals an own shoelace; the parcels whose 调查面积 DCMJ its manifest planted beyond
    ΔP are exactly the flagged ones; the invalid parcel gets no area; EPSG:4490 input gives the same areas."""
    import processing

    village, manifest = demo_village()
    feedback = RecordingFeedback()
    out = run_areas(run_alg, tmp_path, f"{village}|layername=ZD", feedback, RECORDED_AREA_FIELD="DCMJ", SCALE=1000,
                    BUILDINGS=f"{village}|layername=ZRZ")
    assert sorted(r["fid"] for r in out if r["MJCX"] == 1) == sorted(manifest["expected"]["ZD_AREA"])
    assert sorted(r["fid"] for r in out if r["ZDMJ"] is None) == sorted(manifest["expected"]["ZD_INVALID"])
    for r in out:
        if r["ZDMJ"] is not None:
            parts = [[[(p.x(), p.y()) for p in ring] for ring in polygon] for polygon in r["geometry"].asMultiPolygon()]
            assert r["ZDMJ"] == pytest.approx(polygon_area(parts), abs=0.01)
    assert sum(1 for r in out if r["JZMJ"]) > len(out) / 2  # most homesteads carry a house
    geographic = str(tmp_path / "geo.gpkg")
    processing.run("native:reprojectlayer", {"INPUT": f"{village}|layername=ZD", "TARGET_CRS": "EPSG:4490", "OUTPUT": geographic})
    (tmp_path / "geo").mkdir()
    from_degrees = run_areas(run_alg, tmp_path / "geo", geographic)
    for p, g in zip(out, from_degrees):
        assert (g["ZDMJ"] is None) == (p["ZDMJ"] is None)
        if p["ZDMJ"] is not None:
            assert g["ZDMJ"] == pytest.approx(p["ZDMJ"], abs=0.01)


def test_houses_without_storeys_said_once(run_alg, tmp_path):
    parcels = write_gpkg(tmp_path / "zd.gpkg", "ZD", 4525, [wkt([[shifted(box(0, 0, 20, 20))]])], {"ZDDM": ["P1"]})
    houses = write_gpkg(tmp_path / "zrz.gpkg", "ZRZ", 4525, [wkt([[shifted(box(1, 1, 5, 5))]]), wkt([[shifted(box(6, 6, 9, 9))]])],
                        {"BZ": ["a", "b"]})
    feedback = RecordingFeedback()
    out = run_areas(run_alg, tmp_path, parcels, feedback, BUILDINGS=houses)
    assert out[0]["JZZDMJ"] == pytest.approx(16 + 9) and out[0]["JZMJ"] is None
    assert sum("storeys" in e for e in feedback.errors) == 1
