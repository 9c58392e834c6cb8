"""tools/make_village.py: the demo village is reproducible, follows the schema, and its manifest is true.

The manifest's claims are checked by independent measurements on the GeoPackage (OGR + shapely), never by the
plugin's quality rules: overlaps by pairwise intersection, gaps by holes of the union and negative buffers,
boundary points by vertex distances, areas by a shoelace written here, ID check digits by the ISO 7064
MOD 11-2 formula.
"""
from __future__ import annotations

import datetime
import json
import math
import subprocess
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
import pytest
import shapely
from osgeo import ogr

from homestead_cadastre.cadastre import codes, schema

REPO = Path(__file__).resolve().parents[1]
GENERATOR = REPO / "tools" / "make_village.py"
SAMPLE = REPO / "sample_data" / "demo_village.gpkg"
PYTHON = "/usr/bin/python3"  # the generator needs GDAL and shapely, not QGIS
OGR_TYPES = {schema.TEXT: ogr.OFTString, schema.INT: ogr.OFTInteger, schema.REAL: ogr.OFTReal,
             schema.DATE: ogr.OFTDate, schema.DATETIME: ogr.OFTDateTime}
LIMITS = {1: 130.0, 2: 180.0, 3: 210.0}  # Hunan household limits by land type (domain.md §3)


def generate(out: Path, *args: str) -> dict:
    subprocess.run([PYTHON, str(GENERATOR), str(out), *args], check=True, capture_output=True, text=True)
    return json.loads(out.with_name(out.stem + ".manifest.json").read_text(encoding="utf-8"))


def read(path: Path) -> dict:
    """{layer: {"fields": [(name, type, width)], "epsg", "geometry", "rows": {fid: dict}, "wkb": {fid: bytes}}}"""
    ds = ogr.Open(str(path))
    out = {}
    for i in range(ds.GetLayerCount()):
        layer = ds.GetLayer(i)
        defn = layer.GetLayerDefn()
        fields = [(defn.GetFieldDefn(k).GetName(), defn.GetFieldDefn(k).GetType(), defn.GetFieldDefn(k).GetWidth())
                  for k in range(defn.GetFieldCount())]
        srs = layer.GetSpatialRef()
        rows, wkb = {}, {}
        for feature in layer:
            rows[feature.GetFID()] = {name: (feature.GetField(name) if feature.IsFieldSetAndNotNull(name) else None)
                                      for name, _, _ in fields}
            geometry = feature.GetGeometryRef()
            if geometry is not None:
                wkb[feature.GetFID()] = bytes(geometry.ExportToIsoWkb())
        out[layer.GetName()] = {"fields": fields, "epsg": srs.GetAuthorityCode(None) if srs else None,
                                "geometry": layer.GetGeomType(), "rows": rows, "wkb": wkb}
    return out


def geometries(data: dict, layer: str):
    fids = sorted(data[layer]["wkb"])
    return np.array(fids), shapely.from_wkb([data[layer]["wkb"][f] for f in fids])


def shoelace(polygon) -> float:
    xy = np.asarray(polygon.exterior.coords)[:-1]
    x, y = xy[:, 0] - xy[0, 0], xy[:, 1] - xy[0, 1]
    return abs(float(np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y))) / 2


