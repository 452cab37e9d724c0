"""Tests for mappa.chairs: ranks, who may chair, attendance seniority."""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mappa.chairs import (
    DEFAULT_SENIORITY_POLICY,
    Agency,
    ChairDecision,
    HealthGrade,
    Ladder,
    PoliceRank,
    Rank,
    Role,
    SeniorityPolicy,
    SocialWorkGrade,
    default_seniority_policy,
    may_chair,
    minimum_chair_rank,
)
from mappa.errors import (
    InvalidTypeError,
    InvalidValueError,
    LadderMismatch,
    LevelNotPermitted,
    MappaError,
    NotApplicable,
    UnknownNameError,
)
from mappa.framework import Category, Level, permitted_levels
from mappa.rulebook import DEFAULT_RULEBOOK, Rule, RuleVersion
from mappa.sources import GUIDANCE

L1, L2, L3 = Level.ROUTINE, Level.MULTI_AGENCY, Level.MAPPP
RSO = Category.REGISTERED_SEX_OFFENDER
RP = Category.RESTRICTED_PATIENT
ORSH = Category.OTHER_RISK_OF_SERIOUS_HARM
LADDERS: tuple[type[PoliceRank] | type[SocialWorkGrade] | type[HealthGrade], ...] = (
    PoliceRank,
    SocialWorkGrade,
    HealthGrade,
)
OPERATORS: tuple[Callable[[object, object], bool], ...] = (
    operator.lt,
    operator.le,
    operator.gt,
    operator.ge,
)


# -- ladders ------------------------------------------------------------------


def test_police_rank_order() -> None:
    # Police Scotland rank order, Constable to Chief Constable.
    assert [rank.name for rank in sorted(PoliceRank)] == [
        "CONSTABLE",
        "SERGEANT",
        "INSPECTOR",
        "CHIEF_INSPECTOR",
        "SUPERINTENDENT",
        "CHIEF_SUPERINTENDENT",
        "ASSISTANT_CHIEF_CONSTABLE",
        "DEPUTY_CHIEF_CONSTABLE",
        "CHIEF_CONSTABLE",
    ]


def test_social_work_grade_order() -> None:
    assert list(SocialWorkGrade) == sorted(SocialWorkGrade)
    assert SocialWorkGrade.TEAM_LEADER.label == "Senior Practitioner / Team Leader"
    assert str(SocialWorkGrade.CHIEF_SOCIAL_WORK_OFFICER) == "Chief Social Work Officer"


@pytest.mark.parametrize("ladder", LADDERS)
def test_each_ladder_is_strictly_ordered(ladder: type[Rank]) -> None:
    members = list(ladder)
    for lower, higher in itertools.pairwise(members):
        assert lower < higher
        assert lower <= higher
        assert higher > lower
        assert higher >= lower
        assert not higher < lower
    assert members[0] <= members[0]
    assert members[0] >= members[0]
    assert {member.ladder for member in members} == {members[0].ladder}


@pytest.mark.parametrize(("a", "b"), list(itertools.permutations(LADDERS, 2)))
@pytest.mark.parametrize("op", OPERATORS)
def test_comparison_across_ladders_raises(
    a: type[Rank], b: type[Rank], op: Callable[[object, object], bool]
) -> None:
    with pytest.raises(LadderMismatch) as caught:
        op(next(iter(a)), next(iter(b)))
    assert isinstance(caught.value, TypeError)
    assert caught.value.rule == "Ladder"
    with pytest.raises(LadderMismatch):
        op(Role(next(iter(a))), next(iter(b)))
    with pytest.raises(LadderMismatch):
        op(next(iter(a)), Role(next(iter(b))))


@pytest.mark.parametrize("op", OPERATORS)
def test_comparison_with_other_types_is_a_type_error(
    op: Callable[[object, object], bool],
) -> None:
    with pytest.raises(TypeError):
        op(PoliceRank.SERGEANT, 2)
    with pytest.raises(TypeError):
        op(Role(PoliceRank.SERGEANT), "SERGEANT")


def test_ranks_of_different_ladders_are_not_equal() -> None:
    assert PoliceRank.SERGEANT != SocialWorkGrade.TEAM_LEADER


# -- roles --------------------------------------------------------------------


