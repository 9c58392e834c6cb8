"""Atomic file output: write to a temporary file beside the target, rename when complete."""
from __future__ import annotations

import contextlib
import os
import tempfile


@contextlib.contextmanager
def atomic_output(path: str, suffix: str = ""):
    """Yield a temporary path in the target's folder; on success it replaces ``path``, on error it is removed.

    The rename is atomic on one file system, so a reader never sees a half-written file and a failed run
    leaves the previous file untouched.
    """
    folder = os.path.dirname(os.path.abspath(path)) or "."
    os.makedirs(folder, exist_ok=True)
    suffix = suffix or os.path.splitext(path)[1]
    handle, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=suffix, dir=folder)
    os.close(handle)
    os.remove(tmp)  # writers (GDAL, openpyxl) create the file themselves
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def output_over_input(algorithm, parameters, context):
    """A translated refusal when a file output of ``algorithm`` is the file one of its inputs is read from
    (QGIS's writers replace the whole file: a GeoPackage would lose every layer); None when none is."""
    from qgis.core import (
        QgsProcessingOutputLayerDefinition,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterMultipleLayers,
        QgsProcessingParameterVectorLayer,
        QgsProperty,
        QgsProviderRegistry,
    )

    from ..i18n import tr

    inputs = {}
    for definition in algorithm.parameterDefinitions():
        if parameters.get(definition.name()) in (None, ""):
            continue
        if isinstance(definition, (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer)):
            layers = [algorithm.parameterAsVectorLayer(parameters, definition.name(), context)]
        elif isinstance(definition, QgsProcessingParameterMultipleLayers):
            layers = algorithm.parameterAsLayerList(parameters, definition.name(), context)
        else:
            continue
        for layer in layers:
            if layer is not None and layer.providerType() == "ogr":
                path = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path") or ""
                if os.path.isfile(path):
                    inputs.setdefault(os.path.realpath(path), (definition.description(), layer.name()))
    for definition in algorithm.destinationParameterDefinitions():
        value = parameters.get(definition.name())
        if isinstance(value, QgsProcessingOutputLayerDefinition):
            value = value.sink
        if isinstance(value, QgsProperty):
            value = value.staticValue() if value.propertyType() == QgsProperty.StaticProperty else None
        if not isinstance(value, str) or not value or value.startswith(("memory:", "postgres:", "ogr:")):
            continue
        path = os.path.realpath(value.split("|")[0])
        if path in inputs:
            parameter, layer = inputs[path]
            return tr("The output “{output}” is the file {path}, which holds the input {layer} ({parameter}); writing "
                      "it would replace the whole file. Choose another output file.").format(
                output=definition.description(), path=path, layer=layer, parameter=parameter)
    return None
