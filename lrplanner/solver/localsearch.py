"""Our own neighbourhoods around PyVRP: repair, insert, replace, hotel change.

They work on the true objective (including the concave coverage bonus) and
the global constraints PyVRP cannot express exactly (a budget or a travel cap
shared by independent tours).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lrplanner.solver.schedule import (
    Plan,
    endpoints,
    group_excess,
    plan_cost,
    plan_score,
    plan_travel,
    shared_limits_ok,
    time_plan,
    time_tour,
    tour_travel,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from lrplanner.solver.problem import ProblemData


def globally_ok(data: ProblemData, plan: Plan) -> bool:
    """Whether the shared budget, group limits and travel cap hold."""
    return shared_limits_ok(data, plan)


def repair(data: ProblemData, plan: Plan) -> Plan:
    """Drop optional sites until the budget, travel caps and visit limits hold.

    Each step removes the visit whose loss of score per unit of relieved
    excess is smallest.
    """
    plan = plan.copy()
    while _pressure(data, plan) > 0:
        best: tuple[float, int, int] | None = None
        base_score = plan_score(data, plan)
        base = _pressure(data, plan)
        for d, route in enumerate(plan.routes):
            for i, s in enumerate(route):
                if data.sites[s].mandatory:
                    continue
                trial = plan.copy()
                del trial.routes[d][i]
                freed = max(base - _pressure(data, trial), 1e-9)
                ratio = (base_score - plan_score(data, trial)) / freed
                if best is None or ratio < best[0]:
                    best = (ratio, d, i)
        if best is None:
            return plan
        del plan.routes[best[1]][best[2]]
    return plan


def _pressure(data: ProblemData, plan: Plan) -> float:
    """Relative excess over every limit PyVRP may not model exactly."""
    over = _tour_excess(data, plan) + group_excess(data, plan)
    if data.budget is not None:
        over += max(0, plan_cost(data, plan) - data.budget) / max(data.budget, 1)
    if data.max_total_travel is not None:
        over += max(0, plan_travel(data, plan) - data.max_total_travel) / max(
            data.max_total_travel, 1
        )
    return over


def _tour_excess(data: ProblemData, plan: Plan) -> float:
    over = 0.0
    for d, tour in enumerate(data.tours):
        if tour.max_visits is not None:
            over += max(0, len(plan.routes[d]) - tour.max_visits) / (
                tour.max_visits + 1
            )
        if tour.max_travel is not None:
            excess = tour_travel(data, plan, d)[0] - tour.max_travel
            over += max(0, excess) / (tour.max_travel + 1)
    return over


def insert_all(data: ProblemData, plan: Plan, candidates: Sequence[int]) -> bool:
    """Insert unvisited candidates where they fit with least extra travel.

    Returns
    -------
    bool
        Whether anything was inserted (``plan`` is changed in place).
    """
    changed = False
    visited = plan.visited()
    order = sorted(
        (s for s in candidates if s not in visited and _gain_bound(data, s, -1) > 0),
        key=lambda s: -data.sites[s].score,
    )
    for s in order:
        spot = _cheapest_spot(data, plan, s)
        if spot is not None:
            plan.routes[spot[0]].insert(spot[1], s)
            changed = True
    return changed


def _cheapest_spot(data: ProblemData, plan: Plan, s: int) -> tuple[int, int] | None:
    best: tuple[int, int, int] | None = None
    loc = data.sites[s].location
    shared = (
        data.budget is not None
        or data.max_total_travel is not None
        or any(g.max_visits is not None for g in data.groups)
    )
    for d, route in enumerate(plan.routes):
        start, end = endpoints(data, plan, d)
        locs = [start, *(data.sites[x].location for x in route), end]
        for i in range(len(route) + 1):
            a, b = locs[i], locs[i + 1]
            extra = data.travel[a][loc] + data.travel[loc][b] - data.travel[a][b]
            if best is not None and extra >= best[0]:
                continue
            route.insert(i, s)
            if time_tour(data, plan, d) is not None and (
                not shared or globally_ok(data, plan)
            ):
                best = (extra, d, i)
            del route[i]
    return None if best is None else (best[1], best[2])


def replace_better(data: ProblemData, plan: Plan, candidates: Sequence[int]) -> bool:
    """Replace a visited site by an unvisited one when the score rises.

    Returns
    -------
    bool
        Whether an improving replacement was made (``plan`` changed in place).
    """
    visited = plan.visited()
    base = plan_score(data, plan)
    outside = [s for s in candidates if s not in visited]
    for d, route in enumerate(plan.routes):
        for i, old in enumerate(route):
            if data.sites[old].mandatory or data.sites[old].fixed_start is not None:
                continue
            for new in outside:
                if _gain_bound(data, new, old) <= 0:
                    continue
                route[i] = new
                if plan_score(data, plan) > base and _feasible_tour(data, plan, d):
                    return True
                route[i] = old
    return False


def drop_and_insert(
    data: ProblemData, plan: Plan, candidates: Sequence[int], limit: int = 25
) -> bool:
    """Remove one visit and insert an unvisited site anywhere if the score rises.

    Only the ``limit`` cheapest visits and most valuable outsiders are tried.

    Returns
    -------
    bool
        Whether an improving move was made (``plan`` changed in place).
    """
    visited = plan.visited()
    base = plan_score(data, plan)
    outside = sorted(
        (s for s in candidates if s not in visited), key=lambda s: -data.sites[s].score
    )[:limit]
    inside = sorted(
        (
            (d, i)
            for d, r in enumerate(plan.routes)
            for i, s in enumerate(r)
            if not data.sites[s].mandatory and data.sites[s].fixed_start is None
        ),
        key=lambda di: data.sites[plan.routes[di[0]][di[1]]].score,
    )[:limit]
    for d, i in inside:
        old = plan.routes[d].pop(i)
        if time_tour(data, plan, d) is not None:
            for new in outside:
                if _gain_bound(data, new, -1) > 0 and _insert_if_better(
                    data, plan, new, base, old
                ):
                    return True
        plan.routes[d].insert(i, old)
    return False


def _insert_if_better(
    data: ProblemData, plan: Plan, new: int, base: int, old: int
) -> bool:
    """Insert ``new``; if that alone does not pay, also try re-inserting ``old``."""
    spot = _cheapest_spot(data, plan, new)
    if spot is None:
        return False
    plan.routes[spot[0]].insert(spot[1], new)
    if plan_score(data, plan) > base:
        return True
    back = _cheapest_spot(data, plan, old)
    if back is not None:
        plan.routes[back[0]].insert(back[1], old)
        if plan_score(data, plan) > base:
            return True
        plan.routes[back[0]].remove(old)
    plan.routes[spot[0]].remove(new)
    return False


def drop_useless(data: ProblemData, plan: Plan) -> bool:
    """Remove optional visits whose removal keeps the score (frees time).

    Returns
    -------
    bool
        Whether anything was removed (``plan`` changed in place).
    """
    base = plan_score(data, plan)
    changed = False
    for d, route in enumerate(plan.routes):
        for s in list(route):
            site = data.sites[s]
            if site.mandatory or site.fixed_start is not None:
                continue
            i = route.index(s)
            del route[i]
            if plan_score(data, plan) < base or time_tour(data, plan, d) is None:
                route.insert(i, s)
            else:
                changed = True
    return changed


def pyvrp_inexact(data: ProblemData) -> bool:
    """Whether the instance has parts PyVRP sees only approximately."""
    tour_limits = any(
        t.max_visits is not None or t.max_travel is not None for t in data.tours
    )
    shared = data.budget is not None or data.max_total_travel is not None
    return bool(data.groups) or shared or tour_limits


def _gain_bound(data: ProblemData, new: int, old: int) -> int:
    site = data.sites[new]
    first = sum(
        data.groups[g].increments[:1][0] if data.groups[g].increments else 0
        for g in site.groups
    )
    return site.score + first - (data.sites[old].score if old >= 0 else 0)


def _feasible_tour(data: ProblemData, plan: Plan, d: int) -> bool:
    return time_tour(data, plan, d) is not None and globally_ok(data, plan)


def change_hotels(data: ProblemData, plan: Plan) -> bool:
    """Try every other hotel for each night, and for the nights after it at
    the same hotel (chained mode); keep improvements.

    A move is kept when it is feasible and shortens the total travel, which
    frees time for later insertions. Moving a run of nights at once undoes a
    detour that no single night's change shortens (two nights in Vinh
    between days in Đồng Hới: leaving either night in Vinh keeps the drive).
    """
    changed = False
    for night in range(len(plan.hotels)):
        old = plan.hotels[night]
        run = night  # the nights from ``night`` on at the same hotel
        while run + 1 < len(plan.hotels) and plan.hotels[run + 1] == old:
            run += 1
        best = (plan_travel(data, plan), old, night)
        for h in sorted(set(data.hotels) - {old}):
            for last in range(night, run + 1):
                plan.hotels[night : last + 1] = [h] * (last + 1 - night)
                travel = plan_travel(data, plan)
                if travel < best[0] and _nights_ok(data, plan, night, last):
                    best = (travel, h, last)
                plan.hotels[night : last + 1] = [old] * (last + 1 - night)
        _, h, last = best
        plan.hotels[night : last + 1] = [h] * (last + 1 - night)
        changed |= h != old
    return changed


def _nights_ok(data: ProblemData, plan: Plan, first: int, last: int) -> bool:
    return all(
        time_tour(data, plan, d) is not None for d in range(first, last + 2)
    ) and globally_ok(data, plan)


def improve(
    data: ProblemData,
    plan: Plan,
    candidates: Sequence[int],
    should_stop: Callable[[], bool],
) -> Plan:
    """Apply hotel change, insertion and replacement until none helps.

    Parameters
    ----------
    data
        The instance.
    plan
        A feasible plan; not changed.
    candidates
        Sites that may be added.
    should_stop
        Polled after each round; True ends the search early (instances
        with at most 50 candidates still get three rounds).

    Returns
    -------
    Plan
        A feasible plan at least as good as ``plan``.
    """
    plan = repair(data, plan)
    work = plan.copy()
    for rounds in range(50):
        moved = change_hotels(data, work) if data.chained else False
        drop_useless(data, work)
        moved |= insert_all(data, work, candidates)
        moved |= replace_better(data, work, candidates)
        if not moved and pyvrp_inexact(data):
            moved = drop_and_insert(data, work, candidates)
        # A stopped search still polishes small plans for a few rounds; on
        # large ones a round can take a while, so stop at once.
        if not moved or (should_stop() and (rounds >= 2 or len(candidates) > 50)):
            break
    if time_plan(data, work) is None or plan_score(data, work) < plan_score(data, plan):
        return plan
    return work
