"""Valid samples of mappa.records' types for the contract test."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

from mappa.chairs import Agency
from mappa.framework import Category, Level
from mappa.records import (
    ATTENDANCE_COLUMNS,
    MEETING_COLUMNS,
    AgencyRole,
    Attendance,
    Caseload,
    Meeting,
    MeetingKind,
)


def _attendance() -> Attendance:
    return Attendance(
        agency=Agency.POLICE,
        role=AgencyRole.RESPONSIBLE_AUTHORITY,
        invited=True,
        attended=True,
        at_seniority=True,
    )


def _meeting() -> Meeting:
    return Meeting(
        meeting_id="M1",
        case_ref="C-1",
        area="Fife",
        category=Category.REGISTERED_SEX_OFFENDER,
        level=Level.MULTI_AGENCY,
        date=dt.date(2025, 6, 2),
        kind=MeetingKind.REVIEW,
        minutes_released=dt.date(2025, 6, 9),
        disclosure_recorded=True,
        attendance=(_attendance(),),
    )


def _meetings_csv() -> io.StringIO:
    return io.StringIO(
        ",".join(MEETING_COLUMNS)
        + "\nM1,C-1,Fife,1,2,2025-06-02,review,,2025-06-09,yes,no,\n"
    )


def _attendance_csv() -> io.StringIO:
    return io.StringIO(",".join(ATTENDANCE_COLUMNS) + "\nM1,police,ra,yes,yes,yes,no\n")


def _jsonl() -> io.StringIO:
    return io.StringIO(
        '{"meeting_id": "M1", "case_ref": "C-1", "area": "Fife", "category": 1, '
        '"level": 2, "date": "2025-06-02", "kind": "review", "disclosure_recorded": true}\n'
    )


SAMPLES: dict[type, Callable[[], object]] = {
    Attendance: _attendance,
    Meeting: _meeting,
    Caseload: lambda: Caseload.from_meetings([_meeting()]),
}

PARAMS: dict[str, Callable[[], object]] = {
    "Attendance.agency": lambda: Agency.POLICE,
    "Attendance.role": lambda: AgencyRole.RESPONSIBLE_AUTHORITY,
    "Meeting.meeting_id": lambda: "M1",
    "Meeting.case_ref": lambda: "C-1",
    "Meeting.level": lambda: Level.MULTI_AGENCY,
    "Meeting.attendance": lambda: (_attendance(),),
    "Caseload.from_meetings.meetings": lambda: [_meeting()],
    "read_csv.meetings": _meetings_csv,
    "read_csv.attendance": _attendance_csv,
    "read_csv.on_error": lambda: "raise",
    "read_json.source": _jsonl,
    "read_json.on_error": lambda: "raise",
    "write_csv.meetings": lambda: [_meeting()],
    "write_csv.meetings_file": io.StringIO,
    "write_csv.attendance_file": io.StringIO,
    "write_jsonl.meetings": lambda: [_meeting()],
    "write_jsonl.file": io.StringIO,
}
