"""mappa.years: reporting years and quarters, 1 April to 31 March."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mappa.errors import InvalidTypeError, InvalidValueError
from mappa.rulebook import DEFAULT_RULEBOOK
from mappa.years import (
    Quarter,
    ReportingPeriod,
    ReportingYear,
    parse_period,
    quarter_of,
    reporting_year,
)

DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))


def test_year_boundaries() -> None:
    # 2005 Act s.11(2): each period of 12 months beginning with 1 April.
    assert reporting_year(dt.date(2026, 3, 31)).label == "2025/26"
    assert reporting_year(dt.date(2026, 4, 1)).label == "2026/27"
    year = ReportingYear(2099)
    assert year.label == "2099/00"
    assert (year.start, year.end) == (dt.date(2099, 4, 1), dt.date(2100, 3, 31))
    assert year.previous.label == "2098/99"
    assert year.next.label == "2100/01"
    assert str(year) == "2099/00"


def test_quarters() -> None:
    quarters = ReportingYear(2025).quarters()
    assert [q.label for q in quarters] == ["2025Q1", "2025Q2", "2025Q3", "2025Q4"]
    assert [(q.start, q.end) for q in quarters] == [
        (dt.date(2025, 4, 1), dt.date(2025, 6, 30)),
        (dt.date(2025, 7, 1), dt.date(2025, 9, 30)),
        (dt.date(2025, 10, 1), dt.date(2025, 12, 31)),
        (dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
    ]
    assert quarters[3].reporting_year == ReportingYear(2025)
    assert str(quarters[0]) == "2025Q1"
    assert quarter_of(dt.date(2026, 2, 14)) == quarters[3]


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("2025/26", ReportingYear(2025)),
        ("2025-26", ReportingYear(2025)),
        (" 2025/2026 ", ReportingYear(2025)),
        ("1999/00", ReportingYear(1999)),
        ("2025Q3", Quarter(2025, 3)),
        ("2025q1", Quarter(2025, 1)),
        ("2025/26 Q4", Quarter(2025, 4)),
    ],
)
def test_parse_period(label: str, expected: object) -> None:
    assert parse_period(label) == expected


@pytest.mark.parametrize(
    "label", ["2025", "2025/27", "25/26", "2025Q5", "Q3", "2025/26/27"]
)
def test_parse_period_refuses_bad_labels(label: str) -> None:
    with pytest.raises(InvalidValueError):
        parse_period(label)


def test_bad_values() -> None:
    with pytest.raises(InvalidValueError, match="numbered 1 to 4"):
        Quarter(2025, 0)
    with pytest.raises(InvalidValueError, match="from 1 to 9998"):
        ReportingYear(9999)
    with pytest.raises(InvalidTypeError):
        ReportingYear("2025")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="not a datetime"):
        reporting_year(dt.datetime(2025, 1, 1, 9))  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="month 1 to 12"):
        ReportingYear(2025, start_month=13)


def test_a_rulebook_can_move_the_year_start() -> None:
    book = DEFAULT_RULEBOOK.with_value("years.start_month", 1, reason="calendar years")
    year = reporting_year(dt.date(2025, 6, 1), rulebook=book)
    assert (year.start, year.end) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert quarter_of(dt.date(2025, 6, 1), rulebook=book).number == 2


def test_periods_satisfy_the_protocol() -> None:
    assert isinstance(ReportingYear(2025), ReportingPeriod)
    assert isinstance(Quarter(2025, 1), ReportingPeriod)


@given(DATES)
def test_the_year_and_quarter_of_a_date_contain_it(day: dt.date) -> None:
    year = reporting_year(day)
    assert year.contains(day)
    assert not year.next.contains(day)
    assert not year.previous.contains(day)
    quarter = quarter_of(day)
    assert quarter.contains(day)
    assert quarter.reporting_year == year
    assert quarter in year.quarters()


@given(st.integers(1900, 2200))
def test_quarters_tile_the_year(first: int) -> None:
    year = ReportingYear(first)
    quarters = year.quarters()
    assert quarters[0].start == year.start
    assert quarters[-1].end == year.end
    for a, b in itertools.pairwise(quarters):
        assert b.start == a.end + dt.timedelta(days=1)
    assert (year.end - year.start).days + 1 in (365, 366)
