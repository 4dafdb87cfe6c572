"""The bookkeeping of one search and the stop of its PyVRP segments."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from lrplanner.solver.problem import ProblemData
from lrplanner.solver.progress import ProgressSink, SolveProgress
from lrplanner.solver.schedule import Plan, plan_score, time_plan
from lrplanner.solver.stop import StoppingCriterion

if TYPE_CHECKING:
    from lrplanner.solver import hgs
    from lrplanner.solver.params import SolveParams

BestSink = Callable[[int, Plan], None]
"""Receives (score, plan) each time the best plan of a search improves."""


class Helpers(Protocol):
    """What a search needs of the processes searching beside it.

    :class:`lrplanner.solver.parallel.Team` is one; the search knows only
    this, so the helpers can run the search without a cycle of imports.
    """

    def poll(self, *, force: bool = False) -> list[tuple[int, Plan]]:
        """Return the (score, plan) pairs sent since the last call."""
        ...

    def finish(self) -> list[tuple[int, Plan]]:
        """Stop the helpers and return the plans they sent last."""
        ...


@dataclass(slots=True)
class SearchState:
    """Mutable bookkeeping of one solve."""

    stop: StoppingCriterion
    sink: ProgressSink | None
    started: float = field(default_factory=time.perf_counter)
    best: Plan | None = None
    best_score: int = 0
    stopped: bool = False
    segments: int = 0
    improved_at: float = field(default_factory=time.perf_counter)
    on_best: BestSink | None = None
    team: Helpers | None = None
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
            self.improved_at = time.perf_counter()
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


def prize_weights(data: ProblemData, best: Plan | None) -> list[int]:
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


def segment_stop(
    state: SearchState, enc: hgs.Encoding, params: SolveParams, weights: list[int]
) -> SegmentStop:
    total = sum(weights[c.site] for c in enc.copies if c.site >= 0)
    # Small instances stall fast; end their segments early so the prizes are
    # re-linearised and the search restarts more often.
    stall = min(params.segment_iterations, max(200, 40 * len(enc.copies)))
    stop = SegmentStop(state, params, total * enc.prize_factor, enc.prize_factor)
    stop.stall = stall
    return stop


class SegmentStop:
    """PyVRP stopping criterion: the user's stop, or a stalled segment."""

    def __init__(
        self, state: SearchState, params: SolveParams, total: int, factor: int
    ):
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
