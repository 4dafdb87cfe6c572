"""Tests of a workbook of several routes (issue 19): Route, Route 2, ... sheets
and the Route column of Participants and Budget."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import openpyxl
import pytest

from lrplanner.importers import (
    read_inputs,
    write_programme_workbook,
    write_project_workbook,
)
from tests.importers.mekong import write_csv_folder, write_workbook

if TYPE_CHECKING:
    from lrplanner.core.errors import InputError
    from tests.importers.mekong import Rows

FIRST = "Mekong Learning Route 2027"
SECOND = "Mekong Route, November"
SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "mekong_programme"


def _two_routes(rows: Rows) -> Rows:
    """Make the Mekong rows a programme: a November route with two of the
    participants and one budget line."""
    second = dict(rows["Route"][0])
    second.update(
        {
            "Route name": SECOND,
            "Start date": date(2027, 11, 8),
            "End date": date(2027, 11, 15),
            "Rest days": "",
        }
    )
    rows["Route 2"] = [second]
    for number, person in enumerate(rows["Participants"]):
        person["Route"] = FIRST if number < 2 else SECOND
    for number, line in enumerate(rows["Budget"]):
        line["Route"] = SECOND if number == 0 else FIRST.upper()  # case ignored
    return rows


def _errors(path: Path) -> list[InputError]:
    result = read_inputs(path)
    assert result.project is None
    return list(result.errors)


def test_a_workbook_of_two_routes_reads_as_a_programme(
    rows: Rows, tmp_path: Path
) -> None:
    """Tests that Route and Route 2 give two routes sharing the other sheets,
    each with the participants and budget lines its Route column names."""
    path = write_workbook(_two_routes(rows), tmp_path / "two.xlsx")
    result = read_inputs(path)
    assert result.errors == (), [e.message() for e in result.errors]
    programme = result.programme
    assert programme is not None
    assert programme.names == (FIRST, SECOND)
    assert result.project == programme.project(0)
    first, second = programme.routes
    assert [p.id for p in first.participants] == ["P01", "P02"]
    assert [p.id for p in second.participants] == ["P03", "P04"]
    assert (len(first.budget), len(second.budget)) == (2, 1)
    assert second.route.start_date == date(2027, 11, 8)
    assert len(programme.sites) == len(rows["Sites"])
    assert "A programme of 2 routes" in result.summary()
    assert result.routes == 2


def test_a_csv_folder_of_two_routes_reads_as_the_workbook(
    rows: Rows, tmp_path: Path
) -> None:
    """Tests that Route 2.csv is a second route, as a Route 2 sheet is."""
    two = _two_routes(rows)
    folder = write_csv_folder(two, tmp_path / "csv")
    assert (folder / "Route 2.csv").exists()
    book = read_inputs(write_workbook(two, tmp_path / "two.xlsx"))
    assert read_inputs(folder).programme == book.programme


def test_one_route_gives_a_programme_of_one(mekong_xlsx: Path) -> None:
    """Tests that a workbook of one Route sheet reads as before: no Route
    column, the project, and a programme of that one route."""
    result = read_inputs(mekong_xlsx)
    assert result.project is not None
    assert result.programme is not None
    assert result.programme.project(0) == result.project
    assert result.routes == 1
    assert "programme" not in result.summary()


def test_a_blank_route_cell_names_sheet_row_column_and_routes(
    rows: Rows, tmp_path: Path
) -> None:
    """Tests that with two routes a participant without a route is refused."""
    two = _two_routes(rows)
    two["Participants"][2]["Route"] = ""
    (error,) = _errors(write_workbook(two, tmp_path / "two.xlsx"))
    assert (error.sheet, error.row, error.column) == ("Participants", 4, "Route")
    assert f"{FIRST!r} (sheet Route)" in error.expected
    assert f"{SECOND!r} (sheet Route 2)" in error.expected


def test_an_unknown_route_name_is_refused(rows: Rows, tmp_path: Path) -> None:
    """Tests that a Budget row naming no route is an error on its Route cell."""
    two = _two_routes(rows)
    two["Budget"][1]["Route"] = "Mekong Route, December"
    (error,) = _errors(write_workbook(two, tmp_path / "two.xlsx"))
    assert (error.sheet, error.row, error.column) == ("Budget", 3, "Route")
    assert error.value == "Mekong Route, December"


def test_a_missing_route_column_is_one_error(rows: Rows, tmp_path: Path) -> None:
    """Tests that two routes and a Participants sheet without a Route column
    give one error, not one per row."""
    two = _two_routes(rows)
    for person in two["Participants"]:
        del person["Route"]
    (error,) = _errors(write_workbook(two, tmp_path / "two.xlsx"))
    assert (error.sheet, error.row, error.column) == ("Participants", None, "Route")
    assert "2 Route sheets" in error.expected


def test_a_route_cell_with_one_route_must_name_it(rows: Rows, tmp_path: Path) -> None:
    """Tests that with one route a Route cell is blank or the route's name."""
    rows["Participants"][0]["Route"] = FIRST
    assert read_inputs(write_workbook(rows, tmp_path / "one.xlsx")).ok
    rows["Participants"][1]["Route"] = SECOND
    (error,) = _errors(write_workbook(rows, tmp_path / "typo.xlsx"))
    assert (error.sheet, error.row, error.column) == ("Participants", 3, "Route")


