"""The toolbar's route picker: "Route: <name>" for a programme of several routes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSizePolicy, QWidget

from lrplanner.gui import plain

if TYPE_CHECKING:
    from collections.abc import Sequence


class RoutePicker(QWidget):
    """A label and a combo box of the programme's routes.

    ``chosen(index)`` is a route the user picked (not one set by
    :meth:`show_routes`).
    """

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("route_picker")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        self.label = plain.label("Route:")
        self.combo = QComboBox()
        self.combo.setAccessibleName("Route shown")
        self.combo.setToolTip("The route of the programme the views show and F5 plans")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.label.setBuddy(self.combo)
        layout.addWidget(self.label)
        layout.addWidget(self.combo)
        self.combo.activated.connect(self.chosen)

    def show_routes(self, names: Sequence[str], current: int) -> None:
        """List ``names`` (item text is plain text) with ``current`` selected."""
        if [self.combo.itemText(i) for i in range(self.combo.count())] != list(names):
            self.combo.blockSignals(True)
            self.combo.clear()
            self.combo.addItems(list(names))
            self.combo.blockSignals(False)
        self.combo.setCurrentIndex(current)

    def current_name(self) -> str:
        """Return the name of the route shown."""
        return self.combo.currentText()
