"""Tests of the optional Visas sheet: reading, checks, write-back and samples."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import openpyxl
import pytest

from lrplanner.core.columns import VISAS
from lrplanner.core.visa_table import STARTING_DATE, STARTING_SOURCE, starting_rules
from lrplanner.core.visas import Requirement, VisaRule
from lrplanner.importers import read_inputs, write_template
from lrplanner.importers.project_rows import project_rows
from lrplanner.importers.readme import INTRO
from lrplanner.storage import project_from_json, project_to_json
from tests.importers.mekong import mekong_rows, write_workbook

if TYPE_CHECKING:
    from collections.abc import Mapping

    from lrplanner.importers.report import ImportResult
    from tests.importers.mekong import Rows

SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"


def _read(rows: Rows, tmp_path: Path) -> ImportResult:
    return read_inputs(write_workbook(rows, tmp_path / "visas.xlsx"))


def _with_visas(*visas: Mapping[str, object]) -> Rows:
    return {**mekong_rows(), "Visas": [dict(v) for v in visas]}


def test_good_rows_give_rules(tmp_path: Path) -> None:
    """Tests that Visas rows (synonyms and country names too) give VisaRules."""
    result = _read(mekong_rows(), tmp_path)
    assert result.project is not None, result.errors
    assert result.project.visas == (
        VisaRule(
            nationality="VN",
            destination="KH",
            requirement=Requirement.NONE,
            max_days=30,
            note="ASEAN visa exemption",
            source="Cambodian embassy, Hanoi",
            checked_on=date(2026, 11, 20),
        ),
        VisaRule(nationality="LA", destination="KH", requirement=Requirement.NONE),
        VisaRule(
            nationality="NP",
            destination="VN",
            requirement=Requirement.E_VISA,
            max_days=90,
        ),
    )
    assert result.counts["Visas"] == 3


def test_missing_sheet_means_no_rules(tmp_path: Path) -> None:
    """Tests that a workbook without a Visas sheet loads with no rules, silently."""
    rows = dict(mekong_rows())
    del rows["Visas"]
    result = _read(rows, tmp_path)
    assert result.project is not None
    assert result.project.visas == ()
    assert not [w for w in result.warnings if w.sheet == "Visas"]


@pytest.mark.parametrize(
    ("cells", "column", "expected"),
    [
        ({"Requirement": "maybe"}, "Requirement", "none, on arrival, e-visa or visa"),
        ({"Requirement": ""}, "Requirement", "a value (this column is required)"),
        ({"Nationality": "Atlantis"}, "Nationality", "an ISO alpha-2 country code"),
        ({"Max days": "400"}, "Max days", "a whole number from 1 to 365"),
        ({"Destination": "VN"}, "Destination", "a country other than the nationality"),
    ],
)
def test_a_bad_cell_is_an_error_on_its_cell(
    cells: dict[str, object], column: str, expected: str, tmp_path: Path
) -> None:
    """Tests that a bad Visas cell is refused, naming sheet, row and column."""
    row = {"Nationality": "VN", "Destination": "TH", "Requirement": "none"} | cells
    result = _read(_with_visas(row), tmp_path)
    assert result.project is None
    [error] = result.errors
    assert (error.sheet, error.row, error.column) == ("Visas", 2, column)
    assert expected in error.expected


def test_a_duplicate_pair_is_an_error_naming_the_first_row(tmp_path: Path) -> None:
    """Tests that a second rule for one nationality and destination is refused."""
    first = {"Nationality": "VN", "Destination": "KH", "Requirement": "none"}
    other = {"Nationality": "VN", "Destination": "TH", "Requirement": "none"}
    again = {"Nationality": "Vietnam", "Destination": "KH", "Requirement": "visa"}
    result = _read(_with_visas(first, other, again), tmp_path)
    assert result.project is None
    [error] = result.errors
    assert (error.sheet, error.row, error.column) == ("Visas", 4, "Destination")
    assert "one rule per nationality and destination" in error.expected
    assert "already on row 2" in error.expected


def test_rules_write_back_and_save_unchanged(tmp_path: Path) -> None:
    """Tests import -> project_rows -> template -> import, and the project file."""
    project = _read(mekong_rows(), tmp_path).project
    assert project is not None
    write_template(tmp_path / "again.xlsx", project_rows(project))
    again = read_inputs(tmp_path / "again.xlsx")
    assert again.project == project
    assert project_from_json(project_to_json(project)) == project


def test_an_old_project_file_without_visas_loads(tmp_path: Path) -> None:
    """Tests that a project file saved before the Visas sheet loads with none."""
    project = _read(mekong_rows(), tmp_path).project
    assert project is not None
    text = project_to_json(project)
    assert '"visas": [' in text
    start = text.index('"visas": [')
    end = text.index("]", start) + 1
    old = text[:start] + text[end:].lstrip().removeprefix(",")
    assert '"visas"' not in old
    assert project_from_json(old) == project.with_changes(visas=())


def test_template_has_a_documented_visas_sheet(tmp_path: Path) -> None:
    """Tests the template's Visas sheet: headers, examples, choices and README."""
    path = tmp_path / "template.xlsx"
    write_template(path)
    book = openpyxl.load_workbook(path)
    sheet = book["Visas"]
    headers = [c.value for c in sheet[1]]
    assert headers == [c.header for c in VISAS.columns]
    choices = [v.formula1 for v in sheet.data_validations.dataValidation]
    assert '"none,on arrival,e-visa,visa"' in choices
    readme = [str(c.value) for row in book["README"].iter_rows() for c in row]
    assert "Visas" in readme
    assert any("Visas:" in text for text in INTRO)
    result = read_inputs(path)
    assert result.project is not None, result.errors
    assert result.project.visas
    assert all(rule in starting_rules() for rule in result.project.visas)


@pytest.mark.parametrize("name", ["mekong", "south_asia"])
def test_samples_hold_the_starting_table_for_their_people(name: str) -> None:
    """Tests that a sample's Visas rows are the starting table for its
    participants' nationalities and the countries of its places."""
    project = read_inputs(SAMPLES / f"{name}.xlsx").project
    assert project is not None
    nationalities = {p.country for p in project.participants}
    countries = {p.country for p in project.places}
    assert project.visas == starting_rules(nationalities, countries)
    assert {r.source for r in project.visas} == {STARTING_SOURCE}
    assert {r.checked_on for r in project.visas} == {STARTING_DATE}
    with (SAMPLES / name / "Visas.csv").open(encoding="utf-8") as stream:
        assert len(list(csv.DictReader(stream))) == len(project.visas)


def test_starting_table_asean_pairs_are_visa_free() -> None:
    """Tests the starting table: ASEAN pairs need no visa, with a day limit, and
    every pair is unique and never a country's own nationals."""
    asean = {"KH", "LA", "VN", "TH", "PH", "ID", "MY", "MM"}
    rules = starting_rules()
    pairs = [r.pair for r in rules]
    assert len(pairs) == len(set(pairs))
    for rule in rules:
        if rule.nationality in asean and rule.destination in asean:
            assert rule.requirement is Requirement.NONE
            assert rule.max_days is not None
            assert 14 <= rule.max_days <= 30
    vn = {r.nationality: r for r in starting_rules(destinations={"VN"})}
    assert (vn["PH"].max_days, vn["MM"].max_days, vn["KH"].max_days) == (21, 14, 30)
    assert not starting_rules(destinations={"BD"})
