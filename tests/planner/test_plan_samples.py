"""Tests for planning the sample routes end to end."""

from __future__ import annotations

from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from lrplanner.core.costmodel import compute_costs
from lrplanner.core.plan import EventKind, SessionKind
from lrplanner.core.validate import validate
from lrplanner.network.graph import TravelNetwork
from lrplanner.planner import jsonio
from lrplanner.planner.report import travel_check

if TYPE_CHECKING:
    from lrplanner.core.project import Project
    from lrplanner.planner.plan import PlanOutcome


def test_every_sample_plan_passes_the_independent_check(
    planned: tuple[Project, PlanOutcome],
) -> None:
    """Tests that a sample plan has no violation, rechecked from scratch."""
    project, outcome = planned
    assert outcome.report.violations == ()
    network = TravelNetwork.from_project(project)
    assert validate(project, outcome.itinerary, travel_check(network)) == []


def test_plan_covers_every_day_and_keeps_required_sites(
    planned: tuple[Project, PlanOutcome],
) -> None:
    """Tests that there is one day per date and every required site is visited."""
    project, outcome = planned
    days = outcome.itinerary.days
    assert len(days) == project.route.days
    assert days[0].day == project.route.start_date
    assert days[-1].overnight is None
    visited = set(outcome.itinerary.visited_sites())
    assert {s.id for s in project.sites if s.required} <= visited
    assert len(visited) == len(outcome.itinerary.visited_sites())


def test_sessions_are_placed_by_rule(planned: tuple[Project, PlanOutcome]) -> None:
    """Tests opening on day 1, closing on the last day, the workshop the day before."""
    _, outcome = planned
    days = outcome.itinerary.days

    def sessions(index: int) -> set[SessionKind | None]:
        return {e.session for e in days[index].events if e.kind is EventKind.SESSION}

    assert SessionKind.OPENING in sessions(0)
    assert SessionKind.CLOSING in sessions(-1)
    assert SessionKind.INNOVATION_PLAN in sessions(-2)


def test_costs_respect_the_cap_and_match_the_cost_model(
    planned: tuple[Project, PlanOutcome],
) -> None:
    """Tests that the total is within the cap and recomputes to the same value."""
    project, outcome = planned
    cap = project.route.budget_cap
    assert cap is not None
    assert outcome.report.costs.total <= cap
    assert compute_costs(project, outcome.itinerary).total == outcome.report.costs.total


def test_every_site_not_visited_has_a_reason(
    planned: tuple[Project, PlanOutcome],
) -> None:
    """Tests that each site is either visited or left out with a worded reason."""
    project, outcome = planned
    visited = set(outcome.itinerary.visited_sites())
    left = {r.site: r for r in outcome.itinerary.left_out}
    assert set(left) | visited == {s.id for s in project.sites}
    assert not set(left) & visited
    assert all(len(r.reason) > 20 for r in left.values())


def test_plan_json_follows_the_contract(planned: tuple[Project, PlanOutcome]) -> None:
    """Tests the documented keys of plan.json and problem.json."""
    project, outcome = planned
    plan = jsonio.plan_document(project, outcome.itinerary, outcome.report)
    problem = jsonio.problem_document(outcome.model)
    assert plan["days"][0]["date"] == project.route.start_date.isoformat()
    event = plan["days"][0]["events"][0]
    assert {"kind", "start", "end", "place"} <= set(event)
    assert plan["costs"]["total"] == f"{outcome.report.costs.total:.2f}"
    visits = [e for day in plan["days"] for e in day["events"] if e["kind"] == "visit"]
    assert visits
    for visit in visits:
        need = visit["interpretation"]
        assert set(need) == {"pairs", "unknown"}
        for pair in need["pairs"]:
            assert set(pair) == {"from", "to", "whispered"}
            assert pair["from"] != pair["to"]
    # Khmer-speaking champions and an English-speaking group need a pair
    assert any(v["interpretation"]["pairs"] for v in visits)
    assert set(problem["route"]) >= {
        "start_place",
        "end_place",
        "budget_cap",
        "group_size",
        "max_visits_per_day",
    }
    site = next(iter(problem["sites"].values()))
    assert {"windows", "duration_min", "value", "themes"} <= set(site)
    start = project.route.start_place
    assert isinstance(problem["fastest_minutes"][start], dict)


def test_event_times_are_local_with_offsets(
    planned: tuple[Project, PlanOutcome],
) -> None:
    """Tests that plan.json times carry the local UTC offset of the event's zone."""
    project, outcome = planned
    plan = jsonio.plan_document(project, outcome.itinerary, outcome.report)
    first = outcome.itinerary.days[0].events[0]
    offset = first.start.astimezone(ZoneInfo(first.tz)).isoformat()[-6:]
    assert plan["days"][0]["events"][0]["start"].endswith(offset)
