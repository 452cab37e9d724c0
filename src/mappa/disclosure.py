"""Minute and RMP handling: security marking, requests, tribunals, recordings.

A MAPPA minute and risk management plan (RMP) are always marked OFFICIAL
and may be OFFICIAL-SENSITIVE (guidance para 11.16). They are not shared or
copied without the meeting chair's prior approval, and a request for them
is routed by who asks (paras 11.19-11.25): a third party's request goes to
the meeting chair and the MAPPA co-ordinator; the person's own request (or
their legal representative's) is a subject access request under the Data
Protection Act 2018, answered under the regime the controller processes the
minute for: the police under Part 3 (law enforcement: one month *beginning
with* the relevant time, s.54), the other agencies under the UK GDPR (one
month to the corresponding date, art. 12(3) as the ICO explains it), each
extendable by two further months, the clock stopped while the controller
waits for information it asked for (Data (Use and Access) Act 2025, from 5
February 2026); a Mental Health Tribunal
may be told only the meeting date, the MAPPA level and the recommendation
the group supports (para 11.20). Every request and decision is recorded
(para 11.23). An audio recording of a meeting is destroyed once the final
minute and RMP are agreed (para 11.18).

Nothing personal is ever part of these values: requests carry dates and
kinds, never names or narratives.

>>> import datetime as dt
>>> from mappa.disclosure import (
...     DataProtectionRegime, SecurityMarking, SubjectAccessRequest,
...     TribunalRecommendation, route_request, subject_access_deadline,
...     tribunal_statement,
... )
>>> from mappa.framework import Level
>>> SecurityMarking.OFFICIAL < SecurityMarking.OFFICIAL_SENSITIVE
True
>>> deadline = subject_access_deadline(dt.date(2025, 1, 31), regime=DataProtectionRegime.GENERAL)
>>> deadline.due.due, deadline.due.rule, deadline.extended_due.due
(datetime.date(2025, 2, 28), 'disclosure.subject_access.general.response', datetime.date(2025, 4, 30))
>>> police = subject_access_deadline(dt.date(2026, 1, 15), regime=DataProtectionRegime.LAW_ENFORCEMENT)
>>> police.due.due, str(police.citations[0])
(datetime.date(2026, 2, 14), 'Data Protection Act 2018 (c. 12), s.45(3)(b), s.54(2)-(3)')
>>> route = route_request(SubjectAccessRequest(dt.date(2025, 1, 31), regime=DataProtectionRegime.GENERAL))
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
* Data Protection Act 2018 ss.45 and 54:
  https://www.legislation.gov.uk/ukpga/2018/12/section/54
* UK GDPR art. 12(3): https://www.legislation.gov.uk/eur/2016/679/article/12
* Information Commissioner's Office, right of access: how long do we have
  to comply? https://ico.org.uk/global/sar-checklist-for-smes/i-need-to-complete-a-sar
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Sequence
from typing import TypeAlias

import attrs

from mappa import _check
from mappa._english import long_date
from mappa.calendar import WorkingCalendar
from mappa.deadlines import Deadline
from mappa.errors import InvalidTypeError, InvalidValueError, RuleNotInForce
from mappa.framework import Level
from mappa.periods import DateRange, Duration
from mappa.rulebook import DEFAULT_RULEBOOK, Rulebook, resolve
from mappa.sources import Citation

__all__ = [
    "DataProtectionRegime",
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
_RECORDING_RULE = "disclosure.audio_recording.destroy_on_final"
_SUMMARY_RULE = "disclosure.release.minute_executive_summary"
_STATEMENT_RULE = "disclosure.tribunal.statement"
_TRIBUNAL_SUMMARY_RULE = "disclosure.tribunal.executive_summary"


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
        factory=lambda: DEFAULT_RULEBOOK.citation(_MARKING_RULE),
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

    With no date given, the minimum is read as at today (or as at the date
    of a rulebook from :meth:`~mappa.rulebook.Rulebook.as_at`).

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


class DataProtectionRegime(enum.Enum):
    """The data protection law a controller answers a subject access request under.

    The minute is processed by several agencies for different purposes
    (para 11.22): the police for law enforcement, the others for their
    general functions. Each regime has its own time limit.
    """

    LAW_ENFORCEMENT = "law enforcement processing (DPA 2018 Part 3)"
    """Police Scotland, processing for the law enforcement purposes: one
    month *beginning with* the relevant time (s.45, s.54)."""
    GENERAL = "general processing (UK GDPR)"
    """Social work, health, housing and other general processing: one
    month counted to the corresponding date (art. 12(3), as the ICO
    explains it)."""

    @property
    def key(self) -> str:
        """The regime's part of its rules' names (``"law_enforcement"``)."""
        return self.name.lower()

    def __str__(self) -> str:
        return self.value


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
        regime: the data protection law the controller answers under.
        by_legal_representative: True if made by a legal representative.
        clock_stopped: the spans the clock was stopped while the controller
            waited for information it asked for.
    """

    received: _dt.date = attrs.field(validator=_check.v_date)
    regime: DataProtectionRegime = attrs.field(
        validator=_check.v_instance(DataProtectionRegime), kw_only=True
    )
    by_legal_representative: bool = attrs.field(
        default=False, validator=_check.v_bool, kw_only=True
    )
    clock_stopped: tuple[DateRange, ...] = attrs.field(
        default=(), validator=_check.v_tuple_of(DateRange), kw_only=True
    )

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


