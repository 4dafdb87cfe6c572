"""The exact cost model: every cost line a plan implies.

Travellers (participants, facilitators, interpreters) pay per-person items:
lodging each night at the overnight place (none for a night on board a
night bus, train or boat), per diem each day at the rate of
where the group sleeps (the end place on the last day), fares of travel legs
and host fees per person. Group items: vehicle hire on days with road travel,
vehicle costs of legs, host fees per group, one honorarium per presenting
champion per visit, facilitator fees and the fees of interpreters
travelling with the group per route day, one interpreter-day per language
pair a day's visits need (:mod:`lrplanner.core.interpretation`; a visit
whose need is not known is a line of quantity 0 that says why) and a venue
per workshop session. Participants' international fares come from the
Participants sheet. Contingency is a percentage of all of it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from lrplanner.core.costs import INTERNATIONAL, CostBreakdown, CostCategory, CostLine
from lrplanner.core.interpretation import InterpretationRule, day_interpretation
from lrplanner.core.locations import location_name
from lrplanner.core.places import TravelMode
from lrplanner.core.plan import (
    ESTIMATE_NOTE,
    DayPlan,
    Event,
    EventKind,
    Itinerary,
    SessionKind,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lrplanner.core.currency import LocalAmount
    from lrplanner.core.ids import PlaceId
    from lrplanner.core.project import Project

ONE = Decimal(1)
INTERPRETER_KEY = "interpreter_per_day"
RATE_LABELS = {INTERPRETER_KEY: "interpreter fee per day"}
ROAD_MODES = frozenset({TravelMode.ROAD})
VENUE_SESSIONS = frozenset(
    {SessionKind.OPENING, SessionKind.INNOVATION_PLAN, SessionKind.CLOSING}
)


def compute_costs(project: Project, itinerary: Itinerary) -> CostBreakdown:
    """Return every cost line of ``itinerary`` under ``project``'s rates."""
    lines = [*_international_fares(project)]
    rule = InterpretationRule(project)
    for day in itinerary.days:
        lines.extend(_day_lines(project, day))
        lines.extend(_interpreter_lines(project, day, rule))
    route = project.route
    return CostBreakdown(
        lines=tuple(lines),
        currency=route.currency,
        contingency_pct=route.contingency_pct,
        budget_cap=route.budget_cap,
        participants=len(project.participants),
    )


def _international_fares(project: Project) -> Iterator[CostLine]:
    for person in project.participants:
        for key, fare, label in (
            ("fare_to_start", person.fare_to_start, "to start"),
            ("fare_from_end", person.fare_from_end, "home"),
        ):
            if fare:
                yield CostLine(
                    category=CostCategory.INTERNATIONAL_FARES,
                    item=f"{person.name}: fare {label}",
                    quantity=ONE,
                    unit_rate=fare,
                    rate_key=f"{key}:{person.id}",
                    rate_label=f"{person.name}, fare {label}",
                    country=INTERNATIONAL,
                    local=person.prices.get(key),
                )


def _day_lines(project: Project, day: DayPlan) -> Iterator[CostLine]:
    yield from _stay_lines(project, day)
    yield from _staff_lines(project, day)
    for event in day.events:
        yield from _event_lines(project, day, event)
    if any(e.kind is EventKind.TRAVEL and e.mode in ROAD_MODES for e in day.events):
        rate = project.route.rates.vehicle_per_day
        yield CostLine(
            category=CostCategory.VEHICLE,
            item="group vehicle with driver",
            quantity=ONE,
            unit_rate=rate,
            rate_key="vehicle_per_day",
            rate_label="vehicle hire per day",
            country=_day_country(project, day),
            day=day.day,
            local=project.route.prices.get("rates.vehicle_per_day"),
        )


def _stay_place(project: Project, day: DayPlan) -> PlaceId:
    return day.overnight if day.overnight is not None else project.route.end_place


def _day_country(project: Project, day: DayPlan) -> str:
    place = project.place_by_id.get(_stay_place(project, day))
    return place.country if place else INTERNATIONAL


def _stay_lines(project: Project, day: DayPlan) -> Iterator[CostLine]:
    place = project.place_by_id[_stay_place(project, day)]
    people = Decimal(project.group_size)
    if place.per_diem:
        yield CostLine(
            category=CostCategory.PER_DIEM,
            item=f"per diem, {place.name}",
            quantity=people,
            unit_rate=place.per_diem,
            rate_key=f"per_diem:{place.id}",
            rate_label=f"per diem in {place.name}",
            country=place.country,
            day=day.day,
            per_head=True,
            local=place.prices.get("per_diem"),
        )
    if day.overnight is not None and not day.on_board and place.lodging_per_night:
        yield CostLine(
            category=CostCategory.LODGING,
            item=f"lodging, {place.name}",
            quantity=people,
            unit_rate=place.lodging_per_night,
            rate_key=f"lodging:{place.id}",
            rate_label=f"lodging per night in {place.name}",
            country=place.country,
            day=day.day,
            per_head=True,
            local=place.prices.get("lodging_per_night"),
        )


def _staff_lines(project: Project, day: DayPlan) -> Iterator[CostLine]:
    route = project.route
    country = _day_country(project, day)
    for category, count, rate, key, label in (
        (
            CostCategory.INTERPRETERS,
            route.interpreters,
            route.rates.interpreter_per_day,
            INTERPRETER_KEY,
            "interpreters travelling with the group",
        ),
        (
            CostCategory.FACILITATION,
            route.facilitators,
            route.rates.facilitator_per_day,
            "facilitator_per_day",
            "facilitator fee per day",
        ),
    ):
        if count and rate:
            yield CostLine(
                category=category,
                item=label,
                quantity=Decimal(count),
                unit_rate=rate,
                rate_key=key,
                rate_label=RATE_LABELS.get(key, label),
                country=country,
                day=day.day,
                local=route.prices.get(f"rates.{key}"),
            )


