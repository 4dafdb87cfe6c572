"""Tests of the agenda rows shared by the Excel and PDF agendas."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from lrplanner.exporters.agenda_rows import day_rows, duration_text

if TYPE_CHECKING:
    from tests.exporters.fixtures import Plan


@pytest.mark.parametrize(
    ("minutes", "text"), [(45, "45 min"), (60, "1 h"), (130, "2 h 10 min")]
)
def test_duration_text(minutes: int, text: str) -> None:
    """Tests that durations read as hours and minutes."""
    assert duration_text(minutes) == text


def test_first_row_shows_the_zone(plan: Plan) -> None:
    """Tests that the first row of a day carries its UTC offset, later ones not."""
    rows = day_rows(plan.project, plan.itinerary.days[0])
    assert rows[0].time == "08:30\u201310:00\nUTC+05:45"
    assert rows[1].time == "10:15\u201312:15"


def test_flight_across_zones_shows_both_offsets(plan: Plan) -> None:
    """Tests that the Kathmandu-Dhaka flight shows departure and arrival clocks."""
    rows = day_rows(plan.project, plan.itinerary.days[2])
    flight = rows[5]
    assert flight.time == "15:10 (UTC+05:45) \u2013\n18:50 (UTC+06:00)"
    assert flight.place == (
        "Tribhuvan International Airport (Kathmandu) \u2192 "
        "Hazrat Shahjalal International Airport (Dhaka)"
    )
    assert flight.travel == "flight, 3 h 25 min, confirmed"
    assert rows[6].time == "19:05\u201319:50"
    assert rows[6].travel == "road, 45 min, estimate \u2014 confirm"


def test_visit_row_has_host_champions_and_address(plan: Plan) -> None:
    """Tests that a visit row names the host, champions with contacts, address."""
    row = day_rows(plan.project, plan.itinerary.days[1])[5]
    assert row.activity == "Visit: Kapilvastu women's agricultural cooperative"
    assert row.host.startswith("Shree Laxmi Women's Agricultural Cooperative")
    assert row.champions == (
        "Sita Kumari Tharu, +977 980 541 2276\nRam Prasad Yadav, +977 984 710 3358"
    )
    assert row.address == "Kapilvastu municipality, Kapilvastu district"


def test_last_row_is_overnight_or_route_end(plan: Plan) -> None:
    """Tests that each day ends with its overnight place (the last with the end)."""
    first = day_rows(plan.project, plan.itinerary.days[0])[-1]
    last = day_rows(plan.project, plan.itinerary.days[-1])[-1]
    assert (first.activity, first.place) == ("Overnight", "Dhulikhel (Kavrepalanchok)")
    assert (last.activity, last.place) == ("End of the route", "")
