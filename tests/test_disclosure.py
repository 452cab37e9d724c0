"""Tests for mappa.disclosure (guidance paras 11.16-11.25; UK GDPR art. 12(3))."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import raises
from mappa.calendar import WorkingCalendar
from mappa.deadlines import Deadline
from mappa.disclosure import (
    DataProtectionRegime,
    Decider,
    DisclosureRoute,
    Duty,
    MinuteMarking,
    RecordingCheck,
    Release,
    RequestKind,
    SecurityMarking,
    SubjectAccessRequest,
    ThirdPartyRequest,
    TribunalConsideration,
    TribunalRecommendation,
    TribunalRequest,
    assess_audio_recording,
    minute_marking,
    recording_kept_too_long,
    route_request,
    subject_access_deadline,
    subject_access_due,
    tribunal_statement,
)
from mappa.errors import (
    CalendarRangeError,
    InvalidTypeError,
    InvalidValueError,
    MappaError,
    Redacted,
    RuleNotInForce,
)
from mappa.framework import Level
from mappa.periods import DateRange, Duration
from mappa.rulebook import DEFAULT_RULEBOOK
from mappa.sources import ICO_RIGHT_OF_ACCESS, UK_GDPR

SCOTLAND = WorkingCalendar.scotland()
D = dt.date
G = DataProtectionRegime.GENERAL
POLICE = DataProtectionRegime.LAW_ENFORCEMENT
G_RESPONSE = "disclosure.subject_access.general.response"
G_EXTENSION = "disclosure.subject_access.general.extension"
POLICE_RESPONSE = "disclosure.subject_access.law_enforcement.response"
POLICE_EXTENSION = "disclosure.subject_access.law_enforcement.extension"

# -- security marking (para 11.16) --------------------------------------------


def test_marking_order() -> None:
    # Para 11.16: always OFFICIAL, may be OFFICIAL-SENSITIVE.
    assert SecurityMarking.OFFICIAL < SecurityMarking.OFFICIAL_SENSITIVE
    assert SecurityMarking.OFFICIAL_SENSITIVE > SecurityMarking.OFFICIAL
    assert SecurityMarking.OFFICIAL <= SecurityMarking.OFFICIAL
    assert SecurityMarking.OFFICIAL_SENSITIVE >= SecurityMarking.OFFICIAL_SENSITIVE
    assert min(SecurityMarking) is SecurityMarking.OFFICIAL
    assert (
        sorted(SecurityMarking, reverse=True)[0] is SecurityMarking.OFFICIAL_SENSITIVE
    )
    assert str(SecurityMarking.OFFICIAL_SENSITIVE) == "OFFICIAL-SENSITIVE"


def test_marking_does_not_compare_with_other_types() -> None:
    with pytest.raises(TypeError):
        assert SecurityMarking.OFFICIAL < 1  # type: ignore[operator]
    with pytest.raises(TypeError):
        assert SecurityMarking.OFFICIAL <= "OFFICIAL"  # type: ignore[operator]
    with pytest.raises(TypeError):
        assert SecurityMarking.OFFICIAL > 0  # type: ignore[operator]
    with pytest.raises(TypeError):
        assert SecurityMarking.OFFICIAL >= None  # type: ignore[operator]


def test_minute_marking_defaults_to_official() -> None:
    # Para 11.16: a minute and RMP are always OFFICIAL.
    marking = MinuteMarking()
    assert marking.marking is SecurityMarking.OFFICIAL
    assert not marking.sensitive
    assert str(marking) == "OFFICIAL"
    assert marking.citation.pinpoint == "para 11.16"
    assert minute_marking().marking is SecurityMarking.OFFICIAL
    assert minute_marking(SecurityMarking.OFFICIAL_SENSITIVE).sensitive


@pytest.mark.parametrize("bad", [None, "OFFICIAL", "", 0, 1, True])
def test_minute_marking_refuses_anything_but_a_marking(bad: object) -> None:
    # Para 11.16: nothing below OFFICIAL, so no "unmarked" or free-text marking.
    with pytest.raises(InvalidTypeError):
        MinuteMarking(bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        minute_marking(bad)  # type: ignore[arg-type]


def test_minute_marking_reads_the_minimum_from_the_rulebook() -> None:
    strict = DEFAULT_RULEBOOK.with_value(
        "disclosure.minute.minimum_marking", "OFFICIAL_SENSITIVE", reason="local"
    )
    with pytest.raises(InvalidValueError) as caught:
        minute_marking(SecurityMarking.OFFICIAL, rulebook=strict)
    assert caught.value.rule == "disclosure.minute.minimum_marking"
    assert minute_marking(SecurityMarking.OFFICIAL_SENSITIVE, rulebook=strict).sensitive
    broken = DEFAULT_RULEBOOK.with_value(
        "disclosure.minute.minimum_marking", "SECRETISH", reason="typo"
    )
    with pytest.raises(InvalidValueError):
        minute_marking(rulebook=broken)


# -- subject access deadlines (para 11.22; UK GDPR art. 12(3); ICO) ----------


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # ICO: received 3 September, due 3 October (a Friday in 2025).
        (D(2025, 9, 3), D(2025, 10, 3)),
        # ICO: no corresponding date -> last day of the next month.
        (D(2025, 1, 31), D(2025, 2, 28)),
        (D(2024, 1, 31), D(2024, 2, 29)),  # leap year
        (D(2025, 1, 29), D(2025, 2, 28)),
        (D(2025, 3, 31), D(2025, 4, 30)),
        # ICO: a deadline on a weekend moves to the next working day.
        (D(2025, 5, 31), D(2025, 6, 30)),  # 30 June 2025 is a Monday
        (D(2025, 4, 30), D(2025, 5, 30)),  # Friday
        (D(2025, 7, 31), D(2025, 9, 1)),  # 31 August: a Sunday
        # ... and on a public holiday (Scottish): 5 May 2025, May Day.
        (D(2025, 4, 5), D(2025, 5, 6)),
        # 2 January is a Scottish bank holiday (Friday in 2026).
        (D(2025, 12, 2), D(2026, 1, 5)),
        # 30 November 2025 is a Sunday, St Andrew's Day observed on 1 December.
        (D(2025, 10, 30), D(2025, 12, 2)),
    ],
)
def test_subject_access_due(received: dt.date, due: dt.date) -> None:
    deadline = subject_access_due(received, regime=G)
    assert (deadline.due, deadline.rule) == (due, G_RESPONSE)
    assert subject_access_deadline(received, regime=G).due == deadline


def test_subject_access_extension() -> None:
    # UK GDPR art. 12(3): two further months; read as 3 months from receipt.
    deadline = subject_access_deadline(D(2025, 1, 31), regime=G)
    assert deadline.corresponding_date == D(2025, 2, 28)
    extension = DEFAULT_RULEBOOK.citation(G_EXTENSION)
    assert deadline.extended_due == Deadline(D(2025, 4, 30), G_EXTENSION, extension)
    # the person is told of an extension within the first month
    assert deadline.extension_notice_by == deadline.due.due
    assert subject_access_due(D(2025, 1, 31), extended=True, regime=G) == (
        deadline.extended_due
    )
    # 3 August 2025 + 3 months = 3 November 2025, a Monday
    assert subject_access_due(D(2025, 8, 3), extended=True, regime=G) == Deadline(
        D(2025, 11, 3), G_EXTENSION, extension
    )


def test_subject_access_deadline_cites_law_and_ico() -> None:
    deadline = subject_access_deadline(D(2025, 9, 3), regime=G)
    documents = {c.document for c in deadline.citations}
    assert UK_GDPR.title in documents
    assert ICO_RIGHT_OF_ACCESS.title in documents
    assert not deadline.moved


def test_subject_access_deadline_moved_flag() -> None:
    deadline = subject_access_deadline(D(2025, 7, 31), regime=G)
    assert deadline.corresponding_date == D(2025, 8, 31)
    assert deadline.moved
    assert deadline.due == Deadline(
        D(2025, 9, 1),
        G_RESPONSE,
        DEFAULT_RULEBOOK.citation(G_RESPONSE),
        moved_from=D(2025, 8, 31),
    )


def test_subject_access_uses_the_callers_calendar() -> None:
    # An office closed on 3 October 2025 (a local holiday) answers on Monday 6th.
    local = WorkingCalendar.scotland(extra_closed_days=(D(2025, 10, 3),))
    deadline = subject_access_due(D(2025, 9, 3), calendar=local, regime=G)
    assert (deadline.due, deadline.moved_from) == (D(2025, 10, 6), D(2025, 10, 3))


def test_subject_access_bad_input() -> None:
    with pytest.raises(InvalidTypeError):
        subject_access_deadline(dt.datetime(2025, 9, 3, 9, 0), regime=G)
    with pytest.raises(InvalidTypeError):
        subject_access_deadline("2025-09-03", regime=G)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        subject_access_due(D(2025, 9, 3), extended=1, regime=G)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        subject_access_deadline(D(2025, 9, 3), calendar="Scotland", regime=G)  # type: ignore[arg-type]
    with pytest.raises(MappaError):
        subject_access_deadline(dt.date.max, regime=G)
    with pytest.raises(CalendarRangeError):
        subject_access_deadline(dt.date.min, regime=G)


def _reference_due(received: dt.date, months: int) -> dt.date:
    """The ICO's rule written out naively: corresponding date, clamp, roll on."""
    year, month = divmod(received.month - 1 + months, 12)
    year += received.year
    month += 1
    day = received.day
    while True:
        try:
            candidate = D(year, month, day)
            break
        except ValueError:
            day -= 1
    while not SCOTLAND.is_working_day(candidate):
        candidate += dt.timedelta(days=1)
    return candidate


