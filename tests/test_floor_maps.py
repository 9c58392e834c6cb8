"""homestead:housemaps from the floors (C): a page per building and distinct floor outline on the clean village,
the parts hatched with their coefficient, the 层 and 户 areas; the expectations read with OGR, not the plugin."""
import collections
import math
import subprocess

import pytest
import shapely
from conftest import SAMPLE
from osgeo import ogr

from homestead_cadastre.cadastre.maps.floorplans import floors_title

VILLAGE = SAMPLE / "clean_village.gpkg"
BUILDINGS = 14  # the first buildings (fid order): enough for stepped floors, balconies and several households
NAMES = {"YT_FB": "封闭阳台", "YT_WFB": "未封闭阳台", "TL": "挑廊", "YL": "檐廊", "YP": "雨篷", "SWLT": "室外楼梯",
         "JKC": "架空层", "LT": "露台", "QT": "其他"}
COEFFICIENT = {"YT_FB": 1, "YT_WFB": 0.5, "TL": 0.5, "YL": 0.5, "YP": 0, "SWLT": 0.5, "JKC": 0, "LT": 0, "QT": 0}


def rows(layer, where=""):
    ds = ogr.Open(str(VILLAGE))
    lyr = ds.GetLayerByName(layer)
    lyr.SetAttributeFilter(where or None)
    out = []
    for f in lyr:
        g = f.GetGeometryRef()
        out.append((f.items(), g.ExportToWkt() if g else None, g.Clone() if g else None))
    return out


def ring_points(geometry):
    g = geometry
    while g.GetGeometryName() != "LINEARRING":
        g = g.GetGeometryRef(0)
    return [(x, y) for x, y, *_ in g.GetPoints()]


def outline_signature(geometry):
    """The outline as a set of vertices rounded to the centimetre (start point and direction do not matter)."""
    return frozenset((round(x, 2), round(y, 2)) for x, y in ring_points(geometry))


def pdftotext(path):
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def expected():
    houses = [items["ZRZH"] for items, _w, _g in rows("ZRZ")][:BUILDINGS]
    where = "ZRZH IN (" + ",".join(f"'{z}'" for z in houses) + ")"
    plans = collections.defaultdict(dict)  # ZRZH → outline → [(floor, CJZMJ, geometry)]
    for items, _wkt, geometry in rows("C", where):
        plans[items["ZRZH"]].setdefault(outline_signature(geometry), []).append(
            (int(items["CH"]), items["CJZMJ"], geometry))
    parts = collections.defaultdict(list)
    for items, _wkt, _g in rows("MJBF", where):
        parts[(items["ZRZH"], items["CH"])].append(items["BWLX"])
    households = collections.defaultdict(list)  # ZRZH → [(HH, floors, SCJZMJ)]
    for items, _wkt, _g in rows("H", where):
        low = int(items["CH"])
        households[items["ZRZH"]].append((items["HH"], list(range(low, low + (items["SJCS"] or 1))), items["SCJZMJ"]))
    return where, plans, parts, households


def floor_runs(numbers):
    """'2', '1-3', '1、3' as the plugin's titles write floors (written out again here)."""
    groups = []
    for n in sorted(numbers):
        if groups and n == groups[-1][-1] + 1:
            groups[-1].append(n)
        else:
            groups.append([n])
    return "、".join(str(g[0]) if len(g) == 1 else f"{g[0]}-{g[-1]}" for g in groups)


def test_floors_title():
    assert floors_title([2, 3]) == "第2-3层平面图"
    assert floors_title([1]) == "第1层平面图"
    assert floors_title([4, 1, 3]) == "第1、3-4层平面图"


def test_a_page_per_distinct_floor_outline(expected, tmp_path, run_alg):
    where, plans, parts, households = expected
    uri = f"{VILLAGE}|layername="
    result = run_alg("housemaps", dict(
        HOUSES=f"{uri}ZRZ|subset={where}", PARCELS=f"{uri}ZD", HOLDERS=f"{uri}QLR", FLOORS=f"{uri}C",
        PARTS=f"{uri}MJBF", HOUSEHOLDS=f"{uri}H", OUTPUT_FOLDER=str(tmp_path), FORMAT=1))
    expected_pages = sum(len(outlines) for outlines in plans.values())
    assert expected_pages > BUILDINGS  # some buildings step back upstairs
    assert result["PAGES"] == expected_pages and result["FAILED"] == 0
    text = pdftotext(next(tmp_path.glob("*.pdf")))
    pages = text.split("\f")
    assert len([p for p in pages if p.strip()]) == expected_pages
    seen_parts = 0
    whole_on_second_line = 0
    for zrzh, outlines in plans.items():
        for floors in outlines.values():
            numbers = sorted(n for n, _a, _g in floors)
            runs = "、".join(str(n) for n in numbers) if len(numbers) == 1 or numbers != list(
                range(numbers[0], numbers[-1] + 1)) else f"{numbers[0]}-{numbers[-1]}"
            title = f"第{runs}层平面图"
            page = next(p for p in pages if title in p and zrzh[:19] in p and f"({zrzh[-4:]})" in p)
            for _n, area, _g in floors:
                assert f"{area:.2f}" in page
            ring = ring_points(floors[0][2])
            for a, b in zip(ring[:-1], ring[1:]):
                assert f"{math.hypot(b[0] - a[0], b[1] - a[1]):.2f}" in page
            for n in numbers:
                for kind in parts.get((zrzh, str(n)), []):
                    assert f"{NAMES[kind]} ×{COEFFICIENT[kind]:g}" in page
                    seen_parts += 1
            area_of = {n: a for n, a, _g in floors}
            for hh, spans, area in households.get(zrzh, []):
                here = [n for n in numbers if n in spans]
                if not here:
                    continue
                if len(spans) == 1 or here == spans:
                    # on one floor, or all its floors on this page: the household's whole area
                    span = f"{floor_runs(spans)}层共 " if len(spans) > 1 else ""
                    assert f"{hh}户 {span}{area:.2f}㎡" in page, (zrzh, hh, numbers)
                    continue
                # the village's households over several floors are each floor's only one: their part is the floor's
                assert len(households[zrzh]) == 1
                assert f"{hh}户 {area:.2f}㎡" not in page  # not its whole area as if it were all on these floors
                shares = {area_of[n] for n in here}
                if len(here) == 1:
                    assert f"{hh}户 本层 {area_of[here[0]]:.2f}㎡" in page, (zrzh, hh, numbers)
                elif len(shares) == 1:
                    assert f"{hh}户 {floor_runs(here)}层各 {area_of[here[0]]:.2f}㎡" in page, (zrzh, hh, numbers)
                whole_on_second_line += f"（{floor_runs(spans)}层共 {area:.2f}㎡）" in page
    assert seen_parts > 0 and whole_on_second_line > 0


