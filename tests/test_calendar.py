"""Tests for mappa.calendar: Scottish working days.

Expected dates are Scotland's bank holidays as published on
https://www.gov.uk/bank-holidays (Scotland tab) and, for earlier years, the
Royal Proclamations for the one-off holidays; each example names the
holiday it turns on.
"""

from __future__ import annotations

import datetime as dt
import threading

import attrs
import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import raises
from mappa.calendar import WorkingCalendar, holidays_version
from mappa.errors import (
    CalendarRangeError,
    InvalidTypeError,
    InvalidValueError,
    MappaError,
    UnknownNameError,
)

D = dt.date
SCOTLAND = WorkingCalendar.scotland()
ONE_DAY = dt.timedelta(days=1)

# ---------------------------------------------------------------------------
# A plain day-by-day reference implementation, straight from the holidays
# package and the DESIGN wording, sharing no code with mappa.calendar.
# ---------------------------------------------------------------------------

REF_YEARS = range(2010, 2041)
REF_HOLIDAYS = holidays.country_holidays("GB", subdiv="SCT", years=REF_YEARS)


def ref_is_working(
    day: dt.date,
    closed: frozenset[dt.date] | dict[dt.date, str] = REF_HOLIDAYS,  # type: ignore[assignment]
    opened: frozenset[dt.date] = frozenset(),
) -> bool:
    if day in opened:
        return True
    return day.weekday() < 5 and day not in closed


def ref_add(day: dt.date, n: int, **kw: object) -> dt.date:
    step = ONE_DAY if n > 0 else -ONE_DAY
    while n:
        day += step
        if ref_is_working(day, **kw):  # type: ignore[arg-type]
            n -= 1 if n > 0 else -1
    return day


def ref_between(a: dt.date, b: dt.date, **kw: object) -> int:
    if a <= b:
        return sum(
            ref_is_working(a + ONE_DAY * i, **kw)  # type: ignore[arg-type]
            for i in range(1, (b - a).days + 1)
        )
    return -sum(
        ref_is_working(b + ONE_DAY * i, **kw)  # type: ignore[arg-type]
        for i in range((a - b).days)
    )


# Dates far enough inside REF_YEARS that 800 working days either way stay in it.
dates = st.dates(min_value=D(2014, 1, 1), max_value=D(2036, 12, 31))
steps = st.integers(min_value=-800, max_value=800)


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(day=dates, n=steps)
def test_add_matches_reference(day: dt.date, n: int) -> None:
    assert SCOTLAND.add_working_days(day, n) == ref_add(day, n)


@settings(max_examples=300, deadline=None)
@given(a=dates, b=dates)
def test_between_matches_reference(a: dt.date, b: dt.date) -> None:
    b = a + (b - a) / 8  # keep the reference quick: within about three years
    assert SCOTLAND.working_days_between(a, b) == ref_between(a, b)


@given(day=dates, n=steps)
def test_round_trip(day: dt.date, n: int) -> None:
    assert SCOTLAND.working_days_between(day, SCOTLAND.add_working_days(day, n)) == n


@given(day=dates, n=steps.filter(bool))
def test_every_result_is_a_working_day(day: dt.date, n: int) -> None:
    result = SCOTLAND.add_working_days(day, n)
    assert SCOTLAND.is_working_day(result)
    assert SCOTLAND.holiday_name(result) is None
    assert (result > day) == (n > 0)


@given(day=dates, n1=steps, n2=steps)
def test_monotonic_in_n(day: dt.date, n1: int, n2: int) -> None:
    n1, n2 = sorted((n1, n2))
    assert SCOTLAND.add_working_days(day, n1) <= SCOTLAND.add_working_days(day, n2)
    if n1 < n2 and (n1 != 0 and n2 != 0):
        assert SCOTLAND.add_working_days(day, n1) < SCOTLAND.add_working_days(day, n2)


@given(d1=dates, d2=dates, n=steps)
def test_monotonic_in_start(d1: dt.date, d2: dt.date, n: int) -> None:
    d1, d2 = sorted((d1, d2))
    assert SCOTLAND.add_working_days(d1, n) <= SCOTLAND.add_working_days(d2, n)
    assert SCOTLAND.working_days_between(d1, d2) >= 0


@given(day=dates, n=steps)
def test_negative_mirrors_positive(day: dt.date, n: int) -> None:
    forward = SCOTLAND.add_working_days(day, n)
    # From a working day, going n and coming back n lands where we started;
    # from a closed day it lands on the working day the start rolls to.
    back = SCOTLAND.add_working_days(forward, -n)
    if n == 0 or SCOTLAND.is_working_day(day):
        assert back == day
        assert SCOTLAND.working_days_between(forward, day) == -n
    elif n > 0:
        assert back == SCOTLAND.roll_backward(day)
    else:
        assert back == SCOTLAND.roll_forward(day)
    # Going backwards is going forwards seen in a mirror.
    assert SCOTLAND.add_working_days(day, -abs(n)) == ref_add(day, -abs(n))


@given(a=dates, b=dates)
def test_between_is_antisymmetric_between_working_days(a: dt.date, b: dt.date) -> None:
    a, b = SCOTLAND.roll_forward(a), SCOTLAND.roll_forward(b)
    assert SCOTLAND.working_days_between(a, b) == -SCOTLAND.working_days_between(b, a)


