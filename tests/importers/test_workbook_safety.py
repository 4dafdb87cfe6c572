"""Tests that the workbook reader never loses rows silently, on hostile files.

Each file is built from the sample workbook in ``tmp_path``: a wrong
``<dimension>``, merged cells, hidden sheets/rows/columns, macros, NaN and
error values, stray cells far below the data, and too many rows.
"""

from __future__ import annotations

import io
import re
import time
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import openpyxl
import pytest

from lrplanner.appfiles import sample_workbook
from lrplanner.importers import read_inputs, sheetchecks
from lrplanner.importers.sheetscan import BLANK_RUN
from lrplanner.importers.sheettext import scan_text
from lrplanner.importers.source import MAX_COLUMNS, MAX_ROWS

if TYPE_CHECKING:
    from collections.abc import Callable

    from openpyxl.workbook.workbook import Workbook

    from lrplanner.importers import ImportResult

FULL = {
    "Sites": 40,
    "Champions": 29,
    "Participants": 25,
    "Places": 47,
    "Links": 73,
    "Visas": 30,
    "Budget": 10,
    "Rates": 3,
}


def _sample(tmp_path: Path, edit: Callable[[Workbook], None] | None = None) -> Path:
    """Return the sample saved again by openpyxl (sheet N is sheetN.xml)."""
    book = openpyxl.load_workbook(sample_workbook())
    if edit is not None:
        edit(book)
    path = tmp_path / "mekong.xlsx"
    book.save(path)
    return path


def _part(path: Path, title: str) -> str:
    index = openpyxl.load_workbook(path, read_only=True).sheetnames.index(title) + 1
    return f"xl/worksheets/sheet{index}.xml"


def _rewrite(path: Path, part: str, edit: Callable[[str], str]) -> Path:
    with zipfile.ZipFile(path) as package:
        contents = {name: package.read(name) for name in package.namelist()}
    contents[part] = edit(contents[part].decode()).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in contents.items():
            package.writestr(name, data)
    return path


def _rows_before_end(rows: str) -> Callable[[str], str]:
    return lambda xml: xml.replace("</sheetData>", rows + "</sheetData>")


def _located(result: ImportResult) -> list[tuple[str, int | None, str | None, str]]:
    return [(e.sheet, e.row, e.column, e.value) for e in result.errors]


def _fee_column(book: Workbook) -> str:
    cell = next(c for c in book["Sites"][1] if c.value == "Fee per group")
    return str(cell.column_letter)


def test_sample_loads_in_full(tmp_path: Path) -> None:
    """Tests the baseline the other tests compare with."""
    result = read_inputs(_sample(tmp_path))
    assert result.errors == ()
    assert result.warnings == ()
    assert dict(result.counts) == FULL


def test_a_wrong_dimension_loses_no_rows(tmp_path: Path) -> None:
    """Tests that Participants A1:K6 and Links A1:I5 still load all their rows."""
    path = _sample(tmp_path)
    for title, wrong in (("Participants", "A1:K6"), ("Links", "A1:I5")):
        dimension = f'<dimension ref="{wrong}"/>'

        def lie(xml: str, dimension: str = dimension) -> str:
            return re.sub(r'<dimension ref="[^"]*"\s*/>', dimension, xml)

        _rewrite(path, _part(path, title), lie)
    with zipfile.ZipFile(path) as package:
        assert b'ref="A1:K6"' in package.read(_part(path, "Participants"))
    result = read_inputs(path)
    assert result.errors == ()
    assert dict(result.counts) == FULL


def test_a_missing_dimension_loses_no_rows(tmp_path: Path) -> None:
    path = _sample(tmp_path)
    _rewrite(
        path, _part(path, "Links"), lambda xml: re.sub(r"<dimension [^>]*>", "", xml)
    )
    assert dict(read_inputs(path).counts) == FULL


