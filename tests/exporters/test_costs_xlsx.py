"""Tests of costs.xlsx: editable rates, formula lines, live totals."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import formulas
import openpyxl
import pytest

from lrplanner.core.countries import COUNTRIES
from lrplanner.exporters.costs_xlsx import FURTHER_KEY

if TYPE_CHECKING:
    from pathlib import Path

    from openpyxl.workbook import Workbook

    from tests.exporters.fixtures import Plan


@pytest.fixture(scope="module")
def workbook(exported: dict[str, Path]) -> Workbook:
    """Return the exported cost workbook (formulas, not values)."""
    return openpyxl.load_workbook(exported["costs.xlsx"])


@pytest.fixture(scope="module")
def model(exported: dict[str, Path]) -> Any:
    """Return the cost workbook loaded into the ``formulas`` evaluator."""
    return formulas.ExcelModel().loads(str(exported["costs.xlsx"])).finish()


def value(solution: Any, sheet: str, cell: str) -> Decimal:
    """Return an evaluated cell as a Decimal rounded to the cent."""
    raw = solution[f"'[costs.xlsx]{sheet.upper()}'!{cell}"].value[0, 0]
    return Decimal(str(float(raw))).quantize(Decimal("0.01"))


def cent(amount: Decimal) -> Decimal:
    """Return an amount rounded to the cent."""
    return amount.quantize(Decimal("0.01"))


def test_summary_total_equals_costs_total(model: Any, plan: Plan) -> None:
    """Tests that the evaluated Summary totals equal the core's to the cent."""
    solution = model.calculate()
    assert value(solution, "Summary", "B8") == cent(plan.costs.subtotal)
    assert value(solution, "Summary", "B9") == cent(plan.costs.contingency)
    assert value(solution, "Summary", "B10") == cent(plan.costs.total)
    assert value(solution, "Summary", "B11") == cent(plan.costs.per_participant)
    assert plan.costs.budget_cap is not None
    assert value(solution, "Summary", "B12") == cent(
        plan.costs.budget_cap - plan.costs.total
    )


def test_breakdowns_equal_core_sums(model: Any, workbook: Workbook, plan: Plan) -> None:
    """Tests that every SUMIF row (category, country, day) equals the core's sum."""
    solution = model.calculate()
    expected: dict[object, Decimal] = {
        str(k): v for k, v in plan.costs.by_category().items()
    }
    expected.update(
        {COUNTRIES.get(k, k): v for k, v in plan.costs.by_country().items()}
    )
    expected.update({k: v for k, v in plan.costs.by_day().items() if k is not None})
    ws = workbook["Summary"]
    checked = 0
    for row in range(17, ws.max_row + 1):
        key: Any = ws.cell(row=row, column=1).value
        key = key.date() if isinstance(key, datetime) else key
        if key in expected:
            assert value(solution, "Summary", f"B{row}") == cent(expected[key])
            checked += 1
    assert checked == len(expected) == 10 + 3 + 4


def test_changing_a_rate_moves_the_total(
    model: Any, workbook: Workbook, plan: Plan
) -> None:
    """Tests that editing the Kathmandu-Dhaka fare moves the total by qty x delta."""
    rates = workbook["Rates"]
    row = next(
        r
        for r in range(2, rates.max_row + 1)
        if rates.cell(r, 1).value == "fare:flight:KTM>DAC"
    )
    assert rates.cell(row, 3).value == 210
    quantity = sum(
        line.quantity
        for line in plan.costs.lines
        if line.rate_key == "fare:flight:KTM>DAC"
    )
    solution = model.calculate(inputs={f"'[costs.xlsx]RATES'!C{row}": 250})
    moved = quantity * 40 * Decimal("1.05")
    assert value(solution, "Summary", "B10") == cent(plan.costs.total + moved)


def test_contingency_cell_is_live(model: Any, plan: Plan) -> None:
    """Tests that changing the contingency % cell recomputes the total."""
    solution = model.calculate(inputs={"'[costs.xlsx]SUMMARY'!B4": 10})
    assert value(solution, "Summary", "B10") == cent(
        plan.costs.subtotal * Decimal("1.1")
    )


def test_every_line_is_a_formula(workbook: Workbook, plan: Plan) -> None:
    """Tests that each line's rate points at the Rates sheet and amount is E x F."""
    ws = workbook["Lines"]
    last = len(plan.costs.lines) + 2  # the further participants' fares
    assert ws.max_row == last
    assert ws.cell(last, 5).value == "=MAX(0,Summary!$B$5-20)"
    sheet = workbook["Rates"]
    rates: dict[Any, Any] = {
        f"=Rates!$C${r}": (sheet.cell(r, 3).value, sheet.cell(r, 4).value, r)
        for r in range(2, sheet.max_row + 1)
    }
    exchange = workbook["Exchange rates"]
    rows = {exchange.cell(r, 1).value: r for r in range(2, len(plan.project.rates) + 2)}
    for row, line in enumerate(plan.costs.lines, start=2):
        assert ws.cell(row, 7).value == f"=E{row}*F{row}"
        assert ws.cell(row, 6).data_type == "f"
        rate, entered, at = rates[ws.cell(row, 6).value]
        if line.local is None:
            assert rate == line.unit_rate
        else:  # entered in NPR or BDT: converted by the Exchange rates sheet
            place = rows[line.local.currency]
            assert rate == f"=ROUND(D{at}/'Exchange rates'!$B${place},2)"
            assert entered == line.local.amount
        assert ws.cell(row, 4).value == line.item


def test_rates_are_distinct_and_formatted(workbook: Workbook, plan: Plan) -> None:
    """Tests that Rates holds one editable cell per rate key, in USD format."""
    ws = workbook["Rates"]
    keys = [ws.cell(r, 1).value for r in range(2, ws.max_row + 1)]
    assert keys == [
        *dict.fromkeys(line.rate_key for line in plan.costs.lines),
        FURTHER_KEY,
    ]
    assert ws["C2"].number_format == '#,##0.00 "USD"'
    assert workbook["Summary"]["B10"].value == "=B8+B9"
    assert workbook["Summary"]["B10"].number_format == '#,##0.00 "USD"'
