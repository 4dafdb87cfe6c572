"""Visas per participant: every country the plan enters and what it takes.

The plan's days say where the group is: the route's start place, then each
event in order (a visit at its site; a session or meal at its place; a
travel leg from its origin, through its via places, to its destination,
reached on the local date it ends) and each night's overnight place. A
*stay* is a run of that sequence in one country: the group enters it on
the first date it is there and leaves on the last, and both dates count as
days stayed, as immigration counts them. A country left and entered again
is two stays, two entries.

Each participant's nationality is their Participants Country. For every
stay in another country the Visas rule for (nationality, country) says
what they need; a pair without a rule says "no rule entered" and nothing
more, a rule's maximum stay shorter than the stay is flagged, and a second
entry where a visa is applied for beforehand is flagged (a single-entry
visa does not cover it). A participant's own arrival and departure dates
(Participants, when entered) stretch their first and last stay: arriving a
day early at the start country's airport adds that day to the stay there,
leaving a day late adds it at the end. A journey through an airport in
another country is not counted (its country is not where the route is).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from lrplanner.core.arrivals import Way, journey_airport
from lrplanner.core.calendar import zone_named
from lrplanner.core.ids import PlaceId, SiteId
from lrplanner.core.locations import SITE_PREFIX, location_zone
from lrplanner.core.people import Participant
from lrplanner.core.plan import EventKind
from lrplanner.core.visas import VisaRule

if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import datetime

    from lrplanner.core.plan import Event, Itinerary
    from lrplanner.core.project import Project

OWN_COUNTRY = "none (own country)"
NO_RULE = "no rule entered"


@dataclass(frozen=True, slots=True, kw_only=True)
class CountryStay:
    """A run of the route in one country, from the entry date to the last day."""

    country: str
    entry: date
    last: date

    @property
    def days(self) -> int:
        """Return the days stayed, the entry and the last day both counted."""
        return (self.last - self.entry).days + 1


@dataclass(frozen=True, slots=True, kw_only=True)
class VisaEntry:
    """One participant entering one country: the rule found and what to check.

    ``number`` counts the entries of this participant into this country
    (1 for the first). ``rule`` is None for the participant's own country
    and for a pair the Visas sheet has no rule for.
    """

    participant: Participant
    stay: CountryStay
    number: int
    rule: VisaRule | None
    flags: tuple[str, ...] = ()

    @property
    def own_country(self) -> bool:
        """Return whether the country is the participant's own (nothing needed)."""
        return self.stay.country == self.participant.country

    @property
    def need(self) -> str:
        """Return what the participant needs, as the rule says (or that none says)."""
        if self.own_country:
            return OWN_COUNTRY
        return NO_RULE if self.rule is None else self.rule.requirement.value


def location_country(project: Project, location: str) -> str | None:
    """Return the country of a place id or ``site:<id>`` (None if unknown)."""
    if location.startswith(SITE_PREFIX):
        site = project.site_by_id.get(SiteId(location.removeprefix(SITE_PREFIX)))
        return site.country if site else None
    place = project.place_by_id.get(PlaceId(location))
    return place.country if place else None


def _local_date(project: Project, moment: datetime, location: str, tz: str) -> date:
    """Return the date of a moment where it happens (else in the zone ``tz``)."""
    try:
        zone = location_zone(project, location)
    except KeyError:
        zone = zone_named(tz)
    return moment.astimezone(zone).date()


def _event_points(project: Project, event: Event) -> Iterator[tuple[date, str]]:
    """Yield (local date, location) of where an event takes the group, in order."""
    if event.kind is EventKind.TRAVEL:
        assert event.origin is not None
        assert event.destination is not None
        start = _local_date(project, event.start, event.origin, event.tz)
        yield start, event.origin
        for place in event.via:
            yield start, place
        yield (
            _local_date(project, event.end, event.destination, event.tz),
            (event.destination),
        )
        return
    location = f"{SITE_PREFIX}{event.site}" if event.site else event.place
    if location is not None:
        yield _local_date(project, event.start, location, event.tz), location


