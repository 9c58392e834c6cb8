"""建筑面积 by GB/T 17986.1-2000 on hand-computed houses (every figure added up by hand in the comments), the area
tolerance ΔS, and the [building_areas] table of the policy profiles."""
from __future__ import annotations

import math

import pytest
from shapely.geometry import Polygon, box

from homestead_cadastre.cadastre.building_areas import (
    DEFAULT_COEFFICIENTS,
    AreaRules,
    Part,
    area_tolerance,
    beyond_tolerance,
    floor_area,
    household_areas,
)
from homestead_cadastre.cadastre.messages import CadastreError
from homestead_cadastre.rules.policy.profile import load_profile

NATIONAL = load_profile("national_generic").building_areas
ZHEJIANG = load_profile("zhejiang_example").building_areas


def part(kind, x0, y0, x1, y1, zz=0, fb=0, cg=None, xs=None):
    return Part(kind, box(x0, y0, x1, y1), bool(zz), bool(fb), cg, xs)


def house(floors, rules=NATIONAL):
    """[(outline, 层高, parts)] → (each floor's 建筑面积, Σ) rounded to 0.01 m²."""
    totals = [floor_area(outline, height, parts, rules).total for outline, height, parts in floors]
    return [round(t, 2) for t in totals], round(sum(totals), 2)


L_SHAPE = Polygon([(0, 0), (12, 0), (12, 6), (5, 6), (5, 10), (0, 10)])  # 12×6 + 5×4 = 72 + 20 = 92

