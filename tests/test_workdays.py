"""Chinese working days: the holiday table against an independent source, and notice periods by hand."""
import datetime as dt

import pytest

from homestead_cadastre.cadastre import holidays_cn, workdays
from homestead_cadastre.rules.policy.profile import load_profile

D = dt.date


def test_table_matches_chinese_calendar_package():
    """Every day 2019-2026 against the chinesecalendar package (its own transcription of the State Council notices)."""
    cc = pytest.importorskip("chinese_calendar")
    table = workdays.Calendar(package=False)
    day = D(2019, 1, 1)
    differences = []
    while day <= D(2026, 12, 31):
        if table.is_working_day(day) != cc.is_workday(day):
            differences.append(day)
        day += dt.timedelta(days=1)
    assert differences == []


def test_makeup_days_are_weekend_working_days():
    for _notice, periods, makeup in holidays_cn.HOLIDAYS.values():
        for text in makeup:
            assert D.fromisoformat(text).weekday() >= 5, text
            if text >= "2019-01-01":
                assert workdays.Calendar(package=False).is_working_day(D.fromisoformat(text))
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


CALENDARS = {"package": lambda: workdays.Calendar(), "table": lambda: workdays.Calendar(package=False)}


@pytest.mark.parametrize("source", CALENDARS)
def test_2025_spring_festival_and_labour_day_as_the_state_council_published(source):
    """国办发明电〔2024〕12号: 春节 1月28日至2月4日放假调休，共8天，1月26日（周日）、2月8日（周六）上班；
    劳动节 5月1日至5日放假调休，共5天，4月27日（周日）上班."""
    calendar = CALENDARS[source]()
    assert calendar.source(2025) == (workdays.PACKAGE if source == "package" else workdays.TABLE)
    assert not any(calendar.is_working_day(D(2025, 1, 28) + dt.timedelta(days=k)) for k in range(8))
    assert calendar.is_working_day(D(2025, 1, 26)) and calendar.is_working_day(D(2025, 2, 8))
    assert calendar.is_working_day(D(2025, 1, 27)) and calendar.is_working_day(D(2025, 2, 5))
    assert not any(calendar.is_working_day(D(2025, 5, d)) for d in range(1, 6))
    assert calendar.is_working_day(D(2025, 4, 27))


def test_a_notice_of_december_2026_running_into_an_unknown_2027_is_provisional():
    """Posted Mon 14 Dec 2026, 15 working days, 2027 unknown: 15-18, 21-25, 28-31 Dec are 13; counted with weekends
    only, Fri 1 Jan 2027 is the 14th and Mon 4 Jan the 15th — provisional."""
    for calendar in (workdays.Calendar(), workdays.Calendar(package=False)):
        period = workdays.notice_period(D(2026, 12, 14), 15, calendar=calendar)
        assert (period.end, period.provisional) == (D(2027, 1, 4), (2027,))
        assert "暂定" in period.provisional_note() and "2027年" in period.provisional_note()
    assert workdays.notice_period(D(2027, 3, 1), 30, workdays.CALENDAR_DAYS).end == D(2027, 3, 31)  # Wednesday
    assert workdays.notice_period(D(2026, 9, 1), 15).provisional == ()


def test_a_year_added_by_a_profile(tmp_path):
    """元旦 2027 added as data (1-3 Jan rest): the same notice ends on Tue 5 Jan, not provisional."""
    path = tmp_path / "county.toml"
    path.write_text('[profile]\nbase = "louxing_2020"\nname = "county"\n\n[holidays.2027]\nnotice = "测试"\n'
                    "rest = [[2027-01-01, 2027-01-03]]\nwork = []\n", encoding="utf-8")
    calendar = workdays.Calendar(load_profile(str(path)).holidays, package=False)
    assert calendar.source(2027) == workdays.DATA
    period = workdays.notice_period(D(2026, 12, 14), 15, calendar=calendar)
    assert (period.end, period.provisional) == (D(2027, 1, 5), ())


def test_without_the_package_the_table_counts(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "chinese_calendar", None)  # import fails as when it is not installed
    calendar = workdays.Calendar()
    assert calendar.source(2024) == workdays.TABLE and not calendar.is_working_day(D(2024, 6, 10))


def test_chinese_date():
    assert workdays.chinese_date(D(2020, 5, 20)) == "2020年5月20日"
