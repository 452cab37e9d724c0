"""Valid samples of mappa.indicators' types for the contract test."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from contract_samples.records import _meeting
from mappa.indicators import (
    Coverage,
    Indicator,
    IndicatorResult,
    Provenance,
    Report,
    Trend,
    evaluate,
    trend,
)
from mappa.sources import GLASGOW_MAPPA_PAGE
from mappa.years import Quarter


def _report() -> Report:
    return evaluate([_meeting()], period=Quarter(2025, 1))


def _provenance() -> Provenance:
    provenance = _report().provenance
    assert provenance is not None
    return provenance


def _coverage() -> Coverage:
    return Coverage(dt.date(2024, 4, 1), dt.date(2025, 6, 30), attendance=True)


SAMPLES: dict[type, Callable[[], object]] = {
    Report: _report,
    Coverage: _coverage,
    Provenance: _provenance,
    Trend: lambda: trend([_meeting()], periods="2024Q4..2025Q1"),
    IndicatorResult: lambda: IndicatorResult(
        Indicator.MINUTES_RELEASED,
        (("area", "Fife"),),
        1,
        2,
        Decimal(90),
        GLASGOW_MAPPA_PAGE.cite("National Performance Indicators"),
    ),
}

PARAMS: dict[str, Callable[[], object]] = {
    "evaluate.meetings": lambda: [_meeting()],
    "evaluate.period": lambda: Quarter(2025, 1),
    "evaluate.by": lambda: ("area",),
    "evaluate.targets": lambda: None,
    "IndicatorResult.group": lambda: (("area", "Fife"),),
    "IndicatorResult.numerator": lambda: 1,
    "IndicatorResult.denominator": lambda: 2,
    "IndicatorResult.target": lambda: Decimal(90),
    "IndicatorResult.failed": lambda: ("M1",),
    "Report.period": lambda: Quarter(2025, 1),
    "Report.by": lambda: ("area",),
    "Report.targets": lambda: "current",
    "Report.results": lambda: (),
    "Report.result.group": lambda: (),
    "Report.html.title": lambda: "KPIs",
    "Report.html.note": lambda: "synthetic",
    "evaluate.data_until": lambda: None,
    "trend.meetings": lambda: [_meeting()],
    "trend.periods": lambda: "2024Q4..2025Q1",
    "trend.by": lambda: ("area",),
    "trend.targets": lambda: None,
    "trend.data_until": lambda: None,
    "Coverage.first": lambda: dt.date(2024, 4, 1),
    "Coverage.last": lambda: dt.date(2025, 6, 30),
    "Coverage.attendance": lambda: True,
    "Coverage.covers.period": lambda: Quarter(2025, 1),
    "Coverage.as_at.period": lambda: Quarter(2025, 1),
    "Trend.reports": lambda: (_report(),),
    "Trend.series.indicator": lambda: Indicator.MINUTES_RELEASED,
    "Trend.series.group": lambda: (),
    "Trend.html.title": lambda: "KPIs",
    "Trend.result.report": _report,
    "Trend.result.indicator": lambda: Indicator.MINUTES_RELEASED,
    "Trend.result.group": lambda: (),
    "Provenance.generated": lambda: dt.date(2026, 1, 5),
    "Provenance.mappa_version": lambda: "1.0",
    "Provenance.holidays_version": lambda: "0.91",
    "Provenance.rulebook": lambda: "mappa 1.0 rulebook",
    "Provenance.targets": lambda: "current",
    "Provenance.overrides": lambda: (),
    "Provenance.inputs": lambda: ("meetings.csv",),
    "Provenance.period": lambda: "2025Q1",
    "Provenance.start": lambda: dt.date(2025, 4, 1),
    "Provenance.end": lambda: dt.date(2025, 6, 30),
    "Provenance.coverage": _coverage,
}
