"""Background work: one worker thread, queued results, polled progress, cancel.

The worker function gets a :class:`TaskState` and plain values (an immutable
Project snapshot), never widgets: no UI call may run off the main thread.

Tasks run one at a time, in the order submitted. Each belongs to a
*channel*: a new task replaces (cancels, and drops the result of) the
running or queued task of its own channel only, so a new plan replaces a
plan while an export waits behind it. Every task ends in exactly one of
success, failure or cancelled (replaced counts as cancelled).
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from lrplanner.gui.signals import emit
from lrplanner.solver.stop import CancelToken

if TYPE_CHECKING:
    from collections.abc import Callable

log = logging.getLogger(__name__)
POLL_MS = 100
T = TypeVar("T")
#: The channel of tasks that do not say: one at a time replaces the last.
DEFAULT_CHANNEL = "default"


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
        self._current: dict[str, TaskState] = {}
        self._busy = 0
        # Queued: the done callback fires on the worker thread; the handler
        # must run on the main thread (Anki's run_on_main).
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    def is_busy(self) -> bool:
        """Return whether a task is queued or running."""
        return self._busy > 0

    def cancel(self, channel: str | None = None) -> None:
        """Ask the unfinished task of ``channel`` (None: of every channel) to
        stop early; it still reports its result."""
        for name, state in self._current.items():
            if channel is None or name == channel:
                state.cancel.cancel()

    def current(self, channel: str = DEFAULT_CHANNEL) -> TaskState | None:
        """Return the unfinished task of a channel, if any."""
        return self._current.get(channel)

    def submit(
        self,
        fn: Callable[[TaskState], Any],
        done: Callable[[Future], None],
        channel: str = DEFAULT_CHANNEL,
    ) -> TaskState:
        """Run ``fn(state)`` in the background; ``done(future)`` on the main
        thread. An unfinished task of the same channel is replaced."""
        old = self._current.get(channel)
        if old is not None:
            # Starting anew makes the old result stale: drop it (Orange).
            old.superseded = True
            old.cancel.cancel()
        state = TaskState()
        self._current[channel] = state
        self._busy += 1
        future = self._executor.submit(fn, state)
        future.add_done_callback(
            lambda f: emit(self._finished, (done, channel, state), f)
        )
        return state

    def _on_finished(
        self, call: tuple[Callable[[Future], None], str, TaskState], future: Future
    ) -> None:
        done, channel, state = call
        self._busy -= 1
        if self._current.get(channel) is state:
            del self._current[channel]
        done(future)

    def shutdown(self) -> None:
        """Cancel the running task and wait for the worker to end."""
        self.cancel()
        self._executor.shutdown(wait=True, cancel_futures=True)


class Task(Generic[T]):
    """A fluent background call: ``Task(runner, fn).success(cb).run()``.

    ``channel`` names the work it replaces (see the module docstring)."""

    def __init__(
        self,
        runner: TaskRunner,
        fn: Callable[[TaskState], T],
        channel: str = DEFAULT_CHANNEL,
    ) -> None:
        self._runner = runner
        self._fn = fn
        self._channel = channel
        self._on_progress: Callable[[object], None] | None = None
        self._on_success: Callable[[T], None] = lambda _result: None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._on_cancelled: Callable[[], None] = lambda: None
        self._timer: QTimer | None = None

    def with_progress(self, on_progress: Callable[[object], None]) -> Task[T]:
        """Call ``on_progress(latest)`` every 100 ms on the main thread."""
        self._on_progress = on_progress
        return self

    def success(self, on_success: Callable[[T], None]) -> Task[T]:
        """Call ``on_success(result)`` on the main thread when ``fn`` returns."""
        self._on_success = on_success
        return self

    def failure(self, on_failure: Callable[[BaseException], None]) -> Task[T]:
        """Call ``on_failure(error)`` on the main thread when ``fn`` raises."""
        self._on_failure = on_failure
        return self

    def cancelled(self, on_cancelled: Callable[[], None]) -> Task[T]:
        """Call ``on_cancelled()`` on the main thread when the task was
        replaced by a newer one of its channel before it ended."""
        self._on_cancelled = on_cancelled
        return self

    def run(self) -> TaskState:
        """Start the task; return its state (to cancel it or read progress)."""
        self._state = self._runner.submit(self._fn, self._on_done, self._channel)
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
            self._on_cancelled()
            return
        error = future.exception()
        if error is None:
            self._on_success(future.result())
        elif self._on_failure is not None:
            self._on_failure(error)
        else:
            log.error("background task failed", exc_info=error)
            raise error
