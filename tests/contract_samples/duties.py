"""Valid samples of mappa.duties' types for the contract test.

The case given to ``duties`` and ``caseload_duties`` has an event of every
kind, so the walks (the contract, and rules read as at the event's date)
reach every rule function a duty comes from.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

from mappa.disclosure import DataProtectionRegime
from mappa.duties import (
    AccessRequest,
    Case,
    CaseMeeting,
    Duty,
    DutyRow,
    Event,
    EventKind,
    IspApproval,
    NotificationFacts,
    duties,
)
from mappa.framework import Category, Level
from mappa.notification import Caution, CautionJurisdiction, OtherDisposal
from mappa.periods import DateRange
from mappa.records import Meeting, MeetingKind

_ON = dt.date(2025, 6, 12)


def _case() -> Case:
    return Case(
        case_ref="C-1",
        category=Category.REGISTERED_SEX_OFFENDER,
        area="Fife",
        meetings=(
            CaseMeeting(
                held_on=dt.date(2025, 6, 2), level=Level.MAPPP, meeting_id="M1"
            ),
        ),
    )


def _every_kind() -> Case:
    """A case with an event of every kind by 1 June 2026."""
    return Case(
        case_ref="C-2",
        category=Category.REGISTERED_SEX_OFFENDER,
        area="Fife",
        liberation_date=dt.date(2026, 5, 1),
        referral_level=Level.MAPPP,
        olr=True,
        rmp_reviews=(dt.date(2025, 4, 1),),
        meetings=(
            CaseMeeting(
                held_on=dt.date(2026, 3, 2),
                level=Level.MAPPP,
                final_released=dt.date(2026, 3, 20),
                recorded=True,
            ),
            CaseMeeting(
                held_on=dt.date(2026, 4, 13),
                level=Level.MAPPP,
                new_level=Level.ROUTINE,
            ),
        ),
        notification=NotificationFacts(
            disposal=Caution(where=CautionJurisdiction.ENGLAND_AND_WALES),
            relevant_date=dt.date(2025, 1, 6),
            under_18=False,
            notifications=(dt.date(2025, 1, 7),),
            changes=(dt.date(2025, 6, 2),),
        ),
        isp_approvals=(IspApproval(start=dt.date(2025, 10, 1)),),
        subject_access_requests=(
            AccessRequest(
                received=dt.date(2026, 3, 2),
                regime=DataProtectionRegime.LAW_ENFORCEMENT,
                extended=True,
                clock_stopped=(DateRange(dt.date(2026, 3, 5), dt.date(2026, 6, 30)),),
            ),
            AccessRequest(
                received=dt.date(2026, 4, 30), regime=DataProtectionRegime.GENERAL
            ),
        ),
        risk_changes=(dt.date(2026, 4, 20),),
    )


def _duty() -> Duty:
    return duties(_case(), on=_ON)[0]


def _record() -> Meeting:
    return Meeting(
        meeting_id="M1",
        case_ref="C-1",
        area="Fife",
        category=Category.REGISTERED_SEX_OFFENDER,
        level=Level.MULTI_AGENCY,
        date=dt.date(2025, 6, 2),
        kind=MeetingKind.REVIEW,
    )


SAMPLES: dict[type, Callable[[], object]] = {
    AccessRequest: lambda: AccessRequest(
        received=dt.date(2025, 6, 2), regime=DataProtectionRegime.GENERAL
    ),
    Case: _case,
    CaseMeeting: lambda: _case().meetings[0],
    Duty: _duty,
    DutyRow: lambda: DutyRow.of(_case(), _duty()),
    Event: lambda: _duty().event,
    IspApproval: lambda: IspApproval(start=dt.date(2025, 6, 2)),
    NotificationFacts: lambda: NotificationFacts(
        disposal=OtherDisposal(), relevant_date=dt.date(2025, 6, 2), under_18=False
    ),
}

PARAMS: dict[str, Callable[[], object]] = {
    "AccessRequest.regime": lambda: DataProtectionRegime.GENERAL,
    "Case.case_ref": lambda: "C-1",
    "Case.category": lambda: Category.REGISTERED_SEX_OFFENDER,
    "Case.from_meetings.meetings": lambda: [_record()],
    "CaseMeeting.level": lambda: Level.MAPPP,
    "Event.kind": lambda: EventKind.MEETING,
    "Duty.kind": lambda: _duty().kind,
    "Duty.event": lambda: _duty().event,
    "Duty.rule": lambda: _duty().rule,
    "Duty.citation": lambda: _duty().citation,
    "Duty.on": lambda: _ON,
    "Duty.deadline": lambda: _duty().deadline,
    "DutyRow.case_ref": lambda: "C-1",
    "DutyRow.status": lambda: _duty().status,
    "DutyRow.event": lambda: "meeting M1",
    "DutyRow.rule": lambda: _duty().rule,
    "DutyRow.citation": lambda: str(_duty().citation),
    "NotificationFacts.disposal": lambda: OtherDisposal(),
    "duties.case": _every_kind,
    "duties.on": lambda: dt.date(2026, 6, 1),
    "caseload_duties.caseload": lambda: [_record(), _every_kind()],
    "caseload_duties.on": lambda: dt.date(2026, 6, 1),
    "case_from_json.data": lambda: {"case_ref": "C-1", "category": 1},
    "read_case.file": lambda: io.StringIO('{"case_ref": "C-1", "category": 1}'),
    "to_ical.rows": lambda: [DutyRow.of(_case(), _duty())],
}
