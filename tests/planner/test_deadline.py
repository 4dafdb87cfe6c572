"""Tests that one deadline and one cancel token bound every phase of planning.

No test reads the wall clock: the deadline runs on a fake clock that the
test moves, and cancels come from the progress callback.
"""

from __future__ import annotations

import dataclasses
import gc
from datetime import date
from typing import TYPE_CHECKING

import pytest

from lrplanner.core.errors import InfeasibleRequest, PlanningStopped
from lrplanner.core.validate import Violation, validate
from lrplanner.network.graph import TravelNetwork
from lrplanner.planner import plan as plan_module
from lrplanner.planner import report as report_module
from lrplanner.planner.build import build_model as real_build
from lrplanner.planner.plan import REPAIR_ROUNDS, plan_route
from lrplanner.planner.report import travel_check
from lrplanner.solver.params import SolveParams
from lrplanner.solver.problem import ProblemData, Site, TimeWindow
from lrplanner.solver.schedule import Plan
from lrplanner.solver.skeleton import skeleton
from lrplanner.solver.solve import solve as real_solve
from lrplanner.solver.stop import (
    AnyOf,
    Cancelled,
    CancelToken,
    Deadline,
    Limits,
    MaxIterations,
    clock_says_stop,
)
from lrplanner.solver.subset import segment_sites
from tests.planner.conftest import load_sample
from tests.solver.helpers import day, grid_travel

if TYPE_CHECKING:
    from lrplanner.core.project import Project
    from lrplanner.planner.plan import PlanOutcome
    from lrplanner.planner.progress import PlanProgress
    from lrplanner.solver.stop import StoppingCriterion


class FakeClock:
    """A clock that moves ``step`` seconds each time it is read."""

    def __init__(self, step: float = 0.0) -> None:
        self.now = 1000.0
        self.step = step
        self.reads = 0

    def __call__(self) -> float:
        self.reads += 1
        self.now += self.step
        return self.now


@pytest.fixture(scope="module")
def mekong() -> Project:
    """The Mekong sample project."""
    return load_sample("mekong")


def checked(project: Project, outcome: PlanOutcome) -> list[Violation]:
    """Return the independent check of an outcome's itinerary."""
    network = TravelNetwork.from_project(project)
    return validate(project, outcome.itinerary, travel_check(network))


