"""Valid samples of mappa.duties' types for the contract test."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

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
from mappa.notification import OtherDisposal
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
    AccessRequest: lambda: AccessRequest(received=dt.date(2025, 6, 2)),
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
    "caseload_duties.caseload": lambda: [_record()],
    "case_from_json.data": lambda: {"case_ref": "C-1", "category": 1},
    "read_case.file": lambda: io.StringIO('{"case_ref": "C-1", "category": 1}'),
    "to_ical.rows": lambda: [DutyRow.of(_case(), _duty())],
}
