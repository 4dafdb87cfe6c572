"""Tests of arrivals.xlsx against the Participants' flights and the plan."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import openpyxl

from lrplanner.core.arrival_plan import transfer_plan
from lrplanner.core.ids import PlaceId
from lrplanner.core.plan import DayPlan, Event, EventKind, Itinerary, SessionKind
from lrplanner.exporters.arrivals_xlsx import write_arrivals_xlsx
from lrplanner.importers import read_inputs
from tests.exporters.fixtures import make_plan, sample_project

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from lrplanner.core.project import Project
    from tests.exporters.fixtures import Plan

MEKONG = Path(__file__).parents[2] / "sample_data" / "mekong.xlsx"
ICT = "Asia/Phnom_Penh"
SHEETS = ["Pickups", "Drop-offs", "Warnings", "Participants"]


def _flying(project: Project, flights: dict[int, tuple[str, str]]) -> Project:
    """Return the project with participant ``i`` landing at KTM on 9 January
    (flight, HH:MM) and taking off from DAC on 14 January at 11:00."""
    people = list(project.participants)
    for index, (flight, hhmm) in flights.items():
        people[index] = replace(
            people[index],
            arrival_date=date(2027, 1, 9),
            arrival_time=time.fromisoformat(hhmm),
            arrival_flight=flight,
            departure_date=date(2027, 1, 14),
            departure_time=time(11, 0),
            departure_flight=f"{flight} home",
        )
    return project.with_changes(participants=tuple(people))


def _rows(ws: Worksheet, first: int = 5) -> list[tuple[object, ...]]:
    return [
        tuple(c.value for c in row)
        for row in ws.iter_rows(min_row=first)
        if row[0].value is not None
    ]


def test_sheets_list_the_transfers(tmp_path: Path) -> None:
    """Tests that arrivals.xlsx shows each pickup and drop-off with its local
    time, airport, flights, people and vehicles, and one row per participant."""
    flights = dict.fromkeys(range(11), ("TG319", "10:05"))
    flights |= {11: ("QR648", "11:20"), 12: ("BG371", "16:40")}
    project = _flying(sample_project(), flights)
    plan = make_plan(project)
    path = tmp_path / "arrivals.xlsx"
    write_arrivals_xlsx(project, plan.itinerary, path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == SHEETS
    pickups = _rows(wb["Pickups"])
    airport = "Tribhuvan International Airport (Kathmandu)"
    assert [(r[0], r[1], r[2], r[3], r[6], r[7]) for r in pickups] == [
        (1, "Sat 09 Jan 2027", "12:05", airport, 12, 2),
        (2, "Sat 09 Jan 2027", "17:25", airport, 1, 1),
    ]
    assert pickups[0][4] == "TG319 10:05 (11 people)\nQR648 11:20"
    first = project.participants[0]
    assert str(pickups[0][5]).startswith(f"{first.id} {first.name}\n")
    dropoffs = _rows(wb["Drop-offs"])
    assert [(r[1], r[2], r[6], r[7]) for r in dropoffs] == [
        ("Thu 14 Jan 2027", "09:00", 13, 2)
    ]
    people = _rows(wb["Participants"])
    assert len(people) == len(project.participants)
    assert people[0][3:7] == (
        "Sat 09 Jan 10:05",
        "TG319",
        airport,
        "Pickup 1, 12:05",
    )
    assert people[-1][3] == "not entered"
    warnings = _rows(wb["Warnings"])
    missing = len(project.participants) - len(flights)
    assert len(warnings) == 2 * missing
    assert warnings[0][2:] == ("arrival", "arrival not entered")


def test_a_late_arrival_is_a_warning(tmp_path: Path) -> None:
    """Tests that someone out of arrivals after the opening starts is listed (a
    Nepali landing in Kathmandu: domestic, 15 minutes)."""
    project = _flying(sample_project(), {0: ("YT676", "08:20")})
    people = list(project.participants)
    people[0] = replace(people[0], arrival_date=date(2027, 1, 10))
    project = project.with_changes(participants=(people[0],))
    path = tmp_path / "arrivals.xlsx"
    write_arrivals_xlsx(project, make_plan(project).itinerary, path)
    warnings = _rows(openpyxl.load_workbook(path)["Warnings"])
    assert warnings == [
        (
            people[0].id,
            people[0].name,
            "arrival",
            "out of arrivals Sun 10 Jan 08:35 (YT676 lands 08:20), after the "
            "opening session starts Sun 10 Jan 08:30",
        )
    ]


def test_hostile_flight_numbers_stay_text(tmp_path: Path) -> None:
    """Tests that flight numbers that look like formulas or markup stay text."""
    hostile = {0: ("=HYPERLINK(1)", "10:00"), 1: ("<script>x</script>", "10:30")}
    project = _flying(sample_project(), hostile)
    path = tmp_path / "arrivals.xlsx"
    write_arrivals_xlsx(project, make_plan(project).itinerary, path)
    found: dict[str, str] = {}
    for ws in openpyxl.load_workbook(path).worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and (
                    "HYPERLINK" in cell.value or "<script>" in cell.value
                ):
                    found[cell.value] = cell.data_type
    assert "=HYPERLINK(1)" in found
    assert "=HYPERLINK(1) 10:00\n<script>x</script> 10:30" in found
    assert "=HYPERLINK(1) home" in found
    assert set(found.values()) == {"s"}


def test_a_failing_plan_says_so(plan: Plan, tmp_path: Path) -> None:
    """Tests that the workbook of a plan that fails the check opens on it."""
    path = tmp_path / "arrivals.xlsx"
    failures = ("2027-01-10 lunch: no 60-minute lunch",)
    write_arrivals_xlsx(plan.project, plan.itinerary, path, check_failures=failures)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["NOT CHECKED", *SHEETS]
    assert all(str(ws["A1"].value).startswith("NOT CHECKED") for ws in wb.worksheets)


def test_exported_with_the_plan(exported: dict[str, Path]) -> None:
    """Tests that the registry writes arrivals.xlsx: nobody in the South Asia
    sample has flights entered, which the sheets say."""
    wb = openpyxl.load_workbook(exported["arrivals.xlsx"])
    assert wb["Pickups"]["A5"].value == "No flights entered (Participants sheet)."
    assert wb["Warnings"]["D5"].value == "arrival not entered"


@cache
def _mekong() -> Project:
    project = read_inputs(MEKONG).project
    assert project is not None
    return project


def test_mekong_sample_pickups() -> None:
    """Tests the Mekong sample's flights: 22 land at Techo on 28 February and
    1 March, the Cambodians come by road, one lands after the opening."""
    project = _mekong()
    first = project.route.start_date
    opening = Event(
        kind=EventKind.SESSION,
        start=datetime.combine(first, time(8, 0), ZoneInfo(ICT)),
        end=datetime.combine(first, time(9, 0), ZoneInfo(ICT)),
        title="Opening session",
        tz=ICT,
        session=SessionKind.OPENING,
    )
    itinerary = Itinerary(days=(DayPlan(day=first, events=(opening,)),))
    plan = transfer_plan(project, itinerary)
    assert [(t.airport, f"{t.time:%d %H:%M}", t.people) for t in plan.pickups] == [
        (PlaceId("KTI"), "28 11:10", 11),
        (PlaceId("KTI"), "28 14:15", 5),
        (PlaceId("KTI"), "28 18:20", 5),
        (PlaceId("KTI"), "01 11:05", 1),
    ]
    assert [t.vehicles for t in plan.pickups] == [2, 1, 1, 1]
    assert {t.airport for t in plan.dropoffs} == {"SGN"}
    assert sum(t.people for t in plan.dropoffs) == 20
    assert [(n.participant, n.way) for n in plan.notices] == [("P11", "arrival")]
    assert len(plan.movements) == 2 * len(project.participants)
