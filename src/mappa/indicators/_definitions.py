"""The indicators, their results and the targets (package-private).

See :mod:`mappa.indicators` for the public face and each indicator's
exact definition.
"""

from __future__ import annotations

import datetime as _dt
import enum
import itertools
import re
from collections.abc import Mapping
from decimal import ROUND_DOWN, Decimal
from typing import Any

import attrs

from mappa import _check
from mappa._english import long_date
from mappa.errors import (
    InvalidTypeError,
    InvalidValueError,
    NotApplicable,
    UnknownNameError,
)
from mappa.rulebook import DEFAULT_RULEBOOK, Rulebook, resolve
from mappa.sources import Citation
from mappa.years import Quarter, ReportingYear, parse_period

__all__ = [
    "ATTENDANCE_INDICATORS",
    "GROUP_FIELDS",
    "NATIONAL",
    "Counts",
    "Coverage",
    "Indicator",
    "IndicatorResult",
    "Status",
    "covering",
    "ensure_by",
    "ensure_period",
    "ensure_target",
    "label_of",
    "plain",
    "targets_of",
]

GROUP_FIELDS: tuple[str, ...] = ("area", "category", "level")
"""The fields a report can be grouped by."""

NATIONAL = "Scotland"
"""The label of the national group."""


class Indicator(enum.Enum):
    """The eight national performance indicators, in the order they are published."""

    LEVEL3_REVIEWS = "level3_reviews"
    """Level 3 cases reviewed no less than once every 6 weeks."""
    LEVEL2_REVIEWS = "level2_reviews"
    """Level 2 cases reviewed no less than once every 12 weeks."""
    DTC_ATTENDANCE = "dtc_attendance"
    """DTC agencies attend at an appropriate seniority when invited (L2/L3)."""
    RA_ATTENDANCE = "ra_attendance"
    """Police and social work attend at the agreed seniority (L2/L3, RMT included)."""
    WRITTEN_CONTRIBUTIONS = "written_contributions"
    """RAs and DTCs that did not attend sent a written contribution."""
    PRE_RELEASE_MAPPP = "pre_release_mappp"
    """Initial level 3 meetings of custody cases held 4 weeks before liberation."""
    MINUTES_RELEASED = "minutes_released"
    """L2/L3 minutes completed and released within 10 working days."""
    DISCLOSURE_RECORDED = "disclosure_recorded"
    """Disclosure considered and recorded in the minutes of L2/L3 meetings."""

    @property
    def rule(self) -> str:
        """The rulebook name of its target (``"kpi.level3_reviews.target"``)."""
        return f"kpi.{self.value}.target"

    @property
    def label(self) -> str:
        """A short readable name, from the default rulebook (rule
        ``kpi.<name>.label``; :func:`evaluate` reads its own rulebook's)."""
        return label_of(self, DEFAULT_RULEBOOK)

    @property
    def counts(self) -> str:
        """What one item of its denominator is."""
        return _COUNTS[self]

    def __str__(self) -> str:
        return self.label


# -- labels from the rulebook -----------------------------------------------
_PLACEHOLDER = re.compile(r"\{([a-z0-9_.]+)\}")


def label_of(indicator: Indicator, book: Rulebook) -> str:
    """The label of *indicator* in *book*: its template, each ``{rule}``
    filled with that rule's value in the same book."""
    template = book.text(f"kpi.{indicator.value}.label")
    return _PLACEHOLDER.sub(lambda m: str(book.value(m.group(1))), template)


_COUNTS = {
    Indicator.LEVEL3_REVIEWS: "review intervals",
    Indicator.LEVEL2_REVIEWS: "review intervals",
    Indicator.DTC_ATTENDANCE: "invitations",
    Indicator.RA_ATTENDANCE: "invitations",
    Indicator.WRITTEN_CONTRIBUTIONS: "absences",
    Indicator.PRE_RELEASE_MAPPP: "meetings",
    Indicator.MINUTES_RELEASED: "meetings",
    Indicator.DISCLOSURE_RECORDED: "meetings",
}


class Status(enum.Enum):
    """Where a group stands against an indicator's target."""

    MET = "met"
    """The percentage reaches the target."""
    NOT_MET = "not met"
    """The percentage falls short of the target."""
    NO_CASES = "no cases"
    """Nothing to count in the period: no percentage, no verdict."""
    NO_ATTENDANCE_DATA = "no attendance data"
    """An attendance indicator over data that holds no attendance at all:
    nothing could be counted, and the report says so rather than "no cases"."""

    def __str__(self) -> str:
        return self.value


_ONE_PLACE = Decimal("0.1")

ATTENDANCE_INDICATORS: frozenset[Indicator] = frozenset(
    {
        Indicator.DTC_ATTENDANCE,
        Indicator.RA_ATTENDANCE,
        Indicator.WRITTEN_CONTRIBUTIONS,
    }
)
"""The indicators counted from attendance records."""


