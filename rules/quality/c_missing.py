"""C_MISSING: a building whose floors (C rows, by 实际层 SJC or a whole-number 层号) are not its storeys: 1…DSCS
above ground and −1…−DXCS below (ZCS when DSCS is blank): a floor missing, a gap in SJC, or a floor too many.
Buildings with no C row at all, or whose number is shared (ZRZ_ZRZH), are not checked (a note counts them)."""
from __future__ import annotations

from .base import BUILDINGS, ERROR, FLOORS, CheckInput, Finding, Outcome, Rule
from .storeys import building_of_number, floors_by_building, number, storey_of
from .zrz_outside import house_names


def check(data: CheckInput, params) -> Outcome:
    houses, floors = data.buildings, data.floors
    names, codes = house_names(data)
    by_building = floors_by_building(floors)
    out = Outcome()
    unchecked = 0
    for zrzh, h in sorted(building_of_number(data).items(), key=lambda item: item[1]):
        rows = by_building.get(zrzh, [])
        above = number(houses.column("DSCS")[h])
        above = number(houses.column("ZCS")[h]) if above is None else above
        below = number(houses.column("DXCS")[h]) or 0
        if not rows or above is None:
            unchecked += 1
            continue
        expected = set(range(1, int(above) + 1)) | set(range(-int(below), 0))
        present = {storey_of(floors, i) for i in rows}
        missing, extra = sorted(expected - present), sorted(s for s in present - expected if s is not None)
        if missing or extra:
            out.findings.append(Finding(
                "storeys", [int(houses.ids[h])], houses.geometries[h],
                {"house": names[h], "above": int(above), "below": int(below), "n": len(present),
                 "missing": ", ".join(map(str, missing)) or "—", "extra": ", ".join(map(str, extra)) or "—"},
                rel_fids=[int(floors.ids[i]) for i in rows], codes=[c for c in (codes[h], zrzh[:19]) if c],
                value=float(len(missing) + len(extra))))
    if unchecked:
        out.notes.append(("unchecked", {"n": unchecked}))
    return out


RULE = Rule(
    id="C_MISSING",
    severity=ERROR,
    subject="ZRZ",
    check=check,
    needs=(BUILDINGS, FLOORS),
)
