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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lrplanner.solver import hgs
from lrplanner.solver.localsearch import improve, repair
from lrplanner.solver.nights import relocate_nights
from lrplanner.solver.params import SolveParams
from lrplanner.solver.potential import value_start
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
from lrplanner.solver.skeleton import skeleton
from lrplanner.solver.stop import StoppingCriterion, is_cancel

if TYPE_CHECKING:
    from lrplanner.solver.problem import ProblemData


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

    def should_stop(self) -> bool:
        self.stopped = self.stopped or self.stop(self.best_score)
        return self.stopped

    def offer(self, data: ProblemData, plan: Plan | None) -> None:
        if plan is None or time_plan(data, plan) is None:
            return
        score = plan_score(data, plan)
        if self.best is None or score > self.best_score:
            self.best, self.best_score = plan, score
        self.report(self.best_score)

    def report(self, score: int) -> None:
        if self.sink is not None:
            elapsed = time.perf_counter() - self.started
            self.sink(
                SolveProgress(
                    best_score=score, elapsed=elapsed, iteration=self.segments
                )
            )


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
        Random seed; equal seeds and iteration-based stops give equal results.
    on_progress
        Receives :class:`SolveProgress` reports (throttled).

    Returns
    -------
    Result
        The best plan found, with status ``cancelled`` when a cancel token
        stopped the search.
    """
    params = params or SolveParams()
    sink = Throttle(on_progress, params.progress_interval) if on_progress else None
    state = _State(stop=stop, sink=sink)
    eligible = eligible_sites(data)
    empty = Plan(routes=[[] for _ in data.tours], hotels=_default_hotels(data))
    state.offer(data, empty)
    for weight in SKELETON_WEIGHTS:
        state.offer(data, skeleton(data, weight))
    state.offer(data, value_start(data, eligible, state.should_stop))
    while not state.should_stop():
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
        if params.local_search and state.best is not None:
            state.offer(
                data, improve(data, state.best, eligible, lambda: state.stopped)
            )
        if params.local_search and data.chained and state.best is not None:
            state.offer(
                data, relocate_nights(data, state.best, eligible, state.should_stop)
            )
        state.segments += 1
        if state.best is not None and _all_taken(state.best, eligible):
            break
    return _result(data, state, eligible)


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
        return (
            self.since > self.stall or self.iters > self.params.max_segment_iterations
        )


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
