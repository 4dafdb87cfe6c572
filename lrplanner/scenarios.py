"""Scenarios side by side, and what each extra amount of budget buys.

A :class:`Scenario` is a named copy of the route with some settings changed:
Route settings as the Route sheet writes them (``End date=2027-03-12``,
``Budget cap=60000``, ``Start place=KH-PNP``), countries or sites left out.
Its changes go through the importer's own rules (``edit_route``), so a
scenario means exactly what the same change in the workbook would.

:func:`run_scenarios` plans every scenario in a process pool on the
machine's cores and returns one :class:`ScenarioResult` per scenario: the
comparison table's figures, the plan (to promote it to the route) or why
there is none. :func:`budget_curve` plans the route at a range of budget
caps, from the cheapest plan the route allows to the plan with no cap, so a
budget holder sees what each extra amount buys. Both take a cancel token:
a cancel stops the plans under way and starts no other, and each scenario
not planned to the end says so (``STOPPED``).

Every plan here is the planner's, checked by the independent validator
(``PlanReport.violations``); a scenario whose plan breaks a rule says so.
"""

from __future__ import annotations

import itertools
import math
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from lrplanner.core.codec import JSON, decode, encode
from lrplanner.core.columns import ROUTE
from lrplanner.core.errors import InfeasibleRequest, PlanningStopped
from lrplanner.core.plan import Itinerary
from lrplanner.core.project import Project
from lrplanner.core.scenario import RULES
from lrplanner.core.scenario import Scenario as Scenario  # re-exported
from lrplanner.exporters.scenarios_xlsx import ComparisonRow, CurveRow
from lrplanner.importers.table import match_column
from lrplanner.planner.budget import cheapest_total
from lrplanner.planner.plan import plan_route
from lrplanner.services_edit import edit_route
from lrplanner.solver.stop import CancelToken

if TYPE_CHECKING:
    from multiprocessing.synchronize import Event

    from lrplanner.core.ids import SiteId
    from lrplanner.core.rules import PlanningRules
    from lrplanner.planner.plan import PlanOutcome

#: What a scenario text may set besides the Route settings.
EXCLUDE_COUNTRIES = "exclude countries"
EXCLUDE_SITES = "exclude sites"
#: Budget-curve points by default: the cheapest plan, the uncapped one, 6 between.
CURVE_POINTS = 8
#: The problem of a scenario whose planning was stopped before it ended.
STOPPED = "not planned: stopped before its planning time was up"
#: Seconds between a pool process's looks at the stop flag.
STOP_POLL_S = 0.2


def parse_scenario(text: str) -> Scenario:
    """Return the scenario ``NAME: Setting=value; Setting=value`` describes.

    Settings are the Route sheet's (its headers or their synonyms), plus
    ``Exclude countries=LA, TH`` and ``Exclude sites=KH01, KH02``.

    Raises
    ------
    ValueError
        Naming the part that cannot be read and what would do.
    """
    name, colon, changes = text.partition(":")
    name = name.strip()
    if not colon or not name:
        raise ValueError(
            f"scenario {text!r}: expected NAME: Setting=value; ... (such as "
            "'10 days: End date=2027-03-11')"
        )
    settings: list[tuple[str, str]] = []
    countries: list[str] = []
    sites: list[str] = []
    for part in filter(None, (p.strip() for p in changes.split(";"))):
        header, equals, value = (s.strip() for s in part.partition("="))
        if not equals or not header:
            raise ValueError(f"scenario {name!r}: expected Setting=value, not {part!r}")
        listed = [v.strip() for v in value.split(",") if v.strip()]
        if header.lower() == EXCLUDE_COUNTRIES:
            countries.extend(v.upper() for v in listed)
        elif header.lower() == EXCLUDE_SITES:
            sites.extend(listed)
        elif header.lower() in RULE_LABELS:
            settings.append((RULE_LABELS[header.lower()], value))
        else:
            column = match_column(ROUTE, header)
            if column is None:
                raise ValueError(
                    f"scenario {name!r}: {header!r} is no Route setting (nor a "
                    "planning rule such as Cost weight, nor Exclude countries "
                    "or Exclude sites)"
                )
            settings.append((column.key, value))
    return Scenario(
        name=name,
        settings=tuple(settings),
        countries=tuple(countries),
        sites=tuple(sites),
    )


