"""Use-cases shared by the command line and the desktop app (no Qt here)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from lrplanner import storage
from lrplanner.core import fileset
from lrplanner.core.atomic import atomic_write_text
from lrplanner.core.errors import InputError, ProjectFileError
from lrplanner.importers import ImportResult, read_inputs
from lrplanner.planner import jsonio
from lrplanner.planner.plan import PlanOutcome, plan_route, route_model
from lrplanner.planner.replan import keep_visits

PROJECT_FILE = "project.lrp"
PLAN_FILE = "plan.json"

if TYPE_CHECKING:
    from collections.abc import Iterable

    from lrplanner.core.plan import Itinerary
    from lrplanner.core.project import Project
    from lrplanner.core.report import PlanReport
    from lrplanner.planner.build import RouteModel
    from lrplanner.planner.progress import PlanSink
    from lrplanner.solver.stop import CancelToken


def load_inputs(path: Path) -> ImportResult:
    """Load a project file (.lrp), a workbook or a CSV folder.

    Never raises for a bad file: problems come back as errors on the result.
    """
    path = Path(path)
    if path.suffix.lower() != storage.SUFFIX:
        return read_inputs(path)
    try:
        return ImportResult(project=storage.load_project(path))
    except ProjectFileError as exc:
        return unreadable(path, exc)


def unreadable(path: Path, exc: ProjectFileError) -> ImportResult:
    """Return the import result of a project file that cannot be read."""
    error = InputError(
        file=path.name,
        sheet="",
        row=None,
        column=None,
        value="",
        expected=f"a readable project file ({exc})",
    )
    return ImportResult(project=None, errors=(error,))


def plan_project(
    project: Project,
    *,
    seconds: float = 10.0,
    seed: int = 0,
    cancel: CancelToken | None = None,
    on_progress: PlanSink | None = None,
    fresh: bool = False,
) -> PlanOutcome:
    """Plan a project within ``seconds`` (or until ``cancel`` is set).

    A project that has a plan is re-planned keeping its visits where the
    rules allow (:func:`lrplanner.planner.replan.keep_visits`); ``fresh``
    plans it from scratch.

    Raises
    ------
    InfeasibleRequest
        If no plan meets the hard rules (the message explains why).
    """
    if project.plan is not None and not fresh:
        return keep_visits(
            project, seconds=seconds, seed=seed, cancel=cancel, on_progress=on_progress
        )
    return plan_route(
        project, seconds=seconds, seed=seed, cancel=cancel, on_progress=on_progress
    )


def check_output_folder(out_dir: Path) -> None:
    """Create ``out_dir`` if missing and prove that files can be written in it.

    Run it before a long search, so that a read-only or impossible folder
    fails at once.

    Raises
    ------
    OSError
        If the folder cannot be created or written.
    """
    fileset.check_writable(out_dir)


def export(
    project: Project,
    report: PlanReport,
    kinds: Iterable[str] | None,
    folder: Path,
    *,
    model: RouteModel | None = None,
) -> list[Path]:
    """Write the project's plan into ``folder``: the exports named by
    ``kinds`` (keys of :data:`lrplanner.exporters.EXPORTS`), or with None
    the whole set ``lrplanner plan --out`` writes (:func:`write_plan_files`).

    ``report`` is the plan's report (:func:`lrplanner.planner.report.plan_report`);
    ``model`` the engine model it was planned on, for problem.json (built
    from the project when not given).

    Raises
    ------
    ValueError
        If the project has no plan.
    OSError
        If a file cannot be written (earlier files are kept).
    """
    if project.plan is None:
        raise ValueError("the project has no plan yet: plan it first (F5)")
    if kinds is None:
        return write_plan_files(project, report, folder, model=model)
    # The exporters (folium, reportlab) take a second to import: load on use,
    # so that the desktop app's window opens without them.
    from lrplanner.exporters import write_exports

    return write_exports(project, project.plan, report, folder, kinds)


def write_outcome(outcome: PlanOutcome, out_dir: Path) -> list[Path]:
    """Write a plan just searched, as :func:`write_plan_files` does."""
    return write_plan_files(
        outcome.project, outcome.report, out_dir, model=outcome.model
    )


def write_plan_files(
    project: Project,
    report: PlanReport,
    out_dir: Path,
    *,
    model: RouteModel | None = None,
) -> list[Path]:
    """Write a plan's files into ``out_dir`` as one set.

    The set is problem.json, plan.json, the project file with the plan, every
    export of :data:`lrplanner.exporters.EXPORTS` (agenda.xlsx, costs.xlsx,
    map.html, agenda.pdf) and files.json, the manifest that ``lrplanner
    check`` verifies. Every file is first written into a staging folder;
    only a complete set replaces the old files, so a failure leaves the
    previous set as it was, never a mix. plan.json and files.json carry the
    same new plan id.

    Raises
    ------
    ValueError
        If the project has no plan.
    OSError
        If the folder or a file cannot be written (the old set is kept).
    """
    if project.plan is None:
        raise ValueError("the project has no plan yet: plan it first (F5)")
    itinerary = project.plan
    model = model or route_model(project)
    plan_id = uuid.uuid4().hex

    def write(folder: Path) -> list[str]:
        return _write_plan_set(project, itinerary, report, model, folder, plan_id)

    return fileset.write_file_set(out_dir, plan_id, write)


def _write_plan_set(
    project: Project,
    itinerary: Itinerary,
    report: PlanReport,
    model: RouteModel,
    folder: Path,
    plan_id: str,
) -> list[str]:
    from lrplanner.exporters import write_exports

    plan = jsonio.plan_document(project, itinerary, report)
    documents = {
        "problem.json": jsonio.problem_document(model),
        PLAN_FILE: {"format_version": plan["format_version"], "plan_id": plan_id}
        | plan,
    }
    for name, document in documents.items():
        atomic_write_text(folder / name, jsonio.dumps(document))
    storage.save_project(project, folder / PROJECT_FILE)
    exports = write_exports(project, itinerary, report, folder)
    return [*documents, PROJECT_FILE, *(path.name for path in exports)]