def _deadline_repr(deadline: Deadline | None) -> str:
    """A short repr of a bundle's deadline: its day, rule and any move."""
    if deadline is None:
        return "None"
    moved = "" if deadline.moved_from is None else f", moved from {deadline.moved_from}"
    return f"<Deadline: {deadline.due.isoformat()}, {deadline.rule}{moved}>"


@attrs.frozen
class SubjectAccessDeadline:
    """When a subject access request must be answered.

    A bundle of :class:`~mappa.deadlines.Deadline` values, each with its own
    rule and citation, as :class:`~mappa.minutes.MinutesDue` holds a
    minute's draft and final.

    Attributes:
        received: the relevant time: the day of receipt of the request (or
            of information or a fee asked for, if later).
        regime: the data protection law the answer is under.
        due: the time limit (rule
            ``disclosure.subject_access.<regime>.response``): the last day,
            the days the clock was stopped added, moved to the next working
            day where the regime moves it (``moved_from`` keeps the
            corresponding date it moved from).
        extended_due: the limit if extended by two further months for a
            complex or numerous request (rule
            ``disclosure.subject_access.<regime>.extension``), or ``None``
            where the regime allowed no extension on *received*.
        extension_notice_by: the last day to tell the person of an
            extension (within the first month), or ``None`` with no extension.
        days_stopped: the days the clock was stopped (not counted).
        citations: the regime's time limit, and every other rule applied.
    """

    received: _dt.date = attrs.field(validator=_check.v_date)
    regime: DataProtectionRegime = attrs.field(
        validator=_check.v_instance(DataProtectionRegime)
    )
    due: Deadline = attrs.field(
        validator=_check.v_instance(Deadline), repr=_deadline_repr
    )
    extended_due: Deadline | None = attrs.field(
        validator=_check.v_optional_instance(Deadline), repr=_deadline_repr
    )
    extension_notice_by: _dt.date | None = attrs.field(validator=_check.v_optional_date)
    days_stopped: int = attrs.field(validator=_check.v_non_negative_int)
    citations: tuple[Citation, ...] = attrs.field(
        validator=_check.v_tuple_of(Citation), repr=_check.repr_count
    )

    def __attrs_post_init__(self) -> None:
        rules = f"disclosure.subject_access.{self.regime.key}"
        response, extension = f"{rules}.response", f"{rules}.extension"
        if self.due.rule != response:
            raise InvalidValueError(
                f"a subject access deadline's due is rule {response!r}", rule=response
            )
        if self.extended_due is not None and self.extended_due.rule != extension:
            raise InvalidValueError(
                f"a subject access deadline's extended_due is rule {extension!r}",
                rule=extension,
            )
        if not self.received <= self.corresponding_date <= self.due.due:
            raise InvalidValueError(
                "a subject access deadline falls on or after the day of receipt",
                rule=response,
            )
        if (self.extended_due is None) != (self.extension_notice_by is None):
            raise InvalidValueError(
                "a subject access deadline has both an extended deadline and a "
                "day to give notice of it, or neither",
                rule=extension,
            )
        if self.extended_due is not None and not self.due.due < self.extended_due.due:
            raise InvalidValueError(
                "a subject access deadline's extended deadline falls after its "
                "time limit",
                rule=extension,
            )

    @property
    def rule(self) -> str:
        """The rulebook name of the time limit (``due.rule``)."""
        return self.due.rule

    @property
    def corresponding_date(self) -> _dt.date:
        """The last day of the time limit, the days the clock was stopped
        added, before any move to a working day."""
        return self.due.due if self.due.moved_from is None else self.due.moved_from

    @property
    def moved(self) -> bool:
        """True if the corresponding date was not a working day."""
        return self.due.moved


