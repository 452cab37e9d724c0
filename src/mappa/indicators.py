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
as at the end of the period: nothing after it is looked at, and an item
whose deadline falls after the period's end and which is still open at
the end is not counted (it is counted in the period its deadline falls
in, for reviews, or left out, for minutes).

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
   missed if it was held later or not at all by the period's end.
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
   period's end counts as missed if its deadline had passed by then (the
   deadline day included), and is not counted if it had not.
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
import enum
import itertools
import operator
import re
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping
from decimal import ROUND_DOWN, Decimal
from typing import Any, Literal

import attrs

from mappa import _check, _workers
from mappa._english import long_date
from mappa._intervals import ID_BITS as _ID_BITS
from mappa._intervals import STEP as _STEP
from mappa._intervals import Columns, count_intervals
from mappa.calendar import WorkingCalendar
from mappa.errors import (
    InvalidTypeError,
    InvalidValueError,
    NotApplicable,
    UnknownNameError,
)
from mappa.framework import Level
from mappa.records import (
    _LEAVES,
    ABSENT,
    ABSENT_WROTE,
    DTC_INVITED,
    DTC_MET,
    RA_INVITED,
    RA_MET,
    Caseload,
    Meeting,
    _gc_paused,
)
from mappa.reviews import initial_mappp_due, review_interval
from mappa.rulebook import DEFAULT_RULEBOOK, Rulebook, resolve
from mappa.sources import Citation
from mappa.years import Quarter, ReportingYear, parse_period

__all__ = [
    "GROUP_FIELDS",
    "Indicator",
    "IndicatorResult",
    "Report",
    "Status",
    "evaluate",
]

GROUP_FIELDS: tuple[str, ...] = ("area", "category", "level")
"""The fields a report can be grouped by."""

NATIONAL = "Scotland"
"""The label of the national group."""


class Indicator(enum.Enum):
    """The eight national performance indicators, in the order they are published."""

    LEVEL3_REVIEWS = "level3_reviews"
    """Level 3 cases reviewed no less than once every 6 weeks."""
    LEVEL2_REVIEWS = "level2_reviews"
    """Level 2 cases reviewed no less than once every 12 weeks."""
    DTC_ATTENDANCE = "dtc_attendance"
    """DTC agencies attend at an appropriate seniority when invited (L2/L3)."""
    RA_ATTENDANCE = "ra_attendance"
    """Police and social work attend at the agreed seniority (L2/L3, RMT included)."""
    WRITTEN_CONTRIBUTIONS = "written_contributions"
    """RAs and DTCs that did not attend sent a written contribution."""
    PRE_RELEASE_MAPPP = "pre_release_mappp"
    """Initial level 3 meetings of custody cases held 4 weeks before liberation."""
    MINUTES_RELEASED = "minutes_released"
    """L2/L3 minutes completed and released within 10 working days."""
    DISCLOSURE_RECORDED = "disclosure_recorded"
    """Disclosure considered and recorded in the minutes of L2/L3 meetings."""

    @property
    def rule(self) -> str:
        """The rulebook name of its target (``"kpi.level3_reviews.target"``)."""
        return f"kpi.{self.value}.target"

    @property
    def label(self) -> str:
        """A short readable name, from the default rulebook (rule
        ``kpi.<name>.label``; :func:`evaluate` reads its own rulebook's)."""
        return _label(self, DEFAULT_RULEBOOK)

    @property
    def counts(self) -> str:
        """What one item of its denominator is."""
        return _COUNTS[self]

    def __str__(self) -> str:
        return self.label


# -- issue 14: labels from the rulebook -------------------------------------
_PLACEHOLDER = re.compile(r"\{([a-z0-9_.]+)\}")


def _label(indicator: Indicator, book: Rulebook) -> str:
    """The label of *indicator* in *book*: its template, each ``{rule}``
    filled with that rule's value in the same book."""
    template = book.text(f"kpi.{indicator.value}.label")
    return _PLACEHOLDER.sub(lambda m: str(book.value(m.group(1))), template)


# -- end issue 14 -------------------------------------------------------------
_COUNTS = {
    Indicator.LEVEL3_REVIEWS: "review intervals",
    Indicator.LEVEL2_REVIEWS: "review intervals",
    Indicator.DTC_ATTENDANCE: "invitations",
    Indicator.RA_ATTENDANCE: "invitations",
    Indicator.WRITTEN_CONTRIBUTIONS: "absences",
    Indicator.PRE_RELEASE_MAPPP: "meetings",
    Indicator.MINUTES_RELEASED: "meetings",
    Indicator.DISCLOSURE_RECORDED: "meetings",
}


class Status(enum.Enum):
    """Where a group stands against an indicator's target."""

    MET = "met"
    """The percentage reaches the target."""
    NOT_MET = "not met"
    """The percentage falls short of the target."""
    NO_CASES = "no cases"
    """Nothing to count in the period: no percentage, no verdict."""

    def __str__(self) -> str:
        return self.value


_ONE_PLACE = Decimal("0.1")


