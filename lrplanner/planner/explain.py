"""Why each site not in the plan was left out, in words, computed from the plan."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from lrplanner.core.plan import LeftOut, ReasonKind
from lrplanner.planner import costs
from lrplanner.solver.result import Unvisited

if TYPE_CHECKING:
    from lrplanner.core.costs import CostBreakdown
    from lrplanner.core.ids import SiteId
    from lrplanner.core.plan import Itinerary
    from lrplanner.core.sites import Site
    from lrplanner.planner.build import RouteModel
    from lrplanner.solver.result import Result

MAX_NAMED = 3


def explain_left_out(
    model: RouteModel, result: Result, itinerary: Itinerary, breakdown: CostBreakdown
) -> tuple[LeftOut, ...]:
    """Return a reason for every site of the project that the plan does not visit."""
    visited = set(itinerary.visited_sites())
    found = [r for r in model.screened_out if r.site not in visited]
    for index, site_id in enumerate(model.site_ids):
        if site_id in visited:
            continue
        site = model.project.site_by_id[site_id]
        found.append(
            _reason(model, site, result.unvisited.get(index), itinerary, breakdown)
        )
    order = {s.id: i for i, s in enumerate(model.project.sites)}
    return tuple(sorted(found, key=lambda r: order[r.site]))


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
                f"would break the budget by {over:,.2f} {breakdown.currency} (its fees "
                f"and honoraria cost {extra:,.2f}; the plan already uses "
                f"{breakdown.total:,.2f} of {cap:,.2f})"
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
    open_days = [d.day for d in model.availability[site.id] if d.is_open]
    days = ", ".join(f"{d:%a} {d.day} {d:%b}" for d in open_days)
    return (
        f"cannot fit into any day: it is open only on {days}, and no day "
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
