"""The solver entry point: ``solve(data, stop, ...) -> Result``.

The search runs in *segments*. Each segment is one PyVRP iterated local
search (a new seed, warm-started from the best plan so far) that ends when it
stops improving; then our own neighbourhoods (repair, hotel change, insert,
replace) polish the plan on the true objective. Segments repeat until the
stopping criterion fires. With coverage groups the PyVRP prizes are
re-linearised around the best plan before each segment.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from lrplanner.solver import hgs
from lrplanner.solver.localsearch import improve, repair
from lrplanner.solver.nights import relocate_nights
from lrplanner.solver.parallel import Team
from lrplanner.solver.params import SolveParams
from lrplanner.solver.potential import value_start
from lrplanner.solver.problem import ProblemData
from lrplanner.solver.progress import ProgressSink, SolveProgress, Throttle
from lrplanner.solver.reasons import eligible_sites, unvisited_reasons
from lrplanner.solver.result import Result, Status
from lrplanner.solver.schedule import (
    Plan,
    plan_cost,
    plan_score,
    plan_travel,
    time_plan,
)
from lrplanner.solver.sequences import fixed_sequence, ranked_sequences
from lrplanner.solver.skeleton import skeleton
from lrplanner.solver.stop import StoppingCriterion, is_cancel


@dataclass(slots=True)
class _State:
    """Mutable bookkeeping of one solve."""

    stop: StoppingCriterion
    sink: ProgressSink | None
    started: float = field(default_factory=time.perf_counter)
    best: Plan | None = None
    best_score: int = 0
    stopped: bool = False
    segments: int = 0
    on_best: BestSink | None = None
    team: Team | None = None
    data: ProblemData | None = None

    def should_stop(self) -> bool:
        if self.team is not None and self.data is not None:
            for _, plan in self.team.poll():
                self.offer(self.data, plan)
        self.stopped = self.stopped or self.stop(self.best_score)
        return self.stopped

    def offer(self, data: ProblemData, plan: Plan | None) -> None:
        if plan is None or time_plan(data, plan) is None:
            return
        score = plan_score(data, plan)
        if self.best is None or score > self.best_score:
            self.best, self.best_score = plan, score
            if self.on_best is not None:
                self.on_best(score, plan)
        self.report(self.best_score)

    def report(self, score: int) -> None:
        if self.sink is not None:
            elapsed = time.perf_counter() - self.started
            self.sink(
                SolveProgress(
                    best_score=score, elapsed=elapsed, iteration=self.segments
                )
            )


BestSink = Callable[[int, Plan], None]
"""Receives (score, plan) each time the best plan of a search improves."""

#: Skeleton starts for chained tours: cheapest, then value-seeking ones.
SKELETON_WEIGHTS = (0.0, 100.0, 1000.0)


def solve(
    data: ProblemData,
    stop: StoppingCriterion,
    *,
    params: SolveParams | None = None,
    seed: int = 0,
    on_progress: ProgressSink | None = None,
) -> Result:
    """Find tours that maximise the total score.

    Parameters
    ----------
    data
        The instance.
    stop
        Asked with the best score so far whether to stop; also checked before
        the first segment, so a pre-set cancel returns at once.
    params
        Tuning; defaults to ``SolveParams()``.
    seed
        Random seed; equal seeds and iteration-based stops give equal results
        when ``params.workers`` is 1 (with helpers, when a helper's plan
        arrives depends on timing).
    on_progress
        Receives :class:`SolveProgress` reports (throttled).

    Returns
    -------
    Result
        The best plan found, with status ``cancelled`` when a cancel token
        stopped the search.
    """
    params = params or SolveParams()
    helpers = params.workers - 1
    if helpers <= 0:
        return search(data, stop, params=params, seed=seed, on_progress=on_progress)
    with Team(data, params, seed, helpers) as team:
        return search(
            data, stop, params=params, seed=seed, on_progress=on_progress, team=team
        )


def search(
    data: ProblemData,
    stop: StoppingCriterion,
    *,
    params: SolveParams,
    seed: int,
    on_progress: ProgressSink | None = None,
    on_best: BestSink | None = None,
    team: Team | None = None,
) -> Result:
    """The search of one process: :func:`solve` without starting helpers.

    ``on_best`` hears every improvement of the best plan (a helper sends
    them to the main search); plans from ``team`` are adopted when better,
    and its last plans are collected before the result is built.
    """
    sink = Throttle(on_progress, params.progress_interval) if on_progress else None
    state = _State(stop=stop, sink=sink, on_best=on_best, team=team, data=data)
    eligible = eligible_sites(data)
    empty = Plan(routes=[[] for _ in data.tours], hotels=_default_hotels(data))
    state.offer(data, empty)
    folio = _Portfolio(data, state, params, eligible, seed)
    # the portfolio supersedes the (slow) value-seeking starts, unless sites
    # are required or fixed to a tour: then they are the reliable way to a
    # feasible plan
    tied = any(s.mandatory or s.fixed_tour is not None for s in data.sites)
    value_starts = tied or not folio.active
    for weight in SKELETON_WEIGHTS if value_starts else SKELETON_WEIGHTS[:1]:
        state.offer(data, skeleton(data, weight))
    if value_starts:
        state.offer(data, value_start(data, eligible, state.should_stop))
    folio.start()
    loop = 0
    while not state.should_stop():
        if folio.active and not _one_route_turn(params, loop):
            folio.step()
        else:
            polish = not folio.active
            _one_route_segment(data, state, params, eligible, seed, polish)
            if folio.active and state.best is not None:
                folio.intensify()
        loop += 1
        if state.best is not None and _all_taken(state.best, eligible):
            break
    if team is not None:
        for _, plan in team.finish():
            state.offer(data, plan)
    return _result(data, state, eligible)


def _one_route_turn(params: SolveParams, loop: int) -> bool:
    """Whether main-loop round ``loop`` runs the one-route (hotel-night) model."""
    every = params.one_route_every
    return every > 0 and loop % every == 0


def _one_route_segment(
    data: ProblemData,
    state: _State,
    params: SolveParams,
    eligible: list[int],
    seed: int,
    polish: bool,
) -> None:
    """One PyVRP segment on the whole instance, then our own neighbourhoods.

    ``polish`` runs the (slow) insert/replace local search; with a portfolio
    the fixed-hotel runs do that job better.
    """
    weights = _weights(data, state.best)
    enc = hgs.encode(data, eligible, weights, params.prize_scale)
    plan = hgs.run(
        enc,
        data,
        _segment_stop(state, enc, params, weights),
        seed + state.segments,
        None if _fresh(params, state.segments) else state.best,
        params.penalty_scale,
    )
    state.offer(data, repair(data, plan) if plan is not None else None)
    if polish and params.local_search and state.best is not None:
        state.offer(data, improve(data, state.best, eligible, lambda: state.stopped))
    if params.local_search and data.chained and state.best is not None:
        state.offer(
            data, relocate_nights(data, state.best, eligible, state.should_stop)
        )
    state.segments += 1


class _Portfolio:
    """Hotel sequences of a chained instance, solved with the hotels fixed.

    ``start`` screens the most promising sequences with short runs and gives
    the best few a normal run; each ``step`` runs the best plan's sequence
    again (new seed, warm start) and screens a few more sequences from the
    ranked pool, continuing the best of them when it comes close.
    """

    def __init__(
        self,
        data: ProblemData,
        state: _State,
        params: SolveParams,
        eligible: list[int],
        seed: int,
    ) -> None:
        self.data, self.state, self.params = data, state, params
        self.eligible, self.seed = eligible, seed
        self.active = data.chained and params.portfolio > 0 and len(data.tours) > 1
        self.queue: list[Plan] = []
        if self.active:
            ranked = ranked_sequences(
                data, eligible, state.should_stop, params.portfolio_pool
            )
            self.queue = [p for _, p in ranked]
        self.active = self.active and bool(self.queue)

    def _run(self, start: Plan, stall: int | None) -> Plan | None:
        return _fixed_run(
            self.data, self.state, self.params, self.eligible, start, self.seed, stall
        )

    def _screen(self, count: int) -> list[Plan]:
        """Short runs on the next ``count`` sequences; results best first."""
        found: list[tuple[int, int, Plan]] = []
        while self.queue and count > 0 and not self.state.should_stop():
            start = self.queue.pop(0)
            count -= 1
            plan = self._run(start, self.params.portfolio_iterations)
            if plan is not None:
                found.append((plan_score(self.data, plan), -len(found), plan))
        found.sort(key=lambda t: (t[0], t[1]), reverse=True)
        return [p for _, _, p in found]

    def start(self) -> None:
        if not self.active:
            return
        keep = self.params.portfolio_keep_iterations or None
        for plan in self._screen(self.params.portfolio)[: self.params.portfolio_keep]:
            if self.state.should_stop():
                return
            self._run(plan, keep)

    def intensify(self) -> None:
        if self.state.best is not None and not self.state.should_stop():
            self._run(self.state.best, None)

    def step(self) -> None:
        self.intensify()
        screened = self._screen(self.params.portfolio_step)
        if screened and not self.state.should_stop():
            score = plan_score(self.data, screened[0])
            margin = 1 - self.params.portfolio_margin / 100
            if score >= self.state.best_score * margin:
                self._run(screened[0], None)


def _fixed_run(
    data: ProblemData,
    state: _State,
    params: SolveParams,
    eligible: list[int],
    start: Plan,
    seed: int,
    stall: int | None,
) -> Plan | None:
    """One PyVRP run with ``start``'s hotels fixed; the result is offered.

    ``stall`` (iterations without improvement; at most three times as many
    in all) shortens the run; None keeps the normal segment length.
    """
    fixed = fixed_sequence(data, start.hotels)
    weights = _weights(data, state.best)
    enc = hgs.encode(fixed, eligible, weights, params.prize_scale)
    stop = _segment_stop(state, enc, params, weights)
    if stall is not None:
        stop.stall = min(stop.stall, stall)
        stop.cap = 3 * stop.stall
    init = start if time_plan(fixed, start) is not None else None
    plan = hgs.run(enc, fixed, stop, seed + state.segments, init, params.penalty_scale)
    state.segments += 1
    if plan is None:
        return None
    plan.hotels = list(start.hotels)
    plan = repair(data, plan)
    if time_plan(data, plan) is None:
        return None
    # no Python local search here: PyVRP's answer on the fixed hotels is
    # already locally optimal, and the polish is slow on long tours
    state.offer(data, plan)
    return plan


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


def _weights(data: ProblemData, best: Plan | None) -> list[int]:
    """Per-site prize: score plus the marginal coverage bonus around ``best``."""
    counts: Counter[int] = Counter()
    visited = best.visited() if best is not None else set()
    for s in visited:
        counts.update(data.sites[s].groups)
    weights = []
    for s, site in enumerate(data.sites):
        bonus = 0
        for g in site.groups:
            k = counts[g] - (1 if s in visited else 0)
            inc = data.groups[g].increments
            bonus += inc[k] if k < len(inc) else 0
        weights.append(site.score + bonus)
    return weights


def _segment_stop(
    state: _State, enc: hgs.Encoding, params: SolveParams, weights: list[int]
) -> _SegmentStop:
    total = sum(weights[c.site] for c in enc.copies if c.site >= 0)
    # Small instances stall fast; end their segments early so the prizes are
    # re-linearised and the search restarts more often.
    stall = min(params.segment_iterations, max(200, 40 * len(enc.copies)))
    stop = _SegmentStop(state, params, total * enc.prize_factor, enc.prize_factor)
    stop.stall = stall
    return stop


class _SegmentStop:
    """PyVRP stopping criterion: the user's stop, or a stalled segment."""

    def __init__(self, state: _State, params: SolveParams, total: int, factor: int):
        self.state, self.params = state, params
        self.total, self.factor = total, factor
        self.iters = self.since = 0
        self.stall = params.segment_iterations
        self.cap = params.max_segment_iterations
        self.best_cost: float = float("inf")

    def __call__(self, best_cost: float) -> bool:
        self.iters += 1
        self.since += 1
        if best_cost < self.best_cost:
            self.best_cost, self.since = best_cost, 0
            if best_cost < float("inf"):
                estimate = int((self.total - best_cost) // self.factor)
                self.state.report(max(self.state.best_score, estimate))
        if self.state.should_stop():
            return True
        return self.since > self.stall or self.iters > self.cap


def _all_taken(plan: Plan, eligible: list[int]) -> bool:
    return plan.visited() >= set(eligible)


def _result(data: ProblemData, state: _State, eligible: list[int]) -> Result:
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
