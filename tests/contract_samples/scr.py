"""Valid samples of mappa.scr's types for the contract test."""

from __future__ import annotations

from collections.abc import Callable

from mappa.scr import (
    Charge,
    Incident,
    ScrAssessment,
    ScrStage,
    assess_scr,
)

SAMPLES: dict[type, Callable[[], object]] = {
    Incident: lambda: Incident(managed_under_mappa=True, charge=Charge.MURDER),
    ScrAssessment: lambda: assess_scr(
        Incident(managed_under_mappa=True, charge=Charge.MURDER)
    ),
}

PARAMS: dict[str, Callable[[], object]] = {
    "check_transition.proposed": lambda: ScrStage.SOG_CHAIR_REVIEW,
}
