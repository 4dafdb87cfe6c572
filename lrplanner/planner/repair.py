"""Re-planning after a plan fails the real timetables.

The engine plans with static travel times; a once-a-day flight or a border
post's hours can still break a day. The transfers used on such a day are
taken out of the engine's travel matrix (made impossibly long) so the next
search routes the group another way. When no time is left for that, the
optional visits of the failing days are taken out instead (a day of travel
between its hotels and its required visits only).
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import TYPE_CHECKING

from lrplanner.planner.build import FAR
from lrplanner.solver.reasons import unvisited_reasons
from lrplanner.solver.schedule import (
    Plan,
    plan_cost,
    plan_score,
    plan_travel,
    time_plan,
)

if TYPE_CHECKING:
    from lrplanner.core.report import PlanReport
    from lrplanner.planner.build import RouteModel
    from lrplanner.solver.result import Result


def _bad_days(report: PlanReport) -> set[str]:
    return {v.day for v in report.violations if v.day}


def broken_arcs(
    model: RouteModel, result: Result, report: PlanReport
) -> set[tuple[int, int]]:
    """Return the engine arcs travelled on the days that break a rule."""
    bad_days = _bad_days(report)
    arcs: set[tuple[int, int]] = set()
    for frame, tour in zip(model.frames, result.tours, strict=True):
        if frame.day.isoformat() not in bad_days:
            continue
        stops = [
            tour.start_location,
            *(model.data.sites[v.site].location for v in tour.visits),
            tour.end_location,
        ]
        arcs.update((a, b) for a, b in itertools.pairwise(stops) if a != b)
    return arcs


def forbid_broken_transfers(
    model: RouteModel, result: Result, report: PlanReport
) -> RouteModel:
    """Return the model with the arcs of the failing days made unusable."""
    arcs = broken_arcs(model, result, report)
    data = model.data

    def blocked(matrix: tuple[tuple[int, ...], ...]) -> tuple[tuple[int, ...], ...]:
        return tuple(
            tuple(FAR if (i, j) in arcs else value for j, value in enumerate(row))
            for i, row in enumerate(matrix)
        )

    counted = None if data.counted is None else blocked(data.counted)
    return replace(
        model, data=replace(data, travel=blocked(data.travel), counted=counted)
    )


def strip_failing_days(
    model: RouteModel, result: Result, report: PlanReport
) -> Result | None:
    """Return the engine result without the optional visits of the days that
    break a rule (required ones cannot go), re-timed; None when no such day
    has one or it cannot be timed.

    The hotels stay as they were, so the other days do not change.
    """
    bad_days = _bad_days(report)
    data = model.data
    kept = [
        [s for s in tour.sites if data.sites[s].mandatory]
        if frame.day.isoformat() in bad_days
        else list(tour.sites)
        for frame, tour in zip(model.frames, result.tours, strict=True)
    ]
    if kept == [list(tour.sites) for tour in result.tours]:
        return None
    plan = Plan(routes=kept, hotels=[t.end_location for t in result.tours[:-1]])
    timed = time_plan(data, plan)
    if timed is None:
        return None
    return replace(
        result,
        tours=tuple(timed),
        score=plan_score(data, plan),
        cost=plan_cost(data, plan),
        travel=plan_travel(data, plan),
        unvisited=unvisited_reasons(data, plan.visited()),
    )
