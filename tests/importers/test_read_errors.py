"""Tests that every kind of bad input is reported with sheet, row and column."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from lrplanner.importers import read_inputs
from tests.importers.mekong import write_csv_folder, write_raw, write_workbook

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from tests.importers.mekong import Rows


def put(sheet: str, index: int, key: str, value: object) -> Callable[[Rows], None]:
    """Return a change that sets one cell of the rows (index 0 = first record)."""

    def change(rows: Rows) -> None:
        rows[sheet][index][key] = value

    return change


# Route rows in the written workbook follow columns.ROUTE: name on row 2,
# start date 3, end date 4, start place 5, end place 6, day end 8, rest days 13.
CASES = [
    (
        "duplicate id",
        put("Sites", 2, "Site ID", "KH-CLC1"),
        ("Sites", 4, "Site ID"),
        "already on row 2",
    ),
    (
        "unknown champion",
        put("Sites", 1, "Champion IDs", "CH09"),
        ("Sites", 3, "Champion IDs"),
        "from the Champions sheet",
    ),
    (
        "unknown site",
        put("Champions", 2, "Site IDs", "VN-X"),
        ("Champions", 4, "Site IDs"),
        "from the Sites sheet",
    ),
    (
        "unknown place",
        put("Sites", 0, "Place", "XXX"),
        ("Sites", 2, "Place"),
        "or give Lat and Lon",
    ),
    (
        "no location",
        put("Sites", 1, "Lat", None),
        ("Sites", 3, "Lat"),
        "both latitude and longitude",
    ),
    (
        "latitude off globe",
        put("Places", 0, "Lat", 95),
        ("Places", 2, "Lat"),
        "latitude in decimal degrees from -90 to 90",
    ),
    (
        "longitude off globe",
        put("Sites", 1, "Lon", -200.5),
        ("Sites", 3, "Lon"),
        "from -180 to 180",
    ),
    (
        "hours reversed",
        put("Sites", 0, "Opening hours", "17:00-08:00"),
        ("Sites", 2, "Opening hours"),
        "closes before",
    ),
    (
        "hours overlap",
        put("Sites", 2, "Hours Mon", "08:00-12:00, 11:00-13:00"),
        ("Sites", 4, "Hours Mon"),
        "do not overlap",
    ),
    (
        "rest day outside",
        put("Route", 0, "Rest days", "2027-03-20"),
        ("Route", 13, "Rest days"),
        "rest days between 2027-03-01 and 2027-03-10",
    ),
    (
        "unknown start place",
        put("Route", 0, "Start place", "BKK"),
        ("Route", 5, "Start place"),
        "from the Places sheet",
    ),
    (
        "unknown end place",
        put("Route", 0, "End place", "HAN"),
        ("Route", 6, "End place"),
        "from the Places sheet",
    ),
    (
        "unknown link place",
        put("Links", 1, "To", "HAN"),
        ("Links", 3, "To"),
        "from the Places sheet",
    ),
    (
        "border without other country",
        put("Places", 2, "Other country", None),
        ("Places", 4, "Other country"),
        "across the border",
    ),
    (
        "border to itself",
        put("Places", 2, "Other country", "KH"),
        ("Places", 4, "Other country"),
        "other than the place's own",
    ),
    (
        "route ends before start",
        put("Route", 0, "End date", "2027-02-20"),
        ("Route", 4, "End date"),
        "on or after the start 2027-03-01",
    ),
    (
        "ambiguous date",
        put("Route", 0, "Start date", "03/04/2027"),
        ("Route", 3, "Start date"),
        "ambiguous",
    ),
    (
        "day ends before it starts",
        put("Route", 0, "Day end", "06:00"),
        ("Route", 8, "Day end"),
        "after the day start",
    ),
    (
        "currency sign",
        put("Sites", 0, "Fee per group", "$150"),
        ("Sites", 2, "Fee per group"),
        "'$' names no single currency",
    ),
    (
        "bad gender",
        put("Participants", 1, "Gender", "Q"),
        ("Participants", 3, "Gender"),
        "F, M or X",
    ),
    (
        "bad country",
        put("Participants", 1, "Country", "Atlantis"),
        ("Participants", 3, "Country"),
        "ISO alpha-2",
    ),
    (
        "blank required",
        put("Champions", 1, "Name", " "),
        ("Champions", 3, "Name"),
        "this column is required",
    ),
    (
        "bad mode",
        put("Links", 0, "Mode", "camel"),
        ("Links", 2, "Mode"),
        "road, flight, boat or train",
    ),
    (
        "link to itself",
        put("Links", 0, "To", "PNH"),
        ("Links", 2, "To"),
        "other than the From place",
    ),
    (
        "value out of range",
        put("Sites", 0, "Learning value", 5000),
        ("Sites", 2, "Learning value"),
        "from 1 to 10",
    ),
    (
        "id with separator",
        put("Sites", 1, "Site ID", "A;B"),
        ("Sites", 3, "Site ID"),
        "without ';'",
    ),
]


@pytest.mark.parametrize(
    ("change", "where", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_error_is_located(
    rows: Rows,
    tmp_path: Path,
    change: Callable[[Rows], None],
    where: tuple[str, int | None, str],
    message: str,
) -> None:
    """Tests that a defect gives an error naming its sheet, row and column."""
    change(rows)
    result = read_inputs(write_workbook(rows, tmp_path / "bad.xlsx"))
    assert result.project is None
    located = [(e.sheet, e.row, e.column) for e in result.errors]
    assert where in located, [e.message() for e in result.errors]
    error = result.errors[located.index(where)]
    assert message in error.expected
    assert error.file == "bad.xlsx"
    assert f"sheet {where[0]}" in error.message()


def test_every_problem_is_collected(rows: Rows, tmp_path: Path) -> None:
    """Tests that several defects on several sheets are all reported at once."""
    chosen = [c for c in CASES if c[0] in _INDEPENDENT]
    for _, change, _, _ in chosen:
        change(rows)
    result = read_inputs(write_workbook(rows, tmp_path / "bad.xlsx"))
    located = {(e.sheet, e.row, e.column) for e in result.errors}
    assert {c[2] for c in chosen} <= located
    assert len(chosen) == len(_INDEPENDENT)


_INDEPENDENT = {
    "duplicate id",
    "unknown champion",
    "unknown site",
    "latitude off globe",
    "hours reversed",
    "ambiguous date",
    "bad gender",
    "bad mode",
}


def test_missing_sheet(rows: Rows, tmp_path: Path) -> None:
    """Tests that a missing required sheet is a sheet-level error."""
    del rows["Champions"]
    result = read_inputs(write_csv_folder(rows, tmp_path / "csv"))
    champions = [e for e in result.errors if e.sheet == "Champions"]
    assert [(e.row, e.column) for e in champions] == [(None, None)]
    assert "Champions.csv" in champions[0].expected


def test_csv_errors_name_the_file(rows: Rows, tmp_path: Path) -> None:
    """Tests that errors in a CSV folder name the CSV file and its row."""
    rows["Participants"][3]["Gender"] = "?"
    result = read_inputs(write_csv_folder(rows, tmp_path / "csv"))
    assert [(e.file, e.sheet, e.row, e.column) for e in result.errors] == [
        ("Participants.csv", "Participants", 5, "Gender")
    ]


def test_blackouts_outside_route_warn(rows: Rows, tmp_path: Path) -> None:
    """Tests that blackout dates outside the route only warn."""
    rows["Sites"][0]["Blackout dates"] = "2027-03-04; 2027-12-25"
    result = read_inputs(write_workbook(rows, tmp_path / "w.xlsx"))
    assert result.project is not None
    blackout = [w for w in result.warnings if w.column == "Blackout dates"]
    assert [(w.sheet, w.row, w.value) for w in blackout] == [("Sites", 2, "2027-12-25")]


@pytest.mark.parametrize(
    ("sheet", "dates"),
    [("Sites", "2027-05-01..2027-05-03"), ("Champions", "2026-01-01")],
)
def test_availability_wholly_outside_the_route_warns(
    rows: Rows, tmp_path: Path, sheet: str, dates: str
) -> None:
    """Tests that a site or champion available only on other dates (another
    route of a programme) loads, with a warning naming the cell."""
    rows[sheet][0]["Available dates"] = dates
    result = read_inputs(write_workbook(rows, tmp_path / "w.xlsx"))
    assert result.project is not None, result.errors
    [warning] = [w for w in result.warnings if w.sheet == sheet and w.row == 2]
    assert warning.column == "Available dates"
    assert "not available on this route" in warning.expected


def test_unknown_place_with_coordinates_warns(rows: Rows, tmp_path: Path) -> None:
    """Tests that a typo'd place beside coordinates warns and keeps the site."""
    rows["Sites"][1]["Place"] = "TKO"
    result = read_inputs(write_workbook(rows, tmp_path / "w.xlsx"))
    assert result.project is not None
    assert result.project.sites[1].place is None
    assert [(w.row, w.column) for w in result.warnings if w.column == "Place"] == [
        (3, "Place")
    ]


