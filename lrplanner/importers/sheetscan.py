"""Scan one read-only worksheet's XML: every row, never the <dimension> guess.

openpyxl's read-only iterator trusts the sheet's ``<dimension>`` element (a
wrong one drops rows) and yields a padded empty row for every absent row
number (one cell at row 1,048,576 costs a million rows of work). This scan
walks the ``<row>`` elements the file really holds, so its work follows the
size of the XML. It also collects what the iterator hides: merged ranges,
hidden rows and columns. A cell whose stored value cannot be read (``NaN``,
``INF``, a broken string index) becomes an Excel error cell on its own
coordinate instead of failing the whole file.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from openpyxl.cell.read_only import ReadOnlyCell
from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries
from openpyxl.worksheet._reader import VALUE_TAG, WorkSheetParser

from lrplanner.importers.cells import ErrorCell, FormulaCell, PercentCell, is_blank
from lrplanner.importers.sheettext import UNKNOWN_ROW, scan_text

if TYPE_CHECKING:
    from collections.abc import Container, Iterator
    from typing import IO

    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

Row = tuple[int, tuple[object, ...]]
#: Empty rows in a row after which the rest of a sheet is only checked for data.
BLANK_RUN = 1_000
_TRUE = {"1", "true"}
_CELL_FAILURES = (ValueError, TypeError, IndexError, KeyError, OverflowError)


@dataclass(slots=True)
class SheetScan:
    """What one sheet holds: its non-blank rows and the facts around them.

    ``rows`` are ``(row number, values)`` in file order, at most ``max_rows``;
    ``more_row`` is the first non-blank row past that limit (0 if none),
    ``far_row`` the first after more than ``BLANK_RUN`` empty rows (``far_gap``
    of them; reading stops there), and
    ``wide_row``/``wide_column`` the first cell with data past the column
    limit (1-based column; 0 if none).
    """

    rows: list[Row] = field(default_factory=list)
    has_formula: bool = False
    more_row: int = 0
    far_row: int = 0
    far_gap: int = 0
    wide_row: int = 0
    wide_column: int = 0
    merged: list[str] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)


class _Parser(WorkSheetParser):
    """openpyxl's sheet parser, reading a bad stored value as an error cell."""

    def parse_cell(self, element: object) -> dict[str, object]:
        try:
            cell = cast("dict[str, object]", super().parse_cell(element))
        except _CELL_FAILURES:
            return self._unreadable(element)
        value = cell["value"]
        if isinstance(value, float) and not math.isfinite(value):
            cell["value"], cell["data_type"] = _stored(element), "e"
        return cell

    def _unreadable(self, element: object) -> dict[str, object]:
        reference = str(getattr(element, "get", lambda _key: "")("r") or "")
        try:
            row, column = coordinate_to_tuple(reference)
        except _CELL_FAILURES:
            row, column = self.row_counter, self.col_counter + 1
        self.col_counter = column
        value = _stored(element)
        return {"row": row, "column": column, "value": value, "data_type": "e"}


def _stored(element: object) -> str:
    """Return the text a cell stores, as the user may recognise it."""
    text = getattr(element, "findtext", lambda *_args: None)(VALUE_TAG, None)
    shown = str(text or "").strip()[:40]
    return shown or "#VALUE!"


def scan_sheet(sheet: ReadOnlyWorksheet, max_rows: int, max_columns: int) -> SheetScan:
    """Return every non-blank row of a read-only sheet (up to ``max_rows``).

    Reading stops at the first row with data after more than ``BLANK_RUN``
    empty rows (``far_row``), and after ``BLANK_RUN`` empty row elements in a
    row, when a quick text scan of the rest looks for such a row instead.
    """
    scan = SheetScan()
    with _open(sheet) as stream:
        parser = _parser(sheet, stream)
        last_data = blank_run = 0
        for number, cells in _parsed_rows(parser):
            row = _row_values(scan, sheet, number, cells, max_columns)
            if row is None:
                blank_run += 1
                if blank_run > BLANK_RUN:
                    return _scan_tail(scan, sheet, parser, number, last_data)
            elif number - last_data > BLANK_RUN + 1:
                scan.far_row, scan.far_gap = number, number - last_data - 1
                return scan
            elif len(scan.rows) >= max_rows:
                scan.more_row = number
                return scan
            else:
                scan.rows.append((number, row))
                last_data, blank_run = number, 0
        _add_layout(scan, parser, _merges(parser))
    return scan


def _parser(sheet: ReadOnlyWorksheet, stream: IO[bytes]) -> _Parser:
    book = sheet.parent
    date_formats: Container[int] = getattr(book, "_date_formats", set())
    return _Parser(
        stream,
        getattr(sheet, "_shared_strings", []),
        data_only=bool(getattr(book, "data_only", False)),
        epoch=book.epoch,
        date_formats=date_formats,
        timedelta_formats=getattr(book, "_timedelta_formats", set()),
    )


