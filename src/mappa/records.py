"""Meeting records: the types analysts load, and reading them from CSV and JSON.

A :class:`Meeting` is one MAPPA meeting about one case: a pseudonymous
case reference (never a name), the area, category and level, the date and
kind of meeting, the liberation date of a case in custody, when the minute
and risk management plan were released, whether disclosure was considered
and recorded, and whether the case left MAPPA or changed level at it. Each
agency's part in it is an :class:`Attendance`: invited, attended, at the
agreed or appropriate seniority, and whether it sent a written contribution.

A :class:`Caseload` is many meetings held column by column, so a million
meetings fit in a few hundred megabytes and the national performance
indicators (:mod:`mappa.indicators`) run over them in seconds. Load one
with :func:`read_csv` (a meetings file and an attendance file) or
:func:`read_json` (JSON Lines, one meeting per line with its attendance
nested, or a JSON array); write one with :func:`write_csv` and
:func:`write_jsonl`. Both readers stream: rows are checked and stored a
chunk at a time, never held as text and as records together.

>>> import datetime as dt, io
>>> from mappa.framework import Category, Level
>>> from mappa.chairs import Agency
>>> from mappa.records import Attendance, Meeting, MeetingKind, AgencyRole
>>> meeting = Meeting(
...     meeting_id="M1", case_ref="C-0001", area="Fife",
...     category=Category.REGISTERED_SEX_OFFENDER, level=Level.MULTI_AGENCY,
...     date=dt.date(2025, 6, 2), kind=MeetingKind.REVIEW,
...     minutes_released=dt.date(2025, 6, 9), disclosure_recorded=True,
...     attendance=(
...         Attendance(agency=Agency.POLICE, role=AgencyRole.RESPONSIBLE_AUTHORITY,
...                    invited=True, attended=True, at_seniority=True),
...         Attendance(agency="Registered social landlord", role=AgencyRole.DUTY_TO_COOPERATE,
...                    invited=True, attended=False, written_contribution=True),
...     ),
... )
>>> meetings, attendance = io.StringIO(), io.StringIO()
>>> write_csv([meeting], meetings, attendance)
>>> print(meetings.getvalue().splitlines()[1])
M1,C-0001,Fife,1,2,2025-06-02,review,,2025-06-09,yes,no,
>>> print(attendance.getvalue().splitlines()[2])
M1,Registered social landlord,dtc,yes,no,no,yes
>>> loaded = read_csv(io.StringIO(meetings.getvalue()), io.StringIO(attendance.getvalue()))
>>> list(loaded) == [meeting]
True

A bad value names the file, row and column, and what was expected:

>>> bad = "meeting_id,case_ref,area,category,level,date,kind,liberation_date," \\
...       "minutes_released,disclosure_recorded,leaves_mappa,new_level\\n" \\
...       "M1,C-0001,Fife,1,2,2025-02-30,review,,,yes,no,\\n"
>>> read_csv(io.StringIO(bad), io.StringIO("meeting_id,agency,role,invited,"
...          "attended,at_seniority,written_contribution\\n"))
Traceback (most recent call last):
...
mappa.errors.RecordError: <meetings>, row 2, column 'date': expected a date written YYYY-MM-DD

More information:

* MAPPA National Guidance (2023), chapter 11 (meetings, minutes, reviews).
* The national performance indicators: see :mod:`mappa.indicators`.
"""

from __future__ import annotations

import bisect
import contextlib
import csv
import datetime as _dt
import enum
import gc
import gzip
import io
import itertools
import json
import operator
import os
import re
import struct
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from importlib import resources
from typing import IO, Any, Literal, TypeAlias, cast

import attrs

from mappa import _check, _workers
from mappa.chairs import Agency
from mappa.errors import (
    InvalidTypeError,
    InvalidValueError,
    LevelNotPermitted,
    RecordError,
)
from mappa.framework import DEFAULT_AREA_TABLE, AreaTable, Category, Level
from mappa.rulebook import DEFAULT_RULEBOOK, Rulebook, resolve

__all__ = [
    "ATTENDANCE_COLUMNS",
    "AgencyRole",
    "Attendance",
    "Caseload",
    "MEETING_COLUMNS",
    "Meeting",
    "MeetingKind",
    "read_csv",
    "read_json",
    "sample_caseload",
    "write_csv",
    "write_jsonl",
]

TextSource: TypeAlias = "str | os.PathLike[str] | IO[str]"
"""A file name (``str`` or ``pathlib.Path``) or an open text stream; ``.gz``
files are decompressed."""

OnError: TypeAlias = Literal["raise", "collect", "skip"]

MEETING_COLUMNS: tuple[str, ...] = (
    "meeting_id",
    "case_ref",
    "area",
    "category",
    "level",
    "date",
    "kind",
    "liberation_date",
    "minutes_released",
    "disclosure_recorded",
    "leaves_mappa",
    "new_level",
)
"""The columns of a meetings CSV file, in the order :func:`write_csv` writes them."""

ATTENDANCE_COLUMNS: tuple[str, ...] = (
    "meeting_id",
    "agency",
    "role",
    "invited",
    "attended",
    "at_seniority",
    "written_contribution",
)
"""The columns of an attendance CSV file, in the order :func:`write_csv` writes them."""


class MeetingKind(enum.Enum):
    """The kind of a MAPPA meeting."""

    INITIAL = "initial"
    """The first meeting of a case at a level (for level 3: the initial MAPPP)."""
    REVIEW = "review"
    """A review meeting."""
    RISK_MANAGEMENT_TEAM = "rmt"
    """A risk management team meeting."""

    def __str__(self) -> str:
        return self.value


class AgencyRole(enum.Enum):
    """The part an agency plays in MAPPA."""

    RESPONSIBLE_AUTHORITY = "ra"
    """A Responsible Authority (police, local authority, prison service, health
    for restricted patients)."""
    DUTY_TO_COOPERATE = "dtc"
    """An agency with a duty to co-operate with the Responsible Authorities."""

    def __str__(self) -> str:
        return self.value


# Agency names as a file may spell them ("social work", "social_work").
_AGENCY_VALUES = {
    spelling: agency
    for agency in Agency
    for spelling in (agency.value, agency.value.replace(" ", "_"), agency.name.lower())
}

# -- per-attendance codes ------------------------------------------------------
# An attendance's flags in one small int: what the indicators count.
_DTC = 1
_INVITED = 2
_ATTENDED = 4
_SENIOR = 8
_WRITTEN = 16
_POLICE_OR_SOCIAL_WORK = 32

# Each meeting's attendance is summed into six counters packed in one int,
# ten bits each (a meeting may have at most _MAX_ATTENDANCE rows).
_BITS = 10
_MAX_ATTENDANCE = (1 << _BITS) - 1
RA_INVITED, RA_MET, DTC_INVITED, DTC_MET, ABSENT, ABSENT_WROTE = range(6)


def _increment(code: int) -> int:
    counters = []
    invited = bool(code & _INVITED)
    attended = bool(code & _ATTENDED)
    met = attended and bool(code & _SENIOR)
    if code & _POLICE_OR_SOCIAL_WORK and not code & _DTC and invited:
        counters.append(RA_INVITED)
        if met:
            counters.append(RA_MET)
    if code & _DTC and invited:
        counters.append(DTC_INVITED)
        if met:
            counters.append(DTC_MET)
    if invited and not attended:
        counters.append(ABSENT)
        if code & _WRITTEN:
            counters.append(ABSENT_WROTE)
    return sum(1 << (_BITS * counter) for counter in counters)


_INCREMENT = tuple(_increment(code) for code in range(64))

# The readers pack an attendance as: agency number << 9 | canonical agency
# (1-4, 0 for a named agency) << 6 | flags. Their increments also count each
# canonical agency at a meeting, ten bits each above the six counters, so an
# agency listed twice shows as a count of 2 or more.
_AGENCY_SHIFT = 9
_AGENCY_BITS = 24  # a meeting number is shifted this far to pair it with an agency
_CANON_MASK = 0b111 << 6
_CANON = {agency: slot for slot, agency in enumerate(Agency, start=1)}
_LOADER_INCREMENT = tuple(
    _INCREMENT[code & 63] + ((1 << (_BITS * (5 + (code >> 6)))) if code >> 6 else 0)
    for code in range(512)
)
_DUPLICATE = sum(
    (_MAX_ATTENDANCE & ~1) << (_BITS * (5 + slot)) for slot in range(1, len(Agency) + 1)
)


def counter(tally: int, which: int) -> int:
    """One of the six attendance counters packed in *tally* (private helper)."""
    return (tally >> (_BITS * which)) & _MAX_ATTENDANCE


def _attendance_code(
    agency: Agency | str,
    role: AgencyRole,
    invited: bool,
    attended: bool,
    at_seniority: bool,
    written: bool,
) -> int:
    return (
        (_DTC if role is AgencyRole.DUTY_TO_COOPERATE else 0)
        | (_INVITED if invited else 0)
        | (_ATTENDED if attended else 0)
        | (_SENIOR if at_seniority else 0)
        | (_WRITTEN if written else 0)
        | (_POLICE_OR_SOCIAL_WORK if agency in _RA_KPI_AGENCIES else 0)
    )


