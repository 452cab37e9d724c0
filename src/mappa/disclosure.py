"""Minute and RMP handling: security marking, requests, tribunals, recordings.

A MAPPA minute and risk management plan (RMP) are always marked OFFICIAL
and may be OFFICIAL-SENSITIVE (guidance para 11.16). They are not shared or
copied without the meeting chair's prior approval, and a request for them
is routed by who asks (paras 11.19-11.25): a third party's request goes to
the meeting chair and the MAPPA co-ordinator; the person's own request (or
their legal representative's) is a subject access request under the Data
Protection Act 2018, to be answered within one month as UK data protection
law counts it, extendable by two further months; a Mental Health Tribunal
may be told only the meeting date, the MAPPA level and the recommendation
the group supports (para 11.20). Every request and decision is recorded
(para 11.23). An audio recording of a meeting is destroyed once the final
minute and RMP are agreed (para 11.18).

Nothing personal is ever part of these values: requests carry dates and
kinds, never names or narratives.

>>> import datetime as dt
>>> from mappa.disclosure import (
...     SecurityMarking, SubjectAccessRequest, TribunalRecommendation,
...     route_request, subject_access_deadline, tribunal_statement,
... )
>>> from mappa.framework import Level
>>> SecurityMarking.OFFICIAL < SecurityMarking.OFFICIAL_SENSITIVE
True
>>> deadline = subject_access_deadline(dt.date(2025, 1, 31))
>>> deadline.due, deadline.extended_due
(datetime.date(2025, 2, 28), datetime.date(2025, 4, 30))
>>> route = route_request(SubjectAccessRequest(received=dt.date(2025, 1, 31)))
>>> [d.name for d in route.deciders], route.must_record
(['MAPPA_COORDINATOR', 'MEETING_CHAIR'], True)
>>> str(tribunal_statement(
...     meeting_date=dt.date(2025, 6, 2),
...     level=Level.MULTI_AGENCY,
...     recommendation=TribunalRecommendation.CONDITIONAL_DISCHARGE,
... ))
'A MAPPA meeting was held on 2 June 2025. MAPPA Level is 2. The MAPPA group support the recommendation by the RMO for conditional discharge.'

More information:

* MAPPA National Guidance (2023), paras 11.16-11.25.
* UK GDPR art. 12(3): https://www.legislation.gov.uk/eur/2016/679/article/12
* Information Commissioner's Office, right of access: how long do we have
  to comply? https://ico.org.uk/global/sar-checklist-for-smes/i-need-to-complete-a-sar
"""

from __future__ import annotations

import datetime as _dt
import enum
from typing import TypeAlias

import attrs

from mappa import _check
from mappa._english import long_date
from mappa.calendar import WorkingCalendar
from mappa.deadlines import Deadline
from mappa.errors import InvalidTypeError, InvalidValueError
from mappa.framework import Level
from mappa.periods import Duration
from mappa.rulebook import Rulebook, resolve
from mappa.sources import (
    DATA_PROTECTION_ACT_2018,
    GUIDANCE,
    ICO_RIGHT_OF_ACCESS,
    Citation,
)

__all__ = [
    "Decider",
    "DisclosureRoute",
    "Duty",
    "MinuteMarking",
    "MinuteRequest",
    "RecordingCheck",
    "Release",
    "RequestKind",
    "SecurityMarking",
    "SubjectAccessDeadline",
    "SubjectAccessRequest",
    "ThirdPartyRequest",
    "TribunalConsideration",
    "TribunalRecommendation",
    "TribunalRequest",
    "TribunalStatement",
    "assess_audio_recording",
    "minute_marking",
    "recording_kept_too_long",
    "route_request",
    "subject_access_deadline",
    "subject_access_due",
    "tribunal_statement",
]

_MARKING_RULE = "disclosure.minute.minimum_marking"
_RESPONSE_RULE = "disclosure.subject_access.response"
_EXTENSION_RULE = "disclosure.subject_access.extension"
_RECORDING_RULE = "disclosure.audio_recording.destroy_on_final"


