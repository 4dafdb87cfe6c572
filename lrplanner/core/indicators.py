"""Plan indicators: value, coverage, travel, cost per participant, champions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from lrplanner.core.people import Gender

if TYPE_CHECKING:
    from lrplanner.core.costs import CostBreakdown
    from lrplanner.core.plan import Itinerary
    from lrplanner.core.project import Project
    from lrplanner.core.rules import ValueRules


@dataclass(frozen=True, slots=True, kw_only=True)
class Indicators:
    """Headline figures of a plan."""

    value: float
    sites_visited: int
    themes: tuple[str, ...]
    countries: tuple[str, ...]
    travel_hours: float
    total_cost: Decimal
    cost_per_participant: Decimal
    champions: int
    women_share: float
    youth_share: float


def plan_value(project: Project, itinerary: Itinerary, rules: ValueRules) -> float:
    """Return learning value: site values plus the diminishing theme bonus.

    The bonus is :meth:`ValueRules.theme_increments`, the one the planner
    optimises, summed over the sites visited on each theme.
    """
    sites = [project.site_by_id[s] for s in itinerary.visited_sites()]
    per_theme = Counter(t for site in sites for t in dict.fromkeys(site.themes))
    bonus = sum((sum(rules.theme_increments(n)) for n in per_theme.values()), 0.0)
    return sum(s.value for s in sites) + bonus


def indicators(
    project: Project, itinerary: Itinerary, costs: CostBreakdown, rules: ValueRules
) -> Indicators:
    """Return the indicators of a plan."""
    sites = [project.site_by_id[s] for s in itinerary.visited_sites()]
    presenting = {c for d in itinerary.days for e in d.visits() for c in e.champions}
    people = [project.champion_by_id[c] for c in presenting]
    start = project.route.start_date
    count = len(people)
    return Indicators(
        value=plan_value(project, itinerary, rules),
        sites_visited=len(sites),
        themes=tuple(sorted({t for s in sites for t in s.themes})),
        countries=tuple(sorted({s.country for s in sites})),
        travel_hours=sum(d.travel_minutes() for d in itinerary.days) / 60,
        total_cost=costs.total,
        cost_per_participant=costs.per_participant,
        champions=count,
        women_share=sum(p.gender is Gender.FEMALE for p in people) / count
        if count
        else 0.0,
        youth_share=sum(p.is_youth(start) for p in people) / count if count else 0.0,
    )
