"""Tests that the shipped outlines tell islands apart and keep the mainland whole."""

from __future__ import annotations

import time

import pytest

from lrplanner.network.landmass import (
    TOLERANCE_KM,
    build,
    landmasses,
    same_land,
    water_land,
)

#: (lat, lon) of town centres; Tagbilaran and Iloilo lie outside the rounded
#: outlines, within the tolerance.
ISLAND_TOWNS = {
    "Cebu City (Cebu)": (10.3157, 123.8854),
    "Tagbilaran (Bohol)": (9.6475, 123.8556),
    "Iloilo (Panay)": (10.7202, 122.5621),
    "Jordan (Guimaras)": (10.6581, 122.5961),
    "Cagayan de Oro (Mindanao)": (8.4542, 124.6319),
    "Manila (Luzon)": (14.5995, 120.9842),
}
MAINLAND = {
    "Phnom Penh": (11.5564, 104.9282),
    "Vientiane": (17.9757, 102.6331),
    "Bangkok": (13.7563, 100.5018),
    "Ho Chi Minh City": (10.8231, 106.6297),
    "Kathmandu": (27.7017, 85.3206),
    "Dhaka": (23.7500, 90.3900),
}


def test_each_island_is_its_own_landmass():
    """Tests Cebu, Bohol, Panay, Guimaras, Mindanao and Luzon come out separate."""
    found = landmasses().of_points(list(ISLAND_TOWNS.values()))
    assert None not in found
    assert len(set(found)) == len(ISLAND_TOWNS)


def test_the_mainland_is_one_landmass():
    """Tests that Mekong and South Asia cities share the one Asian landmass."""
    found = set(landmasses().of_points(list(MAINLAND.values())))
    assert len(found) == 1
    assert None not in found


def test_islands_are_not_on_the_mainland():
    """Tests an island town and a mainland city are on different land."""
    lands = landmasses()
    assert lands.of_point(*ISLAND_TOWNS["Cebu City (Cebu)"]) != lands.of_point(
        *MAINLAND["Ho Chi Minh City"]
    )


@pytest.mark.parametrize(
    ("lat", "lon"),
    [
        (12.0, 115.0),
        (48.8566, 2.3522),
        (-33.9, 18.4),
    ],  # South China Sea, Paris, Cape Town
)
def test_open_sea_and_places_outside_the_outlines_are_unknown(lat, lon):
    """Tests that a point far from the shipped land has no landmass."""
    assert landmasses().of_point(lat, lon) is None


def test_a_coastal_town_just_offshore_takes_the_nearest_land():
    """Tests a point 1 km off Cebu's coast is on Cebu, 40 km out on none."""
    lands = landmasses()
    cebu = lands.of_point(*ISLAND_TOWNS["Cebu City (Cebu)"])
    assert TOLERANCE_KM < 40
    assert lands.of_point(10.30, 123.93) == cebu  # in the strait off Cebu City
    assert lands.of_point(10.0, 119.0) != cebu


def test_unknown_joins_any_land_but_a_water_only_place():
    """Tests the rule of road estimates between landmasses."""
    assert same_land("land:1", "land:1")
    assert not same_land("land:1", "land:2")
    assert same_land(None, "land:1")
    assert same_land(None, None)
    assert not same_land(None, water_land("KH-KTR"))
    assert same_land(water_land("KH-KTR"), water_land("KH-KTR"))


def test_missing_outlines_give_no_landmasses(tmp_path):
    """Tests that without the outlines every point is unknown (no crash)."""
    lands = build(tmp_path / "missing.geojson")
    assert lands.of_points([(10.3, 123.9), (11.5, 104.9)]) == [None, None]


def test_lookups_are_fast():
    """Tests 1000 lookups take well under a second once built (measured ~0.06 s)."""
    lands = landmasses()
    points = [*ISLAND_TOWNS.values(), *MAINLAND.values()] * 84
    began = time.perf_counter()
    assert len(lands.of_points(points)) == len(points)
    assert time.perf_counter() - began < 1.0
