"""HH_MULTI: 一户多宅 — one household holds more than one homestead, in any village.

A household is told by its household id (HH) or a right holder's ID number (QLRZJH on the parcel, ZJH of the
QLR rows joined to the parcel by ZDDM or by the first 19 characters of BDCDYH — unless several parcels carry that
code, when the row could belong to any of them and is left out); shared keys link transitively.
Only homesteads count (feature code JC, or QLLX 5/6 when the code says nothing). ID numbers are masked in
messages.
"""
from __future__ import annotations

from collections import defaultdict

import shapely

from ...cadastre.codes import village_of
from ...cadastre.households import household_groups
from .base import WARNING, CheckInput, Finding, Outcome, Rule, clean_code, is_homestead


def check(data: CheckInput, params) -> Outcome:
    parcels = data.parcels
    codes = data.parcel_codes
    homesteads = [i for i, (c, t) in enumerate(zip(codes, parcels.column("QLLX"))) if is_homestead(c, t)]
    hh_column, id_column = parcels.column("HH"), parcels.column("QLRZJH")
    household_ids = {i: {clean_code(hh_column[i])} - {""} for i in homesteads}
    id_numbers = {i: {clean_code(id_column[i])} - {""} for i in homesteads}
    notes = []
    if data.households is not None:
        rows_of_code = defaultdict(list)
        for i in homesteads:
            if codes[i]:
                rows_of_code[codes[i]].append(i)
        holders = data.households
        ambiguous = 0
        for zddm, unit, hh, number in zip(holders.codes("ZDDM"), holders.codes("BDCDYH"), holders.codes("HH"), holders.codes("ZJH")):
            rows = rows_of_code.get(zddm or unit[:19], ())
            if len(rows) > 1:
                ambiguous += 1  # a code several parcels carry (ZD_DUPCODE): whose holder this is, nobody can tell
                continue
            for i in rows:
                if hh:
                    household_ids[i].add(hh)
                if number:
                    id_numbers[i].add(number)
        if ambiguous:
            notes.append(("ambiguous", {"n": ambiguous}))
    groups = household_groups([household_ids[i] for i in homesteads], [id_numbers[i] for i in homesteads])
    out = Outcome(notes=notes)
    for members in groups:
        rows = [homesteads[m] for m in members]
        hh = sorted(set().union(*(household_ids[i] for i in rows)))
        numbers = sorted(set().union(*(id_numbers[i] for i in rows)))
        who = hh[0] if hh else mask(numbers[0])
        labels = [codes[i] or f"#{parcels.ids[i]}" for i in rows]
        villages = sorted({village_of(codes[i]) for i in rows} - {""})
        present = [g for g in parcels.polygons[rows] if g is not None]
        out.findings.append(Finding(
            "several", [int(parcels.ids[i]) for i in rows], shapely.MultiPolygon(list(shapely.get_parts(present))) if present else None,
            {"household": who, "n": len(rows), "parcels": ", ".join(labels), "villages": len(villages) or 1},
            codes=[codes[i] for i in rows if codes[i]], value=float(len(rows)), village=villages[0] if villages else ""))
    return out


def mask(number: str) -> str:
    """An ID number with its middle hidden (430103********1234), for messages and error layers."""
    if len(number) <= 8:
        return number[:2] + "*" * max(0, len(number) - 2)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


RULE = Rule(
    id="HH_MULTI",
    severity=WARNING,
    subject="ZD",
    check=check,
)
