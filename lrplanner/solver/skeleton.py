"""A feasible start for chained tours: a hotel per night, chosen by DP.

PyVRP sees the whole trip as one route and does not know per-tour travel or
visit limits, so in tight chained instances (long transfers, a travel cap
per tour) it may find no feasible hotel sequence. This dynamic programme
over (tour, hotel, mandatory sites covered) finds one directly: each tour
goes from its night's hotel to the next with at most one (mandatory) site,
covering every mandatory site at the least cost, so a budget is met if any
such plan can meet it. The local search then adds the optional sites.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from lrplanner.solver.schedule import Plan, time_tour

if TYPE_CHECKING:
    from collections.abc import Callable

    from lrplanner.solver.problem import ProblemData, TimeWindow

MAX_MANDATORY = 6  # 2**6 mask states; beyond that mandatory sites are left out
BIG = 10**9
MAX_ORDERS = 24  # orders of a tour's fixed sites tried (all of four)


@dataclass(frozen=True, slots=True)
class _Option:
    """What tour ``d`` from hotel a to b can hold: a site (or none), its worth."""

    sites: tuple[int, ...]
    worth: int
    mask: int


def skeleton(
    data: ProblemData,
    value_weight: float = 0.0,
    should_stop: Callable[[], bool] | None = None,
    *,
    pairs: bool = False,
) -> Plan | None:
    """Return a plan that meets every per-tour limit, or None if none is found.

    With ``value_weight`` 0 the plan covers the mandatory sites at the least
    cost. A positive weight also lets each tour take its best optional site,
    trading one score unit against ``value_weight`` cost units: a plan that
    goes where the value is (it may then miss a budget; offer both).
    ``should_stop`` is asked between hotels; when it says stop, the
    programme gives up (None): on hundreds of sites over three weeks one
    value-seeking pass takes tens of seconds. With ``pairs`` a tour may also
    hold two mandatory sites (either order, timed exactly): slower, and what
    shows that no plan covers them when it still finds none.
    """
    if not data.chained:
        return None
    pinned = _pinned(data)
    mandatory = [
        i for i, s in enumerate(data.sites) if s.mandatory and s.fixed_tour is None
    ][:MAX_MANDATORY]
    bit = {s: 1 << k for k, s in enumerate(mandatory)}
    worths = _Worths(data, bit, value_weight) if value_weight > 0 else None
    starts = [data.tours[0].start]
    layers: list[dict[tuple[int, int], tuple[int, int, int, tuple[int, ...]]]] = []
    frontier = {(starts[0], 0): 0}
    last = len(data.tours) - 1
    for d in range(len(data.tours)):
        ends = [data.tours[-1].end] if d == last else sorted(set(data.hotels))
        layer: dict[tuple[int, int], tuple[int, int, int, tuple[int, ...]]] = {}
        # what a tour can hold depends on its hotels, not on the mask
        held: dict[tuple[int, int], list[_Option]] = {}
        for (a, mask), worth in frontier.items():
            if should_stop is not None and should_stop():
                return None
            for b in ends:
                if (a, b) not in held:
                    held[a, b] = (
                        _pinned_option(data, d, a, b, pinned[d])
                        if d in pinned
                        else _options(data, d, a, b, bit, worths, pairs=pairs)
                    )
                for opt in held[a, b]:
                    if opt.mask & mask:
                        continue  # that mandatory site is already in the plan
                    key = (b, mask | opt.mask)
                    total = worth + opt.worth
                    if key not in layer or total > layer[key][0]:
                        layer[key] = (total, a, mask, opt.sites)
        layers.append(layer)
        frontier = {k: v[0] for k, v in layer.items()}
    return _backtrack(data, layers, len(bit))


def _pinned(data: ProblemData) -> dict[int, list[int]]:
    """Return the mandatory sites fixed to each tour, by earliest window."""
    pinned: dict[int, list[int]] = {}
    for s, site in enumerate(data.sites):
        if site.mandatory and site.fixed_tour is not None:
            pinned.setdefault(site.fixed_tour, []).append(s)
    for d, sites in pinned.items():
        sites.sort(
            key=lambda s: min((w.open for w in data.sites[s].windows_in(d)), default=0)
        )
    return pinned


def _one_tour(data: ProblemData, d: int, a: int, b: int) -> Plan:
    """Return an empty plan whose tour ``d`` runs from ``a`` to ``b`` (the
    other tours are never timed)."""
    hotels = [a] * max(len(data.tours) - 1, 0)
    if d > 0:
        hotels[d - 1] = a
    if d < len(data.tours) - 1:
        hotels[d] = b
    return Plan(routes=[[] for _ in data.tours], hotels=hotels)


def _pinned_option(
    data: ProblemData, d: int, a: int, b: int, sites: list[int]
) -> list[_Option]:
    """A tour with fixed sites may hold exactly those, in the first order
    (of at most ``MAX_ORDERS``) that fits."""
    trial = _one_tour(data, d, a, b)
    # the order by earliest window first, then the others (a few sites a day)
    orders = itertools.islice(itertools.permutations(sites), MAX_ORDERS)
    for order in orders:
        trial.routes[d] = list(order)
        if time_tour(data, trial, d) is not None:
            break
    else:
        return []
    sites = trial.routes[d]
    cost = sum(data.sites[s].cost for s in sites) + sum(
        data.cost_of_arc(i, j)
        for i, j in itertools.pairwise([a, *(data.sites[s].location for s in sites), b])
    )
    return [_Option(tuple(sites), BIG * len(sites) - cost, 0)]


def _options(
    data: ProblemData,
    d: int,
    a: int,
    b: int,
    bit: dict[int, int],
    worths: _Worths | None = None,
    *,
    pairs: bool = False,
) -> list[_Option]:
    """Return what tour ``d`` from ``a`` to ``b`` may hold: nothing or one
    mandatory site (or, with ``pairs``, two); worth is BIG per mandatory
    site minus the cost."""
    if not _fits(data, d, a, b):
        return []
    found = [_Option((), -data.cost_of_arc(a, b), 0)]
    if data.tours[d].max_visits == 0:
        return found
    if worths is not None:
        found.append(_best_optional(data, d, a, b, worths))
    for s, mask in bit.items():
        site = data.sites[s]
        if not site.excluded and _fits_site(data, d, a, b, s):
            cost = (
                site.cost
                + data.cost_of_arc(a, site.location)
                + data.cost_of_arc(site.location, b)
            )
            found.append(_Option((s,), BIG - cost, mask))
    if pairs:
        alone = [opt.sites[0] for opt in found if opt.mask]
        found.extend(_pair_options(data, d, (a, b), alone, bit))
    return found


def _pair_options(
    data: ProblemData,
    d: int,
    ends: tuple[int, int],
    alone: list[int],
    bit: dict[int, int],
) -> list[_Option]:
    """Return the pairs of mandatory sites (each fitting alone) that tour
    ``d`` holds together, in the better order that times."""
    if (data.tours[d].max_visits or 2) < 2:
        return []
    a, b = ends
    trial = _one_tour(data, d, a, b)
    out = []
    for x, y in itertools.combinations(alone, 2):
        for order in ((x, y), (y, x)):
            trial.routes[d] = list(order)
            if time_tour(data, trial, d) is None:
                continue
            path = [a, *(data.sites[s].location for s in order), b]
            cost = sum(data.sites[s].cost for s in order) + sum(
                data.cost_of_arc(i, j) for i, j in itertools.pairwise(path)
            )
            out.append(_Option(order, 2 * BIG - cost, bit[x] | bit[y]))
            break
    return out


class _Worths:
    """Worth of each optional site between two stops (value less its costs).

    Computed as arrays once per skeleton: one scan of every site per tour and
    pair of hotels took 1.7 ms, and three weeks with 25 hotels have 13,000
    such pairs.
    """

    def __init__(
        self, data: ProblemData, bit: dict[int, int], value_weight: float
    ) -> None:
        n = data.num_locations
        self.arcs = np.asarray(data.arc_costs or [[0] * n] * n, dtype=np.int64)
        self.locs = np.array([site.location for site in data.sites], dtype=np.int64)
        self.gain = np.array(
            [round(site.score * value_weight) - site.cost for site in data.sites],
            dtype=np.int64,
        )
        self.usable = np.array(
            [s not in bit and not site.excluded for s, site in enumerate(data.sites)],
            dtype=bool,
        )

    def ranked(self, a: int, b: int) -> tuple[np.ndarray, np.ndarray]:
        """Return each site's worth from ``a`` to ``b`` and the usable sites,
        best first (ties by index)."""
        worth = self.gain - self.arcs[a, self.locs] - self.arcs[self.locs, b]
        order = np.argsort(-worth, kind="stable")
        return worth, order[self.usable[order]]


def _best_optional(
    data: ProblemData, d: int, a: int, b: int, worths: _Worths
) -> _Option:
    """Return the best-worth optional site that fits tour ``d``, or nothing."""
    best = _Option((), -data.cost_of_arc(a, b), 0)
    worth, order = worths.ranked(a, b)
    for s in order.tolist():
        if worth[s] <= best.worth:
            break
        if _fits_site(data, d, a, b, s):
            return _Option((s,), int(worth[s]), 0)
    return best


def _fits_site(data: ProblemData, d: int, a: int, b: int, s: int) -> bool:
    """Whether tour ``d`` can go from ``a`` to site ``s`` and on to ``b``."""
    arrive = _reach(data, d, a, s)
    return arrive is not None and _serves_to(data, d, (a, s, b), arrive)


def _reach(data: ProblemData, d: int, a: int, s: int) -> int | None:
    """Return when tour ``d`` reaches site ``s`` leaving ``a`` at its start
    (None: the arc is closed that day, or no departure makes it)."""
    location = data.sites[s].location
    if not data.arc_open(d, a, location):
        return None
    return data.arrival(a, location, data.tours[d].earliest_start)


def _serves_to(
    data: ProblemData,
    d: int,
    path: tuple[int, int, int],
    arrive: int,
    windows: tuple[TimeWindow, ...] | None = None,
) -> bool:
    """Whether a site reached at ``arrive`` on the way from ``a`` to ``b``
    (``path``: a, the site, b) is visited within a window and ``b`` reached
    in the day, within its travel cap."""
    a, s, b = path
    site = data.sites[s]
    tour = data.tours[d]
    if not data.arc_open(d, site.location, b):
        return False
    counted = data.counted_travel(a, site.location)
    counted += data.counted_travel(site.location, b)
    if tour.max_travel is not None and counted > tour.max_travel:
        return False
    for w in site.windows_in(d) if windows is None else windows:
        begin = max(arrive, w.open)
        if begin > w.close:
            continue
        # leaving earlier never arrives later: the first fitting window decides
        end = data.arrival(site.location, b, begin + site.service)
        return end is not None and end <= tour.close
    return False


def _fits(data: ProblemData, d: int, a: int, b: int) -> bool:
    """Whether tour ``d`` can go straight from ``a`` to ``b``."""
    if not _within(data, d, [a, b]):
        return False
    end = data.arrival(a, b, data.tours[d].earliest_start)
    return end is not None and end <= data.tours[d].close


def _within(data: ProblemData, d: int, path: list[int]) -> bool:
    """Whether a path's arcs run in tour ``d`` and its travel fits the cap."""
    tour = data.tours[d]
    if not all(data.arc_open(d, i, j) for i, j in itertools.pairwise(path)):
        return False
    counted = sum(data.counted_travel(i, j) for i, j in itertools.pairwise(path))
    return tour.max_travel is None or counted <= tour.max_travel


def _backtrack(
    data: ProblemData,
    layers: list[dict[tuple[int, int], tuple[int, int, int, tuple[int, ...]]]],
    mandatory: int,
) -> Plan | None:
    full = (1 << mandatory) - 1
    key = (data.tours[-1].end, full)
    if key not in layers[-1]:
        return None
    routes: list[list[int]] = [[] for _ in data.tours]
    hotels = [0] * (len(data.tours) - 1)
    for d in range(len(data.tours) - 1, -1, -1):
        _, a, mask, sites = layers[d][key]
        # an optional site chosen on two days is kept once
        routes[d] = [s for s in sites if not any(s in r for r in routes)]
        if d > 0:
            hotels[d - 1] = a
        key = (a, mask)
    return Plan(routes=routes, hotels=hotels)
