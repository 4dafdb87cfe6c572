"""plan_route: a Project in, a checked plan out (or an explanation)."""

from __future__ import annotations

import gc
import time
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from lrplanner.core.costmodel import compute_costs
from lrplanner.core.errors import InfeasibleRequest, PlanningStopped
from lrplanner.core.plan import Itinerary
from lrplanner.core.report import PlanReport
from lrplanner.network.graph import TravelNetwork
from lrplanner.planner.budget import check_cheapest
from lrplanner.planner.build import BuildStopped, RouteModel, build_model, engine_plan
from lrplanner.planner.decode import decode
from lrplanner.planner.explain import explain_left_out, explain_seconds
from lrplanner.planner.progress import engine_sink
from lrplanner.planner.repair import forbid_broken_transfers, strip_failing_days
from lrplanner.planner.report import plan_report
from lrplanner.planner.usable import planning_project
from lrplanner.solver.params import SolveParams
from lrplanner.solver.progress import SolveProgress, Throttle
from lrplanner.solver.skeleton import skeleton
from lrplanner.solver.solve import solve
from lrplanner.solver.stop import Deadline, Limits

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lrplanner.core.project import Project
    from lrplanner.planner.build import Check
    from lrplanner.planner.progress import PlanSink
    from lrplanner.solver.progress import ProgressSink
    from lrplanner.solver.result import Result
    from lrplanner.solver.schedule import Plan
    from lrplanner.solver.stop import CancelToken, Clock

REPAIR_ROUNDS = 4
FIRST_SHARE = 0.8
MIN_ROUND_S = 0.2
#: Seconds kept per engine site for decoding and checking a plan after its
#: search (measured: 362 sites over 21 days took 1.35 s).
POST_S_PER_SITE = 0.004


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanOutcome:
    """A searched plan, its report (costs, indicators, the independent
    check's verdict, how the search ended) and the engine model it came from."""

    itinerary: Itinerary
    report: PlanReport
    runtime: float
    model: RouteModel

    @property
    def project(self) -> Project:
        """Return the planned project with this plan as its own."""
        return self.model.project.with_changes(plan=self.itinerary)


#: The engine's settings for Learning Routes. The hotel-sequence portfolio
#: that wins on the orienteering-with-hotel-selection benchmarks (a few
#: hotels, no windows on the nights) loses on routes, which offer dozens of
#: lodging places over 7-21 nights: measured at 10 s, seed 0, South Asia
#: sample 43.5 against 52.0, generated 50 sites 71.2 against 99.2, 100 sites
#: no plan against 142.7. So routes search without it. Helper processes
#: (``workers=2``) found the same values on the samples and on generated
#: routes of 100 and 200 sites and only added start-up time (Mekong 3 s
#: budget: 5.1 -> 6.3 s wall), so routes search in one process. Segments
#: end after 1,000 iterations without a better plan (the default 4,000 took
#: 2-2.7 s a segment at 50 sites, a few segments in a 10 s plan): measured
#: at 10 s, seed 0, generated 50 sites/7 days 81.6 -> 88.1 (a 40 s run's
#: best), 50/21 183.9 -> 189.3, 200/14 174.4 -> 193.1, 100/14 and the
#: samples unchanged. With those short segments, every second one starting
#: from scratch (``fresh_every=2``) cost the exact benchmark one of its 20
#: optima (a 4-day route, 2439 against 3186 at 2 s); segments always start
#: from the best plan: 20 of 20 again, the samples and the generated
#: routes of 20-200 sites the same at 10 s, 400 sites within their
#: run-to-run spread.
ROUTE_PARAMS = SolveParams(
    portfolio=0,
    workers=1,
    polish=True,
    probes=16,
    segment_iterations=1000,
    fresh_every=0,
)


