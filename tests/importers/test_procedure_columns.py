"""Tests of the procedure columns (Places) and the Service column (Links)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lrplanner.core.ids import PlaceId
from lrplanner.importers import read_inputs
from lrplanner.importers.project_rows import project_rows
from tests.importers.mekong import write_workbook

if TYPE_CHECKING:
    from pathlib import Path

    from tests.importers.mekong import Rows


def test_procedure_minutes_and_service_are_read(rows: Rows, tmp_path: Path) -> None:
    """Tests that stated minutes and a flight number reach the project."""
    pnh = rows["Places"][0]
    pnh.update({"Check-in minutes": 90, "Arrival minutes": 20})
    rows["Links"][0]["Service"] = "K6 105"
    result = read_inputs(write_workbook(rows, tmp_path / "r.xlsx"))
    assert result.errors == (), [e.message() for e in result.errors]
    assert result.project is not None
    place = result.project.place_by_id[PlaceId("PNH")]
    assert (place.check_in_min, place.arrival_min, place.formalities_min) == (
        90,
        20,
        None,
    )
    assert result.project.links[0].service == "K6 105"
    assert result.project.links[1].service is None


def test_out_of_range_minutes_are_located_errors(rows: Rows, tmp_path: Path) -> None:
    """Tests that a check-in of 2,000 minutes is refused where it is typed."""
    rows["Places"][0]["Check-in minutes"] = 2000
    result = read_inputs(write_workbook(rows, tmp_path / "r.xlsx"))
    assert [(e.sheet, e.column) for e in result.errors] == [
        ("Places", "Check-in minutes")
    ]


def test_rows_round_trip_the_new_columns(rows: Rows, tmp_path: Path) -> None:
    """Tests that the app's table rows carry the new columns back."""
    rows["Places"][0]["Formalities minutes"] = 30
    rows["Links"][0]["Service"] = "K6 105"
    project = read_inputs(write_workbook(rows, tmp_path / "r.xlsx")).project
    assert project is not None
    tables = project_rows(project)
    assert tables["Places"][0]["formalities_min"] == 30
    assert tables["Links"][0]["service"] == "K6 105"
