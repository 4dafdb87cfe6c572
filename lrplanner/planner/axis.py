"""The engine's time axis: integer minutes, with each day's lunch cut out.

The engine sees "working minutes" from ``origin`` (midnight UTC of the first
route date). Every day's lunch block is removed from the axis, so a travel
leg that crosses lunch simply pauses for lunch and a visit can be kept from
straddling it by its windows. :meth:`TimeAxis.to_real` puts lunch back.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence
    from zoneinfo import ZoneInfo

MINUTE = timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class TimeAxis:
    """Maps aware datetimes to working minutes and back.

    ``lunches`` are the real (start, end) minutes of each lunch block, sorted
    and disjoint.
    """

    origin: datetime
    lunches: tuple[tuple[int, int], ...] = ()

    def real_minutes(self, moment: datetime) -> int:
        """Return whole minutes from the origin to an aware datetime (floor)."""
        return int((moment - self.origin) // MINUTE)

    def to_axis(self, moment: datetime) -> int:
        """Return the working minute of a real moment (lunch maps to its start)."""
        t = self.real_minutes(moment)
        cut = 0
        for start, end in self.lunches:
            if t <= start:
                break
            cut += min(t, end) - start
        return t - cut

    def lunch_point(self, index: int) -> int:
        """Return the working minute at which lunch block ``index`` happens."""
        start, _ = self.lunches[index]
        return start - sum(e - s for s, e in self.lunches[:index])

    def to_real(self, minute: int, *, after_lunch: bool = True) -> datetime:
        """Return the real moment of a working minute.

        A working minute equal to a lunch point is before lunch unless
        ``after_lunch`` (the default: an activity starting there starts
        after the meal).
        """
        points = [self.lunch_point(i) for i in range(len(self.lunches))]
        passed = (
            bisect.bisect_right(points, minute)
            if after_lunch
            else bisect.bisect_left(points, minute)
        )
        cut = sum(e - s for s, e in self.lunches[:passed])
        return self.origin + (minute + cut) * MINUTE


def build_axis(
    first_day: date, lunches: Sequence[tuple[datetime, datetime]]
) -> TimeAxis:
    """Return the axis starting at midnight UTC of ``first_day``."""
    origin = datetime.combine(first_day, datetime.min.time(), UTC)
    axis = TimeAxis(origin)
    blocks = tuple(
        sorted((axis.real_minutes(a), axis.real_minutes(b)) for a, b in lunches)
    )
    return TimeAxis(origin, blocks)


def at(day: date, clock: time, zone: ZoneInfo) -> datetime:
    """Return the aware datetime of a local clock time on a date."""
    return datetime.combine(day, clock, zone)
