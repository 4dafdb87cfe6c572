"""An independent check of a plan against the hard rules.

Written from the rules (PRODUCT.md, "The planning problem"), never from the
solver: it recomputes where the group is, local times, opening hours,
holidays, champions, limits, sessions and the total cost, and returns every
violation found. The travel network is passed in as callables (earliest
arrivals, landmasses) so the core stays free of graph and map code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from lrplanner.core.calendar import is_public_holiday
from lrplanner.core.costmodel import compute_costs
from lrplanner.core.locations import location_zone, site_location
from lrplanner.core.places import TravelMode
from lrplanner.core.plan import DayPlan, Event, EventKind, Itinerary, SessionKind
from lrplanner.core.procedure_rules import procedure_problems
from lrplanner.core.procedures import lunch_hour, lunch_on_board
from lrplanner.core.route import LUNCH_LATE_MIN

if TYPE_CHECKING:
    from lrplanner.core.project import Project, VisitLock

#: (origin location, destination location, departure) -> earliest arrival,
#: or None when the destination cannot be reached.
TravelCheck = Callable[[str, str, datetime], datetime | None]
#: location -> the landmass it is on, or None where that is unknown.
LandCheck = Callable[[str], str | None]
SLACK = timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class Violation:
    """One broken rule: which rule, on which day (if any), in words."""

    rule: str
    message: str
    day: str = ""

    def describe(self) -> str:
        """Return the violation as one line: day (or '-'), rule and message."""
        return f"{self.day or '-'} {self.rule}: {self.message}"


def validate(
    project: Project,
    itinerary: Itinerary,
    travel: TravelCheck | None = None,
    *,
    land: LandCheck | None = None,
) -> list[Violation]:
    """Return every hard-rule violation of ``itinerary`` (empty = valid).

    ``travel`` checks each leg against the network's earliest arrival and
    ``land`` tells which landmass a location is on (no road between two);
    the rules that need them are skipped without them.
    """
    found = list(_route_frame(project, itinerary))
    location: str = project.route.start_place
    for index, day in enumerate(itinerary.days):
        found.extend(_day_rules(project, itinerary, index))
        location, moves = _walk(project, day, location, travel)
        found.extend(moves)
        found.extend(_travel_truth(project, day, land))
        found.extend(_v(r, day, m) for r, m in procedure_problems(project, day))
        found.extend(_night_on_board(project, itinerary, index))
    found.extend(_site_rules(project, itinerary))
    found.extend(_budget(project, itinerary))
    return found


def _route_frame(project: Project, itinerary: Itinerary) -> Iterator[Violation]:
    route = project.route
    dates = [d.day for d in itinerary.days]
    expected = [route.start_date + timedelta(days=i) for i in range(route.days)]
    if dates != expected:
        yield Violation(
            "days",
            f"plan covers {dates[:1]}..{dates[-1:]}, expected "
            f"one day per date {route.start_date}..{route.end_date}",
        )
    if itinerary.days and itinerary.days[-1].overnight is not None:
        yield Violation("end", "the last day must end the route, not an overnight")


def _walk(
    project: Project, day: DayPlan, location: str, travel: TravelCheck | None
) -> tuple[str, list[Violation]]:
    """Follow the group through a day; return where it ends and violations."""
    found: list[Violation] = []
    for event in day.events:
        if event.kind is EventKind.TRAVEL:
            assert event.origin is not None
            assert event.destination is not None
            if event.origin != location:
                found.append(
                    _v(
                        "continuity",
                        day,
                        f"{event.title!r} leaves from "
                        f"{event.origin} but the group is at {location}",
                    )
                )
            found.extend(_travel_time(day, event, travel))
            location = event.destination
        elif event.kind is EventKind.VISIT and event.site is not None:
            site = project.site_by_id.get(event.site)
            if site is not None and site_location(site) != location:
                found.append(
                    _v(
                        "continuity",
                        day,
                        f"visit to {site.name!r} while the group is at {location}",
                    )
                )
    target = day.overnight if day.overnight is not None else project.route.end_place
    if location != target:
        found.append(
            _v(
                "overnight",
                day,
                f"the day ends at {location}, not at {target} where the group sleeps",
            )
        )
    return location, found


def _travel_time(
    day: DayPlan, event: Event, travel: TravelCheck | None
) -> Iterator[Violation]:
    if travel is None:
        return
    assert event.origin is not None
    assert event.destination is not None
    arrival = travel(event.origin, event.destination, event.start)
    if arrival is None:
        yield _v("travel", day, f"no way from {event.origin} to {event.destination}")
    elif arrival > event.end + SLACK:
        zone = ZoneInfo(event.tz)
        yield _v(
            "travel",
            day,
            f"{event.title!r} arrives at {event.end.astimezone(zone):%a %H:%M} but "
            f"the network's earliest arrival is {arrival.astimezone(zone):%a %H:%M} "
            "(border hours, schedules and travel times included)",
        )


def _travel_truth(
    project: Project, day: DayPlan, land: LandCheck | None
) -> Iterator[Violation]:
    """No invented flight, no road across water."""
    for event in day.events:
        if event.kind is not EventKind.TRAVEL:
            continue
        assert event.origin is not None
        assert event.destination is not None
        if event.mode is TravelMode.FLIGHT and not project.route.estimated_flights:
            if event.estimated or not _on_links(project, event):
                yield _v(
                    "estimated flight",
                    day,
                    f"{event.title!r} is not a flight on Links and the route does "
                    "not allow estimated flights: add the scheduled flight to "
                    "Links (or set Estimated flights to yes on the Route sheet)",
                )
        elif event.mode is TravelMode.ROAD and land is not None:
            ours, theirs = land(event.origin), land(event.destination)
            if (
                ours is not None
                and theirs is not None
                and ours != theirs
                and not _on_links(project, event)
            ):
                yield _v(
                    "road across water",
                    day,
                    f"{event.title!r} drives across water: its ends are on "
                    "different islands or landmasses and no road row on Links "
                    "(a bridge) joins them",
                )


def _on_links(project: Project, event: Event) -> bool:
    """Return whether a Links row of the event's mode joins its two ends."""
    ends = (event.origin, event.destination)
    return any(
        link.mode is event.mode
        and (
            (link.origin, link.destination) == ends
            or (link.both_ways and (link.destination, link.origin) == ends)
        )
        for link in project.links
    )


