"""Deadlines: the one shape every ``*_due`` function answers in.

A :class:`Deadline` is the last day on which something is in time, the
name of the rulebook rule that sets it, and that rule's citation, with
what the rule needs besides: the days an excluded period added, the date
it moved from where the caller asked for a working day, and whether the
rule's text is still unconfirmed. Every rule module returns it, so code
that reads one deadline reads them all.

>>> import datetime as dt
>>> from mappa.deadlines import Deadline
>>> from mappa.minutes import minutes_due
>>> from mappa.reviews import next_review_due
>>> from mappa.framework import Level
>>> review = next_review_due(Level.MAPPP, dt.date(2025, 1, 6))
>>> isinstance(review, Deadline), review.due, review.rule
(True, datetime.date(2025, 2, 17), 'reviews.level3.interval')
>>> str(review.citation)
'MAPPA National Guidance (2023), para 11.30'
>>> minutes_due(dt.date(2025, 6, 2)).final.due
datetime.date(2025, 6, 16)
"""

from __future__ import annotations

import datetime as _dt

import attrs

from mappa import _check
from mappa.errors import InvalidValueError
from mappa.sources import Citation

__all__ = ["Deadline"]


@attrs.frozen
class Deadline:
    """A date by which something must be done, and the rule that sets it.

    Attributes:
        due: the last day on which it is in time.
        rule: the rulebook name of the rule.
        citation: the paragraph, section or regulation that sets it.
        days_added: days the deadline moved because of excluded periods
            (custody, hospital, outside the United Kingdom).
        unconfirmed: True if the rule's text is not yet confirmed.
        moved_from: the date the rule gave, where the caller asked for a
            deadline on a working day and that date was not one; else
            ``None``.
    """

    due: _dt.date = attrs.field(validator=_check.v_date)
    rule: str = attrs.field(validator=_check.v_text)
    citation: Citation = attrs.field(validator=_check.v_instance(Citation))
    days_added: int = attrs.field(
        default=0, validator=_check.v_non_negative_int, kw_only=True
    )
    unconfirmed: bool = attrs.field(
        default=False, validator=_check.v_bool, kw_only=True
    )
    moved_from: _dt.date | None = attrs.field(
        default=None, validator=_check.v_optional_date, kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        if self.moved_from == self.due:
            raise InvalidValueError(
                "Deadline.moved_from is the date before a move: it differs from due",
                rule=self.rule,
            )

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The deadline's citation, as the one-element tuple every result has."""
        return (self.citation,)

    @property
    def moved(self) -> bool:
        """True if the deadline moved to a working day."""
        return self.moved_from is not None

    def __str__(self) -> str:
        return f"{self.due.isoformat()} ({self.rule}; {self.citation})"
