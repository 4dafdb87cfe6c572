"""Property-based tests: on tiny random instances the solver finds the optimum."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lrplanner.solver.problem import CoverageGroup, ProblemData, Site, TimeWindow, Tour
from lrplanner.solver.solve import solve
from lrplanner.solver.stop import MaxIterations
from tests.solver.brute import optimum
from tests.solver.checker import assert_valid
from tests.solver.helpers import grid_travel

coord = st.tuples(st.integers(-5, 5), st.integers(-5, 5))


@st.composite
def windows(draw: st.DrawFn, tours: int) -> tuple[TimeWindow, ...]:
    """Draw zero to two windows, sometimes valid in one tour only."""
    out = []
    for _ in range(draw(st.integers(0, 2))):
        lo = draw(st.integers(0, 50))
        tour = draw(st.one_of(st.none(), st.integers(0, tours - 1)))
        out.append(TimeWindow(open=lo, close=lo + draw(st.integers(0, 15)), tour=tour))
    return tuple(out)


@st.composite
def site(draw: st.DrawFn, location: int, tours: int, groups: int) -> Site:
    """Draw a site with optional windows, cost, groups, and lock flags."""
    flag = draw(st.sampled_from(["none"] * 6 + ["mandatory", "excluded", "fixed"]))
    return Site(
        location=location,
        score=draw(st.integers(0, 10)),
        service=draw(st.integers(0, 3)),
        windows=draw(windows(tours)),
        cost=draw(st.integers(0, 4)),
        groups=tuple(draw(st.sets(st.integers(0, groups - 1), max_size=2)))
        if groups
        else (),
        mandatory=flag == "mandatory",
        excluded=flag == "excluded",
        fixed_tour=draw(st.integers(0, tours - 1)) if flag == "fixed" else None,
    )


@st.composite
def instances(draw: st.DrawFn) -> ProblemData:
    """Draw an instance with at most 6 sites and 2 tours, chained or not."""
    chained = draw(st.booleans())
    n_tours = 2 if chained else draw(st.integers(1, 2))
    n_sites = draw(st.integers(1, 6 if n_tours == 1 else 5))
    n_hotels = draw(st.integers(1, 2)) if chained else 0
    points = draw(
        st.lists(
            coord, min_size=1 + n_sites + n_hotels, max_size=1 + n_sites + n_hotels
        )
    )
    n_groups = draw(st.integers(0, 2))
    groups = tuple(
        CoverageGroup(
            max_visits=draw(st.one_of(st.none(), st.integers(0, 2))),
            increments=tuple(
                sorted(draw(st.lists(st.integers(0, 8), max_size=3)), reverse=True)
            ),
        )
        for _ in range(n_groups)
    )
    sites = tuple(draw(site(1 + i, n_tours, n_groups)) for i in range(n_sites))
    length = draw(st.integers(8, 30))
    tours = tuple(
        Tour(
            start=0,
            end=0,
            earliest_start=d * 30,
            latest_end=d * 30 + length,
            max_visits=draw(st.one_of(st.none(), st.integers(0, 3))),
            max_travel=draw(st.one_of(st.none(), st.integers(0, 20))),
        )
        for d in range(n_tours)
    )
    hotels = tuple(range(1 + n_sites, 1 + n_sites + n_hotels)) if chained else ()
    budget = draw(st.one_of(st.none(), st.integers(0, 12)))
    return ProblemData(
        travel=grid_travel(points),
        sites=sites,
        tours=tours,
        chained=chained,
        hotels=hotels,
        budget=budget,
        groups=groups,
    )


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(instances())
def test_solver_matches_brute_force(data):
    """Tests that the solver's score equals the enumerated optimum, validly."""
    res = solve(data, MaxIterations(1500))
    assert_valid(data, res)
    best = optimum(data)
    if best is None:
        assert res.status == "infeasible"
    else:
        assert res.score == best
