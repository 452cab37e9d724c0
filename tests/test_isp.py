"""Tests for mappa.isp: intensive support package funding arithmetic.

Sources: MAPPA National Guidance (2023), paras 18.23-18.26 (six-month
approvals, the local authority's minimum 10%, the provisional list with
likelihoods, recall or removal); financial years 1 April - 31 March.
"""

from __future__ import annotations

import datetime as dt
import decimal
import itertools
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import raises
from mappa.errors import InvalidTypeError, InvalidValueError, MappaError
from mappa.isp import (
    ApprovalPeriod,
    CostSplit,
    EndReason,
    PackageRate,
    ProRata,
    ProvisionalForecast,
    ProvisionalPackage,
    RateUnit,
    SupportPackage,
    YearForecast,
    YearShare,
    apportion,
    approval_period,
    approval_periods,
    package_cost,
    pro_rata,
    provisional_forecast,
    split_cost,
)
from mappa.periods import Counting, DateRange, Duration
from mappa.rulebook import DEFAULT_RULEBOOK
from mappa.sources import GUIDANCE
from mappa.years import ReportingYear

D = Decimal
PENNY = D("0.01")
MINIMUM = D("10")  # para 18.25: "a minimum of 10% of the costs"

# -- strategies -------------------------------------------------------------

money = st.integers(min_value=0, max_value=10**11).map(lambda p: D(p) / 100)
shares = st.decimals(min_value=MINIMUM, max_value=D("100"), places=3)
days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2060, 12, 31))


@st.composite
def periods(draw: st.DrawFn, max_days: int = 2000) -> DateRange:
    start = draw(days)
    length = draw(st.integers(min_value=0, max_value=max_days))
    return DateRange(start, start + dt.timedelta(days=length))


rates = st.builds(
    PackageRate,
    st.integers(min_value=0, max_value=10**7).map(lambda p: D(p) / 100),
    st.sampled_from(RateUnit),
)
packages = st.builds(SupportPackage, periods(), rates)
likelihoods = st.one_of(
    st.fractions(min_value=0, max_value=1, max_denominator=1000),
    st.decimals(min_value=0, max_value=1, places=3),
)


def reference_half_up(value: Fraction) -> Decimal:
    """Round *value* (pounds) to the penny, half up, with decimal's own rules."""
    with decimal.localcontext() as context:
        context.prec = 60
        exact = D(value.numerator) / D(value.denominator)
        return exact.quantize(PENNY, rounding=decimal.ROUND_HALF_UP)


# -- split_cost ---------------------------------------------------------------


def test_split_default_is_ten_percent() -> None:
    # para 18.25: local authorities fund at least 10%.
    split = split_cost(D("1000.00"))
    assert split.local_authority == D("100.00")
    assert split.scottish_government == D("900.00")
    assert split.local_authority_share == MINIMUM
    assert split.citation == GUIDANCE.cite("para 18.25")


def test_split_rounds_the_local_authority_part_up() -> None:
    # 10% of 0.05 is half a penny: the LA part rounds up, never below 10%.
    split = split_cost(D("0.05"))
    assert (split.local_authority, split.scottish_government) == (D("0.01"), D("0.04"))
    # 10% of 12345.67 = 1234.567 -> 1234.57
    split = split_cost(D("12345.67"))
    assert (split.local_authority, split.scottish_government) == (
        D("1234.57"),
        D("11111.10"),
    )


def test_split_with_a_larger_share() -> None:
    split = split_cost(D("999.99"), local_authority_share=D("33.3"))
    # 33.3% of 999.99 = 332.99667 -> 333.00
    assert split.local_authority == D("333.00")
    assert split.scottish_government == D("666.99")
    assert split_cost(
        D("80.00"), local_authority_share=D("100")
    ).scottish_government == D("0.00")


def test_split_zero_and_normalised_money() -> None:
    assert split_cost(D("0")).total == D("0.00")
    assert str(split_cost(D("5")).total) == "5.00"
    assert split_cost(D("-0")).local_authority == D("0.00")
    assert str(split_cost(D("12.500")).total) == "12.50"


def test_split_refuses_a_share_below_the_minimum_or_above_100() -> None:
    with pytest.raises(InvalidValueError, match="at least the 10%") as caught:
        split_cost(D("100.00"), local_authority_share=D("9.99"))
    assert caught.value.rule == "isp.local_authority.minimum_share"
    with pytest.raises(InvalidValueError, match="at least"):
        split_cost(D("100.00"), local_authority_share=D("0.1"))  # a fraction, not %
    with pytest.raises(InvalidValueError, match="at most 100%"):
        split_cost(D("100.00"), local_authority_share=D("100.01"))


def test_split_refuses_floats_negatives_and_sub_penny_totals() -> None:
    with pytest.raises(InvalidTypeError, match=r"total.*floats are inexact"):
        split_cost(100.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        split_cost(100)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="local_authority_share"):
        split_cost(D("1.00"), local_authority_share=12.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="must not be negative"):
        split_cost(D("-0.01"))
    with pytest.raises(InvalidValueError, match="whole number of pennies"):
        split_cost(D("10.005"))
    with pytest.raises(InvalidValueError, match="finite"):
        split_cost(D("Infinity"))
    with pytest.raises(InvalidValueError, match="too large"):
        split_cost(D("1E+30"))
    with pytest.raises(ValueError, match="too large"):
        split_cost(D("1E+999999"))


def test_split_uses_the_callers_rulebook() -> None:
    local = DEFAULT_RULEBOOK.with_value(
        "isp.local_authority.minimum_share", D("15"), reason="local agreement"
    )
    split = split_cost(D("100.00"), rulebook=local)
    assert split.local_authority == D("15.00")
    with pytest.raises(InvalidValueError):
        split_cost(D("100.00"), local_authority_share=D("12"), rulebook=local)
    broken = DEFAULT_RULEBOOK.with_value(
        "isp.local_authority.minimum_share", D("150"), reason="typo"
    )
    with pytest.raises(InvalidValueError, match="percentage from 0 to 100"):
        split_cost(D("100.00"), rulebook=broken)


def test_cost_split_constructor_refuses_parts_that_do_not_sum() -> None:
    citation = GUIDANCE.cite("para 18.25")
    with pytest.raises(InvalidValueError, match="sum to the total"):
        CostSplit(
            total=D("100.00"),
            local_authority=D("10.00"),
            scottish_government=D("90.01"),
            local_authority_share=D("10"),
            citation=citation,
        )
    with pytest.raises(InvalidValueError, match="percentage"):
        CostSplit(
            total=D("100.00"),
            local_authority=D("10.00"),
            scottish_government=D("90.00"),
            local_authority_share=D("101"),
            citation=citation,
        )


@given(money, shares)
def test_split_properties(total: Decimal, share: Decimal) -> None:
    split = split_cost(total, local_authority_share=share)
    # parts sum to the whole, exactly, in pennies
    assert split.local_authority + split.scottish_government == split.total == total
    for part in (split.local_authority, split.scottish_government):
        assert part >= 0
        assert part == part.quantize(PENNY)
    # the LA part is at least its share (and so at least 10%) ...
    assert split.local_authority * 100 >= total * share
    assert split.local_authority * 100 >= total * MINIMUM
    # ... and the smallest number of pennies that is.
    assert (split.local_authority - PENNY) * 100 < total * share


