"""Tests of the pickup and drop-off plan built from participants' flights."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from lrplanner.core.arrival_plan import Notice, transfer_plan
from lrplanner.core.arrivals import (
    SEATS_PER_VEHICLE,
    TRANSFER_WINDOW_MIN,
    Way,
    nearest_airport,
)
from lrplanner.core.ids import ParticipantId, PlaceId
from lrplanner.core.people import Gender, Participant
from lrplanner.core.places import Place, PlaceKind
from lrplanner.core.plan import DayPlan, Event, EventKind, Itinerary, SessionKind
from lrplanner.core.procedures import ARRIVAL_INTERNATIONAL, CHECK_IN_INTERNATIONAL
from lrplanner.core.project import Project
from lrplanner.core.route import RouteSettings

ICT = "Asia/Phnom_Penh"
FIRST, LAST = date(2027, 3, 1), date(2027, 3, 3)
PLACES = (
    Place(id=PlaceId("PNP"), name="Phnom Penh", country="KH", lat=11.56, lon=104.92),
    Place(
        id=PlaceId("KTI"),
        name="Techo International",
        country="KH",
        lat=11.36,
        lon=104.92,
        kind=PlaceKind.AIRPORT,
    ),
    Place(
        id=PlaceId("REP"),
        name="Siem Reap-Angkor",
        country="KH",
        lat=13.37,
        lon=104.22,
        kind=PlaceKind.AIRPORT,
        arrival_min=20,
    ),
)


def _at(day: date, hhmm: str) -> datetime:
    return datetime.combine(day, time.fromisoformat(hhmm), ZoneInfo(ICT))


def _session(day: date, start: str, end: str, kind: SessionKind) -> Event:
    return Event(
        kind=EventKind.SESSION,
        start=_at(day, start),
        end=_at(day, end),
        title=str(kind),
        tz=ICT,
        place=PlaceId("PNP"),
        session=kind,
    )


ITINERARY = Itinerary(
    days=(
        DayPlan(
            day=FIRST,
            events=(_session(FIRST, "08:30", "09:30", SessionKind.OPENING),),
            overnight=PlaceId("PNP"),
        ),
        DayPlan(day=date(2027, 3, 2), overnight=PlaceId("PNP")),
        DayPlan(
            day=LAST, events=(_session(LAST, "14:00", "16:00", SessionKind.CLOSING),)
        ),
    )
)


def _person(number: int, country: str = "VN", **journeys: object) -> Participant:
    return Participant(
        id=ParticipantId(f"P{number:02}"),
        name=f"Person {number}",
        gender=Gender.FEMALE,
        country=country,
        **journeys,  # type: ignore[arg-type]
    )


def _lands(
    number: int, hhmm: str, flight: str, arrival_airport: PlaceId | None = None
) -> Participant:
    """Return a participant landing on 28 February (at KTI by default)."""
    return _person(
        number,
        arrival_airport=arrival_airport,
        arrival_date=date(2027, 2, 28),
        arrival_time=time.fromisoformat(hhmm),
        arrival_flight=flight,
        departure_date=date(2027, 3, 4),
        departure_time=time(11, 0),
        departure_flight="VN601",
    )


def _project(*people: Participant) -> Project:
    route = RouteSettings(
        name="Test",
        start_date=FIRST,
        end_date=LAST,
        start_place=PlaceId("PNP"),
        end_place=PlaceId("PNP"),
    )
    return Project(route=route, participants=people, places=PLACES)


def test_default_airport_is_the_nearest_of_the_country() -> None:
    """Tests that a blank airport is the start place's nearest airport."""
    project = _project()
    assert nearest_airport(project, PlaceId("PNP")) == "KTI"
    assert nearest_airport(project, PlaceId("REP")) == "REP"
    assert nearest_airport(project, PlaceId("nowhere")) == "nowhere"


@pytest.mark.parametrize(
    ("second", "shared"),
    [("10:30", True), ("10:31", False), ("09:00", True)],
    ids=["window edge", "one minute past", "same time"],
)
def test_window_edges(second: str, shared: bool) -> None:
    """Tests that a flight landing exactly 90 minutes after the first shares its
    pickup and one landing a minute later gets its own."""
    assert TRANSFER_WINDOW_MIN == 90
    plan = transfer_plan(
        _project(_lands(1, "09:00", "TG580"), _lands(2, second, "MH754")),
        ITINERARY,
    )
    assert len(plan.pickups) == (1 if shared else 2)
    first = plan.pickups[0]
    assert first.airport == "KTI"
    assert first.flights() == (("TG580", "MH754") if shared else ("TG580",))
    assert [t.number for t in plan.pickups] == list(range(1, len(plan.pickups) + 1))


def test_pickup_waits_for_the_last_arrival() -> None:
    """Tests that a pickup leaves when the last traveller is out of arrivals and
    that a third flight within 90 min of the first (not of the second) joins."""
    people = [
        _lands(1, "09:00", "TG580"),
        _lands(2, "09:50", "MH754"),
        _lands(3, "10:20", "VN921"),
        _lands(4, "10:45", "PG931"),
    ]
    plan = transfer_plan(_project(*people), ITINERARY)
    first, second = plan.pickups
    assert [m.participant.id for m in first.movements] == ["P01", "P02", "P03"]
    out = timedelta(minutes=ARRIVAL_INTERNATIONAL)
    assert first.time == _at(date(2027, 2, 28), "10:20") + out
    assert first.flights() == ("TG580", "MH754", "VN921")
    assert [m.participant.id for m in second.movements] == ["P04"]
    assert plan.transfer_of(ParticipantId("P04"), Way.ARRIVAL) is second


