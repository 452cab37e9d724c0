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
chunk at a time, never held as text and as records together. They read
UTF-8 (with or without a byte order mark) unless given another
``encoding=``, decompress gzip, and refuse anything that is not a regular
file or an open text stream.

The package holds three parts, each using only the one before: the record
types and writers, the columnar store (:class:`Caseload`, whose
:attr:`Caseload.columns` is the one view counting engines read), and the
readers.

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

from mappa.records._files import TextSource as TextSource
from mappa.records._files import check_encoding as check_encoding
from mappa.records._files import open_text as open_text
from mappa.records._files import readable_file as readable_file
from mappa.records._model import (
    ATTENDANCE_COLUMNS,
    MEETING_COLUMNS,
    AgencyRole,
    Attendance,
    Meeting,
    MeetingKind,
    write_csv,
    write_jsonl,
)
from mappa.records._readers import Checker as Checker
from mappa.records._readers import OnError as OnError
from mappa.records._readers import collected as collected
from mappa.records._readers import read_csv, read_json, sample_caseload
from mappa.records._store import Caseload
from mappa.records._store import Columns as Columns

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

# For the counting engines, importable but not public (not in __all__):
# Columns, the view Caseload.columns returns; Checker, the readers' checks
# value by value; collected, the error that lists every problem; and the
# readers' way of opening files (check_encoding, open_text, readable_file).

# The public names are documented, pickled and reported as this package's.
for _public in (
    AgencyRole,
    Attendance,
    Caseload,
    Meeting,
    MeetingKind,
    read_csv,
    read_json,
    sample_caseload,
    write_csv,
    write_jsonl,
):
    _public.__module__ = __name__
del _public
