"""Hotel-run moves for chained tours: move several nights at once.

Changing one night's hotel at a time cannot carry a trip from one region to
another; this neighbourhood sets a run of up to ``MAX_RUN`` consecutive
nights to one hotel, drops the visits that no longer fit, inserts what now
fits near the new hotel and keeps the result if it scores more. Hotels are
tried in order of the unvisited score within ``NEAR`` minutes of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lrplanner.solver.localsearch import insert_all
from lrplanner.solver.schedule import Plan, plan_score, time_plan, time_tour

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from lrplanner.solver.problem import ProblemData

MAX_RUN = 3
NEAR = 150  # minutes from a hotel that count as "nearby"
HOTELS_PER_TRY = 5


def relocate_nights(
    data: ProblemData,
    plan: Plan,
    candidates: Sequence[int],
    should_stop: Callable[[], bool],
) -> Plan:
    """Return a plan at least as good as ``plan`` after hotel-run moves."""
    if not data.chained or not plan.hotels:
        return plan
    near = _nearby(data, candidates)
    best, best_score = plan, plan_score(data, plan)
    improved = True
    while improved and not should_stop():
        improved = False
        for first in range(len(best.hotels)):
            for trial in _trials(data, best, first, near, candidates):
                score = plan_score(data, trial)
                if score > best_score and time_plan(data, trial) is not None:
                    best, best_score, improved = trial, score, True
            if should_stop():
                break
    return best


def _trials(
    data: ProblemData,
    plan: Plan,
    first: int,
    near: dict[int, list[int]],
    candidates: Sequence[int],
) -> list[Plan]:
    out = []
    visited = plan.visited()
    hotels = sorted(
        near,
        key=lambda h: -sum(data.sites[s].score for s in near[h] if s not in visited),
    )
    for length in range(1, MAX_RUN + 1):
        last = first + length - 1
        if last >= len(plan.hotels):
            break
        for hotel in hotels[:HOTELS_PER_TRY]:
            if all(h == hotel for h in plan.hotels[first : last + 1]):
                continue
            trial = plan.copy()
            trial.hotels[first : last + 1] = [hotel] * length
            if _fit_days(data, trial, range(first, last + 2)):
                insert_all(data, trial, candidates)
                out.append(trial)
    return out


def _fit_days(data: ProblemData, plan: Plan, days: range) -> bool:
    """Drop the lowest-scoring optional visits until every day is timed."""
    for d in days:
        route = plan.routes[d]
        while time_tour(data, plan, d) is None:
            optional = [s for s in route if not data.sites[s].mandatory]
            if not optional:
                return False
            route.remove(min(optional, key=lambda s: data.sites[s].score))
    return True


def _nearby(data: ProblemData, candidates: Sequence[int]) -> dict[int, list[int]]:
    return {
        h: [s for s in candidates if data.travel[h][data.sites[s].location] <= NEAR]
        for h in sorted(set(data.hotels))
    }
