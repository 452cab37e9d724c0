"""Counting review intervals: the heart of the level 2 and 3 review indicators.

:mod:`mappa.indicators` calls :func:`count_intervals` over a caseload's
columns. This module imports nothing but the standard library, so that a
second process (see ``mappa._workers``) loads nothing else before it counts
them, while the first counts the other indicators.
"""

from __future__ import annotations

import itertools
import operator
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

STEP = 4096  # meetings counted at a time
DAY_BITS = 22  # date ordinals fit in 22 bits up to the year 9999
ID_BITS = 32  # a missed interval is listed as group << ID_BITS | meeting

Columns = tuple[Any, Any, Any, Any, Any]
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


def _or_bytes(*parts: bytes) -> bytes:
    """The bitwise or of equal-length byte strings, byte by byte."""
    total = 0
    for part in parts:
        total |= int.from_bytes(part, "little")
    return total.to_bytes(len(parts[0]), "little")


def count_intervals(
    columns: Columns,
    start: int,
    end: int,
    earliest: int,
    group: Sequence[int],
    due: Mapping[tuple[int, int], int],
    leaves: int,
    relabel: Callable[[int, int, int], int] | None = None,
) -> tuple[dict[int, int], dict[int, list[int]]]:
    """Count the review intervals due from *start* to *end* (date ordinals).

    *due* maps (level after, meeting day) to the day the next review is due,
    for every day from *earliest* (the first meeting day whose interval can
    fall due in the period) to *end*, and (0, day) to 0. *leaves* is the
    flag bit of a case leaving MAPPA. *group* is each meeting's group
    number; *relabel*, when grouped by level, gives the group of a
    meeting's interval from (meeting, its group, level after).

    Returns the counts keyed by ``group << 3 | level after << 1 | met``, and
    the missed intervals (as ``group << ID_BITS | meeting``) by level.
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
    # Each is keyed by case << DAY_BITS | date, to put them in case and
    # date order (extracts often come sorted already: then there is
    # nothing to do; a stable sort keeps one day's meetings in input order).
    inside = list(map(in_window, day))
    window = list(compress(range(n), inside))
    if not window:
        return review_keys, failed_at
    order = list(
        map(
            operator.or_,
            map(operator.lshift, compress(case, inside), repeat(DAY_BITS)),
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
    day_mask = (1 << DAY_BITS) - 1
    for lo in range(0, len(order), STEP):
        chunk = order[lo : lo + STEP + 1]  # and the next meeting, if any
        # The case, the day, and the day of the next meeting of the same
        # case (0 if none).
        case_of = list(map(operator.rshift, chunk, repeat(DAY_BITS)))
        days = list(map(operator.and_, chunk, repeat(day_mask)))
        same_case = map(operator.eq, case_of, itertools.islice(case_of, 1, None))
        following = list(map(operator.mul, itertools.islice(days, 1, None), same_case))
        if len(chunk) > STEP:
            del days[-1]
        else:
            following.append(0)
        meetings = window[lo : lo + STEP]
        after = afters[lo : lo + STEP]
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
            operator.or_, map(operator.lshift, groups, repeat(ID_BITS)), meetings
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


def task(
    payload: tuple[
        Columns, int, int, int, Sequence[int], Mapping[tuple[int, int], int], int
    ],
) -> tuple[dict[int, int], dict[int, list[int]]]:
    """:func:`count_intervals` in a second process (never grouped by level)."""
    return count_intervals(*payload)
