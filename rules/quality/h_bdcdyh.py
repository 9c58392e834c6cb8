"""H_BDCDYH: a household unit's code BDCDYH malformed (28 characters: its building's ZRZH + its 4-digit 户号 HH) or
given to more than one unit. The codes listed name the parcel (ZRZH[:19]) too, so a delivery can hold it back."""
from __future__ import annotations

from collections import defaultdict

import shapely

from ...cadastre.codes import unit_problems
from .base import ERROR, UNITS, CheckInput, Finding, Outcome, Rule


def check(data: CheckInput, params) -> Outcome:
    units = data.units
    codes, numbers, households = units.codes("BDCDYH"), units.codes("ZRZH"), units.codes("HH")
    out = Outcome()
    holders = defaultdict(list)
    for i, (code, number, hh) in enumerate(zip(codes, numbers, households)):
        label = code or number or f"#{units.ids[i]}"
        for problem in unit_problems(code, number, hh):
            out.findings.append(Finding("malformed", [int(units.ids[i])], units.geometries[i],
                                        {"unit": label, "problem": problem},
                                        codes=[c for c in (code, number, number[:19]) if c]))
        if code:
            holders[code].append(i)
    for code, rows in holders.items():
        if len(rows) > 1:
            present = [g for g in units.polygons[rows] if g is not None]
            out.findings.append(Finding(
                "duplicate", [int(units.ids[i]) for i in rows], shapely.union_all(present) if present else None,
                {"code": code, "n": len(rows), "fids": ", ".join(str(int(units.ids[i])) for i in rows)},
                codes=[code] + [c for i in rows for c in (numbers[i], numbers[i][:19]) if c], value=float(len(rows))))
    return out


RULE = Rule(
    id="H_BDCDYH",
    severity=ERROR,
    subject="H",
    check=check,
    needs=(UNITS,),
)
