"""mappa: the rules of Scotland's Multi-Agency Public Protection Arrangements.

Every number and period comes from :mod:`mappa.rulebook`, with its citation.
Everything listed in ``__all__`` is the stable public API; other names are
private.

>>> import mappa
>>> mappa.check_level(mappa.Category.REGISTERED_SEX_OFFENDER, mappa.Level.MAPPP)
<Level.MAPPP: 3>
"""

from __future__ import annotations

from mappa.errors import (
    CalendarRangeError,
    InvalidTransition,
    InvalidTypeError,
    InvalidValueError,
    LevelNotPermitted,
    MappaError,
    NotApplicable,
    RecordError,
    RuleNotInForce,
    UnknownNameError,
    UnknownRuleError,
)
from mappa.framework import (
    AREAS,
    DEFAULT_AREA_TABLE,
    LOCAL_AUTHORITIES,
    Area,
    AreaTable,
    Category,
    Level,
    area_of,
    check_level,
    permitted_levels,
)
from mappa.periods import Counting, Duration
from mappa.rulebook import DEFAULT_RULEBOOK, Rule, Rulebook, RuleVersion
from mappa.sources import Citation, Document
from mappa.years import Quarter, ReportingYear, parse_period, quarter_of, reporting_year

__version__ = "0.1.0.dev0"

__all__ = [
    "AREAS",
    "Area",
    "AreaTable",
    "CalendarRangeError",
    "Category",
    "Citation",
    "Counting",
    "DEFAULT_AREA_TABLE",
    "DEFAULT_RULEBOOK",
    "Document",
    "Duration",
    "InvalidTransition",
    "InvalidTypeError",
    "InvalidValueError",
    "LOCAL_AUTHORITIES",
    "Level",
    "LevelNotPermitted",
    "MappaError",
    "NotApplicable",
    "Quarter",
    "RecordError",
    "ReportingYear",
    "Rule",
    "RuleNotInForce",
    "RuleVersion",
    "Rulebook",
    "UnknownNameError",
    "UnknownRuleError",
    "__version__",
    "area_of",
    "check_level",
    "parse_period",
    "permitted_levels",
    "quarter_of",
    "reporting_year",
]
