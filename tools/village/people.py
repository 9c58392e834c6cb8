"""Right holders: Chinese names, GB 11643 citizen ID numbers (ISO 7064 MOD 11-2 check digit), phone numbers."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Set

from .draws import Draws

# Surnames common in central Hunan; a village has a few dominant clans (see Registry.village_surnames).
SURNAMES = (
    "李刘陈王张周谭彭曾罗肖邓唐贺颜易龙向邹廖袁胡黄杨吴谢蒋戴伍段雷汤尹夏文成付曹邱朱梁宋康欧孙石毛"
)
MALE_NAMES = (
    "建国", "建华", "国强", "志明", "志刚", "德明", "德华", "国华", "春生", "冬生", "桂生", "水生", "长春",
    "新民", "卫东", "跃进", "红军", "立新", "正清", "光明", "海波", "小军", "伟", "强", "军", "勇", "杰",
    "斌", "涛", "波", "辉", "明", "平", "湘平", "湘军", "石林", "满堂", "福生", "贵元", "运华", "双喜",
)
FEMALE_NAMES = (
    "桂英", "秀英", "秀兰", "玉兰", "春花", "桂兰", "美华", "凤英", "淑芬", "丽华", "红梅", "小红", "金莲",
    "翠英", "冬梅", "海燕", "丽娟", "艳", "芳", "静", "婷", "敏", "燕", "霞", "娟", "湘兰", "满秀", "菊香",
)
PHONE_PREFIXES = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "157",
    "158", "159", "173", "177", "180", "181", "182", "183", "187", "188", "189", "191", "199",
)
REGION = "431302"  # 娄底市娄星区 (GB/T 2260)
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)  # 2^(17-i) mod 11
ID_CHECK = "10X98765432"


def id_check_digit(body: str) -> str:
    """ISO 7064 MOD 11-2 check character of the first 17 digits of an 18-digit ID number (GB 11643-1999)."""
    return ID_CHECK[sum(int(c) * w for c, w in zip(body, ID_WEIGHTS)) % 11]


@dataclass
class Person:
    name: str
    male: bool
    id_number: str
    phone: str
    birth_year: int


class Registry:
    """Hands out people with unique ID numbers, from one seeded generator."""

    def __init__(self, rng: Draws):
        self.rng = rng
        self.used: Set[str] = set()

    def village_surnames(self) -> str:
        """Two or three clans dominate a village; the rest come from the whole list."""
        picks = self.rng.permutation(len(SURNAMES))[:3]
        return "".join(SURNAMES[int(i)] for i in picks)

    def person(self, male: bool, birth_year: int, surnames: str, surname: Optional[str] = None) -> Person:
        rng = self.rng
        if surname is None:
            pool = surnames if rng.random() < 0.6 else SURNAMES
            surname = pool[int(rng.integers(len(pool)))]
        names = MALE_NAMES if male else FEMALE_NAMES
        name = surname + names[int(rng.integers(len(names)))]
        return Person(name, male, self._id_number(male, birth_year), self._phone(), birth_year)

    def _id_number(self, male: bool, year: int) -> str:
        rng = self.rng
        month, day = int(rng.integers(1, 13)), int(rng.integers(1, 29))
        seq = int(rng.integers(0, 500)) * 2 + (1 if male else 0)  # odd for men, even for women
        while True:
            body = f"{REGION}{year:04d}{month:02d}{day:02d}{seq:03d}"
            number = body + id_check_digit(body)
            if number not in self.used:
                self.used.add(number)
                return number
            seq = (seq + 2) % 1000

    def _phone(self) -> str:
        prefix = PHONE_PREFIXES[int(self.rng.integers(len(PHONE_PREFIXES)))]
        return prefix + f"{int(self.rng.integers(0, 100_000_000)):08d}"
