"""Timetables in the engine: exact departures, and the static estimate.

A leg that takes a scheduled link (a flight with set departures) depends on
when the group leaves. The engine gets, per such arc, a
:class:`~lrplanner.solver.problem.Timetable`: the fixed minutes before the
link, then each real departure of the route's days as "be ready by"
(the scheduled take-off minus check-in, see :func:`ready_by`) and "free at"
(landing plus arrival minutes), then the fixed minutes after it. Tour timing
follows it exactly, so a visit before an afternoon flight or after a
morning arrival is planned whenever it fits; the decoder and the validator
read the same departures. The static matrix that guides the search
(:func:`planning_minutes`) counts a leg's minutes and its procedures with no
waiting. Every leg also counts its procedures (``core.procedures``):
check-in before and arrival minutes after a flight, formalities at a border
post.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from lrplanner.core.procedures import (
    arrival_minutes,
    check_in_minutes,
    formalities_minutes,
)
from lrplanner.network.schedule import next_departure
from lrplanner.solver.problem import Departures, Hop, Timetable

#: Minutes before a timetabled departure by which a meal at the departure
#: point is over (boarding).
BOARDING_MIN = 30

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from lrplanner.core.places import TravelMode
    from lrplanner.core.project import Project
    from lrplanner.network.graph import TravelNetwork
    from lrplanner.network.legs import Connection, Leg, Step
    from lrplanner.planner.axis import TimeAxis


ROUND = 5
"""Travel minutes are planned in whole multiples of this (rounded up), so the
times a group leaves and starts a visit fall on the five minutes."""


def rounded(minutes: int) -> int:
    """Return minutes rounded up to a multiple of :data:`ROUND`."""
    return -(-minutes // ROUND) * ROUND


def step_connection(network: TravelNetwork, step: Step) -> Connection | None:
    """Return the network edge a step of a leg travels."""
    for conn in network.connections(step.origin, step.destination):
        if conn.mode == step.mode and conn.minutes == step.minutes:
            return conn
    return None


class StepEdges:
    """:func:`step_connection` for the legs of one network's travel matrix.

    A matrix's steps know the edge they travel (:meth:`Step.along`): the
    lightest of its parallel edges by minutes, ties to the first, which is
    the one :func:`step_connection` finds. Other steps are looked up,
    remembered per step object (keep this only while their legs are alive).
    """

    def __init__(self, network: TravelNetwork) -> None:
        self.network = network
        self._found: dict[int, Connection | None] = {}

    def __call__(self, step: Step) -> Connection | None:
        """Return the network edge a step travels."""
        if step.edge is not None:
            return step.edge
        key = id(step)
        if key not in self._found:
            self._found[key] = step_connection(self.network, step)
        return self._found[key]


def before_step(project: Project, step: Step) -> int:
    """Return the minutes the group spends at a step's origin before it leaves:
    check-in for a flight, formalities at a border post."""
    return check_in_minutes(
        project, step.mode, step.origin, step.destination
    ) + formalities_minutes(project, step.origin)


def after_step(project: Project, step: Step) -> int:
    """Return the minutes after a step before the group is free (a flight's
    immigration and baggage)."""
    return arrival_minutes(project, step.mode, step.origin, step.destination)


class Procedures:
    """:func:`before_step` and :func:`after_step` of a project, remembered.

    They depend only on a step's mode and ends, and a model build asks about
    each edge once for every leg through it (with hundreds of sites, millions
    of times).
    """

    def __init__(self, project: Project) -> None:
        self.project = project
        self._found: dict[tuple[TravelMode, str, str], tuple[int, int]] = {}

    def around(self, step: Step) -> tuple[int, int]:
        """Return the minutes before and after a step."""
        key = (step.mode, step.origin, step.destination)
        found = self._found.get(key)
        if found is None:
            found = (before_step(self.project, step), after_step(self.project, step))
            self._found[key] = found
        return found

    def with_step(self, step: Step) -> int:
        """Return a step's minutes with its procedures."""
        before, after = self.around(step)
        return before + step.minutes + after


def planning_minutes(
    leg: Leg,
    project: Project | None = None,
    *,
    procedures: Procedures | None = None,
) -> int:
    """Return a leg's minutes plus, given the project (or its remembered
    ``procedures``), its procedures.

    This is the static estimate that guides the search: it waits for no
    departure. Arcs with set departures are timed exactly by their
    :class:`~lrplanner.solver.problem.Timetable` (see :func:`arc_timetable`).
    """
    if procedures is None and project is not None:
        procedures = Procedures(project)
    total = leg.total_min
    if procedures is not None:
        total += sum(sum(procedures.around(s)) for s in leg.steps)
    return total