def _day_rules(
    project: Project, itinerary: Itinerary, index: int
) -> Iterator[Violation]:
    day = itinerary.days[index]
    route = project.route
    yield from _day_window(project, day)
    visits = day.visits()
    started = [v for v in visits if not v.continued]  # a two-day visit counts once
    if len(started) > route.max_visits_per_day:
        yield _v(
            "visits per day",
            day,
            f"{len(started)} visits, the limit is {route.max_visits_per_day}",
        )
    if day.day in route.rest_days and visits:
        yield _v("rest day", day, "visits on a rest day")
    hours = day.travel_minutes() / 60
    if hours > route.max_travel_hours_per_day + 1e-9:
        yield _v(
            "travel hours",
            day,
            f"{hours:.1f} h of travel, the limit is "
            f"{route.max_travel_hours_per_day:g} h",
        )
    if day.overnight is not None and not day.on_board:
        place = project.place_by_id.get(day.overnight)
        if place is None or not place.has_lodging:
            yield _v("lodging", day, f"{day.overnight} has no lodging")
    yield from _lunch(project, day)
    yield from _sessions(project, itinerary, index)


def _night_on_board(
    project: Project, itinerary: Itinerary, index: int
) -> Iterator[Violation]:
    """A night on board is a scheduled bus, train or boat on Links that runs
    over midnight, and the next day starts once it has arrived."""
    day = itinerary.days[index]
    leg = day.night_leg()
    if leg is None:
        return
    if leg.mode is TravelMode.FLIGHT or not _scheduled_on_links(project, leg):
        yield _v(
            "night on board",
            day,
            f"{leg.title!r} is not a scheduled bus, train or boat on Links (a "
            "night on board needs a Links row with Departures)",
        )
    assert leg.origin is not None
    zone = location_zone(project, leg.origin)
    if leg.end.astimezone(zone).date() <= leg.start.astimezone(zone).date():
        yield _v(
            "night on board",
            day,
            f"{leg.title!r} arrives the same day: the group needs a bed",
        )
    later = itinerary.days[index + 1].events if index + 1 < len(itinerary.days) else ()
    if later and later[0].start < leg.end:
        yield _v(
            "night on board",
            day,
            f"the next day starts with {later[0].title!r} before {leg.title!r} arrives",
        )


def _scheduled_on_links(project: Project, event: Event) -> bool:
    """Return whether a Links row with set departures makes the event's leg."""
    ends = (event.origin, event.destination)
    return any(
        link.mode is event.mode
        and bool(link.departures)
        and (
            (link.origin, link.destination) == ends
            or (link.both_ways and (link.destination, link.origin) == ends)
        )
        for link in project.links
    )


def _local(project: Project, location: str, moment: datetime) -> datetime:
    return moment.astimezone(location_zone(project, location))


def _event_location(project: Project, event: Event) -> str | None:
    if event.kind is EventKind.VISIT and event.site in project.site_by_id:
        return site_location(project.site_by_id[event.site])  # type: ignore[index]
    if event.kind is EventKind.TRAVEL:
        return event.origin
    return event.place


