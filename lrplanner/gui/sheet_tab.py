"""SheetTab: one input sheet as an editable table with Add row and Delete row."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from lrplanner.gui.models.sheet_edit import SheetTableModel


class SheetTab(QWidget):
    """Shows one sheet (a SheetTableModel) of a core Project, with row actions.

    Insert adds a row and Delete deletes the current one (also in the tab's
    toolbar and the table's context menu); both go through ``add`` and
    ``delete``, which make each one undo step.
    """

    def __init__(
        self,
        model: SheetTableModel,
        add: Callable[[], None],
        delete: Callable[[int], None],
    ) -> None:
        super().__init__()
        self.model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setFilterKeyColumn(-1)  # a row matches in any column
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        model.setParent(self.proxy)
        self.view = _table(model.spec.name, self.proxy)
        noun = model.spec.name.lower()
        self.add_action = _action(self.view, "Add row", "Insert", add)
        self.delete_action = _action(
            self.view, "Delete row", "Delete", self._on_delete_triggered
        )
        self._delete = delete
        tools = QToolBar()
        tools.setObjectName(f"{noun}_tools")
        tools.addAction(self.add_action)
        tools.addAction(self.delete_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        tools.addWidget(spacer)
        self.filter = QLineEdit()
        self.filter.setObjectName(f"{noun}_filter")
        self.filter.setAccessibleName(f"Filter {noun}")
        self.filter.setPlaceholderText(f"Filter {noun}… (Ctrl+F)")
        self.filter.setClearButtonEnabled(True)
        self.filter.setMaximumWidth(280)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        find = QAction("Filter", self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(lambda _checked=False: self.filter.setFocus())
        self.addAction(find)
        tools.addWidget(self.filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(tools)
        layout.addWidget(self.view)

    def current_row(self) -> int | None:
        """Return the sheet row (model order) of the current cell, if any."""
        index = self.proxy.mapToSource(self.view.currentIndex())
        return index.row() if index.isValid() else None

    def select_row(self, number: int) -> None:
        """Make row ``number`` (model order) current and show it."""
        index = self.proxy.mapFromSource(self.model.index(number, 1))
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def set_enabled(self, enabled: bool) -> None:
        """Enable the row actions (there is a project to change)."""
        self.add_action.setEnabled(enabled)
        self.delete_action.setEnabled(enabled)

    def _on_delete_triggered(self) -> None:
        number = self.current_row()
        if number is not None:
            self._delete(number)


def _action(
    view: QTableView, label: str, key: str, slot: Callable[[], None]
) -> QAction:
    action = QAction(label, view)
    action.setShortcut(QKeySequence(key))
    # Only while the table itself has the focus: Delete in a cell editor
    # must delete text, not the row.
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.setToolTip(f"{label} ({key})")
    action.triggered.connect(lambda _checked=False: slot())
    view.addAction(action)
    return action


def _table(name: str, proxy: QSortFilterProxyModel) -> QTableView:
    view = QTableView()
    view.setObjectName(f"{name.lower()}_table")
    view.setAccessibleName(f"{name} table")
    view.setModel(proxy)
    # No sort indicator: rows keep the order of the user's sheet.
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    return view
