"""Which sites can be visited at all, and why a site was left out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lrplanner.solver.result import Unvisited

if TYPE_CHECKING:
    from lrplanner.solver.problem import ProblemData


def _starts(data: ProblemData, d: int) -> list[int]:
    if not data.chained or d == 0:
        return [data.tours[d].start if not data.chained else data.tours[0].start]
    return list(data.hotels)


def _ends(data: ProblemData, d: int) -> list[int]:
    last = len(data.tours) - 1
    if not data.chained or d == last:
        return [data.tours[d].end if not data.chained else data.tours[last].end]
    return list(data.hotels)


def reachable(data: ProblemData, s: int) -> bool:
    """Whether site ``s`` fits alone into some tour (a necessary condition).

    In chained mode the start and end hotel are chosen independently, so
    True does not prove a fit, but False proves that none exists.
    """
    site = data.sites[s]
    for d, tour in enumerate(data.tours):
        into = min(data.travel[h][site.location] for h in _starts(data, d))
        back = min(data.travel[site.location][h] for h in _ends(data, d))
        arrive = tour.earliest_start + into
        limit = tour.close if data.chained else tour.latest_end
        for w in site.windows_in(d):
            begin = max(arrive, w.open)
            if begin > w.close or begin + site.service + back > limit:
                continue
            busy = into + site.service + back
            if tour.max_duration is None or busy <= tour.max_duration:
                return True
    return False


def leave_out_reason(data: ProblemData, s: int) -> Unvisited | None:
    """Return why ``s`` can never be visited, or None if it might be."""
    site = data.sites[s]
    if site.excluded:
        return Unvisited.EXCLUDED
    if data.budget is not None and site.cost > data.budget:
        return Unvisited.OVER_BUDGET
    if not reachable(data, s):
        return Unvisited.UNREACHABLE
    return None


def eligible_sites(data: ProblemData) -> list[int]:
    """Return the indices of the sites that might be visited."""
    return [s for s in range(len(data.sites)) if leave_out_reason(data, s) is None]


def unvisited_reasons(data: ProblemData, visited: set[int]) -> dict[int, Unvisited]:
    """Return a reason for every site not in ``visited``."""
    out = {}
    for s in range(len(data.sites)):
        if s not in visited:
            out[s] = leave_out_reason(data, s) or Unvisited.NOT_SELECTED
    return out
