"""The exceptions `mappa` raises.

Every exception is a :class:`MappaError`, so ``except MappaError`` catches
anything the library raises on purpose. Each subclass also derives from the
builtin exception a caller would expect (:class:`ValueError`,
:class:`TypeError` or :class:`LookupError`), so existing ``except
ValueError`` blocks keep working.

Every error carries structured attributes: :attr:`MappaError.rule`, the
name of the rule (or parameter) that was broken, and
:attr:`MappaError.value`, the offending value. Messages never contain
personal data: they name parameters, rules, types and numbers, never free
text about a person. Nor does :attr:`MappaError.value`: a number, date,
enum member or error is kept as it is, but text (or anything else that
could hold it) is kept only as a :class:`Redacted` marker saying what it
was, never its content.

>>> from mappa.errors import LevelNotPermitted, MappaError
>>> issubclass(LevelNotPermitted, ValueError)
True
>>> err = LevelNotPermitted("no level 1 for category 3", rule="levels.category_3", value=1)
>>> isinstance(err, MappaError), err.rule, err.value
(True, 'levels.category_3', 1)
>>> MappaError("unknown area", value="Jane Example").value
<redacted str of 12 characters>
"""

from __future__ import annotations

import datetime as _dt
import enum
from decimal import Decimal
from fractions import Fraction
from typing import Any, final

__all__ = [
    "CalendarRangeError",
    "InvalidTransition",
    "InvalidTypeError",
    "InvalidValueError",
    "LadderMismatch",
    "LevelNotPermitted",
    "MappaError",
    "MissingDependency",
    "NotApplicable",
    "RecordError",
    "Redacted",
    "RuleNotInForce",
    "UnknownNameError",
    "UnknownRuleError",
]


@final
class Redacted:
    """What an error keeps in place of a value that could be personal: its
    type and size, never its content.

    Attributes:
        type_name: the type of the value held back (``"str"``).
        length: its length, if it has one.
    """

    __slots__ = ("length", "type_name")

    def __init__(self, value: object) -> None:
        self.type_name = type(value).__name__
        try:
            self.length: int | None = len(value)  # type: ignore[arg-type]
        except TypeError:
            self.length = None

    def __repr__(self) -> str:
        if self.length is None:
            return f"<redacted {self.type_name}>"
        unit = "characters" if self.type_name == "str" else "items"
        return f"<redacted {self.type_name} of {self.length} {unit}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Redacted) and (other.type_name, other.length) == (
            self.type_name,
            self.length,
        )

    def __hash__(self) -> int:
        return hash((self.type_name, self.length))


_KEPT = (
    bool,
    int,
    float,
    Decimal,
    Fraction,
    _dt.date,
    _dt.time,
    _dt.timedelta,
    enum.Enum,
)
# Value types of mappa's own that hold only numbers and dates.
_KEPT_MODULES = ("mappa.periods", "mappa.years")


def _kept(value: Any) -> object:
    """*value* if it cannot hold personal text, else a :class:`Redacted` marker."""
    if value is None or isinstance(value, (*_KEPT, MappaError, Redacted)):
        return value
    if isinstance(value, tuple | list | frozenset):
        items = [_kept(item) for item in value]
        return type(value)(items) if not isinstance(value, tuple) else tuple(items)
    if type(value).__module__ in _KEPT_MODULES:
        return value
    return Redacted(value)


class MappaError(Exception):
    """Base class of every error `mappa` raises.

    Attributes:
        rule: the rulebook name (or the parameter) whose check failed, if any.
        value: the offending value, if any, for programs: a number, date,
            enum member or error as it is; any text (or other value that
            could hold it) only as a :class:`Redacted` marker, so it is
            never a person's name or narrative.
    """

    rule: str | None
    value: object

    def __init__(
        self, message: str, *, rule: str | None = None, value: object = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.rule = rule
        self.value = _kept(value)

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, rule={self.rule!r})"


class InvalidValueError(MappaError, ValueError):
    """A value of the right type that a rule does not allow."""


class InvalidTypeError(MappaError, TypeError):
    """A value of the wrong type, such as a ``datetime`` where a ``date`` is due."""


class UnknownNameError(MappaError, LookupError):
    """A name (of an area, a council, a rule, an edition) that is not known.

    Attributes:
        suggestions: close matches, best first (possibly empty).
    """

    def __init__(
        self,
        message: str,
        *,
        rule: str | None = None,
        value: object = None,
        suggestions: tuple[str, ...] = (),
    ) -> None:
        super().__init__(message, rule=rule, value=value)
        self.suggestions = suggestions


class UnknownRuleError(UnknownNameError):
    """A rulebook has no rule of that name."""


class RuleNotInForce(MappaError, LookupError):
    """A rule was asked for at a date before it applied."""


class LevelNotPermitted(InvalidValueError):
    """A MAPPA level that the category does not allow (category 3 at level 1)."""


class NotApplicable(MappaError, LookupError):
    """A rule that has no national value in this case.

    For example, level 1 cases have no national review interval: it is set
    case by case.
    """


class LadderMismatch(InvalidTypeError):
    """Two ranks or grades from different ladders compared for seniority.

    A police rank and a social work grade have no order between them, just
    as Python refuses ``1 < "a"``, so this is a ``TypeError``.
    """


class CalendarRangeError(InvalidValueError):
    """A date outside the years a working calendar can answer for."""


class InvalidTransition(InvalidValueError):
    """A move between two stages of a process that the process forbids."""


class MissingDependency(MappaError, ImportError):
    """An optional extra is needed and not installed.

    The message names the extra to install (``pip install "mappa[ical]"``);
    :attr:`MappaError.rule` holds the extra's name.
    """


class RecordError(InvalidValueError):
    """A bad value in a loaded record (a CSV or JSON row).

    Attributes:
        source: the file (or stream) name.
        row: the 1-based row or line number, if known.
        column: the column or field name, if known.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        row: int | None = None,
        column: str | None = None,
        rule: str | None = None,
        value: object = None,
    ) -> None:
        where = ", ".join(
            part
            for part in (
                source,
                None if row is None else f"row {row}",
                None if column is None else f"column {column!r}",
            )
            if part
        )
        super().__init__(
            f"{where}: {message}" if where else message, rule=rule, value=value
        )
        self.source = source
        self.row = row
        self.column = column
