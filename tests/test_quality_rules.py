"""Each quality rule on a small hand-made village with one planted defect per rule (plain data, no QGIS).

Known answers are by construction: rectangles whose overlaps, gaps and areas are simple arithmetic.
"""
import numpy as np
import pytest
import shapely

from homestead_cadastre.rules.quality import registry, runner
from homestead_cadastre.rules.quality.base import CheckInput, Features
from homestead_cadastre.rules.quality.hh_multi import mask

V1, V2 = "430103001001", "430103001002"


def code(n, village=V1):
    return f"{village}JC{n:05d}"


def box(x0, y0, x1, y1):
    return shapely.box(x0, y0, x1, y1)


def layer(rows, geometry_key="geom"):
    ids = [r["fid"] for r in rows]
    geoms = [r.get(geometry_key) for r in rows]
    names = sorted({k for r in rows for k in r if k not in ("fid", geometry_key)})
    return Features(np.array(ids), np.array(geoms + [None], dtype=object)[:-1], {n: [r.get(n) for r in rows] for n in names})


def parcel(fid, geom, n=None, village=V1, **fields):
    zddm = code(n or fid, village)
    row = {"fid": fid, "geom": geom, "ZDDM": zddm, "BDCDYH": zddm + "F00010001", "DLLB": 2}
    row.update(fields)
    return row


@pytest.fixture(scope="module")
def village():
    """A row of 10 m × 10 m parcels along y = 0..10 (x = 10·k), with defects planted at known fids."""
    parcels = [
        parcel(1, box(0, 0, 10, 10), ZDMJ=100.5, HH="H001"),  # clean apart from its household
        parcel(2, box(10, 0, 20, 10), HH="h001 ", DLLB=3),  # second homestead of household H001
        parcel(3, box(20, 0, 30, 10), QLRZJH="430103198001011234"),
        parcel(4, box(30, 0, 40.6, 10)),  # overlaps parcel 5 by 0.6 × 10 = 6 m² (corners 0.6 m apart: beyond the
        parcel(5, box(40, 0, 50, 10)),  # 0.5 m within which JZD_MISMATCH takes two corners for one point)
        parcel(6, box(50, 0, 60, 10)),  # 0.2 m sliver gap to parcel 7
        parcel(7, box(60.2, 0, 70, 10)),
        parcel(8, shapely.from_wkt("POLYGON((70 0, 80 10, 80 0, 70 10, 70 0))")),  # bow-tie
        parcel(9, shapely.Polygon([(80, 0), (90, 0), (90, 10), (85, 10), (85.01, 16), (84.99, 10), (80, 10)])),  # spike
        parcel(10, shapely.Polygon([(90, 0), (100, 0), (100, 0), (100, 10), (90, 10)])),  # repeated vertex
        parcel(11, box(100, 0, 110, 10), ZDDM="43010300100JC00011", BDCDYH="43010300100JC00011F00010001"),  # 18, 27 chars
        parcel(12, box(110, 0, 120, 10), n=12),
        parcel(13, box(120, 0, 130, 10), n=12),  # duplicate of 12 (ZDDM and BDCDYH)
        parcel(14, box(130, 0, 140, 10), village=V2),  # coded in another village than its neighbours
        parcel(15, box(140, 0, 150, 10), ZDMJ=120.0),  # recorded 120, measures 100, ΔP(1:1000) = 3 m²
        parcel(16, box(150, 0, 170, 10), DLLB=1),  # 200 m² on cropland: 70 m² over 130
        parcel(17, box(170, 0, 180, 10)),  # 50 m² on farmland, a house on it
        parcel(18, box(180, 0, 190, 10), HH="H018"),  # holder's ID number (QLR table) is parcel 3's
        parcel(19, box(190, 0, 200, 10.1)),  # its corner (200, 10.1) is parcel 20's (200, 10.3) recorded 0.2 m off
        parcel(20, box(200, 0, 210, 10.3)),
        # its corner (210.25, 10.3) should be parcel 20's (210, 10.3): 0.25 m apart, and a 1.29 m² gap between
        parcel(21, shapely.Polygon([(210, 0), (220, 0), (220, 10), (210.25, 10.3)])),
        parcel(22, None),  # no geometry
    ]
    houses = [
        {"fid": 1, "geom": box(2, 2, 8, 8), "BDCDYH": code(1) + "F00010001"},  # inside parcel 1
        {"fid": 2, "geom": box(17, 2, 23, 8), "ZRZH": "2"},  # straddles parcels 2 and 3
        {"fid": 3, "geom": box(2, 20, 8, 26)},  # on no parcel
        {"fid": 4, "geom": box(172, 2, 178, 8)},  # on parcel 17 and on farmland (y 5..8 → 6 × 3 = 18 m²)
        {"fid": 5, "geom": box(-0.03, 2, 4, 8)},  # 3 cm out of parcel 1: within the 5 cm tolerance
        {"fid": 6, "geom": box(32, 2, 36, 11)},  # sticks out of parcel 4 by 1 m
    ]
    farmland = [
        {"fid": 1, "geom": box(170, 5, 200, 30), "JBNTTBBH": "T1"},  # over parcels 17, 18 (50 m² each) and 19 (51 m²)
    ]
    basemap = [
        {"fid": 1, "geom": box(2, 2, 8, 8)},  # house 1 exactly
        {"fid": 2, "geom": box(18.5, 2, 24.5, 8)},  # house 2 shifted 1.5 m east
        {"fid": 3, "geom": box(2, 20, 8, 26)},  # house 3
        {"fid": 4, "geom": box(-0.03, 2, 4, 8)},
        {"fid": 5, "geom": box(32, 2, 36, 11)},
        {"fid": 6, "geom": box(500, 500, 506, 506)},  # extra: no house there
        # house 4 is missing from the base map
    ]
    households = [{"fid": 1, "geom": None, "ZDDM": code(18), "ZJH": "430103198001011234", "HH": ""}]
    return CheckInput(layer(parcels), layer(houses), layer(farmland), layer(basemap), layer(households), tolerance=0.05, scale=1000)


