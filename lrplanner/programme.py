"""Plan a programme: its routes in turn, each with the others' bookings taken.

:func:`from_workbooks` builds a programme from workbooks, CSV folders or
project files: one per route, or one holding several Route sheets (or a
programme file), or a mix; the routes' shared sheets (Sites, Champions,
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
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from lrplanner import storage
from lrplanner.core.bookings import Conflict, conflicts, holders, with_others_taken
from lrplanner.core.errors import InfeasibleRequest, ProjectFileError
from lrplanner.core.ids import SiteId
from lrplanner.core.programme import Programme
from lrplanner.core.report import PlanReport
from lrplanner.importers import read_inputs
from lrplanner.planner.plan import plan_route
from lrplanner.planner.report import plan_report
from lrplanner.solver.stop import CancelToken

if TYPE_CHECKING:
    from pathlib import Path

    from lrplanner.core.plan import Itinerary
    from lrplanner.core.project import Project
    from lrplanner.planner.plan import PlanOutcome

#: Rounds of planning: the routes in turn, then once more each.
ROUNDS = 2
#: Moves that hand hosts from one route to another, tried after the rounds
#: (``None``: one per route).
MOVES: int | None = None


def from_workbooks(paths: Sequence[Path], name: str = "") -> Programme:
    """Return the programme of the inputs' routes, in the order given (a
    workbook of several Route sheets gives all of them, in its order).

    Raises
    ------
    ValueError
        If an input does not load (its first problems are named) or two
        routes disagree about a shared record.
    """
    programme: Programme | None = None
    for path in paths:
        read = _routes(path)
        if programme is None:
            programme = replace(read, name=name or read.name)
            continue
        try:
            for index in range(len(read.routes)):
                programme = programme.with_route(read.project(index))
        except ValueError as exc:
            raise ValueError(f"{path.name}: {exc}") from None
    if programme is None:
        raise ValueError("a programme needs at least one route")
    return programme


def _routes(path: Path) -> Programme:
    """Return the routes an input holds: a workbook or CSV folder (one
    route or several), a project or programme file."""
    if path.suffix.lower() == storage.SUFFIX:
        try:
            return storage.load_programme(path)
        except ProjectFileError as exc:
            raise ValueError(f"{path.name} does not load: {exc}") from None
    result = read_inputs(path)
    if result.project is None:
        problems = "; ".join(e.message() for e in result.errors[:3])
        raise ValueError(f"{path.name} does not load: {problems}")
    return result.programme or Programme.of(result.project)


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
    cancelled: bool = False

    @property
    def total_value(self) -> float:
        """Return the sum of the routes' values (those with a plan)."""
        return sum(r.value for r in self.routes if r.value is not None)


Sink = Callable[[int, int, str], None]  # round, route index, what happened


@dataclass(frozen=True, slots=True)
class _Planner:
    """How each route is planned: seconds a plan, seed, and a cancel token
    (a cancel ends the plan under way with its best so far, and no other
    plan starts)."""

    seconds: float
    seed: int = 0
    cancel: CancelToken | None = None

    def stopped(self) -> bool:
        return self.cancel is not None and self.cancel.cancelled

    def plan(self, project: Project) -> PlanOutcome:
        return plan_route(
            project.with_changes(plan=None),
            seconds=self.seconds,
            seed=self.seed,
            cancel=self.cancel,
        )


def plan_programme(
    programme: Programme,
    *,
    seconds: float,
    seed: int = 0,
    rounds: int = ROUNDS,
    moves: int | None = MOVES,
    on_route: Sink | None = None,
    cancel: CancelToken | None = None,
) -> ProgrammeOutcome:
    """Plan every route afresh in turn, others' bookings taken, then try
    ``moves`` host hand-overs (:func:`improve`); ``seconds`` per plan. Plans
    the programme already holds are dropped first. A ``cancel`` keeps what
    is planned so far (``cancelled`` says so)."""
    planner = _Planner(seconds, seed, cancel)
    for index in range(len(programme.routes)):
        cleared = programme.project(index).with_changes(plan=None)
        programme = programme.with_project(index, cleared)
    values: list[float | None] = [None] * len(programme.routes)
    problems = [""] * len(programme.routes)
    first: tuple[float | None, ...] = ()
    for turn in range(rounds):
        for index in range(len(programme.routes)):
            if planner.stopped():
                break
            programme, values[index], problems[index] = _plan_one(
                programme, index, values[index], planner
            )
            if on_route is not None:
                shown = problems[index] or f"value {values[index]:.1f}"
                on_route(turn, index, shown)
        if turn == 0:
            first = tuple(values)
    if rounds and len(programme.routes) > 1 and not planner.stopped():
        count = len(programme.routes) if moves is None else moves
        programme, values = _improve(programme, values, planner, count, on_route)
        problems = [
            "" if v is not None else p for v, p in zip(values, problems, strict=True)
        ]
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
        cancelled=planner.stopped(),
    )


def _plan_one(
    programme: Programme, index: int, best: float | None, planner: _Planner
) -> tuple[Programme, float | None, str]:
    """Plan route ``index`` with the others taken; keep it if worth more."""
    closed = with_others_taken(programme, index)
    try:
        outcome = planner.plan(closed)
    except InfeasibleRequest as exc:
        return programme, best, "" if best is not None else str(exc)
    if not outcome.report.passed:
        return programme, best, "" if best is not None else "its plan breaks a rule"
    value = outcome.report.indicators.value
    if best is not None and value <= best:
        return programme, best, ""
    planned = programme.project(index).with_changes(plan=outcome.itinerary)
    return programme.with_project(index, planned), value, ""