def _sum(first: Duration, second: Duration) -> Duration:
    return Duration(
        years=first.years + second.years,
        months=first.months + second.months,
        weeks=first.weeks + second.weeks,
        days=first.days + second.days,
    )


def _stopped_end(
    received: _dt.date, end: _dt.date, stopped: list[DateRange], rule: str
) -> tuple[_dt.date, int]:
    """*end* pushed back by the stopped days from *received* on that fall
    within the (pushed) limit, and how many they were."""
    if not stopped:
        return end, 0
    extra = 0
    while True:
        try:
            last = end + _dt.timedelta(days=extra)
        except OverflowError:
            raise InvalidValueError(
                f"rule {rule!r}: the deadline falls after the year 9999",
                rule=rule,
                value=received,
            ) from None
        counted = sum(
            (min(span.end, last) - max(span.start, received)).days + 1
            for span in stopped
            if span.end >= received and span.start <= last
        )
        if counted == extra:
            return last, extra
        extra = counted


def _merge(stopped: object) -> list[DateRange]:
    items = sorted(
        _check.ensure_tuple_of(stopped, DateRange, "clock_stopped"),
        key=lambda span: span.start,
    )
    merged: list[DateRange] = []
    for span in items:
        if merged and span.start <= merged[-1].end + _dt.timedelta(days=1):
            if span.end > merged[-1].end:
                merged[-1] = DateRange(merged[-1].start, span.end)
        else:
            merged.append(span)
    return merged


def subject_access_deadline(
    received: _dt.date,
    *,
    regime: DataProtectionRegime,
    clock_stopped: Sequence[DateRange] = (),
    calendar: WorkingCalendar | None = None,
    rulebook: Rulebook | None = None,
) -> SubjectAccessDeadline:
    """The response deadline of a subject access request received on *received*.

    *received* is the relevant time: the day the request arrived (or the
    information or fee asked for, if later). The caller names the *regime*
    the controller answers under:

    * :attr:`~DataProtectionRegime.LAW_ENFORCEMENT` (the police, DPA 2018
      Part 3): the period of one month *beginning with* the relevant time
      (s.54(2)), so it ends the day before the corresponding date of the
      next month; extendable by two further months (s.54(3A), from 5
      February 2026); no move to a working day (unconfirmed).
    * :attr:`~DataProtectionRegime.GENERAL` (UK GDPR): from the day of
      receipt to the corresponding date in the next month (the month's last
      day where there is none), moved to the next working day of
      *calendar* where it is a weekend or public holiday, as the ICO
      explains art. 12(3); extendable by two further months, counted
      together from receipt.

    *clock_stopped* lists the spans, from the day the controller asked for
    information it reasonably needed to the day it arrived, that do not
    count (Data (Use and Access) Act 2025: DPA 2018 s.54(3C), UK GDPR art.
    12A, both from 5 February 2026); each stopped day within the limit
    pushes it back a day. Every rule is read as at *received*: stopped
    spans on a request received before the clock-stop rule applied raise
    :class:`~mappa.errors.RuleNotInForce`.

    >>> general = DataProtectionRegime.GENERAL
    >>> subject_access_deadline(_dt.date(2025, 9, 3), regime=general).due.due
    datetime.date(2025, 10, 3)
    >>> moved = subject_access_deadline(_dt.date(2025, 4, 5), regime=general).due  # 5 May: a bank holiday
    >>> moved.due, moved.moved_from, moved.rule
    (datetime.date(2025, 5, 6), datetime.date(2025, 5, 5), 'disclosure.subject_access.general.response')
    >>> police = DataProtectionRegime.LAW_ENFORCEMENT
    >>> subject_access_deadline(_dt.date(2025, 9, 3), regime=police).due.due
    datetime.date(2025, 10, 2)
    >>> stopped = [DateRange(_dt.date(2026, 3, 5), _dt.date(2026, 3, 9))]
    >>> subject_access_deadline(_dt.date(2026, 3, 2), regime=police, clock_stopped=stopped).due.due
    datetime.date(2026, 4, 6)
    """
    return _subject_access(received, regime, clock_stopped, calendar, rulebook)


