"""Valid samples of the foundation's types for the contract test."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from mappa.framework import DEFAULT_AREA_TABLE, Area, AreaTable
from mappa.periods import Counting, Duration
from mappa.rulebook import DEFAULT_RULEBOOK, Rule, Rulebook, RuleVersion
from mappa.sources import GUIDANCE, Citation, Document
from mappa.years import Quarter, ReportingYear


def _overrides_file() -> str:
    """A valid overrides file in the working directory (the contract test's
    temporary one)."""
    path = Path("overrides.toml")
    path.write_text(
        '[[override]]\nrule = "minutes.final"\nvalue = 12\nreason = "a test"\n',
        encoding="utf-8",
    )
    return str(path)


SAMPLES: dict[type, Callable[[], object]] = {
    Citation: lambda: GUIDANCE.cite("para 11.15"),
    Document: lambda: GUIDANCE,
    Duration: lambda: Duration(weeks=6),
    Rule: lambda: DEFAULT_RULEBOOK.rule("reviews.level3.interval"),
    RuleVersion: lambda: DEFAULT_RULEBOOK.version("reviews.level3.interval"),
    Rulebook: lambda: DEFAULT_RULEBOOK,
    Area: lambda: DEFAULT_AREA_TABLE.areas[0],
    AreaTable: lambda: DEFAULT_AREA_TABLE,
    ReportingYear: lambda: ReportingYear(2025),
    Quarter: lambda: Quarter(2025, 3),
    Counting: lambda: Counting.AFTER,
}

PARAMS: dict[str, Callable[[], object]] = {
    "Redacted.value": lambda: "any text",
    "Duration.weeks": lambda: 6,
    "area_of.name": lambda: "Fife",
    "AreaTable.area.name": lambda: "Fife",
    "Rulebook.rule.name": lambda: "minutes.final",
    "Rulebook.version.name": lambda: "minutes.final",
    "Rulebook.value.name": lambda: "minutes.final",
    "Rulebook.citation.name": lambda: "minutes.final",
    "Rulebook.integer.name": lambda: "minutes.final",
    "Rulebook.duration.name": lambda: "reviews.level3.interval",
    "Rulebook.decimal.name": lambda: "kpi.minutes_released.target",
    "Rulebook.text.name": lambda: "chairs.level2.police",
    "Rulebook.texts.name": lambda: "notification.caution",
    "Rulebook.as_at.on": lambda: dt.date(2025, 6, 2),
    "Rulebook.with_overrides.path": _overrides_file,
    "Rulebook.integers.name": lambda: "levels.category_1",
    "Rulebook.counting.name": lambda: "reviews.level3.interval",
    "Rulebook.with_value.name": lambda: "minutes.final",
    "Rulebook.with_value.value": lambda: 11,
    "Rulebook.with_rule.rule": lambda: DEFAULT_RULEBOOK.rule("minutes.final"),
    "Rulebook.rules": lambda: DEFAULT_RULEBOOK.rules,
    "ReportingYear.parse.label": lambda: "2025/26",
    "Quarter.parse.label": lambda: "2025Q3",
    "parse_period.label": lambda: "2025/26",
    "Quarter.number": lambda: 2,
    "Rule.versions": lambda: DEFAULT_RULEBOOK.rule("minutes.final").versions,
    "Area.local_authorities": lambda: ("Fife Council",),
    "AreaTable.areas": lambda: DEFAULT_AREA_TABLE.areas,
    "Document.cite.pinpoint": lambda: "para 1",
    "RuleVersion.value": lambda: 10,
    "Rule.version.edition": lambda: None,
    "Rulebook.version.edition": lambda: None,
    "Rulebook.value.edition": lambda: None,
    "Rulebook.citation.edition": lambda: None,
    "Rulebook.integer.edition": lambda: None,
    "Rulebook.duration.edition": lambda: None,
    "Rulebook.decimal.edition": lambda: None,
    "Rulebook.text.edition": lambda: None,
    "Rulebook.integers.edition": lambda: None,
}
