"""Timetables in the engine's static travel times, and real departures.

The engine needs one travel time per pair of locations. A scheduled link
(a flight with set departures) is given its flight time plus an allowance
for waiting: the longest gap between two departures of the same day, capped
at ``MAX_WAIT`` (also the allowance of a once-a-day departure). Every leg
also counts its procedures (``core.procedures``): check-in before and arrival
minutes after a flight, formalities at a border post. The decoder uses the
real departure, and the validator checks every leg against the timetable; a
day that misses its flight is re-planned (see ``planner.plan``).
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from lrplanner.core.procedures import (
    arrival_minutes,
    check_in_minutes,
    formalities_minutes,
)
from lrplanner.network.schedule import next_departure

if TYPE_CHECKING:
    from lrplanner.core.project import Project
    from lrplanner.network.graph import TravelNetwork
    from lrplanner.network.legs import Connection, Leg, Step

MAX_WAIT = 240


def step_connection(network: TravelNetwork, step: Step) -> Connection | None:
    """Return the network edge a step of a leg travels."""
    for conn in network.connections(step.origin, step.destination):
        if conn.mode == step.mode and conn.minutes == step.minutes:
            return conn
    return None


class StepEdges:
    """:func:`step_connection` remembered per step object.

    A travel matrix's legs share their step objects (one per edge of each
    search tree), so a model build asks for far fewer edges than steps. Keyed
    by identity: keep it only while the legs it was asked about are alive.
    """

    def __init__(self, network: TravelNetwork) -> None:
        self.network = network
        self._found: dict[int, Connection | None] = {}

    def __call__(self, step: Step) -> Connection | None:
        """Return the network edge a step travels."""
        key = id(step)
        if key not in self._found:
            self._found[key] = step_connection(self.network, step)
        return self._found[key]


def wait_allowance(conn: Connection | None) -> int:
    """Return the planning allowance (minutes) for waiting on a scheduled edge."""
    if conn is None or not conn.departures:
        return 0
    minutes = sorted(t.hour * 60 + t.minute for t in conn.departures)
    gaps = [b - a for a, b in itertools.pairwise(minutes)]
    return min(MAX_WAIT, max(gaps, default=MAX_WAIT))


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


def planning_minutes(
    network: TravelNetwork,
    leg: Leg,
    edges: StepEdges | None = None,
    project: Project | None = None,
) -> int:
    """Return a leg's minutes plus the waiting allowances of its steps and,
    given the project, their procedures.

    A timetabled step's check-in is spent inside its waiting allowance when
    that is longer: the allowance is the engine's stand-in for the wait
    before a departure (the decoder waits where the group is until it must
    leave for check-in), so adding both would count the same minutes twice
    on most days. A day the real timetable makes late is re-planned.
    """
    edge = edges or StepEdges(network)
    total = leg.total_min
    for step in leg.steps:
        wait = wait_allowance(edge(step))
        if project is None:
            total += wait
            continue
        check_in = check_in_minutes(project, step.mode, step.origin, step.destination)
        total += max(wait, check_in) + before_step(project, step) - check_in
        total += after_step(project, step)
    return total


def real_departure(network: TravelNetwork, step: Step, ready: datetime) -> datetime:
    """Return when the group can really leave on a step, being ready at ``ready``.

    A step with no timetable leaves at once; a timetable with no departure in
    the coming week gives ``ready`` too (the validator reports the leg).
    """
    conn = step_connection(network, step)
    if conn is None or not conn.departures:
        return ready
    zone = network.node(step.origin).zone
    found = next_departure(conn, ready, zone)
    return ready if found is None else found


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