@given(day=dates)
def test_neighbours_and_rolls(day: dt.date) -> None:
    nxt = SCOTLAND.next_working_day(day)
    prev = SCOTLAND.previous_working_day(day)
    assert prev < day < nxt
    assert nxt == ref_add(day, 1)
    assert prev == ref_add(day, -1)
    assert all(
        not SCOTLAND.is_working_day(day + ONE_DAY * i)
        for i in range(1, (nxt - day).days)
    )
    if ref_is_working(day):
        assert SCOTLAND.roll_forward(day) == SCOTLAND.roll_backward(day) == day
    else:
        assert SCOTLAND.roll_forward(day) == nxt
        assert SCOTLAND.roll_backward(day) == prev
        assert SCOTLAND.holiday_name(day) is not None


@settings(max_examples=60, deadline=None)
@given(a=dates, span=st.integers(min_value=-10, max_value=120))
def test_working_days_matches_reference(a: dt.date, span: int) -> None:
    b = a + ONE_DAY * span
    expected = [
        a + ONE_DAY * i for i in range(span + 1) if ref_is_working(a + ONE_DAY * i)
    ]
    assert list(SCOTLAND.working_days(a, b)) == expected
    assert len(expected) == max(0, SCOTLAND.working_days_between(a - ONE_DAY, b))


@settings(max_examples=60, deadline=None)
@given(
    closed=st.frozensets(st.dates(D(2024, 1, 1), D(2025, 12, 31)), max_size=60),
    opened=st.frozensets(st.dates(D(2024, 1, 1), D(2025, 12, 31)), max_size=20),
    day=st.dates(D(2024, 3, 1), D(2025, 10, 31)),
    n=st.integers(-40, 40),
)
def test_any_closed_days_match_reference(
    closed: frozenset[dt.date], opened: frozenset[dt.date], day: dt.date, n: int
) -> None:
    closed = closed - opened
    cal = WorkingCalendar.from_closed_days(
        closed, first_year=2024, last_year=2025, extra_working_days=opened
    )
    kw = {"closed": closed, "opened": opened}
    try:
        expected: dt.date | None = ref_add(day, n, **kw)
    except OverflowError:  # pragma: no cover - never with these bounds
        expected = None
    if expected is not None and 2024 <= expected.year <= 2025:
        assert cal.add_working_days(day, n) == expected
        assert cal.working_days_between(day, expected) == n
    else:
        with pytest.raises(CalendarRangeError):
            cal.add_working_days(day, n)
    assert cal.is_working_day(day) == ref_is_working(day, **kw)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# Semantics, as DESIGN states them
# ---------------------------------------------------------------------------


def test_start_day_never_counts() -> None:
    # Friday 6 June 2025 is a working day; the 1st working day after it is Monday.
    assert SCOTLAND.add_working_days(D(2025, 6, 6), 1) == D(2025, 6, 9)
    # From a Saturday or a Sunday, the 1st working day after is also Monday.
    assert SCOTLAND.add_working_days(D(2025, 6, 7), 1) == D(2025, 6, 9)
    assert SCOTLAND.add_working_days(D(2025, 6, 8), 1) == D(2025, 6, 9)
    # Backwards: the 1st working day before a Monday or a Sunday is the Friday.
    assert SCOTLAND.add_working_days(D(2025, 6, 9), -1) == D(2025, 6, 6)
    assert SCOTLAND.add_working_days(D(2025, 6, 8), -1) == D(2025, 6, 6)


def test_zero_returns_the_day_even_when_closed() -> None:
    assert SCOTLAND.add_working_days(D(2025, 6, 7), 0) == D(2025, 6, 7)  # Saturday
    assert SCOTLAND.add_working_days(D(2025, 12, 25), 0) == D(
        2025, 12, 25
    )  # Christmas Day


def test_between_counts_after_start_up_to_and_including_end() -> None:
    assert SCOTLAND.working_days_between(D(2025, 6, 2), D(2025, 6, 2)) == 0
    assert SCOTLAND.working_days_between(D(2025, 6, 2), D(2025, 6, 3)) == 1
    assert (
        SCOTLAND.working_days_between(D(2025, 6, 6), D(2025, 6, 8)) == 0
    )  # Fri -> Sun
    assert (
        SCOTLAND.working_days_between(D(2025, 6, 7), D(2025, 6, 9)) == 1
    )  # Sat -> Mon
    # a > b: the working days before a down to and including b, negated.
    assert SCOTLAND.working_days_between(D(2025, 6, 9), D(2025, 6, 6)) == -1
    assert (
        SCOTLAND.working_days_between(D(2025, 6, 8), D(2025, 6, 6)) == -1
    )  # Sun -> Fri
    assert SCOTLAND.working_days_between(D(2025, 6, 8), D(2025, 6, 7)) == 0


def test_working_days_is_empty_when_end_before_start() -> None:
    assert list(SCOTLAND.working_days(D(2025, 6, 9), D(2025, 6, 2))) == []
    assert list(SCOTLAND.working_days(D(2025, 6, 7), D(2025, 6, 8))) == []


