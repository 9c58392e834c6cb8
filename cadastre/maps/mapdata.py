"""The survey layers as the map products need them: per parcel its points, edges, buildings and surroundings.

Inputs are plain tables (``geometries``: shapely object array in the survey plane, ``attributes``: column
name → list), such as processing.library.adapters.LayerData. Field names come from cadastre.schema.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import shapely
from shapely.geometry import Polygon

from ..documents import completeness
from ..messages import Problem, translatable
from . import maptext, parcelmap, sheets
from .parcelmap import BoundaryPoint, Edge, Feature
from .scales import ROUND_SCALES, choose_scale


@dataclass
class Table:
    """Plain rows: shapely geometries (None where missing) and attribute columns."""

    geometries: np.ndarray
    attributes: Dict[str, list]

    def __len__(self) -> int:
        return len(self.geometries)

    def column(self, name: str) -> list:
        return self.attributes.get(name) or [None] * len(self.geometries)


def column_of(table, name: str) -> list:
    if table is None:
        return []
    values = table.attributes.get(name) if hasattr(table, "attributes") else None
    return list(values) if values is not None else [None] * len(table.geometries)


def clean_text(value) -> str:
    return "" if value is None else str(value).strip()


def repaired(geometries) -> np.ndarray:
    """The geometries with the invalid ones made valid (polygonal parts kept), for drawing and overlaying
    surroundings; None stays None. The parcel being drawn is never repaired: it is refused with a reason."""
    geoms = np.asarray(geometries, dtype=object).copy()
    present = np.array([g is not None for g in geoms], dtype=bool)
    if present.any():
        invalid = np.zeros(len(geoms), dtype=bool)
        invalid[present] = ~shapely.is_valid(geoms[present])
        for k in np.flatnonzero(invalid):
            fixed = shapely.make_valid(geoms[k])
            parts = polygon_parts(fixed) if fixed.geom_type != "GeometryCollection" else [
                p for g in fixed.geoms for p in polygon_parts(g)]
            geoms[k] = shapely.MultiPolygon(parts) if parts else None
    return geoms


def code_problem(zddm: str, counts: Dict[str, int]) -> Optional[Problem]:
    """Why a parcel's code cannot key its boundary points: empty, or shared with another parcel."""
    if not zddm:
        return Problem("MAP_NO_CODE", translatable(
            "The parcel has no code (ZDDM); its boundary points cannot be found. Give it its code."))
    if counts.get(zddm, 0) > 1:
        return Problem("MAP_DUPLICATE_CODE", translatable(
            "The parcel code {code} is used by {n} parcels; their boundary points cannot be told apart. Give each "
            "parcel its own code."), {"code": zddm, "n": counts[zddm]})
    return None


def single_polygon(geometry) -> Tuple[Optional[Polygon], Optional[Problem]]:
    """The polygon of a parcel geometry; multi-part parcels of more than one part are refused with a reason."""
    if geometry is None or shapely.is_empty(geometry):
        return None, Problem("MAP_EMPTY", translatable("The parcel has no geometry."))
    if geometry.geom_type == "MultiPolygon":
        parts = [g for g in geometry.geoms if not g.is_empty]
        if len(parts) != 1:
            return None, Problem("MAP_MULTIPART", translatable(
                "The parcel has {n} separate parts; a 宗地图 draws one parcel. Split it into parcels with their own "
                "codes, or merge the parts."), {"n": len(parts)})
        geometry = parts[0]
    if geometry.geom_type != "Polygon":
        return None, Problem("MAP_NOT_POLYGON", translatable("The parcel geometry is a {kind}, not a polygon."),
                             {"kind": geometry.geom_type})
    if not geometry.is_valid:
        return None, Problem("MAP_INVALID", translatable(
            "The parcel geometry is invalid ({reason}); repair it before drawing its map."),
            {"reason": shapely.is_valid_reason(geometry)})
    return geometry, None


@dataclass
class ParcelPage:
    """One 宗地图: the scene and the header texts, or the problems that stopped it."""

    index: int
    zddm: str
    owner: str
    area: str
    sheet: str
    survey_method: str
    scene: Optional[parcelmap.Scene] = None
    problems: List[Problem] = field(default_factory=list)
    notes: List[Problem] = field(default_factory=list)  # drawn, but something to say (labels left out...)


