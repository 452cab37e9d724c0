"""Benchmark: load N synthetic meetings from CSV and evaluate the indicators.

Generates N meetings (with attendance) using the sample generator
(``scripts/make_sample.py``), writes them as the two CSV files, then, in a
fresh process for each size so peak memory is the run's own:

* ``load``: :func:`mappa.records.read_csv` of both files;
* ``evaluate``: :func:`mappa.indicators.evaluate` over the loaded
  :class:`~mappa.records.Caseload` (from memory), for the reporting year
  2025/26, grouped by area;
* ``evaluate (objects)``, with ``--objects``: the same over a list of
  :class:`~mappa.records.Meeting` objects;
* peak resident memory of the process.

Run from the repository root::

    python benchmarks/indicators_bench.py                 # 100,000 and 1,000,000
    python benchmarks/indicators_bench.py --meetings 200000 2000000 --objects

Targets (2-core machine): 1,000,000 meetings evaluated from memory in
<= 3 s; loaded from CSV and evaluated in <= 10 s; peak memory <= 2 GB;
10x the meetings in <= 12x the time.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from make_sample import generate_rows  # noqa: E402 - after the path is set

from mappa.records import ATTENDANCE_COLUMNS, MEETING_COLUMNS  # noqa: E402

# The generator makes about 7 meetings per case over its two years.
_MEETINGS_PER_CASE = 6


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


def measure(
    meetings_path: str, attendance_path: str, objects: bool
) -> dict[str, float]:
    """Load and evaluate in this process; the timings and peak memory."""
    from mappa.indicators import evaluate
    from mappa.records import read_csv

    figures: dict[str, float] = {}
    start = time.perf_counter()
    caseload = read_csv(Path(meetings_path), Path(attendance_path))
    figures["load_s"] = time.perf_counter() - start
    start = time.perf_counter()
    evaluate(caseload, period="2025/26")
    figures["evaluate_s"] = time.perf_counter() - start
    if objects:
        meetings = list(caseload)
        start = time.perf_counter()
        evaluate(meetings, period="2025/26")
        figures["evaluate_objects_s"] = time.perf_counter() - start
    figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures["meetings"] = len(caseload)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument(
        "--objects", action="store_true", help="also time a list of Meeting objects"
    )
    parser.add_argument("--measure", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(*args.measure, args.objects)))
        return
    with tempfile.TemporaryDirectory() as folder:
        results = []
        for size in args.meetings:
            start = time.perf_counter()
            meetings_path, attendance_path, attendance_rows = write_files(
                size, Path(folder)
            )
            generated = time.perf_counter() - start
            output = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--measure",
                    str(meetings_path),
                    str(attendance_path),
                ]
                + (["--objects"] if args.objects else []),
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            figures = json.loads(output)
            figures["attendance_rows"] = attendance_rows
            results.append(figures)
            line = (
                f"{size:>10,} meetings ({attendance_rows:,} attendance rows; generated in "
                f"{generated:.1f} s): load {figures['load_s']:.2f} s, evaluate "
                f"{figures['evaluate_s']:.2f} s, load + evaluate "
                f"{figures['load_s'] + figures['evaluate_s']:.2f} s"
            )
            if "evaluate_objects_s" in figures:
                line += f", evaluate objects {figures['evaluate_objects_s']:.2f} s"
            print(line + f", peak {figures['peak_mb']:.0f} MB", flush=True)
        if len(results) > 1:
            small, large = results[0], results[-1]
            ratio = large["meetings"] / small["meetings"]
            for key in ("load_s", "evaluate_s"):
                print(
                    f"{key}: {ratio:.0f}x the meetings took "
                    f"{large[key] / small[key]:.1f}x the time"
                )


if __name__ == "__main__":
    main()
