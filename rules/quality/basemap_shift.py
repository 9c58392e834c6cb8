"""BASEMAP_SHIFT: surveyed houses against the base map's building outlines (数据、图件与实地三者一致).

A house and a base-map outline correspond when they overlap. The displacement of a house is the largest
distance from a corner of either outline to the other's linework (corners of the house to the nearby outlines,
and corners of the outlines it overlaps to the nearby houses), so a shifted, enlarged or partly demolished
house shows, while one outline drawn for two houses that share a wall does not. It is a finding when it
exceeds ``allowed_mm`` on the map (1.0 mm: twice the 0.5 mm mean error of features on a 1:500-1:2000
topographic map (verify)), i.e. 1 m at 1:1000 and 2 m at 1:2000. A house overlapping no outline is missing
from the base map; an outline with no house within the allowed distance is extra to the survey.
"""
from __future__ import annotations

import numpy as np
import shapely

from ...cadastre.overlay import pairs_within
from .base import BASEMAP, BUILDINGS, NOISE_AREA, WARNING, CheckInput, Finding, Outcome, Param, Rule, group
from .zrz_outside import house_names


def check(data: CheckInput, params) -> Outcome:
    houses = data.buildings.polygons
    outlines = data.basemap.polygons
    allowed = params["allowed_mm"] * data.scale / 1000.0
    names, codes = house_names(data)
    out = Outcome()
    h, b = pairs_within(shapely.STRtree(outlines), houses, allowed)
    overlap = np.zeros(len(h), dtype=bool)
    if len(h):
        overlap = shapely.area(shapely.intersection(houses[h], outlines[b])) > NOISE_AREA
    on_map = np.zeros(len(houses), dtype=bool)
    on_map[h[overlap]] = True

    shift = np.maximum(_farthest_corner(houses, outlines, h, b, len(houses)), 0.0)
    back = _farthest_corner(outlines, houses, b, h, len(outlines))
    np.maximum.at(shift, h[overlap], back[b[overlap]])

    outlines_of = group(h[overlap], b[overlap], len(houses))
    present = ~shapely.is_missing(houses)
    for i in np.flatnonzero(present & ~on_map):
        out.findings.append(Finding("missing", [int(data.buildings.ids[i])], houses[i], {"house": names[i], "allowed": allowed},
                                    codes=[codes[i]] if codes[i] else []))
    for i in np.flatnonzero(present & on_map & (shift > allowed)):
        related = outlines_of[i]
        out.findings.append(Finding(
            "shift", [int(data.buildings.ids[i])], houses[i],
            {"house": names[i], "distance": float(shift[i]), "allowed": allowed, "scale": data.scale},
            rel_fids=[int(data.basemap.ids[j]) for j in related], codes=[codes[i]] if codes[i] else [], value=float(shift[i])))
    near = np.zeros(len(outlines), dtype=bool)
    near[b] = True
    for j in np.flatnonzero(~shapely.is_missing(outlines) & ~near):
        out.findings.append(Finding("extra", [int(data.basemap.ids[j])], outlines[j], {"fid": int(data.basemap.ids[j]), "allowed": allowed},
                                    layer="DXT_FW"))
    return out


def _farthest_corner(sources, targets, src, dst, n) -> np.ndarray:
    """Per source geometry: the largest distance from one of its vertices to the nearest linework among the
    targets paired with it (``src``[k] ↔ ``dst``[k]); -1 where it has no pair."""
    result = np.full(n, -1.0)
    if len(src) == 0:
        return result
    used = np.unique(src)
    coords, owner = shapely.get_coordinates(sources[used], return_index=True)
    owner = used[owner]
    counts = np.bincount(owner, minlength=n)
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    # one row per (pair, vertex of the pair's source)
    per_pair = counts[src]
    vertex = np.repeat(starts[src] - np.concatenate(([0], np.cumsum(per_pair)[:-1])), per_pair) + np.arange(per_pair.sum())
    target = np.repeat(dst, per_pair)
    lines = shapely.boundary(targets)
    distance = shapely.distance(shapely.points(coords[vertex]), lines[target])
    nearest = np.full(len(coords), np.inf)
    np.minimum.at(nearest, vertex, distance)
    np.maximum.at(result, owner, np.where(np.isfinite(nearest), nearest, -1.0))
    return result


RULE = Rule(
    id="BASEMAP_SHIFT",
    severity=WARNING,
    subject="ZRZ",
    check=check,
    params=(Param("allowed_mm", 1.0, "mm", "Allowed displacement on the map", "图上允许偏差", 0.0),),
    needs=(BUILDINGS, BASEMAP),
)
