"""Use-cases shared by the command line and the desktop app (no Qt here)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from lrplanner import storage
from lrplanner.core.atomic import atomic_write_text
from lrplanner.core.errors import InputError, ProjectFileError
from lrplanner.importers import ImportResult, read_inputs
from lrplanner.planner import jsonio
from lrplanner.planner.plan import PlanOutcome, plan_route

PROJECT_FILE = "project.lrp"

if TYPE_CHECKING:
    from lrplanner.core.project import Project
    from lrplanner.solver.progress import ProgressSink
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
    on_progress: ProgressSink | None = None,
) -> PlanOutcome:
    """Plan a project within ``seconds`` (or until ``cancel`` is set).

    Raises
    ------
    InfeasibleRequest
        If no plan meets the hard rules (the message explains why).
    """
    return plan_route(
        project, seconds=seconds, seed=seed, cancel=cancel, on_progress=on_progress
    )


def write_plan_files(outcome: PlanOutcome, out_dir: Path) -> list[Path]:
    """Write problem.json, plan.json, the project file with the plan and the
    exports (agenda.xlsx, costs.xlsx, map.html, agenda.pdf) into ``out_dir``.

    Every file is written atomically, so a failure leaves older files intact.
    """
    # The exporters (folium, reportlab) take a second to import: load on use,
    # so that the desktop app's window opens without them.
    from lrplanner.exporters import export_all

    out_dir.mkdir(parents=True, exist_ok=True)
    project = outcome.model.project
    files = {
        "problem.json": jsonio.problem_document(outcome.model),
        "plan.json": jsonio.plan_document(project, outcome),
    }
    written = []
    for name, document in files.items():
        atomic_write_text(out_dir / name, jsonio.dumps(document))
        written.append(out_dir / name)
    planned = project.with_changes(plan=outcome.itinerary)
    storage.save_project(planned, out_dir / PROJECT_FILE)
    written.append(out_dir / PROJECT_FILE)
    written += export_all(
        project, outcome.itinerary, outcome.costs, outcome.indicators, out_dir
    )
    return written
