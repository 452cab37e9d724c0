"""Tests for mappa.scr: Significant Case Review criteria, assessment and stages.

Sources: MAPPA National Guidance 2012 (SCR), paras 4 and 6-9; the stage
sequence of the Initial Case Review is our reading of the 2023 guidance,
chapter 20.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mappa.errors import InvalidTransition, InvalidTypeError, MappaError
from mappa.scr import (
    PROPORTIONALITY,
    Charge,
    Incident,
    ScrAssessment,
    ScrCriterion,
    ScrNextStep,
    ScrStage,
    assess_scr,
    check_transition,
    is_valid_transition,
    next_stages,
)
from mappa.sources import SCR_GUIDANCE_2012

PARA_7 = SCR_GUIDANCE_2012.cite("para 7")
PARA_8 = SCR_GUIDANCE_2012.cite("para 8")
PARA_9 = SCR_GUIDANCE_2012.cite("para 9")

incidents = st.builds(
    Incident,
    managed_under_mappa=st.booleans(),
    charge=st.sampled_from(Charge),
    concern_about_involvement=st.booleans(),
    harmed_as_known_sex_offender=st.booleans(),
    other_professional_concern=st.booleans(),
)


# -- criteria (2012 para 9) ---------------------------------------------------


@pytest.mark.parametrize(
    "charge", [Charge.MURDER, Charge.ATTEMPTED_MURDER, Charge.SERIOUS_SEXUAL_HARM]
)
def test_charge_with_murder_attempted_murder_or_serious_sexual_harm_meets_criterion_1(
    charge: Charge,
) -> None:
    # 2012 para 9, first bullet.
    result = assess_scr(Incident(managed_under_mappa=True, charge=charge))
    assert result.criteria == (ScrCriterion.CHARGED_WITH_SERIOUS_OFFENCE,)
    assert result.criteria_met
    assert bool(result)
    assert result.may_proceed
    # para 7: an Initial Case Review first determines whether an SCR is merited.
    assert result.next_step is ScrNextStep.INITIAL_CASE_REVIEW
    assert result.citations == (PARA_9, PARA_7)


def test_other_charge_alone_meets_no_criterion() -> None:
    # 2012 para 9 names only murder, attempted murder, serious sexual harm.
    result = assess_scr(Incident(managed_under_mappa=True, charge=Charge.OTHER))
    assert result.criteria == ()
    assert not result.criteria_met
    assert result.next_step is ScrNextStep.NO_REVIEW_REQUIRED
    assert not result.may_proceed


def test_concern_about_professional_involvement_meets_criterion_2() -> None:
    # 2012 para 9, second bullet.
    result = assess_scr(
        Incident(managed_under_mappa=True, concern_about_involvement=True)
    )
    assert result.criteria == (ScrCriterion.CONCERN_ABOUT_INVOLVEMENT,)
    assert result.next_step is ScrNextStep.INITIAL_CASE_REVIEW


def test_harm_after_status_known_meets_criterion_3() -> None:
    # 2012 para 9, third bullet.
    result = assess_scr(
        Incident(managed_under_mappa=True, harmed_as_known_sex_offender=True)
    )
    assert result.criteria == (ScrCriterion.HARMED_AS_KNOWN_SEX_OFFENDER,)


def test_all_three_criteria_listed_in_guidance_order() -> None:
    result = assess_scr(
        Incident(
            managed_under_mappa=True,
            charge=Charge.ATTEMPTED_MURDER,
            concern_about_involvement=True,
            harmed_as_known_sex_offender=True,
        )
    )
    assert result.criteria == tuple(ScrCriterion)
    assert "3 of the SCR criteria" in result.reason


def test_not_managed_under_mappa_meets_no_criterion() -> None:
    # Every bullet of 2012 para 9 concerns an offender managed under MAPPA.
    result = assess_scr(
        Incident(
            managed_under_mappa=False,
            charge=Charge.MURDER,
            concern_about_involvement=True,
            harmed_as_known_sex_offender=True,
        )
    )
    assert result.criteria == ()
    assert result.next_step is ScrNextStep.NO_REVIEW_REQUIRED
    assert "managed under MAPPA" in result.reason


def test_professional_concern_without_criteria_leaves_it_to_the_sog() -> None:
    # 2012 para 8: the list does not exclude cases that have triggered
    # significant professional concerns; the SOG decides how to proceed.
    result = assess_scr(
        Incident(managed_under_mappa=True, other_professional_concern=True)
    )
    assert not result.criteria_met
    assert result.next_step is ScrNextStep.SOG_DISCRETION
    assert result.may_proceed
    assert PARA_8 in result.citations
    assert "not exclusive" in result.reason


def test_professional_concern_when_not_managed_still_goes_to_the_sog() -> None:
    # Our reading: para 8 is not limited to cases that fit the criteria.
    result = assess_scr(
        Incident(managed_under_mappa=False, other_professional_concern=True)
    )
    assert result.next_step is ScrNextStep.SOG_DISCRETION


def test_criteria_are_data_with_citations() -> None:
    for criterion in ScrCriterion:
        assert criterion.citation == PARA_9
        assert "MAPPA" in criterion.description
        assert str(criterion) == criterion.value
    assert "murder" in ScrCriterion.CHARGED_WITH_SERIOUS_OFFENCE.description


def test_assessment_reminds_of_proportionality() -> None:
    # 2012 para 7: a review is proportionate and never escalated beyond that.
    result = assess_scr(Incident(managed_under_mappa=True, charge=Charge.MURDER))
    assert result.proportionality == PROPORTIONALITY
    assert "proportionate" in result.proportionality


def test_str_of_enums() -> None:
    assert str(Charge.SERIOUS_SEXUAL_HARM) == "crime of serious sexual harm"
    assert str(ScrNextStep.SOG_DISCRETION) == "SOG decides whether to proceed"
    assert str(ScrStage.SOG_CHAIR_REVIEW) == "SOG chair review"


def test_incident_refuses_wrong_types() -> None:
    with pytest.raises(InvalidTypeError, match="managed_under_mappa"):
        Incident(managed_under_mappa=1)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="charge"):
        Incident(managed_under_mappa=True, charge="murder")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        Incident(managed_under_mappa=True, concern_about_involvement=None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Incident(True)  # type: ignore[misc]  # keyword-only
    with pytest.raises(InvalidTypeError, match="incident"):
        assess_scr("murder")  # type: ignore[arg-type]


def test_incident_repr_holds_no_free_text() -> None:
    text = repr(Incident(managed_under_mappa=True, charge=Charge.MURDER))
    assert "Charge.MURDER" in text


def _reference(incident: Incident) -> tuple[ScrCriterion, ...]:
    if not incident.managed_under_mappa:
        return ()
    flags = (
        incident.charge
        in (Charge.MURDER, Charge.ATTEMPTED_MURDER, Charge.SERIOUS_SEXUAL_HARM),
        incident.concern_about_involvement,
        incident.harmed_as_known_sex_offender,
    )
    return tuple(c for c, flag in zip(ScrCriterion, flags, strict=True) if flag)


@given(incidents)
def test_assessment_matches_reference(incident: Incident) -> None:
    result = assess_scr(incident)
    assert isinstance(result, ScrAssessment)
    assert result.criteria == _reference(incident)
    assert result.criteria_met == bool(result.criteria)
    if result.criteria:
        expected = ScrNextStep.INITIAL_CASE_REVIEW
    elif incident.other_professional_concern:
        expected = ScrNextStep.SOG_DISCRETION
    else:
        expected = ScrNextStep.NO_REVIEW_REQUIRED
    assert result.next_step is expected
    assert PARA_9 in result.citations


@given(incidents)
def test_a_criterion_met_never_answers_no(incident: Incident) -> None:
    # The criteria are not exclusive (para 8): flagging professional concern
    # can only widen what may proceed, never narrow it.
    flagged = Incident(
        managed_under_mappa=incident.managed_under_mappa,
        charge=incident.charge,
        concern_about_involvement=incident.concern_about_involvement,
        harmed_as_known_sex_offender=incident.harmed_as_known_sex_offender,
        other_professional_concern=True,
    )
    assert assess_scr(flagged).may_proceed
    if assess_scr(incident).may_proceed:
        assert assess_scr(flagged).next_step is assess_scr(incident).next_step


# -- stages ---------------------------------------------------------------------

LEGAL = {
    (ScrStage.INITIAL_NOTIFICATION, ScrStage.SOG_CHAIR_REVIEW),
    (ScrStage.SOG_CHAIR_REVIEW, ScrStage.SOG_DECISION),
    (ScrStage.SOG_DECISION, ScrStage.REVIEW),
    (ScrStage.SOG_DECISION, ScrStage.CLOSED),
    (ScrStage.REVIEW, ScrStage.REPORT),
}


@pytest.mark.parametrize(
    ("current", "proposed"), list(itertools.product(ScrStage, ScrStage))
)
def test_every_transition_against_the_table(
    current: ScrStage, proposed: ScrStage
) -> None:
    legal = (current, proposed) in LEGAL
    assert is_valid_transition(current, proposed) is legal
    if legal:
        assert check_transition(current, proposed) is proposed
    else:
        with pytest.raises(InvalidTransition) as caught:
            check_transition(current, proposed)
        assert caught.value.rule == "scr.stages"
        assert caught.value.value == (current, proposed)
        assert isinstance(caught.value, ValueError)


def test_the_happy_paths() -> None:
    for path in (
        [
            ScrStage.INITIAL_NOTIFICATION,
            ScrStage.SOG_CHAIR_REVIEW,
            ScrStage.SOG_DECISION,
            ScrStage.REVIEW,
            ScrStage.REPORT,
        ],
        [
            ScrStage.INITIAL_NOTIFICATION,
            ScrStage.SOG_CHAIR_REVIEW,
            ScrStage.SOG_DECISION,
            ScrStage.CLOSED,
        ],
    ):
        stage = path[0]
        for following in path[1:]:
            stage = check_transition(stage, following)
        assert stage.is_final


def test_skipping_the_sog_decision_is_refused_clearly() -> None:
    # 2012 para 4: the SOG decides whether an SCR is warranted.
    with pytest.raises(InvalidTransition, match="only the SOG decision"):
        check_transition(ScrStage.SOG_CHAIR_REVIEW, ScrStage.CLOSED)
    with pytest.raises(InvalidTransition, match="only the SOG decision"):
        check_transition(ScrStage.INITIAL_NOTIFICATION, ScrStage.REVIEW)


def test_reopening_a_closed_case_is_refused_clearly() -> None:
    with pytest.raises(InvalidTransition, match="never reopened"):
        check_transition(ScrStage.CLOSED, ScrStage.REVIEW)
    with pytest.raises(InvalidTransition, match="never reopened"):
        check_transition(ScrStage.REPORT, ScrStage.INITIAL_NOTIFICATION)


def test_going_back_is_refused() -> None:
    with pytest.raises(InvalidTransition, match="may move only to: report"):
        check_transition(ScrStage.REVIEW, ScrStage.SOG_DECISION)


def test_next_stages_and_finality() -> None:
    assert next_stages(ScrStage.INITIAL_NOTIFICATION) == (ScrStage.SOG_CHAIR_REVIEW,)
    assert next_stages(ScrStage.CLOSED) == ()
    assert {s for s in ScrStage if s.is_final} == {ScrStage.REPORT, ScrStage.CLOSED}
    assert ScrStage.SOG_DECISION.citation == SCR_GUIDANCE_2012.cite("para 4")
    assert ScrStage.REVIEW.citation.pinpoint == "chapter 20"


def test_stage_functions_refuse_strings_and_ints() -> None:
    with pytest.raises(InvalidTypeError):
        check_transition("SOG decision", ScrStage.REVIEW)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        is_valid_transition(ScrStage.SOG_DECISION, 3)  # type: ignore[arg-type]
    with pytest.raises(MappaError):
        next_stages(None)  # type: ignore[arg-type]
