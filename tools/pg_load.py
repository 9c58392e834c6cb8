#!/usr/bin/env python3
"""Copy the layers of a survey GeoPackage into a PostGIS survey schema made by homestead:createproject,
keeping every feature id (so findings name the same fids in both), through GDAL (COPY, fast for 100k rows).

    pg_load.py SURVEY.gpkg "host=... dbname=... user=..." SCHEMA

The schema's tables must be empty. Geometries go in as they are (invalid ones too: the checks must find
them); single polygons become multi-polygons as the schema's type requires. Developer tool (tests,
benchmarks, the demo village); needs GDAL's Python bindings, not QGIS.
"""
from __future__ import annotations

import sys
from pathlib import Path

from osgeo import gdal, ogr

REPO = Path(__file__).resolve().parents[1]


def _schema_module():
    sys.path.insert(0, str(REPO))
    from cadastre import schema  # noqa: E402 (the plugin's core, QGIS-free)
    from cadastre.database import pg_schema  # noqa: E402

    return pg_schema, schema


def load(gpkg: str, conninfo: str, schema_name: str) -> dict:
    """Append every schema layer of ``gpkg`` into ``schema_name``; {layer: rows copied}."""
    pg_schema, schema = _schema_module()
    gdal.UseExceptions()
    gdal.SetConfigOption("PG_USE_COPY", "YES")
    source = gdal.OpenEx(gpkg, gdal.OF_VECTOR)
    counts = {}
    for layer in schema.ALL_LAYERS:
        found = source.GetLayerByName(layer.name)
        if found is None or found.GetFeatureCount() == 0:
            counts[layer.name] = 0
            continue
        options = gdal.VectorTranslateOptions(
            format="PostgreSQL", accessMode="append", layerName=f"{schema_name}.{layer.name}",
            layers=[layer.name], options=["-preserve_fid"],
            geometryType="PROMOTE_TO_MULTI" if layer.geometry == schema.POLYGON else None,
        )
        if gdal.VectorTranslate(f"PG:{conninfo}", source, options=options) is None:
            raise RuntimeError(f"could not copy {layer.name}")
        counts[layer.name] = found.GetFeatureCount()
    target = ogr.Open(f"PG:{conninfo}", update=1)
    for layer in schema.ALL_LAYERS:  # the next feature id after the copied ones
        table = pg_schema.table(schema_name, layer.name)
        sequence = pg_schema.quote_literal(f'{pg_schema.quote_ident(schema_name)}."{layer.name}_fid_seq"')
        target.ExecuteSQL(f"SELECT setval({sequence}, coalesce((SELECT max(fid) FROM {table}), 0) + 1, false)")
    target = None
    return counts


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    for name, count in load(*sys.argv[1:]).items():
        print(f"{name:8} {count}")
