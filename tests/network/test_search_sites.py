"""A leg never passes through a site: sites are where legs start or end."""

from __future__ import annotations

from lrplanner.core.places import TravelMode
from lrplanner.network.legs import Connection
from lrplanner.network.search import _dijkstra_paths


def _edge(a: str, b: str, minutes: int) -> tuple[str, float, Connection]:
    conn = Connection(
        origin=a, destination=b, mode=TravelMode.ROAD, minutes=minutes,
        distance_km=float(minutes),
    )  # fmt: skip
    return (b, float(minutes), conn)


def test_the_search_does_not_route_through_a_site() -> None:
    """Tests Manila -> NAIA takes the direct 50-minute road, not the 20-minute
    way through a briefing site in between, which still reaches the site."""
    adjacency = {
        "PH-MNL": [_edge("PH-MNL", "site:PH01", 10), _edge("PH-MNL", "NAIA", 50)],
        "site:PH01": [_edge("site:PH01", "NAIA", 10)],
        "NAIA": [],
    }
    paths = _dijkstra_paths(adjacency, "PH-MNL")
    assert paths["NAIA"] == ["PH-MNL", "NAIA"]
    assert paths["site:PH01"] == ["PH-MNL", "site:PH01"]
    from_site = _dijkstra_paths(adjacency, "site:PH01")
    assert from_site["NAIA"] == ["site:PH01", "NAIA"]
