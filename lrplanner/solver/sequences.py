"""Hotel-sequence portfolio for chained tours.

With the hotel of every night fixed, chained tours become independent tours
with distinct start and end locations: a team orienteering problem PyVRP
solves far better than the one-route model with hotel-night clients, which
has to change the hotels and the visits together. This module

* ranks hotel sequences by a fast estimate (a greedy fill of all tours with a
  relaxed length model: no windows, one length limit per tour, the best of
  two insertion ratios), enumerating every sequence when that is cheap and
  otherwise taking the ``BEAM`` best of a beam search over the nights (a
  partial sequence is worth its tour-by-tour greedy fill plus an optimistic
  single-tour completion to the end);
* turns a sequence into an independent-tour :class:`ProblemData`
  (:func:`fixed_sequence`) whose plans map back one to one.

The estimate is only used for ranking; every plan is re-checked on the
chained instance before it is accepted.
"""

from __future__ import annotations

import dataclasses
import heapq
import itertools
from typing import TYPE_CHECKING

import numpy as np

from lrplanner.solver.schedule import Plan

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from lrplanner.solver.problem import ProblemData

#: Enumerate every sequence when sequences x candidate sites is at most this
#: (the work of estimating them all); otherwise run the beam search.
MAX_ENUMERATE = 20_000
#: Otherwise keep this many sequences of a beam search.
BEAM = 24
#: Score exponents of the greedy insertion ratio (score ** p / detour); the
#: estimate of a sequence is the best fill over them.
POWERS: tuple[float, ...] = (1.0, 2.0)


@dataclasses.dataclass(frozen=True, slots=True)
class _Relaxed:
    """Arrays of the relaxed length model used by the estimate."""

    travel: np.ndarray  # locations x locations
    loc: np.ndarray  # site -> location
    score: np.ndarray  # site -> score
    service: np.ndarray  # site -> service time
    limit: list[int]  # tour -> longest length (travel + service)
    allowed: list[np.ndarray]  # tour -> bool mask over sites


def fixed_sequence(data: ProblemData, hotels: Sequence[int]) -> ProblemData:
    """Return the independent-tour instance of ``data`` with these hotels.

    Tour ``d`` runs from the hotel of night ``d - 1`` (the start location for
    the first tour) to the hotel of night ``d`` (the end location for the last).
    """
    stops = [data.tours[0].start, *hotels, data.tours[-1].end]
    tours = tuple(
        dataclasses.replace(t, start=stops[d], end=stops[d + 1])
        for d, t in enumerate(data.tours)
    )
    return dataclasses.replace(data, tours=tours, chained=False, hotels=())


def _relaxed(data: ProblemData, candidates: Sequence[int]) -> _Relaxed:
    n = len(data.sites)
    allowed = []
    cand = np.zeros(n, dtype=bool)
    cand[list(candidates)] = True
    for d in range(len(data.tours)):
        mask = cand.copy()
        for s in candidates:
            if not data.sites[s].windows_in(d):
                mask[s] = False
        allowed.append(mask)
    return _Relaxed(
        travel=np.asarray(data.travel, dtype=np.int64),
        loc=np.asarray([s.location for s in data.sites], dtype=np.int64),
        score=np.asarray([s.score for s in data.sites], dtype=np.float64),
        service=np.asarray([s.service for s in data.sites], dtype=np.int64),
        limit=[t.close - t.earliest_start for t in data.tours],
        allowed=allowed,
    )


def best_fill(
    rel: _Relaxed, stops: Sequence[int], days: Sequence[int]
) -> tuple[float, list[list[int]]]:
    """The best :func:`greedy_fill` over the exponents ``POWERS``."""
    fills = [greedy_fill(rel, stops, days, p) for p in POWERS]
    return max(fills, key=lambda f: f[0])


