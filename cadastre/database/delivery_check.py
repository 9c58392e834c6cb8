"""The self-check of a delivery: the written files read back with GDAL and compared with the field dictionary
and the source's row counts, one Finding (a report line) per problem. QGIS-free (osgeo.ogr, shapely).
"""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from typing import Dict, List, Mapping, Optional, Sequence

import numpy as np
import shapely
from osgeo import ogr

from .. import codes, schema, zones
from ..messages import Problem, translatable
from .delivery_dictionary import DeliveryLayer
from .delivery_files import (
    FGDB,
    FORMAT_NAMES,
    GDB_NAME,
    METADATA_NAME,
    OGR_TYPES,
    SHAPEFILE,
    SHAPEFILE_ENCODING,
    SHP_FOLDER,
    expected_layers,
    read_metadata,
    shapefile_encoding,
)

# what a type reads back as: the File Geodatabase has only date-times
READ_BACK = {ogr.OFTDate: (ogr.OFTDate, ogr.OFTDateTime), ogr.OFTInteger: (ogr.OFTInteger, ogr.OFTInteger64),
             ogr.OFTString: (ogr.OFTString,), ogr.OFTReal: (ogr.OFTReal,)}
FAMILIES = {schema.POLYGON: ("POLYGON", "MULTIPOLYGON"), schema.LINE: ("LINESTRING", "MULTILINESTRING"),
            schema.POINT: ("POINT",)}
CODE_CHECKS = {"ZDDM": codes.zddm_problems, "BDCDYH": codes.bdcdyh_problems}


# check id → (English message for the interface, Chinese message for the report file); both take the same fields
CHECKS: Dict[str, tuple] = {
    "OPEN": (translatable("GDAL cannot open {path}."), "GDAL 无法打开 {path}。"),
    "METADATA": (translatable("{path} has no readable metadata file {name}: it is not a delivery folder."),
                 "{path} 没有可读的元数据文件 {name}，不是交付文件夹。"),
    "LAYER_MISSING": (translatable("Layer {layer} is missing."), "缺少图层 {layer}。"),
    "COUNT": (translatable("Layer {layer} holds {found} rows; the source has {expected}."),
              "图层 {layer} 有 {found} 条记录，源数据有 {expected} 条。"),
    "FIELD_MISSING": (translatable("Layer {layer} has no field {field} ({alias})."), "图层 {layer} 缺少字段 {field}（{alias}）。"),
    "FIELD_TYPE": (translatable("Field {layer}.{field} is of type {found}; the dictionary says {expected}."),
                   "字段 {layer}.{field} 类型为 {found}，数据字典规定为 {expected}。"),
    "FIELD_LENGTH": (translatable("Field {layer}.{field} has length {found}; the dictionary says {expected}."),
                     "字段 {layer}.{field} 长度为 {found}，数据字典规定为 {expected}。"),
    "REQUIRED": (translatable("{layer} {feature}: the required field {field} is empty."),
                 "{layer} {feature}：必填字段 {field} 为空。"),
    "CODE": (translatable("{layer} {feature}: {field} = {value} is not in the code list {codelist}."),
             "{layer} {feature}：{field} = {value} 不在代码表 {codelist} 中。"),
    "YSDM": (translatable("{layer} {feature}: the element code YSDM is {value}; it must be {expected}."),
             "{layer} {feature}：要素代码 YSDM 为 {value}，应为 {expected}。"),
    "CODE_FORMAT": (translatable("{layer} {feature}: {field} {value} is malformed: {reason}"),
                    "{layer} {feature}：{field} {value} 格式错误：{reason}"),
    "DUPLICATE": (translatable("{layer} {feature}: the parcel code {value} appears {n} times."),
                  "{layer} {feature}：宗地代码 {value} 重复 {n} 次。"),
    "NO_GEOMETRY": (translatable("{layer} {feature} has no geometry."), "{layer} {feature} 没有图形。"),
    "GEOMETRY_TYPE": (translatable("{layer} {feature} has a {found} geometry; the layer holds {expected}."),
                      "{layer} {feature} 的图形为 {found}，图层应为 {expected}。"),
    "INVALID": (translatable("{layer} {feature} has an invalid geometry."), "{layer} {feature} 的图形无效（自相交等）。"),
    "CRS": (translatable("Layer {layer} is in {crs}, not a CGCS2000 3° zone (EPSG:4513-4554)."),
            "图层 {layer} 的坐标系为 {crs}，不是 CGCS2000 3度带（EPSG:4513-4554）。"),
    "ENCODING": (translatable("Layer {layer}: the .cpg declares {found}, not GBK ({expected})."),
                 "图层 {layer}：.cpg 声明的编码为 {found}，不是 GBK（{expected}）。"),
}
CODE_REASONS_ZH = {"CODE_ASCII": "含全角或其他非ASCII字符", "BDCDYH_ASCII": "含全角或其他非ASCII字符",
                   "CODE_LENGTH": "长度不是19位", "CODE_PATTERN": "不符合“12位数字+2位特征码+5位顺序号”",
                   "BDCDYH_LENGTH": "长度不是28位", "BDCDYH_PATTERN": "不符合“宗地代码+定着物特征码+8位数字”",
                   "BDCDYH_W": "定着物特征码为W时后8位应为00000000", "CODE_FEATURE": "A、C 只能用于集体土地（J）"}
