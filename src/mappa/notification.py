"""Sex offender notification: periods and deadlines (Sexual Offences Act 2003 Part 2).

A person convicted in Scotland of an offence listed in Schedule 3 to the
Sexual Offences Act 2003 is subject to the notification requirements of
Part 2 for the *notification period* set by the table in s.82(1), which
depends on the disposal: an indefinite period for life imprisonment,
imprisonment for 30 months or more, an Order for Lifelong Restriction or a
hospital admission with a restriction order; 10 years for imprisonment of
more than 6 and less than 30 months; 7 years for imprisonment of 6 months
or less or a hospital admission without a restriction order; the offender
supervision period of a community payback order; 5 years for anything
else. Each fixed period is halved for a person under 18 on the relevant
date (s.82(2)), and every period *begins with* the relevant date (usually
the date of conviction), so it includes that date. A person cautioned in
England and Wales or Northern Ireland for a Schedule 3 offence is within
s.80(1)(d) and, living in Scotland, notifies here: 2 years beginning with
the date of the caution (1 year under 18). No Scottish disposal is a
caution for Part 2: asking about a caution given in Scotland raises
:class:`~mappa.errors.NotApplicable`. Which rows give an indefinite period,
which are halved, and where a caution counts are rules of the rulebook.

Then the deadlines, each a :class:`Deadline` with the rule and section
that set it: initial notification within 3 days beginning with the
relevant date (s.83(1)), with time in custody, in hospital or outside the
United Kingdom not counted (s.83(6)); a change within 3 days beginning with
the change (s.84(1)); periodic notification within one year after the last
notification, or 7 days for a person with no sole or main residence (s.85
and SSI 2013/216 reg. 2); foreign travel notice (SSI 2004/205 reg. 5, whose
Scottish wording is **unconfirmed**); and the date of discharge from which
an indefinite requirement is reviewed (s.88B: 15 years, 8 for a person
under 18 on the relevant date).

**Unconfirmed** (our reading, not yet checked against the statutory text):
the halving rule of s.82(2), the aggregation of terms in s.82(3)-(4), and
the foreign travel notice periods of SSI 2004/205 reg. 5 in Scotland. The
rest was checked against legislation.gov.uk.

**How terms compare with 6 and 30 months.** A term is held as years,
months and days, exactly as sentenced. A term in whole months (or years)
compares by its months: exactly 6 months is "6 months or less", exactly
30 months is "30 months or more". A term with a days part is compared by
the dates the term and the threshold reach when both are counted from the
relevant date, because a month has no fixed number of days. Where the
answer is the same from every start date (6 months and 1 day is always
more than 6 months) no date is needed; where it is not (29 months and 30
days), pass ``relevant_date=`` or an :class:`~mappa.errors.InvalidValueError`
says so. No function guesses.

>>> import datetime as dt
>>> from mappa.notification import (
...     Imprisonment, initial_notification_due, notification_period, review_date,
... )
>>> period = notification_period(Imprisonment(months=18), under_18=False)
>>> period.row.value, str(period.length), str(period.citation)
('imprisonment for more than 6 months but less than 30 months', '10 years', 'Sexual Offences Act 2003 (c. 42, Part 2, as it applies in Scotland), s.82(1), table')
>>> period.ends_on(dt.date(2025, 3, 14))
datetime.date(2035, 3, 13)
>>> str(notification_period(Imprisonment(years=1), under_18=True).length)
'5 years'
>>> notification_period(Imprisonment(months=30), under_18=False).indefinite
True
>>> initial_notification_due(dt.date(2025, 3, 14)).due
datetime.date(2025, 3, 16)
>>> review_date(dt.date(2025, 3, 14), under_18=False).due
datetime.date(2040, 3, 14)

More information:

* Sexual Offences Act 2003, ss.80-88I as they apply in Scotland:
  https://www.legislation.gov.uk/ukpga/2003/42/part/2
* Sexual Offences Act 2003 (Remedial) (Scotland) Order 2011 (SSI 2011/45),
  which inserted ss.88A-88I.
* Sexual Offences Act 2003 (Notification Requirements) (Scotland)
  Regulations 2013 (SSI 2013/216).
* Sexual Offences Act 2003 (Travel Notification Requirements) (Scotland)
  Regulations 2004 (SSI 2004/205).
"""

from __future__ import annotations

import calendar
import datetime as _dt
import enum
import functools
from collections.abc import Iterable, Sequence
from typing import Any, TypeAlias

import attrs

from mappa import _check
from mappa.deadlines import Deadline
from mappa.errors import InvalidTypeError, InvalidValueError, NotApplicable
from mappa.periods import Counting, DateRange, Duration
from mappa.rulebook import DEFAULT_RULEBOOK, Rulebook, resolve
from mappa.sources import Citation

__all__ = [
    "Caution",
    "CautionJurisdiction",
    "CommunityPaybackOrder",
    "Deadline",
    "Disposal",
    "HospitalOrder",
    "Imprisonment",
    "LifeImprisonment",
    "NotificationPeriod",
    "NotificationSchedule",
    "OrderForLifelongRestriction",
    "OtherDisposal",
    "PeriodRow",
    "ReviewReckoning",
    "TravelNotice",
    "change_notification_due",
    "combine_terms",
    "foreign_travel_notice",
    "initial_notification_due",
    "notification_period",
    "notification_schedule",
    "periodic_notification_due",
    "review_date",
]

_ONE_DAY = _dt.timedelta(days=1)