# -- security marking (para 11.16) -------------------------------------------


class SecurityMarking(enum.Enum):
    """A Government Security Classifications marking, ordered by sensitivity.

    Only the markings a MAPPA minute may carry exist here: there is nothing
    below OFFICIAL, so a minute can never be marked lower.

    >>> max(SecurityMarking).name
    'OFFICIAL_SENSITIVE'
    """

    OFFICIAL = "OFFICIAL"
    """The marking every minute and RMP carries at least."""
    OFFICIAL_SENSITIVE = "OFFICIAL-SENSITIVE"
    """OFFICIAL information whose loss would be particularly damaging."""

    @property
    def rank(self) -> int:
        """0 for OFFICIAL, 1 for OFFICIAL-SENSITIVE."""
        return _MARKING_ORDER.index(self)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, SecurityMarking):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, SecurityMarking):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, SecurityMarking):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, SecurityMarking):
            return NotImplemented
        return self.rank >= other.rank

    def __str__(self) -> str:
        return self.value


_MARKING_ORDER = (SecurityMarking.OFFICIAL, SecurityMarking.OFFICIAL_SENSITIVE)


def _minimum_marking(book: Rulebook) -> SecurityMarking:
    text = book.text(_MARKING_RULE)
    try:
        return SecurityMarking[text]
    except KeyError:
        raise InvalidValueError(
            f"rule {_MARKING_RULE!r} must name a SecurityMarking member",
            rule=_MARKING_RULE,
        ) from None


def _v_marking(
    instance: object, attribute: attrs.Attribute[SecurityMarking], value: object
) -> None:
    # A minute's marking is a SecurityMarking, never None or a string: the
    # type has nothing below OFFICIAL, so this is the "never lower" rule.
    _check.ensure_member(value, SecurityMarking, "MinuteMarking.marking")


@attrs.frozen
class MinuteMarking:
    """The security marking of a MAPPA minute and RMP (para 11.16).

    Always OFFICIAL, possibly OFFICIAL-SENSITIVE; ``None`` or a string is
    refused with :class:`~mappa.errors.InvalidTypeError`.

    Attributes:
        marking: the marking (OFFICIAL unless given).
        citation: the paragraph that sets the rule.
    """

    marking: SecurityMarking = attrs.field(
        default=SecurityMarking.OFFICIAL, validator=_v_marking
    )
    citation: Citation = attrs.field(
        factory=lambda: GUIDANCE.cite("para 11.16"),
        validator=_check.v_instance(Citation),
    )

    @property
    def sensitive(self) -> bool:
        """True if marked OFFICIAL-SENSITIVE."""
        return self.marking is SecurityMarking.OFFICIAL_SENSITIVE

    def __str__(self) -> str:
        return str(self.marking)

    @property
    def rule(self) -> str:
        """The rulebook name of the rule that sets it."""
        return _MARKING_RULE

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The rule's citation, as the tuple every result has."""
        return (self.citation,)


def minute_marking(
    marking: SecurityMarking = SecurityMarking.OFFICIAL,
    *,
    rulebook: Rulebook | None = None,
) -> MinuteMarking:
    """The marking of a minute and RMP, checked against the rulebook's minimum.

    >>> minute_marking(SecurityMarking.OFFICIAL_SENSITIVE).sensitive
    True
    >>> minute_marking(None)
    Traceback (most recent call last):
    ...
    mappa.errors.InvalidTypeError: marking must be a SecurityMarking, not NoneType
    """
    marking = _check.ensure_member(marking, SecurityMarking, "marking")
    book = resolve(rulebook)
    minimum = _minimum_marking(book)
    if marking < minimum:
        raise InvalidValueError(
            f"a minute and RMP are marked at least {minimum}, not {marking}",
            rule=_MARKING_RULE,
            value=marking,
        )
    return MinuteMarking(marking, book.citation(_MARKING_RULE))


# -- requests for a minute (paras 11.19-11.25) --------------------------------


