"""The route as an iCalendar file (``route.ics``) for phones and calendar apps.

One VEVENT per visit, travel leg, session and meal of the plan, in the local
zone of each event (a VTIMEZONE per zone the plan uses): a visit or session
starts and ends in its own zone, a travel leg ends in its destination's zone,
so the calendar shows the times the agenda prints. Each event carries the
place and address as its LOCATION and the host, champions and contacts,
travel mode and service number in its DESCRIPTION.

UIDs are stable: a hash of the route name and what the event is (a visit by
its site, a session by its kind and day, a leg by its day and ends, a meal by
its day and order), so importing the file again after a re-plan updates the
events instead of adding copies, and a visit moved to another day keeps its
UID. Text goes through icalendar's escaping: user text stays text.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import IO, TYPE_CHECKING

from icalendar import Calendar, vText
from icalendar import Event as CalendarEvent

from lrplanner.core.atomic import atomic_write
from lrplanner.core.calendar import zone_named
from lrplanner.core.locations import location_name, location_zone
from lrplanner.core.places import TravelMode
from lrplanner.core.plan import EventKind
from lrplanner.core.procedures import (
    flight_times,
    lunch_hour,
    lunch_on_board,
    on_board_span,
    service_of,
)
from lrplanner.exporters.agenda_rows import (
    EN_DASH,
    champions_text,
    check_banner,
    route_text,
    travel_text,
    zone_label,
)

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from lrplanner.core.plan import DayPlan, Event, Itinerary
    from lrplanner.core.project import Project

PRODID = "-//LR Planner//Learning Route calendar//EN"
UID_DOMAIN = "lrplanner"
#: Put in front of every summary of a plan that fails the check.
NOT_CHECKED = "[NOT CHECKED] "


def write_agenda_ics(
    project: Project,
    itinerary: Itinerary,
    path: Path,
    *,
    check_failures: Sequence[str] = (),
    stamp: datetime | None = None,
) -> None:
    """Write the plan as an iCalendar file, atomically.

    Parameters
    ----------
    project
        The inputs (names, hosts, champions and contacts, Links services).
    itinerary
        The plan to write.
    path
        Where to write the ``.ics``; an old file is replaced only on success.
    check_failures
        The hard rules the plan breaks (empty for a checked plan): the
        calendar's name, every summary and every description say so.
    stamp
        The DTSTAMP of every event (now, in UTC, when None).
    """
    calendar = build_calendar(
        project, itinerary, check_failures=check_failures, stamp=stamp
    )

    def write(stream: IO[bytes]) -> None:
        stream.write(calendar.to_ical())

    atomic_write(path, write)


def build_calendar(
    project: Project,
    itinerary: Itinerary,
    *,
    check_failures: Sequence[str] = (),
    stamp: datetime | None = None,
) -> Calendar:
    """Return the plan as an icalendar ``Calendar`` (see :func:`write_agenda_ics`)."""
    stamp = stamp or datetime.now(UTC)
    route = project.route
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = route.name
    if check_failures:
        name = f"{NOT_CHECKED}{name}"
        about = "\n".join((check_banner(check_failures), *check_failures))
        calendar.add("x-wr-caldesc", vText(about))
    # vText: escaped as TEXT (icalendar leaves NAME and X- values as given).
    calendar.add("name", vText(name))
    calendar.add("x-wr-calname", vText(name))
    seen: Counter[tuple[str, ...]] = Counter()
    for day in itinerary.days:
        for event in day.events:
            key = _identity(day, event)
            seen[key] += 1
            entry = _calendar_event(project, day, event, check_failures)
            entry.add("uid", uid(route.name, (*key, str(seen[key]))))
            entry.add("dtstamp", stamp)
            calendar.add_component(entry)
    if itinerary.days:
        calendar.add_missing_timezones(
            first_date=itinerary.days[0].day - timedelta(days=1),
            last_date=itinerary.days[-1].day + timedelta(days=2),
        )
    return calendar


def uid(route_name: str, key: Sequence[str]) -> str:
    """Return the stable UID of an event: a hash of the route name and ``key``."""
    text = "\x1f".join((route_name, *key))
    return f"{hashlib.sha256(text.encode()).hexdigest()[:32]}@{UID_DOMAIN}"


def _identity(day: DayPlan, event: Event) -> tuple[str, ...]:
    """Return what an event is, independent of its times (its UID's key)."""
    if event.kind is EventKind.VISIT:
        return ("visit", str(event.site), "continued" if event.continued else "")
    if event.kind is EventKind.TRAVEL:
        ends = (str(event.origin), str(event.destination))
        return ("travel", day.day.isoformat(), *ends)
    if event.kind is EventKind.SESSION:
        what = str(event.session) if event.session else event.title
        return ("session", day.day.isoformat(), what)
    return (str(event.kind), day.day.isoformat())


def _calendar_event(
    project: Project, day: DayPlan, event: Event, check_failures: Sequence[str]
) -> CalendarEvent:
    start, end = local_times(project, event)
    entry = CalendarEvent()
    summary = _summary(project, event)
    entry.add("summary", f"{NOT_CHECKED}{summary}" if check_failures else summary)
    entry.add("dtstart", start)
    entry.add("dtend", end)
    location = _location(project, event)
    if location:
        entry.add("location", location)
    lines = _description(project, day, event)
    if check_failures:
        lines = [check_banner(check_failures), "", *lines]
    entry.add("description", "\n".join(lines))
    entry.add("categories", [str(event.kind)])
    entry.add("transp", "OPAQUE")
    return entry


def local_times(project: Project, event: Event) -> tuple[datetime, datetime]:
    """Return an event's start in its zone and its end in the zone it ends in
    (a travel leg's destination), as the agenda shows them."""
    zone = zone_named(event.tz)
    end_zone = zone
    if event.kind is EventKind.TRAVEL and event.destination is not None:
        try:
            end_zone = location_zone(project, event.destination)
        except KeyError:
            end_zone = zone
    return event.start.astimezone(zone), event.end.astimezone(end_zone)


def _summary(project: Project, event: Event) -> str:
    """Return the title; a leg's with its ends and service number."""
    if event.kind is not EventKind.TRAVEL:
        return event.title
    title = event.title
    ends = route_text(project, event)
    if ends not in title:
        title = f"{title}: {ends}"
    service = service_of(project, event)
    return f"{title} ({service})" if service and service not in title else title


def _location(project: Project, event: Event) -> str:
    if event.kind is EventKind.VISIT:
        site = project.site_by_id.get(event.site) if event.site else None
        if site is None:
            return ""
        town = location_name(project, site.place) if site.place else ""
        parts = (site.name, site.address, town if town != site.name else "")
        return ", ".join(p for p in parts if p)
    if event.kind is EventKind.TRAVEL:
        return route_text(project, event)
    return location_name(project, event.place) if event.place else ""


def _description(project: Project, day: DayPlan, event: Event) -> list[str]:
    lines: list[str] = []
    if event.kind is EventKind.VISIT:
        lines += _visit_lines(project, day, event)
    elif event.kind is EventKind.TRAVEL:
        lines += _travel_lines(project, day, event)
    lines.append(f"Learning Route: {project.route.name}")
    return lines


def _visit_lines(project: Project, day: DayPlan, event: Event) -> list[str]:
    site = project.site_by_id.get(event.site) if event.site else None
    lines = []
    if site is not None and site.host:
        lines.append(f"Host: {site.host}")
    champions = champions_text(project, event)
    if champions:
        lines.append("Champion(s): " + "; ".join(champions.splitlines()))
    if site is not None and site.address:
        lines.append(f"Address: {site.address}")
    if event.with_lunch:
        begin, end = lunch_hour(project, day.day)
        zone = zone_named(event.tz)
        span = f"{begin.astimezone(zone):%H:%M}{EN_DASH}{end.astimezone(zone):%H:%M}"
        lines.append(f"Lunch at the site (host provides), {span}")
    return lines


def _travel_lines(project: Project, day: DayPlan, event: Event) -> list[str]:
    lines = [f"Travel: {travel_text(project, event)}"]
    service = service_of(project, event)
    if service:
        lines.append(f"Service: {service}")
    if event.mode is TravelMode.FLIGHT:
        check_in = flight_times(project, event).check_in.astimezone(
            zone_named(event.tz)
        )
        lines.append(
            f"Check-in: at the airport by {check_in:%H:%M} ({zone_label(check_in)})"
        )
    if lunch_on_board(project, day) is event:
        begin, end = on_board_span(project, day, event)
        zone = zone_named(event.tz)
        span = f"{begin.astimezone(zone):%H:%M}{EN_DASH}{end.astimezone(zone):%H:%M}"
        lines.append(f"Lunch on board, {span}")
    if day.night_leg() is event:
        lines.append("Night on board: no hotel")
    return lines
