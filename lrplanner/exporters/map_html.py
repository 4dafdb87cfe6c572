"""``map.html``: the route by day on an offline map (folium + vendored Leaflet).

One layer per day in its own colour: travel legs (flights dashed), numbered
stops in visiting order, the overnight place. Country outlines shipped with
the app are drawn underneath, so the map shows its markers and lines with no
internet; an online OpenStreetMap layer can be switched on when connected.
Every user text is HTML-escaped once, here, and handed to Leaflet as a JSON
string or put into the page through :class:`StaticHtml`: no user text is ever
part of a Jinja2 template's source.
"""

from __future__ import annotations

import itertools
import json
from typing import TYPE_CHECKING, Any

from branca.element import Element, Figure, MacroElement
from jinja2 import Template

from lrplanner.core.atomic import atomic_write_text
from lrplanner.core.locations import location_name, location_point
from lrplanner.core.places import TravelMode
from lrplanner.core.plan import EventKind
from lrplanner.exporters.agenda_rows import check_banner, day_title
from lrplanner.exporters.map_assets import country_outlines, inline_assets
from lrplanner.exporters.map_layers import Stop, day_path, html_text, visit_popup

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    import folium

    from lrplanner.core.plan import DayPlan, Itinerary
    from lrplanner.core.project import Project

DAY_COLOURS = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#17becf",
    "#8c564b",
    "#e377c2",
    "#bcbd22",
    "#7f7f7f",
)
PAGE_STYLE = """<style>
html .leaflet-container { background: #b9d7ea; }
.lr-stop { width: 24px; height: 24px; border-radius: 12px; color: #fff;
  font: bold 12px/24px sans-serif; text-align: center; border: 2px solid #fff;
  box-shadow: 0 0 3px #333; }
.lr-night { width: 20px; height: 20px; background: #fff; border: 3px solid;
  border-radius: 3px; font: bold 13px/20px sans-serif; text-align: center; }
.lr-legend { position: fixed; bottom: 26px; right: 10px; z-index: 1000;
  background: #fff; padding: 8px 10px; border-radius: 4px;
  box-shadow: 0 0 6px rgba(0,0,0,.3); font: 12px sans-serif; max-width: 300px; }
.lr-alert { color: #c0392b; }
.lr-legend i { display: inline-block; width: 22px; margin-right: 6px;
  vertical-align: middle; }
</style>"""


