"""The house rules (ZRZ_ZRZH, C_OUTLINE, C_MISSING, C_DUP, H_AREA, H_BDCDYH) on a small hand-made building site
(plain data, no QGIS). Known answers by construction: rectangles, areas typed in, codes written out."""
import numpy as np
import pytest
import shapely

from homestead_cadastre.rules.quality import runner
from homestead_cadastre.rules.quality.base import CheckInput, Features

PARCEL, OTHER = "430103001001JC00001", "430103001001JC00002"
Z1, Z2, Z3, Z6 = PARCEL + "F0001", PARCEL + "F0002", PARCEL + "F0003", PARCEL + "F0006"
Z5 = OTHER + "F0001"  # a number of another parcel, on PARCEL
HOUSE_RULES = ["ZRZ_ZRZH", "C_OUTLINE", "C_MISSING", "C_DUP", "H_AREA", "H_BDCDYH"]


def layer(rows):
    ids = [r["fid"] for r in rows]
    names = sorted({k for r in rows for k in r if k not in ("fid", "geom")})
    return Features(np.array(ids), np.array([r.get("geom") for r in rows] + [None], dtype=object)[:-1],
                    {n: [r.get(n) for r in rows] for n in names})


def building(fid, geom, zrzh, storeys):
    return {"fid": fid, "geom": geom, "ZDDM": PARCEL, "ZRZH": zrzh, "ZCS": storeys, "DSCS": storeys, "DXCS": 0}


def floor(fid, zrzh, ch, geom, area):
    return {"fid": fid, "geom": geom, "ZRZH": zrzh, "CH": ch, "SJC": int(ch), "CJZMJ": area}


def unit(fid, zrzh, hh, ch, storeys, area, code=None):
    return {"fid": fid, "geom": None, "ZRZH": zrzh, "HH": hh, "CH": ch, "SJCS": storeys, "SCJZMJ": area,
            "BDCDYH": code or zrzh + hh}


BUILDINGS = [
    building(1, shapely.box(2, 2, 12, 10), Z1, 2),  # clean: two floors, the upper with a 1.5 m balcony
    building(2, shapely.box(14, 2, 24, 10), Z2, 3),  # floors 1 and 3 only: floor 2 missing
    building(3, shapely.box(26, 2, 36, 10), Z3, 2),  # floor 1 twice; floor 2 reaching 1 m beyond, no part
    building(4, shapely.box(2, 12, 12, 18), Z1[:-1], 1),  # 23 characters
    building(5, shapely.box(14, 12, 24, 18), Z5, 1),  # another parcel's number
    building(6, shapely.box(26, 12, 30, 18), Z6, 1),  # the same number twice
    building(7, shapely.box(32, 12, 36, 18), Z6, 1),
]
FLOORS = [
    floor(1, Z1, "1", shapely.box(2, 2, 12, 10), 80.0),
    floor(2, Z1, "2", shapely.box(2, 2, 12, 11.5), 87.5),  # 80 + half of the 15 m² open balcony
    floor(3, Z2, "1", shapely.box(14, 2, 24, 10), 80.0),
    floor(4, Z2, "3", shapely.box(14, 2, 24, 10), 80.0),
    floor(5, Z3, "1", shapely.box(26, 2, 36, 10), 80.0),
    floor(6, Z3, "1", shapely.box(26, 2, 36, 10), 80.0),
    floor(7, Z3, "2", shapely.box(26, 2, 36, 11), 90.0),  # 10 m² beyond the footprint
]
PARTS = [{"fid": 1, "geom": shapely.box(2, 10, 12, 11.5), "ZRZH": Z1, "CH": "2", "BWLX": "YT_WFB"}]
UNITS = [
    unit(1, Z1, "0001", "1", 1, 80.0),
    unit(2, Z1, "0002", "2", 1, 87.0),  # 0.5 m² short of its floor
    unit(3, Z2, "0001", "1", 3, 160.0),  # the whole building: its floors add up to 160
    unit(4, Z5, "0001", "1", 1, 60.0, code=Z5 + "001"),  # 27 characters
    unit(5, Z6, "0001", "1", 1, 24.0),
    unit(6, Z6, "0002", "1", 1, 24.0, code=Z6 + "0001"),  # unit 5's code, not its own 户号
]
EXPECTED = {"ZRZ_ZRZH": [4, 5, 6, 7], "C_OUTLINE": [7], "C_MISSING": [2], "C_DUP": [5, 6], "H_AREA": [2],
            "H_BDCDYH": [4, 5, 6]}