class RequestKind(enum.Enum):
    """Who asks for a minute and RMP."""

    THIRD_PARTY = "third party"
    """Anyone not party to the meeting other than the person (para 11.19)."""
    SUBJECT_ACCESS = "subject access"
    """The person or their legal representative (para 11.22)."""
    MENTAL_HEALTH_TRIBUNAL = "Mental Health Tribunal"
    """A submission to a Mental Health Tribunal (paras 11.20-11.21)."""


class TribunalConsideration(enum.Enum):
    """What a Mental Health Tribunal is considering (paras 11.20-11.21)."""

    UNESCORTED_SUSPENSION_OF_DETENTION = "unescorted suspension of detention"
    CONDITIONAL_DISCHARGE = "conditional discharge"
    REVOCATION_OF_COMPULSION_ORDER = "revocation of the compulsion order"
    REVOCATION_OF_RESTRICTION_ORDER = "revocation of the restriction order"


class TribunalRecommendation(enum.Enum):
    """The recommendations a tribunal may be told the group supports (para 11.20)."""

    UNESCORTED_SUSPENSION_OF_DETENTION = "unescorted suspension of detention"
    CONDITIONAL_DISCHARGE = "conditional discharge"
    REVOCATION_OF_RESTRICTION_ORDER = "revocation of the restriction order"


_SUMMARY_CONSIDERATIONS = frozenset(
    {
        TribunalConsideration.CONDITIONAL_DISCHARGE,
        TribunalConsideration.REVOCATION_OF_COMPULSION_ORDER,
        TribunalConsideration.REVOCATION_OF_RESTRICTION_ORDER,
    }
)


@attrs.frozen
class ThirdPartyRequest:
    """A request for the minute and RMP from a third party (para 11.19).

    Attributes:
        received: the day the request was received.
    """

    received: _dt.date = attrs.field(validator=_check.v_date)

    @property
    def kind(self) -> RequestKind:
        """:attr:`RequestKind.THIRD_PARTY`."""
        return RequestKind.THIRD_PARTY


@attrs.frozen
class SubjectAccessRequest:
    """A request by the person or their legal representative (para 11.22).

    Attributes:
        received: the day the request was received (with any identity
            evidence or clarification asked for: the clock starts then).
        by_legal_representative: True if made by a legal representative.
    """

    received: _dt.date = attrs.field(validator=_check.v_date)
    by_legal_representative: bool = attrs.field(default=False, validator=_check.v_bool)

    @property
    def kind(self) -> RequestKind:
        """:attr:`RequestKind.SUBJECT_ACCESS`."""
        return RequestKind.SUBJECT_ACCESS


@attrs.frozen
class TribunalRequest:
    """A request for a submission to a Mental Health Tribunal (paras 11.20-11.21).

    Attributes:
        received: the day the request was received.
        considering: what the tribunal is considering.
    """

    received: _dt.date = attrs.field(validator=_check.v_date)
    considering: TribunalConsideration = attrs.field(
        validator=_check.v_instance(TribunalConsideration)
    )

    @property
    def kind(self) -> RequestKind:
        """:attr:`RequestKind.MENTAL_HEALTH_TRIBUNAL`."""
        return RequestKind.MENTAL_HEALTH_TRIBUNAL


MinuteRequest: TypeAlias = ThirdPartyRequest | SubjectAccessRequest | TribunalRequest
"""Any request for a minute and RMP."""


class Decider(enum.Enum):
    """Who decides on a request (paras 11.19, 11.22)."""

    MAPPA_COORDINATOR = "MAPPA co-ordinator"
    MEETING_CHAIR = "chair of the MAPPA meeting"


class Release(enum.Enum):
    """What may be released in answer to a request."""

    MINUTE_EXECUTIVE_SUMMARY = "Minute Executive Summary with a covering letter"
    """Where the minute or RMP is to be provided (paras 11.21, 11.24)."""
    TRIBUNAL_STATEMENT = "meeting date, MAPPA level and the recommendation supported"
    """The only information a tribunal may be given (para 11.20)."""


