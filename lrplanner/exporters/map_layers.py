"""Where a day's events happen, in order, and what their map popups say."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lrplanner.core.calendar import zone_named
from lrplanner.core.locations import (
    SITE_PREFIX,
    Point,
    location_name,
    location_point,
)
from lrplanner.core.places import TravelMode
from lrplanner.core.plan import Event, EventKind
from lrplanner.exporters.agenda_rows import EN_DASH, zone_label

if TYPE_CHECKING:
    from lrplanner.core.plan import DayPlan
    from lrplanner.core.project import Project


@dataclass(frozen=True, slots=True)
class Stop:
    """A point the group reaches, the mode it came by (None: on foot / local)."""

    point: Point
    mode: TravelMode | None = None
    event: Event | None = None


def event_location(event: Event) -> str | None:
    """Return where an event ends: a leg's destination, a visit's site, a place."""
    if event.kind is EventKind.TRAVEL:
        return event.destination
    if event.kind is EventKind.VISIT and event.site is not None:
        return f"{SITE_PREFIX}{event.site}"
    return event.place


def day_path(project: Project, day: DayPlan, start: Point) -> list[Stop]:
    """Return the day's stops in order, from ``start`` to the overnight place."""
    stops = [Stop(start)]
    for event in day.events:
        location = event_location(event)
        if location is None:
            continue
        if event.kind is EventKind.TRAVEL and event.origin is not None:
            origin = location_point(project, event.origin)
            if origin != stops[-1].point:
                stops.append(Stop(origin))
        stops.append(Stop(location_point(project, location), event.mode, event))
    if day.overnight is not None:
        stops.append(Stop(location_point(project, day.overnight)))
    return stops


def html_text(text: str) -> str:
    """Return user text as HTML text that no template engine can read as code.

    ``html.escape`` makes it inert as markup. Braces become character
    references too: branca compiles the output of every folium element once
    more as a Jinja2 template, so a ``{{``, ``{%`` or ``{#`` left in a popup,
    tooltip or layer name would run (or break the page). Leaflet shows
    ``&#123;`` as ``{``, so the reader sees the text exactly as typed.
    """
    return html.escape(text).replace("{", "&#123;").replace("}", "&#125;")


def visit_popup(project: Project, event: Event) -> tuple[str, str]:
    """Return a visit's popup HTML (every user text escaped) and the site name."""
    site = project.site_by_id[event.site] if event.site else None
    name = site.name if site else event.title
    zone = zone_named(event.tz)
    start, end = event.start.astimezone(zone), event.end.astimezone(zone)
    lines = [
        f"<b>{html_text(name)}</b>",
        f"{start:%a %d %b}, {start:%H:%M}{EN_DASH}{end:%H:%M} {zone_label(start)}",
    ]
    if site is not None and site.host:
        lines.append(f"Host: {html_text(site.host)}")
    if site is not None and site.place:
        lines.append(f"Near: {html_text(location_name(project, site.place))}")
    for champion_id in event.champions:
        champion = project.champion_by_id.get(champion_id)
        who = champion.name if champion else champion_id
        contact = f" ({champion.contact})" if champion and champion.contact else ""
        lines.append(f"Champion: {html_text(who + contact)}")
    return "<br>".join(lines), name
