"""Shortest legs on the travel graph: static (by weight) and in absolute time."""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, TypeAlias

from lrplanner.network.legs import Connection, Leg, Step
from lrplanner.network.nodes import SITE_PREFIX
from lrplanner.network.schedule import next_departure, next_open

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping, Sequence

    import networkx as nx

    from lrplanner.network.nodes import NodeInfo

    Graph: TypeAlias = nx.MultiDiGraph[str]

Weight: TypeAlias = Callable[[Connection], float]

#: Money outranks minutes in ``by_cost``: one cent weighs more than any trip's
#: minutes (1e5 minutes is about 70 days).
_COST_SCALE = 1e7
_MINUTE = timedelta(minutes=1)


def by_minutes(edge: Connection) -> float:
    """Return the static weight of an edge for the quickest leg."""
    return float(edge.minutes)


def by_cost(group_size: int) -> Weight:
    """Return a weight ranking edges by group cost, then by minutes.

    Raises
    ------
    ValueError
        If the group is empty.
    """
    if group_size < 1:
        raise ValueError("group size must be >= 1")

    def weight(edge: Connection) -> float:
        cents = float(edge.cost_for(group_size)) * 100
        return cents * _COST_SCALE + edge.minutes

    return weight


def static(
    graph: Graph,
    nodes: Mapping[str, NodeInfo],
    start: str,
    end: str,
    weight: Weight,
    adjacency: Adjacency | None = None,
) -> Leg | None:
    """Return the lightest leg from ``start`` to ``end``, or None if unreachable."""
    if start == end:
        return Leg(origin=start, destination=end)
    return static_from(graph, nodes, start, weight, (end,), adjacency).get(end)


#: For each node, its neighbours with the lightest parallel edge and its weight.
Adjacency: TypeAlias = "dict[str, list[tuple[str, float, Connection]]]"


def collapse(graph: Graph, weight: Weight) -> Adjacency:
    """Keep only the lightest of each set of parallel edges, weighed once.

    Searching this is much quicker than asking networkx to weigh every
    parallel edge at every relaxation; ties keep the first edge, as
    :func:`path_leg` does.
    """
    adjacency: Adjacency = {}
    for here, neighbours in graph.adjacency():
        out = []
        for there, parallel in neighbours.items():
            best = min((data["conn"] for data in parallel.values()), key=weight)
            out.append((there, weight(best), best))
        adjacency[here] = out
    return adjacency


def static_from(
    graph: Graph,
    nodes: Mapping[str, NodeInfo],
    start: str,
    weight: Weight,
    targets: Iterable[str] | None = None,
    adjacency: Adjacency | None = None,
    *,
    name: str | None = None,
    steps: dict[int, Step] | None = None,
) -> dict[str, Leg]:
    """Return the lightest leg from ``start`` to each target reached (None: all).

    ``adjacency`` (from :func:`collapse` with the same weight) saves weighing
    the graph again when searching from many starts, and ``steps`` (the
    static step of each edge, by ``id``; filled as edges are travelled) makes
    each edge's step once for all of them; ``name`` is the origin the legs
    carry (a site alias of ``start``; ``start`` if None).
    """
    if adjacency is None:
        adjacency = collapse(graph, weight)
    order, parent = _dijkstra_tree(adjacency, start)
    trails = _tree_legs(
        adjacency, nodes, (order, parent), {} if steps is None else steps
    )
    wanted = trails.keys() if targets is None else set(targets) & trails.keys()
    origin = start if name is None else name
    return {
        end: Leg(origin=origin, destination=end, steps=steps, total_min=total, via=via)
        for end in wanted
        for steps, total, via in [trails[end]]
    }


#: A leg along the search tree: its steps, their minutes and the hubs passed.
_Trail: TypeAlias = "tuple[tuple[Step, ...], int, tuple[str, ...]]"


def _tree_legs(
    adjacency: Adjacency,
    nodes: Mapping[str, NodeInfo],
    tree: tuple[Sequence[str], Mapping[str, str]],
    steps: dict[int, Step],
) -> dict[str, _Trail]:
    """Return the leg to every node of a search tree (the nodes, parents
    first, and each one's parent), on the edges kept by :func:`collapse`;
    ``steps`` holds each edge's step (by ``id``) and gains the new ones.

    Each node's leg is its parent's and one step more, so legs share their
    first steps: with hundreds of sites, building every leg from its whole
    path was most of the time of a travel matrix.
    """
    order, parent = tree
    start = order[0]
    trails: dict[str, _Trail] = {start: ((), 0, _via(nodes, (start,)))}
    edges: dict[str, dict[str, Connection]] = {}
    for node in order[1:]:
        up = parent[node]
        if up not in edges:  # ties keep the first edge, as collapse does
            edges[up] = {there: e for there, _, e in reversed(adjacency[up])}
        edge = edges[up][node]
        step = steps.get(id(edge))
        if step is None:
            step = steps[id(edge)] = Step.along(edge)
        before, total, via = trails[up]
        hub = (node,) if nodes[node].is_hub else ()
        trails[node] = ((*before, step), total + step.minutes, via + hub)
    return trails


def _passes_through(node: str, start: str) -> bool:
    """Whether a leg would pass through a site on its way: a site is only
    ever where a leg starts or ends (the group does not visit it in passing),
    so no agenda line names a site the group does not visit."""
    return node != start and node.startswith(SITE_PREFIX)


def _dijkstra_paths(adjacency: Adjacency, start: str) -> dict[str, list[str]]:
    """Shortest paths from ``start`` (networkx's algorithm and tie-breaking)."""
    order, parent = _dijkstra_tree(adjacency, start)
    paths = {start: [start]}
    for node in order[1:]:
        paths[node] = [*paths[parent[node]], node]
    return paths


