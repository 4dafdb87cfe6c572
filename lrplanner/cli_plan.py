"""The ``plan`` and ``check`` commands: plan with progress, Ctrl-C, files out."""

from __future__ import annotations

import signal
import sys
from typing import TYPE_CHECKING

from lrplanner import services, storage
from lrplanner.core.errors import InfeasibleRequest, ProjectFileError
from lrplanner.core.validate import validate
from lrplanner.network.graph import TravelNetwork
from lrplanner.planner.plan import travel_check
from lrplanner.solver.stop import CancelToken

if TYPE_CHECKING:
    from pathlib import Path
    from types import FrameType

    from lrplanner.core.project import Project
    from lrplanner.planner.plan import PlanOutcome
    from lrplanner.solver.progress import SolveProgress

PROJECT_FILE = services.PROJECT_FILE


def plan_command(project: Project, out: Path, seconds: float, seed: int) -> int:
    """Plan ``project``, write the files into ``out``; return the exit code."""
    token = CancelToken()

    def on_interrupt(signum: int, frame: FrameType | None) -> None:
        token.cancel()
        print("\nStopping: keeping the best plan found so far...", file=sys.stderr)

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        outcome = services.plan_project(
            project,
            seconds=seconds,
            seed=seed,
            cancel=token,
            on_progress=_print_progress,
        )
    except InfeasibleRequest as exc:
        print(f"\nNo plan possible: {exc}", file=sys.stderr)
        return 3
    finally:
        signal.signal(signal.SIGINT, previous)
    print(file=sys.stderr)
    written = services.write_plan_files(outcome, out)
    _print_summary(outcome, out)
    print("Wrote " + ", ".join(p.name for p in written) + f" in {out}")
    return 1 if outcome.violations else 0


def _print_progress(progress: SolveProgress) -> None:
    print(
        f"\rsearching: best value {progress.best_score / 100:,.1f} after "
        f"{progress.elapsed:4.1f} s",
        end="",
        file=sys.stderr,
        flush=True,
    )


def _print_summary(outcome: PlanOutcome, out: Path) -> None:
    ind = outcome.indicators
    costs = outcome.costs
    cap = f" of {costs.budget_cap:,.2f}" if costs.budget_cap is not None else ""
    print(
        f"Plan ({outcome.status}): {ind.sites_visited} visits, value {ind.value:.1f}, "
        f"themes {len(ind.themes)}, countries {', '.join(ind.countries)}, "
        f"travel {ind.travel_hours:.1f} h, cost {costs.total:,.2f}{cap} "
        f"{costs.currency}."
    )
    print(
        f"{len(outcome.itinerary.left_out)} site(s) left out, each with its reason "
        f"in {out / 'plan.json'}."
    )
    for violation in outcome.violations:
        print(
            f"CHECK FAILED: {violation.day} {violation.rule}: {violation.message}",
            file=sys.stderr,
        )


def check_folder(folder: Path) -> int:
    """Check the plan saved by ``plan`` in ``folder``; return the exit code."""
    try:
        project = storage.load_project(folder / PROJECT_FILE)
    except ProjectFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if project.plan is None:
        print(f"error: {folder / PROJECT_FILE} holds no plan", file=sys.stderr)
        return 2
    found = validate(
        project, project.plan, travel_check(TravelNetwork.from_project(project))
    )
    for violation in found:
        print(f"{violation.day or '-'} {violation.rule}: {violation.message}")
    print(
        f"{len(found)} violation(s) of the hard rules."
        if found
        else "The plan meets every hard rule."
    )
    return 1 if found else 0