def plan_route(
    project: Project,
    *,
    seconds: float,
    seed: int = 0,
    cancel: CancelToken | None = None,
    params: SolveParams | None = None,
    on_progress: PlanSink | None = None,
    clock: Clock = time.monotonic,
    start: Itinerary | None = None,
    quick_fail: bool = False,
) -> PlanOutcome:
    """Plan a route: build the engine problem, search, decode, explain, check.

    ``seconds`` bounds the whole call: the model build, the search, the
    repair rounds and the check all run against one deadline, and a cancel
    is noticed in every phase. A plan whose real timetables break a day (a
    flight that leaves too late) is re-planned without the offending
    transfers, up to ``REPAIR_ROUNDS`` times while time is left; a plan that
    still fails has the visits of its failing days taken out, and one that
    fails even then is returned with its violations (never as a good plan).

    Parameters
    ----------
    clock
        The clock the deadline is read on (tests pass a fake one).
    start
        A plan to start the search from (the current one, when re-planning
        after a change): the answer is never worse than what of it still
        meets the rules.
    quick_fail
        Give up at once (InfeasibleRequest) when the skeleton programme
        finds no plan holding the required and locked sites, instead of
        searching the whole time: for a first try that may well be
        impossible (keeping every visit of a plan after a change).

    Raises
    ------
    InfeasibleRequest
        If no plan can meet the hard rules; the message says which rules
        conflict and the cheapest fix where one exists. Also when the time
        ran out or the call was cancelled before a first plan existed.
    """
    params = params or ROUTE_PARAMS
    limits = Limits(Deadline(seconds, clock=clock), cancel)
    sink = engine_sink(on_progress, limits.deadline.elapsed) if on_progress else None
    with _thawed_after():
        model, network = _prepare(project, limits, sink)
        check_cheapest(model)
        if quick_fail and skeleton(model.data, 0.0, pairs=True) is None:
            raise InfeasibleRequest(_infeasible_message(model))
        first = engine_plan(model, start) if start is not None else None
        return _search(model, network, params, seed, limits, sink, first)


def route_model(project: Project) -> RouteModel:
    """Return the engine model of a project, as planning builds it (for
    problem.json when a plan was not just searched)."""
    limits = Limits(Deadline(float("inf")), None)
    with _thawed_after():
        return _prepare(project, limits, None)[0]


