"""Where the exporters find their bundled files (fonts, Leaflet, basemap)."""

from __future__ import annotations

import os
from pathlib import Path

#: Set to a folder to load resources from elsewhere (e.g. a frozen app bundle).
RESOURCES_ENV = "LRPLANNER_RESOURCES"


def resources_dir() -> Path:
    """Return the folder holding fonts, Leaflet and the basemap.

    ``$LRPLANNER_RESOURCES`` wins; otherwise the repository's ``resources/``.
    """
    override = os.environ.get(RESOURCES_ENV)
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2] / "resources"
