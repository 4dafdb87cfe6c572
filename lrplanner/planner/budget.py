"""A budget cap no plan can meet, said with the amount a plan needs.

Two floors, both exact for the engine's cost model (what ``costs.xlsx``
counts, contingency included):

* the fixed costs every plan has (international fares, staff fees, vehicle
  hire, venues, the last day's per diem), checked before the route is built;
* the cheapest chain of nights that meets the day windows and travel limits
  with no visits (or with just the required sites, at most two a day),
  found by the engine's skeleton programme with the cap lifted.

Below the first the route cannot be planned at all; below the second no
plan exists either. Each message gives the parts and the cap to raise to.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from lrplanner.core.errors import InfeasibleRequest
from lrplanner.planner import costs
from lrplanner.solver.polish import relaxed
from lrplanner.solver.schedule import plan_cost, time_plan
from lrplanner.solver.skeleton import skeleton

if TYPE_CHECKING:
    from lrplanner.core.project import Project
    from lrplanner.planner.build import RouteModel
    from lrplanner.solver.problem import ProblemData


def check_fixed(project: Project) -> None:
    """Raise when the fixed costs alone (with contingency) break the cap.

    Raises
    ------
    InfeasibleRequest
        Naming each part, their total and the cap to raise to.
    """
    cap = project.route.budget_cap
    if cap is None:
        return
    fixed = costs.fixed_cost(project)
    needed = costs.with_contingency(project, fixed)
    if needed <= cap:
        return
    route = project.route
    parts = " + ".join(
        f"{name} {amount:,.2f}" for name, amount in costs.fixed_parts(project) if amount
    )
    raise InfeasibleRequest(
        f"The budget cap {cap:,.2f} {route.currency} is below what every plan of "
        f"this route costs, whatever it visits: {parts} = {fixed:,.2f}, plus "
        f"{route.contingency_pct} % contingency = {needed:,.2f}. Fix: raise the "
        f"cap to at least {needed:,.2f} (more for lodging and per diem), or "
        "shorten the route or the group."
    )


def check_cheapest(model: RouteModel) -> None:
    """Raise when even the cheapest possible plan breaks the cap.

    The cheapest plan with no visits (lodging, per diem and transfers on
    top of the fixed costs) and, when sites are required or locked, the
    cheapest that visits them.

    Raises
    ------
    InfeasibleRequest
        With the cheapest plan's cost and the cap to raise to.
    """
    data = model.data
    project = model.project
    cap = project.route.budget_cap
    if cap is None or data.budget is None:
        return
    free = replace(data, budget=None)
    empty = _cheapest(relaxed(free))
    if empty is not None and empty > data.budget:
        _raise(model, empty, "with no visits at all")
    if any(site.mandatory for site in data.sites):
        least = _cheapest(free)
        if least is not None and least > data.budget:
            names = ", ".join(
                project.site_by_id[s].name
                for s, site in zip(model.site_ids, data.sites, strict=True)
                if site.mandatory
            )
            _raise(model, least, f"that visits the required or locked sites ({names})")


def _cheapest(data: ProblemData) -> int | None:
    """Return the engine cost (cents) of the cheapest plan the skeleton
    programme finds (a tour may hold two required sites), or None when it
    finds none."""
    plan = skeleton(data, 0.0, pairs=True)
    if plan is None or time_plan(data, plan) is None:
        return None
    return plan_cost(data, plan)


def _raise(model: RouteModel, cents: int, what: str) -> None:
    project = model.project
    route = project.route
    fixed = costs.fixed_cost(project)
    variable = Decimal(cents) / costs.CENTS
    needed = costs.with_contingency(project, fixed + variable)
    raise InfeasibleRequest(
        f"The budget cap {route.budget_cap:,.2f} {route.currency} is below the "
        f"cheapest plan of this route {what}: fixed costs {fixed:,.2f} + lodging, "
        f"per diem, fees and transfers {variable:,.2f}, plus "
        f"{route.contingency_pct} % contingency = {needed:,.2f}. Fix: raise the "
        f"cap to at least {needed:,.2f} (each further visit costs more), or "
        "shorten the route."
    )


def cheapest_total(model: RouteModel) -> Decimal:
    """Return what the cheapest plan of the route costs, contingency included.

    The plan with no visits but the required or locked ones, as
    :func:`check_cheapest` finds it, with the cap lifted; the fixed costs
    alone when the engine finds no such plan.
    """
    project = model.project
    free = replace(model.data, budget=None)
    mandatory = any(site.mandatory for site in free.sites)
    cents = _cheapest(free if mandatory else relaxed(free))
    variable = Decimal(cents or 0) / costs.CENTS
    return costs.with_contingency(project, costs.fixed_cost(project) + variable)