def _points(project: Project, itinerary: Itinerary) -> Iterator[tuple[date, str]]:
    """Yield (date, country) of where the group is, in the plan's order."""
    if not itinerary.days:
        return
    located: list[tuple[date, str]] = [
        (itinerary.days[0].day, project.route.start_place)
    ]
    for day in itinerary.days:
        for event in day.events:
            located.extend(_event_points(project, event))
        if day.overnight is not None and not day.on_board:
            located.append((day.day, day.overnight))
    for when, location in located:
        country = location_country(project, location)
        if country is not None:
            yield when, country


def country_stays(project: Project, itinerary: Itinerary) -> tuple[CountryStay, ...]:
    """Return the plan's runs in one country, in order (a re-entry is a new one)."""
    stays: list[CountryStay] = []
    for when, country in _points(project, itinerary):
        last = stays[-1] if stays else None
        if last is not None and last.country == country:
            stays[-1] = CountryStay(
                country=country, entry=last.entry, last=max(last.last, when)
            )
        else:
            stays.append(CountryStay(country=country, entry=when, last=when))
    return tuple(stays)


def personal_stays(
    project: Project, person: Participant, stays: tuple[CountryStay, ...]
) -> tuple[CountryStay, ...]:
    """Return the route's stays stretched by a participant's own arrival
    (earlier than the first stay, at an airport in its country) and
    departure (later than the last stay, at an airport in its country)."""
    if not stays:
        return stays
    first, last = stays[0], stays[-1]
    arrives, leaves = person.arrival_date, person.departure_date
    out = list(stays)
    if arrives is not None and arrives < first.entry:
        here = _journey_country(project, person, Way.ARRIVAL) == first.country
        out[0] = replace(first, entry=arrives) if here else first
    if leaves is not None and leaves > last.last:
        here = _journey_country(project, person, Way.DEPARTURE) == last.country
        out[-1] = replace(out[-1], last=leaves) if here else out[-1]
    return tuple(out)


def _journey_country(project: Project, person: Participant, way: Way) -> str | None:
    airport = journey_airport(project, person, way)
    place = project.place_by_id.get(airport)
    return place.country if place is not None else None


def _flags(entry: VisaEntry) -> tuple[str, ...]:
    rule, stay = entry.rule, entry.stay
    nationality = entry.participant.country
    if entry.own_country:
        return ()
    if rule is None:
        return (
            f"no rule entered for {nationality} nationals entering {stay.country}: "
            "find out what they need and add it to the Visas sheet",
        )
    flags = []
    if rule.max_days is not None and stay.days > rule.max_days:
        flags.append(
            f"stays {stay.days} days, longer than the {rule.max_days} days allowed"
        )
    if entry.number > 1 and rule.requirement.applied_before:
        flags.append(
            f"entry {entry.number} into {stay.country}: a single-entry "
            f"{rule.requirement.value} does not cover it; ask for multiple entries"
        )
    if re.search(r"\bcheck\b", rule.note, re.IGNORECASE):
        flags.append("the rule is marked 'check': confirm it before booking")
    return tuple(flags)


def visa_entries(project: Project, itinerary: Itinerary) -> tuple[VisaEntry, ...]:
    """Return, per participant in roster order, every country entered in order.

    Each entry has the Visas rule for the participant's nationality and the
    country (None for their own country or a pair without a rule) and its
    flags: no rule entered, a stay longer than allowed, a second entry on a
    single-entry visa, a rule whose note says to check it.
    """
    route_stays = country_stays(project, itinerary)
    rules = {rule.pair: rule for rule in project.visas}
    entries: list[VisaEntry] = []
    for person in project.participants:
        counts: dict[str, int] = {}
        for stay in personal_stays(project, person, route_stays):
            counts[stay.country] = counts.get(stay.country, 0) + 1
            own = stay.country == person.country
            entry = VisaEntry(
                participant=person,
                stay=stay,
                number=counts[stay.country],
                rule=None if own else rules.get((person.country, stay.country)),
            )
            entries.append(replace(entry, flags=_flags(entry)))
    return tuple(entries)
