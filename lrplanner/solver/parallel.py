"""Helper processes that search the same instance with other seeds.

The calling process keeps the main search (progress reports, cancel, the
result); ``workers - 1`` helper processes run the same search with other
seeds and send every plan that improves their own best back. The main search
adopts a helper's plan when it beats its own best, so its next segment
continues from it (an island model with one-way migration); the helpers keep
their own trajectories, which is where the diversity comes from.

Helpers are *spawned*, never forked: safe under a GUI's threads and the same
on every platform. A frozen app must call ``multiprocessing.freeze_support()``
at start (``lrplanner/__main__.py``, the bundle's script, does). Helpers
ignore Ctrl-C (the main process decides what to keep), stop when the main
search stops, and stop on their own when the main process disappears.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import signal
import time
import traceback
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess
    from multiprocessing.synchronize import Event as EventType
    from types import TracebackType

    from lrplanner.solver.params import SolveParams
    from lrplanner.solver.problem import ProblemData
    from lrplanner.solver.schedule import Plan

log = logging.getLogger(__name__)

#: Seed distance between the main search and helper k (the main search uses
#: ``seed + segment`` for its segments, so nearby seeds would repeat them).
SEED_STRIDE = 1_000_003

#: Seconds between two looks at the helpers' messages from the main search.
POLL_INTERVAL = 0.05

#: Seconds the main search waits for its helpers' last plans after it stopped.
FINISH_TIMEOUT = 2.0


def default_workers() -> int:
    """Processes worth running at once here: 2 when the machine has 2 cores.

    Measured on a 2-core machine (docs/benchmarks.md): a helper improves the
    10 s benchmark results; more than two were never measured.
    """
    return min(2, os.cpu_count() or 1)


class Team:
    """The helper processes of one solve.

    Use as a context manager: leaving it always stops and reaps the helpers,
    also when the main search raised. A helper the system refuses to start
    is logged and left out: the search then runs with fewer processes.

    Parameters
    ----------
    data
        The instance (pickled to each helper).
    params
        The main search's parameters; helpers get them with ``workers=1``
        (they start no helpers of their own).
    seed
        The main search's seed; helper ``k`` uses ``seed + k * SEED_STRIDE``.
    helpers
        Number of helper processes (>= 1).
    """

    def __init__(
        self, data: ProblemData, params: SolveParams, seed: int, helpers: int
    ) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._stop = ctx.Event()
        self._queue: multiprocessing.Queue[tuple[Any, ...]] = ctx.Queue()
        self._last_poll = 0.0
        self._open: set[int] = set()
        self._heard: set[int] = set()
        self.plans_received = 0
        self.best_received = 0
        self.errors: list[str] = []
        self._procs: list[BaseProcess] = []
        # the instance goes through a queue of its own, not the process's
        # arguments: those are written to the new process while it starts,
        # and one that dies before reading them (its start-up failed) left
        # that write, and the main search, blocked for ever
        self._inboxes: list[multiprocessing.Queue[ProblemData]] = []
        for k in range(1, helpers + 1):
            own = replace(params, workers=1)
            inbox: multiprocessing.Queue[ProblemData] = ctx.Queue()
            proc = ctx.Process(
                target=_helper,
                args=(inbox, own, seed + k * SEED_STRIDE, k, self._stop, self._queue),
                name=f"lrplanner-solver-{k}",
                daemon=True,
            )
            try:
                proc.start()
            except OSError as err:  # no processes left, no semaphores, ...
                log.warning("solver helper %d not started (%s): fewer workers", k, err)
                inbox.close()
                inbox.cancel_join_thread()
                break
            inbox.put(data)  # written by the queue's own thread
            self._inboxes.append(inbox)
            self._procs.append(proc)
            self._open.add(k)

    def __enter__(self) -> Team:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def poll(self, *, force: bool = False) -> list[tuple[int, Plan]]:
        """Return the plans the helpers sent since the last call.

        Looks at most every :data:`POLL_INTERVAL` seconds unless ``force``;
        the solver calls it from its stop check, which runs very often.
        """
        now = time.perf_counter()
        if not force and now - self._last_poll < POLL_INTERVAL:
            return []
        self._last_poll = now
        plans: list[tuple[int, Plan]] = []
        while True:
            try:
                message = self._queue.get_nowait()
            except queue.Empty:
                return plans
            plans.extend(self._take(message))

    def finish(self, timeout: float = FINISH_TIMEOUT) -> list[tuple[int, Plan]]:
        """Stop the helpers and return the plans they sent last.

        Waits until every helper that has sent a plan said it is done (or
        died), at most ``timeout`` seconds; a helper still starting up has
        nothing to give and is not waited for. Helpers still running then
        are terminated.
        """
        self._stop.set()
        plans = self.poll(force=True)
        deadline = time.perf_counter() + timeout
        while self._open & self._heard and time.perf_counter() < deadline:
            try:
                message = self._queue.get(timeout=0.05)
            except queue.Empty:
                self._open -= {
                    k for k, p in enumerate(self._procs, 1) if not p.is_alive()
                }
                continue
            plans.extend(self._take(message))
        self.close()
        return plans

    def close(self) -> None:
        """Stop and reap every helper (idempotent)."""
        self._stop.set()
        for proc in self._procs:
            proc.join(timeout=1.0)
            if proc.is_alive():
                proc.terminate()
                proc.join(timeout=1.0)
        self._queue.close()
        self._queue.cancel_join_thread()
        for inbox in self._inboxes:  # a helper that never read it: let go
            inbox.close()
            inbox.cancel_join_thread()

    def _take(self, message: tuple[Any, ...]) -> list[tuple[int, Plan]]:
        kind, index = message[0], message[1]
        self._heard.add(index)
        if kind == "plan":
            self.plans_received += 1
            self.best_received = max(self.best_received, message[2])
            return [(message[2], message[3])]
        self._open.discard(index)
        if kind == "error":
            self.errors.append(message[2])
            log.warning("solver helper %d failed:\n%s", index, message[2])
        return []


class _HelperStop:
    """A helper's stopping criterion: the main search stopped, or is gone."""

    def __init__(self, event: EventType) -> None:
        self.event = event
        self.parent = multiprocessing.parent_process()
        self._next_check = 0.0

    def __call__(self, best_score: int) -> bool:
        if self.event.is_set():
            return True
        now = time.perf_counter()
        if now >= self._next_check:
            self._next_check = now + 0.5
            if self.parent is not None and not self.parent.is_alive():
                self.event.set()
                return True
        return False


def _helper(
    inbox: multiprocessing.Queue[ProblemData],
    params: SolveParams,
    seed: int,
    index: int,
    stop: EventType,
    out: multiprocessing.Queue[tuple[Any, ...]],
) -> None:
    """Body of helper process ``index``: read the instance from ``inbox``,
    search, sending each new best plan."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        data = inbox.get()
        # imported here so that ``default_workers`` stays cheap to import (the
        # benchmark driver reads it); search.py never imports this module
        from lrplanner.solver.search import search

        def send(score: int, plan: Plan) -> None:
            out.put(("plan", index, score, plan.copy()))

        search(data, _HelperStop(stop), params=params, seed=seed, on_best=send)
        out.put(("done", index))
    except BaseException:  # noqa: BLE001 - reported to the main process
        out.put(("error", index, traceback.format_exc()))
