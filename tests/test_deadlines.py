"""mappa.deadlines: the Deadline every *_due function returns."""

from __future__ import annotations

import datetime as dt
import pickle

import attrs
import pytest

from mappa.deadlines import Deadline
from mappa.errors import InvalidTypeError, InvalidValueError
from mappa.sources import GUIDANCE

CITATION = GUIDANCE.cite("para 11.15")


def test_a_deadline_names_its_rule_and_cites_it() -> None:
    deadline = Deadline(dt.date(2025, 6, 16), "minutes.final", CITATION)
    assert deadline.citations == (CITATION,)
    assert not deadline.moved
    assert (deadline.days_added, deadline.unconfirmed) == (0, False)
    assert str(deadline) == (
        "2025-06-16 (minutes.final; MAPPA National Guidance (2023), para 11.15)"
    )


def test_moved_from_is_the_date_before_a_move() -> None:
    moved = Deadline(
        dt.date(2025, 12, 24), "r", CITATION, moved_from=dt.date(2025, 12, 25)
    )
    assert moved.moved
    with pytest.raises(InvalidValueError, match="moved_from"):
        Deadline(dt.date(2025, 12, 24), "r", CITATION, moved_from=dt.date(2025, 12, 24))


def test_fields_are_checked() -> None:
    with pytest.raises(InvalidTypeError):
        Deadline("2025-06-16", "r", CITATION)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        Deadline(dt.date(2025, 6, 16), "r", CITATION, moved_from="x")  # type: ignore[arg-type]


def test_the_optional_fields_are_keyword_only() -> None:
    keyword_only = {f.name for f in attrs.fields(Deadline) if f.kw_only}
    assert keyword_only == {"days_added", "unconfirmed", "moved_from"}


def test_a_deadline_is_short_to_read_and_survives_pickling() -> None:
    deadline = Deadline(dt.date(2025, 6, 16), "minutes.final", CITATION)
    assert len(repr(deadline)) < 300
    assert "https://" not in repr(deadline)
    assert pickle.loads(pickle.dumps(deadline)) == deadline


def test_deadline_is_exported_where_it_was() -> None:
    import mappa
    import mappa.notification

    assert mappa.Deadline is Deadline
    assert mappa.notification.Deadline is Deadline
