"""openpyxl helpers shared by the workbooks: safe text, styles, print set-up.

User text is always written as text: a name such as ``=HYPERLINK(...)`` or
``+1 555`` would otherwise become a live formula in Excel (CSV/formula
injection), so such cells are forced to the string type and flagged with
Excel's quote prefix.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from lrplanner.core.atomic import atomic_path
from lrplanner.exporters.agenda_rows import check_banner

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
HEADER_FONT = Font(bold=True, color="FFFFFF")
TITLE_FONT = Font(bold=True, size=14)
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
THIN = Side(style="thin", color="A6A6A6")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
LINE_HEIGHT_PT = 15.0


def put_text(ws: Worksheet, row: int, column: int, text: str) -> Cell:
    """Write user text into a cell so it can never become a formula."""
    cell = ws.cell(row=row, column=column, value=text)
    if text.startswith(FORMULA_TRIGGERS):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def put_row(ws: Worksheet, row: int, texts: Sequence[str], *, grid: bool) -> None:
    """Write a row of user texts, wrapped and top-aligned."""
    for column, text in enumerate(texts, start=1):
        cell = put_text(ws, row, column, text)
        cell.alignment = WRAP
        if grid:
            cell.border = GRID


def put_header(ws: Worksheet, row: int, labels: Sequence[str]) -> None:
    """Write a bold, filled header row."""
    for column, label in enumerate(labels, start=1):
        cell = ws.cell(row=row, column=column, value=label)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = WRAP
        cell.border = GRID


def set_widths(ws: Worksheet, widths: Sequence[float]) -> None:
    """Set column widths (in characters) from the first column on."""
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width


def fit_row_height(
    ws: Worksheet, row: int, texts: Sequence[str], widths: Sequence[float]
) -> None:
    """Give a wrapped row the height its longest cell needs (Excel won't guess)."""
    lines = 1
    for text, width in zip(texts, widths, strict=False):
        usable = max(1.0, width - 1.5)
        needed = sum(
            max(1, math.ceil(len(part) * 1.2 / usable)) for part in text.split("\n")
        )
        lines = max(lines, needed)
    ws.row_dimensions[row].height = LINE_HEIGHT_PT * lines


def header_text(text: str) -> str:
    """Return text safe inside an Excel header/footer (``&`` is a code there)."""
    return text.replace("&", "&&")


def setup_print(ws: Worksheet, *, title_rows: str, header: str, day: str) -> None:
    """Make a sheet print on A4 landscape, one page wide, with titles and pages.

    Parameters
    ----------
    ws
        The sheet.
    title_rows
        Rows repeated at the top of each printed page, e.g. ``"1:2"``.
    header
        The route name, shown in the page header.
    day
        The day (or sheet subject), shown at the right of the header.
    """
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = title_rows
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    page_header, page_footer = ws.oddHeader, ws.oddFooter
    assert page_header is not None
    assert page_footer is not None
    page_header.left.text = header_text(header)
    page_header.right.text = header_text(day)
    page_footer.center.text = "Page &P of &N"
    page_footer.right.text = "LR Planner"


CHECK_SHEET = "NOT CHECKED"
ALERT_FONT = Font(bold=True, size=13, color="FFFFFF")
ALERT_FILL = PatternFill("solid", fgColor="C0392B")


def put_check_failures(wb: Workbook, failures: Sequence[str]) -> None:
    """Put a first sheet, shown on opening, listing the rules the plan breaks.

    Does nothing for a checked plan (no failures).
    """
    if not failures:
        return
    ws = wb.create_sheet(CHECK_SHEET, 0)
    ws.sheet_properties.tabColor = "C0392B"
    banner = put_text(ws, 1, 1, check_banner(failures))
    banner.font = ALERT_FONT
    banner.fill = ALERT_FILL
    for row, failure in enumerate(failures, start=3):
        put_text(ws, row, 1, failure).alignment = WRAP
    ws.column_dimensions["A"].width = 120
    wb.active = 0
    for sheet in wb.worksheets[1:]:
        sheet.sheet_view.tabSelected = False


def save_plan_workbook(wb: Workbook, path: Path, failures: Sequence[str]) -> None:
    """Save a workbook made from a plan atomically (an old file is replaced
    only on success), with the failed-check sheet first when the plan breaks
    hard rules (:func:`put_check_failures`)."""
    put_check_failures(wb, failures)
    with atomic_path(path) as tmp:
        wb.save(tmp)
