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
import importlib.util
import os
from collections.abc import Sequence
from typing import Any

from mappa.calendar import WorkingCalendar
from mappa.chairs import Agency
from mappa.errors import RecordError
from mappa.framework import Category, Level
from mappa.indicators._definitions import Counts, Coverage, Indicator, covering
from mappa.records import (
    ATTENDANCE_COLUMNS,
    MEETING_COLUMNS,
    AgencyRole,
    Caseload,
    Checker,
    check_encoding,
    collected,
    open_text,
    read_csv,
    readable_file,
)
from mappa.records import Columns as _Columns
from mappa.reviews import initial_mappp_due, review_interval
from mappa.rulebook import Rulebook
from mappa.years import Quarter, ReportingYear

__all__ = [
    "ATTENDANCE_SQL",
    "INDICATOR_SQL",
    "INTERVALS_SQL",
    "MEMBERS_SQL",
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

    con = duckdb.connect(":memory:")
    # No progress bar: a library prints nothing of its own.
    con.execute("SET enable_progress_bar = false")
    return con


_PARQUET = (".parquet", ".pq")
_POLICE_OR_SOCIAL_WORK = _Columns.POLICE_OR_SOCIAL_WORK
_POLICE_AND_SOCIAL_WORK = Checker.ra_kpi_agencies  # a rule
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
SELECT meeting,
  count(*) FILTER (WHERE police_or_social_work AND NOT dtc AND invited) AS ra_invited,
  count(*) FILTER (WHERE police_or_social_work AND NOT dtc AND invited
                   AND attended AND senior) AS ra_met,
  count(*) FILTER (WHERE dtc AND invited) AS dtc_invited,
  count(*) FILTER (WHERE dtc AND invited AND attended AND senior) AS dtc_met,
  count(*) FILTER (WHERE invited AND NOT attended) AS absent,
  count(*) FILTER (WHERE invited AND NOT attended AND written) AS absent_wrote
FROM att GROUP BY meeting
"""
_BY_MEETING = "\nFROM att GROUP BY meeting"

MEMBERS_SQL = """
-- Level 2 and 3 meetings in the period, with their attendance.
members AS (
  SELECT meet.*, coalesce(ra_invited, 0) AS ra_invited, coalesce(ra_met, 0) AS ra_met,
    coalesce(dtc_invited, 0) AS dtc_invited, coalesce(dtc_met, 0) AS dtc_met,
    coalesce(absent, 0) AS absent, coalesce(absent_wrote, 0) AS absent_wrote
  FROM meet LEFT JOIN att_m ON att_m.meeting = meet.{key}
  WHERE level IN ({levels}) AND day BETWEEN $start AND $end
)
"""

INTERVALS_SQL = """
-- Review intervals: one from each meeting of a case at level 2 or 3 after
-- it (its new level if it changed; none if the case left MAPPA), from the
-- last of the case's meetings that day, with the case's next meeting day.
intervals AS (
  SELECT * FROM (
    SELECT *, lead(day) OVER (PARTITION BY case_key ORDER BY day, n) AS following
    FROM (SELECT *, CASE WHEN NOT leaves AND level_after >= 2 THEN level_after
                         ELSE 0 END AS after
          FROM (SELECT *, CASE WHEN new_level > 0 THEN new_level ELSE level END
                          AS level_after
                FROM meet WHERE day BETWEEN $earliest AND $end)))
  WHERE after >= 2 AND (following IS NULL OR following <> day)
)
"""

INDICATOR_SQL: dict[Indicator, str] = {
    Indicator.LEVEL3_REVIEWS: """
-- One item per review interval due in the period (level 3: 42 days); met
-- if the case's next meeting was held by the due day. An interval not met
-- and due after $as_at (the data's last day, if before the period's end)
-- is not counted: not known to be missed.
SELECT {review_groups}, n, id,
  (following IS NOT NULL AND following <= review_due.due)::INT AS met,
  1 AS counted
FROM intervals JOIN review_due
  ON review_due.level = intervals.after AND review_due.day = intervals.day
WHERE after = 3 AND review_due.due BETWEEN $start AND $end
  AND (following IS NOT NULL AND following <= review_due.due OR review_due.due <= $as_at)
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
-- passed by $as_at (the period's end, or the data's last day if earlier),
-- else not counted.
WITH due AS (
  SELECT c.day, w.day AS deadline
  FROM calendar c JOIN calendar w ON w.working AND w.idx = c.idx + $final_days
)
SELECT {groups}, n, id,
  (released > 0 AND released <= $end AND released <= deadline)::INT AS met,
  (released > 0 AND released <= $end OR deadline <= $as_at)::INT AS counted
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
    _load_areas(con, list(columns.areas))


def _objects_attendance(caseload: Caseload) -> tuple[list[int], list[int]]:
    """The attendance rows of a caseload made from Meeting objects (whose
    columns keep only each meeting's counts), as (meeting, flags) pairs."""
    c = _Columns
    meetings: list[int] = []
    codes: list[int] = []
    for number, meeting in enumerate(caseload):
        for a in meeting.attendance:
            meetings.append(number)
            codes.append(
                (c.DTC if a.role is AgencyRole.DUTY_TO_COOPERATE else 0)
                | (c.INVITED if a.invited else 0)
                | (c.ATTENDED if a.attended else 0)
                | (c.SENIOR if a.at_seniority else 0)
                | (c.WRITTEN if a.written_contribution else 0)
                | (_POLICE_OR_SOCIAL_WORK if a.agency in _POLICE_AND_SOCIAL_WORK else 0)
            )
    return meetings, codes


def _load_attendance(con: Any, meetings: list[int], codes: list[int]) -> None:
    con.execute(
        "CREATE TEMP TABLE att_codes AS SELECT unnest($1) AS meeting_n, "
        "unnest($2) AS code",
        [meetings, codes],
    )
    _attendance_flags(con, "att_codes")


def _attendance_flags(con: Any, table: str) -> None:
    """View att (meeting, and each flag) over *table* (meeting_n, code), and
    table att_m, each meeting's attendance summed."""
    c = _Columns
    con.execute(
        f"""CREATE TEMP VIEW att AS SELECT meeting_n AS meeting,
        (code & {c.DTC}) <> 0 AS dtc, (code & {c.INVITED}) <> 0 AS invited,
        (code & {c.ATTENDED}) <> 0 AS attended, (code & {c.SENIOR}) <> 0 AS senior,
        (code & {c.WRITTEN}) <> 0 AS written,
        (code & {c.POLICE_OR_SOCIAL_WORK}) <> 0 AS police_or_social_work
        FROM {table}"""
    )
    con.execute(f"CREATE TEMP TABLE att_m AS {ATTENDANCE_SQL}")


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
    key: str = "n",
    data_until: _dt.date | None = None,
) -> tuple[Counts, Coverage]:
    """Count every indicator over the tables meet, att_m (each meeting's
    attendance, by meet.*key*) and areas; and what the data covers (to
    *data_until*, if given, else to its last meeting)."""
    start = period.start.toordinal()
    end = period.end.toordinal()
    # Any attendance row at all (att_m has a row per meeting that has one).
    first, last, attendance = con.execute(
        "SELECT min(day), max(day), (SELECT count(*) FROM att_m) > 0 FROM meet"
    ).fetchone()
    coverage = covering(
        None if first is None else _dt.date.fromordinal(first),
        None if last is None else _dt.date.fromordinal(last),
        attendance,
        data_until,
    )
    as_at = coverage.as_at(period).toordinal()
    final_days = book.integer("minutes.final")
    _calendar(con, start, end, cal, final_days)
    earliest, due_rows = _review_plan(start, end, book)
    _table(con, "review_due", ("level", "day", "due"), due_rows)
    levels = ", ".join(str(level) for level in sorted(book.integers("kpi.levels")))
    liberations = con.execute(
        f"""SELECT DISTINCT liberation FROM meet WHERE kind = 0 AND level = 3
        AND liberation > 0 AND level IN ({levels}) AND day BETWEEN $start AND $end""",
        {"start": start, "end": end},
    ).fetchall()
    _table(
        con,
        "pre_release_due",
        ("liberation", "due"),
        [
            (
                day,
                initial_mappp_due(
                    _dt.date.fromordinal(day), rulebook=book
                ).due.toordinal(),
            )
            for (day,) in liberations
        ],
    )
    parts = []
    for number, indicator in enumerate(Indicator):
        sql = _items_sql(indicator, fields)
        parts.append(f"SELECT {number} AS indicator, * FROM ({sql})")
    group_cols = [f"g_{field}" for field in fields]
    keys = "".join(f", {column}" for column in group_cols)
    sets = f"GROUPING SETS ((indicator{keys}), (indicator))" if fields else "indicator"
    national = f"grouping({group_cols[0]})" if fields else "1"
    rows = con.execute(
        f"WITH {MEMBERS_SQL.format(key=key, levels=levels)}, {INTERVALS_SQL}, "
        "items AS (" + " UNION ALL ".join(parts) + ") "
        f"SELECT indicator{keys}, {national} AS national, sum(met), sum(counted), "
        "list(id ORDER BY n) FILTER (WHERE counted > met) "
        f"FROM items GROUP BY {sets}",
        {
            "start": start,
            "end": end,
            "earliest": earliest,
            "final_days": final_days,
            "as_at": as_at,
        },
    ).fetchall()
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
    for indicator, *values, whole, met, counted, failed in rows:
        group = () if whole else key_of(values)
        counts[indicators[indicator]][group] = (
            int(met),
            int(counted),
            tuple(failed or ()),
        )
    if fields:
        # A review counted under a level no meeting of its group has makes a
        # group of its own, for every indicator.
        every = {group for per_group in counts.values() for group in per_group}
        for per_group in counts.values():
            for group in every - per_group.keys():
                per_group[group] = (0, 0, ())
    for per_group in counts.values():
        per_group.setdefault((), (0, 0, ()))
    return counts, coverage