def close(a, b) -> bool:
    """Equal JSON values, numbers to within 0.002."""
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(close(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(close(x, y) for x, y in zip(a, b))
    if isinstance(a, float) or isinstance(b, float):
        return abs(a - b) <= 0.002
    return a == b


def defects(manifest: dict, kind: str) -> list:
    return [d for d in manifest["defects"] if d["kind"] == kind]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("village") / "demo.gpkg"
    manifest = generate(out)
    return out, manifest, read(out)


def test_same_bytes_every_run(demo, tmp_path):
    out, manifest, _ = demo
    again = tmp_path / "demo.gpkg"
    assert generate(again) == manifest
    assert again.read_bytes() == out.read_bytes()
    assert again.with_suffix(".manifest.json").read_bytes() == out.with_suffix(".manifest.json").read_bytes()


def test_committed_sample_is_a_fresh_run(demo):
    """Compared by content (fields, attributes, WKB), so that another GDAL version still passes."""
    _, manifest, data = demo
    committed = read(SAMPLE)
    assert committed.keys() == data.keys()
    for name in data:
        for key in ("fields", "epsg", "geometry", "rows", "wkb"):
            assert committed[name][key] == data[name][key], (name, key)
    stored = json.loads(SAMPLE.with_name("demo_village.manifest.json").read_text(encoding="utf-8"))
    for key in ("generator", "seed", "parcels", "crs", "layers", "villages", "thresholds", "expected_subjects",
                "expected", "policy_cases"):
        assert stored[key] == manifest[key], key
    assert [{k: v for k, v in d.items() if k != "facts"} for d in stored["defects"]] == \
           [{k: v for k, v in d.items() if k != "facts"} for d in manifest["defects"]]
    # measured facts may differ in the last digit with another GEOS
    assert all(close(a["facts"], b["facts"]) for a, b in zip(stored["defects"], manifest["defects"]))
    assert SAMPLE.stat().st_size < 3_000_000


def test_layers_and_fields_follow_the_schema(demo):
    _, manifest, data = demo
    assert set(data) == {layer.name for layer in schema.ALL_LAYERS}
    expected_geometry = {schema.POLYGON: ogr.wkbMultiPolygon, schema.POINT: ogr.wkbPoint,
                         schema.LINE: ogr.wkbLineString, schema.NONE: ogr.wkbNone}
    for layer in schema.ALL_LAYERS:
        got = data[layer.name]
        assert [name for name, _, _ in got["fields"]] == layer.field_names, layer.name
        for (name, ogr_type, width), f in zip(got["fields"], layer.fields):
            assert ogr_type == OGR_TYPES[f.type], (layer.name, name)
            if f.type == schema.TEXT:
                assert width == f.length, (layer.name, name)
        assert got["geometry"] == expected_geometry[layer.geometry], layer.name
        if layer.geometry != schema.NONE:
            assert got["epsg"] == "4525", layer.name
        assert len(got["rows"]) == manifest["layers"][layer.name]
    for empty in ("JZD", "JZX", "SHJL"):
        assert manifest["layers"][empty] == 0
    assert manifest["layers"]["ZD"] == manifest["parcels"] == 300
    assert manifest["crs"] == "EPSG:4525"
    fids, parcels = geometries(data, "ZD")
    assert list(fids) == list(range(1, 301))
    centre = shapely.union_all(shapely.make_valid(parcels)).centroid
    assert abs(centre.x - 37_597_000) < 1000 and abs(centre.y - 3_069_000) < 1000


def test_opens_in_qgis(demo, qgis_app):
    from qgis.core import QgsVectorLayer

    out, manifest, _ = demo
    for layer_schema in schema.ALL_LAYERS:
        layer = QgsVectorLayer(f"{out}|layername={layer_schema.name}", layer_schema.name, "ogr")
        assert layer.isValid(), layer_schema.name
        assert layer.featureCount() == manifest["layers"][layer_schema.name]
        if layer_schema.geometry != schema.NONE:
            assert layer.crs().authid() == "EPSG:4525"
        del layer


def test_codes_valid_except_the_planted_ones(demo):
    _, manifest, data = demo
    zd = data["ZD"]["rows"]
    malformed = {f for d in defects(manifest, "malformed_code") for f in d["fids"]}
    assert len(malformed) >= 3
    failing = {fid for fid, r in zd.items() if codes.zddm_problems(r["ZDDM"]) or codes.bdcdyh_problems(r["BDCDYH"])}
    assert failing == malformed == set(manifest["expected"]["ZD_CODE"])
    problems = {pid for fid in malformed for pid in
                [p.id for p in codes.zddm_problems(zd[fid]["ZDDM"]) + codes.bdcdyh_problems(zd[fid]["BDCDYH"])]}
    assert {"CODE_LENGTH", "CODE_PATTERN"} <= problems  # wrong length, wrong letters
    houses_of = defaultdict(list)
    for h in data["ZRZ"]["rows"].values():
        houses_of[h["ZDDM"]].append(h)
    bad_codes = {zd[f]["ZDDM"] for f in malformed}
    for fid, r in zd.items():
        if fid in malformed:
            continue
        assert len(r["ZDDM"]) == 19 and r["BDCDYH"][:19] == r["ZDDM"] and r["ZDTZM"] == "JC"
        assert r["YSDM"] == schema.YSDM["ZD"] and r["BSM"] == fid and r["YT"] == "0702"
    for h in data["ZRZ"]["rows"].values():
        if h["ZDDM"] is None or h["ZDDM"] in bad_codes:
            continue
        assert codes.is_valid_bdcdyh(h["BDCDYH"]) and codes.is_valid_zddm(h["ZDDM"])
        assert h["ZRZH"][:19] == h["ZDDM"] and h["ZRZH"][19] == "F" and h["ZRZH"][20:].isdigit() and len(h["ZRZH"]) == 24
    for q in data["QLR"]["rows"].values():
        if q["ZDDM"] not in bad_codes:
            assert codes.is_valid_bdcdyh(q["BDCDYH"]) and q["BDCDYH"][:19] == q["ZDDM"]
    # the unit code follows the houses: none -> W00000000 (land only), one -> F00010001, several -> F99990001
    for fid, r in zd.items():
        if fid in malformed or len({f for f, s in zd.items() if s["ZDDM"] == r["ZDDM"]}) > 1:
            continue
        n = len(houses_of[r["ZDDM"]])
        assert r["BDCDYH"][19:] == ("W00000000" if n == 0 else "F00010001" if n == 1 else "F99990001")
        assert r["QLLX"] == (5 if n == 0 else 6)


def mod11_2(body: str) -> str:
    """ISO 7064 MOD 11-2 check character, computed as (12 - Σ aᵢ·2^(17-i) mod 11) mod 11."""
    total = sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(body))
    value = (12 - total % 11) % 11
    return "X" if value == 10 else str(value)


def test_id_numbers_and_holders(demo):
    _, _, data = demo
    qlr = data["QLR"]["rows"].values()
    numbers = [q["ZJH"] for q in qlr]
    assert mod11_2("11010519491231002") == "X"  # the standard's worked example (GB 11643-1999)
    for number in numbers:
        assert len(number) == 18 and number[:6] == "431302"
        datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
        assert number[17] == mod11_2(number[:17]), number
    for q in qlr:
        assert q["ZJZL"] == 1 and q["QLRLX"] == 1 and len(q["DH"]) == 11 and q["DH"].isdigit()
        assert 2 <= len(q["QLRMC"]) <= 3
    heads = {(q["ZDDM"], q["BDCDYH"], q["HH"]): q for q in qlr if q["SXH"] == 1}
    for r in data["ZD"]["rows"].values():
        head = heads[(r["ZDDM"], r["BDCDYH"], r["HH"])]
        assert (r["QLRMC"], r["QLRZJH"]) == (head["QLRMC"], head["ZJH"])
    # one person, one ID number: a number repeats only for the same person on another parcel of the household
    owner = {}
    for q in qlr:
        assert owner.setdefault(q["ZJH"], (q["QLRMC"], q["HH"])) == (q["QLRMC"], q["HH"])


def test_overlaps_exactly_as_planted(demo):
    _, manifest, data = demo
    fids, parcels = geometries(data, "ZD")
    fixed = shapely.make_valid(parcels)
    found = {}
    for i, j in zip(*shapely.STRtree(fixed).query(fixed, predicate="intersects")):
        if i < j:
            area = shapely.intersection(fixed[i], fixed[j]).area
            if area > 0.01:
                found[(int(fids[i]), int(fids[j]))] = area
    (planted,) = defects(manifest, "overlap")
    assert list(found) == [tuple(planted["fids"])]
    assert found[tuple(planted["fids"])] == pytest.approx(planted["facts"]["overlap_area_m2"], abs=0.01)
    assert found[tuple(planted["fids"])] >= 2.0
    assert set(manifest["expected"]["ZD_OVERLAP"]) == set(planted["fids"])


def test_gap_exactly_as_planted(demo):
    _, manifest, data = demo
    fids, parcels = geometries(data, "ZD")
    union = shapely.union_all(shapely.make_valid(parcels))
    holes = [shapely.Polygon(ring) for part in shapely.get_parts(union) for ring in part.interiors]
    holes = [h for h in holes if h.area > 0.01]
    assert len(holes) == 1
    (hole,) = holes
    (planted,) = defects(manifest, "gap")
    a, b = (parcels[list(fids).index(f)] for f in planted["fids"])
    assert hole.area == pytest.approx(planted["facts"]["gap_area_m2"], abs=0.01)
    assert not hole.buffer(-0.09).is_empty and hole.buffer(-0.11).is_empty  # 0.18 m < width < 0.22 m
    assert planted["facts"]["gap_width_m"] == pytest.approx(0.2, abs=0.01)
    assert hole.buffer(-0.05).length / 2 > 3.0  # several metres long
    assert a.distance(hole) < 1e-6 and b.distance(hole) < 1e-6
    assert shapely.intersection(a.boundary, b.boundary).length > 3.0  # otherwise they share their boundary
    assert manifest["expected"]["ZD_GAP"] == planted["fids"]


def test_self_intersection_only_where_planted(demo):
    _, manifest, data = demo
    fids, parcels = geometries(data, "ZD")
    invalid = [int(f) for f, ok in zip(fids, shapely.is_valid(parcels)) if not ok]
    (planted,) = defects(manifest, "self_intersection")
    assert invalid == planted["fids"] == manifest["expected"]["ZD_INVALID"]
    assert "Self-intersection" in shapely.is_valid_reason(parcels[invalid[0] - 1])


def test_houses_against_parcels(demo):
    _, manifest, data = demo
    pfids, parcels = geometries(data, "ZD")
    hfids, houses = geometries(data, "ZRZ")
    fixed = shapely.make_valid(parcels)
    hi, pi = shapely.STRtree(fixed).query(houses, predicate="intersects")
    parts = defaultdict(list)
    for h, p, area in zip(hi, pi, shapely.area(shapely.intersection(houses[hi], fixed[pi]))):
        if area > 0.01:
            parts[int(hfids[h])].append((int(pfids[p]), area))
    (across,) = defects(manifest, "house_across_boundary")
    (orphan,) = defects(manifest, "orphan_house")
    zd, zrz = data["ZD"]["rows"], data["ZRZ"]["rows"]
    for fid in hfids:
        fid = int(fid)
        if fid in across["fids"]:
            assert sorted(p for p, _ in parts[fid]) == across["parcel_fids"]
            assert all(area >= 1.0 for _, area in parts[fid])
        elif fid in orphan["fids"]:
            assert parts[fid] == [] and zrz[fid]["ZDDM"] is None
        else:
            ((parcel, area),) = parts[fid]
            assert area == pytest.approx(houses[fid - 1].area, abs=1e-3)  # wholly inside
            assert zrz[fid]["ZDDM"] == zd[parcel]["ZDDM"]
            assert zrz[fid]["ZZDMJ"] == pytest.approx(shoelace(houses[fid - 1].geoms[0]), abs=0.006)
    assert manifest["expected"]["ZRZ_OUTSIDE"] == across["fids"]
    assert manifest["expected"]["ZRZ_ORPHAN"] == orphan["fids"]
    counts = Counter(len([h for h in zrz.values() if h["ZDDM"] == r["ZDDM"]]) for r in zd.values())
    assert set(counts) >= {0, 1, 2, 3}
    assert {h["FWJG"] for h in zrz.values()} == {3, 4, 5, 6} and {h["ZCS"] for h in zrz.values()} == {1, 2, 3, 4}
    assert all(h["GHYT"] == 10 for h in zrz.values())


def test_duplicate_codes_exactly_as_planted(demo):
    _, manifest, data = demo
    counts = Counter(r["ZDDM"] for r in data["ZD"]["rows"].values())
    duplicated = sorted(f for f, r in data["ZD"]["rows"].items() if counts[r["ZDDM"]] > 1)
    (planted,) = defects(manifest, "duplicate_code")
    assert duplicated == planted["fids"] == manifest["expected"]["ZD_DUPCODE"]


def test_boundary_points_mismatch_exactly_as_planted(demo):
    """Vertices of different parcels either coincide or lie >= 1 m apart, except the displaced corner."""
    _, manifest, data = demo
    fids, parcels = geometries(data, "ZD")
    coords, owner = [], []
    for fid, polygon in zip(fids, parcels):
        ring = shapely.get_coordinates(polygon)[:-1]
        coords.append(ring)
        owner += [int(fid)] * len(ring)
    coords, owner = np.concatenate(coords), np.array(owner)
    points = shapely.points(coords)
    a, b = shapely.STRtree(points).query(points, predicate="dwithin", distance=1.0)
    keep = owner[a] < owner[b]
    distance = np.hypot(*(coords[a[keep]] - coords[b[keep]]).T)
    near = distance > 1e-6
    pairs = {(int(owner[i]), int(owner[j])): d for i, j, d in zip(a[keep][near], b[keep][near], distance[near])}
    (planted,) = defects(manifest, "point_mismatch")
    assert list(pairs) == [tuple(planted["fids"])]
    displacement = pairs[tuple(planted["fids"])]
    assert 0.3 <= displacement <= 0.5 and displacement == pytest.approx(planted["facts"]["displacement_m"], abs=1e-3)
    first, second = (parcels[f - 1] for f in planted["fids"])
    assert shapely.intersection(first, second).area < 1e-4  # the displaced corner makes no overlap...
    # ...and no gap: the corner left behind lies on the other parcel's boundary (within float noise)
    i, j = next((i, j) for i, j in zip(a[keep][near], b[keep][near]))
    corners = [shapely.Point(coords[i]), shapely.Point(coords[j])]
    assert min(shapely.distance(c, first.boundary) + shapely.distance(c, second.boundary) for c in corners) < 1e-6
    assert manifest["expected"]["JZD_MISMATCH"] == planted["fids"]


def test_neighbours_share_corners_and_t_junctions(demo):
    """Blocks are partitions: neighbours share vertices with identical coordinates, and some corners lie on a
    neighbour's edge (T-junctions)."""
    _, _, data = demo
    fids, parcels = geometries(data, "ZD")
    owners = defaultdict(set)
    vertices, owner = [], []
    for fid, polygon in zip(fids, parcels):
        for xy in shapely.get_coordinates(polygon)[:-1]:
            owners[tuple(xy)].add(int(fid))
            vertices.append(xy)
            owner.append(int(fid))
    shared = [xy for xy, who in owners.items() if len(who) > 1]
    assert len(shared) > len(parcels)
    points = shapely.points(np.array(vertices))
    edges = shapely.boundary(shapely.make_valid(parcels))
    on, edge = shapely.STRtree(edges).query(points, predicate="dwithin", distance=1e-6)
    t_junctions = {(int(owner[p]), int(fids[e])) for p, e in zip(on, edge)
                   if owner[p] != fids[e] and tuple(vertices[p]) not in
                   {tuple(xy) for xy in shapely.get_coordinates(parcels[e])}}
    assert len(t_junctions) >= 20


def test_recorded_areas(demo):
    _, manifest, data = demo
    fids, parcels = geometries(data, "ZD")
    beyond = []
    for fid, polygon in zip(fids, parcels):
        area = shoelace(polygon.geoms[0])
        allowed = 0.0003 * 1000 * math.sqrt(area)  # ΔP at 1:1000
        error = abs(data["ZD"]["rows"][int(fid)]["DCMJ"] - area)
        assert error <= 0.5 * allowed or error >= 2 * allowed  # clear of the threshold
        if error > allowed:
            beyond.append(int(fid))
    planted = sorted(f for d in defects(manifest, "area_mismatch") for f in d["fids"])
    assert beyond == planted == manifest["expected"]["ZD_AREA"] and len(planted) >= 2
    areas = [shoelace(p.geoms[0]) for p in parcels]
    assert 80 <= min(areas) and max(areas) <= 350


def test_over_limit(demo):
    _, manifest, data = demo
    fids, parcels = geometries(data, "ZD")
    over = []
    for fid, polygon in zip(fids, parcels):
        dllb = data["ZD"]["rows"][int(fid)]["DLLB"]
        if dllb is None:
            assert polygon.area < 128  # under every limit
            continue
        assert abs(polygon.area - LIMITS[dllb]) > 2  # clear of the threshold
        if polygon.area > LIMITS[dllb]:
            over.append(int(fid))
    assert over == manifest["expected"]["ZD_OVERLIMIT"] and len(over) >= 5
    assert {data["ZD"]["rows"][f]["DLLB"] for f in over} >= {1, 2}


def test_farmland(demo):
    _, manifest, data = demo
    pfids, parcels = geometries(data, "ZD")
    hfids, houses = geometries(data, "ZRZ")
    _, farmland = geometries(data, "JBNT")
    farm = shapely.union_all(farmland)
    on_parcels = shapely.area(shapely.intersection(shapely.make_valid(parcels), farm))
    on_houses = shapely.area(shapely.intersection(houses, farm))
    occupied = [int(f) for f, a in zip(pfids, on_parcels) if a >= 1.0]
    slivers = [int(f) for f, a in zip(pfids, on_parcels) if 1e-6 < a < 1.0]
    assert occupied == sorted(f for d in defects(manifest, "farmland_occupation") for f in d["fids"])
    assert occupied == manifest["expected"]["ZD_JBNT"]
    assert all(on_parcels[f - 1] >= 10 for f in occupied)  # tens of m²
    assert slivers == sorted(f for d in defects(manifest, "farmland_sliver") for f in d["fids"])
    assert all(0.1 < on_parcels[f - 1] < 0.9 for f in slivers) and len(slivers) >= 1
    standing = [int(f) for f, a in zip(hfids, on_houses) if a > 1e-6]
    assert standing == sorted(f for d in defects(manifest, "house_on_farmland") for f in d["fids"])
    assert standing == manifest["expected"]["ZRZ_JBNT"] and all(on_houses[f - 1] >= 5 for f in standing)
    for row in data["JBNT"]["rows"].values():
        assert row["DLBM"] in ("0101", "0102", "0103") and row["YSDM"] == schema.YSDM["JBNT"]
    for fid, polygon in zip(*geometries(data, "JBNT")):
        assert data["JBNT"]["rows"][int(fid)]["TBMJ"] == pytest.approx(polygon.area, abs=0.006)


def test_basemap(demo):
    """Every base-map building matches one surveyed house, offset <= 0.3 m, except the planted ones."""
    _, manifest, data = demo
    hfids, houses = geometries(data, "ZRZ")
    bfids, buildings = geometries(data, "DXT_FW")
    tree = shapely.STRtree(shapely.centroid(houses))
    _, nearest = tree.query_nearest(shapely.centroid(buildings))
    offset = shapely.distance(shapely.centroid(buildings), shapely.centroid(houses)[nearest])
    (shift,) = defects(manifest, "basemap_shift")
    (missing,) = defects(manifest, "basemap_missing")
    (extra,) = defects(manifest, "basemap_extra")
    matched = {}
    for b, h, d in zip(bfids, hfids[nearest], offset):
        if int(b) in extra["fids"]:
            assert d > 2.0
        elif int(h) in shift["fids"]:
            assert d == pytest.approx(1.5, abs=0.01)
            assert shift["facts"]["displacement_m"] == pytest.approx(1.5, abs=0.01)
            matched[int(h)] = int(b)
        else:
            assert d <= 0.3
            assert int(h) not in matched
            matched[int(h)] = int(b)
    assert set(int(f) for f in hfids) - set(matched) == set(missing["fids"])
    assert manifest["expected"]["BASEMAP_SHIFT"] == sorted(shift["fids"] + missing["fids"])
    names = [r["MC"] for r in data["DXT_DL"]["rows"].values()] + [r["MC"] for r in data["DXT_SX"]["rows"].values()]
    assert all(names) and len(data["DXT_SX"]["rows"]) >= 1


def household_groups(rows: dict) -> set:
    """Parcels sharing a household id or a right holder's ID number with another parcel."""
    seen = defaultdict(set)
    for fid, r in rows.items():
        seen["HH", r["HH"]].add(fid)
        seen["ID", r["QLRZJH"]].add(fid)
    return {f for fids in seen.values() if len(fids) > 1 for f in fids}


def test_households(demo):
    _, manifest, data = demo
    multi = household_groups(data["ZD"]["rows"])
    planted = {f for d in defects(manifest, "multiple_homesteads") for f in d["fids"]}
    assert multi == planted == set(manifest["expected"]["HH_MULTI"]) and len(planted) >= 4


def test_expected_covers_every_rule(demo):
    _, manifest, _ = demo
    rules = {"ZD_OVERLAP", "ZD_GAP", "ZD_INVALID", "ZD_CODE", "ZD_DUPCODE", "ZD_AREA", "ZD_OVERLIMIT", "ZD_JBNT",
             "ZRZ_OUTSIDE", "ZRZ_ORPHAN", "ZRZ_JBNT", "HH_MULTI", "JZD_MISMATCH", "BASEMAP_SHIFT",
             "ZRZ_ZRZH", "C_OUTLINE", "C_MISSING", "C_DUP", "H_AREA", "H_BDCDYH"}
    assert set(manifest["expected"]) == rules
    for d in manifest["defects"]:
        assert d["rule"] in rules | {None}
        assert d["id"].startswith("D") and d["fids"] and d["description"]
    # planted geometry defects lie far from each other: no two share a parcel
    sites = [set(d.get("parcel_fids", d["fids"])) for d in manifest["defects"]
             if d["kind"] in ("overlap", "gap", "self_intersection", "house_across_boundary", "point_mismatch")]
    assert all(not (a & b) for i, a in enumerate(sites) for b in sites[i + 1:])


def house_side(data: dict) -> dict:
    """The house-side facts measured on the file: floors per building, floors outside their footprint beyond
    their area parts, repeated floors, unit codes not ZRZH + HH or repeated."""
    buildings = data["ZRZ"]["rows"]
    by_number = defaultdict(list)
    for fid, row in buildings.items():
        if row["ZRZH"]:
            by_number[row["ZRZH"]].append(fid)
    footprint = {n: shapely.from_wkb(data["ZRZ"]["wkb"][fids[0]]) for n, fids in by_number.items() if len(fids) == 1}
    parts = defaultdict(list)
    for fid, row in data["MJBF"]["rows"].items():
        parts[(row["ZRZH"], row["CH"])].append(shapely.from_wkb(data["MJBF"]["wkb"][fid]))
    floors = data["C"]["rows"]
    outside = sorted(fid for fid, row in floors.items() if shapely.area(shapely.difference(
        shapely.from_wkb(data["C"]["wkb"][fid]), shapely.union_all([footprint[row["ZRZH"]]] + parts[(row["ZRZH"], row["CH"])])))
        > 0.01)
    pairs = Counter((row["ZRZH"], row["CH"]) for row in floors.values())
    storeys = defaultdict(set)
    for row in floors.values():
        storeys[row["ZRZH"]].add(row["SJC"])
    missing = sorted(fids[0] for n, fids in by_number.items() if len(fids) == 1 and storeys.get(n)
                     and storeys[n] != set(range(1, buildings[fids[0]]["ZCS"] + 1)))
    units = data["H"]["rows"]
    unit_codes = Counter(row["BDCDYH"] for row in units.values())
    bad_units = sorted(fid for fid, row in units.items() if unit_codes[row["BDCDYH"]] > 1
                       or row["BDCDYH"] != row["ZRZH"] + row["HH"] or not codes.is_valid_bdcdyh(row["BDCDYH"]))
    return {"C_OUTLINE": outside, "C_DUP": sorted(f for f, r in floors.items() if pairs[(r["ZRZH"], r["CH"])] > 1),
            "C_MISSING": missing, "H_BDCDYH": bad_units}


def test_house_side(demo):
    """Multi-storey houses with set-back and overhanging floors, area parts of every kind, households; the
    planted house defects and nothing else."""
    _, manifest, data = demo
    assert house_side(data) == {k: manifest["expected"][k] for k in ("C_OUTLINE", "C_DUP", "C_MISSING", "H_BDCDYH")}
    kinds = Counter(row["BWLX"] for row in data["MJBF"]["rows"].values())
    assert set(kinds) == {"YT_FB", "YT_WFB", "YL", "YP", "SWLT", "QT"} and min(kinds.values()) >= 10
    low = [row for row in data["MJBF"]["rows"].values() if row["BWLX"] == "QT"]
    assert all(row["CG"] is not None and row["CG"] < 2.2 for row in low)
    footprints = {row["ZRZH"]: shapely.from_wkb(data["ZRZ"]["wkb"][fid]) for fid, row in data["ZRZ"]["rows"].items()}
    floor_shapes = [(row, shapely.from_wkb(data["C"]["wkb"][fid])) for fid, row in data["C"]["rows"].items()
                    if fid not in manifest["expected"]["C_OUTLINE"]]  # the planted outline keeps its old area
    setback = [r for r, g in floor_shapes if g.area < footprints[r["ZRZH"]].area - 1]
    overhang = [r for r, g in floor_shapes if g.area > footprints[r["ZRZH"]].area + 1]
    assert len(setback) >= 10 and len(overhang) >= 10
    assert {r["CH"] for r in setback} <= {"2", "3", "4"}
    # a split household: units on different floors of one building
    per_building = defaultdict(set)
    for row in data["H"]["rows"].values():
        per_building[row["ZRZH"]].add(row["CH"])
    assert any(len(chs) > 1 for chs in per_building.values())
    for row in data["LJZ"]["rows"].values():
        assert row["ZRZH"] in footprints and row["LJZH"] == "1"
    # recorded floor areas: the outline in full, less half an open balcony within it, a storey under 2.20 m not at
    # all, plus half of a corridor, canopy or outdoor stairs beside it (GB/T 17986.1 §8.2)
    beside = {"YL", "YP", "SWLT"}
    counted = {"YT_FB": 0.0, "YT_WFB": -0.5, "QT": -1.0, "YL": 0.5, "YP": 0.5, "SWLT": 0.5}
    parts = defaultdict(list)
    for fid, row in data["MJBF"]["rows"].items():
        parts[(row["ZRZH"], row["CH"])].append((row["BWLX"], shapely.from_wkb(data["MJBF"]["wkb"][fid])))
    for row, g in floor_shapes:
        mine = parts[(row["ZRZH"], row["CH"])]
        assert all(g.buffer(0.01).contains(p) != (bwlx in beside) for bwlx, p in mine)
        assert row["CJZMJ"] == pytest.approx(g.area + sum(counted[b] * p.area for b, p in mine), abs=0.006)
    planted = {d["rule"] for d in manifest["defects"] if d["layer"] in ("C", "H") or d["rule"] in ("C_MISSING", "ZRZ_ZRZH")}
    assert planted == {"C_OUTLINE", "C_MISSING", "C_DUP", "H_AREA", "H_BDCDYH", "ZRZ_ZRZH"}


def test_policy_cases(demo):
    _, manifest, data = demo
    zd = data["ZD"]["rows"]
    cases = manifest["policy_cases"]
    assert sorted(c["fid"] for c in cases) == sorted(zd)
    clauses = Counter(c["clause"] for c in cases)
    for n in range(1, 12):
        assert clauses[f"四(六){n}"] >= 2, n
    for clause in ("四(四)", "四(四)1", "四(四)2", "四(四)3", "四(三)2", "四(三)4", "四(二)2", "四(二)9", "四(五)1", "三(五)"):
        assert clauses[clause] >= 2, clause
    flags = {"exclusion_3_collective_illegal_use": "FFGBYT", "exclusion_4_urban_buyer": "CZJMGZ",
             "exclusion_5_rebuilt_after_illegal_sale": "FFCSCZ", "exclusion_6_already_resettled": "YAZ",
             "exclusion_7_demolition_notice": "CCTZ", "exclusion_8_vacant_or_collapsed": "KZDT",
             "exclusion_9_temporary_building": "LSJZ", "exclusion_10_ownership_dispute": "QSZY"}
    by_case = defaultdict(list)
    for c in cases:
        by_case[c["case"]].append(c["fid"])
        assert c["zddm"] == zd[c["fid"]]["ZDDM"]
    for case, field in flags.items():
        assert all(zd[f][field] == 1 for f in by_case[case]), case
        assert sum(r[field] == 1 for r in zd.values()) == len(by_case[case]), case
    assert all(zd[f]["QTBYDJ"] for f in by_case["exclusion_11_other"])
    assert all(zd[f]["SFJTCY"] == 0 for f in by_case["exclusion_4_urban_buyer"] + by_case["non_member_pre1982"])
    assert all(zd[f]["JFNF"] < 1982 for f in by_case["non_member_pre1982"])
    assert all(1982 <= zd[f]["JFNF"] < 1999 and zd[f]["PZMJ"] for f in by_case["non_member_1982_1999_approved"])
    assert all(zd[f]["JFNF"] < 1987 and zd[f]["SFKD"] == 0 for f in by_case["member_pre1987_over_limit"])
    assert all(zd[f]["JFNF"] >= 2019 for f in by_case["member_post2019_unapproved"])
    assert all(zd[f]["QLLX"] == 5 for f in by_case["exclusion_8_vacant_or_collapsed"])
    farmland = sorted(f for d in defects(manifest, "farmland_occupation") for f in d["fids"])
    assert sorted(by_case["exclusion_1_basic_farmland"]) == farmland
    missing = [c for c in cases if c["case"] == "missing_information"]
    assert {c["missing"] for c in missing} >= {"SFJTCY", "YQSLY", "JFNF", "DLLB"}
    for c in missing:
        assert zd[c["fid"]][c["missing"]] is None
    complete = {c["fid"] for c in cases if c["case"] != "missing_information"}
    facts = [f.name for f in schema.ZD_FACTS if f.name not in ("PZMJ", "PZRQ", "QTBYDJ")]
    assert all(zd[f][name] is not None for f in complete for name in facts)
    assert len(by_case["member_approved"]) > len(cases) / 2  # most parcels are plain class-1 cases


def test_county_run(tmp_path):
    out = tmp_path / "county.gpkg"
    manifest = generate(out, "--parcels", "2000", "--seed", "7")
    data = read(out)
    rows = data["ZD"]["rows"]
    assert len(rows) == 2000
    villages = {r["ZDDM"][:12] for r in rows.values() if codes.is_valid_zddm(r["ZDDM"])}
    assert len(villages) >= 4 and len(manifest["villages"]) == len(villages)
    by_household = defaultdict(set)
    for r in rows.values():
        by_household[r["HH"]].add(r["ZDDM"][:12])
    assert sum(len(v) > 1 for v in by_household.values()) >= 3  # households across villages
    assert household_groups(rows) == set(manifest["expected"]["HH_MULTI"])
    assert len(defects(manifest, "overlap")) == len(villages)


def test_too_few_parcels_is_refused(tmp_path):
    done = subprocess.run([PYTHON, str(GENERATOR), str(tmp_path / "x.gpkg"), "--parcels", "50"],
                          capture_output=True, text=True)
    assert done.returncode == 2 and "at least" in done.stderr
    assert not (tmp_path / "x.gpkg").exists()


def test_farmland_ratio_cuts_patches_without_changing_the_farmland(demo, tmp_path):
    """--farmland-ratio (county benchmarks): ~0.3 patches per parcel, tiling the same farmland exactly."""
    _, manifest, data = demo
    cut = generate(tmp_path / "cut.gpkg", "--farmland-ratio", "0.3")
    cut_data = read(tmp_path / "cut.gpkg")
    assert cut["layers"]["JBNT"] >= 0.3 * cut["parcels"] > manifest["layers"]["JBNT"]
    assert (cut["expected"], cut["defects"], cut["policy_cases"]) == (
        manifest["expected"], manifest["defects"], manifest["policy_cases"])
    assert cut_data["ZRZ"]["wkb"] == data["ZRZ"]["wkb"] and cut_data["ZD"]["wkb"] == data["ZD"]["wkb"]
    _, whole = geometries(data, "JBNT")
    _, pieces = geometries(cut_data, "JBNT")
    pieces, whole = shapely.get_parts(pieces), shapely.get_parts(whole)  # the layer is MultiPolygon
    assert sum(shoelace(p) for p in pieces) == pytest.approx(sum(shoelace(p) for p in whole), abs=1e-3)
    assert shapely.union_all(pieces).symmetric_difference(shapely.union_all(whole)).area < 1e-3
    assert len({row["JBNTTBBH"] for row in cut_data["JBNT"]["rows"].values()}) == cut["layers"]["JBNT"]
