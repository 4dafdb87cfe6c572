"""The Summary sheet of ``costs.xlsx``: inputs, totals, breakdowns, one A4 page.

Rows 3-6 hold the editable inputs (currency, contingency %, participants,
budget cap); the Lines sheet's per-person quantities refer to the
participants cell (:data:`PARTICIPANTS_CELL`). Rows 8-13 are the headline
totals; the category, country and day tables follow, every amount a
SUMIF over the Lines sheet. The category table sets each actual against the
Budget sheet's planned amount (editable here too), with the difference and
the share used, red where the actual is over. The sheet prints on one A4
portrait page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill

from lrplanner.core.budget_lines import planned_by_category
from lrplanner.core.costs import CostCategory
from lrplanner.core.countries import COUNTRIES
from lrplanner.exporters.xlsx_cells import (
    BOLD,
    TITLE_FONT,
    put_header,
    put_text,
    set_widths,
    setup_print,
)

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date
    from decimal import Decimal

    from openpyxl.worksheet.worksheet import Worksheet

    from lrplanner.core.costs import CostBreakdown
    from lrplanner.core.project import Project

EDITABLE = PatternFill("solid", fgColor="FFF2CC")
OVER_FILL = PatternFill("solid", bgColor="FFC7CE")
OVER_FONT = Font(color="9C0006", bold=True)
CATEGORY_HEADERS = (
    "By category",
    "Actual",
    "Per participant",
    "Planned",
    "Planned minus actual",
    "% used",
)
NO_DAY = "not tied to a day"
DATE_FORMAT = "ddd dd mmm yyyy"
#: The participant count every per-person quantity of the Lines sheet reads.
PARTICIPANTS_CELL = "Summary!$B$5"
FIRST_TABLE_ROW = 16
#: Column widths (characters) of the Summary, A to F: about 108 characters,
#: which A4 portrait holds at about 90 % between 1 cm margins.
WIDTHS = (34.0, 16.0, 16.0, 16.0, 16.0, 10.0)
INPUT_NOTES = {
    4: "% of the subtotal, added on top",
    5: "per-person lines follow this count (plus staff)",
    6: "blank: no cap",
}


def money_format(currency: str) -> str:
    """Return the number format showing amounts with their currency code."""
    return f'#,##0.00 "{currency}"'


def country_name(code: str) -> str:
    """Return a country's name for its ISO code (``International`` as is)."""
    return COUNTRIES.get(code, code)


def write_summary(ws: Worksheet, project: Project, costs: CostBreakdown) -> int:
    """Fill the Summary sheet: inputs, totals and the three breakdowns.

    Returns the row after the last table, where notes may follow.
    """
    last = max(2, len(costs.lines) + 1)
    money = money_format(costs.currency)
    put_text(ws, 1, 1, f"Costs — {project.route.name}").font = TITLE_FONT
    note = "Yellow cells and the Rates sheet are editable; every total is a formula."
    if project.rates:
        codes = ", ".join(rate.currency for rate in project.rates)
        note = (
            f"Yellow cells, Rates and Exchange rates ({codes} per "
            f"{costs.currency}) are editable; every total is a formula."
        )
    ws.cell(row=2, column=1, value=note)
    write_inputs(ws, costs, money)
    write_totals(ws, last, money)
    planned = planned_by_category(project.budget)
    row = write_categories(ws, planned, costs, last) + 1
    for title, column, keys in breakdowns(costs):
        row = write_breakdown(ws, row, (title, column), keys, last, money) + 1
    set_widths(ws, WIDTHS)
    return row


def write_inputs(ws: Worksheet, costs: CostBreakdown, money: str) -> None:
    """Write the inputs (rows 3-6), all but the currency editable."""
    inputs: tuple[tuple[str, str | Decimal | int | None, str], ...] = (
        ("Currency", costs.currency, "@"),
        ("Contingency %", costs.contingency_pct, "0.0"),
        ("Participants", costs.participants, "0"),
        ("Budget cap", costs.budget_cap, money),
    )
    for row, (label, value, fmt) in enumerate(inputs, start=3):
        ws.cell(row=row, column=1, value=label).font = BOLD
        cell = ws.cell(row=row, column=2, value=value)
        cell.number_format = fmt
        if row > 3:
            cell.fill = EDITABLE
        if row in INPUT_NOTES:
            ws.cell(row=row, column=3, value=INPUT_NOTES[row])


TOTALS = (
    ("Subtotal", "=SUM(Lines!$G$2:$G${last})"),
    ("Contingency", "=B8*B4/100"),
    ("Total", "=B8+B9"),
    ("Per participant", "=IF(B5>0,B10/B5,0)"),
    ("Budget cap minus total", '=IF(B6="","",B6-B10)'),
    ("Within budget?", '=IF(B6="","no cap",IF(B10<=B6,"yes","over budget"))'),
)


