"""Minute deadlines: the draft and final minute and RMP of a MAPPA meeting.

The draft minute and risk management plan (RMP) of a MAPPA meeting are
produced within 5 working days of the meeting; the final minute and RMP
within a further 5, so within 10 working days of the meeting in all
(guidance para 11.15; the national performance indicator counts level 2
and 3 minutes released within 10 working days). Both numbers come from the
rulebook (``minutes.draft`` and ``minutes.final``), and working days from a
:class:`~mappa.calendar.WorkingCalendar` (Scotland's by default): the
deadline is the 5th or 10th working day *after* the meeting, the meeting
day itself never counting.

>>> import datetime as dt
>>> from mappa.minutes import minutes_due, minutes_on_time
>>> due = minutes_due(dt.date(2024, 12, 19))     # a Thursday before Christmas
>>> due.draft.due, due.final.due
(datetime.date(2024, 12, 30), datetime.date(2025, 1, 8))
>>> due.final.rule, str(due.final.citation)
('minutes.final', 'MAPPA National Guidance (2023), para 11.15')
>>> decision = minutes_on_time(dt.date(2024, 12, 19), dt.date(2025, 1, 10))
>>> bool(decision), decision.deadline, decision.working_days_late
(False, datetime.date(2025, 1, 8), 2)

We read "within a further five working days" as counted, like the draft,
from the meeting (10 working days in all, as the paragraph's last sentence
says), not from the day the draft was actually sent.

More information:

* MAPPA National Guidance (2023), para 11.15.
* Glasgow City Council's MAPPA page, National Performance Indicators
  (minutes completed and released within 10 working days).
"""

from __future__ import annotations

import datetime as _dt

import attrs

from mappa import _check
from mappa.calendar import WorkingCalendar
from mappa.deadlines import Deadline
from mappa.errors import InvalidValueError
from mappa.rulebook import Rulebook, resolve
from mappa.sources import Citation

__all__ = ["MinutesDecision", "MinutesDue", "minutes_due", "minutes_on_time"]

_DRAFT = "minutes.draft"
_FINAL = "minutes.final"


@attrs.frozen
class MinutesDue:
    """When the draft and final minute and RMP of a meeting are due.

    A bundle of two :class:`~mappa.deadlines.Deadline` values, each with
    its own rule and citation.

    Attributes:
        meeting_date: the day of the meeting.
        draft: the draft minute and RMP's deadline (rule ``minutes.draft``).
        final: the final minute and RMP's deadline (rule ``minutes.final``).
        draft_working_days: the working days allowed for the draft (5).
        final_working_days: the working days allowed for the final (10).
    """

    meeting_date: _dt.date = attrs.field(validator=_check.v_date)
    draft: Deadline = attrs.field(validator=_check.v_instance(Deadline))
    final: Deadline = attrs.field(validator=_check.v_instance(Deadline))
    draft_working_days: int = attrs.field(validator=_check.v_non_negative_int)
    final_working_days: int = attrs.field(validator=_check.v_non_negative_int)

    def __attrs_post_init__(self) -> None:
        if not self.meeting_date <= self.draft.due <= self.final.due:
            raise InvalidValueError(
                "a minute's draft deadline falls between the meeting and the "
                "final deadline",
                rule=_FINAL,
            )

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The draft's and the final's citations, each once."""
        return tuple(dict.fromkeys((self.draft.citation, self.final.citation)))


@attrs.frozen
class MinutesDecision:
    """Whether a final minute and RMP was released on time, and why.

    Attributes:
        meeting_date: the day of the meeting.
        deadline: the last day for the final minute and RMP.
        released_on: the day it was released.
        on_time: True if released on or before the deadline.
        working_days_late: 0 if on time; else the working days from the
            deadline to the release, a release on a closed day counting as
            made on the next working day (so a late minute is always at
            least 1 day late).
        working_days_taken: the working days after the meeting up to and
            including the release day.
        rule: the rulebook rule that decided (``"minutes.final"``).
        citation: its source (guidance para 11.15).
    """

    meeting_date: _dt.date = attrs.field(validator=_check.v_date)
    deadline: _dt.date = attrs.field(validator=_check.v_date)
    released_on: _dt.date = attrs.field(validator=_check.v_date)
    on_time: bool = attrs.field(validator=_check.v_bool)
    working_days_late: int = attrs.field(validator=_check.v_non_negative_int)
    working_days_taken: int = attrs.field(validator=_check.v_non_negative_int)
    rule: str = attrs.field(validator=_check.v_text)
    citation: Citation = attrs.field(validator=_check.v_instance(Citation))

    @property
    def late(self) -> bool:
        """True if released after the deadline."""
        return not self.on_time

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The deciding rule's citation, as the tuple every decision has."""
        return (self.citation,)

    def __bool__(self) -> bool:
        return self.on_time


