"""Tests of the helper processes (parallel.py): results, migration, cancel, clean-up.

Helpers are real spawned processes here; every test also checks that none
is left running afterwards.
"""

from __future__ import annotations

import multiprocessing
import random
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from lrplanner.solver.parallel import Team
from lrplanner.solver.params import SolveParams
from lrplanner.solver.problem import ProblemData
from lrplanner.solver.search import search
from lrplanner.solver.solve import solve
from lrplanner.solver.stop import AnyOf, Cancelled, CancelToken, MaxIterations
from tests.solver.brute import optimum
from tests.solver.checker import assert_valid
from tests.solver.helpers import day, grid_travel, sites_at

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lrplanner.solver.progress import SolveProgress

pytestmark = pytest.mark.timeout(180)

TWO = SolveParams(workers=2)


def _scattered(n: int = 40, seed: int = 7) -> ProblemData:
    """``n`` sites on a grid, two short days: far from all of them fit."""
    rng = random.Random(seed)
    points = [(0, 0)] + [(rng.randint(-20, 20), rng.randint(-20, 20)) for _ in range(n)]
    scores = [rng.randint(1, 9) for _ in range(n)]
    return ProblemData(
        travel=grid_travel(points),
        sites=sites_at(list(range(1, n + 1)), scores),
        tours=(day(t1=60), day(t1=60)),
    )


SMALL = ProblemData(
    travel=grid_travel([(0, 0), (2, 0), (0, 3), (-4, 0), (1, 1), (3, 3), (-2, -2)]),
    sites=sites_at([1, 2, 3, 4, 5, 6], [5, 6, 7, 2, 9, 4]),
    tours=(day(t1=8), day(t1=7)),
)


@pytest.fixture(autouse=True)
def _no_helper_left() -> Iterator[None]:
    yield
    assert multiprocessing.active_children() == []


def test_two_workers_reach_the_brute_force_optimum() -> None:
    """Tests that a solve with a helper returns a valid plan worth the optimum."""
    res = solve(SMALL, MaxIterations(3000), params=TWO, seed=1)
    assert_valid(SMALL, res)
    assert res.score == optimum(SMALL)


def test_a_helper_plan_is_adopted_by_the_main_search() -> None:
    """Tests that the main search takes over a plan its helper found.

    The main search here stops as soon as a helper plan arrived, before its
    own search could match it, so the result's score can only come from
    adopting that plan (which the checker then validates).
    """
    data = _scattered()
    deadline = time.perf_counter() + 120
    with Team(data, SolveParams(), seed=0, helpers=1) as team:
        res = search(
            data,
            lambda best: team.plans_received > 0 or time.perf_counter() > deadline,
            params=SolveParams(),
            seed=0,
            team=team,
        )
    assert team.plans_received > 0
    assert res.score >= team.best_received > 0
    assert_valid(data, res)


def test_cancel_with_helpers_keeps_the_best_plan() -> None:
    """Tests that a cancel stops the main search and its helpers."""
    token = CancelToken()

    def sink(progress: SolveProgress) -> None:
        if progress.best_score > 0:
            token.cancel()

    data = _scattered()
    stop = AnyOf(MaxIterations(10**9), Cancelled(token))
    res = solve(data, stop, params=TWO, on_progress=sink)
    assert res.status == "cancelled"
    assert res.score > 0
    assert_valid(data, res)


def test_a_helper_that_dies_does_not_hold_up_the_result() -> None:
    """Tests that the main search gives its own result when its helper died.

    The helper is killed while it is still starting (it cannot have sent a
    plan yet: spawning and importing the solver takes far longer).
    """
    data = _scattered()
    with Team(data, SolveParams(), seed=0, helpers=1) as team:
        for proc in multiprocessing.active_children():
            proc.kill()
            proc.join()
        res = search(data, MaxIterations(200), params=SolveParams(), seed=0, team=team)
    assert team.plans_received == 0
    assert res.score > 0
    assert_valid(data, res)


def test_a_failing_helper_is_reported_and_the_main_result_stands() -> None:
    """Tests that a helper's exception reaches the main process as text."""
    with Team(None, SolveParams(), seed=0, helpers=1) as team:  # type: ignore[arg-type]
        deadline = time.perf_counter() + 120
        while not team.errors and time.perf_counter() < deadline:
            team.poll(force=True)
            time.sleep(0.01)
    assert len(team.errors) == 1
    assert "Traceback" in team.errors[0]


def test_workers_must_be_positive() -> None:
    """Tests that workers=0 is refused."""
    with pytest.raises(ValueError, match="workers"):
        SolveParams(workers=0)


def test_a_helper_the_system_refuses_leaves_the_main_search_alone(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Tests that an OSError starting a helper is logged and the solve goes on."""

    def refuse(self: object) -> None:
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing.get_context("spawn").Process, "start", refuse)
    res = solve(SMALL, MaxIterations(500), params=TWO)
    assert_valid(SMALL, res)
    assert res.score == optimum(SMALL)
    assert "not started" in caplog.text


HELPER_DIES_AT_START = """
import os
import sys

if __name__ != "__main__":  # a spawned helper re-runs this file as it starts
    os._exit(3)

sys.path.insert(0, {root!r})
from lrplanner.solver.params import SolveParams
from lrplanner.solver.solve import solve
from lrplanner.solver.stop import MaxIterations
from tests.solver.test_parallel import _scattered

data = _scattered(400)
result = solve(data, MaxIterations(50), params=SolveParams(workers=2), seed=0)
print("score", result.score)
"""


def test_a_helper_that_dies_while_starting_does_not_block_the_search(
    tmp_path: Path,
) -> None:
    """Tests the main search when its helper dies before it reads its work
    (here the script it re-runs while starting exits; a bundle missing a
    module would too). The instance (over 64 KB pickled, more than a pipe
    holds) was written to the new process while it started, and that write
    blocked the main process for ever; the main search now ends on its own."""
    import pickle
    import subprocess
    import sys

    assert len(pickle.dumps(_scattered(400))) > 65536
    script = tmp_path / "run.py"
    root = str(Path(__file__).resolve().parents[2])
    script.write_text(HELPER_DIES_AT_START.format(root=root), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("score ")
    assert int(done.stdout.split()[1]) > 0
