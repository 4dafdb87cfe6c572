"""Local optimality: no single insertion or swap improves the plan.

After the search, every unvisited site is tried in every tour at every
position; in chained mode the two nights around that tour are kept or moved
to another hotel (one of them, or both to the same one), so a visit that
needs a night elsewhere is found. Every visit is also tried swapped for an
unvisited site on its own tour (same night choices). Improving changes are
applied, the best one per site, until none is left or time is up (a stopped
polish says so: :attr:`Polished.complete` is False).

The same insertion forces in required sites that a search could not place:
:func:`force_mandatory` starts from a plan without them and makes room on a
day by taking its optional visits out (and putting back what still fits).

Moving a visit to another day never changes the score, so it is not an
improvement on its own; it is what makes room in :func:`force_mandatory`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from lrplanner.solver.localsearch import globally_ok, insert_all
from lrplanner.solver.schedule import (
    Plan,
    plan_score,
    plan_travel,
    time_plan,
    time_tour,
)

if TYPE_CHECKING:
    from lrplanner.solver.problem import ProblemData

Stop = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class Polished:
    """A polished plan, and whether every single change was tried."""

    plan: Plan
    complete: bool


def _never() -> bool:
    return False


def polish(
    data: ProblemData,
    plan: Plan,
    candidates: Sequence[int],
    should_stop: Stop = _never,
) -> Polished:
    """Apply improving insertions and swaps until none is left.

    Parameters
    ----------
    data
        The instance.
    plan
        A feasible plan; not changed.
    candidates
        Sites that may be added.
    should_stop
        Polled between sites; True ends the polish (the plan so far is
        returned, never worse than ``plan``).
    """
    work = plan.copy()
    while True:
        step = _improvement(data, work, candidates, should_stop)
        if step is None:
            return Polished(work, complete=not should_stop())
        work = step


def _improvement(
    data: ProblemData, plan: Plan, candidates: Sequence[int], should_stop: Stop
) -> Plan | None:
    """Return the plan after the first improving single change, or None."""
    base = (plan_score(data, plan), -plan_travel(data, plan))
    visited = plan.visited()
    outside = sorted(
        (s for s in candidates if s not in visited and not data.sites[s].excluded),
        key=lambda s: -data.sites[s].score,
    )
    for s in outside:
        if should_stop():
            return None
        found = best_insertion(data, plan, s)
        if found is not None and _key(data, found) > base:
            return found
    for d, _old, without in removals(data, plan):
        floor = plan_score(data, plan) - plan_score(data, without)
        for s in outside:
            if should_stop():
                return None
            if data.sites[s].score + bonus_bound(data, s) <= floor:
                continue
            found = best_insertion(data, without, s, tours=(d,))
            if found is not None and _key(data, found) > base:
                return found
    return None


def removals(
    data: ProblemData, plan: Plan, tours: Sequence[int] | None = None
) -> Iterator[tuple[int, int, Plan]]:
    """Yield (tour, site, plan without it) for each visit a change may take
    out (not required, not fixed to a start), in ``tours`` (None: all)."""
    for d, route in enumerate(plan.routes):
        if tours is not None and d not in tours:
            continue
        for i, old in enumerate(route):
            site = data.sites[old]
            if site.mandatory or site.fixed_start is not None:
                continue
            without = plan.copy()
            del without.routes[d][i]
            yield d, old, without


def _key(data: ProblemData, plan: Plan) -> tuple[int, int]:
    return plan_score(data, plan), -plan_travel(data, plan)


def bonus_bound(data: ProblemData, s: int) -> int:
    """Return the most coverage bonus a site can add."""
    return sum(
        data.groups[g].increments[0] if data.groups[g].increments else 0
        for g in data.sites[s].groups
    )


def best_insertion(
    data: ProblemData, plan: Plan, s: int, tours: Sequence[int] | None = None
) -> Plan | None:
    """Return the best feasible plan with site ``s`` inserted once (highest
    score, then least travel), trying every tour, position and night choice
    around the tour; None when it fits nowhere."""
    best: tuple[tuple[int, int], Plan] | None = None
    for d in range(len(data.tours)) if tours is None else tours:
        if not data.sites[s].windows_in(d):
            continue
        for trial in _insertions(data, plan, s, d):
            key = _key(data, trial)
            if best is None or key > best[0]:
                best = (key, trial)
    return None if best is None else best[1]


def _insertions(data: ProblemData, plan: Plan, s: int, d: int) -> Iterator[Plan]:
    """Yield every feasible plan with ``s`` inserted into tour ``d``."""
    for nights in _night_choices(data, plan, d, data.sites[s].location):
        trial = plan.copy()
        for night, hotel in nights:
            trial.hotels[night] = hotel
        touched = {d} | {n + k for n, _ in nights for k in (0, 1)}
        if any(time_tour(data, trial, t) is None for t in touched - {d}):
            continue
        route = trial.routes[d]
        for i in range(len(route) + 1):
            route.insert(i, s)
            if time_tour(data, trial, d) is not None and globally_ok(data, trial):
                yield trial.copy()
            del route[i]


def _night_choices(
    data: ProblemData, plan: Plan, d: int, location: int
) -> Iterator[tuple[tuple[int, int], ...]]:
    """Yield the (night, hotel) changes tried around tour ``d``: none, one
    night moved, or both moved to the same hotel. Only hotels from which the
    site's location can be reached and left within the tour are tried."""
    yield ()
    if not data.chained:
        return
    before = d - 1 if d > 0 else None
    after = d if d < len(plan.hotels) else None
    tour = data.tours[d]
    span = tour.close - tour.earliest_start
    near = [
        h
        for h in sorted(set(data.hotels))
        if data.travel[h][location] + data.travel[location][h] <= span
    ]
    for h in near:
        if before is not None and plan.hotels[before] != h:
            yield ((before, h),)
        if after is not None and plan.hotels[after] != h:
            yield ((after, h),)
        if (
            before is not None
            and after is not None
            and (plan.hotels[before], plan.hotels[after]) != (h, h)
        ):
            yield ((before, h), (after, h))