HOUSES = {
    # 1: two storeys 10×8 = 80; floor 2 an open balcony 4×1.5 = 6 outside the wall × 0.5 = 3 → 80 + 83 = 163
    "open balcony": ([(box(0, 0, 10, 8), 3.0, []),
                      (box(0, 0, 10, 8), 3.0, [part("YT_WFB", 3, 8, 7, 9.5)])], [80.00, 83.00], 163.00),
    # 2: one storey 12×9 = 108; an enclosed balcony 3.6×1.5 = 5.4 full → 113.4
    "enclosed balcony": ([(box(0, 0, 12, 9), 2.9, [part("YT_FB", 0, 9, 3.6, 10.5, fb=1)])], [113.40], 113.40),
    # 3: 9×7.5 = 67.5 per storey; floor 2 an open 挑廊 without columns 9×1.2 = 10.8 × 0.5 = 5.4 → 67.5 + 72.9 = 140.4
    "overhanging corridor": ([(box(0, 0, 9, 7.5), 3.0, []),
                              (box(0, 0, 9, 7.5), 3.0, [part("TL", 0, -1.2, 9, 0)])], [67.50, 72.90], 140.40),
    # 4: 10×6 = 60; 檐廊 without columns 10×1.8 = 18 × 0.5 = 9; 檐廊 with columns 10×2 = 20 × 1 = 20 → 89
    "eaves corridors": ([(box(0, 0, 10, 6), 3.2, [part("YL", 0, 6, 10, 7.8), part("YL", 0, -2, 10, 0, zz=1)])],
                        [89.00], 89.00),
    # 5: 8×8 = 64; canopy without column 2×1 = 2 × 0 = 0; canopy on one column 3×2 = 6 × 0.5 = 3 → 67
    "canopies": ([(box(0, 0, 8, 8), 3.0, [part("YP", 3, 8, 5, 9), part("YP", 8, 0, 10, 3, zz=1)])], [67.00], 67.00),
    # 6: 10×10 = 100 per storey; floor 1 an uncovered outdoor stair 1.2×4 = 4.8 × 0.5 = 2.4; floor 2 the covered
    #    flight (FB = 1) 4.8 × 1 = 4.8 → 102.4 + 104.8 = 207.2
    "outdoor stairs": ([(box(0, 0, 10, 10), 3.0, [part("SWLT", 10, 0, 11.2, 4)]),
                        (box(0, 0, 10, 10), 3.0, [part("SWLT", 10, 0, 11.2, 4, fb=1)])], [102.40, 104.80], 207.20),
    # 7: three storeys 9×8 = 72; the third is 2.10 m high: 0, its open balcony 3×1 too → 72 + 72 + 0 = 144
    "low storey": ([(box(0, 0, 9, 8), 3.0, []), (box(0, 0, 9, 8), 2.9, []),
                    (box(0, 0, 9, 8), 2.10, [part("YT_WFB", 0, 8, 3, 9)])], [72.00, 72.00, 0.00], 144.00),
    # 8: set back: 12×10 = 120, 12×8 = 96, 6×8 = 48 with a roof terrace 露台 6×8 on floor 2's roof × 0 → 264
    "set-back floors": ([(box(0, 0, 12, 10), 3.3, []), (box(0, 0, 12, 8), 3.0, []),
                         (box(0, 0, 6, 8), 3.0, [part("LT", 6, 0, 12, 8)])], [120.00, 96.00, 48.00], 264.00),
    # 9: overhang: floor 1 10×8 = 80; floor 2's own outline juts out 1.2 m: 10×9.2 = 92 → 172
    "overhang": ([(box(0, 0, 10, 8), 3.0, []), (box(0, 0, 10, 9.2), 3.0, [])], [80.00, 92.00], 172.00),
    # 10: L-shape 92 per storey; floor 2 an open balcony in the inner corner 3×1.5 = 4.5 × 0.5 = 2.25 → 92 + 94.25
    "L-shape": ([(L_SHAPE, 3.0, []), (L_SHAPE, 3.0, [part("YT_WFB", 5, 6, 8, 7.5)])], [92.00, 94.25], 186.25),
    # 11: a balcony drawn across the wall: 4×2.5 = 10, of which 4×1 = 4 inside the outline (counted with it) and
    #     4×1.5 = 6 outside × 0.5 = 3 → 80 + 3 = 83
    "balcony across the wall": ([(box(0, 0, 10, 8), 3.0, [part("YT_WFB", 2, 7, 6, 9.5)])], [83.00], 83.00),
    # 12: overlapping parts: enclosed balcony 3×1.5 = 4.5 × 1; 挑廊 5×1 = 5 of which 3×1 = 3 under the balcony →
    #     (5 − 3) × 0.5 = 1 → 80 + 4.5 + 1 = 85.5
    "overlapping parts": ([(box(0, 0, 10, 8), 3.0, [part("TL", 5, 8, 10, 9), part("YT_FB", 6, 8, 9, 9.5, fb=1)])],
                          [85.50], 85.50),
    # 13: basement 2.0 m high 6×10 = 60 → 0; ground floor 60 with an enclosed stilt storey 吊脚架空层 2×3 = 6 × 1
    #     and an open one 2×3 = 6 × 0 → 0 + 66 = 66
    "low basement, stilts": ([(box(0, 0, 6, 10), 2.0, []),
                              (box(0, 0, 6, 10), 3.0, [part("JKC", 6, 0, 8, 3, fb=1), part("JKC", 6, 3, 8, 6)])],
                             [0.00, 66.00], 66.00),
    # 14: given coefficients: 其他 QT 2×2 = 4 with XS 0.5 = 2; an open balcony 4×1 = 4 given XS 1 = 4 → 50 + 6 = 56
    "given XS": ([(box(0, 0, 10, 5), 3.0, [part("QT", 10, 0, 12, 2, xs=0.5), part("YT_WFB", 0, 5, 4, 6, xs=1)])],
                 [56.00], 56.00),
}


@pytest.mark.parametrize("name", HOUSES)
def test_hand_computed_houses(name):
    floors, per_floor, total = HOUSES[name]
    assert house(floors) == (per_floor, total)


def test_a_province_profile_overrides_balconies_and_low_storeys():
    # Zhejiang example: enclosed balconies half, storeys under 2.20 m half.
    # house 2: 108 + 5.4 × 0.5 = 110.7; house 7: 72 + 72 + (72 × 0.5 = 36, its open balcony 3 × 0.5 = 1.5: a part
    # there counts at most 0.5) = 72 + 72 + 37.5 = 181.5
    assert house(HOUSES["enclosed balcony"][0], ZHEJIANG) == ([110.70], 110.70)
    assert house(HOUSES["low storey"][0], ZHEJIANG) == ([72.00, 72.00, 37.50], 181.50)
    # what the province does not name stays national: the open 挑廊 of house 3
    assert house(HOUSES["overhanging corridor"][0], ZHEJIANG) == house(HOUSES["overhanging corridor"][0])