@given(money)
def test_split_default_matches_reference(total: Decimal) -> None:
    expected = (total * MINIMUM / 100).quantize(PENNY, rounding=decimal.ROUND_CEILING)
    assert split_cost(total).local_authority == expected


# -- approval periods (para 18.25; periods "beginning with" the start) ---------


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (dt.date(2025, 4, 1), dt.date(2025, 9, 30)),
        (dt.date(2025, 10, 1), dt.date(2026, 3, 31)),
        (dt.date(2025, 6, 15), dt.date(2025, 12, 14)),
        # month ends (DESIGN, counting): six months beginning with 31 August
        # are the six months after 30 August, to the end of February
        (dt.date(2025, 8, 31), dt.date(2026, 2, 28)),
        (dt.date(2023, 8, 31), dt.date(2024, 2, 29)),  # leap year
        (dt.date(2025, 8, 30), dt.date(2026, 2, 28)),
        (dt.date(2025, 8, 29), dt.date(2026, 2, 28)),
        (dt.date(2025, 8, 28), dt.date(2026, 2, 27)),
        (dt.date(2024, 2, 29), dt.date(2024, 8, 28)),
        (dt.date(2025, 3, 31), dt.date(2025, 9, 30)),
        (dt.date(2026, 3, 1), dt.date(2026, 8, 31)),
    ],
)
def test_approval_period_examples(start: dt.date, end: dt.date) -> None:
    period = approval_period(start)
    assert (period.start, period.end) == (start, end)
    assert isinstance(period, ApprovalPeriod)
    assert period.citation == GUIDANCE.cite("para 18.25")


def test_approval_periods_are_consecutive_renewals() -> None:
    chain = approval_periods(dt.date(2025, 8, 31), 3)
    assert [(p.start, p.end) for p in chain] == [
        (dt.date(2025, 8, 31), dt.date(2026, 2, 28)),
        (dt.date(2026, 3, 1), dt.date(2026, 8, 31)),
        (dt.date(2026, 9, 1), dt.date(2027, 2, 28)),
    ]


@given(days, st.integers(min_value=1, max_value=12))
def test_approval_periods_property(start: dt.date, count: int) -> None:
    chain = approval_periods(start, count)
    assert len(chain) == count
    assert chain[0] == approval_period(start)
    for earlier, later in itertools.pairwise(chain):
        assert later.start == earlier.end + dt.timedelta(days=1)
    for period in chain:
        # six months beginning with the start: the day before the date 6
        # months on, or that date where it is clamped to a month end
        on = Duration(months=6).after(period.start)
        if on.day == period.start.day:
            assert period.end == on - dt.timedelta(days=1)
        else:
            assert period.end == on
            assert (on + dt.timedelta(days=1)).day == 1


def test_approval_period_refusals() -> None:
    with pytest.raises(InvalidTypeError):
        approval_period(dt.datetime(2025, 4, 1, 9, 0))  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="last date"):
        approval_period(dt.date(9999, 12, 1))
    with pytest.raises(InvalidValueError, match="at least 1"):
        approval_periods(dt.date(2025, 4, 1), 0)
    with pytest.raises(InvalidTypeError):
        approval_periods(dt.date(2025, 4, 1), True)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="last date"):
        approval_periods(dt.date(9998, 1, 1), 10)


def test_approval_period_of_the_callers_rulebook() -> None:
    weeks = DEFAULT_RULEBOOK.with_value(
        "isp.approval_period", Duration(weeks=26), reason="local practice"
    )
    assert approval_period(dt.date(2025, 4, 1), rulebook=weeks).end == dt.date(
        2025, 9, 29
    )


def test_approval_periods_stop_at_the_last_date() -> None:
    rule = DEFAULT_RULEBOOK.rule("isp.approval_period")
    one_day_after = DEFAULT_RULEBOOK.with_rule(
        attrs.evolve(
            rule,
            counting=Counting.AFTER,
            versions=(attrs.evolve(rule.current, value=Duration(days=1)),),
        )
    )
    # the first period ends on 31 December 9999: there is no room for a second
    (only,) = approval_periods(dt.date(9999, 12, 30), 1, rulebook=one_day_after)
    assert only.end == dt.date.max
    with pytest.raises(InvalidValueError, match="2 approval periods"):
        approval_periods(dt.date(9999, 12, 30), 2, rulebook=one_day_after)
    backwards = DEFAULT_RULEBOOK.with_rule(attrs.evolve(rule, counting=Counting.BEFORE))
    with pytest.raises(InvalidValueError, match="count forwards"):
        approval_period(dt.date(2025, 4, 1), rulebook=backwards)


# -- funding periods ---------------------------------------------------------------


def test_funding_period() -> None:
    period = DateRange(dt.date(2026, 3, 30), dt.date(2026, 4, 2))
    assert period.days == 4
    assert period.contains(dt.date(2026, 4, 2))
    assert not period.contains(dt.date(2026, 4, 3))
    assert str(period) == "2026-03-30 to 2026-04-02"
    assert DateRange(dt.date(2026, 1, 1), dt.date(2026, 1, 1)).days == 1
    with pytest.raises(InvalidValueError, match="before its start"):
        DateRange(dt.date(2026, 1, 2), dt.date(2026, 1, 1))
    with pytest.raises(InvalidTypeError):
        DateRange(dt.date(2026, 1, 1), "2026-02-01")  # type: ignore[arg-type]


# -- rates and package cost ----------------------------------------------------------


def test_daily_rate_is_rate_times_days_inclusive() -> None:
    rate = PackageRate(D("85.50"), RateUnit.DAY)
    period = DateRange(dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    assert package_cost(rate, period) == D("2650.50")  # 31 days
    assert str(rate) == "85.50 per day"
    assert str(RateUnit.WEEK) == "week"
    assert str(EndReason.RECALLED_TO_CUSTODY) == "recalled to custody"


def test_weekly_rate_is_rate_times_days_over_seven_rounded_once() -> None:
    rate = PackageRate(D("100.00"), RateUnit.WEEK)
    ten_days = DateRange(dt.date(2026, 1, 1), dt.date(2026, 1, 10))
    assert package_cost(rate, ten_days) == D("142.86")  # 1000/7 = 142.857...
    four_weeks = DateRange(dt.date(2026, 1, 1), dt.date(2026, 1, 28))
    assert package_cost(rate, four_weeks) == D("400.00")
    # to the nearest penny: 0.01 a week for 4 days = 0.0057 -> 0.01;
    # for 3 days 0.0043 -> 0.00
    penny = PackageRate(D("0.01"), RateUnit.WEEK)
    assert package_cost(
        penny, DateRange(dt.date(2026, 1, 1), dt.date(2026, 1, 4))
    ) == D("0.01")
    assert package_cost(
        penny, DateRange(dt.date(2026, 1, 1), dt.date(2026, 1, 3))
    ) == D("0.00")
    # 0.35 a week is 0.05 a day exactly
    five_pence = PackageRate(D("0.35"), RateUnit.WEEK)
    two = DateRange(dt.date(2026, 1, 1), dt.date(2026, 1, 2))
    assert package_cost(five_pence, two) == D("0.10")


def test_weekly_rate_never_meets_an_exact_half_penny() -> None:
    # pennies x days / 7 is never k + 1/2, so the rounding direction of a
    # weekly cost never matters; half up shows in expected costs instead.
    rate = PackageRate(D("0.05"), RateUnit.WEEK)
    # 0.25 / 7 = 0.0357 -> 0.04 (nearest penny)
    five_days = DateRange(dt.date(2026, 1, 1), dt.date(2026, 1, 5))
    assert package_cost(rate, five_days) == D("0.04")


@given(rates, periods())
def test_package_cost_matches_reference(rate: PackageRate, period: DateRange) -> None:
    if rate.unit is RateUnit.DAY:
        expected = rate.amount * period.days
    else:
        expected = reference_half_up(Fraction(rate.amount) * period.days / 7)
    assert package_cost(rate, period) == expected


def test_rate_refuses_floats_and_negatives() -> None:
    with pytest.raises(InvalidTypeError, match=r"PackageRate\.amount"):
        PackageRate(85.5, RateUnit.DAY)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="negative"):
        PackageRate(D("-1.00"), RateUnit.DAY)
    with pytest.raises(InvalidTypeError):
        PackageRate(D("1.00"), "day")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        package_cost("rate", DateRange(dt.date(2026, 1, 1), dt.date(2026, 1, 1)))  # type: ignore[arg-type]


