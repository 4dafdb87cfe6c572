"""Why each site not in the plan was left out, in words, computed from the plan.

A site the engine could reach gets its reason from its best way into the
plan (:mod:`lrplanner.solver.wayin`): the day and time it would fit, and
what that costs (the visit it displaces and the net change, or the money
over the cap), or, when it fits into no day of this plan, where the group
is on the days it is open. That analysis has a share of the planning time
(:func:`explain_seconds`, most valuable sites first); sites after that get
the short reason.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from lrplanner.core.locations import location_name, location_zone, site_location
from lrplanner.core.plan import LeftOut, ReasonKind
from lrplanner.planner import costs
from lrplanner.planner.build import VALUE_SCALE
from lrplanner.solver.result import Unvisited
from lrplanner.solver.schedule import Plan
from lrplanner.solver.skeleton import skeleton
from lrplanner.solver.wayin import Way, WayIn, way_in

if TYPE_CHECKING:
    from lrplanner.core.costs import CostBreakdown
    from lrplanner.core.ids import SiteId
    from lrplanner.core.plan import Itinerary
    from lrplanner.core.sites import Site
    from lrplanner.planner.build import RouteModel
    from lrplanner.solver.result import Result

MAX_NAMED = 3
#: The time the reasons of one plan may take: this share of the planning
#: time, within these bounds. A 10 s plan keeps the 1.5 s the reasons always
#: had (the Mekong sample's 30 take 1.3 s; with 0.5 s, 11 of them were not
#: worked out); a short plan no longer runs a second past its budget.
EXPLAIN_SHARE = 0.15
EXPLAIN_MIN_S = 0.5
EXPLAIN_S = 1.5


#: Said of a site whose way into the plan was not worked out in time.
UNCHECKED = (
    "; not worked out in detail: the planning time ran out first (plan "
    "with more time for the exact reason)"
)


def explain_seconds(budget: float) -> float:
    """Return the seconds the reasons may take in a plan of ``budget`` seconds."""
    return min(EXPLAIN_S, max(EXPLAIN_MIN_S, EXPLAIN_SHARE * budget))


def explain_left_out(
    model: RouteModel,
    result: Result,
    itinerary: Itinerary,
    breakdown: CostBreakdown,
    seconds: float = EXPLAIN_S,
) -> tuple[LeftOut, ...]:
    """Return a reason for every site of the project that the plan does not
    visit (the detailed ones for ``seconds``, the most valuable sites first)."""
    visited = set(itinerary.visited_sites())
    found = [r for r in model.screened_out if r.site not in visited]
    plan = _engine_plan(result)
    until = time.perf_counter() + seconds
    left = sorted(
        (i for i, site_id in enumerate(model.site_ids) if site_id not in visited),
        key=lambda i: -model.data.sites[i].score,
    )
    for index in left:
        site = model.project.site_by_id[model.site_ids[index]]
        engine = result.unvisited.get(index)
        analysable = plan is not None and engine is not Unvisited.UNREACHABLE
        if analysable and plan is not None and time.perf_counter() < until:
            found.append(_from_way_in(model, plan, index, breakdown))
            continue
        short = _reason(model, site, engine, itinerary, breakdown)
        if analysable and short.kind is ReasonKind.LOWER_VALUE:
            # a first reading only: it may be that no plan with the required
            # sites can hold it at all, which the analysis would have said
            short = replace(short, reason=short.reason + UNCHECKED)
        found.append(short)
    order = {s.id: i for i, s in enumerate(model.project.sites)}
    return tuple(sorted(found, key=lambda r: order[r.site]))


def _engine_plan(result: Result) -> Plan | None:
    if not result.tours:
        return None
    return Plan(
        routes=[list(t.sites) for t in result.tours],
        hotels=[t.end_location for t in result.tours[:-1]],
    )


def _from_way_in(
    model: RouteModel, plan: Plan, index: int, breakdown: CostBreakdown
) -> LeftOut:
    """Return the reason read from the site's best way into the plan."""
    site_id = model.site_ids[index]
    found = way_in(model.data, plan, index)
    when = _when(model, index, found)
    kind, text = ReasonKind.LOWER_VALUE, ""
    if found.way is Way.FITS:
        text = (
            f"fits on {when} beside the plan's visits; the search stopped "
            "before adding it (plan again or allow more time)"
        )
    elif found.way is Way.BUDGET:
        over = costs.with_contingency(
            model.project, Decimal(found.over_budget) / costs.CENTS
        )
        kind = ReasonKind.BUDGET
        text = (
            f"fits on {when} but needs {over:,.2f} {breakdown.currency} more "
            "than the budget cap allows (fees, honoraria, interpreters, travel "
            "and nights, with contingency)"
        )
    elif found.way is Way.SWAP:
        text = (
            f"fits on {when} only in place of {_named(model, found.dropped)}, "
            f"which is worth more to the plan (score {_points(found.net)})"
        )
    elif found.way is Way.ROOM:
        text = (
            f"fits on {when} only if {_named(model, found.dropped)} make room "
            f"(score {_points(found.net)})"
        )
    else:
        kind, text = _elsewhere(model, plan, index)
    return LeftOut(site=site_id, kind=kind, reason=text)