def test_merged_fees_are_refused_with_their_range(tmp_path: Path) -> None:
    """Tests that fees 120/80/60 merged into one cell are refused, never zeros."""
    letter = ""

    def merge(book: Workbook) -> None:
        nonlocal letter
        letter = _fee_column(book)
        sheet = book["Sites"]
        assert [sheet[f"{letter}{r}"].value for r in (3, 4, 5)] == [120, 80, 60]
        sheet.merge_cells(f"{letter}3:{letter}5")

    result = read_inputs(_sample(tmp_path, merge))
    assert result.project is None
    assert _located(result) == [
        ("Sites", 3, "Fee per group", f"merged cells {letter}3:{letter}5")
    ]
    message = result.errors[0].message()
    assert message == (
        f"mekong.xlsx, sheet Sites, row 3, column Fee per group: found 'merged "
        f"cells {letter}3:{letter}5'; expected one value per cell, not merged "
        "cells (only the first cell of a merged range holds the value); unmerge "
        "them and type the value in each cell"
    )


def test_merged_cells_across_columns_and_blank_merges(tmp_path: Path) -> None:
    """Tests a merge across two columns; a merge of empty cells is harmless."""

    def merge(book: Workbook) -> None:
        book["Participants"].merge_cells("B4:C4")  # name over gender
        book["Links"].merge_cells("M2:N9")  # right of the data: all empty

    result = read_inputs(_sample(tmp_path, merge))
    assert _located(result) == [
        ("Participants", 4, "Name", "merged cells B4:C4"),
        ("Participants", 4, "Gender", ""),  # required, and empty once merged
    ]


def test_hidden_sheet_rows_and_columns_warn(tmp_path: Path) -> None:
    """Tests warnings naming a hidden sheet, hidden rows and a hidden column."""

    def hide(book: Workbook) -> None:
        book["Links"].sheet_state = "hidden"
        rows = book["Participants"].row_dimensions
        for number in (3, 7, 8, 9):
            rows[number].hidden = True
        book["Participants"].row_dimensions[40].hidden = True  # no data there
        book["Sites"].column_dimensions["B"].hidden = True

    result = read_inputs(_sample(tmp_path, hide))
    assert result.errors == ()
    assert dict(result.counts) == FULL
    found = [(w.sheet, w.row, w.column, w.value) for w in result.warnings]
    assert found == [
        ("Sites", None, "Name", "hidden column B"),
        ("Participants", 3, None, "hidden rows 3, 7-9"),
        ("Links", None, None, "a hidden sheet"),
    ]
    assert "hidden rows are read like the others" in result.warnings[1].message()
    assert "unhide it in Excel" in result.warnings[2].message()


def test_macros_warn(tmp_path: Path) -> None:
    """Tests that an .xlsm file with a VBA project warns and still loads."""
    path = _sample(tmp_path).rename(tmp_path / "mekong.xlsm")
    with zipfile.ZipFile(path, "a") as package:
        package.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 not run")
    result = read_inputs(path)
    assert result.errors == ()
    assert dict(result.counts) == FULL
    [warning] = result.warnings
    assert warning.message() == (
        "mekong.xlsm: found 'macros (xl/vbaProject.bin)'; expected a workbook "
        "without macros: LR Planner never runs them and reads only the cell "
        "values (save the file as .xlsx to drop them)"
    )


def test_an_xlsm_without_macros_still_warns(tmp_path: Path) -> None:
    result = read_inputs(_sample(tmp_path).rename(tmp_path / "mekong.xlsm"))
    assert dict(result.counts) == FULL
    assert [w.value for w in result.warnings] == ["a macro-enabled workbook (.xlsm)"]


@pytest.mark.parametrize("stored", ["NaN", "INF", "-inf", "1e999"])
def test_non_finite_numbers_name_their_cell(tmp_path: Path, stored: str) -> None:
    """Tests that <v>NaN</v> is an error on its cell, not a damaged file."""
    path = _sample(tmp_path)
    letter = _fee_column(openpyxl.load_workbook(path))
    cell = re.compile(rf'(<c r="{letter}4"[^>]*>)<v>80</v>')
    _rewrite(
        path, _part(path, "Sites"), lambda xml: cell.sub(rf"\1<v>{stored}</v>", xml)
    )
    result = read_inputs(path)
    assert _located(result) == [("Sites", 4, "Fee per group", stored)]
    assert f"not the Excel error {stored}" in result.errors[0].expected


