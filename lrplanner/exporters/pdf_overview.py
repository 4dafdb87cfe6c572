"""The overview page at the front of agenda.pdf: the route at a glance.

The route's name, dates, countries and contacts; the map thumbnail
(:mod:`lrplanner.exporters.map_thumbnail`) beside the days at a glance, one
line per day: its date (with the day's map colour), where it starts and
where the group sleeps, the visits and the travel by mode. Every text is
user text through :func:`pdf_fonts.markup`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from lrplanner.core.countries import COUNTRIES
from lrplanner.core.locations import location_name
from lrplanner.core.plan import EventKind
from lrplanner.exporters.agenda_rows import EN_DASH, day_title, duration_text
from lrplanner.exporters.map_palette import day_colour
from lrplanner.exporters.map_thumbnail import RouteMap, fit_view, route_stops
from lrplanner.exporters.pdf_fonts import markup

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle

    from lrplanner.core.ids import PlaceId
    from lrplanner.core.plan import DayPlan, Event, Itinerary
    from lrplanner.core.project import Project
    from lrplanner.core.sites import Site

HEADER_BLUE = colors.HexColor("#1F4E78")
GLANCE_HEADERS = ("Day", "From, and where the night is", "Visits", "Travel")
MAP_WIDTH = 108 * mm
MAP_HEIGHTS = (70 * mm, 140 * mm)


def overview_page(
    project: Project,
    itinerary: Itinerary,
    styles: dict[str, ParagraphStyle],
    contacts: list[object],
    width: float,
) -> list[object]:
    """Return the overview page's flowables (``width``: the frame's width)."""
    route = project.route
    map_box = _map_size(project, itinerary)
    glance = days_at_a_glance(project, itinerary, styles, width - map_box[0] - 6 * mm)
    body = Table(
        [[RouteMap(project, itinerary, map_box, styles["body"].fontName), glance]],
        colWidths=(map_box[0] + 6 * mm, width - map_box[0] - 6 * mm),
    )
    body.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (0, 0), 0)]))  # fmt: skip
    return [
        Paragraph(markup(route.name), styles["title"]),
        Paragraph(markup(_facts(project, itinerary)), styles["subtitle"]),
        *contacts,
        Spacer(1, 3 * mm),
        body,
    ]


def _facts(project: Project, itinerary: Itinerary) -> str:
    """Return the dates, the number of days and the countries' names."""
    days = [d.day for d in itinerary.days]
    first, last = (days[0], days[-1]) if days else (project.route.start_date,) * 2
    count = len(days)
    codes = route_countries(project, itinerary)
    names = ", ".join(COUNTRIES.get(code, code) for code in codes)
    dates = f"{first:%a %d %b %Y} {EN_DASH} {last:%a %d %b %Y}"
    return f"{dates} · {count} day{'s' * (count != 1)} · {names}"


def route_countries(project: Project, itinerary: Itinerary) -> list[str]:
    """Return the country codes the route passes, in the order it reaches them:
    its start, the visited sites and the overnight places, its end."""
    places = [project.route.start_place]
    codes: list[str] = []
    for day in itinerary.days:
        codes += [_place_country(project, p) for p in places]
        sites = (_site(project, e) for e in day.visits())
        codes += [site.country for site in sites if site is not None]
        places = [day.overnight] if day.overnight else []
    codes.append(_place_country(project, project.route.end_place))
    return [c for c in dict.fromkeys(codes) if c]


def _site(project: Project, event: Event) -> Site | None:
    return project.site_by_id.get(event.site) if event.site else None


def _place_country(project: Project, place: PlaceId) -> str:
    known = project.place_by_id.get(place)
    return known.country if known else ""


def _map_size(project: Project, itinerary: Itinerary) -> tuple[float, float]:
    """Return the thumbnail's size: ``MAP_WIDTH`` wide, as tall as the route's
    shape asks within ``MAP_HEIGHTS``."""
    points = [s.point for day in route_stops(project, itinerary) for s in day]
    if not points:
        return MAP_WIDTH, MAP_HEIGHTS[0]
    view = fit_view(points, 1.0, 1.0)
    aspect = (view.north - view.south) / ((view.east - view.west) * view.cos)
    low, high = MAP_HEIGHTS
    return MAP_WIDTH, min(high, max(low, MAP_WIDTH * aspect))


def glance_lines(project: Project, itinerary: Itinerary) -> list[tuple[str, ...]]:
    """Return one (day, where, visits, travel) text tuple per day."""
    lines: list[tuple[str, ...]] = []
    start = project.route.start_place
    for number, day in enumerate(itinerary.days, start=1):
        rest = " (rest day)" if day.rest else ""
        lines.append(
            (
                f"{number}. {day_title(day)}{rest}",
                where_text(project, day, start),
                visits_text(project, day),
                travel_summary(day),
            )
        )
        start = day.overnight or start
    return lines


def where_text(project: Project, day: DayPlan, start: PlaceId) -> str:
    """Return where a day starts and where the group sleeps, e.g.
    ``Phnom Penh → Takeo``, ``Hà Nội → Đồng Hới (night on board)``."""
    begin = location_name(project, start)
    if day.overnight is None:
        end = location_name(project, project.route.end_place)
        ends = f"{begin} → {end}" if end != begin else end
        return f"{ends} (route ends)"
    end = location_name(project, day.overnight)
    board = " (night on board)" if day.on_board else ""
    return f"{begin} → {end}{board}" if end != begin else f"{end}{board}"


def visits_text(project: Project, day: DayPlan) -> str:
    """Return the day's visits by site name, ``; ``-separated (or its sessions)."""
    names = []
    for event in day.visits():
        site = _site(project, event)
        more = " (continued)" if event.continued else ""
        names.append(f"{site.name if site else event.title}{more}")
    if not names:
        names = [e.title for e in day.events if e.kind is EventKind.SESSION]
    return "; ".join(names) or EN_DASH


def travel_summary(day: DayPlan) -> str:
    """Return the day's travel by mode in order of first use, e.g.
    ``road 2 h 10 min · flight 1 h 5 min`` (a dash for none)."""
    minutes: dict[str, int] = {}
    for event in day.events:
        if event.kind is EventKind.TRAVEL:
            mode = str(event.mode)
            minutes[mode] = minutes.get(mode, 0) + event.minutes
    parts = [f"{mode} {duration_text(m)}" for mode, m in minutes.items()]
    return " · ".join(parts) or EN_DASH


def days_at_a_glance(
    project: Project,
    itinerary: Itinerary,
    styles: dict[str, ParagraphStyle],
    width: float,
) -> Table:
    """Return the days-at-a-glance table, each day's first cell in its colour."""
    small = styles["small"]
    data: list[list[object]] = [
        [Paragraph(markup(h), styles["head"]) for h in GLANCE_HEADERS]
    ]
    for line in glance_lines(project, itinerary):
        data.append([Paragraph(markup(text), small) for text in line])
    shares = (0.19, 0.25, 0.36, 0.20)
    table = Table(data, colWidths=[width * s for s in shares], repeatRows=1)
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BLUE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#A6A6A6")),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for index in range(len(itinerary.days)):
        colour = colors.HexColor(day_colour(index))
        commands.append(("LINEBEFORE", (0, index + 1), (0, index + 1), 5, colour, 0))
    table.setStyle(TableStyle(commands))
    return table