def with_scenario(project: Project, scenario: Scenario, old: str = "") -> Project:
    """Return the project keeping ``scenario`` (in place of ``old``, if named).

    Raises
    ------
    ValueError
        If it does not apply to the route, or another scenario has its name.
    """
    apply(project, scenario)
    kept = list(project.scenarios)
    names = [s.name for s in kept]
    if scenario.name in names and scenario.name != old:
        raise ValueError(f"a scenario is already called {scenario.name!r}")
    if old in names:
        kept[names.index(old)] = scenario
    else:
        kept.append(scenario)
    return project.with_changes(scenarios=tuple(kept))


def without_scenario(project: Project, name: str) -> Project:
    """Return the project without the scenario called ``name``."""
    kept = tuple(s for s in project.scenarios if s.name != name)
    return project.with_changes(scenarios=kept)


def apply(project: Project, scenario: Scenario) -> Project:
    """Return the route as the scenario changes it, without its plan.

    A required site the scenario leaves out (by itself or by its country)
    is no longer required in it.

    Raises
    ------
    ValueError
        If a setting would not load, or a country or site is unknown; the
        message names the scenario.
    """
    changed = project.with_changes(plan=None, locks=())
    for key, text in scenario.settings:
        try:
            if key in RULES:
                changed = changed.with_changes(rules=_rule(changed.rules, key, text))
            else:
                changed = edit_route(changed, key, text)
        except ValueError as exc:
            raise ValueError(f"scenario {scenario.name!r}: {exc}") from None
    countries = {site.country for site in project.sites}
    unknown = [c for c in scenario.countries if c not in countries]
    unknown += [s for s in scenario.sites if s not in project.site_by_id]
    if unknown:
        raise ValueError(
            f"scenario {scenario.name!r}: no site is in or called {', '.join(unknown)}"
        )
    left_out: dict[SiteId, None] = dict.fromkeys(changed.excluded_sites)
    sites = []
    for site in changed.sites:
        if site.country in scenario.countries or site.id in scenario.sites:
            left_out[site.id] = None
            site = replace(site, required=False)  # left out means not required
        sites.append(site)
    own = tuple(s for s in changed.route.required_sites if s not in left_out)
    route = replace(changed.route, required_sites=own)
    return changed.with_changes(
        route=route, sites=tuple(sites), excluded_sites=tuple(left_out)
    )


RULE_LABELS = {label.lower(): key for key, (label, _, _) in RULES.items()}


def _rule(rules: PlanningRules, key: str, text: str) -> PlanningRules:
    """Return ``rules`` with one rule set from its text (a number).

    Raises
    ------
    ValueError
        If the text is no number or the rules refuse it (the rule is named).
    """
    label, part, name = RULES[key]
    kind = type(getattr(getattr(rules, part), name))
    try:
        number = kind(text.replace(",", "").strip())
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        raise ValueError(f"{label}: expected a number, not {text!r}")
    try:
        changed = replace(getattr(rules, part), **{name: number})
    except ValueError as exc:
        raise ValueError(f"{label}: {exc}") from None
    return replace(rules, **{part: changed})


@dataclass(frozen=True, slots=True, kw_only=True)
class ScenarioResult:
    """One row of the comparison table (``problem`` set: no plan, and why)."""

    name: str
    changes: str
    problem: str = ""
    value: float = 0.0
    visits: int = 0
    themes: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    travel_hours: float = 0.0
    hotel_changes: int = 0
    cost: Decimal = Decimal(0)
    cost_per_participant: Decimal = Decimal(0)
    budget_cap: Decimal | None = None
    #: False when the scenario's settings would not load: its cap is unknown
    #: (``budget_cap`` None then does not mean "no cap").
    cap_known: bool = True
    women_share: float = 0.0
    youth_share: float = 0.0
    broken_rules: tuple[str, ...] = ()
    plan: Itinerary | None = field(default=None, compare=False, repr=False)


