"""Tests that the validator catches invented flights and roads across water.

A valid plan is broken one way at a time, and the validator must name the
rule: "estimated flight" (a flight not on Links while the route does not
allow estimated flights) and "road across water" (a road leg between two
landmasses that no Links road row joins).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import pytest

from lrplanner.core.ids import SiteId
from lrplanner.core.places import Link, TravelMode
from lrplanner.core.plan import EventKind, Itinerary
from lrplanner.core.sites import Site
from lrplanner.core.validate import validate
from lrplanner.network.graph import TravelNetwork
from lrplanner.planner.plan import plan_route
from lrplanner.planner.report import travel_check
from tests.network.islands import CEBU, TAGBILARAN, visayas

if TYPE_CHECKING:
    from lrplanner.core.plan import Event
    from lrplanner.core.project import Project
    from lrplanner.planner.plan import PlanOutcome

FLIGHT_RULE = "estimated flight"
ROAD_RULE = "road across water"


def _rules(project: Project, itinerary: Itinerary) -> set[str]:
    network = TravelNetwork.from_project(project)
    found = validate(project, itinerary, travel_check(network), land=network.landmass)
    return {v.rule for v in found}


def _replaced(itinerary: Itinerary, old: Event, new: Event) -> Itinerary:
    days = tuple(
        replace(d, events=tuple(new if e is old else e for e in d.events))
        for d in itinerary.days
    )
    return replace(itinerary, days=days)


def _legs(itinerary: Itinerary, mode: TravelMode) -> list[Event]:
    return [
        e
        for d in itinerary.days
        for e in d.events
        if e.kind is EventKind.TRAVEL and e.mode is mode
    ]


def test_sample_plans_break_neither_rule(planned: tuple[Project, PlanOutcome]) -> None:
    """Tests the planner's own sample plans: no invented flight, no sea road."""
    project, outcome = planned
    assert not _rules(project, outcome.itinerary) & {FLIGHT_RULE, ROAD_RULE}
    assert not any(e.estimated for e in _legs(outcome.itinerary, TravelMode.FLIGHT))


def test_an_estimated_flight_is_caught(planned: tuple[Project, PlanOutcome]) -> None:
    """Tests a flight marked estimated, or one Links lacks, breaks the rule
    unless the route allows estimated flights."""
    project, outcome = planned
    flights = _legs(outcome.itinerary, TravelMode.FLIGHT)
    if not flights:
        pytest.skip("this short plan takes no flight")
    flight = flights[0]
    marked = _replaced(outcome.itinerary, flight, replace(flight, estimated=True))
    assert FLIGHT_RULE in _rules(project, marked)
    allowed = project.with_changes(route=replace(project.route, estimated_flights=True))
    assert FLIGHT_RULE not in _rules(allowed, marked)
    ends = {flight.origin, flight.destination}
    unlisted = project.with_changes(
        links=tuple(
            link
            for link in project.links
            if not (
                link.mode is TravelMode.FLIGHT
                and {link.origin, link.destination} == ends
            )
        )
    )
    assert FLIGHT_RULE in _rules(unlisted, outcome.itinerary)


def test_a_road_to_a_place_moved_onto_an_island_is_caught(
    planned: tuple[Project, PlanOutcome],
) -> None:
    """Tests that a road leg whose end now lies on Bohol crosses water."""
    project, outcome = planned
    roads = [
        e
        for e in _legs(outcome.itinerary, TravelMode.ROAD)
        if e.destination in project.place_by_id
        and not any(
            link.mode is TravelMode.ROAD
            and {link.origin, link.destination} == {e.origin, e.destination}
            for link in project.links
        )
    ]
    assert roads, "a sample plan drives an estimated road to a place"
    moved = project.place_by_id[roads[0].destination]  # type: ignore[index]
    places = tuple(
        replace(p, lat=TAGBILARAN.lat, lon=TAGBILARAN.lon) if p.id == moved.id else p
        for p in project.places
    )
    assert ROAD_RULE in _rules(project.with_changes(places=places), outcome.itinerary)


@pytest.fixture(scope="module")
def ferry_plan() -> tuple[Project, PlanOutcome]:
    """A three-day Cebu route with a Bohol cooperative, reached by the ferry."""
    sites = (
        Site(
            id=SiteId("BOH-1"), name="Bohol farmers' cooperative", country="PH",
            place=TAGBILARAN.id, value=5,
        ),
        Site(
            id=SiteId("CEB-1"), name="Cebu microfinance NGO", country="PH",
            place=CEBU.id, value=3,
        ),
    )  # fmt: skip
    project = visayas(*sites)
    return project, plan_route(project, seconds=3, seed=0)


def test_the_island_plan_takes_the_ferry_and_is_valid(
    ferry_plan: tuple[Project, PlanOutcome],
) -> None:
    """Tests the Cebu route visits Bohol by boat and passes every rule."""
    project, outcome = ferry_plan
    assert "BOH-1" in outcome.itinerary.visited_sites()
    assert _legs(outcome.itinerary, TravelMode.BOAT)
    assert not _legs(outcome.itinerary, TravelMode.ROAD)
    assert _rules(project, outcome.itinerary) == set()


def test_driving_instead_of_the_ferry_is_caught(
    ferry_plan: tuple[Project, PlanOutcome],
) -> None:
    """Tests the ferry turned into a road breaks the rule; a bridge row allows it."""
    project, outcome = ferry_plan
    boat = _legs(outcome.itinerary, TravelMode.BOAT)[0]
    driven = _replaced(
        outcome.itinerary,
        boat,
        replace(boat, mode=TravelMode.ROAD, title="Road: Cebu City → Tagbilaran"),
    )
    assert ROAD_RULE in _rules(project, driven)
    bridge = Link(
        origin=CEBU.id, destination=TAGBILARAN.id, mode=TravelMode.ROAD,
        duration_min=120,
    )  # fmt: skip
    bridged = project.with_changes(links=(*project.links, bridge))
    assert ROAD_RULE not in _rules(bridged, driven)
