"""The printed agenda as plain rows: shared by the Excel and PDF agendas.

Every time is local: an event's start is shown in its own zone (``Event.tz``);
a travel leg's end is shown in the zone of its destination, so a flight from
Kathmandu (UTC+05:45) to Dhaka (UTC+06:00) reads as the traveller's clocks do.
The zone label is given on the first row and whenever the zone changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from lrplanner.core.calendar import is_public_holiday, utc_offset_text, zone_named
from lrplanner.core.countries import country_name
from lrplanner.core.ids import PlaceId, SiteId
from lrplanner.core.interpretation import visit_interpretation
from lrplanner.core.locations import SITE_PREFIX, location_name, location_zone
from lrplanner.core.meals import breakfast_on_arrival, breakfast_time
from lrplanner.core.places import PlaceKind, TravelMode
from lrplanner.core.plan import ESTIMATE_NOTE, Event, EventKind
from lrplanner.core.procedures import (
    BOARDING,
    flight_times,
    formalities_minutes,
    is_scheduled,
    lunch_hour,
    lunch_on_board,
    on_board_span,
    service_of,
    waiting_place,
)
from lrplanner.core.visa_check import location_country

if TYPE_CHECKING:
    from collections.abc import Sequence
    from zoneinfo import ZoneInfo

    from lrplanner.core.plan import DayPlan, Itinerary
    from lrplanner.core.project import Project

OVERNIGHT = "overnight"
MINUTE = timedelta(minutes=1)
#: Dinner as the agenda prints it (the plan does not time it): at DINNER_AT
#: or MEAL_GAP_MIN after the last activity (breakfast: core.meals).
DINNER_MIN = 60
MEAL_GAP_MIN = 15
DINNER_AT = time(19, 0)
EN_DASH = "\u2013"
HEADERS = (
    "Time (local)",
    "Activity",
    "Place",
    "Host organisation",
    "Champion(s) and contact",
    "Address",
    "Travel",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class AgendaRow:
    """One printed line of a day's agenda (all text, ready to show).

    ``event`` is the plan's event the line shows (a flight's departure line),
    None for a line around events: meals, check-in, arrival, the night.
    """

    kind: str
    time: str
    activity: str
    place: str = ""
    host: str = ""
    champions: str = ""
    address: str = ""
    travel: str = ""
    event: Event | None = field(default=None, compare=False, repr=False)

    def cells(self) -> tuple[str, ...]:
        """Return the row's texts in ``HEADERS`` order."""
        return (
            self.time,
            self.activity,
            self.place,
            self.host,
            self.champions,
            self.address,
            self.travel,
        )


#: Labels of the lines printed under a visit's title (its activity's lines).
UNDER_TITLE = ("Learning focus", "Interpretation")


