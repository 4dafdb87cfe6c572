"""BudgetPanel: the plan's costs by category and country, total against the cap.

With a Budget sheet (``Project.budget``) the category table sets each
category's actual against its planned amount, as the cost workbook's Summary
does: planned, actual, planned minus actual and % used, in red and marked
"over" where the actual is over its planned amount.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from lrplanner.core.budget_lines import planned_by_category
from lrplanner.core.costs import CostCategory
from lrplanner.gui import plain

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

    from lrplanner.core.budget_lines import PlannedAmount
    from lrplanner.core.costs import CostBreakdown

BAR = QColor("#3b7dd8")
OVER = QColor("#c0392b")
CAP = QColor("#222222")
AMOUNT_HEADERS = ("Category", "Amount")
BUDGET_HEADERS = ("Category", "Planned", "Actual", "Difference", "% used")
#: A category row against its planned amount: label, actual, planned.
BudgetRow = tuple[str, Decimal, Decimal | None]


def money(amount: Decimal, currency: str = "") -> str:
    """Return an amount rounded to whole units with thousands separators."""
    text = f"{amount.quantize(Decimal(1)):,}"
    return f"{text} {currency}".strip()


class BarChart(QWidget):
    """Horizontal bars of labelled amounts, with an optional cap line."""

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Cost chart")
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._bars: list[tuple[str, Decimal]] = []
        self._cap: Decimal | None = None

    def set_bars(self, bars: list[tuple[str, Decimal]], cap: Decimal | None) -> None:
        """Show ``bars`` (label, amount); draw ``cap`` as a line when given."""
        self._bars, self._cap = bars, cap
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._bars:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = max([amount for _, amount in self._bars] + [self._cap or Decimal(0)])
        label_w = min(230, self.width() // 3)
        row_h = max(16, min(30, self.height() // len(self._bars)))
        span = max(1, self.width() - label_w - 90)
        for number, (label, amount) in enumerate(self._bars):
            y = number * row_h
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(0, y, label_w - 6, row_h), _right, label)
            width = float(amount / top) * span if top else 0.0
            over = self._cap is not None and amount > self._cap
            painter.fillRect(
                QRectF(label_w, y + 3, width, row_h - 6), OVER if over else BAR
            )
            painter.drawText(
                QRectF(label_w + width + 4, y, 86, row_h), _left, money(amount)
            )
        if self._cap is not None and top:
            x = label_w + float(self._cap / top) * span
            painter.setPen(CAP)
            painter.drawLine(int(x), 0, int(x), len(self._bars) * row_h)
        painter.end()


_right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class BudgetPanel(QWidget):
    """Shows a core CostBreakdown: categories, countries, total vs budget cap."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("budget_panel")
        grid = QGridLayout(self)
        self.summary = plain.label("Plan the route to see its costs (F5).")
        self.summary.setAccessibleName("Budget summary")
        self.summary.setWordWrap(True)
        self.categories = _table("Costs by category", AMOUNT_HEADERS)
        self.countries = _table("Costs by country", ("Country", "Amount"))
        self.chart = BarChart()
        self.total_chart = BarChart()
        self.total_chart.setAccessibleName("Total against budget cap")
        self.total_chart.setMinimumHeight(70)
        grid.addWidget(self.summary, 0, 0, 1, 2)
        grid.addWidget(self.total_chart, 1, 0, 1, 2)
        grid.addWidget(self.categories, 2, 0)
        grid.addWidget(self.countries, 2, 1)
        grid.addWidget(self.chart, 3, 0, 1, 2)
        grid.setRowStretch(2, 3)
        grid.setRowStretch(3, 2)

    def show_costs(
        self, costs: CostBreakdown | None, budget: tuple[PlannedAmount, ...] = ()
    ) -> None:
        """Show ``costs`` (clear the panel when None), each category against
        its planned amount in ``budget`` when there is one."""
        if costs is None:
            self.summary.setText("Plan the route to see its costs (F5).")
            for table in (self.categories, self.countries):
                table.setRowCount(0)
            self.chart.set_bars([], None)
            self.total_chart.set_bars([], None)
            return
        self.summary.setText(_summary(costs))
        cats = [(str(c).capitalize(), a) for c, a in costs.by_category().items()]
        planned = planned_by_category(budget)
        if planned:
            _fill_budget(self.categories, budget_rows(costs, planned), costs)
        else:
            _set_headers(self.categories, AMOUNT_HEADERS)
            _fill(self.categories, cats, costs)
        _fill(self.countries, list(costs.by_country().items()), costs)
        self.chart.set_bars(cats, None)
        totals = [("Total with contingency", costs.total)]
        if costs.budget_cap is not None:
            totals.append(("Budget cap", costs.budget_cap))
        self.total_chart.set_bars(totals, costs.budget_cap)


