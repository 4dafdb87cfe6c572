"""Tests that the independent validator catches each broken rule.

A valid sample plan is broken one rule at a time (by editing the plan or the
project), and the validator must name that rule.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest

from lrplanner.core.plan import DayPlan, EventKind, Itinerary
from lrplanner.core.project import Project, VisitLock
from lrplanner.core.timespan import DateRange
from lrplanner.core.validate import validate
from lrplanner.network.graph import TravelNetwork
from lrplanner.planner.report import travel_check

if TYPE_CHECKING:
    from lrplanner.core.sites import Site
    from lrplanner.planner.plan import PlanOutcome


def _visit_day(itinerary: Itinerary) -> int:
    return next(i for i, d in enumerate(itinerary.days) if d.visits())


def _with_day(itinerary: Itinerary, index: int, day: DayPlan) -> Itinerary:
    days = list(itinerary.days)
    days[index] = day
    return replace(itinerary, days=tuple(days))


def _rules(project: Project, itinerary: Itinerary, travel: bool = False) -> set[str]:
    check = travel_check(TravelNetwork.from_project(project)) if travel else None
    return {v.rule for v in validate(project, itinerary, check)}


def test_project_edits_break_the_rules_they_name(
    planned: tuple[Project, PlanOutcome],
) -> None:
    """Tests capacity, budget, visits per day, rest day, lock and required rules."""
    project, outcome = planned
    plan = outcome.itinerary
    index = _visit_day(plan)
    day = plan.days[index]
    site_id = day.visits()[0].site
    assert site_id is not None
    site = project.site_by_id[site_id]
    other_day = plan.days[index - 1 if index else index + 1].day
    unvisited = next(s for s in project.sites if s.id not in plan.visited_sites())
    cases: dict[str, Project] = {
        "capacity": _site_changed(project, replace(site, capacity=1)),
        "budget": project.with_changes(
            route=replace(project.route, budget_cap=Decimal(1000))
        ),
        "visits per day": project.with_changes(
            route=replace(project.route, max_visits_per_day=0)
        ),
        "rest day": project.with_changes(
            route=replace(project.route, rest_days=(day.day,))
        ),
        "lock": project.with_changes(locks=(VisitLock(site=site.id, day=other_day),)),
        "required": _site_changed(project, replace(unvisited, required=True)),
        "excluded": project.with_changes(excluded_sites=(site.id,)),
        "duration": _site_changed(
            project, replace(site, duration_min=site.duration_min + 30)
        ),
    }
    for rule, broken in cases.items():
        assert rule in _rules(broken, plan), rule


def _site_changed(project: Project, site: Site) -> Project:
    sites = tuple(site if s.id == site.id else s for s in project.sites)
    return project.with_changes(sites=sites)


def test_champion_away_is_caught(planned: tuple[Project, PlanOutcome]) -> None:
    """Tests that a presenting champion made unavailable breaks the champion rule."""
    project, outcome = planned
    event = next(e for d in outcome.itinerary.days for e in d.visits() if e.champions)
    away = DateRange(
        project.route.end_date + timedelta(days=30),
        project.route.end_date + timedelta(days=31),
    )
    champions = tuple(
        replace(c, available=(away,)) if c.id in event.champions else c
        for c in project.champions
    )
    assert "champion" in _rules(
        project.with_changes(champions=champions), outcome.itinerary
    )


def test_moving_a_visit_breaks_hours_and_window(
    planned: tuple[Project, PlanOutcome],
) -> None:
    """Tests that a visit pushed to the evening breaks opening hours and the day."""
    project, outcome = planned
    plan = outcome.itinerary
    index = _visit_day(plan)
    day = plan.days[index]
    last = day.events[-1]
    late = replace(
        day.visits()[0],
        start=last.end + timedelta(hours=1),
        end=last.end + timedelta(hours=1, minutes=day.visits()[0].minutes),
    )
    events = (*tuple(e for e in day.events if e is not day.visits()[0]), late)
    broken = _with_day(plan, index, replace(day, events=events))
    rules = _rules(project, broken)
    assert {"opening hours", "day window"} <= rules or "availability" in rules


def test_removing_a_leg_breaks_continuity(planned: tuple[Project, PlanOutcome]) -> None:
    """Tests that dropping a travel leg leaves the group in the wrong place."""
    project, outcome = planned
    plan = outcome.itinerary
    index = next(
        i
        for i, d in enumerate(plan.days)
        if any(e.kind is EventKind.TRAVEL for e in d.events)
    )
    day = plan.days[index]
    leg = next(e for e in day.events if e.kind is EventKind.TRAVEL)
    events = tuple(e for e in day.events if e is not leg)
    broken = _with_day(plan, index, replace(day, events=events))
    assert _rules(project, broken) & {"continuity", "overnight"}


def test_a_too_short_leg_breaks_the_travel_rule(
    planned: tuple[Project, PlanOutcome],
) -> None:
    """Tests that a leg shorter than the network allows is caught."""
    project, outcome = planned
    plan = outcome.itinerary
    index, leg = next(
        (i, e)
        for i, d in enumerate(plan.days)
        for e in d.events
        if e.kind is EventKind.TRAVEL and e.minutes > 30
    )
    day = plan.days[index]
    quick = replace(leg, end=leg.start + timedelta(minutes=5))
    events = tuple(quick if e is leg else e for e in day.events)
    broken = _with_day(plan, index, replace(day, events=events))
    assert "travel" in _rules(project, broken, travel=True)


def test_lodging_and_end_place_are_checked(
    planned: tuple[Project, PlanOutcome],
) -> None:
    """Tests a night where the group cannot sleep and a route not ending at the end."""
    project, outcome = planned
    plan = outcome.itinerary
    night = plan.days[0].overnight
    assert night is not None
    places = tuple(
        replace(p, lodging_per_night=None) if p.id == night else p
        for p in project.places
    )
    assert "lodging" in _rules(project.with_changes(places=places), plan)
    last = replace(plan.days[-1], overnight=night)
    assert "end" in _rules(project, _with_day(plan, len(plan.days) - 1, last))


@pytest.mark.parametrize("drop", ["first", "last"])
def test_missing_days_are_reported(
    planned: tuple[Project, PlanOutcome], drop: str
) -> None:
    """Tests that a plan without its first or last day breaks the days rule."""
    project, outcome = planned
    days = outcome.itinerary.days
    kept = days[1:] if drop == "first" else days[:-1]
    assert "days" in _rules(project, replace(outcome.itinerary, days=kept))