def _tiny(
    sites_header: list[object], route_extra: list[list[object]]
) -> dict[str, list[list[object]]]:
    return {
        "Route": [
            ["Route name", "Tiny"],
            ["Start date", "2027-03-01"],
            ["End date", "2027-03-02"],
            ["Start place", "PNH"],
            ["End place", "PNH"],
            *route_extra,
        ],
        "Sites": [sites_header, ["S1", "Centre", "KH", "PNH", "PNH"]],
        "Champions": [["Champion ID", "Name", "Gender", "Country"]],
        "Participants": [["Participant ID", "Name", "Gender", "Country"]],
        "Places": [
            ["Place ID", "Name", "Country", "Lat", "Lon"],
            ["PNH", "Phnom Penh", "KH", 11.5564, 104.9282],
        ],
    }


def test_tiny_workbook_is_read(tmp_path: Path) -> None:
    """Tests that the minimal workbook used below is itself valid."""
    sheets = _tiny(["Site ID", "Name", "Country", "Place", "Notes"], [])
    result = read_inputs(write_raw(tmp_path / "tiny.xlsx", sheets))
    assert result.errors == ()
    assert result.project is not None
    assert dict(result.project.sites[0].notes) == {"Notes": "PNH"}


def test_duplicate_header_and_setting(tmp_path: Path) -> None:
    """Tests that a column given twice and a setting given twice are reported."""
    sheets = _tiny(
        ["Site ID", "Name", "Country", "Place", "place id"], [["name", "Again"]]
    )
    result = read_inputs(write_raw(tmp_path / "dup.xlsx", sheets))
    assert [(e.sheet, e.row, e.column, e.value) for e in result.errors] == [
        ("Route", 6, None, "name"),
        ("Sites", 1, None, "place id"),
    ]
    assert "already on row 1" in result.errors[0].expected
    assert "already given as 'Place'" in result.errors[1].expected


def test_missing_column(tmp_path: Path) -> None:
    """Tests that a missing required column names the expected header."""
    sheets = _tiny(["Site ID", "Name", "Place"], [])
    sheets["Places"] = [["Place ID", "Name", "Country", "Lon"]]
    result = read_inputs(write_raw(tmp_path / "cols.xlsx", sheets))
    located = [(e.sheet, e.row, e.column) for e in result.errors]
    assert ("Sites", None, "Country") in located
    assert ("Places", None, "Lat") in located
    lat = result.errors[located.index(("Places", None, "Lat"))]
    assert "a column headed 'Lat'" in lat.expected


def test_missing_route_setting(tmp_path: Path) -> None:
    """Tests that a missing required Route setting is named."""
    sheets = _tiny(["Site ID", "Name", "Country", "Place"], [])
    sheets["Route"] = sheets["Route"][1:]
    result = read_inputs(write_raw(tmp_path / "route.xlsx", sheets))
    assert [(e.sheet, e.row, e.column) for e in result.errors] == [
        ("Route", None, "Route name")
    ]
