"""The report of a period: every indicator for every group (package-private)."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Literal

import attrs

from mappa import _check
from mappa.errors import InvalidValueError, UnknownNameError
from mappa.indicators import _render
from mappa.indicators._definitions import (
    ATTENDANCE_INDICATORS,
    Counts,
    Coverage,
    Indicator,
    IndicatorResult,
    Status,
    ensure_by,
)
from mappa.indicators._provenance import Provenance
from mappa.sources import Citation
from mappa.years import Quarter, ReportingYear

__all__ = ["Report", "Trend", "assemble"]


def _v_period(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check.v_instance((ReportingYear, Quarter))(instance, attribute, value)


def _v_by(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check.v_tuple_of(str)(instance, attribute, value)
    ensure_by(value)


@attrs.frozen(repr=False)
class Report:
    """The indicators for a period: one result per indicator and group.

    Its repr is one short line (the period, the groups and how many results
    were not met); in a notebook it shows as a table
    (:meth:`_repr_html_`); :meth:`to_rows` gives rows for a data frame.

    Attributes:
        period: the reporting year or quarter.
        by: the fields the groups are formed by (empty: Scotland only).
        targets: which targets were used (``"current"``, ``"previous"``,
            ``"caller's"``).
        results: every result: for each indicator, the groups in sorted
            order, then Scotland.
        provenance: where the report comes from (the data's range, the
            rules, the versions, the local settings), which every output
            prints; ``None`` for a report put together by hand.
    """

    period: ReportingYear | Quarter = attrs.field(validator=_v_period)
    by: tuple[str, ...] = attrs.field(validator=_v_by)
    targets: str = attrs.field(validator=_check.v_text)
    results: tuple[IndicatorResult, ...] = attrs.field(
        validator=_check.v_tuple_of(IndicatorResult)
    )
    provenance: Provenance | None = attrs.field(
        default=None,
        kw_only=True,
        validator=_check.v_optional_instance(Provenance),
        repr=False,
    )

    @property
    def coverage(self) -> Coverage | None:
        """What the data covers (``None`` without :attr:`provenance`)."""
        return None if self.provenance is None else self.provenance.coverage

    @property
    def partial(self) -> bool:
        """Whether the period runs outside the data (see :class:`Provenance`)."""
        return self.provenance is not None and self.provenance.partial

    @property
    def groups(self) -> tuple[tuple[tuple[str, str], ...], ...]:
        """Every group in the report, Scotland (``()``) last."""
        seen: dict[tuple[tuple[str, str], ...], None] = {}
        for result in self.results:
            seen.setdefault(result.group, None)
        return tuple(seen)

    def result(
        self, indicator: Indicator, group: tuple[tuple[str, str], ...] = ()
    ) -> IndicatorResult:
        """The result of *indicator* for *group* (Scotland by default)."""
        indicator = _check.ensure_member(indicator, Indicator, "indicator")
        for result in self.results:
            if result.indicator is indicator and result.group == group:
                return result
        raise UnknownNameError(
            f"the report has no such group for {indicator.value}; its groups are "
            f"formed by {', '.join(self.by) or 'nothing (Scotland only)'}",
            rule="group",
            value=None,
        )

    def national(self) -> tuple[IndicatorResult, ...]:
        """The Scotland result of each indicator."""
        return tuple(result for result in self.results if not result.group)

    def table(self) -> str:
        """A plain-text table for a terminal: one line per indicator and group.

        >>> from mappa.indicators import evaluate
        >>> from mappa.records import sample_caseload
        >>> print(evaluate(sample_caseload(), period="2025Q3", by=()).table())
        ... # doctest: +ELLIPSIS
        Indicator                           Group     Met / counted       %  Target  Status
        Level 3 reviews every 6 weeks       Scotland      .../...   ...      95  ...
        ...
        """
        return _render.table(self)

    def html(self, *, title: str | None = None, note: str | None = None) -> str:
        """One self-contained HTML page (no scripts, no network): for each
        indicator, a bar per group against a line at its target.

        >>> from mappa.indicators import evaluate
        >>> from mappa.records import sample_caseload
        >>> page = evaluate(sample_caseload(), period="2025/26").html()
        >>> page.startswith("<!DOCTYPE html>"), "http" in page
        (True, False)
        """
        title = _check.ensure_optional_str(title, "title")
        note = _check.ensure_optional_str(note, "note")
        return _render.html(self, title=title, note=note)

    def metadata(self) -> dict[str, object]:
        """The provenance as plain fields (JSON types), as JSON output
        carries it; empty without :attr:`provenance`."""
        return {} if self.provenance is None else self.provenance.fields()

    def __repr__(self) -> str:
        not_met = sum(1 for result in self.results if result.status is Status.NOT_MET)
        return (
            f"Report(period={self.period.label!r}, by={self.by!r}, "
            f"targets={self.targets!r}, results=<{len(self.results)} results "
            f"in {len(self.groups)} groups, {not_met} not met>)"
        )

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        # IPython and Hypothesis print with this: the short repr, not every field.
        printer.text(repr(self))

    def _repr_html_(self) -> str:
        """The report as an HTML table, for notebooks."""
        return _render.html_table(self)

    def to_rows(
        self, numbers: Literal["float", "decimal"] = "decimal"
    ) -> list[dict[str, object]]:
        """:meth:`rows`, with ``percentage`` and ``target`` as *numbers*.

        ``numbers="float"`` gives ``float`` values (``None`` for no cases),
        so a ``pandas.DataFrame`` built from the rows has numeric columns
        rather than ``object`` ones; ``"decimal"`` (the default) keeps the
        exact ``Decimal`` values.

        >>> from mappa.indicators import evaluate
        >>> from mappa.records import sample_caseload
        >>> rows = evaluate(sample_caseload(), period="2025/26", by=()).to_rows("float")
        >>> type(rows[0]["target"]).__name__
        'float'
        """
        if numbers not in ("float", "decimal"):
            raise InvalidValueError(
                "numbers must be 'float' or 'decimal'", rule="numbers", value=None
            )
        rows = self.rows()
        if numbers == "float":
            for row in rows:
                for key in ("percentage", "target"):
                    value = row[key]
                    row[key] = None if value is None else float(value)  # type: ignore[arg-type]
        return rows

    def rows(self) -> list[dict[str, object]]:
        """Plain rows for ``pandas.DataFrame``: one per indicator and group.

        Columns: ``period``, ``indicator``, ``description``, ``group`` (the
        label, ``"Scotland"`` for the national row), one column per
        grouping field (``"all"`` on the national row), ``numerator``,
        ``denominator``, ``percentage`` (a ``Decimal``; ``None`` exactly
        when ``status`` is ``"no cases"``), ``target``, ``status``
        (``"met"``, ``"not met"``, ``"no cases"``), ``citation``, ``failed``
        (how many meetings failed) and ``failed_ids`` (their ids, space
        separated).
        """
        rows = []
        for result in self.results:
            row = result.row()
            for field in self.by:
                row.setdefault(field, "all")
            ordered: dict[str, object] = {"period": self.period.label}
            for key in ("indicator", "description", "group", *self.by):
                ordered[key] = row.pop(key)
            ordered.update(row)
            rows.append(ordered)
        return rows


def _v_reports(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    _check.v_tuple_of(Report)(instance, attribute, value)
    reports: tuple[Report, ...] = value  # type: ignore[assignment]  # checked
    if not reports:
        raise InvalidValueError("a Trend needs at least one report", rule="Trend")
    if any(b.period.start <= a.period.start for a, b in itertools.pairwise(reports)):
        raise InvalidValueError(
            "a Trend's reports must be in period order, each period once",
            rule="Trend",
        )
    if len({r.by for r in reports}) > 1:
        raise InvalidValueError("a Trend's reports must be grouped alike", rule="Trend")


@attrs.frozen
class Trend:
    """The indicators over several periods, oldest first (see
    :func:`~mappa.indicators.trend`).

    Attributes:
        reports: one report per period, in period order.
    """

    reports: tuple[Report, ...] = attrs.field(validator=_v_reports)

    def __repr__(self) -> str:
        return (
            f"<Trend of {len(self.reports)} periods, {self.reports[0].period.label} "
            f"to {self.reports[-1].period.label}>"
        )

    @property
    def provenance(self) -> Provenance | None:
        """The provenance of the whole: the latest report's, its period
        running from the first period's start to the last one's end."""
        first, last = self.reports[0], self.reports[-1]
        if last.provenance is None:
            return None
        return attrs.evolve(
            last.provenance,
            period=f"{first.period.label}..{last.period.label}",
            start=first.period.start,
        )

    def entries(self) -> tuple[tuple[Indicator, tuple[tuple[str, str], ...]], ...]:
        """Every (indicator, group) in any period, in report order (each
        indicator's groups sorted, Scotland last)."""
        seen: dict[tuple[Indicator, tuple[tuple[str, str], ...]], None] = {}
        for indicator in Indicator:
            groups: dict[tuple[tuple[str, str], ...], None] = {}
            for report in self.reports:
                for result in report.results:
                    if result.indicator is indicator and result.group:
                        groups.setdefault(result.group, None)
            for group in sorted(groups):
                seen.setdefault((indicator, group), None)
            seen.setdefault((indicator, ()), None)
        return tuple(seen)

    def series(
        self, indicator: Indicator, group: tuple[tuple[str, str], ...] = ()
    ) -> tuple[tuple[str, Decimal | None, Status], ...]:
        """(period label, percentage or ``None``, status) per period, for
        *indicator* and *group* (Scotland by default)."""
        indicator = _check.ensure_member(indicator, Indicator, "indicator")
        if (indicator, group) not in self.entries():
            raise UnknownNameError(
                f"the trend has no such group for {indicator.value}; its groups "
                f"are formed by {', '.join(self.reports[0].by) or 'nothing (Scotland only)'}",
                rule="group",
                value=None,
            )
        points: list[tuple[str, Decimal | None, Status]] = []
        for report in self.reports:
            found = _render.result_in(report, indicator, group)
            if found is None:
                points.append((report.period.label, None, Status.NO_CASES))
            else:
                counted = found.denominator and not found.no_data
                points.append(
                    (
                        report.period.label,
                        found.percentage if counted else None,
                        found.status,
                    )
                )
        return tuple(points)

    def rows(self) -> list[dict[str, object]]:
        """Every report's :meth:`Report.rows`, oldest period first."""
        return [row for report in self.reports for row in report.rows()]

    def table(self) -> str:
        """A plain-text table: one line per indicator and group, a column
        per period, then the provenance."""
        return _render.trend_table(self)

    def html(self, *, title: str | None = None) -> str:
        """One self-contained page: a line chart per indicator (SVG, no
        script) with its target, and a table per indicator."""
        title = _check.ensure_optional_str(title, "title")
        return _render.trend_html(self, title=title)


def assemble(
    period: ReportingYear | Quarter,
    fields: tuple[str, ...],
    targets: Mapping[Indicator, tuple[Decimal, Citation]],
    label: str,
    counts: Counts,
    labels: Mapping[Indicator, str],
    provenance: Provenance | None = None,
) -> Report:
    """The report from an engine's *counts*: for each indicator, the groups
    in sorted order, then Scotland (its numerator and denominator the sums
    of the groups'). Without attendance in the data (see *provenance*), the
    attendance indicators are marked as having no data."""
    results = []
    no_attendance = provenance is not None and not provenance.coverage.attendance
    for indicator in Indicator:
        target, citation = targets[indicator]
        no_data = no_attendance and indicator in ATTENDANCE_INDICATORS
        per_group = counts[indicator]
        national = per_group[()]
        total_num = total_den = 0
        for key in sorted(k for k in per_group if k) if fields else ():
            numerator, denominator, failed = per_group[key]
            total_num += numerator
            total_den += denominator
            results.append(
                IndicatorResult(
                    indicator,
                    tuple(zip(fields, key, strict=True)),
                    numerator,
                    denominator,
                    target,
                    citation,
                    failed,
                    no_data=no_data,
                    label=labels[indicator],
                )
            )
        if not fields:
            total_num, total_den = national[0], national[1]
        results.append(
            IndicatorResult(
                indicator,
                (),
                total_num,
                total_den,
                target,
                citation,
                national[2],
                no_data=no_data,
                label=labels[indicator],
            )
        )
    return Report(period, fields, label, tuple(results), provenance=provenance)
