"""Tests for the domain value objects' validation and helpers."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from decimal import Decimal

import pytest

from lrplanner.core.ids import ChampionId, PlaceId, SiteId
from lrplanner.core.people import Champion, Gender
from lrplanner.core.places import Link, Place, PlaceKind, TravelMode
from lrplanner.core.project import Project
from lrplanner.core.sites import Site
from lrplanner.core.timespan import DateRange, OpeningHours, TimeWindow
from tests.helpers import WEEKDAYS_ONLY, small_project, small_route


def test_route_days_counts_both_ends() -> None:
    """Tests that a route from 1 to 5 March lasts five days."""
    assert small_route().days == 5


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"end_date": date(2027, 2, 28)}, "ends before it starts"),
        ({"day_start": time(18), "day_end": time(8)}, "day ends before"),
        ({"rest_days": (date(2027, 4, 1),)}, "rest days"),
        ({"budget_cap": Decimal("-1")}, "budget cap"),
        ({"currency": "usd"}, "ISO 4217"),
        ({"contingency_pct": Decimal("150")}, "contingency"),
        ({"name": "  "}, "name"),
    ],
)
def test_route_rejects_inconsistent_settings(
    changes: dict[str, object], message: str
) -> None:
    """Tests that RouteSettings refuses each inconsistent setting with a reason."""
    with pytest.raises(ValueError, match=message):
        replace(small_route(), **changes)  # type: ignore[arg-type]


def test_window_must_close_after_it_opens() -> None:
    """Tests that an opening window closing before it opens is refused."""
    with pytest.raises(ValueError, match="before it opens"):
        TimeWindow(time(17), time(8))


def test_overlapping_windows_are_refused() -> None:
    """Tests that two overlapping windows on one weekday are refused."""
    windows = (TimeWindow(time(8), time(12)), TimeWindow(time(11), time(14)))
    with pytest.raises(ValueError, match="overlap"):
        OpeningHours.same_every_day(windows)


def test_site_availability_combines_hours_ranges_and_blackouts() -> None:
    """Tests that a site is open only on open weekdays in range, not blacked out."""
    site = Site(
        id=SiteId("S1"),
        name="Seed bank",
        country="KH",
        lat=11.0,
        lon=104.0,
        opening=WEEKDAYS_ONLY,
        available=(DateRange(date(2027, 3, 1), date(2027, 3, 10)),),
        blackouts=(date(2027, 3, 2),),
    )
    assert site.is_available(date(2027, 3, 1))  # Monday
    assert not site.is_available(date(2027, 3, 2))  # blackout
    assert not site.is_available(date(2027, 3, 6))  # Saturday
    assert not site.is_available(date(2027, 3, 11))  # out of range
    assert WEEKDAYS_ONLY.closed_weekdays() == ["Sat", "Sun"]


def test_site_needs_a_location() -> None:
    """Tests that a site with neither place nor coordinates is refused."""
    with pytest.raises(ValueError, match="place or coordinates"):
        Site(id=SiteId("S1"), name="Nowhere", country="KH")


@pytest.mark.parametrize(("lat", "lon"), [(91.0, 0.0), (0.0, -181.0)])
def test_coordinates_must_be_on_the_globe(lat: float, lon: float) -> None:
    """Tests that latitude and longitude outside the globe are refused."""
    with pytest.raises(ValueError, match="off the globe"):
        Place(id=PlaceId("X"), name="X", country="KH", lat=lat, lon=lon)


def test_border_post_joins_two_countries() -> None:
    """Tests that a border post needs a second, different country."""
    with pytest.raises(ValueError, match="other_country"):
        Place(
            id=PlaceId("B"),
            name="Bavet",
            country="KH",
            lat=11.0,
            lon=106.1,
            kind=PlaceKind.BORDER,
        )
    post = small_project().place_by_id[PlaceId("BAV")]
    assert post.countries == frozenset({"KH", "VN"})
    assert not post.has_lodging


def test_link_must_join_two_places_on_some_weekday() -> None:
    """Tests that a link to itself or running on no weekday is refused."""
    with pytest.raises(ValueError, match="two places"):
        Link(
            origin=PlaceId("A"),
            destination=PlaceId("A"),
            mode=TravelMode.ROAD,
            duration_min=10,
        )
    with pytest.raises(ValueError, match="weekday"):
        Link(
            origin=PlaceId("A"),
            destination=PlaceId("B"),
            mode=TravelMode.ROAD,
            duration_min=10,
            weekdays=frozenset(),
        )


@pytest.mark.parametrize(
    ("birth_year", "youth", "expected"),
    [(1996, None, True), (1990, None, False), (1960, True, True), (None, None, False)],
)
def test_champion_youth(
    birth_year: int | None, youth: bool | None, expected: bool
) -> None:
    """Tests that youth comes from the flag, else from age <= 35 on the date."""
    champion = Champion(
        id=ChampionId("C"),
        name="Lan",
        gender=Gender.FEMALE,
        country="VN",
        birth_year=birth_year,
        youth=youth,
    )
    assert champion.is_youth(date(2027, 3, 1)) is expected


def test_project_refuses_duplicate_ids_and_indexes_records() -> None:
    """Tests that a project indexes records by id and refuses duplicate ids."""
    project = small_project()
    assert project.site_by_id[SiteId("VN-BT1")].required
    assert project.group_size == 2 + 2 + 1
    with pytest.raises(ValueError, match="duplicate site ids"):
        Project(route=project.route, sites=project.sites * 2)