class Duty(enum.Enum):
    """What must be done with a request, each with its paragraph."""

    CHAIR_PRIOR_APPROVAL = "no sharing or copying without the chair's prior approval"
    """Para 11.19."""
    CONSULT_ATTENDING_AGENCIES = "consult the agencies that attended the meeting"
    """Para 11.22."""
    SEEK_DATA_PROTECTION_ADVICE = (
        "lead Responsible Authority seeks advice from its information security "
        "officer or data protection officer"
    )
    """Para 11.22."""
    RESPOND = "respond to every formal request"
    """Para 11.23."""
    WHOLE_MINUTE_RARELY = (
        "rarely disclose the whole minute or RMP to anyone not at the meeting"
    )
    """Para 11.23."""
    RECORD_REQUEST_AND_DECISION = (
        "record the request and every decision on case management records "
        "including ViSOR"
    )
    """Para 11.23."""
    RESTRICT_THIRD_PARTY_INFORMATION = (
        "withhold personal information about third parties and staff"
    )
    """Para 11.25."""


_DUTY_PARAGRAPHS = {
    Duty.CHAIR_PRIOR_APPROVAL: "para 11.19",
    Duty.CONSULT_ATTENDING_AGENCIES: "para 11.22",
    Duty.SEEK_DATA_PROTECTION_ADVICE: "para 11.22",
    Duty.RESPOND: "para 11.23",
    Duty.WHOLE_MINUTE_RARELY: "para 11.23",
    Duty.RECORD_REQUEST_AND_DECISION: "para 11.23",
    Duty.RESTRICT_THIRD_PARTY_INFORMATION: "para 11.25",
}


@attrs.frozen
class SubjectAccessDeadline:
    """When a subject access request must be answered.

    Attributes:
        received: the day of receipt (day one).
        corresponding_date: the corresponding date one month later (that
            month's last day where there is none), before any move.
        due: the deadline: the corresponding date, or the next working day
            if that is a weekend or public holiday.
        extended_due: the deadline if extended by two further months for a
            complex or numerous request.
        extension_notice_by: the last day to tell the person of an
            extension (within the first month: :attr:`due`).
        citations: UK GDPR art. 12(3) and the ICO's explanation.
    """

    received: _dt.date = attrs.field(validator=_check.v_date)
    corresponding_date: _dt.date = attrs.field(validator=_check.v_date)
    due: _dt.date = attrs.field(validator=_check.v_date)
    extended_due: _dt.date = attrs.field(validator=_check.v_date)
    extension_notice_by: _dt.date = attrs.field(validator=_check.v_date)
    citations: tuple[Citation, ...] = attrs.field(validator=_check.v_tuple_of(Citation))

    @property
    def moved(self) -> bool:
        """True if the corresponding date was not a working day."""
        return self.due != self.corresponding_date

    @property
    def rule(self) -> str:
        """The rulebook name of the time limit."""
        return _RESPONSE_RULE


def _sum(first: Duration, second: Duration) -> Duration:
    return Duration(
        years=first.years + second.years,
        months=first.months + second.months,
        weeks=first.weeks + second.weeks,
        days=first.days + second.days,
    )