def greedy_fill(
    rel: _Relaxed,
    stops: Sequence[int],
    days: Sequence[int],
    power: float = 1.0,
    free: np.ndarray | None = None,
) -> tuple[float, list[list[int]]]:
    """Fill tours ``days`` (tour ``days[i]`` from ``stops[i]`` to ``stops[i+1]``)
    by best ``score ** power`` per detour insertion in the relaxed model,
    using only the sites marked in ``free`` (all when None).

    Returns
    -------
    tuple[float, list[list[int]]]
        The collected score and the site sequence of each tour.
    """
    usable = np.zeros(len(rel.score), dtype=bool)
    for d in days:
        usable |= rel.allowed[d]
    free = usable if free is None else usable & free
    paths = [[stops[i], stops[i + 1]] for i in range(len(days))]
    routes: list[list[int]] = [[] for _ in days]
    length = [int(rel.travel[a, b]) for a, b in itertools.pairwise(stops)]
    if any(length[i] > rel.limit[d] for i, d in enumerate(days)):
        return -1.0, routes
    total = 0.0
    cache = [_insertion(rel, paths[i], free, d) for i, d in enumerate(days)]
    while True:
        best: tuple[float, int, int, int, int] | None = None
        for i, d in enumerate(days):
            sites, pos, cost = cache[i]
            fits = (length[i] + cost <= rel.limit[d]) & free[sites]
            if not fits.any():
                continue
            ratio = np.where(fits, rel.score[sites] ** power / (cost + 1.0), -1.0)
            j = int(ratio.argmax())
            if best is None or ratio[j] > best[0]:
                best = (float(ratio[j]), i, int(sites[j]), int(pos[j]), int(cost[j]))
        if best is None:
            break
        _, i, s, p, c = best
        paths[i].insert(p + 1, int(rel.loc[s]))
        routes[i].insert(p, s)
        length[i] += c
        free[s] = False
        total += float(rel.score[s])
        cache[i] = _insertion(rel, paths[i], free, days[i])
    return total, routes


