"""Working days: Scottish bank holidays, local holidays, exact deadline arithmetic.

A :class:`WorkingCalendar` says which days are working days and counts
them. A working day is Monday to Friday, less the bank holidays of
Scotland (``holidays.country_holidays("GB", subdiv="SCT")``, substitute
days and one-off holidays included), less any extra closed days the caller
gives (a council's local holidays, an office closure), plus any extra
working days the caller gives. Names are always British English, whatever
the locale.

How days are counted:

* ``add_working_days(d, n)`` for ``n >= 1`` is the *n*-th working day after
  *d*; *d* itself never counts, working or not. ``n <= -1`` counts
  backwards the same way; ``n == 0`` returns *d* unchanged.
* ``working_days_between(a, b)`` counts the working days after *a* up to
  and including *b*; when *b* is before *a* it counts the working days
  before *a* down to and including *b*, negated. So
  ``working_days_between(d, add_working_days(d, n)) == n`` for every *n*.

Every call is O(1) (a lookup in a precomputed cumulative count) or
O(log n); nothing walks day by day.

>>> import datetime as dt
>>> from mappa.calendar import WorkingCalendar
>>> scotland = WorkingCalendar.scotland()
>>> scotland.add_working_days(dt.date(2024, 12, 20), 6)   # over Christmas
datetime.date(2025, 1, 3)
>>> scotland.working_days_between(dt.date(2024, 12, 20), dt.date(2025, 1, 3))
6
>>> scotland.holiday_name(dt.date(2025, 1, 2))
'New Year Holiday'
>>> scotland.is_working_day(dt.date(2025, 4, 21))  # Easter Monday: open in Scotland
True
>>> scotland.holiday_name(dt.date(2024, 12, 2))
"Saint Andrew's Day (observed)"
>>> glasgow = WorkingCalendar.scotland(
...     extra_closed_days={dt.date(2025, 7, 21): "Glasgow Fair Monday"}
... )
>>> glasgow.next_working_day(dt.date(2025, 7, 18))
datetime.date(2025, 7, 22)

**Years covered.** The Scottish calendar answers for every year the
installed ``holidays`` package covers for the United Kingdom
(:attr:`WorkingCalendar.first_year` to :attr:`WorkingCalendar.last_year`);
a date outside raises :class:`~mappa.errors.CalendarRangeError`, never a
guess. The package computes regular and substitute holidays by rule for
any year in that range, but it can only know the one-off holidays (a
jubilee, a state funeral, a coronation, the World Cup holiday of 15 June
2026) proclaimed before its release: keep it up to date
(:func:`holidays_version` says which release supplies the calendar), or add
a new one with ``extra_closed_days``.

More information:

* UK bank holidays: https://www.gov.uk/bank-holidays
* Banking and Financial Dealings Act 1971, Schedule 1, para 2 (Scotland):
  https://www.legislation.gov.uk/ukpga/1971/80/schedule/1
* python-holidays: https://holidays.readthedocs.io
"""

from __future__ import annotations

import datetime as _dt
import threading
from array import array
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from itertools import accumulate, compress
from typing import Any

import attrs
import holidays as _holidays

from mappa import _check
from mappa._english import WEEKDAY_NAMES
from mappa.errors import (
    CalendarRangeError,
    InvalidTypeError,
    InvalidValueError,
    UnknownNameError,
)

__all__ = ["WorkingCalendar", "holidays_version"]

_fromordinal = _dt.date.fromordinal

_SCOTLAND = ("GB", "SCT")
_LANGUAGES = ("en_GB", "en_US")
# The span built first; a date outside it (but inside the calendar's years)
# rebuilds the index over all the calendar's years, once.
_DEFAULT_SPAN = (2000, 2050)
# Years a calendar may cover at all (datetime.date's own limits, less a
# year at each end so that the day after and before never overflow).
_MIN_YEAR = 2
_MAX_YEAR = 9998
_SATURDAY = 5
_SUNDAY = 6
_LOCAL_HOLIDAY = "Local holiday"
_CLOSED_DAY = "Closed"


