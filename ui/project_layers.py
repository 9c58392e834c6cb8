"""Finding the review panel's layers in a project: parcels (ZD), the audit table (SHJL), quality-check errors."""
from __future__ import annotations

import os
from typing import Dict, List, Optional, Tuple

from qgis.core import QgsDataSourceUri, QgsProject, QgsProviderRegistry, QgsVectorLayer, QgsWkbTypes

# The fields a layer needs to be reviewed in the panel.
PARCEL_KEY_FIELDS = ("ZDDM", "LB", "SHZT")
# The quality-check error layer (homestead checks): parcel fids of a finding in FIDS, comma-separated.
ERROR_FIELDS = ("RULE_ID", "SEVERITY", "MESSAGE", "FIDS")


def has_fields(layer, names) -> bool:
    fields = layer.fields()
    return all(fields.indexOf(name) >= 0 for name in names)


def is_parcel_layer(layer) -> bool:
    return (isinstance(layer, QgsVectorLayer) and layer.isValid()
            and layer.geometryType() == QgsWkbTypes.PolygonGeometry and has_fields(layer, PARCEL_KEY_FIELDS))


def parcel_layers(project: QgsProject) -> List[QgsVectorLayer]:
    return [layer for layer in project.mapLayers().values() if is_parcel_layer(layer)]


def error_layers(project: QgsProject) -> List[QgsVectorLayer]:
    return [layer for layer in project.mapLayers().values()
            if isinstance(layer, QgsVectorLayer) and layer.isValid() and has_fields(layer, ERROR_FIELDS)]


def gpkg_table(layer: QgsVectorLayer) -> Optional[Tuple[str, str]]:
    """(GeoPackage path, table name) of an OGR GeoPackage layer, else None."""
    if layer.providerType() != "ogr":
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    if not path.lower().endswith(".gpkg"):
        return None
    return os.path.normcase(os.path.abspath(path)), parts.get("layerName") or ""


def survey_table(layer: QgsVectorLayer) -> Optional[Tuple[str, str]]:
    """(where, table name): the GeoPackage's path, or the PostGIS database and schema, of a survey layer."""
    found = gpkg_table(layer)
    if found is not None:
        return found
    if layer.providerType() == "postgres":
        uri = QgsDataSourceUri(layer.source())
        return f"{uri.connectionInfo(False)} schema={uri.schema()}", uri.table()
    return None


def parcel_issues(project: QgsProject, parcel_layer: QgsVectorLayer) -> Dict[int, List[Tuple[str, str, str]]]:
    """Parcel fid -> [(rule id, severity, message)] from every quality-check error layer of the project.

    Only ZD_* rules name parcel fids in FIDS. One attribute read per error layer (they are small).
    """
    issues: Dict[int, List[Tuple[str, str, str]]] = {}
    for layer in error_layers(project):
        if layer.id() == parcel_layer.id():
            continue
        for feature in layer.getFeatures():
            rule = str(feature["RULE_ID"] or "")
            if not rule.startswith("ZD_"):
                continue
            entry = (rule, str(feature["SEVERITY"] or ""), str(feature["MESSAGE"] or ""))
            for token in str(feature["FIDS"] or "").replace(";", ",").split(","):
                token = token.strip()
                if token.lstrip("-").isdigit():
                    issues.setdefault(int(token), []).append(entry)
    return issues
