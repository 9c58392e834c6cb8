"""What one 房产分户图 (house map) shows, worked out without QGIS (domain.md §6).

A unit is a household's buildings on one parcel (or one building). When its buildings have different numbers of
storeys, each distinct floor plan gets its own page: floor k shows the buildings with at least k storeys, and
consecutive floors with the same buildings share a page ("第2-3层"). Edge lengths go outside each building,
storeys and structure (e.g. 2混) and the building number inside. Plane metres; paper millimetres.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon, box

from ..documents import completeness
from ..messages import Problem, translatable
from . import maptext
from . import walls as wall_drawing
from .labelplacement import Candidate, Measure, PlacedLabel, Placer, approximate_measure, rotated_box
from .mapdata import clean_text, column_of, polygon_parts
from .parcelmap import SIZES, frame_extent, lazy, place_in_passes
from .scales import ROUND_SCALES, choose_scale

HOUSE_MARGIN_MM = 12.0
DEFAULT_MIN_SCALE = 200  # 房产分户图 are usually drawn at 1:200


def floor_area(footprint: float, storeys, measured) -> float:
    """建筑面积 of a building: the measured SCJZMJ when given, else footprint × storeys (domain.md §3), m²."""
    if measured is not None and float(measured) > 0:
        return float(measured)
    n = maptext.as_int(storeys)
    return footprint * (n if n and n > 0 else 1)


def floor_groups(storeys: Sequence[int]) -> List[Tuple[int, int, List[int]]]:
    """(first floor, last floor, indices of the buildings drawn) for each distinct floor plan, lowest first."""
    top = max(storeys) if storeys else 0
    groups: List[Tuple[int, int, List[int]]] = []
    for floor in range(1, top + 1):
        present = [i for i, n in enumerate(storeys) if n >= floor]
        if groups and groups[-1][2] == present:
            groups[-1] = (groups[-1][0], floor, present)
        else:
            groups.append((floor, floor, present))
    return groups


def floor_text(first: int, last: int, single_plan: bool) -> str:
    if single_plan:
        return f"各层平面图（共{last}层）" if last > 1 else "一层平面图"
    return f"第{first}层平面图" if first == last else f"第{first}-{last}层平面图"


def building_numbers(zrzh: str, bdcdyh: str) -> Tuple[str, str]:
    """(幢号, 户号). The 幢号 is the number at the end of ZRZH (…F0001); the 不动产单元号 (F + 幢号 4 + 户号 4 digits)
    gives the 户号, and the 幢号 only when ZRZH has none and it is not 9999 (several buildings in one unit)."""
    unit = clean_text(bdcdyh)
    household = unit[24:28] if len(unit) == 28 and unit[19] == "F" else ""
    match = re.search(r"F?([0-9]{1,4})$", clean_text(zrzh))
    if match:
        return match.group(1).zfill(4), household
    if household and unit[20:24] != "9999":
        return unit[20:24], household
    return clean_text(zrzh), household


@dataclass
class Building:
    geometry: Polygon
    storeys: int
    structure: object
    number: str  # 幢号
    household: str  # 户号
    area: float  # 建筑面积, m²

    @property
    def footprint(self) -> float:
        return self.geometry.area


@dataclass
class HouseScene:
    scale: int
    extent: Tuple[float, float, float, float]
    buildings: List[Polygon]
    parcel: Optional[Polygon]
    labels: List[PlacedLabel]
    strokes: List[LineString]
    unplaced: List[Tuple[str, str]] = field(default_factory=list)
    parts: List[Polygon] = field(default_factory=list)
    floors: List[LineString] = field(default_factory=list)  # outlines of floors differing from the footprint
    walls: List[Tuple[LineString, str]] = field(default_factory=list)  # 墙体归属 strokes and legend samples, by role


def house_scene(buildings: Sequence[Building], parcel: Optional[Polygon], frame_mm: Tuple[float, float],
                measure: Measure = approximate_measure, min_scale: int = DEFAULT_MIN_SCALE,
                scales: Sequence[int] = ROUND_SCALES, blocked_mm: Sequence[Tuple[float, float, float, float]] = (),
                parts: Sequence[Tuple[Polygon, str]] = (), notes: Sequence[Tuple[Polygon, str]] = (),
                floors: Sequence[Tuple[Polygon, str]] = (), fit: Sequence[Polygon] = (),
                walls: Sequence[wall_drawing.Edge] = ()) -> Tuple[Optional[HouseScene], List[Problem]]:
    """Lay out one floor plan: scale, extent, edge lengths outside the outlines, labels inside; ``blocked_mm`` as
    for cadastre.maps.parcelmap.parcel_scene. ``parts`` (area parts, hatched) and ``notes`` (household outlines) are
    (polygon, label) pairs; the parts widen the extent and get their label inside or beside them. ``floors`` are
    (outline, '3层') of floors differing from the footprint (房产平面图): drawn dashed, labelled where they stand
    out of or back from it, with the lengths of their edges off the footprint's boundary; ``fit`` widens the extent;
    ``walls`` (cadastre.maps.walls edges) are drawn as their kind of wall, with a legend in the lower-left corner."""
    outlines = [b.geometry for b in buildings]
    extent_of = outlines + [g for g, _t in parts] + [g for g, _t in floors] + [g for g in fit if g is not None]
    if not outlines:
        return None, [Problem("HOUSE_NONE", translatable("There are no buildings to draw."))]
    minx, miny, maxx, maxy = shapely.total_bounds(np.asarray(extent_of, dtype=object))
    scale = choose_scale(maxx - minx, maxy - miny, frame_mm[0], frame_mm[1], HOUSE_MARGIN_MM, min_scale, scales)
    if scale is None:
        return None, [Problem("MAP_TOO_LARGE", translatable(
            "The parcel ({width:.1f} m × {height:.1f} m) does not fit the map frame even at 1:{scale}."),
            {"width": maxx - minx, "height": maxy - miny, "scale": max(scales)})]
    extent = frame_extent((minx + maxx) / 2, (miny + maxy) / 2, frame_mm[0], frame_mm[1], scale)
    frame = box(*extent)
    placer = Placer(frame.buffer(-1.5 * scale / 1000.0, join_style=2), scale, measure)
    placer.block_paper(extent, blocked_mm)
    mm = placer.mm
    union = shapely.union_all(outlines)
    for outline in outlines:
        placer.add_obstacle(outline.boundary.buffer(0.2 * mm))
    strokes: List[LineString] = []
    wall_strokes = wall_drawing.wall_strokes(walls, mm)
    for samples, text, (x, y) in _wall_legend(placer, extent, mm, {role for _l, role in wall_strokes}):
        placer.place(text, "house", SIZES["edge"], [Candidate(x + placer.size(text, SIZES["edge"])[0] / 2, y)])
        for line, role in samples:
            placer.add_obstacle(line.buffer(mm))
            wall_strokes.append((line, role))
    for b in buildings:
        text = "\n".join(t for t in (maptext.house_label(b.storeys, b.structure), f"({b.number})" if b.number else "") if t)
        if text:
            place_in_passes(placer, text, "house", SIZES["house"],
                            ((placer.inside_area(b.geometry, text, SIZES["house"]), None),), strokes)
    # inside labels and the parts' first: a part's label needs its leader free of the edge lengths
    for geometry, text in list(notes) + list(parts):
        if text:
            _place_note(placer, geometry, text, strokes)
    for geometry, text in floors:
        differs = shapely.symmetric_difference(geometry, union)
        place_in_passes(placer, text, "house", SIZES["small"], (
            (placer.inside_area(_largest(shapely.intersection(differs, geometry)) or geometry, text, SIZES["small"]), None),
            (placer.inside_area(_largest(differs), text, SIZES["small"]), None)), strokes)
    done = set()
    for a, b in _edges(outlines, [g for g, _t in floors], union.boundary):
        key = tuple(sorted(((round(a[0], 2), round(a[1], 2)), (round(b[0], 2), round(b[1], 2)))))
        if key in done or a == b:
            continue
        done.add(key)
        length = math.hypot(b[0] - a[0], b[1] - a[1])
        text = maptext.length_text(length)
        nx, ny = (b[1] - a[1]) / length, -(b[0] - a[0]) / length
        mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
        if union.contains(shapely.Point(mx + nx * 0.05 * mm, my + ny * 0.05 * mm)):
            nx, ny = -nx, -ny
        beside = placer.along_segment(a, b, (nx, ny), text, SIZES["edge"])
        away = lazy(lambda a=a, b=b, n=(nx, ny), t=text: placer.away_from_segment(a, b, n, t, SIZES["edge"]))
        place_in_passes(placer, text, "edge", SIZES["edge"], ((beside, union), (beside, None), (away, union), (away, None)),
                        strokes)
    problems = [Problem("MAP_LABEL_UNPLACED", translatable(
        "Label {text} ({role}) found no free place at 1:{scale}; it was left out."),
        {"text": text, "role": role, "scale": scale}) for role, text in placer.unplaced]
    return HouseScene(scale, extent, outlines, parcel, placer.placed, strokes, placer.unplaced,
                      [g for g, _t in parts], [g.exterior for g, _t in floors], wall_strokes), problems


def _edges(outlines: Sequence[Polygon], floors: Sequence[Polygon], footprint_boundary):
    """The segments whose lengths the plan gives: every edge of the outlines; of the floor outlines (房产平面图),
    the parts of their edges off the footprint's boundary (a set-back line, a balcony's front and sides)."""
    for outline in outlines:
        coords = [tuple(c[:2]) for c in outline.exterior.coords]
        yield from zip(coords[:-1], coords[1:])
    corners = shapely.points(shapely.get_coordinates(footprint_boundary))
    for outline in floors:
        coords = [tuple(c[:2]) for c in outline.exterior.coords]
        for a, b in zip(coords[:-1], coords[1:]):
            segment = LineString([a, b])
            if a == b:
                continue
            crossings = shapely.get_coordinates(shapely.intersection(segment, footprint_boundary))
            cuts = {0.0, segment.length} | {segment.project(shapely.Point(c)) for c in crossings}
            cuts |= {segment.project(c) for c in corners if segment.distance(c) < 0.01}
            ends = sorted(cuts)
            for t0, t1 in zip(ends[:-1], ends[1:]):
                if t1 - t0 > 0.1 and footprint_boundary.distance(segment.interpolate((t0 + t1) / 2)) > 0.02:
                    p0, p1 = segment.interpolate(t0), segment.interpolate(t1)
                    yield (p0.x, p0.y), (p1.x, p1.y)


def _place_note(placer: Placer, geometry, text: str, strokes: List[LineString]) -> None:
    """A label inside its area: in the edge lengths' print, else in small print (a crowded plan), else its first
    line alone (a note's later lines are a supplement); reported once when nothing fits."""
    texts = [text] + ([text.split("\n")[0]] if "\n" in text else [])
    for candidate in texts:
        for size in (SIZES["edge"], SIZES["small"]):
            if place_in_passes(placer, candidate, "house", size, ((placer.inside_area(geometry, candidate, size), None),),
                               strokes):
                return
            placer.unplaced.pop()
    placer.unplaced.append(("house", text))


def _wall_legend(placer: Placer, extent, mm: float, roles):
    """The wall legend's rows in the first map corner where all its labels are free of the layout's items (the
    lower left where none is: its labels are then reported unplaced)."""
    for corner in wall_drawing.CORNERS:
        rows = wall_drawing.legend_rows(extent, mm, roles, corner)
        sizes = [placer.size(text, SIZES["edge"]) for _samples, text, _at in rows]
        if all(placer.free(rotated_box(x + w / 2, y, w, h, 0.0)) for (_s, _t, (x, y)), (w, h) in zip(rows, sizes)):
            return rows
    return wall_drawing.legend_rows(extent, mm, roles)


def _largest(geometry) -> Optional[Polygon]:
    """The largest polygon of ``geometry`` (None when it has no area)."""
    pieces = [g for g in polygon_parts(geometry) if g.area > 0.01] if geometry is not None else []
    return max(pieces, key=lambda g: g.area) if pieces else None


@dataclass
class HousePage:
    key: str
    stem: str
    header: Dict[str, str]
    buildings: List[Building]
    parcel: Optional[Polygon]
    problems: List[Problem] = field(default_factory=list)
    parts: List[Tuple[Polygon, str]] = field(default_factory=list)  # area parts (MJBF) and their labels
    notes: List[Tuple[Polygon, str]] = field(default_factory=list)  # household outlines (H) and their labels
    floors: List[Tuple[Polygon, str]] = field(default_factory=list)  # floor outlines differing from the footprint
    neighbours: List[Polygon] = field(default_factory=list)  # other buildings drawn faintly (房产平面图)
    fit_parcel: bool = False  # the extent takes in the whole parcel
    walls: List[wall_drawing.Edge] = field(default_factory=list)  # households' edges with a surveyed 墙体归属


class HouseMapData:
    """Units (a household's buildings on a parcel, or single buildings) and their floor-plan pages."""

    def __init__(self, houses, parcels=None, holders=None, per_building: bool = False):
        self.houses = houses
        self.parcels = parcels
        codes = [clean_text(c) for c in column_of(houses, "ZDDM")]
        parcel_codes = [clean_text(c) for c in column_of(parcels, "ZDDM")] if parcels is not None else []
        self.parcel_of_code = {c: i for i, c in enumerate(parcel_codes) if c}
        self.owner_by_code = {}
        if holders is not None:
            for code, name in zip(column_of(holders, "ZDDM"), column_of(holders, "QLRMC")):
                if clean_text(code) and clean_text(name):
                    self.owner_by_code.setdefault(clean_text(code), []).append(clean_text(name))
        if parcels is not None and len(parcels.geometries):
            tree = shapely.STRtree(np.asarray([g if g is not None else shapely.Point() for g in parcels.geometries], dtype=object))
            for i, code in enumerate(codes):  # buildings without a parcel code: the parcel they stand in
                g = houses.geometries[i]
                if not code and g is not None and not g.is_empty:
                    hits = tree.query(g.representative_point(), predicate="within")
                    if len(hits):
                        codes[i] = parcel_codes[int(hits[0])]
        self.codes = codes
        numbers = column_of(houses, "ZRZH")
        if per_building:
            self.units = [(numbers[i] and clean_text(numbers[i]) or codes[i] or str(i), [i]) for i in range(len(codes))]
        else:
            groups: Dict[str, List[int]] = {}
            for i, code in enumerate(codes):
                groups.setdefault(code or f"#{i}", []).append(i)
            self.units = sorted(groups.items())

    def pages(self) -> List[HousePage]:
        result = []
        for key, rows in self.units:
            result += self.unit_pages(key, rows)
        return result

    def unit_pages(self, key: str, rows: List[int]) -> List[HousePage]:
        storeys_col, structure_col = column_of(self.houses, "ZCS"), column_of(self.houses, "FWJG")
        zrzh_col, unit_col, measured_col = column_of(self.houses, "ZRZH"), column_of(self.houses, "BDCDYH"), column_of(self.houses, "SCJZMJ")
        buildings: List[Building] = []
        problems: List[Problem] = []
        for r in rows:
            parts = polygon_parts(self.houses.geometries[r])
            if not parts:
                problems.append(Problem("HOUSE_GEOMETRY", translatable("Building {number} has no polygon geometry."),
                                        {"number": clean_text(zrzh_col[r]) or r}))
                continue
            storeys = maptext.as_int(storeys_col[r])
            if not storeys or storeys < 1:
                problems.append(Problem("HOUSE_STOREYS", translatable(
                    "Building {number} has no number of storeys (ZCS); it is drawn as one storey."),
                    {"number": clean_text(zrzh_col[r]) or r}))
                storeys = 1
            number, household = building_numbers(zrzh_col[r], unit_col[r])
            footprint = sum(p.area for p in parts)
            area = floor_area(footprint, storeys, measured_col[r])
            for part in parts:
                buildings.append(Building(part, storeys, structure_col[r], number, household,
                                          area * part.area / footprint if footprint else 0.0))
        code = self.codes[rows[0]] if rows else ""
        parcel, header = None, {}
        if code in self.parcel_of_code:
            j = self.parcel_of_code[code]
            g = self.parcels.geometries[j]
            parcel = polygon_parts(g)[0] if polygon_parts(g) else None
            header["header_zl"] = clean_text(column_of(self.parcels, "ZL")[j])
            header["header_qlr"] = clean_text(column_of(self.parcels, "QLRMC")[j])
        if not header.get("header_qlr"):
            header["header_qlr"] = "、".join(self.owner_by_code.get(code, []))
        header["header_zddm"] = code
        numbers = sorted({b.number for b in buildings if b.number})
        households = sorted({b.household for b in buildings if b.household})
        header["header_zrzh"] = "、".join(numbers) + ("/" + "、".join(households) if households else "")
        header["header_jg"] = "、".join(dict.fromkeys(maptext.structure_name(b.structure) for b in buildings if maptext.structure_name(b.structure)))
        storeys = sorted({b.storeys for b in buildings})
        header["header_cs"] = (str(storeys[0]) if len(storeys) == 1 else f"{storeys[0]}-{storeys[-1]}") if storeys else ""
        header["header_jzmj"] = maptext.area_text(sum(b.area for b in buildings)) if buildings else ""
        header["header_zzdmj"] = maptext.area_text(sum(b.footprint for b in buildings)) if buildings else ""
        blank = completeness.incomplete(completeness.HOUSE_MAP, {
            "ZDDM": code, "ZL": header.get("header_zl"), "QLRMC": header.get("header_qlr"), "ZRZH": "、".join(numbers)})
        if blank is not None and buildings:
            return [HousePage(key, _stem(key, code), header, [], parcel, problems + [blank])]
        if not buildings:
            return [HousePage(key, _stem(key, code), header, [], parcel, problems or [
                Problem("HOUSE_NONE", translatable("There are no buildings to draw."))])]
        groups = floor_groups([b.storeys for b in buildings])
        pages = []
        for first, last, members in groups:
            page_header = dict(header, floor=floor_text(first, last, len(groups) == 1))
            suffix = "" if len(groups) == 1 else (f"_F{first}" if first == last else f"_F{first}-{last}")
            label = "" if len(groups) == 1 else " " + page_header["floor"]
            pages.append(HousePage(key + label, _stem(key, code) + suffix, page_header,
                                   [buildings[m] for m in members], parcel, list(problems)))
        return pages


def _stem(key: str, code: str) -> str:
    return code or key
