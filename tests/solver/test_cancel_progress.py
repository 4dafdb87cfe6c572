"""Tests for cancel, progress reports and determinism of the solver."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lrplanner.solver.problem import ProblemData
from lrplanner.solver.solve import solve
from lrplanner.solver.stop import AnyOf, Cancelled, CancelToken, MaxIterations
from tests.solver.checker import assert_valid
from tests.solver.helpers import day, grid_travel, sites_at

if TYPE_CHECKING:
    from lrplanner.solver.progress import SolveProgress

DATA = ProblemData(
    travel=grid_travel([(0, 0), (2, 0), (0, 3), (-4, 0), (1, 1), (3, 3)]),
    sites=sites_at([1, 2, 3, 4, 5], [5, 6, 7, 2, 9]),
    tours=(day(t1=9), day(t1=9)),
)


def test_preset_cancel_returns_a_valid_cancelled_result():
    """Tests that a token cancelled before the solve gives status cancelled."""
    token = CancelToken()
    token.cancel()
    res = solve(DATA, AnyOf(MaxIterations(10_000), Cancelled(token)))
    assert res.status == "cancelled"
    assert_valid(DATA, res)
    assert res.segments == 0


def test_cancel_during_the_search_keeps_the_best_plan():
    """Tests that cancelling from the progress sink returns the best plan so far."""
    token = CancelToken()

    def sink(progress: SolveProgress) -> None:
        if progress.best_score > 0:
            token.cancel()

    res = solve(DATA, AnyOf(MaxIterations(100_000), Cancelled(token)), on_progress=sink)
    assert res.status == "cancelled"
    assert res.score > 0
    assert_valid(DATA, res)


def test_progress_reports_reach_the_sink():
    """Tests that a list sink receives non-decreasing scores up to the final one."""
    seen: list[SolveProgress] = []
    res = solve(DATA, MaxIterations(300), on_progress=seen.append)
    scores = [p.best_score for p in seen]
    assert scores
    assert scores == sorted(scores)
    assert scores[-1] == res.score


def test_same_seed_same_result():
    """Tests that two solves with the same seed and iteration limit agree."""
    first = solve(DATA, MaxIterations(500), seed=3)
    second = solve(DATA, MaxIterations(500), seed=3)
    assert first.tours == second.tours