def _dijkstra_tree(
    adjacency: Adjacency, start: str
) -> tuple[list[str], dict[str, str]]:
    """Return the shortest-path tree from ``start`` (networkx's algorithm and
    tie-breaking): the nodes reached, in the order they were settled (so a
    parent before its children), and each one's parent."""
    done: dict[str, float] = {}
    seen = {start: 0.0}
    parent: dict[str, str] = {}
    counter = itertools.count()
    fringe = [(0.0, next(counter), start)]
    while fringe:
        distance, _, here = heapq.heappop(fringe)
        if here in done:
            continue
        done[here] = distance
        if _passes_through(here, start):
            continue
        for there, cost, _edge in adjacency.get(here, ()):
            if there in done:
                continue
            further = distance + cost
            if there not in seen or further < seen[there]:
                seen[there] = further
                heapq.heappush(fringe, (further, next(counter), there))
                parent[there] = here
    return list(done), parent


def earliest(
    graph: Graph,
    nodes: Mapping[str, NodeInfo],
    start: str,
    end: str,
    depart: datetime,
) -> Leg | None:
    """Return the earliest-arrival leg leaving ``start`` at or after ``depart``.

    A label-setting search (Dijkstra on arrival time): waiting is allowed, so
    arriving earlier never makes a later arrival downstream.
    """
    begin = depart.astimezone(UTC)
    best: dict[str, datetime] = {start: begin}
    came: dict[str, _Arrival] = {}
    queue: list[tuple[datetime, int, str]] = [(begin, 0, start)]
    counter = itertools.count(1)
    while queue:
        when, _, here = heapq.heappop(queue)
        if here == end:
            return _timed_leg(nodes, start, end, begin, came)
        if when > best[here] or _passes_through(here, start):
            continue
        for arrival in _arrivals(graph, nodes[here], here, when):
            there = arrival.edge.destination
            if there not in best or arrival.arrive < best[there]:
                best[there] = arrival.arrive
                came[there] = arrival
                heapq.heappush(queue, (arrival.arrive, next(counter), there))
    return None


class _Arrival:
    """How the search reached a node: when it got to the edge's origin, waited, left."""

    __slots__ = ("arrive", "depart", "edge", "opened", "ready")

    def __init__(
        self, edge: Connection, ready: datetime, opened: datetime, depart: datetime
    ) -> None:
        self.edge = edge
        self.ready = ready
        self.opened = opened
        self.depart = depart
        self.arrive = depart + edge.minutes * _MINUTE


def _arrivals(
    graph: Graph, here: NodeInfo, node: str, when: datetime
) -> list[_Arrival]:
    """Return the arrivals reachable by each edge out of a node reached at ``when``."""
    opened: datetime | None = when
    if here.gate is not None:
        opened = next_open(here.gate, when, here.zone)
    if opened is None:
        return []  # a border post that never opens
    found = []
    for edge in out_edges(graph, node):
        leave = next_departure(edge, opened, here.zone)
        if leave is not None:
            found.append(_Arrival(edge, when, opened, leave))
    return found


def _timed_leg(
    nodes: Mapping[str, NodeInfo],
    start: str,
    end: str,
    begin: datetime,
    came: Mapping[str, _Arrival],
) -> Leg:
    """Return the leg the search found, from the trail of arrivals."""
    trail: list[_Arrival] = []
    node = end
    while node != start:
        trail.append(came[node])
        node = trail[-1].edge.origin
    trail.reverse()
    steps = tuple(
        Step.along(a.edge, wait_min=_minutes(a.depart - a.ready), depart=a.depart)
        for a in trail
    )
    arrive = trail[-1].arrive if trail else begin
    return Leg(
        origin=start,
        destination=end,
        steps=steps,
        total_min=_minutes(arrive - begin),
        wait_min=sum(s.wait_min for s in steps),
        via=_via(nodes, [start, *(a.edge.destination for a in trail)]),
        notes=tuple(n for a in trail if (n := _wait_note(nodes, a))),
        depart=begin,
        arrive=arrive,
    )


def _wait_note(nodes: Mapping[str, NodeInfo], arrival: _Arrival) -> str:
    """Return why the group waited before an edge, or "" if it did not."""
    here = nodes[arrival.edge.origin]
    parts = []
    if arrival.opened > arrival.ready:
        opens = arrival.opened.astimezone(here.zone).strftime("%a %H:%M")
        waited = _duration_text(arrival.opened - arrival.ready)
        parts.append(f"waits {waited} at {here.label} until it opens at {opens}")
    if arrival.depart > arrival.opened:
        leaves = arrival.depart.astimezone(here.zone).strftime("%a %H:%M")
        waited = _duration_text(arrival.depart - arrival.opened)
        parts.append(
            f"waits {waited} at {here.label} for the {arrival.edge.mode} at {leaves}"
        )
    return "; ".join(parts)


def _duration_text(span: timedelta) -> str:
    minutes = _minutes(span)
    return f"{minutes // 60} h {minutes % 60:02d} min"


def _minutes(span: timedelta) -> int:
    """Return a span in whole minutes, rounded up (never shows a trip shorter)."""
    return math.ceil(span / _MINUTE)


def out_edges(graph: Graph, node: str) -> Iterator[Connection]:
    """Yield the edges leaving a node."""
    for parallel in graph.succ[node].values():
        for data in parallel.values():
            yield data["conn"]


def _via(nodes: Mapping[str, NodeInfo], path: Sequence[str]) -> tuple[str, ...]:
    """Return the border posts and airports on a path, in order."""
    return tuple(node for node in path if nodes[node].is_hub)
