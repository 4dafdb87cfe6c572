"""``agenda.xlsx``: overview, one print-ready sheet per day, roster, champions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import PatternFill

from lrplanner.core.columns import PARTICIPANTS
from lrplanner.core.locations import location_name
from lrplanner.core.plan import EventKind
from lrplanner.exporters.agenda_rows import (
    EN_DASH,
    HEADERS,
    OVERNIGHT,
    check_banner,
    day_before,
    day_heading,
    day_rows,
    day_sheet_name,
    day_title,
    holiday_note,
)
from lrplanner.exporters.route_contacts import contacts_line, route_contacts
from lrplanner.exporters.xlsx_cells import (
    BOLD,
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

    from lrplanner.core.costs import CostBreakdown
    from lrplanner.core.ids import SiteId
    from lrplanner.core.indicators import Indicators
    from lrplanner.core.plan import DayPlan, Itinerary
    from lrplanner.core.project import Project

DAY_WIDTHS = (19.0, 30.0, 30.0, 28.0, 28.0, 24.0, 22.0)
TARGET_SHARE = 0.4
CONTACT_LABELS = {"Emergency": "Emergency contact", "Staff": "Staff contacts"}
ROW_FILLS = {
    str(EventKind.TRAVEL): PatternFill("solid", fgColor="F2F2F2"),
    OVERNIGHT: PatternFill("solid", fgColor="E2EFDA"),
}


def write_agenda_xlsx(
    project: Project,
    itinerary: Itinerary,
    costs: CostBreakdown,
    indicators: Indicators,
    path: Path,
    *,
    check_failures: Sequence[str] = (),
) -> None:
    """Write the printable agenda workbook atomically.

    Parameters
    ----------
    project
        The inputs (names, hosts, champions, participants).
    itinerary
        The plan to print.
    costs
        The plan's costs (the overview shows the total).
    indicators
        The plan's indicators (value, champion shares).
    path
        Where to write ``agenda.xlsx``; an old file is replaced only on success.
    check_failures
        The hard rules the plan breaks, in words (empty for a checked plan):
        a first sheet lists them and every day's title says so.
    """
    wb = Workbook()
    overview = wb.active
    assert overview is not None
    overview.title = "Overview"
    write_overview(overview, project, itinerary, costs, indicators)
    for number, day in enumerate(itinerary.days, start=1):
        ws = wb.create_sheet(day_sheet_name(day))
        before = day_before(itinerary, number - 1)
        write_day_sheet(ws, project, day, number, before=before)
        if check_failures:
            put_text(ws, 1, 1, f"{check_banner(check_failures)} {ws['A1'].value}")
    write_roster(wb.create_sheet("Participants"), project)
    write_champions(wb.create_sheet("Champions"), project, itinerary, indicators)
    save_plan_workbook(wb, path, check_failures)


def write_day_sheet(
    ws: Worksheet,
    project: Project,
    day: DayPlan,
    number: int,
    *,
    before: DayPlan | None = None,
) -> None:
    """Fill one day's sheet: a title row, the route's contacts below it (when
    the Route sheet has any), the header row, one row per event.

    ``before`` is the plan's previous day (its night on board changes the
    breakfast line).
    """
    route = project.route.name
    title = f"Day {number} · {day_title(day)}"  # the page header: kept short
    heading = f"Day {number} · {day_heading(project, day)}"
    put_text(ws, 1, 1, f"{route} — {heading}").font = TITLE_FONT
    ws.row_dimensions[1].height = 22
    header = 2
    contacts = contacts_line(project.route)
    if contacts:
        put_text(ws, 2, 1, contacts).font = BOLD
        header = 3
    put_header(ws, header, HEADERS)
    rows = day_rows(project, day, before=before)
    for row, agenda_row in enumerate(rows, start=header + 1):
        put_row(ws, row, agenda_row.cells(), grid=True)
        fit_row_height(ws, row, agenda_row.cells(), DAY_WIDTHS)
        _shade(ws, row, agenda_row.kind)
    set_widths(ws, DAY_WIDTHS)
    ws.freeze_panes = f"A{header + 1}"
    setup_print(ws, title_rows=f"1:{header}", header=route, day=title)


def _shade(ws: Worksheet, row: int, kind: str) -> None:
    """Mark rows by kind: visits in bold, travel grey, the overnight green."""
    if kind == str(EventKind.VISIT):
        ws.cell(row=row, column=2).font = BOLD
    fill = ROW_FILLS.get(kind)
    for cell in ws[row]:
        if fill is not None:
            cell.fill = fill
        if kind == OVERNIGHT:
            cell.font = BOLD


def overview_lines(
    project: Project,
    itinerary: Itinerary,
    costs: CostBreakdown,
    indicators: Indicators,
) -> list[tuple[str, str]]:
    """Return the overview's label/value pairs."""
    route = project.route
    dates = [d.day for d in itinerary.days] or [route.start_date, route.end_date]
    first, last = dates[0], dates[-1]
    days = len(itinerary.days)
    return [
        ("Route", route.name),
        ("Dates", f"{first:%a %d %b %Y} {EN_DASH} {last:%a %d %b %Y} ({days} days)"),
        ("Countries", ", ".join(indicators.countries)),
        ("Sites visited", str(indicators.sites_visited)),
        ("Learning value", f"{indicators.value:.1f}"),
        ("Themes", ", ".join(indicators.themes)),
        ("Travel", f"{indicators.travel_hours:.1f} hours"),
        ("Total cost", f"{costs.total:,.2f} {costs.currency}"),
        ("Cost per participant", f"{costs.per_participant:,.2f} {costs.currency}"),
        *((CONTACT_LABELS[label], text) for label, text in route_contacts(route)),
    ]