# ---------------------------------------------------------------------------
# Real Scottish dates (gov.uk/bank-holidays, Scotland)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "name"),
    [
        # 2021/22: Christmas Day and Boxing Day on a weekend -> 27 and 28 Dec.
        (D(2021, 12, 27), "Christmas Day (observed)"),
        (D(2021, 12, 28), "Boxing Day (observed)"),
        # New Year 2022: 1 and 2 January on a weekend -> 3 and 4 January.
        (D(2022, 1, 3), "New Year's Day (observed)"),
        (D(2022, 1, 4), "New Year Holiday (observed)"),
        # 2022/23: Christmas Day on a Sunday -> Tuesday 27 December.
        (D(2022, 12, 26), "Boxing Day"),
        (D(2022, 12, 27), "Christmas Day (observed)"),
        # New Year 2023: 1 January a Sunday -> 2 January; 2 January -> 3 January.
        (D(2023, 1, 3), "New Year Holiday (observed)"),
        # St Andrew's Day 2024 (a Saturday) -> Monday 2 December 2024.
        (D(2024, 12, 2), "Saint Andrew's Day (observed)"),
        # St Andrew's Day 2025 (a Sunday) -> Monday 1 December 2025.
        (D(2025, 12, 1), "Saint Andrew's Day (observed)"),
        # One-off UK bank holidays.
        (D(2022, 6, 3), "Platinum Jubilee of Elizabeth II"),
        (D(2022, 9, 19), "State Funeral of Queen Elizabeth II"),
        (D(2023, 5, 8), "Coronation of Charles III"),
        # Proclaimed in February 2026 (Banking and Financial Dealings Act
        # 1971 s.1(3)): Scotland only. In holidays 0.91 and later.
        (D(2026, 6, 15), "Scotland's participation in the FIFA World Cup final"),
        # 2 January, a Scottish bank holiday.
        (D(2025, 1, 2), "New Year Holiday"),
        # Summer bank holiday: first Monday of August in Scotland.
        (D(2025, 8, 4), "Summer Bank Holiday"),
    ],
)
def test_scottish_bank_holidays_are_closed(day: dt.date, name: str) -> None:
    assert not SCOTLAND.is_working_day(day)
    assert SCOTLAND.holiday_name(day) == name


def test_new_year_2023_observed_day_carries_both_names() -> None:
    # 2 January 2023: the New Year Holiday itself and New Year's Day (observed).
    name = SCOTLAND.holiday_name(D(2023, 1, 2))
    assert name is not None
    assert "New Year Holiday" in name
    assert "New Year's Day (observed)" in name


@pytest.mark.parametrize(
    "day",
    [
        D(2022, 4, 18),  # Easter Monday 2022: not a Scottish bank holiday
        D(2023, 4, 10),  # Easter Monday 2023
        D(2024, 4, 1),  # Easter Monday 2024
        D(2025, 4, 21),  # Easter Monday 2025
        D(2025, 8, 25),  # late August bank holiday in England, not in Scotland
        D(2024, 11, 29),  # the Friday before St Andrew's Day 2024
    ],
)
def test_english_only_holidays_are_open_in_scotland(day: dt.date) -> None:
    assert SCOTLAND.is_working_day(day)
    assert SCOTLAND.holiday_name(day) is None


def test_across_christmas_2022() -> None:
    # Friday 23 December 2022; closed: 24-25 (weekend), 26 Boxing Day,
    # 27 Christmas Day (observed), 31 Dec-1 Jan (weekend), 2 January (New
    # Year Holiday; New Year's Day (observed)), 3 January (New Year Holiday
    # (observed)). Working: 28, 29, 30 December, then 4 January 2023.
    days = list(SCOTLAND.working_days(D(2022, 12, 23), D(2023, 1, 5)))
    assert days == [
        D(2022, 12, 23),
        D(2022, 12, 28),
        D(2022, 12, 29),
        D(2022, 12, 30),
        D(2023, 1, 4),
        D(2023, 1, 5),
    ]
    assert SCOTLAND.add_working_days(D(2022, 12, 23), 4) == D(2023, 1, 4)
    assert SCOTLAND.working_days_between(D(2022, 12, 23), D(2023, 1, 4)) == 4
    assert SCOTLAND.next_working_day(D(2022, 12, 23)) == D(2022, 12, 28)
    assert SCOTLAND.previous_working_day(D(2023, 1, 4)) == D(2022, 12, 30)


def test_across_christmas_2021() -> None:
    # Friday 24 December 2021; 27 and 28 December are the substitutes for
    # Christmas Day and Boxing Day, 3 and 4 January 2022 for 1 and 2 January.
    assert SCOTLAND.next_working_day(D(2021, 12, 24)) == D(2021, 12, 29)
    assert SCOTLAND.next_working_day(D(2021, 12, 31)) == D(2022, 1, 5)


def test_one_off_holidays_push_deadlines() -> None:
    # State Funeral of Queen Elizabeth II, Monday 19 September 2022.
    assert SCOTLAND.add_working_days(D(2022, 9, 16), 1) == D(2022, 9, 20)
    # Coronation of Charles III, Monday 8 May 2023.
    assert SCOTLAND.add_working_days(D(2023, 5, 5), 1) == D(2023, 5, 9)
    # Platinum Jubilee of Elizabeth II, Friday 3 June 2022, after the moved
    # Spring Bank Holiday on Thursday 2 June.
    assert SCOTLAND.add_working_days(D(2022, 6, 1), 1) == D(2022, 6, 6)


def test_the_world_cup_holiday_of_2026_is_scottish_only() -> None:
    # Monday 15 June 2026, proclaimed for Scotland alone (February 2026).
    assert SCOTLAND.add_working_days(D(2026, 6, 12), 1) == D(2026, 6, 16)
    assert SCOTLAND.working_days_between(D(2026, 6, 12), D(2026, 6, 16)) == 1
    assert SCOTLAND.is_working_day(D(2026, 6, 16))
    assert D(2026, 6, 15) not in holidays.country_holidays(
        "GB", subdiv="ENG", years=2026
    )


def test_holidays_version_is_the_installed_release() -> None:
    assert holidays_version() == holidays.__version__


