"""Hypothesis strategies: realistic, valid MAPPA data for other projects' tests.

A case system that embeds ``mappa`` needs test data that ``mappa`` itself
accepts: categories with the levels they allow, dates the working calendar
covers, chairs of the right rank, disposals, incidents, support packages,
whole caseloads whose meeting histories hang together. The functions here
return `Hypothesis <https://hypothesis.readthedocs.io>`_ strategies for them.
Every value a strategy draws passes ``mappa``'s own validation (values are
built valid, never filtered), and shrinks toward a simple case: the first
member of an enum, the shortest term, a date near Monday 6 January 2025.

This module imports Hypothesis, so import it only from tests; ``import
mappa`` never needs Hypothesis. Installing ``mappa`` also registers a
strategy for each of its public value types with :func:`st.from_type
<hypothesis.strategies.from_type>`, through Hypothesis's entry point, so
``st.from_type(mappa.Incident)`` and ``@given(...)`` type inference work.

>>> import datetime as dt
>>> from hypothesis import find
>>> from mappa import strategies as ms
>>> from mappa.framework import check_level
>>> category, level = find(ms.category_levels(), lambda pair: True)
>>> check_level(category, level) is level
True
>>> find(ms.dates(), lambda day: True)
datetime.date(2025, 1, 6)
>>> find(ms.chair_assignments(), lambda decision: True).allowed
True
>>> find(ms.invalid_chair_assignments(), lambda decision: True).allowed
False

Every strategy takes keyword arguments that narrow it (``levels=``,
``areas=``, ``period=``...); a narrowing that leaves nothing to draw raises
:class:`~mappa.errors.InvalidValueError` when the strategy is made.

More information:

* Hypothesis: https://hypothesis.readthedocs.io
* MAPPA National Guidance (2023): the rules each value follows are those
  of the module that defines its type.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from mappa import _check
from mappa.calendar import WorkingCalendar
from mappa.chairs import (
    DEFAULT_SENIORITY_POLICY,
    Agency,
    ChairDecision,
    HealthGrade,
    Ladder,
    PoliceRank,
    Rank,
    Role,
    SeniorityPolicy,
    SocialWorkGrade,
    may_chair,
    minimum_chair_rank,
)
from mappa.defensibility import (
    DefensibilityChecklist,
    DefensibilityResult,
    assess_defensibility,
)
from mappa.disclosure import (
    DataProtectionRegime,
    DisclosureRoute,
    MinuteMarking,
    MinuteRequest,
    RecordingCheck,
    SecurityMarking,
    SubjectAccessDeadline,
    SubjectAccessRequest,
    ThirdPartyRequest,
    TribunalConsideration,
    TribunalRecommendation,
    TribunalRequest,
    TribunalStatement,
    assess_audio_recording,
    minute_marking,
    route_request,
    subject_access_deadline,
)
from mappa.duties import (
    AccessRequest,
    Case,
    CaseMeeting,
    Duty,
    DutyRow,
    Event,
    IspApproval,
    NotificationFacts,
    duties,
)
from mappa.errors import InvalidValueError, NotApplicable, Redacted
from mappa.framework import (
    DEFAULT_AREA_TABLE,
    Area,
    AreaTable,
    Category,
    Level,
    permitted_levels,
)
from mappa.indicators import (
    Coverage,
    IndicatorResult,
    Provenance,
    Report,
    Trend,
    evaluate,
    trend,
)
from mappa.isp import (
    ApprovalPeriod,
    CostSplit,
    EndReason,
    PackageRate,
    ProRata,
    ProvisionalForecast,
    ProvisionalPackage,
    RateUnit,
    SupportPackage,
    YearForecast,
    YearShare,
    apportion,
    approval_period,
    pro_rata,
    provisional_forecast,
    split_cost,
)
from mappa.licences import (
    ChangeKind,
    ChangeRoute,
    TerminationCheck,
    change_route,
    life_licence_termination,
)
from mappa.minutes import MinutesDecision, MinutesDue, minutes_due, minutes_on_time
from mappa.notification import (
    Caution,
    CautionJurisdiction,
    CommunityPaybackOrder,
    Deadline,
    Disposal,
    HospitalOrder,
    Imprisonment,
    LifeImprisonment,
    NotificationPeriod,
    NotificationSchedule,
    OrderForLifelongRestriction,
    OtherDisposal,
    TravelNotice,
    change_notification_due,
    foreign_travel_notice,
    initial_notification_due,
    notification_period,
    notification_schedule,
    periodic_notification_due,
)
from mappa.periods import DateRange, Duration
from mappa.records import AgencyRole, Attendance, Caseload, Meeting, MeetingKind
from mappa.reviews import (
    InitialMapppCheck,
    ReviewInterval,
    ReviewMeeting,
    ReviewStatus,
    assess_initial_mappp,
    review_interval,
    review_status,
)
from mappa.rulebook import DEFAULT_RULEBOOK, Rule, Rulebook, RuleVersion, resolve
from mappa.scr import Charge, Incident, ScrAssessment, assess_scr
from mappa.sources import DOCUMENTS, Citation, Document
from mappa.statistics import (
    NATIONAL_FIGURES_2018_19,
    FigureRow,
    KeepingChildrenSafe,
    NationalFigures,
    ProgrammeCompletions,
    TrainingCount,
)
from mappa.years import Quarter, ReportingPeriod, ReportingYear

__all__ = [
    "SIMPLE_DAY",
    "areas",
    "attendances",
    "case_histories",
    "caseloads",
    "cases",
    "categories",
    "category_levels",
    "chair_assignments",
    "date_ranges",
    "dates",
    "disposals",
    "durations",
    "imprisonments",
    "incidents",
    "invalid_chair_assignments",
    "levels",
    "meetings",
    "minute_requests",
    "money",
    "package_rates",
    "provisional_packages",
    "quarters",
    "ranks",
    "relevant_dates",
    "reporting_years",
    "review_meetings",
    "roles",
    "support_packages",
    "working_calendars",
    "working_days",
]

T = TypeVar("T")

SIMPLE_DAY = _dt.date(2025, 1, 6)
"""The date every date strategy shrinks toward when it is in range: a Monday."""

# The default span of dates: wide enough for any case system's tests, and
# inside the years a Scottish calendar answers for quickly.
_DEFAULT_MIN = _dt.date(2000, 1, 1)
_DEFAULT_MAX = _dt.date(2049, 12, 31)
# Gaps between things, in days: shapes of test data, not rules.
_MAX_GAP_DAYS = 120
_MAX_MONEY_PENNIES = 100_000_000  # a million pounds
_MAX_PACKAGE_DAYS = 730
_NOTIFIABLE_CAUTIONS = tuple(
    CautionJurisdiction[name] for name in DEFAULT_RULEBOOK.texts("notification.caution")
)
_DTC_AGENCIES = (
    "Housing",
    "Registered social landlord",
    "Department for Work and Pensions",
    "Scottish Children's Reporter Administration",
    "Education",
)


def _pick(items: Sequence[T]) -> SearchStrategy[T]:
    """One of *items*, shrinking toward the first; its repr stays short."""
    return st.integers(0, len(items) - 1).map(items.__getitem__)


def _constant(value: T) -> SearchStrategy[T]:
    """Always *value* (``st.just`` would put its whole repr in the strategy's)."""
    return st.none().map(lambda _: value)


def _options(
    given: Iterable[T] | None, everything: Sequence[T], cls: type[T], name: str
) -> tuple[T, ...]:
    """*given* (or *everything*) as a non-empty tuple of *cls*, in *everything*'s order."""
    if given is None:
        return tuple(everything)
    chosen = set(_check.ensure_tuple_of(given, cls, name))
    result = tuple(item for item in everything if item in chosen)
    if not result:
        raise InvalidValueError(f"{name} must name at least one choice", rule=name)
    return result


# -- the framework ----------------------------------------------------------------


def categories(*, among: Iterable[Category] | None = None) -> SearchStrategy[Category]:
    """MAPPA categories (those in *among*, if given); shrinks toward category 1.

    >>> from hypothesis import find
    >>> find(categories(), lambda c: True)
    <Category.REGISTERED_SEX_OFFENDER: 1>
    """
    return st.sampled_from(_options(among, tuple(Category), Category, "among"))


def levels(
    *,
    category: Category | None = None,
    among: Iterable[Level] | None = None,
    rulebook: Rulebook | None = None,
) -> SearchStrategy[Level]:
    """MAPPA levels: those *category* may be managed at (if given), within *among*.

    >>> from hypothesis import find
    >>> find(levels(category=Category.OTHER_RISK_OF_SERIOUS_HARM), lambda l: True)
    <Level.MULTI_AGENCY: 2>
    """
    allowed: Sequence[Level] = tuple(Level)
    if category is not None:
        category = _check.ensure_member(category, Category, "category")
        permitted = permitted_levels(category, rulebook=rulebook)
        allowed = tuple(level for level in Level if level in permitted)
    chosen = _options(among, tuple(Level), Level, "among")
    result = tuple(level for level in allowed if level in chosen)
    if not result:
        raise InvalidValueError(
            "no level in 'among' is permitted for the category",
            rule="levels",
            value=int(category) if category is not None else None,
        )
    return st.sampled_from(result)


def _pairs(
    among_categories: Iterable[Category] | None,
    among_levels: Iterable[Level] | None,
    rulebook: Rulebook | None,
) -> tuple[tuple[Category, Level], ...]:
    cats = _options(among_categories, tuple(Category), Category, "categories")
    lvls = _options(among_levels, tuple(Level), Level, "levels")
    book = resolve(rulebook)
    pairs = tuple(
        (category, level)
        for category in cats
        for level in lvls
        if level in permitted_levels(category, rulebook=book)
    )
    if not pairs:
        raise InvalidValueError(
            "no category given may be managed at any level given",
            rule="category_levels",
        )
    return pairs


def category_levels(
    *,
    categories: Iterable[Category] | None = None,
    levels: Iterable[Level] | None = None,
    rulebook: Rulebook | None = None,
) -> SearchStrategy[tuple[Category, Level]]:
    """Valid ``(category, level)`` pairs: every one passes :func:`~mappa.framework.check_level`.

    Category 3 is never drawn at level 1. Shrinks toward
    ``(Category.REGISTERED_SEX_OFFENDER, Level.ROUTINE)``.
    """
    return st.sampled_from(_pairs(categories, levels, rulebook))


def areas(
    *, names: Iterable[str] | None = None, area_table: AreaTable | None = None
) -> SearchStrategy[Area]:
    """MAPPA areas of *area_table* (the default), or those named in *names*."""
    checked = _check.ensure_optional_instance(area_table, AreaTable, "area_table")
    table = DEFAULT_AREA_TABLE if checked is None else checked
    if names is None:
        return _pick(table.areas)
    chosen = {table.area(name) for name in _check.ensure_tuple_of(names, str, "names")}
    return _pick(tuple(area for area in table.areas if area in chosen))


# -- dates and calendars ----------------------------------------------------------


def _bounds(
    min_value: _dt.date | None,
    max_value: _dt.date | None,
    calendar: WorkingCalendar | None,
) -> tuple[_dt.date, _dt.date]:
    low = _check.ensure_optional_date(min_value, "min_value")
    high = _check.ensure_optional_date(max_value, "max_value")
    cal = _check.ensure_optional_instance(calendar, WorkingCalendar, "calendar")
    cal = WorkingCalendar.scotland() if cal is None else cal
    first = _dt.date(cal.first_year, 1, 1)
    last = _dt.date(cal.last_year, 12, 31)
    low = max(_DEFAULT_MIN, first) if low is None else low
    high = min(_DEFAULT_MAX, last) if high is None else high
    if low < first or high > last:
        raise InvalidValueError(
            f"dates must lie in the years the calendar covers, {cal.first_year} "
            f"to {cal.last_year}",
            rule="dates",
        )
    if low > high:
        raise InvalidValueError(
            "min_value must not be after max_value", rule="dates", value=None
        )
    return low, high


def _dates_between(low: _dt.date, high: _dt.date) -> SearchStrategy[_dt.date]:
    """Dates from *low* to *high*, shrinking toward :data:`SIMPLE_DAY` (or *low*)."""
    anchor = min(max(SIMPLE_DAY, low), high)
    origin = anchor.toordinal()
    return st.integers(low.toordinal() - origin, high.toordinal() - origin).map(
        lambda offset: _dt.date.fromordinal(origin + offset)
    )


def dates(
    *,
    min_value: _dt.date | None = None,
    max_value: _dt.date | None = None,
    calendar: WorkingCalendar | None = None,
) -> SearchStrategy[_dt.date]:
    """Dates the working calendar covers, from *min_value* to *max_value*.

    The default span is 2000 to 2049 (within the Scottish calendar's
    years); a wider one may be given, as far as *calendar*'s
    :attr:`~mappa.calendar.WorkingCalendar.first_year` and
    :attr:`~mappa.calendar.WorkingCalendar.last_year`. Shrinks toward
    :data:`SIMPLE_DAY` (or the nearest bound).
    """
    return _dates_between(*_bounds(min_value, max_value, calendar))


def _notification_start(book: Rulebook) -> _dt.date:
    """The first day every notification rule of *book* is in force."""
    starts = [
        version.applies_from
        for rule in book.rules
        if rule.name.startswith("notification.")
        for version in rule.versions[:1]
        if version.applies_from is not None
    ]
    return max(starts, default=_DEFAULT_MIN)


def relevant_dates(
    *,
    min_value: _dt.date | None = None,
    max_value: _dt.date | None = None,
    rulebook: Rulebook | None = None,
) -> SearchStrategy[_dt.date]:
    """Relevant dates for notification (conviction, finding, caution).

    By default from the day every notification rule of the rulebook is in
    force (so no deadline raises :class:`~mappa.errors.RuleNotInForce`)
    to the end of 2049; see :func:`dates`.
    """
    if min_value is None:
        min_value = _notification_start(resolve(rulebook))
    return dates(min_value=min_value, max_value=max_value)


def working_days(
    *,
    min_value: _dt.date | None = None,
    max_value: _dt.date | None = None,
    calendar: WorkingCalendar | None = None,
) -> SearchStrategy[_dt.date]:
    """Working days of *calendar* (Scotland's by default) from *min_value* to *max_value*."""
    low, high = _bounds(min_value, max_value, calendar)
    cal = WorkingCalendar.scotland() if calendar is None else calendar
    first = cal.roll_forward(low)
    last = cal.roll_backward(high)
    if first > last:
        raise InvalidValueError(
            "there is no working day between min_value and max_value",
            rule="working_days",
        )
    count = cal.working_days_between(first, last)
    anchor = cal.roll_forward(min(max(SIMPLE_DAY, first), last))
    before = cal.working_days_between(first, anchor)
    return st.integers(-before, count - before).map(
        lambda n: cal.add_working_days(anchor, n)
    )


@st.composite
def _calendars(
    draw: st.DrawFn, low: _dt.date, high: _dt.date, max_extra: int
) -> WorkingCalendar:
    days = draw(st.lists(_dates_between(low, high), max_size=max_extra, unique=True))
    split = draw(st.integers(0, len(days)))
    closed = dict.fromkeys(days[:split], "Local holiday")
    return WorkingCalendar.scotland(
        extra_closed_days=closed, extra_working_days=days[split:]
    )


def working_calendars(
    *,
    min_value: _dt.date | None = None,
    max_value: _dt.date | None = None,
    max_extra_days: int = 4,
) -> SearchStrategy[WorkingCalendar]:
    """Scottish working calendars with extra closed (and open) days between the bounds.

    Shrinks toward the plain Scottish calendar.
    """
    low, high = _bounds(min_value, max_value, None)
    limit = _check.ensure_non_negative_int(max_extra_days, "max_extra_days")
    return _calendars(low, high, limit)


def reporting_years(
    *, min_year: int = _DEFAULT_MIN.year, max_year: int = _DEFAULT_MAX.year - 1
) -> SearchStrategy[ReportingYear]:
    """Reporting years (1 April to 31 March) starting from *min_year* to *max_year*."""
    low = _check.ensure_int(min_year, "min_year")
    high = _check.ensure_int(max_year, "max_year")
    start = min(max(SIMPLE_DAY.year - 1, low), high)
    return st.integers(low - start, high - start).map(
        lambda offset: ReportingYear(start + offset)
    )


def quarters(
    *, min_year: int = _DEFAULT_MIN.year, max_year: int = _DEFAULT_MAX.year - 1
) -> SearchStrategy[Quarter]:
    """Quarters of the reporting years from *min_year* to *max_year*."""
    return st.builds(
        Quarter,
        reporting_years(min_year=min_year, max_year=max_year).map(
            lambda year: year.first_year
        ),
        st.integers(1, 4),
    )


def durations(*, max_years: int = 10) -> SearchStrategy[Duration]:
    """Non-zero durations; shrinks toward one day."""

    @st.composite
    def build(draw: st.DrawFn) -> Duration:
        days = draw(st.integers(0, 30))
        weeks = draw(st.integers(0, 12))
        months = draw(st.integers(0, 24))
        years = draw(st.integers(0, max_years))
        if not (years or months or weeks or days):
            days = 1
        return Duration(years=years, months=months, weeks=weeks, days=days)

    return build()


# -- chairs -----------------------------------------------------------------------

_LADDER_RANKS: dict[Ladder, tuple[Rank, ...]] = {
    Ladder.POLICE: tuple(PoliceRank),
    Ladder.SOCIAL_WORK: tuple(SocialWorkGrade),
    Ladder.HEALTH: tuple(HealthGrade),
}


def ranks(*, ladder: Ladder | None = None) -> SearchStrategy[Rank]:
    """Ranks and grades (of *ladder*, if given); shrinks toward a Constable."""
    if ladder is None:
        return st.sampled_from(tuple(r for rs in _LADDER_RANKS.values() for r in rs))
    ladder = _check.ensure_member(ladder, Ladder, "ladder")
    return st.sampled_from(_LADDER_RANKS[ladder])


def _role(rank: Rank, flag: bool) -> Role:
    if isinstance(rank, PoliceRank):
        return Role(rank, detective=flag)
    if isinstance(rank, HealthGrade):
        return Role(rank, suitably_qualified=flag)
    return Role(rank)


def roles(*, ladder: Ladder | None = None) -> SearchStrategy[Role]:
    """Roles: a rank, with detective (police) or suitably qualified (health) drawn."""
    return st.builds(_role, ranks(ladder=ladder), st.booleans())


def _chair_roles(
    category: Category, level: Level, allowed: bool, book: Rulebook
) -> list[SearchStrategy[Role]]:
    """Strategies for roles that may (or may not) chair such a meeting."""
    found: list[SearchStrategy[Role]] = []
    for ladder in (Ladder.POLICE, Ladder.SOCIAL_WORK):
        minimum = minimum_chair_rank(level, ladder, rulebook=book)
        chosen = tuple(
            rank
            for rank in _LADDER_RANKS[ladder]
            if (rank.value >= minimum.value) is allowed
        )
        if chosen:
            found.append(st.builds(_role, st.sampled_from(chosen), st.booleans()))
    health = tuple(HealthGrade)
    health_chair = bool(book.value("chairs.restricted_patients.health"))
    if allowed and category is Category.RESTRICTED_PATIENT and health_chair:
        found.append(st.builds(_role, st.sampled_from(health), st.just(True)))
    if not allowed:
        found.append(st.builds(_role, st.sampled_from(health), st.just(False)))
        if category is not Category.RESTRICTED_PATIENT or not health_chair:
            found.append(st.builds(_role, st.sampled_from(health), st.just(True)))
    return found


@st.composite
def _chairs(
    draw: st.DrawFn,
    pairs: tuple[tuple[Category, Level], ...],
    allowed: bool,
    book: Rulebook,
) -> ChairDecision:
    category, level = draw(st.sampled_from(pairs))
    role = draw(st.one_of(_chair_roles(category, level, allowed, book)))
    return may_chair(role, level, category, rulebook=book)


def chair_assignments(
    *,
    categories: Iterable[Category] | None = None,
    levels: Iterable[Level] | None = None,
    rulebook: Rulebook | None = None,
) -> SearchStrategy[ChairDecision]:
    """Chairs who may chair their meeting, as :class:`~mappa.chairs.ChairDecision` values.

    Each decision carries the ``role``, ``level`` and ``category`` drawn,
    and ``allowed`` is always True: ``may_chair(d.role, d.level,
    d.category).allowed``. Police and social work chairs at or above the
    level's minimum; for restricted patients, also suitably qualified
    health chairs.
    """
    book = resolve(rulebook)
    return _chairs(_pairs(categories, levels, book), True, book)


def invalid_chair_assignments(
    *,
    categories: Iterable[Category] | None = None,
    levels: Iterable[Level] | None = None,
    rulebook: Rulebook | None = None,
) -> SearchStrategy[ChairDecision]:
    """Chairs who may *not* chair their meeting, for negative tests (``allowed`` is False).

    Ranks below the level's minimum, health representatives who are not
    suitably qualified, and health chairs outside restricted patient cases.
    """
    book = resolve(rulebook)
    return _chairs(_pairs(categories, levels, book), False, book)


@st.composite
def _seniority_policies(draw: st.DrawFn) -> SeniorityPolicy:
    if draw(st.booleans()):
        police = draw(st.sampled_from(tuple(PoliceRank)))
        social = draw(st.sampled_from(tuple(SocialWorkGrade)))
        return SeniorityPolicy({Agency.POLICE: police, Agency.SOCIAL_WORK: social})
    return DEFAULT_SENIORITY_POLICY


# -- reviews, minutes ---------------------------------------------------------------


def review_meetings(
    *,
    levels: Iterable[Level] | None = None,
    min_value: _dt.date | None = None,
    max_value: _dt.date | None = None,
) -> SearchStrategy[ReviewMeeting]:
    """Review meetings: a date and the level it was held at."""
    return st.builds(
        ReviewMeeting,
        dates(min_value=min_value, max_value=max_value),
        st.sampled_from(_options(levels, tuple(Level), Level, "levels")),
    )


_REVIEWED = (Level.MULTI_AGENCY, Level.MAPPP)


def _review_statuses() -> SearchStrategy[ReviewStatus]:
    return st.builds(
        lambda level, last, gap: review_status(
            level, last, last + _dt.timedelta(days=gap)
        ),
        st.sampled_from(_REVIEWED),
        dates(max_value=_dt.date(2048, 12, 31)),
        st.integers(0, 200),
    )


def _initial_checks() -> SearchStrategy[InitialMapppCheck]:
    return st.builds(
        lambda liberation, gap: assess_initial_mappp(
            liberation, liberation - _dt.timedelta(days=gap)
        ),
        dates(min_value=_dt.date(2001, 1, 1)),
        st.integers(-30, 180),
    )


def _minutes_decisions() -> SearchStrategy[MinutesDecision]:
    return st.builds(
        lambda day, gap: minutes_on_time(day, day + _dt.timedelta(days=gap)),
        dates(max_value=_dt.date(2048, 12, 31)),
        st.integers(0, 60),
    )


# -- SCR ---------------------------------------------------------------------------


def incidents(
    *,
    managed_under_mappa: bool | None = None,
    charges: Iterable[Charge] | None = None,
) -> SearchStrategy[Incident]:
    """Incidents; shrinks toward a person not managed under MAPPA, not charged."""
    managed: SearchStrategy[bool] = (
        st.booleans()
        if managed_under_mappa is None
        else st.just(_check.ensure_bool(managed_under_mappa, "managed_under_mappa"))
    )
    return st.builds(
        Incident,
        managed_under_mappa=managed,
        charge=st.sampled_from(_options(charges, tuple(Charge), Charge, "charges")),
        concern_about_involvement=st.booleans(),
        harmed_as_known_sex_offender=st.booleans(),
        other_professional_concern=st.booleans(),
    )


# -- ISP ---------------------------------------------------------------------------


def money(*, max_value: Decimal = Decimal("1000000.00")) -> SearchStrategy[Decimal]:
    """Amounts of money: non-negative ``Decimal`` pounds with two places."""
    limit = _check.ensure_decimal(max_value, "max_value")
    pennies = int(limit.scaleb(2))
    return st.integers(0, min(pennies, _MAX_MONEY_PENNIES)).map(
        lambda p: Decimal(f"{p // 100}.{p % 100:02d}")
    )


def package_rates() -> SearchStrategy[PackageRate]:
    """Daily or weekly package rates of up to £5,000."""
    return st.builds(
        PackageRate, money(max_value=Decimal("5000.00")), st.sampled_from(RateUnit)
    )


def date_ranges(
    *,
    min_value: _dt.date | None = None,
    max_value: _dt.date | None = None,
    max_days: int = _MAX_PACKAGE_DAYS,
) -> SearchStrategy[DateRange]:
    """Inclusive date ranges (funding periods...) of 1 to *max_days* days within the bounds."""
    low, high = _bounds(min_value, max_value, None)
    limit = _check.ensure_int(max_days, "max_days")
    if limit < 1:
        raise InvalidValueError("max_days must be at least 1", rule="max_days")

    @st.composite
    def build(draw: st.DrawFn) -> DateRange:
        # The length first, then a start that leaves room for it: each shrinks
        # on its own (to one day, and to SIMPLE_DAY), whatever the
        # Hypothesis release's shrinker does with dependent draws.
        length = draw(st.integers(0, min(limit - 1, (high - low).days)))
        start = draw(_dates_between(low, high - _dt.timedelta(days=length)))
        return DateRange(start, start + _dt.timedelta(days=length))

    return build()


def support_packages(
    *, min_value: _dt.date | None = None, max_value: _dt.date | None = None
) -> SearchStrategy[SupportPackage]:
    """Intensive support packages: a funding period and a rate."""
    return st.builds(
        SupportPackage,
        date_ranges(min_value=min_value, max_value=max_value),
        package_rates(),
    )


def provisional_packages() -> SearchStrategy[ProvisionalPackage]:
    """Packages on the provisional list, with a likelihood from 0 to 1."""
    likelihood: SearchStrategy[Decimal | Fraction] = st.one_of(
        st.integers(0, 100).map(lambda n: Decimal(n) / 100),
        st.fractions(0, 1, max_denominator=12),
    )
    return st.builds(ProvisionalPackage, support_packages(), likelihood)


def _pro_ratas() -> SearchStrategy[ProRata]:
    @st.composite
    def build(draw: st.DrawFn) -> ProRata:
        package = draw(support_packages())
        days = draw(st.integers(0, package.period.days - 1))
        ended = package.period.start + _dt.timedelta(days=days)
        return pro_rata(package, ended, draw(st.sampled_from(EndReason)))

    return build()


def _forecasts() -> SearchStrategy[ProvisionalForecast]:
    return st.lists(provisional_packages(), min_size=1, max_size=3).map(
        provisional_forecast
    )


@st.composite
def _year_shares(draw: st.DrawFn) -> YearShare:
    period = draw(date_ranges())
    return draw(_pick(apportion(draw(money()), period)))


# -- notification ------------------------------------------------------------------


def imprisonments(*, max_years: int = 20) -> SearchStrategy[Imprisonment]:
    """Terms of imprisonment; shrinks toward one day."""

    @st.composite
    def build(draw: st.DrawFn) -> Imprisonment:
        days = draw(st.integers(0, 30))
        months = draw(st.integers(0, 36))
        years = draw(st.integers(0, max_years))
        if not (years or months or days):
            days = 1
        return Imprisonment(years=years, months=months, days=days)

    return build()


def disposals() -> SearchStrategy[Disposal]:
    """Disposals that make a person notify in Scotland: a caution only from
    England and Wales or Northern Ireland (s.80(1)(d)), never one given in
    Scotland.

    Shrinks toward :class:`~mappa.notification.OtherDisposal` (5 years).
    """
    return st.one_of(
        st.just(OtherDisposal()),
        st.sampled_from(_NOTIFIABLE_CAUTIONS).map(lambda where: Caution(where=where)),
        imprisonments(),
        st.just(LifeImprisonment()),
        st.just(OrderForLifelongRestriction()),
        st.builds(HospitalOrder, st.booleans()),
        st.builds(
            CommunityPaybackOrder,
            st.integers(1, 36).map(lambda months: Duration(months=months)),
        ),
    )


def _deadlines() -> SearchStrategy[Deadline]:
    day = relevant_dates(max_value=_dt.date(2048, 12, 31))
    return st.one_of(
        day.map(initial_notification_due),
        day.map(periodic_notification_due),
        day.map(change_notification_due),
    )


@st.composite
def _periods(draw: st.DrawFn) -> NotificationPeriod:
    return notification_period(
        draw(disposals()),
        under_18=draw(st.booleans()),
        relevant_date=draw(relevant_dates()),
    )


@st.composite
def _schedules(draw: st.DrawFn) -> NotificationSchedule:
    relevant = draw(relevant_dates(max_value=_dt.date(2030, 12, 31)))
    first = relevant + _dt.timedelta(days=draw(st.integers(0, 3)))
    years = draw(st.integers(1, 15))
    return notification_schedule(
        draw(disposals()),
        relevant,
        under_18=draw(st.booleans()),
        first_notification=first,
        horizon=Duration(years=years).after(relevant),
    )


# -- disclosure, licences, defensibility ---------------------------------------------


def minute_requests(
    *, min_value: _dt.date | None = None, max_value: _dt.date | None = None
) -> SearchStrategy[MinuteRequest]:
    """Requests for a MAPPA minute: third party, subject access or tribunal."""
    day = dates(min_value=min_value, max_value=max_value)
    return st.one_of(
        st.builds(ThirdPartyRequest, received=day),
        st.builds(
            SubjectAccessRequest,
            received=day,
            regime=st.sampled_from(DataProtectionRegime),
            by_legal_representative=st.booleans(),
        ),
        st.builds(
            TribunalRequest,
            received=day,
            considering=st.sampled_from(TribunalConsideration),
        ),
    )


@st.composite
def _recording_checks(draw: st.DrawFn) -> RecordingCheck:
    agreed = draw(st.none() | dates(max_value=_dt.date(2047, 12, 31)))
    base = SIMPLE_DAY if agreed is None else agreed
    destroyed = draw(
        st.none() | st.integers(0, 400).map(lambda n: base + _dt.timedelta(days=n))
    )
    on = max(base, destroyed or base) + _dt.timedelta(days=draw(st.integers(0, 400)))
    return assess_audio_recording(final_agreed=agreed, destroyed=destroyed, on=on)


@st.composite
def _terminations(draw: st.DrawFn) -> TerminationCheck:
    request = draw(dates(min_value=_dt.date(2002, 1, 1)))
    report = request - _dt.timedelta(days=draw(st.integers(0, 500)))
    return life_licence_termination(request_date=request, report_date=report)


def _checklists() -> SearchStrategy[DefensibilityChecklist]:
    answer = st.none() | st.booleans()
    return st.builds(
        DefensibilityChecklist,
        reasonable_steps=answer,
        reliable_assessment=answer,
        information_evaluated=answer,
        decisions_recorded=answer,
        policies_followed=answer,
        investigative_and_proactive=answer,
    )


# -- meeting records and caseloads ----------------------------------------------------


_EVERY_AGENCY: tuple[Agency | str, ...] = (*tuple(Agency), *_DTC_AGENCIES)


# Every consistent (invited, attended, at_seniority, written_contribution),
# simplest first: attended only if invited, at seniority only if attended.
# One draw picks an agency's whole part, so big caseloads stay cheap to draw.
_PARTS = tuple(
    (invited, attended, senior, written)
    for invited in (False, True)
    for attended in ((False, True) if invited else (False,))
    for senior in ((False, True) if attended else (False,))
    for written in (False, True)
)
_PART = st.integers(0, len(_PARTS) - 1)


def _draw_attendance(draw: st.DrawFn, agency: Agency | str) -> Attendance:
    """One agency's consistent part in a meeting, drawn in one go."""
    invited, attended, senior, written = _PARTS[draw(_PART)]
    return Attendance(
        agency=agency,
        role=(
            AgencyRole.DUTY_TO_COOPERATE
            if isinstance(agency, str)
            else AgencyRole.RESPONSIBLE_AUTHORITY
        ),
        invited=invited,
        attended=attended,
        at_seniority=senior,
        written_contribution=written,
    )


def attendances(
    *, agencies: Iterable[Agency | str] | None = None
) -> SearchStrategy[Attendance]:
    """Attendance records: invited, attended only if invited, at seniority only if attended.

    Responsible Authorities are :class:`~mappa.chairs.Agency` members;
    duty to co-operate agencies are named by a string (*agencies* narrows
    the choice). Shrinks toward the police, not invited.
    """
    if agencies is None:
        names = _EVERY_AGENCY
    else:
        given: tuple[object, ...] = tuple(agencies)
        for index, agency in enumerate(given):
            if not isinstance(agency, Agency | str):
                _check.ensure_instance(agency, Agency, f"agencies[{index}]")
        names = tuple(a for a in given if isinstance(a, Agency | str))
        if not names:
            raise InvalidValueError("agencies must name at least one", rule="agencies")
    pick = _pick(names)

    @st.composite
    def build(draw: st.DrawFn) -> Attendance:
        return _draw_attendance(draw, draw(pick))

    return build()


_AGENCY_INDEXES = st.lists(
    st.integers(0, len(_EVERY_AGENCY) - 1), unique=True, max_size=4
)


def _meeting_attendance(draw: st.DrawFn) -> tuple[Attendance, ...]:
    chosen = draw(_AGENCY_INDEXES)
    return tuple(_draw_attendance(draw, _EVERY_AGENCY[i]) for i in sorted(chosen))


def _kinds() -> tuple[MeetingKind, ...]:
    return (MeetingKind.REVIEW, MeetingKind.RISK_MANAGEMENT_TEAM)


@attrs.frozen
class _HistoryPlan:
    """The strategies one case's history is drawn from, built once (private).

    Building a Hypothesis strategy costs far more than drawing from it, so
    a caseload builds these once and draws every case from them.
    """

    area: SearchStrategy[str]
    pair: SearchStrategy[tuple[Category, Level]]
    first_day: SearchStrategy[_dt.date]
    liberation_gap: SearchStrategy[int | None]
    count: SearchStrategy[int]
    delay: SearchStrategy[int | None]
    kind: SearchStrategy[MeetingKind]
    # For each (category, level): the other levels the category allows.
    moves: dict[tuple[Category, Level], SearchStrategy[Level] | None]
    # For each level: the days to the next meeting (mostly on time).
    gaps: dict[Level, SearchStrategy[int]]
    high: _dt.date


def _plan(
    area_names: tuple[str, ...],
    pairs: tuple[tuple[Category, Level], ...],
    low: _dt.date,
    high: _dt.date,
    max_meetings: int,
    book: Rulebook,
) -> _HistoryPlan:
    moves: dict[tuple[Category, Level], SearchStrategy[Level] | None] = {}
    for category, level in pairs:
        others = [lvl for cat, lvl in pairs if cat is category and lvl is not level]
        moves[category, level] = _pick(others) if others else None
    gaps: dict[Level, SearchStrategy[int]] = {}
    for level in Level:
        try:
            interval = review_interval(level, rulebook=book).duration.total_days
        except NotApplicable:
            interval = _MAX_GAP_DAYS
        # Mostly on time, sometimes late: the indicators need both.
        gaps[level] = st.integers(1, interval + interval // 2)
    return _HistoryPlan(
        area=_pick(area_names),
        pair=_pick(pairs),
        first_day=_dates_between(low, high),
        liberation_gap=st.none() | st.integers(0, _MAX_GAP_DAYS),
        count=st.integers(1, max_meetings),
        delay=st.none() | st.integers(0, 30),
        kind=_pick(_kinds()),
        moves=moves,
        gaps=gaps,
        high=high,
    )


def _draw_history(draw: st.DrawFn, number: int, plan: _HistoryPlan) -> list[Meeting]:
    area = draw(plan.area)
    category, level = draw(plan.pair)
    day = draw(plan.first_day)
    gap = draw(plan.liberation_gap)
    liberation = None if gap is None else day + _dt.timedelta(days=gap)
    count = draw(plan.count)
    history: list[Meeting] = []
    for index in range(count):
        last = index == count - 1
        leaves = last and draw(st.booleans())
        new_level: Level | None = None
        move = plan.moves[category, level]
        if not leaves and move is not None and draw(st.booleans()):
            new_level = draw(move)
        delay = draw(plan.delay)
        released = None if delay is None else day + _dt.timedelta(days=delay)
        history.append(
            Meeting(
                meeting_id=f"M{number:04d}-{index:02d}",
                case_ref=f"C-{number:04d}",
                area=area,
                category=category,
                level=level,
                date=day,
                kind=MeetingKind.INITIAL if index == 0 else draw(plan.kind),
                liberation_date=liberation,
                minutes_released=released,
                disclosure_recorded=draw(st.booleans()),
                leaves_mappa=leaves,
                new_level=new_level,
                attendance=_meeting_attendance(draw),
            )
        )
        if new_level is not None:
            level = new_level
        if last:
            break
        day = day + _dt.timedelta(days=draw(plan.gaps[level]))
        if day > plan.high:
            break
    return history


def _history_args(
    areas: Iterable[str] | None,
    categories: Iterable[Category] | None,
    levels: Iterable[Level] | None,
    period: ReportingYear | Quarter | None,
    min_value: _dt.date | None,
    max_value: _dt.date | None,
    rulebook: Rulebook | None,
) -> tuple[
    tuple[str, ...], tuple[tuple[Category, Level], ...], _dt.date, _dt.date, Rulebook
]:
    book = resolve(rulebook)
    if areas is None:
        names = tuple(area.name for area in DEFAULT_AREA_TABLE.areas)
    else:
        given = _check.ensure_tuple_of(areas, str, "areas")
        names = tuple(dict.fromkeys(DEFAULT_AREA_TABLE.area(n).name for n in given))
        if not names:
            raise InvalidValueError("areas must name at least one area", rule="areas")
    if period is not None:
        period = _check.ensure_instance(period, (ReportingYear, Quarter), "period")  # type: ignore[arg-type]  # a tuple of types is what isinstance takes
        assert isinstance(period, ReportingYear | Quarter)
        low, high = _bounds(period.start, period.end, None)
    else:
        low, high = _bounds(min_value, max_value, None)
    return names, _pairs(categories, levels, book), low, high, book


def case_histories(
    *,
    number: int = 1,
    areas: Iterable[str] | None = None,
    categories: Iterable[Category] | None = None,
    levels: Iterable[Level] | None = None,
    period: ReportingYear | Quarter | None = None,
    min_value: _dt.date | None = None,
    max_value: _dt.date | None = None,
    max_meetings: int = 5,
    rulebook: Rulebook | None = None,
) -> SearchStrategy[list[Meeting]]:
    """One case's meetings, in date order: a :class:`~mappa.records.Meeting` list.

    The first meeting is the initial one; each later meeting follows the
    last by at most one and a half review intervals (so some reviews are
    late); a level change at a meeting sets the next meeting's level; only
    the last meeting may take the case out of MAPPA. Area and category are
    fixed for the case; its references are ``C-<number>`` and
    ``M<number>-<index>``.
    """
    args = _history_args(
        areas, categories, levels, period, min_value, max_value, rulebook
    )
    limit = _check.ensure_int(max_meetings, "max_meetings")
    if limit < 1:
        raise InvalidValueError("max_meetings must be at least 1", rule="max_meetings")
    number = _check.ensure_int(number, "number")
    plan = _plan(*args[:4], limit, args[4])
    return st.composite(lambda draw: _draw_history(draw, number, plan))()


def meetings(**narrowing: Any) -> SearchStrategy[Meeting]:
    """Single meeting records (:class:`~mappa.records.Meeting`); takes :func:`case_histories`'s arguments."""
    return case_histories(**narrowing).flatmap(_pick)


def caseloads(
    *,
    areas: Iterable[str] | None = None,
    categories: Iterable[Category] | None = None,
    levels: Iterable[Level] | None = None,
    period: ReportingYear | Quarter | None = None,
    min_value: _dt.date | None = None,
    max_value: _dt.date | None = None,
    min_cases: int = 1,
    max_cases: int = 5,
    max_meetings: int = 5,
    rulebook: Rulebook | None = None,
) -> SearchStrategy[Caseload]:
    """Whole caseloads (:class:`~mappa.records.Caseload`) that :func:`mappa.indicators.evaluate` accepts.

    Each case is drawn by :func:`case_histories`; meeting ids are unique.
    *period* keeps every meeting inside a reporting year or quarter;
    *areas* are area (or council) names.

    **Size.** A caseload draws from 1 to *max_cases* cases (default 5) of 1
    to *max_meetings* meetings (default 5). Up to
    ``max_cases * max_meetings == 250`` (50 cases of 5 meetings, 125 of 2)
    passes Hypothesis's health checks; bigger caseloads take more data
    than Hypothesis draws for one example and fail them (``too_slow``,
    ``data_too_large``). For volume, test with
    :func:`~mappa.records.sample_caseload` or your own extract.
    """
    low_cases = _check.ensure_non_negative_int(min_cases, "min_cases")
    high_cases = _check.ensure_non_negative_int(max_cases, "max_cases")
    if low_cases > high_cases:
        raise InvalidValueError("min_cases must not exceed max_cases", rule="min_cases")
    names, pairs, low, high, book = _history_args(
        areas, categories, levels, period, min_value, max_value, rulebook
    )
    limit = _check.ensure_int(max_meetings, "max_meetings")
    if limit < 1:
        raise InvalidValueError("max_meetings must be at least 1", rule="max_meetings")

    plan = _plan(names, pairs, low, high, limit, book)
    cases = st.integers(low_cases, high_cases)

    @st.composite
    def build(draw: st.DrawFn) -> Caseload:
        found = []
        for number in range(1, draw(cases) + 1):
            found.extend(_draw_history(draw, number, plan))
        return Caseload.from_meetings(found)

    return build()


# -- cases and their duties ------------------------------------------------------------

# Spans of test data for a case's timeline: shapes, not rules.
_CASE_SPAN_DAYS = 730
_MAX_DELAY_DAYS = 30


def _delay(draw: st.DrawFn, day: _dt.date) -> _dt.date | None:
    """None, or a day from *day* to a month later."""
    gap = draw(st.none() | st.integers(0, _MAX_DELAY_DAYS))
    return None if gap is None else day + _dt.timedelta(days=gap)


def _days_from(draw: st.DrawFn, low: _dt.date, size: int) -> tuple[_dt.date, ...]:
    return tuple(
        draw(
            st.lists(
                _dates_between(low, low + _dt.timedelta(days=_CASE_SPAN_DAYS)),
                max_size=size,
            )
        )
    )


@st.composite
def _case_meetings(
    draw: st.DrawFn, category: Category, level: Level, start: _dt.date, count: int
) -> tuple[CaseMeeting, ...]:
    allowed = permitted_levels(category)
    found: list[CaseMeeting] = []
    day = start
    for index in range(count):
        leaves = index == count - 1 and draw(st.booleans())
        others = [lvl for lvl in allowed if lvl is not level]
        new_level = (
            draw(st.sampled_from(others))
            if not leaves and others and draw(st.booleans())
            else None
        )
        final = _delay(draw, day)
        recorded = draw(st.booleans())
        found.append(
            CaseMeeting(
                held_on=day,
                level=level,
                kind=MeetingKind.INITIAL if index == 0 else MeetingKind.REVIEW,
                meeting_id=f"M{index + 1}",
                new_level=new_level,
                leaves_mappa=leaves,
                draft_released=_delay(draw, day),
                final_released=final,
                recorded=recorded,
                recording_destroyed=(
                    _delay(draw, final) if recorded and final is not None else None
                ),
            )
        )
        if new_level is not None:
            level = new_level
        day = day + _dt.timedelta(days=draw(st.integers(0, _MAX_GAP_DAYS)))
    return tuple(found)


@st.composite
def _notification_facts(draw: st.DrawFn, start: _dt.date) -> NotificationFacts:
    # From the day every notification rule is in force, so no deadline of
    # the case raises RuleNotInForce.
    low = max(start, _notification_start(DEFAULT_RULEBOOK))
    relevant = draw(_dates_between(low, low + _dt.timedelta(days=_MAX_GAP_DAYS)))
    excluded = draw(
        st.lists(
            date_ranges(
                min_value=relevant,
                max_value=relevant + _dt.timedelta(days=_CASE_SPAN_DAYS),
                max_days=_MAX_GAP_DAYS,
            ),
            max_size=2,
        )
    )
    return NotificationFacts(
        disposal=draw(disposals()),
        relevant_date=relevant,
        under_18=draw(st.booleans()),
        notifications=_days_from(draw, relevant, 4),
        changes=_days_from(draw, relevant, 2),
        excluded=tuple(excluded),
        no_fixed_abode=draw(st.booleans()),
        discharge_reviewed=None,
    )


def _in_force(name: str, day: _dt.date) -> bool:
    """True if the default rule *name* applies on *day*."""
    begins = DEFAULT_RULEBOOK.rule(name).in_force_from
    return begins is None or day >= begins


@st.composite
def _access_requests(draw: st.DrawFn, start: _dt.date) -> AccessRequest:
    received = draw(_dates_between(start, start + _dt.timedelta(days=_CASE_SPAN_DAYS)))
    regime = draw(st.sampled_from(DataProtectionRegime))
    rules = f"disclosure.subject_access.{regime.key}"
    # An extension or a stopped clock only where the regime allowed it on
    # the day of receipt.
    stopped = (
        draw(
            st.lists(
                date_ranges(
                    min_value=received,
                    max_value=received + _dt.timedelta(days=_MAX_DELAY_DAYS * 2),
                    max_days=_MAX_DELAY_DAYS,
                ),
                max_size=2,
            )
        )
        if _in_force(f"{rules}.clock_stop", received)
        else []
    )
    return AccessRequest(
        received=received,
        regime=regime,
        clock_stopped=tuple(stopped),
        answered=_delay(draw, received),
        extended=_in_force(f"{rules}.extension", received) and draw(st.booleans()),
    )


def cases(
    *,
    number: int = 1,
    categories: Iterable[Category] | None = None,
    min_value: _dt.date | None = None,
    max_value: _dt.date | None = None,
    max_meetings: int = 4,
) -> SearchStrategy[Case]:
    """Whole cases for :func:`mappa.duties.duties`, reference ``C-<number>``.

    Meetings (with level changes, minutes, recordings), and now and then a
    liberation date, an OLR, notification facts (category 1 only), ISP
    approvals, subject access requests and reported changes in risk, all
    within about two years of a start date between the bounds (2000 to
    2046 by default). Shrinks toward a category 1 case with one meeting at
    level 1 and nothing else.
    """
    low, high = _bounds(
        min_value, _dt.date(2046, 12, 31) if max_value is None else max_value, None
    )
    pairs = _pairs(categories, None, None)
    limit = _check.ensure_int(max_meetings, "max_meetings")
    if limit < 1:
        raise InvalidValueError("max_meetings must be at least 1", rule="max_meetings")
    ref = f"C-{_check.ensure_int(number, 'number')}"

    @st.composite
    def build(draw: st.DrawFn) -> Case:
        category, level = draw(st.sampled_from(pairs))
        start = draw(_dates_between(low, high))
        meetings = draw(
            _case_meetings(category, level, start, draw(st.integers(1, limit)))
        )
        liberation = _delay(draw, start)
        return Case(
            case_ref=ref,
            category=category,
            area=draw(areas()).name,
            meetings=meetings,
            liberation_date=liberation,
            referral_level=(
                Level.MAPPP
                if liberation is not None and Level.MAPPP in permitted_levels(category)
                else None
            ),
            olr=draw(st.booleans()),
            rmp_reviews=_days_from(draw, start, 1),
            notification=(
                draw(_notification_facts(start))
                if category is Category.REGISTERED_SEX_OFFENDER and draw(st.booleans())
                else None
            ),
            isp_approvals=tuple(
                IspApproval(start=day, resolved_on=_delay(draw, day))
                for day in _days_from(draw, start, 2)
            ),
            provisional_lists=_days_from(draw, start, 1),
            subject_access_requests=tuple(
                draw(st.lists(_access_requests(start), max_size=1))
            ),
            risk_changes=_days_from(draw, start, 2),
        )

    return build()


@st.composite
def _duties(draw: st.DrawFn) -> Duty:
    case = draw(cases())
    on = case.meetings[0].held_on + _dt.timedelta(days=draw(st.integers(0, 400)))
    return draw(_pick(duties(case, on=on)))


@st.composite
def _duty_rows(draw: st.DrawFn) -> DutyRow:
    case = draw(cases())
    on = case.meetings[0].held_on + _dt.timedelta(days=draw(st.integers(0, 400)))
    return DutyRow.of(case, draw(_pick(duties(case, on=on))))


# -- from_type registrations -----------------------------------------------------------


def _citations() -> SearchStrategy[Citation]:
    return _pick(DEFAULT_RULEBOOK.rules).map(lambda rule: rule.current.citation)


def _reports() -> SearchStrategy[Report]:
    return st.builds(
        lambda year, load: evaluate(load, period=year),
        st.just(ReportingYear(2024)),
        caseloads(period=ReportingYear(2024), max_cases=3, max_meetings=3),
    )


def _trends() -> SearchStrategy[Trend]:
    return caseloads(period=ReportingYear(2024), max_cases=3, max_meetings=3).map(
        lambda load: trend(load, periods="2024Q1..2024Q4")
    )


def _coverages() -> SearchStrategy[Coverage]:
    """Coverage of data with no meetings, or from one date to a later one."""
    spans = st.tuples(
        st.dates(_dt.date(2000, 1, 1), _dt.date(2090, 12, 31)),
        st.integers(0, 3650),
    ).map(lambda pair: (pair[0], pair[0] + _dt.timedelta(days=pair[1])))
    return st.builds(
        lambda span, attendance: Coverage(*span, attendance=attendance),
        st.one_of(st.just((None, None)), spans),
        st.booleans(),
    )


def _registrations() -> dict[type, Callable[[], SearchStrategy[Any]]]:
    """A function making the strategy for each public value type.

    The entry-point hook registers them with ``st.register_type_strategy``;
    nothing is built until a test asks for the type.
    """
    figures = NATIONAL_FIGURES_2018_19

    def day() -> SearchStrategy[_dt.date]:
        return dates(max_value=_dt.date(2048, 12, 31))

    found: dict[type, Callable[[], SearchStrategy[Any]]] = {
        # foundation
        Redacted: lambda: st.builds(Redacted, st.text(max_size=20)),
        Area: lambda: areas(),
        AreaTable: lambda: _constant(DEFAULT_AREA_TABLE),
        Citation: lambda: _citations(),
        Document: lambda: _pick(DOCUMENTS),
        Duration: lambda: durations(),
        Quarter: lambda: quarters(),
        ReportingYear: lambda: reporting_years(),
        ReportingPeriod: lambda: st.one_of(reporting_years(), quarters()),
        Rule: lambda: _pick(DEFAULT_RULEBOOK.rules),
        RuleVersion: lambda: _pick(DEFAULT_RULEBOOK.rules).flatmap(
            lambda rule: _pick(rule.versions)
        ),
        Rulebook: lambda: _constant(DEFAULT_RULEBOOK),
        WorkingCalendar: lambda: working_calendars(),
        # reviews and minutes
        InitialMapppCheck: lambda: _initial_checks(),
        MinutesDecision: lambda: _minutes_decisions(),
        MinutesDue: lambda: day().map(minutes_due),
        ReviewInterval: lambda: st.sampled_from(_REVIEWED).map(review_interval),
        ReviewMeeting: lambda: review_meetings(),
        ReviewStatus: lambda: _review_statuses(),
        # chairs
        # The named strategy's balance: chairs who may chair (for refusals,
        # use invalid_chair_assignments()).
        ChairDecision: lambda: chair_assignments(),
        Role: lambda: roles(),
        SeniorityPolicy: lambda: _seniority_policies(),
        # SCR
        Incident: lambda: incidents(),
        ScrAssessment: lambda: incidents().map(assess_scr),
        # ISP
        ApprovalPeriod: lambda: day().map(approval_period),
        CostSplit: lambda: money().map(split_cost),
        PackageRate: lambda: package_rates(),
        ProRata: lambda: _pro_ratas(),
        ProvisionalForecast: lambda: _forecasts(),
        ProvisionalPackage: lambda: provisional_packages(),
        SupportPackage: lambda: support_packages(),
        YearForecast: lambda: _forecasts().flatmap(lambda f: _pick(f.years)),
        YearShare: lambda: _year_shares(),
        # disclosure
        DisclosureRoute: lambda: minute_requests(max_value=_dt.date(2048, 12, 31)).map(
            route_request
        ),
        MinuteMarking: lambda: st.sampled_from(SecurityMarking).map(minute_marking),
        RecordingCheck: lambda: _recording_checks(),
        SubjectAccessDeadline: lambda: st.builds(
            subject_access_deadline,
            day(),
            regime=st.sampled_from(DataProtectionRegime),
        ),
        SubjectAccessRequest: lambda: st.builds(
            SubjectAccessRequest,
            received=day(),
            regime=st.sampled_from(DataProtectionRegime),
            by_legal_representative=st.booleans(),
        ),
        ThirdPartyRequest: lambda: st.builds(ThirdPartyRequest, received=day()),
        TribunalRequest: lambda: st.builds(
            TribunalRequest,
            received=day(),
            considering=st.sampled_from(TribunalConsideration),
        ),
        TribunalStatement: lambda: st.builds(
            TribunalStatement,
            meeting_date=day(),
            level=st.sampled_from(_REVIEWED),
            recommendation=st.sampled_from(TribunalRecommendation),
        ),
        # licences, defensibility
        ChangeRoute: lambda: st.sampled_from(ChangeKind).map(change_route),
        TerminationCheck: lambda: _terminations(),
        DefensibilityChecklist: lambda: _checklists(),
        DefensibilityResult: lambda: _checklists().map(assess_defensibility),
        # notification
        Caution: lambda: st.sampled_from(CautionJurisdiction).map(
            lambda where: Caution(where=where)
        ),
        CommunityPaybackOrder: lambda: st.integers(1, 36).map(
            lambda months: CommunityPaybackOrder(Duration(months=months))
        ),
        DateRange: lambda: date_ranges(),
        Deadline: lambda: _deadlines(),
        HospitalOrder: lambda: st.builds(HospitalOrder, st.booleans()),
        Imprisonment: lambda: imprisonments(),
        LifeImprisonment: lambda: st.just(LifeImprisonment()),
        NotificationPeriod: lambda: _periods(),
        NotificationSchedule: lambda: _schedules(),
        OrderForLifelongRestriction: lambda: st.just(OrderForLifelongRestriction()),
        OtherDisposal: lambda: st.just(OtherDisposal()),
        TravelNotice: lambda: relevant_dates(max_value=_dt.date(2048, 12, 31)).map(
            foreign_travel_notice
        ),
        # statistics
        FigureRow: lambda: _pick(figures.rows()),
        KeepingChildrenSafe: lambda: _constant(figures.keeping_children_safe),
        NationalFigures: lambda: _constant(figures),
        ProgrammeCompletions: lambda: _pick(figures.programme_completions),
        TrainingCount: lambda: _pick(figures.training),
        # duties
        AccessRequest: lambda: cases().flatmap(
            lambda c: _access_requests(c.meetings[0].held_on)
        ),
        Case: lambda: cases(),
        CaseMeeting: lambda: cases().flatmap(lambda c: _pick(c.meetings)),
        Duty: lambda: _duties(),
        DutyRow: lambda: _duty_rows(),
        Event: lambda: _duties().map(lambda d: d.event),
        IspApproval: lambda: day().map(lambda d: IspApproval(start=d)),
        NotificationFacts: lambda: _notification_facts(SIMPLE_DAY),
        # records and indicators
        Attendance: lambda: attendances(),
        Caseload: lambda: caseloads(),
        Meeting: lambda: meetings(),
        Report: lambda: _reports(),
        IndicatorResult: lambda: _reports().flatmap(lambda r: _pick(r.results)),
        Coverage: lambda: _coverages(),
        Provenance: lambda: _reports().map(lambda r: r.provenance),
        Trend: lambda: _trends(),
    }
    return found