def site(buildings=BUILDINGS, floors=FLOORS, units=UNITS, parts=PARTS):
    parcels = layer([{"fid": 1, "geom": shapely.box(0, 0, 40, 20), "ZDDM": PARCEL}])
    return CheckInput(parcels, layer(buildings), floors=layer(floors), units=layer(units), parts=layer(parts))


def run(data, rules, **overrides):
    return runner.run(data, runner.select(rules), overrides)


@pytest.mark.parametrize("rule_id", HOUSE_RULES)
def test_each_house_rule_finds_its_planted_defect(rule_id):
    report = run(site(), [rule_id])
    assert report.ran == [rule_id]
    assert report.fids_by_rule().get(rule_id, []) == EXPECTED[rule_id]


def test_a_clean_building_raises_nothing():
    report = run(site(BUILDINGS[:1], FLOORS[:2], UNITS[:1] + [unit(2, Z1, "0002", "2", 1, 87.5)]), HOUSE_RULES)
    assert report.ran == HOUSE_RULES and report.rows == []


def test_measures_and_messages():
    rows = {(r.rule_id, r.fids): r for r in run(site(), HOUSE_RULES).rows}
    outline = rows["C_OUTLINE", "7"]
    assert outline.value == pytest.approx(10.0) and outline.geometry.area == pytest.approx(10.0)
    assert outline.rel_fids == "3" and outline.codes == f"{Z3},{PARCEL}" and outline.layer == "C"
    assert rows["H_AREA", "2"].value == pytest.approx(-0.5) and rows["H_AREA", "2"].rel_fids == "2"
    assert "缺少实际层 2" in rows["C_MISSING", "2"].message and rows["C_MISSING", "2"].layer == "ZRZ"
    assert rows["C_DUP", "5,6"].value == 2
    assert rows["ZRZ_ZRZH", "6,7"].message == f"自然幢号 {Z6} 重复用于 2 幢房屋（要素 6, 7）。"  # findings are Chinese
    assert "24 characters" in rows["ZRZ_ZRZH", "4"].message
    assert "另一宗地" in rows["ZRZ_ZRZH", "5"].message
    assert "does not end with its household number 0002" in rows["H_BDCDYH", "6"].message
    zh = {r.fids: r.message for r in runner.run(site(), runner.select(["C_OUTLINE"]), language="zh_CN").rows}
    assert zh["7"] == f"自然幢 {Z3} 第 2 层超出房屋基底 10.00 平方米，且无面积部位（阳台、挑廊等）覆盖。"


def test_the_balcony_must_be_of_its_own_floor():
    """The same balcony recorded on floor 1 leaves floor 2's 15 m² uncovered."""
    parts = [dict(PARTS[0], CH="1")]
    assert run(site(parts=parts), ["C_OUTLINE"]).fids_by_rule() == {"C_OUTLINE": [2, 7]}


def test_tolerances_are_parameters():
    # ±(0.04√S + 0.002S) on S = 87.5 m² allows 0.549 m²: the 0.5 m² difference passes
    assert run(site(), ["H_AREA"], **{"H_AREA.method": 1}).rows == []
    assert run(site(), ["H_AREA"], **{"H_AREA.per_unit": 0.6}).rows == []
    assert run(site(), ["C_OUTLINE"], **{"C_OUTLINE.min_area": 10.5}).rows == []


def test_without_the_house_layers_the_rules_are_skipped():
    data = CheckInput(layer([{"fid": 1, "geom": shapely.box(0, 0, 40, 20), "ZDDM": PARCEL}]), layer(BUILDINGS))
    skipped = dict(runner.run(data, runner.select(HOUSE_RULES)).skipped)
    assert skipped == {"C_OUTLINE": ("floors", "parts"), "C_MISSING": ("floors",), "C_DUP": ("floors",),
                       "H_AREA": ("floors", "units"), "H_BDCDYH": ("units",)}
