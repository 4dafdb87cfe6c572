"""Tests of agenda.pdf's overview page: facts, days at a glance, map thumbnail."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import pytest
from pypdf import PdfReader
from reportlab.lib import colors

from lrplanner.core.locations import location_point
from lrplanner.core.places import TravelMode
from lrplanner.exporters.agenda_pdf import write_agenda_pdf
from lrplanner.exporters.agenda_rows import day_title
from lrplanner.exporters.map_palette import DAY_COLOURS, day_colour
from lrplanner.exporters.map_thumbnail import (
    fit_view,
    label_boxes,
    scale_km,
    thumbnail,
)
from lrplanner.exporters.pdf_overview import glance_lines, route_countries
from tests.exporters.fixtures import Plan, make_plan, sample_project

if TYPE_CHECKING:
    from pathlib import Path

NEPALI_TOWN = "धुलिखेल"  # Dhulikhel


def _overview(path: Path) -> str:
    page = PdfReader(path).pages[0]
    return " ".join(unicodedata.normalize("NFKC", page.extract_text()).split())


def _stroke_colours(path: Path) -> list[tuple[float, ...]]:
    """Return the stroke colours (``RG`` operators) on the PDF's first page."""
    data = PdfReader(path).pages[0].get_contents()
    assert data is not None
    found = re.findall(rb"([\d.]+) ([\d.]+) ([\d.]+) RG", data.get_data())
    return [tuple(float(v) for v in rgb) for rgb in found]


def test_overview_names_the_route_and_every_day(
    exported: dict[str, Path], plan: Plan
) -> None:
    """Tests that page 1 has the route, its dates and countries, and for every
    day its date, where it starts and sleeps, its visits and travel."""
    text = _overview(exported["agenda.pdf"])
    project = plan.project
    assert text.startswith(project.route.name)
    assert "Sun 10 Jan 2027 \u2013 Wed 13 Jan 2027 · 4 days · Nepal, Bangladesh" in text
    for number, day in enumerate(plan.itinerary.days, start=1):
        assert f"{number}. {day_title(day)}" in text
        for visit in day.visits():
            assert visit.site is not None
            assert project.site_by_id[visit.site].name in text
    assert "Kathmandu to Dhulikhel (Kavrepalanchok)" in text
    assert "Dhaka (route ends)" in text
    assert "road 2 h 25 min · flight 2 h 10 min" in text
    assert "Page 1 of 5" in text


def test_glance_lines_follow_the_plan(plan: Plan) -> None:
    """Tests the day lines: start at the last night's place, visits in order,
    travel minutes summed per mode."""
    lines = glance_lines(plan.project, plan.itinerary)
    assert len(lines) == len(plan.itinerary.days)
    assert lines[1][1] == "Dhulikhel (Kavrepalanchok) → Taulihawa (Kapilvastu)"
    assert lines[1][2] == (
        "Banganga community goat resource centre; "
        "Kapilvastu women's agricultural cooperative"
    )
    day = plan.itinerary.days[1]
    flights = sum(e.minutes for e in day.events if e.mode is TravelMode.FLIGHT)
    assert f"flight {flights // 60} h {flights % 60} min" in lines[1][3]
    assert route_countries(plan.project, plan.itinerary) == ["NP", "BD"]


def test_thumbnail_days_in_the_map_colours(plan: Plan) -> None:
    """Tests that each day is drawn in map.html's colour for it, its legs
    joining in day order, flights dashed, every point inside the frame."""
    art = thumbnail(plan.project, plan.itinerary, 300.0, 200.0)
    assert [d.colour for d in art.days] == [day_colour(i) for i in range(4)]
    for before, after in zip(art.days, art.days[1:], strict=False):
        if before.legs and after.legs:
            assert before.legs[-1][1] == after.legs[0][0]
    dashed = [leg for day in art.days for leg in day.legs if leg[2]]
    flights = [
        e for d in plan.itinerary.days for e in d.events if e.mode is TravelMode.FLIGHT
    ]
    assert len(dashed) == len(flights) == 3
    points = [p for d in art.days for leg in d.legs for p in leg[:2]]
    points += [t.at for t in art.towns]
    assert all(0 < x < 300 and 0 < y < 200 for x, y in points)


def test_thumbnail_labels_every_overnight_place(plan: Plan) -> None:
    """Tests that the start, each overnight place and the end are labelled dots
    at their projected coordinates."""
    project = plan.project
    art = thumbnail(project, plan.itinerary, 300.0, 200.0)
    ids = [project.route.start_place, *plan.itinerary.overnights()]
    expected = [p for p in dict.fromkeys([*ids, project.route.end_place]) if p]
    assert [t.name for t in art.towns] == [
        project.place_by_id[p].name for p in expected
    ]
    for town, place in zip(art.towns, expected, strict=True):
        assert town.at == art.view.xy(location_point(project, place))


def test_projection_keeps_north_up_and_east_right() -> None:
    """Tests the equirectangular view: Dhaka is right of and below Kathmandu,
    one degree of latitude is as long as one of longitude times its cosine."""
    kathmandu, dhaka = (27.7172, 85.3240), (23.8103, 90.4125)
    view = fit_view([kathmandu, dhaka], 400.0, 300.0)
    (kx, ky), (dx, dy) = view.xy(kathmandu), view.xy(dhaka)
    assert dx > kx
    assert dy < ky
    assert (dx - kx) / (ky - dy) == pytest.approx(
        (90.4125 - 85.3240) * view.cos / (27.7172 - 23.8103)
    )
    assert scale_km(view) in {100, 200, 500}


def test_labels_do_not_overlap_when_there_is_room() -> None:
    """Tests that two close towns' labels are placed apart."""
    boxes = label_boxes([(100.0, 100.0), (108.0, 101.0)], [(60.0, 9.0)] * 2, (300, 200))
    (l1, b1, w1, h1), (l2, b2, w2, h2) = boxes
    assert l1 >= l2 + w2 or l2 >= l1 + w1 or b1 >= b2 + h2 or b2 >= b1 + h1


def test_thumbnail_lines_are_in_the_day_colours(exported: dict[str, Path]) -> None:
    """Tests that the overview page strokes each day's line in its colour."""
    strokes = _stroke_colours(exported["agenda.pdf"])
    for hex_colour in DAY_COLOURS[:4]:
        want = colors.HexColor(hex_colour).rgb()
        assert any(
            all(abs(a - b) < 0.003 for a, b in zip(want, got, strict=True))
            for got in strokes
        ), hex_colour


def test_overview_fits_one_page_with_long_names(tmp_path: Path) -> None:
    """Tests that very long site names and a town named in Devanagari still give one
    overview page (shrunk), the town label in its Noto font."""
    project = sample_project()
    sites = tuple(replace(s, name=f"{s.name} " * 8) for s in project.sites)
    places = tuple(
        replace(p, name=NEPALI_TOWN) if p.id == "NP-DHK" else p for p in project.places
    )
    long = make_plan(project.with_changes(sites=sites, places=places))
    write_agenda_pdf(long.project, long.itinerary, tmp_path / "a.pdf")
    reader = PdfReader(tmp_path / "a.pdf")
    assert len(reader.pages) == len(long.itinerary.days) + 1
    resources: Any = reader.pages[0]["/Resources"]
    fonts = {
        str(f.get_object()["/BaseFont"]).split("+")[-1]
        for f in resources["/Font"].values()
    }
    assert any(name.startswith("NotoSansDevanagari") for name in fonts)
