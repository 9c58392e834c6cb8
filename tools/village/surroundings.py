"""Around the homesteads: permanent basic farmland (with the planted encroachments), lanes, pond and stream."""
from __future__ import annotations

from typing import TYPE_CHECKING, List, Tuple

import numpy as np

from .lattice import Point, area_m2, box_ring, iround
from .model import Defect, Patch
from .site import CONTENT_INSET, LOBE_DEPTH, RIDGE, RING, SLOT_H, SLOT_W

if TYPE_CHECKING:
    from .village import Village

# Unit vectors of a 16-gon (cos, sin), written out so that no trigonometry runs.
RING16 = (
    (1.0, 0.0), (0.92388, 0.382683), (0.707107, 0.707107), (0.382683, 0.92388), (0.0, 1.0),
    (-0.382683, 0.92388), (-0.707107, 0.707107), (-0.92388, 0.382683), (-1.0, 0.0), (-0.92388, -0.382683),
    (-0.707107, -0.707107), (-0.382683, -0.92388), (0.0, -1.0), (0.382683, -0.92388), (0.707107, -0.707107),
    (0.92388, -0.382683),
)
DLBM = {"0101": "水田", "0102": "水浇地", "0103": "旱地"}


def add_farmland(village: Village) -> None:
    """Permanent basic farmland: a ring of patches around the village, reaching into the planted parcels,
    and the farmland slots inside it."""
    rng = village.rng
    xs = np.array([x for p in village.parcels for x, _ in p.ring])
    village.ring_west, village.ring_east = int(xs.min()) - RIDGE, int(xs.max()) + RIDGE
    top = village.rows * SLOT_H
    village.north_inner, village.south_inner = top + 6000, -6000
    west_out, east_out = village.ring_west - RING, village.ring_east + RING
    patches: List[List[Point]] = []
    for y0, y1 in ((village.north_inner, village.north_inner + RING), (village.south_inner - RING, village.south_inner)):
        cuts = [west_out] + sorted(iround(west_out + (east_out - west_out) * (k / 3 + float(rng.uniform(-0.05, 0.05))))
                                   for k in (1, 2)) + [east_out]
        patches += [box_ring(a, y0, b, y1) for a, b in zip(cuts, cuts[1:])]
    splits = [village.south_inner] + [r * SLOT_H for r in range(2, village.rows, 2)] + [village.north_inner]
    lobes = _lobes(village)
    for side, x0, x1 in (("west", west_out, village.ring_west), ("east", village.ring_east, east_out)):
        for y0, y1 in zip(splits, splits[1:]):
            inside = [lobe for lobe in lobes if lobe[0] == side and y0 < lobe[1][0][1] < y1]
            if side == "east":  # the west edge runs north to south: lobes from north to south
                edge = [pt for _, lobe in sorted(inside, key=lambda item: -item[1][0][1]) for pt in lobe]
                patches.append([(x0, y0), (x1, y0), (x1, y1), (x0, y1)] + edge)
            else:  # the east edge runs south to north
                edge = [pt for _, lobe in sorted(inside, key=lambda item: item[1][0][1]) for pt in lobe]
                patches.append([(x0, y0), (x1, y0)] + edge + [(x1, y1), (x0, y1)])
    for (r, c), kind in sorted(village.specials.items()):
        if kind != "farm":
            continue
        x0, y0 = c * SLOT_W + CONTENT_INSET, r * SLOT_H + CONTENT_INSET
        x1, y1 = (c + 1) * SLOT_W - CONTENT_INSET, (r + 1) * SLOT_H - CONTENT_INSET
        xm = (x0 + x1) // 2
        xa, xb = xm + int(rng.integers(-6000, 6001)), xm + int(rng.integers(-6000, 6001))
        patches += [[(x0, y0), (xa, y0), (xb, y1), (x0, y1)], [(xa, y0), (x1, y0), (x1, y1), (xb, y1)]]
    for n, ring in enumerate(patches, start=1):
        code = str(rng.choice(list(DLBM), p=[0.7, 0.1, 0.2]))
        village.farmland.append(Patch(ring, {
            "JBNTTBBH": f"{village.key}{n:04d}", "DLBM": code, "DLMC": DLBM[code],
            "ZLDWMC": f"{village.town}{village.name}", "TBMJ": round(area_m2(ring), 2),
        }))