received_dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2060, 12, 31))


@settings(max_examples=300)
@given(received_dates)
def test_subject_access_matches_reference(received: dt.date) -> None:
    deadline = subject_access_deadline(received, regime=G)
    assert deadline.extended_due is not None
    assert deadline.due.due == _reference_due(received, 1)
    assert deadline.extended_due.due == _reference_due(received, 3)
    assert (deadline.due.rule, deadline.extended_due.rule) == (G_RESPONSE, G_EXTENSION)


@settings(max_examples=200)
@given(received_dates)
def test_subject_access_invariants(received: dt.date) -> None:
    deadline = subject_access_deadline(received, regime=G)
    due, extended = deadline.due, deadline.extended_due
    assert extended is not None
    # The deadline is a working day, within a month plus the days it moved.
    assert SCOTLAND.is_working_day(due.due)
    assert deadline.corresponding_date <= due.due
    assert deadline.corresponding_date == received + relativedelta(months=1)
    assert 28 <= (deadline.corresponding_date - received).days <= 31
    # The move is never past the first working day after the corresponding date.
    assert due.due == SCOTLAND.roll_forward(deadline.corresponding_date)
    assert due.moved_from == (
        None if due.due == deadline.corresponding_date else deadline.corresponding_date
    )
    assert due.due < extended.due
    assert SCOTLAND.is_working_day(extended.due)
    assert extended.moved_from in (None, received + relativedelta(months=3))


@settings(max_examples=200)
@given(received_dates, received_dates)
def test_subject_access_monotonic(a: dt.date, b: dt.date) -> None:
    # A later receipt never gives an earlier deadline.
    a, b = min(a, b), max(a, b)
    assert subject_access_due(a, regime=G).due <= subject_access_due(b, regime=G).due
    assert (
        subject_access_due(a, extended=True, regime=G).due
        <= subject_access_due(b, extended=True, regime=G).due
    )


# -- routing requests (paras 11.19-11.25) -------------------------------------


def test_third_party_route() -> None:
    # Para 11.19: referred to the meeting chair and the MAPPA co-ordinator;
    # para 11.23: rarely the whole minute, every request and decision recorded;
    # para 11.24: a Minute Executive Summary with a covering letter.
    route = route_request(ThirdPartyRequest(received=D(2025, 6, 2)))
    assert route.kind is RequestKind.THIRD_PARTY
    assert set(route.deciders) == {Decider.MEETING_CHAIR, Decider.MAPPA_COORDINATOR}
    assert route.releases == (Release.MINUTE_EXECUTIVE_SUMMARY,)
    assert Duty.WHOLE_MINUTE_RARELY in route.duties
    assert Duty.CHAIR_PRIOR_APPROVAL in route.duties
    assert Duty.RESTRICT_THIRD_PARTY_INFORMATION in route.duties  # para 11.25
    assert route.must_record
    assert route.deadline is None
    assert route.due is None
    pinpoints = {c.pinpoint for c in route.citations}
    assert {"para 11.19", "para 11.23", "para 11.24", "para 11.25"} <= pinpoints
    assert route.rule == "disclosure.duty.chair_prior_approval"


@pytest.mark.parametrize("representative", [False, True])
def test_subject_access_route(representative: bool) -> None:
    # Para 11.22: a SAR under the Data Protection Act 2018; co-ordinator and
    # chair consult the attending agencies; the lead RA seeks DPO advice.
    request = SubjectAccessRequest(
        D(2025, 1, 31), regime=G, by_legal_representative=representative
    )
    route = route_request(request)
    assert route.kind is RequestKind.SUBJECT_ACCESS
    assert route.deciders == (Decider.MAPPA_COORDINATOR, Decider.MEETING_CHAIR)
    assert Duty.CONSULT_ATTENDING_AGENCIES in route.duties
    assert Duty.SEEK_DATA_PROTECTION_ADVICE in route.duties
    assert route.must_record
    assert route.due == D(2025, 2, 28)
    assert route.deadline is not None
    assert route.deadline.due == subject_access_due(D(2025, 1, 31), regime=G)
    assert route.deadline.extended_due == subject_access_due(
        D(2025, 1, 31), regime=G, extended=True
    )
    assert route.deadline.extended_due.due == D(2025, 4, 30)
    documents = {c.document for c in route.citations}
    assert UK_GDPR.title in documents
    assert "art. 15" in {c.pinpoint for c in route.citations}  # the right of access
    assert route.deadline.regime is G
    assert route.rule == "disclosure.subject_access.general.response"


