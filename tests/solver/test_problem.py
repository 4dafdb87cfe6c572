"""Tests for the validation of the problem data classes."""

from __future__ import annotations

import pytest

from lrplanner.solver.problem import (
    CoverageGroup,
    ProblemData,
    Site,
    TimeWindow,
    Tour,
)


def test_window_must_not_close_before_opening():
    """Tests that a window closing before it opens is rejected."""
    with pytest.raises(ValueError, match="closes before"):
        TimeWindow(open=5, close=4)


def test_site_cannot_be_mandatory_and_excluded():
    """Tests that a site both mandatory and excluded is rejected."""
    with pytest.raises(ValueError, match="mandatory and excluded"):
        Site(location=1, score=1, mandatory=True, excluded=True)


def test_coverage_increments_must_not_increase():
    """Tests that convex (increasing) coverage increments are rejected."""
    with pytest.raises(ValueError, match="non-increasing"):
        CoverageGroup(increments=(1, 2))


def test_coverage_bonus_sums_first_increments():
    """Tests that the bonus of k sites is the sum of the first k increments."""
    group = CoverageGroup(increments=(10, 5, 2))
    assert [group.bonus(k) for k in range(5)] == [0, 10, 15, 17, 17]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"travel": ((0, 1),)}, "square"),
        ({"travel": ((0, -1), (1, 0))}, "negative"),
        ({"sites": (Site(location=5, score=1),)}, "outside"),
        ({"tours": ()}, "at least one tour"),
        ({"sites": (Site(location=1, score=1, groups=(0,)),)}, "unknown group"),
        ({"sites": (Site(location=1, score=1, fixed_tour=3),)}, "unknown tour"),
        ({"budget": -1}, "negative budget"),
    ],
)
def test_problem_data_rejects_bad_input(kwargs, message):
    """Tests that inconsistent problem data raises a ValueError."""
    base = {
        "travel": ((0, 1), (1, 0)),
        "sites": (Site(location=1, score=1),),
        "tours": (Tour(start=0, end=0, latest_end=10),),
    }
    with pytest.raises(ValueError, match=message):
        ProblemData(**(base | kwargs))


def test_chained_tours_must_not_overlap():
    """Tests that chained tours whose time ranges overlap are rejected."""
    tours = (Tour(start=0, end=0, latest_end=10), Tour(start=0, end=0, latest_end=10))
    with pytest.raises(ValueError, match="overlap"):
        ProblemData(travel=((0,),), sites=(), tours=tours, chained=True, hotels=(0,))


def test_windows_in_respects_tour_and_fixed_start():
    """Tests that usable windows honour tour-specific windows and fixed starts."""
    site = Site(
        location=1,
        score=1,
        windows=(TimeWindow(open=0, close=9, tour=1), TimeWindow(open=20, close=30)),
        fixed_start=25,
    )
    assert site.windows_in(0) == (TimeWindow(open=25, close=25),)
    assert site.windows_in(1) == (TimeWindow(open=25, close=25),)
