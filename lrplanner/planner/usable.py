"""Links the planner can use: a flight that can never fit in a day is dropped.

A scheduled link whose every departure leaves before the day starts or lands
after it ends (in the origin's local time) can never be part of a plan that
keeps the day window; planning without it keeps the engine from choosing it
and the repair rounds from chasing it. A bus, train or boat over midnight
stays: it can be a night on board (:mod:`lrplanner.planner.night_legs`). The
validator still sees every link.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from lrplanner.core.places import TravelMode
from lrplanner.planner.night_legs import DAY_MIN

if TYPE_CHECKING:
    from lrplanner.core.places import Link
    from lrplanner.core.project import Project


def fits_day(link: Link, project: Project) -> bool:
    """Return whether some departure of a link leaves and arrives within a
    day, or the link can be a night on board."""
    if not link.departures or _overnight(link):
        return True
    route = project.route
    day = route.start_date
    start = datetime.combine(day, route.day_start)
    end = datetime.combine(day, route.day_end)
    length = timedelta(minutes=link.duration_min)
    return any(
        start <= datetime.combine(day, t) and datetime.combine(day, t) + length <= end
        for t in link.departures
    )


def planning_project(project: Project) -> Project:
    """Return the project without the links no day of the route can use."""
    usable = tuple(link for link in project.links if fits_day(link, project))
    if len(usable) == len(project.links):
        return project
    return project.with_changes(links=usable)


def _overnight(link: Link) -> bool:
    """Return whether a departure of a bus, train or boat arrives after
    midnight, within a day (the night legs' own test is exact)."""
    if link.mode is TravelMode.FLIGHT or link.duration_min >= DAY_MIN:
        return False
    return any(
        t.hour * 60 + t.minute + link.duration_min >= DAY_MIN for t in link.departures
    )
