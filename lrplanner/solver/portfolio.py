"""Hotel-sequence portfolio for chained tours: runs with the hotels fixed.

See :mod:`lrplanner.solver.sequences` for how the sequences are ranked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lrplanner.solver import hgs
from lrplanner.solver.localsearch import repair
from lrplanner.solver.schedule import Plan, plan_score, time_plan
from lrplanner.solver.sequences import fixed_sequence, ranked_sequences
from lrplanner.solver.state import prize_weights, segment_stop

if TYPE_CHECKING:
    from lrplanner.solver.params import SolveParams
    from lrplanner.solver.problem import ProblemData
    from lrplanner.solver.state import SearchState


class Portfolio:
    """Hotel sequences of a chained instance, solved with the hotels fixed.

    ``start`` screens the most promising sequences with short runs and gives
    the best few a normal run; each ``step`` runs the best plan's sequence
    again (new seed, warm start) and screens a few more sequences from the
    ranked pool, continuing the best of them when it comes close.
    """

    def __init__(
        self,
        data: ProblemData,
        state: SearchState,
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
        return fixed_run(
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


def fixed_run(
    data: ProblemData,
    state: SearchState,
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
    weights = prize_weights(data, state.best)
    enc = hgs.encode(fixed, eligible, weights, params.prize_scale)
    stop = segment_stop(state, enc, params, weights)
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
