"""``map.html``: the route by day on an offline map (folium + vendored Leaflet).

One layer per day in its own colour (24 distinct colours, ``map_palette``):
travel legs (flights dashed), numbered stops in visiting order, the
overnight place; stops at one spot gathered into a cluster (``map_marks``);
the names of the towns the route uses as permanent labels; a foldable legend
bottom left, clear of the layer list top right (``map_legend``). Country
outlines shipped with the app are drawn underneath, so the map shows its
markers and lines with no internet; an online OpenStreetMap layer can be
switched on when connected. Every user text is HTML-escaped once and handed
to Leaflet as a JSON string or put into the page through
:class:`~lrplanner.exporters.map_elements.StaticHtml`: no user text is ever
part of a Jinja2 template's source.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from branca.element import Figure

from lrplanner.core.atomic import atomic_write_text
from lrplanner.core.locations import location_point
from lrplanner.core.places import TravelMode
from lrplanner.core.plan import EventKind
from lrplanner.exporters.agenda_rows import day_title
from lrplanner.exporters.map_assets import country_outlines, inline_assets
from lrplanner.exporters.map_elements import MapScript, StaticHtml, attach
from lrplanner.exporters.map_layers import day_path, html_text
from lrplanner.exporters.map_legend import (
    LAYERS_POSITION,
    LEGEND_CONTROL,
    PAGE_STYLE,
    legend_html,
)
from lrplanner.exporters.map_marks import (
    TOWN_PANE_SCRIPT,
    cluster_group,
    overnight_marker,
    stop_marker,
    town_labels,
)
from lrplanner.exporters.map_palette import day_colour

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    import folium
    from folium.plugins import FeatureGroupSubGroup

    from lrplanner.core.plan import DayPlan, Itinerary
    from lrplanner.core.project import Project
    from lrplanner.exporters.map_layers import Stop

# Room kept free around the route when the map opens: the legend on the
# left, the layer list on the right.
PADDING_TOP_LEFT = (300, 40)
PADDING_BOTTOM_RIGHT = (230, 40)
MAX_ZOOM = 18


def write_map_html(
    project: Project,
    itinerary: Itinerary,
    path: Path,
    *,
    check_failures: Sequence[str] = (),
) -> None:
    """Write the route map as one self-contained HTML file, atomically.

    Parameters
    ----------
    project
        The inputs (coordinates, names, hosts, champions).
    itinerary
        The plan to draw.
    path
        Where to write ``map.html``; an old file is replaced only on success.
    check_failures
        The hard rules the plan breaks (empty for a checked plan): the
        legend says so in red and lists them.
    """
    fmap = build_map(project, itinerary, check_failures)
    atomic_write_text(path, inline_assets(fmap.get_root().render()))


def build_map(
    project: Project, itinerary: Itinerary, check_failures: Sequence[str] = ()
) -> folium.Map:
    """Return the folium map of a plan (not yet rendered)."""
    import folium  # heavy: imported only when a map is made

    # markercluster needs the map's maximum zoom; folium's max_zoom only
    # reaches tile layers, so it goes in as a Leaflet map option.
    fmap = folium.Map(
        tiles=None, control_scale=True, prefer_canvas=False, maxZoom=MAX_ZOOM
    )
    folium.GeoJson(
        country_outlines(),
        name="Countries (offline)",
        style_function=_country_style,
        control=False,
    ).add_to(fmap)
    folium.TileLayer(
        "OpenStreetMap", name="OpenStreetMap (online)", overlay=True, show=False
    ).add_to(fmap)
    attach(fmap, MapScript(TOWN_PANE_SCRIPT))
    points = draw_days(fmap, project, itinerary)
    town_labels(project, itinerary).add_to(fmap)
    folium.LayerControl(position=LAYERS_POSITION, collapsed=False).add_to(fmap)
    if points:
        fmap.fit_bounds(
            _bounds(points),
            padding_top_left=PADDING_TOP_LEFT,
            padding_bottom_right=PADDING_BOTTOM_RIGHT,
            max_zoom=12,
        )
    root = fmap.get_root()
    assert isinstance(root, Figure)
    attach(root.header, StaticHtml(PAGE_STYLE))
    attach(root.html, StaticHtml(legend_html(project, itinerary, check_failures)))
    # After the scale bar: Leaflet stacks later bottom controls above it.
    attach(fmap, MapScript(LEGEND_CONTROL))
    return fmap


def draw_days(
    fmap: folium.Map, project: Project, itinerary: Itinerary
) -> list[tuple[float, float]]:
    """Draw one layer per day; return every point drawn (for the map bounds).

    Each day is a sub-group of one cluster group, so overlapping stops of
    any days cluster while the layer list still switches days on and off.
    """
    from folium.plugins import FeatureGroupSubGroup

    cluster = cluster_group()
    cluster.add_to(fmap)
    points: list[tuple[float, float]] = []
    number = 0
    start = location_point(project, project.route.start_place)
    for index, day in enumerate(itinerary.days):
        colour = day_colour(index)
        name = _layer_name(index, day, colour)
        layer = FeatureGroupSubGroup(cluster, name=name)  # type: ignore[no-untyped-call]
        layer.add_to(fmap)
        stops = day_path(project, day, start)
        number = _draw_day(project, day, stops, layer, colour, number)
        points.extend(s.point for s in stops)
        start = stops[-1].point if stops else start
    return points


def _country_style(_feature: object) -> dict[str, object]:
    return {"fillColor": "#f3efe6", "color": "#8f8f8f", "weight": 1, "fillOpacity": 1}


def _layer_name(index: int, day: DayPlan, colour: str) -> str:
    swatch = f'<span style="color:{colour}">&#9632;</span>'
    return f"{swatch} Day {index + 1}: {html_text(day_title(day))}"


def _bounds(points: list[tuple[float, float]]) -> list[list[float]]:
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def _draw_day(
    project: Project,
    day: DayPlan,
    stops: list[Stop],
    layer: FeatureGroupSubGroup,
    colour: str,
    number: int,
) -> int:
    """Draw a day's legs, numbered visits and overnight; return the last number."""
    import folium

    for before, after in itertools.pairwise(stops):
        if before.point != after.point:
            dashed = after.mode is TravelMode.FLIGHT
            folium.PolyLine(  # type: ignore[no-untyped-call]
                [before.point, after.point],
                color=colour,
                weight=3 if after.mode else 2,
                opacity=0.9,
                dash_array="8 8" if dashed else None,
            ).add_to(layer)
    for stop in stops:
        if stop.event is not None and stop.event.kind is EventKind.VISIT:
            number += 1
            stop_marker(project, stop, number, colour).add_to(layer)
    if day.overnight is not None:
        overnight_marker(project, day, colour).add_to(layer)
    return number
