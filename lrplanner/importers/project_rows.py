"""Turn a Project back into rows of the input workbook (for write-back)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from lrplanner.core.timespan import ALL_DAY, WEEKDAYS

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from lrplanner.core.people import Champion, Participant
    from lrplanner.core.places import Link, Place
    from lrplanner.core.project import Project
    from lrplanner.core.route import RouteSettings
    from lrplanner.core.sites import Site
    from lrplanner.core.timespan import DateRange, OpeningHours, TimeWindow

Row = dict[str, object]


def project_rows(project: Project) -> dict[str, list[Row]]:
    """Return the rows per sheet that :func:`write_template` writes for a Project.

    Rows are keyed by column key (extra notes by their header); the Route is
    one row of settings. Places keep one set of hours for every weekday, which
    is all the Places sheet can express.
    """
    return {
        "Route": [_route(project.route)],
        "Sites": [_site(s) for s in project.sites],
        "Champions": [_champion(c) for c in project.champions],
        "Participants": [_participant(p) for p in project.participants],
        "Places": [_place(p) for p in project.places],
        "Links": [_link(link) for link in project.links],
    }


def _join(items: Iterable[object]) -> str:
    return "; ".join(str(item) for item in items)


def _ranges(ranges: tuple[DateRange, ...]) -> str:
    return _join(f"{r.start}..{r.end}" for r in ranges)


def _yes(flag: bool | None) -> str:
    return "" if flag is None else ("yes" if flag else "no")


def _windows(windows: tuple[TimeWindow, ...]) -> str:
    if not windows:
        return "closed"
    return ", ".join(f"{w.start:%H:%M}-{w.end:%H:%M}" for w in windows)


def _with_notes(row: Row, notes: Mapping[str, str]) -> Row:
    return row | {k: v for k, v in notes.items() if k not in row}


def _route(route: RouteSettings) -> Row:
    row: Row = {
        "name": route.name,
        "start_date": route.start_date,
        "end_date": route.end_date,
        "start_place": route.start_place,
        "end_place": route.end_place,
        "day_start": route.day_start,
        "day_end": route.day_end,
        "lunch_start": route.lunch_start,
        "lunch_minutes": route.lunch_minutes,
        "max_visits_per_day": route.max_visits_per_day,
        "max_travel_hours_per_day": route.max_travel_hours_per_day,
        "estimated_flights": route.estimated_flights,
        "transfer_buffer_min": route.transfer_buffer_min,
        "rest_days": _join(route.rest_days),
        "budget_cap": route.budget_cap,
        "currency": route.currency,
        "contingency_pct": route.contingency_pct,
        "facilitators": route.facilitators,
        "interpreters": route.interpreters,
        "vehicle_per_day": route.rates.vehicle_per_day,
        "interpreter_per_day": route.rates.interpreter_per_day,
        "facilitator_per_day": route.rates.facilitator_per_day,
        "venue_per_session": route.rates.venue_per_session,
    }
    return _with_notes(row, route.notes)


def _opening(opening: OpeningHours) -> Row:
    """Return the general hours plus per-weekday overrides where days differ."""
    common = Counter(opening.by_weekday).most_common(1)[0][0]
    row: Row = {"hours": "" if common == ALL_DAY else _windows(common)}
    for name, windows in zip(WEEKDAYS, opening.by_weekday, strict=True):
        if windows != common:
            row[f"hours_{name.lower()}"] = _windows(windows)
    return row


def _site(site: Site) -> Row:
    row: Row = {
        "id": site.id,
        "name": site.name,
        "host": site.host,
        "country": site.country,
        "place": site.place,
        "lat": site.lat,
        "lon": site.lon,
        "address": site.address,
        "themes": _join(site.themes),
        "value": site.value,
        "duration_min": site.duration_min,
        **_opening(site.opening),
        "available": _ranges(site.available),
        "blackouts": _join(site.blackouts),
        "capacity": site.capacity,
        "fee_per_group": site.fee_per_group,
        "fee_per_person": site.fee_per_person,
        "champions": _join(site.champions),
        "required": _yes(site.required),
        "open_on_holidays": _yes(site.open_on_holidays),
        "serves_lunch": _yes(site.serves_lunch),
    }
    return _with_notes(row, site.notes)


def _champion(champion: Champion) -> Row:
    row: Row = {
        "id": champion.id,
        "name": champion.name,
        "gender": champion.gender.value,
        "birth_year": champion.birth_year,
        "youth": _yes(champion.youth),
        "organisation": champion.organisation,
        "country": champion.country,
        "languages": _join(champion.languages),
        "contact": champion.contact,
        "sites": _join(champion.sites),
        "available": _ranges(champion.available),
        "honorarium": champion.honorarium,
    }
    return _with_notes(row, champion.notes)


def _participant(participant: Participant) -> Row:
    row: Row = {
        "id": participant.id,
        "name": participant.name,
        "gender": participant.gender.value,
        "country": participant.country,
        "organisation": participant.organisation,
        "role": participant.role,
        "home_city": participant.home_city,
        "languages": _join(participant.languages),
        "dietary": participant.dietary,
        "fare_to_start": participant.fare_to_start,
        "fare_from_end": participant.fare_from_end,
    }
    return _with_notes(row, participant.notes)


def _place(place: Place) -> Row:
    row: Row = {
        "id": place.id,
        "name": place.name,
        "country": place.country,
        "lat": place.lat,
        "lon": place.lon,
        "kind": place.kind.value,
        "other_country": place.other_country,
        "lodging_per_night": place.lodging_per_night,
        "per_diem": place.per_diem,
        "hours": _windows(place.opening.by_weekday[0]) if place.opening else None,
        "tz": place.tz,
        "check_in_min": place.check_in_min,
        "arrival_min": place.arrival_min,
        "formalities_min": place.formalities_min,
    }
    return _with_notes(row, place.notes)


def _link(link: Link) -> Row:
    days = sorted(link.weekdays)
    row: Row = {
        "origin": link.origin,
        "destination": link.destination,
        "mode": link.mode.value,
        "duration_min": link.duration_min,
        "cost_per_person": link.cost_per_person,
        "cost_per_vehicle": link.cost_per_vehicle,
        "weekdays": "Mon-Sun" if len(days) == 7 else _join(WEEKDAYS[d] for d in days),
        "departures": _join(f"{t:%H:%M}" for t in link.departures),
        "both_ways": _yes(link.both_ways),
        "service": link.service,
    }
    return _with_notes(row, link.notes)