def test_subject_access_route_for_the_police() -> None:
    """Police Scotland answers under DPA 2018 Part 3: s.45 (the right) and
    s.54 (the time limit), one month beginning with the relevant time."""
    route = route_request(SubjectAccessRequest(D(2025, 1, 31), regime=POLICE))
    assert route.deadline is not None
    assert route.deadline.regime is POLICE
    assert route.due == D(2025, 2, 28)
    pinpoints = {c.pinpoint for c in route.citations}
    assert "s.45" in pinpoints
    assert "s.45(3)(b), s.54(2)-(3)" in pinpoints
    assert UK_GDPR.title not in {c.document for c in route.citations}


@pytest.mark.parametrize(
    ("considering", "summary"),
    [
        # Para 11.21: a Minute Executive Summary for conditional discharge and
        # revocation of the compulsion or restriction order.
        (TribunalConsideration.CONDITIONAL_DISCHARGE, True),
        (TribunalConsideration.REVOCATION_OF_COMPULSION_ORDER, True),
        (TribunalConsideration.REVOCATION_OF_RESTRICTION_ORDER, True),
        # Para 11.20 only: the statement.
        (TribunalConsideration.UNESCORTED_SUSPENSION_OF_DETENTION, False),
    ],
)
def test_tribunal_route(considering: TribunalConsideration, summary: bool) -> None:
    route = route_request(
        TribunalRequest(received=D(2025, 6, 2), considering=considering)
    )
    assert route.kind is RequestKind.MENTAL_HEALTH_TRIBUNAL
    assert route.releases[0] is Release.TRIBUNAL_STATEMENT
    assert (Release.MINUTE_EXECUTIVE_SUMMARY in route.releases) is summary
    assert route.must_record
    assert route.deadline is None
    pinpoints = {c.pinpoint for c in route.citations}
    assert "para 11.20" in pinpoints
    assert ("para 11.21" in pinpoints) is summary


@pytest.mark.parametrize(
    "bad", [None, "subject access", RequestKind.THIRD_PARTY, D(2025, 6, 2), object()]
)
def test_unknown_request_kind(bad: object) -> None:
    with pytest.raises(InvalidTypeError) as caught:
        route_request(bad)  # type: ignore[arg-type]
    assert caught.value.rule == "request"


def test_route_checks_rulebook_and_calendar() -> None:
    request = ThirdPartyRequest(received=D(2025, 6, 2))
    with pytest.raises(InvalidTypeError):
        route_request(request, rulebook="default")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        route_request(request, calendar=object())  # type: ignore[arg-type]


def test_requests_refuse_bad_fields() -> None:
    with pytest.raises(InvalidTypeError):
        ThirdPartyRequest(received=dt.datetime(2025, 6, 2, 9, 0))
    with pytest.raises(InvalidTypeError):
        SubjectAccessRequest(D(2025, 6, 2), regime=G, by_legal_representative="yes")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        TribunalRequest(received=D(2025, 6, 2), considering="conditional discharge")  # type: ignore[arg-type]


def test_route_value_is_typed() -> None:
    with pytest.raises(InvalidTypeError):
        DisclosureRoute(
            kind=RequestKind.THIRD_PARTY,
            deciders=("chair",),  # type: ignore[arg-type]
            releases=(),
            duties=(),
            deadline=None,
            citations=(),
        )


# -- the tribunal statement (para 11.20) --------------------------------------


def test_tribunal_statement_text() -> None:
    # Para 11.20: "A MAPPA meeting was held on [date]. MAPPA Level is [ ]. The
    # MAPPA group support the recommendation by the RMO for [...]".
    statement = tribunal_statement(
        meeting_date=D(2025, 6, 2),
        level=Level.MAPPP,
        recommendation=TribunalRecommendation.REVOCATION_OF_RESTRICTION_ORDER,
    )
    assert statement.text == (
        "A MAPPA meeting was held on 2 June 2025. MAPPA Level is 3. The MAPPA "
        "group support the recommendation by the RMO for revocation of the "
        "restriction order."
    )
    assert str(statement) == statement.text
    assert statement.citation.pinpoint == "para 11.20"


def test_tribunal_statement_holds_only_three_fields() -> None:
    import attrs

    from mappa.disclosure import TribunalStatement

    names = [f.name for f in attrs.fields(TribunalStatement)]
    assert names == ["meeting_date", "level", "recommendation", "citation"]


def test_tribunal_statement_from_a_dict() -> None:
    fields = {
        "meeting_date": D(2025, 1, 9),
        "level": Level.ROUTINE,
        "recommendation": TribunalRecommendation.UNESCORTED_SUSPENSION_OF_DETENTION,
    }
    statement = tribunal_statement(**fields)  # type: ignore[arg-type]
    assert "9 January 2025" in statement.text
    assert "unescorted suspension of detention" in statement.text


def test_tribunal_statement_refuses_extra_fields() -> None:
    with pytest.raises(InvalidValueError) as caught:
        tribunal_statement(
            meeting_date=D(2025, 6, 2),
            level=Level.MULTI_AGENCY,
            recommendation=TribunalRecommendation.CONDITIONAL_DISCHARGE,
            risk_narrative="Jane Example said ...",
            name="Jane Example",
        )
    assert caught.value.rule == "disclosure.tribunal.statement"
    assert "name, risk_narrative" in str(caught.value)
    assert "Jane" not in str(caught.value)


def test_tribunal_statement_never_echoes_odd_keys() -> None:
    with pytest.raises(InvalidValueError) as caught:
        tribunal_statement(
            meeting_date=D(2025, 6, 2),
            level=Level.MULTI_AGENCY,
            recommendation=TribunalRecommendation.CONDITIONAL_DISCHARGE,
            **{"Jane Example lives at": 1},  # type: ignore[arg-type]
        )
    assert "Jane" not in str(caught.value)
    assert "1 other field(s)" in str(caught.value)


@pytest.mark.parametrize(
    ("field", "bad"),
    [
        ("meeting_date", dt.datetime(2025, 6, 2, 10, 0)),
        ("meeting_date", "2025-06-02"),
        ("level", 2),
        ("level", None),
        ("recommendation", "conditional discharge"),
        ("recommendation", TribunalConsideration.REVOCATION_OF_COMPULSION_ORDER),
    ],
)
def test_tribunal_statement_refuses_wrong_types(field: str, bad: object) -> None:
    fields: dict[str, object] = {
        "meeting_date": D(2025, 6, 2),
        "level": Level.MULTI_AGENCY,
        "recommendation": TribunalRecommendation.CONDITIONAL_DISCHARGE,
        field: bad,
    }
    with pytest.raises(InvalidTypeError):
        tribunal_statement(**fields)  # type: ignore[arg-type]


