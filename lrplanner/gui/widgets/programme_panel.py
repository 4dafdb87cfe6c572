"""The Programme tab: a lane per route over the days, and the conflicts list.

Every text here (route and host names, messages) is user text: table items
and plain labels show it as text, tooltips escape it (:mod:`lrplanner.gui.plain`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lrplanner.gui import plain
from lrplanner.gui.programme_calendar import Calendar, Cell, calendar
from lrplanner.gui.signals import emit

if TYPE_CHECKING:
    from datetime import date

    from lrplanner.core.programme import Programme

ONE_ROUTE = (
    "This project is one route. To plan several routes that share hosts and "
    "champions, use File ▸ Add route to programme…: each route then has a "
    "lane here, and a host or champion two routes book on one day is listed."
)
CONFLICT = QColor(255, 205, 195)
OUTSIDE = QColor(235, 235, 235)
CONFLICT_COLUMNS = ("Day", "Rule", "Routes", "What")
ROUTES_WIDTH = 320  # px: long route names are in the tooltip


def _table(name: str) -> QTableWidget:
    table = QTableWidget()
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    return table


def _item(text: str, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if tip:
        item.setToolTip(plain.tooltip(tip))
    return item


class ProgrammePanel(QWidget):
    """Shows a programme: the calendar of its routes and its conflicts.

    ``day_chosen(route index, date)``: a lane's cell or a conflict was
    double-clicked (a conflict: its first route).
    """

    day_chosen = Signal(int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programme_panel")
        self._programme: Programme | None = None
        self._shown = Calendar((), (), ())
        self.note = plain.label()
        self.note.setWordWrap(True)
        self.lanes = _table("Programme calendar")
        self.lanes.horizontalHeader().setDefaultSectionSize(58)
        self.summary = plain.label()
        self.conflicts = _table("Programme conflicts")
        self.conflicts.setColumnCount(len(CONFLICT_COLUMNS))
        self.conflicts.setHorizontalHeaderLabels(list(CONFLICT_COLUMNS))
        self.conflicts.horizontalHeader().setStretchLastSection(True)
        self.conflicts.setSelectionBehavior(
            QAbstractItemView.SelectionBehavior.SelectRows
        )
        lower = QWidget()
        below = QVBoxLayout(lower)
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(self.summary)
        below.addWidget(self.conflicts)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.lanes)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        self.plan_all = QPushButton("Plan all routes")
        self.plan_all.setToolTip(
            "Plan every route in turn, each with the other routes' bookings "
            "closed, then hand hosts over where another route values them more "
            "(one undo step; the planning time of Preferences per plan)"
        )
        self.stop = QPushButton("Stop")
        self.stop.setToolTip("Stop planning; the routes keep their plans")
        self.stop.setEnabled(False)
        self.status = plain.label()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.plan_all)
        buttons.addWidget(self.stop)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        layout.addWidget(split)
        self.lanes.cellDoubleClicked.connect(self._on_lane_cell)
        self.conflicts.cellDoubleClicked.connect(self._on_conflict)

    def _on_lane_cell(self, row: int, column: int) -> None:
        if row < len(self._shown.lanes) and column < len(self._shown.days):
            emit(self.day_chosen, row, self._shown.days[column])

    def _on_conflict(self, row: int, _column: int) -> None:
        programme = self._programme
        if programme is None or row >= len(self._shown.conflicts):
            return
        conflict = self._shown.conflicts[row]
        names = programme.names
        if conflict.routes[0] in names:
            emit(self.day_chosen, names.index(conflict.routes[0]), conflict.day)

    def show_programme(self, programme: Programme | None) -> None:
        """Show ``programme`` (redrawn only when it is another one)."""
        if programme is self._programme:
            return
        self._programme = programme
        if programme is None:
            self.note.setText("No project is open.")
            self._fill(Calendar((), (), ()))
            return
        self.note.setText(_note(programme))
        self._fill(calendar(programme))

    def _fill(self, shown: Calendar) -> None:
        self._shown = shown
        self._fill_lanes(shown)
        self._fill_conflicts(shown)

    def _fill_lanes(self, shown: Calendar) -> None:
        table = self.lanes
        table.clear()
        table.setRowCount(len(shown.lanes))
        table.setColumnCount(len(shown.days))
        table.setHorizontalHeaderLabels([_day_label(d) for d in shown.days])
        rows = [
            f"{lane.name}{'' if lane.planned else ' (not planned)'}"
            for lane in shown.lanes
        ]
        table.setVerticalHeaderLabels(rows)
        for row, lane in enumerate(shown.lanes):
            for column, cell in enumerate(lane.cells):
                table.setItem(row, column, _cell_item(cell, shown.days[column]))
        table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )

    def _fill_conflicts(self, shown: Calendar) -> None:
        found = shown.conflicts
        count = len(found)
        self.summary.setText(
            "Conflicts: none."
            if not count
            else f"Conflicts: {count} (marked ! in the calendar)."
        )
        table = self.conflicts
        table.setRowCount(count)
        for row, conflict in enumerate(found):
            a, b = conflict.routes
            texts = (
                conflict.day.isoformat(),
                conflict.rule,
                f"{a} and {b}",
                conflict.message,
            )
            for column, text in enumerate(texts):
                table.setItem(row, column, _item(text, conflict.message))
        table.resizeColumnsToContents()
        table.setColumnWidth(2, min(table.columnWidth(2), ROUTES_WIDTH))
        table.horizontalHeader().setStretchLastSection(True)


def _note(programme: Programme) -> str:
    count = len(programme.routes)
    if count == 1:
        return ONE_ROUTE
    return (
        f"{count} routes sharing {len(programme.sites)} host sites and "
        f"{len(programme.champions)} champions. Each cell is the visits of the "
        "route that day (hover for the hosts); ! marks a day two routes break "
        "a programme rule, listed below. Pick the route to edit or plan under "
        "Route (right of the tabs): F5 plans it with the other routes' "
        "bookings closed."
    )


def _day_label(day: date) -> str:
    return f"{day:%a}\n{day.day} {day:%b}"


def _cell_item(cell: Cell, day: date) -> QTableWidgetItem:
    lines = [f"{day:%a} {day.day} {day:%b %Y}"]
    if not cell.in_route:
        lines.append("not a day of this route")
    elif cell.hosts:
        lines.append("Hosts: " + ", ".join(cell.hosts))
    else:
        lines.append("no visit")
    lines.extend(f"Conflict: {message}" for message in cell.conflicts)
    item = _item(cell.text, "\n".join(lines))
    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    if cell.conflicts or not cell.in_route:
        item.setBackground(QBrush(CONFLICT if cell.conflicts else OUTSIDE))
        item.setForeground(QBrush(QColor(0, 0, 0)))  # readable in a dark theme too
    return item
