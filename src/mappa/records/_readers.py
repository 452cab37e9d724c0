"""Reading meetings from CSV and JSON (package-private).

See :mod:`mappa.records` for the public face. Rows are checked and stored
a chunk at a time, column by column, into a :class:`~mappa.records.Caseload`.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import gzip
import io
import itertools
import json
import operator
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from importlib import resources
from typing import IO, Any, Literal, TypeAlias

from mappa import _check
from mappa._gc import gc_paused
from mappa.chairs import Agency
from mappa.errors import InvalidTypeError, InvalidValueError, RecordError
from mappa.framework import DEFAULT_AREA_TABLE, AreaTable, Category, Level
from mappa.records._files import (
    DEFAULT_ENCODING,
    TextSource,
    check_encoding,
    open_text,
)
from mappa.records._model import (
    AGENCY_SHIFT,
    AGENCY_VALUES,
    ALWAYS_RA,
    ATTENDANCE_COLUMNS,
    BITS,
    CASE_REFS,
    DTC,
    INCREMENT,
    MAX_ATTENDANCE,
    MEETING_COLUMNS,
    RA_KPI_AGENCIES,
    REFS,
    AgencyRole,
    LevelTables,
    attendance_code,
    attendance_problem,
    meeting_problem,
    ref_problem,
)
from mappa.records._store import Caseload, Columns, extend_column
from mappa.rulebook import Rulebook, resolve

__all__ = [
    "Checker",
    "OnError",
    "collected",
    "read_csv",
    "read_json",
    "sample_caseload",
]

OnError: TypeAlias = Literal["raise", "collect", "skip"]

# The readers pack an attendance as: agency number << 9 | canonical agency
# (1-4, 0 for a named agency) << 6 | flags. Their increments also count each
# canonical agency at a meeting, ten bits each above the six counters, so an
# agency listed twice shows as a count of 2 or more.
_AGENCY_BITS = 24  # a meeting number is shifted this far to pair it with an agency
_CANON_MASK = 0b111 << 6
_CANON = {agency: slot for slot, agency in enumerate(Agency, start=1)}
_LOADER_INCREMENT = tuple(
    INCREMENT[code & 63] + ((1 << (BITS * (5 + (code >> 6)))) if code >> 6 else 0)
    for code in range(512)
)
_DUPLICATE = sum(
    (MAX_ATTENDANCE & ~1) << (BITS * (5 + slot)) for slot in range(1, len(Agency) + 1)
)


# -- reading -------------------------------------------------------------------


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
    "dtc": DTC,
    "duty to co-operate": DTC,
    "duty_to_cooperate": DTC,
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
        # Every meeting id kept (a repeated one is an error), and each
        # one's number, made only when attendance needs it (see _numbers).
        self.seen: set[str] = set()
        self.numbers: dict[str, int] = {}
        self.cursor = 0  # the meeting the last chunk of attendance ended with
        # Each id on a meetings row left out -> the first such row's number.
        self.left_out: dict[str, int] = {}
        self.ambiguous: set[str] = set()
        self.problems: list[RecordError] = []
        self.progress = progress
        self.rows = 0
        # Which levels each category allows, as at each meeting's date.
        self.levels = LevelTables(book)
        caseload = self.caseload
        case_index: dict[str, int] = {}
        area_index: dict[str, int] = {}
        self.case_index = case_index

        def parse_case(text: str) -> int:
            problem = ref_problem(text, case=True)
            if problem is not None:
                raise _Bad(problem)
            caseload.columns.cases.append(text)
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
                caseload.columns.areas.append(name)
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
            agency: Agency | str = AGENCY_VALUES.get(
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
            problem = attendance_problem(agency, role_member, invited, attended, senior)
            if problem is not None:
                raise _Bad(problem[1], problem[0])
            if agency not in agency_index:
                agency_index[agency] = len(agency_index)
                caseload.columns.agencies.append(agency)
            code = attendance_code(
                agency, role_member, invited, attended, senior, written
            )
            canon = _CANON.get(agency, 0) if isinstance(agency, Agency) else 0
            return agency_index[agency] << AGENCY_SHIFT | canon << 6 | code

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
    ) -> list[int]:
        """Check and store one chunk of meeting rows (columns in MEETING_COLUMNS
        order); each row's meeting number, or -1 if it was left out."""
        count = len(rows)
        if not count:
            return []
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
        if joined.count("\n") != len(ids) or not REFS.fullmatch(joined):
            for i, meeting_id in enumerate(ids):
                problem = ref_problem(meeting_id, case=False)
                if problem is not None:
                    fail(i, "meeting_id", problem)
        category, level, day = parsed["category"], parsed["level"], parsed["date"]
        released, leaves, new_level = (
            parsed["minutes_released"],
            parsed["leaves_mappa"],
            parsed["new_level"],
        )
        levels = self.levels
        suspects: list[int] = []
        # The distinct (category, level, new level, leaves) combinations, and
        # any minute released before its meeting, first; row by row only if
        # something is wrong. With dated levels rules, each combination is
        # checked with the span of its meeting's date.
        if not levels.starts:
            ok = levels.keys[0]
            keys: list[tuple[int, ...]] = list(
                zip(category, level, new_level, leaves, strict=False)
            )
        else:
            ok = levels.dated_keys
            keys = list(
                zip(
                    map(levels.span, day),
                    category,
                    level,
                    new_level,
                    leaves,
                    strict=False,
                )
            )
        if not ok.issuperset(keys):
            suspects += [i for i, key in enumerate(keys) if key not in ok]
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
            broken = meeting_problem(
                category[i],
                level[i],
                day[i],
                released[i],
                bool(leaves[i]),
                new_level[i],
                levels.at(day[i]),
            )
            if broken is not None:  # pragma: no branch - every suspect breaks a rule
                fail(i, broken[0], broken[1])
        seen = self.seen
        start = len(self.caseload.columns.ids)
        kept = [i for i in range(count) if i not in bad] if bad else None
        kept_ids = ids if kept is None else [ids[i] for i in kept]
        before = len(seen)
        seen.update(kept_ids)
        if len(seen) != before + len(kept_ids):
            # A repeated id, of a chunk before or twice in this one: one by
            # one, keeping the first of each. (The ids left out then are in
            # the chunks before, or kept here: seen stays as it is.)
            earlier = self._index()  # the ids of the chunks before
            seen_here: set[str] = set()
            for i in kept if kept is not None else range(count):
                if ids[i] in earlier or ids[i] in seen_here:
                    fail(i, "meeting_id", "this meeting id appears more than once")
                seen_here.add(ids[i])
            kept = [i for i in range(count) if i not in bad]
            kept_ids = [ids[i] for i in kept]
        if bad:
            # An id on a row left out and on a row kept: its attendance
            # (found by id) could belong to either, so it goes to neither.
            left_out = [ids[i] for i in bad]
            self.ambiguous.update(i for i in left_out if i in seen)
            for i in sorted(bad):
                self.left_out.setdefault(ids[i], rownums[i])
        if self.left_out:
            self.ambiguous.update(i for i in kept_ids if i in self.left_out)
        self.report(errors)
        if kept is None:
            stored = list(range(start, start + count))
        else:
            stored = [-1] * count
            for number, i in enumerate(kept, start=start):
                stored[i] = number

        def pick(values: Sequence[Any]) -> Sequence[Any]:
            return values if kept is None else [values[i] for i in kept]

        caseload = self.caseload
        caseload.columns.ids.extend(kept_ids)
        extend_column(caseload.columns.case, pick(parsed["case_ref"]))
        extend_column(caseload.columns.area, pick(parsed["area"]))
        caseload.columns.category.extend(pick(category))
        caseload.columns.level.extend(pick(level))
        caseload.columns.kind.extend(pick(parsed["kind"]))
        caseload.columns.new_level.extend(pick(new_level))
        extend_column(caseload.columns.day, pick(day))
        extend_column(caseload.columns.liberation, pick(parsed["liberation_date"]))
        extend_column(caseload.columns.released, pick(released))
        caseload.columns.flags.extend(
            map(
                operator.or_,
                pick(parsed["disclosure_recorded"]),
                map(operator.mul, pick(leaves), itertools.repeat(Columns.LEAVES)),
            )
        )
        caseload.columns.tally.extend(itertools.repeat(0, len(kept_ids)))
        self.tick(count)
        return stored

    def _add_cases(self, values: Sequence[str]) -> None:
        """Number a chunk's new case references together, after one match
        of them all; if any fails it, the case parser takes them one by one."""
        parser = self.parsers["case_ref"]
        fresh = list(itertools.filterfalse(parser.__contains__, dict.fromkeys(values)))
        if not fresh:
            return
        joined = "\n".join(fresh) + "\n"
        if joined.count("\n") != len(fresh) or not CASE_REFS.fullmatch(joined):
            return
        cases = self.caseload.columns.cases
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
        owners: Sequence[int] | None = None,
    ) -> None:
        """Check and store one chunk of attendance rows (ATTENDANCE_COLUMNS order).

        *packed* rows are two columns: the meeting ids, and the rest of each
        line. *owners*, if given, are the rows' meeting numbers (a JSON
        line's attendance belongs to its own meeting): the ids are not
        looked up.
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

        ambiguous = self.ambiguous
        try:
            if owners is not None:
                meetings = list(owners)
            elif ambiguous and not ambiguous.isdisjoint(ids):
                raise KeyError
            else:
                meetings = self._numbers(ids)
        except KeyError:
            meetings = []
            index = self._index()
            for i, meeting_id in enumerate(ids):
                key = meeting_id.strip()
                found = -1 if key in ambiguous else index.get(key, -1)
                if found < 0:
                    fail(
                        i,
                        "meeting_id",
                        "attendance for a meeting id on more than one meetings row, "
                        "one of them left out because of an error"
                        if key in ambiguous
                        else "attendance for a meeting that was left out because of "
                        f"an error on meetings row {self.left_out[key]}"
                        if key in self.left_out
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
        tally = caseload.columns.tally
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
                    itertools.repeat(AGENCY_SHIFT),
                ),
            )
        )
        clash = False
        if self.named_pairs is None and meetings:
            # (sorted() checks sorted numbers in one quick pass.)
            if meetings[0] >= self.last_meeting and sorted(meetings) == meetings:
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
        extend_column(caseload.columns.att_meeting, meetings)
        extend_column(caseload.columns.att_code, codes)
        self.tick(count)

    def _numbers(self, ids: Sequence[str]) -> list[int]:
        """The meeting number of each id (``KeyError`` if one is unknown).

        Attendance usually lists the meetings in the meetings file's order:
        then a chunk's ids are those of a short stretch of meetings from
        where the chunk before ended, found in a small dict of that stretch
        (several times quicker than a dict of every meeting). Other ids, and
        every id once the attendance has left meeting order, are found in a
        dict of every meeting, made when first needed.
        """
        if self.named_pairs is None:  # the attendance so far in meeting order
            stored = self.caseload.columns.ids
            reach = self.cursor + 2 * len(ids)
            try:
                first = stored.index(ids[0], self.cursor, reach)
                last = stored.index(ids[-1], first, reach)
                stretch = dict(zip(stored[first : last + 1], itertools.count(first)))
                numbers = list(map(stretch.__getitem__, ids))
            except (ValueError, KeyError):
                pass
            else:
                self.cursor = numbers[-1]
                return numbers
        numbers = list(map(self._index().__getitem__, ids))
        self.cursor = numbers[-1]
        return numbers

    def meetings_read(self) -> None:
        """Every meeting is in (a CSV reader's attendance comes after them):
        the set of their ids, for finding repeats, is needed no more."""
        self.seen = set()

    def _index(self) -> dict[str, int]:
        """Every meeting id -> its number (brought up to date when asked)."""
        numbers = self.numbers
        stored = self.caseload.columns.ids
        if len(numbers) < len(stored):
            numbers.update(zip(stored[len(numbers) :], itertools.count(len(numbers))))
        return numbers

    def _named_so_far(self) -> set[int]:
        """The named agencies of every meeting in the attendance read so far."""
        caseload = self.caseload
        rows = list(
            map(
                operator.not_,
                map(
                    operator.and_,
                    caseload.columns.att_code,
                    itertools.repeat(_CANON_MASK),
                ),
            )
        )
        return set(
            map(
                operator.or_,
                map(
                    operator.lshift,
                    itertools.compress(caseload.columns.att_meeting, rows),
                    itertools.repeat(_AGENCY_BITS),
                ),
                map(
                    operator.rshift,
                    itertools.compress(caseload.columns.att_code, rows),
                    itertools.repeat(AGENCY_SHIFT),
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
                caseload.columns.att_meeting,
                map(
                    operator.rshift,
                    caseload.columns.att_code,
                    itertools.repeat(AGENCY_SHIFT),
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
            key = (meeting, code >> AGENCY_SHIFT)
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
            caseload.columns.tally[meeting] -= _LOADER_INCREMENT[code & 511]
        self.report(errors)
        kept = [i for i in range(len(meetings)) if i not in dropped]
        return [meetings[i] for i in kept], [codes[i] for i in kept]

    def finish(self) -> Caseload:
        caseload = self.caseload
        if len(caseload.columns.agencies) > MAX_ATTENDANCE - len(Agency):
            worst = Counter(caseload.columns.att_meeting).most_common(1)
            if worst and worst[0][1] > MAX_ATTENDANCE:
                raise RecordError(
                    f"a meeting has more than {MAX_ATTENDANCE} attendance rows",
                    rule="attendance",
                )
        self.named_pairs = None
        self.carry = set()
        if self.problems and self.on_error == "collect":
            raise collected(self.problems)
        caseload.problems = tuple(self.problems)
        return caseload


_SHOWN = 10  # problems shown in the message of a collected error


def collected(problems: Sequence[RecordError]) -> RecordError:
    """The one error that lists every problem found (``on_error="collect"``):
    its message shows the first few, its ``value`` holds them all."""
    shown = "; ".join(str(error) for error in problems[:_SHOWN])
    more = len(problems) - _SHOWN
    return RecordError(
        f"{len(problems)} bad rows: {shown}"
        + (f"; and {more} more" if more > 0 else ""),
        rule="records",
        value=tuple(problems),
    )


class Checker:
    """The readers' checks, one distinct value at a time, for an engine
    that reads the rows itself (package interface: the DuckDB engine).

    Each check gives the parsed value (as the columns store it) and the
    problem, if any, in the very words the readers use.
    """

    always_ra = ALWAYS_RA
    """The agencies that are always Responsible Authorities (a rule)."""
    ra_kpi_agencies = RA_KPI_AGENCIES
    """The agencies whose attendance the RA indicator counts (a rule)."""

    def __init__(self, area_table: object, rulebook: Rulebook | None) -> None:
        self._loader = _Loader(
            "raise", _resolve_table(area_table), resolve(rulebook), None
        )
        self.levels = self._loader.levels
        """Which levels each category allows, as at each date."""
        self.ok_keys = self.levels.dated_keys
        """(span, category, level, new level or 0, leaves) combinations a
        meeting may have, a meeting's span being ``levels.span`` of its date ordinal."""
        # The words the readers accept, as written (lower case, no spaces
        # around): a value written exactly so needs no other check.
        self.true_words = _TRUE
        self.false_words = _FALSE
        self.kinds = dict(_KIND_NAMES)
        """kind word -> its index (0 initial, 1 review, 2 rmt)."""
        self.roles = dict(_ROLE_NAMES)
        """role word -> 0 for a Responsible Authority, the DTC flag for a DTC agency."""
        self.agency_spellings = dict(AGENCY_VALUES)
        """An agency's name as a file may spell it (lower case, single spaces) -> the Agency."""

    def header_of(self, stream: IO[str], source: str, attendance: bool) -> list[str]:
        """The checked column names of a CSV file's header row."""
        return _header(
            stream, source, ATTENDANCE_COLUMNS if attendance else MEETING_COLUMNS
        )

    def header(self, names: Sequence[str], source: str, attendance: bool) -> list[str]:
        """The checked column names of a file or table (raises as the readers do)."""
        line = ",".join(names)
        stream = io.StringIO(line + "\n")
        columns = ATTENDANCE_COLUMNS if attendance else MEETING_COLUMNS
        if any("," in name or '"' in name or "\n" in name for name in names):
            raise RecordError(
                "unknown column: a column name holds a comma, quote or line break",
                source=source,
                row=1,
            )
        return _header(stream, source, columns)

    def meeting_value(self, column: str, text: str) -> tuple[int, str | None]:
        """(value, None) or (0, problem) for *text* in meetings *column*."""
        try:
            return self._loader.parsers[column][text], None
        except _Bad as error:
            return 0, error.message

    def area_name(self, value: int) -> str:
        """The area name of a parsed ``area`` value."""
        return self._loader.caseload.columns.areas[value]

    def attendance_value(self, key: tuple[str, ...]) -> tuple[int, str | None, str]:
        """(code, None, "") or (0, problem, column) for an attendance row's
        agency, role and four flags."""
        try:
            return self._loader.attendance_parser[key], None, ""
        except _Bad as error:
            return 0, error.message, error.column or "agency"

    def plain_named_agency(self, text: str) -> bool:
        """Whether the readers read *text*, in an attendance row, as the
        name of an agency other than the four, written exactly so."""
        role = next(word for word, bit in self.roles.items() if bit)
        code, problem, _ = self.attendance_value((text, role, "no", "no", "no", "no"))
        return problem is None and self.agency(code) == text

    def agency(self, code: int) -> Agency | str:
        """The agency of a parsed attendance code."""
        return self._loader.caseload.columns.agencies[code >> AGENCY_SHIFT]

    @staticmethod
    def ref_problem(text: str, *, case: bool) -> str | None:
        """What is wrong with a meeting id or case reference, if anything."""
        return ref_problem(text, case=case)

    def meeting_problem(
        self,
        category: int,
        level: int,
        day: int,
        released: int,
        leaves: bool,
        new_level: int,
    ) -> tuple[str, str] | None:
        """(column, problem) of the first cross-field rule a meeting breaks."""
        return meeting_problem(
            category, level, day, released, leaves, new_level, self.levels.at(day)
        )


_BLOCK = 1 << 16  # characters read at a time (about 1,000 meeting rows)


def _split_quoted(line: str) -> tuple[list[str], str | None]:
    """The fields of one line holding quotes (a quoted field may hold commas
    and doubled quotes, never a line break); and a problem, if any."""
    fields: list[str] = []
    i, n = 0, len(line)
    while True:
        if i < n and line[i] == '"':
            parts = []
            i += 1
            while True:
                j = line.find('"', i)
                if j < 0:
                    return fields, (
                        "a quoted value runs past the end of its line (is a "
                        "closing quote missing?)"
                    )
                parts.append(line[i:j])
                if line.startswith('"', j + 1):
                    parts.append('"')
                    i = j + 2
                    continue
                i = j + 1
                break
            fields.append("".join(parts))
            if i == n:
                return fields, None
            if line[i] != ",":
                return fields, "text after the closing quote of a quoted value"
            i += 1
        else:
            j = line.find(",", i)
            if j < 0:
                fields.append(line[i:])
                return fields, None
            fields.append(line[i:j])
            i = j + 1


def _ordinal(number: int) -> str:
    suffix = (
        "th"
        if 10 <= number % 100 <= 20
        else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _header(stream: IO[str], source: str, columns: tuple[str, ...]) -> list[str]:
    """The column names of the header row, checked; never echoed in an error."""
    line = stream.readline().rstrip("\r\n")
    if '"' in line:
        header, problem = _split_quoted(line)
        if problem is not None:
            raise RecordError(f"not readable as CSV: {problem}", source=source, row=1)
    else:
        header = line.split(",") if line else []
    if not header:
        raise RecordError(
            "the file is empty: expected a header row", source=source, row=1
        )
    names = [name.strip().lstrip("\ufeff").lower() for name in header]
    if not any(name in columns for name in names):
        raise RecordError(
            f"no header row: the first row must name the columns {', '.join(columns)}",
            source=source,
            row=1,
        )
    for position, name in enumerate(names, start=1):
        if name not in columns:
            raise RecordError(
                f"unknown column: the header's {_ordinal(position)} column is not one of the "
                f"columns {', '.join(columns)}",
                source=source,
                row=1,
            )
    for name in columns:
        if name not in names:
            raise RecordError("missing column", source=source, row=1, column=name)
    if len(set(names)) != len(names):
        raise RecordError("a column appears twice", source=source, row=1)
    return names


def _csv_chunks(
    stream: IO[str],
    source: str,
    columns: tuple[str, ...],
    loader: _Loader,
    *,
    pairs: bool = False,
) -> Iterator[tuple[Sequence[Sequence[str]], Sequence[int], bool]]:
    """Chunks of rows (in *columns* order) with their row numbers.

    A row is a line: blocks of lines are split with ``str.split`` (several
    times faster than the csv module), and a line holding a quote on its
    own, so a quote left open is that row's problem only. With *pairs*, a
    quote-free block in the standard column order, every line with a
    comma, comes as two columns: the first fields, and the rest of each
    line (flag True).
    """
    names = _header(stream, source, columns)
    order = [names.index(name) for name in columns]
    canonical = order == list(range(len(columns)))
    reorder = None if canonical else operator.itemgetter(*order)
    width = len(columns)
    row = 2
    chunk: Sequence[Sequence[str]]
    while True:
        packed = False
        text = stream.read(_BLOCK)
        if not text:
            return
        if not text.endswith("\n"):
            text += stream.readline()
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
        if '"' in text:
            rows: list[list[str]] = []
            numbers: list[int] = []
            problems: list[tuple[int, int, RecordError]] = []
            for number, line in zip(rownums, lines, strict=True):
                if '"' in line:
                    fields, problem = _split_quoted(line)
                    if problem is not None:
                        problems.append(
                            (
                                number,
                                0,
                                RecordError(
                                    f"not readable as CSV: {problem}",
                                    source=source,
                                    row=number,
                                ),
                            )
                        )
                        continue
                else:
                    fields = line.split(",")
                rows.append(fields)
                numbers.append(number)
            loader.report(problems)
            chunk, rownums = rows, numbers
        elif pairs and canonical and lines:
            ids, commas, rests = zip(
                *map(str.partition, lines, itertools.repeat(",")), strict=True
            )
            packed = "" not in commas  # else a line has one field only
            chunk = (
                [ids, rests]
                if packed
                else list(map(str.split, lines, itertools.repeat(",")))
            )
        else:
            chunk = list(map(str.split, lines, itertools.repeat(",")))
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
        if chunk:
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
    encoding: str = DEFAULT_ENCODING,
    rulebook: Rulebook | None = None,
) -> Caseload:
    """Load meetings (and their attendance) from CSV files.

    *meetings* has the columns :data:`MEETING_COLUMNS`, *attendance* the
    columns :data:`ATTENDANCE_COLUMNS` (in any order; both with a header
    row; gzip files, whatever their names, are decompressed). Every value
    is checked; a bad one raises :class:`~mappa.errors.RecordError` naming
    the file, the row (the header is row 1; a row is a line) and the
    column, and saying what was expected, never the value itself. A
    repeated meeting id, attendance for an unknown meeting, an agency
    listed twice for a meeting and a minute released before its meeting
    are errors too; so is a quoted value that runs past the end of its
    line (no value holds a line break).

    *on_error*: ``"raise"`` stops at the first bad row; ``"collect"``
    reads everything and then raises one ``RecordError`` listing every
    problem (its ``value`` is the tuple of them); ``"skip"`` leaves the bad
    rows out and lists them in :attr:`Caseload.problems`, so nothing is
    dropped silently. *area_table* turns council names into areas;
    *rulebook* says which levels each category allows, read as at each
    meeting's date (a version that starts later never refuses an earlier
    meeting; a meeting dated before a category's levels rule applies is a
    row error in its ``date`` column). *progress*, if
    given, is called with the number of rows read after each chunk.
    *encoding*: UTF-8 (with or without a byte order mark) by default;
    ``"cp1252"`` for a file a spreadsheet exported as "CSV" on Windows.
    A named file must be a regular file (never a pipe or a device); an
    open text stream is read as it is.
    """
    on_error = _check.ensure_str(on_error, "on_error")  # type: ignore[assignment]  # checked by _Loader
    loader = _Loader(
        on_error,
        _resolve_table(area_table),
        resolve(rulebook),
        _ensure_progress(progress),
    )
    chosen = check_encoding(encoding)
    with gc_paused():
        _read_meetings(loader, meetings, chosen)
        if attendance is not None:
            _read_attendance(loader, attendance, chosen)
        return loader.finish()


def _read_meetings(loader: _Loader, meetings: TextSource, encoding: str) -> None:
    stream, name, close = open_text(meetings, "<meetings>", encoding=encoding)
    try:
        for chunk, rownums, _ in _csv_chunks(stream, name, MEETING_COLUMNS, loader):
            loader.add_meetings(name, chunk, rownums)
        loader.meetings_read()
    finally:
        if close:
            stream.close()


def _read_attendance(loader: _Loader, attendance: TextSource, encoding: str) -> None:
    stream, name, close = open_text(attendance, "<attendance>", encoding=encoding)
    try:
        for chunk, rownums, packed in _csv_chunks(
            stream, name, ATTENDANCE_COLUMNS, loader, pairs=True
        ):
            loader.add_attendance(name, chunk, rownums, packed=packed)
    finally:
        if close:
            stream.close()


# JSON fields: the type each must have, and the default of an optional one.
_TEXT, _NUMBER, _FLAG = "a string", "a whole number", "true or false"
_JSON_MEETING_FIELDS: dict[str, tuple[str, bool]] = {
    # field: (type, may be null or absent)
    "meeting_id": (_TEXT, False),
    "case_ref": (_TEXT, False),
    "area": (_TEXT, False),
    "category": (_NUMBER, False),
    "level": (_NUMBER, False),
    "date": (_TEXT, False),
    "kind": (_TEXT, False),
    "liberation_date": (_TEXT, True),
    "minutes_released": (_TEXT, True),
    "disclosure_recorded": (_FLAG, False),
    "leaves_mappa": (_FLAG, True),
    "new_level": (_NUMBER, True),
}
_JSON_ATTENDANCE_FIELDS: dict[str, tuple[str, bool]] = {
    "agency": (_TEXT, False),
    "role": (_TEXT, False),
    "invited": (_FLAG, False),
    "attended": (_FLAG, False),
    "at_seniority": (_FLAG, True),
    "written_contribution": (_FLAG, True),
}


def _json_text(value: object, kind: str) -> str | None:
    """*value* as the text a CSV cell would hold, or None if it is not of
    the JSON type *kind* (``true`` is never a meeting id, ``"2"`` never a
    level)."""
    if value is None:
        return ""
    if kind == _FLAG:
        return ("yes" if value else "no") if isinstance(value, bool) else None
    if kind == _NUMBER:
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value) if -1000 < value < 1000 else "-1"
        return None
    return value if isinstance(value, str) else None


