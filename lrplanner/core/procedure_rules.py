"""The validator's airport and border rules, recomputed from the plan's events.

* **check-in**: before each flight, every activity of the day has ended and
  the group is at the airport check-in minutes before the take-off (the
  check-in also lies inside the day window when the flight opens the day);
  likewise at the pier or the station boarding minutes before a timetabled
  boat or train;
* **arrival**: after landing, nothing starts before the arrival minutes
  (immigration and baggage) are over, and the group is free by the day's end;
* **border formalities**: a leg from a land border post leaves no sooner
  than the post's formalities minutes after the group got there.

Lunch is not an activity here: it may be eaten at the airport.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from lrplanner.core.locations import location_zone
from lrplanner.core.places import TravelMode
from lrplanner.core.plan import EventKind
from lrplanner.core.procedures import (
    arrival_minutes,
    check_in_minutes,
    formalities_minutes,
    waiting_place,
)

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from zoneinfo import ZoneInfo

    from lrplanner.core.plan import DayPlan, Event
    from lrplanner.core.project import Project

SLACK = timedelta(minutes=1)


def procedure_problems(project: Project, day: DayPlan) -> Iterator[tuple[str, str]]:
    """Yield (rule, message) for every broken airport or border rule of a day."""
    events = sorted(
        (e for e in day.events if e.kind is not EventKind.MEAL),
        key=lambda e: (e.start, e.end),
    )
    for i, event in enumerate(events):
        if event.kind is not EventKind.TRAVEL:
            continue
        if event.mode is TravelMode.FLIGHT:
            yield from _check_in(project, day, events[:i], event)
            yield from _arrival(project, day, event, events[i + 1 :])
        elif event.mode is not TravelMode.ROAD:  # a boat or train's boarding
            yield from _check_in(project, day, events[:i], event)
        yield from _formalities(project, events[:i], event)


def _ends(event: Event) -> tuple[str, str]:
    assert event.origin is not None
    assert event.destination is not None
    return event.origin, event.destination


def _clock(moment: datetime, zone: ZoneInfo) -> str:
    return f"{moment.astimezone(zone):%H:%M}"


def _check_in(
    project: Project, day: DayPlan, earlier: Sequence[Event], flight: Event
) -> Iterator[tuple[str, str]]:
    origin, destination = _ends(flight)
    assert flight.mode is not None
    minutes = check_in_minutes(project, flight.mode, origin, destination)
    if minutes == 0:
        return
    by = flight.start - timedelta(minutes=minutes)
    zone = location_zone(project, origin)
    leaves, at, what = _wording(flight.mode)
    if earlier:
        there = max(e.end for e in earlier)
        if there > by + SLACK:
            yield (
                "check-in",
                f"{flight.title!r} {leaves} at {_clock(flight.start, zone)}: the "
                f"group must be at the {at} by {_clock(by, zone)} ({minutes} min "
                f"{what}) but is busy until {_clock(there, zone)}",
            )
        return
    opens = datetime.combine(day.day, project.route.day_start, tzinfo=zone)
    if by < opens - SLACK:
        yield (
            "check-in",
            f"{flight.title!r} {leaves} at {_clock(flight.start, zone)}: {what} "
            f"at {_clock(by, zone)} ({minutes} min) is before the day starts "
            f"({project.route.day_start:%H:%M})",
        )


def _wording(mode: TravelMode) -> tuple[str, str, str]:
    """Return how a leg leaves, where the group waits and what it does there."""
    if mode is TravelMode.FLIGHT:
        return "takes off", waiting_place(mode), "check-in"
    return "leaves", waiting_place(mode), "boarding"


def _arrival(
    project: Project, day: DayPlan, flight: Event, later: Sequence[Event]
) -> Iterator[tuple[str, str]]:
    origin, destination = _ends(flight)
    assert flight.mode is not None
    minutes = arrival_minutes(project, flight.mode, origin, destination)
    free = flight.end + timedelta(minutes=minutes)
    zone = location_zone(project, destination)
    early = [e for e in later if e.start < free - SLACK]
    for event in early[:1]:
        yield (
            "arrival",
            f"{event.title!r} starts at {_clock(event.start, zone)}, before the "
            f"group is through the airport at {_clock(free, zone)} (landing "
            f"{_clock(flight.end, zone)} + {minutes} min)",
        )
    closes = datetime.combine(day.day, project.route.day_end, tzinfo=zone)
    if not later and free > closes + SLACK:
        yield (
            "arrival",
            f"{flight.title!r} lands at {_clock(flight.end, zone)}: the group is "
            f"through the airport at {_clock(free, zone)}, after the day ends "
            f"({project.route.day_end:%H:%M})",
        )


def _formalities(
    project: Project, earlier: Sequence[Event], leg: Event
) -> Iterator[tuple[str, str]]:
    origin, _ = _ends(leg)
    minutes = formalities_minutes(project, origin)
    if not minutes or not earlier:
        return
    there = max(e.end for e in earlier)
    if leg.start < there + timedelta(minutes=minutes) - SLACK:
        zone = location_zone(project, origin)
        yield (
            "border formalities",
            f"{leg.title!r} leaves the border post at {_clock(leg.start, zone)}, "
            f"{int((leg.start - there).total_seconds() // 60)} min after the group "
            f"got there; its formalities take {minutes} min",
        )