def test_two_routes_may_not_share_a_name(rows: Rows, tmp_path: Path) -> None:
    """Tests that a second Route sheet with the first one's name is refused
    on its own Route name row."""
    two = _two_routes(rows)
    two["Route 2"][0]["Route name"] = FIRST.lower()
    errors = _errors(write_workbook(two, tmp_path / "twins.xlsx"))
    twin = next(e for e in errors if e.sheet == "Route 2")
    assert (twin.row, twin.column) == (2, "Route name")
    assert "sheet Route" in twin.expected


def test_a_route_sheet_error_names_its_sheet(rows: Rows, tmp_path: Path) -> None:
    """Tests that each Route sheet is checked as the Route sheet is."""
    two = _two_routes(rows)
    two["Route 2"][0]["Start place"] = "NOWHERE"
    (error,) = _errors(write_workbook(two, tmp_path / "place.xlsx"))
    assert (error.sheet, error.column, error.value) == (
        "Route 2",
        "Start place",
        "NOWHERE",
    )
    two["Route 2"][0]["End date"] = date(2027, 11, 1)  # before its start
    errors = _errors(write_workbook(two, tmp_path / "bad.xlsx"))
    assert ("Route 2", "End date") in {(e.sheet, e.column) for e in errors}


def test_the_routes_share_one_currency(rows: Rows, tmp_path: Path) -> None:
    """Tests that a further route in another currency is refused (the Rates
    sheet is per the first route's currency)."""
    two = _two_routes(rows)
    two["Route 2"][0]["Currency"] = "THB"
    errors = _errors(write_workbook(two, tmp_path / "thb.xlsx"))
    assert any(e.sheet == "Route 2" and e.column == "Currency" for e in errors)


def test_journeys_are_checked_against_their_own_route(
    rows: Rows, tmp_path: Path
) -> None:
    """Tests that an arrival is compared with the dates of its own route."""
    two = _two_routes(rows)
    two["Participants"][3]["Arrival date"] = date(2027, 11, 7)  # November route
    two["Participants"][0]["Arrival date"] = date(2027, 11, 7)  # March route
    result = read_inputs(write_workbook(two, tmp_path / "two.xlsx"))
    assert result.ok, [e.message() for e in result.errors]
    late = [w for w in result.warnings if w.column == "Arrival date"]
    assert [w.row for w in late] == [2]


def test_participant_ids_repeat_only_across_routes(rows: Rows, tmp_path: Path) -> None:
    """Tests that ids are unique within a route; another route may reuse one."""
    two = _two_routes(rows)
    two["Participants"][2]["Participant ID"] = "P01"
    assert read_inputs(write_workbook(two, tmp_path / "ok.xlsx")).ok
    two["Participants"][3]["Participant ID"] = "P01"
    (error,) = _errors(write_workbook(two, tmp_path / "twice.xlsx"))
    assert (error.sheet, error.row, error.column) == (
        "Participants",
        5,
        "Participant ID",
    )