def _v_group(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(
        isinstance(pair, tuple)
        and len(pair) == 2
        and isinstance(pair[0], str)
        and isinstance(pair[1], str)
        for pair in value
    ):
        raise InvalidTypeError(
            "IndicatorResult.group must be a tuple of (field, value) string pairs",
            rule="IndicatorResult.group",
        )
    for field, _ in value:
        if field not in GROUP_FIELDS:
            raise InvalidValueError(
                f"IndicatorResult.group: unknown field; expected one of {', '.join(GROUP_FIELDS)}",
                rule="IndicatorResult.group",
            )


def _v_ids(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(
        map(isinstance, value, itertools.repeat(str))
    ):
        raise InvalidTypeError(
            "IndicatorResult.failed must be a tuple of meeting ids (str)",
            rule="IndicatorResult.failed",
        )


def _v_percent(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    _check.v_decimal(instance, attribute, value)
    if not Decimal(0) <= value <= Decimal(100):  # type: ignore[operator]  # checked Decimal
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name} must be from 0 to 100, got {value}",
            rule=f"{type(instance).__name__}.{attribute.name}",
            value=value,
        )


@attrs.frozen
class IndicatorResult:
    """One indicator for one group (or Scotland) over one period.

    Attributes:
        indicator: which indicator.
        group: the group's (field, value) pairs, such as
            ``(("area", "Fife"),)``; empty for Scotland.
        numerator: items that met the standard.
        denominator: items counted.
        target: the target percentage.
        citation: where the target comes from.
        failed: the ids of the meetings that failed it, in input order.
    """

    indicator: Indicator = attrs.field(validator=_check.v_instance(Indicator))
    group: tuple[tuple[str, str], ...] = attrs.field(validator=_v_group)
    numerator: int = attrs.field(validator=_check.v_non_negative_int)
    denominator: int = attrs.field(validator=_check.v_non_negative_int)
    target: Decimal = attrs.field(validator=_v_percent)
    citation: Citation = attrs.field(validator=_check.v_instance(Citation))
    # The repr counts the failed ids rather than list them: there can be
    # thousands, and a repr is read by people.
    failed: tuple[str, ...] = attrs.field(
        default=(), validator=_v_ids, repr=lambda ids: f"<{len(ids)} ids>"
    )
    # issue 14: the label as the evaluating rulebook gives it (default: the
    # default rulebook's)
    label: str = attrs.field(kw_only=True, validator=_check.v_text)

    @label.default
    def _default_label(self) -> str:
        # (a wrong-typed indicator is refused by its own validator)
        indicator = self.indicator
        return indicator.label if isinstance(indicator, Indicator) else "-"

    def __attrs_post_init__(self) -> None:
        if self.numerator > self.denominator:
            raise InvalidValueError(
                "IndicatorResult.numerator must not exceed the denominator",
                rule="IndicatorResult.numerator",
                value=self.numerator,
            )

    @property
    def status(self) -> Status:
        """Met, not met, or no cases; decided exactly (``n * 100 >= target * d``)."""
        if self.denominator == 0:
            return Status.NO_CASES
        if self.numerator * 100 >= self.target * self.denominator:
            return Status.MET
        return Status.NOT_MET

    @property
    def met(self) -> bool:
        """True if the status is :attr:`Status.MET` (false for no cases)."""
        return self.status is Status.MET

    @property
    def rule(self) -> str:
        """The rulebook name of the indicator's target."""
        return self.indicator.rule

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The target's citation, as the tuple every result has."""
        return (self.citation,)

    @property
    def percentage(self) -> Decimal:
        """The percentage, rounded down to one decimal place, for display.

        A group with no cases has none: :class:`~mappa.errors.NotApplicable`.

        >>> from mappa.sources import GLASGOW_MAPPA_PAGE
        >>> result = IndicatorResult(Indicator.MINUTES_RELEASED, (), 2, 3, Decimal(90),
        ...                          GLASGOW_MAPPA_PAGE.cite("KPIs"))
        >>> result.percentage, result.status
        (Decimal('66.6'), <Status.NOT_MET: 'not met'>)
        """
        if self.denominator == 0:
            raise NotApplicable(
                f"{self.label}: no cases in {self.group_label}, so no percentage",
                rule=self.indicator.rule,
            )
        exact = Decimal(self.numerator * 100) / Decimal(self.denominator)
        return exact.quantize(_ONE_PLACE, rounding=ROUND_DOWN)

    @property
    def group_label(self) -> str:
        """``"Scotland"``, or the group's values (``"Fife, level 2"``)."""
        if not self.group:
            return NATIONAL
        return ", ".join(
            value if field == "area" else f"{field} {value}"
            for field, value in self.group
        )

    def row(self) -> dict[str, object]:
        """This result as a plain dict (see :meth:`Report.rows`)."""
        fields = dict(self.group)
        row: dict[str, object] = {
            "indicator": self.indicator.value,
            "description": self.label,
        }
        row["group"] = self.group_label
        return {
            **row,
            **fields,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "percentage": None if self.denominator == 0 else self.percentage,
            "target": self.target,
            "status": self.status.value,
            "citation": str(self.citation),
            "failed": len(self.failed),
            "failed_ids": " ".join(self.failed),
        }


def _v_period(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check.v_instance((ReportingYear, Quarter))(instance, attribute, value)


def _v_by(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check.v_tuple_of(str)(instance, attribute, value)
    _ensure_by(value)


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

        >>> from mappa.records import sample_caseload
        >>> print(evaluate(sample_caseload(), period="2025Q3", by=()).table())
        ... # doctest: +ELLIPSIS
        Indicator                           Group     Met / counted       %  Target  Status
        Level 3 reviews every 6 weeks       Scotland      .../...   ...      95  ...
        ...
        """
        header = ("Indicator", "Group", "Met / counted", "%", "Target", "Status")
        lines = []
        for result in self.results:
            percent = f"{result.percentage}" if result.denominator else "-"
            status = {
                Status.MET: "met",
                Status.NOT_MET: "NOT MET",
                Status.NO_CASES: "no cases",
            }[result.status]
            lines.append(
                (
                    result.label,
                    result.group_label,
                    f"{result.numerator}/{result.denominator}",
                    percent,
                    _plain(result.target),
                    status,
                )
            )
        widths = [
            max(len(header[i]), *(len(line[i]) for line in lines)) for i in range(6)
        ]
        align = ("<", "<", ">", ">", ">", "<")

        def render(cells: tuple[str, ...]) -> str:
            return "  ".join(
                f"{cell:{how}{width}}"
                for cell, how, width in zip(cells, align, widths, strict=True)
            ).rstrip()

        return "\n".join([render(header), *(render(line) for line in lines)])

    def html(self, *, title: str | None = None, note: str | None = None) -> str:
        """One self-contained HTML page (no scripts, no network): for each
        indicator, a bar per group against a line at its target.

        >>> from mappa.records import sample_caseload
        >>> page = evaluate(sample_caseload(), period="2025/26").html()
        >>> page.startswith("<!DOCTYPE html>"), "http" in page
        (True, False)
        """
        title = _check.ensure_optional_str(title, "title")
        note = _check.ensure_optional_str(note, "note")
        return _html(self, title=title, note=note)

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
        return _html_table(self)

    def to_rows(
        self, numbers: Literal["float", "decimal"] = "decimal"
    ) -> list[dict[str, object]]:
        """:meth:`rows`, with ``percentage`` and ``target`` as *numbers*.

        ``numbers="float"`` gives ``float`` values (``None`` for no cases),
        so a ``pandas.DataFrame`` built from the rows has numeric columns
        rather than ``object`` ones; ``"decimal"`` (the default) keeps the
        exact ``Decimal`` values.

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


def _html_table(report: Report) -> str:
    """A plain HTML table of *report*, one row per indicator and group."""
    import html

    escape = html.escape
    head = "".join(
        f"<th>{name}</th>"
        for name in ("Indicator", "Group", "Met / counted", "%", "Target", "Status")
    )
    body = []
    for result in report.results:
        percent = f"{result.percentage}" if result.denominator else "-"
        cells = (
            result.indicator.label,
            result.group_label,
            f"{result.numerator}/{result.denominator}",
            percent,
            _plain(result.target),
            result.status.value,
        )
        body.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    caption = escape(
        f"MAPPA performance indicators, {report.period.label} (targets: {report.targets})"
    )
    return (
        f"<table><caption>{caption}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _plain(value: Decimal) -> str:
    """A percentage without a trailing '.0' (``95``, ``92.5``)."""
    return format(value.normalize(), "f")


_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;margin:2rem;color:#1b1b1b;max-width:60rem}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
p.note{color:#444}
table{border-collapse:collapse;width:100%}
td{padding:.15rem .4rem;font-size:.9rem;vertical-align:middle}
td.group{width:12rem}td.figure{width:9rem;text-align:right;font-variant-numeric:tabular-nums}
td.status{width:6rem}
.track{position:relative;height:1rem;background:#eee;width:100%}
.bar{position:absolute;left:0;top:0;bottom:0}
.met .bar{background:#2e7d32}.notmet .bar{background:#c62828}
.target{position:absolute;top:-.2rem;bottom:-.2rem;border-left:2px solid #000}
.legend{font-size:.85rem;color:#444}
"""


def _html(report: Report, *, title: str | None, note: str | None) -> str:
    import html

    escape = html.escape
    heading = title or (
        f"MAPPA national performance indicators, {report.period.label} "
        f"({long_date(report.period.start)} to {long_date(report.period.end)})"
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(heading)}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>{escape(heading)}</h1>",
        f'<p class="note">Targets: {escape(report.targets)}. Each bar is the percentage met; '
        "the black line is the target. Green: met; red: not met.</p>",
    ]
    if note:
        parts.append(f'<p class="note">{escape(note)}</p>')
    for indicator in Indicator:
        results = [r for r in report.results if r.indicator is indicator]
        if not results:
            continue
        first = results[0]
        parts.append(f"<h2>{escape(first.label)} (target {_plain(first.target)}%)</h2>")
        parts.append(
            f'<p class="legend">Counted: {escape(indicator.counts)}. '
            f"Source: {escape(str(first.citation))}.</p>"
        )
        parts.append("<table>")
        for result in results:
            status = result.status
            css = {
                Status.MET: "met",
                Status.NOT_MET: "notmet",
                Status.NO_CASES: "none",
            }[status]
            if result.denominator:
                exact = result.numerator * 100 / result.denominator
                figure = (
                    f"{result.percentage}% ({result.numerator}/{result.denominator})"
                )
                bar = f'<div class="bar" style="width:{exact:.2f}%"></div>'
            else:
                figure = "no cases"
                bar = ""
            parts.append(
                f'<tr class="{css}"><td class="group">{escape(result.group_label)}</td>'
                f'<td><div class="track">{bar}'
                f'<div class="target" style="left:{float(result.target):.2f}%"></div></div></td>'
                f'<td class="figure">{escape(figure)}</td>'
                f'<td class="status">{escape(status.value)}</td></tr>'
            )
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


# -- evaluation ------------------------------------------------------------------


def _ensure_by(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = (value,)
    fields = _check.ensure_tuple_of(value, str, "by")
    for field in fields:
        if field not in GROUP_FIELDS:
            raise UnknownNameError(
                f"cannot group by that field; choose from {', '.join(GROUP_FIELDS)}",
                rule="by",
                suggestions=GROUP_FIELDS,
            )
    if len(set(fields)) != len(fields):
        raise InvalidValueError("by names a field twice", rule="by")
    return fields


def _ensure_period(value: object, book: Rulebook) -> ReportingYear | Quarter:
    if isinstance(value, ReportingYear | Quarter):
        return value
    if isinstance(value, str):
        return parse_period(value, rulebook=book)
    raise InvalidTypeError(
        "period must be a ReportingYear, a Quarter or a label such as '2025/26' "
        f"or '2025Q3', not {_check.type_name(value)}",
        rule="period",
    )


_PREVIOUS = "previous"
_CURRENT = "current"


def _targets(
    targets: object, book: Rulebook
) -> tuple[dict[Indicator, tuple[Decimal, Citation]], str]:
    """Each indicator's (target, citation), and a label for the set."""

    def read(
        source: Rulebook, previous: bool = False
    ) -> dict[Indicator, tuple[Decimal, Citation]]:
        """Every indicator's target from *source* (its previous edition, if
        asked for and it has one)."""
        found = {}
        for indicator in Indicator:
            edition = (
                _PREVIOUS
                if previous
                and any(
                    v.edition == _PREVIOUS for v in source.rule(indicator.rule).versions
                )
                else None
            )
            found[indicator] = (
                source.decimal(indicator.rule, edition=edition),
                source.citation(indicator.rule, edition=edition),
            )
        return found

    if targets is None or targets == _CURRENT:
        label = _CURRENT
        chosen = read(book)
    elif targets == _PREVIOUS:
        label = _PREVIOUS
        chosen = read(book, previous=True)
    elif isinstance(targets, Rulebook):
        label = "caller's rulebook"
        chosen = read(resolve(targets, book.on))  # issue 14: as at the period end
    elif isinstance(targets, Mapping):
        label = "caller's"
        chosen = read(book)
        for key, value in targets.items():
            if isinstance(key, Indicator):
                indicator = key
            elif isinstance(key, str):
                try:
                    indicator = Indicator(key)
                except ValueError:
                    raise UnknownNameError(
                        "targets names an unknown indicator; expected "
                        + ", ".join(i.value for i in Indicator),
                        rule="targets",
                        suggestions=tuple(i.value for i in Indicator),
                    ) from None
            else:
                raise InvalidTypeError(
                    f"targets keys must be Indicator members or names, not {_check.type_name(key)}",
                    rule="targets",
                )
            percent = _check.ensure_decimal(value, f"targets[{indicator.value}]")
            if not Decimal(0) <= percent <= Decimal(100):
                raise InvalidValueError(
                    f"a target is a percentage from 0 to 100, got {percent}",
                    rule="targets",
                    value=percent,
                )
            chosen[indicator] = (
                percent,
                Citation(
                    document="Caller's targets",
                    edition="local",
                    pinpoint=indicator.value,
                ),
            )
    elif isinstance(targets, str):
        raise UnknownNameError(
            "targets must be 'current', 'previous', a mapping or a Rulebook",
            rule="targets",
            suggestions=(_CURRENT, _PREVIOUS),
        )
    else:
        raise InvalidTypeError(
            "targets must be None, 'current', 'previous', a mapping of indicator to "
            f"Decimal, or a Rulebook, not {_check.type_name(targets)}",
            rule="targets",
        )
    return chosen, label


class _Due(dict[int, int]):
    """date ordinal -> deadline ordinal, computed once per distinct date."""

    def __init__(self, compute: Any) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, ordinal: int) -> int:
        value: int = self._compute(_dt.date.fromordinal(ordinal)).toordinal()
        self[ordinal] = value
        return value


def evaluate(
    meetings: Caseload | Iterable[Meeting],
    *,
    period: ReportingYear | Quarter | str,
    targets: str | Mapping[Indicator | str, Decimal] | Rulebook | None = None,
    by: tuple[str, ...] = ("area",),
    workers: int | None = None,
    calendar: WorkingCalendar | None = None,
    rulebook: Rulebook | None = None,
) -> Report:
    """The eight national performance indicators over *meetings* for *period*.

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
    the end of *period* (a version that starts later changes nothing); the
    targets are read as at the period's end too, in the edition chosen.
    *workers*: ``1`` to work in this process only;
    ``2`` to count the review intervals in a second Python process while
    this one counts the rest; ``None`` (the default) does so for a caseload
    of 200,000 meetings or more on a machine with two processors or more
    (not when grouped by level). The result is the same either way. Each
    indicator is defined exactly in this module's documentation.

    >>> import datetime as dt
    >>> from mappa.framework import Category, Level
    >>> from mappa.records import Meeting, MeetingKind
    >>> meeting = Meeting(meeting_id="M1", case_ref="C1", area="Fife",
    ...     category=Category(1), level=Level(3), date=dt.date(2025, 5, 1),
    ...     kind=MeetingKind.REVIEW, minutes_released=dt.date(2025, 5, 9),
    ...     disclosure_recorded=True)
    >>> report = evaluate([meeting], period="2025/26", by=())
    >>> level3 = report.result(Indicator.LEVEL3_REVIEWS)
    >>> level3.numerator, level3.denominator, level3.failed   # nothing by 12 June
    (0, 1, ('M1',))
    >>> report.result(Indicator.MINUTES_RELEASED).status
    <Status.MET: 'met'>
    """
    book = resolve(rulebook)
    chosen_period = _ensure_period(period, book)
    book = book.as_at(chosen_period.end)  # issue 14: rules as at the period's end
    labels = {indicator: _label(indicator, book) for indicator in Indicator}
    fields = _ensure_by(by)
    cal = (
        WorkingCalendar.scotland()
        if calendar is None
        else _check.ensure_instance(calendar, WorkingCalendar, "calendar")
    )
    chosen_targets, targets_label = _targets(targets, book)
    chosen_workers = _workers.ensure_workers(workers)
    with _gc_paused():
        caseload = Caseload.from_meetings(meetings, rulebook=book)  # issue 14
        counts, everywhere = _count(
            caseload, chosen_period, fields, cal, book, chosen_workers
        )
    results = []
    for indicator in Indicator:
        target, citation = chosen_targets[indicator]
        per_group = counts[indicator]
        total_num = total_den = 0
        for key in sorted(per_group) if fields else ():
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
                    _ids(caseload, failed),
                    label=labels[indicator],
                )
            )
        if not fields:
            total_num, total_den, _ = per_group[()]
        results.append(
            IndicatorResult(
                indicator,
                (),
                total_num,
                total_den,
                target,
                citation,
                _ids(caseload, everywhere[indicator]),
                label=labels[indicator],
            )
        )
    return Report(chosen_period, fields, targets_label, tuple(results))


def _ids(caseload: Caseload, failed: list[int]) -> tuple[str, ...]:
    """The ids of the failed meetings (listed once each, in input order)."""
    return tuple(map(caseload._ids.__getitem__, failed))


# Per indicator: each group's [numerator, denominator, failed meetings],
# and every failed meeting; the failed in input order.
_Counts = tuple[
    dict[Indicator, dict[tuple[str, ...], list[Any]]], dict[Indicator, list[int]]
]


def _group_keys(
    caseload: Caseload, fields: tuple[str, ...]
) -> tuple[list[int], list[tuple[str, ...]]]:
    """Each meeting's group number, and the groups' keys."""
    columns: list[Any] = []
    for field in fields:
        if field == "area":
            columns.append(caseload._area)
        elif field == "category":
            columns.append(caseload._category)
        else:
            columns.append(caseload._level)
    if not fields:
        return [0] * len(caseload), [()]
    if len(fields) == 1:
        raw = columns[0]
        numbers: dict[Any, int] = {}
        group = list(map(_Numberer(numbers).__getitem__, raw))
    else:
        numbers = {}
        group = list(map(_Numberer(numbers).__getitem__, zip(*columns, strict=False)))
    area_names = caseload._areas

    def label(field: str, value: int) -> str:
        return area_names[value] if field == "area" else str(value)

    keys: list[tuple[str, ...]] = [()] * len(numbers)
    for raw_key, number in numbers.items():
        parts = raw_key if isinstance(raw_key, tuple) else (raw_key,)
        keys[number] = tuple(label(f, v) for f, v in zip(fields, parts, strict=True))
    return group, keys


class _Numberer(dict[Any, int]):
    def __init__(self, target: dict[Any, int]) -> None:
        super().__init__()
        self._target = target

    def __missing__(self, key: Any) -> int:
        value = self._target.setdefault(key, len(self._target))
        self[key] = value
        return value


def _count(
    caseload: Caseload,
    period: ReportingYear | Quarter,
    fields: tuple[str, ...],
    cal: WorkingCalendar,
    book: Rulebook,
    workers: int | None = 1,
) -> _Counts:
    start = period.start.toordinal()
    end = period.end.toordinal()
    group, keys = _group_keys(caseload, fields)
    ngroups = len(keys)
    level_position = fields.index("level") if "level" in fields else -1
    # The review intervals are counted in a second process, if wanted,
    # while this one counts the rest (not when grouped by level: a review's
    # group may then be one no meeting has).
    job = None
    if level_position < 0 and _workers.wanted(workers, len(caseload), _PARALLEL):
        earliest, due = _review_plan(start, end, book)
        due.fill(earliest, end)
        job = _workers.start(
            "reviews",
            (
                _review_columns(caseload),
                start,
                end,
                earliest,
                array("i", group),
                dict(due),
                _LEAVES,
            ),
        )
    try:
        acc, failed = _count_meetings(caseload, start, end, group, ngroups, cal, book)
        counted = None if job is None else job.result()
    finally:
        if job is not None:
            job.cancel()
    extra_keys: dict[tuple[str, ...], int] = {}
    _count_reviews(
        caseload,
        start,
        end,
        group,
        keys,
        acc,
        extra_keys,
        level_position,
        book,
        failed,
        counted,
    )
    everywhere = {
        indicator: _share_out(acc[indicator], tagged_failures)
        for indicator, tagged_failures in failed.items()
    }
    result: dict[Indicator, dict[tuple[str, ...], list[Any]]] = {}
    all_keys = keys + sorted(extra_keys, key=extra_keys.__getitem__)
    for indicator, cells in acc.items():
        per_group: dict[tuple[str, ...], list[Any]] = {}
        for number, cell in enumerate(cells):
            per_group[all_keys[number]] = cell
        result[indicator] = per_group
    return result, everywhere


# A caseload of at least this many meetings is worth a second process (it
# takes a few tenths of a second to start).
_PARALLEL = 200_000


def _count_meetings(
    caseload: Caseload,
    start: int,
    end: int,
    group: list[int],
    ngroups: int,
    cal: WorkingCalendar,
    book: Rulebook,
) -> tuple[dict[Indicator, list[list[Any]]], dict[Indicator, list[int]]]:
    """Every indicator but the reviews: the (numerator, denominator, failed)
    cells per group, and the failed meetings tagged with their group."""

    def fresh() -> list[list[Any]]:
        return [[0, 0, []] for _ in range(ngroups)]

    acc = {indicator: fresh() for indicator in Indicator}

    day = caseload._day
    level = caseload._level
    kind = caseload._kind
    flags = caseload._flags
    tally = caseload._tally
    released = caseload._released
    liberation = caseload._liberation

    final_days = book.integer("minutes.final")
    counted_levels = _levels_table(book)  # issue 14: rule kpi.levels
    minutes_due = _Due(lambda d: cal.add_working_days(d, final_days))
    pre_release_due = _Due(lambda d: initial_mappp_due(d, rulebook=book).due)

    # Counted a chunk of meetings at a time (small chunks keep their values
    # in the processor's cache). Each meeting of the period is reduced to
    # one key, (group, attendance tally, kind, flags, minutes status), and
    # the keys are counted (each distinct key is numbered, and the numbers
    # counted): every indicator's numerator and denominator then come from
    # the distinct keys' counts. The failed meetings are listed, as (group
    # << _ID_BITS | meeting), only for the keys that fail something, and
    # shared out to the groups at the end.
    keys = _Keys()
    number_of = keys.__getitem__
    fail_mask = keys.masks.__getitem__
    counts: Counter[int] = Counter()
    minutes_status = _MinutesStatus(minutes_due, end)
    failed: dict[Indicator, list[int]] = {indicator: [] for indicator in Indicator}
    pre_release = acc[Indicator.PRE_RELEASE_MAPPP]
    late = failed[Indicator.PRE_RELEASE_MAPPP]
    repeat = itertools.repeat
    compress = itertools.compress
    in_period = range(start, end + 1).__contains__
    ids = repeat(_ID_BITS)
    for lo in range(0, len(day), _STEP):
        hi = lo + _STEP
        days = day[lo:hi]
        # Meetings at level 2 or 3 in the period.
        members = list(
            compress(
                range(lo, lo + len(days)),
                map(
                    operator.and_,
                    level[lo:hi].translate(counted_levels),
                    map(in_period, days),
                ),
            )
        )
        if not members:
            continue
        groups = list(map(group.__getitem__, members))
        statuses = map(
            minutes_status.__getitem__,
            zip(
                map(day.__getitem__, members),
                map(released.__getitem__, members),
                strict=True,
            ),
        )
        numbers = list(
            map(
                number_of,
                zip(
                    groups,
                    map(tally.__getitem__, members),
                    map(kind.__getitem__, members),
                    map(flags.__getitem__, members),
                    statuses,
                    strict=True,
                ),
            )
        )
        counts.update(numbers)
        masks = list(map(fail_mask, numbers))
        if any(masks):
            failing = list(
                compress(
                    map(operator.or_, map(operator.lshift, groups, ids), members),
                    masks,
                )
            )
            masks = list(compress(masks, masks))
            for indicator, bit in _FAIL_BITS:
                failed[indicator] += compress(
                    failing, map(operator.and_, masks, repeat(bit))
                )
        # Initial level 3 meetings of cases in custody (not RMT meetings).
        for m, g in compress(
            zip(members, groups, strict=True), map(liberation.__getitem__, members)
        ):
            if kind[m] == _INITIAL and level[m] == 3:
                cell = pre_release[g]
                cell[1] += 1
                if day[m] <= pre_release_due[liberation[m]]:
                    cell[0] += 1
                else:
                    late.append(g << _ID_BITS | m)

    widen = _Widened()
    wide = (1 << _WIDE) - 1
    ra_totals = [0] * ngroups
    main_totals = [0] * ngroups
    disclosure = acc[Indicator.DISCLOSURE_RECORDED]
    minutes = acc[Indicator.MINUTES_RELEASED]
    for number, count in counts.items():
        g, tally_of, kind_of, flags_of, status = keys.found[number]
        # Police and social work attendance: every kind of meeting.
        widened = widen[tally_of] * count
        ra_totals[g] += widened
        if kind_of == _RMT:
            continue
        main_totals[g] += widened
        cell = disclosure[g]
        cell[0] += count * (flags_of & _DISCLOSED)
        cell[1] += count
        # Minutes: judged by the release date if released by the period's
        # end; otherwise missed if the deadline has passed, else not counted.
        cell = minutes[g]
        cell[0] += count * ((status >> 1) & 1)
        cell[1] += count * (status & 1)
    for indicator, totals, met, of in (
        (Indicator.RA_ATTENDANCE, ra_totals, RA_MET, RA_INVITED),
        (Indicator.DTC_ATTENDANCE, main_totals, DTC_MET, DTC_INVITED),
        (Indicator.WRITTEN_CONTRIBUTIONS, main_totals, ABSENT_WROTE, ABSENT),
    ):
        for cell, total in zip(acc[indicator], totals, strict=True):
            cell[0] += (total >> (_WIDE * met)) & wide
            cell[1] += (total >> (_WIDE * of)) & wide

    return acc, failed


_ID_MASK = (1 << _ID_BITS) - 1
_DISCLOSED = 1
_RMT = 2
_INITIAL = 0
_WIDE = 40  # bits per counter once widened: room to sum any caseload
_FIELD = (1 << 10) - 1


def _share_out(cells: list[list[Any]], tagged: list[int]) -> list[int]:
    """Add failed meetings, listed as group << _ID_BITS | meeting, to their
    groups' cells in input order; return all of them in input order."""
    appends = [cell[2].append for cell in cells]
    for item in tagged:  # one pass: quicker than sorting by group
        appends[item >> _ID_BITS](item & _ID_MASK)
    everything = list(map(operator.and_, tagged, itertools.repeat(_ID_MASK)))
    if not all(map(operator.le, everything, itertools.islice(everything, 1, None))):
        # Listed in another order (the reviews, in case and date order).
        everything.sort()
        for cell in cells:
            cell[2].sort()
    return everything


class _Widened(dict[int, int]):
    """A tally (six 10-bit counters) -> the same counters 40 bits apart, so
    tallies of many meetings can be summed without overflow."""

    def __missing__(self, tally: int) -> int:
        value = 0
        for which in range(6):
            value |= ((tally >> (10 * which)) & _FIELD) << (_WIDE * which)
        self[tally] = value
        return value


def _fails(tally: int, met: int, counted: int) -> bool:
    """Whether the counter *counted* of *tally* exceeds the counter *met*."""
    return ((tally >> (10 * counted)) & _FIELD) > ((tally >> (10 * met)) & _FIELD)


# The indicators a meeting's key can fail, one bit each.
_FAIL_BITS = (
    (Indicator.RA_ATTENDANCE, 1),
    (Indicator.DTC_ATTENDANCE, 2),
    (Indicator.WRITTEN_CONTRIBUTIONS, 4),
    (Indicator.DISCLOSURE_RECORDED, 8),
    (Indicator.MINUTES_RELEASED, 16),
)


# issue 14: level (a byte) -> 1 if the indicators count it (rule kpi.levels),
# else 0: for bytes.translate.
def _levels_table(book: Rulebook) -> bytes:
    levels = set(book.integers("kpi.levels"))
    return bytes(1 if value in levels else 0 for value in range(256))


class _Keys(dict[tuple[int, int, int, int, int], int]):
    """A meeting's key (group, tally, kind, flags, minutes status) -> its
    number, numbering each distinct key as it first comes; :attr:`found`
    lists them and :attr:`masks` the bits of :data:`_FAIL_BITS` each fails."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[int, int, int, int, int]] = []
        self.masks: list[int] = []

    def __missing__(self, key: tuple[int, int, int, int, int]) -> int:
        _, tally, kind, flags, status = key
        mask = 1 if _fails(tally, RA_MET, RA_INVITED) else 0
        if kind != _RMT:
            if _fails(tally, DTC_MET, DTC_INVITED):
                mask |= 2
            if _fails(tally, ABSENT_WROTE, ABSENT):
                mask |= 4
            if not flags & _DISCLOSED:
                mask |= 8
            if status == _COUNTED:
                mask |= 16
        number = len(self.found)
        self.found.append(key)
        self.masks.append(mask)
        self[key] = number
        return number


# A meeting's minutes status: counted (bit 0) and on time (bit 1).
_COUNTED = 1
_ON_TIME = 2


class _MinutesStatus(dict[tuple[int, int], int]):
    """(meeting day, release day or 0) -> the minutes status, as at *end*.

    Judged by the release date if released by the period's end; otherwise
    missed if the deadline (*due* of the day) has passed, else not counted.
    """

    def __init__(self, due: _Due, end: int) -> None:
        super().__init__()
        self._due = due
        self._end = end

    def __missing__(self, key: tuple[int, int]) -> int:
        day, released = key
        deadline = self._due[day]
        if 0 < released <= self._end:
            value = _COUNTED | _ON_TIME if released <= deadline else _COUNTED
        else:
            value = _COUNTED if deadline <= self._end else 0
        self[key] = value
        return value


def _count_reviews(
    caseload: Caseload,
    start: int,
    end: int,
    group: list[int],
    keys: list[tuple[str, ...]],
    acc: dict[Indicator, list[list[Any]]],
    extra_keys: dict[tuple[str, ...], int],
    level_position: int,
    book: Rulebook,
    failed: dict[Indicator, list[int]],
    counted: tuple[dict[int, int], dict[int, list[int]]] | None = None,
) -> None:
    """Add the review indicators to *acc* and *failed*: from *counted* (the
    result of :func:`mappa._intervals.count_intervals`, from a second
    process) if given."""
    if counted is None:
        relabel = None
        if level_position >= 0:
            level = caseload._level

            def relabel(m: int, g: int, lv: int) -> int:
                if lv == level[m]:
                    return g
                return _level_group(g, lv, keys, acc, extra_keys, level_position)

        earliest, due = _review_plan(start, end, book)
        counted = count_intervals(
            _review_columns(caseload),
            start,
            end,
            earliest,
            group,
            due,
            _LEAVES,
            relabel,
        )
    review_keys, failed_at = counted
    by_level = {3: Indicator.LEVEL3_REVIEWS, 2: Indicator.LEVEL2_REVIEWS}
    for key, count in review_keys.items():
        cell = acc[by_level[(key >> 1) & 3]][key >> 3]
        cell[1] += count
        cell[0] += count * (key & 1)
    for lv, tagged_failures in failed_at.items():
        failed[by_level[lv]] += tagged_failures


def _review_columns(caseload: Caseload) -> Columns:
    """The columns the review intervals are counted from: (day, level, new
    level, flags, case)."""
    return (
        caseload._day,
        caseload._level,
        caseload._new_level,
        caseload._flags,
        caseload._case,
    )


class _ReviewDue(dict[tuple[int, int], int]):
    """(level after, date ordinal) -> the ordinal the next review is due
    (0 for level 0: no review due), computed once per distinct key."""

    def __init__(self, intervals: dict[int, Any]) -> None:
        super().__init__()
        self._intervals = intervals

    def __missing__(self, key: tuple[int, int]) -> int:
        level, ordinal = key
        value = 0
        if level:
            day = _dt.date.fromordinal(ordinal)
            value = self._intervals[level].due_after(day).toordinal()
        self[key] = value
        return value

    def fill(self, first: int, last: int) -> None:
        """Compute every key of the days from *first* to *last*."""
        for ordinal in range(first, last + 1):
            for level in (0, *self._intervals):
                self[level, ordinal]  # computes and stores it


def _review_plan(start: int, end: int, book: Rulebook) -> tuple[int, _ReviewDue]:
    """The earliest meeting day whose review interval can fall due in the
    period, and the review due days (computed as they are asked for)."""
    due = _ReviewDue(
        {
            int(lv): review_interval(lv, rulebook=book)
            for lv in (Level.MULTI_AGENCY, Level.MAPPP)
        }
    )
    # A month-long interval may reach up to 31 days further than the one
    # from the period's start.
    reach = max(due[lv, start] - start for lv in (2, 3))
    return max(start - reach - 31, 1), due


def _level_group(
    g: int,
    lv: int,
    keys: list[tuple[str, ...]],
    acc: dict[Indicator, list[list[Any]]],
    extra_keys: dict[tuple[str, ...], int],
    level_position: int,
) -> int:
    """The group of meeting group *g* with its level replaced by *lv*."""
    key = list(keys[g])
    key[level_position] = str(lv)
    wanted = tuple(key)
    if wanted in keys:
        return keys.index(wanted)
    if wanted not in extra_keys:
        extra_keys[wanted] = len(keys) + len(extra_keys)
        for cells in acc.values():
            cells.append([0, 0, []])
    return extra_keys[wanted]
