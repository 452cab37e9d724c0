"""The DuckDB counting engine (package-private; the optional extra ``mappa[duckdb]``).

DuckDB reads the data itself (CSV, gzipped CSV, Parquet, or a pandas or
polars DataFrame or Arrow table through Arrow), checks every value with
the readers' own checks, and counts the eight indicators in SQL. The
checks run once per *distinct* value (a few thousand dates, a few dozen
areas), never once per row; the results are joined back to the rows. The
working-day rule is a calendar table with a cumulative working-day
index, built from the caller's :class:`~mappa.calendar.WorkingCalendar`:
the deadline of a meeting is the working day whose index is the
meeting day's plus 10. Review and pre-release deadlines come from the
rulebook, once per distinct day.

The report equals the Python engine's on every input (a differential
property test holds the two together). Any problem in a CSV file is
reported by the Python reader, so its error is exactly the reader's.
"""

from __future__ import annotations

import datetime as _dt
import gzip
import importlib.util
import os
from collections.abc import Sequence
from typing import Any

from mappa.calendar import WorkingCalendar
from mappa.errors import RecordError
from mappa.framework import Level
from mappa.indicators._definitions import Counts, Indicator
from mappa.records import (
    ATTENDANCE_COLUMNS,
    MEETING_COLUMNS,
    Caseload,
    Checker,
    collected,
    read_csv,
)
from mappa.records import Columns as _Columns
from mappa.reviews import initial_mappp_deadline, review_interval
from mappa.rulebook import Rulebook
from mappa.years import Quarter, ReportingYear

__all__ = [
    "ATTENDANCE_SQL",
    "INDICATOR_SQL",
    "available",
    "count_caseload",
    "count_sources",
    "date_range",
]


def available() -> bool:
    """Whether the duckdb package is installed."""
    return importlib.util.find_spec("duckdb") is not None


def _connect() -> Any:
    import duckdb

    return duckdb.connect(":memory:")


_PARQUET = (".parquet", ".pq")
_GZIP_MAGIC = b"\x1f\x8b"

# -- the SQL of each indicator ----------------------------------------------------
# Tables: meet (one row per meeting: n, its place in the input; id; case_key;
# area_i; category; level; day, liberation and released as date ordinals, 0
# for none; kind 0 initial, 1 review, 2 rmt; disclosed; leaves; new_level, 0
# for none), att (one row per attendance: meeting_n and its flags),
# calendar (day, working, idx: the working days up to and including day),
# review_due (level, day, due) and pre_release_due (liberation, due). The
# period is $start to $end (date ordinals). {groups} stands for the
# grouping columns.

ATTENDANCE_SQL = """
-- Each meeting's attendance, summed: invitations and who met them.
CREATE TEMP TABLE att_m AS
SELECT meeting_n,
  count(*) FILTER (WHERE police_or_social_work AND NOT dtc AND invited) AS ra_invited,
  count(*) FILTER (WHERE police_or_social_work AND NOT dtc AND invited
                   AND attended AND senior) AS ra_met,
  count(*) FILTER (WHERE dtc AND invited) AS dtc_invited,
  count(*) FILTER (WHERE dtc AND invited AND attended AND senior) AS dtc_met,
  count(*) FILTER (WHERE invited AND NOT attended) AS absent,
  count(*) FILTER (WHERE invited AND NOT attended AND written) AS absent_wrote
FROM att GROUP BY meeting_n;

-- Level 2 and 3 meetings in the period, with their attendance.
CREATE TEMP TABLE members AS
SELECT meet.*, coalesce(ra_invited, 0) AS ra_invited, coalesce(ra_met, 0) AS ra_met,
  coalesce(dtc_invited, 0) AS dtc_invited, coalesce(dtc_met, 0) AS dtc_met,
  coalesce(absent, 0) AS absent, coalesce(absent_wrote, 0) AS absent_wrote
FROM meet LEFT JOIN att_m ON att_m.meeting_n = meet.n
WHERE level IN (2, 3) AND day BETWEEN $start AND $end;
"""

