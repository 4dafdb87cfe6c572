"""IndicatorsPanel: the headline figures of a plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from lrplanner.gui import plain
from lrplanner.gui.widgets.budget_panel import money

if TYPE_CHECKING:
    from lrplanner.core.indicators import Indicators

DASH = "\u2013"
TARGET_SHARE = 0.40  # programme targets: 40 % women, 40 % youth among champions
ROWS = (
    "Learning value",
    "Sites visited",
    "Themes covered",
    "Countries",
    "Travel hours",
    "Cost per participant",
    "Presenting champions",
    "Women among champions",
    "Youth among champions",
)


class IndicatorsPanel(QWidget):
    """Shows core Indicators: value, coverage, travel, cost, champion shares."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("indicators_panel")
        form = QFormLayout(self)
        self.labels: dict[str, QLabel] = {}
        for name in ROWS:
            label = plain.label(DASH)
            label.setAccessibleName(name)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(f"{name}:", label)
            self.labels[name] = label

    def show_indicators(self, values: Indicators | None, currency: str = "") -> None:
        """Show ``values`` (dashes when None)."""
        texts = _texts(values, currency) if values else dict.fromkeys(ROWS, DASH)
        for name, text in texts.items():
            self.labels[name].setText(text)


def _texts(values: Indicators, currency: str) -> dict[str, str]:
    return {
        "Learning value": f"{values.value:.1f}",
        "Sites visited": str(values.sites_visited),
        "Themes covered": f"{len(values.themes)}: {', '.join(values.themes)}",
        "Countries": ", ".join(values.countries),
        "Travel hours": f"{values.travel_hours:.1f} h",
        "Cost per participant": money(values.cost_per_participant, currency),
        "Presenting champions": str(values.champions),
        "Women among champions": _share(values.women_share),
        "Youth among champions": _share(values.youth_share),
    }


def _share(share: float) -> str:
    verdict = "meets" if share >= TARGET_SHARE else "below"
    return f"{share:.0%} ({verdict} the {TARGET_SHARE:.0%} target)"
