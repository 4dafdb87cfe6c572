"""Which landmass a point is on: no road is estimated across the sea.

The landmasses are the connected groups of polygons of the country outlines
the map ships (``resources/basemap/asia_pacific.geojson``: Natural Earth
1:50m through world-atlas, coordinates rounded to 0.01°). Polygons of
neighbouring countries touch, so mainland South-East Asia is one landmass;
each island (Cebu, Bohol, Panay, Guimaras, Mindanao, Luzon...) is its own.

Coastal towns can lie a few km outside the rounded outlines: a point takes
the nearest landmass within :data:`TOLERANCE_KM`. A point farther from any
land, or outside the outlines' region, has no landmass (None, "unknown").
Built once per process (about 0.2 s); a lookup of a batch of points is a
vectorised nearest-polygon query (well under 1 ms per point).
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import shapely
from numpy.typing import NDArray

from lrplanner.appfiles import resources_dir
from lrplanner.core.places import TravelMode
from lrplanner.network.estimate import EARTH_RADIUS_KM

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from pathlib import Path

    from lrplanner.core.ids import PlaceId
    from lrplanner.core.places import Link


log = logging.getLogger(__name__)

#: How far outside the rounded outlines a coastal point still counts as on land.
TOLERANCE_KM = 15.0
OUTLINES = ("basemap", "asia_pacific.geojson")
LAND_PREFIX = "land:"


@dataclass(frozen=True, slots=True)
class Landmasses:
    """The land polygons, which landmass each belongs to, and a spatial index."""

    parts: NDArray[np.object_]
    labels: tuple[int, ...]
    tree: shapely.STRtree

    def of_points(self, points: Sequence[tuple[float, float]]) -> list[str | None]:
        """Return the landmass id (``"land:<n>"``) of each ``(lat, lon)``, or None."""
        if not points or not self.labels:
            return [None] * len(points)
        where = shapely.points([(lon, lat) for lat, lon in points])
        found: list[str | None] = [None] * len(points)
        inside, polygon = self.tree.query(where, predicate="within")
        for point, index in zip(inside.tolist(), polygon.tolist(), strict=True):
            found[point] = f"{LAND_PREFIX}{self.labels[index]}"
        outside = np.array([i for i, f in enumerate(found) if f is None], dtype=int)
        if len(outside):
            nearest = self.tree.nearest(where[outside])
            lines = shapely.shortest_line(where[outside], self.parts[nearest])
            ends = shapely.get_coordinates(lines).reshape(-1, 2, 2)
            near = _haversine_km(ends[:, 0], ends[:, 1]) <= TOLERANCE_KM
            for point, index, close in zip(
                outside.tolist(), nearest.tolist(), near.tolist(), strict=True
            ):
                if close:
                    found[point] = f"{LAND_PREFIX}{self.labels[index]}"
        return found

    def of_point(self, lat: float, lon: float) -> str | None:
        """Return the landmass id of one point, or None where it is unknown."""
        return self.of_points([(lat, lon)])[0]


@functools.cache
def landmasses() -> Landmasses:
    """Return the landmasses of the shipped outlines (built once per process).

    Missing or unreadable outlines give no landmasses: every point is then
    unknown and roads are estimated as within a country.
    """
    return build(resources_dir().joinpath(*OUTLINES))


def build(path: Path) -> Landmasses:
    """Return the landmasses of a GeoJSON file of country outlines."""
    try:
        collection = shapely.from_geojson(path.read_text(encoding="utf-8"))
    except (OSError, shapely.errors.GEOSException) as exc:
        log.warning("no landmasses: cannot read %s (%s)", path, exc)
        return _empty()
    parts, country = shapely.get_parts(shapely.get_parts(collection), return_index=True)
    polygon = shapely.get_type_id(parts) == shapely.GeometryType.POLYGON
    parts, country = parts[polygon], country[polygon]
    if len(parts) == 0:
        return _empty()
    tree = shapely.STRtree(parts)
    # Only polygons of two countries can touch (one country's never overlap):
    # test the pairs whose boxes overlap, all at once.
    first, second = tree.query(parts)
    pairs = (first < second) & (country[first] != country[second])
    first, second = first[pairs], second[pairs]
    touching = shapely.intersects(parts[first], parts[second])
    joined = zip(first[touching].tolist(), second[touching].tolist(), strict=True)
    return Landmasses(parts=parts, labels=_components(len(parts), joined), tree=tree)


def _haversine_km(
    a: NDArray[np.float64], b: NDArray[np.float64]
) -> NDArray[np.float64]:
    """Return the great-circle km between rows of (lon, lat) degrees."""
    lon1, lat1 = np.radians(a[:, 0]), np.radians(a[:, 1])
    lon2, lat2 = np.radians(b[:, 0]), np.radians(b[:, 1])
    h = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    km: NDArray[np.float64] = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1, np.sqrt(h)))
    return km


def _empty() -> Landmasses:
    parts = shapely.get_parts(shapely.from_wkt("GEOMETRYCOLLECTION EMPTY"))
    return Landmasses(parts=parts, labels=(), tree=shapely.STRtree(parts))


def _components(count: int, touching: Iterable[tuple[int, int]]) -> tuple[int, ...]:
    """Return for each polygon the smallest index of the group it touches into."""
    parent = list(range(count))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in touching:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return tuple(root(node) for node in range(count))


WATER_PREFIX = "water:"
#: Links of these modes run on land: a place they join is not reached only by water.
LAND_MODES = frozenset({TravelMode.ROAD, TravelMode.TRAIN})


def water_only(
    links: Iterable[Link], coast: Mapping[str, str | None]
) -> frozenset[PlaceId]:
    """Return the places reached only by water that no coastline shows.

    A boat row between two places the outlines put on one landmass (or
    where either is unknown) means water the outlines miss, such as the
    Mekong around Koh Trong: each end that Links joins by no road or train
    row is reached only by water and gets a landmass of its own. A boat
    between two landmasses the outlines know (Cebu - Bohol) changes nothing.
    ``coast`` gives each place's landmass from the outlines.
    """
    boat: set[PlaceId] = set()
    land: set[PlaceId] = set()
    for link in links:
        ends = (link.origin, link.destination)
        if link.mode in LAND_MODES:
            land.update(ends)
        elif link.mode is TravelMode.BOAT:
            ours, theirs = coast.get(link.origin), coast.get(link.destination)
            if ours is None or theirs is None or ours == theirs:
                boat.update(ends)
    return frozenset(boat - land)


def water_land(place: PlaceId | str) -> str:
    """Return the own landmass id of a place reached only by water."""
    return f"{WATER_PREFIX}{place}"


def same_land(a: str | None, b: str | None) -> bool:
    """Return whether a road may be estimated between points on these landmasses.

    Two known landmasses must be the same; an unknown one (None) joins any
    landmass but a place's own water-only one, as before landmasses existed.
    """
    if a is None or b is None:
        other = a or b
        return other is None or not other.startswith(WATER_PREFIX)
    return a == b
