"""Read OPHS benchmark files (Divsalar et al.) into chained ProblemData.

Distances are exact Euclidean; the integer model uses ``scale`` units per
distance unit with every edge rounded UP and every limit (``Td``, ``Tmax``)
extended by ``tol`` and rounded DOWN, so any integer-feasible plan is feasible
for the original instance within ``tol``. Location ids are the 0-based vertex
ids of the file: 0 start hotel, 1 end hotel, 2..H+1 extra hotels, then the
scored vertices (site ``s`` is location ``H + 2 + s``).
"""

from __future__ import annotations

import math
from pathlib import Path

from lrplanner.solver.problem import ProblemData, Site, Tour

SCALE = 1_000_000


def read_ophs(path: str | Path, tol: float = 1e-4, scale: int = SCALE) -> ProblemData:
    """Read an ``.ophs`` instance.

    Parameters
    ----------
    path
        Instance file.
    tol
        Tolerance added to every trip and total length limit.
    scale
        Integer units per distance unit.

    Returns
    -------
    ProblemData
        A chained instance with one tour per trip.

    Raises
    ------
    ValueError
        When the file is malformed.
    """
    lines = [ln.split() for ln in Path(path).read_text().splitlines() if ln.strip()]
    n, h, days = (int(x) for x in lines[0][:3])
    tmax = float(lines[1][0])
    limits = [math.floor((float(x) + tol) * scale) for x in lines[2][:days]]
    rows = [r for r in lines[3:] if set(r[0]) != {"-"}][: n + h]
    if len(rows) != n + h or len(limits) != days:
        raise ValueError(f"{path}: expected {n + h} vertex lines and {days} limits")
    xy = [(float(r[0]), float(r[1])) for r in rows]
    travel = tuple(
        tuple(math.ceil(math.hypot(a[0] - b[0], a[1] - b[1]) * scale) for b in xy)
        for a in xy
    )
    starts = [sum(limits[:d]) for d in range(days)]
    tours = tuple(
        Tour(start=0, end=1, earliest_start=t0, latest_end=t0 + lim)
        for t0, lim in zip(starts, limits, strict=True)
    )
    sites = tuple(
        Site(location=loc, score=int(float(rows[loc][2])), name=str(loc))
        for loc in range(h + 2, n + h)
    )
    return ProblemData(
        travel=travel,
        sites=sites,
        tours=tours,
        chained=True,
        hotels=tuple(range(h + 2)),
        max_total_travel=math.floor((tmax + tol) * scale),
    )
