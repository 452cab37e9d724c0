"""National performance indicators: the eight MAPPA KPIs over a caseload.

:func:`evaluate` takes meetings (a :class:`~mappa.records.Caseload` or any
iterable of :class:`~mappa.records.Meeting`), a reporting year or quarter,
and computes each of the eight national performance indicators for each
group (by default each MAPPA area) and for Scotland: numerator,
denominator, percentage, the target, whether it was met, the rule's
citation, and the ids of the meetings that failed it so a co-ordinator
can follow them up. Targets are the current set unless the caller asks
for the earlier one (``targets="previous"``: 90% and 85% for level 3 and
level 2 reviews) or gives their own.

>>> from mappa.indicators import Indicator, evaluate
>>> from mappa.records import sample_caseload
>>> report = evaluate(sample_caseload(), period="2024/25")
>>> result = report.result(Indicator.MINUTES_RELEASED)   # Scotland
>>> result.target, result.status.value in ("met", "not met")
(Decimal('90'), True)
>>> str(result.citation)
'Glasgow City Council, MAPPA web page (under the 2023 guidance), National Performance Indicators'

**The indicators, exactly.** A meeting counts in the period its date
falls in; "level 2 and 3 meetings" are initial and review meetings at
level 2 or 3; risk management team (RMT) meetings count only where the
indicator names them (police and social work attendance). The report is
as at the end of the period, or as at the data's last day if the data
ends first (its last meeting's date, or the day the caller says the data
was taken, ``data_until``): nothing after that day is looked at, and an
item whose deadline falls after it and which is still open then is not
counted (it is counted in the period its deadline falls in, for reviews,
or left out, for minutes). So an extract ending on 5 January never
counts a review due on 6 January as missed.

**What the data covers.** Every report carries its
:class:`Coverage` (the data's first and last dates, and whether it holds
any attendance record) in its :class:`Provenance`. A period that starts
before the data or ends after it makes a *partial* report
(:attr:`Report.partial`), which every output marks; the ``mappa report``
command refuses one unless asked (``--allow-partial``). Data with no
attendance record at all cannot count the three attendance indicators:
they have the status :attr:`Status.NO_ATTENDANCE_DATA`, never "no cases".

1. **Level 3 reviews** and 2. **level 2 reviews** (``kpi.level3_reviews``,
   ``kpi.level2_reviews``): one item per review interval. Each meeting of
   a case at level 2 or 3 starts an interval: the next meeting of the
   same case (of any kind) is due 42 days (level 3) or 84 days (level 2)
   after it (rules ``reviews.level3.interval``, ``reviews.level2.interval``).
   The interval counts in the period its due date falls in, under the
   level the case is at after the meeting: a level change at a meeting
   applies the new level's interval from that meeting; a case that leaves
   MAPPA, or moves to level 1, at a meeting has no further review due from
   it. It is met if the next meeting was held on or before the due date;
   missed if it was held later, or not at all by the day the report is
   as at (an interval due after that day with no meeting yet is not
   counted).
   Meetings of one case on one day count as one: the interval starts from
   the last of them (in the order given). Failed ids: the meeting the
   overdue review was due from.
3. **DTC attendance** (``kpi.dtc_attendance``): one item per invitation
   of a duty to co-operate agency to a level 2 or 3 meeting in the
   period; met if it attended at an appropriate level of seniority.
4. **Police and social work attendance** (``kpi.ra_attendance``): one
   item per police or social work invitation (their expected place) at a
   level 2 or 3 meeting of any kind, RMT meetings included, in the
   period; met if they attended at the agreed level of seniority.
5. **Written contributions** (``kpi.written_contributions``): one item
   per invitation of a Responsible Authority or DTC agency to a level 2
   or 3 meeting in the period that it did not attend; met if it sent a
   written contribution.
6. **Pre-release MAPPP** (``kpi.pre_release_mappp``): one item per
   initial level 3 meeting in the period of a case in custody (one with a
   liberation date); met if held on or before the date 4 weeks before
   liberation (rule ``reviews.initial_mappp.before_liberation``).
7. **Minutes released** (``kpi.minutes_released``): one item per level 2
   or 3 meeting in the period; met if the final minute and RMP were
   released within 10 working days (rule ``minutes.final``, on the
   calendar given, Scotland's by default). A minute not released by the
   period's end counts as missed if its deadline had passed by the day the
   report is as at (the deadline day included), and is not counted if it
   had not.
8. **Disclosure recorded** (``kpi.disclosure_recorded``): one item per
   level 2 or 3 meeting in the period; met if disclosure was considered
   and recorded in the minutes.

For the attendance indicators (3-5) the failed ids are the meetings with
at least one failing invitation, each listed once.

**Met or not.** An indicator is met when ``numerator * 100 >= target *
denominator``, exactly; :attr:`IndicatorResult.percentage` is for
display, rounded down to one decimal place so a figure just short of its
target never shows as reaching it. A group with no items has the status
:attr:`Status.NO_CASES` and no percentage (asking for it raises
:class:`~mappa.errors.NotApplicable`).

More information:

* National Performance Indicators, Glasgow MAPPA page (the eight KPIs and
  their targets).
* MAPPA National Guidance (2023), paras 11.15 (minutes) and 11.30 (reviews).
"""

