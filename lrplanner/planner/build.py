"""Project -> engine problem: locations, windows, tours, costs and value.

Engine locations are, in order: every place with lodging (the hotels), the
start place, the end place, one location per candidate site (a site
sharing a place still gets its own index, so arc costs into hotels only
ever count nights), then one per night leg (a night on board, see
:mod:`lrplanner.planner.night_legs`: arriving there is arriving at its
origin, leaving it is leaving its destination). Times are working minutes
on the :class:`TimeAxis`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING

from lrplanner.core.availability import SiteDay, site_days
from lrplanner.core.ids import PlaceId, SiteId
from lrplanner.core.locations import location_zone, site_location
from lrplanner.core.plan import LeftOut
from lrplanner.core.procedures import arrival_minutes, check_in_minutes
from lrplanner.core.project import Project
from lrplanner.core.route import LUNCH_LATE_MIN
from lrplanner.network.matrix import TravelMatrix
from lrplanner.planner import costs
from lrplanner.planner.axis import MINUTE, TimeAxis
from lrplanner.planner.budget import check_fixed
from lrplanner.planner.frames import DayFrame, day_frames
from lrplanner.planner.legtimes import LegTimes
from lrplanner.planner.night_legs import NightLeg, night_legs
from lrplanner.planner.screen import screen_sites, screen_too_short
from lrplanner.planner.stays import Stay, stay_of
from lrplanner.planner.timing import (
    Procedures,
    StepEdges,
    edge_departures,
    planning_minutes,
    rounded,
    runs_within,
)
from lrplanner.solver.problem import (
    CoverageGroup,
    Departures,
    ProblemData,
    Site,
    Timetable,
    TimeWindow,
    Tour,
)
from lrplanner.solver.schedule import Plan

if TYPE_CHECKING:
    from lrplanner.core.plan import DayPlan, Itinerary
    from lrplanner.core.rules import PlanningRules
    from lrplanner.core.sites import Site as CoreSite
    from lrplanner.network.graph import TravelNetwork
    from lrplanner.network.legs import Connection

FAR = 100_000  # minutes: an arc the engine can never use
#: A square matrix over the engine's locations (minutes or cents).
Matrix = tuple[tuple[int, ...], ...]
#: For each location, the locations further than a day's travel from it.
Beyond = tuple[frozenset[int], ...]
VALUE_SCALE = 100  # engine score units per learning-value point

Check = Callable[[], None]
"""Called often while a model is built; raises (e.g. :class:`BuildStopped`)
to abandon the build when the caller is cancelled or out of time."""


class BuildStopped(Exception):  # noqa: N818 - a stop, not an error
    """The model build was abandoned: cancelled or out of time."""


def _no_check() -> None:
    """The check of a build nobody stops."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RouteModel:
    """The engine's problem plus everything needed to read its answer.

    ``locations`` are where the group is on arriving at each engine
    location; after the sites come the night legs, then one night per
    two-day visit (``stays``: the site's engine index and its split).
    ``leaves`` is where the group is when it leaves each location.
    """

    project: Project
    data: ProblemData
    axis: TimeAxis
    frames: tuple[DayFrame, ...]
    locations: tuple[str, ...]
    site_ids: tuple[SiteId, ...]
    hotels: tuple[PlaceId, ...]
    matrix: TravelMatrix
    availability: Mapping[SiteId, list[SiteDay]]
    screened_out: tuple[LeftOut, ...]
    nights: tuple[NightLeg, ...] = ()
    stays: tuple[tuple[int, Stay], ...] = ()
    leaves: tuple[str, ...] = ()

    def night_at(self, location: int) -> NightLeg | None:
        """Return the night leg an engine location stands for, if any."""
        first = len(self.locations) - len(self.stays) - len(self.nights)
        k = location - first
        return self.nights[k] if 0 <= k < len(self.nights) else None

    def stay_at(self, location: int) -> tuple[int, Stay] | None:
        """Return the (engine site, split) of the two-day visit whose night
        an engine location stands for, if any."""
        k = location - (len(self.locations) - len(self.stays))
        return self.stays[k] if 0 <= k < len(self.stays) else None

    def leaves_from(self, location: int) -> str:
        """Return where the group is when it leaves an engine location."""
        return self.leaves[location] if self.leaves else self.locations[location]

    def sleeps_at(self, location: int) -> str:
        """Return the place a night at an engine location is spent at (a
        night leg's destination, where the group wakes up)."""
        night = self.night_at(location)
        return self.locations[location] if night is None else night.destination


