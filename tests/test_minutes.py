"""Tests for mappa.minutes: minute and RMP deadlines.

Deadlines: draft within 5 working days, final within a further 5 (10 in
all) of the meeting, MAPPA National Guidance (2023) para 11.15. Holidays:
gov.uk/bank-holidays, Scotland.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import raises
from mappa.calendar import WorkingCalendar
from mappa.deadlines import Deadline
from mappa.errors import InvalidTypeError, InvalidValueError
from mappa.minutes import MinutesDecision, MinutesDue, minutes_due, minutes_on_time
from mappa.rulebook import DEFAULT_RULEBOOK
from mappa.sources import GUIDANCE

D = dt.date
SCOTLAND = WorkingCalendar.scotland()
dates = st.dates(min_value=D(2015, 1, 1), max_value=D(2035, 12, 31))


def test_ordinary_fortnight() -> None:
    # Monday 2 June 2025: 5th working day after is Monday 9 June, 10th is
    # Monday 16 June (para 11.15).
    due = minutes_due(D(2025, 6, 2))
    assert (due.draft.due, due.final.due) == (D(2025, 6, 9), D(2025, 6, 16))
    assert (due.draft_working_days, due.final_working_days) == (5, 10)
    assert due.draft.citation == GUIDANCE.cite("para 11.15")
    assert due.final.citation == GUIDANCE.cite("para 11.15")
    assert due.meeting_date == D(2025, 6, 2)


def test_across_the_world_cup_holiday_of_2026() -> None:
    # Monday 8 June 2026. Monday 15 June 2026 is a Scottish bank holiday
    # proclaimed in February 2026 (holidays 0.91 and later): the 5th working
    # day after is Tuesday 16 June, the 10th Tuesday 23 June. A calendar that
    # missed it would say Monday 15 and Monday 22 June, a day early.
    due = minutes_due(D(2026, 6, 8))
    assert (due.draft.due, due.final.due) == (D(2026, 6, 16), D(2026, 6, 23))
    unaware = WorkingCalendar.scotland(extra_working_days=[D(2026, 6, 15)])
    early = minutes_due(D(2026, 6, 8), calendar=unaware)
    assert (early.draft.due, early.final.due) == (D(2026, 6, 15), D(2026, 6, 22))


def test_over_christmas_2024() -> None:
    # Thursday 19 December 2024; closed: 25, 26 December (Christmas Day,
    # Boxing Day), 1, 2 January (New Year's Day, New Year Holiday).
    due = minutes_due(D(2024, 12, 19))
    assert due.draft.due == D(2024, 12, 30)
    assert due.final.due == D(2025, 1, 8)


def test_over_st_andrews_day_2025() -> None:
    # Monday 24 November 2025; Monday 1 December is Saint Andrew's Day (observed).
    due = minutes_due(D(2025, 11, 24))
    assert due.draft.due == D(2025, 12, 2)
    assert due.final.due == D(2025, 12, 9)


def test_meeting_on_a_saturday_counts_from_the_next_day() -> None:
    due = minutes_due(D(2025, 6, 7))
    assert due.draft.due == D(2025, 6, 13)
    assert due.final.due == D(2025, 6, 20)


def test_caller_calendar_and_rulebook() -> None:
    # A council closed on Monday 9 June 2025 pushes the draft to Tuesday.
    local = WorkingCalendar.scotland(extra_closed_days=[D(2025, 6, 9)])
    assert minutes_due(D(2025, 6, 2), calendar=local).draft.due == D(2025, 6, 10)
    book = DEFAULT_RULEBOOK.with_value("minutes.final", 15, reason="local target")
    due = minutes_due(D(2025, 6, 2), rulebook=book)
    assert due.final.due == D(2025, 6, 23)
    assert due.final.citation.pinpoint == "local target"


def test_rulebook_allowing_no_days_is_refused() -> None:
    book = DEFAULT_RULEBOOK.with_value("minutes.draft", 0, reason="broken")
    with pytest.raises(InvalidValueError, match=r"minutes\.draft"):
        minutes_due(D(2025, 6, 2), rulebook=book)
    late_draft = DEFAULT_RULEBOOK.with_value("minutes.draft", 12, reason="odd")
    with pytest.raises(InvalidValueError):
        minutes_due(D(2025, 6, 2), rulebook=late_draft)


def test_on_time_and_late() -> None:
    on_time = minutes_on_time(D(2025, 6, 2), D(2025, 6, 16))
    assert isinstance(on_time, MinutesDecision)
    assert on_time.on_time
    assert not on_time.late
    assert on_time.deadline == D(2025, 6, 16)
    assert on_time.working_days_late == 0
    assert on_time.working_days_taken == 10
    assert on_time.rule == "minutes.final"
    assert on_time.citation == GUIDANCE.cite("para 11.15")
    late = minutes_on_time(D(2025, 6, 2), D(2025, 6, 18))
    assert late.late
    assert late.working_days_late == 2
    assert late.working_days_taken == 12


def test_released_on_the_meeting_day() -> None:
    decision = minutes_on_time(D(2025, 6, 2), D(2025, 6, 2))
    assert decision.on_time
    assert decision.working_days_taken == 0


def test_release_on_a_closed_day_after_the_deadline_is_late() -> None:
    # Deadline Monday 16 June 2025; released Saturday 21 June: counted as
    # released on Monday 23 June, 5 working days late.
    decision = minutes_on_time(D(2025, 6, 2), D(2025, 6, 21))
    assert decision.late
    assert decision.working_days_late == 5
    # Deadline Friday 20 June 2025 (meeting Saturday 7 June); released
    # Sunday 22 June: late by 1 working day.
    decision = minutes_on_time(D(2025, 6, 7), D(2025, 6, 22))
    assert decision.deadline == D(2025, 6, 20)
    assert decision.late
    assert decision.working_days_late == 1


def test_released_before_the_meeting_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="before its meeting"):
        minutes_on_time(D(2025, 6, 2), D(2025, 6, 1))


@pytest.mark.parametrize(
    "bad", [dt.datetime(2025, 6, 2, 10, 0), "2025-06-02", 20250602, None]
)
def test_bad_dates_are_type_errors(bad: object) -> None:
    with pytest.raises(TypeError):
        minutes_due(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        minutes_on_time(bad, D(2025, 6, 20))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        minutes_on_time(D(2025, 6, 2), bad)  # type: ignore[arg-type]


def test_bad_calendar_is_a_type_error() -> None:
    with pytest.raises(InvalidTypeError, match="calendar"):
        minutes_due(D(2025, 6, 2), calendar="Scotland")  # type: ignore[arg-type]


def test_value_objects_check_their_fields() -> None:
    citation = GUIDANCE.cite("para 11.15")
    draft = Deadline(D(2025, 6, 20), "minutes.draft", citation)
    final = Deadline(D(2025, 6, 16), "minutes.final", citation)
    with pytest.raises(InvalidValueError):
        MinutesDue(D(2025, 6, 2), draft, final, 5, 10)
    with pytest.raises(InvalidTypeError):
        MinutesDue(D(2025, 6, 2), D(2025, 6, 9), final, 5, 10)  # type: ignore[arg-type]


def test_minutes_due_holds_deadlines_naming_their_rules() -> None:
    due = minutes_due(D(2025, 6, 2))
    assert isinstance(due.draft, Deadline)
    assert (due.draft.rule, due.final.rule) == ("minutes.draft", "minutes.final")
    assert due.citations == (GUIDANCE.cite("para 11.15"),)


def test_decision_is_truthy_when_on_time() -> None:
    assert minutes_on_time(D(2025, 6, 2), D(2025, 6, 16))
    late = minutes_on_time(D(2025, 6, 2), D(2025, 6, 17))
    assert not late
    assert late.citations == (late.citation,)


@given(meeting=dates, extra=st.integers(min_value=0, max_value=60))
def test_on_time_agrees_with_the_deadline(meeting: dt.date, extra: int) -> None:
    released = meeting + dt.timedelta(days=extra)
    due = minutes_due(meeting)
    decision = minutes_on_time(meeting, released)
    assert meeting < due.draft.due < due.final.due
    assert SCOTLAND.working_days_between(meeting, due.final.due) == 10
    assert SCOTLAND.working_days_between(meeting, due.draft.due) == 5
    assert (
        SCOTLAND.working_days_between(due.draft.due, due.final.due) == 5
    )  # "a further five"
    assert decision.deadline == due.final.due
    assert decision.on_time == (released <= due.final.due)
    assert (decision.working_days_late > 0) == decision.late
    if decision.late:
        assert decision.working_days_late == max(
            1, decision.working_days_taken - 10
        ) or (not SCOTLAND.is_working_day(released))


@given(meeting=dates, a=st.integers(0, 40), b=st.integers(0, 40))
def test_later_release_is_never_less_late(meeting: dt.date, a: int, b: int) -> None:
    a, b = sorted((a, b))
    first = minutes_on_time(meeting, meeting + dt.timedelta(days=a))
    second = minutes_on_time(meeting, meeting + dt.timedelta(days=b))
    assert first.working_days_late <= second.working_days_late
    assert first.working_days_taken <= second.working_days_taken


@given(m1=dates, m2=dates)
def test_later_meeting_never_has_an_earlier_deadline(m1: dt.date, m2: dt.date) -> None:
    m1, m2 = sorted((m1, m2))
    assert minutes_due(m1).final.due <= minutes_due(m2).final.due


# ---------------------------------------------------------------------------
# Boundaries and errors, each side pinned (mutation testing, docs/testing.md)
# ---------------------------------------------------------------------------


def test_one_working_day_allowance_is_accepted_and_zero_is_refused() -> None:
    # The smallest allowance a rulebook may set is 1 working day: Monday
    # 2 June 2025 then gives Tuesday 3 June (draft) and, with final at 2,
    # Wednesday 4 June.
    book = DEFAULT_RULEBOOK.with_value("minutes.draft", 1, reason="one day")
    book = book.with_value("minutes.final", 2, reason="two days")
    due = minutes_due(D(2025, 6, 2), rulebook=book)
    assert (due.draft.due, due.final.due) == (D(2025, 6, 3), D(2025, 6, 4))
    assert (due.draft.rule, due.final.rule) == ("minutes.draft", "minutes.final")
    assert (due.draft_working_days, due.final_working_days) == (1, 2)
    for name in ("minutes.draft", "minutes.final"):
        broken = DEFAULT_RULEBOOK.with_value(name, 0, reason="broken")
        with raises(
            InvalidValueError,
            rule=name,
            words=["rule", name, "at least 1 working day", "got 0"],
            value=0,
        ):
            minutes_due(D(2025, 6, 2), rulebook=broken)
    broken = DEFAULT_RULEBOOK.with_value("minutes.final", 0, reason="broken")
    with raises(InvalidValueError, rule="minutes.final", value=0):
        minutes_on_time(D(2025, 6, 2), D(2025, 6, 3), rulebook=broken)


def test_release_on_the_deadline_and_the_day_after() -> None:
    # Deadline Monday 16 June 2025 (10th working day after Monday 2 June).
    on_the_day = minutes_on_time(D(2025, 6, 2), D(2025, 6, 16))
    assert (on_the_day.on_time, on_the_day.working_days_late) == (True, 0)
    day_after = minutes_on_time(D(2025, 6, 2), D(2025, 6, 17))
    assert (day_after.on_time, day_after.working_days_late) == (False, 1)
    assert day_after.working_days_taken == 11


def test_release_before_the_meeting_names_the_rule_and_dates() -> None:
    with raises(
        InvalidValueError,
        rule="minutes.final",
        words=["a minute", "cannot be released before", "its meeting"],
        value=(D(2025, 6, 2), D(2025, 6, 1)),
    ):
        minutes_on_time(D(2025, 6, 2), D(2025, 6, 1))


def test_bad_arguments_name_the_parameter() -> None:
    with raises(InvalidTypeError, param="meeting_date", words=["meeting_date"]):
        minutes_due("2025-06-02")  # type: ignore[arg-type]
    with raises(InvalidTypeError, param="meeting_date", words=["meeting_date"]):
        minutes_on_time(20250602, D(2025, 6, 20))  # type: ignore[arg-type]
    with raises(InvalidTypeError, param="released_on", words=["released_on"]):
        minutes_on_time(D(2025, 6, 2), None)  # type: ignore[arg-type]
    with raises(InvalidTypeError, param="calendar", words=["calendar"]):
        minutes_due(D(2025, 6, 2), calendar="Scotland")  # type: ignore[arg-type]
    with raises(InvalidTypeError, param="calendar", words=["calendar"]):
        minutes_on_time(
            D(2025, 6, 2),
            D(2025, 6, 3),
            calendar="Scotland",  # type: ignore[arg-type]
        )


def test_minutes_due_allows_equal_days_and_refuses_a_draft_out_of_order() -> None:
    citation = GUIDANCE.cite("para 11.15")
    day = D(2025, 6, 2)

    def bundle(draft: dt.date, final: dt.date, days: int = 0) -> MinutesDue:
        return MinutesDue(
            day,
            Deadline(draft, "minutes.draft", citation),
            Deadline(final, "minutes.final", citation),
            days,
            2 * days,
        )

    # Allowances of 0 make every day the same: allowed by the value object.
    same = bundle(day, day)
    assert same.draft.due == same.final.due == day
    # One side of each boundary allowed: draft on the meeting day, draft on
    # the final deadline.
    assert bundle(day, D(2025, 6, 16), 5).draft.due == day
    assert bundle(D(2025, 6, 16), D(2025, 6, 16), 5).draft.due == D(2025, 6, 16)
    for draft, final in (
        (D(2025, 6, 1), D(2025, 6, 16)),
        (D(2025, 6, 17), D(2025, 6, 16)),
    ):
        with raises(
            InvalidValueError,
            rule="minutes.final",
            words=["a minute's draft deadline", "final deadline"],
        ):
            bundle(draft, final, 5)


def test_rules_are_read_as_at_the_meeting_on_both_sides_of_a_change() -> None:
    # A local standard from Monday 6 January 2020: 7 and 15 working days.
    # A meeting the Friday before keeps the national 5 and 10; a meeting on
    # the day itself takes the new values (and not today's reading: both
    # versions are in the past).
    start = D(2020, 1, 6)
    book = DEFAULT_RULEBOOK.with_value(
        "minutes.final", 15, reason="local final", applies_from=start
    ).with_value("minutes.draft", 7, reason="local draft", applies_from=start)
    before = minutes_due(D(2020, 1, 3), rulebook=book)
    assert (before.draft.due, before.final.due) == (D(2020, 1, 10), D(2020, 1, 17))
    assert before.final.citation == GUIDANCE.cite("para 11.15")
    on_the_day = minutes_due(start, rulebook=book)
    assert (on_the_day.draft.due, on_the_day.final.due) == (
        D(2020, 1, 15),
        D(2020, 1, 27),
    )
    assert on_the_day.draft.citation.pinpoint == "local draft"
    assert on_the_day.final.citation.pinpoint == "local final"
    late = minutes_on_time(D(2020, 1, 3), D(2020, 1, 20), rulebook=book)
    assert (late.on_time, late.deadline, late.working_days_late) == (
        False,
        D(2020, 1, 17),
        1,
    )
    in_time = minutes_on_time(start, D(2020, 1, 27), rulebook=book)
    assert (in_time.on_time, in_time.deadline) == (True, D(2020, 1, 27))
    assert in_time.citation.pinpoint == "local final"
