"""TravelNetwork: places, sites, explicit links and estimates as one graph.

Nodes are places (by place id) and sites with their own coordinates (as
``"site:<id>"``); a site without coordinates is an alias of its place. Edges
are :class:`~lrplanner.network.legs.Connection` objects on a networkx
``MultiDiGraph`` (attribute ``"conn"``). Edges come from:

- every explicit link, as given (``estimated=False``), in both directions
  when ``both_ways`` (the way back keeps the same weekdays and local
  departure times, read at its own origin);
- an estimated road between every two nodes sharing a country and a
  landmass (:mod:`~lrplanner.network.landmass`: no road across the sea, and
  none to a place Links reaches only by boat), unless an explicit road link
  already joins them in that direction. A border post belongs to both its
  countries, so land travel between countries must pass through one;
  between landmasses only Links rows connect (boat, flight, or a road row
  for a bridge);
- only when ``EstimateSettings.estimate_flights`` (for a project: when its
  route allows estimated flights; off by default), an estimated flight
  between every two airports at least ``EstimateSettings.min_flight_km``
  apart, unless an explicit flight link already joins them in that
  direction. Nothing else gets estimated flights. In time-dependent queries
  they leave on the hour in the daytime
  (``EstimateSettings.flight_departures``), so no estimate flies at 2 am.

Static queries (:meth:`TravelNetwork.fastest`, :meth:`TravelNetwork.cheapest`)
ignore timetables and border-post hours; :meth:`TravelNetwork.earliest_arrival`
honours both, in absolute time across zones.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal, TypeAlias

import networkx as nx

from lrplanner.core.ids import PlaceId
from lrplanner.core.places import PlaceKind, TravelMode
from lrplanner.network import search
from lrplanner.network.estimate import (
    EstimateSettings,
    flight_estimate,
    great_circle_km,
    road_estimate,
)
from lrplanner.network.explain import explain_unreachable
from lrplanner.network.landmass import (
    landmasses,
    same_land,
    water_land,
    water_only,
)
from lrplanner.network.legs import Connection, Leg, Step, Unreachable
from lrplanner.network.nodes import NodeInfo, place_node, site_node

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from datetime import datetime

    from lrplanner.core.places import Link, Place
    from lrplanner.core.project import Project
    from lrplanner.core.sites import Site
    from lrplanner.network.search import Graph

Objective = Literal["fastest", "cheapest"]


class TravelNetwork:
    """Travel between any two places or sites of a project.

    Build it with :meth:`from_project` or :meth:`from_parts`; ask it with
    :meth:`fastest`, :meth:`cheapest` (static: no timetables or opening
    hours, for matrices) or :meth:`earliest_arrival` (absolute time).
    """

    __slots__ = (
        "_aliases",
        "_collapsed",
        "_direct",
        "_graph",
        "_land",
        "_made",
        "_nodes",
        "_steps",
        "settings",
    )

    def __init__(
        self,
        nodes: Mapping[str, NodeInfo],
        aliases: Mapping[str, str],
        edges: Iterable[Connection],
        settings: EstimateSettings,
        land: Mapping[str, str | None] | None = None,
    ) -> None:
        self._nodes = dict(nodes)
        self._aliases = dict(aliases)
        self._land = dict(land or {})
        self.settings = settings
        self._collapsed: dict[tuple[str, int], search.Adjacency] = {}
        self._direct: dict[tuple[str, str], tuple[Connection, ...]] = {}
        self._steps: dict[int, Step] = {}  # static steps, by id of their edge
        self._graph: Graph = nx.MultiDiGraph()
        self._graph.add_nodes_from(self._nodes)
        self._graph.add_edges_from(
            (e.origin, e.destination, {"conn": e}) for e in edges
        )
        self._made: _Made | None = None

    @classmethod
    def from_project(
        cls, project: Project, settings: EstimateSettings | None = None
    ) -> TravelNetwork:
        """Return the network of a project's places, links and sites.

        Flights are estimated only when the project's route allows it
        (``RouteSettings.estimated_flights``), whatever ``settings`` say;
        the route's road speeds (``RouteSettings.road_speeds``) replace
        theirs.

        Raises
        ------
        ValueError
            If a link or site names a place that is not on the Places sheet.
        """
        settings = replace(
            (settings or EstimateSettings()).with_road_speeds(
                dict(project.route.road_speeds)
            ),
            estimate_flights=project.route.estimated_flights,
        )
        return cls.from_parts(
            project.places, project.links, project.sites, settings=settings
        )

    @classmethod
    def from_parts(
        cls,
        places: Iterable[Place],
        links: Iterable[Link] = (),
        sites: Iterable[Site] = (),
        *,
        settings: EstimateSettings | None = None,
    ) -> TravelNetwork:
        """Return the network of some places, links and sites.

        Raises
        ------
        ValueError
            If a link or site names a place that is not among ``places``.
        """
        settings = settings or EstimateSettings()
        by_id = {p.id: p for p in places}
        nodes = {place_node(p.id): NodeInfo.of_place(p) for p in by_id.values()}
        aliases: dict[str, str] = {}
        homes: dict[str, PlaceId] = {}
        for site in sites:
            own = NodeInfo.of_site(site, by_id)
            if own is not None:
                nodes[own.id] = own
                if site.place is not None:
                    homes[own.id] = site.place
            elif site.place in by_id:
                aliases[site_node(site.id)] = place_node(site.place)
            else:
                raise ValueError(f"site {site.id} is at unknown place {site.place}")
        coast = dict(zip(nodes, _coast(nodes), strict=True))
        return cls._made_of(
            _Made(aliases=aliases, homes=homes, coast=coast), nodes, links, settings
        )

    def with_links(self, links: Iterable[Link]) -> TravelNetwork:
        """Return the network of the same places and sites with other links.

        It keeps this network's nodes and, while the landmasses and the road
        rows that replace estimates stay the same, its estimated roads (the
        bulk of a build with hundreds of sites): planning without the links
        no day can use needs no second whole build.

        Raises
        ------
        ValueError
            If a link names a place that is not among the network's places.
        """
        if self._made is None:
            raise ValueError("only a network from from_parts gives others")
        return self._made_of(self._made, self._nodes, links, self.settings)

    @classmethod
    def _made_of(
        cls,
        made: _Made,
        nodes: Mapping[str, NodeInfo],
        links: Iterable[Link],
        settings: EstimateSettings,
    ) -> TravelNetwork:
        links = tuple(links)
        land = _lands(made.coast, made.homes, links)
        explicit = list(_explicit_edges(links, nodes, settings))
        given = _given(explicit)
        roads = made.roads
        if made.roads_of != (land, _road_rows(given)):
            roads = tuple(_estimated_roads(nodes, given, settings, land))
        flights = _estimated_flights(nodes, given, settings)
        network = cls(
            nodes, made.aliases, [*explicit, *roads, *flights], settings, land
        )
        network._made = replace(made, roads=roads, roads_of=(land, _road_rows(given)))
        return network

    @property
    def graph(self) -> Graph:
        """Return the underlying graph (treat it as read-only)."""
        return self._graph

    @property
    def node_ids(self) -> tuple[str, ...]:
        """Return the ids of all real nodes (aliased sites not included)."""
        return tuple(self._nodes)

    def node(self, node_id: str) -> NodeInfo:
        """Return the node of an id or alias (a site at a place gives the place).

        Raises
        ------
        KeyError
            If the id is neither a node nor an alias.
        """
        return self._nodes[self.resolve(node_id)]

    def resolve(self, node_id: str) -> str:
        """Return the real node id behind an id or a site alias."""
        return self._aliases.get(node_id, node_id)

    def landmass(self, node_id: str) -> str | None:
        """Return the landmass of a node or alias (None where it is unknown).

        Roads are estimated only within one landmass; see
        :mod:`~lrplanner.network.landmass`.
        """
        return self._land.get(self.resolve(node_id))

    def knows(self, node_id: str) -> bool:
        """Return whether the id names a node or an alias of one."""
        return self.resolve(node_id) in self._nodes

    def connections(self, origin: str, destination: str) -> tuple[Connection, ...]:
        """Return the direct edges from one node to another."""
        start, end = self.resolve(origin), self.resolve(destination)
        found = self._direct.get((start, end))
        if found is None:
            found = (
                tuple(d["conn"] for d in self._graph[start][end].values())
                if self._graph.has_edge(start, end)
                else ()
            )
            self._direct[start, end] = found  # the graph never changes once built
        return found

    def edges(self) -> Iterator[Connection]:
        """Yield every edge of the network."""
        for node in self._graph:
            yield from search.out_edges(self._graph, node)

    def fastest(self, origin: str, destination: str) -> Leg:
        """Return the quickest leg, ignoring timetables and opening hours.

        Raises
        ------
        Unreachable
            If no chain of links, roads and border posts joins the two.
        """
        return self._static(origin, destination, "fastest", 1)

    def cheapest(self, origin: str, destination: str, group_size: int) -> Leg:
        """Return the leg cheapest for the group (ties: quicker), static.

        Raises
        ------
        Unreachable
            If no chain of links, roads and border posts joins the two.
        """
        return self._static(origin, destination, "cheapest", group_size)

    def legs_from(
        self,
        origin: str,
        targets: Iterable[str] | None = None,
        *,
        objective: Objective = "fastest",
        group_size: int = 1,
    ) -> dict[str, Leg]:
        """Return the best static leg from a node to every real node it reaches.

        Parameters
        ----------
        origin
            Node id or site alias to start from.
        targets
            Real node ids wanted (all reached nodes if None).
        objective
            ``"fastest"`` or ``"cheapest"`` (for ``group_size`` travellers).
        group_size
            Travellers counted for ``"cheapest"``.

        Raises
        ------
        Unreachable
            If ``origin`` is not a known place or site.
        """
        start, _ = self._ends(origin, origin)
        weight, adjacency = self._weighed(objective, group_size)
        return search.static_from(
            self._graph,
            self._nodes,
            start,
            weight,
            targets,
            adjacency,
            name=origin,
            steps=self._steps,
        )

    def earliest_arrival(self, origin: str, destination: str, depart: datetime) -> Leg:
        """Return the leg arriving first when leaving no earlier than ``depart``.

        Scheduled links wait for their next departure (local time at their
        origin, on their weekdays); border posts are passed only while open
        (their local time). All arithmetic is in absolute time.

        Raises
        ------
        ValueError
            If ``depart`` is naive.
        Unreachable
            If no timetable and border-post hours allow the trip.
        """
        if depart.tzinfo is None:
            raise ValueError("earliest_arrival needs an aware departure time")
        start, end = self._ends(origin, destination)
        leg = search.earliest(self._graph, self._nodes, start, end, depart)
        if leg is None:
            raise self._unreachable(origin, destination, timed=True)
        return _renamed(leg, origin, destination)

    def _weighed(
        self, objective: Objective, group_size: int
    ) -> tuple[search.Weight, search.Adjacency]:
        """Return the edge weight of ``objective`` and the graph weighed by it
        (collapsed once per objective: the graph never changes once built)."""
        fastest = objective == "fastest"
        weight = search.by_minutes if fastest else search.by_cost(group_size)
        key = (objective, 0 if fastest else group_size)
        if key not in self._collapsed:
            self._collapsed[key] = search.collapse(self._graph, weight)
        return weight, self._collapsed[key]

    def _static(
        self, origin: str, destination: str, objective: Objective, group_size: int
    ) -> Leg:
        start, end = self._ends(origin, destination)
        weight, adjacency = self._weighed(objective, group_size)
        leg = search.static(self._graph, self._nodes, start, end, weight, adjacency)
        if leg is None:
            raise self._unreachable(origin, destination, timed=False)
        return _renamed(leg, origin, destination)

    def _ends(self, origin: str, destination: str) -> tuple[str, str]:
        for node_id in (origin, destination):
            if not self.knows(node_id):
                raise Unreachable(
                    origin, destination, f"{node_id} is not a known place or site"
                )
        return self.resolve(origin), self.resolve(destination)

    def _unreachable(
        self, origin: str, destination: str, *, timed: bool
    ) -> Unreachable:
        start, end = self.node(origin), self.node(destination)
        reason = explain_unreachable(self, start, end, timed=timed)
        return Unreachable(origin, destination, reason, labels=(start.label, end.label))


def _renamed(leg: Leg, origin: str, destination: str) -> Leg:
    """Return a leg named by the ids the caller asked for (site aliases kept)."""
    return replace(leg, origin=origin, destination=destination)


def _explicit_edges(
    links: Iterable[Link], nodes: Mapping[str, NodeInfo], settings: EstimateSettings
) -> Iterator[Connection]:
    """Yield the edges of explicit links (both directions when ``both_ways``)."""
    for link in links:
        ends = [(place_node(link.origin), place_node(link.destination))]
        if link.both_ways:
            ends.append((ends[0][1], ends[0][0]))
        for origin, destination in ends:
            if origin not in nodes or destination not in nodes:
                missing = origin if origin not in nodes else destination
                raise ValueError(
                    f"link {link.origin}-{link.destination}: no place {missing}"
                )
            km = _km(nodes[origin], nodes[destination])
            if link.mode is not TravelMode.FLIGHT:
                km *= settings.detour_factor
            yield Connection(
                origin=origin,
                destination=destination,
                mode=link.mode,
                minutes=link.duration_min,
                distance_km=km,
                cost_per_person=link.cost_per_person,
                cost_per_vehicle=link.cost_per_vehicle,
                weekdays=link.weekdays,
                departures=link.departures,
            )


def _coast(nodes: Mapping[str, NodeInfo]) -> list[str | None]:
    """Return the landmass of each node's coordinates, as the outlines give it."""
    return landmasses().of_points([(n.lat, n.lon) for n in nodes.values()])


