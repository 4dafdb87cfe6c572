"""Tests for the MCTOPMTW reader on a real file."""

from __future__ import annotations

from pathlib import Path

import pytest

from lrplanner.solver.mctopmtw import read_mctopmtw
from lrplanner.solver.problem import TimeWindow
from tests.solver.helpers import solved

FILE = Path("/work/shared/bench/mctopmtw/Solomon/MCTOPMTW-2-c101.txt")


@pytest.mark.skipif(not FILE.exists(), reason="benchmark files not present")
def test_read_mctopmtw_windows_alternate_by_tour():
    """Tests that site 0 (E=1) opens in slices 1 and 3 in tour 0, 2 and 4 in tour 1."""
    data = read_mctopmtw(FILE)
    assert (len(data.tours), len(data.sites), len(data.groups)) == (2, 100, 10)
    site = data.sites[0]  # vertex 2: windows 912 925.8 939.5 953.2 967, E=1
    assert site.windows_in(0) == (
        TimeWindow(open=9120, close=9258, tour=0),
        TimeWindow(open=9395, close=9532, tour=0),
    )
    assert site.windows_in(1)[0] == TimeWindow(open=9258, close=9395, tour=1)
    assert data.budget is not None
    assert site.cost == 68


@pytest.mark.skipif(not FILE.exists(), reason="benchmark files not present")
def test_solve_mctopmtw_is_valid():
    """Tests that a short MCTOPMTW solve respects budget, type caps and windows."""
    data = read_mctopmtw(FILE)
    res = solved(data, iterations=1500)
    assert res.score > 0
