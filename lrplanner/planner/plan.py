"""plan_route: a Project in, a checked plan out (or an explanation)."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from lrplanner.core.costmodel import compute_costs
from lrplanner.core.costs import CostBreakdown
from lrplanner.core.errors import InfeasibleRequest
from lrplanner.core.indicators import Indicators, indicators
from lrplanner.core.plan import Itinerary
from lrplanner.core.rules import PlanningRules
from lrplanner.core.validate import TravelCheck, Violation, validate
from lrplanner.network.graph import TravelNetwork
from lrplanner.network.legs import Unreachable
from lrplanner.planner import costs
from lrplanner.planner.build import RouteModel, build_model
from lrplanner.planner.decode import decode
from lrplanner.planner.explain import explain_left_out
from lrplanner.planner.repair import forbid_broken_transfers
from lrplanner.planner.usable import planning_project
from lrplanner.solver.params import SolveParams
from lrplanner.solver.solve import solve
from lrplanner.solver.stop import AnyOf, Cancelled, MaxRuntime

if TYPE_CHECKING:
    from datetime import datetime

    from lrplanner.core.project import Project
    from lrplanner.solver.progress import ProgressSink, SolveProgress
    from lrplanner.solver.result import Result
    from lrplanner.solver.stop import CancelToken, StoppingCriterion

REPAIR_ROUNDS = 4
FIRST_SHARE = 0.8
MIN_ROUND_S = 0.2


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanOutcome:
    """A plan with its costs, indicators and the independent check's verdict."""

    itinerary: Itinerary
    costs: CostBreakdown
    indicators: Indicators
    violations: tuple[Violation, ...]
    status: str
    runtime: float
    model: RouteModel


#: The engine's settings for Learning Routes. The hotel-sequence portfolio
#: that wins on the orienteering-with-hotel-selection benchmarks (a few
#: hotels, no windows on the nights) loses on routes, which offer dozens of
#: lodging places over 7-21 nights: measured at 10 s, seed 0, South Asia
#: sample 43.5 against 52.0, generated 50 sites 71.2 against 99.2, 100 sites
#: no plan against 142.7. So routes search without it. Helper processes
#: (``workers=2``) found the same values on the samples and on generated
#: routes of 100 and 200 sites and only added start-up time (Mekong 3 s
#: budget: 5.1 -> 6.3 s wall), so routes search in one process.
ROUTE_PARAMS = SolveParams(portfolio=0, workers=1)


def plan_route(
    project: Project,
    *,
    seconds: float,
    seed: int = 0,
    cancel: CancelToken | None = None,
    params: SolveParams | None = None,
    rules: PlanningRules | None = None,
    on_progress: ProgressSink | None = None,
) -> PlanOutcome:
    """Plan a route: build the engine problem, search, decode, explain, check.

    A plan whose real timetables break a day (a flight that leaves too late)
    is re-planned without the offending transfers, up to ``REPAIR_ROUNDS``
    times within the same time budget.

    Raises
    ------
    InfeasibleRequest
        If no plan can meet the hard rules; the message says which rules
        conflict and the cheapest fix where one exists.
    """
    rules = rules or PlanningRules()
    params = params or ROUTE_PARAMS
    network = TravelNetwork.from_project(project)
    usable = planning_project(project)
    planning = network if usable is project else TravelNetwork.from_project(usable)
    model = replace(build_model(usable, planning, rules), project=project)
    _check_budget(project, model)
    started = time.monotonic()
    deadline = started + seconds
    sink = _overall(on_progress, started) if on_progress else None
    outcome = None
    for attempt in range(REPAIR_ROUNDS + 1):
        share = FIRST_SHARE if attempt == 0 else 1 / (REPAIR_ROUNDS + 1 - attempt)
        budget = max(MIN_ROUND_S, (deadline - time.monotonic()) * share)
        stop: StoppingCriterion = MaxRuntime(budget)
        if cancel is not None:
            stop = AnyOf(stop, Cancelled(cancel))
        result = solve(model.data, stop, params=params, seed=seed, on_progress=sink)
        if not result.is_feasible():
            if outcome is not None:
                return outcome
            raise InfeasibleRequest(_infeasible_message(model))
        outcome = _outcome(model, result, rules, network)
        if not outcome.violations or result.status == "cancelled":
            return outcome
        model = forbid_broken_transfers(model, result, outcome)
    assert outcome is not None
    return outcome


def _overall(sink: ProgressSink, started: float) -> ProgressSink:
    """Report time since planning started (repair rounds restart the engine)."""

    def report(progress: SolveProgress) -> None:
        sink(replace(progress, elapsed=time.monotonic() - started))

    return report


def _outcome(
    model: RouteModel, result: Result, rules: PlanningRules, network: TravelNetwork
) -> PlanOutcome:
    project = model.project
    itinerary = decode(model, result, rules.sessions)
    breakdown = compute_costs(project, itinerary)
    left_out = explain_left_out(model, result, itinerary, breakdown)
    itinerary = replace(itinerary, left_out=left_out)
    violations = validate(
        project, itinerary, travel_check(network), land=network.landmass
    )
    return PlanOutcome(
        itinerary=itinerary,
        costs=breakdown,
        indicators=indicators(project, itinerary, breakdown, rules.value),
        violations=tuple(violations),
        status=result.status,
        runtime=result.runtime,
        model=model,
    )


def travel_check(network: TravelNetwork) -> TravelCheck:
    """Return the validator's travel check backed by the real timetables."""

    def earliest(origin: str, destination: str, depart: datetime) -> datetime | None:
        try:
            return network.earliest_arrival(origin, destination, depart).arrive
        except Unreachable:
            return None

    return earliest


def _check_budget(project: Project, model: RouteModel) -> None:
    budget = model.data.budget
    if budget is None or budget >= 0:
        return
    route = project.route
    fixed = costs.fixed_cost(project)
    needed = fixed * (1 + route.contingency_pct / 100)
    raise InfeasibleRequest(
        f"The budget cap {route.budget_cap:,.2f} {route.currency} is below the costs "
        f"every plan of this route has: {fixed:,.2f} (international fares, staff "
        f"fees, vehicle, sessions, last day) plus {route.contingency_pct} % "
        f"contingency = {needed:,.2f}. Fix: raise the cap to at least "
        f"{needed:,.2f} plus lodging, or shorten the route."
    )


def _infeasible_message(model: RouteModel) -> str:
    required = [
        model.project.site_by_id[s].name
        for s, site in zip(model.site_ids, model.data.sites, strict=True)
        if site.mandatory
    ]
    parts = ["No plan meets every hard rule."]
    if required:
        parts.append(
            f"The required or locked sites ({', '.join(required)}) cannot "
            "all be fitted together with the day window, travel limits, "
            "opening hours and budget."
        )
    if model.data.budget is not None:
        parts.append("The budget may also be too small for the required sites.")
    parts.append(
        "Fix: release a lock or a required site, raise the budget cap, or "
        "extend the route by a day."
    )
    return " ".join(parts)
