"""A timetabled leg that takes off inside lunch time: lunch before it.

The engine's axis cuts lunch out, so a group at the airport for a 13:30
flight looked as if it had lunch first, while the decoder found no place
for it (check-in at 12:30, on board at lunch time for only 15 minutes,
landing after lunch): the validator then refused the day ("no 60-minute
lunch on a visiting day"). Seen on South Asia with the Jagorani Chakra loans
(BD06) required, Dhaka -> Jessore at 13:30, planned in 2 s.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest

from lrplanner.core.places import TravelMode
from lrplanner.core.plan import EventKind
from lrplanner.core.procedures import check_in_minutes
from lrplanner.network.legs import Connection
from lrplanner.planner.axis import TimeAxis, build_axis
from lrplanner.planner.decode import CHECK_IN_TAKES_MIN
from lrplanner.planner.timing import BOARDING_MIN, ready_by
from tests.planner.conftest import load_sample

if TYPE_CHECKING:
    from lrplanner.core.plan import DayPlan
    from lrplanner.core.project import Project
    from lrplanner.planner.plan import PlanOutcome

DHAKA = ZoneInfo("Asia/Dhaka")
DAY = date(2027, 1, 14)


def _flight(minutes: int, leaves: time = time(13, 30)) -> Connection:
    return Connection(
        origin="DAC",
        destination="JSR",
        mode=TravelMode.FLIGHT,
        minutes=minutes,
        distance_km=160.0,
        departures=(leaves,),
    )


Setting = tuple["Project", TimeAxis, datetime]


@pytest.fixture(scope="module")
def setting() -> Setting:
    project = load_sample("south_asia")
    lunch = datetime.combine(DAY, time(12, 45), DHAKA)
    axis = build_axis(date(2027, 1, 10), [(lunch, lunch + timedelta(minutes=60))])
    return project, axis, lunch


def test_a_short_flight_inside_lunch_time_wants_lunch_before_it(
    setting: Setting,
) -> None:
    project, axis, lunch = setting
    take_off = datetime.combine(DAY, time(13, 30), DHAKA)
    ready = ready_by(project, axis, _flight(40), take_off)
    meal = take_off - timedelta(minutes=BOARDING_MIN + 60)
    assert ready == axis.to_axis(meal)
    # check-in alone (an hour before take-off) would be inside lunch time
    assert ready < axis.to_axis(take_off - timedelta(minutes=60))
    assert meal >= lunch - timedelta(minutes=60)  # still a lunch, not a brunch


def test_lunch_on_board_keeps_check_in(setting: Setting) -> None:
    project, axis, _ = setting
    # 13:15, half an hour into lunch time: a 40-minute flight is under way
    # for the other half, lunch is on board
    take_off = datetime.combine(DAY, time(13, 15), DHAKA)
    counter = axis.to_axis(take_off - timedelta(minutes=60))
    assert ready_by(project, axis, _flight(40, time(13, 15)), take_off) == counter
    # a 25-minute hop then is not (free at 13:55, after lunch time): lunch
    # at the airport before it
    meal = take_off - timedelta(minutes=BOARDING_MIN + 60)
    hop = ready_by(project, axis, _flight(25, time(13, 15)), take_off)
    assert hop == axis.to_axis(meal) < counter
    # a flight before lunch time is not moved
    early = datetime.combine(DAY, time(11, 0), DHAKA)
    assert ready_by(project, axis, _flight(40), early) == axis.to_axis(
        early - timedelta(minutes=60)
    )


def _meals_clear_of_check_in(project: Project, day: DayPlan) -> tuple[int, list[str]]:
    """Return how many lunches a day has at a departure point before its
    leg, and each that runs into check-in: a meal there ends by check-in, or
    starts ``CHECK_IN_TAKES_MIN`` after it and ends ``BOARDING_MIN`` before
    take-off."""
    problems = []
    seen = 0
    legs = [
        e
        for e in day.events
        if e.kind is EventKind.TRAVEL and e.mode is not TravelMode.ROAD
    ]
    for meal in (e for e in day.events if e.kind is EventKind.MEAL):
        for leg in legs:
            if meal.place != leg.origin or meal.start >= leg.start:
                continue
            seen += 1
            assert leg.mode is not None
            assert leg.origin
            assert leg.destination
            minutes = check_in_minutes(project, leg.mode, leg.origin, leg.destination)
            counter = leg.start - timedelta(minutes=minutes)
            airside = meal.start >= counter + timedelta(
                minutes=CHECK_IN_TAKES_MIN
            ) and meal.end <= leg.start - timedelta(minutes=BOARDING_MIN)
            if meal.end > counter and not airside:
                zone = ZoneInfo(meal.tz)
                problems.append(
                    f"{day.day}: {meal.title} {meal.start.astimezone(zone):%H:%M}-"
                    f"{meal.end.astimezone(zone):%H:%M} runs into check-in at "
                    f"{counter.astimezone(zone):%H:%M} for {leg.title}"
                )
    return seen, problems


def test_lunch_at_the_airport_keeps_clear_of_check_in(
    planned: tuple[Project, PlanOutcome],
) -> None:
    """South Asia, Dhaka -> Jessore at 13:30 (check-in at 12:30): lunch time
    is the start place's clock (12:30 in Kathmandu, 12:45 in Dhaka), and a
    lunch at the airport from 12:00 ran through check-in. It is now over by
    12:30, from 11:30 (an hour before Dhaka's own 12:30), the drive there
    leaving earlier; or eaten after check-in when that leaves room."""
    project, outcome = planned
    assert outcome.itinerary is not None
    checked = [_meals_clear_of_check_in(project, d) for d in outcome.itinerary.days]
    assert [p for _, day in checked for p in day] == []
    if project.route.start_place == "NP-KTM":  # South Asia eats at airports twice
        assert sum(seen for seen, _ in checked) >= 2


def test_lunch_is_over_half_an_hour_before_a_ferry_leaves() -> None:
    """Tests a hand-made Visayas route: the group opens the route in Cebu
    and takes the 13:00 fast ferry to Bohol. A boat has no check-in, and
    lunch at lunch time (12:00-13:00) ended as the ferry left; it is now
    over 30 minutes before (boarding), the morning being free."""
    from lrplanner.core.ids import SiteId
    from lrplanner.core.sites import Site
    from lrplanner.planner.plan import plan_route
    from tests.network import islands

    bohol = Site(
        id=SiteId("BOH-1"), name="Bohol bee farm cooperative", country="PH",
        place=islands.TAGBILARAN.id, lat=9.60, lon=123.80, duration_min=120,
    )  # fmt: skip
    project = islands.visayas(bohol)
    outcome = plan_route(project, seconds=2.0, seed=0)
    assert outcome.itinerary is not None
    first = outcome.itinerary.days[0]
    ferry = next(e for e in first.events if e.mode is TravelMode.BOAT)
    meal = next(e for e in first.events if e.kind is EventKind.MEAL)
    assert meal.end <= ferry.start - timedelta(minutes=BOARDING_MIN)
    assert meal.end - meal.start == timedelta(minutes=60)
