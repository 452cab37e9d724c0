"""Shared checks for the tests: what an error says, asserted one way.

An error test asserts three things about the error, never by copying its
message: its exact class, its ``rule`` (a rule the default rulebook has,
or for a bad argument the parameter's name) and the key words of its
message. Words match whole words, case and all, so a message that gained
stray characters or changed case no longer matches.

>>> import pytest
>>> from mappa.errors import InvalidValueError
>>> with raises(InvalidValueError, rule="minutes.final", words=["a minute"]):
...     raise InvalidValueError("a minute is late", rule="minutes.final")
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import pytest

from mappa.errors import MappaError
from mappa.rulebook import DEFAULT_RULEBOOK

__all__ = ["assert_error", "raises"]

_UNCHECKED = object()


def assert_error(
    error: BaseException | pytest.ExceptionInfo[BaseException],
    cls: type[MappaError],
    *,
    rule: str | None = None,
    param: str | None = None,
    words: Iterable[str] = (),
    value: object = _UNCHECKED,
) -> None:
    """Assert that *error* is a *cls* naming *rule* (or *param*) and *words*.

    Give exactly one of *rule* (a name the default rulebook has) or *param*
    (the argument or field whose check failed, which is not a rule).
    *value*, when given, must equal the error's ``value``.
    """
    if isinstance(error, pytest.ExceptionInfo):
        error = error.value
    assert type(error) is cls, f"{type(error).__name__} raised, not {cls.__name__}"
    assert isinstance(error, MappaError)
    assert (rule is None) != (param is None), "give one of rule= or param="
    if rule is not None:
        assert rule in DEFAULT_RULEBOOK, f"{rule!r} is not in the rulebook"
        assert error.rule == rule, f"rule {error.rule!r}, expected {rule!r}"
    else:
        assert param not in DEFAULT_RULEBOOK, f"{param!r} is a rule: use rule="
        assert error.rule == param, f"rule {error.rule!r}, expected {param!r}"
    message = str(error)
    for word in words:
        pattern = rf"(?<!\w){re.escape(word)}(?!\w)"
        assert re.search(pattern, message), f"{word!r} not in {message!r}"
    if value is not _UNCHECKED:
        assert error.value == value, f"value {error.value!r}, expected {value!r}"


@contextmanager
def raises(
    cls: type[MappaError],
    *,
    rule: str | None = None,
    param: str | None = None,
    words: Iterable[str] = (),
    value: object = _UNCHECKED,
) -> Iterator[pytest.ExceptionInfo[MappaError]]:
    """``pytest.raises(cls)`` followed by :func:`assert_error`."""
    with pytest.raises(cls) as info:
        yield info
    assert_error(info, cls, rule=rule, param=param, words=words, value=value)
