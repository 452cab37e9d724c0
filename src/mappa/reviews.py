"""Review frequencies, due dates and pre-release timescales.

A level 3 (MAPPP) case is reviewed no less than once every 6 weeks and a
level 2 case no less than once every 12 weeks (guidance para 11.30); the
next review is due that many calendar weeks after the last meeting, so a
meeting on the due date is on time and one a day later is late. Level 1
has no national interval: its frequency is agreed case by case
(paras 11.27-11.28), and asking for one raises
:class:`~mappa.errors.NotApplicable`. The risk management plan of a person
subject to an Order for Lifelong Restriction is reviewed at least once a
year (para 11.7), read as a year *beginning with* the last review. The
initial level 3 meeting of a case in custody is held 4 weeks before
liberation (national performance indicators).

A case moved between levels at a meeting takes the new level's interval
from that meeting: :func:`case_review_status` and :func:`review_periods`
read a case's meeting history as :class:`ReviewMeeting` values.

The guidance counts calendar weeks, so no due date moves for weekends or
holidays unless you ask: pass ``move_to_working_day=True`` and a due date
that falls on a non-working day of ``calendar`` (Scotland's national
calendar if ``None``) moves back to the previous working day.

>>> import datetime as dt
>>> from mappa.framework import Level
>>> from mappa.reviews import next_review_due, review_interval, review_status
>>> str(review_interval(Level.MAPPP).duration)
'6 weeks'
>>> deadline = next_review_due(Level.MAPPP, dt.date(2025, 1, 6))
>>> deadline.due, deadline.rule
(datetime.date(2025, 2, 17), 'reviews.level3.interval')
>>> status = review_status(Level.MULTI_AGENCY, dt.date(2025, 1, 6), dt.date(2025, 4, 7))
>>> status.state, status.due, status.days_overdue
(<ReviewState.OVERDUE: 'overdue'>, datetime.date(2025, 3, 31), 7)
>>> review_interval(Level.ROUTINE)
Traceback (most recent call last):
...
mappa.errors.NotApplicable: level 1 (routine risk management) has no national review interval: its frequency is agreed case by case (rule 'reviews.level1.interval') [MAPPA National Guidance (2023), paras 11.27-11.28, 11.30]

More information:

* MAPPA National Guidance (2023), paras 11.7 and 11.27-11.30.
* Glasgow City Council, MAPPA page: National Performance Indicators
  (the initial MAPPP meeting 4 weeks before liberation).
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable

import attrs

from mappa import _check
from mappa.calendar import WorkingCalendar
from mappa.deadlines import Deadline
from mappa.errors import InvalidTypeError, InvalidValueError, NotApplicable
from mappa.framework import Level
from mappa.periods import Counting, Duration
from mappa.rulebook import Rulebook, resolve
from mappa.sources import Citation

__all__ = [
    "InitialMapppCheck",
    "ReviewInterval",
    "ReviewMeeting",
    "ReviewState",
    "ReviewStatus",
    "assess_initial_mappp",
    "case_review_status",
    "initial_mappp_due",
    "next_review_due",
    "next_rmp_review_due",
    "review_interval",
    "review_periods",
    "review_schedule",
    "review_status",
]

_LEVEL1_RULE = "reviews.level1.interval"
_RMP_RULE = "reviews.olr_rmp.interval"
_PRE_RELEASE_RULE = "reviews.initial_mappp.before_liberation"


def _interval_rule(level: Level) -> str:
    return f"reviews.level{level.value}.interval"


def _adjust(due: _dt.date, calendar: WorkingCalendar | None) -> _dt.date:
    """*due*, moved back to the previous working day if *calendar* is given."""
    if calendar is None:
        return due
    return calendar.roll_backward(due)


def _deadline(
    due: _dt.date, calendar: WorkingCalendar | None, rule: str, citation: Citation
) -> Deadline:
    """A :class:`Deadline` on *due*, moved back to a working day of *calendar*."""
    moved = _adjust(due, calendar)
    return Deadline(moved, rule, citation, moved_from=None if moved == due else due)


def _move_calendar(
    move_to_working_day: object, calendar: object
) -> WorkingCalendar | None:
    """The calendar to move due dates on, or ``None`` to leave them alone.

    ``calendar=None`` is Scotland's national calendar; it is used only
    when *move_to_working_day* asks for a move.
    """
    move = _check.ensure_bool(move_to_working_day, "move_to_working_day")
    checked = _check.ensure_optional_instance(calendar, WorkingCalendar, "calendar")
    if not move:
        return None
    return WorkingCalendar.scotland() if checked is None else checked


# -- intervals ----------------------------------------------------------------


@attrs.frozen
class ReviewInterval:
    """The longest a case at a level may go from one meeting to the next.

    Attributes:
        level: the MAPPA level (2 or 3).
        duration: the interval (``6 weeks``).
        counting: how it is counted from the last meeting
            (:attr:`~mappa.periods.Counting.AFTER`: plain calendar days).
        rule: the rulebook name (``"reviews.level3.interval"``).
        citation: the paragraph that sets it.
    """

    level: Level = attrs.field(validator=_check.v_instance(Level))
    duration: Duration = attrs.field(validator=_check.v_instance(Duration))
    counting: Counting = attrs.field(validator=_check.v_instance(Counting))
    rule: str = attrs.field(validator=_check.v_text)
    citation: Citation = attrs.field(validator=_check.v_instance(Citation))

    def due_after(self, last_meeting: _dt.date) -> _dt.date:
        """The latest compliant date of the next meeting after *last_meeting*.

        >>> import datetime as dt
        >>> review_interval(Level.MULTI_AGENCY).due_after(dt.date(2025, 1, 6))
        datetime.date(2025, 3, 31)
        """
        last_meeting = _check.ensure_date(last_meeting, "last_meeting")
        return self.counting.apply(self.duration, last_meeting, rule=self.rule)

    def __str__(self) -> str:
        return f"{self.level}: no less than once every {self.duration}"

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The rule's citation, as the tuple every result has."""
        return (self.citation,)