from __future__ import annotations

import datetime as _dt
import itertools
import os
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Literal

import attrs

from mappa import _check
from mappa._english import long_date
from mappa._gc import gc_paused
from mappa.calendar import WorkingCalendar
from mappa.errors import (
    InvalidTypeError,
    InvalidValueError,
    MissingDependency,
    UnknownNameError,
)
from mappa.framework import AreaTable
from mappa.indicators._definitions import (
    GROUP_FIELDS,
    Counts,
    Coverage,
    Indicator,
    IndicatorResult,
    Status,
    covering,
    ensure_by,
    ensure_period,
    label_of,
    targets_of,
)
from mappa.indicators._provenance import Provenance, local_overrides, versions
from mappa.indicators._report import Report, Trend, assemble
from mappa.records import Caseload, Meeting, check_encoding, read_csv, read_json
from mappa.rulebook import Rulebook, resolve
from mappa.years import Quarter, ReportingYear

__all__ = [
    "Coverage",
    "ENGINES",
    "GROUP_FIELDS",
    "Indicator",
    "IndicatorResult",
    "Provenance",
    "Report",
    "Status",
    "Trend",
    "default_engine",
    "evaluate",
    "trend",
]

ENGINES: tuple[str, ...] = ("python", "duckdb")
"""The counting engines: ``"python"`` (the reference, core dependencies
only) and ``"duckdb"`` (the optional extra ``mappa[duckdb]``)."""

_JSON_SUFFIXES = (".json", ".jsonl", ".ndjson", ".json.gz", ".jsonl.gz", ".ndjson.gz")
_PARQUET_SUFFIXES = (".parquet", ".pq")


def default_engine() -> str:
    """``"duckdb"`` if the duckdb package is installed, else ``"python"``.

    >>> default_engine() in ENGINES
    True
    """
    from mappa.indicators import _duckdb

    return "duckdb" if _duckdb.available() else "python"


def _ensure_engine(engine: object) -> str:
    name = _check.ensure_str(engine, "engine")
    if name not in ENGINES:
        raise UnknownNameError(
            f"engine must be one of {', '.join(ENGINES)}",
            rule="engine",
            suggestions=ENGINES,
        )
    if name == "duckdb":
        from mappa.indicators import _duckdb

        if not _duckdb.available():
            raise MissingDependency(
                'the duckdb engine needs the duckdb package: pip install "mappa[duckdb]"',
                rule="duckdb",
            )
    return name


def _is_frame(value: object) -> bool:
    """A pandas or polars DataFrame or an Arrow table (duck-typed: none of
    them is a dependency)."""
    return hasattr(value, "__arrow_c_stream__") or (
        hasattr(value, "columns") and hasattr(value, "dtypes")
    )


