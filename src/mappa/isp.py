"""Intensive support packages: funding splits, periods, pro-rating, forecasts.

The Scottish Government approves funding for an intensive support package
(ISP) in advance, usually for six months at a time; the local authority
funds at least 10% of the costs from its section 27 budget (guidance para
18.25). A package ended early by recall to custody or removal must be
reported (para 18.26), and Justice Social Work managers send a provisional
list of ISP cases for the coming financial year with the likelihood that
the funding will be needed (para 18.24).

Money is ``Decimal`` in whole pennies. Every amount passed in must be a
non-negative ``Decimal`` with no digits below the penny (``Decimal('12.5')``
and ``Decimal('12.50')`` are both fine; ``Decimal('12.505')`` is refused,
since rounding a caller's total silently would break "the parts sum to the
whole"); floats are refused with a ``TypeError``. Every split's parts sum
exactly to the whole.

>>> import datetime as dt
>>> from decimal import Decimal
>>> from mappa.isp import (
...     PackageRate, RateUnit, SupportPackage, apportion, approval_period, split_cost,
... )
>>> split = split_cost(Decimal("12345.67"))
>>> split.local_authority, split.scottish_government
(Decimal('1234.57'), Decimal('11111.10'))
>>> period = approval_period(dt.date(2025, 12, 1))
>>> period.start, period.end, period.days
(datetime.date(2025, 12, 1), datetime.date(2026, 5, 31), 182)
>>> package = SupportPackage(period, PackageRate(Decimal("700.00"), RateUnit.WEEK))
>>> package.approved_amount
Decimal('18200.00')
>>> [(part.year.label, part.days, part.amount) for part in apportion(package.approved_amount, period)]
[('2025/26', 121, Decimal('12100.00')), ('2026/27', 61, Decimal('6100.00'))]

How this module counts (each choice is also in the function's docstring):

* **The local authority part** is the share of the total rounded *up* to
  the penny, so it is never below the minimum; the Scottish Government
  part is the rest.
* **A rate over a period**: a daily rate times the days in the period
  (both ends included); a weekly rate times the days divided by 7, rounded
  once at the end to the nearest penny (half a penny up).
* **Approval periods** are periods of six months *beginning with* their
  start date, so they end the day before the date six months later; a
  renewal begins the day after the previous period ends.
* **Financial-year apportionment** divides an amount by days between the
  financial years (1 April to 31 March) the period touches, by the largest
  remainder method: each year gets its exact share rounded down to the
  penny, and the pennies left over go to the years with the largest
  remainders (the earlier year on a tie).
* **Expected cost** is the sum of each package's amount times its
  likelihood, rounded once to the nearest penny (half up).

More information:

* MAPPA National Guidance (2023), paras 18.23-18.26.
* Social Work (Scotland) Act 1968, s.27.
"""

from __future__ import annotations

import datetime as _dt
import enum
import math
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from mappa import _check
from mappa.errors import InvalidValueError
from mappa.periods import DateRange, Duration
from mappa.rulebook import DEFAULT_RULEBOOK, Rulebook, resolve
from mappa.sources import Citation
from mappa.years import ReportingYear, _year_containing

__all__ = [
    "ApprovalPeriod",
    "CostSplit",
    "EndReason",
    "PackageRate",
    "ProRata",
    "ProvisionalForecast",
    "ProvisionalPackage",
    "RateUnit",
    "SupportPackage",
    "YearForecast",
    "YearShare",
    "apportion",
    "approval_period",
    "approval_periods",
    "package_cost",
    "pro_rata",
    "provisional_forecast",
    "split_cost",
]

_MINIMUM_SHARE = "isp.local_authority.minimum_share"
_APPROVAL_PERIOD = "isp.approval_period"
_END_REPORT = "isp.end.report"
_PROVISIONAL_LIST = "isp.provisional_list"

_PENNIES_PER_POUND = 100
_PERCENT = 100
_DAYS_PER_WEEK = 7
# Not a rule: a guard that keeps every sum well inside the decimal context,
# so arithmetic never overflows. No intensive support package comes near it.
_MONEY_LIMIT_PENNIES = 10**17
_ONE_DAY = _dt.timedelta(days=1)


# -- money ------------------------------------------------------------------


