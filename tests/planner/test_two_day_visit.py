"""A case longer than a day: an afternoon, a night at the site's village, a morning.

Four days (Mon 1 - Thu 4 Mar 2027) from and back to Phnom Penh. The Chambok
community-based ecotourism site (Kampong Speu, about two hours by road)
asks for 480 minutes with the host community, which no single day can hold
(the visit would run through lunch time). Chambok has homestays (lodging),
so the visit is planned over two days: a first part one afternoon, the
night in Chambok, the rest the next morning (08:10 until at most 13:00,
lunch after it). Without lodging at Chambok the site cannot be visited.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from decimal import Decimal
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest

from lrplanner.core.costmodel import compute_costs
from lrplanner.core.costs import CostCategory
from lrplanner.core.ids import PlaceId, SiteId
from lrplanner.core.places import Place
from lrplanner.core.project import Project
from lrplanner.core.route import RouteSettings
from lrplanner.core.sites import Site
from lrplanner.core.timespan import OpeningHours, TimeWindow
from lrplanner.core.validate import validate
from lrplanner.network.graph import TravelNetwork
from lrplanner.planner.plan import plan_route
from lrplanner.planner.report import travel_check

if TYPE_CHECKING:
    from lrplanner.core.plan import Itinerary

PHNOM_PENH_TZ = ZoneInfo("Asia/Phnom_Penh")
PHNOM_PENH = Place(
    id=PlaceId("KH-PNP"), name="Phnom Penh", country="KH", lat=11.5564,
    lon=104.9282, lodging_per_night=Decimal("45"), per_diem=Decimal("30"),
)  # fmt: skip
CHAMBOK = Place(
    id=PlaceId("KH-CHB"), name="Chambok (Kampong Speu)", country="KH", lat=11.3667,
    lon=104.1333, lodging_per_night=Decimal("12"), per_diem=Decimal("15"),
)  # fmt: skip
SITE = Site(
    id=SiteId("KH-CBET"), name="Chambok community-based ecotourism",
    host="Chambok Community-Based Ecotourism Committee", country="KH",
    place=CHAMBOK.id, value=9, duration_min=480,
    opening=OpeningHours.same_every_day([TimeWindow(time(7, 30), time(17, 30))]),
    fee_per_group=Decimal("80"),
)  # fmt: skip


def route(chambok: Place = CHAMBOK) -> Project:
    """Return the four-day route with the Chambok case."""
    settings = RouteSettings(
        name="Homestay", start_date=date(2027, 3, 1), end_date=date(2027, 3, 4),
        start_place=PHNOM_PENH.id, end_place=PHNOM_PENH.id,
    )  # fmt: skip
    return Project(route=settings, places=(PHNOM_PENH, chambok), sites=(SITE,))


@pytest.fixture(scope="module")
def itinerary() -> Itinerary:
    project = route()
    outcome = plan_route(project, seconds=3.0, seed=0)
    network = TravelNetwork.from_project(project)
    found = validate(project, outcome.itinerary, travel_check(network))
    assert found == [], [v.describe() for v in found]
    return outcome.itinerary


def test_the_case_runs_an_afternoon_and_the_next_morning(itinerary: Itinerary) -> None:
    """Tests the two parts, the night in Chambok and the morning's times."""
    days = [d for d in itinerary.days if d.visits()]
    assert len(days) == 2
    first, second = days
    assert first.overnight == CHAMBOK.id
    (part1,), (part2,) = first.visits(), second.visits()
    assert not part1.continued
    assert part2.continued
    assert part2.title.startswith("Visit (continued): ")
    assert part1.minutes + part2.minutes == SITE.duration_min
    assert (second.day - first.day).days == 1
    assert part2.start.astimezone(PHNOM_PENH_TZ).time() == time(8, 10)
    assert part2.end.astimezone(PHNOM_PENH_TZ).time() <= time(13, 0)
    assert itinerary.visited_sites() == (SITE.id,)  # one visit, in two parts


def test_the_host_fee_is_paid_once_and_the_night_in_chambok(
    itinerary: Itinerary,
) -> None:
    """Tests the cost lines: one host fee, lodging at Chambok that night."""
    lines = compute_costs(route(), itinerary).lines
    fees = [ln for ln in lines if ln.category is CostCategory.HOST_FEES]
    assert len(fees) == 1
    lodging = [ln for ln in lines if ln.category is CostCategory.LODGING]
    assert any("Chambok" in ln.item for ln in lodging)


def test_without_lodging_at_the_site_there_is_no_way_to_visit() -> None:
    """Tests that the case needs beds at its place."""
    no_beds = replace(CHAMBOK, lodging_per_night=None)
    outcome = plan_route(route(no_beds), seconds=2.0, seed=0)
    assert outcome.itinerary.visited_sites() == ()


def test_the_check_catches_a_second_part_without_its_first(
    itinerary: Itinerary,
) -> None:
    """Tests the rule 'two-day visit': the first part taken out of its day."""
    days = list(itinerary.days)
    k = next(i for i, d in enumerate(days) if any(e.continued for e in d.visits()))
    before = days[k - 1]
    days[k - 1] = replace(
        before, events=tuple(e for e in before.events if e.site != SITE.id)
    )
    rules = {v.rule for v in validate(route(), replace(itinerary, days=tuple(days)))}
    assert "two-day visit" in rules
