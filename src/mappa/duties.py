"""Every duty of a case on one timeline, and a co-ordinator's due list.

Each rule module answers one question: when the next review is due, when a
minute is due, when a notification is due. A case system needs them
together: *for this case, what is due, by when, under which rule, and what
is already late?* :func:`duties` answers that for one :class:`Case`, as at
a date ``on``: every duty the case's events on or before ``on`` give rise
to, each a :class:`Duty` with its :class:`~mappa.deadlines.Deadline`
(due date, rule, citation), the event it arises from (a meeting id or a
position, never free text), the day it was done, and its
:class:`DutyStatus` as at ``on``. :func:`caseload_duties` gives the same
for a whole caseload as tidy :class:`DutyRow` values: a co-ordinator's due
list. :func:`to_ical` writes the open and overdue ones as an iCalendar
file (the optional ``mappa[ical]`` extra).

Nothing here re-implements a rule. Each kind of duty is a call of the
public rule function that sets it (:func:`~mappa.reviews.next_review_due`,
:func:`~mappa.minutes.minutes_due`,
:func:`~mappa.disclosure.subject_access_due`,
:func:`~mappa.notification.periodic_notification_due`...), whose
``Deadline`` is the duty's as it is: every due date here is that function's
answer for the same facts, *calendar* and *rulebook*, and each rule is read
as at the date of the event the duty arises from (the meeting, the
liberation date, the relevant date, the receipt of a request...).

*calendar* (Scotland's national calendar when ``None``) counts the working
days of the minutes and moves a subject access deadline as its regime
says. The calendar-day deadlines (the next review, the initial MAPPP
before liberation, the OLR RMP review) are the rule functions' own
answers, never moved, unless the caller opts in with
``move_to_working_day=True``: then, as
:func:`~mappa.reviews.next_review_due` documents, a due date on a
non-working day moves back to the previous working day.

>>> import datetime as dt
>>> from mappa.framework import Category, Level
>>> from mappa.duties import Case, CaseMeeting, duties
>>> case = Case(
...     case_ref="C-0001", category=Category.REGISTERED_SEX_OFFENDER,
...     meetings=(CaseMeeting(held_on=dt.date(2025, 6, 2), level=Level.MAPPP,
...                           meeting_id="M1", draft_released=dt.date(2025, 6, 6)),),
... )
>>> for duty in duties(case, on=dt.date(2025, 6, 12)):
...     print(duty.due, duty.kind.value, duty.status.value, duty.rule)
2025-06-09 draft minute and RMP met minutes.draft
2025-06-16 final minute and RMP open minutes.final
2025-07-14 next review open reviews.level3.interval

**Statuses.** A duty done on or before its due date is *met*, after it
*met late*; one not done (as at ``on``) is *open* up to and including its
due date and *overdue* after it. A duty the guidance sets no national
timescale for (a meeting after a reported change in risk, para 11.29; the
next review of a level 1 case; the provisional ISP list, para 18.24) has no
due date: it is *no national timescale* until done, then *met*.
``days_overdue`` counts calendar days after the due date (to the day it
was done, or to ``on``).

**Readings** (each also in the docs): a draft minute is taken as done by
the day the final minute was released if no earlier draft date is given;
an audio recording must be destroyed by the day the final minute is
agreed, taken as the day it was released (para 11.18); every notification
restarts the periodic year (s.85(1)) and answers every earlier change; a
case with an Order for Lifelong Restriction has its RMP reviewed at every
meeting and on every date in ``rmp_reviews``; a subject access request's
clock still stopped on ``on`` (the information asked for not yet arrived)
counts as stopped up to ``on``.

More information:

* MAPPA National Guidance (2023), chapter 11 and paras 18.23-18.26.
* Sexual Offences Act 2003, ss.83-85 and 88B, as they apply in Scotland.
* UK GDPR art. 12(3) and Data Protection Act 2018 ss.45 and 54 (subject
  access, by regime).
* RFC 5545, Internet Calendaring and Scheduling (iCalendar):
  https://www.rfc-editor.org/rfc/rfc5545
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, TypeVar

import attrs

from mappa import _check
from mappa.calendar import WorkingCalendar
from mappa.deadlines import Deadline
from mappa.disclosure import (
    DataProtectionRegime,
    assess_audio_recording,
    subject_access_due,
)
from mappa.errors import (
    InvalidTypeError,
    InvalidValueError,
    LevelNotPermitted,
    MissingDependency,
    NotApplicable,
    RecordError,
)
from mappa.framework import AreaTable, Category, Level, area_of, check_level
from mappa.isp import approval_period
from mappa.minutes import minutes_due
from mappa.notification import (
    Caution,
    CautionJurisdiction,
    CommunityPaybackOrder,
    Disposal,
    HospitalOrder,
    Imprisonment,
    LifeImprisonment,
    OrderForLifelongRestriction,
    OtherDisposal,
    ReviewReckoning,
    change_notification_due,
    initial_notification_due,
    notification_period,
    periodic_notification_due,
    review_date,
)
from mappa.periods import DateRange, Duration
from mappa.records import Meeting, MeetingKind, readable_file
from mappa.reviews import (
    initial_mappp_due,
    next_review_due,
    next_rmp_review_due,
    review_interval,
)
from mappa.rulebook import Rulebook, resolve
from mappa.sources import Citation
from mappa.years import reporting_year

__all__ = [
    "AccessRequest",
    "Case",
    "CaseMeeting",
    "Duty",
    "DutyKind",
    "DutyRow",
    "DutyStatus",
    "Event",
    "EventKind",
    "IspApproval",
    "NotificationFacts",
    "case_from_json",
    "caseload_duties",
    "duties",
    "read_case",
    "to_ical",
]

_T = TypeVar("_T")

_DISPOSALS = (
    Imprisonment,
    LifeImprisonment,
    OrderForLifelongRestriction,
    HospitalOrder,
    CommunityPaybackOrder,
    OtherDisposal,
    Caution,
)


# -- what a duty is -----------------------------------------------------------


class DutyKind(enum.Enum):
    """The kinds of duty a case can have, in the order a day's duties list."""

    INITIAL_MAPPP = "initial MAPPP before liberation"
    """The initial level 3 meeting of a case in custody (national performance indicators)."""
    NEXT_REVIEW = "next review"
    """The next review meeting (para 11.30; level 1 case by case, paras 11.27-11.28)."""
    MINUTE_DRAFT = "draft minute and RMP"
    """The draft minute and risk management plan (para 11.15)."""
    MINUTE_FINAL = "final minute and RMP"
    """The final minute and risk management plan (para 11.15)."""
    RECORDING_DESTRUCTION = "audio recording destroyed"
    """An audio recording of the meeting destroyed (para 11.18)."""
    MEETING_AFTER_CHANGE_IN_RISK = "meeting after a reported change in risk"
    """A meeting arranged after a reported change in risk (para 11.29)."""
    OLR_RMP_REVIEW = "OLR risk management plan review"
    """The yearly review of the RMP of a person subject to an OLR (para 11.7)."""
    INITIAL_NOTIFICATION = "initial notification"
    """Sexual Offences Act 2003 s.83."""
    CHANGE_NOTIFICATION = "notification of a change"
    """Sexual Offences Act 2003 s.84."""
    PERIODIC_NOTIFICATION = "periodic notification"
    """Sexual Offences Act 2003 s.85."""
    NOTIFICATION_DISCHARGE_REVIEW = "review of indefinite notification"
    """The date of discharge of an indefinite requirement (s.88B)."""
    ISP_APPROVAL_END = "ISP funding approval ends"
    """The end of an intensive support package's approval period (para 18.25)."""
    ISP_PROVISIONAL_LIST = "ISP provisional list for the coming financial year"
    """The provisional list of ISP cases (para 18.24)."""
    SUBJECT_ACCESS_ANSWER = "subject access answer"
    """The answer to a subject access request (para 11.22; DPA 2018 s.54 or UK GDPR art. 12(3))."""

    def __str__(self) -> str:
        return self.value


_KIND_ORDER = {kind: index for index, kind in enumerate(DutyKind)}


class DutyStatus(enum.Enum):
    """Where a duty stands on the day it is judged."""

    MET = "met"
    """Done on or before its due date (or done, with no national timescale)."""
    MET_LATE = "met late"
    """Done after its due date."""
    OPEN = "open"
    """Not done; the due date is today or later."""
    OVERDUE = "overdue"
    """Not done; the due date has passed."""
    NO_NATIONAL_TIMESCALE = "no national timescale"
    """Not done; the guidance sets no national timescale for it."""

    def __str__(self) -> str:
        return self.value