def test_cost_too_large_is_refused() -> None:
    rate = PackageRate(D("999999999999999.99"), RateUnit.DAY)
    with pytest.raises(InvalidValueError, match="too large"):
        package_cost(rate, DateRange(dt.date(2026, 1, 1), dt.date(2026, 12, 31)))


# -- pro-rating (para 18.26: recall to custody or removal) ------------------------

SIX_MONTHS = DateRange(dt.date(2026, 4, 1), dt.date(2026, 9, 30))  # 183 days


def test_pro_rata_daily_example() -> None:
    package = SupportPackage(SIX_MONTHS, PackageRate(D("120.00"), RateUnit.DAY))
    result = pro_rata(package, dt.date(2026, 5, 1), EndReason.RECALLED_TO_CUSTODY)
    assert result.approved == D("21960.00")  # 183 x 120
    assert result.used == D("3600.00")  # April: 30 days
    assert result.not_needed == D("18360.00")
    assert (result.days_used, result.days_not_needed) == (30, 153)
    assert result.citation == GUIDANCE.cite("para 18.26")
    assert result.reason is EndReason.RECALLED_TO_CUSTODY


def test_pro_rata_weekly_example() -> None:
    package = SupportPackage(SIX_MONTHS, PackageRate(D("700.00"), RateUnit.WEEK))
    assert package.approved_amount == D("18300.00")  # 183 days = 100 a day
    result = pro_rata(package, dt.date(2026, 4, 11), EndReason.REMOVED_FROM_PACKAGE)
    assert (result.used, result.not_needed) == (D("1000.00"), D("17300.00"))
    weekly = SupportPackage(SIX_MONTHS, PackageRate(D("100.00"), RateUnit.WEEK))
    # 183/7 weeks = 2614.2857 -> 2614.29; 10 days = 142.857 -> 142.86
    result = pro_rata(weekly, dt.date(2026, 4, 11), EndReason.REMOVED_FROM_PACKAGE)
    assert (result.approved, result.used, result.not_needed) == (
        D("2614.29"),
        D("142.86"),
        D("2471.43"),
    )


def test_pro_rata_at_the_edges() -> None:
    package = SupportPackage(SIX_MONTHS, PackageRate(D("10.00"), RateUnit.DAY))
    first = pro_rata(package, SIX_MONTHS.start, EndReason.RECALLED_TO_CUSTODY)
    assert (first.used, first.not_needed) == (D("0.00"), D("1830.00"))
    last = pro_rata(package, SIX_MONTHS.end, EndReason.RECALLED_TO_CUSTODY)
    assert (last.used, last.not_needed) == (D("1820.00"), D("10.00"))
    with pytest.raises(InvalidValueError, match="within the package's approved period"):
        pro_rata(package, dt.date(2026, 10, 1), EndReason.RECALLED_TO_CUSTODY)
    with pytest.raises(InvalidValueError, match="ended_on"):
        pro_rata(package, dt.date(2026, 3, 31), EndReason.RECALLED_TO_CUSTODY)
    with pytest.raises(InvalidTypeError):
        pro_rata(package, SIX_MONTHS.end, "recall")  # type: ignore[arg-type]


def test_pro_rata_constructor_refuses_parts_that_do_not_sum() -> None:
    package = SupportPackage(SIX_MONTHS, PackageRate(D("10.00"), RateUnit.DAY))
    with pytest.raises(InvalidValueError, match="sum"):
        ProRata(
            package=package,
            ended_on=SIX_MONTHS.end,
            reason=EndReason.RECALLED_TO_CUSTODY,
            approved=D("1830.00"),
            used=D("1820.00"),
            not_needed=D("10.01"),
        )


@given(packages, st.data())
def test_pro_rata_properties(package: SupportPackage, data: st.DataObject) -> None:
    offset = data.draw(st.integers(min_value=0, max_value=package.period.days - 1))
    ended = package.period.start + dt.timedelta(days=offset)
    result = pro_rata(package, ended, data.draw(st.sampled_from(EndReason)))
    assert result.approved == package.approved_amount
    assert result.used + result.not_needed == result.approved
    assert D(0) <= result.used <= result.approved
    assert result.not_needed >= 0
    if offset:
        used_period = DateRange(package.period.start, ended - dt.timedelta(days=1))
        assert result.used == package_cost(package.rate, used_period)
    # ending later never uses less
    if offset + 1 < package.period.days:
        later = pro_rata(package, ended + dt.timedelta(days=1), result.reason)
        assert later.used >= result.used


# -- financial-year apportionment --------------------------------------------------


def test_apportion_across_31_march() -> None:
    # 1 Dec 2025 - 31 May 2026: 121 days in 2025/26, 61 in 2026/27.
    period = approval_period(dt.date(2025, 12, 1))
    parts = apportion(D("18200.00"), period)
    assert [(p.year.label, p.days, p.amount) for p in parts] == [
        ("2025/26", 121, D("12100.00")),
        ("2026/27", 61, D("6100.00")),
    ]
    assert parts[0].period == DateRange(dt.date(2025, 12, 1), dt.date(2026, 3, 31))
    assert parts[1].period == DateRange(dt.date(2026, 4, 1), dt.date(2026, 5, 31))


def test_apportion_largest_remainder() -> None:
    # 3 days, 1 + 2: 33.333... and 66.666...: the larger remainder gets the penny.
    parts = apportion(D("100.00"), DateRange(dt.date(2026, 3, 31), dt.date(2026, 4, 2)))
    assert [p.amount for p in parts] == [D("33.33"), D("66.67")]
    # a tie (1 + 1 days, 0.01): the earlier year gets the penny.
    parts = apportion(D("0.01"), DateRange(dt.date(2026, 3, 31), dt.date(2026, 4, 1)))
    assert [p.amount for p in parts] == [D("0.01"), D("0.00")]


def test_apportion_within_one_year_and_over_several() -> None:
    one = apportion(D("50.00"), DateRange(dt.date(2026, 4, 1), dt.date(2027, 3, 31)))
    assert [(p.year, p.amount) for p in one] == [(ReportingYear(2026), D("50.00"))]
    three = apportion(
        D("1000.00"), DateRange(dt.date(2026, 3, 1), dt.date(2027, 4, 30))
    )
    assert [p.year.label for p in three] == ["2025/26", "2026/27", "2027/28"]
    assert [p.days for p in three] == [31, 365, 30]
    assert sum(p.amount for p in three) == D("1000.00")