def read_json(
    source: TextSource,
    *,
    on_error: OnError = "raise",
    area_table: AreaTable | None = None,
    progress: Callable[[int], None] | None = None,
    encoding: str = DEFAULT_ENCODING,
    rulebook: Rulebook | None = None,
) -> Caseload:
    """Load meetings from JSON Lines (one meeting per line) or a JSON array.

    Each meeting is an object with the fields of :data:`MEETING_COLUMNS`
    (``liberation_date``, ``minutes_released``, ``new_level`` may be
    ``null`` or absent; ``leaves_mappa`` defaults to false) and an
    ``attendance`` list of objects with the fields of
    :data:`ATTENDANCE_COLUMNS` except ``meeting_id``. Dates are
    ``"YYYY-MM-DD"`` strings, levels and categories numbers, flags
    ``true``/``false``; a value of another JSON type is an error. Errors
    name the line (the element's position, for an array) and the field;
    a meeting's attendance belongs to the meeting on its own line, and is
    left out with it. *on_error*, *area_table*, *rulebook*, *progress* and
    *encoding* work as in :func:`read_csv`. JSON Lines is read a line at
    a time; an array is parsed whole, so prefer JSON Lines for big files.
    """
    on_error = _check.ensure_str(on_error, "on_error")  # type: ignore[assignment]  # checked by _Loader
    loader = _Loader(
        on_error,
        _resolve_table(area_table),
        resolve(rulebook),
        _ensure_progress(progress),
    )
    chosen = check_encoding(encoding)
    stream, name, close = open_text(source, "<json>", encoding=chosen)
    with gc_paused():
        try:
            items = _json_items(stream, name)
            while True:
                batch = list(itertools.islice(items, _CHUNK))
                if not batch:
                    break
                meeting_rows: list[list[str]] = []
                meeting_numbers: list[int] = []
                attendance: list[list[list[str]]] = []
                errors: list[tuple[int, int, RecordError]] = []
                for number, item in batch:
                    row = _json_meeting(item, name, number, errors)
                    if row is None:
                        continue
                    meeting_rows.append(row[0])
                    meeting_numbers.append(number)
                    attendance.append(row[1])
                loader.report(errors)
                stored = loader.add_meetings(name, meeting_rows, meeting_numbers)
                # Each line's attendance goes to that line's meeting, never
                # to another with its id; a line left out takes it along.
                attendance_rows: list[list[str]] = []
                attendance_numbers: list[int] = []
                attendance_labels: list[str] = []
                owners: list[int] = []
                for number, owner, rows in zip(
                    meeting_numbers, stored, attendance, strict=True
                ):
                    if owner < 0:
                        continue
                    for position, attendance_row in enumerate(rows):
                        attendance_rows.append(attendance_row)
                        attendance_numbers.append(number)
                        attendance_labels.append(f"attendance[{position}].")
                        owners.append(owner)
                loader.add_attendance(
                    name,
                    attendance_rows,
                    attendance_numbers,
                    attendance_labels,
                    owners=owners,
                )
        finally:
            if close:
                stream.close()
        return loader.finish()


