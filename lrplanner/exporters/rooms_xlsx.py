"""``rooms.xlsx``: the rooming list, a summary and one sheet per hotel stay.

The Summary lists every stay of the plan (check-in, check-out, nights,
rooms by type, people) as the officer sends them to the hotels; a night on
board has no rooms and says so. Each stay ashore has its sheet: the counts,
then one row per room with who sleeps in it (:mod:`lrplanner.core.rooming`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from openpyxl import Workbook

from lrplanner.core.locations import location_name
from lrplanner.core.rooming import StayKind, staff, stays, unmatched_requests
from lrplanner.exporters.agenda_rows import check_banner
from lrplanner.exporters.xlsx_cells import (
    BOLD,
    TITLE_FONT,
    WRAP,
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

    from lrplanner.core.plan import Itinerary
    from lrplanner.core.project import Project
    from lrplanner.core.rooming import Stay

SUMMARY_HEADERS = (
    "Check-in",
    "Check-out",
    "Nights",
    "Place",
    "Where",
    "Twin rooms",
    "Single rooms",
    "Rooms",
    "People",
)
SUMMARY_WIDTHS = (16.0, 16.0, 8.0, 30.0, 22.0, 11.0, 11.0, 9.0, 9.0)
ROOM_HEADERS = ("Room", "Type", "Guest 1", "Guest 2", "Note")
ROOM_WIDTHS = (8.0, 9.0, 34.0, 34.0, 34.0)
#: Characters Excel refuses in a sheet name.
_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")


def write_rooms_xlsx(
    project: Project,
    itinerary: Itinerary,
    path: Path,
    *,
    check_failures: Sequence[str] = (),
) -> None:
    """Write the rooming list atomically (an old file is replaced only on success).

    ``check_failures`` are the hard rules the plan breaks (empty for a
    checked plan): a first sheet lists them and every title says so.
    """
    wb = Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = "Summary"
    plan_stays = stays(project, itinerary)
    write_summary(summary, project, plan_stays)
    used = {"Summary"}
    for number, stay in enumerate(plan_stays, start=1):
        if stay.kind is not StayKind.ON_BOARD:
            title = sheet_title(number, location_name(project, stay.place), used)
            write_stay(wb.create_sheet(title), project, stay)
    if check_failures:
        for ws in wb.worksheets:
            put_text(ws, 1, 1, f"{check_banner(check_failures)} {ws['A1'].value}")
    save_plan_workbook(wb, path, check_failures)


def sheet_title(number: int, place: str, used: set[str]) -> str:
    """Return a unique, valid sheet name such as ``2 Taulihawa (Kapilvastu)``."""
    base = " ".join(_BAD_TITLE.sub(" ", place).split()).strip("'")
    title = f"{number} {base}"[:31].rstrip()
    while title.lower() in {u.lower() for u in used}:
        title = f"{title[:28]} {number}"
    used.add(title)
    return title


def stay_dates(stay: Stay) -> str:
    """Return ``Sun 10 Jan 2027 - Mon 11 Jan 2027 (1 night)`` (an en dash)."""
    nights = "night" if stay.nights == 1 else "nights"
    return (
        f"{stay.check_in:%a %d %b %Y} \u2013 {stay.check_out:%a %d %b %Y} "
        f"({stay.nights} {nights})"
    )


def _where(stay: Stay) -> str:
    return {
        StayKind.HOTEL: "hotel",
        StayKind.HOST: "at the host's place (homestay or guesthouse)",
        StayKind.ON_BOARD: "night on board: no hotel",
    }[stay.kind]


def write_summary(ws: Worksheet, project: Project, plan_stays: Sequence[Stay]) -> None:
    """Fill the Summary: one row per stay with the counts sent to the hotel."""
    put_text(ws, 1, 1, f"{project.route.name} \u2014 rooming").font = TITLE_FONT
    team = staff(project)
    group = (
        f"{len(project.participants)} participants and {len(team)} staff "
        "(Route: facilitators, interpreters) in twin rooms by gender; "
        "Participants 'Room' asks for a single room or a room mate"
    )
    put_text(ws, 2, 1, group)
    put_header(ws, 4, SUMMARY_HEADERS)
    row = 5
    for stay in plan_stays:
        texts = (
            f"{stay.check_in:%a %d %b %Y}",
            f"{stay.check_out:%a %d %b %Y}",
            "",
            location_name(project, stay.place),
            _where(stay),
        )
        put_row(ws, row, texts, grid=True)
        ws.cell(row=row, column=3, value=stay.nights)
        numbers = (stay.count("twin"), stay.count("single"), len(stay.rooms))
        for column, value in enumerate((*numbers, stay.people), start=6):
            ws.cell(row=row, column=column, value=value)
        row += 1
    for line in unmatched_requests(project):
        row += 1
        put_text(ws, row, 1, line).alignment = WRAP
    set_widths(ws, SUMMARY_WIDTHS)
    ws.freeze_panes = "A5"
    setup_print(ws, title_rows="4:4", header=project.route.name, day="Rooming")


def write_stay(ws: Worksheet, project: Project, stay: Stay) -> None:
    """Fill one stay's sheet: place and dates, counts, then one row per room."""
    place = location_name(project, stay.place)
    put_text(ws, 1, 1, f"{place} \u2014 {stay_dates(stay)}").font = TITLE_FONT
    put_text(ws, 2, 1, _where(stay))
    genders = [o.gender for room in stay.rooms for o in room.occupants]
    counts = (
        ("Twin rooms", stay.count("twin")),
        ("Single rooms", stay.count("single")),
        ("Rooms", len(stay.rooms)),
        ("People", stay.people),
        ("Women", genders.count("F")),
        ("Men", genders.count("M")),
        ("Staff (genders not in the data)", genders.count("")),
    )
    for row, (label, value) in enumerate(counts, start=3):
        ws.cell(row=row, column=1, value=label).font = BOLD
        ws.cell(row=row, column=3, value=value)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    top = 3 + len(counts) + 1
    put_header(ws, top, ROOM_HEADERS)
    for number, room in enumerate(stay.rooms, start=1):
        guests = [o.label for o in room.occupants] + [""]
        texts = (str(number), room.kind, guests[0], guests[1], room.note)
        put_row(ws, top + number, texts, grid=True)
        ws.cell(row=top + number, column=1, value=number)
    set_widths(ws, ROOM_WIDTHS)
    ws.freeze_panes = f"A{top + 1}"
    setup_print(ws, title_rows=f"{top}:{top}", header=project.route.name, day=place)
