"""The record types, their attendance codes and the writers (package-private).

See :mod:`mappa.records` for the public face.
"""

from __future__ import annotations

import bisect
import csv
import datetime as _dt
import enum
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from mappa import _check
from mappa.chairs import Agency
from mappa.errors import (
    InvalidTypeError,
    InvalidValueError,
    LevelNotPermitted,
    RuleNotInForce,
)
from mappa.framework import Category, Level
from mappa.records._files import TextSource, open_text
from mappa.rulebook import DEFAULT_RULEBOOK, Rulebook

__all__ = [
    "ABSENT",
    "ABSENT_WROTE",
    "AGENCY_SHIFT",
    "ALWAYS_RA",
    "AGENCY_VALUES",
    "ATTENDANCE_COLUMNS",
    "ATTENDED",
    "AgencyRole",
    "Attendance",
    "BITS",
    "CASE_REFS",
    "DTC",
    "DTC_INVITED",
    "DTC_MET",
    "INCREMENT",
    "INVITED",
    "LevelTables",
    "MAX_ATTENDANCE",
    "MEETING_COLUMNS",
    "Meeting",
    "MeetingKind",
    "POLICE_OR_SOCIAL_WORK",
    "RA_INVITED",
    "RA_KPI_AGENCIES",
    "RA_MET",
    "REFS",
    "SENIOR",
    "WRITTEN",
    "agency_text",
    "attendance_code",
    "attendance_problem",
    "check_levels",
    "checked_meetings",
    "ensure_meetings",
    "level_keys",
    "meeting_problem",
    "meeting_tally",
    "permitted_levels_table",
    "ref_problem",
    "write_csv",
    "write_jsonl",
]

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
AGENCY_VALUES = {
    spelling: agency
    for agency in Agency
    for spelling in (agency.value, agency.value.replace(" ", "_"), agency.name.lower())
}

# -- per-attendance codes ------------------------------------------------------
# An attendance's flags in one small int: what the indicators count.
DTC = 1
INVITED = 2
ATTENDED = 4
SENIOR = 8
WRITTEN = 16
POLICE_OR_SOCIAL_WORK = 32

# Each meeting's attendance is summed into six counters packed in one int,
# ten bits each (a meeting may have at most MAX_ATTENDANCE rows).
BITS = 10
MAX_ATTENDANCE = (1 << BITS) - 1
RA_INVITED, RA_MET, DTC_INVITED, DTC_MET, ABSENT, ABSENT_WROTE = range(6)


def _increment(code: int) -> int:
    counters = []
    invited = bool(code & INVITED)
    attended = bool(code & ATTENDED)
    met = attended and bool(code & SENIOR)
    if code & POLICE_OR_SOCIAL_WORK and not code & DTC and invited:
        counters.append(RA_INVITED)
        if met:
            counters.append(RA_MET)
    if code & DTC and invited:
        counters.append(DTC_INVITED)
        if met:
            counters.append(DTC_MET)
    if invited and not attended:
        counters.append(ABSENT)
        if code & WRITTEN:
            counters.append(ABSENT_WROTE)
    return sum(1 << (BITS * counter) for counter in counters)


INCREMENT = tuple(_increment(code) for code in range(64))

# The readers pack an attendance as: agency number << 9 | canonical agency
# (1-4, 0 for a named agency) << 6 | flags.
AGENCY_SHIFT = 9


def attendance_code(
    agency: Agency | str,
    role: AgencyRole,
    invited: bool,
    attended: bool,
    at_seniority: bool,
    written: bool,
) -> int:
    return (
        (DTC if role is AgencyRole.DUTY_TO_COOPERATE else 0)
        | (INVITED if invited else 0)
        | (ATTENDED if attended else 0)
        | (SENIOR if at_seniority else 0)
        | (WRITTEN if written else 0)
        | (POLICE_OR_SOCIAL_WORK if agency in RA_KPI_AGENCIES else 0)
    )


