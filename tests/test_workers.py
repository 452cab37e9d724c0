"""A second process for half of a large load or evaluation (``workers``).

The answer must never depend on it: every test here compares ``workers=2``
with ``workers=1`` (this process only), on clean files, files in another
order, files with errors, and random caseloads.
"""

from __future__ import annotations

import io
import random
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mappa.records as records
from mappa import _intervals, _workers
from mappa.cli import main
from mappa.errors import InvalidTypeError, InvalidValueError, RecordError
from mappa.indicators import evaluate
from mappa.records import (
    ATTENDANCE_COLUMNS,
    MEETING_COLUMNS,
    Caseload,
    Meeting,
    read_csv,
    sample_caseload,
    write_csv,
)
from mappa.years import Quarter
from test_indicators import CASELOAD, meetings_lists

MEETINGS_HEADER = ",".join(MEETING_COLUMNS) + "\n"
ATTENDANCE_HEADER = ",".join(ATTENDANCE_COLUMNS) + "\n"


def csv_files(
    folder: Path, meetings: Iterator[Meeting] | list[Meeting]
) -> tuple[Path, Path]:
    meetings_path, attendance_path = folder / "meetings.csv", folder / "attendance.csv"
    write_csv(meetings, meetings_path, attendance_path)
    return meetings_path, attendance_path


def rows_of(path: Path) -> tuple[str, list[str]]:
    header, *rows = path.read_text().splitlines(keepends=True)
    return header, rows


@pytest.fixture(scope="module")
def sample_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return csv_files(tmp_path_factory.mktemp("sample"), list(sample_caseload()))


