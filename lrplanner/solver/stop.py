"""Stopping criteria: small callables asked "stop now?" with the best score.

They mirror ``pyvrp.stop``: any object with ``__call__(best_score) -> bool``
satisfies :class:`StoppingCriterion`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Protocol

Clock = Callable[[], float]
"""Seconds on a monotonic scale (``time.monotonic``; tests pass a fake)."""


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


class Deadline:
    """One point in time that every phase of a planning call must respect.

    A :class:`StoppingCriterion` too: it stops once the time is up. Unlike
    :class:`MaxRuntime` it counts from its creation, so the time the model
    build took is no longer the search's to spend.

    Parameters
    ----------
    seconds
        Seconds from now, >= 0.
    clock
        The clock read (``time.monotonic`` unless a test passes a fake).

    Raises
    ------
    ValueError
        When ``seconds`` is negative.
    """

    def __init__(self, seconds: float, *, clock: Clock = time.monotonic) -> None:
        if seconds < 0:
            raise ValueError("seconds < 0 not understood.")
        self.clock = clock
        self.started = clock()
        self.at = self.started + seconds

    def remaining(self) -> float:
        """Return the seconds left (0 once passed)."""
        return max(0.0, self.at - self.clock())

    def elapsed(self) -> float:
        """Return the seconds since the deadline was set."""
        return self.clock() - self.started

    def passed(self) -> bool:
        """Return whether the time is up."""
        return self.clock() >= self.at

    def __call__(self, best_score: int) -> bool:
        """Return True once the time is up."""
        return self.passed()


class Until:
    """Stops at ``at`` on a deadline's clock (an earlier cut-off of it).

    Parameters
    ----------
    deadline
        The deadline whose clock is read.
    at
        The clock value at which to stop.
    """

    def __init__(self, deadline: Deadline, at: float) -> None:
        self.deadline, self.at = deadline, min(at, deadline.at)

    def __call__(self, best_score: int) -> bool:
        """Return True once the cut-off is reached."""
        return self.deadline.clock() >= self.at


class Limits:
    """The deadline and the cancel token of one planning call, checked together.

    Parameters
    ----------
    deadline
        When the whole call must return.
    cancel
        The token a Cancel button or Ctrl-C sets, if any.
    """

    def __init__(self, deadline: Deadline, cancel: CancelToken | None = None) -> None:
        self.deadline, self.cancel = deadline, cancel

    @property
    def cancelled(self) -> bool:
        """Whether the token was set."""
        return self.cancel is not None and self.cancel.cancelled

    def reached(self) -> bool:
        """Return whether the call must stop now (cancelled or out of time)."""
        return self.cancelled or self.deadline.passed()

    def until(self, at: float) -> StoppingCriterion:
        """Return the search's stop: cancelled, or the clock reaches ``at``."""
        stop: StoppingCriterion = Until(self.deadline, at)
        if self.cancel is not None:
            stop = AnyOf(stop, Cancelled(self.cancel))
        return stop


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


def clock_says_stop(stop: StoppingCriterion) -> bool:
    """Return True when a cancel or a clock in ``stop`` says stop.

    Unlike calling ``stop`` this never counts as an iteration (a
    :class:`MaxIterations` is not asked), so long loops can check it often
    without changing what an iteration-bounded search finds.

    Parameters
    ----------
    stop
        A criterion, possibly an :class:`AnyOf` tree.
    """
    if isinstance(stop, AnyOf):
        return any(clock_says_stop(c) for c in stop.criteria)
    if isinstance(stop, Cancelled | Deadline | Until | MaxRuntime):
        return stop(0)
    return False
