"""Exact optimum of tiny instances by full enumeration (independent of the solver).

Assumes ``max_duration`` is None (then leaving at the earliest start and
serving each site as early as possible is optimal). Travel follows the
instance's timetables and closed arcs (``ProblemData.arrival``,
``arc_open``) and counts ``counted_travel`` against the travel limits, as
the engine does.
"""

from __future__ import annotations

from dataclasses import dataclass

from lrplanner.solver.problem import HORIZON, ProblemData
from tests.solver.checker import recomputed_score


@dataclass
class _Best:
    score: int | None = None


def _ends(data: ProblemData, d: int) -> list[int]:
    if not data.chained:
        return [data.tours[d].end]
    return [data.tours[-1].end] if d == len(data.tours) - 1 else list(data.hotels)


def optimum(data: ProblemData) -> int | None:
    """Return the best score of any feasible plan, or None if there is none."""
    best = _Best()
    first = data.tours[0].start
    _tour(data, 0, first, frozenset(), 0, 0, best)
    return best.score


def _serve(data: ProblemData, d: int, s: int, arrive: int) -> int | None:
    site = data.sites[s]
    if site.excluded or (site.fixed_tour is not None and site.fixed_tour != d):
        return None
    wins = [(w.open, w.close) for w in site.windows if w.tour in (None, d)]
    if not site.windows:
        wins = [(0, HORIZON)]
    if site.fixed_start is not None:
        t = site.fixed_start
        wins = [(t, t) for lo, hi in wins if lo <= t <= hi]
    starts = [max(arrive, lo) for lo, hi in wins if max(arrive, lo) <= hi]
    return min(starts) if starts else None


def _tour(
    data: ProblemData,
    d: int,
    start: int,
    used: frozenset[int],
    travel: int,
    cost: int,
    best: _Best,
) -> None:
    if d == len(data.tours):
        _finish(data, used, travel, cost, best)
        return
    if not data.chained:
        start = data.tours[d].start
    _extend(
        data,
        d,
        start,
        data.tours[d].earliest_start,
        (),
        used,
        0,
        0,
        start,
        travel,
        cost,
        best,
    )


def _extend(
    data: ProblemData,
    d: int,
    loc: int,
    t: int,
    seq: tuple[int, ...],
    used: frozenset[int],
    tr: int,
    arcs: int,
    start: int,
    travel: int,
    cost: int,
    best: _Best,
) -> None:
    tour = data.tours[d]
    if tour.max_visits is not None and len(seq) > tour.max_visits:
        return
    for end in _ends(data, d):
        leg = data.counted_travel(loc, end)
        over = tour.max_travel is not None and tr + leg > tour.max_travel
        there = data.arrival(loc, end, t) if data.arc_open(d, loc, end) else None
        if not over and there is not None and there <= tour.latest_end:
            used_tour = bool(seq) or data.chained
            extra_tr = tr + leg if used_tour else 0
            extra_c = (
                arcs + data.cost_of_arc(loc, end) + tour.fixed_cost if used_tour else 0
            )
            _tour(data, d + 1, end, used, travel + extra_tr, cost + extra_c, best)
    for s, site in enumerate(data.sites):
        if s in used:
            continue
        there = (
            data.arrival(loc, site.location, t)
            if data.arc_open(d, loc, site.location)
            else None
        )
        begin = None if there is None else _serve(data, d, s, there)
        if begin is None:
            continue
        _extend(
            data,
            d,
            site.location,
            begin + site.service,
            (*seq, s),
            used | {s},
            tr + data.counted_travel(loc, site.location),
            arcs + data.cost_of_arc(loc, site.location),
            start,
            travel,
            cost,
            best,
        )


def _finish(
    data: ProblemData, used: frozenset[int], travel: int, cost: int, best: _Best
) -> None:
    if any(site.mandatory and s not in used for s, site in enumerate(data.sites)):
        return
    cost += sum(data.sites[s].cost for s in used)
    if data.budget is not None and cost > data.budget:
        return
    if data.max_total_travel is not None and travel > data.max_total_travel:
        return
    for g, group in enumerate(data.groups):
        count = sum(g in data.sites[s].groups for s in used)
        if group.max_visits is not None and count > group.max_visits:
            return
    score = recomputed_score(data, set(used))
    if best.score is None or score > best.score:
        best.score = score
