"""PreferencesDialog: planning time and random seed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)


class PreferencesDialog(QDialog):
    """Edits the planning preferences (search seconds, seed) kept in QSettings."""

    def __init__(
        self, seconds: float, seed: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        form = QFormLayout(self)
        self.seconds = QDoubleSpinBox()
        self.seconds.setRange(1.0, 600.0)
        self.seconds.setDecimals(0)
        self.seconds.setSuffix(" s")
        self.seconds.setValue(seconds)
        self.seconds.setAccessibleName("Planning time in seconds")
        self.seconds.setToolTip(
            "How long planning may take in all: preparing the route, then "
            "searching for a better plan."
        )
        self.seed = QSpinBox()
        self.seed.setRange(0, 1_000_000)
        self.seed.setValue(seed)
        self.seed.setAccessibleName("Random seed")
        self.seed.setToolTip("The same seed and time give the same plan.")
        form.addRow("Planning time:", self.seconds)
        form.addRow("Random seed:", self.seed)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
