"""Chinese working days and notice periods (公告期).

A day is a working day when it is Monday-Friday and not a statutory rest day, or when it is a make-up working
day (调休上班日) on a weekend. Periods are counted as the Civil Code counts them (民法典 第二百零一条、第二百零三条):
the day the notice is posted is not counted, counting starts the next day; a period in days whose last day is a
rest day ends on the next working day.

The holiday schedule of a year comes from the maintained ``chinesecalendar`` package where it knows the year,
else from the table in cadastre.holidays_cn, else from a year added as data (a policy profile's [holidays]);
a year none of them knows is counted with weekends only and the period is marked provisional.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Dict, Mapping, Optional, Tuple

from . import holidays_cn

WORKING_DAYS, CALENDAR_DAYS = "working", "calendar"
PACKAGE, TABLE, DATA, WEEKENDS = "chinesecalendar", "table", "data", "weekends"


def _days(periods, makeup) -> Tuple[set, set]:
    rest, work = set(), set()
    for first, last in periods:
        day, end = dt.date.fromisoformat(str(first)), dt.date.fromisoformat(str(last))
        while day <= end:
            rest.add(day)
            day += dt.timedelta(days=1)
    work.update(dt.date.fromisoformat(str(d)) for d in makeup)
    return rest, work


def _package():
    try:
        import chinese_calendar
    except ImportError:  # optional: the table and the data still count
        return None
    return chinese_calendar


class Calendar:
    """Working days from the package, the table, ``extra`` years (year -> (notice, periods, make-up days))."""

    def __init__(self, extra: Optional[Mapping[int, tuple]] = None, package: bool = True):
        self.layers = []  # (source, known years, rest days, make-up days), in order of precedence
        module = _package() if package else None
        if module is not None:
            rest, work = set(module.holidays), set(module.workdays)
            self.layers.append((PACKAGE, {d.year for d in rest}, rest, work))
        rest, work = _days([p for _n, periods, _m in holidays_cn.HOLIDAYS.values() for p in periods],
                           [d for _n, _p, makeup in holidays_cn.HOLIDAYS.values() for d in makeup])
        self.layers.append((TABLE, set(holidays_cn.HOLIDAYS), rest, work))
        if extra:
            rest, work = _days([p for _n, periods, _m in extra.values() for p in periods],
                               [d for _n, _p, makeup in extra.values() for d in makeup])
            self.layers.append((DATA, set(extra), rest, work))
        self._sources: Dict[int, tuple] = {}

    def _layer(self, year: int) -> tuple:
        if year not in self._sources:
            self._sources[year] = next((layer for layer in self.layers if year in layer[1]),
                                       (WEEKENDS, set(), frozenset(), frozenset()))
        return self._sources[year]

    def source(self, year: int) -> str:
        """Where ``year``'s schedule comes from: PACKAGE, TABLE, DATA or WEEKENDS (none known: provisional)."""
        return self._layer(year)[0]

    def is_working_day(self, day: dt.date) -> bool:
        _source, _years, rest, work = self._layer(day.year)
        if day in work:
            return True
        return day.weekday() < 5 and day not in rest


_DEFAULT: Optional[Calendar] = None


def default_calendar() -> Calendar:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Calendar()
    return _DEFAULT


def is_working_day(day: dt.date, calendar: Optional[Calendar] = None) -> bool:
    """True on a Chinese working day (including make-up working days on weekends)."""
    return (calendar or default_calendar()).is_working_day(day)


def add_working_days(start: dt.date, n: int, calendar: Optional[Calendar] = None) -> dt.date:
    """The n-th working day after ``start`` (``start`` itself is not counted); n ≥ 1."""
    if n < 1:
        raise ValueError("n must be at least 1")
    day, counted = start, 0
    while counted < n:
        day += dt.timedelta(days=1)
        if is_working_day(day, calendar):
            counted += 1
    return day


def add_calendar_days(start: dt.date, n: int, calendar: Optional[Calendar] = None) -> dt.date:
    """The last day of a period of n days after ``start``, moved to the next working day when it is a rest day."""
    if n < 1:
        raise ValueError("n must be at least 1")
    day = start + dt.timedelta(days=n)
    while not is_working_day(day, calendar):
        day += dt.timedelta(days=1)
    return day


@dataclass(frozen=True)
class NoticePeriod:
    """A notice posted on ``start`` running ``days`` days of ``unit`` (WORKING_DAYS or CALENDAR_DAYS)."""

    start: dt.date
    end: dt.date
    days: int
    unit: str
    provisional: Tuple[int, ...] = ()  # years counted with weekends only: their holiday schedule is not known

    def provisional_note(self) -> str:
        """The Chinese remark for the notice when the period is provisional ('' otherwise)."""
        if not self.provisional:
            return ""
        years = "、".join(f"{y}年" for y in self.provisional)
        return f"（暂定：{years}节假日安排未知，公告期仅按周末推算，待国务院办公厅公布后核对）"


def notice_period(start: dt.date, days: int, unit: str = WORKING_DAYS,
                  calendar: Optional[Calendar] = None) -> NoticePeriod:
    """Start and last day of a notice period; ``unit`` is WORKING_DAYS (工作日) or CALENDAR_DAYS (日)."""
    calendar = calendar or default_calendar()
    if unit == WORKING_DAYS:
        end = add_working_days(start, days, calendar)
    elif unit == CALENDAR_DAYS:
        end = add_calendar_days(start, days, calendar)
    else:
        raise ValueError(f"unknown period unit {unit!r}")
    years = range(start.year, end.year + 1)
    return NoticePeriod(start, end, days, unit, tuple(y for y in years if calendar.source(y) == WEEKENDS))


def chinese_date(day: dt.date) -> str:
    """2020年5月20日"""
    return f"{day.year}年{day.month}月{day.day}日"
