"""Independent geometry for known answers: shoelace areas and convex polygon clipping, in plain Python.

Nothing here uses GEOS/shapely, so tests that compare the plugin's areas with these numbers compare two methods.
"""
from __future__ import annotations

import math
import random
from typing import List, Sequence, Tuple

Point = Tuple[float, float]


def shoelace(ring: Sequence[Point]) -> float:
    """Unsigned area of a simple ring (closed or not), m²."""
    pts = list(ring)
    if pts[0] == pts[-1]:
        pts = pts[:-1]
    ox, oy = pts[0]  # relative to the first vertex: survey coordinates (10⁷ m) would lose the decimals
    pts = [(x - ox, y - oy) for x, y in pts]
    s = 0.0
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        s += x0 * y1 - x1 * y0
    return abs(s) / 2.0


def _ccw(ring: Sequence[Point]) -> List[Point]:
    pts = list(ring)
    if pts[0] == pts[-1]:
        pts = pts[:-1]
    s = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]))
    return pts if s > 0 else pts[::-1]


def _inside(p: Point, a: Point, b: Point) -> bool:
    return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) >= 0


def _crossing(p: Point, q: Point, a: Point, b: Point) -> Point:
    dx, dy = q[0] - p[0], q[1] - p[1]
    ex, ey = b[0] - a[0], b[1] - a[1]
    t = ((a[0] - p[0]) * ey - (a[1] - p[1]) * ex) / (dx * ey - dy * ex)
    return (p[0] + t * dx, p[1] + t * dy)


def clip_convex(subject: Sequence[Point], clip: Sequence[Point]) -> List[Point]:
    """Sutherland-Hodgman: the part of polygon ``subject`` inside the convex polygon ``clip``."""
    output = _ccw(subject)
    clip = _ccw(clip)
    for a, b in zip(clip, clip[1:] + clip[:1]):
        if not output:
            break
        inputs, output = output, []
        for i, cur in enumerate(inputs):
            prev = inputs[i - 1]
            if _inside(cur, a, b):
                if not _inside(prev, a, b):
                    output.append(_crossing(prev, cur, a, b))
                output.append(cur)
            elif _inside(prev, a, b):
                output.append(_crossing(prev, cur, a, b))
    return output


def convex_overlap_area(a: Sequence[Point], b: Sequence[Point]) -> float:
    piece = clip_convex(a, b)
    return shoelace(piece) if len(piece) >= 3 else 0.0


def rotated_rectangle(cx: float, cy: float, w: float, h: float, angle_deg: float) -> List[Point]:
    a = math.radians(angle_deg)
    c, s = math.cos(a), math.sin(a)
    corners = [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]
    return [(cx + x * c - y * s, cy + x * s + y * c) for x, y in corners]


def random_convex(rng: random.Random, cx: float, cy: float, radius: float, n: int = 7) -> List[Point]:
    """A convex polygon: ``n`` points on a circle at sorted random angles."""
    angles = sorted(rng.uniform(0, 2 * math.pi) for _ in range(n))
    return [(cx + radius * math.cos(t), cy + radius * math.sin(t)) for t in angles]


def wkt_polygon(ring: Sequence[Point], holes: Sequence[Sequence[Point]] = ()) -> str:
    def text(r):
        pts = list(r) + [r[0]]
        return "(" + ", ".join(f"{x!r} {y!r}" for x, y in pts) + ")"

    return "POLYGON(" + ", ".join([text(ring)] + [text(h) for h in holes]) + ")"