def _scan_tail(
    scan: SheetScan,
    sheet: ReadOnlyWorksheet,
    parser: WorkSheetParser,
    number: int,
    last_data: int,
) -> SheetScan:
    """Finish a sheet after a long run of empty rows with a quick text scan."""
    with _open(sheet) as stream:
        tail = scan_text(stream, getattr(sheet, "_shared_strings", []), after=number)
    if tail.row:
        row = number + 1 if tail.row == UNKNOWN_ROW else tail.row
        scan.far_row, scan.far_gap = row, row - last_data - 1
    else:
        _add_layout(scan, parser, tail.merges)
    return scan


def _open(sheet: ReadOnlyWorksheet) -> IO[bytes]:
    """Return the sheet's XML part (openpyxl keeps the opener private)."""
    opener = getattr(sheet, "_get_source")  # noqa: B009 - private, not in the stubs
    return cast("IO[bytes]", opener())


def _parsed_rows(
    parser: WorkSheetParser,
) -> Iterator[tuple[int, list[dict[str, object]]]]:
    for number, cells in parser.parse():
        yield int(number), cast("list[dict[str, object]]", cells)


def _row_values(
    scan: SheetScan,
    sheet: ReadOnlyWorksheet,
    number: int,
    cells: list[dict[str, object]],
    max_columns: int,
) -> tuple[object, ...] | None:
    """Return a parsed row's values (None if blank); note data past the columns."""
    values: dict[int, object] = {}
    for cell in cells:
        column = int(cast("int", cell["column"]))
        value = cell_value(_read_only_cell(sheet, cell))
        if is_blank(value):
            continue
        if column > max_columns:
            if not scan.wide_row:
                scan.wide_row, scan.wide_column = number, column
            continue
        values[column] = value
        scan.has_formula = scan.has_formula or isinstance(value, FormulaCell)
    if not values:
        return None
    return tuple(values.get(index) for index in range(1, max(values) + 1))


def _read_only_cell(sheet: ReadOnlyWorksheet, cell: dict[str, object]) -> ReadOnlyCell:
    data_type, style = str(cell.get("data_type", "n")), cell.get("style_id", 0)
    return ReadOnlyCell(
        sheet, cell["row"], cell["column"], cell["value"], data_type, int(str(style))
    )


def cell_value(cell: ReadOnlyCell) -> object:
    """Return a cell's value, with markers for errors, formulas and percents."""
    value = cell.value
    if cell.data_type == "e":
        return ErrorCell(str(value))
    if cell.data_type == "f":
        return FormulaCell(str(getattr(value, "text", value)))
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    try:
        percent = "%" in str(cell.number_format or "")
    except _CELL_FAILURES:  # a style index the file does not define
        percent = False
    return PercentCell(float(value)) if percent and abs(value) < 1e300 else value


def _merges(parser: WorkSheetParser) -> list[str]:
    merges = getattr(parser.merged_cells, "mergeCell", None) or ()
    return [str(getattr(merge, "ref", "") or "") for merge in merges]


def _add_layout(scan: SheetScan, parser: WorkSheetParser, merges: list[str]) -> None:
    """Record merged ranges, hidden rows and hidden columns that touch data."""
    used = dict(scan.rows)
    for reference in merges:
        if _holds_data(used, reference):
            scan.merged.append(reference)
    for key, attributes in parser.row_dimensions.items():
        number = int(key)
        if str(attributes.get("hidden", "")).lower() in _TRUE and number in used:
            scan.hidden_rows.add(number)
    filled = {
        i + 1 for row in used.values() for i, v in enumerate(row) if not is_blank(v)
    }
    for attributes in parser.column_dimensions.values():
        if str(attributes.get("hidden", "")).lower() not in _TRUE:
            continue
        low, high = _span(attributes)
        scan.hidden_columns.update(c for c in filled if low <= c <= high)


def _span(attributes: dict[str, object]) -> tuple[int, int]:
    try:
        low = int(str(attributes.get("min", "0")))
        return low, int(str(attributes.get("max", low)))
    except ValueError:
        return 0, -1


def _holds_data(used: dict[int, tuple[object, ...]], reference: str) -> bool:
    """Return whether a merged range covers more than one cell and any data."""
    try:
        low_col, low_row, high_col, high_row = range_boundaries(reference)
    except _CELL_FAILURES:
        return False
    if None in (low_col, low_row, high_col, high_row):
        return False
    low_col, low_row = cast("int", low_col), cast("int", low_row)
    high_col, high_row = cast("int", high_col), cast("int", high_row)
    if (low_col, low_row) == (high_col, high_row):
        return False
    for number, values in used.items():
        if low_row <= number <= high_row:
            window = values[low_col - 1 : high_col]
            if any(not is_blank(v) for v in window):
                return True
    return False
