"""Tests of the Route sheet's road speeds: read, written back, and used by
the road estimates (a route in Kenya drives faster than the built-in 40 km/h)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

import pytest

from lrplanner.core.ids import PlaceId
from lrplanner.core.project import Project
from lrplanner.core.route import EVERY_COUNTRY, RouteSettings
from lrplanner.importers import read_inputs, write_project_workbook
from lrplanner.importers.cells import CellError
from lrplanner.importers.multicells import parse_road_speeds
from lrplanner.network.estimate import DEFAULT_ROAD_SPEEDS, EstimateSettings
from lrplanner.network.graph import TravelNetwork
from tests.importers.mekong import mekong_rows, write_workbook
from tests.network.sample import city

if TYPE_CHECKING:
    from pathlib import Path

NAIROBI = city("KE-NBO", "Nairobi", "KE", -1.2864, 36.8172)
NAKURU = city("KE-NKU", "Nakuru", "KE", -0.3031, 36.0800)


def kenya(speeds: dict[str, float] | None = None) -> Project:
    """Return two days from Nairobi to Nakuru, no Links: the road is estimated."""
    route = RouteSettings(
        name="Rift Valley dairy",
        start_date=date(2027, 10, 18),
        end_date=date(2027, 10, 19),
        start_place=PlaceId("KE-NBO"),
        end_place=PlaceId("KE-NKU"),
        road_speeds=tuple((speeds or {}).items()),
    )
    return Project(route=route, places=(NAIROBI, NAKURU), sites=())


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (50, {EVERY_COUNTRY: 50.0}),
        ("55.5", {EVERY_COUNTRY: 55.5}),
        ("KE 55; UG 45", {"KE": 55.0, "UG": 45.0}),
        ("45; Nepal 25", {EVERY_COUNTRY: 45.0, "NP": 25.0}),
        ("KE: 55 km/h, UG=45", {"KE": 55.0, "UG": 45.0}),
    ],
)
def test_road_speeds_read(cell: object, expected: dict[str, float]) -> None:
    """Tests one number for every country, speeds per country (code or
    name), and both."""
    assert dict(parse_road_speeds(cell)) == expected
    assert list(dict(parse_road_speeds(cell))) == list(expected)


@pytest.mark.parametrize("cell", ["fast", "KE 200", "KE 4", "KE 50; KE 40", "XX 40"])
def test_road_speeds_refused(cell: str) -> None:
    """Tests that a word, a speed outside 5-120, a country twice or a code
    that is no country is refused with what is expected."""
    with pytest.raises(CellError, match=r"road speeds in km/h, 5-120"):
        parse_road_speeds(cell)


def test_route_refuses_a_speed_out_of_bounds() -> None:
    """Tests the domain's own check (a project file edited by hand)."""
    with pytest.raises(ValueError, match="road speeds must be"):
        kenya({"KE": 300.0})


def test_the_estimate_follows_the_route_speed() -> None:
    """Tests that Nairobi-Nakuru, estimated at the built-in 40 km/h, takes
    40/55 of that time at KE 55, and that one number for every country
    replaces the built-in table too."""
    built_in = TravelNetwork.from_project(kenya()).fastest("KE-NBO", "KE-NKU")
    faster = TravelNetwork.from_project(kenya({"KE": 55.0})).fastest("KE-NBO", "KE-NKU")
    assert built_in.estimated
    assert faster.estimated
    assert faster.total_min == pytest.approx(built_in.total_min * 40 / 55, abs=2)
    every = EstimateSettings().with_road_speeds({EVERY_COUNTRY: 50.0})
    assert {every.road_speed(c) for c in (*DEFAULT_ROAD_SPEEDS, "KE")} == {50.0}
    mixed = EstimateSettings().with_road_speeds({EVERY_COUNTRY: 50.0, "NP": 25.0})
    assert (mixed.road_speed("NP"), mixed.road_speed("TH")) == (25.0, 50.0)
    assert EstimateSettings().with_road_speeds({}) == EstimateSettings()


def test_road_speeds_round_trip(tmp_path: Path) -> None:
    """Tests that a project's road speeds are written to its workbook as the
    officer types them and read back the same."""
    project = read_inputs(write_workbook(mekong_rows(), tmp_path / "m.xlsx")).project
    assert project is not None
    assert project.route.road_speeds == ()
    speeds = ((EVERY_COUNTRY, 42.0), ("KH", 50.0))
    changed = project.with_changes(route=replace(project.route, road_speeds=speeds))
    path = tmp_path / "speeds.xlsx"
    write_project_workbook(changed, path)
    again = read_inputs(path).project
    assert again is not None
    assert again.route.road_speeds == speeds
