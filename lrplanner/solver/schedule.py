"""Timing and evaluation of candidate plans (site sequences per tour).

A *plan* is a list of site sequences, one per tour, plus, in chained mode,
the ``len(tours) - 1`` overnight hotel locations. Everything here works on
plain lists so the local search can call it often.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lrplanner.solver.result import TourPlan, Visit

if TYPE_CHECKING:
    from lrplanner.solver.problem import ProblemData


@dataclass(slots=True, kw_only=True)
class Plan:
    """Mutable candidate: site sequences per tour and overnight hotels."""

    routes: list[list[int]]
    hotels: list[int]

    def copy(self) -> Plan:
        """Return an independent copy."""
        return Plan(routes=[list(r) for r in self.routes], hotels=list(self.hotels))

    def visited(self) -> set[int]:
        """Return the set of visited site indices."""
        return {s for r in self.routes for s in r}


def endpoints(data: ProblemData, plan: Plan, d: int) -> tuple[int, int]:
    """Return the (start, end) locations of tour ``d`` under ``plan``."""
    tour = data.tours[d]
    if not data.chained:
        return tour.start, tour.end
    start = data.tours[0].start if d == 0 else plan.hotels[d - 1]
    end = data.tours[-1].end if d == len(data.tours) - 1 else plan.hotels[d]
    return start, end


def time_tour(data: ProblemData, plan: Plan, d: int) -> TourPlan | None:
    """Give tour ``d`` earliest service starts and the latest useful departure.

    Parameters
    ----------
    data
        The instance.
    plan
        The candidate.
    d
        Tour index.

    Returns
    -------
    TourPlan | None
        None when no timing meets the windows and tour limits.
    """
    tour = data.tours[d]
    if tour.max_visits is not None and len(plan.routes[d]) > tour.max_visits:
        return None
    if tour.max_travel is not None and counted_travel(data, plan, d) > tour.max_travel:
        return None
    ends = endpoints(data, plan, d)
    if data.closed_arcs and not _arcs_open(data, plan.routes[d], d, ends):
        return None
    first = _forward(data, plan.routes[d], d, ends, tour.earliest_start)
    if first is None:
        return None
    departure = tour.earliest_start
    timed = first
    if not data.chained and first[2]:
        # Leaving later by at most the waiting time keeps every visit feasible
        # and the arrival unchanged, and makes the tour shorter (a timetable
        # may not: then the tour leaves early).
        later = _forward(data, plan.routes[d], d, ends, departure + first[2])
        if later is not None:
            departure, timed = departure + first[2], later
    starts, arrival, _ = timed
    if arrival > tour.latest_end:
        return None
    if tour.max_duration is not None and arrival - departure > tour.max_duration:
        return None
    visits = tuple(
        Visit(site=s, start=t) for s, t in zip(plan.routes[d], starts, strict=True)
    )
    return TourPlan(
        tour=d,
        start_location=ends[0],
        end_location=ends[1],
        departure=departure,
        arrival=arrival,
        visits=visits,
    )


def _forward(
    data: ProblemData, route: list[int], d: int, ends: tuple[int, int], t: int
) -> tuple[list[int], int, int] | None:
    """Return (service starts, arrival, allowed departure delay) or None."""
    loc = ends[0]
    starts: list[int] = []
    waited = 0
    delay = 2**62
    timed = bool(data.timetables)
    for s in route:
        site = data.sites[s]
        if timed:
            found = data.arrival(loc, site.location, t)
            if found is None:
                return None
            arrive = found
        else:
            arrive = t + data.travel[loc][site.location]
        win = next((w for w in site.windows_in(d) if w.close >= arrive), None)
        if win is None:
            return None
        begin = max(arrive, win.open)
        waited += begin - arrive
        delay = min(delay, waited + win.close - begin)
        starts.append(begin)
        t, loc = begin + site.service, site.location
    arrival = data.arrival(loc, ends[1], t)
    if arrival is None:
        return None
    return starts, arrival, min(delay, waited)


def tour_travel(data: ProblemData, plan: Plan, d: int) -> tuple[int, int]:
    """Return (travel time, arc cost) of tour ``d``; an unused free tour is 0."""
    if not plan.routes[d] and not data.chained:
        return 0, 0
    start, end = endpoints(data, plan, d)
    locs = [start, *(data.sites[s].location for s in plan.routes[d]), end]
    pairs = list(itertools.pairwise(locs))
    travel = sum(data.travel[i][j] for i, j in pairs)
    return travel, sum(data.cost_of_arc(i, j) for i, j in pairs)


def _arcs_open(
    data: ProblemData, route: list[int], d: int, ends: tuple[int, int]
) -> bool:
    locs = [ends[0], *(data.sites[s].location for s in route), ends[1]]
    return all(data.arc_open(d, i, j) for i, j in itertools.pairwise(locs))


def counted_travel(data: ProblemData, plan: Plan, d: int) -> int:
    """Return tour ``d``'s travel time that counts against ``Tour.max_travel``."""
    start, end = endpoints(data, plan, d)
    locs = [start, *(data.sites[s].location for s in plan.routes[d]), end]
    return sum(data.counted_travel(i, j) for i, j in itertools.pairwise(locs))