# issue 14: which agencies are always Responsible Authorities, and whose
# attendance the RA indicator counts, are rules (the default rulebook's:
# an attendance's code is packed once, whatever rulebook reads it later).
_ALWAYS_RA = frozenset(
    Agency[name] for name in DEFAULT_RULEBOOK.texts("framework.responsible_authorities")
)
_RA_KPI_AGENCIES = frozenset(
    Agency[name] for name in DEFAULT_RULEBOOK.texts("kpi.ra_attendance.agencies")
)


def _attendance_problem(
    agency: Agency | str,
    role: AgencyRole,
    invited: bool,
    attended: bool,
    at_seniority: bool,
) -> tuple[str, str] | None:
    """(column, message) of the first rule an attendance breaks, if any."""
    if isinstance(agency, str) and role is AgencyRole.RESPONSIBLE_AUTHORITY:
        return (
            "role",
            "a named agency takes part as a duty to co-operate agency (dtc); "
            "the Responsible Authorities are police, social_work, health and "
            "prison_service",
        )
    if role is AgencyRole.DUTY_TO_COOPERATE and agency in _ALWAYS_RA:
        return (
            "role",
            "the police, social work and the prison service are Responsible "
            "Authorities (ra); only health may also take part as a dtc agency",
        )
    if attended and not invited:
        return "attended", "an agency that attended must have been invited"
    if at_seniority and not attended:
        return "at_seniority", "only an agency that attended can be at seniority"
    return None


def _v_agency(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, Agency):
        return
    if not isinstance(value, str):
        raise InvalidTypeError(
            f"Attendance.agency must be an Agency or the name of a DTC agency, "
            f"not {_check.type_name(value)}",
            rule="Attendance.agency",
        )
    if not value.strip() or value != value.strip():
        raise InvalidValueError(
            "Attendance.agency must be a non-empty name without surrounding spaces",
            rule="Attendance.agency",
        )
    if " ".join(value.lower().split()) in _AGENCY_VALUES:
        raise InvalidValueError(
            f"Attendance.agency: use Agency.{_AGENCY_VALUES[' '.join(value.lower().split())].name}, "
            "not its name as text",
            rule="Attendance.agency",
        )


class _AttendanceSlot:
    """Holds an attendance's packed code outside attrs' fields (private).

    A slot of a plain base class is no attrs field, so ``attrs.fields``
    and ``attrs.asdict`` never show it.
    """

    __slots__ = ("_code_slot",)
    _code_slot: int


@attrs.frozen
class Attendance(_AttendanceSlot):
    """One agency's part in a meeting.

    Attributes:
        agency: an :class:`Agency`, or the name of a duty to co-operate
            agency (``"Registered social landlord"``).
        role: :attr:`AgencyRole.RESPONSIBLE_AUTHORITY` or
            :attr:`AgencyRole.DUTY_TO_COOPERATE`: the police, social work and
            the prison service are always RAs, a named agency always DTC,
            health either (RA for restricted patients).
        invited: the agency was invited (for a Responsible Authority: was
            expected to attend).
        attended: it attended (only if invited).
        at_seniority: it attended at the agreed (RA) or appropriate (DTC)
            level of seniority (only if it attended).
        written_contribution: it sent a written contribution.

    >>> Attendance(agency=Agency.POLICE, role=AgencyRole.RESPONSIBLE_AUTHORITY,
    ...            invited=False, attended=True)
    Traceback (most recent call last):
    ...
    mappa.errors.InvalidValueError: Attendance.attended: an agency that attended must have been invited
    """

    agency: Agency | str = attrs.field(validator=_v_agency)
    role: AgencyRole = attrs.field(validator=_check.v_instance(AgencyRole))
    invited: bool = attrs.field(validator=_check.v_bool)
    attended: bool = attrs.field(validator=_check.v_bool)
    at_seniority: bool = attrs.field(default=False, validator=_check.v_bool)
    written_contribution: bool = attrs.field(default=False, validator=_check.v_bool)

    def __attrs_post_init__(self) -> None:
        problem = _attendance_problem(
            self.agency, self.role, self.invited, self.attended, self.at_seniority
        )
        if problem is not None:
            raise InvalidValueError(
                f"Attendance.{problem[0]}: {problem[1]}",
                rule=f"Attendance.{problem[0]}",
            )
        object.__setattr__(
            self,
            "_code_slot",
            _attendance_code(
                self.agency,
                self.role,
                self.invited,
                self.attended,
                self.at_seniority,
                self.written_contribution,
            ),
        )

    @property
    def _code(self) -> int:
        """The attendance packed in one number (private; not an attrs field)."""
        try:
            return self._code_slot
        except AttributeError:  # a copy made by pickle: derive it again
            self.__attrs_post_init__()
            return self._code_slot


_REF = re.compile(r"[A-Za-z0-9][A-Za-z0-9_./:#-]{0,63}")
_REFS = re.compile(r"(?:[A-Za-z0-9][A-Za-z0-9_./:#-]{0,63}\n)*")  # one a line
_DIGIT = re.compile(r"[0-9]")
# Case references, one a line, each with a digit.
_CASE_REFS = re.compile(r"(?:(?=[^\n]*[0-9])[A-Za-z0-9][A-Za-z0-9_./:#-]{0,63}\n)*")


def _ref_problem(value: str, *, case: bool) -> str | None:
    if not _REF.fullmatch(value):
        return (
            "expected a reference of 1 to 64 letters, digits and _ . / : # -, "
            "starting with a letter or digit"
        )
    if case and not _DIGIT.search(value):  # ASCII only, as _REF matched
        return "expected a pseudonymous case reference with at least one digit, never a name"
    return None


