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
* peak resident memory of the process (a second process, if used, is not
  included: Linux reports the memory it shared with its parent before it
  started, so its own peak has to be measured on its own).

``--workers 1`` or ``2`` is passed to both calls (by default they choose:
a second process for the attendance file and the review intervals when the
input is large); ``--repeat N`` measures N times, each in a fresh process,
and shows the median and range. Each run starts with a calibration: a bare
``for`` loop of ten million steps, to show how fast the machine was then.

Run from the repository root::

    python benchmarks/indicators_bench.py                 # 100,000 and 1,000,000
    python benchmarks/indicators_bench.py --meetings 1000000 --repeat 3 --workers 1
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
import statistics
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


def calibrate() -> float:
    """Seconds for a bare loop of ten million steps (about 1 s on a typical
    2-core cloud machine of 2026; a busy machine takes longer)."""
    start = time.perf_counter()
    total = 0
    for step in range(10_000_000):
        total += step
    return time.perf_counter() - start


def measure(
    meetings_path: str, attendance_path: str, objects: bool, workers: int | None
) -> dict[str, float]:
    """Load and evaluate in this process; the timings and peak memory."""
    from mappa.indicators import evaluate
    from mappa.records import read_csv

    figures: dict[str, float] = {"calibration_s": calibrate()}
    start = time.perf_counter()
    caseload = read_csv(Path(meetings_path), Path(attendance_path), workers=workers)
    figures["load_s"] = time.perf_counter() - start
    start = time.perf_counter()
    evaluate(caseload, period="2025/26", workers=workers)
    figures["evaluate_s"] = time.perf_counter() - start
    if objects:
        meetings = list(caseload)
        start = time.perf_counter()
        evaluate(meetings, period="2025/26", workers=workers)
        figures["evaluate_objects_s"] = time.perf_counter() - start
    figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures["meetings"] = len(caseload)
    return figures


def _spread(values: list[float]) -> str:
    """The median, and the range if there is more than one value."""
    middle = statistics.median(values)
    if len(values) == 1:
        return f"{middle:.2f} s"
    return f"{middle:.2f} s ({min(values):.2f}-{max(values):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument(
        "--objects", action="store_true", help="also time a list of Meeting objects"
    )
    parser.add_argument(
        "--workers", type=int, choices=(1, 2), help="passed to read_csv and evaluate"
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs per size")
    parser.add_argument("--measure", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        meetings_path, attendance_path = args.measure
        print(
            json.dumps(
                measure(meetings_path, attendance_path, args.objects, args.workers)
            )
        )
        return
    with tempfile.TemporaryDirectory() as folder:
        results = []
        for size in args.meetings:
            start = time.perf_counter()
            meetings_path, attendance_path, attendance_rows = write_files(
                size, Path(folder)
            )
            generated = time.perf_counter() - start
            runs = []
            for _ in range(args.repeat):
                output = subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--measure",
                        str(meetings_path),
                        str(attendance_path),
                    ]
                    + (["--objects"] if args.objects else [])
                    + (
                        [] if args.workers is None else ["--workers", str(args.workers)]
                    ),
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
                runs.append(json.loads(output))
            figures = {
                key: statistics.median(run[key] for run in runs) for key in runs[0]
            }
            results.append(figures)
            both = [run["load_s"] + run["evaluate_s"] for run in runs]
            line = (
                f"{size:>10,} meetings ({attendance_rows:,} attendance rows; generated in "
                f"{generated:.1f} s), {len(runs)} run(s), workers "
                f"{args.workers or 'chosen'}: load {_spread([r['load_s'] for r in runs])}, "
                f"evaluate {_spread([r['evaluate_s'] for r in runs])}, "
                f"load + evaluate {_spread(both)}"
            )
            if "evaluate_objects_s" in figures:
                line += (
                    ", evaluate objects "
                    f"{_spread([r['evaluate_objects_s'] for r in runs])}"
                )
            print(
                line + f", peak {figures['peak_mb']:.0f} MB, calibration loop "
                f"{_spread([r['calibration_s'] for r in runs])}",
                flush=True,
            )
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
