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
from lrplanner.network.legs import Connection
from lrplanner.planner.axis import TimeAxis, build_axis
from lrplanner.planner.timing import BOARDING_MIN, ready_by
from tests.planner.conftest import load_sample

if TYPE_CHECKING:
    from lrplanner.core.project import Project

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