@dataclass(frozen=True, slots=True)
class _Ends:
    """Where each engine location is on arrival and on leaving, which are
    sites (the transfer buffer is kept before those), and the two-day
    visits' nights (``tied``: night -> its site; reached only from it, and
    the only place it leads to)."""

    arrive: tuple[str, ...]
    leave: tuple[str, ...]
    sites: range
    tied: Mapping[int, int] = field(default_factory=dict)
    #: Site -> its two-day visit's night (``tied`` read the other way).
    bound: Mapping[int, int] = field(init=False)

    def __post_init__(self) -> None:
        # Built once: ``barred`` is asked for every arc of the matrix.
        bound = {site: night for night, site in self.tied.items()}
        object.__setattr__(self, "bound", bound)

    def buffer(self, project: Project, location: int) -> int:
        """Return the transfer buffer before arriving at an engine location."""
        return project.route.transfer_buffer_min if location in self.sites else 0

    def barred(self, i: int, j: int) -> bool:
        """Whether the arc from ``i`` to ``j`` breaks a two-day visit."""
        if j in self.tied:
            return self.tied[j] != i
        night = self.bound.get(i)
        return night is not None and night != j


def build_model(
    project: Project,
    network: TravelNetwork,
    check: Check = _no_check,
) -> RouteModel:
    """Return the engine problem for a project, under its planning rules.

    ``check`` is called between the travel searches and the matrix rows (a
    few hundred sites take tens of seconds); whatever it raises abandons
    the build.

    Raises
    ------
    InfeasibleRequest
        If a required site can never be visited (see
        :mod:`lrplanner.planner.screen`) or the fixed costs alone break the
        budget (:func:`~lrplanner.planner.budget.check_fixed`).
    """
    check_fixed(project)
    route, rules = project.route, project.rules
    hotels = tuple(p.id for p in project.places if p.has_lodging)
    availability = {s.id: site_days(project, s) for s in project.sites}
    zones = [
        location_zone(project, route.start_place),
        *(location_zone(project, h) for h in hotels),
    ]
    frames, axis = day_frames(project, zones, rules.sessions)
    ends = [*hotels, route.start_place, route.end_place]
    nights = night_legs(project, network, frames)
    matrix = TravelMatrix.build(
        network,
        [
            *ends,
            *(site_location(s) for s in project.sites),
            *(n.origin for n in nights),
            *(n.destination for n in nights),
        ],
        on_origin=lambda done, total: check(),
    )
    candidates, screened = screen_sites(project, availability, matrix)
    windows = {
        s.id: _windows(
            availability[s.id], frames, axis, s.duration_min, lunch=s.serves_lunch
        )
        for s in candidates
    }
    splits = _splits(project, candidates, windows, availability, (frames, axis, matrix))
    for site_id, stay in splits.items():
        windows[site_id] = _first_part_windows(
            availability[site_id], frames, axis, stay
        )
    candidates, too_short = screen_too_short(project, candidates, windows)
    screened = (*screened, *too_short)
    locations = (*ends, *(site_location(s) for s in candidates))
    groups, group_of = _theme_groups(candidates, rules)
    sites = tuple(
        replace(
            _engine_site(
                project,
                site,
                len(ends) + i,
                windows[site.id],
                frames,
                axis,
                rules,
                group_of,
            ),
            service=splits[site.id].first if site.id in splits else site.duration_min,
            cost=_site_cents(project, site, two_days=site.id in splits),
        )
        for i, site in enumerate(candidates)
    )
    check()
    first_night = len(locations)
    stays = tuple(
        (i, splits[site.id]) for i, site in enumerate(candidates) if site.id in splits
    )
    first_stay = first_night + len(nights)
    at = _Ends(
        arrive=(
            *locations,
            *(n.origin for n in nights),
            *(stay.place for _, stay in stays),
        ),
        leave=(
            *locations,
            *(n.destination for n in nights),
            *(locations[len(ends) + i] for i, _ in stays),
        ),
        sites=range(len(ends), first_night),
        tied={first_stay + k: len(ends) + i for k, (i, _) in enumerate(stays)},
    )
    times = LegTimes(
        Procedures(project),
        StepEdges(matrix.network),
        _departures(project, matrix.network, (frames, axis)),
    )
    tours = _tours(project, frames, axis, len(hotels))
    counted = _counted_travel(matrix, at, check)
    beyond = _beyond_a_day(counted, tours)
    timed = _timed_arcs(matrix, at, times, check, (counted, beyond))
    data = ProblemData(
        travel=_planned_travel(matrix, at, check, (project, times), (counted, beyond)),
        counted=counted,
        sites=sites,
        tours=tours,
        chained=True,
        hotels=(
            *range(len(hotels)),
            *range(first_night, first_stay + len(stays)),
        ),
        budget=costs.engine_budget(project),
        arc_costs=_arc_costs(project, matrix, at, (len(hotels), nights), check),
        groups=groups,
        closed_arcs=_closed_arcs(project, matrix, timed, frames)
        | _closed_nights(len(at.arrive), first_night, nights, frames),
        timetables=_with_stays(
            _timetables(project, matrix, at, timed, times),
            _stay_tables(project, matrix, at, (stays, first_stay), (frames, axis)),
            at,
        ),
    )
    return RouteModel(
        project=project,
        data=data,
        axis=axis,
        frames=frames,
        locations=at.arrive,
        site_ids=tuple(s.id for s in candidates),
        hotels=hotels,
        matrix=matrix,
        availability=availability,
        screened_out=screened,
        nights=nights,
        stays=stays,
        leaves=at.leave,
    )


