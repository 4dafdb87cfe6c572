"""``scenarios.xlsx``: scenarios side by side, and the value-against-budget curve.

The writer takes plain rows (``lrplanner.scenarios`` builds them), so it
knows nothing of planning: a Comparison sheet with one row per scenario,
and, when a curve was planned, a Budget curve sheet with the value, visits
and cost of the best plan at each cap and a line chart of value against
cap. Every text (scenario names, changes, problems) is written as text,
never as a formula.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.chart import Reference, ScatterChart, Series

from lrplanner.core.atomic import atomic_path
from lrplanner.exporters.xlsx_cells import (
    WRAP,
    put_header,
    put_text,
    set_widths,
    setup_print,
)

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from openpyxl.worksheet.worksheet import Worksheet

Number = float | int | Decimal | None
COMPARISON_HEADERS = (
    "Scenario",
    "Changes",
    "Value",
    "Visits",
    "Themes",
    "Countries",
    "Travel hours",
    "Hotel changes",
    "Cost",
    "Cost per participant",
    "Budget cap",
    "Champions: women",
    "Champions: youth",
    "Note",
)
CURVE_HEADERS = ("Budget cap", "Value", "Visits", "Cost", "Value per 1,000 more")


@dataclass(frozen=True, slots=True, kw_only=True)
class ComparisonRow:
    """One scenario's figures as the Comparison sheet prints them."""

    name: str
    changes: str
    value: float | None
    visits: int | None
    themes: int | None
    countries: str
    travel_hours: float | None
    hotel_changes: int | None
    cost: Decimal | None
    cost_per_participant: Decimal | None
    budget_cap: Decimal | None
    women_share: float | None
    youth_share: float | None
    note: str = ""
    #: False: the settings would not load, ``budget_cap`` is not known.
    cap_known: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class CurveRow:
    """The best plan under one cap (``cap`` None: no cap)."""

    cap: Decimal | None
    value: float | None
    visits: int | None
    cost: Decimal | None
    note: str = ""


def write_scenarios_xlsx(
    path: Path,
    rows: Sequence[ComparisonRow],
    curve: Sequence[CurveRow] = (),
    *,
    route: str,
    currency: str,
) -> None:
    """Write the comparison (and the budget curve, if any) atomically."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Comparison"
    _comparison(ws, rows, currency)
    setup_print(ws, title_rows="1:1", header=route, day="Scenarios")
    if curve:
        sheet = wb.create_sheet("Budget curve")
        _curve(sheet, curve, currency)
        setup_print(sheet, title_rows="1:1", header=route, day="Budget curve")
    with atomic_path(path) as temp:
        wb.save(temp)


def _money(currency: str) -> str:
    return f'#,##0 "{currency}"'


def _comparison(ws: Worksheet, rows: Sequence[ComparisonRow], currency: str) -> None:
    put_header(ws, 1, COMPARISON_HEADERS)
    money = _money(currency)
    for r, row in enumerate(rows, start=2):
        put_text(ws, r, 1, row.name)
        put_text(ws, r, 2, row.changes).alignment = WRAP
        numbers: tuple[tuple[Number, str], ...] = (
            (row.value, "0.0"),
            (row.visits, "0"),
            (row.themes, "0"),
        )
        for c, (number, shown) in enumerate(numbers, start=3):
            ws.cell(row=r, column=c, value=number).number_format = shown
        put_text(ws, r, 6, row.countries)
        more: tuple[tuple[Number, str], ...] = (
            (row.travel_hours, "0.0"),
            (row.hotel_changes, "0"),
            (row.cost, money),
            (row.cost_per_participant, money),
            (row.budget_cap, money),
            (row.women_share, "0%"),
            (row.youth_share, "0%"),
        )
        for c, (number, shown) in enumerate(more, start=7):
            ws.cell(row=r, column=c, value=number).number_format = shown
        put_text(ws, r, 14, row.note).alignment = WRAP
    set_widths(ws, (22, 40, 8, 7, 8, 14, 9, 9, 13, 13, 13, 10, 10, 50))
    ws.freeze_panes = "B2"


def _curve(ws: Worksheet, curve: Sequence[CurveRow], currency: str) -> None:
    put_header(ws, 1, CURVE_HEADERS)
    money = _money(currency)
    for r, point in enumerate(curve, start=2):
        if point.cap is None:
            put_text(ws, r, 1, "no cap")
        else:
            ws.cell(row=r, column=1, value=point.cap).number_format = money
        ws.cell(row=r, column=2, value=point.value).number_format = "0.0"
        ws.cell(row=r, column=3, value=point.visits)
        ws.cell(row=r, column=4, value=point.cost).number_format = money
        if r > 2:  # what the last step of budget bought, per 1,000
            ws.cell(
                row=r,
                column=5,
                value=f"=IF(AND(ISNUMBER(B{r}),ISNUMBER(B{r - 1}),D{r}>D{r - 1}),"
                f'(B{r}-B{r - 1})/(D{r}-D{r - 1})*1000,"")',
            ).number_format = "0.00"
        if point.note:
            put_text(ws, r, 6, point.note)
    set_widths(ws, (14, 9, 8, 14, 14, 60))
    last = len(curve) + 1
    chart = ScatterChart()
    chart.title = "Best plan's value at each budget"
    chart.style = 13
    chart.x_axis.title = f"Cost of the plan ({currency})"
    chart.y_axis.title = "Learning value"
    xs = Reference(ws, min_col=4, min_row=2, max_row=last)
    ys = Reference(ws, min_col=2, min_row=1, max_row=last)
    series = Series(ys, xs, title_from_data=True)
    series.marker.symbol = "circle"
    chart.series.append(series)
    chart.height, chart.width = 9, 16
    ws.add_chart(chart, f"A{last + 3}")
