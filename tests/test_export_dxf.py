"""homestead:exportdxf: a DXF a CAD user can open (named layers, GBK code page, CJK text style) read back with
OGR: geometry to 1 mm, every J-number inside its parcel, every edge length once, beside its edge."""
import math
from collections import Counter, defaultdict

import shapely
from layers_helper import RecordingFeedback, demo_village, rows, write_gpkg
from osgeo import ogr

LAYERS = {"宗地", "房屋", "界址点", "界址线", "注记"}
E0, N0 = 37_597_000.0, 3_069_000.0
# A 12.5 × 20 m; B next to it (shares A's east edge) with a 2 × 2 m hole; a house inside A
A = [(E0, N0 + 20), (E0 + 12.5, N0 + 20), (E0 + 12.5, N0), (E0, N0)]
B = [(E0 + 12.5, N0 + 20), (E0 + 30.123, N0 + 20), (E0 + 30.123, N0), (E0 + 12.5, N0)]
HOLE = [(E0 + 15, N0 + 16), (E0 + 17, N0 + 16), (E0 + 17, N0 + 14), (E0 + 15, N0 + 14)]
HOUSE = [(E0 + 2, N0 + 18), (E0 + 10, N0 + 18), (E0 + 10, N0 + 10), (E0 + 2, N0 + 10)]


def wkt(ring, holes=()):
    text = lambda r: "(" + ",".join(f"{x:.3f} {y:.3f}" for x, y in list(r) + [r[0]]) + ")"  # noqa: E731
    return "POLYGON(" + ",".join([text(ring)] + [text(h) for h in holes]) + ")"


def read_dxf(path):
    """(layer, geometry WKT, text) of every entity, read with OGR."""
    dataset = ogr.Open(str(path))
    out = [(f.GetField("Layer"), f.GetGeometryRef().ExportToWkt(), f.GetField("Text")) for f in dataset.GetLayer(0)]
    dataset = None
    return out


def export(run_alg, tmp_path, parcels, houses=None, **extra):
    params = {"INPUT": parcels, "OUTPUT": str(tmp_path / "out.dxf")}
    if houses:
        params["BUILDINGS"] = houses
    params.update(extra)
    feedback = RecordingFeedback()
    result = run_alg("exportdxf", params, feedback=feedback)
    return result, feedback


def test_two_parcels_round_trip(run_alg, tmp_path):
    parcels = write_gpkg(tmp_path / "in.gpkg", "ZD", 4525, [wkt(A), wkt(B, [HOLE])],
                         {"ZDDM": ["430102001001JC00001", "430102001001JC00002"]})
    houses = write_gpkg(tmp_path / "in.gpkg", "ZRZ", 4525, [wkt(HOUSE)], {"ZCS": [2], "FWJG": [4]})
    result, feedback = export(run_alg, tmp_path, parcels, houses)
    assert result["CRS"] == "EPSG:4525"
    raw = (tmp_path / "out.dxf").read_bytes()
    assert b"$DWGCODEPAGE\n  3\nANSI_936" in raw and "宗地".encode("gbk") in raw and "宗地".encode() not in raw
    assert b"  3\nsimsun.ttc\n1001\nACAD\n1000\nSimSun" in raw
    assert b"$INSUNITS\n 70\n     6" in raw
    entities = read_dxf(tmp_path / "out.dxf")
    assert {e[0] for e in entities} == LAYERS

    # parcel and house rings: the input vertices to 1 mm
    rings = sorted(shapely.from_wkt(g).coords[:-1] for layer, g, _t in entities if layer == "宗地")
    expected = sorted([A, B, HOLE])
    assert len(rings) == 3
    for got, want in zip(rings, expected):
        assert len(got) == len(want)
        assert all(math.dist(p, q) < 0.001 for p, q in zip(sorted(got), sorted(want)))
    house = [shapely.from_wkt(g) for layer, g, _t in entities if layer == "房屋"]
    assert len(house) == 1 and sorted(house[0].coords[:-1]) == sorted(HOUSE)

    # boundary points: one per distinct vertex (the shared corners once); lines: one per distinct edge
    vertices = {p for ring in (A, B, HOLE) for p in ring}
    points = {shapely.from_wkt(g).coords[0] for layer, g, _t in entities if layer == "界址点"}
    assert len(points) == len([g for layer, g, _t in entities if layer == "界址点"]) == len(vertices)
    assert all(min(math.dist(p, v) for v in vertices) < 0.001 for p in points)
    edges = {frozenset((r[i], r[(i + 1) % len(r)])) for r in (A, B, HOLE) for i in range(len(r))}
    assert len([1 for layer, _g, _t in entities if layer == "界址线"]) == len(edges)

    texts = [(shapely.from_wkt(g), t) for layer, g, t in entities if layer == "注记"]
    # every edge length once, beside the middle of its edge
    areas = {f"{shapely.Polygon(A).area:.2f}", f"{shapely.Polygon(B, [HOLE]).area:.2f}"}
    assert areas <= {t for _p, t in texts}
    lengths = [(p, t) for p, t in texts if t.replace(".", "").isdigit() and t not in areas]
    assert Counter(t for _p, t in lengths) == Counter(f"{math.dist(*e):.2f}" for e in (tuple(e) for e in edges))
    for p, t in lengths:
        assert any(abs(math.dist(*e) - float(t)) < 0.006 and shapely.LineString(e).distance(p) < 1.0
                   and shapely.Point((e[0][0] + e[1][0]) / 2, (e[0][1] + e[1][1]) / 2).distance(p) < 1.0
                   for e in (tuple(e) for e in edges))
    # J-numbers: J1..Jn for each parcel, each inside its own parcel, J1 at the north-west corner (domain.md §4)
    polygons = {"A": shapely.Polygon(A), "B": shapely.Polygon(B, [HOLE])}
    labels = defaultdict(list)
    for p, t in texts:
        if t.startswith("J"):
            owner = [name for name, poly in polygons.items() if poly.contains(p)]
            assert len(owner) == 1, (t, p)
            labels[owner[0]].append((t, p))
    assert sorted(t for t, _p in labels["A"]) == ["J1", "J2", "J3", "J4"]
    assert sorted(t for t, _p in labels["B"]) == sorted(f"J{k}" for k in range(1, 9))
    j1 = next(p for t, p in labels["A"] if t == "J1")
    assert min(A, key=lambda v: math.dist(v, j1.coords[0])) == (E0, N0 + 20)
    assert {t for _p, t in texts if t.startswith("4301")} == {"430102001001JC00001", "430102001001JC00002"}
    assert "2混" in {t for _p, t in texts}
    assert "code page ANSI_936" in feedback.text()