def activity_lines(activity: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Return an activity's title and the labelled lines under it.

    ``Visit: X\nLearning focus: Y\nInterpretation: Khmer → English`` gives
    ``("Visit: X", (("Learning focus", "Y"), ("Interpretation", "Khmer →
    English")))``; a further line without a known label has an empty label.
    """
    title, *more = activity.split("\n")
    lines: list[tuple[str, str]] = []
    for line in more:
        label, colon, rest = line.partition(": ")
        if colon and label in UNDER_TITLE:
            lines.append((label, rest))
        else:
            lines.append(("", line))
    return title, tuple(lines)


def check_banner(failures: Sequence[str]) -> str:
    """Return the warning every export of a plan that fails the check carries."""
    count = len(failures)
    rules = "hard rule" if count == 1 else "hard rules"
    return (
        f"NOT CHECKED: this plan breaks {count} {rules}; "
        "fix them in LR Planner before using it."
    )


def day_title(day: DayPlan) -> str:
    """Return the long date of a day, e.g. ``Sun 10 Jan 2027``."""
    return day.day.strftime("%a %d %b %Y")


def day_countries(project: Project, day: DayPlan) -> list[str]:
    """Return the countries the group is in during a day, in order: where its
    events happen and where it sleeps."""
    found: dict[str, None] = {}
    for event in day.events:
        for where in (event.origin, event.place, event.destination):
            country = location_country(project, where) if where else None
            if country is not None:
                found[country] = None
        if event.site:
            site = project.site_by_id.get(event.site)
            if site is not None:
                found[site.country] = None
    if day.overnight:
        country = location_country(project, day.overnight)
        if country is not None:
            found[country] = None
    return list(found)


def holiday_note(project: Project, day: DayPlan) -> str:
    """Return the public holidays on a day where the group is, e.g.
    ``Mashujaa Day (public holiday in Kenya)``; '' on a working day."""
    notes = []
    for country in day_countries(project, day):
        name = is_public_holiday(country, day.day)
        if name:
            notes.append(f"{name} (public holiday in {country_name(country)})")
    return "; ".join(notes)


def day_heading(project: Project, day: DayPlan) -> str:
    """Return the long date of a day with its public holidays, e.g.
    ``Wed 20 Oct 2027 · Mashujaa Day (public holiday in Kenya)``."""
    note = holiday_note(project, day)
    return f"{day_title(day)} \u00b7 {note}" if note else day_title(day)


def day_sheet_name(day: DayPlan) -> str:
    """Return the short date used to name a day's sheet, e.g. ``Sun 10 Jan``."""
    return day.day.strftime("%a %d %b")


def zone_label(moment: datetime) -> str:
    """Return ``UTC+05:45``-style text for an aware local time."""
    return f"UTC{utc_offset_text(moment)}"


def duration_text(minutes: int) -> str:
    """Return minutes as ``2 h 10 min``, ``3 h`` or ``45 min``."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def day_before(itinerary: Itinerary, index: int) -> DayPlan | None:
    """Return the day before the day at ``index`` (None for the first)."""
    return itinerary.days[index - 1] if index > 0 else None


def day_rows(
    project: Project, day: DayPlan, *, before: DayPlan | None = None
) -> list[AgendaRow]:
    """Return the agenda rows of a day: breakfast, its events, dinner, then
    the overnight place (with the hotel's name, address and phone).

    ``before`` is the previous day of the plan: after its night on board the
    breakfast is on arrival in town or on board, not at a hotel.
    """
    rows: list[AgendaRow] = []
    starts: list[datetime] = []  # when each row's activity starts
    shown: str | None = None
    breakfast = _breakfast(project, day, before.night_leg() if before else None)
    if breakfast is not None:  # the day's first line carries its clock
        row, begin = breakfast
        shown = zone_label(begin)
        rows.append(_replace(row, time=f"{row.time}\n{shown}"))
        starts.append(begin)
    on_board = lunch_on_board(project, day)
    crossing: tuple[datetime, AgendaRow] | None = None  # formalities to list
    for index, event in enumerate(day.events):
        start, end = _local_times(project, event)
        if crossing is not None and start >= crossing[0]:
            rows.append(crossing[1])
            starts.append(crossing[0])
            crossing = None
        label = zone_label(start)
        end_label = zone_label(end)
        time_text = f"{start:%H:%M}{EN_DASH}{end:%H:%M}"
        if end.date() != start.date():  # a night on board
            time_text = f"{start:%H:%M} {EN_DASH}\n{end:%H:%M} next day ({end_label})"
        elif end_label != label:
            time_text = f"{start:%H:%M} ({label}) {EN_DASH}\n{end:%H:%M} ({end_label})"
        elif label != shown:
            time_text = f"{time_text}\n{label}"
        shown = end_label
        row = _event_row(project, event, time_text)
        early, lines = _leg_rows(project, event, row, (start, end))
        if early is not None:
            # check-in or boarding at its time: a lunch eaten after check-in
            # is listed after the check-in line
            due = flight_times(project, event).check_in
            spot = next((i for i, t in enumerate(starts) if t > due), len(rows))
            rows.insert(spot, early)
            starts.insert(spot, due)
        rows.extend(lines)
        later = day.events[index + 1 :]
        crossing = _border_row(project, event, end, later) or crossing
        starts.extend([start] * (len(rows) - len(starts)))
        if event.with_lunch:
            rows.append(_site_lunch_row(project, day, event))
        if event is on_board:  # after the departure line (a flight's arrival last)
            at = len(rows) - 1 if event.mode is TravelMode.FLIGHT else len(rows)
            rows.insert(at, _on_board_row(project, day, event))
        starts.extend([start] * (len(rows) - len(starts)))
    if crossing is not None:
        rows.append(crossing[1])
    rows.extend(_dinner_rows(project, day))
    rows.append(overnight_row(project, day))
    return rows


def _breakfast(
    project: Project, day: DayPlan, night: Event | None
) -> tuple[AgendaRow, datetime] | None:
    """Return the breakfast line and when it starts (see
    :func:`core.meals.breakfast_time`): at the hotel, or after the ``night``
    on board on arrival in town or on board; None for a day without events."""
    span = breakfast_time(project, day)
    if span is None:
        return None
    begin, end = span
    activity, place = "Breakfast at the hotel", ""
    if night is not None and breakfast_on_arrival(project, night, day):
        town = location_name(project, night.destination) if night.destination else ""
        activity, place = f"Breakfast on arrival in {town}", town
    elif night is not None:
        activity = f"Breakfast on board ({_vehicle(night)})"
        place = route_text(project, night)
    row = AgendaRow(
        kind=str(EventKind.MEAL),
        time=f"{begin:%H:%M}{EN_DASH}{end:%H:%M}",
        activity=activity,
        place=place,
    )
    return row, begin


def _vehicle(leg: Event) -> str:
    """Return what a night leg travels in: ``bus`` for a road leg, else its mode."""
    return "bus" if leg.mode is TravelMode.ROAD else str(leg.mode)


def _dinner_rows(project: Project, day: DayPlan) -> list[AgendaRow]:
    """Return the dinner line where the group sleeps: at ``DINNER_AT`` or
    ``MEAL_GAP_MIN`` minutes after the day's last activity, whichever is
    later; none on the last day or before a night on board."""
    if day.overnight is None or day.on_board or not day.events:
        return []
    last = day.events[-1]
    zone = location_zone(project, day.overnight)
    usual = datetime.combine(day.day, DINNER_AT, zone)
    begin = max(usual, last.end.astimezone(zone) + MEAL_GAP_MIN * MINUTE)
    end = begin + DINNER_MIN * MINUTE
    place = project.place_by_id.get(day.overnight)
    name = place.name if place else day.overnight
    return [
        AgendaRow(
            kind=str(EventKind.MEAL),
            time=f"{begin:%H:%M}{EN_DASH}{end:%H:%M}",
            activity=f"Dinner in {name}",
            place=name,
        )
    ]


def _site_lunch_row(project: Project, day: DayPlan, event: Event) -> AgendaRow:
    """Return the lunch line inside a visit at a site that serves lunch."""
    begin, end = lunch_hour(project, day.day)
    zone = zone_named(event.tz)
    site = project.site_by_id.get(event.site) if event.site else None
    return AgendaRow(
        kind=str(EventKind.MEAL),
        time=f"{begin.astimezone(zone):%H:%M}{EN_DASH}{end.astimezone(zone):%H:%M}",
        activity="Lunch at the site (host provides)",
        place=site.name if site else "",
        host=site.host if site else "",
    )


def _on_board_row(project: Project, day: DayPlan, event: Event) -> AgendaRow:
    """Return the 'Lunch on board' line of a leg under way over lunch time."""
    start, stop = on_board_span(project, day, event)
    zone = zone_named(event.tz)
    return AgendaRow(
        kind=str(EventKind.MEAL),
        time=f"{start.astimezone(zone):%H:%M}{EN_DASH}{stop.astimezone(zone):%H:%M}",
        activity=f"Lunch on board ({event.mode})",
        place=route_text(project, event),
    )


def _leg_rows(
    project: Project,
    event: Event,
    row: AgendaRow,
    times: tuple[datetime, datetime],
) -> tuple[AgendaRow | None, list[AgendaRow]]:
    """Return an event's line before it (a flight's check-in, a boat or
    train's boarding; None for others) and its own lines."""
    if event.kind is EventKind.TRAVEL and event.mode is TravelMode.FLIGHT:
        check_in, *flight = _flight_rows(project, event, row, times)
        return check_in, flight
    return _boarding_row(project, event, times[0]), [row]


def _boarding_row(project: Project, event: Event, start: datetime) -> AgendaRow | None:
    """Return the line 'Boarding for boat ...' at its time before a timetabled
    boat or train (None for other legs, or a place that sets 0 minutes)."""
    if event.kind is not EventKind.TRAVEL or event.mode not in BOARDING:
        return None
    around = flight_times(project, event)
    if around.check_in_min == 0:
        return None
    service = service_of(project, event)
    vehicle = f"{event.mode} {service}" if service else str(event.mode)
    where = waiting_place(event.mode)
    return AgendaRow(
        kind=str(EventKind.TRAVEL),
        time=f"{around.check_in.astimezone(start.tzinfo):%H:%M}",
        activity=f"Boarding for {vehicle}",
        place=location_name(project, event.origin) if event.origin else "",
        travel=f"at the {where} {duration_text(around.check_in_min)} before departure",
    )


def _flight_rows(
    project: Project,
    event: Event,
    row: AgendaRow,
    times: tuple[datetime, datetime],
) -> list[AgendaRow]:
    """Return a flight as three lines: check-in, departure, arrival."""
    assert event.origin is not None
    assert event.destination is not None
    start, end = times
    around = flight_times(project, event)
    service = service_of(project, event)
    flight = f"flight {service}" if service else "flight"
    at = around.check_in.astimezone(start.tzinfo)
    free = around.free.astimezone(end.tzinfo)
    return [
        AgendaRow(
            kind=str(EventKind.TRAVEL),
            time=f"{at:%H:%M}",
            activity=f"Check-in for {flight}",
            place=location_name(project, event.origin),
            travel=f"at the airport {duration_text(around.check_in_min)} "
            "before departure",
        ),
        _replace(row, activity=f"Departure: {flight}"),
        AgendaRow(
            kind=str(EventKind.TRAVEL),
            time=f"{end:%H:%M}{EN_DASH}{free:%H:%M}",
            activity="Arrival: immigration and baggage",
            place=location_name(project, event.destination),
            travel=f"{duration_text(around.arrival_min)} after landing",
        ),
    ]


def _border_row(
    project: Project, event: Event, end: datetime, later: Sequence[Event]
) -> tuple[datetime, AgendaRow] | None:
    """Return when the formalities start, and their line, after a leg that
    reaches a land border post at ``end`` (exit from one country, entry to
    the other, in the post's hours); None after any other leg.

    They start on arrival or, when the group eats first (a lunch at the post
    from its arrival), after that meal: the onward leg leaves no sooner.
    """
    if event.kind is not EventKind.TRAVEL or event.destination is None:
        return None
    post = project.place_by_id.get(PlaceId(event.destination))
    if post is None or post.kind is not PlaceKind.BORDER:
        return None
    sides = [post.country, post.other_country or post.country]
    coming_from = location_country(project, event.origin) if event.origin else None
    if coming_from == sides[1]:
        sides.reverse()
    minutes = formalities_minutes(project, post.id)
    for meal in later:
        if meal.kind is not EventKind.MEAL or meal.start >= end + minutes * MINUTE:
            break
        end = meal.end.astimezone(end.tzinfo)
    done = end + minutes * MINUTE
    windows = post.opening.on(end.date()) if post.opening else ()
    opening = ", ".join(f"{w.start:%H:%M}{EN_DASH}{w.end:%H:%M}" for w in windows)
    hours = f"; the post is open {opening}" if opening else ""
    return end, AgendaRow(
        kind=str(EventKind.TRAVEL),
        time=f"{end:%H:%M}{EN_DASH}{done:%H:%M}",
        activity=(
            f"Border: exit {country_name(sides[0])}, entry {country_name(sides[1])}"
        ),
        place=post.name,
        travel=f"{duration_text(minutes)} for passports and visas{hours}",
    )


def _local_times(project: Project, event: Event) -> tuple[datetime, datetime]:
    zone = zone_named(event.tz)
    end_zone: ZoneInfo = zone
    if event.kind is EventKind.TRAVEL and event.destination is not None:
        try:
            end_zone = location_zone(project, event.destination)
        except KeyError:
            end_zone = zone
    return event.start.astimezone(zone), event.end.astimezone(end_zone)


def _event_row(project: Project, event: Event, time_text: str) -> AgendaRow:
    base = AgendaRow(
        kind=str(event.kind), time=time_text, activity=event.title, event=event
    )
    if event.kind is EventKind.VISIT:
        return _visit_row(project, event, base)
    if event.kind is EventKind.TRAVEL:
        return _replace(
            base,
            place=route_text(project, event),
            travel=travel_text(project, event),
        )
    place = location_name(project, event.place) if event.place else ""
    if event.kind is EventKind.MEAL and event.place is not None:
        place = _meal_place(project, event, place)
    return _replace(base, place=place)


def _meal_place(project: Project, meal: Event, place: str) -> str:
    """Return the Place of a lunch after a visit: the site's town when the
    lunch is titled with it (*Lunch in Kampot*: the site is near its town),
    the site otherwise (*Lunch near ...*)."""
    assert meal.place is not None
    if not meal.place.startswith(SITE_PREFIX):
        return place
    site = project.site_by_id.get(SiteId(meal.place.removeprefix(SITE_PREFIX)))
    town = project.place_by_id.get(site.place) if site and site.place else None
    if town is not None and meal.title.startswith(f"Lunch in {town.name}"):
        return town.name
    return place


def _visit_row(project: Project, event: Event, base: AgendaRow) -> AgendaRow:
    site = project.site_by_id.get(event.site) if event.site else None
    if site is None:
        return base
    place = location_name(project, site.place) if site.place else site.name
    focus = f"\nLearning focus: {site.focus}" if site.focus else ""
    spoken = visit_interpretation(project, event)
    interpretation = f"\n{spoken}" if spoken else ""
    return _replace(
        base,
        activity=base.activity + focus + interpretation,
        place=place,
        host=site.host,
        champions=champions_text(project, event),
        address=site.address,
    )


def _replace(row: AgendaRow, **changes: str) -> AgendaRow:
    values = {name: getattr(row, name) for name in AgendaRow.__slots__}
    values.update(changes)
    return AgendaRow(**values)


def champions_text(project: Project, event: Event) -> str:
    """Return one line per presenting champion: ``name, contact``."""
    lines = []
    for champion_id in event.champions:
        champion = project.champion_by_id.get(champion_id)
        if champion is None:
            lines.append(str(champion_id))
        else:
            parts = (champion.name, champion.contact)
            lines.append(", ".join(p for p in parts if p))
    return "\n".join(lines)


def route_text(project: Project, event: Event) -> str:
    """Return a leg's ends as ``A → B``."""
    origin = location_name(project, event.origin) if event.origin else "?"
    destination = (
        location_name(project, event.destination) if event.destination else "?"
    )
    return f"{origin} → {destination}"


def travel_text(project: Project, event: Event) -> str:
    """Return a leg's mode, duration and status: ``flight, 2 h 10 min, scheduled``
    for a timetabled Links row, ``road, 3 h, from Links`` for another Links row
    (an estimated leg: ``road, 45 min, estimate — confirm``). "Scheduled" is the
    timetable, not a booking."""
    if event.estimated:
        status = ESTIMATE_NOTE
    else:
        status = "scheduled" if is_scheduled(project, event) else "from Links"
    return f"{event.mode}, {duration_text(event.minutes)}, {status}"


def estimated_legs(project: Project, itinerary: Itinerary) -> list[str]:
    """Return one line per estimated leg: date, local start, mode, ends, length."""
    lines = []
    for day in itinerary.days:
        for event in day.events:
            if event.kind is EventKind.TRAVEL and event.estimated:
                start, _end = _local_times(project, event)
                lines.append(
                    f"{day.day} {start:%H:%M} {event.mode} "
                    f"{route_text(project, event)}, {duration_text(event.minutes)}"
                )
    return lines


def overnight_row(project: Project, day: DayPlan) -> AgendaRow:
    """Return the last row of a day: where the group sleeps (or the route end)."""
    if day.overnight is None:
        return AgendaRow(kind=OVERNIGHT, time="", activity="End of the route")
    leg = day.night_leg()
    if leg is not None:
        service = service_of(project, leg)
        vehicle = _vehicle(leg)
        return AgendaRow(
            kind=OVERNIGHT,
            time="",
            activity=f"Night on board ({vehicle}{' ' + service if service else ''})",
            place=route_text(project, leg),
            travel="no hotel: sleeping on board",
        )
    place = project.place_by_id.get(day.overnight)
    hotel = place.lodging_name if place else ""
    reach = (place.lodging_address, place.lodging_phone) if place else ()
    return AgendaRow(
        kind=OVERNIGHT,
        time="",
        activity=f"Overnight: {hotel}" if hotel else "Overnight",
        place=location_name(project, day.overnight),
        address=" · ".join(part for part in reach if part),
    )
