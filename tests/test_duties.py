"""mappa.duties: every duty of a case on one timeline.

The example cases are worked by hand from the sources, each expected date
with its reasoning; the properties check that every due date is the answer
of the public rule function it comes from, that every duty names a rule the
rulebook has, and that a later day never reopens an overdue duty.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mappa import strategies as ms
from mappa.calendar import WorkingCalendar
from mappa.deadlines import Deadline
from mappa.disclosure import (
    DataProtectionRegime,
    assess_audio_recording,
    subject_access_due,
)
from mappa.duties import (
    AccessRequest,
    Case,
    CaseMeeting,
    Duty,
    DutyKind,
    DutyRow,
    DutyStatus,
    Event,
    EventKind,
    IspApproval,
    NotificationFacts,
    case_from_json,
    caseload_duties,
    duties,
    read_case,
    to_ical,
)
from mappa.errors import (
    InvalidTypeError,
    InvalidValueError,
    LevelNotPermitted,
    MissingDependency,
    NotApplicable,
    RecordError,
    RuleNotInForce,
)
from mappa.framework import Category, Level
from mappa.isp import approval_period
from mappa.minutes import minutes_due
from mappa.notification import (
    Caution,
    CautionJurisdiction,
    Imprisonment,
    LifeImprisonment,
    OtherDisposal,
    ReviewReckoning,
    change_notification_due,
    initial_notification_due,
    periodic_notification_due,
    review_date,
)
from mappa.periods import DateRange
from mappa.records import Caseload, Meeting, MeetingKind
from mappa.reviews import (
    case_review_status,
    initial_mappp_due,
    next_review_due,
    next_rmp_review_due,
)
from mappa.rulebook import DEFAULT_RULEBOOK
from test_rules_data import with_later_versions

D = dt.date
RSO = Category.REGISTERED_SEX_OFFENDER
POLICE = DataProtectionRegime.LAW_ENFORCEMENT
GENERAL = DataProtectionRegime.GENERAL
PROPERTY = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def by_kind(found: tuple[Duty, ...], kind: DutyKind) -> list[Duty]:
    return [duty for duty in found if duty.kind is kind]


def one(found: tuple[Duty, ...], kind: DutyKind) -> Duty:
    (duty,) = by_kind(found, kind)
    return duty


# -- a level 3 case released from custody across Christmas -----------------------
#
# Convicted 1 November 2023 (18 months: a 10-year notification period,
# s.82(1)); in custody from then until release on Monday 6 January 2025.
# Initial MAPPP due 4 weeks before liberation: 9 December 2024 (national
# performance indicators). Held Thursday 5 December 2024: met.
# Its minutes (para 11.15, Scottish working days): draft by the 5th working
# day after, Thursday 12 December; final by the 10th, Thursday 19 December.
# Review on Thursday 19 December, 14 days later: the level 3 review due 42
# days after 5 December, 16 January 2025, is met. The 19 December meeting's
# draft is due on the 5th working day after it: 20, 23, 24 December, (25
# and 26 closed), 27, 30 December; the final on the 10th: 31 December,
# (1 and 2 January closed), 3, 6, 7, 8 January 2025. Its next review is due
# 42 days later, 30 January 2025.
# Notification: the initial notification is due within 3 days beginning
# with the relevant date, custody not counted (s.83(1), (6)): 6, 7, 8
# January 2025. Release is a change (s.84(1)(d)): due 8 January too.
# Notified 7 January 2025: both met; the periodic notification is then due
# one year after, 7 January 2026 (s.85(1)).

CHRISTMAS = Case(
    case_ref="C-2024-1",
    category=RSO,
    area="Glasgow",
    liberation_date=D(2025, 1, 6),
    referral_level=Level.MAPPP,
    meetings=(
        CaseMeeting(
            held_on=D(2024, 12, 5),
            level=Level.MAPPP,
            kind=MeetingKind.INITIAL,
            meeting_id="M1",
            draft_released=D(2024, 12, 12),
            final_released=D(2024, 12, 19),
        ),
        CaseMeeting(
            held_on=D(2024, 12, 19),
            level=Level.MAPPP,
            meeting_id="M2",
            draft_released=D(2025, 1, 6),
        ),
    ),
    notification=NotificationFacts(
        disposal=Imprisonment(months=18),
        relevant_date=D(2023, 11, 1),
        under_18=False,
        excluded=(DateRange(D(2023, 11, 1), D(2025, 1, 5)),),
        changes=(D(2025, 1, 6),),
        notifications=(D(2025, 1, 7),),
    ),
)


def test_christmas_release_worked_by_hand() -> None:
    found = duties(CHRISTMAS, on=D(2025, 1, 9))
    mappp = one(found, DutyKind.INITIAL_MAPPP)
    assert (mappp.due, mappp.done_on, mappp.status) == (
        D(2024, 12, 9),
        D(2024, 12, 5),
        DutyStatus.MET,
    )
    assert mappp.rule == "reviews.initial_mappp.before_liberation"
    reviews = by_kind(found, DutyKind.NEXT_REVIEW)
    assert [(d.due, d.status, d.event.meeting_id) for d in reviews] == [
        (D(2025, 1, 16), DutyStatus.MET, "M1"),
        (D(2025, 1, 30), DutyStatus.OPEN, "M2"),
    ]
    drafts = by_kind(found, DutyKind.MINUTE_DRAFT)
    assert [(d.due, d.status, d.days_overdue) for d in drafts] == [
        (D(2024, 12, 12), DutyStatus.MET, 0),
        (D(2024, 12, 30), DutyStatus.MET_LATE, 7),
    ]
    finals = by_kind(found, DutyKind.MINUTE_FINAL)
    assert [(d.due, d.status, d.days_overdue) for d in finals] == [
        (D(2024, 12, 19), DutyStatus.MET, 0),
        (D(2025, 1, 8), DutyStatus.OVERDUE, 1),
    ]
    initial = one(found, DutyKind.INITIAL_NOTIFICATION)
    assert (initial.due, initial.status, initial.deadline.days_added) == (  # type: ignore[union-attr]
        D(2025, 1, 8),
        DutyStatus.MET,
        432,
    )
    change = one(found, DutyKind.CHANGE_NOTIFICATION)
    assert (change.due, change.status) == (D(2025, 1, 8), DutyStatus.MET)
    periodic = one(found, DutyKind.PERIODIC_NOTIFICATION)
    assert (periodic.due, periodic.status) == (D(2026, 1, 7), DutyStatus.OPEN)
    # Sorted by due date.
    assert [d.sort_date for d in found] == sorted(d.sort_date for d in found)


def test_christmas_release_before_the_events() -> None:
    # On 1 December 2024 nothing has been held; the initial MAPPP is open
    # (its deadline is 9 December), the initial notification is counted
    # from release.
    found = duties(CHRISTMAS, on=D(2024, 12, 1))
    assert [(d.kind, d.status) for d in found] == [
        (DutyKind.INITIAL_MAPPP, DutyStatus.OPEN),
        (DutyKind.INITIAL_NOTIFICATION, DutyStatus.OPEN),
    ]
    # With no meeting held: the day of the deadline it is still open; the
    # day after, overdue.
    without = attrs.evolve(CHRISTMAS, meetings=())
    assert duties(without, on=D(2024, 12, 9))[0].status is DutyStatus.OPEN
    late = duties(without, on=D(2024, 12, 10))[0]
    assert (late.kind, late.status, late.days_overdue) == (
        DutyKind.INITIAL_MAPPP,
        DutyStatus.OVERDUE,
        1,
    )


def test_initial_mappp_overdue_then_met_late() -> None:
    case = Case(
        case_ref="C-2",
        category=RSO,
        liberation_date=D(2025, 3, 28),
        referral_level=Level.MAPPP,
        meetings=(CaseMeeting(held_on=D(2025, 3, 3), level=Level.MAPPP),),
    )
    before = one(duties(case, on=D(2025, 3, 1)), DutyKind.INITIAL_MAPPP)
    assert (before.due, before.status, before.days_overdue) == (
        D(2025, 2, 28),
        DutyStatus.OVERDUE,
        1,
    )
    after = one(duties(case, on=D(2025, 3, 3)), DutyKind.INITIAL_MAPPP)
    assert (after.status, after.days_overdue) == (DutyStatus.MET_LATE, 3)


def test_calendar_day_deadlines_move_to_a_working_day_only_when_asked() -> None:
    # 4 weeks before Saturday 17 January 2026 is Saturday 20 December 2025
    # (the rule function's answer, with or without a calendar); with
    # move_to_working_day it moves back to Friday 19 December, as
    # initial_mappp_due moves it.
    case = Case(
        case_ref="C-3",
        category=RSO,
        liberation_date=D(2026, 1, 17),
        referral_level=Level.MAPPP,
    )
    cal = WorkingCalendar.scotland()
    for calendar in (None, cal):
        plain = one(
            duties(case, on=D(2025, 12, 1), calendar=calendar), DutyKind.INITIAL_MAPPP
        )
        assert plain.due == D(2025, 12, 20)
        assert plain.deadline == initial_mappp_due(D(2026, 1, 17))
    moved = one(
        duties(case, on=D(2025, 12, 1), move_to_working_day=True),
        DutyKind.INITIAL_MAPPP,
    )
    assert moved.deadline == initial_mappp_due(D(2026, 1, 17), move_to_working_day=True)
    assert moved.deadline is not None
    assert (moved.due, moved.deadline.moved_from) == (D(2025, 12, 19), D(2025, 12, 20))
    # A level 3 review due on Christmas Day 2025 (42 days after 13
    # November) moves back to 24 December; so does the OLR RMP review due
    # on Sunday 12 October 2025 (a year beginning with 13 October 2024),
    # to Friday 10 October.
    olr = Case(
        case_ref="C-4",
        category=RSO,
        olr=True,
        meetings=(CaseMeeting(held_on=D(2025, 11, 13), level=Level.MAPPP),),
        rmp_reviews=(D(2024, 10, 13),),
    )
    for move, review, rmp in (
        (False, D(2025, 12, 25), D(2025, 10, 12)),
        (True, D(2025, 12, 24), D(2025, 10, 10)),
    ):
        found = duties(olr, on=D(2025, 11, 14), move_to_working_day=move)
        assert one(found, DutyKind.NEXT_REVIEW).due == review
        assert by_kind(found, DutyKind.OLR_RMP_REVIEW)[0].due == rmp
        rows = caseload_duties([olr], on=D(2025, 11, 14), move_to_working_day=move)
        assert {row.due for row in rows if row.duty is DutyKind.NEXT_REVIEW} == {review}
    # Minutes count working days whatever the opt-in.
    assert [d.due for d in by_kind(found, DutyKind.MINUTE_FINAL)] == [
        minutes_due(D(2025, 11, 13)).final.due
    ]


# -- a level change mid-interval ---------------------------------------------------
#
# Level 2 on Monday 6 January 2025: its review is due 12 weeks later, 31
# March (para 11.30). On 3 February the case is moved to level 3 at a
# level 2 meeting: that meeting closes the first period (met) and opens a
# level 3 one, due 6 weeks later, 17 March. On 20 March it is 3 days
# overdue.

LEVEL_CHANGE = Case(
    case_ref="C-5",
    category=RSO,
    meetings=(
        CaseMeeting(held_on=D(2025, 1, 6), level=Level.MULTI_AGENCY, meeting_id="A"),
        CaseMeeting(
            held_on=D(2025, 2, 3),
            level=Level.MULTI_AGENCY,
            new_level=Level.MAPPP,
            meeting_id="B",
        ),
    ),
)


def test_level_change_mid_interval_worked_by_hand() -> None:
    reviews = by_kind(duties(LEVEL_CHANGE, on=D(2025, 3, 20)), DutyKind.NEXT_REVIEW)
    # Sorted by due date: the level 3 review (17 March) comes first.
    assert [(d.due, d.status, d.days_overdue, d.level) for d in reviews] == [
        (D(2025, 3, 17), DutyStatus.OVERDUE, 3, Level.MAPPP),
        (D(2025, 3, 31), DutyStatus.MET, 0, Level.MULTI_AGENCY),
    ]
    assert [(d.rule, d.event.meeting_id) for d in reviews] == [
        ("reviews.level3.interval", "B"),
        ("reviews.level2.interval", "A"),
    ]
    history = [(D(2025, 1, 6), Level.MULTI_AGENCY), (D(2025, 2, 3), Level.MAPPP)]
    assert reviews[0].due == case_review_status(history, D(2025, 3, 20)).due
    # The minutes of the level 2 meeting that moved it are level 2 minutes.
    drafts = by_kind(duties(LEVEL_CHANGE, on=D(2025, 3, 20)), DutyKind.MINUTE_DRAFT)
    assert [d.level for d in drafts] == [Level.MULTI_AGENCY, Level.MULTI_AGENCY]


def test_leaving_mappa_ends_the_review_clock() -> None:
    case = Case(
        case_ref="C-6",
        category=RSO,
        meetings=(
            CaseMeeting(held_on=D(2025, 1, 6), level=Level.MULTI_AGENCY),
            CaseMeeting(
                held_on=D(2025, 3, 3), level=Level.MULTI_AGENCY, leaves_mappa=True
            ),
        ),
    )
    found = duties(case, on=D(2025, 12, 1))
    reviews = by_kind(found, DutyKind.NEXT_REVIEW)
    assert [(d.event.index, d.status) for d in reviews] == [(0, DutyStatus.MET)]
    # Its minutes are still due.
    assert len(by_kind(found, DutyKind.MINUTE_FINAL)) == 2


def test_level_1_has_no_national_timescale() -> None:
    case = Case(
        case_ref="C-7",
        category=RSO,
        meetings=(CaseMeeting(held_on=D(2025, 1, 6), level=Level.ROUTINE),),
    )
    review = one(duties(case, on=D(2026, 1, 6)), DutyKind.NEXT_REVIEW)
    assert review.due is None
    assert review.status is DutyStatus.NO_NATIONAL_TIMESCALE
    assert review.rule == "reviews.level1.interval"
    assert review.sort_date == D(2025, 1, 6)


# -- a notification year that ends in hospital -----------------------------------
#
# Notified 11 March 2025, then again (with a change) on 14 March 2025:
# the next periodic notification is due one year after, 14 March 2026
# (s.85(1)). The person is in hospital from 1 to 20 March 2026, so the
# period would end while they are in hospital: it runs to the end of the 3
# days beginning with the day after, 21, 22 and 23 March 2026 (s.85(3)), 9
# days later. (The year from 11 March would also have ended in hospital,
# on 23 March, but the 14 March notification answered it.)

HOSPITAL = Case(
    case_ref="C-9",
    category=RSO,
    notification=NotificationFacts(
        disposal=OtherDisposal(),
        relevant_date=D(2025, 3, 10),
        under_18=False,
        notifications=(D(2025, 3, 11), D(2025, 3, 14)),
        changes=(D(2025, 3, 14),),
        excluded=(DateRange(D(2026, 3, 1), D(2026, 3, 20)),),
    ),
)


def test_notification_year_ending_in_hospital_worked_by_hand() -> None:
    found = duties(HOSPITAL, on=D(2026, 3, 22))
    periodic = by_kind(found, DutyKind.PERIODIC_NOTIFICATION)
    assert [(d.event.index, d.due, d.status) for d in periodic] == [
        (0, D(2026, 3, 23), DutyStatus.MET),
        (1, D(2026, 3, 23), DutyStatus.OPEN),
    ]
    assert periodic[1].deadline is not None
    assert periodic[1].deadline.days_added == 9
    late = by_kind(duties(HOSPITAL, on=D(2026, 3, 24)), DutyKind.PERIODIC_NOTIFICATION)
    assert (late[1].status, late[1].days_overdue) == (DutyStatus.OVERDUE, 1)
    # Before the hospital stay began it was not known: due on the anniversary.
    early = by_kind(duties(HOSPITAL, on=D(2026, 2, 1)), DutyKind.PERIODIC_NOTIFICATION)
    assert early[1].due == D(2026, 3, 14)
    # The initial notification (due 12 March) and the change (due 16 March).
    assert one(found, DutyKind.INITIAL_NOTIFICATION).due == D(2025, 3, 12)
    assert one(found, DutyKind.CHANGE_NOTIFICATION).due == D(2025, 3, 16)
    # A fixed period: no s.88B review.
    assert by_kind(found, DutyKind.NOTIFICATION_DISCHARGE_REVIEW) == []


def test_notification_duties_stop_at_the_end_of_the_period() -> None:
    # 5 years beginning with 10 March 2025 end on 9 March 2030: a periodic
    # notification due after that, and a change after it, are no duty.
    case = Case(
        case_ref="C-10",
        category=RSO,
        notification=NotificationFacts(
            disposal=OtherDisposal(),
            relevant_date=D(2025, 3, 10),
            under_18=False,
            notifications=(D(2029, 6, 1),),
            changes=(D(2030, 4, 1),),
        ),
    )
    found = duties(case, on=D(2030, 6, 1))
    assert by_kind(found, DutyKind.PERIODIC_NOTIFICATION) == []
    assert by_kind(found, DutyKind.CHANGE_NOTIFICATION) == []


def test_indefinite_notification_has_a_discharge_review() -> None:
    facts = NotificationFacts(
        disposal=LifeImprisonment(),
        relevant_date=D(2025, 3, 14),
        under_18=False,
        notifications=(D(2027, 3, 14),),
        excluded=(DateRange(D(2025, 3, 14), D(2027, 3, 11)),),
    )
    case = Case(case_ref="C-11", category=RSO, notification=facts)
    review = one(duties(case, on=D(2027, 4, 1)), DutyKind.NOTIFICATION_DISCHARGE_REVIEW)
    # 15 years after the relevant date, plus 729 days disregarded (s.88B(2)).
    assert review.due == D(2042, 3, 12)
    assert review.rule == "notification.review.adult"
    # Counted from the first notification (2016 guidance): due once notified.
    by_guidance = Case(
        case_ref="C-11",
        category=RSO,
        notification=NotificationFacts(
            disposal=LifeImprisonment(),
            relevant_date=D(2025, 3, 14),
            under_18=False,
            notifications=(D(2027, 3, 14),),
            reckoning=ReviewReckoning.FROM_FIRST_NOTIFICATION,
            discharge_reviewed=D(2042, 1, 1),
        ),
    )
    assert (
        by_kind(
            duties(by_guidance, on=D(2027, 3, 1)),
            DutyKind.NOTIFICATION_DISCHARGE_REVIEW,
        )
        == []
    )
    later = one(
        duties(by_guidance, on=D(2042, 6, 1)), DutyKind.NOTIFICATION_DISCHARGE_REVIEW
    )
    assert (later.due, later.status) == (D(2042, 3, 14), DutyStatus.MET)
    # Not yet notified, by the statute: 15 years, nothing disregarded yet.
    waiting = Case(
        case_ref="C-11",
        category=RSO,
        notification=attrs.evolve(facts, notifications=()),
    )
    assert one(
        duties(waiting, on=D(2025, 4, 1)), DutyKind.NOTIFICATION_DISCHARGE_REVIEW
    ).due == D(2040, 3, 14)


def test_notification_before_the_relevant_date_gives_nothing() -> None:
    assert duties(HOSPITAL, on=D(2025, 3, 1)) == ()


# -- the other duties ---------------------------------------------------------------


def test_change_in_risk_needs_a_meeting_without_a_national_timescale() -> None:
    case = Case(
        case_ref="C-12",
        category=Category.OTHER_RISK_OF_SERIOUS_HARM,
        risk_changes=(D(2025, 5, 1),),
        meetings=(
            CaseMeeting(held_on=D(2025, 4, 1), level=Level.MULTI_AGENCY),
            CaseMeeting(held_on=D(2025, 5, 20), level=Level.MULTI_AGENCY),
        ),
    )
    waiting = one(
        duties(case, on=D(2025, 5, 10)), DutyKind.MEETING_AFTER_CHANGE_IN_RISK
    )
    assert (waiting.due, waiting.status) == (None, DutyStatus.NO_NATIONAL_TIMESCALE)
    assert waiting.rule == "reviews.change_in_risk.meeting"
    assert str(waiting.citation) == "MAPPA National Guidance (2023), para 11.29"
    met = one(duties(case, on=D(2025, 6, 1)), DutyKind.MEETING_AFTER_CHANGE_IN_RISK)
    assert (met.status, met.done_on) == (DutyStatus.MET, D(2025, 5, 20))


def test_subject_access_answers_by_regime() -> None:
    case = Case(
        case_ref="C-13",
        category=RSO,
        subject_access_requests=(
            AccessRequest(received=D(2025, 4, 5), regime=GENERAL),
            AccessRequest(
                received=D(2025, 1, 31),
                regime=GENERAL,
                extended=True,
                answered=D(2025, 4, 1),
            ),
            AccessRequest(received=D(2025, 4, 5), regime=POLICE),
        ),
    )
    found = by_kind(duties(case, on=D(2025, 5, 7)), DutyKind.SUBJECT_ACCESS_ANSWER)
    # General processing (UK GDPR art. 12(3), as the ICO explains it): to
    # the corresponding date, 5 May 2025, a bank holiday, so 6 May; three
    # months from 31 January, extended: 30 April. Law enforcement (DPA 2018
    # s.54(2)): the month beginning with 5 April ends on 4 May, a Sunday,
    # and does not move.
    assert [(d.event.index, d.due, d.status, d.rule) for d in found] == [
        (
            1,
            D(2025, 4, 30),
            DutyStatus.MET,
            "disclosure.subject_access.general.extension",
        ),
        (
            2,
            D(2025, 5, 4),
            DutyStatus.OVERDUE,
            "disclosure.subject_access.law_enforcement.response",
        ),
        (
            0,
            D(2025, 5, 6),
            DutyStatus.OVERDUE,
            "disclosure.subject_access.general.response",
        ),
    ]
    assert found[2].deadline == subject_access_due(D(2025, 4, 5), regime=GENERAL)
    assert found[2].deadline is not None
    assert found[2].deadline.moved_from == D(2025, 5, 5)
    assert found[0].deadline == subject_access_due(
        D(2025, 1, 31), regime=GENERAL, extended=True
    )


def test_subject_access_clock_stopped() -> None:
    # Police Scotland receives a request on 2 March 2026 and asks for
    # identity evidence on 5 March; it arrives on 10 March. The month
    # beginning with 2 March ends on 1 April; the 6 days 5-10 March do not
    # count (DPA 2018 s.54(3C)): due 7 April 2026.
    stopped = DateRange(D(2026, 3, 5), D(2026, 3, 10))
    request = AccessRequest(
        received=D(2026, 3, 2), regime=POLICE, clock_stopped=(stopped,)
    )
    case = Case(case_ref="C-13", category=RSO, subject_access_requests=(request,))
    answer = one(duties(case, on=D(2026, 4, 1)), DutyKind.SUBJECT_ACCESS_ANSWER)
    assert answer.deadline == subject_access_due(
        D(2026, 3, 2), regime=POLICE, clock_stopped=[stopped]
    )
    assert answer.due == D(2026, 4, 7)
    # On 8 March the evidence has not arrived: the clock is taken as
    # stopped up to that day (4 days, due 5 April), and only the span's
    # start is known before it (nothing stopped on 4 March: due 1 April).
    assert [
        one(duties(case, on=day), DutyKind.SUBJECT_ACCESS_ANSWER).due
        for day in (D(2026, 3, 4), D(2026, 3, 8), D(2026, 3, 10))
    ] == [D(2026, 4, 1), D(2026, 4, 5), D(2026, 4, 7)]
    # The clock cannot stop before the request arrives.
    with pytest.raises(InvalidValueError, match="clock_stopped"):
        AccessRequest(received=D(2026, 3, 6), regime=POLICE, clock_stopped=(stopped,))


def test_subject_access_rules_not_yet_in_force_are_the_rule_functions_errors() -> None:
    # The law enforcement extension and the stopped clock apply from 5
    # February 2026 (Data (Use and Access) Act 2025): a request received
    # before that raises the rule function's error, naming the rule.
    extended = Case(
        case_ref="C-13",
        category=RSO,
        subject_access_requests=(
            AccessRequest(received=D(2025, 3, 3), regime=POLICE, extended=True),
        ),
    )
    with pytest.raises(RuleNotInForce) as caught:
        duties(extended, on=D(2025, 4, 1))
    assert caught.value.rule == "disclosure.subject_access.law_enforcement.extension"
    stopped = Case(
        case_ref="C-13",
        category=RSO,
        subject_access_requests=(
            AccessRequest(
                received=D(2025, 3, 3),
                regime=GENERAL,
                clock_stopped=(DateRange(D(2025, 3, 4), D(2025, 3, 5)),),
            ),
        ),
    )
    with pytest.raises(RuleNotInForce) as caught:
        duties(stopped, on=D(2025, 4, 1))
    assert caught.value.rule == "disclosure.subject_access.general.clock_stop"
    # Before the span begins, nothing is stopped yet.
    assert duties(stopped, on=D(2025, 3, 3))[0].due == D(2025, 4, 3)


def test_audio_recording_destroyed_when_the_final_minute_is_agreed() -> None:
    meeting = CaseMeeting(
        held_on=D(2025, 6, 2),
        level=Level.MAPPP,
        final_released=D(2025, 6, 16),
        recorded=True,
        recording_destroyed=D(2025, 6, 18),
    )
    case = Case(case_ref="C-14", category=RSO, meetings=(meeting,))
    held = one(duties(case, on=D(2025, 6, 17)), DutyKind.RECORDING_DESTRUCTION)
    assert (held.due, held.status, held.days_overdue) == (
        D(2025, 6, 16),
        DutyStatus.OVERDUE,
        1,
    )
    check = assess_audio_recording(
        final_agreed=D(2025, 6, 16), destroyed=None, on=D(2025, 6, 17)
    )
    assert held.deadline == Deadline(check.destroy_by, check.rule, check.citation)  # type: ignore[arg-type]
    done = one(duties(case, on=D(2025, 7, 1)), DutyKind.RECORDING_DESTRUCTION)
    assert (done.status, done.days_overdue) == (DutyStatus.MET_LATE, 2)
    # Before the final minute, no duty; a rulebook without the duty, none.
    assert (
        by_kind(duties(case, on=D(2025, 6, 10)), DutyKind.RECORDING_DESTRUCTION) == []
    )
    book = DEFAULT_RULEBOOK.with_value(
        "disclosure.audio_recording.destroy_on_final", False, reason="test"
    )
    assert (
        by_kind(
            duties(case, on=D(2025, 7, 1), rulebook=book),
            DutyKind.RECORDING_DESTRUCTION,
        )
        == []
    )


def test_olr_rmp_reviewed_yearly() -> None:
    case = Case(
        case_ref="C-15",
        category=Category.OTHER_RISK_OF_SERIOUS_HARM,
        olr=True,
        rmp_reviews=(D(2024, 5, 1), D(2025, 6, 2)),
        meetings=(CaseMeeting(held_on=D(2025, 6, 2), level=Level.MULTI_AGENCY),),
    )
    found = by_kind(duties(case, on=D(2026, 6, 1)), DutyKind.OLR_RMP_REVIEW)
    # A year beginning with 1 May 2024 ends 30 April 2025 (para 11.7).
    assert [(d.due, d.status, d.event.kind) for d in found] == [
        (D(2025, 4, 30), DutyStatus.MET_LATE, EventKind.RMP_REVIEW),
        (D(2026, 6, 1), DutyStatus.OPEN, EventKind.MEETING),
    ]
    assert found[0].deadline == next_rmp_review_due(D(2024, 5, 1))


def test_isp_approval_and_provisional_list() -> None:
    case = Case(
        case_ref="C-16",
        category=Category.OTHER_RISK_OF_SERIOUS_HARM,
        isp_approvals=(
            IspApproval(start=D(2025, 4, 1), resolved_on=D(2025, 9, 15)),
            IspApproval(start=D(2025, 10, 1)),
            IspApproval(start=D(2026, 4, 1)),
        ),
        provisional_lists=(D(2026, 1, 15),),
    )
    found = duties(case, on=D(2026, 4, 2))
    ends = by_kind(found, DutyKind.ISP_APPROVAL_END)
    assert [(d.due, d.status) for d in ends] == [
        (D(2025, 9, 30), DutyStatus.MET),
        (D(2026, 3, 31), DutyStatus.OVERDUE),
        (D(2026, 9, 30), DutyStatus.OPEN),
    ]
    period = approval_period(D(2026, 4, 1))
    assert ends[2].deadline == Deadline(period.end, period.rule, period.citation)
    lists = by_kind(found, DutyKind.ISP_PROVISIONAL_LIST)
    # One per financial year an approval starts in: 2025/26 (listed in
    # January 2026) and 2026/27 (not yet).
    assert [(d.event.index, d.status) for d in lists] == [
        (0, DutyStatus.MET),
        (2, DutyStatus.NO_NATIONAL_TIMESCALE),
    ]
    assert lists[0].rule == "isp.provisional_list"


def test_a_years_provisional_list_stays_with_its_earliest_approval() -> None:
    # Approvals given out of date order: the second (1 May 2025) starts
    # before the first (1 October 2025), both in 2025/26. On 2 May only the
    # second has started; once the first starts too, the year's list must
    # still arise from the earliest approval, not move to the first given.
    case = Case(
        case_ref="C-16b",
        category=Category.OTHER_RISK_OF_SERIOUS_HARM,
        isp_approvals=(
            IspApproval(start=D(2025, 10, 1)),
            IspApproval(start=D(2025, 5, 1)),
        ),
    )
    for on in (D(2025, 5, 2), D(2025, 10, 2)):
        lists = by_kind(duties(case, on=on), DutyKind.ISP_PROVISIONAL_LIST)
        assert [(d.event.index, d.event.day) for d in lists] == [(1, D(2025, 5, 1))]
    ends = by_kind(duties(case, on=D(2025, 10, 2)), DutyKind.ISP_APPROVAL_END)
    assert sorted(d.event.index for d in ends) == [0, 1]


def test_only_events_on_or_before_on_count() -> None:
    found = duties(CHRISTMAS, on=D(2024, 12, 18))
    # The 19 December meeting is not held yet, and 12 December draft is.
    assert {d.event.meeting_id for d in found if d.event.meeting_id} == {"M1"}
    first = one(found, DutyKind.MINUTE_FINAL)
    assert (first.status, first.done_on) == (DutyStatus.OPEN, None)


def test_a_draft_is_done_by_the_final_release_when_no_draft_date_is_given() -> None:
    case = Case(
        case_ref="C-17",
        category=RSO,
        meetings=(
            CaseMeeting(
                held_on=D(2025, 6, 2), level=Level.MAPPP, final_released=D(2025, 6, 6)
            ),
        ),
    )
    draft = one(duties(case, on=D(2025, 7, 1)), DutyKind.MINUTE_DRAFT)
    assert (draft.done_on, draft.status) == (D(2025, 6, 6), DutyStatus.MET)


# -- rules as at the event's date ----------------------------------------------------

# A case with an event of every kind, all by 1 June 2026.
RICH = Case(
    case_ref="C-50",
    category=RSO,
    area="Fife",
    liberation_date=D(2026, 5, 1),
    referral_level=Level.MAPPP,
    olr=True,
    rmp_reviews=(D(2025, 4, 1),),
    meetings=(
        CaseMeeting(
            held_on=D(2026, 3, 2),
            level=Level.MAPPP,
            meeting_id="M1",
            final_released=D(2026, 3, 20),
            recorded=True,
        ),
        CaseMeeting(held_on=D(2026, 4, 13), level=Level.MAPPP, new_level=Level.ROUTINE),
    ),
    notification=NotificationFacts(
        disposal=Caution(where=CautionJurisdiction.ENGLAND_AND_WALES),
        relevant_date=D(2025, 1, 6),
        under_18=False,
        notifications=(D(2025, 1, 7),),
        changes=(D(2025, 6, 2),),
    ),
    isp_approvals=(IspApproval(start=D(2025, 10, 1)),),
    subject_access_requests=(
        AccessRequest(
            received=D(2026, 3, 2),
            regime=POLICE,
            extended=True,
            clock_stopped=(DateRange(D(2026, 3, 5), D(2026, 6, 30)),),
        ),
        AccessRequest(received=D(2026, 4, 30), regime=GENERAL),
    ),
    risk_changes=(D(2026, 4, 20),),
)
RICH_ON = D(2026, 6, 1)


def test_the_rich_case_has_every_kind_of_duty() -> None:
    kinds = {duty.kind for duty in duties(RICH, on=RICH_ON)}
    missing = set(DutyKind) - kinds
    assert missing == {DutyKind.NOTIFICATION_DISCHARGE_REVIEW}  # a fixed period


@settings(max_examples=20, deadline=None)
@given(gap=st.integers(1, 3 * 366))
def test_a_rule_version_starting_after_the_events_changes_no_duty(gap: int) -> None:
    """Every rule is read as at the event a duty arises from: a version of
    every rule that starts after the events (and after *on*) changes no
    answer; one that starts after the events but before *on* changes none
    either, but for the referral level, which has no date of its own and
    is read as at *on*."""
    later = with_later_versions(DEFAULT_RULEBOOK, RICH_ON + dt.timedelta(days=gap))
    assert duties(RICH, on=RICH_ON, rulebook=later) == duties(RICH, on=RICH_ON)
    assert caseload_duties([RICH], on=RICH_ON, rulebook=later) == caseload_duties(
        [RICH], on=RICH_ON
    )
    unreferred = attrs.evolve(RICH, referral_level=None, liberation_date=None)
    on = RICH_ON + dt.timedelta(days=gap + 1)
    assert duties(unreferred, on=on, rulebook=later) == duties(unreferred, on=on)


def test_duties_with_no_timescale_follow_their_rules() -> None:
    # A rulebook in which the duty does not hold gives no such duty.
    for rule, kind in (
        ("reviews.change_in_risk.meeting", DutyKind.MEETING_AFTER_CHANGE_IN_RISK),
        ("isp.provisional_list", DutyKind.ISP_PROVISIONAL_LIST),
    ):
        book = DEFAULT_RULEBOOK.with_value(rule, False, reason="test")
        assert by_kind(duties(RICH, on=RICH_ON), kind)
        assert by_kind(duties(RICH, on=RICH_ON, rulebook=book), kind) == []
        held = DEFAULT_RULEBOOK.rule(rule)
        wrong = DEFAULT_RULEBOOK.with_rule(
            attrs.evolve(
                held, versions=(attrs.evolve(held.current, value="sometimes"),)
            )
        )
        with pytest.raises(InvalidTypeError, match=rule):
            duties(RICH, on=RICH_ON, rulebook=wrong)


# -- values -------------------------------------------------------------------------


def test_case_refuses_names() -> None:
    with pytest.raises(InvalidValueError, match="never a name") as caught:
        Case(case_ref="JaneExample", category=RSO)
    assert "Jane" not in str(caught.value)


def test_duties_applies_the_callers_rulebook_to_the_levels() -> None:
    # A case checks its structure only; duties() asks the rulebook, as at
    # each meeting, whether the category allows its levels (level 1 is not
    # applied to category 3: seed 002, guidance para 9.4).
    case = Case(
        case_ref="C-1",
        category=Category.OTHER_RISK_OF_SERIOUS_HARM,
        meetings=(
            CaseMeeting(held_on=D(2025, 1, 6), level=Level.MULTI_AGENCY),
            CaseMeeting(held_on=D(2025, 2, 3), level=Level.ROUTINE),
        ),
    )
    with pytest.raises(LevelNotPermitted, match=r"Case\.meetings\[1\]") as caught:
        duties(case, on=D(2025, 3, 1))
    assert caught.value.rule == "levels.category_3"
    referred = Case(
        case_ref="C-1",
        category=Category.OTHER_RISK_OF_SERIOUS_HARM,
        referral_level=Level.ROUTINE,
    )
    with pytest.raises(LevelNotPermitted, match=r"Case\.referral_level"):
        duties(referred, on=D(2025, 3, 1))
    # A council whose rulebook allows level 1 for category 3 gets its duties.
    local = DEFAULT_RULEBOOK.with_value(
        "levels.category_3", (1, 2, 3), reason="a local reading"
    )
    found = duties(case, on=D(2025, 3, 1), rulebook=local)
    # Level 1: case by case (sorted by its meeting); level 2: met by the
    # level 1 meeting.
    assert [d.due for d in by_kind(found, DutyKind.NEXT_REVIEW)] == [
        None,
        D(2025, 3, 31),
    ]
    # Read as at the meeting: a version allowing it only from 2025 on does
    # not cover a 2024 meeting.
    from_2025 = DEFAULT_RULEBOOK.with_value(
        "levels.category_3",
        (1, 2, 3),
        reason="a local reading",
        applies_from=D(2025, 1, 1),
    )
    assert duties(case, on=D(2025, 3, 1), rulebook=from_2025)
    early = attrs.evolve(
        case,
        meetings=(CaseMeeting(held_on=D(2024, 12, 2), level=Level.ROUTINE),),
    )
    with pytest.raises(LevelNotPermitted):
        duties(early, on=D(2025, 3, 1), rulebook=from_2025)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"new_level": Level.MAPPP, "leaves_mappa": True}, "new_level"),
        ({"new_level": Level.MULTI_AGENCY}, "new_level"),
        ({"final_released": D(2025, 1, 5)}, "final_released"),
        ({"recording_destroyed": D(2025, 1, 7)}, "recording_destroyed"),
    ],
)
def test_case_meeting_cross_field_checks(
    changes: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidValueError, match=f"CaseMeeting.{field}"):
        CaseMeeting(held_on=D(2025, 1, 6), level=Level.MULTI_AGENCY, **changes)  # type: ignore[arg-type]


def test_other_cross_field_checks() -> None:
    with pytest.raises(InvalidValueError, match="relevant date"):
        NotificationFacts(
            disposal=OtherDisposal(),
            relevant_date=D(2025, 1, 6),
            under_18=False,
            notifications=(D(2025, 1, 5),),
        )
    with pytest.raises(InvalidValueError, match="received"):
        AccessRequest(received=D(2025, 1, 6), regime=GENERAL, answered=D(2025, 1, 5))
    with pytest.raises(InvalidValueError, match="meetings only"):
        Event(kind=EventKind.CHANGE, index=0, day=D(2025, 1, 6), meeting_id="M1")
    duty = duties(LEVEL_CHANGE, on=D(2025, 3, 20))[0]
    with pytest.raises(InvalidValueError, match="its deadline's"):
        Duty(
            kind=duty.kind,
            event=duty.event,
            rule="minutes.final",
            citation=duty.citation,
            on=duty.on,
            deadline=duty.deadline,
        )
    with pytest.raises(InvalidValueError, match="its deadline's"):
        Duty(
            kind=duty.kind,
            event=duty.event,
            rule=duty.rule,
            citation=DEFAULT_RULEBOOK.citation("notification.initial"),
            on=duty.on,
            deadline=duty.deadline,
        )
    with pytest.raises(InvalidValueError, match="done_on"):
        Duty(
            kind=duty.kind,
            event=duty.event,
            rule=duty.rule,
            citation=duty.citation,
            on=duty.on,
            deadline=duty.deadline,
            done_on=D(2030, 1, 1),
        )


def test_event_and_duty_text() -> None:
    assert str(Event(kind=EventKind.LIBERATION, index=0, day=D(2025, 1, 6))) == (
        "liberation_date"
    )
    assert str(Event(kind=EventKind.RISK_CHANGE, index=2, day=D(2025, 1, 6))) == (
        "risk_changes[2]"
    )
    duty = by_kind(duties(LEVEL_CHANGE, on=D(2025, 3, 20)), DutyKind.NEXT_REVIEW)[0]
    assert str(duty) == "next review (meeting B): overdue, due 2025-03-17"
    assert str(DutyKind.NEXT_REVIEW) == "next review"
    assert str(DutyStatus.MET_LATE) == "met late"
    assert str(EventKind.MEETING) == "meetings"


def test_case_from_meetings() -> None:
    def record(meeting_id: str, day: dt.date, **changes: object) -> Meeting:
        fields: dict[str, object] = {
            "meeting_id": meeting_id,
            "case_ref": "C-20",
            "area": "Fife",
            "category": RSO,
            "level": Level.MAPPP,
            "date": day,
            "kind": MeetingKind.REVIEW,
        }
        fields.update(changes)
        return Meeting(**fields)  # type: ignore[arg-type]

    meetings = [
        record("M2", D(2025, 3, 3), liberation_date=D(2025, 9, 1)),
        record("M1", D(2025, 2, 3), minutes_released=D(2025, 2, 10)),
    ]
    case = Case.from_meetings(meetings)
    assert (case.case_ref, case.area, case.liberation_date) == (
        "C-20",
        "Fife",
        D(2025, 9, 1),
    )
    assert case.meetings[1].final_released == D(2025, 2, 10)
    assert Case.from_meetings(meetings, olr=True).olr
    with pytest.raises(InvalidValueError, match="one case_ref"):
        Case.from_meetings([*meetings, record("M3", D(2025, 4, 1), case_ref="C-21")])
    with pytest.raises(InvalidValueError, match="empty"):
        Case.from_meetings([])


def test_duties_checks_its_arguments() -> None:
    with pytest.raises(InvalidTypeError):
        duties("C-1", on=D(2025, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        duties(HOSPITAL, on=dt.datetime(2025, 1, 1))
    with pytest.raises(InvalidTypeError):
        duties(HOSPITAL, on=D(2025, 1, 1), calendar="Scotland")  # type: ignore[arg-type]


# -- the due list ----------------------------------------------------------------------


def test_caseload_duties_rows_and_filters() -> None:
    other = Case(
        case_ref="C-30",
        category=RSO,
        area="Fife",
        risk_changes=(D(2025, 3, 1),),
    )
    cases = [LEVEL_CHANGE, HOSPITAL, other]
    everything = caseload_duties(cases, on=D(2025, 3, 20))
    assert {row.case_ref for row in everything} == {"C-5", "C-9", "C-30"}
    dues = [row.due for row in everything if row.due is not None]
    assert dues == sorted(dues)
    soon = caseload_duties(cases, on=D(2025, 3, 20), within=14)
    assert {row.status for row in soon} <= {
        DutyStatus.OPEN,
        DutyStatus.OVERDUE,
        DutyStatus.NO_NATIONAL_TIMESCALE,
    }
    assert all(
        row.due is None or row.due <= D(2025, 4, 3) or row.status is DutyStatus.OVERDUE
        for row in soon
    )
    assert ("C-30", DutyKind.MEETING_AFTER_CHANGE_IN_RISK) in {
        (row.case_ref, row.duty) for row in soon
    }
    fife = caseload_duties(cases, on=D(2025, 3, 20), area="Fife")
    assert {row.case_ref for row in fife} == {"C-30"}
    # A council's name finds its area.
    assert caseload_duties(cases, on=D(2025, 3, 20), area="Fife Council") == fife
    assert caseload_duties(cases, on=D(2025, 3, 20), within=0) == tuple(
        row
        for row in soon
        if row.status is not DutyStatus.OPEN or row.due == D(2025, 3, 20)
    )


def test_caseload_duties_reads_a_caseload() -> None:
    meetings = [
        Meeting(
            meeting_id="M1",
            case_ref="C-40",
            area="Fife",
            category=RSO,
            level=Level.MAPPP,
            date=D(2025, 6, 2),
            kind=MeetingKind.INITIAL,
        )
    ]
    rows = caseload_duties(Caseload.from_meetings(meetings), on=D(2025, 6, 3))
    assert [(r.duty, r.status) for r in rows] == [
        (DutyKind.MINUTE_DRAFT, DutyStatus.OPEN),
        (DutyKind.MINUTE_FINAL, DutyStatus.OPEN),
        (DutyKind.NEXT_REVIEW, DutyStatus.OPEN),
    ]
    assert rows[0].to_dict()["due"] == "2025-06-09"
    # An unknown area name in the data never matches a filter.
    odd = Case(
        case_ref="C-41", category=RSO, area="Atlantis", risk_changes=(D(2025, 1, 1),)
    )
    assert caseload_duties([odd], on=D(2025, 6, 3), area="Fife") == ()


def test_caseload_duties_checks_its_input() -> None:
    with pytest.raises(InvalidTypeError):
        caseload_duties("C-1", on=D(2025, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        caseload_duties([1], on=D(2025, 1, 1))  # type: ignore[list-item]
    with pytest.raises(InvalidValueError, match="more than one case"):
        caseload_duties([HOSPITAL, HOSPITAL], on=D(2025, 1, 1))
    with pytest.raises(InvalidValueError):
        caseload_duties([HOSPITAL], on=D(2025, 1, 1), within=-1)


def test_row_uid_is_stable_and_hides_the_case_reference() -> None:
    rows = caseload_duties([HOSPITAL], on=D(2026, 3, 22))
    again = caseload_duties([HOSPITAL], on=D(2026, 4, 30))
    by_key = {(r.duty, r.event): r.uid for r in again}
    for row in rows:
        assert by_key[(row.duty, row.event)] == row.uid
        assert "C-9" not in row.uid
    assert len({row.uid for row in rows}) == len(rows)


# -- iCalendar ----------------------------------------------------------------------


def test_ical_round_trip() -> None:
    icalendar = pytest.importorskip("icalendar")
    rows = caseload_duties([CHRISTMAS, LEVEL_CHANGE], on=D(2025, 1, 9))
    data = to_ical(rows, reminders=(1, 7))
    parsed = icalendar.Calendar.from_ical(data)
    events = list(parsed.walk("VEVENT"))
    wanted = [r for r in rows if r.status in (DutyStatus.OPEN, DutyStatus.OVERDUE)]
    assert len(events) == len(wanted) > 0
    for event, row in zip(events, wanted, strict=True):
        assert str(event["UID"]) == row.uid
        assert event.decoded("DTSTART") == row.due
        assert event.decoded("DTEND") == row.due + dt.timedelta(days=1)  # type: ignore[operator]
        summary = str(event["SUMMARY"])
        assert summary.startswith(row.duty.value[:1].upper())
        assert f"level {int(row.level)}" in summary  # type: ignore[arg-type]
        assert row.case_ref not in data.decode()
        alarms = list(event.walk("VALARM"))
        assert [a.decoded("TRIGGER") for a in alarms] == [
            dt.timedelta(days=-1),
            dt.timedelta(days=-7),
        ]
    assert b"\r\n" in data
    # Stable across runs.
    assert to_ical(rows, reminders=(1, 7)) == data


def test_ical_case_references_only_when_asked() -> None:
    pytest.importorskip("icalendar")
    rows = caseload_duties([LEVEL_CHANGE], on=D(2025, 3, 20))
    text = to_ical(rows, case_refs=True).decode()
    assert "case C-5" in text
    assert "meeting B" in text
    assert "C-5" not in to_ical(rows).decode()


def test_ical_checks_reminders() -> None:
    with pytest.raises(InvalidValueError, match="reminders"):
        to_ical([], reminders=(-1,))


def test_ical_without_the_package_names_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "icalendar", None)
    with pytest.raises(MissingDependency, match=r"mappa\[ical\]") as caught:
        to_ical([])
    assert isinstance(caught.value, ImportError)


# -- reading a case ------------------------------------------------------------------

FULL_CASE = {
    "case_ref": "C-2024-1",
    "category": 1,
    "area": "Glasgow",
    "liberation_date": "2025-01-06",
    "referral_level": 3,
    "olr": False,
    "rmp_reviews": [],
    "meetings": [
        {
            "meeting_id": "M1",
            "date": "2024-12-05",
            "level": 3,
            "kind": "initial",
            "draft_released": "2024-12-12",
            "final_released": "2024-12-19",
        },
        {
            "meeting_id": "M2",
            "date": "2024-12-19",
            "level": 3,
            "draft_released": "2025-01-06",
            "recorded": False,
        },
    ],
    "notification": {
        "disposal": {"type": "imprisonment", "months": 18},
        "relevant_date": "2023-11-01",
        "under_18": False,
        "excluded": [{"start": "2023-11-01", "end": "2025-01-05"}],
        "changes": ["2025-01-06"],
        "notifications": ["2025-01-07"],
        "reckoning": "relevant_date",
    },
    "isp_approvals": [],
    "provisional_lists": [],
    "subject_access_requests": [],
    "risk_changes": [],
}


def test_case_from_json_reads_the_worked_case() -> None:
    assert case_from_json(FULL_CASE) == CHRISTMAS


@pytest.mark.parametrize(
    ("disposal", "expected"),
    [
        ({"type": "life"}, "LifeImprisonment"),
        ({"type": "olr"}, "OrderForLifelongRestriction"),
        ({"type": "other"}, "OtherDisposal"),
        ({"type": "hospital", "restriction_order": True}, "HospitalOrder"),
        ({"type": "community_payback", "months": 18}, "CommunityPaybackOrder"),
        ({"type": "caution", "where": "england_and_wales"}, "Caution"),
    ],
)
def test_case_from_json_disposals(disposal: dict[str, object], expected: str) -> None:
    data = {
        "case_ref": "C-1",
        "category": 1,
        "notification": {
            "disposal": disposal,
            "relevant_date": "2025-01-06",
            "under_18": True,
            "reckoning": "first_notification",
            "discharge_reviewed": None,
        },
        "isp_approvals": [{"start": "2025-04-01", "resolved_on": None}],
        "subject_access_requests": [
            {"received": "2025-04-05", "regime": "general", "extended": True}
        ],
    }
    case = case_from_json(data)
    assert case.notification is not None
    assert type(case.notification.disposal).__name__ == expected


def test_case_from_json_cautions_and_subject_access() -> None:
    data = {
        "case_ref": "C-1",
        "category": 1,
        "notification": {
            "disposal": {"type": "caution", "where": "northern_ireland"},
            "relevant_date": "2025-01-06",
            "under_18": False,
        },
        "subject_access_requests": [
            {
                "received": "2026-03-02",
                "regime": "law_enforcement",
                "clock_stopped": [{"start": "2026-03-05", "end": "2026-03-10"}],
                "answered": "2026-04-01",
            }
        ],
    }
    case = case_from_json(data)
    assert case.notification is not None
    assert case.notification.disposal == Caution(
        where=CautionJurisdiction.NORTHERN_IRELAND
    )
    assert case.subject_access_requests == (
        AccessRequest(
            received=D(2026, 3, 2),
            regime=POLICE,
            clock_stopped=(DateRange(D(2026, 3, 5), D(2026, 3, 10)),),
            answered=D(2026, 4, 1),
        ),
    )
    found = duties(case, on=D(2026, 4, 1))
    # A caution from Northern Ireland: 2 years beginning with 6 January
    # 2025 (s.80(1)(d), s.82(1)); the initial notification within 3 days.
    assert one(found, DutyKind.INITIAL_NOTIFICATION).due == D(2025, 1, 8)
    assert one(found, DutyKind.SUBJECT_ACCESS_ANSWER).status is DutyStatus.MET
    # A caution given in Scotland makes no one subject: the rule function's
    # answer, naming its rule.
    scottish = {
        **data,
        "notification": {
            **data["notification"],  # type: ignore[dict-item]
            "disposal": {"type": "caution", "where": "scotland"},
        },
    }
    with pytest.raises(NotApplicable) as caught:
        duties(case_from_json(scottish), on=D(2026, 4, 1))
    assert caught.value.rule == "notification.caution"


def test_level_checks_on_a_case_read_from_json_name_the_field() -> None:
    case = case_from_json({"case_ref": "C-1", "category": 3, "referral_level": 1})
    with pytest.raises(LevelNotPermitted, match=r"Case\.referral_level"):
        duties(case, on=D(2025, 1, 1))


SECRET = "Jane Example"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"case_ref": SECRET}, "case_ref"),
        ({"case_ref": 7}, "case_ref"),
        ({"category": 4}, "category"),
        ({"category": True}, "category"),
        ({"area": ""}, "area"),
        ({"olr": "yes"}, "olr"),
        ({"secret": SECRET}, "case"),
        ({"meetings": {}}, "meetings"),
        ({"meetings": [SECRET]}, "meetings[0]"),
        ({"meetings": [{"level": 2}]}, "meetings[0].date"),
        ({"meetings": [{"date": SECRET, "level": 2}]}, "meetings[0].date"),
        ({"meetings": [{"date": "2025-02-30", "level": 2}]}, "meetings[0].date"),
        ({"meetings": [{"date": "2025-02-03", "level": 5}]}, "meetings[0].level"),
        (
            {"meetings": [{"date": "2025-02-03", "level": 2, "kind": SECRET}]},
            "meetings[0].kind",
        ),
        (
            {"meetings": [{"date": "2025-02-03", "level": 2, "meeting_id": SECRET}]},
            "meetings[0].meeting_id",
        ),
        (
            {"meetings": [{"date": "2025-02-03", "level": 2, "new_level": 2}]},
            "meetings[0]",
        ),
        ({"notification": {"relevant_date": "2025-01-01"}}, "notification.disposal"),
        (
            {
                "notification": {
                    "disposal": {"type": SECRET},
                    "relevant_date": "2025-01-01",
                    "under_18": False,
                }
            },
            "notification.disposal.type",
        ),
        (
            {
                "notification": {
                    "disposal": {"type": "imprisonment"},
                    "relevant_date": "2025-01-01",
                    "under_18": False,
                }
            },
            "notification.disposal",
        ),
        (
            {
                "notification": {
                    "disposal": {"type": "other"},
                    "relevant_date": "2025-01-01",
                    "under_18": False,
                    "excluded": [{"start": "2025-02-01", "end": "2025-01-01"}],
                }
            },
            "notification.excluded[0]",
        ),
        (
            {
                "notification": {
                    "disposal": {"type": "other"},
                    "relevant_date": "2025-01-01",
                    "under_18": False,
                    "notifications": ["2024-12-01"],
                }
            },
            "notification",
        ),
        ({"isp_approvals": [{"start": None}]}, "isp_approvals[0].start"),
        (
            {
                "subject_access_requests": [
                    {"received": "2025-01-01", "regime": "general", "extended": 1}
                ]
            },
            "subject_access_requests[0].extended",
        ),
        (
            {"subject_access_requests": [{"received": "2025-01-01"}]},
            "subject_access_requests[0].regime",
        ),
        (
            {"subject_access_requests": [{"regime": "general"}]},
            "subject_access_requests[0].received",
        ),
        (
            {"subject_access_requests": [{"received": "2025-01-01", "regime": SECRET}]},
            "subject_access_requests[0].regime",
        ),
        (
            {
                "subject_access_requests": [
                    {
                        "received": "2026-03-02",
                        "regime": "general",
                        "clock_stopped": [{"start": "2026-03-05", "end": SECRET}],
                    }
                ]
            },
            "subject_access_requests[0].clock_stopped[0].end",
        ),
        (
            {
                "subject_access_requests": [
                    {
                        "received": "2026-03-02",
                        "regime": "general",
                        "clock_stopped": [{"start": "2026-03-05", "end": "2026-03-01"}],
                    }
                ]
            },
            "subject_access_requests[0].clock_stopped[0]",
        ),
        (
            {
                "subject_access_requests": [
                    {
                        "received": "2026-03-06",
                        "regime": "general",
                        "clock_stopped": [{"start": "2026-03-05", "end": "2026-03-07"}],
                    }
                ]
            },
            "subject_access_requests[0]",
        ),
        (
            {
                "notification": {
                    "disposal": {"type": "caution"},
                    "relevant_date": "2025-01-01",
                    "under_18": False,
                }
            },
            "notification.disposal.where",
        ),
        (
            {
                "notification": {
                    "disposal": {"type": "caution", "where": SECRET},
                    "relevant_date": "2025-01-01",
                    "under_18": False,
                }
            },
            "notification.disposal.where",
        ),
        ({"risk_changes": ["1 May"]}, "risk_changes[0]"),
    ],
)
def test_case_from_json_names_the_field_never_the_value(
    change: dict[str, object], field: str
) -> None:
    data = {"case_ref": "C-1", "category": 1, **change}
    with pytest.raises(RecordError) as caught:
        case_from_json(data, source="case.json")
    assert caught.value.column == field
    assert caught.value.source == "case.json"
    assert SECRET not in str(caught.value)
    assert "Jane" not in repr(caught.value)


def test_case_from_json_requires_its_fields() -> None:
    with pytest.raises(RecordError, match="'category'"):
        case_from_json({"case_ref": "C-1"})
    with pytest.raises(RecordError, match="'case'"):
        case_from_json([1])


def test_read_case_from_files_and_streams(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(FULL_CASE), encoding="utf-8")
    assert read_case(path) == CHRISTMAS
    assert read_case(str(path)) == CHRISTMAS
    assert read_case(io.StringIO(json.dumps(FULL_CASE))) == CHRISTMAS
    bad = tmp_path / "bad.json"
    bad.write_text("{" + SECRET, encoding="utf-8")
    with pytest.raises(RecordError, match=r"bad\.json: not valid JSON") as caught:
        read_case(bad)
    assert "Jane" not in str(caught.value)
    with pytest.raises(RecordError, match="cannot read the file"):
        read_case(tmp_path / "missing.json")
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(RecordError, match="not UTF-8"):
        read_case(binary)
    with pytest.raises(InvalidTypeError, match="text mode"):
        read_case(io.BytesIO(b"{}"))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        read_case(42)  # type: ignore[arg-type]


# -- properties -----------------------------------------------------------------------


def _stopped_known(spans: tuple[DateRange, ...], on: dt.date) -> list[DateRange]:
    """The clock-stopped spans known on *on* (a reference: cut at *on*)."""
    return [
        DateRange(span.start, min(span.end, on)) for span in spans if span.start <= on
    ]


def _recomputed(case: Case, duty: Duty) -> Deadline | None:
    """The deadline of *duty* from the public rule function, called directly."""
    kind, day = duty.kind, duty.event.day
    if kind is DutyKind.NEXT_REVIEW and duty.due is not None:
        assert duty.level is not None
        return next_review_due(duty.level, day)
    if kind is DutyKind.MINUTE_DRAFT:
        return minutes_due(day).draft
    if kind is DutyKind.MINUTE_FINAL:
        return minutes_due(day).final
    if kind is DutyKind.INITIAL_MAPPP:
        assert case.liberation_date is not None
        return initial_mappp_due(case.liberation_date)
    if kind is DutyKind.OLR_RMP_REVIEW:
        return next_rmp_review_due(day)
    if kind is DutyKind.ISP_APPROVAL_END:
        period = approval_period(day)
        return Deadline(period.end, period.rule, period.citation)
    facts = case.notification
    if facts is not None:
        excluded = tuple(r for r in facts.excluded if r.start <= duty.on)
        if kind is DutyKind.INITIAL_NOTIFICATION:
            return initial_notification_due(day, excluded=excluded)
        if kind is DutyKind.CHANGE_NOTIFICATION:
            return change_notification_due(day, excluded=excluded)
        if kind is DutyKind.PERIODIC_NOTIFICATION:
            return periodic_notification_due(
                day, no_fixed_abode=facts.no_fixed_abode, excluded=excluded
            )
        if kind is DutyKind.NOTIFICATION_DISCHARGE_REVIEW:
            made = sorted(d for d in facts.notifications if d <= duty.on)
            first = made[0] if made else None
            return review_date(
                day,
                under_18=facts.under_18,
                first_notification=first,
                excluded=excluded if first is not None else (),
            )
    if kind is DutyKind.SUBJECT_ACCESS_ANSWER:
        request = case.subject_access_requests[duty.event.index]
        return subject_access_due(
            day,
            regime=request.regime,
            extended=request.extended,
            clock_stopped=_stopped_known(request.clock_stopped, duty.on),
        )
    if kind is DutyKind.RECORDING_DESTRUCTION:
        check = assess_audio_recording(
            final_agreed=case.meetings[duty.event.index].final_released,
            destroyed=None,
            on=duty.on,
        )
        assert check.destroy_by is not None
        return Deadline(check.destroy_by, check.rule, check.citation)
    return None  # no national timescale


ONS = st.integers(0, 800)


@PROPERTY
@given(ms.cases(), ONS)
def test_every_deadline_is_its_rule_functions_answer(case: Case, offset: int) -> None:
    on = case.meetings[0].held_on + dt.timedelta(days=offset)
    for duty in duties(case, on=on):
        assert duty.deadline == _recomputed(case, duty), duty.kind


@PROPERTY
@given(ms.cases(), ONS)
def test_every_duty_names_a_rule_the_rulebook_has_with_its_citation(
    case: Case, offset: int
) -> None:
    on = case.meetings[0].held_on + dt.timedelta(days=offset)
    for duty in duties(case, on=on):
        assert duty.rule in DEFAULT_RULEBOOK
        rule = DEFAULT_RULEBOOK.rule(duty.rule)
        assert duty.citation in {version.citation for version in rule.versions}
        assert (duty.due is None) == (
            duty.status is DutyStatus.NO_NATIONAL_TIMESCALE
        ) or (duty.due is None and duty.status is DutyStatus.MET)


@PROPERTY
@given(ms.cases(), ONS, st.integers(1, 800))
def test_a_later_day_never_reopens_an_overdue_duty(
    case: Case, offset: int, later: int
) -> None:
    first = case.meetings[0].held_on + dt.timedelta(days=offset)
    second = first + dt.timedelta(days=later)
    before = {(d.kind, d.event): d for d in duties(case, on=first)}
    after = {(d.kind, d.event): d for d in duties(case, on=second)}
    for key, duty in before.items():
        if duty.status is DutyStatus.OVERDUE:
            assert after[key].status in (DutyStatus.OVERDUE, DutyStatus.MET_LATE)
            assert after[key].due == duty.due
        if duty.status in (DutyStatus.MET, DutyStatus.MET_LATE):
            assert after[key].status is duty.status


@PROPERTY
@given(
    st.lists(st.integers(1, 50), min_size=1, max_size=4, unique=True).flatmap(
        lambda numbers: st.tuples(*(ms.cases(number=n) for n in numbers))
    ),
    ONS,
)
def test_a_cases_duties_are_its_rows_in_the_due_list(
    cases: tuple[Case, ...], offset: int
) -> None:
    on = cases[0].meetings[0].held_on + dt.timedelta(days=offset)
    rows = caseload_duties(cases, on=on)
    for case in cases:
        mine = [row for row in rows if row.case_ref == case.case_ref]
        assert mine == [DutyRow.of(case, duty) for duty in duties(case, on=on)]


@PROPERTY
@given(ms.caseloads(max_cases=3), ONS)
def test_a_caseloads_cases_are_grouped_by_reference(
    caseload: Caseload, offset: int
) -> None:
    on = caseload.first_date + dt.timedelta(days=offset)
    rows = caseload_duties(caseload, on=on)
    groups: dict[str, list[Meeting]] = {}
    for meeting in caseload:
        groups.setdefault(meeting.case_ref, []).append(meeting)
    for ref, meetings in groups.items():
        case = Case.from_meetings(meetings)
        assert [r for r in rows if r.case_ref == ref] == [
            DutyRow.of(case, d) for d in duties(case, on=on)
        ]


def test_the_case_strategy_checks_its_arguments() -> None:
    with pytest.raises(InvalidValueError, match="max_meetings"):
        ms.cases(max_meetings=0)


def test_ical_summary_without_a_level() -> None:
    icalendar = pytest.importorskip("icalendar")
    rows = caseload_duties([HOSPITAL], on=D(2026, 3, 22))
    parsed = icalendar.Calendar.from_ical(to_ical(rows))
    summaries = [str(event["SUMMARY"]) for event in parsed.walk("VEVENT")]
    assert summaries == ["Periodic notification"]
