"""Tests of the optional Budget sheet: categories, checks, write-back, edits."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import openpyxl
import pytest

from lrplanner.core.budget_lines import PlannedAmount, planned_by_category
from lrplanner.core.columns import BUDGET
from lrplanner.core.costs import CostCategory
from lrplanner.importers import read_inputs, write_template
from lrplanner.importers.project_rows import project_rows
from lrplanner.importers.readme import INTRO
from lrplanner.services_edit import add_record, edit_cell, record_label
from lrplanner.storage import project_from_json, project_to_json
from tests.importers.mekong import mekong_rows, write_csv_folder, write_workbook

if TYPE_CHECKING:
    from collections.abc import Mapping

    from lrplanner.core.project import Project
    from lrplanner.importers.report import ImportResult
    from tests.importers.mekong import Rows

SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"
CATEGORY_LIST = (
    "international fares, travel fares and transfers, vehicle hire, lodging, "
    "per diem, host fees, champion honoraria, interpreters, facilitation, venues"
)


def _read(rows: Rows, tmp_path: Path) -> ImportResult:
    return read_inputs(write_workbook(rows, tmp_path / "budget.xlsx"))


def _with_budget(*lines: Mapping[str, object]) -> Rows:
    return {**mekong_rows(), "Budget": [dict(line) for line in lines]}


def _project(tmp_path: Path) -> Project:
    project = _read(mekong_rows(), tmp_path).project
    assert project is not None
    return project


def test_rows_give_planned_amounts(tmp_path: Path) -> None:
    """Tests that Budget rows (synonyms: Accommodation, DSA) give planned amounts."""
    project = _project(tmp_path)
    assert project.budget == (
        PlannedAmount(
            category=CostCategory.LODGING, amount=Decimal("2400"), note="twin"
        ),
        PlannedAmount(category=CostCategory.PER_DIEM, amount=Decimal("1500")),
        PlannedAmount(category=CostCategory.VEHICLE, amount=Decimal("900.50")),
    )
    assert planned_by_category(project.budget) == {
        CostCategory.VEHICLE: Decimal("900.50"),
        CostCategory.LODGING: Decimal("2400"),
        CostCategory.PER_DIEM: Decimal("1500"),
    }


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Lodging", CostCategory.LODGING),
        ("hotels", CostCategory.LODGING),
        ("PER_DIEM", CostCategory.PER_DIEM),
        ("  Daily   allowance ", CostCategory.PER_DIEM),
        ("International flights", CostCategory.INTERNATIONAL_FARES),
        ("Travel fares and transfers", CostCategory.TRAVEL),
        ("domestic travel", CostCategory.TRAVEL),
        ("Car hire", CostCategory.VEHICLE),
        ("Site fees", CostCategory.HOST_FEES),
        ("Honoraria", CostCategory.HONORARIA),
        ("Interpretation", CostCategory.INTERPRETERS),
        ("facilitators", CostCategory.FACILITATION),
        ("Workshop venues", CostCategory.VENUES),
    ],
)
def test_category_names_and_synonyms(
    text: str, category: CostCategory, tmp_path: Path
) -> None:
    """Tests that a category is read from its label, enum name or a synonym."""
    row = {"Category": text, "Planned amount": 500}
    result = _read(_with_budget(row), tmp_path)
    assert result.project is not None, result.errors
    assert [line.category for line in result.project.budget] == [category]


@pytest.mark.parametrize(
    ("cells", "column", "expected"),
    [
        ({"Category": "catering"}, "Category", f"a cost category: {CATEGORY_LIST}"),
        ({"Category": ""}, "Category", "a value (this column is required)"),
        ({"Planned amount": "-200"}, "Planned amount", "an amount >= 0"),
        (
            {"Planned amount": "200 LAK"},
            "Planned amount",
            "a currency with a row on the Rates sheet (LAK has none",
        ),
        ({"Planned amount": ""}, "Planned amount", "a value (this column is"),
    ],
)
def test_a_bad_cell_is_an_error_on_its_cell(
    cells: dict[str, object], column: str, expected: str, tmp_path: Path
) -> None:
    """Tests that a bad Budget cell is refused, naming sheet, row and column."""
    row = {"Category": "lodging", "Planned amount": 2000} | cells
    result = _read(
        _with_budget({"Category": "venues", "Planned amount": 90}, row), tmp_path
    )
    assert result.project is None
    [error] = result.errors
    assert (error.sheet, error.row, error.column) == ("Budget", 3, column)
    assert expected in error.expected


def test_a_second_amount_for_a_category_names_the_first_row(tmp_path: Path) -> None:
    """Tests that two rows for one category (by two names) are refused."""
    rows = _with_budget(
        {"Category": "lodging", "Planned amount": 2000},
        {"Category": "per diem", "Planned amount": 1500},
        {"Category": "Accommodation", "Planned amount": 2500},
    )
    result = _read(rows, tmp_path)
    assert result.project is None
    [error] = result.errors
    assert (error.sheet, error.row, error.column) == ("Budget", 4, "Category")
    assert (
        error.expected
        == "one planned amount per category (lodging is already on row 2)"
    )


def test_header_synonyms_and_a_csv_folder(tmp_path: Path) -> None:
    """Tests 'Cost category'/'Budgeted' headers in a CSV folder's budget.csv."""
    line: dict[str, object] = {
        "Cost category": "DSA",
        "Budgeted": "1,250.75",
        "Basis": "x",
    }
    rows = {**mekong_rows(), "Budget": [line]}
    folder = write_csv_folder(rows, tmp_path / "csv")
    (folder / "Budget.csv").rename(folder / "budget.csv")
    result = read_inputs(folder)
    assert result.project is not None, result.errors
    assert result.project.budget == (
        PlannedAmount(
            category=CostCategory.PER_DIEM, amount=Decimal("1250.75"), note="x"
        ),
    )