def plan_cost(data: ProblemData, plan: Plan) -> int:
    """Return site costs + arc costs + fixed costs of the tours in use."""
    cost = sum(data.sites[s].cost for s in plan.visited())
    for d, tour in enumerate(data.tours):
        if plan.routes[d] or data.chained:
            cost += tour.fixed_cost + tour_travel(data, plan, d)[1]
    return cost


def plan_score(data: ProblemData, plan: Plan) -> int:
    """Return site scores plus the concave coverage bonus."""
    visited = plan.visited()
    counts: Counter[int] = Counter(g for s in visited for g in data.sites[s].groups)
    bonus = sum(data.groups[g].bonus(k) for g, k in counts.items())
    return sum(data.sites[s].score for s in visited) + bonus


def plan_travel(data: ProblemData, plan: Plan) -> int:
    """Return the summed travel time of all tours."""
    return sum(tour_travel(data, plan, d)[0] for d in range(len(data.tours)))


def time_plan(data: ProblemData, plan: Plan) -> list[TourPlan] | None:
    """Time every tour and check the global limits; None when infeasible."""
    timed = [time_tour(data, plan, d) for d in range(len(data.tours))]
    plans = [t for t in timed if t is not None]
    if len(plans) != len(timed) or not _globals_ok(data, plan):
        return None
    return plans


def _globals_ok(data: ProblemData, plan: Plan) -> bool:
    seen = [s for r in plan.routes for s in r]
    if len(seen) != len(set(seen)):
        return False
    if any(data.sites[s].excluded for s in seen):
        return False
    if any(site.mandatory and i not in seen for i, site in enumerate(data.sites)):
        return False
    if data.chained and any(h not in data.hotels for h in plan.hotels):
        return False
    return shared_limits_ok(data, plan)


def shared_limits_ok(data: ProblemData, plan: Plan) -> bool:
    """Whether the limits shared by all tours hold: budget, groups, travel cap."""
    if data.budget is not None and plan_cost(data, plan) > data.budget:
        return False
    if group_excess(data, plan):
        return False
    cap = data.max_total_travel
    return cap is None or plan_travel(data, plan) <= cap


def group_excess(data: ProblemData, plan: Plan) -> int:
    """Return how many visits exceed the groups' ``max_visits`` in total."""
    counts: Counter[int] = Counter(
        g for s in plan.visited() for g in data.sites[s].groups
    )
    return sum(
        max(0, counts[g] - grp.max_visits)
        for g, grp in enumerate(data.groups)
        if grp.max_visits is not None
    )