def _engine_site(
    project: Project,
    site: CoreSite,
    location: int,
    windows: tuple[TimeWindow, ...],
    frames: tuple[DayFrame, ...],
    axis: TimeAxis,
    rules: PlanningRules,
    group_of: Mapping[str, int],
) -> Site:
    fixed_tour, fixed_start = _lock(project, site.id, frames, axis)
    return Site(
        location=location,
        score=_score(project, site, rules),
        service=site.duration_min,
        windows=windows,
        cost=_site_cents(project, site, two_days=False),
        groups=tuple(group_of[t] for t in dict.fromkeys(site.themes)),
        mandatory=site.required
        or site.id in project.route.required_sites
        or any(lk.site == site.id for lk in project.locks),
        fixed_tour=fixed_tour,
        fixed_start=fixed_start,
        name=site.name,
    )


def _site_cents(project: Project, site: CoreSite, *, two_days: bool) -> int:
    """Return a visit's site cost; a visit split over two days has
    interpreters on both (its fees and honoraria are paid once)."""
    return costs.to_cents(costs.site_cost(project, site, days=2 if two_days else 1))


def _splits(
    project: Project,
    candidates: tuple[CoreSite, ...],
    windows: Mapping[SiteId, tuple[TimeWindow, ...]],
    availability: Mapping[SiteId, list[SiteDay]],
    where: tuple[tuple[DayFrame, ...], TimeAxis, TravelMatrix],
) -> dict[SiteId, Stay]:
    """Return how each visit that fits no single day splits over two (see
    :mod:`lrplanner.planner.stays`), for the sites at a place with lodging."""
    frames, axis, matrix = where
    out: dict[SiteId, Stay] = {}
    for site in candidates:
        if windows[site.id] or site.place is None:
            continue
        loc = site_location(site)
        plain = matrix.minutes(site.place, loc)
        if plain is None:
            continue
        lead = 0
        if loc != site.place:
            lead = rounded(planning_minutes(matrix.leg(site.place, loc), project))
        lead += project.route.transfer_buffer_min
        days = availability[site.id]

        def fits(d: int, minutes: int, days: list[SiteDay] = days) -> bool:
            return any(
                _starts(axis, frames[d], begin, end, minutes)
                for begin, end in days[d].intervals
            )

        stay = stay_of(project, site, days, frames, lead, fits)
        if stay is not None:
            out[site.id] = stay
    return out


