"""Round map scales: the largest round scale at which a piece of ground fits a map frame."""
from __future__ import annotations

from typing import Optional, Sequence

# Scale denominators a cadastral drawing uses (1, 2, 3, 5 × 10ⁿ from 1:100 to 1:10 000).
ROUND_SCALES = (100, 200, 300, 500, 1000, 2000, 3000, 5000, 10000)


def fits(width_m: float, height_m: float, frame_w_mm: float, frame_h_mm: float, scale: int,
         margin_mm: float = 0.0) -> bool:
    """True when a ``width_m`` × ``height_m`` area plus ``margin_mm`` on each side fits the frame at 1:scale."""
    usable_w, usable_h = frame_w_mm - 2 * margin_mm, frame_h_mm - 2 * margin_mm
    return width_m * 1000.0 / scale <= usable_w + 1e-9 and height_m * 1000.0 / scale <= usable_h + 1e-9


def choose_scale(width_m: float, height_m: float, frame_w_mm: float, frame_h_mm: float, margin_mm: float = 0.0,
                 minimum: int = 0, candidates: Sequence[int] = ROUND_SCALES) -> Optional[int]:
    """Smallest denominator in ``candidates`` (not below ``minimum``) at which the area fits; None if none does.

    Sizes in metres on the ground and millimetres on paper; ``minimum`` keeps e.g. a house plan at 1:200 or
    smaller even when it would fit at 1:100.
    """
    if frame_w_mm <= 2 * margin_mm or frame_h_mm <= 2 * margin_mm:
        return None
    for scale in sorted(candidates):
        if scale >= minimum and fits(width_m, height_m, frame_w_mm, frame_h_mm, scale, margin_mm):
            return scale
    return None


def scale_text(scale: int) -> str:
    return f"1:{scale}"