def test_apportion_refusals() -> None:
    period = DateRange(dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    with pytest.raises(InvalidTypeError):
        apportion(1000.0, period)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError):
        apportion(D("-1.00"), period)
    with pytest.raises(InvalidTypeError):
        apportion(D("1.00"), (dt.date(2026, 1, 1), dt.date(2026, 2, 1)))  # type: ignore[arg-type]
    with pytest.raises(MappaError):
        apportion(D("1.00"), DateRange(dt.date(9999, 4, 1), dt.date(9999, 12, 31)))


def _exact_quota(amount: Decimal, days: int, total: int) -> Fraction:
    return Fraction(amount) * days / total


@given(money, periods(max_days=1500))
def test_apportion_properties(amount: Decimal, period: DateRange) -> None:
    parts = apportion(amount, period)
    assert sum(p.amount for p in parts) == amount
    assert sum(p.days for p in parts) == period.days
    assert parts[0].period.start == period.start
    assert parts[-1].period.end == period.end
    for part, following in itertools.pairwise(parts):
        assert following.year == part.year.next
        assert following.period.start == part.period.end + dt.timedelta(days=1)
        assert part.period.end == part.year.end
    for part in parts:
        assert part.year.contains(part.period.start)
        assert part.year.contains(part.period.end)
        # each part is within a penny of its exact share (largest remainder)
        quota = _exact_quota(amount, part.days, period.days)
        assert abs(Fraction(part.amount) - quota) < Fraction(1, 100)


@given(packages)
@settings(max_examples=60)
def test_apportioned_cost_sums_to_the_undivided_cost(package: SupportPackage) -> None:
    parts = apportion(package.approved_amount, package.period)
    assert sum(p.amount for p in parts) == package_cost(package.rate, package.period)


@st.composite
def splits(draw: st.DrawFn) -> tuple[DateRange, list[DateRange]]:
    """A period and a split of it into consecutive pieces."""
    period = draw(periods())
    cuts = (
        sorted(draw(st.sets(st.integers(1, period.days - 1), max_size=6)))
        if period.days > 1
        else []
    )
    bounds = [0, *cuts, period.days]
    pieces = [
        DateRange(
            period.start + dt.timedelta(days=a), period.start + dt.timedelta(days=b - 1)
        )
        for a, b in itertools.pairwise(bounds)
    ]
    return period, pieces


@given(rates, splits())
@settings(max_examples=80)
def test_apportioning_any_split_of_a_period_sums_to_the_undivided_cost(
    rate: PackageRate, split: tuple[DateRange, list[DateRange]]
) -> None:
    period, pieces = split
    daily = PackageRate(rate.amount, RateUnit.DAY)
    whole = package_cost(daily, period)
    # a daily cost is additive over any split of the period ...
    assert sum(package_cost(daily, piece) for piece in pieces) == whole
    # ... and apportioning each piece's cost gives, year by year, exactly the
    # apportionment of the undivided cost (a daily cost divides by days exactly)
    by_year: dict[ReportingYear, Decimal] = {}
    for piece in pieces:
        for part in apportion(package_cost(daily, piece), piece):
            by_year[part.year] = by_year.get(part.year, D(0)) + part.amount
    undivided = {part.year: part.amount for part in apportion(whole, period)}
    assert by_year == undivided
    assert sum(by_year.values()) == whole
    # any rate: the parts of the undivided cost sum to it
    cost = package_cost(rate, period)
    assert sum(part.amount for part in apportion(cost, period)) == cost


def test_year_share_constructor() -> None:
    share = YearShare(
        year=ReportingYear(2026),
        period=DateRange(dt.date(2026, 4, 1), dt.date(2026, 4, 30)),
        amount=D("1.00"),
    )
    assert share.days == 30
    with pytest.raises(InvalidTypeError):
        YearShare(year=2026, period=share.period, amount=D("1.00"))  # type: ignore[arg-type]


# -- the provisional list (para 18.24) --------------------------------------------

APRIL_TO_SEPTEMBER = DateRange(dt.date(2026, 4, 1), dt.date(2026, 9, 30))
JANUARY_TO_JUNE = DateRange(dt.date(2027, 1, 1), dt.date(2027, 6, 30))


def test_provisional_forecast_example() -> None:
    entries = [
        ProvisionalPackage(
            SupportPackage(APRIL_TO_SEPTEMBER, PackageRate(D("100.00"), RateUnit.DAY)),
            D("0.5"),
        ),
        ProvisionalPackage(
            SupportPackage(APRIL_TO_SEPTEMBER, PackageRate(D("700.00"), RateUnit.WEEK)),
            Fraction(1, 4),
        ),
        # crosses 31 March 2027: 90 days in 2026/27, 91 in 2027/28
        ProvisionalPackage(
            SupportPackage(JANUARY_TO_JUNE, PackageRate(D("50.00"), RateUnit.DAY)),
            D("1"),
        ),
    ]
    forecast = provisional_forecast(entries)
    assert isinstance(forecast, ProvisionalForecast)
    assert [y.year.label for y in forecast.years] == ["2026/27", "2027/28"]
    coming = forecast.for_year(ReportingYear(2026))
    # 183 x 100 + 183 x 100 + 90 x 50
    assert coming.maximum.total == D("41100.00")
    # 0.5 x 18300 + 0.25 x 18300 + 1 x 4500 = 9150 + 4575 + 4500
    assert coming.expected.total == D("18225.00")
    assert (coming.expected.local_authority, coming.expected.scottish_government) == (
        D("1822.50"),
        D("16402.50"),
    )
    assert coming.packages == 3
    following = forecast.for_year(ReportingYear(2027))
    assert following.maximum.total == following.expected.total == D("4550.00")
    assert following.packages == 1
    assert forecast.citation == GUIDANCE.cite("para 18.24")


def test_provisional_forecast_rounds_expected_once() -> None:
    # three packages of 0.01 each at likelihood 1/3: 0.01 expected, not 0.00.
    one_day = DateRange(dt.date(2026, 4, 1), dt.date(2026, 4, 1))
    entry = ProvisionalPackage(
        SupportPackage(one_day, PackageRate(D("0.01"), RateUnit.DAY)), Fraction(1, 3)
    )
    forecast = provisional_forecast([entry, entry, entry])
    assert forecast.years[0].expected.total == D("0.01")
    assert forecast.years[0].maximum.total == D("0.03")


def test_provisional_forecast_with_a_share_and_empty() -> None:
    entry = ProvisionalPackage(
        SupportPackage(APRIL_TO_SEPTEMBER, PackageRate(D("10.00"), RateUnit.DAY)),
        D("1"),
    )
    forecast = provisional_forecast([entry], local_authority_share=D("25"))
    assert forecast.years[0].maximum.local_authority == D("457.50")  # 25% of 1830
    assert forecast.local_authority_share == D("25")
    empty = provisional_forecast([])
    assert empty.years == ()
    zero = empty.for_year(ReportingYear(2026))
    assert zero.maximum.total == zero.expected.total == D("0.00")
    assert zero.packages == 0
    none_this_year = forecast.for_year(ReportingYear(2030))
    assert none_this_year.maximum.total == D("0.00")
    assert none_this_year.maximum.citation == forecast.years[0].maximum.citation