def review_interval(
    level: Level, *, rulebook: Rulebook | None = None
) -> ReviewInterval:
    """The national review interval of *level*, with its citation.

    Level 3: 6 weeks; level 2: 12 weeks (para 11.30). Level 1 has no
    national interval (its frequency is agreed case by case, paras
    11.27-11.28): :class:`~mappa.errors.NotApplicable`, a ``LookupError``.
    With no event to date it, the rule is read as at today, or as at the
    date of a rulebook from :meth:`~mappa.rulebook.Rulebook.as_at`.

    >>> interval = review_interval(Level.MULTI_AGENCY)
    >>> interval.duration.total_days, str(interval.citation)
    (84, 'MAPPA National Guidance (2023), para 11.30')
    """
    level = _check.ensure_member(level, Level, "level")
    book = resolve(rulebook)
    if level is Level.ROUTINE:
        raise NotApplicable(
            f"{level} has no national review interval: its frequency is agreed "
            f"case by case (rule {_LEVEL1_RULE!r}) [{book.citation(_LEVEL1_RULE)}]",
            rule=_LEVEL1_RULE,
            value=int(level),
        )
    name = _interval_rule(level)
    return ReviewInterval(
        level=level,
        duration=book.duration(name),
        counting=book.counting(name),
        rule=name,
        citation=book.citation(name),
    )


def next_review_due(
    level: Level,
    last_meeting: _dt.date,
    *,
    move_to_working_day: bool = False,
    calendar: WorkingCalendar | None = None,
    rulebook: Rulebook | None = None,
) -> Deadline:
    """The latest date the next review of a *level* case may be held.

    Calendar days after *last_meeting*: 42 for level 3, 84 for level 2.
    With *move_to_working_day*, a due date on a non-working day of
    *calendar* (Scotland's if ``None``) moves back to the previous working
    day, and :attr:`~mappa.deadlines.Deadline.moved_from` keeps the date
    before the move (off by default: the guidance counts weeks). The
    interval is read as at the last meeting.

    >>> import datetime as dt
    >>> next_review_due(Level.MAPPP, dt.date(2025, 11, 19)).due
    datetime.date(2025, 12, 31)
    >>> moved = next_review_due(
    ...     Level.MAPPP, dt.date(2025, 11, 13), move_to_working_day=True
    ... )
    >>> moved.due, moved.moved_from  # Christmas Day moves back a day
    (datetime.date(2025, 12, 24), datetime.date(2025, 12, 25))
    """
    level = _check.ensure_member(level, Level, "level")
    last_meeting = _check.ensure_date(last_meeting, "last_meeting")
    calendar = _move_calendar(move_to_working_day, calendar)
    interval = review_interval(level, rulebook=resolve(rulebook, last_meeting))
    return _deadline(
        interval.due_after(last_meeting), calendar, interval.rule, interval.citation
    )


# -- status -------------------------------------------------------------------


