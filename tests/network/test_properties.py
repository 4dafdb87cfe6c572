"""Property-based tests of the travel network on small random networks."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from lrplanner.core.ids import PlaceId
from lrplanner.core.places import Link, Place, PlaceKind, TravelMode
from lrplanner.core.timespan import OpeningHours, TimeWindow
from lrplanner.network.graph import TravelNetwork
from lrplanner.network.legs import Leg, Unreachable

ZONES = ("Asia/Phnom_Penh", "Asia/Kathmandu", "Asia/Dhaka", "Asia/Manila")
OTHER = {"KH": "VN", "VN": "KH"}


@st.composite
def places(draw: st.DrawFn) -> list[Place]:
    """Draw 2-5 places in Cambodia and Viet Nam, in assorted time zones."""
    count = draw(st.integers(2, 5))
    found = []
    for index in range(count):
        kind = draw(st.sampled_from(PlaceKind))
        country = draw(st.sampled_from(["KH", "VN"]))
        opening = None
        if kind is PlaceKind.BORDER:
            start = draw(st.integers(0, 20))
            hours = TimeWindow(time(start), time(draw(st.integers(start + 1, 23))))
            opening = OpeningHours.same_every_day([hours])
        found.append(
            Place(
                id=PlaceId(f"P{index}"),
                name=f"Place {index}",
                country=country,
                other_country=OTHER[country] if kind is PlaceKind.BORDER else None,
                kind=kind,
                lat=draw(st.floats(9.0, 14.0)),
                lon=draw(st.floats(102.0, 108.0)),
                opening=opening,
                tz=draw(st.sampled_from(ZONES)),
            )
        )
    return found


@st.composite
def networks(draw: st.DrawFn) -> TravelNetwork:
    """Draw a network of random places and 0-6 random explicit links."""
    nodes = draw(places())
    ids = [p.id for p in nodes]
    links = []
    for _ in range(draw(st.integers(0, 6))):
        origin, destination = draw(st.permutations(ids))[:2]
        departures = draw(st.lists(st.integers(0, 23), max_size=2, unique=True))
        links.append(
            Link(
                origin=origin,
                destination=destination,
                mode=draw(st.sampled_from(TravelMode)),
                duration_min=draw(st.integers(10, 900)),
                weekdays=draw(st.frozensets(st.integers(0, 6), min_size=1)),
                departures=tuple(time(h) for h in departures),
                both_ways=draw(st.booleans()),
            )
        )
    return TravelNetwork.from_parts(nodes, links)


def _fastest(network: TravelNetwork, origin: str, destination: str) -> Leg | None:
    try:
        return network.fastest(origin, destination)
    except Unreachable:
        return None


@settings(max_examples=60, deadline=None)
@given(networks())
def test_fastest_is_no_slower_than_any_direct_edge(network):
    """Tests that fastest() never takes longer than a single direct edge."""
    for origin in network.node_ids:
        for destination in network.node_ids:
            direct = network.connections(origin, destination)
            leg = _fastest(network, origin, destination)
            if direct and origin != destination:
                assert leg is not None
                assert leg.total_min <= min(e.minutes for e in direct)
                assert leg.total_min == leg.travel_min


@settings(max_examples=60, deadline=None)
@given(
    networks(),
    st.datetimes(datetime(2027, 1, 1), datetime(2027, 12, 31), timezones=st.just(UTC)),
)
def test_earliest_arrival_is_never_before_the_fastest_trip(network, depart):
    """Tests that earliest_arrival lands no sooner than depart + fastest minutes."""
    for origin in network.node_ids:
        for destination in network.node_ids:
            fastest = _fastest(network, origin, destination)
            try:
                leg = network.earliest_arrival(origin, destination, depart)
            except Unreachable:
                continue  # e.g. a post whose hours no timetable fits
            assert fastest is not None
            assert leg.arrive is not None
            assert leg.arrive >= depart + timedelta(minutes=fastest.total_min)
            assert leg.total_min >= fastest.total_min
            ready = depart
            for step in leg.steps:
                assert step.depart is not None
                assert step.depart >= ready
                ready = step.arrive
            assert ready == leg.arrive
