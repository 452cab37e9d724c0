"""Rendering reports and trends: a plain-text table, an HTML page, and the
metadata fields of JSON and CSV output (package-private).

Every output ends with the report's :class:`~mappa.indicators.Provenance`
(the one value that says where a report comes from): the table and the
page as a footer, JSON and CSV as fields.

The page is one self-contained file (no script, no network). Charts are
inline SVG, which prints as drawn (a background colour would not); each
has a title and a description in words. Met and not met are told apart
by a word and a symbol, never by colour alone, and the two colours come
from the Okabe-Ito palette, which readers with any common colour
blindness tell apart. Bars start near the lowest figure shown, not at 0,
so 94.9% against a target of 95% is visible; the gap in percentage
points is printed beside each bar.
"""

from __future__ import annotations

import html as _html_module
import math
from collections.abc import Sequence
from decimal import ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING

from mappa._english import long_date
from mappa.indicators._definitions import Indicator, IndicatorResult, Status, plain

if TYPE_CHECKING:
    from mappa.indicators._provenance import Provenance
    from mappa.indicators._report import Report, Trend

__all__ = [
    "csv_fields",
    "html",
    "html_table",
    "result_in",
    "status_word",
    "table",
    "trend_html",
    "trend_table",
]

_escape = _html_module.escape

_STATUS_WORDS = {
    Status.MET: "met",
    Status.NOT_MET: "NOT MET",
    Status.NO_CASES: "no cases",
    Status.NO_ATTENDANCE_DATA: "no attendance data",
}


def status_word(status: Status) -> str:
    """The status as the table writes it (``NOT MET`` in capitals)."""
    return _STATUS_WORDS[status]


def _gap(result: IndicatorResult) -> str:
    """The distance from the target in percentage points, signed (``-0.1``),
    to one place, rounded towards minus infinity so a figure short of its
    target never shows a gap of 0; "" with no cases."""
    if result.denominator == 0 or result.no_data:
        return ""
    gap = (_exact(result) - result.target).quantize(
        Decimal("0.1"), rounding=ROUND_FLOOR
    )
    return f"{'+' if gap >= 0 else ''}{gap}"


def _align(rows: list[tuple[str, ...]], align: str) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            f"{cell:{how}{width}}"
            for cell, how, width in zip(row, align, widths, strict=True)
        ).rstrip()
        for row in rows
    ]


def _footer(provenance: Provenance | None) -> list[str]:
    return [] if provenance is None else ["", *provenance.lines()]


def table(report: Report) -> str:
    """A plain-text table for a terminal: one line per indicator and group,
    then the provenance."""
    rows: list[tuple[str, ...]] = [
        ("Indicator", "Group", "Met / counted", "%", "Gap", "Target", "Status")
    ]
    for result in report.results:
        counted = not result.no_data and result.denominator
        rows.append(
            (
                result.label,
                result.group_label,
                "-" if result.no_data else f"{result.numerator}/{result.denominator}",
                f"{result.percentage}" if counted else "-",
                _gap(result),
                plain(result.target),
                status_word(result.status),
            )
        )
    lines = _align(rows, "<<>>>><")
    return "\n".join(lines + _footer(report.provenance))


def result_in(
    report: Report, indicator: Indicator, group: tuple[tuple[str, str], ...]
) -> IndicatorResult | None:
    """The result of *indicator* for *group* in *report*, or ``None``."""
    for result in report.results:
        if result.indicator is indicator and result.group == group:
            return result
    return None


def _trend_cell(result: IndicatorResult) -> str:
    if result.no_data:
        return "n/a"
    if result.denominator == 0:
        return "-"
    mark = "" if result.status is Status.MET else "*"
    return f"{mark}{result.percentage}"


def trend_table(trend: Trend) -> str:
    """A plain-text table of a trend: one line per indicator and group, a
    column per period (``*`` marks a figure short of its target)."""
    reports = trend.reports
    header = ("Indicator", "Group", *(r.period.label for r in reports), "Target")
    rows: list[tuple[str, ...]] = [header]
    for indicator, group in trend.entries():
        results = [result_in(r, indicator, group) for r in reports]
        shown = next(r for r in results if r is not None)
        rows.append(
            (
                reports[-1].result(indicator).label,
                shown.group_label,
                *("-" if r is None else _trend_cell(r) for r in results),
                plain(reports[-1].result(indicator).target),
            )
        )
    lines = _align(rows, "<<" + ">" * (len(reports) + 1))
    legend = (
        "Percentages met; * marks a figure short of its target; - no cases; "
        "n/a no attendance data. Target: the latest period's."
    )
    return "\n".join([*lines, "", legend, *_footer(trend.provenance)[1:]])


