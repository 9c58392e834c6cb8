"""The house side of the village: floors (C), household units (H), logical buildings (LJZ) and area parts (MJBF).

Made after the village, from the houses as they are, without drawing from any random generator, so every other
layer keeps its bytes. Main houses of two storeys or more cycle through six kinds of building: the top floor set
back; open balconies on the upper floors (one household per floor); an enclosed balcony; an eaves corridor and
outdoor stairs on the ground floor; a canopy over the door; a low top storey (2.10 m). Every other building has one
C row per storey with its footprint. Overhangs are made only where they stay 0.5 m inside the parcel.
Coordinates stay whole millimetres (village-local), as elsewhere.

The households of the set-back houses have their 墙体归属 recorded (H.QTGSD…). The recorded areas (C.CJZMJ,
H.SCJZMJ, LJZ.SCJZMJ) are the survey's own figures, made here with the GB/T 17986
coefficients (full, half, none); MJBF.XS and JSMJ are left to the plugin's area computation. The demo village
(not the clean one) plants one defect of each house rule (PLANTED).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

import shapely

from cadastre import codes, schema

from .lattice import Point, iround, twice_area
from .model import Defect, House

STOREY_HEIGHT = 3.0  # m (records.STOREY_HEIGHT)
LOW_STOREY = 2.10  # m: under 2.20 m, not counted
OVERHANG = 1200  # mm: balconies and eaves corridors
STAIRS = 1000  # mm: width of the outdoor stairs
CANOPY = (2000, 1000)  # mm: along the wall, out from it
CLEARANCE = 500  # mm: an overhang keeps this far inside the parcel
KINDS = ("setback", "balconies", "enclosed", "corridor", "canopy", "low")
# the survey's coefficient of each part (GB/T 17986.1 §8.2: enclosed full; open balcony, corridor without columns,
# canopy, uncovered outdoor stairs half; a storey under 2.20 m nothing)
COEFFICIENT = {"YT_FB": 1.0, "YT_WFB": 0.5, "YL": 0.5, "YP": 0.5, "SWLT": 0.5, "QT": 0.0}
# 墙体归属 recorded for the households of the set-back houses (a few): east shared, west borrowed, the rest own
SURVEYED_WALLS = {"QTGSD": 2, "QTGSN": 1, "QTGSX": 3, "QTGSB": 1}
# parts within their floor's outline (a balcony the floor reaches out to, a low storey); the others lie beside it
WITHIN = ("YT_FB", "YT_WFB", "QT")


@dataclass(eq=False)
class Floor:
    house: House
    ch: str
    sjc: int
    ring: List[Point]
    height: float = STOREY_HEIGHT
    parts: List[Tuple[str, List[Point]]] = field(default_factory=list)  # (BWLX, ring) on this floor
    area: float = 0.0  # recorded CJZMJ


@dataclass(eq=False)
class Unit:
    house: House
    hh: str
    ch: str
    storeys: int
    ring: List[Point]
    area: float
    bdcdyh: str = ""
    walls: Dict[str, int] = field(default_factory=dict)  # 墙体归属 by side field (QTGSD…), where surveyed


@dataclass
class HouseSide:
    floors: List[Floor] = field(default_factory=list)
    units: List[Unit] = field(default_factory=list)
    logical: List[House] = field(default_factory=list)
    areas: Dict[int, float] = field(default_factory=dict)  # id(house) -> LJZ.SCJZMJ


def zrzh(h: House) -> Optional[str]:
    """The building number ZRZH = ZDDM + 'F' + 4-digit 幢号 (records.house_row writes the same)."""
    return f"{h.parcel.zddm}F{h.number:04d}" if h.parcel else None


def _area(ring: List[Point]) -> float:
    return abs(twice_area(ring)) / 2e6


def _offset(a: Point, b: Point, length: int) -> Point:
    """A vector of ``length`` mm from b towards a."""
    dx, dy = a[0] - b[0], a[1] - b[1]
    n = (dx * dx + dy * dy) ** 0.5
    return iround(dx * length / n), iround(dy * length / n)


def _move(p: Point, v: Point, k: float = 1.0) -> Point:
    return iround(p[0] + k * v[0]), iround(p[1] + k * v[1])


def _strip(ring: List[Point], side: int, depth: int, start: float = 0.0, stop: float = 1.0) -> List[Point]:
    """A rectangle standing out ``depth`` mm from edge ``side`` (corners side, side+1) between fractions start-stop."""
    a, b = ring[side], ring[(side + 1) % 4]
    out = _offset(a, ring[(side + 3) % 4], depth)
    p, q = _move(a, (b[0] - a[0], b[1] - a[1]), start), _move(a, (b[0] - a[0], b[1] - a[1]), stop)
    return [p, q, _move(q, out), _move(p, out)]


def _room(h: House):
    """The part of the house's parcel an overhang may take: CLEARANCE inside its boundary."""
    return shapely.Polygon(h.parcel.ring).buffer(-CLEARANCE)


