"""Write layers of cadastre/schema.py into a GeoPackage with OGR, reproducibly (the same bytes every run)."""
from __future__ import annotations

import os
import struct
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from osgeo import gdal, ogr, osr

from cadastre import schema

# gpkg_contents.last_change is "now" unless this is set: fix it so that two runs give the same bytes.
FIXED_DATE = "2020-05-13T00:00:00.000Z"
OGR_TYPES = {
    schema.TEXT: ogr.OFTString,
    schema.INT: ogr.OFTInteger,
    schema.REAL: ogr.OFTReal,
    schema.DATE: ogr.OFTDate,
    schema.DATETIME: ogr.OFTDateTime,
}
GEOMETRY_TYPES = {
    schema.POLYGON: ogr.wkbMultiPolygon,
    schema.LINE: ogr.wkbLineString,
    schema.POINT: ogr.wkbPoint,
    schema.NONE: ogr.wkbNone,
}

Ring = Sequence[Tuple[float, float]]


def multipolygon_wkb(ring: Ring) -> bytes:
    """Little-endian WKB of a MultiPolygon with one polygon of one ring (closed here)."""
    points = list(ring) + [ring[0]]
    parts = [struct.pack("<BII", 1, 6, 1), struct.pack("<BII", 1, 3, 1), struct.pack("<I", len(points))]
    parts += [struct.pack("<dd", x, y) for x, y in points]
    return b"".join(parts)


def field_defn(f: schema.Field) -> ogr.FieldDefn:
    defn = ogr.FieldDefn(f.name, OGR_TYPES[f.type])
    if f.type in (schema.TEXT, schema.REAL) and f.length:
        defn.SetWidth(f.length)
    if f.type == schema.REAL and f.precision:
        defn.SetPrecision(f.precision)
    return defn


def write(path: str, epsg: int, layers: Iterable[Tuple[schema.Layer, List[Dict[str, object]], Optional[List[bytes]]]]) -> None:
    """Create ``path`` (replacing it) with one table per (schema layer, attribute rows, WKB geometries).

    Rows are dicts keyed by schema field name; missing keys are NULL. Dates are (year, month, day) tuples.
    Features get fids 1, 2, ... in list order. Everything is written in one transaction.
    """
    gdal.SetConfigOption("OGR_CURRENT_DATE", FIXED_DATE)
    gdal.SetConfigOption("OGR_SQLITE_SYNCHRONOUS", "OFF")
    if os.path.exists(path):
        os.remove(path)
    driver = ogr.GetDriverByName("GPKG")
    ds = driver.CreateDataSource(path, options=["VERSION=1.2"])
    if ds is None:
        raise OSError(f"cannot create {path}")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    layers = list(layers)
    created = []
    for layer_schema, _rows, _wkbs in layers:
        geometry = GEOMETRY_TYPES[layer_schema.geometry]
        options = [f"IDENTIFIER={layer_schema.alias}", f"DESCRIPTION={layer_schema.title}", "FID=fid"]
        if geometry != ogr.wkbNone:
            options.append("GEOMETRY_NAME=geom")
        layer = ds.CreateLayer(layer_schema.name, srs if geometry != ogr.wkbNone else None, geometry, options)
        for f in layer_schema.fields:
            if layer.CreateField(field_defn(f)) != 0:
                raise OSError(f"cannot create field {layer_schema.name}.{f.name}")
        created.append(layer)
    ds.StartTransaction()
    for layer, (layer_schema, rows, wkbs) in zip(created, layers):
        _features(layer, layer_schema, rows, wkbs)
    ds.CommitTransaction()
    ds = None
    gdal.SetConfigOption("OGR_CURRENT_DATE", None)
    gdal.SetConfigOption("OGR_SQLITE_SYNCHRONOUS", None)


def _features(layer, layer_schema: schema.Layer, rows, wkbs) -> None:
    defn = layer.GetLayerDefn()
    columns = [(i, f.name, f.type) for i, f in enumerate(layer_schema.fields)]
    for n, row in enumerate(rows):
        feature = ogr.Feature(defn)
        feature.SetFID(n + 1)
        for i, name, kind in columns:
            value = row.get(name)
            if value is None:
                continue
            if kind == schema.DATE:
                year, month, day = value
                feature.SetField(i, year, month, day, 0, 0, 0, 0)
            elif kind == schema.DATETIME:
                feature.SetField(i, *value)
            else:
                feature.SetField(i, value)
        if wkbs is not None:
            feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkbs[n]))
        if layer.CreateFeature(feature) != 0:
            raise OSError(f"cannot write feature {n + 1} of {layer_schema.name}")