def test_without_floors_the_storeys_are_drawn(expected, tmp_path, run_alg):
    where, plans, _parts, _households = expected
    uri = f"{VILLAGE}|layername="
    result = run_alg("housemaps", dict(HOUSES=f"{uri}ZRZ|subset={where}", PARCELS=f"{uri}ZD", HOLDERS=f"{uri}QLR",
                                       UNIT=1, OUTPUT_FOLDER=str(tmp_path), FORMAT=1))
    text = pdftotext(next(tmp_path.glob("*.pdf")))
    assert result["PAGES"] >= len(plans) and "层建筑面积" not in text and "×0.5" not in text


def test_part_labels_use_the_profiles_coefficients(tmp_path, run_alg):
    """With POLICY = zhejiang_example (an enclosed balcony counts half there) the 封闭阳台 is labelled ×0.5, as
    homestead:buildingareas counts it; the profile file is read here with tomllib, not through the plugin."""
    import tomllib

    from homestead_cadastre.rules.policy.profile import POLICIES_DIR

    with open(f"{POLICIES_DIR}/zhejiang_example.toml", "rb") as handle:
        zhejiang = tomllib.load(handle)["building_areas"]["coefficients"]["YT_FB"]
    assert zhejiang != COEFFICIENT["YT_FB"]
    enclosed = sorted({items["ZRZH"] for items, _w, _g in rows("MJBF", "BWLX = 'YT_FB' AND XS IS NULL")})[:2]
    assert enclosed
    uri = f"{VILLAGE}|layername="
    where = "ZRZH IN (" + ",".join(f"'{z}'" for z in enclosed) + ")"
    for policy, coefficient in (("zhejiang_example", zhejiang), ("national_generic", COEFFICIENT["YT_FB"])):
        out = tmp_path / policy
        result = run_alg("housemaps", dict(
            HOUSES=f"{uri}ZRZ|subset={where}", PARCELS=f"{uri}ZD", HOLDERS=f"{uri}QLR", FLOORS=f"{uri}C",
            PARTS=f"{uri}MJBF", POLICY=policy, OUTPUT_FOLDER=str(out), FORMAT=1))
        assert result["FAILED"] == 0
        text = pdftotext(out / "fangchantu.pdf")
        assert text.count(f"封闭阳台 ×{coefficient:g}") == len(enclosed), policy


def test_a_household_over_two_floors_sharing_the_ground_floor():
    """By hand, without QGIS: a 10 × 10 m house, floor 2 only its west half (5 × 10 m). Household 0001 holds the
    west half of both floors (CH 1, SJCS 2), 0002 the east half of the ground floor; no area recorded for them. On
    the floor-1 page 0001 has its half, 50 m², and its whole 100 m² beneath; 0002 its 50 m²; on the floor-2 page
    0001 has the whole floor, 50 m², again with its 100 m²."""
    import numpy as np

    from homestead_cadastre.cadastre.maps.floorplans import FloorMapData
    from homestead_cadastre.cadastre.maps.mapdata import Table

    zrzh, west, east = "431302003005JC00001F0001", shapely.box(0, 0, 5, 10), shapely.box(5, 0, 10, 10)
    houses = Table(np.array([shapely.box(0, 0, 10, 10)], dtype=object),
                   {"ZDDM": [zrzh[:19]], "ZRZH": [zrzh], "BDCDYH": [""], "ZCS": [2], "FWJG": [4], "SCJZMJ": [None]})
    floors = Table(np.array([shapely.box(0, 0, 10, 10), west], dtype=object),
                   {"ZRZH": [zrzh] * 2, "CH": ["1", "2"], "SJC": [1, 2], "CG": [3.0, 3.0], "CJZMJ": [None, None]})
    households = Table(np.array([west, east], dtype=object),
                       {"ZRZH": [zrzh] * 2, "CH": ["1", "1"], "SJCS": [2, 1], "HH": ["0001", "0002"],
                        "SCJZMJ": [None, None], "BDCDYH": ["", ""]})
    parcels = Table(np.array([shapely.box(-5, -5, 15, 15)], dtype=object),
                    {"ZDDM": [zrzh[:19]], "ZL": ["莲坝村1组"], "QLRMC": ["孙平"]})
    pages = FloorMapData(houses, floors, None, households, parcels).pages()
    assert [p.header["floor"].split()[0] for p in pages] == ["第1层平面图", "第2层平面图"]
    assert sorted(text for _g, text in pages[0].notes) == ["0001户 本层 50.00㎡\n（1-2层共 100.00㎡）", "0002户 50.00㎡"]
    assert [text for _g, text in pages[1].notes] == ["0001户 本层 50.00㎡\n（1-2层共 100.00㎡）"]