def _v_ref(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    name = f"{type(instance).__name__}.{attribute.name}"
    problem = _ref_problem(
        _check.ensure_str(value, name), case=attribute.name == "case_ref"
    )
    if problem is not None:
        raise InvalidValueError(f"{name}: {problem}", rule=name)


def _meeting_problem(
    category: int,
    level: int,
    day: int,
    released: int,
    leaves: bool,
    new_level: int,
    permitted: dict[int, frozenset[int]],
) -> tuple[str, str] | None:
    """(column, message) of the first cross-field rule a meeting breaks, if any."""
    allowed = permitted[category]
    if level not in allowed:
        return "level", f"category {category} is not managed at level {level}"
    if released and released < day:
        return "minutes_released", "the minute cannot be released before its meeting"
    if new_level:
        if leaves:
            return "new_level", "a case that leaves MAPPA has no new level"
        if new_level == level:
            return "new_level", "a new level must differ from the meeting's level"
        if new_level not in allowed:
            return (
                "new_level",
                f"category {category} is not managed at level {new_level}",
            )
    return None


def _permitted(book: Rulebook) -> dict[int, frozenset[int]]:
    from mappa.framework import permitted_levels

    return {
        int(category): frozenset(
            int(level) for level in permitted_levels(category, rulebook=book)
        )
        for category in Category
    }


# issue 14: a Meeting checks its structure only, every category at every
# level; which levels a category allows is the rulebook's, applied by the
# readers and Caseload.from_meetings.
_ANY_LEVEL = {int(category): frozenset(map(int, Level)) for category in Category}


def _level_keys(permitted: dict[int, frozenset[int]]) -> set[tuple[int, int, int, int]]:
    """Every allowed (category, level, new level or 0, leaves) of *permitted*."""
    return {
        (category, level, new_level, leaves)
        for category, levels in permitted.items()
        for level in levels
        for new_level in (0, *levels)
        for leaves in (0, 1)
        if new_level != level and not (leaves and new_level)
    }


def _tally(attendance: tuple[Attendance, ...]) -> int:
    increment = _INCREMENT
    return sum(increment[a._code] for a in attendance)


class _MeetingSlot:
    """Holds a meeting's packed attendance tally outside attrs' fields (private)."""

    __slots__ = ("_tally_slot",)
    _tally_slot: int


@attrs.frozen
class Meeting(_MeetingSlot):
    """One MAPPA meeting about one case.

    Attributes:
        meeting_id: the meeting's reference, unique in a caseload.
        case_ref: the case's pseudonymous reference (at least one digit;
            never a name).
        area: the MAPPA area's name (the readers turn a council's name into
            its area's).
        category: the case's MAPPA category.
        level: the level at which the meeting was held.
        date: the date of the meeting.
        kind: initial, review or risk management team meeting.
        liberation_date: for a case in custody, the (expected) date of
            liberation; otherwise ``None``.
        minutes_released: the date the final minute and RMP were released,
            or ``None`` if not (yet) released. Never before :attr:`date`.
        disclosure_recorded: disclosure was considered and recorded in the minutes.
        leaves_mappa: the case left MAPPA at this meeting.
        new_level: the level the case moved to at this meeting, if it
            changed (never with :attr:`leaves_mappa`).
        attendance: each agency's part, at most one per agency.
    """

    meeting_id: str = attrs.field(validator=_v_ref)
    case_ref: str = attrs.field(validator=_v_ref)
    area: str = attrs.field(validator=_check.v_text)
    category: Category = attrs.field(validator=_check.v_instance(Category))
    level: Level = attrs.field(validator=_check.v_instance(Level))
    date: _dt.date = attrs.field(validator=_check.v_date)
    kind: MeetingKind = attrs.field(validator=_check.v_instance(MeetingKind))
    liberation_date: _dt.date | None = attrs.field(
        default=None, validator=_check.v_optional_date
    )
    minutes_released: _dt.date | None = attrs.field(
        default=None, validator=_check.v_optional_date
    )
    disclosure_recorded: bool = attrs.field(default=False, validator=_check.v_bool)
    leaves_mappa: bool = attrs.field(default=False, validator=_check.v_bool)
    new_level: Level | None = attrs.field(
        default=None, validator=_check.v_optional_instance(Level)
    )
    # The repr counts the agencies rather than list them (a repr stays short).
    attendance: tuple[Attendance, ...] = attrs.field(
        default=(),
        validator=_check.v_tuple_of(Attendance),
        repr=lambda items: f"<{len(items)} agencies>",
    )

    def __attrs_post_init__(self) -> None:
        problem = _meeting_problem(
            int(self.category),
            int(self.level),
            self.date.toordinal(),
            0 if self.minutes_released is None else self.minutes_released.toordinal(),
            self.leaves_mappa,
            0 if self.new_level is None else int(self.new_level),
            _ANY_LEVEL,  # issue 14: structure only
        )
        if problem is not None:
            raise InvalidValueError(
                f"Meeting.{problem[0]}: {problem[1]}", rule=f"Meeting.{problem[0]}"
            )
        agencies = [a.agency for a in self.attendance]
        if len(set(agencies)) != len(agencies):
            raise InvalidValueError(
                "Meeting.attendance lists an agency twice", rule="Meeting.attendance"
            )
        if len(agencies) > _MAX_ATTENDANCE:
            raise InvalidValueError(
                f"Meeting.attendance has more than {_MAX_ATTENDANCE} agencies",
                rule="Meeting.attendance",
            )
        object.__setattr__(self, "_tally_slot", _tally(self.attendance))

    @property
    def _tally(self) -> int:
        """The attendance counters, packed (private; not an attrs field)."""
        try:
            return self._tally_slot
        except AttributeError:  # a copy made by pickle: derive it again
            object.__setattr__(self, "_tally_slot", _tally(self.attendance))
            return self._tally_slot


# -- the caseload --------------------------------------------------------------

_KINDS = tuple(MeetingKind)
_KIND_INDEX = {kind: index for index, kind in enumerate(_KINDS)}
_DISCLOSURE = 1
_LEAVES = 2


class Caseload:
    """Meetings held column by column: what the readers return.

    Iterating yields :class:`Meeting` objects (built on demand); ``len()``
    is the number of meetings. :attr:`problems` lists the rows a reader
    left out when asked to (``on_error="skip"``). Build one from meeting
    objects with :meth:`from_meetings`; :func:`mappa.indicators.evaluate`
    accepts either.

    >>> import datetime as dt
    >>> caseload = sample_caseload()
    >>> len(caseload) > 1000, caseload.first_date <= dt.date(2024, 4, 1)
    (True, True)
    """

    __slots__ = (
        "_agencies",
        "_area",
        "_areas",
        "_att_code",
        "_att_meeting",
        "_case",
        "_cases",
        "_category",
        "_day",
        "_flags",
        "_ids",
        "_kind",
        "_level",
        "_liberation",
        "_new_level",
        "_objects",
        "_released",
        "_tally",
        "problems",
    )

    def __init__(self) -> None:
        self._ids: list[str] = []
        self._cases: list[str] = []
        self._case = array("i")
        self._area = array("i")
        self._areas: list[str] = []
        self._category = bytearray()
        self._level = bytearray()
        self._new_level = bytearray()
        self._kind = bytearray()
        self._flags = bytearray()
        self._day = array("i")
        self._liberation = array("i")
        self._released = array("i")
        self._tally: list[int] = []
        self._agencies: list[Agency | str] = []
        self._att_meeting = array("i")
        # Each attendance row as the readers pack it (agency << 9 | canon << 6 | flags).
        self._att_code = array("q")
        self._objects: list[Meeting] | None = None
        self.problems: tuple[RecordError, ...] = ()
        """Rows left out by a reader called with ``on_error="skip"``."""

    def __len__(self) -> int:
        return len(self._ids)

    def __repr__(self) -> str:
        return f"<Caseload of {len(self)} meetings>"

    @property
    def first_date(self) -> _dt.date:
        """The date of the earliest meeting (an empty caseload has none: ``InvalidValueError``)."""
        if not self._day:
            raise InvalidValueError("an empty caseload has no dates", rule="Caseload")
        return _dt.date.fromordinal(min(self._day))

    @property
    def last_date(self) -> _dt.date:
        """The date of the latest meeting."""
        if not self._day:
            raise InvalidValueError("an empty caseload has no dates", rule="Caseload")
        return _dt.date.fromordinal(max(self._day))

    @property
    def areas(self) -> tuple[str, ...]:
        """The areas the meetings belong to, sorted."""
        return tuple(sorted(self._areas[i] for i in set(self._area)))

    @classmethod
    def from_meetings(
        cls, meetings: Iterable[Meeting], *, rulebook: Rulebook | None = None
    ) -> Caseload:
        """A caseload of *meetings* (``InvalidValueError`` on a repeated meeting id).

        Each meeting's level (and new level) must be one *rulebook* allows
        for its category (:class:`~mappa.errors.LevelNotPermitted` naming
        the meeting's position otherwise), read as at today or as at the
        date of a rulebook from :meth:`~mappa.rulebook.Rulebook.as_at`. A
        :class:`Caseload` is returned as it is: its reader checked it.
        """
        if isinstance(meetings, Caseload):
            return meetings
        objects = list(_ensure_meetings(meetings))
        if not all(type(m) is Meeting for m in objects):
            objects = list(_checked(objects))  # raises at the first that is not
        _check_levels(objects, resolve(rulebook))  # issue 14
        self = cls()
        get = operator.attrgetter
        self._ids = list(map(get("meeting_id"), objects))
        if len(set(self._ids)) != len(self._ids):
            seen: set[str] = set()
            for meeting_id in self._ids:
                if meeting_id in seen:
                    raise InvalidValueError(
                        f"meeting id {meeting_id!r} appears twice", rule="meeting_id"
                    )
                seen.add(meeting_id)
        case_index: dict[str, int] = {}
        self._case = array(
            "i", map(_Interner(case_index).__getitem__, map(get("case_ref"), objects))
        )
        self._cases = list(case_index)
        area_index: dict[str, int] = {}
        self._area = array(
            "i", map(_Interner(area_index).__getitem__, map(get("area"), objects))
        )
        self._areas = list(area_index)
        self._category = bytearray(map(int, map(get("category"), objects)))
        self._level = bytearray(map(int, map(get("level"), objects)))
        self._kind = bytearray(map(_KIND_INDEX.__getitem__, map(get("kind"), objects)))
        self._new_level = bytearray(
            map(_optional_level, map(get("new_level"), objects))
        )
        self._flags = bytearray(
            map(
                operator.or_,
                map(
                    operator.mul,
                    map(get("disclosure_recorded"), objects),
                    itertools.repeat(_DISCLOSURE),
                ),
                map(
                    operator.mul,
                    map(get("leaves_mappa"), objects),
                    itertools.repeat(_LEAVES),
                ),
            )
        )
        self._day = array("i", map(_dt.date.toordinal, map(get("date"), objects)))
        ordinal = _Ordinals()
        self._liberation = array(
            "i", map(ordinal.__getitem__, map(get("liberation_date"), objects))
        )
        self._released = array(
            "i", map(ordinal.__getitem__, map(get("minutes_released"), objects))
        )
        self._tally = list(map(get("_tally"), objects))
        self._objects = objects
        return self

    def __iter__(self) -> Iterator[Meeting]:
        if self._objects is not None:
            return iter(self._objects)
        return self._build_meetings()

    def _build_meetings(self) -> Iterator[Meeting]:
        by_meeting: dict[int, list[int]] = {}
        for row, meeting in enumerate(self._att_meeting):
            by_meeting.setdefault(meeting, []).append(row)
        levels = {int(level): level for level in Level}
        categories = {int(category): category for category in Category}
        for index, meeting_id in enumerate(self._ids):
            flags = self._flags[index]
            yield Meeting(
                meeting_id=meeting_id,
                case_ref=self._cases[self._case[index]],
                area=self._areas[self._area[index]],
                category=categories[self._category[index]],
                level=levels[self._level[index]],
                date=_dt.date.fromordinal(self._day[index]),
                kind=_KINDS[self._kind[index]],
                liberation_date=_from_ordinal(self._liberation[index]),
                minutes_released=_from_ordinal(self._released[index]),
                disclosure_recorded=bool(flags & _DISCLOSURE),
                leaves_mappa=bool(flags & _LEAVES),
                new_level=levels.get(self._new_level[index]),
                attendance=tuple(
                    self._attendance(row) for row in by_meeting.get(index, ())
                ),
            )

    def _attendance(self, row: int) -> Attendance:
        code = self._att_code[row]
        flags = code & 63
        return Attendance(
            agency=self._agencies[code >> _AGENCY_SHIFT],
            role=AgencyRole.DUTY_TO_COOPERATE
            if flags & _DTC
            else AgencyRole.RESPONSIBLE_AUTHORITY,
            invited=bool(flags & _INVITED),
            attended=bool(flags & _ATTENDED),
            at_seniority=bool(flags & _SENIOR),
            written_contribution=bool(flags & _WRITTEN),
        )


def _extend(column: array[int], values: Sequence[int]) -> None:
    """Append *values* to an array column: packed in one call, several
    times faster than ``array.extend`` (which converts each value alone)."""
    column.frombytes(struct.pack(f"{len(values)}{column.typecode}", *values))


def _optional_level(level: Level | None) -> int:
    return 0 if level is None else int(level)


def _from_ordinal(ordinal: int) -> _dt.date | None:
    return _dt.date.fromordinal(ordinal) if ordinal else None


class _Ordinals(dict[Any, int]):
    """date (or None) -> ordinal (0 for None), cached."""

    def __missing__(self, key: Any) -> int:
        value = 0 if key is None else key.toordinal()
        self[key] = value
        return value


class _Interner(dict[str, int]):
    """Wraps a str -> index dict, adding unseen keys."""

    def __init__(self, target: dict[str, int]) -> None:
        super().__init__()
        self._target = target

    def __missing__(self, key: str) -> int:
        value = self._target.setdefault(key, len(self._target))
        self[key] = value
        return value


# -- reading -------------------------------------------------------------------


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of acyclic objects are
    made (it would otherwise rescan them again and again); restore it after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# Rows are checked a chunk at a time, column by column: small chunks keep a
# chunk's strings in the processor's cache (several times faster than big ones).
_CHUNK = 1_000
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TRUE = frozenset({"yes", "y", "true", "t", "1"})
_FALSE = frozenset({"no", "n", "false", "f", "0"})
_KIND_NAMES = {
    "initial": 0,
    "review": 1,
    "rmt": 2,
    "risk management team": 2,
    "risk_management_team": 2,
}
_ROLE_NAMES = {
    "ra": 0,
    "responsible authority": 0,
    "responsible_authority": 0,
    "dtc": _DTC,
    "duty to co-operate": _DTC,
    "duty_to_cooperate": _DTC,
}


class _Bad(Exception):
    """A value a column parser refused; *message* says what was expected."""

    def __init__(self, message: str, column: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.column = column


class _Parser(dict[Any, Any]):
    """text (or a tuple of texts) -> parsed value, cached; unseen keys go
    through *parse*."""

    def __init__(self, parse: Callable[[Any], Any]) -> None:
        super().__init__()
        self._parse = parse

    def __missing__(self, key: Any) -> Any:
        value = self._parse(key)
        self[key] = value
        return value


def _parse_date(text: str) -> int:
    text = text.strip()
    if _DATE.fullmatch(text):
        try:
            return _dt.date.fromisoformat(text).toordinal()
        except ValueError:
            pass
    raise _Bad("expected a date written YYYY-MM-DD")


def _parse_optional_date(text: str) -> int:
    if not text.strip():
        return 0
    try:
        return _parse_date(text)
    except _Bad:
        raise _Bad("expected a date written YYYY-MM-DD, or nothing") from None


def _parse_bool(text: str) -> int:
    word = text.strip().lower()
    if word in _TRUE:
        return 1
    if word in _FALSE:
        return 0
    raise _Bad("expected yes or no")


def _number_parser(
    what: str, allowed: Iterable[int], *, optional: bool = False
) -> Callable[[str], int]:
    values = {str(number): number for number in allowed}

    def parse(text: str) -> int:
        word = text.strip()
        if optional and not word:
            return 0
        if word in values:
            return values[word]
        raise _Bad(
            f"expected {what} {', '.join(values)}"
            + (", or nothing" if optional else "")
        )

    return parse


def _parse_kind(text: str) -> int:
    found = _KIND_NAMES.get(text.strip().lower())
    if found is None:
        raise _Bad("expected initial, review or rmt")
    return found


def _open_text(
    source: object, default: str, mode: str = "r"
) -> tuple[IO[str], str, bool]:
    """(stream, name, whether we opened it)."""
    if isinstance(source, str | os.PathLike):
        name = os.fspath(source)
        if not isinstance(name, str):
            raise InvalidTypeError("a file name must be text, not bytes", rule="source")
        encoding = "utf-8-sig" if mode == "r" else "utf-8"
        try:
            if name.endswith(".gz"):
                return (
                    cast(
                        IO[str],
                        gzip.open(name, mode + "t", encoding=encoding, newline=""),
                    ),
                    name,
                    True,
                )
            return open(name, mode, encoding=encoding, newline=""), name, True
        except OSError as error:
            raise RecordError(
                f"cannot {'read' if mode == 'r' else 'write'} the file: "
                f"{error.strerror or type(error).__name__}",
                source=name,
            ) from None
    if isinstance(source, io.TextIOBase) or (
        hasattr(source, "read" if mode == "r" else "write")
        and not isinstance(source, io.IOBase | bytes)
    ):
        return source, str(getattr(source, "name", default)), False  # type: ignore[return-value]  # a text stream
    raise InvalidTypeError(
        f"expected a file name, path or text stream, not {_check.type_name(source)}",
        rule="source",
    )


class _Loader:
    """Builds a :class:`Caseload` chunk by chunk, checking every value."""

    def __init__(
        self,
        on_error: str,
        area_table: AreaTable,
        book: Rulebook,
        progress: Callable[[int], None] | None,
    ) -> None:
        if on_error not in ("raise", "collect", "skip"):
            raise InvalidValueError(
                "on_error must be 'raise', 'collect' or 'skip'", rule="on_error"
            )
        self.on_error = on_error
        self.caseload = Caseload()
        self.index: dict[str, int] = {}
        # Reading an attendance file on its own, each run of rows with one
        # meeting id is numbered as a meeting (runs lists their ids).
        self.runs: list[str] | None = None
        self.left_out: set[str] = set()
        self.problems: list[RecordError] = []
        self.progress = progress
        self.rows = 0
        self.permitted = _permitted(book)
        self.ok_keys = _level_keys(self.permitted)
        caseload = self.caseload
        case_index: dict[str, int] = {}
        area_index: dict[str, int] = {}
        self.case_index = case_index

        def parse_case(text: str) -> int:
            problem = _ref_problem(text, case=True)
            if problem is not None:
                raise _Bad(problem)
            caseload._cases.append(text)
            return case_index.setdefault(text, len(case_index))

        def parse_area(text: str) -> int:
            try:
                name = area_table.area(text).name
            except (LookupError, InvalidValueError):
                raise _Bad(
                    "expected the name of a MAPPA area or a Scottish council"
                ) from None
            if name not in area_index:
                area_index[name] = len(area_index)
                caseload._areas.append(name)
            return area_index[name]

        levels = [int(level) for level in Level]
        self.parsers: dict[str, _Parser] = {
            "case_ref": _Parser(parse_case),
            "area": _Parser(parse_area),
            "category": _Parser(
                _number_parser("a category", [int(c) for c in Category])
            ),
            "level": _Parser(_number_parser("a level", levels)),
            "date": _Parser(_parse_date),
            "kind": _Parser(_parse_kind),
            "liberation_date": _Parser(_parse_optional_date),
            "minutes_released": _Parser(_parse_optional_date),
            "disclosure_recorded": _Parser(_parse_bool),
            "leaves_mappa": _Parser(_parse_bool),
            "new_level": _Parser(_number_parser("a level", levels, optional=True)),
        }
        agency_index: dict[Agency | str, int] = {}

        def parse_attendance(key: tuple[str, ...] | str) -> int:
            if isinstance(key, str):
                fields = key.split(",")
                if len(fields) != len(ATTENDANCE_COLUMNS) - 1:
                    raise _Bad(
                        f"expected {len(ATTENDANCE_COLUMNS)} fields, found {len(fields) + 1}",
                        "",
                    )
                key = tuple(fields)
            agency_text, role_text, *flags = key
            name = agency_text.strip()
            if not name:
                raise _Bad("expected an agency", "agency")
            agency: Agency | str = _AGENCY_VALUES.get(
                " ".join(name.lower().split()), name
            )
            role = _ROLE_NAMES.get(role_text.strip().lower())
            if role is None:
                raise _Bad("expected ra or dtc", "role")
            values = []
            for column, text in zip(ATTENDANCE_COLUMNS[3:], flags, strict=True):
                try:
                    values.append(bool(_parse_bool(text)))
                except _Bad:
                    raise _Bad("expected yes or no", column) from None
            invited, attended, senior, written = values
            role_member = (
                AgencyRole.DUTY_TO_COOPERATE
                if role
                else AgencyRole.RESPONSIBLE_AUTHORITY
            )
            problem = _attendance_problem(
                agency, role_member, invited, attended, senior
            )
            if problem is not None:
                raise _Bad(problem[1], problem[0])
            if agency not in agency_index:
                agency_index[agency] = len(agency_index)
                caseload._agencies.append(agency)
            code = _attendance_code(
                agency, role_member, invited, attended, senior, written
            )
            canon = _CANON.get(agency, 0) if isinstance(agency, Agency) else 0
            return agency_index[agency] << _AGENCY_SHIFT | canon << 6 | code

        self.attendance_parser = _Parser(parse_attendance)
        # Named agencies listed for each meeting, as meeting << _AGENCY_BITS
        # | agency: only the last meeting's (carry) while the attendance
        # comes in meeting order, every one's (named_pairs) from the first
        # row that does not.
        self.named_pairs: set[int] | None = None
        self.carry: set[int] = set()
        self.last_meeting = -1

    # -- errors --------------------------------------------------------------

    def report(self, errors: list[tuple[int, int, RecordError]]) -> None:
        """Record the problems of one chunk (sorted by row), or raise the first."""
        if not errors:
            return
        errors.sort(key=operator.itemgetter(0, 1))
        if self.on_error == "raise":
            raise errors[0][2]
        self.problems.extend(error for _, _, error in errors)

    def tick(self, count: int) -> None:
        self.rows += count
        if self.progress is not None:
            self.progress(self.rows)

    # -- meetings ------------------------------------------------------------

    def add_meetings(
        self,
        source: str,
        rows: Sequence[Sequence[str]],
        rownums: Sequence[int],
        labels: Sequence[str] | None = None,
    ) -> None:
        """Check and store one chunk of meeting rows (columns in MEETING_COLUMNS order)."""
        count = len(rows)
        if not count:
            return
        columns = list(zip(*rows, strict=False))
        errors: list[tuple[int, int, RecordError]] = []
        bad: set[int] = set()

        def fail(i: int, column: str, message: str) -> None:
            position = MEETING_COLUMNS.index(column)
            label = column if labels is None else f"{labels[i]}{column}"
            errors.append(
                (
                    rownums[i],
                    position,
                    RecordError(message, source=source, row=rownums[i], column=label),
                )
            )
            bad.add(i)

        self._add_cases(columns[1])
        parsed: dict[str, list[Any]] = {}
        for position, column in enumerate(MEETING_COLUMNS[1:], start=1):
            parser = self.parsers[column]
            values = columns[position]
            try:
                parsed[column] = list(map(parser.__getitem__, values))
            except _Bad:
                out: list[Any] = []
                for i, text in enumerate(values):
                    try:
                        out.append(parser[text])
                    except _Bad as error:
                        fail(i, column, error.message)
                        out.append(0)
                parsed[column] = out
        ids = columns[0]
        # One match over the chunk's ids (one per line) before any one by one.
        joined = "\n".join(ids) + "\n"
        if joined.count("\n") != len(ids) or not _REFS.fullmatch(joined):
            for i, meeting_id in enumerate(ids):
                problem = _ref_problem(meeting_id, case=False)
                if problem is not None:
                    fail(i, "meeting_id", problem)
        category, level, day = parsed["category"], parsed["level"], parsed["date"]
        released, leaves, new_level = (
            parsed["minutes_released"],
            parsed["leaves_mappa"],
            parsed["new_level"],
        )
        ok = self.ok_keys
        suspects: list[int] = []
        # The distinct (category, level, new level, leaves) combinations, and
        # any minute released before its meeting, first; row by row only if
        # something is wrong.
        if not ok.issuperset(zip(category, level, new_level, leaves, strict=False)):
            suspects += [
                i
                for i, key in enumerate(
                    zip(category, level, new_level, leaves, strict=False)
                )
                if key not in ok
            ]
        if any(
            map(
                operator.lt,
                itertools.compress(released, released),
                itertools.compress(day, released),
            )
        ):
            suspects += [
                i
                for i, (r, d) in enumerate(zip(released, day, strict=False))
                if r and r < d
            ]
        for i in suspects:
            if i in bad:
                continue
            broken = _meeting_problem(
                category[i],
                level[i],
                day[i],
                released[i],
                bool(leaves[i]),
                new_level[i],
                self.permitted,
            )
            if broken is not None:  # pragma: no branch - every suspect breaks a rule
                fail(i, broken[0], broken[1])
        index = self.index
        start = len(self.caseload._ids)
        kept = [i for i in range(count) if i not in bad] if bad else None
        kept_ids = ids if kept is None else [ids[i] for i in kept]
        before = len(index)
        index.update(zip(kept_ids, range(start, start + len(kept_ids)), strict=False))
        if len(index) != before + len(kept_ids):
            # Repeated ids: undo and redo one by one, keeping the first of each.
            for meeting_id in kept_ids:
                index.pop(meeting_id, None)
            seen_here: set[str] = set()
            for i in kept if kept is not None else range(count):
                if ids[i] in index or ids[i] in seen_here:
                    fail(i, "meeting_id", "this meeting id appears more than once")
                seen_here.add(ids[i])
            kept = [i for i in range(count) if i not in bad]
            kept_ids = [ids[i] for i in kept]
            index.update(
                zip(kept_ids, range(start, start + len(kept_ids)), strict=False)
            )
        if bad:
            self.left_out.update(ids[i] for i in bad)
        self.report(errors)

        def pick(values: Sequence[Any]) -> Sequence[Any]:
            return values if kept is None else [values[i] for i in kept]

        caseload = self.caseload
        caseload._ids.extend(kept_ids)
        _extend(caseload._case, pick(parsed["case_ref"]))
        _extend(caseload._area, pick(parsed["area"]))
        caseload._category.extend(pick(category))
        caseload._level.extend(pick(level))
        caseload._kind.extend(pick(parsed["kind"]))
        caseload._new_level.extend(pick(new_level))
        _extend(caseload._day, pick(day))
        _extend(caseload._liberation, pick(parsed["liberation_date"]))
        _extend(caseload._released, pick(released))
        caseload._flags.extend(
            map(
                operator.or_,
                pick(parsed["disclosure_recorded"]),
                map(operator.mul, pick(leaves), itertools.repeat(_LEAVES)),
            )
        )
        caseload._tally.extend(itertools.repeat(0, len(kept_ids)))
        self.tick(count)

    def _add_cases(self, values: Sequence[str]) -> None:
        """Number a chunk's new case references together, after one match
        of them all; if any fails it, the case parser takes them one by one."""
        parser = self.parsers["case_ref"]
        fresh = list(itertools.filterfalse(parser.__contains__, dict.fromkeys(values)))
        if not fresh:
            return
        joined = "\n".join(fresh) + "\n"
        if joined.count("\n") != len(fresh) or not _CASE_REFS.fullmatch(joined):
            return
        cases = self.caseload._cases
        numbers = range(len(cases), len(cases) + len(fresh))
        cases.extend(fresh)
        self.case_index.update(zip(fresh, numbers, strict=True))
        parser.update(zip(fresh, numbers, strict=True))

    # -- attendance ----------------------------------------------------------

    def add_attendance(
        self,
        source: str,
        rows: Sequence[Sequence[str]],
        rownums: Sequence[int],
        labels: Sequence[str] | None = None,
        *,
        packed: bool = False,
    ) -> None:
        """Check and store one chunk of attendance rows (ATTENDANCE_COLUMNS order).

        *packed* rows are two columns: the meeting ids, and the rest of each
        line.
        """
        count = len(rows[0]) if packed and rows else len(rows)
        if not count:
            return
        if packed:
            ids: Sequence[str] = rows[0]
            keys: list[Any] = list(rows[1])
        else:
            columns = list(zip(*rows, strict=False))
            ids = columns[0]
            keys = list(zip(*columns[1:], strict=False))
        errors: list[tuple[int, int, RecordError]] = []
        bad: set[int] = set()

        def fail(i: int, column: str, message: str) -> None:
            label = column if labels is None else f"{labels[i]}{column}"
            errors.append(
                (
                    rownums[i],
                    ATTENDANCE_COLUMNS.index(column) if column else 0,
                    RecordError(
                        message, source=source, row=rownums[i], column=label or None
                    ),
                )
            )
            bad.add(i)

        index = self.index
        try:
            if self.runs is not None:
                meetings = self._number_runs(ids)
            else:
                meetings = list(map(index.__getitem__, ids))
        except KeyError:
            meetings = []
            for i, meeting_id in enumerate(ids):
                found = index.get(meeting_id.strip(), -1)
                if found < 0:
                    fail(
                        i,
                        "meeting_id",
                        "attendance for a meeting that was left out because of an error"
                        if meeting_id.strip() in self.left_out
                        else "attendance for a meeting that is not in the meetings file",
                    )
                meetings.append(found)
        parser = self.attendance_parser
        try:
            codes = list(map(parser.__getitem__, keys))
        except _Bad:
            codes = []
            for i, key in enumerate(keys):
                try:
                    codes.append(parser[key])
                except _Bad as error:
                    fail(
                        i,
                        "agency" if error.column is None else error.column,
                        error.message,
                    )
                    codes.append(0)
        self.report(errors)
        if bad:
            kept = [i for i in range(count) if i not in bad]
            meetings = [meetings[i] for i in kept]
            codes = [codes[i] for i in kept]
            rownums = [rownums[i] for i in kept]
            labels = None if labels is None else [labels[i] for i in kept]
        caseload = self.caseload
        tally = caseload._tally
        increment = _LOADER_INCREMENT
        for meeting, code in zip(meetings, codes, strict=True):
            tally[meeting] += increment[code & 511]
        # An agency twice at one meeting: the police, social work, health and
        # prison service are counted in the tally; named agencies in a set.
        duplicated = [m for m in set(meetings) if tally[m] & _DUPLICATE]
        named = list(
            map(operator.not_, map(operator.and_, codes, itertools.repeat(_CANON_MASK)))
        )
        named_keys = list(
            map(
                operator.or_,
                map(
                    operator.lshift,
                    itertools.compress(meetings, named),
                    itertools.repeat(_AGENCY_BITS),
                ),
                map(
                    operator.rshift,
                    itertools.compress(codes, named),
                    itertools.repeat(_AGENCY_SHIFT),
                ),
            )
        )
        clash = False
        if self.named_pairs is None and meetings:
            if meetings[0] >= self.last_meeting and all(
                map(operator.le, meetings, itertools.islice(meetings, 1, None))
            ):
                # Each meeting's rows together, in order, so far: a named
                # agency can only be listed twice within this chunk, or with
                # the meeting the chunks before ended with (carry: its
                # named agencies, over every chunk it has rows in).
                local = set(named_keys)
                clash = len(local) != len(named_keys) or not local.isdisjoint(
                    self.carry
                )
                last = meetings[-1]
                tail = named_keys[
                    bisect.bisect_left(named_keys, last << _AGENCY_BITS) :
                ]
                if last == self.last_meeting:
                    self.carry.update(tail)
                else:
                    self.carry = set(tail)
                self.last_meeting = last
            else:
                self.named_pairs = self._named_so_far()
        if self.named_pairs is not None:
            before = len(self.named_pairs)
            self.named_pairs.update(named_keys)
            clash = len(self.named_pairs) != before + len(named_keys)
        if duplicated or clash:
            meetings, codes = self._drop_duplicates(
                source, meetings, codes, rownums, labels, duplicated, named_keys
            )
        _extend(caseload._att_meeting, meetings)
        _extend(caseload._att_code, codes)
        self.tick(count)

    def _number_runs(self, ids: Sequence[str]) -> list[int]:
        """Number each run of rows with one meeting id as a new meeting (a
        run may go on from the chunk before); list the runs' ids."""
        runs = self.runs
        assert runs is not None  # only when reading attendance on its own
        changes = list(map(operator.ne, ids, itertools.islice(ids, 1, None)))
        goes_on = bool(runs) and ids[0] == runs[-1]
        meetings = list(itertools.accumulate(changes, initial=len(runs) - goes_on))
        before = len(runs)
        if not goes_on:
            runs.append(ids[0])
        runs += itertools.compress(itertools.islice(ids, 1, None), changes)
        self.caseload._tally.extend(itertools.repeat(0, len(runs) - before))
        return meetings

    def _named_so_far(self) -> set[int]:
        """The named agencies of every meeting in the attendance read so far."""
        caseload = self.caseload
        rows = list(
            map(
                operator.not_,
                map(
                    operator.and_,
                    caseload._att_code,
                    itertools.repeat(_CANON_MASK),
                ),
            )
        )
        return set(
            map(
                operator.or_,
                map(
                    operator.lshift,
                    itertools.compress(caseload._att_meeting, rows),
                    itertools.repeat(_AGENCY_BITS),
                ),
                map(
                    operator.rshift,
                    itertools.compress(caseload._att_code, rows),
                    itertools.repeat(_AGENCY_SHIFT),
                ),
            )
        )

    def _drop_duplicates(
        self,
        source: str,
        meetings: list[int],
        codes: list[int],
        rownums: Sequence[int],
        labels: Sequence[str] | None,
        duplicated: list[int],
        named_keys: list[int],
    ) -> tuple[list[int], list[int]]:
        """Report every row naming an agency already listed for its meeting
        (the first stays), undo its count, and return the rows without them."""
        suspects = set(duplicated)
        suspects.update(key >> _AGENCY_BITS for key in named_keys)
        caseload = self.caseload
        seen = {
            (meeting, agency)
            for meeting, agency in zip(
                caseload._att_meeting,
                map(
                    operator.rshift,
                    caseload._att_code,
                    itertools.repeat(_AGENCY_SHIFT),
                ),
                strict=True,
            )
            if meeting in suspects
        }
        errors: list[tuple[int, int, RecordError]] = []
        dropped: set[int] = set()
        for i, (meeting, code) in enumerate(zip(meetings, codes, strict=True)):
            if meeting not in suspects:
                continue
            key = (meeting, code >> _AGENCY_SHIFT)
            if key not in seen:
                seen.add(key)
                continue
            column = "agency" if labels is None else f"{labels[i]}agency"
            errors.append(
                (
                    rownums[i],
                    ATTENDANCE_COLUMNS.index("agency"),
                    RecordError(
                        "this agency is listed twice for one meeting",
                        source=source,
                        row=rownums[i],
                        column=column,
                    ),
                )
            )
            dropped.add(i)
            caseload._tally[meeting] -= _LOADER_INCREMENT[code & 511]
        self.report(errors)
        kept = [i for i in range(len(meetings)) if i not in dropped]
        return [meetings[i] for i in kept], [codes[i] for i in kept]

    def join_attendance(self, read: _AttendanceRead) -> bool:
        """Take an attendance file read by a second process, if each of its
        runs of rows is a different meeting here and no row was left out;
        whether it was taken (if not, nothing has changed)."""
        ids_text, count, tally, meetings, codes, names, rows = read
        if self.left_out or self.problems:
            return False
        ids = ids_text.split("\n") if count else []
        if len(ids) != count:
            return False
        caseload = self.caseload
        if ids == caseload._ids[:count]:  # the same order as the meetings
            caseload._tally[:count] = tally
        else:
            try:
                numbers = list(map(self.index.__getitem__, ids))
            except KeyError:
                return False
            if not all(
                map(operator.lt, numbers, itertools.islice(numbers, 1, None))
            ) and len(set(numbers)) != len(numbers):
                return False  # a meeting's rows apart: its runs were not compared
            for number, value in zip(numbers, tally, strict=True):
                caseload._tally[number] = value
            meetings = array("i", map(numbers.__getitem__, meetings))
        caseload._att_meeting = meetings
        caseload._att_code = codes
        caseload._agencies = names
        self.tick(rows)
        return True

    def finish(self) -> Caseload:
        caseload = self.caseload
        if len(caseload._agencies) > _MAX_ATTENDANCE - len(Agency):
            worst = Counter(caseload._att_meeting).most_common(1)
            if worst and worst[0][1] > _MAX_ATTENDANCE:
                raise RecordError(
                    f"a meeting has more than {_MAX_ATTENDANCE} attendance rows",
                    rule="attendance",
                )
        self.named_pairs = None
        self.carry = set()
        if self.problems and self.on_error == "collect":
            shown = "; ".join(str(error) for error in self.problems[:10])
            more = len(self.problems) - 10
            raise RecordError(
                f"{len(self.problems)} bad rows: {shown}"
                + (f"; and {more} more" if more > 0 else ""),
                rule="records",
                value=tuple(self.problems),
            )
        caseload.problems = tuple(self.problems)
        return caseload


_BLOCK = 1 << 16  # characters read at a time (about 1,000 meeting rows)


def _csv_chunks(
    stream: IO[str],
    source: str,
    columns: tuple[str, ...],
    loader: _Loader,
    *,
    pairs: bool = False,
) -> Iterator[tuple[Sequence[Sequence[str]], Sequence[int], bool]]:
    """Chunks of rows (in *columns* order) with their row numbers.

    Blocks without quotes are split with ``str.split`` (several times
    faster than the csv module); from the first quote on, the csv module
    reads the rest. With *pairs*, a quote-free block in the standard column
    order, every line with a comma, comes as two columns: the first fields,
    and the rest of each line (flag True).
    """
    try:
        header_line = stream.readline()
        header = next(csv.reader([header_line]), None)
    except csv.Error as error:
        raise RecordError(
            f"not readable as CSV ({error})", source=source, row=1
        ) from None
    if not header:
        raise RecordError(
            "the file is empty: expected a header row", source=source, row=1
        )
    names = [name.strip().lstrip("\ufeff").lower() for name in header]
    for name in names:
        if name not in columns:
            raise RecordError(
                f"unknown column; expected the columns {', '.join(columns)}",
                source=source,
                row=1,
                column=name[:40],
            )
    for name in columns:
        if name not in names:
            raise RecordError("missing column", source=source, row=1, column=name)
    if len(set(names)) != len(names):
        raise RecordError("a column appears twice", source=source, row=1)
    order = [names.index(name) for name in columns]
    canonical = order == list(range(len(columns)))
    reorder = None if canonical else operator.itemgetter(*order)
    width = len(columns)
    row = 2
    reader: Iterator[list[str]] | None = None
    chunk: Sequence[Sequence[str]]
    while True:
        packed = False
        if reader is None:
            text = stream.read(_BLOCK)
            if not text:
                return
            if not text.endswith("\n"):
                text += stream.readline()
            if '"' in text:
                reader = csv.reader(
                    itertools.chain(io.StringIO(text, newline=None), stream)
                )
                continue
            if "\r" in text:
                text = text.replace("\r\n", "\n").replace("\r", "\n")
            lines = text.split("\n")
            if lines[-1] == "":
                lines.pop()
            rownums: Sequence[int] = range(row, row + len(lines))
            row += len(lines)
            if "" in lines:
                kept_lines = [
                    (n, line) for n, line in zip(rownums, lines, strict=False) if line
                ]
                rownums = [n for n, _ in kept_lines]
                lines = [line for _, line in kept_lines]
            if pairs and canonical and lines:
                ids, commas, rests = zip(
                    *map(str.partition, lines, itertools.repeat(",")), strict=True
                )
                packed = "" not in commas  # else a line has one field only
                chunk = [ids, rests]
            if not packed:
                chunk = list(map(str.split, lines, itertools.repeat(",")))
        else:
            try:
                chunk = list(itertools.islice(reader, _CHUNK))
            except csv.Error as error:
                raise RecordError(
                    f"not readable as CSV ({error})", source=source, row=row
                ) from None
            if not chunk:
                return
            rownums = range(row, row + len(chunk))
            row += len(chunk)
            if [] in chunk:
                kept_rows = [
                    (n, fields)
                    for n, fields in zip(rownums, chunk, strict=False)
                    if fields
                ]
                rownums = [n for n, _ in kept_rows]
                chunk = [fields for _, fields in kept_rows]
        if not packed and chunk and set(map(len, chunk)) != {width}:
            loader.report(
                [
                    (
                        number,
                        0,
                        RecordError(
                            f"expected {width} fields, found {len(fields)}",
                            source=source,
                            row=number,
                        ),
                    )
                    for number, fields in zip(rownums, chunk, strict=False)
                    if len(fields) != width
                ]
            )
            kept = [
                (n, fields)
                for n, fields in zip(rownums, chunk, strict=False)
                if len(fields) == width
            ]
            rownums = [n for n, _ in kept]
            chunk = [fields for _, fields in kept]
        if reorder is not None and not packed:
            chunk = [list(reorder(fields)) for fields in chunk]
        yield chunk, rownums, packed


def _resolve_table(area_table: object) -> AreaTable:
    if area_table is None:
        return DEFAULT_AREA_TABLE
    return _check.ensure_instance(area_table, AreaTable, "area_table")


def _ensure_progress(progress: object) -> Callable[[int], None] | None:
    if progress is not None and not callable(progress):
        raise InvalidTypeError("progress must be callable or None", rule="progress")
    return progress


def read_csv(
    meetings: TextSource,
    attendance: TextSource | None = None,
    *,
    on_error: OnError = "raise",
    area_table: AreaTable | None = None,
    progress: Callable[[int], None] | None = None,
    workers: int | None = None,
    rulebook: Rulebook | None = None,
) -> Caseload:
    """Load meetings (and their attendance) from CSV files.

    *meetings* has the columns :data:`MEETING_COLUMNS`, *attendance* the
    columns :data:`ATTENDANCE_COLUMNS` (in any order; both with a header
    row; names ending ``.gz`` are read with gzip). Every value is checked;
    a bad one raises :class:`~mappa.errors.RecordError` naming the file,
    the row (the header is row 1) and the column, and saying what was
    expected. A repeated meeting id, attendance for an unknown meeting, an
    agency listed twice for a meeting and a minute released before its
    meeting are errors too.

    *on_error*: ``"raise"`` stops at the first bad row; ``"collect"``
    reads everything and then raises one ``RecordError`` listing every
    problem (its ``value`` is the tuple of them); ``"skip"`` leaves the bad
    rows out and lists them in :attr:`Caseload.problems`, so nothing is
    dropped silently. *area_table* turns council names into areas;
    *rulebook* says which levels each category allows. *progress*, if
    given, is called with the number of rows read after each chunk.

    *workers*: ``1`` to read in this process only; ``2`` to read an
    attendance file given by name in a second Python process while this
    one reads the meetings; ``None`` (the default) does so for an
    attendance file of 6 MB or more (about 140,000 rows) on a machine with
    two processors or more. The result, and any error, is the same either
    way: if the second process finds any problem in the file, or cannot
    run, this one reads the file itself.
    """
    on_error = _check.ensure_str(on_error, "on_error")  # type: ignore[assignment]  # checked by _Loader
    loader = _Loader(
        on_error,
        _resolve_table(area_table),
        resolve(rulebook),
        _ensure_progress(progress),
    )
    chosen_workers = _workers.ensure_workers(workers)
    with _gc_paused():
        return _read_csv(loader, meetings, attendance, chosen_workers)


def _read_csv(
    loader: _Loader,
    meetings: TextSource,
    attendance: TextSource | None,
    workers: int | None = 1,
) -> Caseload:
    # A large attendance file named by path is read by a second process, if
    # wanted, while this one reads the meetings; its rows are then matched
    # to the meetings here. Anything short of a clean match (a bad row, an
    # unknown meeting) and this process reads the file itself, so errors
    # and results are exactly those of reading it here.
    job = None
    path = os.fspath(attendance) if isinstance(attendance, str | os.PathLike) else None
    if isinstance(path, str) and _workers.wanted(
        workers, _file_size(path), _PARALLEL_BYTES
    ):
        job = _workers.start("attendance", path)
    try:
        stream, name, close = _open_text(meetings, "<meetings>")
        try:
            for chunk, rownums, _ in _csv_chunks(stream, name, MEETING_COLUMNS, loader):
                loader.add_meetings(name, chunk, rownums)
        finally:
            if close:
                stream.close()
        if attendance is not None:
            read = None if job is None else job.result()
            if read is None or not loader.join_attendance(read):
                _read_attendance(loader, attendance)
    finally:
        if job is not None:
            job.cancel()
    return loader.finish()


# An attendance file of at least this many bytes (about 140,000 rows) is
# worth a second process (starting it costs a few tenths of a second).
_PARALLEL_BYTES = 6_000_000


def _file_size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _read_attendance(loader: _Loader, attendance: TextSource) -> None:
    stream, name, close = _open_text(attendance, "<attendance>")
    try:
        for chunk, rownums, packed in _csv_chunks(
            stream, name, ATTENDANCE_COLUMNS, loader, pairs=True
        ):
            loader.add_attendance(name, chunk, rownums, packed=packed)
    finally:
        if close:
            stream.close()


# What a second process returns from an attendance file: the meeting ids of
# its runs of rows (one a line, in order), how many, each run's tally, the
# rows' meeting numbers and packed codes, the agencies, the row count.
_AttendanceRead = tuple[
    str, int, list[int], "array[int]", "array[int]", list["Agency | str"], int
]


def _attendance_task(path: str) -> _AttendanceRead | None:
    """Read an attendance file on its own (in a second process); ``None`` if
    it has any problem, for the first process to find and report."""
    loader = _Loader("raise", DEFAULT_AREA_TABLE, resolve(None), None)
    runs: list[str] = []
    loader.runs = runs
    caseload = loader.caseload
    try:
        with _gc_paused():
            _read_attendance(loader, path)
    except RecordError:
        return None
    ids = "\n".join(runs)
    if ids.count("\n") != max(len(runs) - 1, 0):
        return None  # an id with a line break in it: leave it to the first
    return (
        ids,
        len(runs),
        caseload._tally,
        caseload._att_meeting,
        caseload._att_code,
        caseload._agencies,
        loader.rows,
    )


_JSON_OPTIONAL: dict[str, object] = {
    "liberation_date": None,
    "minutes_released": None,
    "new_level": None,
    "leaves_mappa": False,
}
_JSON_ATTENDANCE_OPTIONAL: dict[str, object] = {
    "at_seniority": False,
    "written_contribution": False,
}
_UNREADABLE = "\x00"


def _json_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, str)):
        return str(value)
    return _UNREADABLE


