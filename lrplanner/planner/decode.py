"""Engine answer -> Itinerary: timed events per day, in real (local) time.

Everything is first laid out on the engine's working-minute axis (where it
was proven feasible), then mapped to real time with lunch put back: lunch
goes where the group is at the lunch point, or, when the group is on the
road then, just before or after that stretch of travel (whichever is nearer).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from lrplanner.core.ids import PlaceId, SiteId
from lrplanner.core.locations import SITE_PREFIX, location_name, location_zone
from lrplanner.core.places import PlaceKind, TravelMode
from lrplanner.core.plan import DayPlan, Event, EventKind, Itinerary, SessionKind
from lrplanner.core.procedures import arrival_minutes, check_in_minutes, is_scheduled
from lrplanner.network.estimate import great_circle_km
from lrplanner.network.legs import Step
from lrplanner.planner.axis import MINUTE, at
from lrplanner.planner.timing import (
    BOARDING_MIN,
    ROUND,
    after_step,
    before_step,
    catch,
    ready_by,
    step_connection,
)

if TYPE_CHECKING:
    from datetime import timedelta

    from lrplanner.core.rules import SessionRules
    from lrplanner.planner.axis import TimeAxis
    from lrplanner.planner.build import RouteModel
    from lrplanner.planner.frames import DayFrame
    from lrplanner.planner.night_legs import NightLeg
    from lrplanner.planner.stays import Stay
    from lrplanner.solver.result import Result, TourPlan

#: Minutes a group needs at a check-in counter before it can eat airside.
CHECK_IN_TAKES_MIN = 30
#: A first leg of the day that would bring the group to its first activity
#: more than this early leaves later, to arrive ARRIVE_EARLY_MIN ahead.
WAIT_MAX_MIN = 30
ARRIVE_EARLY_MIN = 10
HOUR = 60 * MINUTE

SESSION_TITLES = {
    SessionKind.OPENING: "Opening session",
    SessionKind.REFLECTION: "Daily reflection",
    SessionKind.INNOVATION_PLAN: "Innovation Plan workshop",
    SessionKind.CLOSING: "Closing session",
}


@dataclass(slots=True)
class Block:
    """An activity on the axis, before lunch is put back."""

    start: int
    end: int
    where_before: str
    where_after: str
    make: dict[str, Any] = field(default_factory=dict)
    real: tuple[datetime, datetime] | None = None  # timetabled: fixed real times


def decode(model: RouteModel, result: Result, sessions: SessionRules) -> Itinerary:
    """Return the itinerary of an engine result (left-out sites not filled in)."""
    days = []
    last = len(model.frames) - 1
    for frame, tour in zip(model.frames, result.tours, strict=True):
        blocks = _blocks(model, frame, tour, sessions, last)
        night = model.night_at(tour.end_location) if frame.index < last else None
        if night is not None:
            blocks.append(_night_block(model, night, frame.index))
        overnight = (
            None if frame.index == last else PlaceId(model.sleeps_at(tour.end_location))
        )
        events = _to_real(model, frame, blocks, _morning_place(model, tour))
        days.append(
            DayPlan(
                day=frame.day,
                events=events,
                rest=frame.rest,
                overnight=overnight,
                on_board=night is not None,
            )
        )
    return Itinerary(days=tuple(days))


def _morning_place(model: RouteModel, tour: TourPlan) -> str:
    """Return where the group is when a tour's day begins."""
    stay = model.stay_at(tour.start_location)
    return stay[1].place if stay else model.leaves_from(tour.start_location)


def _night_block(model: RouteModel, night: NightLeg, index: int) -> Block:
    """Return the night on board that ends a day: the evening's departure
    (the engine only offers nights it can make, see ``night_legs``)."""
    leave = night.take_off[index]
    step = Step.along(night.conn, depart=leave)
    return _step_block(
        model, step, model.axis.to_axis(leave), (leave, night.lands(index))
    )


