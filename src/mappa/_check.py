"""Boundary checks shared by every module (private).

Each check returns the value it was given, typed, or raises an error from
:mod:`mappa.errors` that names the parameter. Messages name types, never
the caller's values, unless the value is a plain number or enum member.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeVar

import attrs

from mappa.errors import InvalidTypeError, InvalidValueError

__all__: list[str] = []

E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")


def shown(value: object) -> str:
    """A number as a message may show it: in full if it is short, else only
    how long it is (an int of thousands of digits cannot even be written
    out: Python refuses, and it would swamp the message)."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value.bit_length() > 128:
            return f"a number of about {int(value.bit_length() * 0.30103) + 1} digits"
        return str(value)
    if isinstance(value, Decimal) and value.is_finite():
        exponent = value.as_tuple().exponent
        if len(value.as_tuple().digits) > 40 or abs(int(exponent)) > 40:
            return format(value, ".6E")
    return str(value)


def type_name(value: object) -> str:
    """The type of *value*, as a message may show it."""
    return type(value).__name__


def ensure_date(value: object, name: str) -> _dt.date:
    """*value* if it is a ``datetime.date`` (and not a ``datetime``)."""
    if isinstance(value, _dt.datetime):
        raise InvalidTypeError(
            f"{name} must be a datetime.date, not a datetime: pass .date() "
            "if the time of day does not matter",
            rule=name,
            value=None,
        )
    if not isinstance(value, _dt.date):
        raise InvalidTypeError(
            f"{name} must be a datetime.date, not {type_name(value)}",
            rule=name,
            value=None,
        )
    return value


def ensure_optional_date(value: object, name: str) -> _dt.date | None:
    """*value* if it is ``None`` or a ``datetime.date``."""
    return None if value is None else ensure_date(value, name)


def ensure_int(value: object, name: str) -> int:
    """*value* if it is an ``int`` (``bool`` and enum members refused)."""
    if isinstance(value, bool | enum.Enum) or not isinstance(value, int):
        raise InvalidTypeError(
            f"{name} must be an int, not {type_name(value)}", rule=name, value=None
        )
    return value


def ensure_non_negative_int(value: object, name: str) -> int:
    """*value* if it is an ``int`` of at least zero."""
    number = ensure_int(value, name)
    if number < 0:
        raise InvalidValueError(
            f"{name} must not be negative, got {shown(number)}", rule=name, value=number
        )
    return number


def ensure_bool(value: object, name: str) -> bool:
    """*value* if it is a ``bool``."""
    if not isinstance(value, bool):
        raise InvalidTypeError(
            f"{name} must be a bool, not {type_name(value)}", rule=name, value=None
        )
    return value


def ensure_str(value: object, name: str) -> str:
    """*value* if it is a ``str``."""
    if not isinstance(value, str):
        raise InvalidTypeError(
            f"{name} must be a str, not {type_name(value)}", rule=name, value=None
        )
    return value


def ensure_optional_str(value: object, name: str) -> str | None:
    """*value* if it is ``None`` or a ``str``."""
    return None if value is None else ensure_str(value, name)


def ensure_member(value: object, enum_type: type[E], name: str) -> E:
    """*value* if it is a member of *enum_type*.

    Plain ints and strings are refused even where they equal a member's
    value: callers convert explicitly (``Level(2)``), so a mistyped column
    never slips through as a valid level.
    """
    if not isinstance(value, enum_type):
        raise InvalidTypeError(
            f"{name} must be a {enum_type.__name__}, not {type_name(value)}"
            + (
                f"; convert with {enum_type.__name__}(...)"
                if isinstance(value, int | str) and not isinstance(value, bool)
                else ""
            ),
            rule=name,
            value=None,
        )
    return value


def ensure_instance(value: object, cls: type[T], name: str) -> T:
    """*value* if it is an instance of *cls*."""
    if not isinstance(value, cls):
        raise InvalidTypeError(
            f"{name} must be a {cls.__name__}, not {type_name(value)}",
            rule=name,
            value=None,
        )
    return value


def ensure_optional_instance(value: object, cls: type[T], name: str) -> T | None:
    """*value* if it is ``None`` or an instance of *cls*."""
    return None if value is None else ensure_instance(value, cls, name)


def ensure_decimal(value: object, name: str) -> Decimal:
    """*value* if it is a finite ``Decimal`` (floats are refused: money is exact)."""
    if not isinstance(value, Decimal):
        hint = (
            "; floats are inexact, pass Decimal('...')"
            if isinstance(value, float)
            else ""
        )
        raise InvalidTypeError(
            f"{name} must be a Decimal, not {type_name(value)}{hint}",
            rule=name,
            value=None,
        )
    if not value.is_finite():
        raise InvalidValueError(
            f"{name} must be finite, got {shown(value)}", rule=name, value=value
        )
    return value


_FRACTION_EXPONENT = 1000