def test_weekend_names_are_english_and_fixed() -> None:
    assert SCOTLAND.holiday_name(D(2025, 6, 7)) == "Saturday"
    assert SCOTLAND.holiday_name(D(2025, 6, 8)) == "Sunday"
    # A bank holiday on a weekend is named as the holiday.
    assert SCOTLAND.holiday_name(D(2022, 12, 25)) == "Christmas Day"


# ---------------------------------------------------------------------------
# Local holidays, extra working days and other calendars
# ---------------------------------------------------------------------------


def test_council_local_holidays() -> None:
    glasgow = WorkingCalendar.scotland(
        extra_closed_days={
            D(2025, 7, 21): "Glasgow Fair Monday",
            D(2025, 9, 29): "September weekend",
        }
    )
    assert glasgow.holiday_name(D(2025, 7, 21)) == "Glasgow Fair Monday"
    assert glasgow.add_working_days(D(2025, 7, 18), 1) == D(2025, 7, 22)
    assert SCOTLAND.add_working_days(D(2025, 7, 18), 1) == D(2025, 7, 21)
    plain = WorkingCalendar.scotland(extra_closed_days=[D(2025, 7, 21)])
    assert plain.holiday_name(D(2025, 7, 21)) == "Local holiday"


def test_extra_closed_day_on_a_bank_holiday_keeps_the_bank_holiday_name() -> None:
    cal = WorkingCalendar.scotland(extra_closed_days={D(2025, 12, 25): "Office closed"})
    assert cal.holiday_name(D(2025, 12, 25)) == "Christmas Day"
    assert cal.holiday_name(D(2025, 6, 7)) == "Saturday"


def test_extra_working_days_override() -> None:
    # An office opening on St Andrew's Day (observed) 2025 and on a Saturday.
    cal = WorkingCalendar.scotland(extra_working_days=[D(2025, 12, 1), D(2025, 6, 7)])
    assert cal.is_working_day(D(2025, 12, 1))
    assert cal.holiday_name(D(2025, 12, 1)) is None
    assert cal.add_working_days(D(2025, 6, 6), 1) == D(2025, 6, 7)


def test_day_both_closed_and_open_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="both"):
        WorkingCalendar.scotland(
            extra_closed_days=[D(2025, 7, 21)], extra_working_days=[D(2025, 7, 21)]
        )


def test_england_calendar_differs() -> None:
    england = WorkingCalendar.from_closed_days(
        holidays.country_holidays("GB", subdiv="ENG", years=range(2024, 2027)),
        first_year=2024,
        last_year=2026,
    )
    assert england.holiday_name(D(2025, 4, 21)) == "Easter Monday"
    assert england.is_working_day(D(2025, 1, 2))  # 2 January: open in England
    assert england.is_working_day(D(2025, 12, 1))  # St Andrew's Day (observed)
    assert not england.is_working_day(D(2025, 8, 25))  # Late Summer Bank Holiday
    assert england.add_working_days(D(2025, 4, 17), 1) == D(2025, 4, 22)
    assert SCOTLAND.add_working_days(D(2025, 4, 17), 1) == D(2025, 4, 21)


def test_from_closed_days_names() -> None:
    cal = WorkingCalendar.from_closed_days(
        {D(2025, 3, 17): "Saint Patrick's Day"}, first_year=2025, last_year=2025
    )
    assert cal.holiday_name(D(2025, 3, 17)) == "Saint Patrick's Day"
    plain = WorkingCalendar.from_closed_days(
        [D(2025, 3, 17)], first_year=2025, last_year=2025
    )
    assert plain.holiday_name(D(2025, 3, 17)) == "Closed"
    assert plain.first_year == plain.last_year == 2025


def test_scotland_default_is_shared_and_covers_the_package_years() -> None:
    assert WorkingCalendar.scotland() is SCOTLAND
    assert (
        WorkingCalendar.scotland(extra_closed_days=(), extra_working_days=[])
        is SCOTLAND
    )
    probe = holidays.country_holidays("GB", subdiv="SCT")
    assert SCOTLAND.first_year == getattr(probe, "start_year", 1872)
    assert SCOTLAND.last_year == getattr(probe, "end_year", 2100)


def test_calendar_is_immutable_hashable_and_equal_by_value() -> None:
    a = WorkingCalendar.scotland(extra_closed_days=[D(2025, 7, 21)])
    b = WorkingCalendar.scotland(extra_closed_days={D(2025, 7, 21): "Local holiday"})
    assert a == b
    assert hash(a) == hash(b)
    assert a != SCOTLAND
    assert len({a, b, SCOTLAND}) == 2
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.first_year = 2000  # type: ignore[misc]


# ---------------------------------------------------------------------------
# Years covered: extend or refuse, never guess
# ---------------------------------------------------------------------------


def test_far_years_extend_the_span() -> None:
    cal = WorkingCalendar.scotland(extra_closed_days=[D(2025, 7, 21)])
    # 1975: New Year's Day and 2 January (Wed, Thu); 3 Jan is a Friday.
    assert cal.add_working_days(D(1974, 12, 31), 1) == D(1975, 1, 3)
    # 2099: Christmas Day is a Friday, Boxing Day (Saturday) -> Monday 28 December.
    assert cal.holiday_name(D(2099, 12, 28)) == "Boxing Day (observed)"
    assert cal.working_days_between(D(1975, 1, 1), D(1975, 1, 10)) == 6


