"""``meals.xlsx``: every meal of the plan with its head and diet counts.

The Meals sheet is the one the officer sends ahead to hosts, hotels and
restaurants: per meal the date, time, place, who serves it, how many people
and how many of them with each dietary need (:mod:`lrplanner.core.meals`).
The Diets sheet shows how each participant's need was read, so the officer
can check the counts against the Participants sheet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl import Workbook

from lrplanner.core.meals import DIETS, diet_counts, group_size, meals
from lrplanner.core.rooming import staff
from lrplanner.exporters.agenda_rows import EN_DASH, check_banner
from lrplanner.exporters.xlsx_cells import (
    TITLE_FONT,
    WRAP,
    fit_row_height,
    put_header,
    put_row,
    put_text,
    save_plan_workbook,
    set_widths,
    setup_print,
)

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from openpyxl.worksheet.worksheet import Worksheet

    from lrplanner.core.meals import DietCounts, Meal
    from lrplanner.core.plan import Itinerary
    from lrplanner.core.project import Project

MEAL_HEADERS = ("Date", "Meal", "Time (local)", "Where", "Served by", "People")
MEAL_WIDTHS = (16.0, 10.0, 13.0, 30.0, 34.0, 8.0)
NEED_WIDTH = 11.0
OTHER_HEADER = "Other needs (as written)"
OTHER_WIDTH = 34.0
TOP = 4


def write_meals_xlsx(
    project: Project,
    itinerary: Itinerary,
    path: Path,
    *,
    check_failures: Sequence[str] = (),
) -> None:
    """Write the meal and diet counts atomically (an old file is kept on failure).

    ``check_failures`` are the hard rules the plan breaks (empty for a
    checked plan): a first sheet lists them and the Meals title says so.
    """
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Meals"
    diets = diet_counts(project)
    write_meals(ws, project, meals(project, itinerary), diets)
    if check_failures:
        put_text(ws, 1, 1, f"{check_banner(check_failures)} {ws['A1'].value}")
    write_diets(wb.create_sheet("Diets"), project, diets)
    save_plan_workbook(wb, path, check_failures)


def named_needs(diets: DietCounts) -> list[str]:
    """Return the named needs someone states, in :data:`DIETS` order."""
    return [need for need, _ in diets.counts if need in DIETS]


def other_needs(diets: DietCounts) -> str:
    """Return the other needs with their counts: ``peanut allergy (1)``."""
    return "; ".join(
        f"{need} ({count})" for need, count in diets.counts if need not in DIETS
    )


def write_meals(
    ws: Worksheet, project: Project, plan_meals: Sequence[Meal], diets: DietCounts
) -> None:
    """Fill the Meals sheet: one row per meal, a column per dietary need."""
    named = named_needs(diets)
    others = other_needs(diets)
    put_text(ws, 1, 1, f"{project.route.name} \u2014 meals").font = TITLE_FONT
    team = len(staff(project))
    put_text(
        ws,
        2,
        1,
        f"{group_size(project)} people at every meal: {len(project.participants)} "
        f"participants and {team} staff (staff diets not in the data). Lunch is "
        "the agenda's; breakfast and dinner are at the hotel of each night "
        "(after a night on board, breakfast on arrival or on board).",
    )
    headers = (*MEAL_HEADERS, *(n.capitalize() for n in named), OTHER_HEADER)
    widths = (*MEAL_WIDTHS, *(NEED_WIDTH for _ in named), OTHER_WIDTH)
    put_header(ws, TOP, headers)
    for row, meal in enumerate(plan_meals, start=TOP + 1):
        texts = (
            f"{meal.day:%a %d %b %Y}",
            meal.meal,
            _time(meal),
            meal.where,
            meal.served_by,
        )
        put_row(ws, row, (*texts, "", *("" for _ in named), others), grid=True)
        ws.cell(row=row, column=len(texts) + 1, value=meal.people)
        for column, need in enumerate(named, start=len(texts) + 2):
            ws.cell(row=row, column=column, value=diets.count(need))
        fit_row_height(ws, row, (*texts, "", *("" for _ in named), others), widths)
    set_widths(ws, widths)
    ws.freeze_panes = f"A{TOP + 1}"
    setup_print(ws, title_rows=f"{TOP}:{TOP}", header=project.route.name, day="Meals")


def _time(meal: Meal) -> str:
    if meal.start is None or meal.end is None:
        return "at the hotel"
    return f"{meal.start:%H:%M}{EN_DASH}{meal.end:%H:%M}"


def write_diets(ws: Worksheet, project: Project, diets: DietCounts) -> None:
    """Fill the Diets sheet: each participant's need as written and as counted."""
    headers = ("Participant ID", "Name", "Dietary needs (as written)", "Counted as")
    widths = (14.0, 30.0, 34.0, 34.0)
    put_header(ws, 1, headers)
    row = 1
    for row, (person, needs) in enumerate(diets.people, start=2):
        texts = (person.id, person.name, person.dietary, "; ".join(needs) or "none")
        put_row(ws, row, texts, grid=True)
    team = len(staff(project))
    if team:
        note = f"{team} staff (facilitators, interpreters): dietary needs not known"
        put_text(ws, row + 2, 1, note).alignment = WRAP
    set_widths(ws, widths)
    ws.freeze_panes = "A2"
    setup_print(ws, title_rows="1:1", header=project.route.name, day="Diets")