def _first_part_windows(
    days: list[SiteDay], frames: tuple[DayFrame, ...], axis: TimeAxis, stay: Stay
) -> tuple[TimeWindow, ...]:
    """Return the start windows of a two-day visit's first part (on the days
    it can begin)."""
    return tuple(
        TimeWindow(open=a, close=b, tour=d)
        for d in sorted(stay.days)
        for begin, end in days[d].intervals
        for a, b in _starts(axis, frames[d], begin, end, stay.first)
    )


def _stay_tables(
    project: Project,
    matrix: TravelMatrix,
    at: _Ends,
    stays: tuple[tuple[tuple[int, Stay], ...], int],
    days: tuple[tuple[DayFrame, ...], TimeAxis],
) -> dict[tuple[int, int], Timetable]:
    """Return the timing of leaving a two-day visit's night: the second part
    of the visit first (one "departure" per morning it can follow), then
    the way on from the site."""
    frames, axis = days
    found, first = stays
    out: dict[tuple[int, int], Timetable] = {}
    for k, (_, stay) in enumerate(found):
        night = first + k
        order = sorted(stay.days)
        morning = Departures(
            ready=tuple(axis.to_axis(frames[d + 1].close_by) for d in order),
            arrive=tuple(axis.to_axis(stay.starts[d]) + stay.second for d in order),
        )
        for j, target in enumerate(at.arrive):
            if j == night or at.barred(night, j):
                continue
            plain = matrix.minutes(at.leave[night], target)
            if plain is None:
                continue
            onward = 0
            if at.leave[night] != target:
                leg = matrix.leg(at.leave[night], target)
                onward = rounded(planning_minutes(leg, project)) + at.buffer(project, j)
            out[night, j] = Timetable((morning, onward))
    return out


def _with_stays(
    tables: dict[tuple[int, int], Timetable],
    stays: dict[tuple[int, int], Timetable],
    at: _Ends,
) -> dict[tuple[int, int], Timetable]:
    """Return the timetables with the two-day visits' mornings; a way on
    from the site that takes a set departure keeps its exact timing."""
    for (night, j), table in stays.items():
        onward = tables.get((at.tied[night], j))
        if onward is not None:
            table = Timetable((table.hops[0], *onward.hops))
        tables[night, j] = table
    return tables


def _theme_groups(
    sites: tuple[CoreSite, ...], rules: PlanningRules
) -> tuple[tuple[CoverageGroup, ...], dict[str, int]]:
    themes = list(dict.fromkeys(t for s in sites for t in s.themes))
    count = {t: sum(t in s.themes for s in sites) for t in themes}
    groups = tuple(
        CoverageGroup(
            name=t,
            increments=tuple(
                round(VALUE_SCALE * x) for x in rules.value.theme_increments(count[t])
            ),
        )
        for t in themes
    )
    return groups, {t: i for i, t in enumerate(themes)}


def _score(project: Project, site: CoreSite, rules: PlanningRules) -> int:
    """Return the engine score: value, lightly reduced by what the site costs."""
    penalty = float(costs.site_cost(project, site)) / 1000 * rules.value.cost_weight
    return max(1, round(VALUE_SCALE * (site.value - penalty)))


def _windows(
    days: list[SiteDay],
    frames: tuple[DayFrame, ...],
    axis: TimeAxis,
    duration: int,
    *,
    lunch: bool = False,
) -> tuple[TimeWindow, ...]:
    """Return service-start windows per day (``lunch``: the site serves
    lunch, so a visit may run through lunch time, lunch eaten inside it).

    The lunch rule (see docs/user-guide.md, "Lunch"): a visit may run into
    lunch time by at most ``LUNCH_LATE_MIN`` minutes, and lunch then follows it;
    otherwise it ends by lunch or starts after it. On the axis (lunch cut
    out) a visit that runs into lunch time starts before the lunch point and
    the decoder renders it without a pause, lunch after it, so its real end
    is its start plus its minutes in the real time before lunch.
    """
    out: list[TimeWindow] = []
    for frame, site_day in zip(frames, days, strict=True):
        if frame.rest:
            continue
        for begin, end in site_day.intervals:
            out.extend(
                TimeWindow(open=a, close=b, tour=frame.index)
                for a, b in _starts(axis, frame, begin, end, duration, lunch=lunch)
            )
    return tuple(out)


