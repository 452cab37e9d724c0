"""The MAPPA framework: categories, levels and areas.

People are managed under MAPPA in one of three :class:`Category` values and
at one of three :class:`Level` values. Category 3 (other risk of serious
harm) is never managed at level 1: :func:`check_level` enforces that from the
rulebook. Scotland's 32 local authorities form 10 MAPPA areas; :func:`area_of`
finds a council's area, forgiving case, spacing and common forms of the name.

>>> from mappa.framework import Category, Level, area_of, check_level, permitted_levels
>>> sorted(permitted_levels(Category.OTHER_RISK_OF_SERIOUS_HARM))
[<Level.MULTI_AGENCY: 2>, <Level.MAPPP: 3>]
>>> check_level(Category.OTHER_RISK_OF_SERIOUS_HARM, Level.ROUTINE)
Traceback (most recent call last):
...
mappa.errors.LevelNotPermitted: category 3 (other risk of serious harm) may not be managed at level 1 (routine risk management); permitted: 2, 3 [MAPPA National Guidance (2023), para 9.4]
>>> area_of("City of Edinburgh Council").name
'Lothian and Borders'
>>> area_of("Western Isles").name
'Highland and Islands'

**The area table is reconstructed.** Annex 1 of the national guidance lists
which council sits in which area; we could not read it, so
:data:`DEFAULT_AREA_TABLE` is rebuilt from the areas' annual reports
(:data:`AREA_TABLE_SOURCE`). Pass your own :class:`AreaTable` where it
differs.

More information:

* MAPPA National Guidance (2023), para 4.3 (levels), para 9.4 (category 3 at level 2 or 3) and para 18.1 (areas).
* Local authority names: as the councils style themselves today.
"""

from __future__ import annotations

import difflib
import enum
import re
from collections.abc import Mapping
from typing import Any

import attrs

from mappa import _check
from mappa.errors import (
    InvalidTypeError,
    InvalidValueError,
    LevelNotPermitted,
    UnknownNameError,
)
from mappa.rulebook import DEFAULT_RULEBOOK, Rulebook, resolve

__all__ = [
    "AREAS",
    "AREA_TABLE_SOURCE",
    "Area",
    "AreaTable",
    "Category",
    "DEFAULT_AREA_TABLE",
    "LOCAL_AUTHORITIES",
    "Level",
    "area_of",
    "check_level",
    "permitted_levels",
]


class Category(enum.IntEnum):
    """The three MAPPA categories (guidance chapters 5, 9 and 10)."""

    REGISTERED_SEX_OFFENDER = 1
    """Subject to the notification requirements of the Sexual Offences Act 2003 Part 2."""
    RESTRICTED_PATIENT = 2
    """A mentally disordered restricted patient."""
    OTHER_RISK_OF_SERIOUS_HARM = 3
    """Convicted, supervised in the community, and assessed as a risk of serious harm."""

    @property
    def label(self) -> str:
        """A readable name: ``'registered sex offender'``."""
        return self.name.lower().replace("_", " ")

    def __str__(self) -> str:
        return f"category {self.value} ({self.label})"


class Level(enum.IntEnum):
    """The three MAPPA management levels (guidance para 4.3)."""

    ROUTINE = 1
    """Level 1: routine risk management by one or two agencies."""
    MULTI_AGENCY = 2
    """Level 2: multi-agency risk management."""
    MAPPP = 3
    """Level 3: the Multi Agency Public Protection Panel, for the critical few."""

    @property
    def label(self) -> str:
        """A readable name: ``'multi-agency risk management'`` (rule
        ``levels.labels`` of the default rulebook)."""
        return DEFAULT_RULEBOOK.texts("levels.labels")[self.value - 1]

    def __str__(self) -> str:
        return f"level {self.value} ({self.label})"


def _levels_rule(category: Category) -> str:
    return f"levels.category_{category.value}"


def permitted_levels(
    category: Category, *, rulebook: Rulebook | None = None
) -> frozenset[Level]:
    """The levels at which a case of *category* may be managed.

    The rule is read as at today, or as at the date of a rulebook from
    :meth:`~mappa.rulebook.Rulebook.as_at` (pass the case's date).

    >>> sorted(permitted_levels(Category.RESTRICTED_PATIENT))
    [<Level.ROUTINE: 1>, <Level.MULTI_AGENCY: 2>, <Level.MAPPP: 3>]
    """
    category = _check.ensure_member(category, Category, "category")
    book = resolve(rulebook)
    values = book.integers(_levels_rule(category))
    try:
        return frozenset(Level(value) for value in values)
    except ValueError:
        raise InvalidValueError(
            f"rule {_levels_rule(category)!r} names a level that does not exist",
            rule=_levels_rule(category),
            value=values,
        ) from None


