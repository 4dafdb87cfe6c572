"""Reading a workbook, CSV folder, project or programme file off the main thread.

A large or slow file (a network drive, a sheet with a million formatted rows)
must not freeze the window. :class:`FileLoader` reads on its own worker thread
(not the planner's, so opening a file never cancels a running plan by accident)
and shows a busy bar with a Cancel button in the status bar. Cancel gives the
window back at once: the read is abandoned and its result, when it arrives,
is dropped; the open project stays as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from lrplanner.gui import plain, reading
from lrplanner.gui.tasks import Task, TaskRunner, TaskState

if TYPE_CHECKING:
    from pathlib import Path

    from lrplanner.importers import ImportResult


class LoadProgress(QWidget):
    """Status-bar busy bar while a file is read: its name and a Cancel button."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("load_progress")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = plain.label()
        self.label.setAccessibleName("Reading progress")
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Reading the file")
        self.bar.setFixedWidth(120)
        self.bar.setTextVisible(False)
        self.bar.setRange(0, 0)  # busy: a read reports no fraction
        self.cancel = QPushButton("Cancel")
        self.cancel.setAccessibleName("Cancel reading")
        self.cancel.setToolTip("Stop reading; the open project stays as it is")
        self.cancel.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        for widget in (self.label, self.bar, self.cancel):
            layout.addWidget(widget)
        self.setVisible(False)

    def start(self, path: Path) -> None:
        """Show the bar for reading ``path``."""
        self.label.setText(f"Reading {path.name}…")
        self.setVisible(True)

    def stop(self) -> None:
        """Hide the bar."""
        self.setVisible(False)


class FileLoader(QObject):
    """Reads one file at a time in the background; a new read replaces the old.

    Signals: ``loaded(path, result)`` when a read ends (the result may hold
    only errors), ``failed(path, message)`` if reading raised, ``cancelled(path)``
    when the user gave up, and ``settled()`` after any of the three.
    """

    loaded = Signal(object, object)
    failed = Signal(object, str)
    cancelled = Signal(object)
    settled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = TaskRunner(self)
        self.progress = LoadProgress()
        self.progress.cancel.clicked.connect(self.cancel)
        self._state: TaskState | None = None
        self._path: Path | None = None

    def is_loading(self) -> bool:
        """Return whether a read is under way (and not cancelled)."""
        return self._state is not None

    def load(self, path: Path) -> None:
        """Start reading ``path``; ``loaded`` or ``failed`` follows."""
        self._path = path
        self.progress.start(path)
        task = Task(self._runner, lambda _state: reading.read(path))
        # The callbacks look the state up when they run, after run() set it.
        task.success(lambda r: self._done(state, r))
        task.failure(lambda e: self._failed(state, e))
        state = task.run()
        self._state = state

    def cancel(self) -> None:
        """Give up the current read: its result will be dropped."""
        if self._state is None:
            return
        self._state.superseded = True
        self._state.cancel.cancel()
        self._state = None
        self.progress.stop()
        self.cancelled.emit(self._path)
        self.settled.emit()

    def shutdown(self) -> None:
        """Drop any read and end the worker thread."""
        if self._state is not None:
            self._state.superseded = True
        self._state = None
        self._runner.shutdown()

    def _done(self, state: TaskState, result: ImportResult) -> None:
        if state is not self._state:
            return
        self._state = None
        self.progress.stop()
        self.loaded.emit(self._path, result)
        self.settled.emit()

    def _failed(self, state: TaskState, error: BaseException) -> None:
        if state is not self._state:
            return
        self._state = None
        self.progress.stop()
        self.failed.emit(self._path, f"{type(error).__name__}: {error}")
        self.settled.emit()
