"""mappa.indicators: the eight national performance indicators.

The targets come from the Glasgow MAPPA page, "National Performance
Indicators"; the review intervals from guidance para 11.30; the minute
deadline (10 working days) from para 11.15; the pre-release meeting
(4 weeks before liberation) from the KPI page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mappa.calendar import WorkingCalendar
from mappa.chairs import Agency
from mappa.errors import (
    InvalidTypeError,
    InvalidValueError,
    MappaError,
    NotApplicable,
    UnknownNameError,
)
from mappa.framework import Category, Level
from mappa.indicators import (
    GROUP_FIELDS,
    Coverage,
    Indicator,
    IndicatorResult,
    Report,
    Status,
    default_engine,
    evaluate,
)
from mappa.minutes import minutes_due, minutes_on_time
from mappa.periods import Duration
from mappa.records import (
    AgencyRole,
    Attendance,
    Caseload,
    Meeting,
    MeetingKind,
    sample_caseload,
)
from mappa.reviews import initial_mappp_due, next_review_due
from mappa.rulebook import DEFAULT_RULEBOOK
from mappa.sources import GLASGOW_MAPPA_PAGE
from mappa.years import Quarter, ReportingYear

# Every engine installed here (the DuckDB one with the extra mappa[duckdb]).
ENGINES = ("python", "duckdb") if default_engine() == "duckdb" else ("python",)

D = dt.date
RA = AgencyRole.RESPONSIBLE_AUTHORITY
DTC = AgencyRole.DUTY_TO_COOPERATE
L1, L2, L3 = Level.ROUTINE, Level.MULTI_AGENCY, Level.MAPPP
REVIEW, INITIAL, RMT = (
    MeetingKind.REVIEW,
    MeetingKind.INITIAL,
    MeetingKind.RISK_MANAGEMENT_TEAM,
)


def meeting(
    meeting_id: str,
    case: str,
    area: str,
    level: Level,
    day: dt.date,
    kind: MeetingKind = REVIEW,
    *,
    category: int = 1,
    released: dt.date | None = None,
    disclosure: bool = True,
    liberation: dt.date | None = None,
    leaves: bool = False,
    new_level: Level | None = None,
    attendance: tuple[Attendance, ...] = (),
) -> Meeting:
    return Meeting(
        meeting_id=meeting_id,
        case_ref=case,
        area=area,
        category=Category(category),
        level=level,
        date=day,
        kind=kind,
        liberation_date=liberation,
        minutes_released=released,
        disclosure_recorded=disclosure,
        leaves_mappa=leaves,
        new_level=new_level,
        attendance=attendance,
    )


def att(
    agency: Agency | str,
    role: AgencyRole,
    *,
    invited: bool = True,
    attended: bool = True,
    senior: bool = True,
    written: bool = False,
) -> Attendance:
    return Attendance(
        agency=agency,
        role=role,
        invited=invited,
        attended=attended,
        at_seniority=senior and attended,
        written_contribution=written,
    )


# The hand-built caseload. Period: 2025Q2 = 1 July to 30 September 2025.
# Scottish working days: Monday 4 August 2025 is a bank holiday (the first
# Monday of August), so 10 working days after 24 July is 8 August.
CASELOAD = (
    # Case A, Fife, level 3.
    meeting("A1", "C-A1", "Fife", L3, D(2025, 6, 2)),  # due 14 Jul: A2 on 10 Jul, met
    meeting("A2", "C-A1", "Fife", L3, D(2025, 7, 10), released=D(2025, 7, 24)),
    # ^ due 21 Aug, next meeting 28 Aug: missed. Minute on the 10th working day: met.
    meeting(
        "A3",
        "C-A1",
        "Fife",
        L3,
        D(2025, 8, 28),
        released=D(2025, 9, 12),
        disclosure=False,
        new_level=L2,
    ),
    # ^ minute due 11 Sep, released 12 Sep: missed; disclosure missed; now level 2,
    #   due 20 Nov: outside the period, not counted.
    # Case B, Tayside, category 3, level 2.
    meeting("B1", "C-B1", "Tayside", L2, D(2025, 5, 1), INITIAL, category=3),
    # ^ due 24 Jul; B2 held on 24 Jul: met (on the due date).
    meeting("B2", "C-B1", "Tayside", L2, D(2025, 7, 24), category=3, leaves=True),
    # ^ leaves MAPPA: no further review. Minute never released, due 8 Aug: missed.
    # Case C, Fife, level 2: due 23 Sep, no later meeting: missed.
    meeting(
        "C1",
        "C-C1",
        "Fife",
        L2,
        D(2025, 7, 1),
        INITIAL,
        released=D(2025, 7, 1),
        attendance=(
            att(Agency.POLICE, RA),  # RA met
            att(Agency.SOCIAL_WORK, RA, senior=False),  # RA missed
            att("Registered social landlord", DTC, attended=False, written=True),
            # ^ DTC missed; written contribution met
            att(Agency.HEALTH, DTC),  # DTC met
            att(
                Agency.PRISON_SERVICE, RA, attended=False
            ),  # written contribution missed
        ),
    ),
    # Case D, Tayside, category 3, level 3, in custody.
    meeting(
        "D1",
        "C-D1",
        "Tayside",
        L3,
        D(2025, 9, 1),
        INITIAL,
        category=3,
        liberation=D(2025, 9, 29),
    ),
    # ^ pre-release deadline 1 Sep (28 days before 29 Sep): met on the day.
    #   Minute never released, due 15 Sep: missed. Review due 13 Oct: not counted.
    meeting(
        "D2",
        "C-D1",
        "Tayside",
        L3,
        D(2025, 9, 26),
        RMT,
        category=3,
        disclosure=False,
        attendance=(
            att(Agency.POLICE, RA),  # RA met (RMT meetings count for this one)
            att(Agency.SOCIAL_WORK, RA, invited=False, attended=False),  # not invited
            att("Housing services", DTC, attended=False),  # RMT: not counted
        ),
    ),
    # ^ an RMT meeting: no minute, disclosure or DTC item.
    # Case E, Fife, level 3, in custody.
    meeting(
        "E1",
        "C-E1",
        "Fife",
        L3,
        D(2025, 8, 15),
        INITIAL,
        liberation=D(2025, 9, 5),
        released=D(2025, 8, 20),
    ),
    # ^ pre-release deadline 8 Aug, held 15 Aug: missed. Minute: met.
    #   Review due 26 Sep, none held: missed.
    # Case F, Fife: a meeting after the period: nothing counted.
    meeting("F1", "C-F1", "Fife", L2, D(2025, 10, 2), released=D(2025, 10, 3)),
    # Case G, Tayside: level 1 meeting moves the case to level 2.
    meeting("G1", "C-G1", "Tayside", L1, D(2025, 6, 20), new_level=L2),
    # ^ level 2 interval from 20 Jun: due 12 Sep; G2 on 10 Sep: met.
    meeting("G2", "C-G1", "Tayside", L2, D(2025, 9, 10), released=D(2025, 10, 3)),
    # ^ minute due 24 Sep, not released by 30 Sep: missed.
    # Case H, Fife: a minute not yet due at the period's end (13 Oct): not counted.
    meeting("H1", "C-H1", "Fife", L2, D(2025, 9, 29)),
)

Q2 = Quarter(2025, 2)


def figures(
    report: Report, indicator: Indicator, area: str | None = None
) -> tuple[int, int, tuple[str, ...]]:
    group = () if area is None else (("area", area),)
    result = report.result(indicator, group)
    return result.numerator, result.denominator, result.failed


def test_hand_built_caseload_every_indicator_by_area() -> None:
    report = evaluate(CASELOAD, period=Q2)
    I = Indicator  # noqa: E741 - short alias in a table of expectations
    expected = {
        (I.LEVEL3_REVIEWS, "Fife"): (1, 3, ("A2", "E1")),
        (I.LEVEL3_REVIEWS, "Tayside"): (0, 0, ()),
        (I.LEVEL2_REVIEWS, "Fife"): (0, 1, ("C1",)),
        (I.LEVEL2_REVIEWS, "Tayside"): (2, 2, ()),
        (I.DTC_ATTENDANCE, "Fife"): (1, 2, ("C1",)),
        (I.DTC_ATTENDANCE, "Tayside"): (0, 0, ()),
        (I.RA_ATTENDANCE, "Fife"): (1, 2, ("C1",)),
        (I.RA_ATTENDANCE, "Tayside"): (1, 1, ()),
        (I.WRITTEN_CONTRIBUTIONS, "Fife"): (1, 2, ("C1",)),
        (I.WRITTEN_CONTRIBUTIONS, "Tayside"): (0, 0, ()),
        (I.PRE_RELEASE_MAPPP, "Fife"): (0, 1, ("E1",)),
        (I.PRE_RELEASE_MAPPP, "Tayside"): (1, 1, ()),
        (I.MINUTES_RELEASED, "Fife"): (3, 4, ("A3",)),
        (I.MINUTES_RELEASED, "Tayside"): (0, 3, ("B2", "D1", "G2")),
        (I.DISCLOSURE_RECORDED, "Fife"): (4, 5, ("A3",)),
        (I.DISCLOSURE_RECORDED, "Tayside"): (3, 3, ()),
    }
    for (indicator, area), value in expected.items():
        assert figures(report, indicator, area) == value, (indicator, area)
    national = {
        I.LEVEL3_REVIEWS: (1, 3),
        I.LEVEL2_REVIEWS: (2, 3),
        I.DTC_ATTENDANCE: (1, 2),
        I.RA_ATTENDANCE: (2, 3),
        I.WRITTEN_CONTRIBUTIONS: (1, 2),
        I.PRE_RELEASE_MAPPP: (1, 2),
        I.MINUTES_RELEASED: (3, 7),
        I.DISCLOSURE_RECORDED: (7, 8),
    }
    for indicator, (numerator, denominator) in national.items():
        assert figures(report, indicator)[:2] == (numerator, denominator), indicator
    assert figures(report, I.MINUTES_RELEASED)[2] == ("A3", "B2", "D1", "G2")
    assert report.groups == ((("area", "Fife"),), (("area", "Tayside"),), ())


def test_hand_built_deadlines_agree_with_the_rule_modules() -> None:
    # The working-day deadlines the comments above rely on.
    assert minutes_due(D(2025, 7, 24)).final.due == D(2025, 8, 8)  # 4 Aug bank holiday
    assert minutes_due(D(2025, 8, 28)).final.due == D(2025, 9, 11)
    assert minutes_due(D(2025, 9, 29)).final.due == D(2025, 10, 13)
    assert initial_mappp_due(D(2025, 9, 29)).due == D(2025, 9, 1)
    assert next_review_due(L3, D(2025, 7, 10)).due == D(2025, 8, 21)
    assert next_review_due(L2, D(2025, 6, 20)).due == D(2025, 9, 12)


def test_status_percentage_and_targets() -> None:
    report = evaluate(CASELOAD, period=Q2)
    level3 = report.result(Indicator.LEVEL3_REVIEWS)
    assert level3.percentage == Decimal("33.3")  # rounded down
    assert level3.status is Status.NOT_MET
    assert not level3.met
    assert level3.target == Decimal(95)
    assert level3.citation == GLASGOW_MAPPA_PAGE.cite("National Performance Indicators")
    tayside = report.result(Indicator.LEVEL2_REVIEWS, (("area", "Tayside"),))
    assert tayside.status is Status.MET
    assert tayside.percentage == Decimal("100.0")
    empty = report.result(Indicator.DTC_ATTENDANCE, (("area", "Tayside"),))
    assert empty.status is Status.NO_CASES
    assert not empty.met
    with pytest.raises(NotApplicable):
        empty.percentage  # noqa: B018 - the property raises
    assert report.targets == "current"


def test_previous_and_callers_targets() -> None:
    previous = evaluate(CASELOAD, period=Q2, targets="previous")
    assert previous.result(Indicator.LEVEL3_REVIEWS).target == Decimal(90)
    assert previous.result(Indicator.LEVEL2_REVIEWS).target == Decimal(85)
    assert previous.result(Indicator.MINUTES_RELEASED).target == Decimal(
        90
    )  # unchanged
    own = evaluate(
        CASELOAD,
        period=Q2,
        targets={
            "minutes_released": Decimal("40"),
            Indicator.LEVEL3_REVIEWS: Decimal(30),
        },
    )
    assert own.targets == "caller's"
    minutes = own.result(Indicator.MINUTES_RELEASED)
    assert minutes.target == Decimal(40)
    assert minutes.status is Status.MET
    assert minutes.citation.document == "Caller's targets"
    assert own.result(Indicator.LEVEL3_REVIEWS).met  # 1/3 >= 30%
    book = DEFAULT_RULEBOOK.with_value(
        "kpi.disclosure_recorded.target", Decimal("85"), reason="local"
    )
    local = evaluate(CASELOAD, period=Q2, targets=book)
    assert local.result(Indicator.DISCLOSURE_RECORDED).met  # 7/8 = 87.5% >= 85
    assert local.targets == "caller's rulebook"


def test_met_is_decided_exactly_not_on_the_rounded_figure() -> None:
    cite = GLASGOW_MAPPA_PAGE.cite("x")
    just_short = IndicatorResult(
        Indicator.MINUTES_RELEASED, (), 1899, 2000, Decimal(95), cite
    )
    assert just_short.percentage == Decimal("94.9")
    assert not just_short.met
    exact = IndicatorResult(Indicator.MINUTES_RELEASED, (), 19, 20, Decimal(95), cite)
    assert exact.met
    # 2/3 = 66.66...%, a target of 66.67 is not met, 66.66 is.
    assert not IndicatorResult(
        Indicator.MINUTES_RELEASED, (), 2, 3, Decimal("66.67"), cite
    ).met
    assert IndicatorResult(
        Indicator.MINUTES_RELEASED, (), 2, 3, Decimal("66.66"), cite
    ).met


def test_grouping_by_level_counts_reviews_under_the_new_level() -> None:
    report = evaluate(CASELOAD, period=Q2, by=("level",))
    # G1 is a level 1 meeting that moved the case to level 2: its interval
    # counts under level 2 with B1 (met) and C1 (missed).
    assert figures_group(report, Indicator.LEVEL2_REVIEWS, (("level", "2"),)) == (2, 3)
    assert figures_group(report, Indicator.LEVEL3_REVIEWS, (("level", "3"),)) == (1, 3)
    assert figures_group(report, Indicator.MINUTES_RELEASED, (("level", "1"),)) == (
        0,
        0,
    )
    both = evaluate(CASELOAD, period=Q2, by=("area", "category"))
    assert figures_group(
        both, Indicator.MINUTES_RELEASED, (("area", "Tayside"), ("category", "3"))
    ) == (0, 2)
    national = evaluate(CASELOAD, period=Q2, by=())
    assert [r.group for r in national.results] == [()] * len(Indicator)


def figures_group(
    report: Report, indicator: Indicator, group: tuple[tuple[str, str], ...]
) -> tuple[int, int]:
    result = report.result(indicator, group)
    return result.numerator, result.denominator


def test_level_change_applies_the_new_interval_from_that_meeting() -> None:
    # Stepped up from level 2 to level 3 on 1 July: the next review is due
    # 42 days later (12 Aug), and counts as a level 3 review.
    meetings = [
        meeting("X1", "C-9", "Fife", L2, D(2025, 7, 1), new_level=L3),
        meeting("X2", "C-9", "Fife", L3, D(2025, 8, 20)),
        meeting("X3", "C-9", "Fife", L3, D(2025, 9, 30), new_level=L1),
    ]
    report = evaluate(meetings, period=Q2, by=())
    assert figures(report, Indicator.LEVEL3_REVIEWS) == (0, 1, ("X1",))
    assert figures(report, Indicator.LEVEL2_REVIEWS) == (0, 0, ())


def test_a_review_under_a_level_no_meeting_of_its_group_has() -> None:
    # Grouped by area and level, the one level 3 interval (from X1, which
    # stepped the case up) gets a group of its own: no meeting in the
    # period is a Fife level 3 meeting.
    meetings = [
        meeting("X1", "C-9", "Fife", L2, D(2025, 7, 1), new_level=L3),
        meeting("X2", "C-8", "Fife", L2, D(2025, 7, 2)),
    ]
    for engine in ENGINES:
        report = evaluate(
            meetings,
            period=Q2,
            by=("area", "level"),
            engine=engine,
            data_until=Q2.end,
        )
        fife3 = (("area", "Fife"), ("level", "3"))
        assert figures_group(report, Indicator.LEVEL3_REVIEWS, fife3) == (0, 1)
        assert report.result(Indicator.LEVEL3_REVIEWS, fife3).failed == ("X1",)
        assert figures_group(report, Indicator.MINUTES_RELEASED, fife3) == (0, 0)
        assert figures(report, Indicator.LEVEL2_REVIEWS) == (0, 1, ("X2",))


def test_same_day_meetings_start_one_interval() -> None:
    meetings = [
        meeting("S1", "C-7", "Fife", L3, D(2025, 7, 1)),
        meeting("S2", "C-7", "Fife", L3, D(2025, 7, 1), RMT),
        meeting("S3", "C-7", "Fife", L3, D(2025, 8, 1)),
        meeting("S4", "C-7", "Fife", L3, D(2025, 8, 30), leaves=True),
    ]
    report = evaluate(meetings, period=Q2, by=())
    # S2 (the last on 1 July) starts the interval; S3 starts the next: both met.
    assert figures(report, Indicator.LEVEL3_REVIEWS) == (2, 2, ())


def test_reporting_year_and_labels() -> None:
    # An extract taken at the year's end (its last meeting is on 2 October).
    report = evaluate(CASELOAD, period="2025/26", data_until=D(2026, 3, 31))
    assert report.period == ReportingYear(2025)
    # Over the year: B1 and G1 met; C1 missed; and A3 (due 20 Nov), G2
    # (3 Dec), H1 (22 Dec) and F1 (25 Dec) have no later meeting: missed.
    assert figures(report, Indicator.LEVEL2_REVIEWS) == (
        2,
        7,
        ("A3", "C1", "F1", "G2", "H1"),
    )
    assert evaluate(CASELOAD, period="2025Q2").period == Q2


def test_reviews_due_after_the_data_ends_are_not_counted_as_missed() -> None:
    # Before: an extract ending 5 January reported reviews falling due
    # after it as missed. Read as at the data's last day (2 October here),
    # A3, G2, H1 and F1 (due 20 November to 25 December) are not known to
    # be missed, so they are not counted; C1 (due and missed before it) is.
    report = evaluate(CASELOAD, period="2025/26")
    assert figures(report, Indicator.LEVEL2_REVIEWS) == (2, 3, ("C1",))
    assert report.coverage == Coverage(D(2025, 5, 1), D(2025, 10, 2), attendance=True)
    assert report.partial
    # The two engines agree.
    assert evaluate(CASELOAD, period="2025/26", engine="duckdb") == report
    # A day given before the last meeting is refused.
    with pytest.raises(InvalidValueError, match="data_until"):
        evaluate(CASELOAD, period="2025/26", data_until=D(2025, 10, 1))


def test_rows_for_dataframes() -> None:
    report = evaluate(CASELOAD, period=Q2)
    rows = report.rows()
    assert len(rows) == len(Indicator) * 3
    first = rows[0]
    assert list(first)[:5] == ["period", "indicator", "description", "group", "area"]
    assert first["period"] == "2025Q2"
    assert first["area"] == "Fife"
    national = [row for row in rows if row["group"] == "Scotland"]
    assert all(row["area"] == "all" for row in national)
    empty = [row for row in rows if row["status"] == "no cases"]
    assert empty
    assert all(row["percentage"] is None for row in empty)
    assert all(
        row["percentage"] is not None for row in rows if row["status"] != "no cases"
    )
    assert {row["status"] for row in rows} == {"met", "not met", "no cases"}
    assert report.national()[0].indicator is Indicator.LEVEL3_REVIEWS


def test_table_and_html() -> None:
    report = evaluate(CASELOAD, period=Q2)
    table = report.table()
    assert "NOT MET" in table
    assert "no cases" in table
    assert "Tayside" in table
    page = report.html(note="synthetic")
    assert page.startswith("<!DOCTYPE html>")
    assert "synthetic" in page
    assert "<script" not in page
    assert "http" not in page
    assert page.count('class="target"') == len(report.results)


def test_calendar_with_a_local_holiday_moves_the_minute_deadline() -> None:
    # A local holiday on 24 July 2025 pushes A2's deadline to 25 July; its
    # minute (released 24 July) stays on time, and B2's deadline moves on.
    local = WorkingCalendar.scotland(extra_closed_days=[D(2025, 7, 11)])
    report = evaluate(CASELOAD, period=Q2, calendar=local)
    assert figures(report, Indicator.MINUTES_RELEASED)[:2] == (3, 7)


def test_bad_arguments() -> None:
    with pytest.raises(InvalidTypeError):
        evaluate(CASELOAD, period=2025)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError):
        evaluate(CASELOAD, period="2025/27")
    with pytest.raises(UnknownNameError):
        evaluate(CASELOAD, period=Q2, by=("council",))
    with pytest.raises(InvalidValueError):
        evaluate(CASELOAD, period=Q2, by=("area", "area"))
    with pytest.raises(UnknownNameError):
        evaluate(CASELOAD, period=Q2, targets="earlier")
    with pytest.raises(UnknownNameError):
        evaluate(CASELOAD, period=Q2, targets={"reviews": Decimal(9)})
    with pytest.raises(InvalidTypeError):
        evaluate(CASELOAD, period=Q2, targets={"minutes_released": 90.0})  # type: ignore[dict-item]
    with pytest.raises(InvalidValueError):
        evaluate(CASELOAD, period=Q2, targets={"minutes_released": Decimal(101)})
    with pytest.raises(InvalidTypeError):
        evaluate(CASELOAD, period=Q2, targets={1: Decimal(1)})  # type: ignore[dict-item]
    with pytest.raises(InvalidTypeError):
        evaluate(CASELOAD, period=Q2, targets=5)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        evaluate([CASELOAD[0], "x"], period=Q2)  # type: ignore[list-item]
    with pytest.raises(InvalidTypeError):
        evaluate(CASELOAD, period=Q2, calendar="Scotland")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError):
        evaluate([CASELOAD[0], CASELOAD[0]], period=Q2)  # a repeated meeting id
    report = evaluate(CASELOAD, period=Q2)
    with pytest.raises(UnknownNameError):
        report.result(Indicator.LEVEL3_REVIEWS, (("area", "Fife"), ("level", "2")))
    cite = GLASGOW_MAPPA_PAGE.cite("x")
    with pytest.raises(InvalidValueError):
        IndicatorResult(Indicator.LEVEL3_REVIEWS, (), 3, 2, Decimal(95), cite)
    with pytest.raises(InvalidValueError):
        IndicatorResult(
            Indicator.LEVEL3_REVIEWS, (("council", "x"),), 1, 2, Decimal(95), cite
        )
    with pytest.raises(InvalidTypeError):
        IndicatorResult(Indicator.LEVEL3_REVIEWS, ("area",), 1, 2, Decimal(95), cite)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError):
        IndicatorResult(Indicator.LEVEL3_REVIEWS, (), 1, 2, Decimal(-1), cite)


def test_empty_caseload_has_no_cases_and_no_attendance_data() -> None:
    report = evaluate([], period=Q2)
    assert {
        result.indicator
        for result in report.results
        if result.status is Status.NO_ATTENDANCE_DATA
    } == {
        Indicator.DTC_ATTENDANCE,
        Indicator.RA_ATTENDANCE,
        Indicator.WRITTEN_CONTRIBUTIONS,
    }
    assert all(
        result.status is Status.NO_CASES
        for result in report.results
        if not result.no_data
    )
    assert report.groups == ((),)
    assert report.coverage is not None
    assert report.coverage.first is None
    assert report.partial


def test_indicator_names_match_the_rulebook() -> None:
    for indicator in Indicator:
        assert indicator.rule in DEFAULT_RULEBOOK
        assert str(indicator) == indicator.label
        assert indicator.counts
    assert GROUP_FIELDS == ("area", "category", "level")
    assert str(Status.NO_CASES) == "no cases"


def test_minutes_agree_with_minutes_on_time() -> None:
    # The indicator's minute deadline is the minutes module's, for every
    # day of a year and releases 0-20 days later.
    days = [D(2025, 4, 1) + dt.timedelta(days=i) for i in range(0, 330, 3)]
    meetings = [
        meeting(
            f"K{i}", f"C-{i}", "Fife", L2, day, released=day + dt.timedelta(days=i % 21)
        )
        for i, day in enumerate(days)
    ]
    report = evaluate(meetings, period="2025/26", by=())
    failed = set(report.result(Indicator.MINUTES_RELEASED).failed)
    for item in meetings:
        assert item.minutes_released is not None
        on_time = minutes_on_time(item.date, item.minutes_released).on_time
        counted_late = item.meeting_id in failed
        assert on_time != counted_late, item.meeting_id


# -- properties ---------------------------------------------------------------

AREAS = ("Fife", "Tayside", "Glasgow")
NAMED = ("Registered social landlord", "Housing services")


@st.composite
def attendances(draw: st.DrawFn) -> tuple[Attendance, ...]:
    agencies = draw(
        st.lists(st.sampled_from([*Agency, *NAMED]), unique=True, max_size=4)
    )
    result = []
    for agency in agencies:
        role = (
            DTC
            if isinstance(agency, str)
            else draw(st.sampled_from([RA, DTC]))
            if agency is Agency.HEALTH
            else RA
        )
        invited = draw(st.booleans())
        attended = invited and draw(st.booleans())
        result.append(
            Attendance(
                agency=agency,
                role=role,
                invited=invited,
                attended=attended,
                at_seniority=attended and draw(st.booleans()),
                written_contribution=draw(st.booleans()),
            )
        )
    return tuple(result)


@st.composite
def meetings_lists(draw: st.DrawFn, max_size: int = 30) -> list[Meeting]:
    count = draw(st.integers(0, max_size))
    result = []
    for number in range(count):
        category = draw(st.sampled_from([1, 2, 3]))
        levels = [L2, L3] if category == 3 else [L1, L2, L3]
        level = draw(st.sampled_from(levels))
        day = D(2025, 1, 1) + dt.timedelta(days=draw(st.integers(0, 600)))
        released = draw(
            st.none()
            | st.integers(0, 30).map(lambda n, d=day: d + dt.timedelta(days=n))
        )
        leaves = draw(st.booleans())
        new_level = (
            None
            if leaves
            else draw(st.none() | st.sampled_from([lv for lv in levels if lv != level]))
        )
        result.append(
            Meeting(
                meeting_id=f"M{number}",
                case_ref=f"C-{draw(st.integers(1, 6))}",
                area=draw(st.sampled_from(AREAS)),
                category=Category(category),
                level=level,
                date=day,
                kind=draw(st.sampled_from(list(MeetingKind))),
                liberation_date=draw(
                    st.none()
                    | st.just(day + dt.timedelta(days=draw(st.integers(-10, 80))))
                ),
                minutes_released=released,
                disclosure_recorded=draw(st.booleans()),
                leaves_mappa=leaves,
                new_level=new_level,
                attendance=draw(attendances()),
            )
        )
    return result


PERIODS = st.sampled_from(["2025/26", "2025Q1", "2025Q3", "2024Q4"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings_lists(), PERIODS)
def test_percentages_are_within_0_and_100_and_national_is_the_sum(
    meetings: list[Meeting], period: str
) -> None:
    report = evaluate(meetings, period=period)
    for result in report.results:
        assert 0 <= result.numerator <= result.denominator
        assert len(
            result.failed
        ) <= result.denominator - result.numerator or result.indicator in (
            Indicator.DTC_ATTENDANCE,
            Indicator.RA_ATTENDANCE,
            Indicator.WRITTEN_CONTRIBUTIONS,
        )
        if result.denominator:
            assert Decimal(0) <= result.percentage <= Decimal(100)
            assert result.met == (
                Fraction(result.numerator, result.denominator) * 100 >= result.target
            )
        else:
            assert result.status in (Status.NO_CASES, Status.NO_ATTENDANCE_DATA)
    for indicator in Indicator:
        groups = [r for r in report.results if r.indicator is indicator and r.group]
        national = report.result(indicator)
        assert national.numerator == sum(r.numerator for r in groups)
        assert national.denominator == sum(r.denominator for r in groups)
        assert set(national.failed) == {i for r in groups for i in r.failed}


def reference_reviews(
    meetings: list[Meeting], period: Quarter | ReportingYear
) -> dict[int, tuple[int, int]]:
    """A plain reading of the review indicators, meeting by meeting, as at
    the period's end or the data's last meeting, whichever comes first."""
    counts = {2: [0, 0], 3: [0, 0]}
    as_at = period.end
    if meetings:
        as_at = min(period.end, max(m.date for m in meetings))
    by_case: dict[str, list[Meeting]] = {}
    for item in meetings:
        by_case.setdefault(item.case_ref, []).append(item)
    for case in by_case.values():
        case.sort(key=lambda m: m.date)  # stable: input order within a day
        for index, item in enumerate(case):
            later = list(case[index + 1 :])
            if later and later[0].date == item.date:
                continue
            after = item.new_level or item.level
            if item.leaves_mappa or after is L1:
                continue
            due = next_review_due(after, item.date).due
            if not period.start <= due <= period.end:
                continue
            met = bool(later) and later[0].date <= due
            if not met and due > as_at:
                continue  # the data ends before it fell due: not known missed
            counts[int(after)][1] += 1
            counts[int(after)][0] += met
    return {level: (n, d) for level, (n, d) in counts.items()}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings_lists(), PERIODS)
def test_reviews_match_a_reference_reading(
    meetings: list[Meeting], period: str
) -> None:
    report = evaluate(meetings, period=period, by=())
    expected = reference_reviews(meetings, report.period)
    assert figures(report, Indicator.LEVEL2_REVIEWS)[:2] == expected[2]
    assert figures(report, Indicator.LEVEL3_REVIEWS)[:2] == expected[3]


def rate(result: IndicatorResult) -> Fraction | None:
    return (
        Fraction(result.numerator, result.denominator) if result.denominator else None
    )


def _on_time_slots(
    meetings: list[Meeting], period: Quarter | ReportingYear
) -> list[tuple[Meeting, dt.date]]:
    """(meeting, latest day) where a review can be added on time without
    leaving a new review outstanding: between a meeting and a next one that
    was itself on time, or after a case's last meeting whose review falls
    due in the period."""
    slots = []
    by_case: dict[str, list[Meeting]] = {}
    for item in meetings:
        by_case.setdefault(item.case_ref, []).append(item)
    for case in by_case.values():
        case.sort(key=lambda m: m.date)
        for index, item in enumerate(case):
            later = case[index + 1 :]
            if later and later[0].date == item.date:
                continue  # not the last meeting of its day
            after = item.new_level or item.level
            if item.leaves_mappa or after is L1:
                continue
            due = next_review_due(after, item.date).due
            if later and later[0].date <= due:
                if (later[0].date - item.date).days >= 2:
                    slots.append((item, later[0].date - dt.timedelta(days=1)))
            elif not later and period.start <= due <= period.end:
                slots.append((item, due))
    return slots


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings_lists(max_size=20), PERIODS, st.data())
def test_adding_an_on_time_review_never_lowers_an_indicator(
    meetings: list[Meeting], period: str, data: st.DataObject
) -> None:
    before = evaluate(meetings, period=period)
    slots = _on_time_slots(meetings, before.period)
    if not slots:
        return
    last, latest = data.draw(st.sampled_from(slots))
    day = last.date + dt.timedelta(
        days=data.draw(st.integers(1, (latest - last.date).days))
    )
    extra = Meeting(
        meeting_id="EXTRA",
        case_ref=last.case_ref,
        area=last.area,
        category=last.category,
        level=last.new_level or last.level,
        date=day,
        kind=REVIEW,
        minutes_released=day,
        disclosure_recorded=True,
    )
    after_report = evaluate([*meetings, extra], period=period)
    for old in before.results:
        new = after_report.result(old.indicator, old.group)
        old_rate, new_rate = rate(old), rate(new)
        if old_rate is not None:
            assert new_rate is not None, old.indicator
            assert new_rate >= old_rate, old.indicator


def test_an_added_review_can_move_a_miss_into_a_later_period() -> None:
    # Why the property above adds reviews only where they leave nothing
    # outstanding: a review added on time starts a new interval, which is
    # missed if the case then goes unreviewed. P1 (1 Jan 2025, level 3) is
    # due 12 Feb; P2 is on 1 June. Adding P9 on 12 Feb meets P1's interval,
    # but P9's own interval (due 26 Mar) is missed: 1 of 2 in 2024Q4.
    meetings = [
        meeting("P1", "C-5", "Fife", L3, D(2025, 1, 1)),
        meeting("P2", "C-5", "Fife", L3, D(2025, 6, 1)),
    ]
    before = evaluate(meetings, period="2024Q4", by=())
    assert figures(before, Indicator.LEVEL3_REVIEWS) == (0, 1, ("P1",))
    added = meeting("P9", "C-5", "Fife", L3, D(2025, 2, 12))
    after = evaluate([*meetings, added], period="2024Q4", by=())
    assert figures(after, Indicator.LEVEL3_REVIEWS) == (1, 2, ("P9",))
    next_quarter = evaluate([*meetings, added], period="2025Q1", by=())
    assert figures(next_quarter, Indicator.LEVEL3_REVIEWS)[:2] == (0, 0)


def test_sample_caseload_has_realistic_misses() -> None:
    report = evaluate(sample_caseload(), period="2025/26")
    assert len(report.groups) == 11  # ten areas and Scotland
    statuses = {result.status for result in report.national()}
    assert Status.NOT_MET in statuses
    assert Status.MET in statuses
    for result in report.national():
        assert result.denominator > 0
        assert result.numerator < result.denominator  # some misses everywhere


def test_caseload_is_accepted_as_is_and_errors_are_mappa_errors() -> None:
    caseload = Caseload.from_meetings(CASELOAD)
    assert Caseload.from_meetings(caseload) is caseload
    assert (
        evaluate(caseload, period=Q2).rows()
        == evaluate(list(CASELOAD), period=Q2).rows()
    )
    with pytest.raises(MappaError):
        evaluate("meetings", period=Q2)  # type: ignore[arg-type]


@pytest.mark.parametrize("make", [lambda: evaluate(CASELOAD, period=Q2)])
def test_report_is_frozen(make: Callable[[], Report]) -> None:
    report = make()
    with pytest.raises(AttributeError):
        report.targets = "x"  # type: ignore[misc]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings_lists(), PERIODS, st.sampled_from([(), ("area",), ("area", "level")]))
def test_counting_in_chunks_gives_the_same_report(
    meetings: list[Meeting], period: str, by: tuple[str, ...]
) -> None:
    # evaluate counts a chunk of meetings at a time; tiny chunks (every
    # chunk edge inside a case's run of meetings) give the same report as
    # one chunk holding everything.
    import mappa.indicators._python as module

    whole = evaluate(meetings, period=period, by=by)
    saved = module._STEP
    try:
        for step in (1, 2, 3, 7):
            module._STEP = step
            assert evaluate(meetings, period=period, by=by) == whole
    finally:
        module._STEP = saved


# -- values for people: repr, notebook table, numeric rows --------------------------


def test_report_repr_is_one_short_line() -> None:
    from mappa.records import sample_caseload

    report = evaluate(sample_caseload(), period="2025/26")
    text = repr(report)
    assert len(text) < 200
    assert "\n" not in text
    assert text.startswith("Report(period='2025/26'")
    assert "not met" in text

    class Printer:
        def __init__(self) -> None:
            self.parts: list[str] = []

        def text(self, part: str) -> None:
            self.parts.append(part)

    printer = Printer()
    report._repr_pretty_(printer, False)
    assert printer.parts == [text]


def test_report_html_is_a_table_with_every_result() -> None:
    from mappa.records import sample_caseload

    report = evaluate(sample_caseload(), period="2025/26", by=())
    table = report._repr_html_()
    assert table.startswith("<table><caption>")
    assert table.count("<tr><td>") == len(report.results)
    assert "<script" not in table


def test_to_rows_gives_floats_or_decimals() -> None:
    from mappa.records import sample_caseload

    report = evaluate(sample_caseload(), period="2025/26")
    floats = report.to_rows("float")
    exact = report.to_rows("decimal")
    assert exact == report.rows()
    for as_float, as_decimal in zip(floats, exact, strict=True):
        assert isinstance(as_float["target"], float)
        assert as_float["target"] == float(as_decimal["target"])  # type: ignore[arg-type]
        if as_decimal["percentage"] is None:
            assert as_float["percentage"] is None
        else:
            assert as_float["percentage"] == float(as_decimal["percentage"])  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="numbers"):
        report.to_rows("int")  # type: ignore[arg-type]


def test_indicator_result_counts_its_failed_ids_in_its_repr() -> None:
    from mappa.sources import GLASGOW_MAPPA_PAGE

    ids = tuple(f"M{n:05d}" for n in range(500))
    result = IndicatorResult(
        Indicator.MINUTES_RELEASED,
        (),
        0,
        500,
        Decimal(90),
        GLASGOW_MAPPA_PAGE.cite("KPIs"),
        ids,
    )
    assert "failed=<500 ids>" in repr(result)
    assert "M00001" not in repr(result)
    assert result.rule == Indicator.MINUTES_RELEASED.rule
    assert result.citations == (result.citation,)


# -- the rulebook's labels, levels and dates --------------------------------


def test_labels_follow_the_rulebooks_figures() -> None:
    """A caller's rulebook changes the figure *and* the label."""
    assert Indicator.LEVEL3_REVIEWS.label == "Level 3 reviews every 6 weeks"
    assert Indicator.MINUTES_RELEASED.label == "Minutes within 10 working days"
    assert Indicator.PRE_RELEASE_MAPPP.label == "Initial MAPPP 4 weeks pre-release"
    local = DEFAULT_RULEBOOK.with_value(
        "minutes.final", 12, reason="a local deadline"
    ).with_value(
        "reviews.level3.interval",
        Duration(weeks=5),
        reason="a local interval",
    )
    report = evaluate(CASELOAD, period="2025Q2", by=(), rulebook=local)
    assert report.result(Indicator.MINUTES_RELEASED).label == (
        "Minutes within 12 working days"
    )
    assert (
        report.result(Indicator.LEVEL3_REVIEWS).label == "Level 3 reviews every 5 weeks"
    )
    assert report.rows()[0]["description"] == "Level 3 reviews every 5 weeks"
    assert "Level 3 reviews every 5 weeks" in report.table()