def _interpreter_lines(
    project: Project, day: DayPlan, rule: InterpretationRule
) -> Iterator[CostLine]:
    """One interpreter-day per pair the day's visits need, then a zero line
    for each visit whose need is not known (the sheet says so)."""
    rate = project.route.rates.interpreter_per_day
    if not rate:
        return
    needs = day_interpretation(project, day, rule)
    for shared in needs.pairs:
        sites = [project.site_by_id[s] for s in shared.sites]
        item = f"interpreter {shared.pair.label}: {'; '.join(s.name for s in sites)}"
        yield _interpreter_line(project, day, item, ONE, sites[0].country)
    for site_id, why in needs.unknown:
        site = project.site_by_id[site_id]
        item = f"interpretation at {site.name} not known: {why}"
        yield _interpreter_line(project, day, item, Decimal(0), site.country)


def _interpreter_line(
    project: Project, day: DayPlan, item: str, quantity: Decimal, country: str
) -> CostLine:
    route = project.route
    return CostLine(
        category=CostCategory.INTERPRETERS,
        item=item,
        quantity=quantity,
        unit_rate=route.rates.interpreter_per_day,
        rate_key=INTERPRETER_KEY,
        rate_label=RATE_LABELS[INTERPRETER_KEY],
        country=country,
        day=day.day,
        local=route.prices.get(f"rates.{INTERPRETER_KEY}"),
    )


def _event_lines(project: Project, day: DayPlan, event: Event) -> Iterator[CostLine]:
    if event.kind is EventKind.VISIT and event.site is not None:
        if not event.continued:  # a two-day visit pays once
            yield from _visit_lines(project, day, event)
    elif event.kind is EventKind.TRAVEL:
        yield from _travel_lines(project, day, event)
    elif event.session in VENUE_SESSIONS and project.route.rates.venue_per_session:
        yield CostLine(
            category=CostCategory.VENUES,
            item=event.title,
            quantity=ONE,
            unit_rate=project.route.rates.venue_per_session,
            rate_key="venue_per_session",
            rate_label="venue per session",
            country=_day_country(project, day),
            day=day.day,
            local=project.route.prices.get("rates.venue_per_session"),
        )


def _visit_lines(project: Project, day: DayPlan, event: Event) -> Iterator[CostLine]:
    assert event.site is not None
    site = project.site_by_id[event.site]
    people = Decimal(project.group_size)
    for quantity, field, key, label, per_head in (
        (ONE, "fee_per_group", f"fee_group:{site.id}", "host fee per group", False),
        (
            people,
            "fee_per_person",
            f"fee_person:{site.id}",
            "host fee per person",
            True,
        ),
    ):
        rate = getattr(site, field)
        if rate:
            yield CostLine(
                category=CostCategory.HOST_FEES,
                item=site.name,
                quantity=quantity,
                unit_rate=rate,
                rate_key=key,
                rate_label=f"{site.name}: {label}",
                country=site.country,
                day=day.day,
                per_head=per_head,
                local=site.prices.get(field),
            )
    for champion_id in event.champions:
        champion = project.champion_by_id[champion_id]
        if champion.honorarium:
            yield CostLine(
                category=CostCategory.HONORARIA,
                item=f"{champion.name} at {site.name}",
                quantity=ONE,
                unit_rate=champion.honorarium,
                rate_key=f"honorarium:{champion.id}",
                rate_label=f"honorarium of {champion.name}",
                country=site.country,
                day=day.day,
                local=champion.prices.get("honorarium"),
            )


def _travel_lines(project: Project, day: DayPlan, event: Event) -> Iterator[CostLine]:
    origin = project.place_by_id.get(event.origin) if event.origin else None
    country = origin.country if origin else _day_country(project, day)
    start = location_name(project, event.origin or "?")
    end = location_name(project, event.destination or "?")
    leg = f"{event.mode} {start} to {end}"
    if event.estimated:
        leg = f"{leg} ({ESTIMATE_NOTE})"
    key = f"{event.mode}:{event.origin}>{event.destination}"
    if event.fare_per_person:
        yield CostLine(
            category=CostCategory.TRAVEL,
            item=f"fares, {leg}",
            quantity=Decimal(project.group_size),
            unit_rate=event.fare_per_person,
            rate_key=f"fare:{key}",
            rate_label=f"fare per person, {leg}",
            country=country,
            day=day.day,
            per_head=True,
            estimated=event.estimated,
            local=_link_price(project, event, "cost_per_person", event.fare_per_person),
        )
    if event.vehicle_cost:
        yield CostLine(
            category=CostCategory.TRAVEL,
            item=f"vehicle, {leg}",
            quantity=ONE,
            unit_rate=event.vehicle_cost,
            rate_key=f"vehicle:{key}",
            rate_label=f"vehicle cost, {leg}",
            country=country,
            day=day.day,
            estimated=event.estimated,
            local=_link_price(project, event, "cost_per_vehicle", event.vehicle_cost),
        )


def _link_price(
    project: Project, event: Event, field: str, amount: Decimal
) -> LocalAmount | None:
    """Return the local amount of the Links row a leg's ``amount`` comes from.

    The row runs between the leg's places by its mode (either way if it runs
    both ways) with that amount; an estimated leg has none.
    """
    if event.estimated:
        return None
    ends = (event.origin, event.destination)
    for link in project.links:
        if link.mode is not event.mode or field not in link.prices:
            continue
        joins = (link.origin, link.destination) == ends or (
            link.both_ways and (link.destination, link.origin) == ends
        )
        if joins and getattr(link, field) == amount:
            return link.prices[field]
    return None
