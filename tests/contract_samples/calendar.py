"""Valid samples of mappa.calendar's types for the contract test."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from mappa.calendar import WorkingCalendar

SAMPLES: dict[type, Callable[[], object]] = {
    WorkingCalendar: WorkingCalendar.scotland,
}

PARAMS: dict[str, Callable[[], object]] = {
    "WorkingCalendar.first_year": lambda: 2025,
    "WorkingCalendar.last_year": lambda: 2025,
    "WorkingCalendar.from_closed_days.first_year": lambda: 2025,
    "WorkingCalendar.from_closed_days.last_year": lambda: 2025,
    "WorkingCalendar.from_closed_days.closed_days": lambda: (dt.date(2025, 1, 1),),
    "WorkingCalendar.working_days.end": lambda: dt.date(2025, 6, 30),
    "WorkingCalendar.working_days_between.end": lambda: dt.date(2025, 6, 30),
}
