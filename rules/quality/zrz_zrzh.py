"""ZRZ_ZRZH: a building number ZRZH malformed (not ZDDM + 'F' + 4-digit 幢号), not of the building's own parcel
(ZRZ.ZDDM), or given to more than one building. Buildings without a ZRZH are counted in a note."""
from __future__ import annotations

from collections import defaultdict

import shapely

from ...cadastre.codes import zrzh_problems
from .base import BUILDINGS, ERROR, CheckInput, Finding, Outcome, Rule


def check(data: CheckInput, params) -> Outcome:
    houses = data.buildings
    numbers, parcels = houses.codes("ZRZH"), houses.codes("ZDDM")
    out = Outcome()
    holders = defaultdict(list)
    for i, (number, parcel) in enumerate(zip(numbers, parcels)):
        if not number:
            continue
        holders[number].append(i)
        fid = [int(houses.ids[i])]
        for problem in zrzh_problems(number):
            out.findings.append(Finding("malformed", fid, houses.geometries[i], {"number": number, "problem": problem},
                                        codes=[number]))
        if parcel and len(number) == 24 and number[:19] != parcel:
            out.findings.append(Finding("parcel", fid, houses.geometries[i], {"number": number, "parcel": parcel},
                                        codes=[number, parcel]))
    for number, rows in holders.items():
        if len(rows) > 1:
            present = [g for g in houses.polygons[rows] if g is not None]
            out.findings.append(Finding(
                "duplicate", [int(houses.ids[i]) for i in rows], shapely.union_all(present) if present else None,
                {"number": number, "n": len(rows), "fids": ", ".join(str(int(houses.ids[i])) for i in rows)},
                codes=[number] + [parcels[i] for i in rows], value=float(len(rows))))
    blank = sum(1 for n in numbers if not n)
    if blank:
        out.notes.append(("blank", {"n": blank}))
    return out


RULE = Rule(
    id="ZRZ_ZRZH",
    severity=ERROR,
    subject="ZRZ",
    check=check,
    needs=(BUILDINGS,),
)
