"""ScenariosPanel: the project's scenarios, their comparison and the budget curve.

A view only: it shows rows and offers buttons; the scenarios controller
turns the buttons into edits and background runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lrplanner.gui import plain
from lrplanner.gui.models.table_model import Column, RecordTableModel
from lrplanner.gui.widgets.budget_curve import CurveChart, CurvePoint
from lrplanner.gui.widgets.budget_panel import money

if TYPE_CHECKING:
    from collections.abc import Sequence
    from decimal import Decimal

    from lrplanner.core.scenario import Scenario
    from lrplanner.exporters.scenarios_xlsx import ComparisonRow, CurveRow

DASH = "\u2013"


def _number(value: float | None, digits: int = 1) -> str:
    return DASH if value is None else f"{value:.{digits}f}"


def _share(share: float | None) -> str:
    return DASH if share is None else f"{share:.0%}"


def _money(amount: Decimal | None) -> str:
    return DASH if amount is None else money(amount)


def _cap(cap: Decimal | None) -> str:
    return "no cap" if cap is None else money(cap)


SCENARIO_COLUMNS: tuple[Column[Scenario], ...] = (
    Column("Scenario", "The scenario's name", lambda s: s.name),
    Column("Changes", "What it changes from the route", lambda s: s.describe()),
)
COMPARISON_COLUMNS: tuple[Column[ComparisonRow], ...] = (
    Column("Scenario", "The scenario's name", lambda r: r.name),
    Column("Changes", "What it changes from the route", lambda r: r.changes),
    Column("Value", "Learning value of its best plan", lambda r: _number(r.value)),
    Column("Visits", "Sites visited", lambda r: _number(r.visits, 0)),
    Column("Themes", "Themes covered", lambda r: _number(r.themes, 0)),
    Column("Countries", "Countries visited", lambda r: r.countries),
    Column("Travel h", "Hours travelling", lambda r: _number(r.travel_hours)),
    Column(
        "Hotel changes", "Nights in a new place", lambda r: _number(r.hotel_changes, 0)
    ),
    Column("Cost", "Total cost, contingency included", lambda r: _money(r.cost)),
    Column(
        "Per participant",
        "Cost per participant",
        lambda r: _money(r.cost_per_participant),
    ),
    Column(
        "Cap",
        "The budget cap it planned under",
        lambda r: _cap(r.budget_cap) if r.cap_known else DASH,
    ),
    Column(
        "Women", "Women among the presenting champions", lambda r: _share(r.women_share)
    ),
    Column(
        "Youth", "Youth among the presenting champions", lambda r: _share(r.youth_share)
    ),
    Column("Note", "Why there is no plan, or the rules it breaks", lambda r: r.note),
)
CURVE_COLUMNS: tuple[Column[CurveRow], ...] = (
    Column("Cap", "The budget cap", lambda r: _cap(r.cap)),
    Column("Value", "Learning value of the best plan", lambda r: _number(r.value)),
    Column("Visits", "Sites visited", lambda r: _number(r.visits, 0)),
    Column("Cost", "Its total cost", lambda r: _money(r.cost)),
    Column("Note", "Why there is no plan", lambda r: r.note),
)


def _table(name: str, model: RecordTableModel[object]) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    model.setParent(view)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _group(title: str, *widgets: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    for widget in widgets:
        layout.addWidget(widget)
    return box


class ScenariosPanel(QWidget):
    """The Scenarios tab: scenario list, comparison table, budget curve."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("scenarios_panel")
        self.scenario_model: RecordTableModel[Scenario] = RecordTableModel(
            SCENARIO_COLUMNS
        )
        self.comparison_model: RecordTableModel[ComparisonRow] = RecordTableModel(
            COMPARISON_COLUMNS
        )
        self.curve_model: RecordTableModel[CurveRow] = RecordTableModel(CURVE_COLUMNS)
        self.list = _table("scenario_list", self.scenario_model)  # type: ignore[arg-type]
        self.list.setAccessibleName("Scenarios of this route")
        self.comparison = _table("comparison_table", self.comparison_model)  # type: ignore[arg-type]
        self.comparison.setAccessibleName("The scenarios compared")
        self.curve_table = _table("curve_table", self.curve_model)  # type: ignore[arg-type]
        self.curve_table.setAccessibleName("Budget curve: value at each cap")
        self.chart = CurveChart()
        self.status = plain.label()
        self.status.setObjectName("scenarios_status")
        self.status.setAccessibleName("Scenario runs")
        self.status.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(self._button_row())
        layout.addWidget(self.status)
        layout.addWidget(self._views(), 1)

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for name, label, tip in (
            ("add", "Add…", "A named copy of the route with changed settings"),
            ("edit", "Edit…", "Change the selected scenario"),
            ("delete", "Delete", "Delete the selected scenario"),
            ("compare", "Compare", "Plan the route and every scenario side by side"),
            ("promote", "Promote…", "Make the selected compared scenario the route"),
            ("curve", "Budget curve", "The best plan's value at 8 budget caps"),
            ("stop", "Stop", "Stop the comparison or curve under way"),
            ("export", "Export…", "Write the comparison and curve to scenarios.xlsx"),
        ):
            button = QPushButton(label)
            button.setObjectName(f"scenario_{name}")
            button.setToolTip(tip)
            self.buttons[name] = button
            row.addWidget(button)
            if name in ("delete", "promote"):
                row.addSpacing(16)
        row.addStretch(1)
        return row

    def _views(self) -> QSplitter:
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(_group("Scenarios", self.list))
        curve = QSplitter(Qt.Orientation.Horizontal)
        curve.addWidget(self.chart)
        curve.addWidget(self.curve_table)
        curve.setSizes([520, 300])
        top.addWidget(_group("Value against budget", curve))
        top.setSizes([420, 820])
        whole = QSplitter(Qt.Orientation.Vertical)
        whole.addWidget(top)
        whole.addWidget(_group("Comparison", self.comparison))
        whole.setSizes([300, 300])
        return whole

    def show_scenarios(self, scenarios: Sequence[Scenario]) -> None:
        """List the project's scenarios."""
        self.scenario_model.set_rows(scenarios)
        self.list.resizeColumnToContents(0)

    def selected_scenario(self) -> Scenario | None:
        """Return the scenario selected in the list, if any."""
        return _selected(self.list, self.scenario_model)

    def show_comparison(self, rows: Sequence[ComparisonRow]) -> None:
        """Fill the comparison table."""
        self.comparison_model.set_rows(rows)
        header = self.comparison.horizontalHeader()
        header.resizeSections(QHeaderView.ResizeMode.ResizeToContents)

    def selected_comparison(self) -> int | None:
        """Return the row number selected in the comparison, if any."""
        rows = self.comparison.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def show_curve(self, rows: Sequence[CurveRow], currency: str = "") -> None:
        """Fill the curve table and draw the planned points."""
        self.curve_model.set_rows(rows)
        self.curve_table.resizeColumnsToContents()
        self.chart.set_points(
            [
                CurvePoint(_cap(r.cap), float(r.cost), r.value)
                for r in rows
                if r.cost is not None and r.value is not None
            ],
            currency,
        )


def _selected(view: QTableView, model: RecordTableModel[Scenario]) -> Scenario | None:
    rows = view.selectionModel().selectedRows()
    return model.row(rows[0].row()) if rows else None
