"""Tests of amounts in other currencies: the Rates sheet, conversion, write-back."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest

from lrplanner.core.currency import ExchangeRate, LocalAmount
from lrplanner.importers import read_inputs, write_template
from lrplanner.importers.ecb import reference_rate
from lrplanner.importers.project_rows import project_rows
from lrplanner.storage import load_project, save_project
from tests.importers.mekong import mekong_rows, write_workbook

if TYPE_CHECKING:
    from pathlib import Path

    from lrplanner.core.project import Project
    from lrplanner.importers import ImportResult
    from tests.importers.mekong import Rows


def _rows(**sites: object) -> Rows:
    """Return the Mekong rows with the first site's cells changed."""
    rows = {name: [dict(row) for row in sheet] for name, sheet in mekong_rows().items()}
    rows["Sites"][0].update(sites)
    return rows


def _read(rows: Rows, tmp_path: Path) -> ImportResult:
    return read_inputs(write_workbook(rows, tmp_path / "rates.xlsx"))


def _project(rows: Rows, tmp_path: Path) -> Project:
    result = _read(rows, tmp_path)
    assert result.project is not None, [e.message() for e in result.errors]
    return result.project


@pytest.mark.parametrize(
    "text", ["600,000 KHR", "KHR 600000", "\u17db600,000", "600000 khr"]
)
def test_an_amount_in_riel_is_converted_and_kept_as_entered(
    text: str, tmp_path: Path
) -> None:
    """Tests that 600,000 KHR at 4,000 KHR per USD is a fee of 150.00 USD."""
    project = _project(_rows(**{"Fee per group": text}), tmp_path)
    site = project.sites[0]
    assert site.fee_per_group == Decimal("150.00")
    assert site.prices == {"fee_per_group": LocalAmount(Decimal(600000), "KHR")}
    assert "fee_per_person" not in site.prices  # 5, in USD
    [rate] = project.rates
    assert (rate.currency, rate.on) == ("KHR", date(2027, 1, 15))
    assert rate.per_unit == 4000
    assert rate.source == "National Bank of Cambodia official rate"


def test_the_conversion_rounds_to_the_cent(tmp_path: Path) -> None:
    """Tests 100,000 KHR / 4,000 = 25.00 and 10,001 KHR = 2.50 (2.50025)."""
    project = _project(
        _rows(**{"Fee per group": "100,000 KHR", "Fee per person": "10,001 KHR"}),
        tmp_path,
    )
    site = project.sites[0]
    assert (site.fee_per_group, site.fee_per_person) == (
        Decimal("25.00"),
        Decimal("2.50"),
    )


def test_an_amount_in_the_reporting_currency_may_name_it(tmp_path: Path) -> None:
    """Tests that '150 USD' in a USD route is 150 with no local amount."""
    project = _project(_rows(**{"Fee per group": "150 USD"}), tmp_path)
    assert project.sites[0].fee_per_group == 150
    assert project.sites[0].prices == {}


def test_a_currency_without_a_rate_is_an_error_on_its_cell(tmp_path: Path) -> None:
    """Tests that LAK with no Rates row (and no ECB rate) names sheet, row, column."""
    result = _read(_rows(**{"Fee per group": "3,225,000 LAK"}), tmp_path)
    assert result.project is None
    [error] = result.errors
    assert (error.sheet, error.row, error.column) == ("Sites", 2, "Fee per group")
    assert "LAK has none" in error.expected
    assert "Rates sheet" in error.expected


def test_an_ecb_currency_without_a_row_is_converted_with_a_warning(
    tmp_path: Path,
) -> None:
    """Tests that THB with no Rates row uses the ECB rate, says so, and lists it."""
    result = _read(_rows(**{"Fee per group": "5,000 THB"}), tmp_path)
    project = result.project
    assert project is not None
    ecb = reference_rate("THB", "USD")
    assert ecb is not None
    assert project.sites[0].fee_per_group == ecb.convert(Decimal(5000))
    assert ecb in project.rates
    assert "European Central Bank" in ecb.source
    [warning] = [w for w in result.warnings if w.column == "Fee per group"]
    assert (warning.sheet, warning.row) == ("Sites", 2)
    assert "THB has no row on the Rates sheet" in warning.expected
    assert ecb.on is not None
    assert ecb.on.isoformat() in warning.expected


@pytest.mark.parametrize(
    ("cells", "column", "expected"),
    [
        ({"Currency": "USD"}, "Currency", "a currency other than the Route's USD"),
        ({"Rate": 0}, "Rate", "a rate > 0"),
        ({"Rate": "4,000 KHR"}, "Rate", "without a currency code"),
        ({"Currency": "riel"}, "Currency", "ISO 4217"),
        ({"Rate": ""}, "Rate", "a value (this column is required)"),
    ],
)
def test_a_bad_rates_row_is_an_error_on_its_cell(
    cells: dict[str, object], column: str, expected: str, tmp_path: Path
) -> None:
    """Tests the Rates sheet's refusals, each on its sheet, row and column."""
    rows = _rows()
    rows["Rates"][0].update(cells)
    result = _read(rows, tmp_path)
    assert result.project is None
    [error] = result.errors
    assert (error.sheet, error.row, error.column) == ("Rates", 2, column)
    assert expected in error.expected


def test_a_second_rate_for_a_currency_is_refused(tmp_path: Path) -> None:
    """Tests that two KHR rows are an error on the second, naming the first."""
    rows = _rows()
    rows["Rates"].append({"Currency": "KHR", "Rate": 4100})
    result = _read(rows, tmp_path)
    [error] = result.errors
    assert (error.sheet, error.row, error.column) == ("Rates", 3, "Currency")
    assert "already on row 2" in error.expected


def test_amounts_are_written_back_as_entered(tmp_path: Path) -> None:
    """Tests import -> rows -> template -> import keeps 600,000 KHR and its rate."""
    project = _project(_rows(**{"Fee per group": "600,000 KHR"}), tmp_path)
    rows = project_rows(project)
    assert rows["Sites"][0]["fee_per_group"] == "600,000 KHR"
    assert rows["Rates"][0]["currency"] == "KHR"
    write_template(tmp_path / "again.xlsx", rows)
    again = read_inputs(tmp_path / "again.xlsx")
    assert again.errors == ()
    assert again.project == project


def test_the_project_file_keeps_local_amounts_and_rates(tmp_path: Path) -> None:
    """Tests that a saved and reopened project has the same prices and rates."""
    project = _project(_rows(**{"Fee per group": "600,000 KHR"}), tmp_path)
    save_project(project, tmp_path / "route.lrp")
    again = load_project(tmp_path / "route.lrp")
    assert again == project
    assert again.sites[0].prices["fee_per_group"].text() == "600,000 KHR"


def test_a_rate_says_where_it_comes_from() -> None:
    """Tests the rate's description, with and without a source."""
    rate = ExchangeRate(
        currency="KHR", per_unit=Decimal(4100), on=date(2027, 2, 1), source="NBC"
    )
    assert rate.describe("USD") == "4,100 KHR per USD (NBC, 2027-02-01)"
    bare = ExchangeRate(currency="LAK", per_unit=Decimal("21500.5"))
    assert bare.describe("USD") == "21,500.5 LAK per USD (source not given)"
