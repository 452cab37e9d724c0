"""The columnar store: :class:`Caseload` and its one internal view (package-private).

A caseload keeps its meetings column by column in a :class:`Columns`
view: compact arrays a counting engine reads directly, and the readers
fill. Everything outside this package sees the view only through
:attr:`Caseload.columns`, read-only by convention.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import operator
import struct
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from mappa.chairs import Agency
from mappa.errors import InvalidValueError, RecordError
from mappa.framework import Category, Level
from mappa.records._model import (
    ABSENT,
    ABSENT_WROTE,
    AGENCY_SHIFT,
    ATTENDED,
    BITS,
    DTC,
    DTC_INVITED,
    DTC_MET,
    INVITED,
    MAX_ATTENDANCE,
    POLICE_OR_SOCIAL_WORK,
    RA_INVITED,
    RA_MET,
    SENIOR,
    WRITTEN,
    AgencyRole,
    Attendance,
    Meeting,
    MeetingKind,
    check_levels,
    checked_meetings,
    ensure_meetings,
    meeting_tally,
)
from mappa.rulebook import Rulebook, resolve

__all__ = ["Caseload", "Columns", "extend_column"]

_KINDS = tuple(MeetingKind)
_KIND_INDEX = {kind: index for index, kind in enumerate(_KINDS)}


class Columns:
    """A caseload's columns: one entry per meeting (or per attendance row).

    The one typed view the counting engines read. Dates are ordinals
    (``date.toordinal()``, 0 for none); levels and categories their
    numbers (0 for none); ``kind`` an index into :data:`KINDS`; ``flags``
    :data:`DISCLOSURE` | :data:`LEAVES`; ``case`` and ``area`` indexes
    into ``cases`` and ``areas``; ``tally`` six attendance counters of
    :data:`BITS` bits each, packed (:data:`RA_INVITED` ... :data:`ABSENT_WROTE`).
    Attendance rows: ``att_meeting`` (the meeting's index) and ``att_code``
    (agency index << :data:`AGENCY_SHIFT` | flags :data:`DTC`,
    :data:`INVITED`, :data:`ATTENDED`, :data:`SENIOR`, :data:`WRITTEN`).
    """

    KINDS = _KINDS
    INITIAL = 0
    REVIEW = 1
    RMT = 2
    DISCLOSURE = 1
    LEAVES = 2
    BITS = BITS
    COUNTER_MASK = MAX_ATTENDANCE
    RA_INVITED = RA_INVITED
    RA_MET = RA_MET
    DTC_INVITED = DTC_INVITED
    DTC_MET = DTC_MET
    ABSENT = ABSENT
    ABSENT_WROTE = ABSENT_WROTE
    AGENCY_SHIFT = AGENCY_SHIFT
    DTC = DTC
    INVITED = INVITED
    ATTENDED = ATTENDED
    SENIOR = SENIOR
    WRITTEN = WRITTEN
    POLICE_OR_SOCIAL_WORK = POLICE_OR_SOCIAL_WORK

    __slots__ = (
        "agencies",
        "area",
        "areas",
        "att_code",
        "att_meeting",
        "case",
        "cases",
        "category",
        "day",
        "flags",
        "ids",
        "kind",
        "level",
        "liberation",
        "new_level",
        "released",
        "tally",
    )

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.cases: list[str] = []
        self.case = array("i")
        self.area = array("i")
        self.areas: list[str] = []
        self.category = bytearray()
        self.level = bytearray()
        self.new_level = bytearray()
        self.kind = bytearray()
        self.flags = bytearray()
        self.day = array("i")
        self.liberation = array("i")
        self.released = array("i")
        self.tally: list[int] = []
        self.agencies: list[Agency | str] = []
        self.att_meeting = array("i")
        # Each attendance row as the readers pack it (agency << 9 | canon << 6 | flags).
        self.att_code = array("q")


class Caseload:
    """Meetings held column by column: what the readers return.

    Iterating yields :class:`Meeting` objects (built on demand); ``len()``
    is the number of meetings. :attr:`problems` lists the rows a reader
    left out when asked to (``on_error="skip"``). Build one from meeting
    objects with :meth:`from_meetings`; :func:`mappa.indicators.evaluate`
    accepts either.

    >>> import datetime as dt
    >>> from mappa.records import sample_caseload
    >>> caseload = sample_caseload()
    >>> len(caseload) > 1000, caseload.first_date <= dt.date(2024, 4, 1)
    (True, True)
    """

    __slots__ = ("_columns", "_objects", "problems")

    def __init__(self) -> None:
        self._columns = Columns()
        self._objects: list[Meeting] | None = None
        self.problems: tuple[RecordError, ...] = ()
        """Rows left out by a reader called with ``on_error="skip"``."""

    @property
    def columns(self) -> Columns:
        """The columns themselves: the view the counting engines read (do not change them)."""
        return self._columns

    def __len__(self) -> int:
        return len(self._columns.ids)

    def __repr__(self) -> str:
        return f"<Caseload of {len(self)} meetings>"

    @property
    def first_date(self) -> _dt.date:
        """The date of the earliest meeting (an empty caseload has none: ``InvalidValueError``)."""
        if not self._columns.day:
            raise InvalidValueError("an empty caseload has no dates", rule="Caseload")
        return _dt.date.fromordinal(min(self._columns.day))

    @property
    def last_date(self) -> _dt.date:
        """The date of the latest meeting."""
        if not self._columns.day:
            raise InvalidValueError("an empty caseload has no dates", rule="Caseload")
        return _dt.date.fromordinal(max(self._columns.day))

    @property
    def has_attendance(self) -> bool:
        """Whether any meeting has an attendance record (without any, the
        attendance indicators cannot be counted)."""
        if self._objects is not None:
            return any(meeting.attendance for meeting in self._objects)
        return len(self._columns.att_code) > 0

    @property
    def areas(self) -> tuple[str, ...]:
        """The areas the meetings belong to, sorted."""
        columns = self._columns
        return tuple(sorted(columns.areas[i] for i in set(columns.area)))

    @classmethod
    def from_meetings(
        cls, meetings: Iterable[Meeting], *, rulebook: Rulebook | None = None
    ) -> Caseload:
        """A caseload of *meetings* (``InvalidValueError`` on a repeated meeting id).

        Each meeting's level (and new level) must be one *rulebook* allows
        for its category (:class:`~mappa.errors.LevelNotPermitted` naming
        the meeting's position otherwise), read as at each meeting's date,
        whatever date a rulebook from :meth:`~mappa.rulebook.Rulebook.as_at`
        carries (:class:`~mappa.errors.RuleNotInForce` for a meeting dated
        before its category's levels rule applies). A
        :class:`Caseload` is returned as it is: its reader checked it.
        """
        if isinstance(meetings, Caseload):
            return meetings
        objects = list(ensure_meetings(meetings))
        if not all(type(m) is Meeting for m in objects):
            objects = list(checked_meetings(objects))  # raises at the first that is not
        check_levels(objects, resolve(rulebook))
        self = cls()
        columns = self._columns
        get = operator.attrgetter
        columns.ids = list(map(get("meeting_id"), objects))
        if len(set(columns.ids)) != len(columns.ids):
            seen: set[str] = set()
            for number, meeting_id in enumerate(columns.ids):
                if meeting_id in seen:
                    raise InvalidValueError(
                        f"meetings[{number}] has the id of an earlier meeting: an id appears twice",
                        rule="meeting_id",
                        value=number,
                    )
                seen.add(meeting_id)
        case_index: dict[str, int] = {}
        columns.case = array(
            "i", map(_Interner(case_index).__getitem__, map(get("case_ref"), objects))
        )
        columns.cases = list(case_index)
        area_index: dict[str, int] = {}
        columns.area = array(
            "i", map(_Interner(area_index).__getitem__, map(get("area"), objects))
        )
        columns.areas = list(area_index)
        columns.category = bytearray(map(int, map(get("category"), objects)))
        columns.level = bytearray(map(int, map(get("level"), objects)))
        columns.kind = bytearray(
            map(_KIND_INDEX.__getitem__, map(get("kind"), objects))
        )
        columns.new_level = bytearray(
            map(_optional_level, map(get("new_level"), objects))
        )
        columns.flags = bytearray(
            map(
                operator.or_,
                map(
                    operator.mul,
                    map(get("disclosure_recorded"), objects),
                    itertools.repeat(Columns.DISCLOSURE),
                ),
                map(
                    operator.mul,
                    map(get("leaves_mappa"), objects),
                    itertools.repeat(Columns.LEAVES),
                ),
            )
        )
        columns.day = array("i", map(_dt.date.toordinal, map(get("date"), objects)))
        ordinal = _Ordinals()
        columns.liberation = array(
            "i", map(ordinal.__getitem__, map(get("liberation_date"), objects))
        )
        columns.released = array(
            "i", map(ordinal.__getitem__, map(get("minutes_released"), objects))
        )
        columns.tally = list(map(meeting_tally, objects))
        self._objects = objects
        return self

    def __iter__(self) -> Iterator[Meeting]:
        if self._objects is not None:
            return iter(self._objects)
        return self._build_meetings()

    def _build_meetings(self) -> Iterator[Meeting]:
        columns = self._columns
        by_meeting: dict[int, list[int]] = {}
        for row, meeting in enumerate(columns.att_meeting):
            by_meeting.setdefault(meeting, []).append(row)
        levels = {int(level): level for level in Level}
        categories = {int(category): category for category in Category}
        for index, meeting_id in enumerate(columns.ids):
            flags = columns.flags[index]
            yield Meeting(
                meeting_id=meeting_id,
                case_ref=columns.cases[columns.case[index]],
                area=columns.areas[columns.area[index]],
                category=categories[columns.category[index]],
                level=levels[columns.level[index]],
                date=_dt.date.fromordinal(columns.day[index]),
                kind=_KINDS[columns.kind[index]],
                liberation_date=_from_ordinal(columns.liberation[index]),
                minutes_released=_from_ordinal(columns.released[index]),
                disclosure_recorded=bool(flags & Columns.DISCLOSURE),
                leaves_mappa=bool(flags & Columns.LEAVES),
                new_level=levels.get(columns.new_level[index]),
                attendance=tuple(
                    self._attendance(row) for row in by_meeting.get(index, ())
                ),
            )

    def _attendance(self, row: int) -> Attendance:
        columns = self._columns
        code = columns.att_code[row]
        flags = code & 63
        return Attendance(
            agency=columns.agencies[code >> AGENCY_SHIFT],
            role=AgencyRole.DUTY_TO_COOPERATE
            if flags & DTC
            else AgencyRole.RESPONSIBLE_AUTHORITY,
            invited=bool(flags & INVITED),
            attended=bool(flags & ATTENDED),
            at_seniority=bool(flags & SENIOR),
            written_contribution=bool(flags & WRITTEN),
        )


def extend_column(column: array[int], values: Sequence[int]) -> None:
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
