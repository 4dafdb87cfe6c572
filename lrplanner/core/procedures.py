"""Airport and border procedures: the minutes around a flight and at a border.

Links' "Departures" is the scheduled take-off. The group must be at the
airport check-in minutes before it and is free only arrival minutes after
landing (immigration and baggage); it is at the pier or the station boarding
minutes before a timetabled boat or train; crossing a land border post costs
its formalities minutes. A place may state its own minutes (Places sheet); the
defaults depend on whether the flight joins two countries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from lrplanner.core.ids import PlaceId
from lrplanner.core.locations import location_zone
from lrplanner.core.places import PlaceKind, TravelMode
from lrplanner.core.plan import EventKind

if TYPE_CHECKING:
    from lrplanner.core.places import Link, Place
    from lrplanner.core.plan import DayPlan, Event
    from lrplanner.core.project import Project

CHECK_IN_INTERNATIONAL = 120
CHECK_IN_DOMESTIC = 60
#: At the pier before a timetabled boat, at the station before a timetabled
#: train (tickets, luggage, boarding); a hired boat leaves when all are aboard.
BOARDING = {TravelMode.BOAT: 30, TravelMode.TRAIN: 15}
ARRIVAL_INTERNATIONAL = 45
ARRIVAL_DOMESTIC = 15
FORMALITIES = 45


def _place(project: Project, location: str) -> Place | None:
    return project.place_by_id.get(PlaceId(location))


def is_international(project: Project, origin: str, destination: str) -> bool:
    """Return whether a leg joins places in two different countries."""
    here, there = _place(project, origin), _place(project, destination)
    return here is not None and there is not None and here.country != there.country


def waiting_place(mode: TravelMode) -> str:
    """Return where the group waits before a leg leaves: the airport, the
    pier or the station."""
    return {TravelMode.FLIGHT: "airport", TravelMode.BOAT: "pier"}.get(mode, "station")


def check_in_minutes(
    project: Project, mode: TravelMode, origin: str, destination: str
) -> int:
    """Return the minutes the group is at the departure point before a leg
    leaves: check-in before a flight, boarding before a timetabled boat or
    train (a place's own Check-in minutes, else :data:`BOARDING`); 0 by road
    or by a hired boat."""
    if mode in BOARDING:
        if (mode, origin, destination) not in project.scheduled_legs:
            return 0
        place = _place(project, origin)
        if place is not None and place.check_in_min is not None:
            return place.check_in_min
        return BOARDING[mode]
    if mode is not TravelMode.FLIGHT:
        return 0
    international = is_international(project, origin, destination)
    return check_in_minutes_at(project, origin, international=international)


def check_in_minutes_at(project: Project, airport: str, *, international: bool) -> int:
    """Return the check-in minutes of a flight leaving an airport: the
    airport's own (Places) or the default for an international or domestic
    flight (a participant's flight home, whose destination is not a place)."""
    place = _place(project, airport)
    if place is not None and place.check_in_min is not None:
        return place.check_in_min
    return CHECK_IN_INTERNATIONAL if international else CHECK_IN_DOMESTIC


def arrival_minutes(
    project: Project, mode: TravelMode, origin: str, destination: str
) -> int:
    """Return the minutes after landing before the group is free."""
    if mode is not TravelMode.FLIGHT:
        return 0
    international = is_international(project, origin, destination)
    return arrival_minutes_at(project, destination, international=international)


def arrival_minutes_at(project: Project, airport: str, *, international: bool) -> int:
    """Return the minutes after landing at an airport before a traveller is
    free: the airport's own (Places) or the international or domestic default."""
    place = _place(project, airport)
    if place is not None and place.arrival_min is not None:
        return place.arrival_min
    return ARRIVAL_INTERNATIONAL if international else ARRIVAL_DOMESTIC


def formalities_minutes(project: Project, location: str) -> int:
    """Return the minutes of formalities at a land border post (0 elsewhere)."""
    place = _place(project, location)
    if place is None or place.kind is not PlaceKind.BORDER:
        return 0
    return FORMALITIES if place.formalities_min is None else place.formalities_min


def link_of(project: Project, event: Event) -> Link | None:
    """Return the Links row a travel event takes: same mode and ends (or the
    reverse of a both-ways row) and, for a timetabled row, a departure at the
    event's local start."""
    if event.kind is not EventKind.TRAVEL:
        return None
    ends = (event.origin, event.destination)
    leaves = event.start.astimezone(ZoneInfo(event.tz)).time().replace(second=0)
    for link in project.links:
        forward = (link.origin, link.destination) == ends
        backward = link.both_ways and (link.destination, link.origin) == ends
        if link.mode is not event.mode or not (forward or backward):
            continue
        if not link.departures or leaves in link.departures:
            return link
    return None


def is_scheduled(project: Project, event: Event) -> bool:
    """Return whether a travel event takes a timetabled Links row."""
    link = link_of(project, event)
    return link is not None and bool(link.departures)


def service_of(project: Project, event: Event) -> str:
    """Return the flight or bus number Links gives a leg ('' if none)."""
    link = link_of(project, event)
    return link.service if link is not None and link.service else ""


@dataclass(frozen=True, slots=True)
class FlightTimes:
    """The moments around a flight the agenda prints (aware datetimes)."""

    check_in: datetime  # at the airport by
    free: datetime  # immigration and baggage done
    check_in_min: int
    arrival_min: int


def flight_times(project: Project, event: Event) -> FlightTimes:
    """Return when the group is at the airport for a flight and when it is free
    after landing."""
    assert event.mode is not None
    assert event.origin is not None
    assert event.destination is not None
    ends = (event.mode, event.origin, event.destination)
    before, after = check_in_minutes(project, *ends), arrival_minutes(project, *ends)
    return FlightTimes(
        check_in=event.start - timedelta(minutes=before),
        free=event.end + timedelta(minutes=after),
        check_in_min=before,
        arrival_min=after,
    )


def lunch_hour(project: Project, day: date) -> tuple[datetime, datetime]:
    """Return a day's lunch time: the Route's Lunch start on the start place's
    clock (the same moment wherever the group is), for Lunch minutes."""
    zone = location_zone(project, project.route.start_place)
    start = datetime.combine(day, project.route.lunch_start, zone)
    return start, start + timedelta(minutes=project.route.lunch_minutes)


def lunch_on_board(project: Project, day: DayPlan) -> Event | None:
    """Return the flight, boat or train on which a day's lunch is eaten: a
    timetabled-mode leg in motion for at least half of the lunch hour, on a
    day with no meal in the agenda; None otherwise."""
    if project.route.lunch_minutes == 0:
        return None
    if any(e.kind is EventKind.MEAL for e in day.events):
        return None
    begin, end = lunch_hour(project, day.day)
    for event in day.events:
        if event.kind is not EventKind.TRAVEL or event.mode is TravelMode.ROAD:
            continue
        overlap = min(event.end, end) - max(event.start, begin)
        if overlap * 2 >= end - begin:
            return event
    return None


def on_board_span(
    project: Project, day: DayPlan, event: Event
) -> tuple[datetime, datetime]:
    """Return the part of the lunch hour a leg is under way."""
    begin, end = lunch_hour(project, day.day)
    return max(begin, event.start), min(end, event.end)
