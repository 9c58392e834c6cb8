"""Write small real GeoPackage / shapefile layers with GDAL (not with the code under test)."""
from __future__ import annotations

from typing import Dict, Optional, Sequence

from osgeo import ogr, osr

ogr.UseExceptions()
OGR_TYPES = {"text": ogr.OFTString, "int": ogr.OFTInteger, "real": ogr.OFTReal}
GEOM_TYPES = {"polygon": ogr.wkbPolygon, "multipolygon": ogr.wkbMultiPolygon, "point": ogr.wkbPoint,
              "line": ogr.wkbLineString, "none": ogr.wkbNone, "curvepolygon": ogr.wkbCurvePolygon}


def write_layer(path: str, name: str, epsg: Optional[int], geometry: str, fields: Dict[str, str],
                rows: Sequence[dict], driver: str = "GPKG", layer_options: Sequence[str] = ()) -> None:
    """Append layer ``name`` to ``path`` (created when absent). ``rows``: dicts of field values + "wkt"."""
    drv = ogr.GetDriverByName(driver)
    import os

    ds = ogr.Open(path, 1) if os.path.exists(path) and driver == "GPKG" else drv.CreateDataSource(path)
    srs = None
    if epsg:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    layer = ds.CreateLayer(name, srs, GEOM_TYPES[geometry], list(layer_options))
    for fname, ftype in fields.items():
        layer.CreateField(ogr.FieldDefn(fname, OGR_TYPES[ftype]))
    defn = layer.GetLayerDefn()
    for row in rows:
        feature = ogr.Feature(defn)
        if "fid" in row:
            feature.SetFID(row["fid"])
        for fname in fields:
            if row.get(fname) is not None:
                feature.SetField(fname, row[fname])
        if row.get("wkt"):
            geom = ogr.CreateGeometryFromWkt(row["wkt"])
            if geometry == "multipolygon" and geom.GetGeometryType() == ogr.wkbPolygon:
                geom = ogr.ForceToMultiPolygon(geom)
            feature.SetGeometry(geom)
        layer.CreateFeature(feature)
    ds = None
