"""Which sites one PyVRP segment sees when all of them would be too many.

PyVRP prepares its neighbourhoods before it first asks the stopping
criterion, in time that grows with the square of its clients (one per site
and usable window); three weeks of a few hundred sites make ten thousand
clients and half a minute that no cancel can interrupt. A segment then gets
the sites of the best plan (so it can warm-start from it) and a seeded,
value-weighted draw of the others, up to ``SolveParams.segment_copies``
clients; our own neighbourhoods still see every site.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from lrplanner.solver.copies import hotel_copies, site_copies

if TYPE_CHECKING:
    from collections.abc import Sequence

    from lrplanner.solver.problem import ProblemData
    from lrplanner.solver.schedule import Plan


def segment_sites(
    data: ProblemData,
    eligible: Sequence[int],
    weights: Sequence[int],
    best: Plan | None,
    cap: int,
    seed: int,
) -> list[int]:
    """Return the eligible sites a segment encodes, within ``cap`` clients.

    Parameters
    ----------
    data
        The instance.
    eligible
        Sites that may be visited.
    weights
        Prize per site index; higher prizes are drawn more often.
    best
        The best plan so far; its sites are always kept.
    cap
        Most clients (site and hotel-night copies) allowed; 0 = no cap.
    seed
        Seed of the draw (vary it per segment for diversity).

    Returns
    -------
    list[int]
        Site indices in ``eligible`` order.
    """
    if cap <= 0:
        return list(eligible)
    counts = {s: len(site_copies(data, [s])) for s in eligible}
    room = cap - (len(hotel_copies(data)) if data.chained else 0)
    if sum(counts.values()) <= room:
        return list(eligible)
    kept = best.visited() & set(eligible) if best is not None else set()
    used = sum(counts[s] for s in kept)
    rng = random.Random(seed)
    draw = sorted(
        (s for s in eligible if s not in kept),
        key=lambda s: -weights[s] * rng.uniform(0.5, 1.0),
    )
    for s in draw:
        if used + counts[s] <= room:
            kept.add(s)
            used += counts[s]
    return [s for s in eligible if s in kept]
