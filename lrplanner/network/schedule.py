"""When the group can actually leave: timetables and border-post hours.

All moments are aware datetimes; timetables and opening hours are local
wall-clock times in the zone of the place they belong to.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from lrplanner.core.timespan import OpeningHours
    from lrplanner.network.legs import Connection

#: Look this many days ahead; a weekly pattern repeats within 7.
_HORIZON_DAYS = 8
_LAST_MINUTE = time(23, 59)


def next_departure(
    edge: Connection, ready: datetime, zone: ZoneInfo
) -> datetime | None:
    """Return the first moment at or after ``ready`` when an edge can be taken.

    Parameters
    ----------
    edge
        The edge, with its running weekdays and local departure times.
    ready
        Aware moment the group is ready at the edge's origin.
    zone
        Time zone of the origin, in which the timetable is written.

    Returns
    -------
    datetime | None
        The departure moment in UTC, or None if the edge never runs.
    """
    local = ready.astimezone(zone)
    for offset in range(_HORIZON_DAYS):
        day = local.date() + timedelta(days=offset)
        if day.weekday() not in edge.weekdays:
            continue
        if not edge.departures:
            start = local if offset == 0 else _at(day, time(0, 0), zone)
            return start.astimezone(UTC)
        for moment in sorted(edge.departures):
            candidate = _at(day, moment, zone)
            if candidate >= local:
                return candidate.astimezone(UTC)
    return None


def next_open(
    opening: OpeningHours, ready: datetime, zone: ZoneInfo
) -> datetime | None:
    """Return the first moment at or after ``ready`` when a place is open.

    A window ending at 23:59 is read as open until midnight, so "all day"
    hours have no gap.

    Returns
    -------
    datetime | None
        The moment in UTC, or None if the place never opens.
    """
    local = ready.astimezone(zone)
    for offset in range(_HORIZON_DAYS):
        day = local.date() + timedelta(days=offset)
        for window in sorted(opening.by_weekday[day.weekday()], key=lambda w: w.start):
            start = _at(day, window.start, zone)
            end = (
                _at(day + timedelta(days=1), time(0, 0), zone)
                if window.end >= _LAST_MINUTE
                else _at(day, window.end, zone)
            )
            if local < end:
                return max(local, start).astimezone(UTC)
    return None


def _at(day: date, moment: time, zone: ZoneInfo) -> datetime:
    """Return the aware local datetime of a wall-clock time on a date."""
    return datetime.combine(day, moment, tzinfo=zone)
