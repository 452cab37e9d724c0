"""The ``mappa`` command.

``mappa report`` computes the eight national performance indicators over
an extract of meetings, per area and for Scotland, against their targets
(with no files, over the synthetic sample caseload shipped with `mappa`).
``mappa duties`` lists every duty of every case as at a date, with its due
date, rule and status: a co-ordinator's due list, as a table, CSV, JSON or
an iCalendar file (with no files, over the sample caseload; ``--case``
reads one case's JSON file).
``mappa rules`` prints the rulebook: every rule once, each value with the
edition or date it applies from and its source, as a table, JSON or CSV;
``--on DATE`` shows only the rules in force on that date, each with the
value it had then, and ``--overrides FILE`` applies a council's overrides
file first (:meth:`~mappa.rulebook.Rulebook.with_overrides`).
``mappa --version`` prints mappa's version and the version of the
``holidays`` package that supplies Scotland's bank holidays; ``mappa rules``
and every report name it too.

>>> from mappa.cli import main
>>> main(["rules", "--format", "csv"])  # doctest: +ELLIPSIS
name,value,unit,edition,applies_from,counting,unconfirmed,citation,url,description,note
...
0

Exit status: 0 when the command ran, 2 for bad arguments, 1 for bad input
(with a one-line error on standard error).
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import io
import json
import re
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO

import attrs

from mappa.errors import MappaError, RecordError, RuleNotInForce
from mappa.rulebook import DEFAULT_RULEBOOK, Rule, Rulebook, RuleVersion

if TYPE_CHECKING:
    from mappa.framework import AreaTable
    from mappa.indicators import Indicator, Report, Trend
    from mappa.records import Caseload
    from mappa.years import Quarter, ReportingYear

__all__ = ["main", "rule_rows"]

Command = Callable[[argparse.Namespace, TextIO], int]


def _format_value(version: RuleVersion) -> str:
    value = version.value
    if isinstance(value, tuple):
        return ", ".join(str(item) for item in value)
    return str(value)


_SEPARATOR = " | "


def _versions(rule: Rule, on: _dt.date | None) -> tuple[RuleVersion, ...]:
    """Every version of *rule*, or the one in force *on* a date (none if
    the rule did not apply then)."""
    if on is None:
        return rule.versions
    try:
        return (rule.version(on=on),)
    except RuleNotInForce:
        return ()


def rule_rows(
    rulebook: Rulebook | None = None, *, on: _dt.date | None = None
) -> list[dict[str, str]]:
    """The rulebook as plain rows, one per rule.

    A rule with several values lists each, oldest first and separated by
    ``" | "``, in the value, edition, start date, citation, URL and note
    columns alike, so each value sits beside its own source. With *on*,
    each rule shows only the value in force that day, and rules not yet in
    force are left out.

    >>> rows = rule_rows()
    >>> [(r["value"], r["edition"]) for r in rows if r["name"] == "kpi.level2_reviews.target"]
    [('85 | 95', 'previous | current')]
    >>> import datetime as dt
    >>> [r["value"] for r in rule_rows(on=dt.date(2019, 6, 1)) if r["name"] == "kpi.level2_reviews.target"]
    ['95']
    """
    book = DEFAULT_RULEBOOK if rulebook is None else rulebook
    if not isinstance(book, Rulebook):
        raise TypeError(f"rulebook must be a Rulebook, not {type(book).__name__}")
    rows: list[dict[str, str]] = []
    for rule in book:
        versions = _versions(rule, on)
        if versions:
            rows.append(_row(rule, versions))
    return rows


def _row(rule: Rule, versions: tuple[RuleVersion, ...]) -> dict[str, str]:
    def each(values: list[str]) -> str:
        return _SEPARATOR.join(values) if any(values) else ""

    return {
        "name": rule.name,
        "value": each([_format_value(v) for v in versions]),
        "unit": rule.unit,
        "edition": each([v.edition for v in versions]),
        "applies_from": each(
            [
                "" if v.applies_from is None else v.applies_from.isoformat()
                for v in versions
            ]
        ),
        "counting": "" if rule.counting is None else rule.counting.value,
        "unconfirmed": "yes" if rule.unconfirmed else "",
        "citation": each([str(v.citation) for v in versions]),
        "url": each([v.citation.url or "" for v in versions]),
        "description": rule.description,
        "note": each([v.note or "" for v in versions]),
    }


def _rule_json(rule: Rule, versions: tuple[RuleVersion, ...]) -> dict[str, object]:
    return {
        "name": rule.name,
        "description": rule.description,
        "unit": rule.unit,
        "counting": None if rule.counting is None else rule.counting.value,
        "unconfirmed": rule.unconfirmed,
        "versions": [
            {
                "value": _json_value(v.value),
                "edition": v.edition,
                "applies_from": None
                if v.applies_from is None
                else v.applies_from.isoformat(),
                "citation": str(v.citation),
                "url": v.citation.url,
                "note": v.note,
            }
            for v in versions
        ],
    }


# Units shown after a value in the table; any other unit names what kind of
# value the rule holds (a flag, a duty, a party...), which the value says.
_SHOWN_UNITS = {
    "percent": "%",
    "working days": " working days",
    "hours": " hours",
    "areas": " areas",
    "local authorities": " local authorities",
    "levels": "",
}
_TABLE_WIDTH = 88
_ENUM_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")


def _readable(value: object, unit: str) -> str:
    """A rule's value as a reader takes it in: yes or no for a flag, names
    of members in words, the unit where it is a measure."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple):
        return ", ".join(_readable(item, "") for item in value) + _SHOWN_UNITS.get(
            unit, ""
        )
    text = str(value)
    if _ENUM_NAME.match(text):
        text = text.replace("_", " ").lower()
    if unit == "month" and isinstance(value, int):
        from mappa._english import MONTH_NAMES

        return f"{MONTH_NAMES[value - 1]} (month {value})"
    return text + _SHOWN_UNITS.get(unit, "")