TYPE_LABELS = {ogr.OFTString: "String", ogr.OFTInteger: "Integer", ogr.OFTReal: "Real", ogr.OFTDate: "Date"}


@dataclass(frozen=True)
class Finding:
    """One problem of a written delivery: a line of the self-check report."""

    path: str
    layer: str
    feature: str  # "FID 12 (430…JC00012)" or '' for a layer-wide problem
    check: str
    args: Mapping

    def message(self, translate=lambda s: s) -> str:
        """The problem in the interface's language (``translate``: tr); a nested reason translated too."""
        args = dict(self.args)
        if isinstance(args.get("cause"), Problem):
            args["reason"] = args["cause"].format(translate)
        return Problem(f"DELIVERY_{self.check}", CHECKS[self.check][0], args).format(translate)

    def chinese(self) -> str:
        """The problem in Chinese, for the report file (a deliverable)."""
        return CHECKS[self.check][1].format(**self.args)


def check_database(path: str, layers: Sequence[DeliveryLayer], counts: Mapping[str, int]) -> List[Finding]:
    """Every problem of the data source at ``path`` against the dictionary ``layers`` and the source ``counts``."""
    try:
        return _check_database(path, layers, counts)
    except RuntimeError:  # GDAL (with exceptions on) cannot read a damaged file of the data source
        return [Finding(path, "", "", "OPEN", {"path": path})]


def _check_database(path: str, layers: Sequence[DeliveryLayer], counts: Mapping[str, int]) -> List[Finding]:
    source = ogr.Open(path)
    if source is None:
        return [Finding(path, "", "", "OPEN", {"path": path})]
    findings: List[Finding] = []
    for expected in layers:
        layer = source.GetLayerByName(expected.name)
        if layer is None:
            findings.append(Finding(path, expected.name, "", "LAYER_MISSING", {"layer": expected.name}))
            continue
        findings += _check_layer(path, layer, expected, counts.get(expected.name))
        if source.GetDriver().GetName() == SHAPEFILE:
            findings += _check_encoding(path, expected.name)
    return findings


def _check_encoding(path: str, name: str) -> List[Finding]:
    cpg = os.path.join(path, f"{name}.cpg")
    found = ""
    if os.path.exists(cpg):
        with open(cpg, encoding="ascii", errors="replace") as handle:
            found = handle.read().strip()
    if found.upper() in (SHAPEFILE_ENCODING, "GBK", "936"):
        return []
    return [Finding(path, name, "", "ENCODING", {"layer": name, "found": found or "—", "expected": SHAPEFILE_ENCODING})]


