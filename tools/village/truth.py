"""The expected findings, measured on the generated features (shapely), and checked against what was planted.

Every expected list of the manifest comes from a measurement here, and the generator stops when a
measurement disagrees with the plan (an unplanned overlap, a house touching the wrong parcel, an area near a
threshold...): the manifest is then the complete truth of the file, not a wish.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Dict, List, Set, Tuple

import numpy as np
import shapely

from cadastre import codes

from . import policy
from .county import County
from .floors import rows as house_side_rows
from .gpkg import multipolygon_wkb
from .model import Defect, delta_p
from .records import basemap_wkb, house_row

MIN_FARMLAND_AREA = 1.0  # m²: the farmland rules' reporting minimum (MIN_AREA)
SEARCH_RADIUS = 1.0  # m: boundary points of neighbours closer than this are meant to be one point
POINT_TOLERANCE = 0.2  # m: the loosest boundary-point accuracy class (三级)
BASEMAP_TOLERANCE = 0.5  # m: base-map outlines are offset by at most 0.25 m, the planted one by 1.5 m
NOISE = 1e-4  # m²: below this an intersection is floating-point noise along shared edges
# The subject layer of each quality rule's findings.
RULES = {
    "ZD_OVERLAP": "ZD", "ZD_GAP": "ZD", "ZD_INVALID": "ZD", "ZD_CODE": "ZD", "ZD_DUPCODE": "ZD", "ZD_AREA": "ZD",
    "ZD_OVERLIMIT": "ZD", "ZD_JBNT": "ZD", "ZRZ_OUTSIDE": "ZRZ", "ZRZ_ORPHAN": "ZRZ", "ZRZ_JBNT": "ZRZ",
    "HH_MULTI": "ZD", "JZD_MISMATCH": "ZD", "BASEMAP_SHIFT": "ZRZ",
    "ZRZ_ZRZH": "ZRZ", "C_OUTLINE": "C", "C_MISSING": "ZRZ", "C_DUP": "C", "H_AREA": "C", "H_BDCDYH": "H",
}
HOUSE_AREA_TOLERANCE = 0.01  # m² per household unit: the H_AREA default


class PlanMismatchError(AssertionError):
    """The generated features do not show exactly what was planted."""


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise PlanMismatchError(message)


def measure(county: County) -> Dict[str, List[int]]:
    """Expected fids per rule; fills each planted defect's ``facts``. Raises PlanMismatchError."""
    return Measurement(county).run()


