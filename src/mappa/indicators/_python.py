"""The pure-Python counting engine: the reference (package-private).

Counts the eight indicators over a caseload's columns
(:attr:`mappa.records.Caseload.columns`), as :mod:`mappa.indicators`
defines them. Each meeting of the period is reduced to a small key and
the keys are counted; deadlines are computed once per distinct date.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import operator
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from mappa.calendar import WorkingCalendar
from mappa.framework import Level
from mappa.indicators._definitions import Counts, Indicator
from mappa.records import Columns
from mappa.reviews import initial_mappp_due, review_interval
from mappa.rulebook import Rulebook
from mappa.years import Quarter, ReportingYear

__all__ = ["count"]

_STEP = 4096  # meetings counted at a time
_DAY_BITS = 22  # date ordinals fit in 22 bits up to the year 9999
_ID_BITS = 32  # a missed interval is listed as group << _ID_BITS | meeting

_ReviewColumns = tuple[Any, Any, Any, Any, Any]
"""(day, level, new level, flags, case): one entry per meeting."""


def _after(code: int) -> int:
    """The level after a meeting from level | new level << 2 | leaving << 4."""
    level, new_level, leaving = code & 3, (code >> 2) & 3, code >> 4
    after = new_level or level
    return after if after >= 2 and not leaving else 0


_AFTER = bytes(_after(code) for code in range(32)) + bytes(224)
_SHIFT_2 = bytes((value << 2) & 255 for value in range(256))


def _leaving_table(leaves: int) -> bytes:
    """Flags (a byte) -> 16 if the *leaves* bit is set, else 0."""
    return bytes(16 if value & leaves else 0 for value in range(256))


def _or_bytes(*parts: bytes | bytearray) -> bytes:
    """The bitwise or of equal-length byte strings, byte by byte."""
    total = 0
    for part in parts:
        total |= int.from_bytes(part, "little")
    return total.to_bytes(len(parts[0]), "little")


def _count_intervals(
    columns: _ReviewColumns,
    start: int,
    end: int,
    earliest: int,
    group: Sequence[int],
    due: Mapping[tuple[int, int], int],
    leaves: int,
    relabel: Callable[[int, int, int], int] | None = None,
    as_at: int | None = None,
) -> tuple[dict[int, int], dict[int, list[int]]]:
    """Count the review intervals due from *start* to *end* (date ordinals).

    An interval not met whose due day comes after *as_at* (the data's last
    day, if before *end*) is not counted: the data cannot say it was missed.

    *due* maps (level after, meeting day) to the day the next review is due,
    for every day from *earliest* (the first meeting day whose interval can
    fall due in the period) to *end*, and (0, day) to 0. *leaves* is the
    flag bit of a case leaving MAPPA. *group* is each meeting's group
    number; *relabel*, when grouped by level, gives the group of a
    meeting's interval from (meeting, its group, level after).

    Returns the counts keyed by ``group << 3 | level after << 1 | met``, and
    the missed intervals (as ``group << _ID_BITS | meeting``) by level.
    """
    day, level, new_level, flags, case = columns
    review_keys: Counter[int] = Counter()
    failed_at: dict[int, list[int]] = {3: [], 2: []}
    n = len(day)
    repeat = itertools.repeat
    compress = itertools.compress
    in_window = range(earliest, end + 1).__contains__
    in_period = range(start, end + 1).__contains__
    # Only meetings from the earliest that can start an interval due in the
    # period up to its end matter: a later next meeting is a miss, like none.
    # Each is keyed by case << _DAY_BITS | date, to put them in case and
    # date order (extracts often come sorted already: then there is
    # nothing to do; a stable sort keeps one day's meetings in input order).
    inside = list(map(in_window, day))
    window = list(compress(range(n), inside))
    if not window:
        return review_keys, failed_at
    order = list(
        map(
            operator.or_,
            map(operator.lshift, compress(case, inside), repeat(_DAY_BITS)),
            compress(day, inside),
        )
    )
    # The level after each meeting if it starts an interval (level 2 or 3
    # after it, not leaving MAPPA), else 0: a byte each, from a table of
    # level | new level << 2 | leaving << 4.
    code = _or_bytes(
        bytes(compress(level, inside)),
        bytes(compress(new_level, inside)).translate(_SHIFT_2),
        bytes(compress(flags, inside)).translate(_leaving_table(leaves)),
    )
    afters = code.translate(_AFTER)
    if not all(map(operator.le, order, itertools.islice(order, 1, None))):
        ranked = sorted(range(len(order)), key=order.__getitem__)
        window = list(map(window.__getitem__, ranked))
        order = list(map(order.__getitem__, ranked))
        afters = bytes(map(afters.__getitem__, ranked))
    day_mask = (1 << _DAY_BITS) - 1
    for lo in range(0, len(order), _STEP):
        chunk = order[lo : lo + _STEP + 1]  # and the next meeting, if any
        # The case, the day, and the day of the next meeting of the same
        # case (0 if none).
        case_of = list(map(operator.rshift, chunk, repeat(_DAY_BITS)))
        days = list(map(operator.and_, chunk, repeat(day_mask)))
        same_case = map(operator.eq, case_of, itertools.islice(case_of, 1, None))
        following = list(map(operator.mul, itertools.islice(days, 1, None), same_case))
        if len(chunk) > _STEP:
            del days[-1]
        else:
            following.append(0)
        meetings = window[lo : lo + _STEP]
        after = afters[lo : lo + _STEP]
        dues = list(map(due.__getitem__, zip(after, days, strict=True)))
        # Intervals due in the period, from the last of the case's meetings
        # that day.
        counted = list(
            map(operator.and_, map(operator.ne, following, days), map(in_period, dues))
        )
        meetings = list(compress(meetings, counted))
        if not meetings:
            continue
        following = list(compress(following, counted))
        after = bytes(compress(after, counted))
        dues = list(compress(dues, counted))
        # Met if the next meeting was held by the due date.
        met = list(
            map(
                operator.and_,
                map(operator.lt, repeat(0), following),
                map(operator.le, following, dues),
            )
        )
        if as_at is not None and as_at < end:
            # Not met and due after the data ends: not known to be missed.
            known = list(map(operator.or_, met, map(operator.le, dues, repeat(as_at))))
            if not all(known):
                meetings = list(compress(meetings, known))
                if not meetings:
                    continue
                following = list(compress(following, known))
                after = bytes(compress(after, known))
                dues = list(compress(dues, known))
                met = list(compress(met, known))
        groups = list(map(group.__getitem__, meetings))
        if relabel is not None:
            groups = list(map(relabel, meetings, groups, after))
        # Count by (group, level after, met); list the missed by level.
        review_keys.update(
            map(
                operator.or_,
                map(operator.lshift, groups, repeat(3)),
                map(operator.or_, map(operator.lshift, after, repeat(1)), met),
            )
        )
        missed = list(map(operator.not_, met))
        tagged = map(
            operator.or_, map(operator.lshift, groups, repeat(_ID_BITS)), meetings
        )
        if 2 in after:
            is3 = list(map(operator.eq, after, repeat(3)))
            tagged_list = list(compress(tagged, missed))
            missed_is3 = list(compress(is3, missed))
            failed_at[3] += compress(tagged_list, missed_is3)
            failed_at[2] += compress(tagged_list, map(operator.not_, missed_is3))
        else:
            failed_at[3] += compress(tagged, missed)
    return review_keys, failed_at


class _Due(dict[int, int]):
    """date ordinal -> deadline ordinal, computed once per distinct date."""

    def __init__(self, compute: Any) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, ordinal: int) -> int:
        value: int = self._compute(_dt.date.fromordinal(ordinal)).toordinal()
        self[ordinal] = value
        return value


def count(
    columns: Columns,
    period: ReportingYear | Quarter,
    fields: tuple[str, ...],
    cal: WorkingCalendar,
    book: Rulebook,
    as_at: _dt.date | None = None,
) -> Counts:
    """Every indicator over *columns* for *period*, grouped by *fields*, as
    at *as_at* (the period's end by default; the data's last day if earlier):
    an item whose deadline falls after it and that is still open is not
    counted."""
    start = period.start.toordinal()
    end = period.end.toordinal()
    known = end if as_at is None else min(end, as_at.toordinal())
    group, keys = _group_keys(columns, fields)
    ngroups = len(keys)
    level_position = fields.index("level") if "level" in fields else -1
    acc, failed = _count_meetings(columns, start, end, group, ngroups, cal, book, known)
    extra_keys: dict[tuple[str, ...], int] = {}
    _count_reviews(
        columns,
        start,
        end,
        group,
        keys,
        acc,
        extra_keys,
        level_position,
        book,
        failed,
        known,
    )
    everywhere = {
        indicator: _share_out(acc[indicator], tagged_failures)
        for indicator, tagged_failures in failed.items()
    }
    ids = columns.ids.__getitem__
    all_keys = keys + sorted(extra_keys, key=extra_keys.__getitem__)
    result: Counts = {}
    for indicator, cells in acc.items():
        per_group: dict[tuple[str, ...], tuple[int, int, tuple[str, ...]]] = {}
        numerator = denominator = 0
        for number, (met, counted, failures) in enumerate(cells):
            numerator += met
            denominator += counted
            if fields:
                per_group[all_keys[number]] = (met, counted, tuple(map(ids, failures)))
        per_group[()] = (
            numerator,
            denominator,
            tuple(map(ids, everywhere[indicator])),
        )
        result[indicator] = per_group
    return result


def _group_keys(
    columns: Columns, fields: tuple[str, ...]
) -> tuple[list[int], list[tuple[str, ...]]]:
    """Each meeting's group number, and the groups' keys."""
    chosen: list[Any] = []
    for field in fields:
        if field == "area":
            chosen.append(columns.area)
        elif field == "category":
            chosen.append(columns.category)
        else:
            chosen.append(columns.level)
    if not fields:
        return [0] * len(columns.ids), [()]
    numbers: dict[Any, int] = {}
    if len(fields) == 1:
        group = list(map(_Numberer(numbers).__getitem__, chosen[0]))
    else:
        group = list(map(_Numberer(numbers).__getitem__, zip(*chosen, strict=False)))
    area_names = columns.areas

    def label(field: str, value: int) -> str:
        return area_names[value] if field == "area" else str(value)

    keys: list[tuple[str, ...]] = [()] * len(numbers)
    for raw_key, number in numbers.items():
        parts = raw_key if isinstance(raw_key, tuple) else (raw_key,)
        keys[number] = tuple(label(f, v) for f, v in zip(fields, parts, strict=True))
    return group, keys


class _Numberer(dict[Any, int]):
    def __init__(self, target: dict[Any, int]) -> None:
        super().__init__()
        self._target = target

    def __missing__(self, key: Any) -> int:
        value = self._target.setdefault(key, len(self._target))
        self[key] = value
        return value


def _count_meetings(
    columns: Columns,
    start: int,
    end: int,
    group: list[int],
    ngroups: int,
    cal: WorkingCalendar,
    book: Rulebook,
    as_at: int,
) -> tuple[dict[Indicator, list[list[Any]]], dict[Indicator, list[int]]]:
    """Every indicator but the reviews: the (numerator, denominator, failed)
    cells per group, and the failed meetings tagged with their group."""

    def fresh() -> list[list[Any]]:
        return [[0, 0, []] for _ in range(ngroups)]

    acc = {indicator: fresh() for indicator in Indicator}

    day = columns.day
    level = columns.level
    kind = columns.kind
    flags = columns.flags
    tally = columns.tally
    released = columns.released
    liberation = columns.liberation

    final_days = book.integer("minutes.final")
    counted_levels = _levels_table(book)  # rule kpi.levels
    minutes_due = _Due(lambda d: cal.add_working_days(d, final_days))
    pre_release_due = _Due(lambda d: initial_mappp_due(d, rulebook=book).due)

    # Counted a chunk of meetings at a time (small chunks keep their values
    # in the processor's cache). Each meeting of the period is reduced to
    # one key, (group, attendance tally, kind and flags, minutes status), and
    # the keys are counted (each distinct key is numbered, and the numbers
    # counted): every indicator's numerator and denominator then come from
    # the distinct keys' counts. The failed meetings are listed, as (group
    # << _ID_BITS | meeting), only for the keys that fail something, and
    # shared out to the groups at the end.
    keys = _Keys()
    number_of = keys.__getitem__
    fail_mask = keys.masks.__getitem__
    counts: Counter[int] = Counter()
    minutes_status = _MinutesStatus(minutes_due, end, as_at)
    failed: dict[Indicator, list[int]] = {indicator: [] for indicator in Indicator}
    pre_release = acc[Indicator.PRE_RELEASE_MAPPP]
    late = failed[Indicator.PRE_RELEASE_MAPPP]
    repeat = itertools.repeat
    compress = itertools.compress
    in_period = range(start, end + 1).__contains__
    ids = repeat(_ID_BITS)
    for lo in range(0, len(day), _STEP):
        hi = lo + _STEP
        days = day[lo:hi]
        # Meetings at level 2 or 3 in the period (each column's values for
        # them picked by this mask), and their kind | flags << 2, a byte each.
        inside = list(
            map(
                operator.and_,
                level[lo:hi].translate(counted_levels),
                map(in_period, days),
            )
        )
        members = list(compress(range(lo, lo + len(days)), inside))
        if not members:
            continue
        groups = list(compress(group[lo:hi], inside))
        kinds_flags = _or_bytes(kind[lo:hi], flags[lo:hi].translate(_SHIFT_2))
        statuses = map(
            minutes_status.__getitem__,
            zip(compress(days, inside), compress(released[lo:hi], inside), strict=True),
        )
        numbers = list(
            map(
                number_of,
                zip(
                    groups,
                    compress(tally[lo:hi], inside),
                    compress(kinds_flags, inside),
                    statuses,
                    strict=True,
                ),
            )
        )
        counts.update(numbers)
        masks = list(map(fail_mask, numbers))
        if any(masks):
            failing = list(
                compress(
                    map(operator.or_, map(operator.lshift, groups, ids), members),
                    masks,
                )
            )
            masks = list(compress(masks, masks))
            for indicator, bit in _FAIL_BITS:
                failed[indicator] += compress(
                    failing, map(operator.and_, masks, repeat(bit))
                )
        # Initial level 3 meetings of cases in custody (not RMT meetings).
        for m, g in compress(
            zip(members, groups, strict=True), map(liberation.__getitem__, members)
        ):
            if kind[m] == _INITIAL and level[m] == 3:
                cell = pre_release[g]
                cell[1] += 1
                if day[m] <= pre_release_due[liberation[m]]:
                    cell[0] += 1
                else:
                    late.append(g << _ID_BITS | m)

    widen = _Widened()
    wide = (1 << _WIDE) - 1
    ra_totals = [0] * ngroups
    main_totals = [0] * ngroups
    disclosure = acc[Indicator.DISCLOSURE_RECORDED]
    minutes = acc[Indicator.MINUTES_RELEASED]
    for number, count in counts.items():
        g, tally_of, kind_flags, status = keys.found[number]
        kind_of, flags_of = kind_flags & 3, kind_flags >> 2
        # Police and social work attendance: every kind of meeting.
        widened = widen[tally_of] * count
        ra_totals[g] += widened
        if kind_of == _RMT:
            continue
        main_totals[g] += widened
        cell = disclosure[g]
        cell[0] += count * (flags_of & _DISCLOSED)
        cell[1] += count
        # Minutes: judged by the release date if released by the period's
        # end; otherwise missed if the deadline has passed, else not counted.
        cell = minutes[g]
        cell[0] += count * ((status >> 1) & 1)
        cell[1] += count * (status & 1)
    for indicator, totals, met, of in (
        (Indicator.RA_ATTENDANCE, ra_totals, Columns.RA_MET, Columns.RA_INVITED),
        (Indicator.DTC_ATTENDANCE, main_totals, Columns.DTC_MET, Columns.DTC_INVITED),
        (
            Indicator.WRITTEN_CONTRIBUTIONS,
            main_totals,
            Columns.ABSENT_WROTE,
            Columns.ABSENT,
        ),
    ):
        for cell, total in zip(acc[indicator], totals, strict=True):
            cell[0] += (total >> (_WIDE * met)) & wide
            cell[1] += (total >> (_WIDE * of)) & wide

    return acc, failed


_ID_MASK = (1 << _ID_BITS) - 1
_DISCLOSED = Columns.DISCLOSURE
_RMT = Columns.RMT
_INITIAL = Columns.INITIAL
_WIDE = 40  # bits per counter once widened: room to sum any caseload
_FIELD = (1 << 10) - 1


def _share_out(cells: list[list[Any]], tagged: list[int]) -> list[int]:
    """Add failed meetings, listed as group << _ID_BITS | meeting, to their
    groups' cells in input order; return all of them in input order."""
    appends = [cell[2].append for cell in cells]
    for item in tagged:  # one pass: quicker than sorting by group
        appends[item >> _ID_BITS](item & _ID_MASK)
    everything = list(map(operator.and_, tagged, itertools.repeat(_ID_MASK)))
    if not all(map(operator.le, everything, itertools.islice(everything, 1, None))):
        # Listed in another order (the reviews, in case and date order).
        everything.sort()
        for cell in cells:
            cell[2].sort()
    return everything


