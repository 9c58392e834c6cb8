"""套合图: the taohetu.qpt template filled for one standard sheet after another.

Each sheet shows the base map (the given vector layers and/or a raster DOM, with their own styles), the
homesteads labelled with number and area (thm_parcels.qml) and the permanent basic farmland boundary on top
(thm_farmland.qml), at the sheet's scale, framed exactly on the 50 cm × 50 cm sheet.
"""
from __future__ import annotations

import os
from typing import List, Sequence, Tuple

from qgis.core import (
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsMapLayer,
    QgsProject,
    QgsRectangle,
    QgsUnitTypes,
)

from ..cadastre.maps import sheets
from ..cadastre.maps.scales import scale_text
from ..cadastre.maps.sheetlabels import sheet_labels
from ..cadastre.messages import Problem, translatable
from .export import PageSource
from .scene_layers import SYMBOLOGY_DIR, prepare_label_fonts
from .templates import map_frame_mm

TEMPLATE = "taohetu.qpt"
TEXT_ITEMS = ("sheet_number", "scale_text", "crs_note", "village") + tuple(
    f"adjoin_{k}" for k in ("nw", "n", "ne", "w", "e", "sw", "s", "se"))
LABEL_LAYERS = (("strokes", "line", "map_strokes.qml"), ("labels", "point", "map_labels.qml"))
GRID_INTERVAL_MM = 100.0  # a grid cross every 10 cm on paper
POINT_MM = 25.4 / 72.0
LINE_HEIGHT = 1.3  # a text line, in font sizes (ascent + descent + leading)


def styled_clone(layer, qml: str, name: str):
    """A copy of ``layer`` with a symbology/ style, leaving the user's layer untouched."""
    clone = layer.clone()
    clone.setName(name)
    clone.loadNamedStyle(os.path.join(SYMBOLOGY_DIR, qml), QgsMapLayer.Symbology | QgsMapLayer.Labeling)
    prepare_label_fonts(clone)
    return clone


class SheetMapSource(PageSource):
    """``layers``: the map layers under the labels, top first; ``polygons`` and ``texts``: the parcels to label."""

    TEMPLATE, TEXT_ITEMS, LAYERS = TEMPLATE, TEXT_ITEMS, LABEL_LAYERS

    def __init__(self, sheet_list: Sequence[sheets.Sheet], layers: List, polygons, texts: Sequence[str], crs,
                 project: QgsProject, zone, template_path: str = "", variables=None, title: str = "",
                 crs_note: str = ""):
        self.sheets = list(sheet_list)
        self.zone = zone
        self.polygons, self.texts = polygons, list(texts)
        self.base_layers = list(layers)
        self.title = title
        self.crs_note = crs_note
        super().__init__(crs, project, template_path, variables)

    def map_layers(self) -> list:
        return self.scene.map_layers() + self.base_layers  # the labels over the base map

    def build(self) -> None:
        super().build()
        legend = self.template.item("legend")
        if isinstance(legend, QgsLayoutItemLegend):
            legend.setAutoUpdateModel(False)
            root = legend.model().rootGroup()
            root.clear()
            for layer in self.base_layers:  # not the label layers
                root.addLayer(layer)
            legend.setLinkedMap(self.map)
            legend.adjustBoxSize()

    def count(self) -> int:
        return len(self.sheets)

    def key(self, n: int) -> str:
        return self.sheets[n].number

    def prepare(self, n: int) -> Tuple[bool, List[Problem]]:
        sheet = self.sheets[n]
        self.map.setExtent(QgsRectangle(*sheet.bounds))
        self.map.setScale(sheet.scale)
        decimals = sheets.number_decimals(sheet.scale)
        for grid in self.map.grids().asList():
            grid.setIntervalX(GRID_INTERVAL_MM * sheet.scale / 1000.0)
            grid.setIntervalY(GRID_INTERVAL_MM * sheet.scale / 1000.0)
            if grid.annotationFormat() == grid.CustomFormat:  # kilometres as in the sheet number, no separators
                grid.setAnnotationExpression(f"replace(format_number(@grid_number / 1000, {decimals}), ',', '')")
            keep_corner_annotations_apart(grid)
        adjoining = sheets.neighbours(sheet, self.zone)
        texts = {"sheet_number": sheet.number, "scale_text": scale_text(sheet.scale), "crs_note": self.crs_note,
                 "village": self.title}
        texts.update({f"adjoin_{k}": v for k, v in adjoining.items()})
        self.template.set_texts({k: v for k, v in texts.items() if self.template.has(k)})
        self.template.set_variables({"homestead_tfh": sheet.number, "homestead_scale": sheet.scale})
        labels, strokes, unplaced = sheet_labels(self.polygons, self.texts, sheet.bounds, sheet.scale, self.measure,
                                                 self.blocked_mm)
        self.scene.fill_labels("labels", labels)
        self.scene.fill("strokes", strokes)
        return True, [Problem("SHEET_LABEL_UNPLACED", translatable("Label {text} found no free place; it was left out."),
                              {"text": t.replace("\n", " ")}) for t in unplaced]

    def close(self) -> None:
        """Drop the base layers too, at the end."""
        self.release()
        self.base_layers = []


def keep_corner_annotations_apart(grid) -> None:
    """At a corner the easting (above or below the frame, centred on the corner) and the northing (beside the
    frame, centred on the corner) would overlap: keep the annotations one text line off the frame, so the
    easting clears the half line of the northing next to it."""
    text = grid.annotationTextFormat()
    size_mm = text.size() * (POINT_MM if text.sizeUnit() == QgsUnitTypes.RenderPoints else 1.0)
    needed = LINE_HEIGHT * size_mm
    if grid.annotationFrameDistance() < needed:
        grid.setAnnotationFrameDistance(needed)


def frame_is_standard(map_item: QgsLayoutItemMap) -> bool:
    """True when the map item is the 500 mm × 500 mm of a standard sheet."""
    width, height = map_frame_mm(map_item)
    return abs(width - sheets.SHEET_SIDE_MM) < 0.5 and abs(height - sheets.SHEET_SIDE_MM) < 0.5