def count_caseload(
    caseload: Caseload,
    period: ReportingYear | Quarter,
    fields: tuple[str, ...],
    cal: WorkingCalendar,
    book: Rulebook,
    data_until: _dt.date | None = None,
) -> tuple[Counts, Coverage]:
    """Every indicator over a caseload already in memory, and what it covers."""
    columns = caseload.columns
    if columns.att_code or not caseload.has_attendance:
        rows = (_to_list(columns.att_meeting), _to_list(columns.att_code))
    else:
        rows = _objects_attendance(caseload)
    con = _connect()
    try:
        _load_columns(con, columns)
        _load_attendance(con, *rows)
        return _count(con, period, fields, cal, book, data_until=data_until)
    finally:
        con.close()


# -- reading and checking ----------------------------------------------------------


class _Fallback(Exception):
    """DuckDB cannot read a CSV file as the Python reader would: it will."""


_REF = "[A-Za-z0-9][A-Za-z0-9_./:#-]{0,63}"
# Meetings columns checked once per distinct value (ids and case references
# are checked row by row in SQL, with the readers' own pattern).
_MAPPED = MEETING_COLUMNS[2:]
_TYPED = {
    "area": "area_i",
    "category": "category",
    "level": "level",
    "date": "day",
    "kind": "kind",
    "liberation_date": "liberation",
    "minutes_released": "released",
    "disclosure_recorded": "disclosed",
    "leaves_mappa": "leaves",
    "new_level": "new_level",
}


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _is_path(value: object) -> bool:
    return isinstance(value, str | os.PathLike)


