"""A night on board: the Reunification Express from Hanoi to Đồng Hới.

Four days (Mon 1 - Thu 4 Mar 2027) from Hanoi to Đồng Hới. A Hanoi site
receives groups on Monday afternoon only, a Quảng Bình site on Tuesday
morning only. The roads (Hanoi -> Vinh 5 h, Vinh -> Đồng Hới 3 h 30 min, with
at most 6 hours of travel a day) cannot bring the group from one to the other
overnight; the SE1 night train (Hanoi 21:10, Đồng Hới 06:30 the next morning)
can. So the best plan visits both, with Monday night on board: no hotel that
night, the train's fare instead.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest

from lrplanner.core.costmodel import compute_costs
from lrplanner.core.costs import CostCategory
from lrplanner.core.ids import PlaceId, SiteId
from lrplanner.core.places import Link, Place, TravelMode
from lrplanner.core.project import Project
from lrplanner.core.route import RouteSettings
from lrplanner.core.sites import Site
from lrplanner.core.timespan import DateRange, OpeningHours, TimeWindow
from lrplanner.core.validate import validate
from lrplanner.exporters.agenda_rows import day_rows
from lrplanner.network.graph import TravelNetwork
from lrplanner.planner.plan import plan_route
from lrplanner.planner.report import travel_check

if TYPE_CHECKING:
    from lrplanner.core.plan import DayPlan, Itinerary

HANOI_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
MONDAY, TUESDAY = date(2027, 3, 1), date(2027, 3, 2)


def _city(pid: str, name: str, lat: float, lon: float, lodging: str) -> Place:
    return Place(
        id=PlaceId(pid), name=name, country="VN", lat=lat, lon=lon,
        lodging_per_night=Decimal(lodging), per_diem=Decimal("20"),
    )  # fmt: skip


HANOI = _city("VN-HAN", "Hà Nội", 21.0278, 105.8342, "45")
VINH = _city("VN-VIH", "Vinh", 18.6796, 105.6813, "30")
DONG_HOI = _city("VN-DHO", "Đồng Hới", 17.4689, 106.6222, "30")
TRAIN = Link(
    origin=HANOI.id, destination=DONG_HOI.id, mode=TravelMode.TRAIN,
    duration_min=560, cost_per_person=Decimal("35"), departures=(time(21, 10),),
    both_ways=False, service="SE1",
)  # fmt: skip
ROADS = (
    Link(origin=HANOI.id, destination=VINH.id, mode=TravelMode.ROAD, duration_min=300),
    Link(
        origin=VINH.id, destination=DONG_HOI.id, mode=TravelMode.ROAD,
        duration_min=210,
    ),
)  # fmt: skip


def _site(sid: str, name: str, place: Place, day: date, opens: time) -> Site:
    return Site(
        id=SiteId(sid), name=name, country="VN", place=place.id, value=8,
        duration_min=120,
        opening=OpeningHours.same_every_day([TimeWindow(opens, time(17))]),
        available=(DateRange(day, day),),
    )  # fmt: skip


SITES = (
    _site("HN-1", "Thanh Trì safe vegetable cooperative", HANOI, MONDAY, time(13, 30)),
    _site("QB-1", "Bố Trạch farmers' association", DONG_HOI, TUESDAY, time(8, 30)),
)


def night_route(*links: Link) -> Project:
    """Return the four-day Hanoi -> Đồng Hới route with the given links."""
    settings = RouteSettings(
        name="Night train", start_date=MONDAY, end_date=date(2027, 3, 4),
        start_place=HANOI.id, end_place=DONG_HOI.id,
    )  # fmt: skip
    return Project(
        route=settings,
        places=(HANOI, VINH, DONG_HOI),
        links=links or (TRAIN, *ROADS),
        sites=SITES,
    )


def planned(project: Project) -> Itinerary:
    """Return the plan, checked by the validator."""
    outcome = plan_route(project, seconds=3.0, seed=0)
    found = validate(
        project, outcome.itinerary, travel_check(TravelNetwork.from_project(project))
    )
    assert found == [], [v.describe() for v in found]
    return outcome.itinerary


@pytest.fixture(scope="module")
def itinerary() -> Itinerary:
    return planned(night_route())


def test_the_night_train_lets_both_visits_happen(itinerary: Itinerary) -> None:
    """Tests Monday's visit in Hanoi, the night on the SE1 and Tuesday's
    morning visit in Quảng Bình."""
    assert itinerary.visited_sites() == ("HN-1", "QB-1")
    monday = itinerary.days[0]
    assert monday.on_board
    assert monday.overnight == DONG_HOI.id
    leg = monday.night_leg()
    assert leg is not None
    assert leg.mode is TravelMode.TRAIN
    assert leg.start.astimezone(HANOI_TZ).time() == time(21, 10)
    assert leg.end == datetime.combine(TUESDAY, time(6, 30), HANOI_TZ)
    tuesday = itinerary.days[1]
    assert tuesday.events[0].start >= leg.end
    assert not tuesday.on_board


def test_without_the_train_the_roads_miss_tuesday(itinerary: Itinerary) -> None:
    """Tests the case is what it claims: by road alone one visit is lost."""
    by_road = planned(night_route(*ROADS))
    assert len(by_road.visited_sites()) < len(itinerary.visited_sites())
    assert not any(d.on_board for d in by_road.days)


def test_a_night_on_board_costs_the_fare_not_a_hotel(itinerary: Itinerary) -> None:
    """Tests the cost lines of Monday: the train's fare, no lodging."""
    project = night_route()
    lines = [ln for ln in compute_costs(project, itinerary).lines if ln.day == MONDAY]
    assert not [ln for ln in lines if ln.category is CostCategory.LODGING]
    fares = [
        ln
        for ln in compute_costs(project, itinerary).lines
        if ln.category is CostCategory.TRAVEL and "train" in ln.item
    ]
    assert [ln.unit_rate for ln in fares] == [TRAIN.cost_per_person]


