"""ZRZ_ORPHAN: a house that stands on no parcel (it overlaps none and no parcel grown by TOLERANCE covers it)."""
from __future__ import annotations

import numpy as np

from .base import BUILDINGS, ERROR, CheckInput, Finding, Outcome, Rule
from .zrz_outside import house_names, placement


def check(data: CheckInput, params) -> Outcome:
    houses = data.buildings
    place = placement(data)
    names, codes = house_names(data)
    out = Outcome()
    for h in np.flatnonzero(~place.within & houses.present):
        if len(place.parcels_of[h]) == 0:
            out.findings.append(Finding("orphan", [int(houses.ids[h])], houses.geometries[h], {"house": names[h]},
                                        codes=[codes[h]] if codes[h] else []))
    missing = int((~houses.present).sum())
    if missing:
        out.notes.append(("no_geometry", {"n": missing}))
    return out


RULE = Rule(
    id="ZRZ_ORPHAN",
    severity=ERROR,
    subject="ZRZ",
    check=check,
    needs=(BUILDINGS,),
)
