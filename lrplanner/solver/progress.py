"""Progress reports: the solver calls a sink; it never knows who listens."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class SolveProgress:
    """A snapshot of a running solve.

    Parameters
    ----------
    best_score
        Score of the best feasible solution so far (0 before the first one).
    elapsed
        Seconds since the solve started.
    iteration
        Number of search segments (restarts) completed.
    phase
        ``"search"``, or ``"build"`` while a caller still prepares the
        instance (a planner building its model reports through the same sink).
    """

    best_score: int
    elapsed: float
    iteration: int = 0
    phase: str = "search"


ProgressSink = Callable[[SolveProgress], None]


class Throttle:
    """Passes reports on to ``sink`` at most every ``min_interval_s`` seconds.

    A report with a better score than the last one passed on always goes
    through, so listeners never miss an improvement for long.

    Parameters
    ----------
    sink
        The listener.
    min_interval_s
        Minimum time between two reports with the same score.
    """

    def __init__(self, sink: ProgressSink, min_interval_s: float = 0.1) -> None:
        self.sink = sink
        self.min_interval_s = min_interval_s
        self._last_time = -float("inf")
        self._last_score: int | None = None

    def __call__(self, progress: SolveProgress) -> None:
        """Forward ``progress`` unless a report was sent very recently."""
        now = time.perf_counter()
        better = self._last_score is None or progress.best_score > self._last_score
        if better or now - self._last_time >= self.min_interval_s:
            self._last_time = now
            self._last_score = progress.best_score
            self.sink(progress)
