"""The ``plan`` and ``check`` commands: plan with progress, Ctrl-C, files out."""

from __future__ import annotations

import json
import signal
import sys
from typing import TYPE_CHECKING

from lrplanner import services, storage
from lrplanner.cli.exits import (
    EXIT_CHECK_FAILED,
    EXIT_INFEASIBLE,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_TIME_UP,
    report_write_error,
)
from lrplanner.core import fileset
from lrplanner.core.errors import InfeasibleRequest, PlanningStopped, ProjectFileError
from lrplanner.core.plan import ESTIMATE_NOTE
from lrplanner.exporters.agenda_rows import estimated_legs
from lrplanner.planner.report import plan_report
from lrplanner.solver.stop import CancelToken

if TYPE_CHECKING:
    from pathlib import Path
    from types import FrameType

    from lrplanner.core.project import Project
    from lrplanner.planner.plan import PlanOutcome
    from lrplanner.planner.progress import PlanProgress

PROJECT_FILE = services.PROJECT_FILE


def plan_command(project: Project, out: Path, seconds: float, seed: int) -> int:
    """Plan ``project``, write the files into ``out``; return the exit code.

    The folder is checked writable before the search, so a read-only or
    impossible folder fails at once (exit 4) instead of after it.
    """
    try:
        services.check_output_folder(out)
    except OSError as exc:
        return report_write_error(out, exc, "Nothing was planned or written.")
    outcome = _search(project, seconds, seed)
    if isinstance(outcome, int):
        return outcome
    print(file=sys.stderr)
    try:
        written = services.write_outcome(outcome, out)
    except (OSError, ProjectFileError) as exc:
        kept = f"The plan files already in {out} were kept as they were."
        return report_write_error(out, exc, kept)
    _print_summary(outcome, out)
    print("Wrote " + ", ".join(p.name for p in written) + f" in {out}")
    return EXIT_OK if outcome.report.passed else EXIT_CHECK_FAILED


def _search(project: Project, seconds: float, seed: int) -> PlanOutcome | int:
    """Return the plan, or the exit code if there is none (Ctrl-C stops early)."""
    token = CancelToken()

    def on_interrupt(signum: int, frame: FrameType | None) -> None:
        token.cancel()
        print("\nStopping: keeping the best plan found so far...", file=sys.stderr)

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        return services.plan_project(
            project,
            seconds=seconds,
            seed=seed,
            cancel=token,
            on_progress=_print_progress,
            fresh=True,
        )
    except InfeasibleRequest as exc:
        if token.cancelled:
            print("\nInterrupted before any plan was found.", file=sys.stderr)
            return EXIT_INTERRUPTED
        if isinstance(exc, PlanningStopped):
            print(f"\nNo plan yet: {exc}", file=sys.stderr)
            return EXIT_TIME_UP
        print(f"\nNo plan possible: {exc}", file=sys.stderr)
        return EXIT_INFEASIBLE
    finally:
        signal.signal(signal.SIGINT, previous)


def _print_progress(progress: PlanProgress) -> None:
    if progress.phase == "build":
        text = "\rpreparing the route (travel times, opening days)..."
        print(text, end="", file=sys.stderr, flush=True)
        return
    print(
        f"\rsearching: best value {progress.value:,.1f} after "
        f"{progress.elapsed:4.1f} s",
        end="",
        file=sys.stderr,
        flush=True,
    )


def _print_summary(outcome: PlanOutcome, out: Path) -> None:
    report = outcome.report
    ind, costs = report.indicators, report.costs
    cap = f" of {costs.budget_cap:,.2f}" if costs.budget_cap is not None else ""
    print(
        f"Plan ({report.status}): {ind.sites_visited} visits, value {ind.value:.1f}, "
        f"themes {len(ind.themes)}, countries {', '.join(ind.countries)}, "
        f"travel {ind.travel_hours:.1f} h, cost {costs.total:,.2f}{cap} "
        f"{costs.currency}."
    )
    print(
        f"{len(outcome.itinerary.left_out)} site(s) left out, each with its reason "
        f"in {out / 'plan.json'}."
    )
    for violation in report.violations:
        print(
            f"CHECK FAILED: {violation.day} {violation.rule}: {violation.message}",
            file=sys.stderr,
        )


def check_folder(folder: Path) -> int:
    """Check the plan saved by ``plan`` in ``folder``; return the exit code.

    First the file set: every file named in files.json must be there, as it
    was written with the plan (exit 2 if not, naming each file). Then the
    plan in project.lrp against every hard rule (exit 1 on violations).
    """
    problems = _set_problems(folder)
    if problems:
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        print(
            f"The files in {folder} are not one complete plan; the plan was not "
            "checked. Write them again with 'lrplanner plan'.",
            file=sys.stderr,
        )
        return EXIT_INVALID
    try:
        project = storage.load_project(folder / PROJECT_FILE)
    except ProjectFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    if project.plan is None:
        print(f"error: {folder / PROJECT_FILE} holds no plan", file=sys.stderr)
        return EXIT_INVALID
    found = plan_report(project, project.plan).violations
    for violation in found:
        print(f"{violation.day or '-'} {violation.rule}: {violation.message}")
    print(
        f"{len(found)} violation(s) of the hard rules."
        if found
        else "The plan meets every hard rule."
    )
    _print_estimates(estimated_legs(project, project.plan))
    return EXIT_CHECK_FAILED if found else EXIT_OK


def _print_estimates(legs: list[str]) -> None:
    """List the legs whose time and fare are estimates, to confirm before booking."""
    if not legs:
        return
    print(
        f"{len(legs)} estimated leg(s), {ESTIMATE_NOTE} (no Links row: time "
        "and fare come from the distance):"
    )
    for leg in legs:
        print(f"  {leg}")


def _set_problems(folder: Path) -> list[str]:
    """Return what makes ``folder`` not one complete, unchanged set of plan files."""
    if not folder.is_dir():
        return [f"{folder} is not a folder"]
    try:
        manifest = fileset.read_manifest(folder)
        changed = fileset.set_problems(folder, manifest)
    except fileset.FileSetError as exc:
        return [f"{folder}: {exc}"]
    except OSError as exc:
        return [f"cannot read the files in {folder}: {exc.strerror or exc}"]
    set_id = manifest["set_id"]
    problems = []
    for name, problem in changed:
        if problem == "missing":
            problems.append(f"{name} is missing (files.json lists it)")
            continue
        other = _plan_id(folder / name) if name == services.PLAN_FILE else None
        problems.append(
            f"{name} is from another plan (plan id {other}; the other files are "
            f"from plan {set_id})"
            if other and other != set_id
            else f"{name} is not the file written with plan {set_id}: it was "
            "changed since, or comes from another plan"
        )
    return problems


def _plan_id(path: Path) -> str | None:
    """Return the plan id stamped in a plan.json, if it can be read."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    plan_id = document.get("plan_id") if isinstance(document, dict) else None
    return plan_id if isinstance(plan_id, str) else None
