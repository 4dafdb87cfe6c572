"""Small builders for hand-made solver instances."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lrplanner.solver.problem import ProblemData, Site, Tour
from lrplanner.solver.solve import solve
from lrplanner.solver.stop import MaxIterations
from tests.solver.checker import assert_valid

if TYPE_CHECKING:
    from collections.abc import Sequence

    from lrplanner.solver.result import Result


def grid_travel(points: Sequence[tuple[int, int]]) -> tuple[tuple[int, ...], ...]:
    """Return Manhattan travel times between integer points."""
    return tuple(
        tuple(abs(ax - bx) + abs(ay - by) for bx, by in points) for ax, ay in points
    )


def sites_at(locations: Sequence[int], scores: Sequence[int]) -> tuple[Site, ...]:
    """Return plain sites (no windows) at ``locations`` with ``scores``."""
    return tuple(
        Site(location=loc, score=sc, name=f"s{i}")
        for i, (loc, sc) in enumerate(zip(locations, scores, strict=True))
    )


def day(start: int = 0, end: int = 0, t0: int = 0, t1: int = 100) -> Tour:
    """Return a tour from ``start`` to ``end`` within [t0, t1]."""
    return Tour(start=start, end=end, earliest_start=t0, latest_end=t1)


def solved(data: ProblemData, iterations: int = 400, seed: int = 0) -> Result:
    """Solve with an iteration limit and check the result independently."""
    res = solve(data, MaxIterations(iterations), seed=seed)
    assert_valid(data, res)
    return res
