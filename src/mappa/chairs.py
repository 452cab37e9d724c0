"""Who may chair a MAPPA meeting: ranks, grades and minimum seniority.

A MAPPA meeting is chaired at a minimum seniority that rises with the
level (guidance paras 11.32-11.33): level 1 by a Police Sergeant or a
Justice Social Work Team Leader; level 2 by a Police Inspector or a JSW
Service Manager (or equivalent); level 3 by a Detective Superintendent or
the Chief Social Work Officer. Meetings about restricted patients
(category 2) are *likely* to be chaired by suitably qualified health
representatives experienced in MAPPA. A more senior rank satisfies a lower
minimum.

Ranks are ordered within their ladder (:class:`PoliceRank`,
:class:`SocialWorkGrade`, :class:`HealthGrade`); comparing across ladders
raises :class:`~mappa.errors.LadderMismatch` (a ``TypeError``). A
:class:`Role` adds what the rank leaves out: "Detective" (which does not
change the rank) and, for health staff, being suitably qualified and
experienced in MAPPA. :func:`may_chair` returns a :class:`ChairDecision`
citing the rule that decided it.

>>> from mappa.chairs import PoliceRank, Role, SocialWorkGrade, may_chair
>>> from mappa.framework import Category, Level
>>> PoliceRank.INSPECTOR < PoliceRank.SUPERINTENDENT
True
>>> decision = may_chair(
...     Role(PoliceRank.INSPECTOR, detective=True), Level.MAPPP, Category.REGISTERED_SEX_OFFENDER
... )
>>> decision.allowed, decision.minimum, str(decision.citation)
(False, <PoliceRank.SUPERINTENDENT: 5>, 'MAPPA National Guidance (2023), para 11.33')
>>> PoliceRank.INSPECTOR < SocialWorkGrade.SERVICE_MANAGER
Traceback (most recent call last):
...
mappa.errors.LadderMismatch: cannot compare a police rank with a social work grade: seniority is ordered only within one ladder

**Unconfirmed orderings.** The police rank order is Police Scotland's.
Social work titles vary by council, so the order of the social work grades
is data: the rule ``chairs.social_work.ladder`` (our best reading), which a
council replaces with its own order through its rulebook; the comparison
operators of :class:`SocialWorkGrade` use the default order, and
:func:`may_chair` the order of the rulebook it is given. The health grades
are illustrative (the guidance sets no health rank), used only for local
attendance policies. The minimum rank or grade for each level is a rule
too (``chairs.level1.police``...): the chair policy is the rulebook's, and
a council that agrees a different one overrides those rules.

Attendance at an "appropriate" or "agreed" level of seniority (two of the
national performance indicators) is agreed locally: a
:class:`SeniorityPolicy` maps each :class:`Agency` to its minimum;
:data:`DEFAULT_SENIORITY_POLICY` asks police and social work attendees to
hold at least the rank that may chair a level 1 meeting, and any other
agency's attendee counts.

More information:

* MAPPA National Guidance (2023), paras 11.31-11.35 (chairing meetings).
* Glasgow City Council, MAPPA page: National Performance Indicators
  (attendance at an appropriate / agreed level of seniority).
"""

from __future__ import annotations

import difflib
import enum
import operator
from collections.abc import Callable, Mapping
from typing import Any, TypeAlias

import attrs

from mappa import _check
from mappa.errors import (
    InvalidTypeError,
    InvalidValueError,
    LadderMismatch,
    NotApplicable,
    UnknownNameError,
)
from mappa.framework import Category, Level, check_level
from mappa.rulebook import DEFAULT_RULEBOOK, Rulebook, resolve
from mappa.sources import Citation

__all__ = [
    "Agency",
    "ChairDecision",
    "DEFAULT_SENIORITY_POLICY",
    "HealthGrade",
    "Ladder",
    "PoliceRank",
    "Rank",
    "Role",
    "SeniorityPolicy",
    "SocialWorkGrade",
    "default_seniority_policy",
    "may_chair",
    "minimum_chair_rank",
]

_HEALTH_RULE = "chairs.restricted_patients.health"
_SOCIAL_WORK_LADDER = "chairs.social_work.ladder"


class Ladder(enum.Enum):
    """A ladder of ranks or grades: seniority is ordered only within one."""

    POLICE = "police"
    SOCIAL_WORK = "social work"
    HEALTH = "health"

    def __str__(self) -> str:
        return self.value


