"""A read-only table model over a sequence of records and column specs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from lrplanner.gui import plain

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
# The tooltip repeats the text: long cells (reasons, addresses) are cut off.
_TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


@dataclass(frozen=True, slots=True)
class Column(Generic[T]):
    """One column: header label, tooltip and how to show a record's cell."""

    label: str
    tooltip: str
    text: Callable[[T], str]


class RecordTableModel(QAbstractTableModel, Generic[T]):
    """Shows a sequence of domain records, one per row (Anki's DataModel idea)."""

    def __init__(self, columns: Sequence[Column[T]], rows: Sequence[T] = ()) -> None:
        super().__init__()
        self._columns = tuple(columns)
        self._rows: tuple[T, ...] = tuple(rows)

    def set_rows(self, rows: Sequence[T]) -> None:
        """Replace every row (a full reset)."""
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in _TEXT_ROLES:
            return None
        text = self._columns[index.column()].text(self._rows[index.row()])
        return plain.tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else text

    def row(self, number: int) -> T:
        """Return the record shown in row ``number``."""
        return self._rows[number]

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (
            0 <= section < len(self._columns)
        ):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].label
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._columns[section].tooltip
        return None