def _subject_access(
    received: object,
    regime: object,
    clock_stopped: object,
    calendar: object,
    rulebook: object,
) -> SubjectAccessDeadline:
    """The deadlines of :func:`subject_access_deadline`, built in one place."""
    received = _check.ensure_date(received, "received")
    regime = _check.ensure_member(regime, DataProtectionRegime, "regime")
    stopped = _merge(clock_stopped)
    book = resolve(rulebook, received)
    calendar = _calendar(calendar)
    key = regime.key
    response_rule = f"disclosure.subject_access.{key}.response"
    extension_rule = f"disclosure.subject_access.{key}.extension"
    move_rule = f"disclosure.subject_access.{key}.next_working_day"
    stop_rule = f"disclosure.subject_access.{key}.clock_stop"
    response = book.duration(response_rule)
    citations = [
        book.citation(response_rule),
        book.citation(f"disclosure.subject_access.{key}.right"),
    ]
    if stopped:
        if book.value(stop_rule) is not True:
            raise InvalidValueError(
                f"rule {stop_rule!r} does not stop the clock: pass no clock_stopped",
                rule=stop_rule,
            )
        citations.append(book.citation(stop_rule))
    move = book.value(move_rule)
    if not isinstance(move, bool):
        raise InvalidTypeError(f"rule {move_rule!r} must hold a bool", rule=move_rule)
    if move:
        citations.append(book.citation(move_rule))
    first = book.counting(response_rule).apply(response, received, rule=response_rule)
    corresponding, days_stopped = _stopped_end(received, first, stopped, response_rule)
    due = _moved(corresponding, response_rule, book, calendar if move else None)
    extended_due: Deadline | None
    try:
        extension = book.duration(extension_rule)
    except RuleNotInForce:
        extended_due = notice_by = None
    else:
        extended = book.counting(extension_rule).apply(
            _sum(response, extension), received, rule=extension_rule
        )
        extended, _ = _stopped_end(received, extended, stopped, extension_rule)
        extended_due = _moved(
            extended, extension_rule, book, calendar if move else None
        )
        notice_by = due.due
        citations.append(book.citation(extension_rule))
    return SubjectAccessDeadline(
        received=received,
        regime=regime,
        due=due,
        extended_due=extended_due,
        extension_notice_by=notice_by,
        days_stopped=days_stopped,
        citations=tuple(dict.fromkeys(citations)),
    )


def _moved(
    day: _dt.date, rule: str, book: Rulebook, calendar: WorkingCalendar | None
) -> Deadline:
    """*rule*'s deadline on *day*, moved to the next working day of
    *calendar* (if given) where *day* is not one."""
    due = day if calendar is None else calendar.roll_forward(day)
    return Deadline(
        due, rule, book.citation(rule), moved_from=None if due == day else day
    )