INDICATOR_SQL: dict[Indicator, str] = {
    Indicator.LEVEL3_REVIEWS: """
-- One item per review interval due in the period (level 3: 42 days).
-- An interval starts at each meeting of a case at level 2 or 3 after it
-- (its new level if it changed; none if the case left MAPPA), from the
-- last of the case's meetings that day; met if the case's next meeting
-- was held by the due day.
WITH win AS (
  SELECT *, CASE WHEN NOT leaves AND level_after >= 2 THEN level_after ELSE 0 END
            AS after
  FROM (SELECT *, CASE WHEN new_level > 0 THEN new_level ELSE level END AS level_after
        FROM meet WHERE day BETWEEN $earliest AND $end)
), seq AS (
  SELECT *, lead(day) OVER (PARTITION BY case_key ORDER BY day, n) AS following
  FROM win
)
SELECT {review_groups}, n, id,
  (following IS NOT NULL AND following <= review_due.due)::INT AS met,
  1 AS counted
FROM seq JOIN review_due ON review_due.level = seq.after AND review_due.day = seq.day
WHERE after = 3 AND (following IS NULL OR following <> seq.day)
  AND review_due.due BETWEEN $start AND $end
""",
    Indicator.LEVEL2_REVIEWS: "-- As level 3, with after = 2 (84 days).",
    Indicator.DTC_ATTENDANCE: """
-- One item per DTC invitation to a level 2 or 3 meeting (not RMT).
SELECT {groups}, n, id, dtc_met AS met, dtc_invited AS counted
FROM members WHERE kind <> 2
""",
    Indicator.RA_ATTENDANCE: """
-- One item per police or social work invitation, RMT meetings included.
SELECT {groups}, n, id, ra_met AS met, ra_invited AS counted FROM members
""",
    Indicator.WRITTEN_CONTRIBUTIONS: """
-- One item per invited agency that did not attend (not RMT).
SELECT {groups}, n, id, absent_wrote AS met, absent AS counted
FROM members WHERE kind <> 2
""",
    Indicator.PRE_RELEASE_MAPPP: """
-- One item per initial level 3 meeting of a case in custody.
SELECT {groups}, n, id, (day <= pre_release_due.due)::INT AS met, 1 AS counted
FROM members JOIN pre_release_due USING (liberation)
WHERE kind = 0 AND level = 3 AND liberation > 0
""",
    Indicator.MINUTES_RELEASED: """
-- One item per level 2 or 3 meeting (not RMT): released within 10 working
-- days. The deadline is the working day whose index is the meeting day's
-- plus 10. Not released by the period's end: missed if the deadline had
-- passed, else not counted.
WITH due AS (
  SELECT c.day, w.day AS deadline
  FROM calendar c JOIN calendar w ON w.working AND w.idx = c.idx + $final_days
)
SELECT {groups}, n, id,
  (released > 0 AND released <= $end AND released <= deadline)::INT AS met,
  (released > 0 AND released <= $end OR deadline <= $end)::INT AS counted
FROM members JOIN due USING (day) WHERE kind <> 2
""",
    Indicator.DISCLOSURE_RECORDED: """
-- One item per level 2 or 3 meeting (not RMT): disclosure recorded.
SELECT {groups}, n, id, disclosed::INT AS met, 1 AS counted
FROM members WHERE kind <> 2
""",
}


def _group_columns(fields: tuple[str, ...], *, reviews: bool = False) -> str:
    parts = []
    for field in fields:
        if field == "area":
            parts.append("area_i AS g_area")
        elif field == "category":
            parts.append("category::VARCHAR AS g_category")
        else:
            parts.append(f"{'after' if reviews else 'level'}::VARCHAR AS g_level")
    return ", ".join(parts) if parts else "NULL AS g_none"


def _items_sql(indicator: Indicator, fields: tuple[str, ...]) -> str:
    if indicator is Indicator.LEVEL2_REVIEWS:
        sql = INDICATOR_SQL[Indicator.LEVEL3_REVIEWS].replace(
            "WHERE after = 3", "WHERE after = 2"
        )
    else:
        sql = INDICATOR_SQL[indicator]
    return sql.format(
        groups=_group_columns(fields),
        review_groups=_group_columns(fields, reviews=True),
    )


# -- counting -------------------------------------------------------------------


def _to_list(column: Any) -> list[Any]:
    return list(column)


def _load_columns(con: Any, columns: _Columns) -> None:
    """Tables meet and att from a caseload's columns."""
    n = len(columns.ids)
    con.execute(
        "CREATE TEMP TABLE meet AS SELECT unnest($1) AS n, unnest($2) AS id, "
        "unnest($3) AS case_key, unnest($4) AS area_i, unnest($5) AS category, "
        "unnest($6) AS level, unnest($7) AS day, unnest($8) AS kind, "
        "unnest($9) AS liberation, unnest($10) AS released, "
        "unnest($11) AS flags, unnest($12) AS new_level",
        [
            list(range(n)),
            columns.ids,
            _to_list(columns.case),
            _to_list(columns.area),
            _to_list(columns.category),
            _to_list(columns.level),
            _to_list(columns.day),
            _to_list(columns.kind),
            _to_list(columns.liberation),
            _to_list(columns.released),
            _to_list(columns.flags),
            _to_list(columns.new_level),
        ],
    )
    con.execute(
        "ALTER TABLE meet ADD COLUMN disclosed BOOLEAN DEFAULT false; "
        "ALTER TABLE meet ADD COLUMN leaves BOOLEAN DEFAULT false; "
        f"UPDATE meet SET disclosed = (flags & {_Columns.DISCLOSURE}) <> 0, "
        f"leaves = (flags & {_Columns.LEAVES}) <> 0"
    )
    _load_attendance(con, _to_list(columns.att_meeting), _to_list(columns.att_code))
    _load_areas(con, list(columns.areas))


