"""What a solve returns: timed tours, score, cost, status, unvisited reasons."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

Status = Literal["optimal", "feasible", "cancelled", "infeasible"]


class Unvisited(StrEnum):
    """Why a site is not in any tour."""

    EXCLUDED = "excluded"
    UNREACHABLE = "no window reachable in any tour"
    OVER_BUDGET = "costs more than the budget on its own"
    NOT_SELECTED = "not selected"


@dataclass(frozen=True, slots=True, kw_only=True)
class Visit:
    """A site visit: service starts at ``start``."""

    site: int
    start: int


@dataclass(frozen=True, slots=True, kw_only=True)
class TourPlan:
    """One timed tour.

    Parameters
    ----------
    tour
        Index of the tour in ``ProblemData.tours``.
    start_location
        Where the tour departs (a hotel in chained mode).
    end_location
        Where the tour arrives.
    departure
        Departure time from ``start_location``.
    arrival
        Arrival time at ``end_location``.
    visits
        Visits in order.
    """

    tour: int
    start_location: int
    end_location: int
    departure: int
    arrival: int
    visits: tuple[Visit, ...]

    @property
    def sites(self) -> tuple[int, ...]:
        """Site indices in visiting order."""
        return tuple(v.site for v in self.visits)


@dataclass(frozen=True, slots=True, kw_only=True)
class Result:
    """Outcome of :func:`lrplanner.solver.solve.solve`.

    Parameters
    ----------
    tours
        One plan per tour, in tour order (empty tuple when infeasible).
    score
        Total score including the coverage bonus.
    cost
        Total cost (site, arc and tour costs).
    travel
        Summed travel time.
    status
        ``optimal`` (proven), ``feasible``, ``cancelled`` (best so far) or
        ``infeasible`` (no plan meets the hard constraints).
    runtime
        Seconds spent.
    unvisited
        Reason per site index that is not visited.
    segments
        Number of search segments run.

    Raises
    ------
    ValueError
        When score, cost or runtime is negative.
    """

    tours: tuple[TourPlan, ...]
    score: int
    cost: int
    travel: int
    status: Status
    runtime: float
    unvisited: Mapping[int, Unvisited]
    segments: int = 0

    def __post_init__(self) -> None:
        if min(self.score, self.cost, self.travel) < 0 or self.runtime < 0:
            raise ValueError("score, cost, travel and runtime must be >= 0")

    def is_feasible(self) -> bool:
        """Whether the result holds a plan (a search cancelled before its
        first plan holds none: status ``cancelled``, no tours)."""
        return self.status != "infeasible" and bool(self.tours)
