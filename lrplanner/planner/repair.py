"""Re-planning after a plan fails the real timetables.

The engine plans with static travel times; a once-a-day flight or a border
post's hours can still break a day. The transfers used on such a day are
taken out of the engine's travel matrix (made impossibly long) so the next
search routes the group another way.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import TYPE_CHECKING

from lrplanner.planner.build import FAR

if TYPE_CHECKING:
    from lrplanner.planner.build import RouteModel
    from lrplanner.planner.plan import PlanOutcome
    from lrplanner.solver.result import Result


def broken_arcs(
    model: RouteModel, result: Result, outcome: PlanOutcome
) -> set[tuple[int, int]]:
    """Return the engine arcs travelled on the days that break a rule."""
    bad_days = {v.day for v in outcome.violations if v.day}
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
    model: RouteModel, result: Result, outcome: PlanOutcome
) -> RouteModel:
    """Return the model with the arcs of the failing days made unusable."""
    arcs = broken_arcs(model, result, outcome)
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
