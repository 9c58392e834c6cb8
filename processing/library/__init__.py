"""QGIS-side support of the algorithms and the panel: layers in and out, GeoPackage and PostGIS, styles, output sinks, parallel map workers."""
