"""Tests of the travel network: border posts, timetables, zones, estimates."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from lrplanner.core.errors import InfeasibleRequest
from lrplanner.core.ids import PlaceId, SiteId
from lrplanner.core.places import Link, PlaceKind, TravelMode
from lrplanner.core.project import Project
from lrplanner.core.route import RouteSettings
from lrplanner.core.sites import Site
from lrplanner.core.timespan import OpeningHours
from lrplanner.network.estimate import EstimateSettings
from lrplanner.network.graph import TravelNetwork
from lrplanner.network.legs import Unreachable
from lrplanner.network.nodes import site_node
from tests.network.sample import (
    BAVET,
    DAC,
    HANOI,
    HCMC,
    KTM,
    KTM_DAC,
    MEKONG,
    PHNOM_PENH,
    VIENTIANE,
)

ICT = ZoneInfo("Asia/Phnom_Penh")
NPT = ZoneInfo("Asia/Kathmandu")
BST = ZoneInfo("Asia/Dhaka")
NO_FLIGHT_ESTIMATES = EstimateSettings(estimate_flights=False)


@pytest.fixture
def mekong() -> TravelNetwork:
    """Return Phnom Penh, Bavet, Ho Chi Minh City and their airports, no links."""
    return TravelNetwork.from_parts(MEKONG)


@pytest.fixture
def himalaya() -> TravelNetwork:
    """Return Kathmandu and Dhaka airports with a Mon/Wed/Fri 10:00 flight."""
    return TravelNetwork.from_parts([KTM, DAC], [KTM_DAC], settings=NO_FLIGHT_ESTIMATES)


def test_road_between_countries_goes_through_the_border_post(mekong):
    """Tests that Phnom Penh to Ho Chi Minh City by road passes Bavet."""
    leg = mekong.fastest("PP", "HCM")
    assert [(s.origin, s.destination) for s in leg.steps] == [
        ("PP", "BAVET"),
        ("BAVET", "HCM"),
    ]
    assert (leg.via, leg.modes) == (("BAVET",), (TravelMode.ROAD, TravelMode.ROAD))
    assert (leg.total_min, leg.wait_min, leg.estimated) == (369, 0, True)
    assert leg.distance_km == pytest.approx(276.1, abs=0.1)


def test_no_direct_road_edge_across_a_frontier(mekong):
    """Tests that cities in two countries get no estimated road between them."""
    assert mekong.connections("PP", "HCM") == ()
    assert len(mekong.connections("PP", "BAVET")) == 1


def test_night_departure_waits_for_the_border_post_to_open(mekong):
    """Tests that a 21:00 start waits at Bavet until 06:00 and the leg says so."""
    leg = mekong.earliest_arrival("PP", "HCM", datetime(2027, 3, 1, 21, 0, tzinfo=ICT))
    first, second = leg.steps
    assert first.arrive == datetime(2027, 3, 2, 1, 11, tzinfo=ICT)
    assert (second.wait_min, second.depart) == (
        289,
        datetime(2027, 3, 2, 6, tzinfo=ICT),
    )
    assert leg.arrive == datetime(2027, 3, 2, 7, 58, tzinfo=ICT)
    assert (leg.total_min, leg.wait_min) == (658, 289)
    assert leg.notes == (
        "waits 4 h 49 min at Bavet / Moc Bai (BAVET) until it opens at Tue 06:00",
    )


def test_day_departure_crosses_without_waiting(mekong):
    """Tests that a 10:00 start passes the open post and arrives at 16:09."""
    leg = mekong.earliest_arrival("PP", "HCM", datetime(2027, 3, 1, 10, 0, tzinfo=ICT))
    assert (leg.arrive, leg.wait_min, leg.notes) == (
        datetime(2027, 3, 1, 16, 9, tzinfo=ICT),
        0,
        (),
    )


def test_scheduled_flight_across_zones_nepal_to_bangladesh(himalaya):
    """Tests that 10:00 NPT + 75 min lands at 11:30 in Dhaka (+6)."""
    leg = himalaya.earliest_arrival(
        "KTM", "DAC", datetime(2027, 3, 1, 8, 0, tzinfo=NPT)
    )
    (step,) = leg.steps
    assert step.depart == datetime(2027, 3, 1, 10, 0, tzinfo=NPT)
    assert step.arrive == datetime(2027, 3, 1, 11, 30, tzinfo=BST)
    assert (leg.wait_min, leg.total_min, leg.estimated) == (120, 195, False)
    assert leg.arrive is not None
    assert leg.arrive.astimezone(BST).strftime("%H:%M") == "11:30"
    assert leg.notes == ("waits 2 h 00 min at KTM (KTM) for the flight at Mon 10:00",)


@pytest.mark.parametrize(
    ("ready", "departs"),
    [
        (datetime(2027, 3, 1, 10, 1, tzinfo=NPT), datetime(2027, 3, 3, 10, tzinfo=NPT)),
        (datetime(2027, 3, 2, 9, 0, tzinfo=NPT), datetime(2027, 3, 3, 10, tzinfo=NPT)),
        (datetime(2027, 3, 5, 23, 0, tzinfo=NPT), datetime(2027, 3, 8, 10, tzinfo=NPT)),
        (datetime(2027, 3, 3, 4, 15, tzinfo=UTC), datetime(2027, 3, 3, 10, tzinfo=NPT)),
    ],
)  # fmt: skip
def test_scheduled_flight_waits_for_its_next_running_day(himalaya, ready, departs):
    """Tests that a Mon/Wed/Fri flight is caught on the next day it runs."""
    leg = himalaya.earliest_arrival("KTM", "DAC", ready)
    assert leg.steps[0].depart == departs


def test_static_queries_ignore_timetables(himalaya):
    """Tests that fastest() gives the flight's own 75 minutes, with no wait."""
    leg = himalaya.fastest("KTM", "DAC")
    assert (leg.total_min, leg.via, leg.cost_per_person) == (75, ("KTM", "DAC"), 180)