def force_mandatory(
    data: ProblemData, plan: Plan, should_stop: Stop = _never
) -> Plan | None:
    """Return ``plan`` with every missing mandatory site forced in, or None.

    ``plan`` needs to be feasible but for the missing sites (e.g. the best
    plan with them optional). Sites with the fewest open tours go first;
    each goes where it costs the least score, taking the optional visits of
    its tour out when it does not fit beside them and putting back what
    still fits anywhere.
    """
    loose = relaxed(data)
    work = plan.copy()
    missing = [
        s
        for s, site in enumerate(data.sites)
        if site.mandatory and s not in work.visited()
    ]
    missing.sort(
        key=lambda s: sum(
            bool(data.sites[s].windows_in(d)) for d in range(len(data.tours))
        )
    )
    for s in missing:
        if should_stop():
            return None
        placed = best_insertion(loose, work, s) or _make_room(loose, work, s)
        if placed is None:
            return None
        work = placed
    optional = [s for s, site in enumerate(data.sites) if not site.mandatory]
    insert_all(data, work, optional)
    return work if time_plan(data, work) is not None else None


def _make_room(data: ProblemData, plan: Plan, s: int) -> Plan | None:
    """Insert ``s`` into a tour emptied of its optional visits, then put
    back whatever of them still fits; return the best such plan. When ``s``
    fits no tour so emptied, the next tour is emptied too: a visit over two
    days (begun one afternoon, finished the next morning) takes that
    morning as well."""
    best: tuple[tuple[int, int], Plan] | None = None
    for d in range(len(plan.routes)):
        if not data.sites[s].windows_in(d):
            continue
        for span in (1, 2):
            placed = _placed_in_emptied(data, plan, s, range(d, d + span))
            if placed is not None:
                key = _key(data, placed)
                if best is None or key > best[0]:
                    best = (key, placed)
                break
    return None if best is None else best[1]


def _placed_in_emptied(
    data: ProblemData, plan: Plan, s: int, tours: range
) -> Plan | None:
    """Return ``plan`` with ``tours`` emptied of their optional visits, ``s``
    inserted into the first and the visits taken out put back where they
    fit; None if ``s`` fits nowhere there or nothing was taken out."""
    if tours.stop > len(plan.routes):
        return None
    emptied = plan.copy()
    taken: list[int] = []
    for t in tours:
        emptied.routes[t] = [x for x in plan.routes[t] if data.sites[x].mandatory]
        taken += [x for x in plan.routes[t] if not data.sites[x].mandatory]
    if not taken:
        return None
    placed = best_insertion(data, emptied, s, tours=(tours.start,))
    if placed is not None:
        insert_all(data, placed, taken)
    return placed


def relaxed(data: ProblemData) -> ProblemData:
    """Return the instance with no site mandatory (a plan missing some
    required sites is then feasible, so insertion can judge each step)."""
    return replace(data, sites=tuple(replace(x, mandatory=False) for x in data.sites))
