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


def crs_note(zone: Optional[int]) -> str:
    """The coordinate system as deliverables state it (always Chinese): datum, projection, height datum."""
    projection = f"高斯-克吕格投影 3度带（中央子午线 {central_meridian(zone)}°）" if zone else "高斯-克吕格投影 3度带"
    return f"2000国家大地坐标系，{projection}，1985国家高程基准"


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


def zone_of_proj(proj: str) -> Optional[Tuple[int, bool]]:
    """(zone, prefixed) when the PROJ string ``proj`` defines a CGCS2000 3° zone plane (a CRS without its EPSG
    code, e.g. read from a .prj): transverse Mercator on GRS 80, scale 1, central meridian 3n°E, false easting
    500 000 m or n×10⁶ + 500 000 m. None for any other definition."""
    params = dict(token.lstrip("+").partition("=")[::2] for token in proj.split() if token.startswith("+"))
    try:
        if params.get("proj") != "tmerc" or params.get("ellps") != "GRS80" or params.get("units", "m") != "m":
            return None
        numbers = {key: float(params.get(key, default)) for key, default in
                   (("lat_0", 0), ("k", params.get("k_0", 1)), ("y_0", 0), ("lon_0", "nan"), ("x_0", 0))}
    except ValueError:
        return None
    if numbers["lat_0"] != 0 or numbers["k"] != 1 or numbers["y_0"] != 0 or numbers["lon_0"] % 3:
        return None
    zone = int(numbers["lon_0"] // 3)
    if not FIRST_ZONE <= zone <= LAST_ZONE:
        return None
    if numbers["x_0"] == 500_000:
        return zone, False
    if numbers["x_0"] == zone * 1_000_000 + 500_000:
        return zone, True
    return None


def zone_of_prefixed_easting(easting: float) -> Optional[int]:
    """Zone number carried in an 8-digit easting (e.g. 37 512 345.6 → 37), or None if it carries none."""
    if not 10_000_000 <= abs(easting) < 100_000_000:
        return None
    zone = int(easting // 1_000_000)
    return zone if FIRST_ZONE <= zone <= LAST_ZONE else None


def is_in_china_zones(lon: float) -> bool:
    """True when ``lon`` falls in one of China's CGCS2000 3° zones (73.5°E-136.5°E)."""
    return FIRST_ZONE * 3 - 1.5 <= lon < LAST_ZONE * 3 + 1.5


def utm_epsg(lon: float, lat: float) -> int:
    """EPSG code of the WGS 84 / UTM zone containing (lon, lat): the local plane for data outside China."""
    zone = min(60, max(1, int(math.floor((lon + 180.0) / 6.0)) + 1))
    return (32600 if lat >= 0 else 32700) + zone


def guess_epsg(xs, ys) -> Optional[Tuple[int, str]]:
    """(EPSG code, kind) for coordinates that came without a CRS, or None when they tell nothing.

    8-digit eastings carrying a zone number 25-45 → that CGCS2000 zone (EPSG:4513-4533); coordinates that all
    fit longitude/latitude inside China's zones → CGCS2000 geographic (EPSG:4490). ``xs``: eastings (QGIS x).
    kind: "zone" or "geographic".
    """
    xs = [float(x) for x in xs]
    ys = [float(y) for y in ys]
    if not xs:
        return None
    zones_seen = {zone_of_prefixed_easting(x) for x in xs}
    if len(zones_seen) == 1 and None not in zones_seen and all(1_000_000 <= abs(y) < 10_000_000 for y in ys):
        zone = zones_seen.pop()
        return epsg_for_zone(zone, prefixed=True), "zone"
    if all(is_in_china_zones(x) for x in xs) and all(-90 <= y <= 90 for y in ys):
        return CGCS2000_GEOGRAPHIC, "geographic"
    return None


def _check_zone(zone: int) -> None:
    if not FIRST_ZONE <= zone <= LAST_ZONE:
        raise ValueError(f"zone {zone} is not a CGCS2000 3° zone (25-45)")