def test_the_levels_counted_are_a_rule() -> None:
    everywhere = evaluate(CASELOAD, period="2025Q2", by=())
    only_3 = DEFAULT_RULEBOOK.with_value("kpi.levels", (3,), reason="a test")
    narrower = evaluate(CASELOAD, period="2025Q2", by=(), rulebook=only_3)
    minutes = Indicator.MINUTES_RELEASED
    assert narrower.result(minutes).denominator < everywhere.result(minutes).denominator


def test_rules_are_read_as_at_the_period_end() -> None:
    """A version that starts after the period changes nothing; one that
    starts within it applies to the whole period (read at its end)."""
    base = evaluate(CASELOAD, period="2025Q2", by=())
    after = DEFAULT_RULEBOOK.with_value(
        "minutes.final", 3, reason="later", applies_from=D(2025, 10, 1)
    )
    later = evaluate(CASELOAD, period="2025Q2", by=(), rulebook=after)
    assert later.results == base.results
    assert later == base  # the provenance lists only overrides that apply
    assert evaluate(CASELOAD, period="2025Q3", by=(), rulebook=after).provenance
    assert evaluate(
        CASELOAD, period="2025Q3", by=(), rulebook=after, data_until=D(2025, 12, 31)
    ).provenance.overrides == ("rule minutes.final (local)",)
    within = DEFAULT_RULEBOOK.with_value(
        "minutes.final", 3, reason="later", applies_from=D(2025, 9, 30)
    )
    assert evaluate(CASELOAD, period="2025Q2", by=(), rulebook=within) != base
    # the targets too: a caller's rulebook of targets is read at the period end
    target = DEFAULT_RULEBOOK.with_value(
        "kpi.minutes_released.target",
        Decimal("50"),
        reason="later",
        applies_from=D(2025, 10, 1),
    )
    report = evaluate(CASELOAD, period="2025Q2", by=(), targets=target)
    assert report.result(Indicator.MINUTES_RELEASED).target == Decimal("90")