def _json_loads(text: str, source: str, row: int | None) -> object:
    """Parse *text*; a RecordError (never the text) if it is not JSON."""
    failure = None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        where = f" at line {error.lineno}, column {error.colno}" if row is None else ""
        failure = RecordError(
            f"not valid JSON ({error.msg}{where})", source=source, row=row
        )
    except RecursionError:
        failure = RecordError(
            "not readable: JSON nested too deeply", source=source, row=row
        )
    except ValueError:  # a number too long to convert
        failure = RecordError(
            "not valid JSON (a number with too many digits)", source=source, row=row
        )
    raise failure


def _json_items(stream: IO[str], source: str) -> Iterator[tuple[int, object]]:
    first = True
    for number, line in enumerate(stream, start=1):
        text = line.strip()
        if not text:
            continue
        if first and text.startswith("["):
            items = _json_loads(line + stream.read(), source, None)
            if not isinstance(items, list):
                raise RecordError("expected a JSON array of meetings", source=source)
            yield from enumerate(items, start=1)
            return
        first = False
        yield number, _json_loads(text, source, number)


def _json_fields(
    item: dict[Any, Any],
    fields: dict[str, tuple[str, bool]],
    label: str,
    fail: Callable[[str, str | None], None],
) -> list[str] | None:
    """The CSV cells of a JSON object's *fields*, or None (after *fail*)."""
    extra = sum(1 for key in item if key not in fields and key != "attendance")
    if extra:
        fail(
            f"{extra} unknown field{'s' if extra > 1 else ''}; expected only "
            + ", ".join(fields),
            label.rstrip(".") or None,
        )
        return None
    cells = []
    for field, (kind, optional) in fields.items():
        if field not in item:
            if not optional:
                fail("missing field", f"{label}{field}")
                return None
            cells.append("no" if kind == _FLAG else "")
            continue
        value = item[field]
        if value is None and not optional:
            fail(f"expected {kind}, not null", f"{label}{field}")
            return None
        text = _json_text(value, kind)
        if text is None:
            fail(f"expected {kind}", f"{label}{field}")
            return None
        cells.append(text)
    return cells


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
    row = _json_fields(item, _JSON_MEETING_FIELDS, "", fail)
    if row is None:
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
        if "attendance" in entry:
            fail(
                "1 unknown field; expected only " + ", ".join(_JSON_ATTENDANCE_FIELDS),
                label,
            )
            return None
        fields = _json_fields(entry, _JSON_ATTENDANCE_FIELDS, f"{label}.", fail)
        if fields is None:
            return None
        rows.append([row[0], *fields])
    return row, rows


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
    loader.meetings_read()
    for chunk, rownums, packed in _csv_chunks(
        attendance, attendance_name, ATTENDANCE_COLUMNS, loader, pairs=True
    ):
        loader.add_attendance(attendance_name, chunk, rownums, packed=packed)
    return loader.finish()