def _json_value(value: object) -> object:
    """A rule's value as its JSON type: true/false, a number, a list, or text."""
    if isinstance(value, bool | int):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, tuple):
        return [_json_value(item) for item in value]
    return str(value)


def _print_table(book: Rulebook, on: _dt.date | None, out: TextIO) -> None:
    """Each rule as a short block: its name (and whether it is unconfirmed),
    then one line per value with its edition, start date and source, long
    text wrapped to fit a terminal."""
    import textwrap

    out.write(
        textwrap.fill(
            "Every rule mappa applies: its value, the edition or date it applies "
            "from, and its source. A rule marked (unconfirmed) is our reading of "
            "a source we could not confirm: a council may override it "
            "(mappa rules --overrides FILE, mappa report --rulebook FILE).",
            _TABLE_WIDTH,
        )
        + "\n\n"
    )
    for rule in book:
        versions = _versions(rule, on)
        if not versions:
            continue
        mark = "  (unconfirmed)" if rule.unconfirmed else ""
        out.write(f"{rule.name}{mark}\n")
        out.write(
            textwrap.fill(
                rule.description,
                _TABLE_WIDTH,
                initial_indent="    ",
                subsequent_indent="    ",
            )
            + "\n"
        )
        for version in versions:
            when = (
                ""
                if version.applies_from is None
                else f", from {version.applies_from.isoformat()}"
            )
            text = (
                f"= {_readable(version.value, rule.unit)} "
                f"[{version.edition}{when}] {version.citation}"
            )
            out.write(
                textwrap.fill(
                    text,
                    _TABLE_WIDTH,
                    initial_indent="    ",
                    subsequent_indent="        ",
                    break_on_hyphens=False,
                )
                + "\n"
            )
        out.write("\n")


def _calendar_note() -> str:
    """Which ``holidays`` release supplies the working-day calendar."""
    from mappa.calendar import holidays_version

    return (
        "Working days: Scottish bank holidays from the holidays package "
        f"{holidays_version()}."
    )


def _version_text() -> str:
    from mappa import __version__
    from mappa.calendar import holidays_version

    return f"mappa {__version__} (holidays {holidays_version()})"


class _VersionAction(argparse.Action):
    """``--version``: mappa's version and the ``holidays`` release in use."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object):
        super().__init__(option_strings, dest, nargs=0, help=str(kwargs["help"]))

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        sys.stdout.write(_version_text() + "\n")
        parser.exit()


def _rules(args: argparse.Namespace, out: TextIO) -> int:
    on: _dt.date | None = None
    if args.on is not None:
        try:
            on = _dt.date.fromisoformat(args.on)
        except ValueError:
            raise _UsageError("--on must be a date, YYYY-MM-DD") from None
    book = DEFAULT_RULEBOOK
    if args.overrides is not None:
        book = book.with_overrides(args.overrides)
    rows = rule_rows(book, on=on)
    if args.format == "json":
        chosen = [
            _rule_json(rule, versions)
            for rule in book
            if (versions := _versions(rule, on))
        ]
        json.dump(chosen, out, indent=2)
        out.write("\n")
        print(f"mappa: {_calendar_note()}", file=sys.stderr)
    elif args.format == "csv":
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        print(f"mappa: {_calendar_note()}", file=sys.stderr)
    else:
        _print_table(book, on, out)
        out.write(f"{_calendar_note()}\n")
    return 0


# -- mappa report ------------------------------------------------------------

_JSON_SUFFIXES = (".json", ".jsonl", ".ndjson", ".json.gz", ".jsonl.gz", ".ndjson.gz")


def _progress() -> Callable[[int], None] | None:
    """A progress line on stderr, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(rows: int) -> None:
        sys.stderr.write(f"\rmappa: read {rows:,} rows")
        sys.stderr.flush()

    return show


