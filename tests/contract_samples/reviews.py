"""Valid samples of mappa.reviews' types for the contract test."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from mappa.framework import Level
from mappa.reviews import (
    InitialMapppCheck,
    ReviewInterval,
    ReviewMeeting,
    ReviewStatus,
    assess_initial_mappp,
    review_interval,
    review_status,
)

_DAY = dt.date(2025, 6, 2)
_EARLIER = dt.date(2025, 5, 1)

SAMPLES: dict[type, Callable[[], object]] = {
    ReviewInterval: lambda: review_interval(Level.MAPPP),
    ReviewMeeting: lambda: ReviewMeeting(_EARLIER, Level.MAPPP),
    ReviewStatus: lambda: review_status(Level.MAPPP, _EARLIER, _DAY),
    InitialMapppCheck: lambda: assess_initial_mappp(dt.date(2025, 9, 1), _DAY),
}

# Level 1 has no national interval, so the generic sample (the first Level
# member) would raise NotApplicable: the valid call needs level 2 or 3.
PARAMS: dict[str, Callable[[], object]] = {
    "review_interval.level": lambda: Level.MAPPP,
    "next_review_due.level": lambda: Level.MAPPP,
    "review_status.level": lambda: Level.MAPPP,
    "review_status.last_meeting": lambda: _EARLIER,
    "review_schedule.level": lambda: Level.MAPPP,
    "review_schedule.first_meeting": lambda: _EARLIER,
}
