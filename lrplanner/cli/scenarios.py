"""The ``scenarios`` command: plan variants of a route side by side, and the
value-against-budget curve, into ``scenarios.xlsx``."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from lrplanner import scenarios
from lrplanner.cli.exits import (
    EXIT_INFEASIBLE,
    EXIT_INVALID,
    EXIT_OK,
    report_write_error,
)
from lrplanner.core.errors import InfeasibleRequest
from lrplanner.exporters.scenarios_xlsx import write_scenarios_xlsx

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from lrplanner.core.project import Project

FILE = "scenarios.xlsx"


def scenarios_command(
    project: Project,
    out: Path,
    texts: Sequence[str],
    *,
    curve: int,
    seconds: float,
    seed: int,
) -> int:
    """Plan the route as it is and as each scenario text changes it; return
    the exit code. ``curve`` > 0 adds a budget curve of that many points."""
    try:
        wanted = [scenarios.Scenario(name="as the route")] + [
            scenarios.parse_scenario(t) for t in texts
        ]
        for scenario in wanted:
            scenarios.apply(project, scenario)  # refuse a bad one before planning
    except ValueError as exc:
        print(f"Cannot read the scenarios: {exc}", file=sys.stderr)
        return EXIT_INVALID
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return report_write_error(out, exc, "Nothing was planned or written.")
    print(f"Planning {len(wanted)} scenario(s), {seconds:g} s each...", file=sys.stderr)
    results = scenarios.run_scenarios(
        project, wanted, seconds=seconds, seed=seed, on_done=_print_done
    )
    points: list[scenarios.CurvePoint] = []
    if curve:
        print(f"Budget curve: {curve} caps, {seconds:g} s each...", file=sys.stderr)
        try:
            points = scenarios.budget_curve(
                project, points=curve, seconds=seconds, seed=seed
            )
        except (InfeasibleRequest, ValueError) as exc:
            print(f"No budget curve: {exc}", file=sys.stderr)
            return EXIT_INFEASIBLE
    path = out / FILE
    try:
        write_scenarios_xlsx(
            path,
            [scenarios.comparison_row(r) for r in results],
            [scenarios.curve_row(p) for p in points],
            route=project.route.name,
            currency=project.route.currency,
        )
    except OSError as exc:
        return report_write_error(path, exc)
    _print_table(results, project.route.currency)
    for point in points:
        r = point.result
        cap = "no cap" if point.cap is None else f"cap {point.cap:,}"
        what = (
            r.problem or f"value {r.value:.1f}, {r.visits} visits, cost {r.cost:,.2f}"
        )
        note = scenarios.curve_row(point).note
        print(f"{cap}: {what}" + (f" ({note})" if note and not r.problem else ""))
    print(f"Wrote {path}")
    return EXIT_OK


def _print_done(index: int, result: scenarios.ScenarioResult) -> None:
    what = result.problem or f"value {result.value:.1f}, {result.visits} visits"
    print(f"  {result.name}: {what}", file=sys.stderr)


def _print_table(results: Sequence[scenarios.ScenarioResult], currency: str) -> None:
    for r in results:
        if r.problem:
            print(f"{r.name}: no plan ({r.problem})")
        else:
            print(
                f"{r.name}: value {r.value:.1f}, {r.visits} visits, "
                f"{len(r.themes)} themes, {', '.join(r.countries)}, "
                f"cost {r.cost:,.2f} {currency}, {r.hotel_changes} hotel changes"
            )