# -- coverage, provenance and trends ------------------------------------


def test_coverage_reads_as_at_the_data_and_says_so() -> None:
    empty = Coverage(None, None, attendance=False)
    assert empty.label == "no meetings"
    assert not empty.covers(Q2)
    assert empty.as_at(Q2) == Q2.end
    data = Coverage(D(2025, 5, 1), D(2025, 8, 31), attendance=True)
    assert data.as_at(Q2) == D(2025, 8, 31)
    assert data.as_at(Quarter(2025, 1)) == Quarter(2025, 1).end
    for bad in ((D(2025, 5, 1), None), (D(2025, 5, 2), D(2025, 5, 1))):
        with pytest.raises(InvalidValueError, match="Coverage"):
            Coverage(*bad, attendance=True)
    with pytest.raises(InvalidTypeError, match="period"):
        data.covers("2025Q2")  # type: ignore[arg-type]
    # No meetings but a day the data was taken: it covers that one day.
    report = evaluate([], period=Q2, data_until=D(2025, 9, 30))
    assert report.coverage == Coverage(D(2025, 9, 30), D(2025, 9, 30), attendance=False)


def test_provenance_names_files_and_local_settings_not_their_content(
    tmp_path: Path,
) -> None:
    from mappa.framework import DEFAULT_AREA_TABLE
    from mappa.records import write_csv

    folder = tmp_path / "private-folder"
    folder.mkdir()
    write_csv(CASELOAD, folder / "m.csv", folder / "a.csv")
    local = WorkingCalendar.scotland(
        extra_closed_days=[D(2025, 9, 1)], extra_working_days=[D(2025, 9, 6)]
    )
    report = evaluate(
        folder / "m.csv",
        str(folder / "a.csv"),
        period=Q2,
        calendar=local,
        area_table=DEFAULT_AREA_TABLE,
        targets={"minutes_released": Decimal("92")},
    )
    provenance = report.provenance
    assert provenance is not None
    assert provenance.inputs == ("m.csv", "a.csv")
    assert provenance.overrides == (
        "targets (caller's)",
        "1 local closed day(s)",
        "1 extra working day(s)",
        "an area table of the caller's",
    )
    assert "private-folder" not in "\n".join(provenance.lines())
    assert report.metadata()["inputs"] == ["m.csv", "a.csv"]
    with pytest.raises(InvalidTypeError, match="attendance must be a file name"):
        evaluate(folder / "m.csv", 5, period=Q2)


