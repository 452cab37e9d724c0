"""MkDocs hooks: the generated "Rules and sources" page, and doctest blocks.

The rules page is generated at build time from ``mappa.DEFAULT_RULEBOOK``,
so it can never drift from the rules the code uses. The doctest extension
shows the ``>>>`` examples in docstrings as code blocks in the API
reference.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from mkdocs.plugins import event_priority
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
        "(`Rulebook.with_value`, or a file with `Rulebook.with_overrides`). "
        "Each function reads a rule as it stood on the date of the event "
        "its answer is about; `mappa rules --on DATE` shows the rules in "
        "force on a date.",
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


_FENCE = re.compile(r"^\s*(```|~~~)")


class _DoctestBlocks(Preprocessor):
    """Wrap runs of ``>>>`` lines (and their output) in ``pycon`` fences."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        in_fence = False
        block: list[str] = []
        for line in [*lines, ""]:
            if block:
                if line.strip():
                    block.append(line)
                    continue
                indent = min(len(b) - len(b.lstrip()) for b in block)
                out += ["", "```pycon", *(b[indent:] for b in block), "```", ""]
                block = []
            if _FENCE.match(line):
                in_fence = not in_fence
            if not in_fence and line.lstrip().startswith(">>>"):
                block = [line]
                continue
            out.append(line)
        return out[:-1]  # the blank line added to close a final block


class DoctestBlocks(Extension):
    r"""A Markdown extension: doctest examples in docstrings become code blocks.

    >>> md = Markdown(extensions=[DoctestBlocks(), "fenced_code"])
    >>> "<code" in md.convert("Text.\n\n>>> 1 + 1\n2\n")
    True
    """

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_DoctestBlocks(md), "doctest_blocks", 40)


@event_priority(100)
def on_config(config: Any) -> Any:
    """Register the doctest extension before mkdocstrings reads the extensions."""
    config.markdown_extensions.append(DoctestBlocks())
    return config