def test_span_extends_when_a_result_leaves_it() -> None:
    cal = WorkingCalendar.scotland(extra_working_days=[D(2025, 6, 7)])
    assert cal.add_working_days(D(2050, 12, 1), 30) == SCOTLAND.add_working_days(
        D(2050, 12, 1), 30
    )
    cal2 = WorkingCalendar.scotland(extra_working_days=[D(2025, 6, 7)])
    # One more than Scotland's: the extra working Saturday.
    assert cal2.working_days_between(D(2025, 1, 1), D(2060, 1, 1)) == 1 + (
        SCOTLAND.working_days_between(D(2025, 1, 1), D(2060, 1, 1))
    )
    cal3 = WorkingCalendar.scotland(extra_working_days=[D(2025, 6, 7)])
    # 1 January 2051 is a Sunday: New Year's Day (observed) Monday 2,
    # New Year Holiday (observed) Tuesday 3 January.
    assert list(cal3.working_days(D(2050, 12, 30), D(2051, 1, 4))) == [
        D(2050, 12, 30),
        D(2051, 1, 4),
    ]


def test_concurrent_first_use_builds_one_consistent_index() -> None:
    cal = WorkingCalendar.scotland(extra_closed_days=[D(2025, 7, 21)])
    results: list[dt.date] = []

    def work() -> None:
        results.append(cal.add_working_days(D(1990, 1, 1), 5))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(results) == {SCOTLAND.add_working_days(D(1990, 1, 1), 5)}


@pytest.mark.parametrize(
    "day", [dt.date.min, dt.date.max, D(1871, 12, 31), D(2101, 1, 1)]
)
def test_dates_outside_the_package_years_are_refused(day: dt.date) -> None:
    for call in (
        lambda: SCOTLAND.is_working_day(day),
        lambda: SCOTLAND.add_working_days(day, 1),
        lambda: SCOTLAND.add_working_days(day, 0),
        lambda: SCOTLAND.working_days_between(day, D(2025, 1, 1)),
        lambda: SCOTLAND.working_days_between(D(2025, 1, 1), day),
        lambda: SCOTLAND.holiday_name(day),
        lambda: SCOTLAND.working_days(D(2025, 1, 1), day),
        lambda: SCOTLAND.roll_forward(day),
        lambda: SCOTLAND.next_working_day(day),
    ):
        with pytest.raises(CalendarRangeError, match="outside the years"):
            call()


@pytest.mark.parametrize("n", [10**6, -(10**6), 10**100, -(10**100)])
def test_huge_n_is_refused_not_overflowed(n: int) -> None:
    with pytest.raises(CalendarRangeError, match="beyond the years"):
        SCOTLAND.add_working_days(D(2025, 1, 1), n)


def test_last_and_first_days_of_the_span() -> None:
    # 1 and 2 January 1872 were New Year holidays: 3 January is the first working day.
    assert SCOTLAND.previous_working_day(D(1872, 1, 4)) == D(1872, 1, 3)
    with pytest.raises(CalendarRangeError):
        SCOTLAND.previous_working_day(D(1872, 1, 3))
    with pytest.raises(CalendarRangeError):
        SCOTLAND.next_working_day(D(2100, 12, 31))
    with pytest.raises(CalendarRangeError):
        SCOTLAND.previous_working_day(D(1872, 1, 1))


def test_custom_calendar_refuses_other_years() -> None:
    cal = WorkingCalendar.from_closed_days([], first_year=2025, last_year=2025)
    with pytest.raises(CalendarRangeError, match="a date in 2026"):
        cal.is_working_day(D(2026, 1, 1))
    with pytest.raises(CalendarRangeError):
        cal.add_working_days(D(2025, 12, 31), 1)
    with pytest.raises(CalendarRangeError, match="closed_days\\[0\\]"):
        WorkingCalendar.from_closed_days(
            [D(2026, 1, 1)], first_year=2025, last_year=2025
        )
    with pytest.raises(CalendarRangeError, match="extra_working_days\\[0\\]"):
        WorkingCalendar.from_closed_days(
            [], first_year=2025, last_year=2025, extra_working_days=[D(2024, 1, 1)]
        )


def test_custom_calendar_far_from_the_default_span() -> None:
    cal = WorkingCalendar.from_closed_days(
        [D(1950, 1, 2)], first_year=1950, last_year=1951
    )
    assert cal.add_working_days(D(1949 + 1, 1, 1), 1) == D(1950, 1, 3)


# ---------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad", [dt.datetime(2025, 6, 2, 9, 0), "2025-06-02", 20250602, None, 1.5]
)
def test_non_dates_are_type_errors(bad: object) -> None:
    for call in (
        lambda: SCOTLAND.is_working_day(bad),  # type: ignore[arg-type]
        lambda: SCOTLAND.add_working_days(bad, 1),  # type: ignore[arg-type]
        lambda: SCOTLAND.working_days_between(bad, D(2025, 6, 2)),  # type: ignore[arg-type]
        lambda: SCOTLAND.working_days_between(D(2025, 6, 2), bad),  # type: ignore[arg-type]
        lambda: SCOTLAND.working_days(D(2025, 6, 2), bad),  # type: ignore[arg-type]
        lambda: SCOTLAND.holiday_name(bad),  # type: ignore[arg-type]
        lambda: SCOTLAND.roll_backward(bad),  # type: ignore[arg-type]
    ):
        with pytest.raises(TypeError):
            call()


@pytest.mark.parametrize("bad", [1.0, "1", True, None, D(2025, 1, 1)])
def test_non_integer_n_is_a_type_error(bad: object) -> None:
    with pytest.raises(InvalidTypeError, match="n must be an int"):
        SCOTLAND.add_working_days(D(2025, 6, 2), bad)  # type: ignore[arg-type]