# -- audio recordings (para 11.18) --------------------------------------------


def test_recording_destroyed_on_the_day_is_fine() -> None:
    # Para 11.18: destroyed once the final minute and RMP are agreed.
    check = assess_audio_recording(
        final_agreed=D(2025, 6, 16), destroyed=D(2025, 6, 16), on=D(2025, 7, 1)
    )
    assert not check.kept_too_long
    assert check.days_overdue == 0
    assert check.destroy_by == D(2025, 6, 16)
    assert check.citation.pinpoint == "para 11.18"
    assert check
    assert check.rule == "disclosure.audio_recording.destroy_on_final"
    assert check.citations == (check.citation,)


def test_recording_kept_after_final_minute_is_flagged() -> None:
    check = assess_audio_recording(
        final_agreed=D(2025, 6, 16), destroyed=D(2025, 6, 18), on=D(2025, 7, 1)
    )
    assert check.kept_too_long
    assert check.days_overdue == 2
    assert recording_kept_too_long(
        final_agreed=D(2025, 6, 16), destroyed=None, on=D(2025, 6, 17)
    )


def test_recording_before_final_minute_is_not_flagged() -> None:
    check = assess_audio_recording(final_agreed=None, destroyed=None, on=D(2025, 6, 17))
    assert not check.kept_too_long
    assert check.destroy_by is None


def test_recording_rule_can_be_switched_off() -> None:
    book = DEFAULT_RULEBOOK.with_value(
        "disclosure.audio_recording.destroy_on_final", False, reason="test"
    )
    assert not recording_kept_too_long(
        final_agreed=D(2025, 6, 16), destroyed=None, on=D(2025, 7, 1), rulebook=book
    )


def test_recording_refuses_future_dates() -> None:
    with pytest.raises(InvalidValueError):
        assess_audio_recording(
            final_agreed=D(2025, 6, 16), destroyed=D(2025, 7, 2), on=D(2025, 7, 1)
        )
    with pytest.raises(InvalidValueError):
        assess_audio_recording(
            final_agreed=D(2025, 7, 2), destroyed=None, on=D(2025, 7, 1)
        )
    with pytest.raises(InvalidTypeError):
        assess_audio_recording(
            final_agreed=dt.datetime(2025, 6, 16, 9, 0),
            destroyed=None,
            on=D(2025, 7, 1),
        )


@settings(max_examples=200)
@given(
    st.dates(min_value=D(2000, 1, 1), max_value=D(2040, 1, 1)),
    st.integers(0, 400),
    st.integers(0, 400),
)
def test_recording_reference(agreed: dt.date, held: int, extra: int) -> None:
    destroyed = agreed + dt.timedelta(days=held)
    on = destroyed + dt.timedelta(days=extra)
    check = assess_audio_recording(final_agreed=agreed, destroyed=destroyed, on=on)
    assert check.kept_too_long == (destroyed > agreed)
    assert check.days_overdue == held
    still_held = assess_audio_recording(final_agreed=agreed, destroyed=None, on=on)
    assert still_held.days_overdue == (on - agreed).days
    assert isinstance(still_held, RecordingCheck)


def test_recording_rule_must_be_a_bool() -> None:
    import attrs

    rule = DEFAULT_RULEBOOK.rule("disclosure.audio_recording.destroy_on_final")
    version = attrs.evolve(rule.current, value=1)
    book = DEFAULT_RULEBOOK.with_rule(attrs.evolve(rule, versions=(version,)))
    with pytest.raises(InvalidTypeError):
        assess_audio_recording(
            final_agreed=None, destroyed=None, on=D(2025, 6, 2), rulebook=book
        )


def test_subject_access_due_is_a_deadline_naming_its_rule() -> None:
    plain = subject_access_due(D(2025, 9, 3), regime=G)
    assert isinstance(plain, Deadline)
    assert plain.rule == "disclosure.subject_access.general.response"
    assert plain.moved_from is None
    extended = subject_access_due(D(2025, 1, 31), extended=True, regime=G)
    assert extended.rule == "disclosure.subject_access.general.extension"
    # 5 May 2025 is a bank holiday: the deadline moves on, and says from when.
    moved = subject_access_due(D(2025, 4, 5), regime=G)
    assert (moved.due, moved.moved_from) == (D(2025, 5, 6), D(2025, 5, 5))
    moved_extended = subject_access_due(D(2025, 2, 5), extended=True, regime=G)
    assert (moved_extended.due, moved_extended.moved_from) == (
        D(2025, 5, 6),
        D(2025, 5, 5),
    )
    assert subject_access_deadline(D(2025, 9, 3), regime=G).rule == plain.rule
    assert subject_access_deadline(D(2025, 9, 3), regime=G).due == plain
    assert subject_access_deadline(D(2025, 2, 5), regime=G).extended_due == (
        moved_extended
    )
    # the police's deadline never moves
    police = subject_access_due(D(2025, 4, 5), regime=POLICE)
    assert (police.due, police.moved_from) == (D(2025, 5, 4), None)


# -- subject access under two regimes ----------------------------------
# DPA 2018 s.54(2): "the period of one month ... beginning with the relevant
# time"; s.54(3A)-(3C) as amended by the Data (Use and Access) Act 2025.


@pytest.mark.parametrize(
    ("received", "police", "general"),
    [
        # One month beginning with 3 September ends on 2 October (s.54(2));
        # the ICO's reading of art. 12(3) gives 3 October.
        (D(2025, 9, 3), D(2025, 10, 2), D(2025, 10, 3)),
        # Beginning with 1 March: the whole of March.
        (D(2025, 3, 1), D(2025, 3, 31), D(2025, 4, 1)),
        # Beginning with 31 January: no 31 February, so the whole of February.
        (D(2025, 1, 31), D(2025, 2, 28), D(2025, 2, 28)),
        (D(2024, 1, 31), D(2024, 2, 29), D(2024, 2, 29)),
        # Beginning with 30 January 2025: the month after 29 January.
        (D(2025, 1, 30), D(2025, 2, 28), D(2025, 2, 28)),
        # s.54 does not move a deadline off a weekend (4 May 2025, Sunday);
        # the ICO moves the UK GDPR one past the May Day holiday.
        (D(2025, 4, 5), D(2025, 5, 4), D(2025, 5, 6)),
    ],
)
def test_each_regime_counts_its_own_month(
    received: dt.date, police: dt.date, general: dt.date
) -> None:
    police_due = subject_access_due(received, regime=POLICE)
    assert (police_due.due, police_due.rule) == (police, POLICE_RESPONSE)
    general_due = subject_access_due(received, regime=G)
    assert (general_due.due, general_due.rule) == (general, G_RESPONSE)
    deadline = subject_access_deadline(received, regime=POLICE)
    assert deadline.rule == POLICE_RESPONSE
    assert deadline.due == police_due
    assert str(deadline.citations[0]).startswith("Data Protection Act 2018")
    assert not deadline.moved


