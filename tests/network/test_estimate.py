"""Tests of great-circle distance and of estimated roads and flights."""

from __future__ import annotations

from decimal import Decimal
from types import MappingProxyType

import pytest

from lrplanner.core.places import TravelMode
from lrplanner.network.estimate import (
    EstimateSettings,
    flight_estimate,
    great_circle_km,
    road_estimate,
)
from tests.network.sample import DAC, HCMC, KTM, PHNOM_PENH


def test_phnom_penh_to_ho_chi_minh_city_great_circle():
    """Tests that Phnom Penh-Ho Chi Minh City is about 212 km as the crow flies."""
    km = great_circle_km(PHNOM_PENH.lat, PHNOM_PENH.lon, HCMC.lat, HCMC.lon)
    assert km == pytest.approx(211.9, abs=0.2)


def test_great_circle_is_symmetric_and_zero_at_a_point():
    """Tests that distance is symmetric and zero from a point to itself."""
    there = great_circle_km(KTM.lat, KTM.lon, DAC.lat, DAC.lon)
    back = great_circle_km(DAC.lat, DAC.lon, KTM.lat, KTM.lon)
    assert there == pytest.approx(back)
    assert there == pytest.approx(661.8, abs=0.2)
    assert great_circle_km(10.0, 100.0, 10.0, 100.0) == 0.0


@pytest.mark.parametrize(
    ("country", "minutes"),
    [("KH", 174), ("TH", 120), ("NP", 312), ("MY", 195)],
)
def test_road_estimate_uses_detour_and_country_speed(country, minutes):
    """Tests that 100 km as the crow flies is 130 km at the country's speed."""
    edge = road_estimate(
        "A", "B", great_circle=100.0, countries={country}, settings=EstimateSettings()
    )
    assert (edge.minutes, edge.distance_km, edge.mode) == (minutes, 130.0, "road")
    assert edge.estimated
    assert edge.cost_per_person == edge.cost_per_vehicle == Decimal("0")


def test_road_speed_can_be_overridden():
    """Tests that a user speed for a country replaces the default."""
    settings = EstimateSettings(road_speed_kmh=MappingProxyType({"KH": 65.0}))
    edge = road_estimate(
        "A", "B", great_circle=100.0, countries={"KH"}, settings=settings
    )
    assert edge.minutes == 120
    assert settings.road_speed("VN") == 45.0


def test_road_between_two_posts_of_one_frontier_takes_the_slower_speed():
    """Tests that two countries shared by both ends drive at the slower speed."""
    assert EstimateSettings().shared_road_speed({"TH", "LA"}) == 40.0


def test_flight_estimate_adds_overhead_and_fare_per_km():
    """Tests that an estimated flight is overhead + cruise time, 60 + 0.10/km."""
    edge = flight_estimate(
        "KTM", "DAC", great_circle=661.792, settings=EstimateSettings()
    )
    assert (edge.mode, edge.minutes) == (TravelMode.FLIGHT, 177)
    assert edge.cost_per_person == Decimal("126.18")
    assert edge.estimated
    assert edge.departures[0].hour == 7
    assert edge.departures[-1].hour == 20


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"detour_factor": 0.9}, "detour factor"),
        ({"default_road_speed_kmh": 0.0}, "road speeds"),
        ({"flight_speed_kmh": -1.0}, "flight speed"),
        ({"flight_base_fare": Decimal("-1")}, "flight base fare"),
    ],
)
def test_settings_refuse_nonsense(changes, message):
    """Tests that impossible estimate settings raise a ValueError saying which."""
    with pytest.raises(ValueError, match=message):
        EstimateSettings(**changes)
