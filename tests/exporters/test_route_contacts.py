"""Tests that the route's emergency and staff contacts reach every agenda."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from typing import TYPE_CHECKING

import openpyxl
import pytest
from pypdf import PdfReader

from lrplanner.exporters.agenda_html import agenda_page
from lrplanner.exporters.agenda_pdf import write_agenda_pdf
from lrplanner.exporters.agenda_text import day_text
from lrplanner.exporters.agenda_xlsx import write_agenda_xlsx
from lrplanner.exporters.route_contacts import contacts_line, route_contacts
from tests.exporters.fixtures import Plan, make_plan, sample_project

if TYPE_CHECKING:
    from pathlib import Path

    from lrplanner.core.project import Project

EMERGENCY = "Route coordinator Anjali Shrestha +977 985 102 3347 (24 h)"
FORMULA = '=HYPERLINK("http://example.com/x","Call now")'
SCRIPT = "<script>alert(1)</script> Rafiq & Binod"


def _with_contacts(emergency: str, staff: str) -> Plan:
    project = sample_project()
    route = replace(project.route, emergency_contact=emergency, staff_contacts=staff)
    return make_plan(project.with_changes(route=route))


def _pdf_pages(path: Path) -> list[str]:
    return [
        " ".join(unicodedata.normalize("NFKC", p.extract_text()).split())
        for p in PdfReader(path).pages
    ]


def test_the_sample_route_has_contacts(plan: Plan) -> None:
    """Tests that the South Asia sample's Route sheet gives both contacts."""
    route = plan.project.route
    assert route.emergency_contact == EMERGENCY
    assert route_contacts(route) == (
        ("Emergency", EMERGENCY),
        (
            "Staff",
            "Facilitator Mohammad Rafiqul Islam +880 1711 548 903; "
            "Facilitator Binod Adhikari +977 984 116 2085; "
            "Logistics Sabina Akter +880 1819 330 614",
        ),
    )


@pytest.mark.parametrize(
    ("emergency", "staff", "line"),
    [
        ("", "", ""),
        ("  ", " ; ", ""),
        ("Sokha +855 12 345 678", "", "Emergency: Sokha +855 12 345 678"),
        (
            "",
            "Lan +84 90 123;;  Dara +855 17 222 ",
            "Staff: Lan +84 90 123; Dara +855 17 222",
        ),
        ("A 1", "B 2", "Emergency: A 1 \u00b7 Staff: B 2"),
    ],
)
def test_contacts_line(plan: Plan, emergency: str, staff: str, line: str) -> None:
    """Tests the printed line: blank parts left out, staff entries re-joined."""
    route = replace(
        plan.project.route, emergency_contact=emergency, staff_contacts=staff
    )
    assert contacts_line(route) == line


def test_pdf_prints_the_contacts_on_every_page(exported: dict[str, Path]) -> None:
    """Tests that the overview and every day page of agenda.pdf give both contacts."""
    pages = _pdf_pages(exported["agenda.pdf"])
    assert len(pages) == 5
    for text in pages:
        assert f"Emergency: {EMERGENCY}" in text
        assert "Staff: Facilitator Mohammad Rafiqul Islam +880 1711 548 903;" in text


def test_xlsx_html_and_text_carry_the_contacts(
    exported: dict[str, Path], plan: Plan
) -> None:
    """Tests the contacts under each day sheet's title, at the top of the phone
    page and of each of its days, and in the copied day text."""
    line = contacts_line(plan.project.route)
    book = openpyxl.load_workbook(exported["agenda.xlsx"])
    for day in plan.itinerary.days:
        assert book[day.day.strftime("%a %d %b")]["A2"].value == line
    page = exported["agenda.html"].read_text(encoding="utf-8")
    assert page.count(f"<b>Emergency:</b> {EMERGENCY}") == 1 + len(plan.itinerary.days)
    for day in plan.itinerary.days:
        assert line in day_text(plan.project, plan.itinerary, day.day).splitlines()


def test_blank_contacts_print_nothing(tmp_path: Path) -> None:
    """Tests that a Route sheet without contacts leaves no empty label anywhere."""
    blank = _with_contacts("", "")
    project, itinerary = blank.project, blank.itinerary
    write_agenda_pdf(project, itinerary, tmp_path / "a.pdf")
    for text in _pdf_pages(tmp_path / "a.pdf"):
        assert "Emergency" not in text
        assert "Staff:" not in text
    write_agenda_xlsx(
        project, itinerary, blank.costs, blank.indicators, tmp_path / "a.xlsx"
    )
    book = openpyxl.load_workbook(tmp_path / "a.xlsx")
    sheet = book[itinerary.days[0].day.strftime("%a %d %b")]
    assert sheet["A2"].value == "Time (local)"  # the header right under the title
    values = [str(c.value) for ws in book for row in ws.iter_rows() for c in row]
    assert not [v for v in values if "Emergency" in v or "Staff contacts" in v]
    page = agenda_page(project, itinerary)
    assert "Emergency" not in page
    assert 'class="contacts"' not in page
    text = day_text(project, itinerary, itinerary.days[0].day)
    assert "Emergency" not in text
    assert text.splitlines()[2] == ""


@pytest.fixture(scope="module")
def hostile() -> Plan:
    """Return the plan with a formula and a script as its contacts."""
    return _with_contacts(FORMULA, SCRIPT)


def test_hostile_contacts_stay_text_in_xlsx(hostile: Plan, tmp_path: Path) -> None:
    """Tests that a formula-like contact is a text cell and a tag stays text."""
    path = tmp_path / "a.xlsx"
    write_agenda_xlsx(
        hostile.project, hostile.itinerary, hostile.costs, hostile.indicators, path
    )
    book = openpyxl.load_workbook(path)
    day = book[hostile.itinerary.days[0].day.strftime("%a %d %b")]
    assert day["A2"].value == f"Emergency: {FORMULA} \u00b7 Staff: {SCRIPT}"
    facts = {r[0].value: r[1] for r in book["Overview"].iter_rows(min_row=3)}
    cell = facts["Emergency contact"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == (FORMULA, "s", True)
    assert facts["Staff contacts"].value == SCRIPT


def test_hostile_contacts_are_escaped_in_html_and_pdf(
    hostile: Plan, tmp_path: Path
) -> None:
    """Tests that the phone page escapes the contacts (no live tag) and the PDF
    prints them literally."""
    page = agenda_page(hostile.project, hostile.itinerary)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Rafiq &amp; Binod" in page
    write_agenda_pdf(hostile.project, hostile.itinerary, tmp_path / "a.pdf")
    for text in _pdf_pages(tmp_path / "a.pdf"):
        assert f"Staff: {SCRIPT}" in text
        assert FORMULA in text


def _project_without_route_contacts(project: Project) -> Project:
    route = replace(project.route, emergency_contact="", staff_contacts="")
    return project.with_changes(route=route)


def test_text_keeps_hostile_contacts_as_written(hostile: Plan) -> None:
    """Tests that the copied day text shows the contacts exactly as typed."""
    day = hostile.itinerary.days[1].day
    lines = day_text(hostile.project, hostile.itinerary, day).splitlines()
    assert lines[2] == f"Emergency: {FORMULA} \u00b7 Staff: {SCRIPT}"
    plain = _project_without_route_contacts(hostile.project)
    assert day_text(plain, hostile.itinerary, day).splitlines()[2] == ""
