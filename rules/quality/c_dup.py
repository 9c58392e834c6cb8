"""C_DUP: one floor recorded twice: the same building ZRZH and 层号 CH on more than one C row."""
from __future__ import annotations

import shapely

from .base import ERROR, FLOORS, CheckInput, Finding, Outcome, Rule
from .storeys import repeated_floors


def check(data: CheckInput, params) -> Outcome:
    floors = data.floors
    out = Outcome()
    for (number, ch), rows in sorted(repeated_floors(floors).items()):
        present = [g for g in floors.polygons[rows] if g is not None]
        out.findings.append(Finding(
            "duplicate", [int(floors.ids[i]) for i in rows], shapely.union_all(present) if present else None,
            {"number": number, "ch": ch, "n": len(rows), "fids": ", ".join(str(int(floors.ids[i])) for i in rows)},
            codes=[number, number[:19]], value=float(len(rows))))
    return out


RULE = Rule(
    id="C_DUP",
    severity=ERROR,
    subject="C",
    check=check,
    needs=(FLOORS,),
)
