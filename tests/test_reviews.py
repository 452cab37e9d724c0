"""Tests for mappa.reviews: review intervals, due dates, status and pre-release."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import raises
from mappa.calendar import WorkingCalendar
from mappa.deadlines import Deadline
from mappa.errors import (
    InvalidTypeError,
    InvalidValueError,
    MappaError,
    NotApplicable,
    UnknownRuleError,
)
from mappa.framework import Level
from mappa.periods import Counting, Duration
from mappa.reviews import (
    InitialMapppCheck,
    ReviewMeeting,
    ReviewState,
    assess_initial_mappp,
    case_review_status,
    initial_mappp_due,
    next_review_due,
    next_rmp_review_due,
    review_interval,
    review_periods,
    review_schedule,
    review_status,
)
from mappa.rulebook import DEFAULT_RULEBOOK, Rule, RuleVersion
from mappa.sources import GUIDANCE

L1, L2, L3 = Level.ROUTINE, Level.MULTI_AGENCY, Level.MAPPP
SCOTLAND = WorkingCalendar.scotland()

# Reference implementation of the review intervals: guidance para 11.30
# ("no less than once every 12 / 6 weeks") read as calendar days.
REFERENCE_DAYS = {L2: 84, L3: 42}

dates = st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31))
calendar_dates = st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31))
review_levels = st.sampled_from([L2, L3])


# -- intervals ------------------------------------------------------------------


def test_level3_interval_is_six_weeks() -> None:
    # Guidance para 11.30: level 3 reviewed no less than once every 6 weeks.
    interval = review_interval(L3)
    assert interval.duration == Duration(weeks=6)
    assert interval.duration.total_days == 42
    assert interval.counting is Counting.AFTER
    assert interval.rule == "reviews.level3.interval"
    assert interval.citation == GUIDANCE.cite("para 11.30")
    assert "6 weeks" in str(interval)


def test_level2_interval_is_twelve_weeks() -> None:
    # Guidance para 11.30: level 2 reviewed no less than once every 12 weeks.
    interval = review_interval(L2)
    assert interval.duration.total_days == 84
    assert interval.rule == "reviews.level2.interval"
    assert str(interval.citation) == "MAPPA National Guidance (2023), para 11.30"


def test_level1_has_no_national_interval() -> None:
    # Guidance paras 11.27-11.28: level 1 frequency agreed case by case.
    with pytest.raises(NotApplicable) as caught:
        review_interval(L1)
    assert isinstance(caught.value, LookupError)
    assert caught.value.rule == "reviews.level1.interval"
    assert "11.27" in str(caught.value)
    with pytest.raises(NotApplicable):
        next_review_due(L1, dt.date(2025, 1, 6))
    with pytest.raises(NotApplicable):
        review_status(L1, dt.date(2025, 1, 6), dt.date(2025, 1, 7))
    with pytest.raises(NotApplicable):
        tuple(
            d.due for d in review_schedule(L1, dt.date(2025, 1, 6), dt.date(2026, 1, 6))
        )


@pytest.mark.parametrize("bad", [3, "3", 3.0, None])
def test_level_must_be_a_level(bad: object) -> None:
    with pytest.raises(InvalidTypeError) as caught:
        review_interval(bad)  # type: ignore[arg-type]
    assert caught.value.rule == "level"


def test_interval_from_a_callers_rulebook() -> None:
    book = DEFAULT_RULEBOOK.with_value(
        "reviews.level3.interval", Duration(weeks=4), reason="local standard"
    )
    assert next_review_due(L3, dt.date(2025, 1, 6), rulebook=book).due == dt.date(
        2025, 2, 3
    )
    assert review_interval(L3, rulebook=book).citation.pinpoint == "local standard"


def test_interval_rule_with_the_wrong_type() -> None:
    rule = Rule(
        name="reviews.level2.interval",
        description="wrongly an int",
        unit="days",
        versions=(RuleVersion(84, GUIDANCE.cite("para 11.30"), "bad"),),
    )
    with pytest.raises(InvalidTypeError):
        review_interval(L2, rulebook=DEFAULT_RULEBOOK.with_rule(rule))


def test_missing_rule() -> None:
    book = type(DEFAULT_RULEBOOK)(
        tuple(r for r in DEFAULT_RULEBOOK if r.name != "reviews.level3.interval")
    )
    with pytest.raises(UnknownRuleError):
        review_interval(L3, rulebook=book)


def test_rulebook_must_be_a_rulebook() -> None:
    with pytest.raises(InvalidTypeError):
        review_interval(L3, rulebook={})  # type: ignore[arg-type]


# -- due dates ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "last", "due"),
    [
        # Guidance para 11.30: 6 weeks (42 days) and 12 weeks (84 days).
        (L3, dt.date(2025, 1, 6), dt.date(2025, 2, 17)),
        (L2, dt.date(2025, 1, 6), dt.date(2025, 3, 31)),
        (L3, dt.date(2024, 1, 31), dt.date(2024, 3, 13)),  # across 29 February
        (L2, dt.date(2025, 12, 1), dt.date(2026, 2, 23)),  # across the year end
    ],
)
def test_next_review_due_examples(level: Level, last: dt.date, due: dt.date) -> None:
    assert next_review_due(level, last).due == due
    assert review_interval(level).due_after(last) == due


def test_datetime_is_refused() -> None:
    with pytest.raises(InvalidTypeError) as caught:
        next_review_due(L3, dt.datetime(2025, 1, 6, 9, 30))  # type: ignore[arg-type]
    assert caught.value.rule == "last_meeting"
    assert isinstance(caught.value, TypeError)
    with pytest.raises(InvalidTypeError):
        review_interval(L3).due_after(dt.datetime(2025, 1, 6))  # type: ignore[arg-type]


def test_due_date_beyond_the_calendar_names_the_rule() -> None:
    with pytest.raises(InvalidValueError) as caught:
        next_review_due(L3, dt.date.max)
    assert caught.value.rule == "reviews.level3.interval"


def test_calendar_moves_a_saturday_due_date_to_friday() -> None:
    # 4 January 2025 + 42 days = Saturday 15 February 2025.
    assert next_review_due(L3, dt.date(2025, 1, 4)).due == dt.date(2025, 2, 15)
    assert next_review_due(
        L3, dt.date(2025, 1, 4), move_to_working_day=True
    ).due == dt.date(2025, 2, 14)


def test_calendar_moves_a_christmas_due_date_back() -> None:
    # 13 November 2025 + 42 days = Christmas Day, a Scottish bank holiday.
    assert next_review_due(
        L3, dt.date(2025, 11, 13), move_to_working_day=True
    ).due == dt.date(2025, 12, 24)


def test_calendar_leaves_a_working_day_alone() -> None:
    assert next_review_due(
        L3, dt.date(2025, 1, 6), move_to_working_day=True
    ).due == dt.date(2025, 2, 17)


def test_calendar_with_local_closed_day() -> None:
    local = WorkingCalendar.scotland(extra_closed_days=[dt.date(2025, 2, 17)])
    assert next_review_due(
        L3, dt.date(2025, 1, 6), move_to_working_day=True, calendar=local
    ).due == dt.date(2025, 2, 14)


def test_calendar_must_be_a_calendar() -> None:
    with pytest.raises(InvalidTypeError) as caught:
        next_review_due(L3, dt.date(2025, 1, 6), calendar="Scotland")  # type: ignore[arg-type]
    assert caught.value.rule == "calendar"


@given(level=review_levels, last=dates)
def test_due_matches_the_reference(level: Level, last: dt.date) -> None:
    assert next_review_due(level, last).due == last + dt.timedelta(
        days=REFERENCE_DAYS[level]
    )


@given(level=review_levels, last=calendar_dates)
@settings(max_examples=50)
def test_due_is_strictly_after_the_meeting(level: Level, last: dt.date) -> None:
    assert next_review_due(level, last).due > last
    assert next_review_due(level, last, move_to_working_day=True).due > last


@given(level=review_levels, a=calendar_dates, b=calendar_dates)
@settings(max_examples=50)
def test_a_later_meeting_never_gives_an_earlier_due_date(
    level: Level, a: dt.date, b: dt.date
) -> None:
    a, b = min(a, b), max(a, b)
    assert next_review_due(level, a).due <= next_review_due(level, b).due
    assert (
        next_review_due(level, a, move_to_working_day=True).due
        <= next_review_due(level, b, move_to_working_day=True).due
    )


@given(level=review_levels, last=calendar_dates)
@settings(max_examples=50)
def test_calendar_due_is_the_last_working_day_on_or_before(
    level: Level, last: dt.date
) -> None:
    plain = next_review_due(level, last).due
    moved = next_review_due(level, last, move_to_working_day=True).due
    assert moved <= plain
    assert SCOTLAND.is_working_day(moved)
    day = moved + dt.timedelta(days=1)
    while day <= plain:
        assert not SCOTLAND.is_working_day(day)
        day += dt.timedelta(days=1)


# -- status -------------------------------------------------------------------


def test_status_on_time() -> None:
    status = review_status(L3, dt.date(2025, 1, 6), dt.date(2025, 2, 10))
    assert status.state is ReviewState.ON_TIME
    assert status.due == dt.date(2025, 2, 17)
    assert (status.days_remaining, status.days_overdue) == (7, 0)
    assert status.compliant
    assert not status.held
    assert str(status) == "on time: 7 days left (due 2025-02-17)"
    assert status.citation == GUIDANCE.cite("para 11.30")


def test_status_due_today() -> None:
    status = review_status(L3, dt.date(2025, 1, 6), dt.date(2025, 2, 17))
    assert status.state is ReviewState.DUE_TODAY
    assert (status.days_remaining, status.days_overdue) == (0, 0)
    assert status.compliant
    assert str(status) == "due today (2025-02-17)"
    assert str(status.state) == "due today"


def test_status_overdue() -> None:
    # Guidance para 11.30: 12 weeks from 6 January 2025 is 31 March 2025.
    status = review_status(L2, dt.date(2025, 1, 6), dt.date(2025, 4, 7))
    assert status.state is ReviewState.OVERDUE
    assert status.days_overdue == 7
    assert not status.compliant
    assert str(status) == "overdue by 7 days (due 2025-03-31)"
    assert status.rule == "reviews.level2.interval"


def test_status_on_the_meeting_day() -> None:
    status = review_status(L3, dt.date(2025, 1, 6), dt.date(2025, 1, 6))
    assert status.days_remaining == 42


def test_status_before_the_meeting_is_refused() -> None:
    with pytest.raises(InvalidValueError) as caught:
        review_status(L3, dt.date(2025, 1, 6), dt.date(2025, 1, 5))
    assert caught.value.rule == "reviews.level3.interval"


def test_status_with_calendar() -> None:
    status = review_status(
        L3, dt.date(2025, 1, 4), dt.date(2025, 2, 15), move_to_working_day=True
    )
    assert status.due == dt.date(2025, 2, 14)
    assert status.state is ReviewState.OVERDUE
    assert status.days_overdue == 1


@given(level=review_levels, last=dates, gap=st.integers(0, 400))
def test_status_against_the_reference(level: Level, last: dt.date, gap: int) -> None:
    on = last + dt.timedelta(days=gap)
    status = review_status(level, last, on)
    limit = REFERENCE_DAYS[level]
    assert status.due == last + dt.timedelta(days=limit)
    assert status.days_overdue == max(gap - limit, 0)
    assert status.days_remaining == max(limit - gap, 0)
    assert status.compliant == (gap <= limit)
    assert (status.state is ReviewState.DUE_TODAY) == (gap == limit)


# -- level changes and histories ------------------------------------------------


def test_escalation_takes_the_new_interval_from_that_meeting() -> None:
    # Level 2 on 6 January; moved to level 3 on 3 March: 6 weeks from 3 March.
    history = [(dt.date(2025, 1, 6), L2), (dt.date(2025, 3, 3), L3)]
    status = case_review_status(history, dt.date(2025, 4, 1))
    assert status.level is L3
    assert status.last_meeting == dt.date(2025, 3, 3)
    assert status.due == dt.date(2025, 4, 14)


def test_de_escalation_takes_the_new_interval_from_that_meeting() -> None:
    history = [
        ReviewMeeting(dt.date(2025, 1, 6), L3),
        ReviewMeeting(dt.date(2025, 2, 3), L2),
    ]
    status = case_review_status(history, dt.date(2025, 4, 1))
    assert status.due == dt.date(2025, 4, 28)
    assert status.state is ReviewState.ON_TIME


def test_moved_to_level1_has_no_national_interval() -> None:
    history = [(dt.date(2025, 1, 6), L2), (dt.date(2025, 2, 3), L1)]
    with pytest.raises(NotApplicable):
        case_review_status(history, dt.date(2025, 6, 1))
    # ... and the level 2 period that the level 1 meeting closed is judged.
    (period,) = review_periods(history, on=dt.date(2025, 6, 1))
    assert period.held
    assert period.compliant


def test_history_in_any_order_and_meetings_after_on_ignored() -> None:
    history = [
        (dt.date(2025, 5, 1), L2),
        (dt.date(2025, 1, 6), L3),
        (dt.date(2025, 2, 10), L3),
    ]
    status = case_review_status(history, dt.date(2025, 3, 31))
    assert status.last_meeting == dt.date(2025, 2, 10)
    assert status.state is ReviewState.OVERDUE  # due 24 March
    assert status.days_overdue == 7


def test_same_day_meetings_keep_their_order() -> None:
    history = [(dt.date(2025, 1, 6), L3), (dt.date(2025, 1, 6), L2)]
    assert case_review_status(history, dt.date(2025, 1, 7)).level is L2


def test_history_needs_a_meeting_on_or_before_on() -> None:
    with pytest.raises(InvalidValueError) as caught:
        case_review_status([(dt.date(2025, 1, 6), L3)], dt.date(2025, 1, 5))
    assert caught.value.rule == "meetings"
    with pytest.raises(InvalidValueError):
        case_review_status([], dt.date(2025, 1, 5))


@pytest.mark.parametrize(
    "bad",
    [
        "2025-01-06",
        5,
        [dt.date(2025, 1, 6)],
        [(dt.date(2025, 1, 6), 3)],
        [(dt.datetime(2025, 1, 6), L3)],
        [(dt.date(2025, 1, 6), L3, "extra")],
    ],
)
def test_bad_histories(bad: object) -> None:
    with pytest.raises(InvalidTypeError):
        case_review_status(bad, dt.date(2025, 6, 1))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        review_periods(bad)  # type: ignore[arg-type]


def test_review_meeting_validates() -> None:
    with pytest.raises(InvalidTypeError):
        ReviewMeeting(dt.date(2025, 1, 6), 3)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        ReviewMeeting(dt.datetime(2025, 1, 6), L3)  # type: ignore[arg-type]


def test_review_periods_judge_each_gap() -> None:
    history = [
        (dt.date(2025, 1, 6), L2),  # due 31 March; next held 3 March: on time
        (dt.date(2025, 3, 3), L3),  # due 14 April; next held 21 April: 7 days late
        (dt.date(2025, 4, 21), L1),  # level 1: opens no period
        (dt.date(2025, 6, 2), L3),  # due 14 July; open, judged on 14 July
    ]
    periods = review_periods(history)
    assert [p.state for p in periods] == [ReviewState.ON_TIME, ReviewState.OVERDUE]
    assert [p.held for p in periods] == [True, True]
    assert periods[1].days_overdue == 7
    assert periods[1].on == dt.date(2025, 4, 21)
    with_open = review_periods(history, on=dt.date(2025, 7, 14))
    assert len(with_open) == 3
    assert with_open[-1].state is ReviewState.DUE_TODAY
    assert not with_open[-1].held
    assert review_periods(history, on=dt.date(2025, 3, 1))[0].held is False


meeting_lists = st.lists(
    st.tuples(calendar_dates, st.sampled_from(list(Level))), min_size=1, max_size=8
)


@given(meetings=meeting_lists, extra=st.integers(0, 200))
@settings(max_examples=60)
def test_history_status_is_the_last_meetings_status(
    meetings: list[tuple[dt.date, Level]], extra: int
) -> None:
    ordered = sorted(meetings, key=lambda m: m[0])
    on = ordered[-1][0] + dt.timedelta(days=extra)
    last_day, last_level = ordered[-1]
    if last_level is L1:
        with pytest.raises(NotApplicable):
            case_review_status(meetings, on)
    else:
        assert case_review_status(meetings, on) == review_status(
            last_level, last_day, on
        )
    periods = review_periods(meetings)
    assert len(periods) == sum(1 for _, level in ordered[:-1] if level is not L1)
    for period in periods:
        assert period.held
        assert period.on >= period.last_meeting


# -- schedules ----------------------------------------------------------------


def test_schedule_example() -> None:
    # Guidance para 11.30: every 6 weeks from 6 January 2025.
    assert tuple(
        d.due for d in review_schedule(L3, dt.date(2025, 1, 6), dt.date(2025, 6, 30))
    ) == (
        dt.date(2025, 2, 17),
        dt.date(2025, 3, 31),
        dt.date(2025, 5, 12),
        dt.date(2025, 6, 23),
    )


def test_schedule_includes_a_date_on_the_horizon() -> None:
    assert tuple(
        d.due for d in review_schedule(L2, dt.date(2025, 1, 6), dt.date(2025, 3, 31))
    ) == (dt.date(2025, 3, 31),)
    assert (
        tuple(
            d.due
            for d in review_schedule(L2, dt.date(2025, 1, 6), dt.date(2025, 3, 30))
        )
        == ()
    )
    assert (
        tuple(
            d.due for d in review_schedule(L2, dt.date(2025, 1, 6), dt.date(2024, 1, 1))
        )
        == ()
    )


def test_schedule_with_calendar_runs_from_the_moved_date() -> None:
    # 4 Jan 2025 + 42 = Sat 15 Feb -> Fri 14 Feb; + 42 = Fri 28 Mar.
    assert tuple(
        d.due
        for d in review_schedule(
            L3, dt.date(2025, 1, 4), dt.date(2025, 4, 1), move_to_working_day=True
        )
    ) == (dt.date(2025, 2, 14), dt.date(2025, 3, 28))


def test_schedule_to_the_end_of_time_stops() -> None:
    dates_ = tuple(d.due for d in review_schedule(L2, dt.date(9990, 1, 1), dt.date.max))
    assert dates_[-1] <= dt.date.max
    assert len(dates_) == (dt.date.max - dt.date(9990, 1, 1)).days // 84


def test_schedule_with_a_month_interval() -> None:
    # A caller's rulebook may count in months: each date runs from the last.
    book = DEFAULT_RULEBOOK.with_value(
        "reviews.level2.interval", Duration(months=1), reason="monthly"
    )
    assert tuple(
        d.due
        for d in review_schedule(
            L2, dt.date(2025, 1, 31), dt.date(2025, 4, 30), rulebook=book
        )
    ) == (dt.date(2025, 2, 28), dt.date(2025, 3, 28), dt.date(2025, 4, 28))


@given(level=review_levels, first=dates, span=st.integers(0, 1500))
@settings(max_examples=60)
def test_schedule_properties(level: Level, first: dt.date, span: int) -> None:
    until = first + dt.timedelta(days=span)
    schedule = tuple(d.due for d in review_schedule(level, first, until))
    step = dt.timedelta(days=REFERENCE_DAYS[level])
    # Reference: first + k * interval for k = 1, 2, ... while within the horizon.
    assert schedule == tuple(
        first + k * step for k in range(1, span // REFERENCE_DAYS[level] + 1)
    )
    previous = first
    for day in schedule:
        assert day > previous
        assert day <= until
        previous = day


# -- Orders for Lifelong Restriction ---------------------------------------------


@pytest.mark.parametrize(
    ("last", "due"),
    [
        # Guidance para 11.7: at least once a year, read as the year beginning
        # with the last review (it ends the day before the anniversary).
        (dt.date(2025, 5, 1), dt.date(2026, 4, 30)),
        (dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
        # the year beginning with 29 February 2024 is the year after 28
        # February 2024 (DESIGN, counting): never a day short
        (dt.date(2024, 2, 29), dt.date(2025, 2, 28)),
        (dt.date(2023, 3, 1), dt.date(2024, 2, 29)),  # the year holds 29 Feb
        (dt.date(2024, 2, 28), dt.date(2025, 2, 27)),
        (dt.date(2023, 2, 28), dt.date(2024, 2, 27)),
        (dt.date(2024, 3, 1), dt.date(2025, 2, 28)),
    ],
)
def test_rmp_review_examples(last: dt.date, due: dt.date) -> None:
    assert next_rmp_review_due(last).due == due


def test_rmp_review_with_calendar() -> None:
    # The year beginning with 2 January 2025 ends on 1 January 2026, a
    # Scottish bank holiday (so is 2 January): back to 31 December 2025.
    assert next_rmp_review_due(
        dt.date(2025, 1, 2), move_to_working_day=True
    ).due == dt.date(2025, 12, 31)


def test_rmp_review_bad_input() -> None:
    with pytest.raises(InvalidTypeError):
        next_rmp_review_due(dt.datetime(2025, 1, 2))  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError) as caught:
        next_rmp_review_due(dt.date.max)
    assert caught.value.rule == "reviews.olr_rmp.interval"


def _reference_rmp_due(last: dt.date) -> dt.date:
    if (last.month, last.day) == (2, 29):
        return dt.date(last.year + 1, 2, 28)
    return last.replace(year=last.year + 1) - dt.timedelta(days=1)


@given(last=dates)
def test_rmp_review_against_the_reference(last: dt.date) -> None:
    due = next_rmp_review_due(last).due
    assert due == _reference_rmp_due(last)
    assert due > last


@given(a=dates, b=dates)
def test_rmp_review_is_monotonic(a: dt.date, b: dt.date) -> None:
    a, b = min(a, b), max(a, b)
    assert next_rmp_review_due(a).due <= next_rmp_review_due(b).due


# -- pre-release ----------------------------------------------------------------


def test_initial_mappp_deadline_example() -> None:
    # National performance indicators: the initial MAPPP meeting 4 weeks
    # before liberation: 28 days before 28 March 2025.
    assert initial_mappp_due(dt.date(2025, 3, 28)).due == dt.date(2025, 2, 28)
    assert initial_mappp_due(dt.date(2024, 3, 28)).due == dt.date(2024, 2, 29)


def test_initial_mappp_deadline_with_calendar() -> None:
    # Liberation Saturday 29 March 2025: 1 March is a Saturday -> 28 February.
    assert initial_mappp_due(dt.date(2025, 3, 29)).due == dt.date(2025, 3, 1)
    assert initial_mappp_due(
        dt.date(2025, 3, 29), move_to_working_day=True
    ).due == dt.date(2025, 2, 28)


def test_check_met_on_the_deadline() -> None:
    check = assess_initial_mappp(dt.date(2025, 3, 28), dt.date(2025, 2, 28))
    assert check.met
    assert bool(check)
    assert (check.days_early, check.days_late) == (0, 0)
    assert check.rule == "reviews.initial_mappp.before_liberation"
    assert "National Performance Indicators" in str(check.citation)
    assert str(check) == "met: 0 days before the deadline"


def test_check_early_and_late() -> None:
    early = assess_initial_mappp(dt.date(2025, 3, 28), dt.date(2025, 2, 20))
    assert early.met
    assert early.days_early == 8
    late = assess_initial_mappp(dt.date(2025, 3, 28), dt.date(2025, 3, 3))
    assert not late.met
    assert not bool(late)
    assert late.days_late == 3
    assert not late.after_liberation
    assert str(late) == "missed: 3 days after the deadline"


def test_check_after_liberation_is_a_miss_not_an_error() -> None:
    check = assess_initial_mappp(dt.date(2025, 3, 28), dt.date(2025, 4, 2))
    assert not check.met
    assert check.after_liberation
    assert check.days_late == 33


def test_check_bad_input() -> None:
    with pytest.raises(InvalidTypeError) as caught:
        assess_initial_mappp(dt.date(2025, 3, 28), dt.datetime(2025, 2, 1))  # type: ignore[arg-type]
    assert caught.value.rule == "held_on"
    with pytest.raises(InvalidValueError) as deadline_error:
        initial_mappp_due(dt.date.min)
    assert deadline_error.value.rule == "reviews.initial_mappp.before_liberation"


def test_check_object_validates() -> None:
    with pytest.raises(MappaError):
        InitialMapppCheck(
            liberation_date=dt.date(2025, 3, 28),
            held_on=dt.date(2025, 3, 1),
            deadline=dt.date(2025, 2, 28),
            met=False,
            days_early=-1,
            days_late=1,
            after_liberation=False,
            rule="reviews.initial_mappp.before_liberation",
            citation=GUIDANCE.cite("para 11.30"),
        )


@given(liberation=dates, offset=st.integers(-100, 100))
def test_pre_release_against_the_reference(liberation: dt.date, offset: int) -> None:
    deadline = initial_mappp_due(liberation).due
    assert deadline == liberation - dt.timedelta(days=28)
    held = deadline + dt.timedelta(days=offset)
    check = assess_initial_mappp(liberation, held)
    assert check.met == (held <= deadline)
    assert check.days_early - check.days_late == (deadline - held).days
    assert check.after_liberation == (held > liberation)


# -- one shape: every due date is a Deadline ----------------------------------


def test_due_dates_are_deadlines_naming_their_rules() -> None:
    review = next_review_due(L3, dt.date(2025, 1, 6))
    assert isinstance(review, Deadline)
    assert review.rule == "reviews.level3.interval"
    assert review.citation == GUIDANCE.cite("para 11.30")
    assert review.citations == (review.citation,)
    assert review.moved_from is None
    rmp = next_rmp_review_due(dt.date(2025, 5, 1))
    assert rmp.rule == "reviews.olr_rmp.interval"
    pre = initial_mappp_due(dt.date(2025, 3, 28))
    assert pre.rule == "reviews.initial_mappp.before_liberation"
    assert all(
        isinstance(d, Deadline)
        for d in review_schedule(L3, dt.date(2025, 1, 6), dt.date(2025, 6, 30))
    )


def test_move_to_working_day_keeps_the_date_it_moved_from() -> None:
    # 6 weeks after 13 November 2025 is Christmas Day: moved back to the 24th.
    moved = next_review_due(L3, dt.date(2025, 11, 13), move_to_working_day=True)
    assert (moved.due, moved.moved_from) == (
        dt.date(2025, 12, 24),
        dt.date(2025, 12, 25),
    )
    assert moved.moved
    # The opt-in is what moves it: a calendar alone never does.
    plain = next_review_due(L3, dt.date(2025, 11, 13), calendar=SCOTLAND)
    assert (plain.due, plain.moved_from) == (dt.date(2025, 12, 25), None)


def test_move_to_working_day_must_be_a_bool() -> None:
    for call in (
        lambda: next_review_due(L3, dt.date(2025, 1, 6), move_to_working_day="yes"),  # type: ignore[arg-type]
        lambda: review_periods([(dt.date(2025, 1, 6), L3)], move_to_working_day=1),  # type: ignore[arg-type]
    ):
        with raises(
            InvalidTypeError, param="move_to_working_day", words=["move_to_working_day"]
        ):
            call()


def test_decisions_are_truthy_when_compliant() -> None:
    decision = assess_initial_mappp(dt.date(2025, 3, 28), dt.date(2025, 2, 20))
    assert decision
    assert decision.citations == (decision.citation,)
    status = review_status(L3, dt.date(2025, 1, 6), dt.date(2025, 2, 18))
    assert not status
    assert status.citations == (status.citation,)


# ---------------------------------------------------------------------------
# Boundaries and errors, each side pinned (mutation testing, docs/testing.md)
# ---------------------------------------------------------------------------

FOUR_WEEKS_L3 = DEFAULT_RULEBOOK.with_value(
    "reviews.level3.interval", Duration(weeks=4), reason="local standard"
)


def test_assess_initial_mappp_on_the_deadline_and_the_day_after() -> None:
    # Liberation Friday 28 March 2025: deadline 28 days before, Friday
    # 28 February (performance indicator: 4 weeks before liberation).
    on_the_day = assess_initial_mappp(dt.date(2025, 3, 28), dt.date(2025, 2, 28))
    assert (on_the_day.met, on_the_day.days_early, on_the_day.days_late) == (
        True,
        0,
        0,
    )
    day_after = assess_initial_mappp(dt.date(2025, 3, 28), dt.date(2025, 3, 1))
    assert (day_after.met, day_after.days_early, day_after.days_late) == (
        False,
        0,
        1,
    )
    day_before = assess_initial_mappp(dt.date(2025, 3, 28), dt.date(2025, 2, 27))
    assert (day_before.met, day_before.days_early) == (True, 1)
    for decision in (on_the_day, day_after, day_before):
        assert decision.deadline == dt.date(2025, 2, 28)
        assert decision.rule == "reviews.initial_mappp.before_liberation"


def test_assess_initial_mappp_on_and_after_the_liberation_day() -> None:
    on_liberation = assess_initial_mappp(dt.date(2025, 3, 28), dt.date(2025, 3, 28))
    assert not on_liberation.after_liberation
    assert not on_liberation.met
    after = assess_initial_mappp(dt.date(2025, 3, 28), dt.date(2025, 3, 29))
    assert after.after_liberation


def test_assess_initial_mappp_reads_the_callers_rulebook() -> None:
    book = DEFAULT_RULEBOOK.with_value(
        "reviews.initial_mappp.before_liberation",
        Duration(weeks=2),
        reason="local standard",
    )
    check = assess_initial_mappp(
        dt.date(2025, 3, 28), dt.date(2025, 3, 14), rulebook=book
    )
    assert check.deadline == dt.date(2025, 3, 14)
    assert check.met
    assert check.citation.pinpoint == "local standard"


def test_every_status_function_reads_the_callers_rulebook() -> None:
    # Level 3 at 4 weeks: from Monday 6 January 2025, due Monday 3 February.
    last, due = dt.date(2025, 1, 6), dt.date(2025, 2, 3)
    assert review_status(L3, last, due, rulebook=FOUR_WEEKS_L3).due == due
    history = [(last, L3), (dt.date(2025, 2, 4), L3)]
    assert case_review_status([(last, L3)], due, rulebook=FOUR_WEEKS_L3).due == due
    (period,) = review_periods(history, rulebook=FOUR_WEEKS_L3)
    assert (period.due, period.state) == (due, ReviewState.OVERDUE)


def test_every_status_function_reads_the_callers_calendar() -> None:
    # Level 3 from Monday 6 January 2025 is due Monday 17 February; asked
    # to move to a working day, a council closed that day moves it back to
    # Friday 14 February. The calendar alone moves nothing.
    last = dt.date(2025, 1, 6)
    closed = WorkingCalendar.scotland(extra_closed_days=[dt.date(2025, 2, 17)])
    on = dt.date(2025, 2, 10)
    moved, plain = dt.date(2025, 2, 14), dt.date(2025, 2, 17)
    for move, expected in ((True, moved), (False, plain)):
        status = review_status(L3, last, on, move_to_working_day=move, calendar=closed)
        assert (status.due, status.rule) == (expected, "reviews.level3.interval")
        case = case_review_status(
            [(last, L3)], on, move_to_working_day=move, calendar=closed
        )
        assert case.due == expected
        (period,) = review_periods(
            [(last, L3)], on=on, move_to_working_day=move, calendar=closed
        )
        assert period.due == expected
    deadline = next_review_due(L3, last, move_to_working_day=True, calendar=closed)
    assert (deadline.due, deadline.moved_from) == (moved, plain)


def test_a_meeting_on_the_judging_day_closes_the_period() -> None:
    history = [(dt.date(2025, 1, 6), L3), (dt.date(2025, 2, 17), L3)]
    periods = review_periods(history, on=dt.date(2025, 2, 17))
    assert [(p.last_meeting, p.held) for p in periods] == [
        (dt.date(2025, 1, 6), True),
        (dt.date(2025, 2, 17), False),
    ]
    assert periods[0].state is ReviewState.DUE_TODAY


def test_a_level1_meeting_opens_no_period_but_later_meetings_do() -> None:
    history = [
        (dt.date(2025, 1, 6), L1),
        (dt.date(2025, 2, 3), L2),
        (dt.date(2025, 3, 3), L3),
        (dt.date(2025, 4, 1), L3),
    ]
    periods = review_periods(history)
    assert [(p.level, p.last_meeting) for p in periods] == [
        (L2, dt.date(2025, 2, 3)),
        (L3, dt.date(2025, 3, 3)),
    ]


def test_level1_error_carries_the_level() -> None:
    with raises(
        NotApplicable,
        rule="reviews.level1.interval",
        words=["no national review interval", "case by case"],
        value=1,
    ):
        review_interval(L1)


def test_status_before_the_meeting_names_the_rule_and_the_date() -> None:
    with raises(
        InvalidValueError,
        rule="reviews.level2.interval",
        words=["must not be before last_meeting", "reviews.level2.interval"],
        value=dt.date(2025, 1, 5),
    ):
        review_status(L2, dt.date(2025, 1, 6), dt.date(2025, 1, 5))


def test_history_without_a_meeting_before_on_names_the_date() -> None:
    with raises(
        InvalidValueError,
        param="meetings",
        words=[
            "no meeting held on or before",
            "a review period",
            "starts at a meeting",
        ],
        value=dt.date(2025, 1, 5),
    ):
        case_review_status([(dt.date(2025, 1, 6), L2)], dt.date(2025, 1, 5))


def test_bad_histories_name_the_meeting() -> None:
    with raises(
        InvalidTypeError,
        param="meetings",
        words=[
            "meetings must be an iterable of ReviewMeeting",
            "(date, Level)",
            "pairs, not str",
        ],
    ):
        review_periods("2025-01-06")  # type: ignore[arg-type]
    with raises(
        InvalidTypeError,
        param="meetings",
        words=["meetings[1] must be a ReviewMeeting", "(date, Level)", "pair, not int"],
        value=1,
    ):
        review_periods([(dt.date(2025, 1, 6), L2), 7])  # type: ignore[list-item]
    with raises(InvalidTypeError, param="meetings[1][0]"):
        review_periods([(dt.date(2025, 1, 6), L2), ("2025-02-03", L2)])  # type: ignore[list-item]
    with raises(InvalidTypeError, param="meetings[0][1]"):
        review_periods([(dt.date(2025, 1, 6), 2)])  # type: ignore[list-item]


DAY = dt.date(2025, 1, 6)
LATER = dt.date(2025, 6, 30)


@pytest.mark.parametrize(
    ("call", "param"),
    [
        (lambda: review_interval(L2).due_after("x"), "last_meeting"),  # type: ignore[arg-type]
        (lambda: next_review_due(2, DAY), "level"),  # type: ignore[arg-type]
        (lambda: next_review_due(L2, "x"), "last_meeting"),  # type: ignore[arg-type]
        (lambda: next_review_due(L2, DAY, calendar="x"), "calendar"),  # type: ignore[arg-type]
        (lambda: review_status(2, DAY, LATER), "level"),  # type: ignore[arg-type]
        (lambda: review_status(L2, "x", LATER), "last_meeting"),  # type: ignore[arg-type]
        (lambda: review_status(L2, DAY, "x"), "on"),  # type: ignore[arg-type]
        (lambda: review_periods([(DAY, L2)], on="x"), "on"),  # type: ignore[arg-type]
        (lambda: case_review_status([(DAY, L2)], "x"), "on"),  # type: ignore[arg-type]
        (lambda: review_schedule(2, DAY, LATER), "level"),  # type: ignore[arg-type]
        (lambda: review_schedule(L2, "x", LATER), "first_meeting"),  # type: ignore[arg-type]
        (lambda: review_schedule(L2, DAY, "x"), "until"),  # type: ignore[arg-type]
        (lambda: next_rmp_review_due("x"), "last_review"),  # type: ignore[arg-type]
        (lambda: initial_mappp_due("x"), "liberation_date"),  # type: ignore[arg-type]
        (lambda: assess_initial_mappp("x", DAY), "liberation_date"),  # type: ignore[arg-type]
        (lambda: assess_initial_mappp(LATER, "x"), "held_on"),  # type: ignore[arg-type]
    ],
)
def test_bad_arguments_name_the_parameter(call: object, param: str) -> None:
    with raises(InvalidTypeError, param=param, words=[param]):
        call()  # type: ignore[operator]


def test_schedule_that_makes_no_progress_is_refused() -> None:
    # A 1-day interval from Friday 6 June 2025 is due Saturday, which the
    # calendar moves back to Friday itself: no progress, so an error
    # rather than a schedule that never ends.
    book = DEFAULT_RULEBOOK.with_value(
        "reviews.level3.interval", Duration(days=1), reason="edge"
    )
    friday = dt.date(2025, 6, 6)
    with raises(
        InvalidValueError,
        rule="reviews.level3.interval",
        words=["rule 'reviews.level3.interval' gives no progress from 2025-06-06"],
        value=friday,
    ):
        review_schedule(
            L3,
            friday,
            dt.date(2025, 6, 30),
            move_to_working_day=True,
            calendar=SCOTLAND,
            rulebook=book,
        )
    # Without the move the same interval makes a day's progress each time.
    plain = review_schedule(L3, friday, dt.date(2025, 6, 9), rulebook=book)
    assert [d.due for d in plain] == [
        dt.date(2025, 6, 7),
        dt.date(2025, 6, 8),
        dt.date(2025, 6, 9),
    ]


# -- rules read as at the event, on both sides of a version's start -----------

_FROM = dt.date(2020, 1, 6)  # a Monday; the Friday before is 3 January
_BEFORE = dt.date(2020, 1, 3)
_LOCAL = (
    DEFAULT_RULEBOOK.with_value(
        "reviews.level3.interval",
        Duration(weeks=4),
        reason="local level 3",
        applies_from=_FROM,
    )
    .with_value(
        "reviews.olr_rmp.interval",
        Duration(months=6),
        reason="local RMP",
        applies_from=_FROM,
    )
    .with_value(
        "reviews.initial_mappp.before_liberation",
        Duration(weeks=2),
        reason="local pre-release",
        applies_from=_FROM,
    )
)


def test_review_intervals_are_read_as_at_the_meeting_that_opens_them() -> None:
    # 6 weeks from Friday 3 January 2020 (before the local 4 weeks start):
    # Friday 14 February. 4 weeks from Monday 6 January: Monday 3 February.
    old, new = dt.date(2020, 2, 14), dt.date(2020, 2, 3)
    assert next_review_due(L3, _BEFORE, rulebook=_LOCAL).due == old
    local = next_review_due(L3, _FROM, rulebook=_LOCAL)
    assert (local.due, local.citation.pinpoint) == (new, "local level 3")
    on = dt.date(2020, 2, 4)
    before = review_status(L3, _BEFORE, on, rulebook=_LOCAL)
    assert (before.due, before.state) == (old, ReviewState.ON_TIME)
    after = review_status(L3, _FROM, on, rulebook=_LOCAL)
    assert (after.due, after.state, after.days_overdue) == (
        new,
        ReviewState.OVERDUE,
        1,
    )
    assert case_review_status([(_BEFORE, L3)], on, rulebook=_LOCAL).due == old
    assert case_review_status([(_FROM, L3)], on, rulebook=_LOCAL).due == new
    periods = review_periods([(_BEFORE, L3), (_FROM, L3)], on=on, rulebook=_LOCAL)
    assert [(p.due, p.held) for p in periods] == [(old, True), (new, False)]
    # A schedule reads each interval as at the meeting it runs from: 6
    # weeks from 3 January, then 4 weeks from 14 February.
    schedule = review_schedule(L3, _BEFORE, dt.date(2020, 3, 31), rulebook=_LOCAL)
    assert [d.due for d in schedule] == [old, dt.date(2020, 3, 13)]


def test_rmp_and_pre_release_rules_are_read_as_at_their_event() -> None:
    # A year beginning with 3 January 2020 ends 2 January 2021; 6 months
    # beginning with 6 January 2020 end 5 July 2020.
    assert next_rmp_review_due(_BEFORE, rulebook=_LOCAL).due == dt.date(2021, 1, 2)
    rmp = next_rmp_review_due(_FROM, rulebook=_LOCAL)
    assert (rmp.due, rmp.citation.pinpoint) == (dt.date(2020, 7, 5), "local RMP")
    # 28 days before a liberation on 3 January 2020: 6 December 2019; 14
    # days before one on 6 January: 23 December 2019.
    assert initial_mappp_due(_BEFORE, rulebook=_LOCAL).due == dt.date(2019, 12, 6)
    assert initial_mappp_due(_FROM, rulebook=_LOCAL).due == dt.date(2019, 12, 23)
    held = dt.date(2019, 12, 20)
    missed = assess_initial_mappp(_BEFORE, held, rulebook=_LOCAL)
    assert (missed.met, missed.days_late, missed.deadline) == (
        False,
        14,
        dt.date(2019, 12, 6),
    )
    assert missed.citation == initial_mappp_due(_BEFORE).citation
    met = assess_initial_mappp(_FROM, held, rulebook=_LOCAL)
    assert (met.met, met.days_early, met.citation.pinpoint) == (
        True,
        3,
        "local pre-release",
    )


def test_review_periods_leave_a_holiday_due_date_alone_by_default() -> None:
    # 6 weeks from 13 November 2025 is Christmas Day: not moved unless asked.
    history = [(dt.date(2025, 11, 13), L3)]
    (plain,) = review_periods(history, on=dt.date(2025, 12, 1))
    assert plain.due == dt.date(2025, 12, 25)
    (moved,) = review_periods(
        history, on=dt.date(2025, 12, 1), move_to_working_day=True
    )
    assert moved.due == dt.date(2025, 12, 24)