def _a_period(period: object) -> ReportingYear | Quarter:
    if not isinstance(period, ReportingYear | Quarter):
        raise InvalidTypeError(
            f"period must be a ReportingYear or a Quarter, not {_check.type_name(period)}",
            rule="period",
        )
    return period


@attrs.frozen
class Coverage:
    """What the data behind a report covers.

    Attributes:
        first: the date of the data's first meeting (``None`` for no meetings).
        last: the date of its last meeting: the report reads the data as
            at this day (``None`` for no meetings).
        attendance: whether the data holds any attendance record at all;
            without one, the attendance indicators are
            :attr:`Status.NO_ATTENDANCE_DATA`.

    >>> import datetime as dt
    >>> from mappa.years import ReportingYear
    >>> data = Coverage(dt.date(2023, 10, 2), dt.date(2026, 3, 31), attendance=True)
    >>> data.covers(ReportingYear(2025)), data.covers(ReportingYear(2023))
    (True, False)
    >>> data.label
    '2 October 2023 to 31 March 2026'
    """

    first: _dt.date | None = attrs.field(validator=_check.v_optional_date)
    last: _dt.date | None = attrs.field(validator=_check.v_optional_date)
    attendance: bool = attrs.field(kw_only=True, validator=_check.v_bool)

    def __attrs_post_init__(self) -> None:
        if (self.first is None) != (self.last is None) or (
            self.first is not None and self.last is not None and self.last < self.first
        ):
            raise InvalidValueError(
                "Coverage needs both dates or neither, the first not after the last",
                rule="Coverage",
            )

    def covers(self, period: ReportingYear | Quarter) -> bool:
        """Whether the data runs from the period's first day to its last."""
        period = _a_period(period)
        return (
            self.first is not None
            and self.last is not None
            and self.first <= period.start
            and period.end <= self.last
        )

    def as_at(self, period: ReportingYear | Quarter) -> _dt.date:
        """The day the report of *period* is as at: its end, or the data's
        last day if that comes first."""
        period = _a_period(period)
        if self.last is None or self.last >= period.end:
            return period.end
        return self.last

    @property
    def label(self) -> str:
        """The range in words (``"no meetings"`` for none)."""
        if self.first is None or self.last is None:
            return "no meetings"
        return f"{long_date(self.first)} to {long_date(self.last)}"


