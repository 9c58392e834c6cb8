"""Parcel areas (宗地面积), the graphic area tolerance ΔP, and the houses' areas per parcel (domain.md §3).

Areas are planar, on the survey plane (m²), from the coordinates (解析法): GEOS computes the shoelace sum per
ring, holes (孤岛) subtracted and parts summed. A layer in a geographic CRS must be projected to its 3° zone
before it gets here (processing.library.adapters does that).

Rounding: 四舍五入 on the decimal value (``half_up``); stored with 4 decimals, shown with 2 from the stored value.
A difference (相差, MJJC) is always computed − recorded: positive when the geometry is larger than the record.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import List, Optional, Sequence, Tuple

import numpy as np
import shapely

from .boundary import clean_code, duplicate_codes
from .messages import Problem, translatable
from .overlay import polygon_overlaps
from .sums import sum_by

AREA_DECIMALS = 4  # ZDMJ is stored with 4 decimals, shown with 2 (domain.md §3)
SHOWN_DECIMALS = 2
GRAPHIC_FACTOR = 0.0003  # ΔP = 0.0003 · M · √P (m²), M the map scale denominator, P the area (m²)


def parcel_areas(geometries, ids=None, codes: Optional[Sequence] = None) -> Tuple[np.ndarray, List[Tuple[int, Problem]]]:
    """(areas in m², problems): NaN where the geometry is missing, not a polygon or invalid.

    An invalid polygon (self-crossing ring, bow-tie...) has no trustworthy area: it is reported and left
    empty, never measured by a shoelace that would cancel its lobes.
    """
    geoms = np.asarray(geometries, dtype=object)
    n = len(geoms)
    ids = np.arange(n) if ids is None else np.asarray(ids)
    codes = [clean_code(c) for c in codes] if codes is not None else [""] * n
    areas = np.full(n, np.nan)
    problems: List[Tuple[int, Problem]] = []
    type_ids = shapely.get_type_id(geoms)
    polygonal = np.isin(type_ids, (3, 6))
    for i in np.flatnonzero((type_ids >= 0) & ~polygonal):
        problems.append((int(i), Problem("AREA_NOT_POLYGON", translatable(
            "Parcel feature {fid} ({code}) is a {kind}, not a polygon; its area was left empty."),
            {"fid": int(ids[i]), "code": codes[i] or "—", "kind": geoms[i].geom_type})))
    valid = np.zeros(n, dtype=bool)
    valid[polygonal] = shapely.is_valid(geoms[polygonal])
    bad = np.flatnonzero(polygonal & ~valid)
    for i, reason in zip(bad, shapely.is_valid_reason(geoms[bad]) if len(bad) else []):
        problems.append((int(i), Problem("AREA_INVALID", translatable(
            "Parcel feature {fid} ({code}) has an invalid geometry ({reason}); its area was left empty. Repair it "
            "(Processing ▸ Fix geometries) and run again."), {"fid": int(ids[i]), "code": codes[i] or "—", "reason": reason})))
    areas[valid] = shapely.area(geoms[valid])
    return areas, problems


def half_up(value, decimals: int) -> float:
    """四舍五入 (round half up) on the decimal value as written, not on its binary approximation:
    181.345 → 181.35 (round() and numpy give 181.34). NaN and None stay as they are."""
    if value is None or value != value:
        return value
    step = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(float(value))).quantize(step, rounding=ROUND_HALF_UP))


def stored_area(value) -> float:
    """An area as stored (ZDMJ: 4 decimals)."""
    return half_up(value, AREA_DECIMALS)


def shown_area(value) -> float:
    """An area as every product and the review panel show it (2 decimals), from the stored value: a parcel's
    ZDMJ and the area of its geometry show the same figure."""
    return half_up(stored_area(value), SHOWN_DECIMALS)


def half_up_array(values, decimals: int) -> np.ndarray:
    """half_up() of every value, at numpy speed: a value whose scaled fraction is not within a few binary steps
    of one half rounds to the nearest whole number either way; only those near one half go through Decimal."""
    values = np.asarray(values, dtype=float)
    scale = 10.0 ** decimals
    with np.errstate(invalid="ignore", over="ignore"):
        scaled = values * scale
        out = np.round(scaled) / scale
        near_half = ~(np.abs(np.abs(scaled - np.trunc(scaled)) - 0.5) > 64 * np.spacing(np.abs(scaled)))
    near_half &= np.isfinite(values)  # NaN and ±inf come through np.round as they are
    out[near_half] = [half_up(v, decimals) for v in values[near_half]]
    return out


def stored_areas(values) -> np.ndarray:
    return half_up_array(values, AREA_DECIMALS)


def graphic_tolerance(area, scale: int):
    """ΔP = 0.0003 · M · √P (m²): the allowed difference for an area P (m²) on a 1:M map."""
    return GRAPHIC_FACTOR * scale * np.sqrt(np.asarray(area, dtype=float))


@dataclass
class AreaCheck:
    difference: np.ndarray  # computed − recorded (m²); NaN where either is missing
    tolerance: np.ndarray  # ΔP (m²)
    exceeded: np.ndarray  # bool: |difference| > ΔP


def check_recorded_areas(areas: np.ndarray, recorded: Sequence, scale: int) -> AreaCheck:
    """Compare computed areas with recorded ones (e.g. the survey's 调查面积) against ΔP at 1:``scale``."""
    recorded = np.array([_number(v) for v in recorded], dtype=float)
    difference = np.asarray(areas, dtype=float) - recorded
    tolerance = graphic_tolerance(np.where(np.isnan(areas), np.nan, np.abs(areas)), scale)
    exceeded = np.abs(difference) > tolerance  # NaN compares False
    return AreaCheck(difference, tolerance, exceeded)


@dataclass
class BuildingFigures:
    """Per parcel: footprint of its houses (JZZDMJ), their floor area (JZMJ), both m²; NaN where unknown."""

    footprint: np.ndarray
    floor_area: np.ndarray
    by_code: np.ndarray  # per building: index of the parcel it was assigned to by code, -1 by location
    problems: List[Tuple[int, Problem]] = field(default_factory=list)  # (building index, problem)

    def density(self, areas: np.ndarray) -> np.ndarray:
        """建筑密度 JZMD: footprint / parcel area, in percent."""
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(areas > 0, 100.0 * self.footprint / areas, np.nan)

    def floor_area_ratio(self, areas: np.ndarray) -> np.ndarray:
        """容积率 RJL: floor area / parcel area."""
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(areas > 0, self.floor_area / areas, np.nan)


def building_floor_areas(footprints: np.ndarray, storeys: Sequence, measured: Sequence) -> np.ndarray:
    """建筑面积 per building (m²): the measured SCJZMJ when given (> 0), else footprint × ZCS storeys, else NaN."""
    measured = np.array([_number(v) for v in measured], dtype=float)
    storeys = np.array([_number(v) for v in storeys], dtype=float)
    computed = np.where(storeys >= 1, footprints * storeys, np.nan)
    return np.where(measured > 0, measured, computed)


def building_figures(
    parcels,
    parcel_codes: Sequence,
    buildings,
    building_codes: Optional[Sequence] = None,
    storeys: Optional[Sequence] = None,
    measured: Optional[Sequence] = None,
    building_ids=None,
    parcel_usable: Optional[np.ndarray] = None,
) -> BuildingFigures:
    """Houses' footprint and floor area per parcel, on one survey plane (m²).

    A house whose code (ZDDM) names exactly one parcel counts wholly for that parcel. Any other house is
    assigned by location: each parcel gets the part of the footprint inside it, and that share of the floor
    area. Floor area per house: measured SCJZMJ, else footprint × ZCS; a house with neither makes its parcels'
    floor area unknown (NaN), reported. Houses on no parcel are reported and counted nowhere.
    """
    parcels = np.asarray(parcels, dtype=object)
    buildings = np.asarray(buildings, dtype=object)
    n_p, n_b = len(parcels), len(buildings)
    ids = np.arange(n_b) if building_ids is None else np.asarray(building_ids)
    usable = np.ones(n_p, dtype=bool) if parcel_usable is None else np.asarray(parcel_usable, dtype=bool)
    problems: List[Tuple[int, Problem]] = []

    present = shapely.get_type_id(buildings) >= 0
    present[present] = ~shapely.is_empty(buildings[present])
    fixed = buildings.copy()
    invalid = np.zeros(n_b, dtype=bool)
    invalid[present] = ~shapely.is_valid(buildings[present])
    for i in np.flatnonzero(invalid):
        problems.append((int(i), Problem("BUILDING_INVALID", translatable(
            "Building feature {fid} has an invalid geometry ({reason}); it was repaired for this computation. "
            "Fix it in the data (Processing ▸ Fix geometries)."), {"fid": int(ids[i]), "reason": shapely.is_valid_reason(buildings[i])})))
        fixed[i] = shapely.make_valid(buildings[i])
    footprint = np.zeros(n_b)
    footprint[present] = shapely.area(fixed[present])
    floor = building_floor_areas(footprint, storeys if storeys is not None else [None] * n_b,
                                 measured if measured is not None else [None] * n_b)

    # assignment by code: only codes that name exactly one usable parcel
    p_codes = [clean_code(c) for c in parcel_codes]
    ambiguous = set(duplicate_codes(p_codes))
    code_to_parcel = {c: i for i, c in enumerate(p_codes) if c and c not in ambiguous and usable[i]}
    by_code = np.full(n_b, -1, dtype=np.int64)
    if building_codes is not None:
        for i, value in enumerate(building_codes):
            code = clean_code(value)
            if not code or not present[i]:
                continue
            if code in code_to_parcel:
                by_code[i] = code_to_parcel[code]
            else:
                problems.append((i, Problem("BUILDING_CODE_UNKNOWN", translatable(
                    "Building feature {fid} names parcel {code}, which is not a single usable parcel of the layer; it "
                    "was assigned by location instead."), {"fid": int(ids[i]), "code": code})))

    located = np.where(present & (by_code < 0), fixed, None)
    overlaps = polygon_overlaps(located, np.where(usable, parcels, None))
    share = overlaps.areas / np.where(footprint[overlaps.left] > 0, footprint[overlaps.left], 1.0)
    covered = overlaps.total_by_left(n_b)
    for i in np.flatnonzero(present & (by_code < 0) & (covered <= 0)):
        problems.append((int(i), Problem("BUILDING_OUTSIDE", translatable(
            "Building feature {fid} lies on no parcel; it was not counted."), {"fid": int(ids[i])})))

    coded = np.flatnonzero(by_code >= 0)
    parcel_footprint = sum_by(overlaps.right, overlaps.areas, n_p)
    parcel_footprint += sum_by(by_code[coded], footprint[coded], n_p)
    contributions = floor[overlaps.left] * share
    parcel_floor = sum_by(overlaps.right, contributions, n_p)
    parcel_floor += sum_by(by_code[coded], floor[coded], n_p)  # NaN propagates
    counted = np.zeros(n_b, dtype=bool)
    counted[overlaps.left] = True
    counted[coded] = True
    for i in np.flatnonzero(counted & np.isnan(floor)):
        problems.append((int(i), Problem("BUILDING_NO_STOREYS", translatable(
            "Building feature {fid} has neither a measured floor area (SCJZMJ) nor a storey count (ZCS ≥ 1); the "
            "floor area of its parcel is left empty. Fill in ZCS or SCJZMJ."), {"fid": int(ids[i])})))
    parcel_footprint[~usable] = np.nan
    parcel_floor[~usable] = np.nan
    return BuildingFigures(parcel_footprint, parcel_floor, by_code, problems)


def _number(value) -> float:
    """A numeric attribute as float; NaN for NULL, blanks and text that is no number."""
    if value is None:
        return np.nan
    try:
        return float(value)
    except (TypeError, ValueError):
        return np.nan