def _pennies(value: object, name: str) -> int:
    """*value* (a Decimal amount of money) as a whole number of pennies."""
    amount = _check.ensure_decimal(value, name)
    if amount < 0:
        raise InvalidValueError(
            f"{name} must not be negative, got {_check.shown(amount)}",
            rule=name,
            value=amount,
        )
    if amount >= Decimal(_MONEY_LIMIT_PENNIES) / _PENNIES_PER_POUND:
        raise InvalidValueError(
            f"{name} is too large to be an amount of money", rule=name, value=None
        )
    # Exactly, digit by digit: Decimal arithmetic would round an amount of
    # more than 28 significant digits to the context's precision first.
    _, digits, exponent = amount.as_tuple()
    assert isinstance(exponent, int)  # finite, checked above
    if exponent < -2:
        beyond = -2 - exponent
        if any(digits[-beyond:]):
            raise InvalidValueError(
                f"{name} must be a whole number of pennies, got "
                f"{_check.shown(amount)}: round it before passing it",
                rule=name,
                value=amount,
            )
        digits = digits[:-beyond]
        exponent = -2
    scale: int = 10 ** (exponent + 2)
    return int("".join(map(str, digits)) or "0") * scale


def _money(pennies: int, name: str) -> Decimal:
    """*pennies* as a Decimal amount of pounds with two decimal places."""
    if pennies >= _MONEY_LIMIT_PENNIES:
        raise InvalidValueError(
            f"{name} is too large to be an amount of money", rule=name, value=None
        )
    return Decimal(
        f"{pennies // _PENNIES_PER_POUND}.{pennies % _PENNIES_PER_POUND:02d}"
    )


def _half_up(pennies: Fraction) -> int:
    """*pennies* (non-negative) rounded to the nearest whole penny, half up."""
    return math.floor(pennies + Fraction(1, 2))


