"""Cost figures the engine needs: fixed costs, site costs and arc costs.

The engine works in integer cents. Costs that do not depend on the choice of
sites or hotels are "fixed" and taken off the budget before the search; the
rest becomes site costs (host fees, honoraria, interpretation) and arc
costs (travel, and lodging plus per diem on the arc into a hotel). Honoraria
count every champion of a site, so the engine's figure is never below the
real one. Interpretation is bounded the same way: a visit is charged one
interpreter-day per language pair it needs with the champions it may have
on any route day (the most over those days), once per day it takes. The
real cost (:mod:`lrplanner.core.costmodel`) shares a pair between the
visits of one day, so it is never more: the day's distinct pairs are at
most the sum of each visit's pairs.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING

from lrplanner.core.availability import route_dates
from lrplanner.core.interpretation import InterpretationRule

if TYPE_CHECKING:
    from lrplanner.core.places import Place
    from lrplanner.core.project import Project
    from lrplanner.core.sites import Site

CENTS = Decimal(100)
SESSIONS_WITH_VENUE = 3  # opening, Innovation Plan workshop, closing


def to_cents(amount: Decimal) -> int:
    """Return whole cents, rounded up (costs are never under-estimated)."""
    return int((amount * CENTS).to_integral_value(ROUND_CEILING))


def fixed_parts(project: Project) -> list[tuple[str, Decimal]]:
    """Return the costs every plan of this route has, whatever it visits, by
    part: international fares, staff fees, vehicle hire, venues and the last
    day's per diem."""
    route = project.route
    rates = route.rates
    fares = sum(
        (
            (p.fare_to_start or Decimal(0)) + (p.fare_from_end or Decimal(0))
            for p in project.participants
        ),
        Decimal(0),
    )
    staff = (
        route.interpreters * rates.interpreter_per_day
        + route.facilitators * rates.facilitator_per_day
    ) * route.days
    working_days = route.days - len(route.rest_days)
    vehicle = rates.vehicle_per_day * working_days
    venues = rates.venue_per_session * (SESSIONS_WITH_VENUE if route.days > 1 else 2)
    end = project.place_by_id.get(route.end_place)
    last_day = (end.per_diem or Decimal(0)) * project.group_size if end else Decimal(0)
    return [
        ("international fares", fares),
        ("interpreter and facilitator fees", staff),
        ("vehicle hire", vehicle),
        ("workshop venues", venues),
        ("per diem on the last day", last_day),
    ]


def fixed_cost(project: Project) -> Decimal:
    """Return the costs every plan of this route has, whatever it visits."""
    return sum((amount for _, amount in fixed_parts(project)), Decimal(0))


def with_contingency(project: Project, amount: Decimal) -> Decimal:
    """Return an amount with the route's contingency added."""
    return amount * (1 + project.route.contingency_pct / CENTS)


def site_cost(project: Project, site: Site, *, days: int = 1) -> Decimal:
    """Return host fees, every champion's honorarium and the most the visit's
    interpreters can cost (``days``: the route days the visit takes)."""
    honoraria = sum(
        (
            project.champion_by_id[c].honorarium
            for c in site.champions
            if c in project.champion_by_id
        ),
        Decimal(0),
    )
    fees = site.fee_per_group + site.fee_per_person * project.group_size
    rate = project.route.rates.interpreter_per_day
    pairs = interpreter_pairs(project, site) if rate else 0
    interpreters = rate * pairs * days
    return fees + honoraria + interpreters


def interpreter_pairs(project: Project, site: Site) -> int:
    """Return the most language pairs a visit to ``site`` needs on a route day.

    The champions who present are those of the site available that day
    (:func:`lrplanner.core.availability.site_days`), and fewer champions may
    speak fewer languages, so every day's set is tried.
    """
    rule = _rule(project)
    known = [c for c in site.champions if c in project.champion_by_id]
    teams = {
        tuple(c for c in known if project.champion_by_id[c].is_available(day))
        for day in route_dates(project)
    }
    return max((len(rule.need(team).pairs) for team in teams), default=0)


#: The last project's interpretation rule: building it reads the whole
#: roster, and a model build asks for every site (400 sites: 0.8 s).
_last_rule: tuple[Project, InterpretationRule] | None = None


def _rule(project: Project) -> InterpretationRule:
    """Return the project's interpretation rule, kept for the same project
    (the same object: projects are frozen, so it cannot have changed)."""
    global _last_rule  # a one-entry cache; a race only builds it twice
    last = _last_rule
    if last is not None and last[0] is project:
        return last[1]
    rule = InterpretationRule(project)
    _last_rule = (project, rule)
    return rule


def night_cost(project: Project, place: Place) -> Decimal:
    """Return lodging and that day's per diem for the group sleeping at a place."""
    rate = (place.lodging_per_night or Decimal(0)) + (place.per_diem or Decimal(0))
    return rate * project.group_size


def engine_budget(project: Project) -> int | None:
    """Return the cents left for the engine after contingency and fixed costs.

    None when the route has no budget cap; negative when even the fixed costs
    break the cap.
    """
    route = project.route
    if route.budget_cap is None:
        return None
    spendable = route.budget_cap / (1 + route.contingency_pct / CENTS)
    left = spendable - fixed_cost(project)
    return int((left * CENTS).to_integral_value(ROUND_FLOOR))
