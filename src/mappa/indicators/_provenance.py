"""Where a report comes from: the one value every output's footer reads
(package-private; public as :class:`mappa.indicators.Provenance`)."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import attrs

from mappa import _check
from mappa._english import long_date
from mappa.indicators._definitions import Coverage
from mappa.rulebook import DEFAULT_RULEBOOK, Rulebook

__all__ = ["Provenance", "local_overrides", "versions"]


def versions() -> tuple[str, str]:
    """mappa's version and the ``holidays`` release the calendar uses."""
    from mappa import __version__
    from mappa.calendar import holidays_version

    return __version__, holidays_version()


def local_overrides(book: Rulebook) -> tuple[str, ...]:
    """Each rule version *book* holds that the default rulebook does not,
    as ``"rule name (edition)"``: the caller's overrides, named (never
    their values or reasons, which a local file wrote). A version that
    starts after the day *book* is read as at changes nothing, so it is
    not listed."""
    found = []
    for rule in book:
        known = (
            DEFAULT_RULEBOOK.rule(rule.name).versions
            if rule.name in DEFAULT_RULEBOOK
            else ()
        )
        for version in rule.versions:
            later = (
                book.on is not None
                and version.applies_from is not None
                and version.applies_from > book.on
            )
            if version not in known and not later:
                found.append(f"{rule.name} ({version.edition})")
    return tuple(found)


def _v_texts(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check.v_tuple_of(str)(instance, attribute, value)


@attrs.frozen
class Provenance:
    """Where a report comes from, for the footer of every output.

    Attributes:
        generated: the day the report was made.
        mappa_version: the version of `mappa` that made it.
        holidays_version: the release of the ``holidays`` package that
            supplied Scotland's bank holidays.
        rulebook: which rules were read (the default rulebook of this
            version, as at the day the report is as at).
        targets: which targets (``"current"``, ``"previous"``, ``"caller's"``).
        overrides: every local setting that changes an answer: overridden
            rules (by name and edition), local closed days, an area table,
            a targets file; never their contents.
        inputs: the names of the files read (never their contents), or a
            description of the data when it came from no file.
        period: the period's label (``"2025/26"``, ``"2023Q3..2025Q4"`` for
            a trend).
        start: the period's first day.
        end: the period's last day.
        coverage: what the data covers (its first and last dates, and
            whether it holds attendance).
    """

    generated: _dt.date = attrs.field(validator=_check.v_date)
    mappa_version: str = attrs.field(validator=_check.v_text)
    holidays_version: str = attrs.field(validator=_check.v_text)
    rulebook: str = attrs.field(validator=_check.v_text)
    targets: str = attrs.field(validator=_check.v_text)
    overrides: tuple[str, ...] = attrs.field(validator=_v_texts)
    inputs: tuple[str, ...] = attrs.field(validator=_v_texts)
    period: str = attrs.field(validator=_check.v_text)
    start: _dt.date = attrs.field(validator=_check.v_date)
    end: _dt.date = attrs.field(validator=_check.v_date)
    coverage: Coverage = attrs.field(validator=_check.v_instance(Coverage))

    @property
    def partial(self) -> bool:
        """Whether the period starts before the data or ends after it."""
        first, last = self.coverage.first, self.coverage.last
        return first is None or last is None or first > self.start or last < self.end

    def fields(self) -> dict[str, object]:
        """The provenance as metadata fields (JSON types: text, booleans,
        lists, ``None``), for JSON and CSV output.

        Dates are ISO text; ``data_first`` and ``data_last`` are ``None``
        for data with no meetings.
        """
        first, last = self.coverage.first, self.coverage.last
        return {
            "generated": self.generated.isoformat(),
            "mappa_version": self.mappa_version,
            "holidays_version": self.holidays_version,
            "rulebook": self.rulebook,
            "targets": self.targets,
            "overrides": list(self.overrides),
            "inputs": list(self.inputs),
            "period": self.period,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "data_first": None if first is None else first.isoformat(),
            "data_last": None if last is None else last.isoformat(),
            "partial": self.partial,
            "attendance": self.coverage.attendance,
        }

    def lines(self) -> list[str]:
        """The provenance in words, a line each, for a table's or a page's footer."""
        lines = []
        if self.partial:
            lines.append(
                f"PARTIAL: the period ({long_date(self.start)} to "
                f"{long_date(self.end)}) is not wholly inside the data "
                f"({self.coverage.label}); figures near its edges are incomplete."
            )
        lines.append(f"Data: {'; '.join(self.inputs) or 'given in Python'}.")
        lines.append(f"Data range: {self.coverage.label}.")
        if not self.coverage.attendance:
            lines.append(
                "No attendance data: the attendance indicators are not counted."
            )
        lines.append(
            f"Period: {self.period} ({long_date(self.start)} to {long_date(self.end)})."
        )
        lines.append(f"Rules: {self.rulebook}. Targets: {self.targets}.")
        lines.append(
            "Local settings: "
            + ("; ".join(self.overrides) if self.overrides else "none")
            + "."
        )
        lines.append(
            "Working days: Scottish bank holidays from the holidays package "
            f"{self.holidays_version}."
        )
        lines.append(
            f"Generated {long_date(self.generated)} by mappa {self.mappa_version}."
        )
        return lines
