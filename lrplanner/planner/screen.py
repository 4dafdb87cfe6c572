"""Sites that can never be visited, found before the search, with reasons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lrplanner.core.availability import describe_closures
from lrplanner.core.errors import InfeasibleRequest
from lrplanner.core.locations import site_location
from lrplanner.core.plan import LeftOut, ReasonKind
from lrplanner.network.legs import Unreachable

if TYPE_CHECKING:
    from collections.abc import Mapping

    from lrplanner.core.availability import SiteDay
    from lrplanner.core.ids import SiteId
    from lrplanner.core.project import Project
    from lrplanner.core.sites import Site
    from lrplanner.network.matrix import TravelMatrix

FIXES = {
    ReasonKind.EXCLUDED: "remove the exclusion",
    ReasonKind.CAPACITY: "split the group or ask the host to receive more people",
    ReasonKind.NEVER_OPEN: "extend its available dates or the route's dates",
    ReasonKind.HOLIDAY: "mark it 'Open on holidays' if the host agrees",
    ReasonKind.CHAMPION_AWAY: "find another champion or change the dates",
    ReasonKind.UNREACHABLE: "add a road or flight link on the Links sheet",
}


def screen_sites(
    project: Project,
    availability: Mapping[SiteId, list[SiteDay]],
    matrix: TravelMatrix,
) -> tuple[tuple[Site, ...], tuple[LeftOut, ...]]:
    """Split sites into engine candidates and those ruled out (with reasons).

    Raises
    ------
    InfeasibleRequest
        If a required or locked site is ruled out; the message names the rule
        and the cheapest fix.
    """
    candidates: list[Site] = []
    out: list[LeftOut] = []
    locked = {lock.site for lock in project.locks}
    required = project.required_ids
    for site in project.sites:
        left = _rule_out(project, site, availability[site.id], matrix)
        if left is None:
            candidates.append(site)
            continue
        if site.id in required or site.id in locked:
            why = "Required" if site.id in required else "Locked"
            raise InfeasibleRequest(
                f"{why} site {site.name!r} ({site.id}) can never "
                f"be visited: {left.reason}. Fix: "
                f"{FIXES[left.kind]}."
            )
        out.append(left)
    return tuple(candidates), tuple(out)


def screen_too_short(
    project: Project,
    candidates: tuple[Site, ...],
    windows: Mapping[SiteId, tuple[object, ...]],
) -> tuple[tuple[Site, ...], tuple[LeftOut, ...]]:
    """Rule out sites open on some days but never long enough for the visit.

    Raises
    ------
    InfeasibleRequest
        If such a site is required or locked.
    """
    kept: list[Site] = []
    out: list[LeftOut] = []
    locked = {lock.site for lock in project.locks} | project.required_ids
    for site in candidates:
        if windows[site.id]:
            kept.append(site)
            continue
        left = LeftOut(
            site=site.id,
            kind=ReasonKind.NEVER_OPEN,
            reason=(
                f"its opening hours never leave the {site.duration_min} minutes the "
                "visit takes on a route day, once the day window, lunch and the "
                "sessions are counted"
            ),
        )
        if site.id in locked:
            raise InfeasibleRequest(
                f"Required site {site.name!r} ({site.id}) can "
                f"never be visited: {left.reason}. Fix: shorten "
                "the visit or ask the host for longer hours."
            )
        out.append(left)
    return tuple(kept), tuple(out)


def _rule_out(
    project: Project, site: Site, days: list[SiteDay], matrix: TravelMatrix
) -> LeftOut | None:
    if site.id in project.excluded_sites:
        return LeftOut(
            site=site.id, kind=ReasonKind.EXCLUDED, reason="excluded from this plan"
        )
    group = project.group_size
    if site.capacity is not None and group > site.capacity:
        return LeftOut(
            site=site.id,
            kind=ReasonKind.CAPACITY,
            reason=(
                f"receives at most {site.capacity} people; the group is {group} "
                f"({len(project.participants)} participants and "
                f"{group - len(project.participants)} staff)"
            ),
        )
    if not any(d.is_open for d in days):
        return LeftOut(
            site=site.id,
            kind=_closure_kind(days),
            reason=f"never open on the route's dates: {describe_closures(days)}",
        )
    return _unreachable(project, site, matrix)


def _closure_kind(days: list[SiteDay]) -> ReasonKind:
    reasons = {d.closed_because.split(" (")[0] for d in days}
    if reasons == {"public holiday"}:
        return ReasonKind.HOLIDAY
    if reasons == {"champion away"}:
        return ReasonKind.CHAMPION_AWAY
    return ReasonKind.NEVER_OPEN


def _unreachable(project: Project, site: Site, matrix: TravelMatrix) -> LeftOut | None:
    where = site_location(site)
    route = project.route
    for a, b in ((route.start_place, where), (where, route.end_place)):
        if matrix.minutes(a, b) is None:
            try:
                matrix.leg(a, b)
            except Unreachable as exc:
                return LeftOut(
                    site=site.id, kind=ReasonKind.UNREACHABLE, reason=str(exc)
                )
            return LeftOut(
                site=site.id,
                kind=ReasonKind.UNREACHABLE,
                reason=f"no way from {a} to {b}",
            )
    return None
