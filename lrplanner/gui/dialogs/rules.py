"""RulesDialog: the project's planning rules (session lengths, value weights)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from lrplanner.core.rules import PlanningRules, SessionRules, ValueRules

#: (field, label, tooltip) of each session length, in minutes.
SESSIONS = (
    ("opening_min", "Opening session:", "First thing on day 1, at the start place."),
    (
        "reflection_min",
        "Daily reflection:",
        "At the end of every visiting day, where the group sleeps.",
    ),
    (
        "innovation_min",
        "Innovation Plan workshop:",
        "First thing on the last full day (the day before the last).",
    ),
    ("closing_min", "Closing session:", "Last thing on the last day, at the end."),
)


class RulesDialog(QDialog):
    """Edits the planning rules saved with the project (one undo step)."""

    def __init__(self, rules: PlanningRules, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Planning rules")
        form = QFormLayout(self)
        form.addRow(QLabel("Saved with this project; re-plan (F5) to use them."))
        self.minutes: dict[str, QSpinBox] = {}
        for name, label, tip in SESSIONS:
            box = QSpinBox()
            box.setRange(0, 360)
            box.setSingleStep(15)
            box.setSuffix(" min")
            box.setValue(getattr(rules.sessions, name))
            box.setAccessibleName(label.rstrip(":"))
            box.setToolTip(tip)
            self.minutes[name] = box
            form.addRow(label, box)
        value = rules.value
        self.theme_bonus = self._number(
            value.theme_bonus,
            (0.0, 100.0),
            "Value points for the first site on each theme.",
        )
        self.theme_decay = self._number(
            value.theme_decay,
            (0.0, 1.0),
            "Each further site on a theme earns this share of the one before.",
        )
        self.cost_weight = self._number(
            value.cost_weight,
            (0.0, 100.0),
            "Value points taken off per 1,000 of currency a site costs.",
        )
        form.addRow("Theme bonus:", self.theme_bonus)
        form.addRow("Theme decay:", self.theme_decay)
        form.addRow("Cost weight:", self.cost_weight)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(lambda: self.show_rules(PlanningRules()))
        form.addRow(buttons)

    @staticmethod
    def _number(value: float, bounds: tuple[float, float], tip: str) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(*bounds)
        box.setDecimals(2)
        box.setSingleStep(0.1)
        box.setValue(value)
        box.setToolTip(tip)
        box.setAccessibleName(tip)
        return box

    def show_rules(self, rules: PlanningRules) -> None:
        """Put ``rules`` in the fields."""
        for name, box in self.minutes.items():
            box.setValue(getattr(rules.sessions, name))
        self.theme_bonus.setValue(rules.value.theme_bonus)
        self.theme_decay.setValue(rules.value.theme_decay)
        self.cost_weight.setValue(rules.value.cost_weight)

    def rules(self) -> PlanningRules:
        """Return the rules as the fields say (the boxes keep them in range)."""
        sessions = SessionRules(
            **{name: box.value() for name, box in self.minutes.items()}
        )
        value = ValueRules(
            theme_bonus=self.theme_bonus.value(),
            theme_decay=self.theme_decay.value(),
            cost_weight=self.cost_weight.value(),
        )
        return PlanningRules(sessions=sessions, value=value)
