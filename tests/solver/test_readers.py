"""Tests for the TOPTW and OPHS benchmark readers on real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from lrplanner.solver.ophs import read_ophs
from lrplanner.solver.toptw import read_toptw
from tests.solver.helpers import solved

BENCH = Path("/work/shared/bench")
C101 = BENCH / "toptw" / "solomon100" / "c101.txt"
T1 = BENCH / "ophs" / "SET1" / "T1-65-1-2.ophs"


@pytest.mark.skipif(not C101.exists(), reason="benchmark files not present")
def test_read_toptw_c101():
    """Tests that c101 reads as 100 sites with times scaled by 10 and truncation."""
    data = read_toptw(C101, tours=2)
    assert (len(data.sites), len(data.tours)) == (100, 2)
    assert data.tours[0].latest_end == 12360
    # vertex 1 is (45, 68), the depot (40, 50): sqrt(349) = 18.68 -> 18.6 -> 186
    assert data.travel[0][1] == 186
    first = data.sites[0]
    assert (first.score, first.service, first.windows[0].open) == (10, 900, 9120)


@pytest.mark.skipif(not C101.exists(), reason="benchmark files not present")
def test_solve_toptw_c101_one_tour_is_valid():
    """Tests that a short solve of c101 with one tour gives a valid plan."""
    data = read_toptw(C101, tours=1)
    res = solved(data, iterations=2000)
    assert 250 <= res.score <= 320  # 320 is the proven optimum


@pytest.mark.skipif(not T1.exists(), reason="benchmark files not present")
def test_read_ophs_t1_and_reach_the_optimum():
    """Tests that T1-65-1-2 reads as a chained 2-trip instance; optimum 240."""
    data = read_ophs(T1)
    assert data.chained
    assert (len(data.sites), len(data.tours), data.hotels) == (30, 2, (0, 1, 2))
    assert data.tours[1].start == 0
    assert data.tours[1].end == 1
    res = solved(data, iterations=20_000)
    assert res.score == 240
