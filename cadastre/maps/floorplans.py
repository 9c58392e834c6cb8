"""房产分户图 from the floors (C): a page per building and distinct floor plan, worked out without QGIS.

Floors of a building with the same outline (C), to 1 cm, share a page titled by their numbers ("第2-3层平面图",
"第1、3层平面图"). A page shows the floor outline with its edge lengths, the area parts (MJBF) of those floors
hatched and labelled with their kind and coefficient (and their floors when not on all of them), the households
(H) on those floors with their 户号 and 建筑面积 (one over several floors: its part of these floors, then its whole
area) and their 墙体归属 (cadastre.maps.walls), and the 层建筑面积 in its title. The coefficients are the policy
profile's. A building without floors is drawn from its storeys as cadastre.maps.housemap does.
"""
from __future__ import annotations

import math
from collections import defaultdict
from typing import Dict, List, Optional, Sequence, Tuple

import shapely

from ..building_areas import AreaRules, Part, floor_area, household_areas, number_or_none
from ..schema import CODELISTS
from . import maptext, walls
from .housemap import Building, HouseMapData, HousePage
from .mapdata import clean_text, column_of, polygon_parts

GRID = 0.01  # m: outlines equal to the centimetre are the same plan


def floor_number(ch, sjc=None) -> Optional[int]:
    """The floor's number: SJC (实际层) when given, else CH read as a number."""
    for value in (sjc, ch):
        n = maptext.as_int(value)
        if n is not None:
            return n
    return None


