"""A site that serves lunch: a visit may run through lunch time, lunch there.

Cebu City -> Davao City over three days (Mon 1 - Wed 3 Mar 2027). A Cebu
fishers' cooperative receives groups 10:00-16:00 on Monday only, for four and
a half hours. Without lunch at the site no visit fits: it would have to end
by 13:00 (lunch at 12:00, an hour late at most) or start after lunch and end
at 17:30. When the host serves lunch the visit runs 10:10-15:40 with lunch
12:00-13:00 at the site.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest

from lrplanner.core.errors import InfeasibleRequest
from lrplanner.core.ids import SiteId
from lrplanner.core.sites import Site
from lrplanner.core.timespan import DateRange, OpeningHours, TimeWindow
from lrplanner.core.validate import validate
from lrplanner.exporters.agenda_rows import day_rows
from lrplanner.network.graph import TravelNetwork
from lrplanner.planner.plan import plan_route
from lrplanner.planner.report import travel_check
from tests.planner.procedures_routes import CEBU, flight_route

if TYPE_CHECKING:
    from lrplanner.core.project import Project

MANILA = ZoneInfo("Asia/Manila")
MONDAY = date(2027, 3, 1)


def _route(*, serves: bool) -> Project:
    site = Site(
        id=SiteId("CEB-2"), name="Cordova fishers' cooperative", country="PH",
        place=CEBU.id, value=8, duration_min=270, required=True,
        opening=OpeningHours.same_every_day([TimeWindow(time(10), time(16))]),
        available=(DateRange(MONDAY, MONDAY),), serves_lunch=serves,
    )  # fmt: skip
    base = flight_route()
    settings = replace(base.route, end_date=date(2027, 3, 3))
    return base.with_changes(route=settings, sites=(site,))


def test_a_host_serving_lunch_makes_the_long_visit_fit() -> None:
    """Tests the visit through lunch time, the lunch line, and the check."""
    project = _route(serves=True)
    outcome = plan_route(project, seconds=3.0, seed=0)
    network = TravelNetwork.from_project(project)
    assert validate(project, outcome.itinerary, travel_check(network)) == []
    monday = outcome.itinerary.days[0]
    (visit,) = monday.visits()
    assert visit.with_lunch
    assert visit.start.astimezone(MANILA).time() <= time(10, 30)
    assert visit.minutes == 270 + project.route.lunch_minutes
    rows = day_rows(project, monday)
    lunch = next(r for r in rows if r.activity == "Lunch at the site (host provides)")
    assert lunch.time == "12:00\u201313:00"
    assert not any(r.activity.startswith("Lunch in") for r in rows)


def test_without_lunch_at_the_site_the_visit_cannot_fit() -> None:
    """Tests the same route when the host does not serve lunch: No plan (the
    visit is required), as it would break the lunch rule."""
    with pytest.raises(InfeasibleRequest):
        plan_route(_route(serves=False), seconds=2.0, seed=0)


def test_the_check_refuses_lunch_at_a_site_that_does_not_serve_it() -> None:
    """Tests the rule 'lunch' on the served plan checked against a project
    where the host does not serve lunch."""
    served = plan_route(_route(serves=True), seconds=3.0, seed=0).itinerary
    rules = {v.rule for v in validate(_route(serves=False), served)}
    assert "lunch" in rules
