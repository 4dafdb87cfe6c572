"""Build Sites, Champions, Participants, Places, Links, visa rules and planned
amounts from rows.

The columns that fill one field each are read from their specs
(:meth:`Fields.values`); what is written here is what no single column
says: the opening hours, and the checks across columns (both coordinates
or neither, a border post's other country, a link joining two places).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lrplanner.core.budget_lines import PlannedAmount
from lrplanner.core.currency import ExchangeRate
from lrplanner.core.people import Champion, Participant
from lrplanner.core.places import Link, Place, PlaceKind
from lrplanner.core.sites import Site
from lrplanner.core.timespan import ALL_DAY, WEEKDAYS, OpeningHours
from lrplanner.core.visas import VisaRule
from lrplanner.importers import multicells

if TYPE_CHECKING:
    from lrplanner.core.timespan import TimeWindow
    from lrplanner.importers.fields import Fields


def _check_coordinates(f: Fields) -> None:
    if f.has("lat") != f.has("lon"):
        missing = "lon" if f.has("lat") else "lat"
        f.fail(missing, "", "both latitude and longitude, or neither")


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


def build_site(f: Fields) -> Site | None:
    """Return the Site on a Sites row, or None if the row has problems."""
    values = f.values()
    _check_coordinates(f)
    if not f.has("place") and not f.has("lat") and not f.has("lon"):
        f.fail("place", "", "a place id (Places sheet) or Lat and Lon")
    opening = _opening(f)
    return f.make(lambda: Site(**values, opening=opening, notes=f.notes()))


def build_champion(f: Fields) -> Champion | None:
    """Return the Champion on a Champions row, or None if the row has problems."""
    values = f.values()
    return f.make(lambda: Champion(**values, notes=f.notes()))


def build_participant(f: Fields) -> Participant | None:
    """Return the Participant on a Participants row, or None if it has problems."""
    values = f.values()
    return f.make(lambda: Participant(**values, notes=f.notes()))


def _check_other_country(f: Fields, values: dict[str, Any]) -> None:
    other = values["other_country"]
    if values["kind"] is PlaceKind.BORDER and not f.has("other_country"):
        f.fail("other_country", "", "the country across the border (border posts)")
    if other is not None and other == values["country"]:
        f.fail("other_country", other, "a country other than the place's own")


def build_place(f: Fields) -> Place | None:
    """Return the Place on a Places row, or None if the row has problems."""
    values = f.values()
    _check_coordinates(f)
    _check_other_country(f, values)
    hours = f.get("hours", multicells.parse_hours, None)
    opening = None if hours is None else OpeningHours.same_every_day(hours)
    return f.make(lambda: Place(**values, opening=opening, notes=f.notes()))


def build_link(f: Fields) -> Link | None:
    """Return the Link on a Links row, or None if the row has problems."""
    values = f.values()
    origin, destination = values["origin"], values["destination"]
    if origin and origin == destination:
        f.fail("destination", destination, "a place other than the From place")
    if not values["weekdays"]:
        f.fail("weekdays", f.raw("weekdays"), "at least one weekday, such as Mon-Sun")
    return f.make(lambda: Link(**values, notes=f.notes()))


def build_visa(f: Fields) -> VisaRule | None:
    """Return the VisaRule on a Visas row, or None if the row has problems."""
    values = f.values()
    nationality, destination = values["nationality"], values["destination"]
    if nationality and nationality == destination:
        f.fail(
            "destination",
            destination,
            "a country other than the nationality (own nationals need no visa)",
        )
    return f.make(lambda: VisaRule(**values, notes=f.notes()))


def build_planned(f: Fields) -> PlannedAmount | None:
    """Return the PlannedAmount on a Budget row, or None if the row has problems."""
    values = f.values()
    return f.make(lambda: PlannedAmount(**values, notes=f.notes()))


def build_rate(f: Fields) -> ExchangeRate | None:
    """Return the ExchangeRate on a Rates row, or None if the row has problems."""
    values = f.values()
    return f.make(lambda: ExchangeRate(**values, notes=f.notes()))