def _prepare(
    project: Project,
    limits: Limits,
    sink: ProgressSink | None,
) -> tuple[RouteModel, TravelNetwork]:
    """Return the engine model and the network, within the call's limits."""
    check = _build_check(limits, sink)
    try:
        with _collector_paused():
            check()
            network = TravelNetwork.from_project(project)
            usable = planning_project(project)
            # the planning copy only drops links: it shares the network's
            # nodes and estimated roads
            planning = (
                network if usable is project else network.with_links(usable.links)
            )
            model = build_model(usable, planning, check)
    except BuildStopped:
        raise PlanningStopped(_stopped_message(project, limits)) from None
    return replace(model, project=project), network


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a model is built.

    The build makes millions of objects that all live on (legs, steps,
    timetables), and each full collection walks them all again: measured at
    400 sites over 21 days, preparing took 7.8 s with the collector and
    5.4 s without, at the same peak memory.

    The objects made meanwhile are then frozen (``gc.freeze``: left out of
    every collection until :func:`_thawed_after` thaws them): the search
    makes garbage enough for hundreds of collections, and without it the
    first ones walked the whole model (at 400 sites over 21 days the
    collector took 2.3 of a 10 s plan's CPU seconds; 0.04 frozen).
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was:
            gc.enable()


@contextmanager
def _thawed_after() -> Iterator[None]:
    """Give the objects :func:`_collector_paused` froze back to the
    collector once planning is over (reference cycles among them would
    otherwise never be freed)."""
    try:
        yield
    finally:
        gc.unfreeze()


def _build_check(limits: Limits, sink: ProgressSink | None) -> Check:
    """Return the build's check: report progress, stop when the limits say."""
    report = Throttle(sink) if sink is not None else None

    def check() -> None:
        if report is not None:
            report(SolveProgress(best_score=0, elapsed=0.0, phase="build"))
        if limits.reached():
            raise BuildStopped

    return check


def _search(
    model: RouteModel,
    network: TravelNetwork,
    params: SolveParams,
    seed: int,
    limits: Limits,
    sink: ProgressSink | None,
    start: Plan | None = None,
) -> PlanOutcome:
    """Search, check and repair until a plan passes or the limits are reached."""
    failed: list[tuple[RouteModel, Result, PlanOutcome]] = []
    first = model
    explain = explain_seconds(limits.deadline.at - limits.deadline.started)
    post = POST_S_PER_SITE * len(model.data.sites)
    for attempt in range(REPAIR_ROUNDS + 1):
        cutoff = _cutoff(limits.deadline, attempt, post)
        stop = limits.until(cutoff)
        result = solve(
            model.data,
            stop,
            params=params,
            seed=seed,
            on_progress=sink,
            start=start if attempt == 0 else None,
        )
        if not result.is_feasible():
            if failed:
                break
            if limits.reached():
                raise PlanningStopped(_no_plan_message(model, limits))
            raise InfeasibleRequest(_no_plan_message(model, limits))
        began = limits.deadline.clock()
        outcome = _outcome(model, result, network, explain)
        post = max(post, limits.deadline.clock() - began)
        if outcome.report.passed:
            return outcome
        failed.append((model, result, outcome))
        # a round needs time to search and to check its plan, and the
        # salvage below needs time to check one more
        if limits.reached() or limits.deadline.remaining() < 2 * post + MIN_ROUND_S:
            break
        model = forbid_broken_transfers(model, result, outcome.report)
    return _salvage(first, failed, network, explain)


def _cutoff(deadline: Deadline, attempt: int, post: float) -> float:
    """Return when round ``attempt``'s search must stop (clock value).

    ``post`` seconds are kept for decoding and checking its plan; the first
    round takes ``FIRST_SHARE`` of the rest, each repair round its share of
    what remains.
    """
    share = FIRST_SHARE if attempt == 0 else 1 / (REPAIR_ROUNDS + 1 - attempt)
    usable = max(0.0, deadline.remaining() - post)
    return deadline.clock() + max(min(MIN_ROUND_S, usable), usable * share)


def _salvage(
    model: RouteModel,
    failed: list[tuple[RouteModel, Result, PlanOutcome]],
    network: TravelNetwork,
    explain: float,
) -> PlanOutcome:
    """Return the last failing plan with the optional visits of its failing
    days taken out if that passes the check; else that plan, marked by its
    violations. The stripped plan is timed on ``model``, the route as it is
    (the repair rounds' models bar transfers only to steer the search)."""
    _, result, outcome = failed[-1]
    stripped = strip_failing_days(model, result, outcome.report)
    if stripped is not None:
        repaired = _outcome(model, stripped, network, explain)
        if repaired.report.passed:
            return repaired
    return outcome


def _outcome(
    model: RouteModel, result: Result, network: TravelNetwork, explain: float
) -> PlanOutcome:
    """Return the checked outcome of a result, its left-out sites explained
    for ``explain`` seconds."""
    project = model.project
    itinerary = decode(model, result, project.rules.sessions)
    breakdown = compute_costs(project, itinerary)
    left_out = explain_left_out(model, result, itinerary, breakdown, explain)
    itinerary = replace(itinerary, left_out=left_out)
    return PlanOutcome(
        itinerary=itinerary,
        report=plan_report(project, itinerary, network=network, status=result.status),
        runtime=result.runtime,
        model=model,
    )


#: What to do when the time ran out before a first plan (CLI and app alike).
MORE_TIME = (
    "Fix: allow more planning time (--seconds 60 on the command line, "
    "Planning time in Edit > Preferences in the app) or leave sites out."
)


def _stopped_message(project: Project, limits: Limits) -> str:
    spent = limits.deadline.elapsed()
    if limits.cancelled:
        return (
            f"Planning was cancelled after {spent:.1f} s, while the route was "
            "still being prepared, so there is no plan yet."
        )
    return (
        f"The time limit ran out after {spent:.1f} s while the route was still "
        f"being prepared (travel times between {len(project.sites)} sites and "
        f"{len(project.places)} places), so no plan was searched. {MORE_TIME}"
    )


def _no_plan_message(model: RouteModel, limits: Limits) -> str:
    if limits.cancelled:
        return "Planning was cancelled before a first plan was found."
    if limits.deadline.passed():
        return f"The time limit ran out before a first plan was found. {MORE_TIME}"
    return _infeasible_message(model)


def _infeasible_message(model: RouteModel) -> str:
    names = {
        i: model.project.site_by_id[s].name
        for i, (s, site) in enumerate(
            zip(model.site_ids, model.data.sites, strict=True)
        )
        if site.mandatory
    }
    parts = ["No plan meets every hard rule."]
    if names:
        parts.append(
            f"The required or locked sites ({', '.join(names.values())}) cannot "
            "all be fitted together with the day window, travel times, "
            "timetables and opening hours."
        )
        release = [names[i] for i in names if _plan_without(model, i)]
        if release and len(release) < len(names):
            parts.append(
                f"Leaving out any one of these gives a plan: {', '.join(release)}."
            )
        elif release:
            parts.append("Leaving out any one of them gives a plan.")
    parts.append(
        "Fix: release a lock or a required site, or extend the route by a day."
    )
    return " ".join(parts)


def _plan_without(model: RouteModel, index: int) -> bool:
    """Whether a plan exists (the skeleton programme, at most two required
    sites a day) once required site ``index`` is optional."""
    data = model.data
    sites = list(data.sites)
    sites[index] = replace(sites[index], mandatory=False, fixed_tour=None)
    return skeleton(replace(data, sites=tuple(sites)), 0.0, pairs=True) is not None
