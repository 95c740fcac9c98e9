"""The bounds of what the library accepts from outside, in one place.

Every value that comes from a user (a JSON request, a roster cell, a program file, a
Python argument) is checked against these limits before any work is done with it, so
that a few bytes of input can never make the library compute for hours, exhaust memory
or fail with an interpreter error. Each limit is far above what real use needs; the
documentation (``docs/limits.md``) lists them with the reason for each.
"""

from __future__ import annotations

import datetime as _dt
from typing import Final

__all__ = [
    "EARLIEST_DATE",
    "LATEST_DATE",
    "MAX_AMOUNT",
    "MAX_CELL_CHARS",
    "MAX_COUNT",
    "MAX_DEPTH",
    "MAX_FRACTION_DIGITS",
    "MAX_ID_CHARS",
    "MAX_LINE_BYTES",
    "MAX_LISTED_PROBLEMS",
    "MAX_MONTHS",
    "MAX_NUMBER_CHARS",
    "MAX_PARTICIPANTS",
    "MAX_PROGRAM_BYTES",
    "MAX_REQUEST_BYTES",
    "MAX_ROSTER_BYTES",
    "MAX_ROWS",
    "MAX_TEXT_CHARS",
]

#: Largest amount of rupiah accepted anywhere (wage, income, contract value, grant):
#: Rp1,000 trillion, above the whole national budget.
MAX_AMOUNT: Final = 10**15
#: Most digits after the decimal point of an amount or rate (a rate such as 0.0024 has 4).
MAX_FRACTION_DIGITS: Final = 12
#: Longest text of a number (digits, sign, point); longer text is refused unread.
MAX_NUMBER_CHARS: Final = 40
#: Largest count (workers of an employer, a quota): one billion.
MAX_COUNT: Final = 10**9
#: Most people a planned budget is computed for (``--participants``).
MAX_PARTICIPANTS: Final = 10_000_000
#: Largest number of months (membership, contributions, a placement contract): 100 years.
MAX_MONTHS: Final = 1_200
#: Dates accepted: from 1 January 1900 to 31 December 2200.
EARLIEST_DATE: Final = _dt.date(1900, 1, 1)
LATEST_DATE: Final = _dt.date(2200, 12, 31)
#: Longest identifier (program id, person id, region code).
MAX_ID_CHARS: Final = 64
#: Longest display text (a name, a note, a sub-region).
MAX_TEXT_CHARS: Final = 500
#: Longest roster or payroll cell.
MAX_CELL_CHARS: Final = 10_000
#: Deepest nesting of objects and lists in a JSON request.
MAX_DEPTH: Final = 32
#: Largest JSON request (file or stdin).
MAX_REQUEST_BYTES: Final = 1_000_000
#: Largest program or regulation file.
MAX_PROGRAM_BYTES: Final = 2_000_000
#: Largest roster or payroll file read whole (CSV, JSON lines, xlsx).
MAX_ROSTER_BYTES: Final = 1_000_000_000
#: Longest line of a roster read block by block (a roster of any length); a valid line is
#: far shorter (every cell at most MAX_CELL_CHARS characters).
MAX_LINE_BYTES: Final = 1 << 24
#: Most data rows of a roster or payroll read whole (the header is not a row).
MAX_ROWS: Final = 1_000_000
#: Most problems of a file listed by ``program check``; the rest are counted.
MAX_LISTED_PROBLEMS: Final = 10
