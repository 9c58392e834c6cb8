"""Chinese working days: the holiday table against an independent source, and notice periods by hand."""
import datetime as dt

import pytest

from homestead_cadastre.cadastre import holidays_cn, workdays
from homestead_cadastre.cadastre.messages import CadastreError

D = dt.date


def test_table_matches_chinese_calendar_package():
    """Every day 2019-2026 against the chinesecalendar package (its own transcription of the State Council notices)."""
    cc = pytest.importorskip("chinese_calendar")
    day = D(2019, 1, 1)
    differences = []
    while day <= D(2026, 12, 31):
        if workdays.is_working_day(day) != cc.is_workday(day):
            differences.append(day)
        day += dt.timedelta(days=1)
    assert differences == []


def test_makeup_days_are_weekend_working_days():
    for _notice, periods, makeup in holidays_cn.HOLIDAYS.values():
        for text in makeup:
            assert D.fromisoformat(text).weekday() >= 5, text
            if text >= holidays_cn.KNOWN_FROM:
                assert workdays.is_working_day(D.fromisoformat(text))
        for first, last in periods:
            assert first <= last


def test_working_day_cases():
    assert workdays.is_working_day(D(2020, 9, 27))  # Sunday, make-up day before National Day
    assert not workdays.is_working_day(D(2020, 10, 8))  # National Day + Mid-Autumn 2020
    assert not workdays.is_working_day(D(2020, 2, 1))  # make-up day cancelled by the 2020 Spring Festival extension
    assert not workdays.is_working_day(D(2024, 6, 10))  # Dragon Boat, Monday
    assert workdays.is_working_day(D(2026, 2, 28))  # Saturday make-up after the 2026 Spring Festival


def test_fifteen_working_days_over_national_day_2020():
    # Counted by hand from the 2020 notice: posted Mon 28 Sep; 29, 30 Sep; 9, 10 (Sat, make-up), 12-16, 19-23, 26 Oct.
    period = workdays.notice_period(D(2020, 9, 28), 15)
    assert period.end == D(2020, 10, 26)


def test_thirty_days_ending_on_a_holiday_move_to_next_working_day():
    # 2024-09-01 + 30 days = 2024-10-01, National Day; the holiday runs to 7 Oct, so the period ends Tue 8 Oct.
    assert workdays.notice_period(D(2024, 9, 1), 30, workdays.CALENDAR_DAYS).end == D(2024, 10, 8)
    # ending on an ordinary Wednesday stays
    assert workdays.notice_period(D(2024, 3, 4), 30, workdays.CALENDAR_DAYS).end == D(2024, 4, 3)


def test_unknown_years_are_refused():
    with pytest.raises(CadastreError) as error:
        workdays.is_working_day(D(2027, 3, 1))
    assert error.value.problem.id == "WORKDAYS_UNKNOWN_YEAR"
    assert "2027" in str(error.value)
    with pytest.raises(CadastreError):  # a period running into 2027
        workdays.notice_period(D(2026, 12, 20), 15)
    with pytest.raises(CadastreError):
        workdays.notice_period(D(2018, 6, 1), 15)


def test_chinese_date():
    assert workdays.chinese_date(D(2020, 5, 20)) == "2020年5月20日"
