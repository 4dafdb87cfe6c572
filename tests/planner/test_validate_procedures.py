"""Tests that the validator catches each airport and border fault.

A valid plan of a hand-made route (``tests.planner.procedures_routes``) is
broken one way at a time and the validator must name the rule: "check-in"
(the road reaches the airport after check-in), "arrival" (the next leg
starts before baggage and immigration are over) and "border formalities"
(the group leaves a border post too soon).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

import pytest

from lrplanner.core.plan import EventKind, Itinerary
from lrplanner.core.validate import validate
from lrplanner.network.graph import TravelNetwork
from lrplanner.planner.plan import plan_route
from lrplanner.planner.report import travel_check
from tests.planner.procedures_routes import border_route, flight_route

if TYPE_CHECKING:
    from lrplanner.core.plan import Event
    from lrplanner.core.project import Project

RULES = {"check-in", "arrival", "border formalities"}


@pytest.fixture(scope="module")
def flight_plan() -> tuple[Project, Itinerary]:
    """The flight route and its valid plan."""
    project = flight_route()
    return project, plan_route(project, seconds=2.0, seed=1).itinerary


@pytest.fixture(scope="module")
def border_plan() -> tuple[Project, Itinerary]:
    """The border route and its valid plan."""
    project = border_route()
    return project, plan_route(project, seconds=2.0, seed=1).itinerary


def _rules(project: Project, itinerary: Itinerary) -> set[str]:
    network = TravelNetwork.from_project(project)
    return {v.rule for v in validate(project, itinerary, travel_check(network))}


def _legs(itinerary: Itinerary) -> list[Event]:
    return [e for d in itinerary.days for e in d.events if e.kind is EventKind.TRAVEL]


def _moved(itinerary: Itinerary, event: Event, minutes: int) -> Itinerary:
    """Return the plan with one event shifted by ``minutes`` (and lunch taken
    out of its day, so that nothing overlaps; lunch is no procedure)."""
    delta = timedelta(minutes=minutes)
    shifted = replace(event, start=event.start + delta, end=event.end + delta)
    days = tuple(
        replace(
            d,
            events=tuple(
                shifted if e is event else e
                for e in d.events
                if event not in d.events or e.kind is not EventKind.MEAL
            ),
        )
        for d in itinerary.days
    )
    return replace(itinerary, days=days)


def test_valid_plans_break_no_procedure_rule(
    flight_plan: tuple[Project, Itinerary], border_plan: tuple[Project, Itinerary]
) -> None:
    """Tests the planner's own plans of both routes pass every rule."""
    for project, itinerary in (flight_plan, border_plan):
        assert _rules(project, itinerary) == set()


def test_reaching_the_airport_late_is_caught(
    flight_plan: tuple[Project, Itinerary],
) -> None:
    """Tests the road to the airport ending 10 minutes before take-off."""
    project, itinerary = flight_plan
    road, flight, _ = _legs(itinerary)
    late = int((flight.start - road.end).total_seconds() // 60) - 10
    assert _rules(project, _moved(itinerary, road, late)) & RULES == {"check-in"}


def test_leaving_the_airport_before_baggage_is_caught(
    flight_plan: tuple[Project, Itinerary],
) -> None:
    """Tests the road into town starting 5 minutes after landing."""
    project, itinerary = flight_plan
    _, flight, onward = _legs(itinerary)
    early = 5 - int((onward.start - flight.end).total_seconds() // 60)
    assert _rules(project, _moved(itinerary, onward, early)) & RULES == {"arrival"}


def test_rushing_through_the_border_is_caught(
    border_plan: tuple[Project, Itinerary],
) -> None:
    """Tests leaving Bavet 10 minutes after arriving there."""
    project, itinerary = border_plan
    into, out = _legs(itinerary)
    early = 10 - int((out.start - into.end).total_seconds() // 60)
    found = _rules(project, _moved(itinerary, out, early))
    assert found & RULES == {"border formalities"}
