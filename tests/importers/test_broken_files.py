"""Tests that damaged, hostile or odd files give clear errors, never tracebacks."""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal
from typing import TYPE_CHECKING

import openpyxl
import pytest

from lrplanner.importers import read_inputs
from tests.importers.mekong import write_raw, write_workbook

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from lrplanner.importers import ImportResult
    from tests.importers.mekong import Rows


def _only_error(result: ImportResult) -> str:
    assert result.project is None
    assert len(result.errors) == 1, [e.message() for e in result.errors]
    return result.errors[0].message()


def rewrite_part(path: Path, part: str, edit: Callable[[str], str]) -> Path:
    """Rewrite one XML part of a workbook in place (for hand-made defects)."""
    with zipfile.ZipFile(path) as package:
        contents = {name: package.read(name) for name in package.namelist()}
    contents[part] = edit(contents[part].decode()).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in contents.items():
            package.writestr(name, data)
    return path


def _sheet_part(path: Path, title: str) -> str:
    book = openpyxl.load_workbook(path)
    index = book.sheetnames.index(title) + 1
    return f"xl/worksheets/sheet{index}.xml"


def test_openpyxl_uses_defusedxml() -> None:
    """Tests that openpyxl parses XML through defusedxml in this environment."""
    assert openpyxl.DEFUSEDXML is True


def test_text_file_renamed_xlsx(tmp_path: Path) -> None:
    """Tests that a text file named .xlsx is refused as not a workbook."""
    path = tmp_path / "notes.xlsx"
    path.write_text("Site ID,Name\nS1,Centre\n")
    message = _only_error(read_inputs(path))
    assert message.startswith("notes.xlsx: ")
    assert "an Excel workbook (.xlsx); this file is not one" in message


def test_encrypted_workbook(tmp_path: Path) -> None:
    """Tests that an OLE compound file (password-protected) is named as such."""
    path = tmp_path / "locked.xlsx"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
    assert "password-protected or an old .xls" in _only_error(read_inputs(path))


def test_truncated_workbook(mekong_xlsx: Path) -> None:
    """Tests that a workbook cut short is reported as damaged or truncated."""
    data = mekong_xlsx.read_bytes()
    mekong_xlsx.write_bytes(data[: len(data) // 2])
    assert "damaged or truncated" in _only_error(read_inputs(mekong_xlsx))


def test_too_large_file(tmp_path: Path) -> None:
    """Tests that a file over 20 MB is refused before it is opened."""
    path = tmp_path / "huge.xlsx"
    with path.open("wb") as stream:
        stream.truncate(21 * 1024 * 1024)
    message = _only_error(read_inputs(path))
    assert "found '21 MB'" in message
    assert "21 MB is too large; the limit is 20 MB" in message
    assert "remove images and unused sheets" in message


def test_xml_bomb_is_refused(mekong_xlsx: Path) -> None:
    """Tests that a sheet declaring XML entities (a 'billion laughs') is refused."""
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    )
    part = _sheet_part(mekong_xlsx, "Sites")
    rewrite_part(
        mekong_xlsx, part, lambda xml: bomb + re.sub(r"^<\?xml[^>]*>", "", xml)
    )
    message = _only_error(read_inputs(mekong_xlsx))
    assert "XML bomb" in message


def test_missing_path_and_other_files(tmp_path: Path) -> None:
    """Tests the messages for a missing path, a lone CSV and an old .xls."""
    assert "nothing is there" in _only_error(read_inputs(tmp_path / "nope.xlsx"))
    lone = tmp_path / "Sites.csv"
    lone.write_text("Site ID\n")
    assert "holds Route.csv" in _only_error(read_inputs(lone))
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    message = _only_error(read_inputs(old))
    assert "not a workbook or CSV folder" in message
    assert "save it from Excel as .xlsx" in message


def test_empty_folder_lists_missing_files(tmp_path: Path) -> None:
    """Tests that an empty folder reports each required CSV file."""
    result = read_inputs(tmp_path)
    assert [e.sheet for e in result.errors] == [
        "Route",
        "Sites",
        "Champions",
        "Participants",
        "Places",
    ]
    assert "Route.csv" in result.errors[0].expected


def test_formula_without_result(rows: Rows, tmp_path: Path) -> None:
    """Tests that a formula never calculated by Excel is reported on its cell."""
    path = write_workbook(rows, tmp_path / "f.xlsx")
    book = openpyxl.load_workbook(path)
    book["Sites"]["B3"] = '=CONCAT("Takeo ", "savings")'
    book.save(path)
    result = read_inputs(path)
    assert [(e.sheet, e.row, e.column) for e in result.errors] == [("Sites", 3, "Name")]
    assert "no saved result" in result.errors[0].expected


def test_formula_with_saved_result(rows: Rows, tmp_path: Path) -> None:
    """Tests that a formula's saved result is read like a typed value."""
    path = write_workbook(rows, tmp_path / "f.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Sites"]
    fee = next(c for c in sheet[1] if c.value == "Fee per group")
    sheet.cell(row=2, column=fee.column, value="=100+50")  # KH-CLC1's fee
    book.save(path)
    part = _sheet_part(path, "Sites")
    rewrite_part(path, part, lambda xml: re.sub(r"<v\s*/>", "<v>150</v>", xml))
    result = read_inputs(path)
    assert result.errors == ()
    assert result.project is not None
    assert result.project.sites[0].fee_per_group == Decimal(150)


def test_excel_error_and_percent_cells(rows: Rows, tmp_path: Path) -> None:
    """Tests that #N/A is an error and a %-formatted 0.05 reads as 5 %."""
    path = write_workbook(rows, tmp_path / "e.xlsx")
    book = openpyxl.load_workbook(path)
    route = book["Route"]
    assert route["A16"].value == "Contingency %"
    route["B16"] = 0.05
    route["B16"].number_format = "0%"
    book["Participants"]["C2"] = "#N/A"
    book.save(path)
    result = read_inputs(path)
    assert [(e.sheet, e.row, e.column, e.value) for e in result.errors] == [
        ("Participants", 2, "Gender", "#N/A")
    ]
    assert "not the Excel error #N/A" in result.errors[0].expected
    book["Participants"]["C2"] = "F"
    book.save(path)
    project = read_inputs(path).project
    assert project is not None
    assert project.route.contingency_pct == Decimal(5)


def test_unknown_sheets_warn(tmp_path: Path) -> None:
    """Tests that an unknown sheet is ignored with a warning, README silently."""
    path = write_raw(tmp_path / "x.xlsx", {"README": [["hi"]], "Expenses": [["x"]]})
    result = read_inputs(path)
    assert [(w.sheet, w.row) for w in result.warnings] == [("Expenses", None)]
    assert "this sheet is ignored" in result.warnings[0].expected


@pytest.mark.parametrize("content", [b"\x00\x01\x02", b'a,b\n"unclosed\n'])
def test_odd_csv_content(tmp_path: Path, content: bytes) -> None:
    """Tests that odd bytes in a CSV give errors, not exceptions."""
    (tmp_path / "Sites.csv").write_bytes(content)
    result = read_inputs(tmp_path)
    assert result.project is None
    assert any(e.sheet == "Sites" for e in result.errors)
