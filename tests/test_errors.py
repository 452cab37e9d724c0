"""mappa.errors: one hierarchy, each error also the builtin a caller expects."""

from __future__ import annotations

import pytest

from mappa import errors
from mappa.errors import (
    CalendarRangeError,
    InvalidTransition,
    InvalidTypeError,
    InvalidValueError,
    LadderMismatch,
    LevelNotPermitted,
    MappaError,
    MissingDependency,
    NotApplicable,
    RecordError,
    RuleNotInForce,
    UnknownNameError,
    UnknownRuleError,
)

BUILTINS = [
    (InvalidValueError, ValueError),
    (InvalidTypeError, TypeError),
    (UnknownNameError, LookupError),
    (UnknownRuleError, LookupError),
    (RuleNotInForce, LookupError),
    (LevelNotPermitted, ValueError),
    (LadderMismatch, TypeError),
    (NotApplicable, LookupError),
    (CalendarRangeError, ValueError),
    (InvalidTransition, ValueError),
    (RecordError, ValueError),
    (MissingDependency, ImportError),
]


@pytest.mark.parametrize(("cls", "builtin"), BUILTINS)
def test_each_error_is_a_mappa_error_and_its_builtin(
    cls: type[MappaError], builtin: type[Exception]
) -> None:
    assert issubclass(cls, MappaError)
    assert issubclass(cls, builtin)
    error = cls("message", rule="some.rule", value=3)
    assert error.rule == "some.rule"
    assert error.value == 3
    assert str(error).endswith("message")
    assert "some.rule" in repr(error)


def test_every_exported_error_is_tested() -> None:
    exported = {getattr(errors, n) for n in errors.__all__}
    assert all(issubclass(e, MappaError) for e in exported)
    tested = {cls for cls, _ in BUILTINS}
    assert exported - {MappaError} <= tested, "add new errors to BUILTINS"


def test_unknown_name_keeps_suggestions() -> None:
    error = UnknownNameError("no such area", suggestions=("Fife",))
    assert error.suggestions == ("Fife",)
    assert UnknownNameError("x").suggestions == ()


def test_record_error_names_where() -> None:
    error = RecordError("expected a date", source="meetings.csv", row=7, column="date")
    assert str(error) == "meetings.csv, row 7, column 'date': expected a date"
    assert (error.source, error.row, error.column) == ("meetings.csv", 7, "date")
    assert str(RecordError("bad")) == "bad"
    assert str(RecordError("bad", row=2)) == "row 2: bad"
