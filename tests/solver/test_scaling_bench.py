"""Tests of the scaling benchmark's instance generator and its plan check."""

from __future__ import annotations

from dataclasses import replace

from bench.scaling import check, generated
from lrplanner.solver.result import Visit
from lrplanner.solver.solve import solve
from lrplanner.solver.stop import MaxIterations


def test_generated_instances_have_the_announced_shape() -> None:
    """Tests n sites, one tour per 50 nodes and one window per site."""
    data = generated(100)
    assert len(data.sites) == 100
    assert len(data.tours) == 2
    assert all(len(s.windows) == 1 for s in data.sites)
    assert generated(100).travel == data.travel  # same seed, same instance


def test_check_accepts_a_solver_plan_and_catches_a_moved_visit() -> None:
    """Tests that a real plan passes and one visit moved before its window fails."""
    data = generated(20)
    res = solve(data, MaxIterations(300))
    assert res.score > 0
    assert check(data, res) == []
    tour = res.tours[0]
    first = tour.visits[0]
    early = data.sites[first.site].windows[0].open - 1
    bad_tour = replace(
        tour, visits=(Visit(site=first.site, start=early), *tour.visits[1:])
    )
    bad = replace(res, tours=(bad_tour, *res.tours[1:]))
    assert any("starts at" in p for p in check(data, bad))
