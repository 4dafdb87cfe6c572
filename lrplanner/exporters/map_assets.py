"""Offline assets of the map: vendored Leaflet and plugins, the country outlines.

folium links Leaflet, its plugins (and jQuery, Bootstrap, Font Awesome) from
CDNs, which a logistics officer in the field cannot reach. The map only needs
Leaflet, Leaflet.markercluster and Leaflet.FeatureGroup.SubGroup, so
:func:`inline_assets` replaces their ``<script src>`` and ``<link href>`` with
the vendored files' contents (:data:`VENDORED`) and drops every other remote
script and stylesheet. Nothing the map draws depends on them: markers use
``DivIcon`` and popups are bound with plain Leaflet calls.
"""

from __future__ import annotations

import base64
import functools
import json
import re
from typing import Any

from lrplanner.appfiles import resources_dir

SCRIPT_SRC = re.compile(r'<script\s+src="([^"]+)"\s*>\s*</script>\s*', re.IGNORECASE)
CSS_IMAGE = re.compile(r"url\(images/([\w.-]+\.png)\)")
STYLESHEET = re.compile(
    r'<link\s+rel="stylesheet"\s+href="([^"]+)"\s*/?>\s*', re.IGNORECASE
)
SOURCE_MAP = re.compile(r"^//# sourceMappingURL=\S+\s*$", re.MULTILINE)
# The file name folium links -> the vendored copy under resources/.
# MarkerCluster.Default.css is left out: the map styles its own clusters.
VENDORED = {
    "leaflet.js": "leaflet/leaflet.js",
    "leaflet.markercluster.js": "markercluster/leaflet.markercluster.js",
    "leaflet.featuregroup.subgroup.js": "subgroup/leaflet.featuregroup.subgroup.js",
    "MarkerCluster.css": "markercluster/MarkerCluster.css",
}


@functools.cache
def _read(name: str) -> str:
    return (resources_dir() / name).read_text(encoding="utf-8")


def leaflet_js() -> str:
    """Return the vendored Leaflet JavaScript."""
    return _read("leaflet/leaflet.js")


@functools.cache
def leaflet_css() -> str:
    """Return the vendored Leaflet stylesheet, its images as data URIs."""
    images = resources_dir() / "leaflet" / "images"

    def data_uri(match: re.Match[str]) -> str:
        png = (images / match.group(1)).read_bytes()
        return f"url(data:image/png;base64,{base64.b64encode(png).decode()})"

    return CSS_IMAGE.sub(data_uri, _read("leaflet/leaflet.css"))


def country_outlines() -> dict[str, Any]:
    """Return the Asia-Pacific country outlines as a GeoJSON mapping."""
    data: dict[str, Any] = json.loads(_read("basemap/asia_pacific.geojson"))
    return data


def vendored_js(name: str) -> str:
    """Return a vendored script by the file name folium links, source map cut."""
    return SOURCE_MAP.sub("", _read(VENDORED[name]))


def _inline_script(match: re.Match[str]) -> str:
    name = match.group(1).rsplit("/", 1)[-1]
    if name in VENDORED:
        # "</script" inside the library would end the inline block early.
        code = vendored_js(name).replace("</script", "<\\/script")
        return f"<script>{code}</script>\n"
    return ""


def _inline_style(match: re.Match[str]) -> str:
    name = match.group(1).rsplit("/", 1)[-1]
    if name == "leaflet.css":
        return f"<style>{leaflet_css()}</style>\n"
    if name in VENDORED:
        return f"<style>{_read(VENDORED[name])}</style>\n"
    return ""


def inline_assets(html: str) -> str:
    """Return folium's page with Leaflet and its plugins inlined, other remote
    assets removed."""
    html = SCRIPT_SRC.sub(_inline_script, html)
    return STYLESHEET.sub(_inline_style, html)
