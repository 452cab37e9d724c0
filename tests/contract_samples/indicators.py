"""Valid samples of mappa.indicators' types for the contract test."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from contract_samples.records import _meeting
from mappa.indicators import Indicator, IndicatorResult, Report, evaluate
from mappa.sources import GLASGOW_MAPPA_PAGE
from mappa.years import Quarter


def _report() -> Report:
    return evaluate([_meeting()], period=Quarter(2025, 1))


SAMPLES: dict[type, Callable[[], object]] = {
    Report: _report,
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
}
