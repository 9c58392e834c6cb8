"""ZD_OVERLAP: two parcels claim the same ground (their overlap is larger than a tolerance area)."""
from __future__ import annotations

from ...cadastre.overlay import polygon_overlaps
from .base import ERROR, NOISE_AREA, CheckInput, Finding, Outcome, Param, Rule


def check(data: CheckInput, params) -> Outcome:
    parcels = data.parcels
    codes = data.parcel_codes
    overlaps = polygon_overlaps(parcels.polygons, None, max(params["min_area"], NOISE_AREA), same=True, valid=True)
    out = Outcome()
    for a, b, piece, area in zip(overlaps.left, overlaps.right, overlaps.geometries, overlaps.areas):
        out.findings.append(Finding(
            "overlap", [int(parcels.ids[a]), int(parcels.ids[b])], piece,
            {"a": codes[a] or f"#{parcels.ids[a]}", "b": codes[b] or f"#{parcels.ids[b]}", "area": float(area)},
            codes=[c for c in (codes[a], codes[b]) if c], value=float(area)))
    return out


RULE = Rule(
    id="ZD_OVERLAP",
    severity=ERROR,
    subject="ZD",
    check=check,
    params=(Param("min_area", 0.01, "m²", "Report overlaps larger than", "报告大于此面积的重叠", 0.0),),
)