def test_the_law_enforcement_extension_applies_from_the_2025_act() -> None:
    # s.54(3A): two further months, from 5 February 2026 (SI 2026/82).
    before = subject_access_deadline(D(2026, 2, 4), regime=POLICE)
    assert before.extended_due is None
    assert before.extension_notice_by is None
    with pytest.raises(RuleNotInForce):
        subject_access_due(D(2026, 2, 4), regime=POLICE, extended=True)
    after = subject_access_deadline(D(2026, 2, 5), regime=POLICE)
    # three months beginning with 5 February 2026 end on 4 May 2026
    extension = DEFAULT_RULEBOOK.citation(POLICE_EXTENSION, on=D(2026, 2, 5))
    assert after.extended_due == Deadline(D(2026, 5, 4), POLICE_EXTENSION, extension)
    assert after.extension_notice_by == after.due.due == D(2026, 3, 4)
    assert subject_access_due(D(2026, 3, 1), regime=POLICE, extended=True) == (
        Deadline(D(2026, 5, 31), POLICE_EXTENSION, extension)
    )


@pytest.mark.parametrize("regime", list(DataProtectionRegime))
def test_the_clock_stops_while_the_controller_waits(
    regime: DataProtectionRegime,
) -> None:
    """s.54(3C): the days from the day the controller asks for information
    to the day it arrives, both included, do not count."""
    received = D(2026, 3, 2)
    plain = subject_access_deadline(received, regime=regime)
    asked = [DateRange(D(2026, 3, 5), D(2026, 3, 9))]  # 5 days
    stopped = subject_access_deadline(received, regime=regime, clock_stopped=asked)
    assert stopped.days_stopped == 5
    assert stopped.corresponding_date == plain.corresponding_date + dt.timedelta(5)
    assert stopped.extended_due is not None
    assert plain.extended_due is not None
    assert stopped.extended_due.due >= plain.extended_due.due
    assert stopped.due.rule == plain.due.rule
    rules = {c.pinpoint for c in stopped.citations}
    assert any("3C" in pinpoint or "12A" in pinpoint for pinpoint in rules)
    # days before receipt or after the (pushed) limit do not count
    outside = [
        DateRange(D(2026, 2, 20), D(2026, 3, 1)),
        DateRange(D(2026, 6, 1), D(2026, 6, 5)),
    ]
    assert (
        subject_access_deadline(
            received, regime=regime, clock_stopped=outside
        ).corresponding_date
        == plain.corresponding_date
    )
    # overlapping spans count each day once
    twice = [
        DateRange(D(2026, 3, 5), D(2026, 3, 9)),
        DateRange(D(2026, 3, 7), D(2026, 3, 10)),
    ]
    assert (
        subject_access_deadline(
            received, regime=regime, clock_stopped=twice
        ).days_stopped
        == 6
    )


@pytest.mark.parametrize("regime", list(DataProtectionRegime))
def test_no_clock_stop_before_the_2025_act(regime: DataProtectionRegime) -> None:
    with pytest.raises(RuleNotInForce):
        subject_access_deadline(
            D(2025, 6, 2),
            regime=regime,
            clock_stopped=[DateRange(D(2025, 6, 3), D(2025, 6, 4))],
        )


def test_a_rulebook_that_never_stops_the_clock() -> None:
    book = DEFAULT_RULEBOOK.with_value(
        "disclosure.subject_access.general.clock_stop", False, reason="a test"
    )
    with pytest.raises(InvalidValueError, match="does not stop the clock"):
        subject_access_deadline(
            D(2026, 6, 2),
            regime=G,
            clock_stopped=[DateRange(D(2026, 6, 3), D(2026, 6, 4))],
            rulebook=book,
        )
    not_a_flag = DEFAULT_RULEBOOK.with_rule(
        attrs.evolve(
            DEFAULT_RULEBOOK.rule("disclosure.subject_access.general.next_working_day"),
            versions=(
                attrs.evolve(
                    DEFAULT_RULEBOOK.rule(
                        "disclosure.subject_access.general.next_working_day"
                    ).current,
                    value="yes",
                ),
            ),
        )
    )
    with pytest.raises(InvalidTypeError):
        subject_access_deadline(D(2026, 6, 2), regime=G, rulebook=not_a_flag)


def test_the_regime_is_required_and_checked() -> None:
    with pytest.raises(TypeError):
        subject_access_deadline(D(2026, 6, 2))  # type: ignore[call-arg]
    with pytest.raises(InvalidTypeError):
        subject_access_deadline(D(2026, 6, 2), regime="police")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        subject_access_deadline(D(2026, 6, 2), regime=G, clock_stopped=[(1, 2)])  # type: ignore[list-item]
    assert str(POLICE) == "law enforcement processing (DPA 2018 Part 3)"
    assert POLICE.key == "law_enforcement"


@settings(max_examples=200)
@given(received_dates)
def test_law_enforcement_is_never_later_than_general(received: dt.date) -> None:
    """'Beginning with' ends no later than the corresponding date, and is
    never more than a day earlier than it (before any working-day move)."""
    police = subject_access_deadline(received, regime=POLICE)
    general = subject_access_deadline(received, regime=G)
    gap = (general.corresponding_date - police.corresponding_date).days
    assert gap in (0, 1)
    assert police.due.due <= general.due.due


def test_clock_stops_inside_one_another_and_past_the_calendar() -> None:
    inside = [
        DateRange(D(2026, 3, 5), D(2026, 3, 9)),
        DateRange(D(2026, 3, 6), D(2026, 3, 7)),
    ]
    assert (
        subject_access_deadline(
            D(2026, 3, 2), regime=G, clock_stopped=inside
        ).days_stopped
        == 5
    )
    with pytest.raises(InvalidValueError, match="after the year 9999"):
        subject_access_deadline(
            D(9999, 11, 1),
            regime=POLICE,
            clock_stopped=[DateRange(D(9999, 11, 2), D(9999, 12, 31))],
        )


