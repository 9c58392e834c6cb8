"""The text encoding of a shapefile that declares none (no .cpg, no language driver id), the same for every
algorithm: QGIS reads such a .dbf as UTF-8, so the GBK names of a Chinese CAD/GIS export come out garbled.
cadastre.input.sources.detect_dbf_encoding tells UTF-8, GBK and GB18030 apart from the .dbf's bytes.
"""
from __future__ import annotations

import os
from typing import Optional

from qgis.core import QgsVectorLayer

from ...cadastre.input import sources
from ...i18n import tr


def shapefile_path(layer) -> Optional[str]:
    """The .shp file of an OGR layer, or None."""
    if not isinstance(layer, QgsVectorLayer) or layer.providerType() != "ogr":
        return None
    path = layer.source().split("|")[0]
    return path if path.lower().endswith(".shp") and os.path.isfile(path) else None


def undeclared_encoding(path: str) -> Optional[str]:
    """The encoding the text of the shapefile at ``path`` reads as, when it declares none; None when it declares
    one or its text is plain ASCII."""
    if sources.shapefile_declared_encoding(path):
        return None
    return sources.detect_dbf_encoding(path)


def read_shapefiles_right(layer, context, feedback) -> None:
    """Read ``layer`` in the encoding its .dbf's text is in when the shapefile declares none, saying so.

    A layer of the user's project is not changed (inputs are never modified): the warning says how to set it."""
    path = shapefile_path(layer)
    detected = undeclared_encoding(path) if path else None
    if detected is None or layer.dataProvider().encoding().upper() == detected.upper():
        return
    name = os.path.basename(path)
    project = context.project() if context is not None else None
    if project is not None and project.mapLayer(layer.id()) is layer:
        feedback.pushWarning(tr(
            "Layer {layer} ({path}) has no .cpg and its text is {encoding}, but the layer reads it as {current}: its "
            "names will come out garbled. Set Layer Properties ▸ Source ▸ Data source encoding to {encoding}, or add "
            "a {stem}.cpg file holding {encoding}.").format(
            layer=layer.name(), path=name, encoding=detected, current=layer.dataProvider().encoding(),
            stem=os.path.splitext(name)[0]))
        return
    layer.setProviderEncoding(detected)
    feedback.pushWarning(tr("{path} has no .cpg; its text reads as {encoding}.").format(path=name, encoding=detected))
