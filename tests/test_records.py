"""mappa.records: meeting records and reading them from CSV and JSON."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
from pathlib import Path

import pytest
from attrs import evolve as attrs_evolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mappa.chairs import Agency
from mappa.errors import (
    InvalidTypeError,
    InvalidValueError,
    LevelNotPermitted,
    RecordError,
)
from mappa.framework import AREAS, Category, Level
from mappa.records import (
    ATTENDANCE_COLUMNS,
    MEETING_COLUMNS,
    AgencyRole,
    Attendance,
    Caseload,
    Meeting,
    MeetingKind,
    read_csv,
    read_json,
    sample_caseload,
    write_csv,
    write_jsonl,
)
from mappa.rulebook import Rulebook
from test_indicators import CASELOAD, meetings_lists

RA = AgencyRole.RESPONSIBLE_AUTHORITY
DTC = AgencyRole.DUTY_TO_COOPERATE
MEETINGS_HEADER = ",".join(MEETING_COLUMNS) + "\n"
ATTENDANCE_HEADER = ",".join(ATTENDANCE_COLUMNS) + "\n"
GOOD_MEETING = "M1,C-1,Fife,1,2,2025-06-02,review,,2025-06-09,yes,no,\n"


def load(
    meetings: str, attendance: str = ATTENDANCE_HEADER, **options: object
) -> Caseload:
    return read_csv(io.StringIO(meetings), io.StringIO(attendance), **options)  # type: ignore[arg-type]


def error_of(meetings: str, attendance: str = ATTENDANCE_HEADER) -> RecordError:
    with pytest.raises(RecordError) as caught:
        load(meetings, attendance)
    return caught.value


# -- the types ----------------------------------------------------------------


def test_attendance_rules() -> None:
    ok = Attendance(
        agency=Agency.POLICE, role=RA, invited=True, attended=True, at_seniority=True
    )
    assert ok.written_contribution is False
    with pytest.raises(InvalidValueError, match="must have been invited"):
        Attendance(agency=Agency.POLICE, role=RA, invited=False, attended=True)
    with pytest.raises(InvalidValueError, match="only an agency that attended"):
        Attendance(
            agency=Agency.POLICE,
            role=RA,
            invited=True,
            attended=False,
            at_seniority=True,
        )
    with pytest.raises(InvalidValueError, match="duty to co-operate"):
        Attendance(agency="Housing services", role=RA, invited=True, attended=True)
    with pytest.raises(InvalidValueError, match="Responsible"):
        Attendance(agency=Agency.POLICE, role=DTC, invited=True, attended=True)
    # Health is a Responsible Authority for restricted patients, and a DTC
    # agency for categories 1 and 2 (Glasgow MAPPA page).
    assert (
        Attendance(agency=Agency.HEALTH, role=DTC, invited=True, attended=False).role
        is DTC
    )
    with pytest.raises(InvalidValueError, match=r"Agency\.POLICE"):
        Attendance(agency="Police", role=DTC, invited=True, attended=True)
    with pytest.raises(InvalidValueError):
        Attendance(agency=" Housing", role=DTC, invited=True, attended=True)
    with pytest.raises(InvalidTypeError):
        Attendance(agency=3, role=DTC, invited=True, attended=True)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        Attendance(agency=Agency.POLICE, role="ra", invited=True, attended=True)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        Attendance(agency=Agency.POLICE, role=RA, invited=1, attended=True)  # type: ignore[arg-type]


def make(**changes: object) -> Meeting:
    fields: dict[str, object] = {
        "meeting_id": "M1",
        "case_ref": "C-1",
        "area": "Fife",
        "category": Category.REGISTERED_SEX_OFFENDER,
        "level": Level.MULTI_AGENCY,
        "date": dt.date(2025, 6, 2),
        "kind": MeetingKind.REVIEW,
    }
    fields.update(changes)
    return Meeting(**fields)  # type: ignore[arg-type]


def test_meeting_rules() -> None:
    assert make().attendance == ()
    # A Meeting checks its structure only: which levels a category allows is
    # the rulebook's, applied by Caseload.from_meetings and the readers.
    level1 = make(category=Category.OTHER_RISK_OF_SERIOUS_HARM, level=Level.ROUTINE)
    to_level1 = make(
        category=Category.OTHER_RISK_OF_SERIOUS_HARM, new_level=Level.ROUTINE
    )
    # Category 3 is never managed at level 1 (guidance para 9.4).
    with pytest.raises(
        LevelNotPermitted, match=r"meetings\[0\]: Meeting.level: category 3"
    ):
        Caseload.from_meetings([level1])
    with pytest.raises(LevelNotPermitted, match=r"meetings\[1\]: Meeting.new_level"):
        Caseload.from_meetings([make(meeting_id="M0"), to_level1])
    with pytest.raises(InvalidValueError, match="before its meeting"):
        make(minutes_released=dt.date(2025, 6, 1))
    assert make(minutes_released=dt.date(2025, 6, 2)).minutes_released == dt.date(
        2025, 6, 2
    )
    with pytest.raises(InvalidValueError, match="differ"):
        make(new_level=Level.MULTI_AGENCY)
    with pytest.raises(InvalidValueError, match="leaves MAPPA"):
        make(leaves_mappa=True, new_level=Level.MAPPP)
    police = Attendance(agency=Agency.POLICE, role=RA, invited=True, attended=False)
    with pytest.raises(InvalidValueError, match="twice"):
        make(attendance=(police, police))
    # A case reference is pseudonymous: never a name.
    with pytest.raises(InvalidValueError, match="never a name"):
        make(case_ref="Smith")
    with pytest.raises(InvalidValueError):
        make(case_ref="John Smith 1")
    with pytest.raises(InvalidValueError):
        make(meeting_id="")
    with pytest.raises(InvalidTypeError):
        make(date=dt.datetime(2025, 6, 2, 10, 0))
    with pytest.raises(InvalidTypeError):
        make(level=2)
    with pytest.raises(InvalidTypeError):
        make(attendance=[police])


def test_no_personal_data_in_messages() -> None:
    with pytest.raises(InvalidValueError) as caught:
        make(case_ref="Smith")
    assert "Smith" not in str(caught.value)
    error = error_of(MEETINGS_HEADER + "M1,C-1,Fife,1,2,Jane Doe,review,,,yes,no,\n")
    assert "Jane" not in str(error)


# -- reading CSV ----------------------------------------------------------------


def test_read_csv_example() -> None:
    attendance = (
        ATTENDANCE_HEADER
        + "M1,police,ra,yes,yes,yes,no\n"
        + "M1,social work,ra,yes,no,no,yes\n"
        + 'M1,"Housing, Support and Care",dtc,yes,no,no,no\n'
    )
    caseload = load(MEETINGS_HEADER + GOOD_MEETING, attendance)
    [meeting] = list(caseload)
    assert meeting.date == dt.date(2025, 6, 2)
    assert meeting.level is Level.MULTI_AGENCY
    assert [a.agency for a in meeting.attendance] == [
        Agency.POLICE,
        Agency.SOCIAL_WORK,
        "Housing, Support and Care",
    ]
    assert meeting.attendance[1].written_contribution is True
    assert len(caseload) == 1
    assert caseload.problems == ()
    assert caseload.first_date == caseload.last_date == dt.date(2025, 6, 2)
    assert caseload.areas == ("Fife",)
    assert repr(caseload) == "<Caseload of 1 meetings>"


def test_read_csv_forgiving_but_exact() -> None:
    # Columns in any order, Windows line ends, a byte order mark, blank
    # lines, council names for areas, 1/0 and true/false flags.
    header = (
        "area,meeting_id,case_ref,category,level,date,kind,liberation_date,"
        "minutes_released,disclosure_recorded,leaves_mappa,new_level\r\n"
    )
    text = (
        "\ufeff"
        + header
        + "City of Edinburgh Council,M1,C-1,3,3,2025-06-02,initial,2025-09-01,,1,0,\r\n"
        + "\r\n"
        + "Western Isles,M2,C-2,1,2,2025-06-03,RMT,,,true,false,3\r\n"
    )
    caseload = load(text)
    first, second = list(caseload)
    assert first.area == "Lothian and Borders"
    assert first.liberation_date == dt.date(2025, 9, 1)
    assert second.area == "Highland and Islands"
    assert second.kind is MeetingKind.RISK_MANAGEMENT_TEAM
    assert second.new_level is Level.MAPPP


@pytest.mark.parametrize(
    ("row", "column", "expected"),
    [
        ("M1,C-1,Fife,1,2,2025-02-30,review,,,yes,no,", "date", "YYYY-MM-DD"),
        ("M1,C-1,Fife,1,2,02/06/2025,review,,,yes,no,", "date", "YYYY-MM-DD"),
        (
            "M1,C-1,Fife,1,2,2025-06-02,review,,,maybe,no,",
            "disclosure_recorded",
            "yes or no",
        ),
        ("M1,C-1,Fife,4,2,2025-06-02,review,,,yes,no,", "category", "category 1, 2, 3"),
        ("M1,C-1,Fife,1,two,2025-06-02,review,,,yes,no,", "level", "level 1, 2, 3"),
        (
            "M1,C-1,Fife,1,2,2025-06-02,panel,,,yes,no,",
            "kind",
            "initial, review or rmt",
        ),
        ("M1,C-1,Atlantis,1,2,2025-06-02,review,,,yes,no,", "area", "MAPPA area"),
        ("M1,Smith,Fife,1,2,2025-06-02,review,,,yes,no,", "case_ref", "never a name"),
        ("M 1,C-1,Fife,1,2,2025-06-02,review,,,yes,no,", "meeting_id", "reference"),
        (
            "M1,C-1,Fife,1,2,2025-06-02,review,x,,yes,no,",
            "liberation_date",
            "or nothing",
        ),
        (
            "M1,C-1,Fife,1,2,2025-06-02,review,,2025-06-01,yes,no,",
            "minutes_released",
            "before",
        ),
        ("M1,C-1,Fife,3,1,2025-06-02,review,,,yes,no,", "level", "category 3"),
        ("M1,C-1,Fife,1,2,2025-06-02,review,,,yes,no,2", "new_level", "differ"),
        ("M1,C-1,Fife,1,2,2025-06-02,review,,,yes,yes,3", "new_level", "leaves"),
        ("M1,C-1,Fife,3,2,2025-06-02,review,,,yes,no,1", "new_level", "category 3"),
        ("M1,C-1,Fife,1,2,2025-06-02,review,,,yes,no,5", "new_level", "or nothing"),
    ],
)
def test_bad_meeting_values_name_file_row_and_column(
    row: str, column: str, expected: str
) -> None:
    error = error_of(MEETINGS_HEADER + GOOD_MEETING.replace("M1", "M0") + row + "\n")
    assert error.row == 3
    assert error.column == column
    assert error.source == "<meetings>"
    assert expected in str(error)
    assert str(error).startswith(f"<meetings>, row 3, column {column!r}: ")


@pytest.mark.parametrize(
    ("row", "column", "expected"),
    [
        ("M1,police,ra,yes,yes,yes", None, "expected 7 fields, found 6"),
        ("M1,police,ra,yes,yes,yes,no,extra", None, "expected 7 fields, found 8"),
        ("M1,police,boss,yes,yes,yes,no", "role", "ra or dtc"),
        ("M1,,ra,yes,yes,yes,no", "agency", "an agency"),
        ("M1,police,ra,no,yes,yes,no", "attended", "invited"),
        ("M1,police,ra,yes,no,yes,no", "at_seniority", "attended"),
        ("M1,police,ra,yes,yes,yes,perhaps", "written_contribution", "yes or no"),
        ("M1,Housing,ra,yes,yes,yes,no", "role", "named agency"),
        ("M1,prison service,dtc,yes,yes,yes,no", "role", "Responsible Authorities"),
        ("M9,police,ra,yes,yes,yes,no", "meeting_id", "not in the meetings file"),
        ("M1,social work,ra,yes,yes,yes,no", "agency", "twice"),
    ],
)
def test_bad_attendance_values(row: str, column: str | None, expected: str) -> None:
    attendance = ATTENDANCE_HEADER + "M1,social_work,ra,yes,no,no,yes\n" + row + "\n"
    error = error_of(MEETINGS_HEADER + GOOD_MEETING, attendance)
    assert error.row == 3
    assert error.column == column
    assert error.source == "<attendance>"
    assert expected in str(error)


def test_bad_attendance_values_in_quoted_files_too() -> None:
    attendance = ATTENDANCE_HEADER + '"M1","police","ra","yes","no","yes","no"\n'
    error = error_of(MEETINGS_HEADER + GOOD_MEETING, attendance)
    assert error.column == "at_seniority"
    assert error.row == 2


def test_repeated_meeting_ids_are_errors() -> None:
    error = error_of(MEETINGS_HEADER + GOOD_MEETING + GOOD_MEETING)
    assert error.row == 3
    assert error.column == "meeting_id"
    assert "more than once" in str(error)


def test_an_id_repeated_in_a_later_chunk_is_an_error() -> None:
    # Rows are checked a chunk at a time: an id repeated far from its first
    # row (in a later chunk, beside a repeat within that chunk) is still
    # refused, and the first row stays (its attendance, found by an id on
    # a row left out too, goes to neither).
    import mappa.records._readers as module

    rows = [GOOD_MEETING.replace("M1,C-1", f"M{i},C-{i}") for i in range(1, 61)]
    rows[40] = rows[2].replace("C-3", "C-99")  # M3 again, at row 42
    rows[45] = rows[44]  # M45 twice in one chunk, at rows 46 and 47
    meetings = MEETINGS_HEADER + "".join(rows)
    attendance = ATTENDANCE_HEADER + "M3,police,ra,yes,yes,yes,no\n"
    saved = module._BLOCK
    try:
        for block in (1 << 16, 500):
            module._BLOCK = block
            skipped = load(meetings, attendance, on_error="skip")
            assert [(p.source, p.row, p.column) for p in skipped.problems] == [
                ("<meetings>", 42, "meeting_id"),
                ("<meetings>", 47, "meeting_id"),
                ("<attendance>", 2, "meeting_id"),
            ]
            assert "more than one meetings row" in str(skipped.problems[2])
            assert len(skipped) == 58
            m3 = [m for m in skipped if m.meeting_id == "M3"]
            assert [(m.case_ref, m.attendance) for m in m3] == [("C-3", ())]
            error = error_of(meetings, attendance)
            assert (error.row, error.column) == (42, "meeting_id")
            assert "more than once" in str(error)
    finally:
        module._BLOCK = saved


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "empty"),
        ("meeting_id,case_ref\n", "missing column"),
        (MEETINGS_HEADER.replace("\n", ",notes\n"), "unknown column"),
        (MEETINGS_HEADER.replace("\n", ",date\n"), "appears twice"),
    ],
)
def test_bad_headers(text: str, expected: str) -> None:
    error = error_of(text)
    assert error.row == 1
    assert expected in str(error)


def test_duplicate_header_column() -> None:
    header = MEETINGS_HEADER.replace("new_level", "new_level,new_level")
    assert "twice" in str(error_of(header))


def test_a_long_quoted_value_is_read_like_an_unquoted_one() -> None:
    # Regression: a quoted field over 131,072 characters stopped the csv
    # module (and skip mode with it); the same value unquoted was read.
    for quote in ('"', ""):
        text = (
            MEETINGS_HEADER
            + f"M1,{quote}"
            + "x" * 200_000
            + f"{quote},Fife,1,2,2025-06-02,review,,,yes,no,\n"
        )
        with pytest.raises(RecordError, match="column 'case_ref'"):
            load(text)
        skipped = read_csv(
            io.StringIO(text + GOOD_MEETING.replace("M1", "M2")), on_error="skip"
        )
        assert [m.meeting_id for m in skipped] == ["M2"]
        assert len(skipped.problems) == 1


def test_collect_reports_every_problem() -> None:
    text = (
        MEETINGS_HEADER
        + "M1,C-1,Fife,1,2,2025-13-01,review,,,yes,no,\n"
        + GOOD_MEETING.replace("M1", "M2")
        + "M3,C-3,Fife,1,2,2025-06-02,review,,,yes,maybe,\n"
    )
    attendance = (
        ATTENDANCE_HEADER + "M1,police,ra,yes,yes,yes,no\nM2,police,ra,yes,yes,yes,no\n"
    )
    with pytest.raises(RecordError) as caught:
        load(text, attendance, on_error="collect")
    problems = caught.value.value
    assert isinstance(problems, tuple)
    assert len(problems) == 3
    assert [(p.source, p.row, p.column) for p in problems] == [
        ("<meetings>", 2, "date"),
        ("<meetings>", 4, "leaves_mappa"),
        ("<attendance>", 2, "meeting_id"),
    ]
    assert "left out because of an error" in str(problems[2])
    assert str(caught.value).startswith("3 bad rows: ")


def test_skip_leaves_bad_rows_out_and_lists_them() -> None:
    text = (
        MEETINGS_HEADER
        + "M1,C-1,Fife,1,2,2025-13-01,review,,,yes,no,\n"
        + GOOD_MEETING.replace("M1", "M2")
    )
    attendance = (
        ATTENDANCE_HEADER + "M1,police,ra,yes,yes,yes,no\nM2,police,ra,yes,yes,yes,no\n"
    )
    caseload = load(text, attendance, on_error="skip")
    assert [m.meeting_id for m in caseload] == ["M2"]
    assert [(p.row, p.column) for p in caseload.problems] == [
        (2, "date"),
        (2, "meeting_id"),
    ]
    many = "".join(
        f"M{i},C-{i},Fife,1,2,2025-06-{i:02d},review,,,yes,no,\n" for i in range(1, 13)
    )
    with pytest.raises(RecordError, match="and 2 more"):
        load(MEETINGS_HEADER + many.replace("review", "bad"), on_error="collect")
    with pytest.raises(InvalidValueError):
        load(MEETINGS_HEADER, on_error="ignore")


def test_wrong_field_counts_skip() -> None:
    text = MEETINGS_HEADER + "M1,C-1\n" + GOOD_MEETING.replace("M1", "M2")
    caseload = load(text, on_error="skip")
    assert len(caseload) == 1
    assert caseload.problems[0].row == 2


def test_files_and_gzip(tmp_path: Path) -> None:
    meetings = tmp_path / "meetings.csv.gz"
    attendance = tmp_path / "attendance.csv"
    write_csv(CASELOAD, meetings, attendance)
    with gzip.open(meetings, "rt") as file:
        assert file.readline().strip() == ",".join(MEETING_COLUMNS)
    loaded = read_csv(meetings, attendance)
    assert list(loaded) == list(CASELOAD)
    with pytest.raises(RecordError) as caught:
        read_csv(tmp_path / "meetings.csv.gz", io.StringIO("meeting_id\n"))
    assert caught.value.source == "<attendance>"
    assert list(read_csv(str(meetings), str(attendance))) == list(CASELOAD)
    with pytest.raises(InvalidTypeError):
        read_csv(b"meetings.csv")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        read_csv(Path(str(meetings)).as_posix().encode())  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        read_csv(io.StringIO(MEETINGS_HEADER), progress=5)  # type: ignore[arg-type]
    with pytest.raises(RecordError, match="cannot read the file: No such file"):
        read_csv(tmp_path / "missing.csv")
    with pytest.raises(RecordError, match="cannot write"):
        write_jsonl(CASELOAD, tmp_path / "no" / "such" / "folder.jsonl")


def test_progress_is_reported() -> None:
    seen: list[int] = []
    load(
        MEETINGS_HEADER + GOOD_MEETING,
        ATTENDANCE_HEADER + "M1,police,ra,yes,no,no,no\n",
        progress=seen.append,
    )
    assert seen == [1, 2]


def test_meetings_without_attendance_file() -> None:
    caseload = read_csv(io.StringIO(MEETINGS_HEADER + GOOD_MEETING))
    assert len(caseload) == 1


def test_empty_caseload() -> None:
    caseload = load(MEETINGS_HEADER)
    assert len(caseload) == 0
    assert list(caseload) == []
    with pytest.raises(InvalidValueError):
        caseload.first_date  # noqa: B018 - the property raises
    with pytest.raises(InvalidValueError):
        caseload.last_date  # noqa: B018 - the property raises


# -- JSON -----------------------------------------------------------------------


def test_jsonl_and_array() -> None:
    out = io.StringIO()
    write_jsonl(CASELOAD, out)
    assert list(read_json(io.StringIO(out.getvalue()))) == list(CASELOAD)
    array = "[" + ",".join(out.getvalue().splitlines()) + "]"
    assert list(read_json(io.StringIO(array))) == list(CASELOAD)
    minimal = {
        "meeting_id": "M1",
        "case_ref": "C-1",
        "area": "Fife",
        "category": 1,
        "level": 2,
        "date": "2025-06-02",
        "kind": "review",
        "disclosure_recorded": True,
        "attendance": [
            {"agency": "police", "role": "ra", "invited": True, "attended": False}
        ],
    }
    [meeting] = list(read_json(io.StringIO("\n" + json.dumps(minimal) + "\n")))
    assert meeting.leaves_mappa is False
    assert meeting.new_level is None
    assert meeting.attendance[0].at_seniority is False


@pytest.mark.parametrize(
    ("line", "column", "expected"),
    [
        ("{", None, "not valid JSON"),
        ("[1, 2]", None, "JSON object"),
        # Regression: the unknown key was echoed (it may be anything).
        ('{"meeting_id": "M1", "name": "x"}', None, "1 unknown field"),
        ('{"meeting_id": "M1"}', "case_ref", "missing field"),
        (
            '{"meeting_id": "M1", "case_ref": "C-1", "area": "Fife", "category": 1, "level": 2.0,'
            ' "date": "2025-06-02", "kind": "review", "disclosure_recorded": true}',
            "level",
            "expected a whole number",
        ),
        (
            '{"meeting_id": "M1", "case_ref": "C-1", "area": "Fife", "category": 1, "level": 2,'
            ' "date": "2025-06-02", "kind": "review", "disclosure_recorded": true, "attendance": {}}',
            "attendance",
            "a list",
        ),
        (
            '{"meeting_id": "M1", "case_ref": "C-1", "area": "Fife", "category": 1, "level": 2,'
            ' "date": "2025-06-02", "kind": "review", "disclosure_recorded": true, "attendance": [3]}',
            "attendance[0]",
            "JSON object",
        ),
        (
            '{"meeting_id": "M1", "case_ref": "C-1", "area": "Fife", "category": 1, "level": 2,'
            ' "date": "2025-06-02", "kind": "review", "disclosure_recorded": true,'
            ' "attendance": [{"agency": "police", "rank": 1}]}',
            "attendance[0]",
            "unknown field",
        ),
        (
            '{"meeting_id": "M1", "case_ref": "C-1", "area": "Fife", "category": 1, "level": 2,'
            ' "date": "2025-06-02", "kind": "review", "disclosure_recorded": true,'
            ' "attendance": [{"agency": "police", "role": "ra"}]}',
            "attendance[0].invited",
            "missing",
        ),
        (
            '{"meeting_id": "M1", "case_ref": "C-1", "area": "Fife", "category": 1, "level": 2,'
            ' "date": "2025-06-02", "kind": "review", "disclosure_recorded": true,'
            ' "attendance": [{"agency": "police", "role": "ra", "invited": false, "attended": true}]}',
            "attendance[0].attended",
            "invited",
        ),
    ],
)
def test_bad_json(line: str, column: str | None, expected: str) -> None:
    with pytest.raises(RecordError) as caught:
        read_json(io.StringIO(line))
    assert caught.value.column == column
    assert expected in str(caught.value)
    assert caught.value.row in (1, None)


def test_bad_json_array() -> None:
    with pytest.raises(RecordError, match="not valid JSON"):
        read_json(io.StringIO("[{]"))


# -- round trips ------------------------------------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings_lists())
def test_csv_round_trip_loses_nothing(meetings: list[Meeting]) -> None:
    out_meetings, out_attendance = io.StringIO(), io.StringIO()
    write_csv(meetings, out_meetings, out_attendance)
    loaded = read_csv(
        io.StringIO(out_meetings.getvalue()), io.StringIO(out_attendance.getvalue())
    )
    assert list(loaded) == meetings


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings_lists())
def test_jsonl_round_trip_loses_nothing(meetings: list[Meeting]) -> None:
    out = io.StringIO()
    write_jsonl(meetings, out)
    assert list(read_json(io.StringIO(out.getvalue()))) == meetings


def test_writers_refuse_other_things() -> None:
    with pytest.raises(InvalidTypeError):
        write_jsonl(["M1"], io.StringIO())  # type: ignore[list-item]
    with pytest.raises(InvalidTypeError):
        write_csv("M1", io.StringIO(), io.StringIO())  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        write_jsonl(CASELOAD, 5)  # type: ignore[arg-type]


def test_from_meetings_checks_its_input() -> None:
    with pytest.raises(InvalidTypeError):
        Caseload.from_meetings(5)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        Caseload.from_meetings([CASELOAD[0], 5])  # type: ignore[list-item]
    with pytest.raises(InvalidValueError, match="twice") as caught:
        Caseload.from_meetings([CASELOAD[0], CASELOAD[1], CASELOAD[0]])
    assert CASELOAD[0].meeting_id not in str(caught.value)
    assert caught.value.value == 2


# -- the sample -------------------------------------------------------------------


def test_sample_is_synthetic_and_covers_every_area_for_two_years() -> None:
    caseload = sample_caseload()
    assert caseload.areas == tuple(sorted(area.name for area in AREAS))
    assert caseload.first_date <= dt.date(2024, 4, 1)
    assert caseload.last_date >= dt.date(2026, 3, 27)
    assert 5_000 < len(caseload) < 50_000
    assert "SYNTHETIC" in (sample_caseload.__doc__ or "")
    assert all(m.case_ref.startswith("C-") for m in list(caseload)[:100])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings_lists())
def test_reading_in_small_blocks_gives_the_same_caseload(
    meetings: list[Meeting],
) -> None:
    # read_csv checks a block of text (or a chunk of rows) at a time; tiny
    # blocks give the same caseload as one block holding everything.
    import mappa.records._readers as module

    out_meetings, out_attendance = io.StringIO(), io.StringIO()
    write_csv(meetings, out_meetings, out_attendance)

    def load() -> list[Meeting]:
        return list(
            read_csv(
                io.StringIO(out_meetings.getvalue()),
                io.StringIO(out_attendance.getvalue()),
            )
        )

    saved = module._BLOCK, module._CHUNK
    try:
        module._BLOCK, module._CHUNK = 1 << 24, 1 << 24
        whole = load()
        for block in (1, 40, 200):
            module._BLOCK, module._CHUNK = block, max(block // 40, 1)
            assert load() == whole == meetings
    finally:
        module._BLOCK, module._CHUNK = saved


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings_lists(), st.randoms(use_true_random=False))
def test_attendance_in_any_meeting_order_is_read_the_same(
    meetings: list[Meeting], random: object
) -> None:
    # Attendance in the meetings' order is found a stretch of meetings at a
    # time; in any other order (each meeting's rows kept together) every
    # row still goes to its own meeting, whatever the chunk size.
    import mappa.records._readers as module

    out_meetings, out_attendance = io.StringIO(), io.StringIO()
    write_csv(meetings, out_meetings, out_attendance)
    header, *lines = out_attendance.getvalue().splitlines()
    blocks: dict[str, list[str]] = {}
    for line in lines:
        blocks.setdefault(line.split(",")[0], []).append(line)
    order = list(blocks)
    random.shuffle(order)  # type: ignore[attr-defined]
    attendance = "\n".join([header, *(x for i in order for x in blocks[i])]) + "\n"
    saved = module._BLOCK, module._CHUNK
    try:
        for block in (1 << 16, 1, 90, 300):
            module._BLOCK, module._CHUNK = block, max(block // 40, 1)
            loaded = read_csv(
                io.StringIO(out_meetings.getvalue()), io.StringIO(attendance)
            )
            assert list(loaded) == meetings
    finally:
        module._BLOCK, module._CHUNK = saved


def test_a_meeting_id_with_a_line_break_is_refused() -> None:
    # Ids are checked a chunk at a time, one a line: a quoted id holding a
    # line break must not pass as two good ones.
    header = ",".join(MEETING_COLUMNS)
    text = f'{header}\n"M\n1",C-0001,Fife,1,2,2025-06-02,review,,,yes,no,\n'
    with pytest.raises(RecordError, match=r"row 2: .*runs past the end of its line"):
        read_csv(io.StringIO(text))


# -- defects found by fuzzing: each test failed before its fix --------------------

ATTENDING_POLICE = {
    "agency": "police",
    "role": "ra",
    "invited": True,
    "attended": True,
    "at_seniority": True,
}
ATTENDING_SOCIAL_WORK = {**ATTENDING_POLICE, "agency": "social_work"}


def json_meeting(meeting_id: str = "M1", **changes: object) -> dict[str, object]:
    record: dict[str, object] = {
        "meeting_id": meeting_id,
        "case_ref": "C-1",
        "area": "Fife",
        "category": 1,
        "level": 2,
        "date": "2025-06-02",
        "kind": "review",
        "disclosure_recorded": True,
        "attendance": [],
    }
    record.update(changes)
    return record


def jsonl(*records: dict[str, object]) -> io.StringIO:
    return io.StringIO("".join(json.dumps(record) + "\n" for record in records))


def agencies(meeting: Meeting) -> list[object]:
    return [a.agency for a in meeting.attendance]


def test_json_attendance_stays_with_its_own_line() -> None:
    # Regression: in skip mode, a line left out for repeating an id gave its
    # attendance to the other meeting with that id.
    loaded = read_json(
        jsonl(
            json_meeting(attendance=[ATTENDING_POLICE]),
            json_meeting(attendance=[ATTENDING_SOCIAL_WORK]),
        ),
        on_error="skip",
    )
    assert [agencies(m) for m in loaded] == [[Agency.POLICE]]
    assert [(p.row, p.column) for p in loaded.problems] == [(2, "meeting_id")]
    # ... and a bad line followed by a good one reusing its id.
    loaded = read_json(
        jsonl(
            json_meeting(date="2025-02-30", attendance=[ATTENDING_POLICE]),
            json_meeting(attendance=[ATTENDING_SOCIAL_WORK]),
        ),
        on_error="skip",
    )
    assert [agencies(m) for m in loaded] == [[Agency.SOCIAL_WORK]]
    assert [(p.row, p.column) for p in loaded.problems] == [(1, "date")]


def test_csv_attendance_for_an_id_on_a_left_out_row_and_a_kept_one() -> None:
    # The attendance file names meetings by id: with one row of that id
    # left out and another kept, it could belong to either, so it is
    # reported rather than given to the kept one.
    meetings = MEETINGS_HEADER + GOOD_MEETING.replace("2025-06-02", "2025-02-30")
    meetings += GOOD_MEETING + GOOD_MEETING.replace("M1", "M2")
    attendance = ATTENDANCE_HEADER + "M1,police,ra,yes,yes,yes,no\n"
    attendance += "M2,police,ra,yes,yes,yes,no\n"
    loaded = load(meetings, attendance, on_error="skip")
    assert [(m.meeting_id, agencies(m)) for m in loaded] == [
        ("M1", []),
        ("M2", [Agency.POLICE]),
    ]
    assert [(p.source, p.row, p.column) for p in loaded.problems] == [
        ("<meetings>", 2, "date"),
        ("<attendance>", 2, "meeting_id"),
    ]
    assert "more than one meetings row" in str(loaded.problems[1])


def test_an_unbalanced_quote_is_one_rows_problem() -> None:
    # Regression: an unclosed quote swallowed the rest of the file (613 of
    # 624 rows vanished behind "expected 7 fields, found 3").
    rows = [GOOD_MEETING.replace("M1", f"M{n}") for n in range(1, 31)]
    rows[4] = rows[4].replace("C-1", '"C-1')
    loaded = load(MEETINGS_HEADER + "".join(rows), on_error="skip")
    assert len(loaded) == 29
    (problem,) = loaded.problems
    assert problem.row == 6
    assert "quoted value runs past the end of its line" in str(problem)
    with pytest.raises(RecordError, match="row 6: not readable as CSV: a quoted"):
        load(MEETINGS_HEADER + "".join(rows))
    text_after = MEETINGS_HEADER + GOOD_MEETING.replace("C-1", '"C-1"x')
    with pytest.raises(RecordError, match="text after the closing quote"):
        load(text_after)


def _no_content(error: BaseException) -> None:
    for text in (str(error), repr(error), repr(error.args)):
        assert "Jane" not in text
        assert "Exampl" not in text
    assert error.__context__ is None
    assert error.__cause__ is None


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            (
                MEETINGS_HEADER
                + "M1,C-1,Jane Exampl\xe9,1,2,2025-06-02,review,,,yes,no,\n"
            ).encode("latin-1"),
            "not readable as utf-8 text .near byte",
        ),
        (
            (MEETINGS_HEADER + "Jane Example\n").encode("utf-16"),
            "not readable as utf-8",
        ),
        (b"\x00\x01Jane Example\xff\xfe" * 50, "not readable as utf-8"),
        (gzip.compress(b"Jane Example " * 1000)[:30], "truncated or corrupt"),
        (b"\x1f\x8b\x08\x00" + b"Jane Example" * 10, "truncated or corrupt"),
    ],
)
def test_unreadable_files_are_record_errors_without_content(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    # Regression: a bare UnicodeDecodeError (its repr holding raw bytes of
    # the file), EOFError or zlib.error escaped.
    path = tmp_path / "meetings.csv"
    path.write_bytes(content)
    with pytest.raises(RecordError, match=expected) as caught:
        read_csv(path)
    assert caught.value.source == str(path)
    _no_content(caught.value)
    with pytest.raises(RecordError) as caught:
        read_json(path)
    _no_content(caught.value)


def test_a_text_stream_that_cannot_decode_is_a_record_error() -> None:
    stream = io.TextIOWrapper(
        io.BytesIO((MEETINGS_HEADER + "Jane Exampl\xe9\n").encode("latin-1")),
        encoding="utf-8",
    )
    with pytest.raises(RecordError, match="not readable as utf-8 text") as caught:
        read_csv(stream)
    _no_content(caught.value)


def test_deeply_nested_json_is_a_record_error() -> None:
    with pytest.raises(RecordError, match="nested too deeply") as caught:
        read_json(io.StringIO("[" * 100_000 + "]" * 100_000 + "\n"))
    _no_content(caught.value)
    with pytest.raises(RecordError, match="row 1: not readable: JSON nested"):
        read_json(io.StringIO('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}\n"))
    with pytest.raises(RecordError, match="too many digits"):
        read_json(io.StringIO('{"level": ' + "9" * 5000 + "}\n"))
    with pytest.raises(RecordError, match=r"not valid JSON \(Expecting"):
        read_json(io.StringIO("[1, \n"))


def test_gzip_is_recognised_by_its_bytes_and_encodings_are_chosen(
    tmp_path: Path,
) -> None:
    # A gzip file named .csv is read (it used to be a decoding error), a
    # byte order mark is skipped, and cp1252 is read when asked for.
    meetings, attendance = tmp_path / "m.csv", tmp_path / "a.csv"
    write_csv(CASELOAD, tmp_path / "m.csv.gz", attendance)
    meetings.write_bytes((tmp_path / "m.csv.gz").read_bytes())
    assert list(read_csv(meetings, attendance)) == list(CASELOAD)
    text = (
        MEETINGS_HEADER + GOOD_MEETING,
        ATTENDANCE_HEADER + "M1,Caf\xe9 \u2013 housing,dtc,yes,no,no,yes\n",
    )
    meetings.write_bytes(b"\xef\xbb\xbf" + text[0].encode("utf-8"))
    assert len(read_csv(meetings)) == 1
    attendance.write_bytes(text[1].encode("cp1252"))
    with pytest.raises(RecordError, match="give encoding="):
        read_csv(meetings, attendance)
    meetings.write_bytes(text[0].encode("cp1252"))
    loaded = read_csv(meetings, attendance, encoding="cp1252")
    assert agencies(next(iter(loaded))) == ["Caf\xe9 \u2013 housing"]
    for bad in ("no-such-codec", "rot13", "x\x00y"):
        with pytest.raises(InvalidValueError, match="encoding must name"):
            read_csv(meetings, encoding=bad)
    with pytest.raises(InvalidTypeError):
        read_csv(meetings, encoding=8)  # type: ignore[arg-type]


def test_a_file_without_a_header_row_echoes_nothing() -> None:
    # Regression: the first data row was read as the header and the error
    # quoted a cell ("column 'jane example'").
    row = "M1,C-1,Jane Example,1,2,2025-06-02,review,,,yes,no,\n"
    error = error_of(row + row)
    assert "no header row" in str(error)
    assert error.column is None
    _no_content(error)
    error = error_of(MEETINGS_HEADER.replace("area", "Jane Example") + row)
    assert "the header's 3rd column is not one of" in str(error)
    _no_content(error)
    with pytest.raises(RecordError) as caught:
        read_json(jsonl(json_meeting(**{"Jane Example": 1})))
    _no_content(caught.value)


def test_pipes_devices_and_folders_are_refused(tmp_path: Path) -> None:
    # Regression: a FIFO or /dev/zero as input hung (or read for ever).
    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)
    for source in (fifo, Path("/dev/zero"), tmp_path):
        with pytest.raises(RecordError, match="not a regular file"):
            read_csv(source)
        with pytest.raises(RecordError, match="not a regular file"):
            read_json(source)


def test_a_nul_in_a_file_name_is_a_mappa_error(tmp_path: Path) -> None:
    # Regression: a bare ValueError ("embedded null byte").
    with pytest.raises(InvalidValueError, match="NUL"):
        read_csv(tmp_path / "a\x00b.csv")
    with pytest.raises(InvalidValueError, match="NUL"):
        write_jsonl(CASELOAD, str(tmp_path / "a\x00b.jsonl"))


@pytest.mark.parametrize(
    ("changes", "column", "expected"),
    [
        ({"meeting_id": True}, "meeting_id", "expected a string"),
        ({"level": "2"}, "level", "expected a whole number"),
        ({"level": True}, "level", "expected a whole number"),
        (
            {"disclosure_recorded": "yes"},
            "disclosure_recorded",
            "expected true or false",
        ),
        ({"date": None}, "date", "not null"),
        (
            {"attendance": [{**ATTENDING_POLICE, "agency": False}]},
            "attendance[0].agency",
            "expected a string",
        ),
        ({"new_level": 10**30}, "new_level", "expected a level"),
    ],
)
def test_json_values_of_the_wrong_type_are_refused(
    changes: dict[str, object], column: str, expected: str
) -> None:
    # Regression: true became "yes" (a meeting id), false an agency "no".
    with pytest.raises(RecordError, match=expected) as caught:
        read_json(jsonl(json_meeting(**changes)))
    assert caught.value.column == column


# -- fuzzing: any row is loaded or reported, in every mode ------------------------

JUNK_CELLS = [
    "",
    "Jane Example",
    '"open',
    'a"b',
    '"x"y',
    "2025-13-01",
    "9",
    "yes",
    "M0",
    "M1 ",
    "\t",
]


@st.composite
def mutated_files(draw: st.DrawFn) -> tuple[list[Meeting], str, str]:
    """A caseload written as CSV, then some cells, rows and ids spoiled."""
    meetings = draw(meetings_lists(max_size=12))
    out_meetings, out_attendance = io.StringIO(), io.StringIO()
    write_csv(meetings, out_meetings, out_attendance)
    files = [
        out_meetings.getvalue().splitlines(),
        out_attendance.getvalue().splitlines(),
    ]
    for _ in range(draw(st.integers(0, 4))):
        lines = files[draw(st.integers(0, 1))]
        if len(lines) < 2:
            continue
        index = draw(st.integers(1, len(lines) - 1))
        cells = lines[index].split(",")
        action = draw(st.sampled_from(["cell", "copy", "drop", "blank"]))
        if action == "cell":
            cells[draw(st.integers(0, len(cells) - 1))] = draw(
                st.sampled_from(JUNK_CELLS)
            )
            lines[index] = ",".join(cells)
        elif action == "copy":  # another row's id: a repeat, or attendance moved
            other = draw(st.integers(1, len(lines) - 1))
            lines[index] = ",".join([lines[other].split(",")[0], *cells[1:]])
        elif action == "drop":
            lines[index] = ",".join(cells[:-1])
        else:
            lines[index] = ""
    return meetings, "\n".join(files[0]) + "\n", "\n".join(files[1]) + "\n"


def _rows(text: str) -> dict[int, list[str]]:
    """Data rows by row number (the header is row 1), split naively."""
    return {
        number: line.split(",")
        for number, line in enumerate(text.split("\n")[1:], start=2)
        if line
    }


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_files())
def test_every_row_is_loaded_or_reported_in_every_mode(
    files: tuple[list[Meeting], str, str],
) -> None:
    _, meetings_text, attendance_text = files
    skipped = load(meetings_text, attendance_text, on_error="skip")
    reported = {(p.source, p.row) for p in skipped.problems}
    loaded = {m.meeting_id: m for m in skipped}
    # Each meetings row is loaded (as the one meeting with its id) or reported.
    meeting_rows = _rows(meetings_text)
    kept_rows = [n for n in meeting_rows if ("<meetings>", n) not in reported]
    assert sorted(meeting_rows[n][0] for n in kept_rows) == sorted(loaded)
    assert len(skipped) == len(kept_rows)
    # Each attendance row is attached to the meeting it names, or reported.
    attendance_rows = _rows(attendance_text)
    expected: dict[str, int] = {}
    for number, cells in attendance_rows.items():
        if ("<attendance>", number) not in reported:
            expected[cells[0].strip()] = expected.get(cells[0].strip(), 0) + 1
    assert {i: len(m.attendance) for i, m in loaded.items() if m.attendance} == expected
    # collect reports the same problems; raise stops at the first.
    if skipped.problems:
        with pytest.raises(RecordError) as caught:
            load(meetings_text, attendance_text, on_error="collect")
        assert [str(p) for p in caught.value.value] == [
            str(p) for p in skipped.problems
        ]
        with pytest.raises(RecordError) as caught:
            load(meetings_text, attendance_text)
        assert str(caught.value) == str(skipped.problems[0])
    else:
        assert list(load(meetings_text, attendance_text)) == list(skipped)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings_lists(max_size=10), st.data())
def test_every_json_line_is_loaded_with_its_own_attendance_or_reported(
    meetings: list[Meeting], data: st.DataObject
) -> None:
    out = io.StringIO()
    write_jsonl(meetings, out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    for _ in range(data.draw(st.integers(0, 4))):
        if not records:
            break
        index = data.draw(st.integers(0, len(records) - 1))
        action = data.draw(st.sampled_from(["repeat", "bad", "type"]))
        if action == "repeat":
            other = data.draw(st.integers(0, len(records) - 1))
            records[index]["meeting_id"] = records[other]["meeting_id"]
        elif action == "bad":
            records[index]["date"] = "2025-02-30"
        else:
            records[index]["level"] = str(records[index]["level"])
    text = "".join(json.dumps(record) + "\n" for record in records)
    skipped = read_json(io.StringIO(text), on_error="skip")
    reported = {p.row for p in skipped.problems}
    kept = [
        record for line, record in enumerate(records, start=1) if line not in reported
    ]
    assert [m.meeting_id for m in skipped] == [r["meeting_id"] for r in kept]
    for meeting, record in zip(skipped, kept, strict=True):
        assert [
            a.agency.value if isinstance(a.agency, Agency) else a.agency
            for a in meeting.attendance
        ] == [entry["agency"] for entry in record["attendance"]]


def test_a_callers_rulebook_is_applied_by_from_meetings_and_the_caseload_still_iterates(
    tmp_path: Path,
) -> None:
    """A caseload built with a caller's rulebook can be iterated
    and written, whatever the default rulebook allows."""
    from mappa.rulebook import DEFAULT_RULEBOOK

    local = DEFAULT_RULEBOOK.with_value(
        "levels.category_3", (1, 2, 3), reason="a council's own reading"
    )
    meeting = make(category=Category.OTHER_RISK_OF_SERIOUS_HARM, level=Level.ROUTINE)
    with pytest.raises(LevelNotPermitted):
        Caseload.from_meetings([meeting])
    caseload = Caseload.from_meetings([meeting], rulebook=local)
    assert list(caseload) == [meeting]
    write_csv(caseload, tmp_path / "m.csv", tmp_path / "a.csv")
    again = read_csv(tmp_path / "m.csv", tmp_path / "a.csv", rulebook=local)
    assert list(again) == [meeting]
    with pytest.raises(RecordError, match="level"):
        read_csv(tmp_path / "m.csv", tmp_path / "a.csv")


def test_a_stream_that_fails_to_read_is_a_record_error(tmp_path: Path) -> None:
    class Broken(io.StringIO):
        def readline(self, size: int | None = -1) -> str:
            raise OSError(5, "Input/output error")

        def read(self, size: int | None = -1) -> str:
            raise OSError(5, "Input/output error")

    with pytest.raises(RecordError, match="cannot read the file: Input/output error"):
        read_csv(Broken())
    # A JSON array is read whole after its first line: bad bytes there too.
    path = tmp_path / "array.json"
    path.write_bytes(b"[\n" + '{"meeting_id": "Jane Exampl\xe9"}]'.encode("latin-1"))
    with pytest.raises(RecordError, match="not readable as utf-8 text") as caught:
        read_json(path)
    _no_content(caught.value)


# -- levels read as at each meeting's date ------------------------------------
# D is the day a dated version of a levels rule starts: a meeting the day
# before is checked with the old levels, one on D with the new.
D = dt.date(2026, 4, 1)
DAY_BEFORE = D - dt.timedelta(days=1)


def _dated_levels() -> dict[str, Rulebook]:
    from mappa.rulebook import DEFAULT_RULEBOOK

    return {
        # Category 3 gains level 1 from D.
        "gains": DEFAULT_RULEBOOK.with_value(
            "levels.category_3", (1, 2, 3), reason="level 1 from D", applies_from=D
        ),
        # Category 1 loses level 1 from D.
        "loses": DEFAULT_RULEBOOK.with_value(
            "levels.category_1", (2, 3), reason="no level 1 from D", applies_from=D
        ),
    }


def _level1(category: Category, day: dt.date) -> Meeting:
    return make(
        meeting_id=f"M{day.isoformat()}",
        category=category,
        level=Level.ROUTINE,
        date=day,
    )


def _read_both(
    meetings: list[Meeting], rulebook: Rulebook, tmp_path: Path
) -> list[Caseload]:
    write_csv(meetings, tmp_path / "m.csv", tmp_path / "a.csv")
    write_jsonl(meetings, tmp_path / "m.jsonl")
    return [
        read_csv(tmp_path / "m.csv", tmp_path / "a.csv", rulebook=rulebook),
        read_json(tmp_path / "m.jsonl", rulebook=rulebook),
    ]


def _read_errors(
    meetings: list[Meeting], rulebook: Rulebook, tmp_path: Path
) -> list[RecordError]:
    write_csv(meetings, tmp_path / "m.csv", tmp_path / "a.csv")
    write_jsonl(meetings, tmp_path / "m.jsonl")
    errors = []
    for read in (
        lambda: read_csv(tmp_path / "m.csv", tmp_path / "a.csv", rulebook=rulebook),
        lambda: read_json(tmp_path / "m.jsonl", rulebook=rulebook),
    ):
        with pytest.raises(RecordError) as caught:
            read()
        errors.append(caught.value)
    return errors


@pytest.mark.parametrize(
    ("change", "category", "allowed_before", "allowed_on"),
    [
        ("gains", Category.OTHER_RISK_OF_SERIOUS_HARM, False, True),
        ("loses", Category.REGISTERED_SEX_OFFENDER, True, False),
    ],
)
def test_levels_are_read_as_at_each_meetings_date(
    tmp_path: Path,
    change: str,
    category: Category,
    allowed_before: bool,
    allowed_on: bool,
) -> None:
    book = _dated_levels()[change]
    for name, day, allowed in (
        ("before", DAY_BEFORE, allowed_before),
        ("on", D, allowed_on),
    ):
        meeting = _level1(category, day)
        folder = tmp_path / name
        folder.mkdir()
        if allowed:
            assert list(Caseload.from_meetings([meeting], rulebook=book)) == [meeting]
            assert [list(c) for c in _read_both([meeting], book, folder)] == [
                [meeting]
            ] * 2
        else:
            with pytest.raises(
                LevelNotPermitted,
                match=rf"meetings\[0\]: Meeting.level: category {int(category)} is not managed",
            ) as caught:
                Caseload.from_meetings([meeting], rulebook=book)
            assert caught.value.rule == f"levels.category_{int(category)}"
            for error in _read_errors([meeting], book, folder):
                assert error.column == "level"
                assert "is not managed at level 1" in str(error)
                assert day.isoformat() not in str(error)


def test_a_mixed_caseload_is_checked_meeting_by_meeting(tmp_path: Path) -> None:
    book = _dated_levels()["gains"]
    fine = make(meeting_id="M0", date=DAY_BEFORE)  # category 1, level 2
    on = _level1(Category.OTHER_RISK_OF_SERIOUS_HARM, D)
    before = _level1(Category.OTHER_RISK_OF_SERIOUS_HARM, DAY_BEFORE)
    # A new level is checked with the meeting's date too.
    moved = make(
        meeting_id="M1",
        category=Category.OTHER_RISK_OF_SERIOUS_HARM,
        date=DAY_BEFORE,
        new_level=Level.ROUTINE,
    )
    moved_on = attrs_evolve(moved, meeting_id="M2", date=D)
    assert len(Caseload.from_meetings([fine, on, moved_on], rulebook=book)) == 3
    with pytest.raises(LevelNotPermitted, match=r"meetings\[2\]: Meeting.level"):
        Caseload.from_meetings([fine, on, before], rulebook=book)
    with pytest.raises(LevelNotPermitted, match=r"meetings\[1\]: Meeting.new_level"):
        Caseload.from_meetings([on, moved], rulebook=book)
    for caseload in _read_both([fine, on, moved_on], book, tmp_path):
        assert list(caseload) == [fine, on, moved_on]
    for error in _read_errors([fine, on, moved], book, tmp_path):
        assert error.column == "new_level"
    # Collected: every bad row, each with its own date's levels.
    write_csv([fine, before, on, moved], tmp_path / "m.csv", tmp_path / "a.csv")
    with pytest.raises(RecordError) as caught:
        read_csv(
            tmp_path / "m.csv", tmp_path / "a.csv", rulebook=book, on_error="collect"
        )
    assert [(e.row, e.column) for e in caught.value.value] == [
        (3, "level"),
        (5, "new_level"),
    ]


def test_a_levels_rule_not_yet_in_force_is_a_row_error_naming_no_value(
    tmp_path: Path,
) -> None:
    import attrs

    from mappa.errors import RuleNotInForce
    from mappa.rulebook import DEFAULT_RULEBOOK, RuleVersion

    rule = DEFAULT_RULEBOOK.rule("levels.category_3")
    dated = attrs.evolve(
        rule,
        versions=(attrs.evolve(rule.current, edition="dated", applies_from=D),),
    )
    book = DEFAULT_RULEBOOK.with_rule(dated)
    assert isinstance(dated.versions[0], RuleVersion)
    category3 = make(
        category=Category.OTHER_RISK_OF_SERIOUS_HARM, level=Level.MULTI_AGENCY
    )
    on = attrs.evolve(category3, meeting_id="M-on", date=D)
    before = attrs.evolve(category3, meeting_id="M-before", date=DAY_BEFORE)
    category1 = make(meeting_id="M-1", date=DAY_BEFORE)  # its rule is in force
    assert len(Caseload.from_meetings([category1, on], rulebook=book)) == 2
    with pytest.raises(
        RuleNotInForce,
        match=r"meetings\[1\]: Meeting.date: rule 'levels.category_3' is not in force",
    ) as caught:
        Caseload.from_meetings([category1, before], rulebook=book)
    assert caught.value.value == 1
    assert DAY_BEFORE.isoformat() not in str(caught.value)
    for caseload in _read_both([category1, on], book, tmp_path):
        assert len(caseload) == 2
    csv_error, json_error = _read_errors([category1, before], book, tmp_path)
    assert (csv_error.row, json_error.row) == (3, 2)  # a header, then row by row
    for error in (csv_error, json_error):
        assert error.column == "date"
        assert "rule 'levels.category_3' is not in force on the meeting's date" in str(
            error
        )
        assert DAY_BEFORE.isoformat() not in str(error)


def test_a_first_start_on_the_first_date_leaves_no_span_before_it() -> None:
    import attrs

    from mappa.records._model import LevelTables
    from mappa.rulebook import DEFAULT_RULEBOOK

    rule = DEFAULT_RULEBOOK.rule("levels.category_2")
    book = DEFAULT_RULEBOOK.with_rule(
        attrs.evolve(
            rule,
            versions=(attrs.evolve(rule.current, applies_from=dt.date.min),),
        )
    )
    tables = LevelTables(book)
    assert tables.starts == (1,)
    assert tables.tables[0] == {}
    assert tables.at(1)[2] == frozenset({1, 2, 3})