def _stage(
    con: Any,
    table: str,
    source: Any,
    checker: Checker,
    *,
    attendance: bool,
    encoding: str,
) -> tuple[str, bool]:
    """View *table* over a CSV or Parquet file or a DataFrame: every
    standard column as text ('' for none), in the input's order. Its name
    for errors, and whether it is CSV (read when the view is queried)."""
    columns = ATTENDANCE_COLUMNS if attendance else MEETING_COLUMNS
    if _is_path(source):
        path = readable_file(source)
        name = path
        csv = not path.lower().endswith(_PARQUET)
        if csv:
            if encoding != "utf-8":
                raise _Fallback
            stream, _, _ = open_text(path, "<file>", encoding=encoding)
            try:
                names = checker.header_of(stream, name, attendance)
            finally:
                stream.close()
            with open(path, "rb") as raw:
                compressed = raw.read(2) == _GZIP_MAGIC
            types = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(len(names)))
            relation = (
                f"read_csv({_sql_text(path)}, header = true, delim = ',', quote = '\"', "
                f"escape = '\"', columns = {{{types}}}, auto_detect = false, "
                "strict_mode = true, null_padding = false, "
                f"compression = '{'gzip' if compressed else 'none'}')"
            )
            positions = {n: f"c{i}" for i, n in enumerate(names)}
        else:
            relation = f"read_parquet({_sql_text(path)})"
    else:
        name = "<attendance>" if attendance else "<meetings>"
        csv = False
        con.register(f"{table}_frame", source)
        relation = f"{table}_frame"
    if not csv:
        described = con.execute(f"DESCRIBE SELECT * FROM {relation}").fetchall()
        names = checker.header([str(row[0]) for row in described], name, attendance)
        positions = {
            n: _as_text('"' + str(row[0]).replace('"', '""') + '"', str(row[1]))
            for n, row in zip(names, described, strict=True)
        }
    select = ", ".join(
        f"coalesce({positions[column]}, '') AS {column}" for column in columns
    )
    con.execute(f"CREATE TEMP VIEW {table} AS SELECT {select} FROM {relation}")
    return name, csv


def _materialise(con: Any, view: str, table: str) -> None:
    """Table *table* of a view's rows, each numbered (n) in input order."""
    con.execute(f"CREATE TEMP TABLE {table}_rows AS SELECT * FROM {view}")
    con.execute(f"CREATE TEMP TABLE {table} AS SELECT rowid AS n, * FROM {table}_rows")


def _as_text(column: str, kind: str) -> str:
    """A typed column as the text a CSV cell would hold. A whole number
    stored as a float (pandas keeps a column of levels with gaps that way)
    is written without its ".0"; a timestamp at midnight (pandas keeps
    dates that way) as its date; anything else as DuckDB writes it."""
    if kind in ("FLOAT", "DOUBLE") or kind.startswith("DECIMAL"):
        return (
            f"CASE WHEN isnan({column}::DOUBLE) THEN NULL "
            f"WHEN {column} = trunc({column}) AND abs({column}) < 1e15 "
            f"THEN CAST(CAST({column} AS BIGINT) AS VARCHAR) "
            f"ELSE CAST({column} AS VARCHAR) END"
        )
    if kind.startswith("TIMESTAMP"):
        return (
            f"CASE WHEN {column} = date_trunc('day', {column}) "
            f"THEN strftime({column}, '%Y-%m-%d') ELSE CAST({column} AS VARCHAR) END"
        )
    return f"CAST({column} AS VARCHAR)"


