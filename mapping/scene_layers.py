"""The memory layers a map page draws, styled from symbology/, refilled for every page."""
from __future__ import annotations

import os
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsMapLayer,
    QgsPalLayerSettings,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)

from ..cadastre.maps.labelplacement import PlacedLabel
from . import fonts

SYMBOLOGY_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "symbology")
# Every scene layer has the same fields: a text (label or name), its role, size (points), rotation (clockwise °)
# and whether a label is drawn with its halo (PlacedLabel.halo).
FIELD_URI = "field=text:string(254)&field=role:string(20)&field=size:double&field=rotation:double&field=halo:integer"
GEOMETRY = {"polygon": "Polygon", "point": "Point", "line": "LineString"}


class SceneLayers:
    """Named memory layers in the survey CRS; ``order`` is bottom to top."""

    def __init__(self, crs: QgsCoordinateReferenceSystem, specs: Sequence[Tuple[str, str, str]]):
        """``specs``: (key, geometry kind, QML file in symbology/) from bottom to top."""
        self.layers: Dict[str, QgsVectorLayer] = {}
        self._providers = {}  # key → data provider, asked for once (each call crosses into C++ and back)
        self.order: List[str] = []
        for key, kind, qml in specs:
            layer = QgsVectorLayer(f"{GEOMETRY[kind]}?crs={crs.authid() or 'EPSG:4525'}&{FIELD_URI}", key, "memory")
            if not crs.authid():
                layer.setCrs(crs)
            path = os.path.join(SYMBOLOGY_DIR, qml)
            if os.path.exists(path):
                layer.loadNamedStyle(path, QgsMapLayer.Symbology | QgsMapLayer.Labeling)
            prepare_label_fonts(layer)
            self.layers[key] = layer
            self._providers[key] = layer.dataProvider()
            self.order.append(key)

    def label_font(self, key: str = "labels"):
        """The font of a layer's labels (what the placer must measure with)."""
        layer = self.layers[key]
        labeling = layer.labeling()
        if labeling is None:
            from qgis.PyQt.QtGui import QFont

            return QFont(fonts.PREFERRED)
        return labeling.settings().format().font()

    def map_layers(self) -> List[QgsVectorLayer]:
        """Top first, as QgsLayoutItemMap.setLayers wants them."""
        return [self.layers[key] for key in reversed(self.order)]

    def fill(self, key: str, geometries: Iterable, texts: Optional[Iterable[str]] = None, role: str = "",
             roles: Optional[Iterable[str]] = None) -> None:
        """Replace the layer's features; ``roles`` (one per geometry) overrides ``role`` (the styles' categories)."""
        layer, provider = self.layers[key], self._providers[key]
        provider.truncate()
        geoms = list(geometries)
        texts = list(texts) if texts is not None else [""] * len(geoms)
        roles = list(roles) if roles is not None else [role] * len(geoms)
        features = []
        # 2-D: under QGIS (qgis_process, the desktop) shapely may run on GEOS 3.11, which refuses 4 dimensions
        wkbs = shapely.to_wkb(geoms, output_dimension=2) if geoms else []
        for wkb, text, kind in zip(wkbs, texts, roles):
            feature = QgsFeature(layer.fields())
            geometry = QgsGeometry()
            geometry.fromWkb(wkb)
            feature.setGeometry(geometry)
            feature.setAttributes([text, kind, None, None, None])
            features.append(feature)
        provider.addFeatures(features)
        layer.updateExtents()

    def fill_labels(self, key: str, labels: Sequence[PlacedLabel]) -> None:
        """Labels at their centres; QGIS rotates clockwise, the placer counter-clockwise."""
        layer, provider = self.layers[key], self._providers[key]
        provider.truncate()
        features = []
        for label in labels:
            feature = QgsFeature(layer.fields())
            feature.setGeometry(QgsGeometry.fromWkt(f"POINT({label.x!r} {label.y!r})"))
            feature.setAttributes([label.text, label.role, float(label.size), float(-label.angle), int(label.halo)])
            features.append(feature)
        provider.addFeatures(features)
        layer.updateExtents()

    def release(self) -> None:
        """Drop the layers (QGIS 3.22 must not outlive them at exit)."""
        self._providers.clear()
        self.layers.clear()


def prepare_label_fonts(layer: QgsVectorLayer) -> None:
    """Labels drawn without text shaping so that exported PDFs keep digits extractable (see fonts.py)."""
    labeling = layer.labeling()
    if labeling is None or not isinstance(labeling, QgsVectorLayerSimpleLabeling):
        return
    settings = QgsPalLayerSettings(labeling.settings())
    fmt = settings.format()
    fmt.setFont(fonts.prepared(fmt.font()))
    settings.setFormat(fmt)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
