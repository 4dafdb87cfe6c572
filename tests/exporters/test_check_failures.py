"""A plan that fails the check says so in every file, where its reader looks first."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import openpyxl
import pytest
from pypdf import PdfReader

from lrplanner.core.validate import Violation
from lrplanner.exporters import write_exports

if TYPE_CHECKING:
    from pathlib import Path

    from tests.exporters.fixtures import Plan

VIOLATIONS = (
    Violation(
        rule="lunch", message="no 60-minute lunch on a visiting day", day="2027-01-12"
    ),
    Violation(
        rule="opening hours",
        message="<Site> {{ 7*7 }} visited while closed",
        day="2027-01-13",
    ),
)
FAILURES = tuple(v.describe() for v in VIOLATIONS)
BANNER = "NOT CHECKED: this plan breaks 2 hard rules"


@pytest.fixture(scope="module")
def failing(plan: Plan, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Return the exports of the hand-made plan, written as failing the check."""
    out = tmp_path_factory.mktemp("failing")
    paths = write_exports(plan.project, plan.itinerary, plan.report(*VIOLATIONS), out)
    return {p.name: p for p in paths}


@pytest.mark.parametrize("name", ["agenda.xlsx", "costs.xlsx"])
def test_workbooks_open_on_the_list_of_broken_rules(
    name: str, failing: dict[str, Path]
) -> None:
    """Tests that the first, active sheet names every broken rule."""
    book = openpyxl.load_workbook(failing[name])
    first = book.worksheets[0]
    assert first.title == "NOT CHECKED"
    assert book.active is first
    assert str(first["A1"].value).startswith(BANNER)
    listed = [first.cell(row, 1).value for row in range(3, 3 + len(FAILURES))]
    assert listed == list(FAILURES)
    if name == "agenda.xlsx":
        days = book.worksheets[2:-2]  # between Overview and Participants
        assert len(days) == 4
        assert all(str(ws["A1"].value).startswith(BANNER) for ws in days)


def test_map_legend_warns_first(failing: dict[str, Path]) -> None:
    """Tests that the map's legend starts with the warning (in its title, seen
    when folded too) and lists the rules."""
    page = failing["map.html"].read_text(encoding="utf-8")
    legend = page[page.index('<details id="lr-legend"') :]
    assert legend.index(BANNER) < legend.index("</summary>")
    legend = legend[: legend.index("</details>")]
    text = re.sub(r"<[^>]+>", "\n", legend)
    lines = [ln for ln in text.split("\n") if ln.strip()]
    assert lines[0].startswith(BANNER)
    assert "&lt;Site&gt; &#123;&#123; 7*7 &#125;&#125; visited while closed" in legend


def test_every_pdf_page_warns(failing: dict[str, Path], plan: Plan) -> None:
    """Tests that each agenda page starts with the warning; page 1 (the
    overview) lists the rules."""
    pages = [p.extract_text() for p in PdfReader(failing["agenda.pdf"]).pages]
    assert len(pages) == len(plan.itinerary.days) + 1
    flat = [" ".join(p.split()) for p in pages]
    assert all(BANNER in p for p in flat)
    assert FAILURES[0] in flat[0]
    assert "{{ 7*7 }}" in flat[0]


def test_calendar_and_phone_agenda_warn(failing: dict[str, Path]) -> None:
    """Tests that route.ics (every summary) and agenda.html (its first text, the
    rules listed, escaped) say the plan is not checked."""
    from icalendar import Calendar

    calendar = Calendar.from_ical(failing["route.ics"].read_bytes())
    summaries = [str(e["summary"]) for e in calendar.walk("VEVENT")]
    assert summaries
    assert all(s.startswith("[NOT CHECKED] ") for s in summaries)
    page = failing["agenda.html"].read_text(encoding="utf-8")
    body = page[page.index("<body>") :]
    text = [ln for ln in re.sub(r"<[^>]+>", "\n", body).split("\n") if ln.strip()]
    assert text[2].startswith(BANNER)  # after the route's name and dates
    assert "&lt;Site&gt; {{ 7*7 }} visited while closed" in page


def test_a_checked_plan_carries_no_warning(exported: dict[str, Path]) -> None:
    """Tests that the exports of a checked plan have no warning anywhere."""
    for name in ("agenda.xlsx", "costs.xlsx"):
        book = openpyxl.load_workbook(exported[name])
        assert "NOT CHECKED" not in book.sheetnames
    assert "NOT CHECKED" not in exported["map.html"].read_text(encoding="utf-8")
    text = "".join(p.extract_text() for p in PdfReader(exported["agenda.pdf"]).pages)
    assert "NOT CHECKED" not in text
    for name in ("route.ics", "agenda.html"):
        assert "NOT CHECKED" not in exported[name].read_text(encoding="utf-8")
    assert json.dumps(FAILURES)  # the fixture's failures are plain text
