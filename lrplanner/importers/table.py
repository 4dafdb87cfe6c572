"""Turn a sheet's raw rows into header-matched records (workbook or CSV alike)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lrplanner.core.columns import SheetSpec, normalise_header
from lrplanner.core.errors import InputError
from lrplanner.importers.cells import is_blank, show

if TYPE_CHECKING:
    from lrplanner.core.columns import ColumnSpec


@dataclass(frozen=True, slots=True)
class RawSheet:
    """A sheet as read from the file: non-blank rows with their row numbers.

    ``rows`` holds ``(row number, cell values)`` pairs; the first pair is the
    header row (or, for the Route sheet, the first setting).
    """

    file: str
    name: str
    rows: tuple[tuple[int, tuple[object, ...]], ...]


@dataclass(frozen=True, slots=True)
class Record:
    """One data row: parsed-later cell values by column key, plus notes."""

    row: int
    cells: dict[str, object]
    notes: dict[str, str]
    rows: dict[str, int] = field(default_factory=dict)

    def row_of(self, key: str) -> int:
        """Return the row of a column's value (Route settings sit on their own rows)."""
        return self.rows.get(key, self.row)


@dataclass(slots=True)
class Table:
    """A sheet with its headers matched to a :class:`SheetSpec`."""

    file: str
    sheet: str
    spec: SheetSpec
    headers: dict[str, str] = field(default_factory=dict)
    records: list[Record] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)

    def header(self, key: str) -> str:
        """Return the header of a column as the user wrote it (or the expected one)."""
        return self.headers.get(key) or self.spec.column(key).header

    def error(
        self, row: int | None, key: str | None, value: str, expected: str
    ) -> InputError:
        """Return an InputError located on this sheet (column given by key)."""
        column = self.header(key) if key else None
        return InputError(
            file=self.file,
            sheet=self.sheet,
            row=row,
            column=column,
            value=value,
            expected=expected,
        )


def match_column(spec: SheetSpec, header: str) -> ColumnSpec | None:
    """Return the column a header names (case, spaces and synonyms ignored)."""
    wanted = normalise_header(header)
    for column in spec.columns:
        if wanted in column.names():
            return column
    return None


def column_letter(index: int) -> str:
    """Return the spreadsheet letter of a 0-based column index (0 -> A)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_table(raw: RawSheet, spec: SheetSpec, errors: list[InputError]) -> Table:
    """Return the records of a one-record-per-row sheet; problems go to ``errors``."""
    table = Table(file=raw.file, sheet=raw.name, spec=spec)
    if not raw.rows:  # an empty sheet: only a required one lacks its columns
        if spec.required:
            _require_columns(table, errors)
        return table
    header_row, header_cells = raw.rows[0]
    keys = _match_headers(table, header_row, header_cells, errors)
    _require_columns(table, errors)
    last_row = header_row
    for number, values in raw.rows[1:]:
        table.skipped.extend(range(last_row + 1, number))
        last_row = number
        table.records.append(_record(table, number, values, keys))
    return table


def _match_headers(
    table: Table, row: int, cells: tuple[object, ...], errors: list[InputError]
) -> list[str | None]:
    """Return the column key (or extra header) of each position of the header row."""
    keys: list[str | None] = []
    for index, cell in enumerate(cells):
        if is_blank(cell):  # listed as extra only if data sits below it
            keys.append(f"+Column {column_letter(index)}")
            continue
        text = show(cell)
        column = match_column(table.spec, text)
        if column is None:
            keys.append("+" + text)
            table.extra.append(text)
        elif column.key in table.headers:
            first = table.headers[column.key]
            expected = f"one column for {column.header} (already given as {first!r})"
            errors.append(table.error(row, None, text, expected))
            keys.append(None)
        else:
            table.headers[column.key] = text
            keys.append(column.key)
    return keys


def _require_columns(table: Table, errors: list[InputError]) -> None:
    for column in table.spec.columns:
        if column.required and column.key not in table.headers:
            expected = f"a column headed {column.header!r} ({column.help})"
            errors.append(table.error(None, column.key, "", expected))


def _record(
    table: Table, number: int, values: tuple[object, ...], keys: list[str | None]
) -> Record:
    cells: dict[str, object] = {}
    notes: dict[str, str] = {}
    for index, value in enumerate(values):
        key = keys[index] if index < len(keys) else f"+Column {column_letter(index)}"
        if key is None or is_blank(value):
            continue
        if key.startswith("+"):
            notes[key[1:]] = show(value)
            if key[1:] not in table.extra:
                table.extra.append(key[1:])
        else:
            cells[key] = value
    return Record(row=number, cells=cells, notes=notes)


def read_settings(raw: RawSheet, spec: SheetSpec, errors: list[InputError]) -> Table:
    """Return a key/value sheet (Route) as one record: column A names, B values.

    A first row reading ``Setting | Value`` is skipped; columns after B are free
    for comments. Unknown settings become notes.
    """
    table = Table(file=raw.file, sheet=raw.name, spec=spec)
    record = Record(row=raw.rows[0][0] if raw.rows else 1, cells={}, notes={})
    rows = list(raw.rows)
    if rows and normalise_header(show(rows[0][1][0])) in {"setting", "settings", "key"}:
        rows = rows[1:]
    for number, values in rows:
        name, value = values[0], values[1] if len(values) > 1 else None
        if is_blank(name):
            if not is_blank(value):
                errors.append(table.error(number, None, show(value), _SETTING_NAME))
            continue
        _add_setting(table, record, number, show(name), value, errors)
    table.records.append(record)
    _require_columns(table, errors)
    return table


_SETTING_NAME = "a setting name in column A next to its value in column B"


def _add_setting(
    table: Table,
    record: Record,
    number: int,
    name: str,
    value: object,
    errors: list[InputError],
) -> None:
    column = match_column(table.spec, name)
    if column is None:
        if not is_blank(value):
            record.notes[name] = show(value)
            table.extra.append(name)
        return
    if column.key in record.rows:
        first = record.rows[column.key]
        expected = f"each setting once ({column.header} is already on row {first})"
        errors.append(table.error(number, None, name, expected))
        return
    table.headers[column.key] = name
    record.rows[column.key] = number
    if not is_blank(value):
        record.cells[column.key] = value
