"""The default rules: every value `mappa` uses, beside its citation.

This module is data, not machinery: one entry per rule, in the order of
our rules reference (framework, reviews, chairs, minutes, indicators,
significant case reviews, intensive support packages, notification,
disclosure and licences). :mod:`mappa.rulebook` turns the entries into
:class:`~mappa.rulebook.Rule` objects and :data:`~mappa.rulebook.DEFAULT_RULEBOOK`.

The rules are plain Python constants rather than a file parsed at import,
so importing `mappa` stays fast. A reviewer reads each value next to the
document and paragraph (or statute and section) that sets it; a council
that reads a source differently overrides a rule with
:meth:`~mappa.rulebook.Rulebook.with_value` or
:meth:`~mappa.rulebook.Rulebook.with_overrides`, never by editing this file.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import NamedTuple

from mappa.periods import Counting, Duration
from mappa.sources import (
    DATA_PROTECTION_ACT_2018,
    GLASGOW_MAPPA_PAGE,
    GUIDANCE,
    ICO_RIGHT_OF_ACCESS,
    MANAGEMENT_OF_OFFENDERS_ACT_2005,
    NOTIFICATION_REGULATIONS_2013,
    SCR_GUIDANCE_2012,
    SEXUAL_OFFENCES_ACT_2003,
    TRAVEL_NOTIFICATION_REGULATIONS_2004,
    UK_GDPR,
    Citation,
)

__all__ = ["RULES", "Entry", "Version"]

Value = int | Decimal | Duration | str | bool | tuple[int, ...] | tuple[str, ...]


class Version(NamedTuple):
    """One value of a rule, as data (see :class:`~mappa.rulebook.RuleVersion`)."""

    value: Value
    citation: Citation
    edition: str = "current"
    applies_from: _dt.date | None = None
    note: str | None = None


class Entry(NamedTuple):
    """One rule, as data (see :class:`~mappa.rulebook.Rule`)."""

    name: str
    description: str
    unit: str
    versions: tuple[Version, ...]
    counting: Counting | None = None
    unconfirmed: bool = False


def _rule(
    name: str,
    description: str,
    unit: str,
    value: Value,
    citation: Citation,
    *,
    counting: Counting | None = None,
    unconfirmed: bool = False,
    edition: str = "current",
    applies_from: _dt.date | None = None,
    note: str | None = None,
) -> Entry:
    return Entry(
        name,
        description,
        unit,
        (Version(value, citation, edition, applies_from, note),),
        counting,
        unconfirmed,
    )


def _target(name: str, description: str, *values: tuple[str, Decimal]) -> Entry:
    citation = GLASGOW_MAPPA_PAGE.cite("National Performance Indicators")
    note = (
        "the date the target changed is not in our sources" if len(values) > 1 else None
    )
    return Entry(
        name,
        description,
        "percent",
        tuple(
            Version(value, citation, edition, None, note) for edition, value in values
        ),
    )


def _soa(section: str, number: str) -> Citation:
    return SEXUAL_OFFENCES_ACT_2003.cite(
        section, url=f"https://www.legislation.gov.uk/ukpga/2003/42/section/{number}"
    )


_SOA_PART_2_IN_FORCE = _dt.date(2004, 5, 1)

RULES: tuple[Entry, ...] = (
    # -- framework: categories and levels ----------------------------------
    _rule(
        "levels.category_1",
        "MAPPA levels at which a category 1 (registered sex offender) case may be managed.",
        "levels",
        (1, 2, 3),
        GUIDANCE.cite("para 4.3"),
    ),
    _rule(
        "levels.category_2",
        "MAPPA levels at which a category 2 (restricted patient) case may be managed.",
        "levels",
        (1, 2, 3),
        GUIDANCE.cite("para 4.3"),
    ),
    _rule(
        "levels.category_3",
        "MAPPA levels for category 3 (other risk of serious harm): level 1 "
        "routine risk management is not applied to category 3.",
        "levels",
        (2, 3),
        GUIDANCE.cite("para 9.4"),
        note="para 9.4 places category 3 under active multi-agency management "
        "at level 2 or 3; the Glasgow City Council MAPPA page says level 1 "
        "risk management is not applied to category 3 (para 4.3 only lists "
        "the levels)",
    ),
    _rule(
        "levels.labels",
        "The names of MAPPA levels 1, 2 and 3.",
        "labels",
        (
            "routine risk management",
            "multi-agency risk management",
            "multi agency public protection panel",
        ),
        GUIDANCE.cite("para 4.3"),
    ),
    _rule(
        "framework.areas",
        "Scotland's 32 local authorities are divided into 10 MAPPA areas (para "
        "18.1). Which council sits in which area is Annex 1 of the guidance, "
        "which we could not read: the area table (mappa.framework."
        "DEFAULT_AREA_TABLE) is reconstructed from the areas' annual reports "
        "and is unconfirmed; give your own with an area table.",
        "areas",
        10,
        GUIDANCE.cite("para 18.1"),
        unconfirmed=True,
    ),
    _rule(
        "framework.local_authorities",
        "The number of Scottish local authorities grouped into MAPPA areas.",
        "local authorities",
        32,
        GUIDANCE.cite("para 18.1"),
    ),
    _rule(
        "framework.responsible_authorities",
        "The agencies that always take part in MAPPA as Responsible "
        "Authorities: the police (the chief constable), the local authority "
        "(social work) and the Scottish Prison Service. Health boards are "
        "Responsible Authorities too, and a health service may also take part "
        "as a duty to co-operate agency.",
        "agencies",
        ("POLICE", "SOCIAL_WORK", "PRISON_SERVICE"),
        MANAGEMENT_OF_OFFENDERS_ACT_2005.cite(
            "s.10(7)", url="https://www.legislation.gov.uk/asp/2005/14/section/10"
        ),
        note="guidance para 2.2 lists the same Responsible Authorities",
    ),
    _rule(
        "years.start_month",
        "Reporting (and financial) years run for 12 months beginning with 1 April; "
        "this is the month they start (on day 1).",
        "month",
        4,
        MANAGEMENT_OF_OFFENDERS_ACT_2005.cite(
            "s.11(2)", url="https://www.legislation.gov.uk/asp/2005/14/section/11"
        ),
    ),
    # -- reviews (section 4) -----------------------------------------------
    _rule(
        "reviews.level1.interval",
        "Level 1 has no national review interval: the frequency of review is "
        "agreed at the initial meeting and set by the lead agency, case by case.",
        "interval",
        "case by case",
        GUIDANCE.cite("paras 11.27-11.28, 11.30"),
    ),
    _rule(
        "reviews.level2.interval",
        "A level 2 case is reviewed no less than once every 12 weeks: the next "
        "review is due 84 days after the last meeting.",
        "weeks",
        Duration(weeks=12),
        GUIDANCE.cite("para 11.30"),
        counting=Counting.AFTER,
    ),
    _rule(
        "reviews.level3.interval",
        "A level 3 case is reviewed no less than once every 6 weeks: the next "
        "review is due 42 days after the last meeting.",
        "weeks",
        Duration(weeks=6),
        GUIDANCE.cite("para 11.30"),
        counting=Counting.AFTER,
    ),
    _rule(
        "reviews.olr_rmp.interval",
        "The risk management plan of a person subject to an Order for Lifelong "
        "Restriction is reviewed at least once a year: within the year "
        "beginning with the last review.",
        "years",
        Duration(years=1),
        GUIDANCE.cite("para 11.7"),
        counting=Counting.BEGINNING_WITH,
        note="'at least once a year' read as a period of one year beginning "
        "with the last review, so the next is due by the day before its anniversary",
    ),
    _rule(
        "reviews.initial_mappp.before_liberation",
        "The initial level 3 (MAPPP) meeting of a case in custody takes place "
        "4 weeks before liberation.",
        "weeks",
        Duration(weeks=4),
        GLASGOW_MAPPA_PAGE.cite("National Performance Indicators"),
        counting=Counting.BEFORE,
        note="read as: held on or before the date 28 days before liberation",
    ),
    _rule(
        "reviews.change_in_risk.meeting",
        "When any agency reports information that indicates a change in the "
        "risk of serious harm, a meeting must be arranged to review the "
        "circumstances; the guidance sets no national timescale.",
        "duty",
        True,
        GUIDANCE.cite("para 11.29"),
        note="read as: the duty is met by the first meeting held on or after "
        "the day the change was reported",
    ),
    # -- chairs (section 5) ------------------------------------------------
    _rule(
        "chairs.level1.police",
        "Minimum police rank to chair a level 1 meeting.",
        "rank",
        "SERGEANT",
        GUIDANCE.cite("para 11.32"),
    ),
    _rule(
        "chairs.social_work.ladder",
        "The order of Justice Social Work grades, junior to senior, against "
        "which the minimum grades to chair are compared.",
        "grades",
        (
            "SOCIAL_WORKER",
            "TEAM_LEADER",
            "SERVICE_MANAGER",
            "HEAD_OF_SERVICE",
            "CHIEF_SOCIAL_WORK_OFFICER",
        ),
        GUIDANCE.cite("paras 11.32-11.33"),
        unconfirmed=True,
        note="the guidance names Team Leader, Service Manager and Chief Social "
        "Work Officer; titles and structures vary by council, so the order is "
        "our best reading: a council replaces it with its own",
    ),
    _rule(
        "chairs.level1.social_work",
        "Minimum Justice Social Work grade to chair a level 1 meeting.",
        "grade",
        "TEAM_LEADER",
        GUIDANCE.cite("para 11.32"),
    ),
    _rule(
        "chairs.level2.police",
        "Minimum police rank to chair a level 2 meeting.",
        "rank",
        "INSPECTOR",
        GUIDANCE.cite("para 11.33"),
    ),
    _rule(
        "chairs.level2.social_work",
        "Minimum Justice Social Work grade (or equivalent) to chair a level 2 meeting.",
        "grade",
        "SERVICE_MANAGER",
        GUIDANCE.cite("para 11.33"),
    ),
    _rule(
        "chairs.level3.police",
        "Minimum police rank to chair a level 3 meeting (Detective Superintendent).",
        "rank",
        "SUPERINTENDENT",
        GUIDANCE.cite("para 11.33"),
    ),
    _rule(
        "chairs.level3.social_work",
        "Minimum social work grade to chair a level 3 meeting.",
        "grade",
        "CHIEF_SOCIAL_WORK_OFFICER",
        GUIDANCE.cite("para 11.33"),
    ),
    _rule(
        "chairs.restricted_patients.health",
        "Meetings about restricted patients are likely to be chaired by suitably "
        "qualified health representatives experienced in the operation of MAPPA.",
        "flag",
        True,
        GUIDANCE.cite("para 11.33"),
        note="'likely to be chaired by' read as permitted and recommended, not "
        "required: a police or social work chair of the minimum rank may still "
        "chair; health chairs are not named for categories 1 and 3",
    ),
    # -- minutes (section 6) -----------------------------------------------
    _rule(
        "minutes.draft",
        "The draft minute and RMP are produced within 5 working days of the meeting.",
        "working days",
        5,
        GUIDANCE.cite("para 11.15"),
    ),
    _rule(
        "minutes.final",
        "The final minute and RMP are produced within a further 5 working "
        "days: 10 working days of the meeting in all.",
        "working days",
        10,
        GUIDANCE.cite("para 11.15"),
    ),
    # -- national performance indicators (section 7) ------------------------
    # Each indicator's label: a template whose {rule.name} parts are filled
    # from the same rulebook, so a caller's figure and its label agree.
    _rule(
        "kpi.level3_reviews.label",
        "The label of the level 3 review indicator.",
        "label",
        "Level 3 reviews every {reviews.level3.interval}",
        GLASGOW_MAPPA_PAGE.cite("National Performance Indicators"),
    ),
    _rule(
        "kpi.level2_reviews.label",
        "The label of the level 2 review indicator.",
        "label",
        "Level 2 reviews every {reviews.level2.interval}",
        GLASGOW_MAPPA_PAGE.cite("National Performance Indicators"),
    ),
    _rule(
        "kpi.dtc_attendance.label",
        "The label of the duty to co-operate attendance indicator.",
        "label",
        "DTC attendance at seniority",
        GLASGOW_MAPPA_PAGE.cite("National Performance Indicators"),
    ),
    _rule(
        "kpi.ra_attendance.label",
        "The label of the police and social work attendance indicator.",
        "label",
        "Police and social work attendance",
        GLASGOW_MAPPA_PAGE.cite("National Performance Indicators"),
    ),
    _rule(
        "kpi.written_contributions.label",
        "The label of the written contributions indicator.",
        "label",
        "Written contributions if absent",
        GLASGOW_MAPPA_PAGE.cite("National Performance Indicators"),
    ),
    _rule(
        "kpi.pre_release_mappp.label",
        "The label of the pre-release MAPPP indicator.",
        "label",
        "Initial MAPPP {reviews.initial_mappp.before_liberation} pre-release",
        GLASGOW_MAPPA_PAGE.cite("National Performance Indicators"),
    ),
    _rule(
        "kpi.minutes_released.label",
        "The label of the minutes indicator.",
        "label",
        "Minutes within {minutes.final} working days",
        GLASGOW_MAPPA_PAGE.cite("National Performance Indicators"),
    ),
    _rule(
        "kpi.disclosure_recorded.label",
        "The label of the disclosure indicator.",
        "label",
        "Disclosure considered and recorded",
        GLASGOW_MAPPA_PAGE.cite("National Performance Indicators"),
    ),
    _rule(
        "kpi.levels",
        "The MAPPA levels whose meetings the attendance, written "
        "contribution, minutes and disclosure indicators count.",
        "levels",
        (2, 3),
        GLASGOW_MAPPA_PAGE.cite("National Performance Indicators"),
    ),
    _rule(
        "kpi.ra_attendance.agencies",
        "The agencies whose attendance at the agreed seniority the police "
        "and social work attendance indicator counts.",
        "agencies",
        ("POLICE", "SOCIAL_WORK"),
        GLASGOW_MAPPA_PAGE.cite("National Performance Indicators"),
    ),
    _target(
        "kpi.level3_reviews.target",
        "Level 3 cases reviewed no less than once every 6 weeks.",
        ("previous", Decimal("90")),
        ("current", Decimal("95")),
    ),
    _target(
        "kpi.level2_reviews.target",
        "Level 2 cases reviewed no less than once every 12 weeks.",
        ("previous", Decimal("85")),
        ("current", Decimal("95")),
    ),
    _target(
        "kpi.dtc_attendance.target",
        "Attendance by duty to co-operate agencies at an appropriate level of "
        "seniority when invited to level 2 and 3 meetings.",
        ("current", Decimal("90")),
    ),
    _target(
        "kpi.ra_attendance.target",
        "Attendance by police and social work at an agreed level of seniority "
        "at level 2 and 3 meetings, including risk management team meetings.",
        ("current", Decimal("90")),
    ),
    _target(
        "kpi.written_contributions.target",
        "Written contributions from Responsible Authorities and DTC agencies "
        "in cases of non-attendance.",
        ("current", Decimal("100")),
    ),
    _target(
        "kpi.pre_release_mappp.target",
        "Initial level 3 MAPPP meetings for cases in custody held 4 weeks "
        "before liberation.",
        ("current", Decimal("100")),
    ),
    _target(
        "kpi.minutes_released.target",
        "Level 2 and 3 minutes completed and released within 10 working days.",
        ("current", Decimal("90")),
    ),
    _target(
        "kpi.disclosure_recorded.target",
        "Disclosure considered and recorded in the minutes of level 2 and 3 meetings.",
        ("current", Decimal("100")),
    ),
    # -- significant case reviews (section 8): no numbers in the sources ----
    _rule(
        "scr.criteria.charged_with_serious_offence",
        "An SCR criterion: a person managed under MAPPA is charged with one "
        "of the serious charges.",
        "criterion",
        "an offender managed under MAPPA is charged with murder, attempted "
        "murder or a crime of serious sexual harm",
        SCR_GUIDANCE_2012.cite("para 9"),
    ),
    _rule(
        "scr.criteria.serious_charges",
        "The charges that meet the first SCR criterion.",
        "charges",
        ("MURDER", "ATTEMPTED_MURDER", "SERIOUS_SEXUAL_HARM"),
        SCR_GUIDANCE_2012.cite("para 9"),
    ),
    _rule(
        "scr.criteria.concern_about_involvement",
        "An SCR criterion: significant concern about professional and/or "
        "service involvement.",
        "criterion",
        "significant concern has been raised in respect of the management of "
        "a MAPPA offender which gives rise to serious concerns about "
        "professional and/or service involvement",
        SCR_GUIDANCE_2012.cite("para 9"),
    ),
    _rule(
        "scr.criteria.harmed_as_known_sex_offender",
        "An SCR criterion: killed or seriously injured because their status "
        "as a sex offender became known.",
        "criterion",
        "an offender managed under MAPPA appears to have been killed or "
        "seriously injured as a direct result of their status as a sex "
        "offender becoming known",
        SCR_GUIDANCE_2012.cite("para 9"),
    ),
    _rule(
        "scr.criteria.not_exclusive",
        "The criteria are not exclusive: the SOG may proceed on a case that "
        "does not fit them but has triggered significant professional concern.",
        "flag",
        True,
        SCR_GUIDANCE_2012.cite("para 8"),
    ),
    _rule(
        "scr.initial_case_review",
        "An Initial Case Review first determines whether a Significant Case "
        "Review is merited.",
        "stage",
        "initial case review",
        SCR_GUIDANCE_2012.cite("para 7"),
    ),
    _rule(
        "scr.proportionality",
        "Any review is proportionate to the case, never escalated beyond it.",
        "principle",
        "the detail and level of any review, and the experience of its author, "
        "are proportionate to the case; a review is not escalated beyond what is "
        "proportionate to the severity and complexity of the case",
        SCR_GUIDANCE_2012.cite("para 7"),
    ),
    _rule(
        "scr.sog_decision",
        "The Strategic Oversight Group decides whether a Significant Case "
        "Review is warranted.",
        "stage",
        "SOG decision",
        SCR_GUIDANCE_2012.cite("para 4"),
    ),
    _rule(
        "scr.stages",
        "The stages of the review process: Initial Notification Report, "
        "review by the SOG chair, SOG decision, then the review and its report.",
        "stages",
        (
            "INITIAL_NOTIFICATION",
            "SOG_CHAIR_REVIEW",
            "SOG_DECISION",
            "REVIEW",
            "REPORT",
            "CLOSED",
        ),
        GUIDANCE.cite("chapter 20"),
        unconfirmed=True,
        note="no stage timescales in the sources; the order is our reading of chapter 20",
    ),
    # -- intensive support packages (section 9) -----------------------------
    _rule(
        "isp.local_authority.minimum_share",
        "Local authorities fund at least 10% of an intensive support package "
        "(Social Work (Scotland) Act 1968 s.27 budget); the Scottish "
        "Government funds the rest.",
        "percent",
        Decimal("10"),
        GUIDANCE.cite("para 18.25"),
    ),
    _rule(
        "isp.approval_period",
        "Intensive support package funding is approved in advance, usually for "
        "six months at a time.",
        "months",
        Duration(months=6),
        GUIDANCE.cite("para 18.25"),
        counting=Counting.BEGINNING_WITH,
        note="an approval period beginning with its start date ends the day "
        "before the date six months later",
    ),
    _rule(
        "isp.provisional_list",
        "Justice Social Work managers send the Scottish Government a "
        "provisional list of the intensive support packages they expect in "
        "the coming financial year, with the likelihood that each will be needed.",
        "duty",
        True,
        GUIDANCE.cite("para 18.24"),
    ),
    _rule(
        "isp.end.report",
        "A recall to custody or a removal from an intensive support package "
        "is reported to the Scottish Government.",
        "duty",
        True,
        GUIDANCE.cite("para 18.26"),
    ),
    _rule(
        "notification.caution",
        "A person cautioned in England and Wales or Northern Ireland for a "
        "Schedule 3 offence is subject to the notification requirements "
        "(s.80(1)(d)), and notifies in Scotland while living here; no "
        "Scottish disposal is a caution for Part 2.",
        "jurisdictions",
        ("ENGLAND_AND_WALES", "NORTHERN_IRELAND"),
        _soa("s.80(1)(d)", "80"),
        applies_from=_SOA_PART_2_IN_FORCE,
    ),
    _rule(
        "notification.period.caution",
        "Notification period for a person within s.80(1)(d) (cautioned): 2 "
        "years beginning with the date of the caution.",
        "years",
        Duration(years=2),
        _soa("s.82(1), table; s.82(6)(c)", "82"),
        counting=Counting.BEGINNING_WITH,
        applies_from=_SOA_PART_2_IN_FORCE,
        note="the relevant date of a caution is the date of the caution (s.82(6)(c))",
    ),
    _rule(
        "notification.period.indefinite",
        "Imprisonment for life or for a term of 30 months or more, an order for "
        "lifelong restriction, or admission to hospital subject to a "
        "restriction order gives an indefinite period beginning with the "
        "relevant date: the rows of the table that give one.",
        "rows",
        (
            "LIFE",
            "TERM_30_MONTHS_OR_MORE",
            "LIFELONG_RESTRICTION",
            "HOSPITAL_WITH_RESTRICTION",
        ),
        _soa("s.82(1), table", "82"),
        applies_from=_SOA_PART_2_IN_FORCE,
    ),
    _rule(
        "notification.threshold.indefinite",
        "Imprisonment for 30 months or more gives an indefinite notification period.",
        "months",
        Duration(months=30),
        _soa("s.82(1), table", "82"),
        applies_from=_SOA_PART_2_IN_FORCE,
        note="a term with a days part is compared by the dates the term and "
        "30 months reach when both are counted from the relevant date; "
        "detention of young offenders counts as imprisonment (s.131)",
    ),
    _rule(
        "notification.threshold.short",
        "Imprisonment for 6 months or less gives 7 years; more than 6 months "
        "and less than 30 months gives 10 years.",
        "months",
        Duration(months=6),
        _soa("s.82(1), table", "82"),
        applies_from=_SOA_PART_2_IN_FORCE,
        note="a term with a days part is compared by the dates the term and "
        "6 months reach when both are counted from the relevant date",
    ),
    _rule(
        "notification.period.over_6_months",
        "Notification period for imprisonment of more than 6 months but less "
        "than 30 months.",
        "years",
        Duration(years=10),
        _soa("s.82(1), table", "82"),
        counting=Counting.BEGINNING_WITH,
        applies_from=_SOA_PART_2_IN_FORCE,
    ),
    _rule(
        "notification.period.up_to_6_months",
        "Notification period for imprisonment of 6 months or less.",
        "years",
        Duration(years=7),
        _soa("s.82(1), table", "82"),
        counting=Counting.BEGINNING_WITH,
        applies_from=_SOA_PART_2_IN_FORCE,
    ),
    _rule(
        "notification.period.hospital",
        "Notification period for admission to hospital without a restriction order.",
        "years",
        Duration(years=7),
        _soa("s.82(1), table", "82"),
        counting=Counting.BEGINNING_WITH,
        applies_from=_SOA_PART_2_IN_FORCE,
    ),
    _rule(
        "notification.period.community_payback",
        "For a community payback order imposing an offender supervision "
        "requirement, the notification period is the specified period for the "
        "offender supervision requirement.",
        "period",
        "the specified period for the offender supervision requirement",
        _soa("s.82(1), table, as amended", "82"),
        counting=Counting.BEGINNING_WITH,
        note="the row names no fixed number of years, so s.82(2) halving is "
        "not applied to it; the date the amendment took effect is not recorded here",
    ),
    _rule(
        "notification.period.other",
        "Notification period for any other description of relevant offender.",
        "years",
        Duration(years=5),
        _soa("s.82(1), table", "82"),
        counting=Counting.BEGINNING_WITH,
        applies_from=_SOA_PART_2_IN_FORCE,
    ),
    _rule(
        "notification.under_18.rows",
        "The rows of the s.82(1) table whose period (10, 7, 5 or 2 years) "
        "is halved for a person under 18 on the relevant date.",
        "rows",
        ("TERM_OVER_6_MONTHS", "TERM_6_MONTHS_OR_LESS", "HOSPITAL", "OTHER", "CAUTION"),
        _soa("s.82(2)", "82"),
        applies_from=_SOA_PART_2_IN_FORCE,
        note="s.82(2) names the periods of 10, 7, 5 and 2 years; the "
        "community payback row names no number of years and is not halved",
    ),
    _rule(
        "notification.under_18.divisor",
        "For a person under 18 on the relevant date, the fixed notification "
        "periods of 10, 7, 5 and 2 years are halved.",
        "divisor",
        2,
        _soa("s.82(2)", "82"),
        applies_from=_SOA_PART_2_IN_FORCE,
        unconfirmed=True,
        note="the text of s.82(2) was not available to us; read as halving the "
        "periods stated in years only (not the community payback row)",
    ),
    _rule(
        "notification.initial",
        "Initial notification is due within the period of 3 days beginning "
        "with the relevant date (time in custody, in hospital or outside the "
        "United Kingdom not counted).",
        "days",
        Duration(days=3),
        _soa("s.83(1), (6)", "83"),
        counting=Counting.BEGINNING_WITH,
        note="whole days in an excluded period are not counted; the day of "
        "release is counted (s.84(1)(d) makes release itself a change)",
        applies_from=_SOA_PART_2_IN_FORCE,
    ),
    _rule(
        "notification.change",
        "A change (name, home address, a stay elsewhere, release, bank and "
        "card details) is notified within 3 days beginning with the change.",
        "days",
        Duration(days=3),
        _soa("s.84(1), (5)", "84"),
        counting=Counting.BEGINNING_WITH,
        note="s.84(5) applies the s.83(6) disregard of time in custody, in "
        "hospital or outside the United Kingdom",
        applies_from=_SOA_PART_2_IN_FORCE,
    ),
    _rule(
        "notification.periodic",
        "Periodic re-notification is due within the period of one year after "
        "the last notification.",
        "years",
        Duration(years=1),
        _soa("s.85(1), (5)(b)", "85"),
        counting=Counting.AFTER,
        note="s.85(1) says 'within the applicable period after each event': the "
        "year is counted after the notification, so it ends on the anniversary",
        applies_from=_SOA_PART_2_IN_FORCE,
    ),
    _rule(
        "notification.periodic.no_fixed_abode",
        "A person whose last notified home address is a place where they can "
        "regularly be found (no sole or main residence) re-notifies within 7 "
        "days after the last notification.",
        "days",
        Duration(days=7),
        NOTIFICATION_REGULATIONS_2013.cite(
            "reg. 2 (s.85(5)(a), (6) of the 2003 Act)",
            url="https://www.legislation.gov.uk/ssi/2013/216/regulation/2/made",
        ),
        counting=Counting.AFTER,
        applies_from=_dt.date(2013, 7, 8),
        note="in force with the Criminal Justice and Licensing (Scotland) Act "
        "2010 s.102(1)-(2) on 8 July 2013 (SSI 2013/214 art. 2); art. 3 saves "
        "earlier notifiers until their first notification on or after that date",
    ),
    _rule(
        "notification.periodic.release_extension",
        "A periodic notification period that would end while the person is in "
        "custody, in hospital or outside the United Kingdom continues until the "
        "end of the 3 days beginning when that stops.",
        "days",
        Duration(days=3),
        _soa("s.85(3), (4)", "85"),
        counting=Counting.BEGINNING_WITH,
        applies_from=_SOA_PART_2_IN_FORCE,
    ),
    _rule(
        "notification.foreign_travel.notice",
        "Foreign travel is notified at least 7 days before departure where "
        "possible (exact Scottish text unconfirmed).",
        "days",
        Duration(days=7),
        TRAVEL_NOTIFICATION_REGULATIONS_2004.cite(
            "reg. 5, as amended by SSI 2013/216 reg. 3(2)"
        ),
        counting=Counting.BEFORE,
        unconfirmed=True,
        note="confirmed: SSI 2013/216 reg. 3(2)(a) removed 'for a period of three "
        "days or longer' from reg. 5(1), so every trip is notifiable; not "
        "confirmed: the 7 days and the wording of reg. 5",
    ),
    _rule(
        "notification.foreign_travel.minimum_notice_hours",
        "Where 7 days' notice is not possible, foreign travel is notified as "
        "soon as practicable and at least 12 hours before departure (exact "
        "Scottish text unconfirmed).",
        "hours",
        12,
        TRAVEL_NOTIFICATION_REGULATIONS_2004.cite(
            "reg. 5(3), as amended by SSI 2013/216 reg. 3(2)(b)"
        ),
        unconfirmed=True,
        note="confirmed: SSI 2013/216 reg. 3(2)(b) put '12' for '24' in reg. "
        "5(3); not confirmed: what reg. 5(3) requires in those hours",
    ),
    _rule(
        "notification.review.adult",
        "The date of discharge of an indefinite notification requirement is the "
        "date falling 15 years after the relevant date (person 18 or over then), "
        "time in custody, in hospital or outside the United Kingdom before the "
        "first notification disregarded.",
        "years",
        Duration(years=15),
        _soa("s.88B(1)(a), (2), inserted by SSI 2011/45 art. 3", "88B"),
        counting=Counting.AFTER,
        applies_from=_dt.date(2011, 1, 28),
        note="SSI 2011/45 re-enacted SSI 2010/370 (in force 25 October 2010); "
        "later imprisonment (s.88B(3)-(4)) is not encoded",
    ),
    _rule(
        "notification.review.under_18",
        "For a person under 18 on the relevant date, the date of discharge is "
        "the date falling 8 years after the relevant date.",
        "years",
        Duration(years=8),
        _soa("s.88B(1)(b), (2), inserted by SSI 2011/45 art. 3", "88B"),
        counting=Counting.AFTER,
        applies_from=_dt.date(2011, 1, 28),
    ),
    # -- minutes, disclosure and licences (section 12) ----------------------
    # Subject access (para 11.22): two regimes, by what the controller
    # processes the minute for. Checked against legislation.gov.uk: DPA 2018
    # s.54(2), (3), (3A)-(3C) as amended by the Data (Use and Access) Act
    # 2025. Not read: the text of UK GDPR art. 12A inserted by that Act, and
    # an edition of the ICO's guidance revised for it.
    _rule(
        "disclosure.subject_access.general.response",
        "Under the UK GDPR (general processing: social work, health, "
        "housing), a subject access request is answered within one month of "
        "receipt: by the corresponding date of the next month, or that "
        "month's last day where there is none.",
        "months",
        Duration(months=1),
        UK_GDPR.cite("art. 12(3)"),
        counting=Counting.AFTER,
        note="counted as the Information Commissioner's Office explains it: "
        "from the day of receipt (working day or not) to the corresponding "
        "date of the next month",
    ),
    _rule(
        "disclosure.subject_access.general.extension",
        "Under the UK GDPR, the time limit may be extended by two further "
        "months for complex or numerous requests, the person being told "
        "within the first month.",
        "months",
        Duration(months=2),
        UK_GDPR.cite("art. 12(3)"),
        counting=Counting.AFTER,
        note="the extended limit is read as the corresponding date three "
        "months after receipt (one month and two further months counted "
        "together), moved to the next working day like the first",
    ),
    _rule(
        "disclosure.subject_access.general.next_working_day",
        "Under the UK GDPR, a deadline on a weekend or public holiday moves "
        "to the next working day.",
        "flag",
        True,
        ICO_RIGHT_OF_ACCESS.cite("How long do we have to comply?"),
    ),
    _rule(
        "disclosure.subject_access.general.clock_stop",
        "Under the UK GDPR as amended by the Data (Use and Access) Act 2025, "
        "the time limit stops while the controller waits for information it "
        "reasonably asked for (to confirm identity or clarify the request), "
        "from the day it asks to the day the information arrives.",
        "flag",
        True,
        UK_GDPR.cite("art. 12A, inserted by the Data (Use and Access) Act 2025"),
        applies_from=_dt.date(2026, 2, 5),
        unconfirmed=True,
        note="in force on 5 February 2026 (SI 2026/82 reg. 2), as reported by "
        "practitioners; the text of art. 12A was not available to us: read "
        "like DPA 2018 s.54(3C), the days from the request for information "
        "to its arrival, both included, not counted",
    ),
    _rule(
        "disclosure.subject_access.law_enforcement.response",
        "Under DPA 2018 Part 3 (law enforcement processing: the police), a "
        "subject access request is answered within the period of one month "
        "beginning with the relevant time (receipt of the request, or of "
        "information or a fee asked for, if later).",
        "months",
        Duration(months=1),
        DATA_PROTECTION_ACT_2018.cite(
            "s.45(3)(b), s.54(2)-(3)",
            url="https://www.legislation.gov.uk/ukpga/2018/12/section/54",
        ),
        counting=Counting.BEGINNING_WITH,
        note="the relevant time is day 1, so the period ends the day before "
        "the corresponding date of the next month (DESIGN, counting)",
    ),
    _rule(
        "disclosure.subject_access.law_enforcement.extension",
        "Under DPA 2018 Part 3, the controller may extend the applicable time "
        "period by two further months for complex or numerous requests, by "
        "notice given before the end of the first month.",
        "months",
        Duration(months=2),
        DATA_PROTECTION_ACT_2018.cite(
            "s.54(3A)-(3B), inserted by the Data (Use and Access) Act 2025",
            url="https://www.legislation.gov.uk/ukpga/2018/12/section/54",
        ),
        counting=Counting.BEGINNING_WITH,
        applies_from=_dt.date(2026, 2, 5),
        unconfirmed=True,
        note="read as the period of three months beginning with the relevant "
        "time; the text is confirmed, the commencement date (5 February 2026, "
        "SI 2026/82) is as reported by practitioners",
    ),
    _rule(
        "disclosure.subject_access.law_enforcement.next_working_day",
        "Under DPA 2018 Part 3, a deadline on a weekend or public holiday "
        "does not move: s.54 counts calendar days and says nothing of working days.",
        "flag",
        False,
        DATA_PROTECTION_ACT_2018.cite(
            "s.54", url="https://www.legislation.gov.uk/ukpga/2018/12/section/54"
        ),
        unconfirmed=True,
        note="the Information Commissioner's law enforcement guidance on this "
        "point was not available to us",
    ),
    _rule(
        "disclosure.subject_access.law_enforcement.clock_stop",
        "Under DPA 2018 Part 3, the period beginning with the day the "
        "controller asks for further information it reasonably requires and "
        "ending with the day it receives it does not count towards the "
        "applicable time period or the notice period.",
        "flag",
        True,
        DATA_PROTECTION_ACT_2018.cite(
            "s.54(3C), inserted by the Data (Use and Access) Act 2025",
            url="https://www.legislation.gov.uk/ukpga/2018/12/section/54",
        ),
        applies_from=_dt.date(2026, 2, 5),
        note="commencement on 5 February 2026 (SI 2026/82 reg. 2) as reported "
        "by practitioners",
    ),
    _rule(
        "disclosure.subject_access.general.right",
        "The person's right of access to their personal data (general processing).",
        "right",
        "right of access",
        UK_GDPR.cite(
            "art. 15", url="https://www.legislation.gov.uk/eur/2016/679/article/15"
        ),
    ),
    _rule(
        "disclosure.subject_access.law_enforcement.right",
        "The person's right of access to their personal data (law enforcement processing).",
        "right",
        "right of access",
        DATA_PROTECTION_ACT_2018.cite(
            "s.45", url="https://www.legislation.gov.uk/ukpga/2018/12/section/45"
        ),
    ),
    # Requests for a minute (paras 11.19-11.25): each duty and release with
    # its paragraph.
    _rule(
        "disclosure.duty.chair_prior_approval",
        "A minute and RMP are not shared or copied without the meeting chair's prior approval.",
        "duty",
        True,
        GUIDANCE.cite("para 11.19"),
    ),
    _rule(
        "disclosure.duty.consult_attending_agencies",
        "On a subject access request, the agencies that attended the meeting are consulted.",
        "duty",
        True,
        GUIDANCE.cite("para 11.22"),
    ),
    _rule(
        "disclosure.duty.seek_data_protection_advice",
        "On a subject access request, the lead Responsible Authority seeks "
        "advice from its information security or data protection officer.",
        "duty",
        True,
        GUIDANCE.cite("para 11.22"),
    ),
    _rule(
        "disclosure.duty.respond",
        "Every formal request for a minute and RMP is answered.",
        "duty",
        True,
        GUIDANCE.cite("para 11.23"),
    ),
    _rule(
        "disclosure.duty.whole_minute_rarely",
        "The whole minute or RMP is rarely disclosed to anyone not at the meeting.",
        "duty",
        True,
        GUIDANCE.cite("para 11.23"),
    ),
    _rule(
        "disclosure.duty.record_request_and_decision",
        "Every request and decision is recorded on case management records, ViSOR included.",
        "duty",
        True,
        GUIDANCE.cite("para 11.23"),
    ),
    _rule(
        "disclosure.duty.restrict_third_party_information",
        "Personal information about third parties and staff is withheld.",
        "duty",
        True,
        GUIDANCE.cite("para 11.25"),
    ),
    _rule(
        "disclosure.release.minute_executive_summary",
        "Where the minute or RMP is to be provided, a Minute Executive "
        "Summary goes with a covering letter.",
        "release",
        True,
        GUIDANCE.cite("para 11.24"),
    ),
    _rule(
        "disclosure.tribunal.statement",
        "A Mental Health Tribunal may be told only the date of the meeting, "
        "the MAPPA level and the recommendation the group supports.",
        "fields",
        ("meeting_date", "level", "recommendation"),
        GUIDANCE.cite("para 11.20"),
    ),
    _rule(
        "disclosure.tribunal.executive_summary",
        "For a tribunal considering conditional discharge or the revocation "
        "of a compulsion or restriction order, the chair prepares a Minute "
        "Executive Summary.",
        "considerations",
        (
            "CONDITIONAL_DISCHARGE",
            "REVOCATION_OF_COMPULSION_ORDER",
            "REVOCATION_OF_RESTRICTION_ORDER",
        ),
        GUIDANCE.cite("para 11.21"),
    ),
    _rule(
        "licences.assessment_report.validity",
        "A request to end supervision on a life licence comes with an "
        "Assessment Report dated within the last 12 months.",
        "months",
        Duration(months=12),
        GUIDANCE.cite("para 11.38"),
        counting=Counting.WITHIN_LAST,
        note="valid if dated on or after the corresponding date 12 months "
        "before the request (the earlier month's last day where there is "
        "none) and not after the request",
    ),
    _rule(
        "disclosure.minute.minimum_marking",
        "A MAPPA minute and RMP are always OFFICIAL and may be OFFICIAL-SENSITIVE "
        "under the Government Security Classifications: the lowest marking allowed.",
        "marking",
        "OFFICIAL",
        GUIDANCE.cite("para 11.16"),
    ),
    _rule(
        "disclosure.audio_recording.destroy_on_final",
        "An audio recording of a meeting must be destroyed once the final "
        "minute and RMP have been agreed and produced.",
        "duty",
        True,
        GUIDANCE.cite("para 11.18"),
        note="read strictly: a recording still held on any day after the day "
        "the final minute and RMP were agreed is kept too long",
    ),
    _rule(
        "licences.licence_conditions.recipient",
        "A change to licence conditions goes on a Licence Amendment template "
        "from the JSW supervising officer to the Scottish Government "
        "Community Licence Team.",
        "party",
        "COMMUNITY_LICENCE_TEAM",
        GUIDANCE.cite("para 11.36"),
    ),
    _rule(
        "licences.licence_conditions.never_to",
        "The Licence Amendment template is never submitted directly to the "
        "Parole Board by the supervising officer.",
        "party",
        "PAROLE_BOARD",
        GUIDANCE.cite("para 11.37"),
    ),
    _rule(
        "licences.preventative_order.recipient",
        "A change to a preventative order's conditions is sought by "
        "representation to the police, who consider seeking the amendment.",
        "party",
        "POLICE",
        GUIDANCE.cite("para 11.37"),
    ),
    _rule(
        "licences.supervised_release_order.recipient",
        "A change to a Supervised Release Order's conditions is sought by the "
        "JSW supervising officer writing to the court.",
        "party",
        "COURT",
        GUIDANCE.cite("para 11.39"),
    ),
    _rule(
        "licences.life_licence_termination.recipient",
        "A request to end supervision on a life licence goes on the same "
        "Licence Amendment template to the Scottish Government Community "
        "Licence Team, with an Assessment Report.",
        "party",
        "COMMUNITY_LICENCE_TEAM",
        GUIDANCE.cite("para 11.38"),
    ),
    _rule(
        "defensibility.test",
        "The defensibility test: was everything done that could reasonably "
        "have been done to prevent individuals from reoffending? Six elements "
        "make it up.",
        "question",
        "Was everything done that could reasonably have been done to prevent "
        "individuals from reoffending?",
        GUIDANCE.cite("paras 18.16-18.17"),
    ),
)