def write_totals(ws: Worksheet, last: int, money: str) -> None:
    """Write the headline totals (rows 8-13), all formulas over Lines."""
    for row, (label, formula) in enumerate(TOTALS, start=8):
        ws.cell(row=row, column=1, value=label).font = BOLD
        cell = ws.cell(row=row, column=2, value=formula.format(last=last))
        cell.number_format = money
        cell.font = BOLD


def write_categories(
    ws: Worksheet,
    planned: dict[CostCategory, Decimal],
    costs: CostBreakdown,
    last: int,
) -> int:
    """Write the category table: actual against planned; return the row after.

    Categories with a cost or a planned amount are listed, in category
    order, then a row for all of them; a row whose actual exceeds its
    planned amount turns red (conditional formatting, so it follows edits).
    """
    money = money_format(costs.currency)
    top = FIRST_TABLE_ROW
    put_header(ws, top, CATEGORY_HEADERS)
    actual = costs.by_category()
    shown = [c for c in CostCategory if c in actual or c in planned]
    for r, category in enumerate(shown, start=top + 1):
        put_text(ws, r, 1, str(category))
        amount = f"=SUMIF(Lines!$C$2:$C${last},A{r},Lines!$G$2:$G${last})"
        _budget_row(ws, r, (amount, planned.get(category)), money)
    total = top + len(shown) + 1
    ws.cell(row=total, column=1, value="All categories").font = BOLD
    first, end = top + 1, total - 1
    sums = (
        (
            f"=SUM(B{first}:B{end})",
            f'=IF(COUNT(D{first}:D{end})=0,"",SUM(D{first}:D{end}))',
        )
        if shown
        else ("=0", None)  # a range over no rows would include this row
    )
    _budget_row(ws, total, sums, money)
    rule = FormulaRule(  # type: ignore[no-untyped-call]
        formula=[f"AND(ISNUMBER($D{first}),$B{first}>$D{first})"],
        fill=OVER_FILL,
        font=OVER_FONT,
    )
    ws.conditional_formatting.add(f"A{first}:F{total}", rule)
    return total + 1


def _budget_row(
    ws: Worksheet, r: int, values: tuple[str, Decimal | str | None], money: str
) -> None:
    """Write actual, per participant, planned, planned minus actual, % used."""
    actual, planned = values
    ws.cell(row=r, column=2, value=actual).number_format = money
    share = f"=IF($B$5>0,B{r}/$B$5,0)"
    ws.cell(row=r, column=3, value=share).number_format = money
    cell = ws.cell(row=r, column=4, value=planned)
    cell.number_format = money
    if not isinstance(planned, str):
        cell.fill = EDITABLE
    left = f'=IF(ISNUMBER(D{r}),D{r}-B{r},"")'
    ws.cell(row=r, column=5, value=left).number_format = money
    used = f'=IF(AND(ISNUMBER(D{r}),D{r}>0),B{r}/D{r},"")'
    ws.cell(row=r, column=6, value=used).number_format = "0.0%"


def breakdowns(costs: CostBreakdown) -> list[tuple[str, str, list[str | date]]]:
    """Return (title, Lines column, keys) of the country and day tables."""
    days: list[str | date] = [d if d is not None else NO_DAY for d in costs.by_day()]
    return [
        ("By country", "B", [country_name(c) for c in costs.by_country()]),
        ("By day", "A", days),
    ]


def write_breakdown(
    ws: Worksheet,
    row: int,
    table: tuple[str, str],
    keys: Sequence[str | date],
    last: int,
    money: str,
) -> int:
    """Write one SUMIF table (title, Lines column); return the row after it."""
    title, column = table
    put_header(ws, row, (title, "Amount", "Per participant"))
    for offset, key in enumerate(keys, start=1):
        r = row + offset
        if isinstance(key, str):
            put_text(ws, r, 1, key)
        else:
            ws.cell(row=r, column=1, value=key).number_format = DATE_FORMAT
        amount = f"=SUMIF(Lines!${column}$2:${column}${last},A{r},Lines!$G$2:$G${last})"
        ws.cell(row=r, column=2, value=amount).number_format = money
        share = f"=IF($B$5>0,B{r}/$B$5,0)"
        ws.cell(row=r, column=3, value=share).number_format = money
    return row + len(keys) + 1


def setup_one_page(ws: Worksheet, route_name: str, last_row: int) -> None:
    """Print the Summary on one A4 portrait page: columns A-F, rows 1 to last.

    The page repeats row 1 should a printer split it anyway; the margins are
    1 cm at the sides, 1.9 cm top and bottom (room for header and footer).
    """
    setup_print(ws, title_rows="1:1", header=route_name, day="Cost summary")
    ws.page_setup.orientation = ws.ORIENTATION_PORTRAIT
    ws.page_setup.fitToHeight = 1
    ws.print_area = f"A1:{chr(ord('A') + len(WIDTHS) - 1)}{last_row}"