def csv_fields(provenance: Provenance | None) -> dict[str, str]:
    """The provenance as CSV columns, the same on every row (lists joined
    with ``"; "``, booleans ``yes``/``no``, no value ``""``)."""
    if provenance is None:
        return {}
    fields = provenance.fields()
    out: dict[str, str] = {}
    for key, value in fields.items():
        name = {
            "start": "period_start",
            "end": "period_end",
            "attendance": "attendance_data",
            "overrides": "local_settings",
            "period": "provenance_period",
        }.get(key, key)
        if isinstance(value, bool):
            out[name] = "yes" if value else "no"
        elif isinstance(value, list):
            out[name] = "; ".join(str(item) for item in value)
        else:
            out[name] = "" if value is None else str(value)
    out.pop("provenance_period")
    return out


# -- HTML ------------------------------------------------------------------------

# Okabe-Ito: blue for met, vermillion for not met; black for the target.
_MET = "#0072B2"
_NOT_MET = "#D55E00"

_STYLE = """
:root{color-scheme:light}
body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;margin:2rem auto;color:#1b1b1b;max-width:60rem;padding:0 1rem;line-height:1.4}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin:2rem 0 .3rem}
p.note,p.legend{color:#333;font-size:.9rem}
p.warning{border:2px solid #000;padding:.4rem .6rem;font-weight:bold}
table{border-collapse:collapse;width:100%;margin:.3rem 0 1rem}
caption{text-align:left;font-size:.9rem;color:#333;padding:.2rem 0}
th,td{padding:.2rem .4rem;font-size:.9rem;vertical-align:middle;text-align:left;border-bottom:1px solid #ddd}
thead th{font-weight:600;border-bottom:2px solid #555}
tbody th{font-weight:normal;width:11rem}
td.chart{width:45%}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.status{white-space:nowrap}
tr.notmet td.status{font-weight:bold}
tr.national th,tr.national td{font-weight:bold;border-top:2px solid #555}
svg{display:block;overflow:visible}
svg.bar{width:100%;height:18px}
svg.line{width:100%;max-width:40rem;height:auto}
footer{margin-top:2rem;border-top:1px solid #555;font-size:.85rem;color:#333}
footer ul{padding-left:1.2rem}
@page{size:A4;margin:14mm}
@media print{
 body{margin:0;max-width:none;font-size:10pt}
 section{break-inside:avoid}
 svg,svg *{print-color-adjust:exact;-webkit-print-color-adjust:exact}
 h1{font-size:14pt}h2{font-size:11.5pt}
}
"""


