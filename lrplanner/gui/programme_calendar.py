"""What the Programme tab shows: one lane per route over the routes' days.

:func:`calendar` turns a programme into rows of cells (visits a day, the
hosts' names, whether a programme-wide rule is broken there, from
:func:`lrplanner.core.bookings.conflicts`). Qt-free, so it is tested without
a window.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from lrplanner.core.bookings import Conflict, conflicts

if TYPE_CHECKING:
    from lrplanner.core.programme import Programme
    from lrplanner.core.route import RouteSettings


@dataclass(frozen=True, slots=True)
class Cell:
    """One route on one day: in its dates or not, its visits' hosts, conflicts."""

    in_route: bool
    hosts: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """Return what the cell shows: the visits, "!" when a rule is broken."""
        mark = "!" if self.conflicts else ""
        if not self.in_route:
            return mark
        return f"{mark} {len(self.hosts)}".lstrip()


@dataclass(frozen=True, slots=True)
class Lane:
    """A route's row: its name, whether it has a plan, a cell per day."""

    name: str
    planned: bool
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Calendar:
    """The days of every route (each once, in order), the lanes, the conflicts."""

    days: tuple[date, ...]
    lanes: tuple[Lane, ...]
    conflicts: tuple[Conflict, ...]


def route_days(route: RouteSettings) -> list[date]:
    """Return every day of a route, first to last."""
    return [route.start_date + timedelta(days=i) for i in range(route.days)]


def calendar(programme: Programme) -> Calendar:
    """Return the programme's calendar: the days any route runs (days no
    route runs are left out, so routes years apart stay readable)."""
    found = tuple(conflicts(programme))
    marks: defaultdict[tuple[str, date], list[str]] = defaultdict(list)
    for conflict in found:
        for name in dict.fromkeys(conflict.routes):
            marks[name, conflict.day].append(conflict.message)
    days = sorted({d for own in programme.routes for d in route_days(own.route)})
    sites = {s.id: s.name for s in programme.sites}
    lanes = []
    for own in programme.routes:
        hosts: defaultdict[date, list[str]] = defaultdict(list)
        for day in own.plan.days if own.plan else ():
            for visit in day.visits():
                name = sites.get(visit.site, str(visit.site)) if visit.site else ""
                if name not in hosts[day.day]:
                    hosts[day.day].append(name)
        mine = set(route_days(own.route))
        name = own.route.name
        cells = tuple(
            Cell(d in mine, tuple(hosts[d]), tuple(marks.get((name, d), ())))
            for d in days
        )
        lanes.append(Lane(name, own.plan is not None, cells))
    return Calendar(tuple(days), tuple(lanes), found)
