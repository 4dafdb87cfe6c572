"""SitesTableModel: the Sites sheet with editable cells (one undo step per edit)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from lrplanner.core.columns import SHEETS
from lrplanner.gui.models.sheets import Row, cell_text, sheet_columns
from lrplanner.gui.models.table_model import RecordTableModel
from lrplanner.gui.signals import emit
from lrplanner.services_edit import SITE_PARSERS

if TYPE_CHECKING:
    from collections.abc import Sequence

    from lrplanner.gui.models.table_model import Index

SITES = next(s for s in SHEETS if s.name == "Sites")
ERROR_BACKGROUND = QColor("#f8d7da")
# apply(site id, column key, text) -> None when applied, else why it was refused
Apply = Callable[[str, str, str], str | None]


class SitesTableModel(RecordTableModel[Row]):
    """Shows the Sites rows of a Project; setData edits through the document."""

    def __init__(self, rows: Sequence[Row], apply: Apply) -> None:
        super().__init__(sheet_columns(SITES), rows)
        self._keys = [c.key for c in SITES.columns]
        self._apply = apply
        self._errors: dict[tuple[int, int], str] = {}

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self._keys[index.column()] in SITE_PARSERS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        error = self._errors.get((index.row(), index.column()))
        if error is not None and role == Qt.ItemDataRole.ToolTipRole:
            return f"Not changed: {error}"
        if error is not None and role == Qt.ItemDataRole.BackgroundRole:
            return ERROR_BACKGROUND
        if role == Qt.ItemDataRole.EditRole and index.isValid():
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        return super().data(index, role)

    def setData(
        self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        key = self._keys[index.column()]
        row = self.row(index.row())
        cell = (index.row(), index.column())
        if str(value) == cell_text(row.get(key)):
            return False
        error = self._apply(str(row.get("id")), key, str(value))
        if error is None:
            self._errors.pop(cell, None)
        else:
            self._errors[cell] = error
        emit(self.dataChanged, index, index, [])
        return error is None

    def replace_row(self, number: int, row: Row) -> None:
        """Show ``row`` in place of row ``number`` (after an applied edit)."""
        rows = list(self._rows)
        rows[number] = row
        self._rows = tuple(rows)
        left, right = self.index(number, 0), self.index(number, self.columnCount() - 1)
        emit(self.dataChanged, left, right, [])

    def row_of(self, site: str) -> int:
        """Return the row number of a site id (-1 if absent)."""
        ids = [str(r.get("id")) for r in self._rows]
        return ids.index(site) if site in ids else -1
