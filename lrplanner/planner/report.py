"""plan_report: the one place a plan's costs, indicators and check are made."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lrplanner.core.costmodel import compute_costs
from lrplanner.core.indicators import indicators
from lrplanner.core.report import SAVED, PlanReport
from lrplanner.core.validate import TravelCheck, validate
from lrplanner.network.graph import TravelNetwork
from lrplanner.network.legs import Unreachable

if TYPE_CHECKING:
    from datetime import datetime

    from lrplanner.core.plan import Itinerary
    from lrplanner.core.project import Project


def plan_report(
    project: Project,
    itinerary: Itinerary,
    *,
    network: TravelNetwork | None = None,
    status: str = SAVED,
) -> PlanReport:
    """Return the verdict on ``itinerary`` under ``project``'s inputs and rules.

    The check is the independent validator with the real travel network
    (``network``, built from the project when not given), never the
    planner's own bookkeeping.
    """
    network = network or TravelNetwork.from_project(project)
    costs = compute_costs(project, itinerary)
    violations = validate(
        project, itinerary, travel_check(network), land=network.landmass
    )
    return PlanReport(
        costs=costs,
        indicators=indicators(project, itinerary, costs, project.rules.value),
        violations=tuple(violations),
        status=status,
    )


def project_report(project: Project) -> PlanReport | None:
    """Return the report on the project's own plan (None without a plan)."""
    if project.plan is None:
        return None
    return plan_report(project, project.plan)


def travel_check(network: TravelNetwork) -> TravelCheck:
    """Return the validator's travel check backed by the real timetables."""

    def earliest(origin: str, destination: str, depart: datetime) -> datetime | None:
        try:
            return network.earliest_arrival(origin, destination, depart).arrive
        except Unreachable:
            return None

    return earliest
