"""ZD_AREA: a recorded parcel area (ZDMJ 宗地面积, DCMJ 调查面积) that differs from the area of the parcel's
geometry by more than ΔP = 0.0003·M·√P (M: map scale denominator, P: the computed area, m²).

The computed area and ΔP are cadastre.areas' (planar on the check plane, holes subtracted; invalid polygons have
none — ZD_INVALID reports them). Recorded areas in 亩 or 公顷 (MJDW 2, 3) are converted to m² first.
"""
from __future__ import annotations

import numpy as np

from ...cadastre.areas import GRAPHIC_FACTOR, check_recorded_areas, half_up, parcel_areas, shown_area, stored_areas
from .base import ERROR, CheckInput, Finding, Outcome, Param, Rule

SQUARE_METRES_PER_UNIT = {1: 1.0, 2: 10000.0 / 15.0, 3: 10000.0}  # MJDW: 平方米, 亩, 公顷


def check(data: CheckInput, params) -> Outcome:
    parcels = data.parcels
    codes = data.parcel_codes
    computed = stored_areas(parcel_areas(parcels.geometries)[0])  # as parcelareas stores ZDMJ
    units = np.array([SQUARE_METRES_PER_UNIT.get(_unit(u), 1.0) for u in parcels.column("MJDW")])
    out = Outcome()
    for name in ("ZDMJ", "DCMJ"):
        if not parcels.has(name):
            continue
        recorded = np.array([_number(v) for v in parcels.column(name)]) * units
        result = check_recorded_areas(computed, recorded, data.scale)
        tolerance = result.tolerance * (params["factor"] / GRAPHIC_FACTOR)
        exceeded = np.abs(result.difference) > tolerance  # NaN (no area, no record) compares False
        for i in np.flatnonzero(exceeded):
            difference = float(result.difference[i])  # computed − recorded, as parcelareas' MJJC
            out.findings.append(Finding(
                "differs", [int(parcels.ids[i])], parcels.geometries[i],
                {"code": codes[i] or f"#{parcels.ids[i]}", "field": name, "recorded": shown_area(float(recorded[i])),
                 "computed": shown_area(float(computed[i])), "difference": half_up(difference, 2), "tolerance": float(tolerance[i]),
                 "scale": data.scale},
                codes=[codes[i]] if codes[i] else [], value=difference))
    return out


def _number(value) -> float:
    try:
        return float(value) if value not in (None, "") else np.nan
    except (TypeError, ValueError):
        return np.nan


def _unit(value) -> int:
    number = _number(value)
    return int(number) if number == number else 1


RULE = Rule(
    id="ZD_AREA",
    severity=ERROR,
    subject="ZD",
    check=check,
    params=(Param("factor", GRAPHIC_FACTOR, "", "ΔP factor k in k·M·√P", "ΔP 系数 k（k·M·√P）", 0.0),),
)
