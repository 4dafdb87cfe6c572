"""``costs.xlsx``: editable rates, every cost line, and live-formula totals.

The workbook is built for a budget holder who edits it: each distinct unit
rate lives in one cell of the Rates sheet, each line's unit rate is a formula
pointing at that cell, each per-person line's quantity is a formula of the
Summary's participant count, and every total on the Summary sheet is a
SUM/SUMIF over the Lines sheet. Changing a rate, the participants, a quantity
or the contingency % moves every total, in Excel or LibreOffice, without
LR Planner. Countries are named; estimated fares are marked and explained.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from lrplanner.core.costs import INTERNATIONAL, CostCategory, CostLine
from lrplanner.core.plan import ESTIMATE_NOTE
from lrplanner.exporters.costs_summary import (
    DATE_FORMAT,
    EDITABLE,
    NO_DAY,
    PARTICIPANTS_CELL,
    country_name,
    money_format,
    setup_one_page,
    write_summary,
)
from lrplanner.exporters.xlsx_cells import (
    WRAP,
    fit_row_height,
    put_header,
    put_text,
    save_plan_workbook,
    set_widths,
    setup_print,
)
from lrplanner.network.estimate import EstimateSettings

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from openpyxl.worksheet.worksheet import Worksheet

    from lrplanner.core.costs import CostBreakdown
    from lrplanner.core.project import Project

RatePair = tuple[str, Decimal]
ESTIMATE_FILL = PatternFill("solid", fgColor="FCE4D6")
NOTE_FONT = Font(italic=True)
LINE_HEADERS: tuple[str, ...] = (
    "Day",
    "Country",
    "Category",
    "Item",
    "Quantity",
    "Unit rate",
)
LINE_HEADERS += ("Amount", "Rate key")


def write_costs_xlsx(
    project: Project,
    costs: CostBreakdown,
    path: Path,
    *,
    check_failures: Sequence[str] = (),
) -> None:
    """Write the cost workbook (Summary, Rates, Lines) atomically.

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
    further = further_fares(costs)
    if further is not None:
        costs = dataclasses.replace(costs, lines=(*costs.lines, further))
    wb = Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = "Summary"
    rates = wb.create_sheet("Rates")
    exchange = write_exchange(wb, project, costs)
    lines = wb.create_sheet("Lines")
    rate_cells = write_rates(rates, costs, exchange)
    write_lines(lines, costs, rate_cells)
    notes = estimate_notes(costs)
    put_notes(lines, len(costs.lines) + 3, notes)
    end = write_summary(summary, project, costs)
    last = put_notes(summary, end, notes) - 1 if notes else end - 2
    setup_one_page(summary, project.route.name, last)
    for ws, subject in ((rates, "Rates"), (lines, "Cost lines")):
        setup_print(ws, title_rows="1:1", header=project.route.name, day=subject)
    save_plan_workbook(wb, path, check_failures)


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


EXCHANGE_SHEET = "Exchange rates"
LOCAL_FORMAT = "#,##0.##"


def write_exchange(
    wb: Workbook, project: Project, costs: CostBreakdown
) -> dict[str, str]:
    """Add the Exchange rates sheet if any rate is in another currency.

    One row per rate of the project (units per one reporting unit, its date
    and source); returns the editable rate cell of each currency.
    """
    if not project.rates:
        return {}
    ws = wb.create_sheet(EXCHANGE_SHEET)
    reporting = costs.currency
    put_header(ws, 1, ("Currency", f"Units per 1 {reporting}", "Date", "Source"))
    cells: dict[str, str] = {}
    for row, rate in enumerate(project.rates, start=2):
        put_text(ws, row, 1, rate.currency)
        cell = ws.cell(row=row, column=2, value=rate.per_unit)
        cell.number_format = "#,##0.######"
        cell.fill = EDITABLE
        if rate.on is not None:
            ws.cell(row=row, column=3, value=rate.on).number_format = DATE_FORMAT
        put_text(ws, row, 4, rate.source or "source not given").alignment = WRAP
        cells[rate.currency] = f"'{EXCHANGE_SHEET}'!$B${row}"
    note = (
        f"An amount entered in another currency is converted at these rates, "
        f"to the cent: Rates shows it as entered (editable) and in {reporting}."
    )
    put_notes(ws, len(project.rates) + 3, [note])
    set_widths(ws, (12.0, 18.0, 13.0, 60.0))
    ws.freeze_panes = "A2"
    setup_print(ws, title_rows="1:1", header=project.route.name, day="Exchange rates")
    return cells


