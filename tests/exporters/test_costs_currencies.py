"""Tests of costs.xlsx with amounts entered in NPR and BDT (South Asia sample)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

import openpyxl

from tests.exporters.test_costs_committee import evaluate, value

if TYPE_CHECKING:
    from pathlib import Path

    from tests.exporters.fixtures import Plan


def _exchange_row(path: Path, code: str) -> int:
    ws = openpyxl.load_workbook(path)["Exchange rates"]
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == code)


def test_the_exchange_rates_sheet_lists_each_rate_with_its_source(
    exported: dict[str, Path], plan: Plan
) -> None:
    """Tests one editable row per rate: code, units per USD, date, source."""
    ws = openpyxl.load_workbook(exported["costs.xlsx"])["Exchange rates"]
    assert ws["B1"].value == "Units per 1 USD"
    for row, rate in enumerate(plan.project.rates, start=2):
        assert ws.cell(row, 1).value == rate.currency
        assert Decimal(str(ws.cell(row, 2).value)) == rate.per_unit
        written = ws.cell(row, 3).value
        assert isinstance(written, datetime)
        assert written.date() == rate.on
        assert ws.cell(row, 4).value == rate.source
    assert [r.currency for r in plan.project.rates] == ["NPR", "BDT"]


def test_local_lines_show_the_amount_in_their_currency(
    exported: dict[str, Path], plan: Plan
) -> None:
    """Tests that a Lines row entered in NPR shows quantity x the NPR rate."""
    solution = evaluate(exported["costs.xlsx"])
    local = [
        (r, line) for r, line in enumerate(plan.costs.lines, start=2) if line.local
    ]
    assert local, "the sample's Nepal lodging and fees are in NPR"
    for row, line in local:
        assert line.local is not None
        shown = value(solution, "Lines", f"I{row}")
        assert shown == (line.quantity * line.local.amount).quantize(Decimal("0.01"))
        assert value(solution, "Lines", f"F{row}") == line.unit_rate


def test_a_new_exchange_rate_moves_the_total(
    exported: dict[str, Path], plan: Plan
) -> None:
    """Tests that NPR 135 -> 150 per USD lowers each NPR line as the importer would."""
    path = exported["costs.xlsx"]
    row = _exchange_row(path, "NPR")
    solution = evaluate(path, {f"'[costs.xlsx]EXCHANGE RATES'!B{row}": 150})
    subtotal = sum(
        (
            line.quantity
            * (
                (line.local.amount / 150).quantize(Decimal("0.01"))
                if line.local is not None and line.local.currency == "NPR"
                else line.unit_rate
            )
            for line in plan.costs.lines
        ),
        Decimal(0),
    )
    assert subtotal < plan.costs.subtotal
    assert value(solution, "Summary", "B8") == subtotal.quantize(Decimal("0.01"))
