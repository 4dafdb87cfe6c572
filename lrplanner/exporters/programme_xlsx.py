"""``programme.xlsx``: the programme at a glance, for its steering committee.

Sheets: **Summary** (routes planned, participants trained, the distinct
champions presenting with their women and youth shares against the 40 % /
40 % targets, total cost and cost per participant, conflicts), **Routes**
(one row per route: dates, countries, themes, participants, visits, value,
cost, cost per participant, champions' shares), **Bookings** (every host a
route visits, by host then date, so a host sees its groups) and, when any,
**Conflicts**. Every figure is computed by the same cost model and
indicators as each route's own files; every text is written as text.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from openpyxl import Workbook

from lrplanner.core.atomic import atomic_path
from lrplanner.core.bookings import (
    WOMEN_TARGET,
    YOUTH_TARGET,
    bookings,
    champion_shares,
    conflicts,
)
from lrplanner.core.costmodel import compute_costs
from lrplanner.core.countries import COUNTRIES
from lrplanner.core.indicators import indicators
from lrplanner.exporters.xlsx_cells import (
    WRAP,
    put_header,
    put_text,
    set_widths,
    setup_print,
)

if TYPE_CHECKING:
    from pathlib import Path

    from openpyxl.worksheet.worksheet import Worksheet

    from lrplanner.core.indicators import Indicators
    from lrplanner.core.programme import Programme

ROUTE_HEADERS = (
    "Route",
    "Start",
    "End",
    "Days",
    "Countries visited",
    "Themes",
    "Participants",
    "Visits",
    "Value",
    "Cost",
    "Cost per participant",
    "Champions",
    "Women",
    "Youth",
    "Plan",
)
DATE = "yyyy-mm-dd"
SHARE = "0%"


def _money(currency: str) -> str:
    return f'#,##0 "{currency}"'


def write_programme_xlsx(programme: Programme, path: Path) -> None:
    """Write the programme summary workbook atomically."""
    wb = Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = "Summary"
    figures = [_figures(programme, i) for i in range(len(programme.routes))]
    currency = programme.project(0).route.currency
    _routes(wb.create_sheet("Routes"), programme, figures, currency)
    _bookings(wb.create_sheet("Bookings"), programme)
    found = conflicts(programme)
    if found:
        ws = wb.create_sheet("Conflicts")
        put_header(ws, 1, ("Day", "Rule", "Route", "Other route", "What"))
        for r, conflict in enumerate(found, start=2):
            ws.cell(row=r, column=1, value=conflict.day).number_format = DATE
            put_text(ws, r, 2, conflict.rule)
            put_text(ws, r, 3, conflict.routes[0])
            put_text(ws, r, 4, conflict.routes[1])
            put_text(ws, r, 5, conflict.message).alignment = WRAP
        set_widths(ws, (12, 22, 30, 30, 80))
    _summary(summary, programme, figures, currency, len(found))
    for ws in wb.worksheets:
        setup_print(ws, title_rows="1:1", header=programme.name, day=ws.title)
    with atomic_path(path) as temp:
        wb.save(temp)


def _figures(programme: Programme, index: int) -> Indicators | None:
    project = programme.project(index)
    if project.plan is None:
        return None
    costs = compute_costs(project, project.plan)
    return indicators(project, project.plan, costs, project.rules.value)


def _routes(
    ws: Worksheet,
    programme: Programme,
    figures: list[Indicators | None],
    currency: str,
) -> None:
    put_header(ws, 1, ROUTE_HEADERS)
    money = _money(currency)
    for r, (own, got) in enumerate(zip(programme.routes, figures, strict=True), 2):
        route = own.route
        put_text(ws, r, 1, route.name)
        ws.cell(row=r, column=2, value=route.start_date).number_format = DATE
        ws.cell(row=r, column=3, value=route.end_date).number_format = DATE
        ws.cell(row=r, column=4, value=(route.end_date - route.start_date).days + 1)
        ws.cell(row=r, column=7, value=len(own.participants))
        if got is None:
            put_text(ws, r, 15, "not planned")
            continue
        put_text(ws, r, 5, ", ".join(COUNTRIES.get(c, c) for c in got.countries))
        put_text(ws, r, 6, "; ".join(got.themes)).alignment = WRAP
        ws.cell(row=r, column=8, value=got.sites_visited)
        ws.cell(row=r, column=9, value=round(got.value, 1))
        ws.cell(row=r, column=10, value=got.total_cost).number_format = money
        cell = ws.cell(row=r, column=11, value=got.cost_per_participant)
        cell.number_format = money
        ws.cell(row=r, column=12, value=got.champions)
        ws.cell(row=r, column=13, value=got.women_share).number_format = SHARE
        ws.cell(row=r, column=14, value=got.youth_share).number_format = SHARE
        put_text(ws, r, 15, "planned")
    set_widths(ws, (34, 11, 11, 6, 26, 40, 12, 7, 7, 13, 13, 10, 8, 8, 11))
    ws.freeze_panes = "B2"


def _bookings(ws: Worksheet, programme: Programme) -> None:
    put_header(ws, 1, ("Host", "Site id", "Day", "Route", "Champions"))
    sites = {s.id: s for s in programme.sites}
    people = {c.id: c.name for c in programme.champions}
    rows = sorted(bookings(programme), key=lambda b: (str(b.site), b.day, b.route))
    for r, booking in enumerate(rows, start=2):
        site = sites.get(booking.site)
        put_text(ws, r, 1, site.name if site else str(booking.site))
        put_text(ws, r, 2, str(booking.site))
        ws.cell(row=r, column=3, value=booking.day).number_format = DATE
        put_text(ws, r, 4, booking.route)
        names = ", ".join(people.get(c, str(c)) for c in booking.champions)
        put_text(ws, r, 5, names)
    set_widths(ws, (44, 10, 12, 34, 40))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:E{max(2, len(rows) + 1)}"


def _summary(
    ws: Worksheet,
    programme: Programme,
    figures: list[Indicators | None],
    currency: str,
    conflict_count: int,
) -> None:
    planned = [f for f in figures if f is not None]
    participants = sum(
        len(own.participants)
        for own, got in zip(programme.routes, figures, strict=True)
        if got is not None
    )
    cost = sum((f.total_cost for f in planned), Decimal(0))
    shares = champion_shares(programme)
    put_text(ws, 1, 1, f"Programme — {programme.name}")
    rows: list[tuple[str, int | float | Decimal, str, str]] = [
        ("Routes", len(programme.routes), "0", ""),
        ("Routes planned", len(planned), "0", ""),
        ("Participants trained (planned routes)", participants, "0", ""),
        ("Visits", sum(f.sites_visited for f in planned), "0", ""),
        ("Champions presenting (each once)", shares.champions, "0", ""),
        (
            "Women among them",
            shares.women,
            SHARE,
            _target(shares.women, WOMEN_TARGET, shares.champions),
        ),
        (
            "Youth among them",
            shares.youth,
            SHARE,
            _target(shares.youth, YOUTH_TARGET, shares.champions),
        ),
        ("Total cost (planned routes)", cost, _money(currency), ""),
        (
            "Cost per participant",
            cost / participants if participants else Decimal(0),
            _money(currency),
            "",
        ),
        (
            "Conflicts between routes",
            conflict_count,
            "0",
            "none" if not conflict_count else "see the Conflicts sheet",
        ),
    ]
    for r, (label, value, shown, note) in enumerate(rows, start=3):
        put_text(ws, r, 1, label)
        ws.cell(row=r, column=2, value=value).number_format = shown
        if note:
            put_text(ws, r, 3, note)
    set_widths(ws, (40, 16, 40))


def _target(share: float, target: float, count: int) -> str:
    if not count:
        return "no champion presents yet"
    verdict = "meets" if share >= target else "below"
    return f"{verdict} the {target:.0%} target"
