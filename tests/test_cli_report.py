"""The mappa command: `mappa report`."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from mappa.cli import main
from mappa.indicators import Indicator
from mappa.records import write_csv, write_jsonl
from test_indicators import CASELOAD


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(args), stdout=out)
    return status, out.getvalue()


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str]:
    meetings, attendance = tmp_path / "meetings.csv", tmp_path / "attendance.csv"
    write_csv(CASELOAD, meetings, attendance)
    return str(meetings), str(attendance)


def test_report_on_the_sample_says_so_and_picks_the_latest_complete_year() -> None:
    status, text = run("report")
    assert status == 0
    assert "synthetic sample" in text
    assert "no real people" in text
    assert "reporting year 2025/26 (the latest complete year in the data" in text
    assert "NOT MET" in text
    assert " met" in text
    for area in ("Glasgow", "Highland and Islands", "Scotland"):
        assert area in text


def test_every_report_names_the_holidays_release(
    files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    note = f"Scottish bank holidays from the holidays package {version('holidays')}."
    _, text = run("report", *files, "--quarter", "2025Q2")
    assert note in text
    _, text = run("report", *files, "--quarter", "2025Q2", "--format", "html")
    assert note in text
    _, text = run("report", *files, "--quarter", "2025Q2", "--format", "json")
    assert json.loads(text)["holidays_version"] == version("holidays")
    _, text = run("report", *files, "--quarter", "2025Q2", "--format", "csv")
    assert note in capsys.readouterr().err


def test_report_csv_json_and_html(
    files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    status, text = run("report", *files, "--quarter", "2025Q2", "--format", "csv")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(text)))
    national = {row["indicator"]: row for row in rows if row["group"] == "Scotland"}
    # The hand-worked figures of tests/test_indicators.py.
    assert (
        national["minutes_released"]["numerator"],
        national["minutes_released"]["denominator"],
    ) == ("3", "7")
    assert national["level3_reviews"]["percentage"] == "33.3"
    empty = [row for row in rows if row["status"] == "no cases"]
    assert empty
    assert all(row["percentage"] == "" for row in empty)
    assert "Period: quarter 2025Q2" in capsys.readouterr().err
    status, text = run(
        "report", *files, "--period", "2025Q2", "--format", "json", "--by", "none"
    )
    data = json.loads(text)
    assert data["period"] == "2025Q2"
    assert data["targets"] == "current"
    assert len(data["rows"]) == len(Indicator)
    assert data["rows"][0]["target"] == "95"
    assert data["rows"][0]["failed_ids"] == "A2 E1"
    status, text = run(
        "report", *files, "--period", "2025/26", "--format", "html", "--allow-partial"
    )
    assert status == 0
    assert text.startswith("<!DOCTYPE html>")
    assert "2025/26" in text


def test_report_targets(files: tuple[str, str], tmp_path: Path) -> None:
    status, text = run(
        "report",
        *files,
        "--period",
        "2025Q2",
        "--format",
        "json",
        "--targets",
        "previous",
    )
    assert json.loads(text)["rows"][0]["target"] == "90"
    own = tmp_path / "targets.json"
    own.write_text('{"level3_reviews": 30, "minutes_released": "40.5"}')
    status, text = run(
        "report",
        *files,
        "--period",
        "2025Q2",
        "--format",
        "json",
        "--targets",
        str(own),
        "--by",
        "none",
    )
    rows = {row["indicator"]: row for row in json.loads(text)["rows"]}
    assert rows["level3_reviews"]["target"] == "30"
    assert rows["level3_reviews"]["status"] == "met"
    assert rows["minutes_released"]["target"] == "40.5"
    assert rows["disclosure_recorded"]["target"] == "100"
    own_csv = tmp_path / "targets.csv"
    own_csv.write_text("indicator,target\nlevel2_reviews,50%\n\n")
    status, text = run(
        "report",
        *files,
        "--period",
        "2025Q2",
        "--format",
        "csv",
        "--targets",
        str(own_csv),
    )
    assert status == 0
    assert ",level2_reviews," in text
    assert ",50," in text


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        ("{", "t.json", "not valid JSON"),
        ("[1]", "t.json", "JSON object"),
        ('{"reviews": 5}', "t.json", "unknown indicator"),
        ('{"level3_reviews": "high"}', "t.json", "not a number"),
        ('{"level3_reviews": "101"}', "t.json", "1 to 100"),
        ("name,value\n", "t.csv", "header"),
        ("indicator,target\nlevel3_reviews\n", "t.csv", "row 2"),
    ],
)
def test_bad_targets_files(
    files: tuple[str, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: str,
    name: str,
    expected: str,
) -> None:
    path = tmp_path / name
    path.write_text(content)
    status, _ = run("report", *files, "--period", "2025Q2", "--targets", str(path))
    assert status == 1
    err = capsys.readouterr().err
    assert err.startswith("mappa: error: ")
    assert expected in err
    assert err.count("\n") == 1


def test_report_json_lines_and_grouping(tmp_path: Path) -> None:
    path = tmp_path / "meetings.jsonl"
    write_jsonl(CASELOAD, path)
    status, text = run(
        "report",
        str(path),
        "--period",
        "2025Q2",
        "--by",
        "area,level",
        "--format",
        "csv",
    )
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {"area", "level"} <= set(rows[0])
    assert any(row["group"] == "Tayside, level 2" for row in rows)


def test_bad_input_gives_one_line_and_status_1(
    tmp_path: Path, files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    Path(files[0]).write_text(
        Path(files[0]).read_text().replace("2025-07-10", "2025-07-32")
    )
    status, _ = run("report", files[0], files[1], "--period", "2025Q2")
    assert status == 1
    err = capsys.readouterr().err
    assert "row 3, column 'date'" in err
    assert err.count("\n") == 1
    status, _ = run("report", files[0], files[1], "--period", "2025Q2", "--all-errors")
    assert status == 1
    err = capsys.readouterr().err
    assert "1 problem in 1 row" in err
    assert "row 3, column 'date'" in err
    status, _ = run("report", str(bad), "--period", "2025Q2")
    assert status == 1
    assert "No such file" in capsys.readouterr().err
    path = tmp_path / "m.jsonl"
    write_jsonl(CASELOAD, path)
    status, _ = run("report", str(path), files[1])
    assert status == 1
    assert "JSON file carries its attendance" in capsys.readouterr().err
    status, _ = run("report", "--period", "2025/27")
    assert status == 1
    assert "consecutive years" in capsys.readouterr().err


def test_no_complete_year_needs_a_period(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meetings, attendance = tmp_path / "m.csv", tmp_path / "a.csv"
    write_csv([], meetings, attendance)
    status, _ = run("report", str(meetings), str(attendance))
    assert status == 1
    assert "no meetings" in capsys.readouterr().err
    future = [m for m in CASELOAD if m.meeting_id == "F1"]
    write_csv(future, meetings, attendance)
    status, _ = run("report", str(meetings), str(attendance))
    assert status == 1
    assert "--period" in capsys.readouterr().err


def test_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        run("report", "--format", "pdf")
    assert caught.value.code == 2
    with pytest.raises(SystemExit) as caught:
        run("report", "--period", "2025/26", "--quarter", "2025Q1")
    assert caught.value.code == 2


def test_the_installed_command_runs_fast() -> None:
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "mappa",
            "report",
            "--quarter",
            "2025Q3",
            "--by",
            "none",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr
    assert "quarter 2025Q3" in completed.stdout
