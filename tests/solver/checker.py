"""Independent checker of solver results, written from the problem statement.

It re-simulates every tour from the travel matrix and the reported times and
never imports solver code other than the data and result types.
"""

from __future__ import annotations

import itertools
from collections import Counter
from typing import TYPE_CHECKING

from lrplanner.solver.problem import ProblemData, TimeWindow

if TYPE_CHECKING:
    from lrplanner.solver.result import Result, TourPlan


def recomputed_score(data: ProblemData, visited: set[int]) -> int:
    """Return the site scores plus the concave coverage bonus of ``visited``."""
    total = sum(data.sites[s].score for s in visited)
    per_group = Counter(g for s in visited for g in data.sites[s].groups)
    for g, k in per_group.items():
        total += sum(data.groups[g].increments[:k])
    return total


def _window_ok(data: ProblemData, d: int, s: int, start: int) -> bool:
    site = data.sites[s]
    if site.fixed_tour is not None and site.fixed_tour != d:
        return False
    if site.fixed_start is not None and site.fixed_start != start:
        return False
    windows = site.windows or (TimeWindow(open=0, close=start),)
    return any(
        (w.tour is None or w.tour == d) and w.open <= start <= w.close for w in windows
    )


def _check_tour(
    data: ProblemData, d: int, plan: TourPlan
) -> tuple[list[str], int, int]:
    """Return (errors, travel, arc cost) of one tour."""
    errors: list[str] = []
    tour = data.tours[d]
    if plan.departure < tour.earliest_start:
        errors.append(f"tour {d} departs before its start")
    t, loc, travel, arcs = plan.departure, plan.start_location, 0, 0
    counted = 0
    stops = [
        plan.start_location,
        *(data.sites[v.site].location for v in plan.visits),
        plan.end_location,
    ]
    for a, b in itertools.pairwise(stops):
        counted += (data.counted or data.travel)[a][b]
        if a != b and (d, a, b) in data.closed_arcs:
            errors.append(f"tour {d} uses the closed arc {a}->{b}")
    for v in plan.visits:
        site = data.sites[v.site]
        travel += data.travel[loc][site.location]
        arcs += data.arc_costs[loc][site.location] if data.arc_costs else 0
        if v.start < t + data.travel[loc][site.location]:
            errors.append(f"tour {d}: site {v.site} starts before arrival")
        if not _window_ok(data, d, v.site, v.start):
            errors.append(f"tour {d}: site {v.site} starts outside its windows")
        t, loc = v.start + site.service, site.location
    arrival = t + data.travel[loc][plan.end_location]
    travel += data.travel[loc][plan.end_location]
    arcs += data.arc_costs[loc][plan.end_location] if data.arc_costs else 0
    if arrival != plan.arrival:
        errors.append(f"tour {d}: reported arrival {plan.arrival} != {arrival}")
    if arrival > tour.latest_end:
        errors.append(f"tour {d} ends late")
    if tour.max_duration is not None and arrival - plan.departure > tour.max_duration:
        errors.append(f"tour {d} is too long")
    if tour.max_visits is not None and len(plan.visits) > tour.max_visits:
        errors.append(f"tour {d} has too many visits")
    if tour.max_travel is not None and counted > tour.max_travel:
        errors.append(f"tour {d} travels too much")
    return errors, travel, arcs


def _check_ends(data: ProblemData, result: Result) -> list[str]:
    errors = []
    tours = result.tours
    for d, plan in enumerate(tours):
        if plan.tour != d:
            errors.append(f"tour {d} reported as {plan.tour}")
        if not data.chained:
            if (plan.start_location, plan.end_location) != (
                data.tours[d].start,
                data.tours[d].end,
            ):
                errors.append(f"tour {d} has wrong start/end")
            continue
        if d > 0 and plan.start_location != tours[d - 1].end_location:
            errors.append(f"tour {d} does not start where tour {d - 1} ended")
        if d > 0 and plan.departure < tours[d - 1].arrival:
            errors.append(f"tour {d} departs before tour {d - 1} arrives")
        if d < len(tours) - 1 and plan.end_location not in data.hotels:
            errors.append(f"tour {d} ends at a location that is not a hotel")
    if data.chained and tours:
        if tours[0].start_location != data.tours[0].start:
            errors.append("the first tour does not leave from the start")
        if tours[-1].end_location != data.tours[-1].end:
            errors.append("the last tour does not arrive at the end")
    return errors


def check(data: ProblemData, result: Result) -> list[str]:
    """Return every violated rule of ``result`` (empty when it is valid)."""
    if result.status == "infeasible" or not result.tours:
        return []
    errors = _check_ends(data, result)
    if len(result.tours) != len(data.tours):
        errors.append("not one plan per tour")
    seq = [v.site for p in result.tours for v in p.visits]
    visited = set(seq)
    if len(seq) != len(visited):
        errors.append("a site is visited twice")
    travel = cost = 0
    for d, plan in enumerate(result.tours):
        errs, tr, arcs = _check_tour(data, d, plan)
        errors += errs
        if plan.visits or data.chained:
            travel, cost = travel + tr, cost + arcs + data.tours[d].fixed_cost
    cost += sum(data.sites[s].cost for s in visited)
    errors += _check_sets(data, visited, result)
    if data.budget is not None and cost > data.budget:
        errors.append(f"cost {cost} exceeds the budget {data.budget}")
    per_group = Counter(g for s in visited for g in data.sites[s].groups)
    for g, group in enumerate(data.groups):
        if group.max_visits is not None and per_group[g] > group.max_visits:
            errors.append(f"group {g} has more than {group.max_visits} visits")
    if data.max_total_travel is not None and travel > data.max_total_travel:
        errors.append("total travel exceeds its cap")
    if (result.cost, result.travel) != (cost, travel):
        errors.append(
            f"reported cost/travel {result.cost}/{result.travel} != {cost}/{travel}"
        )
    if result.score != recomputed_score(data, visited):
        errors.append(f"reported score {result.score} is wrong")
    return errors


def _check_sets(data: ProblemData, visited: set[int], result: Result) -> list[str]:
    errors = []
    for s, site in enumerate(data.sites):
        if site.excluded and s in visited:
            errors.append(f"excluded site {s} visited")
        if site.mandatory and s not in visited:
            errors.append(f"mandatory site {s} missing")
        if (s in visited) == (s in result.unvisited):
            errors.append(f"site {s}: unvisited reasons disagree with the tours")
    return errors


def assert_valid(data: ProblemData, result: Result) -> None:
    """Assert that ``result`` passes :func:`check`."""
    errors = check(data, result)
    assert not errors, errors