def _map_values(con: Any, checker: Checker, column: str) -> None:
    texts = [
        text
        for (text,) in con.execute(f"SELECT DISTINCT {column} FROM m_raw").fetchall()
    ]
    rows = [(text, *checker.meeting_value(column, text)) for text in texts]
    _table(con, f"map_{column}", ("text", "value", "problem"), rows)


def _problem(source: str, row: int, column: str, message: str) -> RecordError:
    return RecordError(message, source=source, row=row, column=column or None)


def _check_meetings(
    con: Any, checker: Checker, source: str
) -> list[tuple[int, int, RecordError]]:
    """Check every meetings row; table m_ok of the rows kept (typed), and
    the problems (row, column position, error)."""
    for column in _MAPPED:
        _map_values(con, checker, column)
    joins = " ".join(
        f"JOIN map_{column} ON map_{column}.text = r.{column}" for column in _MAPPED
    )
    values = ", ".join(
        f"map_{c}.value AS {_TYPED[c]}, map_{c}.problem AS {c}_p" for c in _MAPPED
    )
    con.execute(
        f"""CREATE TEMP TABLE m_checked AS
        SELECT r.n, r.meeting_id AS id, r.case_ref,
          NOT regexp_full_match(r.meeting_id, '{_REF}') AS id_bad,
          CASE WHEN NOT regexp_full_match(r.case_ref, '{_REF}') THEN 1
               WHEN NOT regexp_matches(r.case_ref, '[0-9]') THEN 2 ELSE 0 END AS case_bad,
          {values}
        FROM m_raw r {joins}"""
    )
    id_message = checker.ref_problem("", case=False)
    case_messages = (
        checker.ref_problem("", case=True),
        checker.ref_problem("a", case=True),
    )
    parts = [
        f"SELECT n, 0 AS pos, 'meeting_id' AS col, {_sql_text(id_message or '')} AS message "
        "FROM m_checked WHERE id_bad",
        f"SELECT n, 1, 'case_ref', CASE case_bad WHEN 1 THEN {_sql_text(case_messages[0] or '')} "
        f"ELSE {_sql_text(case_messages[1] or '')} END FROM m_checked WHERE case_bad > 0",
    ]
    for column in _MAPPED:
        parts.append(
            f"SELECT n, {MEETING_COLUMNS.index(column)}, '{column}', {column}_p "
            f"FROM m_checked WHERE {column}_p IS NOT NULL"
        )
    con.execute("CREATE TEMP TABLE m_problems AS " + " UNION ALL ".join(parts))
    # Rules across columns, for the rows with no other problem.
    _ok_keys(con, checker)
    suspects = con.execute(
        f"""SELECT n, category, level, day, released, leaves, new_level FROM m_checked m
        WHERE n NOT IN (SELECT n FROM m_problems)
          AND (NOT EXISTS (SELECT 1 FROM ok_keys k WHERE k.span = {_span_sql(checker)}
                 AND k.category = m.category
                 AND k.level = m.level AND k.new_level = m.new_level
                 AND k.leaves = (m.leaves = 1))
               OR (released > 0 AND released < day))"""
    ).fetchall()
    extra = []
    for n, category, level, day, released, leaves, new_level in suspects:
        broken = checker.meeting_problem(
            category, level, day, released, bool(leaves), new_level
        )
        if broken is not None:  # pragma: no branch - every suspect breaks a rule
            extra.append((n, MEETING_COLUMNS.index(broken[0]), broken[0], broken[1]))
    _table(con, "m_cross", ("n", "pos", "col", "message"), extra)
    con.execute("INSERT INTO m_problems SELECT * FROM m_cross")
    # A repeated id: the first row kept, the later ones reported.
    con.execute(
        """INSERT INTO m_problems
        SELECT n, 0, 'meeting_id', 'this meeting id appears more than once' FROM (
          SELECT n, row_number() OVER (PARTITION BY id ORDER BY n) AS k FROM m_checked
          WHERE n NOT IN (SELECT n FROM m_problems)) WHERE k > 1"""
    )
    con.execute(
        """CREATE TEMP TABLE m_status AS
        SELECT m.*, m.n NOT IN (SELECT n FROM m_problems) AS kept FROM m_checked m"""
    )
    return [
        (n + 2, pos, _problem(source, n + 2, col, message))
        for n, pos, col, message in con.execute(
            "SELECT n, pos, col, message FROM m_problems ORDER BY n, pos"
        ).fetchall()
    ]