def run_one(data, rule_id, **overrides):
    return runner.run(data, runner.select([rule_id]), {f"{rule_id}.{k}": v for k, v in overrides.items()})


EXPECTED = {
    "ZD_INVALID": [8, 9, 10, 22],
    "ZD_OVERLAP": [4, 5],
    "ZD_GAP": [6, 7, 20, 21],
    "ZD_CODE": [11, 14],
    "ZD_DUPCODE": [12, 13],
    "ZD_AREA": [15],
    "ZD_OVERLIMIT": [16],
    "ZD_JBNT": [17, 18, 19],
    "ZRZ_OUTSIDE": [2, 6],
    "ZRZ_ORPHAN": [3],
    "ZRZ_JBNT": [4],
    "HH_MULTI": [1, 2, 3, 18],
    "JZD_MISMATCH": [19, 20, 21],
    "BASEMAP_SHIFT": [1, 2, 4, 6],  # houses 2 (shift) and 4 (missing); base-map outline 6 (extra); see test
}


@pytest.mark.parametrize("rule_id", sorted(EXPECTED))
def test_each_rule_finds_its_planted_defect(village, rule_id):
    report = run_one(village, rule_id)
    assert report.ran == [rule_id]
    found = report.fids_by_rule().get(rule_id, [])
    if rule_id == "BASEMAP_SHIFT":
        by_layer = {}
        for row in report.rows:
            by_layer.setdefault(row.layer, set()).update(int(f) for f in row.fids.split(","))
        assert by_layer == {"ZRZ": {2, 4}, "DXT_FW": {6}}
        return
    assert found == EXPECTED[rule_id]


def test_registry_ids_are_stable_and_complete():
    assert [r.id for r in registry.RULES] == [
        "ZD_INVALID", "ZD_OVERLAP", "ZD_GAP", "ZD_CODE", "ZD_DUPCODE", "ZD_AREA", "ZD_OVERLIMIT", "ZD_JBNT",
        "ZRZ_OUTSIDE", "ZRZ_ORPHAN", "ZRZ_JBNT", "HH_MULTI", "JZD_MISMATCH", "BASEMAP_SHIFT",
        "ZRZ_ZRZH", "C_OUTLINE", "C_MISSING", "C_DUP", "H_AREA", "H_BDCDYH"]
    for r in registry.RULES:
        assert r.severity in ("error", "warning", "info")
        assert r.title_en and r.title_zh and r.messages
        for en, zh in r.messages.values():
            assert en.strip() and zh.strip()
            assert _placeholders(en) == _placeholders(zh), (r.id, en)


def _placeholders(text):
    """Placeholder names; a Chinese template may use a name_zh variant of an argument."""
    import re

    return {m.split(":")[0].removesuffix("_zh") for m in re.findall(r"\{([a-z_]+(?::[^}]*)?)\}", text)}


