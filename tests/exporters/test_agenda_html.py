"""Tests for agenda.html: the agenda's rows, self-contained, user text escaped once."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from lrplanner.exporters.agenda_html import agenda_page
from lrplanner.exporters.agenda_rows import OVERNIGHT, check_banner, day_rows, day_title

if TYPE_CHECKING:
    from pathlib import Path

    from tests.exporters.fixtures import Plan

HOSTILE = "<script>alert(1)</script> & {{ 7*7 }} \"q\" 'a' &amp;"


class _Page(HTMLParser):
    """Collects the page's visible text, tags and attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self._skip = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs
        self._skip = tag in {"style", "title"}
        if tag in {"br", "li", "div", "h2"}:
            self.text.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self._skip = False

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def _read(markup: str) -> _Page:
    page = _Page()
    page.feed(markup)
    page.close()
    return page


def _lines(page: _Page) -> list[str]:
    return [ln.strip() for ln in "".join(page.text).split("\n") if ln.strip()]


def test_every_day_shows_the_agenda_rows(plan: Plan, exported: dict[str, Path]) -> None:
    """Tests that the page has each day's title and every text of its agenda
    rows (the rows agenda.xlsx and agenda.pdf print), in order."""
    lines = _lines(_read(exported["agenda.html"].read_text(encoding="utf-8")))
    text = "\n".join(lines)
    position = 0
    for day in plan.itinerary.days:
        position = text.index(day_title(day), position)
        for row in day_rows(plan.project, day):
            for cell in row.cells():
                for part in (p for p in cell.split("\n") if p):
                    assert part in text[position:], part
            start = text.find(row.activity, position)
            assert start >= 0, row.activity
            if row.kind != OVERNIGHT:
                position = start


def test_page_is_self_contained(exported: dict[str, Path]) -> None:
    """Tests that the page loads nothing: no script, no external reference, a
    policy that forbids any, and a phone viewport."""
    markup = exported["agenda.html"].read_text(encoding="utf-8")
    page = _read(markup)
    assert "script" not in page.tags
    assert not {"img", "link", "iframe", "object"} & set(page.tags)
    links = [value for name, value in page.attrs if name in {"href", "src"}]
    assert links
    assert all(str(v).startswith("#day-") for v in links)
    assert not re.search(r"https?://|url\(|@import", markup)
    assert "default-src 'none'" in markup
    assert 'name="viewport"' in markup


def test_failing_plan_warns_first_and_on_every_day(plan: Plan) -> None:
    """Tests that the NOT CHECKED warning opens the page with the broken rules
    and heads every day."""
    failures = ("2027-01-12: no lunch", "2027-01-13: <Site> {{ 7*7 }} closed")
    markup = agenda_page(plan.project, plan.itinerary, failures)
    lines = _lines(_read(markup))
    banner = check_banner(failures)
    assert lines.index(banner) < lines.index(failures[0]) < lines.index(failures[1])
    assert lines.index(banner) < lines.index(
        next(ln for ln in lines if ln.startswith("Day 1 of"))
    )
    assert lines.count(banner) == 1 + len(plan.itinerary.days)
    assert "&lt;Site&gt; {{ 7*7 }} closed" in markup
    assert check_banner(()) not in agenda_page(plan.project, plan.itinerary)


def test_user_text_is_escaped_exactly_once(plan: Plan) -> None:
    """Tests that markup, ampersands, quotes and template syntax in a route,
    site, host and champion come back literally: no live tag, no double
    escaping (no ``&amp;lt;`` shown to the reader)."""
    project = plan.project
    visited = {e.site for d in plan.itinerary.days for e in d.visits()}
    sites = tuple(
        replace(s, name=f"{HOSTILE} {s.name}", host=f"{HOSTILE} host")
        if s.id in visited
        else s
        for s in project.sites
    )
    champions = tuple(replace(c, name=f"{HOSTILE} {c.name}") for c in project.champions)
    route = replace(project.route, name=f"{HOSTILE} route")
    hostile = replace(project, route=route, sites=sites, champions=champions)
    markup = agenda_page(hostile, plan.itinerary)
    page = _read(markup)
    assert page.tags.count("script") == 0
    text = "".join(page.text)
    assert f"{HOSTILE} route" in text
    assert f"{HOSTILE} host" in text
    assert any(f"{HOSTILE} {c.name}" in text for c in project.champions)
    assert "&lt;script&gt;" not in text  # escaped once: the reader sees "<script>"
    assert "&amp;lt;" not in markup
    assert "<script>" not in markup


def test_a_visits_focus_and_interpretation_sit_under_its_title(plan: Plan) -> None:
    """Tests that the lines under a visit's title are labelled details, not
    part of the bold title (HTML) and not bold (PDF)."""
    from lrplanner.exporters.agenda_pdf import _table_row
    from lrplanner.exporters.agenda_rows import activity_lines

    site = plan.project.sites[0]
    focused = replace(site, focus="how the savings group keeps its <books>")
    project = plan.project.with_changes(sites=(focused, *plan.project.sites[1:]))
    days = [day_rows(project, day) for day in plan.itinerary.days]
    rows = [r for day in days for r in day if "\nLearning focus: " in r.activity]
    assert rows, "the first site is visited"
    page = agenda_page(project, plan.itinerary)
    title, under = activity_lines(rows[0].activity)
    assert "\n" not in title
    assert under[0] == ("Learning focus", "how the savings group keeps its <books>")
    assert (
        '<div class="detail"><b>Learning focus:</b> how the savings group keeps '
        "its &lt;books&gt;</div>"
    ) in page
    activity = re.findall(r'<div class="activity">(.*?)</div>', page)
    assert not any("Learning focus" in a for a in activity)
    pdf = _table_row(rows[0], _styles())[1]
    assert isinstance(pdf, Paragraph)
    bold, _, after = pdf.text.partition("</b>")
    assert "Learning focus" not in bold
    assert "<i>Learning focus:</i> how the savings group" in after


def _styles() -> dict[str, ParagraphStyle]:
    return {"body": ParagraphStyle("body"), "small": ParagraphStyle("small")}