def _day_window(project: Project, day: DayPlan) -> Iterator[Violation]:
    route = project.route
    night = day.night_leg()
    for event in day.events:
        location = _event_location(project, event)
        if location is None:
            continue
        start = _local(project, location, event.start)
        end = _local(project, event.destination or location, event.end)
        if event is night:  # leaves after the day's programme, runs overnight
            inside = start.date() == day.day and route.day_start <= start.time()
        else:
            inside = (
                start.date() == day.day == end.date()
                and route.day_start <= start.time()
                and end.time() <= route.day_end
            )
        if not inside:
            yield _v(
                "day window",
                day,
                f"{event.title!r} runs {start:%a %H:%M}-"
                f"{end:%a %H:%M} local, outside {route.day_start:%H:%M}-"
                f"{route.day_end:%H:%M} on {day.day}",
            )


def _lunch(project: Project, day: DayPlan) -> Iterator[Violation]:
    route = project.route
    if not day.visits() or route.lunch_minutes == 0:
        return
    yield from _visits_over_lunch(project, day)
    meals = [e for e in day.events if e.kind is EventKind.MEAL]
    if any(e.minutes >= route.lunch_minutes for e in meals):
        return
    if any(e.with_lunch for e in day.visits()):
        return  # eaten at a site that serves lunch, inside the visit
    if lunch_on_board(project, day) is None:
        yield _v(
            "lunch", day, f"no {route.lunch_minutes}-minute lunch on a visiting day"
        )


def _visits_over_lunch(project: Project, day: DayPlan) -> Iterator[Violation]:
    """A visit may run into lunch time by at most ``LUNCH_LATE_MIN`` minutes
    (lunch follows it). Lunch time is the Route's, on the start place's clock
    (the planner's convention for routes over several time zones)."""
    zone = location_zone(project, project.route.start_place)
    lunch, _ = lunch_hour(project, day.day)
    latest = lunch + timedelta(minutes=LUNCH_LATE_MIN)
    for visit in day.visits():
        site = project.site_by_id.get(visit.site) if visit.site else None
        if visit.with_lunch and site is not None and not site.serves_lunch:
            yield _v(
                "lunch",
                day,
                f"{visit.title!r} has lunch at the site, but the site does not "
                "serve lunch",
            )
        elif visit.with_lunch:
            continue  # lunch is inside it, at a site that serves lunch
        if visit.start < lunch and visit.end > latest:
            yield _v(
                "lunch",
                day,
                f"{visit.title!r} runs "
                f"{visit.start.astimezone(zone):%H:%M}-"
                f"{visit.end.astimezone(zone):%H:%M} across lunch time "
                f"({lunch:%H:%M}); a visit may run into it by at most "
                f"{LUNCH_LATE_MIN} minutes",
            )


def _sessions(
    project: Project, itinerary: Itinerary, index: int
) -> Iterator[Violation]:
    day = itinerary.days[index]
    have = {e.session for e in day.events if e.kind is EventKind.SESSION}
    last = len(itinerary.days) - 1
    needed: set[SessionKind] = set()
    if index == 0:
        needed.add(SessionKind.OPENING)
    if index == last:
        needed.add(SessionKind.CLOSING)
    if index == max(0, last - 1) and last > 0:
        needed.add(SessionKind.INNOVATION_PLAN)
    if day.visits() and index != last:  # the closing session ends the last day
        needed.add(SessionKind.REFLECTION)
    for session in sorted(needed - have):
        yield _v("sessions", day, f"the {session} session is missing")


def _site_rules(project: Project, itinerary: Itinerary) -> Iterator[Violation]:
    seen: set[str] = set()
    days = itinerary.days
    for index, day in enumerate(days):
        for event in day.visits():
            assert event.site is not None
            if event.continued:
                yield from _continued_rule(days, index, event)
                yield from _visit_rules(project, day, event, whole=False)
                continue
            if event.site in seen:
                yield _v("once", day, f"site {event.site} is visited twice")
            seen.add(event.site)
            rest = _continuation(days, index, event)
            yield from _visit_rules(project, day, event, rest)
    for site in project.sites:
        if site.required and site.id not in seen:
            yield Violation("required", f"required site {site.name!r} is not visited")
        elif site.id in project.route.required_sites and site.id not in seen:
            yield Violation(
                "required",
                f"site {site.name!r}, required on the Route sheet, is not visited",
            )
    for lock in project.locks:
        yield from _lock_rule(project, itinerary, lock)


