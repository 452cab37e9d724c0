"""Reporting years and quarters: 1 April to 31 March.

MAPPA annual reports cover each period of 12 months beginning with 1 April
(2005 Act s.11(2); guidance para 18.21), and the same year is the financial
year for intensive support package funding. A :class:`ReportingYear` is
labelled by its two calendar years (``2026/27``); a :class:`Quarter` by
the reporting year's first calendar year and its number (``2025Q3`` is the
third quarter of 2025/26: 1 October to 31 December 2025).

>>> import datetime as dt
>>> from mappa.years import ReportingYear, Quarter, reporting_year
>>> year = reporting_year(dt.date(2027, 3, 31))
>>> year.label, year.start, year.end
('2026/27', datetime.date(2026, 4, 1), datetime.date(2027, 3, 31))
>>> ReportingYear.parse("2025/26").quarters()[2].label
'2025Q3'
>>> q = Quarter.parse("2025Q4")
>>> q.start, q.end
(datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Protocol, runtime_checkable

import attrs
from dateutil.relativedelta import relativedelta

from mappa import _check
from mappa.errors import InvalidValueError
from mappa.rulebook import DEFAULT_RULEBOOK, Rulebook, resolve

__all__ = [
    "Quarter",
    "ReportingPeriod",
    "ReportingYear",
    "parse_period",
    "quarter_of",
    "reporting_year",
]

_FIRST_YEAR = 1
_LAST_YEAR = 9998


@runtime_checkable
class ReportingPeriod(Protocol):
    """What a reporting year and a quarter share: an inclusive date range."""

    @property
    def label(self) -> str: ...
    @property
    def start(self) -> _dt.date: ...
    @property
    def end(self) -> _dt.date: ...
    def contains(self, day: _dt.date) -> bool: ...


_START_MONTH = "years.start_month"


def _v_year(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    number = _check.ensure_int(value, f"{type(instance).__name__}.{attribute.name}")
    if not _FIRST_YEAR <= number <= _LAST_YEAR:
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name} must be from "
            f"{_FIRST_YEAR} to {_LAST_YEAR}, got {_check.shown(number)}",
            rule="years",
            value=number,
        )


def _v_start_month(
    instance: object, attribute: attrs.Attribute[int], value: object
) -> None:
    number = _check.ensure_int(value, f"{type(instance).__name__}.{attribute.name}")
    if not 1 <= number <= 12:
        raise InvalidValueError(
            f"a reporting year must start in month 1 to 12, got {_check.shown(number)}",
            rule=_START_MONTH,
            value=number,
        )


@attrs.frozen(order=True)
class ReportingYear:
    """The 12 months beginning with 1 April of :attr:`first_year`.

    Attributes:
        first_year: the calendar year in which it starts (2025 for 2025/26).
        start_month: the month it starts (4, from the rulebook).
    """

    first_year: int = attrs.field(validator=_v_year)
    start_month: int = attrs.field(
        factory=lambda: DEFAULT_RULEBOOK.integer(_START_MONTH),
        validator=_v_start_month,
        kw_only=True,
    )

    @classmethod
    def parse(cls, label: str, *, rulebook: Rulebook | None = None) -> ReportingYear:
        """The year labelled ``'2025/26'`` (also ``'2025-26'`` or ``'2025/2026'``).

        The start month is read as at 1 January of the year it begins in.
        """
        label = _check.ensure_str(label, "label")
        match = re.fullmatch(r"\s*(\d{4})\s*[/-]\s*(\d{2}|\d{4})\s*", label)
        if match is None:
            raise InvalidValueError(
                "a reporting year is written like '2025/26'",
                rule="years",
                value=label[:20],
            )
        first = int(match.group(1))
        second = match.group(2)
        expected = f"{(first + 1) % 100:02d}" if len(second) == 2 else str(first + 1)
        if second != expected:
            raise InvalidValueError(
                f"{first} and {second} are not two consecutive years",
                rule="years",
                value=label[:20],
            )
        book = resolve(rulebook, _dt.date(first, 1, 1))
        return cls(first, start_month=book.integer(_START_MONTH))

    @property
    def label(self) -> str:
        """``'2025/26'``."""
        return f"{self.first_year}/{(self.first_year + 1) % 100:02d}"

    @property
    def start(self) -> _dt.date:
        """Its first day (1 April)."""
        return _dt.date(self.first_year, self.start_month, 1)

    @property
    def end(self) -> _dt.date:
        """Its last day (31 March)."""
        end: _dt.date = self.start + relativedelta(years=1, days=-1)
        return end

    def contains(self, day: _dt.date) -> bool:
        """True if *day* falls in this year."""
        day = _check.ensure_date(day, "day")
        return self.start <= day <= self.end

    def quarters(self) -> tuple[Quarter, Quarter, Quarter, Quarter]:
        """Its four quarters, in order."""
        return (
            Quarter(self.first_year, 1, start_month=self.start_month),
            Quarter(self.first_year, 2, start_month=self.start_month),
            Quarter(self.first_year, 3, start_month=self.start_month),
            Quarter(self.first_year, 4, start_month=self.start_month),
        )

    @property
    def previous(self) -> ReportingYear:
        """The year before."""
        return ReportingYear(self.first_year - 1, start_month=self.start_month)

    @property
    def next(self) -> ReportingYear:
        """The year after."""
        return ReportingYear(self.first_year + 1, start_month=self.start_month)

    def __str__(self) -> str:
        return self.label


def _v_quarter(
    instance: object, attribute: attrs.Attribute[int], value: object
) -> None:
    number = _check.ensure_int(value, "Quarter.number")
    if not 1 <= number <= 4:
        raise InvalidValueError(
            f"a quarter is numbered 1 to 4, got {_check.shown(number)}",
            rule="years",
            value=number,
        )


@attrs.frozen(order=True)
class Quarter:
    """One of the four three-month quarters of a reporting year.

    Attributes:
        first_year: the reporting year's first calendar year.
        number: 1 (April-June) to 4 (January-March).
    """

    first_year: int = attrs.field(validator=_v_year)
    number: int = attrs.field(validator=_v_quarter)
    start_month: int = attrs.field(
        factory=lambda: DEFAULT_RULEBOOK.integer(_START_MONTH),
        validator=_v_start_month,
        kw_only=True,
    )

    @classmethod
    def parse(cls, label: str, *, rulebook: Rulebook | None = None) -> Quarter:
        """The quarter labelled ``'2025Q3'`` (also ``'2025/26 Q3'``).

        The start month is read as at 1 January of the year it begins in.
        """
        label = _check.ensure_str(label, "label")
        match = re.fullmatch(
            r"\s*(\d{4})(?:\s*[/-]\s*\d{2,4})?\s*-?\s*[Qq]([1-4])\s*", label
        )
        if match is None:
            raise InvalidValueError(
                "a quarter is written like '2025Q3'",
                rule="years",
                value=label[:20],
            )
        year = ReportingYear.parse(
            f"{match.group(1)}/{(int(match.group(1)) + 1) % 100:02d}", rulebook=rulebook
        )
        return cls(year.first_year, int(match.group(2)), start_month=year.start_month)

    @property
    def reporting_year(self) -> ReportingYear:
        """The reporting year this quarter belongs to."""
        return ReportingYear(self.first_year, start_month=self.start_month)

    @property
    def next(self) -> Quarter:
        """The quarter after (``2025Q4`` is followed by ``2026Q1``)."""
        if self.number == 4:
            return Quarter(self.first_year + 1, 1, start_month=self.start_month)
        return Quarter(self.first_year, self.number + 1, start_month=self.start_month)

    @property
    def label(self) -> str:
        """``'2025Q3'``."""
        return f"{self.first_year}Q{self.number}"

    @property
    def start(self) -> _dt.date:
        """Its first day."""
        start: _dt.date = self.reporting_year.start + relativedelta(
            months=3 * (self.number - 1)
        )
        return start

    @property
    def end(self) -> _dt.date:
        """Its last day."""
        end: _dt.date = self.start + relativedelta(months=3, days=-1)
        return end

    def contains(self, day: _dt.date) -> bool:
        """True if *day* falls in this quarter."""
        day = _check.ensure_date(day, "day")
        return self.start <= day <= self.end

    def __str__(self) -> str:
        return self.label


def reporting_year(day: _dt.date, *, rulebook: Rulebook | None = None) -> ReportingYear:
    """The reporting (and financial) year containing *day*.

    The start month (rule ``years.start_month``) is read as at *day*.

    >>> reporting_year(_dt.date(2026, 4, 1)).label
    '2026/27'
    """
    day = _check.ensure_date(day, "day")
    return _year_containing(day, resolve(rulebook, day))


def _year_containing(day: _dt.date, book: Rulebook) -> ReportingYear:
    """The year containing *day*, its start month read from *book* as it is
    (private helper: for callers that read every year of a calculation as
    at one date)."""
    start_month = book.integer(_START_MONTH)
    first = day.year if day.month >= start_month else day.year - 1
    return ReportingYear(first, start_month=start_month)


def quarter_of(day: _dt.date, *, rulebook: Rulebook | None = None) -> Quarter:
    """The reporting quarter containing *day* (the start month read as at *day*).

    >>> quarter_of(_dt.date(2026, 2, 14)).label
    '2025Q4'
    """
    year = reporting_year(day, rulebook=rulebook)
    months = (day.year - year.first_year) * 12 + day.month - year.start_month
    return Quarter(year.first_year, months // 3 + 1, start_month=year.start_month)


def parse_period(
    label: str, *, rulebook: Rulebook | None = None
) -> ReportingYear | Quarter:
    """A reporting year (``'2025/26'``) or a quarter (``'2025Q3'``) from its label.

    The start month is read as at 1 January of the year the label begins in.

    >>> parse_period("2025Q1").end
    datetime.date(2025, 6, 30)
    """
    label = _check.ensure_str(label, "label")
    if re.search(r"[Qq]\s*[1-4]\s*$", label):
        return Quarter.parse(label, rulebook=rulebook)
    return ReportingYear.parse(label, rulebook=rulebook)
