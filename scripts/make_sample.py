"""Generate the SYNTHETIC sample caseload shipped in ``src/mappa/data``.

Every case, meeting and reference is made up at random: no real person,
case or meeting. The caseload spans all ten MAPPA areas (sized roughly by
population) and runs from before 1 April 2024 to 31 March 2026, so the
reporting years 2024/25 and 2025/26 are complete. Misses are realistic:
some reviews slip past their 6 or 12 weeks, some minutes take longer than
10 working days, some agencies send a junior officer or nobody, a few
initial MAPPP meetings come late before liberation.

Run from the repository root::

    python scripts/make_sample.py            # writes the two .csv.gz files
    python scripts/make_sample.py --cases 500 --out build/sample

:func:`generate_rows` is also what ``benchmarks/indicators_bench.py``
uses to make caseloads of any size.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import io
import random
from collections.abc import Iterator
from pathlib import Path

from mappa.framework import AREAS
from mappa.records import ATTENDANCE_COLUMNS, MEETING_COLUMNS

# Rough shares of Scotland's population by MAPPA area (synthetic weights).
_AREA_WEIGHTS = {
    "Glasgow": 11,
    "Lanarkshire": 12,
    "North Strathclyde": 13,
    "South West Scotland": 9,
    "Lothian and Borders": 18,
    "Forth Valley": 6,
    "Fife": 7,
    "Tayside": 8,
    "Grampian": 11,
    "Highland and Islands": 6,
}
_DTC_AGENCIES = (
    "Registered social landlord",
    "Department for Work and Pensions",
    "Social Security Scotland",
    "Scottish Children's Reporter Administration",
    "Housing services",
)

Row = list[str]


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _weekday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def generate_rows(
    cases: int,
    *,
    first: dt.date = dt.date(2024, 4, 1),
    last: dt.date = dt.date(2026, 3, 31),
    seed: int = 2026,
) -> Iterator[tuple[Row, list[Row]]]:
    """(meeting row, attendance rows) for *cases* synthetic cases, as CSV text.

    Each case starts at a random date from six months before *first* to
    *last*, at level 2 (80%) or 3, and is reviewed until it leaves MAPPA or
    *last* passes. Rows come case by case, meetings in date order.
    """
    rng = random.Random(seed)
    areas = [area.name for area in AREAS]
    weights = [_AREA_WEIGHTS[name] for name in areas]
    span = (last - first).days + 183
    meeting_number = 0
    for case_number in range(1, cases + 1):
        case_ref = f"C-{case_number:07d}"
        area = rng.choices(areas, weights)[0]
        category = rng.choices((1, 2, 3), (70, 5, 25))[0]
        level = 3 if rng.random() < 0.2 else 2
        day = _weekday(
            first - dt.timedelta(days=183) + dt.timedelta(days=rng.randrange(span))
        )
        custody = rng.random() < 0.25
        kind = "initial"
        while day <= last:
            meeting_number += 1
            meeting_id = f"M{meeting_number:08d}"
            liberation = ""
            if kind == "initial" and level == 3 and custody:
                ahead = (
                    rng.randint(30, 120) if rng.random() < 0.9 else rng.randint(5, 27)
                )
                liberation = (day + dt.timedelta(days=ahead)).isoformat()
            roll = rng.random()
            if roll < 0.01:
                released = ""  # never released
            else:
                calendar_days = (
                    rng.randint(3, 13) if roll < 0.9 else rng.randint(15, 30)
                )
                released = (day + dt.timedelta(days=calendar_days)).isoformat()
            disclosure = rng.random() < 0.985
            leaves = kind != "initial" and rng.random() < 0.05
            new_level = ""
            if not leaves and kind != "initial" and rng.random() < 0.06:
                new_level = "2" if level == 3 else "3"
            meeting = [
                meeting_id,
                case_ref,
                area,
                str(category),
                str(level),
                day.isoformat(),
                kind,
                liberation,
                released,
                _yes(disclosure),
                _yes(leaves),
                new_level,
            ]
            yield meeting, list(_attendance(rng, meeting_id, kind, category, custody))
            if leaves:
                break
            if new_level:
                level = int(new_level)
            if rng.random() < 0.08:
                # A risk management team meeting between reviews.
                rmt_day = _weekday(day + dt.timedelta(days=rng.randint(7, 20)))
                if rmt_day <= last:
                    meeting_number += 1
                    rmt_id = f"M{meeting_number:08d}"
                    rmt = [
                        rmt_id,
                        case_ref,
                        area,
                        str(category),
                        str(level),
                        rmt_day.isoformat(),
                        "rmt",
                        "",
                        (rmt_day + dt.timedelta(days=rng.randint(2, 12))).isoformat(),
                        _yes(rng.random() < 0.99),
                        "no",
                        "",
                    ]
                    yield rmt, list(_attendance(rng, rmt_id, "rmt", category, custody))
            interval = 42 if level == 3 else 84
            gap = (
                rng.randint(interval - 14, interval)
                if rng.random() < 0.95
                else rng.randint(interval + 1, interval + 30)
            )
            day = day + dt.timedelta(days=gap)
            if day.weekday() >= 5:
                day -= dt.timedelta(days=day.weekday() - 4)  # back to the Friday
            kind = "review"


def _attendance(
    rng: random.Random, meeting_id: str, kind: str, category: int, custody: bool
) -> Iterator[Row]:
    agencies: list[tuple[str, str]] = [("police", "ra"), ("social work", "ra")]
    if kind != "rmt":
        if category == 2:
            agencies.append(("health", "ra"))
        if custody:
            agencies.append(("prison service", "ra"))
        agencies.extend(
            (name, "dtc")
            for name in rng.sample(_DTC_AGENCIES, rng.choice((0, 1, 1, 2)))
        )
    for agency, role in agencies:
        invited = True
        attended = rng.random() < (0.96 if role == "ra" else 0.85)
        senior = attended and rng.random() < (0.95 if role == "ra" else 0.93)
        written = (not attended) and rng.random() < 0.8
        yield [
            meeting_id,
            agency,
            role,
            _yes(invited),
            _yes(attended),
            _yes(senior),
            _yes(written),
        ]


def _gzip_text(path: Path) -> io.TextIOWrapper:
    """A text stream writing gzip with no timestamp or name, so output is reproducible."""
    raw = gzip.GzipFile(filename="", mode="wb", fileobj=path.open("wb"), mtime=0)
    return io.TextIOWrapper(raw, encoding="utf-8", newline="")


def write(cases: int, out: Path, *, seed: int = 2026) -> tuple[int, int]:
    """Write the sample's two gzip CSV files into *out*; (meetings, attendance rows)."""
    out.mkdir(parents=True, exist_ok=True)
    meetings = attendance = 0
    with (
        _gzip_text(out / "sample_meetings.csv.gz") as m_file,
        _gzip_text(out / "sample_attendance.csv.gz") as a_file,
    ):
        m_writer = csv.writer(m_file, lineterminator="\n")
        a_writer = csv.writer(a_file, lineterminator="\n")
        m_writer.writerow(MEETING_COLUMNS)
        a_writer.writerow(ATTENDANCE_COLUMNS)
        for meeting, rows in generate_rows(cases, seed=seed):
            m_writer.writerow(meeting)
            a_writer.writerows(rows)
            meetings += 1
            attendance += len(rows)
    return meetings, attendance


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "src" / "mappa" / "data",
    )
    args = parser.parse_args()
    meetings, attendance = write(args.cases, args.out, seed=args.seed)
    print(
        f"wrote {meetings} synthetic meetings and {attendance} attendance rows to {args.out}"
    )


if __name__ == "__main__":
    main()
