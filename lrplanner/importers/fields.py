"""Read typed values from one record, turning every bad cell into an InputError."""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

from lrplanner.importers.cells import LIST_LIMIT, CellError, is_blank, show
from lrplanner.importers.cleantext import collect_notes
from lrplanner.importers.exchange import take_local
from lrplanner.importers.multicells import column_parser

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from lrplanner.core.currency import LocalAmount
    from lrplanner.core.errors import InputError
    from lrplanner.importers.table import Record, Table

T = TypeVar("T")
D = TypeVar("D")


class Fields:
    """Typed access to one record's cells; problems are collected, not raised.

    After reading every cell, a builder checks :attr:`failed` and, if all
    went well, constructs its domain object through :meth:`make`. What a
    parser changed on the way (an invisible character removed from an id, a
    date read as a year) becomes a warning in ``warnings``.
    """

    def __init__(
        self,
        table: Table,
        record: Record,
        errors: list[InputError],
        warnings: list[InputError] | None = None,
    ) -> None:
        self.table = table
        self.record = record
        self.errors = errors
        self.warnings: list[InputError] = [] if warnings is None else warnings
        self.failed = False
        #: Amounts entered in another currency, by column key (as entered).
        self.local: dict[str, LocalAmount] = {}
        self._check_notes()

    def _check_notes(self) -> None:
        """Refuse extra columns (kept as notes) longer than a list cell may be."""
        for header, text in self.record.notes.items():
            if len(text) > LIST_LIMIT:
                expected = (
                    f"a note of at most {LIST_LIMIT} characters "
                    f"(this one has {len(text):,})"
                )
                self.errors.append(
                    _at_column(self.table, self.record.row, header, text, expected)
                )
                self.failed = True

    def get(self, key: str, parse: Callable[[object], T], default: D) -> T | D:
        """Return a column's parsed value, or ``default`` if blank or bad.

        A blank required column and an unreadable value are reported.
        """
        value = self.record.cells.get(key)
        if is_blank(value):
            if self.table.spec.column(key).required:
                self._missing(key)
            return default
        take_local()  # a failed cell before this one leaves nothing behind
        with collect_notes() as notes:
            try:
                parsed = parse(value)
            except CellError as exc:
                self.fail(key, brief(show(value)), exc.expected)
                return default
        local = take_local()
        if local is not None:
            self.local[key] = local
        shown = brief(value if isinstance(value, str) else show(value))
        for text in notes:
            row = self.record.row_of(key)
            self.warnings.append(self.table.error(row, key, shown, text))
        return parsed

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
        return "" if is_blank(value) else brief(show(value))

    def fail(self, key: str | None, value: str, expected: str) -> None:
        """Report a problem on this record (``key`` None = the whole row)."""
        row = self.record.row_of(key) if key else self.record.row
        self.errors.append(self.table.error(row, key, value, expected))
        self.failed = True

    def notes(self) -> Mapping[str, str]:
        """Return the record's extra columns (header -> text)."""
        return MappingProxyType(dict(self.record.notes))

    def values(self) -> dict[str, Any]:
        """Return the value of every column that fills one field, by field name.

        Each is read with its column's parser and bounds; a blank cell gives
        the column's default, and so does a text that is empty once cleaned
        where that default is None. A dotted field (``rates.vehicle_per_day``)
        is returned in a dict under its first part (``rates``). Amounts
        entered in another currency come converted, and as entered under
        ``prices`` (field name -> :class:`LocalAmount`), if there are any.
        """
        values: dict[str, Any] = {}
        prices: dict[str, LocalAmount] = {}
        for column in self.table.spec.columns:
            if column.field is None:
                continue
            value = self.get(column.key, column_parser(column), column.default)
            if value == "" and column.default is None:
                value = None
            *parents, name = column.field.split(".")
            target = values
            for parent in parents:
                target = target.setdefault(parent, {})
            target[name] = value
            if column.key in self.local:
                prices[column.field] = self.local[column.key]
        if prices:
            values["prices"] = MappingProxyType(prices)
        return values

    def make(self, build: Callable[[], T]) -> T | None:
        """Return ``build()``, or None with the reason reported if it is refused."""
        if self.failed:
            return None
        try:
            return build()
        except ValueError as exc:
            self.fail(None, "", f"a consistent row ({exc})")
            return None


def brief(text: str, limit: int = 80) -> str:
    """Return text cut to ``limit`` characters for a message (a 1 MB cell is not)."""
    if len(text) <= limit:
        return text
    return f"{text[: limit - 1]}\u2026 ({len(text):,} characters)"


def _at_column(
    table: Table, row: int, header: str, value: str, expected: str
) -> InputError:
    error = table.error(row, None, brief(value), expected)
    return replace(error, column=header)
