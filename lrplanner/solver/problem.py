"""Solver-ready problem data: integer times, a travel matrix, sites and tours.

The solver knows nothing about Learning Routes. A *site* is a place that may be
visited once for a score; a *tour* is one day (or one vehicle) that starts and
ends at a location. Tours are either independent (each from its own start to
its own end, as in the team orienteering problem) or chained (tour ``d`` starts
where tour ``d - 1`` ended, at a hotel the solver chooses).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field

HORIZON = 2**40
"""A time later than any real time value; the default closing time."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeWindow:
    """Interval for the START of service at a site.

    Parameters
    ----------
    open
        Earliest service start.
    close
        Latest service start.
    tour
        When set, the window applies only in this tour (e.g. a weekday).

    Raises
    ------
    ValueError
        When ``close < open`` or ``tour`` is negative.
    """

    open: int
    close: int
    tour: int | None = None

    def __post_init__(self) -> None:
        if self.close < self.open:
            raise ValueError(f"window closes before it opens: {self}")
        if self.tour is not None and self.tour < 0:
            raise ValueError(f"negative tour index in {self}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Site:
    """A place that can be visited at most once for a score.

    Parameters
    ----------
    location
        Row/column of the travel matrix.
    score
        Value collected when visited.
    service
        Visit duration.
    windows
        Allowed service-start intervals; empty means always open.
    cost
        Cost paid when visited (counts towards the budget).
    groups
        Indices of the coverage groups the site belongs to.
    mandatory
        The site must be visited.
    excluded
        The site must not be visited.
    fixed_tour
        When set, the site may only be visited in this tour.
    fixed_start
        When set, service must start exactly at this time.
    name
        Free label for messages.

    Raises
    ------
    ValueError
        On negative values or when a site is both mandatory and excluded.
    """

    location: int
    score: int
    service: int = 0
    windows: tuple[TimeWindow, ...] = ()
    cost: int = 0
    groups: tuple[int, ...] = ()
    mandatory: bool = False
    excluded: bool = False
    fixed_tour: int | None = None
    fixed_start: int | None = None
    name: str = ""

    def __post_init__(self) -> None:
        if min(self.location, self.score, self.service, self.cost) < 0:
            raise ValueError(f"negative location/score/service/cost in {self}")
        if self.mandatory and self.excluded:
            raise ValueError(f"site {self.name!r} is both mandatory and excluded")
        if self.fixed_tour is not None and self.fixed_tour < 0:
            raise ValueError(f"negative fixed tour in {self}")

    def windows_in(self, tour: int) -> tuple[TimeWindow, ...]:
        """Return the windows usable in ``tour``, narrowed to ``fixed_start``.

        Parameters
        ----------
        tour
            Tour index.

        Returns
        -------
        tuple[TimeWindow, ...]
            Sorted by opening time; empty when the site cannot be served there.
        """
        if self.fixed_tour is not None and self.fixed_tour != tour:
            return ()
        wins = self.windows or (TimeWindow(open=0, close=HORIZON),)
        usable = [w for w in wins if w.tour is None or w.tour == tour]
        if self.fixed_start is not None:
            t = self.fixed_start
            usable = [
                TimeWindow(open=t, close=t) for w in usable if w.open <= t <= w.close
            ]
        return tuple(sorted(usable, key=lambda w: w.open))


@dataclass(frozen=True, slots=True, kw_only=True)
class Tour:
    """One tour (day or vehicle).

    Parameters
    ----------
    start
        Start location. In chained mode only the first tour's value is used.
    end
        End location. In chained mode only the last tour's value is used.
    earliest_start
        Earliest departure from ``start``.
    latest_end
        Latest arrival at ``end``.
    max_duration
        Longest allowed time from departure to arrival, if any.
    fixed_cost
        Cost of using this tour (counts towards the budget).
    max_visits
        Most sites the tour may visit, if limited.
    max_travel
        Most travel time (excluding service and waiting) in the tour, if limited.

    Raises
    ------
    ValueError
        When the tour window is empty or a value is negative.
    """

    start: int
    end: int
    earliest_start: int = 0
    latest_end: int = HORIZON
    max_duration: int | None = None
    fixed_cost: int = 0
    max_visits: int | None = None
    max_travel: int | None = None

    def __post_init__(self) -> None:
        if min(self.max_visits or 0, self.max_travel or 0) < 0:
            raise ValueError(f"negative max_visits or max_travel in {self}")
        if self.latest_end < self.earliest_start:
            raise ValueError(f"tour ends before it starts: {self}")
        if min(self.start, self.end, self.fixed_cost) < 0:
            raise ValueError(f"negative location or cost in {self}")
        if self.max_duration is not None and self.max_duration < 0:
            raise ValueError(f"negative max_duration in {self}")

    @property
    def close(self) -> int:
        """Latest arrival that also respects ``max_duration`` from the start."""
        if self.max_duration is None:
            return self.latest_end
        return min(self.latest_end, self.earliest_start + self.max_duration)


@dataclass(frozen=True, slots=True, kw_only=True)
class CoverageGroup:
    """A theme whose k-th visited site earns ``increments[k]`` extra score.

    Parameters
    ----------
    increments
        Bonus for the 1st, 2nd, ... visited site of the group; non-increasing
        (concave coverage). Sites beyond the list earn no bonus.
    max_visits
        When set, at most this many sites of the group may be visited.
    name
        Free label.

    Raises
    ------
    ValueError
        When the increments are negative or increase.
    """

    increments: tuple[int, ...]
    max_visits: int | None = None
    name: str = ""

    def __post_init__(self) -> None:
        inc = self.increments
        if any(x < 0 for x in inc) or any(a < b for a, b in itertools.pairwise(inc)):
            raise ValueError(f"increments must be >= 0 and non-increasing: {inc}")
        if self.max_visits is not None and self.max_visits < 0:
            raise ValueError(f"negative max_visits in {self}")

    def bonus(self, count: int) -> int:
        """Return the total bonus for ``count`` visited sites of the group."""
        return sum(self.increments[:count])


@dataclass(frozen=True, slots=True, kw_only=True)
class Departures:
    """A hop that leaves only at set times (e.g. a scheduled flight).

    Parameters
    ----------
    ready
        Latest time the traveller may be ready for each departure, sorted.
    arrive
        When each departure is done (arrived and free), same order.

    Raises
    ------
    ValueError
        When the lists differ in length or ``ready`` is not sorted.
    """

    ready: tuple[int, ...]
    arrive: tuple[int, ...]
    _best: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.ready) != len(self.arrive):
            raise ValueError("ready and arrive differ in length")
        if any(a > b for a, b in itertools.pairwise(self.ready)):
            raise ValueError("ready times must be sorted")
        # earliest arrival among the departures still catchable from each one
        best: list[int] = []
        for a in reversed(self.arrive):
            best.append(min(a, best[-1]) if best else a)
        object.__setattr__(self, "_best", tuple(reversed(best)))

    def after(self, t: int) -> int | None:
        """Return the earliest arrival when ready at ``t`` (None: none left)."""
        k = bisect.bisect_left(self.ready, t)
        return self._best[k] if k < len(self._best) else None


