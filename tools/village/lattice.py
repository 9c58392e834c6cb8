"""Exact integer geometry: village-local millimetres and the rotated lattice of a block.

A block's lattice point (u, v) is origin + u·(100, b) + v·(-b, 100) millimetres: one step is about 0.1 m,
the lattice is turned by atan(b/100), and every lattice point is a whole millimetre point. Points on one
lattice line are exactly collinear, so neighbouring parcels share corners and T-junctions exactly, and no
trigonometry is needed (its last bit may differ between machines; the output must not).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import List, Sequence, Tuple

Point = Tuple[int, int]
STEP = 100  # mm: the along-block component of one lattice step


def iround(x: float) -> int:
    """Round half up (the same on every machine)."""
    return int(math.floor(x + 0.5))


@dataclass(frozen=True)
class Frame:
    """The lattice of one block (or one building site), in village-local millimetres."""

    ox: int
    oy: int
    b: int = 0

    def point(self, u, v) -> Point:
        x = self.ox + STEP * u - self.b * v
        y = self.oy + self.b * u + STEP * v
        if isinstance(x, int) and isinstance(y, int):
            return x, y
        return iround(x), iround(y)

    def points(self, uv: Sequence[Tuple[float, float]]) -> List[Point]:
        return [self.point(u, v) for u, v in uv]

    @property
    def step_m(self) -> float:
        """Length of one lattice step in metres."""
        return math.sqrt(STEP * STEP + self.b * self.b) / 1000.0


def twice_area(ring: Sequence[Point]) -> int:
    """Twice the signed shoelace area (mm²) of a ring given without its closing point; exact."""
    total = 0
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % n]
        total += x1 * y2 - x2 * y1
    return total


def area_m2(ring: Sequence[Point]) -> float:
    return twice_area(ring) / 2e6


def rectangle(frame: Frame, cu: float, cv: float, hu: float, hv: float, tilt: float = 0.0) -> List[Point]:
    """Counter-clockwise corners of a rectangle centred on lattice point (cu, cv) with half-sizes hu, hv
    (lattice steps), turned by atan(tilt) within the lattice."""
    k = 1.0 / math.sqrt(1.0 + tilt * tilt)
    c, s = k, tilt * k
    corners = []
    for su, sv in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
        du, dv = su * hu, sv * hv
        corners.append(frame.point(cu + du * c - dv * s, cv + du * s + dv * c))
    return corners


def box_ring(x0: int, y0: int, x1: int, y1: int) -> List[Point]:
    """Counter-clockwise axis-parallel rectangle."""
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def bounds(rings) -> Tuple[int, int, int, int]:
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    return min(xs), min(ys), max(xs), max(ys)
