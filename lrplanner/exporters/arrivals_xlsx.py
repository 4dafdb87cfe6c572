"""``arrivals.xlsx``: airport pickups and drop-offs, warnings, who flies when.

Built from :func:`lrplanner.core.arrival_plan.transfer_plan`. Pickups and
Drop-offs list one transfer a row (local time at the airport, airport,
flights, people, vehicles); Warnings lists who arrives after the opening,
leaves before the closing or has nothing entered; Participants shows each
person's flights and the transfer they are in. Every time is local to the
airport.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl import Workbook

from lrplanner.core.arrival_plan import transfer_plan
from lrplanner.core.arrivals import SEATS_PER_VEHICLE, TRANSFER_WINDOW_MIN, Way
from lrplanner.core.locations import location_name
from lrplanner.exporters.agenda_rows import check_banner
from lrplanner.exporters.xlsx_cells import (
    TITLE_FONT,
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

    from lrplanner.core.arrival_plan import TransferPlan
    from lrplanner.core.arrivals import Movement, Transfer
    from lrplanner.core.people import Participant
    from lrplanner.core.plan import Itinerary
    from lrplanner.core.project import Project

TRANSFER_WIDTHS = (6.0, 16.0, 10.0, 30.0, 22.0, 44.0, 8.0, 10.0)
PICKUP_HEADERS = ("No.", "Date", "Leaves at", "Airport", "Flights", "People")
DROPOFF_HEADERS = ("No.", "Date", "At airport by", "Airport", "Flights", "People")
COUNT_HEADERS = ("Number", "Vehicles")
WARNING_HEADERS = ("Participant", "Name", "Journey", "Warning")
WARNING_WIDTHS = (12.0, 30.0, 11.0, 90.0)
PERSON_HEADERS = (
    "Participant",
    "Name",
    "Country",
    "Arrival",
    "Arrival flight",
    "Arrival airport",
    "Pickup",
    "Departure",
    "Departure flight",
    "Departure airport",
    "Drop-off",
)
PERSON_WIDTHS = (12.0, 28.0, 8.0, 18.0, 12.0, 26.0, 16.0, 18.0, 12.0, 26.0, 16.0)


def write_arrivals_xlsx(
    project: Project,
    itinerary: Itinerary,
    path: Path,
    *,
    check_failures: Sequence[str] = (),
) -> None:
    """Write the arrivals workbook atomically (an old file is replaced only on
    success).

    ``check_failures`` are the hard rules the plan breaks (empty for a
    checked plan): a first sheet lists them and every title says so.
    """
    plan = transfer_plan(project, itinerary)
    wb = Workbook()
    pickups = wb.active
    assert pickups is not None
    pickups.title = "Pickups"
    write_transfers(pickups, project, plan.pickups, Way.ARRIVAL)
    write_transfers(wb.create_sheet("Drop-offs"), project, plan.dropoffs, Way.DEPARTURE)
    write_warnings(wb.create_sheet("Warnings"), project, plan)
    write_people(wb.create_sheet("Participants"), project, plan)
    if check_failures:
        for ws in wb.worksheets:
            put_text(ws, 1, 1, f"{check_banner(check_failures)} {ws['A1'].value}")
    save_plan_workbook(wb, path, check_failures)


def _title(ws: Worksheet, project: Project, subject: str, note: str) -> None:
    put_text(ws, 1, 1, f"{project.route.name} \u2014 {subject}").font = TITLE_FONT
    put_text(ws, 2, 1, note)


def _flights(movements: Sequence[Movement]) -> str:
    """Return each flight of a transfer once, a line each, with its head count
    when more than one person is on it (``TG580 09:10 (3 people)``)."""
    counts: dict[str, int] = {}
    for item in movements:
        line = f"{item.flight or 'flight not entered'} {item.at:%H:%M}"
        counts[line] = counts.get(line, 0) + 1
    return "\n".join(
        line if count == 1 else f"{line} ({count} people)"
        for line, count in counts.items()
    )


def _person(participant: Participant) -> str:
    return f"{participant.id} {participant.name}"


def write_transfers(
    ws: Worksheet, project: Project, transfers: Sequence[Transfer], way: Way
) -> None:
    """Fill the Pickups or Drop-offs sheet: one transfer a row."""
    arriving = way is Way.ARRIVAL
    rule = (
        "leaves when the last is out of arrivals"
        if arriving
        else "reaches the airport by the first flight's check-in"
    )
    note = (
        f"Flights within {TRANSFER_WINDOW_MIN} min of each other share a transfer, "
        f"which {rule}; {SEATS_PER_VEHICLE} people per vehicle; local times."
    )
    _title(ws, project, "airport pickups" if arriving else "airport drop-offs", note)
    headers = PICKUP_HEADERS if arriving else DROPOFF_HEADERS
    put_header(ws, 4, (*headers, *COUNT_HEADERS))
    for row, transfer in enumerate(transfers, start=5):
        texts = (
            f"{transfer.number}",
            f"{transfer.time:%a %d %b %Y}",
            f"{transfer.time:%H:%M}",
            location_name(project, transfer.airport),
            _flights(transfer.movements),
            "\n".join(_person(m.participant) for m in transfer.movements),
        )
        put_row(ws, row, texts, grid=True)
        ws.cell(row=row, column=1, value=transfer.number)
        ws.cell(row=row, column=7, value=transfer.people)
        ws.cell(row=row, column=8, value=transfer.vehicles)
        fit_row_height(ws, row, texts, TRANSFER_WIDTHS)
    if not transfers:
        put_text(ws, 5, 1, "No flights entered (Participants sheet).")
    set_widths(ws, TRANSFER_WIDTHS)
    ws.freeze_panes = "A5"
    setup_print(ws, title_rows="4:4", header=project.route.name, day=ws.title)


def write_warnings(ws: Worksheet, project: Project, plan: TransferPlan) -> None:
    """Fill the Warnings sheet: one notice a row, in roster order."""
    _title(ws, project, "arrival and departure warnings", "Local times.")
    put_header(ws, 4, WARNING_HEADERS)
    names = {p.id: p.name for p in project.participants}
    for row, notice in enumerate(plan.notices, start=5):
        texts = (notice.participant, names[notice.participant], notice.way, notice.text)
        put_row(ws, row, texts, grid=True)
    if not plan.notices:
        put_text(ws, 5, 1, "No warnings.")
    set_widths(ws, WARNING_WIDTHS)
    ws.freeze_panes = "A5"
    setup_print(ws, title_rows="4:4", header=project.route.name, day="Warnings")


def _journey(
    project: Project, plan: TransferPlan, participant: Participant, way: Way
) -> tuple[str, str, str, str]:
    """Return the when, flight, where and transfer cells of one journey."""
    item = plan.movement_of(participant.id, way)
    if item is None:
        day = getattr(participant, f"{way}_date")
        when = "not entered" if day is None else f"{day:%a %d %b}, no time"
        return (when, getattr(participant, f"{way}_flight"), "", "")
    transfer = plan.transfer_of(participant.id, way)
    label = "Pickup" if way is Way.ARRIVAL else "Drop-off"
    ride = f"{label} {transfer.number}, {transfer.time:%H:%M}" if transfer else ""
    return (
        f"{item.at:%a %d %b %H:%M}",
        item.flight,
        location_name(project, item.airport),
        ride or "own way (not an airport)",
    )


def write_people(ws: Worksheet, project: Project, plan: TransferPlan) -> None:
    """Fill the Participants sheet: each person's flights and transfers."""
    _title(ws, project, "who arrives and leaves when", "Local times.")
    put_header(ws, 4, PERSON_HEADERS)
    for row, participant in enumerate(project.participants, start=5):
        texts = (
            participant.id,
            participant.name,
            participant.country,
            *_journey(project, plan, participant, Way.ARRIVAL),
            *_journey(project, plan, participant, Way.DEPARTURE),
        )
        put_row(ws, row, texts, grid=True)
    set_widths(ws, PERSON_WIDTHS)
    ws.freeze_panes = "C5"
    setup_print(ws, title_rows="4:4", header=project.route.name, day="Participants")