def test_measures(village):
    rules = ["ZD_OVERLAP", "ZD_GAP", "ZD_AREA", "ZD_OVERLIMIT", "ZD_JBNT", "ZRZ_JBNT", "JZD_MISMATCH"]
    rows = {(r.rule_id, r.fids): r for r in runner.run(village, runner.select(rules)).rows}
    assert rows["ZD_OVERLAP", "4,5"].value == pytest.approx(6.0)
    assert rows["ZD_OVERLAP", "4,5"].geometry.area == pytest.approx(6.0)
    assert rows["ZD_GAP", "6,7"].value == pytest.approx(0.2 * 10)
    assert rows["ZD_GAP", "20,21"].value == pytest.approx(0.25 * 10.3 / 2)
    assert rows["ZD_AREA", "15"].value == pytest.approx(-20.0)  # computed − recorded: the record is 20 m² larger
    assert rows["ZD_OVERLIMIT", "16"].value == pytest.approx(70.0)
    assert [rows["ZD_JBNT", f].value for f in ("17", "18", "19")] == pytest.approx([50.0, 50.0, 51.0])
    assert rows["ZD_JBNT", "17"].rel_fids == "1" and rows["ZD_JBNT", "17"].codes == f"{code(17)},T1"
    assert rows["ZRZ_JBNT", "4"].value == pytest.approx(18.0)
    assert rows["JZD_MISMATCH", "20,21"].value == pytest.approx(0.25)
    assert rows["ZD_OVERLAP", "4,5"].codes == f"{code(4)},{code(5)}" and rows["ZD_OVERLAP", "4,5"].village == V1


def test_tolerances_are_parameters(village):
    # a wider tolerance takes house 6 (1 m out of parcel 4) as within; a narrower one flags house 5 (3 cm out)
    village_wide = CheckInput(village.parcels, village.buildings, tolerance=1.5)
    assert run_one(village_wide, "ZRZ_OUTSIDE").fids_by_rule() == {"ZRZ_OUTSIDE": [2]}
    village_tight = CheckInput(village.parcels, village.buildings, tolerance=0.0)
    assert run_one(village_tight, "ZRZ_OUTSIDE").fids_by_rule() == {"ZRZ_OUTSIDE": [2, 5, 6]}
    assert run_one(village, "ZD_OVERLAP", min_area=6.5).rows == []
    # the 0.2 m sliver is wider than 0.1 m; only the tip of the wedge-shaped gap at parcels 20/21 is narrower
    assert run_one(village, "ZD_GAP", width=0.1).fids_by_rule() == {"ZD_GAP": [20, 21]}
    # class 3 allows 0.20 m: parcels 19/20 (0.2 m apart) pass, 20/21 (0.25 m) do not
    assert run_one(village, "JZD_MISMATCH", accuracy_class=3).fids_by_rule() == {"JZD_MISMATCH": [20, 21]}
    assert run_one(village, "JZD_MISMATCH", search=0.1).rows == []  # 0.2 m apart: not meant to be one point
    assert run_one(village, "ZD_OVERLIMIT", limit_cropland=250).rows == []


def test_missing_inputs_skip_rules_with_a_reason():
    data = CheckInput(layer([parcel(1, box(0, 0, 10, 10))]))
    report = runner.run(data, runner.select(None))
    skipped = dict(report.skipped)
    assert skipped["ZRZ_OUTSIDE"] == ("buildings",) and skipped["BASEMAP_SHIFT"] == ("buildings", "basemap")
    assert "ZD_JBNT" in skipped and "ZD_INVALID" in report.ran
    assert report.rows == []


def test_summary_per_rule_and_village(village):
    report = runner.run(village, runner.select(["ZD_CODE", "ZD_DUPCODE"]))
    summary = {(r, v): n for r, _s, _t, v, n in report.summary}
    assert summary[("ZD_CODE", None)] == 3  # totals per rule
    assert summary[("ZD_CODE", V2)] == 1  # parcel 14 is coded in V2
    assert summary[("ZD_CODE", "")] == 2  # parcel 11's ZDDM and BDCDYH name no village
    assert summary[("ZD_DUPCODE", None)] == 2 and summary[("ZD_DUPCODE", V1)] == 2


