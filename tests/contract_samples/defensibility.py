"""Valid samples of mappa.defensibility's types for the contract test."""

from __future__ import annotations

from collections.abc import Callable

from mappa.defensibility import (
    DefensibilityChecklist,
    DefensibilityResult,
    assess_defensibility,
)

SAMPLES: dict[type, Callable[[], object]] = {
    DefensibilityChecklist: lambda: DefensibilityChecklist(reasonable_steps=True),
    DefensibilityResult: lambda: assess_defensibility(DefensibilityChecklist()),
}

PARAMS: dict[str, Callable[[], object]] = {
    "DefensibilityResult.question": lambda: "Was everything done?",
}