def site_name(project: Project, site: SiteId) -> str:
    """Return a site's name (its id if unknown)."""
    known = project.site_by_id.get(site)
    return known.name if known else str(site)


def day_summary(project: Project, day: DayPlan) -> str:
    """Return a one-line summary of a day: its visits, then where it ends."""
    visits = [site_name(project, e.site) for e in day.visits() if e.site]
    text = "; ".join(visits) if visits else "no visits"
    holiday = holiday_note(project, day)
    if holiday:
        text = f"{holiday}: {text}"
    if day.overnight is not None:
        where = location_name(project, day.overnight)
        text += (
            f" — night on board to {where}"
            if day.on_board
            else f" — overnight in {where}"
        )
    return text


def write_overview(
    ws: Worksheet,
    project: Project,
    itinerary: Itinerary,
    costs: CostBreakdown,
    indicators: Indicators,
) -> None:
    """Fill the Overview sheet: headline facts and one line per day."""
    put_text(ws, 1, 1, project.route.name).font = TITLE_FONT
    row = 3
    for label, value in overview_lines(project, itinerary, costs, indicators):
        ws.cell(row=row, column=1, value=label).font = BOLD
        put_text(ws, row, 2, value).alignment = WRAP
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
        fit_row_height(ws, row, ("", value), (22.0, 118.0))
        row += 1
    row += 1
    put_header(ws, row, ("Day", "Date", "Summary"))
    for number, day in enumerate(itinerary.days, start=1):
        texts = (f"Day {number}", day_title(day), day_summary(project, day))
        put_row(ws, row + number, texts, grid=True)
        fit_row_height(ws, row + number, texts, (22.0, 18.0, 100.0))
    set_widths(ws, (22.0, 18.0, 100.0))
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=3)
    setup_print(ws, title_rows="1:1", header=project.route.name, day="Overview")


def write_roster(ws: Worksheet, project: Project) -> None:
    """Fill the Participants sheet: one row per participant."""
    keys = (
        "name",
        "gender",
        "country",
        "organisation",
        "role",
        "home_city",
        "languages",
        "dietary",
    )
    # the same headers as the input template's Participants sheet
    headers = tuple(PARTICIPANTS.column(k).header for k in keys)
    widths = (26.0, 8.0, 9.0, 30.0, 26.0, 16.0, 18.0, 16.0)
    put_header(ws, 1, headers)
    for row, person in enumerate(project.participants, start=2):
        texts = (
            person.name,
            str(person.gender),
            person.country,
            person.organisation,
            person.role,
            person.home_city,
            ", ".join(person.languages),
            person.dietary,
        )
        put_row(ws, row, texts, grid=True)
        fit_row_height(ws, row, texts, widths)
    set_widths(ws, widths)
    ws.freeze_panes = "A2"
    setup_print(ws, title_rows="1:1", header=project.route.name, day="Participants")


def write_champions(
    ws: Worksheet, project: Project, itinerary: Itinerary, indicators: Indicators
) -> None:
    """Fill the Champions sheet: presenting champions, contacts, and the targets."""
    presenting = list(
        dict.fromkeys(
            c for d in itinerary.days for e in d.visits() for c in e.champions
        )
    )
    put_text(ws, 1, 1, "Presenting champions").font = TITLE_FONT
    write_targets(ws, indicators)
    headers = ("Name", "Gender", "Youth", "Organisation", "Country", "Contact")
    widths = (26.0, 9.0, 22.0, 36.0, 9.0, 24.0)
    put_header(ws, 5, (*headers, "Sites presented"))
    for row, champion_id in enumerate(presenting, start=6):
        champion = project.champion_by_id[champion_id]
        texts = (
            champion.name,
            str(champion.gender),
            "yes" if champion.is_youth(project.route.start_date) else "no",
            champion.organisation,
            champion.country,
            champion.contact,
            _sites_of(project, itinerary, champion_id),
        )
        put_row(ws, row, texts, grid=True)
        fit_row_height(ws, row, texts, (*widths, 40.0))
    set_widths(ws, (*widths, 40.0))
    setup_print(ws, title_rows="5:5", header=project.route.name, day="Champions")


def write_targets(ws: Worksheet, indicators: Indicators) -> None:
    """Write the women and youth shares (rows 2-3) against the 40 % targets."""
    shares = (
        ("Women", indicators.women_share),
        ("Youth (35 or under)", indicators.youth_share),
    )
    for row, (label, share) in enumerate(shares, start=2):
        ws.cell(row=row, column=1, value=label).font = BOLD
        cell = ws.cell(row=row, column=2, value=share)
        cell.number_format = "0%"
        verdict = "meets" if share >= TARGET_SHARE else "below"
        ws.cell(row=row, column=3, value=f"{verdict} the 40 % target")


def _sites_of(project: Project, itinerary: Itinerary, champion: str) -> str:
    names = [
        site_name(project, e.site)
        for d in itinerary.days
        for e in d.visits()
        if e.site and champion in e.champions
    ]
    return "\n".join(dict.fromkeys(names))
