"""C_OUTLINE: a floor outline reaching beyond its building's footprint (ZRZ, by ZRZH) where no area part of that
floor (MJBF, by ZRZH and CH: balcony, corridor…) covers the excess, by more than MIN_AREA m²."""
from __future__ import annotations

from collections import defaultdict

import shapely

from .base import BUILDINGS, ERROR, FLOORS, PARTS, CheckInput, Finding, Outcome, Param, Rule
from .storeys import building_of_number


def check(data: CheckInput, params) -> Outcome:
    floors, houses, parts = data.floors, data.buildings, data.parts
    buildings = building_of_number(data)
    covers = defaultdict(list)
    for g, zrzh, ch in zip(parts.polygons, parts.codes("ZRZH"), parts.codes("CH")):
        if g is not None:
            covers[(zrzh, ch)].append(g)
    out = Outcome()
    for i, (zrzh, ch) in enumerate(zip(floors.codes("ZRZH"), floors.codes("CH"))):
        outline, h = floors.polygons[i], buildings.get(zrzh)
        if outline is None or h is None or houses.polygons[h] is None:
            continue
        excess = shapely.difference(outline, shapely.union_all([houses.polygons[h]] + covers[(zrzh, ch)]))
        area = float(shapely.area(excess))
        if area > params["min_area"]:
            out.findings.append(Finding(
                "outside", [int(floors.ids[i])], excess, {"number": zrzh, "ch": ch, "area": area},
                rel_fids=[int(houses.ids[h])], codes=[zrzh, zrzh[:19]], value=area))
    return out


RULE = Rule(
    id="C_OUTLINE",
    severity=ERROR,
    subject="C",
    check=check,
    params=(Param("min_area", 0.1, "m²", "Excess reported above", "超出面积报告下限", 0.0),),
    needs=(BUILDINGS, FLOORS, PARTS),
)
