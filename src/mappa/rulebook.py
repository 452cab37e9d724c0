"""The rulebook: every number and period `mappa` uses, with its source.

Each :class:`Rule` has a stable dotted name, a description, a unit, the
counting convention of a period (:class:`~mappa.periods.Counting`), and one
or more :class:`RuleVersion` values, each with the date or edition it
applies from and its :class:`~mappa.sources.Citation`. Rules that changed
keep every value: the national performance targets were raised from 90% and
85% to 95%.

Every function in `mappa` that reads a rule takes a ``rulebook`` argument;
``None`` means :data:`DEFAULT_RULEBOOK`. To apply a local target or a
corrected reading, build a modified copy with :meth:`Rulebook.with_value`:

>>> from decimal import Decimal
>>> from mappa.rulebook import DEFAULT_RULEBOOK
>>> DEFAULT_RULEBOOK.value("minutes.final")
10
>>> DEFAULT_RULEBOOK.value("kpi.level3_reviews.target")
Decimal('95')
>>> DEFAULT_RULEBOOK.value("kpi.level3_reviews.target", edition="previous")
Decimal('90')
>>> local = DEFAULT_RULEBOOK.with_value(
...     "kpi.minutes_released.target", Decimal("92"), reason="local SOG target"
... )
>>> local.value("kpi.minutes_released.target")
Decimal('92')
>>> str(DEFAULT_RULEBOOK.citation("reviews.level3.interval"))
'MAPPA National Guidance (2023), para 11.30'

**Dates and editions.** ``on=date`` picks the newest version in force on
that date. Where a source gives no start date (the guidance changes the
targets without dating the change), a version's ``applies_from`` is
``None``: the newest such value answers for every date, and older values
are reached by ``edition``. A rule whose first version has a start date
raises :class:`~mappa.errors.RuleNotInForce` for earlier dates.

**Unconfirmed rules** carry ``unconfirmed=True`` and say so in their
description: our best reading, not yet checked against a primary source.
"""

from __future__ import annotations

import collections
import datetime as _dt
import difflib
import json
import os
import tomllib
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any, TypeAlias

import attrs

from mappa import _check, _rules
from mappa.errors import (
    InvalidTypeError,
    InvalidValueError,
    MappaError,
    RecordError,
    RuleNotInForce,
    UnknownNameError,
    UnknownRuleError,
)
from mappa.periods import Counting, Duration
from mappa.sources import Citation

__all__ = [
    "DEFAULT_RULEBOOK",
    "Rule",
    "RuleValue",
    "RuleVersion",
    "Rulebook",
]

RuleValue: TypeAlias = (
    int | Decimal | Duration | str | bool | tuple[int, ...] | tuple[str, ...]
)
"""The types a rule's value may take."""

_VALUE_TYPES = (int, Decimal, Duration, str, bool, tuple)


def _tuple_kind(value: tuple[object, ...]) -> type | None:
    """``int`` or ``str`` for a non-empty tuple of one of them, else ``None``."""
    if value and all(isinstance(i, int) and not isinstance(i, bool) for i in value):
        return int
    if value and all(isinstance(item, str) for item in value):
        return str
    return None


def _kind(value: object) -> object:
    """The type of a rule value, a tuple's item type included."""
    if isinstance(value, tuple):
        return (tuple, _tuple_kind(value))
    return type(value)


def _v_value(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, _VALUE_TYPES) or (
        isinstance(value, tuple) and _tuple_kind(value) is None
    ):
        raise InvalidTypeError(
            "RuleVersion.value must be an int, Decimal, Duration, str, bool or "
            f"a non-empty tuple of ints or of strs, not {type(value).__name__}",
            rule="RuleVersion.value",
        )


@attrs.frozen
class RuleVersion:
    """One value of a rule, with when it applies and where it comes from.

    Attributes:
        value: the rule's value (an ``int``, ``Decimal``, ``Duration``,
            ``str``, ``bool``, or a tuple of ints or of strs).
        citation: the source that sets it.
        edition: a label for this version (``"2023"``, ``"current"``,
            ``"previous"``, ``"local"``).
        applies_from: the first date it applies, or ``None`` where the
            source does not date it.
        note: how we read the source, where a reading was needed.
    """

    value: RuleValue = attrs.field(validator=_v_value)
    citation: Citation = attrs.field(validator=_check.v_instance(Citation))
    edition: str = attrs.field(validator=_check.v_text)
    applies_from: _dt.date | None = attrs.field(
        default=None, validator=_check.v_optional_date
    )
    note: str | None = attrs.field(default=None, validator=_check.v_optional_text)


