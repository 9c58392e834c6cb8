"""The delivery's files through GDAL: write the layers (File Geodatabase, shapefile set in GBK, GeoPackage) and
the layout of a delivery folder. QGIS-free (osgeo.ogr); the self-check is cadastre/database/delivery_check.py.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from typing import Dict, List, Optional, Sequence

import shapely
from osgeo import gdal, ogr, osr

from .. import schema
from .delivery import Rows
from .delivery_dictionary import DeliveryLayer, layers, shapefile_layer

FGDB, SHAPEFILE, GPKG = "OpenFileGDB", "ESRI Shapefile", "GPKG"
SHAPEFILE_ENCODING = "CP936"  # GBK; GDAL writes it into each .cpg
OGR_TYPES = {schema.TEXT: ogr.OFTString, schema.INT: ogr.OFTInteger, schema.REAL: ogr.OFTReal, schema.DATE: ogr.OFTDate}
GEOMETRY_TYPES = {schema.POLYGON: ogr.wkbMultiPolygon, schema.LINE: ogr.wkbMultiLineString, schema.POINT: ogr.wkbPoint,
                  schema.NONE: ogr.wkbNone}
def _wkbs(geometries, kind) -> list:
    """2-D WKB of each geometry (None where there is none), polygons and lines as their multi types."""
    present = [i for i, g in enumerate(geometries) if g is not None]
    out = [None] * len(geometries)
    if kind == schema.NONE or not present:
        return out
    array = shapely.force_2d(list(geometries[i] for i in present))
    multi = {schema.POLYGON: (3, shapely.MultiPolygon), schema.LINE: (1, shapely.MultiLineString)}.get(kind)
    if multi is not None:
        single = shapely.get_type_id(array) == multi[0]
        array[single] = [multi[1]([g]) for g in array[single]]
    for i, wkb in zip(present, shapely.to_wkb(array, output_dimension=2)):
        out[i] = wkb
    return out


def _set(feature, index, value, type_):
    if type_ == schema.DATE:
        if isinstance(value, str):
            value = dt.date.fromisoformat(value.replace("/", "-")[:10])
        feature.SetField(index, value.year, value.month, value.day, 0, 0, 0, 0)
    elif type_ == schema.INT:
        feature.SetField(index, int(value))
    elif type_ == schema.REAL:
        feature.SetField(index, float(value))
    else:
        feature.SetField(index, str(value))


@contextlib.contextmanager
def shapefile_encoding():
    """GBK for shapefiles while it lasts: QGIS sets SHAPE_ENCODING to '' (no recoding), which wins over ENCODING."""
    before = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", SHAPEFILE_ENCODING)
    try:
        yield
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", before)


def too_long(rows: Rows) -> Dict[str, int]:
    """Field → number of texts longer in GBK than the field's width (a shapefile cuts them; GBK takes 2 bytes a
    Chinese character)."""
    found: Dict[str, int] = {}
    for index, f in enumerate(rows.layer.fields):
        if f.type == schema.TEXT and f.length:
            n = sum(1 for values in rows.values if isinstance(values[index], str)
                    and len(values[index].encode("gbk", "replace")) > f.length)
            if n:
                found[f.name] = n
    return found


def write_database(path: str, driver: str, layers: Sequence[Rows], epsg: int) -> None:
    """Write ``layers`` to a new data source at ``path`` (a .gdb or shapefile folder, or a .gpkg file)."""
    with shapefile_encoding():
        _write_database(path, driver, layers, epsg)


def _write_database(path: str, driver: str, layers: Sequence[Rows], epsg: int) -> None:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    source = ogr.GetDriverByName(driver).CreateDataSource(path)
    if source is None:
        raise OSError(f"GDAL could not create {path} with {driver}")
    options = [f"ENCODING={SHAPEFILE_ENCODING}"] if driver == SHAPEFILE else []
    for rows in layers:
        kind = rows.layer.geometry
        layer = source.CreateLayer(rows.layer.name, srs if kind != schema.NONE else None, GEOMETRY_TYPES[kind], options)
        for f in rows.layer.fields:
            definition = ogr.FieldDefn(f.name, OGR_TYPES[f.type])
            definition.SetWidth(f.length if f.type in (schema.TEXT, schema.REAL) else 0)
            definition.SetPrecision(f.precision if f.type == schema.REAL else 0)
            definition.SetAlternativeName(f.alias)
            layer.CreateField(definition)
        layer.StartTransaction()
        defn = layer.GetLayerDefn()
        types = [f.type for f in rows.layer.fields]
        for values, wkb in zip(rows.values, _wkbs(rows.geometries, kind)):
            feature = ogr.Feature(defn)  # a field not set is NULL
            for index, (type_, value) in enumerate(zip(types, values)):
                if value is not None and value != "":
                    _set(feature, index, value, type_)
            if wkb is not None:
                feature.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
            layer.CreateFeature(feature)
        layer.CommitTransaction()
    source.FlushCache()
    source = None


# --- a delivery folder -------------------------------------------------------------------------------------
GDB_NAME, SHP_FOLDER, METADATA_NAME, REPORT_NAME = "delivery.gdb", "shp", "metadata.json", "self_check.csv"
DICTIONARY_NAME, CHANGES_NAME = "data_dictionary", "changes.csv"
FORMAT_NAMES = {FGDB: "FileGDB", SHAPEFILE: "Shapefile"}


def expected_layers(extensions: bool, overlay: bool, driver: str) -> List[DeliveryLayer]:
    found = list(layers(extensions, overlay))
    return [shapefile_layer(layer) for layer in found] if driver == SHAPEFILE else found


def read_metadata(folder: str) -> Optional[dict]:
    try:
        with open(os.path.join(folder, METADATA_NAME), encoding="utf-8") as handle:
            metadata = json.load(handle)
    except (OSError, ValueError):
        return None
    return metadata if isinstance(metadata, dict) else None  # e.g. a list: not our metadata
