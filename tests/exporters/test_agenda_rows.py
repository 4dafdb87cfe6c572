"""Tests of the agenda rows shared by the Excel and PDF agendas."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

import pytest

from lrplanner.exporters.agenda_rows import (
    day_countries,
    day_heading,
    day_rows,
    duration_text,
    holiday_note,
)
from lrplanner.planner.plan import plan_route
from tests.planner.procedures_routes import BAVET, border_route

if TYPE_CHECKING:
    from tests.exporters.fixtures import Plan


@pytest.mark.parametrize(
    ("minutes", "text"), [(45, "45 min"), (60, "1 h"), (130, "2 h 10 min")]
)
def test_duration_text(minutes: int, text: str) -> None:
    """Tests that durations read as hours and minutes."""
    assert duration_text(minutes) == text


def test_first_row_shows_the_zone(plan: Plan) -> None:
    """Tests that the first row of a day (breakfast) carries its UTC offset,
    later ones not."""
    rows = day_rows(plan.project, plan.itinerary.days[0])
    assert (rows[0].time, rows[0].activity) == (
        "07:00\u201307:45\nUTC+05:45",
        "Breakfast at the hotel",
    )
    assert rows[1].time == "08:30\u201310:00"
    assert rows[2].time == "10:15\u201312:15"


def test_flight_across_zones_shows_both_offsets(plan: Plan) -> None:
    """Tests that the Kathmandu-Dhaka flight shows departure and arrival clocks."""
    rows = day_rows(plan.project, plan.itinerary.days[2])
    index = next(
        i
        for i, r in enumerate(rows)
        if r.activity == "Departure: flight" and "Dhaka" in r.place
    )
    check_in, flight, arrival = rows[index - 1 : index + 2]
    assert (check_in.activity, check_in.time) == ("Check-in for flight", "13:10")
    assert check_in.travel == "at the airport 2 h before departure"
    assert (arrival.activity, arrival.time) == (
        "Arrival: immigration and baggage",
        "18:50\u201319:35",
    )
    assert flight.time == "15:10 (UTC+05:45) \u2013\n18:50 (UTC+06:00)"
    assert flight.place == (
        "Tribhuvan International Airport (Kathmandu) \u2192 "
        "Hazrat Shahjalal International Airport (Dhaka)"
    )
    assert flight.travel == "flight, 3 h 25 min, scheduled"
    assert rows[index + 2].time == "19:05\u201319:50"
    assert rows[index + 2].travel == "road, 45 min, estimate \u2014 confirm"


def test_visit_row_has_host_champions_and_address(plan: Plan) -> None:
    """Tests that a visit row names the host, champions with contacts, address."""
    rows = day_rows(plan.project, plan.itinerary.days[1])
    row = next(r for r in rows if "Kapilvastu" in r.activity)
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


def test_a_flight_number_from_links_is_printed(plan: Plan) -> None:
    """Tests the Service column on the check-in and departure lines."""
    links = tuple(
        replace(link, service="BG 372")
        if (link.origin, link.destination) == ("KTM", "DAC")
        else link
        for link in plan.project.links
    )
    project = plan.project.with_changes(links=links)
    activities = [r.activity for r in day_rows(project, plan.itinerary.days[2])]
    assert "Check-in for flight BG 372" in activities
    assert "Departure: flight BG 372" in activities


def test_a_land_border_has_its_formalities_line() -> None:
    """Tests that a road over a land border shows the formalities between
    the two legs, with the direction of travel and the minutes taken: Phnom
    Penh -> Bavet -> Ho Chi Minh City reads exit Cambodia, entry Viet Nam."""
    project = border_route()
    itinerary = plan_route(project, seconds=1.0, seed=1).itinerary
    rows = [row for day in itinerary.days for row in day_rows(project, day)]
    into = next(i for i, row in enumerate(rows) if row.activity.endswith(BAVET.name))
    crossing = rows[into + 1]
    assert crossing.activity == "Border: exit Cambodia, entry Viet Nam"
    assert crossing.place == BAVET.name
    assert crossing.travel.startswith("45 min for passports and visas")
    arrived = rows[into].time.split("\u2013")[1]
    assert crossing.time.split("\u2013")[0] == arrived
    onward = [row.activity for row in rows[into + 2 :] if row.kind == "travel"]
    assert onward[0].startswith(f"Road: {BAVET.name}")
    assert sum(row.activity.startswith("Border:") for row in rows) == 1


def test_border_formalities_follow_a_lunch_on_arrival() -> None:
    """Tests that when the group reaches the border post at lunch time and
    eats first, the formalities line follows lunch and ends as the onward
    road leaves (12:00 arrival, lunch 12:00-13:00, border 13:00-13:45)."""
    project = border_route()
    slower = replace(project.links[0], duration_min=240)
    project = replace(project, links=(slower, *project.links[1:]))
    itinerary = plan_route(project, seconds=1.0, seed=1).itinerary
    rows = [row for day in itinerary.days for row in day_rows(project, day)]
    activities = [row.activity for row in rows]
    border = activities.index("Border: exit Cambodia, entry Viet Nam")
    assert activities[border - 1] == f"Lunch in {BAVET.name}"
    lunch_end = rows[border - 1].time.split("\u2013")[1]
    assert rows[border].time.split("\u2013")[0] == lunch_end
    onward = rows[border + 1]
    assert onward.activity.startswith(f"Road: {BAVET.name}")
    assert rows[border].time.split("\u2013")[1] == onward.time.split("\u2013")[0]


def test_a_public_holiday_is_named_where_the_group_is() -> None:
    """Tests that the day heading names a public holiday of each country the
    group is in that day: Phnom Penh -> Ho Chi Minh City on 30 April is
    Reunification Day in Viet Nam (not a holiday in Cambodia), and 1 May is
    Labour Day in both; a working day has no note."""
    project = border_route()
    route = replace(
        project.route, start_date=date(2027, 4, 29), end_date=date(2027, 4, 30)
    )
    project = replace(project, route=route)
    itinerary = plan_route(project, seconds=1.0, seed=1).itinerary
    first, crossing = itinerary.days
    assert holiday_note(project, first) == ""
    assert day_heading(project, first) == "Thu 29 Apr 2027"
    assert day_countries(project, crossing) == ["KH", "VN"]
    assert holiday_note(project, crossing) == (
        "Liberation Day/Reunification Day (public holiday in Viet Nam)"
    )
    may_day = replace(crossing, day=date(2027, 5, 1))
    assert holiday_note(project, may_day) == (
        "International Labor Day (public holiday in Cambodia); "
        "International Labor Day (public holiday in Viet Nam)"
    )
    assert day_heading(project, crossing).startswith("Fri 30 Apr 2027 \u00b7 Lib")
