"""Valid samples of mappa.isp's types for the contract test."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

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
    approval_period,
    pro_rata,
    provisional_forecast,
    split_cost,
)
from mappa.periods import DateRange
from mappa.years import ReportingYear


def _period() -> DateRange:
    return DateRange(dt.date(2026, 1, 1), dt.date(2026, 6, 30))


def _package() -> SupportPackage:
    return SupportPackage(_period(), PackageRate(Decimal("700.00"), RateUnit.WEEK))


def _forecast() -> ProvisionalForecast:
    return provisional_forecast([ProvisionalPackage(_package(), Decimal("0.5"))])


SAMPLES: dict[type, Callable[[], object]] = {
    DateRange: _period,
    ApprovalPeriod: lambda: approval_period(dt.date(2026, 1, 1)),
    PackageRate: lambda: PackageRate(Decimal("100.00"), RateUnit.DAY),
    SupportPackage: _package,
    CostSplit: lambda: split_cost(Decimal("100.00")),
    ProvisionalPackage: lambda: ProvisionalPackage(_package(), Decimal("0.5")),
    ProvisionalForecast: _forecast,
    YearForecast: lambda: _forecast().years[0],
    YearShare: lambda: YearShare(
        year=ReportingYear(2025), period=_period(), amount=Decimal("1.00")
    ),
    ProRata: lambda: pro_rata(
        _package(), dt.date(2026, 2, 1), EndReason.RECALLED_TO_CUSTODY
    ),
}


PARAMS: dict[str, Callable[[], object]] = {
    # A split whose parts sum to its total.
    "CostSplit.total": lambda: Decimal("100.00"),
    "CostSplit.local_authority": lambda: Decimal("10.00"),
    "CostSplit.scottish_government": lambda: Decimal("90.00"),
    "CostSplit.local_authority_share": lambda: Decimal("10"),
    "ProRata.approved": lambda: Decimal("100.00"),
    "ProRata.used": lambda: Decimal("10.00"),
    "ProRata.not_needed": lambda: Decimal("90.00"),
    "ProvisionalForecast.local_authority_share": lambda: Decimal("10"),
    "split_cost.local_authority_share": lambda: Decimal("10"),
    "provisional_forecast.local_authority_share": lambda: Decimal("10"),
    "pro_rata.ended_on": lambda: dt.date(2026, 2, 1),
    "YearShare.period": _period,
    "ProvisionalPackage.likelihood": lambda: Decimal("0.5"),
}
