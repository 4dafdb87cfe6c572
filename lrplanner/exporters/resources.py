"""Where the exporters find their bundled files (fonts, Leaflet, basemap)."""

from __future__ import annotations

from lrplanner.appfiles import RESOURCES_ENV, resources_dir

__all__ = ["RESOURCES_ENV", "resources_dir"]
