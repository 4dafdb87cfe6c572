"""The model build's shortcuts give what the plain computations give.

At scale the build gathers leg timings along the matrix's search trees
(:mod:`lrplanner.planner.legtimes`), grows legs from their parents' and
derives the planning network from the project's one. On a generated route
from the Mekong sample each of these is checked against the computation it
replaces, leg by leg and edge by edge.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bench.routes import generated
from lrplanner.network.graph import TravelNetwork
from lrplanner.network.legs import Leg, Step
from lrplanner.network.search import _dijkstra_paths, _via, by_minutes, collapse
from lrplanner.planner.build import _departures
from lrplanner.planner.legtimes import LegTimes
from lrplanner.planner.plan import route_model
from lrplanner.planner.timing import (
    Procedures,
    StepEdges,
    arc_timetable,
    planning_minutes,
    scheduled_steps,
    step_connection,
)
from lrplanner.planner.usable import planning_project
from tests.planner.conftest import load_sample

if TYPE_CHECKING:
    from lrplanner.core.project import Project
    from lrplanner.network.search import Adjacency
    from lrplanner.planner.build import RouteModel


@pytest.fixture(scope="module")
def route() -> tuple[Project, RouteModel]:
    """A generated Mekong route of 40 sites over 7 days, and its model."""
    project = generated(load_sample("mekong"), 40, 7)
    return project, route_model(project)


def _path_leg(
    network: TravelNetwork, adjacency: Adjacency, origin: str, end: str
) -> Leg:
    """The leg from the whole shortest path, as the matrix made it before."""
    path = _dijkstra_paths(adjacency, network.resolve(origin))[network.resolve(end)]
    steps = tuple(
        Step.along(next(e for there, _, e in adjacency[u] if there == v))
        for u, v in itertools.pairwise(path)
    )
    return Leg(
        origin=origin,
        destination=end,
        steps=steps,
        total_min=sum(s.minutes for s in steps),
        via=_via({n: network.node(n) for n in path}, path),
    )


def test_matrix_legs_are_the_legs_of_their_whole_paths(
    route: tuple[Project, RouteModel],
) -> None:
    """Tests that each leg grown from its parent's equals the leg built from
    its whole path, and that its steps know the edge step_connection finds."""
    _, model = route
    matrix = model.matrix
    adjacency = collapse(matrix.network.graph, by_minutes)
    for (a, b), leg in itertools.islice(matrix.legs.items(), 0, None, 7):
        assert leg == _path_leg(matrix.network, adjacency, a, b)
        for step in leg.steps:
            assert step.edge is step_connection(matrix.network, step)


def test_leg_times_match_the_per_leg_computation(
    route: tuple[Project, RouteModel],
) -> None:
    """Tests that planning minutes, timetabled edges and timetables gathered
    along the trees equal those computed from each leg's steps."""
    project, model = route
    network = model.matrix.network
    departures = _departures(project, network, (model.frames, model.axis))
    procedures = Procedures(project)
    times = LegTimes(procedures, StepEdges(network), departures)
    plain = StepEdges(network)
    timed = 0
    for leg in model.matrix.legs.values():
        assert times.planning_minutes(leg) == planning_minutes(leg, project)
        assert list(times.scheduled(leg)) == scheduled_steps(network, leg)
        for buffer in (0, 15):
            expected = arc_timetable(procedures, leg, plain, departures, buffer)
            assert times.timetable(leg, buffer) == expected
        timed += times.timetable(leg) is not None
    assert timed > 0


def test_the_planning_network_equals_a_network_built_anew(
    route: tuple[Project, RouteModel],
) -> None:
    """Tests that the network without the links no day can use, derived from
    the project's, has the edges (in order) and landmasses of one built from
    the planning project."""
    project, _ = route
    usable = planning_project(project)
    assert usable is not project  # the sample has flights no day can use
    network = TravelNetwork.from_project(project)
    derived = network.with_links(usable.links)
    anew = TravelNetwork.from_project(usable)
    assert list(derived.edges()) == list(anew.edges())
    assert [derived.landmass(n) for n in anew.node_ids] == [
        anew.landmass(n) for n in anew.node_ids
    ]
    assert list(network.with_links(project.links).edges()) == list(network.edges())
