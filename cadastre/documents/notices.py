"""公告 (public notice) lists per village: which parcels, the notice text and its period (domain.md §1.5).

Three notices of the Louxing programme (004_7e38a7dad3fe2b95.txt 三.1, 五.1, 五.3): the registration notice of
the parcels that meet the conditions (15 working days), the village notice confirming homesteads without
ownership-source documents (30 days), and the village notice of houses built after the 2008 城乡规划法 without
planning documents (15 days). The periods are defaults; a policy profile or the user may set others.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

from ..maps import maptext
from ..maps.mapdata import clean_text, column_of
from ..workdays import CALENDAR_DAYS, WORKING_DAYS, Calendar, NoticePeriod, chinese_date, notice_period
from .ruled_tables import Cell, Sheet

PLANNING_LAW_YEAR = 2008  # 城乡规划法 in force 2008-01-01 (domain.md §7, verify)
CHINESE_NUMBERS = {15: "十五", 30: "三十", 20: "二十", 10: "十", 7: "七", 60: "六十"}


@dataclass(frozen=True)
class NoticeKind:
    key: str
    title: str
    days: int
    unit: str
    text: str  # notice body; {days} {unit} {start} {end} {issuer} are filled in


REGISTRATION = NoticeKind(
    "registration", "不动产首次登记公告", 15, WORKING_DAYS,
    "经初步审定，下列农村宅基地和集体建设用地使用权及房屋所有权拟予首次登记，现予公告。如有异议，请自本公告之日起"
    "{days}{unit}内（{start}至{end}）将异议书面材料送达{issuer}。逾期无人提出异议或者异议不成立的，将予以登记。")
NO_SOURCE = NoticeKind(
    "no_source", "农村宅基地使用权确认公告", 30, CALENDAR_DAYS,
    "下列农村宅基地没有权属来源材料，经查明土地历史使用情况和现状，符合国土空间规划和“一户一宅”条件，本集体经济"
    "组织拟对其使用权人、面积、四至范围予以确认，现予公告，公告期{days}{unit}（{start}至{end}）。如有异议，请在"
    "公告期内向{issuer}书面提出。")
HOUSE_PLANNING = NoticeKind(
    "house_planning", "农村房屋建设情况公告", 15, CALENDAR_DAYS,
    "下列房屋建于2008年《中华人民共和国城乡规划法》实施之后，未能提供房屋符合规划或建设的相关材料，现予公告，"
    "公告期{days}{unit}（{start}至{end}）。如有异议，请在公告期内向{issuer}书面提出。")
KINDS = (REGISTRATION, NO_SOURCE, HOUSE_PLANNING)
COLUMNS = ("序号", "权利人", "宗地代码", "坐落", "面积(㎡)", "用途", "类别")


def unit_text(days: int, unit: str) -> Tuple[str, str]:
    """('十五', '个工作日') for 15 working days; ('三十', '日') for 30 days."""
    number = CHINESE_NUMBERS.get(days, str(days))
    return number, ("个工作日" if unit == WORKING_DAYS else "日")


# The policy profile's [notices] key of each notice (rules/policies/*.toml).
PROFILE_KEYS = {REGISTRATION.key: "registration_working_days", NO_SOURCE.key: "no_source_days",
                HOUSE_PLANNING.key: "planning_days"}


def selected(kind: NoticeKind, row: Dict[str, object], classes: Sequence[int],
             planning_from: int = PLANNING_LAW_YEAR) -> bool:
    """Whether a parcel (attribute row) belongs on ``kind``'s notice.

    Registration: its class LB is in ``classes`` (all parcels when the layer has no LB); no source documents:
    YQSLY = 0; house planning: built (JFNF) in or after ``planning_from`` (the 城乡规划法 year).
    """
    if kind.key == NO_SOURCE.key:
        return maptext.as_int(row.get("YQSLY")) == 0
    if kind.key == HOUSE_PLANNING.key:
        year = maptext.as_int(row.get("JFNF"))
        return year is not None and year >= planning_from
    if "LB" not in row:
        return True
    return maptext.as_int(row.get("LB")) in set(classes)


@dataclass
class NoticeList:
    village: str  # 12-digit 地籍子区 code (or the code prefix the parcels share)
    kind: NoticeKind
    period: NoticePeriod
    rows: List[List[object]]
    issuer: str = ""
    place: str = ""  # village name for the title

    def sheet(self) -> Sheet:
        number, unit = unit_text(self.period.days, self.period.unit)
        body = self.kind.text.format(days=number, unit=unit, start=chinese_date(self.period.start),
                                     end=chinese_date(self.period.end), issuer=self.issuer or "公告单位")
        body += self.period.provisional_note()
        title = f"{self.place}{self.kind.title}" if self.place else self.kind.title
        sheet = Sheet(self.village or "公告", title, (6, 14, 24, 30, 12, 14, 22), caption=body, header_rows=1,
                      landscape=True, fit_columns=True,
                      footer=f"公告单位：{self.issuer}\n公告日期：{chinese_date(self.period.start)}\n"
                             f"公告期：{chinese_date(self.period.start)}至{chinese_date(self.period.end)}"
                             f"{self.period.provisional_note()}")
        sheet.add(*[Cell(c, bold=True) for c in COLUMNS])
        for row in self.rows:
            sheet.add(*row)
        return sheet


def candidates(parcels, kind: NoticeKind, classes: Sequence[int] = (1,), indices: Optional[Sequence[int]] = None,
               planning_from: int = PLANNING_LAW_YEAR) -> List[int]:
    """Indices of the parcels (among ``indices``, default all) that ``kind``'s notice is about (``selected``)."""
    names = list(parcels.attributes)
    columns = {name: column_of(parcels, name) for name in names}
    wanted = range(len(parcels.geometries)) if indices is None else indices
    return [i for i in wanted if selected(kind, {name: columns[name][i] for name in names}, classes, planning_from)]


def notice_lists(parcels, kind: NoticeKind, start: dt.date, days: Optional[int] = None, unit: Optional[str] = None,
                 classes: Sequence[int] = (1,), issuer: str = "", indices: Optional[Sequence[int]] = None,
                 planning_from: int = PLANNING_LAW_YEAR, calendar: Optional[Calendar] = None) -> List[NoticeList]:
    """One list per village (the first 12 characters of ZDDM), parcels in code order; ``days`` and ``unit``
    default to the notice kind's; ``calendar`` to the package's and the table's holidays."""
    period = notice_period(start, days or kind.days, unit or kind.unit, calendar)
    names = list(parcels.attributes)
    columns = {name: column_of(parcels, name) for name in names}
    by_village: Dict[str, List[int]] = {}
    for i in candidates(parcels, kind, classes, indices, planning_from):
        by_village.setdefault(clean_text(columns["ZDDM"][i])[:12], []).append(i)
    lists = []
    for village in sorted(by_village):
        rows = []
        for n, i in enumerate(sorted(by_village[village], key=lambda i: clean_text(columns["ZDDM"][i])), start=1):
            row = {name: columns[name][i] for name in names}
            area = row.get("DJMJ") if row.get("DJMJ") is not None else row.get("ZDMJ")
            yt = row.get("YT")
            rows.append([n, clean_text(row.get("QLRMC")), clean_text(row.get("ZDDM")), clean_text(row.get("ZL")),
                         maptext.area_text(area), maptext.codelist_text("YT", yt) or clean_text(yt),
                         maptext.codelist_text("LB", row.get("LB"))])
        lists.append(NoticeList(village, kind, period, rows, issuer))
    return lists
