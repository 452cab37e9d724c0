"""Valid samples of mappa.deadlines' types for the contract test."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from mappa.deadlines import Deadline
from mappa.sources import GUIDANCE

SAMPLES: dict[type, Callable[[], object]] = {
    Deadline: lambda: Deadline(
        dt.date(2025, 6, 16), "minutes.final", GUIDANCE.cite("para 11.15")
    ),
}
