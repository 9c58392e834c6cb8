"""ZD_INVALID: parcel geometry that cannot be trusted — missing, not a polygon, invalid (self-intersecting...),
in several parts, with spikes or with repeated vertices."""
from __future__ import annotations

import re

import numpy as np
import shapely

from .base import ERROR, CheckInput, Finding, Outcome, Param, Rule, rings_of

_LOCATION = re.compile(r"\[\s*([-+0-9.eE]+)\s+([-+0-9.eE]+)")


def check(data: CheckInput, params) -> Outcome:
    parcels = data.parcels
    codes = data.parcel_codes
    out = Outcome()

    def add(i, kind, geometry, **args):
        out.findings.append(Finding(kind, [int(parcels.ids[i])], geometry, dict(args, code=codes[i] or f"#{parcels.ids[i]}"),
                                    codes=[codes[i]] if codes[i] else []))

    geoms = parcels.geometries
    for i in np.flatnonzero(~parcels.present):
        add(i, "missing", None)
    present = np.flatnonzero(parcels.present)
    types = shapely.get_type_id(geoms[present])
    polygonal = present[np.isin(types, (3, 6))]
    for i, type_id in zip(present, types):
        if type_id not in (3, 6):
            add(i, "not_polygon", geoms[i], kind_of=geoms[i].geom_type)
    valid = shapely.is_valid(geoms[polygonal])
    for i in polygonal[~valid]:
        reason = shapely.is_valid_reason(geoms[i])
        add(i, "invalid", _location(reason, geoms[i]), reason=reason, reason_zh=_reason_zh(reason))
    parts = shapely.get_num_geometries(geoms[polygonal])
    for i, n in zip(polygonal[parts > 1], parts[parts > 1]):
        add(i, "multipart", geoms[i], parts=int(n))
    good = polygonal[valid]
    _vertex_checks(data, good, params, add)
    return out


def _vertex_checks(data, indices, params, add):
    """Repeated vertices and spikes, vectorised over every ring of the parcels ``indices``."""
    if len(indices) == 0:
        return
    geoms = data.parcels.geometries[indices]
    rings, owner = rings_of(geoms)
    coords, ring_of = shapely.get_coordinates(rings, return_index=True)
    counts = np.bincount(ring_of, minlength=len(rings))
    last = np.cumsum(counts) - 1
    # drop each ring's closing vertex: vertex k of a ring with n distinct vertices is followed by (k+1) mod n
    keep = np.ones(len(coords), dtype=bool)
    keep[last] = False
    xy = coords[keep]
    ring = ring_of[keep]
    n = counts - 1
    if len(xy) == 0:
        return
    first = np.repeat(np.cumsum(n) - n, n)  # index of each vertex's ring start in xy
    position = np.arange(len(xy)) - first
    nxt = first + (position + 1) % n[ring]
    prv = first + (position - 1) % n[ring]

    step = np.hypot(*(xy[nxt] - xy).T)
    repeated = step <= params["repeat_distance"]
    _report(add, indices, owner, ring, xy, repeated, "repeated", np.zeros(len(xy)))

    # angle at each vertex between the edges to its neighbours, skipping repeated neighbours
    a = xy[prv] - xy
    b = xy[nxt] - xy
    la, lb = np.hypot(*a.T), np.hypot(*b.T)
    usable = (la > params["repeat_distance"]) & (lb > params["repeat_distance"])
    with np.errstate(invalid="ignore", divide="ignore"):
        cosine = np.clip((a * b).sum(axis=1) / (la * lb), -1.0, 1.0)
    angle = np.degrees(np.arccos(cosine))
    spike = usable & (angle < params["spike_angle"])
    _report(add, indices, owner, ring, xy, spike, "spike", angle)


def _report(add, indices, owner, ring, xy, flagged, kind, angle):
    if not flagged.any():
        return
    parcel = owner[ring[flagged]]
    points = xy[flagged]
    angles = angle[flagged]
    for p in np.unique(parcel):
        mine = parcel == p
        where = points[mine]
        add(int(indices[p]), kind, shapely.multipoints(where), n=int(mine.sum()), x=float(where[0, 0]),
            y=float(where[0, 1]), angle=float(angles[mine].min()))


# GEOS validity reasons (the text before the location) in Chinese
GEOS_REASONS_ZH = {
    "Self-intersection": "自相交",
    "Ring Self-intersection": "环自相交",
    "Too few points in geometry component": "组成部分的点数过少",
    "Hole lies outside shell": "内环位于外环之外",
    "Nested holes": "内环相互嵌套",
    "Interior is disconnected": "内部不连通",
    "Nested shells": "外环相互嵌套",
    "Duplicate Rings": "重复的环",
    "Invalid Coordinate": "坐标无效",
    "Ring is not closed": "环未闭合",
}


def _reason_zh(reason: str) -> str:
    head = (reason or "").split("[")[0].strip()
    return reason.replace(head, GEOS_REASONS_ZH[head], 1) if head in GEOS_REASONS_ZH else reason


def _location(reason: str, geom):
    match = _LOCATION.search(reason or "")
    if match:
        return shapely.Point(float(match.group(1)), float(match.group(2)))
    return shapely.point_on_surface(shapely.make_valid(geom))


RULE = Rule(
    id="ZD_INVALID",
    severity=ERROR,
    subject="ZD",
    check=check,
    params=(
        Param("spike_angle", 3.0, "°", "Spike: vertex angle below", "尖刺：节点夹角小于", 0.0, 90.0),
        Param("repeat_distance", 0.001, "m", "Repeated vertices: closer than", "重复节点：间距不超过", 0.0),
    ),
)