class ParcelMapData:
    """Indexes over the layers, built once; ``page(i)`` lays out the map of parcel i."""

    PRODUCT = completeness.PARCEL_MAP  # whose required fields a page needs (completeness.REQUIRED)

    def __init__(self, parcels, points=None, lines=None, houses=None, roads=None, holders=None,
                 sheet_scale: int = 1000, zone: Optional[int] = None, length_field: str = "JZXCD"):
        self.parcels = parcels
        self.length_field = length_field
        self.codes = [clean_text(c) for c in column_of(parcels, "ZDDM")]
        self.code_count: Dict[str, int] = {}
        for code in self.codes:
            self.code_count[code] = self.code_count.get(code, 0) + 1
        self.sheet_scale = sheet_scale
        self.zone = zone
        self._surrounding = repaired(parcels.geometries)
        geoms = self._surrounding
        self._parcel_tree = shapely.STRtree(np.where([g is None for g in geoms], shapely.Point(), geoms))
        self.points_by_code = self._group(points, "ZDZHDM")
        self.lines_by_code = self._group(lines, "ZDZHDM")
        self.points = points
        self.lines = lines
        self.houses = houses
        self.houses_by_code = self._group(houses, "ZDDM")
        house_geoms = repaired(houses.geometries) if houses is not None else np.empty(0, dtype=object)
        self._house_geoms = house_geoms
        self._house_tree = shapely.STRtree(np.where([g is None for g in house_geoms], shapely.Point(), house_geoms)) \
            if len(house_geoms) else None
        self._unassigned_houses = [i for i, c in enumerate(column_of(houses, "ZDDM")) if not clean_text(c)] if houses is not None else []
        self.roads = roads
        self._road_geoms = repaired(roads.geometries) if roads is not None else np.empty(0, dtype=object)
        self._road_tree = shapely.STRtree(np.where([g is None for g in self._road_geoms], shapely.Point(),
                                                   self._road_geoms)) if len(self._road_geoms) else None
        self.owner_by_code = self._owners(holders)

    @staticmethod
    def _group(table, code_field: str) -> Dict[str, List[int]]:
        groups: Dict[str, List[int]] = {}
        if table is None:
            return groups
        for i, code in enumerate(column_of(table, code_field)):
            if clean_text(code):
                groups.setdefault(clean_text(code), []).append(i)
        return groups

    @staticmethod
    def _owners(holders) -> Dict[str, str]:
        """Right holders' names by parcel code from the QLR table, co-holders joined with 、 in SXH order."""
        if holders is None:
            return {}
        rows: Dict[str, List[Tuple[int, str]]] = {}
        for code, order, name in zip(column_of(holders, "ZDDM"), column_of(holders, "SXH"), column_of(holders, "QLRMC")):
            if clean_text(code) and clean_text(name):
                rows.setdefault(clean_text(code), []).append((int(order or 0), clean_text(name)))
        return {code: "、".join(name for _o, name in sorted(items)) for code, items in rows.items()}

    def owner(self, i: int) -> str:
        own = clean_text(column_of(self.parcels, "QLRMC")[i])
        return own or self.owner_by_code.get(self.codes[i], "")

    def boundary_points(self, i: int, polygon: Polygon) -> List[BoundaryPoint]:
        rows = self.points_by_code.get(self.codes[i], [])
        if self.points is None or not rows:
            return []
        numbers = column_of(self.points, "JZDH")
        orders = column_of(self.points, "SXH")
        result = []
        seen = set()
        for r in sorted(rows, key=lambda r: (orders[r] is None, orders[r] or 0, r)):
            g = self.points.geometries[r]
            if g is None or g.is_empty:
                continue
            key = (round(g.x, 3), round(g.y, 3))
            if key in seen:
                continue
            seen.add(key)
            result.append(BoundaryPoint(clean_text(numbers[r]) or f"J{len(result) + 1}", g.x, g.y))
        return result

    def edges(self, i: int) -> Optional[List[Edge]]:
        """Edges from the JZX rows (recorded length, JZXCD or ``length_field``, else measured); None when the
        parcel has none."""
        rows = self.lines_by_code.get(self.codes[i], [])
        if self.lines is None or not rows:
            return None
        lengths = column_of(self.lines, self.length_field)
        result = []
        for r in rows:
            g = self.lines.geometries[r]
            if g is None or g.is_empty:
                continue
            coords = list(g.coords) if g.geom_type == "LineString" else [c for part in g.geoms for c in part.coords]
            if len(coords) < 2:
                continue
            # label the middle segment of a line that bends (a wall with intermediate vertices)
            mid = g.interpolate(0.5, normalized=True)
            k = min(range(len(coords) - 1), key=lambda j: shapely.LineString(coords[j:j + 2]).distance(mid))
            length = lengths[r] if lengths[r] is not None else g.length
            result.append(Edge(tuple(coords[k][:2]), tuple(coords[k + 1][:2]), float(length)))
        return result

    def houses_of(self, i: int, polygon: Polygon) -> List[Feature]:
        rows = list(self.houses_by_code.get(self.codes[i], []))
        if self._house_tree is not None and self._unassigned_houses:
            inside = set(self._house_tree.query(polygon, predicate="intersects").tolist())
            for r in self._unassigned_houses:
                g = self._house_geoms[r]
                if r in inside and g is not None and polygon.contains(g.representative_point()):
                    rows.append(r)
        storeys, structure = column_of(self.houses, "ZCS"), column_of(self.houses, "FWJG")
        result = []
        for r in rows:
            g = self._house_geoms[r]
            for part in polygon_parts(g):
                result.append(Feature(part, maptext.house_label(storeys[r], structure[r])))
        return result

    def surroundings(self, i: int, extent) -> Tuple[List[Feature], List[Feature]]:
        window = shapely.box(*extent)
        neighbours = []
        for j in sorted(self._parcel_tree.query(window, predicate="intersects").tolist()):
            if j == i or self._surrounding[j] is None:
                continue
            neighbours.append(Feature(self._surrounding[j], maptext.parcel_number(self.codes[j])))
        roads = []
        if self._road_tree is not None:
            names = column_of(self.roads, "MC")
            for j in sorted(self._road_tree.query(window, predicate="intersects").tolist()):
                for part in polygon_parts(self._road_geoms[j]):
                    roads.append(Feature(part, clean_text(names[j])))
        return neighbours, roads

    def across(self, i: int) -> List[Tuple[Edge, str]]:
        """Texts written across the parcel's edges (none on a 宗地图; see cadastre.maps.sketch)."""
        return []

    def sheet_of(self, i: int, polygon: Polygon) -> str:
        return sheet_text(column_of(self.parcels, "TFH")[i], polygon, self.sheet_scale, self.zone)

    def page(self, i: int, frame_mm: Tuple[float, float], measure=None, scales: Sequence[int] = ROUND_SCALES,
             min_scale: int = 0, blocked_mm: Sequence[Tuple[float, float, float, float]] = ()) -> ParcelPage:
        zddm = self.codes[i]
        polygon, problem = single_polygon(self.parcels.geometries[i])
        page = ParcelPage(i, zddm, self.owner(i), "", "", "")
        if problem is None:
            problem = code_problem(zddm, self.code_count)
        if problem is None:
            problem = completeness.incomplete(self.PRODUCT, {"ZDDM": zddm, "QLRMC": page.owner,
                                                             "YT": column_of(self.parcels, "YT")[i]})
        if problem is not None:
            page.problems.append(problem)
            return page
        recorded_area = column_of(self.parcels, "ZDMJ")[i]
        if recorded_area is None:
            page.notes.append(Problem("MAP_AREA_COMPUTED", translatable(
                "ZDMJ is empty; the area computed from the coordinates ({area} m²) is shown."),
                {"area": maptext.area_text(polygon.area)}))
        page.area = maptext.area_text(recorded_area if recorded_area is not None else polygon.area)
        page.sheet = self.sheet_of(i, polygon)
        points = self.boundary_points(i, polygon)
        jzdlx = [column_of(self.points, "JZDLX")[r] for r in self.points_by_code.get(zddm, [])] if self.points is not None else []
        page.survey_method = maptext.survey_method(jzdlx)
        minx, miny, maxx, maxy = polygon.bounds
        scale = choose_scale(maxx - minx, maxy - miny, frame_mm[0], frame_mm[1], parcelmap.LABEL_MARGIN_MM,
                             min_scale, scales)
        extent = parcelmap.frame_extent((minx + maxx) / 2, (miny + maxy) / 2, frame_mm[0], frame_mm[1],
                                        scale or max(scales))
        neighbours, roads = self.surroundings(i, extent)
        kwargs = {"measure": measure} if measure is not None else {}
        scene, problems = parcelmap.parcel_scene(
            polygon, maptext.parcel_number(zddm), maptext.land_use_text(column_of(self.parcels, "YT")[i]), points,
            self.edges(i), neighbours, self.houses_of(i, polygon), roads, frame_mm, scales=scales,
            min_scale=min_scale, blocked_mm=blocked_mm, across=self.across(i), **kwargs)
        if scene is None:
            page.problems.extend(problems)
        else:
            page.scene = scene
            page.notes.extend(problems)
        return page


def polygon_parts(geometry) -> List[Polygon]:
    if geometry is None or geometry.is_empty:
        return []
    if geometry.geom_type == "Polygon":
        return [geometry]
    return [g for g in getattr(geometry, "geoms", []) if g.geom_type == "Polygon" and not g.is_empty]


def sheet_text(recorded, polygon: Polygon, scale: int, zone: Optional[int]) -> str:
    """所在图幅号 as the 宗地图 and the 权籍调查表 print it: TFH when recorded, else the standard sheets at
    ``scale`` that the parcel lies on."""
    if clean_text(recorded):
        return clean_text(recorded)
    covering = sheets.sheets_covering(polygon.bounds, scale, zone)
    if len(covering) == 1 and polygon.area > 0:  # inside one sheet, as most parcels are: nothing to measure
        return covering[0].number
    index = sheets.build_index(np.asarray([polygon], dtype=object), scale, zone)
    return "、".join(index.sheets[s].number for s in index.sheets_of_parcel[0])
