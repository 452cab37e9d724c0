"""The DuckDB engine: the same report as the Python engine on every input.

The Python engine is the reference; every test here compares the two, on
caseloads in memory, on files (CSV, gzipped CSV, Parquet), on DataFrames,
and on spoiled files (the same errors).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mappa.calendar import WorkingCalendar
from mappa.errors import (
    InvalidTypeError,
    InvalidValueError,
    MissingDependency,
    RecordError,
    UnknownNameError,
)
from mappa.framework import Category, Level
from mappa.indicators import ENGINES, Indicator, Report, default_engine, evaluate
from mappa.records import Meeting, MeetingKind, read_csv, sample_caseload, write_csv
from test_indicators import CASELOAD, PERIODS, meetings_lists
from test_records import mutated_files

duckdb = pytest.importorskip("duckdb")

BY = st.sampled_from(
    [(), ("area",), ("area", "level"), ("category", "level"), ("level",)]
)


def test_the_default_engine_is_duckdb_when_installed() -> None:
    assert default_engine() == "duckdb"
    assert ENGINES == ("python", "duckdb")


def test_the_sample_gives_the_same_report() -> None:
    caseload = sample_caseload()
    for period, by in [
        ("2024/25", ("area", "level")),
        ("2025/26", ("area",)),
        ("2025Q3", ("category",)),
        ("2024Q2", ()),
    ]:
        assert evaluate(caseload, period=period, by=by, engine="duckdb") == evaluate(
            caseload, period=period, by=by
        )


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings_lists(), PERIODS, BY, st.booleans())
def test_random_caseloads_give_the_same_report(
    meetings: list[Meeting], period: str, by: tuple[str, ...], local_holidays: bool
) -> None:
    # Level changes, leaving MAPPA, same-day meetings, minutes open at the
    # period's end, meetings without attendance, and releases beside
    # holidays (the calendar adds local closed days next to Christmas and
    # the summer holiday).
    calendar = (
        WorkingCalendar.scotland(
            extra_closed_days=[
                dt.date(2025, 12, 24),
                dt.date(2025, 8, 5),
                dt.date(2026, 1, 5),
            ],
            extra_working_days=[dt.date(2025, 12, 27)],
        )
        if local_holidays
        else None
    )
    python = evaluate(meetings, period=period, by=by, calendar=calendar)
    assert (
        evaluate(meetings, period=period, by=by, calendar=calendar, engine="duckdb")
        == python
    )


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings_lists(), PERIODS, BY)
def test_files_read_by_duckdb_give_the_same_report(
    tmp_path_factory: pytest.TempPathFactory,
    meetings: list[Meeting],
    period: str,
    by: tuple[str, ...],
) -> None:
    folder = tmp_path_factory.mktemp("files")
    meetings_path, attendance_path = folder / "m.csv", folder / "a.csv.gz"
    write_csv(meetings, meetings_path, attendance_path)
    python = counted(evaluate(meetings, period=period, by=by))
    assert (
        counted(
            evaluate(
                meetings_path, attendance_path, period=period, by=by, engine="duckdb"
            )
        )
        == python
    )
    assert (
        counted(evaluate(meetings_path, attendance_path, period=period, by=by))
        == python
    )


def counted(report: Report) -> tuple[object, ...]:
    """What the engines count, and what they find the data covers (the
    provenance differs only in the names of the files read)."""
    return (report.period, report.by, report.targets, report.results, report.coverage)


def _error(call: object) -> str:
    try:
        call()  # type: ignore[operator]
    except RecordError as error:
        return str(error)
    return "no error"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_files(), st.sampled_from(["raise", "collect"]))
def test_spoiled_files_give_the_same_errors_or_report(
    tmp_path_factory: pytest.TempPathFactory,
    files: tuple[list[Meeting], str, str],
    on_error: str,
) -> None:
    _, meetings_text, attendance_text = files
    folder = tmp_path_factory.mktemp("spoiled")
    meetings_path, attendance_path = folder / "m.csv", folder / "a.csv"
    meetings_path.write_text(meetings_text, encoding="utf-8")
    attendance_path.write_text(attendance_text, encoding="utf-8")

    def with_engine(engine: str) -> object:
        return evaluate(
            meetings_path,
            attendance_path,
            period="2025/26",
            by=("area", "level"),
            engine=engine,
            on_error=on_error,  # type: ignore[arg-type]
        )

    expected = _error(lambda: with_engine("python"))
    assert _error(lambda: with_engine("duckdb")) == expected
    if expected == "no error":
        assert with_engine("duckdb") == with_engine("python")


def test_releases_beside_holidays_count_working_days_alike() -> None:
    # A level 2 meeting on Friday 19 December 2025: 10 working days on,
    # past Christmas, Boxing Day, 1 and 2 January (Scottish bank holidays),
    # is Thursday 8 January 2026.
    def released(day: dt.date) -> Meeting:
        return Meeting(
            meeting_id=f"M{day.isoformat()}",
            case_ref="C-1",
            area="Fife",
            category=Category(1),
            level=Level(2),
            date=dt.date(2025, 12, 19),
            kind=MeetingKind.REVIEW,
            minutes_released=day,
        )

    meetings = [released(dt.date(2026, 1, 8))]
    for engine in ENGINES:
        report = evaluate(meetings, period="2025/26", by=(), engine=engine)
        assert report.result(Indicator.MINUTES_RELEASED).numerator == 1
    late = [released(dt.date(2026, 1, 9))]
    for engine in ENGINES:
        report = evaluate(late, period="2025/26", by=(), engine=engine)
        assert report.result(Indicator.MINUTES_RELEASED).failed == ("M2026-01-09",)


def test_parquet_files_give_the_same_report(tmp_path: Path) -> None:
    # Written by DuckDB from the CSV files, with the types it reads them as
    # (dates as dates, levels as numbers, flags as text).
    write_csv(CASELOAD, tmp_path / "m.csv", tmp_path / "a.csv")
    for name in ("m", "a"):
        duckdb.execute(
            f"COPY (SELECT * FROM read_csv('{tmp_path / name}.csv')) "
            f"TO '{tmp_path / name}.parquet' (FORMAT parquet)"
        )
    python = counted(evaluate(CASELOAD, period="2025/26", by=("area", "level")))
    assert (
        counted(
            evaluate(
                tmp_path / "m.parquet",
                tmp_path / "a.parquet",
                period="2025/26",
                by=("area", "level"),
                engine="duckdb",
            )
        )
        == python
    )


def test_dataframes_give_the_same_report(tmp_path: Path) -> None:
    pandas = pytest.importorskip("pandas")
    meetings_path, attendance_path = tmp_path / "m.csv", tmp_path / "a.csv"
    write_csv(CASELOAD, meetings_path, attendance_path)
    python = counted(evaluate(CASELOAD, period="2025/26", by=("area", "level")))
    # As an analyst reads them: levels with gaps as floats, dates as timestamps.
    frame = pandas.read_csv(meetings_path, parse_dates=["date", "minutes_released"])
    attendance = pandas.read_csv(attendance_path)
    assert frame["new_level"].dtype.kind == "f"

    def duck(meetings: object, attendance: object) -> object:
        return counted(
            evaluate(
                meetings,
                attendance,
                period="2025/26",
                by=("area", "level"),
                engine="duckdb",
            )
        )

    assert duck(frame, attendance) == python
    polars = pytest.importorskip("polars")
    assert duck(polars.from_pandas(frame), polars.from_pandas(attendance)) == python


def test_dataframe_errors_name_the_row_and_column_as_csv_would(tmp_path: Path) -> None:
    pandas = pytest.importorskip("pandas")
    meetings_path, attendance_path = tmp_path / "m.csv", tmp_path / "a.csv"
    write_csv(CASELOAD, meetings_path, attendance_path)
    frame = pandas.read_csv(meetings_path, dtype=str, keep_default_na=False)
    attendance = pandas.read_csv(attendance_path, dtype=str, keep_default_na=False)
    frame.loc[3, "area"] = "Jane Example"
    frame.loc[5, "date"] = "2025-02-30"
    frame.loc[7, "meeting_id"] = frame.loc[6, "meeting_id"]
    attendance.loc[2, "role"] = "boss"
    frame.to_csv(meetings_path, index=False)
    attendance.to_csv(attendance_path, index=False)
    for on_error in ("raise", "collect"):
        with pytest.raises(RecordError) as from_csv:
            read_csv(meetings_path, attendance_path, on_error=on_error)  # type: ignore[arg-type]
        with pytest.raises(RecordError) as from_frame:
            evaluate(
                frame,
                attendance,
                period="2025/26",
                engine="duckdb",
                on_error=on_error,  # type: ignore[arg-type]
            )
        expected = str(from_csv.value).replace(str(meetings_path), "<meetings>")
        expected = expected.replace(str(attendance_path), "<attendance>")
        assert str(from_frame.value) == expected
        assert "Jane" not in str(from_frame.value)
    with pytest.raises(RecordError, match="unknown column"):
        evaluate(
            frame.rename(columns={"area": "Jane Example"}),
            period="2025/26",
            engine="duckdb",
        )


def test_engine_and_input_choices() -> None:
    with pytest.raises(UnknownNameError, match="engine must be one of"):
        evaluate(CASELOAD, period="2025/26", engine="spark")
    with pytest.raises(InvalidTypeError, match="attendance is given only"):
        evaluate(CASELOAD, "a.csv", period="2025/26")
    with pytest.raises(
        InvalidValueError, match="on_error must be 'raise' or 'collect'"
    ):
        evaluate(CASELOAD, period="2025/26", on_error="skip")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="Parquet file is read by the duckdb"):
        evaluate("m.parquet", period="2025/26", engine="python")


def test_without_duckdb_the_engine_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from mappa.indicators import _duckdb

    monkeypatch.setattr(_duckdb, "available", lambda: False)
    assert default_engine() == "python"
    with pytest.raises(MissingDependency, match=r'pip install "mappa\[duckdb\]"'):
        evaluate(CASELOAD, period="2025/26", engine="duckdb")


def test_json_and_other_encodings_are_read_by_python_then_counted_by_duckdb(
    tmp_path: Path,
) -> None:
    from mappa.records import write_jsonl

    write_jsonl(CASELOAD, tmp_path / "m.jsonl")
    python = counted(evaluate(CASELOAD, period="2025/26"))
    assert (
        counted(evaluate(tmp_path / "m.jsonl", period="2025/26", engine="duckdb"))
        == python
    )
    write_csv(CASELOAD, tmp_path / "m.csv", tmp_path / "a.csv")
    assert (
        counted(
            evaluate(
                tmp_path / "m.csv",
                tmp_path / "a.csv",
                period="2025/26",
                engine="duckdb",
                encoding="cp1252",
            )
        )
        == python
    )
    with pytest.raises(InvalidValueError, match="JSON file carries its attendance"):
        evaluate(tmp_path / "m.jsonl", tmp_path / "a.csv", period="2025/26")
    pandas = pytest.importorskip("pandas")
    with pytest.raises(InvalidTypeError, match="DataFrame is read by the duckdb"):
        evaluate(pandas.DataFrame({"a": [1]}), period="2025/26")


def test_the_cli_gives_the_same_report_with_either_engine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from mappa.cli import main

    meetings, attendance = str(tmp_path / "m.csv"), str(tmp_path / "a.csv")
    write_csv(sample_caseload(), meetings, attendance)
    outputs = []
    for engine in ("python", "duckdb"):
        for period in ((), ("--period", "2025Q3")):
            out = io.StringIO()
            arguments = ["report", meetings, attendance, "--format", "csv"]
            assert main([*arguments, "--engine", engine, *period], stdout=out) == 0
            outputs.append(out.getvalue())
    assert outputs[0] == outputs[2]
    assert outputs[1] == outputs[3]
    # A bad file: the same one-line error from either engine.
    capsys.readouterr()
    Path(meetings).write_text(Path(meetings).read_text().replace("review", "chat", 1))
    errors = []
    for engine in ("python", "duckdb"):
        assert main(["report", meetings, attendance, "--engine", engine]) == 1
        errors.append(capsys.readouterr().err)
    assert errors[0] == errors[1]
    assert "column 'kind'" in errors[0]


def test_values_the_readers_accept_but_not_written_plainly(tmp_path: Path) -> None:
    # "Yes", " 2 ", "Police", "Review": every value is then checked one by
    # one with the readers' own checks; the report is the same.
    pandas = pytest.importorskip("pandas")
    meetings_path, attendance_path = tmp_path / "m.csv", tmp_path / "a.csv"
    write_csv(CASELOAD, meetings_path, attendance_path)
    frame = pandas.read_csv(meetings_path, dtype=str, keep_default_na=False)
    attendance = pandas.read_csv(attendance_path, dtype=str, keep_default_na=False)
    frame["disclosure_recorded"] = frame["disclosure_recorded"].str.capitalize()
    frame["level"] = " " + frame["level"] + " "
    frame["kind"] = frame["kind"].str.upper()
    attendance["agency"] = attendance["agency"].str.title()
    python = counted(evaluate(CASELOAD, period="2025/26", by=("area", "level")))
    assert (
        counted(
            evaluate(
                frame,
                attendance,
                period="2025/26",
                by=("area", "level"),
                engine="duckdb",
            )
        )
        == python
    )
    frame.to_csv(meetings_path, index=False)
    attendance.to_csv(attendance_path, index=False)
    assert (
        counted(
            evaluate(
                meetings_path,
                attendance_path,
                period="2025/26",
                by=("area", "level"),
                engine="duckdb",
            )
        )
        == python
    )


def test_clean_files_are_checked_and_counted_in_duckdb_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A CSV file written in the readers' plain words never falls back to
    # the Python reader (a slip in the engine's own SQL would, silently).
    from mappa.indicators import _duckdb

    def no_python_reader(*args: object, **kwargs: object) -> None:
        raise AssertionError("the Python reader was used")

    meetings_path, attendance_path = tmp_path / "m.csv", tmp_path / "a.csv.gz"
    write_csv(sample_caseload(), meetings_path, attendance_path)
    expected = counted(evaluate(sample_caseload(), period="2025/26", by=("area",)))
    monkeypatch.setattr(_duckdb, "read_csv", no_python_reader)
    for by in (("area",), ()):
        report = evaluate(
            meetings_path, attendance_path, period="2025/26", by=by, engine="duckdb"
        )
        if by:
            assert counted(report) == expected
    # A value not written plainly does fall back, and so is refused here.
    text = meetings_path.read_text()
    meetings_path.write_text(text.replace(",yes,", ",Yes,", 1))
    with pytest.raises(AssertionError, match="Python reader"):
        evaluate(meetings_path, attendance_path, period="2025/26", engine="duckdb")


@pytest.mark.parametrize(
    "names",
    [
        ("Community Justice Team",),
        ("Community Justice Team", "Community Justice Team"),  # listed twice
        ("Community Justice Team", "Community Justice Team "),  # twice, once spaced
        ("Community Justice Team", "community justice team"),  # two agencies
        ("Community  Justice Team", "Community  Justice Team"),  # twice, inner spaces
        (" Community Justice Team",),
        ("Social Work",),  # one of the four, as a DTC agency
        ("social  work",),
        ("",),
    ],
)
def test_agencies_other_than_the_four_are_read_alike(
    tmp_path: Path, names: tuple[str, ...]
) -> None:
    # The DuckDB engine checks each distinct name other than the four
    # agencies' own spellings once, with the readers' own check.
    meetings_path, attendance_path = tmp_path / "m.csv", tmp_path / "a.csv"
    write_csv(CASELOAD, meetings_path, attendance_path)
    meeting_id = meetings_path.read_text().splitlines()[1].split(",")[0]
    with attendance_path.open("a", encoding="utf-8") as file:
        for name in names:
            file.write(f"{meeting_id},{name},dtc,yes,yes,yes,no\n")

    def with_engine(engine: str) -> Report:
        return evaluate(
            meetings_path,
            attendance_path,
            period="2025/26",
            by=("area",),
            engine=engine,
        )

    errors = [_error(functools.partial(with_engine, engine)) for engine in ENGINES]
    assert errors[0] == errors[1]
    if errors[0] == "no error":
        assert counted(with_engine("duckdb")) == counted(with_engine("python"))


@pytest.mark.parametrize("column", range(12))
@pytest.mark.parametrize(
    "junk",
    ["", "Jane Example", "2025-07-32", "0", "4", "yes", "2025-7-1", " ", "9" * 30],
)
def test_every_bad_value_in_every_column_gives_the_same_error(
    tmp_path: Path, column: int, junk: str
) -> None:
    # Regression: a date that is not one (2025-07-32) passed the SQL check
    # as NULL, neither true nor false.
    meetings_path, attendance_path = tmp_path / "m.csv", tmp_path / "a.csv"
    write_csv(CASELOAD, meetings_path, attendance_path)
    for path, width in ((meetings_path, 12), (attendance_path, 7)):
        if column >= width:
            continue
        original = path.read_text()
        lines = original.splitlines()
        cells = lines[3].split(",")
        cells[column] = junk
        lines[3] = ",".join(cells)
        path.write_text("\n".join(lines) + "\n")
        errors = [
            _error(
                lambda engine=engine: evaluate(
                    meetings_path, attendance_path, period="2025/26", engine=engine
                )
            )
            for engine in ENGINES
        ]
        assert errors[0] == errors[1]
        path.write_text(original)


def test_the_indicators_page_shows_each_indicators_sql() -> None:
    from mappa.indicators import _duckdb

    page = (
        Path(__file__).resolve().parent.parent / "docs" / "indicators.md"
    ).read_text(encoding="utf-8")
    for sql in (
        _duckdb.ATTENDANCE_SQL,
        _duckdb.MEMBERS_SQL,
        _duckdb.INTERVALS_SQL,
        *_duckdb.INDICATOR_SQL.values(),
    ):
        assert sql.strip() in page


# -- levels read as at each meeting's date ------------------------------------
# A dated version of a levels rule starts on D: the engines check a meeting
# the day before with the old levels and one on D with the new, alike.
D = dt.date(2025, 10, 1)


def _level1(category: int, day: dt.date) -> Meeting:
    return Meeting(
        meeting_id=f"M{category}-{day.isoformat()}",
        case_ref="C-1",
        area="Fife",
        category=Category(category),
        level=Level(1),
        date=day,
        kind=MeetingKind.REVIEW,
    )


@pytest.mark.parametrize(
    ("rule", "levels", "category", "allowed_before", "allowed_on"),
    [
        ("levels.category_3", (1, 2, 3), 3, False, True),  # gains level 1
        ("levels.category_1", (2, 3), 1, True, False),  # loses level 1
    ],
)
def test_the_engines_read_levels_as_at_each_meetings_date(
    tmp_path: Path,
    rule: str,
    levels: tuple[int, ...],
    category: int,
    allowed_before: bool,
    allowed_on: bool,
) -> None:
    from mappa.rulebook import DEFAULT_RULEBOOK

    pandas = pytest.importorskip("pandas")
    book = DEFAULT_RULEBOOK.with_value(rule, levels, reason="from D", applies_from=D)
    other = Meeting(
        meeting_id="M0",
        case_ref="C-2",
        area="Fife",
        category=Category(2),
        level=Level(2),
        date=D - dt.timedelta(days=40),
        kind=MeetingKind.REVIEW,
    )
    for name, day, allowed in (
        ("before", D - dt.timedelta(days=1), allowed_before),
        ("on", D, allowed_on),
    ):
        folder = tmp_path / name
        folder.mkdir()
        meetings_path, attendance_path = folder / "m.csv", folder / "a.csv"
        write_csv([other, _level1(category, day)], meetings_path, attendance_path)
        frame = pandas.read_csv(meetings_path, dtype=str, keep_default_na=False)
        attendance = pandas.read_csv(attendance_path, dtype=str, keep_default_na=False)

        def run(engine: str, files: tuple[object, object]) -> Report:
            return evaluate(
                *files,
                period="2025/26",
                by=("category", "level"),
                engine=engine,
                rulebook=book,
            )

        for files in ((meetings_path, attendance_path), (frame, attendance)):
            if allowed:
                python = run("python", (meetings_path, attendance_path))
                assert counted(run("duckdb", files)) == counted(python)
                # The level-1 meeting is read and counted in its group.
                assert (("category", str(category)), ("level", "1")) in {
                    row.group for row in python.results
                }
            else:
                expected = _error(
                    functools.partial(run, "python", (meetings_path, attendance_path))
                )
                assert "column 'level': category" in expected
                assert "is not managed at level 1" in expected
                error = _error(functools.partial(run, "duckdb", files))
                assert error.replace(
                    str(meetings_path), "<meetings>"
                ) == expected.replace(str(meetings_path), "<meetings>")
