"""PyVRP adapter: the only module that imports pyvrp.

Each site becomes one optional PyVRP client per usable time window; copies of
one site form a mutually exclusive client group. The prize of a client is the
site's (estimated) score times a factor larger than any total distance, so the
score dominates and distance only breaks ties.

Independent tours are one vehicle type each. Tour-specific windows and fixed
tours use one routing profile per tour in which the forbidden clients are
unreachable. Chained tours are ONE PyVRP route through the whole trip: each
night is a required group of "hotel-night" clients (one per allowed hotel)
with a zero-width window at the end of the day and a service time lasting
until the next morning, so the route must sleep at exactly one hotel per night.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pyvrp
from pyvrp.constants import MAX_VALUE
from pyvrp.exceptions import PenaltyBoundWarning
from pyvrp.PenaltyManager import PenaltyParams

from lrplanner.solver.copies import Copy, hotel_copies, site_copies
from lrplanner.solver.problem import HORIZON, ProblemData
from lrplanner.solver.schedule import Plan, time_tour

if TYPE_CHECKING:
    from collections.abc import Sequence

    from pyvrp.stop import StoppingCriterion

_BIG = MAX_VALUE // 4


@dataclass(frozen=True, slots=True, kw_only=True)
class Encoding:
    """A PyVRP instance plus the map back to sites, tours and hotels."""

    pdata: pyvrp.ProblemData
    copies: tuple[Copy, ...]
    vehicle_tours: tuple[int, ...]
    prize_factor: int
    penalty_unit: float


def encode(
    data: ProblemData,
    eligible: Sequence[int],
    weights: Sequence[int],
    prize_scale: float = 0.0,
) -> Encoding:
    """Build the PyVRP instance.

    Parameters
    ----------
    data
        The instance.
    eligible
        Site indices that may be visited.
    weights
        Prize (in score units) per site index; used for the eligible sites.
    prize_scale
        0 makes one score unit worth more than any total distance; a positive
        value makes it worth ``prize_scale`` times the mean arc length.

    Returns
    -------
    Encoding
        The PyVRP data and the maps back.
    """
    copies = site_copies(data, eligible)
    if data.chained:
        copies += hotel_copies(data)
    depots = _depot_locations(data)
    locs = depots + [c.location for c in copies]
    travel = np.asarray(data.travel, dtype=np.int64)[np.ix_(locs, locs)]
    np.fill_diagonal(travel, 0)  # a copy to itself (a location may bar itself)
    dist = _distance(data, copies, locs)
    factor = _prize_factor(dist, len(copies) + len(data.tours) + 1, prize_scale)
    clients, groups = _clients(data, copies, weights, factor, len(depots))
    vtypes, vtours, profiles = _vehicles(data, copies, depots, (travel, dist))
    pdata = pyvrp.ProblemData(
        [pyvrp.Location(0, 0) for _ in locs],
        clients,
        [pyvrp.Depot(location=i) for i in range(len(depots))],
        vtypes,
        [p[0] for p in profiles],  # type: ignore[misc]
        [p[1] for p in profiles],  # type: ignore[misc]
        groups,
    )
    return Encoding(
        pdata=pdata,
        copies=tuple(copies),
        vehicle_tours=vtours,
        prize_factor=factor,
        penalty_unit=_penalty_unit(data, eligible, weights, factor, travel),
    )


def _prize_factor(dist: np.ndarray, arcs: int, prize_scale: float) -> int:
    if prize_scale > 0:
        return max(1, round(prize_scale * float(dist.mean())))
    return int(min(int(dist.max()), 2**31)) * arcs + 1


def _penalty_unit(
    data: ProblemData,
    eligible: Sequence[int],
    weights: Sequence[int],
    factor: int,
    travel: np.ndarray,
) -> float:
    """Prize per unit of time of an average visit: the natural time-warp price."""
    if not eligible:
        return 1.0
    prize = factor * sum(weights[s] for s in eligible) / len(eligible)
    service = sum(data.sites[s].service for s in eligible) / len(eligible)
    return float(prize / max(1.0, service + float(travel.mean())))


def _depot_locations(data: ProblemData) -> list[int]:
    if data.chained:
        return [data.tours[0].start, data.tours[-1].end]
    return sorted({t.start for t in data.tours} | {t.end for t in data.tours})


def _distance(data: ProblemData, copies: list[Copy], locs: list[int]) -> np.ndarray:
    """Distance = travel time, or arc cost + cost of the site entered (budget)."""
    if data.budget is None:
        dist = np.asarray(data.travel, dtype=np.int64)[np.ix_(locs, locs)]
        np.fill_diagonal(dist, 0)
        return dist
    arcs = np.asarray(data.arc_costs or data.travel, dtype=np.int64)
    if data.arc_costs is None:
        arcs = np.zeros_like(arcs)
    dist = arcs[np.ix_(locs, locs)]
    ndep = len(locs) - len(copies)
    entry = [0] * ndep + [data.sites[c.site].cost if c.site >= 0 else 0 for c in copies]
    dist = dist + np.asarray(entry, dtype=np.int64)[None, :]
    np.fill_diagonal(dist, 0)
    return dist


def _clients(
    data: ProblemData,
    copies: list[Copy],
    weights: Sequence[int],
    factor: int,
    ndep: int,
) -> tuple[list[pyvrp.Client], list[pyvrp.ClientGroup]]:
    members: dict[tuple[int, int], list[int]] = {}
    for i, c in enumerate(copies):
        members.setdefault((c.site, c.night), []).append(i)
    groups: list[pyvrp.ClientGroup] = []
    group_of: dict[int, int] = {}
    for (site, _), idx in members.items():
        must = site < 0 or data.sites[site].mandatory
        if len(idx) > 1 or site < 0:
            for i in idx:
                group_of[i] = len(groups)
            groups.append(pyvrp.ClientGroup(idx, required=must))
    clients = [
        _client(data, c, weights, factor, ndep + i, group_of.get(i))
        for i, c in enumerate(copies)
    ]
    return clients, groups


def _client(
    data: ProblemData,
    c: Copy,
    weights: Sequence[int],
    factor: int,
    loc: int,
    group: int | None,
) -> pyvrp.Client:
    if c.site < 0:
        service = data.tours[c.night + 1].earliest_start - c.open
        return pyvrp.Client(
            location=loc,
            service_duration=service,
            tw_early=c.open,
            tw_late=c.close,
            required=False,
            group=group,
        )
    site = data.sites[c.site]
    required = site.mandatory and group is None
    return pyvrp.Client(
        location=loc,
        delivery=[1] if _counts_visits(data) else [],
        service_duration=site.service,
        tw_early=c.open,
        tw_late=min(c.close, _BIG),
        prize=weights[c.site] * factor,
        required=required,
        group=group,
    )


def _vehicles(
    data: ProblemData,
    copies: list[Copy],
    depots: list[int],
    matrices: tuple[np.ndarray, np.ndarray],
) -> tuple[
    list[pyvrp.VehicleType], tuple[int, ...], list[tuple[np.ndarray, np.ndarray]]
]:
    fixed = sum(t.fixed_cost for t in data.tours)
    travel, dist = matrices
    cap = _distance_cap(data, fixed)
    if data.chained:
        first, last = data.tours[0], data.tours[-1]
        vt = pyvrp.VehicleType(
            1,
            start_depot=0,
            end_depot=1,
            tw_early=first.earliest_start,
            tw_late=min(last.close, _BIG),
            max_distance=cap,
        )
        return [vt], (0,), [(dist, travel)]
    restricted = any(len(c.tours) < len(data.tours) for c in copies)
    vtypes: list[pyvrp.VehicleType] = []
    profiles: list[tuple[np.ndarray, np.ndarray]] = []
    for d in range(len(data.tours)):
        prof = len(profiles) if restricted or d == 0 else 0
        if prof == len(profiles):
            profiles.append(_profile(copies, len(depots), d, dist, travel, restricted))
        vtypes.append(_tour_vehicle(data, d, depots, cap, prof))
    return vtypes, tuple(range(len(data.tours))), profiles


def _tour_vehicle(
    data: ProblemData, d: int, depots: list[int], cap: int, prof: int
) -> pyvrp.VehicleType:
    """One vehicle for independent tour ``d``; visit limits use load."""
    tour = data.tours[d]
    if data.budget is not None:
        cap = max(0, cap - tour.fixed_cost)
    elif data.max_total_travel is None and tour.max_travel is not None:
        cap = tour.max_travel  # distance is travel time here
    capacity = [] if not _counts_visits(data) else [_visit_cap(tour.max_visits)]
    return pyvrp.VehicleType(
        1,
        capacity=capacity,
        start_depot=depots.index(tour.start),
        end_depot=depots.index(tour.end),
        tw_early=tour.earliest_start,
        tw_late=min(tour.latest_end, _BIG),
        shift_duration=min(tour.max_duration or _BIG, _BIG),
        max_distance=cap,
        fixed_cost=tour.fixed_cost,
        profile=prof,
    )


def _counts_visits(data: ProblemData) -> bool:
    """Independent tours with visit limits get a load dimension (1 per visit)."""
    return not data.chained and any(t.max_visits is not None for t in data.tours)


def _visit_cap(limit: int | None) -> int:
    return 1_000_000 if limit is None else limit


def _distance_cap(data: ProblemData, fixed: int) -> int:
    if data.budget is not None:
        return max(0, data.budget - (fixed if data.chained else 0))
    return data.max_total_travel if data.max_total_travel is not None else _BIG


def _profile(
    copies: list[Copy],
    ndep: int,
    d: int,
    dist: np.ndarray,
    travel: np.ndarray,
    restricted: bool,
) -> tuple[np.ndarray, np.ndarray]:
    if not restricted:
        return dist, travel
    banned = [ndep + i for i, c in enumerate(copies) if d not in c.tours]
    dist, travel = dist.copy(), travel.copy()
    for m in (dist, travel):
        m[banned, :] = _BIG
        m[:, banned] = _BIG
        m[banned, banned] = 0
    return dist, travel


def run(
    enc: Encoding,
    data: ProblemData,
    stop: StoppingCriterion,
    seed: int,
    init: Plan | None,
    penalty_scale: float = 0.0,
) -> Plan | None:
    """Run PyVRP's iterated local search and decode its best solution.

    Parameters
    ----------
    enc
        The encoded instance.
    data
        The original instance (for decoding).
    stop
        Called with PyVRP's best cost each iteration.
    seed
        Random seed.
    init
        Optional warm start.
    penalty_scale
        0 keeps PyVRP's default penalty range; a positive value centres the
        range on ``penalty_scale`` times the prize per unit of visit time.

    Returns
    -------
    Plan | None
        The best feasible plan, or None when PyVRP found none.
    """
    warm = _to_solution(enc, data, init) if init is not None else None
    params = pyvrp.SolveParams()
    if penalty_scale > 0:
        unit = enc.penalty_unit * penalty_scale
        penalty = PenaltyParams(min_penalty=unit / 10, max_penalty=unit * 10)
        params = pyvrp.SolveParams(penalty=penalty)
    with warnings.catch_warnings():
        # The penalty bound warning is expected with prize-dominated costs.
        warnings.simplefilter("ignore", PenaltyBoundWarning)
        res = pyvrp.solve(
            enc.pdata,
            stop,
            seed=seed,
            collect_stats=False,
            initial_solution=warm,
            params=params,
        )
    if not res.best.is_feasible():
        return None
    return decode(enc, data, res.best)


def decode(enc: Encoding, data: ProblemData, sol: pyvrp.Solution) -> Plan:
    """Turn a PyVRP solution into a :class:`Plan`."""
    plan = Plan(routes=[[] for _ in data.tours], hotels=[-1] * (len(data.tours) - 1))
    for route in sol.routes():
        d = enc.vehicle_tours[route.vehicle_type()]
        for act in route:
            if not act.is_client():
                continue
            c = enc.copies[act.idx]
            if c.site >= 0:
                plan.routes[d].append(c.site)
            else:
                plan.hotels[c.night] = c.location
                d += 1
    if data.chained and -1 in plan.hotels:
        raise ValueError("PyVRP returned a chained route without a hotel per night")
    return plan


def _to_solution(enc: Encoding, data: ProblemData, plan: Plan) -> pyvrp.Solution | None:
    """Encode ``plan`` as a PyVRP warm start (None if it cannot be timed)."""
    by_site: dict[int, list[int]] = {}
    hotel_of: dict[tuple[int, int], int] = {}
    for i, copy in enumerate(enc.copies):
        if copy.site >= 0:
            by_site.setdefault(copy.site, []).append(i)
        else:
            hotel_of[(copy.night, copy.location)] = i
    routes: list[list[int]] = [[] for _ in enc.vehicle_tours]
    for d in range(len(data.tours)):
        timed = time_tour(data, plan, d)
        if timed is None:
            return None
        veh = 0 if data.chained else d
        for v in timed.visits:
            c = _copy_at(enc, by_site.get(v.site, []), v.start, d)
            if c is None:
                return None
            routes[veh].append(c)
        if data.chained and d < len(plan.hotels):
            night = hotel_of.get((d, plan.hotels[d]))
            if night is None:
                return None
            routes[veh].append(night)
    vroutes = [pyvrp.Route(enc.pdata, r, veh) for veh, r in enumerate(routes) if r]
    return pyvrp.Solution(enc.pdata, vroutes)


def _copy_at(enc: Encoding, candidates: list[int], start: int, d: int) -> int | None:
    return next(
        (
            i
            for i in candidates
            if enc.copies[i].open <= start <= enc.copies[i].close
            and d in enc.copies[i].tours
        ),
        None,
    )


__all__ = ["HORIZON", "Encoding", "decode", "encode", "run"]