class _Rank(enum.Enum):
    """A rank or grade, ordered within its own ladder (no members here)."""

    @property
    def ladder(self) -> Ladder:
        """The ladder this rank belongs to."""
        return _LADDER_OF[type(self)]

    @property
    def label(self) -> str:
        """A readable title: ``'Chief Inspector'``."""
        return _LABELS.get(self.name, self.name.replace("_", " ").title())

    def _compare(self, other: object, op: Callable[[int, int], bool]) -> bool:
        if isinstance(other, Role):
            other = other.rank
        if not isinstance(other, _Rank):
            # Python's signal to try the other operand, then raise TypeError.
            unsupported: bool = NotImplemented
            return unsupported
        if type(other) is not type(self):
            raise _mismatch(self.ladder, other.ladder)
        result: bool = op(_seniority(self, None), _seniority(other, None))
        return result

    def __lt__(self, other: object) -> bool:
        return self._compare(other, operator.lt)

    def __le__(self, other: object) -> bool:
        return self._compare(other, operator.le)

    def __gt__(self, other: object) -> bool:
        return self._compare(other, operator.gt)

    def __ge__(self, other: object) -> bool:
        return self._compare(other, operator.ge)

    def __str__(self) -> str:
        return self.label


def _mismatch(first: Ladder, second: Ladder) -> LadderMismatch:
    return LadderMismatch(
        f"cannot compare a {first} {_NOUN[first]} with a {second} "
        f"{_NOUN[second]}: seniority is ordered only within one ladder",
        rule="Ladder",
        value=(first, second),
    )


class PoliceRank(_Rank):
    """Police Scotland ranks, junior to senior.

    "Detective" is not a rank: a Detective Superintendent holds the rank of
    :attr:`SUPERINTENDENT` (see :attr:`Role.detective`).
    """

    CONSTABLE = 1
    SERGEANT = 2
    INSPECTOR = 3
    CHIEF_INSPECTOR = 4
    SUPERINTENDENT = 5
    CHIEF_SUPERINTENDENT = 6
    ASSISTANT_CHIEF_CONSTABLE = 7
    DEPUTY_CHIEF_CONSTABLE = 8
    CHIEF_CONSTABLE = 9


class SocialWorkGrade(_Rank):
    """(Justice) social work grades.

    **Unconfirmed:** titles and structures vary by council. Their order is
    the rule ``chairs.social_work.ladder`` (by default the order listed
    here, junior to senior), which a council may replace; map your
    council's titles onto these grades.
    """

    SOCIAL_WORKER = 1
    TEAM_LEADER = 2
    """A Senior Practitioner or Team Leader."""
    SERVICE_MANAGER = 3
    HEAD_OF_SERVICE = 4
    CHIEF_SOCIAL_WORK_OFFICER = 5


class HealthGrade(_Rank):
    """Health staff grades, junior to senior (illustrative, unconfirmed).

    The guidance sets no health rank for chairing: what counts for a
    restricted patient meeting is being suitably qualified and experienced
    in MAPPA (:attr:`Role.suitably_qualified`). These grades exist for
    local attendance policies (:class:`SeniorityPolicy`).
    """

    PRACTITIONER = 1
    """A nurse, psychologist, occupational therapist or other clinician."""
    SENIOR_PRACTITIONER = 2
    """A senior or charge nurse, principal psychologist or team lead."""
    CONSULTANT = 3
    """A consultant, such as the patient's Responsible Medical Officer."""
    CLINICAL_DIRECTOR = 4
    """A clinical or medical director."""


Rank: TypeAlias = PoliceRank | SocialWorkGrade | HealthGrade
"""Any rank or grade on one of the three ladders."""

_RANK_TYPES = (PoliceRank, SocialWorkGrade, HealthGrade)

_LADDER_OF: dict[type[_Rank], Ladder] = {
    PoliceRank: Ladder.POLICE,
    SocialWorkGrade: Ladder.SOCIAL_WORK,
    HealthGrade: Ladder.HEALTH,
}
_RANK_OF_LADDER: dict[Ladder, type[_Rank]] = {v: k for k, v in _LADDER_OF.items()}
_NOUN = {Ladder.POLICE: "rank", Ladder.SOCIAL_WORK: "grade", Ladder.HEALTH: "grade"}
_LABELS = {"TEAM_LEADER": "Senior Practitioner / Team Leader"}
_RULE_KEY = {Ladder.POLICE: "police", Ladder.SOCIAL_WORK: "social_work"}