def _blocks(
    model: RouteModel,
    frame: DayFrame,
    tour: TourPlan,
    sessions: SessionRules,
    last: int,
) -> list[Block]:
    axis = model.axis
    start, end = axis.to_axis(frame.start), axis.to_axis(frame.end)
    here = _morning_place(model, tour)
    blocks: list[Block] = []
    t = start
    for kind, minutes in _head_sessions(frame.index, last, sessions):
        blocks.append(_session(t, minutes, kind, here))
        t += minutes
    t = max(t, tour.departure)
    stay = model.stay_at(tour.start_location)
    if stay is not None:  # the second part of yesterday's two-day visit
        here, t = _second_part(model, frame, blocks, stay, t)
    for visit in tour.visits:
        site_id = model.site_ids[visit.site]
        where = model.locations[model.data.sites[visit.site].location]
        t = _travel(model, blocks, here, where, t)
        service = model.data.sites[visit.site].service
        begin = max(visit.start, t)  # a late departure pushes the visit (validated)
        blocks.append(
            Block(
                begin,
                begin + service,
                where,
                where,
                _visit(model, frame, site_id, where),
            )
        )
        here, t = where, begin + service
    target = model.locations[tour.end_location]
    arrival = _travel(model, blocks, here, target, t)
    closing = SessionKind.CLOSING if frame.index == last else SessionKind.REFLECTION
    minutes = (
        sessions.closing_min
        if closing is SessionKind.CLOSING
        else (
            sessions.reflection_min
            if tour.visits or model.stay_at(tour.start_location)
            else 0
        )
    )
    if minutes:
        blocks.append(_session(max(end - minutes, arrival), minutes, closing, target))
    return blocks


def _second_part(
    model: RouteModel,
    frame: DayFrame,
    blocks: list[Block],
    stay: tuple[int, Stay],
    t: int,
) -> tuple[str, int]:
    """Append the way from the night's place to the site and the visit's
    second part (when the engine's morning timetable has it start); return
    where the group is and when it is free."""
    site, split = stay
    where = model.locations[model.data.sites[site].location]
    _travel(model, blocks, split.place, where, t)
    begin = model.axis.to_axis(split.starts[frame.index - 1])
    make = _visit(model, frame, model.site_ids[site], where)
    make["continued"] = True
    make["title"] = make["title"].replace("Visit: ", "Visit (continued): ", 1)
    blocks.append(Block(begin, begin + split.second, where, where, make))
    return where, begin + split.second


def _head_sessions(
    index: int, last: int, sessions: SessionRules
) -> list[tuple[SessionKind, int]]:
    out = []
    if index == 0:
        out.append((SessionKind.OPENING, sessions.opening_min))
    if last >= 1 and index == last - 1:
        out.append((SessionKind.INNOVATION_PLAN, sessions.innovation_min))
    return [(k, m) for k, m in out if m]


def _session(start: int, minutes: int, kind: SessionKind, where: str) -> Block:
    return Block(
        start,
        start + minutes,
        where,
        where,
        {
            "kind": EventKind.SESSION,
            "session": kind,
            "title": SESSION_TITLES[kind],
            "place": where,
        },
    )


def _visit(
    model: RouteModel, frame: DayFrame, site_id: SiteId, where: str
) -> dict[str, Any]:
    site = model.project.site_by_id[site_id]
    champions = model.availability[site.id][frame.index].champions
    return {
        "kind": EventKind.VISIT,
        "site": site.id,
        "champions": champions,
        "title": f"Visit: {site.name}",
        "place": where,
    }


