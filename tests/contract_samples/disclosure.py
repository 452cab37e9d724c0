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


def _sar() -> SubjectAccessDeadline:
    return subject_access_deadline(_DAY, regime=DataProtectionRegime.GENERAL)


SAMPLES: dict[type, Callable[[], object]] = {
    MinuteMarking: MinuteMarking,
    ThirdPartyRequest: lambda: ThirdPartyRequest(received=_DAY),
    SubjectAccessRequest: lambda: SubjectAccessRequest(
        _DAY, regime=DataProtectionRegime.GENERAL
    ),
    TribunalRequest: lambda: TribunalRequest(
        received=_DAY, considering=TribunalConsideration.CONDITIONAL_DISCHARGE
    ),
    SubjectAccessDeadline: _sar,
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
    # A subject access deadline's parts agree with one another.
    "SubjectAccessDeadline.received": lambda: _DAY,
    "SubjectAccessDeadline.regime": lambda: DataProtectionRegime.GENERAL,
    "SubjectAccessDeadline.due": lambda: _sar().due,
    "SubjectAccessDeadline.extended_due": lambda: _sar().extended_due,
    "SubjectAccessDeadline.extension_notice_by": lambda: _sar().extension_notice_by,
    "SubjectAccessDeadline.days_stopped": lambda: 0,
}
