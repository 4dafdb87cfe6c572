"""PlanProgress: status-bar progress of a running plan with a Cancel button."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from lrplanner.gui import plain

if TYPE_CHECKING:
    from collections.abc import Callable

TICK_MS = 200


class PlanProgress(QWidget):
    """Shows the solver's SolveProgress: best value so far and time used."""

    def __init__(self, on_cancel: Callable[[], None]) -> None:
        super().__init__()
        self.setObjectName("plan_progress")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = plain.label()
        self.label.setAccessibleName("Planning progress")
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Planning time used")
        self.bar.setFixedWidth(160)
        self.bar.setTextVisible(False)
        self.bar.setRange(0, 1000)
        self.cancel = QPushButton("Cancel (Esc)")
        self.cancel.setAccessibleName("Cancel planning")
        self.cancel.setToolTip("Stop now and keep the best plan found so far")
        self.cancel.clicked.connect(on_cancel)
        self.cancel.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        for widget in (self.label, self.bar, self.cancel):
            layout.addWidget(widget)
        # The bar follows the wall clock: the planner reports nothing while it
        # builds its model, and its own clock restarts for each repair round.
        self._clock = QTimer(self)
        self._clock.setInterval(TICK_MS)
        self._clock.timeout.connect(self._on_clock_timeout)
        self._seconds = 1.0
        self._started = 0.0
        self._best = 0.0
        self._cancelling = False
        self.setVisible(False)

    def start(self, seconds: float) -> None:
        """Show the widget for a plan of up to ``seconds``."""
        self._seconds = max(seconds, 0.1)
        self._started = time.monotonic()
        self._best = 0.0
        self._cancelling = False
        self.bar.setValue(0)
        self.label.setText("Planning… looking for a first plan")
        self.cancel.setEnabled(True)
        self.setVisible(True)
        self._clock.start()

    def show_progress(self, best_value: float, _elapsed: float = 0.0) -> None:
        """Record the best learning value found so far."""
        self._best = max(self._best, best_value)
        self._on_clock_timeout()

    def show_cancelling(self) -> None:
        """Say that the plan is stopping and the best plan will be kept."""
        self._cancelling = True
        self.label.setText("Stopping… keeping the best plan found so far")
        self.cancel.setEnabled(False)

    def stop(self) -> None:
        """Hide the widget."""
        self._clock.stop()
        self.setVisible(False)

    def _on_clock_timeout(self) -> None:
        elapsed = time.monotonic() - self._started
        self.bar.setValue(min(1000, int(1000 * elapsed / self._seconds)))
        if self._cancelling or self._best <= 0:
            return
        self.label.setText(
            f"Planning… best value so far {self._best:.1f} ({elapsed:.0f} s)"
        )
