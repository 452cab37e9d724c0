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

import datetime as _dt
import difflib
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any, TypeAlias

import attrs

from mappa import _check
from mappa.errors import (
    InvalidTypeError,
    InvalidValueError,
    RuleNotInForce,
    UnknownNameError,
    UnknownRuleError,
)
from mappa.periods import Counting, Duration
from mappa.sources import (
    GLASGOW_MAPPA_PAGE,
    GUIDANCE,
    MANAGEMENT_OF_OFFENDERS_ACT_2005,
    NOTIFICATION_REGULATIONS_2013,
    SEXUAL_OFFENCES_ACT_2003,
    SOCIAL_WORK_ACT_1968,
    TRAVEL_NOTIFICATION_REGULATIONS_2004,
    UK_GDPR,
    Citation,
)

__all__ = [
    "DEFAULT_RULEBOOK",
    "Rule",
    "RuleValue",
    "RuleVersion",
    "Rulebook",
]

RuleValue: TypeAlias = int | Decimal | Duration | str | bool | tuple[int, ...]
"""The types a rule's value may take."""

_VALUE_TYPES = (int, Decimal, Duration, str, bool, tuple)


def _v_value(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, _VALUE_TYPES) or (
        isinstance(value, tuple)
        and not all(
            isinstance(item, int) and not isinstance(item, bool) for item in value
        )
    ):
        raise InvalidTypeError(
            "RuleVersion.value must be an int, Decimal, Duration, str, bool or "
            f"tuple of ints, not {type(value).__name__}",
            rule="RuleVersion.value",
        )


@attrs.frozen
class RuleVersion:
    """One value of a rule, with when it applies and where it comes from.

    Attributes:
        value: the rule's value (an ``int``, ``Decimal``, ``Duration``,
            ``str``, ``bool`` or tuple of ints).
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
    kinds = {type(version.value) for version in versions}
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
    names = [rule.name for rule in value]  # type: ignore[attr-defined]  # checked above
    duplicates = sorted({name for name in names if names.count(name) > 1})
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

    Build one from rules, or modify the default with :meth:`with_value` or
    :meth:`with_rule`. Iterating yields the rules in order.
    """

    rules: tuple[Rule, ...] = attrs.field(validator=_v_rules)

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

    def __repr__(self) -> str:
        # A rulebook holds every rule: its repr counts them.
        return f"Rulebook(<{len(self.rules)} rules>)"

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
        """The version of rule *name* in force *on* a date (or of an *edition*)."""
        return self.rule(name).version(on=on, edition=edition)

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
        result: tuple[int, ...] = self._typed(name, tuple, on, edition)
        return result

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
                tuple(rule if r.name == rule.name else r for r in self.rules)
            )
        return Rulebook((*self.rules, rule))

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
        if type(value) is not type(current):
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


# ---------------------------------------------------------------------------
# The default rulebook. Each entry cites the paragraph or section that sets
# it; sections 3-10 and 12 of our rules reference are all here.
# ---------------------------------------------------------------------------


def _rule(
    name: str,
    description: str,
    unit: str,
    value: RuleValue,
    citation: Citation,
    *,
    counting: Counting | None = None,
    unconfirmed: bool = False,
    edition: str = "current",
    applies_from: _dt.date | None = None,
    note: str | None = None,
) -> Rule:
    return Rule(
        name=name,
        description=description,
        unit=unit,
        versions=(
            RuleVersion(
                value=value,
                citation=citation,
                edition=edition,
                applies_from=applies_from,
                note=note,
            ),
        ),
        counting=counting,
        unconfirmed=unconfirmed,
    )


def _target(name: str, description: str, *values: tuple[str, Decimal]) -> Rule:
    citation = GLASGOW_MAPPA_PAGE.cite("National Performance Indicators")
    return Rule(
        name=name,
        description=description,
        unit="percent",
        versions=tuple(
            RuleVersion(
                value=value,
                citation=citation,
                edition=edition,
                note=(
                    "the date the target changed is not in our sources"
                    if len(values) > 1
                    else None
                ),
            )
            for edition, value in values
        ),
    )