def _load(
    args: argparse.Namespace,
    table: AreaTable | None = None,
    book: Rulebook | None = None,
) -> tuple[Caseload, str]:
    from mappa.records import read_csv, read_json, sample_caseload

    if args.meetings is None:
        return (
            sample_caseload(),
            "the synthetic sample caseload shipped with mappa (no real people)",
        )
    progress = _progress()
    on_error: Literal["raise", "collect"] = "collect" if args.all_errors else "raise"
    try:
        if args.meetings.lower().endswith(_JSON_SUFFIXES):
            if args.attendance is not None:
                raise _UsageError(
                    "a JSON file carries its attendance: give no ATTENDANCE file"
                )
            caseload = read_json(
                Path(args.meetings),
                on_error=on_error,
                progress=progress,
                encoding=args.encoding,
                area_table=table,
                rulebook=book,
            )
        else:
            caseload = read_csv(
                Path(args.meetings),
                None if args.attendance is None else Path(args.attendance),
                on_error=on_error,
                progress=progress,
                encoding=args.encoding,
                area_table=table,
                rulebook=book,
            )
    finally:
        if progress is not None:
            sys.stderr.write("\n")
    return caseload, args.meetings


class _Dates:
    """The first and last meeting dates of files DuckDB will read (for the
    default period), found before the files are checked."""

    def __init__(self, args: argparse.Namespace) -> None:
        from mappa.indicators import _duckdb

        found = _duckdb.date_range(Path(args.meetings), encoding=args.encoding)
        self._range = found

    def __len__(self) -> int:
        return 0 if self._range is None else 1

    @property
    def first_date(self) -> _dt.date:
        assert self._range is not None
        return self._range[0]

    @property
    def last_date(self) -> _dt.date:
        assert self._range is not None
        return self._range[1]


class _UsageError(Exception):
    """A bad combination of arguments (exit status 1, one line)."""


def _default_period(caseload: Caseload | _Dates) -> ReportingYear:
    """The latest reporting year that has ended (by today) with meetings in it."""
    import datetime as dt

    from mappa.years import reporting_year

    if not len(caseload):
        raise _UsageError("the caseload has no meetings")
    year = reporting_year(min(caseload.last_date, dt.date.today()))
    if year.end > dt.date.today() or year.end > caseload.last_date + dt.timedelta(
        days=31
    ):
        year = year.previous
    if year.end < caseload.first_date:
        raise _UsageError(
            "the data holds no complete reporting year: give --period or --quarter"
        )
    return year


def _read_targets(value: str) -> str | dict[Indicator | str, Decimal]:
    """'current', 'previous', or a JSON/CSV file of indicator -> percent."""
    if value in ("current", "previous"):
        return value
    from mappa.indicators import Indicator
    from mappa.indicators._definitions import ensure_target

    names = {indicator.value for indicator in Indicator}
    label = Path(value).name
    with open(value, encoding="utf-8-sig", newline="") as file:
        text = file.read()
    pairs: list[tuple[str, str]] = []
    if value.lower().endswith(".json"):
        try:
            data = json.loads(text, parse_float=str, parse_int=str)
        except ValueError:
            raise _UsageError(f"{label}: not valid JSON") from None
        if not isinstance(data, dict):
            raise _UsageError(f"{label}: expected a JSON object of indicator: percent")
        pairs = [(str(k), str(v)) for k, v in data.items()]
    else:
        reader = csv.reader(io.StringIO(text))
        header = [cell.strip().lower() for cell in next(reader, [])]
        if header != ["indicator", "target"]:
            raise _UsageError(f"{label}: expected a CSV header 'indicator,target'")
        for number, row in enumerate(reader, start=2):
            if not row:
                continue
            if len(row) != 2:
                raise _UsageError(f"{label}, row {number}: expected 2 fields")
            pairs.append((row[0].strip(), row[1].strip()))
    targets: dict[Indicator | str, Decimal] = {}
    for number, (name, percent) in enumerate(pairs, start=1):
        if name not in names:
            raise _UsageError(
                f"{label}: entry {number} names an unknown indicator; expected "
                f"{', '.join(sorted(names))}"
            )
        try:
            number_value = Decimal(percent.rstrip("%").strip())
        except InvalidOperation:
            raise _UsageError(
                f"{label}: the target of {name} is not a number"
            ) from None
        if not number_value.is_finite():
            raise _UsageError(f"{label}: the target of {name} is not a number")
        try:
            targets[name] = ensure_target(number_value, f"the target of {name}")
        except MappaError as error:
            raise _UsageError(f"{label}: {error}") from None
    return targets