def plan_scenario(
    project: Project,
    scenario: Scenario,
    seconds: float,
    seed: int = 0,
    cancel: CancelToken | None = None,
) -> ScenarioResult:
    """Plan one scenario and return its row (run in a worker process); a
    ``cancel`` before its planning ends makes it a ``STOPPED`` row."""
    changes = scenario.describe()
    try:
        variant = apply(project, scenario)
    except ValueError as exc:
        return ScenarioResult(
            name=scenario.name, changes=changes, problem=str(exc), cap_known=False
        )
    cap = variant.route.budget_cap
    stopped = ScenarioResult(
        name=scenario.name, changes=changes, problem=STOPPED, budget_cap=cap
    )
    if cancel is not None and cancel.cancelled:
        return stopped
    try:
        outcome = plan_route(variant, seconds=seconds, seed=seed, cancel=cancel)
    except InfeasibleRequest as exc:
        if cancel is not None and cancel.cancelled:
            return stopped
        return ScenarioResult(
            name=scenario.name, changes=changes, problem=str(exc), budget_cap=cap
        )
    if cancel is not None and cancel.cancelled:
        return stopped
    return result_of(scenario.name, changes, outcome)


def result_of(name: str, changes: str, outcome: PlanOutcome) -> ScenarioResult:
    """Return the comparison row of a planned outcome."""
    itinerary = outcome.itinerary
    figures = outcome.report.indicators
    nights = [d.overnight for d in itinerary.days if d.overnight is not None]
    return ScenarioResult(
        name=name,
        changes=changes,
        value=figures.value,
        visits=figures.sites_visited,
        themes=figures.themes,
        countries=figures.countries,
        travel_hours=figures.travel_hours,
        hotel_changes=sum(1 for a, b in itertools.pairwise(nights) if a != b),
        cost=outcome.report.costs.total,
        cost_per_participant=figures.cost_per_participant,
        budget_cap=outcome.model.project.route.budget_cap,
        women_share=figures.women_share,
        youth_share=figures.youth_share,
        broken_rules=tuple(v.message for v in outcome.report.violations),
        plan=itinerary,
    )


def promote(project: Project, scenario: Scenario, result: ScenarioResult) -> Project:
    """Return the route changed as the scenario, with the scenario's plan.

    Raises
    ------
    ValueError
        If the scenario has no plan or no longer applies to the route.
    """
    if result.plan is None:
        raise ValueError(f"scenario {scenario.name!r} has no plan: {result.problem}")
    return apply(project, scenario).with_changes(plan=result.plan)


Done = Callable[[int, ScenarioResult], None]


def run_scenarios(
    project: Project,
    scenarios: Sequence[Scenario],
    *,
    seconds: float,
    seed: int = 0,
    workers: int | None = None,
    on_done: Done | None = None,
    cancel: CancelToken | None = None,
) -> list[ScenarioResult]:
    """Plan every scenario, ``workers`` at a time (default: one per core).

    ``on_done(index, result)`` is called as each finishes. Results come in
    the scenarios' order. A scenario that cannot be planned gets a row
    saying why; the others still run. A ``cancel`` stops the plans under
    way (in every process) and starts no other: those scenarios get a
    ``STOPPED`` row.
    """
    if not scenarios:
        return []
    count = min(len(scenarios), workers or os.cpu_count() or 1)
    results: dict[int, ScenarioResult] = {}

    def record(index: int, result: ScenarioResult) -> None:
        results[index] = result
        if on_done is not None:
            on_done(index, result)

    if count == 1:
        for index, scenario in enumerate(scenarios):
            record(index, plan_scenario(project, scenario, seconds, seed, cancel))
        return [results[i] for i in range(len(scenarios))]
    context = multiprocessing.get_context("spawn")  # never fork a Qt process
    flag = context.Event()  # set: every pool process stops its plan
    with ProcessPoolExecutor(
        max_workers=count,
        mp_context=context,
        initializer=_remember_stop_flag,
        initargs=(flag,),
    ) as pool:
        data = encode(project)  # a Project holds read-only mappings: no pickle
        futures: dict[Future[tuple[ScenarioResult, JSON]], int] = {
            pool.submit(_plan_in_worker, data, s, seconds, seed): i
            for i, s in enumerate(scenarios)
        }
        pending = set(futures)
        while pending:
            done, pending = wait(pending, STOP_POLL_S, FIRST_COMPLETED)
            for future in done:
                index = futures[future]
                if future.cancelled():
                    record(index, _stopped(project, scenarios[index]))
                    continue
                result, plan = future.result()
                if plan is not None:
                    result = replace(result, plan=decode(Itinerary, plan))
                record(index, result)
            if cancel is not None and cancel.cancelled and not flag.is_set():
                flag.set()
                for future in pending:
                    future.cancel()  # not started: never will be
    return [results[i] for i in range(len(scenarios))]


