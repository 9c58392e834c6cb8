"""ZRZ_JBNT: a house stands on permanent basic farmland (by more than ``min_area`` m²)."""
from __future__ import annotations

import numpy as np

from ...cadastre.overlay import group_multipolygons, polygon_overlaps
from .base import BUILDINGS, FARMLAND, NOISE_AREA, WARNING, CheckInput, Finding, Outcome, Param, Rule, group
from .policy_limits import policy_figures
from .zd_jbnt import patch_ids
from .zrz_outside import house_names

_, FARMLAND_MIN_AREA = policy_figures()  # the policy profile's sliver area, as homestead:classify uses


def check(data: CheckInput, params) -> Outcome:
    houses, farmland = data.buildings, data.farmland
    ids = patch_ids(farmland)
    overlaps = polygon_overlaps(houses.polygons, farmland.polygons, max(params["min_area"], NOISE_AREA), valid=True)
    names, codes = house_names(data)
    out = Outcome()
    pieces_of = group(overlaps.left, np.arange(len(overlaps)), len(houses))
    shapes = group_multipolygons(overlaps.geometries, overlaps.left, len(houses))
    for h in np.unique(overlaps.left):
        pieces = pieces_of[h]
        area = float(overlaps.areas[pieces].sum())
        patches = overlaps.right[pieces]
        out.findings.append(Finding(
            "on_farmland", [int(houses.ids[h])], shapes[h],
            {"house": names[h], "area": area, "patches": ",".join(ids[j] for j in patches)},
            rel_fids=[int(farmland.ids[j]) for j in patches], codes=[c for c in [codes[h]] + [ids[j] for j in patches] if c],
            value=area))
    return out


RULE = Rule(
    id="ZRZ_JBNT",
    severity=WARNING,
    subject="ZRZ",
    check=check,
    params=(Param("min_area", FARMLAND_MIN_AREA, "m²", "Overlaps up to this area are slivers", "不超过此面积的重叠视为碎片", 0.0),),
    needs=(BUILDINGS, FARMLAND),
)
