"""``visas.xlsx``: per participant, every country the plan enters and what it takes.

The first sheet (Visas) has one row per participant and country entered
(:func:`lrplanner.core.visa_check.visa_entries`): entry date, last day,
days stayed, what the Visas sheet's rule says, and what to check (no rule
entered, a stay longer than allowed, a second entry on a single-entry visa).
Route countries lists the plan's stays by country; Rules the Visas sheet's
rules as entered, with their source and date. Every sheet says the rules
are the workbook's, not LR Planner's, and to check with the embassy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Font

from lrplanner.core.countries import COUNTRIES
from lrplanner.core.visa_check import country_stays, visa_entries
from lrplanner.exporters.agenda_rows import check_banner
from lrplanner.exporters.xlsx_cells import (
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
    from datetime import date
    from pathlib import Path

    from openpyxl.worksheet.worksheet import Worksheet

    from lrplanner.core.plan import Itinerary
    from lrplanner.core.project import Project
    from lrplanner.core.visa_check import CountryStay, VisaEntry

CAUTION = (
    "The rules are the Visas sheet's, as entered in the input workbook: LR "
    "Planner does not know visa policies. Check every entry with the embassy "
    "or immigration office before booking."
)
COUNTING = (
    "Days count the entry and the last day of each stay in the plan, "
    "stretched by the participant's own arrival and departure dates "
    "(Participants sheet) at an airport of the first or last country. "
    "Nationality is the Participants sheet's Country."
)
ENTRY_HEADERS = (
    "Participant",
    "Name",
    "Nationality",
    "Country entered",
    "Entry",
    "Entry date",
    "Last day",
    "Days",
    "Needs",
    "Max days",
    "To check",
    "Rule note",
    "Source",
    "Checked on",
)
ENTRY_WIDTHS = (11, 26, 16, 18, 6, 16, 16, 6, 16, 9, 48, 34, 30, 12)
STAY_HEADERS = ("Country", "Entry date", "Last day", "Days")
RULE_HEADERS = (
    "Nationality",
    "Destination",
    "Requirement",
    "Max days",
    "Note",
    "Source",
    "Date",
    "Entries",
)
GREY = Font(color="808080")


def write_visas_xlsx(
    project: Project,
    itinerary: Itinerary,
    path: Path,
    *,
    check_failures: Sequence[str] = (),
) -> None:
    """Write the visa report atomically (an old file is replaced only on success).

    ``check_failures`` are the hard rules the plan breaks (empty for a
    checked plan): a first sheet lists them and every title says so.
    """
    wb = Workbook()
    entries = visa_entries(project, itinerary)
    first = wb.active
    assert first is not None
    first.title = "Visas"
    write_entries(first, project, entries)
    write_stays(wb.create_sheet("Route countries"), project, itinerary)
    write_rules(wb.create_sheet("Rules"), project, entries)
    if check_failures:
        for ws in wb.worksheets:
            put_text(ws, 1, 1, f"{check_banner(check_failures)} {ws['A1'].value}")
    save_plan_workbook(wb, path, check_failures)


def country(code: str) -> str:
    """Return ``KH Cambodia`` for a code (the code alone if unnamed)."""
    name = COUNTRIES.get(code)
    return f"{code} {name}" if name else code


def _day(day: date | None) -> str:
    return "" if day is None else f"{day:%a %d %b %Y}"


def _title(ws: Worksheet, project: Project, what: str) -> None:
    put_text(ws, 1, 1, f"{project.route.name} \u2014 {what}").font = TITLE_FONT
    put_text(ws, 2, 1, CAUTION)
    put_text(ws, 3, 1, COUNTING)


def _totals(entries: Sequence[VisaEntry]) -> str:
    abroad = [e for e in entries if not e.own_country]
    unknown = sum(1 for e in abroad if e.rule is None)
    flagged = sum(1 for e in abroad if e.flags)
    return (
        f"{len(abroad)} entries into another country than the participant's "
        f"own; {flagged} to check, {unknown} with no rule entered"
    )


def _entry_texts(entry: VisaEntry) -> tuple[str, ...]:
    person, stay, rule = entry.participant, entry.stay, entry.rule
    return (
        person.id,
        person.name,
        country(person.country),
        country(stay.country),
        "",
        _day(stay.entry),
        _day(stay.last),
        "",
        entry.need,
        "",
        "\n".join(entry.flags),
        rule.note if rule else "",
        rule.source if rule else "",
        _day(rule.checked_on) if rule else "",
    )


def write_entries(
    ws: Worksheet, project: Project, entries: Sequence[VisaEntry]
) -> None:
    """Fill the Visas sheet: one row per participant and country entered."""
    _title(ws, project, "visas by participant")
    put_text(ws, 4, 1, _totals(entries))
    top = 6
    put_header(ws, top, ENTRY_HEADERS)
    for row, entry in enumerate(entries, start=top + 1):
        put_row(ws, row, _entry_texts(entry), grid=True)
        ws.cell(row=row, column=5, value=entry.number)
        ws.cell(row=row, column=8, value=entry.stay.days)
        if entry.rule is not None and entry.rule.max_days is not None:
            ws.cell(row=row, column=10, value=entry.rule.max_days)
        if entry.own_country:
            for column in range(1, len(ENTRY_HEADERS) + 1):
                ws.cell(row=row, column=column).font = GREY
    set_widths(ws, ENTRY_WIDTHS)
    ws.freeze_panes = f"C{top + 1}"
    ws.auto_filter.ref = f"A{top}:N{top + len(entries)}"
    setup_print(ws, title_rows=f"{top}:{top}", header=project.route.name, day="Visas")


def write_stays(ws: Worksheet, project: Project, itinerary: Itinerary) -> None:
    """Fill Route countries: the plan's stays by country, in order."""
    _title(ws, project, "countries of the route")
    put_header(ws, 5, STAY_HEADERS)
    stays: Sequence[CountryStay] = country_stays(project, itinerary)
    for row, stay in enumerate(stays, start=6):
        texts = (country(stay.country), _day(stay.entry), _day(stay.last), "")
        put_row(ws, row, texts, grid=True)
        ws.cell(row=row, column=4, value=stay.days)
    set_widths(ws, (22, 18, 18, 8))
    setup_print(ws, title_rows="5:5", header=project.route.name, day="Countries")


def write_rules(ws: Worksheet, project: Project, entries: Sequence[VisaEntry]) -> None:
    """Fill Rules: the Visas sheet's rules as entered, with how often each is used."""
    _title(ws, project, "visa rules as entered")
    if not project.visas:
        put_text(ws, 4, 1, "The input workbook has no Visas sheet or no rules on it.")
    put_header(ws, 5, RULE_HEADERS)
    used: dict[tuple[str, str], int] = {}
    for entry in entries:
        if entry.rule is not None:
            used[entry.rule.pair] = used.get(entry.rule.pair, 0) + 1
    for row, rule in enumerate(project.visas, start=6):
        texts = (
            country(rule.nationality),
            country(rule.destination),
            rule.requirement.value,
            "",
            rule.note,
            rule.source,
            _day(rule.checked_on),
            "",
        )
        put_row(ws, row, texts, grid=True)
        if rule.max_days is not None:
            ws.cell(row=row, column=4, value=rule.max_days)
        ws.cell(row=row, column=8, value=used.get(rule.pair, 0))
        ws.cell(row=row, column=5).alignment = WRAP
    set_widths(ws, (18, 18, 12, 9, 40, 40, 16, 8))
    ws.freeze_panes = "A6"
    setup_print(ws, title_rows="5:5", header=project.route.name, day="Rules")
