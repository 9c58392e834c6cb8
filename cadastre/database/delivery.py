"""The delivery database: survey records to the rows of the standard's layers, the agriculture share's
masking, parcel fingerprints for incremental delivery, the data dictionary and the metadata.

QGIS-free: records are dicts (field name → Python value), geometries shapely. The files are written and read
back by cadastre/database/delivery_files.py (GDAL).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

import shapely

from .. import schema
from .delivery_dictionary import HOUSE_RIGHT, DeliveryField, DeliveryLayer

# --- rows ----------------------------------------------------------------------------------------------


@dataclass
class Rows:
    """The rows of one delivered layer: values aligned with ``layer.fields``, geometries (shapely or None)."""

    layer: DeliveryLayer
    values: List[List[object]] = field(default_factory=list)
    geometries: List[object] = field(default_factory=list)
    bsm_filled: int = 0  # rows given a 标识码 because the source had none


def _value(record: Mapping, f: DeliveryField, context: Mapping):
    """The value of delivered field ``f`` from a survey record (``source`` says how when not the same name)."""
    if not f.source:
        return record.get(f.name)
    if f.source == "@QLLX_HOUSE":
        return HOUSE_RIGHT.get(context.get("parcel_right", {}).get(record.get("ZDDM")))
    for option in f.source.split("|"):
        if "*" in option:
            a, b = option.split("*")
            if record.get(a) is not None and record.get(b) is not None:
                return round(float(record[a]) * float(record[b]), 2)
        elif record.get(option) is not None:
            return record[option]
    return None


def build_rows(layer: DeliveryLayer, records: Sequence[Mapping], geometries: Sequence, context: Mapping) -> Rows:
    """Rows of ``layer`` from the survey records of its source layer; YSDM from the dictionary, a 标识码 (BSM)
    numbered after the highest one where the source has none."""
    rows = Rows(layer)
    names = [f.name for f in layer.fields]
    taken = [int(r["BSM"]) for r in records if r.get("BSM") is not None] if "BSM" in names else []
    next_bsm = max(taken, default=0) + 1
    for record, geometry in zip(records, geometries):
        row = [_value(record, f, context) for f in layer.fields]
        if "YSDM" in names and layer.ysdm:
            row[names.index("YSDM")] = layer.ysdm
        if "BSM" in names and row[names.index("BSM")] is None:
            row[names.index("BSM")] = next_bsm
            next_bsm += 1
            rows.bsm_filled += 1
        rows.values.append(row)
        rows.geometries.append(geometry if layer.geometry != schema.NONE else None)
    return rows


def parcel_rights(zd_records: Sequence[Mapping]) -> Dict[str, object]:
    """ZDDM → QLLX of the parcel (the house right follows it)."""
    return {r.get("ZDDM"): r.get("QLLX") for r in zd_records}


# --- the agriculture share: no full ID number, no phone number ---------------------------------------------
ID_FULL_RE = re.compile(r"(?<!\d)(\d{17}[\dXx]|\d{15})(?![\dXx])")
PHONE_RE = re.compile(r"(?<!\d)(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)")
PHONE_FIELDS = ("DH", "LXDH", "YDDH", "SJHM")  # phone columns left out of the share whatever they hold
ID_FIELDS = ("ZJH", "QLRZJH")


def mask_id(text: Optional[str]) -> Optional[str]:
    """An ID number with only its first 6 and last 4 characters shown (430381********123X)."""
    if text is None or str(text).strip() == "":
        return text
    text = str(text).strip()
    if len(text) <= 10:
        return "*" * len(text)
    return text[:6] + "*" * (len(text) - 10) + text[-4:]


def scrub(text: Optional[str]) -> Optional[str]:
    """Free text with every ID number in it masked and every phone number removed."""
    if not isinstance(text, str):
        return text
    text = ID_FULL_RE.sub(lambda m: mask_id(m.group(1)), text)
    return PHONE_RE.sub("***", text)


def share_rows(rows: Rows) -> Rows:
    """The rows as the agriculture department gets them: phone columns dropped, ID columns masked, every
    text scrubbed of ID and phone numbers."""
    keep = [i for i, f in enumerate(rows.layer.fields) if f.name not in PHONE_FIELDS]
    fields = tuple(rows.layer.fields[i] for i in keep)
    layer = DeliveryLayer(rows.layer.name, rows.layer.alias, rows.layer.geometry, rows.layer.source, fields,
                          rows.layer.ysdm, rows.layer.verify)
    out = Rows(layer, geometries=list(rows.geometries))
    for row in rows.values:
        values = []
        for i in keep:
            value = row[i]
            if rows.layer.fields[i].name in ID_FIELDS:
                value = mask_id(value)
            values.append(scrub(value))
        out.values.append(values)
    return out


# --- incremental delivery ----------------------------------------------------------------------------------
NEW, CHANGED, DELETED = "new", "changed", "deleted"
CHANGE_LABELS = {NEW: "新增", CHANGED: "变更", DELETED: "删除"}


def _plain(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 4)
    return value


def fingerprints(rows: Rows) -> Dict[str, str]:
    """ZDDM → digest of the parcel's delivered attributes (BSM aside) and its geometry to the millimetre."""
    names = [f.name for f in rows.layer.fields]
    code = names.index("ZDDM")
    out = {}
    for row, geometry in zip(rows.values, rows.geometries):
        attributes = {n: _plain(v) for n, v in zip(names, row) if n != "BSM"}
        wkt = shapely.to_wkt(shapely.normalize(geometry), rounding_precision=3, output_dimension=2) if geometry is not None else ""
        digest = hashlib.sha1(json.dumps([attributes, wkt], ensure_ascii=False, sort_keys=True).encode("utf-8"))
        out[str(row[code])] = digest.hexdigest()
    return out