def _travel(
    model: RouteModel, blocks: list[Block], origin: str, destination: str, t: int
) -> int:
    """Append the steps of the leg leaving when ready at ``t``; return when the
    group is free at the destination.

    Scheduled steps wait for their real departure, the group being at the
    airport check-in minutes before it (:func:`~lrplanner.planner.timing.catch`,
    the rule the engine's timetables follow, so the times are the engine's).
    The group waits where it is and leaves just in time. A flight's arrival
    minutes and a border post's formalities pass before the next step or
    activity.
    """
    if origin == destination:
        return t
    axis = model.axis
    project = model.project
    network = model.matrix.network
    pending: list[Step] = []  # untimed steps before the next timetabled one
    for step in model.matrix.leg(origin, destination).steps:
        conn = step_connection(network, step)
        if conn is None or not conn.departures:
            pending.append(step)
            continue
        lead = sum(
            before_step(project, s) + s.minutes + after_step(project, s)
            for s in pending
        )
        leave = catch(project, network, axis, conn, t + lead)
        if leave is None:  # no departure left: the validator reports the leg
            leave = axis.to_real(t + lead)
        # leave just in time for check-in, on the five minutes: the group
        # waits where it is
        latest = ready_by(project, axis, conn, leave) - lead
        begin = max(t, latest - latest % ROUND)
        for before in pending:
            begin += before_step(project, before)
            blocks.append(_step_block(model, before, begin, None))
            begin += before.minutes + after_step(project, before)
        pending = []
        real = (leave, leave + step.minutes * MINUTE)
        blocks.append(_step_block(model, step, axis.to_axis(leave), real))
        t = axis.to_axis(real[1] + after_step(project, step) * MINUTE)
    for step in pending:
        t += before_step(project, step)
        blocks.append(_step_block(model, step, t, None))
        t += step.minutes + after_step(project, step)
    return t


def _step_block(
    model: RouteModel, step: Step, t: int, real: tuple[datetime, datetime] | None
) -> Block:
    title = (
        f"{step.mode.value.capitalize()}: "
        f"{location_name(model.project, step.origin)} → "
        f"{location_name(model.project, step.destination)}"
    )
    make = {
        "kind": EventKind.TRAVEL,
        "title": title,
        "origin": step.origin,
        "destination": step.destination,
        "mode": step.mode,
        "estimated": step.estimated,
        "fare_per_person": step.cost_per_person,
        "vehicle_cost": step.cost_per_vehicle,
        "place": step.origin,
    }
    return Block(t, t + step.minutes, step.origin, step.destination, make, real=real)


def _to_real(
    model: RouteModel, frame: DayFrame, blocks: list[Block], start_at: str
) -> tuple[Event, ...]:
    blocks.sort(key=lambda b: (b.start, b.end))
    axis = model.axis
    if frame.lunch is None:
        return tuple(_event(model, b, _begin(axis, b, True)) for b in blocks)
    point = axis.to_axis(frame.lunch[0])
    split, mode = _lunch_slot(blocks, point, frame.lunch)
    length = frame.lunch[1] - frame.lunch[0]
    if mode == "after" and _serves_lunch(model, blocks[split]):
        mode = "inside"
    events: list[Event] = []
    for i, block in enumerate(blocks):
        shifted = i > split or (i == split and mode == "gap")
        if mode == "skip":
            shifted = block.start >= point
        begin = _begin(axis, block, shifted)
        if i == split and mode == "before":
            events.append(_meal(model, begin, length, block.where_before))
            begin += length
        if i == split and mode == "inside":  # lunch at the site, in the visit
            events.append(_event(model, block, begin, extra=length))
            continue
        events.append(_event(model, block, begin))
        if i == split and mode == "after":
            events.append(_meal(model, events[-1].end, length, block.where_after))
    if mode == "gap":
        where = blocks[split - 1].where_after if split > 0 else start_at
        events, begin, airside = _lunch_before_departure(
            model, frame, events, blocks[split:], length
        )
        events.append(_meal(model, begin, length, where, after_check_in=airside))
    elif mode == "skip":
        events = _lunch_around(model, frame, events, blocks)
    events.sort(key=lambda e: e.start)
    return _without_overlaps(_leave_the_host(model, _wait_at_the_hotel(model, events)))


def _leave_the_host(model: RouteModel, events: list[Event]) -> list[Event]:
    """Return the day with the road legs right after a visit leaving when it
    ends, when they lead to anything but another visit: the group then waits
    in town (for lunch, at the pier or the airport), not at the gate of the
    host it has just thanked (Bohol: the visit ended at 10:30 and the road
    to Tagbilaran left at 11:12, for a lunch at 11:30 before the ferry)."""
    for first in range(1, len(events)):
        if events[first - 1].kind is not EventKind.VISIT:
            continue
        chain = _movable_run(model, events, first)
        if chain == first:
            continue
        if chain < len(events) and events[chain].kind is EventKind.VISIT:
            continue  # waiting at the next host's gate is no better
        shift = events[first].start - events[first - 1].end
        if shift > 0 * MINUTE:
            events = _shifted(events, range(first, chain), -shift)
    return events


