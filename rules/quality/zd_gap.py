"""ZD_GAP: ground between neighbouring parcels that belongs to none of them.

Two kinds: enclosed holes (a hole in the union of all parcels: land wholly surrounded by parcels, e.g. the
two holes of the LADM-COL test plots) and slivers (open strips narrower than ``width``, found by a
morphological closing of the parcels' union: buffer out by width/2, back in by width/2, minus the parcels).
A sliver counts when it borders two or more parcels and its area is at least width² (smaller pieces are the
corners every concave junction leaves in a closing).
"""
from __future__ import annotations

import numpy as np
import shapely

from ...cadastre.sums import components
from .base import NOISE_AREA, WARNING, CheckInput, Finding, Outcome, Param, Rule, group

TOUCH = 1e-3  # m: a parcel within this distance of a gap borders it
MITRE = 5.0  # the closing's mitre limit (shapely's default): a corner reaches out at most this × the distance


def check(data: CheckInput, params) -> Outcome:
    parcels = data.parcels
    geoms = parcels.polygons
    present = np.flatnonzero(~shapely.is_missing(geoms))
    out = Outcome()
    if len(present) < 2:
        return out
    width = params["width"]
    limit = params["hole_area_limit"]
    holes, slivers = [], []
    for members in _blocks(data, present, width):
        union = shapely.union_all(geoms[members])
        polygons = shapely.get_parts(union)
        polygons = polygons[shapely.get_type_id(polygons) == 3]
        holes.append(_holes(polygons))
        if width > 0:
            slivers.append(_slivers(polygons, width))
    holes = np.concatenate(holes)
    if len(holes):
        hole_areas = shapely.area(holes)
        keep = hole_areas > NOISE_AREA  # not the floating-point specks T-junctions may leave
        if limit > 0:
            keep &= hole_areas <= limit
        _add(out, data, holes[keep], "hole", 1)
    if slivers:
        _add(out, data, np.concatenate(slivers), "sliver", 2, width=width)
    return out


def _blocks(data: CheckInput, present: np.ndarray, width: float):
    """The parcels in groups no gap can span: parcels nearer than the closing's reach (a mitred buffer goes
    out at most MITRE × width/2 on each side) are in one group. The union and the closing of each group
    alone keep the work linear in the number of parcels (one union of a whole county is not)."""
    tree = data.parcel_tree
    a, b = tree.query(data.parcels.polygons[present], predicate="dwithin", distance=MITRE * width + TOUCH)
    a = present[a]
    labels = components(len(data.parcels.polygons), a, b)[present]
    order = np.argsort(labels, kind="stable")
    cuts = np.flatnonzero(np.diff(labels[order])) + 1
    return np.split(present[order], cuts)


def _holes(polygons: np.ndarray) -> np.ndarray:
    ring_counts = shapely.get_num_interior_rings(polygons)
    owners = np.repeat(np.arange(len(polygons)), ring_counts)
    ring_numbers = np.arange(len(owners)) - np.repeat(np.cumsum(ring_counts) - ring_counts, ring_counts)
    return shapely.polygons(shapely.get_interior_ring(polygons[owners], ring_numbers))


def _slivers(polygons: np.ndarray, width: float) -> np.ndarray:
    filled = shapely.union_all(shapely.polygons(shapely.get_exterior_ring(polygons)))
    r = width / 2.0
    closed = shapely.buffer(shapely.buffer(filled, r, join_style="mitre", mitre_limit=MITRE),
                            -r, join_style="mitre", mitre_limit=MITRE)
    pieces = shapely.get_parts(shapely.difference(closed, filled))
    pieces = pieces[np.isin(shapely.get_type_id(pieces), (3, 6))]
    return pieces[shapely.area(pieces) >= width * width]


def _add(out, data, gaps, kind, min_neighbours, **extra):
    if len(gaps) == 0:
        return
    parcels = data.parcels
    codes = data.parcel_codes
    gap_index, parcel_index = data.parcel_tree.query(gaps, predicate="dwithin", distance=TOUCH)
    for g, around in enumerate(group(gap_index, parcel_index, len(gaps))):
        gap = gaps[g]
        if len(around) < min_neighbours:
            continue
        area = float(shapely.area(gap))
        names = [codes[i] or f"#{parcels.ids[i]}" for i in around]
        out.findings.append(Finding(
            kind, [int(parcels.ids[i]) for i in around], gap,
            dict(extra, area=area, parcels=", ".join(names[:6]) + (" …" if len(names) > 6 else "")),
            codes=[codes[i] for i in around if codes[i]], value=area, village=data.parcel_villages(around)))


RULE = Rule(
    id="ZD_GAP",
    severity=WARNING,
    subject="ZD",
    check=check,
    params=(
        Param("width", 0.5, "m", "Sliver gaps narrower than", "缝隙宽度小于", 0.0),
        Param("hole_area_limit", 0.0, "m²", "Enclosed gaps up to this area (0: any size)", "围合空隙面积上限（0 为不限）", 0.0),
    ),
)
