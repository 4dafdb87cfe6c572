"""The map's markers: numbered stops, overnights, town names and the clusters.

Stops that overlap on screen are gathered by Leaflet.markercluster (vendored,
inlined like Leaflet) into one pill that lists their numbers (``7 8 ⌂2``:
visits 7 and 8 and two nights); a click spreads them around the spot. Every
day's markers and lines live in a sub-group of the one cluster group, so
stops of different days that share a town cluster too, and the layer list
still switches each day on and off. Town names are permanent tooltips of
their own layer, never clustered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lrplanner.core.locations import location_name, location_point
from lrplanner.exporters.agenda_rows import day_title
from lrplanner.exporters.map_elements import BindText, attach
from lrplanner.exporters.map_layers import html_text, visit_popup

if TYPE_CHECKING:
    import folium
    from folium.plugins import MarkerCluster

    from lrplanner.core.ids import PlaceId
    from lrplanner.core.plan import DayPlan, Itinerary
    from lrplanner.core.project import Project
    from lrplanner.exporters.map_layers import Stop

# Town names go in a pane under the markers (Leaflet's markerPane is at 600,
# its tooltipPane at 650): a label never hides a stop or a cluster.
TOWN_PANE = "lr-towns"
TOWN_PANE_SCRIPT = f"""{{
  map.createPane("{TOWN_PANE}").style.zIndex = 550;
}}"""
# Only markers that really overlap (24 px icons) are gathered.
CLUSTER_RADIUS_PX = 26
# The pill: visit numbers as ranges ("3-5 8"), then the nights ("⌂2").
# Fixed code: it reads only the numbers the markers carry (lrStop).
CLUSTER_ICON = """function (cluster) {
  var stops = [], nights = 0, parts = [];
  cluster.getAllChildMarkers().forEach(function (marker) {
    if (marker.options.lrStop) { stops.push(marker.options.lrStop); }
    else { nights += 1; }
  });
  stops.sort(function (a, b) { return a - b; });
  for (var i = 0; i < stops.length; i += 1) {
    var j = i;
    while (j + 1 < stops.length && stops[j + 1] === stops[j] + 1) { j += 1; }
    parts.push(j > i + 1 ? stops[i] + "\\u2013" + stops[j] : String(stops[i]));
    if (j === i + 1) { parts.push(String(stops[j])); }
    i = j;
  }
  if (nights) { parts.push("\\u2302" + (nights > 1 ? nights : "")); }
  var text = parts.join(" ");
  return L.divIcon({
    html: '<div class="lr-cluster">' + text + "</div>",
    className: "lr-cluster-icon",
    iconSize: [12 + 7 * text.length, 24]
  });
}"""


def cluster_group() -> MarkerCluster:
    """Return the one cluster group every day's sub-group joins."""
    from folium.plugins import MarkerCluster

    return MarkerCluster(  # type: ignore[no-untyped-call]
        control=False,
        icon_create_function=CLUSTER_ICON,
        max_cluster_radius=CLUSTER_RADIUS_PX,
        show_coverage_on_hover=False,
        spiderfy_on_every_zoom=True,
        spiderfy_distance_multiplier=1.4,
    )


def stop_marker(
    project: Project, stop: Stop, number: int, colour: str
) -> folium.Marker:
    """Return a visit's numbered marker with its popup and tooltip."""
    import folium

    icon = folium.DivIcon(
        html=f'<div class="lr-stop" style="background:{colour}">{number}</div>',
        icon_size=(28, 28),
        icon_anchor=(14, 14),
    )
    marker = folium.Marker(stop.point, icon=icon, z_index_offset=1000, lr_stop=number)
    assert stop.event is not None
    popup, name = visit_popup(project, stop.event)
    attach(marker, BindText("Popup", popup, maxWidth=340))
    attach(marker, BindText("Tooltip", f"{number}. {html_text(name)}"))
    return marker


def overnight_marker(project: Project, day: DayPlan, colour: str) -> folium.Marker:
    """Return the marker of where the group sleeps after ``day``."""
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


def route_towns(project: Project, itinerary: Itinerary) -> list[PlaceId]:
    """Return the places the route uses, once each: start, overnights, end."""
    towns = [project.route.start_place, *itinerary.overnights()]
    towns.append(project.route.end_place)
    return list(dict.fromkeys(t for t in towns if t is not None))


def town_labels(project: Project, itinerary: Itinerary) -> folium.FeatureGroup:
    """Return the layer of town names: a dot and a permanent label per town.

    The labels' pane must exist first: see :data:`TOWN_PANE_SCRIPT`.
    """
    import folium

    layer = folium.FeatureGroup(name="Town names")
    for town in route_towns(project, itinerary):
        dot = folium.CircleMarker(
            location_point(project, town),
            radius=3,
            color="#333",
            weight=1,
            fill=True,
            fill_color="#fff",
            fill_opacity=1,
            interactive=False,
        )
        label = html_text(location_name(project, town))
        attach(
            dot,
            BindText(
                "Tooltip",
                label,
                permanent=True,
                direction="bottom",
                offset=[0, 12],
                className="lr-town",
                pane=TOWN_PANE,
            ),
        )
        dot.add_to(layer)
    return layer
