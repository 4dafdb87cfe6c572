"""Tests of rooms.xlsx and meals.xlsx against the plan and the Participants sheet."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import openpyxl
import pytest

from lrplanner.core.ids import ParticipantId, PlaceId
from lrplanner.core.meals import diet_needs
from lrplanner.core.plan import DayPlan, Itinerary
from lrplanner.exporters.meals_xlsx import write_meals_xlsx
from lrplanner.exporters.rooms_xlsx import write_rooms_xlsx
from tests.exporters.fixtures import Plan, make_plan, sample_project

if TYPE_CHECKING:
    from pathlib import Path

    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from lrplanner.core.project import Project

STAFF = 4  # the sample's Route: 2 facilitators, 2 interpreters


def _rooms(
    project: Project, tmp_path: Path, itinerary: Itinerary | None = None
) -> Workbook:
    path = tmp_path / "rooms.xlsx"
    write_rooms_xlsx(project, itinerary or make_plan(project).itinerary, path)
    return openpyxl.load_workbook(path)


def _guests(ws: Worksheet) -> list[tuple[str, str, str, str]]:
    """Return (type, guest 1, guest 2, note) of every room row of a stay sheet."""
    top = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Room")
    return [
        tuple(str(ws.cell(r, c).value or "") for c in (2, 3, 4, 5))  # type: ignore[misc]
        for r in range(top + 1, ws.max_row + 1)
    ]


def _count(ws: Worksheet, label: str) -> int:
    row = next(r for r in range(1, 12) if ws.cell(r, 1).value == label)
    value = ws.cell(row, 3).value
    assert isinstance(value, int)
    return value


def test_rooms_one_sheet_per_stay_with_everyone(exported: dict[str, Path]) -> None:
    """Tests that rooms.xlsx has a Summary and one sheet per hotel stay of the
    plan, each rooming every participant and staff member once, by gender."""
    project = sample_project()
    wb = openpyxl.load_workbook(exported["rooms.xlsx"])
    assert wb.sheetnames == [
        "Summary",
        "1 Dhulikhel (Kavrepalanchok)",
        "2 Taulihawa (Kapilvastu)",
        "3 Dhaka",
    ]
    labels = {f"{p.id} {p.name}" for p in project.participants}
    staff = {"Facilitator 1", "Facilitator 2", "Interpreter 1", "Interpreter 2"}
    gender = {f"{p.id} {p.name}": str(p.gender) for p in project.participants}
    for ws in wb.worksheets[1:]:
        rooms = _guests(ws)
        names = [n for _, *guests, _ in rooms for n in guests if n]
        assert sorted(names) == sorted(labels | staff)
        for kind, first, second, _note in rooms:
            assert kind == ("twin" if second else "single")
            if first in gender and second in gender:
                assert gender[first] == gender[second]
        assert _count(ws, "People") == len(project.participants) + STAFF
        assert _count(ws, "Twin rooms") == 12
        assert _count(ws, "Women") == sum(g == "F" for g in gender.values())


def test_rooms_summary_counts_per_stay(exported: dict[str, Path]) -> None:
    """Tests that the Summary gives each stay's dates, nights and room counts."""
    ws = openpyxl.load_workbook(exported["rooms.xlsx"])["Summary"]
    rows = [tuple(c.value for c in row) for row in ws.iter_rows(min_row=5)]
    rows = [r for r in rows if r[2] is not None]
    assert [r[:4] for r in rows] == [
        ("Sun 10 Jan 2027", "Mon 11 Jan 2027", 1, "Dhulikhel (Kavrepalanchok)"),
        ("Mon 11 Jan 2027", "Tue 12 Jan 2027", 1, "Taulihawa (Kapilvastu)"),
        ("Tue 12 Jan 2027", "Wed 13 Jan 2027", 1, "Dhaka"),
    ]
    assert {r[5:9] for r in rows} == {(12, 0, 12, 24)}


