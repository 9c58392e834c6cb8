"""A small synthetic village for the map-product tests and benchmark (independent of the code under test).

``fill_village`` writes parcels (ZD), buildings (ZRZ), boundary points (JZD) and lines (JZX) numbered here
(NW-most vertex first, clockwise: domain.md §4), right holders (QLR), roads (DXT_DL) and farmland (JBNT) into a
GeoPackage made by homestead:createproject (EPSG:4525, zone 37 in the easting). Areas are the fixture's own
shoelace sums. Deterministic: the same arguments give the same data.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Dict, List, Tuple

from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

X0, Y0 = 37_512_000.0, 3_065_000.0
VILLAGE_CODE = "430381104201"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ("建国", "秀英", "桂兰", "志强", "国华", "小红", "德明", "春梅", "永福", "玉珍")

Ring = List[Tuple[float, float]]


def shoelace(ring: Ring) -> float:
    """Signed area (counter-clockwise positive); coordinates taken relative to the first vertex, because products
    of 8-digit eastings and 7-digit northings would lose the centimetres."""
    x0, y0 = ring[0]
    s = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        s += (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0)
    return s / 2.0


def clockwise_from_northwest(ring: Ring) -> Ring:
    """The ring clockwise, starting at the vertex nearest the NW corner of its bounding box."""
    if shoelace(ring) > 0:  # counter-clockwise
        ring = ring[::-1]
    minx = min(x for x, _ in ring)
    maxy = max(y for _, y in ring)
    start = min(range(len(ring)), key=lambda k: (ring[k][0] - minx) ** 2 + (ring[k][1] - maxy) ** 2)
    return ring[start:] + ring[:start]


@dataclass
class Parcel:
    code: str
    ring: Ring
    owner: str
    houses: List[Tuple[Ring, int, int]] = field(default_factory=list)  # (ring, ZCS, FWJG)

    @property
    def area(self) -> float:
        return abs(shoelace(self.ring))


def village_parcels(blocks: int = 2, cols: int = 3, seed: int = 7, specials: bool = True) -> List[Parcel]:
    rng = random.Random(seed)
    parcels: List[Parcel] = []
    width, depth, road = 18.0, 22.0, 5.0
    seq = 0

    def owner():
        return rng.choice(SURNAMES) + rng.choice(GIVEN)

    for b in range(blocks):
        base = Y0 + b * (2 * depth + road)
        nodes = {}
        for i in range(cols + 1):
            for r in range(3):
                jx = rng.uniform(-1.2, 1.2) if 0 < i < cols else 0.0
                jy = rng.uniform(-1.0, 1.0) if r == 1 else 0.0
                nodes[i, r] = (round(X0 + i * width + jx, 3), round(base + r * depth + jy, 3))
        for r in range(2):
            for i in range(cols):
                seq += 1
                ring = [nodes[i, r], nodes[i + 1, r], nodes[i + 1, r + 1], nodes[i, r + 1]]
                parcel = Parcel(f"{VILLAGE_CODE}JC{seq:05d}", clockwise_from_northwest(ring), owner())
                xs, ys = [p[0] for p in ring], [p[1] for p in ring]
                cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
                hw, hd = rng.uniform(4.5, 6.0), rng.uniform(4.0, 5.5)
                main = [(cx - hw, cy - hd), (cx + hw, cy - hd), (cx + hw, cy + hd), (cx - hw, cy + hd)]
                parcel.houses.append(([(round(x, 3), round(y, 3)) for x, y in main], rng.randint(1, 3), rng.choice((3, 4, 4, 5))))
                if rng.random() < 0.5:  # a one-storey side building of another structure
                    side = [(cx + hw, cy - 2.0), (cx + hw + 2.5, cy - 2.0), (cx + hw + 2.5, cy + 2.0), (cx + hw, cy + 2.0)]
                    parcel.houses.append(([(round(x, 3), round(y, 3)) for x, y in side], 1, 5))
                parcels.append(parcel)
    if specials:
        east = X0 + cols * width + 12.0
        seq += 1
        thin = [(east, Y0), (east + 32.0, Y0), (east + 32.0, Y0 + 2.4), (east, Y0 + 2.4)]
        parcels.append(Parcel(f"{VILLAGE_CODE}JC{seq:05d}", clockwise_from_northwest(thin), owner()))
        seq += 1
        y1 = Y0 + 10.0
        notched = [(east, y1), (east + 12.0, y1), (east + 12.0, y1 + 6.0), (east + 12.25, y1 + 6.0),
                   (east + 12.25, y1 + 6.3), (east + 12.0, y1 + 6.3), (east + 12.0, y1 + 13.0), (east, y1 + 13.0)]
        p = Parcel(f"{VILLAGE_CODE}JC{seq:05d}", clockwise_from_northwest(notched), owner())
        p.houses.append(([(east + 1.0, y1 + 1.0), (east + 11.0, y1 + 1.0), (east + 11.0, y1 + 12.0), (east + 1.0, y1 + 12.0)], 2, 4))
        parcels.append(p)
    return parcels


def _wkt_polygon(ring: Ring) -> str:
    pts = ", ".join(f"{x:.3f} {y:.3f}" for x, y in ring + ring[:1])
    return f"POLYGON(({pts}))"


def _add(layer: QgsVectorLayer, rows: List[Tuple[str, Dict]]) -> None:
    fields = layer.fields()
    features = []
    for wkt, values in rows:
        feature = QgsFeature(fields)
        if wkt:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        for name, value in values.items():
            feature.setAttribute(fields.indexOf(name), value)
        features.append(feature)
    ok, _ = layer.dataProvider().addFeatures(features)
    assert ok, layer.name()


def fill_village(gpkg: str, parcels: List[Parcel], roads: bool = True, farmland: bool = True) -> None:
    """Write ``parcels`` and what belongs to them into the GeoPackage made by homestead:createproject."""
    def layer(name):
        lyr = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
        assert lyr.isValid(), name
        return lyr

    zd, zrz, jzd, jzx, qlr = (layer(n) for n in ("ZD", "ZRZ", "JZD", "JZX", "QLR"))
    zd_rows, zrz_rows, jzd_rows, jzx_rows, qlr_rows = [], [], [], [], []
    for k, p in enumerate(parcels):
        zd_rows.append((_wkt_polygon(p.ring), {
            "ZDDM": p.code, "BDCDYH": p.code + "F00010001", "ZDTZM": "JC", "QLRMC": p.owner,
            "ZDMJ": round(p.area, 4), "YT": "0702", "ZL": f"娄星区示范村{k % 5 + 1}组", "QLLX": 6, "LB": 1 + k % 3,
            "YQSLY": 0 if k % 4 == 3 else 1, "JFNF": 1995 + k % 25, "MJDW": 1, "SHZT": 2}))
        qlr_rows.append(("", {"ZDDM": p.code, "BDCDYH": p.code + "F00010001", "SXH": 1, "QLRMC": p.owner, "ZJZL": 1,
                              "ZJH": f"43130219700101{k:04d}", "QLRLX": 1}))
        for h, (ring, storeys, structure) in enumerate(p.houses):
            footprint = abs(shoelace(ring))
            zrz_rows.append((_wkt_polygon(ring), {"ZDDM": p.code, "ZRZH": f"{p.code}F{h + 1:04d}", "ZCS": storeys,
                                                  "FWJG": structure, "ZZDMJ": round(footprint, 2),
                                                  "BDCDYH": p.code + f"F{h + 1:04d}0001"}))
        ring = p.ring
        for n, (x, y) in enumerate(ring):
            jzd_rows.append((f"POINT({x:.3f} {y:.3f})", {"ZDZHDM": p.code, "JZDH": f"J{n + 1}", "SXH": n + 1,
                                                          "XZBZ": y, "YZBZ": x, "JZDLX": 1, "JBLX": 6}))
        for n, (a, b) in enumerate(zip(ring, ring[1:] + ring[:1])):
            length = ((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5
            jzx_rows.append((f"LINESTRING({a[0]:.3f} {a[1]:.3f}, {b[0]:.3f} {b[1]:.3f})", {
                "ZDZHDM": p.code, "JZXCD": round(length, 2), "QDH": f"J{n + 1}", "ZDH": f"J{(n + 1) % len(ring) + 1}"}))
    _add(zd, zd_rows)
    _add(zrz, zrz_rows)
    _add(jzd, jzd_rows)
    _add(jzx, jzx_rows)
    _add(qlr, qlr_rows)
    minx = min(x for p in parcels for x, _ in p.ring)
    maxx = max(x for p in parcels for x, _ in p.ring)
    miny = min(y for p in parcels for _, y in p.ring)
    maxy = max(y for p in parcels for _, y in p.ring)
    if roads:
        dl = layer("DXT_DL")
        rows = [(_wkt_polygon([(minx - 10, miny - 6), (maxx + 10, miny - 6), (maxx + 10, miny - 1), (minx - 10, miny - 1)]),
                 {"MC": "村道", "DLDJ": "村道"})]
        y = Y0 + 44.0
        while y < maxy:
            rows.append((_wkt_polygon([(minx - 10, y + 0.5), (maxx + 10, y + 0.5), (maxx + 10, y + 4.5), (minx - 10, y + 4.5)]),
                         {"MC": "巷道", "DLDJ": "巷道"}))
            y += 49.0
        _add(dl, rows)
        del dl
    if farmland:
        jbnt = layer("JBNT")
        _add(jbnt, [(_wkt_polygon([(minx - 60, miny - 40), (minx + 10, miny - 40), (minx + 10, miny + 8), (minx - 60, miny + 8)]),
                     {"JBNTTBBH": "JB0001", "DLBM": "0101", "DLMC": "水田", "TBMJ": 3360.0})])
        del jbnt
    del zd, zrz, jzd, jzx, qlr


def make_village(folder, blocks: int = 2, cols: int = 3, **kwargs) -> str:
    """A GeoPackage from homestead:createproject filled with ``village_parcels``; returns its path."""
    import processing

    path = str(folder / "village.gpkg")
    processing.run("homestead:createproject", {"CRS": "EPSG:4525", "TITLE": "示范村", "OUTPUT": path})
    fill_village(path, village_parcels(blocks, cols), **kwargs)
    return path


def layer_uri(gpkg: str, name: str) -> str:
    return f"{gpkg}|layername={name}"


# The page compared with tests/data/zongditu_reference.png (regenerate: tools/make_reference_maps.py).
REFERENCE_PARCEL = f"{VILLAGE_CODE}JC00005"
REFERENCE_DPI = 60
REFERENCE_VARIABLES = {"SURVEY_DATE": "2020-05", "DRAFTER": "张工", "CHECKER": "李工", "DRAW_DATE": "2020年6月1日",
                       "CHECK_DATE": "2020年6月3日"}


def render_reference_page(folder) -> str:
    """Render the reference 宗地图 (PNG) into ``folder``; returns the PNG path. Needs the homestead provider."""
    import processing
    from qgis.core import QgsVectorLayer

    gpkg = make_village(folder)
    zd = QgsVectorLayer(layer_uri(gpkg, "ZD"), "ZD", "ogr")
    fid = next(f.id() for f in zd.getFeatures() if f["ZDDM"] == REFERENCE_PARCEL)
    del zd
    out = folder / "reference"
    processing.run("homestead:parcelmaps", dict(
        REFERENCE_VARIABLES, PARCELS=layer_uri(gpkg, "ZD"), HOUSES=layer_uri(gpkg, "ZRZ"), POINTS=layer_uri(gpkg, "JZD"),
        LINES=layer_uri(gpkg, "JZX"), ROADS=layer_uri(gpkg, "DXT_DL"), FEATURE_IDS=str(fid), FORMAT=2,
        DPI=REFERENCE_DPI, OUTPUT_FOLDER=str(out)))
    return str(out / f"{REFERENCE_PARCEL}.png")
