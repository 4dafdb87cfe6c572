"""Tests of amounts in other currencies edited in the app (no Qt)."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from lrplanner.importers import read_inputs
from lrplanner.importers.ecb import reference_rate
from lrplanner.services_edit import add_record, delete_record, edit_cell, edit_route

if TYPE_CHECKING:
    from lrplanner.core.project import Project

MEKONG = Path(__file__).resolve().parents[1] / "sample_data" / "mekong.xlsx"


@cache
def mekong() -> Project:
    """Return the Mekong sample: champions' honoraria in KHR, Lao fees in LAK."""
    project = read_inputs(MEKONG).project
    assert project is not None
    return project


def _row(project: Project, field: str, ident: str) -> int:
    return next(i for i, r in enumerate(getattr(project, field)) if r.id == ident)


def _rate_row(project: Project, code: str) -> int:
    return next(i for i, r in enumerate(project.rates) if r.currency == code)


def test_a_fee_typed_in_riel_is_converted() -> None:
    """Tests that '600,000 KHR' typed in the Sites tab is a fee of 150.00 USD."""
    project = mekong()
    row = _row(project, "sites", "KH01")
    edited = edit_cell(project, "Sites", row, "fee_per_group", "600,000 KHR")
    site = edited.sites[row]
    assert site.fee_per_group == Decimal("150.00")
    assert site.prices["fee_per_group"].text() == "600,000 KHR"
    assert edited.rates == project.rates


def test_a_changed_rate_converts_every_amount_in_its_currency() -> None:
    """Tests that KHR 4,000 -> 4,100 moves each riel honorarium, and only those."""
    project = mekong()
    row = _rate_row(project, "KHR")
    edited = edit_cell(project, "Rates", row, "per_unit", "4,100")
    assert edited.rates[row].per_unit == 4100
    for before, after in zip(project.champions, edited.champions, strict=True):
        local = before.prices.get("honorarium")
        if local is None:
            assert after.honorarium == before.honorarium
        else:
            expected = (local.amount / 4100).quantize(Decimal("0.01"))
            assert after.honorarium == expected != before.honorarium
    assert edited.places == project.places  # LAK and VND amounts unchanged


def test_a_rate_in_use_cannot_be_deleted() -> None:
    """Tests that deleting the KHR rate names the champions paid in riel."""
    project = mekong()
    with pytest.raises(ValueError, match=r"exchange rate for KHR is used by champion"):
        delete_record(project, "Rates", _rate_row(project, "KHR"))


def test_an_ecb_currency_typed_in_joins_the_rates() -> None:
    """Tests that '5,000 THB' adds the ECB's THB rate to the project."""
    project = mekong()
    row = _row(project, "sites", "KH01")
    edited = edit_cell(project, "Sites", row, "fee_per_group", "5,000 THB")
    ecb = reference_rate("THB", "USD")
    assert ecb is not None
    assert edited.rates == (*project.rates, ecb)
    assert edited.sites[row].fee_per_group == ecb.convert(Decimal(5000))


def test_a_currency_without_any_rate_is_refused() -> None:
    """Tests that an amount in NPR (no row, no ECB rate) is refused, saying why."""
    project = mekong()
    row = _row(project, "sites", "KH01")
    with pytest.raises(ValueError, match="NPR has none"):
        edit_cell(project, "Sites", row, "fee_per_group", "20,000 NPR")


def test_a_new_rate_is_the_next_route_currency_from_the_ecb() -> None:
    """Tests that Add in the Rates tab offers THB at the ECB rate (KHR, LAK,
    VND already have rows)."""
    project = mekong()
    added = add_record(project, "Rates")
    new = added.rates[-1]
    assert new == reference_rate("THB", "USD")
    assert added.sites == project.sites


def test_the_reporting_currency_cannot_change_under_the_rates() -> None:
    """Tests that USD -> EUR is refused while amounts rest on per-USD rates."""
    with pytest.raises(ValueError, match="exchange rates are per USD"):
        edit_route(mekong(), "currency", "EUR")
