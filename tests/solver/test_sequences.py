"""Tests of the hotel-sequence portfolio for chained tours (sequences.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lrplanner.solver import sequences
from lrplanner.solver.params import SolveParams
from lrplanner.solver.problem import ProblemData, Tour
from lrplanner.solver.reasons import eligible_sites
from lrplanner.solver.schedule import Plan, plan_score, time_plan
from lrplanner.solver.solve import solve
from lrplanner.solver.stop import MaxIterations
from tests.solver.checker import assert_valid
from tests.solver.helpers import grid_travel, sites_at, solved

if TYPE_CHECKING:
    import pytest

# Start (0,0), end (30,0); hotels on the line at x = 10 and 20, and decoys
# just off it (start and end are no hotels here). Three sites per day lie on
# y = 1 between the hotels; a day of length 12 collects exactly its three
# sites when it runs hotel to hotel on the line (4 + 3 + 3 + 2), so the only
# plan taking all nine (score 45) sleeps at (10,0) and then (20,0).
POINTS = [
    (0, 0),  # 0 start
    (30, 0),  # 1 end
    (10, 0),  # 2 hotel on the line
    (20, 0),  # 3 hotel on the line
    (10, -1),  # 4 decoy hotel
    (20, -1),  # 5 decoy hotel
    (3, 1),
    (6, 1),
    (9, 1),
    (13, 1),
    (16, 1),
    (19, 1),
    (23, 1),
    (26, 1),
    (29, 1),
    (10, -3),  # a bonus site next to the decoy hotel 4
]


def _line(days_len: int = 12) -> ProblemData:
    return ProblemData(
        travel=grid_travel(POINTS),
        sites=sites_at(list(range(6, 16)), [5] * 9 + [4]),
        tours=tuple(
            Tour(start=0, end=1, earliest_start=100 * d, latest_end=100 * d + days_len)
            for d in range(3)
        ),
        chained=True,
        hotels=(2, 3, 4, 5),
    )


def test_fixed_sequence_gives_independent_tours() -> None:
    """Tests that fixing hotels [2, 3] makes tours 0->2, 2->3 and 3->1."""
    fixed = sequences.fixed_sequence(_line(), [2, 3])
    assert not fixed.chained
    assert [(t.start, t.end) for t in fixed.tours] == [(0, 2), (2, 3), (3, 1)]
    assert [t.earliest_start for t in fixed.tours] == [0, 100, 200]


def test_greedy_fill_collects_a_full_day() -> None:
    """Tests the relaxed greedy: day 0 from 0 to 2 holds its three sites (15)."""
    data = _line()
    rel = sequences._relaxed(data, eligible_sites(data))
    value, routes = sequences.greedy_fill(rel, [0, 2], [0])
    assert value == 15
    assert sorted(routes[0]) == [0, 1, 2]


def test_ranked_sequences_put_the_line_first() -> None:
    """Tests that the best-estimated sequence is the optimal one, [2, 3]."""
    data = _line()
    ranked = sequences.ranked_sequences(data, eligible_sites(data), lambda: False)
    assert ranked[0][1].hotels == [2, 3]
    assert ranked[0][0] == 45
    values = [v for v, _ in ranked]
    assert values == sorted(values, reverse=True)


def test_beam_search_finds_the_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests the beam search (used when there are many sequences) on the line."""
    monkeypatch.setattr(sequences, "MAX_ENUMERATE", 1)
    data = _line()
    ranked = sequences.ranked_sequences(data, eligible_sites(data), lambda: False)
    assert ranked[0][1].hotels == [2, 3]
    assert len(ranked) <= sequences.BEAM


def test_solve_reaches_the_optimum_via_the_line() -> None:
    """Tests that the solver reaches the optimum 45 via hotels [2, 3].

    All days together are at most 36 long and the trip runs from x = 0 to
    x = 30; the bonus site at y = -3 together with any site at y = 1 needs at
    least 30 + 1 + 4 + 3 = 38, so the best plan takes the nine line sites.
    """
    data = _line()
    res = solved(data)
    assert res.score == 45
    assert [t.end_location for t in res.tours] == [2, 3, 1]


def test_longer_days_take_the_bonus_site_too() -> None:
    """Tests a looser instance (days of 20): everything, score 49, is optimal
    (day 1 can detour to the bonus site: 4 + 3 + 3 + 5 + 3 = 18)."""
    assert solved(_line(20)).score == 49


def test_portfolio_is_deterministic_and_can_be_turned_off() -> None:
    """Tests equal results for equal seeds, and a solve without portfolio."""
    data = _line()
    a = solve(data, MaxIterations(300), seed=3)
    b = solve(data, MaxIterations(300), seed=3)
    assert a.tours == b.tours
    off = solve(data, MaxIterations(300), params=SolveParams(portfolio=0))
    assert_valid(data, off)
    assert off.score <= 45


def test_every_ranked_start_maps_back_to_the_chain() -> None:
    """Tests that a fixed-hotel plan is a valid plan of the chained instance."""
    data = _line()
    for _, plan in sequences.ranked_sequences(
        data, eligible_sites(data), lambda: False
    ):
        timed = time_plan(sequences.fixed_sequence(data, plan.hotels), plan)
        back = Plan(routes=plan.routes, hotels=plan.hotels)
        assert (timed is None) == (time_plan(data, back) is None)
        if timed is not None:
            assert plan_score(data, back) <= 45