def _stopped(project: Project, scenario: Scenario) -> ScenarioResult:
    """Return the row of a scenario stopped before its planning began, with
    the cap it would have planned under."""
    try:
        cap, known = apply(project, scenario).route.budget_cap, True
    except ValueError:
        cap, known = None, False
    return ScenarioResult(
        name=scenario.name,
        changes=scenario.describe(),
        problem=STOPPED,
        budget_cap=cap,
        cap_known=known,
    )


#: A pool process's stop flag (set by :func:`_remember_stop_flag`).
_STOP_FLAG: list[Event] = []


def _remember_stop_flag(flag: Event) -> None:
    """Keep the run's stop flag in this pool process (its initializer)."""
    _STOP_FLAG[:] = [flag]


def _plan_in_worker(
    data: JSON, scenario: Scenario, seconds: float, seed: int
) -> tuple[ScenarioResult, JSON]:
    """Plan one scenario in a pool process; the plan comes back encoded.

    A thread watches the run's stop flag while it plans and cancels the plan
    when it is set."""
    cancel = CancelToken()
    over = threading.Event()

    def watch(flag: Event) -> None:
        while not over.is_set():
            if flag.wait(STOP_POLL_S):
                cancel.cancel()
                return

    if _STOP_FLAG:
        threading.Thread(target=watch, args=(_STOP_FLAG[0],), daemon=True).start()
    try:
        result = plan_scenario(decode(Project, data), scenario, seconds, seed, cancel)
    finally:
        over.set()
    plan = None if result.plan is None else encode(result.plan)
    return replace(result, plan=None), plan


@dataclass(frozen=True, slots=True, kw_only=True)
class CurvePoint:
    """The best plan found under one budget cap.

    ``carried`` is set when that plan is a cheaper cap's (``carried``, the
    cheaper cap): it fits this cap too, and the search under this cap found
    less (``found``: its value; None when it found no plan)."""

    cap: Decimal | None
    result: ScenarioResult
    carried: Decimal | None = None
    found: float | None = None


def budget_caps(
    low: Decimal, high: Decimal, points: int = CURVE_POINTS
) -> list[Decimal]:
    """Return ``points`` caps from ``low`` to ``high``, evenly spaced, to the unit."""
    if points < 2 or high <= low:
        return [high.quantize(Decimal(1))]
    step = (high - low) / (points - 1)
    return [(low + step * i).quantize(Decimal(1)) for i in range(points)]


