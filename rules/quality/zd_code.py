"""ZD_CODE: ZDDM / BDCDYH missing or malformed (domain.md §2), disagreeing with each other or with ZDTZM, or
naming another village (地籍子区) than the one the parcel lies in.

The village a parcel lies in is told by its neighbours: when at least ``min_neighbours`` parcels whose centres
(a point on each surface) lie within ``neighbourhood`` metres of its own carry valid codes and at least ``share``
of them name one other 地籍子区, the parcel's own ZDDM[:12] is taken to be wrong.
"""
from __future__ import annotations

import numpy as np
import shapely

from ...cadastre.codes import bdcdyh_problems, village_of, zddm_problems
from .base import ERROR, CheckInput, Finding, Outcome, Param, Rule


def check(data: CheckInput, params) -> Outcome:
    parcels = data.parcels
    codes = data.parcel_codes
    units = parcels.codes("BDCDYH")
    features = parcels.codes("ZDTZM")
    geoms = parcels.geometries
    out = Outcome()

    def add(i, kind, **args):
        out.findings.append(Finding(kind, [int(parcels.ids[i])], geoms[i], dict(args, code=codes[i] or f"#{parcels.ids[i]}"),
                                    codes=[c for c in (codes[i], units[i]) if c]))

    # codes are compared cleaned (full-width → ASCII, blanks removed), but a code stored full-width is wrong
    stored_codes, stored_units = as_stored(parcels.column("ZDDM"), codes), as_stored(parcels.column("BDCDYH"), units)
    valid = np.zeros(len(parcels), dtype=bool)
    require_unit = params["require_bdcdyh"] >= 1
    for i in range(len(parcels)):
        problems = zddm_problems(stored_codes[i])
        for problem in problems:
            add(i, "zddm", problem=problem)
        valid[i] = not problems
        if units[i] or (require_unit and valid[i]):  # no ZDDM: its missing BDCDYH is the same defect
            for problem in bdcdyh_problems(stored_units[i]):
                add(i, "bdcdyh", problem=problem)
        if valid[i] and units[i] and len(units[i]) == 28 and units[i][:19] != codes[i]:
            add(i, "unit_parcel", unit=units[i])
        if valid[i] and features[i] and features[i] != codes[i][12:14]:
            add(i, "feature", feature=features[i], expected=codes[i][12:14])
    _village_check(data, valid, params, add)
    return out


def as_stored(values, cleaned):
    """The cleaned code, or the value as stored (stripped) where that has non-ASCII characters."""
    return [c if v is None or str(v).isascii() else str(v).strip() for v, c in zip(values, cleaned)]


def _village_check(data, valid, params, add):
    codes = data.parcel_codes
    villages = np.array([village_of(c) if ok else "" for c, ok in zip(codes, valid)], dtype=object)
    known = np.flatnonzero(valid)
    if len(set(villages[known])) < 2:
        return  # one village: nothing to disagree with
    names, vid = np.unique(villages[known], return_inverse=True)
    village_id = np.full(len(codes), -1)
    village_id[known] = vid
    # neighbours by their centres: a point query is an order of magnitude cheaper than polygon distances
    centres = np.full(len(codes), None, dtype=object)
    present = ~shapely.is_missing(data.parcels.polygons)
    centres[present] = shapely.point_on_surface(data.parcels.polygons[present])
    me, other = shapely.STRtree(centres).query(np.where(valid, centres, None), predicate="dwithin",
                                               distance=params["neighbourhood"])
    keep = (me != other) & (village_id[other] >= 0)
    me, other = me[keep], other[keep]
    if len(me) == 0:
        return
    total = np.bincount(me, minlength=len(codes))
    # count neighbours per (parcel, village) and take each parcel's most frequent village
    key = me * len(names) + village_id[other]
    uniq, counts = np.unique(key, return_counts=True)
    parcel_of, village_of_key = uniq // len(names), uniq % len(names)
    order = np.lexsort((-counts, parcel_of))
    first = np.ones(len(order), dtype=bool)
    first[1:] = parcel_of[order][1:] != parcel_of[order][:-1]
    top = order[first]
    for p, v, n in zip(parcel_of[top], village_of_key[top], counts[top]):
        if v == village_id[p] or total[p] < params["min_neighbours"] or n < params["share"] * total[p]:
            continue
        add(int(p), "village", village=villages[p], neighbours=str(names[v]), n=int(n), total=int(total[p]))


RULE = Rule(
    id="ZD_CODE",
    severity=ERROR,
    subject="ZD",
    check=check,
    params=(
        Param("require_bdcdyh", 1, "", "Require a BDCDYH on every parcel (1 yes, 0 no)", "每宗地须有不动产单元号（1 是，0 否）", 0, 1, integer=True),
        Param("neighbourhood", 30.0, "m", "Village check: neighbours' centres within", "地籍子区核对：邻宗中心距离", 0.0),
        Param("min_neighbours", 3, "", "Village check: at least this many neighbours", "地籍子区核对：最少邻宗数", 1, integer=True),
        Param("share", 0.8, "", "Village check: share of neighbours in one other village", "地籍子区核对：邻宗属同一其他子区的比例", 0.5, 1.0),
    ),
)