def _lands(
    coast: Mapping[str, str | None],
    homes: Mapping[str, PlaceId],
    links: Iterable[Link],
) -> dict[str, str | None]:
    """Return the landmass of every node: the one of its coordinates
    (``coast``), or its own for a place reached only by water (and the sites
    at that place)."""
    land = dict(coast)
    water = water_only(links, land)
    for node_id in land:
        place = homes.get(node_id, node_id)
        if place in water:
            land[node_id] = water_land(place)
    return land


#: The explicit edges that replace an estimate: (origin, destination, mode).
_Given: TypeAlias = "set[tuple[str, str, TravelMode]]"


def _given(explicit: Iterable[Connection]) -> _Given:
    """Return the explicit edges that replace an estimate: a road row does,
    unless it is a scheduled bus (the group's own vehicle can still drive
    that road at any hour)."""
    return {
        (e.origin, e.destination, e.mode)
        for e in explicit
        if not (e.mode is TravelMode.ROAD and e.departures)
    }


def _road_rows(given: _Given) -> frozenset[tuple[str, str]]:
    """Return the ends of the road rows that replace estimated roads."""
    return frozenset((a, b) for a, b, mode in given if mode is TravelMode.ROAD)


def _estimated_roads(
    nodes: Mapping[str, NodeInfo],
    given: _Given,
    settings: EstimateSettings,
    land: Mapping[str, str | None],
) -> Iterator[Connection]:
    """Yield estimated roads within countries and landmasses, where no road
    row replaces them."""
    for a, b in _same_country_pairs(nodes):
        if not same_land(land.get(a.id), land.get(b.id)):
            continue
        km = _km(a, b)
        shared = a.countries & b.countries
        for origin, destination in ((a.id, b.id), (b.id, a.id)):
            if (origin, destination, TravelMode.ROAD) not in given:
                yield road_estimate(
                    origin,
                    destination,
                    great_circle=km,
                    countries=shared,
                    settings=settings,
                )