# ---------------------------------------------------------------------------
# The bank holiday source
# ---------------------------------------------------------------------------


def holidays_version() -> str:
    """The version of the ``holidays`` package that supplies the bank holidays.

    Every Scottish working-day answer depends on it: a one-off holiday
    (such as the bank holiday of Monday 15 June 2026, proclaimed in
    February 2026) is only known to releases made after its proclamation.
    ``mappa --version``, ``mappa rules`` and every report print it.

    >>> from importlib.metadata import version
    >>> holidays_version() == version("holidays")
    True
    """
    from importlib.metadata import version  # only when asked: a slow import

    return version("holidays")


def _holiday_object(country: str, subdivision: str | None, years: Iterable[int]) -> Any:
    """A ``holidays`` object for *country*/*subdivision*, names in a fixed language.

    British English where the package has it, else American English, else
    the country's own default language: never the language of the
    environment's locale, which ``holidays`` would otherwise fall back to.
    """
    probe = _holidays.country_holidays(country, subdiv=subdivision, years=())
    languages = tuple(getattr(probe, "supported_languages", ()))
    default = getattr(probe, "default_language", None)
    chosen = next(
        (lang for lang in (*_LANGUAGES, default) if lang and lang in languages), None
    )
    if chosen is None:  # pragma: no cover - releases before translations
        # Such releases name holidays as the code spells them, in English for GB.
        return _holidays.country_holidays(country, subdiv=subdivision, years=years)
    return _holidays.country_holidays(
        country, subdiv=subdivision, years=years, language=chosen
    )


@lru_cache(maxsize=16)
def _source_years(country: str, subdivision: str | None) -> tuple[int, int]:
    """The first and last year the ``holidays`` package covers for a source."""
    try:
        probe = _holidays.country_holidays(country, subdiv=subdivision, years=())
    except NotImplementedError:
        raise UnknownNameError(
            "the holidays package has no such country or subdivision",
            rule="WorkingCalendar.holidays_source",
        ) from None
    return max(int(probe.start_year), _MIN_YEAR), min(int(probe.end_year), _MAX_YEAR)


@lru_cache(maxsize=32)
def _bank_holidays(
    country: str, subdivision: str | None, first_year: int, last_year: int
) -> Mapping[_dt.date, str]:
    """Every bank holiday of a source in a span of years (shared, never mutated)."""
    found = _holiday_object(country, subdivision, range(first_year, last_year + 1))
    return {day: str(name) for day, name in found.items()}


# ---------------------------------------------------------------------------
# The precomputed index
# ---------------------------------------------------------------------------


class _Index:
    """Working days of a span of whole years, precomputed (private, immutable).

    ``cum[i]`` is the number of working days in ``[base, base + i)``;
    ``work`` holds the ordinals of the working days, in order.
    """

    __slots__ = (
        "base",
        "count",
        "cum",
        "end",
        "first_year",
        "last_year",
        "names",
        "size",
        "work",
    )

    def __init__(
        self,
        first_year: int,
        last_year: int,
        closed: Mapping[_dt.date, str],
        opened: Iterable[_dt.date],
    ) -> None:
        self.first_year = first_year
        self.last_year = last_year
        self.base = _dt.date(first_year, 1, 1).toordinal()
        self.end = _dt.date(last_year, 12, 31).toordinal()
        size = self.size = self.end - self.base + 1
        working = bytearray(b"\x01") * size
        first_weekday = _dt.date.fromordinal(self.base).weekday()
        for weekday in (_SATURDAY, _SUNDAY):
            start = (weekday - first_weekday) % 7
            working[start::7] = bytes(len(range(start, size, 7)))
        names: dict[_dt.date, str] = {}
        for day, name in closed.items():
            offset = day.toordinal() - self.base
            if 0 <= offset < size:
                working[offset] = 0
                names[day] = name
        for day in opened:
            offset = day.toordinal() - self.base
            if 0 <= offset < size:
                working[offset] = 1
                names.pop(day, None)
        self.names = names
        self.cum = array("i", accumulate(working, initial=0))
        self.work = array("i", compress(range(self.base, self.end + 1), working))
        self.count = len(self.work)