def _v_money(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _pennies(value, f"{type(instance).__name__}.{attribute.name}")


def _allocate(pennies: int, weights: Sequence[int]) -> list[int]:
    """*pennies* divided in proportion to *weights* by the largest remainder method.

    Every weight is positive. Each part is its exact quota rounded down;
    the pennies left over go one each to the parts with the largest
    remainders, the earliest first on a tie. The parts sum to *pennies*.
    """
    total = sum(weights)
    floors = [pennies * weight // total for weight in weights]
    remainders = [pennies * weight % total for weight in weights]
    left = pennies - sum(floors)
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    for index in order[:left]:
        floors[index] += 1
    return floors


# -- the local authority / Scottish Government split -----------------------


def _minimum_share(book: Rulebook) -> Decimal:
    minimum = book.decimal(_MINIMUM_SHARE)
    if not (minimum.is_finite() and 0 <= minimum <= _PERCENT):
        raise InvalidValueError(
            f"rule {_MINIMUM_SHARE!r} must be a percentage from 0 to 100, got {_check.shown(minimum)}",
            rule=_MINIMUM_SHARE,
            value=minimum,
        )
    return minimum


def _resolved_share(book: Rulebook, value: object) -> Decimal:
    """The caller's local authority share, or the rulebook minimum for ``None``."""
    minimum = _minimum_share(book)
    if value is None:
        return minimum
    return _share(value, minimum, "local_authority_share")


def _share(value: object, minimum: Decimal, name: str) -> Decimal:
    share = _check.ensure_decimal(value, name)
    if share < minimum:
        raise InvalidValueError(
            f"{name} must be at least the {minimum}% the local authority funds "
            f"(rule {_MINIMUM_SHARE!r}), got {_check.shown(share)}%",
            rule=_MINIMUM_SHARE,
            value=share,
        )
    if share > _PERCENT:
        raise InvalidValueError(
            f"{name} must be at most 100%, got {_check.shown(share)}%",
            rule=name,
            value=share,
        )
    return share


def _v_percent(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    name = f"{type(instance).__name__}.{attribute.name}"
    share = _check.ensure_decimal(value, name)
    if not 0 <= share <= _PERCENT:
        raise InvalidValueError(
            f"{name} must be a percentage from 0 to 100, got {_check.shown(share)}",
            rule=name,
            value=share,
        )


@attrs.frozen(kw_only=True)
class CostSplit:
    """An amount split between the local authority and the Scottish Government.

    Attributes:
        total: the whole amount.
        local_authority: the local authority's part (its share of the total,
            rounded up to the penny).
        scottish_government: the Scottish Government's part: the rest.
        local_authority_share: the share applied, in percent (``10``).
        citation: the rule that sets the minimum share.

    The two parts always sum to the total; the constructor refuses parts
    that do not.
    """

    total: Decimal = attrs.field(validator=_v_money)
    local_authority: Decimal = attrs.field(validator=_v_money)
    scottish_government: Decimal = attrs.field(validator=_v_money)
    local_authority_share: Decimal = attrs.field(validator=_v_percent)
    citation: Citation = attrs.field(validator=_check.v_instance(Citation))

    def __attrs_post_init__(self) -> None:
        if self.local_authority + self.scottish_government != self.total:
            raise InvalidValueError(
                "CostSplit parts must sum to the total: "
                f"{self.local_authority} + {self.scottish_government} != {self.total}",
                rule="CostSplit",
                value=self.total,
            )

    @property
    def rule(self) -> str:
        """The rulebook name of the minimum share."""
        return _MINIMUM_SHARE

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The rule's citation, as the tuple every result has."""
        return (self.citation,)


def split_cost(
    total: Decimal,
    *,
    local_authority_share: Decimal | None = None,
    rulebook: Rulebook | None = None,
) -> CostSplit:
    """*total* split into the local authority and Scottish Government parts.

    *local_authority_share* is a percentage (``Decimal('25')`` for 25%); it
    defaults to the rulebook minimum (10%, para 18.25) and may not be below
    it or above 100. The local authority part is the share of the total
    rounded **up** to the penny, so it is never below the share; the
    Scottish Government part is the rest, so the parts sum to the total.
    With no date given, the minimum is read as at today (or as at the date
    of a rulebook from :meth:`~mappa.rulebook.Rulebook.as_at`: the start of
    the funding period).

    >>> split = split_cost(Decimal("100.05"))
    >>> split.local_authority, split.scottish_government
    (Decimal('10.01'), Decimal('90.04'))
    >>> split_cost(Decimal("1000.00"), local_authority_share=Decimal("5"))
    Traceback (most recent call last):
    ...
    mappa.errors.InvalidValueError: local_authority_share must be at least the 10% the local authority funds (rule 'isp.local_authority.minimum_share'), got 5%
    """
    pennies = _pennies(total, "total")
    book = resolve(rulebook)
    share = _resolved_share(book, local_authority_share)
    return _split(pennies, share, book.citation(_MINIMUM_SHARE))


def _split(pennies: int, share: Decimal, citation: Citation) -> CostSplit:
    local = math.ceil(pennies * Fraction(share) / _PERCENT)
    return CostSplit(
        total=_money(pennies, "total"),
        local_authority=_money(local, "local_authority"),
        scottish_government=_money(pennies - local, "scottish_government"),
        local_authority_share=share,
        citation=citation,
    )


# -- periods -----------------------------------------------------------------


@attrs.frozen(order=True)
class ApprovalPeriod(DateRange):
    """A funding approval period computed from the rulebook, with its citation."""

    citation: Citation = attrs.field(
        factory=lambda: DEFAULT_RULEBOOK.citation(_APPROVAL_PERIOD),
        validator=_check.v_instance(Citation),
    )

    @property
    def rule(self) -> str:
        """The rulebook name of the approval period."""
        return _APPROVAL_PERIOD

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The rule's citation, as the tuple every result has."""
        return (self.citation,)


def _approval_end(start: _dt.date, book: Rulebook) -> _dt.date:
    duration: Duration = book.duration(_APPROVAL_PERIOD)
    counting = book.counting(_APPROVAL_PERIOD)
    try:
        end = counting.apply(duration, start)
    except (ValueError, OverflowError):
        raise InvalidValueError(
            f"an approval period beginning with {start.isoformat()} ends after "
            "the last date Python can represent",
            rule=_APPROVAL_PERIOD,
            value=start,
        ) from None
    if end < start:
        raise InvalidValueError(
            f"rule {_APPROVAL_PERIOD!r} must count forwards from the start date",
            rule=_APPROVAL_PERIOD,
            value=duration,
        )
    return end


def approval_period(
    start: _dt.date, *, rulebook: Rulebook | None = None
) -> ApprovalPeriod:
    """The funding approval period beginning with *start* (para 18.25).

    Six months *beginning with* the start date: the six months after the
    day before it, so it ends the day before the date six months later, or
    on the last day of that month where it has no such date (a period
    beginning with 31 August ends on the last day of February). The rule
    is read as at *start*.

    >>> period = approval_period(_dt.date(2025, 8, 31))
    >>> period.end
    datetime.date(2026, 2, 28)
    >>> str(period.citation)
    'MAPPA National Guidance (2023), para 18.25'
    """
    start = _check.ensure_date(start, "start")
    book = resolve(rulebook, start)
    return ApprovalPeriod(
        start, _approval_end(start, book), citation=book.citation(_APPROVAL_PERIOD)
    )


def approval_periods(
    start: _dt.date, count: int, *, rulebook: Rulebook | None = None
) -> tuple[ApprovalPeriod, ...]:
    """*count* consecutive approval periods, the first beginning with *start*.

    Each renewal begins the day after the previous period ends, so the
    periods neither overlap nor leave a gap. Each period's rule is read as
    at its own start.

    >>> [str(p) for p in approval_periods(_dt.date(2025, 4, 1), 2)]
    ['2025-04-01 to 2025-09-30', '2025-10-01 to 2026-03-31']
    """
    start = _check.ensure_date(start, "start")
    count = _check.ensure_int(count, "count")
    if count < 1:
        raise InvalidValueError(
            f"count must be at least 1, got {_check.shown(count)}",
            rule="count",
            value=count,
        )
    book = resolve(rulebook, start)
    periods: list[ApprovalPeriod] = []
    begin = start
    for _ in range(count):
        pinned = book.as_at(begin)
        end = _approval_end(begin, pinned)
        periods.append(
            ApprovalPeriod(begin, end, citation=pinned.citation(_APPROVAL_PERIOD))
        )
        if end == _dt.date.max:
            break
        begin = end + _ONE_DAY
    if len(periods) < count:
        raise InvalidValueError(
            f"{count} approval periods end after the last date Python can represent",
            rule=_APPROVAL_PERIOD,
            value=count,
        )
    return tuple(periods)


# -- rates, packages and pro-rating -------------------------------------------


class RateUnit(enum.Enum):
    """What a package's rate is charged per."""

    DAY = "day"
    """A daily rate: charged for every day of the period."""
    WEEK = "week"
    """A weekly rate: charged for the days of the period divided by 7."""

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class PackageRate:
    """The rate a package costs: an amount per day or per week.

    Attributes:
        amount: the amount per unit, in whole pennies.
        unit: :attr:`RateUnit.DAY` or :attr:`RateUnit.WEEK`.
    """

    amount: Decimal = attrs.field(validator=_v_money)
    unit: RateUnit = attrs.field(validator=_check.v_instance(RateUnit))

    def __str__(self) -> str:
        return f"{self.amount} per {self.unit}"


def _exact_cost(rate: PackageRate, days: int) -> Fraction:
    """The exact cost in pennies of *days* days at *rate*."""
    pennies = _pennies(rate.amount, "rate.amount")
    if rate.unit is RateUnit.DAY:
        return Fraction(pennies * days)
    return Fraction(pennies * days, _DAYS_PER_WEEK)


def _cost_pennies(rate: PackageRate, days: int) -> int:
    return _half_up(_exact_cost(rate, days))


def package_cost(rate: PackageRate, period: DateRange) -> Decimal:
    """The cost of *period* (both ends included) at *rate*.

    A daily rate: the rate times the days. A weekly rate: the rate times
    the days divided by 7, rounded once, at the end, to the nearest penny
    (half a penny up); whole weeks cost exactly the rate times the weeks.

    >>> week = PackageRate(Decimal("100.00"), RateUnit.WEEK)
    >>> package_cost(week, DateRange(_dt.date(2026, 1, 1), _dt.date(2026, 1, 10)))
    Decimal('142.86')
    """
    rate = _check.ensure_instance(rate, PackageRate, "rate")
    period = _check.ensure_instance(period, DateRange, "period")
    return _money(_cost_pennies(rate, period.days), "cost")


@attrs.frozen
class SupportPackage:
    """An approved intensive support package: its period and its rate.

    Attributes:
        period: the approved period (often an :func:`approval_period`).
        rate: what it costs per day or week.
    """

    period: DateRange = attrs.field(validator=_check.v_instance(DateRange))
    rate: PackageRate = attrs.field(validator=_check.v_instance(PackageRate))

    @property
    def approved_amount(self) -> Decimal:
        """The cost of the whole period at the rate (:func:`package_cost`)."""
        return package_cost(self.rate, self.period)


class EndReason(enum.Enum):
    """Why a package ended before its approved period did (para 18.26)."""

    RECALLED_TO_CUSTODY = "recalled to custody"
    """The person was recalled to custody."""
    REMOVED_FROM_PACKAGE = "removed from the package"
    """The person was removed from the approved package."""

    def __str__(self) -> str:
        return self.value


@attrs.frozen(kw_only=True)
class ProRata:
    """What an early-ended package used and what it no longer needs.

    Attributes:
        package: the package.
        ended_on: the date it ended (recall or removal): the first day no
            longer needed.
        reason: why it ended.
        approved: the approved amount (the cost of the whole period).
        used: the cost of the days before *ended_on*.
        not_needed: the rest of the approved amount.
        citation: the duty to tell the Scottish Government (para 18.26).

    ``used + not_needed == approved`` and ``used <= approved`` always.
    """

    package: SupportPackage = attrs.field(validator=_check.v_instance(SupportPackage))
    ended_on: _dt.date = attrs.field(validator=_check.v_date)
    reason: EndReason = attrs.field(validator=_check.v_instance(EndReason))
    approved: Decimal = attrs.field(validator=_v_money)
    used: Decimal = attrs.field(validator=_v_money)
    not_needed: Decimal = attrs.field(validator=_v_money)
    citation: Citation = attrs.field(
        factory=lambda: DEFAULT_RULEBOOK.citation(_END_REPORT),
        validator=_check.v_instance(Citation),
    )

    def __attrs_post_init__(self) -> None:
        if self.used + self.not_needed != self.approved:
            raise InvalidValueError(
                "ProRata.used and ProRata.not_needed must sum to ProRata.approved",
                rule="ProRata",
                value=self.approved,
            )

    @property
    def days_used(self) -> int:
        """The days of the package used: those before :attr:`ended_on`."""
        return (self.ended_on - self.package.period.start).days

    @property
    def days_not_needed(self) -> int:
        """The days from :attr:`ended_on` to the end of the period."""
        return self.package.period.days - self.days_used

    @property
    def rule(self) -> str:
        """The rulebook name of the duty to report the end (para 18.26)."""
        return "isp.end.report"

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The rule's citation, as the tuple every result has."""
        return (self.citation,)


def pro_rata(
    package: SupportPackage,
    ended_on: _dt.date,
    reason: EndReason,
    *,
    rulebook: Rulebook | None = None,
) -> ProRata:
    """Pro-rate *package*, which ended early on *ended_on* for *reason*.

    *ended_on* is the date of the recall or removal: the package counts as
    used on the days before it and not needed from it on (pass the next
    day if the day of recall was used). It must fall within the approved
    period; on the start date nothing was used. The days used are costed
    at the package's rate exactly as :func:`package_cost` costs a period,
    so what was used never exceeds the approved amount, and what is not
    needed is the rest. The duty to report the end (para 18.26) is read as
    at *ended_on*.

    >>> package = SupportPackage(
    ...     DateRange(_dt.date(2026, 4, 1), _dt.date(2026, 9, 30)),
    ...     PackageRate(Decimal("120.00"), RateUnit.DAY),
    ... )
    >>> result = pro_rata(package, _dt.date(2026, 5, 1), EndReason.RECALLED_TO_CUSTODY)
    >>> result.approved, result.used, result.not_needed
    (Decimal('21960.00'), Decimal('3600.00'), Decimal('18360.00'))
    """
    package = _check.ensure_instance(package, SupportPackage, "package")
    ended_on = _check.ensure_date(ended_on, "ended_on")
    reason = _check.ensure_member(reason, EndReason, "reason")
    period = package.period
    if not period.contains(ended_on):
        raise InvalidValueError(
            f"ended_on ({ended_on.isoformat()}) must fall within the package's "
            f"approved period ({period})",
            rule="ended_on",
            value=ended_on,
        )
    approved = _cost_pennies(package.rate, period.days)
    used = _cost_pennies(package.rate, (ended_on - period.start).days)
    return ProRata(
        package=package,
        ended_on=ended_on,
        reason=reason,
        approved=_money(approved, "approved"),
        used=_money(used, "used"),
        not_needed=_money(approved - used, "not_needed"),
        citation=resolve(rulebook, ended_on).citation(_END_REPORT),
    )


# -- financial years -----------------------------------------------------------


@attrs.frozen(kw_only=True)
class YearShare:
    """The part of an amount that falls in one financial year.

    Attributes:
        year: the financial year (1 April to 31 March).
        period: the days of the apportioned period in that year.
        amount: the part of the amount apportioned to them.
    """

    year: ReportingYear = attrs.field(validator=_check.v_instance(ReportingYear))
    period: DateRange = attrs.field(validator=_check.v_instance(DateRange))
    amount: Decimal = attrs.field(validator=_v_money)

    @property
    def days(self) -> int:
        """The days of the period in this year."""
        return self.period.days


def _year_periods(
    period: DateRange, book: Rulebook
) -> list[tuple[ReportingYear, DateRange]]:
    # Every year starts in the month *book* gives (read as at the period's
    # start, or a forecast's earliest start): a change of start month during
    # the period does not split it into years of two kinds.
    year = _year_containing(period.start, book)
    parts: list[tuple[ReportingYear, DateRange]] = []
    while True:
        parts.append(
            (
                year,
                DateRange(max(period.start, year.start), min(period.end, year.end)),
            )
        )
        if year.end >= period.end:
            return parts
        year = year.next


def _apportion_pennies(
    pennies: int, period: DateRange, book: Rulebook
) -> list[tuple[ReportingYear, DateRange, int]]:
    years = _year_periods(period, book)
    amounts = _allocate(pennies, [part.days for _, part in years])
    return [
        (year, part, amount)
        for (year, part), amount in zip(years, amounts, strict=True)
    ]


def apportion(
    amount: Decimal, period: DateRange, *, rulebook: Rulebook | None = None
) -> tuple[YearShare, ...]:
    """*amount* for *period* divided by days between the financial years it touches.

    Each year's part is its exact share (days in the year over days in the
    period) rounded down to the penny; the pennies left over go to the
    years with the largest remainders (the earlier year on a tie). The
    parts sum exactly to *amount*. A period within one year gives one part.

    Apportion the cost of the whole period, not the cost of each year's
    days: with a weekly rate, costs of the pieces rounded separately need
    not add up to the cost of the whole. The financial year's start is
    read as at the start of *period*.

    >>> parts = apportion(Decimal("100.00"), DateRange(_dt.date(2026, 3, 31), _dt.date(2026, 4, 2)))
    >>> [(part.year.label, part.amount) for part in parts]
    [('2025/26', Decimal('33.33')), ('2026/27', Decimal('66.67'))]
    """
    pennies = _pennies(amount, "amount")
    period = _check.ensure_instance(period, DateRange, "period")
    book = resolve(rulebook, period.start)
    return tuple(
        YearShare(year=year, period=part, amount=_money(value, "amount"))
        for year, part, value in _apportion_pennies(pennies, period, book)
    )


# -- the provisional list --------------------------------------------------------


def _likelihood(value: object, name: str) -> Fraction:
    fraction = _check.ensure_fraction(value, name)
    if not 0 <= fraction <= 1:
        raise InvalidValueError(
            f"{name} must be from 0 to 1, got {str(value)[:24]}",
            rule=name,
            value=value,
        )
    return fraction


def _v_likelihood(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    _likelihood(value, f"{type(instance).__name__}.{attribute.name}")


@attrs.frozen
class ProvisionalPackage:
    """A package on the provisional list, with the likelihood it is needed.

    Attributes:
        package: the package (its period and rate).
        likelihood: the likelihood that the funding will be needed, from 0
            to 1, as a ``Decimal`` or ``Fraction`` (para 18.24).
    """

    package: SupportPackage = attrs.field(validator=_check.v_instance(SupportPackage))
    likelihood: Decimal | Fraction = attrs.field(validator=_v_likelihood)


@attrs.frozen(kw_only=True)
class YearForecast:
    """The provisional list's cost in one financial year.

    Attributes:
        year: the financial year.
        maximum: the cost if every package is needed, split between funders.
        expected: the cost weighted by each package's likelihood, split
            between funders.
        packages: how many packages have days in the year.
    """

    year: ReportingYear = attrs.field(validator=_check.v_instance(ReportingYear))
    maximum: CostSplit = attrs.field(validator=_check.v_instance(CostSplit))
    expected: CostSplit = attrs.field(validator=_check.v_instance(CostSplit))
    packages: int = attrs.field(validator=_check.v_non_negative_int)


@attrs.frozen(kw_only=True)
class ProvisionalForecast:
    """The expected and maximum cost of a provisional list, per financial year.

    Attributes:
        years: one forecast for each financial year a package touches, in order.
        local_authority_share: the local authority share applied, in percent.
        citation: the provisional list's source (para 18.24).
        share_citation: the source of the minimum local authority share.
    """

    years: tuple[YearForecast, ...] = attrs.field(
        validator=_check.v_tuple_of(YearForecast),
        repr=lambda years: (
            f"<{len(years)} years: {', '.join(year.year.label for year in years)}>"
        ),
    )
    local_authority_share: Decimal = attrs.field(validator=_v_percent)
    citation: Citation = attrs.field(
        factory=lambda: DEFAULT_RULEBOOK.citation(_PROVISIONAL_LIST),
        validator=_check.v_instance(Citation),
    )
    share_citation: Citation = attrs.field(
        factory=lambda: DEFAULT_RULEBOOK.citation(_MINIMUM_SHARE),
        validator=_check.v_instance(Citation),
    )

    def for_year(self, year: ReportingYear) -> YearForecast:
        """The forecast for *year*: zero if no package has days in it."""
        year = _check.ensure_instance(year, ReportingYear, "year")
        for forecast in self.years:
            if forecast.year == year:
                return forecast
        zero = CostSplit(
            total=Decimal("0.00"),
            local_authority=Decimal("0.00"),
            scottish_government=Decimal("0.00"),
            local_authority_share=self.local_authority_share,
            citation=self.share_citation,
        )
        return YearForecast(year=year, maximum=zero, expected=zero, packages=0)

    @property
    def rule(self) -> str:
        """The rulebook name of the provisional list (para 18.24)."""
        return "isp.provisional_list"

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The rule's citation, as the tuple every result has."""
        return (self.citation,)


def provisional_forecast(
    entries: Iterable[ProvisionalPackage],
    *,
    local_authority_share: Decimal | None = None,
    rulebook: Rulebook | None = None,
) -> ProvisionalForecast:
    """The expected and maximum cost of a provisional list, per financial year.

    Each package's approved amount is apportioned between financial years
    (:func:`apportion`). For each year, the **maximum** is the sum of the
    packages' parts (every package needed); the **expected** cost is the
    sum of each part times its package's likelihood, rounded once to the
    nearest penny (half up), so it never exceeds the maximum. Both are
    split between the funders with :func:`split_cost` and
    *local_authority_share* (default: the rulebook minimum). The rules are
    read as at the earliest start of a package on the list (today for an
    empty list).

    >>> from fractions import Fraction
    >>> april = DateRange(_dt.date(2026, 4, 1), _dt.date(2026, 9, 30))
    >>> entries = [
    ...     ProvisionalPackage(SupportPackage(april, PackageRate(Decimal("100.00"), RateUnit.DAY)), Decimal("0.5")),
    ...     ProvisionalPackage(SupportPackage(april, PackageRate(Decimal("700.00"), RateUnit.WEEK)), Fraction(1, 4)),
    ... ]
    >>> year = provisional_forecast(entries).years[0]
    >>> year.year.label, year.maximum.total, year.expected.total
    ('2026/27', Decimal('36600.00'), Decimal('13725.00'))
    >>> year.expected.local_authority, year.expected.scottish_government
    (Decimal('1372.50'), Decimal('12352.50'))
    """
    items = _check.ensure_tuple_of(entries, ProvisionalPackage, "entries")
    book = resolve(
        rulebook, min((item.package.period.start for item in items), default=None)
    )
    share = _resolved_share(book, local_authority_share)
    citation = book.citation(_MINIMUM_SHARE)
    maximum: dict[ReportingYear, int] = {}
    expected: dict[ReportingYear, Fraction] = {}
    counts: dict[ReportingYear, int] = {}
    for item in items:
        likelihood = _likelihood(item.likelihood, "likelihood")
        pennies = _cost_pennies(item.package.rate, item.package.period.days)
        for year, _, part in _apportion_pennies(pennies, item.package.period, book):
            maximum[year] = maximum.get(year, 0) + part
            expected[year] = expected.get(year, Fraction(0)) + likelihood * part
            counts[year] = counts.get(year, 0) + 1
    return ProvisionalForecast(
        years=tuple(
            YearForecast(
                year=year,
                maximum=_split(maximum[year], share, citation),
                expected=_split(_half_up(expected[year]), share, citation),
                packages=counts[year],
            )
            for year in sorted(maximum)
        ),
        local_authority_share=share,
        citation=book.citation(_PROVISIONAL_LIST),
        share_citation=citation,
    )
