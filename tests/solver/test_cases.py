"""Tests that the solver reaches the stated optimum of hand-made instances."""

from __future__ import annotations

from lrplanner.solver.problem import CoverageGroup, ProblemData, Site, TimeWindow, Tour
from lrplanner.solver.result import Unvisited
from tests.solver.helpers import day, grid_travel, sites_at, solved

CROSS = grid_travel([(0, 0), (2, 0), (0, 3), (-4, 0)])


def test_independent_tours_pick_best_sites():
    """Tests that two tours of length 8 collect the 7 and the 6 (optimum 13)."""
    data = ProblemData(
        travel=CROSS, sites=sites_at([1, 2, 3], [5, 6, 7]), tours=(day(t1=8), day(t1=8))
    )
    res = solved(data)
    assert res.score == 13
    assert res.status == "feasible"
    assert res.unvisited == {0: Unvisited.NOT_SELECTED}


def test_all_sites_taken_is_reported_optimal():
    """Tests that three tours visit all sites and the status says optimal."""
    data = ProblemData(
        travel=CROSS, sites=sites_at([1, 2, 3], [5, 6, 7]), tours=(day(t1=8),) * 3
    )
    res = solved(data)
    assert (res.score, res.status) == (18, "optimal")


def test_multiple_windows_use_the_reachable_one():
    """Tests that a site whose first window is missed is served in its second."""
    wins = (TimeWindow(open=1, close=3), TimeWindow(open=20, close=25))
    site = Site(location=1, score=10, service=2, windows=wins)
    data = ProblemData(
        travel=grid_travel([(0, 0), (5, 0)]), sites=(site,), tours=(day(t1=40),)
    )
    res = solved(data)
    assert res.score == 10
    assert res.tours[0].visits[0].start == 20


def test_unreachable_and_over_budget_reasons():
    """Tests the reasons given for a site with no reachable window and a dear one."""
    sites = (
        Site(location=1, score=10, windows=(TimeWindow(open=1, close=3),)),
        Site(location=1, score=10, cost=50),
    )
    data = ProblemData(
        travel=grid_travel([(0, 0), (5, 0)]),
        sites=sites,
        tours=(day(t1=40),),
        budget=20,
    )
    res = solved(data)
    assert res.unvisited == {0: Unvisited.UNREACHABLE, 1: Unvisited.OVER_BUDGET}


def test_chained_days_choose_the_right_hotel():
    """Tests that day 1 ends at the hotel next to the valuable site (score 10)."""
    travel = grid_travel([(0, 0), (10, 0), (5, 5), (5, -5), (5, 6), (5, -6)])
    data = ProblemData(
        travel=travel,
        sites=sites_at([4, 5], [10, 3]),
        tours=(
            Tour(start=0, end=2, latest_end=12),
            Tour(start=2, end=1, earliest_start=100, latest_end=112),
        ),
        chained=True,
        hotels=(2, 3),
    )
    res = solved(data)
    assert res.score == 10
    assert res.tours[0].end_location == 2
    assert res.tours[1].start_location == 2


def test_budget_cap_on_site_costs():
    """Tests that a budget of 10 picks scores 5 + 3 (costs 6 + 4), optimum 8."""
    sites = tuple(
        Site(location=i + 1, score=sc, cost=c)
        for i, (sc, c) in enumerate([(5, 6), (4, 5), (3, 4)])
    )
    travel = grid_travel([(0, 0), (1, 0), (0, 1), (-1, 0)])
    data = ProblemData(travel=travel, sites=sites, tours=(day(),), budget=10)
    res = solved(data)
    assert res.score == 8
    assert res.cost == 10


def test_budget_counts_arc_and_tour_costs():
    """Tests that site, arc and fixed tour costs together respect the cap (16)."""
    sites = tuple(
        Site(location=i + 1, score=sc, cost=c)
        for i, (sc, c) in enumerate([(5, 6), (4, 5), (3, 4)])
    )
    travel = grid_travel([(0, 0), (1, 0), (0, 1), (-1, 0)])
    tour = Tour(start=0, end=0, latest_end=100, fixed_cost=2)
    data = ProblemData(
        travel=travel, sites=sites, tours=(tour,), budget=16, arc_costs=travel
    )
    res = solved(data)
    assert (res.score, res.cost) == (8, 16)


def test_mandatory_site_displaces_a_better_one():
    """Tests that a mandatory low-score site is visited instead of a better one."""
    sites = (Site(location=1, score=1, mandatory=True), Site(location=2, score=10))
    data = ProblemData(
        travel=grid_travel([(0, 0), (3, 0), (-3, 0)]), sites=sites, tours=(day(t1=6),)
    )
    res = solved(data)
    assert res.score == 1
    assert res.tours[0].sites == (0,)


