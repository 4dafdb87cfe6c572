"""Tests of costs.xlsx for a budget committee: head count, names, estimates, A4."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import formulas
import openpyxl
import pytest

from lrplanner.core.costmodel import compute_costs
from lrplanner.core.costs import CostBreakdown, CostCategory, CostLine
from lrplanner.core.countries import COUNTRIES
from lrplanner.core.places import TravelMode
from lrplanner.core.plan import ESTIMATE_NOTE, EventKind, Itinerary
from lrplanner.exporters.costs_xlsx import further_fares, write_costs_xlsx

if TYPE_CHECKING:
    from pathlib import Path

    from openpyxl.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from tests.exporters.fixtures import Plan

A4_PT = (595.3, 841.9)


@pytest.fixture(scope="module")
def workbook(exported: dict[str, Path]) -> Workbook:
    """Return the exported cost workbook (formulas, not values)."""
    return openpyxl.load_workbook(exported["costs.xlsx"])


def evaluate(path: Path, inputs: dict[str, object] | None = None) -> Any:
    """Return the workbook at ``path`` recalculated by ``formulas``."""
    model = formulas.ExcelModel().loads(str(path)).finish()
    return model.calculate(inputs=inputs or {})


def value(solution: Any, sheet: str, cell: str) -> Decimal:
    """Return an evaluated cell as a Decimal rounded to the cent."""
    raw = solution[f"'[costs.xlsx]{sheet.upper()}'!{cell}"].value[0, 0]
    return Decimal(str(float(raw))).quantize(Decimal("0.01"))


def test_per_person_quantities_read_the_participant_cell(
    workbook: Workbook, plan: Plan
) -> None:
    """Tests that per-person lines are participants + staff, others constants."""
    ws = workbook["Lines"]
    staff = plan.project.group_size - len(plan.project.participants)
    assert staff == 4  # 2 facilitators, 2 interpreters
    per_head = 0
    for row, line in enumerate(plan.costs.lines, start=2):
        cell = ws.cell(row, 5).value
        if line.per_head:
            assert cell == "=Summary!$B$5+4"
            per_head += 1
        else:
            assert cell == line.quantity
    categories = {line.category for line in plan.costs.lines if line.per_head}
    assert categories == {
        CostCategory.PER_DIEM,
        CostCategory.LODGING,
        CostCategory.TRAVEL,
        CostCategory.HOST_FEES,
    }
    assert per_head == 13  # 4 per diems, 3 nights, 3 fares, 3 fees per person
    assert workbook["Summary"]["B5"].value == len(plan.project.participants) == 20


def test_unchanged_participants_give_the_planner_total(
    exported: dict[str, Path], plan: Plan
) -> None:
    """Tests that every recalculated quantity and the total equal the planner's."""
    solution = evaluate(exported["costs.xlsx"])
    for row, line in enumerate(plan.costs.lines, start=2):
        assert value(solution, "Lines", f"E{row}") == line.quantity
    assert value(solution, "Summary", "B10") == plan.costs.total.quantize(
        Decimal("0.01")
    )


