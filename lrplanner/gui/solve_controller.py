"""PlanController: plans the open project in the background and applies the plan."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from lrplanner import services
from lrplanner.core.changes import diff
from lrplanner.core.errors import InfeasibleRequest
from lrplanner.core.plan_diff import plan_diff
from lrplanner.gui.signals import emit
from lrplanner.gui.tasks import Task, TaskRunner
from lrplanner.planner.progress import PlanProgress

if TYPE_CHECKING:
    from lrplanner.core.project import Project
    from lrplanner.gui.document import ProjectDocument
    from lrplanner.gui.tasks import TaskState
    from lrplanner.planner.plan import PlanOutcome

log = logging.getLogger(__name__)
#: A new plan replaces a running plan; exports and reads do not.
PLAN_CHANNEL = "plan"


class PlanController(QObject):
    """Plans the document's Project in the background; the plan is one undo step."""

    started = Signal()
    progressed = Signal(float, float)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        document: ProjectDocument,
        runner: TaskRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._runner = runner
        self._state: TaskState | None = None
        self._snapshot: Project | None = None
        self._amend = False
        self.seconds = 10.0
        self.seed = 0
        self.last_outcome: PlanOutcome | None = None
        #: What the last plan changed from the plan before it, in words
        #: (None: it was a first plan).
        self.last_changes: list[str] | None = None

    def is_running(self) -> bool:
        """Return whether a plan is being computed."""
        return self._state is not None

    def start(self, *, amend: bool = False, fresh: bool = False) -> bool:
        """Plan the current project (cancelling a running plan); False if none.

        A route of a programme is planned with what the other routes booked
        closed to it, so the plan books no host or champion twice.
        With ``amend`` the plan joins the last undo step (the edit it follows,
        such as moving a visit) instead of being a step of its own. A project
        with a plan keeps its visits where it can, unless ``fresh``.
        """
        project = self._document.project
        if project is None:
            return False
        # in a programme: with the other routes' bookings closed; the plan is
        # then stored on the route's own project (see _on_success)
        planned_on = self._document.planning_project() or project
        seconds, seed = self.seconds, self.seed
        self._snapshot = project
        self._amend = amend

        def plan(state: TaskState) -> PlanOutcome:
            return services.plan_project(
                planned_on,
                seconds=seconds,
                seed=seed,
                cancel=state.cancel,
                on_progress=state.report,
                fresh=fresh,
            )

        task = Task(self._runner, plan, channel=PLAN_CHANNEL)
        task = task.with_progress(self._on_progress)
        self._state = task.success(self._on_success).failure(self._on_failure).run()
        emit(self.started)
        return True

    def cancel(self) -> None:
        """Stop the running plan early; the best plan found so far is kept."""
        if self._state is not None:
            self._state.cancel.cancel()

    def _on_progress(self, progress: object) -> None:
        if isinstance(progress, PlanProgress):
            emit(self.progressed, progress.value, progress.elapsed)

    def _on_success(self, outcome: PlanOutcome) -> None:
        self._state = None
        current = self._document.project
        assert current is not None
        assert self._snapshot is not None
        if current is not self._snapshot and diff(self._snapshot, current).inputs:
            emit(self.failed, "The inputs changed while planning. Plan again (F5).")
            return
        self.last_outcome = outcome
        before = self._snapshot.plan
        self.last_changes = (
            None
            if before is None
            else plan_diff(before, outcome.itinerary).lines(current)
        )
        planned = current.with_changes(plan=outcome.itinerary)
        report, model = outcome.report, outcome.model
        amended = (
            self._amend
            and current is self._snapshot
            and self._document.amend(planned, self, report=report, model=model)
        )
        if not amended:
            label = "Re-plan" if current.plan is not None else "Plan"
            self._document.apply(planned, label, self, report=report, model=model)
        emit(self.finished, outcome)

    def _on_failure(self, error: BaseException) -> None:
        state, self._state = self._state, None
        if state is not None and state.cancel.cancelled:
            emit(
                self.failed,
                "Planning was cancelled before a first plan was found. "
                "The previous plan, if any, is unchanged.",
            )
            return
        if isinstance(error, InfeasibleRequest):
            emit(self.failed, str(error))
            return
        log.error("planning failed", exc_info=error)
        emit(self.failed, f"Planning stopped with an unexpected problem: {error}")