def budget_rows(
    costs: CostBreakdown, planned: dict[CostCategory, Decimal]
) -> list[BudgetRow]:
    """Return the categories with a cost or a planned amount, in category
    order, then all of them (the subtotal, before contingency), as the cost
    workbook's Summary lists them."""
    actual = costs.by_category()
    rows: list[BudgetRow] = [
        (str(c).capitalize(), actual.get(c, Decimal(0)), planned.get(c))
        for c in CostCategory
        if c in actual or c in planned
    ]
    rows.append(("All categories", costs.subtotal, sum(planned.values(), Decimal(0))))
    return rows


def against(actual: Decimal, planned: Decimal | None) -> tuple[str, str, bool]:
    """Return the planned minus actual and the % used texts of a category,
    and whether its actual is over its planned amount (blank, not over,
    without one); the % says "over" too, so it is not told by colour alone."""
    if planned is None:
        return "", "", False
    over = actual > planned
    used = f"{actual / planned * 100:.0f} %" if planned > 0 else ""
    if over:
        used = f"{used} over".strip()
    return money(planned - actual), used, over


def _summary(costs: CostBreakdown) -> str:
    cur = costs.currency
    parts = [
        f"Total {money(costs.total, cur)} (subtotal {money(costs.subtotal)} + "
        f"{costs.contingency_pct} % contingency {money(costs.contingency)})",
        f"per participant {money(costs.per_participant, cur)}",
    ]
    if costs.budget_cap is not None:
        left = costs.budget_cap - costs.total
        state = (
            f"{money(left, cur)} left" if left >= 0 else f"OVER by {money(-left, cur)}"
        )
        parts.append(f"budget cap {money(costs.budget_cap, cur)}: {state}")
    return " · ".join(parts)


def _table(name: str, headers: tuple[str, ...]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setAccessibleName(name)
    _set_headers(table, headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table


def _set_headers(table: QTableWidget, headers: tuple[str, ...]) -> None:
    """Give ``table`` these columns: the first stretches, the others fit."""
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)


def _fill(
    table: QTableWidget, rows: list[tuple[str, Decimal]], costs: CostBreakdown
) -> None:
    rows = [*rows, ("Contingency", costs.contingency), ("Total", costs.total)]
    table.setRowCount(len(rows))
    for number, (label, amount) in enumerate(rows):
        table.setItem(number, 0, QTableWidgetItem(label))
        table.setItem(number, 1, _amount_item(money(amount, costs.currency)))


def _fill_budget(
    table: QTableWidget, rows: list[BudgetRow], costs: CostBreakdown
) -> None:
    """Fill the category table with planned, actual, difference and % used;
    contingency and the total follow with their actual only."""
    _set_headers(table, BUDGET_HEADERS)
    if (difference := table.horizontalHeaderItem(3)) is not None:
        difference.setToolTip("Planned minus actual: below zero when over")
    extra: list[BudgetRow] = [
        ("Contingency", costs.contingency, None),
        ("Total", costs.total, None),
    ]
    table.setRowCount(len(rows) + len(extra))
    for number, (label, actual, planned) in enumerate([*rows, *extra]):
        left, used, over = against(actual, planned)
        plan = "" if planned is None else money(planned, costs.currency)
        texts = (plan, money(actual, costs.currency), left, used)
        items = [QTableWidgetItem(label), *(_amount_item(t) for t in texts)]
        for column, item in enumerate(items):
            if over:
                item.setForeground(QBrush(OVER))
                item.setToolTip(f"{label}: over its planned amount")
            table.setItem(number, column, item)


def _amount_item(text: str) -> QTableWidgetItem:
    cell = QTableWidgetItem(text)
    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return cell
