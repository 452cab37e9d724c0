"""Valid samples of mappa.licences' types for the contract test."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from mappa.licences import (
    ChangeKind,
    ChangeRoute,
    TerminationCheck,
    change_route,
    life_licence_termination,
)

SAMPLES: dict[type, Callable[[], object]] = {
    ChangeRoute: lambda: change_route(ChangeKind.LICENCE_CONDITIONS),
    TerminationCheck: lambda: life_licence_termination(
        request_date=dt.date(2025, 6, 2), report_date=dt.date(2025, 1, 6)
    ),
}

PARAMS: dict[str, Callable[[], object]] = {}
