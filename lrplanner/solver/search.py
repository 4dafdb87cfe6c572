"""The search of one process: PyVRP segments and our own neighbourhoods.

The search runs in *segments*. Each segment is one PyVRP iterated local
search (a new seed, warm-started from the best plan so far) that ends when it
stops improving; then our own neighbourhoods (repair, hotel change, insert,
replace) polish the plan on the true objective. Segments repeat until the
stopping criterion fires. With coverage groups the PyVRP prizes are
re-linearised around the best plan before each segment.

:func:`lrplanner.solver.solve.solve` composes it with the helper processes of
:mod:`lrplanner.solver.parallel`, which run this same search; this module
knows them only as :class:`~lrplanner.solver.state.Helpers`.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import TYPE_CHECKING

from lrplanner.solver import hgs, polish
from lrplanner.solver.localsearch import change_hotels, improve, repair
from lrplanner.solver.nights import relocate_nights
from lrplanner.solver.polish import bonus_bound
from lrplanner.solver.portfolio import Portfolio
from lrplanner.solver.potential import value_start
from lrplanner.solver.progress import ProgressSink, Throttle
from lrplanner.solver.reasons import eligible_sites, unvisited_reasons
from lrplanner.solver.result import Result, Status
from lrplanner.solver.schedule import (
    Plan,
    plan_cost,
    plan_score,
    plan_travel,
    time_plan,
    time_tour,
)
from lrplanner.solver.skeleton import skeleton
from lrplanner.solver.state import (
    BestSink,
    Helpers,
    SearchState,
    prize_weights,
    segment_stop,
)
from lrplanner.solver.stop import (
    AnyOf,
    MaxRuntime,
    StoppingCriterion,
    clock_says_stop,
    is_cancel,
)
from lrplanner.solver.subset import segment_sites

if TYPE_CHECKING:
    from collections.abc import Callable

    from lrplanner.solver.params import SolveParams
    from lrplanner.solver.problem import ProblemData

#: Skeleton starts for chained tours: cheapest, then value-seeking ones.
SKELETON_WEIGHTS = (0.0, 100.0, 1000.0)
#: Seconds of search for the best plan without the required sites, when no
#: plan with them is found at first (they are then forced into it).
FORCE_S = 1.0
#: Seconds the required sites may still take to be forced into that plan
#: once the time is up (on a small route a few milliseconds).
FORCE_GRACE_S = 0.2
#: The final polish (``SolveParams.polish``) may take this share of the
#: search's time after it, and at least this many seconds.
POLISH_SHARE = 0.1
POLISH_MIN_S = 0.3
#: Probes (``SolveParams.probes``) start once the best plan has not improved
#: for this many seconds and for this share of the search's time so far.
PROBE_IDLE_S = 0.5
PROBE_IDLE_SHARE = 0.25
#: A probe ends after this many rounds without a better plan (on a small
#: route in milliseconds; a large route's rounds outlast ``probe_seconds``).
PROBE_STALE_LOOPS = 4


def search(
    data: ProblemData,
    stop: StoppingCriterion,
    *,
    params: SolveParams,
    seed: int,
    on_progress: ProgressSink | None = None,
    on_best: BestSink | None = None,
    team: Helpers | None = None,
    start: Plan | None = None,
    forced_start: bool = True,
) -> Result:
    """The search of one process: :func:`~lrplanner.solver.solve.solve`
    without starting helpers.

    ``on_best`` hears every improvement of the best plan (a helper sends
    them to the main search); plans from ``team`` are adopted when better,
    and its last plans are collected before the result is built.
    ``forced_start`` False skips the short search for the best plan without
    the required sites (:func:`_forced_start`), for a caller whose
    ``start`` is that plan already.
    """
    sink = Throttle(on_progress, params.progress_interval) if on_progress else None
    state = SearchState(stop=stop, sink=sink, on_best=on_best, team=team, data=data)
    eligible = eligible_sites(data)
    empty = Plan(routes=[[] for _ in data.tours], hotels=_default_hotels(data))
    state.offer(data, empty)
    if start is not None:  # the current plan, with the change applied
        kept = _timed_start(data, start)
        state.offer(data, kept)
        state.offer(data, polish.force_mandatory(data, kept, _clock(stop)))
    folio = Portfolio(data, state, params, eligible, seed)
    # the portfolio supersedes the (slow) value-seeking starts, unless sites
    # are required or fixed to a tour: then they are the reliable way to a
    # feasible plan
    tied = any(s.mandatory or s.fixed_tour is not None for s in data.sites)
    value_starts = tied or not folio.active
    # the cheapest skeleton is quick and often the only sure plan, so it runs
    # even when the time is already up. The value-seeking ones (one optional
    # site a day) serve required sites; without them the value start below
    # is far better and they only take the search's time: measured on
    # generated routes at 10 s, 400 sites over 21 days 118.7 -> 286.6, 200
    # sites 238.5 -> 261.3, the samples (required sites) unchanged
    for weight in SKELETON_WEIGHTS if tied else SKELETON_WEIGHTS[:1]:
        hurry = _clock(stop) if weight else None
        state.offer(data, skeleton(data, weight, hurry))
    if value_starts:
        state.offer(data, value_start(data, eligible, state.should_stop))
    if tied:
        _required_starts(data, state, params, seed, forced=forced_start)
    folio.start()
    _rounds(data, state, params, eligible, seed, folio)
    if team is not None:
        for _, plan in team.finish():
            state.offer(data, plan)
    _finish(data, state, params, eligible)
    return _result(data, state, eligible)


def _rounds(
    data: ProblemData,
    state: SearchState,
    params: SolveParams,
    eligible: list[int],
    seed: int,
    folio: Portfolio,
) -> None:
    """Search round after round (a probe, a portfolio step or a PyVRP
    segment) until stopped, every site is taken, or ``params.stale_loops``
    rounds in a row found nothing better."""
    loop = stale = 0
    probes = _Probes(data, params, eligible)
    while not state.should_stop():
        before = state.best_score if state.best is not None else None
        if probes.due(state):
            probes.next(state, seed)
        elif folio.active and not _one_route_turn(params, loop):
            folio.step()
        else:
            _one_route_segment(data, state, params, eligible, seed, not folio.active)
            if folio.active and state.best is not None:
                folio.intensify()
        loop += 1
        if state.best is not None and _all_taken(state.best, eligible):
            break
        stale = stale + 1 if state.best_score == before else 0
        if params.stale_loops and stale >= params.stale_loops:
            break


def _required_starts(
    data: ProblemData,
    state: SearchState,
    params: SolveParams,
    seed: int,
    *,
    forced: bool = True,
) -> None:
    """Starts for instances with required sites the skeletons may miss: two
    of them on one day, and (``forced``: always with ``params.polish``, else
    when no plan is found yet) the best plan without them with room made for
    them."""
    stop = state.stop
    if state.best is None:
        state.offer(data, skeleton(data, 0.0, _clock(stop), pairs=True))
    if forced and (params.polish or state.best is None):
        state.offer(data, _forced_start(data, stop, params, seed))


def _finish(
    data: ProblemData, state: SearchState, params: SolveParams, eligible: list[int]
) -> None:
    """The last touches on the best plan: polish, then the shortest nights."""
    if state.best is None:
        return
    if params.polish:
        found = polish.polish(data, state.best, eligible, _polish_stop(state))
        state.best = found.plan
        state.best_score = plan_score(data, found.plan)
    if data.chained:
        state.best = _shortest_nights(data, state.best)


def _forced_start(
    data: ProblemData, stop: StoppingCriterion, params: SolveParams, seed: int
) -> Plan | None:
    """Return a plan with the required sites forced into the best plan
    without them (:func:`~lrplanner.solver.polish.force_mandatory`), found
    by a short search (``FORCE_S`` seconds at most): the skeletons place
    required sites one by one and miss plans that need room made for one or
    the nights moved to reach it."""
    loose = polish.relaxed(data)
    short = AnyOf(stop, MaxRuntime(FORCE_S))
    quick = replace(params, polish=False, stale_loops=PROBE_STALE_LOOPS)
    free = search(loose, short, params=quick, seed=seed)
    # the forcing gets a moment of its own even when the search above took
    # the rest of the time: its plan may be the best there is
    late = _grace(stop, FORCE_GRACE_S)
    bases = [skeleton(loose, 0.0, late)]
    if free.is_feasible() and free.tours:
        bases.insert(0, _plan_of(data, free))
    for base in bases:
        if base is not None:
            forced = polish.force_mandatory(data, base, late)
            if forced is not None:
                return forced
    return None


def _grace(stop: StoppingCriterion, seconds: float) -> Callable[[], bool]:
    """A clock check that says stop only ``seconds`` after it is made (a
    cancel at once)."""
    until = time.perf_counter() + seconds
    return lambda: (
        is_cancel(stop) or (time.perf_counter() >= until and clock_says_stop(stop))
    )


class _Probes:
    """Short searches with one unvisited site required (``params.probes``).

    The polish finds every plan one insertion or swap away; a site whose
    visit needs two days reworked (the nights moved, another day's visits
    reordered) is out of its reach, and the search, once it has settled,
    rarely leaves its plan for one that scores less on the way. A probe
    plans the route with that site required, from the best plan (the site
    forced in as a required site is), for ``params.probe_seconds``; a
    better plan is adopted. Sites are probed once each, the highest score
    and coverage bonus first.
    """

    def __init__(self, data: ProblemData, params: SolveParams, eligible: list[int]):
        self.data, self.params = data, params
        self.left = params.probes
        self.tried: set[int] = set()
        self.eligible = eligible

    def due(self, state: SearchState) -> bool:
        """Whether the search has stalled long enough to probe."""
        if self.left <= 0 or state.best is None:
            return False
        now = time.perf_counter()
        idle = now - state.improved_at
        share = PROBE_IDLE_SHARE * (now - state.started)
        return idle >= max(PROBE_IDLE_S, share) and self._site(state) is not None

    def _site(self, state: SearchState) -> int | None:
        assert state.best is not None
        visited = state.best.visited()
        outside = [
            s
            for s in self.eligible
            if s not in visited
            and s not in self.tried
            and not self.data.sites[s].excluded
        ]
        if not outside:
            return None
        return max(
            outside,
            key=lambda s: (self.data.sites[s].score + bonus_bound(self.data, s), -s),
        )

    def _possible(self, tied: ProblemData, state: SearchState) -> bool:
        """Whether some plan holds the required sites: the skeleton
        programme says so in a few milliseconds; when it finds none, forcing
        the site into the best plan may still (a case of a day and a half,
        begun one afternoon and finished the next morning, which the
        skeleton's days one by one cannot hold)."""
        hurry = _clock(state.stop)
        if skeleton(tied, 0.0, hurry, pairs=True) is not None:
            return True
        assert state.best is not None
        return polish.force_mandatory(tied, state.best, hurry) is not None

    def next(self, state: SearchState, seed: int) -> None:
        """Probe the most promising site not yet tried that some plan with
        the required sites can hold (the skeleton programme, two required
        sites a day, says so in a few milliseconds; the others are passed
        over, as a search for them would find nothing)."""
        while (site := self._site(state)) is not None and not _clock(state.stop)():
            self.tried.add(site)
            sites = list(self.data.sites)
            sites[site] = replace(sites[site], mandatory=True)
            tied = replace(self.data, sites=tuple(sites))
            if not self._possible(tied, state):
                continue
            self.left -= 1
            short = AnyOf(state.stop, MaxRuntime(self.params.probe_seconds))
            quiet = replace(
                self.params, polish=True, probes=0, stale_loops=PROBE_STALE_LOOPS
            )
            assert state.best is not None
            # the search starts from the best plan with the site forced in;
            # the best plan without it, which a forced start would search
            # for again (most of a probe's time), is that best plan
            found = search(
                tied,
                short,
                params=quiet,
                seed=seed,
                start=state.best,
                forced_start=False,
            )
            if found.is_feasible() and found.tours:
                state.offer(self.data, _plan_of(self.data, found))
            break
        # the stall is measured again from here, so probes interleave with
        # the main search instead of taking the rest of its time at once
        state.improved_at = max(state.improved_at, time.perf_counter() - PROBE_IDLE_S)


def _plan_of(data: ProblemData, result: Result) -> Plan:
    """Return a result's tours as a plan (sites and nights)."""
    routes = [[v.site for v in tour.visits] for tour in result.tours]
    hotels = [tour.end_location for tour in result.tours[:-1]] if data.chained else []
    return Plan(routes=routes, hotels=hotels)


def _polish_stop(state: SearchState) -> Callable[[], bool]:
    """The polish's stop: a cancel, or its own time allowance (a tenth of
    the search so far, at least ``POLISH_MIN_S``) once the search is over."""
    began = time.perf_counter()
    allowance = max(POLISH_MIN_S, POLISH_SHARE * (began - state.started))

    def stop() -> bool:
        return is_cancel(state.stop) or time.perf_counter() - began > allowance

    return stop


def _shortest_nights(data: ProblemData, plan: Plan) -> Plan:
    """Return ``plan`` with its nights moved while that shortens the travel
    (same visits, same score): no drive out and back for a night elsewhere."""
    work = plan.copy()
    for _ in range(len(plan.hotels)):
        if not change_hotels(data, work):
            break
    return work if time_plan(data, work) is not None else plan


def _timed_start(data: ProblemData, start: Plan) -> Plan:
    """Return ``start`` with the optional visits of the tours it cannot time
    (and excluded sites) taken out, then repaired for the shared limits."""
    plan = start.copy()
    plan.routes = [[s for s in r if not data.sites[s].excluded] for r in plan.routes]
    for d, route in enumerate(plan.routes):
        if time_tour(data, plan, d) is None:
            route[:] = [s for s in route if data.sites[s].mandatory]
    return repair(data, plan)


def _one_route_turn(params: SolveParams, loop: int) -> bool:
    """Whether main-loop round ``loop`` runs the one-route (hotel-night) model."""
    every = params.one_route_every
    return every > 0 and loop % every == 0


def _one_route_segment(
    data: ProblemData,
    state: SearchState,
    params: SolveParams,
    eligible: list[int],
    seed: int,
    polish: bool,
) -> None:
    """One PyVRP segment on the whole instance, then our own neighbourhoods.

    ``polish`` runs the (slow) insert/replace local search; with a portfolio
    the fixed-hotel runs do that job better.
    """
    weights = prize_weights(data, state.best)
    seen = segment_sites(
        data,
        eligible,
        weights,
        state.best,
        params.segment_copies,
        seed + state.segments,
    )
    enc = hgs.encode(data, seen, weights, params.prize_scale)
    plan = hgs.run(
        enc,
        data,
        segment_stop(state, enc, params, weights),
        seed + state.segments,
        None if _fresh(params, state.segments) else state.best,
        params.penalty_scale,
    )
    state.offer(data, repair(data, plan) if plan is not None else None)
    if polish and params.local_search and state.best is not None:
        state.offer(data, improve(data, state.best, eligible, _hurry(state)))
    if params.local_search and data.chained and state.best is not None:
        state.offer(
            data, relocate_nights(data, state.best, eligible, state.should_stop)
        )
    state.segments += 1


def _clock(stop: StoppingCriterion) -> Callable[[], bool]:
    """A stop check that reads only clocks and cancels, never iterations (the
    skeletons run whole in an iteration-bounded search, as they always did)."""
    return lambda: clock_says_stop(stop)


def _hurry(state: SearchState) -> Callable[[], bool]:
    """A stop check for long loops that never counts as an iteration."""
    return lambda: state.stopped or clock_says_stop(state.stop)


def _fresh(params: SolveParams, segment: int) -> bool:
    """Whether this segment starts from scratch instead of the best plan."""
    every = params.fresh_every
    return every > 0 and segment % every == every - 1


def _default_hotels(data: ProblemData) -> list[int]:
    """A hotel per night for the empty plan: stay where the trip ends if allowed."""
    if not data.chained:
        return []
    end = data.tours[-1].end
    hotel = end if end in data.hotels else data.hotels[0]
    return [hotel] * (len(data.tours) - 1)


def _all_taken(plan: Plan, eligible: list[int]) -> bool:
    return plan.visited() >= set(eligible)


def _result(data: ProblemData, state: SearchState, eligible: list[int]) -> Result:
    runtime = time.perf_counter() - state.started
    best = state.best
    timed = time_plan(data, best) if best is not None else None
    status: Status = "feasible"
    if is_cancel(state.stop):
        status = "cancelled"
    elif best is None or timed is None:
        status = "infeasible"
    elif _all_taken(best, eligible):
        status = "optimal"
    if best is None or timed is None:
        return Result(
            tours=(),
            score=0,
            cost=0,
            travel=0,
            status=status,
            runtime=runtime,
            unvisited=unvisited_reasons(data, set()),
            segments=state.segments,
        )
    return Result(
        tours=tuple(timed),
        score=plan_score(data, best),
        cost=plan_cost(data, best),
        travel=plan_travel(data, best),
        status=status,
        runtime=runtime,
        unvisited=unvisited_reasons(data, best.visited()),
        segments=state.segments,
    )