def _v_versions(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    _check.v_tuple_of(RuleVersion)(instance, attribute, value)
    versions: tuple[RuleVersion, ...] = value  # type: ignore[assignment]  # checked above
    if not versions:
        raise InvalidValueError(
            "a Rule needs at least one version", rule="Rule.versions"
        )
    editions = [version.edition for version in versions]
    if len(set(editions)) != len(editions):
        raise InvalidValueError(
            "a Rule's versions must have distinct editions", rule="Rule.versions"
        )
    kinds = {repr(_kind(version.value)) for version in versions}
    if len(kinds) != 1:
        raise InvalidTypeError(
            "all versions of a Rule must have values of one type", rule="Rule.versions"
        )
    dated = [v.applies_from for v in versions if v.applies_from is not None]
    if dated != sorted(dated):
        raise InvalidValueError(
            "a Rule's dated versions must be in date order", rule="Rule.versions"
        )


@attrs.frozen
class Rule:
    """A named rule: its description, unit, counting convention and versions.

    Attributes:
        name: the dotted name (``"reviews.level3.interval"``).
        description: what the rule says, in one sentence.
        unit: what the value measures (``"weeks"``, ``"working days"``,
            ``"percent"``, ``"rank"``...).
        versions: every value it has had, oldest first; the last is current.
        counting: for a period, how it is counted from its start date.
        unconfirmed: True where the value is our best reading, not yet
            confirmed against a primary source.
    """

    name: str = attrs.field(validator=_check.v_text)
    description: str = attrs.field(validator=_check.v_text)
    unit: str = attrs.field(validator=_check.v_text)
    versions: tuple[RuleVersion, ...] = attrs.field(validator=_v_versions)
    counting: Counting | None = attrs.field(
        default=None, validator=_check.v_optional_instance(Counting)
    )
    unconfirmed: bool = attrs.field(default=False, validator=_check.v_bool)

    @property
    def current(self) -> RuleVersion:
        """The newest version."""
        return self.versions[-1]

    @property
    def in_force_from(self) -> _dt.date | None:
        """The first date the rule applies, if the sources date it."""
        return self.versions[0].applies_from

    def version(
        self, *, on: _dt.date | None = None, edition: str | None = None
    ) -> RuleVersion:
        """The version in force *on* a date, or the one of an *edition*.

        With neither, the current version. Raises
        :class:`~mappa.errors.RuleNotInForce` for a date before the rule
        applied, and :class:`~mappa.errors.UnknownNameError` for an edition
        the rule does not have.
        """
        on = _check.ensure_optional_date(on, "on")
        edition = _check.ensure_optional_str(edition, "edition")
        if edition is not None:
            for version in self.versions:
                if version.edition == edition:
                    if (
                        on is not None
                        and version.applies_from is not None
                        and on < version.applies_from
                    ):
                        raise RuleNotInForce(
                            f"rule {self.name!r} edition {edition!r} applies from "
                            f"{version.applies_from.isoformat()}",
                            rule=self.name,
                            value=on,
                        )
                    return version
            raise UnknownNameError(
                f"rule {self.name!r} has no such edition; it has "
                f"{', '.join(repr(v.edition) for v in self.versions)}",
                rule=self.name,
                value=edition,
                suggestions=tuple(v.edition for v in self.versions),
            )
        if on is None:
            return self.current
        first = self.in_force_from
        if first is not None and on < first:
            raise RuleNotInForce(
                f"rule {self.name!r} applies from {first.isoformat()}, "
                f"not on {on.isoformat()}",
                rule=self.name,
                value=on,
            )
        chosen = self.versions[0]
        for version in self.versions[1:]:
            if version.applies_from is None or version.applies_from <= on:
                chosen = version
        return chosen


def _v_rules(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check.v_tuple_of(Rule)(instance, attribute, value)
    names = collections.Counter(rule.name for rule in value)  # type: ignore[attr-defined]  # checked above
    duplicates = sorted(name for name, count in names.items() if count > 1)
    if duplicates:
        raise InvalidValueError(
            f"a Rulebook's rule names must be unique; repeated: {', '.join(duplicates)}",
            rule="Rulebook.rules",
        )


class _RulebookSlot:
    """Holds a rulebook's index by name outside attrs' fields (private)."""

    __slots__ = ("_index_slot",)
    _index_slot: Mapping[str, Rule]


@attrs.frozen(repr=False)
class Rulebook(_RulebookSlot):
    """An immutable, ordered collection of :class:`Rule` objects.

    Build one from rules, or modify the default with :meth:`with_value`,
    :meth:`with_rule` or :meth:`with_overrides`. Iterating yields the rules
    in order.

    Attributes:
        rules: the rules, in order.
        on: the date every read is *as at* when a read gives no date of its
            own, or ``None`` for each rule's current version. Set it with
            :meth:`as_at`; the functions of `mappa` set it to the date of the
            event their answer is about.
    """

    rules: tuple[Rule, ...] = attrs.field(validator=_v_rules)
    on: _dt.date | None = attrs.field(
        default=None, validator=_check.v_optional_date, kw_only=True
    )

    def __repr__(self) -> str:
        # A rulebook holds every rule: its repr counts them.
        on = "" if self.on is None else f", on={self.on.isoformat()}"
        return f"Rulebook(<{len(self.rules)} rules>{on})"

    def as_at(self, on: _dt.date) -> Rulebook:
        """This rulebook read as at *on*: a read with no date of its own
        gets the version in force on that date, so a version that starts
        later changes nothing.

        >>> import datetime as dt
        >>> later = DEFAULT_RULEBOOK.with_value(
        ...     "minutes.final", 15, reason="a later target",
        ...     applies_from=dt.date(2031, 1, 1),
        ... )
        >>> later.value("minutes.final"), later.as_at(dt.date(2025, 12, 18)).value("minutes.final")
        (15, 10)
        """
        on = _check.ensure_date(on, "on")
        if on == self.on:
            return self
        # The same rules, already checked: skip the validators (this runs
        # once per event, in loops over whole caseloads).
        pinned: Rulebook = object.__new__(Rulebook)
        object.__setattr__(pinned, "rules", self.rules)
        object.__setattr__(pinned, "on", on)
        object.__setattr__(pinned, "_index_slot", self._index)
        return pinned

    def __attrs_post_init__(self) -> None:
        # Validators have run by now, so every rule is a Rule.
        object.__setattr__(
            self, "_index_slot", {rule.name: rule for rule in self.rules}
        )

    @property
    def _index(self) -> Mapping[str, Rule]:
        try:
            return self._index_slot
        except AttributeError:  # a copy made by pickle: index it again
            self.__attrs_post_init__()
            return self._index_slot

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        # IPython and Hypothesis print with this: the short repr, not every field.
        printer.text(repr(self))

    def __len__(self) -> int:
        return len(self.rules)

    def __contains__(self, name: object) -> bool:
        return name in self._index

    @property
    def names(self) -> tuple[str, ...]:
        """Every rule's name, in order."""
        return tuple(rule.name for rule in self.rules)

    def rule(self, name: str) -> Rule:
        """The rule called *name*; :class:`~mappa.errors.UnknownRuleError` if none.

        >>> DEFAULT_RULEBOOK.rule("minutes.final").unit
        'working days'
        """
        name = _check.ensure_str(name, "name")
        try:
            return self._index[name]
        except KeyError:
            close = tuple(difflib.get_close_matches(name, self._index, n=3))
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise UnknownRuleError(
                f"the rulebook has no rule of that name{hint}",
                rule="rulebook",
                value=name,
                suggestions=close,
            ) from None

    def version(
        self, name: str, *, on: _dt.date | None = None, edition: str | None = None
    ) -> RuleVersion:
        """The version of rule *name* in force *on* a date (or of an *edition*).

        With no *on*, the rulebook's own date (:attr:`on`), if it has one.
        """
        return self.rule(name).version(
            on=self.on if on is None else on, edition=edition
        )

    def value(
        self, name: str, *, on: _dt.date | None = None, edition: str | None = None
    ) -> RuleValue:
        """The value of rule *name* (see :meth:`Rule.version`)."""
        return self.version(name, on=on, edition=edition).value

    def citation(
        self, name: str, *, on: _dt.date | None = None, edition: str | None = None
    ) -> Citation:
        """The citation of rule *name*'s version in force."""
        return self.version(name, on=on, edition=edition).citation

    def _typed(
        self, name: str, kind: type[Any], on: _dt.date | None, edition: str | None
    ) -> Any:
        value = self.value(name, on=on, edition=edition)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise InvalidTypeError(
                f"rule {name!r} must hold a {kind.__name__}, "
                f"not {type(value).__name__}",
                rule=name,
            )
        return value

    def duration(
        self, name: str, *, on: _dt.date | None = None, edition: str | None = None
    ) -> Duration:
        """The value of rule *name*, which must be a :class:`Duration`."""
        result: Duration = self._typed(name, Duration, on, edition)
        return result

    def integer(
        self, name: str, *, on: _dt.date | None = None, edition: str | None = None
    ) -> int:
        """The value of rule *name*, which must be an ``int``."""
        result: int = self._typed(name, int, on, edition)
        return result

    def decimal(
        self, name: str, *, on: _dt.date | None = None, edition: str | None = None
    ) -> Decimal:
        """The value of rule *name*, which must be a ``Decimal``."""
        result: Decimal = self._typed(name, Decimal, on, edition)
        return result

    def text(
        self, name: str, *, on: _dt.date | None = None, edition: str | None = None
    ) -> str:
        """The value of rule *name*, which must be a ``str``."""
        result: str = self._typed(name, str, on, edition)
        return result

    def integers(
        self, name: str, *, on: _dt.date | None = None, edition: str | None = None
    ) -> tuple[int, ...]:
        """The value of rule *name*, which must be a tuple of ints."""
        value = self.value(name, on=on, edition=edition)
        if not isinstance(value, tuple) or _tuple_kind(value) is not int:
            raise InvalidTypeError(
                f"rule {name!r} must hold a tuple of ints, not {type(value).__name__}",
                rule=name,
            )
        return value  # type: ignore[return-value]  # checked: a tuple of ints

    def texts(
        self, name: str, *, on: _dt.date | None = None, edition: str | None = None
    ) -> tuple[str, ...]:
        """The value of rule *name*, which must be a tuple of strs."""
        value = self.value(name, on=on, edition=edition)
        if not isinstance(value, tuple) or _tuple_kind(value) is not str:
            raise InvalidTypeError(
                f"rule {name!r} must hold a tuple of strs, not {type(value).__name__}",
                rule=name,
            )
        return value  # type: ignore[return-value]  # checked: a tuple of strs

    def counting(self, name: str) -> Counting:
        """The counting convention of period rule *name*."""
        rule = self.rule(name)
        if rule.counting is None:
            raise InvalidValueError(
                f"rule {name!r} is not a period and has no counting convention",
                rule=name,
            )
        return rule.counting

    def with_rule(self, rule: Rule) -> Rulebook:
        """A copy with *rule* replacing the rule of the same name (or added)."""
        rule = _check.ensure_instance(rule, Rule, "rule")
        if rule.name in self._index:
            return Rulebook(
                tuple(rule if r.name == rule.name else r for r in self.rules),
                on=self.on,
            )
        return Rulebook((*self.rules, rule), on=self.on)

    def with_value(
        self,
        name: str,
        value: RuleValue,
        *,
        reason: str,
        citation: Citation | None = None,
        applies_from: _dt.date | None = None,
        edition: str = "local",
    ) -> Rulebook:
        """A copy in which rule *name* has *value* as its newest version.

        The earlier versions are kept. *reason* records why (``"local SOG
        target"``); *citation* defaults to a citation of that reason. The new
        value must have the same type as the rule's current one.
        """
        rule = self.rule(name)
        reason = _check.ensure_str(reason, "reason")
        citation = _check.ensure_optional_instance(citation, Citation, "citation")
        current = rule.current.value
        if _kind(value) != _kind(current):
            raise InvalidTypeError(
                f"rule {name!r} holds a {type(current).__name__}, "
                f"not {type(value).__name__}",
                rule=name,
            )
        version = RuleVersion(
            value=value,
            citation=citation
            or Citation(document="Caller's rulebook", edition=edition, pinpoint=reason),
            edition=edition,
            applies_from=applies_from,
            note=reason,
        )
        kept = tuple(v for v in rule.versions if v.edition != edition)
        return self.with_rule(attrs.evolve(rule, versions=(*kept, version)))

    def with_overrides(self, path: str | os.PathLike[str]) -> Rulebook:
        """A copy with the overrides listed in a TOML or JSON file applied.

        A council keeps its local targets and readings in a file, one entry
        per override, each with ``rule`` (the rule's name), ``value``,
        ``reason`` and, optionally, ``applies_from`` (a date) and
        ``edition`` (default ``"local"``). In TOML, each entry is an
        ``[[override]]`` table; in JSON, the file holds
        ``{"override": [...]}``. Entries apply in order, each as
        :meth:`with_value` would. A value is written as the rule holds it: a
        whole number, a percentage as a string (``"92"``), a period as a
        table of ``years``, ``months``, ``weeks`` and ``days``, a list of
        whole numbers or of strings.

        A bad entry raises :class:`~mappa.errors.RecordError` naming the
        file, the entry's number and the key at fault, never the value (a
        file may hold anything); an unknown rule name raises it too.

        >>> import pathlib, tempfile
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "local.toml").write_text(
        ...     '[[override]]\\n'
        ...     'rule = "kpi.minutes_released.target"\\n'
        ...     'value = "92"\\n'
        ...     'applies_from = 2026-04-01\\n'
        ...     'reason = "SOG target for 2026/27"\\n'
        ... )
        >>> import datetime as dt
        >>> local = DEFAULT_RULEBOOK.with_overrides(folder / "local.toml")
        >>> local.value("kpi.minutes_released.target", on=dt.date(2026, 4, 1))
        Decimal('92')
        >>> local.value("kpi.minutes_released.target", on=dt.date(2026, 3, 31))
        Decimal('90')
        """
        if not isinstance(path, str | os.PathLike):
            raise InvalidTypeError(
                f"path must be a file name or path, not {_check.type_name(path)}",
                rule="path",
            )
        name = os.fspath(path)
        if not isinstance(name, str):
            raise InvalidTypeError("a file name must be text, not bytes", rule="path")
        entries = _override_entries(name)
        book = self
        for number, entry in enumerate(entries, start=1):
            book = _apply_override(book, entry, name, number)
        return book


# -- overrides from a file -----------------------------------------------------

_OVERRIDE_KEYS = frozenset({"rule", "value", "reason", "applies_from", "edition"})


def _override_entries(name: str) -> list[object]:
    suffix = os.path.splitext(name)[1].lower()
    if suffix not in (".toml", ".json"):
        raise RecordError(
            "an overrides file must be TOML (.toml) or JSON (.json)", source=name
        )
    try:
        with open(name, "rb") as stream:
            raw = stream.read()
    except OSError as error:
        raise RecordError(
            f"cannot read the file: {error.strerror or type(error).__name__}",
            source=name,
        ) from None
    try:
        data: object = (
            tomllib.loads(raw.decode("utf-8"))
            if suffix == ".toml"
            else json.loads(raw.decode("utf-8"))
        )
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, json.JSONDecodeError):
        # The parsers' messages quote the file's text: never repeat them.
        raise RecordError(
            f"the file is not valid {'TOML' if suffix == '.toml' else 'JSON'} text",
            source=name,
        ) from None
    entries = data.get("override") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise RecordError(
            "expected a list of overrides under the key 'override'", source=name
        )
    return entries


def _override_value(current: RuleValue, raw: object) -> RuleValue | None:
    """*raw* as a value of *current*'s kind, or ``None`` if it cannot be one."""
    if isinstance(current, bool):
        return raw if isinstance(raw, bool) else None
    if isinstance(current, int):
        return raw if isinstance(raw, int) and not isinstance(raw, bool) else None
    if isinstance(current, Decimal):
        if isinstance(raw, int) and not isinstance(raw, bool):
            return Decimal(raw)
        if isinstance(raw, str):
            try:
                number = Decimal(raw)
            except ArithmeticError:
                return None
            return number if number.is_finite() else None
        return None
    if isinstance(current, Duration):
        if (
            not isinstance(raw, dict)
            or not raw
            or set(raw)
            - {
                "years",
                "months",
                "weeks",
                "days",
            }
        ):
            return None
        try:
            return Duration(**raw)
        except (InvalidValueError, TypeError):
            return None
    if isinstance(current, str):
        return raw if isinstance(raw, str) and raw.strip() else None
    # a tuple of ints or of strs
    if not isinstance(raw, list):
        return None
    candidate = tuple(raw)
    return candidate if _tuple_kind(candidate) is _tuple_kind(current) else None


def _apply_override(book: Rulebook, entry: object, name: str, number: int) -> Rulebook:
    def bad(message: str, key: str | None = None) -> RecordError:
        return RecordError(message, source=name, row=number, column=key)

    if not isinstance(entry, dict):
        raise bad("an override must be a table of keys")
    unknown = set(entry) - _OVERRIDE_KEYS
    if unknown:
        raise bad(
            f"an override has {len(unknown)} unknown key(s); the keys are "
            + ", ".join(sorted(_OVERRIDE_KEYS))
        )
    for key in ("rule", "value", "reason"):
        if key not in entry:
            raise bad("missing", key)
    rule_name = entry["rule"]
    if not isinstance(rule_name, str) or rule_name not in book:
        raise bad("not a rule of the rulebook", "rule")
    reason = entry["reason"]
    if not isinstance(reason, str) or not reason.strip():
        raise bad("must be a non-empty string", "reason")
    edition = entry.get("edition", "local")
    if not isinstance(edition, str) or not edition.strip():
        raise bad("must be a non-empty string", "edition")
    applies_from = entry.get("applies_from")
    if isinstance(applies_from, str):
        try:
            applies_from = _dt.date.fromisoformat(applies_from)
        except ValueError:
            raise bad("must be a date, YYYY-MM-DD", "applies_from") from None
    if applies_from is not None and (
        not isinstance(applies_from, _dt.date) or isinstance(applies_from, _dt.datetime)
    ):
        raise bad("must be a date, YYYY-MM-DD", "applies_from")
    rule = book.rule(rule_name)
    value = _override_value(rule.current.value, entry["value"])
    if value is None:
        raise bad(
            f"must be a value of the kind rule {rule_name!r} holds "
            f"({type(rule.current.value).__name__})",
            "value",
        )
    try:
        return book.with_value(
            rule_name, value, reason=reason, applies_from=applies_from, edition=edition
        )
    except MappaError as error:
        # e.g. a date out of order with the rule's versions
        raise bad(f"cannot apply it: {type(error).__name__}", "applies_from") from None


def _build(entry: _rules.Entry) -> Rule:
    return Rule(
        name=entry.name,
        description=entry.description,
        unit=entry.unit,
        versions=tuple(
            RuleVersion(
                value=version.value,
                citation=version.citation,
                edition=version.edition,
                applies_from=version.applies_from,
                note=version.note,
            )
            for version in entry.versions
        ),
        counting=entry.counting,
        unconfirmed=entry.unconfirmed,
    )


DEFAULT_RULEBOOK = Rulebook(tuple(_build(entry) for entry in _rules.RULES))
"""The rulebook every function uses unless given another: the rules of
:mod:`mappa._rules`, each beside its citation."""


def resolve(rulebook: object, on: _dt.date | None = None) -> Rulebook:
    """*rulebook* (:data:`DEFAULT_RULEBOOK` for ``None``) read as at a date
    (private helper).

    *on* is the date of the event an answer is about. Without one, a
    rulebook already read as at a date (:meth:`Rulebook.as_at`) keeps it,
    and any other is read as at today: a version that starts later never
    decides.
    """
    book = (
        DEFAULT_RULEBOOK
        if rulebook is None
        else _check.ensure_instance(rulebook, Rulebook, "rulebook")
    )
    if on is not None:
        return book.as_at(on)
    if book.on is not None:
        return book
    return book.as_at(_dt.date.today())