def read_json(
    source: TextSource,
    *,
    on_error: OnError = "raise",
    area_table: AreaTable | None = None,
    progress: Callable[[int], None] | None = None,
    rulebook: Rulebook | None = None,
) -> Caseload:
    """Load meetings from JSON Lines (one meeting per line) or a JSON array.

    Each meeting is an object with the fields of :data:`MEETING_COLUMNS`
    (``liberation_date``, ``minutes_released``, ``new_level`` may be
    ``null`` or absent; ``leaves_mappa`` defaults to false) and an
    ``attendance`` list of objects with the fields of
    :data:`ATTENDANCE_COLUMNS` except ``meeting_id``. Dates are
    ``"YYYY-MM-DD"`` strings, levels and categories numbers, flags
    ``true``/``false``. Errors name the line (the element's position, for
    an array) and the field; *on_error*, *area_table*, *rulebook* and
    *progress* work as in :func:`read_csv`. JSON Lines is read a line at
    a time; an array is parsed whole, so prefer JSON Lines for big files.
    """
    on_error = _check.ensure_str(on_error, "on_error")  # type: ignore[assignment]  # checked by _Loader
    loader = _Loader(
        on_error,
        _resolve_table(area_table),
        resolve(rulebook),
        _ensure_progress(progress),
    )
    stream, name, close = _open_text(source, "<json>")
    with _gc_paused():
        try:
            items = _json_items(stream, name)
            while True:
                batch = list(itertools.islice(items, _CHUNK))
                if not batch:
                    break
                meeting_rows: list[list[str]] = []
                meeting_numbers: list[int] = []
                attendance_rows: list[list[str]] = []
                attendance_numbers: list[int] = []
                attendance_labels: list[str] = []
                errors: list[tuple[int, int, RecordError]] = []
                for number, item in batch:
                    row = _json_meeting(item, name, number, errors)
                    if row is None:
                        continue
                    meeting_rows.append(row[0])
                    meeting_numbers.append(number)
                    for position, attendance_row in enumerate(row[1]):
                        attendance_rows.append(attendance_row)
                        attendance_numbers.append(number)
                        attendance_labels.append(f"attendance[{position}].")
                loader.report(errors)
                loader.add_meetings(name, meeting_rows, meeting_numbers)
                loader.add_attendance(
                    name, attendance_rows, attendance_numbers, attendance_labels
                )
        finally:
            if close:
                stream.close()
        return loader.finish()


