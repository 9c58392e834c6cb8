"""The schema (cadastre.schema) made into QGIS: fields, aliases, value maps, QML styles, GeoPackage layers."""
from __future__ import annotations

import os
from typing import Iterable

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsEditorWidgetSetup,
    QgsField,
    QgsFields,
    QgsMapLayer,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QMetaType

from ... import compat
from ...cadastre import schema
from ...i18n import tr

SYMBOLOGY_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "symbology")

FIELD_TYPES = {
    schema.TEXT: QMetaType.Type.QString,
    schema.INT: QMetaType.Type.Int,
    schema.REAL: QMetaType.Type.Double,
    schema.DATE: QMetaType.Type.QDate,
    schema.DATETIME: QMetaType.Type.QDateTime,
}
WKB_TYPES = {
    schema.POLYGON: QgsWkbTypes.MultiPolygon,
    schema.LINE: QgsWkbTypes.LineString,
    schema.POINT: QgsWkbTypes.Point,
    schema.NONE: QgsWkbTypes.NoGeometry,
}


def qgs_field(f: schema.Field) -> QgsField:
    field = compat.field(f.name, FIELD_TYPES[f.type], f.length, f.precision)
    field.setAlias(f.alias)
    return field


def qgs_fields(fields: Iterable[schema.Field]) -> QgsFields:
    result = QgsFields()
    for f in fields:
        result.append(qgs_field(f))
    return result


def style_path(name: str) -> str:
    return os.path.join(SYMBOLOGY_DIR, name)


def apply_schema_form(layer: QgsVectorLayer, layer_schema: schema.Layer) -> None:
    """Chinese aliases and value maps (code lists) for every schema field the layer has."""
    for f in layer_schema.fields:
        index = layer.fields().indexOf(f.name)
        if index < 0:
            continue
        layer.setFieldAlias(index, f.alias)
        if f.codelist:
            entries = [{f"{code} {label}": code} for code, label in schema.CODELISTS[f.codelist].items()]
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("ValueMap", {"map": entries}))


def apply_style(layer: QgsVectorLayer, qml_name: str) -> bool:
    """Load the symbology and labels of symbology/<qml_name> (fields and forms are left as they are)."""
    path = style_path(qml_name)
    if not os.path.exists(path):
        return False
    categories = QgsMapLayer.Symbology | QgsMapLayer.Labeling
    _message, ok = layer.loadNamedStyle(path, categories)
    layer.triggerRepaint()
    return bool(ok)


def style_schema_layer(layer: QgsVectorLayer, layer_schema: schema.Layer) -> None:
    layer.setName(layer_schema.alias)
    apply_schema_form(layer, layer_schema)
    if layer_schema.style:
        apply_style(layer, layer_schema.style)


def create_gpkg_layer(path: str, layer_schema: schema.Layer, crs: QgsCoordinateReferenceSystem, overwrite_file: bool) -> None:
    """Create one empty layer of ``layer_schema`` in the GeoPackage at ``path``."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = layer_schema.name
    options.layerOptions = [f"IDENTIFIER={layer_schema.alias}", f"DESCRIPTION={layer_schema.title}"]
    options.actionOnExistingFile = (
        QgsVectorFileWriter.CreateOrOverwriteFile if overwrite_file else QgsVectorFileWriter.CreateOrOverwriteLayer
    )
    writer = QgsVectorFileWriter.create(
        path, qgs_fields(layer_schema.fields), WKB_TYPES[layer_schema.geometry], crs,
        QgsProject.instance().transformContext(), options,
    )
    error = writer.hasError()
    message = writer.errorMessage()
    del writer
    if error != QgsVectorFileWriter.NoError:
        raise OSError(tr("Could not create layer {layer} in {path}: {message}").format(
            layer=layer_schema.name, path=path, message=message))


def gpkg_layer(path: str, name: str, display_name: str = "") -> QgsVectorLayer:
    return QgsVectorLayer(f"{path}|layername={name}", display_name or name, "ogr")
