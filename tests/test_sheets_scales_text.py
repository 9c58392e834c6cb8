"""Sheet numbering, scale choice and map texts (QGIS-free)."""
import numpy as np
import pytest
from shapely.geometry import box

from homestead_cadastre.cadastre.maps import maptext, scales, sheets
from homestead_cadastre.cadastre.messages import CadastreError


def test_sheet_number_sw_corner_x_first():
    # 1:1000 sheets are 500 m: the point (E 37 575 123, N 3 050 321) lies on the sheet with SW corner
    # N 3 050 000, E 37 575 000 → "3050.0-37575.0" (northing first, easting with zone 37).
    sheet = sheets.sheet_at(37_575_123.0, 3_050_321.0, 1000)
    assert sheet.number == "3050.0-37575.0"
    assert sheet.bounds == (37_575_000.0, 3_050_000.0, 37_575_500.0, 3_050_500.0)
    # the domain reference's example, a 1:2000 sheet (1 km) in zone 39
    assert sheets.sheet_at(39_575_999.0, 3_050_999.0, 2000).number == "3050.0-39575.0"
    # 1:500 sheets are 250 m and keep two decimals
    assert sheets.sheet_at(37_575_600.0, 3_050_300.0, 500).number == "3050.25-37575.50"


def test_unprefixed_easting_gets_the_zone_number():
    # EPSG:4546 eastings carry no zone: 575 123 m in zone 37 names the same sheet as 37 575 123 m
    assert sheets.sheet_at(575_123.0, 3_050_321.0, 1000, zone=37).number == "3050.0-37575.0"
    assert sheets.sheet_at(37_575_123.0, 3_050_321.0, 1000, zone=37).number == "3050.0-37575.0"


def test_unsupported_scale_refused():
    with pytest.raises(CadastreError):
        sheets.sheet_side(5000)


def test_neighbours_of_a_sheet():
    sheet = sheets.sheet_at(37_575_100.0, 3_050_100.0, 1000)
    n = sheets.neighbours(sheet)
    assert n["n"] == "3050.5-37575.0" and n["s"] == "3049.5-37575.0"
    assert n["e"] == "3050.0-37575.5" and n["sw"] == "3049.5-37574.5"


def test_index_orders_sheets_by_share_and_labels_fit():
    # a parcel 30 m wide straddling the easting 37 575 500 line, 20 m on the east side, 10 m on the west
    parcel = box(37_575_490.0, 3_050_100.0, 37_575_520.0, 3_050_120.0)
    inside = box(37_575_100.0, 3_050_100.0, 37_575_120.0, 3_050_120.0)
    index = sheets.build_index(np.array([parcel, inside, None], dtype=object), 1000)
    numbers = [s.number for s in index.sheets]
    assert sorted(numbers) == ["3050.0-37575.0", "3050.0-37575.5"]
    first = [index.sheets[s].number for s in index.sheets_of_parcel[0]]
    assert first == ["3050.0-37575.5", "3050.0-37575.0"]
    assert [index.sheets[s].number for s in index.sheets_of_parcel[1]] == ["3050.0-37575.0"]
    assert index.sheets_of_parcel[2] == []
    assert sheets.sheet_label(first, 50) == ("3050.0-37575.5,3050.0-37575.0", True)
    assert sheets.sheet_label(first, 20) == ("3050.0-37575.5", False)


def test_choose_scale_round_and_fitting():
    # frame 180 × 196 mm, 14 mm kept on each side: usable 152 × 168 mm
    assert scales.choose_scale(20, 15, 180, 196, 14) == 200  # 20 m = 200 mm at 1:100, too wide; 100 mm at 1:200
    assert scales.choose_scale(32, 2.4, 180, 196, 14) == 300  # 160 mm at 1:200 > 152; 107 mm at 1:300
    assert scales.choose_scale(5, 5, 180, 196, 14) == 100
    assert scales.choose_scale(5, 5, 180, 196, 14, minimum=200) == 200
    assert scales.choose_scale(140, 60, 180, 196, 14) == 1000
    assert scales.choose_scale(5000, 60, 180, 196, 14) is None


def test_house_labels_and_structures():
    assert maptext.house_label(2, 4) == "2混"
    assert maptext.house_label(3, 5) == "3砖"
    assert maptext.house_label(1, 3) == "1砼"
    assert maptext.house_label("2", "4") == "2混"
    assert maptext.house_label(None, 4) == "混"
    assert maptext.house_label(2, None) == "2"
    # no two structures share an abbreviation
    assert len(set(maptext.STRUCTURE_ABBREVIATIONS.values())) == len(maptext.STRUCTURE_ABBREVIATIONS)
    assert maptext.structure_name(4) == "混合结构"


def test_survey_note_and_method():
    assert maptext.survey_note("2020-05", "解析法") == "2020年5月解析法测绘界址点"
    assert maptext.survey_note("", "图解法") == "图解法测绘界址点"
    assert maptext.survey_method([1, 1, 2]) == "解析法"
    assert maptext.survey_method([2, 2, 1]) == "图解法"
    assert maptext.survey_method([]) == "解析法"


def test_parcel_number_and_lengths():
    assert maptext.parcel_number("430381104201JC00023") == "JC00023"
    assert maptext.parcel_number("X1") == "X1"
    assert maptext.length_text(12.346) == "12.35" and maptext.length_text(0.3) == "0.30"
    assert maptext.area_text(380.2) == "380.20" and maptext.area_text(None) == ""
