"""Benchmark: the eight indicators over N meetings, mappa beside an analyst's own code.

Writes N synthetic meetings (``scripts/make_sample.py``'s generator) as a
meetings CSV and an attendance CSV, then times, each in a fresh process
so peak memory is the run's own, from the files to the figures for the
reporting year 2025/26 by area:

* ``mappa duckdb``: ``evaluate(meetings, attendance, engine="duckdb")``,
  which checks every value and lists the failed meetings;
* ``mappa python``: ``read_csv`` then ``evaluate`` (the reference engine),
  which does the same;
* ``pandas``, ``polars``, ``duckdb-sql``: ``benchmarks/peers.py``, an
  analyst's own vectorised code (no checks, no failed ids).

Every run's figures (met and counted, per indicator and area) must equal
``mappa python``'s, or the benchmark stops. It prints each run's time,
its ratio to the fastest peer (above 1: slower) and its peak memory, with
the load average before and after each size, since other work on the
machine slows everything down.

Run from the repository root, with the ``bench`` extra installed::

    python benchmarks/indicators_bench.py                    # 100,000 and 1,000,000
    python benchmarks/indicators_bench.py --meetings 1000000 --repeat 3
    python benchmarks/indicators_bench.py --only "mappa duckdb" polars

Targets (2-core machine), at 1,000,000 meetings: the DuckDB engine at least
as fast as the fastest peer, under 1 GB; the Python engine within 6.1 s and
400 MB.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_sample import generate_rows  # noqa: E402 - after the path is set

from mappa.records import ATTENDANCE_COLUMNS, MEETING_COLUMNS  # noqa: E402

_MEETINGS_PER_CASE = 6  # the generator makes about 7 meetings per case
CONTENDERS = ("mappa duckdb", "mappa python", "pandas", "polars", "duckdb-sql")
PEERS = ("pandas", "polars", "duckdb-sql")


def write_files(meetings: int, folder: Path) -> tuple[Path, Path, int]:
    """Write *meetings* synthetic meetings; (meetings file, attendance file, rows)."""
    meetings_path = folder / f"meetings_{meetings}.csv"
    attendance_path = folder / f"attendance_{meetings}.csv"
    attendance_rows = 0
    with (
        meetings_path.open("w", newline="") as m_file,
        attendance_path.open("w", newline="") as a_file,
    ):
        m_writer = csv.writer(m_file, lineterminator="\n")
        a_writer = csv.writer(a_file, lineterminator="\n")
        m_writer.writerow(MEETING_COLUMNS)
        a_writer.writerow(ATTENDANCE_COLUMNS)
        rows = generate_rows(meetings // _MEETINGS_PER_CASE * 2 + 10, seed=meetings)
        for meeting, attendance in itertools.islice(rows, meetings):
            m_writer.writerow(meeting)
            a_writer.writerows(attendance)
            attendance_rows += len(attendance)
    return meetings_path, attendance_path, attendance_rows


def _mappa_figures(report: Any) -> dict[str, dict[str, list[int]]]:
    figures: dict[str, dict[str, list[int]]] = {}
    for result in report.results:
        if result.group and (result.numerator or result.denominator):
            figures.setdefault(result.indicator.value, {})[result.group[0][1]] = [
                result.numerator,
                result.denominator,
            ]
    return figures


def measure(name: str, meetings_path: str, attendance_path: str) -> dict[str, Any]:
    """Run one contender in this process: its time, peak memory and figures."""
    start = time.perf_counter()
    if name == "mappa duckdb":
        from mappa.indicators import evaluate

        figures: Any = _mappa_figures(
            evaluate(
                Path(meetings_path),
                Path(attendance_path),
                period="2025/26",
                engine="duckdb",
            )
        )
    elif name == "mappa python":
        from mappa.indicators import evaluate
        from mappa.records import read_csv

        caseload = read_csv(Path(meetings_path), Path(attendance_path))
        figures = _mappa_figures(evaluate(caseload, period="2025/26", engine="python"))
    else:
        from peers import PEERS as functions

        figures = functions[name](meetings_path, attendance_path)
        figures = {
            indicator: {area: list(pair) for area, pair in per_area.items()}
            for indicator, per_area in figures.items()
        }
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "figures": figures,
    }


def _run(name: str, meetings_path: Path, attendance_path: Path) -> dict[str, Any]:
    output = subprocess.run(
        [
            sys.executable,
            __file__,
            "--measure",
            name,
            str(meetings_path),
            str(attendance_path),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output)


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=1, help="runs per contender")
    parser.add_argument(
        "--only", nargs="+", choices=CONTENDERS, default=list(CONTENDERS)
    )
    parser.add_argument("--measure", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(*args.measure)))
        return
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} processors", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        for size in args.meetings:
            start = time.perf_counter()
            meetings_path, attendance_path, attendance_rows = write_files(
                size, Path(folder)
            )
            print(
                f"\n{size:,} meetings, {attendance_rows:,} attendance rows "
                f"(generated in {time.perf_counter() - start:.1f} s); "
                f"load average before: {_load()}",
                flush=True,
            )
            reference = None
            rows = []
            for name in args.only:
                runs = [
                    _run(name, meetings_path, attendance_path)
                    for _ in range(args.repeat)
                ]
                figures = runs[0]["figures"]
                if name == "mappa python":
                    reference = figures
                elif reference is not None and figures != reference:
                    raise SystemExit(f"{name} disagrees with mappa python at {size:,}")
                seconds = statistics.median(run["seconds"] for run in runs)
                peak = max(run["peak_mb"] for run in runs)
                rows.append((name, seconds, peak, [run["seconds"] for run in runs]))
                print(f"  {name:<14} {seconds:6.2f} s  peak {peak:5.0f} MB", flush=True)
            peers = [seconds for name, seconds, _, _ in rows if name in PEERS]
            fastest = min(peers) if peers else None
            print(f"  load average after: {_load()}")
            print(
                f"  {'':<14} {'time':>8}  {'vs fastest peer':>15}  {'peak MB':>8}  runs"
            )
            for name, seconds, peak, times in rows:
                ratio = f"{seconds / fastest:.2f}x" if fastest else "-"
                spread = " ".join(f"{t:.2f}" for t in times)
                print(
                    f"  {name:<14} {seconds:7.2f}s  {ratio:>15}  {peak:8.0f}  {spread}"
                )


if __name__ == "__main__":
    main()