def _movable_run(model: RouteModel, events: list[Event], first: int) -> int:
    """Return where the run of movable road legs from ``first`` ends."""
    chain = first
    while chain < len(events) and _movable(model, events[chain]):
        chain += 1
    return chain


def _shifted(events: list[Event], legs: range, shift: timedelta) -> list[Event]:
    """Return the events with those at ``legs`` moved by ``shift``."""
    return [
        replace(e, start=e.start + shift, end=e.end + shift) if i in legs else e
        for i, e in enumerate(events)
    ]


def _wait_at_the_hotel(model: RouteModel, events: list[Event]) -> list[Event]:
    """Return the day with its road legs from the hotel leaving later when
    they would bring the group to a visit, a meal or a session more than
    ``WAIT_MAX_MIN`` minutes early: the group waits at its hotel, not at the
    host's gate, and arrives ``ARRIVE_EARLY_MIN`` minutes ahead (or the
    Route's transfer buffer, when longer), but never after the check-in time
    of the day's next flight (a lunch eaten after check-in is not a reason to
    reach the airport late). From the hotel: the day's first legs, and those
    right after a session (held where the group stays: the Innovation Plan
    workshop before a visit). Legs to a timetabled departure already leave
    in time for its check-in."""
    for first in range(len(events)):
        if first == 0 or events[first - 1].kind is EventKind.SESSION:
            events = _leave_later(model, events, first)
    return events


def _leave_later(model: RouteModel, events: list[Event], first: int) -> list[Event]:
    """Return the events with the road legs from ``first`` on leaving later
    (see :func:`_wait_at_the_hotel`)."""
    chain = _movable_run(model, events, first)
    if chain == first or chain == len(events):
        return events
    after = events[chain]
    if after.kind is EventKind.TRAVEL:
        return events
    wait = after.start - events[chain - 1].end
    if wait <= WAIT_MAX_MIN * MINUTE:
        return events
    ahead = max(ARRIVE_EARLY_MIN, model.project.route.transfer_buffer_min)
    shift = wait - ahead * MINUTE
    due = _next_check_in(model, events[chain:])
    if due is not None:  # e.g. a lunch eaten after check-in, then the flight
        shift = min(shift, due - events[chain - 1].end)
    if shift <= 0 * MINUTE:
        return events
    return _shifted(events, range(first, chain), shift)


def _next_check_in(model: RouteModel, later: list[Event]) -> datetime | None:
    """Return when the group must be at check-in for the day's next flight."""
    for event in later:
        if event.kind is EventKind.TRAVEL and event.mode is TravelMode.FLIGHT:
            assert event.origin is not None
            assert event.destination is not None
            minutes = check_in_minutes(
                model.project, event.mode, event.origin, event.destination
            )
            return event.start - minutes * MINUTE
    return None


def _lunch_before_departure(
    model: RouteModel,
    frame: DayFrame,
    events: list[Event],
    later: list[Block],
    length: timedelta,
) -> tuple[list[Event], datetime, bool]:
    """Return the events, when a lunch in a gap starts and whether it is
    eaten after check-in.

    At lunch time, unless the next thing is a timetabled departure too soon
    after it: then as :func:`_departure_lunch` lays it out, else as soon as
    the group is there (after moving the morning as it does), so that lunch
    overlaps check-in as little as it can.
    """
    assert frame.lunch is not None
    fixed = next((b for b in later if b.real), None)
    if fixed is None or fixed.real is None:
        return events, frame.lunch[0], False
    clean = _departure_lunch(model, frame, events, fixed, length)
    if clean is not None:
        return clean
    begin = max(_counter(model, fixed) - length, _earliest_lunch(model, frame, fixed))
    moved, free = _free_by(model, frame, events, fixed.real[0], begin)
    return moved, max(begin, free), False