def _load_attendance(con: Any, meetings: list[int], codes: list[int]) -> None:
    con.execute(
        "CREATE TEMP TABLE att_codes AS SELECT unnest($1) AS meeting_n, "
        "unnest($2) AS code",
        [meetings, codes],
    )
    _attendance_flags(con, "att_codes")


def _attendance_flags(con: Any, table: str) -> None:
    c = _Columns
    police_or_social_work = 32  # the packed code's police or social work bit
    con.execute(
        f"""CREATE TEMP TABLE att AS SELECT meeting_n,
        (code & {c.DTC}) <> 0 AS dtc, (code & {c.INVITED}) <> 0 AS invited,
        (code & {c.ATTENDED}) <> 0 AS attended, (code & {c.SENIOR}) <> 0 AS senior,
        (code & {c.WRITTEN}) <> 0 AS written,
        (code & {police_or_social_work}) <> 0 AS police_or_social_work
        FROM {table}"""
    )


def _load_areas(con: Any, names: list[str]) -> None:
    con.execute(
        "CREATE TEMP TABLE areas AS SELECT unnest($1) AS area_i, unnest($2) AS name",
        [list(range(len(names))), names],
    )


def _calendar(
    con: Any, start: int, end: int, cal: WorkingCalendar, final_days: int
) -> None:
    """The calendar table: each day from the period's start to the last
    deadline a meeting in it can have, whether it is a working day, and
    the number of working days from the start up to and including it."""
    last = cal.add_working_days(_dt.date.fromordinal(end), final_days).toordinal()
    days = list(range(start, last + 1))
    working = [cal.is_working_day(_dt.date.fromordinal(day)) for day in days]
    con.execute(
        "CREATE TEMP TABLE calendar AS SELECT day, working, "
        "sum(working::INT) OVER (ORDER BY day) AS idx "
        "FROM (SELECT unnest($1) AS day, unnest($2) AS working)",
        [days, working],
    )


def _review_plan(start: int, end: int, book: Rulebook) -> tuple[int, list[Any]]:
    """The earliest meeting day whose review can fall due in the period,
    and the due day of a review from each day to the end, by level."""
    intervals = {
        int(lv): review_interval(lv, rulebook=book)
        for lv in (Level.MULTI_AGENCY, Level.MAPPP)
    }

    def due(level: int, ordinal: int) -> int:
        return intervals[level].due_after(_dt.date.fromordinal(ordinal)).toordinal()

    # A month-long interval may reach up to 31 days further than the one
    # from the period's start (as the Python engine reads it).
    reach = max(due(lv, start) - start for lv in (2, 3))
    earliest = max(start - reach - 31, 1)
    rows = [
        (level, day, due(level, day))
        for level in (2, 3)
        for day in range(earliest, end + 1)
    ]
    return earliest, rows


def _table(con: Any, name: str, columns: Sequence[str], rows: list[Any]) -> None:
    lists = [list(values) for values in zip(*rows, strict=True)] if rows else []
    if not rows:
        lists = [[] for _ in columns]
    select = ", ".join(
        f"unnest(${i}) AS {column}" for i, column in enumerate(columns, start=1)
    )
    con.execute(f"CREATE TEMP TABLE {name} AS SELECT {select}", lists)


