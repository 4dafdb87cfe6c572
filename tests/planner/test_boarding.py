"""Tests of boarding before a timetabled boat or train: the group is at the
pier or the station some minutes before it leaves, as it is at an airport's
check-in before a flight; the engine, the validator and the agenda agree."""

from __future__ import annotations

from dataclasses import replace
from datetime import time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from lrplanner.core.ids import PlaceId, SiteId
from lrplanner.core.places import Link, TravelMode
from lrplanner.core.plan import EventKind
from lrplanner.core.procedure_rules import procedure_problems
from lrplanner.core.procedures import BOARDING, check_in_minutes
from lrplanner.core.sites import Site
from lrplanner.core.validate import validate
from lrplanner.exporters.agenda_rows import day_rows
from lrplanner.network.graph import TravelNetwork
from lrplanner.planner.plan import plan_route
from lrplanner.planner.report import travel_check
from tests.network import islands

if TYPE_CHECKING:
    from lrplanner.core.plan import DayPlan, Event, Itinerary

#: A visit in Cebu City in the morning, one on Bohol in the afternoon: the
#: group crosses by the 13:00 (or an earlier) fast ferry.
CEBU_MARKET = Site(
    id=SiteId("CEB-1"), name="Carbon market vendors' cooperative", country="PH",
    place=islands.CEBU.id, lat=10.2930, lon=123.9010, duration_min=150,
)  # fmt: skip
BOHOL_BEES = Site(
    id=SiteId("BOH-1"), name="Bohol bee farm cooperative", country="PH",
    place=islands.TAGBILARAN.id, lat=9.60, lon=123.80, duration_min=120,
)  # fmt: skip
MANILA = ZoneInfo("Asia/Manila")
TRAIN = Link(
    origin=PlaceId("PH-ILO"), destination=PlaceId("PH-JOR"), mode=TravelMode.TRAIN,
    duration_min=60, departures=(time(9, 0),),
)  # fmt: skip


def _ferry_day(itinerary: Itinerary) -> tuple[DayPlan, Event]:
    """Return the day with the ferry, and the ferry."""
    for day in itinerary.days:
        for event in day.events:
            if event.mode is TravelMode.BOAT:
                return day, event
    raise AssertionError("no ferry in the plan")


def test_boarding_minutes_by_mode() -> None:
    """Tests 30 minutes at the pier before a timetabled boat, 15 at the
    station before a train, none before a boat hired at any hour or a road,
    and a place's own Check-in minutes first."""
    project = islands.visayas(links=(islands.FAST_FERRY, TRAIN))
    ferry = (TravelMode.BOAT, islands.CEBU.id, islands.TAGBILARAN.id)
    assert check_in_minutes(project, *ferry) == BOARDING[TravelMode.BOAT] == 30
    assert check_in_minutes(project, TravelMode.TRAIN, "PH-ILO", "PH-JOR") == 15
    # the fast ferry runs both ways (Links' default)
    back = (TravelMode.BOAT, islands.TAGBILARAN.id, islands.CEBU.id)
    assert check_in_minutes(project, *back) == 30
    road = (TravelMode.ROAD, islands.CEBU.id, islands.TAGBILARAN.id)
    assert check_in_minutes(project, *road) == 0
    hired = islands.mekong_island()
    crossing = (TravelMode.BOAT, islands.KRATIE.id, islands.KOH_TRONG.id)
    assert check_in_minutes(hired, *crossing) == 0
    quick_pier = replace(islands.CEBU, check_in_min=10)
    places = (quick_pier, *islands.VISAYAS[1:])
    assert check_in_minutes(replace(project, places=places), *ferry) == 10


def test_the_group_is_at_the_pier_before_the_ferry_leaves() -> None:
    """Tests a planned Cebu -> Bohol day: every activity before the ferry
    ends 30 minutes before it leaves, the validator passes the plan, and the
    agenda shows the boarding line at that time before the departure."""
    project = islands.visayas(CEBU_MARKET, BOHOL_BEES)
    outcome = plan_route(project, seconds=2.0, seed=0)
    network = TravelNetwork.from_project(project)
    assert validate(project, outcome.itinerary, travel_check(network)) == []
    day, ferry = _ferry_day(outcome.itinerary)
    before = [
        e for e in day.events if e.end <= ferry.start and e.kind is not EventKind.MEAL
    ]
    assert before
    assert max(e.end for e in before) <= ferry.start - timedelta(minutes=30)
    rows = day_rows(project, day)
    activities = [row.activity for row in rows]
    boarding = next(i for i, a in enumerate(activities) if a.startswith("Boarding"))
    assert activities[boarding] == "Boarding for boat"
    assert rows[boarding].travel == "at the pier 30 min before departure"
    departure = next(i for i, a in enumerate(activities) if a.startswith("Boat:"))
    assert boarding < departure
    leaves = rows[departure].time.split("\u2013")[0]
    boards = (ferry.start - timedelta(minutes=30)).astimezone(MANILA)
    assert rows[boarding].time == f"{boards:%H:%M}"
    assert leaves == f"{ferry.start.astimezone(MANILA):%H:%M}"


def test_the_validator_names_a_ferry_reached_as_it_leaves() -> None:
    """Tests that a plan whose group reaches the pier as the ferry leaves
    breaks the boarding rule, in words that name the pier."""
    project = islands.visayas(CEBU_MARKET, BOHOL_BEES)
    outcome = plan_route(project, seconds=2.0, seed=0)
    day, ferry = _ferry_day(outcome.itinerary)
    index = day.events.index(ferry)
    last = max(
        i for i, e in enumerate(day.events[:index]) if e.kind is not EventKind.MEAL
    )
    busy = day.events[last]
    # the same activity, moved to end as the ferry leaves (lunch dropped)
    late = replace(busy, start=busy.start + (ferry.start - busy.end), end=ferry.start)
    events = (*day.events[:last], late, *day.events[index:])
    problems = list(procedure_problems(project, replace(day, events=events)))
    assert [rule for rule, _ in problems] == ["check-in"]
    assert "must be at the pier by" in problems[0][1]
    assert "30 min boarding" in problems[0][1]


def test_the_group_leaves_the_host_when_the_visit_ends() -> None:
    """Tests that the road from a host to town leaves as the visit ends, and
    the group waits in town for the lunch before the ferry: on Bohol the
    visit ended at 10:30 and the road left at 11:12, arriving for an 11:30
    lunch; the road to a further visit is not moved."""
    project = islands.visayas(CEBU_MARKET, BOHOL_BEES)
    outcome = plan_route(project, seconds=2.0, seed=0)
    checked = 0
    for day in outcome.itinerary.days:
        pairs = zip(day.events, day.events[1:], day.events[2:], strict=False)
        for visit, road, then in pairs:
            if visit.kind is not EventKind.VISIT or road.mode is not TravelMode.ROAD:
                continue
            if then.kind is not EventKind.VISIT:
                assert road.start == visit.end, (visit.title, road.title)
                checked += 1
    assert checked >= 1
