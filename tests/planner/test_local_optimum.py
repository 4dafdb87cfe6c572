"""No single change improves a returned plan, the validator being the judge.

For every site the plan leaves out, every day and every position in it, and
the two nights around that day kept, one of them moved to any lodging place
or both moved to the same one, the changed plan is timed on the route model
(when the model cannot time it there is no agenda to check), turned into an
agenda and checked by the independent validator; so is every visit swapped
for a left-out site on its own day. None that passes may be worth more than
the plan. This enumeration is written here, separately from the planner's
own polish; the samples and random routes are both checked.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from hypothesis import HealthCheck, given, settings

from lrplanner.core.errors import InfeasibleRequest
from lrplanner.core.rules import PlanningRules
from lrplanner.core.validate import validate
from lrplanner.network.graph import TravelNetwork
from lrplanner.planner.build import engine_plan
from lrplanner.planner.decode import decode
from lrplanner.planner.plan import PlanOutcome, plan_route
from lrplanner.planner.report import travel_check
from lrplanner.solver.result import Result
from lrplanner.solver.schedule import Plan, plan_cost, time_plan
from tests.planner.conftest import load_sample
from tests.planner.test_property import projects
from tests.solver.checker import recomputed_score

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lrplanner.core.plan import Itinerary
    from lrplanner.core.project import Project
    from lrplanner.planner.build import RouteModel

RULES = PlanningRules()


def single_changes(model: RouteModel, plan: Plan) -> Iterator[Plan]:
    """Yield every plan one insertion or same-day swap away (with the nights
    around the day changed as described above)."""
    data = model.data
    visited = plan.visited()
    outside = [s for s in range(len(data.sites)) if s not in visited]
    for d in range(len(data.tours)):
        for base in _night_variants(model, plan, d):
            route = base.routes[d]
            for s in outside:
                for i in range(len(route) + 1):
                    trial = _copy(base)
                    trial.routes[d].insert(i, s)
                    yield trial
                for j, old in enumerate(route):
                    if data.sites[old].mandatory:
                        continue
                    trial = _copy(base)
                    trial.routes[d][j] = s
                    yield trial


def _night_variants(model: RouteModel, plan: Plan, d: int) -> Iterator[Plan]:
    yield plan
    hotels = sorted(set(model.data.hotels))
    nights = [n for n in (d - 1, d) if 0 <= n < len(plan.hotels)]
    for h in hotels:
        for chosen in [*([n] for n in nights), nights if len(nights) == 2 else []]:
            if not chosen or all(plan.hotels[n] == h for n in chosen):
                continue
            trial = _copy(plan)
            for n in chosen:
                trial.hotels[n] = h
            yield trial


def _copy(plan: Plan) -> Plan:
    return Plan(routes=[list(r) for r in plan.routes], hotels=list(plan.hotels))


def objective(model: RouteModel, itinerary: Itinerary) -> int:
    """Return the planner's objective of an agenda, recomputed from its
    visits: learning value less the light cost penalty, plus the theme
    bonuses (``tests.solver.checker``)."""
    index = {site: i for i, site in enumerate(model.site_ids)}
    return recomputed_score(model.data, {index[s] for s in itinerary.visited_sites()})


def better_single_change(project: Project, outcome: PlanOutcome) -> int | None:
    """Return the objective of a validated single change worth more than the
    plan, or None when there is none."""
    model = outcome.model
    start = engine_plan(model, outcome.itinerary)
    assert start is not None
    network = TravelNetwork.from_project(project)
    check = travel_check(network)
    current = objective(model, outcome.itinerary)
    seen: set[tuple[tuple[tuple[int, ...], ...], tuple[int, ...]]] = set()
    for trial in single_changes(model, start):
        key = (tuple(map(tuple, trial.routes)), tuple(trial.hotels))
        if key in seen:
            continue
        seen.add(key)
        timed = time_plan(model.data, trial)
        if timed is None:
            continue
        result = Result(
            tours=tuple(timed), score=0, cost=plan_cost(model.data, trial),
            travel=0, status="feasible", runtime=0.0, unvisited={},
        )  # fmt: skip
        itinerary = decode(model, result, RULES.sessions)
        value = objective(model, itinerary)
        if value <= current:
            continue
        if not validate(project, itinerary, check, land=network.landmass):
            return value
    return None


def test_no_single_change_improves_the_samples(
    planned: tuple[Project, PlanOutcome],
) -> None:
    """Tests both sample plans (seed 0, a few seconds)."""
    project, outcome = planned
    assert better_single_change(project, outcome) is None


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects(max_sites=5))
def test_no_single_change_improves_random_routes(project: Project) -> None:
    """Tests random small Cambodian routes (2-4 days, 2-5 sites)."""
    try:
        outcome = plan_route(project, seconds=1.0, seed=0)
    except InfeasibleRequest:
        return
    if outcome.report.violations:
        return  # a failing plan is the property test's concern
    assert better_single_change(project, outcome) is None


def test_the_enumeration_finds_an_improvement_when_there_is_one(
    planned: tuple[Project, PlanOutcome],
) -> None:
    """Tests the check can fail: with one visit of the plan taken out (the
    lowest-value optional one), putting it back is found as a better plan."""
    project, outcome = planned
    optional = [
        (d, e)
        for d, day in enumerate(outcome.itinerary.days)
        for e in day.visits()
        if not project.site_by_id[e.site].required  # type: ignore[index]
        and not any(lock.site == e.site for lock in project.locks)
    ]
    d, event = min(optional, key=lambda de: project.site_by_id[de[1].site].value)  # type: ignore[index]
    day = outcome.itinerary.days[d]
    kept = tuple(e for e in day.events if e is not event)
    days = list(outcome.itinerary.days)
    days[d] = replace(day, events=kept)
    weaker = replace(outcome, itinerary=replace(outcome.itinerary, days=tuple(days)))
    found = better_single_change(project, weaker)
    assert found is not None
    assert found > objective(outcome.model, weaker.itinerary)


def test_no_better_plan_is_one_required_site_away_on_south_asia() -> None:
    """Tests the probes: requiring any one site the South Asia plan leaves
    "for lower value" gives no plan worth more (before the probes, requiring
    the Dacope floating gardens gave 82.9 against 78.9: a plan the search
    never reached, as it needs two days' nights reworked)."""
    project = load_sample("south_asia")
    free = plan_route(project, seconds=4, seed=0)
    lower = [r.site for r in free.itinerary.left_out if r.kind.value == "lower value"]
    assert lower  # the sample leaves some sites out for their value
    for site in lower:
        sites = tuple(
            replace(s, required=s.required or s.id == site) for s in project.sites
        )
        try:
            tied = plan_route(project.with_changes(sites=sites), seconds=2, seed=0)
        except InfeasibleRequest:
            continue
        better = tied.report.indicators.value - free.report.indicators.value
        assert better <= 1e-6, (site, tied.report.indicators.value)