def _free_side(h: House, depth: int, room) -> Optional[int]:
    """The first edge of the footprint (0, 2, 1, 3) a full-width strip of ``depth`` mm fits beside."""
    for side in (0, 2, 1, 3):
        if room.contains(shapely.Polygon(_strip(h.ring, side, depth))):
            return side
    return None


def _extended(ring: List[Point], side: int, depth: int) -> List[Point]:
    """The footprint grown by ``depth`` mm out of edge ``side``."""
    strip = _strip(ring, side, depth)
    out = list(ring)
    out[side], out[(side + 1) % 4] = strip[3], strip[2]
    return out


def _floors(h: House, kind: str) -> List[Floor]:
    floors = [Floor(h, str(k), k, list(h.ring)) for k in range(1, h.storeys + 1)]
    top = floors[-1]
    if kind == "setback":
        a, b, c, d = h.ring
        top.ring = [a, b, _move(b, (c[0] - b[0], c[1] - b[1]), 0.6), _move(a, (d[0] - a[0], d[1] - a[1]), 0.6)]
    elif kind in ("balconies", "enclosed"):
        side = _free_side(h, OVERHANG, _room(h))
        if side is not None:
            for floor in floors[1:] if kind == "balconies" else floors[1:2]:
                floor.ring = _extended(h.ring, side, OVERHANG)
                floor.parts.append(("YT_WFB" if kind == "balconies" else "YT_FB", _strip(h.ring, side, OVERHANG)))
    elif kind == "corridor":
        room = _room(h)
        side = _free_side(h, OVERHANG, room)
        if side is not None:
            floors[0].parts.append(("YL", _strip(h.ring, side, OVERHANG)))
            back = _strip(h.ring, (side + 2) % 4, STAIRS, 0.1, 0.5)
            if room.contains(shapely.Polygon(back)):
                floors[0].parts.append(("SWLT", back))
    elif kind == "canopy":
        side = _free_side(h, CANOPY[1], _room(h))
        if side is not None:
            a, b = h.ring[side], h.ring[(side + 1) % 4]
            half = CANOPY[0] / 2 / ((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5
            floors[0].parts.append(("YP", _strip(h.ring, side, CANOPY[1], 0.5 - half, 0.5 + half)))
    elif kind == "low":
        top.height = LOW_STOREY
        top.parts.append(("QT", list(top.ring)))
    for floor in floors:
        floor.area = round(_area(floor.ring) + sum(
            _area(ring) * (COEFFICIENT[bwlx] - (1 if bwlx in WITHIN else 0)) for bwlx, ring in floor.parts), 2)
    return floors


def build(county) -> HouseSide:
    """The house side of every village of ``county``; plants its defects into ``county.defects`` unless clean."""
    side = HouseSide()
    zrzh_count: Dict[str, int] = {}
    for h in county.houses:
        if h.parcel:
            zrzh_count[zrzh(h)] = zrzh_count.get(zrzh(h), 0) + 1
    cycle = 0
    for h in county.houses:
        if h.parcel is None or zrzh_count[zrzh(h)] > 1:
            continue  # no building number, or one shared by two buildings (ZRZ_ZRZH): nothing to join floors to
        kind = ""
        if h.kind == "main" and h.storeys >= 2:
            kind = KINDS[cycle % len(KINDS)]
            cycle += 1
        floors = _floors(h, kind)
        side.floors.extend(floors)
        if h.kind != "main":
            continue
        side.logical.append(h)
        side.areas[id(h)] = round(sum(f.area for f in floors), 2)
        if kind == "balconies":  # one household per floor (a split household)
            side.units.extend(Unit(h, f"{k:04d}", f.ch, 1, f.ring, f.area) for k, f in enumerate(floors, start=1))
        else:
            side.units.append(Unit(h, "0001", "1", h.storeys, list(h.ring), side.areas[id(h)],
                                   walls=dict(SURVEYED_WALLS) if kind == "setback" else {}))
    for unit in side.units:
        unit.bdcdyh = zrzh(unit.house) + unit.hh
    if not county.clean:
        _plant(county, side)
    return side


def _plant(county, side: HouseSide) -> None:
    """One defect of each house rule, on buildings of the first village that carry no other defect; and the
    building and unit codes that follow from the village's malformed and repeated parcel codes."""
    busy = {id(h) for d in county.defects for h in d.houses} | {id(p) for d in county.defects for p in d.parcels}

    first = [h for h in side.logical if h.village.index == 0]
    mine = {id(h) for h in first}
    by_house: Dict[int, List[Floor]] = {}
    for f in side.floors:
        if id(f.house) in mine:
            by_house.setdefault(id(f.house), []).append(f)

    def floors_of(h: House) -> List[Floor]:  # as built, before the planting below
        return by_house[id(h)]

    def unit_of(h: House) -> Unit:
        return next(u for u in side.units if u.house is h)

    free = [h for h in first if id(h) not in busy and id(h.parcel) not in busy and h.storeys >= 2
            and not any(f.parts for f in by_house[id(h)]) and len(h.parcel.houses) == 1]
    missing = next(h for h in free if h.storeys >= 3)
    outside, duplicate, unequal, bad, repeat, original = [h for h in free if h is not missing][:6]
    # a floor reaching beyond the footprint with no area part for the excess
    top = floors_of(outside)[-1]
    top.ring = _extended(outside.ring, _free_side(outside, 600, _room(outside)) or 0, 600)
    # the second floor of a three-storey building never recorded (nor counted in its household's area)
    gone = floors_of(missing)[1]
    side.floors.remove(gone)
    unit_of(missing).area = round(unit_of(missing).area - gone.area, 2)
    # the second floor recorded twice
    twin = floors_of(duplicate)[1]
    side.floors.insert(side.floors.index(twin) + 1, Floor(duplicate, twin.ch, twin.sjc, list(twin.ring), twin.height,
                                                          [], twin.area))
    # a household whose area is 3 m² more than the building's floors
    unit_of(unequal).area = round(unit_of(unequal).area + 3.0, 2)
    # a unit code with a 3-digit 户号, and one repeating another building's
    unit_of(bad).bdcdyh = unit_of(bad).bdcdyh[:-4] + "001"
    unit_of(repeat).bdcdyh = unit_of(original).bdcdyh

    def fids(items, chosen) -> List[int]:
        wanted = {id(item) for item in chosen}
        return [i + 1 for i, item in enumerate(items) if id(item) in wanted]

    county.defects += [
        Defect("floor_outside", "C_OUTLINE", "C", [outside.parcel], [outside], description=(
            "The top floor outline reaches 0.6 m beyond the building's footprint and no area part (balcony...) "
            "covers it."), fids=fids(side.floors, [top])),
        Defect("floor_missing", "C_MISSING", "ZRZ", [missing.parcel], [missing], description=(
            "The building has ZCS = 3 but its second floor has no C row: a gap in SJC.")),
        Defect("floor_duplicate", "C_DUP", "C", [duplicate.parcel], [duplicate], description=(
            "The second floor of the building is recorded twice (the same ZRZH and CH)."),
            fids=[i + 1 for i, f in enumerate(side.floors) if f.house is duplicate and f.ch == twin.ch]),
        Defect("unit_area", "H_AREA", "C", [unequal.parcel], [unequal], description=(
            "The building's household unit is recorded with 3 m² more than its floors add up to."),
            fids=fids(side.floors, floors_of(unequal))),
    ]
    malformed = [u for u in side.units if codes.zddm_problems(u.house.parcel.zddm)]
    county.defects.append(Defect("unit_code", "H_BDCDYH", "H", [bad.parcel, repeat.parcel, original.parcel],
                                 [bad, repeat, original], description=(
        "Household unit codes: one with a 3-digit 户号 (27 characters); another repeating the unit code of a third "
        "building's household; and the units of the buildings on parcels with a malformed ZDDM."),
        fids=fids(side.units, [unit_of(bad), unit_of(repeat), unit_of(original)] + malformed)))
    shared = {}
    for h in county.houses:
        if h.parcel:
            shared.setdefault(zrzh(h), []).append(h)
    houses = [h for h in county.houses if h.parcel and (len(shared[zrzh(h)]) > 1 or codes.zddm_problems(h.parcel.zddm))]
    county.defects.append(Defect("building_code", "ZRZ_ZRZH", "ZRZ", sorted({id(h.parcel): h.parcel for h in houses}.values(),
                                                                            key=lambda p: county.parcels.index(p)),
                                 houses, description=(
        "Building numbers ZRZH that follow the planted parcel codes: repeated where two parcels share a ZDDM, "
        "malformed where the ZDDM is.")))


def rows(county, side: HouseSide):
    """(schema layer, rows, WKB) for LJZ, C, H and MJBF (records.layers writes them)."""
    from .gpkg import multipolygon_wkb
    from .records import address

    def wkb(h: House, ring: List[Point]) -> bytes:
        return multipolygon_wkb(county.world(h.village, ring))

    logical = [{"BSM": n, "YSDM": schema.YSDM["LJZ"], "LJZH": "1", "ZRZH": zrzh(h),
                "MPH": f"{address(h.parcel)}{h.parcel.seq}号", "SCJZMJ": side.areas[id(h)], "FWYT1": 10,
                "ZCS": h.storeys, "DSCS": h.storeys, "DXCS": 0, "JGRQ": h.built}
               for n, h in enumerate(side.logical, start=1)]
    floors, floor_wkb, parts, part_wkb = [], [], [], []
    for n, f in enumerate(side.floors, start=1):
        main = f.house.kind == "main"
        floors.append({"BSM": n, "YSDM": schema.YSDM["C"], "ZRZH": zrzh(f.house), "LJZH": "1" if main else None,
                       "CH": f.ch, "SJC": f.sjc, "MYC": f.ch, "CG": f.height, "CJZMJ": f.area})
        floor_wkb.append(wkb(f.house, f.ring))
        for bwlx, ring in f.parts:
            parts.append({"ZRZH": zrzh(f.house), "CH": f.ch, "BWLX": bwlx, "ZZ": 0, "FB": 1 if bwlx == "YT_FB" else 0,
                          "CG": f.height if f.height < 2.2 else None})
            part_wkb.append(wkb(f.house, ring))
    units = [{"BSM": n, "YSDM": schema.YSDM["H"], "BDCDYH": u.bdcdyh, "ZRZH": zrzh(u.house), "LJZH": "1",
              "CH": u.ch, "SJCS": u.storeys, "HH": u.hh, "SHBW": f"{u.ch}层" if u.storeys == 1 else f"1-{u.storeys}层",
              "ZL": address(u.house.parcel), "FWYT1": 10, "FWJG": u.house.structure, "FWXZ": 99, "JGSJ": u.house.built,
              "SCJZMJ": u.area, **{name: u.walls.get(name) for name in SURVEYED_WALLS}}
             for n, u in enumerate(side.units, start=1)]
    return [(schema.LJZ, logical, None), (schema.C, floors, floor_wkb),
            (schema.H, units, [wkb(u.house, u.ring) for u in side.units]), (schema.MJBF, parts, part_wkb)]