def _check_layer(path, layer, expected: DeliveryLayer, count: Optional[int]) -> List[Finding]:
    name = expected.name
    findings = []
    found = layer.GetFeatureCount()
    if count is not None and found != count:
        findings.append(Finding(path, name, "", "COUNT", {"layer": name, "found": found, "expected": count}))
    defn = layer.GetLayerDefn()
    present = {}
    for f in expected.fields:
        index = defn.GetFieldIndex(f.name)
        if index < 0:
            findings.append(Finding(path, name, "", "FIELD_MISSING", {"layer": name, "field": f.name, "alias": f.alias}))
            continue
        field_defn = defn.GetFieldDefn(index)
        want = OGR_TYPES[f.type]
        if field_defn.GetType() not in READ_BACK[want]:
            findings.append(Finding(path, name, "", "FIELD_TYPE", {"layer": name, "field": f.name,
                                                                    "found": field_defn.GetTypeName(), "expected": TYPE_LABELS[want]}))
            continue
        if f.type == schema.TEXT and f.length and field_defn.GetWidth() != f.length:
            findings.append(Finding(path, name, "", "FIELD_LENGTH", {"layer": name, "field": f.name,
                                                                      "found": field_defn.GetWidth(), "expected": f.length}))
        present[f.name] = f
    if expected.geometry != schema.NONE:
        findings += _check_crs(path, layer, name)
    fids, columns, wkbs = read_columns(layer, [f.name for f in present.values()], expected.geometry != schema.NONE)
    key = next((columns[k] for k in ("ZDDM", "ZDZHDM", "BDCDYH") if k in columns), [None] * len(fids))
    labels = [f"FID {fid}" + (f" ({code})" if code else "") for fid, code in zip(fids, key)]
    for f in present.values():
        if f.required or f.codelist or f.name in CODE_CHECKS or (f.name == "YSDM" and expected.ysdm):
            for label, value in zip(labels, columns[f.name]):
                findings += _check_value(path, name, label, f, value, expected.ysdm)
    if name == "ZD" and "ZDDM" in columns:
        seen: Dict[str, List[str]] = {}
        for label, code in zip(labels, columns["ZDDM"]):
            if code:
                seen.setdefault(code, []).append(label)
        findings += [Finding(path, name, label, "DUPLICATE", {"layer": name, "feature": label, "value": code, "n": len(found)})
                     for code, found in seen.items() if len(found) > 1 for label in found]
    if expected.geometry != schema.NONE:
        findings += _check_geometries(path, name, labels, wkbs, expected.geometry)
    return findings


def read_columns(layer, names: Sequence[str], geometry: bool):
    """(feature ids, field → values with None for NULL, WKB per feature) of a whole layer, read column-wise
    through GDAL's Arrow interface (GDAL ≥ 3.6), else feature by feature."""
    if hasattr(layer, "GetArrowStreamAsNumPy"):
        batches = list(layer.GetArrowStreamAsNumPy(options=["MAX_FEATURES_IN_BATCH=65536"]))
        if batches:
            fid_key = next(iter(batches[0]))
            fields = {layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())}
            geometry_key = next((k for k in batches[0] if k != fid_key and k not in fields), None)
            def column(key):
                values = [v for b in batches for v in (b[key].tolist() if hasattr(b[key], "tolist") else list(b[key]))]
                return [v.decode("utf-8", "replace") if isinstance(v, bytes) and key != geometry_key else v for v in values]
            return (column(fid_key), {n: column(n) for n in names},
                    column(geometry_key) if geometry and geometry_key else [])
    fids, columns, wkbs = [], {n: [] for n in names}, []
    layer.ResetReading()
    for feature in layer:
        fids.append(feature.GetFID())
        for n in names:
            columns[n].append(feature.GetField(n))
        if geometry:
            geom = feature.GetGeometryRef()
            wkbs.append(bytes(geom.ExportToWkb()) if geom is not None else None)
    return fids, columns, wkbs


