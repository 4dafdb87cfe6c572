"""The rooming list: where the group sleeps, run by run of nights, and who shares.

A *stay* is a night, or a run of nights, at one overnight place of the plan
(``DayPlan.overnight``). A night on board (a night bus, train or boat) is a
stay with no rooms; a night at the place of a visit continued the next
morning is at the host's place (a homestay or a village guesthouse).

Rooms follow the roster: a participant whose Room is ``single`` sleeps
alone; ``share with P07`` shares with P07 (when P07 is on the roster and
free); everyone else shares a twin room with someone of the same gender, in
roster order, the one left over taking a room alone. The route's staff
(Route: facilitators, interpreters) have no names or genders in the data:
they are listed as ``Facilitator 1``, ``Interpreter 1``... and paired within
their role, to be confirmed by the officer.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from lrplanner.core.ids import ParticipantId, PlaceId
from lrplanner.core.people import ROOM_SINGLE, Gender

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from lrplanner.core.people import Participant
    from lrplanner.core.plan import DayPlan, Itinerary
    from lrplanner.core.project import Project


GENDER_NOTES = {Gender.FEMALE: "women", Gender.MALE: "men", Gender.OTHER: "gender X"}


class StayKind(enum.StrEnum):
    """Where a stay's nights are spent."""

    HOTEL = "hotel"
    HOST = "at the host's place"
    ON_BOARD = "on board"


@dataclass(frozen=True, slots=True, kw_only=True)
class Occupant:
    """One person in a room: a participant (with id) or a staff member."""

    name: str
    gender: str
    participant: ParticipantId | None = None

    @property
    def label(self) -> str:
        """Return ``P01 Name`` for a participant, the staff name otherwise."""
        return f"{self.participant} {self.name}" if self.participant else self.name


@dataclass(frozen=True, slots=True, kw_only=True)
class Room:
    """A room and who sleeps in it; ``note`` says why it is as it is."""

    occupants: tuple[Occupant, ...]
    note: str = ""

    @property
    def kind(self) -> str:
        """Return ``twin`` for two people, ``single`` for one."""
        return "twin" if len(self.occupants) == 2 else "single"


@dataclass(frozen=True, slots=True, kw_only=True)
class Stay:
    """A run of nights at one place, from check-in to check-out."""

    place: PlaceId
    kind: StayKind
    check_in: date
    check_out: date
    nights: int
    rooms: tuple[Room, ...] = ()

    def count(self, kind: str) -> int:
        """Return the number of rooms of a kind (``twin`` or ``single``)."""
        return sum(1 for room in self.rooms if room.kind == kind)

    @property
    def people(self) -> int:
        """Return the number of people sleeping in the stay's rooms."""
        return sum(len(room.occupants) for room in self.rooms)


def staff(project: Project) -> tuple[Occupant, ...]:
    """Return the route's staff as occupants: facilitators, then interpreters."""
    route = project.route
    roles = (("Facilitator", route.facilitators), ("Interpreter", route.interpreters))
    return tuple(
        Occupant(name=f"{role} {n}", gender="")
        for role, count in roles
        for n in range(1, count + 1)
    )


def assign_rooms(project: Project) -> tuple[Room, ...]:
    """Return the rooms of the whole group: participants first, then staff."""
    people = project.participants
    by_id = {p.id: p for p in people}
    placed: set[ParticipantId] = set()
    rooms: list[Room] = []
    for person in people:
        if person.id not in placed and person.room == ROOM_SINGLE:
            rooms.append(Room(occupants=(_occupant(person),), note="single asked"))
            placed.add(person.id)
    for person in people:
        if person.id not in placed:
            room = _shared_room(person, by_id, placed)
            if room is not None:
                rooms.append(room)
    rest = [p for p in people if p.id not in placed]
    for gender in Gender:
        same = [_occupant(p) for p in rest if p.gender is gender]
        rooms.extend(_pairs(same, GENDER_NOTES[gender]))
    rooms.extend(_pairs(list(staff(project)), "staff: confirm genders", by_role=True))
    return tuple(rooms)