def check_level(
    category: Category, level: Level, *, rulebook: Rulebook | None = None
) -> Level:
    """*level*, if a case of *category* may be managed at it.

    Raises :class:`~mappa.errors.LevelNotPermitted` (a ``ValueError``)
    otherwise, citing the rule. Read as :func:`permitted_levels` reads it.
    """
    category = _check.ensure_member(category, Category, "category")
    level = _check.ensure_member(level, Level, "level")
    book = resolve(rulebook)
    allowed = permitted_levels(category, rulebook=book)
    if level not in allowed:
        name = _levels_rule(category)
        raise LevelNotPermitted(
            f"{category} may not be managed at {level}; permitted: "
            f"{', '.join(str(int(x)) for x in sorted(allowed))} "
            f"[{book.citation(name)}]",
            rule=name,
            value=int(level),
        )
    return level


# -- areas --------------------------------------------------------------------


def _normalise(name: str) -> str:
    """A lookup key: lower case, '&' as 'and', no punctuation or filler words."""
    text = name.lower().replace("&", " and ")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    words = [
        word
        for word in text.split()
        if word
        not in {"council", "the", "of", "city", "comhairle", "nan", "mappa", "area"}
    ]
    return " ".join(words)


@attrs.frozen
class Area:
    """A MAPPA area: a Strategic Oversight Group's territory.

    Attributes:
        name: the area's name (``"Lothian and Borders"``).
        local_authorities: the official names of the councils in it.
    """

    name: str = attrs.field(validator=_check.v_text)
    local_authorities: tuple[str, ...] = attrs.field(validator=_check.v_tuple_of(str))

    def __attrs_post_init__(self) -> None:
        if not self.local_authorities:
            raise InvalidValueError(
                "an Area needs at least one local authority",
                rule="Area.local_authorities",
            )

    def __str__(self) -> str:
        return self.name


