"""Tests of map.html: offline assets, layers per day, escaped popups."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

import pytest

from lrplanner.core.ids import SiteId
from lrplanner.exporters.map_html import write_map_html
from lrplanner.exporters.map_layers import html_text
from tests.exporters.fixtures import Plan, make_plan, sample_project

if TYPE_CHECKING:
    from pathlib import Path

HOSTILE_NAME = "<script>alert(1)</script>`${x}`"
HOSTILE_HOST = '"onmouseover=alert(2) x="'


@pytest.fixture(scope="module")
def page(exported: dict[str, Path]) -> str:
    """Return the exported map page."""
    return exported["map.html"].read_text(encoding="utf-8")


def unjson(text: str) -> str:
    """Return the page with JSON's \\uXXXX escapes undone."""
    return re.sub(r"\\u([0-9a-f]{4})", lambda m: chr(int(m.group(1), 16)), text)


def test_no_remote_scripts_or_stylesheets(page: str) -> None:
    """Tests that no script src or stylesheet href points at the internet."""
    sources = re.findall(r"<script[^>]*\bsrc=\"([^\"]*)\"", page)
    links = re.findall(r"<link[^>]*\bhref=\"([^\"]*)\"", page)
    assert [s for s in sources + links if s.startswith(("http:", "https:", "//"))] == []
    assert sources == []


def test_leaflet_is_inline(page: str) -> None:
    """Tests that Leaflet 1.9.4's code, CSS and images are inside the page."""
    assert "Leaflet 1.9.4" in page
    assert ".leaflet-container" in page
    assert "url(data:image/png;base64," in page
    assert "jquery" not in page.lower()


def test_one_layer_per_day_and_flights_dashed(page: str) -> None:
    """Tests that each day is a sub-group of the cluster group and the three
    flights are dashed."""
    assert page.count("L.featureGroup.subGroup(") == 4
    assert page.count('"dashArray": "8 8"') == 3
    assert "L.control.layers(" in page
    assert "Day 3: Tue 12 Jan 2027" in page


def test_stops_numbered_in_visiting_order(page: str, plan: Plan) -> None:
    """Tests that visits carry numbers 1..n and the overnights are marked."""
    count = len(plan.itinerary.visited_sites())
    for number in range(1, count + 1):
        assert f'">{number}</div>' in unjson(page)
    assert unjson(page).count("Overnight: ") == 3


def test_every_site_name_and_champion_in_popups(page: str, plan: Plan) -> None:
    """Tests that each visited site's name, host and champion are in the popups."""
    text = unjson(page)
    for site_id in plan.itinerary.visited_sites():
        site = plan.project.site_by_id[site_id]
        assert f"<b>{html_text(site.name)}</b>" in text
        assert f"Host: {html_text(site.host)}" in text
    assert "Champion: Dr. Farhana Yasmin (+880 1713 064 518)" in text
    assert "Mon 11 Jan, 13:30\u201316:30 UTC+05:45" in text


def test_country_outlines_inline(page: str) -> None:
    """Tests that the offline country outlines (Nepal, Bangladesh) are embedded."""
    assert '"name": "Nepal"' in page
    assert '"name": "Bangladesh"' in page


def test_hostile_names_are_escaped(tmp_path: Path) -> None:
    """Tests that a site name with a script tag and quotes cannot run or break out."""
    project = sample_project()
    sites = tuple(
        replace(s, name=HOSTILE_NAME, host=HOSTILE_HOST)
        if s.id == SiteId("NP11")
        else s
        for s in project.sites
    )
    hostile = make_plan(project.with_changes(sites=sites))
    path = tmp_path / "map.html"
    write_map_html(hostile.project, hostile.itinerary, path)
    page = path.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page
    # Braces reach the page only as character references (branca would
    # compile them as a template): "${x}" is shown, never run.
    assert "${x}" not in page
    assert '"onmouseover=' not in page
    assert html_text(HOSTILE_NAME) in unjson(page)
    assert html_text(HOSTILE_HOST) in unjson(page)
