"""Parse multi-value cells (lists, dates, ranges, hours, weekdays, times).

Items are separated by ';' or ',' (or a line break). Date ranges join two
dates with ``..``, `` to ``, an en or em dash, or `` - ``; they are accepted
in every dates column (a range in a dates column means each of its days).
Opening windows join two times with ``-``, an en dash or `` to ``; a closed
day is ``closed``, ``-``, ``none``, ``n/a``, ``na`` or ``no``. The table
:data:`PARSERS` names the parser of every column :class:`Kind`, so the
reader, the template writer and the tests agree on how each kind is read;
:func:`column_parser` adds a column's bounds or its own :class:`Parse`.
"""

from __future__ import annotations

import functools
import itertools
import re
import zoneinfo
from datetime import date, time, timedelta
from typing import TYPE_CHECKING

from lrplanner.core.columns import Kind, Parse
from lrplanner.core.countries import country_code
from lrplanner.core.people import ROOM_SINGLE, ROOM_TWIN, SHARE_WITH
from lrplanner.core.route import EVERY_COUNTRY, ROAD_SPEED_BOUNDS
from lrplanner.core.timespan import WEEKDAYS, DateRange, TimeWindow
from lrplanner.importers import cells
from lrplanner.importers.cells import CellError, parse_date, parse_time
from lrplanner.importers.cleantext import clean

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from lrplanner.core.columns import ColumnSpec


def _split(value: object) -> list[str]:
    """Return the raw items of a list cell (at most 2000 characters)."""
    text = cells.limited(cells.raw_text(value), cells.LIST_LIMIT, "a list")
    return re.split(r"[;,\n]", text)


def split_list(value: object) -> tuple[str, ...]:
    """Return the items of a multi-value cell separated by ';' or ','."""
    items = (clean(item) for item in _split(value))
    return tuple(
        cells.limited(item, cells.TEXT_LIMIT, "items") for item in items if item
    )


def parse_list(value: object) -> tuple[str, ...]:
    """Return free-text items separated by ';' or ','."""
    return split_list(value)


def parse_id_list(value: object) -> tuple[str, ...]:
    """Return identifiers separated by ';' or ','; invisible characters go (noted)."""
    return tuple(cells.parse_id(item) for item in _split(value) if clean(item))


#: Days one range in a dates column may cover (a blackout of a year at most).
MAX_RANGE_DAYS = 366


def parse_dates(value: object) -> tuple[date, ...]:
    """Return dates separated by ';' or ',' (or one date cell); ranges give each day."""
    if isinstance(value, date):
        return (parse_date(value),)
    days: dict[date, None] = {}
    for item in split_list(value):
        span = parse_date_range(item)
        length = (span.end - span.start).days + 1
        if length > MAX_RANGE_DAYS:
            raise CellError(f"date ranges of at most {MAX_RANGE_DAYS} days")
        days |= dict.fromkeys(span.start + timedelta(days=i) for i in range(length))
    return tuple(days)


_RANGE_SPLIT = re.compile(
    r"\s*(?:\.{2,3}|\u2026|[\u2013\u2014])\s*|\s+(?:to|until|till|-)\s+",
    re.IGNORECASE,
)
_ISO_PAIR = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})-(\d{4}-\d{1,2}-\d{1,2})")
_RANGE_HELP = "date ranges as 2027-03-01..2027-03-05 (or 'to', or an en dash)"


def parse_date_range(text: str) -> DateRange:
    """Return a range such as ``2027-03-01..2027-03-05``; one date = one day.

    The two dates may be joined by ``..``, ``...``, ``to``, an en or em dash,
    or a hyphen between spaces.
    """
    text = clean(text)
    pair = _ISO_PAIR.fullmatch(text)
    parts = list(pair.groups()) if pair else _RANGE_SPLIT.split(text)
    if len(parts) > 2 or not all(parts):
        raise CellError(_RANGE_HELP)
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


_HOURS_HELP = "opening windows as HH:MM-HH:MM, such as 08:00-11:30, 13:30-17:00"
_WINDOW_SPLIT = re.compile(r"\s*[-\u2013\u2014]\s*|\s+(?:to|until|till)\s+", re.I)
_END_OF_DAY = {"24:00", "24.00", "24h", "24h00", "midnight"}
#: What a closed day may be written as in an hours cell.
CLOSED = frozenset({"closed", "-", "\u2013", "\u2014", "none", "n/a", "na", "no"})


def _window(text: str) -> TimeWindow:
    parts = _WINDOW_SPLIT.split(text.strip())
    if len(parts) != 2:
        raise CellError(_HOURS_HELP)
    end_text = parts[1].lower().replace(" ", "")
    end = time(23, 59) if end_text in _END_OF_DAY else parse_time(parts[1])
    start = parse_time(parts[0])
    if end <= start:
        raise CellError(f"{_HOURS_HELP}; this one closes before it opens")
    return TimeWindow(start, end)


