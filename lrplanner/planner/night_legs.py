"""Nights on board: a scheduled bus, train or boat over midnight as a night.

The engine chooses where the group sleeps between two days among its hotels.
A night leg is one more such choice: the day ends at the leg's origin, the
night is spent on board, and the next day starts at its destination. It is
offered for a night only when a departure that evening leaves after the
day's programme (with its check-in and border formalities before it) and is
in before the next day starts (arrival minutes included), so the engine's
day windows alone keep it on time; for other nights the arcs into it are
closed. Flights are never nights: a red-eye is not a night's rest.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from lrplanner.core.places import TravelMode
from lrplanner.core.procedures import (
    arrival_minutes,
    check_in_minutes,
    formalities_minutes,
)
from lrplanner.network.legs import Connection

if TYPE_CHECKING:
    from lrplanner.core.project import Project
    from lrplanner.network.graph import TravelNetwork
    from lrplanner.planner.frames import DayFrame

DAY_MIN = 24 * 60


@dataclass(frozen=True, slots=True, kw_only=True)
class NightLeg:
    """A Links edge over midnight and, per night it can be taken (index of
    the day before it), the departure taken that evening."""

    conn: Connection
    take_off: Mapping[int, datetime]

    @property
    def origin(self) -> str:
        """Where the day before the night ends."""
        return self.conn.origin

    @property
    def destination(self) -> str:
        """Where the day after the night starts."""
        return self.conn.destination

    def lands(self, night: int) -> datetime:
        """Return when the leg taken on ``night`` arrives."""
        return self.take_off[night] + timedelta(minutes=self.conn.minutes)


def night_legs(
    project: Project, network: TravelNetwork, frames: tuple[DayFrame, ...]
) -> tuple[NightLeg, ...]:
    """Return every scheduled, non-flight edge usable as at least one night."""
    out = []
    for conn in network.edges():
        if (
            not conn.departures
            or conn.estimated
            or conn.mode is TravelMode.FLIGHT
            or conn.minutes >= DAY_MIN
        ):
            continue
        take_off = {
            day.index: moment
            for day, following in itertools.pairwise(frames)
            if (moment := _evening(project, network, conn, (day, following)))
            is not None
        }
        if take_off:
            out.append(NightLeg(conn=conn, take_off=take_off))
    return tuple(sorted(out, key=lambda n: (n.origin, n.destination, n.conn.minutes)))


def _evening(
    project: Project,
    network: TravelNetwork,
    conn: Connection,
    days: tuple[DayFrame, DayFrame],
) -> datetime | None:
    """Return the first departure on ``day`` that makes a night: after the
    day's end, over midnight, in before the next day starts."""
    day, following = days
    if day.day.weekday() not in conn.weekdays:
        return None
    zone = network.node(conn.origin).zone
    there = network.node(conn.destination).zone
    before = check_in_minutes(
        project, conn.mode, conn.origin, conn.destination
    ) + formalities_minutes(project, conn.origin)
    after = arrival_minutes(project, conn.mode, conn.origin, conn.destination)
    for clock in sorted(conn.departures):
        leave = datetime.combine(day.day, clock, zone)
        lands = leave + timedelta(minutes=conn.minutes)
        if (
            leave - timedelta(minutes=before) >= day.end
            and lands.astimezone(there).date() > day.day
            and lands + timedelta(minutes=after) <= following.start
        ):
            return leave
    return None