def test_no_budget_sheet_means_no_planned_amounts(tmp_path: Path) -> None:
    """Tests that a workbook without a Budget sheet loads with none, silently."""
    rows = dict(mekong_rows())
    del rows["Budget"]
    result = _read(rows, tmp_path)
    assert result.project is not None
    assert result.project.budget == ()
    assert not [w for w in result.warnings if w.sheet == "Budget"]


def test_amounts_write_back_and_save_unchanged(tmp_path: Path) -> None:
    """Tests import -> project_rows -> template -> import, and the project file."""
    project = _project(tmp_path)
    assert project_rows(project)["Budget"][0] == {
        "category": "lodging",
        "amount": Decimal("2400"),
        "note": "twin",
    }
    write_template(tmp_path / "again.xlsx", project_rows(project))
    assert read_inputs(tmp_path / "again.xlsx").project == project
    assert project_from_json(project_to_json(project)) == project
    text = project_to_json(project)
    start = text.index('"budget": [')
    old = text[:start] + text[text.index("]", start) + 1 :].lstrip().removeprefix(",")
    assert project_from_json(old) == project.with_changes(budget=())


def test_template_has_a_documented_budget_sheet(tmp_path: Path) -> None:
    """Tests the template's Budget sheet: headers, choices, README, examples."""
    path = tmp_path / "template.xlsx"
    write_template(path)
    book = openpyxl.load_workbook(path)
    sheet = book["Budget"]
    headers = ["Category", "Planned amount", "Note", "Route"]
    assert [c.value for c in sheet[1]] == headers
    assert [c.header for c in BUDGET.columns] == headers
    choices = [v.formula1 for v in sheet.data_validations.dataValidation]
    assert f'"{CATEGORY_LIST.replace(", ", ",")}"' in choices
    assert any(text.startswith("Budget:") and "accommodation" in text for text in INTRO)
    result = read_inputs(path)
    assert result.project is not None, result.errors
    assert [line.category for line in result.project.budget] == [
        CostCategory.LODGING,
        CostCategory.PER_DIEM,
        CostCategory.VEHICLE,
    ]


@pytest.mark.parametrize(
    ("name", "total"), [("mekong", Decimal("66550")), ("south_asia", Decimal("49200"))]
)
def test_samples_plan_every_category(name: str, total: Decimal) -> None:
    """Tests that both samples plan an amount for each of the ten categories."""
    project = read_inputs(SAMPLES / f"{name}.xlsx").project
    assert project is not None
    planned = planned_by_category(project.budget)
    assert list(planned) == list(CostCategory)
    assert sum(planned.values()) == total
    assert project.route.budget_cap is not None
    assert total < project.route.budget_cap


def test_the_app_edits_adds_and_refuses_like_the_importer(tmp_path: Path) -> None:
    """Tests editing a Budget cell, adding a row and refusing a repeat."""
    project = _project(tmp_path)
    edited = edit_cell(project, "Budget", 1, "amount", "1,800")
    assert edited.budget[1].amount == Decimal("1800")
    assert edit_cell(edited, "Budget", 1, "category", "DSA") is edited
    with pytest.raises(ValueError, match=r"one planned amount per category \(lodging"):
        edit_cell(project, "Budget", 1, "category", "hotel")
    with pytest.raises(ValueError, match="expected a cost category: international"):
        edit_cell(project, "Budget", 1, "category", "snacks")
    added = add_record(project, "Budget")
    assert added.budget[-1] == PlannedAmount(
        category=CostCategory.INTERNATIONAL_FARES, amount=Decimal(0)
    )
    assert record_label(added, "Budget", 3) == "planned amount for international fares"