# Which agencies are always Responsible Authorities, and whose
# attendance the RA indicator counts, are rules, read here from the
# default rulebook as it stands today: an attendance's code is packed
# once, when it is read, whatever rulebook counts it later. A caller's
# rulebook that changes either rule (or a dated version of it) does not
# change the structure check or the RA indicator's count.
ALWAYS_RA = frozenset(
    Agency[name] for name in DEFAULT_RULEBOOK.texts("framework.responsible_authorities")
)
RA_KPI_AGENCIES = frozenset(
    Agency[name] for name in DEFAULT_RULEBOOK.texts("kpi.ra_attendance.agencies")
)


def attendance_problem(
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
    if role is AgencyRole.DUTY_TO_COOPERATE and agency in ALWAYS_RA:
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
    if " ".join(value.lower().split()) in AGENCY_VALUES:
        raise InvalidValueError(
            f"Attendance.agency: use Agency.{AGENCY_VALUES[' '.join(value.lower().split())].name}, "
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

    >>> from mappa.chairs import Agency
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
        problem = attendance_problem(
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
            attendance_code(
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
REFS = re.compile(r"(?:[A-Za-z0-9][A-Za-z0-9_./:#-]{0,63}\n)*")  # one a line
_DIGIT = re.compile(r"[0-9]")
# Case references, one a line, each with a digit.
CASE_REFS = re.compile(r"(?:(?=[^\n]*[0-9])[A-Za-z0-9][A-Za-z0-9_./:#-]{0,63}\n)*")


def ref_problem(value: str, *, case: bool) -> str | None:
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
    problem = ref_problem(
        _check.ensure_str(value, name), case=attribute.name == "case_ref"
    )
    if problem is not None:
        raise InvalidValueError(f"{name}: {problem}", rule=name)


def meeting_problem(
    category: int,
    level: int,
    day: int,
    released: int,
    leaves: bool,
    new_level: int,
    permitted: dict[int, frozenset[int]],
) -> tuple[str, str] | None:
    """(column, message) of the first cross-field rule a meeting breaks, if any.

    *permitted* is the levels table in force on the meeting's date
    (:meth:`LevelTables.at`); a category missing from it has no levels
    rule in force on that date.
    """
    allowed = permitted.get(category)
    if allowed is None:
        return (
            "date",
            f"rule 'levels.category_{category}' is not in force on the meeting's date",
        )
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


def permitted_levels_table(book: Rulebook) -> dict[int, frozenset[int]]:
    """category -> the levels *book* allows it, as at *book*'s date; a
    category whose levels rule is not in force then is left out."""
    from mappa.framework import permitted_levels

    table = {}
    for category in Category:
        try:
            levels = permitted_levels(category, rulebook=book)
        except RuleNotInForce:
            continue
        table[int(category)] = frozenset(int(level) for level in levels)
    return table


_LEVEL_RULES = tuple(f"levels.category_{int(category)}" for category in Category)


class LevelTables:
    """Which levels each category allows, as at each date (package-private).

    The rules ``levels.category_*`` change only where one of their
    versions starts, so the dates split into spans, each with one table:
    span 0 before the first start, span *k* from the *k*-th start. With no
    dated version (the usual case) there is one span, read from *book* as
    it is. A meeting is checked against the table of its date's span.
    """

    def __init__(self, book: Rulebook) -> None:
        starts = sorted(
            {
                version.applies_from
                for name in _LEVEL_RULES
                for version in book.rule(name).versions
                if version.applies_from is not None
            }
        )
        self.starts: tuple[int, ...] = tuple(day.toordinal() for day in starts)
        """The first day (ordinal) of each span after span 0."""
        self.tables: tuple[dict[int, frozenset[int]], ...]
        """Each span's table: category -> the levels it allows."""
        if not starts:
            self.tables = (permitted_levels_table(book),)
        else:
            # Span 0 is read the day before the first start (none, if the
            # first start is the first date there is: no date falls in it).
            first = starts[0]
            before = (
                permitted_levels_table(book.as_at(first - _dt.timedelta(days=1)))
                if first > _dt.date.min
                else {}
            )
            self.tables = (
                before,
                *(permitted_levels_table(book.as_at(day)) for day in starts),
            )
        self.keys: tuple[frozenset[tuple[int, ...]], ...] = tuple(
            frozenset(level_keys(table)) for table in self.tables
        )
        """Each span's allowed (category, level, new level or 0, leaves)."""
        self.dated_keys: frozenset[tuple[int, ...]] = frozenset(
            (span, *key) for span, keys in enumerate(self.keys) for key in keys
        )
        """Every allowed (span, category, level, new level or 0, leaves)."""

    def span(self, day: int) -> int:
        """The span of the date with ordinal *day*."""
        return bisect.bisect_right(self.starts, day)

    def at(self, day: int) -> dict[int, frozenset[int]]:
        """The levels table in force on the date with ordinal *day*."""
        return self.tables[bisect.bisect_right(self.starts, day)]


# A Meeting checks its structure only, every category at every
# level; which levels a category allows is the rulebook's, applied by the
# readers and Caseload.from_meetings.
_ANY_LEVEL = {int(category): frozenset(map(int, Level)) for category in Category}


def level_keys(permitted: dict[int, frozenset[int]]) -> set[tuple[int, int, int, int]]:
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
    increment = INCREMENT
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
        problem = meeting_problem(
            int(self.category),
            int(self.level),
            self.date.toordinal(),
            0 if self.minutes_released is None else self.minutes_released.toordinal(),
            self.leaves_mappa,
            0 if self.new_level is None else int(self.new_level),
            _ANY_LEVEL,  # structure only: the rulebook's levels are checked by readers
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
        if len(agencies) > MAX_ATTENDANCE:
            raise InvalidValueError(
                f"Meeting.attendance has more than {MAX_ATTENDANCE} agencies",
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


def meeting_tally(meeting: Meeting) -> int:
    """The six attendance counters of *meeting*, packed (see :data:`INCREMENT`)."""
    return meeting._tally


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


def agency_text(agency: Agency | str) -> str:
    return agency.value if isinstance(agency, Agency) else agency


def _attendance_row(meeting_id: str, attendance: Attendance) -> list[str]:
    return [
        meeting_id,
        agency_text(attendance.agency),
        attendance.role.value,
        _yes(attendance.invited),
        _yes(attendance.attended),
        _yes(attendance.at_seniority),
        _yes(attendance.written_contribution),
    ]


def ensure_meetings(meetings: object) -> Iterable[Meeting]:
    if isinstance(meetings, str | bytes) or not isinstance(meetings, Iterable):
        raise InvalidTypeError(
            f"meetings must be an iterable of Meeting, not {_check.type_name(meetings)}",
            rule="meetings",
        )
    return meetings


def check_levels(objects: list[Meeting], book: Rulebook) -> None:
    """Every meeting's levels as *book* allows them for its category, as
    at each meeting's date."""
    levels = LevelTables(book)
    keys = [
        (
            int(meeting.category),
            int(meeting.level),
            0 if meeting.new_level is None else int(meeting.new_level),
            int(meeting.leaves_mappa),
        )
        for meeting in objects
    ]
    if levels.starts:
        days = [meeting.date.toordinal() for meeting in objects]
        spans = list(map(levels.span, days))
        ok = levels.dated_keys.__contains__
        bad = [
            index
            for index, (span, key) in enumerate(zip(spans, keys, strict=True))
            if not ok((span, *key))
        ]
    else:
        allowed = levels.keys[0].__contains__
        bad = [index for index, key in enumerate(keys) if not allowed(key)]
    if bad:
        index = bad[0]
        key = keys[index]
        permitted = levels.at(objects[index].date.toordinal())
        if key[0] not in permitted:
            raise RuleNotInForce(
                f"meetings[{index}]: Meeting.date: rule 'levels.category_{key[0]}' "
                "is not in force on the meeting's date",
                rule=f"levels.category_{key[0]}",
                value=index,
            )
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


def checked_meetings(meetings: Iterable[Meeting]) -> Iterator[Meeting]:
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
    checked = checked_meetings(ensure_meetings(meetings))
    out, _, close_out = open_text(meetings_file, "<meetings>", "w")
    try:
        att, _, close_att = open_text(attendance_file, "<attendance>", "w")
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
    checked = checked_meetings(ensure_meetings(meetings))
    out, _, close = open_text(file, "<json>", "w")
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
                        "agency": agency_text(a.agency),
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
