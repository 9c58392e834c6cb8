"""ZRZ_OUTSIDE: a house not within a single parcel — it straddles a boundary or sticks out of its parcel by
more than TOLERANCE (m). A house is within parcel P when P grown by TOLERANCE covers it wholly."""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Tuple

import numpy as np
import shapely

from ...cadastre.overlay import Overlaps, pairs_within, polygon_overlaps
from .base import BUILDINGS, ERROR, NOISE_AREA, CheckInput, Finding, Outcome, Rule


@dataclass
class Placement:
    """Where each house stands: ``within`` a single parcel (grown by the tolerance), and every overlap."""

    within: np.ndarray  # bool per house
    overlaps: Overlaps  # house × parcel overlaps above the noise area
    parcels_of: List[np.ndarray]  # per house: indices into overlaps, largest overlap first


def placement(data: CheckInput) -> Placement:
    key = ("placement", data.tolerance)
    if key not in data.cache:
        houses = data.buildings.polygons
        parcels = data.parcels.polygons
        t = data.tolerance
        h, p = pairs_within(data.parcel_tree, houses, t)
        within = np.zeros(len(houses), dtype=bool)
        within[h[shapely.covers(parcels[p], houses[h])]] = True
        if t > 0:
            # only houses not wholly inside a parcel need the parcels grown by the tolerance
            rest = ~within[h]
            h, p = h[rest], p[rest]
            used = np.unique(p)
            grown = np.empty(len(parcels), dtype=object)
            grown[used] = shapely.buffer(parcels[used], t)
            within[h[shapely.covers(grown[p], houses[h])]] = True
        overlaps = polygon_overlaps(houses, parcels, NOISE_AREA, valid=True)
        order = np.lexsort((-overlaps.areas, overlaps.left))  # by house, then largest overlap first
        bounds = np.searchsorted(overlaps.left[order], np.arange(len(houses) + 1))
        parcels_of = [order[bounds[k]:bounds[k + 1]] for k in range(len(houses))]
        data.cache[key] = Placement(within, overlaps, parcels_of)
    return data.cache[key]


def house_names(data: CheckInput) -> Tuple[List[str], List[str]]:
    """(name shown in messages, code listed in CODES) per house: BDCDYH, else ZRZH, else its feature id."""
    houses = data.buildings
    units, numbers, parcels = houses.codes("BDCDYH"), houses.codes("ZRZH"), houses.codes("ZDDM")
    names = [u or n or f"#{fid}" for u, n, fid in zip(units, numbers, houses.ids)]
    codes = [u or p for u, p in zip(units, parcels)]
    return names, codes


def check(data: CheckInput, params) -> Outcome:
    houses = data.buildings
    place = placement(data)
    ov = place.overlaps
    names, house_codes = house_names(data)
    parcel_codes = data.parcel_codes
    out = Outcome()
    for h in np.flatnonzero(~place.within & houses.present):
        pieces = place.parcels_of[h]
        if len(pieces) == 0:
            continue  # on no parcel at all: ZRZ_ORPHAN
        parcels = ov.right[pieces]
        main = parcels[0]
        outside = shapely.difference(houses.polygons[h], data.parcels.polygons[main])
        area = float(shapely.area(outside))
        labels = [parcel_codes[p] or f"#{data.parcels.ids[p]}" for p in parcels]
        kind = "straddles" if len(parcels) > 1 else "sticks_out"
        out.findings.append(Finding(
            kind, [int(houses.ids[h])], outside if area > NOISE_AREA else houses.polygons[h],
            {"house": names[h], "parcel": labels[0], "others": ", ".join(labels[1:]), "area": area, "tolerance": data.tolerance},
            rel_fids=[int(data.parcels.ids[p]) for p in parcels],
            codes=[c for c in [house_codes[h]] + [parcel_codes[p] for p in parcels] if c],
            value=area, village=data.parcel_villages(parcels)))
    return out


RULE = Rule(
    id="ZRZ_OUTSIDE",
    severity=ERROR,
    subject="ZRZ",
    check=check,
    needs=(BUILDINGS,),
)