class Measurement:
    def __init__(self, county: County):
        self.county = county
        parcels, houses = county.parcels, county.houses
        self.pg = shapely.from_wkb([multipolygon_wkb(county.world(p.village, p.ring)) for p in parcels])
        self.hg = shapely.from_wkb([multipolygon_wkb(county.world(h.village, h.ring)) for h in houses])
        self.fg = shapely.from_wkb([multipolygon_wkb(county.world(v, patch.ring))
                                    for v in county.villages for patch in v.farmland])
        self.valid = shapely.is_valid(self.pg)
        self.pv = self.pg.copy()  # parcels made valid, for overlays
        self.pv[~self.valid] = shapely.make_valid(self.pg[~self.valid])
        self.tree = shapely.STRtree(self.pv)
        self.area = shapely.area(self.pg)
        self.valid_area = shapely.area(self.pv)
        self.pfid = np.arange(1, len(parcels) + 1)
        self.hfid = np.arange(1, len(houses) + 1)
        self.index = {id(p): i for i, p in enumerate(parcels)}
        self.hindex = {id(h): i for i, h in enumerate(houses)}
        self.expected: Dict[str, List[int]] = {}

    def run(self) -> Dict[str, List[int]]:
        for step in (self.overlaps, self.gaps, self.attributes, self.farmland, self.houses, self.points,
                     self.basemap, self.house_side):
            step()
        self.compare()
        self.facts()
        self.over_limit_defects()
        return {rule: [int(f) for f in self.expected[rule]] for rule in RULES}

    def overlaps(self) -> None:
        left, right = self.tree.query(self.pv, predicate="intersects")
        keep = left < right
        left, right = left[keep], right[keep]
        area = shapely.area(shapely.intersection(self.pv[left], self.pv[right]))
        odd = (area > NOISE) & (area < 1.0)
        _check(not odd.any(), f"near-threshold overlaps {list(zip(self.pfid[left[odd]], self.pfid[right[odd]]))[:5]}")
        hit = area >= 1.0
        self.expected["ZD_OVERLAP"] = sorted(set(self.pfid[left[hit]]) | set(self.pfid[right[hit]]))
        self.pair_area = {(int(a), int(b)): float(s) for a, b, s in zip(left[hit], right[hit], area[hit])}

    def gaps(self) -> None:
        """Holes in the union of each village's parcels, and the parcels around them."""
        found: Set[int] = set()
        self.gap_facts: Dict[Tuple[int, ...], Dict[str, float]] = {}
        start = 0
        for village in self.county.villages:
            n = len(village.parcels)
            for part in shapely.get_parts(shapely.union_all(self.pv[start:start + n])):
                for ring in part.interiors:
                    hole = shapely.Polygon(ring)
                    if hole.area <= NOISE:
                        continue
                    _check(hole.area >= 0.5, f"unplanned small hole of {hole.area:.4f} m² in village {village.key}")
                    near = self.tree.query(hole.buffer(-0.01), predicate="dwithin", distance=0.02)
                    fids = tuple(sorted(int(self.pfid[i]) for i in near))
                    found |= set(fids)
                    width = 2 * shapely.maximum_inscribed_circle(hole, 1e-3).length
                    self.gap_facts[fids] = {"gap_area_m2": round(hole.area, 3), "gap_width_m": round(width, 3),
                                            "gap_length_m": round(hole.area / width, 2)}
            start += n
        self.expected["ZD_GAP"] = sorted(found)

    def attributes(self) -> None:
        parcels, fid = self.county.parcels, self.pfid
        self.expected["ZD_INVALID"] = sorted(int(f) for f in fid[~self.valid])
        self.expected["ZD_CODE"] = [int(fid[i]) for i, p in enumerate(parcels)
                                    if codes.zddm_problems(p.zddm) or codes.bdcdyh_problems(p.bdcdyh)]
        counts = Counter(p.zddm for p in parcels)
        self.expected["ZD_DUPCODE"] = [int(fid[i]) for i, p in enumerate(parcels) if counts[p.zddm] > 1]
        ratio = np.array([abs(p.dcmj - a) / delta_p(a) for p, a in zip(parcels, self.area)])
        _check(not ((ratio > 0.5) & (ratio < 2.0)).any(), "a recorded area near the ΔP threshold")
        self.expected["ZD_AREA"] = sorted(int(f) for f in fid[ratio > 1.0])
        self.over: List[int] = []
        for i, p in enumerate(parcels):
            dllb = p.facts.get("DLLB")
            if dllb is None:
                continue
            limit = policy.LIMITS[dllb]
            for a in (self.area[i], self.valid_area[i]):
                _check(abs(a - limit) >= policy.CLEARANCE - 0.01, f"parcel {i + 1}: area {a:.2f} near its limit")
            if self.area[i] > limit:
                self.over.append(i)
        self.expected["ZD_OVERLIMIT"] = [int(fid[i]) for i in self.over]
        self.expected["HH_MULTI"] = self.household_parcels()

    def household_parcels(self) -> List[int]:
        """Parcels of households holding more than one parcel (same HH or same right holder's ID number)."""
        by_key: Dict[str, List[int]] = defaultdict(list)
        for i, p in enumerate(self.county.parcels):
            by_key["HH:" + p.household.hh].append(int(self.pfid[i]))
            by_key["ID:" + p.household.head.id_number].append(int(self.pfid[i]))
        return sorted({f for fids in by_key.values() if len(fids) > 1 for f in fids})

    def farmland(self) -> None:
        farm_tree = shapely.STRtree(self.fg)
        self.farm_of_parcel = self._totals(self.pv, farm_tree)
        self.sliver = (self.farm_of_parcel > NOISE) & (self.farm_of_parcel < MIN_FARMLAND_AREA)
        _check(not ((self.farm_of_parcel >= 0.8) & (self.farm_of_parcel < 10.0)).any(), "farmland overlap near 1 m²")
        self.expected["ZD_JBNT"] = sorted(int(f) for f in self.pfid[self.farm_of_parcel >= MIN_FARMLAND_AREA])
        self.farm_of_house = self._totals(self.hg, farm_tree)
        _check(not ((self.farm_of_house > NOISE) & (self.farm_of_house < 5.0)).any(), "a house on farmland by a sliver")
        self.expected["ZRZ_JBNT"] = sorted(int(f) for f in self.hfid[self.farm_of_house >= MIN_FARMLAND_AREA])

    def _totals(self, geoms, farm_tree) -> np.ndarray:
        g, f = farm_tree.query(geoms, predicate="intersects")
        totals = np.zeros(len(geoms))
        if len(g):
            np.add.at(totals, g, shapely.area(shapely.intersection(geoms[g], self.fg[f])))
        return totals

    def houses(self) -> None:
        """Each house inside exactly its own parcel, >= 0.5 m from its boundary, unless planted otherwise."""
        hl, pl = self.tree.query(self.hg, predicate="intersects")
        inside = shapely.area(shapely.intersection(self.hg[hl], self.pv[pl]))
        self.per_house: Dict[int, List[Tuple[int, float]]] = defaultdict(list)
        for h, p, a in zip(hl, pl, inside):
            if a > NOISE:
                self.per_house[int(h)].append((int(p), float(a)))
        outside, orphan, single, home = [], [], [], []
        for i, h in enumerate(self.county.houses):
            parts = self.per_house.get(i, [])
            if not parts:
                orphan.append(i + 1)
            elif len(parts) > 1:
                _check(all(a >= 1.0 for _, a in parts), f"house {i + 1} crosses a boundary by a sliver")
                outside.append(i + 1)
            else:
                (p, a), = parts
                _check(h.parcel is not None and self.index[id(h.parcel)] == p, f"house {i + 1} in another parcel")
                _check(abs(a - self.hg[i].area) < 1e-3, f"house {i + 1} sticks out of its parcel")
                single.append(i)
                home.append(p)
        single, home = np.array(single), np.array(home)
        clearance = shapely.distance(self.hg[single], shapely.boundary(self.pv[home]))
        close = (clearance < 0.5) & self.valid[home]
        _check(not close.any(), f"houses closer than 0.5 m to their boundary: {list(single[close][:5] + 1)}")
        self.expected["ZRZ_OUTSIDE"], self.expected["ZRZ_ORPHAN"] = outside, orphan

    def points(self) -> None:
        """Vertices of different parcels closer than the search radius but not coinciding."""
        coords, owner = [], []
        for i, g in enumerate(self.pg):
            ring = shapely.get_coordinates(g)[:-1]
            coords.append(ring)
            owner.append(np.full(len(ring), i))
        coords, owner = np.concatenate(coords), np.concatenate(owner)
        points = shapely.points(coords)
        a, b = shapely.STRtree(points).query(points, predicate="dwithin", distance=1.5)
        keep = owner[a] < owner[b]
        a, b = a[keep], b[keep]
        dist = np.hypot(*(coords[a] - coords[b]).T)
        near = dist > 0.001
        _check(not (near & ((dist <= POINT_TOLERANCE) | (dist > SEARCH_RADIUS))).any(),
               "boundary points of neighbours near a tolerance")
        self.expected["JZD_MISMATCH"] = sorted({int(self.pfid[owner[i]]) for i in np.concatenate([a[near], b[near]])})
        self.mismatch = {tuple(sorted((int(self.pfid[owner[i]]), int(self.pfid[owner[j]])))): float(d)
                         for i, j, d in zip(a[near], b[near], dist[near])}

    def basemap(self) -> None:
        self.expected["BASEMAP_SHIFT"] = [
            i + 1 for i, h in enumerate(self.county.houses)
            if h.basemap_offset is None or np.hypot(*h.basemap_offset) / 1000 > BASEMAP_TOLERANCE]

    def house_side(self) -> None:
        """The building, floor and unit rules, measured on the rows as written (a second reading of floors.py)."""
        county = self.county
        buildings = [house_row(county, h) for h in county.houses]
        (_, _, _), (_, floors, floor_wkb), (_, units, _), (_, parts, part_wkb) = house_side_rows(county, county.house_side)
        numbers = Counter(b["ZRZH"] for b in buildings if b["ZRZH"])
        self.expected["ZRZ_ZRZH"] = [i + 1 for i, b in enumerate(buildings) if b["ZRZH"] and (
            numbers[b["ZRZH"]] > 1 or len(b["ZRZH"]) != 24 or b["ZRZH"][19] != "F" or not b["ZRZH"][20:].isdigit()
            or codes.zddm_problems(b["ZRZH"][:19]) or b["ZRZH"][:19] != b["ZDDM"])]
        footprint = {b["ZRZH"]: g for b, g in zip(buildings, self.hg) if b["ZRZH"] and numbers[b["ZRZH"]] == 1}
        part_geoms: Dict[Tuple[str, str], list] = defaultdict(list)
        for row, g in zip(parts, shapely.from_wkb(part_wkb)):
            part_geoms[(row["ZRZH"], row["CH"])].append(g)
        floor_geoms = shapely.from_wkb(floor_wkb)
        self.expected["C_OUTLINE"] = [
            i + 1 for i, (row, g) in enumerate(zip(floors, floor_geoms)) if row["ZRZH"] in footprint and shapely.area(
                shapely.difference(g, shapely.union_all([footprint[row["ZRZH"]]] + part_geoms[(row["ZRZH"], row["CH"])])))
            > 0.1]
        storeys: Dict[str, Set[int]] = defaultdict(set)
        for row in floors:
            storeys[row["ZRZH"]].add(row["SJC"])
        self.expected["C_MISSING"] = [
            i + 1 for i, b in enumerate(buildings) if b["ZRZH"] in footprint and storeys.get(b["ZRZH"])
            and storeys[b["ZRZH"]] != set(range(1, b["DSCS"] + 1)) | set(range(-b["DXCS"], 0))]
        pairs = Counter((row["ZRZH"], row["CH"]) for row in floors)
        self.expected["C_DUP"] = [i + 1 for i, row in enumerate(floors) if pairs[(row["ZRZH"], row["CH"])] > 1]
        doubled = {zrzh for zrzh, _ in (k for k, n in pairs.items() if n > 1)}
        unequal = set()
        units_of, floors_of = defaultdict(list), defaultdict(list)
        for u in units:
            units_of[u["ZRZH"]].append(u)
        for i, f in enumerate(floors):
            floors_of[f["ZRZH"]].append(i)
        for zrzh in set(units_of) - doubled:
            mine = units_of[zrzh]
            whole = any(u["SJCS"] > 1 for u in mine)
            for ch in ({None} if whole else {u["CH"] for u in mine}):
                rows = [i for i in floors_of[zrzh] if whole or floors[i]["CH"] == ch]
                held = [u for u in mine if whole or u["CH"] == ch]
                if rows and abs(sum(u["SCJZMJ"] for u in held) - sum(floors[i]["CJZMJ"] for i in rows)) > \
                        HOUSE_AREA_TOLERANCE * len(held) + 1e-9:
                    unequal |= {i + 1 for i in rows}
        self.expected["H_AREA"] = sorted(unequal)
        unit_codes = Counter(u["BDCDYH"] for u in units)
        self.expected["H_BDCDYH"] = [i + 1 for i, u in enumerate(units) if (
            unit_codes[u["BDCDYH"]] > 1 or codes.bdcdyh_problems(u["BDCDYH"]) or u["BDCDYH"][:24] != u["ZRZH"]
            or u["BDCDYH"][24:] != u["HH"])]

    def compare(self) -> None:
        county = self.county
        planted: Dict[str, Set[int]] = defaultdict(set)
        for d in county.defects:
            if d.rule and d.layer == "ZD":
                planted[d.rule] |= {county.parcel_fid[id(p)] for p in d.parcels}
            elif d.rule and d.layer == "ZRZ":
                planted[d.rule] |= {county.house_fid[id(h)] for h in d.houses}
            elif d.rule and d.layer in ("C", "H"):
                planted[d.rule] |= set(d.fids)
        for rule in RULES:
            if rule == "ZD_OVERLIMIT":  # measured only: it follows from the areas and land types
                continue
            _check(set(self.expected[rule]) == planted.get(rule, set()),
                   f"{rule}: measured {sorted(self.expected[rule])[:10]} planted {sorted(planted.get(rule, set()))[:10]}")

    def facts(self) -> None:
        county = self.county
        for d in county.defects:
            d.parcels.sort(key=lambda p: county.parcel_fid[id(p)])
            pf = [county.parcel_fid[id(p)] for p in d.parcels]
            pi = [self.index[id(p)] for p in d.parcels]
            hi = [self.hindex[id(h)] for h in d.houses]
            if d.kind == "overlap":
                a, b = pi
                vertices = shapely.points(shapely.get_coordinates(self.pg[a]))
                inside = vertices[shapely.contains(self.pg[b], vertices)]
                bulge = shapely.distance(inside, shapely.boundary(self.pg[b])).max()
                d.facts = {"overlap_area_m2": round(self.pair_area[tuple(sorted(pi))], 3),
                           "vertex_inside_neighbour_m": round(float(bulge), 3)}
            elif d.kind == "gap":
                d.facts = self.gap_facts[tuple(pf)]
            elif d.kind == "self_intersection":
                (i,) = pi
                reason, _, where = shapely.is_valid_reason(self.pg[i]).partition("[")
                x, y = (float(c) for c in where.rstrip("]").split())
                d.facts = {"shoelace_area_m2": round(float(self.area[i]), 3),
                           "valid_area_m2": round(float(self.valid_area[i]), 3), "reason": reason,
                           "crossing_point": [round(x, 3), round(y, 3)]}
            elif d.kind == "point_mismatch":
                d.facts = {"displacement_m": round(self.mismatch[tuple(pf)], 3)}
            elif d.kind == "house_across_boundary":
                d.facts = {"area_in_parcels_m2": [round(a, 3) for _, a in sorted(self.per_house[hi[0]])]}
            elif d.kind == "orphan_house":
                house = self.hg[hi[0]]
                nearest = self.tree.query_nearest(house)
                d.facts = {"distance_to_nearest_parcel_m": round(float(shapely.distance(house, self.pv[nearest]).min()), 2)}
            elif d.kind == "area_mismatch":
                (i,) = pi
                dcmj, a = d.parcels[0].dcmj, float(self.area[i])
                d.facts = {"area_m2": round(a, 2), "DCMJ": dcmj, "delta_p_m2": round(delta_p(a), 2),
                           "difference_in_delta_p": round(abs(dcmj - a) / delta_p(a), 2)}
            elif d.kind == "duplicate_code":
                d.facts = {"ZDDM": d.parcels[0].zddm}
            elif d.kind == "malformed_code":
                d.facts = {"problems": [[pr.id for pr in codes.zddm_problems(p.zddm) + codes.bdcdyh_problems(p.bdcdyh)]
                                        for p in d.parcels], "BDCDYH": [p.bdcdyh for p in d.parcels]}
            elif d.kind in ("farmland_occupation", "farmland_sliver"):
                (i,) = pi
                d.facts = {"farmland_area_m2": round(float(self.farm_of_parcel[i]), 3)}
                _check((d.kind == "farmland_sliver") == bool(self.sliver[i]), f"{d.kind} of parcel {pf}")
            elif d.kind == "house_on_farmland":
                d.facts = {"farmland_area_m2": round(float(self.farm_of_house[hi[0]]), 3)}
            elif d.kind == "basemap_shift":
                (h,) = d.houses
                d.facts = {"displacement_m": round(float(np.hypot(*h.basemap_offset)) / 1000, 3)}
                moved = shapely.from_wkb(basemap_wkb(county, h))
                _check(abs(shapely.hausdorff_distance(moved, self.hg[hi[0]]) - d.facts["displacement_m"]) < 0.002,
                       "base-map shift")
            elif d.kind == "multiple_homesteads":
                d.facts = {"HH": d.parcels[0].household.hh, "villages": sorted({p.village.key for p in d.parcels})}

    def over_limit_defects(self) -> None:
        parcels = self.county.parcels
        by_village: Dict[int, List[int]] = defaultdict(list)
        for i in self.over:
            by_village[parcels[i].village.index].append(i)
        for _, items in sorted(by_village.items()):
            d = Defect("over_limit", "ZD_OVERLIMIT", "ZD", [parcels[i] for i in items], description=(
                "Parcels whose area exceeds the Hunan household limit of their land type DLLB (1 cropland 130 m², "
                "2 other land 180 m², 3 village idle land or existing homestead 210 m²); every such area is at "
                f"least {policy.CLEARANCE} m² above its limit, every other area at least as far below its own."))
            d.facts = {"areas_m2": [round(float(self.area[i]), 2) for i in items],
                       "limits_m2": [policy.LIMITS[parcels[i].facts["DLLB"]] for i in items]}
            self.county.defects.append(d)