def _starts(
    axis: TimeAxis,
    frame: DayFrame,
    begin: datetime,
    end: datetime,
    duration: int,
    *,
    lunch: bool = False,
) -> list[tuple[int, int]]:
    """Return the (first, last) visit starts of one opening interval.

    At a site that serves ``lunch`` any start fits whose visit, with the
    lunch hour inside it when it runs over the lunch point, ends by closing
    (the axis has lunch cut out, so that is the plain interval)."""
    lo, hi = axis.to_axis(begin), axis.to_axis(end)
    if frame.lunch is None or lunch:
        return [(lo, hi - duration)] if hi - duration >= lo else []
    point = axis.to_axis(frame.lunch[0])
    if not (lo < point and frame.lunch[0] < end):
        return [(lo, hi - duration)] if hi - duration >= lo else []
    # before lunch, running into lunch time by at most LUNCH_LATE_MIN minutes
    # and not past closing (real minutes from the lunch point)
    open_after = int((end - frame.lunch[0]) / MINUTE)
    early = (lo, point + min(LUNCH_LATE_MIN, open_after) - duration)
    late = (point, hi - duration)
    pieces = [p for p in (early, late) if p[1] >= p[0]]
    if len(pieces) == 2 and early[1] >= point:
        return [(lo, max(early[1], late[1]))]
    return pieces


def _lock(
    project: Project, site: SiteId, frames: tuple[DayFrame, ...], axis: TimeAxis
) -> tuple[int | None, int | None]:
    for lock in project.locks:
        if lock.site != site:
            continue
        index = next((f.index for f in frames if f.day == lock.day), None)
        start = None
        if lock.start is not None:
            zone = location_zone(project, site_location(project.site_by_id[site]))
            start = axis.to_axis(datetime.combine(lock.day, lock.start, zone))
        return index, start
    return None, None


def _rows(
    n: int, cell: Callable[[int, int], int], check: Check
) -> tuple[tuple[int, ...], ...]:
    """Return the n x n matrix of ``cell(i, j)``, checking between rows."""

    def row(i: int) -> tuple[int, ...]:
        check()
        return tuple(cell(i, j) for j in range(n))

    return tuple(row(i) for i in range(n))


def _counted_travel(matrix: TravelMatrix, at: _Ends, check: Check) -> Matrix:
    """Return the counted travel minutes of every arc (the legs' own
    minutes), ``FAR`` where no leg joins the pair, where a night leg would
    follow itself (two nights on the same leg would need the group back at
    its origin) and where an arc breaks a two-day visit."""

    def counted(i: int, j: int) -> int:
        a, b = at.leave[i], at.arrive[j]
        plain = matrix.minutes(a, b)
        if plain is None or (i == j and a != b) or at.barred(i, j):
            return FAR
        return plain

    return _rows(len(at.arrive), counted, check)


def _planned_travel(
    matrix: TravelMatrix,
    at: _Ends,
    check: Check,
    planned: tuple[Project, LegTimes],
    rough: tuple[Matrix, Beyond],
) -> Matrix:
    """Return travel minutes as planned: with airport and border procedures,
    rounded up to 5 minutes, and the transfer buffer before every site (the
    static estimate: no waiting for departures). ``rough`` (the counted
    minutes and the arcs beyond a day's travel) gives those arcs, the walls
    and an arc from a location to itself their counted minutes without
    timing their legs."""
    project, times = planned
    counted, beyond = rough

    def minutes(i: int, j: int) -> int:
        if j in beyond[i] or i == j or counted[i][j] >= FAR:
            return counted[i][j]
        leg = matrix.legs[at.leave[i], at.arrive[j]]
        return rounded(times.planning_minutes(leg)) + at.buffer(project, j)

    return _rows(len(at.arrive), minutes, check)


def _beyond_a_day(counted: Matrix, tours: tuple[Tour, ...]) -> Beyond:
    """Return, for each location, the arcs from it that travel longer than
    any day may (none when a day has no limit).

    Every arc of a plan is one day's travel and counts against that day's
    travel hours, so such an arc is never in a plan: its leg's timetables,
    waits and planned minutes need not be worked out (at 400 sites over
    three weeks a fifth of the arcs, most of them flights). The engine still
    sees their travel, as counted: the search passes through arcs no plan
    keeps, and a wall (``FAR``) there cost it optima (the exact benchmark
    lost 3 of 20 when they were made ``FAR``).
    """
    limits = [t.max_travel for t in tours]
    none: frozenset[int] = frozenset()
    if not limits or any(m is None for m in limits):
        return tuple(none for _ in counted)
    cap = max(m for m in limits if m is not None)
    return tuple(
        frozenset(j for j, m in enumerate(row) if cap < m < FAR) for row in counted
    )


