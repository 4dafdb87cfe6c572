"""Exact timetables in the engine, on hand-made routes whose best plan is known.

Cebu City -> Davao City, four days (Mon 1 - Thu 4 Mar 2027), the flight
Mactan -> Davao runs on Tuesday only: 40 minutes of road to Mactan, 60 minutes
domestic check-in, 90 minutes in the air, 15 minutes for baggage, 30 minutes
into Davao City. One site in Cebu and one in Davao are open on Tuesday only,
so the best plan visits both on Tuesday, around the flight:

* the 14:10 flight leaves room for a two-hour visit in Cebu in the morning
  (at the airport by 13:10) and, landing at 15:40, a 45-minute visit in
  Davao from 16:35 (in the city at 16:25, then the 10-minute transfer
  buffer), over before the 17:30 reflection;
* the 09:45 flight lands at 11:15; the group is in Davao at 12:00 and a
  2 h 30 min visit opening at 13:30 fits in the afternoon.

With a flat waiting allowance on the flight (the engine before exact
timetables) neither day holds both visits.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest

from lrplanner.core.ids import PlaceId, SiteId
from lrplanner.core.places import TravelMode
from lrplanner.core.plan import DayPlan, Event, EventKind, Itinerary
from lrplanner.core.procedure_rules import procedure_problems
from lrplanner.core.sites import Site
from lrplanner.core.timespan import DateRange, OpeningHours, TimeWindow
from lrplanner.core.validate import validate
from lrplanner.exporters.agenda_rows import day_rows
from lrplanner.network.graph import TravelNetwork
from lrplanner.planner.decode import Block, _lunch_before_departure, _wait_at_the_hotel
from lrplanner.planner.plan import plan_route
from lrplanner.planner.report import travel_check
from lrplanner.solver.problem import Departures, Timetable
from tests.planner.procedures_routes import CEBU, DAVAO, FLIGHT, flight_route

if TYPE_CHECKING:
    from lrplanner.core.project import Project

MANILA = ZoneInfo("Asia/Manila")
SOUTH_ASIA = Path(__file__).resolve().parents[2] / "sample_data" / "south_asia.xlsx"
TUESDAY = date(2027, 3, 2)


def _site(
    sid: str, name: str, place: PlaceId, opens: time, closes: time, minutes: int
) -> Site:
    return Site(
        id=SiteId(sid), name=name, country="PH", place=place, value=8,
        duration_min=minutes,
        opening=OpeningHours.same_every_day([TimeWindow(opens, closes)]),
        available=(DateRange(TUESDAY, TUESDAY),),
    )  # fmt: skip


def route(take_off: time, cebu: Site, davao: Site) -> Project:
    """Return the four-day route with the Tuesday flight at ``take_off``."""
    base = flight_route()
    flight = replace(FLIGHT, departures=(take_off,), weekdays=frozenset({1}))
    settings = replace(base.route, end_date=date(2027, 3, 4))
    links = (flight, *(lk for lk in base.links if lk is not FLIGHT))
    return base.with_changes(route=settings, links=links, sites=(cebu, davao))


def planned(project: Project) -> Itinerary:
    """Return the plan, checked by the validator."""
    outcome = plan_route(project, seconds=3.0, seed=0)
    network = TravelNetwork.from_project(project)
    found = validate(project, outcome.itinerary, travel_check(network))
    assert found == [], [v.describe() for v in found]
    return outcome.itinerary


def visits_on(itinerary: Itinerary, day: date) -> list[tuple[str, time]]:
    """Return (site, local start) of the visits of a day."""
    plan = next(d for d in itinerary.days if d.day == day)
    return [
        (str(e.site), e.start.astimezone(MANILA).time())
        for e in plan.events
        if e.kind is EventKind.VISIT
    ]


def test_a_morning_visit_fits_before_an_afternoon_flight() -> None:
    """Tests both Tuesday visits around the 14:10 flight, the Cebu one ending
    in time for the road to reach the airport by 13:10."""
    cebu = _site("CEB-1", "Cebu fishers' cooperative", CEBU.id, time(8), time(12), 120)
    davao = _site("DVO-1", "Davao cacao growers", DAVAO.id, time(16), time(18), 45)
    itinerary = planned(route(time(14, 10), cebu, davao))
    found = visits_on(itinerary, TUESDAY)
    assert [s for s, _ in found] == ["CEB-1", "DVO-1"]
    tuesday = next(d for d in itinerary.days if d.day == TUESDAY)
    flight = next(e for e in tuesday.events if e.mode is not None and e.origin == "CEB")
    road = next(e for e in tuesday.events if e.destination == "CEB")
    assert road.end <= flight.start - timedelta(minutes=60)
    assert found[1][1] >= time(16, 35)


def test_an_afternoon_visit_fits_after_a_morning_arrival() -> None:
    """Tests the Davao visit after lunch on the day of the 09:45 flight."""
    cebu = _site("CEB-1", "Cebu fishers' cooperative", CEBU.id, time(8), time(9), 30)
    davao = _site("DVO-1", "Davao cacao growers", DAVAO.id, time(13, 30), time(17), 150)
    itinerary = planned(route(time(9, 45), cebu, davao))
    found = visits_on(itinerary, TUESDAY)
    assert ("DVO-1", time(13, 30)) in found


@pytest.mark.parametrize(
    ("ready", "expected"), [(0, 50), (5, 50), (6, 120), (56, None)]
)
def test_a_timetable_waits_for_the_next_departure(
    ready: int, expected: int | None
) -> None:
    """Tests the engine's arc timing: 5 minutes to the airport, departures
    that must be caught by minute 10 or 60, landing 30 or 100, 10 more after."""
    hop = Departures(ready=(10, 60), arrive=(40, 110))
    table = Timetable((5, hop, 10))
    assert table.arrive(ready) == expected


def test_a_later_departure_that_lands_first_is_taken() -> None:
    """Tests the earliest arrival among the departures still catchable."""
    hop = Departures(ready=(10, 20), arrive=(100, 60))
    assert hop.after(0) == 60
    assert hop.after(15) == 60
    assert hop.after(21) is None


@pytest.mark.parametrize("buffer", [10, 30])
def test_visits_start_on_the_five_minutes_after_the_buffer(buffer: int) -> None:
    """Tests every visit starts on a five-minute mark and at least the Route's
    transfer buffer after the road that brings the group ends."""
    cebu = _site("CEB-1", "Cebu fishers' cooperative", CEBU.id, time(8), time(12), 120)
    davao = _site("DVO-1", "Davao cacao growers", DAVAO.id, time(16), time(18), 30)
    project = route(time(14, 10), cebu, davao)
    project = project.with_changes(
        route=replace(project.route, transfer_buffer_min=buffer)
    )
    itinerary = planned(project)
    visits = 0
    for day in itinerary.days:
        for i, event in enumerate(day.events):
            if event.kind is not EventKind.VISIT:
                continue
            visits += 1
            assert event.start.minute % 5 == 0
            before = day.events[i - 1] if i else None
            if before is not None and before.kind is EventKind.TRAVEL:
                assert event.start - before.end >= timedelta(minutes=buffer)
    assert visits == 2


def test_a_visit_may_run_into_lunch_time_and_lunch_follows_it() -> None:
    """Tests a site open only 09:30-12:30 on Monday with a 165-minute visit
    (the lunch hour starts at 12:00) is visited after the opening session,
    lunch right after it, and that the check refuses the visit when it is
    moved to end after 13:00."""
    monday = date(2027, 3, 1)
    tight = replace(
        _site(
            "CEB-2", "Cebu women's federation", CEBU.id, time(9, 30), time(12, 30), 165
        ),
        available=(DateRange(monday, monday),),
    )
    davao = _site("DVO-1", "Davao cacao growers", DAVAO.id, time(16), time(18), 30)
    project = route(time(14, 10), tight, davao)
    outcome = plan_route(project, seconds=3.0, seed=0)
    network = TravelNetwork.from_project(project)
    assert validate(project, outcome.itinerary, travel_check(network)) == []
    first = outcome.itinerary.days[0]
    visit = next(e for e in first.events if e.site == "CEB-2")
    lunch = next(e for e in first.events if e.kind is EventKind.MEAL)
    assert visit.start.astimezone(MANILA).time() < time(12)
    assert visit.end.astimezone(MANILA).time() <= time(12, 30)
    assert lunch.start == visit.end
    late = replace(visit, start=visit.start + timedelta(minutes=50),
                   end=visit.end + timedelta(minutes=50))  # fmt: skip
    events = tuple(late if e is visit else e for e in first.events if e is not lunch)
    days = (replace(first, events=events), *outcome.itinerary.days[1:])
    found = validate(project, replace(outcome.itinerary, days=days))
    assert any(v.rule == "lunch" and "across lunch" in v.message for v in found)


def test_lunch_is_on_board_a_flight_over_lunch_time() -> None:
    """Tests the 11:30 flight (in the air 11:30-13:00, over the whole 12:00
    lunch hour) gives lunch on board: no meal event that day, a 'Lunch on
    board' line in the agenda after the departure, and the check accepts the
    visiting day."""
    cebu = _site("CEB-1", "Cebu fishers' cooperative", CEBU.id, time(8), time(10), 60)
    davao = _site("DVO-1", "Davao cacao growers", DAVAO.id, time(16), time(18), 30)
    project = route(time(11, 30), cebu, davao)
    itinerary = planned(project)
    tuesday = next(d for d in itinerary.days if d.day == TUESDAY)
    assert [s for s, _ in visits_on(itinerary, TUESDAY)] == ["CEB-1", "DVO-1"]
    assert not any(e.kind is EventKind.MEAL for e in tuesday.events)
    rows = [r.activity for r in day_rows(project, tuesday)]
    assert (
        rows.index("Lunch on board (flight)")
        == rows.index("Departure: flight 5J 595") + 1
    )


def _south_asia() -> Project:
    from lrplanner import services

    project = services.load_inputs(SOUTH_ASIA).project
    assert project is not None
    return project


def _airport_day(
    events: list[Event], take_off: datetime, lunch: datetime
) -> tuple[list[Event], datetime, bool]:
    """Return what the decoder makes of lunch before the Kathmandu to Dhaka
    flight at ``take_off`` (120 minutes' international check-in)."""
    model = SimpleNamespace(project=_south_asia())
    frame = SimpleNamespace(
        day=lunch.date(),
        lunch=(lunch, lunch + timedelta(hours=1)),
        start=lunch.replace(hour=8),
    )
    make = {"mode": TravelMode.FLIGHT, "origin": "KTM", "destination": "DAC"}
    flight = Block(0, 85, "KTM", "DAC", make, real=(take_off, take_off + HOUR))
    return _lunch_before_departure(
        model,  # type: ignore[arg-type]
        frame,  # type: ignore[arg-type]
        events,
        [flight],
        HOUR,
    )


HOUR = timedelta(hours=1)
KATHMANDU = ZoneInfo("Asia/Kathmandu")


def _at(h: int, m: int) -> datetime:
    return datetime.combine(date(2027, 1, 14), time(h, m), KATHMANDU)


def test_lunch_in_transit_is_eaten_after_check_in() -> None:
    """Tests the South Asia case: the group lands at Kathmandu at 11:05 from
    Bhairahawa (a flight: it cannot come earlier), lunch time is 12:30 and
    the Dhaka flight leaves at 13:35, so check-in is due at 11:35. Lunch
    cannot end by then, so the group checks in first and eats airside at
    12:05-13:05, over 30 minutes before take-off, and the meal says so."""
    landed = Event(
        kind=EventKind.TRAVEL, start=_at(10, 5), end=_at(11, 5), title="Flight",
        tz="Asia/Kathmandu", origin=PlaceId("BWA"), destination=PlaceId("KTM"),
        mode=TravelMode.FLIGHT,
    )  # fmt: skip
    events, begin, airside = _airport_day([landed], _at(13, 35), _at(12, 30))
    assert (begin, airside) == (_at(12, 5), True)
    assert events == [landed]


def test_the_road_to_the_airport_leaves_earlier_for_lunch_before_check_in() -> None:
    """Tests that lunch at lunch time which ends by check-in stays there
    (the 15:30 flight: at the counter by 13:30, lunch 12:30-13:30), and that
    for the 14:30 flight (counter at 12:30) the road that would reach the
    airport at 12:45 leaves 75 minutes earlier, the same length, so lunch is
    11:30-12:30 before check-in."""
    road = Event(
        kind=EventKind.TRAVEL, start=_at(12, 15), end=_at(12, 45), title="Road",
        tz="Asia/Kathmandu", origin=PlaceId("NP-KTM"), destination=PlaceId("KTM"),
        mode=TravelMode.ROAD,
    )  # fmt: skip
    events, begin, airside = _airport_day([road], _at(15, 30), _at(12, 30))
    assert (events, begin, airside) == ([road], _at(12, 30), False)
    events, begin, airside = _airport_day([road], _at(14, 30), _at(12, 30))
    assert (begin, airside) == (_at(11, 30), False)
    assert events[0].end == _at(11, 30)
    assert events[0].end - events[0].start == road.end - road.start


def test_lunch_after_check_in_comes_after_its_line_in_the_agenda() -> None:
    """Tests that the agenda lists a lunch eaten after check-in below the
    check-in line, in time order."""
    project = _south_asia()
    lunch = Event(
        kind=EventKind.MEAL, start=_at(12, 5), end=_at(13, 5),
        title="Lunch in Tribhuvan International Airport (Kathmandu), after check-in",
        tz="Asia/Kathmandu", place=PlaceId("KTM"),
    )  # fmt: skip
    flight = Event(
        kind=EventKind.TRAVEL, start=_at(13, 35), end=_at(15, 0), title="Flight",
        tz="Asia/Kathmandu", origin=PlaceId("KTM"), destination=PlaceId("DAC"),
        mode=TravelMode.FLIGHT,
    )  # fmt: skip
    day = DayPlan(day=date(2027, 1, 14), events=(lunch, flight))
    activities = [r.activity for r in day_rows(project, day)]
    assert activities.index("Check-in for flight") < activities.index(lunch.title)


def test_the_group_waits_at_the_hotel_but_reaches_check_in_in_time() -> None:
    """Tests the generated-route case the route benchmark found: the road to
    the airport ends at 09:00, lunch is airside at 12:05 and the Dhaka
    flight leaves at 13:35 (check-in due 11:35). Waiting at the hotel must
    not bring the group to the airport 10 minutes before lunch (11:55, 20
    minutes after check-in closed): the road arrives at 11:35, and the day
    passes the validator's check-in rule."""
    road = Event(
        kind=EventKind.TRAVEL, start=_at(8, 30), end=_at(9, 0), title="Road",
        tz="Asia/Kathmandu", origin=PlaceId("NP-KTM"), destination=PlaceId("KTM"),
        mode=TravelMode.ROAD,
    )  # fmt: skip
    lunch = Event(
        kind=EventKind.MEAL, start=_at(12, 5), end=_at(13, 5), title="Lunch",
        tz="Asia/Kathmandu", place=PlaceId("KTM"),
    )  # fmt: skip
    flight = Event(
        kind=EventKind.TRAVEL, start=_at(13, 35), end=_at(15, 0), title="Flight",
        tz="Asia/Kathmandu", origin=PlaceId("KTM"), destination=PlaceId("DAC"),
        mode=TravelMode.FLIGHT,
    )  # fmt: skip
    project = _south_asia()
    model = SimpleNamespace(project=project)
    moved = _wait_at_the_hotel(model, [road, lunch, flight])  # type: ignore[arg-type]
    assert moved[0].end == _at(11, 35)
    assert moved[0].end - moved[0].start == road.end - road.start
    assert moved[1:] == [lunch, flight]
    day = DayPlan(day=date(2027, 1, 14), events=tuple(moved))
    assert list(procedure_problems(project, day)) == []
    later = replace(road, start=_at(11, 0), end=_at(11, 30))  # 35 min to lunch
    assert _wait_at_the_hotel(model, [later, lunch, flight])[0].end == _at(11, 35)  # type: ignore[arg-type]


def _session(start: datetime, end: datetime) -> Event:
    return Event(
        kind=EventKind.SESSION, start=start, end=end, title="Innovation Plan workshop",
        tz="Asia/Kathmandu", place=PlaceId("NP-KTM"),
    )  # fmt: skip


def _road(start: datetime, end: datetime) -> Event:
    return Event(
        kind=EventKind.TRAVEL, start=start, end=end, title="Road",
        tz="Asia/Kathmandu", origin=PlaceId("NP-KTM"), destination=PlaceId("NP-BKT"),
        mode=TravelMode.ROAD,
    )  # fmt: skip


def test_after_a_session_the_group_waits_at_the_hotel_too() -> None:
    """Tests the Mekong sample's Innovation Plan day: the workshop ends at
    11:00 and the host's visit (lunch first, next to it) begins at 12:00;
    the 3-minute road left at 11:00, an hour at the host's gate. It now
    leaves at 11:47 and arrives 10 minutes ahead, or the Route's transfer
    buffer ahead when that is longer. A road after a visit stays as it is
    (the group leaves the host when the visit ends)."""
    project = _south_asia()
    model = SimpleNamespace(project=project)
    workshop = _session(_at(8, 0), _at(11, 0))
    road = _road(_at(11, 0), _at(11, 3))
    lunch = Event(
        kind=EventKind.MEAL, start=_at(12, 0), end=_at(13, 0), title="Lunch",
        tz="Asia/Kathmandu", place=PlaceId("NP-BKT"),
    )  # fmt: skip
    moved = _wait_at_the_hotel(model, [workshop, road, lunch])  # type: ignore[arg-type]
    assert [e.start for e in moved] == [_at(8, 0), _at(11, 47), _at(12, 0)]
    assert moved[1].end == _at(11, 50)
    slow = replace(project, route=replace(project.route, transfer_buffer_min=30))
    moved = _wait_at_the_hotel(SimpleNamespace(project=slow), [workshop, road, lunch])  # type: ignore[arg-type]
    assert moved[1].end == _at(11, 30)
    visit = replace(
        workshop, kind=EventKind.VISIT, title="Visit", site=SiteId("NP01"), place=None
    )
    assert _wait_at_the_hotel(model, [visit, road, lunch]) == [visit, road, lunch]  # type: ignore[arg-type]
