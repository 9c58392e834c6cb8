"""homestead:housemaps KIND = 房产平面图: a page per 自然幢 on the clean village, with its 幢号, total 建筑面积 and the
floors whose outline differs from the footprint; the expectations read with OGR, not the plugin."""
import collections
import subprocess

import shapely
from conftest import SAMPLE
from osgeo import ogr

from homestead_cadastre.cadastre.maps.housemap import Building, house_scene

VILLAGE = SAMPLE / "clean_village.gpkg"
PREFIX = "431302003005"  # the whole village (its 地籍子区)


def outline(geometry):
    """The outer ring's vertices to the centimetre (start point and direction do not matter)."""
    g = geometry
    while g.GetGeometryName() != "LINEARRING":
        g = g.GetGeometryRef(0)
    return frozenset((round(x, 2), round(y, 2)) for x, y, *_ in g.GetPoints())


def floors_text(numbers):
    """'3层', '2-3层', '1、3层' (the page's note), written out independently of the plugin."""
    runs = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return "、".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs) + "层"


def features(layer, where):
    ds = ogr.Open(str(VILLAGE))
    lyr = ds.GetLayerByName(layer)
    lyr.SetAttributeFilter(where)
    return [(f.items(), outline(f.GetGeometryRef())) for f in lyr]


def test_a_plan_per_building(tmp_path, run_alg):
    buildings = features("ZRZ", f"ZDDM LIKE '{PREFIX}%'")
    floors = collections.defaultdict(list)
    for items, ring in features("C", f"ZRZH LIKE '{PREFIX}%'"):
        floors[items["ZRZH"]].append((int(items["CH"]), items["CJZMJ"], ring))
    uri = f"{VILLAGE}|layername="
    result = run_alg("housemaps", dict(
        HOUSES=f"{uri}ZRZ", VILLAGE=PREFIX, PARCELS=f"{uri}ZD", HOLDERS=f"{uri}QLR", FLOORS=f"{uri}C",
        PARTS=f"{uri}MJBF", KIND=1, OUTPUT_FOLDER=str(tmp_path), FORMAT=1))
    assert result["PAGES"] == len(buildings) > 300 and result["FAILED"] == 0
    text = subprocess.run(["pdftotext", str(tmp_path / "fangchantu.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) == len(buildings)
    stepped = 0
    for items, footprint in buildings:
        zrzh = items["ZRZH"]
        mine = [p for p in pages if items["ZDDM"] in p and f"({zrzh[-4:]})" in p]
        assert len(mine) == 1, zrzh
        page = mine[0]
        assert "房产平面图" in page and "房产分户图" not in page
        area = sum(a for _n, a, _r in floors[zrzh]) if floors[zrzh] else items["SCJZMJ"]
        assert f"{area:.2f}" in page, zrzh
        differing = collections.defaultdict(list)
        for n, _a, ring in floors[zrzh]:
            if ring != footprint:
                differing[ring].append(n)
        if differing:
            stepped += 1
            note = "、".join(floors_text(numbers) for numbers in sorted(differing.values()))
            assert f"虚线为与基底不同的层轮廓（{note}）" in page, zrzh
        else:
            assert "各层轮廓与基底相同" in page, zrzh
    assert stepped > 3


def test_floor_outline_lengths_off_the_footprint():
    """A 7.60 × 9.40 m house whose upper floors reach 1.20 m out to the south (a balcony) and a second house whose
    top floor steps back to 5.60 m: the plan gives the footprint's edges, the balcony's front and both its sides,
    the set-back line; not again the floor edges lying on the footprint."""
    footprint = shapely.box(0, 0, 7.6, 9.4)
    balcony = shapely.Polygon([(0, -1.2), (7.6, -1.2), (7.6, 9.4), (0, 9.4)])
    house = [Building(footprint, 3, 4, "0001", "", 200.0)]
    scene, problems = house_scene(house, None, (180, 180), floors=[(balcony, "2-3层")])
    assert not problems
    lengths = sorted(label.text for label in scene.labels if label.role == "edge")
    assert lengths == ["1.20", "1.20", "7.60", "7.60", "7.60", "9.40", "9.40"]
    assert "2-3层" in [label.text for label in scene.labels]
    scene, problems = house_scene(house, None, (180, 180), floors=[(shapely.box(0, 0, 7.6, 5.6), "3层")])
    assert sorted(label.text for label in scene.labels if label.role == "edge") == ["7.60", "7.60", "7.60", "9.40", "9.40"]


def test_without_floors_the_plan_says_nothing_of_them(tmp_path, run_alg):
    uri = f"{VILLAGE}|layername="
    buildings = features("ZRZ", "ZDDM LIKE '431302003005JC0001%'")
    result = run_alg("housemaps", dict(HOUSES=f"{uri}ZRZ", VILLAGE="431302003005JC0001", PARCELS=f"{uri}ZD",
                                       HOLDERS=f"{uri}QLR", KIND=1, OUTPUT_FOLDER=str(tmp_path), FORMAT=1))
    assert result["PAGES"] == len(buildings) > 5 and result["FAILED"] == 0
    text = subprocess.run(["pdftotext", str(tmp_path / "fangchantu.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert text.count("房产平面图") == len(buildings) and "层轮廓" not in text
    ds = ogr.Open(str(VILLAGE))  # kept: its layer dies with it
    layer = ds.GetLayerByName("ZRZ")
    layer.SetAttributeFilter("ZDDM LIKE '431302003005JC0001%'")
    for f in layer:  # 建筑面积: SCJZMJ when recorded, else footprint × storeys
        area = f["SCJZMJ"] or f.GetGeometryRef().GetArea() * f["ZCS"]
        assert f"{area:.2f}" in text, f["ZRZH"]
