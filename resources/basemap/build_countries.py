"""Build ``asia_pacific.geojson`` from the npm ``world-atlas`` package (run once).

world-atlas 2.0.2 ships Natural Earth country outlines (public domain) as
TopoJSON. This script decodes the TopoJSON arcs, keeps the countries whose
outline touches the Asia-Pacific box and rounds coordinates to 0.01 degree,
so the offline basemap stays small. Usage::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python resources/basemap/build_countries.py package/countries-50m.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

#: lon min, lat min, lon max, lat max of the region kept.
BOX = (55.0, -15.0, 160.0, 56.0)
OUT = Path(__file__).with_name("asia_pacific.geojson")

Ring = list[list[float]]


def decode_arcs(topology: dict[str, Any]) -> list[Ring]:
    """Return every arc as absolute lon/lat points (undo delta + quantisation)."""
    (sx, sy), (tx, ty) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs: list[Ring] = []
    for arc in topology["arcs"]:
        x = y = 0
        points: Ring = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([round(x * sx + tx, 2), round(y * sy + ty, 2)])
        arcs.append(points)
    return arcs


def ring_of(indexes: list[int], arcs: list[Ring]) -> Ring:
    """Return the ring joined from arc indexes (``~i`` is arc i reversed)."""
    ring: Ring = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points if not ring else points[1:])
    return _dedupe(ring)


def _dedupe(ring: Ring) -> Ring:
    out: Ring = []
    for point in ring:
        if not out or out[-1] != point:
            out.append(point)
    return out


def polygons_of(geometry: dict[str, Any], arcs: list[Ring]) -> list[list[Ring]]:
    """Return the polygons (lists of rings) of a Polygon or MultiPolygon."""
    if geometry["type"] == "Polygon":
        parts = [geometry["arcs"]]
    elif geometry["type"] == "MultiPolygon":
        parts = geometry["arcs"]
    else:
        return []
    return [[ring_of(r, arcs) for r in poly] for poly in parts]


def in_box(polygons: list[list[Ring]]) -> bool:
    """Return whether any outer-ring point lies inside ``BOX``."""
    lon0, lat0, lon1, lat1 = BOX
    return any(
        lon0 <= lon <= lon1 and lat0 <= lat <= lat1
        for poly in polygons
        for lon, lat in poly[0]
    )


def build(source: Path) -> dict[str, Any]:
    """Return the GeoJSON FeatureCollection of Asia-Pacific countries."""
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = [p for p in polygons_of(geometry, arcs) if len(p[0]) >= 4]
        if polygons and in_box(polygons):
            features.append(
                {
                    "type": "Feature",
                    "properties": {"name": geometry["properties"]["name"]},
                    "geometry": {"type": "MultiPolygon", "coordinates": polygons},
                }
            )
    return {"type": "FeatureCollection", "features": features}


if __name__ == "__main__":
    collection = build(Path(sys.argv[1]))
    OUT.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