def ensure_fraction(value: object, name: str) -> Fraction:
    """*value* (a ``Decimal`` or ``Fraction``) as an exact ``Fraction``."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, Decimal):
        number = ensure_decimal(value, name)
        if number and abs(number.adjusted()) > _FRACTION_EXPONENT:
            # Made exact, 1E+10000000 would be an int of ten million digits.
            raise InvalidValueError(
                f"{name} is too large or too small to use exactly "
                f"(its exponent is beyond ±{_FRACTION_EXPONENT})",
                rule=name,
                value=None,
            )
        return Fraction(number)
    hint = (
        "; floats are inexact, pass Decimal('...')" if isinstance(value, float) else ""
    )
    raise InvalidTypeError(
        f"{name} must be a Decimal or Fraction, not {type_name(value)}{hint}",
        rule=name,
        value=None,
    )


def ensure_tuple_of(value: object, cls: type[T], name: str) -> tuple[T, ...]:
    """*value* (any iterable but a string) as a tuple whose items are all *cls*.

    The error names the position of the first offending item.
    """
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidTypeError(
            f"{name} must be an iterable of {cls.__name__}, not {type_name(value)}",
            rule=name,
            value=None,
        )
    items = tuple(value)
    for index, item in enumerate(items):
        if cls is _dt.date:
            try:
                ensure_date(item, f"{name}[{index}]")
            except InvalidTypeError as error:
                raise InvalidTypeError(str(error), rule=name, value=index) from None
        elif not isinstance(item, cls) or (cls is int and isinstance(item, bool)):
            raise InvalidTypeError(
                f"{name}[{index}] must be a {cls.__name__}, not {type_name(item)}",
                rule=name,
                value=index,
            )
    return items


# attrs validators: each checks a field with the field's own name.

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _field_name(instance: object, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(instance).__name__}.{attribute.name}"


def v_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: a ``datetime.date``."""
    ensure_date(value, _field_name(instance, attribute))


def v_optional_date(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    """attrs validator: ``None`` or a ``datetime.date``."""
    ensure_optional_date(value, _field_name(instance, attribute))


def v_int(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: an ``int``."""
    ensure_int(value, _field_name(instance, attribute))


def v_non_negative_int(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    """attrs validator: an ``int`` of at least zero."""
    ensure_non_negative_int(value, _field_name(instance, attribute))


def v_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: a ``bool``."""
    ensure_bool(value, _field_name(instance, attribute))


def v_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: a non-empty ``str``."""
    name = _field_name(instance, attribute)
    if not ensure_str(value, name).strip():
        raise InvalidValueError(f"{name} must not be empty", rule=name)


def v_optional_text(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    """attrs validator: ``None`` or a non-empty ``str``."""
    if value is not None:
        v_text(instance, attribute, value)


def v_decimal(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: a finite ``Decimal``."""
    ensure_decimal(value, _field_name(instance, attribute))


def v_instance(cls: type[Any] | tuple[type[Any], ...]) -> Validator:
    """attrs validator factory: an instance of *cls* (enum members included)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, cls) or (
            isinstance(value, bool) and cls in (int, (int,))
        ):
            names = (
                " or ".join(c.__name__ for c in cls)
                if isinstance(cls, tuple)
                else cls.__name__
            )
            raise InvalidTypeError(
                f"{_field_name(instance, attribute)} must be a {names}, "
                f"not {type_name(value)}",
                rule=_field_name(instance, attribute),
            )

    return check


def v_optional_instance(cls: type[Any]) -> Validator:
    """attrs validator factory: ``None`` or an instance of *cls*."""
    inner = v_instance(cls)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            inner(instance, attribute, value)

    return check


def v_tuple_of(cls: type[Any]) -> Validator:
    """attrs validator factory: a tuple whose items are all *cls*."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        name = _field_name(instance, attribute)
        if not isinstance(value, tuple):
            raise InvalidTypeError(
                f"{name} must be a tuple, not {type_name(value)}", rule=name
            )
        ensure_tuple_of(value, cls, name)

    return check


# References: pseudonymous identifiers, never names.

_REF = re.compile(r"[A-Za-z0-9][A-Za-z0-9_./:#-]{0,63}")
_DIGIT = re.compile(r"[0-9]")


def ref_problem(value: str, *, case: bool) -> str | None:
    """What is wrong with *value* as a reference (a case's when *case*), or None.

    A reference is 1 to 64 letters, digits and ``_ . / : # -``, starting
    with a letter or digit; a case reference also holds a digit, so a name
    is never taken for one.
    """
    if not _REF.fullmatch(value):
        return (
            "expected a reference of 1 to 64 letters, digits and _ . / : # -, "
            "starting with a letter or digit"
        )
    if case and not _DIGIT.search(value):
        return "expected a pseudonymous case reference with at least one digit, never a name"
    return None


def ensure_ref(value: object, name: str, *, case: bool) -> str:
    """*value* if it is a valid reference (see :func:`ref_problem`)."""
    text = ensure_str(value, name)
    problem = ref_problem(text, case=case)
    if problem is not None:
        raise InvalidValueError(f"{name}: {problem}", rule=name)
    return text


# attrs field reprs: a repr is read by people, so it stays a few hundred
# characters long whatever the value holds.


def repr_names(members: Iterable[enum.Enum]) -> str:
    """A short repr of enum members: their names (``(POLICE, HEALTH)``)."""
    names = [member.name for member in members]
    return "(" + ", ".join(names) + ("," if len(names) == 1 else "") + ")"


def repr_count(items: tuple[Any, ...]) -> str:
    """A short repr of a long tuple: how many items it holds."""
    return f"<{len(items)} items>"
