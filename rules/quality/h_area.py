"""H_AREA: the household units' recorded areas (H.SCJZMJ) not adding up to their floor's (C.CJZMJ), beyond a
tolerance: per floor when every unit of the building lies on one floor, per building when a unit spans several
(SJCS > 1). Tolerance (METHOD 0) PER_UNIT m² × the number of units, or (METHOD 1) the area tolerance
±(0.04·√S + 0.002·S) of GB/T 17986 二级 on the floor area S. Buildings with a floor recorded twice (C_DUP) and
comparisons with a blank area are left out (a note counts them)."""
from __future__ import annotations

import math
from collections import defaultdict

import shapely

from .base import ERROR, FLOORS, UNITS, CheckInput, Finding, Outcome, Param, Rule
from .storeys import floors_by_building, number, repeated_floors


def tolerance(params, floor_area: float, n_units: int) -> float:
    if params["method"] >= 1:
        return 0.04 * math.sqrt(abs(floor_area)) + 0.002 * abs(floor_area)
    return params["per_unit"] * n_units


def check(data: CheckInput, params) -> Outcome:
    floors, units = data.floors, data.units
    floor_rows = floors_by_building(floors)
    doubled = {zrzh for zrzh, _ in repeated_floors(floors)}
    unit_rows = defaultdict(list)
    for i, zrzh in enumerate(units.codes("ZRZH")):
        if zrzh:
            unit_rows[zrzh].append(i)
    floor_ch, unit_ch = floors.codes("CH"), units.codes("CH")
    out = Outcome()
    skipped = 0
    for zrzh in sorted(set(unit_rows) & set(floor_rows) - doubled):
        mine = unit_rows[zrzh]
        whole = any((number(units.column("SJCS")[u]) or 1) > 1 for u in mine)
        groups = [(None, floor_rows[zrzh], mine)] if whole else [
            (ch, [f for f in floor_rows[zrzh] if floor_ch[f] == ch], [u for u in mine if unit_ch[u] == ch])
            for ch in sorted({unit_ch[u] for u in mine})]
        for ch, rows, held in groups:
            floor_areas = [number(floors.column("CJZMJ")[f]) for f in rows]
            unit_areas = [number(units.column("SCJZMJ")[u]) for u in held]
            if not rows or None in floor_areas or None in unit_areas:
                skipped += 1
                continue
            s, total = sum(floor_areas), sum(unit_areas)
            allowed = tolerance(params, s, len(held))
            if abs(total - s) > allowed + 1e-9:
                present = [g for g in floors.polygons[rows] if g is not None]
                out.findings.append(Finding(
                    "floor" if ch is not None else "building", [int(floors.ids[f]) for f in rows],
                    shapely.union_all(present) if present else None,
                    {"number": zrzh, "ch": ch, "units": total, "floor": s, "n": len(held), "difference": total - s,
                     "tolerance": allowed},
                    rel_fids=[int(units.ids[u]) for u in held], codes=[zrzh, zrzh[:19]], value=total - s))
    if skipped:
        out.notes.append(("skipped", {"n": skipped}))
    return out


RULE = Rule(
    id="H_AREA",
    severity=ERROR,
    subject="C",
    check=check,
    params=(Param("method", 0, "", "Tolerance: 0 = PER_UNIT × units, 1 = ±(0.04√S + 0.002S)",
                  "限差：0 = 每户限差 × 户数，1 = ±(0.04√S + 0.002S)", 0, 1, integer=True),
            Param("per_unit", 0.01, "m²", "Tolerance per household unit (METHOD 0)", "每户限差（限差方式 0）", 0.0)),
    needs=(FLOORS, UNITS),
)
