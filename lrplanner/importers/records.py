"""Build Sites, Champions, Participants, Places and Links from checked records."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from lrplanner.core.ids import ChampionId, ParticipantId, PlaceId, SiteId
from lrplanner.core.people import Champion, Participant
from lrplanner.core.places import MAX_PROCEDURE_MIN, Link, Place, PlaceKind
from lrplanner.core.sites import Site
from lrplanner.core.timespan import ALL_DAY, WEEKDAYS, OpeningHours
from lrplanner.importers import cells, multicells
from lrplanner.importers.cells import bounded_int, parse_id, parse_money, parse_text

if TYPE_CHECKING:
    from lrplanner.core.timespan import TimeWindow
    from lrplanner.importers.fields import Fields

ZERO = Decimal("0")


def _coordinates(f: Fields) -> tuple[float | None, float | None]:
    lat = f.get("lat", cells.parse_latitude, None)
    lon = f.get("lon", cells.parse_longitude, None)
    if f.has("lat") != f.has("lon"):
        missing = "lon" if f.has("lat") else "lat"
        f.fail(missing, "", "both latitude and longitude, or neither")
    return lat, lon


def _opening(f: Fields) -> OpeningHours:
    general = f.get("hours", multicells.parse_hours, ALL_DAY)
    days: list[tuple[TimeWindow, ...]] = []
    for name in WEEKDAYS:
        days.append(f.get(f"hours_{name.lower()}", multicells.parse_hours, general))
    try:
        return OpeningHours(by_weekday=tuple(days))
    except ValueError as exc:  # parse_hours already refuses overlaps; belt and braces
        f.fail("hours", f.raw("hours"), f"opening hours that make sense ({exc})")
        return OpeningHours.always()


def _site_location(f: Fields) -> tuple[PlaceId | None, float | None, float | None]:
    lat, lon = _coordinates(f)
    if not f.has("place") and not f.has("lat") and not f.has("lon"):
        f.fail("place", "", "a place id (Places sheet) or Lat and Lon")
    place = f.get("place", parse_id, None)
    return (PlaceId(place) if place else None), lat, lon


def _site_text(f: Fields) -> tuple[str, str, str, str, tuple[str, ...]]:
    return (
        f.get("id", parse_id, ""),
        f.get("name", parse_text, ""),
        f.get("host", parse_text, ""),
        f.get("address", parse_text, ""),
        f.get("themes", multicells.parse_list, ()),
    )


def build_site(f: Fields) -> Site | None:
    """Return the Site on a Sites row, or None if the row has problems."""
    site_id, name, host, address, themes = _site_text(f)
    place, lat, lon = _site_location(f)
    country = f.get("country", cells.parse_country, "")
    value = f.get("value", bounded_int(1, 10), 1)
    duration = f.get("duration_min", bounded_int(1, 720), 120)
    capacity = f.get("capacity", bounded_int(1, 100_000), None)
    opening = _opening(f)
    available = f.get("available", multicells.parse_date_ranges, ())
    blackouts = f.get("blackouts", multicells.parse_dates, ())
    fee_group = f.get("fee_per_group", parse_money, ZERO)
    fee_person = f.get("fee_per_person", parse_money, ZERO)
    champions = f.get("champions", multicells.parse_id_list, ())
    required = f.get("required", cells.parse_bool, False)
    on_holidays = f.get("open_on_holidays", cells.parse_bool, False)
    serves_lunch = f.get("serves_lunch", cells.parse_bool, False)
    return f.make(
        lambda: Site(
            id=SiteId(site_id),
            name=name,
            country=country,
            host=host,
            place=place,
            lat=lat,
            lon=lon,
            address=address,
            themes=themes,
            value=value,
            duration_min=duration,
            opening=opening,
            available=available,
            blackouts=blackouts,
            capacity=capacity,
            fee_per_group=fee_group,
            fee_per_person=fee_person,
            champions=tuple(ChampionId(c) for c in champions),
            required=required,
            open_on_holidays=on_holidays,
            serves_lunch=serves_lunch,
            notes=f.notes(),
        )
    )


def build_champion(f: Fields) -> Champion | None:
    """Return the Champion on a Champions row, or None if the row has problems."""
    champion_id, name = f.get("id", parse_id, ""), f.get("name", parse_text, "")
    gender = f.get("gender", cells.parse_gender, None)
    country = f.get("country", cells.parse_country, "")
    birth_year = f.get("birth_year", cells.parse_year, None)
    youth = f.get("youth", cells.parse_bool, None)
    sites = f.get("sites", multicells.parse_id_list, ())
    available = f.get("available", multicells.parse_date_ranges, ())
    honorarium = f.get("honorarium", parse_money, ZERO)
    languages = f.get("languages", multicells.parse_list, ())
    organisation = f.get("organisation", parse_text, "")
    contact = f.get("contact", parse_text, "")
    if gender is None:
        return None
    return f.make(
        lambda: Champion(
            id=ChampionId(champion_id),
            name=name,
            gender=gender,
            country=country,
            birth_year=birth_year,
            youth=youth,
            organisation=organisation,
            languages=languages,
            contact=contact,
            sites=tuple(SiteId(s) for s in sites),
            available=available,
            honorarium=honorarium,
            notes=f.notes(),
        )
    )


def build_participant(f: Fields) -> Participant | None:
    """Return the Participant on a Participants row, or None if it has problems."""
    participant_id, name = f.get("id", parse_id, ""), f.get("name", parse_text, "")
    gender = f.get("gender", cells.parse_gender, None)
    country = f.get("country", cells.parse_country, "")
    fare_in = f.get("fare_to_start", parse_money, None)
    fare_out = f.get("fare_from_end", parse_money, None)
    languages = f.get("languages", multicells.parse_list, ())
    organisation, role, home_city, dietary = (
        f.get(key, parse_text, "")
        for key in ("organisation", "role", "home_city", "dietary")
    )
    if gender is None:
        return None
    return f.make(
        lambda: Participant(
            id=ParticipantId(participant_id),
            name=name,
            gender=gender,
            country=country,
            organisation=organisation,
            role=role,
            home_city=home_city,
            languages=languages,
            dietary=dietary,
            fare_to_start=fare_in,
            fare_from_end=fare_out,
            notes=f.notes(),
        )
    )


def _other_country(f: Fields, kind: PlaceKind, country: str) -> str | None:
    other = f.get("other_country", cells.parse_country, None)
    if kind is PlaceKind.BORDER and other is None and not f.has("other_country"):
        f.fail("other_country", "", "the country across the border (border posts)")
    if other is not None and other == country:
        f.fail("other_country", other, "a country other than the place's own")
    return other


def build_place(f: Fields) -> Place | None:
    """Return the Place on a Places row, or None if the row has problems."""
    place_id, name = f.get("id", parse_id, ""), f.get("name", parse_text, "")
    country = f.get("country", cells.parse_country, "")
    lat, lon = _coordinates(f)
    kind = f.get("kind", cells.parse_place_kind, PlaceKind.CITY)
    other = _other_country(f, kind, country)
    lodging = f.get("lodging_per_night", parse_money, None)
    per_diem = f.get("per_diem", parse_money, None)
    hours = f.get("hours", multicells.parse_hours, None)
    tz = f.get("tz", multicells.parse_timezone, None)
    minutes = bounded_int(0, MAX_PROCEDURE_MIN)
    check_in = f.get("check_in_min", minutes, None)
    arrival = f.get("arrival_min", minutes, None)
    formalities = f.get("formalities_min", minutes, None)
    if lat is None or lon is None:
        return None
    return f.make(
        lambda: Place(
            id=PlaceId(place_id),
            name=name,
            country=country,
            lat=lat,
            lon=lon,
            kind=kind,
            other_country=other,
            lodging_per_night=lodging,
            per_diem=per_diem,
            opening=None if hours is None else OpeningHours.same_every_day(hours),
            tz=tz,
            check_in_min=check_in,
            arrival_min=arrival,
            formalities_min=formalities,
            notes=f.notes(),
        )
    )


def build_link(f: Fields) -> Link | None:
    """Return the Link on a Links row, or None if the row has problems."""
    origin = f.get("origin", parse_id, "")
    destination = f.get("destination", parse_id, "")
    if origin and origin == destination:
        f.fail("destination", destination, "a place other than the From place")
    mode = f.get("mode", cells.parse_mode, None)
    duration = f.get("duration_min", bounded_int(1, 7 * 24 * 60), 1)
    per_person = f.get("cost_per_person", parse_money, ZERO)
    per_vehicle = f.get("cost_per_vehicle", parse_money, ZERO)
    weekdays = f.get("weekdays", multicells.parse_weekdays, frozenset(range(7)))
    if not weekdays:
        f.fail("weekdays", f.raw("weekdays"), "at least one weekday, such as Mon-Sun")
    departures = f.get("departures", multicells.parse_times, ())
    both_ways = f.get("both_ways", cells.parse_bool, True)
    service = f.get("service", parse_text, "") or None
    if mode is None:
        return None
    return f.make(
        lambda: Link(
            origin=PlaceId(origin),
            destination=PlaceId(destination),
            mode=mode,
            duration_min=duration,
            cost_per_person=per_person,
            cost_per_vehicle=per_vehicle,
            weekdays=weekdays,
            departures=departures,
            both_ways=both_ways,
            service=service,
            notes=f.notes(),
        )
    )
