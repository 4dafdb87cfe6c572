"""Read dates and times of day from the text officers type.

Accepted (also listed on the template's README sheet):

- dates: ``2027-04-01``, ``2027/04/01``, ``2027.04.01``, ``01 Apr 2027``,
  ``1 April 2027``, ``1-Apr-2027``, ``April 1, 2027``; ``25/03/2027`` (a day
  above 12) is day/month/year and ``03/25/2027`` month/day/year, but
  ``01/04/2027`` is ambiguous and refused with the two ISO readings;
- times: ``18:00``, ``18.00``, ``18h00``, ``18h``, ``1800``, ``6:00 PM``,
  ``6 pm``, ``6.30 p.m.``, ``8am``, ``noon``.

Every function raises ``ValueError`` whose text says what a good value looks
like; :mod:`lrplanner.importers.cells` turns it into a ``CellError``.
"""

from __future__ import annotations

import re
from datetime import date, time

#: Dates outside these bounds are refused everywhere (Excel's serial 60 is
#: 1900-02-28; a typo such as 20227 would make a route of millennia).
FIRST_DATE = date(2000, 1, 1)
LAST_DATE = date(2100, 12, 31)
DATE_HELP = "a date as YYYY-MM-DD, such as 2027-03-01"
TIME_HELP = "a time as HH:MM, such as 08:30 (or 6 pm, 6:30 PM, 18.30)"
_LONGEST = 40  # characters; no accepted form is longer

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"([a-z]{3,9})\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YMD = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ t]00:00(?::00)?)?")
_DMY = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})")
_D_MONTH_Y = re.compile(_DAY + r"[ \-./]*" + _MONTH + r"[ \-./,]*(\d{4})")
_MONTH_D_Y = re.compile(_MONTH + r"[ \-./]*" + _DAY + r",?[ \-./]+(\d{4})")


def in_bounds(day: date) -> date:
    """Return ``day`` if it lies between 2000-01-01 and 2100-12-31.

    Raises
    ------
    ValueError
        If it does not; the message names the bounds and the date found.
    """
    if not FIRST_DATE <= day <= LAST_DATE:
        raise ValueError(
            f"a date from {FIRST_DATE} to {LAST_DATE}; {day} is outside "
            "(a number in a date-formatted cell?)"
        )
    return day


def _ordered(first: int, second: int, year: int) -> date:
    """Return d/m/y or m/d/y, whichever is the only possible reading."""
    if first <= 12 and second <= 12 and first != second:
        one, other = date(year, second, first), date(year, first, second)
        raise ValueError(
            f"a date as YYYY-MM-DD: {first:02}/{second:02}/{year} is ambiguous "
            f"(day/month or month/day?); write {one} or {other}"
        )
    day, month = (first, second) if first > 12 or second <= 12 else (second, first)
    return date(year, month, day)


def _named(day: str, month: str, year: str) -> date:
    number = _MONTHS.get(month)
    if number is None:
        raise ValueError(f"{DATE_HELP} (unknown month {month!r})")
    return date(int(year), number, int(day))


def _read_date(text: str) -> date | None:
    if match := _YMD.fullmatch(text):
        return date(int(match[1]), int(match[3]), int(match[4]))
    if match := _DMY.fullmatch(text):
        return _ordered(int(match[1]), int(match[3]), int(match[4]))
    if match := _D_MONTH_Y.fullmatch(text):
        return _named(match[1], match[2], match[3])
    if match := _MONTH_D_Y.fullmatch(text):
        return _named(match[2], match[1], match[3])
    return None


def date_from_text(text: str, *, bounded: bool = True) -> date:
    """Return the date a text names, in one of the accepted forms.

    ``bounded=False`` accepts any year (for a birth date in a year column).

    Raises
    ------
    ValueError
        If the text is no accepted form, an impossible or ambiguous date, or
        (``bounded``) outside 2000-01-01..2100-12-31.
    """
    folded = " ".join(text.lower().split())
    if len(folded) > _LONGEST:
        raise ValueError(DATE_HELP)
    try:
        day = _read_date(folded)
    except ValueError as exc:
        if "YYYY" in str(exc):
            raise
        raise ValueError(f"{DATE_HELP} (no such date)") from None
    if day is None:
        raise ValueError(DATE_HELP)
    return in_bounds(day) if bounded else day


_CLOCK = re.compile(r"(\d{1,2})(?:[:.h](\d{2})(?::(\d{2}))?|h)|(\d{2})(\d{2})")
_TWELVE = re.compile(r"(\d{1,2})(?:[:.](\d{2}))? ?([ap])\.? ?m\.?")
_WORDS = {"noon": time(12, 0), "midday": time(12, 0)}


def _twelve_hour(hour: int, minute: int, half: str) -> time:
    if not 1 <= hour <= 12:
        raise ValueError(f"{TIME_HELP}; with am/pm the hour is 1 to 12")
    return time(hour % 12 + (12 if half == "p" else 0), minute)


def time_from_text(text: str) -> time:
    """Return the time of day a text names (24-hour or am/pm).

    Raises
    ------
    ValueError
        If the text is no accepted form or no time of day (25:00, 12:60).
    """
    folded = " ".join(text.lower().split())
    if len(folded) > _LONGEST:
        raise ValueError(TIME_HELP)
    if folded in _WORDS:
        return _WORDS[folded]
    if match := _TWELVE.fullmatch(folded):
        minute = int(match[2] or 0)
        if minute > 59:
            raise ValueError(TIME_HELP)
        return _twelve_hour(int(match[1]), minute, match[3])
    clock = _CLOCK.fullmatch(folded)
    if clock is None:
        raise ValueError(TIME_HELP)
    hour, minutes, seconds = (int(g or 0) for g in _clock_parts(clock))
    if hour > 23 or minutes > 59 or seconds > 59:
        raise ValueError(TIME_HELP)
    return time(hour, minutes)


def _clock_parts(clock: re.Match[str]) -> tuple[str | None, str | None, str | None]:
    """Return hour, minutes and seconds of ``18:00:00``, ``18h`` or ``1800``."""
    if clock[1]:
        return clock[1], clock[2], clock[3]
    return clock[4], clock[5], None
