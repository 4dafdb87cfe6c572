"""PlanProgress: what a running plan reports, in learning-value points."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lrplanner.planner.build import VALUE_SCALE

if TYPE_CHECKING:
    from lrplanner.solver.progress import ProgressSink, SolveProgress


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanProgress:
    """A snapshot of a running plan.

    Attributes
    ----------
    value
        Learning value of the best plan found so far (0 before the first);
        the engine's score unit stays inside the planner.
    elapsed
        Seconds since planning started (model build and repair rounds
        included).
    phase
        ``"build"`` while the route is prepared, then ``"search"``.
    """

    value: float
    elapsed: float
    phase: str = "search"


#: Where a running plan reports its progress.
PlanSink = Callable[[PlanProgress], None]


def engine_sink(sink: PlanSink, elapsed: Callable[[], float]) -> ProgressSink:
    """Return the engine's progress sink that reports to ``sink`` in value
    points, with ``elapsed()`` as the time since planning started."""

    def report(progress: SolveProgress) -> None:
        sink(
            PlanProgress(
                value=progress.best_score / VALUE_SCALE,
                elapsed=elapsed(),
                phase=progress.phase,
            )
        )

    return report
