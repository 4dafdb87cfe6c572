"""Problems and warnings about a workbook's layout, from a sheet scan.

Merged cells and data past the row or column limits are errors (a value would
otherwise be lost or read as empty); hidden sheets, rows, columns and macros
are warnings (everything is read, but the user may not have seen it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.utils.cell import range_boundaries

from lrplanner.core.errors import InputError
from lrplanner.importers.cells import is_blank, show
from lrplanner.importers.sheetscan import BLANK_RUN
from lrplanner.importers.source import MAX_COLUMNS, MAX_ROWS
from lrplanner.importers.table import column_letter

if TYPE_CHECKING:
    from collections.abc import Iterable

    from lrplanner.core.columns import SheetSpec
    from lrplanner.importers.sheetscan import SheetScan
    from lrplanner.importers.source import Source

#: Merged ranges reported per sheet at most (the rest are summed up).
MAX_MERGED_SHOWN = 10
MERGED = (
    "one value per cell, not merged cells (only the first cell of a merged range "
    "holds the value); unmerge them and type the value in each cell"
)
TOO_MANY_ROWS = (
    f"at most {MAX_ROWS:,} data rows on one sheet; delete the rows you do not "
    "need or split the file"
)
FAR_ROW = (
    f"rows of data with at most {BLANK_RUN:,} empty rows between them (the "
    "sheet is not read further); delete the empty rows above, or this stray row"
)
TOO_WIDE = (
    f"data in the first {MAX_COLUMNS} columns only (A to "
    f"{column_letter(MAX_COLUMNS - 1)}); move or delete what is further right"
)
HIDDEN = (
    "visible {what}: hidden {what} are read like the others; unhide them in "
    "Excel to check them"
)
HIDDEN_SHEET = (
    "a visible sheet: this hidden sheet is read like the others; unhide it in "
    "Excel to check what it holds"
)
MACROS = (
    "a workbook without macros: LR Planner never runs them and reads only the "
    "cell values (save the file as .xlsx to drop them)"
)


def report(source: Source, title: str, spec: SheetSpec, scan: SheetScan) -> None:
    """Add the errors and warnings a sheet's scan shows to ``source``."""
    where = _Where(source, title, spec, scan)
    if scan.more_row:
        value = f"more than {MAX_ROWS:,} data rows"
        source.errors.append(where.error(scan.more_row, None, value, TOO_MANY_ROWS))
    if scan.far_row:
        value = f"data after {scan.far_gap:,} empty rows"
        source.errors.append(where.error(scan.far_row, None, value, FAR_ROW))
    if scan.wide_row:
        letter = column_letter(scan.wide_column - 1)
        value = f"data in column {letter}"
        source.errors.append(where.error(scan.wide_row, letter, value, TOO_WIDE))
    for reference in scan.merged[:MAX_MERGED_SHOWN]:
        low_col, low_row, _, _ = range_boundaries(reference)
        column = where.column(int(low_col or 1))
        value = f"merged cells {reference}"
        source.errors.append(where.error(low_row, column, value, MERGED))
    if len(scan.merged) > MAX_MERGED_SHOWN:
        more = f"{len(scan.merged) - MAX_MERGED_SHOWN} more merged ranges"
        source.errors.append(where.error(None, None, more, MERGED))
    _hidden_warnings(source, where, scan)


def _hidden_warnings(source: Source, where: _Where, scan: SheetScan) -> None:
    if scan.hidden_rows:
        rows = sorted(scan.hidden_rows)
        what = "rows" if len(rows) > 1 else "row"
        value = f"hidden {what} {spans(rows)}"
        expected = HIDDEN.format(what="rows")
        source.warnings.append(where.error(rows[0], None, value, expected))
    if scan.hidden_columns:
        columns = sorted(scan.hidden_columns)
        letters = ", ".join(column_letter(c - 1) for c in columns)
        what = "columns" if len(columns) > 1 else "column"
        expected = HIDDEN.format(what="columns")
        column = where.column(columns[0])
        value = f"hidden {what} {letters}"
        source.warnings.append(where.error(None, column, value, expected))


def hidden_sheet(file: str, title: str) -> InputError:
    """Return the warning for a hidden sheet LR Planner reads."""
    return InputError(
        file=file,
        sheet=title,
        row=None,
        column=None,
        value="a hidden sheet",
        expected=HIDDEN_SHEET,
    )


def macros(file: str, found: str) -> InputError:
    """Return the warning for a workbook that holds (or may hold) macros."""
    return InputError(
        file=file, sheet="", row=None, column=None, value=found, expected=MACROS
    )


def spans(numbers: Iterable[int]) -> str:
    """Return sorted numbers as runs: 5, 7-9, 12."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


class _Where:
    """Locates problems on one sheet, naming columns by their headers."""

    def __init__(self, source: Source, title: str, spec: SheetSpec, scan: SheetScan):
        self.file, self.sheet = source.file, title
        header = scan.rows[0][1] if scan.rows and not spec.key_value else ()
        self.header = header

    def column(self, number: int) -> str:
        """Return the header of a 1-based column, or its letter if it has none."""
        index = number - 1
        if index < len(self.header) and not is_blank(self.header[index]):
            return show(self.header[index])
        return column_letter(index)

    def error(
        self, row: int | None, column: str | None, value: str, expected: str
    ) -> InputError:
        return InputError(
            file=self.file,
            sheet=self.sheet,
            row=row,
            column=column,
            value=value,
            expected=expected,
        )