def test_demo_village_round_trip(run_alg, tmp_path):
    village, _manifest = demo_village()
    zd = f"{village}|layername=ZD"
    result, feedback = export(run_alg, tmp_path, zd, f"{village}|layername=ZRZ", SCALE=1)
    entities = read_dxf(result["OUTPUT"])
    parcels = rows(zd)
    rings = [shapely.from_wkt(g) for layer, g, _t in entities if layer == "宗地"]
    want = [ring for r in parcels for poly in r["geometry"].asMultiPolygon() for ring in poly]
    assert len(rings) == len(want) == 300
    for got, ring in zip(rings, want):  # written in the layer's order, vertex for vertex
        assert len(got.coords) == len(ring)
        assert max(math.dist(a, (b.x(), b.y())) for a, b in zip(got.coords, ring)) < 0.001
    # the J-numbers are those of homestead:boundarypoints on the same parcels
    points = run_alg("boundarypoints", {"INPUT": zd, "OUTPUT_POINTS": str(tmp_path / "jzd.gpkg"),
                                        "OUTPUT_LINES": str(tmp_path / "jzx.gpkg"), "OUTPUT": str(tmp_path / "zd.gpkg")})
    jzd = rows(points["OUTPUT_POINTS"])
    labels = Counter(t for layer, _g, t in entities if layer == "注记" and t and t.startswith("J"))
    assert labels == Counter(r["JZDH"] for r in jzd)
    jzx = rows(points["OUTPUT_LINES"])
    lengths = Counter(t for layer, _g, t in entities if layer == "注记" and t and t.replace(".", "").isdigit() and len(t) < 8)
    shared = {frozenset(((round(r["geometry"].asPolyline()[0].x(), 3), round(r["geometry"].asPolyline()[0].y(), 3)),
                         (round(r["geometry"].asPolyline()[-1].x(), 3), round(r["geometry"].asPolyline()[-1].y(), 3)))): r["JZXCD"]
              for r in jzx}
    # the parcel labels (ZDMJ is empty in the village): GEOS areas; QgsGeometry.area() of 3.40 rounds a few
    # x.xx5 areas the other way
    areas = Counter(f"{shapely.from_wkb(bytes(r['geometry'].asWkb())).area:.2f}" for r in parcels)
    assert lengths - areas == Counter(f"{v:.2f}" for v in shared.values()) and not areas - lengths
    assert "has an invalid geometry" in feedback.text()  # the village's deliberate defect is said, not hidden


def test_house_labels_use_the_map_abbreviations(run_alg, tmp_path):
    """钢筋混凝土 is 砼 and 钢和钢筋混凝土 钢砼 (地形图图式), as on the parcel maps; not the first character 钢."""
    parcels = write_gpkg(tmp_path / "in.gpkg", "ZD", 4525, [wkt(A)], {"ZDDM": ["430102001001JC00001"]})
    houses = write_gpkg(tmp_path / "in.gpkg", "ZRZ", 4525, [wkt(HOUSE), wkt(HOUSE)], {"ZCS": [3, 1], "FWJG": [3, 2]})
    export(run_alg, tmp_path, parcels, houses)
    labels = {t for layer, _g, t in read_dxf(tmp_path / "out.dxf") if layer == "注记" and not t.startswith(("J", "4301"))}
    assert {"3砼", "1钢砼"} <= labels and not any(t.endswith("钢") for t in labels)
