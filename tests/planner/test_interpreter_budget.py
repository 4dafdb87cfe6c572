"""Tests that the planner's budget counts interpreters as an upper bound."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from lrplanner.core.availability import route_dates
from lrplanner.core.costs import CostCategory
from lrplanner.core.interpretation import InterpretationRule
from lrplanner.core.timespan import DateRange
from lrplanner.core.validate import validate
from lrplanner.network.graph import TravelNetwork
from lrplanner.planner import costs
from lrplanner.planner.plan import plan_route
from lrplanner.planner.report import travel_check
from tests.planner.conftest import load_sample


def test_a_site_is_charged_its_most_pairs_on_any_day() -> None:
    """Tests that every Mekong site's engine cost holds its interpreters on
    every route day (the champions present that day), and a site whose
    English-speaking champion is away two days is charged Khmer → English
    (with the English one alone, only the whisper into Lao)."""
    project = load_sample("mekong")
    rule = InterpretationRule(project)
    for site in project.sites:
        most = costs.interpreter_pairs(project, site)
        for day in route_dates(project):
            team = [
                c
                for c in site.champions
                if c in project.champion_by_id
                and project.champion_by_id[c].is_available(day)
            ]
            assert len(rule.need(team).pairs) <= most, (site.id, day)
    speaker = next(c for c in project.champions if c.languages == ("Khmer", "English"))
    silent = next(c for c in project.champions if c.languages == ("Khmer",))
    away = replace(speaker, available=(DateRange(date(2027, 3, 3), date(2027, 3, 11)),))
    site = replace(project.sites[0], champions=(speaker.id, silent.id))
    changed = project.with_changes(
        sites=(site, *project.sites[1:]),
        champions=tuple(away if c.id == speaker.id else c for c in project.champions),
    )
    # Khmer → English on 1-2 March, and the whisper for the Lao-only P06
    assert costs.interpreter_pairs(changed, site) == 2
    assert costs.interpreter_pairs(changed, replace(site, champions=(speaker.id,))) == 1
    fees = costs.site_cost(changed, site) - costs.site_cost(changed, site, days=0)
    assert fees == 2 * changed.route.rates.interpreter_per_day == Decimal("260")


def test_a_plan_under_a_tight_cap_fits_it_once_costed() -> None:
    """Tests the Mekong sample with interpreters at USD 400 a day: planned
    under a cap 4 % below its uncapped cost, the plan still pays for
    interpreters, and its real cost (pairs shared per day) is within the cap
    and passes the independent check."""
    sample = load_sample("mekong")
    rates = replace(sample.route.rates, interpreter_per_day=Decimal("400"))
    project = sample.with_changes(
        route=replace(sample.route, rates=rates, budget_cap=None)
    )
    free = plan_route(project, seconds=3.0, seed=0).report.costs
    assert free.by_category()[CostCategory.INTERPRETERS] > 0
    cap = (free.total * Decimal("0.96")).quantize(Decimal(1))
    capped = project.with_changes(route=replace(project.route, budget_cap=cap))
    outcome = plan_route(capped, seconds=3.0, seed=0)
    breakdown = outcome.report.costs
    assert breakdown.total <= cap
    assert breakdown.by_category()[CostCategory.INTERPRETERS] > 0
    network = TravelNetwork.from_project(capped)
    assert validate(capped, outcome.itinerary, travel_check(network)) == []