def _v_group(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(
        isinstance(pair, tuple)
        and len(pair) == 2
        and isinstance(pair[0], str)
        and isinstance(pair[1], str)
        for pair in value
    ):
        raise InvalidTypeError(
            "IndicatorResult.group must be a tuple of (field, value) string pairs",
            rule="IndicatorResult.group",
        )
    for field, _ in value:
        if field not in GROUP_FIELDS:
            raise InvalidValueError(
                f"IndicatorResult.group: unknown field; expected one of {', '.join(GROUP_FIELDS)}",
                rule="IndicatorResult.group",
            )


def _v_ids(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(
        map(isinstance, value, itertools.repeat(str))
    ):
        raise InvalidTypeError(
            "IndicatorResult.failed must be a tuple of meeting ids (str)",
            rule="IndicatorResult.failed",
        )


def _v_percent(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    _check.v_decimal(instance, attribute, value)
    if not Decimal(0) <= value <= Decimal(100):  # type: ignore[operator]  # checked Decimal
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name} must be from 0 to 100, got {_check.shown(value)}",
            rule=f"{type(instance).__name__}.{attribute.name}",
            value=value,
        )


@attrs.frozen
class IndicatorResult:
    """One indicator for one group (or Scotland) over one period.

    Attributes:
        indicator: which indicator.
        group: the group's (field, value) pairs, such as
            ``(("area", "Fife"),)``; empty for Scotland.
        numerator: items that met the standard.
        denominator: items counted.
        target: the target percentage.
        citation: where the target comes from.
        failed: the ids of the meetings that failed it, in input order.
    """

    indicator: Indicator = attrs.field(validator=_check.v_instance(Indicator))
    group: tuple[tuple[str, str], ...] = attrs.field(validator=_v_group)
    numerator: int = attrs.field(validator=_check.v_non_negative_int)
    denominator: int = attrs.field(validator=_check.v_non_negative_int)
    target: Decimal = attrs.field(validator=_v_percent)
    citation: Citation = attrs.field(validator=_check.v_instance(Citation))
    # The repr counts the failed ids rather than list them: there can be
    # thousands, and a repr is read by people.
    failed: tuple[str, ...] = attrs.field(
        default=(), validator=_v_ids, repr=lambda ids: f"<{len(ids)} ids>"
    )
    # The label as the evaluating rulebook gives it (default: the
    # default rulebook's)
    label: str = attrs.field(kw_only=True, validator=_check.v_text)

    @label.default
    def _default_label(self) -> str:
        # (a wrong-typed indicator is refused by its own validator)
        indicator = self.indicator
        return indicator.label if isinstance(indicator, Indicator) else "-"

    no_data: bool = attrs.field(default=False, kw_only=True, validator=_check.v_bool)
    """True when the data holds nothing this indicator is counted from (no
    attendance records): the status is :attr:`Status.NO_ATTENDANCE_DATA`."""

    def __attrs_post_init__(self) -> None:
        if self.no_data and self.denominator:
            raise InvalidValueError(
                "IndicatorResult with no_data must count nothing",
                rule="IndicatorResult.no_data",
            )
        if self.numerator > self.denominator:
            raise InvalidValueError(
                "IndicatorResult.numerator must not exceed the denominator",
                rule="IndicatorResult.numerator",
                value=self.numerator,
            )

    @property
    def status(self) -> Status:
        """Met, not met, no cases or no attendance data; decided exactly
        (``n * 100 >= target * d``)."""
        if self.no_data:
            return Status.NO_ATTENDANCE_DATA
        if self.denominator == 0:
            return Status.NO_CASES
        if self.numerator * 100 >= self.target * self.denominator:
            return Status.MET
        return Status.NOT_MET

    @property
    def met(self) -> bool:
        """True if the status is :attr:`Status.MET` (false for no cases)."""
        return self.status is Status.MET

    @property
    def rule(self) -> str:
        """The rulebook name of the indicator's target."""
        return self.indicator.rule

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The target's citation, as the tuple every result has."""
        return (self.citation,)

    @property
    def percentage(self) -> Decimal:
        """The percentage, rounded down to one decimal place, for display.

        A group with no cases has none: :class:`~mappa.errors.NotApplicable`.

        >>> from mappa.sources import GLASGOW_MAPPA_PAGE
        >>> result = IndicatorResult(Indicator.MINUTES_RELEASED, (), 2, 3, Decimal(90),
        ...                          GLASGOW_MAPPA_PAGE.cite("KPIs"))
        >>> result.percentage, result.status
        (Decimal('66.6'), <Status.NOT_MET: 'not met'>)
        """
        if self.denominator == 0:
            raise NotApplicable(
                f"{self.label}: no cases in {self.group_label}, so no percentage",
                rule=self.indicator.rule,
            )
        exact = Decimal(self.numerator * 100) / Decimal(self.denominator)
        return exact.quantize(_ONE_PLACE, rounding=ROUND_DOWN)

    @property
    def group_label(self) -> str:
        """``"Scotland"``, or the group's values (``"Fife, level 2"``)."""
        if not self.group:
            return NATIONAL
        return ", ".join(
            value if field == "area" else f"{field} {value}"
            for field, value in self.group
        )

    def row(self) -> dict[str, object]:
        """This result as a plain dict (see :meth:`Report.rows`)."""
        fields = dict(self.group)
        row: dict[str, object] = {
            "indicator": self.indicator.value,
            "description": self.label,
        }
        row["group"] = self.group_label
        return {
            **row,
            **fields,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "percentage": None if self.denominator == 0 else self.percentage,
            "target": self.target,
            "status": self.status.value,
            "citation": str(self.citation),
            "failed": len(self.failed),
            "failed_ids": " ".join(self.failed),
        }


def covering(
    first: _dt.date | None,
    last: _dt.date | None,
    attendance: bool,
    data_until: _dt.date | None,
) -> Coverage:
    """The coverage of data whose meetings run from *first* to *last*,
    read as at *data_until* if the caller gives the day the data was taken
    (never before its last meeting)."""
    if data_until is not None:
        if last is not None and data_until < last:
            raise InvalidValueError(
                "data_until is before the data's last meeting",
                rule="data_until",
                value=data_until,
            )
        if first is None:
            first = data_until
        last = data_until
    return Coverage(first, last, attendance=attendance)


_LOWEST_TARGET = Decimal(1)
_HIGHEST_TARGET = Decimal(100)
_TARGET_PLACES = 2


def ensure_target(value: object, name: str) -> Decimal:
    """*value* if it is a target percentage: a ``Decimal`` from 1 to 100
    with at most 2 decimal places. A fraction such as 0.92 is refused with
    a hint to write the percentage (92).

    >>> ensure_target(Decimal("92.5"), "target")
    Decimal('92.5')
    >>> ensure_target(Decimal("0.92"), "target")
    Traceback (most recent call last):
    ...
    mappa.errors.InvalidValueError: target: 0.92 looks like a fraction; write 92 (a target is a percentage from 1 to 100)
    """
    percent = _check.ensure_decimal(value, name)
    exponent = percent.normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if _LOWEST_TARGET <= percent <= _HIGHEST_TARGET and places <= _TARGET_PLACES:
        return percent
    expected = f"a target is a percentage from {_LOWEST_TARGET} to {_HIGHEST_TARGET}"
    if Decimal(0) < percent < _LOWEST_TARGET and places <= _TARGET_PLACES + 2:
        scaled = plain(percent * 100)
        message = f"{name}: {_check.shown(percent)} looks like a fraction; write {scaled} ({expected})"
    elif places > _TARGET_PLACES and _LOWEST_TARGET <= percent <= _HIGHEST_TARGET:
        message = f"{name}: {expected} with at most {_TARGET_PLACES} decimal places"
    else:
        message = f"{name}: {expected} with at most {_TARGET_PLACES} decimal places, got {_check.shown(percent)}"
    raise InvalidValueError(message, rule="targets", value=percent)


def plain(value: Decimal) -> str:
    """A percentage without a trailing '.0' (``95``, ``92.5``)."""
    return format(value.normalize(), "f")


def ensure_by(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = (value,)
    fields = _check.ensure_tuple_of(value, str, "by")
    for field in fields:
        if field not in GROUP_FIELDS:
            raise UnknownNameError(
                f"cannot group by that field; choose from {', '.join(GROUP_FIELDS)}",
                rule="by",
                suggestions=GROUP_FIELDS,
            )
    if len(set(fields)) != len(fields):
        raise InvalidValueError("by names a field twice", rule="by")
    return fields


def ensure_period(value: object, book: Rulebook) -> ReportingYear | Quarter:
    if isinstance(value, ReportingYear | Quarter):
        return value
    if isinstance(value, str):
        return parse_period(value, rulebook=book)
    raise InvalidTypeError(
        "period must be a ReportingYear, a Quarter or a label such as '2025/26' "
        f"or '2025Q3', not {_check.type_name(value)}",
        rule="period",
    )


_PREVIOUS = "previous"
_CURRENT = "current"


def targets_of(
    targets: object, book: Rulebook
) -> tuple[dict[Indicator, tuple[Decimal, Citation]], str]:
    """Each indicator's (target, citation), and a label for the set."""

    def read(
        source: Rulebook, previous: bool = False
    ) -> dict[Indicator, tuple[Decimal, Citation]]:
        """Every indicator's target from *source* (its previous edition, if
        asked for and it has one)."""
        found = {}
        for indicator in Indicator:
            edition = (
                _PREVIOUS
                if previous
                and any(
                    v.edition == _PREVIOUS for v in source.rule(indicator.rule).versions
                )
                else None
            )
            found[indicator] = (
                source.decimal(indicator.rule, edition=edition),
                source.citation(indicator.rule, edition=edition),
            )
        return found

    if targets is None or targets == _CURRENT:
        label = _CURRENT
        chosen = read(book)
    elif targets == _PREVIOUS:
        label = _PREVIOUS
        chosen = read(book, previous=True)
    elif isinstance(targets, Rulebook):
        label = "caller's rulebook"
        chosen = read(resolve(targets, book.on))  # as at the period end
    elif isinstance(targets, Mapping):
        label = "caller's"
        chosen = read(book)
        for key, value in targets.items():
            if isinstance(key, Indicator):
                indicator = key
            elif isinstance(key, str):
                try:
                    indicator = Indicator(key)
                except ValueError:
                    raise UnknownNameError(
                        "targets names an unknown indicator; expected "
                        + ", ".join(i.value for i in Indicator),
                        rule="targets",
                        suggestions=tuple(i.value for i in Indicator),
                    ) from None
            else:
                raise InvalidTypeError(
                    f"targets keys must be Indicator members or names, not {_check.type_name(key)}",
                    rule="targets",
                )
            percent = ensure_target(value, f"targets[{indicator.value}]")
            chosen[indicator] = (
                percent,
                Citation(
                    document="Caller's targets",
                    edition="local",
                    pinpoint=indicator.value,
                ),
            )
    elif isinstance(targets, str):
        raise UnknownNameError(
            "targets must be 'current', 'previous', a mapping or a Rulebook",
            rule="targets",
            suggestions=(_CURRENT, _PREVIOUS),
        )
    else:
        raise InvalidTypeError(
            "targets must be None, 'current', 'previous', a mapping of indicator to "
            f"Decimal, or a Rulebook, not {_check.type_name(targets)}",
            rule="targets",
        )
    return chosen, label


Counts = dict[Indicator, dict[tuple[str, ...], tuple[int, int, tuple[str, ...]]]]
"""What a counting engine returns for each indicator: each group's key (its
values, in the order of the grouping fields; ``()`` for Scotland, always
present) -> (numerator, denominator, the failed meetings' ids in input
order)."""