def test_fixed_tour_and_fixed_start():
    """Tests that a site fixed to tour 1 at time 7 is served exactly there."""
    sites = (Site(location=1, score=5, fixed_tour=1, fixed_start=7),)
    data = ProblemData(
        travel=grid_travel([(0, 0), (1, 0)]),
        sites=sites,
        tours=(day(t1=20), day(t1=20)),
    )
    res = solved(data)
    assert res.tours[1].visits[0].start == 7
    assert res.tours[0].visits == ()


def test_excluded_site_is_left_out():
    """Tests that an excluded site is never visited and says why."""
    sites = (Site(location=1, score=99, excluded=True), Site(location=1, score=1))
    data = ProblemData(
        travel=grid_travel([(0, 0), (1, 0)]), sites=sites, tours=(day(),)
    )
    res = solved(data)
    assert res.score == 1
    assert res.unvisited == {0: Unvisited.EXCLUDED}


def test_coverage_bonus_prefers_a_second_theme():
    """Tests that the concave bonus picks two themes (10 + 6) over one (10 + 1)."""
    sites = (
        Site(location=1, score=0, groups=(0,)),
        Site(location=2, score=0, groups=(0,)),
        Site(location=3, score=0, groups=(1,)),
    )
    data = ProblemData(
        travel=grid_travel([(0, 0), (1, 0), (0, 1), (-1, 0)]),
        sites=sites,
        tours=(day(t1=5),),
        groups=(CoverageGroup(increments=(10, 1)), CoverageGroup(increments=(6,))),
    )
    res = solved(data)
    assert res.score == 16
    assert 2 in res.tours[0].sites
    assert len(res.tours[0].sites) == 2


def test_tour_specific_window():
    """Tests that a window valid only in tour 1 puts the site in tour 1."""
    site = Site(location=1, score=4, windows=(TimeWindow(open=0, close=50, tour=1),))
    data = ProblemData(
        travel=grid_travel([(0, 0), (1, 0)]), sites=(site,), tours=(day(), day())
    )
    res = solved(data)
    assert res.tours[1].sites == (0,)


def test_max_duration_delays_the_departure():
    """Tests that a short tour limit is met by leaving later (depart 48)."""
    site = Site(location=1, score=4, windows=(TimeWindow(open=50, close=60),))
    tour = Tour(start=0, end=0, latest_end=100, max_duration=10)
    data = ProblemData(
        travel=grid_travel([(0, 0), (2, 0)]), sites=(site,), tours=(tour,)
    )
    res = solved(data)
    assert res.score == 4
    assert (res.tours[0].departure, res.tours[0].arrival) == (48, 52)


def test_total_travel_cap_limits_the_tours():
    """Tests that a total travel cap of 8 allows only one 6-long tour (score 5)."""
    data = ProblemData(
        travel=grid_travel([(0, 0), (3, 0), (-3, 0)]),
        sites=sites_at([1, 2], [5, 4]),
        tours=(day(), day()),
        max_total_travel=8,
    )
    res = solved(data)
    assert res.score == 5


def test_visit_and_travel_limits_per_tour():
    """Tests per-tour visit and travel limits: 9 alone, then 5 + 4 within 4 (18)."""
    travel = grid_travel([(0, 0), (1, 0), (0, 1), (-1, 0), (2, 2)])
    tours = (
        Tour(start=0, end=0, latest_end=100, max_visits=1),
        Tour(start=0, end=0, latest_end=100, max_visits=2, max_travel=4),
    )
    data = ProblemData(
        travel=travel, sites=sites_at([1, 2, 3, 4], [5, 4, 3, 9]), tours=tours
    )
    res = solved(data)
    assert res.score == 18
    assert res.tours[0].sites == (3,)


def test_rest_day_in_a_chained_trip_stays_empty():
    """Tests that a chained day with max_visits=0 visits nothing."""
    travel = grid_travel([(0, 0), (1, 0), (0, 1), (-1, 0), (2, 2), (0, 0)])
    tours = (
        Tour(start=0, end=0, latest_end=100, max_visits=1),
        Tour(start=0, end=0, earliest_start=100, latest_end=200, max_visits=0),
        Tour(start=0, end=0, earliest_start=200, latest_end=300, max_travel=4),
    )
    data = ProblemData(
        travel=travel,
        sites=sites_at([1, 2, 3, 4], [5, 4, 3, 9]),
        tours=tours,
        chained=True,
        hotels=(5,),
    )
    res = solved(data)
    assert res.tours[1].visits == ()
    assert res.score == 18


def test_group_visit_cap():
    """Tests that at most one site of a capped theme is visited (9 + 3 = 12)."""
    sites = (
        Site(location=1, score=9, groups=(0,)),
        Site(location=2, score=8, groups=(0,)),
        Site(location=3, score=3),
    )
    data = ProblemData(
        travel=grid_travel([(0, 0), (1, 0), (0, 1), (-1, 0)]),
        sites=sites,
        tours=(day(),),
        groups=(CoverageGroup(increments=(), max_visits=1),),
    )
    res = solved(data)
    assert res.score == 12
    assert set(res.tours[0].sites) == {0, 2}