def _departure_lunch(
    model: RouteModel,
    frame: DayFrame,
    events: list[Event],
    fixed: Block,
    length: timedelta,
) -> tuple[list[Event], datetime, bool] | None:
    """Return the events, when lunch starts and whether it is eaten after
    check-in, for a lunch at the departure point of the timetabled ``fixed``
    that keeps clear of its check-in; None when none does.

    At lunch time when it is over by check-in (a timetabled boat or train's
    boarding) and ``BOARDING_MIN`` minutes before the leg leaves. Then, in
    order:

    * before check-in: lunch ends when the group must be at the counter (or
      at the quay or bus station: the leg's check-in minutes), and at least
      ``BOARDING_MIN`` minutes before it leaves, starting up to an hour before
      lunch time (the local one at the departure point when that is earlier:
      on a route over several time zones, lunch time is the start place's
      clock); the road legs that bring the group there leave earlier when
      the morning has room for it (never before the day starts, the
      previous activity ends, or over a border post);
    * after check-in (an international flight's two hours leave room):
      ``CHECK_IN_TAKES_MIN`` minutes at the counter, then lunch, over
      ``BOARDING_MIN`` minutes before take-off.
    """
    assert frame.lunch is not None
    assert fixed.real is not None
    lunch = frame.lunch[0]
    take_off = fixed.real[0]
    counter = _counter(model, fixed)
    boarding = take_off - BOARDING_MIN * MINUTE
    over_by = min(counter, boarding)
    if lunch + length <= over_by:
        return events, lunch, False
    floor = _earliest_lunch(model, frame, fixed)
    begin = max(over_by - length, floor)
    moved, free = _free_by(model, frame, events, take_off, begin)
    if free <= begin and begin + length <= over_by:
        return moved, begin, False
    there = max((e.end for e in events if e.start < take_off), default=frame.start)
    airside = max(counter + CHECK_IN_TAKES_MIN * MINUTE, there, floor)
    if airside + length <= boarding:
        return events, airside, True
    return None


def _free_by(
    model: RouteModel,
    frame: DayFrame,
    events: list[Event],
    take_off: datetime,
    by: datetime,
) -> tuple[list[Event], datetime]:
    """Return the day with the road legs before ``take_off`` moved earlier
    to end by ``by`` as far as the morning allows (:func:`_leave_earlier`),
    and when the group is then free."""
    before = [e for e in events if e.start < take_off]
    rest = [e for e in events if e.start >= take_off]
    moved = _leave_earlier(model, frame, before, by)
    return [*moved, *rest], max((e.end for e in moved), default=frame.start)


def _counter(model: RouteModel, fixed: Block) -> datetime:
    """Return when the group must be at a timetabled leg's check-in."""
    assert fixed.real is not None
    make = fixed.make
    return fixed.real[0] - MINUTE * check_in_minutes(
        model.project, make["mode"], make["origin"], make["destination"]
    )


def _earliest_lunch(model: RouteModel, frame: DayFrame, fixed: Block) -> datetime:
    """Return the earliest a lunch at ``fixed``'s departure point may start:
    an hour before lunch time, or before the local lunch time there when
    that is earlier (lunch time is the start place's clock)."""
    assert frame.lunch is not None
    zone = location_zone(model.project, fixed.where_before)
    local = at(frame.day, model.project.route.lunch_start, zone)
    return min(frame.lunch[0], local) - HOUR


def _leave_earlier(
    model: RouteModel, frame: DayFrame, events: list[Event], by: datetime
) -> list[Event]:
    """Return the morning's ``events`` with the road legs that end it moved
    earlier so the group is free by ``by`` (as far as the morning allows)."""
    if not events or events[-1].end <= by:
        return events
    chain = 0
    while chain < len(events) and _movable(model, events[-1 - chain]):
        chain += 1
    if chain == 0:
        return events
    first = len(events) - chain
    floor = events[first - 1].end if first > 0 else frame.start
    shift = min(events[-1].end - by, events[first].start - floor)
    if shift <= MINUTE * 0:
        return events
    return _shifted(events, range(first, len(events)), -shift)


