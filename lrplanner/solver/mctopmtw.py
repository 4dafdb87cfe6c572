"""Read MCTOPMTW benchmark files (Souffriau et al. 2013) into ProblemData.

Each site has four consecutive time slices; odd tours (1st, 3rd) may use
slices 1 and 3 and even tours slices 2 and 4 when the file's flag E is 1,
the other way round when E is 0. Entrance fees count against the budget and
each of the ten vertex types has a maximum number of visits (coverage groups
with ``max_visits`` and no bonus). Distances and times follow the TOPTW
convention (truncated to 1 or 2 decimals, scaled to integers). Site ``s`` is
vertex ``s + 2`` of the file (vertex 1 is the end depot, which is the start).
"""

from __future__ import annotations

import math
from decimal import Decimal
from pathlib import Path

from lrplanner.solver.problem import CoverageGroup, ProblemData, Site, TimeWindow, Tour


def _scaled(text: str, scale: int) -> int:
    return int((Decimal(text) * scale).to_integral_value())


def read_mctopmtw(path: str | Path) -> ProblemData:
    """Read an MCTOPMTW instance; the number of tours is in the file.

    Parameters
    ----------
    path
        Instance file; ``pr*`` files use 2 decimals, others 1.

    Returns
    -------
    ProblemData
        Independent depot-to-depot tours, location 0 = depot, location
        ``s + 1`` = site ``s``.

    Raises
    ------
    ValueError
        When the file is malformed.
    """
    scale = 100 if "-pr" in Path(path).name else 10
    rows = [ln.split() for ln in Path(path).read_text().splitlines() if ln.strip()]
    head = rows[0]
    tours, n, budget = int(head[0]), int(head[1]), int(Decimal(head[2]))
    limits = [int(x) for x in head[3:13]]
    depot, verts = rows[1], rows[2 : 2 + n]
    if len(verts) != n:
        raise ValueError(f"{path}: expected {n} vertex lines, got {len(verts)}")
    xy = [(Decimal(r[1]), Decimal(r[2])) for r in [depot, *verts]]
    travel = tuple(tuple(_dist(a, b, scale) for b in xy) for a in xy)
    tour = Tour(
        start=0,
        end=0,
        earliest_start=_scaled(depot[-2], scale),
        latest_end=_scaled(depot[-1], scale),
    )
    sites = tuple(_site(r, i + 1, scale, tours) for i, r in enumerate(verts))
    groups = tuple(
        CoverageGroup(increments=(), max_visits=k, name=f"type {z + 1}")
        for z, k in enumerate(limits)
    )
    return ProblemData(
        travel=travel, sites=sites, tours=(tour,) * tours, budget=budget, groups=groups
    )


def _dist(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal], scale: int) -> int:
    sq = (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2
    return math.isqrt(int(sq * scale * scale))


def _site(row: list[str], location: int, scale: int, tours: int) -> Site:
    cuts = [_scaled(x, scale) for x in row[5:10]]
    slices = [TimeWindow(open=cuts[k], close=cuts[k + 1]) for k in range(4)]
    odd_first = row[10] == "1"
    windows = []
    for d in range(tours):
        use = (0, 2) if (d % 2 == 0) == odd_first else (1, 3)
        windows += [
            TimeWindow(open=slices[k].open, close=slices[k].close, tour=d) for k in use
        ]
    types = tuple(z for z in range(10) if row[12 + z] == "1")
    return Site(
        location=location,
        score=int(Decimal(row[4])),
        service=_scaled(row[3], scale),
        windows=tuple(windows),
        cost=int(Decimal(row[11])),
        groups=types,
        name=row[0],
    )
