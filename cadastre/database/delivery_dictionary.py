"""The field dictionary of the delivery database (不动产登记数据库标准, TD/T 1066), as data.

One entry per delivered layer or table: its standard name, Chinese name, YSDM, geometry, the survey layer
(cadastre/schema.py) its rows come from, and the fields with type, length and whether a value is required.
The spatial layers take the standard fields of cadastre/schema.py (``ext=False``) in schema order; the
right tables are derived from ZD (宅基地使用权, one row per parcel) and ZRZ (房屋所有权, one row per building).
Both the export and the self-check read this module, so they cannot disagree.

Names of the right tables and their fields follow TD/T 1066-2012 (JSYDSYQ 建设用地使用权、宅基地使用权,
FDCQ2 房地产权（独幢、层、套、间房屋）) and are marked ``verify`` in the written dictionary: check them against
the 2021 edition a province uses. The house side, 逻辑幢 LJZ, 层 C and 户 H, is delivered when the survey has it
(their YSDM are marked ``verify`` too); 面积部位 MJBF is this project's extension and stays out.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Optional, Tuple

from .. import schema
from ..schema import DATE, INT, NONE, POLYGON, REAL, TEXT


@dataclass(frozen=True)
class DeliveryField:
    name: str
    type: str  # schema.TEXT, INT, REAL, DATE
    alias: str  # Chinese name (字段中文名)
    length: int = 0
    precision: int = 0
    codelist: Optional[str] = None  # key into schema.CODELISTS
    required: bool = False  # 必填: a value is needed in every row
    source: str = ""  # the survey field it is copied from ('' = same name)
    ext: bool = False  # this project's extension (only with extensions asked for, FileGDB only)


@dataclass(frozen=True)
class DeliveryLayer:
    name: str  # layer / table name of the standard
    alias: str  # Chinese name
    geometry: str
    source: str  # survey layer (schema.LAYERS key) the rows come from
    fields: Tuple[DeliveryField, ...]
    ysdm: str = ""  # 要素代码 written into YSDM
    verify: bool = False  # names not checked against the normative text

    def field(self, name: str) -> DeliveryField:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name} has no field {name}")


# 必填 fields of each layer (a value in every row); the other fields may be empty
REQUIRED: Dict[str, Tuple[str, ...]] = {
    "ZD": ("BSM", "YSDM", "ZDDM", "BDCDYH", "ZDTZM", "ZDMJ", "QLLX"),
    "ZRZ": ("BSM", "YSDM", "BDCDYH", "ZDDM", "ZRZH"),
    "JZD": ("BSM", "YSDM", "ZDZHDM", "JZDH"),
    "JZX": ("BSM", "YSDM", "ZDZHDM", "JZXCD"),
    "QLR": ("BSM", "BDCDYH", "QLRMC"),
    "LJZ": ("BSM", "YSDM", "LJZH", "ZRZH"),
    "C": ("BSM", "YSDM", "ZRZH", "CH", "SJC"),
    "H": ("BSM", "YSDM", "BDCDYH", "ZRZH", "CH", "HH"),
    "JSYDSYQ": ("BDCDYH", "ZDDM", "QLLX", "SYQMJ"),
    "FDCQ2": ("BDCDYH", "ZDDM", "QLLX"),
    "JBNTTH": ("ZDDM", "JBNTTBBH", "TXMJ"),
}

# survey layer → (standard name, Chinese name); the order is the order of the written database
SPATIAL = (("ZD", "宗地"), ("ZRZ", "自然幢"), ("LJZ", "逻辑幢"), ("C", "层"), ("H", "户"), ("JZD", "界址点"),
           ("JZX", "界址线"), ("QLR", "权利人"))
# layers whose names and codes are not checked against the normative text
VERIFY = ("LJZ", "C", "H")

RIGHTS = (
    DeliveryLayer("JSYDSYQ", "建设用地使用权、宅基地使用权", NONE, "ZD", (
        DeliveryField("BDCDYH", TEXT, "不动产单元号", 28),
        DeliveryField("ZDDM", TEXT, "宗地代码", 19),
        DeliveryField("ZL", TEXT, "坐落", 200),
        DeliveryField("QLRMC", TEXT, "权利人名称", 100),
        DeliveryField("QLLX", INT, "权利类型", codelist="QLLX"),
        DeliveryField("QLXZ", INT, "权利性质", codelist="QLXZ"),
        DeliveryField("SYQMJ", REAL, "使用权面积", 15, 2, source="DJMJ|ZDMJ"),
        DeliveryField("FJ", TEXT, "附记", 254),
    ), verify=True),
    DeliveryLayer("FDCQ2", "房地产权（独幢、层、套、间房屋）", NONE, "ZRZ", (
        DeliveryField("BDCDYH", TEXT, "不动产单元号", 28),
        DeliveryField("ZDDM", TEXT, "宗地代码", 19),
        DeliveryField("ZRZH", TEXT, "自然幢号", 24),
        DeliveryField("QLLX", INT, "权利类型", codelist="QLLX", source="@QLLX_HOUSE"),
        DeliveryField("GHYT", INT, "规划用途", codelist="GHYT"),
        DeliveryField("FWJG", INT, "房屋结构", codelist="FWJG"),
        DeliveryField("ZCS", INT, "总层数"),
        DeliveryField("JZMJ", REAL, "建筑面积", 15, 2, source="SCJZMJ|ZZDMJ*ZCS"),
        DeliveryField("JGSJ", DATE, "竣工时间", source="JGRQ"),
    ), verify=True),
)
# overlay of the parcels on permanent basic farmland (homestead:farmlandoverlay): not a table of the standard
FARMLAND_OVERLAY = DeliveryLayer("JBNTTH", "永久基本农田套合", POLYGON, "JBNTTH", (
    DeliveryField("ZDDM", TEXT, "宗地代码", 19),
    DeliveryField("JBNTTBBH", TEXT, "基本农田图斑编号", 50),
    DeliveryField("TXMJ", REAL, "套合面积", 15, 4),
    DeliveryField("SFSP", INT, "是否碎片", codelist="SF"),
), verify=True)

# the house on a homestead: 宅基地使用权/房屋所有权 (QLLX 6); on collective construction land QLLX 8
HOUSE_RIGHT = {5: 6, 6: 6, 7: 8, 8: 8}
DELIVERY_TYPES = (TEXT, INT, REAL, DATE)


def _from_schema(name: str, alias: str, extensions: bool) -> DeliveryLayer:
    survey = schema.LAYERS[name]
    required = REQUIRED.get(name, ())
    fields = []
    for f in survey.fields:
        if f.ext and (not extensions or f.type not in DELIVERY_TYPES):
            continue
        fields.append(DeliveryField(f.name, f.type, f.alias, f.length, f.precision, f.codelist,
                                    f.name in required, ext=f.ext))
    return DeliveryLayer(name, alias, survey.geometry, name, tuple(fields), schema.YSDM.get(name, ""), name in VERIFY)


def layers(extensions: bool = False, overlay: bool = True) -> Tuple[DeliveryLayer, ...]:
    """Every delivered layer and table; ``extensions`` adds this project's extension fields to the spatial ones."""
    spatial = tuple(_from_schema(name, alias, extensions) for name, alias in SPATIAL)
    derived = RIGHTS + ((FARMLAND_OVERLAY,) if overlay else ())
    return spatial + tuple(_required(layer) for layer in derived)


def _required(layer: DeliveryLayer) -> DeliveryLayer:
    return DeliveryLayer(layer.name, layer.alias, layer.geometry, layer.source,
                         tuple(DeliveryField(f.name, f.type, f.alias, f.length, f.precision, f.codelist,
                                             f.name in REQUIRED[layer.name], f.source) for f in layer.fields),
                         layer.ysdm, layer.verify)


def shapefile_layer(layer: DeliveryLayer) -> DeliveryLayer:
    """The layer as the shapefile set holds it: standard fields only (a .dbf text field holds at most 254 bytes)."""
    return DeliveryLayer(layer.name, layer.alias, layer.geometry, layer.source,
                         tuple(f for f in layer.fields if not f.ext), layer.ysdm, layer.verify)
