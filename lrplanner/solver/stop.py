"""Stopping criteria: small callables asked "stop now?" with the best score.

They mirror ``pyvrp.stop``: any object with ``__call__(best_score) -> bool``
satisfies :class:`StoppingCriterion`.
"""

from __future__ import annotations

import threading
import time
from typing import Protocol


class StoppingCriterion(Protocol):
    """Protocol that stopping criteria implement."""

    def __call__(self, best_score: int) -> bool:
        """Return True when the search should stop.

        Parameters
        ----------
        best_score
            Score of the best solution found so far.
        """
        ...  # pragma: no cover


class MaxRuntime:
    """Stops after ``max_runtime`` seconds, counted from the first call.

    Parameters
    ----------
    max_runtime
        Seconds, >= 0.

    Raises
    ------
    ValueError
        When ``max_runtime`` is negative.
    """

    def __init__(self, max_runtime: float) -> None:
        if max_runtime < 0:
            raise ValueError("max_runtime < 0 not understood.")
        self.max_runtime = max_runtime
        self._start: float | None = None

    def __call__(self, best_score: int) -> bool:
        """Return True once the time is up."""
        if self._start is None:
            self._start = time.perf_counter()
        return time.perf_counter() - self._start >= self.max_runtime


class MaxIterations:
    """Stops after ``max_iterations`` calls.

    Parameters
    ----------
    max_iterations
        Number of calls answered with False before answering True.

    Raises
    ------
    ValueError
        When ``max_iterations`` is negative.
    """

    def __init__(self, max_iterations: int) -> None:
        if max_iterations < 0:
            raise ValueError("max_iterations < 0 not understood.")
        self.max_iterations = max_iterations
        self._calls = 0

    def __call__(self, best_score: int) -> bool:
        """Return True once the iterations are used up."""
        self._calls += 1
        return self._calls > self.max_iterations


class CancelToken:
    """Thread-safe flag another thread sets to cancel a solve."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the solve to stop; it returns its best solution so far."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """Whether :meth:`cancel` was called."""
        return self._event.is_set()


class Cancelled:
    """Stops when ``token`` is cancelled.

    Parameters
    ----------
    token
        The token the caller (e.g. a Cancel button) sets.
    """

    def __init__(self, token: CancelToken) -> None:
        self.token = token

    def __call__(self, best_score: int) -> bool:
        """Return True once the token is cancelled."""
        return self.token.cancelled


class AnyOf:
    """Stops as soon as any of the given criteria says so.

    Every criterion is called each time, so runtime clocks start together.

    Parameters
    ----------
    criteria
        The criteria to combine.
    """

    def __init__(self, *criteria: StoppingCriterion) -> None:
        self.criteria = criteria

    def __call__(self, best_score: int) -> bool:
        """Return True when any criterion returns True."""
        answers = [crit(best_score) for crit in self.criteria]
        return any(answers)


def is_cancel(stop: StoppingCriterion) -> bool:
    """Return True when ``stop`` holds a cancelled :class:`CancelToken`.

    Parameters
    ----------
    stop
        A criterion, possibly an :class:`AnyOf` tree.

    Returns
    -------
    bool
        Whether the stop was caused by a cancel request.
    """
    if isinstance(stop, Cancelled):
        return stop.token.cancelled
    if isinstance(stop, AnyOf):
        return any(is_cancel(c) for c in stop.criteria)
    return False
