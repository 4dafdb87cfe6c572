"""Tests of costs.xlsx budget against actual: planned, difference, % used, red."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

import formulas
import openpyxl

from lrplanner.core.budget_lines import PlannedAmount, planned_by_category
from lrplanner.core.costs import CostBreakdown, CostCategory
from lrplanner.exporters.costs_xlsx import write_costs_xlsx

if TYPE_CHECKING:
    from pathlib import Path

    from openpyxl.worksheet.worksheet import Worksheet

    from lrplanner.core.project import Project
    from tests.exporters.fixtures import Plan

CENT = Decimal("0.01")


def export(project: Project, costs: CostBreakdown, folder: Path) -> Path:
    """Write costs.xlsx for a project and breakdown; return its path."""
    path = folder / "costs.xlsx"
    write_costs_xlsx(project, costs, path)
    return path


def evaluated(path: Path) -> Any:
    """Return the workbook recalculated by ``formulas``."""
    return formulas.ExcelModel().loads(str(path)).finish().calculate()


def cell(solution: Any, ref: str) -> Any:
    """Return an evaluated Summary cell: a Decimal to the cent, or text."""
    raw = solution[f"'[costs.xlsx]SUMMARY'!{ref}"].value[0, 0]
    if isinstance(raw, str):
        return raw
    return Decimal(str(float(raw))).quantize(CENT)


def category_rows(ws: Worksheet) -> dict[str, int]:
    """Return the Summary row of each category and of 'All categories'."""
    assert ws["A16"].value == "By category"
    rows: dict[str, int] = {}
    for row in range(17, ws.max_row + 1):
        label = ws.cell(row, 1).value
        if label == "By country":
            break
        if label:
            rows[str(label)] = row
    return rows


def test_each_category_against_its_planned_amount(plan: Plan, tmp_path: Path) -> None:
    """Tests planned, actual, planned minus actual and % used for every category."""
    planned = planned_by_category(plan.project.budget)
    assert planned[CostCategory.LODGING] == Decimal("5600")  # the sample's Budget
    path = export(plan.project, plan.costs, tmp_path)
    ws = openpyxl.load_workbook(path)["Summary"]
    assert [c.value for c in ws[16]] == [
        "By category",
        "Actual",
        "Per participant",
        "Planned",
        "Planned minus actual",
        "% used",
    ]
    rows = category_rows(ws)
    assert list(rows) == [*(str(c) for c in CostCategory), "All categories"]
    solution = evaluated(path)
    actual = plan.costs.by_category()
    for category, amount in planned.items():
        r = rows[str(category)]
        assert ws.cell(r, 4).value == amount
        assert cell(solution, f"B{r}") == actual[category]
        assert cell(solution, f"E{r}") == amount - actual[category]
        share = solution[f"'[costs.xlsx]SUMMARY'!F{r}"].value[0, 0]
        assert abs(float(share) - float(actual[category] / amount)) < 1e-9
    total = rows["All categories"]
    assert cell(solution, f"B{total}") == plan.costs.subtotal
    assert cell(solution, f"D{total}") == sum(planned.values())
    assert cell(solution, f"E{total}") == sum(planned.values()) - plan.costs.subtotal
    assert str(ws.cell(total, 4).value).startswith("=IF(COUNT(D17:D26)")
    assert ws.cell(rows["lodging"], 6).number_format == "0.0%"


def test_over_planned_turns_red_and_follows_edits(plan: Plan, tmp_path: Path) -> None:
    """Tests the over-budget rule: a lodging plan below the actual goes red."""
    tight = plan.project.with_changes(
        budget=(
            PlannedAmount(category=CostCategory.LODGING, amount=Decimal("2000")),
            PlannedAmount(category=CostCategory.PER_DIEM, amount=Decimal("9000")),
        )
    )
    path = export(tight, plan.costs, tmp_path)
    ws = openpyxl.load_workbook(path)["Summary"]
    rows = category_rows(ws)
    [(ranges, rules)] = [(str(cf.sqref), cf.rules) for cf in ws.conditional_formatting]
    assert ranges == f"A17:F{rows['All categories']}"
    [rule] = rules
    assert rule.formula == ["AND(ISNUMBER($D17),$B17>$D17)"]
    assert rule.dxf.fill.bgColor.rgb == "00FFC7CE"
    solution = evaluated(path)
    over = [
        label
        for label, r in rows.items()
        if isinstance(cell(solution, f"D{r}"), Decimal)
        and cell(solution, f"B{r}") > cell(solution, f"D{r}")
    ]
    # lodging 2,760 against 2,000 (per diem 3,960 against 9,000 is under), and
    # all categories 34,904 against the 11,000 planned for two of them
    assert over == ["lodging", "All categories"]
    assert cell(solution, f"E{rows['lodging']}") == Decimal("-760.00")
    assert cell(solution, f"E{rows['venues']}") == ""  # no planned amount
    assert ws.cell(rows["venues"], 4).value is None
    assert ws.cell(rows["venues"], 4).fill.fgColor.rgb == "00FFF2CC"  # editable


def test_a_planned_category_without_costs_is_listed(plan: Plan, tmp_path: Path) -> None:
    """Tests that a category planned but not spent shows 0 actual and 0 % used."""
    lines = tuple(x for x in plan.costs.lines if x.category is not CostCategory.VENUES)
    costs = CostBreakdown(lines=lines, currency="USD", participants=20)
    path = export(plan.project, costs, tmp_path)
    rows = category_rows(openpyxl.load_workbook(path)["Summary"])
    solution = evaluated(path)
    venues = rows["venues"]
    assert cell(solution, f"B{venues}") == 0
    assert cell(solution, f"E{venues}") == Decimal("300.00")
    assert cell(solution, f"F{venues}") == 0


def test_no_budget_and_no_costs_leave_no_circular_total(
    plan: Plan, tmp_path: Path
) -> None:
    """Tests a route with no planned amounts and no lines: 0, blanks, no cycle."""
    project = plan.project.with_changes(budget=())
    path = export(project, CostBreakdown(lines=(), currency="USD"), tmp_path)
    ws = openpyxl.load_workbook(path)["Summary"]
    assert category_rows(ws) == {"All categories": 17}
    assert ws["B17"].value == "=0"
    solution = evaluated(path)
    assert cell(solution, "B17") == 0
    assert cell(solution, "E17") == ""
    assert cell(solution, "B10") == 0
