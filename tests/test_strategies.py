"""Tests for mappa.strategies: each strategy is used, and its values pass mappa's checks."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

from mappa import strategies as ms
from mappa.calendar import WorkingCalendar
from mappa.chairs import ChairDecision, HealthGrade, Ladder, PoliceRank, Role, may_chair
from mappa.disclosure import route_request
from mappa.duties import Case
from mappa.errors import InvalidTypeError, InvalidValueError, MappaError
from mappa.framework import DEFAULT_AREA_TABLE, Category, Level, check_level
from mappa.indicators import Indicator, evaluate
from mappa.isp import (
    PackageRate,
    ProvisionalPackage,
    SupportPackage,
    package_cost,
    split_cost,
)
from mappa.notification import (
    Imprisonment,
    OtherDisposal,
    initial_notification_due,
    notification_period,
    review_date,
)
from mappa.periods import DateRange, Duration
from mappa.records import Attendance, Caseload, Meeting, MeetingKind
from mappa.reviews import ReviewMeeting, case_review_status
from mappa.rulebook import DEFAULT_RULEBOOK
from mappa.scr import Charge, Incident, assess_scr
from mappa.years import Quarter, ReportingYear, reporting_year

HEAVY = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
LIGHT = settings(max_examples=50, deadline=None)


def _first(strategy: st.SearchStrategy[object]) -> object:
    # No example database: every call shrinks from a fresh draw, never from
    # an example saved by another call (or by another Hypothesis release).
    return find(strategy, lambda _: True, settings=settings(database=None))


# -- the framework -----------------------------------------------------------------


@LIGHT
@given(ms.category_levels())
def test_category_levels_are_permitted(pair: tuple[Category, Level]) -> None:
    category, level = pair
    assert check_level(category, level) is level
    # Guidance para 4.3: category 3 is never managed at level 1.
    assert pair != (Category.OTHER_RISK_OF_SERIOUS_HARM, Level.ROUTINE)


def test_category_levels_narrow_and_shrink() -> None:
    assert _first(ms.category_levels()) == (
        Category.REGISTERED_SEX_OFFENDER,
        Level.ROUTINE,
    )
    assert _first(
        ms.category_levels(categories=[Category.OTHER_RISK_OF_SERIOUS_HARM])
    ) == (Category.OTHER_RISK_OF_SERIOUS_HARM, Level.MULTI_AGENCY)
    with pytest.raises(InvalidValueError):
        ms.category_levels(
            categories=[Category.OTHER_RISK_OF_SERIOUS_HARM], levels=[Level.ROUTINE]
        )
    with pytest.raises(InvalidValueError):
        ms.category_levels(levels=[])
    with pytest.raises(InvalidTypeError):
        ms.category_levels(levels=[1])  # type: ignore[list-item]


@LIGHT
@given(st.data())
def test_levels_for_a_category(data: st.DataObject) -> None:
    category = data.draw(ms.categories())
    level = data.draw(ms.levels(category=category))
    assert check_level(category, level) is level
    assert data.draw(ms.levels(among=[Level.MAPPP])) is Level.MAPPP


def test_levels_refuses_an_empty_choice() -> None:
    assert _first(ms.categories()) is Category.REGISTERED_SEX_OFFENDER
    with pytest.raises(InvalidValueError):
        ms.levels(category=Category.OTHER_RISK_OF_SERIOUS_HARM, among=[Level.ROUTINE])


@LIGHT
@given(ms.areas())
def test_areas_are_in_the_table(area: object) -> None:
    assert area in DEFAULT_AREA_TABLE.areas


def test_areas_by_name() -> None:
    assert (
        _first(ms.areas(names=["Fife Council"])).name
        == DEFAULT_AREA_TABLE.area("Fife").name
    )


# -- dates and calendars ------------------------------------------------------------


def test_dates_shrink_to_a_simple_monday() -> None:
    assert _first(ms.dates()) == ms.SIMPLE_DAY == dt.date(2025, 1, 6)
    assert _first(ms.dates(min_value=dt.date(2030, 5, 1))) == dt.date(2030, 5, 1)
    assert _first(ms.dates(max_value=dt.date(2010, 5, 1))) == dt.date(2010, 5, 1)


@LIGHT
@given(ms.dates(min_value=dt.date(2024, 2, 28), max_value=dt.date(2024, 3, 1)))
def test_dates_stay_in_bounds(day: dt.date) -> None:
    assert dt.date(2024, 2, 28) <= day <= dt.date(2024, 3, 1)
    assert type(day) is dt.date


def test_dates_refuse_bounds_outside_the_calendar() -> None:
    cal = WorkingCalendar.scotland()
    with pytest.raises(InvalidValueError):
        ms.dates(min_value=dt.date(cal.first_year - 1, 12, 31))
    with pytest.raises(InvalidValueError):
        ms.dates(min_value=dt.date(2030, 1, 2), max_value=dt.date(2030, 1, 1))
    with pytest.raises(InvalidTypeError):
        ms.dates(min_value=dt.datetime(2030, 1, 1))
    assert _first(ms.dates(max_value=dt.date(cal.last_year, 12, 31))) == ms.SIMPLE_DAY


@LIGHT
@given(ms.relevant_dates())
def test_relevant_dates_have_a_notification_deadline(day: dt.date) -> None:
    # Every notification rule is in force on the relevant dates drawn.
    assert notification_period(OtherDisposal(), under_18=False, relevant_date=day)
    assert initial_notification_due(day).due > day
    assert review_date(day, under_18=False).due > day


@LIGHT
@given(st.data())
def test_working_days_are_working_days(data: st.DataObject) -> None:
    cal = data.draw(
        ms.working_calendars(
            min_value=dt.date(2025, 1, 1), max_value=dt.date(2025, 12, 31)
        )
    )
    day = data.draw(
        ms.working_days(
            min_value=dt.date(2025, 1, 1), max_value=dt.date(2025, 12, 31), calendar=cal
        )
    )
    assert cal.is_working_day(day)
    assert dt.date(2025, 1, 1) <= day <= dt.date(2025, 12, 31)


def test_working_days_shrink_and_refuse_a_closed_span() -> None:
    assert _first(ms.working_days()) == ms.SIMPLE_DAY
    with pytest.raises(InvalidValueError):
        ms.working_days(
            min_value=dt.date(2025, 12, 25), max_value=dt.date(2025, 12, 26)
        )


@HEAVY
@given(ms.working_calendars(max_extra_days=6))
def test_working_calendars_have_their_extra_days(cal: WorkingCalendar) -> None:
    assert attrs.evolve(cal) == cal
    for day, _ in cal.extra_closed_days:
        assert not cal.is_working_day(day)
    for day in cal.extra_working_days:
        assert cal.is_working_day(day)


def test_working_calendars_shrink_to_scotland() -> None:
    assert _first(ms.working_calendars()) is WorkingCalendar.scotland()


@LIGHT
@given(ms.reporting_years(), ms.quarters())
def test_years_and_quarters(year: ReportingYear, quarter: Quarter) -> None:
    assert year.start <= year.end
    assert quarter.reporting_year.contains(quarter.start)


def test_years_shrink_to_the_simple_day() -> None:
    assert _first(ms.reporting_years()) == ReportingYear(2024)
    assert _first(ms.quarters()) == Quarter(2024, 1)


@LIGHT
@given(ms.durations())
def test_durations_are_valid(duration: Duration) -> None:
    assert attrs.evolve(duration) == duration


def test_durations_shrink_to_a_day() -> None:
    assert str(_first(ms.durations())) == "1 day"


# -- chairs ----------------------------------------------------------------------------


@LIGHT
@given(ms.roles())
def test_roles_are_valid(role: Role) -> None:
    assert attrs.evolve(role) == role
    if role.detective:
        assert role.ladder is Ladder.POLICE


def test_ranks_by_ladder() -> None:
    assert _first(ms.ranks()) is PoliceRank.CONSTABLE
    assert _first(ms.ranks(ladder=Ladder.HEALTH)) is HealthGrade.PRACTITIONER


@LIGHT
@given(ms.chair_assignments())
def test_chair_assignments_may_chair(decision: ChairDecision) -> None:
    # Guidance paras 11.32-11.33: the decision is recomputed from its parts.
    assert may_chair(decision.role, decision.level, decision.category).allowed


@LIGHT
@given(ms.invalid_chair_assignments())
def test_invalid_chair_assignments_may_not_chair(decision: ChairDecision) -> None:
    assert not may_chair(decision.role, decision.level, decision.category).allowed


def test_chair_assignments_narrow() -> None:
    found = find(
        ms.chair_assignments(
            categories=[Category.RESTRICTED_PATIENT], levels=[Level.MAPPP]
        ),
        lambda d: d.role.ladder is Ladder.HEALTH,
    )
    assert found.role.suitably_qualified
    # A rulebook whose level 1 minimum is the lowest rank leaves no junior police.
    book = DEFAULT_RULEBOOK.with_value(
        "chairs.level1.police", "Constable", reason="a test of the edge"
    )
    found = find(
        ms.invalid_chair_assignments(levels=[Level.ROUTINE], rulebook=book),
        lambda d: True,
    )
    assert not may_chair(found.role, found.level, found.category, rulebook=book).allowed


# -- SCR, ISP, notification, disclosure ------------------------------------------------------


@LIGHT
@given(ms.incidents())
def test_incidents_are_assessed(incident: Incident) -> None:
    assert assess_scr(incident).next_step


def test_incidents_narrow() -> None:
    found = _first(ms.incidents(managed_under_mappa=True, charges=[Charge.MURDER]))
    assert found.managed_under_mappa
    assert found.charge is Charge.MURDER


@LIGHT
@given(ms.support_packages(), ms.money())
def test_packages_and_money(package: ms.SupportPackage, amount: Decimal) -> None:
    assert package_cost(package.rate, package.period) >= 0
    assert (
        sum(
            (split_cost(amount).local_authority, split_cost(amount).scottish_government)
        )
        == amount
    )
    assert package.period.days <= 730


@LIGHT
@given(ms.provisional_packages())
def test_provisional_packages(entry: object) -> None:
    assert attrs.evolve(entry) == entry


def test_money_and_date_ranges_refuse_bad_limits() -> None:
    assert _first(ms.money()) == Decimal("0.00")
    assert _first(ms.money(max_value=Decimal("0.05"))) == Decimal("0.00")
    with pytest.raises(InvalidValueError):
        ms.date_ranges(max_days=0)
    assert _first(ms.date_ranges()) == DateRange(ms.SIMPLE_DAY, ms.SIMPLE_DAY)


@LIGHT
@given(ms.disposals(), ms.relevant_dates(), st.booleans())
def test_disposals_have_a_notification_period(
    disposal: object, day: dt.date, under_18: bool
) -> None:
    # Sexual Offences Act 2003 s.82(1): every disposal drawn has a period.
    notification_period(disposal, under_18=under_18, relevant_date=day)  # type: ignore[arg-type]


def test_disposals_shrink_to_other() -> None:
    assert _first(ms.disposals()) == OtherDisposal()
    assert str(_first(ms.imprisonments()).term) == "1 day"


@LIGHT
@given(ms.minute_requests())
def test_minute_requests_are_routed(request: object) -> None:
    assert route_request(request).citations  # type: ignore[arg-type]


@LIGHT
@given(st.lists(ms.review_meetings(levels=[Level.MAPPP]), min_size=1, max_size=4))
def test_review_meetings(meetings: list[object]) -> None:
    last = max(m.held_on for m in meetings)
    assert case_review_status(meetings, last).level is Level.MAPPP  # type: ignore[arg-type]


# -- records and caseloads -------------------------------------------------------------------


@LIGHT
@given(ms.attendances())
def test_attendances_are_consistent(attendance: Attendance) -> None:
    assert attrs.evolve(attendance) == attendance
    assert attendance.invited or not attendance.attended
    assert attendance.attended or not attendance.at_seniority


@HEAVY
@given(ms.case_histories(max_meetings=6))
def test_case_histories_hang_together(history: list[Meeting]) -> None:
    assert history[0].kind is MeetingKind.INITIAL
    assert [m.date for m in history] == sorted(m.date for m in history)
    assert len({(m.case_ref, m.area, m.category) for m in history}) == 1
    assert not any(m.leaves_mappa for m in history[:-1])
    for before, after in itertools.pairwise(history):
        assert after.level is (before.new_level or before.level)
    for meeting in history:
        assert attrs.evolve(meeting) == meeting


@HEAVY
@given(
    ms.caseloads(period=Quarter(2024, 2), areas=["Fife", "Glasgow City"], max_cases=4)
)
def test_caseloads_load_into_the_indicators(caseload: Caseload) -> None:
    assert len(caseload) >= 1
    names = {DEFAULT_AREA_TABLE.area(n).name for n in ("Fife", "Glasgow City")}
    assert set(caseload.areas) <= names
    assert all(Quarter(2024, 2).contains(m.date) for m in caseload)
    report = evaluate(caseload, period=Quarter(2024, 2))
    assert report.result(Indicator.MINUTES_RELEASED) is not None


@HEAVY
@given(ms.caseloads(levels=[Level.MAPPP], max_cases=3))
def test_caseloads_narrow_by_level(caseload: Caseload) -> None:
    assert all(m.level is Level.MAPPP for m in caseload)
    evaluate(caseload, period=reporting_year(caseload.first_date))


@settings(max_examples=10, deadline=None)
@given(ms.meetings(areas=["Fife"]))
def test_meetings_are_valid(meeting: Meeting) -> None:
    assert meeting.area == DEFAULT_AREA_TABLE.area("Fife").name
    assert attrs.evolve(meeting) == meeting


def test_empty_caseloads() -> None:
    assert len(_first(ms.caseloads(min_cases=0))) == 0
    assert _first(ms.attendances(agencies=["Housing"])).agency == "Housing"
    with pytest.raises(InvalidValueError):
        ms.attendances(agencies=[])
    with pytest.raises(InvalidTypeError):
        ms.attendances(agencies=[1])  # type: ignore[list-item]


@pytest.mark.parametrize(
    "call",
    [
        lambda: ms.caseloads(min_cases=3, max_cases=2),
        lambda: ms.caseloads(max_meetings=0),
        lambda: ms.case_histories(max_meetings=0),
        lambda: ms.caseloads(areas=[]),
    ],
)
def test_caseloads_refuse_bad_narrowing(call: object) -> None:
    with pytest.raises(MappaError):
        call()  # type: ignore[operator]


# -- sizes, reprs and from_type's balance ---------------------------------------


def test_the_documented_caseload_size_passes_the_health_checks() -> None:
    # 50 cases of up to 5 meetings: the limit caseloads() documents. The
    # health checks run as they do in a user's suite (no suppression).
    @settings(max_examples=10, database=None, deadline=None)
    @given(ms.caseloads(max_cases=50, max_meetings=5))
    def check(caseload: Caseload) -> None:
        assert len({m.case_ref for m in caseload}) <= 50

    check()


def test_many_short_histories_pass_the_health_checks() -> None:
    @settings(max_examples=10, database=None, deadline=None)
    @given(ms.caseloads(max_cases=125, max_meetings=2))
    def check(caseload: Caseload) -> None:
        assert len({m.case_ref for m in caseload}) <= 125

    check()


def _named_strategies() -> list[tuple[str, Any]]:
    return [
        (name, getattr(ms, name))
        for name in ms.__all__
        if callable(getattr(ms, name)) and not isinstance(getattr(ms, name), type)
    ]


@pytest.mark.parametrize(("name", "make"), _named_strategies())
def test_strategy_reprs_are_short(name: str, make: Any) -> None:
    text = repr(make())
    assert len(text) <= 1000, f"{name}: {len(text)} characters"
    assert "Rule(" not in text  # never the rulebook's rules


def test_from_type_reprs_are_short() -> None:
    for cls, make in ms._registrations().items():
        text = repr(make())
        assert len(text) <= 1000, f"{cls.__name__}: {len(text)} characters"
        assert "Rule(" not in text


def test_from_type_chair_decisions_have_the_named_strategys_balance() -> None:
    # st.from_type(ChairDecision) draws what chair_assignments() draws:
    # chairs who may chair. Refusals come from invalid_chair_assignments().
    @settings(max_examples=60, database=None, deadline=None)
    @given(st.from_type(ChairDecision))
    def check(decision: ChairDecision) -> None:
        assert decision.allowed

    check()


NAMED_FOR_TYPE = {
    ChairDecision: "chair_assignments",
    Role: "roles",
    Incident: "incidents",
    Caseload: "caseloads",
    Meeting: "meetings",
    Attendance: "attendances",
    Duration: "durations",
    DateRange: "date_ranges",
    SupportPackage: "support_packages",
    ProvisionalPackage: "provisional_packages",
    PackageRate: "package_rates",
    ReviewMeeting: "review_meetings",
    Imprisonment: "imprisonments",
    Quarter: "quarters",
    ReportingYear: "reporting_years",
    WorkingCalendar: "working_calendars",
    Case: "cases",
}


@pytest.mark.parametrize(("cls", "name"), list(NAMED_FOR_TYPE.items()))
def test_from_type_is_the_named_strategy(cls: type, name: str) -> None:
    # The same strategy, so the same values in the same balance.
    assert repr(ms._registrations()[cls]()) == repr(getattr(ms, name)())
