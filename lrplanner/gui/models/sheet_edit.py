"""SheetTableModel: one input sheet with editable cells (one undo step per edit)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from lrplanner.gui import plain
from lrplanner.gui.models.sheets import Row, cell_text, sheet_columns
from lrplanner.gui.models.table_model import RecordTableModel
from lrplanner.gui.signals import emit
from lrplanner.services_edit import editable_keys

if TYPE_CHECKING:
    from collections.abc import Sequence

    from lrplanner.core.columns import SheetSpec
    from lrplanner.gui.models.table_model import Index

ERROR_BACKGROUND = QColor("#f8d7da")
# apply(row number, column key, text) -> None when applied, else why it was refused
Apply = Callable[[int, str, str], str | None]


class SheetTableModel(RecordTableModel[Row]):
    """Shows the rows of one input sheet of a Project; setData edits the document.

    A refused cell keeps its old value, turns red and says why in its tooltip
    until the next accepted edit of that cell or the next reset.
    """

    def __init__(self, spec: SheetSpec, apply: Apply, rows: Sequence[Row] = ()) -> None:
        super().__init__(sheet_columns(spec), rows)
        self.spec = spec
        self._keys = [c.key for c in spec.columns]
        self._editable = editable_keys(spec.name)
        self._apply = apply
        self._errors: dict[tuple[int, int], str] = {}

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Replace every row (a full reset); earlier refusals are forgotten."""
        self._errors.clear()
        super().set_rows(rows)

    def key(self, column: int) -> str:
        """Return the column key (``core.columns``) of column ``column``."""
        return self._keys[column]

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self._keys[index.column()] in self._editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        error = self._errors.get((index.row(), index.column()))
        if error is not None and role == Qt.ItemDataRole.ToolTipRole:
            return plain.tooltip(f"Not changed: {error}")
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
        cell = (index.row(), index.column())
        if str(value) == cell_text(self.row(index.row()).get(key)):
            return False
        error = self._apply(index.row(), key, str(value))
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
