"""建筑面积 per floor, house and household by GB/T 17986.1-2000 §8.2, and the area tolerance of §7 (QGIS-free).

A floor is its outline (layer C: the enclosed part of the storey) plus the parts drawn on it (layer MJBF: balconies,
corridors, canopies, outdoor stairs…), each counted with a coefficient from the policy profile's
``[building_areas]`` table (national default below; a province overrides keys).

How parts count (this project's rule, so nothing is counted twice):
- the outline counts in full; a storey whose 层高 CG is under ``min_storey_height`` counts ``low_storey`` (0 by
  GB/T 17986.1 §8.2.3 a; GB/T 50353-style rules give 0.5);
- a part counts only where it lies outside the outline: the piece inside was already counted in full with the
  outline (so draw C as the enclosed part and a recessed balcony outside it);
- parts overlapping each other: the one with the higher coefficient counts the overlap, the other only the rest;
- a part with its own CG under the limit, or on a low storey, counts at most ``low_storey``;
- a given XS (0..1) on a part overrides the profile.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import List, Mapping, Optional, Sequence, Tuple

import numpy as np
import shapely

from .messages import Problem, translatable

PART_TYPES = ("YT_FB", "YT_WFB", "TL", "YL", "YP", "SWLT", "JKC", "LT", "QT")

# GB/T 17986.1-2000 §8.2. Key: BWLX, or BWLX_FB (封闭 FB = 1) / BWLX_ZZ (有柱 ZZ = 1), looked up in that order.
DEFAULT_COEFFICIENTS: Mapping[str, float] = {
    "YT_FB": 1.0,    # 全封闭的阳台 — 8.2.1 f
    "YT_WFB": 0.5,   # 未封闭的阳台 — 8.2.2 c
    "TL": 0.5,       # 未封闭的挑廊 — 8.2.2 c
    "TL_FB": 1.0,    # 挑楼 (enclosed) — 8.2.1 f
    "TL_ZZ": 1.0,    # 与房屋相连的有柱走廊 — 8.2.1 h
    "YL": 0.5,       # 有上盖无柱的檐廊 — 8.2.2 a
    "YL_ZZ": 1.0,    # 有柱走廊 — 8.2.1 h
    "YP": 0.0,       # 无柱雨篷 — 8.2.3 b
    "YP_ZZ": 0.5,    # 独立柱、单排柱的门廊、雨篷 — 8.2.2 b (two rows of columns: give XS = 1, 8.2.1 k)
    "SWLT": 0.5,     # 无顶盖的室外楼梯 — 8.2.2 d
    "SWLT_FB": 1.0,  # 有上盖的永久性室外楼梯 (FB = 1: covered) — 8.2.1 g
    "JKC": 0.0,      # 无围护结构的架空层 — not listed as counted (verify)
    "JKC_FB": 1.0,   # 有围护结构的吊脚架空层 — 8.2.1 n
    "LT": 0.0,       # 露台、天面、挑台 — 8.2.3 d
    "QT": 0.0,       # 其他: give XS on the part
}
DEFAULT_MIN_STOREY_HEIGHT = 2.20  # m: 层高 ≥ 2.20 m counts (8.2.1 b, j; 8.2.3 a)
DEFAULT_LOW_STOREY = 0.0

# GB/T 17986.1-2000 §7 (房产面积的精度): ΔS = a·√S + b·S (m²) per 精度等级
TOLERANCE_GRADES: Mapping[int, Tuple[float, float]] = {1: (0.02, 0.0006), 2: (0.04, 0.002), 3: (0.08, 0.006)}
OVERLAP_NOTE = 0.01  # m²: overlaps smaller than this are not reported


@dataclass(frozen=True)
class AreaRules:
    """The coefficients of one policy profile."""

    coefficients: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_COEFFICIENTS))
    min_storey_height: float = DEFAULT_MIN_STOREY_HEIGHT
    low_storey: float = DEFAULT_LOW_STOREY

    def coefficient(self, bwlx: str, zz: bool = False, fb: bool = False) -> Tuple[Optional[float], str]:
        """(coefficient, the key it came from); (None, '') for a type the table does not know."""
        keys = ([f"{bwlx}_FB"] if fb else []) + ([f"{bwlx}_ZZ"] if zz else []) + [bwlx]
        for key in keys:
            if key in self.coefficients:
                return float(self.coefficients[key]), key
        return None, ""

    def is_low(self, height) -> bool:
        return height is not None and not math.isnan(height) and height < self.min_storey_height


@dataclass
class Part:
    """One MJBF feature: type BWLX, 有柱 ZZ, 封闭 FB, its own 层高 CG, a given XS; ``fid`` names it in messages."""

    bwlx: str
    geometry: object
    zz: bool = False
    fb: bool = False
    cg: Optional[float] = None
    xs: Optional[float] = None
    fid: int = -1


@dataclass
class PartArea:
    part: Part
    area: float  # m² of the part outside the outline and outside parts counted before it
    coefficient: float
    rule: str  # the profile key, 'XS' (given), or the key + ' 层高' when capped for a low storey
    overlap: float = 0.0  # m² of the part already counted (outline or another part)

    @property
    def counted(self) -> float:
        return self.area * self.coefficient


@dataclass
class FloorArea:
    outline_area: float  # m²; NaN when the outline is unusable
    coefficient: float  # of the outline: 1, or low_storey
    parts: List[PartArea]
    problems: List[Problem] = field(default_factory=list)

    @property
    def total(self) -> float:
        return self.outline_area * self.coefficient + sum(p.counted for p in self.parts)


def number_or_none(value) -> Optional[float]:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _usable(geometry) -> bool:
    return geometry is not None and shapely.get_type_id(geometry) in (3, 6) and shapely.is_valid(geometry) \
        and not shapely.is_empty(geometry)


def floor_area(outline, height, parts: Sequence[Part], rules: AreaRules, floor: str = "") -> FloorArea:
    """建筑面积 of one floor (m²): outline × (1 or low_storey) + Σ part area outside what is counted × coefficient."""
    problems: List[Problem] = []
    height = number_or_none(height)
    low = rules.is_low(height)
    if _usable(outline):
        outline_area = float(shapely.area(outline))
        counted = outline
    else:
        outline_area = math.nan
        counted = None
        problems.append(Problem("FLOOR_OUTLINE", translatable(
            "Floor {floor}: the floor outline (C) is missing or invalid; its area is unknown. Repair it and run again."),
            {"floor": floor}))
    priced = []
    for part in parts:
        coefficient, rule = _part_coefficient(part, rules, low, floor, problems)
        if coefficient is not None and not _usable(part.geometry):
            problems.append(Problem("PART_GEOMETRY", translatable(
                "Floor {floor}: area part {fid} ({kind}) has a missing or invalid polygon; it was not counted."),
                {"floor": floor, "fid": part.fid, "kind": part.bwlx}))
            coefficient = None
        priced.append((part, coefficient, rule))
    result = []
    # higher coefficients first: an overlap counts once, at the higher rate (stable for equal ones)
    for part, coefficient, rule in sorted(priced, key=lambda item: -(item[1] if item[1] is not None else -1)):
        if coefficient is None:
            result.append(PartArea(part, 0.0, 0.0, rule))
            continue
        whole = float(shapely.area(part.geometry))
        outside = part.geometry if counted is None else shapely.difference(part.geometry, counted)
        area = float(shapely.area(outside))
        overlap = whole - area
        if overlap > OVERLAP_NOTE:
            problems.append(Problem("PART_OVERLAP", translatable(
                "Floor {floor}: {overlap:.2f} m² of area part {fid} ({kind}) lie on the floor outline or on another "
                "part and were counted there, not again."),
                {"floor": floor, "overlap": overlap, "fid": part.fid, "kind": part.bwlx}))
        counted = part.geometry if counted is None else shapely.union(counted, part.geometry)
        result.append(PartArea(part, area, coefficient, rule, overlap))
    order = {id(p): i for i, p in enumerate(parts)}
    result.sort(key=lambda p: order[id(p.part)])
    return FloorArea(outline_area, rules.low_storey if low else 1.0, result, problems)


def _part_coefficient(part: Part, rules: AreaRules, floor_low: bool, floor: str, problems: list):
    given = number_or_none(part.xs)
    if given is not None and not 0 <= given <= 1:
        problems.append(Problem("PART_XS", translatable(
            "Floor {floor}: area part {fid} has XS = {xs}; a coefficient is between 0 and 1. The profile's value was used."),
            {"floor": floor, "fid": part.fid, "xs": given}))
        given = None
    if given is not None:
        coefficient, rule = given, "XS"
    else:
        coefficient, rule = rules.coefficient(str(part.bwlx or "").strip(), part.zz, part.fb)
        if coefficient is None:
            problems.append(Problem("PART_TYPE", translatable(
                "Floor {floor}: area part {fid} has the type BWLX = {kind}, which is none of {types}; it was not counted."),
                {"floor": floor, "fid": part.fid, "kind": part.bwlx or "—", "types": ", ".join(PART_TYPES)}))
            return None, ""
        if rule == "QT":
            problems.append(Problem("PART_QT", translatable(
                "Floor {floor}: area part {fid} is of type QT (other) without a coefficient XS; it was counted with "
                "{xs}. Give XS (0, 0.5 or 1) on the part."), {"floor": floor, "fid": part.fid, "xs": coefficient}))
    if (floor_low or rules.is_low(number_or_none(part.cg))) and coefficient > rules.low_storey:
        coefficient, rule = rules.low_storey, rule + " 层高"
    return coefficient, rule


def area_tolerance(area, grade: int = 2):
    """ΔS = a·√S + b·S (m²) for the area S (m²) at 精度等级 ``grade`` (二级: 0.04√S + 0.002S)."""
    a, b = TOLERANCE_GRADES[grade]
    area = np.abs(np.asarray(area, dtype=float))
    return a * np.sqrt(area) + b * area


def beyond_tolerance(computed, recorded, grade: int = 2) -> np.ndarray:
    """True where a recorded area differs from the computed one by more than ΔS(computed); False where either is missing."""
    computed = np.asarray(computed, dtype=float)
    recorded = np.array([number_or_none(v) if number_or_none(v) is not None else np.nan for v in np.atleast_1d(recorded)], dtype=float)
    with np.errstate(invalid="ignore"):
        return np.abs(computed - recorded) > area_tolerance(computed, grade)


def household_areas(units: Sequence, floor: Optional[FloorArea]) -> List[float]:
    """建筑面积 of each household outline (H) on one floor (m²): its outline area × the floor's coefficient, plus the
    counted parts of that floor nearest to it (a balcony belongs to the unit it adjoins). NaN for an unusable outline."""
    coefficient = floor.coefficient if floor is not None else 1.0
    totals = [float(shapely.area(u)) * coefficient if _usable(u) else math.nan for u in units]
    usable = [i for i, u in enumerate(units) if _usable(u)]
    if floor is None or not usable:
        return totals
    for part in floor.parts:
        if part.counted > 0 and _usable(part.part.geometry):
            nearest = min(usable, key=lambda i: (shapely.distance(units[i], part.part.geometry), i))
            totals[nearest] += part.counted
    return totals