def _count(
    con: Any,
    period: ReportingYear | Quarter,
    fields: tuple[str, ...],
    cal: WorkingCalendar,
    book: Rulebook,
) -> Counts:
    """Count every indicator over the tables meet, att and areas."""
    start = period.start.toordinal()
    end = period.end.toordinal()
    final_days = book.integer("minutes.final")
    _calendar(con, start, end, cal, final_days)
    earliest, due_rows = _review_plan(start, end, book)
    _table(con, "review_due", ("level", "day", "due"), due_rows)
    params = {"start": start, "end": end}
    con.execute(ATTENDANCE_SQL, params)
    liberations = con.execute(
        "SELECT DISTINCT liberation FROM members "
        "WHERE kind = 0 AND level = 3 AND liberation > 0"
    ).fetchall()
    _table(
        con,
        "pre_release_due",
        ("liberation", "due"),
        [
            (
                day,
                initial_mappp_deadline(
                    _dt.date.fromordinal(day), rulebook=book
                ).toordinal(),
            )
            for (day,) in liberations
        ],
    )
    parts = []
    for number, indicator in enumerate(Indicator):
        sql = _items_sql(indicator, fields)
        parts.append(f"SELECT {number} AS indicator, * FROM ({sql})")
    con.execute(
        "CREATE TEMP TABLE items AS " + " UNION ALL ".join(parts),
        {
            "start": start,
            "end": end,
            "earliest": earliest,
            "final_days": final_days,
        },
    )
    group_cols = [f"g_{field}" for field in fields] if fields else []
    keys = ", ".join(group_cols)
    area_names = dict(con.execute("SELECT area_i, name FROM areas").fetchall())

    def key_of(values: Sequence[Any]) -> tuple[str, ...]:
        return tuple(
            area_names[value] if field == "area" else str(value)
            for field, value in zip(fields, values, strict=True)
        )

    counts: Counts = {indicator: {} for indicator in Indicator}
    indicators = list(Indicator)
    if fields:
        # Every group any meeting has (in or out of the period) is listed.
        for row in con.execute(
            f"SELECT DISTINCT {_group_columns(fields)} FROM meet"
        ).fetchall():
            for indicator in indicators:
                counts[indicator][key_of(row)] = (0, 0, ())
        for row in con.execute(
            f"SELECT indicator, {keys}, sum(met), sum(counted), "
            "list(id ORDER BY n) FILTER (WHERE counted > met) "
            f"FROM items GROUP BY indicator, {keys}"
        ).fetchall():
            counts[indicators[row[0]]][key_of(row[1 : 1 + len(fields)])] = (
                int(row[-3]),
                int(row[-2]),
                tuple(row[-1] or ()),
            )
    national = {
        row[0]: (int(row[1]), int(row[2]), tuple(row[3] or ()))
        for row in con.execute(
            "SELECT indicator, sum(met), sum(counted), "
            "list(id ORDER BY n) FILTER (WHERE counted > met) "
            "FROM items GROUP BY indicator"
        ).fetchall()
    }
    for number, indicator in enumerate(indicators):
        counts[indicator][()] = national.get(number, (0, 0, ()))
    return counts


def count_caseload(
    caseload: Caseload,
    period: ReportingYear | Quarter,
    fields: tuple[str, ...],
    cal: WorkingCalendar,
    book: Rulebook,
) -> Counts:
    """Every indicator over a caseload already in memory."""
    con = _connect()
    try:
        _load_columns(con, caseload.columns)
        return _count(con, period, fields, cal, book)
    finally:
        con.close()


# -- reading and checking ----------------------------------------------------------


class _Fallback(Exception):
    """DuckDB could not read a CSV file as it is: the Python reader will."""


def _sql_text(path: str) -> str:
    return "'" + path.replace("'", "''") + "'"


def _csv_relation(
    con: Any, path: str, checker: Checker, attendance: bool, encoding: str
) -> str:
    """A SQL relation over a CSV file, every column as text in the standard
    order, or _Fallback."""
    from mappa.records._files import open_text

    if encoding not in ("utf_8", "utf-8"):
        raise _Fallback
    stream, name, _ = open_text(path, "<file>", encoding=encoding)
    try:
        names = checker.header_line(stream.readline(), name, attendance)
    finally:
        stream.close()
    with open(path, "rb") as raw:
        compressed = raw.read(2) == _GZIP_MAGIC
    columns = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(len(names)))
    return (
        f"read_csv({_sql_text(path)}, header = true, delim = ',', quote = '\"', "
        f"escape = '\"', columns = {{{columns}}}, auto_detect = false, "
        f"strict_mode = true, null_padding = false, "
        f"compression = '{'gzip' if compressed else 'none'}')"
    ), names


def count_sources(
    meetings: Any,
    attendance: Any,
    period: ReportingYear | Quarter,
    fields: tuple[str, ...],
    cal: WorkingCalendar,
    book: Rulebook,
    *,
    on_error: str,
    encoding: str,
    area_table: Any,
    rulebook: Rulebook | None,
) -> Counts:
    """Every indicator over meetings (and attendance) that DuckDB reads:
    CSV or Parquet files, or DataFrames."""
    raise NotImplementedError


def date_range(
    meetings: str | os.PathLike[str], *, encoding: str
) -> tuple[_dt.date, _dt.date] | None:
    """The first and last meeting dates in a meetings file (the dates that
    are dates), or None if there are none."""
    raise NotImplementedError


_UNUSED = (ATTENDANCE_COLUMNS, MEETING_COLUMNS, RecordError, collected, read_csv, gzip)