def test_rooms_follow_the_roster(tmp_path: Path) -> None:
    """Tests that removing a participant takes them off the list and leaves
    their room mate alone; a single asked is a room alone; 'share with' pairs
    the two named, and an unknown room mate is reported."""
    project = sample_project()
    people = {p.id: p for p in project.participants}
    fewer = project.with_changes(participants=project.participants[1:])
    ws = _rooms(fewer, tmp_path).worksheets[1]
    names = [n for _, *guests, _ in _guests(ws) for n in guests]
    assert "P01 Sabitri Devi Bhandari" not in names
    assert _count(ws, "People") == 19 + STAFF
    assert _count(ws, "Single rooms") == 1  # 9 women: one alone

    asked = [
        replace(p, room="single") if p.id == "P02" else p for p in project.participants
    ]
    asked = [replace(p, room="share with P09") if p.id == "P01" else p for p in asked]
    asked = [replace(p, room="share with P99") if p.id == "P04" else p for p in asked]
    wb = _rooms(project.with_changes(participants=tuple(asked)), tmp_path)
    rooms = _guests(wb.worksheets[1])
    p01, p09 = people[ParticipantId("P01")], people[ParticipantId("P09")]
    pair = ("twin", f"P01 {p01.name}", f"P09 {p09.name}", "asked to share")
    assert pair in rooms
    assert ("single", "P02 Dipendra Bahadur Shah", "", "single asked") in rooms
    summary = [c.value for c in wb["Summary"]["A"] if c.value]
    assert any(
        str(v).startswith("P04 Tek Raj Bhatta asked to share with P99") for v in summary
    )


def test_rooms_night_on_board_has_no_hotel(tmp_path: Path) -> None:
    """Tests that a night on board is a Summary row with no rooms and no sheet,
    and that consecutive nights at one place make one stay."""
    plan = make_plan()
    days = plan.itinerary.days
    night_bus = replace(days[2], on_board=True)
    twice = replace(days[0], overnight=PlaceId("NP-TLH"))
    itinerary = Itinerary(days=(twice, days[1], night_bus, days[3]))
    wb = _rooms(plan.project, tmp_path, itinerary)
    assert wb.sheetnames == ["Summary", "1 Taulihawa (Kapilvastu)"]
    ws = wb["Summary"]
    rows = [tuple(c.value for c in r) for r in ws.iter_rows(min_row=5) if r[2].value]
    assert rows[0][2:5] == (2, "Taulihawa (Kapilvastu)", "hotel")
    assert rows[1][4:9] == ("night on board: no hotel", 0, 0, 0, 0)


