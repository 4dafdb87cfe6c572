"""A hand-made 4-day South Asia itinerary (Nepal UTC+05:45, Bangladesh UTC+06).

Built from ``sample_data/south_asia.xlsx`` until the planner produces real
itineraries: sessions, road and flight legs (one across the two zones),
visits with the sites' champions, lunches and overnights at lodging places.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from lrplanner.core.costmodel import compute_costs
from lrplanner.core.costs import CostBreakdown
from lrplanner.core.ids import ChampionId, PlaceId, SiteId
from lrplanner.core.indicators import Indicators, indicators
from lrplanner.core.places import TravelMode
from lrplanner.core.plan import DayPlan, Event, EventKind, Itinerary, SessionKind
from lrplanner.core.project import Project
from lrplanner.core.report import PlanReport
from lrplanner.core.rules import ValueRules
from lrplanner.importers import read_inputs

if TYPE_CHECKING:
    from lrplanner.core.validate import Violation

SAMPLE = Path(__file__).parents[2] / "sample_data" / "south_asia.xlsx"
NPT = "Asia/Kathmandu"
BST = "Asia/Dhaka"


@dataclass(frozen=True, slots=True)
class Plan:
    """A project with its itinerary, costs and indicators."""

    project: Project
    itinerary: Itinerary
    costs: CostBreakdown
    indicators: Indicators

    def report(self, *violations: Violation) -> PlanReport:
        """Return the plan's report, failing the check with ``violations``."""
        return PlanReport(
            costs=self.costs, indicators=self.indicators, violations=violations
        )


@functools.cache
def sample_project() -> Project:
    """Return the South Asia sample project (read once)."""
    project = read_inputs(SAMPLE).project
    assert project is not None
    return project


def at(day: date, hhmm: str, tz: str) -> datetime:
    """Return an aware local datetime."""
    hour, minute = (int(x) for x in hhmm.split(":"))
    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(tz))


def session(d: date, span: str, kind: SessionKind, title: str, place: str) -> Event:
    """Return a workshop session in Nepal or Bangladesh (by place prefix)."""
    tz = BST if place.startswith("BD") else NPT
    start, end = span.split("-")
    return Event(
        kind=EventKind.SESSION,
        start=at(d, start, tz),
        end=at(d, end, tz),
        title=title,
        tz=tz,
        place=PlaceId(place),
        session=kind,
    )


def meal(d: date, span: str, place: str, tz: str) -> Event:
    """Return a lunch."""
    start, end = span.split("-")
    return Event(
        kind=EventKind.MEAL,
        start=at(d, start, tz),
        end=at(d, end, tz),
        title="Lunch",
        tz=tz,
        place=PlaceId(place),
    )


def visit(d: date, span: str, site: str, champions: tuple[str, ...]) -> Event:
    """Return a visit to a sample site, titled with the site's name."""
    project = sample_project()
    target = project.site_by_id[SiteId(site)]
    tz = BST if target.country == "BD" else NPT
    start, end = span.split("-")
    return Event(
        kind=EventKind.VISIT,
        start=at(d, start, tz),
        end=at(d, end, tz),
        title=f"Visit: {target.name}",
        tz=tz,
        site=SiteId(site),
        champions=tuple(ChampionId(c) for c in champions),
    )


def leg(d: date, span: str, route: str, mode: TravelMode, **extra: object) -> Event:
    """Return a travel leg ``ORIGIN>DEST``; the end may be in another zone."""
    origin, destination = route.split(">")
    tz = extra.pop("tz", NPT)
    end_tz = extra.pop("end_tz", tz)
    start, end = span.split("-")
    return Event(
        kind=EventKind.TRAVEL,
        start=at(d, start, str(tz)),
        end=at(d, end, str(end_tz)),
        title=f"Travel by {mode}",
        tz=str(tz),
        origin=PlaceId(origin),
        destination=PlaceId(destination),
        mode=mode,
        **extra,  # type: ignore[arg-type]
    )