def test_a_report_without_provenance_renders_without_a_footer() -> None:
    import attrs

    report = attrs.evolve(evaluate(CASELOAD, period=Q2), provenance=None)
    assert report.coverage is None
    assert not report.partial
    assert report.metadata() == {}
    assert "Data range" not in report.table()
    assert "<footer>" not in report.html()
    from mappa.indicators._render import csv_fields

    assert csv_fields(None) == {}
    # A page of some indicators only.
    some = attrs.evolve(report, results=report.results[:3])
    assert some.html().count("<section") == 1


def test_a_trend_over_periods_and_its_checks(tmp_path: Path) -> None:
    from mappa.indicators import Trend, trend
    from mappa.records import write_csv

    write_csv(CASELOAD, tmp_path / "m.csv", tmp_path / "a.csv")
    quarters = trend(tmp_path / "m.csv", tmp_path / "a.csv", periods="2025Q1..2025Q2")
    assert [r.period.label for r in quarters.reports] == ["2025Q1", "2025Q2"]
    assert quarters.provenance is not None
    assert quarters.provenance.inputs == ("m.csv", "a.csv")
    assert quarters.provenance.period == "2025Q1..2025Q2"
    assert repr(quarters) == "<Trend of 2 periods, 2025Q1 to 2025Q2>"
    assert len(quarters.rows()) == 2 * len(evaluate(CASELOAD, period=Q2).rows())
    years = trend(CASELOAD, periods=["2024/25", ReportingYear(2025)], by=())
    assert [r.period.label for r in years.reports] == ["2024/25", "2025/26"]
    for periods, message in [
        ("2025Q1", r"FIRST\.\.LAST"),
        ("2025Q1..2025/26", "quarter to quarter"),
        ("2025Q3..2025Q1", "run forwards"),
        ("2000Q1..2030Q1", "at most 60"),
        ([], "no period"),
        (["2025Q1"] * 61, "at most 60"),
        (["2025Q2", "2025Q1"], "oldest first"),
    ]:
        with pytest.raises(InvalidValueError, match=message):
            trend(CASELOAD, periods=periods)
    with pytest.raises(InvalidTypeError, match=r"FIRST\.\.LAST"):
        trend(CASELOAD, periods=5)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="attendance"):
        trend(CASELOAD, "a.csv", periods="2025Q1..2025Q2")
    with pytest.raises(InvalidValueError, match="on_error"):
        trend(CASELOAD, periods="2025Q1..2025Q2", on_error="skip")  # type: ignore[arg-type]
    with pytest.raises(UnknownNameError, match="no such group"):
        quarters.series(Indicator.MINUTES_RELEASED, (("area", "Nowhere"),))
    one = evaluate(CASELOAD, period=Q2)
    for reports, message in [
        ((), "at least one"),
        ((one, one), "period order"),
        (
            (evaluate(CASELOAD, period="2025Q1"), evaluate(CASELOAD, period=Q2, by=())),
            "grouped alike",
        ),
    ]:
        with pytest.raises(InvalidValueError, match=message):
            Trend(reports)