def _is_path(value: object) -> bool:
    return isinstance(value, str | os.PathLike)


def evaluate(
    meetings: Caseload | Iterable[Meeting] | str | os.PathLike[str] | Any,
    attendance: str | os.PathLike[str] | Any | None = None,
    *,
    period: ReportingYear | Quarter | str,
    targets: str | Mapping[Indicator | str, Decimal] | Rulebook | None = None,
    by: tuple[str, ...] = ("area",),
    engine: str = "python",
    on_error: Literal["raise", "collect"] = "raise",
    encoding: str = "utf-8",
    area_table: AreaTable | None = None,
    data_until: _dt.date | None = None,
    calendar: WorkingCalendar | None = None,
    rulebook: Rulebook | None = None,
) -> Report:
    """The eight national performance indicators over *meetings* for *period*.

    *meetings* is a :class:`~mappa.records.Caseload`, any iterable of
    :class:`~mappa.records.Meeting`, or data to read: a meetings file (CSV,
    gzipped CSV, JSON Lines; Parquet with the DuckDB engine) with its
    *attendance* file, or (DuckDB engine) a pandas or polars DataFrame or
    Arrow table of meetings with one of attendance, in the columns of
    :data:`~mappa.records.MEETING_COLUMNS` and
    :data:`~mappa.records.ATTENDANCE_COLUMNS`. Data read is checked as
    :func:`~mappa.records.read_csv` checks it (*on_error* ``"raise"`` or
    ``"collect"``, *encoding*, *area_table*), with the same errors.

    *period* is a :class:`~mappa.years.ReportingYear`, a
    :class:`~mappa.years.Quarter`, or a label (``"2025/26"``,
    ``"2025Q3"``). *targets*: ``None`` or ``"current"`` for the current
    targets; ``"previous"`` for the earlier set (where an indicator had
    one); a mapping from :class:`Indicator` (or its value) to a ``Decimal``
    percentage for the caller's own (the rest stay current); or a
    :class:`~mappa.rulebook.Rulebook` to read them from. *calendar* counts
    working days for the minutes (Scotland's by default). *by* names the
    grouping fields (:data:`GROUP_FIELDS`); a Scotland row is always
    added, its numerator and denominator the sums of the groups'.
    *rulebook* supplies the review intervals, the minute deadline, the
    pre-release period, the levels counted and the labels, each read as at
    the end of *period* (a version that starts later changes nothing), and
    which levels each category allows, read as at each meeting's date; the
    targets are read as at the period's end too, in the edition chosen.
    *engine*: ``"python"`` (the reference) or
    ``"duckdb"`` (:func:`default_engine` says which is installed); both
    give the same report. *data_until* is the day the data was taken (by
    default, its last meeting's date): the report is as at that day or the
    period's end, whichever comes first. Each indicator is defined exactly
    in this module's documentation. The report's :attr:`Report.provenance`
    says where it comes from: the data's range, the files read (by name),
    the rules, the versions and every local setting.

    >>> import datetime as dt
    >>> from mappa.framework import Category, Level
    >>> from mappa.records import Meeting, MeetingKind
    >>> meeting = Meeting(meeting_id="M1", case_ref="C1", area="Fife",
    ...     category=Category(1), level=Level(3), date=dt.date(2025, 5, 1),
    ...     kind=MeetingKind.REVIEW, minutes_released=dt.date(2025, 5, 9),
    ...     disclosure_recorded=True)
    >>> report = evaluate([meeting], period="2025/26", by=(),
    ...                   data_until=dt.date(2026, 3, 31))
    >>> level3 = report.result(Indicator.LEVEL3_REVIEWS)
    >>> level3.numerator, level3.denominator, level3.failed   # nothing by 12 June
    (0, 1, ('M1',))
    >>> report.coverage.label
    '1 May 2025 to 31 March 2026'

    Without *data_until*, the data ends with its meeting on 1 May, before
    the review fell due: it is not known to be missed, so not counted.

    >>> evaluate([meeting], period="2025/26", by=()).result(
    ...     Indicator.LEVEL3_REVIEWS).denominator
    0
    >>> report.result(Indicator.MINUTES_RELEASED).status
    <Status.MET: 'met'>
    """
    book = resolve(rulebook)
    chosen_period = ensure_period(period, book)
    book = book.as_at(chosen_period.end)  # rules as at the period's end
    labels = {indicator: label_of(indicator, book) for indicator in Indicator}
    fields = ensure_by(by)
    cal = (
        WorkingCalendar.scotland()
        if calendar is None
        else _check.ensure_instance(calendar, WorkingCalendar, "calendar")
    )
    chosen_targets, targets_label = targets_of(targets, book)
    chosen_engine = _ensure_engine(engine)
    until = _check.ensure_optional_date(data_until, "data_until")
    check_encoding(encoding)
    _check.ensure_optional_instance(area_table, AreaTable, "area_table")
    mode = _check.ensure_str(on_error, "on_error")
    if mode not in ("raise", "collect"):
        raise InvalidValueError(
            "on_error must be 'raise' or 'collect' (to skip bad rows, read "
            "them with read_csv(..., on_error='skip') and evaluate the caseload)",
            rule="on_error",
        )
    reading: dict[str, Any] = {
        "on_error": mode,
        "encoding": encoding,
        "area_table": area_table,
        "rulebook": rulebook,
    }
    local = _local_settings(book, targets_label, cal, area_table)

    def finish(counts: Counts, coverage: Coverage, inputs: tuple[str, ...]) -> Report:
        provenance = _provenance(
            chosen_period.label,
            chosen_period.start,
            chosen_period.end,
            coverage,
            targets_label,
            local,
            inputs,
        )
        return assemble(
            chosen_period,
            fields,
            chosen_targets,
            targets_label,
            counts,
            labels,
            provenance,
        )

    data: Any = meetings
    inputs: tuple[str, ...] = ()
    if _is_path(meetings) or _is_frame(meetings):
        inputs = _input_names(meetings, attendance)
        if chosen_engine == "duckdb" and not _is_json(meetings):
            from mappa.indicators import _duckdb

            counts, coverage = _duckdb.count_sources(
                meetings,
                attendance,
                chosen_period,
                fields,
                cal,
                book,
                data_until=until,
                **reading,
            )
            return finish(counts, coverage, inputs)
        data = _read(meetings, attendance, reading)
    elif attendance is not None:
        raise InvalidTypeError(
            "attendance is given only with a meetings file or DataFrame; a "
            "Caseload or Meeting objects carry their own",
            rule="attendance",
        )
    counts, coverage = _count(
        data, chosen_engine, chosen_period, fields, cal, book, until
    )
    return finish(counts, coverage, inputs)


