"""房产分户图 and 房产平面图: the fangchantu.qpt template filled for one floor plan (or building) after another."""
from __future__ import annotations

from typing import List, Tuple

from qgis.core import QgsCoordinateReferenceSystem, QgsProject

from ..cadastre.maps.housemap import DEFAULT_MIN_SCALE, HousePage, house_scene
from ..cadastre.maps.scales import scale_text
from ..cadastre.messages import Problem
from .export import PageSource
from .parcel_maps import set_map_view

TEMPLATE = "fangchantu.qpt"
TEXT_ITEMS = ("title", "header_zl", "header_qlr", "header_zddm", "header_zrzh", "header_jg", "header_cs", "header_jzmj",
              "header_zzdmj", "floor", "scale_text")
LAYERS = (
    ("neighbours", "polygon", "fct_neighbours.qml"),
    ("parcel", "polygon", "fct_parcel.qml"),
    ("buildings", "polygon", "fct_buildings.qml"),
    ("parts", "polygon", "fct_parts.qml"),
    ("floors", "line", "fct_floors.qml"),
    ("walls", "line", "fct_walls.qml"),
    ("strokes", "line", "map_strokes.qml"),
    ("labels", "point", "map_labels.qml"),
)


class HouseMapSource(PageSource):
    TEMPLATE, TEXT_ITEMS, LAYERS = TEMPLATE, TEXT_ITEMS, LAYERS

    def __init__(self, pages: List[HousePage], crs: QgsCoordinateReferenceSystem, project: QgsProject,
                 template_path: str = "", variables=None, min_scale: int = DEFAULT_MIN_SCALE):
        self.pages = pages
        self.min_scale = min_scale
        super().__init__(crs, project, template_path, variables)

    def count(self) -> int:
        return len(self.pages)

    def key(self, n: int) -> str:
        return self.pages[n].key

    def file_stem(self, n: int) -> str:
        return self.pages[n].stem

    def prepare(self, n: int) -> Tuple[bool, List[Problem]]:
        page = self.pages[n]
        notes = list(page.problems)
        if not page.buildings:
            return False, notes
        scene, problems = house_scene(page.buildings, page.parcel, self.frame_mm, self.measure, self.min_scale,
                                      blocked_mm=self.blocked_mm, parts=page.parts, notes=page.notes,
                                      floors=page.floors, fit=[page.parcel] if page.fit_parcel else [], walls=page.walls)
        if scene is None:
            return False, notes + list(problems)
        self.scene.fill("parcel", [page.parcel] if page.parcel is not None else [])
        self.scene.fill("buildings", scene.buildings)
        self.scene.fill("parts", scene.parts)
        self.scene.fill("floors", scene.floors)
        self.scene.fill("walls", [line for line, _role in scene.walls], roles=[role for _line, role in scene.walls])
        self.scene.fill("neighbours", page.neighbours)
        self.scene.fill("strokes", scene.strokes)
        self.scene.fill_labels("labels", scene.labels)
        set_map_view(self.map, scene.extent, scene.scale)
        texts = dict(page.header, scale_text=scale_text(scene.scale))
        self.template.set_texts({k: v for k, v in texts.items() if self.template.has(k)})
        self.template.set_variables({"homestead_zddm": page.header.get("header_zddm", ""),
                                     "homestead_qlrmc": page.header.get("header_qlr", ""),
                                     "homestead_scale": scene.scale})
        return True, notes + list(problems)
