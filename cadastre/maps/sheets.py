"""Standard map sheets (图幅) of 1:500-1:2000 maps: 50 cm × 50 cm, named by the south-west corner (domain.md §6).

The number is the corner's X (northing) and Y (easting, with the 3° zone number in front) in kilometres,
X first: ``3050.0-39575.0``. 1:1000 and 1:2000 sheets give the kilometres to 0.1, 1:500 sheets to 0.01.
Sheets are aligned on multiples of their size in the survey plane. All coordinates in metres.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import shapely

from ..messages import fail, translatable

SHEET_SIDE_MM = 500.0
SUPPORTED_SCALES = (500, 1000, 2000)
_DECIMALS = {500: 2, 1000: 1, 2000: 1}


def sheet_side(scale: int) -> float:
    """Ground side of a standard sheet in metres (250 m at 1:500, 500 m at 1:1000, 1000 m at 1:2000)."""
    if scale not in SUPPORTED_SCALES:
        raise fail("SHEET_SCALE", translatable("Standard sheets are defined for 1:500, 1:1000 and 1:2000, not 1:{scale}."),
                   scale=scale)
    return SHEET_SIDE_MM * scale / 1000.0


def number_decimals(scale: int) -> int:
    """Decimals of the kilometres in sheet numbers and grid annotations: 2 at 1:500, else 1."""
    sheet_side(scale)  # refuses scales without standard sheets
    return _DECIMALS[scale]


def zone_offset(easting: float, zone: Optional[int]) -> float:
    """Metres to add to ``easting`` so that Y carries the zone number (0 when it already does or no zone is known)."""
    if zone is None or abs(easting) >= 10_000_000:
        return 0.0
    return zone * 1_000_000.0


@dataclass(frozen=True)
class Sheet:
    """One standard sheet: its number and south-west corner (plane coordinates of the layer, metres)."""

    number: str
    scale: int
    west: float  # easting of the SW corner, as in the layer
    south: float  # northing of the SW corner
    side: float

    @property
    def bounds(self) -> Tuple[float, float, float, float]:
        return self.west, self.south, self.west + self.side, self.south + self.side

    @property
    def polygon(self):
        return shapely.box(*self.bounds)


def sheet_number(south: float, west: float, scale: int, zone: Optional[int] = None) -> str:
    """Number of the sheet whose SW corner is (``west``, ``south``): X-Y in km, X = northing first."""
    decimals = number_decimals(scale)
    y = west + zone_offset(west, zone)
    return f"{south / 1000.0:.{decimals}f}-{y / 1000.0:.{decimals}f}"


def sheet_at(x: float, y: float, scale: int, zone: Optional[int] = None) -> Sheet:
    """The sheet containing the plane point (x = easting, y = northing)."""
    side = sheet_side(scale)
    west = math.floor(x / side) * side
    south = math.floor(y / side) * side
    return Sheet(sheet_number(south, west, scale, zone), scale, west, south, side)


def sheets_covering(bounds: Sequence[float], scale: int, zone: Optional[int] = None) -> List[Sheet]:
    """Every sheet that the box (minx, miny, maxx, maxy) touches, south to north, west to east."""
    side = sheet_side(scale)
    minx, miny, maxx, maxy = bounds
    i0, i1 = math.floor(minx / side), math.floor(maxx / side)
    j0, j1 = math.floor(miny / side), math.floor(maxy / side)
    sheets = []
    for j in range(j0, j1 + 1):
        for i in range(i0, i1 + 1):
            west, south = i * side, j * side
            sheets.append(Sheet(sheet_number(south, west, scale, zone), scale, west, south, side))
    return sheets


def neighbours(sheet: Sheet, zone: Optional[int] = None) -> Dict[str, str]:
    """Numbers of the eight adjoining sheets (接图表), keyed nw, n, ne, w, e, sw, s, se."""
    result = {}
    for key, (di, dj) in {"nw": (-1, 1), "n": (0, 1), "ne": (1, 1), "w": (-1, 0), "e": (1, 0),
                          "sw": (-1, -1), "s": (0, -1), "se": (1, -1)}.items():
        west, south = sheet.west + di * sheet.side, sheet.south + dj * sheet.side
        result[key] = sheet_number(south, west, sheet.scale, zone)
    return result


@dataclass
class SheetIndex:
    """The sheets over a set of polygons and which polygons each touches."""

    sheets: List[Sheet]
    parcels_of_sheet: List[List[int]]  # indices into the polygons, per sheet
    sheets_of_parcel: List[List[int]]  # indices into sheets, per polygon, largest share first


def build_index(polygons: np.ndarray, scale: int, zone: Optional[int] = None) -> SheetIndex:
    """Sheets touched by ``polygons`` (shapely array in the plane), with the parcel ↔ sheet relation.

    A parcel's sheets are ordered by the area of the parcel on each sheet, largest first: the first is the
    sheet the parcel is drawn on (所在图幅号).
    """
    present = np.array([g is not None and not shapely.is_empty(g) for g in polygons], dtype=bool)
    if not present.any():
        return SheetIndex([], [], [[] for _ in polygons])
    bounds = shapely.total_bounds(polygons[present])
    candidates = sheets_covering(bounds, scale, zone)
    boxes = np.array([s.polygon for s in candidates], dtype=object)
    tree = shapely.STRtree(boxes)
    left, right = tree.query(polygons[present], predicate="intersects")
    parcel_index = np.flatnonzero(present)[left]
    candidates_geoms = polygons[parcel_index]
    invalid = ~shapely.is_valid(candidates_geoms)
    if invalid.any():  # a self-crossing parcel still lies on its sheets; measure its share on the repaired shape
        candidates_geoms = candidates_geoms.copy()
        candidates_geoms[invalid] = shapely.make_valid(candidates_geoms[invalid])
    shares = shapely.area(shapely.intersection(candidates_geoms, boxes[right]))
    keep = shares > 0
    parcel_index, right, shares = parcel_index[keep], right[keep], shares[keep]
    used = sorted(set(right.tolist()))
    renumber = {old: new for new, old in enumerate(used)}
    sheets = [candidates[i] for i in used]
    parcels_of_sheet: List[List[int]] = [[] for _ in sheets]
    sheets_of_parcel: List[List[Tuple[float, int]]] = [[] for _ in polygons]
    for p, s, share in zip(parcel_index.tolist(), right.tolist(), shares.tolist()):
        parcels_of_sheet[renumber[s]].append(p)
        sheets_of_parcel[p].append((-share, renumber[s]))
    ordered = [[s for _share, s in sorted(items)] for items in sheets_of_parcel]
    return SheetIndex(sheets, [sorted(p) for p in parcels_of_sheet], ordered)


def sheet_label(numbers: Sequence[str], max_length: int) -> Tuple[str, bool]:
    """TFH text: the numbers joined by ',' when they fit ``max_length``; else the first alone and False."""
    joined = ",".join(numbers)
    if len(joined) <= max_length:
        return joined, True
    return (numbers[0] if numbers else ""), False
