"""A value-seeking start for chained tours: hotels chosen for what is nearby.

For every tour and pair of hotels (a, b) the sites that fit alone between
them are found once. A dynamic programme then picks the hotel sequence whose
tours can hold the most value (each tour counts its ``max_visits`` best such
sites), covering the mandatory sites; sites counted on several tours are
discounted and the programme re-run, so the route spreads over regions. The
tours are then filled greedily, each site once.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import numpy as np

from lrplanner.solver.localsearch import insert_all
from lrplanner.solver.schedule import Plan, plan_score, time_plan, time_tour
from lrplanner.solver.skeleton import BIG, _fits, _reach, _serves_to

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from lrplanner.solver.problem import ProblemData

ROUNDS = 3
Fits = dict[tuple[int, int, int], list[int]]


def value_start(
    data: ProblemData, candidates: Sequence[int], should_stop: Callable[[], bool]
) -> Plan | None:
    """Return a feasible plan built around value-rich hotels, or None."""
    if not data.chained or any(s.fixed_tour is not None for s in data.sites):
        return None
    fits = _single_fits(data, candidates, should_stop)
    if fits is None:
        return None
    weight = {s: float(data.sites[s].score) for s in candidates}
    best: Plan | None = None
    for _ in range(ROUNDS):
        if should_stop():
            return best
        path = _best_path(data, fits, weight)
        if path is None:
            return best
        plan = _fill(data, path, fits, candidates)
        if plan is not None and (
            best is None or plan_score(data, plan) > plan_score(data, best)
        ):
            best = plan
        for s, n in _counted(data, path, fits, weight).items():
            if n > 1:
                weight[s] /= n
    return best


def _single_fits(
    data: ProblemData, candidates: Sequence[int], should_stop: Callable[[], bool]
) -> Fits | None:
    hotels = sorted(set(data.hotels))
    last = len(data.tours) - 1
    # the travel cap rules out most sites of a pair of hotels at once (at
    # 400 sites over 21 days three in four): only the others are timed
    counted = np.asarray(
        data.travel if data.counted is None else data.counted, dtype=np.int64
    )
    fits: Fits = {}
    for d in range(len(data.tours)):
        # each site's windows on the day, worked out once (not per pair of
        # hotels: at 400 sites over 21 days that was a third of the time);
        # sites closed that day are no candidates
        windows = {s: data.sites[s].windows_in(d) for s in candidates}
        open_ = [s for s in candidates if windows[s]]
        picks = np.asarray(open_, dtype=np.int64)
        locs = np.asarray([data.sites[s].location for s in open_], dtype=np.int64)
        starts = [data.tours[0].start] if d == 0 else hotels
        ends = [data.tours[-1].end] if d == last else hotels
        cap = data.tours[d].max_travel
        for a in starts:
            if should_stop():
                return None
            # when each site is reached from ``a``: the same for every ``b``
            reach = {s: _reach(data, d, a, s) for s in open_}
            for b in ends:
                if _fits(data, d, a, b):
                    near = picks
                    if cap is not None:
                        near = picks[counted[a, locs] + counted[locs, b] <= cap]
                    fits[d, a, b] = [
                        s
                        for s in near.tolist()
                        if (arrive := reach[s]) is not None
                        and _serves_to(data, d, (a, s, b), arrive, windows[s])
                    ]
    return fits


def _gains(
    data: ProblemData,
    d: int,
    sites: list[int],
    weight: dict[int, float],
    bit: dict[int, int],
) -> list[tuple[float, int]]:
    """Return (gain, mandatory bit) options of one tour: no mandatory site, or one."""
    k = data.tours[d].max_visits
    k = 3 if k is None else k
    optional = sorted((weight[s] for s in sites if s not in bit), reverse=True)
    out = [(sum(optional[:k]), 0)]
    if k >= 1:
        out += [(BIG + sum(optional[: k - 1]), bit[s]) for s in sites if s in bit]
    return out


def _best_path(
    data: ProblemData, fits: Fits, weight: dict[int, float]
) -> list[int] | None:
    """Return the hotel of every night on the best-potential path that covers
    every mandatory site."""
    mandatory = [s for s, site in enumerate(data.sites) if site.mandatory]
    bit = {s: 1 << k for k, s in enumerate(mandatory)}
    State = tuple[int, int]  # noqa: N806 - a local type alias
    layer: dict[State, tuple[float, list[int]]] = {(data.tours[0].start, 0): (0.0, [])}
    for d in range(len(data.tours)):
        nxt: dict[State, tuple[float, list[int]]] = {}
        for (day, a, b), sites in fits.items():
            if day != d:
                continue
            for (hotel, mask), (total, path) in layer.items():
                if hotel != a:
                    continue
                for gain, got in _gains(data, d, sites, weight, bit):
                    if got & mask:
                        continue
                    key = (b, mask | got)
                    if key not in nxt or total + gain > nxt[key][0]:
                        nxt[key] = (total + gain, [*path, b])
        layer = nxt
    final = layer.get((data.tours[-1].end, (1 << len(bit)) - 1))
    return final[1][:-1] if final else None


def _fill(
    data: ProblemData, hotels: list[int], fits: Fits, candidates: Sequence[int]
) -> Plan | None:
    plan = Plan(routes=[[] for _ in data.tours], hotels=list(hotels))
    mandatory = [s for s in candidates if data.sites[s].mandatory]
    for s in mandatory:  # each mandatory site on the first tour that takes it
        for d in range(len(data.tours)):
            plan.routes[d].append(s)
            if time_tour(data, plan, d) is not None:
                break
            plan.routes[d].pop()
    insert_all(data, plan, candidates)
    return plan if time_plan(data, plan) is not None else None


def _counted(
    data: ProblemData, hotels: list[int], fits: Fits, weight: dict[int, float]
) -> Counter[int]:
    stops = [data.tours[0].start, *hotels, data.tours[-1].end]
    count: Counter[int] = Counter()
    for d in range(len(data.tours)):
        sites = fits.get((d, stops[d], stops[d + 1]), [])
        k = data.tours[d].max_visits
        top = sorted(sites, key=lambda s: -weight[s])[: 3 if k is None else k]
        count.update(top)
    return count
