"""MkDocs hooks: the generated pages, doctest blocks and cross-references.

The rules page is generated at build time from ``mappa.DEFAULT_RULEBOOK``,
so it can never drift from the rules the code uses; so are the API
reference's pages, one per public module. The doctest extension shows the
``>>>`` examples in docstrings as code blocks in the API reference, and
the cross-reference extension turns the docstrings' Sphinx roles
(``:class:`~mappa.errors.MappaError```) into links to the objects' entries.
"""

from __future__ import annotations

import html
import importlib
import inspect
import pkgutil
import re
from functools import cache
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


# The modules with a page of their own in the API reference, in reading order.
REFERENCE_MODULES = (
    "errors",
    "sources",
    "periods",
    "rulebook",
    "deadlines",
    "framework",
    "years",
    "calendar",
    "minutes",
    "reviews",
    "chairs",
    "scr",
    "isp",
    "notification",
    "disclosure",
    "licences",
    "defensibility",
    "statistics",
    "duties",
    "records",
    "indicators",
    "strategies",
)


def reference_page(module: str) -> str:
    """The API reference page of ``mappa.<module>``.

    >>> print(reference_page("errors").splitlines()[0])
    # mappa.errors
    """
    return f"# mappa.{module}\n\n::: mappa.{module}\n"


def on_files(files: Files, config: Any) -> Files:
    """Add the generated pages (rules, API reference, changelog) to the site."""
    files.append(File.generated(config, "rules.md", content=render()))
    for module in REFERENCE_MODULES:
        files.append(
            File.generated(
                config, f"reference/{module}.md", content=reference_page(module)
            )
        )
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


# :class:`~mappa.errors.MappaError`, :func:`evaluate`, :attr:`Report.by`,
# :func:`text <target>`: Sphinx's roles, as the docstrings write them.
_ROLE = re.compile(
    r":(?:class|func|meth|attr|data|mod|exc|obj|const):`(?P<body>[^`]+)`"
)
_TITLED = re.compile(r"(?P<title>.*?)\s*<(?P<target>[^<>]+)>\s*$", re.DOTALL)


@cache
def _index() -> dict[str, str]:
    """Each public name, and each ``Class.member``, to its full dotted path.

    A name two modules define maps to nothing: its reference stays text.
    """
    import mappa

    found: dict[str, str | None] = {}

    def add(key: str, path: str) -> None:
        found[key] = path if found.get(key, path) == path else None

    for info in pkgutil.iter_modules(mappa.__path__, "mappa."):
        if info.name.rpartition(".")[2].startswith("_") or info.name in (
            "mappa.cli",
            "mappa.__main__",
        ):
            continue
        module = importlib.import_module(info.name)
        add(info.name, info.name)
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            home = getattr(value, "__module__", None)
            path = (
                f"{home}.{name}"
                if isinstance(home, str) and home.startswith("mappa.")
                else f"{info.name}.{name}"
            )
            add(name, path)
            add(f"{info.name}.{name}", path)
            if inspect.isclass(value):
                fields = getattr(value, "__attrs_attrs__", ())
                members = set(vars(value)) | {field.name for field in fields}
                for member in members:
                    if not member.startswith("_"):
                        add(f"{name}.{member}", f"{path}.{member}")
                        add(f"{info.name}.{name}.{member}", f"{path}.{member}")
    return {key: path for key, path in found.items() if path is not None}


def _crossref(match: re.Match[str]) -> str:
    body = " ".join(match["body"].split())
    titled = _TITLED.match(body)
    if titled:
        title, target = titled["title"], titled["target"].strip()
    else:
        target = body
        title = body.lstrip("~.").rsplit(".", 1)[-1] if body.startswith("~") else body
        title = title.lstrip(".")
    target = target.lstrip("~.")
    identifier = _index().get(target, target)
    # Optional: a reference autorefs cannot resolve (a member with no entry
    # of its own, another project's object) shows as code, without a link.
    return (
        f'<autoref identifier="{html.escape(identifier)}" optional>'
        f"<code>{html.escape(title)}</code></autoref>"
    )


class _SphinxRoles(Preprocessor):
    """Turn Sphinx roles into autorefs cross-references."""

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if ":`" not in text:
            return lines
        out: list[str] = []
        in_fence = False
        for chunk in re.split(r"(^\s*(?:```|~~~).*$)", text, flags=re.MULTILINE):
            if _FENCE.match(chunk):
                in_fence = not in_fence
                out.append(chunk)
            else:
                out.append(chunk if in_fence else _ROLE.sub(_crossref, chunk))
        return "".join(out).split("\n")


class SphinxRoles(Extension):
    r"""A Markdown extension: Sphinx roles in docstrings become cross-references.

    >>> md = Markdown(extensions=[SphinxRoles()])
    >>> md.convert("See :class:`~mappa.errors.MappaError`.")
    '<p>See <autoref identifier="mappa.errors.MappaError" optional><code>MappaError</code></autoref>.</p>'
    >>> 'identifier="mappa.indicators.evaluate"' in md.convert("Use :func:`evaluate`.")
    True
    >>> import mappa.reviews, mappa.strategies
    >>> any(":`" in md.convert(m.__doc__) for m in (mappa.reviews, mappa.strategies))
    False
    """

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_SphinxRoles(md), "sphinx_roles", 45)


@event_priority(100)
def on_config(config: Any) -> Any:
    """Register the extensions before mkdocstrings reads the extensions."""
    config.markdown_extensions.append(DoctestBlocks())
    config.markdown_extensions.append(SphinxRoles())
    return config