def floors_title(numbers: Sequence[int]) -> str:
    """'第1层平面图', '第2-3层平面图', '第1、3-4层平面图'."""
    runs: List[List[int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return "第" + "、".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs) + "层平面图"


def outline_key(outline) -> bytes:
    """What makes two floors one drawing: the same outline, snapped to the centimetre."""
    return shapely.to_wkb(shapely.normalize(shapely.set_precision(outline, GRID)), output_dimension=2)


def floors_text(numbers: Sequence[int]) -> str:
    """'2层', '2-3层', '1、3层'."""
    return floors_title(numbers)[1:-3]


def part_label(part: Part, rules: AreaRules) -> Tuple[str, Optional[float]]:
    """('未封闭阳台 ×0.5', 0.5): the kind and the coefficient (XS when given, else the profile's)."""
    given = number_or_none(part.xs)
    coefficient = given if given is not None and 0 <= given <= 1 else rules.coefficient(
        clean_text(part.bwlx), part.zz, part.fb)[0]
    name = CODELISTS["BWLX"].get(clean_text(part.bwlx), clean_text(part.bwlx) or "—")
    return (f"{name} ×{coefficient:g}" if coefficient is not None else name), coefficient


def _flag(value) -> bool:
    return maptext.as_int(value) == 1


def _key(value) -> str:
    return clean_text(value)


def _valid(geometry) -> bool:
    return geometry is not None and not geometry.is_empty and geometry.is_valid


def _on_floor(geometry, outline):
    """A household's outline within the floor outline (as it is when either is unusable)."""
    if not (_valid(geometry) and _valid(outline)):
        return geometry
    clipped = shapely.intersection(geometry, outline)
    return clipped if clipped.area > 0.01 else geometry


class FloorMapData(HouseMapData):
    """A page per building and distinct floor plan, from the floors C, parts MJBF and households H."""

    def __init__(self, houses, floors, parts=None, households=None, parcels=None, holders=None,
                 rules: Optional[AreaRules] = None):
        super().__init__(houses, parcels, holders, per_building=True)
        self.rules = rules or AreaRules()
        self.floors_of: Dict[str, List[int]] = defaultdict(list)
        for row, zrzh in enumerate(column_of(floors, "ZRZH")):
            if _key(zrzh):
                self.floors_of[_key(zrzh)].append(row)
        self.floors = floors
        self.parts_of: Dict[Tuple[str, str], List[Part]] = defaultdict(list)
        if parts is not None:
            cols = {n: column_of(parts, n) for n in ("ZRZH", "CH", "BWLX", "ZZ", "FB", "CG", "XS")}
            for row, geometry in enumerate(parts.geometries):
                self.parts_of[(_key(cols["ZRZH"][row]), _key(cols["CH"][row]))].append(Part(
                    _key(cols["BWLX"][row]), geometry, _flag(cols["ZZ"][row]), _flag(cols["FB"][row]),
                    number_or_none(cols["CG"][row]), number_or_none(cols["XS"][row]), row))
        self.households_of: Dict[str, List[int]] = defaultdict(list)
        self.households = households
        for row, zrzh in enumerate(column_of(households, "ZRZH")):
            self.households_of[_key(zrzh)].append(row)

    def unit_pages(self, key: str, rows: List[int]) -> List[HousePage]:
        pages = super().unit_pages(key, rows)
        zrzh = _key(column_of(self.houses, "ZRZH")[rows[0]]) if rows else ""
        if not self.floors_of.get(zrzh) or not pages or not pages[0].buildings:
            return pages
        template = pages[0].buildings[0]
        header = {k: v for k, v in pages[0].header.items() if k != "floor"}
        plans = self.plans(zrzh)
        if not plans:
            return pages
        header["header_jzmj"] = maptext.area_text(sum(a for members in plans for _n, _r, a in members))
        by_floor = {n: (r, a) for members in plans for n, r, a in members}
        ch = column_of(self.floors, "CH")
        result = []
        for members in plans:
            numbers = [n for n, _r, _a in members]
            areas = dict.fromkeys(maptext.area_text(a) for _n, _r, a in members)
            if len(areas) == 1:
                area_note = next(iter(areas)) + "㎡"
            else:
                area_note = "、".join(f"{n}层 {maptext.area_text(a)}㎡" for n, _r, a in members)
            outline = self.floors.geometries[members[0][1]]
            outlines = polygon_parts(outline)
            total = sum(p.area for p in outlines)
            buildings = [Building(p, template.storeys, template.structure, template.number, "",
                                  members[0][2] * p.area / total if total else 0.0) for p in outlines]
            suffix = f"_F{numbers[0]}" if len(numbers) == 1 else f"_F{numbers[0]}-{numbers[-1]}"
            households = self._households_on(zrzh, set(numbers))
            result.append(HousePage(
                f"{key} {floors_title(numbers)}", pages[0].stem + suffix,
                dict(header, floor=f"{floors_title(numbers)}  层建筑面积 {area_note}"), buildings, pages[0].parcel,
                list(pages[0].problems), self._part_notes(zrzh, members),
                self._household_notes(zrzh, households, numbers, outline,
                                      self.parts_of.get((zrzh, _key(ch[members[0][1]])), []), by_floor),
                walls=self._walls(households, outline)))
        return result

    def plans(self, zrzh: str) -> List[List[Tuple[int, int, float]]]:
        """The building's distinct floor outlines, lowest first: for each, its floors' (number, row, 层建筑面积 —
        CJZMJ when recorded, else computed with the profile's coefficients), by number."""
        col = {n: column_of(self.floors, n) for n in ("CH", "SJC", "CG", "CJZMJ")}
        plans: Dict[bytes, List[Tuple[int, int, float]]] = {}
        for row in self.floors_of.get(zrzh, []):
            number = floor_number(col["CH"][row], col["SJC"][row])
            outline = self.floors.geometries[row]
            if number is None or not polygon_parts(outline):
                continue
            parts = self.parts_of.get((zrzh, _key(col["CH"][row])), [])
            recorded = number_or_none(col["CJZMJ"][row])
            area = recorded if recorded and recorded > 0 else floor_area(outline, col["CG"][row], parts, self.rules).total
            plans.setdefault(outline_key(outline), []).append((number, row, area))
        return sorted((sorted(m) for m in plans.values()), key=lambda m: m[0][0])

    def _part_notes(self, zrzh: str, members) -> List[Tuple[object, str]]:
        """(polygon, '未封闭阳台 ×0.5') of the parts on these floors, with '（2层）' when not on all of them."""
        ch = column_of(self.floors, "CH")
        found: Dict[Tuple[bytes, str], Tuple[Part, List[int]]] = {}
        for number, row, _area in members:
            for part in self.parts_of.get((zrzh, _key(ch[row])), []):
                if part.geometry is None or part.geometry.is_empty:
                    continue
                entry = found.setdefault((outline_key(part.geometry), part_label(part, self.rules)[0]), (part, []))
                entry[1].append(number)
        notes = []
        for (_g, label), (part, numbers) in found.items():
            if len(numbers) < len(members):
                label += f"（{floors_text(numbers)}）"
            notes += [(g, label) for g in polygon_parts(part.geometry)]
        return notes

    def _households_on(self, zrzh: str, numbers: set) -> List[int]:
        """Rows of H of the building on these floors (CH to CH + SJCS - 1)."""
        if self.households is None:
            return []
        ch, sjcs = column_of(self.households, "CH"), column_of(self.households, "SJCS")
        rows = []
        for row in self.households_of.get(zrzh, []):
            low = floor_number(ch[row])
            span = maptext.as_int(sjcs[row]) or 1
            if low is not None and numbers & set(range(low, low + max(span, 1))):
                rows.append(row)
        return rows

    def _walls(self, rows: List[int], outline) -> List[walls.Edge]:
        """The edges with a surveyed 墙体归属 (QTGSD…) of these households' outlines on this floor outline."""
        if self.households is None:
            return []
        columns = {n: column_of(self.households, n) for n in walls.WALL_FIELDS if n in self.households.attributes}
        edges = []
        for row in rows if columns else []:
            geometry = self.households.geometries[row]
            for g in polygon_parts(_on_floor(geometry, outline)):
                edges += walls.wall_edges(g, walls.side_codes(columns, row)) if g.area > 0.01 else []
        return edges

    def _household_notes(self, zrzh: str, rows: List[int], numbers: List[int], outline, parts,
                         by_floor: Dict[int, Tuple[int, float]]) -> List[Tuple[object, str]]:
        """(outline, label) of these households on the page of floors ``numbers``: '0001户 48.80㎡' for a household
        on one floor; for one over several, its part of the page's floors and, on a second line, its whole area:
        '0001户 本层 61.82㎡' + '（1-2层共 98.91㎡）' (its part: the floor's area when it is the floor's only household,
        else computed)."""
        col = {n: column_of(self.households, n) for n in ("CH", "SJCS", "HH", "SCJZMJ", "BDCDYH")}
        geoms = [self.households.geometries[r] for r in rows]
        computed = household_areas(geoms, floor_area(outline, None, parts, self.rules)) if rows else []
        notes = []
        for row, geometry, area in zip(rows, geoms, computed):
            number = _key(col["HH"][row]) or _key(col["BDCDYH"][row])[24:]
            recorded = number_or_none(col["SCJZMJ"][row])
            low, span = floor_number(col["CH"][row]), max(maptext.as_int(col["SJCS"][row]) or 1, 1)
            if span > 1 and low is not None:
                floors = [n for n in range(low, low + span) if n in by_floor]
                shares = {n: self._share(zrzh, row, n, by_floor[n]) for n in floors}
                whole = recorded if recorded and recorded > 0 else sum(shares.values())
                here = [n for n in numbers if n in shares]
                values = dict.fromkeys(maptext.area_text(shares[n]) for n in here)
                if here == floors:  # the page shows all its floors
                    part = f"{floors_text(list(range(low, low + span)))}共 {maptext.area_text(whole)}㎡"
                elif len(here) == 1:
                    part = f"本层 {next(iter(values))}㎡"
                elif len(values) == 1:
                    part = f"{floors_text(here)}各 {next(iter(values))}㎡"
                else:
                    part = f"{floors_text(here)}共 {maptext.area_text(sum(shares[n] for n in here))}㎡"
                text = f"{number}户 {part}" if here == floors else \
                    f"{number}户 {part}\n（{floors_text(list(range(low, low + span)))}共 {maptext.area_text(whole)}㎡）"
            else:
                value = recorded if recorded and recorded > 0 else area
                text = f"{number}户 {maptext.area_text(value)}㎡" if value is not None and not math.isnan(value) else f"{number}户"
            for g in polygon_parts(_on_floor(geometry, outline)):
                notes.append((g, text))
                break
        return notes

    def _share(self, zrzh: str, row: int, number: int, floor: Tuple[int, float]) -> float:
        """建筑面积 of household ``row`` on floor ``number`` ((C row, area)): the floor's area when it is the floor's
        only household, else its outline there with the parts nearest to it (cadastre.building_areas)."""
        on_floor = self._households_on(zrzh, {number})
        if on_floor == [row]:
            return floor[1]
        c_row = floor[0]
        outline = self.floors.geometries[c_row]
        parts = self.parts_of.get((zrzh, _key(column_of(self.floors, "CH")[c_row])), [])
        areas = household_areas([_on_floor(self.households.geometries[r], outline) for r in on_floor],
                                floor_area(outline, column_of(self.floors, "CG")[c_row], parts, self.rules))
        return areas[on_floor.index(row)] if row in on_floor else 0.0
