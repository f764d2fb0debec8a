"""ISO 8601 periods of figures: a date (``2020``, ``2020-09``, ``2020-09-30``) or an
interval of two such dates (``2020-01/2020-09``), read as the days they cover.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class Period:
    start: date  # first day covered
    end: date  # last day covered
    text: str


def _bounds(part: str) -> tuple[date, date]:
    m = _DATE.fullmatch(part)
    if not m:
        raise ValueError(f"{part!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = int(m[1]), m[2], m[3]
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    if not 1 <= int(month) <= 12:
        raise ValueError(f"{part!r}: month {month} does not exist")
    last = calendar.monthrange(year, int(month))[1]
    if day is None:
        return date(year, int(month), 1), date(year, int(month), last)
    if not 1 <= int(day) <= last:
        raise ValueError(f"{part!r}: day {day} does not exist in {year}-{month}")
    d = date(year, int(month), int(day))
    return d, d


def parse_period(text: str) -> Period:
    """Read ``text`` or raise ``ValueError`` saying what is wrong."""
    parts = text.split("/")
    if len(parts) > 2 or not all(parts):
        raise ValueError(f"{text!r} is neither an ISO date nor an interval START/END")
    start = _bounds(parts[0])[0]
    end = _bounds(parts[-1])[1]
    if end < start:
        raise ValueError(f"{text!r} ends ({parts[-1]}) before it starts ({parts[0]})")
    return Period(start, end, text)