def _ok_keys(con: Any, checker: Checker) -> None:
    """Table ok_keys: every allowed (span, category, level, new level or 0,
    leaves), a span being the dates one levels table applies to."""
    _table(
        con,
        "ok_keys",
        ("span", "category", "level", "new_level", "leaves"),
        [(sp, c, lv, nl, bool(lf)) for sp, c, lv, nl, lf in sorted(checker.ok_keys)],
    )


def _span_sql(checker: Checker) -> str:
    """SQL for the span of a row's ``day`` (a date ordinal): which levels
    table applies, as at the meeting's date (0 if the rules are undated)."""
    starts = checker.levels.starts
    if not starts:
        return "0"
    whens = " ".join(
        f"WHEN day >= {start} THEN {span}"
        for span, start in reversed(list(enumerate(starts, start=1)))
    )
    return f"CASE {whens} ELSE 0 END"


def _check_attendance(
    con: Any, checker: Checker, source: str
) -> list[tuple[int, int, RecordError]]:
    """Check every attendance row; table att_codes of the rows kept."""
    keys = con.execute(
        "SELECT DISTINCT agency, role, invited, attended, at_seniority, "
        "written_contribution FROM a_raw"
    ).fetchall()
    rows = []
    for key in keys:
        code, problem, column = checker.attendance_value(tuple(key))
        rows.append((*key, code, code >> _Columns.AGENCY_SHIFT, problem, column))
    _table(
        con,
        "map_att",
        (
            "agency",
            "role",
            "invited",
            "attended",
            "at_seniority",
            "written_contribution",
            "code",
            "agency_i",
            "problem",
            "col",
        ),
        rows,
    )
    # Which meeting each id names: kept, left out, or both (ambiguous).
    con.execute(
        """CREATE TEMP TABLE ids AS SELECT id, bool_or(kept) AS kept,
        bool_or(NOT kept) AS dropped, min(n) FILTER (WHERE kept) AS n,
        min(n) FILTER (WHERE NOT kept) AS left_n
        FROM m_status GROUP BY id"""
    )
    # Ids written with spaces around them are looked up stripped, as the
    # Python reader does (with Python's own idea of a space).
    unmatched = [
        text
        for (text,) in con.execute(
            "SELECT DISTINCT meeting_id FROM a_raw WHERE meeting_id NOT IN (SELECT id FROM ids)"
        ).fetchall()
    ]
    _table(
        con,
        "stripped",
        ("text", "id"),
        [(text, text.strip()) for text in unmatched if text.strip() != text],
    )
    messages = {
        "ambiguous": "attendance for a meeting id on more than one meetings row, "
        "one of them left out because of an error",
        "left": "attendance for a meeting that was left out because of an error "
        "on meetings row ",
        "missing": "attendance for a meeting that is not in the meetings file",
    }
    con.execute(
        f"""CREATE TEMP TABLE a_checked AS
        SELECT a.n, ids.n AS meeting_n,
          CASE WHEN ids.id IS NULL THEN {_sql_text(messages["missing"])}
               WHEN ids.kept AND ids.dropped THEN {_sql_text(messages["ambiguous"])}
               WHEN NOT ids.kept THEN {_sql_text(messages["left"])}
                 || (ids.left_n + 2)::VARCHAR END AS lookup_p,
          map_att.code, map_att.agency_i, map_att.problem, map_att.col
        FROM a_raw a
        LEFT JOIN stripped ON stripped.text = a.meeting_id
        LEFT JOIN ids ON ids.id = coalesce(stripped.id, a.meeting_id)
        JOIN map_att ON map_att.agency = a.agency AND map_att.role = a.role
          AND map_att.invited = a.invited AND map_att.attended = a.attended
          AND map_att.at_seniority = a.at_seniority
          AND map_att.written_contribution = a.written_contribution"""
    )
    positions = {column: i for i, column in enumerate(ATTENDANCE_COLUMNS)}
    cases = " ".join(
        f"WHEN {_sql_text(column)} THEN {i}" for column, i in positions.items()
    )
    con.execute(
        f"""CREATE TEMP TABLE a_problems AS
        SELECT n, 0 AS pos, 'meeting_id' AS col, lookup_p AS message FROM a_checked
        WHERE lookup_p IS NOT NULL
        UNION ALL
        SELECT n, CASE col {cases} END, col, problem FROM a_checked
        WHERE problem IS NOT NULL"""
    )
    con.execute(
        f"""INSERT INTO a_problems
        SELECT n, {positions["agency"]}, 'agency', 'this agency is listed twice for one meeting'
        FROM (SELECT n, row_number() OVER (PARTITION BY meeting_n, agency_i ORDER BY n) AS k
              FROM a_checked WHERE lookup_p IS NULL AND problem IS NULL) WHERE k > 1"""
    )
    con.execute(
        """CREATE TEMP TABLE att_codes AS SELECT meeting_n, code FROM a_checked
        WHERE n NOT IN (SELECT n FROM a_problems)"""
    )
    return [
        (n + 2, pos, _problem(source, n + 2, col, message))
        for n, pos, col, message in con.execute(
            "SELECT n, pos, col, message FROM a_problems ORDER BY n, pos"
        ).fetchall()
    ]


