"""A fixed corpus of bad inputs and parameters for every algorithm of the provider (tests/test_bad_input_corpus.py).

The good data is a three-parcel cut of the clean village (sample_data/clean_village.gpkg); every bad layer or file
is derived from it with GDAL/openpyxl (never with the code under test), deterministically. A case is one algorithm,
its parameters with one input or output replaced by a bad one, the input files whose bytes must not change and the
outputs that may exist only if the algorithm succeeded.
"""
from __future__ import annotations

import os
import random
import shutil
from dataclasses import dataclass
from typing import Callable, Dict, List

from osgeo import gdal, ogr

gdal.UseExceptions()
ogr.UseExceptions()

SAMPLE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "sample_data")
CLEAN = os.path.join(SAMPLE, "clean_village.gpkg")
CASS = os.path.join(SAMPLE, "demo_village_points.dat")
PARCELS = (1, 2, 3)  # fids of the clean village's parcels in the cut
FIVE_MB = 5 * 1024 * 1024

# Cases other developers are fixing at the same time (issue #14): kept out of the corpus until their branches are
# merged; add the kind to LAYER_KINDS / FILE_KINDS then.
KNOWN_ELSEWHERE = {
    "nan_inf_coordinates": "NaN/Inf coordinates",
    "fullwidth_codes": "full-width digits in codes",
    "overlong_codes": "over-long codes",
    "epsg_3857": "measuring in EPSG:3857",
    "truncated_dxf": "DXF round trip / truncated DXF",
    "gbk_shapefile": "GBK shapefiles",
}


@dataclass
class Case:
    """One run: ``algorithm`` with ``parameters``; ``inputs`` must keep their bytes, ``outputs`` (final paths)
    may exist afterwards only when the run succeeded, ``folder`` holds the case's outputs."""

    id: str
    algorithm: str
    parameters: dict
    inputs: List[str]
    outputs: List[str]
    folder: str


# ---------------------------------------------------------------------------------------------------------- good data

def village(folder: str) -> str:
    """The three-parcel village: its parcels and whatever of every other layer lies within 20 m of them."""
    path = os.path.join(folder, "village.gpkg")
    if os.path.exists(path):
        return path
    source = ogr.Open(CLEAN)
    zd = source.GetLayerByName("ZD")
    zd.SetAttributeFilter(f"fid IN ({','.join(map(str, PARCELS))})")
    extent, codes = None, []
    for feature in zd:
        envelope = feature.GetGeometryRef().GetEnvelope()
        extent = envelope if extent is None else (min(extent[0], envelope[0]), max(extent[1], envelope[1]),
                                                  min(extent[2], envelope[2]), max(extent[3], envelope[3]))
        codes.append(feature.GetField("ZDDM"))
    box = (extent[0] - 20, extent[2] - 20, extent[1] + 20, extent[3] + 20)
    quoted = ",".join(f"'{c}'" for c in codes)
    filters = {"ZD": dict(where=f"fid IN ({','.join(map(str, PARCELS))})"), "QLR": dict(where=f"ZDDM IN ({quoted})")}
    for name in ("ZD", "ZRZ", "JBNT", "DXT_FW", "DXT_DL", "DXT_SX", "JZD", "JZX", "QLR"):
        options = filters.get(name, dict(spatFilter=box))
        gdal.VectorTranslate(path, CLEAN, options=gdal.VectorTranslateOptions(
            layers=[name], accessMode="append" if os.path.exists(path) else None, format="GPKG", **options))
    return path


def coordinate_csv(folder: str) -> str:
    """A good coordinate file: one 20 × 12.5 m parcel, closed."""
    path = os.path.join(folder, "points.csv")
    corners = [(3069020, 37597000), (3069020, 37597012.5), (3069000, 37597012.5), (3069000, 37597000)]
    rows = [f"430102001001JC00001,J{i},{x:.3f},{y:.3f}" for i, (x, y) in enumerate(corners + corners[:1], 1)]
    _write(path, ("宗地代码,点号,X,Y\r\n" + "\r\n".join(rows) + "\r\n").encode("utf-8"))
    return path


def coordinate_xlsx(folder: str) -> str:
    import openpyxl

    path = os.path.join(folder, "points.xlsx")
    book = openpyxl.Workbook()
    sheet = book.active
    with open(coordinate_csv(folder), encoding="utf-8") as handle:
        for line in handle.read().split():
            sheet.append([_number(v) for v in line.split(",")])
    book.save(path)
    return path


