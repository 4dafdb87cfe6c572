"""Tests of reading a good workbook and CSV folder into a Project."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from typing import TYPE_CHECKING

from lrplanner.core.people import Gender
from lrplanner.core.places import PlaceKind, TravelMode
from lrplanner.core.timespan import DateRange, TimeWindow
from lrplanner.importers import ImportResult, SkippedRow, read_inputs
from tests.importers.mekong import write_csv_folder, write_raw, write_workbook

if TYPE_CHECKING:
    from pathlib import Path

    from lrplanner.core.project import Project
    from tests.importers.mekong import Rows


def _project(result: ImportResult) -> Project:
    assert result.errors == (), [e.message() for e in result.errors]
    assert result.project is not None
    return result.project


def test_workbook_route_settings(mekong_xlsx: Path) -> None:
    """Tests that the Route sheet's settings, defaults and synonyms are read."""
    route = _project(read_inputs(mekong_xlsx)).route
    assert route.name == "Mekong Learning Route 2027"
    assert (route.start_date, route.end_date) == (date(2027, 3, 1), date(2027, 3, 10))
    assert (route.start_place, route.end_place) == ("PNH", "SGN")
    assert (route.day_start, route.day_end) == (time(7, 30), time(18, 0))
    assert route.lunch_start == time(12, 0)
    assert route.rest_days == (date(2027, 3, 6),)
    assert route.budget_cap == Decimal("60000")
    assert route.contingency_pct == Decimal("5")
    assert (route.facilitators, route.interpreters) == (2, 2)
    assert route.rates.vehicle_per_day == Decimal("180")


def test_workbook_sites(mekong_xlsx: Path) -> None:
    """Tests that sites get hours, ranges, fees, champions and flags."""
    sites = _project(read_inputs(mekong_xlsx)).sites
    clc, sav, rice = sites
    assert clc.name == "Kampong Speu learning centre (មជ្ឈមណ្ឌលសិក្សា)"
    assert clc.themes == ("rural finance", "women's empowerment")
    assert clc.opening.by_weekday[0] == (
        TimeWindow(time(8), time(11, 30)),
        TimeWindow(time(13, 30), time(17)),
    )
    assert clc.opening.closed_weekdays() == ["Sun"]
    assert clc.available == (DateRange(date(2027, 3, 1), date(2027, 3, 5)),)
    assert clc.blackouts == (date(2027, 3, 4),)
    assert (clc.capacity, clc.fee_per_group, clc.required) == (30, Decimal(150), True)
    assert clc.champions == ("CH01", "CH02")
    assert (sav.place, sav.lat, sav.lon) == (None, 10.9908, 104.785)
    assert rice.opening.by_weekday[0] == (TimeWindow(time(7), time(11)),)
    assert rice.opening.closed_weekdays() == ["Sat", "Sun"]
    assert rice.fee_per_person == Decimal("1200.50")
    assert rice.open_on_holidays is True
    assert len(rice.available) == 2


def test_workbook_people_places_links(mekong_xlsx: Path) -> None:
    """Tests that champions, participants, places and links are read fully."""
    project = _project(read_inputs(mekong_xlsx))
    ch01, _, ch03 = project.champions
    assert (ch01.gender, ch01.birth_year, ch01.languages) == (
        Gender.FEMALE,
        1994,
        ("Khmer", "English"),
    )
    assert dict(ch01.notes) == {"WhatsApp": "+855 12 345 678"}
    assert ch03.youth is True
    p01 = project.participants[0]
    assert (p01.home_city, p01.fare_to_start) == ("Đồng Hới", Decimal(180))
    assert project.participants[3].languages == ("Bangla", "English")
    border = project.place_by_id["BVT"]  # type: ignore[index]
    assert (border.kind, border.other_country) == (PlaceKind.BORDER, "VN")
    assert project.place_by_id["PNH"].lat == 11.5564  # type: ignore[index]
    flight = project.links[1]
    assert (flight.mode, flight.weekdays) == (TravelMode.FLIGHT, frozenset({0, 2, 4}))
    assert flight.departures == (time(7, 30), time(16, 45))
    assert flight.both_ways is False


def test_result_counts_warnings_and_summary(mekong_xlsx: Path) -> None:
    """Tests the counts, the partly-outside warning and the human summary."""
    result = read_inputs(mekong_xlsx)
    assert dict(result.counts) == {
        "Sites": 3,
        "Champions": 3,
        "Participants": 4,
        "Places": 5,
        "Links": 2,
        "Visas": 3,
        "Budget": 3,
        "Rates": 1,
    }
    assert [(w.sheet, w.row, w.column) for w in result.warnings] == [
        ("Sites", 4, "Available dates")
    ]
    assert dict(result.extra_columns) == {"Champions": ("WhatsApp",)}
    summary = result.summary()
    assert "Route 'Mekong Learning Route 2027': 2027-03-01 to 2027-03-10" in summary
    assert "3 sites in KH, VN." in summary
    assert "3 champions (67 % women, 67 % youth)." in summary
    assert "4 participants from 4 countries." in summary
    assert "5 places, 2 links." in summary
    assert "Kept as notes on Champions: WhatsApp." in summary