def trend(
    meetings: Caseload | Iterable[Meeting] | str | os.PathLike[str],
    attendance: str | os.PathLike[str] | None = None,
    *,
    periods: Sequence[ReportingYear | Quarter | str] | str,
    targets: str | Mapping[Indicator | str, Decimal] | Rulebook | None = None,
    by: tuple[str, ...] = ("area",),
    engine: str = "python",
    on_error: Literal["raise", "collect"] = "raise",
    encoding: str = "utf-8",
    area_table: AreaTable | None = None,
    data_until: _dt.date | None = None,
    calendar: WorkingCalendar | None = None,
    rulebook: Rulebook | None = None,
) -> Trend:
    """The indicators of several periods, oldest first: is it getting better?

    *periods* is a sequence of reporting years or quarters (or labels), or a
    range written ``"FIRST..LAST"`` (``"2024Q1..2025Q4"``,
    ``"2023/24..2025/26"``): every quarter, or every year, from the first to
    the last. The data is read once (a file with the Python reader) and
    each period is counted as :func:`evaluate` counts it, with the same
    arguments.

    >>> from mappa.records import sample_caseload
    >>> t = trend(sample_caseload(), periods="2024Q1..2024Q4", by=())
    >>> [report.period.label for report in t.reports]
    ['2024Q1', '2024Q2', '2024Q3', '2024Q4']
    >>> [point[0] for point in t.series(Indicator.MINUTES_RELEASED)]
    ['2024Q1', '2024Q2', '2024Q3', '2024Q4']
    """
    book = resolve(rulebook)
    chosen = _ensure_periods(periods, book)
    mode = _check.ensure_str(on_error, "on_error")
    if mode not in ("raise", "collect"):
        raise InvalidValueError(
            "on_error must be 'raise' or 'collect'", rule="on_error"
        )
    check_encoding(encoding)
    _check.ensure_optional_instance(area_table, AreaTable, "area_table")
    inputs: tuple[str, ...] = ()
    data: Any = meetings
    if _is_path(meetings):
        inputs = _input_names(meetings, attendance)
        data = _read(
            meetings,
            attendance,
            {
                "on_error": mode,
                "encoding": encoding,
                "area_table": area_table,
                "rulebook": rulebook,
            },
        )
    elif attendance is not None:
        raise InvalidTypeError(
            "attendance is given only with a meetings file; a Caseload or "
            "Meeting objects carry their own",
            rule="attendance",
        )
    else:
        data = Caseload.from_meetings(meetings)  # type: ignore[arg-type]  # not a path
    reports = []
    for period in chosen:
        report = evaluate(
            data,
            period=period,
            targets=targets,
            calendar=calendar,
            by=by,
            rulebook=rulebook,
            engine=engine,
            data_until=data_until,
        )
        if inputs and report.provenance is not None:
            report = attrs.evolve(
                report, provenance=attrs.evolve(report.provenance, inputs=inputs)
            )
        reports.append(report)
    return Trend(tuple(reports))


