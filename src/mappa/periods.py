"""Lengths of time and how a rule counts them.

A :class:`Duration` is an exact length in years, months, weeks and days
(``6 weeks``, ``3 years 6 months``). A :class:`Counting` says how a rule
turns a start date and a duration into a date; every period rule in the
rulebook stores its counting convention beside its value, so no function
improvises one.

The conventions:

* :attr:`Counting.AFTER` -- *N after D*: plain calendar arithmetic, the
  corresponding date (6 weeks after a meeting is 42 days later; one month
  after 31 January is the last day of February).
* :attr:`Counting.BEGINNING_WITH` -- *a period of N beginning with D*
  (the statutes' phrase): D is day 1, so it is the same period as *N
  after* the day before D, and ends on the corresponding date of D-1 (a
  month end where D-1 is a month end: a month beginning with 1 March ends
  on 31 March).
  Three days beginning with Monday end on Wednesday; a year beginning with
  1 May 2025 ends on 30 April 2026; six months beginning with 31 August
  2025 end on 28 February 2026 (the corresponding date of 30 August, in a
  month without a 30th), not a day earlier.
* :attr:`Counting.BEFORE` -- *N before D*: the corresponding earlier date.
* :attr:`Counting.WITHIN_LAST` -- *dated within the last N*: a document
  dated on or after the corresponding earlier date is within it.

Month ends and 29 February: the corresponding date of a day that does not
exist in the target month is that month's last day (``dateutil``'s
``relativedelta`` rule), so one year after 29 February 2024 is 28 February
2025, and a year *beginning with* 29 February 2024 (the year after 28
February 2024) ends on 28 February 2025.

>>> import datetime as dt
>>> from mappa.periods import Counting, Duration
>>> Duration(weeks=6).after(dt.date(2025, 1, 6))
datetime.date(2025, 2, 17)
>>> Counting.BEGINNING_WITH.apply(Duration(days=3), dt.date(2025, 1, 6))
datetime.date(2025, 1, 8)
>>> Duration(years=7).halved()
Duration(years=3, months=6, weeks=0, days=0)
>>> str(Duration(years=3, months=6))
'3 years 6 months'
"""

from __future__ import annotations

import datetime as _dt
import enum
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta

from mappa import _check
from mappa.errors import InvalidValueError

__all__ = ["Counting", "DateRange", "Duration"]

_ONE_DAY = _dt.timedelta(days=1)


@attrs.frozen
class Duration:
    """An exact length of time: years, months, weeks and days.

    Parts are kept as given (``Duration(months=30)`` is not folded into
    years), so a rule reads as its source states it. Every part is a
    non-negative ``int``; at least one is positive.
    """

    years: int = attrs.field(default=0, validator=_check.v_non_negative_int)
    months: int = attrs.field(default=0, validator=_check.v_non_negative_int)
    weeks: int = attrs.field(default=0, validator=_check.v_non_negative_int)
    days: int = attrs.field(default=0, validator=_check.v_non_negative_int)

    def __attrs_post_init__(self) -> None:
        if not (self.years or self.months or self.weeks or self.days):
            raise InvalidValueError("a Duration must not be zero", rule="Duration")

    @property
    def relativedelta(self) -> relativedelta:
        """This length as a ``dateutil.relativedelta``."""
        return relativedelta(
            years=self.years, months=self.months, weeks=self.weeks, days=self.days
        )

    @property
    def total_months(self) -> int:
        """The years and months parts in months (weeks and days left out)."""
        return self.years * 12 + self.months

    @property
    def is_calendar_days(self) -> bool:
        """True if this is a whole number of days (no months or years)."""
        return not (self.years or self.months)

    @property
    def total_days(self) -> int:
        """The length in days; only for durations without months or years.

        >>> Duration(weeks=12).total_days
        84
        """
        if not self.is_calendar_days:
            raise InvalidValueError(
                f"{self} has no fixed number of days", rule="Duration", value=self
            )
        return self.weeks * 7 + self.days

    def after(self, start: _dt.date) -> _dt.date:
        """The corresponding date this long after *start*."""
        start = _check.ensure_date(start, "start")
        try:
            result: _dt.date = start + self.relativedelta
        except (OverflowError, ValueError):
            raise self._out_of_range() from None
        return result

    def before(self, start: _dt.date) -> _dt.date:
        """The corresponding date this long before *start*."""
        start = _check.ensure_date(start, "start")
        try:
            result: _dt.date = start - self.relativedelta
        except (OverflowError, ValueError):
            raise self._out_of_range() from None
        return result

    def _out_of_range(self) -> InvalidValueError:
        return InvalidValueError(
            f"a date {self} from the one given is outside the years 1 to 9999",
            rule="Duration",
            value=self,
        )

    def last_day_beginning_with(self, start: _dt.date) -> _dt.date:
        """The last day of a period of this length *beginning with* *start*.

        *start* is day 1, so the period is the one of this length *after*
        the day before *start*, and ends on that day's corresponding date
        (the last day of the month where that month is shorter); where the
        day before is itself a month end, the period ends on a month end.
        At a month end the period is never a day short.

        >>> Duration(years=1).last_day_beginning_with(_dt.date(2024, 2, 29))
        datetime.date(2025, 2, 28)
        >>> Duration(months=6).last_day_beginning_with(_dt.date(2025, 8, 31))
        datetime.date(2026, 2, 28)
        >>> Duration(days=3).last_day_beginning_with(_dt.date(2025, 1, 6))
        datetime.date(2025, 1, 8)
        """
        start = _check.ensure_date(start, "start")
        if start.day == 1:
            # The day before is a month end, which counts to the month end:
            # one month beginning with 1 March ends on 31 March.
            return self.after(start) - _ONE_DAY
        return self.after(start - _ONE_DAY)

    def halved(self) -> Duration:
        """Exactly half this length, for the under-18 notification periods.

        Years and months halve into months; weeks and days into days. A
        length with no exact half in those units (an odd number of months
        or days) is refused rather than rounded.

        >>> Duration(years=5).halved()
        Duration(years=2, months=6, weeks=0, days=0)
        """
        months = self.total_months
        days = self.weeks * 7 + self.days
        if months % 2 or days % 2:
            raise InvalidValueError(
                f"{self} has no exact half in whole months and days",
                rule="Duration.halved",
                value=self,
            )
        half_months = months // 2
        half_days = days // 2
        return Duration(
            years=half_months // 12,
            months=half_months % 12,
            weeks=half_days // 7 if half_days % 7 == 0 else 0,
            days=0 if half_days % 7 == 0 else half_days,
        )

    def __str__(self) -> str:
        parts = []
        for amount, unit in (
            (self.years, "year"),
            (self.months, "month"),
            (self.weeks, "week"),
            (self.days, "day"),
        ):
            if amount:
                parts.append(f"{amount} {unit}{'' if amount == 1 else 's'}")
        return " ".join(parts)