def subject_access_deadline(
    received: _dt.date,
    *,
    calendar: WorkingCalendar | None = None,
    rulebook: Rulebook | None = None,
) -> SubjectAccessDeadline:
    """The response deadline of a subject access request received on *received*.

    One month, counted from the day of receipt to the corresponding date
    in the next month; with no corresponding date, the last day of that
    month; a deadline on a weekend or public holiday moves to the next
    working day of *calendar* (Scottish working days by default). The
    extended deadline counts one month and two further months together
    from receipt (the corresponding date three months later), moved the
    same way.

    >>> subject_access_deadline(_dt.date(2025, 9, 3)).due
    datetime.date(2025, 10, 3)
    >>> subject_access_deadline(_dt.date(2025, 4, 5)).due  # 5 May: a bank holiday
    datetime.date(2025, 5, 6)
    >>> subject_access_deadline(_dt.date(2025, 10, 30)).due  # 30 November: Sunday, then St Andrew's Day (substitute)
    datetime.date(2025, 12, 2)
    """
    received = _check.ensure_date(received, "received")
    book = resolve(rulebook)
    calendar = _calendar(calendar)
    response = book.duration(_RESPONSE_RULE)
    # Dates beyond year 9999 raise InvalidValueError from mappa.periods.
    corresponding = book.counting(_RESPONSE_RULE).apply(response, received)
    extended = book.counting(_EXTENSION_RULE).apply(
        _sum(response, book.duration(_EXTENSION_RULE)), received
    )
    due = calendar.roll_forward(corresponding)
    return SubjectAccessDeadline(
        received=received,
        corresponding_date=corresponding,
        due=due,
        extended_due=calendar.roll_forward(extended),
        extension_notice_by=due,
        citations=(
            book.citation(_RESPONSE_RULE),
            ICO_RIGHT_OF_ACCESS.cite("How long do we have to comply?"),
        ),
    )


def subject_access_due(
    received: _dt.date,
    *,
    extended: bool = False,
    calendar: WorkingCalendar | None = None,
    rulebook: Rulebook | None = None,
) -> Deadline:
    """The deadline of :func:`subject_access_deadline`, as a :class:`~mappa.deadlines.Deadline`.

    The time limit (rule ``disclosure.subject_access.response``), or with
    *extended* the limit extended by two further months (rule
    ``disclosure.subject_access.extension``). Where the corresponding date
    was not a working day, :attr:`~mappa.deadlines.Deadline.moved_from`
    keeps it.

    >>> subject_access_due(_dt.date(2024, 1, 31)).due
    datetime.date(2024, 2, 29)
    >>> subject_access_due(_dt.date(2024, 1, 31), extended=True).due
    datetime.date(2024, 4, 30)
    >>> moved = subject_access_due(_dt.date(2025, 4, 5))  # 5 May: a bank holiday
    >>> moved.due, moved.moved_from
    (datetime.date(2025, 5, 6), datetime.date(2025, 5, 5))
    """
    extended = _check.ensure_bool(extended, "extended")
    book = resolve(rulebook)
    deadline = subject_access_deadline(received, calendar=calendar, rulebook=book)
    if extended:
        rule = _EXTENSION_RULE
        due = deadline.extended_due
        unmoved = book.counting(_EXTENSION_RULE).apply(
            _sum(book.duration(_RESPONSE_RULE), book.duration(_EXTENSION_RULE)),
            deadline.received,
        )
    else:
        rule, due, unmoved = _RESPONSE_RULE, deadline.due, deadline.corresponding_date
    return Deadline(
        due,
        rule,
        book.citation(rule),
        moved_from=None if unmoved == due else unmoved,
    )


def _calendar(calendar: object) -> WorkingCalendar:
    if calendar is None:
        return WorkingCalendar.scotland()
    return _check.ensure_instance(calendar, WorkingCalendar, "calendar")


@attrs.frozen
class DisclosureRoute:
    """How a request for a minute and RMP is handled.

    Attributes:
        kind: who asked.
        deciders: who decides whether and what to release.
        releases: what may be released.
        duties: what must be done, including recording the request and
            every decision.
        deadline: the response deadline where the law sets one (a subject
            access request), else ``None``.
        citations: the paragraphs (and law) that decide it.
    """

    kind: RequestKind = attrs.field(validator=_check.v_instance(RequestKind))
    deciders: tuple[Decider, ...] = attrs.field(
        validator=_check.v_tuple_of(Decider), repr=_check.repr_names
    )
    releases: tuple[Release, ...] = attrs.field(
        validator=_check.v_tuple_of(Release), repr=_check.repr_names
    )
    duties: tuple[Duty, ...] = attrs.field(
        validator=_check.v_tuple_of(Duty), repr=_check.repr_names
    )
    deadline: SubjectAccessDeadline | None = attrs.field(
        validator=_check.v_optional_instance(SubjectAccessDeadline),
        repr=lambda d: "None" if d is None else f"<due {d.due.isoformat()}>",
    )
    citations: tuple[Citation, ...] = attrs.field(
        validator=_check.v_tuple_of(Citation), repr=_check.repr_count
    )

    @property
    def must_record(self) -> bool:
        """True: every request and decision is recorded (para 11.23)."""
        return Duty.RECORD_REQUEST_AND_DECISION in self.duties

    @property
    def due(self) -> _dt.date | None:
        """The response deadline, if the law sets one."""
        return None if self.deadline is None else self.deadline.due

    @property
    def rule(self) -> str:
        """The name of the rule that routes this kind of request (paras 11.19-11.25)."""
        return f"disclosure.request.{self.kind.name.lower()}"