def subject_access_due(
    received: _dt.date,
    *,
    regime: DataProtectionRegime,
    extended: bool = False,
    clock_stopped: Sequence[DateRange] = (),
    calendar: WorkingCalendar | None = None,
    rulebook: Rulebook | None = None,
) -> Deadline:
    """The deadline of :func:`subject_access_deadline`, as a :class:`~mappa.deadlines.Deadline`.

    The time limit (rule ``disclosure.subject_access.<regime>.response``),
    or with *extended* the limit extended by two further months (rule
    ``disclosure.subject_access.<regime>.extension``); an extended deadline
    the regime did not allow on *received* raises
    :class:`~mappa.errors.RuleNotInForce`. Where the regime moves a
    deadline to a working day and it moved,
    :attr:`~mappa.deadlines.Deadline.moved_from` keeps the date before.

    >>> general = DataProtectionRegime.GENERAL
    >>> subject_access_due(_dt.date(2024, 1, 31), regime=general).due
    datetime.date(2024, 2, 29)
    >>> subject_access_due(_dt.date(2024, 1, 31), regime=general, extended=True).due
    datetime.date(2024, 4, 30)
    >>> moved = subject_access_due(_dt.date(2025, 4, 5), regime=general)  # 5 May: a bank holiday
    >>> moved.due, moved.moved_from
    (datetime.date(2025, 5, 6), datetime.date(2025, 5, 5))
    """
    extended = _check.ensure_bool(extended, "extended")
    deadline = _subject_access(received, regime, clock_stopped, calendar, rulebook)
    if not extended:
        return deadline.due
    if deadline.extended_due is None:
        rule = f"disclosure.subject_access.{deadline.regime.key}.extension"
        raise RuleNotInForce(
            f"rule {rule!r} allowed no extension on the day of receipt",
            rule=rule,
            value=deadline.received,
        )
    return deadline.extended_due


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
        repr=lambda d: "None" if d is None else f"<due {d.due.due.isoformat()}>",
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
        return None if self.deadline is None else self.deadline.due.due

    @property
    def rule(self) -> str:
        """The rulebook name of the rule that decided the route: a subject
        access request's time limit, else the chair's prior approval
        (para 11.19), which every other route turns on."""
        if self.deadline is not None:
            return self.deadline.rule
        return "disclosure.duty.chair_prior_approval"


_COMMON_DUTIES = (
    Duty.CHAIR_PRIOR_APPROVAL,
    Duty.RESPOND,
    Duty.WHOLE_MINUTE_RARELY,
    Duty.RECORD_REQUEST_AND_DECISION,
    Duty.RESTRICT_THIRD_PARTY_INFORMATION,
)


def _duty_citations(
    book: Rulebook, duties: tuple[Duty, ...], *extra: str
) -> tuple[Citation, ...]:
    """The citations of *duties* and of the *extra* rules, each once, in
    paragraph order."""
    names = [f"disclosure.duty.{duty.name.lower()}" for duty in duties]
    citations = {book.citation(name) for name in (*names, *extra)}
    return tuple(sorted(citations, key=lambda c: (c.document, c.pinpoint)))