def test_explicit_links_are_not_estimated():
    """Tests that a given road link is used as is and replaces the estimate."""
    road = Link(
        origin=PlaceId("PP"), destination=PlaceId("BAVET"), mode=TravelMode.ROAD,
        duration_min=200, cost_per_vehicle=Decimal("90"),
    )  # fmt: skip
    network = TravelNetwork.from_parts(MEKONG, [road])
    (edge,) = network.connections("BAVET", "PP")
    assert (edge.minutes, edge.estimated, edge.cost_per_vehicle) == (
        200,
        False,
        Decimal(90),
    )
    leg = network.fastest("PP", "HCM")
    assert [s.estimated for s in leg.steps] == [False, True]
    assert (leg.estimated, leg.total_min, leg.cost_for(20)) == (True, 318, Decimal(90))


def test_one_way_link_gives_one_direction():
    """Tests that a link with both_ways=False runs only from origin to destination."""
    network = TravelNetwork.from_parts(
        [KTM, DAC], [KTM_DAC], settings=NO_FLIGHT_ESTIMATES
    )
    assert network.connections("DAC", "KTM") == ()
    with pytest.raises(Unreachable):
        network.fastest("DAC", "KTM")


def test_flights_are_estimated_only_between_distant_airports(mekong):
    """Tests that cities get no flights and airports under 300 km apart neither."""
    flights = [e for e in mekong.edges() if e.mode is TravelMode.FLIGHT]
    assert flights == []
    abroad = EstimateSettings(estimate_international_flights=True)
    network = TravelNetwork.from_parts([*MEKONG, KTM, DAC], settings=abroad)
    pairs = {(e.origin, e.destination) for e in network.edges() if e.mode == "flight"}
    assert pairs == {
        (a, b) for a in ("PNH", "SGN", "KTM", "DAC")
        for b in ("PNH", "SGN", "KTM", "DAC")
        if a != b and {a, b} != {"PNH", "SGN"}
    }  # fmt: skip
    (ktm_dac,) = network.connections("KTM", "DAC")
    assert (ktm_dac.estimated, ktm_dac.minutes) == (True, 177)
    assert network.node("KTM").kind is PlaceKind.AIRPORT


def test_explicit_flight_replaces_the_estimate():
    """Tests that an airport pair with a flight link gets no estimated flight."""
    abroad = EstimateSettings(estimate_international_flights=True)
    network = TravelNetwork.from_parts([KTM, DAC], [KTM_DAC], settings=abroad)
    assert [e.estimated for e in network.connections("KTM", "DAC")] == [False]
    assert [e.estimated for e in network.connections("DAC", "KTM")] == [True]


def test_international_flights_are_not_estimated_by_default():
    """Tests that two airports in different countries get no estimated flight."""
    network = TravelNetwork.from_parts([*MEKONG, KTM, DAC])
    flights = {(e.origin, e.destination) for e in network.edges() if e.mode == "flight"}
    assert flights == set()


def test_unreachable_names_both_places_and_why():
    """Tests that Lao PDR to Viet Nam without a post or flight says exactly that."""
    network = TravelNetwork.from_parts([VIENTIANE, HANOI])
    with pytest.raises(Unreachable) as caught:
        network.fastest("VTE", "HAN")
    assert str(caught.value) == (
        "cannot travel from Vientiane (VTE) to Hanoi (HAN): no border post between"
        " Lao PDR and Viet Nam on the Places sheet and no airport in Lao PDR on the"
        " Places sheet (from Vientiane one can reach only Lao PDR)"
    )
    assert isinstance(caught.value, InfeasibleRequest)


