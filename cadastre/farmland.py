"""永久基本农田套合: how much permanent basic farmland each parcel occupies, and whether a house stands on it.

Everything is planar on one survey plane (metres, m²). Overlaps not above ``min_area`` are digitising slivers
(two boundaries meant to coincide), listed but not counted as occupation.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Sequence

import numpy as np
import shapely

from .overlay import NOISE_AREA, Overlaps, made_valid, polygon_overlaps
from .sums import sum_by


@dataclass
class FarmlandOverlay:
    """Result per parcel (arrays of the parcels' length) and per overlap (``overlaps``)."""

    occupied_area: np.ndarray  # ZYJBNTMJ, m²: sum of the overlaps above min_area
    occupied_share: np.ndarray  # ZYJBNTBL, % of the parcel's area; NaN where the parcel has no area
    patch_ids: List[str]  # JBNTBH: comma-separated ids of the patches occupied (above min_area)
    house_on_farmland: Optional[np.ndarray]  # FWZJBNT: 1/0 per parcel; None when no houses were given
    overlaps: Overlaps  # every parcel × patch overlap with area > 0 (slivers included)
    sliver: np.ndarray  # bool per overlap: area not above min_area
    house_overlaps: Optional[Overlaps] = None  # house × occupied piece overlaps above min_area

    @property
    def occupying(self) -> np.ndarray:
        """bool per parcel: occupies farmland beyond min_area."""
        return self.occupied_area > 0


def farmland_overlay(
    parcels: Sequence,
    farmland: Sequence,
    patch_ids: Sequence,
    min_area: float = 0.0,
    buildings: Optional[Sequence] = None,
) -> FarmlandOverlay:
    """Overlay ``parcels`` with ``farmland`` patches (shapely polygons on one plane).

    ``patch_ids``: the id shown for each patch (JBNTTBBH, or the feature id when it has none). ``min_area`` (m²):
    overlaps of this area or less are slivers. ``buildings``: houses; a parcel gets FWZJBNT = 1 when a house
    covers more than ``min_area`` of farmland inside that parcel.
    """
    if min_area < 0:
        raise ValueError("min_area must be >= 0")
    parcels = made_valid(parcels)  # once, for the overlay and the areas
    n = len(parcels)
    overlaps = polygon_overlaps(parcels, made_valid(farmland), NOISE_AREA, valid=True)
    sliver = overlaps.areas <= min_area
    occupied = ~sliver
    occupied_area = sum_by(overlaps.left[occupied], overlaps.areas[occupied], n)
    parcel_area = _areas(parcels)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(parcel_area > 0, 100.0 * occupied_area / parcel_area, np.nan)
    patches: List[List[str]] = [[] for _ in range(n)]
    order = np.lexsort((overlaps.right, overlaps.left))  # per parcel, patches in the farmland layer's order
    for left, right in zip(overlaps.left[order][occupied[order]], overlaps.right[order][occupied[order]]):
        patches[left].append(str(patch_ids[right]))
    patch_text = [",".join(dict.fromkeys(p)) for p in patches]

    houses = None
    house_overlaps = None
    if buildings is not None:
        pieces = np.where(occupied, overlaps.geometries, None)
        house_overlaps = polygon_overlaps(np.asarray(buildings, dtype=object), pieces, max(min_area, NOISE_AREA))
        houses = np.zeros(n, dtype=np.int64)
        houses[overlaps.left[house_overlaps.right]] = 1
    return FarmlandOverlay(occupied_area, share, patch_text, houses, overlaps, sliver, house_overlaps)


def _areas(geoms: np.ndarray) -> np.ndarray:
    """The area of each (valid) geometry; 0 where missing."""
    present = ~shapely.is_missing(geoms)
    areas = np.zeros(len(geoms))
    areas[present] = shapely.area(geoms[present])
    return areas
