"""Tests for mappa.licences (guidance paras 11.36-11.39)."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from mappa.errors import InvalidTypeError, InvalidValueError
from mappa.licences import (
    ChangeKind,
    ChangeRoute,
    Form,
    Party,
    StandingCondition,
    assessment_report_valid,
    change_route,
    life_licence_termination,
)
from mappa.periods import Duration
from mappa.rulebook import DEFAULT_RULEBOOK

D = dt.date


def test_licence_condition_route() -> None:
    # Para 11.36: an LA template from the JSW supervising officer to the SG
    # Community Licence Team; para 11.37: never straight to the Parole Board.
    route = change_route(ChangeKind.LICENCE_CONDITIONS)
    assert route.sender is Party.JSW_SUPERVISING_OFFICER
    assert route.recipient is Party.COMMUNITY_LICENCE_TEAM
    assert route.form is Form.LICENCE_AMENDMENT_TEMPLATE
    assert route.never_to == (Party.PAROLE_BOARD,)
    assert not route.with_assessment_report
    assert route.citation.pinpoint == "para 11.36"


def test_preventative_order_route() -> None:
    # Para 11.37: representation to the police, who consider seeking the amendment.
    route = change_route(ChangeKind.PREVENTATIVE_ORDER_CONDITIONS)
    assert route.recipient is Party.POLICE
    assert route.form is Form.REPRESENTATION_TO_POLICE
    assert route.sender is None
    assert route.citation.pinpoint == "para 11.37"


def test_supervised_release_order_route() -> None:
    # Para 11.39: the JSW supervising officer writes to the court.
    route = change_route(ChangeKind.SUPERVISED_RELEASE_ORDER_CONDITIONS)
    assert route.recipient is Party.COURT
    assert route.sender is Party.JSW_SUPERVISING_OFFICER
    assert route.form is Form.LETTER_TO_COURT
    assert route.decided_by is Party.COURT
    assert route.citation.pinpoint == "para 11.39"


def test_life_licence_termination_route() -> None:
    # Para 11.38: the same LA template to the Community Licence Team, with an
    # Assessment Report; the Parole Board decides.
    route = change_route(ChangeKind.LIFE_LICENCE_TERMINATION)
    assert route.recipient is Party.COMMUNITY_LICENCE_TEAM
    assert route.form is Form.LICENCE_AMENDMENT_TEMPLATE
    assert route.with_assessment_report
    assert route.decided_by is Party.PAROLE_BOARD
    assert route.never_to == (Party.PAROLE_BOARD,)


@pytest.mark.parametrize("kind", list(ChangeKind))
def test_the_right_recipient_is_accepted(kind: ChangeKind) -> None:
    route = change_route(kind)
    assert change_route(kind, recipient=route.recipient) == route
    if route.sender is not None:
        assert change_route(kind, sender=route.sender) == route


@pytest.mark.parametrize(
    ("kind", "recipient", "rule"),
    [
        # Para 11.37: never directly to the Parole Board.
        (
            ChangeKind.LICENCE_CONDITIONS,
            Party.PAROLE_BOARD,
            "licences.licence_conditions.never_to",
        ),
        (
            ChangeKind.LIFE_LICENCE_TERMINATION,
            Party.PAROLE_BOARD,
            "licences.licence_conditions.never_to",
        ),
        (
            ChangeKind.LICENCE_CONDITIONS,
            Party.COURT,
            "licences.licence_conditions.recipient",
        ),
        (
            ChangeKind.PREVENTATIVE_ORDER_CONDITIONS,
            Party.COURT,
            "licences.preventative_order.recipient",
        ),
        (
            ChangeKind.PREVENTATIVE_ORDER_CONDITIONS,
            Party.COMMUNITY_LICENCE_TEAM,
            "licences.preventative_order.recipient",
        ),
        (
            ChangeKind.SUPERVISED_RELEASE_ORDER_CONDITIONS,
            Party.POLICE,
            "licences.supervised_release_order.recipient",
        ),
        (
            ChangeKind.SUPERVISED_RELEASE_ORDER_CONDITIONS,
            Party.PAROLE_BOARD,
            "licences.supervised_release_order.recipient",
        ),
    ],
)
def test_impossible_routes_are_refused(
    kind: ChangeKind, recipient: Party, rule: str
) -> None:
    with pytest.raises(InvalidValueError) as caught:
        change_route(kind, recipient=recipient)
    assert caught.value.rule == rule
    assert caught.value.value is recipient
    assert "para 11." in str(caught.value)


def test_wrong_sender_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="sent by the JSW supervising officer"):
        change_route(ChangeKind.LICENCE_CONDITIONS, sender=Party.POLICE)
    # Para 11.37 names no sender for a preventative order, so any is accepted.
    assert change_route(ChangeKind.PREVENTATIVE_ORDER_CONDITIONS, sender=Party.POLICE)


@pytest.mark.parametrize("bad", ["licence conditions", None, 1, Party.POLICE])
def test_unknown_change_kind(bad: object) -> None:
    with pytest.raises(InvalidTypeError):
        change_route(bad)  # type: ignore[arg-type]


def test_recipient_must_be_a_party() -> None:
    with pytest.raises(InvalidTypeError):
        change_route(ChangeKind.LICENCE_CONDITIONS, recipient="Parole Board")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        change_route(ChangeKind.LICENCE_CONDITIONS, sender="police")  # type: ignore[arg-type]


def test_route_recipient_comes_from_the_rulebook() -> None:
    book = DEFAULT_RULEBOOK.with_value(
        "licences.preventative_order.recipient", "COURT", reason="test"
    )
    assert (
        change_route(ChangeKind.PREVENTATIVE_ORDER_CONDITIONS, rulebook=book).recipient
        is Party.COURT
    )
    broken = DEFAULT_RULEBOOK.with_value(
        "licences.preventative_order.recipient", "SHERIFF", reason="typo"
    )
    with pytest.raises(InvalidValueError):
        change_route(ChangeKind.PREVENTATIVE_ORDER_CONDITIONS, rulebook=broken)


def test_route_value_is_typed() -> None:
    with pytest.raises(InvalidTypeError):
        ChangeRoute(
            kind=ChangeKind.LICENCE_CONDITIONS,
            sender=None,
            recipient="police",  # type: ignore[arg-type]
            form=Form.LICENCE_AMENDMENT_TEMPLATE,
            decided_by=None,
            never_to=(),
            with_assessment_report=False,
            citation=change_route(ChangeKind.LICENCE_CONDITIONS).citation,
        )


# -- ending life-licence supervision (para 11.38) -----------------------------


@pytest.mark.parametrize(
    ("request_date", "report_date", "valid"),
    [
        # Para 11.38: an Assessment Report dated within the last 12 months.
        (D(2025, 6, 2), D(2025, 6, 2), True),  # dated the same day
        (D(2025, 6, 2), D(2024, 6, 2), True),  # exactly 12 months before
        (D(2025, 6, 2), D(2024, 6, 1), False),  # a day too old
        # Leap days: 12 months before 28 Feb 2025 is 28 Feb 2024.
        (D(2025, 2, 28), D(2024, 2, 28), True),
        (D(2025, 2, 28), D(2024, 2, 27), False),
        (D(2025, 2, 28), D(2024, 2, 29), True),
        # 12 months before 29 Feb 2024 is 28 Feb 2023 (no 29th).
        (D(2024, 2, 29), D(2023, 2, 28), True),
        (D(2024, 2, 29), D(2023, 2, 27), False),
        (D(2025, 3, 31), D(2024, 3, 31), True),
        (D(2025, 3, 31), D(2024, 3, 30), False),
    ],
)
def test_assessment_report_validity(
    request_date: dt.date, report_date: dt.date, valid: bool
) -> None:
    check = life_licence_termination(request_date=request_date, report_date=report_date)
    assert check.report_valid is valid
    assert bool(check) is valid
    assert check.rule == "licences.assessment_report.validity"
    assert check.citations == (check.citation,)
    assert (
        assessment_report_valid(request_date=request_date, report_date=report_date)
        is valid
    )
    assert check.citation.pinpoint == "para 11.38"


def test_termination_keeps_two_standing_conditions() -> None:
    # Para 11.38: good behaviour and keeping the peace; telling the local
    # authority of any arrest or police questioning.
    check = life_licence_termination(
        request_date=D(2025, 6, 2), report_date=D(2025, 1, 6)
    )
    assert check.retained_conditions == (
        StandingCondition.GOOD_BEHAVIOUR_AND_KEEP_THE_PEACE,
        StandingCondition.REPORT_ARREST_OR_QUESTIONING,
    )
    assert check.route.recipient is Party.COMMUNITY_LICENCE_TEAM
    assert check.earliest_report_date == D(2024, 6, 2)


def test_report_dated_in_the_future_is_refused() -> None:
    with pytest.raises(InvalidValueError) as caught:
        life_licence_termination(request_date=D(2025, 6, 2), report_date=D(2025, 6, 3))
    assert caught.value.rule == "licences.assessment_report.validity"


@pytest.mark.parametrize(
    "bad", [dt.datetime(2025, 6, 2, 9, 0), "2025-06-02", None, 20250602]
)
def test_dates_must_be_dates(bad: object) -> None:
    with pytest.raises(InvalidTypeError):
        life_licence_termination(request_date=bad, report_date=D(2025, 1, 6))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        life_licence_termination(request_date=D(2025, 6, 2), report_date=bad)  # type: ignore[arg-type]


def test_earliest_dates() -> None:
    check = life_licence_termination(request_date=D(1, 6, 1), report_date=D(1, 1, 1))
    assert check.report_valid
    assert check.earliest_report_date == dt.date.min


def test_validity_period_comes_from_the_rulebook() -> None:
    book = DEFAULT_RULEBOOK.with_value(
        "licences.assessment_report.validity", Duration(months=6), reason="test"
    )
    assert not assessment_report_valid(
        request_date=D(2025, 6, 2), report_date=D(2024, 12, 1), rulebook=book
    )
    assert assessment_report_valid(
        request_date=D(2025, 6, 2), report_date=D(2024, 12, 2), rulebook=book
    )


def _reference_valid(request: dt.date, report: dt.date) -> bool:
    """Within the last 12 months, written out with plain date arithmetic."""
    year, month, day = request.year - 1, request.month, request.day
    while True:
        try:
            earliest = D(year, month, day)
            break
        except ValueError:
            day -= 1
    return earliest <= report <= request


dates = st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 31))


@settings(max_examples=300)
@given(dates, st.integers(0, 800))
def test_validity_matches_reference(request: dt.date, age: int) -> None:
    report = request - dt.timedelta(days=age)
    assert assessment_report_valid(request_date=request, report_date=report) == (
        _reference_valid(request, report)
    )


@settings(max_examples=200)
@given(dates, st.integers(0, 800), st.integers(0, 800))
def test_validity_is_monotonic(request: dt.date, age: int, older: int) -> None:
    # An older report is never valid where a newer one is not; a report at
    # most 365 days old is always valid, one over 366 days old never is.
    report = request - dt.timedelta(days=age)
    older_report = report - dt.timedelta(days=older)
    newer_ok = assessment_report_valid(request_date=request, report_date=report)
    older_ok = assessment_report_valid(request_date=request, report_date=older_report)
    assert not older_ok or newer_ok
    if age <= 365:
        assert newer_ok
    if age > 366:
        assert not newer_ok
    check = life_licence_termination(request_date=request, report_date=report)
    assert check.earliest_report_date == request - relativedelta(months=12)