def test_a_subject_access_deadline_holds_consistent_deadlines() -> None:
    """The bundle refuses deadlines of the wrong rule, out of order, or an
    extension without its notice day (and the reverse)."""
    good = subject_access_deadline(D(2025, 4, 5), regime=G)
    assert good.extended_due is not None
    assert attrs.evolve(good) == good
    police = subject_access_deadline(D(2026, 3, 2), regime=POLICE)
    with pytest.raises(InvalidValueError, match="due is rule"):
        attrs.evolve(good, due=police.due)
    with pytest.raises(InvalidValueError, match="extended_due is rule"):
        attrs.evolve(good, extended_due=good.due)
    # the corresponding date (5 May), not the moved due (6 May), is the bound
    with pytest.raises(InvalidValueError, match="on or after the day of receipt"):
        attrs.evolve(good, received=D(2025, 5, 6))
    assert attrs.evolve(good, received=D(2025, 5, 5)).corresponding_date == D(
        2025, 5, 5
    )
    with pytest.raises(InvalidValueError, match="or neither"):
        attrs.evolve(good, extension_notice_by=None)
    with pytest.raises(InvalidValueError, match="or neither"):
        attrs.evolve(good, extended_due=None)
    assert attrs.evolve(good, extended_due=None, extension_notice_by=None).moved
    early = attrs.evolve(good.extended_due, due=good.due.due, moved_from=None)
    with pytest.raises(InvalidValueError, match="falls after its time limit"):
        attrs.evolve(good, extended_due=early)
    with pytest.raises(InvalidTypeError):
        attrs.evolve(good, due=good.due.due)  # type: ignore[arg-type]
    # the repr names each deadline's day, rule and move, in a few hundred characters
    text = repr(good)
    assert "<Deadline: 2025-05-06, disclosure.subject_access.general.response, " in text
    assert "moved from 2025-05-05>" in text
    assert len(text) < 600
    assert "extended_due=None" in repr(
        subject_access_deadline(D(2026, 2, 4), regime=POLICE)
    )


# -- boundaries and error details ------------------------------------------


def test_marking_comparisons_are_strict_where_they_should_be() -> None:
    # Para 11.16: two markings, each compared with itself and the other.
    official, sensitive = SecurityMarking.OFFICIAL, SecurityMarking.OFFICIAL_SENSITIVE
    assert not official < official
    assert not sensitive < official
    assert not official > official
    assert not official > sensitive
    assert official <= sensitive
    assert not sensitive <= official
    assert sensitive >= official
    assert not official >= sensitive


def test_minute_marking_errors_name_the_rule() -> None:
    strict = DEFAULT_RULEBOOK.with_value(
        "disclosure.minute.minimum_marking", "OFFICIAL_SENSITIVE", reason="local"
    )
    with raises(
        InvalidValueError,
        rule="disclosure.minute.minimum_marking",
        words=["a minute and RMP are marked at least OFFICIAL-SENSITIVE"],
        value=SecurityMarking.OFFICIAL,
    ):
        minute_marking(SecurityMarking.OFFICIAL, rulebook=strict)
    broken = DEFAULT_RULEBOOK.with_value(
        "disclosure.minute.minimum_marking", "SECRETISH", reason="typo"
    )
    with raises(
        InvalidValueError,
        rule="disclosure.minute.minimum_marking",
        words=["must name a SecurityMarking member"],
    ):
        minute_marking(rulebook=broken)


def test_minute_marking_cites_the_callers_rulebook() -> None:
    local = DEFAULT_RULEBOOK.with_value(
        "disclosure.minute.minimum_marking", "OFFICIAL", reason="local copy"
    )
    marking = minute_marking(rulebook=local)
    assert (marking.citation.document, marking.citation.pinpoint) == (
        "Caller's rulebook",
        "local copy",
    )
    assert minute_marking().citation.pinpoint == "para 11.16"


@pytest.mark.parametrize(
    ("call", "param", "words"),
    [
        (
            lambda: subject_access_deadline("2025-09-03", regime=G),  # type: ignore[arg-type]
            "received",
            ["received must be a datetime.date"],
        ),
        (
            lambda: subject_access_deadline(D(2025, 9, 3), regime="police"),  # type: ignore[arg-type]
            "regime",
            ["regime must be a DataProtectionRegime"],
        ),
        (
            lambda: subject_access_deadline(
                D(2025, 9, 3), regime=G, calendar="Scotland"
            ),  # type: ignore[arg-type]
            "calendar",
            ["calendar must be a WorkingCalendar"],
        ),
        (
            lambda: subject_access_deadline(
                D(2026, 6, 2), regime=G, clock_stopped=[(1, 2)]
            ),  # type: ignore[list-item]
            "clock_stopped",
            ["clock_stopped[0] must be a DateRange"],
        ),
        (
            lambda: subject_access_due(D(2025, 9, 3), regime=G, extended=1),  # type: ignore[arg-type]
            "extended",
            ["extended must be a bool"],
        ),
        (
            lambda: assess_audio_recording(
                final_agreed="2025-06-16",  # type: ignore[arg-type]
                destroyed=None,
                on=D(2025, 7, 1),
            ),
            "final_agreed",
            ["final_agreed must be a datetime.date"],
        ),
        (
            lambda: assess_audio_recording(
                final_agreed=None,
                destroyed="2025-06-16",  # type: ignore[arg-type]
                on=D(2025, 7, 1),
            ),
            "destroyed",
            ["destroyed must be a datetime.date"],
        ),
        (
            lambda: assess_audio_recording(
                final_agreed=None,
                destroyed=None,
                on="2025-07-01",  # type: ignore[arg-type]
            ),
            "on",
            ["on must be a datetime.date"],
        ),
        (
            lambda: tribunal_statement(
                meeting_date="2025-06-02",  # type: ignore[arg-type]
                level=Level.MULTI_AGENCY,
                recommendation=TribunalRecommendation.CONDITIONAL_DISCHARGE,
            ),
            "meeting_date",
            ["meeting_date must be a datetime.date"],
        ),
        (
            lambda: tribunal_statement(
                meeting_date=D(2025, 6, 2),
                level=None,  # type: ignore[arg-type]
                recommendation=TribunalRecommendation.CONDITIONAL_DISCHARGE,
            ),
            "level",
            ["level must be a Level"],
        ),
        (
            lambda: tribunal_statement(
                meeting_date=D(2025, 6, 2),
                level=Level.MULTI_AGENCY,
                recommendation=None,  # type: ignore[arg-type]
            ),
            "recommendation",
            ["recommendation must be a TribunalRecommendation"],
        ),
    ],
)
def test_type_errors_name_the_parameter(
    call: Callable[[], object], param: str, words: list[str]
) -> None:
    with raises(InvalidTypeError, param=param, words=words):
        call()


def test_no_clock_stop_means_no_days_stopped() -> None:
    assert subject_access_deadline(D(2026, 3, 2), regime=POLICE).days_stopped == 0
    assert subject_access_deadline(D(2026, 3, 2), regime=G).days_stopped == 0