def _tours(
    project: Project, frames: tuple[DayFrame, ...], axis: TimeAxis, hotels: int
) -> tuple[Tour, ...]:
    route = project.route
    start, end = hotels, hotels + 1
    return tuple(
        Tour(
            start=start,
            end=end,
            earliest_start=axis.to_axis(f.open_from),
            latest_end=axis.to_axis(f.close_by),
            max_visits=0 if f.rest else route.max_visits_per_day,
            max_travel=0 if f.rest else round(route.max_travel_hours_per_day * 60),
        )
        for f in frames
    )


def _timed_arcs(
    matrix: TravelMatrix,
    at: _Ends,
    times: LegTimes,
    check: Check,
    rough: tuple[Matrix, Beyond],
) -> dict[tuple[int, int], tuple[Connection, ...]]:
    """Return the timetabled edges of every arc whose leg takes one (but the
    arcs ``beyond`` a day's travel, never in a plan, and the walls: the
    counted minutes are ``FAR`` where no leg joins the pair or a two-day
    visit bars the arc)."""
    counted, beyond = rough
    timed: dict[tuple[int, int], tuple[Connection, ...]] = {}
    for i, a in enumerate(at.leave):
        check()
        far, row = beyond[i], counted[i]
        for j, b in enumerate(at.arrive):
            if i != j and a != b and j not in far and row[j] < FAR:
                steps = times.scheduled(matrix.legs[a, b])
                if steps:
                    timed[i, j] = steps
    return timed


def _closed_arcs(
    project: Project,
    matrix: TravelMatrix,
    timed: Mapping[tuple[int, int], tuple[Connection, ...]],
    frames: tuple[DayFrame, ...],
) -> frozenset[tuple[int, int, int]]:
    """Return (day, from, to) arcs whose timetabled legs cannot run that day."""
    # Many arcs share their timetabled edges: check each edge once a day
    # (by identity: they are the network's own edges, and hashing an edge by
    # its value, for every arc, took longer than the checks)
    edges = {id(c): c for conns in timed.values() for c in conns}
    idle: dict[int, list[int]] = {
        key: [
            f.index
            for f in frames
            if not runs_within(
                conn,
                f.day,
                _clock(matrix.network, conn.origin, f.open_from),
                _clock(matrix.network, conn.origin, f.close_by),
                before=check_in_minutes(
                    project, conn.mode, conn.origin, conn.destination
                ),
                after=arrival_minutes(
                    project, conn.mode, conn.origin, conn.destination
                ),
            )
        ]
        for key, conn in edges.items()
    }
    return frozenset(
        (day, i, j)
        for (i, j), conns in timed.items()
        for day in {d for c in conns for d in idle[id(c)]}
    )


def _closed_nights(
    size: int,
    first: int,
    nights: tuple[NightLeg, ...],
    frames: tuple[DayFrame, ...],
) -> frozenset[tuple[int, int, int]]:
    """Return (day, from, night leg) arcs for the evenings a night leg has no
    departure that makes a night (see :mod:`lrplanner.planner.night_legs`)."""
    return frozenset(
        (f.index, i, first + k)
        for k, night in enumerate(nights)
        for f in frames
        if f.index not in night.take_off
        for i in range(size)
    )


def _departures(
    project: Project,
    network: TravelNetwork,
    days: tuple[tuple[DayFrame, ...], TimeAxis],
) -> Callable[[Connection], Departures]:
    """Return each timetabled edge's departures on the route days, on the
    axis (:func:`~lrplanner.planner.timing.edge_departures`), made once."""
    frames, axis = days
    dates = [f.day for f in frames]
    # by identity, as in _closed_arcs
    tables: dict[int, Departures] = {}

    def departures(conn: Connection) -> Departures:
        found = tables.get(id(conn))
        if found is None:
            found = edge_departures(project, network, conn, dates, axis)
            tables[id(conn)] = found
        return found

    return departures