def _axis_floor(values: Sequence[Decimal]) -> int:
    """Where the bars start: 2 points below the lowest figure or target,
    rounded down to a multiple of 5, never below 0 nor above 90."""
    lowest = min(values) if values else Decimal(0)
    return max(0, min(90, (math.floor(lowest) - 2) // 5 * 5))


def _x(value: Decimal | float, floor: int, width: float) -> float:
    share = (float(value) - floor) / (100 - floor)
    return round(max(0.0, min(1.0, share)) * width, 2)


def _exact(result: IndicatorResult) -> Decimal:
    return Decimal(result.numerator * 100) / Decimal(result.denominator)


def _bar_svg(result: IndicatorResult, floor: int, ident: str) -> str:
    """One bar against its target, with a title and a description."""
    width = 400.0
    target_x = _x(result.target, floor, width)
    if result.no_data or result.denominator == 0:
        words = status_word(result.status)
        return (
            f'<svg class="bar" role="img" aria-labelledby="{ident}-t" '
            f'viewBox="0 0 {width:.0f} 18" preserveAspectRatio="none">'
            f'<title id="{ident}-t">{_escape(result.group_label)}: {words}</title>'
            f'<line class="target" x1="{target_x}" x2="{target_x}" y1="0" y2="18" '
            'stroke="#000" stroke-width="2"/></svg>'
        )
    exact = _exact(result)
    met = result.status is Status.MET
    bar_x = _x(exact, floor, width)
    gap = _gap(result)
    title = (
        f"{result.group_label}: {result.percentage}% against a target of "
        f"{plain(result.target)}% ({gap} points), "
        f"{'met' if met else 'not met'}"
    )
    desc = (
        f"{result.numerator} of {result.denominator} {result.indicator.counts}; "
        f"the bar starts at {floor}%."
    )
    pattern = (
        ""
        if met
        else (
            f'<pattern id="{ident}-p" width="6" height="6" patternUnits="userSpaceOnUse" '
            'patternTransform="rotate(45)"><rect width="6" height="6" '
            f'fill="{_NOT_MET}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#fff" '
            'stroke-width="2"/></pattern>'
        )
    )
    fill = _MET if met else f"url(#{ident}-p)"
    return (
        f'<svg class="bar" role="img" aria-labelledby="{ident}-t {ident}-d" '
        f'viewBox="0 0 {width:.0f} 18" preserveAspectRatio="none">'
        f'<title id="{ident}-t">{_escape(title)}</title>'
        f'<desc id="{ident}-d">{_escape(desc)}</desc>'
        f"{'<defs>' + pattern + '</defs>' if pattern else ''}"
        f'<rect x="0" y="0" width="{width:.0f}" height="18" fill="#f0f0f0" '
        'stroke="#999" stroke-width="0.5"/>'
        f'<rect class="{"met" if met else "notmet"}" x="0" y="3" '
        f'width="{bar_x}" height="12" fill="{fill}" stroke="{_MET if met else _NOT_MET}" '
        'stroke-width="1"/>'
        f'<line class="target" x1="{target_x}" x2="{target_x}" y1="0" y2="18" '
        'stroke="#000" stroke-width="2"/></svg>'
    )


def _status_cell(status: Status) -> str:
    symbol = {
        Status.MET: "\u2713 met",
        Status.NOT_MET: "\u2717 not met",
        Status.NO_CASES: "no cases",
        Status.NO_ATTENDANCE_DATA: "no attendance data",
    }[status]
    return _escape(symbol)


def _page_start(heading: str) -> list[str]:
    return [
        "<!DOCTYPE html>",
        '<html lang="en-GB"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_escape(heading)}</title>",
        f"<style>{_STYLE}</style></head><body><main>",
        f"<h1>{_escape(heading)}</h1>",
    ]


def _warnings(provenance: Provenance | None) -> list[str]:
    if provenance is None:
        return []
    parts = []
    if provenance.partial:
        parts.append(
            f'<p class="warning" role="note">PARTIAL: the period runs outside the '
            f"data ({_escape(provenance.coverage.label)}); figures near its "
            "edges are incomplete.</p>"
        )
    if not provenance.coverage.attendance:
        parts.append(
            '<p class="warning" role="note">No attendance data: the three '
            "attendance indicators are not counted.</p>"
        )
    return parts


def _page_end(provenance: Provenance | None) -> list[str]:
    parts = ["</main>"]
    if provenance is not None:
        parts.append(
            '<footer><h2 id="provenance">Where this report comes from</h2><ul>'
        )
        parts.extend(f"<li>{_escape(line)}</li>" for line in provenance.lines())
        parts.append("</ul></footer>")
    parts.append("</body></html>")
    return parts


def html(report: Report, *, title: str | None, note: str | None) -> str:
    """One page: for each indicator, a table with a bar per group against
    its target, then the provenance."""
    heading = title or (
        f"MAPPA national performance indicators, {report.period.label} "
        f"({long_date(report.period.start)} to {long_date(report.period.end)})"
    )
    parts = _page_start(heading)
    parts.append(
        '<p class="note">Each bar is the '
        "percentage met, drawn solid when the target is met and hatched when it "
        "is not; the black line is the target. Bars start near the lowest "
        "figure, not at 0: the gap column gives the distance to the target in "
        "percentage points.</p>"
    )
    if note:
        parts.append(f'<p class="note">{_escape(note)}</p>')
    parts += _warnings(report.provenance)
    for number, indicator in enumerate(Indicator):
        results = [r for r in report.results if r.indicator is indicator]
        if not results:
            continue
        first = results[0]
        values = [first.target] + [
            _exact(r) for r in results if r.denominator and not r.no_data
        ]
        floor = _axis_floor(values)
        parts.append(f'<section aria-labelledby="h{number}">')
        parts.append(
            f'<h2 id="h{number}">{_escape(first.label)} '
            f"(target {plain(first.target)}%)</h2>"
        )
        parts.append("<table>")
        parts.append(
            f"<caption>{_escape(first.label)}: percentage of "
            f"{_escape(indicator.counts)} that met the standard, by group, "
            f"against a target of {plain(first.target)}%. Bars start at "
            f"{floor}%. Source: {_escape(str(first.citation))}.</caption>"
        )
        parts.append(
            '<thead><tr><th scope="col">Group</th><th scope="col">Chart</th>'
            '<th scope="col">Met / counted</th><th scope="col">%</th>'
            '<th scope="col">Gap (points)</th><th scope="col">Status</th></tr></thead><tbody>'
        )
        for row, result in enumerate(results):
            css = {
                Status.MET: "met",
                Status.NOT_MET: "notmet",
                Status.NO_CASES: "none",
                Status.NO_ATTENDANCE_DATA: "nodata",
            }[result.status]
            counted = result.denominator and not result.no_data
            parts.append(
                f'<tr class="{css}{"" if result.group else " national"}">'
                f'<th scope="row">{_escape(result.group_label)}</th>'
                f'<td class="chart">{_bar_svg(result, floor, f"b{number}-{row}")}</td>'
                f'<td class="num">{"-" if result.no_data else f"{result.numerator}/{result.denominator}"}</td>'
                f'<td class="num">{result.percentage if counted else "-"}</td>'
                f'<td class="num">{_gap(result) or "-"}</td>'
                f'<td class="status">{_status_cell(result.status)}</td></tr>'
            )
        parts.append("</tbody></table></section>")
    parts += _page_end(report.provenance)
    return "\n".join(parts) + "\n"


def _line_svg(
    trend: Trend,
    indicator: Indicator,
    ident: str,
) -> str:
    """A small line chart of Scotland's percentage per period, with the
    target as a dashed line; a title and a description in words."""
    reports = trend.reports
    national = [report.result(indicator) for report in reports]
    target = reports[-1].result(indicator).target
    known = [
        (i, _exact(r))
        for i, r in enumerate(national)
        if r.denominator and not r.no_data
    ]
    floor = _axis_floor([target, *(value for _, value in known)])
    width, height, left, right, top, bottom = 600.0, 170.0, 40.0, 80.0, 10.0, 34.0
    plot_w, plot_h = width - left - right, height - top - bottom
    count = len(reports)

    def px(i: int) -> float:
        return round(left + (plot_w * i / (count - 1) if count > 1 else plot_w / 2), 2)

    def py(value: Decimal | float) -> float:
        share = (float(value) - floor) / (100 - floor)
        return round(top + plot_h * (1 - max(0.0, min(1.0, share))), 2)

    words = "; ".join(
        f"{r.period.label}: "
        + (
            "no attendance data"
            if res.no_data
            else "no cases"
            if not res.denominator
            else f"{res.percentage}% ({'met' if res.met else 'not met'})"
        )
        for r, res in zip(reports, national, strict=True)
    )
    title = f"{reports[-1].result(indicator).label}, Scotland, {reports[0].period.label} to {reports[-1].period.label}"
    desc = f"Target {plain(target)}%. {words}. The vertical axis runs from {floor}% to 100%."
    parts = [
        f'<svg class="line" role="img" aria-labelledby="{ident}-t {ident}-d" '
        f'viewBox="0 0 {width:.0f} {height:.0f}">',
        f'<title id="{ident}-t">{_escape(title)}</title>',
        f'<desc id="{ident}-d">{_escape(desc)}</desc>',
    ]
    for tick in range(
        floor, 101, 10 if 100 - floor > 30 else 5 if 100 - floor > 10 else 2
    ):
        y = py(tick)
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y}" y2="{y}" stroke="#ddd" stroke-width="1"/>'
            f'<text x="{left - 4}" y="{y + 4}" font-size="11" text-anchor="end" fill="#333">{tick}%</text>'
        )
    ty = py(target)
    parts.append(
        f'<line class="target" x1="{left}" x2="{width - right}" y1="{ty}" y2="{ty}" '
        'stroke="#000" stroke-width="1.5" stroke-dasharray="6 4"/>'
        f'<text x="{width - right + 6}" y="{ty + 4}" font-size="11">target {plain(target)}%</text>'
    )
    # The line, broken where a period has nothing counted.
    run: list[str] = []
    runs: list[list[str]] = []
    for i, result in enumerate(national):
        if result.denominator and not result.no_data:
            run.append(f"{px(i)},{py(_exact(result))}")
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    for points in runs:
        parts.append(
            f'<polyline class="series" points="{" ".join(points)}" fill="none" '
            f'stroke="{_MET}" stroke-width="2.5"/>'
        )
    for i, result in enumerate(national):
        x = px(i)
        step = max(1, math.ceil(count / 8))
        if i % step == 0 or i == count - 1:
            parts.append(
                f'<text x="{x}" y="{height - bottom + 16}" font-size="11" '
                f'text-anchor="middle" fill="#333">{_escape(reports[i].period.label)}</text>'
            )
        if not result.denominator or result.no_data:
            continue
        y = py(_exact(result))
        label = f"{reports[i].period.label}: {result.percentage}%"
        if result.met:
            mark = (
                f'<circle class="point met" cx="{x}" cy="{y}" r="4.5" fill="{_MET}">'
                f"<title>{_escape(label)}, met</title></circle>"
            )
        else:
            # Not met: a hollow diamond, so shape tells it apart too.
            mark = (
                f'<path class="point notmet" d="M{x} {y - 6}L{x + 6} {y}L{x} {y + 6}L{x - 6} {y}Z" '
                f'fill="#fff" stroke="{_NOT_MET}" stroke-width="2.5">'
                f"<title>{_escape(label)}, not met</title></path>"
            )
        parts.append(mark)
    parts.append("</svg>")
    return "".join(parts)