def _ensure_periods(
    value: object, book: Rulebook
) -> tuple[ReportingYear | Quarter, ...]:
    """Periods from a sequence or a ``"FIRST..LAST"`` range, oldest first."""
    if isinstance(value, str):
        first_text, dots, last_text = value.partition("..")
        if not dots:
            raise InvalidValueError(
                "periods must be a range FIRST..LAST (2024Q1..2025Q4 or "
                "2023/24..2025/26) or a list of periods",
                rule="periods",
            )
        first = ensure_period(first_text.strip(), book)
        last = ensure_period(last_text.strip(), book)
        if type(first) is not type(last):
            raise InvalidValueError(
                "a trend's range runs from quarter to quarter or year to year",
                rule="periods",
            )
        if last.start < first.start:
            raise InvalidValueError(
                "a trend's range must run forwards: its first period is later "
                "than its last",
                rule="periods",
            )
        chosen: list[ReportingYear | Quarter] = [first]
        while chosen[-1].start < last.start:
            chosen.append(chosen[-1].next)
            if len(chosen) > _MOST_PERIODS:
                raise InvalidValueError(
                    f"a trend has at most {_MOST_PERIODS} periods", rule="periods"
                )
        return tuple(chosen)
    if isinstance(value, Sequence):
        found = tuple(ensure_period(item, book) for item in value)
    else:
        raise InvalidTypeError(
            "periods must be a range 'FIRST..LAST' or a sequence of periods, "
            f"not {_check.type_name(value)}",
            rule="periods",
        )
    if not found:
        raise InvalidValueError("periods names no period", rule="periods")
    if len(found) > _MOST_PERIODS:
        raise InvalidValueError(
            f"a trend has at most {_MOST_PERIODS} periods", rule="periods"
        )
    if any(b.start <= a.start for a, b in itertools.pairwise(found)):
        raise InvalidValueError(
            "a trend's periods must be listed oldest first, each once",
            rule="periods",
        )
    return found


_MOST_PERIODS = 60