def test_provisional_refusals() -> None:
    package = SupportPackage(APRIL_TO_SEPTEMBER, PackageRate(D("10.00"), RateUnit.DAY))
    with pytest.raises(InvalidTypeError, match="floats are inexact"):
        ProvisionalPackage(package, 0.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="from 0 to 1"):
        ProvisionalPackage(package, D("1.01"))
    with pytest.raises(InvalidValueError, match="from 0 to 1"):
        ProvisionalPackage(package, Fraction(-1, 2))
    with pytest.raises(InvalidTypeError, match="entries"):
        provisional_forecast([package])  # type: ignore[list-item]
    with pytest.raises(InvalidValueError, match="at least"):
        provisional_forecast(
            [ProvisionalPackage(package, D("1"))], local_authority_share=D("5")
        )
    with pytest.raises(InvalidTypeError):
        provisional_forecast([]).for_year("2026/27")  # type: ignore[arg-type]


@given(st.lists(st.tuples(packages, likelihoods), max_size=6), shares)
@settings(max_examples=60)
def test_provisional_forecast_properties(
    items: list[tuple[SupportPackage, Decimal | Fraction]], share: Decimal
) -> None:
    entries = [ProvisionalPackage(p, likelihood) for p, likelihood in items]
    forecast = provisional_forecast(entries, local_authority_share=share)
    # every year's maximum is the sum of the packages' parts in that year
    total_max = sum((y.maximum.total for y in forecast.years), D(0))
    assert total_max == sum((p.approved_amount for p, _ in items), D(0))
    for year in forecast.years:
        assert isinstance(year, YearForecast)
        for split in (year.maximum, year.expected):
            assert split.local_authority + split.scottish_government == split.total
            assert split.local_authority * 100 >= split.total * share
        assert year.expected.total <= year.maximum.total
        # reference: expected = sum of likelihood x apportioned part, rounded once
        exact = Fraction(0)
        for package, likelihood in items:
            for part in apportion(package.approved_amount, package.period):
                if part.year == year.year:
                    exact += Fraction(likelihood) * Fraction(part.amount)
        assert year.expected.total == reference_half_up(exact)
    assert [y.year for y in forecast.years] == sorted(y.year for y in forecast.years)


@given(st.lists(packages, min_size=1, max_size=4))
@settings(max_examples=30)
def test_certain_packages_expected_equals_maximum(items: list[SupportPackage]) -> None:
    forecast = provisional_forecast([ProvisionalPackage(p, D("1")) for p in items])
    for year in forecast.years:
        assert year.expected == year.maximum
    nothing = provisional_forecast([ProvisionalPackage(p, Fraction(0)) for p in items])
    assert all(y.expected.total == 0 for y in nothing.years)


def test_an_amount_beyond_28_significant_digits_is_never_rounded() -> None:
    # Regression: Decimal arithmetic (28 digits by default) rounded such an
    # amount to whole pennies before checking it was whole pennies.
    with pytest.raises(InvalidValueError, match="whole number of pennies"):
        split_cost(Decimal("123456789012345.0000000000000000001"))
    exact = Decimal("123456789012345.10000000000000000000")
    split = split_cost(exact)
    assert split.total == Decimal("123456789012345.10")
    assert split.local_authority + split.scottish_government == split.total


def test_a_likelihood_with_a_huge_exponent_is_refused_at_once() -> None:
    # Regression: Decimal("1E+10000000") was turned into an exact fraction
    # (an int of ten million digits) before being found out of range.
    import time

    package = SupportPackage(APRIL_TO_SEPTEMBER, PackageRate(D("100.00"), RateUnit.DAY))
    start = time.perf_counter()
    for value in (Decimal("1E+10000000"), Decimal("1E-10000000")):
        with pytest.raises(InvalidValueError, match="too large or too small"):
            ProvisionalPackage(package, value)
    assert time.perf_counter() - start < 1


# ---------------------------------------------------------------------------
# Boundaries, rounding directions and errors (mutation testing, docs/testing.md)
# ---------------------------------------------------------------------------

SHARE_RULE = "isp.local_authority.minimum_share"


def test_local_authority_part_rounds_up_whatever_the_fraction() -> None:
    # 10% (para 18.25) of 1.01 is 10.1p and of 1.09 is 10.9p: both 11p,
    # rounded up so the part is never below the minimum; 1.00 needs no
    # rounding; 0.01 gives the local authority its one penny.
    cases = {
        "1.01": ("0.11", "0.90"),
        "1.09": ("0.11", "0.98"),
        "1.00": ("0.10", "0.90"),
        "0.01": ("0.01", "0.00"),
    }
    for total, (local, central) in cases.items():
        split = split_cost(Decimal(total))
        assert (split.local_authority, split.scottish_government) == (
            Decimal(local),
            Decimal(central),
        )


def test_local_authority_share_at_and_beyond_its_limits() -> None:
    assert split_cost(
        Decimal("1.00"), local_authority_share=Decimal("10")
    ).local_authority == Decimal("0.10")
    assert split_cost(
        Decimal("1.00"), local_authority_share=Decimal("100")
    ).local_authority == Decimal("1.00")
    with raises(
        InvalidValueError,
        rule=SHARE_RULE,
        words=[
            "local_authority_share must be at least the 10%",
            "the local authority funds",
            "got 9.99%",
        ],
        value=Decimal("9.99"),
    ):
        split_cost(Decimal("1.00"), local_authority_share=Decimal("9.99"))
    with raises(
        InvalidValueError,
        param="local_authority_share",
        words=["must be at most 100%", "got 100.01%"],
        value=Decimal("100.01"),
    ):
        split_cost(Decimal("1.00"), local_authority_share=Decimal("100.01"))


def test_rulebook_minimum_share_from_0_to_100() -> None:
    for good in ("0", "100"):
        book = DEFAULT_RULEBOOK.with_value(SHARE_RULE, Decimal(good), reason="edge")
        assert split_cost(
            Decimal("1.00"), rulebook=book
        ).local_authority_share == Decimal(good)
    for bad in ("-0.01", "100.01"):
        book = DEFAULT_RULEBOOK.with_value(SHARE_RULE, Decimal(bad), reason="broken")
        with raises(
            InvalidValueError,
            rule=SHARE_RULE,
            words=["must be a percentage from 0 to 100", f"got {bad}"],
            value=Decimal(bad),
        ):
            split_cost(Decimal("1.00"), rulebook=book)


def test_weekly_rate_rounds_to_the_nearest_penny_both_ways() -> None:
    week = PackageRate(Decimal("1.00"), RateUnit.WEEK)
    # 100p x 1 day / 7 = 14.29p -> 14p (down); x 4 days = 57.14p -> 57p;
    # x 3 days = 42.86p -> 43p (up); x 6 days = 85.71p -> 86p.
    expected = {1: "0.14", 3: "0.43", 4: "0.57", 6: "0.86", 7: "1.00", 8: "1.14"}
    start = dt.date(2026, 1, 5)
    for days, cost in expected.items():
        period = DateRange(start, start + dt.timedelta(days=days - 1))
        assert package_cost(week, period) == Decimal(cost)
    day = PackageRate(Decimal("0.03"), RateUnit.DAY)
    assert package_cost(day, DateRange(start, start + dt.timedelta(days=2))) == Decimal(
        "0.09"
    )