def _default_orders() -> dict[type[_Rank], dict[str, int]]:
    return {
        SocialWorkGrade: {
            grade: index
            for index, grade in enumerate(DEFAULT_RULEBOOK.texts(_SOCIAL_WORK_LADDER))
        }
    }


def _seniority(rank: _Rank, book: Rulebook | None) -> int:
    """*rank*'s place on its ladder: the rulebook's order for social work
    grades (the default rulebook's where *book* is ``None``), the enum's
    order for the others."""
    if not isinstance(rank, SocialWorkGrade):
        return int(rank.value)
    if book is None:
        order = _DEFAULT_ORDERS[SocialWorkGrade]
    else:
        order = {
            grade: index for index, grade in enumerate(book.texts(_SOCIAL_WORK_LADDER))
        }
    try:
        return order[rank.name]
    except KeyError:
        raise InvalidValueError(
            f"rule {_SOCIAL_WORK_LADDER!r} does not place the grade {rank.name}",
            rule=_SOCIAL_WORK_LADDER,
            value=rank.name,
        ) from None


_DEFAULT_ORDERS = _default_orders()


def _ensure_rank(value: object, name: str) -> Rank:
    if not isinstance(value, _RANK_TYPES):
        raise InvalidTypeError(
            f"{name} must be a PoliceRank, SocialWorkGrade or HealthGrade, "
            f"not {_check.type_name(value)}",
            rule=name,
        )
    return value


