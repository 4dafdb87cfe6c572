"""A route's arrivals plan: pickups, drop-offs and what the officer must check.

Built from the Participants' arrival and departure columns and the plan
(:mod:`lrplanner.core.arrivals` batches the flights). A notice is raised for
a participant with no arrival or departure entered, with a date but no time,
at a place the Places sheet lacks, out of arrivals after the opening session
starts (the first event of the plan when it has no opening session), or due
at check-in before the closing session (the last event) ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from lrplanner.core.arrivals import (
    Movement,
    Transfer,
    Way,
    journey_airport,
    movement,
    transfers,
)
from lrplanner.core.ids import ParticipantId
from lrplanner.core.places import PlaceKind
from lrplanner.core.plan import SessionKind

if TYPE_CHECKING:
    from datetime import datetime

    from lrplanner.core.ids import PlaceId
    from lrplanner.core.people import Participant
    from lrplanner.core.plan import Event, Itinerary
    from lrplanner.core.project import Project

#: How a moment is shown in a notice (local to where it happens).
WHEN = "%a %d %b %H:%M"


@dataclass(frozen=True, slots=True, kw_only=True)
class Notice:
    """Something about a participant's arrival or departure to look at."""

    participant: ParticipantId
    way: Way
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class TransferPlan:
    """The pickups, drop-offs, every movement and the notices of a route."""

    pickups: tuple[Transfer, ...]
    dropoffs: tuple[Transfer, ...]
    movements: tuple[Movement, ...]
    notices: tuple[Notice, ...]

    def movement_of(self, participant: ParticipantId, way: Way) -> Movement | None:
        """Return a participant's arrival or departure, if dated and timed."""
        for item in self.movements:
            if item.participant.id == participant and item.way is way:
                return item
        return None

    def transfer_of(self, participant: ParticipantId, way: Way) -> Transfer | None:
        """Return the transfer a participant travels in, if any."""
        for transfer in self.pickups if way is Way.ARRIVAL else self.dropoffs:
            if any(m.participant.id == participant for m in transfer.movements):
                return transfer
        return None

    def notices_of(self, participant: ParticipantId) -> tuple[Notice, ...]:
        """Return the notices about one participant."""
        return tuple(n for n in self.notices if n.participant == participant)


def transfer_plan(project: Project, itinerary: Itinerary) -> TransferPlan:
    """Return the pickups and drop-offs of a plan's participants, with notices.

    Only arrivals and departures at an airport (Places kind) travel in a
    transfer; someone coming to a city by road makes their own way.
    """
    moves = tuple(
        found
        for way in Way
        for p in project.participants
        if (found := movement(project, p, way)) is not None
    )
    at_airports = [m for m in moves if _is_airport(project, m.airport)]
    arrivals = [m for m in at_airports if m.way is Way.ARRIVAL]
    departures = [m for m in at_airports if m.way is Way.DEPARTURE]
    notices = [
        notice
        for p in project.participants
        for way in Way
        for notice in _notices(project, itinerary, p, way, moves)
    ]
    return TransferPlan(
        pickups=transfers(arrivals, Way.ARRIVAL),
        dropoffs=transfers(departures, Way.DEPARTURE),
        movements=moves,
        notices=tuple(notices),
    )


def _is_airport(project: Project, place: PlaceId) -> bool:
    found = project.place_by_id.get(place)
    return found is not None and found.kind is PlaceKind.AIRPORT


def _local(moment: datetime, tz: str) -> str:
    return f"{moment.astimezone(ZoneInfo(tz)):{WHEN}}"


def session_edge(itinerary: Itinerary, way: Way) -> tuple[Event, str] | None:
    """Return the event an arrival must precede (the opening session, else the
    first event) or a departure follow (the closing, else the last), named."""
    events = [e for day in itinerary.days for e in day.events]
    if way is Way.DEPARTURE:
        events.reverse()
    wanted = SessionKind.OPENING if way is Way.ARRIVAL else SessionKind.CLOSING
    for event in events:
        if event.session is wanted:
            return event, f"the {wanted} session"
    if not events:
        return None
    return events[0], f"the plan's {'first' if way is Way.ARRIVAL else 'last'} event"


def _notices(
    project: Project,
    itinerary: Itinerary,
    participant: Participant,
    way: Way,
    moves: tuple[Movement, ...],
) -> list[Notice]:
    def notice(text: str) -> list[Notice]:
        return [Notice(participant=participant.id, way=way, text=text)]

    found = next(
        (m for m in moves if m.participant is participant and m.way is way), None
    )
    if found is None:
        return notice(_missing(project, participant, way))
    edge = session_edge(itinerary, way)
    if edge is None:
        return []
    event, name = edge
    what = found.flight or "the flight"
    airport = _is_airport(project, found.airport)
    moment = found.ready if airport else found.at
    here = _local(moment, str(found.at.tzinfo))
    if way is Way.ARRIVAL and moment > event.start:
        verb = f"out of arrivals {here} ({what} lands {found.at:%H:%M})"
        verb = verb if airport else f"arrives {here}"
        return notice(f"{verb}, after {name} starts {_local(event.start, event.tz)}")
    if way is Way.DEPARTURE and moment < event.end:
        verb = f"due at check-in {here} for {what}" if airport else f"leaves {here}"
        return notice(f"{verb}, before {name} ends {_local(event.end, event.tz)}")
    return []


def _missing(project: Project, participant: Participant, way: Way) -> str:
    """Return why a participant's arrival or departure has no moment."""
    if getattr(participant, f"{way}_date") is None:
        return f"{way} not entered"
    if getattr(participant, f"{way}_time") is None:
        return f"{way} time not entered: no transfer planned"
    airport = journey_airport(project, participant, way)
    return f"{way} place {airport!r} is not in the Places sheet"