def test_leftover_penny_goes_to_the_largest_remainder() -> None:
    # 3p over 23 days in 2025/26 (9 to 31 March 2026) and 7 in 2026/27
    # (1 to 7 April): exact shares 2.3p and 0.7p, so 2p and 1p.
    parts = apportion(
        Decimal("0.03"), DateRange(dt.date(2026, 3, 9), dt.date(2026, 4, 7))
    )
    assert [(p.year.label, p.days, p.amount) for p in parts] == [
        ("2025/26", 23, Decimal("0.02")),
        ("2026/27", 7, Decimal("0.01")),
    ]
    # 1p over 1 day each side: a tie goes to the earlier year.
    tie = apportion(
        Decimal("0.01"), DateRange(dt.date(2026, 3, 31), dt.date(2026, 4, 1))
    )
    assert [p.amount for p in tie] == [Decimal("0.01"), Decimal("0.00")]
    # 5p over 1 + 365 + 1 days: exact shares 0.01p, 4.97p and 0.01p; the
    # leftover penny goes to the largest remainder, the middle year.
    three = apportion(
        Decimal("0.05"), DateRange(dt.date(2026, 3, 31), dt.date(2027, 4, 1))
    )
    assert [(p.days, p.amount) for p in three] == [
        (1, Decimal("0.00")),
        (365, Decimal("0.05")),
        (1, Decimal("0.00")),
    ]


def test_expected_cost_is_rounded_once_over_all_packages() -> None:
    # Two packages of 1p (one day at 0.01 a day), each half likely: 0.5p
    # each, 1p together. Rounding each package first would give 2p.
    one_day = DateRange(dt.date(2026, 4, 1), dt.date(2026, 4, 1))
    penny = SupportPackage(one_day, PackageRate(Decimal("0.01"), RateUnit.DAY))
    entries = [ProvisionalPackage(penny, Fraction(1, 2))] * 2
    (year,) = provisional_forecast(entries).years
    assert (year.maximum.total, year.expected.total, year.packages) == (
        Decimal("0.02"),
        Decimal("0.01"),
        2,
    )
    # One half-likely penny is half a penny: rounded half up to 1p.
    (single,) = provisional_forecast(entries[:1]).years
    assert single.expected.total == Decimal("0.01")
    # Three half-likely pennies: 3p maximum, 1.5p expected, rounded up to 2p.
    (three,) = provisional_forecast([entries[0]] * 3).years
    assert (three.maximum.total, three.expected.total, three.packages) == (
        Decimal("0.03"),
        Decimal("0.02"),
        3,
    )


def test_likelihood_from_0_to_1() -> None:
    one_day = DateRange(dt.date(2026, 4, 1), dt.date(2026, 4, 1))
    penny = SupportPackage(one_day, PackageRate(Decimal("1.00"), RateUnit.DAY))
    assert provisional_forecast([ProvisionalPackage(penny, Decimal("0"))]).years[
        0
    ].expected.total == Decimal("0.00")
    assert provisional_forecast([ProvisionalPackage(penny, Decimal("1"))]).years[
        0
    ].expected.total == Decimal("1.00")
    for bad in (Decimal("-0.01"), Decimal("1.01")):
        with raises(
            InvalidValueError,
            param="ProvisionalPackage.likelihood",
            words=["must be from 0 to 1"],
            value=bad,
        ):
            ProvisionalPackage(penny, bad)


def test_approval_periods_count_from_one() -> None:
    (only,) = approval_periods(dt.date(2025, 4, 1), 1)
    assert (only.start, only.end) == (dt.date(2025, 4, 1), dt.date(2025, 9, 30))
    with raises(
        InvalidValueError,
        param="count",
        words=["count must be at least 1", "got 0"],
        value=0,
    ):
        approval_periods(dt.date(2025, 4, 1), 0)


def test_pro_rata_on_the_first_and_last_days() -> None:
    period = DateRange(dt.date(2026, 4, 1), dt.date(2026, 4, 10))
    package = SupportPackage(period, PackageRate(Decimal("7.00"), RateUnit.WEEK))
    first = pro_rata(package, dt.date(2026, 4, 1), EndReason.REMOVED_FROM_PACKAGE)
    assert (first.used, first.not_needed, first.days_used) == (
        Decimal("0.00"),
        Decimal("10.00"),
        0,
    )
    last = pro_rata(package, dt.date(2026, 4, 10), EndReason.RECALLED_TO_CUSTODY)
    assert (last.used, last.not_needed, last.days_used, last.days_not_needed) == (
        Decimal("9.00"),
        Decimal("1.00"),
        9,
        1,
    )
    for outside in (dt.date(2026, 3, 31), dt.date(2026, 4, 11)):
        with raises(
            InvalidValueError,
            param="ended_on",
            words=["must fall within the package's", "approved period"],
            value=outside,
        ):
            pro_rata(package, outside, EndReason.RECALLED_TO_CUSTODY)


def test_money_limits_on_both_sides() -> None:
    # A guard, not a rule: amounts below 10**15 pounds are money.
    largest = Decimal("999999999999999.99")
    assert split_cost(largest).total == largest
    with raises(
        InvalidValueError,
        param="total",
        words=["total is too large to be an amount of money"],
        value=None,
    ):
        split_cost(Decimal("1000000000000000"))
    # A cost that reaches the guard is refused by name: 2 days at half
    # the limit is the limit itself.
    half = PackageRate(Decimal("500000000000000.00"), RateUnit.DAY)
    two_days = DateRange(dt.date(2026, 4, 1), dt.date(2026, 4, 2))
    with raises(InvalidValueError, param="cost", words=["cost is too large"]):
        package_cost(half, two_days)
    just_under = PackageRate(Decimal("499999999999999.99"), RateUnit.DAY)
    assert package_cost(just_under, two_days) == Decimal("999999999999999.98")


def test_amount_errors_name_the_argument_and_value() -> None:
    with raises(
        InvalidValueError,
        param="total",
        words=["total must not be negative", "got -0.01"],
        value=Decimal("-0.01"),
    ):
        split_cost(Decimal("-0.01"))
    with raises(
        InvalidValueError,
        param="amount",
        words=[
            "amount must be a whole number of pennies",
            "got 1.001",
            "round it",
            "before passing it",
        ],
        value=Decimal("1.001"),
    ):
        apportion(Decimal("1.001"), DateRange(dt.date(2026, 4, 1), dt.date(2026, 4, 2)))
    assert apportion(
        Decimal("1.10"), DateRange(dt.date(2026, 4, 1), dt.date(2026, 4, 1))
    )[0].amount == Decimal("1.10")
    with raises(
        InvalidValueError, param="PackageRate.amount", words=["PackageRate.amount"]
    ):
        PackageRate(Decimal("0.001"), RateUnit.DAY)


