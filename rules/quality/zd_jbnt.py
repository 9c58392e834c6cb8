"""ZD_JBNT: a parcel occupies permanent basic farmland (永久基本农田) by more than ``min_area`` m² (default: the
policy profile's farmland sliver area, 1 m² in Louxing 2020; smaller overlaps are digitising slivers)."""
from __future__ import annotations

import numpy as np

from ...cadastre.farmland import farmland_overlay
from ...cadastre.overlay import group_multipolygons
from .base import FARMLAND, WARNING, CheckInput, Finding, Outcome, Param, Rule, group
from .policy_limits import policy_figures

_, FARMLAND_MIN_AREA = policy_figures()  # the policy profile's sliver area, as homestead:classify uses


def patch_ids(farmland) -> list:
    """JBNTTBBH of each patch, or its feature id when empty."""
    names = farmland.codes("JBNTTBBH")
    return [name or str(int(fid)) for name, fid in zip(names, farmland.ids)]


def check(data: CheckInput, params) -> Outcome:
    parcels, farmland = data.parcels, data.farmland
    codes = data.parcel_codes
    ids = patch_ids(farmland)
    result = farmland_overlay(parcels.polygons, farmland.polygons, ids, params["min_area"])
    ov = result.overlaps
    occupied = ~result.sliver
    out = Outcome()
    pieces_of = group(ov.left[occupied], np.flatnonzero(occupied), len(parcels))
    shapes = group_multipolygons(ov.geometries[occupied], ov.left[occupied], len(parcels))  # patches do not overlap
    for i in np.flatnonzero(result.occupying):
        pieces = pieces_of[i]
        patches = ov.right[pieces]
        area = float(result.occupied_area[i])
        out.findings.append(Finding(
            "occupies", [int(parcels.ids[i])], shapes[i],
            {"code": codes[i] or f"#{parcels.ids[i]}", "area": area, "share": float(result.occupied_share[i]),
             "patches": result.patch_ids[i]},
            rel_fids=[int(farmland.ids[j]) for j in patches], codes=[c for c in [codes[i]] + [ids[j] for j in patches] if c],
            value=area, village=data.parcel_villages([i])))
    return out


RULE = Rule(
    id="ZD_JBNT",
    severity=WARNING,
    subject="ZD",
    check=check,
    params=(Param("min_area", FARMLAND_MIN_AREA, "m²", "Overlaps up to this area are slivers, not occupation", "不超过此面积的重叠视为碎片，不算占用", 0.0),),
    needs=(FARMLAND,),
)