def test_rooms_and_meals_of_an_empty_plan(tmp_path: Path) -> None:
    """Tests that a plan with no days still writes both workbooks."""
    project = sample_project()
    empty = Itinerary(days=(DayPlan(day=project.route.start_date),))
    assert _rooms(project, tmp_path, empty).sheetnames == ["Summary"]
    write_meals_xlsx(project, empty, tmp_path / "meals.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "meals.xlsx")["Meals"]
    assert ws.max_row == 4


def _meal_rows(path: Path) -> list[dict[str, object]]:
    ws = openpyxl.load_workbook(path)["Meals"]
    headers = [str(c.value) for c in ws[4]]
    return [
        dict(zip(headers, (c.value for c in row), strict=True))
        for row in ws.iter_rows(min_row=5)
    ]


def test_meals_every_meal_with_counts(exported: dict[str, Path]) -> None:
    """Tests that meals.xlsx lists each agenda lunch (with the agenda's place
    and time) and the hotel breakfasts and dinners, with the head count and
    the Participants sheet's dietary counts."""
    plan = make_plan()
    project = plan.project
    rows = _meal_rows(exported["meals.xlsx"])
    lunches = [e for d in plan.itinerary.days for e in d.events if e.kind == "meal"]
    assert [r["Meal"] for r in rows].count("Lunch") == len(lunches)
    assert [r["Meal"] for r in rows].count("Dinner") == 3  # three nights
    assert [r["Meal"] for r in rows].count("Breakfast") == 3
    assert {r["People"] for r in rows} == {len(project.participants) + STAFF}
    diets = [p.dietary.lower() for p in project.participants]
    assert {r["Vegetarian"] for r in rows} == {diets.count("vegetarian")}
    assert {r["Halal"] for r in rows} == {diets.count("halal")}
    first = rows[0]
    assert (first["Meal"], first["Time (local)"], first["Where"]) == (
        "Lunch",
        "12:30\u201313:30",
        "Kathmandu",
    )
    assert first["Served by"] == "a restaurant in Kathmandu (to book)"
    dinner = rows[1]
    assert (dinner["Time (local)"], dinner["Served by"]) == (
        "at the hotel",
        "the hotel in Dhulikhel (Kavrepalanchok)",
    )


def test_meals_host_serves_lunch_at_its_site(tmp_path: Path) -> None:
    """Tests that a visit with lunch at the site makes the host serve it."""
    plan = make_plan()
    day = plan.itinerary.days[0]
    visit = replace(day.events[1], with_lunch=True)
    events = (day.events[0], visit, *day.events[3:])
    itinerary = Itinerary(days=(replace(day, events=events), *plan.itinerary.days[1:]))
    write_meals_xlsx(plan.project, itinerary, tmp_path / "meals.xlsx")
    lunch = next(r for r in _meal_rows(tmp_path / "meals.xlsx") if r["Meal"] == "Lunch")
    site = plan.project.site_by_id[visit.site]  # type: ignore[index]
    assert lunch["Where"] == site.name
    assert lunch["Served by"] == f"{site.host} (host provides)"


@pytest.mark.parametrize(
    ("written", "needs"),
    [
        ("Vegetarian", ("vegetarian",)),
        ("veg; peanut allergy", ("vegetarian", "peanut allergy")),
        ("Halal / no pork", ("halal", "no pork")),
        ("pork-free", ("no pork",)),
        ("Gluten free and no beef", ("gluten-free", "no beef")),
        ("VEGAN", ("vegan",)),
        ("n/a", ()),
        ("None", ()),
        ("Shellfish allergy (carries EpiPen)", ("Shellfish allergy (carries EpiPen)",)),
    ],
)
def test_diet_spellings(written: str, needs: tuple[str, ...]) -> None:
    """Tests that common spellings are folded and other needs kept as written."""
    assert diet_needs(written) == needs


def test_meals_counts_other_needs_as_written(tmp_path: Path) -> None:
    """Tests that an allergy is counted under its own words, and the Diets sheet
    shows each participant's need as written and as counted."""
    project = sample_project()
    people = [
        replace(p, dietary="Vegan; peanut allergy") if p.id == "P02" else p
        for p in project.participants
    ]
    project = project.with_changes(participants=tuple(people))
    write_meals_xlsx(project, make_plan(project).itinerary, tmp_path / "meals.xlsx")
    row = _meal_rows(tmp_path / "meals.xlsx")[0]
    assert (row["Vegan"], row["Other needs (as written)"]) == (1, "peanut allergy (1)")
    ws = openpyxl.load_workbook(tmp_path / "meals.xlsx")["Diets"]
    assert [c.value for c in ws[3]] == [
        "P02",
        "Dipendra Bahadur Shah",
        "Vegan; peanut allergy",
        "vegan; peanut allergy",
    ]


def test_rooms_and_meals_keep_formula_like_text(tmp_path: Path) -> None:
    """Tests that names, diets and place names that look like formulas stay text."""
    project = sample_project()
    people = (
        replace(project.participants[0], name="=1+2", dietary="=HYPERLINK(1)"),
        *project.participants[1:],
    )
    places = tuple(
        replace(p, name="+Dhaka") if p.id == "BD-DAC" else p for p in project.places
    )
    hostile = project.with_changes(participants=people, places=places)
    plan: Plan = make_plan(hostile)
    write_rooms_xlsx(hostile, plan.itinerary, tmp_path / "rooms.xlsx")
    write_meals_xlsx(hostile, plan.itinerary, tmp_path / "meals.xlsx")
    texts = {"+Dhaka", "=HYPERLINK(1)", "=1+2", "=HYPERLINK(1) (1)"}
    found: dict[str, str] = {}
    for name in ("rooms.xlsx", "meals.xlsx"):
        for ws in openpyxl.load_workbook(tmp_path / name).worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and cell.value.startswith(
                        ("=", "+")
                    ):
                        found[cell.value] = cell.data_type
    assert texts <= set(found)
    assert set(found.values()) == {"s"}


def test_rooms_and_meals_of_a_failing_plan_say_so(plan: Plan, tmp_path: Path) -> None:
    """Tests that both workbooks of a plan that fails the check open on the warning."""
    failures = ("2027-01-10 lunch: no 60-minute lunch",)
    write_rooms_xlsx(
        plan.project, plan.itinerary, tmp_path / "r.xlsx", check_failures=failures
    )
    write_meals_xlsx(
        plan.project, plan.itinerary, tmp_path / "m.xlsx", check_failures=failures
    )
    for name in ("r.xlsx", "m.xlsx"):
        wb = openpyxl.load_workbook(tmp_path / name)
        assert wb.sheetnames[0] == "NOT CHECKED"
        assert str(wb.worksheets[1]["A1"].value).startswith("NOT CHECKED")