_CAUTION = "notification.caution"
_CAUTION_PERIOD = "notification.period.caution"
_INDEFINITE = "notification.period.indefinite"
_HALVED = "notification.under_18.rows"
_THRESHOLD_LONG = "notification.threshold.indefinite"
_THRESHOLD_SHORT = "notification.threshold.short"
_OVER_6 = "notification.period.over_6_months"
_UP_TO_6 = "notification.period.up_to_6_months"
_HOSPITAL = "notification.period.hospital"
_CPO = "notification.period.community_payback"
_OTHER = "notification.period.other"
_DIVISOR = "notification.under_18.divisor"
_INITIAL = "notification.initial"
_CHANGE = "notification.change"
_PERIODIC = "notification.periodic"
_NO_FIXED_ABODE = "notification.periodic.no_fixed_abode"
_RELEASE_EXTENSION = "notification.periodic.release_extension"
_TRAVEL = "notification.foreign_travel.notice"
_TRAVEL_HOURS = "notification.foreign_travel.minimum_notice_hours"
_REVIEW_ADULT = "notification.review.adult"
_REVIEW_UNDER_18 = "notification.review.under_18"


def _out_of_range(rule: str, value: object) -> InvalidValueError:
    return InvalidValueError(
        f"rule {rule!r}: the date is outside the dates Python can represent",
        rule=rule,
        value=value,
    )


def _add_days(day: _dt.date, days: int, rule: str) -> _dt.date:
    try:
        return day + _dt.timedelta(days=days)
    except OverflowError:
        raise _out_of_range(rule, day) from None


# -- disposals ------------------------------------------------------------------


