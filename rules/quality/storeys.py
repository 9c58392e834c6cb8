"""What the house rules share: buildings by their number ZRZH, floors by building and storey (QGIS-free)."""
from __future__ import annotations

from collections import defaultdict
from typing import Dict, List, Optional, Tuple

from .base import CheckInput, Features


def building_of_number(data: CheckInput) -> Dict[str, int]:
    """ZRZH → index of the one building carrying it (numbers carried by several are left out: ZRZ_ZRZH)."""
    key = "building_of_number"
    if key not in data.cache:
        holders = defaultdict(list)
        for i, number in enumerate(data.buildings.codes("ZRZH")):
            if number:
                holders[number].append(i)
        data.cache[key] = {number: rows[0] for number, rows in holders.items() if len(rows) == 1}
    return data.cache[key]


def floors_by_building(floors: Features) -> Dict[str, List[int]]:
    """ZRZH → indices of its C rows."""
    out = defaultdict(list)
    for i, number in enumerate(floors.codes("ZRZH")):
        if number:
            out[number].append(i)
    return out


def storey_of(floors: Features, i: int) -> Optional[int]:
    """实际层 SJC of a floor, else its 层号 CH when that is a whole number."""
    sjc, ch = floors.column("SJC")[i], floors.codes("CH")[i]
    for value in (sjc, ch):
        try:
            return int(float(value))
        except (TypeError, ValueError):
            continue
    return None


def repeated_floors(floors: Features) -> Dict[Tuple[str, str], List[int]]:
    """(ZRZH, CH) given to more than one C row → their indices."""
    seen = defaultdict(list)
    for i, (number, ch) in enumerate(zip(floors.codes("ZRZH"), floors.codes("CH"))):
        if number and ch:
            seen[(number, ch)].append(i)
    return {k: v for k, v in seen.items() if len(v) > 1}


def number(value) -> Optional[float]:
    try:
        return float(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None
