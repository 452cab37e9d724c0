"""Tests for mappa.defensibility (guidance paras 18.16-18.17)."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mappa.defensibility import (
    DefensibilityChecklist,
    DefensibilityResult,
    Element,
    assess_defensibility,
    checklist_from_answers,
    meets_defensibility_test,
)
from mappa.errors import InvalidTypeError


def test_six_elements_in_the_guidance_order() -> None:
    # Para 18.17 lists six elements.
    assert [e.name for e in Element] == [
        "REASONABLE_STEPS",
        "RELIABLE_ASSESSMENT",
        "INFORMATION_EVALUATED",
        "DECISIONS_RECORDED",
        "POLICIES_FOLLOWED",
        "INVESTIGATIVE_AND_PROACTIVE",
    ]
    assert [f.name for f in attrs.fields(DefensibilityChecklist)] == [
        e.field for e in Element
    ]
    assert str(Element.REASONABLE_STEPS) == "all reasonable steps have been taken"


def test_all_met() -> None:
    # Para 18.16: the test is met when everything reasonable was done.
    result = assess_defensibility(
        DefensibilityChecklist(**{e.field: True for e in Element})
    )
    assert result.meets_test
    assert result.met == tuple(Element)
    assert result.unmet == result.unanswered == ()
    assert result.question.startswith("Was everything done")
    assert result.citation.pinpoint == "paras 18.16-18.17"


def test_unmet_and_unanswered_are_reported() -> None:
    # Para 18.17: each element is reported separately; no score.
    audit = DefensibilityChecklist(
        reasonable_steps=True,
        reliable_assessment=False,
        information_evaluated=True,
        decisions_recorded=True,
        policies_followed=False,
    )
    result = assess_defensibility(audit)
    assert not result.meets_test
    assert result.unmet == (Element.RELIABLE_ASSESSMENT, Element.POLICIES_FOLLOWED)
    assert result.unanswered == (Element.INVESTIGATIVE_AND_PROACTIVE,)
    assert not meets_defensibility_test(audit)


def test_empty_checklist_is_all_unanswered() -> None:
    result = assess_defensibility(DefensibilityChecklist())
    assert result.unanswered == tuple(Element)
    assert not result.meets_test


def test_mapping_answers() -> None:
    answers = dict.fromkeys(Element, True)
    assert meets_defensibility_test(answers)
    answers[Element.DECISIONS_RECORDED] = False
    result = assess_defensibility(answers)
    assert result.unmet == (Element.DECISIONS_RECORDED,)
    checklist = checklist_from_answers({Element.POLICIES_FOLLOWED: False})
    assert checklist.answer(Element.POLICIES_FOLLOWED) is False
    assert checklist.answer(Element.REASONABLE_STEPS) is None


@pytest.mark.parametrize(
    "bad",
    [
        {"reasonable_steps": True},  # string key
        {Element.REASONABLE_STEPS: "yes"},  # non-bool answer
        {Element.REASONABLE_STEPS: 1},
        {1: True},
    ],
)
def test_bad_mappings(bad: object) -> None:
    with pytest.raises(InvalidTypeError):
        assess_defensibility(bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        checklist_from_answers(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [None, True, "all met", [True] * 6, 6])
def test_bad_audits(bad: object) -> None:
    with pytest.raises(InvalidTypeError):
        assess_defensibility(bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        checklist_from_answers(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["yes", 1, 0, "narrative about the case"])
def test_checklist_refuses_non_bool_answers(bad: object) -> None:
    with pytest.raises(InvalidTypeError) as caught:
        DefensibilityChecklist(reasonable_steps=bad)  # type: ignore[arg-type]
    assert "narrative" not in str(caught.value)


def test_answer_needs_an_element() -> None:
    with pytest.raises(InvalidTypeError):
        DefensibilityChecklist().answer("REASONABLE_STEPS")  # type: ignore[arg-type]


def test_result_is_typed() -> None:
    with pytest.raises(InvalidTypeError):
        DefensibilityResult(
            met=("x",),  # type: ignore[arg-type]
            unmet=(),
            unanswered=(),
            question="q",
            citation=assess_defensibility({}).citation,
        )


answers = st.sampled_from([True, False, None])


@given(st.fixed_dictionaries({e.field: answers for e in Element}))
def test_partition_matches_reference(fields: dict[str, bool | None]) -> None:
    # Every element lands in exactly one of met / unmet / unanswered, in order,
    # and the test is met only if all six are met.
    result = assess_defensibility(DefensibilityChecklist(**fields))
    assert result.met + result.unmet + result.unanswered == tuple(
        sorted(
            Element,
            key=lambda e: (
                fields[e.field] is not True,
                fields[e.field] is not False,
                list(Element).index(e),
            ),
        )
    )
    assert set(result.met) == {e for e in Element if fields[e.field] is True}
    assert set(result.unmet) == {e for e in Element if fields[e.field] is False}
    assert result.meets_test == all(fields[e.field] is True for e in Element)