def test_five_more_participants_move_every_per_person_line(
    exported: dict[str, Path], plan: Plan
) -> None:
    """Tests that N+5 participants add 5 to each per-person line and its cost."""
    solution = evaluate(exported["costs.xlsx"], {"'[costs.xlsx]SUMMARY'!B5": 25})
    for row, line in enumerate(plan.costs.lines, start=2):
        moved = 5 if line.per_head else 0
        assert value(solution, "Lines", f"E{row}") == line.quantity + moved
    per_person = sum(
        (line.unit_rate for line in plan.costs.lines if line.per_head), Decimal(0)
    )
    # per diems 35+30+50+50, lodging 35+20+60, fares 130+130+210, fees 2+2+2
    assert per_person == Decimal("756")
    # and the 5 beyond the 20 named each pay the named ones' average fare
    further = further_fares(plan.costs)
    assert further is not None
    fares = [
        c for c in plan.costs.lines if c.category is CostCategory.INTERNATIONAL_FARES
    ]
    named = sum((c.amount for c in fares), Decimal(0))
    assert further.unit_rate == (named / 20).quantize(Decimal("0.01"))
    last = len(plan.costs.lines) + 2
    assert value(solution, "Lines", f"E{last}") == 5
    assert value(solution, "Lines", f"G{last}") == 5 * further.unit_rate
    expected = plan.costs.total + 5 * (per_person + further.unit_rate) * Decimal("1.05")
    assert value(solution, "Summary", "B10") == expected.quantize(Decimal("0.01"))
    assert value(solution, "Summary", "B11") == (expected / 25).quantize(
        Decimal("0.01")
    )
    lodging = next(
        r for r in range(17, 27) if solution_text(solution, f"A{r}") == "lodging"
    )
    nights = sum(
        line.unit_rate
        for line in plan.costs.lines
        if line.category is CostCategory.LODGING
    )
    assert value(solution, "Summary", f"B{lodging}") == (
        plan.costs.by_category()[CostCategory.LODGING] + 5 * nights
    )


def solution_text(solution: Any, cell: str) -> str:
    """Return an evaluated Summary text cell."""
    return str(solution[f"'[costs.xlsx]SUMMARY'!{cell}"].value[0, 0])


def test_countries_are_named(workbook: Workbook, plan: Plan) -> None:
    """Tests that Lines and the country table name countries, never codes."""
    lines = workbook["Lines"]
    shown = [lines.cell(row, 2).value for row in range(2, len(plan.costs.lines) + 2)]
    assert shown == [COUNTRIES.get(c.country, c.country) for c in plan.costs.lines]
    assert set(shown) == {"Nepal", "Bangladesh", "International"}
    summary = workbook["Summary"]
    column_a = [summary.cell(row, 1).value for row in range(1, summary.max_row + 1)]
    start = column_a.index("By country")
    assert column_a[start + 1 : start + 4] == ["Bangladesh", "International", "Nepal"]
    assert not {"NP", "BD"} & set(column_a)


def estimated_plan(plan: Plan) -> tuple[Itinerary, CostBreakdown]:
    """Return the plan with its Bhairahawa-Kathmandu flight an estimate."""
    days = list(plan.itinerary.days)
    events = list(days[2].events)
    index = next(
        i
        for i, e in enumerate(events)
        if e.kind is EventKind.TRAVEL
        and e.mode is TravelMode.FLIGHT
        and e.origin == "BWA"
    )
    events[index] = dataclasses.replace(
        events[index], estimated=True, fare_per_person=Decimal("87.40")
    )
    days[2] = dataclasses.replace(days[2], events=tuple(events))
    itinerary = Itinerary(days=tuple(days))
    return itinerary, compute_costs(plan.project, itinerary)


def test_estimated_fares_are_marked_and_explained(plan: Plan, tmp_path: Path) -> None:
    """Tests that an estimated fare is labelled, shaded and explained below."""
    _, costs = estimated_plan(plan)
    path = tmp_path / "costs.xlsx"
    write_costs_xlsx(plan.project, costs, path)
    book = openpyxl.load_workbook(path)
    lines = book["Lines"]
    rows = [
        r
        for r in range(2, len(costs.lines) + 2)
        if f"({ESTIMATE_NOTE})" in str(lines.cell(r, 4).value)
    ]
    assert [lines.cell(r, 4).value for r in rows] == [
        "fares, flight Gautam Buddha International Airport (Bhairahawa) to "
        f"Tribhuvan International Airport (Kathmandu) ({ESTIMATE_NOTE})"
    ]
    assert lines.cell(rows[0], 1).fill.fgColor.rgb == "00FCE4D6"
    assert lines.cell(rows[0] - 1, 1).fill.fgColor.rgb != "00FCE4D6"
    written = len(costs.lines) + 1  # and the further participants' fares
    for ws, start in ((lines, written + 3), (book["Summary"], None)):
        notes = notes_of(ws, start)
        assert notes[0].startswith("Estimated fares: 1 travel cost line is an")
        assert "USD 60 plus USD 0.10 per great-circle km per person" in notes[1]
        assert "Links sheet" in notes[2]


