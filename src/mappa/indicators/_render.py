"""Rendering a report: a plain-text table and an HTML page (package-private)."""

from __future__ import annotations

import html as _html_module
from typing import TYPE_CHECKING

from mappa._english import long_date
from mappa.indicators._definitions import Indicator, Status, plain

if TYPE_CHECKING:
    from mappa.indicators._report import Report

__all__ = ["html", "html_table", "table"]


def table(report: Report) -> str:
    """A plain-text table for a terminal: one line per indicator and group."""
    header = ("Indicator", "Group", "Met / counted", "%", "Target", "Status")
    lines = []
    for result in report.results:
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
                plain(result.target),
                status,
            )
        )
    widths = [max(len(header[i]), *(len(line[i]) for line in lines)) for i in range(6)]
    align = ("<", "<", ">", ">", ">", "<")

    def render(cells: tuple[str, ...]) -> str:
        return "  ".join(
            f"{cell:{how}{width}}"
            for cell, how, width in zip(cells, align, widths, strict=True)
        ).rstrip()

    return "\n".join([render(header), *(render(line) for line in lines)])


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


def html(report: Report, *, title: str | None, note: str | None) -> str:
    escape = _html_module.escape
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
        parts.append(f"<h2>{escape(first.label)} (target {plain(first.target)}%)</h2>")
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


def html_table(report: Report) -> str:
    """A plain HTML table of *report*, one row per indicator and group."""
    escape = _html_module.escape
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