def test_parts_on_low_storeys_and_bad_parts_are_reported():
    # a canopy with its own height 2.0 m on a normal floor counts nothing: 50 + 0
    result = floor_area(box(0, 0, 10, 5), 3.0, [part("YP", 0, 5, 3, 7, zz=1, cg=2.0)], NATIONAL)
    assert round(result.total, 2) == 50.00 and result.parts[0].rule == "YP_ZZ 层高"
    bad = floor_area(box(0, 0, 10, 5), 3.0, [part("XX", 0, 5, 1, 6), part("QT", 10, 0, 11, 1),
                                             part("YT_WFB", 0, -1, 2, 0, xs=2)], NATIONAL, floor="F0001 / 1")
    # unknown type: 0; QT without XS: 0; XS = 2 refused, the profile's 0.5 used: 2 × 0.5 = 1 → 50 + 1 = 51
    assert round(bad.total, 2) == 51.00
    assert [p.id for p in bad.problems] == ["PART_TYPE", "PART_QT", "PART_XS"]
    assert all("F0001 / 1" in p.format() for p in bad.problems)
    broken = floor_area(Polygon([(0, 0), (2, 2), (2, 0), (0, 2)]), 3.0, [], NATIONAL)
    assert math.isnan(broken.total) and broken.problems[0].id == "FLOOR_OUTLINE"


def test_household_areas_take_the_parts_they_adjoin():
    # a 10×8 floor in two units 5×8 = 40; an open balcony 4×1.5 = 6 × 0.5 = 3 along unit 2 → 40 and 43
    floor = floor_area(box(0, 0, 10, 8), 3.0, [part("YT_WFB", 6, 8, 10, 9.5)], NATIONAL)
    assert [round(a, 2) for a in household_areas([box(0, 0, 5, 8), box(5, 0, 10, 8)], floor)] == [40.00, 43.00]
    # a unit on a 2.10 m storey counts nothing
    low = floor_area(box(0, 0, 10, 8), 2.1, [], NATIONAL)
    assert household_areas([box(0, 0, 10, 8)], low) == [0.0]


def test_area_tolerance_by_grade():
    # S = 100: 一级 0.02·10 + 0.0006·100 = 0.26; 二级 0.04·10 + 0.002·100 = 0.6; 三级 0.08·10 + 0.006·100 = 1.4
    assert [round(float(area_tolerance(100.0, g)), 4) for g in (1, 2, 3)] == [0.26, 0.6, 1.4]
    # S = 400, 二级: 0.04·20 + 0.002·400 = 1.6
    assert round(float(area_tolerance(400.0)), 4) == 1.6
    # recorded 100.5 is within 0.6 of 100, 100.7 and 99.3 are not, a missing one is not flagged
    assert beyond_tolerance([100.0] * 4, [100.5, 100.7, 99.3, None]).tolist() == [False, True, True, False]


def test_profiles_carry_the_national_coefficients():
    assert dict(NATIONAL.coefficients) == dict(DEFAULT_COEFFICIENTS)
    assert (NATIONAL.min_storey_height, NATIONAL.low_storey) == (2.2, 0.0)
    assert load_profile("louxing_2020").building_areas == AreaRules()  # no table: the national default
    assert ZHEJIANG.coefficients["YT_FB"] == 0.5 and ZHEJIANG.coefficients["YT_WFB"] == 0.5


@pytest.mark.parametrize("body, key", [
    ("[building_areas.coefficients]\nYT_WFB = 1.5\n", "YT_WFB"),
    ("[building_areas.coefficients]\nYT_WFB = -0.1\n", "YT_WFB"),
    ("[building_areas.coefficients]\nYT_WFB = nan\n", "YT_WFB"),
    ("[building_areas.coefficients]\nYT_WFB = inf\n", "YT_WFB"),
    ('[building_areas.coefficients]\nYT_WFB = "half"\n', "YT_WFB"),
    ("[building_areas.coefficients]\nBALCONY = 0.5\n", "BALCONY"),
    ("[building_areas]\nmin_storey_height = 0\n", "min_storey_height"),
    ("[building_areas]\nlow_storey = 2\n", "low_storey"),
])
def test_bad_coefficients_are_refused_with_the_line(tmp_path, body, key):
    path = tmp_path / "county.toml"
    path.write_text(f'[profile]\nbase = "national_generic"\nname = "county"\n\n{body}', encoding="utf-8")
    with pytest.raises(CadastreError) as error:
        load_profile(str(path))
    message = str(error.value)
    assert str(path) in message and "line 6" in message and key in message