def _points(net: int) -> str:
    return f"{net / VALUE_SCALE:+.1f}"


def _named(model: RouteModel, sites: tuple[int, ...]) -> str:
    project = model.project
    names = [
        f"{project.site_by_id[model.site_ids[s]].name} "
        f"(value {project.site_by_id[model.site_ids[s]].value})"
        for s in sites
    ]
    return " and ".join(names) if len(names) <= 2 else ", ".join(names)


def _when(model: RouteModel, index: int, found: WayIn) -> str:
    """Return ``Fri 5 Mar 08:10-10:10`` (local at the site) for a way in."""
    if found.tour is None:
        return ""
    frame = model.frames[found.tour]
    if found.start is None:
        return f"{frame.day:%a} {frame.day.day} {frame.day:%b}"
    site = model.project.site_by_id[model.site_ids[index]]
    zone = location_zone(model.project, site_location(site))
    begin = model.axis.to_real(found.start).astimezone(zone)
    end = begin + timedelta(minutes=site.duration_min)
    return f"{begin:%a} {begin.day} {begin:%b} {begin:%H:%M}\u2013{end:%H:%M}"


def _elsewhere(model: RouteModel, plan: Plan, index: int) -> tuple[ReasonKind, str]:
    """Where the group is on the days the site is open, or why no plan with
    the required sites reaches it."""
    data = model.data
    project = model.project
    days = [d for d in range(len(data.tours)) if data.sites[index].windows_in(d)]
    required = [s for s, x in enumerate(data.sites) if x.mandatory]
    if _no_chain_with(model, index):
        if not required:
            return ReasonKind.UNREACHABLE, (
                "no chain of days and nights reaches it on the days it is open "
                "(day window, travel limits and timetables counted)"
            )
        names = ", ".join(
            project.site_by_id[model.site_ids[s]].name for s in required[:MAX_NAMED]
        )
        extra = len(required) - MAX_NAMED
        more = f" and {extra} more" if extra > 0 else ""
        return ReasonKind.UNREACHABLE, (
            "no plan that visits the required or locked sites "
            f"({names}{more}) can also reach it on the days it is open"
        )
    nearest = _nearest_day(model, plan, index, days)
    if nearest is None:
        return ReasonKind.LOWER_VALUE, (
            "fits into no day of this plan; a route that reaches it is worth less"
        )
    d, need, spare = nearest
    frame = model.frames[d]
    start, end = _day_ends(model, plan, d)
    route = (
        f"around {location_name(project, start)}"
        if start == end
        else f"{location_name(project, start)} to {location_name(project, end)}"
    )
    return ReasonKind.LOWER_VALUE, (
        f"fits into no day of this plan, even in place of a day's visits: the "
        f"nearest the plan comes is {frame.day:%a} {frame.day.day} {frame.day:%b} "
        f"({route}), "
        f"where the visit with the road there and on needs {_hours(need)} and "
        f"the day has {_hours(spare)} to spare; a route that reaches it is "
        "worth less"
    )


def _day_ends(model: RouteModel, plan: Plan, d: int) -> tuple[str, str]:
    """Return where tour ``d`` of ``plan`` starts and ends (places)."""
    data = model.data
    first = (
        model.leaves_from(plan.hotels[d - 1])
        if d > 0
        else model.locations[data.tours[0].start]
    )
    last = (
        model.locations[plan.hotels[d]]
        if d < len(plan.hotels)
        else model.locations[data.tours[-1].end]
    )
    return first, last


