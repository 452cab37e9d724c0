"""Valid samples of mappa.chairs' types for the contract test."""

from __future__ import annotations

from collections.abc import Callable

from mappa.chairs import (
    DEFAULT_SENIORITY_POLICY,
    Agency,
    ChairDecision,
    PoliceRank,
    Role,
    SeniorityPolicy,
    may_chair,
)
from mappa.framework import Category, Level

SAMPLES: dict[type, Callable[[], object]] = {
    Role: lambda: Role(PoliceRank.INSPECTOR, detective=True),
    ChairDecision: lambda: may_chair(
        PoliceRank.INSPECTOR, Level.MULTI_AGENCY, Category.REGISTERED_SEX_OFFENDER
    ),
    SeniorityPolicy: lambda: DEFAULT_SENIORITY_POLICY,
}

PARAMS: dict[str, Callable[[], object]] = {
    "SeniorityPolicy.minimums": lambda: {Agency.POLICE: PoliceRank.SERGEANT},
}
