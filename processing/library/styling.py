"""Style output layers when Processing loads them into the project (QgsProcessingLayerPostProcessorInterface).

QGIS keeps only a raw pointer to a post-processor, so the instances handed to it are kept here, at module level
(one per schema layer, reused); otherwise Python frees them before QGIS calls them (a known crash).
"""
from __future__ import annotations

from typing import Dict

from qgis.core import QgsProcessingLayerPostProcessorInterface

from ...cadastre import schema
from .layers import apply_schema_form, apply_style

_STYLERS: Dict[str, SchemaStyler] = {}


class SchemaStyler(QgsProcessingLayerPostProcessorInterface):
    """Applies a schema layer's aliases, value maps and QML style to an output layer."""

    def __init__(self, layer_schema: schema.Layer):
        super().__init__()
        self.layer_schema = layer_schema

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API name)
        if layer is None or not layer.isValid():
            return
        apply_schema_form(layer, self.layer_schema)
        if self.layer_schema.style:
            apply_style(layer, self.layer_schema.style)


def style_on_load(context, destination: str, layer_schema: schema.Layer) -> None:
    """Ask Processing to style ``destination`` as ``layer_schema`` when it loads it (no-op otherwise)."""
    if not destination or not context.willLoadLayerOnCompletion(destination):
        return
    if layer_schema.name not in _STYLERS:
        _STYLERS[layer_schema.name] = SchemaStyler(layer_schema)
    styler = _STYLERS[layer_schema.name]
    context.layerToLoadOnCompletionDetails(destination).setPostProcessor(styler)