def _nearest_day(
    model: RouteModel, plan: Plan, index: int, days: list[int]
) -> tuple[int, int, int] | None:
    """Return (tour, minutes the visit needs there, minutes the day has
    spare) for the open day the plan passes nearest the site (the least
    extra time for the visit and the road there and on; ties: more spare)."""
    data = model.data
    site = data.sites[index]
    best: tuple[int, int, int, int] | None = None
    for d in days:
        a = data.tours[0].start if d == 0 else plan.hotels[d - 1]
        b = data.tours[-1].end if d == len(plan.hotels) else plan.hotels[d]
        route = plan.routes[d]
        stops = [a, *(data.sites[x].location for x in route), b]
        used = sum(data.travel[i][j] for i, j in itertools.pairwise(stops))
        used += sum(data.sites[x].service for x in route)
        tour = data.tours[d]
        spare = max(0, tour.close - tour.earliest_start - used)
        need = min(
            data.travel[i][site.location]
            + site.service
            + data.travel[site.location][j]
            - data.travel[i][j]
            for i, j in itertools.pairwise(stops)
        )
        if best is None or (need, -spare) < (best[0], -best[2]):
            best = (need, d, need, spare)
    return None if best is None else best[1:]


def _hours(minutes: int) -> str:
    hours, rest = divmod(max(minutes, 0), 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d} min" if rest else f"{hours} h"


def _no_chain_with(model: RouteModel, index: int) -> bool:
    """Whether no plan holds the required sites and this one (at most two
    of them a day: the engine's skeleton programme, budget aside)."""
    data = model.data
    sites = list(data.sites)
    sites[index] = replace(sites[index], mandatory=True)
    loose = replace(data, sites=tuple(sites), budget=None)
    return skeleton(loose, 0.0, pairs=True) is None


def _reason(
    model: RouteModel,
    site: Site,
    engine: Unvisited | None,
    itinerary: Itinerary,
    breakdown: CostBreakdown,
) -> LeftOut:
    if engine is Unvisited.UNREACHABLE:
        return LeftOut(
            site=site.id, kind=ReasonKind.UNREACHABLE, reason=_no_fit(model, site)
        )
    extra = costs.site_cost(model.project, site) * _contingency(model)
    cap = breakdown.budget_cap
    if cap is not None and breakdown.total + extra > cap:
        over = breakdown.total + extra - cap
        return LeftOut(
            site=site.id,
            kind=ReasonKind.BUDGET,
            reason=(
                f"would break the budget by {over:,.2f} {breakdown.currency} (its "
                f"fees, honoraria and interpreters cost up to {extra:,.2f}; the plan "
                f"already uses {breakdown.total:,.2f} of {cap:,.2f})"
            ),
        )
    return LeftOut(
        site=site.id,
        kind=ReasonKind.LOWER_VALUE,
        reason=_lower_value(model, site, itinerary),
    )


def _contingency(model: RouteModel) -> Decimal:
    return 1 + model.project.route.contingency_pct / Decimal(100)


def _no_fit(model: RouteModel, site: Site) -> str:
    availability = model.availability[site.id]
    open_days = [d.day for d in availability if d.is_open]
    days = "only on " + ", ".join(f"{d:%a} {d.day} {d:%b}" for d in open_days)
    if len(open_days) == len(availability):
        days = "every day of the route"
    return (
        f"cannot fit into any day: it is open {days}, and no day "
        f"leaves {site.duration_min} minutes inside its opening hours once "
        "travel from and to the overnight places, the day window and the "
        "travel limits are counted"
    )


def _lower_value(model: RouteModel, site: Site, itinerary: Itinerary) -> str:
    """Name the visits chosen on the days this site could have been visited."""
    open_days = {d.day for d in model.availability[site.id] if d.is_open}
    rivals: list[SiteId] = [
        e.site
        for d in itinerary.days
        if d.day in open_days
        for e in d.visits()
        if e.site is not None
    ]
    names = [model.project.site_by_id[r].name for r in rivals[:MAX_NAMED]]
    if not names:
        return (
            "lower value than the chosen plan: fitting it in would cost more "
            "visits or travel elsewhere than it brings"
        )
    more = f" and {len(rivals) - MAX_NAMED} more" if len(rivals) > MAX_NAMED else ""
    return (
        f"lower value than the visits chosen on the days it is open: "
        f"{', '.join(names)}{more} (learning value {site.value}, themes: "
        f"{', '.join(site.themes) or 'none'})"
    )