def budget_curve(
    project: Project,
    *,
    points: int = CURVE_POINTS,
    seconds: float,
    seed: int = 0,
    workers: int | None = None,
    on_done: Done | None = None,
    cancel: CancelToken | None = None,
) -> list[CurvePoint]:
    """Return the plan's value at ``points`` caps, cheapest plan to no cap.

    The route is planned once with no cap (the top of the curve); its model
    gives the cheapest plan the route allows (no visits but the required
    ones, contingency included), the bottom. The caps between are planned
    in the pool. The first cap is rounded up, so its plan exists. A
    ``cancel`` returns the points planned to the end so far (none while the
    top is still planned), the stopped caps left out.

    Raises
    ------
    InfeasibleRequest
        If the route has no plan even without a cap.
    ValueError
        If ``points`` is below 2.
    """
    if points < 2:
        raise ValueError("a budget curve needs at least 2 points")
    free = project.with_changes(
        plan=None, route=replace(project.route, budget_cap=None)
    )
    try:
        top = plan_route(free, seconds=seconds, seed=seed, cancel=cancel)
    except PlanningStopped:
        if cancel is not None and cancel.cancelled:
            return []
        raise
    if cancel is not None and cancel.cancelled:
        return []
    high = top.report.costs.total
    low = min(cheapest_total(top.model), high).quantize(Decimal(1), "ROUND_CEILING")
    caps = budget_caps(low, high, points)[:-1]
    scenarios = [
        Scenario(name=f"cap {cap:,}", settings=(("budget_cap", f"{cap}"),))
        for cap in caps
    ]
    rows = run_scenarios(
        free,
        scenarios,
        seconds=seconds,
        seed=seed,
        workers=workers,
        on_done=on_done,
        cancel=cancel,
    )
    curve = [
        CurvePoint(cap=c, result=r)
        for c, r in zip(caps, rows, strict=True)
        if r.problem != STOPPED
    ]
    top_row = result_of("no cap", "Budget cap=(none)", top)
    return never_less([*curve, CurvePoint(cap=None, result=top_row)])


def never_less(curve: Sequence[CurvePoint]) -> list[CurvePoint]:
    """Return the curve with each point at least as good as the cheaper caps'.

    A plan under a cap fits every higher cap too, so the best plan at a cap
    is worth at least the best at a cheaper one; the search at a higher cap
    may still find less in its time (the Mekong sample: 79.4 at 66,520 and
    74.5 at 67,114). A budget holder would read that as money buying less:
    such a point shows the cheaper cap's plan, and says so. ``curve`` is
    cheapest cap first (no cap last).
    """
    out: list[CurvePoint] = []
    best: CurvePoint | None = None
    for point in curve:
        result = point.result
        usable = not result.problem and not result.broken_rules
        if best is not None and (not usable or result.value < best.result.value):
            shown = replace(
                best.result,
                name=result.name,
                changes=result.changes,
                budget_cap=result.budget_cap,
            )
            found = result.value if usable else None
            out.append(replace(point, result=shown, carried=best.cap, found=found))
            continue
        out.append(point)
        if usable:
            best = point
    return out


def comparison_row(result: ScenarioResult) -> ComparisonRow:
    """Return a result as the Comparison sheet prints it."""
    planned = not result.problem
    note = result.problem or "; ".join(result.broken_rules)
    return ComparisonRow(
        name=result.name,
        changes=result.changes,
        value=result.value if planned else None,
        visits=result.visits if planned else None,
        themes=len(result.themes) if planned else None,
        countries=", ".join(result.countries),
        travel_hours=result.travel_hours if planned else None,
        hotel_changes=result.hotel_changes if planned else None,
        cost=result.cost if planned else None,
        cost_per_participant=result.cost_per_participant if planned else None,
        budget_cap=result.budget_cap,
        cap_known=result.cap_known,
        women_share=result.women_share if planned else None,
        youth_share=result.youth_share if planned else None,
        note=note,
    )


def curve_row(point: CurvePoint) -> CurveRow:
    """Return a curve point as the Budget curve sheet prints it."""
    result = point.result
    planned = not result.problem
    note = result.problem
    if point.carried is not None:
        found = "no plan" if point.found is None else f"{point.found:.1f}"
        note = (
            f"the plan of cap {point.carried:,}: the search under this cap "
            f"found {found}"
        )
    return CurveRow(
        cap=point.cap,
        value=result.value if planned else None,
        visits=result.visits if planned else None,
        cost=result.cost if planned else None,
        note=note,
    )