def test_error_values_name_their_cell(tmp_path: Path) -> None:
    """Tests #DIV/0! and #REF! stored as error cells (t="e")."""
    path = _sample(tmp_path)
    letter = _fee_column(openpyxl.load_workbook(path))

    def errors(xml: str) -> str:
        for row, code in ((3, "#DIV/0!"), (5, "#REF!")):
            pattern = rf'<c r="{letter}{row}"[^>]*>.*?</c>'
            xml = re.sub(pattern, f'<c r="{letter}{row}" t="e"><v>{code}</v></c>', xml)
        return xml

    result = read_inputs(_rewrite(path, _part(path, "Sites"), errors))
    assert _located(result) == [
        ("Sites", 3, "Fee per group", "#DIV/0!"),
        ("Sites", 5, "Fee per group", "#REF!"),
    ]


def test_an_unreadable_string_index_names_its_cell(tmp_path: Path) -> None:
    """Tests a shared-string index the file does not hold (was: file damaged)."""
    path = _sample(tmp_path)
    cell = re.compile(r'<c r="B5"[^>]*>.*?</c>')
    broken = '<c r="B5" t="s"><v>99999</v></c>'
    _rewrite(path, _part(path, "Sites"), lambda xml: cell.sub(broken, xml, count=1))
    result = read_inputs(path)
    assert _located(result) == [("Sites", 5, "Name", "99999")]


def test_a_damaged_row_names_its_sheet(tmp_path: Path) -> None:
    path = _sample(tmp_path)
    _rewrite(
        path,
        _part(path, "Places"),
        lambda xml: xml.replace('<row r="7"', '<row r="x7"', 1),
    )
    result = read_inputs(path)
    assert result.project is None
    assert [(e.sheet, e.row) for e in result.errors] == [("Places", None)]
    assert "a readable sheet; its XML is damaged" in result.errors[0].expected


def test_a_cell_at_the_last_row_is_reported_quickly(tmp_path: Path) -> None:
    """Tests the tester's file: one cell at row 1,048,576 (was 88 s)."""

    def stray(book: Workbook) -> None:
        book["Participants"]["K1048576"] = "x"

    path = _sample(tmp_path, stray)
    started = time.perf_counter()
    result = read_inputs(path)
    assert time.perf_counter() - started < 5
    assert _located(result) == [
        ("Participants", 1048576, None, "data after 1,048,549 empty rows")
    ]
    assert "at most 1,000 empty rows between them" in result.errors[0].expected


def test_long_runs_of_blank_rows_are_quick_and_lose_nothing(tmp_path: Path) -> None:
    """Tests 200,000 present but blank rows, with and without a row after them."""
    blank = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t> </t></is></c>'
        f'<c r="B{n}" s="1"/></row>'
        for n in range(30, 200_030)
    )
    path = _sample(tmp_path)
    part = _part(path, "Participants")
    _rewrite(path, part, _rows_before_end(blank))
    started = time.perf_counter()
    result = read_inputs(path)
    assert time.perf_counter() - started < 10
    assert result.errors == ()
    assert dict(result.counts) == FULL
    late = '<row r="300000"><c r="C300000" t="inlineStr"><is><t>F</t></is></c></row>'
    _rewrite(path, part, _rows_before_end(late))
    result = read_inputs(path)
    assert _located(result) == [
        ("Participants", 300000, None, "data after 299,973 empty rows")
    ]


def test_a_merge_after_a_long_blank_run_is_still_found(tmp_path: Path) -> None:
    def merge(book: Workbook) -> None:
        book["Participants"].merge_cells("B4:B5")

    path = _sample(tmp_path, merge)
    blank = "".join(f'<row r="{n}"><c r="A{n}" s="1"/></row>' for n in range(30, 3_000))
    _rewrite(path, _part(path, "Participants"), _rows_before_end(blank))
    result = read_inputs(path)
    assert _located(result) == [
        ("Participants", 4, "Name", "merged cells B4:B5"),
        ("Participants", 5, "Name", ""),  # openpyxl empties the merged cells
    ]


