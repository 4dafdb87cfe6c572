"""Parse multi-value cells (lists, dates, ranges, hours, weekdays, times).

Items are separated by ';' or ',' (or a line break). The table
:data:`PARSERS` names the parser of every column :class:`Kind`, so the
reader, the template writer and the tests agree on how each kind is read.
"""

from __future__ import annotations

import itertools
import re
import zoneinfo
from datetime import date, time
from typing import TYPE_CHECKING

from lrplanner.core.columns import Kind
from lrplanner.core.timespan import WEEKDAYS, DateRange, TimeWindow
from lrplanner.importers import cells
from lrplanner.importers.cells import CellError, parse_date, parse_text, parse_time

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping


def split_list(value: object) -> tuple[str, ...]:
    """Return the items of a multi-value cell separated by ';' or ','."""
    text = parse_text(value)
    return tuple(item.strip() for item in re.split(r"[;,\n]", text) if item.strip())


def parse_list(value: object) -> tuple[str, ...]:
    """Return free-text items separated by ';' or ','."""
    return split_list(value)


def parse_id_list(value: object) -> tuple[str, ...]:
    """Return identifiers separated by ';' or ','."""
    return tuple(cells.parse_id(item) for item in split_list(value))


def parse_dates(value: object) -> tuple[date, ...]:
    """Return dates separated by ';' or ',' (or one date cell)."""
    if isinstance(value, date):
        return (parse_date(value),)
    return tuple(parse_date(item) for item in split_list(value))


_RANGE_SPLIT = re.compile(r"\s*\.\.\s*|\s+to\s+|\s+[-\u2013]\s+", re.IGNORECASE)


def parse_date_range(text: str) -> DateRange:
    """Return ``YYYY-MM-DD..YYYY-MM-DD`` (or ``to`` / `` - ``); one date = one day."""
    parts = _RANGE_SPLIT.split(text.strip())
    if len(parts) > 2:
        raise CellError("date ranges as 2027-03-01..2027-03-05")
    start, end = parse_date(parts[0]), parse_date(parts[-1])
    if end < start:
        raise CellError("a date range that ends on or after its start")
    return DateRange(start, end)


def parse_date_ranges(value: object) -> tuple[DateRange, ...]:
    """Return date ranges separated by ';' or ','."""
    if isinstance(value, date):
        day = parse_date(value)
        return (DateRange(day, day),)
    return tuple(parse_date_range(item) for item in split_list(value))


def _window(text: str) -> TimeWindow:
    expected = "opening windows as HH:MM-HH:MM, such as 08:00-11:30, 13:30-17:00"
    parts = re.split(r"\s*[-\u2013]\s*", text.strip())
    if len(parts) != 2:
        raise CellError(expected)
    end = time(23, 59) if parts[1] in {"24:00", "24.00"} else parse_time(parts[1])
    start = parse_time(parts[0])
    if end <= start:
        raise CellError(f"{expected}; this one closes before it opens")
    return TimeWindow(start, end)


def parse_hours(value: object) -> tuple[TimeWindow, ...]:
    """Return the opening windows of one day: ``08:00-11:30, 13:30-17:00``."""
    if isinstance(value, str) and value.strip().lower() == "closed":
        return ()
    windows = sorted((_window(item) for item in split_list(value)), key=_start)
    for first, second in itertools.pairwise(windows):
        if second.start < first.end:
            raise CellError("opening windows that do not overlap")
    return tuple(windows)


def _start(window: TimeWindow) -> time:
    return window.start


_DAY_NAMES = {d.lower(): i for i, d in enumerate(WEEKDAYS)}
_DAY_NAMES |= {
    name: i
    for i, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
_WEEKDAYS_HELP = "weekdays such as Mon;Wed;Fri or Mon-Fri (or 'daily')"


def _weekday(text: str) -> int:
    day = _DAY_NAMES.get(text.strip().lower())
    if day is None:
        raise CellError(_WEEKDAYS_HELP)
    return day


def _day_span(text: str) -> set[int]:
    parts = re.split(r"\s*[-\u2013]\s*", text.strip())
    if len(parts) == 1:
        return {_weekday(parts[0])}
    if len(parts) != 2:
        raise CellError(_WEEKDAYS_HELP)
    first, last = _weekday(parts[0]), _weekday(parts[1])
    return {(first + i) % 7 for i in range((last - first) % 7 + 1)}


def parse_weekdays(value: object) -> frozenset[int]:
    """Return weekday numbers (0 = Monday) from ``Mon;Wed;Fri`` or ``Mon-Fri``."""
    text = parse_text(value)
    if text.lower() in {"daily", "every day", "all", "mon-sun"}:
        return frozenset(range(7))
    days: set[int] = set()
    for item in split_list(text):
        days |= _day_span(item)
    return frozenset(days)


def parse_times(value: object) -> tuple[time, ...]:
    """Return times of day separated by ';' or ',' (or one time cell)."""
    if isinstance(value, time | float) and not isinstance(value, bool):
        return (parse_time(value),)
    return tuple(sorted({parse_time(item) for item in split_list(value)}))


def parse_timezone(value: object) -> str:
    """Return an IANA time zone name such as Asia/Phnom_Penh."""
    text = parse_text(value)
    try:
        zoneinfo.ZoneInfo(text)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        raise CellError("an IANA time zone such as Asia/Phnom_Penh") from None
    return text


PARSERS: Mapping[Kind, Callable[[object], object]] = {
    Kind.TEXT: parse_text,
    Kind.ID: cells.parse_id,
    Kind.INT: cells.parse_int,
    Kind.NUMBER: cells.parse_number,
    Kind.MONEY: cells.parse_money,
    Kind.PERCENT: cells.parse_percent,
    Kind.DATE: parse_date,
    Kind.TIME: parse_time,
    Kind.BOOL: cells.parse_bool,
    Kind.LIST: parse_list,
    Kind.DATES: parse_dates,
    Kind.DATE_RANGES: parse_date_ranges,
    Kind.HOURS: parse_hours,
    Kind.COUNTRY: cells.parse_country,
    Kind.CURRENCY: cells.parse_currency,
    Kind.GENDER: cells.parse_gender,
    Kind.MODE: cells.parse_mode,
    Kind.PLACE_KIND: cells.parse_place_kind,
    Kind.WEEKDAYS: parse_weekdays,
    Kind.TIMES: parse_times,
    Kind.TIMEZONE: parse_timezone,
}