class ReviewState(enum.Enum):
    """Where a review stands against its due date."""

    ON_TIME = "on time"
    """Before the due date (or, for a held review, held before it)."""
    DUE_TODAY = "due today"
    """On the due date: still on time (a review held then is compliant)."""
    OVERDUE = "overdue"
    """After the due date."""

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class ReviewStatus:
    """A review period judged on a date: on time, due today, or overdue.

    The period opens at :attr:`last_meeting`; :attr:`on` is the date it is
    judged at (today, or the date the next meeting was held).

    Attributes:
        level: the level set at the last meeting, whose interval applies.
        last_meeting: the date of the meeting that opened the period.
        on: the date judged.
        due: the latest compliant date of the next meeting (after any
            working-day adjustment).
        state: :class:`ReviewState`.
        days_overdue: days after :attr:`due` (0 unless overdue).
        days_remaining: days left until :attr:`due` (0 unless on time).
        held: True if :attr:`on` is the date the next meeting was held,
            False if the review is still to come.
        rule: the rulebook name of the interval.
        citation: the paragraph that sets it.
    """

    level: Level = attrs.field(validator=_check.v_instance(Level))
    last_meeting: _dt.date = attrs.field(validator=_check.v_date)
    on: _dt.date = attrs.field(validator=_check.v_date)
    due: _dt.date = attrs.field(validator=_check.v_date)
    state: ReviewState = attrs.field(validator=_check.v_instance(ReviewState))
    days_overdue: int = attrs.field(validator=_check.v_non_negative_int)
    days_remaining: int = attrs.field(validator=_check.v_non_negative_int)
    held: bool = attrs.field(validator=_check.v_bool)
    rule: str = attrs.field(validator=_check.v_text)
    citation: Citation = attrs.field(validator=_check.v_instance(Citation))

    @property
    def compliant(self) -> bool:
        """True unless the review is (or was held) late."""
        return self.state is not ReviewState.OVERDUE

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The interval's citation, as the tuple every decision has."""
        return (self.citation,)

    def __bool__(self) -> bool:
        return self.compliant

    def __str__(self) -> str:
        if self.state is ReviewState.OVERDUE:
            return f"overdue by {self.days_overdue} days (due {self.due.isoformat()})"
        if self.state is ReviewState.DUE_TODAY:
            return f"due today ({self.due.isoformat()})"
        return f"on time: {self.days_remaining} days left (due {self.due.isoformat()})"


def _status(
    level: Level,
    last_meeting: _dt.date,
    on: _dt.date,
    *,
    held: bool,
    calendar: WorkingCalendar | None,
    book: Rulebook,
) -> ReviewStatus:
    # read as at the meeting that opened the period
    interval = review_interval(level, rulebook=resolve(book, last_meeting))
    due = _adjust(interval.due_after(last_meeting), calendar)
    gap = (on - due).days
    if gap > 0:
        state = ReviewState.OVERDUE
    elif gap == 0:
        state = ReviewState.DUE_TODAY
    else:
        state = ReviewState.ON_TIME
    return ReviewStatus(
        level=level,
        last_meeting=last_meeting,
        on=on,
        due=due,
        state=state,
        days_overdue=max(gap, 0),
        days_remaining=max(-gap, 0),
        held=held,
        rule=interval.rule,
        citation=interval.citation,
    )


def review_status(
    level: Level,
    last_meeting: _dt.date,
    on: _dt.date,
    *,
    move_to_working_day: bool = False,
    calendar: WorkingCalendar | None = None,
    rulebook: Rulebook | None = None,
) -> ReviewStatus:
    """Whether the next review of a *level* case is on time *on* a date.

    *on* may not be before *last_meeting*
    (:class:`~mappa.errors.InvalidValueError`). The interval is read as at
    the last meeting.

    >>> import datetime as dt
    >>> str(review_status(Level.MAPPP, dt.date(2025, 1, 6), dt.date(2025, 2, 17)))
    'due today (2025-02-17)'
    """
    level = _check.ensure_member(level, Level, "level")
    last_meeting = _check.ensure_date(last_meeting, "last_meeting")
    on = _check.ensure_date(on, "on")
    calendar = _move_calendar(move_to_working_day, calendar)
    book = resolve(rulebook)
    if on < last_meeting:
        raise InvalidValueError(
            f"on ({on.isoformat()}) must not be before last_meeting "
            f"({last_meeting.isoformat()}) for rule {_interval_rule(level)!r}",
            rule=_interval_rule(level),
            value=on,
        )
    return _status(level, last_meeting, on, held=False, calendar=calendar, book=book)


