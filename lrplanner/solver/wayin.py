"""The best way into a plan for a site it leaves out: what it would cost.

Tried in order, each on the engine's own timing (the nights around the day
may move, as in :mod:`lrplanner.solver.polish`):

1. ``fits``: it goes in as the plan is (only when a polish was cut short);
2. ``budget``: it fits but breaks the budget (by how much);
3. ``swap``: it fits in place of one visit of a day (the best such day:
   which visit it displaces and the net change in score);
4. ``room``: it fits only when a day's optional visits make room (which,
   and the net change once whatever still fits elsewhere is put back);
5. ``elsewhere``: it fits into no day of this plan; where the plan has the
   group on the days it is open is for the caller to say.

Every answer names the tour and the service start of the way in, so the
caller can print "fits Fri 5 Mar 08:10-10:10 but ...".
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from lrplanner.solver.localsearch import insert_all
from lrplanner.solver.polish import best_insertion, removals
from lrplanner.solver.schedule import Plan, plan_cost, plan_score, time_tour

if TYPE_CHECKING:
    from lrplanner.solver.problem import ProblemData


class Way(enum.StrEnum):
    """How a left-out site could come in (see the module docstring)."""

    FITS = "fits"
    BUDGET = "budget"
    SWAP = "swap"
    ROOM = "room"
    ELSEWHERE = "elsewhere"


@dataclass(frozen=True, slots=True, kw_only=True)
class WayIn:
    """The best way in for a site: the tour, the visit's start, the visits
    it displaces, the change in score, for ``budget`` the cost over, and the
    plan it makes."""

    way: Way
    tour: int | None = None
    start: int | None = None
    dropped: tuple[int, ...] = ()
    net: int = 0
    over_budget: int = 0
    plan: Plan | None = None


def way_in(data: ProblemData, plan: Plan, s: int) -> WayIn:
    """Return the best way for site ``s`` into the feasible ``plan``."""
    base = plan_score(data, plan)
    found = best_insertion(data, plan, s)
    if found is not None:
        return _answer(data, Way.FITS, found, s, plan_score(data, found) - base)
    if data.budget is not None:
        free = replace(data, budget=None)
        found = best_insertion(free, plan, s)
        if found is not None:
            over = plan_cost(data, found) - data.budget
            answer = _answer(data, Way.BUDGET, found, s, plan_score(data, found) - base)
            return replace(answer, over_budget=max(over, 0))
    swap = _best_swap(data, plan, s, base)
    if swap is not None:
        return swap
    room = _best_room(data, plan, s, base)
    if room is not None:
        return room
    return WayIn(way=Way.ELSEWHERE)


def _answer(
    data: ProblemData,
    way: Way,
    found: Plan,
    s: int,
    net: int,
    dropped: tuple[int, ...] = (),
) -> WayIn:
    tour = next(d for d, route in enumerate(found.routes) if s in route)
    timed = time_tour(data, found, tour)
    start = None
    if timed is not None:
        start = next((v.start for v in timed.visits if v.site == s), None)
    return WayIn(way=way, tour=tour, start=start, dropped=dropped, net=net, plan=found)


def _best_swap(data: ProblemData, plan: Plan, s: int, base: int) -> WayIn | None:
    best: WayIn | None = None
    open_tours = [d for d in range(len(plan.routes)) if data.sites[s].windows_in(d)]
    for d, old, without in removals(data, plan, open_tours):
        found = best_insertion(data, without, s, tours=(d,))
        if found is None:
            continue
        net = plan_score(data, found) - base
        if best is None or net > best.net:
            best = _answer(data, Way.SWAP, found, s, net, (old,))
    return best


def _best_room(data: ProblemData, plan: Plan, s: int, base: int) -> WayIn | None:
    best: WayIn | None = None
    for d, route in enumerate(plan.routes):
        taken = tuple(x for x in route if not data.sites[x].mandatory)
        if not data.sites[s].windows_in(d) or len(taken) < 2:
            continue
        emptied = plan.copy()
        emptied.routes[d] = [x for x in route if data.sites[x].mandatory]
        found = best_insertion(data, emptied, s, tours=(d,))
        if found is None:
            continue
        insert_all(data, found, list(taken))
        net = plan_score(data, found) - base
        lost = tuple(x for x in taken if x not in found.visited())
        if best is None or net > best.net:
            best = _answer(data, Way.ROOM, found, s, net, lost)
    return best