def _number(text):
    try:
        return float(text)
    except ValueError:
        return text


def _write(path: str, data: bytes) -> str:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
    return path


def garbage(size: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)


# ---------------------------------------------------------------------------------------------------- bad layer kinds

def _points(geometry) -> list:
    return [geometry.GetPoint_2D(i) for i in range(geometry.GetPointCount())]


def _map_rings(geometry, change: Callable[[list], list]):
    """A copy of ``geometry`` with the point list of every ring, line or point passed through ``change``."""
    copy = geometry.Clone()
    parts = [copy]
    while parts:
        part = parts.pop()
        if part.GetGeometryCount():
            parts += [part.GetGeometryRef(i) for i in range(part.GetGeometryCount())]
        elif part.GetPointCount():
            points = change(_points(part))
            part.Empty()
            for x, y in points:
                part.AddPoint_2D(x, y)
    return copy


def _doubled(points):
    return [p for point in points for p in (point, point)]


def _collinear(points):
    y = points[0][1]
    return [(x, y) for x, _y in points]


def _collapsed(points):
    return [points[0]] * max(len(points), 4)


def _gc(geometry):
    collection = ogr.Geometry(ogr.wkbGeometryCollection)
    collection.AddGeometry(geometry)
    centre = geometry.Centroid()
    collection.AddGeometry(centre)
    line = ogr.Geometry(ogr.wkbLineString)
    line.AddPoint_2D(centre.GetX(), centre.GetY())
    line.AddPoint_2D(centre.GetX() + 3, centre.GetY() + 3)
    collection.AddGeometry(line)
    return collection


def _zm(geometry):
    copy = geometry.Clone()
    copy.Set3D(True)
    copy.SetMeasured(True)
    return copy


MULTI = {ogr.wkbPoint: ogr.wkbMultiPoint, ogr.wkbLineString: ogr.wkbMultiLineString, ogr.wkbPolygon: ogr.wkbMultiPolygon}


def _multi_type(geometry_type: int) -> int:
    flat = ogr.GT_Flatten(geometry_type)
    return MULTI.get(flat, flat)


def _multipart(geometry):
    """The geometry and a copy 500 m away, as one multi-part geometry."""
    far = _map_rings(geometry, lambda points: [(x + 500, y + 500) for x, y in points])
    multi = ogr.ForceTo(geometry.Clone(), _multi_type(geometry.GetGeometryType()))
    far = ogr.ForceTo(far, multi.GetGeometryType())
    for i in range(far.GetGeometryCount()):
        multi.AddGeometry(far.GetGeometryRef(i))
    return multi


# kind → (geometry type of the copy or None to keep it, geometry change, attributes: "keep" | "null" | "text" | "none",
#         features kept: "all" | "none")
GEOMETRY_KINDS = {
    "geometrycollection": (ogr.wkbGeometryCollection, _gc, "keep", "all"),
    "duplicate_vertices": (None, lambda g: _map_rings(g, _doubled), "keep", "all"),
    "tripled_vertices": (None, lambda g: _map_rings(g, lambda points: [p for p in points for _ in range(3)]), "keep", "all"),
    "collapsed_vertices": (None, lambda g: _map_rings(g, _collapsed), "keep", "all"),
    "zero_area_sliver": (None, lambda g: _map_rings(g, _collinear), "keep", "all"),
    "z_m": ("zm", _zm, "keep", "all"),
    "multipart": ("multi", _multipart, "keep", "all"),
    "null_geometry": (None, lambda g: None, "keep", "all"),
    "empty_layer": (None, None, "keep", "none"),
    "all_null_attributes": (None, None, "null", "all"),
    "wrong_field_types": (None, None, "text", "all"),
    "missing_fields": (None, None, "none", "all"),
}