# -- meeting histories: level changes ----------------------------------------


@attrs.frozen
class ReviewMeeting:
    """A meeting in a case's history: when it was held and the level it set.

    A meeting that moves a case between levels records the *new* level:
    the new level's interval runs from that meeting.

    Attributes:
        held_on: the date of the meeting.
        level: the level the case is managed at from this meeting.
    """

    held_on: _dt.date = attrs.field(validator=_check.v_date)
    level: Level = attrs.field(validator=_check.v_instance(Level))


def _meetings(value: object) -> tuple[ReviewMeeting, ...]:
    """*value* (meetings or ``(date, Level)`` pairs) in date order."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidTypeError(
            "meetings must be an iterable of ReviewMeeting or (date, Level) "
            f"pairs, not {_check.type_name(value)}",
            rule="meetings",
        )
    meetings = []
    for index, item in enumerate(value):
        if isinstance(item, ReviewMeeting):
            meetings.append(item)
        elif isinstance(item, tuple) and len(item) == 2:
            meetings.append(
                ReviewMeeting(
                    _check.ensure_date(item[0], f"meetings[{index}][0]"),
                    _check.ensure_member(item[1], Level, f"meetings[{index}][1]"),
                )
            )
        else:
            raise InvalidTypeError(
                f"meetings[{index}] must be a ReviewMeeting or a (date, Level) "
                f"pair, not {_check.type_name(item)}",
                rule="meetings",
                value=index,
            )
    # A stable sort: meetings on the same day keep their order, the last one
    # given setting the level.
    return tuple(sorted(meetings, key=lambda meeting: meeting.held_on))


def review_periods(
    meetings: Iterable[ReviewMeeting | tuple[_dt.date, Level]],
    *,
    on: _dt.date | None = None,
    move_to_working_day: bool = False,
    calendar: WorkingCalendar | None = None,
    rulebook: Rulebook | None = None,
) -> tuple[ReviewStatus, ...]:
    """Every review period in a case's meeting history, each judged.

    Each level 2 or 3 meeting opens a period under its own level's
    interval; the next meeting (of any level) closes it, and the period is
    judged at that meeting's date (:attr:`ReviewStatus.held` is True). The
    last period is still open: it is judged *on* the given date, or left
    out if *on* is ``None``. Meetings after *on* are ignored. Level 1
    meetings open no period: level 1 has no national interval. Meetings may
    come in any order (they are sorted by date; same-day meetings keep the
    order given). Each period's interval is read as at the meeting that
    opened it.

    This is the measure behind the review performance indicators: the
    share of periods that are :attr:`~ReviewStatus.compliant`.

    >>> import datetime as dt
    >>> history = [
    ...     (dt.date(2025, 1, 6), Level.MULTI_AGENCY),
    ...     (dt.date(2025, 3, 3), Level.MAPPP),  # escalated: 6 weeks from here
    ...     (dt.date(2025, 4, 21), Level.MAPPP),
    ... ]
    >>> [(p.due.isoformat(), str(p.state)) for p in review_periods(history)]
    [('2025-03-31', 'on time'), ('2025-04-14', 'overdue')]
    """
    history = _meetings(meetings)
    on = _check.ensure_optional_date(on, "on")
    calendar = _move_calendar(move_to_working_day, calendar)
    book = resolve(rulebook)
    if on is not None:
        history = tuple(m for m in history if m.held_on <= on)
    periods = []
    for index, meeting in enumerate(history):
        if meeting.level is Level.ROUTINE:
            continue
        if index + 1 < len(history):
            closing, held = history[index + 1].held_on, True
        elif on is not None:
            closing, held = on, False
        else:
            continue
        periods.append(
            _status(
                meeting.level,
                meeting.held_on,
                closing,
                held=held,
                calendar=calendar,
                book=book,
            )
        )
    return tuple(periods)


def case_review_status(
    meetings: Iterable[ReviewMeeting | tuple[_dt.date, Level]],
    on: _dt.date,
    *,
    move_to_working_day: bool = False,
    calendar: WorkingCalendar | None = None,
    rulebook: Rulebook | None = None,
) -> ReviewStatus:
    """The review status *on* a date of a case with this meeting history.

    The last meeting held on or before *on* decides: its level's interval
    runs from it, whatever the level before (a case moved from level 2 to
    level 3 is due 6 weeks after the meeting that moved it). If that
    meeting put the case at level 1 there is no national interval from
    then on: :class:`~mappa.errors.NotApplicable`. No meeting on or before
    *on*: :class:`~mappa.errors.InvalidValueError`. The interval is read as
    at that last meeting.

    >>> import datetime as dt
    >>> history = [(dt.date(2025, 1, 6), Level.MAPPP), (dt.date(2025, 2, 3), Level.MULTI_AGENCY)]
    >>> case_review_status(history, dt.date(2025, 4, 1)).due  # 12 weeks from 3 Feb
    datetime.date(2025, 4, 28)
    """
    history = _meetings(meetings)
    on = _check.ensure_date(on, "on")
    calendar = _move_calendar(move_to_working_day, calendar)
    book = resolve(rulebook)
    held = [meeting for meeting in history if meeting.held_on <= on]
    if not held:
        raise InvalidValueError(
            f"no meeting held on or before {on.isoformat()}: a review period "
            "starts at a meeting",
            rule="meetings",
            value=on,
        )
    last = held[-1]
    return _status(
        last.level, last.held_on, on, held=False, calendar=calendar, book=book
    )


# -- schedules ----------------------------------------------------------------


def review_schedule(
    level: Level,
    first_meeting: _dt.date,
    until: _dt.date,
    *,
    move_to_working_day: bool = False,
    calendar: WorkingCalendar | None = None,
    rulebook: Rulebook | None = None,
) -> tuple[Deadline, ...]:
    """The latest compliant review dates from *first_meeting* up to *until*.

    Each deadline is the latest the next meeting may be held if every
    meeting before it was held on its own latest date: a plan for case
    systems that pre-book meetings. *first_meeting* itself is not included;
    deadlines after *until* are not. With *move_to_working_day* each moves
    back to the previous working day of *calendar* (Scotland's if ``None``)
    and the next interval runs from the moved date (the day the meeting
    would be held). Each interval is read as at the meeting it runs from.

    >>> import datetime as dt
    >>> [d.due.isoformat() for d in review_schedule(Level.MAPPP, dt.date(2025, 1, 6), dt.date(2025, 6, 30))]
    ['2025-02-17', '2025-03-31', '2025-05-12', '2025-06-23']
    """
    level = _check.ensure_member(level, Level, "level")
    first_meeting = _check.ensure_date(first_meeting, "first_meeting")
    until = _check.ensure_date(until, "until")
    calendar = _move_calendar(move_to_working_day, calendar)
    book = resolve(rulebook, first_meeting)
    deadlines: list[Deadline] = []
    current = first_meeting
    while True:
        interval = review_interval(level, rulebook=book.as_at(current))
        try:
            plain = interval.due_after(current)
        except InvalidValueError:
            break  # beyond the last representable date, so beyond *until*
        deadline = _deadline(plain, calendar, interval.rule, interval.citation)
        if deadline.due > until:
            break
        if deadline.due <= current:
            raise InvalidValueError(
                f"rule {interval.rule!r} gives no progress from {current.isoformat()}",
                rule=interval.rule,
                value=current,
            )
        deadlines.append(deadline)
        current = deadline.due
    return tuple(deadlines)


# -- Orders for Lifelong Restriction --------------------------------------------


def next_rmp_review_due(
    last_review: _dt.date,
    *,
    move_to_working_day: bool = False,
    calendar: WorkingCalendar | None = None,
    rulebook: Rulebook | None = None,
) -> Deadline:
    """The latest date of the next RMP review for a person subject to an OLR.

    At least once a year (para 11.7), read as within the year *beginning
    with* the last review: due by the day before its anniversary. A review
    on 29 February is due by 28 February of the next year: the year
    beginning with 29 February is the year after 28 February (DESIGN,
    counting). The rule is read as at the last review. With
    *move_to_working_day*, a due date on a non-working day of *calendar*
    (Scotland's if ``None``) moves back to the previous working day.

    >>> import datetime as dt
    >>> next_rmp_review_due(dt.date(2025, 5, 1)).due
    datetime.date(2026, 4, 30)
    >>> next_rmp_review_due(dt.date(2024, 2, 29)).due
    datetime.date(2025, 2, 28)
    """
    last_review = _check.ensure_date(last_review, "last_review")
    calendar = _move_calendar(move_to_working_day, calendar)
    book = resolve(rulebook, last_review)
    due = book.counting(_RMP_RULE).apply(
        book.duration(_RMP_RULE), last_review, rule=_RMP_RULE
    )
    return _deadline(due, calendar, _RMP_RULE, book.citation(_RMP_RULE))


# -- pre-release ----------------------------------------------------------------


def initial_mappp_due(
    liberation_date: _dt.date,
    *,
    move_to_working_day: bool = False,
    calendar: WorkingCalendar | None = None,
    rulebook: Rulebook | None = None,
) -> Deadline:
    """The latest date for the initial level 3 meeting of a case in custody.

    4 weeks before liberation (national performance indicators), read as
    held on or before the date 28 days before *liberation_date*. With
    *move_to_working_day*, a deadline on a non-working day of *calendar*
    (Scotland's if ``None``) moves back to the previous working day. The
    rule is read as at the liberation date.

    >>> import datetime as dt
    >>> initial_mappp_due(dt.date(2025, 3, 28)).due
    datetime.date(2025, 2, 28)
    """
    liberation_date = _check.ensure_date(liberation_date, "liberation_date")
    calendar = _move_calendar(move_to_working_day, calendar)
    book = resolve(rulebook, liberation_date)
    deadline = book.counting(_PRE_RELEASE_RULE).apply(
        book.duration(_PRE_RELEASE_RULE), liberation_date, rule=_PRE_RELEASE_RULE
    )
    return _deadline(
        deadline, calendar, _PRE_RELEASE_RULE, book.citation(_PRE_RELEASE_RULE)
    )


@attrs.frozen
class InitialMapppCheck:
    """Whether an initial level 3 meeting was held in time before liberation.

    A meeting held after liberation is a miss like any other late meeting
    (:attr:`after_liberation` says so), not an error.

    Attributes:
        liberation_date: the date of liberation.
        held_on: the date the initial level 3 meeting was held.
        deadline: the latest compliant date.
        met: True if held on or before :attr:`deadline`.
        days_early: days before the deadline (0 unless early).
        days_late: days after the deadline (0 unless late).
        after_liberation: True if held after :attr:`liberation_date`.
        rule: the rulebook name.
        citation: the source of the 4 weeks.
    """

    liberation_date: _dt.date = attrs.field(validator=_check.v_date)
    held_on: _dt.date = attrs.field(validator=_check.v_date)
    deadline: _dt.date = attrs.field(validator=_check.v_date)
    met: bool = attrs.field(validator=_check.v_bool)
    days_early: int = attrs.field(validator=_check.v_non_negative_int)
    days_late: int = attrs.field(validator=_check.v_non_negative_int)
    after_liberation: bool = attrs.field(validator=_check.v_bool)
    rule: str = attrs.field(validator=_check.v_text)
    citation: Citation = attrs.field(validator=_check.v_instance(Citation))

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The rule's citation, as the tuple every decision has."""
        return (self.citation,)

    def __bool__(self) -> bool:
        return self.met

    def __str__(self) -> str:
        if self.met:
            return f"met: {self.days_early} days before the deadline"
        return f"missed: {self.days_late} days after the deadline"


def assess_initial_mappp(
    liberation_date: _dt.date,
    held_on: _dt.date,
    *,
    move_to_working_day: bool = False,
    calendar: WorkingCalendar | None = None,
    rulebook: Rulebook | None = None,
) -> InitialMapppCheck:
    """Whether an initial level 3 meeting held on *held_on* was in time.

    The deadline is :func:`initial_mappp_due`'s, moved the same way.

    The rule is read as at the liberation date.

    >>> import datetime as dt
    >>> decision = assess_initial_mappp(dt.date(2025, 3, 28), dt.date(2025, 3, 3))
    >>> bool(decision), decision.days_late, decision.deadline
    (False, 3, datetime.date(2025, 2, 28))
    """
    liberation_date = _check.ensure_date(liberation_date, "liberation_date")
    held_on = _check.ensure_date(held_on, "held_on")
    book = resolve(rulebook, liberation_date)
    deadline = initial_mappp_due(
        liberation_date,
        move_to_working_day=move_to_working_day,
        calendar=calendar,
        rulebook=book,
    ).due
    gap = (held_on - deadline).days
    return InitialMapppCheck(
        liberation_date=liberation_date,
        held_on=held_on,
        deadline=deadline,
        met=gap <= 0,
        days_early=max(-gap, 0),
        days_late=max(gap, 0),
        after_liberation=held_on > liberation_date,
        rule=_PRE_RELEASE_RULE,
        citation=book.citation(_PRE_RELEASE_RULE),
    )