_COMMON_DUTIES = (
    Duty.CHAIR_PRIOR_APPROVAL,
    Duty.RESPOND,
    Duty.WHOLE_MINUTE_RARELY,
    Duty.RECORD_REQUEST_AND_DECISION,
    Duty.RESTRICT_THIRD_PARTY_INFORMATION,
)


def _duty_citations(duties: tuple[Duty, ...], *extra: str) -> tuple[Citation, ...]:
    pinpoints = sorted({_DUTY_PARAGRAPHS[duty] for duty in duties} | set(extra))
    return tuple(GUIDANCE.cite(pinpoint) for pinpoint in pinpoints)


def route_request(
    request: MinuteRequest,
    *,
    calendar: WorkingCalendar | None = None,
    rulebook: Rulebook | None = None,
) -> DisclosureRoute:
    """How *request* is handled: who decides, what may go, by when, what is recorded.

    A request of any other type raises :class:`~mappa.errors.InvalidTypeError`.

    >>> route = route_request(ThirdPartyRequest(received=_dt.date(2025, 6, 2)))
    >>> [r.name for r in route.releases], route.deadline is None
    (['MINUTE_EXECUTIVE_SUMMARY'], True)
    >>> route_request("third party")
    Traceback (most recent call last):
    ...
    mappa.errors.InvalidTypeError: request must be a ThirdPartyRequest, SubjectAccessRequest or TribunalRequest, not str
    """
    resolve(rulebook)
    if calendar is not None:
        _calendar(calendar)
    duties: tuple[Duty, ...]
    if isinstance(request, ThirdPartyRequest):
        duties = _COMMON_DUTIES
        return DisclosureRoute(
            kind=request.kind,
            deciders=(Decider.MEETING_CHAIR, Decider.MAPPA_COORDINATOR),
            releases=(Release.MINUTE_EXECUTIVE_SUMMARY,),
            duties=duties,
            deadline=None,
            citations=_duty_citations(duties, "para 11.24"),
        )
    if isinstance(request, SubjectAccessRequest):
        duties = (
            Duty.CONSULT_ATTENDING_AGENCIES,
            Duty.SEEK_DATA_PROTECTION_ADVICE,
            *_COMMON_DUTIES,
        )
        deadline = subject_access_deadline(
            request.received, rulebook=rulebook, calendar=calendar
        )
        return DisclosureRoute(
            kind=request.kind,
            deciders=(Decider.MAPPA_COORDINATOR, Decider.MEETING_CHAIR),
            releases=(Release.MINUTE_EXECUTIVE_SUMMARY,),
            duties=duties,
            deadline=deadline,
            citations=(
                *_duty_citations(duties, "para 11.24"),
                DATA_PROTECTION_ACT_2018.cite("Part 3 and UK GDPR art. 15"),
                *deadline.citations,
            ),
        )
    if isinstance(request, TribunalRequest):
        duties = _COMMON_DUTIES
        releases: tuple[Release, ...] = (Release.TRIBUNAL_STATEMENT,)
        extra = ["para 11.20"]
        if request.considering in _SUMMARY_CONSIDERATIONS:
            releases = (*releases, Release.MINUTE_EXECUTIVE_SUMMARY)
            extra.append("para 11.21")
        return DisclosureRoute(
            kind=request.kind,
            deciders=(Decider.MEETING_CHAIR, Decider.MAPPA_COORDINATOR),
            releases=releases,
            duties=duties,
            deadline=None,
            citations=_duty_citations(duties, *extra),
        )
    raise InvalidTypeError(
        "request must be a ThirdPartyRequest, SubjectAccessRequest or "
        f"TribunalRequest, not {_check.type_name(request)}",
        rule="disclosure.request",
    )