class EventKind(enum.Enum):
    """What a duty arises from; each value is the :class:`Case` field it is in."""

    MEETING = "meetings"
    LIBERATION = "liberation_date"
    RMP_REVIEW = "rmp_reviews"
    RELEVANT_DATE = "notification.relevant_date"
    NOTIFICATION = "notification.notifications"
    CHANGE = "notification.changes"
    ISP_APPROVAL = "isp_approvals"
    SUBJECT_ACCESS_REQUEST = "subject_access_requests"
    RISK_CHANGE = "risk_changes"

    def __str__(self) -> str:
        return self.value


_SINGLE_EVENTS = frozenset({EventKind.LIBERATION, EventKind.RELEVANT_DATE})


def _v_optional_meeting_ref(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None:
        _check.ensure_ref(
            value, f"{type(instance).__name__}.{attribute.name}", case=False
        )


@attrs.frozen(kw_only=True)
class Event:
    """The fact a duty arises from: its place in the :class:`Case`, never free text.

    Attributes:
        kind: which field of the case holds it.
        index: its position in that field (0 for a single date).
        day: its date.
        meeting_id: the meeting's id, for a meeting that has one.
    """

    kind: EventKind = attrs.field(validator=_check.v_instance(EventKind))
    index: int = attrs.field(validator=_check.v_non_negative_int)
    day: _dt.date = attrs.field(validator=_check.v_date)
    meeting_id: str | None = attrs.field(
        default=None, validator=_v_optional_meeting_ref
    )

    def __attrs_post_init__(self) -> None:
        if self.meeting_id is not None and self.kind is not EventKind.MEETING:
            raise InvalidValueError(
                "Event.meeting_id is for meetings only", rule="Event.meeting_id"
            )

    def __str__(self) -> str:
        if self.meeting_id is not None:
            return f"meeting {self.meeting_id}"
        if self.kind in _SINGLE_EVENTS:
            return self.kind.value
        return f"{self.kind.value}[{self.index}]"


def _judge(
    due: _dt.date | None, done_on: _dt.date | None, on: _dt.date
) -> tuple[DutyStatus, int]:
    """The status and days overdue of a duty due *due*, done *done_on*, on *on*."""
    if done_on is not None:
        late = 0 if due is None else (done_on - due).days
        return (DutyStatus.MET_LATE, late) if late > 0 else (DutyStatus.MET, 0)
    if due is None:
        return DutyStatus.NO_NATIONAL_TIMESCALE, 0
    late = (on - due).days
    return (DutyStatus.OVERDUE, late) if late > 0 else (DutyStatus.OPEN, 0)


def _deadline_repr(deadline: Deadline | None) -> str:
    return "None" if deadline is None else f"<Deadline: {deadline.due.isoformat()}>"


@attrs.frozen(kw_only=True)
class Duty:
    """One duty of a case, judged on a day.

    Attributes:
        kind: what must be done.
        event: the fact it arises from.
        rule: the rulebook name of the rule that sets it.
        citation: the paragraph or section that sets it.
        on: the day it is judged.
        deadline: the due date with its rule and citation, or ``None``
            where the guidance sets no national timescale.
        level: the case's MAPPA level the duty concerns (the level a
            meeting set, or the level on the day of the event), if known.
        done_on: the day it was done, if done on or before :attr:`on`.
        status: :class:`DutyStatus` on :attr:`on` (computed).
        days_overdue: calendar days after the due date it was done, or is
            still not done (0 unless met late or overdue; computed).
    """

    kind: DutyKind = attrs.field(validator=_check.v_instance(DutyKind))
    event: Event = attrs.field(validator=_check.v_instance(Event))
    rule: str = attrs.field(validator=_check.v_text)
    citation: Citation = attrs.field(validator=_check.v_instance(Citation))
    on: _dt.date = attrs.field(validator=_check.v_date)
    deadline: Deadline | None = attrs.field(
        default=None,
        validator=_check.v_optional_instance(Deadline),
        repr=_deadline_repr,  # its rule and citation are the duty's own
    )
    level: Level | None = attrs.field(
        default=None, validator=_check.v_optional_instance(Level)
    )
    done_on: _dt.date | None = attrs.field(
        default=None, validator=_check.v_optional_date
    )
    status: DutyStatus = attrs.field(init=False)
    days_overdue: int = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        if self.deadline is not None and (
            self.deadline.rule != self.rule or self.deadline.citation != self.citation
        ):
            raise InvalidValueError(
                "Duty.rule and Duty.citation must be its deadline's",
                rule="Duty.rule",
            )
        if self.done_on is not None and self.done_on > self.on:
            raise InvalidValueError(
                "Duty.done_on must not be after the day it is judged",
                rule="Duty.done_on",
            )
        status, late = _judge(self.due, self.done_on, self.on)
        object.__setattr__(self, "status", status)
        object.__setattr__(self, "days_overdue", late)

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The rule's citation, as the one-element tuple every result has."""
        return (self.citation,)

    @property
    def due(self) -> _dt.date | None:
        """The due date, or ``None`` where there is no national timescale."""
        return None if self.deadline is None else self.deadline.due

    @property
    def sort_date(self) -> _dt.date:
        """The due date, or the event's day where there is none."""
        return self.event.day if self.deadline is None else self.deadline.due

    def __str__(self) -> str:
        due = "no national timescale" if self.due is None else self.due.isoformat()
        return f"{self.kind.value} ({self.event}): {self.status.value}, due {due}"


def _duty(
    kind: DutyKind,
    event: Event,
    on: _dt.date,
    *,
    deadline: Deadline | None = None,
    rule: str | None = None,
    citation: Citation | None = None,
    level: Level | None = None,
    done_on: _dt.date | None = None,
) -> Duty:
    if done_on is not None and done_on > on:
        done_on = None  # not done as at *on*
    if deadline is not None:
        rule, citation = deadline.rule, deadline.citation
    assert rule is not None
    assert citation is not None
    return Duty(
        kind=kind,
        event=event,
        rule=rule,
        citation=citation,
        on=on,
        deadline=deadline,
        level=level,
        done_on=done_on,
    )


# -- what a case system knows ---------------------------------------------------


@attrs.frozen(kw_only=True)
class CaseMeeting:
    """A meeting of a case, as much as its duties need.

    Attributes:
        held_on: the date of the meeting.
        level: the level at which it was held.
        kind: initial, review or risk management team meeting.
        meeting_id: the meeting's reference, if the case system has one.
        new_level: the level the case moved to at it, if it changed.
        leaves_mappa: the case left MAPPA at it (no next review follows).
        draft_released: the day the draft minute and RMP were sent.
        final_released: the day the final minute and RMP were agreed and
            released.
        recorded: the meeting was audio recorded.
        recording_destroyed: the day the recording was destroyed.
    """

    held_on: _dt.date = attrs.field(validator=_check.v_date)
    level: Level = attrs.field(validator=_check.v_instance(Level))
    kind: MeetingKind = attrs.field(
        default=MeetingKind.REVIEW, validator=_check.v_instance(MeetingKind)
    )
    meeting_id: str | None = attrs.field(
        default=None, validator=_v_optional_meeting_ref
    )
    new_level: Level | None = attrs.field(
        default=None, validator=_check.v_optional_instance(Level)
    )
    leaves_mappa: bool = attrs.field(default=False, validator=_check.v_bool)
    draft_released: _dt.date | None = attrs.field(
        default=None, validator=_check.v_optional_date
    )
    final_released: _dt.date | None = attrs.field(
        default=None, validator=_check.v_optional_date
    )
    recorded: bool = attrs.field(default=False, validator=_check.v_bool)
    recording_destroyed: _dt.date | None = attrs.field(
        default=None, validator=_check.v_optional_date
    )

    def __attrs_post_init__(self) -> None:
        def fail(field: str, message: str) -> None:
            raise InvalidValueError(
                f"CaseMeeting.{field}: {message}", rule=f"CaseMeeting.{field}"
            )

        if self.new_level is not None:
            if self.leaves_mappa:
                fail("new_level", "a case that leaves MAPPA has no new level")
            if self.new_level is self.level:
                fail("new_level", "a new level must differ from the meeting's level")
        for field in ("draft_released", "final_released", "recording_destroyed"):
            day = getattr(self, field)
            if day is not None and day < self.held_on:
                fail(field, "must not be before the meeting")
        if self.recording_destroyed is not None and not self.recorded:
            fail("recording_destroyed", "the meeting was not recorded")

    @property
    def level_after(self) -> Level | None:
        """The level the case is managed at after the meeting (``None`` if it left)."""
        if self.leaves_mappa:
            return None
        return self.level if self.new_level is None else self.new_level

    @classmethod
    def from_meeting(cls, meeting: Meeting) -> CaseMeeting:
        """The facts of a :class:`~mappa.records.Meeting` its duties need.

        Its ``minutes_released`` is the final minute's release; a record
        has no draft release date and no audio recording.
        """
        meeting = _check.ensure_instance(meeting, Meeting, "meeting")
        return cls(
            held_on=meeting.date,
            level=meeting.level,
            kind=meeting.kind,
            meeting_id=meeting.meeting_id,
            new_level=meeting.new_level,
            leaves_mappa=meeting.leaves_mappa,
            final_released=meeting.minutes_released,
        )


def _v_dates(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check.v_tuple_of(_dt.date)(instance, attribute, value)


@attrs.frozen(kw_only=True)
class NotificationFacts:
    """What a case system knows about a person's notification requirements.

    Attributes:
        disposal: the disposal that made the person subject (s.82(1) table);
            a :class:`~mappa.notification.Caution` says where it was given
            (one given in Scotland makes no one subject:
            :func:`duties` raises :class:`~mappa.errors.NotApplicable`).
        relevant_date: the relevant date (usually the date of conviction).
        under_18: the person was under 18 on the relevant date.
        notifications: the dates notifications were made (initial, change
            or periodic: each restarts the periodic year, s.85(1)).
        changes: the dates of changes to notify (s.84: a new name or home
            address, a stay elsewhere, release, bank and card details).
        excluded: periods in custody, in hospital or outside the United
            Kingdom (s.83(6), s.85(3)); whole days, ends included.
        no_fixed_abode: the person has no sole or main residence (7-day
            periodic notification).
        reckoning: how the s.88B date of discharge is counted.
        discharge_reviewed: the day the Chief Constable decided on an
            indefinite requirement's continuation (s.88C), if done.
    """

    disposal: Disposal = attrs.field(validator=_check.v_instance(_DISPOSALS))
    relevant_date: _dt.date = attrs.field(validator=_check.v_date)
    under_18: bool = attrs.field(validator=_check.v_bool)
    notifications: tuple[_dt.date, ...] = attrs.field(default=(), validator=_v_dates)
    changes: tuple[_dt.date, ...] = attrs.field(default=(), validator=_v_dates)
    excluded: tuple[DateRange, ...] = attrs.field(
        default=(), validator=_check.v_tuple_of(DateRange)
    )
    no_fixed_abode: bool = attrs.field(default=False, validator=_check.v_bool)
    reckoning: ReviewReckoning = attrs.field(
        default=ReviewReckoning.FROM_RELEVANT_DATE,
        validator=_check.v_instance(ReviewReckoning),
    )
    discharge_reviewed: _dt.date | None = attrs.field(
        default=None, validator=_check.v_optional_date
    )

    def __attrs_post_init__(self) -> None:
        for field in ("notifications", "changes"):
            if any(day < self.relevant_date for day in getattr(self, field)):
                raise InvalidValueError(
                    f"NotificationFacts.{field} must not be before the relevant date",
                    rule=f"NotificationFacts.{field}",
                )


@attrs.frozen(kw_only=True)
class IspApproval:
    """A funding approval of an intensive support package (para 18.25).

    Attributes:
        start: the first day of the approval period.
        resolved_on: the day a renewal was approved or the package ended
            (recall or removal reported, para 18.26), if done.
    """

    start: _dt.date = attrs.field(validator=_check.v_date)
    resolved_on: _dt.date | None = attrs.field(
        default=None, validator=_check.v_optional_date
    )


@attrs.frozen(kw_only=True)
class AccessRequest:
    """A subject access request for a minute and RMP (para 11.22).

    Its deadline is :func:`~mappa.disclosure.subject_access_due`'s for the
    same facts.

    Attributes:
        received: the relevant time: the day it was received (or the
            identity evidence, information or fee asked for, if later).
        regime: the data protection law the controller answers under: law
            enforcement (the police, DPA 2018 Part 3) or general processing
            (UK GDPR).
        clock_stopped: the spans, from the day the controller asked for
            information it reasonably needed to the day it arrived, that do
            not count (whole days, ends included; none may start before
            :attr:`received`).
        answered: the day it was answered, if done.
        extended: the time limit was extended by two further months for a
            complex or numerous request.
    """

    received: _dt.date = attrs.field(validator=_check.v_date)
    regime: DataProtectionRegime = attrs.field(
        validator=_check.v_instance(DataProtectionRegime)
    )
    clock_stopped: tuple[DateRange, ...] = attrs.field(
        default=(), validator=_check.v_tuple_of(DateRange)
    )
    answered: _dt.date | None = attrs.field(
        default=None, validator=_check.v_optional_date
    )
    extended: bool = attrs.field(default=False, validator=_check.v_bool)

    def __attrs_post_init__(self) -> None:
        if self.answered is not None and self.answered < self.received:
            raise InvalidValueError(
                "AccessRequest.answered must not be before it was received",
                rule="AccessRequest.answered",
            )
        if any(span.start < self.received for span in self.clock_stopped):
            raise InvalidValueError(
                "AccessRequest.clock_stopped must not start before the request "
                "was received",
                rule="AccessRequest.clock_stopped",
            )


def _v_case_ref(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    _check.ensure_ref(value, f"{type(instance).__name__}.{attribute.name}", case=True)


@attrs.frozen(kw_only=True)
class Case:
    """What a case system knows about one case; all optional but the category.

    The case is known by a pseudonymous reference only (at least one digit,
    never a name). A case checks its structure only: whether the category
    allows each level a meeting holds or sets is the rulebook's answer,
    which :func:`duties` applies with the caller's rulebook
    (:func:`~mappa.framework.check_level`, read as at each meeting).

    Attributes:
        case_ref: the pseudonymous case reference.
        category: the MAPPA category.
        area: the MAPPA area, if known.
        meetings: the case's meetings, in any order.
        liberation_date: the (expected) date of liberation of a case in
            custody.
        referral_level: the level the case is referred at before its first
            meeting (level 3 with a liberation date: the initial MAPPP is due).
        olr: the person is subject to an Order for Lifelong Restriction.
        rmp_reviews: days the RMP was reviewed outside a meeting.
        notification: the notification facts of a registered sex offender.
        isp_approvals: intensive support package funding approvals.
        provisional_lists: days the case was put on a provisional ISP list.
        subject_access_requests: requests by the person for a minute.
        risk_changes: days an agency reported a change in risk (para 11.29).
    """

    case_ref: str = attrs.field(validator=_v_case_ref)
    category: Category = attrs.field(validator=_check.v_instance(Category))
    area: str | None = attrs.field(default=None, validator=_check.v_optional_text)
    meetings: tuple[CaseMeeting, ...] = attrs.field(
        default=(), validator=_check.v_tuple_of(CaseMeeting)
    )
    liberation_date: _dt.date | None = attrs.field(
        default=None, validator=_check.v_optional_date
    )
    referral_level: Level | None = attrs.field(
        default=None, validator=_check.v_optional_instance(Level)
    )
    olr: bool = attrs.field(default=False, validator=_check.v_bool)
    rmp_reviews: tuple[_dt.date, ...] = attrs.field(default=(), validator=_v_dates)
    notification: NotificationFacts | None = attrs.field(
        default=None, validator=_check.v_optional_instance(NotificationFacts)
    )
    isp_approvals: tuple[IspApproval, ...] = attrs.field(
        default=(), validator=_check.v_tuple_of(IspApproval)
    )
    provisional_lists: tuple[_dt.date, ...] = attrs.field(
        default=(), validator=_v_dates
    )
    subject_access_requests: tuple[AccessRequest, ...] = attrs.field(
        default=(), validator=_check.v_tuple_of(AccessRequest)
    )
    risk_changes: tuple[_dt.date, ...] = attrs.field(default=(), validator=_v_dates)

    @classmethod
    def from_meetings(cls, meetings: Iterable[Meeting], **facts: Any) -> Case:
        """The case of *meetings* (:class:`~mappa.records.Meeting` values of one case).

        The case reference, area and category come from the meetings (all
        must agree); the liberation date from the earliest meeting that has
        one. Other facts are given as keywords (``olr=True``...).
        """
        items = _check.ensure_tuple_of(meetings, Meeting, "meetings")
        if not items:
            raise InvalidValueError("meetings must not be empty", rule="meetings")
        first = items[0]
        for field in ("case_ref", "area", "category"):
            if any(getattr(m, field) != getattr(first, field) for m in items):
                raise InvalidValueError(
                    f"the meetings of one case must have one {field}",
                    rule=f"Meeting.{field}",
                )
        ordered = sorted(items, key=lambda m: m.date)
        liberation = next(
            (m.liberation_date for m in ordered if m.liberation_date is not None),
            None,
        )
        facts.setdefault("liberation_date", liberation)
        return cls(
            case_ref=first.case_ref,
            category=first.category,
            area=first.area,
            meetings=tuple(CaseMeeting.from_meeting(m) for m in items),
            **facts,
        )


# -- the rules: each duty's deadline is a public rule function's answer ----------
#
# Most duties are a plain call of a ``*_due`` function (below, where the
# duty is made). Three read a result that names its rule: the end of an
# ISP approval period, the destruction of a recording, and level 1's review
# (which has no national interval: review_interval refuses it, naming the
# rule). Two duties have no rule function: the guidance sets them with no
# timescale, and their rules hold whether the duty applies at all.

_CHANGE_IN_RISK_RULE = "reviews.change_in_risk.meeting"
_PROVISIONAL_LIST_RULE = "isp.provisional_list"


def _isp_approval_end(start: _dt.date, rulebook: Rulebook | None) -> Deadline:
    period = approval_period(start, rulebook=rulebook)
    return Deadline(period.end, period.rule, period.citation)


def _recording(
    final_agreed: _dt.date,
    destroyed: _dt.date | None,
    on: _dt.date,
    rulebook: Rulebook | None,
) -> Deadline | None:
    check = assess_audio_recording(
        final_agreed=final_agreed, destroyed=destroyed, on=on, rulebook=rulebook
    )
    if check.destroy_by is None:
        return None
    return Deadline(check.destroy_by, check.rule, check.citation)


def _no_timescale(
    rule: str, day: _dt.date, rulebook: Rulebook | None
) -> Citation | None:
    """The citation of a duty with no national timescale arising on *day*,
    or ``None`` where the rule (read as at *day*) says the duty does not apply."""
    book = resolve(rulebook, day)
    applies = book.value(rule)
    if not isinstance(applies, bool):
        raise InvalidTypeError(f"rule {rule!r} must hold a bool", rule=rule)
    return book.citation(rule) if applies else None


def _level1_review(
    held_on: _dt.date, rulebook: Rulebook | None
) -> tuple[str, Citation]:
    book = resolve(rulebook, held_on)
    try:
        review_interval(Level.ROUTINE, rulebook=book)
    except NotApplicable as error:
        rule = error.rule
    else:  # pragma: no cover - the rule function refuses level 1
        raise AssertionError("level 1 has a national review interval")
    assert rule is not None
    return rule, book.citation(rule)


# -- the timeline --------------------------------------------------------------


@attrs.frozen
class _Context:
    case: Case
    on: _dt.date
    move: bool
    calendar: WorkingCalendar | None
    rulebook: Rulebook | None
    # (position in case.meetings, meeting) held on or before *on*, by date.
    held: tuple[tuple[int, CaseMeeting], ...]

    def level_at(self, day: _dt.date) -> Level | None:
        level = self.case.referral_level
        for _, meeting in self.held:
            if meeting.held_on > day:
                break
            level = meeting.level_after
        return level

    def first_meeting_from(self, day: _dt.date) -> _dt.date | None:
        return next((m.held_on for _, m in self.held if m.held_on >= day), None)

    def meeting_event(self, index: int, meeting: CaseMeeting) -> Event:
        return Event(
            kind=EventKind.MEETING,
            index=index,
            day=meeting.held_on,
            meeting_id=meeting.meeting_id,
        )


def _known(days: Iterable[_dt.date], on: _dt.date) -> list[tuple[int, _dt.date]]:
    """(position, day) of *days* on or before *on*, by date."""
    return sorted(
        ((index, day) for index, day in enumerate(days) if day <= on),
        key=lambda pair: pair[1],
    )


def _meeting_duties(ctx: _Context) -> Iterable[Duty]:
    on, calendar, rulebook = ctx.on, ctx.calendar, ctx.rulebook
    for position, (index, meeting) in enumerate(ctx.held):
        event = ctx.meeting_event(index, meeting)
        following = (
            ctx.held[position + 1][1].held_on if position + 1 < len(ctx.held) else None
        )
        level = meeting.level_after
        if level is Level.ROUTINE:
            rule, citation = _level1_review(meeting.held_on, rulebook)
            yield _duty(
                DutyKind.NEXT_REVIEW,
                event,
                on,
                rule=rule,
                citation=citation,
                level=level,
                done_on=following,
            )
        elif level is not None:
            yield _duty(
                DutyKind.NEXT_REVIEW,
                event,
                on,
                deadline=next_review_due(
                    level,
                    meeting.held_on,
                    move_to_working_day=ctx.move,
                    calendar=calendar,
                    rulebook=rulebook,
                ),
                level=level,
                done_on=following,
            )
        minutes = minutes_due(meeting.held_on, calendar=calendar, rulebook=rulebook)
        released = [
            d for d in (meeting.draft_released, meeting.final_released) if d is not None
        ]
        yield _duty(
            DutyKind.MINUTE_DRAFT,
            event,
            on,
            deadline=minutes.draft,
            level=meeting.level,
            done_on=min(released, default=None),
        )
        yield _duty(
            DutyKind.MINUTE_FINAL,
            event,
            on,
            deadline=minutes.final,
            level=meeting.level,
            done_on=meeting.final_released,
        )
        agreed = meeting.final_released
        if meeting.recorded and agreed is not None and agreed <= on:
            destroyed = meeting.recording_destroyed
            if destroyed is not None and destroyed > on:
                destroyed = None
            deadline = _recording(agreed, destroyed, on, rulebook)
            if deadline is not None:
                yield _duty(
                    DutyKind.RECORDING_DESTRUCTION,
                    event,
                    on,
                    deadline=deadline,
                    level=meeting.level,
                    done_on=destroyed,
                )


def _custody_duties(ctx: _Context) -> Iterable[Duty]:
    case, on = ctx.case, ctx.on
    liberation = case.liberation_date
    if liberation is None:
        return
    first_mappp = next((m.held_on for _, m in ctx.held if m.level is Level.MAPPP), None)
    if first_mappp is None and case.referral_level is not Level.MAPPP:
        return
    yield _duty(
        DutyKind.INITIAL_MAPPP,
        Event(kind=EventKind.LIBERATION, index=0, day=liberation),
        on,
        deadline=initial_mappp_due(
            liberation,
            move_to_working_day=ctx.move,
            calendar=ctx.calendar,
            rulebook=ctx.rulebook,
        ),
        level=Level.MAPPP,
        done_on=first_mappp,
    )


def _olr_duties(ctx: _Context) -> Iterable[Duty]:
    if not ctx.case.olr:
        return
    reviews: dict[_dt.date, Event] = {}
    for index, day in _known(ctx.case.rmp_reviews, ctx.on):
        reviews.setdefault(day, Event(kind=EventKind.RMP_REVIEW, index=index, day=day))
    for index, meeting in ctx.held:  # a meeting's event wins on the same day
        reviews[meeting.held_on] = ctx.meeting_event(index, meeting)
    days = sorted(reviews)
    for position, day in enumerate(days):
        yield _duty(
            DutyKind.OLR_RMP_REVIEW,
            reviews[day],
            ctx.on,
            deadline=next_rmp_review_due(
                day,
                move_to_working_day=ctx.move,
                calendar=ctx.calendar,
                rulebook=ctx.rulebook,
            ),
            level=ctx.level_at(day),
            done_on=days[position + 1] if position + 1 < len(days) else None,
        )


def _notification_duties(ctx: _Context) -> Iterable[Duty]:
    facts = ctx.case.notification
    on, rulebook = ctx.on, ctx.rulebook
    if facts is None or facts.relevant_date > on:
        return
    relevant = facts.relevant_date
    excluded = tuple(r for r in facts.excluded if r.start <= on)
    made = _known(facts.notifications, on)
    period = notification_period(
        facts.disposal,
        under_18=facts.under_18,
        relevant_date=relevant,
        rulebook=rulebook,
    )
    ends = None if period.indefinite else period.ends_on(relevant)
    first = made[0][1] if made else None

    def from_day(day: _dt.date) -> _dt.date | None:
        return next((d for _, d in made if d >= day), None)

    start = Event(kind=EventKind.RELEVANT_DATE, index=0, day=relevant)
    yield _duty(
        DutyKind.INITIAL_NOTIFICATION,
        start,
        on,
        deadline=initial_notification_due(
            relevant, excluded=excluded, rulebook=rulebook
        ),
        level=ctx.level_at(relevant),
        done_on=first,
    )
    for index, day in _known(facts.changes, on):
        if ends is not None and day > ends:
            continue
        yield _duty(
            DutyKind.CHANGE_NOTIFICATION,
            Event(kind=EventKind.CHANGE, index=index, day=day),
            on,
            deadline=change_notification_due(day, excluded=excluded, rulebook=rulebook),
            level=ctx.level_at(day),
            done_on=from_day(day),
        )
    for position, (index, day) in enumerate(made):
        deadline = periodic_notification_due(
            day,
            no_fixed_abode=facts.no_fixed_abode,
            excluded=excluded,
            rulebook=rulebook,
        )
        if ends is not None and deadline.due > ends:
            continue
        yield _duty(
            DutyKind.PERIODIC_NOTIFICATION,
            Event(kind=EventKind.NOTIFICATION, index=index, day=day),
            on,
            deadline=deadline,
            level=ctx.level_at(day),
            done_on=made[position + 1][1] if position + 1 < len(made) else None,
        )
    if period.indefinite:
        by_statute = facts.reckoning is ReviewReckoning.FROM_RELEVANT_DATE
        if not by_statute and first is None:
            return  # counted from a first notification not yet made
        yield _duty(
            DutyKind.NOTIFICATION_DISCHARGE_REVIEW,
            start,
            on,
            deadline=review_date(
                relevant,
                under_18=facts.under_18,
                reckoning=facts.reckoning,
                first_notification=first,
                excluded=excluded if by_statute and first is not None else (),
                rulebook=rulebook,
            ),
            level=ctx.level_at(relevant),
            done_on=facts.discharge_reviewed,
        )


def _isp_duties(ctx: _Context) -> Iterable[Duty]:
    case, on, rulebook = ctx.case, ctx.on, ctx.rulebook
    listed = sorted(day for day in case.provisional_lists if day <= on)
    started = [
        (approval.start, index, approval)
        for index, approval in enumerate(case.isp_approvals)
        if approval.start <= on
    ]
    for start, index, approval in started:
        yield _duty(
            DutyKind.ISP_APPROVAL_END,
            Event(kind=EventKind.ISP_APPROVAL, index=index, day=start),
            on,
            deadline=_isp_approval_end(start, rulebook),
            level=ctx.level_at(start),
            done_on=approval.resolved_on,
        )
    # A year's provisional list arises from its earliest approval (the first
    # given, on a tie), so a later ``on`` never moves it to another event.
    years_seen = set()
    for start, index, _approval in sorted(started, key=lambda item: item[:2]):
        event = Event(kind=EventKind.ISP_APPROVAL, index=index, day=start)
        level = ctx.level_at(start)
        year = reporting_year(start, rulebook=rulebook)
        if year in years_seen:
            continue
        years_seen.add(year)
        citation = _no_timescale(_PROVISIONAL_LIST_RULE, start, rulebook)
        if citation is None:
            continue
        yield _duty(
            DutyKind.ISP_PROVISIONAL_LIST,
            event,
            on,
            rule=_PROVISIONAL_LIST_RULE,
            citation=citation,
            level=level,
            done_on=next((d for d in listed if year.start <= d <= year.end), None),
        )


def _stopped_as_at(spans: Iterable[DateRange], on: _dt.date) -> tuple[DateRange, ...]:
    """The clock-stopped *spans* as known on *on*: those begun by then, a
    span still running cut at *on* (the information has not yet arrived)."""
    return tuple(
        span if span.end <= on else DateRange(span.start, on)
        for span in spans
        if span.start <= on
    )


def _request_duties(ctx: _Context) -> Iterable[Duty]:
    for index, request in enumerate(ctx.case.subject_access_requests):
        if request.received > ctx.on:
            continue
        yield _duty(
            DutyKind.SUBJECT_ACCESS_ANSWER,
            Event(
                kind=EventKind.SUBJECT_ACCESS_REQUEST, index=index, day=request.received
            ),
            ctx.on,
            deadline=subject_access_due(
                request.received,
                regime=request.regime,
                extended=request.extended,
                clock_stopped=_stopped_as_at(request.clock_stopped, ctx.on),
                calendar=ctx.calendar,
                rulebook=ctx.rulebook,
            ),
            level=ctx.level_at(request.received),
            done_on=request.answered,
        )


def _risk_duties(ctx: _Context) -> Iterable[Duty]:
    for index, day in _known(ctx.case.risk_changes, ctx.on):
        citation = _no_timescale(_CHANGE_IN_RISK_RULE, day, ctx.rulebook)
        if citation is None:
            continue
        yield _duty(
            DutyKind.MEETING_AFTER_CHANGE_IN_RISK,
            Event(kind=EventKind.RISK_CHANGE, index=index, day=day),
            ctx.on,
            rule=_CHANGE_IN_RISK_RULE,
            citation=citation,
            level=ctx.level_at(day),
            done_on=ctx.first_meeting_from(day),
        )


_SOURCES: tuple[Callable[[_Context], Iterable[Duty]], ...] = (
    _custody_duties,
    _meeting_duties,
    _olr_duties,
    _notification_duties,
    _isp_duties,
    _request_duties,
    _risk_duties,
)

_EVENT_ORDER = {kind: index for index, kind in enumerate(EventKind)}


def _order(duty: Duty) -> tuple[_dt.date, int, _dt.date, int, int]:
    return (
        duty.sort_date,
        _KIND_ORDER[duty.kind],
        duty.event.day,
        _EVENT_ORDER[duty.event.kind],
        duty.event.index,
    )


def _check_levels(case: Case, on: _dt.date, rulebook: Rulebook | None) -> None:
    """Each level of *case* as *rulebook* allows it for the category: a
    meeting's as at the meeting, the referral level as at *on*."""
    checks = [
        (f"meetings[{index}]", level, meeting.held_on)
        for index, meeting in enumerate(case.meetings)
        for level in (meeting.level, meeting.new_level)
        if level is not None
    ]
    if case.referral_level is not None:
        checks.append(("referral_level", case.referral_level, on))
    for field, level, day in checks:
        try:
            check_level(case.category, level, rulebook=resolve(rulebook, day))
        except LevelNotPermitted as error:
            raise LevelNotPermitted(
                f"Case.{field}: {error.message}", rule=error.rule, value=error.value
            ) from None


def duties(
    case: Case,
    *,
    on: _dt.date,
    move_to_working_day: bool = False,
    calendar: WorkingCalendar | None = None,
    rulebook: Rulebook | None = None,
) -> tuple[Duty, ...]:
    """Every duty of *case* as at *on*, sorted by due date.

    Only events on or before *on* count (meetings, notifications,
    requests, reports...); a done date after *on* is not yet done, and a
    subject access request's clock still stopped on *on* is taken as
    stopped up to *on*. A duty with no national timescale sorts by the day
    of its event. Each due date is the answer of the rule function named
    in the module docs for the same facts, *calendar* and *rulebook*, each
    rule read as at the date of the event the duty arises from. With
    *move_to_working_day*, the calendar-day deadlines (the next review,
    the initial MAPPP, the OLR RMP review) move back to a working day of
    *calendar* as those functions move them; by default they are the
    functions' unmoved answers.

    Each level a meeting holds or sets, and the referral level, must be
    one *rulebook* allows for the case's category
    (:class:`~mappa.errors.LevelNotPermitted` naming the field otherwise).

    >>> import datetime as dt
    >>> case = Case(case_ref="C-7", category=Category.OTHER_RISK_OF_SERIOUS_HARM,
    ...             risk_changes=(dt.date(2025, 3, 3),))
    >>> [str(d) for d in duties(case, on=dt.date(2025, 3, 10))]
    ['meeting after a reported change in risk (risk_changes[0]): no national timescale, due no national timescale']
    """
    case = _check.ensure_instance(case, Case, "case")
    on = _check.ensure_date(on, "on")
    move = _check.ensure_bool(move_to_working_day, "move_to_working_day")
    calendar = _check.ensure_optional_instance(calendar, WorkingCalendar, "calendar")
    if rulebook is not None:
        rulebook = _check.ensure_instance(rulebook, Rulebook, "rulebook")
    _check_levels(case, on, rulebook)
    held = tuple(
        sorted(
            ((i, m) for i, m in enumerate(case.meetings) if m.held_on <= on),
            key=lambda pair: pair[1].held_on,
        )
    )
    ctx = _Context(case, on, move, calendar, rulebook, held)
    found = [duty for source in _SOURCES for duty in source(ctx)]
    return tuple(sorted(found, key=_order))


# -- the due list ----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class DutyRow:
    """One row of a co-ordinator's due list: a duty of a case, in plain values.

    Attributes:
        case_ref: the pseudonymous case reference.
        area: the case's MAPPA area, if known.
        duty: the kind of duty.
        level: the MAPPA level it concerns, if known.
        due: the due date, or ``None`` (no national timescale).
        status: its status on :attr:`on`.
        days_overdue: calendar days late (0 unless met late or overdue).
        done_on: the day it was done, if done.
        event: the fact it arises from, as text (``"meeting M1"``,
            ``"risk_changes[0]"``).
        rule: the rulebook name of its rule.
        citation: the rule's citation, as text.
        on: the day it is judged.
    """

    case_ref: str = attrs.field(validator=_v_case_ref)
    area: str | None = attrs.field(validator=_check.v_optional_text)
    duty: DutyKind = attrs.field(validator=_check.v_instance(DutyKind))
    level: Level | None = attrs.field(validator=_check.v_optional_instance(Level))
    due: _dt.date | None = attrs.field(validator=_check.v_optional_date)
    status: DutyStatus = attrs.field(validator=_check.v_instance(DutyStatus))
    days_overdue: int = attrs.field(validator=_check.v_non_negative_int)
    done_on: _dt.date | None = attrs.field(validator=_check.v_optional_date)
    event: str = attrs.field(validator=_check.v_text)
    rule: str = attrs.field(validator=_check.v_text)
    citation: str = attrs.field(validator=_check.v_text)
    on: _dt.date = attrs.field(validator=_check.v_date)

    @classmethod
    def of(cls, case: Case, duty: Duty) -> DutyRow:
        """The row of *duty*, a duty of *case*."""
        case = _check.ensure_instance(case, Case, "case")
        duty = _check.ensure_instance(duty, Duty, "duty")
        return cls(
            case_ref=case.case_ref,
            area=case.area,
            duty=duty.kind,
            level=duty.level,
            due=duty.due,
            status=duty.status,
            days_overdue=duty.days_overdue,
            done_on=duty.done_on,
            event=str(duty.event),
            rule=duty.rule,
            citation=str(duty.citation),
            on=duty.on,
        )

    @property
    def uid(self) -> str:
        """An identifier of the duty that is the same on every run and every day.

        Made from the case reference, the kind of duty and its event, so a
        calendar that imports the list again updates the entry rather than
        adding a second one. The case reference cannot be read back from it.
        """
        key = f"{self.case_ref}\n{self.duty.name}\n{self.event}"
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + "@mappa"

    def to_dict(self) -> dict[str, str | int | None]:
        """The row as JSON-ready values (dates as ISO text, enums by value)."""
        return {
            "case_ref": self.case_ref,
            "area": self.area,
            "duty": self.duty.value,
            "level": None if self.level is None else int(self.level),
            "due": None if self.due is None else self.due.isoformat(),
            "status": self.status.value,
            "days_overdue": self.days_overdue,
            "done_on": None if self.done_on is None else self.done_on.isoformat(),
            "event": self.event,
            "rule": self.rule,
            "citation": self.citation,
            "on": self.on.isoformat(),
        }


def _cases(caseload: object) -> list[Case]:
    if isinstance(caseload, str | bytes) or not isinstance(caseload, Iterable):
        raise InvalidTypeError(
            "caseload must be a Caseload or an iterable of Meeting or Case, "
            f"not {_check.type_name(caseload)}",
            rule="caseload",
        )
    cases: list[Case] = []
    grouped: dict[str, list[Meeting]] = {}
    for index, item in enumerate(caseload):
        if isinstance(item, Case):
            cases.append(item)
        elif isinstance(item, Meeting):
            grouped.setdefault(item.case_ref, []).append(item)
        else:
            raise InvalidTypeError(
                f"caseload[{index}] must be a Meeting or a Case, "
                f"not {_check.type_name(item)}",
                rule="caseload",
                value=index,
            )
    cases.extend(Case.from_meetings(items) for items in grouped.values())
    refs = [case.case_ref for case in cases]
    if len(set(refs)) != len(refs):
        raise InvalidValueError(
            "a case reference appears in more than one case", rule="caseload"
        )
    return cases


_DUE_SOON = frozenset({DutyStatus.OPEN})
_ATTENTION = frozenset({DutyStatus.OVERDUE, DutyStatus.NO_NATIONAL_TIMESCALE})


def caseload_duties(
    caseload: Iterable[Meeting] | Iterable[Case],
    *,
    on: _dt.date,
    within: int | None = None,
    area: str | None = None,
    area_table: AreaTable | None = None,
    move_to_working_day: bool = False,
    calendar: WorkingCalendar | None = None,
    rulebook: Rulebook | None = None,
) -> tuple[DutyRow, ...]:
    """A co-ordinator's due list: the duties of every case, as tidy rows.

    *caseload* is a :class:`~mappa.records.Caseload` (or any iterable of
    :class:`~mappa.records.Meeting`, grouped into cases by reference) or
    an iterable of :class:`Case`. Rows are sorted by due date (a duty with
    no national timescale by its event's day), then case reference, each
    case's duties keeping the order :func:`duties` gives.

    With *within* = N, only what needs action: overdue duties, open duties
    due within N days of *on* (up to and including *on* + N), and duties
    with no national timescale not yet done. With *area* (an area or
    council name), only that MAPPA area's cases, the names looked up in
    *area_table* (the default table if ``None``). *move_to_working_day*,
    *calendar* and *rulebook* are passed to :func:`duties` for each case.

    >>> import datetime as dt
    >>> from mappa.records import sample_caseload
    >>> rows = caseload_duties(sample_caseload(), on=dt.date(2026, 3, 31), within=14, area="Fife")
    >>> sorted({row.status.value for row in rows})
    ['open', 'overdue']
    """
    on = _check.ensure_date(on, "on")
    if within is not None:
        within = _check.ensure_non_negative_int(within, "within")
    if area_table is not None:
        area_table = _check.ensure_instance(area_table, AreaTable, "area_table")
    wanted = (
        None
        if area is None
        else area_of(_check.ensure_str(area, "area"), area_table=area_table).name
    )
    cases = _cases(caseload)
    rows: list[tuple[tuple[_dt.date, str, int], DutyRow]] = []
    horizon = None if within is None else _plus_days(on, within)
    for case in cases:
        if wanted is not None and (
            case.area is None or _area_name(case.area, area_table) != wanted
        ):
            continue
        found = duties(
            case,
            on=on,
            move_to_working_day=move_to_working_day,
            calendar=calendar,
            rulebook=rulebook,
        )
        for position, duty in enumerate(found):
            if horizon is not None and not (
                duty.status in _ATTENTION
                or (
                    duty.status in _DUE_SOON
                    and duty.due is not None
                    and duty.due <= horizon
                )
            ):
                continue
            rows.append(
                ((duty.sort_date, case.case_ref, position), DutyRow.of(case, duty))
            )
    rows.sort(key=lambda pair: pair[0])
    return tuple(row for _, row in rows)


def _plus_days(day: _dt.date, days: int) -> _dt.date:
    """*day* + *days*, or the last representable date beyond it."""
    try:
        return day + _dt.timedelta(days=days)
    except OverflowError:
        return _dt.date.max


def _area_name(name: str, area_table: AreaTable | None) -> str | None:
    try:
        return area_of(name, area_table=area_table).name
    except LookupError:
        return None


# -- iCalendar ---------------------------------------------------------------------

_ICAL_STATUSES = frozenset({DutyStatus.OPEN, DutyStatus.OVERDUE})


def to_ical(
    rows: Iterable[DutyRow],
    *,
    case_refs: bool = False,
    reminders: Sequence[int] = (),
) -> bytes:
    """An iCalendar file (RFC 5545) of the open and overdue duties in *rows*.

    One all-day event per open or overdue duty, on its due date. Its UID
    (:attr:`DutyRow.uid`) is the same on every run, so importing a new
    list updates the calendar rather than duplicating it. Its SUMMARY says
    the duty and the level, never a name; the case reference (and the
    meeting or fact the duty arises from) is added only with *case_refs*. Each number in *reminders* adds an alarm (VALARM)
    that many days before the due date. Needs the ``icalendar`` package:
    ``pip install "mappa[ical]"``
    (:class:`~mappa.errors.MissingDependency` otherwise).

    >>> import datetime as dt
    >>> row = DutyRow(case_ref="C-1", area="Fife", duty=DutyKind.NEXT_REVIEW,
    ...               level=Level.MAPPP, due=dt.date(2025, 7, 14),
    ...               status=DutyStatus.OPEN, days_overdue=0, done_on=None,
    ...               event="meeting M1", rule="reviews.level3.interval",
    ...               citation="MAPPA National Guidance (2023), para 11.30",
    ...               on=dt.date(2025, 6, 12))
    >>> text = to_ical([row]).decode()
    >>> [line for line in text.splitlines() if line.startswith(("SUMMARY", "DTSTART"))]
    ['SUMMARY:Next review (level 3)', 'DTSTART;VALUE=DATE:20250714']
    """
    items = _check.ensure_tuple_of(rows, DutyRow, "rows")
    case_refs = _check.ensure_bool(case_refs, "case_refs")
    days = _check.ensure_tuple_of(reminders, int, "reminders")
    for index, value in enumerate(days):
        if value < 0:
            raise InvalidValueError(
                f"reminders[{index}] must be a number of days of at least 0",
                rule="reminders",
                value=value,
            )
    try:
        import icalendar
    except ImportError:
        raise MissingDependency(
            'iCalendar export needs the icalendar package: pip install "mappa[ical]"',
            rule="ical",
        ) from None
    cal = icalendar.Calendar()
    cal.add("prodid", "-//mappa//MAPPA duties//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    for row in items:
        if row.status not in _ICAL_STATUSES or row.due is None:
            continue
        summary = _summary(row, case_refs)
        event = icalendar.Event()
        event.add("uid", row.uid)
        event.add(
            "dtstamp",
            _dt.datetime.combine(row.on, _dt.time(), tzinfo=_dt.UTC),
        )
        event.add("dtstart", row.due)
        event.add("dtend", row.due + _dt.timedelta(days=1))
        event.add("summary", summary)
        event.add("description", _description(row, case_refs))
        event.add("categories", [row.status.value])
        event.add("transp", "TRANSPARENT")
        for before in days:
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", summary)
            alarm.add("trigger", -_dt.timedelta(days=before))
            event.add_component(alarm)
        cal.add_component(event)
    result: bytes = cal.to_ical()
    return result


def _summary(row: DutyRow, case_refs: bool) -> str:
    text = row.duty.value[:1].upper() + row.duty.value[1:]
    if row.level is not None:
        text += f" (level {int(row.level)})"
    if case_refs:
        text += f", case {row.case_ref}"
    return text


def _description(row: DutyRow, case_refs: bool) -> str:
    state = (
        f"overdue by {row.days_overdue} days"
        if row.status is DutyStatus.OVERDUE
        else "open"
    )
    source = f" Arises from {row.event}." if case_refs else ""
    return (
        f"{state.capitalize()} on {row.on.isoformat()}.{source} "
        f"Rule {row.rule}: {row.citation}."
    )


# -- reading a case from JSON --------------------------------------------------------

_DATE_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class _Reader:
    """Builds a :class:`Case` from parsed JSON, naming the field of any bad value."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, field: str, message: str) -> RecordError:
        return RecordError(message, source=self.source, column=field, rule=field)

    def mapping(
        self, value: object, field: str, allowed: Sequence[str]
    ) -> Mapping[str, object]:
        if not isinstance(value, Mapping):
            raise self.fail(field or "case", "expected a JSON object")
        unknown = [key for key in value if key not in allowed]
        if unknown:
            raise self.fail(
                field or "case",
                f"{len(unknown)} unknown field(s); expected only: {', '.join(allowed)}",
            )
        return value

    def date(self, value: object, field: str) -> _dt.date:
        if not isinstance(value, str) or not _DATE_TEXT.fullmatch(value):
            raise self.fail(field, "expected a date written YYYY-MM-DD")
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            raise self.fail(field, "expected a date written YYYY-MM-DD") from None

    def optional_date(self, value: object, field: str) -> _dt.date | None:
        return None if value is None else self.date(value, field)

    def dates(self, value: object, field: str) -> tuple[_dt.date, ...]:
        return tuple(
            self.date(item, f"{field}[{i}]")
            for i, item in enumerate(self.array(value, field))
        )

    def array(self, value: object, field: str) -> list[object]:
        if not isinstance(value, list):
            raise self.fail(field, "expected a JSON array")
        return value

    def boolean(self, value: object, field: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(field, "expected true or false")
        return value

    def integer(self, value: object, field: str, low: int, high: int) -> int:
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not (low <= value <= high)
        ):
            raise self.fail(field, f"expected a whole number from {low} to {high}")
        return value

    def level(self, value: object, field: str) -> Level:
        return Level(self.integer(value, field, 1, 3))

    def optional_level(self, value: object, field: str) -> Level | None:
        return None if value is None else self.level(value, field)

    def text(self, value: object, field: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(field, "expected non-empty text")
        return value

    def choice(self, value: object, field: str, choices: Sequence[str]) -> str:
        if not isinstance(value, str) or value not in choices:
            raise self.fail(field, f"expected one of: {', '.join(choices)}")
        return value

    def build(self, field: str, make: Callable[[], _T]) -> _T:
        """*make()*, its cross-field errors named by *field*."""
        try:
            return make()
        except RecordError:
            raise
        except (InvalidValueError, InvalidTypeError) as error:
            message = " ".join(str(error).split())
            raise self.fail(field or "case", message) from None


_CASE_FIELDS = (
    "case_ref",
    "category",
    "area",
    "meetings",
    "liberation_date",
    "referral_level",
    "olr",
    "rmp_reviews",
    "notification",
    "isp_approvals",
    "provisional_lists",
    "subject_access_requests",
    "risk_changes",
)
_MEETING_FIELDS = (
    "date",
    "level",
    "kind",
    "meeting_id",
    "new_level",
    "leaves_mappa",
    "draft_released",
    "final_released",
    "recorded",
    "recording_destroyed",
)
_NOTIFICATION_FIELDS = (
    "disposal",
    "relevant_date",
    "under_18",
    "notifications",
    "changes",
    "excluded",
    "no_fixed_abode",
    "reckoning",
    "discharge_reviewed",
)
_DISPOSAL_TYPES = (
    "imprisonment",
    "life",
    "olr",
    "hospital",
    "community_payback",
    "other",
    "caution",
)
_JURISDICTIONS = {
    "england_and_wales": CautionJurisdiction.ENGLAND_AND_WALES,
    "northern_ireland": CautionJurisdiction.NORTHERN_IRELAND,
    "scotland": CautionJurisdiction.SCOTLAND,
}
_REGIMES = {
    "law_enforcement": DataProtectionRegime.LAW_ENFORCEMENT,
    "general": DataProtectionRegime.GENERAL,
}
_KIND_NAMES = tuple(kind.value for kind in MeetingKind)
_RECKONINGS = {
    "relevant_date": ReviewReckoning.FROM_RELEVANT_DATE,
    "first_notification": ReviewReckoning.FROM_FIRST_NOTIFICATION,
}


def _meeting(read: _Reader, value: object, field: str) -> CaseMeeting:
    data = read.mapping(value, field, _MEETING_FIELDS)
    for required in ("date", "level"):
        if required not in data:
            raise read.fail(f"{field}.{required}", "required")
    meeting_id = data.get("meeting_id")
    if meeting_id is not None:
        text = read.text(meeting_id, f"{field}.meeting_id")
        if _check.ref_problem(text, case=False):
            raise read.fail(
                f"{field}.meeting_id",
                "expected a reference of 1 to 64 letters, digits and _ . / : # -",
            )
    return read.build(
        field,
        lambda: CaseMeeting(
            held_on=read.date(data["date"], f"{field}.date"),
            level=read.level(data["level"], f"{field}.level"),
            kind=MeetingKind(
                read.choice(data.get("kind", "review"), f"{field}.kind", _KIND_NAMES)
            ),
            meeting_id=meeting_id,  # type: ignore[arg-type]  # checked above
            new_level=read.optional_level(data.get("new_level"), f"{field}.new_level"),
            leaves_mappa=read.boolean(
                data.get("leaves_mappa", False), f"{field}.leaves_mappa"
            ),
            draft_released=read.optional_date(
                data.get("draft_released"), f"{field}.draft_released"
            ),
            final_released=read.optional_date(
                data.get("final_released"), f"{field}.final_released"
            ),
            recorded=read.boolean(data.get("recorded", False), f"{field}.recorded"),
            recording_destroyed=read.optional_date(
                data.get("recording_destroyed"), f"{field}.recording_destroyed"
            ),
        ),
    )


def _disposal(read: _Reader, value: object, field: str) -> Disposal:
    data = read.mapping(
        value, field, ("type", "years", "months", "days", "restriction_order", "where")
    )
    kind = read.choice(data.get("type"), f"{field}.type", _DISPOSAL_TYPES)
    if kind == "caution":
        where = read.choice(data.get("where"), f"{field}.where", list(_JURISDICTIONS))
        return Caution(where=_JURISDICTIONS[where])
    if kind == "imprisonment":
        parts = {
            unit: read.integer(data.get(unit, 0), f"{field}.{unit}", 0, 1200)
            for unit in ("years", "months", "days")
        }
        return read.build(field, lambda: Imprisonment(**parts))
    if kind == "hospital":
        return HospitalOrder(
            read.boolean(data.get("restriction_order"), f"{field}.restriction_order")
        )
    if kind == "community_payback":
        months = read.integer(data.get("months"), f"{field}.months", 1, 1200)
        return CommunityPaybackOrder(Duration(months=months))
    simple: dict[str, Disposal] = {
        "life": LifeImprisonment(),
        "olr": OrderForLifelongRestriction(),
        "other": OtherDisposal(),
    }
    return simple[kind]


def _notification(read: _Reader, value: object, field: str) -> NotificationFacts:
    data = read.mapping(value, field, _NOTIFICATION_FIELDS)
    for required in ("disposal", "relevant_date", "under_18"):
        if required not in data:
            raise read.fail(f"{field}.{required}", "required")
    excluded = _spans(read, data.get("excluded", []), f"{field}.excluded")
    reckoning = read.choice(
        data.get("reckoning", "relevant_date"), f"{field}.reckoning", list(_RECKONINGS)
    )
    return read.build(
        field,
        lambda: NotificationFacts(
            disposal=_disposal(read, data["disposal"], f"{field}.disposal"),
            relevant_date=read.date(data["relevant_date"], f"{field}.relevant_date"),
            under_18=read.boolean(data["under_18"], f"{field}.under_18"),
            notifications=read.dates(
                data.get("notifications", []), f"{field}.notifications"
            ),
            changes=read.dates(data.get("changes", []), f"{field}.changes"),
            excluded=excluded,
            no_fixed_abode=read.boolean(
                data.get("no_fixed_abode", False), f"{field}.no_fixed_abode"
            ),
            reckoning=_RECKONINGS[reckoning],
            discharge_reviewed=read.optional_date(
                data.get("discharge_reviewed"), f"{field}.discharge_reviewed"
            ),
        ),
    )


def _isp_approval(read: _Reader, value: object, field: str) -> IspApproval:
    data = read.mapping(value, field, ("start", "resolved_on"))
    return IspApproval(
        start=read.date(data.get("start"), f"{field}.start"),
        resolved_on=read.optional_date(data.get("resolved_on"), f"{field}.resolved_on"),
    )


def _spans(read: _Reader, value: object, field: str) -> tuple[DateRange, ...]:
    """Date ranges written as ``{"start": ..., "end": ...}``."""
    spans = []
    for i, item in enumerate(read.array(value, field)):
        where = f"{field}[{i}]"
        span = read.mapping(item, where, ("start", "end"))
        start = read.date(span.get("start"), f"{where}.start")
        end = read.date(span.get("end"), f"{where}.end")
        spans.append(read.build(where, functools.partial(DateRange, start, end)))
    return tuple(spans)


def _access_request(read: _Reader, value: object, field: str) -> AccessRequest:
    data = read.mapping(
        value,
        field,
        ("received", "regime", "clock_stopped", "answered", "extended"),
    )
    for required in ("received", "regime"):
        if required not in data:
            raise read.fail(f"{field}.{required}", "required")
    received = read.date(data["received"], f"{field}.received")
    regime = read.choice(data["regime"], f"{field}.regime", list(_REGIMES))
    stopped = _spans(read, data.get("clock_stopped", []), f"{field}.clock_stopped")
    return read.build(
        field,
        lambda: AccessRequest(
            received=received,
            regime=_REGIMES[regime],
            clock_stopped=stopped,
            answered=read.optional_date(data.get("answered"), f"{field}.answered"),
            extended=read.boolean(data.get("extended", False), f"{field}.extended"),
        ),
    )


def case_from_json(data: object, *, source: str = "<case>") -> Case:
    """A :class:`Case` from parsed JSON (the schema is in the duties docs).

    A bad value raises :class:`~mappa.errors.RecordError` naming *source*
    and the field (``meetings[1].date``), never the value itself.

    >>> case = case_from_json({"case_ref": "C-0001", "category": 1,
    ...     "meetings": [{"date": "2025-06-02", "level": 2}]})
    >>> case.meetings[0].held_on, case.meetings[0].level
    (datetime.date(2025, 6, 2), <Level.MULTI_AGENCY: 2>)
    >>> case_from_json({"case_ref": "C-0001", "category": 1,
    ...     "meetings": [{"date": "2 June", "level": 2}]})
    Traceback (most recent call last):
    ...
    mappa.errors.RecordError: <case>, column 'meetings[0].date': expected a date written YYYY-MM-DD
    """
    source = _check.ensure_str(source, "source")
    read = _Reader(source)
    fields = read.mapping(data, "", _CASE_FIELDS)
    for required in ("case_ref", "category"):
        if required not in fields:
            raise read.fail(required, "required")
    ref = read.text(fields["case_ref"], "case_ref")
    if _check.ref_problem(ref, case=True):
        raise read.fail(
            "case_ref",
            "expected a pseudonymous case reference (letters, digits and "
            "_ . / : # -, with at least one digit), never a name",
        )
    category = Category(read.integer(fields["category"], "category", 1, 3))
    area = fields.get("area")
    notification = fields.get("notification")
    return read.build(
        "",
        lambda: Case(
            case_ref=ref,
            category=category,
            area=None if area is None else read.text(area, "area"),
            meetings=tuple(
                _meeting(read, item, f"meetings[{i}]")
                for i, item in enumerate(
                    read.array(fields.get("meetings", []), "meetings")
                )
            ),
            liberation_date=read.optional_date(
                fields.get("liberation_date"), "liberation_date"
            ),
            referral_level=read.optional_level(
                fields.get("referral_level"), "referral_level"
            ),
            olr=read.boolean(fields.get("olr", False), "olr"),
            rmp_reviews=read.dates(fields.get("rmp_reviews", []), "rmp_reviews"),
            notification=None
            if notification is None
            else _notification(read, notification, "notification"),
            isp_approvals=tuple(
                _isp_approval(read, item, f"isp_approvals[{i}]")
                for i, item in enumerate(
                    read.array(fields.get("isp_approvals", []), "isp_approvals")
                )
            ),
            provisional_lists=read.dates(
                fields.get("provisional_lists", []), "provisional_lists"
            ),
            subject_access_requests=tuple(
                _access_request(read, item, f"subject_access_requests[{i}]")
                for i, item in enumerate(
                    read.array(
                        fields.get("subject_access_requests", []),
                        "subject_access_requests",
                    )
                )
            ),
            risk_changes=read.dates(fields.get("risk_changes", []), "risk_changes"),
        ),
    )


def read_case(file: str | Path | IO[str]) -> Case:
    """Read one case from a JSON file (a path or an open text stream).

    Not valid JSON, or a value that breaks the schema:
    :class:`~mappa.errors.RecordError`, naming the file and the field, never
    the file's content.
    """
    if isinstance(file, str | Path):
        path = Path(file)
        # The readers' checks of a file name and a file (no NUL;
        # a regular file, never a pipe or a device that would hang)
        try:
            readable_file(path)
        except RecordError as error:
            raise RecordError(
                error.message.split(": ", 1)[-1], source=path.name, rule="file"
            ) from None
        try:
            with path.open(encoding="utf-8-sig") as stream:
                return _read_stream(stream, path.name)
        except OSError as error:
            raise RecordError(
                f"cannot read the file: {error.strerror or type(error).__name__}",
                source=path.name,
                rule="file",
            ) from None
    if not hasattr(file, "read"):
        raise InvalidTypeError(
            f"file must be a path or a text stream, not {_check.type_name(file)}",
            rule="file",
        )
    return _read_stream(file, getattr(file, "name", "<case>"))


def _read_stream(stream: IO[str], name: object) -> Case:
    source = name if isinstance(name, str) else "<case>"
    try:
        text = stream.read()
    except UnicodeDecodeError:
        raise RecordError("not UTF-8 text", source=source, rule="file") from None
    if not isinstance(text, str):
        raise InvalidTypeError("file must be opened in text mode", rule="file")
    try:
        data = json.loads(text)
    except ValueError:
        raise RecordError("not valid JSON", source=source, rule="file") from None
    return case_from_json(data, source=source)
