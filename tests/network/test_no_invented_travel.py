"""Tests that the network invents no flights and drives no road across water.

The Philippine route is hand-made: Cebu City, Tagbilaran (Bohol), Iloilo
(Panay), Jordan (Guimaras) and Cagayan de Oro (Mindanao), with OceanJet's
Cebu - Tagbilaran fast ferry as the only Links row. The Mekong case is
Kratie and the river island Koh Trong, joined by a ferry row.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from lrplanner.core.costmodel import compute_costs
from lrplanner.core.places import Link, TravelMode
from lrplanner.core.plan import ESTIMATE_NOTE, DayPlan, Event, EventKind, Itinerary
from lrplanner.core.project import Project
from lrplanner.exporters.agenda_rows import day_rows, estimated_legs
from lrplanner.network.estimate import EstimateSettings
from lrplanner.network.graph import TravelNetwork
from lrplanner.network.legs import Unreachable
from lrplanner.network.nodes import site_node
from tests.network.islands import (
    CAGAYAN,
    CAN_THO,
    CEBU,
    DONG_HOI,
    HOMESTAY,
    ILOILO,
    JORDAN,
    KOH_TRONG,
    KRATIE,
    PHNOM_PENH,
    TAGBILARAN,
    mekong_island,
    route,
    visayas,
)

PHT = ZoneInfo("Asia/Manila")


def _estimated_roads(network: TravelNetwork) -> set[tuple[str, str]]:
    return {
        (e.origin, e.destination)
        for e in network.edges()
        if e.mode is TravelMode.ROAD and e.estimated
    }


def test_no_road_is_estimated_between_islands():
    """Tests that no estimated road joins two of the five island towns."""
    network = TravelNetwork.from_project(visayas())
    assert _estimated_roads(network) == set()
    lands = {network.landmass(p.id) for p in (CEBU, TAGBILARAN, ILOILO, JORDAN)}
    assert len(lands) == 4


def test_roads_are_still_estimated_on_one_island():
    """Tests a site with its own coordinates in Cebu is driven to from Cebu City."""
    site = replace(HOMESTAY, country="PH", place=CEBU.id, lat=10.33, lon=123.90)
    network = TravelNetwork.from_project(visayas(site))
    assert _estimated_roads(network) == {
        (CEBU.id, site_node(site.id)),
        (site_node(site.id), CEBU.id),
    }


def test_the_ferry_is_the_way_to_bohol():
    """Tests Cebu City to Tagbilaran goes by the fast ferry, not by road."""
    network = TravelNetwork.from_project(visayas())
    leg = network.fastest(CEBU.id, TAGBILARAN.id)
    assert leg.modes == (TravelMode.BOAT,)
    assert not leg.estimated
    timed = network.earliest_arrival(
        CEBU.id, TAGBILARAN.id, datetime(2027, 3, 1, 9, 0, tzinfo=PHT)
    )
    assert timed.steps[0].depart == datetime(2027, 3, 1, 13, 0, tzinfo=PHT)


def test_guimaras_without_a_crossing_says_which_one_is_missing():
    """Tests Iloilo - Guimaras is unreachable and the reason names the crossing."""
    network = TravelNetwork.from_project(visayas())
    with pytest.raises(Unreachable) as caught:
        network.fastest(ILOILO.id, JORDAN.id)
    assert caught.value.reason == (
        "Jordan, Guimaras (PH-JOR) is on another island than Iloilo (PH-ILO): "
        "add a boat, flight or bridge (road) row in Links"
    )
    with pytest.raises(Unreachable, match=r"Cagayan de Oro .* another island"):
        network.fastest(TAGBILARAN.id, CAGAYAN.id)


def test_a_road_row_is_a_bridge_between_islands():
    """Tests that a Links road row joins two landmasses (as a bridge would)."""
    bridge = Link(
        origin=ILOILO.id, destination=JORDAN.id, mode=TravelMode.ROAD, duration_min=40
    )
    network = TravelNetwork.from_project(
        visayas().with_changes(links=(bridge,)),
    )
    assert network.fastest(ILOILO.id, JORDAN.id).modes == (TravelMode.ROAD,)


def test_a_river_island_is_reached_only_by_its_ferry():
    """Tests no road estimate touches Koh Trong, which Links reaches by boat."""
    network = TravelNetwork.from_project(mekong_island())
    ends = {KOH_TRONG.id, site_node(HOMESTAY.id)}
    touching = {pair for pair in _estimated_roads(network) if set(pair) & ends}
    assert touching <= {  # only on the island, between the pier and the homestay
        (KOH_TRONG.id, site_node(HOMESTAY.id)),
        (site_node(HOMESTAY.id), KOH_TRONG.id),
    }
    assert network.fastest(KRATIE.id, KOH_TRONG.id).modes == (TravelMode.BOAT,)
    leg = network.fastest(PHNOM_PENH.id, site_node(HOMESTAY.id))
    assert [s.destination for s in leg.steps] == [
        KRATIE.id,
        KOH_TRONG.id,
        site_node(HOMESTAY.id),
    ]
    assert leg.modes == (TravelMode.ROAD, TravelMode.BOAT, TravelMode.ROAD)


def _vietnam(**route_changes: object) -> Project:
    return Project(
        route=route(DONG_HOI, CAN_THO, **route_changes),
        places=(DONG_HOI, CAN_THO),
    )


def _flights(network: TravelNetwork) -> list[tuple[str, str, bool]]:
    return sorted(
        (e.origin, e.destination, e.estimated)
        for e in network.edges()
        if e.mode is TravelMode.FLIGHT
    )


def test_no_flight_is_estimated_by_default():
    """Tests Dong Hoi - Can Tho has no flight unless Links has one."""
    assert _vietnam().route.estimated_flights is False
    network = TravelNetwork.from_project(_vietnam())
    assert _flights(network) == []
    # whatever the settings passed say: the route decides
    forced = EstimateSettings(estimate_flights=True)
    assert _flights(TravelNetwork.from_project(_vietnam(), forced)) == []


def test_the_route_turns_estimated_flights_on():
    """Tests the Route setting gives an estimated domestic flight both ways."""
    network = TravelNetwork.from_project(_vietnam(estimated_flights=True))
    assert _flights(network) == [("VCA", "VDH", True), ("VDH", "VCA", True)]
    assert network.settings.estimate_flights


def _leg(estimated: bool, fare: int = 0) -> Event:
    return Event(
        kind=EventKind.TRAVEL,
        start=datetime(2027, 3, 1, 9, 0, tzinfo=PHT),
        end=datetime(2027, 3, 1, 10, 30, tzinfo=PHT),
        title="Road: Cebu City → Tagbilaran",
        tz="Asia/Manila",
        origin=CEBU.id,
        destination=TAGBILARAN.id,
        mode=TravelMode.ROAD,
        estimated=estimated,
        fare_per_person=Decimal(fare),
        place=CEBU.id,
    )


def test_agenda_rows_mark_estimated_legs():
    """Tests an estimated leg reads 'estimate — confirm', a Links leg does not."""
    project = visayas()
    day = DayPlan(day=date(2027, 3, 1), events=(_leg(True),), overnight=TAGBILARAN.id)
    # row 0 is breakfast, row 1 the leg
    assert day_rows(project, day)[1].travel == f"road, 1 h 30 min, {ESTIMATE_NOTE}"
    known = replace(day, events=(_leg(False),))
    assert ESTIMATE_NOTE not in day_rows(project, known)[1].travel
    assert ESTIMATE_NOTE == "estimate — confirm"


def test_cost_lines_and_check_list_mark_estimated_legs():
    """Tests an estimated leg's fare line and the check's list say it is an estimate."""
    project = visayas()
    days = (
        DayPlan(day=date(2027, 3, 1), events=(_leg(True, 12),), overnight=CEBU.id),
        DayPlan(day=date(2027, 3, 2), events=(_leg(False, 15),), overnight=CEBU.id),
    )
    lines = [
        line for line in compute_costs(project, Itinerary(days=days)).lines
        if line.item.startswith("fares")
    ]  # fmt: skip
    assert [ESTIMATE_NOTE in line.item for line in lines] == [True, False]
    assert estimated_legs(project, Itinerary(days=days)) == [
        "2027-03-01 09:00 road Cebu City → Tagbilaran, 1 h 30 min"
    ]