@pytest.mark.parametrize(
    ("spans", "due", "days"),
    [
        # One month beginning with 2 March 2026 ends on 1 April (s.54(2)).
        # A stop on the last day of the period counts, and pushes it a day...
        ([(D(2026, 4, 1), D(2026, 4, 1))], D(2026, 4, 2), 1),
        # ... a stop beginning the day after it ends does not.
        ([(D(2026, 4, 2), D(2026, 4, 2))], D(2026, 4, 1), 0),
        # A stop ending on the day of receipt counts that day; one ending the
        # day before does not.
        ([(D(2026, 2, 27), D(2026, 3, 2))], D(2026, 4, 2), 1),
        ([(D(2026, 2, 27), D(2026, 3, 1))], D(2026, 4, 1), 0),
        # Spans sharing a day count it once; spans with a day between them
        # do not count that day; spans that touch count every day once.
        (
            [(D(2026, 3, 5), D(2026, 3, 9)), (D(2026, 3, 9), D(2026, 3, 12))],
            D(2026, 4, 9),
            8,
        ),
        (
            [(D(2026, 3, 5), D(2026, 3, 9)), (D(2026, 3, 11), D(2026, 3, 12))],
            D(2026, 4, 8),
            7,
        ),
        (
            [(D(2026, 3, 5), D(2026, 3, 9)), (D(2026, 3, 10), D(2026, 3, 12))],
            D(2026, 4, 9),
            8,
        ),
        # Given out of order, the same.
        (
            [(D(2026, 3, 9), D(2026, 3, 12)), (D(2026, 3, 5), D(2026, 3, 9))],
            D(2026, 4, 9),
            8,
        ),
    ],
)
def test_clock_stop_boundaries(
    spans: list[tuple[dt.date, dt.date]], due: dt.date, days: int
) -> None:
    """s.54(3C): from the day the controller asks to the day the
    information arrives, both included, only days within the period."""
    deadline = subject_access_deadline(
        D(2026, 3, 2),
        regime=POLICE,
        clock_stopped=[DateRange(start, end) for start, end in spans],
    )
    assert (deadline.due.due, deadline.days_stopped) == (due, days)


@pytest.mark.parametrize(
    ("received", "spans", "rule", "words"),
    [
        # the month (or three) itself ends after 9999...
        (D(9999, 12, 15), [], POLICE_RESPONSE, ["1 month beginning with"]),
        (D(9999, 11, 15), [], POLICE_EXTENSION, ["3 months beginning with"]),
        # ... or the days the clock stopped push it there
        (
            D(9999, 11, 1),
            [(D(9999, 11, 2), D(9999, 12, 31))],
            POLICE_RESPONSE,
            ["the deadline falls after the year 9999"],
        ),
        (
            D(9999, 9, 25),
            [(D(9999, 9, 26), D(9999, 10, 4))],
            POLICE_EXTENSION,
            ["the deadline falls after the year 9999"],
        ),
    ],
)
def test_deadlines_past_the_year_9999_name_their_rule(
    received: dt.date,
    spans: list[tuple[dt.date, dt.date]],
    rule: str,
    words: list[str],
) -> None:
    with raises(
        InvalidValueError, rule=rule, words=[repr(rule), *words], value=received
    ):
        subject_access_deadline(
            received,
            regime=POLICE,
            clock_stopped=[DateRange(start, end) for start, end in spans],
        )


def test_rulebook_errors_name_their_rule() -> None:
    stop = "disclosure.subject_access.general.clock_stop"
    book = DEFAULT_RULEBOOK.with_value(stop, False, reason="a test")
    with raises(InvalidValueError, rule=stop, words=["does not stop the clock"]):
        subject_access_deadline(
            D(2026, 6, 2),
            regime=G,
            clock_stopped=[DateRange(D(2026, 6, 3), D(2026, 6, 4))],
            rulebook=book,
        )
    move = "disclosure.subject_access.general.next_working_day"
    rule = DEFAULT_RULEBOOK.rule(move)
    not_a_flag = DEFAULT_RULEBOOK.with_rule(
        attrs.evolve(rule, versions=(attrs.evolve(rule.current, value="yes"),))
    )
    with raises(InvalidTypeError, rule=move, words=[repr(move), "must hold a bool"]):
        subject_access_deadline(D(2026, 6, 2), regime=G, rulebook=not_a_flag)


def test_an_extension_not_in_force_names_its_rule() -> None:
    # s.54(3A) applies from 5 February 2026: not on the 4th.
    with raises(
        RuleNotInForce,
        rule=POLICE_EXTENSION,
        words=[repr(POLICE_EXTENSION), "allowed no extension on the day of receipt"],
        value=D(2026, 2, 4),
    ):
        subject_access_due(D(2026, 2, 4), regime=POLICE, extended=True)


def test_a_local_extension_adds_every_part_of_both_durations() -> None:
    """The extended limit counts the response and the extension together:
    years, months, weeks and days of each."""
    book = DEFAULT_RULEBOOK.with_value(
        G_RESPONSE, Duration(weeks=1, days=2), reason="a local test"
    ).with_value(G_EXTENSION, Duration(years=1, weeks=1, days=3), reason="a local test")
    deadline = subject_access_deadline(D(2025, 1, 6), regime=G, rulebook=book)
    assert deadline.due.due == D(2025, 1, 15)  # 9 days after Monday 6 January
    assert deadline.extended_due is not None
    # 1 year, 2 weeks and 5 days: Sunday 25 January 2026, moved to Monday.
    assert (deadline.extended_due.due, deadline.extended_due.moved_from) == (
        D(2026, 1, 26),
        D(2026, 1, 25),
    )


def test_a_subject_access_deadline_names_the_rule_it_breaks() -> None:
    good = subject_access_deadline(D(2025, 4, 5), regime=G)
    assert good.extended_due is not None
    police = subject_access_deadline(D(2026, 3, 2), regime=POLICE)
    with raises(InvalidValueError, rule=G_RESPONSE, words=["due is rule"]):
        attrs.evolve(good, due=police.due)
    with raises(InvalidValueError, rule=G_EXTENSION, words=["extended_due is rule"]):
        attrs.evolve(good, extended_due=good.due)
    with raises(
        InvalidValueError,
        rule=G_RESPONSE,
        words=["a subject access deadline falls", "the day of receipt"],
    ):
        attrs.evolve(good, received=D(2025, 5, 6))
    with raises(
        InvalidValueError,
        rule=G_EXTENSION,
        words=[
            "a subject access deadline has both",
            "and a day to give notice of it, or neither",
        ],
    ):
        attrs.evolve(good, extension_notice_by=None)
    early = attrs.evolve(good.extended_due, due=good.due.due, moved_from=None)
    with raises(
        InvalidValueError, rule=G_EXTENSION, words=["falls after its time limit"]
    ):
        attrs.evolve(good, extended_due=early)


def test_an_unmoved_deadline_repr_says_no_move() -> None:
    text = repr(subject_access_deadline(D(2025, 9, 3), regime=G))
    assert "<Deadline: 2025-10-03, disclosure.subject_access.general.response>" in text
    assert "<Deadline: 2025-12-03, disclosure.subject_access.general.extension>" in (
        text
    )


