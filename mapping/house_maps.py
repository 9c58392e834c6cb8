"""房产分户图 and 房产平面图: the fangchantu.qpt template filled for one floor plan (or building) after another."""
from __future__ import annotations

from typing import List, Tuple

from qgis.core import QgsCoordinateReferenceSystem, QgsProject

from ..cadastre.maps.housemap import DEFAULT_MIN_SCALE, HousePage, house_scene
from ..cadastre.maps.scales import scale_text
from ..cadastre.messages import Problem
from .export import PageSource
from .fonts import measurer
from .parcel_maps import set_map_view
from .scene_layers import SceneLayers
from .templates import Template, default_template, items_over_map_mm, map_frame_mm

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
    def __init__(self, pages: List[HousePage], crs: QgsCoordinateReferenceSystem, project: QgsProject,
                 template_path: str = "", variables=None, min_scale: int = DEFAULT_MIN_SCALE):
        self.pages = pages
        self.min_scale = min_scale
        self.crs, self.project, self.template_path, self.variables = crs, project, template_path, variables or {}
        super().__init__()

    def build(self) -> None:
        self.template = Template(self.template_path or default_template(TEMPLATE), self.project)
        self.map = self.template.map_item()
        self.layers = SceneLayers(self.crs, LAYERS)
        self.map.setCrs(self.crs)
        self.map.setLayers(self.layers.map_layers())
        self.map.setKeepLayerSet(True)
        self.frame_mm = map_frame_mm(self.map)
        self.blocked_mm = items_over_map_mm(self.template, self.map)
        self.measure = measurer(self.layers.label_font())
        self.template.set_variables(self.variables)
        for item_id in TEXT_ITEMS:
            self.template.item(item_id)

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
        self.layers.fill("parcel", [page.parcel] if page.parcel is not None else [])
        self.layers.fill("buildings", scene.buildings)
        self.layers.fill("parts", scene.parts)
        self.layers.fill("floors", scene.floors)
        self.layers.fill("walls", [line for line, _role in scene.walls], roles=[role for _line, role in scene.walls])
        self.layers.fill("neighbours", page.neighbours)
        self.layers.fill("strokes", scene.strokes)
        self.layers.fill_labels("labels", scene.labels)
        set_map_view(self.map, scene.extent, scene.scale)
        texts = dict(page.header, scale_text=scale_text(scene.scale))
        self.template.set_texts({k: v for k, v in texts.items() if self.template.has(k)})
        self.template.set_variables({"homestead_zddm": page.header.get("header_zddm", ""),
                                     "homestead_qlrmc": page.header.get("header_qlr", ""),
                                     "homestead_scale": scene.scale})
        return True, notes + list(problems)

    def release(self) -> None:
        self.map.setLayers([])
        self.layers.release()