def derived_layer(source_path: str, layer_name: str, kind: str, folder: str) -> str:
    """``layer_name`` of ``source_path`` changed as ``kind`` says, written to its own GeoPackage; the layer URI."""
    path = os.path.join(folder, f"{layer_name}-{kind}.gpkg")
    uri = f"{path}|layername={layer_name}"
    if os.path.exists(path):
        return uri
    geometry_type, change, attributes, features = GEOMETRY_KINDS[kind]
    dataset = ogr.Open(source_path)
    source = dataset.GetLayerByName(layer_name)
    kept_type = source.GetGeomType()
    if geometry_type == "zm":
        kept_type = ogr.GT_SetM(ogr.GT_SetZ(kept_type))
    elif geometry_type == "multi":
        kept_type = _multi_type(kept_type)
    elif geometry_type is not None:
        kept_type = geometry_type
    target = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = target.CreateLayer(layer_name, source.GetSpatialRef(), kept_type)
    definition = source.GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    if attributes != "none":
        for i, name in enumerate(names):
            kept = definition.GetFieldDefn(i)
            layer.CreateField(ogr.FieldDefn(name, ogr.OFTString) if attributes == "text" else kept)
    target.StartTransaction()
    for feature in source if features == "all" else []:
        copy = ogr.Feature(layer.GetLayerDefn())
        if attributes == "keep":
            for name in names:
                copy.SetField(name, feature.GetField(name))
        elif attributes == "text":
            for name in names:
                copy.SetField(name, "不是数字 x")
        geometry = feature.GetGeometryRef()
        if geometry is not None and geometry_type != "none":
            geometry = change(geometry) if change else geometry
            if geometry is not None:
                copy.SetGeometry(geometry)
        layer.CreateFeature(copy)
    target.CommitTransaction()
    target = None
    return uri