def _v_rank(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _ensure_rank(value, f"{type(instance).__name__}.{attribute.name}")


@attrs.frozen(order=False)
class Role:
    """A person's rank or grade as a chair or attendee, with what it leaves out.

    Ordering (``<``, ``>=``...) compares ranks only, within one ladder:
    ``Role(PoliceRank.INSPECTOR, detective=True) >= PoliceRank.INSPECTOR``.
    Equality compares every field.

    Attributes:
        rank: the rank or grade.
        detective: a detective officer (police only); it does not change
            the rank.
        suitably_qualified: suitably qualified and experienced in the
            operation of MAPPA (health only), what a restricted patient
            meeting's health chair needs (para 11.33).

    >>> str(Role(PoliceRank.SUPERINTENDENT, detective=True))
    'Detective Superintendent'
    """

    rank: Rank = attrs.field(validator=_v_rank)
    detective: bool = attrs.field(default=False, kw_only=True, validator=_check.v_bool)
    suitably_qualified: bool = attrs.field(
        default=False, kw_only=True, validator=_check.v_bool
    )

    def __attrs_post_init__(self) -> None:
        if self.detective and not isinstance(self.rank, PoliceRank):
            raise InvalidValueError(
                "only a police officer can be a detective",
                rule="Role.detective",
                value=self.ladder,
            )
        if self.suitably_qualified and not isinstance(self.rank, HealthGrade):
            raise InvalidValueError(
                "suitably_qualified describes a health representative "
                f"(rule {_HEALTH_RULE!r}), not a {self.ladder} {_NOUN[self.ladder]}",
                rule="Role.suitably_qualified",
                value=self.ladder,
            )

    @property
    def ladder(self) -> Ladder:
        """The ladder of :attr:`rank`."""
        return self.rank.ladder

    def __lt__(self, other: object) -> bool:
        return self.rank._compare(other, operator.lt)

    def __le__(self, other: object) -> bool:
        return self.rank._compare(other, operator.le)

    def __gt__(self, other: object) -> bool:
        return self.rank._compare(other, operator.gt)

    def __ge__(self, other: object) -> bool:
        return self.rank._compare(other, operator.ge)

    def __str__(self) -> str:
        text = f"Detective {self.rank.label}" if self.detective else self.rank.label
        if self.suitably_qualified:
            text += " (suitably qualified and experienced in MAPPA)"
        return text


def _ensure_role(value: object, name: str) -> Role:
    if isinstance(value, Role):
        return value
    if isinstance(value, _RANK_TYPES):
        return Role(value)
    raise InvalidTypeError(
        f"{name} must be a Role, PoliceRank, SocialWorkGrade or HealthGrade, "
        f"not {_check.type_name(value)}",
        rule=name,
    )


def _rank_from_rule(book: Rulebook, name: str, rank_type: type[_Rank]) -> Rank:
    """The rank that rule *name* names (by enum member name)."""
    text = book.text(name)
    key = "_".join(text.strip().upper().replace("/", " ").split())
    try:
        rank = rank_type[key]
    except KeyError:
        names = [member.name for member in rank_type]
        close = tuple(difflib.get_close_matches(key, names, n=3))
        raise UnknownNameError(
            f"rule {name!r} names {text[:40]!r}, which is not a "
            f"{rank_type.__name__}; known: {', '.join(names)}",
            rule=name,
            value=text[:40],
            suggestions=close,
        ) from None
    return _ensure_rank(rank, name)


def _minimum_rule(level: Level, ladder: Ladder) -> str:
    return f"chairs.level{level.value}.{_RULE_KEY[ladder]}"


def minimum_chair_rank(
    level: Level, ladder: Ladder, *, rulebook: Rulebook | None = None
) -> PoliceRank | SocialWorkGrade:
    """The lowest rank or grade on *ladder* that may chair a *level* meeting.

    The health ladder has no minimum rank (a health chair needs to be
    suitably qualified and experienced in MAPPA):
    :class:`~mappa.errors.NotApplicable`. The rule is read as at today (or
    as at the date of a rulebook from :meth:`~mappa.rulebook.Rulebook.as_at`).

    >>> minimum_chair_rank(Level.MULTI_AGENCY, Ladder.SOCIAL_WORK)
    <SocialWorkGrade.SERVICE_MANAGER: 3>
    """
    level = _check.ensure_member(level, Level, "level")
    ladder = _check.ensure_member(ladder, Ladder, "ladder")
    book = resolve(rulebook)
    if ladder is Ladder.HEALTH:
        raise NotApplicable(
            "the guidance sets no minimum health grade to chair a meeting: a "
            "health chair is suitably qualified and experienced in MAPPA "
            f"(rule {_HEALTH_RULE!r}) [{book.citation(_HEALTH_RULE)}]",
            rule=_HEALTH_RULE,
            value=int(level),
        )
    name = _minimum_rule(level, ladder)
    rank = _rank_from_rule(book, name, _RANK_OF_LADDER[ladder])
    assert isinstance(rank, PoliceRank | SocialWorkGrade)  # by _RANK_OF_LADDER
    return rank


def _v_optional_minimum(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None:
        _check.v_instance((PoliceRank, SocialWorkGrade))(instance, attribute, value)


@attrs.frozen
class ChairDecision:
    """Whether a role may chair a meeting, and the rule that decided.

    Attributes:
        allowed: True if the role may chair.
        role: the role asked about.
        level: the meeting's MAPPA level.
        category: the case's MAPPA category.
        minimum: the lowest rank on the role's ladder that may chair this
            level; ``None`` for a health role (the guidance sets no health
            rank: see :attr:`rule`).
        health_chair_recommended: True for restricted patient meetings
            (category 2), which the guidance says are likely to be chaired
            by suitably qualified health representatives. A recommendation,
            not a requirement.
        rule: the rulebook name that decided.
        citation: its source.
        reason: one sentence explaining the decision.
    """

    allowed: bool = attrs.field(validator=_check.v_bool)
    role: Role = attrs.field(validator=_check.v_instance(Role))
    level: Level = attrs.field(validator=_check.v_instance(Level))
    category: Category = attrs.field(validator=_check.v_instance(Category))
    minimum: PoliceRank | SocialWorkGrade | None = attrs.field(
        validator=_v_optional_minimum
    )
    health_chair_recommended: bool = attrs.field(validator=_check.v_bool)
    rule: str = attrs.field(validator=_check.v_text)
    citation: Citation = attrs.field(validator=_check.v_instance(Citation))
    reason: str = attrs.field(validator=_check.v_text)

    def __bool__(self) -> bool:
        return self.allowed

    def __str__(self) -> str:
        return f"{'allowed' if self.allowed else 'not allowed'}: {self.reason}"

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The rule's citation, as the tuple every result has."""
        return (self.citation,)


def may_chair(
    role: Role | Rank,
    level: Level,
    category: Category,
    *,
    rulebook: Rulebook | None = None,
) -> ChairDecision:
    """May *role* chair a *level* meeting about a *category* case?

    Police and social work: the role's rank must be at least the level's
    minimum on its ladder (a more senior rank satisfies a lower minimum;
    "Detective" does not count), social work grades in the order of the
    rule ``chairs.social_work.ladder``. Health: only for restricted patients
    (category 2), and only a representative suitably qualified and
    experienced in MAPPA; the guidance names no health chair for categories
    1 and 3. For category 2 a health chair is *recommended*
    (:attr:`ChairDecision.health_chair_recommended`), not required: police
    and social work chairs of the minimum rank remain allowed.

    A level the category does not allow raises
    :class:`~mappa.errors.LevelNotPermitted`. With no meeting date given,
    the rules are read as at today (or as at the date of a rulebook from
    :meth:`~mappa.rulebook.Rulebook.as_at`: pass the meeting's date).

    >>> from mappa.framework import Category, Level
    >>> may_chair(SocialWorkGrade.HEAD_OF_SERVICE, Level.MULTI_AGENCY, Category.OTHER_RISK_OF_SERIOUS_HARM).allowed
    True
    >>> nurse = Role(HealthGrade.SENIOR_PRACTITIONER, suitably_qualified=True)
    >>> decision = may_chair(nurse, Level.MAPPP, Category.RESTRICTED_PATIENT)
    >>> decision.allowed, decision.health_chair_recommended
    (True, True)
    """
    role = _ensure_role(role, "role")
    level = _check.ensure_member(level, Level, "level")
    category = _check.ensure_member(category, Category, "category")
    book = resolve(rulebook)
    check_level(category, level, rulebook=book)
    health_value = book.value(_HEALTH_RULE)
    if not isinstance(health_value, bool):
        raise InvalidTypeError(
            f"rule {_HEALTH_RULE!r} must hold a bool, not "
            f"{_check.type_name(health_value)}",
            rule=_HEALTH_RULE,
        )
    restricted = category is Category.RESTRICTED_PATIENT
    recommended = restricted and health_value
    if role.ladder is Ladder.HEALTH:
        if not recommended:
            allowed = False
            reason = (
                f"the guidance names health chairs only for restricted patient "
                f"meetings, not for {category}"
            )
        elif not role.suitably_qualified:
            allowed = False
            reason = (
                "a health chair must be suitably qualified and experienced in "
                "the operation of MAPPA"
            )
        else:
            allowed = True
            reason = (
                "a suitably qualified health representative experienced in "
                "MAPPA may chair a restricted patient meeting"
            )
        return ChairDecision(
            allowed=allowed,
            role=role,
            level=level,
            category=category,
            minimum=None,
            health_chair_recommended=recommended,
            rule=_HEALTH_RULE,
            citation=book.citation(_HEALTH_RULE),
            reason=reason,
        )
    minimum = minimum_chair_rank(level, role.ladder, rulebook=book)
    allowed = _seniority(role.rank, book) >= _seniority(minimum, book)
    reason = (
        f"{role.rank.label} is {'at or above' if allowed else 'below'} the "
        f"minimum {_NOUN[role.ladder]} for {level}: {minimum.label}"
    )
    return ChairDecision(
        allowed=allowed,
        role=role,
        level=level,
        category=category,
        minimum=minimum,
        health_chair_recommended=recommended,
        rule=_minimum_rule(level, role.ladder),
        citation=book.citation(_minimum_rule(level, role.ladder)),
        reason=reason,
    )


# -- attendance seniority (performance indicators) -----------------------------


class Agency(enum.Enum):
    """A Responsible Authority whose attendance the indicators measure.

    Duty to co-operate agencies (a housing provider, DWP, SCRA...) are
    named by a free-form string in a :class:`SeniorityPolicy`.
    """

    POLICE = "police"
    SOCIAL_WORK = "social work"
    HEALTH = "health"
    PRISON_SERVICE = "prison service"

    def __str__(self) -> str:
        return self.value


_AGENCY_LADDER = {
    Agency.POLICE: Ladder.POLICE,
    Agency.SOCIAL_WORK: Ladder.SOCIAL_WORK,
    Agency.HEALTH: Ladder.HEALTH,
}

AgencyKey: TypeAlias = Agency | str


def _agency_key(value: object, name: str) -> AgencyKey:
    """An :class:`Agency`, or a DTC agency's name, normalised."""
    if isinstance(value, Agency):
        return value
    if isinstance(value, str):
        key = " ".join(value.casefold().split())
        if not key:
            raise InvalidValueError(
                f"{name} must not be an empty agency name", rule=name
            )
        return key
    raise InvalidTypeError(
        f"{name} must be an Agency or a duty to co-operate agency's name (str), "
        f"not {_check.type_name(value)}",
        rule=name,
    )


def _freeze_minimums(value: object) -> tuple[tuple[AgencyKey, Rank], ...]:
    """A policy's mapping (or pairs) as sorted, validated (agency, minimum) pairs.

    Pairs are accepted too, so the frozen form round-trips (``attrs.evolve``).
    """
    if isinstance(value, Mapping):
        items = list(value.items())
    elif isinstance(value, tuple) and all(
        isinstance(item, tuple) and len(item) == 2 for item in value
    ):
        items = list(value)
    else:
        raise InvalidTypeError(
            "SeniorityPolicy.minimums must be a mapping of agency to minimum "
            f"rank, not {_check.type_name(value)}",
            rule="SeniorityPolicy.minimums",
        )
    pairs: dict[AgencyKey, Rank] = {}
    for raw, minimum in items:
        key = _agency_key(raw, "SeniorityPolicy.minimums key")
        rank = _ensure_rank(minimum, "SeniorityPolicy.minimums value")
        ladder = _AGENCY_LADDER.get(key) if isinstance(key, Agency) else None
        if ladder is not None and rank.ladder is not ladder:
            raise _mismatch(ladder, rank.ladder)
        if key in pairs:
            raise InvalidValueError(
                "SeniorityPolicy.minimums names one agency twice",
                rule="SeniorityPolicy.minimums",
                value=str(key),
            )
        pairs[key] = rank
    order = {agency: index for index, agency in enumerate(Agency)}
    return tuple(
        sorted(
            pairs.items(),
            key=lambda p: (
                (0, order[p[0]], "") if isinstance(p[0], Agency) else (1, 0, p[0])
            ),
        )
    )


@attrs.frozen
class SeniorityPolicy:
    """The minimum seniority of each agency's attendee at level 2 and 3 meetings.

    The performance indicators count attendance "at an appropriate level of
    seniority" (duty to co-operate agencies) and "at an agreed level of
    seniority" (police and social work); the level is agreed locally.
    *minimums* maps an :class:`Agency`, or a duty to co-operate agency's
    name (matched ignoring case and spacing), to the lowest rank that
    counts. An agency with no minimum counts any attendee.

    Attributes:
        minimums: (agency, minimum) pairs; pass a mapping.
        description: where the policy comes from.

    >>> policy = SeniorityPolicy({Agency.POLICE: PoliceRank.INSPECTOR})
    >>> policy.meets(Agency.POLICE, PoliceRank.SERGEANT)
    False
    >>> policy.meets("Registered social landlord", None)
    True
    """

    minimums: tuple[tuple[AgencyKey, Rank], ...] = attrs.field(
        converter=_freeze_minimums
    )
    description: str = attrs.field(
        default="supplied by the caller", kw_only=True, validator=_check.v_text
    )

    def minimum_for(self, agency: AgencyKey) -> Rank | None:
        """The minimum for *agency*, or ``None`` if any attendee counts."""
        key = _agency_key(agency, "agency")
        for candidate, minimum in self.minimums:
            if candidate == key:
                return minimum
        return None

    def meets(self, agency: AgencyKey, role: Role | Rank | None) -> bool:
        """Does an attendee of *agency* holding *role* count?

        *role* ``None`` (seniority not recorded) counts only where the
        agency has no minimum. A role from another ladder than the
        agency's minimum raises :class:`~mappa.errors.LadderMismatch`.
        """
        minimum = self.minimum_for(agency)
        if role is not None:
            role = _ensure_role(role, "role")
        if minimum is None:
            return True
        if role is None:
            return False
        return role.rank >= minimum


def default_seniority_policy(*, rulebook: Rulebook | None = None) -> SeniorityPolicy:
    """The default attendance policy, read from *rulebook*.

    Police and social work attendees count from the rank that may chair a
    level 1 meeting (Sergeant, Team Leader: para 11.32), the lowest the
    guidance trusts to lead a MAPPA meeting; any attendee of another agency
    counts. This is our reading, not a national rule: pass your own
    :class:`SeniorityPolicy` where the agreed level differs. The rules are
    read as at today (or as at the date of a rulebook from
    :meth:`~mappa.rulebook.Rulebook.as_at`).
    """
    book = resolve(rulebook)
    return SeniorityPolicy(
        {
            Agency.POLICE: minimum_chair_rank(
                Level.ROUTINE, Ladder.POLICE, rulebook=book
            ),
            Agency.SOCIAL_WORK: minimum_chair_rank(
                Level.ROUTINE, Ladder.SOCIAL_WORK, rulebook=book
            ),
        },
        description=(
            "default: police and social work from the level 1 chair minimum "
            f"({book.citation(_minimum_rule(Level.ROUTINE, Ladder.POLICE))}); "
            "other agencies any attendee"
        ),
    )


DEFAULT_SENIORITY_POLICY = default_seniority_policy()
"""Police from Sergeant, social work from Team Leader, anyone else any attendee."""