def trend_html(trend: Trend, *, title: str | None) -> str:
    """One page: for each indicator, a line chart of Scotland's figure per
    period against the target, and a table of every group's figures."""
    reports = trend.reports
    heading = title or (
        f"MAPPA national performance indicators, {reports[0].period.label} to "
        f"{reports[-1].period.label}"
    )
    parts = _page_start(heading)
    parts.append(
        '<p class="note">For each indicator, the line is Scotland\'s percentage '
        "met in each period: a filled circle where the target was met, a hollow "
        "diamond where it was not; the dashed line is the target. The vertical "
        "axis starts near the lowest figure, not at 0. The table gives every "
        "group's figures; * marks a figure short of its target.</p>"
    )
    parts += _warnings(trend.provenance)
    for number, indicator in enumerate(Indicator):
        target = reports[-1].result(indicator).target
        label = reports[-1].result(indicator).label
        parts.append(f'<section aria-labelledby="h{number}">')
        parts.append(
            f'<h2 id="h{number}">{_escape(label)} (target {plain(target)}%)</h2>'
        )
        parts.append(_line_svg(trend, indicator, f"l{number}"))
        parts.append("<table>")
        parts.append(
            f"<caption>{_escape(label)}: percentage of "
            f"{_escape(indicator.counts)} that met the standard, by group and "
            f"period (target {plain(target)}%).</caption>"
        )
        parts.append(
            '<thead><tr><th scope="col">Group</th>'
            + "".join(
                f'<th scope="col">{_escape(r.period.label)}</th>' for r in reports
            )
            + "</tr></thead><tbody>"
        )
        for key_indicator, group in trend.entries():
            if key_indicator is not indicator:
                continue
            results = [result_in(r, indicator, group) for r in reports]
            shown = next(r for r in results if r is not None)
            cells = "".join(
                f'<td class="num">{"-" if r is None else _escape(_trend_cell(r))}</td>'
                for r in results
            )
            row_class = "" if group else ' class="national"'
            parts.append(
                f"<tr{row_class}>"
                f'<th scope="row">{_escape(shown.group_label)}</th>{cells}</tr>'
            )
        parts.append("</tbody></table></section>")
    parts += _page_end(trend.provenance)
    return "\n".join(parts) + "\n"


def html_table(report: Report) -> str:
    """A plain HTML table of *report*, one row per indicator and group."""
    escape = _html_module.escape
    head = "".join(
        f"<th>{name}</th>"
        for name in ("Indicator", "Group", "Met / counted", "%", "Target", "Status")
    )
    body = []
    for result in report.results:
        counted = result.denominator and not result.no_data
        cells = (
            result.label,
            result.group_label,
            "-" if result.no_data else f"{result.numerator}/{result.denominator}",
            f"{result.percentage}" if counted else "-",
            plain(result.target),
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
