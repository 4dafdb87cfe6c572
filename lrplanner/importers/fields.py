"""Read typed values from one record, turning every bad cell into an InputError."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, TypeVar

from lrplanner.importers.cells import CellError, is_blank, show

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from lrplanner.core.errors import InputError
    from lrplanner.importers.table import Record, Table

T = TypeVar("T")
D = TypeVar("D")


class Fields:
    """Typed access to one record's cells; problems are collected, not raised.

    After reading every cell, a builder checks :attr:`failed` and, if all
    went well, constructs its domain object through :meth:`make`.
    """

    def __init__(self, table: Table, record: Record, errors: list[InputError]) -> None:
        self.table = table
        self.record = record
        self.errors = errors
        self.failed = False

    def get(self, key: str, parse: Callable[[object], T], default: D) -> T | D:
        """Return a column's parsed value, or ``default`` if blank or bad.

        A blank required column and an unreadable value are reported.
        """
        value = self.record.cells.get(key)
        if is_blank(value):
            if self.table.spec.column(key).required:
                self._missing(key)
            return default
        try:
            return parse(value)
        except CellError as exc:
            self.fail(key, show(value), exc.expected)
            return default

    def _missing(self, key: str) -> None:
        # a missing required column is reported once, for the whole sheet
        if key in self.table.headers:
            self.fail(key, "", "a value (this column is required)")
        self.failed = True

    def has(self, key: str) -> bool:
        """Return whether a column holds a value on this record."""
        return not is_blank(self.record.cells.get(key))

    def raw(self, key: str) -> str:
        """Return a column's value as text, for messages."""
        value = self.record.cells.get(key)
        return "" if is_blank(value) else show(value)

    def fail(self, key: str | None, value: str, expected: str) -> None:
        """Report a problem on this record (``key`` None = the whole row)."""
        row = self.record.row_of(key) if key else self.record.row
        self.errors.append(self.table.error(row, key, value, expected))
        self.failed = True

    def notes(self) -> Mapping[str, str]:
        """Return the record's extra columns (header -> text)."""
        return MappingProxyType(dict(self.record.notes))

    def make(self, build: Callable[[], T]) -> T | None:
        """Return ``build()``, or None with the reason reported if it is refused."""
        if self.failed:
            return None
        try:
            return build()
        except ValueError as exc:
            self.fail(None, "", f"a consistent row ({exc})")
            return None
