"""Why two nodes of the travel network are not connected, in the user's words."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import networkx as nx

from lrplanner.core.countries import country_name
from lrplanner.core.places import PlaceKind
from lrplanner.network.landmass import WATER_PREFIX as WATER

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from lrplanner.network.nodes import NodeInfo
    from lrplanner.network.search import Graph


class _Network(Protocol):
    """The part of ``TravelNetwork`` an explanation reads."""

    @property
    def graph(self) -> Graph: ...

    def node(self, node_id: str) -> NodeInfo: ...

    def landmass(self, node_id: str) -> str | None: ...


def explain_unreachable(
    network: _Network, start: NodeInfo, end: NodeInfo, *, timed: bool
) -> str:
    """Return why no leg joins two nodes.

    Parameters
    ----------
    network
        The network searched.
    start, end
        The two nodes.
    timed
        Whether the failed search honoured timetables and border-post hours.
    """
    if timed and nx.has_path(network.graph, start.id, end.id):
        return (
            "every way there needs a border post or link that never opens or runs"
            " (check border-post hours and link weekdays)"
        )
    crossing = _missing_crossing(network, start, end)
    if crossing:
        return crossing
    if start.countries & end.countries:
        return "no road or link joins them (are they on islands? add a boat or flight)"
    ours, theirs = _names(start.countries), _names(end.countries)
    reasons = []
    if not _posts_between(network, start.countries, end.countries):
        reasons.append(
            f"no border post between {ours} and {theirs} on the Places sheet"
        )
    else:
        reasons.append(f"the border posts between {ours} and {theirs} are not linked")
    reasons.append(_flight_gap(network, start.countries, end.countries))
    reached = _names(_reached_countries(network, start.id))
    return f"{' and '.join(reasons)} (from {start.name} one can reach only {reached})"


def _missing_crossing(network: _Network, start: NodeInfo, end: NodeInfo) -> str:
    """Return which crossing is missing when the two are on different land
    ('' when both are on one landmass or either is unknown)."""
    ours, theirs = network.landmass(start.id), network.landmass(end.id)
    if ours is None or theirs is None or ours == theirs:
        return ""
    water = next(
        (n for n, land in ((end, theirs), (start, ours)) if land.startswith(WATER)),
        None,
    )
    where = (
        f"{water.label} is reached only by water (Links joins it by boat and by "
        "no road)"
        if water is not None
        else f"{end.label} is on another island than {start.label}"
    )
    return f"{where}: add a boat, flight or bridge (road) row in Links"


def _flight_gap(network: _Network, ours: frozenset[str], theirs: frozenset[str]) -> str:
    """Return what is missing on the air side between two groups of countries."""
    for side in (ours, theirs):
        if not any(n.countries & side for n in _airports(network)):
            return f"no airport in {_names(side)} on the Places sheet"
    return "no flight link"


def _posts_between(
    network: _Network, ours: frozenset[str], theirs: frozenset[str]
) -> list[NodeInfo]:
    """Return the border posts on a frontier between the two groups of countries."""
    return [
        node
        for node in _nodes(network)
        if node.kind is PlaceKind.BORDER
        and node.countries & ours
        and node.countries & theirs
    ]


def _airports(network: _Network) -> Iterator[NodeInfo]:
    return (n for n in _nodes(network) if n.kind is PlaceKind.AIRPORT)


def _nodes(network: _Network) -> Iterator[NodeInfo]:
    return (network.node(node_id) for node_id in network.graph.nodes)


def _reached_countries(network: _Network, start: str) -> set[str]:
    reached = nx.descendants(network.graph, start) | {start}
    return {c for node_id in reached for c in network.node(node_id).countries}


def _names(codes: Iterable[str]) -> str:
    return ", ".join(sorted(country_name(c) for c in codes))