class Counting(enum.Enum):
    """How a rule turns a start date and a :class:`Duration` into a date."""

    AFTER = "after"
    """The corresponding date after the start (plain calendar arithmetic)."""
    BEGINNING_WITH = "beginning with"
    """The last day of a period that includes the start date as day 1."""
    BEFORE = "before"
    """The corresponding date before the start."""
    WITHIN_LAST = "within the last"
    """The earliest date still within a period ending on the start date."""

    def apply(
        self, duration: Duration, start: _dt.date, *, rule: str | None = None
    ) -> _dt.date:
        """The date this convention gives for *duration* from *start*.

        For :attr:`WITHIN_LAST` this is the earliest date that is still
        within the period: the corresponding earlier date. A result beyond
        the years 1 to 9999 raises :class:`~mappa.errors.InvalidValueError`
        naming *rule* (the rulebook name of the period), if given.

        >>> Counting.BEFORE.apply(Duration(weeks=4), _dt.date(2025, 3, 28))
        datetime.date(2025, 2, 28)
        """
        duration = _check.ensure_instance(duration, Duration, "duration")
        start = _check.ensure_date(start, "start")
        rule = _check.ensure_optional_str(rule, "rule")
        try:
            if self is Counting.AFTER:
                return duration.after(start)
            if self is Counting.BEGINNING_WITH:
                return duration.last_day_beginning_with(start)
            return duration.before(start)
        except InvalidValueError as error:
            if rule is None:
                raise
            raise InvalidValueError(
                f"rule {rule!r}: {duration} {self.value} the date given is "
                "outside the years 1 to 9999",
                rule=rule,
                value=start,
            ) from error

    def __str__(self) -> str:
        return self.value


def _v_end(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    end = _check.ensure_date(value, f"{type(instance).__name__}.{attribute.name}")
    if end < instance.start:
        raise InvalidValueError(
            f"{type(instance).__name__}.end must not be before its start",
            rule=f"{type(instance).__name__}.end",
        )


@attrs.frozen(order=True)
class DateRange:
    """An inclusive range of whole days: :attr:`start` to :attr:`end`, both counted.

    Used for a funding period, a time in custody, in hospital or abroad, and
    any other span a rule counts in whole days.

    >>> span = DateRange(_dt.date(2026, 3, 30), _dt.date(2026, 4, 2))
    >>> span.days, span.contains(_dt.date(2026, 4, 1)), str(span)
    (4, True, '2026-03-30 to 2026-04-02')
    """

    start: _dt.date = attrs.field(validator=_check.v_date)
    end: _dt.date = attrs.field(validator=_v_end)

    @property
    def days(self) -> int:
        """The number of days, both ends included."""
        return (self.end - self.start).days + 1

    def contains(self, day: _dt.date) -> bool:
        """True if *day* falls in the range."""
        day = _check.ensure_date(day, "day")
        return self.start <= day <= self.end

    def __str__(self) -> str:
        return f"{self.start.isoformat()} to {self.end.isoformat()}"
