"""English names of months and weekdays, whatever the machine's locale (private).

``datetime.strftime`` follows the locale, so text meant for a tribunal, a
report or a log would change language with the machine; these names do not.

>>> import datetime as dt
>>> long_date(dt.date(2025, 1, 6))
'6 January 2025'
>>> WEEKDAY_NAMES[dt.date(2025, 1, 6).weekday()]
'Monday'
"""

from __future__ import annotations

import datetime as _dt

__all__: list[str] = []

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

WEEKDAY_NAMES = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)


def long_date(day: _dt.date) -> str:
    """*day* as British English writes it: ``'6 January 2025'``."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
