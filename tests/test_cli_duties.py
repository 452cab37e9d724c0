"""The mappa command: `mappa duties`, in every format."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest

from mappa.cli import main
from mappa.duties import caseload_duties
from mappa.records import read_csv, sample_caseload, write_csv, write_jsonl

CASE = {
    "case_ref": "C-2024-1",
    "category": 1,
    "area": "Glasgow",
    "liberation_date": "2025-01-06",
    "referral_level": 3,
    "meetings": [
        {
            "meeting_id": "M1",
            "date": "2024-12-05",
            "level": 3,
            "kind": "initial",
            "draft_released": "2024-12-12",
            "final_released": "2024-12-19",
        },
        {"meeting_id": "M2", "date": "2024-12-19", "level": 3},
    ],
}


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(args), stdout=out)
    return status, out.getvalue()


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(CASE), encoding="utf-8")
    return path


def test_sample_table_says_it_is_the_sample() -> None:
    status, text = run(
        "duties", "--on", "2026-03-31", "--within", "7", "--area", "Fife"
    )
    assert status == 0
    assert "synthetic sample caseload" in text
    assert "case " in text
    assert "days overdue" in text
    assert "Fife" in text
    expected = caseload_duties(
        sample_caseload(), on=dt.date(2026, 3, 31), within=7, area="Fife"
    )
    body = text.split("\n\n", 1)[1].splitlines()[1:]
    assert len(body) == len(expected) > 0


def test_sample_csv_and_json_agree(capsys: pytest.CaptureFixture[str]) -> None:
    args = ("duties", "--on", "2026-03-31", "--within", "3", "--area", "Fife")
    status, text = run(*args, "--format", "csv")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(text)))
    assert "synthetic sample caseload" in capsys.readouterr().err
    _, text = run(*args, "--format", "json")
    data = json.loads(text)
    assert data["on"] == "2026-03-31"
    assert data["within"] == 3
    assert "synthetic" in data["data"]
    assert len(data["rows"]) == len(rows) > 0
    for row, item in zip(rows, data["rows"], strict=True):
        assert row["case_ref"] == item["case_ref"]
        assert row["due"] == (item["due"] or "")
        assert row["status"] == item["status"]


def test_sample_ics() -> None:
    icalendar = pytest.importorskip("icalendar")
    status, text = run(
        "duties",
        "--on",
        "2026-03-31",
        "--within",
        "7",
        "--area",
        "Fife",
        "--format",
        "ics",
        "--remind",
        "2",
    )
    assert status == 0
    parsed = icalendar.Calendar.from_ical(text)
    events = list(parsed.walk("VEVENT"))
    assert events
    assert all(len(list(event.walk("VALARM"))) == 1 for event in events)
    assert "C-0" not in text  # no case references unless asked
    status, text = run(
        "duties", "--on", "2026-03-31", "--within", "7", "--area", "Fife",
        "--format", "ics", "--case-refs",
    )  # fmt: skip
    assert "case C-0" in text


def test_ics_without_icalendar_names_the_extra(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case_file: Path,
) -> None:
    monkeypatch.setitem(sys.modules, "icalendar", None)
    status, _ = run(
        "duties", "--case", str(case_file), "--on", "2025-01-09", "--format", "ics"
    )
    assert status == 1
    assert "mappa[ical]" in capsys.readouterr().err


def test_one_case_from_json(case_file: Path) -> None:
    status, text = run("duties", "--case", str(case_file), "--on", "2025-01-09")
    assert status == 0
    assert "the case in case.json" in text
    assert "initial MAPPP before liberation" in text
    assert "2025-01-30" in text  # the next review
    status, text = run(
        "duties", "--case", str(case_file), "--on", "2025-01-09", "--format", "json"
    )
    rows = json.loads(text)["rows"]
    assert [(r["duty"], r["status"]) for r in rows if r["due"] == "2025-01-08"] == [
        ("final minute and RMP", "overdue")
    ]


def test_move_to_working_day(tmp_path: Path) -> None:
    # A level 3 meeting on 13 November 2025: the next review is due 42 days
    # later, Christmas Day; moved back to 24 December only when asked.
    case = {
        "case_ref": "C-1",
        "category": 1,
        "meetings": [{"meeting_id": "M1", "date": "2025-11-13", "level": 3}],
    }
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case), encoding="utf-8")

    def review(*extra: str) -> tuple[str, object]:
        _, text = run(
            "duties", "--case", str(path), "--on", "2025-11-14", "--format", "json",
            *extra,
        )  # fmt: skip
        data = json.loads(text)
        (due,) = [r["due"] for r in data["rows"] if r["duty"] == "next review"]
        return due, data["move_to_working_day"]

    assert review() == ("2025-12-25", False)
    assert review("--move-to-working-day") == ("2025-12-24", True)
    _, text = run("duties", "--case", str(path), "--on", "2025-11-14",
                  "--move-to-working-day")  # fmt: skip
    assert "moved back to a working day" in text
    assert "2025-12-24" in text


def test_no_duties(tmp_path: Path) -> None:
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps({**CASE, "liberation_date": None}), "utf-8")
    status, text = run("duties", "--case", str(case_file), "--on", "2024-01-01")
    assert status == 0
    assert "(no duties)" in text
    status, text = run(
        "duties", "--case", str(case_file), "--on", "2024-01-01", "--format", "csv"
    )
    assert text.splitlines() == ["case_ref,area,duty,level,due,status,days_overdue"]


def test_meetings_files_csv_and_jsonl(tmp_path: Path) -> None:
    meetings, attendance = io.StringIO(), io.StringIO()
    write_csv([m for m in sample_caseload() if m.area == "Fife"], meetings, attendance)
    (tmp_path / "m.csv").write_text(meetings.getvalue(), encoding="utf-8")
    (tmp_path / "a.csv").write_text(attendance.getvalue(), encoding="utf-8")
    status, text = run(
        "duties",
        str(tmp_path / "m.csv"),
        str(tmp_path / "a.csv"),
        "--on",
        "2026-03-31",
        "--within",
        "7",
        "--format",
        "csv",
    )
    assert status == 0
    from_csv = list(csv.DictReader(io.StringIO(text)))
    loaded = read_csv(tmp_path / "m.csv", tmp_path / "a.csv")
    with (tmp_path / "m.jsonl").open("w", encoding="utf-8") as file:
        write_jsonl(loaded, file)
    status, text = run(
        "duties", str(tmp_path / "m.jsonl"), "--on", "2026-03-31", "--within", "7",
        "--format", "csv",
    )  # fmt: skip
    assert list(csv.DictReader(io.StringIO(text))) == from_csv
    assert len(from_csv) > 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--on", "2025-01-09", "--within", "-1"), "within"),
        (("--on", "2025-01-09", "--area", "Atlantis"), "area"),
    ],
)
def test_bad_values_are_one_line_errors(
    args: tuple[str, ...],
    message: str,
    capsys: pytest.CaptureFixture[str],
    case_file: Path,
) -> None:
    status, _ = run("duties", "--case", str(case_file), *args)
    assert status == 1
    err = capsys.readouterr().err
    assert err.startswith("mappa: error:")
    assert message in err


def test_case_and_meetings_together_are_refused(
    case_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _ = run("duties", "m.csv", "--case", str(case_file), "--on", "2025-01-09")
    assert status == 1
    assert "not both" in capsys.readouterr().err


def test_a_bad_case_file_names_the_field_not_the_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps({**CASE, "case_ref": "Jane Example"}), encoding="utf-8")
    status, _ = run("duties", "--case", str(path), "--on", "2025-01-09")
    assert status == 1
    err = capsys.readouterr().err
    assert "case.json" in err
    assert "'case_ref'" in err
    assert "Jane" not in err


@pytest.mark.parametrize("day", ["2025-02-30", "9 January", "20250109"])
def test_on_must_be_a_date(day: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["duties", "--on", day])
    assert exit_info.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_on_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["duties"])
    assert "--on" in capsys.readouterr().err