def test_unreachable_without_flight_link():
    """Tests that two airports with estimates off blame the missing flight link."""
    with pytest.raises(
        Unreachable, match="Bangladesh and Nepal on the Places sheet and no flight link"
    ):
        TravelNetwork.from_parts([KTM, DAC], settings=NO_FLIGHT_ESTIMATES).fastest(
            "DAC", "KTM"
        )


def test_unknown_node_is_unreachable(mekong):
    """Tests that asking for a place not in the network names it."""
    with pytest.raises(Unreachable, match="NOWHERE is not a known place or site"):
        mekong.fastest("PP", "NOWHERE")


def test_border_post_that_never_opens_blocks_timed_travel():
    """Tests that a post with no opening hours blocks earliest_arrival only."""
    shut = replace(BAVET, opening=OpeningHours(by_weekday=((),) * 7))
    network = TravelNetwork.from_parts([PHNOM_PENH, shut, HCMC])
    assert network.fastest("PP", "HCM").total_min == 369
    with pytest.raises(Unreachable, match="never opens or runs"):
        network.earliest_arrival("PP", "HCM", datetime(2027, 3, 1, 9, tzinfo=ICT))


def test_naive_departure_is_refused(mekong):
    """Tests that earliest_arrival refuses a naive departure time."""
    with pytest.raises(ValueError, match="aware"):
        mekong.earliest_arrival("PP", "HCM", datetime(2027, 3, 1, 9))


def test_sites_at_places_and_with_own_coordinates():
    """Tests that a site at a place is the place and one with coordinates a node."""
    at_town = Site(id=SiteId("S1"), name="CLC", country="KH", place=PlaceId("PP"))
    in_field = Site(
        id=SiteId("S2"), name="Crab hatchery", country="VN", lat=10.95, lon=106.45
    )
    network = TravelNetwork.from_parts(MEKONG, sites=[at_town, in_field])
    assert network.resolve(site_node("S1")) == "PP"
    assert network.fastest(site_node("S1"), "PP").total_min == 0
    leg = network.fastest(site_node("S1"), site_node("S2"))
    assert (leg.origin, leg.destination) == ("site:S1", "site:S2")
    assert [s.destination for s in leg.steps] == ["BAVET", "site:S2"]
    assert network.connections("PP", "site:S2") == ()


def test_cheapest_prefers_free_road_over_paid_flight():
    """Tests that cheapest() takes the free road where fastest() flies."""
    flight = Link(
        origin=PlaceId("PP"), destination=PlaceId("HCM"), mode=TravelMode.FLIGHT,
        duration_min=60, cost_per_person=Decimal("80"),
    )  # fmt: skip
    network = TravelNetwork.from_parts(MEKONG, [flight])
    assert network.fastest("PP", "HCM").modes == (TravelMode.FLIGHT,)
    cheap = network.cheapest("PP", "HCM", group_size=20)
    assert (cheap.modes, cheap.cost_for(20)) == ((TravelMode.ROAD,) * 2, Decimal(0))
    with pytest.raises(ValueError, match="group size"):
        network.cheapest("PP", "HCM", group_size=0)


def test_link_to_unknown_place_is_a_value_error():
    """Tests that a link naming a place not given raises a ValueError."""
    link = Link(origin=PlaceId("PP"), destination=PlaceId("XX"), mode=TravelMode.BOAT,
                duration_min=30)  # fmt: skip
    with pytest.raises(ValueError, match="no place XX"):
        TravelNetwork.from_parts(MEKONG, [link])


def test_two_posts_on_one_frontier_get_one_road_each_way():
    """Tests that two posts sharing both countries get one road each way."""
    second = replace(BAVET, id=PlaceId("XA_MAT"), name="Xa Mat", lat=11.9, lon=106.2)
    network = TravelNetwork.from_parts([BAVET, second])
    (there,) = network.connections("BAVET", "XA_MAT")
    (back,) = network.connections("XA_MAT", "BAVET")
    assert there.minutes == back.minutes == 159  # 91.4 km x 1.3 at 45 km/h


def test_network_from_project():
    """Tests that a project's places, links and sites make the network."""
    route = RouteSettings(
        name="Mekong", start_date=date(2027, 3, 1), end_date=date(2027, 3, 5),
        start_place=PlaceId("PP"), end_place=PlaceId("HCM"),
    )  # fmt: skip
    site = Site(id=SiteId("S1"), name="CLC", country="KH", place=PlaceId("PP"))
    project = Project(route=route, places=MEKONG, links=(KTM_DAC,), sites=(site,))
    with pytest.raises(ValueError, match="no place KTM"):
        TravelNetwork.from_project(project)
    network = TravelNetwork.from_project(project.with_changes(links=()))
    assert network.fastest("site:S1", "HCM").total_min == 369