def test_the_agenda_says_night_on_board(itinerary: Itinerary) -> None:
    """Tests the agenda's last Monday row and the train's times."""
    rows = day_rows(night_route(), itinerary.days[0])
    assert rows[-1].activity == "Night on board (train SE1)"
    assert rows[-1].place == "Hà Nội → Đồng Hới"
    train = next(r for r in rows if r.activity.startswith("Train"))
    assert "21:10" in train.time
    assert "06:30 next day" in train.time


def _broken(itinerary: Itinerary, day: int, new: DayPlan) -> Itinerary:
    days = list(itinerary.days)
    days[day] = new
    return replace(itinerary, days=tuple(days))


def test_the_check_catches_a_day_starting_before_the_train_arrives(
    itinerary: Itinerary,
) -> None:
    """Tests the rule 'night on board': Tuesday three hours earlier, from 05:30."""
    tuesday = itinerary.days[1]
    early = tuple(
        replace(e, start=e.start - timedelta(hours=3), end=e.end - timedelta(hours=3))
        for e in tuesday.events
    )
    broken = _broken(itinerary, 1, replace(tuesday, events=early))
    rules = {v.rule for v in validate(night_route(), broken)}
    assert "night on board" in rules


def test_the_check_catches_a_night_on_an_unscheduled_leg(
    itinerary: Itinerary,
) -> None:
    """Tests the rule 'night on board' on a Links row with no departures."""
    project = night_route(replace(TRAIN, departures=()), *ROADS)
    rules = {v.rule for v in validate(project, itinerary)}
    assert "night on board" in rules
    assert "lodging" not in rules


def test_a_night_ashore_without_lodging_is_still_caught(itinerary: Itinerary) -> None:
    """Tests that ending the day off the train keeps the lodging rule: the
    same Monday as a night ashore in Đồng Hới without lodging."""
    monday = itinerary.days[0]
    broken = _broken(itinerary, 0, replace(monday, on_board=False))
    no_beds = replace(DONG_HOI, lodging_per_night=None)
    project = night_route().with_changes(places=(HANOI, VINH, no_beds))
    rules = {v.rule for v in validate(project, broken)}
    assert "lodging" in rules


def test_a_night_bus_works_the_same_way() -> None:
    """Tests a sleeper bus (a road row with Departures over midnight) in
    place of the train: the same two visits, the night on the bus."""
    bus = replace(
        TRAIN, mode=TravelMode.ROAD, duration_min=540, service="Hoàng Long sleeper"
    )
    itinerary = planned(night_route(bus, *ROADS))
    assert itinerary.visited_sites() == ("HN-1", "QB-1")
    monday = itinerary.days[0]
    assert monday.on_board
    leg = monday.night_leg()
    assert leg is not None
    assert leg.mode is TravelMode.ROAD
    rows = day_rows(night_route(bus, *ROADS), monday)
    assert rows[-1].activity == "Night on board (bus Hoàng Long sleeper)"
