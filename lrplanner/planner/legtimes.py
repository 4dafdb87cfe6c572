"""What a model needs of every leg of a travel matrix, gathered along its trees.

A matrix's legs from one origin form a search tree: the leg to a node is
the leg to the node before its last step, and that step. So the planning
minutes, the timetabled edges and the timetable of each leg (see
:mod:`lrplanner.planner.timing`) are gathered once per node of each tree,
one step more than its parent's, not once per leg and step: with hundreds
of sites, passing over every leg's steps was most of a model build.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from lrplanner.planner.timing import rounded
from lrplanner.solver.problem import Timetable

if TYPE_CHECKING:
    from collections.abc import Callable

    from lrplanner.network.legs import Connection, Leg, Step
    from lrplanner.planner.timing import Procedures, StepEdges
    from lrplanner.solver.problem import Departures, Hop

#: A leg so far: its procedure minutes, its timetabled edges, its timetable's
#: hops up to its last timetabled edge, and the minutes (with procedures)
#: of the steps after that.
_Trail: TypeAlias = "tuple[int, tuple[Connection, ...], tuple[Hop, ...], int]"
_START: _Trail = (0, (), (), 0)


class LegTimes:
    """The timing of one travel matrix's legs, remembered per tree node.

    ``departures`` gives each timetabled edge's departures on the engine's
    axis. Remembered per (origin, node): ask it about one matrix's legs only.
    """

    def __init__(
        self,
        procedures: Procedures,
        edges: StepEdges,
        departures: Callable[[Connection], Departures],
    ) -> None:
        self._procedures = procedures
        self._edges = edges
        self._departures = departures
        self._known: dict[tuple[str, str], _Trail] = {}

    def planning_minutes(self, leg: Leg) -> int:
        """Return :func:`~lrplanner.planner.timing.planning_minutes` of a leg
        (its minutes and procedures)."""
        return leg.total_min + self._trail(leg)[0]

    def scheduled(self, leg: Leg) -> tuple[Connection, ...]:
        """Return the timetabled edges a leg travels, in order."""
        return self._trail(leg)[1]

    def timetable(self, leg: Leg, buffer: int = 0) -> Timetable | None:
        """Return the exact timing of a leg, or None when no step is scheduled.

        Steps without a timetable add their minutes and procedures (each run
        of them :func:`~lrplanner.planner.timing.rounded`); a scheduled step
        waits for its next departure (check-in and arrival minutes
        included). ``buffer`` minutes end the leg (the transfer buffer
        before a visit).
        """
        _, _, hops, fixed = self._trail(leg)
        if not hops:
            return None
        if fixed or buffer:
            return Timetable((*hops, rounded(fixed) + buffer))
        return Timetable(hops)

    def _trail(self, leg: Leg) -> _Trail:
        """Return a leg's trail, from the longest start of it known."""
        steps, known = leg.steps, self._known
        k = len(steps)
        while k and (leg.origin, steps[k - 1].destination) not in known:
            k -= 1
        trail = known[leg.origin, steps[k - 1].destination] if k else _START
        for step in steps[k:]:
            trail = self._extend(trail, step)
            known[leg.origin, step.destination] = trail
        return trail

    def _extend(self, trail: _Trail, step: Step) -> _Trail:
        """Return a trail one step longer."""
        procedures, scheduled, hops, fixed = trail
        before, after = self._procedures.around(step)
        conn = self._edges(step)
        if conn is None or not conn.departures:
            return (
                procedures + before + after,
                scheduled,
                hops,
                fixed + before + step.minutes + after,
            )
        lead = (rounded(fixed),) if fixed else ()
        return (
            procedures + before + after,
            (*scheduled, conn),
            (*hops, *lead, self._departures(conn)),
            0,
        )