def test_csv_folder_equals_workbook(mekong_xlsx: Path, mekong_csv: Path) -> None:
    """Tests that the same data as CSV files gives an equal Project."""
    assert _project(read_inputs(mekong_csv)) == _project(read_inputs(mekong_xlsx))


def test_csv_semicolons_and_lower_case_names(rows: Rows, tmp_path: Path) -> None:
    """Tests that ';'-delimited CSVs with lower-case file names are read."""
    folder = write_csv_folder(rows, tmp_path / "csv", delimiter=";")
    for path in folder.iterdir():
        path.rename(path.with_name(path.name.lower()))
    (folder / "links.csv").unlink()
    project = _project(read_inputs(folder))
    assert (len(project.sites), project.links) == (3, ())


def test_csv_latin1_is_read_with_warning(rows: Rows, tmp_path: Path) -> None:
    """Tests that a Latin-1 CSV is decoded with a warning naming the file."""
    folder = write_csv_folder(rows, tmp_path / "csv")
    text = "Participant ID,Name,Gender,Country\nP01,José Peña,M,PE\n"
    (folder / "Participants.csv").write_bytes(text.encode("latin-1"))
    result = read_inputs(folder)
    assert _project(result).participants[0].name == "José Peña"
    assert any(
        w.file == "Participants.csv" and "Latin-1" in w.expected
        for w in result.warnings
    )


def test_headers_synonyms_order_and_blank_rows(tmp_path: Path) -> None:
    """Tests free column order, synonyms, case, notes and skipped blank rows."""
    path = write_raw(
        tmp_path / "raw.xlsx",
        {
            "Route": [
                ["Setting", "Value", "my comments"],
                ["route", "Tiny", "ignored"],
                ["START", "2027-03-01"],
                ["end", "2027-03-02"],
                ["origin", "PNH"],
                ["destination", "PNH"],
                ["Local holiday", "Meak Bochea"],
            ],
            "host sites": [
                ["LATITUDE", "longitude", "code", "site name", "country", "Remarks"],
                [11.5, 104.9, "S1", "Centre", "Cambodia", "bring hats"],
                [None, None, None],
                [11.6, 104.8, "S2", "Farm", "kh"],
            ],
            "Champions": [["id", "name", "sex", "country"]],
            "Participants": [["id", "full name", "gender", "country"]],
            "Places": [
                ["id", "name", "country", "lat", "lng"],
                ["PNH", "Phnom Penh", "KH", 11.5564, 104.9282],
            ],
        },
    )
    result = read_inputs(path)
    project = _project(result)
    assert project.route.name == "Tiny"
    assert dict(project.route.notes) == {"Local holiday": "Meak Bochea"}
    assert [(s.id, s.country, s.lat) for s in project.sites] == [
        ("S1", "KH", 11.5),
        ("S2", "KH", 11.6),
    ]
    assert dict(project.sites[0].notes) == {"Remarks": "bring hats"}
    assert result.skipped == (SkippedRow("host sites", 3),)
    assert dict(result.extra_columns) == {
        "Route": ("Local holiday",),
        "host sites": ("Remarks",),
    }


def test_blank_rows_are_reported(rows: Rows, tmp_path: Path) -> None:
    """Tests that a blank row between data rows is skipped and reported."""
    rows["Participants"].insert(1, {})
    result = read_inputs(write_workbook(rows, tmp_path / "w.xlsx"))
    assert result.skipped == (SkippedRow("Participants", 3),)
    assert len(_project(result).participants) == 4
    assert "Skipped 1 blank row: Participants row 3." in result.summary()


def test_empty_optional_sheet_and_blank_header_cells(tmp_path: Path) -> None:
    """Tests that an empty Links sheet is fine and blank headers keep their data."""
    path = write_raw(
        tmp_path / "gaps.xlsx",
        {
            "Route": [
                ["Route name", "Gaps"],
                ["Start date", "2027-03-01"],
                ["End date", "2027-03-01"],
                ["Start place", "PNH"],
                ["End place", "PNH"],
            ],
            "Sites": [
                ["Site ID", None, "Name", "Country", "Place", None, "Notes"],
                ["S1", None, "Centre", "KH", "PNH", "left in F"],
            ],
            "Champions": [],
            "Participants": [["id", "name", "gender", "country"]],
            "Places": [
                ["id", "name", "country", "lat", "lon"],
                ["PNH", "Phnom Penh", "KH", 11.5564, 104.9282],
            ],
            "Links": [],
        },
    )
    result = read_inputs(path)
    assert [(e.sheet, e.column) for e in result.errors] == [
        ("Champions", "Champion ID"),
        ("Champions", "Name"),
        ("Champions", "Gender"),
        ("Champions", "Country"),
    ]
    assert dict(result.extra_columns) == {"Sites": ("Notes", "Column F")}
