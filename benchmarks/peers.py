"""An analyst's own code for the eight indicators: pandas, polars, DuckDB SQL.

Each function reads the two CSV files the benchmark writes (clean files,
so none checks values or lists failed meetings) and returns, for the
reporting year 2025/26 grouped by area, ``{indicator: {area: (met,
counted)}}``: the figures `mappa` reports, which the benchmark checks they
match. They follow the definitions in ``docs/indicators.md``: a meeting
counts in the period of its date, level 2 and 3 meetings only; review
intervals are due 42 (level 3) or 84 (level 2) days after a meeting, under
the level after it, from the last of a case's meetings that day; minutes
are due 10 Scottish working days after the meeting.

Written as a competent analyst would: vectorised, no row-by-row Python,
Scottish bank holidays from the ``holidays`` package.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

START = dt.date(2025, 4, 1)
END = dt.date(2026, 3, 31)
EARLIEST = START - dt.timedelta(days=84)
FINAL_DAYS = 10
PRE_RELEASE_DAYS = 28
INTERVALS = {2: 84, 3: 42}

Figures = dict[str, dict[str, tuple[int, int]]]


def bank_holidays() -> list[dt.date]:
    """Scottish bank holidays (substitute days included), 2023-2027."""
    import holidays

    return sorted(
        holidays.country_holidays("GB", subdiv="SCT", years=range(2023, 2028))
    )


def _figures(frame: Any, pairs: dict[str, tuple[str, str]]) -> Figures:
    """{indicator: {area: (met, counted)}} from a pandas frame indexed by area."""
    result: Figures = {}
    for indicator, (met, counted) in pairs.items():
        result[indicator] = {
            str(area): (int(row[met]), int(row[counted]))
            for area, row in frame.iterrows()
            if row[counted] or row[met]
        }
    return result


# -- pandas -------------------------------------------------------------------------


def pandas_indicators(meetings_path: str, attendance_path: str) -> Figures:
    import numpy as np
    import pandas as pd

    m = pd.read_csv(
        meetings_path,
        dtype={
            "meeting_id": str,
            "case_ref": str,
            "area": str,
            "kind": str,
            "disclosure_recorded": str,
            "leaves_mappa": str,
            "new_level": "float64",
        },
        parse_dates=["date", "liberation_date", "minutes_released"],
        engine="pyarrow",
    )
    a = pd.read_csv(attendance_path, engine="pyarrow")
    start, end = pd.Timestamp(START), pd.Timestamp(END)

    invited = a["invited"].eq("yes")
    attended = a["attended"].eq("yes")
    met = attended & a["at_seniority"].eq("yes")
    dtc = a["role"].eq("dtc")
    ra = a["agency"].isin(["police", "social work"]) & ~dtc & invited
    absent = invited & ~attended
    counts = (
        pd.DataFrame(
            {
                "meeting_id": a["meeting_id"],
                "ra_invited": ra,
                "ra_met": ra & met,
                "dtc_invited": dtc & invited,
                "dtc_met": dtc & invited & met,
                "absent": absent,
                "absent_wrote": absent & a["written_contribution"].eq("yes"),
            }
        )
        .groupby("meeting_id")
        .sum()
    )

    members = m[m["level"].isin([2, 3]) & m["date"].between(start, end)]
    members = members.join(counts, on="meeting_id").fillna(
        dict.fromkeys(counts.columns, 0)
    )
    main = members[members["kind"] != "rmt"].copy()
    hol = np.array(bank_holidays(), dtype="datetime64[D]")
    deadline = np.busday_offset(
        main["date"].values.astype("datetime64[D]"),
        FINAL_DAYS,
        roll="backward",
        holidays=hol,
    ).astype("datetime64[ns]")
    released = main["minutes_released"]
    by_end = released.notna() & (released <= end)
    main["minutes_met"] = by_end & (released.values <= deadline)
    main["minutes_counted"] = by_end | (deadline <= np.datetime64(END, "ns"))
    main["disclosed"] = main["disclosure_recorded"].eq("yes")
    main["one"] = 1
    custody = members[
        (members["kind"] == "initial")
        & (members["level"] == 3)
        & members["liberation_date"].notna()
    ].copy()
    custody["met"] = custody["date"] <= custody["liberation_date"] - pd.Timedelta(
        days=PRE_RELEASE_DAYS
    )
    custody["one"] = 1

    w = m[m["date"].between(pd.Timestamp(EARLIEST), end)]
    w = w.sort_values(["case_ref", "date"], kind="stable")
    level_after = w["new_level"].fillna(w["level"]).astype(int)
    after = level_after.where(w["leaves_mappa"].ne("yes") & (level_after >= 2), 0)
    following = w["date"].shift(-1).where(w["case_ref"].shift(-1) == w["case_ref"])
    due = w["date"] + pd.to_timedelta(after.map(INTERVALS).fillna(0), unit="D")
    counted = (after > 0) & (following != w["date"]) & due.between(start, end)
    reviews = pd.DataFrame(
        {
            "area": w["area"],
            "after": after,
            "met": following.notna() & (following <= due),
        }
    )[counted]

    result: Figures = {}
    result.update(
        _figures(
            members.groupby("area")[["ra_met", "ra_invited"]].sum(),
            {"ra_attendance": ("ra_met", "ra_invited")},
        )
    )
    sums = main.groupby("area")[
        [
            "dtc_met",
            "dtc_invited",
            "absent_wrote",
            "absent",
            "minutes_met",
            "minutes_counted",
            "disclosed",
            "one",
        ]
    ].sum()
    result.update(
        _figures(
            sums,
            {
                "dtc_attendance": ("dtc_met", "dtc_invited"),
                "written_contributions": ("absent_wrote", "absent"),
                "minutes_released": ("minutes_met", "minutes_counted"),
                "disclosure_recorded": ("disclosed", "one"),
            },
        )
    )
    result.update(
        _figures(
            custody.groupby("area")[["met", "one"]].sum(),
            {"pre_release_mappp": ("met", "one")},
        )
    )
    for level, name in ((3, "level3_reviews"), (2, "level2_reviews")):
        part = reviews[reviews["after"] == level].assign(one=1)
        result.update(
            _figures(part.groupby("area")[["met", "one"]].sum(), {name: ("met", "one")})
        )
    return result


# -- polars -------------------------------------------------------------------------


def polars_indicators(meetings_path: str, attendance_path: str) -> Figures:
    import polars as pl

    start, end, earliest = START, END, EARLIEST
    m = pl.scan_csv(
        meetings_path,
        schema_overrides={
            "new_level": pl.Int64,
            "liberation_date": pl.Date,
            "minutes_released": pl.Date,
            "date": pl.Date,
        },
    )
    a = pl.scan_csv(attendance_path)
    yes = lambda column: pl.col(column) == "yes"  # noqa: E731 - a short helper
    dtc = pl.col("role") == "dtc"
    invited, attended = yes("invited"), yes("attended")
    met = attended & yes("at_seniority")
    ra = pl.col("agency").is_in(["police", "social work"]) & ~dtc & invited
    absent = invited & ~attended
    counts = a.group_by("meeting_id").agg(
        ra.sum().alias("ra_invited"),
        (ra & met).sum().alias("ra_met"),
        (dtc & invited).sum().alias("dtc_invited"),
        (dtc & invited & met).sum().alias("dtc_met"),
        absent.sum().alias("absent"),
        (absent & yes("written_contribution")).sum().alias("absent_wrote"),
    )
    members = (
        m.filter(pl.col("level").is_in([2, 3]) & pl.col("date").is_between(start, end))
        .join(counts, on="meeting_id", how="left")
        .fill_null(0)
    )
    deadline = pl.col("date").dt.add_business_days(
        FINAL_DAYS, holidays=bank_holidays(), roll="backward"
    )
    released = pl.col("minutes_released")
    by_end = released.is_not_null() & (released <= end)
    main = (
        members.filter(pl.col("kind") != "rmt")
        .group_by("area")
        .agg(
            pl.col("dtc_met").sum(),
            pl.col("dtc_invited").sum(),
            pl.col("absent_wrote").sum(),
            pl.col("absent").sum(),
            (by_end & (released <= deadline)).sum().alias("minutes_met"),
            (by_end | (deadline <= end)).sum().alias("minutes_counted"),
            yes("disclosure_recorded").sum().alias("disclosed"),
            pl.len().alias("one"),
        )
    )
    ra_sums = members.group_by("area").agg(
        pl.col("ra_met").sum(), pl.col("ra_invited").sum()
    )
    custody = (
        members.filter(
            (pl.col("kind") == "initial")
            & (pl.col("level") == 3)
            & pl.col("liberation_date").is_not_null()
        )
        .group_by("area")
        .agg(
            (
                pl.col("date")
                <= pl.col("liberation_date") - pl.duration(days=PRE_RELEASE_DAYS)
            )
            .sum()
            .alias("met"),
            pl.len().alias("one"),
        )
    )
    level_after = pl.coalesce(pl.col("new_level"), pl.col("level"))
    after = (
        pl.when(~yes("leaves_mappa") & (level_after >= 2))
        .then(level_after)
        .otherwise(0)
    )
    following = pl.col("date").shift(-1).over("case_ref")
    due = pl.col("date") + pl.duration(
        days=pl.col("after").replace_strict(INTERVALS, default=0)
    )
    reviews = (
        m.filter(pl.col("date").is_between(earliest, end))
        .with_row_index("n")
        .sort(["case_ref", "date", "n"])
        .with_columns(after.alias("after"), following.alias("following"))
        .with_columns(due.alias("due"))
        .filter(
            (pl.col("after") > 0)
            & ((pl.col("following") != pl.col("date")) | pl.col("following").is_null())
            & pl.col("due").is_between(start, end)
        )
        .group_by("area", "after")
        .agg(
            (pl.col("following").is_not_null() & (pl.col("following") <= pl.col("due")))
            .sum()
            .alias("met"),
            pl.len().alias("one"),
        )
    )
    main_df, ra_df, custody_df, reviews_df = pl.collect_all(
        [main, ra_sums, custody, reviews]
    )

    def figures(frame: Any, met: str, counted: str) -> dict[str, tuple[int, int]]:
        return {
            row["area"]: (int(row[met]), int(row[counted]))
            for row in frame.iter_rows(named=True)
            if row[met] or row[counted]
        }

    return {
        "ra_attendance": figures(ra_df, "ra_met", "ra_invited"),
        "dtc_attendance": figures(main_df, "dtc_met", "dtc_invited"),
        "written_contributions": figures(main_df, "absent_wrote", "absent"),
        "minutes_released": figures(main_df, "minutes_met", "minutes_counted"),
        "disclosure_recorded": figures(main_df, "disclosed", "one"),
        "pre_release_mappp": figures(custody_df, "met", "one"),
        "level3_reviews": figures(
            reviews_df.filter(pl.col("after") == 3), "met", "one"
        ),
        "level2_reviews": figures(
            reviews_df.filter(pl.col("after") == 2), "met", "one"
        ),
    }


# -- DuckDB SQL ---------------------------------------------------------------------


def duckdb_indicators(meetings_path: str, attendance_path: str) -> Figures:
    import duckdb

    con = duckdb.connect()
    days = [START + dt.timedelta(days=n) for n in range(-1, (END - START).days + 40)]
    closed = set(bank_holidays())
    con.execute(
        "CREATE TABLE cal AS SELECT d, working, sum(working::INT) OVER (ORDER BY d) AS idx "
        "FROM (SELECT unnest($1) AS d, unnest($2) AS working)",
        [days, [d.weekday() < 5 and d not in closed for d in days]],
    )
    con.execute(f"CREATE VIEW m AS SELECT * FROM read_csv('{meetings_path}')")
    con.execute(f"CREATE VIEW a AS SELECT * FROM read_csv('{attendance_path}')")
    sql = f"""
    WITH att AS (
      SELECT meeting_id,
        count(*) FILTER (WHERE agency IN ('police', 'social work') AND role = 'ra'
                         AND invited = 'yes') AS ra_invited,
        count(*) FILTER (WHERE agency IN ('police', 'social work') AND role = 'ra'
                         AND invited = 'yes' AND attended = 'yes' AND at_seniority = 'yes') AS ra_met,
        count(*) FILTER (WHERE role = 'dtc' AND invited = 'yes') AS dtc_invited,
        count(*) FILTER (WHERE role = 'dtc' AND invited = 'yes' AND attended = 'yes'
                         AND at_seniority = 'yes') AS dtc_met,
        count(*) FILTER (WHERE invited = 'yes' AND attended = 'no') AS absent,
        count(*) FILTER (WHERE invited = 'yes' AND attended = 'no'
                         AND written_contribution = 'yes') AS absent_wrote
      FROM a GROUP BY meeting_id
    ), members AS (
      SELECT m.*, coalesce(ra_invited, 0) AS ra_invited, coalesce(ra_met, 0) AS ra_met,
        coalesce(dtc_invited, 0) AS dtc_invited, coalesce(dtc_met, 0) AS dtc_met,
        coalesce(absent, 0) AS absent, coalesce(absent_wrote, 0) AS absent_wrote
      FROM m LEFT JOIN att USING (meeting_id)
      WHERE level IN (2, 3) AND date BETWEEN DATE '{START}' AND DATE '{END}'
    ), due AS (
      SELECT c.d, w.d AS deadline FROM cal c JOIN cal w ON w.working AND w.idx = c.idx + {FINAL_DAYS}
    ), win AS (
      SELECT area, date, case_when_after AS after,
        lead(date) OVER (PARTITION BY case_ref ORDER BY date) AS following
      FROM (SELECT *, CASE WHEN leaves_mappa = 'yes' THEN 0
                           WHEN coalesce(new_level, level) >= 2 THEN coalesce(new_level, level)
                           ELSE 0 END AS case_when_after
            FROM m WHERE date BETWEEN DATE '{EARLIEST}' AND DATE '{END}')
    ), reviews AS (
      SELECT area, after, (following IS NOT NULL AND following <= due) AS met FROM (
        SELECT *, date + to_days(CASE after WHEN 3 THEN 42 ELSE 84 END) AS due FROM win)
      WHERE after > 0 AND (following IS NULL OR following <> date)
        AND due BETWEEN DATE '{START}' AND DATE '{END}'
    )
    SELECT 'ra_attendance', area, sum(ra_met), sum(ra_invited) FROM members GROUP BY area
    UNION ALL SELECT 'dtc_attendance', area, sum(dtc_met), sum(dtc_invited)
      FROM members WHERE kind <> 'rmt' GROUP BY area
    UNION ALL SELECT 'written_contributions', area, sum(absent_wrote), sum(absent)
      FROM members WHERE kind <> 'rmt' GROUP BY area
    UNION ALL SELECT 'disclosure_recorded', area, count(*) FILTER (WHERE disclosure_recorded = 'yes'), count(*)
      FROM members WHERE kind <> 'rmt' GROUP BY area
    UNION ALL SELECT 'minutes_released', area,
        count(*) FILTER (WHERE minutes_released <= DATE '{END}' AND minutes_released <= deadline),
        count(*) FILTER (WHERE minutes_released <= DATE '{END}' OR deadline <= DATE '{END}')
      FROM members JOIN due ON due.d = members.date WHERE kind <> 'rmt' GROUP BY area
    UNION ALL SELECT 'pre_release_mappp', area,
        count(*) FILTER (WHERE date <= liberation_date - INTERVAL {PRE_RELEASE_DAYS} DAY), count(*)
      FROM members WHERE kind = 'initial' AND level = 3 AND liberation_date IS NOT NULL GROUP BY area
    UNION ALL SELECT CASE after WHEN 3 THEN 'level3_reviews' ELSE 'level2_reviews' END, area,
        count(*) FILTER (WHERE met), count(*) FROM reviews GROUP BY after, area
    """
    result: Figures = {}
    for indicator, area, met, counted in con.execute(sql).fetchall():
        if met or counted:
            result.setdefault(indicator, {})[area] = (int(met), int(counted))
    return result


PEERS = {
    "pandas": pandas_indicators,
    "polars": polars_indicators,
    "duckdb-sql": duckdb_indicators,
}