@pytest.mark.parametrize(
    ("people", "vehicles"),
    [(1, 1), (SEATS_PER_VEHICLE, 1), (SEATS_PER_VEHICLE + 1, 2), (25, 3)],
)
def test_vehicle_count(people: int, vehicles: int) -> None:
    """Tests that a transfer needs one vehicle per SEATS_PER_VEHICLE people."""
    group = [_lands(n, "09:00", "TG580") for n in range(1, people + 1)]
    plan = transfer_plan(_project(*group), ITINERARY)
    assert [(t.people, t.vehicles) for t in plan.pickups] == [(people, vehicles)]
    assert [(t.people, t.vehicles) for t in plan.dropoffs] == [(people, vehicles)]


def test_airports_are_batched_apart_with_their_own_minutes() -> None:
    """Tests that flights at two airports never share a transfer and that an
    airport's own arrival minutes (Places) replace the default."""
    people = [
        _lands(1, "09:00", "TG580"),
        _lands(2, "09:10", "VN3821", arrival_airport=PlaceId("REP")),
    ]
    plan = transfer_plan(_project(*people), ITINERARY)
    assert [(t.airport, f"{t.time:%H:%M}") for t in plan.pickups] == [
        ("REP", "09:30"),
        ("KTI", "09:45"),
    ]


def test_dropoff_by_the_earliest_check_in() -> None:
    """Tests that a drop-off reaches the airport by its earliest flight's
    check-in and that flights two hours apart get two drop-offs."""
    people = [
        replace(_lands(1, "09:00", "TG580"), departure_time=time(10, 0)),
        replace(_lands(2, "09:00", "TG580"), departure_time=time(11, 30)),
        replace(_lands(3, "09:00", "TG580"), departure_time=time(12, 0)),
    ]
    plan = transfer_plan(_project(*people), ITINERARY)
    assert CHECK_IN_INTERNATIONAL == 120
    assert [(f"{t.time:%H:%M}", t.people) for t in plan.dropoffs] == [
        ("08:00", 2),
        ("10:00", 1),
    ]


def test_domestic_flight_and_own_way() -> None:
    """Tests that a participant of the airport's country gets domestic minutes
    and that someone coming to a city by road gets no transfer."""
    people = [
        _person(
            1,
            "KH",
            arrival_date=date(2027, 2, 28),
            arrival_time=time(9, 0),
            arrival_flight="K6 101",
        ),
        _person(
            2,
            "KH",
            arrival_date=date(2027, 2, 28),
            arrival_time=time(18, 0),
            arrival_airport=PlaceId("PNP"),
        ),
    ]
    plan = transfer_plan(_project(*people), ITINERARY)
    assert [(t.people, f"{t.time:%H:%M}") for t in plan.pickups] == [(1, "09:15")]
    assert plan.movement_of(ParticipantId("P02"), Way.ARRIVAL) is not None
    assert plan.transfer_of(ParticipantId("P02"), Way.ARRIVAL) is None


def _texts(notices: tuple[Notice, ...]) -> list[tuple[str, str, str]]:
    return [(n.participant, n.way, n.text) for n in notices]


def test_late_arrival_and_early_departure_warn() -> None:
    """Tests the warnings for arriving after the opening starts and leaving
    before the closing ends, and none for those in time."""
    people = [
        _lands(1, "09:00", "TG580"),
        replace(
            _lands(2, "07:50", "PG931"),
            arrival_date=FIRST,
            departure_date=LAST,
            departure_time=time(17, 30),
        ),
        replace(
            _lands(3, "07:40", "PG933"),
            arrival_date=FIRST,
            departure_date=LAST,
            departure_time=time(18, 1),
        ),
    ]
    plan = transfer_plan(_project(*people), ITINERARY)
    assert _texts(plan.notices) == [
        (
            "P02",
            "arrival",
            "out of arrivals Mon 01 Mar 08:35 (PG931 lands 07:50), after the "
            "opening session starts Mon 01 Mar 08:30",
        ),
        (
            "P02",
            "departure",
            "due at check-in Wed 03 Mar 15:30 for VN601, before the closing "
            "session ends Wed 03 Mar 16:00",
        ),
    ]


def test_missing_data_warns() -> None:
    """Tests the warnings for a participant with nothing or only a date entered."""
    people = [
        _person(1),
        _person(2, arrival_date=date(2027, 2, 28), departure_date=LAST),
    ]
    plan = transfer_plan(_project(*people), ITINERARY)
    assert _texts(plan.notices) == [
        ("P01", "arrival", "arrival not entered"),
        ("P01", "departure", "departure not entered"),
        ("P02", "arrival", "arrival time not entered: no transfer planned"),
        ("P02", "departure", "departure time not entered: no transfer planned"),
    ]
    assert plan.pickups == plan.dropoffs == ()


def test_without_sessions_the_first_and_last_events_count() -> None:
    """Tests that a plan with no opening session measures from its first event."""
    visit = replace(ITINERARY.days[0].events[0], session=None, title="Visit")
    itinerary = Itinerary(days=(DayPlan(day=FIRST, events=(visit,)),))
    late = replace(_lands(1, "09:00", "TG580"), arrival_date=FIRST)
    plan = transfer_plan(_project(late), itinerary)
    assert "after the plan's first event starts Mon 01 Mar 08:30" in (
        plan.notices[0].text
    )
    assert transfer_plan(_project(late), Itinerary(days=())).notices == ()
