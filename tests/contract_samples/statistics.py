"""Valid samples of mappa.statistics' types for the contract test."""

from __future__ import annotations

from collections.abc import Callable

from mappa.statistics import (
    NATIONAL_FIGURES_2018_19,
    FigureRow,
    KeepingChildrenSafe,
    NationalFigures,
    ProgrammeCompletions,
    TrainingCount,
)

SAMPLES: dict[type, Callable[[], object]] = {
    NationalFigures: lambda: NATIONAL_FIGURES_2018_19,
    ProgrammeCompletions: lambda: NATIONAL_FIGURES_2018_19.programme_completions[0],
    KeepingChildrenSafe: lambda: NATIONAL_FIGURES_2018_19.keeping_children_safe,
    TrainingCount: lambda: NATIONAL_FIGURES_2018_19.training[0],
    FigureRow: lambda: NATIONAL_FIGURES_2018_19.rows()[0],
}

PARAMS: dict[str, Callable[[], object]] = {
    "figures_for.year": lambda: "2018/19",
    "NationalFigures.cite.pinpoint": lambda: "section 6.0",
}
