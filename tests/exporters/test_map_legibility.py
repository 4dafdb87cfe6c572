"""Tests of the map's legibility: day colours, legend corner, town names, clusters."""

from __future__ import annotations

import itertools
import json
import math
import re
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

import pytest

from lrplanner.core.ids import PlaceId, SiteId
from lrplanner.core.plan import DayPlan, Itinerary
from lrplanner.exporters.map_assets import VENDORED, leaflet_css, vendored_js
from lrplanner.exporters.map_html import write_map_html
from lrplanner.exporters.map_layers import html_text
from lrplanner.exporters.map_palette import DAY_COLOURS
from tests.exporters.fixtures import make_plan, sample_project

if TYPE_CHECKING:
    from pathlib import Path

    from lrplanner.core.project import Project

NIGHTS = ("NP-DHK", "NP-PKR", "NP-BRT", "NP-TLH", "BD-KHL", "BD-SYL", "BD-RAJ")
HOSTILE_TOWN = '<img src=x onerror=alert(1)>{{ 7*7 }} "Pokhara"'


def long_route(days: int) -> Itinerary:
    """Return a route of ``days`` days, a night in a different town each time."""
    first = sample_project().route.start_date
    return Itinerary(
        days=tuple(
            DayPlan(
                day=first + timedelta(days=i),
                overnight=PlaceId(NIGHTS[i % len(NIGHTS)]) if i < days - 1 else None,
            )
            for i in range(days)
        )
    )


def write(project: Project, itinerary: Itinerary, tmp_path: Path) -> str:
    """Write the map; return the page."""
    path = tmp_path / "map.html"
    write_map_html(project, itinerary, path)
    return path.read_text(encoding="utf-8")


def bound(page: str, kind: str) -> list[tuple[str, dict[str, object]]]:
    """Return every bound tooltip or popup of a kind: its text and options."""
    call = re.compile(rf"\.bind{kind}\((\"(?:[^\"\\]|\\.)*\"), (\{{[^}}]*\}})\);")
    return [(json.loads(m[1]), json.loads(m[2])) for m in call.finditer(page)]


def js_object(text: str) -> dict[str, object]:
    """Return a JavaScript object literal folium wrote (JSON, trailing commas)."""
    parsed: dict[str, object] = json.loads(re.sub(r",\s*\}", "}", text))
    return parsed


def lab(colour: str) -> tuple[float, float, float]:
    """Return a #rrggbb colour in CIELAB (D65)."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


@pytest.fixture(scope="module")
def long_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Return the map of a 21-day route."""
    return write(sample_project(), long_route(21), tmp_path_factory.mktemp("map21"))


def test_21_days_get_21_distinct_colours(long_page: str) -> None:
    """Tests that each day of a 21-day route has its own colour, in the layer
    list, on its lines and markers, and in the legend."""
    names = re.findall(r'\\u003cspan style=\\"color:(#[0-9a-f]{6})\\"', long_page)
    assert len(names) == 21
    assert len(set(names)) == 21
    legend = re.findall(r'<i style="border-top:4px solid (#[0-9a-f]{6})">', long_page)
    assert legend == names
    lines = re.findall(r'"color": "(#[0-9a-f]{6})"', long_page)
    assert set(lines) >= set(names[:20])  # the last day ends where it starts
    nights = re.findall(r'lr-night\\" style=\\"border-color:(#[0-9a-f]{6})', long_page)
    assert nights == names[:20]
    assert long_page.count("L.featureGroup.subGroup(") == 21


def test_palette_colours_are_far_apart() -> None:
    """Tests that the 24 day colours differ pairwise by a CIE76 distance of 20+."""
    assert len(DAY_COLOURS) == 24
    closest = min(
        math.dist(lab(a), lab(b)) for a, b in itertools.combinations(DAY_COLOURS, 2)
    )
    assert closest > 20


def test_long_legend_in_two_columns(long_page: str) -> None:
    """Tests that 21 days are listed in two columns in a scrolling legend."""
    assert '<div class="lr-days lr-days-2">' in long_page
    assert "max-height: calc(100vh - 140px); overflow-y: auto;" in long_page
    assert "Day 21: Sat 30 Jan</div>" in long_page


def test_legend_and_layer_list_in_other_corners(long_page: str) -> None:
    """Tests that the layer list is top right and the legend a foldable,
    open Leaflet control bottom left (stacked above the scale bar)."""
    layers = re.search(
        r"L\.control\.layers\([^;]*?(\{[^{}]*\"position\"[^{}]*\})", long_page, re.S
    )
    assert layers is not None
    assert js_object(layers[1])["position"] == "topright"
    assert '<details id="lr-legend" class="lr-legend" open><summary>' in long_page
    assert 'L.control({position: "bottomleft"})' in long_page
    assert long_page.index("L.control.scale()") < long_page.index(
        'L.control({position: "bottomleft"})'
    )
    assert ".lr-legend { position: fixed" not in long_page


