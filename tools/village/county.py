"""Villages placed side by side in Louxing District, households across villages, and the feature ids."""
from __future__ import annotations

import math
from typing import Dict, List, Tuple

from . import policy
from .draws import Draws
from .lattice import Point, iround
from .model import Defect, House, Parcel
from .people import Registry
from .surroundings import subdivide_farmland
from .village import Village

COUNTY_CODE = "431302"  # 娄底市娄星区
# Centre of the first village, EPSG:4525 (CGCS2000 3° zone 37, zone number in the easting), in millimetres:
# about 111.99°E 27.73°N, Loudi.
TARGET = (37_597_000_000, 3_069_000_000)
PARCELS_PER_VILLAGE = 400
VILLAGES_PER_TOWN = 16
MIN_PARCELS = 200
TOWNS = ("杉山镇", "双江乡", "石井镇", "茶园镇", "万宝镇", "小碧乡")
NAME_HEADS = "枫石新柳桃杉竹松青龙凤金银白黄高长大东西南北上下花荷莲梅兰樟桂"
NAME_TAILS = "林塘山溪坪田湾冲桥江岭园源坝铺湖垅峰"


def village_count(parcels: int) -> int:
    """One village (地籍子区) per about 300-500 parcels."""
    return max(1, iround(parcels / PARCELS_PER_VILLAGE))


class County:
    """All villages of one run, moved to their places, with every feature's GeoPackage fid."""

    def __init__(self, parcels: int, seed: int, farmland_ratio: float = 0.0, clean: bool = False):
        if parcels < MIN_PARCELS:
            raise ValueError(f"--parcels must be at least {MIN_PARCELS} (one village needs room for its planted cases)")
        self.parcel_count, self.seed, self.farmland_ratio, self.clean = parcels, seed, farmland_ratio, clean
        n = village_count(parcels)
        quotas = [parcels // n + (1 if i < parcels % n else 0) for i in range(n)]
        names_rng = Draws([seed, 1_000_001])
        registry = Registry(Draws([seed, 1_000_002]))
        names = village_names(names_rng, n)
        self.villages: List[Village] = []
        for v, quota in enumerate(quotas):
            t = v // VILLAGES_PER_TOWN
            town = TOWNS[t] if t < len(TOWNS) else f"{NAME_HEADS[t % len(NAME_HEADS)]}{NAME_TAILS[7 * t % len(NAME_TAILS)]}镇"
            self.villages.append(Village(v, quota, seed, town, names[v], COUNTY_CODE, f"{3 + t:03d}",
                                         f"{5 + v % VILLAGES_PER_TOWN:03d}", registry, clean))
        if farmland_ratio > 0:  # county-scale benchmarks: about farmland_ratio patches per parcel
            for village in self.villages:
                subdivide_farmland(village, iround(farmland_ratio * len(village.parcels)))
        self.defects: List[Defect] = [d for village in self.villages for d in village.defects]
        self._place()
        if not clean:
            self._cross_village(Draws([seed, 1_000_003]))
        self._number()

    def _place(self) -> None:
        """Village v's local millimetres + offsets[v] = EPSG:4525 millimetres; villages on a square grid."""
        sizes = [max(b[2] - b[0], b[3] - b[1]) for b in (v.bounds for v in self.villages)]
        pitch = -(-(max(sizes) + 300_000) // 100_000) * 100_000
        side = math.ceil(math.sqrt(len(self.villages)))
        self.offsets: List[Tuple[int, int]] = []
        for v, village in enumerate(self.villages):
            gx, gy = v % side, v // side
            x0, y0, x1, y1 = village.bounds
            cx = TARGET[0] + (2 * gx - (side - 1)) * pitch // 2
            cy = TARGET[1] + (2 * gy - (side - 1)) * pitch // 2
            self.offsets.append((cx - (x0 + x1) // 2, cy - (y0 + y1) // 2))

    def _cross_village(self, rng: Draws) -> None:
        """In county runs, a household that moved to the next village kept its old homestead (易地搬迁未注销原证)."""
        for v in range(1, len(self.villages)):
            old_home = self.villages[v - 1].plain.pop(int(rng.integers(len(self.villages[v - 1].plain))))
            new_home = self.villages[v].plain.pop(int(rng.integers(len(self.villages[v].plain))))
            new_home.household = old_home.household
            for p in (old_home, new_home):
                p.case, p.clause = policy.MULTI
            self.defects.append(Defect("multiple_homesteads", "HH_MULTI", "ZD", [old_home, new_home], description=(
                "One household holds a homestead in each of two villages: it moved without giving up (and "
                "cancelling the certificate of) the old one.")))

    def _number(self) -> None:
        self.parcels: List[Parcel] = [p for v in self.villages for p in v.parcels]
        self.houses: List[House] = [h for v in self.villages for h in v.houses]
        self.basemap: List[House] = [h for v in self.villages
                                     for h in [h for h in v.houses if h.basemap_offset is not None] + v.extra_buildings]
        self.parcel_fid: Dict[int, int] = {id(p): i + 1 for i, p in enumerate(self.parcels)}
        self.house_fid: Dict[int, int] = {id(h): i + 1 for i, h in enumerate(self.houses)}
        self.basemap_fid: Dict[int, int] = {id(h): i + 1 for i, h in enumerate(self.basemap)}

    def world(self, village: Village, ring: List[Point]) -> List[Tuple[float, float]]:
        """EPSG:4525 metres of a village-local millimetre ring."""
        dx, dy = self.offsets[village.index]
        return [((x + dx) / 1000.0, (y + dy) / 1000.0) for x, y in ring]


def village_names(rng: Draws, n: int) -> List[str]:
    """n distinct made-up village names (two characters + 村)."""
    names = [a + b + "村" for a in NAME_HEADS for b in NAME_TAILS]
    order = rng.permutation(len(names))
    picked = [names[int(i)] for i in order]
    while len(picked) < n:
        picked += [f"{name[:-1]}{len(picked) // len(names) + 1}村" for name in picked[: len(names)]]
    return picked[:n]