def _insertion(
    rel: _Relaxed, path: list[int], free: np.ndarray, d: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cheapest insertion (position, added length) of every free site into a path."""
    sites = np.flatnonzero(free & rel.allowed[d])
    if not sites.size:
        return sites, sites, sites
    locs = rel.loc[sites]
    arr = np.asarray(path, dtype=np.int64)
    prev, nxt = arr[:-1], arr[1:]
    extra = (
        rel.travel[np.ix_(prev, locs)]
        + rel.travel[np.ix_(locs, nxt)].T
        - rel.travel[prev, nxt][:, None]
        + rel.service[sites][None, :]
    )
    pos = extra.argmin(axis=0)
    return sites, pos, extra[pos, np.arange(sites.size)]


def ranked_sequences(
    data: ProblemData,
    candidates: Sequence[int],
    should_stop: Callable[[], bool],
    limit: int = 32,
) -> list[tuple[float, Plan]]:
    """Return up to ``limit`` hotel sequences, best estimate first.

    Each comes with its estimate and the greedy plan of the relaxed model
    (routes may break windows; check before use). Sites of ``candidates``
    only; mandatory sites are not treated specially.
    """
    if not data.chained or len(data.tours) < 2 or not candidates:
        return []
    rel = _relaxed(data, candidates)
    seqs = _candidates(data, rel, should_stop)
    scored: list[tuple[float, Plan]] = []
    for seq in seqs:
        if should_stop():
            break
        stops = [data.tours[0].start, *seq, data.tours[-1].end]
        value, routes = best_fill(rel, stops, range(len(data.tours)))
        if value >= 0:
            scored.append((value, Plan(routes=routes, hotels=list(seq))))
    scored.sort(key=lambda vp: -vp[0])
    return scored[:limit]


def _candidates(
    data: ProblemData, rel: _Relaxed, should_stop: Callable[[], bool]
) -> list[tuple[int, ...]]:
    hotels = sorted(set(data.hotels))
    days = len(data.tours)
    start, end = data.tours[0].start, data.tours[-1].end

    def ok(d: int, a: int, b: int) -> bool:
        return int(rel.travel[a, b]) <= rel.limit[d]

    # hotels from which the end can still be reached in the remaining tours
    reach: list[set[int]] = [set() for _ in range(days + 1)]
    reach[days - 1] = {a for a in hotels if ok(days - 1, a, end)}
    for d in range(days - 2, 0, -1):
        reach[d] = {a for a in hotels if any(ok(d, a, b) for b in reach[d + 1])}
    count = _count(data, hotels, reach, ok)
    sites = int(np.logical_or.reduce(rel.allowed).sum())
    if count * max(1, sites) <= MAX_ENUMERATE:
        out: list[tuple[int, ...]] = []
        _enumerate(start, 0, (), hotels, reach, ok, days, out)
        return out
    return _beam(data, rel, reach, ok, should_stop)


def _count(
    data: ProblemData,
    hotels: list[int],
    reach: list[set[int]],
    ok: Callable[[int, int, int], bool],
) -> int:
    days = len(data.tours)
    ways = {data.tours[0].start: 1}
    for d in range(days - 1):
        nxt: dict[int, int] = {}
        for a, w in ways.items():
            for b in reach[d + 1]:
                if ok(d, a, b):
                    nxt[b] = nxt.get(b, 0) + w
        ways = nxt
    return sum(ways.values())


def _enumerate(
    at: int,
    d: int,
    prefix: tuple[int, ...],
    hotels: list[int],
    reach: list[set[int]],
    ok: Callable[[int, int, int], bool],
    days: int,
    out: list[tuple[int, ...]],
) -> None:
    if d == days - 1:
        out.append(prefix)
        return
    for b in hotels:
        if b in reach[d + 1] and ok(d, at, b):
            _enumerate(b, d + 1, (*prefix, b), hotels, reach, ok, days, out)


def _beam(
    data: ProblemData,
    rel: _Relaxed,
    reach: list[set[int]],
    ok: Callable[[int, int, int], bool],
    should_stop: Callable[[], bool],
) -> list[tuple[int, ...]]:
    """The ``BEAM`` best sequences of a beam search over the nights.

    A partial sequence is worth what a tour-by-tour greedy fill collects on
    its tours (each site once) plus the best single-tour values from its last
    hotel to the end, overlaps ignored (an optimistic completion).
    """
    days = len(data.tours)
    start, end = data.tours[0].start, data.tours[-1].end
    ends = [sorted(reach[d + 1]) for d in range(days - 1)] + [[end]]
    single: dict[tuple[int, int, int], float] = {}
    rest: list[dict[int, float]] = [{} for _ in range(days)] + [{end: 0.0}]
    for d in range(days - 1, -1, -1):
        for a in [start] if d == 0 else sorted(reach[d]):
            for b in ends[d]:
                if b in rest[d + 1] and ok(d, a, b):
                    single[d, a, b] = greedy_fill(rel, [a, b], [d])[0]
                    value = single[d, a, b] + rest[d + 1][b]
                    rest[d][a] = max(rest[d].get(a, value), value)
        if should_stop():
            return []
    free = np.ones(len(rel.score), dtype=bool)
    beam: list[tuple[float, float, tuple[int, ...], np.ndarray]] = [
        (0.0, 0.0, (), free)
    ]
    for d in range(days):
        grown: list[tuple[float, float, tuple[int, ...], np.ndarray]] = []
        for _, got, prefix, left in beam:
            a = prefix[-1] if prefix else start
            for b in ends[d]:
                if (d, a, b) not in single:
                    continue
                value, routes = greedy_fill(rel, [a, b], [d], free=left)
                taken = left.copy()
                taken[routes[0]] = False
                total = got + value
                grown.append((total + rest[d + 1][b], total, (*prefix, b), taken))
        if should_stop():
            return []
        beam = heapq.nlargest(BEAM, grown, key=lambda g: g[0])
    return [prefix[:-1] for _, _, prefix, _ in beam]