def _most_attendance(con: Any, checker: Checker) -> None:
    """The readers' limit on attendance rows per meeting."""
    limit = _Columns.COUNTER_MASK
    worst = con.execute(
        "SELECT count(*) AS k FROM att_codes GROUP BY meeting_n ORDER BY k DESC LIMIT 1"
    ).fetchone()
    if worst is not None and worst[0] > limit:
        raise RecordError(
            f"a meeting has more than {limit} attendance rows", rule="attendance"
        )


def _flag_words(checker: Checker) -> list[str]:
    """The yes and no words as the readers accept them written, yes and no first."""
    return sorted(
        checker.true_words | checker.false_words,
        key=lambda word: (word not in ("yes", "no"), word),
    )


def _fast_meetings(con: Any, checker: Checker, area_table: Any) -> bool:
    """Table meet (typed, numbered n in input order) from view m_v, if every
    row is written in the readers' plain words and breaks no rule; else
    False (the exact check, value by value, then says what is wrong)."""
    from mappa.framework import DEFAULT_AREA_TABLE

    table = DEFAULT_AREA_TABLE if area_table is None else area_table
    areas = sorted(
        {
            spelling
            for area in table.areas
            for spelling in (area.name, *area.local_authorities)
        }
    )
    numbers = [str(int(level)) for level in Level]
    # Each column's value as the readers read it, or NULL if not written in
    # their plain words. A CASE, not a join: the table keeps the file's
    # order (its rowid is the meeting's place in the input; a join may
    # reorder the rows), and an IN list of words would become a join.
    area, category, level, new_level, kind, disclosed, leaves = (
        _value_case(checker, column, words)
        for column, words in (
            ("area", areas),
            ("category", [str(int(category)) for category in Category]),
            ("level", numbers),
            ("new_level", ["", *numbers]),
            ("kind", list(checker.kinds)),
            ("disclosure_recorded", _flag_words(checker)),
            ("leaves_mappa", _flag_words(checker)),
        )
    )
    # Each allowed (span, category, level, new level, leaves) as one number.
    allowed = ", ".join(str(_ok_number(*key)) for key in sorted(checker.ok_keys))
    day_one = "DATE '0001-01-01'"
    con.execute(
        f"""CREATE TEMP TABLE meet_t AS SELECT
          id, case_key, area_i, category, level, new_level, day, liberation, released,
          kind, disclosed = 1 AS disclosed, leaves = 1 AS leaves,
          coalesce(
            regexp_full_match(id, '{_REF}') AND regexp_full_match(case_key, '{_REF}')
            AND regexp_matches(case_key, '[0-9]')
            AND area_i IS NOT NULL AND kind IS NOT NULL AND disclosed IS NOT NULL
            -- A real date, written YYYY-MM-DD exactly as the readers read it.
            AND d::VARCHAR = date
            AND (liberation_date = '' OR liberation_d::VARCHAR = liberation_date)
            AND (minutes_released = '' OR released_d::VARCHAR = minutes_released)
            AND {_OK_NUMBER.format(span=_span_sql(checker))} IN ({allowed})
            AND NOT (released > 0 AND released < day), false) AS ok
        FROM (SELECT
          meeting_id AS id, case_ref AS case_key, date, liberation_date, minutes_released,
          d, liberation_d, released_d,
          CASE area {area} END AS area_i, CASE category {category} END AS category,
          CASE level {level} END AS level, CASE new_level {new_level} END AS new_level,
          coalesce(d - {day_one} + 1, 0) AS day,
          coalesce(liberation_d - {day_one} + 1, 0) AS liberation,
          coalesce(released_d - {day_one} + 1, 0) AS released,
          CASE kind {kind} END AS kind, CASE disclosure_recorded {disclosed} END AS disclosed,
          CASE leaves_mappa {leaves} END AS leaves
        FROM (SELECT *, TRY_CAST(date AS DATE) AS d,
                TRY_CAST(nullif(liberation_date, '') AS DATE) AS liberation_d,
                TRY_CAST(nullif(minutes_released, '') AS DATE) AS released_d
              FROM m_v))"""
    )
    broken, twice = con.execute(
        "SELECT count(*) FILTER (WHERE NOT ok), (SELECT count(*) FROM "
        "(SELECT 1 FROM meet_t GROUP BY id HAVING count(*) > 1)) FROM meet_t"
    ).fetchone()
    if broken or twice:
        return False
    con.execute("CREATE TEMP VIEW meet AS SELECT rowid AS n, * FROM meet_t")
    used = [v for (v,) in con.execute("SELECT DISTINCT area_i FROM meet_t").fetchall()]
    _table(con, "areas", ("area_i", "name"), [(v, checker.area_name(v)) for v in used])
    return True