def test_value_objects_name_their_broken_rule() -> None:
    citation = GUIDANCE.cite("para 18.25")
    with raises(
        InvalidValueError,
        param="CostSplit",
        words=["CostSplit parts must sum to the total", "0.10 + 0.80 != 1.00"],
        value=Decimal("1.00"),
    ):
        CostSplit(
            total=Decimal("1.00"),
            local_authority=Decimal("0.10"),
            scottish_government=Decimal("0.80"),
            local_authority_share=Decimal("10"),
            citation=citation,
        )
    for bad in (Decimal("-0.01"), Decimal("100.01")):
        with raises(
            InvalidValueError,
            param="CostSplit.local_authority_share",
            words=[
                "CostSplit.local_authority_share must be a percentage from 0 to 100",
                f"got {bad}",
            ],
            value=bad,
        ):
            CostSplit(
                total=Decimal("1.00"),
                local_authority=Decimal("0.10"),
                scottish_government=Decimal("0.90"),
                local_authority_share=bad,
                citation=citation,
            )
    zero = CostSplit(
        total=Decimal("1.00"),
        local_authority=Decimal("0.00"),
        scottish_government=Decimal("1.00"),
        local_authority_share=Decimal("0"),
        citation=citation,
    )
    assert zero.local_authority_share == Decimal("0")
    with raises(InvalidTypeError, param="CostSplit.local_authority_share"):
        CostSplit(
            total=Decimal("1.00"),
            local_authority=Decimal("0.10"),
            scottish_government=Decimal("0.90"),
            local_authority_share=10.0,  # type: ignore[arg-type]
            citation=citation,
        )
    period = DateRange(dt.date(2026, 4, 1), dt.date(2026, 4, 10))
    package = SupportPackage(period, PackageRate(Decimal("1.00"), RateUnit.DAY))
    with raises(
        InvalidValueError,
        param="ProRata",
        words=["ProRata.used and ProRata.not_needed must sum to ProRata.approved"],
        value=Decimal("10.00"),
    ):
        ProRata(
            package=package,
            ended_on=dt.date(2026, 4, 5),
            reason=EndReason.RECALLED_TO_CUSTODY,
            approved=Decimal("10.00"),
            used=Decimal("4.00"),
            not_needed=Decimal("5.00"),
        )


def test_approval_period_errors_name_the_rule() -> None:
    with raises(
        InvalidValueError,
        rule="isp.approval_period",
        words=[
            "an approval period beginning with 9999-12-01 ends after",
            "the last date Python can represent",
        ],
        value=dt.date(9999, 12, 1),
    ):
        approval_period(dt.date(9999, 12, 1))
    period = approval_period(dt.date(2025, 4, 1))
    assert period.citation == GUIDANCE.cite("para 18.25")
    assert all(
        p.citation == GUIDANCE.cite("para 18.25")
        for p in approval_periods(dt.date(2025, 4, 1), 2)
    )
    # A one-day approval period (a rulebook's edge) ends on its start.
    one_day = DEFAULT_RULEBOOK.with_value(
        "isp.approval_period", Duration(days=1), reason="edge"
    )
    assert approval_period(dt.date(2025, 4, 1), rulebook=one_day).end == dt.date(
        2025, 4, 1
    )


def test_forecast_for_a_year_with_no_package() -> None:
    one_day = DateRange(dt.date(2026, 4, 1), dt.date(2026, 4, 1))
    penny = SupportPackage(one_day, PackageRate(Decimal("1.00"), RateUnit.DAY))
    forecast = provisional_forecast([ProvisionalPackage(penny, Decimal("1"))])
    empty = forecast.for_year(ReportingYear(2024))
    assert (empty.maximum.total, empty.packages) == (Decimal("0.00"), 0)
    assert empty.maximum.citation == forecast.years[0].maximum.citation
    nothing = provisional_forecast([])
    assert nothing.for_year(ReportingYear(2024)).maximum.citation == GUIDANCE.cite(
        "para 18.25"
    )


ONE_WEEK = DateRange(dt.date(2026, 4, 1), dt.date(2026, 4, 7))
A_RATE = PackageRate(Decimal("1.00"), RateUnit.DAY)
A_PACKAGE = SupportPackage(ONE_WEEK, A_RATE)


@pytest.mark.parametrize(
    ("call", "param"),
    [
        (lambda: approval_period("x"), "start"),
        (lambda: approval_periods("x", 1), "start"),
        (lambda: approval_periods(dt.date(2025, 4, 1), "1"), "count"),
        (lambda: package_cost("x", ONE_WEEK), "rate"),
        (lambda: package_cost(A_RATE, "x"), "period"),
        (
            lambda: pro_rata("x", dt.date(2026, 4, 2), EndReason.RECALLED_TO_CUSTODY),
            "package",
        ),
        (lambda: pro_rata(A_PACKAGE, "x", EndReason.RECALLED_TO_CUSTODY), "ended_on"),
        (lambda: pro_rata(A_PACKAGE, dt.date(2026, 4, 2), "x"), "reason"),
        (lambda: apportion(1, ONE_WEEK), "amount"),
        (lambda: apportion(Decimal("1.00"), "x"), "period"),
        (lambda: provisional_forecast("x"), "entries"),
        (lambda: provisional_forecast([]).for_year("x"), "year"),
        (lambda: ProvisionalPackage(A_PACKAGE, 0.5), "ProvisionalPackage.likelihood"),
    ],
)
def test_bad_arguments_name_the_parameter(call: object, param: str) -> None:
    with raises(InvalidTypeError, param=param, words=[param]):
        call()  # type: ignore[operator]


def test_financial_years_come_from_the_callers_rulebook() -> None:
    # A rulebook whose years begin in January splits 31 December 2025 and
    # 1 January 2026 between two years; the default (April) keeps them in one.
    january = DEFAULT_RULEBOOK.with_value(
        "years.start_month", 1, reason="calendar years"
    )
    span = DateRange(dt.date(2025, 12, 31), dt.date(2026, 1, 1))
    assert [p.amount for p in apportion(Decimal("1.00"), span, rulebook=january)] == [
        Decimal("0.50"),
        Decimal("0.50"),
    ]
    assert [p.amount for p in apportion(Decimal("1.00"), span)] == [Decimal("1.00")]
    package = SupportPackage(span, PackageRate(Decimal("1.00"), RateUnit.DAY))
    forecast = provisional_forecast(
        [ProvisionalPackage(package, Decimal("1"))], rulebook=january
    )
    assert [y.maximum.total for y in forecast.years] == [
        Decimal("1.00"),
        Decimal("1.00"),
    ]


def test_an_approval_period_rule_counting_backwards_is_refused() -> None:
    rule = DEFAULT_RULEBOOK.rule("isp.approval_period")
    book = DEFAULT_RULEBOOK.with_rule(attrs.evolve(rule, counting=Counting.BEFORE))
    with raises(
        InvalidValueError,
        rule="isp.approval_period",
        words=["rule 'isp.approval_period' must count forwards from the start date"],
        value=Duration(months=6),
    ):
        approval_period(dt.date(2025, 4, 1), rulebook=book)


def test_a_rate_at_the_money_limit_is_refused() -> None:
    with raises(InvalidValueError, param="PackageRate.amount", words=["is too large"]):
        PackageRate(Decimal("1000000000000000"), RateUnit.DAY)
    assert PackageRate(Decimal("999999999999999.99"), RateUnit.DAY).amount == Decimal(
        "999999999999999.99"
    )


def test_a_long_likelihood_is_shortened_in_the_message() -> None:
    # The message shows at most 24 characters of the value.
    bad = Decimal("1.0000000000000000000000001")
    with raises(
        InvalidValueError,
        param="ProvisionalPackage.likelihood",
        words=["got 1.0000000000000000000000"],
        value=bad,
    ):
        ProvisionalPackage(A_PACKAGE, bad)