def _v_areas(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check.v_tuple_of(Area)(instance, attribute, value)
    areas: tuple[Area, ...] = value  # type: ignore[assignment]  # checked above
    names = [area.name for area in areas]
    councils = [la for area in areas for la in area.local_authorities]
    for label, items in (("area", names), ("local authority", councils)):
        seen: set[str] = set()
        for item in items:
            key = _normalise(item)
            if key in seen:
                raise InvalidValueError(
                    f"AreaTable lists the {label} {item!r} twice",
                    rule="AreaTable.areas",
                    value=item,
                )
            seen.add(key)


def _v_aliases(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise InvalidTypeError(
            "AreaTable.aliases must be a mapping of str to str",
            rule="AreaTable.aliases",
        )


class _AreaTableSlot:
    """Holds a table's lookup keys outside attrs' fields (private)."""

    __slots__ = ("_keys_slot",)
    _keys_slot: Mapping[str, Area]


@attrs.frozen(repr=False)
class AreaTable(_AreaTableSlot):
    """Which local authority belongs to which MAPPA area.

    Attributes:
        areas: the areas, each with its councils.
        aliases: other names for a council (``"Western Isles"``) mapped to
            its official name.
        source: where the table comes from.
    """

    areas: tuple[Area, ...] = attrs.field(validator=_v_areas)
    aliases: Mapping[str, str] = attrs.field(factory=dict, validator=_v_aliases)
    source: str = attrs.field(default="supplied by the caller", validator=_check.v_text)

    def __repr__(self) -> str:
        councils = sum(len(area.local_authorities) for area in self.areas)
        return (
            f"AreaTable(<{len(self.areas)} areas, {councils} local authorities, "
            f"{len(self.aliases)} aliases>, source={self.source!r})"
        )

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        # IPython and Hypothesis print with this: the short repr, not every field.
        printer.text(repr(self))

    def __attrs_post_init__(self) -> None:
        # Validators have run by now, so the areas and aliases are well typed.
        object.__setattr__(self, "_keys_slot", self._build_keys())

    @property
    def _keys(self) -> Mapping[str, Area]:
        try:
            return self._keys_slot
        except AttributeError:  # a copy made by pickle: build them again
            self.__attrs_post_init__()
            return self._keys_slot

    def _build_keys(self) -> Mapping[str, Area]:
        keys: dict[str, Area] = {}
        by_council: dict[str, Area] = {}
        for area in self.areas:
            for council in area.local_authorities:
                by_council[_normalise(council)] = area
        keys.update(by_council)
        for area in self.areas:
            keys.setdefault(_normalise(area.name), area)
        for alias, official in self.aliases.items():
            target = by_council.get(_normalise(official))
            if target is None:
                raise InvalidValueError(
                    f"alias {alias!r} names {official!r}, which is in no area",
                    rule="AreaTable.aliases",
                    value=official,
                )
            keys[_normalise(alias)] = target
        return keys

    @property
    def local_authorities(self) -> tuple[str, ...]:
        """Every council's official name, area by area."""
        return tuple(la for area in self.areas for la in area.local_authorities)

    def area(self, name: str) -> Area:
        """The area of council (or area) *name*; see :func:`area_of`."""
        name = _check.ensure_str(name, "name")
        key = _normalise(name)
        found = self._keys.get(key)
        if found is not None:
            return found
        choices = {
            _normalise(n): n
            for n in (*self.local_authorities, *(a.name for a in self.areas))
        }
        close = tuple(
            choices[k] for k in difflib.get_close_matches(key, choices, n=3, cutoff=0.6)
        )
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise UnknownNameError(
            f"not the name of a Scottish local authority or MAPPA area{hint}",
            rule="framework.areas",
            value=name[:60],
            suggestions=close,
        )


AREA_TABLE_SOURCE = (
    "Reconstructed (unconfirmed): MAPPA National Guidance Annex 1 could not be "
    "read; rebuilt from the ten areas' MAPPA annual reports. It lists 32 "
    "councils in 10 areas (guidance para 18.1)."
)
"""Where :data:`DEFAULT_AREA_TABLE` comes from."""

DEFAULT_AREA_TABLE = AreaTable(
    areas=(
        Area("Glasgow", ("Glasgow City Council",)),
        Area("Lanarkshire", ("North Lanarkshire Council", "South Lanarkshire Council")),
        Area(
            "North Strathclyde",
            (
                "Argyll and Bute Council",
                "East Dunbartonshire Council",
                "West Dunbartonshire Council",
                "East Renfrewshire Council",
                "Inverclyde Council",
                "Renfrewshire Council",
            ),
        ),
        Area(
            "South West Scotland",
            (
                "East Ayrshire Council",
                "North Ayrshire Council",
                "South Ayrshire Council",
                "Dumfries and Galloway Council",
            ),
        ),
        Area(
            "Lothian and Borders",
            (
                "City of Edinburgh Council",
                "East Lothian Council",
                "Midlothian Council",
                "West Lothian Council",
                "Scottish Borders Council",
            ),
        ),
        Area(
            "Forth Valley",
            ("Clackmannanshire Council", "Falkirk Council", "Stirling Council"),
        ),
        Area("Fife", ("Fife Council",)),
        Area(
            "Tayside",
            ("Angus Council", "Dundee City Council", "Perth and Kinross Council"),
        ),
        Area(
            "Grampian",
            ("Aberdeen City Council", "Aberdeenshire Council", "Moray Council"),
        ),
        Area(
            "Highland and Islands",
            (
                "The Highland Council",
                "Orkney Islands Council",
                "Shetland Islands Council",
                "Comhairle nan Eilean Siar",
            ),
        ),
    ),
    aliases={
        "Western Isles": "Comhairle nan Eilean Siar",
        "Na h-Eileanan Siar": "Comhairle nan Eilean Siar",
        "Na h-Eileanan an Iar": "Comhairle nan Eilean Siar",
        "Edinburgh": "City of Edinburgh Council",
        "Glasgow City": "Glasgow City Council",
        "Dundee": "Dundee City Council",
        "Aberdeen": "Aberdeen City Council",
        "Orkney": "Orkney Islands Council",
        "Shetland": "Shetland Islands Council",
        "Borders": "Scottish Borders Council",
        "Argyll": "Argyll and Bute Council",
        "Perthshire": "Perth and Kinross Council",
    },
    source=AREA_TABLE_SOURCE,
)
"""The default (reconstructed) table of areas and councils."""

if len(DEFAULT_AREA_TABLE.areas) != DEFAULT_RULEBOOK.integer("framework.areas") or (
    len(DEFAULT_AREA_TABLE.local_authorities)
    != DEFAULT_RULEBOOK.integer("framework.local_authorities")
):  # pragma: no cover - a guard on the data above, which the tests pin
    raise InvalidValueError(
        "the default area table disagrees with the rulebook's counts",
        rule="framework.areas",
    )

AREAS: tuple[Area, ...] = DEFAULT_AREA_TABLE.areas
"""The 10 MAPPA areas of the default table."""

LOCAL_AUTHORITIES: tuple[str, ...] = DEFAULT_AREA_TABLE.local_authorities
"""The 32 local authorities' official names."""


def area_of(name: str, *, area_table: AreaTable | None = None) -> Area:
    """The MAPPA area of a council, by any common form of its name.

    Case, spacing, punctuation, "Council", "City of" and "&" are forgiven;
    an area's own name finds the area. An unknown name raises
    :class:`~mappa.errors.UnknownNameError` (a ``LookupError``) listing
    close matches. The message does not repeat the name given (a
    mis-keyed column could hold personal data); the error's ``value``
    attribute holds it for programs.

    >>> area_of("glasgow").name
    'Glasgow'
    >>> area_of("Perth & Kinross").name
    'Tayside'
    >>> area_of("Edinbrugh")
    Traceback (most recent call last):
    ...
    mappa.errors.UnknownNameError: not the name of a Scottish local authority or MAPPA area; did you mean 'City of Edinburgh Council'?
    """
    table = (
        DEFAULT_AREA_TABLE
        if area_table is None
        else _check.ensure_instance(area_table, AreaTable, "area_table")
    )
    return table.area(name)