def csv_layer_with_huge_field(source_path: str, layer_name: str, folder: str) -> str:
    """The layer as a CSV (geometry in a WKT column) whose first text field of the first row is 5 MB long."""
    path = os.path.join(folder, f"{layer_name}-5mb.csv")
    if not os.path.exists(path):
        gdal.VectorTranslate(path, source_path, options=gdal.VectorTranslateOptions(
            layers=[layer_name], format="CSV", layerCreationOptions=["GEOMETRY=AS_WKT"]))
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
        header = lines[0].split(",")
        column = next((i for i, name in enumerate(header) if name.strip('"') in ("QLRMC", "ZDDM", "BZ", "JZDH", "ZJH")), 1)
        first = _split_csv(lines[1])
        first[column] = '"' + "长" * (FIVE_MB // 3) + '"'
        lines[1] = ",".join(first)
        _write(path, ("\n".join(lines) + "\n").encode("utf-8"))
    return path


def _split_csv(line: str) -> list:
    import csv

    return [f'"{v}"' for v in next(csv.reader([line]))]


FILE_BAD_KINDS = ["missing", "empty_file", "garbage.gpkg", "garbage.shp", "garbage.csv", "garbage.xlsx",
                  "garbage.dxf", "truncated.gpkg", "truncated.shp", "a_folder"]


def bad_file(kind: str, folder: str, good: str, layer_name: str = "") -> str:
    """A path for file ``kind``: the good file ``good`` (a GeoPackage, shapefile, CSV or XLSX) spoiled."""
    stem = os.path.join(folder, f"{layer_name or 'file'}-{kind}")
    suffix = f"|layername={layer_name}" if layer_name else ""
    if kind == "missing":
        return os.path.join(folder, "does-not-exist", "missing.gpkg") + suffix
    if kind == "empty_file":
        return _write(stem + ".gpkg", b"") + suffix
    if kind == "a_folder":
        os.makedirs(stem + ".gpkg", exist_ok=True)
        return stem + ".gpkg" + suffix
    if kind.startswith("garbage."):
        extension = kind.split(".", 1)[1]
        return _write(f"{stem}.{extension}", garbage(4096, sum(map(ord, kind)))) + (suffix if extension == "gpkg" else "")
    if kind == "truncated.gpkg":
        with open(good.split("|")[0], "rb") as handle:
            data = handle.read()
        return _write(stem + ".gpkg", data[: len(data) // 3]) + suffix
    if kind == "truncated.shp":
        shp = stem + ".shp"
        if not os.path.exists(shp):
            options = dict(layers=[layer_name]) if layer_name else {}
            gdal.VectorTranslate(shp, good.split("|")[0], options=gdal.VectorTranslateOptions(
                format="ESRI Shapefile", layerCreationOptions=["ENCODING=UTF-8"], **options))
            for extension in (".shp", ".dbf"):
                with open(stem + extension, "rb") as handle:
                    data = handle.read()
                _write(stem + extension, data[: max(len(data) // 2, 120)])
        return shp
    raise ValueError(kind)


# ----------------------------------------------------------------------------------------------------- bad text files

def bad_text_files(folder: str, good_csv: str, good_xlsx: str) -> Dict[str, str]:
    """Coordinate and import files spoiled in content (the files parse, the values do not)."""
    import openpyxl

    with open(good_csv, encoding="utf-8") as handle:
        header, *rows = handle.read().splitlines()
    files = {
        "csv_5mb_field": header + "\r\n" + rows[0].replace("J1", "J" + "1" * FIVE_MB) + "\r\n" + "\r\n".join(rows[1:]),
        "csv_text_coordinates": header + "\r\n" + "\r\n".join(r.rsplit(",", 2)[0] + ",北,东" for r in rows),
        "csv_missing_columns": "甲,乙\r\n1,2\r\n",
        "csv_header_only": header + "\r\n",
        "csv_ragged_rows": header + "\r\n" + "\r\n".join(r + ",,,extra" if i % 2 else r[:12] for i, r in enumerate(rows)),
        "csv_not_closed": header + "\r\n" + "\r\n".join(rows[:-1]),
        "csv_two_points": header + "\r\n" + "\r\n".join(rows[:2]),
        "csv_duplicate_points": header + "\r\n" + "\r\n".join([rows[0]] * 5),
        "csv_utf16": None,
    }
    out = {}
    for name, text in files.items():
        path = os.path.join(folder, name + ".csv")
        if name == "csv_utf16":
            with open(good_csv, encoding="utf-8") as handle:
                _write(path, handle.read().encode("utf-16"))
        else:
            _write(path, text.encode("utf-8"))
        out[name] = path
    empty_book = os.path.join(folder, "xlsx_empty_sheet.xlsx")
    openpyxl.Workbook().save(empty_book)
    out["xlsx_empty_sheet"] = empty_book
    with open(good_xlsx, "rb") as handle:
        data = handle.read()
    out["xlsx_truncated"] = _write(os.path.join(folder, "xlsx_truncated.xlsx"), data[: len(data) // 2])
    huge = os.path.join(folder, "xlsx_5mb_cell.xlsx")
    book = openpyxl.load_workbook(good_xlsx)
    book.active["B2"] = "J" + "1" * FIVE_MB
    book.save(huge)
    out["xlsx_5mb_cell"] = huge
    return out


def copy_tree(source: str, target: str) -> str:
    if not os.path.exists(target):
        shutil.copytree(source, target)
    return target


# ------------------------------------------------------------------------------------------------------ the corpus

# the village layer a layer parameter gets, by parameter name (else by geometry type)
LAYER_FOR = {"BUILDINGS": "ZRZ", "HOUSES": "ZRZ", "FARMLAND": "JBNT", "BASEMAP": "DXT_FW", "ROADS": "DXT_DL",
             "POINTS": "JZD", "LINES": "JZX", "HOLDERS": "QLR", "HOUSEHOLDS": "QLR"}
NOT_IN_BASE = {"OVERLAPS", "QUALITY_ERRORS"}  # optional layers left out of the good parameters
BY_TYPE = {0: "JZD", 1: "JZX", 2: "ZD", 5: "QLR"}
QUICK = {"DPI": 50, "WORKERS": 1}  # the lowest resolution: the maps are drawn, quickly
# the bad layers of an optional layer parameter (the primary input gets them all)
SECONDARY_KINDS = ["missing", "garbage.gpkg", "geometrycollection", "duplicate_vertices", "z_m", "wrong_field_types"]
# string parameters whose value the algorithm parses (free text such as names is only printed)
PARSED_STRINGS = {"POLICY", "FEATURE_IDS", "RESULTS_JSON", "SHEETS", "START", "DATE", "MAPPING", "PRESET",
                  "SAVE_PRESET", "LAYER", "VILLAGE", "CLASSES", "CODE_COLUMN", "POINT_COLUMN", "X_COLUMN",
                  "Y_COLUMN", "SHEET", "SURVEY_DATE", "ROAD_NAME_FIELD", "FONT", "SCHEMA"}
BAD_STRINGS = ["不存在 ../?*|;'\"", "{\"ZDDM\": [1, 2", "-1,abc,,99999999999999999999"]


def _extension(definition) -> str:
    """The file extension of a file destination (from its filter), 'gpkg' for sinks."""
    from qgis.core import QgsProcessingParameterFileDestination

    if isinstance(definition, QgsProcessingParameterFileDestination):
        text = definition.fileFilter()
        return text.split("*.", 1)[1].split(")", 1)[0].split()[0] if "*." in text else "txt"
    return "gpkg"


def _layer(definition, village_path: str) -> str:
    name = definition.name()
    if name in LAYER_FOR:
        return LAYER_FOR[name]
    types = [t for t in definition.dataTypes() if t in BY_TYPE] if hasattr(definition, "dataTypes") else []
    return BY_TYPE[types[0]] if types else "ZD"


def corpus(root: str, algorithms, delivery: str) -> List[Case]:
    """The cases for ``algorithms`` (the provider's), their files under ``root``; ``delivery`` is a good
    delivery folder (for checkdelivery)."""
    from qgis.core import (
        QgsProcessingParameterBoolean,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterFile,
        QgsProcessingParameterFolderDestination,
        QgsProcessingParameterMultipleLayers,
        QgsProcessingParameterNumber,
        QgsProcessingParameterString,
        QgsProcessingParameterVectorLayer,
    )

    data = os.path.join(root, "inputs")
    os.makedirs(data, exist_ok=True)
    good = village(data)
    points_csv, points_xlsx = coordinate_csv(data), coordinate_xlsx(data)
    texts = bad_text_files(data, points_csv, points_xlsx)
    cases: List[Case] = []
    layer_types = (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer)

    def layer_variants(layer_name: str, kinds) -> Dict[str, str]:
        uri = f"{good}|layername={layer_name}"
        out = {}
        for kind in kinds:
            if kind in GEOMETRY_KINDS:
                out[kind] = derived_layer(good, layer_name, kind, data)
            elif kind == "csv_5mb_field":
                out[kind] = csv_layer_with_huge_field(good, layer_name, data)
            elif kind == "wrong_geometry_type":
                out[kind] = f"{good}|layername={'JZD' if layer_name != 'JZD' else 'ZD'}"
            else:
                out[kind] = bad_file(kind, data, uri, layer_name)
        return out

    def file_variants(name: str, algorithm: str) -> Dict[str, str]:
        out = {kind: bad_file(kind, data, good) for kind in FILE_BAD_KINDS if kind != "truncated.shp"}
        if name == "TEMPLATE":
            out["not_a_layout.qpt"] = _write(os.path.join(data, "not_a_layout.qpt"), b"<?xml version='1.0'?><Nope/>")
            out["garbage.qpt"] = _write(os.path.join(data, "garbage.qpt"), garbage(2048, 7))
        elif name == "PREVIOUS":
            out["garbage.json"] = _write(os.path.join(data, "garbage.json"), b"{\"parcels\": [1, 2")
            out["list.json"] = _write(os.path.join(data, "list.json"), b"[1, 2, 3]")
        else:
            out.update(texts)
            if algorithm == "importsurvey":
                out.update({f"layer_{kind}": derived_layer(good, "ZD", kind, data).split("|")[0] for kind in GEOMETRY_KINDS})
                out["csv_layer_5mb_field"] = csv_layer_with_huge_field(good, "ZD", data)
        return out

    def delivery_variants() -> Dict[str, str]:
        out = {"missing": os.path.join(data, "no-delivery"), "a_file": points_csv}
        empty = os.path.join(data, "delivery-empty")
        os.makedirs(empty, exist_ok=True)
        out["empty_folder"] = empty
        for kind, spoil in (("garbage_metadata", lambda f: _write(os.path.join(f, "metadata.json"), b"{\"counts\": [")),
                            ("metadata_list", lambda f: _write(os.path.join(f, "metadata.json"), b"[]")),
                            ("no_gdb", lambda f: shutil.rmtree(os.path.join(f, "delivery.gdb"))),
                            ("garbage_gdb", lambda f: _garble_folder(os.path.join(f, "delivery.gdb"))),
                            ("garbage_shp", lambda f: _garble_folder(os.path.join(f, "shp"))),
                            ("no_shp", lambda f: shutil.rmtree(os.path.join(f, "shp")))):
            folder = os.path.join(data, f"delivery-{kind}")
            if not os.path.exists(folder):
                shutil.copytree(delivery, folder)
                spoil(folder)
            out[kind] = folder
        return out

    for algorithm in sorted(algorithms, key=lambda a: a.name()):
        name = algorithm.name()
        definitions = algorithm.parameterDefinitions()
        inputs = [d for d in definitions if not d.isDestination()]
        base, input_names, primary = {}, [], None
        for d in inputs:
            optional = bool(d.flags() & d.FlagOptional)
            if isinstance(d, layer_types) and d.name() not in NOT_IN_BASE:
                base[d.name()] = f"{good}|layername={_layer(d, good)}"
            elif isinstance(d, QgsProcessingParameterMultipleLayers) and d.name() not in NOT_IN_BASE:
                base[d.name()] = [f"{good}|layername={_layer(d, good)}"]
            elif isinstance(d, QgsProcessingParameterFile) and not optional:
                base[d.name()] = {"parcelsfrompoints": points_csv, "checkdelivery": delivery}.get(name, good)
                if name == "importsurvey":
                    base["LAYER"] = "ZD"
            elif d.name() in QUICK:
                base[d.name()] = QUICK[d.name()]
            else:
                continue
            input_names.append(d.name())
            if primary is None and not optional:
                primary = d.name()

        def add(variant: str, changes: dict, outputs_changes: Callable = None, algorithm=algorithm, base=base,
                name=name, input_names=input_names):
            index = len(cases)
            folder = os.path.join(root, "cases", f"{index:04d}")
            os.makedirs(folder, exist_ok=True)
            parameters = {**base, **changes}
            outputs = []
            for d in algorithm.destinationParameterDefinitions():
                if isinstance(d, QgsProcessingParameterFolderDestination):
                    path = os.path.join(folder, d.name())
                else:
                    path = os.path.join(folder, f"{d.name()}.{_extension(d)}")
                parameters[d.name()] = path
            if outputs_changes:
                outputs_changes(parameters, folder)
            for d in algorithm.destinationParameterDefinitions():
                path = parameters[d.name()]
                if not os.path.exists(path):
                    outputs.append(path)
            cases.append(Case(f"{name}/{variant}", name, parameters, _input_files(parameters, input_names),
                              outputs, folder))

        add("good", {})
        for d in inputs:
            pname = d.name()
            if isinstance(d, layer_types + (QgsProcessingParameterMultipleLayers,)):
                layer_name = _layer(d, good)
                kinds = (FILE_BAD_KINDS + list(GEOMETRY_KINDS) + ["csv_5mb_field", "wrong_geometry_type"]
                         if pname == primary else SECONDARY_KINDS)
                multiple = isinstance(d, QgsProcessingParameterMultipleLayers)
                for kind, uri in layer_variants(layer_name, kinds).items():
                    add(f"{pname}={kind}", {pname: [uri] if multiple else uri})
            elif isinstance(d, QgsProcessingParameterFile):
                variants = delivery_variants() if name == "checkdelivery" else file_variants(pname, name)
                for kind, path in variants.items():
                    add(f"{pname}={kind}", {pname: path})
            elif isinstance(d, QgsProcessingParameterString) and pname in PARSED_STRINGS:
                for i, text in enumerate(BAD_STRINGS):
                    add(f"{pname}=bad{i}", {pname: text})
            elif isinstance(d, QgsProcessingParameterNumber) and pname not in QUICK:
                low = d.minimum() if d.minimum() > -1e300 else -1.0
                add(f"{pname}=minimum", {pname: low})
            elif isinstance(d, QgsProcessingParameterBoolean):
                add(f"{pname}=flipped", {pname: not d.defaultValue()})
        for d in algorithm.destinationParameterDefinitions():
            pname = d.name()
            folder_output = isinstance(d, QgsProcessingParameterFolderDestination)

            def under_a_file(parameters, folder, pname=pname):
                blocker = _write(os.path.join(folder, "a-file.txt"), b"not a folder")
                parameters[pname] = os.path.join(blocker, os.path.basename(parameters[pname]))

            def existing_other(parameters, folder, pname=pname, folder_output=folder_output):
                path = parameters[pname]
                if folder_output:
                    _write(path, b"a file where the folder goes")
                else:
                    os.makedirs(path, exist_ok=True)

            add(f"{pname}=under_a_file", {}, under_a_file)
            add(f"{pname}={'existing_file' if folder_output else 'existing_folder'}", {}, existing_other)
    return cases


def _garble_folder(folder: str) -> None:
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if os.path.isfile(path) and os.path.getsize(path) > 0:
            _write(path, garbage(min(os.path.getsize(path), 512), len(name)))


def _input_files(parameters: dict, names: List[str]) -> List[str]:
    """The files (with shapefile sidecars, folders' files) the input parameters ``names`` read."""
    files = set()
    for name in names:
        values = parameters.get(name)
        for value in values if isinstance(values, list) else [values]:
            if not isinstance(value, str):
                continue
            path = value.split("|")[0]
            if os.path.isdir(path):
                files.update(os.path.join(top, f) for top, _dirs, fs in os.walk(path) for f in fs)
            elif os.path.isfile(path):
                stem = os.path.splitext(path)[0]
                folder = os.path.dirname(path)
                files.update(os.path.join(folder, f) for f in os.listdir(folder)
                             if os.path.splitext(os.path.join(folder, f))[0] == stem)
    return sorted(files)