@attrs.frozen
class Imprisonment:
    """Imprisonment (or detention) for a term of years, months and days.

    Detention of young offenders (in a young offenders institution, or of a
    child under s.208 of the Criminal Procedure (Scotland) Act 1995) counts
    as imprisonment for Part 2 (s.131). Parts are kept as sentenced
    (``Imprisonment(months=30)`` stays 30 months); every part is a
    non-negative ``int`` and the term must not be zero.

    >>> str(Imprisonment(years=2, months=6).term)
    '2 years 6 months'
    """

    years: int = attrs.field(
        default=0, validator=_check.v_non_negative_int, kw_only=True
    )
    months: int = attrs.field(
        default=0, validator=_check.v_non_negative_int, kw_only=True
    )
    days: int = attrs.field(
        default=0, validator=_check.v_non_negative_int, kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        if not (self.years or self.months or self.days):
            raise InvalidValueError(
                "a term of imprisonment must not be zero: give years, months or days",
                rule="Imprisonment",
                value=0,
            )

    @property
    def term(self) -> Duration:
        """The term as a :class:`~mappa.periods.Duration`."""
        return Duration(years=self.years, months=self.months, days=self.days)

    def __str__(self) -> str:
        return f"imprisonment for {self.term}"


@attrs.frozen
class LifeImprisonment:
    """Imprisonment (or detention) for life: an indefinite period (s.82(1))."""


@attrs.frozen
class OrderForLifelongRestriction:
    """An Order for Lifelong Restriction (Criminal Procedure (Scotland) Act
    1995 s.210F(1)): an indefinite period (s.82(1))."""


@attrs.frozen
class HospitalOrder:
    """Admission to hospital in respect of the offence or finding.

    Attributes:
        restriction_order: True if subject to a restriction order
            (indefinite period), False if not (7 years).
    """

    restriction_order: bool = attrs.field(validator=_check.v_bool)


@attrs.frozen
class CommunityPaybackOrder:
    """A community payback order imposing an offender supervision requirement.

    The notification period is the specified period for the offender
    supervision requirement (s.82(1), table, as amended).

    Attributes:
        supervision: the specified supervision period.
    """

    supervision: Duration = attrs.field(validator=_check.v_instance(Duration))


@attrs.frozen
class OtherDisposal:
    """Any other disposal (a fine, an admonition...): 5 years (s.82(1))."""


class CautionJurisdiction(enum.Enum):
    """Where a caution was given."""

    ENGLAND_AND_WALES = "England and Wales"
    NORTHERN_IRELAND = "Northern Ireland"
    SCOTLAND = "Scotland"
    """No Scottish disposal is a caution for Part 2 (s.80(1)(d))."""

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class Caution:
    """A caution for a Schedule 3 offence, and where it was given.

    A caution given in England and Wales or Northern Ireland brings a
    person within s.80(1)(d) wherever they live, so a person living in
    Scotland notifies here: 2 years beginning with the date of the caution
    (s.82(1), (6)(c)), halved under 18 (s.82(2)). Asked about a caution
    given in Scotland, :func:`notification_period` raises
    :class:`~mappa.errors.NotApplicable`. Where a caution counts is the
    rule ``notification.caution``.

    Attributes:
        where: the jurisdiction that gave the caution.
    """

    where: CautionJurisdiction = attrs.field(
        validator=_check.v_instance(CautionJurisdiction), kw_only=True
    )


Disposal: TypeAlias = (
    Imprisonment
    | LifeImprisonment
    | OrderForLifelongRestriction
    | HospitalOrder
    | CommunityPaybackOrder
    | OtherDisposal
    | Caution
)
"""The disposals the s.82(1) table distinguishes for a person notifying in Scotland."""

_DISPOSAL_TYPES = (
    Imprisonment,
    LifeImprisonment,
    OrderForLifelongRestriction,
    HospitalOrder,
    CommunityPaybackOrder,
    OtherDisposal,
    Caution,
)


def _months_days(duration: Duration) -> tuple[int, int]:
    return duration.total_months, duration.weeks * 7 + duration.days


def combine_terms(
    terms: Sequence[Imprisonment],
    *,
    overlaps: Sequence[Duration | None] | None = None,
) -> Imprisonment:
    """One term for several Schedule 3 offences sentenced together (s.82(3)-(4)).

    Consecutive terms count as one term of their sum; two partly concurrent
    terms X and Y that overlap for a period Z count as X + Y - Z. Give
    *overlaps* with one entry per neighbouring pair of *terms* (``None`` for
    a pair that is consecutive). The arithmetic is exact, in months and days
    separately (weeks count as 7 days): an overlap must be given in the same
    units as the terms it overlaps, and must be shorter than each of them in
    every unit, so an overlap of 45 days between terms in months is refused
    rather than guessed at. Give such terms in days.

    The statutory text of s.82(3)-(4) is **unconfirmed** in this library.

    >>> str(combine_terms([Imprisonment(months=4), Imprisonment(months=3)]))
    'imprisonment for 7 months'
    >>> str(combine_terms(
    ...     [Imprisonment(months=20), Imprisonment(months=20)],
    ...     overlaps=[Duration(months=12)],
    ... ))
    'imprisonment for 2 years 4 months'
    """
    items = _check.ensure_tuple_of(terms, Imprisonment, "terms")
    if not items:
        raise InvalidValueError("terms must not be empty", rule="terms", value=0)
    if overlaps is None:
        gaps: tuple[Duration | None, ...] = (None,) * (len(items) - 1)
    else:
        raw: object = overlaps
        if isinstance(raw, str | bytes) or not isinstance(raw, Iterable):
            raise InvalidTypeError(
                "overlaps must be a sequence of Duration or None, "
                f"not {_check.type_name(raw)}",
                rule="overlaps",
            )
        gaps = tuple(raw)
        for index, gap in enumerate(gaps):
            if gap is not None and not isinstance(gap, Duration):
                raise InvalidTypeError(
                    f"overlaps[{index}] must be a Duration or None, "
                    f"not {_check.type_name(gap)}",
                    rule="overlaps",
                    value=index,
                )
        if len(gaps) != len(items) - 1:
            raise InvalidValueError(
                f"give one overlap (or None) per neighbouring pair of terms: "
                f"{len(items)} terms need {len(items) - 1}, got {len(gaps)}",
                rule="overlaps",
                value=len(gaps),
            )
    months = sum(item.years * 12 + item.months for item in items)
    days = sum(item.days for item in items)
    for index, gap in enumerate(gaps):
        if gap is None:
            continue
        gap_months, gap_days = _months_days(gap)
        for neighbour in (items[index], items[index + 1]):
            term_months, term_days = _months_days(neighbour.term)
            if (
                gap_months > term_months
                or gap_days > term_days
                or (gap_months, gap_days) == (term_months, term_days)
            ):
                raise InvalidValueError(
                    f"overlaps[{index}] ({gap}) must be shorter than each of the "
                    f"terms it overlaps ({neighbour.term}) in months and in days: "
                    "give the terms and the overlap in the same units",
                    rule="overlaps",
                    value=index,
                )
        months -= gap_months
        days -= gap_days
    return Imprisonment(years=months // 12, months=months % 12, days=days)


# -- comparing a term with a threshold -------------------------------------------

_SWEEP_START = _dt.date(2095, 1, 1)
_SWEEP_DAYS = 6 * 366  # 2095-2100: leap and common Februaries, and 2100 (common)


def _sign(a: _dt.date, b: _dt.date) -> int:
    return (a > b) - (a < b)


def _plus_months(day: _dt.date, months: int) -> _dt.date:
    """*day* plus *months*, the day clamped to the month's end (as relativedelta)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return _dt.date(
        year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1])
    )


@functools.lru_cache(maxsize=256)
def _gaps(months: int, threshold_months: int) -> frozenset[int]:
    """Every number of days from (start + *months*) to (start + *threshold_months*).

    Taken over a window of start dates chosen so that (start + *months*),
    where the days being compared begin, runs through every day of the
    month, every month, common and leap years and a common century year:
    every calendar pattern a term of a few years can meet. (A window of
    start dates fixed whatever *months* would leave the spans it measures
    past the leap years for a longer term.)
    """
    first = _plus_months(_SWEEP_START, -months)
    gaps = set()
    for offset in range(_SWEEP_DAYS):
        start = first + _dt.timedelta(days=offset)
        gaps.add(
            (_plus_months(start, threshold_months) - _plus_months(start, months)).days
        )
    return frozenset(gaps)


def _sweep(months: int, days: int, threshold_months: int) -> frozenset[int]:
    """The signs of term-vs-threshold over every start date of the window."""
    return frozenset(
        (days > gap) - (days < gap) for gap in _gaps(months, threshold_months)
    )


def _signs(
    term: Duration, threshold: Duration, start: _dt.date | None, rule: str
) -> frozenset[int]:
    """How *term* compares with *threshold*: the possible signs (-1, 0, 1).

    One sign when the answer is the same from every start date (or *start*
    is given); more than one when it depends on the date.
    """
    months, days = _months_days(term)
    limit_months, limit_days = _months_days(threshold)
    if limit_days:
        raise InvalidValueError(
            f"rule {rule!r} must be a whole number of months or years, not {threshold}",
            rule=rule,
            value=threshold,
        )
    if months >= limit_months:
        return frozenset({0 if (months, days) == (limit_months, 0) else 1})
    gap = limit_months - months
    # Whatever the start date, `gap` months span from 28 * gap - 3 to
    # 31 * gap + 3 days (month ends shift each end by at most 3 days).
    if days < 28 * gap - 3:
        return frozenset({-1})
    if days > 31 * gap + 3:
        return frozenset({1})
    if start is not None:
        try:
            return frozenset({_sign(term.after(start), threshold.after(start))})
        except (OverflowError, ValueError):
            raise _out_of_range(rule, start) from None
    return _sweep(months, days, limit_months)


def _decide(
    term: Duration,
    threshold: Duration,
    start: _dt.date | None,
    rule: str,
    yes: frozenset[int],
) -> bool:
    """True if *term* compares with *threshold* by a sign in *yes*, whatever the date."""
    signs = _signs(term, threshold, start, rule)
    if signs <= yes:
        return True
    if not signs & yes:
        return False
    raise InvalidValueError(
        f"whether a term of {term} reaches {threshold} depends on the date it is "
        f"counted from (rule {rule!r}): pass relevant_date",
        rule=rule,
        value=term,
    )


_AT_LEAST = frozenset({0, 1})
_AT_MOST = frozenset({-1, 0})


# -- the notification period -------------------------------------------------------


class PeriodRow(enum.Enum):
    """The row of the s.82(1) table that sets a notification period."""

    LIFE = "imprisonment for life"
    TERM_30_MONTHS_OR_MORE = "imprisonment for a term of 30 months or more"
    LIFELONG_RESTRICTION = "order for lifelong restriction"
    HOSPITAL_WITH_RESTRICTION = "admission to hospital subject to a restriction order"
    TERM_OVER_6_MONTHS = "imprisonment for more than 6 months but less than 30 months"
    TERM_6_MONTHS_OR_LESS = "imprisonment for 6 months or less"
    HOSPITAL = "admission to hospital without a restriction order"
    COMMUNITY_PAYBACK = (
        "community payback order with an offender supervision requirement"
    )
    CAUTION = "a person within section 80(1)(d) (cautioned)"
    OTHER = "any other description"

    @property
    def indefinite(self) -> bool:
        """True for the rows that give an indefinite period in the default
        rulebook (rule ``notification.period.indefinite``)."""
        return self.name in DEFAULT_RULEBOOK.texts(_INDEFINITE)

    @property
    def rule(self) -> str:
        """The rulebook name of the rule that sets this row's period."""
        return _ROW_RULES[self]

    def __str__(self) -> str:
        return self.value


_ROW_RULES = {
    PeriodRow.LIFE: _INDEFINITE,
    PeriodRow.TERM_30_MONTHS_OR_MORE: _THRESHOLD_LONG,
    PeriodRow.LIFELONG_RESTRICTION: _INDEFINITE,
    PeriodRow.HOSPITAL_WITH_RESTRICTION: _INDEFINITE,
    PeriodRow.TERM_OVER_6_MONTHS: _OVER_6,
    PeriodRow.TERM_6_MONTHS_OR_LESS: _UP_TO_6,
    PeriodRow.HOSPITAL: _HOSPITAL,
    PeriodRow.COMMUNITY_PAYBACK: _CPO,
    PeriodRow.CAUTION: _CAUTION_PERIOD,
    PeriodRow.OTHER: _OTHER,
}


def _v_length(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    _check.v_optional_instance(Duration)(instance, attribute, value)


@attrs.frozen
class NotificationPeriod:
    """How long a person is subject to the notification requirements.

    Attributes:
        length: the fixed length, or ``None`` for an indefinite period.
        row: the row of the s.82(1) table that decided it.
        rule: the rulebook name of that row's rule.
        citation: the section that sets it.
        halved: True if the length was halved because the person was under
            18 on the relevant date (s.82(2)).
        halving_citation: the citation of the halving rule, if halved.
        counting: how the period is counted from the relevant date.

    Which rows are indefinite and which are halved is the rulebook's to
    say, so a period checks only its own shape: a halved period has a length.
    """

    length: Duration | None = attrs.field(validator=_v_length)
    row: PeriodRow = attrs.field(validator=_check.v_instance(PeriodRow))
    rule: str = attrs.field(validator=_check.v_text)
    citation: Citation = attrs.field(validator=_check.v_instance(Citation))
    halved: bool = attrs.field(default=False, validator=_check.v_bool)
    halving_citation: Citation | None = attrs.field(
        default=None, validator=_check.v_optional_instance(Citation)
    )
    counting: Counting = attrs.field(
        default=Counting.BEGINNING_WITH, validator=_check.v_instance(Counting)
    )

    def __attrs_post_init__(self) -> None:
        if self.halved and self.length is None:
            raise InvalidValueError(
                "an indefinite period is never halved",
                rule="NotificationPeriod",
                value=self.row.name,
            )

    @property
    def indefinite(self) -> bool:
        """True for an indefinite period."""
        return self.length is None

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The row's citation, then the halving rule's if halved."""
        if self.halving_citation is None:
            return (self.citation,)
        return (self.citation, self.halving_citation)

    def ends_on(self, relevant_date: _dt.date) -> _dt.date:
        """The last day of a fixed period *beginning with* *relevant_date*.

        The relevant date is day 1, so 10 years beginning with 14 March 2025
        end on 13 March 2035; 7 years beginning with 29 February 2024 (the 7
        years after 28 February 2024) end on 28 February 2031. An indefinite
        period has no end: :class:`~mappa.errors.NotApplicable`.

        >>> import datetime as dt
        >>> notification_period(OtherDisposal(), under_18=False).ends_on(dt.date(2024, 2, 29))
        datetime.date(2029, 2, 28)
        """
        relevant_date = _check.ensure_date(relevant_date, "relevant_date")
        if self.length is None:
            raise NotApplicable(
                f"an indefinite notification period ({self.row}) has no end date; "
                "see review_date for the date of discharge (s.88B)",
                rule=self.rule,
            )
        return self.counting.apply(self.length, relevant_date, rule=self.rule)


def _divide(duration: Duration, divisor: int, rule: str) -> Duration:
    """Exactly *duration* / *divisor*, in months and days, or an error."""
    months, days = _months_days(duration)
    if divisor < 1 or months % divisor or days % divisor:
        raise InvalidValueError(
            f"{duration} has no exact 1/{divisor} in whole months and days (rule {rule!r})",
            rule=rule,
            value=duration,
        )
    months //= divisor
    days //= divisor
    return Duration(years=months // 12, months=months % 12, days=days)


def notification_period(
    disposal: Disposal,
    *,
    under_18: bool,
    relevant_date: _dt.date | None = None,
    rulebook: Rulebook | None = None,
) -> NotificationPeriod:
    """The notification period for *disposal* (s.82(1)), halved if *under_18* (s.82(2)).

    *under_18* is the person's age on the relevant date. *relevant_date*
    is needed to compare a term with a days part whose answer depends on
    the date (see the module docs); the table itself applies to every
    relevant date, including those before Part 2 began (s.81). The rules
    are read as at *relevant_date* (as at today without one, or as at the
    date of a rulebook from :meth:`~mappa.rulebook.Rulebook.as_at`); a
    relevant date before Part 2 began reads the table as it began.

    The community payback row is the supervision period as given, never
    halved: s.82(2) halves periods stated in years. The halving rule's
    statutory text is **unconfirmed** in this library.

    >>> str(notification_period(Imprisonment(months=6), under_18=False).length)
    '7 years'
    >>> str(notification_period(Imprisonment(months=6, days=1), under_18=False).length)
    '10 years'
    >>> str(notification_period(Imprisonment(years=2), under_18=True).length)
    '5 years'
    >>> str(notification_period(Imprisonment(months=6), under_18=True).length)
    '3 years 6 months'
    >>> str(notification_period(Caution(where=CautionJurisdiction.NORTHERN_IRELAND), under_18=False).length)
    '2 years'
    >>> str(notification_period(Caution(where=CautionJurisdiction.ENGLAND_AND_WALES), under_18=True).length)
    '1 year'
    >>> notification_period(Caution(where=CautionJurisdiction.SCOTLAND), under_18=False)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    mappa.errors.NotApplicable: a caution given in Scotland does not make a person subject to ...
    """
    under_18 = _check.ensure_bool(under_18, "under_18")
    relevant_date = _check.ensure_optional_date(relevant_date, "relevant_date")
    # Part 2 began on the first day its rules apply; the table applies to
    # earlier relevant dates too (s.81), so those read it as it began.
    book = resolve(rulebook)
    if relevant_date is not None:
        start = book.rule(_INDEFINITE).in_force_from
        book = book.as_at(
            relevant_date if start is None or relevant_date >= start else start
        )
    if not isinstance(disposal, _DISPOSAL_TYPES):
        raise InvalidTypeError(
            f"disposal must be one of {', '.join(t.__name__ for t in _DISPOSAL_TYPES)}, "
            f"not {_check.type_name(disposal)}",
            rule="disposal",
        )
    supervision: Duration | None = None
    if isinstance(disposal, LifeImprisonment):
        row = PeriodRow.LIFE
    elif isinstance(disposal, OrderForLifelongRestriction):
        row = PeriodRow.LIFELONG_RESTRICTION
    elif isinstance(disposal, HospitalOrder):
        row = (
            PeriodRow.HOSPITAL_WITH_RESTRICTION
            if disposal.restriction_order
            else PeriodRow.HOSPITAL
        )
    elif isinstance(disposal, CommunityPaybackOrder):
        row = PeriodRow.COMMUNITY_PAYBACK
        supervision = disposal.supervision
    elif isinstance(disposal, OtherDisposal):
        row = PeriodRow.OTHER
    elif isinstance(disposal, Caution):
        if disposal.where.name not in book.texts(_CAUTION):
            raise NotApplicable(
                f"a caution given in {disposal.where} does not make a person "
                "subject to the notification requirements: s.80(1)(d) "
                f"[{book.citation(_CAUTION)}]",
                rule=_CAUTION,
                value=disposal.where,
            )
        row = PeriodRow.CAUTION
    else:
        term = disposal.term
        long = book.duration(_THRESHOLD_LONG)
        short = book.duration(_THRESHOLD_SHORT)
        if _decide(term, long, relevant_date, _THRESHOLD_LONG, _AT_LEAST):
            row = PeriodRow.TERM_30_MONTHS_OR_MORE
        elif _decide(term, short, relevant_date, _THRESHOLD_SHORT, _AT_MOST):
            row = PeriodRow.TERM_6_MONTHS_OR_LESS
        else:
            row = PeriodRow.TERM_OVER_6_MONTHS
    rule = row.rule
    citation = book.citation(rule)
    if row.name in book.texts(_INDEFINITE):
        return NotificationPeriod(length=None, row=row, rule=rule, citation=citation)
    counting = book.counting(rule)
    if supervision is not None:
        return NotificationPeriod(
            length=supervision,
            row=row,
            rule=rule,
            citation=citation,
            counting=counting,
        )
    length = book.duration(rule)
    if not under_18 or row.name not in book.texts(_HALVED):
        return NotificationPeriod(
            length=length, row=row, rule=rule, citation=citation, counting=counting
        )
    return NotificationPeriod(
        length=_divide(length, book.integer(_DIVISOR), _DIVISOR),
        row=row,
        rule=rule,
        citation=citation,
        halved=True,
        halving_citation=book.citation(_DIVISOR),
        counting=counting,
    )


# -- deadlines ------------------------------------------------------------------------


def _merged(ranges: object, name: str) -> list[DateRange]:
    """*ranges* sorted, with overlapping and touching ranges merged."""
    items = sorted(
        _check.ensure_tuple_of(ranges, DateRange, name), key=lambda r: r.start
    )
    merged: list[DateRange] = []
    for item in items:
        if merged and (item.start - merged[-1].end).days <= 1:
            if item.end > merged[-1].end:
                merged[-1] = DateRange(merged[-1].start, item.end)
        else:
            merged.append(item)
    return merged


def _counted_days_due(
    start: _dt.date, rule: str, excluded: object, book: Rulebook
) -> Deadline:
    """The last day of N counted days from *start*, excluded days not counted."""
    duration = book.duration(rule, on=start)
    counting = book.counting(rule)
    if not duration.is_calendar_days or counting not in (
        Counting.BEGINNING_WITH,
        Counting.AFTER,
    ):
        raise InvalidValueError(
            f"rule {rule!r} must be a number of days counted 'beginning with' or "
            f"'after', not {duration} {counting}",
            rule=rule,
        )
    remaining = duration.total_days
    cursor = start if counting is Counting.BEGINNING_WITH else _add_days(start, 1, rule)
    skipped = 0
    for block in _merged(excluded, "excluded"):
        if block.end < cursor:
            continue
        available = max(0, (block.start - cursor).days)
        if available >= remaining:
            break
        remaining -= available
        skipped += (block.end - max(block.start, cursor)).days + 1
        cursor = _add_days(block.end, 1, rule)
    due = _add_days(cursor, remaining - 1, rule)
    rule_info = book.rule(rule)
    return Deadline(
        due=due,
        rule=rule,
        citation=book.citation(rule, on=start),
        days_added=skipped,
        unconfirmed=rule_info.unconfirmed,
    )


def initial_notification_due(
    relevant_date: _dt.date,
    *,
    excluded: Sequence[DateRange] = (),
    rulebook: Rulebook | None = None,
) -> Deadline:
    """The last day for the initial notification (s.83(1), (6)).

    The period is 3 days *beginning with* the relevant date: the relevant
    date is day 1. Days in *excluded* ranges (custody, hospital, outside the
    United Kingdom) are not counted, so each moves the deadline on by a
    day; ranges may overlap and come in any order. A range covers whole
    days: end it on the last whole day in custody, since the day of release
    counts (release is itself a change under s.84(1)(d)).

    The rule is read as at the relevant date: one before Part 2 came into
    force in Scotland (1 May 2004) raises :class:`~mappa.errors.RuleNotInForce`.

    >>> import datetime as dt
    >>> initial_notification_due(dt.date(2025, 3, 14)).due
    datetime.date(2025, 3, 16)
    >>> custody = DateRange(dt.date(2025, 3, 14), dt.date(2025, 3, 20))
    >>> initial_notification_due(dt.date(2025, 3, 14), excluded=[custody]).due
    datetime.date(2025, 3, 23)
    """
    relevant_date = _check.ensure_date(relevant_date, "relevant_date")
    return _counted_days_due(
        relevant_date, _INITIAL, excluded, resolve(rulebook, relevant_date)
    )


def change_notification_due(
    change_date: _dt.date,
    *,
    excluded: Sequence[DateRange] = (),
    rulebook: Rulebook | None = None,
) -> Deadline:
    """The last day to notify a change (s.84(1), with s.83(6) by s.84(5)).

    3 days *beginning with* the change (a new name, a new home address, the
    end of a 7-day stay elsewhere, release, new bank or card details), with
    excluded days not counted as for :func:`initial_notification_due`. The
    rule is read as at the change.

    >>> import datetime as dt
    >>> change_notification_due(dt.date(2025, 2, 27)).due
    datetime.date(2025, 3, 1)
    """
    change_date = _check.ensure_date(change_date, "change_date")
    return _counted_days_due(
        change_date, _CHANGE, excluded, resolve(rulebook, change_date)
    )


def _periodic_rule(no_fixed_abode: bool) -> str:
    return _NO_FIXED_ABODE if no_fixed_abode else _PERIODIC


def periodic_notification_due(
    last_notification: _dt.date,
    *,
    no_fixed_abode: bool = False,
    excluded: Sequence[DateRange] = (),
    rulebook: Rulebook | None = None,
) -> Deadline:
    """The last day for the next periodic notification (s.85).

    Within one year *after* the last notification (s.85(1), (5)(b)): the
    year is counted after the notification, so it ends on the anniversary
    (one year after 29 February 2024 is 28 February 2025). For a person with
    no sole or main residence (*no_fixed_abode*), 7 days after
    (SSI 2013/216 reg. 2, from 8 July 2013; an earlier *last_notification*
    raises :class:`~mappa.errors.RuleNotInForce`).

    If the period would end while the person is in custody, in hospital or
    outside the United Kingdom (a date in *excluded*), it continues to the
    end of the 3 days beginning with the day after that time ends (s.85(3)).
    The rules are read as at the last notification.

    >>> import datetime as dt
    >>> periodic_notification_due(dt.date(2025, 3, 14)).due
    datetime.date(2026, 3, 14)
    >>> periodic_notification_due(dt.date(2025, 3, 14), no_fixed_abode=True).due
    datetime.date(2025, 3, 21)
    """
    last_notification = _check.ensure_date(last_notification, "last_notification")
    no_fixed_abode = _check.ensure_bool(no_fixed_abode, "no_fixed_abode")
    book = resolve(rulebook, last_notification)
    blocks = _merged(excluded, "excluded")
    return _periodic_due(
        last_notification,
        _periodic_rule(no_fixed_abode),
        blocks,
        book,
        on=last_notification,
    )


def _periodic_due(
    last_notification: _dt.date,
    rule: str,
    blocks: Sequence[DateRange],
    book: Rulebook,
    *,
    on: _dt.date,
) -> Deadline:
    """The periodic deadline after *last_notification*, its rules read as at *on*."""
    due = book.counting(rule).apply(
        book.duration(rule, on=on), last_notification, rule=rule
    )
    added = 0
    for block in blocks:
        if block.contains(due):
            extension = book.duration(_RELEASE_EXTENSION, on=on)
            extended = book.counting(_RELEASE_EXTENSION).apply(
                extension,
                _add_days(block.end, 1, _RELEASE_EXTENSION),
                rule=_RELEASE_EXTENSION,
            )
            added = (extended - due).days
            due = extended
            break
    return Deadline(
        due=due,
        rule=rule,
        citation=book.citation(rule, on=on),
        days_added=added,
        unconfirmed=book.rule(rule).unconfirmed,
    )


@attrs.frozen
class TravelNotice:
    """When to notify travel outside the United Kingdom (**unconfirmed** text).

    Attributes:
        due: the latest date for the usual notice (7 days before departure).
        minimum_notice_hours: where that is not possible, the fewest hours
            before departure at which notice may still be given.
        rule: the rulebook name of the notice rule.
        citation: the regulation that sets it.
        unconfirmed: True while the Scottish wording is unconfirmed.
    """

    due: _dt.date = attrs.field(validator=_check.v_date)
    minimum_notice_hours: int = attrs.field(validator=_check.v_non_negative_int)
    rule: str = attrs.field(validator=_check.v_text)
    citation: Citation = attrs.field(validator=_check.v_instance(Citation))
    unconfirmed: bool = attrs.field(default=True, validator=_check.v_bool)

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The notice's citation, as the one-element tuple every result has."""
        return (self.citation,)


def foreign_travel_notice(
    departure: _dt.date, *, rulebook: Rulebook | None = None
) -> TravelNotice:
    """Notice due for a trip outside the United Kingdom departing on *departure*.

    Every trip is notifiable (SSI 2013/216 reg. 3(2)(a) removed the 3-day
    minimum from SSI 2004/205 reg. 5(1)). Notice is read as due 7 days
    before departure, or where that is not possible at least 12 hours before
    (the 12 replaced 24 in reg. 5(3)). **Unconfirmed**: the 7 days and the
    wording of reg. 5 as it applies in Scotland have not been checked
    against the regulation's text; both numbers are rulebook values a
    caller can override. The rules are read as at the departure date.

    >>> import datetime as dt
    >>> notice = foreign_travel_notice(dt.date(2025, 8, 1))
    >>> notice.due, notice.minimum_notice_hours, notice.unconfirmed
    (datetime.date(2025, 7, 25), 12, True)
    """
    departure = _check.ensure_date(departure, "departure")
    book = resolve(rulebook, departure)
    due = book.counting(_TRAVEL).apply(
        book.duration(_TRAVEL, on=departure), departure, rule=_TRAVEL
    )
    return TravelNotice(
        due=due,
        minimum_notice_hours=book.integer(_TRAVEL_HOURS, on=departure),
        rule=_TRAVEL,
        citation=book.citation(_TRAVEL, on=departure),
        unconfirmed=book.rule(_TRAVEL).unconfirmed
        or book.rule(_TRAVEL_HOURS).unconfirmed,
    )


class ReviewReckoning(enum.Enum):
    """How the date of discharge of an indefinite requirement is counted."""

    FROM_RELEVANT_DATE = "from the relevant date"
    """The statute (s.88B(1)-(2)): 15 (or 8) years after the relevant date,
    with time in custody, in hospital or outside the United Kingdom before
    the first notification disregarded. The default."""

    FROM_FIRST_NOTIFICATION = "from the first notification"
    """The 2016 national guidance's reading: 15 (or 8) years after the date
    of the first notification."""


def review_date(
    relevant_date: _dt.date,
    *,
    under_18: bool,
    reckoning: ReviewReckoning = ReviewReckoning.FROM_RELEVANT_DATE,
    first_notification: _dt.date | None = None,
    excluded: Sequence[DateRange] = (),
    rulebook: Rulebook | None = None,
) -> Deadline:
    """The date of discharge of an indefinite notification requirement (s.88B).

    By the statute (the default reckoning), the date falling 15 years after
    the relevant date, or 8 years if the person was under 18 then, plus one
    day for every day in *excluded* (custody, hospital, outside the United
    Kingdom) from the relevant date until the day before
    *first_notification* (required when *excluded* is given). The years are
    added first (the corresponding date, 28 February for 29 February), then
    the disregarded days. By this date the Chief Constable either makes a
    notification continuation order (up to 15 more years, s.88C) or tells
    the person the requirement ends.

    With :attr:`ReviewReckoning.FROM_FIRST_NOTIFICATION` (the 2016 guidance)
    it is the same number of years after *first_notification*, and
    *excluded* must be empty. Later imprisonment (s.88B(3)-(4)) is not
    counted by either. The rules are read as at the relevant date (as at
    the day s.88B applied, for an earlier relevant date).

    >>> import datetime as dt
    >>> review_date(dt.date(2024, 2, 29), under_18=True).due
    datetime.date(2032, 2, 29)
    >>> review_date(
    ...     dt.date(2025, 3, 14), under_18=False,
    ...     first_notification=dt.date(2027, 3, 14),
    ...     excluded=[DateRange(dt.date(2025, 3, 14), dt.date(2027, 3, 11))],
    ... ).due
    datetime.date(2042, 3, 12)
    """
    relevant_date = _check.ensure_date(relevant_date, "relevant_date")
    under_18 = _check.ensure_bool(under_18, "under_18")
    reckoning = _check.ensure_member(reckoning, ReviewReckoning, "reckoning")
    first_notification = _check.ensure_optional_date(
        first_notification, "first_notification"
    )
    blocks = _merged(excluded, "excluded")
    rule = _REVIEW_UNDER_18 if under_18 else _REVIEW_ADULT
    book = resolve(rulebook)
    # s.88B reaches every indefinite requirement, whenever the relevant
    # date: one before the section applied reads it as it began.
    start = book.rule(rule).in_force_from
    book = book.as_at(
        relevant_date if start is None or relevant_date >= start else start
    )
    if first_notification is not None and first_notification < relevant_date:
        raise InvalidValueError(
            f"first_notification ({first_notification.isoformat()}) must not be "
            f"before the relevant date ({relevant_date.isoformat()})",
            rule=rule,
            value=first_notification,
        )
    duration = book.duration(rule)
    counting = book.counting(rule)
    if reckoning is ReviewReckoning.FROM_FIRST_NOTIFICATION:
        if first_notification is None:
            raise InvalidValueError(
                "counting from the first notification needs first_notification",
                rule=rule,
            )
        if blocks:
            raise InvalidValueError(
                "excluded periods are disregarded only when counting from the "
                "relevant date (s.88B(2))",
                rule=rule,
            )
        due = counting.apply(duration, first_notification, rule=rule)
        return Deadline(due=due, rule=rule, citation=book.citation(rule))
    disregarded = 0
    if blocks:
        if first_notification is None:
            raise InvalidValueError(
                "time is disregarded only before the first notification (s.88B(2)): "
                "pass first_notification with excluded",
                rule=rule,
            )
        last = (
            first_notification - _ONE_DAY
            if first_notification > relevant_date
            else None
        )
        for block in blocks:
            if last is None:
                break
            start, end = max(block.start, relevant_date), min(block.end, last)
            if start <= end:
                disregarded += (end - start).days + 1
    base = counting.apply(duration, relevant_date, rule=rule)
    return Deadline(
        due=_add_days(base, disregarded, rule),
        rule=rule,
        citation=book.citation(rule),
        days_added=disregarded,
    )


# -- schedules --------------------------------------------------------------------------


@attrs.frozen(repr=False)
class NotificationSchedule:
    """The notification duties that follow one disposal, for a case system.

    Attributes:
        period: the notification period.
        initial: the initial notification deadline.
        periodic: each periodic notification deadline in turn, on the
            assumption that each notification is made on its last day and no
            change notification restarts the year.
        ends_on: the last day of a fixed period, or ``None`` if indefinite.
        horizon: the last day the schedule covers, if one was given.
    """

    period: NotificationPeriod = attrs.field(
        validator=_check.v_instance(NotificationPeriod)
    )
    initial: Deadline = attrs.field(validator=_check.v_instance(Deadline))
    periodic: tuple[Deadline, ...] = attrs.field(validator=_check.v_tuple_of(Deadline))
    ends_on: _dt.date | None = attrs.field(
        default=None, validator=_check.v_optional_date
    )
    horizon: _dt.date | None = attrs.field(
        default=None, validator=_check.v_optional_date
    )

    @property
    def due_dates(self) -> tuple[_dt.date, ...]:
        """The periodic due dates alone."""
        return tuple(deadline.due for deadline in self.periodic)

    def __repr__(self) -> str:
        # A schedule can hold hundreds of deadlines: the repr names the span.
        span = (
            f"{self.periodic[0].due.isoformat()}..{self.periodic[-1].due.isoformat()}"
            if self.periodic
            else "none"
        )
        return (
            f"NotificationSchedule(period={self.period.rule!r}, "
            f"initial={self.initial.due.isoformat()}, "
            f"periodic=<{len(self.periodic)} deadlines: {span}>, "
            f"ends_on={self.ends_on!r}, horizon={self.horizon!r})"
        )

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        # IPython and Hypothesis print with this: the short repr, not every field.
        printer.text(repr(self))


def notification_schedule(
    disposal: Disposal,
    relevant_date: _dt.date,
    *,
    under_18: bool,
    first_notification: _dt.date,
    no_fixed_abode: bool = False,
    excluded: Sequence[DateRange] = (),
    horizon: _dt.date | None = None,
    rulebook: Rulebook | None = None,
) -> NotificationSchedule:
    """Every periodic notification due date from *first_notification* on.

    Each due date is one year (or 7 days, *no_fixed_abode*) after the one
    before, the first after *first_notification*, assuming each notification
    is made on its due date. The schedule stops at the last day of a fixed
    period, or at *horizon* (required for an indefinite period), whichever
    is first. Changes notified under s.84 restart the year (s.85(1)); pass
    the date of the last notification as *first_notification* to
    recompute from it. The period and the initial notification are read as
    at the relevant date, the periodic rule as at *first_notification*.

    *excluded* (custody, hospital, outside the United Kingdom) moves each
    deadline exactly as :func:`initial_notification_due` and
    :func:`periodic_notification_due` move it: the schedule's initial
    deadline is ``initial_notification_due(relevant_date,
    excluded=excluded)`` and each periodic one is computed as
    ``periodic_notification_due(previous, excluded=excluded)`` computes it,
    the first from *first_notification*: the same dates, the periodic rule
    being read as at *first_notification* throughout (a version of the
    rule that starts later does not change the schedule).

    >>> import datetime as dt
    >>> schedule = notification_schedule(
    ...     OtherDisposal(), dt.date(2025, 3, 14), under_18=True,
    ...     first_notification=dt.date(2025, 3, 15),
    ... )
    >>> schedule.ends_on, [d.isoformat() for d in schedule.due_dates]
    (datetime.date(2027, 9, 13), ['2026-03-15', '2027-03-15'])
    """
    relevant_date = _check.ensure_date(relevant_date, "relevant_date")
    first_notification = _check.ensure_date(first_notification, "first_notification")
    no_fixed_abode = _check.ensure_bool(no_fixed_abode, "no_fixed_abode")
    horizon = _check.ensure_optional_date(horizon, "horizon")
    book = resolve(rulebook, relevant_date)
    period = notification_period(
        disposal, under_18=under_18, relevant_date=relevant_date, rulebook=book
    )
    if first_notification < relevant_date:
        raise InvalidValueError(
            f"first_notification ({first_notification.isoformat()}) must not be "
            f"before the relevant date ({relevant_date.isoformat()})",
            rule=_INITIAL,
            value=first_notification,
        )
    blocks = tuple(_merged(excluded, "excluded"))
    initial = initial_notification_due(relevant_date, excluded=blocks, rulebook=book)
    ends = None if period.indefinite else period.ends_on(relevant_date)
    if ends is None and horizon is None:
        raise InvalidValueError(
            "an indefinite notification period needs a horizon for its schedule",
            rule=period.rule,
        )
    limit = min(d for d in (ends, horizon) if d is not None)
    rule = _periodic_rule(no_fixed_abode)
    book.duration(rule, on=first_notification)  # in force then, or RuleNotInForce
    deadlines: list[Deadline] = []
    last = first_notification
    while True:
        try:
            deadline = _periodic_due(last, rule, blocks, book, on=first_notification)
        except InvalidValueError:
            break  # beyond the calendar: the limit cannot be reached either
        if deadline.due > limit or deadline.due <= last:
            break
        deadlines.append(deadline)
        last = deadline.due
    return NotificationSchedule(
        period=period,
        initial=initial,
        periodic=tuple(deadlines),
        ends_on=ends,
        horizon=horizon,
    )