def test_a_trend_of_groups_that_come_and_go_and_gaps_in_the_line() -> None:
    import attrs

    from mappa.indicators import Trend

    fife = [meeting("T1", "C-T1", "Fife", L2, D(2025, 5, 1), released=D(2025, 5, 2))]
    tayside = [
        meeting("T2", "C-T2", "Tayside", L2, D(2025, 11, 3), released=D(2025, 11, 4))
    ]
    first = evaluate(fife, period="2025Q1", data_until=D(2025, 6, 30))
    gap = evaluate([], period="2025Q2", by=("area",), data_until=D(2025, 9, 30))
    last = evaluate(tayside, period="2025Q3", data_until=D(2025, 12, 31))
    both = Trend((first, gap, last))
    points = both.series(Indicator.MINUTES_RELEASED, (("area", "Fife"),))
    assert [(label, figure) for label, figure, _ in points] == [
        ("2025Q1", Decimal("100.0")),
        ("2025Q2", None),
        ("2025Q3", None),
    ]
    assert points[2][2] is Status.NO_CASES
    table = both.table()
    assert "Fife" in table
    assert "Tayside" in table
    assert "n/a" in table  # no attendance data in any of them
    page = both.html()
    # Scotland's line is broken where a quarter has nothing counted.
    # (minutes and disclosure: counted in the first and last quarters only,
    # so each line is two runs of one point).
    assert page.count('<polyline class="series"') == 2 * 2
    # Without provenance, no footer.
    bare = Trend(tuple(attrs.evolve(r, provenance=None) for r in (first, gap, last)))
    assert bare.provenance is None
    assert "<footer>" not in bare.html()


def test_a_long_trend_labels_every_other_period() -> None:
    from mappa.indicators import trend
    from mappa.records import sample_caseload

    long = trend(sample_caseload(), periods="2023Q4..2025Q4", by=())
    page = long.html()
    assert len(long.reports) == 9
    first_chart = page.split('<svg class="line"')[1].split("</svg>")[0]
    labels = [
        q
        for q in (r.period.label for r in long.reports)
        if f">{q}</text>" in first_chart
    ]
    assert labels == ["2023Q4", "2024Q2", "2024Q4", "2025Q2", "2025Q4"]
