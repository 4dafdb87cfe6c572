"""Read TOPTW benchmark files (Solomon / Cordeau based) into ProblemData.

Distances follow the benchmark convention: Euclidean, truncated to 1 decimal
(Solomon) or 2 decimals (Cordeau ``pr*``). All times are scaled by 10 or 100,
so the integer model is exact. Site ``s`` sits at location ``s + 1``; location
0 is the depot, so a location equals the vertex number in the file.
"""

from __future__ import annotations

import math
from decimal import Decimal
from pathlib import Path

from lrplanner.solver.problem import ProblemData, Site, TimeWindow, Tour


def decimals_for(path: str | Path) -> int:
    """Return 2 for Cordeau (``pr*``) files and 1 otherwise."""
    return 2 if Path(path).name.lower().startswith("pr") else 1


def _milli(text: str) -> int:
    return int(Decimal(text) * 1000)


def _scaled(text: str, scale: int) -> int:
    return int((Decimal(text) * scale).to_integral_value())


def read_toptw(
    path: str | Path, tours: int, decimals: int | None = None
) -> ProblemData:
    """Read a TOPTW instance for ``tours`` identical depot-to-depot tours.

    Parameters
    ----------
    path
        Instance file.
    tours
        Number of tours m (not stored in the file).
    decimals
        Truncation digits; by default inferred from the file name.

    Returns
    -------
    ProblemData
        Times scaled by ``10**decimals``.

    Raises
    ------
    ValueError
        When the file is malformed or ``tours < 1``.
    """
    if tours < 1:
        raise ValueError("tours must be >= 1")
    scale = 10 ** (decimals if decimals is not None else decimals_for(path))
    lines = [ln.split() for ln in Path(path).read_text().splitlines() if ln.strip()]
    n = int(lines[0][2])
    rows = lines[2 : 3 + n]
    if len(rows) != n + 1:
        raise ValueError(f"{path}: expected {n + 1} vertex lines, got {len(rows)}")
    xy = [(_milli(r[1]), _milli(r[2])) for r in rows]
    travel = tuple(tuple(_dist(a, b, scale) for b in xy) for a in xy)
    depot = rows[0]
    tour = Tour(
        start=0,
        end=0,
        earliest_start=_scaled(depot[-2], scale),
        latest_end=_scaled(depot[-1], scale),
    )
    sites = tuple(_site(r, i + 1, scale) for i, r in enumerate(rows[1:]))
    return ProblemData(travel=travel, sites=sites, tours=(tour,) * tours)


def _dist(a: tuple[int, int], b: tuple[int, int], scale: int) -> int:
    sq = (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2
    return math.isqrt(sq * scale * scale) // 1000


def _site(row: list[str], location: int, scale: int) -> Site:
    win = TimeWindow(open=_scaled(row[-2], scale), close=_scaled(row[-1], scale))
    return Site(
        location=location,
        score=int(Decimal(row[4])),
        service=_scaled(row[3], scale),
        windows=(win,),
        name=row[0],
    )