def _movable(model: RouteModel, event: Event) -> bool:
    """Whether a leg may leave at any time: by road, not on a timetable,
    and not through a border post (whose hours the move could miss)."""
    if event.kind is not EventKind.TRAVEL or event.mode is not TravelMode.ROAD:
        return False
    if is_scheduled(model.project, event):  # a bus with a timetable
        return False
    places = model.project.place_by_id
    ends = (
        places.get(PlaceId(event.origin or "")),
        places.get(PlaceId(event.destination or "")),
    )
    return not any(p is not None and p.kind is PlaceKind.BORDER for p in ends)


def _lunch_around(
    model: RouteModel, frame: DayFrame, events: list[Event], blocks: list[Block]
) -> list[Event]:
    """Return the events with lunch around the timetabled travel that covers
    lunch time.

    In order: at the departure point, clear of check-in
    (:func:`_departure_lunch`); on board, when the leg is under way for at
    least half of the lunch hour (no meal event: the agenda prints it); at
    the arrival point once the group is free (arrival minutes), while still
    lunch time; else a late lunch, starting at most an hour after lunch
    time, at the first town the group reaches after landing (or at the
    arrival point), the road legs after it leaving an hour later when they
    are all the day has left and still end in the day; else at the
    departure point over ``BOARDING_MIN`` minutes before it leaves, through
    check-in. Otherwise the day has no lunch, which the check reports on a
    visiting day.
    """
    assert frame.lunch is not None
    lunch = frame.lunch
    length = lunch[1] - lunch[0]
    fixed = next(
        b for b in blocks if b.real and b.real[0] < lunch[1] and lunch[0] < b.real[1]
    )
    assert fixed.real is not None
    clean = _departure_lunch(model, frame, events, fixed, length)
    if clean is not None:
        moved, begin, airside = clean
        meal = _meal(model, begin, length, fixed.where_before, after_check_in=airside)
        return [*moved, meal]

    def free(begin: datetime) -> bool:
        return not any(e.start < begin + length and begin < e.end for e in events)

    overlap = min(fixed.real[1], lunch[1]) - max(fixed.real[0], lunch[0])
    if overlap * 2 >= length:
        return events  # on board
    make = fixed.make
    after = fixed.real[1] + MINUTE * arrival_minutes(
        model.project, make["mode"], make["origin"], make["destination"]
    )
    if after <= lunch[0] + length and free(after):
        return [*events, _meal(model, after, length, fixed.where_after)]
    late = _late_lunch(model, frame, events, (after, fixed.where_after), length)
    if late is not events:
        return late
    # the last resort: lunch at the departure point, through check-in
    begin = min(lunch[0], fixed.real[0] - length - BOARDING_MIN * MINUTE)
    if begin >= lunch[0] - length and free(begin):
        return [*events, _meal(model, begin, length, fixed.where_before)]
    return events


def _late_lunch(
    model: RouteModel,
    frame: DayFrame,
    events: list[Event],
    landed: tuple[datetime, str],
    length: timedelta,
) -> list[Event]:
    """Return the events with a late lunch after landing (see
    :func:`_lunch_around`), or as they are when none fits."""
    assert frame.lunch is not None
    latest = frame.lunch[1] + HOUR
    tail = [e for e in events if e.start >= landed[0]]
    if not all(_movable(model, e) for e in tail):
        return events
    begin, where = landed
    places = model.project.place_by_id
    for leg in tail:
        town = places.get(PlaceId(leg.destination or ""))
        if town is not None and town.kind is PlaceKind.CITY and leg.end <= latest:
            begin, where = leg.end, town.id
            break
    if begin > latest:
        return events
    kept = [e for e in events if e.start < begin]
    later = [
        replace(e, start=e.start + length, end=e.end + length)
        for e in events
        if e.start >= begin
    ]
    if later and max(e.end for e in later) > frame.end:
        return events
    return [*kept, _meal(model, begin, length, where), *later]


