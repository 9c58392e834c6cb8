"""ZD_DUPCODE: one ZDDM or one BDCDYH given to more than one parcel (codes compared after normalising)."""
from __future__ import annotations

from collections import defaultdict

import shapely

from .base import ERROR, CheckInput, Finding, Outcome, Rule


def check(data: CheckInput, params) -> Outcome:
    parcels = data.parcels
    out = Outcome()
    for kind, name in (("zddm", "ZDDM"), ("bdcdyh", "BDCDYH")):
        if not parcels.has(name):
            continue
        holders = defaultdict(list)
        for i, code in enumerate(parcels.codes(name)):
            if code:
                holders[code].append(i)
        for code, rows in holders.items():
            if len(rows) < 2:
                continue
            present = [g for g in parcels.polygons[rows] if g is not None]
            out.findings.append(Finding(
                kind, [int(parcels.ids[i]) for i in rows], shapely.union_all(present) if present else None,
                {"code": code, "n": len(rows), "fids": ", ".join(str(int(parcels.ids[i])) for i in rows)},
                codes=[code], value=float(len(rows))))
    return out


RULE = Rule(
    id="ZD_DUPCODE",
    severity=ERROR,
    subject="ZD",
    check=check,
)