def _allowance(book: Rulebook, name: str) -> int:
    days = book.integer(name)
    if days < 1:
        raise InvalidValueError(
            f"rule {name!r} must allow at least 1 working day, got {_check.shown(days)}",
            rule=name,
            value=days,
        )
    return days


def _calendar(calendar: object) -> WorkingCalendar:
    if calendar is None:
        return WorkingCalendar.scotland()
    return _check.ensure_instance(calendar, WorkingCalendar, "calendar")


def minutes_due(
    meeting_date: _dt.date,
    *,
    calendar: WorkingCalendar | None = None,
    rulebook: Rulebook | None = None,
) -> MinutesDue:
    """The draft and final minute deadlines of a meeting held on *meeting_date*.

    Each is the *n*-th working day after the meeting (rules
    ``minutes.draft`` and ``minutes.final``), on *calendar* (Scotland's if
    ``None``). A meeting on a closed day still starts the count the day after.
    The rules are read as at the meeting date.

    >>> import datetime as dt
    >>> due = minutes_due(dt.date(2025, 6, 2))
    >>> due.draft.due, due.final.due
    (datetime.date(2025, 6, 9), datetime.date(2025, 6, 16))
    """
    meeting_date = _check.ensure_date(meeting_date, "meeting_date")
    cal = _calendar(calendar)
    book = resolve(rulebook, meeting_date)
    draft_days = _allowance(book, _DRAFT)
    final_days = _allowance(book, _FINAL)
    return MinutesDue(
        meeting_date=meeting_date,
        draft=Deadline(
            cal.add_working_days(meeting_date, draft_days),
            _DRAFT,
            book.citation(_DRAFT),
        ),
        final=Deadline(
            cal.add_working_days(meeting_date, final_days),
            _FINAL,
            book.citation(_FINAL),
        ),
        draft_working_days=draft_days,
        final_working_days=final_days,
    )


def minutes_on_time(
    meeting_date: _dt.date,
    released_on: _dt.date,
    *,
    calendar: WorkingCalendar | None = None,
    rulebook: Rulebook | None = None,
) -> MinutesDecision:
    """Whether the final minute and RMP of a meeting was released on time.

    On time means released on or before the ``minutes.final``-th working
    day after the meeting. A release before the meeting is refused with
    :class:`~mappa.errors.InvalidValueError`. The rule is read as at the
    meeting date.

    >>> import datetime as dt
    >>> decision = minutes_on_time(dt.date(2025, 6, 2), dt.date(2025, 6, 16))
    >>> decision.on_time, decision.working_days_taken, decision.rule
    (True, 10, 'minutes.final')
    >>> minutes_on_time(dt.date(2025, 6, 2), dt.date(2025, 6, 17)).working_days_late
    1
    """
    meeting_date = _check.ensure_date(meeting_date, "meeting_date")
    released_on = _check.ensure_date(released_on, "released_on")
    cal = _calendar(calendar)
    book = resolve(rulebook, meeting_date)
    if released_on < meeting_date:
        raise InvalidValueError(
            "a minute cannot be released before its meeting",
            rule=_FINAL,
            value=(meeting_date, released_on),
        )
    deadline = cal.add_working_days(meeting_date, _allowance(book, _FINAL))
    on_time = released_on <= deadline
    late = (
        0
        if on_time
        else cal.working_days_between(deadline, cal.roll_forward(released_on))
    )
    return MinutesDecision(
        meeting_date=meeting_date,
        deadline=deadline,
        released_on=released_on,
        on_time=on_time,
        working_days_late=late,
        working_days_taken=cal.working_days_between(meeting_date, released_on),
        rule=_FINAL,
        citation=book.citation(_FINAL),
    )
