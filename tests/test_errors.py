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
    exported = {getattr(errors, n) for n in errors.__all__} - {errors.Redacted}
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


def test_an_error_never_keeps_a_callers_text() -> None:
    # Regression: area_of("Jane Example").value was "Jane Example" (27
    # parameters kept the raw string), though the docs promised otherwise.
    from mappa.framework import area_of

    with pytest.raises(UnknownNameError) as caught:
        area_of("Jane Example")
    assert caught.value.value == errors.Redacted("Jane Example")
    assert "Jane" not in repr(caught.value.value)
    assert repr(caught.value.value) == "<redacted str of 12 characters>"
    error = MappaError("m", value=("Jane", 3, b"x", None))
    assert error.value == (errors.Redacted("Jane"), 3, errors.Redacted(b"x"), None)
    assert repr(errors.Redacted(object())) == "<redacted object>"
    assert repr(errors.Redacted([1, 2])) == "<redacted list of 2 items>"
    assert MappaError("m", value=["a"]).value == [errors.Redacted("a")]
    assert MappaError("m", value=frozenset({1})).value == frozenset({1})
    assert errors.Redacted("ab") != "ab"
    assert len({errors.Redacted("ab"), errors.Redacted("cd")}) == 1


def test_numbers_too_long_to_write_are_described() -> None:
    # Regression: an int of more than 4,300 digits made message formatting
    # itself raise a bare ValueError.
    from decimal import Decimal

    from mappa._check import ensure_non_negative_int, shown

    with pytest.raises(InvalidValueError, match="a number of about 5001 digits"):
        ensure_non_negative_int(-(10**5000), "n")
    assert shown(12) == "12"
    assert shown(Decimal("1E+10000000")) == "1.000000E+10000000"
    assert shown(Decimal("2.5")) == "2.5"
