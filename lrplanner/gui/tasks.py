"""Background work: one worker thread, queued results, polled progress, cancel.

The worker function gets a :class:`TaskState` and plain values (an immutable
Project snapshot), never widgets: no UI call may run off the main thread.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from lrplanner.gui.signals import emit
from lrplanner.solver.stop import CancelToken

if TYPE_CHECKING:
    from collections.abc import Callable

log = logging.getLogger(__name__)
POLL_MS = 100


class TaskState:
    """What a running task shares with the main thread: progress and cancel."""

    def __init__(self) -> None:
        self.cancel = CancelToken()
        self.superseded = False
        # A single attribute write per report: the main thread polls it, so
        # a fast solver can never flood the event loop.
        self.progress: object | None = None

    def report(self, progress: object) -> None:
        """Record the latest progress (called on the worker thread)."""
        self.progress = progress


class TaskRunner(QObject):
    """Runs tasks one at a time on a single worker thread."""

    _finished = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lrp")
        self._current: TaskState | None = None
        self._busy = 0
        # Queued: the done callback fires on the worker thread; the handler
        # must run on the main thread (Anki's run_on_main).
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    def is_busy(self) -> bool:
        """Return whether a task is queued or running."""
        return self._busy > 0

    def cancel(self) -> None:
        """Ask the running task to stop early (it still reports its result)."""
        if self._current is not None:
            self._current.cancel.cancel()

    def submit(
        self, fn: Callable[[TaskState], Any], done: Callable[[Future], None]
    ) -> TaskState:
        """Run ``fn(state)`` in the background; ``done(future)`` on the main thread."""
        if self._current is not None:
            # Starting anew makes the old result stale: drop it (Orange).
            self._current.superseded = True
            self._current.cancel.cancel()
        state = TaskState()
        self._current = state
        self._busy += 1
        future = self._executor.submit(fn, state)
        future.add_done_callback(lambda f: emit(self._finished, done, f))
        return state

    def _on_finished(self, done: Callable[[Future], None], future: Future) -> None:
        self._busy -= 1
        done(future)

    def shutdown(self) -> None:
        """Cancel the running task and wait for the worker to end."""
        self.cancel()
        self._executor.shutdown(wait=True, cancel_futures=True)


class Task:
    """A fluent background call: ``Task(runner, fn).success(cb).run()``."""

    def __init__(self, runner: TaskRunner, fn: Callable[[TaskState], Any]) -> None:
        self._runner = runner
        self._fn = fn
        self._on_progress: Callable[[object], None] | None = None
        self._on_success: Callable[[Any], None] = lambda _result: None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._timer: QTimer | None = None

    def with_progress(self, on_progress: Callable[[object], None]) -> Task:
        """Call ``on_progress(latest)`` every 100 ms on the main thread."""
        self._on_progress = on_progress
        return self

    def success(self, on_success: Callable[[Any], None]) -> Task:
        """Call ``on_success(result)`` on the main thread when ``fn`` returns."""
        self._on_success = on_success
        return self

    def failure(self, on_failure: Callable[[BaseException], None]) -> Task:
        """Call ``on_failure(error)`` on the main thread when ``fn`` raises."""
        self._on_failure = on_failure
        return self

    def run(self) -> TaskState:
        """Start the task; return its state (to cancel it or read progress)."""
        self._state = self._runner.submit(self._fn, self._on_done)
        if self._on_progress is not None:
            self._timer = QTimer(self._runner)
            self._timer.setInterval(POLL_MS)
            self._timer.timeout.connect(self._poll)
            self._timer.start()
        return self._state

    def _poll(self) -> None:
        if self._on_progress is not None and self._state.progress is not None:
            self._on_progress(self._state.progress)

    def _on_done(self, future: Future) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer.deleteLater()
        if self._state.superseded or future.cancelled():
            return
        error = future.exception()
        if error is None:
            self._on_success(future.result())
        elif self._on_failure is not None:
            self._on_failure(error)
        else:
            log.error("background task failed", exc_info=error)
            raise error