Hop = int | Departures
"""Fixed minutes, or a wait for the next departure."""


@dataclass(frozen=True, slots=True)
class Timetable:
    """Exact, time-dependent travel along one arc: hops taken in order."""

    hops: tuple[Hop, ...]

    def arrive(self, t: int) -> int | None:
        """Return the arrival time when leaving at ``t`` (None: cannot)."""
        for hop in self.hops:
            if isinstance(hop, int):
                t += hop
                continue
            found = hop.after(t)
            if found is None:
                return None
            t = found
        return t


@dataclass(frozen=True, slots=True, kw_only=True)
class ProblemData:
    """A complete orienteering instance.

    Parameters
    ----------
    travel
        Square matrix of travel times between locations (asymmetric allowed).
    sites
        The sites that may be visited.
    tours
        The tours, in order.
    chained
        Tours form one journey through hotels (see module docstring).
    hotels
        Locations allowed as overnight stops between chained tours.
    budget
        Hard cap on total cost (site costs + arc costs + tour fixed costs).
    arc_costs
        Optional matrix of travel costs, same shape as ``travel``.
    groups
        Coverage groups referenced by ``Site.groups``.
    max_total_travel
        Optional cap on the summed travel time of all tours.
    counted
        Optional matrix of the travel time that counts against
        ``Tour.max_travel`` (e.g. without waiting allowances); ``travel`` if
        None.
    closed_arcs
        ``(tour, from, to)`` arcs that cannot be travelled in that tour (e.g.
        a flight that does not run on that day).
    timetables
        Exact travel along arcs that depend on the time of leaving (set
        departures). Tour timing follows them; ``travel`` stays the static
        estimate that guides the search.

    Raises
    ------
    ValueError
        When the matrix is not square, an index is out of range, or a chained
        instance has no hotels or overlapping tour windows.
    """

    travel: tuple[tuple[int, ...], ...]
    sites: tuple[Site, ...]
    tours: tuple[Tour, ...]
    chained: bool = False
    hotels: tuple[int, ...] = ()
    budget: int | None = None
    arc_costs: tuple[tuple[int, ...], ...] | None = None
    groups: tuple[CoverageGroup, ...] = field(default=())
    max_total_travel: int | None = None
    counted: tuple[tuple[int, ...], ...] | None = None
    closed_arcs: frozenset[tuple[int, int, int]] = frozenset()
    timetables: Mapping[tuple[int, int], Timetable] = field(default_factory=dict)

    def __post_init__(self) -> None:
        n = len(self.travel)
        _check_matrix(self.travel, n, "travel")
        if self.counted is not None:
            _check_matrix(self.counted, n, "counted")
        if self.arc_costs is not None:
            _check_matrix(self.arc_costs, n, "arc_costs")
        if not self.tours:
            raise ValueError("at least one tour is needed")
        locs = [s.location for s in self.sites] + list(self.hotels)
        locs += [t.start for t in self.tours] + [t.end for t in self.tours]
        if any(loc >= n for loc in locs):
            raise ValueError("a location index is outside the travel matrix")
        if any(not (0 <= i < n and 0 <= j < n) for i, j in self.timetables):
            raise ValueError("a timetable's arc is outside the travel matrix")
        self._check_refs()
        if self.chained:
            self._check_chain()

    def _check_refs(self) -> None:
        for s in self.sites:
            if any(g >= len(self.groups) for g in s.groups):
                raise ValueError(f"site {s.name!r} refers to an unknown group")
            if s.fixed_tour is not None and s.fixed_tour >= len(self.tours):
                raise ValueError(f"site {s.name!r} is fixed to an unknown tour")
        if self.budget is not None and self.budget < 0:
            raise ValueError("negative budget")

    def _check_chain(self) -> None:
        for a, b in zip(self.tours, self.tours[1:], strict=False):
            if a.close > b.earliest_start:
                raise ValueError("chained tours must not overlap in time")
        if len(self.tours) > 1 and not self.hotels:
            raise ValueError("chained tours need at least one hotel")

    @property
    def num_locations(self) -> int:
        """Number of rows of the travel matrix."""
        return len(self.travel)

    def arc_open(self, tour: int, i: int, j: int) -> bool:
        """Return whether the arc from ``i`` to ``j`` may be used in ``tour``."""
        return i == j or (tour, i, j) not in self.closed_arcs

    def arrival(self, i: int, j: int, t: int) -> int | None:
        """Return when travel from ``i`` to ``j`` leaving at ``t`` arrives
        (None when no departure is left)."""
        table = self.timetables.get((i, j)) if self.timetables else None
        return t + self.travel[i][j] if table is None else table.arrive(t)

    def counted_travel(self, i: int, j: int) -> int:
        """Return the travel time from ``i`` to ``j`` that counts against limits."""
        return self.travel[i][j] if self.counted is None else self.counted[i][j]

    def cost_of_arc(self, i: int, j: int) -> int:
        """Return the travel cost from location ``i`` to ``j`` (0 if none)."""
        return 0 if self.arc_costs is None else self.arc_costs[i][j]


def _check_matrix(m: tuple[tuple[int, ...], ...], n: int, what: str) -> None:
    if any(len(row) != n for row in m):
        raise ValueError(f"{what} matrix must be square ({n} x {n})")
    if any(x < 0 for row in m for x in row):
        raise ValueError(f"{what} matrix has negative entries")