def test_a_programme_round_trips_through_one_workbook(
    rows: Rows, tmp_path: Path
) -> None:
    """Tests that import, write and import give the same programme, with a
    Route sheet per route and the Route column filled."""
    first = read_inputs(write_workbook(_two_routes(rows), tmp_path / "a.xlsx"))
    assert first.programme is not None
    write_programme_workbook(first.programme, tmp_path / "b.xlsx")
    again = read_inputs(tmp_path / "b.xlsx")
    assert again.errors == ()
    assert again.programme == first.programme
    book = openpyxl.load_workbook(tmp_path / "b.xlsx", read_only=True)
    assert book.sheetnames[:3] == ["README", "Route", "Route 2"]
    header = [c.value for c in next(book["Participants"].iter_rows(max_row=1))]
    assert header[-1] == "Route"


def test_one_route_writes_without_a_route_column(
    mekong_xlsx: Path, tmp_path: Path
) -> None:
    """Tests that a one-route project writes as before: no Route column."""
    project = read_inputs(mekong_xlsx).project
    assert project is not None
    write_project_workbook(project, tmp_path / "one.xlsx")
    book = openpyxl.load_workbook(tmp_path / "one.xlsx", read_only=True)
    for sheet in ("Participants", "Budget"):
        header = [c.value for c in next(book[sheet].iter_rows(max_row=1))]
        assert "Route" not in header
    assert "Route 2" not in book.sheetnames


@pytest.mark.parametrize("suffix", ["", ".xlsx"])
def test_the_sample_programme_reads_and_round_trips(
    suffix: str, tmp_path: Path
) -> None:
    """Tests the shipped sample programme: three routes, the CSV folder and
    the workbook alike, and written back unchanged."""
    result = read_inputs(SAMPLE.with_name(SAMPLE.name + suffix))
    assert result.errors == (), [e.message() for e in result.errors]
    assert result.warnings == ()
    programme = result.programme
    assert programme is not None
    assert len(programme.routes) == 3
    write_programme_workbook(programme, tmp_path / "again.xlsx")
    assert read_inputs(tmp_path / "again.xlsx").programme == programme


def _required_row(path: Path, sheet: str) -> int:
    """Return the row of the Required sites setting on a written Route sheet."""
    book = openpyxl.load_workbook(path, read_only=True)
    rows = book[sheet].iter_rows(min_col=1, max_col=1, values_only=True)
    return next(n for n, (name,) in enumerate(rows, 1) if name == "Required sites")


def test_a_route_names_the_sites_it_requires(rows: Rows, tmp_path: Path) -> None:
    """Tests that the Required sites setting is the route's own (ids split
    on ',' or ';'), and that it is written back."""
    two = _two_routes(rows)
    two["Route 2"][0]["Required sites"] = "VN-RICE3, KH-SAV2"
    result = read_inputs(write_workbook(two, tmp_path / "req.xlsx"))
    assert result.errors == (), [e.message() for e in result.errors]
    programme = result.programme
    assert programme is not None
    first, second = programme.routes
    assert (first.route.required_sites, second.route.required_sites) == (
        (),
        ("VN-RICE3", "KH-SAV2"),
    )
    assert programme.project(1).required_ids == {"KH-CLC1", "VN-RICE3", "KH-SAV2"}
    write_programme_workbook(programme, tmp_path / "again.xlsx")
    assert read_inputs(tmp_path / "again.xlsx").programme == programme


def test_an_unknown_required_site_names_sheet_row_column_and_ids(
    rows: Rows, tmp_path: Path
) -> None:
    """Tests that a Required site not on Sites is an error on the setting's
    row, listing the site ids there are; a site named twice is one too."""
    two = _two_routes(rows)
    two["Route 2"][0]["Required sites"] = "KH-SAV2; NOWHERE"
    path = write_workbook(two, tmp_path / "unknown.xlsx")
    (error,) = _errors(path)
    assert (error.sheet, error.row, error.column, error.value) == (
        "Route 2",
        _required_row(path, "Route 2"),
        "Required sites",
        "NOWHERE",
    )
    assert "KH-CLC1, KH-SAV2, VN-RICE3" in error.expected
    two["Route 2"][0]["Required sites"] = "KH-SAV2, KH-SAV2"
    (error,) = _errors(write_workbook(two, tmp_path / "twice.xlsx"))
    assert (error.sheet, error.column) == ("Route 2", "Required sites")
    assert "KH-SAV2 named twice" in error.expected