def test_sums_past_the_money_limit_name_what_overflowed() -> None:
    # Two packages of 6 * 10**14 pounds each: each is money, their sum in
    # one year is not.
    day = DateRange(dt.date(2026, 4, 1), dt.date(2026, 4, 1))
    big = SupportPackage(day, PackageRate(Decimal("600000000000000.00"), RateUnit.DAY))
    with raises(InvalidValueError, param="total", words=["total is too large"]):
        provisional_forecast([ProvisionalPackage(big, Decimal("1"))] * 2)
    # Pro-rating a package whose whole cost reaches the limit.
    two_days = DateRange(dt.date(2026, 4, 1), dt.date(2026, 4, 2))
    half = SupportPackage(
        two_days, PackageRate(Decimal("500000000000000.00"), RateUnit.DAY)
    )
    with raises(InvalidValueError, param="approved", words=["approved is too large"]):
        pro_rata(half, dt.date(2026, 4, 2), EndReason.RECALLED_TO_CUSTODY)


def test_citations_come_from_the_callers_rulebook() -> None:
    book = DEFAULT_RULEBOOK.with_value(
        "isp.approval_period", Duration(months=6), reason="local approval"
    )
    assert (
        approval_period(dt.date(2025, 4, 1), rulebook=book).citation.pinpoint
        == "local approval"
    )
    assert {
        p.citation.pinpoint
        for p in approval_periods(dt.date(2025, 4, 1), 2, rulebook=book)
    } == {"local approval"}
    share = DEFAULT_RULEBOOK.with_value(SHARE_RULE, Decimal("10"), reason="local share")
    forecast = provisional_forecast(
        [ProvisionalPackage(A_PACKAGE, Decimal("1"))], rulebook=share
    )
    assert (
        forecast.for_year(ReportingYear(2020)).maximum.citation.pinpoint
        == "local share"
    )


# -- rules read as at the event, on both sides of a version's start -----------

_FROM = dt.date(2020, 1, 6)  # a Monday; the Friday before is 3 January
_BEFORE = dt.date(2020, 1, 3)
_LOCAL = (
    DEFAULT_RULEBOOK.with_value(
        "years.start_month", 1, reason="calendar years", applies_from=_FROM
    )
    .with_value(
        "isp.approval_period",
        Duration(months=3),
        reason="local approvals",
        applies_from=_FROM,
    )
    .with_value("isp.end.report", True, reason="local end report", applies_from=_FROM)
    .with_value("isp.provisional_list", True, reason="local list", applies_from=_FROM)
    .with_value(
        "isp.local_authority.minimum_share",
        Decimal("20"),
        reason="local share",
        applies_from=_FROM,
    )
)


def test_apportion_reads_the_year_start_as_at_the_period_start() -> None:
    # From 6 January 2020 years run from 1 January. A period starting the
    # Monday before (30 December 2019) is in April-to-March years: one
    # part, though it crosses 1 January. One starting on 6 January and
    # running past 1 April is in calendar years: one part, though it
    # crosses 1 April.
    before = apportion(
        Decimal("70.00"),
        DateRange(dt.date(2019, 12, 30), dt.date(2020, 1, 5)),
        rulebook=_LOCAL,
    )
    assert [(s.year.start, s.amount) for s in before] == [
        (dt.date(2019, 4, 1), Decimal("70.00"))
    ]
    after = apportion(
        Decimal("70.00"), DateRange(_FROM, dt.date(2020, 4, 5)), rulebook=_LOCAL
    )
    assert [(s.year.start, s.amount) for s in after] == [
        (dt.date(2020, 1, 1), Decimal("70.00"))
    ]
    # A period that starts before the change and ends after it keeps the
    # years of its start: 3 January 2020 to 2 April 2020 (91 days) splits
    # at 1 April (89 days and 2), not at 1 January.
    across = apportion(
        Decimal("91.00"), DateRange(_BEFORE, dt.date(2020, 4, 2)), rulebook=_LOCAL
    )
    assert [(s.year.start, s.days, s.amount) for s in across] == [
        (dt.date(2019, 4, 1), 89, Decimal("89.00")),
        (dt.date(2020, 4, 1), 2, Decimal("2.00")),
    ]


def test_approval_periods_are_read_as_at_their_own_start() -> None:
    # Six months beginning with 3 January 2020 end 2 July; three months
    # beginning with 6 January end 5 April. A renewal from 3 July 2020
    # takes the rule then in force: three months, to 2 October.
    before = approval_period(_BEFORE, rulebook=_LOCAL)
    assert (before.end, before.citation) == (
        dt.date(2020, 7, 2),
        GUIDANCE.cite("para 18.25"),
    )
    after = approval_period(_FROM, rulebook=_LOCAL)
    assert (after.end, after.citation.pinpoint) == (
        dt.date(2020, 4, 5),
        "local approvals",
    )
    first, renewal = approval_periods(_BEFORE, 2, rulebook=_LOCAL)
    assert (first.end, renewal.start, renewal.end) == (
        dt.date(2020, 7, 2),
        dt.date(2020, 7, 3),
        dt.date(2020, 10, 2),
    )
    assert renewal.citation.pinpoint == "local approvals"


def test_pro_rata_cites_the_rule_as_at_the_end_of_the_package() -> None:
    package = SupportPackage(
        DateRange(dt.date(2019, 12, 1), dt.date(2020, 5, 31)),
        PackageRate(Decimal("10.00"), RateUnit.DAY),
    )
    before = pro_rata(package, _BEFORE, EndReason.RECALLED_TO_CUSTODY, rulebook=_LOCAL)
    assert before.citation == GUIDANCE.cite("para 18.26")
    assert before.used == Decimal("330.00")  # 1 December to 2 January: 33 days
    after = pro_rata(package, _FROM, EndReason.RECALLED_TO_CUSTODY, rulebook=_LOCAL)
    assert after.citation.pinpoint == "local end report"
    assert after.used == Decimal("360.00")


def test_provisional_forecast_reads_its_rules_as_at_the_earliest_start() -> None:
    def forecast(*starts: dt.date) -> ProvisionalForecast:
        entries = [
            ProvisionalPackage(
                SupportPackage(
                    DateRange(start, start + dt.timedelta(days=9)),
                    PackageRate(Decimal("10.00"), RateUnit.DAY),
                ),
                Decimal("1"),
            )
            for start in starts
        ]
        return provisional_forecast(entries, rulebook=_LOCAL)

    # Earliest start 3 January 2020: the national 10% and citations, and
    # April-to-March years for every package (the one from 3 February too).
    before = forecast(dt.date(2020, 2, 3), _BEFORE)
    assert before.local_authority_share == Decimal("10")
    assert before.citation == GUIDANCE.cite("para 18.24")
    assert before.share_citation == GUIDANCE.cite("para 18.25")
    (year,) = before.years
    assert year.year.start == dt.date(2019, 4, 1)
    assert (year.maximum.total, year.maximum.local_authority) == (
        Decimal("200.00"),
        Decimal("20.00"),
    )
    # Earliest start 6 January 2020: the local 20% and citations, and
    # calendar years.
    after = forecast(dt.date(2020, 2, 3), _FROM)
    assert after.local_authority_share == Decimal("20")
    assert after.citation.pinpoint == "local list"
    assert after.share_citation.pinpoint == "local share"
    (year,) = after.years
    assert year.year.start == dt.date(2020, 1, 1)
    assert year.maximum.local_authority == Decimal("40.00")
