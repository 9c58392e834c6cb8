"""One demo village: layout, parcels, planted defects, households and cases, houses (surroundings.py adds
farmland and the base map).

Coordinates are village-local integer millimetres; county.py moves each village to its place. The village is
a grid of slots (SLOT_W × SLOT_H): most hold a block of homesteads, a few inner ones farmland, a pond or an
open ground; lanes run along the slot edges, and a ring of permanent basic farmland surrounds it all.
"""
from __future__ import annotations

import math
from typing import Dict, List, Optional, Tuple

import shapely

from . import policy
from .blocks import BlockPlan, HouseOptions, place_houses, plan_cuts
from .draws import Draws
from .lattice import Frame, iround, rectangle
from .model import Defect, House, Household, Parcel, Patch, delta_p
from .people import Registry
from .site import LOBE_DEPTH, LOBES, SLOT_H, SLOT_W
from .surroundings import add_basemap, add_farmland

GEOMETRY_DEFECTS = ("overlap", "gap", "mismatch", "across", "bowtie")
OVERLAP_BULGE = 8  # lattice steps the overlapping parcel reaches into its neighbour
GAP_WIDTH = 2  # lattice steps (0.2 m)
GAP_TAPER = 20  # lattice steps (2 m) over which the gap narrows to its shared end points
MISMATCH_SHIFT = 4  # lattice steps (0.4 m)
ACROSS_INTO_A, ACROSS_INTO_B = 40, 20  # lattice steps of the crossing house on each side of the boundary
AREA_FACTORS = (2.5, -3.0, 4.0)  # recorded-area errors, in multiples of ΔP
BASEMAP_SHIFTS = ((900, 1200), (-900, 1200), (1200, -900), (-1200, -900), (1500, 0), (0, -1500))


