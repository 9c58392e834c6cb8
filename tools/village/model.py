"""The demo village's features as plain objects: parcels, houses, households, polygons, planted defects."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Dict, List, Optional, Tuple

from .blocks import BlockPlan, HouseOptions
from .lattice import Point, area_m2, twice_area
from .people import Person

if TYPE_CHECKING:
    from .village import Village


def delta_p(area: float) -> float:
    """Allowed area error ΔP = 0.0003·M·√P for a 1:1000 map (M = 1000), m²."""
    return 0.0003 * 1000 * math.sqrt(area)


@dataclass
class Household:
    hh: str
    head: Person
    spouse: Optional[Person]


@dataclass(eq=False)
class House:
    ring: List[Point]
    kind: str  # main | kitchen | shed | orphan | basemap (a base-map-only building)
    parcel: Optional[Parcel]
    village: Optional[Village] = None
    number: int = 1
    structure: int = 4
    storeys: int = 1
    built: Optional[Tuple[int, int, int]] = None
    measured: Optional[float] = None
    basemap_offset: Optional[Tuple[int, int]] = (0, 0)  # None: missing from the base map

    @property
    def area(self) -> float:
        return area_m2(self.ring)


@dataclass(eq=False)
class Parcel:
    village: Village
    block: int
    row: int
    j: int
    plan: BlockPlan
    uv: List[Tuple[int, int]]
    box: List[int]
    seq: int
    tags: Dict[str, str] = field(default_factory=dict)
    zddm: str = ""
    bdcdyh: str = ""
    case: str = ""
    clause: str = ""
    facts: Dict[str, object] = field(default_factory=dict)
    household: Optional[Household] = None
    dcmj: float = 0.0
    areas: Tuple[float, float] = (0.0, 0.0)  # (low, high): the raw shoelace and the made-valid area
    houses: List[House] = field(default_factory=list)
    house_options: HouseOptions = field(default_factory=HouseOptions)
    group: int = 1

    @property
    def ring(self) -> List[Point]:
        return self.plan.frame.points(self.uv)

    @property
    def area(self) -> float:
        return abs(twice_area(self.ring)) / 2e6


@dataclass
class Patch:
    """A polygon of JBNT, DXT_DL or DXT_SX, with its attributes."""

    ring: List[Point]
    attrs: Dict[str, object]


@dataclass(eq=False)
class Defect:
    kind: str
    rule: Optional[str]
    layer: str
    parcels: List[Parcel] = field(default_factory=list)
    houses: List[House] = field(default_factory=list)
    basemap: List[House] = field(default_factory=list)  # DXT_FW-only buildings
    fids: List[int] = field(default_factory=list)  # the findings' fids in the house-side layers (C, H)
    facts: Dict[str, object] = field(default_factory=dict)
    description: str = ""