def test_detective_does_not_change_the_rank() -> None:
    detective = Role(PoliceRank.SUPERINTENDENT, detective=True)
    uniformed = Role(PoliceRank.SUPERINTENDENT)
    assert detective >= uniformed
    assert detective <= uniformed
    assert not detective < uniformed
    assert not detective > uniformed
    assert detective >= PoliceRank.SUPERINTENDENT
    assert detective > PoliceRank.CHIEF_INSPECTOR
    assert detective != uniformed  # equality compares every field
    assert str(detective) == "Detective Superintendent"
    assert str(uniformed) == "Superintendent"
    assert detective.ladder is Ladder.POLICE


def test_role_checks() -> None:
    with pytest.raises(InvalidValueError) as caught:
        Role(SocialWorkGrade.TEAM_LEADER, detective=True)
    assert caught.value.rule == "Role.detective"
    with pytest.raises(InvalidValueError):
        Role(PoliceRank.INSPECTOR, suitably_qualified=True)
    with pytest.raises(InvalidTypeError):
        Role("SERGEANT")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        Role(PoliceRank.SERGEANT, detective=1)  # type: ignore[arg-type]
    qualified = Role(HealthGrade.CONSULTANT, suitably_qualified=True)
    assert str(qualified) == "Consultant (suitably qualified and experienced in MAPPA)"


# -- minimums -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "ladder", "minimum"),
    [
        # Guidance para 11.32: level 1, Police Sergeant or JSW Team Leader.
        (L1, Ladder.POLICE, PoliceRank.SERGEANT),
        (L1, Ladder.SOCIAL_WORK, SocialWorkGrade.TEAM_LEADER),
        # Guidance para 11.33: level 2, Police Inspector or JSW Service Manager.
        (L2, Ladder.POLICE, PoliceRank.INSPECTOR),
        (L2, Ladder.SOCIAL_WORK, SocialWorkGrade.SERVICE_MANAGER),
        # Guidance para 11.33: level 3, Detective Superintendent or CSWO.
        (L3, Ladder.POLICE, PoliceRank.SUPERINTENDENT),
        (L3, Ladder.SOCIAL_WORK, SocialWorkGrade.CHIEF_SOCIAL_WORK_OFFICER),
    ],
)
def test_minimum_chair_rank(level: Level, ladder: Ladder, minimum: Rank) -> None:
    assert minimum_chair_rank(level, ladder) is minimum


def test_no_minimum_health_grade() -> None:
    with pytest.raises(NotApplicable) as caught:
        minimum_chair_rank(L3, Ladder.HEALTH)
    assert caught.value.rule == "chairs.restricted_patients.health"


def test_rulebook_naming_an_unknown_rank() -> None:
    book = DEFAULT_RULEBOOK.with_value(
        "chairs.level2.police", "Detective Inspector", reason="typo"
    )
    with pytest.raises(UnknownNameError) as caught:
        minimum_chair_rank(L2, Ladder.POLICE, rulebook=book)
    assert caught.value.rule == "chairs.level2.police"
    assert "INSPECTOR" in caught.value.suggestions
    with pytest.raises(UnknownNameError):
        may_chair(PoliceRank.CHIEF_CONSTABLE, L2, RSO, rulebook=book)


def test_rulebook_rank_names_forgive_case_and_spaces() -> None:
    book = DEFAULT_RULEBOOK.with_value(
        "chairs.level2.police", "chief inspector", reason="local"
    )
    assert minimum_chair_rank(L2, Ladder.POLICE, rulebook=book) is (
        PoliceRank.CHIEF_INSPECTOR
    )


# -- may_chair ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "level", "allowed"),
    [
        # Guidance para 11.32.
        (PoliceRank.SERGEANT, L1, True),
        (PoliceRank.CONSTABLE, L1, False),
        (SocialWorkGrade.TEAM_LEADER, L1, True),
        (SocialWorkGrade.SOCIAL_WORKER, L1, False),
        # Guidance para 11.33.
        (PoliceRank.INSPECTOR, L2, True),
        (PoliceRank.SERGEANT, L2, False),
        (SocialWorkGrade.SERVICE_MANAGER, L2, True),
        (SocialWorkGrade.TEAM_LEADER, L2, False),
        (Role(PoliceRank.SUPERINTENDENT, detective=True), L3, True),
        (Role(PoliceRank.CHIEF_INSPECTOR, detective=True), L3, False),
        (SocialWorkGrade.CHIEF_SOCIAL_WORK_OFFICER, L3, True),
        (SocialWorkGrade.HEAD_OF_SERVICE, L3, False),
        # A more senior rank satisfies a lower minimum.
        (PoliceRank.CHIEF_CONSTABLE, L1, True),
        (SocialWorkGrade.HEAD_OF_SERVICE, L2, True),
    ],
)
def test_may_chair_examples(role: Role | Rank, level: Level, allowed: bool) -> None:
    decision = may_chair(role, level, RSO)
    assert decision.allowed is allowed
    assert bool(decision) is allowed
    assert decision.rule.startswith(f"chairs.level{level.value}.")
    assert decision.citation.document == GUIDANCE.title
    assert decision.minimum is not None
    assert not decision.health_chair_recommended
    assert str(decision).startswith("allowed" if allowed else "not allowed")