# -- the Mental Health Tribunal statement (para 11.20) ------------------------


@attrs.frozen
class TribunalStatement:
    """The only information a Mental Health Tribunal may be given (para 11.20).

    Attributes:
        meeting_date: the date of the MAPPA meeting.
        level: the MAPPA level.
        recommendation: the recommendation by the responsible medical
            officer that the group supports.
        citation: the paragraph that limits the statement.
    """

    meeting_date: _dt.date = attrs.field(validator=_check.v_date)
    level: Level = attrs.field(validator=_check.v_instance(Level))
    recommendation: TribunalRecommendation = attrs.field(
        validator=_check.v_instance(TribunalRecommendation)
    )
    citation: Citation = attrs.field(
        factory=lambda: GUIDANCE.cite("para 11.20"),
        validator=_check.v_instance(Citation),
    )

    @property
    def text(self) -> str:
        """The statement in the guidance's words."""
        day = self.meeting_date
        return (
            f"A MAPPA meeting was held on {long_date(day)}. MAPPA Level is {self.level.value}. The MAPPA group "
            "support the recommendation by the RMO for "
            f"{self.recommendation.value}."
        )

    def __str__(self) -> str:
        return self.text

    @property
    def rule(self) -> str:
        """The name of the rule that limits the statement (para 11.20)."""
        return "disclosure.tribunal.statement"

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The rule's citation, as the tuple every result has."""
        return (self.citation,)


_STATEMENT_FIELDS = ("meeting_date", "level", "recommendation")


def tribunal_statement(
    *,
    meeting_date: _dt.date,
    level: Level,
    recommendation: TribunalRecommendation,
    **extra: object,
) -> TribunalStatement:
    """Build the statement a Mental Health Tribunal may be given (para 11.20).

    Only the meeting date, the MAPPA level and the recommendation the group
    supports may be shared: any other field raises
    :class:`~mappa.errors.InvalidValueError` naming the refused fields
    (never their values). Pass a dict with ``**fields``.

    >>> tribunal_statement(
    ...     meeting_date=_dt.date(2025, 6, 2), level=Level.MAPPP,
    ...     recommendation=TribunalRecommendation.CONDITIONAL_DISCHARGE,
    ...     risk_narrative="...",
    ... )
    Traceback (most recent call last):
    ...
    mappa.errors.InvalidValueError: a tribunal may be told only the meeting date, MAPPA level and recommendation (para 11.20); refused field(s): risk_narrative
    """
    if extra:
        # Field names are shown only where they look like identifiers, so a
        # message never echoes free text a caller used as a key.
        names = sorted(
            name for name in extra if name.isidentifier() and len(name) <= 40
        )
        others = len(extra) - len(names)
        shown = [*names, *([f"{others} other field(s)"] if others else [])]
        raise InvalidValueError(
            "a tribunal may be told only the meeting date, MAPPA level and "
            f"recommendation (para 11.20); refused field(s): {', '.join(shown)}",
            rule="disclosure.tribunal_statement",
            value=tuple(names),
        )
    return TribunalStatement(
        meeting_date=_check.ensure_date(meeting_date, "meeting_date"),
        level=_check.ensure_member(level, Level, "level"),
        recommendation=_check.ensure_member(
            recommendation, TribunalRecommendation, "recommendation"
        ),
    )


# -- audio recordings (para 11.18) ---------------------------------------------


