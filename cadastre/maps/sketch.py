"""What one 宗地草图 (field sketch) shows: the 宗地图 scene drawn to fit the page instead of at a round scale.

A sketch is a schematic (示意图, not to scale): the parcel fills the map frame, with its J-numbers, every edge's
length (勘丈 length when recorded), its buildings, and across each boundary the neighbour's parcel number (from
the JZX field LZDDM) or the road's name. Coordinates: metres in the survey plane; paper in millimetres.
"""
from __future__ import annotations

import math
from typing import Dict, List, Sequence, Tuple

from ..documents import completeness
from . import maptext
from .mapdata import ParcelMapData, ParcelPage, clean_text, column_of, single_polygon
from .parcelmap import Edge, Feature

SKETCH_MARGIN_MM = 28.0  # room around the parcel for J-numbers, lengths and the neighbours' numbers


def fit_scale(width_m: float, height_m: float, frame_w_mm: float, frame_h_mm: float,
              margin_mm: float = SKETCH_MARGIN_MM) -> int:
    """The smallest whole denominator at which ``width_m`` × ``height_m`` fills the frame less the margins."""
    usable_w, usable_h = max(frame_w_mm - 2 * margin_mm, 1.0), max(frame_h_mm - 2 * margin_mm, 1.0)
    return max(1, math.ceil(max(width_m * 1000.0 / usable_w, height_m * 1000.0 / usable_h)))


class SketchData(ParcelMapData):
    """ParcelMapData for sketches: scale to fit, neighbours named across the boundary rather than inside them."""

    PRODUCT = completeness.PARCEL_SKETCH

    def across(self, i: int) -> List[Tuple[Edge, str]]:
        """One (edge, neighbour number) per neighbour: on its longest shared boundary line."""
        rows = self.lines_by_code.get(self.codes[i], []) if self.lines is not None else []
        neighbours = column_of(self.lines, "LZDDM") if rows else []
        longest: Dict[str, Tuple[float, Edge]] = {}
        for r in rows:
            code, g = clean_text(neighbours[r]), self.lines.geometries[r]
            if not code or g is None or g.is_empty or g.geom_type != "LineString":
                continue
            (ax, ay), (bx, by) = g.coords[0][:2], g.coords[-1][:2]
            if code not in longest or g.length > longest[code][0]:
                longest[code] = (g.length, Edge((ax, ay), (bx, by), g.length))
        return [(edge, maptext.parcel_number(code)) for code, (_length, edge) in sorted(longest.items())]

    def surroundings(self, i: int, extent) -> Tuple[List[Feature], List[Feature]]:
        neighbours, roads = super().surroundings(i, extent)
        if self.lines is not None and "LZDDM" in (self.lines.attributes or {}):
            neighbours = [Feature(f.geometry, "") for f in neighbours]  # named across the boundary instead
        return neighbours, roads

    def page(self, i: int, frame_mm: Tuple[float, float], measure=None, scales: Sequence[int] = (),
             min_scale: int = 0, blocked_mm: Sequence[Tuple[float, float, float, float]] = ()) -> ParcelPage:
        polygon, _problem = single_polygon(self.parcels.geometries[i])
        if polygon is not None:
            minx, miny, maxx, maxy = polygon.bounds
            scales = (fit_scale(maxx - minx, maxy - miny, frame_mm[0], frame_mm[1]),)
        return super().page(i, frame_mm, measure, scales=scales or (1000,), blocked_mm=blocked_mm)