def _check_value(path, name, label, f, value, ysdm) -> List[Finding]:
    args = {"layer": name, "feature": label, "field": f.name, "value": value}
    if value is None or value == "":
        return [Finding(path, name, label, "REQUIRED", args)] if f.required else []
    if f.name == "YSDM" and ysdm and value != ysdm:
        return [Finding(path, name, label, "YSDM", dict(args, expected=ysdm))]
    if f.codelist and value not in schema.CODELISTS[f.codelist]:
        return [Finding(path, name, label, "CODE", dict(args, codelist=f.codelist))]
    check = CODE_CHECKS.get(f.name)
    if check is not None:
        return [Finding(path, name, label, "CODE_FORMAT", dict(args, reason=CODE_REASONS_ZH.get(p.id, p.id), cause=p))
                for p in check(value)]
    return []


def _check_geometries(path, name, labels, wkbs, kind) -> List[Finding]:
    geometries = shapely.from_wkb(list(wkbs), on_invalid="ignore") if wkbs else []
    if len(geometries) != len(labels):  # no geometry column at all
        geometries = [None] * len(labels)
    geometries = np.asarray(geometries, dtype=object)
    missing = shapely.is_missing(geometries) | shapely.is_empty(geometries)
    names = np.array(["", "POINT", "LINESTRING", "LINEARRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING",
                      "MULTIPOLYGON", "GEOMETRYCOLLECTION"], dtype=object)[shapely.get_type_id(geometries) + 1]
    valid = shapely.is_valid(geometries)
    findings = []
    for i in np.flatnonzero(missing | ~np.isin(names, FAMILIES[kind]) | ~valid):
        args = {"layer": name, "feature": labels[i]}
        if missing[i]:
            findings.append(Finding(path, name, labels[i], "NO_GEOMETRY", args))
        elif names[i] not in FAMILIES[kind]:
            findings.append(Finding(path, name, labels[i], "GEOMETRY_TYPE", dict(
                args, found=names[i], expected="/".join(FAMILIES[kind]))))
        else:
            findings.append(Finding(path, name, labels[i], "INVALID", args))
    return findings


def _check_crs(path, layer, name) -> List[Finding]:
    srs = layer.GetSpatialRef()
    epsg = None
    if srs is not None:
        srs = srs.Clone()
        if srs.AutoIdentifyEPSG() == 0 or srs.GetAuthorityCode(None):
            epsg = srs.GetAuthorityCode(None)
        if epsg is None:
            matches = srs.FindMatches()
            epsg = matches[0][0].GetAuthorityCode(None) if matches and matches[0][1] >= 90 else None
    if epsg is not None and zones.is_zone_epsg(int(epsg)):
        return []
    crs = f"EPSG:{epsg}" if epsg else (srs.GetName() if srs is not None else "—")
    return [Finding(path, name, "", "CRS", {"layer": name, "crs": crs})]


def check_folder(folder: str, metadata: Optional[dict] = None) -> List[Finding]:
    """The self-check of a delivery folder: each format it holds against the dictionary and the row counts of
    its metadata (which the export took from the source)."""
    metadata = metadata if metadata is not None else read_metadata(folder)
    if metadata is None:
        return [Finding(folder, "", "", "METADATA", {"path": folder, "name": METADATA_NAME})]
    counts = metadata.get("记录数", {})
    findings = []
    for driver, path in ((FGDB, os.path.join(folder, GDB_NAME)), (SHAPEFILE, os.path.join(folder, SHP_FOLDER))):
        if FORMAT_NAMES[driver] not in metadata.get("格式", []):
            continue
        expected = [layer for layer in expected_layers(bool(metadata.get("扩展字段")), "JBNTTH" in counts, driver)
                    if layer.name in counts]
        with shapefile_encoding():
            findings += check_database(path, expected, counts)
    return findings


def write_report(path: str, findings: Sequence[Finding], folder: str) -> None:
    """The self-check report (Chinese, UTF-8 with BOM for Excel): one line per problem, then the verdict."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("序号", "文件", "图层", "要素", "检查项", "问题"))
        for n, finding in enumerate(findings, 1):
            writer.writerow((n, os.path.relpath(finding.path, folder), finding.layer, finding.feature, finding.check,
                             finding.chinese()))
        writer.writerow(())
        writer.writerow((("自检未通过：{n} 个问题，交付不完整。" if findings else "自检通过：交付完整。").format(n=len(findings)),))
