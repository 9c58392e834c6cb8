"""A block of homesteads: two rows of parcels back to back, built as an exact partition of a lattice strip.

Row 0 lies below the back line v = 0 (its front, on a lane, at v ≈ -depth), row 1 above it. Cut lines run
from a point on the back line to a point on the front; neighbours in a row share their cut, and the two rows
share the back line. Back-line points of the two rows either coincide (a four-parcel corner) or lie at least
MIN_BACK_SEP apart: a row-0 corner then sits on a row-1 edge (a T-junction), never a near-miss that would
look like a badly measured point.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Set, Tuple

from .draws import Draws
from .lattice import Frame, Point, iround, rectangle

MIN_BOX = 80  # lattice steps (~8 m): the narrowest inner box of a parcel, so a house fits
MIN_BACK_SEP = 20  # lattice steps (~2 m) between back-line points of the two rows that do not coincide
SIDE_MARGIN = 13  # lattice steps: 1 m set-back of a house from the boundary + room for its small turn
UV = Tuple[int, int]


@dataclass
class Cut:
    back: int  # u of the cut's end on the back line (v = 0)
    front_u: int
    front_v: int


@dataclass
class BlockPlan:
    frame: Frame
    length: int
    rows: Tuple[List[Cut], List[Cut]]

    def count(self, row: int) -> int:
        return len(self.rows[row]) - 1

    def ring(self, row: int, j: int) -> List[UV]:
        """Counter-clockwise lattice ring of parcel j (west to east) of ``row``."""
        a, b = self.rows[row][j], self.rows[row][j + 1]
        if row == 0:
            return [(a.front_u, a.front_v), (b.front_u, b.front_v), (b.back, 0), (a.back, 0)]
        return [(a.back, 0), (b.back, 0), (b.front_u, b.front_v), (a.front_u, a.front_v)]

    def box(self, row: int, j: int) -> List[int]:
        """Inner box [u_left, u_right, v_front, v_back] of parcel j: every point of it lies in the parcel."""
        a, b = self.rows[row][j], self.rows[row][j + 1]
        u_left, u_right = max(a.back, a.front_u), min(b.back, b.front_u)
        v_front = max(a.front_v, b.front_v) if row == 0 else min(a.front_v, b.front_v)
        return [u_left, u_right, v_front, 0]


def plan_cuts(rng: Draws, k0: int, k1: int, width: float, depths: Tuple[int, int],
              regular0: bool = False, vertical0: Sequence[int] = ()) -> Tuple[int, Tuple[List[Cut], List[Cut]]]:
    """Cut lines of a block with k0 parcels in row 0 and k1 in row 1 (k1 <= k0), parcels about ``width``
    steps wide in row 0. ``regular0`` gives row 0 evenly spaced straight cuts; ``vertical0`` lists row-0 cut
    indices that must run straight across (front u = back u)."""
    length = iround(k0 * width)
    jitter, slant = (0.0, 0) if regular0 else (0.2, 15)
    row0 = _row(rng, k0, length, depths[0], -1, jitter, slant, set(vertical0), None)
    row1 = _row(rng, k1, length, depths[1], +1, 0.2, 15, set(), [c.back for c in row0])
    return length, (row0, row1)


def _row(rng, k, length, depth, sign, jitter, slant, vertical: Set[int], partner: Optional[List[int]]):
    width = length / k
    for _attempt in range(12):
        backs = [0] + [iround(j * width + rng.uniform(-jitter, jitter) * width) for j in range(1, k)] + [length]
        if partner is not None:
            inner = partner[1:-1]
            for j in range(1, k):
                near = min(inner, key=lambda p, x=backs[j]: abs(p - x))
                gap = abs(near - backs[j])
                if gap < MIN_BACK_SEP or (gap < 0.35 * width and rng.random() < 0.4):
                    backs[j] = near
        cuts = _cuts(rng, backs, k, depth, sign, slant, vertical)
        if _row_ok(cuts, partner):
            return cuts
        jitter *= 0.6
        slant = slant * 6 // 10
    # Fallback, always valid: row 0 evenly spaced; row 1 reuses row-0 back points (four-parcel corners).
    if partner is None:
        backs = [iround(j * width) for j in range(k + 1)]
    else:
        picks = [iround(j * (len(partner) - 1) / k) for j in range(k + 1)]
        backs = [partner[p] for p in picks]
    cuts = _cuts(rng, backs, k, depth, sign, 0, vertical)
    assert _row_ok(cuts, partner)
    return cuts


def _cuts(rng, backs, k, depth, sign, slant, vertical):
    cuts = []
    for j, back in enumerate(backs):
        if j in vertical or slant == 0:
            s = 0
        elif j in (0, k):
            s = int(rng.integers(-8, 9))
        else:
            s = int(rng.integers(-slant, slant + 1))
        cuts.append(Cut(back, back + s, sign * (depth + int(rng.integers(-5, 6)))))
    return cuts


def _row_ok(cuts: List[Cut], partner: Optional[List[int]]) -> bool:
    for a, b in zip(cuts, cuts[1:]):
        if min(b.back, b.front_u) - max(a.back, a.front_u) < MIN_BOX:
            return False
    if partner is not None:
        inner = set(partner)
        for c in cuts[1:-1]:
            if c.back not in inner and min(abs(c.back - p) for p in partner) < MIN_BACK_SEP:
                return False
    return True


@dataclass
class HouseOptions:
    """How to place the houses of one parcel inside its inner box."""

    count: int = -1  # -1: draw 1-3; 0: none; n: at most n
    margin_left: int = SIDE_MARGIN
    margin_right: int = SIDE_MARGIN
    align: Optional[str] = None  # "left" | "right": the main house against that side's margin
    small: bool = False  # a temporary building: one small shed
    extra: Dict[str, int] = field(default_factory=dict)


@dataclass
class PlacedHouse:
    ring: List[Point]
    kind: str  # "main" | "kitchen" | "shed"


def place_houses(rng: Draws, frame: Frame, box: Sequence[int], row: int,
                 opts: HouseOptions) -> List[PlacedHouse]:
    """Rectangular houses, a little turned, set back >= 1 m from every side of ``box`` and >= 1 m apart.

    The main house stands behind a front yard (1.5-3.5 m); a kitchen and a shed may stand beside it or
    behind it.
    """
    if opts.count == 0:
        return []
    u_left, u_right, v_front, v_back = box
    inward = 1 if row == 0 else -1
    depth = abs(v_back - v_front)
    lo, hi = u_left + opts.margin_left, u_right - opts.margin_right
    width = hi - lo

    def to_v(t: float) -> float:
        return v_front + inward * t

    def house(s0: float, w: float, t0: float, d: float, kind: str) -> PlacedHouse:
        tilt = rng.uniform(-0.025, 0.025)
        return PlacedHouse(rectangle(frame, s0 + w / 2, to_v(t0 + d / 2), w / 2, d / 2, tilt), kind)

    front = int(rng.integers(15, 36))
    room = depth - front - SIDE_MARGIN
    if room < 60:
        front = max(15, depth - SIDE_MARGIN - 60)
        room = depth - front - SIDE_MARGIN
    if opts.small:
        w, d = min(width, int(rng.integers(40, 61))), min(room, int(rng.integers(35, 51)))
    else:
        w, d = min(width, int(rng.integers(65, 111))), min(room, int(rng.integers(65, 101)))
    limit = 3 if opts.count < 0 else opts.count
    wanted = 0 if opts.small or limit < 2 else int(rng.random() < 0.5) + int(limit >= 3 and rng.random() < 0.3)
    if wanted and width - w - 10 < 30 and room - d - 10 < 30 and width >= 90:
        w = width - 40  # make room for a kitchen beside the main house
    if wanted == 2 and room - d - 10 < 30 and room >= 95:
        d = room - 40  # and room for a shed behind it
    beside = width - w - 10 >= 30
    if opts.align == "left" or (opts.align is None and beside and rng.random() < 0.5):
        s = lo
    elif opts.align == "right" or (opts.align is None and beside):
        s = hi - w
    else:
        s = lo + int(rng.integers(0, width - w + 1))
    houses = [house(s, w, front, d, "main")]
    spots = []  # (where, free size in lattice steps)
    if beside and opts.align is None:
        spots.append(("low", s - 10 - lo) if s - lo >= 40 else ("high", hi - s - w - 10))
    if room - d - 10 >= 30:
        spots.append(("behind", room - d - 10))
    for kind in ("kitchen", "shed")[:wanted]:
        if not spots:
            break
        where, size = spots.pop(int(rng.integers(len(spots))))
        if where == "behind":
            kd, kw = min(size, int(rng.integers(30, 46))), min(width, int(rng.integers(30, 51)))
            houses.append(house(lo + int(rng.integers(0, width - kw + 1)), kw, front + d + 10, kd, kind))
        else:  # beside the main house, 1 m from it, flush with its back
            kw, kd = min(size, int(rng.integers(30, 51))), min(d, int(rng.integers(30, 56)))
            houses.append(house(s - 10 - kw if where == "low" else s + w + 10, kw, front + d - kd, kd, kind))
    return houses