@attrs.frozen
class RecordingCheck:
    """Whether an audio recording of a meeting was kept too long (para 11.18).

    Attributes:
        final_agreed: the day the final minute and RMP were agreed, or
            ``None`` if not yet.
        destroyed: the day the recording was destroyed, or ``None`` if it
            is still held.
        on: the day of the check.
        destroy_by: the day by which it must be destroyed (the day the
            final minute and RMP were agreed), or ``None`` if no duty
            applies yet.
        days_overdue: days it was (or has been) held after that day.
        rule: the rulebook name of the duty
            (``"disclosure.audio_recording.destroy_on_final"``).
        citation: the rule's source.

    True (as a ``bool``) unless the recording was kept too long.
    """

    final_agreed: _dt.date | None = attrs.field(validator=_check.v_optional_date)
    destroyed: _dt.date | None = attrs.field(validator=_check.v_optional_date)
    on: _dt.date = attrs.field(validator=_check.v_date)
    destroy_by: _dt.date | None = attrs.field(validator=_check.v_optional_date)
    days_overdue: int = attrs.field(validator=_check.v_non_negative_int)
    rule: str = attrs.field(validator=_check.v_text)
    citation: Citation = attrs.field(validator=_check.v_instance(Citation))

    @property
    def kept_too_long(self) -> bool:
        """True if the recording was held after the final minute was agreed."""
        return self.days_overdue > 0

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The duty's citation, as the tuple every decision has."""
        return (self.citation,)

    def __bool__(self) -> bool:
        return not self.kept_too_long


def assess_audio_recording(
    *,
    final_agreed: _dt.date | None,
    destroyed: _dt.date | None,
    on: _dt.date,
    rulebook: Rulebook | None = None,
) -> RecordingCheck:
    """Check that a recording was destroyed once the final minute and RMP were agreed.

    A recording still held (or destroyed) on any day after the day the
    final minute and RMP were agreed is flagged, with the number of days
    it was kept too long. Dates after *on* (a destruction or agreement in
    the future) are refused.

    >>> decision = assess_audio_recording(
    ...     final_agreed=_dt.date(2025, 6, 16), destroyed=None, on=_dt.date(2025, 6, 20)
    ... )
    >>> bool(decision), decision.kept_too_long, decision.days_overdue
    (False, True, 4)
    """
    final_agreed = _check.ensure_optional_date(final_agreed, "final_agreed")
    destroyed = _check.ensure_optional_date(destroyed, "destroyed")
    on = _check.ensure_date(on, "on")
    book = resolve(rulebook)
    for name, day in (("final_agreed", final_agreed), ("destroyed", destroyed)):
        if day is not None and day > on:
            raise InvalidValueError(
                f"{name} must not be after the day of the check",
                rule=_RECORDING_RULE,
                value=day,
            )
    duty = book.value(_RECORDING_RULE)
    if not isinstance(duty, bool):
        raise InvalidTypeError(
            f"rule {_RECORDING_RULE!r} must hold a bool", rule=_RECORDING_RULE
        )
    destroy_by = final_agreed if duty else None
    held_until = on if destroyed is None else destroyed
    overdue = 0 if destroy_by is None else max(0, (held_until - destroy_by).days)
    return RecordingCheck(
        final_agreed=final_agreed,
        destroyed=destroyed,
        on=on,
        destroy_by=destroy_by,
        days_overdue=overdue,
        rule=_RECORDING_RULE,
        citation=book.citation(_RECORDING_RULE),
    )


def recording_kept_too_long(
    *,
    final_agreed: _dt.date | None,
    destroyed: _dt.date | None,
    on: _dt.date,
    rulebook: Rulebook | None = None,
) -> bool:
    """True if :func:`assess_audio_recording` flags the recording.

    >>> recording_kept_too_long(
    ...     final_agreed=_dt.date(2025, 6, 16),
    ...     destroyed=_dt.date(2025, 6, 16),
    ...     on=_dt.date(2025, 6, 20),
    ... )
    False
    """
    return assess_audio_recording(
        final_agreed=final_agreed, destroyed=destroyed, on=on, rulebook=rulebook
    ).kept_too_long
