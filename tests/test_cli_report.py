"""The mappa command: `mappa report`."""

from __future__ import annotations

import csv
import datetime as dt
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


# -- reports a co-ordinator can trust --------------------------------


def test_a_period_past_the_data_is_refused_with_the_data_range(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The sample runs from 2 October 2023 to 31 March 2026: 2026/27 ends
    # after it and 2023/24 starts before it.
    for period in ("2026/27", "2023/24"):
        status, text = run("report", "--period", period, "--by", "none")
        assert (status, text) == (1, "")
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert "runs outside the data (2 October 2023 to 31 March 2026)" in err
        assert "--allow-partial" in err


def test_allow_partial_reports_it_marked_partial_in_every_format() -> None:
    base = ("report", "--period", "2026/27", "--by", "none", "--allow-partial")
    status, text = run(*base)
    assert status == 0
    assert text.count("PARTIAL") == 2  # under the heading and in the footer
    status, text = run(*base, "--format", "json")
    data = json.loads(text)
    assert data["partial"] is True
    assert data["provenance"]["partial"] is True
    assert data["provenance"]["data_last"] == "2026-03-31"
    status, text = run(*base, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {row["partial"] for row in rows} == {"yes"}
    status, text = run(*base, "--format", "html")
    assert "PARTIAL" in text
    # Reviews due after the data ends are counted only where the next
    # meeting was held in time: none is counted as missed.
    status, text = run(*base, "--format", "json")
    national = {row["indicator"]: row for row in json.loads(text)["rows"]}
    for name in ("level3_reviews", "level2_reviews"):
        assert national[name]["numerator"] == national[name]["denominator"]
        assert national[name]["failed_ids"] == ""


def test_an_extract_ending_5_january_counts_no_review_due_after_it(
    tmp_path: Path,
) -> None:
    from mappa.records import sample_caseload

    meetings, attendance = tmp_path / "m.csv", tmp_path / "a.csv"
    kept = [m for m in sample_caseload() if m.date <= dt.date(2026, 1, 5)]
    write_csv(kept, meetings, attendance)
    status, text = run(
        "report",
        str(meetings),
        str(attendance),
        "--quarter",
        "2025Q4",
        "--by",
        "none",
        "--format",
        "json",
        "--allow-partial",
        "--engine",
        "python",
    )
    assert status == 0
    data = json.loads(text)
    assert data["provenance"]["data_last"] == "2026-01-05"
    failed = {row["indicator"]: row["failed_ids"].split() for row in data["rows"]}
    due_after = {
        m.meeting_id
        for m in kept
        if m.date + dt.timedelta(days=42 if m.level == 3 else 84) > dt.date(2026, 1, 5)
    }
    assert not due_after & set(failed["level3_reviews"] + failed["level2_reviews"])
    # The same with DuckDB.
    status, duck = run(
        "report",
        str(meetings),
        str(attendance),
        "--quarter",
        "2025Q4",
        "--by",
        "none",
        "--format",
        "json",
        "--allow-partial",
        "--engine",
        "duckdb",
    )
    assert json.loads(duck)["rows"] == data["rows"]


def test_a_report_without_attendance_says_so_in_every_format(
    files: tuple[str, str],
) -> None:
    meetings = files[0]
    status, text = run("report", meetings, "--quarter", "2025Q2")
    assert status == 0
    assert "No attendance data" in text
    assert text.count("no attendance data") == 3 * 3  # 3 indicators, 2 areas + Scotland
    assert "no cases" not in text.split("DTC attendance")[1].split("Initial")[0]
    status, text = run("report", meetings, "--quarter", "2025Q2", "--format", "json")
    data = json.loads(text)
    assert data["provenance"]["attendance"] is False
    statuses = {
        r["indicator"]: r["status"] for r in data["rows"] if r["group"] == "Scotland"
    }
    assert statuses["dtc_attendance"] == "no attendance data"
    assert statuses["ra_attendance"] == "no attendance data"
    assert statuses["written_contributions"] == "no attendance data"
    assert statuses["minutes_released"] != "no attendance data"
    status, text = run("report", meetings, "--quarter", "2025Q2", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["attendance_data"] for r in rows} == {"no"}
    assert sum(r["status"] == "no attendance data" for r in rows) == 9
    status, text = run("report", meetings, "--quarter", "2025Q2", "--format", "html")
    assert "No attendance data" in text
    assert text.count("no attendance data") >= 9


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"minutes_released": 0.92}', "0.92 looks like a fraction; write 92"),
        ('{"minutes_released": "1E-999999"}', "from 1 to 100"),
        ('{"minutes_released": 92.555}', "at most 2 decimal places"),
        ('{"minutes_released": 0}', "from 1 to 100"),
        ('{"minutes_released": "NaN"}', "not a number"),
    ],
)
def test_targets_are_percentages_from_1_to_100(
    files: tuple[str, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: str,
    expected: str,
) -> None:
    path = tmp_path / "targets.json"
    path.write_text(content)
    status, text = run("report", *files, "--quarter", "2025Q2", "--targets", str(path))
    assert (status, text) == (1, "")
    err = capsys.readouterr().err
    assert expected in err
    assert err.startswith("mappa: error: targets.json: ")
    assert len(err) < 300  # never a huge number written out


def test_local_settings_on_the_command_line(
    files: tuple[str, str], tmp_path: Path
) -> None:
    closed = tmp_path / "closed.csv"
    closed.write_text("date,name\n2025-09-01,Local holiday\n")
    areas = tmp_path / "areas.csv"
    # A table that puts Fife in Tayside.
    areas.write_text(
        "area,local_authority\nTayside,Fife\nTayside,Angus\nTayside,Dundee City\n"
        "Tayside,Perth and Kinross\n"
    )
    overrides = tmp_path / "local.toml"
    overrides.write_text(
        '[[override]]\nrule = "kpi.minutes_released.target"\nvalue = "92"\n'
        'reason = "SOG target"\n'
    )
    base = ("report", *files, "--quarter", "2025Q2", "--format", "json")
    status, text = run(*base, "--by", "none")
    plain_minutes = {r["indicator"]: r for r in json.loads(text)["rows"]}[
        "minutes_released"
    ]
    assert plain_minutes["numerator"] == 3
    status, text = run(
        *base,
        "--closed-days",
        str(closed),
        "--areas",
        str(areas),
        "--rulebook",
        str(overrides),
    )
    assert status == 0
    data = json.loads(text)
    rows = {(r["indicator"], r["group"]): r for r in data["rows"]}
    # The closed day moves a minute's deadline: released on time after all.
    assert rows["minutes_released", "Scotland"]["numerator"] == 4
    # The local target and the area table's own names.
    assert rows["minutes_released", "Scotland"]["target"] == "92"
    assert {group for _, group in rows} == {"Tayside", "Scotland"}
    settings = data["provenance"]["overrides"]
    assert "closed days from closed.csv" in settings
    assert "area table from areas.csv" in settings
    assert "rule overrides from local.toml" in settings
    assert "rule kpi.minutes_released.target (local)" in settings
    # --area: one area and Scotland.
    status, text = run(*base, "--area", "Tayside")
    groups = {r["group"] for r in json.loads(text)["rows"]}
    assert groups == {"Tayside", "Scotland"}


@pytest.mark.parametrize(
    ("option", "name", "content", "expected"),
    [
        (
            "--closed-days",
            "closed.csv",
            "day\n2025-09-01\n",
            "closed.csv: expected a CSV header date,name",
        ),
        (
            "--closed-days",
            "closed.csv",
            "date\nSECRET-NAME\n",
            "closed.csv, row 2, column 'date'",
        ),
        (
            "--closed-days",
            "closed.csv",
            "date\n2025-09-01\n2025-09-01\n",
            "closed.csv, row 3: this date is listed twice",
        ),
        ("--closed-days", "closed.csv", "date,name\n", "closed.csv: no closed days"),
        ("--areas", "areas.csv", "area,council\n", "areas.csv: expected a CSV header"),
        (
            "--areas",
            "areas.csv",
            "area,local_authority\nA,SECRET-NAME,x\n",
            "areas.csv, row 2: expected 2 fields",
        ),
        (
            "--areas",
            "areas.csv",
            "area,local_authority\n,SECRET-NAME\n",
            "areas.csv, row 2, column 'area'",
        ),
        (
            "--areas",
            "areas.csv",
            "area,local_authority\nA,SECRET-NAME\nB,SECRET-NAME\n",
            "areas.csv: an area or local authority is listed twice",
        ),
        ("--areas", "areas.csv", "area,local_authority\n", "areas.csv: no areas"),
        ("--areas", "areas.csv", "", "areas.csv: the file is empty"),
        (
            "--rulebook",
            "local.toml",
            '[[override]]\nrule = "SECRET-NAME"\nvalue = 1\nreason = "x"\n',
            "local.toml",
        ),
    ],
)
def test_local_settings_files_are_checked_without_echoing_them(
    files: tuple[str, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    option: str,
    name: str,
    content: str,
    expected: str,
) -> None:
    path = tmp_path / name
    path.write_text(content)
    status, _ = run("report", *files, "--quarter", "2025Q2", option, str(path))
    assert status == 1
    err = capsys.readouterr().err
    assert expected in err
    assert "SECRET" not in err
    assert err.count("\n") == 1


def test_the_area_must_be_known(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run("report", "--area", "Narnia")
    assert status == 1
    assert (
        "not the name of a Scottish local authority or MAPPA area"
        in capsys.readouterr().err
    )


def test_every_output_carries_its_provenance(files: tuple[str, str]) -> None:
    from mappa import __version__
    from mappa.calendar import holidays_version

    base = ("report", *files, "--quarter", "2025Q2")
    assert run(*base)[0] == 0
    _, table = run(*base)
    _, page = run(*base, "--format", "html")
    for text in (table, page):
        assert "Data: meetings.csv; attendance.csv." in text
        assert "Data range: 1 May 2025 to 2 October 2025." in text
        assert f"mappa {__version__}" in text
        assert f"holidays package {holidays_version()}" in text
        assert "Generated " in text
        assert "Rules: mappa " in text
        assert str(Path(files[0]).parent) not in text  # file names, never folders
    assert page.count("Targets: current") == 1
    _, text = run(*base, "--format", "json")
    provenance = json.loads(text)["provenance"]
    assert provenance["inputs"] == ["meetings.csv", "attendance.csv"]
    assert provenance["mappa_version"] == __version__
    assert provenance["holidays_version"] == holidays_version()
    assert provenance["data_first"] == "2025-05-01"
    assert provenance["period"] == "2025Q2"
    assert provenance["overrides"] == []
    assert provenance["rulebook"].startswith(f"mappa {__version__} rulebook")
    _, text = run(*base, "--format", "csv")
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["inputs"] == "meetings.csv; attendance.csv"
    assert row["data_last"] == "2025-10-02"
    assert row["generated"] == dt.date.today().isoformat()


def test_a_trend_in_every_format() -> None:
    base = ("report", "--trend", "2024Q1..2025Q4", "--by", "none")
    status, text = run(*base)
    assert status == 0
    assert "2024Q1  2024Q2" in text
    assert "Period: 2024Q1..2025Q4" in text
    status, text = run(*base, "--format", "json")
    data = json.loads(text)
    assert data["period"] == "2024Q1..2025Q4"
    assert len(data["rows"]) == 8 * len(Indicator)
    status, text = run(*base, "--format", "csv")
    assert len(list(csv.DictReader(io.StringIO(text)))) == 8 * len(Indicator)
    status, page = run(*base, "--format", "html")
    assert page.count('<svg class="line"') == len(Indicator)
    assert page.count('class="target"') >= len(Indicator)
    assert "<script" not in page
    status, text = run("report", "--periods", "2024/25,2025/26", "--by", "none")
    assert status == 0
    assert "2024/25  2025/26" in text


def test_a_trend_past_the_data_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run("report", "--trend", "2023Q1..2026Q1")
    assert status == 1
    assert "runs outside the data" in capsys.readouterr().err
    status, text = run(
        "report", "--trend", "2023Q1..2026Q1", "--allow-partial", "--by", "none"
    )
    assert status == 0
    assert "PARTIAL" in text


def test_all_errors_one_problem_a_line_knock_ons_counted_under_their_row(
    files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    meetings = Path(files[0])
    lines = meetings.read_text().splitlines()
    # Spoil two meetings rows: C1 (row 7, with 5 attendance rows) and D2
    # (row 9, with 3).
    lines[6] = lines[6].replace("2025-07-01", "2025-07-32", 1)
    lines[8] = lines[8].replace(",rmt,", ",chat,")
    meetings.write_text("\n".join(lines) + "\n")
    for engine in ("python", "duckdb"):
        status, _ = run(
            "report", *files, "--quarter", "2025Q2", "--all-errors", "--engine", engine
        )
        assert status == 1
        err = capsys.readouterr().err.splitlines()
        assert err[0].startswith("mappa: error: 2 problems in 2 rows, and ")
        assert err[0].endswith("left out with the meetings they belong to:")
        assert err[0] == (
            "mappa: error: 2 problems in 2 rows, and 8 attendance rows left out "
            "with the meetings they belong to:"
        )
        assert err[1].startswith("  ")
        assert "row 7, column 'date'" in err[1]
        assert err[2].startswith(
            "    and 5 attendance rows for this meeting, left out with it ("
        )
        assert err[2].endswith("rows 2, 3, 4, 5, 6)")
        assert "row 9, column 'kind'" in err[3]
        assert err[4].startswith("    and 3 attendance rows")
        assert len(err) == 5


def test_data_until_area_without_grouping_and_odd_settings_rows(
    files: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ("report", *files, "--quarter", "2025Q2", "--format", "json")
    # The data's last meeting is on 2 October: 2025Q3 (October to
    # December) runs past it. Taken on 31 December, the extract covers it,
    # and the reviews due by then and still open count as missed.
    q3 = ("report", *files, "--quarter", "2025Q3", "--format", "json")
    _, before = run(*q3, "--by", "none", "--allow-partial")
    _, after = run(*q3, "--by", "none", "--data-until", "2025-12-31")
    level2 = [
        {r["indicator"]: r for r in json.loads(text)["rows"]}["level2_reviews"]
        for text in (before, after)
    ]
    assert level2[1]["denominator"] > level2[0]["denominator"]
    assert json.loads(after)["provenance"]["data_last"] == "2025-12-31"
    status, _ = run(*base, "--data-until", "31/12/2025")
    assert status == 1
    assert "--data-until must be a date" in capsys.readouterr().err
    # --area with no grouping groups by area.
    _, text = run(*base, "--by", "none", "--area", "Fife")
    assert {r["group"] for r in json.loads(text)["rows"]} == {"Fife", "Scotland"}
    # Blank rows in a settings file are skipped; a date not written
    # YYYY-MM-DD is refused.
    closed = tmp_path / "closed.csv"
    closed.write_text("date\n\n2025-09-01\n,\n")
    assert run(*base, "--closed-days", str(closed))[0] == 0
    closed.write_text("date\n20250901\n")
    assert run(*base, "--closed-days", str(closed))[0] == 1
    assert "closed.csv, row 2, column 'date'" in capsys.readouterr().err


def test_all_errors_lists_at_most_100_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meetings = tmp_path / "m.csv"
    rows = [f"M{n},C-{n},Fife,1,2,2025-07-32,review,,,yes,no," for n in range(120)]
    meetings.write_text(
        "meeting_id,case_ref,area,category,level,date,kind,liberation_date,"
        "minutes_released,disclosure_recorded,leaves_mappa,new_level\n"
        + "\n".join(rows)
        + "\n"
    )
    status, _ = run("report", str(meetings), "--quarter", "2025Q2", "--all-errors")
    assert status == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "mappa: error: 120 problems in 120 rows:"
    assert len(err) == 1 + 100 + 1
    assert err[-1] == "  and 20 more problems"