def test_decision_carries_the_minimum_and_citation() -> None:
    decision = may_chair(PoliceRank.INSPECTOR, L3, ORSH)
    assert decision.minimum is PoliceRank.SUPERINTENDENT
    assert decision.citation == GUIDANCE.cite("para 11.33")
    assert decision.role == Role(PoliceRank.INSPECTOR)
    assert (decision.level, decision.category) == (L3, ORSH)
    assert "Superintendent" in decision.reason


def test_category3_is_never_at_level1() -> None:
    with pytest.raises(LevelNotPermitted) as caught:
        may_chair(PoliceRank.CHIEF_CONSTABLE, L1, ORSH)
    assert caught.value.rule == "levels.category_3"


def test_restricted_patients_health_chair_recommended_not_required() -> None:
    # Guidance para 11.33: restricted patient meetings are *likely* to be
    # chaired by suitably qualified health representatives.
    police = may_chair(PoliceRank.INSPECTOR, L2, RP)
    assert police.allowed
    assert police.health_chair_recommended
    nurse = may_chair(Role(HealthGrade.PRACTITIONER, suitably_qualified=True), L3, RP)
    assert nurse.allowed
    assert nurse.health_chair_recommended
    assert nurse.minimum is None
    assert nurse.rule == "chairs.restricted_patients.health"
    assert nurse.citation == GUIDANCE.cite("para 11.33")


def test_health_chair_must_be_suitably_qualified() -> None:
    decision = may_chair(HealthGrade.CLINICAL_DIRECTOR, L2, RP)
    assert not decision.allowed
    assert "suitably qualified" in decision.reason


@pytest.mark.parametrize("category", [RSO, ORSH])
def test_no_health_chair_for_categories_1_and_3(category: Category) -> None:
    role = Role(HealthGrade.CONSULTANT, suitably_qualified=True)
    decision = may_chair(role, L2, category)
    assert not decision.allowed
    assert not decision.health_chair_recommended


def test_health_rule_switched_off_by_a_caller() -> None:
    book = DEFAULT_RULEBOOK.with_value(
        "chairs.restricted_patients.health", False, reason="local: no health chairs"
    )
    role = Role(HealthGrade.CONSULTANT, suitably_qualified=True)
    decision = may_chair(role, L2, RP, rulebook=book)
    assert not decision.allowed
    assert not decision.health_chair_recommended


def test_health_rule_of_the_wrong_type() -> None:
    rule = Rule(
        name="chairs.restricted_patients.health",
        description="wrongly text",
        unit="flag",
        versions=(RuleVersion("yes", GUIDANCE.cite("para 11.33"), "bad"),),
    )
    book = DEFAULT_RULEBOOK.with_rule(rule)
    with pytest.raises(InvalidTypeError) as caught:
        may_chair(PoliceRank.INSPECTOR, L2, RP, rulebook=book)
    assert caught.value.rule == "chairs.restricted_patients.health"


@pytest.mark.parametrize(
    ("role", "level", "category", "rule"),
    [
        ("INSPECTOR", L2, RSO, "role"),
        (PoliceRank.INSPECTOR, 2, RSO, "level"),
        (PoliceRank.INSPECTOR, L2, 1, "category"),
    ],
)
def test_may_chair_bad_types(
    role: object, level: object, category: object, rule: str
) -> None:
    with pytest.raises(InvalidTypeError) as caught:
        may_chair(role, level, category)  # type: ignore[arg-type]
    assert caught.value.rule == rule