@dataclass(frozen=True, slots=True)
class Move:
    """Release ``released`` (other routes' bookings: route, site) so that
    route ``taker`` may have the hosts and champions they hold."""

    taker: int
    released: frozenset[tuple[str, SiteId]]
    worth: int  # the contested sites' learning value: the order of trying

    def givers(self, names: tuple[str, ...]) -> list[int]:
        """Return the routes that give something up, in programme order."""
        giving = {route for route, _ in self.released}
        return [i for i, name in enumerate(names) if name in giving]


def improve(
    programme: Programme,
    values: list[float | None],
    *,
    seconds: float,
    seed: int = 0,
    moves: int,
    on_move: Sink | None = None,
    cancel: CancelToken | None = None,
) -> tuple[Programme, list[float | None]]:
    """Return the programme after up to ``moves`` host hand-overs.

    Each route is first planned as if alone (its *wishes*); a site it
    wished for but does not have, because another route's booking closes
    it (the host booked, its rest days or yearly groups, or a champion
    presenting elsewhere that day), is contested. A move releases those
    bookings, plans the taker, then each giver again with all the others
    taken, and is kept only when the routes involved are worth more
    together (every other booking stays closed to each of them in turn, so
    no conflict can appear; the programme is checked anyway). Tried first
    for each route: all its contested sites at once (the route planned as
    if first); then one site at a time; the most valuable first.
    ``on_move`` hears each, as round ``ROUNDS`` (index: the taker's).
    """
    planner = _Planner(seconds, seed, cancel)
    return _improve(programme, values, planner, moves, on_move)


def _improve(
    programme: Programme,
    values: list[float | None],
    planner: _Planner,
    moves: int,
    on_move: Sink | None,
) -> tuple[Programme, list[float | None]]:
    values = list(values)
    if moves <= 0:  # no hand-over wanted: no route planned as if alone
        return programme, values
    candidates = _moves(programme, _wishes(programme, planner))
    for move in candidates[:moves]:
        if planner.stopped():
            break
        outcome = _try(programme, values, move, planner)
        shown = "kept no hand-over"
        if outcome is not None:
            programme, values = outcome
            names = [programme.names[g] for g in move.givers(programme.names)]
            sites = sorted({site for _, site in move.released})
            shown = (
                f"took {', '.join(sites)} from {', '.join(map(repr, names))}: "
                f"value {values[move.taker] or 0.0:.1f}"
            )
        if on_move is not None:
            on_move(ROUNDS, move.taker, shown)
    return programme, values


def _wishes(programme: Programme, planner: _Planner) -> list[frozenset[SiteId]]:
    """Return the sites each route visits when planned as if alone."""
    wished: list[frozenset[SiteId]] = []
    for index in range(len(programme.routes)):
        if planner.stopped():
            return []
        try:
            outcome = planner.plan(programme.project(index))
        except InfeasibleRequest:
            wished.append(frozenset())
            continue
        wished.append(frozenset(outcome.itinerary.visited_sites()))
    return wished


def _moves(programme: Programme, wished: list[frozenset[SiteId]]) -> list[Move]:
    """Return the hand-overs worth trying: for each route all its contested
    sites, then each alone; the most valuable first."""
    worth = {site.id: site.value for site in programme.sites}
    whole: list[Move] = []
    single: list[Move] = []
    for taker, wishes in enumerate(wished):
        plan = programme.routes[taker].plan
        has = frozenset(plan.visited_sites()) if plan is not None else frozenset()
        contested = {
            site: frozenset(held)
            for site, held in holders(programme, taker).items()
            if site in wishes and site not in has
        }
        if not contested:
            continue
        everything = frozenset().union(*contested.values())
        total = sum(worth.get(site, 0) for site in contested)
        whole.append(Move(taker, everything, total))
        if len(contested) > 1:
            single.extend(
                Move(taker, held, worth.get(site, 0))
                for site, held in contested.items()
            )

    def order(m: Move) -> tuple[int, int]:
        return -m.worth, m.taker

    return sorted(whole, key=order) + sorted(single, key=order)


def _try(
    programme: Programme,
    values: list[float | None],
    move: Move,
    planner: _Planner,
) -> tuple[Programme, list[float | None]] | None:
    """Return the programme after ``move`` and the routes' values, or None
    when it is not worth more (or a route would be left without a plan)."""
    givers = move.givers(programme.names)
    involved = [move.taker, *givers]
    before = sum(values[i] or 0.0 for i in involved)
    taker = with_others_taken(programme, move.taker, move.released)
    taken = _planned(taker, planner)
    wanted = {site for _, site in move.released}
    if taken is None or not wanted & frozenset(taken[0].visited_sites()):
        return None
    trial = programme.with_project(
        move.taker, programme.project(move.taker).with_changes(plan=taken[0])
    )
    after = list(values)
    after[move.taker] = taken[1]
    for giver in givers:
        given = _planned(with_others_taken(trial, giver), planner)
        if given is None:
            return None
        trial = trial.with_project(
            giver, trial.project(giver).with_changes(plan=given[0])
        )
        after[giver] = given[1]
    if sum(after[i] or 0.0 for i in involved) <= before + 1e-6 or conflicts(trial):
        return None
    return trial, after


def _planned(project: Project, planner: _Planner) -> tuple[Itinerary, float] | None:
    """Return a checked plan of ``project`` and its value, or None (also
    when cancelled: a hand-over is not judged on a plan cut short)."""
    try:
        outcome = planner.plan(project)
    except InfeasibleRequest:
        return None
    if not outcome.report.passed or planner.stopped():
        return None
    return outcome.itinerary, outcome.report.indicators.value