def _input_names(meetings: Any, attendance: Any) -> tuple[str, ...]:
    """The names of the files read (their last part only: no folders), or
    a word for a DataFrame."""

    def name(source: Any) -> str:
        if _is_path(source):
            text: str = os.fspath(source)
            return os.path.basename(text) or text
        return "a DataFrame"

    return tuple(name(s) for s in (meetings, attendance) if s is not None)


def _local_settings(
    book: Rulebook,
    targets_label: str,
    cal: WorkingCalendar,
    area_table: AreaTable | None,
) -> tuple[str, ...]:
    """Every setting that is not the national default, named (no values)."""
    found = [f"rule {name}" for name in local_overrides(book)]
    if targets_label not in ("current", "previous"):
        found.append(f"targets ({targets_label})")
    if cal.extra_closed_days:
        found.append(f"{len(cal.extra_closed_days)} local closed day(s)")
    if cal.extra_working_days:
        found.append(f"{len(cal.extra_working_days)} extra working day(s)")
    if area_table is not None:
        found.append("an area table of the caller's")
    return tuple(found)


def _provenance(
    label: str,
    start: _dt.date,
    end: _dt.date,
    coverage: Coverage,
    targets_label: str,
    local: tuple[str, ...],
    inputs: tuple[str, ...],
) -> Provenance:
    mappa_version, holidays_version = versions()
    return Provenance(
        generated=_dt.date.today(),
        mappa_version=mappa_version,
        holidays_version=holidays_version,
        rulebook=f"mappa {mappa_version} rulebook"
        + (" with local overrides" if any(s.startswith("rule ") for s in local) else "")
        + f", as at {long_date(end)}",
        targets=targets_label,
        overrides=local,
        inputs=inputs,
        period=label,
        start=start,
        end=end,
        coverage=coverage,
    )


def _is_json(source: object) -> bool:
    return isinstance(source, str | os.PathLike) and str(
        os.fspath(source)
    ).lower().endswith(_JSON_SUFFIXES)


def _read(meetings: Any, attendance: Any, reading: dict[str, Any]) -> Caseload:
    """The caseload in the files named (for the Python engine)."""
    if _is_frame(meetings):
        raise InvalidTypeError(
            "a DataFrame is read by the duckdb engine: pass engine='duckdb'",
            rule="meetings",
        )
    if attendance is not None and not _is_path(attendance):
        raise InvalidTypeError(
            "attendance must be a file name or path like the meetings file",
            rule="attendance",
        )
    name = os.fspath(meetings)
    if name.lower().endswith(_PARQUET_SUFFIXES):
        raise InvalidValueError(
            "a Parquet file is read by the duckdb engine: pass engine='duckdb'",
            rule="meetings",
        )
    if _is_json(meetings):
        if attendance is not None:
            raise InvalidValueError(
                "a JSON file carries its attendance: give no attendance file",
                rule="attendance",
            )
        return read_json(meetings, **reading)
    return read_csv(meetings, attendance, **reading)


def _count(
    meetings: Caseload | Iterable[Meeting],
    engine: str,
    period: ReportingYear | Quarter,
    fields: tuple[str, ...],
    cal: WorkingCalendar,
    book: Rulebook,
    data_until: _dt.date | None,
) -> tuple[Counts, Coverage]:
    with gc_paused():
        caseload = Caseload.from_meetings(meetings, rulebook=book)
        if engine == "duckdb":
            from mappa.indicators import _duckdb

            return _duckdb.count_caseload(
                caseload, period, fields, cal, book, data_until
            )
        from mappa.indicators import _python

        coverage = covering(
            caseload.first_date if len(caseload) else None,
            caseload.last_date if len(caseload) else None,
            caseload.has_attendance,
            data_until,
        )
        counts = _python.count(
            caseload.columns, period, fields, cal, book, coverage.as_at(period)
        )
        return counts, coverage


# The public names are documented and reported as this package's.
for _public in (
    Coverage,
    Indicator,
    IndicatorResult,
    Provenance,
    Report,
    Status,
    Trend,
    default_engine,
    evaluate,
    trend,
):
    _public.__module__ = __name__
del _public
