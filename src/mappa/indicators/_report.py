"""The report of a period: every indicator for every group (package-private)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Literal

import attrs

from mappa import _check
from mappa.errors import InvalidValueError, UnknownNameError
from mappa.indicators import _render
from mappa.indicators._definitions import (
    Counts,
    Indicator,
    IndicatorResult,
    Status,
    ensure_by,
)
from mappa.sources import Citation
from mappa.years import Quarter, ReportingYear

__all__ = ["Report", "assemble"]


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
    """

    period: ReportingYear | Quarter = attrs.field(validator=_v_period)
    by: tuple[str, ...] = attrs.field(validator=_v_by)
    targets: str = attrs.field(validator=_check.v_text)
    results: tuple[IndicatorResult, ...] = attrs.field(
        validator=_check.v_tuple_of(IndicatorResult)
    )

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


def assemble(
    period: ReportingYear | Quarter,
    fields: tuple[str, ...],
    targets: Mapping[Indicator, tuple[Decimal, Citation]],
    label: str,
    counts: Counts,
    labels: Mapping[Indicator, str],
) -> Report:
    """The report from an engine's *counts*: for each indicator, the groups
    in sorted order, then Scotland (its numerator and denominator the sums
    of the groups')."""
    results = []
    for indicator in Indicator:
        target, citation = targets[indicator]
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
                label=labels[indicator],
            )
        )
    return Report(period, fields, label, tuple(results))