def _json_items(stream: IO[str], source: str) -> Iterator[tuple[int, object]]:
    first = True
    for number, line in enumerate(stream, start=1):
        text = line.strip()
        if not text:
            continue
        if first and text.startswith("["):
            rest = line + stream.read()
            try:
                items = json.loads(rest)
            except ValueError as error:
                raise RecordError(
                    f"not valid JSON ({error.args[0][:60]})", source=source
                ) from None
            if not isinstance(
                items, list
            ):  # pragma: no cover - a '[' text parses to a list
                raise RecordError("expected a JSON array of meetings", source=source)
            yield from enumerate(items, start=1)
            return
        first = False
        try:
            yield number, json.loads(text)
        except ValueError:
            raise RecordError("not valid JSON", source=source, row=number) from None


def _json_meeting(
    item: object, source: str, number: int, errors: list[tuple[int, int, RecordError]]
) -> tuple[list[str], list[list[str]]] | None:
    def fail(message: str, column: str | None = None) -> None:
        errors.append(
            (number, 0, RecordError(message, source=source, row=number, column=column))
        )

    if not isinstance(item, dict):
        fail("expected a JSON object (a meeting)")
        return None
    unknown = [
        key for key in item if key not in MEETING_COLUMNS and key != "attendance"
    ]
    if unknown:
        fail("unknown field", str(unknown[0])[:40])
        return None
    row = []
    for column in MEETING_COLUMNS:
        if column in item:
            row.append(_json_text(item[column]))
        elif column in _JSON_OPTIONAL:
            row.append(_json_text(_JSON_OPTIONAL[column]))
        else:
            fail("missing field", column)
            return None
    attendance = item.get("attendance", [])
    if not isinstance(attendance, list):
        fail("expected a list", "attendance")
        return None
    rows = []
    for position, entry in enumerate(attendance):
        label = f"attendance[{position}]"
        if not isinstance(entry, dict):
            fail("expected a JSON object", label)
            return None
        bad_keys = [key for key in entry if key not in ATTENDANCE_COLUMNS[1:]]
        if bad_keys:
            fail("unknown field", f"{label}.{str(bad_keys[0])[:40]}")
            return None
        fields = [row[0]]
        for column in ATTENDANCE_COLUMNS[1:]:
            if column in entry:
                fields.append(_json_text(entry[column]))
            elif column in _JSON_ATTENDANCE_OPTIONAL:
                fields.append(_json_text(_JSON_ATTENDANCE_OPTIONAL[column]))
            else:
                fail("missing field", f"{label}.{column}")
                return None
        rows.append(fields)
    return row, rows