def _estimated_flights(
    nodes: Mapping[str, NodeInfo], given: _Given, settings: EstimateSettings
) -> Iterator[Connection]:
    """Yield estimated flights between airports when the settings estimate
    flights, where no flight row replaces them.

    Flights are estimated between airports of one country only (unless the
    settings allow international estimates): an international leg needs a
    real scheduled flight on the Links sheet.
    """
    if not settings.estimate_flights:
        return
    airports = [n for n in nodes.values() if n.kind is PlaceKind.AIRPORT]
    for a, b in itertools.permutations(airports, 2):
        km = _km(a, b)
        if (
            km >= settings.min_flight_km
            and (a.id, b.id, TravelMode.FLIGHT) not in given
            and (settings.estimate_international_flights or a.countries & b.countries)
        ):
            yield flight_estimate(a.id, b.id, great_circle=km, settings=settings)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Made:
    """What a network was built from, kept to build others with other links
    (:meth:`TravelNetwork.with_links`): the site aliases, the places of the
    sites with their own coordinates, each node's landmass by the outlines,
    and the estimated roads with the (landmasses, road rows) they were
    estimated for."""

    aliases: Mapping[str, str]
    homes: Mapping[str, PlaceId]
    coast: Mapping[str, str | None]
    roads: tuple[Connection, ...] = ()
    roads_of: tuple[Mapping[str, str | None], frozenset[tuple[str, str]]] | None = None


def _same_country_pairs(
    nodes: Mapping[str, NodeInfo],
) -> Iterator[tuple[NodeInfo, NodeInfo]]:
    """Yield each unordered pair of nodes sharing a country, once."""
    by_country: dict[str, list[NodeInfo]] = defaultdict(list)
    for node in nodes.values():
        for country in sorted(node.countries):
            by_country[country].append(node)
    seen: set[tuple[str, str]] = set()
    for members in by_country.values():
        for a, b in itertools.combinations(members, 2):
            if len(a.countries & b.countries) > 1:
                # Two posts on the same frontier meet in both countries' lists.
                key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                if key in seen:
                    continue
                seen.add(key)
            yield a, b


def _km(a: NodeInfo, b: NodeInfo) -> float:
    return great_circle_km(a.lat, a.lon, b.lat, b.lon)