def _csv_rows(path: str, header: tuple[str, ...], optional: int = 0) -> list[list[str]]:
    """The rows of a small settings CSV file, its header checked (the last
    *optional* columns may be left out)."""
    label = Path(path).name
    with open(path, encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    if not rows:
        raise _UsageError(
            f"{label}: the file is empty; expected a header {','.join(header)}"
        )
    found = tuple(cell.strip().lower() for cell in rows[0])
    allowed = {header[: len(header) - k] for k in range(optional + 1)}
    if found not in allowed:
        raise _UsageError(f"{label}: expected a CSV header {','.join(header)}")
    kept = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(found):
            raise _UsageError(f"{label}, row {number}: expected {len(found)} fields")
        kept.append([str(number), *(cell.strip() for cell in row)])
    return kept


def _read_closed_days(path: str) -> dict[_dt.date, str]:
    """A council's local holidays and closures: a CSV file with a header
    ``date,name`` (the name optional), one closed day a row."""
    label = Path(path).name
    closed: dict[_dt.date, str] = {}
    for number, day_text, *rest in _csv_rows(path, ("date", "name"), optional=1):
        try:
            day = _dt.date.fromisoformat(day_text)
        except ValueError:
            raise _UsageError(
                f"{label}, row {number}, column 'date': expected a date written YYYY-MM-DD"
            ) from None
        if len(day_text) != 10:
            raise _UsageError(
                f"{label}, row {number}, column 'date': expected a date written YYYY-MM-DD"
            )
        if day in closed:
            raise _UsageError(f"{label}, row {number}: this date is listed twice")
        closed[day] = (rest[0] if rest else "") or "Local holiday"
    if not closed:
        raise _UsageError(f"{label}: no closed days listed")
    return closed


def _read_areas(path: str) -> AreaTable:
    """An area table: a CSV file with a header ``area,local_authority``,
    one council a row."""
    from mappa.framework import Area, AreaTable

    label = Path(path).name
    areas: dict[str, list[str]] = {}
    rows = _csv_rows(path, ("area", "local_authority"))
    for number, area, council in rows:
        if not area or not council:
            column = "area" if not area else "local_authority"
            raise _UsageError(f"{label}, row {number}, column '{column}': empty")
        areas.setdefault(area, []).append(council)
    if not areas:
        raise _UsageError(f"{label}: no areas listed")
    try:
        return AreaTable(
            tuple(Area(name, tuple(councils)) for name, councils in areas.items()),
            source=label,
        )
    except MappaError as error:
        # The table's own check names what is twice, which is the file's
        # text: say which rule broke, not what it holds.
        raise _UsageError(
            f"{label}: {'an area or local authority is listed twice' if 'twice' in str(error) else 'not a valid area table'}"
        ) from None


def _report_rows(
    rows: list[dict[str, object]], extra: dict[str, str]
) -> list[dict[str, str]]:
    return [
        {
            **{key: "" if value is None else str(value) for key, value in row.items()},
            **extra,
        }
        for row in rows
    ]


def _restrict(report: Report, area: str | None) -> Report:
    """Only the groups of one area (and Scotland)."""
    if area is None:
        return report
    kept = tuple(
        result
        for result in report.results
        if not result.group or dict(result.group).get("area") == area
    )
    return attrs.evolve(report, results=kept)


def _period_text(period: ReportingYear | Quarter) -> str:
    from mappa._english import long_date

    return f"{period.label} ({long_date(period.start)} to {long_date(period.end)})"


def _refuse_partial(reports: Sequence[Report]) -> None:
    """A period outside the data is refused (one line, with the data's range)."""
    for report in reports:
        if report.partial:
            coverage = report.coverage
            assert coverage is not None  # evaluate always gives one
            raise _UsageError(
                f"the period {_period_text(report.period)} runs outside the data "
                f"({coverage.label}); choose a period inside it, or give "
                "--allow-partial to report it anyway, marked partial"
            )


def _report(args: argparse.Namespace, out: TextIO) -> int:
    from mappa.calendar import WorkingCalendar
    from mappa.indicators import Trend, evaluate, trend
    from mappa.years import Quarter

    if (
        args.attendance is not None and args.meetings is None
    ):  # pragma: no cover - argparse order
        raise _UsageError("give the meetings file first")
    settings: list[str] = []
    targets = _read_targets(args.targets)
    if isinstance(targets, dict):
        settings.append(f"targets from {Path(args.targets).name}")
    book = None
    if args.rulebook is not None:
        book = DEFAULT_RULEBOOK.with_overrides(args.rulebook)
        settings.append(f"rule overrides from {Path(args.rulebook).name}")
    calendar = None
    if args.closed_days is not None:
        calendar = WorkingCalendar.scotland(
            extra_closed_days=_read_closed_days(args.closed_days)
        )
        settings.append(f"closed days from {Path(args.closed_days).name}")
    table = None
    if args.areas is not None:
        table = _read_areas(args.areas)
        settings.append(f"area table from {Path(args.areas).name}")
    area = None
    if args.area is not None:
        from mappa.framework import area_of

        area = area_of(args.area, area_table=table).name
        settings.append(f"only the area {area} (and Scotland)")
    data_until = None
    if args.data_until is not None:
        try:
            data_until = _dt.date.fromisoformat(args.data_until)
        except ValueError:
            raise _UsageError("--data-until must be a date, YYYY-MM-DD") from None
    by = tuple(
        field.strip()
        for field in args.by.split(",")
        if field.strip() and field.strip() != "none"
    )
    if area is not None and "area" not in by:
        by = ("area", *by)
    from mappa.indicators import default_engine

    engine = args.engine or default_engine()
    on_error: Literal["raise", "collect"] = "collect" if args.all_errors else "raise"
    direct = (
        engine == "duckdb"
        and args.meetings is not None
        and not args.meetings.lower().endswith(_JSON_SUFFIXES)
        and not (args.trend or args.periods)
    )
    caseload: Caseload | _Dates
    if direct:
        # DuckDB reads (and checks) the files itself.
        caseload, source = _Dates(args), args.meetings
    else:
        caseload, source = _load(args, table, book)
    common: dict[str, Any] = {
        "targets": targets,
        "by": by,
        "engine": engine,
        "rulebook": book,
        "calendar": calendar,
        "data_until": data_until,
    }
    inputs = (
        (source,)
        if args.meetings is None
        else tuple(Path(name).name for name in (args.meetings, args.attendance) if name)
    )
    result: Report | Trend
    if args.trend or args.periods:
        assert not isinstance(caseload, _Dates)  # a trend reads the data once
        result = trend(
            caseload,
            periods=args.trend
            or [p.strip() for p in args.periods.split(",") if p.strip()],
            **common,
        )
        reports = [
            _restrict(_with_settings(r, inputs, settings), area) for r in result.reports
        ]
        if not args.allow_partial:
            _refuse_partial(reports)
        result = Trend(tuple(reports))
        chosen = f"{len(reports)} periods, {reports[0].period.label} to {reports[-1].period.label}"
    else:
        period: ReportingYear | Quarter
        if args.quarter:
            period = Quarter.parse(args.quarter)
            chosen = f"quarter {period.label}"
        elif args.period:
            from mappa.years import parse_period

            period = parse_period(args.period)
            chosen = f"{'quarter' if isinstance(period, Quarter) else 'reporting year'} {period.label}"
        else:
            period = _default_period(caseload)
            chosen = f"reporting year {period.label} (the latest complete year in the data; choose with --period)"
        if direct:
            report = evaluate(
                Path(args.meetings),
                None if args.attendance is None else Path(args.attendance),
                period=period,
                on_error=on_error,
                encoding=args.encoding,
                area_table=table,
                **common,
            )
        else:
            report = evaluate(caseload, period=period, **common)
        report = _restrict(_with_settings(report, inputs, settings), area)
        if not args.allow_partial:
            _refuse_partial([report])
        result = report
    _write(result, args.format, out, chosen)
    if args.format in ("csv", "json"):
        note = f"Data: {'; '.join(inputs)}. Period: {chosen}. {_calendar_note()}"
        if result.provenance is not None and result.provenance.partial:
            note += " PARTIAL: the period runs outside the data."
        print(f"mappa: {note}", file=sys.stderr)
    return 0


def _with_settings(
    report: Report, inputs: tuple[str, ...], settings: list[str]
) -> Report:
    """*report* with the command line's inputs and local settings in its
    provenance."""
    provenance = report.provenance
    assert provenance is not None  # evaluate always gives one
    kept = tuple(
        item
        for item in provenance.overrides
        if not (
            item.startswith("targets (")
            and any(s.startswith("targets from") for s in settings)
        )
    )
    return attrs.evolve(
        report,
        provenance=attrs.evolve(
            provenance, inputs=inputs, overrides=(*kept, *settings)
        ),
    )


def _write(result: Report | Trend, format: str, out: TextIO, chosen: str) -> None:
    """*result* in one output format, its provenance included."""
    from mappa.indicators import Report
    from mappa.indicators._render import csv_fields

    provenance = result.provenance
    assert provenance is not None  # evaluate always gives one
    reports = [result] if isinstance(result, Report) else list(result.reports)
    if format == "json":
        json.dump(
            {
                "period": provenance.period,
                "start": provenance.start.isoformat(),
                "end": provenance.end.isoformat(),
                "targets": provenance.targets,
                "partial": provenance.partial,
                "holidays_version": provenance.holidays_version,
                "provenance": provenance.fields(),
                "rows": [
                    {
                        key: (str(value) if isinstance(value, Decimal) else value)
                        for key, value in row.items()
                    }
                    for report in reports
                    for row in report.rows()
                ],
            },
            out,
            indent=2,
        )
        out.write("\n")
    elif format == "csv":
        rows = [
            row
            for report in reports
            for row in _report_rows(report.rows(), csv_fields(report.provenance))
        ]
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    elif format == "html":
        out.write(result.html())
    else:
        out.write(f"MAPPA national performance indicators: {chosen}\n")
        if isinstance(result, Report):
            out.write(f"{_period_text(result.period)}\n")
        if provenance.partial:
            out.write("PARTIAL: the period runs outside the data (see below).\n")
        if not provenance.coverage.attendance:
            out.write(
                "No attendance data: the attendance indicators are not counted.\n"
            )
        out.write("\n" + result.table() + "\n")


# -- mappa duties --------------------------------------------------------------
# The `duties` subcommand: its parser and handler, kept together.

_DUTY_COLUMNS = ("case_ref", "area", "duty", "level", "due", "status", "days_overdue")
_DUTY_HEADERS = {
    "case_ref": "case",
    "area": "area",
    "duty": "duty",
    "level": "level",
    "due": "due",
    "status": "status",
    "days_overdue": "days overdue",
}


def _iso_date(text: str) -> _dt.date:
    """An argparse type: a date written YYYY-MM-DD."""
    import re

    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        raise argparse.ArgumentTypeError("expected a date written YYYY-MM-DD")
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("expected a date written YYYY-MM-DD") from None


def _duty_cells(row: dict[str, str | int | None]) -> dict[str, str]:
    return {key: "" if value is None else str(value) for key, value in row.items()}


def _duties(args: argparse.Namespace, out: TextIO) -> int:
    from mappa.duties import caseload_duties, read_case, to_ical

    if args.case is not None:
        if args.meetings is not None:
            raise _UsageError("give either --case or a MEETINGS file, not both")
        case = read_case(Path(args.case))
        source = f"the case in {Path(args.case).name}"
        caseload: object = [case]
    else:
        caseload, source = _load(args)
    rows = caseload_duties(
        caseload,  # type: ignore[arg-type]  # a Caseload or a list of one Case
        on=args.on,
        within=args.within,
        area=args.area,
        move_to_working_day=args.move_to_working_day,
    )
    scope = (
        "every duty"
        if args.within is None
        else f"overdue duties, open duties due within {args.within} days, and "
        "duties with no national timescale not yet done"
    )
    note = (
        f"Data: {source}. Duties as at {args.on.isoformat()}: {scope}"
        + ("" if args.area is None else f", in {args.area}")
        + (
            "; calendar-day deadlines moved back to a working day"
            if args.move_to_working_day
            else ""
        )
        + f". {_calendar_note()}"
    )
    if args.format == "ics":
        out.write(
            to_ical(
                rows, case_refs=args.case_refs, reminders=tuple(args.remind or ())
            ).decode("utf-8")
        )
        print(f"mappa: {note}", file=sys.stderr)
        return 0
    plain = [row.to_dict() for row in rows]
    if args.format == "json":
        json.dump(
            {
                "on": args.on.isoformat(),
                "within": args.within,
                "area": args.area,
                "move_to_working_day": args.move_to_working_day,
                "data": source,
                "rows": plain,
            },
            out,
            indent=2,
        )
        out.write("\n")
        print(f"mappa: {note}", file=sys.stderr)
    elif args.format == "csv":
        fields = list(plain[0]) if plain else list(_DUTY_COLUMNS)
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(_duty_cells(row) for row in plain)
        print(f"mappa: {note}", file=sys.stderr)
    else:
        out.write(f"MAPPA duties as at {args.on.isoformat()}\n{note}\n\n")
        shown = [_duty_cells(row) for row in plain]
        for row in shown:
            row["due"] = row["due"] or "-"
        widths = {
            c: max([len(_DUTY_HEADERS[c])] + [len(r[c]) for r in shown])
            for c in _DUTY_COLUMNS
        }
        out.write(
            "  ".join(_DUTY_HEADERS[c].ljust(widths[c]) for c in _DUTY_COLUMNS).rstrip()
            + "\n"
        )
        for row in shown:
            out.write(
                "  ".join(row[c].ljust(widths[c]) for c in _DUTY_COLUMNS).rstrip()
                + "\n"
            )
        if not shown:
            out.write("(no duties)\n")
    return 0


def _add_duties_parser(commands: Any) -> None:
    duties = commands.add_parser(
        "duties",
        help="every duty of every case as at a date: a co-ordinator's due list",
        description="List the duties of every case in MEETINGS (a meetings CSV with "
        "an ATTENDANCE CSV, or one JSON Lines file), or of the one case in a "
        "--case JSON file, as at --on: each with its due date, rule and status. "
        "With no files, runs on the synthetic sample caseload shipped with mappa.",
    )
    duties.add_argument(
        "meetings", nargs="?", metavar="MEETINGS", help="meetings CSV, or JSON Lines"
    )
    duties.add_argument(
        "attendance", nargs="?", metavar="ATTENDANCE", help="attendance CSV"
    )
    duties.add_argument(
        "--case", metavar="FILE", help="one case's JSON file (see the duties docs)"
    )
    duties.add_argument(
        "--on",
        type=_iso_date,
        required=True,
        metavar="DATE",
        help="the day to judge the duties on (YYYY-MM-DD)",
    )
    duties.add_argument(
        "--within",
        type=int,
        metavar="DAYS",
        help="only overdue duties, open duties due within DAYS days, and duties "
        "with no national timescale not yet done",
    )
    duties.add_argument("--area", metavar="NAME", help="only this MAPPA area's cases")
    duties.add_argument(
        "--move-to-working-day",
        action="store_true",
        help="move a review, initial MAPPP or OLR RMP review due on a weekend or "
        "Scottish bank holiday back to the working day before (off by default: "
        "the guidance counts calendar weeks)",
    )
    duties.add_argument(
        "--format",
        choices=("table", "csv", "json", "ics"),
        default="table",
        help="output format (default: table); ics needs mappa[ical]",
    )
    duties.add_argument(
        "--case-refs",
        action="store_true",
        help="ics: put the case reference in each event's summary",
    )
    duties.add_argument(
        "--remind",
        type=int,
        action="append",
        metavar="DAYS",
        help="ics: a reminder DAYS days before each due date (repeatable)",
    )
    duties.add_argument(
        "--all-errors",
        action="store_true",
        help="read the whole input and report every bad row, not just the first",
    )
    duties.set_defaults(handler=_duties, encoding="utf-8")


# -- the parser ----------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mappa",
        description="The rules of Scotland's Multi-Agency Public Protection Arrangements.",
    )
    parser.add_argument(
        "--version",
        action=_VersionAction,
        help="print mappa's version and the holidays package's, then exit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    rules = commands.add_parser(
        "rules", help="print every rule with its value, start date and citation"
    )
    rules.add_argument(
        "--format",
        choices=("table", "json", "csv"),
        default="table",
        help="output format (default: table)",
    )
    rules.add_argument(
        "--on",
        metavar="DATE",
        help="show only the rules in force on DATE (YYYY-MM-DD), each with its value then",
    )
    rules.add_argument(
        "--overrides",
        metavar="FILE",
        help="apply a TOML or JSON file of local overrides first",
    )
    rules.set_defaults(handler=_rules)
    report = commands.add_parser(
        "report",
        help="the national performance indicators over a caseload, per area and for Scotland",
        description="Compute the eight national performance indicators over MEETINGS "
        "(a meetings CSV with an ATTENDANCE CSV, or one JSON Lines file), per group "
        "and for Scotland, against their targets. With no files, runs on the "
        "synthetic sample caseload shipped with mappa.",
    )
    report.add_argument(
        "meetings", nargs="?", metavar="MEETINGS", help="meetings CSV, or JSON Lines"
    )
    report.add_argument(
        "attendance", nargs="?", metavar="ATTENDANCE", help="attendance CSV"
    )
    when = report.add_mutually_exclusive_group()
    when.add_argument("--period", help="a reporting year (2025/26) or quarter (2025Q3)")
    when.add_argument("--quarter", help="a quarter (2025Q3 = October-December 2025)")
    when.add_argument(
        "--trend",
        metavar="FIRST..LAST",
        help="every quarter (2024Q1..2025Q4) or every reporting year "
        "(2023/24..2025/26) from FIRST to LAST, each indicator per period",
    )
    when.add_argument(
        "--periods",
        metavar="LIST",
        help="a trend over the periods listed, comma separated, oldest first "
        "(2024/25,2025Q1,2025Q2)",
    )
    report.add_argument(
        "--by",
        default="area",
        help="group by area, category, level (comma separated), or none (default: area)",
    )
    report.add_argument(
        "--format",
        choices=("table", "csv", "json", "html"),
        default="table",
        help="output format (default: table)",
    )
    report.add_argument(
        "--targets",
        default="current",
        metavar="current|previous|FILE",
        help="the current targets, the previous set, or a JSON/CSV file of indicator "
        "to percent (default: current)",
    )
    report.add_argument(
        "--engine",
        choices=("duckdb", "python"),
        default=None,
        help="the counting engine: duckdb (the optional extra mappa[duckdb]) or "
        "python; both give the same report (default: duckdb when installed, "
        "else python)",
    )
    report.add_argument(
        "--encoding",
        default="utf-8",
        help="the input files' text encoding (default: utf-8, with or without a "
        "byte order mark; cp1252 for a spreadsheet's Windows export)",
    )
    report.add_argument(
        "--all-errors",
        action="store_true",
        help="read the whole input and report every bad row, not just the first",
    )
    report.add_argument(
        "--allow-partial",
        action="store_true",
        help="report a period that starts before the data or ends after it "
        "(refused otherwise), every output marked partial",
    )
    report.add_argument(
        "--data-until",
        metavar="DATE",
        help="the day the extract was taken (YYYY-MM-DD; default: its last "
        "meeting's date): nothing still open that falls due after it is counted",
    )
    report.add_argument(
        "--closed-days",
        metavar="FILE",
        help="a CSV file of local holidays and closures (header date,name), "
        "closed for the working-day deadlines",
    )
    report.add_argument(
        "--areas",
        metavar="FILE",
        help="a CSV area table (header area,local_authority; one council a row) "
        "to use instead of the built-in one",
    )
    report.add_argument(
        "--rulebook",
        metavar="FILE",
        help="a TOML or JSON file of local rule overrides (as for mappa rules --overrides)",
    )
    report.add_argument(
        "--area",
        metavar="NAME",
        help="report only this area (and Scotland)",
    )
    report.set_defaults(handler=_report)
    _add_duties_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Run the ``mappa`` command with *argv*; return its exit status."""
    out = sys.stdout if stdout is None else stdout
    parser = _parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    handler: Command | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(out)
        return 0
    try:
        return handler(args, out)
    except BrokenPipeError:  # pragma: no cover - `mappa rules | head`
        return 0
    except RecordError as error:
        if isinstance(error.value, tuple) and error.value:
            _print_problems(error.value)
        else:
            print(f"mappa: error: {' '.join(str(error).split())}", file=sys.stderr)
        return 1
    except (MappaError, OSError, _UsageError) as error:
        message = " ".join(str(error).split())
        print(f"mappa: error: {message}", file=sys.stderr)
        return 1


_KNOCK_ON = re.compile(r"left out because of an error on meetings row (\d+)$")
_MOST_SHOWN = 100


def _print_problems(problems: tuple[object, ...]) -> None:
    """Every problem of ``--all-errors``, one a line; an attendance row left
    out only because its meeting was is counted under that meeting's row."""
    primary: list[RecordError] = []
    knock_on: dict[int, list[RecordError]] = {}
    for problem in problems:
        if not isinstance(problem, RecordError):  # pragma: no cover - always errors
            continue
        found = _KNOCK_ON.search(problem.args[0] if problem.args else "")
        if found is not None:
            knock_on.setdefault(int(found.group(1)), []).append(problem)
        else:
            primary.append(problem)
    knock_ons = sum(len(items) for items in knock_on.values())
    rows = len({(p.source, p.row) for p in primary})
    summary = f"{len(primary)} problem{'s' if len(primary) != 1 else ''} in {rows} row{'s' if rows != 1 else ''}"
    if knock_ons:
        summary += (
            f", and {knock_ons} attendance row{'s' if knock_ons != 1 else ''} "
            "left out with the meetings they belong to"
        )
    lines = [f"mappa: error: {summary}:"]
    shown_under: set[int] = set()
    for problem in primary[:_MOST_SHOWN]:
        lines.append("  " + " ".join(str(problem).split()))
        row = problem.row
        if row is not None and row in knock_on and row not in shown_under:
            shown_under.add(row)
            items = knock_on[row]
            where = ", ".join(str(item.row) for item in items[:10])
            more = f" and {len(items) - 10} more" if len(items) > 10 else ""
            lines.append(
                f"    and {len(items)} attendance row{'s' if len(items) != 1 else ''} "
                f"for this meeting, left out with it ({items[0].source} "
                f"row{'s' if len(items) != 1 else ''} {where}{more})"
            )
    if len(primary) > _MOST_SHOWN:
        lines.append(f"  and {len(primary) - _MOST_SHOWN} more problems")
    print("\n".join(lines), file=sys.stderr)