# -- writing -------------------------------------------------------------------


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _iso(day: _dt.date | None) -> str:
    return "" if day is None else day.isoformat()


def _meeting_row(meeting: Meeting) -> list[str]:
    return [
        meeting.meeting_id,
        meeting.case_ref,
        meeting.area,
        str(int(meeting.category)),
        str(int(meeting.level)),
        meeting.date.isoformat(),
        meeting.kind.value,
        _iso(meeting.liberation_date),
        _iso(meeting.minutes_released),
        _yes(meeting.disclosure_recorded),
        _yes(meeting.leaves_mappa),
        "" if meeting.new_level is None else str(int(meeting.new_level)),
    ]


def _agency_text(agency: Agency | str) -> str:
    return agency.value if isinstance(agency, Agency) else agency


def _attendance_row(meeting_id: str, attendance: Attendance) -> list[str]:
    return [
        meeting_id,
        _agency_text(attendance.agency),
        attendance.role.value,
        _yes(attendance.invited),
        _yes(attendance.attended),
        _yes(attendance.at_seniority),
        _yes(attendance.written_contribution),
    ]


def _ensure_meetings(meetings: object) -> Iterable[Meeting]:
    if isinstance(meetings, str | bytes) or not isinstance(meetings, Iterable):
        raise InvalidTypeError(
            f"meetings must be an iterable of Meeting, not {_check.type_name(meetings)}",
            rule="meetings",
        )
    return meetings