def _occupant(person: Participant) -> Occupant:
    return Occupant(name=person.name, gender=str(person.gender), participant=person.id)


def _shared_room(
    person: Participant,
    by_id: dict[ParticipantId, Participant],
    placed: set[ParticipantId],
) -> Room | None:
    """Return the room of a participant who asked to share with someone who is
    on the roster and still free (None: roomed by gender instead)."""
    mate_id = person.room_mate()
    mate = by_id.get(mate_id) if mate_id is not None else None
    if mate is None or mate.id == person.id or mate.id in placed:
        return None
    if mate.room == ROOM_SINGLE or mate.room_mate() not in {None, person.id}:
        return None
    placed.update((person.id, mate.id))
    return Room(occupants=(_occupant(person), _occupant(mate)), note="asked to share")


def _pairs(
    people: Sequence[Occupant], note: str, *, by_role: bool = False
) -> list[Room]:
    """Return people two by two in order; an odd one out has a room alone."""
    if by_role:
        roles: dict[str, list[Occupant]] = {}
        for person in people:
            roles.setdefault(person.name.rsplit(" ", 1)[0], []).append(person)
        return [room for group in roles.values() for room in _pairs(group, note)]
    rooms = [
        Room(occupants=tuple(people[i : i + 2]), note=note)
        for i in range(0, len(people) - 1, 2)
    ]
    if len(people) % 2:
        rooms.append(Room(occupants=(people[-1],), note=f"{note}; no one to share"))
    return rooms


def unmatched_requests(project: Project) -> list[str]:
    """Return one line per 'share with' request the rooms could not follow."""
    rooms = assign_rooms(project)
    together = {
        frozenset(o.participant for o in room.occupants if o.participant)
        for room in rooms
    }
    ids = {p.id for p in project.participants}
    lines = []
    for person in project.participants:
        mate = person.room_mate()
        if mate is None or frozenset({person.id, mate}) in together:
            continue
        why = "not on the roster" if mate not in ids else "not free to share"
        lines.append(
            f"{person.id} {person.name} asked to share with {mate} ({why}): "
            "roomed by gender instead"
        )
    return lines


def stays(project: Project, itinerary: Itinerary) -> tuple[Stay, ...]:
    """Return the plan's stays in order, each with the group's rooms."""
    rooms = assign_rooms(project)
    result: list[Stay] = []
    for index, day, kind in _nights(itinerary.days):
        assert day.overnight is not None
        last = result[-1] if result else None
        if (
            last is not None
            and kind is not StayKind.ON_BOARD
            and (last.place, last.kind, last.check_out)
            == (day.overnight, kind, day.day)
        ):
            result[-1] = _extend(last, itinerary.days, index)
            continue
        result.append(
            Stay(
                place=day.overnight,
                kind=kind,
                check_in=day.day,
                check_out=_next_day(itinerary.days, index),
                nights=1,
                rooms=() if kind is StayKind.ON_BOARD else rooms,
            )
        )
    return tuple(result)


def _nights(days: Sequence[DayPlan]) -> Iterable[tuple[int, DayPlan, StayKind]]:
    for index, day in enumerate(days):
        if day.overnight is None:
            continue
        if day.on_board:
            yield index, day, StayKind.ON_BOARD
        elif index + 1 < len(days) and any(
            e.continued for e in days[index + 1].visits()
        ):
            yield index, day, StayKind.HOST
        else:
            yield index, day, StayKind.HOTEL


def _next_day(days: Sequence[DayPlan], index: int) -> date:
    if index + 1 < len(days):
        return days[index + 1].day
    return days[index].day + timedelta(days=1)


def _extend(stay: Stay, days: Sequence[DayPlan], index: int) -> Stay:
    return Stay(
        place=stay.place,
        kind=stay.kind,
        check_in=stay.check_in,
        check_out=_next_day(days, index),
        nights=stay.nights + 1,
        rooms=stay.rooms,
    )