def parse_hours(value: object) -> tuple[TimeWindow, ...]:
    """Return the opening windows of one day: ``08:00-11:30, 13:30-17:00``.

    ``closed``, ``-``, ``none``, ``n/a``, ``na`` or ``no`` mean closed all day.
    """
    if isinstance(value, str) and clean(value).lower().rstrip(".") in CLOSED:
        return ()
    try:
        windows = sorted((_window(item) for item in split_list(value)), key=_start)
    except CellError as exc:
        if "HH:MM-HH:MM" in exc.expected:
            raise
        raise CellError(f"{_HOURS_HELP} ({exc.expected})") from None
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
    text = cells.cell_text(value)
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


_SPEEDS_HELP = (
    "road speeds in km/h, {low:g}-{high:g}: one number for every country (50), "
    "per country (KE 55; UG 45) or both (45; NP 25)"
)
_SPEED_ITEM = re.compile(r"(.*?)[\s:=]*(\d+(?:\.\d+)?)\s*(?:km/?h)?", re.I)


def parse_road_speeds(value: object) -> tuple[tuple[str, float], ...]:
    """Return (country code, km/h) pairs (``*``: every other country) from
    ``50``, ``KE 55; UG 45`` or ``45; Nepal 25``."""
    low, high = ROAD_SPEED_BOUNDS
    expected = _SPEEDS_HELP.format(low=low, high=high)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not low <= value <= high:  # also NaN, infinities and huge integers
            raise CellError(expected)
        return ((EVERY_COUNTRY, float(value)),)
    items = split_list(value)
    speeds: dict[str, float] = {}
    for item in items:
        match = _SPEED_ITEM.fullmatch(item.strip())
        if match is None:
            raise CellError(expected)
        name, number = match.group(1).strip(), float(match.group(2))
        code = country_code(name) if name else EVERY_COUNTRY
        if code is None or code in speeds or not low <= number <= high:
            raise CellError(expected)
        speeds[code] = number
    return tuple(speeds.items())


def parse_timezone(value: object) -> str:
    """Return an IANA time zone name such as Asia/Phnom_Penh."""
    text = cells.cell_text(value)
    if len(text) > 64 or not re.fullmatch(r"[A-Za-z0-9_+\-/]+", text):
        raise CellError("an IANA time zone such as Asia/Phnom_Penh")
    try:
        zoneinfo.ZoneInfo(text)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        raise CellError("an IANA time zone such as Asia/Phnom_Penh") from None
    return text


_ROOM_HELP = "twin, single or 'share with <participant id>', such as share with P07"
_SHARE = re.compile(r"(?:share(?:s|d)?\s*(?:with|:)?|with|twin with)\s+(.+)", re.I)
_ROOM_WORDS = {
    "twin": ROOM_TWIN,
    "double": ROOM_TWIN,
    "shared": ROOM_TWIN,
    "share": ROOM_TWIN,
    "single": ROOM_SINGLE,
    "single room": ROOM_SINGLE,
    "twin room": ROOM_TWIN,
}


def parse_room(value: object) -> str:
    """Return a room: ``twin``, ``single`` or ``share with <participant id>``.

    Case and spacing are free; ``double``/``shared`` mean twin, and
    ``with P07`` or ``share P07`` mean sharing with participant P07.
    """
    text = cells.cell_text(value)
    word = _ROOM_WORDS.get(" ".join(text.lower().split()))
    if word is not None:
        return word
    share = _SHARE.fullmatch(text)
    mate = share.group(1).strip() if share else ""
    if not mate or " " in mate or mate.lower() == "with":
        raise CellError(_ROOM_HELP)
    return f"{SHARE_WITH}{cells.parse_id(mate)}"


PARSERS: Mapping[Kind, Callable[[object], object]] = {
    Kind.TEXT: cells.parse_text,
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
    Kind.REQUIREMENT: cells.parse_requirement,
    Kind.CATEGORY: cells.parse_category,
    Kind.SPEEDS: parse_road_speeds,
}

#: Parsers of the columns read otherwise than their kind (``ColumnSpec.parse``).
SPECIAL_PARSERS: Mapping[Parse, Callable[[object], object]] = {
    Parse.YEAR: cells.parse_year,
    Parse.ID_LIST: parse_id_list,
    Parse.ROOM: parse_room,
    Parse.RATE: cells.parse_rate,
}


@functools.cache
def column_parser(column: ColumnSpec) -> Callable[[object], object]:
    """Return the parser of a column: its own, else its kind's within its bounds."""
    if column.parse is not None:
        return SPECIAL_PARSERS[column.parse]
    if column.bounds is None:
        return PARSERS[column.kind]
    low, high = column.bounds
    if column.kind is Kind.INT:
        return cells.bounded_int(int(low), int(high))
    if column.kind is Kind.NUMBER:
        return cells.bounded_number(low, high, column.what or "a number")
    raise ValueError(f"bounds on a {column.kind} column ({column.key})")
