"""宗地图: the zongditu.qpt template filled for one parcel after another."""
from __future__ import annotations

from typing import List, Sequence, Tuple

from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsRectangle

from ..cadastre.maps import maptext
from ..cadastre.maps.mapdata import ParcelMapData
from ..cadastre.maps.scales import scale_text
from ..cadastre.messages import Problem
from ..i18n import zh
from .export import PageSource

TEMPLATE = "zongditu.qpt"
# Items the code fills (besides the map); a county may remove any of them.
TEXT_ITEMS = ("header_zddm", "header_tfh", "header_zdmj", "header_qlr", "scale_text", "survey_note")
LAYERS = (
    ("roads", "polygon", "zdt_roads.qml"),
    ("neighbours", "polygon", "zdt_neighbours.qml"),
    ("houses", "polygon", "zdt_houses.qml"),
    ("parcel", "polygon", "zdt_parcel.qml"),
    ("strokes", "line", "map_strokes.qml"),
    ("points", "point", "zdt_points.qml"),
    ("labels", "point", "map_labels.qml"),
)


class ParcelMapSource(PageSource):
    """Pages of 宗地图 for the parcels ``targets`` (indices into ``data.parcels``)."""

    TEMPLATE = TEMPLATE
    TEXT_ITEMS = TEXT_ITEMS
    LAYERS = LAYERS

    def __init__(self, data: ParcelMapData, targets: Sequence[int], crs: QgsCoordinateReferenceSystem,
                 project: QgsProject, template_path: str = "", variables=None, survey_date: str = ""):
        self.data = data
        self.targets = list(targets)
        self.survey_date = survey_date
        super().__init__(crs, project, template_path, variables)

    def count(self) -> int:
        return len(self.targets)

    def key(self, n: int) -> str:
        i = self.targets[n]
        return self.data.codes[i] or zh("feature {fid}").format(fid=i)

    def file_stem(self, n: int) -> str:
        return self.data.codes[self.targets[n]] or f"parcel_{self.targets[n]}"

    def prepare(self, n: int) -> Tuple[bool, List[Problem]]:
        page = self.data.page(self.targets[n], self.frame_mm, self.measure, blocked_mm=self.blocked_mm)
        if page.scene is None:
            return False, list(page.problems)
        scene = page.scene
        layers = self.scene
        layers.fill("roads", [f.geometry for f in scene.roads])
        layers.fill("neighbours", [f.geometry for f in scene.neighbours])
        layers.fill("houses", [f.geometry for f in scene.houses])
        layers.fill("parcel", [scene.parcel])
        layers.fill("strokes", scene.strokes)
        from shapely.geometry import Point

        layers.fill("points", [Point(p.x, p.y) for p in scene.points], [p.number for p in scene.points])
        layers.fill_labels("labels", scene.labels)
        set_map_view(self.map, scene.extent, scene.scale)
        texts = self.texts(page)
        self.template.set_texts({k: v for k, v in texts.items() if self.template.has(k)})
        self.template.set_variables({"homestead_zddm": page.zddm, "homestead_qlrmc": page.owner,
                                     "homestead_zdmj": page.area, "homestead_tfh": page.sheet,
                                     "homestead_scale": scene.scale})
        return True, list(page.notes)

    def texts(self, page) -> dict:
        """Text item id → text of the page."""
        return {
            "header_zddm": page.zddm,
            "header_tfh": page.sheet,
            "header_zdmj": page.area,
            "header_qlr": page.owner,
            "scale_text": scale_text(page.scene.scale),
            "survey_note": maptext.survey_note(self.survey_date, page.survey_method),
        }



def set_map_view(map_item, extent, scale: int) -> None:
    """Show ``extent`` at 1:``scale``: the extent has the map item's aspect ratio and is its size at that scale, so
    zooming to it sets the scale too (one refresh instead of two; zoomToExtent keeps the item's size, where
    setExtent would resize it to the extent first)."""
    map_item.zoomToExtent(QgsRectangle(*extent))
    if abs(map_item.scale() - scale) > 1e-6 * scale:  # a template whose frame differs from the one laid out
        map_item.setScale(scale)
