"""房产平面图: one drawing per 自然幢 (ZRZ), worked out without QGIS.

The page shows the building's footprint with its edge lengths, 层数结构 and 幢号; the outline of every floor (C)
that differs from the footprint, dashed and labelled with its floors ("3层"); the parcel boundary around it and the
neighbouring buildings faintly; the header gives 幢号, 层数, 结构 and the total 建筑面积 (the floors' areas when
floors are given, else as cadastre.maps.housemap works it out). Text on the page is Chinese whatever the locale.
"""
from __future__ import annotations

from typing import List, Optional

import numpy as np
import shapely

from ..building_areas import AreaRules
from . import maptext
from .floorplans import FloorMapData, floors_text, outline_key
from .housemap import HouseMapData, HousePage
from .mapdata import clean_text, column_of, polygon_parts

TITLE = "房产平面图"
NEIGHBOURHOOD = 15.0  # m around the parcel (or the building) in which other buildings are drawn


class BuildingPlanData(FloorMapData):
    """A 房产平面图 per building; ``neighbours`` is the table of every building of the layer (drawn faintly)."""

    def __init__(self, houses, floors=None, parts=None, households=None, parcels=None, holders=None,
                 rules: Optional[AreaRules] = None, neighbours=None):
        super().__init__(houses, floors, parts, households, parcels, holders, rules)
        others = [g for g in (neighbours.geometries if neighbours is not None else []) if g is not None and not g.is_empty]
        self.others = np.asarray(others, dtype=object)
        self.tree = shapely.STRtree(self.others) if len(others) else None

    def unit_pages(self, key: str, rows: List[int]) -> List[HousePage]:
        pages = HouseMapData.unit_pages(self, key, rows)
        page = pages[0]
        if not page.buildings:
            return pages
        footprint = shapely.union_all([b.geometry for b in page.buildings])
        zrzh = clean_text(column_of(self.houses, "ZRZH")[rows[0]])
        plans = self.plans(zrzh)
        mine = outline_key(footprint)
        floors = []
        for members in plans:
            outline = shapely.union_all(polygon_parts(self.floors.geometries[members[0][1]]))
            if outline_key(outline) != mine:
                floors += [(g, floors_text([n for n, _r, _a in members])) for g in polygon_parts(outline)]
        header = dict(page.header, title=TITLE)
        if plans:
            header["header_jzmj"] = maptext.area_text(sum(a for members in plans for _n, _r, a in members))
        if floors:
            header["floor"] = "虚线为与基底不同的层轮廓（" + "、".join(dict.fromkeys(t for _g, t in floors)) + "）"
        else:  # without floors (C) nothing is known of them
            header["floor"] = "各层轮廓与基底相同" if plans else ""
        return [HousePage(key, key or page.stem, header, page.buildings, page.parcel, page.problems,
                          floors=floors, neighbours=self._neighbours(footprint, page.parcel), fit_parcel=True)]

    def _neighbours(self, footprint, parcel) -> list:
        """The polygons of the other buildings near the parcel (or the building); the map frame clips them."""
        if self.tree is None:
            return []
        around = (parcel if parcel is not None else footprint).buffer(NEIGHBOURHOOD)
        near = self.others[self.tree.query(around, predicate="intersects")]
        mine = outline_key(footprint)
        return [p for g in near if outline_key(shapely.union_all(polygon_parts(g))) != mine for p in polygon_parts(g)]