def test_bad_closed_day_names_its_index() -> None:
    with pytest.raises(InvalidTypeError, match=r"extra_closed_days\[2\]") as info:
        WorkingCalendar.scotland(
            extra_closed_days=[D(2025, 7, 21), D(2025, 7, 22), "2025-07-23"]  # type: ignore[list-item]
        )
    assert info.value.value == 2
    with pytest.raises(InvalidTypeError, match=r"extra_working_days\[1\]"):
        WorkingCalendar.scotland(
            extra_working_days=[D(2025, 7, 21), dt.datetime(2025, 7, 22)]
        )
    with pytest.raises(InvalidTypeError, match=r"closed_days\[0\]"):
        WorkingCalendar.from_closed_days([20250101], first_year=2025, last_year=2025)  # type: ignore[list-item]
    with pytest.raises(InvalidTypeError, match=r"extra_closed_days\[1\]"):
        WorkingCalendar.scotland(
            extra_closed_days={D(2025, 7, 21): "Fair", D(2025, 7, 22): 3}
        )  # type: ignore[dict-item]
    with pytest.raises(InvalidValueError, match=r"extra_closed_days\[0\]"):
        WorkingCalendar.scotland(extra_closed_days={D(2025, 7, 21): "  "})
    with pytest.raises(InvalidTypeError):
        WorkingCalendar.scotland(extra_closed_days="2025-07-21")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        WorkingCalendar.scotland(extra_closed_days=None)  # type: ignore[arg-type]


def test_direct_construction_is_validated() -> None:
    with pytest.raises(InvalidValueError, match="after"):
        WorkingCalendar(first_year=2026, last_year=2025)
    with pytest.raises(CalendarRangeError):
        WorkingCalendar(first_year=1, last_year=2025)
    with pytest.raises(InvalidTypeError):
        WorkingCalendar(first_year="2025", last_year=2025)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        WorkingCalendar(first_year=2025, last_year=2025, holidays_source=("GB",))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        WorkingCalendar(
            first_year=2025, last_year=2025, extra_closed_days=[D(2025, 1, 1)]
        )  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"extra_closed_days\[0\]"):
        WorkingCalendar(
            first_year=2025, last_year=2025, extra_closed_days=((D(2025, 1, 1), 1),)
        )  # type: ignore[arg-type]
    with pytest.raises(UnknownNameError):
        WorkingCalendar(first_year=2025, last_year=2025, holidays_source=("XX", None))
    with pytest.raises(CalendarRangeError, match="holidays package covers"):
        WorkingCalendar(first_year=1800, last_year=2025, holidays_source=("GB", "SCT"))
    england = WorkingCalendar(
        first_year=2025, last_year=2025, holidays_source=("GB", "ENG")
    )
    assert england.holiday_name(D(2025, 4, 21)) == "Easter Monday"


def test_errors_are_mappa_errors() -> None:
    with pytest.raises(MappaError):
        SCOTLAND.add_working_days(D(2025, 6, 2), "5")  # type: ignore[arg-type]


def test_names_do_not_depend_on_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    # holidays falls back to the environment's language when given none:
    # the calendar always asks for British English (else American English).
    monkeypatch.setenv("LANGUAGE", "th")
    scotland = WorkingCalendar(
        first_year=2024, last_year=2025, holidays_source=("GB", "SCT")
    )
    assert scotland.holiday_name(D(2025, 12, 25)) == "Christmas Day"
    france = WorkingCalendar(
        first_year=2024, last_year=2025, holidays_source=("FR", None)
    )
    assert france.holiday_name(D(2025, 7, 14)) == "National Day"


def test_local_days_outside_the_first_span_count_once_it_widens() -> None:
    # Closed and open days in 1990 lie outside the span built first
    # (2000-2050): they must apply once a 1990 date widens it.
    cal = WorkingCalendar.scotland(
        extra_closed_days={D(1990, 7, 16): "Fair Monday"},
        extra_working_days=[D(1990, 7, 14)],
    )
    assert cal.add_working_days(D(2025, 7, 18), 1) == D(2025, 7, 21)
    assert cal.holiday_name(D(1990, 7, 16)) == "Fair Monday"
    assert cal.is_working_day(D(1990, 7, 14))  # a Saturday, opened
    assert cal.add_working_days(D(1990, 7, 13), 2) == D(1990, 7, 17)
    fresh = WorkingCalendar.scotland(extra_working_days=[D(1990, 7, 14)])
    assert fresh.working_days_between(D(2025, 1, 1), D(1990, 7, 13)) == (
        SCOTLAND.working_days_between(D(2025, 1, 1), D(1990, 7, 13)) - 1
    )


def test_first_call_on_a_fresh_calendar_builds_its_index() -> None:
    fresh = WorkingCalendar.scotland(extra_working_days=[D(2025, 6, 7)])
    assert fresh.working_days_between(D(2025, 6, 9), D(2025, 6, 6)) == -2


# ---------------------------------------------------------------------------
# Boundaries of the index, the years and the arguments, and errors
# (mutation testing, docs/testing.md)
# ---------------------------------------------------------------------------


def _plain(first: int, last: int, **kwargs: object) -> WorkingCalendar:
    """A fresh Monday-to-Friday calendar: its first call builds the index."""
    return WorkingCalendar.from_closed_days(
        [], first_year=first, last_year=last, **kwargs
    )  # type: ignore[arg-type]


