"""Date ranges, time-of-day intervals and weekly opening hours."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True, slots=True)
class DateRange:
    """An inclusive range of calendar dates.

    Raises
    ------
    ValueError
        If ``end`` is before ``start``.
    """

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"date range ends ({self.end}) before it starts")

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def days(self) -> list[date]:
        """Return every date in the range, in order."""
        count = (self.end - self.start).days + 1
        return [self.start + timedelta(days=i) for i in range(count)]


@dataclass(frozen=True, slots=True)
class TimeWindow:
    """A time-of-day interval ``[start, end)`` in local time.

    Raises
    ------
    ValueError
        If the window closes at or before it opens.
    """

    start: time
    end: time

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError(f"window closes ({self.end}) before it opens")

    def minutes(self) -> int:
        """Return the length of the window in minutes."""
        return to_minutes(self.end) - to_minutes(self.start)


def to_minutes(moment: time) -> int:
    """Return minutes since midnight of a time of day."""
    return moment.hour * 60 + moment.minute


ALL_DAY = (TimeWindow(time(0, 0), time(23, 59)),)


@dataclass(frozen=True, slots=True)
class OpeningHours:
    """Opening windows for each weekday (index 0 = Monday).

    An empty tuple for a weekday means closed all day.

    Raises
    ------
    ValueError
        If there are not exactly seven weekdays or windows overlap.
    """

    by_weekday: tuple[tuple[TimeWindow, ...], ...]

    def __post_init__(self) -> None:
        if len(self.by_weekday) != 7:
            raise ValueError("opening hours need exactly 7 weekdays")
        for windows in self.by_weekday:
            ordered = sorted(windows, key=lambda w: w.start)
            for first, second in itertools.pairwise(ordered):
                if second.start < first.end:
                    raise ValueError("opening windows overlap")

    @classmethod
    def always(cls) -> OpeningHours:
        """Return hours open all day, every day."""
        return cls(by_weekday=(ALL_DAY,) * 7)

    @classmethod
    def same_every_day(cls, windows: Iterable[TimeWindow]) -> OpeningHours:
        """Return hours with the same windows on all seven weekdays."""
        day = tuple(windows)
        return cls(by_weekday=(day,) * 7)

    def on(self, day: date) -> tuple[TimeWindow, ...]:
        """Return the windows open on a calendar date."""
        return self.by_weekday[day.weekday()]

    def closed_weekdays(self) -> list[str]:
        """Return the short names of weekdays with no opening window."""
        return [WEEKDAYS[i] for i, w in enumerate(self.by_weekday) if not w]