def test_towns_the_route_uses_are_labelled(long_page: str) -> None:
    """Tests that the start, every overnight town and the end carry one
    permanent label each, in the labels' pane under the markers."""
    project = sample_project()
    labels = [
        (text, options)
        for text, options in bound(long_page, "Tooltip")
        if options.get("permanent")
    ]
    names = {p.id: p.name for p in project.places}
    expected = ["NP-KTM", *NIGHTS, "BD-DAC"]
    assert [text for text, _ in labels] == [
        html_text(names[PlaceId(t)]) for t in expected
    ]
    assert {json.dumps(o, sort_keys=True) for _, o in labels} == {
        json.dumps(
            {
                "className": "lr-town",
                "direction": "bottom",
                "offset": [0, 12],
                "pane": "lr-towns",
                "permanent": True,
            },
            sort_keys=True,
        )
    }
    assert 'map.createPane("lr-towns").style.zIndex = 550;' in long_page
    assert "Town names" in long_page


def test_town_labels_are_escaped(tmp_path: Path) -> None:
    """Tests that a hostile town name is a label as text: no tag, no template."""
    project = sample_project()
    places = tuple(
        replace(p, name=HOSTILE_TOWN) if p.id == PlaceId("NP-PKR") else p
        for p in project.places
    )
    page = write(project.with_changes(places=places), long_route(3), tmp_path)
    labels = [t for t, o in bound(page, "Tooltip") if o.get("permanent")]
    assert html_text(HOSTILE_TOWN) in labels
    assert "<img src=x" not in page
    assert "{{ 7*7 }}" not in page
    assert "49" not in "".join(labels)


def test_no_network_url_outside_the_online_layer(long_page: str) -> None:
    """Tests that, the vendored libraries aside (their licence comments), the
    only URLs are the OpenStreetMap layer's, which is off when the map opens."""
    page = long_page.replace(leaflet_css(), "")
    for name in VENDORED:
        if name.endswith(".js"):
            page = page.replace(vendored_js(name), "")
    urls = set(re.findall(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}[^\s\"'<>)\\]*", page))
    assert urls == {
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        "https://www.openstreetmap.org/copyright",
    }
    osm = re.search(r"var (tile_layer_\w+) = L\.tileLayer\(", page)
    assert osm is not None
    assert f"{osm[1]}.addTo(" not in page
    assert "sourceMappingURL" not in long_page


def test_markercluster_is_inline(long_page: str) -> None:
    """Tests that Leaflet.markercluster and the sub-group plugin are inlined,
    without folium's CDN links or its default cluster colours."""
    assert "L.MarkerClusterGroup=L.FeatureGroup.extend" in long_page
    assert "Leaflet.FeatureGroup.SubGroup 1.0.2" in long_page
    assert ".leaflet-cluster-anim" in long_page
    assert "marker-cluster-small" not in long_page.split("</script>")[-1]
    assert "cdnjs" not in long_page
    assert "unpkg" not in long_page


def test_two_stops_at_one_spot_are_clustered(tmp_path: Path) -> None:
    """Tests that two visits at one spot are markers of the one cluster group
    (through their days' sub-groups), each with its number for the pill."""
    project = sample_project()
    spot = project.site_by_id[SiteId("NP02")]
    sites = tuple(
        replace(s, lat=spot.lat, lon=spot.lon) if s.id == SiteId("NP01") else s
        for s in project.sites
    )
    plan = make_plan(project.with_changes(sites=sites))
    page = write(plan.project, plan.itinerary, tmp_path)
    cluster = re.search(
        r"var (marker_cluster_\w+) = L\.markerClusterGroup\(\s*(\{.*?\})\s*\);",
        page,
        re.S,
    )
    assert cluster is not None
    options = js_object(cluster[2])
    assert options["maxClusterRadius"] == 26
    assert options["spiderfyOnEveryZoom"] is True
    assert f"{cluster[1]}.options.iconCreateFunction" in page
    groups = re.findall(
        rf"var (feature_group_sub_group_\w+) = "
        rf"L\.featureGroup\.subGroup\(\s*{cluster[1]}\s*\)",
        page,
    )
    assert len(groups) == len(plan.itinerary.days)
    at_spot = re.findall(
        r"L\.marker\(\s*\[27\.56, 83\.2\],\s*(\{[^}]*\})\s*\)\.addTo\((\w+)\)", page
    )
    assert sorted(int(str(js_object(o)["lrStop"])) for o, _ in at_spot) == [3, 4]
    assert {g for _, g in at_spot} <= set(groups)