class Village:
    """Builds one village from its own seeded generator; every list is in write order."""

    def __init__(self, index: int, quota: int, seed: int, town: str, name: str, county: str, district: str,
                 subdistrict: str, registry: Registry, clean: bool = False):
        self.index, self.quota, self.town, self.name = index, quota, town, name
        self.clean = clean  # no planted defect: every parcel an approved member's, every house on its parcel
        self.county, self.district, self.subdistrict = county, district, subdistrict
        self.key = county + district + subdistrict
        self.rng = Draws([seed, index])
        self.registry = registry
        self.surnames = registry.village_surnames()
        self.parcels: List[Parcel] = []
        self.houses: List[House] = []
        self.extra_buildings: List[House] = []
        self.farmland: List[Patch] = []
        self.roads: List[Patch] = []
        self.water: List[Patch] = []
        self.defects: List[Defect] = []
        self.plain: List[Parcel] = []  # plain class-1 parcels free for cross-village households
        # set by add_farmland / add_basemap (mm): the farmland ring's inner edges and the village's extent
        self.ring_west = self.ring_east = self.north_inner = self.south_inner = 0
        self.bounds: Tuple[int, int, int, int] = (0, 0, 0, 0)
        self._layout()
        self._parcels()
        self._cases()
        self._houses()
        add_farmland(self)
        add_basemap(self)

    # --- layout ---------------------------------------------------------------------------------------
    def _layout(self) -> None:
        rng = self.rng
        sizes = block_sizes(rng, self.quota)
        n_blocks = len(sizes)
        cols = max(3, iround(math.sqrt((n_blocks + 3) / 1.6)))
        while True:
            rows = -(-(n_blocks + 3) // cols)
            if n_blocks >= 2 * rows:  # the edge columns hold blocks only
                break
            cols += 1
        self.cols, self.rows = cols, rows
        inner = [(r, c) for r in range(rows) for c in range(1, cols - 1)]
        order = rng.permutation(len(inner))
        self.specials: Dict[Tuple[int, int], str] = {}
        for n, i in enumerate(order[: cols * rows - n_blocks]):
            self.specials[inner[int(i)]] = ("pond", "open")[n] if n < 2 else "farm"
        self.block_slots = [(r, c) for r in range(rows) for c in range(cols) if (r, c) not in self.specials]
        edge = [i for i, (_, c) in enumerate(self.block_slots) if c in (0, cols - 1)]
        middle = [i for i, (_, c) in enumerate(self.block_slots) if c not in (0, cols - 1)]
        lobe_blocks = [edge[int(i)] for i in rng.permutation(len(edge))[: len(LOBES)]]
        self.lobe_sites = dict(zip(lobe_blocks, LOBES))
        candidates = [middle[int(i)] for i in rng.permutation(len(middle))]
        rest = [i for i in edge if i not in self.lobe_sites]
        candidates += [rest[int(i)] for i in rng.permutation(len(rest))] + lobe_blocks
        self.geometry_sites = dict(zip(candidates[: len(GEOMETRY_DEFECTS)], GEOMETRY_DEFECTS))
        if self.clean:
            self.lobe_sites, self.geometry_sites = {}, {}
        self.plans: List[BlockPlan] = []
        for i, ((r, c), size) in enumerate(zip(self.block_slots, sizes)):
            k0 = (size + 1) // 2
            k1 = size - k0
            special = i in self.geometry_sites or i in self.lobe_sites
            width = min(115.0 if special else float(rng.uniform(95, 116)), 1000.0 / k0)
            if self.clean:  # narrower and shallower: every parcel within its household area limit
                width, depths = float(rng.uniform(85, 100)), (int(rng.integers(118, 136)), int(rng.integers(118, 136)))
            elif special:
                depths = (int(rng.integers(140, 151)), int(rng.integers(118, 151)))
            else:
                depths = (int(rng.integers(118, 151)), int(rng.integers(118, 151)))
            vertical = [k0 // 2] if self.geometry_sites.get(i) in ("overlap", "gap", "mismatch", "across") else []
            length, cuts = plan_cuts(rng, k0, k1, width, depths, regular0=special, vertical0=vertical)
            b = int(rng.integers(-4, 5))
            uc, vc = length / 2, (depths[1] - depths[0]) / 2
            x0 = c * SLOT_W
            if c == 0:
                cx = x0 + 4000 + 50 * length
            elif c == cols - 1:
                cx = x0 + SLOT_W - 4000 - 50 * length
            else:
                cx = x0 + SLOT_W / 2 + float(rng.uniform(-2000, 2000))
            cy = r * SLOT_H + SLOT_H / 2 + float(rng.uniform(-1000, 1000))
            frame = Frame(iround(cx - (100 * uc - b * vc)), iround(cy - (b * uc + 100 * vc)), b)
            self.plans.append(BlockPlan(frame, length, cuts))

    # --- parcels and geometry defects ------------------------------------------------------------------
    def _parcels(self) -> None:
        rng = self.rng
        seq = 0
        self.by_block: List[Tuple[List[Parcel], List[Parcel]]] = []
        for i, plan in enumerate(self.plans):
            rows: Tuple[List[Parcel], List[Parcel]] = ([], [])
            for row in (0, 1):
                for j in range(plan.count(row)):
                    seq += 1
                    p = Parcel(self, i, row, j, plan, plan.ring(row, j), plan.box(row, j), seq)
                    p.group = 1 + i // 3
                    rows[row].append(p)
                    self.parcels.append(p)
            self.by_block.append(rows)
        for i, kind in self.geometry_sites.items():
            self._plant_geometry(i, kind)
        for i, kind in self.lobe_sites.items():
            row0 = self.by_block[i][0]
            west = self.block_slots[i][1] == 0
            p = row0[0] if west else row0[-1]
            p.tags["lobe"] = kind
            outer = "margin_left" if west else "margin_right"
            if kind == "farm_house":
                p.house_options = HouseOptions(count=1, align="left" if west else "right")
            elif kind == "farm_plain":
                setattr(p.house_options, outer, iround(LOBE_DEPTH[kind]) + 15)
        for p in self.parcels:
            if not p.tags and rng.random() < 0.25:
                self._pentagon(p)
        for p in self.parcels:
            p.zddm = f"{self.key}JC{p.seq:05d}"

    def _plant_geometry(self, block: int, kind: str) -> None:
        row0 = self.by_block[block][0]
        cut = len(row0) // 2
        a, b = row0[cut - 1], row0[cut]
        uc = a.uv[1][0]
        fv = a.uv[1][1]
        if kind == "bowtie":
            (u1, v1), (u2, v2) = b.uv[0], b.uv[1]
            far = (u1 + iround(0.6 * (u2 - u1)), iround(v1 + 0.6 * (v2 - v1)) - 8)
            near = (u1 + iround(0.3 * (u2 - u1)), iround(v1 + 0.3 * (v2 - v1)) - 8)
            b.uv[1:1] = [far, near]
            b.tags["bowtie"] = "P"
            self.defects.append(Defect("self_intersection", "ZD_INVALID", "ZD", [b], description=(
                "The parcel's ring crosses itself on its lane side: it runs out to a point 0.8 m outside the "
                "frontage, back to a second point and on, a small bow-tie loop (invalid polygon). The loop lies "
                "outside every neighbour, so it overlaps nothing and leaves no gap.")))
            return
        a.tags[kind], b.tags[kind] = "A", "B"
        if kind == "overlap":
            a.uv.insert(2, (uc + OVERLAP_BULGE, fv // 2))
            b.box[0] += OVERLAP_BULGE
            self.defects.append(Defect("overlap", "ZD_OVERLAP", "ZD", [a, b], description=(
                "The first parcel's side boundary bends 0.8 m into its neighbour halfway along their shared "
                "boundary (both ends still shared): a triangular overlap. The bend point lies inside the "
                "neighbour, far from any of its corners.")))
        elif kind == "gap":
            # the gap's ends are vertices of both parcels; it tapers over GAP_TAPER steps at each end, so that
            # no vertex of one parcel lies near (but not on) a vertex of the other
            v1, v2 = iround(fv * 0.85), iround(fv * 0.15)
            a.uv[2:2] = [(uc, v1), (uc - GAP_WIDTH, v1 + GAP_TAPER), (uc - GAP_WIDTH, v2 - GAP_TAPER), (uc, v2)]
            b.uv += [(uc, v2), (uc, v1)]
            a.box[1] -= GAP_WIDTH
            self.defects.append(Defect("gap", "ZD_GAP", "ZD", [a, b], description=(
                "Along the middle part of their shared boundary the first parcel's side runs 0.2 m inside "
                "itself (narrowing to nothing over 2 m at each end), leaving a sliver gap between two neighbours "
                "that otherwise share their boundary. Both parcels have the gap's two end points as vertices.")))
        elif kind == "mismatch":
            a.uv[1] = (uc, fv - MISMATCH_SHIFT)
            self.defects.append(Defect("point_mismatch", "JZD_MISMATCH", "ZD", [a, b], description=(
                "The shared front corner of two neighbours is recorded 0.4 m apart: the first parcel's copy "
                "lies on the prolongation of their common boundary line, so the two parcels neither overlap "
                "nor leave a gap; only the boundary points disagree (tolerance 0.10-0.20 m). The corner left "
                "behind lies on the first parcel's edge, like a T-junction.")))
        elif kind == "across":
            a.house_options = HouseOptions(count=0)
            b.box[0] = uc + ACROSS_INTO_B + 15
            b.house_options = HouseOptions(count=1)

    @staticmethod
    def _pentagon(p: Parcel) -> None:
        """A fifth vertex on the lane side, bent out or in by 0.3-0.8 m."""
        rng = p.village.rng
        offset = int(rng.integers(3, 9)) * (1 if rng.random() < 0.5 else -1)  # > 0: into the parcel
        if p.row == 0:
            (u1, v1), (u2, v2) = p.uv[0], p.uv[1]
            vertex = ((u1 + u2) // 2, (v1 + v2) // 2 + offset)
            p.uv.insert(1, vertex)
            p.box[2] = max(p.box[2], vertex[1])
        else:
            (u2, v2), (u1, v1) = p.uv[2], p.uv[3]
            vertex = ((u1 + u2) // 2, (v1 + v2) // 2 - offset)
            p.uv.insert(3, vertex)
            p.box[2] = min(p.box[2], vertex[1])

    # --- households, eligibility cases, codes, recorded areas -----------------------------------------
    def _cases(self) -> None:
        rng = self.rng
        for p in self.parcels:
            raw = p.area
            valid = shapely.make_valid(shapely.Polygon(p.ring)).area / 1e6 if "bowtie" in p.tags else raw
            p.areas = (min(raw, valid), max(raw, valid))
        if self.clean:
            self._clean_cases()
            return
        pool = [self.parcels[int(i)] for i in rng.permutation(len(self.parcels))]
        pool = [p for p in pool if not p.tags]
        taken = set()

        def take(n: int, test=lambda p: True, apart: bool = True, what: str = "a planted defect") -> List[Parcel]:
            picked: List[Parcel] = []
            for p in pool:
                if id(p) in taken or not test(p):
                    continue
                if apart and any(q.block == p.block for q in picked):
                    continue
                picked.append(p)
                taken.add(id(p))
                if len(picked) == n:
                    return picked
            raise RuntimeError(f"village {self.key}: not enough parcels for {what}")

        def within(p: Parcel) -> bool:
            return p.areas[1] <= policy.LIMITS[3] - policy.CLEARANCE

        # attribute-only defects: these parcels get a plain case (or the over-limit fallback)
        duplicate = take(2)
        malformed = take(4)
        wrong_area = take(3)
        shifted, missing = take(1), take(1)
        shifted[0].house_options = HouseOptions(count=1)
        shifted[0].tags["basemap_shift"] = "P"
        missing[0].tags["basemap_missing"] = "P"
        for p in duplicate:
            p.tags["duplicate"] = "P"
        for p in malformed:
            p.tags["malformed"] = "P"
        for p, factor in zip(wrong_area, AREA_FACTORS):
            p.tags["area"] = str(factor)

        cases: Dict[int, Tuple[str, str]] = {}
        households: Dict[int, List[Parcel]] = {}
        for kind in ("multi", "multi", "heir", "heir"):
            pair = take(2, within)
            households[id(pair[0])] = households[id(pair[1])] = pair
            if kind == "multi":
                for p in pair:
                    cases[id(p)] = policy.MULTI
            else:
                cases[id(pair[0])], cases[id(pair[1])] = policy.HEIR_OWN, policy.HEIR_SECOND
            self.defects.append(Defect("multiple_homesteads", "HH_MULTI", "ZD", list(pair), description=(
                "One household (same HH and right holder's ID number) holds two homesteads in this village"
                + ("." if kind == "multi" else "; the second is inherited (四(二)9)."))))
        scarcity = {"small": 0, "over": 1, "within": 2, "any": 3}
        for case, clause, count, need in sorted(policy.SPECIAL_CASES, key=lambda c: scarcity[c[3]]):
            test = {
                "within": within,
                "over": lambda p: policy.dllb_over(p.areas[0]) is not None,
                "small": lambda p: p.areas[1] <= policy.LIMITS[1] - policy.CLEARANCE,
                "any": lambda p: True,
            }[need]
            for p in take(count, test, apart=False, what=case):
                cases[id(p)] = (case, clause)
        for p in self.parcels:
            if id(p) not in cases:
                if p.tags.get("lobe") in ("farm_house", "farm_plain"):
                    cases[id(p)] = policy.FARMLAND
                elif within(p):
                    cases[id(p)] = policy.PLAIN
                    if not p.tags:
                        self.plain.append(p)
                else:
                    cases[id(p)] = policy.OVER_FALLBACK
            p.case, p.clause = cases[id(p)]
            low, high = p.areas
            if p.case in ("member_pre1987_over_limit", "member_1987_2018_over_limit_conforming"):
                dllb = policy.dllb_over(low)
            else:
                dllb = policy.dllb_within(rng, low, high) or policy.dllb_over(low)
            p.facts = policy.facts(rng, p.case, high, dllb)
            if p.case == "exclusion_8_vacant_or_collapsed":
                p.house_options = HouseOptions(count=0)
            elif p.case == "exclusion_9_temporary_building":
                p.house_options = HouseOptions(count=1, small=True)

        # households and right holders
        number = 0
        for p in self.parcels:
            if p.household is not None:
                continue
            number += 1
            household = self.new_household(number, p.facts.get("JFNF"))
            for q in households.get(id(p), [p]):
                q.household = household
        for p in self.parcels:
            self._recorded_area(p)
        self._codes(duplicate, malformed)

    def _clean_cases(self) -> None:
        """Every parcel a member's homestead, one household each, every fact filled, the recorded area within
        0.3·ΔP: approved (四(四)) within its limit, or, when larger than every limit, built before 1987 and
        registered with its actual area (四(四)1; the area-limit check warns)."""
        for number, p in enumerate(self.parcels, start=1):
            dllb = policy.dllb_within(self.rng, *p.areas)
            p.case, p.clause = policy.PLAIN if dllb is not None else policy.OVER_FALLBACK
            p.facts = policy.facts(self.rng, p.case, p.areas[1], dllb or policy.dllb_over(p.areas[0]))
            if p.facts.get("PZMJ") is not None:  # approved at least what was built (rounding may cut 0.05 m²)
                p.facts["PZMJ"] = max(p.facts["PZMJ"], math.ceil(p.areas[1] * 10) / 10)
            p.household = self.new_household(number, p.facts.get("JFNF"))
            self._recorded_area(p)

    def new_household(self, number: int, built: Optional[int]) -> Household:
        rng = self.rng
        birth = (int(built) - int(rng.integers(22, 41))) if built else int(rng.integers(1950, 1981))
        birth = min(max(birth, 1925), 1998)
        male = rng.random() < 0.85
        head = self.registry.person(male, birth, self.surnames)
        spouse = None
        if rng.random() < 0.65:
            year = min(max(birth + int(rng.integers(-4, 5)), 1925), 1998)
            spouse = self.registry.person(not male, year, self.surnames)
        return Household(f"{self.key}{number:04d}", head, spouse)

    def _recorded_area(self, p: Parcel) -> None:
        rng = self.rng
        low, high = p.areas
        middle = (low + high) / 2
        if "area" in p.tags:
            p.dcmj = round(middle + float(p.tags["area"]) * delta_p(middle), 2)
        elif rng.random() < 0.3:
            p.dcmj = round(middle, 2)
        else:
            p.dcmj = round(middle + float(rng.uniform(-0.3, 0.3)) * delta_p(middle), 2)

    def _codes(self, duplicate: List[Parcel], malformed: List[Parcel]) -> None:
        x, y = duplicate
        x.zddm = y.zddm
        self.defects.append(Defect("duplicate_code", "ZD_DUPCODE", "ZD", [x, y], description=(
            "Two different parcels in different blocks carry the same parcel code ZDDM (their houses' ZRZH "
            "codes repeat as well).")))
        m_length, m_owner, m_letter, m_unit = malformed
        m_length.zddm = m_length.zddm[:14] + f"{m_length.seq % 10000:04d}"
        m_owner.zddm = m_owner.zddm[:12] + "GC" + m_owner.zddm[14:]
        m_letter.zddm = m_letter.zddm[:14] + "O" + m_letter.zddm[15:]
        m_unit.tags["unit_code"] = "W00010001"
        self.defects.append(Defect("malformed_code", "ZD_CODE", "ZD", list(malformed), description=(
            "Malformed codes: a ZDDM of 18 characters; homestead right letter C on state land (GC); "
            "the letter O for a zero in the sequence number; a BDCDYH with fixture letter W (no building) "
            "followed by a non-zero unit number. Their houses and right holders carry the same codes.")))
        for p in self.parcels:
            if "area" in p.tags:
                self.defects.append(Defect("area_mismatch", "ZD_AREA", "ZD", [p], description=(
                    f"The recorded area DCMJ differs from the parcel's shoelace area by {p.tags['area']} "
                    f"times the allowed error ΔP = 0.0003·1000·√P.")))

    # --- houses -----------------------------------------------------------------------------------------
    def _houses(self) -> None:
        rng = self.rng
        across: Dict[int, House] = {}
        for i, kind in self.geometry_sites.items():
            if kind != "across":
                continue
            row0 = self.by_block[i][0]
            a, b = row0[len(row0) // 2 - 1], row0[len(row0) // 2]
            uc = a.uv[1][0]
            front = max(a.box[2], b.box[2])
            u0, u1 = uc - ACROSS_INTO_A, uc + ACROSS_INTO_B
            ring = a.plan.frame.points([(u0, front + 25), (u1, front + 25), (u1, front + 105), (u0, front + 105)])
            across[id(a)] = House(ring, "main", a, self)
            self.defects.append(Defect("house_across_boundary", "ZRZ_OUTSIDE", "ZRZ", [a, b], description=(
                "A house of the first parcel stands 4 m inside it and 2 m inside its neighbour, across their "
                "shared boundary.")))
            self.defects[-1].houses.append(across[id(a)])
        for p in self.parcels:
            placed = [House(h.ring, h.kind, p, self) for h in place_houses(rng, p.plan.frame, p.box, p.row, p.house_options)]
            if id(p) in across:
                placed.insert(0, across[id(p)])
            year = p.facts.get("JFNF")
            for n, h in enumerate(placed, start=1):
                h.number = n
                self._house_attributes(h, year, p.case)
            p.houses = placed
            self.houses.extend(placed)
            if "basemap_shift" in p.tags:
                h = placed[0]
                h.basemap_offset = BASEMAP_SHIFTS[int(rng.integers(len(BASEMAP_SHIFTS)))]
                self.defects.append(Defect("basemap_shift", "BASEMAP_SHIFT", "ZRZ", [p], [h], description=(
                    "The base-map outline of this house is displaced by 1.5 m from the surveyed house.")))
            elif "basemap_missing" in p.tags:
                h = placed[0]
                h.basemap_offset = None
                self.defects.append(Defect("basemap_missing", "BASEMAP_SHIFT", "ZRZ", [p], [h], description=(
                    "This surveyed house has no outline on the base map.")))
            else:
                for h in placed:
                    h.basemap_offset = _small_offset(rng)
        for p in self.parcels:
            if "unit_code" in p.tags:
                p.bdcdyh = p.zddm + p.tags["unit_code"]
            elif not p.houses:
                p.bdcdyh = p.zddm + "W00000000"
            else:
                p.bdcdyh = p.zddm + ("F00010001" if len(p.houses) == 1 else "F99990001")
        if self.clean:
            return
        (r, c), = [slot for slot, kind in self.specials.items() if kind == "open"]
        cx, cy = c * SLOT_W + SLOT_W // 2, r * SLOT_H + SLOT_H // 2
        site = Frame(cx, cy, int(rng.integers(-3, 4)))
        orphan = House(rectangle(site, -200, 0, 30, 40), "orphan", None, self)
        self._house_attributes(orphan, int(rng.integers(1995, 2015)), "")
        orphan.basemap_offset = _small_offset(rng)
        self.houses.append(orphan)
        self.defects.append(Defect("orphan_house", "ZRZ_ORPHAN", "ZRZ", [], [orphan], description=(
            "A surveyed house on the village's open ground that lies in no parcel (its parcel was never "
            "drawn); its codes are empty.")))
        extra = House(rectangle(site, 200, 0, 25, 35), "basemap", None, self)
        self._house_attributes(extra, 2005, "")
        self.extra_buildings.append(extra)
        self.defects.append(Defect("basemap_extra", "BASEMAP_SHIFT", "DXT_FW", [], [], [extra], description=(
            "A building on the base map with no surveyed house (on the open ground, in no parcel).")))

    def _house_attributes(self, h: House, year: Optional[int], case: str) -> None:
        rng = self.rng
        era = year if year else 2000
        if case == "exclusion_9_temporary_building":
            h.structure, h.storeys = 6, 1
        elif h.kind in ("kitchen", "shed"):
            h.structure, h.storeys = int(rng.choice([5, 4, 6], p=[0.45, 0.35, 0.2])), 1
        elif era < 1987:
            h.structure = int(rng.choice([5, 4, 6], p=[0.6, 0.35, 0.05]))
        else:
            h.structure = int(rng.choice([4, 3, 5, 6], p=[0.5, 0.35, 0.1, 0.05]))
        if h.kind in ("main", "orphan", "basemap") and case != "exclusion_9_temporary_building":
            h.storeys = {5: int(rng.integers(1, 3)), 4: int(rng.integers(2, 4)), 3: int(rng.integers(2, 5)),
                         6: 1}.get(h.structure, 2)
        if year:
            later = 0 if h.kind == "main" else int(rng.integers(0, 6))
            h.built = (min(year + later, 2020), int(rng.integers(1, 13)), int(rng.integers(1, 29)))
        if h.kind == "main" and rng.random() < 0.6:
            h.measured = round(h.area * h.storeys * float(rng.uniform(0.93, 1.02)), 2)
        elif h.kind in ("kitchen", "shed") and rng.random() < 0.3:
            h.measured = round(h.area, 2)


def block_sizes(rng: Draws, quota: int) -> List[int]:
    """Parcels per block (10-18, about 14), summing to ``quota``."""
    n = -(-quota // 14)
    sizes = [quota // n + (1 if i < quota % n else 0) for i in range(n)]
    for _ in range(n):
        i, j = rng.integers(n), rng.integers(n)
        t = int(rng.integers(0, 3))
        if i != j and sizes[i] - t >= 10 and sizes[j] + t <= 18:
            sizes[i] -= t
            sizes[j] += t
    return sizes


def _small_offset(rng: Draws) -> Tuple[int, int]:
    """A base-map digitising offset of 20-250 mm in a random direction."""
    while True:
        dx, dy = rng.integers(-250, 251), rng.integers(-250, 251)
        if 400 <= dx * dx + dy * dy <= 62500:
            return dx, dy

