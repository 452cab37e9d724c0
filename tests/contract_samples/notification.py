"""Valid samples of mappa.notification's types for the contract test."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from mappa.notification import (
    Caution,
    CautionJurisdiction,
    CommunityPaybackOrder,
    HospitalOrder,
    Imprisonment,
    LifeImprisonment,
    NotificationPeriod,
    NotificationSchedule,
    OrderForLifelongRestriction,
    OtherDisposal,
    PeriodRow,
    TravelNotice,
    foreign_travel_notice,
    notification_period,
    notification_schedule,
)
from mappa.periods import DateRange, Duration
from mappa.rulebook import DEFAULT_RULEBOOK

SAMPLES: dict[type, Callable[[], object]] = {
    Imprisonment: lambda: Imprisonment(months=12),
    LifeImprisonment: LifeImprisonment,
    OrderForLifelongRestriction: OrderForLifelongRestriction,
    HospitalOrder: lambda: HospitalOrder(restriction_order=False),
    CommunityPaybackOrder: lambda: CommunityPaybackOrder(Duration(years=2)),
    OtherDisposal: OtherDisposal,
    Caution: lambda: Caution(where=CautionJurisdiction.ENGLAND_AND_WALES),
    DateRange: lambda: DateRange(dt.date(2025, 6, 2), dt.date(2025, 6, 9)),
    NotificationPeriod: lambda: notification_period(
        Imprisonment(months=12), under_18=False
    ),
    NotificationSchedule: lambda: notification_schedule(
        OtherDisposal(),
        dt.date(2025, 6, 2),
        under_18=False,
        first_notification=dt.date(2025, 6, 3),
    ),
    TravelNotice: lambda: foreign_travel_notice(dt.date(2025, 6, 2)),
}

PARAMS: dict[str, Callable[[], object]] = {
    "Imprisonment.months": lambda: 12,
    "NotificationPeriod.row": lambda: PeriodRow.OTHER,
    "NotificationPeriod.citation": lambda: DEFAULT_RULEBOOK.citation(
        "notification.period.other"
    ),
    "NotificationPeriod.rule": lambda: "notification.period.other",
}
