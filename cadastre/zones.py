"""CGCS2000 3-degree Gauss-Krüger zones (domain.md §3).

EPSG:4513-4533: zones 25-45 with the zone number in the easting (false easting zone×10⁶ + 500 000).
EPSG:4534-4554: central meridians 75°E-135°E, easting without the zone number.
"""
from __future__ import annotations

import math
from typing import Optional, Tuple

CGCS2000_GEOGRAPHIC = 4490
FIRST_ZONE, LAST_ZONE = 25, 45
PREFIXED_FIRST_EPSG, PLAIN_FIRST_EPSG = 4513, 4534


def zone_of_longitude(lon: float) -> int:
    """3° zone number containing ``lon`` (zone n is centred on 3n°E, from 3n-1.5 to 3n+1.5)."""
    zone = int(math.floor((lon + 1.5) / 3.0))
    if not FIRST_ZONE <= zone <= LAST_ZONE:
        raise ValueError(f"longitude {lon:.4f} is outside China's CGCS2000 3° zones 25-45 (73.5°E-136.5°E)")
    return zone


def central_meridian(zone: int) -> int:
    _check_zone(zone)
    return 3 * zone


def epsg_for_zone(zone: int, prefixed: bool = False) -> int:
    """EPSG code of CGCS2000 3° zone ``zone``: with the zone in the easting (4513-4533) or without (4534-4554)."""
    _check_zone(zone)
    return (PREFIXED_FIRST_EPSG if prefixed else PLAIN_FIRST_EPSG) + zone - FIRST_ZONE


def zone_of_epsg(epsg: int) -> Optional[Tuple[int, bool]]:
    """(zone, prefixed) for a CGCS2000 3° zone EPSG code, or None for any other code."""
    if PREFIXED_FIRST_EPSG <= epsg < PREFIXED_FIRST_EPSG + 21:
        return epsg - PREFIXED_FIRST_EPSG + FIRST_ZONE, True
    if PLAIN_FIRST_EPSG <= epsg < PLAIN_FIRST_EPSG + 21:
        return epsg - PLAIN_FIRST_EPSG + FIRST_ZONE, False
    return None


def is_zone_epsg(epsg: int) -> bool:
    return zone_of_epsg(epsg) is not None


def zone_of_prefixed_easting(easting: float) -> Optional[int]:
    """Zone number carried in an 8-digit easting (e.g. 37 512 345.6 → 37), or None if it carries none."""
    if not 10_000_000 <= abs(easting) < 100_000_000:
        return None
    zone = int(easting // 1_000_000)
    return zone if FIRST_ZONE <= zone <= LAST_ZONE else None


def _check_zone(zone: int) -> None:
    if not FIRST_ZONE <= zone <= LAST_ZONE:
        raise ValueError(f"zone {zone} is not a CGCS2000 3° zone (25-45)")
