"""Tests of the travel matrix the solver reads."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lrplanner.core.ids import PlaceId, SiteId
from lrplanner.core.places import Link, TravelMode
from lrplanner.core.sites import Site
from lrplanner.network.graph import TravelNetwork
from lrplanner.network.legs import Unreachable
from lrplanner.network.matrix import TravelMatrix
from tests.network.sample import HANOI, MEKONG, VIENTIANE

CLC = Site(id=SiteId("CLC"), name="Learning centre", country="KH", place=PlaceId("PP"))


@pytest.fixture
def network() -> TravelNetwork:
    """Return the Mekong places, plus Vientiane cut off, and a site in Phnom Penh."""
    flight = Link(
        origin=PlaceId("PP"), destination=PlaceId("HCM"), mode=TravelMode.FLIGHT,
        duration_min=60, cost_per_person=Decimal("80"),
    )  # fmt: skip
    return TravelNetwork.from_parts([*MEKONG, VIENTIANE], [flight], [CLC])


def test_matrix_has_whole_minutes_for_every_pair(network):
    """Tests that the matrix holds each ordered pair's minutes, 0 on the diagonal."""
    matrix = TravelMatrix.build(network, ["PP", "BAVET", "HCM", "site:CLC"])
    assert matrix.minutes_rows(unreachable=-1) == (
        (0, 178, 60, 0),
        (178, 0, 118, 178),
        (60, 118, 0, 60),
        (0, 178, 60, 0),
    )
    assert matrix.unreachable_pairs() == ()
    assert matrix.leg("site:CLC", "HCM").modes == (TravelMode.FLIGHT,)
    assert matrix.leg("site:CLC", "HCM").origin == "site:CLC"
    assert matrix.leg("PP", "BAVET").via == ("BAVET",)
    assert matrix.leg("PP", "BAVET").modes == (TravelMode.FLIGHT, TravelMode.ROAD)


def test_cheapest_matrix_takes_the_free_road(network):
    """Tests that the cheapest objective gives road minutes and zero fares."""
    matrix = TravelMatrix.build(
        network, ["PP", "HCM"], objective="cheapest", group_size=20
    )
    assert matrix.minutes("PP", "HCM") == 369
    assert matrix.cost_per_person("PP", "HCM") == Decimal(0)
    assert matrix.cost_per_vehicle("PP", "HCM") == 0


def test_unreachable_pairs_are_marked_not_fatal(network):
    """Tests that a cut-off place is marked unreachable and explained on lookup."""
    matrix = TravelMatrix.build(network, ["PP", "VTE", "NOWHERE"])
    assert matrix.unreachable_pairs() == (
        ("PP", "VTE"),
        ("PP", "NOWHERE"),
        ("VTE", "PP"),
        ("VTE", "NOWHERE"),
        ("NOWHERE", "PP"),
        ("NOWHERE", "VTE"),
        ("NOWHERE", "NOWHERE"),
    )
    assert matrix.minutes("PP", "VTE") is None
    assert matrix.cost_per_person("PP", "VTE") is None
    assert matrix.minutes_rows(unreachable=99_999)[0] == (0, 99_999, 99_999)
    assert not matrix.reachable("VTE", "PP")
    with pytest.raises(Unreachable, match="no border post between Cambodia and Lao"):
        matrix.leg("PP", "VTE")


def test_vientiane_and_hanoi_alone_are_cut_off():
    """Tests that a two-node matrix across a closed frontier has only the diagonal."""
    matrix = TravelMatrix.build(
        TravelNetwork.from_parts([VIENTIANE, HANOI]), ["VTE", "HAN"]
    )
    assert matrix.minutes_rows(unreachable=-1) == ((0, -1), (-1, 0))
