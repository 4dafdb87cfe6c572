"""Property-based tests: random small routes plan validly or explain why not.

The routes may have a sleeper bus over midnight, sites that serve lunch and
visits longer than a day (all towns have lodging), so nights on board,
lunch at the site and two-day visits are checked on random cases too.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lrplanner.core.errors import InfeasibleRequest
from lrplanner.core.ids import ChampionId, ParticipantId, PlaceId, SiteId
from lrplanner.core.people import Champion, Gender, Participant
from lrplanner.core.places import Link, Place, TravelMode
from lrplanner.core.project import Project
from lrplanner.core.route import RouteSettings
from lrplanner.core.sites import Site
from lrplanner.core.timespan import DateRange, OpeningHours, TimeWindow
from lrplanner.core.validate import validate
from lrplanner.network.graph import TravelNetwork
from lrplanner.planner.plan import PlanOutcome, plan_route
from lrplanner.planner.report import travel_check

#: Real Cambodian towns with lodging (lat, lon, lodging, per diem).
TOWNS = {
    "PNH": ("Phnom Penh", 11.5564, 104.9282, 45, 50),
    "TKO": ("Takeo", 10.9908, 104.7850, 20, 30),
    "KSP": ("Kampong Speu", 11.4533, 104.5206, 20, 30),
    "KCM": ("Kampong Cham", 11.9924, 105.4645, 25, 35),
}
START = date(2027, 3, 1)


@st.composite
def projects(draw: st.DrawFn, max_sites: int = 6, *, plain: bool = False) -> Project:
    """Draw a 2-4 day Cambodian route with 2-6 sites of random hours and values."""
    days = draw(st.integers(2, 4))
    places = tuple(
        Place(
            id=PlaceId(k),
            name=v[0],
            country="KH",
            lat=v[1],
            lon=v[2],
            lodging_per_night=Decimal(v[3]),
            per_diem=Decimal(v[4]),
        )
        for k, v in TOWNS.items()
    )
    towns = list(TOWNS)
    count = draw(st.integers(2, max_sites))
    sites = tuple(_site(draw, i, towns, days, plain=plain) for i in range(count))
    champions = tuple(
        Champion(
            id=ChampionId(f"C{i}"),
            name=f"Champion {i}",
            gender=Gender.FEMALE,
            country="KH",
            sites=(s.id,),
            honorarium=Decimal(40),
        )
        for i, s in enumerate(sites)
    )
    sites = tuple(
        replace(s, champions=(ChampionId(f"C{i}"),)) for i, s in enumerate(sites)
    )
    cap = draw(st.sampled_from([None, Decimal(3000), Decimal(20000)]))
    route = RouteSettings(
        name="Random route",
        start_date=START,
        end_date=START + timedelta(days=days - 1),
        start_place=PlaceId(draw(st.sampled_from(towns))),
        end_place=PlaceId(draw(st.sampled_from(towns))),
        max_visits_per_day=draw(st.integers(1, 3)),
        budget_cap=cap,
        facilitators=1,
    )
    people = tuple(
        Participant(
            id=ParticipantId(f"P{i}"),
            name=f"Person {i}",
            gender=Gender.MALE,
            country="VN",
        )
        for i in range(5)
    )
    return Project(
        route=route,
        sites=sites,
        champions=champions,
        participants=people,
        places=places,
        links=() if plain else _night_bus(draw, towns),
    )


def _night_bus(draw: st.DrawFn, towns: list[str]) -> tuple[Link, ...]:
    """Draw no link, or a sleeper bus between two towns over midnight."""
    if not draw(st.booleans()):
        return ()
    origin, destination = draw(
        st.lists(st.sampled_from(towns), min_size=2, max_size=2, unique=True)
    )
    leaves = time(draw(st.integers(18, 23)), draw(st.sampled_from([0, 30])))
    return (
        Link(
            origin=PlaceId(origin), destination=PlaceId(destination),
            mode=TravelMode.ROAD, duration_min=draw(st.integers(120, 600)),
            cost_per_person=Decimal(12), departures=(leaves,), both_ways=False,
            service="sleeper bus",
        ),
    )  # fmt: skip


def _site(
    draw: st.DrawFn, index: int, towns: list[str], days: int, *, plain: bool = False
) -> Site:
    opens = draw(st.integers(7, 13))
    closes = draw(st.integers(opens + 2, 18))
    hours = OpeningHours.same_every_day([TimeWindow(time(opens), time(closes))])
    first = draw(st.integers(0, days - 1))
    return Site(
        id=SiteId(f"S{index}"),
        name=f"Site {index}",
        country="KH",
        place=PlaceId(draw(st.sampled_from(towns))),
        opening=hours,
        value=draw(st.integers(1, 10)),
        # 360 and 480: longer than a day holds, planned over two days
        duration_min=draw(
            st.sampled_from(
                [60, 90, 120, 180] if plain else [60, 90, 120, 180, 360, 480]
            )
        ),
        serves_lunch=False if plain else draw(st.booleans()),
        themes=(draw(st.sampled_from(["rural finance", "youth"])),),
        available=(
            DateRange(START + timedelta(days=first), START + timedelta(days=days - 1)),
        ),
        required=draw(st.booleans()) and index == 0,
        fee_per_group=Decimal(draw(st.integers(0, 300))),
    )


def _plan_or_reason(project: Project) -> PlanOutcome | str:
    try:
        return plan_route(project, seconds=0.5, seed=1)
    except InfeasibleRequest as exc:
        return str(exc)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects())
def test_random_routes_plan_validly_or_explain(project: Project) -> None:
    """Tests that every plan of a random route passes the independent check."""
    outcome = _plan_or_reason(project)
    if isinstance(outcome, str):
        assert len(outcome) > 30  # an explanation, not a crash
        return
    network = TravelNetwork.from_project(project)
    found = validate(project, outcome.itinerary, travel_check(network))
    assert found == [], found
    assert outcome.report.violations == ()
    visited = set(outcome.itinerary.visited_sites())
    assert visited | {r.site for r in outcome.itinerary.left_out} == {
        s.id for s in project.sites
    }
