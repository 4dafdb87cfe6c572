"""Tests of the documented template and of writing a Project back."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import openpyxl
import pytest

from lrplanner.core.columns import SHEETS
from lrplanner.core.countries import REGION
from lrplanner.core.visa_table import starting_rules
from lrplanner.importers import read_inputs, write_project_workbook, write_template
from tests.importers.mekong import write_workbook

if TYPE_CHECKING:
    from tests.importers.mekong import Rows


def test_template_examples_import_cleanly(tmp_path: Path) -> None:
    """Tests that the template's example rows form a valid project."""
    path = tmp_path / "template.xlsx"
    write_template(path)
    result = read_inputs(path)
    assert (result.errors, result.warnings, result.skipped) == ((), (), ())
    assert result.project is not None
    assert result.project.route.name == "Mekong Learning Route 2027"
    assert [p.id for p in result.project.places] == ["PNH", "KSP", "REP", "BVT", "SGN"]
    assert result.project.sites[0].champions == ("CH01", "CH02")
    assert result.project.visas == starting_rules()


def test_template_layout(tmp_path: Path) -> None:
    """Tests the README sheet, bold frozen headers and header comments."""
    path = tmp_path / "template.xlsx"
    write_template(path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["README", *(s.name for s in SHEETS)]
    readme = [
        str(c.value) for row in book["README"].iter_rows() for c in row if c.value
    ]
    for spec in SHEETS:
        assert all(column.header in readme for column in spec.columns)
    assert "LR Planner input workbook" in readme
    sites = book["Sites"]
    assert [c.value for c in sites[1]][:3] == ["Site ID", "Name", "Host organisation"]
    assert sites.freeze_panes == "A2"
    assert sites["A1"].font.b is True
    assert sites["A1"].comment is not None
    assert "unique short code" in sites["A1"].comment.text
    assert sites.column_dimensions["B"].width > 10
    assert book["Route"]["A3"].value == "Start date"


def _validations(path: Path, sheet: str) -> dict[str, str]:
    book = openpyxl.load_workbook(path)
    checks = book[sheet].data_validations.dataValidation
    return {str(check.sqref).split(":")[0]: str(check.formula1) for check in checks}


@pytest.mark.parametrize(
    ("sheet", "cell", "choices"),
    [
        ("Sites", "D2", ",".join(REGION)),
        ("Sites", "AA2", "yes,no"),
        ("Champions", "C2", "F,M,X"),
        ("Places", "F2", "city,airport,border"),
        ("Links", "C2", "road,flight,boat,train"),
    ],
)
def test_template_dropdowns(
    tmp_path: Path, sheet: str, cell: str, choices: str
) -> None:
    """Tests the data-validation dropdowns on coded columns."""
    path = tmp_path / "template.xlsx"
    write_template(path)
    assert _validations(path, sheet)[cell] == f'"{choices}"'


def test_country_dropdown_offers_the_workbooks_countries(tmp_path: Path) -> None:
    """Tests that a workbook of a route outside Asia (Kenya, Uganda) offers
    its own countries first in the Country dropdown, within Excel's 255
    characters for a list, and reads back without an error."""
    path = tmp_path / "east_africa.xlsx"
    places = [
        {
            "Place ID": "NBO",
            "Name": "Nairobi",
            "Country": "KE",
            "Lat": -1.29,
            "Lon": 36.82,
            "Kind": "city",
        },
        {
            "Place ID": "KLA",
            "Name": "Kampala",
            "Country": "Uganda",
            "Lat": 0.35,
            "Lon": 32.58,
            "Kind": "city",
        },
    ]
    write_template(path, {"Places": places})
    formula = _validations(path, "Places")["C2"].strip('"')
    codes = formula.split(",")
    assert codes[:2] == ["KE", "UG"]
    assert codes[2:] == [code for code in REGION if code != "KE"][: len(codes) - 2]
    assert len(formula) <= 255
    result = read_inputs(path)
    place_errors = [e for e in result.errors if e.sheet == "Places"]
    assert place_errors == []


def test_project_round_trip(mekong_xlsx: Path, tmp_path: Path) -> None:
    """Tests that a Project written back reads as the same Project."""
    first = read_inputs(mekong_xlsx).project
    assert first is not None
    again = tmp_path / "again.xlsx"
    write_project_workbook(first, again)
    result = read_inputs(again)
    assert result.errors == ()
    assert result.project == first
    assert dict(result.extra_columns) == {"Champions": ("WhatsApp",)}


def test_formula_like_text_stays_text(rows: Rows, tmp_path: Path) -> None:
    """Tests that text starting with '=' is written as text, not a formula."""
    rows["Participants"][0]["Role"] = "=cmd|' /C calc'!A0"
    path = write_workbook(rows, tmp_path / "w.xlsx")
    project = read_inputs(path).project
    assert project is not None
    assert project.participants[0].role == "=cmd|' /C calc'!A0"


def test_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests that a failed save leaves the old file intact and no temp file."""
    path = tmp_path / "template.xlsx"
    write_template(path)
    before = path.read_bytes()

    def broken_save(self: openpyxl.Workbook, filename: str) -> None:
        Path(filename).write_bytes(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken_save)
    with pytest.raises(OSError, match="disk full"):
        write_template(path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["template.xlsx"]


def test_unknown_sheet_in_rows_is_a_programming_error(tmp_path: Path) -> None:
    """Tests that rows for a sheet the workbook lacks raise ValueError."""
    with pytest.raises(ValueError, match="no sheet 'Expenses'"):
        write_template(tmp_path / "t.xlsx", {"Expenses": []})
    assert list(tmp_path.iterdir()) == []


def test_rows_by_key_and_setting_rows(tmp_path: Path) -> None:
    """Tests rows keyed by column keys and a Route given as Setting/Value rows."""
    rows: dict[str, list[dict[str, object]]] = {
        "route": [
            {"Setting": "Route name", "Value": "Keys"},
            {"Setting": "start_date", "Value": "2027-03-01"},
            {"Setting": "End date", "Value": "2027-03-01"},
            {"Setting": "Start place", "Value": "PNH"},
            {"Setting": "End place", "Value": "PNH"},
            {"Setting": "Donor", "Value": "IFAD"},
        ],
        "Places": [
            {
                "id": "PNH",
                "name": "Phnom Penh",
                "country": "KH",
                "lat": "11.5564",
                "lon": "104.9282",
            },
        ],
        "Sites": [{"id": "S1", "name": "Centre", "country": "KH", "place": "PNH"}],
    }
    path = tmp_path / "keys.xlsx"
    write_template(path, rows)
    book = openpyxl.load_workbook(path)
    assert book["Places"]["D2"].value == 11.5564
    result = read_inputs(path)
    assert result.project is not None, [e.message() for e in result.errors]
    assert dict(result.project.route.notes) == {"Donor": "IFAD"}
    assert result.project.places[0].lat == 11.5564


def test_xlsm_and_bom_csv(mekong_xlsx: Path, mekong_csv: Path) -> None:
    """Tests that .xlsm workbooks and UTF-8 CSVs with a BOM are read."""
    macro = mekong_xlsx.with_suffix(".xlsm")
    mekong_xlsx.rename(macro)
    assert read_inputs(macro).errors == ()
    sites = mekong_csv / "Sites.csv"
    sites.write_bytes(b"\xef\xbb\xbf" + sites.read_bytes())
    result = read_inputs(mekong_csv)
    assert result.errors == ()
    assert result.warnings[0].column == "Available dates"
