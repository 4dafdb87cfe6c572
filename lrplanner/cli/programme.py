"""The ``programme`` commands: build a programme from route workbooks (or
one workbook of several Route sheets), check it for double bookings, plan
its routes jointly."""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING

from lrplanner import programme as planning
from lrplanner import services, storage
from lrplanner.cli.exits import (
    EXIT_CHECK_FAILED,
    EXIT_INFEASIBLE,
    EXIT_INVALID,
    EXIT_OK,
    report_write_error,
)
from lrplanner.core.bookings import conflicts
from lrplanner.core.errors import ProjectFileError
from lrplanner.exporters.programme_xlsx import write_programme_xlsx

SUMMARY = "programme.xlsx"

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from lrplanner.core.programme import Programme


def new_command(path: Path, inputs: Sequence[Path], name: str) -> int:
    """Write a programme file of one route per input; return the exit code."""
    try:
        made = planning.from_workbooks(inputs, name)
    except ValueError as exc:
        print(f"Cannot build the programme: {exc}", file=sys.stderr)
        return EXIT_INVALID
    try:
        storage.save_programme(made, path)
    except (OSError, ProjectFileError) as exc:
        return report_write_error(path, exc)
    print(f"Wrote the programme {made.name!r} of {len(made.routes)} routes to {path}")
    for index, route in enumerate(made.names, start=1):
        print(f"  {index}. {route}")
    return EXIT_OK


def _load(path: Path) -> Programme | None:
    """Return the programme of a programme (or project) file, or of a
    workbook or CSV folder (its Route sheets); None, said why, if it fails."""
    try:
        if path.suffix.lower() != storage.SUFFIX:
            return planning.from_workbooks([path])
        return storage.load_programme(path)
    except (ProjectFileError, ValueError) as exc:
        print(f"Cannot open the programme: {exc}", file=sys.stderr)
        return None


def check_command(path: Path) -> int:
    """Print the programme-wide conflicts of the routes' plans; exit 1 if any."""
    programme = _load(path)
    if programme is None:
        return EXIT_INVALID
    found = conflicts(programme)
    planned = sum(1 for own in programme.routes if own.plan is not None)
    print(f"{len(programme.routes)} routes, {planned} with a plan.")
    if not found:
        print("No host or champion is booked by two routes on one day.")
        return EXIT_OK
    print(f"{len(found)} conflict(s):")
    for conflict in found:
        print(f"  {conflict.day} {conflict.rule}: {conflict.message}")
    return EXIT_CHECK_FAILED


def plan_command(
    path: Path, out: Path, seconds: float, seed: int, moves: int | None = None
) -> int:
    """Plan every route jointly; write the programme and each route's files.

    Exit 0 when every route has a plan and no two clash, 1 on a conflict
    (which planning jointly should never leave), 3 when a route has no plan
    (its reason is printed; the others' files are written).
    """
    programme = _load(path)
    if programme is None:
        return EXIT_INVALID
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return report_write_error(out, exc, "Nothing was planned or written.")
    count = len(programme.routes)
    print(
        f"Planning {count} routes, {seconds:g} s each, twice, then trying to hand "
        "contested hosts to the route that gains more...",
        file=sys.stderr,
    )

    def said(turn: int, index: int, what: str) -> None:
        name = programme.names[index]
        stage = "hand-over" if turn >= planning.ROUNDS else f"round {turn + 1}"
        print(f"  {stage}, {name}: {what}", file=sys.stderr)

    outcome = planning.plan_programme(
        programme, seconds=seconds, seed=seed, moves=moves, on_route=said
    )
    target = out / "programme.lrp"
    try:
        storage.save_programme(outcome.programme, target)
        write_programme_xlsx(outcome.programme, out / SUMMARY)
        for index, route in enumerate(outcome.routes):
            project = outcome.programme.project(index)
            if project.plan is not None and route.report is not None:
                folder = out / folder_name(index, route.name)
                services.write_plan_files(project, route.report, folder)
    except (OSError, ProjectFileError) as exc:
        return report_write_error(out, exc)
    for route in outcome.routes:
        if route.value is None:
            print(f"{route.name}: no plan ({route.problem})")
        else:
            print(f"{route.name}: value {route.value:.1f}, {route.visits} visits")
    print(f"Total value {outcome.total_value:.1f}; {len(outcome.conflicts)} conflicts.")
    print(f"Wrote {target}, {SUMMARY} and one folder per planned route in {out}")
    if outcome.conflicts:
        return EXIT_CHECK_FAILED
    return EXIT_INFEASIBLE if any(r.value is None for r in outcome.routes) else EXIT_OK


def summary_command(path: Path, out: Path) -> int:
    """Write the programme's summary workbook; return the exit code."""
    programme = _load(path)
    if programme is None:
        return EXIT_INVALID
    try:
        write_programme_xlsx(programme, out)
    except OSError as exc:
        return report_write_error(out, exc)
    print(f"Wrote the summary of {len(programme.routes)} routes to {out}")
    return EXIT_OK


def folder_name(index: int, name: str) -> str:
    """Return a route's folder name: ``1-mekong-learning-route-2027``."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40] or "route"
    return f"{index + 1}-{slug}"