@pytest.mark.parametrize("year", [2006, 2012, 2017, 2023, 2022, 2025])
def test_weekends_of_a_calendar_whose_first_year_begins_on_any_day(year: int) -> None:
    # 1 January 2006, 2012, 2017 and 2023 is a Sunday; 2022 a Saturday;
    # 2025 a Wednesday. The first three weeks are Monday to Friday.
    cal = _plain(year, year)
    for offset in range(21):
        day = D(year, 1, 1) + dt.timedelta(days=offset)
        assert cal.is_working_day(day) == (day.weekday() < 5), day


def test_the_first_and_last_days_of_a_calendar() -> None:
    # A closed day and an opened day on the first day of the calendar
    # (offset 0 of the index), and the last days of its last year.
    closed_first = WorkingCalendar.from_closed_days(
        [D(2025, 1, 1)], first_year=2025, last_year=2025
    )
    assert not closed_first.is_working_day(D(2025, 1, 1))
    assert closed_first.holiday_name(D(2025, 1, 1)) == "Closed"
    opened_first = _plain(2023, 2023, extra_working_days=[D(2023, 1, 1)])  # a Sunday
    assert opened_first.is_working_day(D(2023, 1, 1))
    assert _plain(2025, 2025).is_working_day(D(2025, 12, 31))  # a Wednesday
    assert _plain(2025, 2025).add_working_days(D(2025, 12, 29), 2) == D(2025, 12, 31)
    assert _plain(2025, 2025).add_working_days(D(2025, 1, 2), -1) == D(2025, 1, 1)
    assert list(_plain(2025, 2025).working_days(D(2025, 12, 31), D(2025, 12, 31))) == [
        D(2025, 12, 31)
    ]


@pytest.mark.parametrize("day", [D(2026, 1, 1), D(2026, 1, 5)])
def test_a_date_after_the_last_year_is_refused_by_every_query(day: dt.date) -> None:
    for call in (
        lambda cal: cal.working_days_between(D(2025, 12, 31), day),
        lambda cal: cal.working_days_between(day, D(2025, 12, 31)),
        lambda cal: cal.add_working_days(day, 1),
        lambda cal: cal.is_working_day(day),
    ):
        cal = _plain(2025, 2025)
        cal.is_working_day(D(2025, 6, 2))  # the index is built
        with raises(
            CalendarRangeError,
            param="WorkingCalendar",
            words=[
                "a date in 2026",
                "outside the years this calendar covers",
                "(2025 to 2025)",
            ],
            value=day,
        ):
            call(cal)


def test_counting_past_the_last_year_names_the_count() -> None:
    with raises(
        CalendarRangeError,
        param="WorkingCalendar",
        words=[
            "1 working days from a date in 2025",
            "goes beyond the years",
            "(2025 to 2025)",
        ],
        value=1,
    ):
        _plain(2025, 2025).add_working_days(D(2025, 12, 31), 1)


def test_years_at_the_edges_of_the_index_span() -> None:
    # Calendars reaching past the span built first (2000-2050) on one side.
    late = _plain(2000, 2060)
    assert late.is_working_day(D(2060, 1, 5))  # a Monday
    assert late.is_working_day(D(2000, 1, 3))
    # 1 to 7 January 1990, Monday to Sunday, each a fresh calendar's first call.
    first_week = [_plain(1990, 2050).is_working_day(D(1990, 1, d)) for d in range(1, 8)]
    assert first_week == [True] * 5 + [False] * 2
    early = _plain(1990, 2050)
    assert early.is_working_day(D(1990, 1, 2))  # a Tuesday
    assert early.is_working_day(D(2050, 12, 30))  # a Friday
    assert not _plain(2050, 2060).is_working_day(D(2050, 1, 1))  # a Saturday


def test_years_from_2_to_9998() -> None:
    assert _plain(2, 2).first_year == 2
    assert _plain(9998, 9998).is_working_day(D(9998, 12, 31)) == (
        D(9998, 12, 31).weekday() < 5
    )
    for field, year in (("first_year", 1), ("last_year", 9999)):
        years = {"first_year": 2, "last_year": 9998, field: year}
        with raises(
            CalendarRangeError,
            param=f"WorkingCalendar.{field}",
            words=[f"WorkingCalendar.{field} must be from 2 to 9998", f"got {year}"],
            value=year,
        ):
            WorkingCalendar(**years)  # type: ignore[arg-type]
    with raises(InvalidTypeError, param="WorkingCalendar.first_year"):
        WorkingCalendar(first_year="2025", last_year=2025)  # type: ignore[arg-type]


def test_first_year_after_last_year_is_refused() -> None:
    assert _plain(2025, 2025).last_year == 2025
    with raises(
        InvalidValueError,
        param="WorkingCalendar.first_year",
        words=["WorkingCalendar.first_year (2026) is after", "last_year (2025)"],
        value=2026,
    ):
        WorkingCalendar(first_year=2026, last_year=2025)