def _soa(section: str, number: str) -> Citation:
    return SEXUAL_OFFENCES_ACT_2003.cite(
        section, url=f"https://www.legislation.gov.uk/ukpga/2003/42/section/{number}"
    )


_SOA_PART_2_IN_FORCE = _dt.date(2004, 5, 1)

_DEFAULT_RULES: tuple[Rule, ...] = (
    # -- framework: categories and levels ----------------------------------
    _rule(
        "levels.category_1",
        "MAPPA levels at which a category 1 (registered sex offender) case may be managed.",
        "levels",
        (1, 2, 3),
        GUIDANCE.cite("para 4.3"),
    ),
    _rule(
        "levels.category_2",
        "MAPPA levels at which a category 2 (restricted patient) case may be managed.",
        "levels",
        (1, 2, 3),
        GUIDANCE.cite("para 4.3"),
    ),
    _rule(
        "levels.category_3",
        "MAPPA levels for category 3 (other risk of serious harm): level 1 "
        "routine risk management is not applied to category 3.",
        "levels",
        (2, 3),
        GUIDANCE.cite("para 4.3"),
    ),
    _rule(
        "framework.areas",
        "Scotland's 32 local authorities are divided into 10 MAPPA areas.",
        "areas",
        10,
        GUIDANCE.cite("para 18.1"),
    ),
    _rule(
        "framework.local_authorities",
        "The number of Scottish local authorities grouped into MAPPA areas.",
        "local authorities",
        32,
        GUIDANCE.cite("para 18.1"),
    ),
    _rule(
        "years.start_month",
        "Reporting (and financial) years run for 12 months beginning with 1 April; "
        "this is the month they start (on day 1).",
        "month",
        4,
        MANAGEMENT_OF_OFFENDERS_ACT_2005.cite(
            "s.11(2)", url="https://www.legislation.gov.uk/asp/2005/14/section/11"
        ),
    ),
    _rule(
        "sog.meeting_interval",
        "A Strategic Oversight Group should meet quarterly.",
        "months",
        Duration(months=3),
        GUIDANCE.cite("para 18.15"),
        counting=Counting.AFTER,
    ),
    # -- reviews (section 4) -----------------------------------------------
    _rule(
        "reviews.level1.interval",
        "Level 1 has no national review interval: the frequency of review is "
        "agreed at the initial meeting and set by the lead agency, case by case.",
        "interval",
        "case by case",
        GUIDANCE.cite("paras 11.27-11.28, 11.30"),
    ),
    _rule(
        "reviews.level2.interval",
        "A level 2 case is reviewed no less than once every 12 weeks: the next "
        "review is due 84 days after the last meeting.",
        "weeks",
        Duration(weeks=12),
        GUIDANCE.cite("para 11.30"),
        counting=Counting.AFTER,
    ),
    _rule(
        "reviews.level3.interval",
        "A level 3 case is reviewed no less than once every 6 weeks: the next "
        "review is due 42 days after the last meeting.",
        "weeks",
        Duration(weeks=6),
        GUIDANCE.cite("para 11.30"),
        counting=Counting.AFTER,
    ),
    _rule(
        "reviews.olr_rmp.interval",
        "The risk management plan of a person subject to an Order for Lifelong "
        "Restriction is reviewed at least once a year: within the year "
        "beginning with the last review.",
        "years",
        Duration(years=1),
        GUIDANCE.cite("para 11.7"),
        counting=Counting.BEGINNING_WITH,
        note="'at least once a year' read as a period of one year beginning "
        "with the last review, so the next is due by the day before its anniversary",
    ),
    _rule(
        "reviews.initial_mappp.before_liberation",
        "The initial level 3 (MAPPP) meeting of a case in custody takes place "
        "4 weeks before liberation.",
        "weeks",
        Duration(weeks=4),
        GLASGOW_MAPPA_PAGE.cite("National Performance Indicators"),
        counting=Counting.BEFORE,
        note="read as: held on or before the date 28 days before liberation",
    ),
    # -- chairs (section 5) ------------------------------------------------
    _rule(
        "chairs.level1.police",
        "Minimum police rank to chair a level 1 meeting.",
        "rank",
        "SERGEANT",
        GUIDANCE.cite("para 11.32"),
    ),
    _rule(
        "chairs.level1.social_work",
        "Minimum Justice Social Work grade to chair a level 1 meeting.",
        "grade",
        "TEAM_LEADER",
        GUIDANCE.cite("para 11.32"),
    ),
    _rule(
        "chairs.level2.police",
        "Minimum police rank to chair a level 2 meeting.",
        "rank",
        "INSPECTOR",
        GUIDANCE.cite("para 11.33"),
    ),
    _rule(
        "chairs.level2.social_work",
        "Minimum Justice Social Work grade (or equivalent) to chair a level 2 meeting.",
        "grade",
        "SERVICE_MANAGER",
        GUIDANCE.cite("para 11.33"),
    ),
    _rule(
        "chairs.level3.police",
        "Minimum police rank to chair a level 3 meeting (Detective Superintendent).",
        "rank",
        "SUPERINTENDENT",
        GUIDANCE.cite("para 11.33"),
    ),
    _rule(
        "chairs.level3.social_work",
        "Minimum social work grade to chair a level 3 meeting.",
        "grade",
        "CHIEF_SOCIAL_WORK_OFFICER",
        GUIDANCE.cite("para 11.33"),
    ),
    _rule(
        "chairs.restricted_patients.health",
        "Meetings about restricted patients are likely to be chaired by suitably "
        "qualified health representatives experienced in the operation of MAPPA.",
        "flag",
        True,
        GUIDANCE.cite("para 11.33"),
        note="'likely to be chaired by' read as permitted and recommended, not "
        "required: a police or social work chair of the minimum rank may still "
        "chair; health chairs are not named for categories 1 and 3",
    ),
    # -- minutes (section 6) -----------------------------------------------
    _rule(
        "minutes.draft",
        "The draft minute and RMP are produced within 5 working days of the meeting.",
        "working days",
        5,
        GUIDANCE.cite("para 11.15"),
    ),
    _rule(
        "minutes.final",
        "The final minute and RMP are produced within a further 5 working "
        "days: 10 working days of the meeting in all.",
        "working days",
        10,
        GUIDANCE.cite("para 11.15"),
    ),
    # -- national performance indicators (section 7) ------------------------
    _target(
        "kpi.level3_reviews.target",
        "Level 3 cases reviewed no less than once every 6 weeks.",
        ("previous", Decimal("90")),
        ("current", Decimal("95")),
    ),
    _target(
        "kpi.level2_reviews.target",
        "Level 2 cases reviewed no less than once every 12 weeks.",
        ("previous", Decimal("85")),
        ("current", Decimal("95")),
    ),
    _target(
        "kpi.dtc_attendance.target",
        "Attendance by duty to co-operate agencies at an appropriate level of "
        "seniority when invited to level 2 and 3 meetings.",
        ("current", Decimal("90")),
    ),
    _target(
        "kpi.ra_attendance.target",
        "Attendance by police and social work at an agreed level of seniority "
        "at level 2 and 3 meetings, including risk management team meetings.",
        ("current", Decimal("90")),
    ),
    _target(
        "kpi.written_contributions.target",
        "Written contributions from Responsible Authorities and DTC agencies "
        "in cases of non-attendance.",
        ("current", Decimal("100")),
    ),
    _target(
        "kpi.pre_release_mappp.target",
        "Initial level 3 MAPPP meetings for cases in custody held 4 weeks "
        "before liberation.",
        ("current", Decimal("100")),
    ),
    _target(
        "kpi.minutes_released.target",
        "Level 2 and 3 minutes completed and released within 10 working days.",
        ("current", Decimal("90")),
    ),
    _target(
        "kpi.disclosure_recorded.target",
        "Disclosure considered and recorded in the minutes of level 2 and 3 meetings.",
        ("current", Decimal("100")),
    ),
    # -- significant case reviews (section 8): no numbers in the sources ----
    # -- intensive support packages (section 9) -----------------------------
    _rule(
        "isp.local_authority.minimum_share",
        "Local authorities fund at least 10% of an intensive support package "
        "(Social Work (Scotland) Act 1968 s.27 budget); the Scottish "
        "Government funds the rest.",
        "percent",
        Decimal("10"),
        GUIDANCE.cite("para 18.25"),
    ),
    _rule(
        "isp.approval_period",
        "Intensive support package funding is approved in advance, usually for "
        "six months at a time.",
        "months",
        Duration(months=6),
        GUIDANCE.cite("para 18.25"),
        counting=Counting.BEGINNING_WITH,
        note="an approval period beginning with its start date ends the day "
        "before the date six months later",
    ),
    _rule(
        "isp.local_authority.budget",
        "The local authority's part of an intensive support package is met "
        "from its section 27 budget.",
        "section",
        "s.27",
        SOCIAL_WORK_ACT_1968.cite(
            "s.27", url="https://www.legislation.gov.uk/ukpga/1968/49/section/27"
        ),
    ),
    # -- sex offender notification (section 10) -----------------------------
    # Checked against legislation.gov.uk: s.80(1)(d) (cautions: England and
    # Wales and Northern Ireland only), the s.82(1) table as amended, s.83(1),
    # s.84(1), s.85 as amended by the Criminal Justice and Licensing
    # (Scotland) Act 2010 s.102, ss.88B-88C inserted by SSI 2011/45, SSI
    # 2013/216 and Part 2's commencement in Scotland (SSI 2004/138, art. 2).
    _rule(
        "notification.caution",
        "A caution does not make a person subject to the notification "
        "requirements in Scotland: s.80(1)(d) applies in England and Wales "
        "and Northern Ireland only.",
        "flag",
        False,
        _soa("s.80(1)(d)", "80"),
        applies_from=_SOA_PART_2_IN_FORCE,
    ),
    _rule(
        "notification.period.indefinite",
        "Imprisonment for life or for a term of 30 months or more, an order for "
        "lifelong restriction, or admission to hospital subject to a "
        "restriction order gives an indefinite period beginning with the relevant date.",
        "period",
        "indefinite",
        _soa("s.82(1), table", "82"),
        applies_from=_SOA_PART_2_IN_FORCE,
    ),
    _rule(
        "notification.threshold.indefinite",
        "Imprisonment for 30 months or more gives an indefinite notification period.",
        "months",
        Duration(months=30),
        _soa("s.82(1), table", "82"),
        applies_from=_SOA_PART_2_IN_FORCE,
        note="a term with a days part is compared by the dates the term and "
        "30 months reach when both are counted from the relevant date; "
        "detention of young offenders counts as imprisonment (s.131)",
    ),
    _rule(
        "notification.threshold.short",
        "Imprisonment for 6 months or less gives 7 years; more than 6 months "
        "and less than 30 months gives 10 years.",
        "months",
        Duration(months=6),
        _soa("s.82(1), table", "82"),
        applies_from=_SOA_PART_2_IN_FORCE,
        note="a term with a days part is compared by the dates the term and "
        "6 months reach when both are counted from the relevant date",
    ),
    _rule(
        "notification.period.over_6_months",
        "Notification period for imprisonment of more than 6 months but less "
        "than 30 months.",
        "years",
        Duration(years=10),
        _soa("s.82(1), table", "82"),
        counting=Counting.BEGINNING_WITH,
        applies_from=_SOA_PART_2_IN_FORCE,
    ),
    _rule(
        "notification.period.up_to_6_months",
        "Notification period for imprisonment of 6 months or less.",
        "years",
        Duration(years=7),
        _soa("s.82(1), table", "82"),
        counting=Counting.BEGINNING_WITH,
        applies_from=_SOA_PART_2_IN_FORCE,
    ),
    _rule(
        "notification.period.hospital",
        "Notification period for admission to hospital without a restriction order.",
        "years",
        Duration(years=7),
        _soa("s.82(1), table", "82"),
        counting=Counting.BEGINNING_WITH,
        applies_from=_SOA_PART_2_IN_FORCE,
    ),
    _rule(
        "notification.period.community_payback",
        "For a community payback order imposing an offender supervision "
        "requirement, the notification period is the specified period for the "
        "offender supervision requirement.",
        "period",
        "the specified period for the offender supervision requirement",
        _soa("s.82(1), table, as amended", "82"),
        note="the row names no fixed number of years, so s.82(2) halving is "
        "not applied to it; the date the amendment took effect is not recorded here",
    ),
    _rule(
        "notification.period.other",
        "Notification period for any other description of relevant offender.",
        "years",
        Duration(years=5),
        _soa("s.82(1), table", "82"),
        counting=Counting.BEGINNING_WITH,
        applies_from=_SOA_PART_2_IN_FORCE,
    ),
    _rule(
        "notification.under_18.divisor",
        "For a person under 18 on the relevant date, the fixed notification "
        "periods of 10, 7 and 5 years are halved.",
        "divisor",
        2,
        _soa("s.82(2)", "82"),
        applies_from=_SOA_PART_2_IN_FORCE,
        unconfirmed=True,
        note="the text of s.82(2) was not available to us; read as halving the "
        "periods stated in years only (not the community payback row)",
    ),
    _rule(
        "notification.initial",
        "Initial notification is due within the period of 3 days beginning "
        "with the relevant date (time in custody, in hospital or outside the "
        "United Kingdom not counted).",
        "days",
        Duration(days=3),
        _soa("s.83(1), (6)", "83"),
        counting=Counting.BEGINNING_WITH,
        note="whole days in an excluded period are not counted; the day of "
        "release is counted (s.84(1)(d) makes release itself a change)",
        applies_from=_SOA_PART_2_IN_FORCE,
    ),
    _rule(
        "notification.change",
        "A change (name, home address, a stay elsewhere, release, bank and "
        "card details) is notified within 3 days beginning with the change.",
        "days",
        Duration(days=3),
        _soa("s.84(1), (5)", "84"),
        counting=Counting.BEGINNING_WITH,
        note="s.84(5) applies the s.83(6) disregard of time in custody, in "
        "hospital or outside the United Kingdom",
        applies_from=_SOA_PART_2_IN_FORCE,
    ),
    _rule(
        "notification.periodic",
        "Periodic re-notification is due within the period of one year after "
        "the last notification.",
        "years",
        Duration(years=1),
        _soa("s.85(1), (5)(b)", "85"),
        counting=Counting.AFTER,
        note="s.85(1) says 'within the applicable period after each event': the "
        "year is counted after the notification, so it ends on the anniversary",
        applies_from=_SOA_PART_2_IN_FORCE,
    ),
    _rule(
        "notification.periodic.no_fixed_abode",
        "A person whose last notified home address is a place where they can "
        "regularly be found (no sole or main residence) re-notifies within 7 "
        "days after the last notification.",
        "days",
        Duration(days=7),
        NOTIFICATION_REGULATIONS_2013.cite(
            "reg. 2 (s.85(5)(a), (6) of the 2003 Act)",
            url="https://www.legislation.gov.uk/ssi/2013/216/regulation/2/made",
        ),
        counting=Counting.AFTER,
        applies_from=_dt.date(2013, 7, 8),
        note="in force with the Criminal Justice and Licensing (Scotland) Act "
        "2010 s.102(1)-(2) on 8 July 2013 (SSI 2013/214 art. 2); art. 3 saves "
        "earlier notifiers until their first notification on or after that date",
    ),
    _rule(
        "notification.periodic.release_extension",
        "A periodic notification period that would end while the person is in "
        "custody, in hospital or outside the United Kingdom continues until the "
        "end of the 3 days beginning when that stops.",
        "days",
        Duration(days=3),
        _soa("s.85(3), (4)", "85"),
        counting=Counting.BEGINNING_WITH,
        applies_from=_SOA_PART_2_IN_FORCE,
    ),
    _rule(
        "notification.foreign_travel.notice",
        "Foreign travel is notified at least 7 days before departure where "
        "possible (exact Scottish text unconfirmed).",
        "days",
        Duration(days=7),
        TRAVEL_NOTIFICATION_REGULATIONS_2004.cite(
            "reg. 5, as amended by SSI 2013/216 reg. 3(2)"
        ),
        counting=Counting.BEFORE,
        unconfirmed=True,
        note="confirmed: SSI 2013/216 reg. 3(2)(a) removed 'for a period of three "
        "days or longer' from reg. 5(1), so every trip is notifiable; not "
        "confirmed: the 7 days and the wording of reg. 5",
    ),
    _rule(
        "notification.foreign_travel.minimum_notice_hours",
        "Where 7 days' notice is not possible, foreign travel is notified as "
        "soon as practicable and at least 12 hours before departure (exact "
        "Scottish text unconfirmed).",
        "hours",
        12,
        TRAVEL_NOTIFICATION_REGULATIONS_2004.cite(
            "reg. 5(3), as amended by SSI 2013/216 reg. 3(2)(b)"
        ),
        unconfirmed=True,
        note="confirmed: SSI 2013/216 reg. 3(2)(b) put '12' for '24' in reg. "
        "5(3); not confirmed: what reg. 5(3) requires in those hours",
    ),
    _rule(
        "notification.review.adult",
        "The date of discharge of an indefinite notification requirement is the "
        "date falling 15 years after the relevant date (person 18 or over then), "
        "time in custody, in hospital or outside the United Kingdom before the "
        "first notification disregarded.",
        "years",
        Duration(years=15),
        _soa("s.88B(1)(a), (2), inserted by SSI 2011/45 art. 3", "88B"),
        counting=Counting.AFTER,
        applies_from=_dt.date(2011, 1, 28),
        note="SSI 2011/45 re-enacted SSI 2010/370 (in force 25 October 2010); "
        "later imprisonment (s.88B(3)-(4)) is not encoded",
    ),
    _rule(
        "notification.review.under_18",
        "For a person under 18 on the relevant date, the date of discharge is "
        "the date falling 8 years after the relevant date.",
        "years",
        Duration(years=8),
        _soa("s.88B(1)(b), (2), inserted by SSI 2011/45 art. 3", "88B"),
        counting=Counting.AFTER,
        applies_from=_dt.date(2011, 1, 28),
    ),
    _rule(
        "notification.continuation.maximum",
        "A notification continuation order continues the requirement for a "
        "fixed period of not more than 15 years from the date of discharge.",
        "years",
        Duration(years=15),
        _soa("s.88C(2), inserted by SSI 2011/45 art. 3", "88C"),
        counting=Counting.AFTER,
        applies_from=_dt.date(2011, 1, 28),
    ),
    # -- minutes, disclosure and licences (section 12) ----------------------
    _rule(
        "disclosure.subject_access.response",
        "A subject access request is answered within one month of receipt: "
        "by the corresponding date of the next month, or that month's last "
        "day where there is none; a deadline on a non-working day moves to "
        "the next working day.",
        "months",
        Duration(months=1),
        UK_GDPR.cite("art. 12(3)"),
        counting=Counting.AFTER,
        note="counted as the Information Commissioner's Office explains it: "
        "from the day of receipt (working day or not) to the corresponding "
        "date of the next month",
    ),
    _rule(
        "disclosure.subject_access.extension",
        "The subject access time limit may be extended by two further months "
        "for complex or numerous requests, the person being told within the first month.",
        "months",
        Duration(months=2),
        UK_GDPR.cite("art. 12(3)"),
        counting=Counting.AFTER,
        note="the extended limit is read as the corresponding date three "
        "months after receipt (one month and two further months counted "
        "together), moved to the next working day like the first",
    ),
    _rule(
        "licences.assessment_report.validity",
        "A request to end supervision on a life licence comes with an "
        "Assessment Report dated within the last 12 months.",
        "months",
        Duration(months=12),
        GUIDANCE.cite("para 11.38"),
        counting=Counting.WITHIN_LAST,
        note="valid if dated on or after the corresponding date 12 months "
        "before the request (the earlier month's last day where there is "
        "none) and not after the request",
    ),
    _rule(
        "disclosure.minute.minimum_marking",
        "A MAPPA minute and RMP are always OFFICIAL and may be OFFICIAL-SENSITIVE "
        "under the Government Security Classifications: the lowest marking allowed.",
        "marking",
        "OFFICIAL",
        GUIDANCE.cite("para 11.16"),
    ),
    _rule(
        "disclosure.audio_recording.destroy_on_final",
        "An audio recording of a meeting must be destroyed once the final "
        "minute and RMP have been agreed and produced.",
        "duty",
        True,
        GUIDANCE.cite("para 11.18"),
        note="read strictly: a recording still held on any day after the day "
        "the final minute and RMP were agreed is kept too long",
    ),
    _rule(
        "licences.licence_conditions.recipient",
        "A change to licence conditions goes on a Licence Amendment template "
        "from the JSW supervising officer to the Scottish Government "
        "Community Licence Team.",
        "party",
        "COMMUNITY_LICENCE_TEAM",
        GUIDANCE.cite("para 11.36"),
    ),
    _rule(
        "licences.licence_conditions.never_to",
        "The Licence Amendment template is never submitted directly to the "
        "Parole Board by the supervising officer.",
        "party",
        "PAROLE_BOARD",
        GUIDANCE.cite("para 11.37"),
    ),
    _rule(
        "licences.preventative_order.recipient",
        "A change to a preventative order's conditions is sought by "
        "representation to the police, who consider seeking the amendment.",
        "party",
        "POLICE",
        GUIDANCE.cite("para 11.37"),
    ),
    _rule(
        "licences.supervised_release_order.recipient",
        "A change to a Supervised Release Order's conditions is sought by the "
        "JSW supervising officer writing to the court.",
        "party",
        "COURT",
        GUIDANCE.cite("para 11.39"),
    ),
    _rule(
        "licences.life_licence_termination.recipient",
        "A request to end supervision on a life licence goes on the same "
        "Licence Amendment template to the Scottish Government Community "
        "Licence Team, with an Assessment Report.",
        "party",
        "COMMUNITY_LICENCE_TEAM",
        GUIDANCE.cite("para 11.38"),
    ),
    _rule(
        "defensibility.test",
        "The defensibility test: was everything done that could reasonably "
        "have been done to prevent individuals from reoffending? Six elements "
        "make it up.",
        "question",
        "Was everything done that could reasonably have been done to prevent "
        "individuals from reoffending?",
        GUIDANCE.cite("paras 18.16-18.17"),
    ),
)

DEFAULT_RULEBOOK = Rulebook(_DEFAULT_RULES)
"""The rulebook every function uses unless given another."""


def resolve(rulebook: object) -> Rulebook:
    """*rulebook*, or :data:`DEFAULT_RULEBOOK` for ``None`` (private helper)."""
    if rulebook is None:
        return DEFAULT_RULEBOOK
    return _check.ensure_instance(rulebook, Rulebook, "rulebook")
