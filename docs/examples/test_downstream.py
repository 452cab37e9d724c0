"""An example downstream test suite: a small case system tested with mappa's strategies.

The "case system" is one function a team might write on top of ``mappa``:
:func:`plan_next_meeting` decides when a case's next MAPPA meeting is due
and who in the office rota may chair it. Its tests generate cases with
:mod:`mappa.strategies` and ``st.from_type``, so every case, date and chair
they try is one ``mappa`` accepts, and a failure shrinks to a simple case.

Run it like any test module: ``pytest docs/examples/test_downstream.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from mappa import strategies as ms
from mappa.chairs import ChairDecision, Role, may_chair
from mappa.framework import Category, Level
from mappa.reviews import ReviewMeeting, next_review_due

# -- the fictional case system ------------------------------------------------------


@attrs.frozen
class Plan:
    """When a case's next meeting is due and who will chair it."""

    due: dt.date | None  # None: level 1 has no national review interval
    chair: Role | None  # None: nobody on the rota may chair it


def plan_next_meeting(
    category: Category, last: ReviewMeeting, rota: Sequence[Role]
) -> Plan:
    """The next meeting of a case last met at *last*, chaired from *rota*."""
    due = (
        None
        if last.level is Level.ROUTINE
        else next_review_due(last.level, last.held_on).due
    )
    chair = next(
        (role for role in rota if may_chair(role, last.level, category).allowed),
        None,
    )
    return Plan(due=due, chair=chair)


# -- its tests -------------------------------------------------------------------------


@st.composite
def cases(draw: st.DrawFn) -> tuple[Category, ReviewMeeting]:
    """A category and a last meeting held at a level that category allows."""
    category, level = draw(ms.category_levels())
    return category, ReviewMeeting(draw(ms.dates()), level)


@settings(max_examples=50)
@given(cases(), st.lists(st.from_type(Role), max_size=4))
def test_the_next_meeting_is_after_the_last(
    case: tuple[Category, ReviewMeeting], rota: list[Role]
) -> None:
    category, last = case
    plan = plan_next_meeting(category, last, rota)
    if last.level is Level.ROUTINE:
        assert plan.due is None
    else:
        assert plan.due is not None
        assert plan.due > last.held_on
    if plan.chair is not None:
        assert plan.chair in rota


@settings(max_examples=50)
@given(ms.chair_assignments(), st.lists(st.from_type(Role), max_size=3), st.data())
def test_a_qualified_chair_on_the_rota_is_found(
    decision: ChairDecision, others: list[Role], data: st.DataObject
) -> None:
    # A rota with someone who may chair always yields a chair.
    rota = [*others, decision.role]
    last = ReviewMeeting(data.draw(ms.dates()), decision.level)
    assert plan_next_meeting(decision.category, last, rota).chair is not None


@settings(max_examples=50)
@given(st.lists(ms.invalid_chair_assignments(levels=[Level.MAPPP]), max_size=4))
def test_a_rota_of_unqualified_chairs_yields_none(
    decisions: list[ChairDecision],
) -> None:
    # Negative test: nobody who may not chair is ever picked, whatever the
    # category, so a rota of them for one category gives no chair.
    for decision in decisions:
        last = ReviewMeeting(dt.date(2025, 1, 6), decision.level)
        plan = plan_next_meeting(decision.category, last, [decision.role])
        assert plan.chair is None