def notes_of(ws: Worksheet, start: int | None) -> list[str]:
    """Return the merged note rows of a sheet (from ``start``, or any row)."""
    rows = sorted(r.min_row for r in ws.merged_cells.ranges)
    if start is not None:
        assert rows[0] == start
    return [str(ws.cell(r, 1).value) for r in rows]


def test_no_estimate_no_note(workbook: Workbook) -> None:
    """Tests that a plan without estimated fares gets no estimate note."""
    assert not workbook["Lines"].merged_cells.ranges
    assert not workbook["Summary"].merged_cells.ranges


def test_summary_prints_on_one_a4_portrait_page(workbook: Workbook) -> None:
    """Tests the Summary's page set-up: A4 portrait, 1 x 1 pages, area, titles."""
    ws = workbook["Summary"]
    setup = ws.page_setup
    assert (setup.paperSize, setup.orientation) == (9, "portrait")
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 1)
    assert ws.sheet_properties.pageSetUpPr is not None
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.print_area == f"'Summary'!$A$1:$F${last_used_row(ws)}"
    assert ws.print_title_rows == "$1:$1"
    assert (ws.page_margins.left, ws.page_margins.top) == (0.4, 0.75)
    assert ws.oddFooter is not None
    assert ws.oddFooter.center.text == "Page &P of &N"
    assert 0.85 <= fit_scale(ws) <= 1.0


def last_used_row(ws: Worksheet) -> int:
    """Return the last row with a value."""
    return max(c.row for row in ws.iter_rows() for c in row if c.value is not None)


def fit_scale(ws: Worksheet) -> float:
    """Return the scale that fits the print area on the page (Excel's estimate).

    A column of width w characters is about 7w + 5 pixels of Calibri 11, a
    pixel 0.75 pt; a row without a height is 15 pt.
    """
    area = str(ws.print_area).split("!")[1].replace("$", "")
    last_column, last_row = area.split(":")[1][0], int(area.split(":")[1][1:])
    columns = [chr(c) for c in range(ord("A"), ord(last_column) + 1)]
    width = sum((ws.column_dimensions[c].width * 7 + 5) * 0.75 for c in columns)
    height = sum(ws.row_dimensions[r].height or 15.0 for r in range(1, last_row + 1))
    margins = ws.page_margins
    page_w, page_h = A4_PT
    if ws.page_setup.orientation == "landscape":
        page_w, page_h = page_h, page_w
    usable_w = page_w - 72 * (margins.left + margins.right)
    usable_h = page_h - 72 * (margins.top + margins.bottom)
    return min(1.0, usable_w / width, usable_h / height)


def test_three_week_route_summary_stays_readable(plan: Plan, tmp_path: Path) -> None:
    """Tests that a 21-day route's Summary fits one A4 page at 85 % or more."""
    start = date(2027, 1, 10)
    lines = tuple(
        CostLine(
            category=category,
            item=f"{category} on day {n + 1}",
            quantity=Decimal(24),
            unit_rate=Decimal(35),
            rate_key=f"{category}:{n}",
            rate_label=str(category),
            country=("NP", "BD", "IN")[n % 3],
            day=start + timedelta(days=n),
            per_head=True,
        )
        for n in range(21)
        for category in CostCategory
    )
    costs = CostBreakdown(lines=lines, currency="USD", participants=20)
    path = tmp_path / "costs.xlsx"
    write_costs_xlsx(plan.project, costs, path)
    ws = openpyxl.load_workbook(path)["Summary"]
    assert ws.print_area == f"'Summary'!$A$1:$F${last_used_row(ws)}"
    assert last_used_row(ws) >= 16 + 11 + 4 + 22
    assert 0.85 <= fit_scale(ws) < 1.0