def arc_timetable(
    procedures: Procedures,
    leg: Leg,
    edges: StepEdges,
    departures: Callable[[Connection], Departures],
    buffer: int = 0,
) -> Timetable | None:
    """Return the exact timing of a leg, or None when no step is scheduled.

    Steps without a timetable add their minutes and procedures (each run of
    them :func:`rounded`); a scheduled step waits for its next departure
    (``departures`` gives each edge's table on the engine's axis, check-in
    and arrival minutes included). ``buffer`` minutes end the leg (the
    transfer buffer before a visit).
    """
    hops: list[Hop] = []
    fixed = 0
    for step in leg.steps:
        conn = edges(step)
        if conn is None or not conn.departures:
            fixed += procedures.with_step(step)
            continue
        if fixed:
            hops.append(rounded(fixed))
        hops.append(departures(conn))
        fixed = 0
    if not hops:  # every hop so far is a departure or the fixed run before one
        return None
    if fixed or buffer:
        hops.append(rounded(fixed) + buffer)
    return Timetable(tuple(hops))


def edge_departures(
    project: Project,
    network: TravelNetwork,
    conn: Connection,
    days: Sequence[date],
    axis: TimeAxis,
) -> Departures:
    """Return a scheduled edge's departures on the route days, on the axis.

    "Ready" is :func:`ready_by` of each take-off; "arrive" is when the group
    is free after landing (arrival minutes).
    """
    zone = network.node(conn.origin).zone
    after = conn.minutes + arrival_minutes(
        project, conn.mode, conn.origin, conn.destination
    )
    pairs = sorted(
        (
            ready_by(project, axis, conn, moment),
            axis.to_axis(moment + timedelta(minutes=after)),
        )
        for day in days
        if day.weekday() in conn.weekdays
        for clock in conn.departures
        for moment in [datetime.combine(day, clock, zone)]
    )
    return Departures(
        ready=tuple(r for r, _ in pairs), arrive=tuple(a for _, a in pairs)
    )


def ready_by(
    project: Project, axis: TimeAxis, conn: Connection, take_off: datetime
) -> int:
    """Return the working minute by which the group must be at a scheduled
    edge's origin to make ``take_off``.

    That is the take-off less check-in and border formalities, in real time:
    a 14:10 domestic flight wants the group at the airport at 13:10. When that
    moment falls inside lunch, the group is there when lunch starts (and eats
    there).
    """
    before = check_in_minutes(
        project, conn.mode, conn.origin, conn.destination
    ) + formalities_minutes(project, conn.origin)
    counter = take_off - timedelta(minutes=before)
    landed = conn.minutes + arrival_minutes(
        project, conn.mode, conn.origin, conn.destination
    )
    return axis.to_axis(_lunch_first(axis, counter, take_off, conn.minutes, landed))


def _lunch_first(
    axis: TimeAxis, counter: datetime, take_off: datetime, flying: int, landed: int
) -> datetime:
    """Return when the group must be at a departure point: at ``counter``
    (check-in), or earlier when the leg leaves inside lunch time and lunch
    fits nowhere else.

    The axis cuts lunch out, so a leg that takes off inside the lunch hour
    looks as if lunch came first. Lunch is on board when the leg is under
    way for half of the lunch hour or more, or after it when the group is
    free (``landed`` minutes after take-off) within the lunch hour; else it
    is at the departure point, over ``BOARDING_MIN`` minutes before take-off,
    and the group must be there for it (as the decoder lays it out). A
    take-off less than ``BOARDING_MIN`` minutes into lunch time leaves no
    such lunch and keeps ``counter``.
    """
    at = axis.real_minutes(take_off)
    for start, end in axis.lunches:
        if not start < at < end:
            continue
        length = end - start
        if (min(at + flying, end) - at) * 2 >= length or at + landed <= end:
            return counter
        meal = take_off - timedelta(minutes=BOARDING_MIN + length)
        if at - BOARDING_MIN >= start:
            return min(counter, meal)
    return counter


def catch(
    project: Project,
    network: TravelNetwork,
    axis: TimeAxis,
    conn: Connection,
    ready: int,
) -> datetime | None:
    """Return the first take-off of a scheduled edge that the group, at its
    origin at working minute ``ready``, makes (:func:`ready_by`); None when
    none runs in the coming week."""
    zone = network.node(conn.origin).zone
    moment = axis.to_real(ready, after_lunch=False)
    for _ in range(8 * max(1, len(conn.departures))):
        found = next_departure(conn, moment, zone)
        if found is None:
            return None
        if ready_by(project, axis, conn, found) >= ready:
            return found
        moment = found + timedelta(minutes=1)
    return None


def scheduled_steps(
    network: TravelNetwork, leg: Leg, edges: StepEdges | None = None
) -> list[Connection]:
    """Return the timetabled edges a leg travels."""
    edge = edges or StepEdges(network)
    conns = (edge(s) for s in leg.steps)
    return [c for c in conns if c is not None and c.departures]


def runs_within(
    conn: Connection,
    day: date,
    start: time,
    end: time,
    *,
    before: int = 0,
    after: int = 0,
) -> bool:
    """Return whether a timetabled edge has a departure on ``day`` that leaves
    ``before`` minutes after ``start`` and arrives ``after`` minutes before
    ``end`` (local clock at its origin)."""
    if day.weekday() not in conn.weekdays:
        return False
    length = timedelta(minutes=conn.minutes + after)
    first = datetime.combine(day, start) + timedelta(minutes=before)
    last = datetime.combine(day, end)
    return any(
        first <= datetime.combine(day, t) and datetime.combine(day, t) + length <= last
        for t in conn.departures
    )