def test_findings_are_chinese_in_every_language(village):
    """The findings layer is a deliverable: Chinese whatever the interface language; the English stays for notes."""
    for language in ("en", "zh_CN"):
        report = runner.run(village, runner.select(["ZD_OVERLAP"]), language=language)
        assert report.rows[0].message == f"宗地 {code(4)} 与 {code(5)} 重叠 6.00 平方米。"
        assert report.summary[0][2] == "宗地重叠"
    args = {"a": code(4), "b": code(5), "area": 6.0}
    assert runner.rule("ZD_OVERLAP").text("overlap", args, "en") == f"Parcels {code(4)} and {code(5)} overlap by 6.00 m²."


def test_id_numbers_are_masked(village):
    assert mask("430103198001011234") == "430103********1234"
    message = runner.run(village, runner.select(["HH_MULTI"])).rows
    assert all("198001" not in row.message for row in message)


def test_point_findings_become_small_polygons(village):
    rows = runner.run(village, runner.select(["ZD_INVALID"])).rows
    kinds = {r.fids: r.geometry for r in rows}
    assert kinds["22"] is None  # no geometry to show
    for fid in ("8", "9", "10"):
        assert kinds[fid].geom_type == "MultiPolygon" and 0 < kinds[fid].area < 1.0


def test_multipolygon_layers_give_the_same_findings(village):
    """GeoPackage parcel layers are MultiPolygon: every rule must see their vertices and rings as well."""
    multi = village.parcels.geometries.copy()
    polygons = np.array([g is not None and g.geom_type == "Polygon" for g in multi])
    multi[polygons] = shapely.multipolygons(multi[polygons], indices=np.arange(polygons.sum()))
    as_multi = CheckInput(Features(village.parcels.ids, multi, village.parcels.attributes), village.buildings,
                          village.farmland, village.basemap, village.households, tolerance=0.05, scale=1000)
    everything = runner.select(None)
    assert runner.run(as_multi, everything).fids_by_rule() == runner.run(village, everything).fids_by_rule()


def test_components_match_a_breadth_first_search():
    """sums.components() (ZD_GAP's blocks, boundary points' physical points) against a plain graph search on random pair lists (components, not their labels, compared)."""
    from collections import deque

    from homestead_cadastre.cadastre.sums import components

    rng = np.random.default_rng(7)
    for n, m in ((1, 0), (10, 3), (200, 150), (500, 2000)):
        a, b = rng.integers(0, n, m), rng.integers(0, n, m)
        labels = components(n, a, b)
        links = {i: set() for i in range(n)}
        for i, j in zip(a, b):
            links[i].add(j)
            links[j].add(i)
        seen, expected = set(), []
        for start in range(n):
            if start in seen:
                continue
            part, queue = {start}, deque([start])
            while queue:
                for k in links[queue.popleft()] - part:
                    part.add(k)
                    queue.append(k)
            seen |= part
            expected.append(frozenset(part))
        got = {frozenset(np.flatnonzero(labels == label)) for label in set(labels)}
        assert got == set(expected)


def test_gaps_of_blocks_checked_together_are_those_of_each_block_alone():
    """ZD_GAP unites the parcels block by block; blocks 3 m apart (beyond the closing's reach) and blocks
    touching give the gaps each has on its own: a 0.2 m sliver in the west block, an enclosed 2 m × 2 m hole
    in the east one."""
    west = [parcel(1, box(0, 0, 10, 10)), parcel(2, box(10.2, 0, 20, 10))]
    east = [parcel(3, box(23, 0, 33, 4)), parcel(4, box(23, 6, 33, 10)), parcel(5, box(23, 4, 27, 6)),
            parcel(6, box(29, 4, 33, 6))]

    def gaps(rows):
        data = CheckInput(layer(rows), None, None, None, None, tolerance=0.05, scale=1000)
        return sorted((r.fids, round(r.value, 6)) for r in run_one(data, "ZD_GAP").rows)

    assert gaps(west) == [("1,2", 2.0)]
    assert gaps(east) == [("3,4,5,6", 4.0)]
    assert gaps(west + east) == sorted(gaps(west) + gaps(east))


def test_rule_texts_are_data_for_exactly_the_registered_rules():
    """texts.toml holds a title and messages (English, Chinese) for each rule, and nothing for a rule that is gone."""
    import tomllib

    from homestead_cadastre.rules.quality.base import TEXTS
    from homestead_cadastre.rules.quality.registry import RULES

    with open(TEXTS, "rb") as handle:
        texts = tomllib.load(handle)
    assert set(texts) == {rule.id for rule in RULES}
    for rule in RULES:
        assert rule.title_en and rule.title_zh and rule.messages, rule.id
        assert all(len(pair) == 2 and all(pair) for pair in rule.messages.values()), rule.id
