"""What a re-plan changed, in words: visits added, dropped, moved; nights."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from lrplanner.core.ids import PlaceId, SiteId
from lrplanner.core.places import Place
from lrplanner.core.plan import DayPlan, Event, EventKind, Itinerary
from lrplanner.core.plan_diff import plan_diff
from lrplanner.core.project import Project
from lrplanner.core.route import RouteSettings
from lrplanner.core.sites import Site
from lrplanner.core.timespan import OpeningHours

MON, TUE = date(2027, 3, 1), date(2027, 3, 2)


def _visit(site: str, day: date, hour: int) -> Event:
    return Event(
        kind=EventKind.VISIT,
        site=SiteId(site),
        title=f"Visit: {site}",
        tz="UTC",
        start=datetime(day.year, day.month, day.day, hour, tzinfo=UTC),
        end=datetime(day.year, day.month, day.day, hour + 1, tzinfo=UTC),
    )


def _project() -> Project:
    places = (
        Place(
            id=PlaceId("KH-PNP"), name="Phnom Penh", country="KH", lat=11.56, lon=104.93
        ),
        Place(id=PlaceId("KH-TKO"), name="Takeo", country="KH", lat=10.99, lon=104.78),
    )
    sites = tuple(
        Site(
            id=SiteId(s),
            name=name,
            country="KH",
            place=PlaceId("KH-TKO"),
            value=5,
            duration_min=60,
            opening=OpeningHours.same_every_day([]),
        )
        for s, name in (("A", "Tram Kak"), ("B", "Bati"), ("C", "Kirivong"))
    )
    route = RouteSettings(
        name="Diff",
        start_date=MON,
        end_date=TUE,
        start_place=PlaceId("KH-PNP"),
        end_place=PlaceId("KH-PNP"),
    )
    return Project(route=route, places=places, sites=sites)


def test_added_dropped_moved_and_nights_are_listed() -> None:
    """Tests every kind of change between two plans of a two-day route."""
    before = Itinerary(
        days=(
            DayPlan(
                day=MON,
                events=(_visit("A", MON, 9), _visit("B", MON, 11)),
                overnight=PlaceId("KH-TKO"),
            ),
            DayPlan(day=TUE),
        )
    )
    after = Itinerary(
        days=(
            DayPlan(
                day=MON, events=(_visit("A", MON, 9),), overnight=PlaceId("KH-PNP")
            ),
            DayPlan(day=TUE, events=(_visit("C", TUE, 9),)),
        )
    )
    diff = plan_diff(before, after)
    assert diff.added == (("C", TUE),)
    assert diff.dropped == (("B", MON),)
    assert diff.moved == ()
    lines = diff.lines(_project())
    assert "Added: Kirivong on Tue 2 Mar" in lines
    assert "Dropped: Bati (was on Mon 1 Mar)" in lines
    assert "Night of Mon 1 Mar: Takeo \u2192 Phnom Penh" in lines


def test_a_visit_on_another_day_is_moved_and_nothing_is_nothing() -> None:
    """Tests a visit moved a day, and two equal plans giving no change."""
    before = Itinerary(
        days=(
            DayPlan(
                day=MON, events=(_visit("A", MON, 9),), overnight=PlaceId("KH-TKO")
            ),
            DayPlan(day=TUE),
        )
    )
    moved_days = (
        replace(before.days[0], events=()),
        replace(before.days[1], events=(_visit("A", TUE, 9),)),
    )
    after = Itinerary(days=moved_days)
    diff = plan_diff(before, after)
    assert diff.moved == (("A", MON, TUE),)
    assert diff.lines(_project()) == ["Moved: Tram Kak from Mon 1 Mar to Tue 2 Mar"]
    assert not plan_diff(before, before)
