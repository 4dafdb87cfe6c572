"""PlanProgress: status-bar progress of a running plan with a Cancel button."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
)

if TYPE_CHECKING:
    from collections.abc import Callable


class PlanProgress(QWidget):
    """Shows the solver's SolveProgress: best value so far and time used."""

    def __init__(self, on_cancel: Callable[[], None]) -> None:
        super().__init__()
        self.setObjectName("plan_progress")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setAccessibleName("Planning progress")
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Planning time used")
        self.bar.setFixedWidth(160)
        self.bar.setTextVisible(False)
        self.cancel = QPushButton("Cancel (Esc)")
        self.cancel.setAccessibleName("Cancel planning")
        self.cancel.setToolTip("Stop now and keep the best plan found so far")
        self.cancel.clicked.connect(on_cancel)
        self.cancel.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        for widget in (self.label, self.bar, self.cancel):
            layout.addWidget(widget)
        self._seconds = 1.0
        self.setVisible(False)

    def start(self, seconds: float) -> None:
        """Show the widget for a plan of up to ``seconds``."""
        self._seconds = max(seconds, 0.1)
        self.bar.setRange(0, 1000)
        self.bar.setValue(0)
        self.label.setText("Planning… looking for a first plan")
        self.cancel.setEnabled(True)
        self.setVisible(True)

    def show_progress(self, best_value: float, elapsed: float) -> None:
        """Show the best learning value found so far and the time used."""
        self.bar.setValue(min(1000, int(1000 * elapsed / self._seconds)))
        if best_value > 0:
            self.label.setText(
                f"Planning… best value so far {best_value:.1f} ({elapsed:.0f} s)"
            )

    def show_cancelling(self) -> None:
        """Say that the plan is stopping and the best plan will be kept."""
        self.label.setText("Stopping… keeping the best plan found so far")
        self.cancel.setEnabled(False)

    def stop(self) -> None:
        """Hide the widget."""
        self.setVisible(False)