def test_calendar_construction_errors_name_the_field() -> None:
    name = "WorkingCalendar.extra_closed_days"
    with raises(
        InvalidTypeError,
        param=name,
        words=[f"{name} must be a tuple of (date, name) pairs", "not list"],
    ):
        WorkingCalendar(first_year=2025, last_year=2025, extra_closed_days=[])  # type: ignore[arg-type]
    bad_items = [
        (dt.datetime(2025, 1, 1), "x"),
        (D(2025, 1, 1), "x", "y"),
        [D(2025, 1, 1), "x"],
        ("2025-01-01", "x"),
    ]
    for item in bad_items:
        with raises(
            InvalidTypeError,
            param=name,
            words=[
                f"{name}[1] must be a (date, str) pair",
                f"not {type(item).__name__}",
            ],
            value=1,
        ):
            WorkingCalendar(
                first_year=2025,
                last_year=2025,
                extra_closed_days=((D(2025, 1, 2), "x"), item),  # type: ignore[arg-type]
            )
    source = "WorkingCalendar.holidays_source"
    for bad in (("GB",), (1, "SCT"), ("GB", 1), "GB"):
        with raises(
            InvalidTypeError,
            param=source,
            words=[
                f"{source} must be None or a (country,",
                "subdivision) pair of str",
                f"not {type(bad).__name__}",
            ],
        ):
            WorkingCalendar(first_year=2025, last_year=2025, holidays_source=bad)  # type: ignore[arg-type]
    with raises(
        CalendarRangeError,
        param=source,
        words=["the holidays package covers", "for this calendar", "not 1800 to 2025"],
        value=(1800, 2025),
    ):
        WorkingCalendar(first_year=1800, last_year=2025, holidays_source=("GB", "SCT"))


def test_closed_day_names_and_years_are_checked() -> None:
    with raises(
        InvalidTypeError,
        param="extra_closed_days",
        words=["extra_closed_days[1]: a closed day's name must be a str", "not int"],
        value=1,
    ):
        WorkingCalendar.scotland(
            extra_closed_days={D(2025, 1, 6): "Fair", D(2025, 1, 7): 1}
        )  # type: ignore[dict-item]
    with raises(
        InvalidValueError,
        param="closed_days",
        words=["closed_days[0]: a closed day's name must not be empty"],
        value=0,
    ):
        WorkingCalendar.from_closed_days(
            {D(2025, 1, 6): " "}, first_year=2025, last_year=2025
        )
    with raises(InvalidTypeError, param="closed_days"):
        WorkingCalendar.from_closed_days(
            {"2025-01-06": "x"}, first_year=2025, last_year=2025
        )  # type: ignore[dict-item]
    with raises(
        CalendarRangeError,
        param="extra_working_days",
        words=[
            "extra_working_days[1] is in 2026",
            "outside the calendar's years",
            "2025 to 2025",
        ],
        value=1,
    ):
        _plain(2025, 2025, extra_working_days=[D(2025, 1, 4), D(2026, 1, 3)])
    assert _plain(
        2024, 2025, extra_working_days=[D(2024, 1, 6), D(2025, 12, 27)]
    ).is_working_day(D(2025, 12, 27))


def test_a_day_both_closed_and_opened_is_named() -> None:
    with raises(
        InvalidValueError,
        param="extra_working_days",
        words=[
            "2 day(s) given both as extra closed and extra working",
            "days, first 2025-06-07",
        ],
        value=D(2025, 6, 7),
    ):
        WorkingCalendar.scotland(
            extra_closed_days=[D(2025, 6, 8), D(2025, 6, 7)],
            extra_working_days=[D(2025, 6, 8), D(2025, 6, 7)],
        )


def test_the_checked_path_of_a_fresh_calendar() -> None:
    # The first call on a calendar builds its index and takes the checked
    # path; each answer here comes from a calendar's first call.
    saturday = D(2025, 6, 7)
    assert _plain(2025, 2025).add_working_days(saturday, 0) == saturday
    assert _plain(2025, 2025).add_working_days(saturday, 1) == D(2025, 6, 9)
    assert _plain(2025, 2025).add_working_days(saturday, -1) == D(2025, 6, 6)
    # Thursday 5 June to Monday 9 June: Friday and Monday.
    assert _plain(2025, 2025).working_days_between(D(2025, 6, 5), D(2025, 6, 9)) == 2
    assert _plain(2025, 2025).working_days_between(D(2025, 6, 9), D(2025, 6, 5)) == -2
    assert _plain(2025, 2025).working_days_between(D(2025, 6, 5), D(2025, 6, 5)) == 0


class _Date(dt.date):
    """A date subclass (not a datetime): accepted like a date."""


class _Int(int):
    """An int subclass (not a bool): accepted like an int."""


def test_date_and_int_subclasses_are_accepted() -> None:
    monday = _Date(2025, 6, 2)
    assert SCOTLAND.is_working_day(monday)
    assert SCOTLAND.add_working_days(monday, 1) == D(2025, 6, 3)
    assert SCOTLAND.add_working_days(D(2025, 6, 2), _Int(1)) == D(2025, 6, 3)
    assert SCOTLAND.working_days_between(monday, _Date(2025, 6, 3)) == 1


@pytest.mark.parametrize(
    ("call", "param"),
    [
        (lambda cal: cal.is_working_day("x"), "day"),
        (lambda cal: cal.holiday_name("x"), "day"),
        (lambda cal: cal.add_working_days("x", 1), "day"),
        (lambda cal: cal.add_working_days(D(2025, 6, 2), "1"), "n"),
        (lambda cal: cal.working_days_between("x", D(2025, 6, 2)), "start"),
        (lambda cal: cal.working_days_between(D(2025, 6, 2), "x"), "end"),
        (lambda cal: cal.working_days("x", D(2025, 6, 2)), "start"),
        (lambda cal: cal.working_days(D(2025, 6, 2), "x"), "end"),
    ],
)
def test_bad_arguments_name_the_parameter(call: object, param: str) -> None:
    with raises(InvalidTypeError, param=param, words=[param]):
        call(SCOTLAND)  # type: ignore[operator]
