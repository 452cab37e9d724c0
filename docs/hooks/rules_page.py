"""MkDocs hook: build the "Rules and sources" page from the rulebook.

The page is generated at build time from ``mappa.DEFAULT_RULEBOOK``, so it
can never drift from the rules the code uses.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import File, Files

from mappa.periods import Duration
from mappa.rulebook import DEFAULT_RULEBOOK, Rulebook


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(rulebook: Rulebook = DEFAULT_RULEBOOK) -> str:
    """The page's Markdown.

    >>> "| `minutes.final` | 10 working days |" in render()
    True
    """
    lines = [
        "# Rules and sources",
        "",
        "Every number and period `mappa` uses, with the date or edition it "
        "applies from and its source. This page is generated from the "
        "rulebook (`mappa rules` prints the same table); rules marked "
        "*unconfirmed* are our best reading, not yet confirmed against a "
        "primary source, and a caller can override any rule "
        "(`Rulebook.with_value`).",
        "",
    ]
    section = None
    for rule in rulebook:
        head = rule.name.split(".", 1)[0]
        if head != section:
            section = head
            lines += [
                "",
                f"## {head}",
                "",
                "| rule | value | edition | from | counting | source | description |",
                "|---|---|---|---|---|---|---|",
            ]
        for version in rule.versions:
            value = version.value
            if isinstance(value, Duration):
                shown = str(value)
            elif isinstance(value, tuple):
                shown = ", ".join(str(v) for v in value) + f" {rule.unit}"
            else:
                shown = f"{value} {rule.unit}"
            if rule.unconfirmed:
                shown += " (*unconfirmed*)"
            source = str(version.citation)
            if version.citation.url:
                source = f"[{source}]({version.citation.url})"
            description = rule.description
            if version.note:
                description += f" *Reading:* {version.note}."
            lines.append(
                "| "
                + " | ".join(
                    _cell(text)
                    for text in (
                        f"`{rule.name}`",
                        shown,
                        version.edition,
                        version.applies_from.isoformat()
                        if version.applies_from
                        else "",
                        rule.counting.value if rule.counting else "",
                        source,
                        description,
                    )
                )
                + " |"
            )
    return "\n".join(lines) + "\n"


def on_files(files: Files, config: Any) -> Files:
    """Add the generated rules page (and the changelog) to the site."""
    files.append(File.generated(config, "rules.md", content=render()))
    with open("CHANGELOG.md", encoding="utf-8") as changelog:
        files.append(File.generated(config, "changelog.md", content=changelog.read()))
    return files