def _continuation(days: tuple[DayPlan, ...], index: int, event: Event) -> int:
    """Return the minutes of the next day's continuation of a visit (0: none)."""
    if index + 1 >= len(days):
        return 0
    return sum(
        e.minutes
        for e in days[index + 1].visits()
        if e.continued and e.site == event.site
    )


def _continued_rule(
    days: tuple[DayPlan, ...], index: int, event: Event
) -> Iterator[Violation]:
    """A continued visit follows its first part on the day before, with the
    night at that site's place."""
    day = days[index]
    before = days[index - 1] if index > 0 else None
    first = (
        [] if before is None else [e for e in before.visits() if e.site == event.site]
    )
    if not first or first[-1].continued:
        yield _v(
            "two-day visit",
            day,
            f"{event.title!r} continues a visit that did not start the day before",
        )
    elif before is not None and before.visits()[-1] is not first[-1]:
        yield _v(
            "two-day visit",
            day,
            f"{event.title!r}: the day before, the visit was not the last one",
        )


def _lock_rule(
    project: Project, itinerary: Itinerary, lock: VisitLock
) -> Iterator[Violation]:
    site = project.site_by_id[lock.site]
    for plan_day in itinerary.days:
        for event in plan_day.visits():
            if event.site != lock.site:
                continue
            start = _local(project, site_location(site), event.start).time()
            if plan_day.day != lock.day:
                yield _v("lock", plan_day, f"{site.name!r} is locked to {lock.day}")
            elif lock.start is not None and start != lock.start:
                yield _v(
                    "lock",
                    plan_day,
                    f"{site.name!r} is locked to start at {lock.start:%H:%M}",
                )
            return
    yield Violation("lock", f"locked site {site.name!r} is not visited")


def _visit_rules(
    project: Project,
    day: DayPlan,
    event: Event,
    continued: int = 0,
    *,
    whole: bool = True,
) -> Iterator[Violation]:
    """The rules of one visit event (``continued``: minutes of its part the
    next day; ``whole`` False for that part, whose length its first part's
    check counts)."""
    assert event.site is not None
    site = project.site_by_id.get(event.site)
    if site is None:
        yield _v("site", day, f"unknown site {event.site}")
        return
    if site.id in project.excluded_sites:
        yield _v("excluded", day, f"{site.name!r} is excluded")
    local_start = _local(project, site_location(site), event.start)
    local_end = _local(project, site_location(site), event.end)
    inside = project.route.lunch_minutes if event.with_lunch else 0
    if whole and event.minutes + continued != site.duration_min + inside:
        yield _v(
            "duration",
            day,
            f"visit to {site.name!r} lasts {event.minutes + continued} "
            f"min, the site needs {site.duration_min}"
            + (f" plus {inside} for lunch there" if inside else ""),
        )
    if not site.is_available(local_start.date()):
        yield _v(
            "availability",
            day,
            f"{site.name!r} does not receive groups on {local_start:%a %d %b}",
        )
    elif not any(
        w.start <= local_start.time()
        and local_end.time() <= w.end
        and local_end.date() == local_start.date()
        for w in site.opening.on(local_start.date())
    ):
        yield _v(
            "opening hours",
            day,
            f"{site.name!r} visited {local_start:%H:%M}-"
            f"{local_end:%H:%M}, outside its opening hours",
        )
    holiday = is_public_holiday(site.country, local_start.date())
    if holiday and not site.open_on_holidays:
        yield _v("holiday", day, f"{site.name!r} visited on {holiday}")
    if site.capacity is not None and project.group_size > site.capacity:
        yield _v(
            "capacity",
            day,
            f"group of {project.group_size} exceeds "
            f"{site.name!r} capacity {site.capacity}",
        )
    yield from _champion_rules(project, day, event)


def _champion_rules(
    project: Project, day: DayPlan, event: Event
) -> Iterator[Violation]:
    assert event.site is not None
    site = project.site_by_id[event.site]
    if site.champions and not event.champions:
        yield _v("champion", day, f"no champion presents at {site.name!r}")
    for champion_id in event.champions:
        champion = project.champion_by_id.get(champion_id)
        if champion is None or champion_id not in site.champions:
            yield _v("champion", day, f"{champion_id} does not present {site.name!r}")
        elif not champion.is_available(day.day):
            yield _v("champion", day, f"{champion.name} is away on {day.day}")


def _budget(project: Project, itinerary: Itinerary) -> Iterator[Violation]:
    costs = compute_costs(project, itinerary)
    if costs.over_budget > 0:
        yield Violation(
            "budget",
            f"total {costs.total:,.2f} {costs.currency} exceeds "
            f"the cap {costs.budget_cap:,.2f} by {costs.over_budget:,.2f}",
        )


def _v(rule: str, day: DayPlan, message: str) -> Violation:
    return Violation(rule, message, day.day.isoformat())
