"""Airport and border procedures on hand-made routes whose answer is known.

The 14:10 domestic flight Mactan -> Davao (90 min) with the default 60-minute
check-in: the group is at the airport by 13:10, so the road from Cebu City
arrives then; it lands at 15:40 and with 15 minutes for baggage nothing starts
before 15:55. The road Phnom Penh -> Bavet -> Ho Chi Minh City spends the
default 45 minutes at the border post.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest

from lrplanner.core import procedures
from lrplanner.core.places import TravelMode
from lrplanner.core.plan import EventKind
from lrplanner.core.validate import validate
from lrplanner.network.graph import TravelNetwork
from lrplanner.planner.plan import plan_route
from lrplanner.planner.report import travel_check
from lrplanner.planner.timing import planning_minutes
from tests.planner.procedures_routes import (
    BAVET,
    CEBU,
    DAVAO,
    DAVAO_AIRPORT,
    HCMC,
    MACTAN,
    PHNOM_PENH,
    TAKE_OFF,
    border_route,
    flight_route,
)

if TYPE_CHECKING:
    from lrplanner.core.plan import Event, Itinerary
    from lrplanner.core.project import Project

SECONDS = 2.0
MANILA = ZoneInfo("Asia/Manila")


def planned(project: Project) -> Itinerary:
    """Return the plan of a hand-made route, checked by the validator."""
    outcome = plan_route(project, seconds=SECONDS, seed=1)
    network = TravelNetwork.from_project(project)
    found = validate(project, outcome.itinerary, travel_check(network))
    assert found == [], [v.describe() for v in found]
    return outcome.itinerary


def travel(itinerary: Itinerary) -> list[Event]:
    """Return every travel event, in order."""
    return [e for d in itinerary.days for e in d.events if e.kind is EventKind.TRAVEL]


def test_defaults_depend_on_the_two_countries() -> None:
    """Tests 60/15 minutes for a domestic flight, 120/45 international, 45 at
    a border post, nothing for a road, and a place's own minutes first."""
    project = flight_route()
    flight = (TravelMode.FLIGHT, MACTAN.id, DAVAO_AIRPORT.id)
    assert procedures.check_in_minutes(project, *flight) == 60
    assert procedures.arrival_minutes(project, *flight) == 15
    road = (TravelMode.ROAD, CEBU.id, MACTAN.id)
    assert procedures.check_in_minutes(project, *road) == 0
    abroad = replace(DAVAO_AIRPORT, country="VN")
    far = flight_route(CEBU, MACTAN, abroad, DAVAO)
    assert procedures.check_in_minutes(far, *flight) == 120
    assert procedures.arrival_minutes(far, *flight) == 45
    own = flight_route(replace(MACTAN, check_in_min=90), DAVAO_AIRPORT, CEBU, DAVAO)
    assert procedures.check_in_minutes(own, *flight) == 90
    assert procedures.formalities_minutes(border_route(), BAVET.id) == 45
    assert procedures.formalities_minutes(border_route(), HCMC.id) == 0


def test_the_group_is_at_the_airport_at_check_in_time() -> None:
    """Tests the road to the airport arrives by 13:10 for the 14:10 flight and
    the road into Davao starts no earlier than 15:55."""
    legs = travel(planned(flight_route()))
    assert [(e.origin, e.destination) for e in legs] == [
        (CEBU.id, MACTAN.id),
        (MACTAN.id, DAVAO_AIRPORT.id),
        (DAVAO_AIRPORT.id, DAVAO.id),
    ]
    road, flight, onward = legs
    assert flight.start.astimezone(MANILA).time() == TAKE_OFF
    assert road.end <= flight.start - timedelta(minutes=60)
    assert flight.end - flight.start == timedelta(minutes=90)
    assert onward.start >= flight.end + timedelta(minutes=15)


def test_stated_minutes_move_the_road_and_the_onward_leg() -> None:
    """Tests a 90-minute check-in and 30 minutes after landing at Davao."""
    project = flight_route(
        CEBU,
        replace(MACTAN, check_in_min=90),
        replace(DAVAO_AIRPORT, arrival_min=30),
        DAVAO,
    )
    road, flight, onward = travel(planned(project))
    assert road.end <= flight.start - timedelta(minutes=90)
    assert onward.start >= flight.end + timedelta(minutes=30)


def test_a_border_post_costs_its_formalities() -> None:
    """Tests 45 minutes between reaching Bavet and leaving it, and that the
    engine's travel time of the leg counts them."""
    project = border_route()
    into, out = travel(planned(project))
    assert (into.destination, out.origin) == (BAVET.id, BAVET.id)
    assert out.start - into.end >= timedelta(minutes=45)
    network = TravelNetwork.from_project(project)
    leg = network.fastest(PHNOM_PENH.id, HCMC.id)
    plain = planning_minutes(leg)
    assert planning_minutes(leg, project=project) - plain == 45


@pytest.mark.parametrize("minutes", [0, 30])
def test_a_border_post_may_state_its_own_minutes(minutes: int) -> None:
    """Tests a Formalities minutes value replaces the default."""
    project = border_route()
    places = tuple(
        replace(p, formalities_min=minutes) if p.id == BAVET.id else p
        for p in project.places
    )
    into, out = travel(planned(project.with_changes(places=places)))
    assert out.start - into.end >= timedelta(minutes=minutes)