def test_decision_validates() -> None:
    with pytest.raises(MappaError):
        ChairDecision(
            allowed=True,
            role=Role(PoliceRank.SERGEANT),
            level=L1,
            category=RSO,
            minimum=HealthGrade.CONSULTANT,  # type: ignore[arg-type]
            health_chair_recommended=False,
            rule="chairs.level1.police",
            citation=GUIDANCE.cite("para 11.32"),
            reason="x",
        )


chair_cases = st.tuples(
    st.sampled_from([PoliceRank, SocialWorkGrade]),
    st.sampled_from(list(Category)),
    st.sampled_from(list(Level)),
).filter(lambda case: case[2] in permitted_levels(case[1]))


@given(case=chair_cases)
def test_seniority_is_monotonic(
    case: tuple[type[PoliceRank] | type[SocialWorkGrade], Category, Level],
) -> None:
    ladder, category, level = case
    allowed = [may_chair(rank, level, category).allowed for rank in ladder]
    # Once a rank may chair, every higher rank may.
    assert allowed == sorted(allowed)
    assert any(allowed)
    # And a higher level never needs a lower rank.
    for higher in Level:
        if higher > level and higher in permitted_levels(category):
            for rank in ladder:
                if may_chair(rank, higher, category).allowed:
                    assert may_chair(rank, level, category).allowed


# -- attendance seniority -----------------------------------------------------------


def test_default_policy() -> None:
    policy = DEFAULT_SENIORITY_POLICY
    assert policy.minimum_for(Agency.POLICE) is PoliceRank.SERGEANT
    assert policy.minimum_for(Agency.SOCIAL_WORK) is SocialWorkGrade.TEAM_LEADER
    assert policy.minimum_for(Agency.HEALTH) is None
    assert policy.meets(Agency.POLICE, PoliceRank.SERGEANT)
    assert policy.meets(Agency.POLICE, Role(PoliceRank.INSPECTOR, detective=True))
    assert not policy.meets(Agency.POLICE, PoliceRank.CONSTABLE)
    assert not policy.meets(Agency.SOCIAL_WORK, SocialWorkGrade.SOCIAL_WORKER)
    assert not policy.meets(Agency.SOCIAL_WORK, None)
    assert policy.meets(Agency.HEALTH, HealthGrade.PRACTITIONER)
    assert policy.meets(Agency.PRISON_SERVICE, None)
    assert policy.meets("Registered Social Landlord", None)
    assert "11.32" in policy.description
    assert default_seniority_policy() == policy


def test_default_policy_follows_the_rulebook() -> None:
    book = DEFAULT_RULEBOOK.with_value(
        "chairs.level1.police", "INSPECTOR", reason="local"
    )
    policy = default_seniority_policy(rulebook=book)
    assert policy.minimum_for(Agency.POLICE) is PoliceRank.INSPECTOR


def test_caller_policy_with_dtc_agencies() -> None:
    policy = SeniorityPolicy(
        {
            Agency.POLICE: PoliceRank.INSPECTOR,
            Agency.HEALTH: HealthGrade.SENIOR_PRACTITIONER,
            "Registered  social landlord": SocialWorkGrade.TEAM_LEADER,
        },
        description="Example area agreement",
    )
    assert not policy.meets(Agency.POLICE, PoliceRank.SERGEANT)
    assert policy.meets(Agency.HEALTH, HealthGrade.CONSULTANT)
    assert not policy.meets(Agency.HEALTH, HealthGrade.PRACTITIONER)
    assert policy.meets("registered social landlord", SocialWorkGrade.SERVICE_MANAGER)
    assert policy.minimum_for("DWP") is None
    assert policy.minimums[0][0] is Agency.POLICE  # enum keys first, in order
    assert [str(key) for key, _ in policy.minimums] == [
        "police",
        "health",
        "registered social landlord",
    ]


def test_policy_checks() -> None:
    with pytest.raises(LadderMismatch):
        SeniorityPolicy({Agency.POLICE: SocialWorkGrade.TEAM_LEADER})
    with pytest.raises(LadderMismatch):
        DEFAULT_SENIORITY_POLICY.meets(Agency.POLICE, SocialWorkGrade.TEAM_LEADER)
    with pytest.raises(InvalidValueError):
        SeniorityPolicy({"DWP": PoliceRank.SERGEANT, " dwp ": PoliceRank.SERGEANT})
    with pytest.raises(InvalidValueError):
        SeniorityPolicy({"  ": PoliceRank.SERGEANT})
    with pytest.raises(InvalidTypeError):
        SeniorityPolicy([(Agency.POLICE, PoliceRank.SERGEANT)])  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        SeniorityPolicy({1: PoliceRank.SERGEANT})  # type: ignore[dict-item]
    with pytest.raises(InvalidTypeError):
        SeniorityPolicy({Agency.POLICE: "SERGEANT"})  # type: ignore[dict-item]
    with pytest.raises(InvalidTypeError):
        DEFAULT_SENIORITY_POLICY.meets(Agency.POLICE, "SERGEANT")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        DEFAULT_SENIORITY_POLICY.minimum_for(3)  # type: ignore[arg-type]