class _Lazy:
    """The mutable holder of a calendar's current index (private)."""

    __slots__ = ("index", "lock")

    def __init__(self) -> None:
        self.index: _Index | None = None
        self.lock = threading.Lock()


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------


def _v_year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    name = f"WorkingCalendar.{attribute.name}"
    year = _check.ensure_int(value, name)
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise CalendarRangeError(
            f"{name} must be from {_MIN_YEAR} to {_MAX_YEAR}, got {_check.shown(year)}",
            rule=name,
            value=year,
        )


def _v_closed(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    name = f"WorkingCalendar.{attribute.name}"
    if not isinstance(value, tuple):
        raise InvalidTypeError(
            f"{name} must be a tuple of (date, name) pairs, not {_check.type_name(value)}",
            rule=name,
        )
    for index, item in enumerate(value):
        if (
            not isinstance(item, tuple)
            or len(item) != 2
            or isinstance(item[0], _dt.datetime)
            or not isinstance(item[0], _dt.date)
            or not isinstance(item[1], str)
        ):
            raise InvalidTypeError(
                f"{name}[{index}] must be a (date, str) pair, not {_check.type_name(item)}",
                rule=name,
                value=index,
            )


def _v_source(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if (
        not isinstance(value, tuple)
        or len(value) != 2
        or not isinstance(value[0], str)
        or not (value[1] is None or isinstance(value[1], str))
    ):
        raise InvalidTypeError(
            "WorkingCalendar.holidays_source must be None or a (country, "
            f"subdivision) pair of str, not {_check.type_name(value)}",
            rule="WorkingCalendar.holidays_source",
        )


def _working_days(value: object) -> tuple[_dt.date, ...]:
    """Extra working days, checked, without repeats, in date order."""
    return tuple(
        sorted(set(_check.ensure_tuple_of(value, _dt.date, "extra_working_days")))
    )


def _closed_days(
    value: object, name: str, default_name: str
) -> tuple[tuple[_dt.date, str], ...]:
    """Closed days given as dates or a date -> name mapping, as sorted pairs."""
    if isinstance(value, Mapping):
        days = _check.ensure_tuple_of(tuple(value.keys()), _dt.date, name)
        pairs = []
        for index, day in enumerate(days):
            label = value[day]
            if not isinstance(label, str):
                raise InvalidTypeError(
                    f"{name}[{index}]: a closed day's name must be a str, "
                    f"not {_check.type_name(label)}",
                    rule=name,
                    value=index,
                )
            if not label.strip():
                raise InvalidValueError(
                    f"{name}[{index}]: a closed day's name must not be empty",
                    rule=name,
                    value=index,
                )
            pairs.append((day, label))
    else:
        days = _check.ensure_tuple_of(value, _dt.date, name)
        pairs = [(day, default_name) for day in days]
    merged: dict[_dt.date, str] = {}
    for day, label in pairs:
        merged.setdefault(day, label)
    return tuple(sorted(merged.items()))


def _check_years(
    days: Iterable[_dt.date], name: str, first_year: int, last_year: int
) -> None:
    for index, day in enumerate(days):
        if not first_year <= day.year <= last_year:
            raise CalendarRangeError(
                f"{name}[{index}] is in {day.year}, outside the calendar's years "
                f"{first_year} to {last_year}",
                rule=name,
                value=index,
            )


# ---------------------------------------------------------------------------
# The calendar
# ---------------------------------------------------------------------------


class _CalendarSlot:
    """Holds a calendar's lazily built index outside attrs' fields (private)."""

    __slots__ = ("_lazy_slot",)
    _lazy_slot: _Lazy


@attrs.frozen
class WorkingCalendar(_CalendarSlot):
    """Which days are working days, and exact arithmetic over them.

    Build one with :meth:`scotland` (Scottish bank holidays, plus the
    caller's local holidays) or :meth:`from_closed_days` (any set of closed
    days: another part of the UK, a test). A calendar is immutable and
    hashable; two calendars with the same closed and working days are
    equal.

    Attributes:
        first_year: the first year the calendar answers for.
        last_year: the last year the calendar answers for.
        holidays_source: the ``(country, subdivision)`` of the ``holidays``
            package whose bank holidays are closed, or ``None``.
        extra_closed_days: the caller's closed days, as sorted ``(date,
            name)`` pairs.
        extra_working_days: the caller's extra working days, sorted; they
            override every closed day and weekend.
    """

    first_year: int = attrs.field(validator=_v_year)
    last_year: int = attrs.field(validator=_v_year)
    holidays_source: tuple[str, str | None] | None = attrs.field(
        default=None, validator=_v_source
    )
    extra_closed_days: tuple[tuple[_dt.date, str], ...] = attrs.field(
        default=(), validator=_v_closed
    )
    extra_working_days: tuple[_dt.date, ...] = attrs.field(
        default=(), validator=_check.v_tuple_of(_dt.date)
    )

    @property
    def _lazy(self) -> _Lazy:
        try:
            return self._lazy_slot
        except AttributeError:  # a copy made by pickle: start a new index
            object.__setattr__(self, "_lazy_slot", _Lazy())
            return self._lazy_slot

    def __attrs_post_init__(self) -> None:
        if self.first_year > self.last_year:
            raise InvalidValueError(
                f"WorkingCalendar.first_year ({self.first_year}) is after "
                f"last_year ({self.last_year})",
                rule="WorkingCalendar.first_year",
                value=self.first_year,
            )
        if self.holidays_source is not None:
            country, subdivision = self.holidays_source
            first, last = _source_years(country, subdivision)
            if self.first_year < first or self.last_year > last:
                raise CalendarRangeError(
                    f"the holidays package covers {first} to {last} for this "
                    f"calendar, not {self.first_year} to {self.last_year}",
                    rule="WorkingCalendar.holidays_source",
                    value=(self.first_year, self.last_year),
                )
        _check_years(
            (day for day, _ in self.extra_closed_days),
            "extra_closed_days",
            self.first_year,
            self.last_year,
        )
        _check_years(
            self.extra_working_days,
            "extra_working_days",
            self.first_year,
            self.last_year,
        )
        both = set(self.extra_working_days).intersection(
            day for day, _ in self.extra_closed_days
        )
        if both:
            raise InvalidValueError(
                f"{len(both)} day(s) given both as extra closed and extra working "
                f"days, first {min(both).isoformat()}",
                rule="extra_working_days",
                value=min(both),
            )
        object.__setattr__(self, "_lazy_slot", _Lazy())

    # -- construction ---------------------------------------------------

    @classmethod
    def scotland(
        cls,
        *,
        extra_closed_days: Iterable[_dt.date] | Mapping[_dt.date, str] = (),
        extra_working_days: Iterable[_dt.date] = (),
    ) -> WorkingCalendar:
        """Scotland's working days, with the caller's local changes.

        Bank holidays come from ``holidays.country_holidays("GB",
        subdiv="SCT")`` with substitute days. *extra_closed_days* are
        closed too: dates (named ``"Local holiday"``) or a mapping from
        date to name. *extra_working_days* are working days whatever else
        says. With neither, the one shared default calendar is returned.

        >>> import datetime as dt
        >>> cal = WorkingCalendar.scotland(extra_closed_days=[dt.date(2025, 9, 29)])
        >>> cal.holiday_name(dt.date(2025, 9, 29))
        'Local holiday'
        >>> WorkingCalendar.scotland() is WorkingCalendar.scotland()
        True
        """
        closed = _closed_days(extra_closed_days, "extra_closed_days", _LOCAL_HOLIDAY)
        opened = _working_days(extra_working_days)
        if not closed and not opened:
            return _default_scotland()
        first, last = _source_years(*_SCOTLAND)
        return cls(
            first_year=first,
            last_year=last,
            holidays_source=_SCOTLAND,
            extra_closed_days=closed,
            extra_working_days=opened,
        )

    @classmethod
    def from_closed_days(
        cls,
        closed_days: Iterable[_dt.date] | Mapping[_dt.date, str],
        *,
        first_year: int,
        last_year: int,
        extra_working_days: Iterable[_dt.date] = (),
    ) -> WorkingCalendar:
        """A calendar of Monday to Friday less *closed_days*, for *first_year* to *last_year*.

        *closed_days* are dates (named ``"Closed"``) or a mapping from date
        to name, such as a ``holidays`` object for another part of the UK.
        The calendar answers only for the years given: the caller vouches
        that *closed_days* is complete for them.

        >>> import datetime as dt
        >>> test = WorkingCalendar.from_closed_days(
        ...     [dt.date(2025, 1, 1)], first_year=2025, last_year=2025
        ... )
        >>> test.add_working_days(dt.date(2024, 12, 31), 1)
        Traceback (most recent call last):
        ...
        mappa.errors.CalendarRangeError: a date in 2024 is outside the years this calendar covers (2025 to 2025)
        >>> test.add_working_days(dt.date(2025, 1, 1), 1)
        datetime.date(2025, 1, 2)
        """
        closed = _closed_days(closed_days, "closed_days", _CLOSED_DAY)
        opened = _working_days(extra_working_days)
        return cls(
            first_year=first_year,
            last_year=last_year,
            holidays_source=None,
            extra_closed_days=closed,
            extra_working_days=opened,
        )

    # -- the index --------------------------------------------------------

    def _build(self, first_year: int, last_year: int) -> _Index:
        closed: dict[_dt.date, str] = {}
        if self.holidays_source is not None:
            country, subdivision = self.holidays_source
            closed.update(_bank_holidays(country, subdivision, first_year, last_year))
        for day, name in self.extra_closed_days:
            closed.setdefault(day, name)
        return _Index(first_year, last_year, closed, self.extra_working_days)

    def _index(self) -> _Index:
        index = self._lazy.index
        if index is None:
            with self._lazy.lock:
                index = self._lazy.index
                if index is None:  # pragma: no branch - else another thread built it
                    first = max(self.first_year, _DEFAULT_SPAN[0])
                    last = min(self.last_year, _DEFAULT_SPAN[1])
                    if first > last:
                        first, last = self.first_year, self.last_year
                    index = self._lazy.index = self._build(first, last)
        return index

    def _full_index(self) -> _Index | None:
        """The index over every year, built if needed; None if it already was."""
        index = self._index()
        if index.first_year == self.first_year and index.last_year == self.last_year:
            return None
        with self._lazy.lock:
            current = self._lazy.index
            if current is not None and (
                current.first_year == self.first_year
                and current.last_year == self.last_year
            ):  # pragma: no cover - another thread built it while we waited
                return current
            full = self._build(self.first_year, self.last_year)
            self._lazy.index = full
            return full

    def _out_of_range(self, day: _dt.date) -> CalendarRangeError:
        return CalendarRangeError(
            f"a date in {day.year} is outside the years this calendar covers "
            f"({self.first_year} to {self.last_year})",
            rule="WorkingCalendar",
            value=day,
        )

    def _locate(self, day: object, name: str) -> tuple[_Index, int]:
        """The index covering *day* and *day*'s offset in it."""
        if type(day) is not _dt.date:
            day = _check.ensure_date(day, name)
        ordinal = day.toordinal()
        index = self._index()
        if index.base <= ordinal <= index.end:
            return index, ordinal - index.base
        if not self.first_year <= day.year <= self.last_year:
            raise self._out_of_range(day)
        full = self._full_index()
        if full is None:  # pragma: no cover - the full index covers every year
            raise self._out_of_range(day)
        return full, ordinal - full.base

    # -- queries ----------------------------------------------------------

    def is_working_day(self, day: _dt.date) -> bool:
        """True if *day* is a working day.

        >>> import datetime as dt
        >>> WorkingCalendar.scotland().is_working_day(dt.date(2025, 12, 1))
        False
        """
        index, offset = self._locate(day, "day")
        return index.cum[offset + 1] != index.cum[offset]

    def holiday_name(self, day: _dt.date) -> str | None:
        """Why *day* is closed, or ``None`` if it is a working day.

        A bank holiday's name (``"Christmas Day (observed)"``), a closed
        day's name the caller gave (``"Local holiday"`` by default), or the
        day of the week (``"Saturday"``, ``"Sunday"``). A bank holiday on a
        weekend is named as the holiday.

        >>> import datetime as dt
        >>> cal = WorkingCalendar.scotland()
        >>> cal.holiday_name(dt.date(2022, 12, 27)), cal.holiday_name(dt.date(2025, 6, 7))
        ('Christmas Day (observed)', 'Saturday')
        >>> cal.holiday_name(dt.date(2025, 6, 2)) is None
        True
        """
        index, offset = self._locate(day, "day")
        if index.cum[offset + 1] != index.cum[offset]:
            return None
        found = index.names.get(day)
        if found is not None:
            return found
        return WEEKDAY_NAMES[day.weekday()]

    def add_working_days(self, day: _dt.date, n: int) -> _dt.date:
        """The *n*-th working day after *day* (before it, for negative *n*).

        *day* itself never counts, working or not; ``n == 0`` returns
        *day* unchanged, even if it is closed.

        >>> import datetime as dt
        >>> cal = WorkingCalendar.scotland()
        >>> cal.add_working_days(dt.date(2025, 6, 6), 1)    # Friday -> Monday
        datetime.date(2025, 6, 9)
        >>> cal.add_working_days(dt.date(2025, 6, 7), 1)    # from a Saturday
        datetime.date(2025, 6, 9)
        >>> cal.add_working_days(dt.date(2025, 6, 9), -1)   # Monday -> Friday
        datetime.date(2025, 6, 6)
        >>> cal.add_working_days(dt.date(2025, 6, 7), 0)
        datetime.date(2025, 6, 7)
        """
        # The fast path: the usual call, inside the index already built.
        index = self._lazy.index
        if index is not None and type(day) is _dt.date and type(n) is int:
            offset = day.toordinal() - index.base
            if 0 <= offset < index.size:
                if n > 0:
                    position = index.cum[offset + 1] + n - 1
                elif n < 0:
                    position = index.cum[offset] + n
                else:
                    return day
                if 0 <= position < index.count:
                    return _fromordinal(index.work[position])
        return self._add(day, n)

    def _add(self, day: _dt.date, n: int) -> _dt.date:
        """:meth:`add_working_days`, checking everything and widening the index."""
        if type(n) is not int:
            n = _check.ensure_int(n, "n")
        index, offset = self._locate(day, "day")
        if n > 0:
            position = index.cum[offset + 1] + n - 1
        elif n < 0:
            position = index.cum[offset] + n
        else:
            return day
        if 0 <= position < len(index.work):
            return _dt.date.fromordinal(index.work[position])
        full = self._full_index()
        if full is not None:
            return self._add(day, n)
        raise CalendarRangeError(
            f"{_check.shown(n)} working days from a date in {day.year} goes beyond the years "
            f"this calendar covers ({self.first_year} to {self.last_year})",
            rule="WorkingCalendar",
            value=n,
        )

    def working_days_between(self, start: _dt.date, end: _dt.date) -> int:
        """The working days after *start* up to and including *end*.

        When *end* is before *start*, minus the working days before
        *start* down to and including *end*: so
        ``working_days_between(d, add_working_days(d, n)) == n``.

        >>> import datetime as dt
        >>> cal = WorkingCalendar.scotland()
        >>> cal.working_days_between(dt.date(2025, 6, 6), dt.date(2025, 6, 9))
        1
        >>> cal.working_days_between(dt.date(2025, 6, 9), dt.date(2025, 6, 6))
        -1
        >>> cal.working_days_between(dt.date(2025, 6, 7), dt.date(2025, 6, 8))
        0
        """
        index = self._lazy.index
        if index is not None and type(start) is _dt.date and type(end) is _dt.date:
            a = start.toordinal() - index.base
            b = end.toordinal() - index.base
            size = index.size
            if 0 <= a < size and 0 <= b < size:
                cum = index.cum
                if a <= b:
                    return cum[b + 1] - cum[a + 1]
                return cum[b] - cum[a]
        return self._between(start, end)

    def _between(self, start: _dt.date, end: _dt.date) -> int:
        """:meth:`working_days_between`, checking everything and widening the index."""
        index, a = self._locate(start, "start")
        latest, b = self._locate(end, "end")
        if latest is not index:  # locating *end* widened the index
            index, a = self._locate(start, "start")
        cum = index.cum
        if a <= b:
            return cum[b + 1] - cum[a + 1]
        return cum[b] - cum[a]

    def next_working_day(self, day: _dt.date) -> _dt.date:
        """The first working day strictly after *day*.

        >>> import datetime as dt
        >>> WorkingCalendar.scotland().next_working_day(dt.date(2025, 12, 24))
        datetime.date(2025, 12, 29)
        """
        return self.add_working_days(day, 1)

    def previous_working_day(self, day: _dt.date) -> _dt.date:
        """The last working day strictly before *day*.

        >>> import datetime as dt
        >>> WorkingCalendar.scotland().previous_working_day(dt.date(2025, 1, 3))
        datetime.date(2024, 12, 31)
        """
        return self.add_working_days(day, -1)

    def roll_forward(self, day: _dt.date) -> _dt.date:
        """*day* if it is a working day, else the next working day.

        >>> import datetime as dt
        >>> WorkingCalendar.scotland().roll_forward(dt.date(2025, 11, 29))
        datetime.date(2025, 12, 2)
        """
        return day if self.is_working_day(day) else self.add_working_days(day, 1)

    def roll_backward(self, day: _dt.date) -> _dt.date:
        """*day* if it is a working day, else the previous working day.

        >>> import datetime as dt
        >>> WorkingCalendar.scotland().roll_backward(dt.date(2025, 12, 1))
        datetime.date(2025, 11, 28)
        """
        return day if self.is_working_day(day) else self.add_working_days(day, -1)

    def working_days(self, start: _dt.date, end: _dt.date) -> Iterator[_dt.date]:
        """The working days from *start* to *end*, both included, in order.

        Empty when *end* is before *start*. Arguments are checked at once,
        not when iteration starts.

        >>> import datetime as dt
        >>> list(WorkingCalendar.scotland().working_days(
        ...     dt.date(2025, 12, 24), dt.date(2025, 12, 31)))
        [datetime.date(2025, 12, 24), datetime.date(2025, 12, 29), datetime.date(2025, 12, 30), datetime.date(2025, 12, 31)]
        """
        index, a = self._locate(start, "start")
        latest, b = self._locate(end, "end")
        if latest is not index:  # locating *end* widened the index
            index, a = self._locate(start, "start")
        if a > b:
            return iter(())
        return map(_dt.date.fromordinal, index.work[index.cum[a] : index.cum[b + 1]])


@lru_cache(maxsize=1)
def _default_scotland() -> WorkingCalendar:
    """The shared Scottish calendar with no local changes."""
    first, last = _source_years(*_SCOTLAND)
    return WorkingCalendar(first_year=first, last_year=last, holidays_source=_SCOTLAND)
