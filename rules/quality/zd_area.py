"""ZD_AREA: a recorded parcel area (ZDMJ 宗地面积, DCMJ 调查面积) that differs from the area of the parcel's
geometry by more than ΔP = 0.0003·M·√P (M: map scale denominator, P: the computed area, m²).

The computed area is planar on the check plane (holes subtracted). Recorded areas in 亩 or 公顷 (MJDW 2, 3)
are converted to m² first.
"""
from __future__ import annotations

import numpy as np
import shapely

from .base import ERROR, CheckInput, Finding, Outcome, Param, Rule

SQUARE_METRES_PER_UNIT = {1: 1.0, 2: 10000.0 / 15.0, 3: 10000.0}  # MJDW: 平方米, 亩, 公顷


def graphic_tolerance(area, scale: float, factor: float = 0.0003):
    """ΔP (m²) for an area P (m²) on a 1:``scale`` map."""
    return factor * scale * np.sqrt(np.abs(np.asarray(area, dtype=float)))


def check(data: CheckInput, params) -> Outcome:
    parcels = data.parcels
    codes = data.parcel_codes
    geoms = parcels.geometries
    out = Outcome()
    ok = parcels.present.copy()
    ok[ok] = np.isin(shapely.get_type_id(geoms[ok]), (3, 6))
    ok[ok] = shapely.is_valid(geoms[ok])  # ZD_INVALID reports the others; their area means nothing
    computed = np.full(len(parcels), np.nan)
    computed[ok] = shapely.area(geoms[ok])
    tolerance = graphic_tolerance(computed, data.scale, params["factor"])
    units = [_number(u) for u in parcels.column("MJDW")]
    for name in ("ZDMJ", "DCMJ"):
        if not parcels.has(name):
            continue
        for i, value in enumerate(parcels.column(name)):
            recorded = _number(value)
            if recorded is None or not ok[i]:
                continue
            recorded *= SQUARE_METRES_PER_UNIT.get(int(units[i]) if units[i] else 1, 1.0)
            difference = recorded - computed[i]
            if abs(difference) > tolerance[i]:
                out.findings.append(Finding(
                    "differs", [int(parcels.ids[i])], geoms[i],
                    {"code": codes[i] or f"#{parcels.ids[i]}", "field": name, "recorded": recorded,
                     "computed": float(computed[i]), "difference": float(difference), "tolerance": float(tolerance[i]),
                     "scale": data.scale},
                    codes=[codes[i]] if codes[i] else [], value=float(difference)))
    return out


def _number(value):
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number else number


RULE = Rule(
    id="ZD_AREA",
    severity=ERROR,
    subject="ZD",
    title_en="Recorded area differs from the geometry",
    title_zh="登记面积与图形面积不符",
    messages={
        "differs": ("Parcel {code}: {field} is {recorded:.2f} m² but the geometry measures {computed:.2f} m² "
                    "(difference {difference:+.2f} m², ΔP at 1:{scale} is {tolerance:.2f} m²).",
                    "宗地 {code}：{field} 为 {recorded:.2f} 平方米，图形面积为 {computed:.2f} 平方米"
                    "（相差 {difference:+.2f} 平方米，1:{scale} 限差 ΔP 为 {tolerance:.2f} 平方米）。"),
    },
    check=check,
    params=(Param("factor", 0.0003, "", "ΔP factor k in k·M·√P", "ΔP 系数 k（k·M·√P）", 0.0),),
)