def subdivide_farmland(village: Village, target: int) -> None:
    """Cut the farmland ring's plain rectangles (north and south bands) into a grid of smaller patches until the
    village has about ``target`` patches, as counties' farmland maps (图斑) do; numbers them afresh.

    The cuts are whole millimetres on axis-parallel boxes, so the pieces tile each rectangle exactly: the
    farmland area, every overlap with parcels and houses, and so every planted finding stay the same. No
    random draws: the rest of the village is the same with or without it."""
    boxes = [i for i, patch in enumerate(village.farmland) if len(patch.ring) == 4 and _axis_parallel(patch.ring)]
    if not boxes or target <= len(village.farmland):
        return
    per_box = -(-(target - len(village.farmland) + len(boxes)) // len(boxes))
    rows = 2 if per_box >= 4 else 1
    cols = max(1, -(-per_box // rows))
    patches: List[Patch] = []
    for i, patch in enumerate(village.farmland):
        if i not in boxes:
            patches.append(patch)
            continue
        (x0, y0), (x1, y1) = patch.ring[0], patch.ring[2]
        xs = [x0 + (x1 - x0) * k // cols for k in range(cols)] + [x1]
        ys = [y0 + (y1 - y0) * k // rows for k in range(rows)] + [y1]
        for a, b in zip(xs, xs[1:]):
            for c, d in zip(ys, ys[1:]):
                patches.append(Patch(box_ring(a, c, b, d), dict(patch.attrs)))
    for n, patch in enumerate(patches, start=1):
        patch.attrs.update(JBNTTBBH=f"{village.key}{n:04d}", TBMJ=round(area_m2(patch.ring), 2))
    village.farmland = patches


def _axis_parallel(ring: List[Point]) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = ring
    return y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0


def _lobes(village: Village) -> List[Tuple[str, List[Point]]]:
    """Farmland reaching into the planted parcels, as (side, [ring point, inner, inner, ring point]) with
    the points in the order the patch's edge meets them (for the east ring: north first); records the
    planted farmland defects."""
    lobes = []
    for i, kind in village.lobe_sites.items():
        row0 = village.by_block[i][0]
        west = village.block_slots[i][1] == 0
        p = row0[0] if west else row0[-1]
        cut = p.plan.rows[0][0 if west else -1]
        inward = 1 if west else -1
        depth = LOBE_DEPTH[kind]
        frame = p.plan.frame
        pts = []
        for v in (-15, cut.front_v + 15):  # 1.5 m from the back corner, then from the front corner
            u_edge = cut.front_u + (cut.back - cut.front_u) * (v - cut.front_v) / (0 - cut.front_v)
            pts.append(frame.point(u_edge + inward * depth, float(v)))
        x_ring = village.ring_west if west else village.ring_east
        (xn, yn), (xs, ys) = pts
        north_first = [(x_ring, yn), (xn, yn), (xs, ys), (x_ring, ys)]
        lobe = north_first if not west else north_first[::-1]
        lobes.append(("west" if west else "east", lobe))
        defect_kind = {"farm_house": "farmland_occupation", "farm_plain": "farmland_occupation",
                       "sliver": "farmland_sliver"}[kind]
        defect = Defect(defect_kind, None if kind == "sliver" else "ZD_JBNT", "ZD", [p])
        if kind == "sliver":
            defect.description = ("A digitising sliver of farmland, 5 cm wide, along the parcel's outer side: "
                                  "below the 1 m² reporting minimum, it must NOT be reported.")
        else:
            defect.description = ("Permanent basic farmland reaches into the parcel's outer side "
                                  + ("and under its house." if kind == "farm_house" else "(the houses stay clear)."))
        village.defects.append(defect)
        if kind == "farm_house":
            house_defect = Defect("house_on_farmland", "ZRZ_JBNT", "ZRZ", [p], [p.houses[0]], description=(
                "The house stands partly on permanent basic farmland."))
            village.defects.append(house_defect)
    return lobes


def add_basemap(village: Village) -> None:
    """Base-map lanes and roads along the slot edges, a pond and a stream."""
    rng = village.rng
    xs = np.array([x for p in village.parcels for x, _ in p.ring])
    ys = np.array([y for p in village.parcels for _, y in p.ring])
    top = village.rows * SLOT_H
    lane_half = {0: 1000, village.rows: 1000}
    road = {"DLDJ": "村道", "MC": f"{village.name}主路"}
    village.roads.append(Patch(box_ring(village.ring_west, -4000, village.ring_east, 1000), dict(road)))
    for r in range(1, village.rows):
        y = r * SLOT_H
        half = min(2500, int(np.abs(ys - y).min()) - 1000)
        lane_half[r] = half
        village.roads.append(Patch(box_ring(village.ring_west, y - half, village.ring_east, y + half),
                                {"MC": f"{village.name}{r}号巷", "DLDJ": "巷道"}))
    village.roads.append(Patch(box_ring(village.ring_west, top - 1000, village.ring_east, top + 4000), dict(road)))
    for c in range(1, village.cols):
        x = c * SLOT_W
        half = min(1750, int(np.abs(xs - x).min()) - 1000)
        if half < 1000:
            continue
        for r in range(village.rows):
            y0, y1 = r * SLOT_H + lane_half[r], (r + 1) * SLOT_H - lane_half[r + 1]
            village.roads.append(Patch(box_ring(x - half, y0, x + half, y1), {"MC": f"{village.name}横巷", "DLDJ": "巷道"}))
    (r, c), = [slot for slot, kind in village.specials.items() if kind == "pond"]
    cx, cy = c * SLOT_W + SLOT_W // 2, r * SLOT_H + SLOT_H // 2
    rx, ry = SLOT_W // 2 - CONTENT_INSET - 15000, SLOT_H // 2 - CONTENT_INSET
    pond = [(cx + iround(ux * rx * k), cy + iround(uy * ry * k))
            for (ux, uy), k in zip(RING16, [rng.uniform(0.75, 1.0) for _ in RING16])]
    village.water.append(Patch(pond, {"MC": f"{village.name}大塘"}))
    west, east = village.ring_west - RING, village.ring_east + RING
    top_y = village.south_inner - RING - 5000
    xs_stream = [west] + [west + k * 40000 for k in range(1, (east - west) // 40000 + 1)] + [east]
    xs_stream = sorted(set(xs_stream))
    upper = [(x, top_y - int(rng.integers(0, 3000))) for x in xs_stream]
    lower = [(x, y - int(rng.integers(7000, 10001))) for x, y in upper]
    village.water.append(Patch(lower + upper[::-1], {"MC": f"{village.surnames[0]}家溪"}))
    village.bounds = (west, min(y for _, y in lower), east, village.north_inner + RING)