def _check_levels(objects: list[Meeting], book: Rulebook) -> None:
    """Issue 14: every meeting's levels as *book* allows them for its category."""
    permitted = _permitted(book)
    ok = _level_keys(permitted).__contains__
    keys = [
        (
            int(meeting.category),
            int(meeting.level),
            0 if meeting.new_level is None else int(meeting.new_level),
            int(meeting.leaves_mappa),
        )
        for meeting in objects
    ]
    for index, key in enumerate(keys):
        if not ok(key):
            # A Meeting has checked its structure, so a level is at fault.
            column, level = (
                ("level", key[1])
                if key[1] not in permitted[key[0]]
                else ("new_level", key[2])
            )
            raise LevelNotPermitted(
                f"meetings[{index}]: Meeting.{column}: category {key[0]} is not "
                f"managed at level {level}",
                rule=f"levels.category_{key[0]}",
                value=index,
            )


def _checked(meetings: Iterable[Meeting]) -> Iterator[Meeting]:
    for index, meeting in enumerate(meetings):
        if not isinstance(meeting, Meeting):
            raise InvalidTypeError(
                f"meetings[{index}] must be a Meeting, not {_check.type_name(meeting)}",
                rule="meetings",
                value=index,
            )
        yield meeting


def write_csv(
    meetings: Iterable[Meeting], meetings_file: TextSource, attendance_file: TextSource
) -> None:
    """Write *meetings* to a meetings CSV file and an attendance CSV file.

    The columns are :data:`MEETING_COLUMNS` and :data:`ATTENDANCE_COLUMNS`;
    flags are written ``yes``/``no``, dates ``YYYY-MM-DD``, absent dates
    and levels as empty cells. :func:`read_csv` reads them back unchanged.
    """
    checked = _checked(_ensure_meetings(meetings))
    out, _, close_out = _open_text(meetings_file, "<meetings>", "w")
    try:
        att, _, close_att = _open_text(attendance_file, "<attendance>", "w")
        try:
            meeting_writer = csv.writer(out, lineterminator="\n")
            attendance_writer = csv.writer(att, lineterminator="\n")
            meeting_writer.writerow(MEETING_COLUMNS)
            attendance_writer.writerow(ATTENDANCE_COLUMNS)
            for meeting in checked:
                meeting_writer.writerow(_meeting_row(meeting))
                attendance_writer.writerows(
                    _attendance_row(meeting.meeting_id, a) for a in meeting.attendance
                )
        finally:
            if close_att:
                att.close()
    finally:
        if close_out:
            out.close()


