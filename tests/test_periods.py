"""mappa.periods: durations and counting conventions."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from mappa.errors import InvalidTypeError, InvalidValueError
from mappa.periods import Counting, Duration

DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))
DURATIONS = st.tuples(
    st.integers(0, 20), st.integers(0, 40), st.integers(0, 60), st.integers(0, 400)
).map(lambda parts: Duration(*parts) if any(parts) else Duration(days=1))


def test_weeks_after_a_meeting_are_calendar_days() -> None:
    # Guidance para 11.30: level 3 reviewed at least every 6 weeks = 42 days.
    assert Duration(weeks=6).after(dt.date(2025, 1, 6)) == dt.date(2025, 2, 17)
    assert Duration(weeks=12).total_days == 84


def test_beginning_with_includes_the_start() -> None:
    # "3 days beginning with" Monday ends on Wednesday.
    assert Counting.BEGINNING_WITH.apply(Duration(days=3), dt.date(2025, 1, 6)) == (
        dt.date(2025, 1, 8)
    )
    # A year beginning with 1 May 2025 ends on 30 April 2026.
    assert Duration(years=1).last_day_beginning_with(dt.date(2025, 5, 1)) == dt.date(
        2026, 4, 30
    )


def test_leap_day_and_month_ends() -> None:
    assert Duration(years=1).after(dt.date(2024, 2, 29)) == dt.date(2025, 2, 28)
    assert Duration(years=1).last_day_beginning_with(dt.date(2024, 2, 29)) == dt.date(
        2025, 2, 28
    )
    assert Duration(years=4).after(dt.date(2024, 2, 29)) == dt.date(2028, 2, 29)
    assert Duration(months=1).after(dt.date(2025, 1, 31)) == dt.date(2025, 2, 28)
    assert Counting.BEFORE.apply(Duration(weeks=4), dt.date(2025, 3, 28)) == dt.date(
        2025, 2, 28
    )
    assert Counting.WITHIN_LAST.apply(Duration(months=12), dt.date(2025, 3, 1)) == (
        dt.date(2024, 3, 1)
    )


@pytest.mark.parametrize(
    ("duration", "half"),
    [
        (Duration(years=10), Duration(years=5)),
        (Duration(years=7), Duration(years=3, months=6)),
        (Duration(years=5), Duration(years=2, months=6)),
        (Duration(months=30), Duration(years=1, months=3)),
        (Duration(weeks=6), Duration(weeks=3)),
        (Duration(days=10), Duration(days=5)),
    ],
)
def test_halved_is_exact(duration: Duration, half: Duration) -> None:
    assert duration.halved() == half


@pytest.mark.parametrize(
    "odd", [Duration(months=7), Duration(days=3), Duration(weeks=1)]
)
def test_halved_refuses_an_inexact_half(odd: Duration) -> None:
    with pytest.raises(InvalidValueError, match="no exact half"):
        odd.halved()


def test_str() -> None:
    assert str(Duration(years=3, months=6)) == "3 years 6 months"
    assert str(Duration(weeks=1, days=2)) == "1 week 2 days"
    assert str(Counting.BEGINNING_WITH) == "beginning with"


def test_bad_durations() -> None:
    with pytest.raises(InvalidValueError, match="zero"):
        Duration()
    with pytest.raises(InvalidValueError, match="negative"):
        Duration(days=-1)
    with pytest.raises(InvalidTypeError):
        Duration(days=1.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="no fixed number of days"):
        _ = Duration(months=1).total_days


def test_out_of_range_dates_are_mappa_errors() -> None:
    with pytest.raises(InvalidValueError, match="outside the years"):
        Duration(days=1).after(dt.date.max)
    with pytest.raises(InvalidValueError, match="outside the years"):
        Duration(days=1).before(dt.date.min)
    with pytest.raises(InvalidValueError, match="outside the years"):
        Duration(days=2).last_day_beginning_with(dt.date.max)
    with pytest.raises(InvalidValueError, match="outside the years"):
        Duration(days=2).last_day_beginning_with(
            dt.date(9999, 12, 1) + dt.timedelta(30)
        )
    assert Duration(days=1).last_day_beginning_with(dt.date.max) == dt.date.max
    assert Duration(days=1).last_day_beginning_with(dt.date.min) == dt.date.min


def test_datetimes_are_refused() -> None:
    with pytest.raises(InvalidTypeError, match="not a datetime"):
        Duration(days=1).after(dt.datetime(2025, 1, 1, 9))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="duration must be a Duration"):
        Counting.AFTER.apply(3, dt.date(2025, 1, 1))  # type: ignore[arg-type]


@given(DURATIONS, DATES)
def test_after_matches_relativedelta(duration: Duration, day: dt.date) -> None:
    rd = relativedelta(
        years=duration.years,
        months=duration.months,
        weeks=duration.weeks,
        days=duration.days,
    )
    assert duration.after(day) == day + rd
    assert duration.before(day) == day - rd


@given(DURATIONS, DATES)
def test_beginning_with_ends_the_day_before_after(
    duration: Duration, day: dt.date
) -> None:
    """N beginning with D ends the day before the corresponding date of D,
    or, where D has no corresponding date (31 August, 6 months on), on the
    last day of the shorter month: never a day short (DESIGN, counting)."""
    end = Counting.BEGINNING_WITH.apply(duration, day)
    after = Counting.AFTER.apply(duration, day)
    assert end >= day
    if duration.is_calendar_days:
        assert end == after - dt.timedelta(days=1)
    clamped = (
        duration.total_months
        and not (duration.weeks or duration.days)
        and after.day != day.day
    )
    if clamped:
        # the target month is too short: the whole month counts
        assert end == after
        assert (end + dt.timedelta(days=1)).day == 1
    elif not (duration.weeks or duration.days):
        assert end == after - dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("duration", "start", "end"),
    [
        # DESIGN, counting: the two examples, 28 February in both.
        (Duration(months=6), dt.date(2025, 8, 31), dt.date(2026, 2, 28)),
        (Duration(years=5), dt.date(2024, 2, 29), dt.date(2029, 2, 28)),
        # the day before is a month end: the period ends on a month end
        (Duration(months=1), dt.date(2000, 3, 1), dt.date(2000, 3, 31)),
        (Duration(years=1), dt.date(2023, 3, 1), dt.date(2024, 2, 29)),
        (Duration(years=1), dt.date(2025, 3, 1), dt.date(2026, 2, 28)),
        # both sides of a month end
        (Duration(months=6), dt.date(2025, 8, 30), dt.date(2026, 2, 28)),
        (Duration(months=6), dt.date(2025, 8, 29), dt.date(2026, 2, 28)),
        (Duration(months=6), dt.date(2025, 8, 28), dt.date(2026, 2, 27)),
        (Duration(months=6), dt.date(2025, 9, 1), dt.date(2026, 2, 28)),
        # s.83(1): 3 days beginning with the relevant date
        (Duration(days=3), dt.date(2025, 1, 31), dt.date(2025, 2, 2)),
    ],
)
def test_beginning_with_at_month_ends(
    duration: Duration, start: dt.date, end: dt.date
) -> None:
    assert Counting.BEGINNING_WITH.apply(duration, start) == end


@given(DURATIONS, DATES, DATES)
def test_after_is_monotonic(duration: Duration, a: dt.date, b: dt.date) -> None:
    a, b = min(a, b), max(a, b)
    assert duration.after(a) <= duration.after(b)
    assert duration.last_day_beginning_with(a) <= duration.last_day_beginning_with(b)


@given(DURATIONS)
def test_halved_twice_is_whole(duration: Duration) -> None:
    try:
        half = duration.halved()
    except InvalidValueError:
        assert duration.total_months % 2 or (duration.weeks * 7 + duration.days) % 2
        return
    assert half.total_months * 2 == duration.total_months
    assert (half.weeks * 7 + half.days) * 2 == duration.weeks * 7 + duration.days