class BindText(MacroElement):
    """Bind a popup or tooltip to its parent, the content given as a JSON string."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "{{ this._parent.get_name() }}.bind{{ this.kind }}("
        "{{ this.content_js }}, {{ this.options|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, kind: str, content: str, **options: Any) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "BindText"
        self.kind = kind
        self.content = content
        self.content_js = js_string(content)
        self.options = options


def js_string(text: str) -> str:
    """Return ``text`` as a JavaScript string literal safe inside a page.

    Beyond JSON: ``< > &`` cannot end the script block, and braces cannot
    start a Jinja2 tag when branca compiles the script a second time.
    """
    literal = json.dumps(text)
    for char in "<>&{}%#'":
        literal = literal.replace(char, f"\\u{ord(char):04x}")
    return literal


class StaticHtml(Element):
    """Markup put into the page as it is, never compiled as a template.

    branca's ``Element(template=...)`` compiles its argument with Jinja2, so
    text with ``{{ }}`` or ``{%`` in it would run as template code. Here the
    template is fixed and the markup is data: ``{{ this.markup }}`` prints it
    verbatim (Jinja2 does not re-evaluate what a variable holds).
    """

    _template = Template("{{ this.markup }}")

    def __init__(self, markup: str) -> None:
        super().__init__()
        self._name = "StaticHtml"
        self.markup = markup


def attach(parent: Element, child: Element) -> None:
    """Add a child element to a branca element."""
    parent.add_child(child)


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

    fmap = folium.Map(tiles=None, control_scale=True, prefer_canvas=False)
    folium.GeoJson(
        country_outlines(),
        name="Countries (offline)",
        style_function=_country_style,
        control=False,
    ).add_to(fmap)
    folium.TileLayer(
        "OpenStreetMap", name="OpenStreetMap (online)", overlay=True, show=False
    ).add_to(fmap)
    points = draw_days(fmap, project, itinerary)
    folium.LayerControl(collapsed=False).add_to(fmap)
    if points:
        # Keep the route clear of the layer list (top right) and the legend
        # (bottom right): reserve a column on the right.
        fmap.fit_bounds(
            _bounds(points),
            padding_top_left=(40, 40),
            padding_bottom_right=(360, 40),
            max_zoom=12,
        )
    root = fmap.get_root()
    assert isinstance(root, Figure)
    attach(root.header, StaticHtml(PAGE_STYLE))
    attach(root.html, StaticHtml(legend_html(project, itinerary, check_failures)))
    return fmap


def draw_days(
    fmap: folium.Map, project: Project, itinerary: Itinerary
) -> list[tuple[float, float]]:
    """Draw one layer per day; return every point drawn (for the map bounds)."""
    import folium

    points: list[tuple[float, float]] = []
    number = 0
    start = location_point(project, project.route.start_place)
    for index, day in enumerate(itinerary.days):
        colour = DAY_COLOURS[index % len(DAY_COLOURS)]
        layer = folium.FeatureGroup(name=_layer_name(index, day, colour))
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
    layer: folium.FeatureGroup,
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
            _stop_marker(project, stop, number, colour).add_to(layer)
    if day.overnight is not None:
        _overnight_marker(project, day, colour).add_to(layer)
    return number


def _stop_marker(
    project: Project, stop: Stop, number: int, colour: str
) -> folium.Marker:
    import folium

    icon = folium.DivIcon(
        html=f'<div class="lr-stop" style="background:{colour}">{number}</div>',
        icon_size=(28, 28),
        icon_anchor=(14, 14),
    )
    marker = folium.Marker(stop.point, icon=icon, z_index_offset=1000)
    assert stop.event is not None
    popup, name = visit_popup(project, stop.event)
    attach(marker, BindText("Popup", popup, maxWidth=340))
    attach(marker, BindText("Tooltip", f"{number}. {html_text(name)}"))
    return marker


def _overnight_marker(project: Project, day: DayPlan, colour: str) -> folium.Marker:
    import folium

    assert day.overnight is not None
    name = html_text(location_name(project, day.overnight))
    icon = folium.DivIcon(
        html=f'<div class="lr-night" style="border-color:{colour}">&#8962;</div>',
        icon_size=(26, 26),
        icon_anchor=(13, 13),
    )
    point = location_point(project, day.overnight)
    # Under the numbered stops: a visit in the same town must stay readable.
    marker = folium.Marker(point, icon=icon, z_index_offset=-1000)
    text = f"<b>Overnight</b>: {name}<br>night of {html_text(day_title(day))}"
    attach(marker, BindText("Popup", text))
    attach(marker, BindText("Tooltip", f"Overnight: {name}"))
    return marker


def legend_html(
    project: Project, itinerary: Itinerary, check_failures: Sequence[str] = ()
) -> str:
    """Return the fixed legend: route name, day colours, symbols.

    A plan that fails the check gets a red warning and its broken rules first.
    """
    rows = []
    if check_failures:
        rows.append(
            f'<b class="lr-alert">{html_text(check_banner(check_failures))}</b>'
        )
        rows += [
            f'<span class="lr-alert">{html_text(f)}</span>' for f in check_failures
        ]
    rows.append(f"<b>{html_text(project.route.name)}</b>")
    for index, day in enumerate(itinerary.days):
        colour = DAY_COLOURS[index % len(DAY_COLOURS)]
        line = f'<i style="border-top:4px solid {colour}"></i>'
        rows.append(f"{line}Day {index + 1}: {html_text(day_title(day))}")
    rows += [
        '<i style="border-top:3px solid #555"></i>road / boat / train',
        '<i style="border-top:3px dashed #555"></i>flight',
        '<i><span class="lr-stop" style="display:inline-block;width:16px;'
        'height:16px;line-height:16px;font-size:10px;background:#555">1</span>'
        "</i>visit, in visiting order",
        "<i>&#8962;</i>overnight",
    ]
    return '<div class="lr-legend">' + "<br>".join(rows) + "</div>"