@pytest.fixture
def joins(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each attendance file read by a second process was taken."""
    taken: list[bool] = []
    join = records._Loader.join_attendance

    def spy(self: records._Loader, read: Any) -> bool:
        taken.append(join(self, read))
        return taken[-1]

    monkeypatch.setattr(records._Loader, "join_attendance", spy)
    return taken


def same_caseload(one: Caseload, two: Caseload) -> None:
    assert list(one) == list(two)
    assert list(map(str, one.problems)) == list(map(str, two.problems))


def error_text(call: Callable[[], object]) -> str:
    with pytest.raises(RecordError) as caught:
        call()
    return str(caught.value)


def two_meetings(folder: Path, attendance: str) -> tuple[Path, Path]:
    meetings, attendance_path = folder / "m.csv", folder / "a.csv"
    meetings.write_text(
        MEETINGS_HEADER
        + "M1,C-1,Fife,1,2,2025-06-02,review,,2025-06-09,yes,no,\n"
        + "M2,C-1,Fife,1,2,2025-07-02,review,,2025-07-09,yes,no,\n"
    )
    attendance_path.write_text(ATTENDANCE_HEADER + attendance)
    return meetings, attendance_path


# -- the argument ---------------------------------------------------------------


@pytest.mark.parametrize("bad", [0, 3, -1])
def test_workers_must_be_1_2_or_none(bad: int, sample_files: tuple[Path, Path]) -> None:
    with pytest.raises(InvalidValueError, match="workers must be 1, 2 or None"):
        read_csv(*sample_files, workers=bad)
    with pytest.raises(InvalidValueError, match="workers"):
        evaluate(CASELOAD, period="2025/26", workers=bad)


@pytest.mark.parametrize("bad", ["2", 2.0, True])
def test_workers_must_be_an_int(bad: object) -> None:
    with pytest.raises(InvalidTypeError, match="workers must be an int"):
        evaluate(CASELOAD, period="2025/26", workers=bad)  # type: ignore[arg-type]


def test_when_a_second_process_is_wanted(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _workers.processors() >= 1
    assert _workers.wanted(2, 0, 100)
    assert not _workers.wanted(1, 10**9, 100)
    monkeypatch.setattr(_workers, "processors", lambda: 2)
    assert _workers.wanted(None, 100, 100)
    assert not _workers.wanted(None, 99, 100)
    monkeypatch.setattr(_workers, "processors", lambda: 1)
    assert not _workers.wanted(None, 100, 100)
    monkeypatch.setattr(_workers, "processors", lambda: 2)
    monkeypatch.setattr(sys, "executable", "/opt/host/uwsgi")
    assert not _workers.wanted(None, 100, 100)
    monkeypatch.setattr(sys, "executable", "")
    assert not _workers.wanted(None, 100, 100)


# -- reading --------------------------------------------------------------------


def test_reading_attendance_in_a_second_process_gives_the_same_caseload(
    sample_files: tuple[Path, Path], joins: list[bool]
) -> None:
    alone = read_csv(*sample_files, workers=1)
    assert joins == []
    together = read_csv(*sample_files, workers=2)
    assert joins == [True]
    same_caseload(alone, together)
    assert len(together) > 1000


def test_attendance_of_meetings_in_another_order_or_missing(
    tmp_path: Path, joins: list[bool]
) -> None:
    # Each meeting's rows together, but meetings in a shuffled order, and
    # some meetings with no attendance at all: matched by id.
    meetings_path, attendance_path = csv_files(tmp_path, list(sample_caseload())[:3000])
    header, rows = rows_of(attendance_path)
    by_meeting: dict[str, list[str]] = {}
    for row in rows:
        by_meeting.setdefault(row.split(",", 1)[0], []).append(row)
    groups = list(by_meeting.values())
    random.Random(7).shuffle(groups)
    del groups[::5]
    attendance_path.write_text(
        header + "".join(row for group in groups for row in group)
    )
    same_caseload(
        read_csv(meetings_path, attendance_path, workers=1),
        read_csv(meetings_path, attendance_path, workers=2),
    )
    assert joins == [True]


def test_attendance_with_a_meetings_rows_apart_is_read_here(
    tmp_path: Path, joins: list[bool]
) -> None:
    meetings_path, attendance_path = csv_files(tmp_path, list(sample_caseload())[:3000])
    header, rows = rows_of(attendance_path)
    random.Random(11).shuffle(rows)
    attendance_path.write_text(header + "".join(rows))
    same_caseload(
        read_csv(meetings_path, attendance_path, workers=1),
        read_csv(meetings_path, attendance_path, workers=2),
    )
    assert joins == [False]  # a meeting in two runs: this process read the file


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("M1,police,ra,yes,yes,yes,maybe\n", "column 'written_contribution'"),
        ("M404,police,ra,yes,yes,yes,no\n", "not in the meetings file"),
        ("M1,police,ra,yes,yes,yes,no\n", "listed twice"),
        ("M1,Housing,dtc,yes,yes,yes,no\n", "listed twice"),
    ],
)
def test_errors_are_those_of_reading_here(
    tmp_path: Path, row: str, expected: str
) -> None:
    meetings, attendance = two_meetings(
        tmp_path,
        "M1,police,ra,yes,yes,yes,no\n"
        + "M1,Housing,dtc,yes,no,no,yes\n"
        + row
        + "M2,police,ra,yes,yes,yes,no\n",
    )
    alone = error_text(lambda: read_csv(meetings, attendance, workers=1))
    assert expected in alone
    assert error_text(lambda: read_csv(meetings, attendance, workers=2)) == alone
    assert error_text(
        lambda: read_csv(meetings, attendance, workers=2, on_error="collect")
    ) == error_text(
        lambda: read_csv(meetings, attendance, workers=1, on_error="collect")
    )
    same_caseload(
        read_csv(meetings, attendance, workers=1, on_error="skip"),
        read_csv(meetings, attendance, workers=2, on_error="skip"),
    )


def test_a_left_out_meeting_is_reported_the_same(
    tmp_path: Path, joins: list[bool]
) -> None:
    meetings, attendance = two_meetings(
        tmp_path, "M1,police,ra,yes,yes,yes,no\nM2,police,ra,yes,yes,yes,no\n"
    )
    meetings.write_text(meetings.read_text().replace("2025-07-02", "2025-13-02"))
    alone = read_csv(meetings, attendance, workers=1, on_error="skip")
    together = read_csv(meetings, attendance, workers=2, on_error="skip")
    same_caseload(alone, together)
    assert len(together.problems) == 2
    assert joins == [False]


def test_a_stream_is_always_read_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("no second process for a stream")

    monkeypatch.setattr(_workers, "start", refuse)
    meetings = io.StringIO()
    attendance = io.StringIO()
    write_csv(CASELOAD, meetings, attendance)
    meetings.seek(0)
    attendance.seek(0)
    assert list(read_csv(meetings, attendance, workers=2)) == list(CASELOAD)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings_lists(max_size=40))
def test_random_caseloads_read_and_evaluate_the_same(
    tmp_path_factory: pytest.TempPathFactory, meetings: list[Meeting]
) -> None:
    paths = csv_files(tmp_path_factory.mktemp("random"), meetings)
    alone = read_csv(*paths, workers=1)
    together = read_csv(*paths, workers=2)
    same_caseload(alone, together)
    assert list(together) == meetings
    for period in ("2025/26", "2024/25"):
        assert (
            evaluate(together, period=period, workers=2).rows()
            == evaluate(alone, period=period, workers=1).rows()
        )


# -- evaluating -----------------------------------------------------------------


@pytest.mark.parametrize(
    "by", [("area",), (), ("category",), ("area", "category"), ("area", "level")]
)
def test_evaluating_in_two_processes_gives_the_same_report(by: tuple[str, ...]) -> None:
    caseload = sample_caseload()
    for period in ("2025/26", Quarter(2024, 3)):
        assert (
            evaluate(caseload, period=period, by=by, workers=2).rows()
            == evaluate(caseload, period=period, by=by, workers=1).rows()
        )


def test_evaluating_objects_in_two_processes() -> None:
    meetings = list(sample_caseload())[:2000]
    assert (
        evaluate(meetings, period="2025/26", workers=2).rows()
        == evaluate(meetings, period="2025/26", workers=1).rows()
    )


# -- the second process -----------------------------------------------------------


def test_a_process_that_cannot_start_is_done_here(
    monkeypatch: pytest.MonkeyPatch, sample_files: tuple[Path, Path]
) -> None:
    alone = read_csv(*sample_files, workers=1)
    report = evaluate(alone, period="2025/26", workers=1).rows()
    monkeypatch.setattr(sys, "executable", "/no/such/python")
    with pytest.warns(RuntimeWarning, match="could not be started"):
        same_caseload(read_csv(*sample_files, workers=2), alone)
    with pytest.warns(RuntimeWarning, match="counting the review intervals"):
        assert evaluate(alone, period="2025/26", workers=2).rows() == report


def test_a_task_that_fails_gives_none_and_a_warning() -> None:
    job = _workers.start("reviews", None)  # not a payload: it fails there
    with pytest.warns(RuntimeWarning, match="exit status 1"):
        assert job.result() is None
    assert job.result() is None  # asked again: still nothing


def test_a_result_that_cannot_be_read(monkeypatch: pytest.MonkeyPatch) -> None:
    job = _workers.start("reviews", ((b"", b"", b"", b"", b""), 1, 2, 1, [], {}, 2))

    def unreadable(data: bytes) -> object:
        raise EOFError

    monkeypatch.setattr(_workers.pickle, "loads", unreadable)
    with pytest.warns(RuntimeWarning, match="unreadable"):
        assert job.result() is None


def test_an_unpicklable_payload_is_done_here() -> None:
    with pytest.warns(RuntimeWarning, match="could not be started"):
        job = _workers.start("reviews", lambda: None)
    assert job.result() is None


def test_a_cancelled_task_is_stopped(sample_files: tuple[Path, Path]) -> None:
    job = _workers.start("attendance", str(sample_files[1]))
    job.cancel()
    assert job.result() is None
    job.cancel()  # twice is harmless
    # Stopped while its payload is still going down the pipe.
    job = _workers.start("reviews", bytes(50_000_000))
    job.cancel()
    assert job.result() is None


def test_unknown_task() -> None:
    with pytest.raises(ValueError, match="unknown task"):
        _workers.start("everything", None)


def test_the_tasks_run_here_too(
    sample_files: tuple[Path, Path], tmp_path: Path
) -> None:
    read = _workers.run("attendance", str(sample_files[1]))
    assert read is not None
    ids, count, *_ = read
    assert count == len(ids.split("\n")) > 1000
    bad = tmp_path / "bad.csv"
    bad.write_text(ATTENDANCE_HEADER + "M1,police,ra,yes,yes,yes,maybe\n")
    assert _workers.run("attendance", str(bad)) is None
    broken = tmp_path / "broken.csv"
    broken.write_text(ATTENDANCE_HEADER + '"M\n1",police,ra,yes,yes,yes,no\n')
    assert _workers.run("attendance", str(broken)) is None  # an id with a line break
    empty = tmp_path / "empty.csv"
    empty.write_text(ATTENDANCE_HEADER)
    assert _workers.run("attendance", str(empty)) == (
        "",
        0,
        [],
        records.array("i"),
        records.array("q"),
        [],
        0,
    )
    counts, missed = _workers.run(
        "reviews",
        ((records.array("i"), b"", b"", b"", records.array("i")), 10, 20, 1, [], {}, 2),
    )
    assert (counts, missed) == ({}, {3: [], 2: []})
    assert _intervals.task(
        ((records.array("i"), b"", b"", b"", records.array("i")), 10, 20, 1, [], {}, 2)
    ) == ({}, {3: [], 2: []})


# -- repeated agencies, chunk by chunk ------------------------------------------------


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(records, "_BLOCK", 64)
    monkeypatch.setattr(records, "_CHUNK", 2)


@pytest.mark.usefixtures("small_blocks")
@pytest.mark.parametrize(
    "attendance",
    [
        # In meeting order, the repeat chunks away from the first.
        "M1,Housing,dtc,yes,yes,yes,no\n"
        + "".join(f"M1,Agency {n},dtc,yes,yes,yes,no\n" for n in range(6))
        + "M1,Housing,dtc,yes,no,no,yes\n"
        + "M2,police,ra,yes,yes,yes,no\n",
        # A meeting's rows apart: checked across the whole file from then on.
        "M1,Housing,dtc,yes,yes,yes,no\n"
        + "".join(f"M2,Agency {n},dtc,yes,yes,yes,no\n" for n in range(6))
        + "M1,Housing,dtc,yes,no,no,yes\n",
        # Apart, and the repeat after the order broke.
        "M2,police,ra,yes,yes,yes,no\n"
        + "M1,Agency 1,dtc,yes,yes,yes,no\n"
        + "M2,Agency 2,dtc,yes,yes,yes,no\n"
        + "M1,Agency 3,dtc,yes,yes,yes,no\n"
        + "M1,Agency 1,dtc,yes,no,no,no\n",
    ],
)
def test_a_named_agency_twice_is_found_across_chunks(
    tmp_path: Path, attendance: str
) -> None:
    paths = two_meetings(tmp_path, attendance)
    text = error_text(lambda: read_csv(*paths, workers=1))
    assert "this agency is listed twice for one meeting" in text
    skipped = read_csv(*paths, workers=1, on_error="skip")
    assert len(skipped.problems) == 1
    # Read on its own, a repeat within one run of rows is found there; a
    # meeting in two runs is left to the first process, which finds it.
    read = _workers.run("attendance", str(paths[1]))
    runs = [] if read is None else read[0].split("\n")
    assert read is None or len(set(runs)) < len(runs)


@pytest.mark.usefixtures("small_blocks")
def test_runs_across_chunks_are_one_meeting(tmp_path: Path) -> None:
    attendance = (
        "".join(f"M1,Agency {n},dtc,yes,yes,yes,no\n" for n in range(7))
        + "M2,police,ra,yes,yes,yes,no\n"
        + "M2,Agency 1,dtc,yes,no,no,yes\n"
    )
    paths = two_meetings(tmp_path, attendance)
    read = _workers.run("attendance", str(paths[1]))
    assert read is not None
    assert read[:2] == ("M1\nM2", 2)
    loader = records._Loader(
        "raise", records.DEFAULT_AREA_TABLE, records.resolve(None), None
    )
    with paths[0].open() as stream:
        for chunk, rownums, _ in records._csv_chunks(
            stream, "m", MEETING_COLUMNS, loader
        ):
            loader.add_meetings("m", chunk, rownums)
    assert loader.join_attendance(read)
    assert list(loader.finish()) == list(read_csv(*paths, workers=1))


# -- the command ------------------------------------------------------------------


def test_report_workers_option(tmp_path: Path) -> None:
    meetings, attendance = csv_files(tmp_path, list(CASELOAD))
    outputs = []
    for workers in ("1", "2"):
        out = io.StringIO()
        status = main(
            [
                "report",
                str(meetings),
                str(attendance),
                "--period",
                "2025/26",
                "--format",
                "csv",
                "--workers",
                workers,
            ],
            stdout=out,
        )
        assert status == 0
        outputs.append(out.getvalue())
    assert outputs[0] == outputs[1]
    with pytest.raises(SystemExit) as caught:
        main(["report", "--workers", "3"], stdout=io.StringIO())
    assert caught.value.code == 2


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["M1", "M2", "M3"]),
            st.sampled_from(
                ["police", "social work", "Housing", "Agency 1", "Agency 2"]
            ),
        ),
        min_size=1,
        max_size=14,
    ),
    st.sampled_from([16, 40, 64, 1 << 16]),
)
def test_a_repeated_agency_is_found_in_any_order_and_any_blocks(
    tmp_path_factory: pytest.TempPathFactory,
    rows: list[tuple[str, str]],
    block: int,
) -> None:
    folder = tmp_path_factory.mktemp("repeats")
    text = "".join(
        f"{meeting},{agency},{'ra' if agency in ('police', 'social work') else 'dtc'},"
        "yes,yes,yes,no\n"
        for meeting, agency in rows
    )
    paths = two_meetings(folder, text)
    paths[0].write_text(
        paths[0].read_text() + "M3,C-2,Fife,1,2,2025-07-02,review,,2025-07-09,yes,no,\n"
    )
    repeated = len(set(rows)) < len(rows)
    saved = records._BLOCK
    records._BLOCK = block
    try:
        if repeated:
            assert "listed twice" in error_text(lambda: read_csv(*paths, workers=1))
        else:
            caseload = read_csv(*paths, workers=1)
            assert sum(len(m.attendance) for m in caseload) == len(rows)
    finally:
        records._BLOCK = saved
