"""Independent feasibility checks of benchmark answers, from the raw files.

Written from the benchmark READMEs with float arithmetic; shares no code with
the solver or its readers.
"""

from __future__ import annotations

import itertools
import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


def _rows(path: Path) -> list[list[str]]:
    return [ln.split() for ln in path.read_text().splitlines() if ln.strip()]


def check_toptw(
    path: Path, tours: int, routes: list[list[int]]
) -> tuple[int, list[str]]:
    """Return (score, problems) of TOPTW ``routes`` (vertex numbers, no depot)."""
    rows = _rows(path)
    n = int(rows[0][2])
    verts = rows[2 : 3 + n]
    digits = 2 if path.name.startswith("pr") else 1
    xy = [(float(r[1]), float(r[2])) for r in verts]

    def dist(i: int, j: int) -> float:
        d = math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1])
        return float(math.floor(d * 10**digits + 1e-7) / 10**digits)

    problems = [] if len(routes) <= tours else ["too many routes"]
    seen: list[int] = []
    tmax = float(verts[0][-1])
    for route in routes:
        t, prev = 0.0, 0
        for v in route:
            r = verts[v]
            t = max(t + dist(prev, v), float(r[-2]))
            if t > float(r[-1]) + 1e-6:
                problems.append(f"vertex {v} served at {t:.2f} after its window")
            t += float(r[3])
            prev = v
            seen.append(v)
        if t + dist(prev, 0) > tmax + 1e-6:
            problems.append("route returns after Tmax")
    if len(seen) != len(set(seen)) or 0 in seen:
        problems.append("a vertex is repeated or the depot is inside a route")
    return sum(int(float(verts[v][4])) for v in set(seen) if v), problems


def check_ophs(
    path: Path, trips: list[list[int]], tol: float = 1e-4
) -> tuple[int, list[str]]:
    """Return (score, problems) of OPHS ``trips`` (0-based ids, hotels at ends)."""
    rows = _rows(path)
    n, h, days = (int(x) for x in rows[0][:3])
    tmax, limits = float(rows[1][0]), [float(x) for x in rows[2][:days]]
    pts = [r for r in rows[3:] if set(r[0]) != {"-"}][: n + h]
    xy = [(float(r[0]), float(r[1])) for r in pts]
    hotels = set(range(h + 2))
    problems = [] if len(trips) == days else ["wrong number of trips"]
    total, seen = 0.0, []
    for d, trip in enumerate(trips):
        length = sum(math.dist(xy[a], xy[b]) for a, b in itertools.pairwise(trip))
        total += length
        if d < len(limits) and length > limits[d] + tol:
            problems.append(f"trip {d} too long by {length - limits[d]:.6f}")
        if trip[0] not in hotels or trip[-1] not in hotels:
            problems.append(f"trip {d} does not start and end at hotels")
        if any(v in hotels for v in trip[1:-1]):
            problems.append(f"trip {d} passes a hotel")
        if d > 0 and trip[0] != trips[d - 1][-1]:
            problems.append(f"trip {d} does not start where trip {d - 1} ended")
        seen += trip[1:-1]
    if trips and (trips[0][0] != 0 or trips[-1][-1] != 1):
        problems.append("the tour must go from hotel 0 to hotel 1")
    if total > tmax + tol:
        problems.append("total length exceeds Tmax")
    if len(seen) != len(set(seen)):
        problems.append("a vertex is repeated")
    return sum(int(float(pts[v][2])) for v in set(seen)), problems


def check_mctopmtw(path: Path, routes: list[list[int]]) -> tuple[int, list[str]]:
    """Return (score, problems) of MCTOPMTW ``routes`` (vertex numbers, no depot)."""
    rows = _rows(path)
    tours, n, budget = int(rows[0][0]), int(rows[0][1]), float(rows[0][2])
    limits = [int(x) for x in rows[0][3:13]]
    verts = {int(r[0]): r for r in rows[2 : 2 + n]}
    depot = rows[1]
    digits = 2 if "-pr" in path.name else 1
    xy = {v: (float(r[1]), float(r[2])) for v, r in verts.items()}
    xy[0] = (float(depot[1]), float(depot[2]))

    def dist(i: int, j: int) -> float:
        d = math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1])
        return float(math.floor(d * 10**digits + 1e-7) / 10**digits)

    problems = [] if len(routes) <= tours else ["too many routes"]
    for d, route in enumerate(routes):
        problems += _mc_route(verts, dist, d, route, float(depot[-1]))
    seen = [v for r in routes for v in r]
    if len(seen) != len(set(seen)):
        problems.append("a vertex is repeated")
    if sum(float(verts[v][11]) for v in seen) > budget + 1e-6:
        problems.append("entrance fees exceed the budget")
    for z, cap in enumerate(limits):
        if sum(verts[v][12 + z] == "1" for v in seen) > cap:
            problems.append(f"too many vertices of type {z + 1}")
    return sum(int(float(verts[v][4])) for v in set(seen)), problems


def _mc_route(
    verts: dict[int, list[str]],
    dist: Callable[[int, int], float],
    d: int,
    route: list[int],
    tmax: float,
) -> list[str]:
    problems: list[str] = []
    t, prev = 0.0, 0
    for v in route:
        r = verts[v]
        cuts = [float(x) for x in r[5:10]]
        odd = d % 2 == 0  # tour 1 (d = 0) is odd
        use = (0, 2) if odd == (r[10] == "1") else (1, 3)
        t += dist(prev, v)
        starts = [max(t, cuts[k]) for k in use if max(t, cuts[k]) <= cuts[k + 1] + 1e-6]
        if not starts:
            problems.append(f"tour {d}: vertex {v} misses its windows")
            starts = [t]
        t = min(starts) + float(r[3])
        prev = v
    if t + dist(prev, 0) > tmax + 1e-6:
        problems.append(f"tour {d} returns after Tmax")
    return problems