def _without_overlaps(events: list[Event]) -> tuple[Event, ...]:
    """Push an event that would start before the previous one ends.

    A safety net: the engine's timing never needs it, but a timetable the
    engine could not see might. A pushed event may then break a rule, which
    the validator reports and the repair rounds fix.
    """
    out: list[Event] = []
    for event in events:
        if out and event.start < out[-1].end:
            delay = out[-1].end - event.start
            event = replace(event, start=event.start + delay, end=event.end + delay)
        out.append(event)
    return tuple(out)


def _begin(axis: TimeAxis, block: Block, after_lunch: bool) -> datetime:
    return (
        block.real[0]
        if block.real
        else axis.to_real(block.start, after_lunch=after_lunch)
    )


def _lunch_slot(
    blocks: list[Block], point: int, lunch: tuple[datetime, datetime]
) -> tuple[int, str]:
    """Return (block index, how) lunch fits: inside a block, in a gap, or not
    at all ("skip": a timetabled flight or boat covers lunch time)."""
    if any(b.real and b.real[0] < lunch[1] and lunch[0] < b.real[1] for b in blocks):
        return len(blocks), "skip"
    for i, block in enumerate(blocks):
        if block.start < point < block.end:
            # a visit running into lunch time has lunch after it (the
            # engine's windows allow that when it ends within the hour)
            if block.make.get("kind") is EventKind.VISIT:
                return i, "after"
            near_start = point - block.start <= block.end - point
            return i, "before" if near_start else "after"
        if block.start >= point:
            return i, "gap"
    return len(blocks), "gap"


def _event(
    model: RouteModel, block: Block, begin: datetime, extra: timedelta | None = None
) -> Event:
    """Return a block as an event from ``begin``; ``extra`` is a lunch eaten
    inside a visit (the visit then runs that much longer)."""
    where = block.where_before
    end = block.real[1] if block.real else begin + (block.end - block.start) * MINUTE
    if extra is not None:
        return Event(
            start=begin,
            end=end + extra,
            tz=location_zone(model.project, where).key,
            with_lunch=True,
            **block.make,
        )
    return Event(
        start=begin, end=end, tz=location_zone(model.project, where).key, **block.make
    )


def _serves_lunch(model: RouteModel, block: Block) -> bool:
    """Whether a block is a visit at a site that serves lunch (not a part of
    a two-day visit: those keep the lunch rule of any visit, their windows
    being planned that way)."""
    site = block.make.get("site")
    found = model.project.site_by_id.get(site) if site is not None else None
    split = {model.site_ids[i] for i, _ in model.stays}
    return found is not None and found.serves_lunch and found.id not in split


#: A site farther than this from its town has its lunch "near" its address:
#: "Lunch in Khulna" would send the group an hour's drive from Dacope.
LUNCH_TOWN_KM = 10.0


def _lunch_town(model: RouteModel, where: str) -> str:
    """Return where a lunch is eaten, in words, after "Lunch ". At a site's
    location the group eats in the site's town (a site that serves lunch
    has it inside the visit, never as a meal of its own); near the site's
    address when the town is more than ``LUNCH_TOWN_KM`` away (a rural host
    whose Place is the district town); near the site when it has neither."""
    project = model.project
    if not where.startswith(SITE_PREFIX):
        return f"in {location_name(project, where)}"
    site = project.site_by_id[SiteId(where.removeprefix(SITE_PREFIX))]
    town = project.place_by_id.get(site.place) if site.place else None
    far = town is None or (
        site.lat is not None
        and site.lon is not None
        and great_circle_km(site.lat, site.lon, town.lat, town.lon) > LUNCH_TOWN_KM
    )
    if far and site.address.strip():
        return f"near {site.address.strip()}"
    return f"in {town.name}" if town is not None else f"in a place near {site.name}"


def _meal(
    model: RouteModel,
    begin: datetime,
    length: timedelta,
    where: str,
    *,
    after_check_in: bool = False,
) -> Event:
    name = _lunch_town(model, where)
    return Event(
        kind=EventKind.MEAL,
        start=begin,
        end=begin + length,
        title=f"Lunch {name}, after check-in" if after_check_in else f"Lunch {name}",
        tz=location_zone(model.project, where).key,
        place=PlaceId(where),
    )
