"""Valid samples of mappa.minutes' types for the contract test."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from mappa.minutes import MinutesDecision, MinutesDue, minutes_due, minutes_on_time

SAMPLES: dict[type, Callable[[], object]] = {
    MinutesDue: lambda: minutes_due(dt.date(2025, 6, 2)),
    MinutesDecision: lambda: minutes_on_time(dt.date(2025, 6, 2), dt.date(2025, 6, 16)),
}

PARAMS: dict[str, Callable[[], object]] = {
    "MinutesDue.meeting_date": lambda: dt.date(2025, 6, 2),
    "MinutesDue.draft": lambda: minutes_due(dt.date(2025, 6, 2)).draft,
    "MinutesDue.final": lambda: minutes_due(dt.date(2025, 6, 2)).final,
    "MinutesDue.draft_working_days": lambda: 5,
    "MinutesDue.final_working_days": lambda: 10,
    "MinutesDecision.on_time": lambda: True,
    "MinutesDecision.rule": lambda: "minutes.final",
}
