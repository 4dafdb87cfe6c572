"""The Budget tab sets each category's actual against its planned amount."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from lrplanner.core.costs import CostCategory
from lrplanner.gui.widgets.budget_panel import (
    AMOUNT_HEADERS,
    BUDGET_HEADERS,
    OVER,
    BudgetPanel,
    money,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableWidget
    from pytestqt.qtbot import QtBot

    from lrplanner.core.budget_lines import PlannedAmount
    from lrplanner.core.project import Project
    from lrplanner.gui.main_window import MainWindow
    from lrplanner.planner.plan import PlanOutcome


def _headers(table: QTableWidget) -> tuple[str, ...]:
    return tuple(
        table.horizontalHeaderItem(c).text()  # type: ignore[union-attr]
        for c in range(table.columnCount())
    )


def _rows(table: QTableWidget) -> dict[str, list[str]]:
    return {
        table.item(r, 0).text(): [  # type: ignore[union-attr]
            table.item(r, c).text()  # type: ignore[union-attr]
            for c in range(1, table.columnCount())
        ]
        for r in range(table.rowCount())
    }


def _red(table: QTableWidget, label: str) -> bool:
    """Whether every cell of the row ``label`` has the over-budget colour."""
    row = next(
        r
        for r in range(table.rowCount())
        if table.item(r, 0).text() == label  # type: ignore[union-attr]
    )
    return all(
        table.item(row, c).foreground().color() == OVER  # type: ignore[union-attr]
        for c in range(table.columnCount())
    )


def _with_per_diem(
    budget: tuple[PlannedAmount, ...], amount: int
) -> tuple[PlannedAmount, ...]:
    return tuple(
        replace(line, amount=Decimal(amount))
        if line.category is CostCategory.PER_DIEM
        else line
        for line in budget
    )


def test_planned_amounts_are_shown_against_the_plans_cost(
    qtbot: QtBot, planned: Project, outcome: PlanOutcome
) -> None:
    """Tests the Mekong Budget sheet: every category's planned amount, its
    actual, planned minus actual and % used; per diem planned at 1,000 is
    over, in red with the word "over"; a category within its amount is not."""
    costs = outcome.report.costs
    assert planned.budget
    budget = _with_per_diem(planned.budget, 1000)
    panel = BudgetPanel()
    qtbot.addWidget(panel)
    panel.show_costs(costs, budget)
    table = panel.categories
    assert _headers(table) == BUDGET_HEADERS
    rows = _rows(table)
    actual = costs.by_category()
    cur = costs.currency
    for line in budget:
        label = str(line.category).capitalize()
        spent = actual.get(line.category, Decimal(0))
        assert rows[label][:3] == [
            money(line.amount, cur),
            money(spent, cur),
            money(line.amount - spent),
        ]
    per_diem = actual[CostCategory.PER_DIEM]
    assert per_diem > 1000
    used = rows["Per diem"][3]
    assert used == f"{per_diem / 10:.0f} % over"
    assert _red(table, "Per diem")
    within = next(
        str(line.category).capitalize()
        for line in budget
        if actual.get(line.category, Decimal(0)) <= line.amount
    )
    assert "over" not in rows[within][3]
    assert not _red(table, within)
    assert rows["Total"][:2] == ["", money(costs.total, cur)]


def test_without_a_budget_sheet_the_table_is_as_before(
    qtbot: QtBot, outcome: PlanOutcome
) -> None:
    """Tests that with no planned amounts the table has Category and Amount
    only, also after showing a project that had them."""
    costs = outcome.report.costs
    panel = BudgetPanel()
    qtbot.addWidget(panel)
    panel.show_costs(costs, outcome.project.budget)
    assert panel.categories.columnCount() == len(BUDGET_HEADERS)
    panel.show_costs(costs, ())
    assert _headers(panel.categories) == AMOUNT_HEADERS
    rows = _rows(panel.categories)
    assert rows["Total"] == [money(costs.total, costs.currency)]
    assert "All categories" not in rows


def test_the_window_shows_the_projects_budget_sheet(
    window: MainWindow, planned: Project
) -> None:
    """Tests that the Budget tab of the window uses the project's Budget sheet."""
    window.document.open(planned, None)
    assert _headers(window.results.budget.categories) == BUDGET_HEADERS
    window.document.open(planned.with_changes(budget=()), None)
    assert _headers(window.results.budget.categories) == AMOUNT_HEADERS
