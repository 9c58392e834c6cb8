"""The texts printed on maps and forms: house labels and structure names, lengths, areas, parcel numbers, land
use, survey method and note, code-list labels. (Safe file names are cadastre/documents/tables.safe_file_name.)"""
from __future__ import annotations

import re
from typing import Dict, Iterable, Optional

from ..areas import shown_area
from ..schema import CODELISTS, codelist_label

# Structure abbreviations on maps (地形图图式 GB/T 20257.1 writes 砼 for reinforced concrete, 混 for mixed,
# 砖 for brick-wood, 钢 for steel). Taking the first character of the FWJG label would print 钢 for three
# different structures (1 钢, 2 钢和钢筋混凝土, 3 钢筋混凝土), so codes 2 and 3 use the drawing-standard forms.
STRUCTURE_ABBREVIATIONS: Dict[int, str] = {1: "钢", 2: "钢砼", 3: "砼", 4: "混", 5: "砖", 6: "其"}


def structure_abbreviation(fwjg) -> str:
    """Short form of a 房屋结构 code (FWJG) for map labels; '' for an unknown or empty code."""
    code = as_int(fwjg)
    if code is None:
        return ""
    if code in STRUCTURE_ABBREVIATIONS:
        return STRUCTURE_ABBREVIATIONS[code]
    label = codelist_label("FWJG", code)
    return label[:1]


def house_label(storeys, fwjg) -> str:
    """Map label of a building: storeys then structure, e.g. ``2混``; '' when neither is known."""
    n = as_int(storeys)
    return f"{n if n is not None and n > 0 else ''}{structure_abbreviation(fwjg)}"


def structure_name(fwjg) -> str:
    """Full 房屋结构 name of a code (e.g. 混合结构); '' when unknown."""
    label = codelist_label("FWJG", as_int(fwjg))
    return f"{label}结构" if label else ""


def length_text(metres: float) -> str:
    """Edge length on maps and tables: 2 decimals (domain.md §4)."""
    return f"{metres:.2f}"


def area_text(square_metres: Optional[float]) -> str:
    """Area on maps, forms and the review panel: 2 decimals (四舍五入 from the stored value), '' when unknown."""
    if square_metres is None or square_metres != square_metres:
        return ""
    return f"{shown_area(float(square_metres)):.2f}"


def parcel_number(zddm: Optional[str]) -> str:
    """宗地号 printed inside a parcel: feature code + sequence (e.g. JC00023), or the whole code if malformed."""
    code = (zddm or "").strip()
    if len(code) == 19:
        return code[12:]
    return code


def land_use_text(yt) -> str:
    """地类 printed under the parcel number: the GB/T 21010 code (e.g. 0702)."""
    return "" if yt is None else str(yt).strip()


SURVEY_METHODS = {1: "解析法", 2: "图解法", 3: "航测法"}


def survey_method(jzdlx_values: Iterable) -> str:
    """The survey method of a parcel's boundary points: the JZDLX most of them have (解析法 when none is given)."""
    counts: Dict[int, int] = {}
    for value in jzdlx_values:
        code = as_int(value)
        if code in SURVEY_METHODS:
            counts[code] = counts.get(code, 0) + 1
    if not counts:
        return SURVEY_METHODS[1]
    return SURVEY_METHODS[max(sorted(counts), key=lambda c: counts[c])]


def survey_note(survey_date: str, method: str) -> str:
    """The 宗地图 line such as ``2020年5月解析法测绘界址点``; ``survey_date`` as YYYY-MM[-DD] or free text."""
    text = (survey_date or "").strip()
    match = re.match(r"^(\d{4})[-/.年](\d{1,2})", text)
    when = f"{int(match.group(1))}年{int(match.group(2))}月" if match else text
    return f"{when}{method}测绘界址点"


def codelist_text(codelist: str, value) -> str:
    """Label of a coded value (trying it as int too), or the value itself when the list lacks it."""
    if value is None or value == "":
        return ""
    labels = CODELISTS.get(codelist, {})
    for key in (value, as_int(value), str(value)):
        if key in labels:
            return labels[key]
    return str(value)


def as_int(value) -> Optional[int]:
    if value is None or value == "":
        return None
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None