def test_deadline_passed_at_the_start_gives_a_clear_refusal(
    mekong: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests that a deadline passed before planning starts stops at the first
    check, names the time limit and never starts the search."""
    monkeypatch.setattr(plan_module, "solve", _never)
    with pytest.raises(InfeasibleRequest, match="time limit ran out"):
        plan_route(mekong, seconds=0.0, clock=FakeClock())


def test_the_model_build_checks_the_deadline(
    mekong: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests that the travel matrix stops after the searches the deadline
    allows (each takes one fake second), not after all of them."""
    clock = FakeClock()
    searched: list[str] = []
    legs_from = TravelNetwork.legs_from

    def slow_legs_from(self: TravelNetwork, origin: str, *args, **kwargs):
        searched.append(origin)
        clock.now += 1.0
        return legs_from(self, origin, *args, **kwargs)

    monkeypatch.setattr(TravelNetwork, "legs_from", slow_legs_from)
    monkeypatch.setattr(plan_module, "solve", _never)
    with pytest.raises(InfeasibleRequest, match="still being prepared"):
        plan_route(mekong, seconds=3.5, clock=clock)
    assert len(searched) == 4
    assert len(mekong.sites) + len(mekong.places) > 4


def test_build_reports_progress_before_the_search(mekong: Project) -> None:
    """Tests that the build reports through the progress callback."""
    seen: list[PlanProgress] = []
    token = CancelToken()

    def sink(progress: PlanProgress) -> None:
        seen.append(progress)
        if progress.phase == "search":
            token.cancel()

    plan_route(mekong, seconds=60.0, cancel=token, on_progress=sink, clock=FakeClock())
    assert seen[0].phase == "build"
    assert any(p.phase == "search" for p in seen)


def test_the_model_is_kept_out_of_collections_while_it_is_searched(
    mekong: Project,
) -> None:
    """Tests that the objects of the build are frozen (out of the cycle
    collector's walks) while the search runs, and given back to it when
    planning ends: by a plan, and by a build stopped by a cancel."""
    frozen: list[int] = []
    token = CancelToken()

    def sink(progress: PlanProgress) -> None:
        if progress.phase == "search":
            frozen.append(gc.get_freeze_count())
            token.cancel()

    assert gc.get_freeze_count() == 0
    plan_route(mekong, seconds=60.0, cancel=token, on_progress=sink, clock=FakeClock())
    assert frozen
    assert min(frozen) > 10_000  # the network, matrix and model
    assert gc.get_freeze_count() == 0
    stopped = CancelToken()
    stopped.cancel()
    with pytest.raises(InfeasibleRequest):
        plan_route(mekong, seconds=60.0, cancel=stopped, clock=FakeClock())
    assert gc.get_freeze_count() == 0


def test_cancel_during_the_build_stops_at_the_next_check(mekong: Project) -> None:
    """Tests that a cancel from the first (build) report stops the build at
    its next check with a message that says so."""
    token = CancelToken()
    reports: list[str] = []

    def sink(progress: PlanProgress) -> None:
        reports.append(progress.phase)
        token.cancel()

    with pytest.raises(InfeasibleRequest, match="cancelled"):
        plan_route(
            mekong, seconds=60.0, cancel=token, on_progress=sink, clock=FakeClock()
        )
    assert reports == ["build"]


def test_search_gets_only_what_the_build_left(
    mekong: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests that a build that used up the time leaves the search a stop that
    is already true, and the call still returns a plan that passes."""
    clock = FakeClock()
    stops: list[bool] = []

    def slow_build(*args, **kwargs):
        model = real_build(*args, **kwargs)
        clock.now += 100.0
        return model

    def watched(data: ProblemData, stop: StoppingCriterion, **kwargs):
        stops.append(stop(0))
        return real_solve(data, stop, **kwargs)

    monkeypatch.setattr(plan_module, "build_model", slow_build)
    monkeypatch.setattr(plan_module, "solve", watched)
    outcome = plan_route(mekong, seconds=10.0, clock=clock)
    assert stops == [True]
    assert outcome.report.violations == ()
    assert checked(mekong, outcome) == []


def test_cancel_from_the_search_returns_a_checked_plan(mekong: Project) -> None:
    """Tests that a cancel from the first search report returns a plan whose
    own verdict is the independent check's verdict."""
    token = CancelToken()

    def sink(progress: PlanProgress) -> None:
        if progress.phase == "search" and progress.value > 0:
            token.cancel()

    outcome = plan_route(
        mekong, seconds=60.0, cancel=token, on_progress=sink, clock=FakeClock()
    )
    assert outcome.report.status == "cancelled"
    assert list(outcome.report.violations) == checked(mekong, outcome)


def test_a_cancel_before_any_plan_of_an_impossible_route_says_so(
    mekong: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests a cancel while the search has no plan yet (eight days cannot
    hold the sample's three required sites): planning stops with the
    cancel's message, not a crash in decoding a plan that is not there."""
    route = dataclasses.replace(mekong.route, end_date=date(2027, 3, 8))
    short = mekong.with_changes(route=route)
    token = CancelToken()

    def cancelled_at_once(data: ProblemData, stop: StoppingCriterion, **kwargs):
        token.cancel()
        return real_solve(data, stop, **kwargs)

    monkeypatch.setattr(plan_module, "solve", cancelled_at_once)
    with pytest.raises(PlanningStopped, match="cancelled before a first plan"):
        plan_route(short, seconds=60.0, cancel=token, clock=FakeClock())


def _fail_on(sites: set[object]):
    """A stand-in validator failing every day that visits one of ``sites``,
    whatever the search does."""

    def fake(project, itinerary, travel=None, **kwargs):
        return [
            Violation(rule="lunch", message="a visit over lunch", day=d.day.isoformat())
            for d in itinerary.days
            if any(e.site in sites for e in d.visits())
        ]

    return fake


def test_failing_plans_are_repaired_or_marked(
    mekong: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests that when every round's plan fails on the days of some sites,
    the rounds stop within REPAIR_ROUNDS + 1 searches and the visits of the
    failing days are taken out, giving a plan that passes."""
    clock = FakeClock(step=0.001)
    first = plan_route(mekong, seconds=5.0, clock=clock)
    visited = {e.site for d in first.itinerary.days for e in d.visits()}
    optional: set[object] = {s for s in visited if not _is_required(mekong, s)}
    calls: list[int] = []

    def counted(*args, **kwargs):
        calls.append(1)
        return real_solve(*args, **kwargs)

    monkeypatch.setattr(report_module, "validate", _fail_on(optional))
    monkeypatch.setattr(plan_module, "solve", counted)
    outcome = plan_route(mekong, seconds=5.0, clock=FakeClock(step=0.001))
    assert len(calls) <= REPAIR_ROUNDS + 1
    assert outcome.report.violations == ()
    assert outcome.itinerary.days


def test_a_plan_that_cannot_be_repaired_is_marked_failing(
    mekong: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests that a plan failing a rule no repair can fix is returned with
    its violations, so it is never taken for a good plan."""
    always = Violation(rule="budget", message="over the cap")
    monkeypatch.setattr(report_module, "validate", lambda *a, **k: [always])
    outcome = plan_route(mekong, seconds=5.0, clock=FakeClock(step=0.001))
    assert outcome.report.violations == (always,)


def _is_required(project: Project, site: object) -> bool:
    return any(s.id == site and s.required for s in project.sites) or any(
        lk.site == site for lk in project.locks
    )


def _never(*args: object, **kwargs: object) -> None:
    raise AssertionError("the search must not start")


def test_deadline_is_a_clock_stop() -> None:
    """Tests that a deadline stops once its clock reaches it, and reports
    what is left."""
    clock = FakeClock()
    deadline = Deadline(5.0, clock=clock)
    assert not deadline(0)
    assert deadline.remaining() == pytest.approx(5.0)
    clock.now += 5.0
    assert deadline(0)
    assert deadline.remaining() == 0.0


def test_limits_stop_on_cancel_or_cut_off() -> None:
    """Tests that the search's stop answers a cancel and an earlier cut-off."""
    clock = FakeClock()
    token = CancelToken()
    limits = Limits(Deadline(10.0, clock=clock), token)
    stop = limits.until(clock.now + 2.0)
    assert not stop(0)
    clock.now += 2.0
    assert stop(0)
    assert not limits.reached()
    token.cancel()
    assert limits.reached()


def test_clock_check_never_counts_iterations() -> None:
    """Tests that clock_says_stop leaves an iteration budget untouched."""
    token = CancelToken()
    iterations = MaxIterations(1)
    stop = AnyOf(iterations, Cancelled(token))
    assert not any(clock_says_stop(stop) for _ in range(5))
    assert not stop(0)
    token.cancel()
    assert clock_says_stop(stop)


CHAINED = ProblemData(
    travel=grid_travel([(0, 0), (1, 0), (2, 0), (0, 2), (2, 2)]),
    sites=tuple(
        Site(
            location=loc,
            score=10 * loc,
            service=1,
            windows=tuple(TimeWindow(open=o, close=o + 3, tour=None) for o in (0, 5)),
        )
        for loc in (2, 3, 4)
    ),
    tours=(day(t1=40), day(t1=40)),
)


def test_segment_sites_keep_the_best_plan_within_the_cap() -> None:
    """Tests that a capped segment keeps the best plan's sites and stays
    within the client cap; no cap keeps every site."""
    eligible = [0, 1, 2]
    weights = [10, 20, 30]
    best = Plan(routes=[[0], []], hotels=[])
    assert segment_sites(CHAINED, eligible, weights, best, 0, 0) == eligible
    kept = segment_sites(CHAINED, eligible, weights, best, 4, 0)
    assert 0 in kept
    assert len(kept) == 2


def test_value_skeleton_gives_up_when_asked(mekong: Project) -> None:
    """Tests that a value-seeking skeleton asked to stop returns None at once,
    while the cheapest one needs no stop."""
    model = real_build(mekong, TravelNetwork.from_project(mekong))
    assert skeleton(model.data, 100.0, lambda: True) is None
    assert skeleton(model.data, 0.0) is not None


def test_segment_cap_is_a_parameter() -> None:
    """Tests that the segment cap is validated like the other parameters."""
    with pytest.raises(ValueError, match="segment_copies"):
        SolveParams(segment_copies=-1)
