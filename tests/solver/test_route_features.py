"""Tests for the engine features the Learning Route planner relies on.

Arcs closed on some tours (a flight that does not run that day), travel that
counts against a tour's limit apart from waiting allowances, and the chained
starts (cheapest skeleton, value-seeking hotel sequence) on the sample routes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.lr_export import load
from lrplanner.solver.problem import ProblemData, Site, TimeWindow, Tour
from lrplanner.solver.schedule import Plan
from lrplanner.solver.skeleton import skeleton
from lrplanner.solver.solve import solve
from lrplanner.solver.stop import Cancelled, CancelToken, MaxIterations
from tests.solver.checker import assert_valid
from tests.solver.helpers import day, grid_travel, solved

LINE = grid_travel([(0, 0), (5, 0)])
LR = Path(__file__).resolve().parents[2] / "bench" / "lr"


def test_a_closed_arc_moves_the_visit_to_another_tour() -> None:
    """Tests that a site whose only arc is closed in tour 0 is served in tour 1."""
    site = Site(location=1, score=10, service=1)
    data = ProblemData(
        travel=LINE,
        sites=(site,),
        tours=(day(t1=40), day(t1=40)),
        closed_arcs=frozenset({(0, 0, 1)}),
    )
    res = solved(data)
    assert res.score == 10
    assert [len(t.visits) for t in res.tours] == [0, 1]


def test_closed_arcs_on_every_tour_leave_the_site_out() -> None:
    """Tests that a site reachable only through closed arcs is not visited."""
    site = Site(location=1, score=10, service=1)
    data = ProblemData(
        travel=LINE,
        sites=(site,),
        tours=(day(t1=40),),
        closed_arcs=frozenset({(0, 0, 1)}),
    )
    assert solved(data).score == 0


@pytest.mark.parametrize(("counted", "score"), [(None, 0), (1, 10)])
def test_travel_limit_counts_the_counted_matrix(
    counted: int | None, score: int
) -> None:
    """Tests that max_travel reads ``counted`` when given (waiting excluded)."""
    travel = ((0, 5), (5, 0))
    matrix = None if counted is None else ((0, counted), (counted, 0))
    site = Site(location=1, score=10, service=1)
    tour = Tour(start=0, end=0, latest_end=40, max_travel=4)
    data = ProblemData(travel=travel, sites=(site,), tours=(tour,), counted=matrix)
    assert solved(data).score == score


@pytest.mark.parametrize("name", ["mekong", "south_asia"])
def test_sample_routes_solve_validly(name: str) -> None:
    """Tests that the sample routes' engine problems give checked plans with
    every mandatory site."""
    data = load(LR / f"{name}.json")
    res = solve(data, MaxIterations(2), seed=0)
    assert res.is_feasible()
    assert_valid(data, res)
    visited = {v.site for t in res.tours for v in t.visits}
    mandatory = {i for i, s in enumerate(data.sites) if s.mandatory}
    assert mandatory <= visited
    assert len(visited) > len(mandatory)  # optional value on top of the musts


def test_the_skeleton_tries_other_orders_of_a_tours_fixed_sites() -> None:
    """Tests two sites locked to one day whose earliest-window-first order
    does not fit (the wide one first makes the narrow one late) but the
    other order does: the skeleton finds it."""
    hotel_a_b = grid_travel([(0, 0), (5, 0), (10, 0)])
    wide = Site(
        location=1, score=5, service=20, mandatory=True, fixed_tour=0,
        windows=(TimeWindow(open=0, close=100),),
    )  # fmt: skip
    narrow = Site(
        location=2, score=5, service=5, mandatory=True, fixed_tour=0,
        windows=(TimeWindow(open=5, close=10),),
    )  # fmt: skip
    data = ProblemData(
        travel=hotel_a_b,
        sites=(wide, narrow),
        tours=(day(t1=100), day(t0=200, t1=300)),
        chained=True,
        hotels=(0,),
    )
    plan = skeleton(data)
    assert plan is not None
    assert plan.routes[0] == [1, 0]


def test_a_start_plan_is_the_floor_of_the_answer() -> None:
    """Tests a search cancelled at once returns the start plan it was given,
    less a visit to an excluded site and the visits of a tour it cannot time."""
    travel = grid_travel([(0, 0), (5, 0), (10, 0), (50, 0)])
    sites = (
        Site(location=1, score=5, service=5),
        Site(location=2, score=5, service=5, excluded=True),
        Site(location=3, score=5, service=5),
    )
    data = ProblemData(
        travel=travel,
        sites=sites,
        tours=(day(t1=100), day(t0=200, t1=240)),
        chained=True,
        hotels=(0,),
    )
    token = CancelToken()
    token.cancel()
    start = Plan(routes=[[0, 1], [2]], hotels=[0])
    res = solve(data, Cancelled(token), start=start)
    assert [[v.site for v in t.visits] for t in res.tours] == [[0], []]
    assert solve(data, Cancelled(token)).score == 0
