"""ZD_OVERLIMIT: a homestead larger than the household area limit for its land type (DLLB): 130 m² on
cropland, 180 m² on other land, 210 m² on village idle land or the existing homestead (Hunan, domain.md §3).

The limits are parameters; their defaults come from the policy profile (rules/policies/louxing_2020.toml)
when it is installed. Parcels without a land type are not checked and are counted in a note.
"""
from __future__ import annotations

import numpy as np
import shapely

from .base import WARNING, CheckInput, Finding, Outcome, Param, Rule, is_homestead
from .policy_limits import policy_figures

LIMITS, _ = policy_figures()


def check(data: CheckInput, params) -> Outcome:
    parcels = data.parcels
    codes = data.parcel_codes
    geoms = parcels.polygons
    limits = {1: params["limit_cropland"], 2: params["limit_other"], 3: params["limit_idle"]}
    out = Outcome()
    present = ~shapely.is_missing(geoms)
    areas = np.full(len(parcels), np.nan)
    areas[present] = shapely.area(geoms[present])
    untyped = 0
    for i, (land_type, right_type) in enumerate(zip(parcels.column("DLLB"), parcels.column("QLLX"))):
        if not present[i] or not is_homestead(codes[i], right_type):
            continue
        try:
            limit = limits[int(land_type)]
        except (TypeError, ValueError, KeyError):
            untyped += 1
            continue
        if areas[i] > limit:
            excess = float(areas[i] - limit)
            out.findings.append(Finding(
                "over", [int(parcels.ids[i])], geoms[i],
                {"code": codes[i] or f"#{parcels.ids[i]}", "area": float(areas[i]), "limit": limit, "excess": excess,
                 "land_type": int(land_type)},
                codes=[codes[i]] if codes[i] else [], value=excess))
    if untyped:
        out.notes.append(("untyped", {"n": untyped}))
    return out


RULE = Rule(
    id="ZD_OVERLIMIT",
    severity=WARNING,
    subject="ZD",
    check=check,
    params=(
        Param("limit_cropland", LIMITS[1], "m²", "Limit on cropland (DLLB 1)", "占用耕地的面积标准（DLLB 1）", 0.0),
        Param("limit_other", LIMITS[2], "m²", "Limit on other land (DLLB 2)", "占用其他土地的面积标准（DLLB 2）", 0.0),
        Param("limit_idle", LIMITS[3], "m²", "Limit on village idle land or the existing homestead (DLLB 3)",
              "利用村内空闲地或原有宅基地的面积标准（DLLB 3）", 0.0),
    ),
)
