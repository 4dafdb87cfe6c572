"""Arrivals and departures: participants' international flights batched into
airport transfers, with what the officer must look at.

Each participant may give the date, time, flight and airport of their
international arrival and departure (Participants sheet), local to the
airport. A blank airport is the one nearest the route's start place (for the
arrival) or end place (for the departure), or that place itself where its
country has no airport in the Places sheet.

Arrivals at the same airport landing within :data:`TRANSFER_WINDOW_MIN` of
the first of them share one pickup, which leaves when the last of them is
out of arrivals (landing + arrival minutes, :mod:`lrplanner.core.procedures`).
Departures taking off within the same window of the earliest share one
drop-off, at the airport by the earliest flight's check-in time. A place
that is not an airport (someone coming by road) gets no transfer.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from lrplanner.core.ids import PlaceId
from lrplanner.core.locations import location_zone
from lrplanner.core.people import Participant
from lrplanner.core.places import PlaceKind
from lrplanner.core.procedures import arrival_minutes_at, check_in_minutes_at

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from lrplanner.core.places import Place
    from lrplanner.core.project import Project

#: Flights landing (or taking off) within this many minutes of the group's
#: first share one transfer: the first to land waits at most 90 minutes
#: plus the formalities of the last, which officers find acceptable.
TRANSFER_WINDOW_MIN = 90
#: Travellers per vehicle: a 15-seat van carries about 10 people with their
#: international luggage (the Route sheet gives no seats per vehicle).
SEATS_PER_VEHICLE = 10
#: An arrival more than this many days before the route starts, or a
#: departure this many after it ends, is probably a typo (an import warning).
DATE_SLACK_DAYS = 7


class Way(enum.StrEnum):
    """Which end of the route a journey is."""

    ARRIVAL = "arrival"
    DEPARTURE = "departure"


@dataclass(frozen=True, slots=True, kw_only=True)
class Movement:
    """One participant's international arrival or departure.

    ``at`` is the landing (arrival) or take-off (departure), aware, in the
    airport's zone; ``minutes`` the arrival minutes after landing or the
    check-in minutes before take-off.
    """

    participant: Participant
    way: Way
    airport: PlaceId
    flight: str
    at: datetime
    minutes: int

    @property
    def ready(self) -> datetime:
        """Return when the traveller is out of arrivals, or due at check-in."""
        sign = 1 if self.way is Way.ARRIVAL else -1
        return self.at + timedelta(minutes=sign * self.minutes)


@dataclass(frozen=True, slots=True, kw_only=True)
class Transfer:
    """A pickup from (or drop-off at) an airport of several travellers.

    ``time`` is when the vehicles leave the airport (pickup) or must reach it
    (drop-off), in the airport's zone.
    """

    way: Way
    number: int
    airport: PlaceId
    time: datetime
    movements: tuple[Movement, ...]

    @property
    def people(self) -> int:
        """Return how many travellers the transfer carries."""
        return len(self.movements)

    @property
    def vehicles(self) -> int:
        """Return the vehicles needed at :data:`SEATS_PER_VEHICLE` each."""
        return math.ceil(self.people / SEATS_PER_VEHICLE)

    def flights(self) -> tuple[str, ...]:
        """Return the flight numbers of the transfer, each once, in time order."""
        seen = dict.fromkeys(m.flight or "flight not entered" for m in self.movements)
        return tuple(seen)


def _km(here: Place, there: Place) -> float:
    """Return the great-circle distance (haversine, km) between two places."""
    lat1, lon1, lat2, lon2 = map(
        math.radians, (here.lat, here.lon, there.lat, there.lon)
    )
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def nearest_airport(project: Project, place: PlaceId) -> PlaceId:
    """Return the airport of a place's country nearest to it (the place itself
    if it is an airport, or if its country has none or it is unknown)."""
    here = project.place_by_id.get(place)
    if here is None or here.kind is PlaceKind.AIRPORT:
        return place
    airports = [
        p
        for p in project.places
        if p.kind is PlaceKind.AIRPORT and p.country == here.country
    ]
    if not airports:
        return place
    return min(airports, key=lambda p: _km(here, p)).id


def journey_airport(project: Project, participant: Participant, way: Way) -> PlaceId:
    """Return where a participant lands or takes off: as entered, or the
    airport nearest the route's start (arrival) or end (departure) place."""
    given: PlaceId | None = getattr(participant, f"{way}_airport")
    if given is not None:
        return given
    route = project.route
    return nearest_airport(
        project, route.start_place if way is Way.ARRIVAL else route.end_place
    )


def movement(project: Project, participant: Participant, way: Way) -> Movement | None:
    """Return a participant's arrival or departure, or None without a date and
    time or at an unknown place."""
    day, clock = (
        getattr(participant, f"{way}_date"),
        getattr(participant, f"{way}_time"),
    )
    airport = journey_airport(project, participant, way)
    place = project.place_by_id.get(airport)
    if day is None or clock is None or place is None:
        return None
    international = participant.country != place.country
    minutes = (arrival_minutes_at if way is Way.ARRIVAL else check_in_minutes_at)(
        project, airport, international=international
    )
    return Movement(
        participant=participant,
        way=way,
        airport=airport,
        flight=getattr(participant, f"{way}_flight"),
        at=datetime.combine(day, clock, location_zone(project, airport)),
        minutes=minutes,
    )


def batches(movements: Iterable[Movement]) -> list[list[Movement]]:
    """Return movements of one airport and way in batches: each batch holds
    those within :data:`TRANSFER_WINDOW_MIN` of its first (both ends in)."""
    window = timedelta(minutes=TRANSFER_WINDOW_MIN)
    result: list[list[Movement]] = []
    for item in sorted(movements, key=lambda m: (m.at, m.participant.id)):
        if result and item.at - result[-1][0].at <= window:
            result[-1].append(item)
        else:
            result.append([item])
    return result


def transfers(movements: Sequence[Movement], way: Way) -> tuple[Transfer, ...]:
    """Return the transfers of one way, in time order, numbered from 1.

    A pickup leaves when its last traveller is out of arrivals; a drop-off
    is due at the earliest check-in of its flights.
    """
    by_airport: dict[PlaceId, list[Movement]] = {}
    for item in movements:
        by_airport.setdefault(item.airport, []).append(item)
    found = []
    for airport, items in by_airport.items():
        for batch in batches(items):
            ready = [m.ready for m in batch]
            when = max(ready) if way is Way.ARRIVAL else min(ready)
            found.append((when, airport, tuple(batch)))
    found.sort(key=lambda f: (f[0], f[1]))
    return tuple(
        Transfer(way=way, number=n, airport=a, time=t, movements=b)
        for n, (t, a, b) in enumerate(found, start=1)
    )
