"""Tests that the builders and the write-back are derived from the column specs."""

from __future__ import annotations

import dataclasses
import operator
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from lrplanner.core.columns import PARTICIPANTS, ROUTE, SHEETS, SITES, SheetSpec
from lrplanner.importers import read_inputs, write_template
from lrplanner.importers.fields import Fields
from lrplanner.importers.multicells import SPECIAL_PARSERS, column_parser
from lrplanner.importers.project_rows import cell_value, project_rows
from lrplanner.importers.records import build_participant
from lrplanner.importers.route_sheet import build_route
from lrplanner.importers.table import Record, Table

if TYPE_CHECKING:
    from lrplanner.core.errors import InputError
    from lrplanner.core.project import Project

SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"
FIELDS = {
    "Route": "route",
    "Sites": "sites",
    "Champions": "champions",
    "Participants": "participants",
    "Places": "places",
    "Links": "links",
    "Visas": "visas",
    "Budget": "budget",
    "Rates": "rates",
}


@cache
def _sample(name: str) -> Project:
    project = read_inputs(SAMPLES / f"{name}.xlsx").project
    assert project is not None
    return project


def _records(project: Project, sheet: str) -> tuple[object, ...]:
    found = getattr(project, FIELDS[sheet])
    return found if isinstance(found, tuple) else (found,)


@pytest.mark.parametrize("name", ["mekong", "south_asia"])
@pytest.mark.parametrize("sheet", SHEETS, ids=lambda s: s.name)
def test_every_cell_reads_back_as_its_field(name: str, sheet: SheetSpec) -> None:
    """Tests that each simple column's written cell parses to the same field value."""
    for record in _records(_sample(name), sheet.name):
        for column in sheet.columns:
            if column.field is None:
                continue
            value = operator.attrgetter(column.field)(record)
            cell = cell_value(column.kind, value)
            if cell is None or cell == "":
                assert value == column.default, (column.key, value)
            else:
                assert column_parser(column)(cell) == value, (column.key, cell)


@pytest.mark.parametrize("name", ["mekong", "south_asia"])
def test_rows_template_and_import_give_the_same_project(
    name: str, tmp_path: Path
) -> None:
    """Tests import -> project_rows -> template -> import of a sample workbook."""
    project = _sample(name)
    write_template(tmp_path / "again.xlsx", project_rows(project))
    again = read_inputs(tmp_path / "again.xlsx")
    assert again.errors == (), [e.message() for e in again.errors]
    assert again.project == project


def _fields(
    spec: SheetSpec, cells: dict[str, object]
) -> tuple[Fields, list[InputError]]:
    errors: list[InputError] = []
    table = Table("t.xlsx", spec.name, spec, headers={k: k for k in cells})
    return Fields(table, Record(row=2, cells=cells, notes={}), errors), errors


def test_a_blank_cell_takes_the_spec_default() -> None:
    """Tests that the builder reads a column's default from its spec, not its code."""
    dietary = dataclasses.replace(PARTICIPANTS.column("dietary"), default="none")
    fare = dataclasses.replace(
        PARTICIPANTS.column("fare_to_start"), default=Decimal("90")
    )
    columns = tuple(
        {"dietary": dietary, "fare_to_start": fare}.get(c.key, c)
        for c in PARTICIPANTS.columns
    )
    spec = dataclasses.replace(PARTICIPANTS, columns=columns)
    cells: dict[str, object] = {
        "id": "P1",
        "name": "Lan",
        "gender": "F",
        "country": "VN",
    }
    fields, errors = _fields(spec, cells)
    participant = build_participant(fields)
    assert errors == []
    assert participant is not None
    assert (participant.dietary, participant.fare_to_start) == ("none", Decimal("90"))


def test_bounds_come_from_the_spec() -> None:
    """Tests that a value outside a column's bounds is refused with them named."""
    lunch = dataclasses.replace(ROUTE.column("lunch_minutes"), bounds=(0, 90))
    columns = tuple(lunch if c.key == "lunch_minutes" else c for c in ROUTE.columns)
    cells: dict[str, object] = {
        "name": "R",
        "start_date": "2027-03-01",
        "end_date": "2027-03-05",
        "start_place": "A",
        "end_place": "B",
        "lunch_minutes": 120,
        "max_travel_hours_per_day": 25,
    }
    fields, errors = _fields(dataclasses.replace(ROUTE, columns=columns), cells)
    assert build_route(fields) is None
    assert [(e.column, e.expected) for e in errors] == [
        ("lunch_minutes", "a whole number from 0 to 90"),
        ("max_travel_hours_per_day", "a number of hours from 0 to 24"),
    ]


def test_nested_fields_reach_their_record() -> None:
    """Tests that the Route's rate columns fill RouteSettings.rates."""
    route = _sample("mekong").route
    row = project_rows(_sample("mekong"))["Route"][0]
    assert row["vehicle_per_day"] == route.rates.vehicle_per_day
    rates = {c.field for c in ROUTE.columns if c.field and "." in c.field}
    assert rates == {f"rates.{f.name}" for f in dataclasses.fields(route.rates)}


def test_every_special_parser_is_known() -> None:
    """Tests that each column's own parser exists and each one is used."""
    used = {c.parse for s in SHEETS for c in s.columns if c.parse is not None}
    assert used == set(SPECIAL_PARSERS)
    assert column_parser(SITES.column("champions"))("A1; B2") == ("A1", "B2")