# A meeting's (span, category, level, new level or 0, leaves) as one number,
# each of the middle three a digit in base _OK_BASE (above every category
# and level).
_OK_BASE = 1 + max(int(value) for value in (*Category, *Level))
_OK_NUMBER = (
    f"(((({{span}}) * {_OK_BASE} + category) * {_OK_BASE} + level) * {_OK_BASE}"
    " + new_level) * 2 + leaves"
)


def _ok_number(
    span: int, category: int, level: int, new_level: int, leaves: int
) -> int:
    base = _OK_BASE
    return (((span * base + category) * base + level) * base + new_level) * 2 + leaves


def _value_case(checker: Checker, column: str, words: Sequence[str]) -> str:
    """The WHEN clauses of a CASE giving the value the readers read from
    each of *words* in a meetings *column* (the words they refuse left out)."""
    whens = []
    for word in words:
        value, problem = checker.meeting_value(column, word)
        if problem is None:  # pragma: no branch - the readers' own words
            whens.append(f"WHEN {_sql_text(word)} THEN {value}")
    return " ".join(whens)


def _fast_attendance(con: Any, checker: Checker) -> bool:
    """Table att_m (each meeting's attendance summed, by meeting id)
    from view a_v, if every row is written in plain words, names a
    meeting, is the only one of its agency at that meeting and breaks no
    rule."""
    c = _Columns
    slots = {agency: slot for slot, agency in enumerate(Agency, start=1)}
    always_ra = [slots[a] for a in sorted(checker.always_ra, key=slots.__getitem__)]
    police_or_social_work = [
        slots[a] for a in sorted(checker.ra_kpi_agencies, key=slots.__getitem__)
    ]
    slot_case = " ".join(
        f"WHEN {_sql_text(word)} THEN {slots[agency]}"
        for word, agency in sorted(checker.agency_spellings.items())
    )
    # Each meeting's rows of each of the four agencies, counted in one
    # number: COUNTER_MASK's bits for each (a meeting has no more rows).
    bits = c.COUNTER_MASK.bit_length()
    # A flag or role as the readers read it, NULL if not written plainly
    # (a CASE: an IN list of words would become a join).
    flag = " ".join(
        f"WHEN {_sql_text(word)} THEN {str(word in checker.true_words).lower()}"
        for word in _flag_words(checker)
    )
    role = " ".join(
        f"WHEN {_sql_text(word)} THEN {str(bool(bit)).lower()}"
        for word, bit in checker.roles.items()
    )
    con.execute(
        f"""CREATE TEMP VIEW att AS
        SELECT meeting_id AS meeting, agency, slot, dtc, inv AS invited, att AS attended,
          sen AS senior, wrote AS written,
          slot IN ({", ".join(map(str, police_or_social_work))}) AS police_or_social_work,
          coalesce(dtc IS NOT NULL AND inv IS NOT NULL AND att IS NOT NULL
            AND sen IS NOT NULL AND wrote IS NOT NULL
            AND NOT (slot = 0 AND NOT dtc)
            AND NOT (dtc AND slot IN ({", ".join(map(str, always_ra))}))
            AND NOT (att AND NOT inv) AND NOT (sen AND NOT att), false) AS simple
        FROM (
          SELECT meeting_id, agency, CASE agency {slot_case} ELSE 0 END AS slot,
            CASE role {role} END AS dtc, CASE invited {flag} END AS inv,
            CASE attended {flag} END AS att, CASE at_seniority {flag} END AS sen,
            CASE written_contribution {flag} END AS wrote
          FROM a_v
        )"""
    )
    four = " OR ".join(
        f"(four >> {bits * slot}) & {c.COUNTER_MASK} > 1" for slot in slots.values()
    )
    # A meeting's attendance is odd if a row is not written plainly, if it
    # has more rows than the readers allow, or if an agency is listed twice:
    # one of the four counted twice, or a named one listed twice.
    extra = f""", count(*) AS rows, count(*) FILTER (WHERE NOT simple) AS odd,
      sum(1::BIGINT << ({bits} * slot)) FILTER (WHERE slot > 0) AS four,
      list(agency) FILTER (WHERE slot = 0) AS named"""
    con.execute(
        f"""CREATE TEMP TABLE att_m AS SELECT meeting, ra_invited, ra_met,
          dtc_invited, dtc_met, absent, absent_wrote, named, odd > 0 OR rows > {c.COUNTER_MASK} OR {four}
          OR len(named) > 1 AND len(list_distinct(named)) < len(named) AS bad
        FROM ({ATTENDANCE_SQL.replace(_BY_MEETING, extra + _BY_MEETING)})"""
    )
    bad, unknown = con.execute(
        "SELECT count(*) FILTER (WHERE bad), (SELECT count(*) FROM att_m "
        "ANTI JOIN meet_t ON meet_t.id = att_m.meeting) FROM att_m"
    ).fetchone()
    if bad or unknown:
        return False
    # Every other agency named plainly (as the readers read it, itself).
    named = con.execute("SELECT DISTINCT unnest(named) FROM att_m").fetchall()
    return all(checker.plain_named_agency(text) for (text,) in named)


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
    data_until: _dt.date | None = None,
) -> tuple[Counts, Coverage]:
    """Every indicator over meetings (and attendance) that DuckDB reads:
    CSV (gzipped or not) or Parquet files, or DataFrames; and what they cover.

    Rows written in the readers' own words are checked in SQL; if any row
    is not (or breaks a rule), every value is checked once per distinct
    value with the readers' own checks, for their exact errors (a CSV file
    is then read by the Python reader, which reports its problems as only
    it can: line by line)."""
    import duckdb

    chosen = "utf-8" if check_encoding(encoding) == "utf-8" else encoding
    checker = Checker(area_table, rulebook)

    def python_reader() -> tuple[Counts, Coverage]:
        caseload = read_csv(
            meetings,
            attendance,
            on_error=on_error,  # type: ignore[arg-type]  # raise or collect
            encoding=encoding,
            area_table=area_table,
            rulebook=rulebook,
        )
        return count_caseload(caseload, period, fields, cal, book, data_until)

    con = _connect()
    try:
        try:
            source, csv = _stage(
                con, "m_v", meetings, checker, attendance=False, encoding=chosen
            )
            a_source = ""
            if attendance is not None:
                a_source, a_csv = _stage(
                    con, "a_v", attendance, checker, attendance=True, encoding=chosen
                )
                csv = csv or a_csv
            fast = _fast_meetings(con, checker, area_table) and (
                attendance is None or _fast_attendance(con, checker)
            )
        except _Fallback:
            return python_reader()
        except duckdb.Error:
            if csv:  # DuckDB could not read it as CSV: the reader says why
                return python_reader()
            raise
        if fast:
            if attendance is None:
                con.execute(
                    "CREATE TEMP TABLE att_m AS SELECT NULL::VARCHAR AS meeting, "
                    "0 AS ra_invited, 0 AS ra_met, 0 AS dtc_invited, 0 AS dtc_met, "
                    "0 AS absent, 0 AS absent_wrote WHERE false"
                )
            return _count(
                con, period, fields, cal, book, key="id", data_until=data_until
            )
        if csv:
            return python_reader()  # its errors are the reference's own
        # Check every value exactly, on a fresh connection.
        con.close()
        con = _connect()
        _stage(con, "m_v", meetings, checker, attendance=False, encoding=chosen)
        if attendance is not None:
            _stage(con, "a_v", attendance, checker, attendance=True, encoding=chosen)
        _materialise(con, "m_v", "m_raw")
        problems = _check_meetings(con, checker, source)
        if attendance is None:
            con.execute("CREATE TEMP TABLE att_codes (meeting_n BIGINT, code BIGINT)")
        else:
            _materialise(con, "a_v", "a_raw")
            problems += _check_attendance(con, checker, a_source)
        if problems:
            if on_error == "raise":
                raise problems[0][2]
            raise collected([error for _, _, error in problems])
        # Words the readers accept but not written plainly ("Yes", " 2 "):
        # count the rows the exact check typed.
        _most_attendance(con, checker)
        con.execute(
            """CREATE TEMP TABLE meet AS SELECT n, id, case_ref AS case_key, area_i,
            category, level, day, kind, liberation, released,
            disclosed = 1 AS disclosed, leaves = 1 AS leaves, new_level
            FROM m_status WHERE kept"""
        )
        _attendance_flags(con, "att_codes")
        used = [
            v for (v,) in con.execute("SELECT DISTINCT area_i FROM meet").fetchall()
        ]
        _table(
            con, "areas", ("area_i", "name"), [(v, checker.area_name(v)) for v in used]
        )
        return _count(con, period, fields, cal, book, data_until=data_until)
    finally:
        con.close()


def date_range(
    meetings: str | os.PathLike[str], *, encoding: str
) -> tuple[_dt.date, _dt.date] | None:
    """The first and last meeting dates in a meetings file (of the dates
    written as dates), or None if DuckDB cannot tell."""
    checker = Checker(None, None)
    con = _connect()
    try:
        try:
            _stage(con, "m_raw", meetings, checker, attendance=False, encoding=encoding)
        except (_Fallback, RecordError):
            return None
        first, last = con.execute(
            "SELECT min(d), max(d) FROM (SELECT TRY_CAST(trim(date) AS DATE) AS d FROM m_raw)"
        ).fetchone()
        if first is None:
            return None
        return first, last
    finally:
        con.close()
