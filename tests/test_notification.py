"""Tests for mappa.notification (Sexual Offences Act 2003 Part 2 in Scotland).

Sources of the expected values: the s.82(1) table and s.80(1)(d) as on
legislation.gov.uk (ukpga/2003/42/section/82, /80); s.83(1), s.84(1) (as
enacted) and s.83(6) through the Explanatory Notes to s.84 (para 168);
s.85 as amended by the Criminal Justice and Licensing (Scotland) Act 2010
s.102; SSI 2013/216 regs 2-3; s.88B-88C as inserted by SSI 2011/45 art. 3;
commencement in Scotland on 1 May 2004 (SSI 2004/138 art. 2).
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import raises
from mappa.errors import (
    InvalidTypeError,
    InvalidValueError,
    NotApplicable,
    Redacted,
    RuleNotInForce,
)
from mappa.notification import (
    Caution,
    CautionJurisdiction,
    CommunityPaybackOrder,
    Deadline,
    HospitalOrder,
    Imprisonment,
    LifeImprisonment,
    NotificationPeriod,
    OrderForLifelongRestriction,
    OtherDisposal,
    PeriodRow,
    ReviewReckoning,
    change_notification_due,
    combine_terms,
    foreign_travel_notice,
    initial_notification_due,
    notification_period,
    notification_schedule,
    periodic_notification_due,
    review_date,
)
from mappa.periods import Counting, DateRange, Duration
from mappa.rulebook import DEFAULT_RULEBOOK

D = dt.date


def period(
    disposal: object, *, under_18: bool = False, on: D | None = None
) -> NotificationPeriod:
    return notification_period(disposal, under_18=under_18, relevant_date=on)  # type: ignore[arg-type]


def term(years: int = 0, months: int = 0, days: int = 0) -> Imprisonment:
    return Imprisonment(years=years, months=months, days=days)


# -- the s.82(1) table, row by row ------------------------------------------------


@pytest.mark.parametrize(
    ("disposal", "row", "length"),
    [
        # s.82(1): life, OLR, hospital with restriction order -> indefinite
        (LifeImprisonment(), PeriodRow.LIFE, None),
        (OrderForLifelongRestriction(), PeriodRow.LIFELONG_RESTRICTION, None),
        (
            HospitalOrder(restriction_order=True),
            PeriodRow.HOSPITAL_WITH_RESTRICTION,
            None,
        ),
        # s.82(1): 30 months or more -> indefinite; boundary exactly 30 months
        (term(months=30), PeriodRow.TERM_30_MONTHS_OR_MORE, None),
        (term(years=2, months=6), PeriodRow.TERM_30_MONTHS_OR_MORE, None),
        (term(years=2, months=6, days=1), PeriodRow.TERM_30_MONTHS_OR_MORE, None),
        (term(years=10), PeriodRow.TERM_30_MONTHS_OR_MORE, None),
        # s.82(1): more than 6 and less than 30 months -> 10 years
        (term(months=29), PeriodRow.TERM_OVER_6_MONTHS, Duration(years=10)),
        (term(months=29, days=20), PeriodRow.TERM_OVER_6_MONTHS, Duration(years=10)),
        (term(months=6, days=1), PeriodRow.TERM_OVER_6_MONTHS, Duration(years=10)),
        (term(months=7), PeriodRow.TERM_OVER_6_MONTHS, Duration(years=10)),
        (term(days=185), PeriodRow.TERM_OVER_6_MONTHS, Duration(years=10)),
        (term(days=910), PeriodRow.TERM_OVER_6_MONTHS, Duration(years=10)),
        # s.82(1): 6 months or less -> 7 years; boundary exactly 6 months
        (term(months=6), PeriodRow.TERM_6_MONTHS_OR_LESS, Duration(years=7)),
        (term(months=5, days=20), PeriodRow.TERM_6_MONTHS_OR_LESS, Duration(years=7)),
        (term(days=1), PeriodRow.TERM_6_MONTHS_OR_LESS, Duration(years=7)),
        (term(days=181), PeriodRow.TERM_6_MONTHS_OR_LESS, Duration(years=7)),
        # s.82(1): hospital without restriction order -> 7 years
        (HospitalOrder(restriction_order=False), PeriodRow.HOSPITAL, Duration(years=7)),
        # s.82(1) as amended: CPO with offender supervision -> its period
        (
            CommunityPaybackOrder(Duration(years=2)),
            PeriodRow.COMMUNITY_PAYBACK,
            Duration(years=2),
        ),
        # s.82(1): any other description -> 5 years
        (OtherDisposal(), PeriodRow.OTHER, Duration(years=5)),
    ],
)
def test_table_rows(disposal: object, row: PeriodRow, length: Duration | None) -> None:
    result = period(disposal)
    assert result.row is row
    assert result.length == length
    assert result.indefinite is (length is None)
    assert result.rule == row.rule
    assert result.citation.pinpoint.startswith("s.82(1)")
    assert result.halved is False


@pytest.mark.parametrize(
    ("disposal", "on", "row"),
    [
        # 29 months 30 days from 1 Jan 2025 ends on 1 Jul 2027 = 30 months on
        (term(months=29, days=30), D(2025, 1, 1), PeriodRow.TERM_30_MONTHS_OR_MORE),
        # ... from 1 Feb 2025 it ends 31 Jul 2027, a day short of 30 months
        (term(months=29, days=30), D(2025, 2, 1), PeriodRow.TERM_OVER_6_MONTHS),
        # 5 months 30 days from 1 Jan 2025 = 6 months exactly -> 6 months or less
        (term(months=5, days=30), D(2025, 1, 1), PeriodRow.TERM_6_MONTHS_OR_LESS),
        # ... from 1 Sep 2025 it passes 1 Mar 2026 -> more than 6 months
        (term(months=5, days=30), D(2025, 9, 1), PeriodRow.TERM_OVER_6_MONTHS),
        (term(days=184), D(2025, 7, 1), PeriodRow.TERM_6_MONTHS_OR_LESS),
        (term(days=184), D(2025, 9, 1), PeriodRow.TERM_OVER_6_MONTHS),
    ],
)
def test_terms_with_days_compare_by_dates(
    disposal: Imprisonment, on: D, row: PeriodRow
) -> None:
    assert period(disposal, on=on).row is row


@pytest.mark.parametrize(
    "disposal",
    [term(months=29, days=30), term(months=5, days=30), term(days=183), term(days=912)],
)
def test_date_dependent_term_without_date_is_refused(disposal: Imprisonment) -> None:
    with pytest.raises(InvalidValueError, match="pass relevant_date"):
        period(disposal)


# -- s.82(2): halving for under-18s ------------------------------------------------------


@pytest.mark.parametrize(
    ("disposal", "length"),
    [
        (term(months=12), Duration(years=5)),  # half of 10 years
        (term(months=6), Duration(years=3, months=6)),  # half of 7 years
        (HospitalOrder(restriction_order=False), Duration(years=3, months=6)),
        (OtherDisposal(), Duration(years=2, months=6)),  # half of 5 years
    ],
)
def test_under_18_halves_fixed_periods(disposal: object, length: Duration) -> None:
    result = period(disposal, under_18=True)
    assert result.length == length
    assert result.halved
    assert result.halving_citation == DEFAULT_RULEBOOK.citation(
        "notification.under_18.divisor"
    )


def test_under_18_does_not_halve_indefinite_or_community_payback() -> None:
    assert period(LifeImprisonment(), under_18=True).indefinite
    cpo = period(CommunityPaybackOrder(Duration(years=3)), under_18=True)
    assert cpo.length == Duration(years=3)
    assert not cpo.halved


def test_halving_reads_the_rulebook_and_refuses_inexact_results() -> None:
    book = DEFAULT_RULEBOOK.with_value(
        "notification.under_18.divisor", 7, reason="test"
    )
    result = notification_period(term(months=6), under_18=True, rulebook=book)
    assert result.length == Duration(years=1)  # 84 months / 7
    with pytest.raises(InvalidValueError, match="no exact 1/7"):
        notification_period(term(months=12), under_18=True, rulebook=book)


def test_thresholds_read_the_rulebook() -> None:
    book = DEFAULT_RULEBOOK.with_value(
        "notification.threshold.indefinite", Duration(months=24), reason="test"
    )
    assert notification_period(
        term(months=24), under_18=False, rulebook=book
    ).indefinite
    bad = DEFAULT_RULEBOOK.with_value(
        "notification.threshold.short", Duration(months=6, days=1), reason="test"
    )
    with pytest.raises(InvalidValueError, match="whole number of months"):
        notification_period(term(months=7), under_18=False, rulebook=bad)


# -- cautions, unknown disposals and bad terms ----------------------------------------------


def test_a_caution_given_in_scotland_is_not_a_disposal() -> None:
    with pytest.raises(NotApplicable, match=r"s\.80\(1\)\(d\)") as info:
        notification_period(Caution(where=CautionJurisdiction.SCOTLAND), under_18=False)
    assert info.value.rule == "notification.caution"
    assert "SCOTLAND" not in DEFAULT_RULEBOOK.texts("notification.caution")


@pytest.mark.parametrize(
    "where",
    [CautionJurisdiction.ENGLAND_AND_WALES, CautionJurisdiction.NORTHERN_IRELAND],
)
@pytest.mark.parametrize(
    ("under_18", "cautioned", "last_day"),
    [
        # s.80(1)(d) with the s.82(1) table: "2 years" beginning with the
        # date of the caution (s.82(6)(c)); halved under 18 (s.82(2)).
        (False, D(2025, 3, 14), D(2027, 3, 13)),
        (True, D(2025, 3, 14), D(2026, 3, 13)),
        (False, D(2024, 2, 29), D(2026, 2, 28)),  # the 2 years after 28 Feb 2024
        (True, D(2025, 8, 31), D(2026, 8, 30)),
    ],
)
def test_a_caution_from_england_and_wales_or_northern_ireland(
    where: CautionJurisdiction, under_18: bool, cautioned: dt.date, last_day: dt.date
) -> None:
    result = notification_period(
        Caution(where=where), under_18=under_18, relevant_date=cautioned
    )
    assert result.row is PeriodRow.CAUTION
    assert result.rule == "notification.period.caution"
    assert result.length == (Duration(years=1) if under_18 else Duration(years=2))
    assert result.halved is under_18
    assert result.ends_on(cautioned) == last_day
    assert "s.82(1)" in result.citation.pinpoint
    schedule = notification_schedule(
        Caution(where=where),
        cautioned,
        under_18=under_18,
        first_notification=cautioned,
    )
    assert schedule.ends_on == last_day


def test_where_a_caution_counts_is_a_rule() -> None:
    wider = DEFAULT_RULEBOOK.with_value(
        "notification.caution",
        ("ENGLAND_AND_WALES", "NORTHERN_IRELAND", "SCOTLAND"),
        reason="a test",
    )
    scottish = Caution(where=CautionJurisdiction.SCOTLAND)
    assert notification_period(scottish, under_18=False, rulebook=wider).length == (
        Duration(years=2)
    )
    with pytest.raises(InvalidTypeError):
        Caution(where="England")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Caution()  # type: ignore[call-arg]
    assert str(CautionJurisdiction.NORTHERN_IRELAND) == "Northern Ireland"


@pytest.mark.parametrize("junk", [object(), "life", 30, None, Duration(months=30)])
def test_unknown_disposal(junk: object) -> None:
    with pytest.raises(InvalidTypeError):
        notification_period(junk, under_18=False)  # type: ignore[arg-type]


def test_bad_terms() -> None:
    with pytest.raises(InvalidValueError, match="must not be zero"):
        Imprisonment()
    with pytest.raises(InvalidValueError):
        Imprisonment(months=-1)
    with pytest.raises(InvalidTypeError):
        Imprisonment(months=1.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        HospitalOrder(restriction_order=1)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        CommunityPaybackOrder(24)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        notification_period(OtherDisposal(), under_18=0)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        period(term(months=29, days=30), on=dt.datetime(2025, 1, 1))


def test_extreme_terms_and_dates() -> None:
    assert period(term(years=10**12)).indefinite
    assert period(term(days=10**12)).indefinite
    with pytest.raises(InvalidValueError, match="outside the dates"):
        period(term(months=29, days=30), on=D.max)


def test_str() -> None:
    assert str(term(years=1, days=3)) == "imprisonment for 1 year 3 days"
    assert str(PeriodRow.OTHER) == "any other description"


# -- the period's end: "beginning with" the relevant date -----------------------------------


@pytest.mark.parametrize(
    ("disposal", "under_18", "relevant", "last_day"),
    [
        (term(months=18), False, D(2025, 3, 14), D(2035, 3, 13)),  # 10 years
        # 7 years beginning with 29 February 2024: the 7 years after 28
        # February 2024 (DESIGN, counting), not a day short
        (term(months=3), False, D(2024, 2, 29), D(2031, 2, 28)),
        (OtherDisposal(), False, D(2025, 1, 31), D(2030, 1, 30)),  # month end
        (OtherDisposal(), False, D(2025, 1, 1), D(2029, 12, 31)),
        # 2y6m after 30 August 2024: no 30 February, so the end of February
        (OtherDisposal(), True, D(2024, 8, 31), D(2027, 2, 28)),
        (term(months=6), True, D(2024, 8, 31), D(2028, 2, 29)),  # 3y6m, leap year
        (OtherDisposal(), False, D(2024, 3, 1), D(2029, 2, 28)),  # 5 years from 1 March
        (
            CommunityPaybackOrder(Duration(months=18)),
            False,
            D(2025, 3, 14),
            D(2026, 9, 13),
        ),
    ],
)
def test_ends_on(disposal: object, under_18: bool, relevant: D, last_day: D) -> None:
    assert period(disposal, under_18=under_18).ends_on(relevant) == last_day


def test_end_beyond_the_calendar() -> None:
    with pytest.raises(InvalidValueError, match="outside the years 1 to 9999"):
        period(OtherDisposal()).ends_on(D.max)


def test_indefinite_has_no_end() -> None:
    with pytest.raises(NotApplicable, match="no end date"):
        period(LifeImprisonment()).ends_on(D(2025, 1, 1))


def test_notification_period_value_checks() -> None:
    # A period checks its own shape; which rows are indefinite or halved is
    # the rulebook's to say (rules notification.period.indefinite and
    # notification.under_18.rows).
    citation = DEFAULT_RULEBOOK.citation("notification.period.other")
    with pytest.raises(InvalidValueError, match="never halved"):
        NotificationPeriod(
            length=None, row=PeriodRow.LIFE, rule="r", citation=citation, halved=True
        )
    assert PeriodRow.LIFE.indefinite
    assert not PeriodRow.CAUTION.indefinite


def test_the_table_structure_is_a_rule() -> None:
    """Which rows are indefinite and which are halved are rules a caller
    can replace (a corrected reading, say), not logic."""
    book = DEFAULT_RULEBOOK.with_value(
        "notification.under_18.rows", ("OTHER",), reason="a test"
    )
    assert not notification_period(term(months=3), under_18=True, rulebook=book).halved
    assert notification_period(OtherDisposal(), under_18=True, rulebook=book).halved
    wider = DEFAULT_RULEBOOK.with_value(
        "notification.period.indefinite",
        (*DEFAULT_RULEBOOK.texts("notification.period.indefinite"), "HOSPITAL"),
        reason="a test",
    )
    hospital = HospitalOrder(restriction_order=False)
    assert not notification_period(hospital, under_18=False).indefinite
    assert notification_period(hospital, under_18=False, rulebook=wider).indefinite


# -- s.82(3)-(4): several terms --------------------------------------------------------------


def test_consecutive_terms_are_summed() -> None:
    combined = combine_terms([term(months=4), term(months=3), term(days=10)])
    assert combined == term(months=7, days=10)
    # 18 + 14 months consecutive = 32 months: indefinite though each is not
    assert period(combine_terms([term(months=18), term(months=14)])).indefinite
    assert combine_terms([term(months=8)], overlaps=[]) == term(months=8)
    assert combine_terms([term(years=1, months=8), term(years=1, months=6)]) == term(
        years=3, months=2
    )


def test_partly_concurrent_terms() -> None:
    # X + Y - Z: 20 + 20 - 12 = 28 months (10 years); - 8 = 32 months (indefinite)
    assert combine_terms(
        [term(months=20), term(months=20)], overlaps=[Duration(months=12)]
    ) == (term(years=2, months=4))
    assert period(
        combine_terms([term(months=20), term(months=20)], overlaps=[Duration(months=8)])
    ).indefinite
    assert combine_terms(
        [term(days=100), term(days=50), term(days=30)],
        overlaps=[Duration(weeks=2), None],
    ) == term(days=166)


@pytest.mark.parametrize(
    ("terms", "overlaps", "error", "match"),
    [
        ([], None, InvalidValueError, "must not be empty"),
        (
            [term(months=6)],
            [Duration(months=1)],
            InvalidValueError,
            "per neighbouring pair",
        ),
        (
            [term(months=6), term(months=6)],
            [Duration(months=6)],
            InvalidValueError,
            "shorter than each",
        ),
        (
            [term(months=6), term(months=3)],
            [Duration(months=4)],
            InvalidValueError,
            "shorter than each",
        ),
        (
            [term(months=6), term(months=6)],
            [Duration(days=20)],
            InvalidValueError,
            "same units",
        ),
        ([term(months=6), term(months=6)], "x", InvalidTypeError, "sequence"),
        ([term(months=6), term(months=6)], 3, InvalidTypeError, "sequence"),
        ([term(months=6), term(months=6)], [3], InvalidTypeError, r"overlaps\[0\]"),
        ([term(months=6), 6], None, InvalidTypeError, r"terms\[1\]"),
    ],
)
def test_combine_terms_errors(
    terms: object, overlaps: object, error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        combine_terms(terms, overlaps=overlaps)  # type: ignore[arg-type]


# -- s.83: initial notification -------------------------------------------------------------


@pytest.mark.parametrize(
    ("relevant", "due"),
    [
        (D(2025, 3, 14), D(2025, 3, 16)),  # day 1 is the relevant date
        (D(2025, 2, 27), D(2025, 3, 1)),  # across a month end
        (D(2024, 2, 28), D(2024, 3, 1)),  # through 29 February
        (D(2024, 2, 29), D(2024, 3, 2)),
        (D(2025, 12, 30), D(2026, 1, 1)),
        (D(2004, 5, 1), D(2004, 5, 3)),  # the day Part 2 began in Scotland
    ],
)
def test_initial_notification(relevant: D, due: D) -> None:
    deadline = initial_notification_due(relevant)
    assert deadline.due == due
    assert deadline.rule == "notification.initial"
    assert deadline.citation.pinpoint == "s.83(1), (6)"
    assert deadline.days_added == 0
    assert not deadline.unconfirmed


def test_initial_notification_before_commencement() -> None:
    with pytest.raises(RuleNotInForce):
        initial_notification_due(D(2004, 4, 30))


@pytest.mark.parametrize(
    ("ranges", "due", "added"),
    [
        # in custody 14-20 March: counted days are 21, 22, 23
        ([(D(2025, 3, 14), D(2025, 3, 20))], D(2025, 3, 23), 7),
        # a gap: day 1 = 14th, 15-16 excluded, days 2-3 = 17th, 18th
        ([(D(2025, 3, 15), D(2025, 3, 16))], D(2025, 3, 18), 2),
        # overlapping ranges, out of order, are merged: 14-18 excluded
        (
            [(D(2025, 3, 16), D(2025, 3, 18)), (D(2025, 3, 14), D(2025, 3, 16))],
            D(2025, 3, 21),
            5,
        ),
        # touching ranges merge too
        (
            [(D(2025, 3, 14), D(2025, 3, 15)), (D(2025, 3, 16), D(2025, 3, 16))],
            D(2025, 3, 19),
            3,
        ),
        # a range before the relevant date, or after the deadline, changes nothing
        ([(D(2025, 3, 1), D(2025, 3, 13))], D(2025, 3, 16), 0),
        ([(D(2025, 3, 17), D(2025, 4, 1))], D(2025, 3, 16), 0),
        # a range that began before the relevant date counts from it
        ([(D(2025, 3, 1), D(2025, 3, 14))], D(2025, 3, 17), 1),
        # a range inside another
        (
            [(D(2025, 3, 14), D(2025, 3, 20)), (D(2025, 3, 15), D(2025, 3, 16))],
            D(2025, 3, 23),
            7,
        ),
    ],
)
def test_initial_notification_excluded(
    ranges: list[tuple[D, D]], due: D, added: int
) -> None:
    deadline = initial_notification_due(
        D(2025, 3, 14), excluded=[DateRange(a, b) for a, b in ranges]
    )
    assert (deadline.due, deadline.days_added) == (due, added)


def test_date_range_checks() -> None:
    with pytest.raises(InvalidValueError, match="must not be before its start"):
        DateRange(D(2025, 3, 20), D(2025, 3, 14))
    with pytest.raises(InvalidTypeError):
        DateRange(dt.datetime(2025, 3, 14), D(2025, 3, 20))
    one = DateRange(D(2025, 3, 14), D(2025, 3, 14))
    assert one.days == 1
    assert one.contains(D(2025, 3, 14))
    assert not one.contains(D(2025, 3, 15))
    pair: object = [(D(2025, 3, 14), D(2025, 3, 15))]
    with pytest.raises(InvalidTypeError):
        initial_notification_due(D(2025, 3, 14), excluded=pair)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        initial_notification_due(dt.datetime(2025, 3, 14))


def test_initial_notification_at_the_end_of_the_calendar() -> None:
    with pytest.raises(InvalidValueError, match="outside the dates"):
        initial_notification_due(D.max)
    with pytest.raises(InvalidValueError, match="outside the dates"):
        initial_notification_due(
            D(9999, 12, 1), excluded=[DateRange(D(9999, 12, 1), D.max)]
        )


def test_counted_days_rule_must_be_days() -> None:
    book = DEFAULT_RULEBOOK.with_value(
        "notification.initial", Duration(months=1), reason="test"
    )
    with pytest.raises(InvalidValueError, match="number of days"):
        initial_notification_due(D(2025, 3, 14), rulebook=book)


# -- s.84: changes ---------------------------------------------------------------------------


def test_change_notification() -> None:
    deadline = change_notification_due(D(2025, 2, 27))
    assert deadline.due == D(2025, 3, 1)
    assert deadline.citation.pinpoint == "s.84(1), (5)"
    abroad = DateRange(D(2025, 2, 28), D(2025, 3, 5))
    assert change_notification_due(D(2025, 2, 27), excluded=[abroad]).due == D(
        2025, 3, 7
    )


# -- s.85: periodic notification --------------------------------------------------------------


@pytest.mark.parametrize(
    ("last", "no_fixed_abode", "due"),
    [
        (D(2025, 3, 14), False, D(2026, 3, 14)),  # one year *after*: the anniversary
        (D(2024, 2, 29), False, D(2025, 2, 28)),
        (D(2023, 2, 28), False, D(2024, 2, 28)),
        (D(2025, 3, 14), True, D(2025, 3, 21)),  # 7 days after (SSI 2013/216 reg. 2)
        (D(2025, 12, 28), True, D(2026, 1, 4)),
        (D(2013, 7, 8), True, D(2013, 7, 15)),  # first day the 7-day rule applies
    ],
)
def test_periodic_notification(last: D, no_fixed_abode: bool, due: D) -> None:
    deadline = periodic_notification_due(last, no_fixed_abode=no_fixed_abode)
    assert deadline.due == due
    assert not deadline.unconfirmed


def test_no_fixed_abode_rule_starts_8_july_2013() -> None:
    with pytest.raises(RuleNotInForce):
        periodic_notification_due(D(2013, 7, 7), no_fixed_abode=True)
    deadline = periodic_notification_due(D(2025, 1, 1), no_fixed_abode=True)
    assert deadline.citation.document.startswith(
        "Sexual Offences Act 2003 (Notification"
    )


def test_periodic_extended_after_custody() -> None:
    # s.85(3): the year would end in custody: 3 days beginning with the day after
    custody = DateRange(D(2026, 3, 1), D(2026, 4, 10))
    deadline = periodic_notification_due(D(2025, 3, 14), excluded=[custody])
    assert (deadline.due, deadline.days_added) == (D(2026, 4, 13), 30)
    # custody that ends before the due date changes nothing
    early = DateRange(D(2026, 1, 1), D(2026, 3, 13))
    assert periodic_notification_due(D(2025, 3, 14), excluded=[early]).due == D(
        2026, 3, 14
    )


# -- foreign travel (unconfirmed) ---------------------------------------------------------------


def test_foreign_travel_notice() -> None:
    notice = foreign_travel_notice(D(2025, 8, 1))
    assert notice.due == D(2025, 7, 25)
    assert notice.minimum_notice_hours == 12  # SSI 2013/216 reg. 3(2)(b): 12 for 24
    assert notice.unconfirmed
    assert notice.rule == "notification.foreign_travel.notice"


# -- s.88B: date of discharge ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("relevant", "under_18", "due"),
    [
        (D(2025, 3, 14), False, D(2040, 3, 14)),  # 15 years *after* the relevant date
        (D(2025, 3, 14), True, D(2033, 3, 14)),  # 8 years if under 18 then
        (D(2024, 2, 29), False, D(2039, 2, 28)),
        (D(2024, 2, 29), True, D(2032, 2, 29)),
    ],
)
def test_review_date(relevant: D, under_18: bool, due: D) -> None:
    deadline = review_date(relevant, under_18=under_18)
    assert deadline.due == due
    assert deadline.citation.pinpoint.startswith("s.88B(1)")
    assert not deadline.unconfirmed


def test_review_date_disregards_custody_before_first_notification() -> None:
    custody = [
        DateRange(D(2025, 1, 1), D(2025, 3, 20)),  # from before the relevant date
        DateRange(D(2027, 1, 1), D(2027, 1, 10)),  # after first notification: ignored
    ]
    deadline = review_date(
        D(2025, 3, 14),
        under_18=False,
        first_notification=D(2025, 3, 23),
        excluded=custody,
    )
    assert deadline.days_added == 7  # 14-20 March
    assert deadline.due == D(2040, 3, 21)
    same_day = review_date(
        D(2025, 3, 14),
        under_18=False,
        first_notification=D(2025, 3, 14),
        excluded=custody,
    )
    assert same_day.days_added == 0


def test_review_date_from_first_notification() -> None:
    deadline = review_date(
        D(2025, 3, 14),
        under_18=False,
        reckoning=ReviewReckoning.FROM_FIRST_NOTIFICATION,
        first_notification=D(2027, 6, 1),
    )
    assert deadline.due == D(2042, 6, 1)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        (
            {"reckoning": ReviewReckoning.FROM_FIRST_NOTIFICATION},
            "needs first_notification",
        ),
        (
            {
                "reckoning": ReviewReckoning.FROM_FIRST_NOTIFICATION,
                "first_notification": D(2025, 4, 1),
                "excluded": [DateRange(D(2025, 3, 14), D(2025, 3, 20))],
            },
            "only when counting from the relevant date",
        ),
        (
            {"excluded": [DateRange(D(2025, 3, 14), D(2025, 3, 20))]},
            "pass first_notification",
        ),
        ({"first_notification": D(2025, 3, 13)}, "must not be before"),
    ],
)
def test_review_date_errors(kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(InvalidValueError, match=match):
        review_date(D(2025, 3, 14), under_18=False, **kwargs)  # type: ignore[arg-type]


def test_review_reckoning_must_be_a_member() -> None:
    with pytest.raises(InvalidTypeError):
        review_date(D(2025, 3, 14), under_18=False, reckoning="from the relevant date")  # type: ignore[arg-type]


# -- schedules ---------------------------------------------------------------------------------


def test_schedule_for_a_fixed_period() -> None:
    schedule = notification_schedule(
        term(months=3), D(2025, 3, 14), under_18=True, first_notification=D(2025, 3, 16)
    )
    assert schedule.period.length == Duration(years=3, months=6)
    assert schedule.ends_on == D(2028, 9, 13)
    assert schedule.initial.due == D(2025, 3, 16)
    assert schedule.due_dates == (D(2026, 3, 16), D(2027, 3, 16), D(2028, 3, 16))
    assert all(isinstance(d, Deadline) for d in schedule.periodic)


def test_schedule_for_an_indefinite_period_needs_a_horizon() -> None:
    with pytest.raises(InvalidValueError, match="horizon"):
        notification_schedule(
            LifeImprisonment(),
            D(2025, 3, 14),
            under_18=False,
            first_notification=D(2025, 3, 14),
        )
    schedule = notification_schedule(
        LifeImprisonment(),
        D(2025, 3, 14),
        under_18=False,
        first_notification=D(2025, 3, 14),
        horizon=D(2030, 3, 14),
    )
    assert schedule.ends_on is None
    assert len(schedule.periodic) == 5
    assert schedule.due_dates[-1] == D(2030, 3, 14)


def test_schedule_weekly_and_edge_cases() -> None:
    weekly = notification_schedule(
        OtherDisposal(),
        D(2025, 3, 14),
        under_18=False,
        first_notification=D(2025, 3, 14),
        no_fixed_abode=True,
        horizon=D(2025, 4, 30),
    )
    assert weekly.due_dates[0] == D(2025, 3, 21)
    assert len(weekly.periodic) == 6
    late = notification_schedule(
        OtherDisposal(),
        D(2025, 3, 14),
        under_18=False,
        first_notification=D(2031, 1, 1),
    )
    assert late.periodic == ()
    to_the_end = notification_schedule(
        LifeImprisonment(),
        D(2025, 3, 14),
        under_18=False,
        first_notification=D(9990, 1, 1),
        horizon=D.max,
    )
    assert to_the_end.due_dates[-1] == D(9999, 1, 1)
    with pytest.raises(InvalidValueError, match="must not be before"):
        notification_schedule(
            OtherDisposal(),
            D(2025, 3, 14),
            under_18=False,
            first_notification=D(2025, 3, 13),
        )


# -- properties ------------------------------------------------------------------------------

dates = st.dates(min_value=D(2004, 5, 1), max_value=D(2200, 12, 31))
month_terms = st.integers(min_value=1, max_value=600).map(lambda m: term(months=m))
disposals = st.one_of(
    month_terms,
    st.just(LifeImprisonment()),
    st.just(OrderForLifelongRestriction()),
    st.builds(HospitalOrder, restriction_order=st.booleans()),
    st.integers(min_value=1, max_value=60).map(
        lambda m: CommunityPaybackOrder(Duration(months=m))
    ),
    st.just(OtherDisposal()),
)


def reference_row(months: int) -> PeriodRow:
    """The s.82(1) table for a term in whole months, as plainly as it reads."""
    if months >= 30:
        return PeriodRow.TERM_30_MONTHS_OR_MORE
    if months <= 6:
        return PeriodRow.TERM_6_MONTHS_OR_LESS
    return PeriodRow.TERM_OVER_6_MONTHS


def last_day(result: NotificationPeriod, start: D) -> D:
    return D.max if result.indefinite else result.ends_on(start)


@given(st.integers(min_value=1, max_value=1200))
def test_whole_month_terms_match_the_reference(months: int) -> None:
    assert period(term(months=months)).row is reference_row(months)


@given(a=month_terms, extra=st.integers(min_value=0, max_value=100), start=dates)
def test_a_longer_sentence_never_gives_a_shorter_period(
    a: Imprisonment, extra: int, start: D
) -> None:
    b = term(months=a.months + extra)
    for under_18 in (False, True):
        assert last_day(period(a, under_18=under_18), start) <= last_day(
            period(b, under_18=under_18), start
        )


@settings(max_examples=60, deadline=None)
@given(
    months=st.integers(min_value=0, max_value=40),
    days=st.integers(min_value=0, max_value=400),
    more=st.integers(min_value=0, max_value=60),
    start=st.dates(min_value=D(2004, 5, 1), max_value=D(2100, 1, 1)),
)
def test_longer_terms_with_days_never_give_shorter_periods(
    months: int, days: int, more: int, start: D
) -> None:
    if not months and not days:
        days = 1
    shorter = period(term(months=months, days=days), on=start)
    longer = period(term(months=months, days=days + more), on=start)
    assert last_day(shorter, start) <= last_day(longer, start)


@settings(max_examples=60, deadline=None)
@given(
    months=st.integers(min_value=0, max_value=32),
    days=st.integers(min_value=1, max_value=200),
    start=st.dates(min_value=D(2004, 5, 1), max_value=D(2100, 1, 1)),
)
def test_dateless_answer_agrees_with_every_date(
    months: int, days: int, start: D
) -> None:
    sentence = term(months=months, days=days)
    dated = period(sentence, on=start)
    try:
        dateless = period(sentence)
    except InvalidValueError:
        return
    assert dateless.row is dated.row


@given(disposal=disposals, start=dates)
def test_under_18_never_longer_than_adult(disposal: object, start: D) -> None:
    adult = period(disposal)
    child = period(disposal, under_18=True)
    assert last_day(child, start) <= last_day(adult, start)
    assert child.row is adult.row


@given(disposal=disposals, start=dates)
def test_fixed_period_is_the_period_after_the_day_before(
    disposal: object, start: D
) -> None:
    """DESIGN, counting: N beginning with D is N after D-1, a month end
    counting to the month end (so never a day short)."""
    result = period(disposal)
    if result.indefinite:
        return
    assert result.length is not None
    day_before = start - dt.timedelta(days=1)
    reference = day_before + result.length.relativedelta
    if (day_before + dt.timedelta(days=1)).day == 1:  # D-1 is a month end
        reference += relativedelta(day=31)
    end = result.ends_on(start)
    assert end == reference
    assert end >= start
    assert end in (
        start + result.length.relativedelta - dt.timedelta(days=1),
        start + result.length.relativedelta,
    )


ranges = st.lists(
    st.tuples(
        st.integers(min_value=-5, max_value=20), st.integers(min_value=0, max_value=10)
    ),
    max_size=4,
)


def reference_initial(start: D, blocks: list[DateRange]) -> D:
    """Walk day by day: day 1 is *start*; excluded days are not counted."""
    counted, day = 0, start
    while True:
        if not any(b.start <= day <= b.end for b in blocks):
            counted += 1
            if counted == 3:
                return day
        day += dt.timedelta(days=1)


@given(start=dates, spans=ranges)
def test_initial_notification_matches_a_day_by_day_walk(
    start: D, spans: list[tuple[int, int]]
) -> None:
    blocks = [
        DateRange(start + dt.timedelta(days=a), start + dt.timedelta(days=a + n))
        for a, n in spans
    ]
    deadline = initial_notification_due(start, excluded=blocks)
    assert deadline.due == reference_initial(start, blocks)
    assert deadline.due - start == dt.timedelta(days=2 + deadline.days_added)


@given(start=dates, later=st.integers(min_value=0, max_value=400))
def test_a_later_change_never_gives_an_earlier_deadline(start: D, later: int) -> None:
    assert (
        change_notification_due(start).due
        <= change_notification_due(start + dt.timedelta(days=later)).due
    )


@given(
    terms=st.lists(
        st.tuples(st.integers(0, 5), st.integers(0, 11), st.integers(0, 40)).filter(
            any
        ),
        min_size=1,
        max_size=4,
    )
)
def test_consecutive_terms_sum_exactly(terms: list[tuple[int, int, int]]) -> None:
    combined = combine_terms([term(*t) for t in terms])
    assert combined.years * 12 + combined.months == sum(y * 12 + m for y, m, _ in terms)
    assert combined.days == sum(d for _, _, d in terms)


@settings(max_examples=40, deadline=None)
@given(disposal=disposals, start=dates, first=st.integers(min_value=0, max_value=10))
def test_schedule_steps_a_year_and_stays_inside_the_period(
    disposal: object, start: D, first: int
) -> None:
    first_notification = start + dt.timedelta(days=first)
    horizon = start + relativedelta(years=20)
    schedule = notification_schedule(
        disposal,  # type: ignore[arg-type]
        start,
        under_18=False,
        first_notification=first_notification,
        horizon=horizon,
    )
    previous = first_notification
    for due in schedule.due_dates:
        assert due == previous + relativedelta(years=1)
        previous = due
    limit = horizon if schedule.ends_on is None else min(horizon, schedule.ends_on)
    assert all(due <= limit for due in schedule.due_dates)
    assert previous + relativedelta(years=1) > limit


# -- the schedule agrees with the deadline functions -------------------------------


def test_schedule_counts_custody_like_the_initial_deadline() -> None:
    # Convicted and imprisoned on the same day: the 3 days begin after custody.
    custody = DateRange(D(2025, 3, 14), D(2025, 3, 20))
    schedule = notification_schedule(
        term(months=3),
        D(2025, 3, 14),
        under_18=False,
        first_notification=D(2025, 3, 22),
        excluded=[custody],
    )
    assert schedule.initial == initial_notification_due(
        D(2025, 3, 14), excluded=[custody]
    )
    assert schedule.initial.due == D(2025, 3, 23)
    assert schedule.initial.days_added == 7


def test_schedule_repr_is_short() -> None:
    weekly = notification_schedule(
        LifeImprisonment(),
        D(2025, 3, 14),
        under_18=False,
        first_notification=D(2025, 3, 15),
        no_fixed_abode=True,
        horizon=D(2045, 3, 14),
    )
    assert len(weekly.periodic) > 1000
    assert len(repr(weekly)) < 300
    assert "deadlines" in repr(weekly)


spans = st.tuples(dates, st.integers(min_value=0, max_value=800)).map(
    lambda pair: DateRange(pair[0], pair[0] + dt.timedelta(days=pair[1]))
)


@settings(max_examples=60, deadline=None)
@given(
    disposal=disposals,
    start=dates,
    first=st.integers(min_value=0, max_value=30),
    no_fixed_abode=st.booleans(),
    excluded=st.lists(spans, max_size=4),
)
def test_schedule_agrees_with_the_deadline_functions(
    disposal: object,
    start: D,
    first: int,
    no_fixed_abode: bool,
    excluded: list[DateRange],
) -> None:
    if no_fixed_abode:
        start = max(start, D(2013, 7, 8))  # SSI 2013/216 reg. 2 applies from then
    first_notification = start + dt.timedelta(days=first)
    horizon = start + relativedelta(years=3 if no_fixed_abode else 30)
    schedule = notification_schedule(
        disposal,  # type: ignore[arg-type]
        start,
        under_18=False,
        first_notification=first_notification,
        no_fixed_abode=no_fixed_abode,
        excluded=excluded,
        horizon=horizon,
    )
    assert schedule.initial == initial_notification_due(start, excluded=excluded)
    previous = first_notification
    for deadline in schedule.periodic:
        assert deadline == periodic_notification_due(
            previous, no_fixed_abode=no_fixed_abode, excluded=excluded
        )
        previous = deadline.due
    limit = horizon if schedule.ends_on is None else min(horizon, schedule.ends_on)
    following = periodic_notification_due(
        previous, no_fixed_abode=no_fixed_abode, excluded=excluded
    )
    assert following.due > limit


def test_results_carry_their_citations_in_one_shape() -> None:
    halved = notification_period(term(years=1), under_18=True)
    assert halved.halved
    assert halved.citations == (halved.citation, halved.halving_citation)
    whole = notification_period(term(years=1), under_18=False)
    assert whole.citations == (whole.citation,)
    notice = foreign_travel_notice(D(2025, 8, 1))
    assert notice.citations == (notice.citation,)


def test_schedule_prints_its_short_repr_in_ipython() -> None:
    schedule = notification_schedule(
        OtherDisposal(),
        D(2025, 3, 14),
        under_18=True,
        first_notification=D(2025, 3, 15),
    )

    class Printer:
        def __init__(self) -> None:
            self.parts: list[str] = []

        def text(self, part: str) -> None:
            self.parts.append(part)

    printer = Printer()
    schedule._repr_pretty_(printer, False)
    assert printer.parts == [repr(schedule)]
    empty = notification_schedule(
        OtherDisposal(),
        D(2025, 3, 14),
        under_18=True,
        first_notification=D(2025, 3, 15),
        horizon=D(2025, 6, 1),
    )
    assert "<0 deadlines: none>" in repr(empty)


# ---------------------------------------------------------------------------
# Boundaries, accumulations and errors (mutation testing, docs/testing.md)
# ---------------------------------------------------------------------------


def test_review_date_adds_every_excluded_period_before_the_first_notification() -> None:
    # s.88B(2): time in custody etc. before the first notification is
    # disregarded. Relevant date 14 March 2025; custody 14-20 March (7
    # days) and 1-10 April (10 days); first notification 1 May 2025. The
    # 15 years end 14 March 2040; 17 days on: 31 March 2040.
    blocks = [
        DateRange(D(2025, 4, 1), D(2025, 4, 10)),
        DateRange(D(2025, 3, 14), D(2025, 3, 20)),
    ]
    deadline = review_date(
        D(2025, 3, 14),
        under_18=False,
        first_notification=D(2025, 5, 1),
        excluded=blocks,
    )
    assert (deadline.due, deadline.days_added) == (D(2040, 3, 31), 17)
    assert deadline.rule == "notification.review.adult"


def test_review_date_counts_up_to_the_day_before_the_first_notification() -> None:
    # A block ending the day before the first notification counts whole;
    # one running past it counts to that day; one starting on it counts
    # nothing; one starting before the relevant date counts from it.
    relevant, first = D(2025, 3, 14), D(2025, 3, 24)
    cases = [
        (DateRange(D(2025, 3, 20), D(2025, 3, 23)), 4),
        (DateRange(D(2025, 3, 20), D(2025, 3, 30)), 4),
        (DateRange(D(2025, 3, 24), D(2025, 3, 30)), 0),
        (DateRange(D(2025, 3, 10), D(2025, 3, 14)), 1),
        (DateRange(D(2025, 3, 10), D(2025, 3, 13)), 0),
    ]
    for block, days in cases:
        deadline = review_date(
            relevant, under_18=False, first_notification=first, excluded=[block]
        )
        assert deadline.days_added == days, block
        assert deadline.due == D(2040, 3, 14) + dt.timedelta(days=days)
    # First notification on the relevant date: nothing before it to disregard.
    same_day = review_date(
        relevant,
        under_18=True,
        first_notification=relevant,
        excluded=[DateRange(relevant, D(2025, 3, 30))],
    )
    assert (same_day.due, same_day.days_added) == (D(2033, 3, 14), 0)
    assert same_day.rule == "notification.review.under_18"


def test_review_date_errors_name_the_rule() -> None:
    relevant = D(2025, 3, 14)
    block = [DateRange(relevant, D(2025, 3, 20))]
    with raises(
        InvalidValueError,
        rule="notification.review.adult",
        words=["first_notification", "must not be", "before the relevant date"],
        value=D(2025, 3, 13),
    ):
        review_date(relevant, under_18=False, first_notification=D(2025, 3, 13))
    with raises(
        InvalidValueError,
        rule="notification.review.under_18",
        words=["counting from the first notification", "needs first_notification"],
    ):
        review_date(
            relevant, under_18=True, reckoning=ReviewReckoning.FROM_FIRST_NOTIFICATION
        )
    with raises(
        InvalidValueError,
        rule="notification.review.adult",
        words=[
            "excluded periods are disregarded only when counting from the",
            "relevant date",
            "(s.88B(2))",
        ],
    ):
        review_date(
            relevant,
            under_18=False,
            reckoning=ReviewReckoning.FROM_FIRST_NOTIFICATION,
            first_notification=relevant,
            excluded=block,
        )
    with raises(
        InvalidValueError,
        rule="notification.review.adult",
        words=[
            "time is disregarded only before the first notification",
            "(s.88B(2)):",
            "pass first_notification with excluded",
        ],
    ):
        review_date(relevant, under_18=False, excluded=block)


def test_review_date_from_the_first_notification_counts_its_years() -> None:
    deadline = review_date(
        D(2025, 3, 14),
        under_18=False,
        reckoning=ReviewReckoning.FROM_FIRST_NOTIFICATION,
        first_notification=D(2025, 3, 17),
    )
    assert (deadline.due, deadline.days_added) == (D(2040, 3, 17), 0)


def test_bad_arguments_name_the_parameter() -> None:
    with raises(InvalidTypeError, param="relevant_date", words=["relevant_date"]):
        review_date("2025-03-14", under_18=False)  # type: ignore[arg-type]
    with raises(InvalidTypeError, param="under_18", words=["under_18"]):
        review_date(D(2025, 3, 14), under_18=None)  # type: ignore[arg-type]
    with raises(InvalidTypeError, param="first_notification"):
        review_date(D(2025, 3, 14), under_18=False, first_notification="x")  # type: ignore[arg-type]
    with raises(InvalidTypeError, param="relevant_date"):
        initial_notification_due("2025-03-14")  # type: ignore[arg-type]
    with raises(InvalidTypeError, param="change_date"):
        change_notification_due("2025-03-14")  # type: ignore[arg-type]


LATER = D(2030, 1, 1)


def _future(book: object, name: str, value: object) -> object:
    return book.with_value(name, value, reason="future", applies_from=LATER)  # type: ignore[attr-defined]


def test_deadlines_read_each_rule_as_at_the_event() -> None:
    # DESIGN: a version that starts after the event's date never changes
    # the answer. Versions from 2030 leave 2025 events as the statute
    # gives them (s.85(1), (3); SSI 2004/205 reg. 5).
    book = DEFAULT_RULEBOOK
    for name, value in (
        ("notification.periodic", Duration(months=6)),
        ("notification.periodic.release_extension", Duration(days=10)),
        ("notification.foreign_travel.notice", Duration(days=14)),
        ("notification.foreign_travel.minimum_notice_hours", 48),
    ):
        book = _future(book, name, value)  # type: ignore[assignment]
    periodic = periodic_notification_due(D(2025, 3, 14), rulebook=book)  # type: ignore[arg-type]
    assert periodic.due == D(2026, 3, 14)
    assert periodic.citation == DEFAULT_RULEBOOK.citation("notification.periodic")
    custody = [DateRange(D(2026, 3, 1), D(2026, 3, 20))]
    extended = periodic_notification_due(
        D(2025, 3, 14), excluded=custody, rulebook=book
    )  # type: ignore[arg-type]
    assert (extended.due, extended.days_added) == (D(2026, 3, 23), 9)
    notice = foreign_travel_notice(D(2025, 8, 1), rulebook=book)  # type: ignore[arg-type]
    assert (notice.due, notice.minimum_notice_hours) == (D(2025, 7, 25), 12)
    assert notice.citation == DEFAULT_RULEBOOK.citation(
        "notification.foreign_travel.notice"
    )
    # From 2030 the new versions apply.
    assert periodic_notification_due(D(2030, 3, 14), rulebook=book).due == D(
        2030, 9, 14
    )  # type: ignore[arg-type]
    assert (
        foreign_travel_notice(D(2030, 8, 1), rulebook=book).minimum_notice_hours == 48
    )  # type: ignore[arg-type]


def test_periodic_extension_only_when_the_year_ends_in_custody() -> None:
    # The year from 14 March 2025 ends 14 March 2026 (s.85(1)). Custody
    # ending the day before leaves it; custody covering it extends to the
    # 3 days beginning with the day after release (s.85(3)).
    before = [DateRange(D(2026, 3, 1), D(2026, 3, 13))]
    plain = periodic_notification_due(D(2025, 3, 14), excluded=before)
    assert (plain.due, plain.days_added) == (D(2026, 3, 14), 0)
    on_the_day = [DateRange(D(2026, 3, 14), D(2026, 3, 14))]
    moved = periodic_notification_due(D(2025, 3, 14), excluded=on_the_day)
    assert (moved.due, moved.days_added) == (D(2026, 3, 17), 3)


def test_dates_past_the_end_of_time_name_the_rule() -> None:
    cases = [
        (lambda: periodic_notification_due(D(9999, 6, 1)), "notification.periodic"),
        (
            lambda: foreign_travel_notice(D(1, 1, 3)),
            "notification.foreign_travel.notice",
        ),
        (
            lambda: review_date(D(9990, 1, 1), under_18=False),
            "notification.review.adult",
        ),
        (
            lambda: review_date(
                D(9980, 1, 1),
                under_18=True,
                reckoning=ReviewReckoning.FROM_FIRST_NOTIFICATION,
                first_notification=D(9995, 1, 1),
            ),
            "notification.review.under_18",
        ),
    ]
    for call, rule in cases:
        with raises(InvalidValueError, rule=rule, words=[rule]):
            call()
    # The years fit; the disregarded days push past 31 December 9999.
    with raises(
        InvalidValueError,
        rule="notification.review.adult",
        words=[
            "rule 'notification.review.adult': the date is outside the dates Python can represent"
        ],
        value=D(9999, 12, 20),
    ):
        review_date(
            D(9984, 12, 20),
            under_18=False,
            first_notification=D(9985, 2, 1),
            excluded=[DateRange(D(9984, 12, 20), D(9985, 1, 20))],
        )


def test_periodic_release_extension_past_the_end_of_time() -> None:
    with raises(InvalidValueError, rule="notification.periodic.release_extension"):
        periodic_notification_due(
            D(9998, 12, 31), excluded=[DateRange(D(9999, 12, 1), D(9999, 12, 31))]
        )


def test_travel_notice_is_unconfirmed_if_either_rule_is() -> None:
    names = (
        "notification.foreign_travel.notice",
        "notification.foreign_travel.minimum_notice_hours",
    )
    for confirmed in names:
        book = DEFAULT_RULEBOOK
        for name in names:
            rule = book.rule(name)
            book = book.with_rule(attrs.evolve(rule, unconfirmed=name != confirmed))
        assert foreign_travel_notice(D(2025, 8, 1), rulebook=book).unconfirmed
    book = DEFAULT_RULEBOOK
    for name in names:
        book = book.with_rule(attrs.evolve(book.rule(name), unconfirmed=False))
    assert not foreign_travel_notice(D(2025, 8, 1), rulebook=book).unconfirmed


def test_more_arguments_name_the_parameter() -> None:
    with raises(
        InvalidTypeError, param="last_notification", words=["last_notification"]
    ):
        periodic_notification_due("2025-03-14")  # type: ignore[arg-type]
    with raises(InvalidTypeError, param="no_fixed_abode", words=["no_fixed_abode"]):
        periodic_notification_due(D(2025, 3, 14), no_fixed_abode=1)  # type: ignore[arg-type]
    with raises(InvalidTypeError, param="excluded", words=["excluded"]):
        periodic_notification_due(D(2025, 3, 14), excluded=[1])  # type: ignore[list-item]
    with raises(InvalidTypeError, param="excluded", words=["excluded"]):
        review_date(D(2025, 3, 14), under_18=False, excluded=[1])  # type: ignore[list-item]
    with raises(InvalidTypeError, param="reckoning", words=["reckoning"]):
        review_date(D(2025, 3, 14), under_18=False, reckoning="x")  # type: ignore[arg-type]
    with raises(InvalidTypeError, param="departure", words=["departure"]):
        foreign_travel_notice("2025-08-01")  # type: ignore[arg-type]
    with raises(InvalidTypeError, param="relevant_date", words=["relevant_date"]):
        notification_schedule(
            term(months=3),
            "2025-03-14",
            under_18=False,
            first_notification=D(2025, 3, 16),
        )  # type: ignore[arg-type]


def test_combine_terms_errors_name_the_argument() -> None:
    with raises(
        InvalidValueError, param="terms", words=["terms must not be empty"], value=0
    ):
        combine_terms([])
    with raises(
        InvalidTypeError,
        param="overlaps",
        words=["overlaps must be a sequence of Duration or None", "not str"],
    ):
        combine_terms([term(months=4), term(months=3)], overlaps="x")  # type: ignore[arg-type]
    with raises(
        InvalidTypeError,
        param="overlaps",
        words=["overlaps[1] must be a Duration or None", "not int"],
        value=1,
    ):
        combine_terms(
            [term(months=4), term(months=3), term(months=2)],
            overlaps=[None, 1],  # type: ignore[list-item]
        )
    for gaps in ([], [None, None]):
        with raises(
            InvalidValueError,
            param="overlaps",
            words=["2 terms need 1", f"got {len(gaps)}"],
            value=len(gaps),
        ):
            combine_terms([term(months=4), term(months=3)], overlaps=gaps)
    with raises(
        InvalidValueError,
        param="overlaps",
        words=[
            "overlaps[1] (45 days) must be shorter than each of the",
            "give the terms and the overlap in the same units",
        ],
        value=1,
    ):
        combine_terms(
            [term(months=4), term(months=3), term(months=2)],
            overlaps=[None, Duration(days=45)],
        )


def test_combine_terms_overlap_checked_against_both_neighbours() -> None:
    # The second pair overlaps by 2 months: shorter than the 3-month term
    # before it, not shorter than the 2-month term after it.
    with raises(InvalidValueError, param="overlaps", value=1):
        combine_terms(
            [term(months=6), term(months=3), term(months=2)],
            overlaps=[None, Duration(months=2)],
        )
    # Three terms, the first pair consecutive and the second overlapping
    # by 1 month: 6 + 3 + 2 - 1 = 10 months (s.82(3)-(4)).
    combined = combine_terms(
        [term(months=6), term(months=3), term(months=2)],
        overlaps=[None, Duration(months=1)],
    )
    assert combined == term(months=10)
    assert combine_terms([term(months=6), term(months=3), term(months=2)]) == term(
        months=11
    )


def test_schedule_errors_and_arguments() -> None:
    relevant = D(2025, 3, 14)
    with raises(
        InvalidValueError,
        rule="notification.initial",
        words=[
            "first_notification (2025-03-13) must not be",
            "before the relevant date (2025-03-14)",
        ],
        value=D(2025, 3, 13),
    ):
        notification_schedule(
            OtherDisposal(), relevant, under_18=False, first_notification=D(2025, 3, 13)
        )
    with raises(
        InvalidValueError,
        rule="notification.period.indefinite",
        words=["an indefinite notification period needs a horizon for its schedule"],
    ):
        notification_schedule(
            LifeImprisonment(), relevant, under_18=False, first_notification=relevant
        )
    for kwargs, param in (
        ({"first_notification": "x"}, "first_notification"),
        ({"first_notification": relevant, "no_fixed_abode": 1}, "no_fixed_abode"),
        ({"first_notification": relevant, "horizon": "x"}, "horizon"),
    ):
        with raises(InvalidTypeError, param=param, words=[param]):
            notification_schedule(OtherDisposal(), relevant, under_18=False, **kwargs)  # type: ignore[arg-type]


def test_schedule_includes_a_due_date_on_the_horizon() -> None:
    relevant = D(2025, 3, 14)
    on = notification_schedule(
        LifeImprisonment(),
        relevant,
        under_18=False,
        first_notification=relevant,
        horizon=D(2027, 3, 14),
    )
    assert on.due_dates == (D(2026, 3, 14), D(2027, 3, 14))
    assert on.horizon == D(2027, 3, 14)
    before = notification_schedule(
        LifeImprisonment(),
        relevant,
        under_18=False,
        first_notification=relevant,
        horizon=D(2027, 3, 13),
    )
    assert before.due_dates == (D(2026, 3, 14),)


def test_schedule_reads_the_callers_rulebook_as_at_the_dates() -> None:
    relevant = D(2025, 3, 14)
    five = DEFAULT_RULEBOOK.with_value(
        "notification.initial", Duration(days=5), reason="local"
    )
    schedule = notification_schedule(
        OtherDisposal(),
        relevant,
        under_18=False,
        first_notification=relevant,
        rulebook=five,
    )
    assert schedule.initial.due == D(2025, 3, 18)
    later = _future(DEFAULT_RULEBOOK, "notification.periodic", Duration(months=6))
    schedule = notification_schedule(
        OtherDisposal(),
        relevant,
        under_18=False,
        first_notification=relevant,
        rulebook=later,  # type: ignore[arg-type]
    )
    assert schedule.due_dates[0] == D(2026, 3, 14)
    assert schedule.periodic[0].citation == DEFAULT_RULEBOOK.citation(
        "notification.periodic"
    )
    rule = DEFAULT_RULEBOOK.rule("notification.periodic")
    flagged = DEFAULT_RULEBOOK.with_rule(attrs.evolve(rule, unconfirmed=True))
    schedule = notification_schedule(
        OtherDisposal(),
        relevant,
        under_18=False,
        first_notification=relevant,
        rulebook=flagged,
    )
    assert all(d.unconfirmed for d in schedule.periodic)
    # The period depends on the relevant date: a youth's 5 years halved.
    young = notification_schedule(
        OtherDisposal(), relevant, under_18=True, first_notification=relevant
    )
    assert young.ends_on == D(2027, 9, 13)


def test_counted_days_with_two_excluded_periods_and_each_counting() -> None:
    # 3 days beginning with Friday 14 March 2025 (s.83(1)); custody on 15
    # and on 17 March: both days added, due Tuesday 18 March.
    two = [
        DateRange(D(2025, 3, 15), D(2025, 3, 15)),
        DateRange(D(2025, 3, 17), D(2025, 3, 17)),
    ]
    deadline = initial_notification_due(D(2025, 3, 14), excluded=two)
    assert (deadline.due, deadline.days_added) == (D(2025, 3, 18), 2)
    # A block wholly before the relevant date is passed over, not the end.
    with_old = [DateRange(D(2025, 1, 1), D(2025, 1, 2)), *two]
    assert initial_notification_due(D(2025, 3, 14), excluded=with_old).days_added == 2
    # Counted *after* the change (a caller's reading): 15 to 17 March.
    rule = DEFAULT_RULEBOOK.rule("notification.change")
    after = DEFAULT_RULEBOOK.with_rule(attrs.evolve(rule, counting=Counting.AFTER))
    assert change_notification_due(D(2025, 3, 14), rulebook=after).due == D(2025, 3, 17)
    flagged = DEFAULT_RULEBOOK.with_rule(attrs.evolve(rule, unconfirmed=True))
    assert change_notification_due(D(2025, 3, 14), rulebook=flagged).unconfirmed


def test_counted_days_rule_errors_name_the_rule() -> None:
    months = DEFAULT_RULEBOOK.with_value(
        "notification.initial", Duration(months=1), reason="broken"
    )
    with raises(
        InvalidValueError,
        rule="notification.initial",
        words=[
            "rule 'notification.initial' must be a number of days counted 'beginning with' or",
            "'after'",
        ],
    ):
        initial_notification_due(D(2025, 3, 14), rulebook=months)
    rule = DEFAULT_RULEBOOK.rule("notification.initial")
    before = DEFAULT_RULEBOOK.with_rule(attrs.evolve(rule, counting=Counting.BEFORE))
    with raises(InvalidValueError, rule="notification.initial"):
        initial_notification_due(D(2025, 3, 14), rulebook=before)


def test_counted_days_read_as_at_the_event_and_past_the_end_of_time() -> None:
    later = _future(DEFAULT_RULEBOOK, "notification.initial", Duration(days=10))
    deadline = initial_notification_due(D(2025, 3, 14), rulebook=later)  # type: ignore[arg-type]
    assert deadline.due == D(2025, 3, 16)
    assert deadline.citation == DEFAULT_RULEBOOK.citation("notification.initial")
    with raises(InvalidValueError, rule="notification.initial", value=D(9999, 12, 30)):
        initial_notification_due(D(9999, 12, 30))
    with raises(InvalidValueError, rule="notification.initial"):
        initial_notification_due(
            D(9999, 12, 28), excluded=[DateRange(D(9999, 12, 29), D(9999, 12, 31))]
        )
    with raises(InvalidTypeError, param="excluded", words=["excluded"]):
        initial_notification_due(D(2025, 3, 14), excluded=[1])  # type: ignore[list-item]


def test_more_errors_name_their_rule() -> None:
    with raises(
        InvalidValueError,
        param="Imprisonment",
        words=["a term of imprisonment must not be zero: give years, months or days"],
        value=0,
    ):
        Imprisonment()
    relevant = D(2025, 3, 14)
    life = notification_period(
        LifeImprisonment(), under_18=False, relevant_date=relevant
    )
    with raises(
        NotApplicable,
        rule="notification.period.indefinite",
        words=["see review_date for the date of discharge (s.88B)"],
    ):
        life.ends_on(relevant)
    other = notification_period(OtherDisposal(), under_18=False, relevant_date=relevant)
    with raises(InvalidTypeError, param="relevant_date", words=["relevant_date"]):
        other.ends_on("2025-03-14")  # type: ignore[arg-type]
    with raises(
        InvalidValueError, rule="notification.period.other", value=D(9999, 3, 14)
    ):
        other.ends_on(D(9999, 3, 14))
    seven = DEFAULT_RULEBOOK.with_value(
        "notification.under_18.divisor", 7, reason="odd"
    )
    with raises(
        InvalidValueError,
        rule="notification.under_18.divisor",
        words=["5 years has no exact 1/7 in whole months and days"],
        value=Duration(years=5),
    ):
        notification_period(
            OtherDisposal(), under_18=True, relevant_date=relevant, rulebook=seven
        )
    # A divisor of 1 (a caller's rulebook) leaves the period whole.
    one = DEFAULT_RULEBOOK.with_value(
        "notification.under_18.divisor", 1, reason="whole"
    )
    assert notification_period(
        OtherDisposal(), under_18=True, relevant_date=relevant, rulebook=one
    ).length == Duration(years=5)


def test_periodic_flags_and_the_extension_past_the_end_of_time() -> None:
    rule = DEFAULT_RULEBOOK.rule("notification.periodic")
    flagged = DEFAULT_RULEBOOK.with_rule(attrs.evolve(rule, unconfirmed=True))
    assert periodic_notification_due(D(2025, 3, 14), rulebook=flagged).unconfirmed
    assert not periodic_notification_due(D(2025, 3, 14)).unconfirmed
    # Due 30 December 9999 in custody until that day: the 3 days from 31
    # December run past the last date.
    with raises(InvalidValueError, rule="notification.periodic.release_extension"):
        periodic_notification_due(
            D(9998, 12, 30), excluded=[DateRange(D(9999, 12, 1), D(9999, 12, 30))]
        )


# -- rules read as at the event, on both sides of a version's start -----------

_FROM = D(2020, 1, 6)  # a Monday; the Friday before is 3 January
_BEFORE = D(2020, 1, 3)
_LOCAL = (
    DEFAULT_RULEBOOK.with_value(
        "notification.initial",
        Duration(days=7),
        reason="local initial",
        applies_from=_FROM,
    )
    .with_value(
        "notification.change",
        Duration(days=7),
        reason="local change",
        applies_from=_FROM,
    )
    .with_value(
        "notification.periodic",
        Duration(months=6),
        reason="local periodic",
        applies_from=_FROM,
    )
    .with_value(
        "notification.foreign_travel.notice",
        Duration(days=14),
        reason="local travel",
        applies_from=_FROM,
    )
    .with_value(
        "notification.foreign_travel.minimum_notice_hours",
        48,
        reason="local hours",
        applies_from=_FROM,
    )
)


def test_deadlines_read_a_past_version_from_its_start_only() -> None:
    # A version in force from 6 January 2020 (in the past, so reading as at
    # today would take it): events on the Friday before keep the statute's
    # 3 days, 1 year and 7 days (s.83(1), s.84(1), s.85(1); SSI 2004/205
    # reg. 5); events on 6 January take 7 days, 6 months and 14 days.
    statute = DEFAULT_RULEBOOK.citation("notification.initial")
    initial = initial_notification_due(_BEFORE, rulebook=_LOCAL)
    assert (initial.due, initial.citation) == (D(2020, 1, 5), statute)
    initial = initial_notification_due(_FROM, rulebook=_LOCAL)
    assert (initial.due, initial.citation.pinpoint) == (D(2020, 1, 12), "local initial")
    assert change_notification_due(_BEFORE, rulebook=_LOCAL).due == D(2020, 1, 5)
    change = change_notification_due(_FROM, rulebook=_LOCAL)
    assert (change.due, change.citation.pinpoint) == (D(2020, 1, 12), "local change")
    periodic = periodic_notification_due(_BEFORE, rulebook=_LOCAL)
    assert (periodic.due, periodic.citation) == (
        D(2021, 1, 3),
        DEFAULT_RULEBOOK.citation("notification.periodic"),
    )
    periodic = periodic_notification_due(_FROM, rulebook=_LOCAL)
    assert (periodic.due, periodic.citation.pinpoint) == (
        D(2020, 7, 6),
        "local periodic",
    )
    notice = foreign_travel_notice(_BEFORE, rulebook=_LOCAL)
    assert (notice.due, notice.minimum_notice_hours) == (D(2019, 12, 27), 12)
    assert notice.citation == DEFAULT_RULEBOOK.citation(
        "notification.foreign_travel.notice"
    )
    notice = foreign_travel_notice(_FROM, rulebook=_LOCAL)
    assert (notice.due, notice.minimum_notice_hours, notice.citation.pinpoint) == (
        D(2019, 12, 23),
        48,
        "local travel",
    )


def test_schedule_reads_its_periodic_rule_as_at_the_first_notification() -> None:
    # Relevant date 2 January 2020 (before the local rules): initial
    # deadline 3 days beginning with it, 4 January, whichever the first
    # notification. Periodic: 1 year from a first notification on 3
    # January; 6 months from one on 6 January.
    def schedule(first: dt.date) -> object:
        return notification_schedule(
            OtherDisposal(),
            D(2020, 1, 2),
            under_18=True,
            first_notification=first,
            horizon=D(2021, 6, 1),
            rulebook=_LOCAL,
        )

    before = schedule(_BEFORE)
    assert before.initial.due == D(2020, 1, 4)  # type: ignore[attr-defined]
    assert [d.due for d in before.periodic] == [D(2021, 1, 3)]  # type: ignore[attr-defined]
    after = schedule(_FROM)
    assert after.initial.due == D(2020, 1, 4)  # type: ignore[attr-defined]
    assert [d.due for d in after.periodic] == [  # type: ignore[attr-defined]
        D(2020, 7, 6),
        D(2021, 1, 6),
    ]
    assert after.periodic[0].citation.pinpoint == "local periodic"  # type: ignore[attr-defined]


def test_review_date_before_s88b_began_reads_it_as_it_began() -> None:
    # s.88B came into force on 28 January 2011 (SSI 2011/45). A relevant
    # date the day before reads the section as it began (15 years from the
    # relevant date), as does one on the day; a later version reaches only
    # relevant dates from its own start.
    start = DEFAULT_RULEBOOK.rule("notification.review.adult").in_force_from
    assert start == D(2011, 1, 28)
    for day in (D(2011, 1, 27), start):
        deadline = review_date(day, under_18=False)
        assert deadline.due == day.replace(year=2026)
        assert deadline.rule == "notification.review.adult"
    # A caller's version from 1 January 2012 does not reach a relevant date
    # before it, whichever side of the section's start.
    book = DEFAULT_RULEBOOK.with_value(
        "notification.review.adult",
        Duration(years=10),
        reason="local reading",
        applies_from=D(2012, 1, 1),
    )
    for day in (D(2011, 1, 27), start):
        assert review_date(day, under_18=False, rulebook=book).due == day.replace(
            year=2026
        )
    assert review_date(D(2012, 1, 1), under_18=False, rulebook=book).due == D(
        2022, 1, 1
    )


def test_period_before_part_2_began_reads_the_table_as_it_began() -> None:
    # Part 2 began on 1 May 2004; the table applies to earlier relevant
    # dates too (s.81). The day before and the day itself give 5 years for
    # "any other" disposal; a caller's version from 1 January 2005 reaches
    # relevant dates from then only, whichever side of 1 May 2004.
    start = DEFAULT_RULEBOOK.rule("notification.period.indefinite").in_force_from
    assert start == D(2004, 5, 1)
    book = DEFAULT_RULEBOOK.with_value(
        "notification.period.other",
        Duration(years=4),
        reason="local reading",
        applies_from=D(2005, 1, 1),
    )
    for day in (D(2004, 4, 30), start):
        period = notification_period(
            OtherDisposal(), under_18=False, relevant_date=day, rulebook=book
        )
        assert (str(period.length), period.rule) == (
            "5 years",
            "notification.period.other",
        )
    later = notification_period(
        OtherDisposal(), under_18=False, relevant_date=D(2005, 1, 1), rulebook=book
    )
    assert str(later.length) == "4 years"


def test_period_errors_name_the_argument_and_the_disposal_types() -> None:
    with raises(InvalidTypeError, param="under_18", words=["under_18"]):
        notification_period(OtherDisposal(), under_18="no")  # type: ignore[arg-type]
    with raises(InvalidTypeError, param="relevant_date", words=["relevant_date"]):
        notification_period(OtherDisposal(), under_18=False, relevant_date="2025-01-01")  # type: ignore[arg-type]
    with raises(
        InvalidTypeError,
        param="disposal",
        words=[
            "disposal must be one of Imprisonment, LifeImprisonment, "
            "OrderForLifelongRestriction, HospitalOrder, CommunityPaybackOrder, "
            "OtherDisposal, Caution",
            "not str",
        ],
    ):
        notification_period("prison", under_18=False)  # type: ignore[arg-type]


def test_a_scottish_caution_error_names_where_it_was_given() -> None:
    with raises(
        NotApplicable,
        rule="notification.caution",
        words=["a caution given in", "s.80(1)(d)"],
        value=CautionJurisdiction.SCOTLAND,
    ):
        notification_period(Caution(where=CautionJurisdiction.SCOTLAND), under_18=False)


def test_schedule_reads_the_callers_period_and_names_a_bad_excluded() -> None:
    # 3 years beginning with 2 January 2020 end 1 January 2023; the
    # statute's 5 years would end 1 January 2025.
    book = DEFAULT_RULEBOOK.with_value(
        "notification.period.other", Duration(years=3), reason="local reading"
    )
    schedule = notification_schedule(
        OtherDisposal(),
        D(2020, 1, 2),
        under_18=False,
        first_notification=D(2020, 1, 3),
        rulebook=book,
    )
    assert schedule.ends_on == D(2023, 1, 1)
    assert schedule.period.citation.pinpoint == "local reading"
    with raises(InvalidTypeError, param="excluded", words=["excluded", "not str"]):
        notification_schedule(
            OtherDisposal(),
            D(2020, 1, 2),
            under_18=False,
            first_notification=D(2020, 1, 3),
            excluded="custody",  # type: ignore[arg-type]
        )


# -- boundaries and details found unpinned by mutation testing ---------------------------


def test_a_term_whose_comparison_spans_a_29_february_needs_its_date() -> None:
    # 18 months and 365 days against 30 months: the last 12 months of the
    # 30 are 366 days when they hold a 29 February, so the answer depends
    # on the relevant date (s.82(1)). From 1 September 2021 the 30 months
    # end on 1 March 2024 and the term a day sooner: less than 30 months.
    # From 1 September 2022 both end on 1 March 2025: 30 months or more.
    sentence = term(months=18, days=365)
    assert period(sentence, on=D(2021, 9, 1)).row is PeriodRow.TERM_OVER_6_MONTHS
    assert period(sentence, on=D(2022, 9, 1)).row is PeriodRow.TERM_30_MONTHS_OR_MORE
    with raises(
        InvalidValueError,
        rule="notification.threshold.indefinite",
        words=["depends on the date", "pass relevant_date"],
        value=Duration(months=18, days=365),
    ):
        period(sentence)
    # Every 12 months are at most 366 days: a day more decides it.
    assert period(term(months=18, days=366)).row is PeriodRow.TERM_30_MONTHS_OR_MORE


def test_terms_a_month_short_of_a_threshold_without_a_date() -> None:
    # A month is 28 to 31 days: 29 months and 31 days always reach 30
    # months, 29 months and 30 days only from some dates; 5 months and 28
    # days never pass 6 months, 5 months and 29 days do from some dates.
    assert period(term(months=29, days=31)).row is PeriodRow.TERM_30_MONTHS_OR_MORE
    with raises(
        InvalidValueError,
        rule="notification.threshold.indefinite",
        value=Duration(months=29, days=30),
    ):
        period(term(months=29, days=30))
    assert period(term(months=5, days=28)).row is PeriodRow.TERM_6_MONTHS_OR_LESS
    with raises(
        InvalidValueError,
        rule="notification.threshold.short",
        words=["depends on the date", "pass relevant_date"],
        value=Duration(months=5, days=29),
    ):
        period(term(months=5, days=29))


def test_terms_compared_at_the_end_of_the_calendar() -> None:
    # A term decided by its months and days alone needs no date, so a
    # relevant date near the end of the calendar still gives its row; a
    # term near a threshold is compared by dates, which do not exist.
    last = D(9999, 12, 31)
    assert period(term(months=30), on=last).row is PeriodRow.TERM_30_MONTHS_OR_MORE
    assert period(term(months=30, days=3), on=last).indefinite
    assert period(term(months=5, days=24), on=last).row is (
        PeriodRow.TERM_6_MONTHS_OR_LESS
    )
    assert period(term(months=5, days=35), on=last).row is (
        PeriodRow.TERM_OVER_6_MONTHS
    )
    for days in (25, 34):
        with raises(
            InvalidValueError,
            rule="notification.threshold.short",
            words=["outside the dates"],
            value=last,
        ):
            period(term(months=5, days=days), on=last)


def test_a_threshold_with_days_is_refused_naming_it() -> None:
    bad = DEFAULT_RULEBOOK.with_value(
        "notification.threshold.short", Duration(months=6, days=1), reason="test"
    )
    with raises(
        InvalidValueError,
        rule="notification.threshold.short",
        words=["must be a whole number of months or years"],
        value=Duration(months=6, days=1),
    ):
        notification_period(term(months=7), under_18=False, rulebook=bad)


def test_halving_a_period_with_days() -> None:
    # A caller's period of 5 years and 10 days halves to 2 years 6 months
    # and 5 days (s.82(2)); 11 days has no exact half.
    rule = PeriodRow.OTHER.rule
    even = DEFAULT_RULEBOOK.with_value(rule, Duration(years=5, days=10), reason="test")
    halved = notification_period(OtherDisposal(), under_18=True, rulebook=even)
    assert halved.length == Duration(years=2, months=6, days=5)
    odd = DEFAULT_RULEBOOK.with_value(rule, Duration(years=5, days=11), reason="test")
    with raises(
        InvalidValueError, rule="notification.under_18.divisor", words=["no exact 1/2"]
    ):
        notification_period(OtherDisposal(), under_18=True, rulebook=odd)


def test_a_period_keeps_its_rules_counting() -> None:
    book = DEFAULT_RULEBOOK
    for rule in (PeriodRow.OTHER.rule, PeriodRow.COMMUNITY_PAYBACK.rule):
        book = book.with_rule(attrs.evolve(book.rule(rule), counting=Counting.AFTER))
    for disposal, under_18 in (
        (OtherDisposal(), False),
        (OtherDisposal(), True),
        (CommunityPaybackOrder(supervision=Duration(years=2)), False),
    ):
        result = notification_period(disposal, under_18=under_18, rulebook=book)
        assert result.counting is Counting.AFTER
        assert result.halved is under_18


def test_notification_period_checks_name_the_class() -> None:
    citation = DEFAULT_RULEBOOK.citation(PeriodRow.LIFE.rule)
    with raises(
        InvalidValueError,
        param="NotificationPeriod",
        words=["an indefinite period is never halved"],
        value=Redacted("LIFE"),  # the row's name, kept as its length only
    ):
        NotificationPeriod(
            length=None,
            row=PeriodRow.LIFE,
            rule=PeriodRow.LIFE.rule,
            citation=citation,
            halved=True,
        )
    with raises(InvalidTypeError, param="NotificationPeriod.length"):
        NotificationPeriod(
            length="10 years",  # type: ignore[arg-type]
            row=PeriodRow.OTHER,
            rule=PeriodRow.OTHER.rule,
            citation=citation,
        )


def test_counted_days_after_the_last_date_names_the_rule() -> None:
    rule = DEFAULT_RULEBOOK.rule("notification.initial")
    after = DEFAULT_RULEBOOK.with_rule(attrs.evolve(rule, counting=Counting.AFTER))
    with raises(InvalidValueError, rule="notification.initial", value=D(9999, 12, 31)):
        initial_notification_due(D(9999, 12, 31), rulebook=after)


def test_schedule_decides_a_dated_term_by_its_relevant_date() -> None:
    sentence = term(months=18, days=365)
    for relevant, row in (
        (D(2021, 9, 1), PeriodRow.TERM_OVER_6_MONTHS),
        (D(2022, 9, 1), PeriodRow.TERM_30_MONTHS_OR_MORE),
    ):
        schedule = notification_schedule(
            sentence,
            relevant,
            under_18=False,
            first_notification=relevant,
            horizon=relevant + dt.timedelta(days=800),
        )
        assert schedule.period.row is row


def test_schedule_weekly_rule_in_force_at_the_first_notification() -> None:
    # Weekly notification (no fixed abode) applies from 8 July 2013 (SSI
    # 2013/216): a relevant date before it, a first notification on it.
    weekly = notification_schedule(
        OtherDisposal(),
        D(2013, 7, 1),
        under_18=False,
        first_notification=D(2013, 7, 8),
        no_fixed_abode=True,
        horizon=D(2013, 8, 1),
    )
    assert weekly.due_dates == (D(2013, 7, 15), D(2013, 7, 22), D(2013, 7, 29))
    assert "periodic=<3 deadlines: 2013-07-15..2013-07-29>" in repr(weekly)
    with pytest.raises(RuleNotInForce):
        notification_schedule(
            OtherDisposal(),
            D(2013, 7, 1),
            under_18=False,
            first_notification=D(2013, 7, 7),
            no_fixed_abode=True,
            horizon=D(2013, 8, 1),
        )
    empty = notification_schedule(
        OtherDisposal(),
        D(2013, 7, 1),
        under_18=False,
        first_notification=D(2013, 7, 8),
        no_fixed_abode=True,
        horizon=D(2013, 7, 14),
    )
    assert "periodic=<0 deadlines: none>" in repr(empty)


def test_schedule_reads_the_release_extension_as_at_the_first_notification() -> None:
    # A caller's release extension of 10 days from 6 January 2020; the
    # statute's is 3 days (s.85(3)). Custody until 10 January 2021 holds the
    # first due date (6 January 2021): due at the end of the 10 days
    # beginning with 11 January, as periodic_notification_due gives it.
    book = DEFAULT_RULEBOOK.with_value(
        "notification.periodic.release_extension",
        Duration(days=10),
        reason="local extension",
        applies_from=_FROM,
    )
    custody = [DateRange(D(2020, 12, 1), D(2021, 1, 10))]
    schedule = notification_schedule(
        OtherDisposal(),
        D(2020, 1, 2),
        under_18=True,
        first_notification=_FROM,
        excluded=custody,
        rulebook=book,
    )
    assert schedule.periodic[0].due == D(2021, 1, 20)
    assert schedule.periodic[0] == periodic_notification_due(
        _FROM, excluded=custody, rulebook=book
    )


def test_schedule_stops_when_a_deadline_makes_no_progress() -> None:
    # A caller's periodic rule of 1 day beginning with the last
    # notification falls on that day: no deadline after it, none listed.
    book = DEFAULT_RULEBOOK.with_value(
        "notification.periodic", Duration(days=1), reason="test"
    )
    rule = book.rule("notification.periodic")
    book = book.with_rule(attrs.evolve(rule, counting=Counting.BEGINNING_WITH))
    assert periodic_notification_due(_FROM, rulebook=book).due == _FROM
    schedule = notification_schedule(
        OtherDisposal(),
        D(2020, 1, 2),
        under_18=True,
        first_notification=_FROM,
        rulebook=book,
    )
    assert schedule.periodic == ()


def test_a_term_counted_from_a_month_end_needs_its_date() -> None:
    # 7 months and 702 days against 30 months: from 30 July 2002 both end
    # on 30 January 2005 (30 months or more); from 31 July 2002 the 7
    # months end on 28 February 2003, so the term ends on 30 January 2005,
    # a day before the 30 months. Without a date it is refused.
    sentence = term(months=7, days=702)
    assert period(sentence, on=D(2002, 7, 30)).row is (PeriodRow.TERM_30_MONTHS_OR_MORE)
    assert period(sentence, on=D(2002, 7, 31)).row is PeriodRow.TERM_OVER_6_MONTHS
    with raises(
        InvalidValueError,
        rule="notification.threshold.indefinite",
        value=Duration(months=7, days=702),
    ):
        period(sentence)


@pytest.mark.parametrize(("years", "days"), [(4, 1460), (8, 2921)])
def test_a_threshold_in_years_meets_a_common_century_year(
    years: int, days: int
) -> None:
    # A caller's threshold of 4 years: 1,461 days from most dates, 1,460
    # when the 4 years hold no 29 February (from 1 March 2097: 2100 is a
    # common year), so a term of 1,460 days reaches it only from some
    # dates. 8 years: 2,922 days from most dates, 2,921 from 1 March 2097.
    book = DEFAULT_RULEBOOK.with_value(
        "notification.threshold.indefinite", Duration(years=years), reason="test"
    )
    sentence = term(days=days)

    def row(on: D | None) -> PeriodRow:
        return notification_period(
            sentence, under_18=False, relevant_date=on, rulebook=book
        ).row

    assert row(D(2097, 3, 1)) is PeriodRow.TERM_30_MONTHS_OR_MORE
    assert row(D(2025, 1, 1)) is PeriodRow.TERM_OVER_6_MONTHS
    with raises(
        InvalidValueError,
        rule="notification.threshold.indefinite",
        value=Duration(days=days),
    ):
        row(None)