def test_blank_rows_up_to_the_limit_are_read_past(tmp_path: Path) -> None:
    """Tests that a row after exactly BLANK_RUN empty rows is still read."""

    def far(book: Workbook) -> None:
        sheet = book["Participants"]
        values = [c.value for c in sheet[2]]
        values[0] = "P-FAR"
        for column, value in enumerate(values, start=1):
            sheet.cell(row=26 + BLANK_RUN + 1, column=column, value=value)

    result = read_inputs(_sample(tmp_path, far))
    assert result.errors == ()
    assert result.counts["Participants"] == FULL["Participants"] + 1
    assert len(result.skipped) == BLANK_RUN


def test_too_many_rows_name_the_sheet_and_limit(tmp_path: Path) -> None:
    def grow(book: Workbook) -> None:
        sheet = book["Links"]
        first = [c.value for c in sheet[2]]
        for _ in range(75, MAX_ROWS + 3):
            sheet.append(first)

    result = read_inputs(_sample(tmp_path, grow))
    assert _located(result) == [
        ("Links", MAX_ROWS + 2, None, f"more than {MAX_ROWS:,} data rows")
    ]
    assert result.errors[0].expected.startswith(f"at most {MAX_ROWS:,} data rows")


def test_data_past_the_last_column_is_an_error(tmp_path: Path) -> None:
    def wide(book: Workbook) -> None:
        book["Sites"].cell(row=6, column=MAX_COLUMNS + 5, value="note")

    result = read_inputs(_sample(tmp_path, wide))
    assert _located(result) == [("Sites", 6, "GW", "data in column GW")]
    assert "first 200 columns only (A to GR)" in result.errors[0].expected


@pytest.mark.parametrize(
    ("cell", "found"),
    [
        ('<c r="A5" t="inlineStr"><is><t> x </t></is></c>', 5),
        ('<c r="A5" t="s"><v>1</v></c>', 5),
        ('<c r="A5" t="s"><v>0</v></c>', 0),  # shared string 0 is blank
        ('<c r="A5"><f>1+1</f></c>', 5),
        ('<c r="A5" s="3"/><c r="B5"><v> </v></c>', 0),
        ('<x:c r="A5"><x:v>7</x:v></x:c>', 5),
        ("<c><v>7</v></c>", 5),  # no reference: the row's own
        ('<c r="A5"><v>7</v>', 5),  # cut short: counted as data
        ('<c r="A5" t="inlineStr"><is><r><t>a:c </t></r><r><t>b</t></r></is></c>', 5),
    ],
)
def test_the_text_scan_spots_data(cell: str, found: int) -> None:
    xml = (
        '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>'
        f'<row r="5">{cell}</row></sheetData>'
        '<mergeCells><mergeCell ref="A1:B1"/></mergeCells>'
        "<headerFooter><oddHeader>&amp;P of &amp;N</oddHeader></headerFooter>"
        "</worksheet>"
    )
    tail = scan_text(io.BytesIO(xml.encode()), [" ", "text"], after=1)
    assert (tail.row, tail.merges) == (found, [] if found else ["A1:B1"])


def test_messages_are_quoted_in_the_user_guide() -> None:
    """Tests that the troubleshooting table quotes these messages as they are."""
    guide = (Path(__file__).parents[2] / "docs" / "user-guide.md").read_text()
    for quoted in (
        sheetchecks.MERGED,
        sheetchecks.FAR_ROW,
        sheetchecks.TOO_MANY_ROWS,
        sheetchecks.TOO_WIDE,
        sheetchecks.HIDDEN.format(what="rows"),
        sheetchecks.MACROS,
        "a readable sheet; its XML is damaged",
        "a value, not the Excel error #DIV/0!",
    ):
        assert f"expected {quoted}" in guide