@given(
    ladder=st.sampled_from([PoliceRank, SocialWorkGrade, HealthGrade]),
    data=st.data(),
)
def test_policy_is_monotonic(ladder: type[Rank], data: st.DataObject) -> None:
    minimum = data.draw(st.sampled_from(list(ladder)))
    agency = {
        PoliceRank: Agency.POLICE,
        SocialWorkGrade: Agency.SOCIAL_WORK,
        HealthGrade: Agency.HEALTH,
    }[ladder]
    policy = SeniorityPolicy({agency: minimum})
    results = [policy.meets(agency, rank) for rank in ladder]
    assert results == sorted(results)
    assert results == [rank >= minimum for rank in ladder]


def test_agency_and_ladder_names() -> None:
    assert [str(agency) for agency in Agency] == [
        "police",
        "social work",
        "health",
        "prison service",
    ]
    assert str(Ladder.SOCIAL_WORK) == "social work"
    assert HealthGrade.CONSULTANT.ladder is Ladder.HEALTH


def test_a_policy_round_trips_through_evolve() -> None:
    import attrs

    from mappa.chairs import DEFAULT_SENIORITY_POLICY

    assert attrs.evolve(DEFAULT_SENIORITY_POLICY) == DEFAULT_SENIORITY_POLICY


def test_the_social_work_ladder_is_a_rule_a_council_replaces() -> None:
    """The order of social work grades is data (unconfirmed, titles
    vary by council), read by may_chair from the rulebook it is given."""
    assert DEFAULT_RULEBOOK.texts("chairs.social_work.ladder")[0] == "SOCIAL_WORKER"
    # A council where a Head of Service ranks below a Service Manager.
    council = DEFAULT_RULEBOOK.with_value(
        "chairs.social_work.ladder",
        (
            "SOCIAL_WORKER",
            "TEAM_LEADER",
            "HEAD_OF_SERVICE",
            "SERVICE_MANAGER",
            "CHIEF_SOCIAL_WORK_OFFICER",
        ),
        reason="our grades",
    )
    head = SocialWorkGrade.HEAD_OF_SERVICE
    assert may_chair(head, Level.MULTI_AGENCY, Category.REGISTERED_SEX_OFFENDER)
    assert not may_chair(
        head, Level.MULTI_AGENCY, Category.REGISTERED_SEX_OFFENDER, rulebook=council
    )
    # the operators keep the default order
    assert head > SocialWorkGrade.SERVICE_MANAGER
    # a ladder that leaves a grade out cannot place it
    short = DEFAULT_RULEBOOK.with_value(
        "chairs.social_work.ladder",
        (
            "SOCIAL_WORKER",
            "TEAM_LEADER",
            "SERVICE_MANAGER",
            "CHIEF_SOCIAL_WORK_OFFICER",
        ),
        reason="no heads of service here",
    )
    with pytest.raises(InvalidValueError, match="does not place the grade"):
        may_chair(
            head, Level.MULTI_AGENCY, Category.REGISTERED_SEX_OFFENDER, rulebook=short
        )


def test_the_chair_policy_is_the_rulebooks() -> None:
    """The minimum rank for each level is a rule: a council that agrees a
    different chair policy overrides it (here: level 1 from Inspector)."""
    council = DEFAULT_RULEBOOK.with_value(
        "chairs.level1.police", "INSPECTOR", reason="local chair policy"
    )
    sergeant = PoliceRank.SERGEANT
    assert may_chair(sergeant, Level.ROUTINE, Category.REGISTERED_SEX_OFFENDER)
    decision = may_chair(
        sergeant, Level.ROUTINE, Category.REGISTERED_SEX_OFFENDER, rulebook=council
    )
    assert not decision
    assert decision.citation.document == "Caller's rulebook"
