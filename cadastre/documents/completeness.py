"""What each product needs filled in before it may be drawn or printed (domain.md §5, §6).

A page whose required fields are blank is not drawn: a registration office rejects a 宗地图 without its 权利人
or 地类, or a 房产分户图 of a house that stands on no parcel (no 宗地代码, 坐落, 权利人). The report names the
missing fields in Chinese. 套合图 (sheetmaps) are not gated: a sheet shows every parcel on it by its number.
"""
from __future__ import annotations

from typing import Dict, List, Mapping, Optional

from ..messages import Problem, translatable

PARCEL_MAP, PARCEL_SKETCH, HOUSE_MAP, SURVEY_FORM = "parcelmap", "parcelsketch", "housemap", "surveyform"
HOUSE_FORM = "houseform"

# product -> required fields (delivery-schema names, domain.md §5) in the order they are reported
REQUIRED: Dict[str, tuple] = {
    PARCEL_MAP: ("ZDDM", "QLRMC", "YT"),  # header 宗地代码 / 土地权利人, the 宗地号/地类 label
    PARCEL_SKETCH: ("ZDDM", "QLRMC"),
    HOUSE_MAP: ("ZDDM", "ZL", "QLRMC", "ZRZH"),  # header 宗地代码 / 坐落 / 权利人 / 幢号
    SURVEY_FORM: ("ZDDM", "QLRMC", "ZL", "YT"),  # 宗地基本信息表
    HOUSE_FORM: ("ZDDM", "ZL", "QLRMC", "ZRZH", "BDCDYH"),  # 房屋基本信息调查表 (幢号 from ZRZH)
}
FIELD_NAMES = {"ZDDM": "宗地代码", "QLRMC": "权利人", "YT": "地类（用途）", "ZL": "坐落", "ZRZH": "幢号", "BDCDYH": "不动产单元号"}


def missing(product: str, values: Mapping[str, object]) -> List[str]:
    """The required fields of ``product`` that are blank in ``values`` (field name -> value)."""
    return [name for name in REQUIRED[product] if _blank(values.get(name))]


def incomplete(product: str, values: Mapping[str, object]) -> Optional[Problem]:
    """The problem that keeps the page from being drawn, or None when every required field is filled."""
    blank = missing(product, values)
    if not blank:
        return None
    return Problem("PAGE_INCOMPLETE", translatable("Not drawn (未出图): to be completed (待补充): {fields}."),
                   {"fields": "、".join(f"{FIELD_NAMES[name]} {name}" for name in blank)})


def _blank(value) -> bool:
    return value is None or str(value).strip() in ("", "NULL")
