"""Tests of the Participants' arrival and departure columns on import."""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING

from lrplanner.core.ids import PlaceId
from lrplanner.importers import read_inputs
from tests.importers.mekong import write_workbook

if TYPE_CHECKING:
    from pathlib import Path

    from tests.importers.mekong import Rows


def _arrive(rows: Rows, index: int, **cells: object) -> None:
    rows["Participants"][index].update(cells)


def test_arrival_and_departure_are_read(rows: Rows, tmp_path: Path) -> None:
    """Tests that the eight columns fill the participant, blanks their defaults."""
    _arrive(
        rows,
        0,
        **{
            "Arrival date": date(2027, 2, 28),
            "Arrival time": "16:40",
            "Arrival flight": "TG580",
            "Arrival airport": "PNH",
            "Departure date": "2027-03-11",
            "Departure time": time(10, 5),
            "Departure flight": "VN601",
        },
    )
    result = read_inputs(write_workbook(rows, tmp_path / "w.xlsx"))
    assert result.errors == (), [e.message() for e in result.errors]
    assert not [w for w in result.warnings if w.sheet == "Participants"]
    assert result.project is not None
    first, second = result.project.participants[:2]
    assert (first.arrival_date, first.arrival_time) == (date(2027, 2, 28), time(16, 40))
    assert (first.arrival_flight, first.arrival_airport) == ("TG580", PlaceId("PNH"))
    assert (first.departure_date, first.departure_time) == (
        date(2027, 3, 11),
        time(10, 5),
    )
    assert (first.departure_flight, first.departure_airport) == ("VN601", None)
    assert (second.arrival_date, second.arrival_flight, second.arrival_airport) == (
        None,
        "",
        None,
    )


def test_unknown_airport_is_located(rows: Rows, tmp_path: Path) -> None:
    """Tests that an airport not in Places is an error at its sheet, row, column."""
    _arrive(rows, 1, **{"Arrival date": "2027-02-28", "Arrival airport": "BKKX"})
    result = read_inputs(write_workbook(rows, tmp_path / "w.xlsx"))
    assert result.project is None
    assert [(e.sheet, e.row, e.column, e.value) for e in result.errors] == [
        ("Participants", 3, "Arrival airport", "BKKX")
    ]
    assert "Place ID from the Places sheet" in result.errors[0].expected


def test_bad_time_is_located(rows: Rows, tmp_path: Path) -> None:
    """Tests that an unreadable arrival time is an error naming the cell."""
    _arrive(rows, 0, **{"Arrival date": "2027-02-28", "Departure time": "25:70"})
    result = read_inputs(write_workbook(rows, tmp_path / "w.xlsx"))
    assert result.project is None
    assert [(e.sheet, e.row, e.column) for e in result.errors] == [
        ("Participants", 2, "Departure time")
    ]


def test_time_without_date_is_refused(rows: Rows, tmp_path: Path) -> None:
    """Tests that an arrival time with no date refuses the row, saying why."""
    _arrive(rows, 0, **{"Arrival time": "09:10"})
    result = read_inputs(write_workbook(rows, tmp_path / "w.xlsx"))
    assert [(e.row, e.column) for e in result.errors] == [(2, None)]
    assert "an arrival time needs an arrival date" in result.errors[0].expected


def test_date_far_from_the_route_warns(rows: Rows, tmp_path: Path) -> None:
    """Tests that an arrival a month early or a departure after the week past the
    end only warns (the route runs 2027-03-01..2027-03-10)."""
    _arrive(rows, 0, **{"Arrival date": "2027-01-28", "Departure date": "2027-03-17"})
    _arrive(rows, 1, **{"Arrival date": "2027-02-22", "Departure date": "2027-03-18"})
    result = read_inputs(write_workbook(rows, tmp_path / "w.xlsx"))
    assert result.project is not None
    found = [
        (w.row, w.column, w.value, w.expected)
        for w in result.warnings
        if w.sheet == "Participants"
    ]
    assert found == [
        (
            2,
            "Arrival date",
            "2027-01-28",
            "a date from 2027-02-22 to 2027-03-10 (the route's arrival)",
        ),
        (
            3,
            "Departure date",
            "2027-03-18",
            "a date from 2027-03-01 to 2027-03-17 (the route's departure)",
        ),
    ]