def write_rates(
    ws: Worksheet, costs: CostBreakdown, exchange: dict[str, str] | None = None
) -> dict[RatePair, str]:
    """Fill the Rates sheet; return the cell (``Rates!$C$n``) of each rate.

    A rate entered in another currency shows that amount (editable) and its
    currency; its unit rate is then ``ROUND(amount / exchange rate, 2)``, the
    importer's conversion, so the totals match the planner's.
    """
    exchange = exchange or {}
    headers: tuple[str, ...] = (
        "Rate key",
        "What it is",
        f"Unit rate ({costs.currency})",
    )
    if exchange:
        headers += ("Amount as entered", "Currency")
    put_header(ws, 1, headers)
    labels = {(line.rate_key, line.unit_rate): line for line in costs.lines}
    cells: dict[RatePair, str] = {}
    for row, (pair, key) in enumerate(rate_keys(costs).items(), start=2):
        line = labels[pair]
        put_text(ws, row, 1, key)
        put_text(ws, row, 2, line.rate_label)
        cell = ws.cell(row=row, column=3, value=line.unit_rate)
        local = line.local
        if local is not None and local.currency in exchange:
            entered = ws.cell(row=row, column=4, value=local.amount)
            entered.number_format = LOCAL_FORMAT
            entered.fill = EDITABLE
            put_text(ws, row, 5, local.currency)
            cell.value = f"=ROUND(D{row}/{exchange[local.currency]},2)"
        else:
            cell.fill = EDITABLE
        cell.number_format = money_format(costs.currency)
        cells[pair] = f"Rates!$C${row}"
    set_widths(ws, (34.0, 60.0, 18.0, 18.0, 10.0))
    ws.freeze_panes = "A2"
    return cells


def write_lines(
    ws: Worksheet, costs: CostBreakdown, rate_cells: dict[RatePair, str]
) -> None:
    """Fill the Lines sheet: one row per cost line, rate and amount as formulas.

    A per-person line's quantity is the Summary's participant count plus the
    line's staff, so editing that count moves it; estimated lines are shaded.
    """
    put_header(ws, 1, LINE_HEADERS)
    money = money_format(costs.currency)
    keys = rate_keys(costs)
    for row, line in enumerate(costs.lines, start=2):
        _write_line(ws, row, line, quantity_cell(line, costs.participants))
        pair = (line.rate_key, line.unit_rate)
        ws.cell(row=row, column=6, value=f"={rate_cells[pair]}").number_format = money
        ws.cell(row=row, column=7, value=f"=E{row}*F{row}").number_format = money
        put_text(ws, row, 8, keys[pair])
        if line.local is not None:
            local_rate = rate_cells[pair].replace("$C$", "$D$")
            entered = ws.cell(row=row, column=9, value=f"=E{row}*{local_rate}")
            entered.number_format = LOCAL_FORMAT
            put_text(ws, row, 10, line.local.currency)
        if line.estimated:
            for column in range(1, len(LINE_HEADERS) + 1):
                ws.cell(row=row, column=column).fill = ESTIMATE_FILL
    last = "H"
    if any(line.local is not None for line in costs.lines):
        put_header(ws, 1, (*LINE_HEADERS, *LOCAL_HEADERS))
        last = "J"
    set_widths(ws, LINE_WIDTHS)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{last}{max(2, len(costs.lines) + 1)}"


LINE_WIDTHS = (16.0, 13.0, 24.0, 60.0, 10.0, 15.0, 17.0, 32.0, 17.0, 10.0)
LOCAL_HEADERS = ("Local amount", "Currency")