def write_jsonl(meetings: Iterable[Meeting], file: TextSource) -> None:
    """Write *meetings* as JSON Lines, one meeting per line with its attendance.

    >>> import datetime as dt, io
    >>> from mappa.framework import Category, Level
    >>> out = io.StringIO()
    >>> write_jsonl([Meeting(meeting_id="M1", case_ref="C1", area="Fife",
    ...     category=Category(1), level=Level(2), date=dt.date(2025, 6, 2),
    ...     kind=MeetingKind.REVIEW)], out)
    >>> out.getvalue()[:60]
    '{"meeting_id": "M1", "case_ref": "C1", "area": "Fife", "cate'
    """
    checked = _checked(_ensure_meetings(meetings))
    out, _, close = _open_text(file, "<json>", "w")
    try:
        for meeting in checked:
            record: dict[str, object] = {
                "meeting_id": meeting.meeting_id,
                "case_ref": meeting.case_ref,
                "area": meeting.area,
                "category": int(meeting.category),
                "level": int(meeting.level),
                "date": meeting.date.isoformat(),
                "kind": meeting.kind.value,
                "liberation_date": None
                if meeting.liberation_date is None
                else meeting.liberation_date.isoformat(),
                "minutes_released": None
                if meeting.minutes_released is None
                else meeting.minutes_released.isoformat(),
                "disclosure_recorded": meeting.disclosure_recorded,
                "leaves_mappa": meeting.leaves_mappa,
                "new_level": None
                if meeting.new_level is None
                else int(meeting.new_level),
                "attendance": [
                    {
                        "agency": _agency_text(a.agency),
                        "role": a.role.value,
                        "invited": a.invited,
                        "attended": a.attended,
                        "at_seniority": a.at_seniority,
                        "written_contribution": a.written_contribution,
                    }
                    for a in meeting.attendance
                ],
            }
            out.write(json.dumps(record) + "\n")
    finally:
        if close:
            out.close()


# -- the sample ------------------------------------------------------------------

SAMPLE_MEETINGS = "sample_meetings.csv.gz"
SAMPLE_ATTENDANCE = "sample_attendance.csv.gz"


def sample_caseload() -> Caseload:
    """The synthetic sample caseload shipped with `mappa`.

    SYNTHETIC: generated at random by ``scripts/make_sample.py``; no real
    person, case or meeting. Two reporting years (2024/25 and 2025/26)
    across all ten MAPPA areas, with realistic late reviews, late minutes
    and missed attendance.
    """
    data = resources.files("mappa") / "data"
    with (
        (data / SAMPLE_MEETINGS).open("rb") as raw_meetings,
        (data / SAMPLE_ATTENDANCE).open("rb") as raw_attendance,
        gzip.open(raw_meetings, "rt", encoding="utf-8", newline="") as meetings,
        gzip.open(raw_attendance, "rt", encoding="utf-8", newline="") as attendance,
    ):
        return _read_named(meetings, attendance, SAMPLE_MEETINGS, SAMPLE_ATTENDANCE)


def _read_named(
    meetings: IO[str], attendance: IO[str], meetings_name: str, attendance_name: str
) -> Caseload:
    loader = _Loader("raise", DEFAULT_AREA_TABLE, resolve(None), None)
    for chunk, rownums, _ in _csv_chunks(
        meetings, meetings_name, MEETING_COLUMNS, loader
    ):
        loader.add_meetings(meetings_name, chunk, rownums)
    for chunk, rownums, packed in _csv_chunks(
        attendance, attendance_name, ATTENDANCE_COLUMNS, loader, pairs=True
    ):
        loader.add_attendance(attendance_name, chunk, rownums, packed=packed)
    return loader.finish()
