"""Valid samples of mappa.disclosure's types for the contract test."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from mappa.disclosure import (
    DataProtectionRegime,
    DisclosureRoute,
    MinuteMarking,
    RecordingCheck,
    SubjectAccessDeadline,
    SubjectAccessRequest,
    ThirdPartyRequest,
    TribunalConsideration,
    TribunalRecommendation,
    TribunalRequest,
    TribunalStatement,
    assess_audio_recording,
    route_request,
    subject_access_deadline,
)
from mappa.framework import Level

_DAY = dt.date(2025, 6, 2)

SAMPLES: dict[type, Callable[[], object]] = {
    MinuteMarking: MinuteMarking,
    ThirdPartyRequest: lambda: ThirdPartyRequest(received=_DAY),
    SubjectAccessRequest: lambda: SubjectAccessRequest(
        _DAY, regime=DataProtectionRegime.GENERAL
    ),
    TribunalRequest: lambda: TribunalRequest(
        received=_DAY, considering=TribunalConsideration.CONDITIONAL_DISCHARGE
    ),
    SubjectAccessDeadline: lambda: subject_access_deadline(
        _DAY, regime=DataProtectionRegime.GENERAL
    ),
    DisclosureRoute: lambda: route_request(
        SubjectAccessRequest(_DAY, regime=DataProtectionRegime.GENERAL)
    ),
    TribunalStatement: lambda: TribunalStatement(
        meeting_date=_DAY,
        level=Level.MULTI_AGENCY,
        recommendation=TribunalRecommendation.CONDITIONAL_DISCHARGE,
    ),
    RecordingCheck: lambda: assess_audio_recording(
        final_agreed=_DAY, destroyed=None, on=_DAY
    ),
}

PARAMS: dict[str, Callable[[], object]] = {
    "RecordingCheck.days_overdue": lambda: 0,
    "tribunal_statement.level": lambda: Level.MULTI_AGENCY,
    "TribunalStatement.level": lambda: Level.MULTI_AGENCY,
}
