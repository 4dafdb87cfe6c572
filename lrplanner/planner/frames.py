"""Day frames: each route day's usable window, lunch and reserved sessions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from lrplanner.core.availability import route_dates
from lrplanner.planner.axis import MINUTE as _MIN
from lrplanner.planner.axis import TimeAxis, at, build_axis

if TYPE_CHECKING:
    from collections.abc import Iterable
    from zoneinfo import ZoneInfo

    from lrplanner.core.project import Project
    from lrplanner.core.rules import SessionRules


@dataclass(frozen=True, slots=True, kw_only=True)
class DayFrame:
    """One route day in real time: when the day may start and must end.

    ``start``/``end`` hold for every time zone the route touches (the latest
    local day start and the earliest local day end), so a plan inside them
    respects the day window wherever the group is. ``lunch`` is the day's
    lunch block. ``open_from``/``close_by`` leave room for the sessions placed
    at the start or the end of the day.
    """

    index: int
    day: date
    start: datetime
    end: datetime
    lunch: tuple[datetime, datetime] | None
    open_from: datetime
    close_by: datetime
    rest: bool


def day_frames(
    project: Project, zones: Iterable[ZoneInfo], sessions: SessionRules
) -> tuple[tuple[DayFrame, ...], TimeAxis]:
    """Return every day's frame and the engine's time axis."""
    route = project.route
    zone_list = list(dict.fromkeys(zones))
    lunch_zone = zone_list[0]
    frames = []
    dates = route_dates(project)
    for index, day in enumerate(dates):
        start = max(at(day, route.day_start, z) for z in zone_list)
        end = min(at(day, route.day_end, z) for z in zone_list)
        lunch = None
        if route.lunch_minutes:
            begin = at(day, route.lunch_start, lunch_zone)
            lunch = (begin, begin + (route.lunch_minutes * _MIN))
        frames.append(
            _reserve(
                index,
                day,
                start,
                end,
                lunch,
                len(dates),
                day in route.rest_days,
                sessions,
            )
        )
    lunches = [f.lunch for f in frames if f.lunch is not None]
    return tuple(frames), build_axis(route.start_date, lunches)


def _reserve(
    index: int,
    day: date,
    start: datetime,
    end: datetime,
    lunch: tuple[datetime, datetime] | None,
    days: int,
    rest: bool,
    sessions: SessionRules,
) -> DayFrame:
    head = 0
    if index == 0:
        head += sessions.opening_min
    if days >= 2 and index == days - 2:
        head += sessions.innovation_min
    tail = sessions.closing_min if index == days - 1 else sessions.reflection_min
    open_from = _skip_lunch(start + head * _MIN, lunch)
    close_by = end - tail * _MIN
    return DayFrame(
        index=index,
        day=day,
        start=start,
        end=end,
        lunch=lunch,
        open_from=open_from,
        close_by=close_by,
        rest=rest,
    )


def _skip_lunch(moment: datetime, lunch: tuple[datetime, datetime] | None) -> datetime:
    """Sessions that would run into lunch continue after it."""
    if lunch is not None and lunch[0] < moment:
        return moment + (lunch[1] - lunch[0])
    return moment
