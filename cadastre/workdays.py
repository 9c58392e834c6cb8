"""Chinese working days and notice periods (公告期), from the holiday data in cadastre.holidays_cn.

A day is a working day when it is Monday-Friday and not a statutory rest day, or when it is a make-up working
day (调休上班日) on a weekend. Periods are counted as the Civil Code counts them (民法典 第二百零一条、第二百零三条):
the day the notice is posted is not counted, counting starts the next day; a period in days whose last day is a
rest day ends on the next working day. Dates outside the known years are refused, never guessed.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import FrozenSet, Tuple

from . import holidays_cn
from .messages import fail, translatable

WORKING_DAYS, CALENDAR_DAYS = "working", "calendar"


@lru_cache(maxsize=1)
def _calendar() -> Tuple[FrozenSet[dt.date], FrozenSet[dt.date]]:
    rest, work = set(), set()
    for _notice, periods, makeup in holidays_cn.HOLIDAYS.values():
        for first, last in periods:
            day, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
            while day <= end:
                rest.add(day)
                day += dt.timedelta(days=1)
        work.update(dt.date.fromisoformat(d) for d in makeup)
    return frozenset(rest), frozenset(work)


def known_range() -> Tuple[dt.date, dt.date]:
    return dt.date.fromisoformat(holidays_cn.KNOWN_FROM), dt.date.fromisoformat(holidays_cn.KNOWN_TO)


def _check_known(day: dt.date) -> None:
    first, last = known_range()
    if not first <= day <= last:
        raise fail(
            "WORKDAYS_UNKNOWN_YEAR",
            translatable("The holiday schedule of {year} is not known (known: {first} to {last}). Add that year's "
                         "State Council holiday notice to cadastre/holidays_cn.py."),
            year=day.year, first=first.isoformat(), last=last.isoformat(),
        )


def is_working_day(day: dt.date) -> bool:
    """True on a Chinese working day (including make-up working days on weekends)."""
    _check_known(day)
    rest, work = _calendar()
    if day in work:
        return True
    return day.weekday() < 5 and day not in rest


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The n-th working day after ``start`` (``start`` itself is not counted); n ≥ 1."""
    if n < 1:
        raise ValueError("n must be at least 1")
    day, counted = start, 0
    while counted < n:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def add_calendar_days(start: dt.date, n: int) -> dt.date:
    """The last day of a period of n days after ``start``, moved to the next working day when it is a rest day."""
    if n < 1:
        raise ValueError("n must be at least 1")
    _check_known(start)
    day = start + dt.timedelta(days=n)
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


@dataclass(frozen=True)
class NoticePeriod:
    """A notice posted on ``start`` running ``days`` days of ``unit`` (WORKING_DAYS or CALENDAR_DAYS)."""

    start: dt.date
    end: dt.date
    days: int
    unit: str


def notice_period(start: dt.date, days: int, unit: str = WORKING_DAYS) -> NoticePeriod:
    """Start and last day of a notice period; ``unit`` is WORKING_DAYS (工作日) or CALENDAR_DAYS (日)."""
    if unit == WORKING_DAYS:
        _check_known(start)
        end = add_working_days(start, days)
    elif unit == CALENDAR_DAYS:
        end = add_calendar_days(start, days)
    else:
        raise ValueError(f"unknown period unit {unit!r}")
    return NoticePeriod(start, end, days, unit)


def chinese_date(day: dt.date) -> str:
    """2020年5月20日"""
    return f"{day.year}年{day.month}月{day.day}日"
