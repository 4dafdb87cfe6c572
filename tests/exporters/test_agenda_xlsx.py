"""Tests of agenda.xlsx: sheets, day rows, print set-up, roster, champions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from lrplanner.core.interpretation import visit_interpretation
from lrplanner.core.places import TravelMode
from lrplanner.exporters.route_contacts import contacts_line

if TYPE_CHECKING:
    from pathlib import Path

    from openpyxl.workbook import Workbook

    from tests.exporters.fixtures import Plan

DAY_SHEETS = ["Sun 10 Jan", "Mon 11 Jan", "Tue 12 Jan", "Wed 13 Jan"]


@pytest.fixture(scope="module")
def workbook(exported: dict[str, Path]) -> Workbook:
    """Return the exported agenda workbook."""
    return openpyxl.load_workbook(exported["agenda.xlsx"])


def test_sheets_in_order(workbook: Workbook) -> None:
    """Tests that the workbook has overview, one sheet per day, roster, champions."""
    assert workbook.sheetnames == ["Overview", *DAY_SHEETS, "Participants", "Champions"]


@pytest.mark.parametrize("index", range(4))
def test_day_rows_match_events(workbook: Workbook, plan: Plan, index: int) -> None:
    """Tests that a day sheet lists breakfast, each event's title and start,
    dinner where the group sleeps, then the overnight place."""
    day = plan.itinerary.days[index]
    ws = workbook[DAY_SHEETS[index]]
    assert ws["A2"].value == contacts_line(plan.project.route)
    assert [c.value for c in ws[3]][:3] == ["Time (local)", "Activity", "Place"]
    every = list(ws.iter_rows(min_row=4, values_only=True))
    assert every[0][1] == "Breakfast at the hotel"
    dinner = 1 if day.overnight is not None and not day.on_board else 0
    assert str(every[-2][1]).startswith("Dinner in") == bool(dinner)
    extra = ("Check-in for flight", "Arrival: immigration", "Breakfast", "Dinner")
    rows = [r for r in every if not str(r[1]).startswith(extra)]
    flights = [e for e in day.events if e.mode is TravelMode.FLIGHT]
    assert len(every) == len(rows) + 2 * len(flights) + 1 + dinner
    assert len(rows) == len(day.events) + 1
    for row, event in zip(rows, day.events, strict=False):
        local = event.start.astimezone(ZoneInfo(event.tz))
        title = "Departure: flight" if event in flights else event.title
        first, *more = str(row[1]).split("\n")
        assert first == title
        spoken = visit_interpretation(plan.project, event)
        assert (
            (spoken in more)
            if spoken
            else not any(m.startswith("Interpretation") for m in more)
        )
        assert str(row[0]).startswith(f"{local:%H:%M}")
    assert rows[-1][1] == ("Overnight" if day.overnight else "End of the route")


def test_local_times_in_each_zone(workbook: Workbook) -> None:
    """Tests that Dhaka events show Dhaka time and the flight both clocks."""
    flight = "15:10 (UTC+05:45) \u2013\n18:50 (UTC+06:00)"
    column = [c.value for c in workbook["Tue 12 Jan"]["A"]]
    assert flight in column
    # check-in 120 min before the international take-off, arrival 45 min after
    assert column[column.index(flight) - 1] == "13:10"
    assert column[column.index(flight) + 1] == "18:50\u201319:35"
    assert workbook["Wed 13 Jan"]["A4"].value == "07:00\u201307:45\nUTC+06:00"
    assert workbook["Wed 13 Jan"]["A5"].value == "09:00\u201310:30"
    assert workbook["Sun 10 Jan"]["A4"].value == "07:00\u201307:45\nUTC+05:45"


@pytest.mark.parametrize("sheet", [*DAY_SHEETS, "Overview", "Participants"])
def test_print_settings(workbook: Workbook, plan: Plan, sheet: str) -> None:
    """Tests that sheets print on A4 landscape, one page wide, with titles and pages."""
    ws = workbook[sheet]
    assert ws.page_setup.orientation == "landscape"
    setup: Any = ws.page_setup
    assert (int(setup.paperSize), int(setup.fitToWidth), int(setup.fitToHeight)) == (
        9,
        1,
        0,
    )
    fit: Any = ws.sheet_properties.pageSetUpPr
    assert fit.fitToPage is True
    assert ws.print_title_rows is not None
    header: Any = ws.oddHeader
    footer: Any = ws.oddFooter
    assert header.left.text == plan.project.route.name
    assert footer.center.text == "Page &P of &N"


def test_day_sheet_titles_and_wrap(workbook: Workbook) -> None:
    """Tests that a day sheet repeats rows 1-3 (title, contacts, headers),
    names the day (with Nepal's public holiday in its title, not in the page
    header) and wraps text."""
    ws = workbook["Mon 11 Jan"]
    assert ws.print_title_rows == "$1:$3"
    assert ws.freeze_panes == "A4"
    header: Any = ws.oddHeader
    assert header.right.text == "Day 2 · Mon 11 Jan 2027"
    title = str(ws["A1"].value)
    assert title.endswith(
        "Day 2 · Mon 11 Jan 2027 · Prithvi Jayanti (public holiday in Nepal)"
    )
    assert ws["B6"].alignment.wrap_text is True
    assert ws.column_dimensions["B"].width == 30
    assert ws.row_dimensions[9].height >= 30


def test_overview_facts(workbook: Workbook, plan: Plan) -> None:
    """Tests that the overview gives the route, countries, value and total cost."""
    ws = workbook["Overview"]
    facts = {r[0]: r[1] for r in ws.iter_rows(min_row=3, max_row=13, values_only=True)}
    assert facts["Route"] == plan.project.route.name
    assert facts["Countries"] == "BD, NP"
    assert facts["Sites visited"] == "6"
    # with one interpreter-day (Nepali → English at Rupandehi): 110 x 1.05 more
    assert facts["Total cost"] == "36,764.70 USD"
    route = plan.project.route
    assert facts["Emergency contact"] == route.emergency_contact
    assert ws["B13"].value == route.staff_contacts
    assert ws["C16"].value.startswith("Lalitpur small farmers' agricultural")


def test_roster_lists_every_participant(workbook: Workbook, plan: Plan) -> None:
    """Tests that the Participants sheet has one row per participant, in order."""
    names = [
        r[0] for r in workbook["Participants"].iter_rows(min_row=2, values_only=True)
    ]
    assert names == [p.name for p in plan.project.participants]


def test_champions_against_targets(workbook: Workbook) -> None:
    """Tests that the Champions sheet shows women/youth shares against 40 %."""
    ws = workbook["Champions"]
    assert (ws["B2"].value, ws["C2"].value) == (0.6, "meets the 40 % target")
    assert (ws["B3"].value, ws["C3"].value) == (0.2, "below the 40 % target")
    names = [r[0] for r in ws.iter_rows(min_row=6, values_only=True)]
    assert names == [
        "Laxmi Maharjan",
        "Ram Prasad Yadav",
        "Sita Kumari Tharu",
        "Krishna Bahadur Pun",
        "Dr. Farhana Yasmin",
    ]
    assert ws["F10"].value == "+880 1713 064 518"