class _Widened(dict[int, int]):
    """A tally (six 10-bit counters) -> the same counters 40 bits apart, so
    tallies of many meetings can be summed without overflow."""

    def __missing__(self, tally: int) -> int:
        value = 0
        for which in range(6):
            value |= ((tally >> (10 * which)) & _FIELD) << (_WIDE * which)
        self[tally] = value
        return value


def _fails(tally: int, met: int, counted: int) -> bool:
    """Whether the counter *counted* of *tally* exceeds the counter *met*."""
    return ((tally >> (10 * counted)) & _FIELD) > ((tally >> (10 * met)) & _FIELD)


# The indicators a meeting's key can fail, one bit each.
_FAIL_BITS = (
    (Indicator.RA_ATTENDANCE, 1),
    (Indicator.DTC_ATTENDANCE, 2),
    (Indicator.WRITTEN_CONTRIBUTIONS, 4),
    (Indicator.DISCLOSURE_RECORDED, 8),
    (Indicator.MINUTES_RELEASED, 16),
)


# Level (a byte) -> 1 if the indicators count it (rule kpi.levels),
# else 0: for bytes.translate.
def _levels_table(book: Rulebook) -> bytes:
    levels = set(book.integers("kpi.levels"))
    return bytes(1 if value in levels else 0 for value in range(256))


