"""The map's legend and page style: kept clear of the layer list.

The layer list (Leaflet's layer control) sits top right; the legend is a
Leaflet control bottom left, stacked above the scale bar by Leaflet itself,
so the two never cover each other. The legend is a ``<details>`` element:
a click on its title folds it away (no script), and a long route scrolls
inside it instead of running off the map.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lrplanner.exporters.agenda_rows import check_banner
from lrplanner.exporters.map_layers import html_text
from lrplanner.exporters.map_palette import day_colour

if TYPE_CHECKING:
    from collections.abc import Sequence

    from lrplanner.core.plan import DayPlan, Itinerary
    from lrplanner.core.project import Project

LEGEND_ID = "lr-legend"
LEGEND_POSITION = "bottomleft"
LAYERS_POSITION = "topright"
# More days than this: the legend lists them in two columns.
ONE_COLUMN_DAYS = 12
PAGE_STYLE = """<style>
html .leaflet-container { background: #b9d7ea; }
.leaflet-control-layers { font: 12px/1.4 sans-serif; }
.lr-stop { width: 24px; height: 24px; border-radius: 12px; color: #fff;
  font: bold 12px/24px sans-serif; text-align: center; border: 2px solid #fff;
  box-shadow: 0 0 3px #333; }
.lr-night { width: 20px; height: 20px; background: #fff; border: 3px solid;
  border-radius: 3px; font: bold 13px/20px sans-serif; text-align: center; }
.lr-cluster { height: 20px; border-radius: 12px; background: #333; color: #fff;
  font: bold 12px/20px sans-serif; text-align: center; white-space: nowrap;
  border: 2px solid #fff; box-shadow: 0 0 3px #333; }
.leaflet-tooltip.lr-town { background: rgba(255,255,255,.75); border: 0;
  border-radius: 3px; box-shadow: none; padding: 0 3px;
  font: bold 11px/15px sans-serif; color: #222; }
.leaflet-tooltip.lr-town:before { display: none; }
.lr-dot { display: inline-block; width: 6px; height: 6px; border-radius: 4px;
  border: 1px solid #333; background: #fff; }
.lr-legend { background: #fff; padding: 6px 10px; border-radius: 4px;
  box-shadow: 0 0 6px rgba(0,0,0,.3); font: 12px/1.45 sans-serif;
  max-width: 320px; max-height: calc(100vh - 140px); overflow-y: auto; }
.lr-legend summary { cursor: pointer; }
.lr-days-2 { columns: 2; column-gap: 12px; }
.lr-days div, .lr-symbols div { break-inside: avoid; white-space: nowrap; }
.lr-alert { color: #c0392b; }
.lr-legend i { display: inline-block; width: 28px; margin-right: 6px;
  vertical-align: middle; }
</style>"""
# Turns the legend's markup (already in the page) into a Leaflet control.
LEGEND_CONTROL = f"""{{
  var legend = document.getElementById("{LEGEND_ID}");
  var control = L.control({{position: "{LEGEND_POSITION}"}});
  control.onAdd = function () {{
    L.DomEvent.disableClickPropagation(legend);
    L.DomEvent.disableScrollPropagation(legend);
    return legend;
  }};
  control.addTo(map);
}}"""


def legend_html(
    project: Project, itinerary: Itinerary, check_failures: Sequence[str] = ()
) -> str:
    """Return the legend: route name, day colours, symbols; open, foldable.

    A plan that fails the check gets a red warning in the title (seen even
    when the legend is folded) and its broken rules first.
    """
    title = f"<b>{html_text(project.route.name)}</b>"
    rows = []
    if check_failures:
        title = (
            f'<b class="lr-alert">{html_text(check_banner(check_failures))}</b>'
            f"<br>{title}"
        )
        rows += [f'<div class="lr-alert">{html_text(f)}</div>' for f in check_failures]
    columns = (
        "lr-days lr-days-2" if len(itinerary.days) > ONE_COLUMN_DAYS else "lr-days"
    )
    days = "".join(_day_row(i, day) for i, day in enumerate(itinerary.days))
    rows.append(f'<div class="{columns}">{days}</div>')
    rows.append(f'<div class="lr-symbols">{SYMBOLS}</div>')
    return (
        f'<details id="{LEGEND_ID}" class="lr-legend" open>'
        f"<summary>{title}</summary>{''.join(rows)}</details>"
    )


def _day_row(index: int, day: DayPlan) -> str:
    line = f'<i style="border-top:4px solid {day_colour(index)}"></i>'
    return (
        f"<div>{line}Day {index + 1}: {html_text(day.day.strftime('%a %d %b'))}</div>"
    )


SYMBOLS = "".join(
    f"<div>{row}</div>"
    for row in (
        '<i style="border-top:3px solid #555"></i>road / boat / train',
        '<i style="border-top:3px dashed #555"></i>flight',
        '<i><span class="lr-stop" style="display:inline-block;width:16px;'
        'height:16px;line-height:16px;font-size:10px;background:#555">1</span>'
        "</i>visit, in visiting order",
        "<i>&#8962;</i>overnight",
        '<i><span class="lr-cluster" style="display:inline-block;padding:0 4px;'
        'font-size:10px;line-height:14px;height:14px">3 4</span></i>'
        "stops at one spot: click to spread",
        '<i style="text-align:center"><span class="lr-dot"></span></i>'
        "town on the route",
    )
)