def test_a_subject_access_route_passes_on_the_request_and_options() -> None:
    # The calendar, rulebook and clock stops reach the deadline.
    local = WorkingCalendar.scotland(extra_closed_days=(D(2025, 10, 3),))
    route = route_request(SubjectAccessRequest(D(2025, 9, 3), regime=G), calendar=local)
    assert route.due == D(2025, 10, 6)
    unmoved = DEFAULT_RULEBOOK.with_value(
        "disclosure.subject_access.general.next_working_day", False, reason="a test"
    )
    route = route_request(
        SubjectAccessRequest(D(2025, 7, 31), regime=G), rulebook=unmoved
    )
    assert route.due == D(2025, 8, 31)
    stopped = SubjectAccessRequest(
        D(2026, 3, 2),
        regime=POLICE,
        clock_stopped=(DateRange(D(2026, 3, 5), D(2026, 3, 9)),),
    )
    route = route_request(stopped)
    assert route.deadline is not None
    assert (route.due, route.deadline.days_stopped) == (D(2026, 4, 6), 5)
    # Para 11.24: what is provided goes as a Minute Executive Summary.
    assert "para 11.24" in {c.pinpoint for c in route.citations}


def test_a_route_reads_the_rules_as_at_receipt() -> None:
    # A local rulebook that, from 2026, has a summary only for conditional
    # discharge: a request received in 2025 still gets one for revocation.
    book = DEFAULT_RULEBOOK.with_value(
        "disclosure.tribunal.executive_summary",
        ("CONDITIONAL_DISCHARGE",),
        reason="a local test",
        applies_from=D(2026, 1, 1),
    )
    revocation = TribunalConsideration.REVOCATION_OF_COMPULSION_ORDER
    before = route_request(TribunalRequest(D(2025, 12, 31), revocation), rulebook=book)
    assert Release.MINUTE_EXECUTIVE_SUMMARY in before.releases
    after = route_request(TribunalRequest(D(2026, 1, 1), revocation), rulebook=book)
    assert Release.MINUTE_EXECUTIVE_SUMMARY not in after.releases


def test_a_tribunal_statement_reads_the_rule_as_at_the_meeting() -> None:
    book = DEFAULT_RULEBOOK.with_value(
        "disclosure.tribunal.statement",
        ("meeting_date", "level"),
        reason="a local test",
        applies_from=D(2026, 1, 1),
    )
    fields = {
        "level": Level.MULTI_AGENCY,
        "recommendation": TribunalRecommendation.CONDITIONAL_DISCHARGE,
    }
    before = tribunal_statement(meeting_date=D(2025, 12, 31), rulebook=book, **fields)  # type: ignore[arg-type]
    assert before.citation.pinpoint == "para 11.20"
    with raises(
        InvalidValueError,
        rule="disclosure.tribunal.statement",
        words=["refused field(s): recommendation"],
    ):
        tribunal_statement(meeting_date=D(2026, 1, 1), rulebook=book, **fields)  # type: ignore[arg-type]
    local = DEFAULT_RULEBOOK.with_value(
        "disclosure.tribunal.statement",
        ("meeting_date", "level", "recommendation"),
        reason="a local copy",
    )
    statement = tribunal_statement(meeting_date=D(2025, 6, 2), rulebook=local, **fields)  # type: ignore[arg-type]
    assert statement.citation.pinpoint == "a local copy"


def test_a_tribunal_statement_shows_field_names_of_up_to_40_characters() -> None:
    shown, hidden = "a" * 40, "b" * 41
    # the names shown are kept in the error only as their length
    with raises(
        InvalidValueError,
        rule="disclosure.tribunal.statement",
        words=[f"refused field(s): {shown}, 1 other field(s)"],
        value=(Redacted(shown),),
    ):
        tribunal_statement(
            meeting_date=D(2025, 6, 2),
            level=Level.MULTI_AGENCY,
            recommendation=TribunalRecommendation.CONDITIONAL_DISCHARGE,
            **{shown: 1, hidden: 2},  # type: ignore[arg-type]
        )
    with raises(
        InvalidValueError,
        rule="disclosure.tribunal.statement",
        words=["refused field(s): name, risk_narrative"],
        value=(Redacted("name"), Redacted("risk_narrative")),
    ):
        tribunal_statement(
            meeting_date=D(2025, 6, 2),
            level=Level.MULTI_AGENCY,
            recommendation=TribunalRecommendation.CONDITIONAL_DISCHARGE,
            risk_narrative="...",
            name="...",
        )


def test_a_recording_check_keeps_its_dates_and_names_its_errors() -> None:
    check = assess_audio_recording(
        final_agreed=D(2025, 6, 16), destroyed=D(2025, 6, 18), on=D(2025, 7, 1)
    )
    assert (check.final_agreed, check.destroyed, check.on) == (
        D(2025, 6, 16),
        D(2025, 6, 18),
        D(2025, 7, 1),
    )
    recording = "disclosure.audio_recording.destroy_on_final"
    for name, late in (
        ("final_agreed", {"final_agreed": D(2025, 7, 2), "destroyed": None}),
        ("destroyed", {"final_agreed": None, "destroyed": D(2025, 7, 2)}),
    ):
        with raises(
            InvalidValueError,
            rule=recording,
            words=[f"{name} must not be after the day of the check"],
            value=D(2025, 7, 2),
        ):
            assess_audio_recording(on=D(2025, 7, 1), **late)  # type: ignore[arg-type]
    rule = DEFAULT_RULEBOOK.rule(recording)
    book = DEFAULT_RULEBOOK.with_rule(
        attrs.evolve(rule, versions=(attrs.evolve(rule.current, value=1),))
    )
    with raises(
        InvalidTypeError, rule=recording, words=[repr(recording), "must hold a bool"]
    ):
        assess_audio_recording(
            final_agreed=None, destroyed=None, on=D(2025, 6, 2), rulebook=book
        )


def test_a_recording_check_reads_the_rule_as_at_the_final_minute() -> None:
    # A local rulebook that drops the duty from 2026: a minute agreed in
    # 2025 keeps it, one agreed in 2026 does not; with no final minute
    # yet, the rule is read as at the day of the check.
    book = DEFAULT_RULEBOOK.with_value(
        "disclosure.audio_recording.destroy_on_final",
        False,
        reason="a local test",
        applies_from=D(2026, 1, 1),
    )
    before = assess_audio_recording(
        final_agreed=D(2025, 12, 20), destroyed=None, on=D(2026, 1, 10), rulebook=book
    )
    assert (before.days_overdue, before.citation.pinpoint) == (21, "para 11.18")
    after = assess_audio_recording(
        final_agreed=D(2026, 1, 2), destroyed=None, on=D(2026, 1, 10), rulebook=book
    )
    assert (after.days_overdue, after.destroy_by) == (0, None)
    assert after.citation.pinpoint == "a local test"
    pending = assess_audio_recording(
        final_agreed=None, destroyed=None, on=D(2025, 12, 20), rulebook=book
    )
    assert pending.citation.pinpoint == "para 11.18"