def route_request(
    request: MinuteRequest,
    *,
    calendar: WorkingCalendar | None = None,
    rulebook: Rulebook | None = None,
) -> DisclosureRoute:
    """How *request* is handled: who decides, what may go, by when, what is recorded.

    A request of any other type raises :class:`~mappa.errors.InvalidTypeError`.
    The rules are read as at the day the request was received.

    >>> route = route_request(ThirdPartyRequest(received=_dt.date(2025, 6, 2)))
    >>> [r.name for r in route.releases], route.deadline is None
    (['MINUTE_EXECUTIVE_SUMMARY'], True)
    >>> route_request("third party")
    Traceback (most recent call last):
    ...
    mappa.errors.InvalidTypeError: request must be a ThirdPartyRequest, SubjectAccessRequest or TribunalRequest, not str
    """
    if calendar is not None:
        _calendar(calendar)
    if not isinstance(
        request, ThirdPartyRequest | SubjectAccessRequest | TribunalRequest
    ):
        raise InvalidTypeError(
            "request must be a ThirdPartyRequest, SubjectAccessRequest or "
            f"TribunalRequest, not {_check.type_name(request)}",
            rule="request",
        )
    book = resolve(rulebook, request.received)
    duties: tuple[Duty, ...]
    if isinstance(request, ThirdPartyRequest):
        duties = _COMMON_DUTIES
        return DisclosureRoute(
            kind=request.kind,
            deciders=(Decider.MEETING_CHAIR, Decider.MAPPA_COORDINATOR),
            releases=(Release.MINUTE_EXECUTIVE_SUMMARY,),
            duties=duties,
            deadline=None,
            citations=_duty_citations(book, duties, _SUMMARY_RULE),
        )
    if isinstance(request, SubjectAccessRequest):
        duties = (
            Duty.CONSULT_ATTENDING_AGENCIES,
            Duty.SEEK_DATA_PROTECTION_ADVICE,
            *_COMMON_DUTIES,
        )
        deadline = subject_access_deadline(
            request.received,
            regime=request.regime,
            clock_stopped=request.clock_stopped,
            rulebook=book,
            calendar=calendar,
        )
        return DisclosureRoute(
            kind=request.kind,
            deciders=(Decider.MAPPA_COORDINATOR, Decider.MEETING_CHAIR),
            releases=(Release.MINUTE_EXECUTIVE_SUMMARY,),
            duties=duties,
            deadline=deadline,
            citations=(
                *_duty_citations(book, duties, _SUMMARY_RULE),
                *deadline.citations,
            ),
        )
    duties = _COMMON_DUTIES
    releases: tuple[Release, ...] = (Release.TRIBUNAL_STATEMENT,)
    extra = [_STATEMENT_RULE]
    if request.considering.name in book.texts(_TRIBUNAL_SUMMARY_RULE):
        releases = (*releases, Release.MINUTE_EXECUTIVE_SUMMARY)
        extra.append(_TRIBUNAL_SUMMARY_RULE)
    return DisclosureRoute(
        kind=request.kind,
        deciders=(Decider.MEETING_CHAIR, Decider.MAPPA_COORDINATOR),
        releases=releases,
        duties=duties,
        deadline=None,
        citations=_duty_citations(book, duties, *extra),
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
        factory=lambda: DEFAULT_RULEBOOK.citation(_STATEMENT_RULE),
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


def tribunal_statement(
    *,
    meeting_date: _dt.date,
    level: Level,
    recommendation: TribunalRecommendation,
    rulebook: Rulebook | None = None,
    **extra: object,
) -> TribunalStatement:
    """Build the statement a Mental Health Tribunal may be given (para 11.20).

    Only the meeting date, the MAPPA level and the recommendation the group
    supports may be shared: any other field raises
    :class:`~mappa.errors.InvalidValueError` naming the refused fields
    (never their values). Pass a dict with ``**fields``. The rule is read
    as at the meeting date.

    >>> tribunal_statement(
    ...     meeting_date=_dt.date(2025, 6, 2), level=Level.MAPPP,
    ...     recommendation=TribunalRecommendation.CONDITIONAL_DISCHARGE,
    ...     risk_narrative="...",
    ... )
    Traceback (most recent call last):
    ...
    mappa.errors.InvalidValueError: a tribunal may be told only the meeting date, MAPPA level and recommendation (para 11.20); refused field(s): risk_narrative
    """
    meeting_date = _check.ensure_date(meeting_date, "meeting_date")
    book = resolve(rulebook, meeting_date)
    allowed = book.texts(_STATEMENT_RULE)
    refused = {
        name: value
        for name, value in {
            "meeting_date": meeting_date,
            "level": level,
            "recommendation": recommendation,
            **extra,
        }.items()
        if name not in allowed
    }
    if refused:
        # Field names are shown only where they look like identifiers, so a
        # message never echoes free text a caller used as a key.
        names = sorted(
            name for name in refused if name.isidentifier() and len(name) <= 40
        )
        others = len(refused) - len(names)
        shown = [*names, *([f"{others} other field(s)"] if others else [])]
        raise InvalidValueError(
            "a tribunal may be told only the meeting date, MAPPA level and "
            f"recommendation (para 11.20); refused field(s): {', '.join(shown)}",
            rule=_STATEMENT_RULE,
            value=tuple(names),
        )
    return TribunalStatement(
        meeting_date=meeting_date,
        level=_check.ensure_member(level, Level, "level"),
        recommendation=_check.ensure_member(
            recommendation, TribunalRecommendation, "recommendation"
        ),
        citation=book.citation(_STATEMENT_RULE),
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
    the future) are refused. The rule is read as at the day the final
    minute was agreed (the day of the check if not yet).

    >>> decision = assess_audio_recording(
    ...     final_agreed=_dt.date(2025, 6, 16), destroyed=None, on=_dt.date(2025, 6, 20)
    ... )
    >>> bool(decision), decision.kept_too_long, decision.days_overdue
    (False, True, 4)
    """
    final_agreed = _check.ensure_optional_date(final_agreed, "final_agreed")
    destroyed = _check.ensure_optional_date(destroyed, "destroyed")
    on = _check.ensure_date(on, "on")
    book = resolve(rulebook, final_agreed or on)
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