ROAD, FLIGHT = TravelMode.ROAD, TravelMode.FLIGHT
D1, D2, D3, D4 = (date(2027, 1, n) for n in (10, 11, 12, 13))


def nepal_days() -> tuple[tuple[Event, ...], tuple[Event, ...]]:
    """Return the events of days 1-2: Kathmandu valley, then Kapilvastu."""
    day1 = (
        session(D1, "08:30-10:00", SessionKind.OPENING, "Opening session", "NP-KTM"),
        visit(D1, "10:15-12:15", "NP11", ("SC09",)),
        meal(D1, "12:30-13:30", "NP-KTM", NPT),
        leg(D1, "13:30-14:45", "NP-KTM>NP-DHK", ROAD),
        visit(D1, "14:45-17:00", "NP10", ("SC09",)),
        session(D1, "17:15-18:00", SessionKind.REFLECTION, "Reflection", "NP-DHK"),
    )
    day2 = (
        leg(D2, "05:45-07:00", "NP-DHK>KTM", ROAD, estimated=True),
        leg(D2, "07:30-09:40", "KTM>BWA", FLIGHT, fare_per_person=Decimal("130")),
        leg(D2, "09:50-11:00", "BWA>NP-TLH", ROAD, estimated=True),
        visit(D2, "11:00-12:30", "NP02", ("SC02",)),
        meal(D2, "12:30-13:30", "NP-TLH", NPT),
        visit(D2, "13:30-16:30", "NP01", ("SC01", "SC02")),
        session(D2, "16:45-17:45", SessionKind.REFLECTION, "Reflection", "NP-TLH"),
    )
    return day1, day2


def crossing_days() -> tuple[tuple[Event, ...], tuple[Event, ...]]:
    """Return the events of days 3-4: Rupandehi, the flights to Dhaka, Dhaka."""
    day3 = (
        leg(D3, "07:00-08:30", "NP-TLH>NP-BHR", ROAD),
        visit(D3, "08:30-10:30", "NP03", ("SC03",)),
        leg(D3, "10:45-11:15", "NP-BHR>BWA", ROAD, estimated=True),
        meal(D3, "11:20-12:00", "BWA", NPT),
        leg(D3, "12:25-14:35", "BWA>KTM", FLIGHT, fare_per_person=Decimal("130")),
        leg(
            D3,
            "15:10-18:50",
            "KTM>DAC",
            FLIGHT,
            end_tz=BST,
            fare_per_person=Decimal("210"),
        ),
        leg(D3, "19:05-19:50", "DAC>BD-DAC", ROAD, tz=BST, estimated=True),
    )
    day4 = (
        session(
            D4, "09:00-10:30", SessionKind.INNOVATION_PLAN, "Innovation Plan", "BD-DAC"
        ),
        visit(D4, "10:45-12:15", "BD11", ("SC18",)),
        meal(D4, "12:30-13:30", "BD-DAC", BST),
        session(D4, "14:00-15:30", SessionKind.CLOSING, "Closing session", "BD-DAC"),
    )
    return day3, day4


def sample_days() -> tuple[DayPlan, ...]:
    """Return the four days of the hand-made plan."""
    day1, day2 = nepal_days()
    day3, day4 = crossing_days()
    return (
        DayPlan(day=D1, events=day1, overnight=PlaceId("NP-DHK")),
        DayPlan(day=D2, events=day2, overnight=PlaceId("NP-TLH")),
        DayPlan(day=D3, events=day3, overnight=PlaceId("BD-DAC")),
        DayPlan(day=D4, events=day4, overnight=None),
    )


def make_plan(project: Project | None = None) -> Plan:
    """Return the hand-made plan, with costs and indicators, for a project."""
    project = project or sample_project()
    itinerary = Itinerary(days=sample_days())
    costs = compute_costs(project, itinerary)
    return Plan(
        project, itinerary, costs, indicators(project, itinerary, costs, ValueRules())
    )
