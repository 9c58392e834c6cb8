"""Outputs Processing must refuse before anything is written: an output that is the file an input is read from,
one that cannot be created where it is asked for; and the stale temporaries of killed runs in the outputs' folders."""
from __future__ import annotations

import os

from ...cadastre.files import remove_stale_temporaries


def remove_stale_output_temporaries(algorithm, parameters) -> list:
    """remove_stale_temporaries in the folder of every file output and in every folder output of ``algorithm``."""
    from qgis.core import QgsProcessingParameterFolderDestination

    removed = []
    for definition in algorithm.destinationParameterDefinitions():
        path = destination_file(parameters.get(definition.name(), definition.defaultValue()))
        if path:
            is_folder = isinstance(definition, QgsProcessingParameterFolderDestination)
            removed += remove_stale_temporaries(path if is_folder else os.path.dirname(path))
    return removed


def _local_file(layer) -> str:
    """The file a map layer is read from, '' when it is not a local file (PostGIS, memory, WMS…)."""
    from qgis.core import QgsProviderRegistry
    from qgis.PyQt.QtCore import QUrl

    source = layer.source()
    path = QgsProviderRegistry.instance().decodeUri(layer.providerType(), source).get("path") or ""
    if not path and source.startswith("file:"):  # delimited text: file:///path.csv?delimiter=…
        path = QUrl(source).toLocalFile()
    return path if os.path.isfile(path) else ""


def destination_file(value, default_extension: str = "") -> str:
    """The local file an output value writes to, in every form Processing accepts: a path (relative or not,
    without its extension), ``path|layername=…``, ``ogr:dbname='path' table=… (geom)``, a
    QgsProcessingOutputLayerDefinition or a static QgsProperty; '' for memory, database and temporary outputs."""
    from qgis.core import QgsDataSourceUri, QgsProcessingOutputLayerDefinition, QgsProperty

    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    if isinstance(value, QgsProperty):
        value = value.staticValue() if value.propertyType() == QgsProperty.StaticProperty else None
    if not isinstance(value, str) or not value.strip() or value == "TEMPORARY_OUTPUT":
        return ""
    value = value.strip()
    provider, colon, rest = value.partition(":")
    if colon and len(provider) > 1 and provider.isidentifier():  # "ogr:…", "memory:"; not "C:\…"
        if provider not in ("ogr", "spatialite"):
            return ""
        value = QgsDataSourceUri(rest).database() or rest
    path = value.split("|")[0]
    if default_extension and not os.path.splitext(path)[1]:
        path = f"{path}.{default_extension}"
    return os.path.abspath(path)


def _file_key(path: str):
    """What identifies a file whatever the way to it (symlinks, hard links, relative paths)."""
    info = os.stat(path)
    return info.st_dev, info.st_ino


def output_over_input(algorithm, parameters, context):
    """A translated refusal when an output of ``algorithm`` (a layer, file or folder destination) is the file
    one of its inputs is read from (a layer's file or a file parameter): QGIS's writers replace the whole
    file, and a GeoPackage would lose every survey layer in it. None when there is no such output."""
    from qgis.core import (
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterFile,
        QgsProcessingParameterMapLayer,
        QgsProcessingParameterMultipleLayers,
        QgsProcessingParameterRasterLayer,
        QgsProcessingParameterVectorLayer,
    )

    from ...i18n import tr

    inputs = {}
    for definition in algorithm.parameterDefinitions():
        name = definition.name()
        if definition.isDestination() or parameters.get(name) in (None, ""):
            continue
        if isinstance(definition, QgsProcessingParameterFile):
            path = algorithm.parameterAsFile(parameters, name, context)
            found = [(path, os.path.basename(path))] if path and os.path.isfile(path) else []
        elif isinstance(definition, (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer,
                                     QgsProcessingParameterRasterLayer, QgsProcessingParameterMapLayer)):
            layer = algorithm.parameterAsLayer(parameters, name, context)
            found = [(_local_file(layer), layer.name())] if layer is not None else []
        elif isinstance(definition, QgsProcessingParameterMultipleLayers):
            found = [(_local_file(layer), layer.name()) for layer in algorithm.parameterAsLayerList(parameters, name, context)]
        else:
            continue
        for path, layer in found:
            if path:
                inputs.setdefault(_file_key(path), (definition.description(), layer))
    for definition in algorithm.destinationParameterDefinitions():
        extension = definition.defaultFileExtension() if hasattr(definition, "defaultFileExtension") else ""
        path = destination_file(parameters.get(definition.name()), extension)
        if path and os.path.exists(path) and _file_key(path) in inputs:
            parameter, layer = inputs[_file_key(path)]
            return tr("The output “{output}” is the file {path}, which holds the input {layer} ({parameter}); writing "
                      "it would replace the whole file. Choose another output file.").format(
                output=definition.description(), path=os.path.realpath(path), layer=layer, parameter=parameter)
    return None


def _blocking_file(path: str) -> str:
    """The nearest ancestor of ``path`` that exists and is not a folder ('' when there is none)."""
    parent = os.path.dirname(path)
    while parent and not os.path.exists(parent):
        if parent == os.path.dirname(parent):
            return ""
        parent = os.path.dirname(parent)
    return parent if parent and not os.path.isdir(parent) else ""


def unwritable_output(algorithm, parameters):
    """A translated refusal when an output of ``algorithm`` cannot be written where it is asked for: a file
    output that is an existing folder, a folder output that is an existing file, or a path under a file
    (e.g. ``report.csv/out.gpkg``). None when every output can be created."""
    from qgis.core import QgsProcessingParameterFolderDestination

    from ...i18n import tr

    for definition in algorithm.destinationParameterDefinitions():
        extension = definition.defaultFileExtension() if hasattr(definition, "defaultFileExtension") else ""
        is_folder = isinstance(definition, QgsProcessingParameterFolderDestination)
        path = destination_file(parameters.get(definition.name()), "" if is_folder else extension)
        if not path:
            continue
        blocker = _blocking_file(path)
        if blocker:
            reason = tr("{blocker} is a file, not a folder").format(blocker=blocker)
        elif is_folder and os.path.exists(path) and not os.path.isdir(path):
            reason = tr("a file of that name exists")
        elif not is_folder and os.path.isdir(path):
            reason = tr("a folder of that name exists")
        else:
            continue
        return tr("The output “{output}” cannot be written to {path}: {reason}. Choose another {kind}.").format(
            output=definition.description(), path=path, reason=reason,
            kind=tr("folder") if is_folder else tr("file name"))
    return None
