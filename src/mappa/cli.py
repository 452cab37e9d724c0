"""The ``mappa`` command.

``mappa rules`` prints the rulebook: every rule, its value, from when it
applies, and its citation, as a table, JSON or CSV.

>>> from mappa.cli import main
>>> main(["rules", "--format", "csv"])  # doctest: +ELLIPSIS
name,value,unit,edition,applies_from,counting,unconfirmed,citation,url,description
...
0

Exit status: 0 when the command ran, 2 for bad arguments, 1 for bad input.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from mappa.errors import MappaError
from mappa.rulebook import Rule, Rulebook, RuleVersion, resolve

__all__ = ["main", "rule_rows"]

Command = Callable[[argparse.Namespace, TextIO], int]


def _format_value(version: RuleVersion) -> str:
    value = version.value
    if isinstance(value, tuple):
        return ", ".join(str(item) for item in value)
    return str(value)


def rule_rows(rulebook: Rulebook | None = None) -> list[dict[str, str]]:
    """The rulebook as plain rows, one per rule version (oldest first).

    >>> rows = rule_rows()
    >>> [r["value"] for r in rows if r["name"] == "kpi.level2_reviews.target"]
    ['85', '95']
    """
    rows: list[dict[str, str]] = []
    for rule in resolve(rulebook):
        for version in rule.versions:
            rows.append(_row(rule, version))
    return rows


def _row(rule: Rule, version: RuleVersion) -> dict[str, str]:
    return {
        "name": rule.name,
        "value": _format_value(version),
        "unit": rule.unit,
        "edition": version.edition,
        "applies_from": ""
        if version.applies_from is None
        else version.applies_from.isoformat(),
        "counting": "" if rule.counting is None else rule.counting.value,
        "unconfirmed": "yes" if rule.unconfirmed else "",
        "citation": str(version.citation),
        "url": version.citation.url or "",
        "description": rule.description,
    }


# Units a Duration's text already spells out ("6 weeks").
_SPELLED_UNITS = frozenset({"days", "weeks", "months", "years"})


def _print_table(rows: list[dict[str, str]], out: TextIO) -> None:
    columns = ("name", "value", "edition", "applies_from", "citation")
    headers = {
        "name": "rule",
        "value": "value",
        "edition": "edition",
        "applies_from": "from",
        "citation": "citation",
    }
    shown = [
        {
            **row,
            "value": row["value"]
            + ("" if row["unit"] in _SPELLED_UNITS else f" {row['unit']}")
            + (" (unconfirmed)" if row["unconfirmed"] else ""),
            "applies_from": row["applies_from"] or "-",
        }
        for row in rows
    ]
    widths = {
        c: max(len(headers[c]), *(len(r[c]) for r in shown)) for c in columns[:-1]
    }
    line = "  ".join(headers[c].ljust(widths[c]) for c in columns[:-1])
    out.write(f"{line}  {headers['citation']}\n")
    for row in shown:
        cells = "  ".join(row[c].ljust(widths[c]) for c in columns[:-1])
        out.write(f"{cells}  {row['citation']}\n")


def _rules(args: argparse.Namespace, out: TextIO) -> int:
    rows = rule_rows()
    if args.format == "json":
        json.dump(rows, out, indent=2)
        out.write("\n")
    elif args.format == "csv":
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        _print_table(rows, out)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mappa",
        description="The rules of Scotland's Multi-Agency Public Protection Arrangements.",
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
    rules.set_defaults(handler=_rules)
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
    except (MappaError, OSError) as error:
        print(f"mappa: error: {error}", file=sys.stderr)
        return 1