def changes(previous: Mapping[str, str], current: Mapping[str, str]) -> List[Tuple[str, str]]:
    """(ZDDM, NEW / CHANGED / DELETED) of every parcel that differs from the previous delivery, by code."""
    found = [(c, NEW) for c in current if c not in previous]
    found += [(c, CHANGED) for c in current if c in previous and previous[c] != current[c]]
    found += [(c, DELETED) for c in previous if c not in current]
    return sorted(found)


# --- dictionary and metadata -------------------------------------------------------------------------------
TYPE_NAMES = {schema.TEXT: "字符型", schema.INT: "整型", schema.REAL: "浮点型", schema.DATE: "日期型"}
DICTIONARY_HEADER = ("图层名", "图层中文名", "要素代码", "几何类型", "字段名", "字段中文名", "类型", "长度", "小数位",
                     "必填", "值域", "扩展字段", "说明")
GEOMETRY_NAMES = {schema.POLYGON: "面", schema.LINE: "线", schema.POINT: "点", schema.NONE: "属性表"}


def dictionary_rows(layers: Sequence[DeliveryLayer]) -> List[Tuple]:
    """The data dictionary, one row per field, Chinese headers and notes (a deliverable)."""
    rows = []
    for layer in layers:
        for f in layer.fields:
            codes = schema.CODELISTS.get(f.codelist, {}) if f.codelist else {}
            note = "本项目扩展字段" if f.ext else ("名称待与TD/T 1066-2021核对" if layer.verify else "")
            rows.append((layer.name, layer.alias, layer.ysdm, GEOMETRY_NAMES[layer.geometry], f.name, f.alias,
                         TYPE_NAMES[f.type], f.length or "", f.precision or "", "是" if f.required else "否",
                         "；".join(f"{k} {v}" for k, v in codes.items()), "是" if f.ext else "否", note))
    return rows


def metadata(title: str, epsg: int, counts: Mapping[str, int], parcels: Mapping[str, str], formats: Sequence[str],
             extensions: bool, changed: Sequence[Tuple[str, str]], previous: str, created: dt.datetime) -> dict:
    """The metadata file's content (JSON): what was delivered, in which CRS, how many rows, each parcel's fingerprint."""
    from ..zones import central_meridian, zone_of_epsg

    zone = zone_of_epsg(epsg)
    return {
        "标题": title,
        "标准": "TD/T 1066 不动产登记数据库标准",
        "生成时间": created.isoformat(timespec="seconds"),
        "坐标系": {"EPSG": epsg, "名称": "2000国家大地坐标系",
                 "投影": f"高斯-克吕格投影 3度带（中央子午线 {central_meridian(zone[0])}°）" if zone else "",
                 "高程基准": "1985国家高程基准"},
        "格式": list(formats),
        "扩展字段": extensions,
        "记录数": dict(counts),
        "上次交付": previous,
        "变更": [{"宗地代码": c, "变更类型": CHANGE_LABELS[k]} for c, k in changed],
        "宗地指纹": dict(parcels),
    }
