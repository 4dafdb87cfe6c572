"""Client copies: one per usable (site, window) pair or (night, hotel) pair.

PyVRP clients have one time window; a site with several windows becomes
several copies that form a mutually exclusive group. This module is plain
Python so it can be tested and reused without PyVRP.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from lrplanner.solver.problem import ProblemData


@dataclass(frozen=True, slots=True, kw_only=True)
class Copy:
    """One PyVRP client: a site in one window, or a hotel on one night."""

    site: int  # -1 for a hotel-night client
    location: int
    open: int
    close: int
    tours: frozenset[int]
    night: int = -1


def site_copies(data: ProblemData, eligible: Sequence[int]) -> list[Copy]:
    """Return one :class:`Copy` per distinct usable window of each site."""
    out: list[Copy] = []
    for s in eligible:
        site = data.sites[s]
        by_window: dict[tuple[int, int], set[int]] = {}
        for d, tour in enumerate(data.tours):
            for w in site.windows_in(d):
                lo, hi = w.open, w.close
                if data.chained:  # absolute times: clip to the day
                    lo, hi = max(lo, tour.earliest_start), min(hi, tour.close)
                if lo <= hi and tour.max_visits != 0:
                    by_window.setdefault((lo, hi), set()).add(d)
        for (lo, hi), tours in sorted(by_window.items()):
            out.append(
                Copy(
                    site=s,
                    location=site.location,
                    open=lo,
                    close=hi,
                    tours=frozenset(tours),
                )
            )
    return out


def hotel_copies(data: ProblemData) -> list[Copy]:
    """Return the hotel-night clients of a chained instance."""
    out = []
    for night in range(len(data.tours) - 1):
        t = data.tours[night].close
        for h in sorted(set(data.hotels)):
            out.append(
                Copy(
                    site=-1,
                    location=h,
                    open=t,
                    close=t,
                    tours=frozenset({night}),
                    night=night,
                )
            )
    return out