class _Keys(dict[tuple[int, int, int, int], int]):
    """A meeting's key (group, tally, kind | flags << 2, minutes status) ->
    its number, numbering each distinct key as it first comes; :attr:`found`
    lists them and :attr:`masks` the bits of :data:`_FAIL_BITS` each fails."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[int, int, int, int]] = []
        self.masks: list[int] = []

    def __missing__(self, key: tuple[int, int, int, int]) -> int:
        _, tally, kind_flags, status = key
        kind, flags = kind_flags & 3, kind_flags >> 2
        mask = 1 if _fails(tally, Columns.RA_MET, Columns.RA_INVITED) else 0
        if kind != _RMT:
            if _fails(tally, Columns.DTC_MET, Columns.DTC_INVITED):
                mask |= 2
            if _fails(tally, Columns.ABSENT_WROTE, Columns.ABSENT):
                mask |= 4
            if not flags & _DISCLOSED:
                mask |= 8
            if status == _COUNTED:
                mask |= 16
        number = len(self.found)
        self.found.append(key)
        self.masks.append(mask)
        self[key] = number
        return number


# A meeting's minutes status: counted (bit 0) and on time (bit 1).
_COUNTED = 1
_ON_TIME = 2


class _MinutesStatus(dict[tuple[int, int], int]):
    """(meeting day, release day or 0) -> the minutes status, as at *end*.

    Judged by the release date if released by the period's end; otherwise
    missed if the deadline (*due* of the day) had passed by *as_at* (the
    period's end, or the data's last day if earlier), else not counted.
    """

    def __init__(self, due: _Due, end: int, as_at: int) -> None:
        super().__init__()
        self._due = due
        self._end = end
        self._as_at = as_at

    def __missing__(self, key: tuple[int, int]) -> int:
        day, released = key
        deadline = self._due[day]
        if 0 < released <= self._end:
            value = _COUNTED | _ON_TIME if released <= deadline else _COUNTED
        else:
            value = _COUNTED if deadline <= self._as_at else 0
        self[key] = value
        return value


def _count_reviews(
    columns: Columns,
    start: int,
    end: int,
    group: list[int],
    keys: list[tuple[str, ...]],
    acc: dict[Indicator, list[list[Any]]],
    extra_keys: dict[tuple[str, ...], int],
    level_position: int,
    book: Rulebook,
    failed: dict[Indicator, list[int]],
    as_at: int,
) -> None:
    """Add the review indicators to *acc* and *failed*."""
    relabel = None
    if level_position >= 0:
        level = columns.level

        def relabel(m: int, g: int, lv: int) -> int:
            if lv == level[m]:
                return g
            return _level_group(g, lv, keys, acc, extra_keys, level_position)

    earliest, due = _review_plan(start, end, book)
    counted = _count_intervals(
        _review_columns(columns),
        start,
        end,
        earliest,
        group,
        due,
        Columns.LEAVES,
        relabel,
        as_at,
    )
    review_keys, failed_at = counted
    by_level = {3: Indicator.LEVEL3_REVIEWS, 2: Indicator.LEVEL2_REVIEWS}
    for key, count in review_keys.items():
        cell = acc[by_level[(key >> 1) & 3]][key >> 3]
        cell[1] += count
        cell[0] += count * (key & 1)
    for lv, tagged_failures in failed_at.items():
        failed[by_level[lv]] += tagged_failures


def _review_columns(columns: Columns) -> _ReviewColumns:
    """The columns the review intervals are counted from: (day, level, new
    level, flags, case)."""
    return (
        columns.day,
        columns.level,
        columns.new_level,
        columns.flags,
        columns.case,
    )


class _ReviewDue(dict[tuple[int, int], int]):
    """(level after, date ordinal) -> the ordinal the next review is due
    (0 for level 0: no review due), computed once per distinct key."""

    def __init__(self, intervals: dict[int, Any]) -> None:
        super().__init__()
        self._intervals = intervals

    def __missing__(self, key: tuple[int, int]) -> int:
        level, ordinal = key
        value = 0
        if level:
            day = _dt.date.fromordinal(ordinal)
            value = self._intervals[level].due_after(day).toordinal()
        self[key] = value
        return value


def _review_plan(start: int, end: int, book: Rulebook) -> tuple[int, _ReviewDue]:
    """The earliest meeting day whose review interval can fall due in the
    period, and the review due days (computed as they are asked for)."""
    due = _ReviewDue(
        {
            int(lv): review_interval(lv, rulebook=book)
            for lv in (Level.MULTI_AGENCY, Level.MAPPP)
        }
    )
    # A month-long interval may reach up to 31 days further than the one
    # from the period's start.
    reach = max(due[lv, start] - start for lv in (2, 3))
    return max(start - reach - 31, 1), due


def _level_group(
    g: int,
    lv: int,
    keys: list[tuple[str, ...]],
    acc: dict[Indicator, list[list[Any]]],
    extra_keys: dict[tuple[str, ...], int],
    level_position: int,
) -> int:
    """The group of meeting group *g* with its level replaced by *lv*."""
    key = list(keys[g])
    key[level_position] = str(lv)
    wanted = tuple(key)
    if wanted in keys:
        return keys.index(wanted)
    if wanted not in extra_keys:
        extra_keys[wanted] = len(keys) + len(extra_keys)
        for cells in acc.values():
            cells.append([0, 0, []])
    return extra_keys[wanted]
