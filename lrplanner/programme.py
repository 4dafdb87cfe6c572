"""Plan a programme: its routes in turn, each with the others' bookings taken.

:func:`from_workbooks` builds a programme from one workbook (or CSV folder,
or project file) per route; the routes' shared sheets (Sites, Champions,
Places, Links, Visas, Rates) must agree where they name the same record.
:func:`plan_programme` plans route 1, then route 2 with route 1's hosts and
champions closed on the days it booked them (and the hosts' rest days and
yearly limits), and so on; then it plans each route again with all the
others' plans taken, keeping a new plan only when it is worth more. A
route planned first therefore gets the first pick, and the second round
lets it give up a host to a later route when that leaves it no worse off.
Every plan is checked by the independent validator on the route's own
project, and the programme by :func:`lrplanner.core.bookings.conflicts`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lrplanner.core.bookings import Conflict, conflicts, with_others_taken
from lrplanner.core.errors import InfeasibleRequest
from lrplanner.core.programme import Programme
from lrplanner.core.report import PlanReport
from lrplanner.importers import read_inputs
from lrplanner.planner.plan import plan_route
from lrplanner.planner.report import plan_report

if TYPE_CHECKING:
    from pathlib import Path

#: Rounds of planning: the routes in turn, then once more each.
ROUNDS = 2


def from_workbooks(paths: Sequence[Path], name: str = "") -> Programme:
    """Return the programme of one input per route, in the order given.

    Raises
    ------
    ValueError
        If an input does not load (its first problems are named) or two
        routes disagree about a shared record.
    """
    programme: Programme | None = None
    for path in paths:
        result = read_inputs(path)
        if result.project is None:
            problems = "; ".join(e.message() for e in result.errors[:3])
            raise ValueError(f"{path.name} does not load: {problems}")
        if programme is None:
            programme = Programme.of(result.project, name)
        else:
            try:
                programme = programme.with_route(result.project)
            except ValueError as exc:
                raise ValueError(f"{path.name}: {exc}") from None
    if programme is None:
        raise ValueError("a programme needs at least one route")
    return programme


@dataclass(frozen=True, slots=True, kw_only=True)
class RouteOutcome:
    """How one route came out: its value (None: no plan) and why not."""

    name: str
    value: float | None
    visits: int
    problem: str = ""
    report: PlanReport | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ProgrammeOutcome:
    """The planned programme, each route's outcome, and what still clashes."""

    programme: Programme
    routes: tuple[RouteOutcome, ...]
    conflicts: tuple[Conflict, ...]
    first_round: tuple[float | None, ...]

    @property
    def total_value(self) -> float:
        """Return the sum of the routes' values (those with a plan)."""
        return sum(r.value for r in self.routes if r.value is not None)


Sink = Callable[[int, int, str], None]  # round, route index, what happened


def plan_programme(
    programme: Programme,
    *,
    seconds: float,
    seed: int = 0,
    rounds: int = ROUNDS,
    on_route: Sink | None = None,
) -> ProgrammeOutcome:
    """Plan every route afresh in turn, others' bookings taken; ``seconds``
    per plan. Plans the programme already holds are dropped first."""
    for index in range(len(programme.routes)):
        cleared = programme.project(index).with_changes(plan=None)
        programme = programme.with_project(index, cleared)
    values: list[float | None] = [None] * len(programme.routes)
    problems = [""] * len(programme.routes)
    first: tuple[float | None, ...] = ()
    for turn in range(rounds):
        for index in range(len(programme.routes)):
            programme, values[index], problems[index] = _plan_one(
                programme, index, values[index], seconds, seed
            )
            if on_route is not None:
                shown = problems[index] or f"value {values[index]:.1f}"
                on_route(turn, index, shown)
        if turn == 0:
            first = tuple(values)
    outcomes = []
    for index, name in enumerate(programme.names):
        project = programme.project(index)
        report = plan_report(project, project.plan) if project.plan else None
        outcomes.append(
            RouteOutcome(
                name=name,
                value=values[index],
                visits=len(project.plan.visited_sites()) if project.plan else 0,
                problem=problems[index],
                report=report,
            )
        )
    return ProgrammeOutcome(
        programme=programme,
        routes=tuple(outcomes),
        conflicts=tuple(conflicts(programme)),
        first_round=first,
    )


def _plan_one(
    programme: Programme,
    index: int,
    best: float | None,
    seconds: float,
    seed: int,
) -> tuple[Programme, float | None, str]:
    """Plan route ``index`` with the others taken; keep it if worth more."""
    closed = with_others_taken(programme, index)
    try:
        outcome = plan_route(closed.with_changes(plan=None), seconds=seconds, seed=seed)
    except InfeasibleRequest as exc:
        return programme, best, "" if best is not None else str(exc)
    if not outcome.report.passed:
        return programme, best, "" if best is not None else "its plan breaks a rule"
    value = outcome.report.indicators.value
    if best is not None and value <= best:
        return programme, best, ""
    planned = programme.project(index).with_changes(plan=outcome.itinerary)
    return programme.with_project(index, planned), value, ""