FURTHER_KEY = "fare:further participants"


def further_fares(costs: CostBreakdown) -> CostLine | None:
    """Return the line for participants beyond the named ones (None: no fares).

    International fares are one line per named participant; this line adds,
    for each participant the Summary counts beyond them, the named ones'
    average fare (to the start and home). Its quantity is 0 until the
    participants cell grows, so the planner's total is unchanged.
    """
    fares = [c for c in costs.lines if c.category is CostCategory.INTERNATIONAL_FARES]
    if not fares or not costs.participants:
        return None
    total = sum((line.amount for line in fares), Decimal(0))
    average = (total / costs.participants).quantize(Decimal("0.01"))
    return CostLine(
        category=CostCategory.INTERNATIONAL_FARES,
        item=(
            f"fares of participants beyond the {costs.participants} named "
            "(their average, to the start and home)"
        ),
        quantity=Decimal(0),
        unit_rate=average,
        rate_key=FURTHER_KEY,
        rate_label="average international fare per named participant",
        country=INTERNATIONAL,
    )


def quantity_cell(line: CostLine, participants: int) -> Decimal | str:
    """Return a line's quantity: a formula of the participant cell, or a number.

    A per-person line counts the participants plus its staff (facilitators,
    interpreters: the rest of its quantity); the further participants' fares
    count the participants beyond the named ones; any other line keeps its
    number.
    """
    if line.rate_key == FURTHER_KEY:
        return f"=MAX(0,{PARTICIPANTS_CELL}-{participants})"
    staff = line.quantity - participants
    if not line.per_head or staff < 0:
        return line.quantity
    return f"={PARTICIPANTS_CELL}+{staff:f}" if staff else f"={PARTICIPANTS_CELL}"


def _write_line(
    ws: Worksheet, row: int, line: CostLine, quantity: Decimal | str
) -> None:
    if line.day is None:
        ws.cell(row=row, column=1, value=NO_DAY)
    else:
        ws.cell(row=row, column=1, value=line.day).number_format = DATE_FORMAT
    put_text(ws, row, 2, country_name(line.country))
    put_text(ws, row, 3, str(line.category))
    put_text(ws, row, 4, line.item).alignment = WRAP
    ws.cell(row=row, column=5, value=quantity).number_format = "#,##0.##"


def estimate_notes(costs: CostBreakdown) -> list[str]:
    """Return what the estimated lines are and what they rest on (none: [])."""
    count = sum(line.estimated for line in costs.lines)
    if not count:
        return []
    settings = EstimateSettings()
    currency = costs.currency
    lines = "line is an estimate" if count == 1 else "lines are estimates"
    return [
        f"Estimated fares: {count} travel cost {lines}, marked "
        f"'({ESTIMATE_NOTE})' and shaded: the Links sheet has no row for the "
        "leg, so LR Planner estimated it from the distance.",
        f"An estimated flight costs {currency} {settings.flight_base_fare} plus "
        f"{currency} {settings.flight_fare_per_km} per great-circle km per "
        "person, its time the distance at "
        f"{settings.flight_speed_kmh:.0f} km/h plus {settings.airport_overhead_min} "
        "minutes at the airports; an estimated road leg has no fare (the "
        "vehicle hire per day pays for it).",
        "Confirm the fare and enter it on the Rates sheet, or add the leg to "
        "the Links sheet with its fare and plan again.",
    ]


def put_notes(ws: Worksheet, row: int, notes: Sequence[str]) -> int:
    """Write notes from ``row``, each wrapped across the sheet's columns.

    Returns the row after the last note.
    """
    widths = [ws.column_dimensions[chr(ord("A") + i)].width or 13.0 for i in range(6)]
    for offset, note in enumerate(notes):
        r = row + offset
        cell = put_text(ws, r, 1, note)
        cell.alignment = WRAP
        cell.font = NOTE_FONT
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
        fit_row_height(ws, r, (note,), (sum(widths),))
    return row + len(notes)
