"""``costs.xlsx``: editable rates, every cost line, and live-formula totals.

The workbook is built for a budget holder who edits it: each distinct unit
rate lives in one cell of the Rates sheet, each line's unit rate is a formula
pointing at that cell, and every total on the Summary sheet is a SUM/SUMIF
over the Lines sheet. Changing a rate, a quantity or the contingency % moves
every total, in Excel or LibreOffice, without LR Planner.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import PatternFill

from lrplanner.core.atomic import atomic_path
from lrplanner.exporters.xlsx_cells import (
    BOLD,
    TITLE_FONT,
    WRAP,
    put_check_failures,
    put_header,
    put_text,
    set_widths,
    setup_print,
)

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date
    from pathlib import Path

    from openpyxl.worksheet.worksheet import Worksheet

    from lrplanner.core.costs import CostBreakdown, CostLine
    from lrplanner.core.project import Project

RatePair = tuple[str, Decimal]
EDITABLE = PatternFill("solid", fgColor="FFF2CC")
NO_DAY = "not tied to a day"
DATE_FORMAT = "ddd dd mmm yyyy"
LINE_HEADERS: tuple[str, ...] = (
    "Day",
    "Country",
    "Category",
    "Item",
    "Quantity",
    "Unit rate",
)
LINE_HEADERS += ("Amount", "Rate key")


def money_format(currency: str) -> str:
    """Return the number format showing amounts with their currency code."""
    return f'#,##0.00 "{currency}"'


def write_costs_xlsx(
    project: Project,
    costs: CostBreakdown,
    path: Path,
    *,
    check_failures: Sequence[str] = (),
) -> None:
    """Write the cost workbook (Summary, Lines, Rates) atomically.

    Parameters
    ----------
    project
        The inputs (route name, participants).
    costs
        The plan's cost breakdown; its lines become the Lines sheet.
    path
        Where to write ``costs.xlsx``; an old file is replaced only on success.
    check_failures
        The hard rules the plan breaks (empty for a checked plan): a first
        sheet, shown on opening, lists them.
    """
    wb = Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = "Summary"
    rates = wb.create_sheet("Rates")
    lines = wb.create_sheet("Lines")
    rate_cells = write_rates(rates, costs)
    write_lines(lines, costs, rate_cells)
    write_summary(summary, project, costs)
    for ws, subject in ((rates, "Rates"), (lines, "Cost lines")):
        setup_print(ws, title_rows="1:1", header=project.route.name, day=subject)
    put_check_failures(wb, check_failures)
    with atomic_path(path) as tmp:
        wb.save(tmp)


def rate_keys(costs: CostBreakdown) -> dict[RatePair, str]:
    """Return a unique Rates-sheet key per (rate key, unit rate) pair.

    Lines sharing a rate key share one cell; should two lines carry the same
    key with different rates, the second gets its own key (``key #2``) rather
    than silently taking the first one's rate.
    """
    keys: dict[RatePair, str] = {}
    seen: dict[str, int] = {}
    for line in costs.lines:
        pair = (line.rate_key, line.unit_rate)
        if pair not in keys:
            seen[line.rate_key] = seen.get(line.rate_key, 0) + 1
            count = seen[line.rate_key]
            keys[pair] = line.rate_key if count == 1 else f"{line.rate_key} #{count}"
    return keys


def write_rates(ws: Worksheet, costs: CostBreakdown) -> dict[RatePair, str]:
    """Fill the Rates sheet; return the cell (``Rates!$C$n``) of each rate."""
    put_header(ws, 1, ("Rate key", "What it is", f"Unit rate ({costs.currency})"))
    labels = {(line.rate_key, line.unit_rate): line for line in costs.lines}
    cells: dict[RatePair, str] = {}
    for row, (pair, key) in enumerate(rate_keys(costs).items(), start=2):
        line = labels[pair]
        put_text(ws, row, 1, key)
        put_text(ws, row, 2, line.rate_label)
        cell = ws.cell(row=row, column=3, value=line.unit_rate)
        cell.number_format = money_format(costs.currency)
        cell.fill = EDITABLE
        cells[pair] = f"Rates!$C${row}"
    set_widths(ws, (34.0, 60.0, 18.0))
    ws.freeze_panes = "A2"
    return cells


def write_lines(
    ws: Worksheet, costs: CostBreakdown, rate_cells: dict[RatePair, str]
) -> None:
    """Fill the Lines sheet: one row per cost line, rate and amount as formulas."""
    put_header(ws, 1, LINE_HEADERS)
    money = money_format(costs.currency)
    keys = rate_keys(costs)
    for row, line in enumerate(costs.lines, start=2):
        _write_line(ws, row, line)
        pair = (line.rate_key, line.unit_rate)
        ws.cell(row=row, column=6, value=f"={rate_cells[pair]}").number_format = money
        ws.cell(row=row, column=7, value=f"=E{row}*F{row}").number_format = money
        put_text(ws, row, 8, keys[pair])
    set_widths(ws, (16.0, 13.0, 24.0, 60.0, 10.0, 15.0, 17.0, 32.0))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:H{max(2, len(costs.lines) + 1)}"


def _write_line(ws: Worksheet, row: int, line: CostLine) -> None:
    if line.day is None:
        ws.cell(row=row, column=1, value=NO_DAY)
    else:
        ws.cell(row=row, column=1, value=line.day).number_format = DATE_FORMAT
    put_text(ws, row, 2, line.country)
    put_text(ws, row, 3, str(line.category))
    put_text(ws, row, 4, line.item).alignment = WRAP
    ws.cell(row=row, column=5, value=line.quantity).number_format = "#,##0.##"


def write_summary(ws: Worksheet, project: Project, costs: CostBreakdown) -> None:
    """Fill the Summary sheet: inputs, totals and the three breakdowns."""
    last = max(2, len(costs.lines) + 1)
    money = money_format(costs.currency)
    put_text(ws, 1, 1, f"Costs — {project.route.name}").font = TITLE_FONT
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
    write_totals(ws, last, money)
    row = 16
    for title, column, keys in breakdowns(costs):
        row = write_breakdown(ws, row, title, column, keys, last, money) + 1
    set_widths(ws, (34.0, 20.0, 20.0))
    ws.column_dimensions["D"].width = 44
    setup_print(ws, title_rows="1:1", header=project.route.name, day="Cost summary")


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
    ws.cell(row=4, column=4, value="Yellow cells (and Rates) are editable.")


def breakdowns(costs: CostBreakdown) -> list[tuple[str, str, list[str | date]]]:
    """Return (title, Lines column, keys) of the category/country/day tables."""
    days: list[str | date] = [d if d is not None else NO_DAY for d in costs.by_day()]
    return [
        ("By category", "C", [str(c) for c in costs.by_category()]),
        ("By country", "B", list(costs.by_country())),
        ("By day", "A", days),
    ]


def write_breakdown(
    ws: Worksheet,
    row: int,
    title: str,
    column: str,
    keys: list[str | date],
    last: int,
    money: str,
) -> int:
    """Write one SUMIF table; return the row after it."""
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