def _timetables(
    project: Project,
    matrix: TravelMatrix,
    at: _Ends,
    timed: Mapping[tuple[int, int], tuple[Connection, ...]],
    times: LegTimes,
) -> dict[tuple[int, int], Timetable]:
    """Return the exact timing of every arc whose leg takes a set departure
    (with the transfer buffer before sites)."""
    out: dict[tuple[int, int], Timetable] = {}
    for i, j in timed:
        leg = matrix.leg(at.leave[i], at.arrive[j])
        table = times.timetable(leg, at.buffer(project, j))
        if table is not None:
            out[i, j] = table
    return out


def _clock(network: TravelNetwork, node: str, moment: datetime) -> time:
    """Return a moment as the wall clock at a network node."""
    return moment.astimezone(network.node(node).zone).time()


def _arc_costs(
    project: Project,
    matrix: TravelMatrix,
    at: _Ends,
    stays: tuple[int, tuple[NightLeg, ...]],
    check: Check,
) -> tuple[tuple[int, ...], ...]:
    """Return travel costs, plus the night on arcs into a hotel or night leg
    (lodging and per diem; a night leg's fare and the per diem where it
    arrives, as the cost model counts it)."""
    group = project.group_size
    hotels, nights = stays
    first_night = len(at.arrive) - len(at.tied) - len(nights)
    night: dict[int, int] = {
        j: costs.to_cents(costs.night_cost(project, project.place_by_id[PlaceId(p)]))
        for j, p in enumerate(at.arrive[:hotels])
    }
    for stay_night in at.tied:
        where = project.place_by_id[PlaceId(at.arrive[stay_night])]
        night[stay_night] = costs.to_cents(costs.night_cost(project, where))
    for k, leg in enumerate(nights):
        place = project.place_by_id.get(PlaceId(leg.destination))
        per_diem = (place.per_diem if place is not None else None) or Decimal(0)
        night[first_night + k] = costs.to_cents(
            leg.conn.cost_for(group) + per_diem * group
        )

    legs = matrix.legs

    def cost(i: int, j: int) -> int:
        leg = legs.get((at.leave[i], at.arrive[j]))
        fare = 0 if leg is None else costs.to_cents(leg.cost_for(group))
        return fare + night.get(j, 0)

    return _rows(len(at.arrive), cost, check)


def engine_plan(model: RouteModel, itinerary: Itinerary) -> Plan | None:
    """Return an itinerary as the engine's plan of ``model`` (a search start).

    Visits of sites the model does not hold are left out; None when the days
    differ from the model's or a night is at a place the model has no hotel for.
    """
    if [d.day for d in itinerary.days] != [f.day for f in model.frames]:
        return None
    index = {site: i for i, site in enumerate(model.site_ids)}
    hotel: dict[object, int] = {place: i for i, place in enumerate(model.hotels)}
    first = len(model.locations) - len(model.stays) - len(model.nights)
    hotel.update(
        {(n.origin, n.destination): first + k for k, n in enumerate(model.nights)}
    )
    stays = len(model.locations) - len(model.stays)
    hotel.update(
        {("stay", model.site_ids[i]): stays + k for k, (i, _) in enumerate(model.stays)}
    )
    routes = [
        [index[e.site] for e in day.visits() if e.site in index and not e.continued]
        for day in itinerary.days
    ]
    split = {model.site_ids[i] for i, _ in model.stays}
    nights = [_stay_key(day, split) for day in itinerary.days[:-1]]
    if any(n is None or n not in hotel for n in nights):
        return None
    return Plan(routes=routes, hotels=[hotel[n] for n in nights if n is not None])


def _stay_key(day: DayPlan, split: set[SiteId]) -> object:
    """Return how :func:`engine_plan` names a night: the place slept at, a
    night leg's (origin, destination), or ("stay", site) in the middle of a
    two-day visit (one of ``split`` ending the day)."""
    leg = day.night_leg()
    if leg is not None:
        return (leg.origin, leg.destination)
    visits = day.visits()
    if visits and visits[-1].site in split and not visits[-1].continued:
        return ("stay", visits[-1].site)
    return day.overnight
