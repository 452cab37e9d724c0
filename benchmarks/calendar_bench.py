"""Working-day arithmetic: mappa against workalendar and numpy, per call.

Run from a checkout with the ``bench`` extra installed::

    pip install -e ".[bench]"
    python benchmarks/calendar_bench.py

For n = 10, 250 and 2500 working days it times, per single call:

* ``mappa``: ``WorkingCalendar.scotland().add_working_days(d, n)`` and
  ``working_days_between(d, end)``;
* ``workalendar``: ``Scotland().add_working_days(d, n)`` and
  ``get_working_days_delta(d, end)`` (its Scottish calendar is used only as
  a speed baseline: it lacks several Scottish bank holidays);
* ``numpy``: ``numpy.busday_offset(d, n, roll="forward", busdaycal=cal)``
  and ``numpy.busday_count``, called once per date with a
  ``numpy.busdaycalendar`` built once beforehand from the same Scottish
  holidays (the date converted to ``datetime64`` on every call, as a caller
  holding ``datetime.date`` values would).

Each figure is the median over 15 rounds of the mean time per call in a
round, over a spread of start dates; the rounds of every case are
interleaved, so a busy machine slows them all alike. Calls that walk a long
way (workalendar) use fewer calls per round.
"""

from __future__ import annotations

import datetime as dt
import platform
import statistics
import sys
import time
import warnings
from collections.abc import Callable

import holidays
import numpy as np

from mappa.calendar import WorkingCalendar

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # workalendar warns that Scotland is experimental
    from workalendar.europe import Scotland

SIZES = (10, 250, 2500)
ROUNDS = 15


def start_dates(count: int) -> list[dt.date]:
    """*count* start dates spread over 2020 to 2029 (weekends and holidays included)."""
    first = dt.date(2020, 1, 1).toordinal()
    return [dt.date.fromordinal(first + (i * 37) % 3650) for i in range(count)]


def one_round(func: Callable[[dt.date], object], days: list[dt.date]) -> float:
    """The mean seconds per call of *func* over *days*."""
    began = time.perf_counter()
    for day in days:
        func(day)
    return (time.perf_counter() - began) / len(days)


def run(
    cases: dict[str, tuple[Callable[[dt.date], object], list[dt.date]]],
) -> dict[str, float]:
    """Median seconds per call of each case, the cases interleaved round by round.

    Interleaving spreads any slowdown of a shared machine over every case
    alike, so the ratios stay fair even when the absolute figures drift.
    """
    for func, days in cases.values():  # warm up (builds any lazy index)
        for day in days[:5]:
            func(day)
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(ROUNDS):
        for name, (func, days) in cases.items():
            samples[name].append(one_round(func, days))
    return {name: statistics.median(values) for name, values in samples.items()}


def micro(seconds: float) -> str:
    return f"{seconds * 1e6:10.2f} us"


def main() -> None:
    mappa_cal = WorkingCalendar.scotland()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        walendar = Scotland()
    scottish = holidays.country_holidays("GB", subdiv="SCT", years=range(2015, 2045))
    busdays = np.busdaycalendar(
        holidays=np.array(sorted(scottish), dtype="datetime64[D]")
    )
    days = start_dates(5000)
    ends = {n: {d: mappa_cal.add_working_days(d, n) for d in days} for n in SIZES}

    cases: dict[str, tuple[Callable[[dt.date], object], list[dt.date]]] = {}
    for n in SIZES:
        slow_days = start_dates(100 if n < 2500 else 10)
        end = ends[n]
        cases[f"add mappa {n}"] = (
            lambda d, n=n: mappa_cal.add_working_days(d, n),
            days,
        )
        cases[f"add workalendar {n}"] = (
            lambda d, n=n: walendar.add_working_days(d, n),
            slow_days,
        )
        cases[f"add numpy {n}"] = (
            lambda d, n=n: np.busday_offset(d, n, roll="forward", busdaycal=busdays),
            days[:1000],
        )
        cases[f"between mappa {n}"] = (
            lambda d, end=end: mappa_cal.working_days_between(d, end[d]),
            days,
        )
        cases[f"between workalendar {n}"] = (
            lambda d, end=end: walendar.get_working_days_delta(d, end[d]),
            slow_days,
        )
        cases[f"between numpy {n}"] = (
            lambda d, end=end: np.busday_count(d, end[d], busdaycal=busdays),
            days[:1000],
        )
    result = run(cases)

    print(f"mappa calendar benchmark, {dt.date.today().isoformat()}")
    print(
        f"Python {platform.python_version()} on {platform.machine()}, "
        f"{platform.system()}, {_cpus()} CPUs; numpy {np.__version__}, "
        f"holidays {holidays.__version__}; medians of {ROUNDS} interleaved rounds"
    )
    print()
    header = (
        f"{'operation':<22}{'n':>6}{'mappa':>14}{'workalendar':>14}{'numpy':>14}"
        f"{'wkl/mappa':>11}{'np/mappa':>10}"
    )
    print(header)
    print("-" * len(header))
    for op, label in (("add", "add_working_days"), ("between", "working_days_between")):
        for n in SIZES:
            ours = result[f"{op} mappa {n}"]
            theirs = result[f"{op} workalendar {n}"]
            nump = result[f"{op} numpy {n}"]
            print(
                f"{label:<22}{n:>6}{micro(ours):>14}{micro(theirs):>14}"
                f"{micro(nump):>14}{theirs / ours:>10.1f}x{nump / ours:>9.1f}x"
            )
    print()
    for op, label in (("add", "add_working_days"), ("between", "working_days_between")):
        flat = result[f"{op} mappa 2500"] / result[f"{op} mappa 10"]
        print(f"mappa {label}, n = 2500 against n = 10: {flat:.2f}x")


def _cpus() -> str:
    import os

    return str(os.cpu_count() or "?")


if __name__ == "__main__":
    sys.exit(main())
