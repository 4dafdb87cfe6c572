"""ProjectDocument: the open project, its undo history, plan report, file path
and dirty flag."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from lrplanner.core.changes import PlanChanges, diff
from lrplanner.core.history import History
from lrplanner.gui.signals import emit
from lrplanner.planner.report import plan_report

if TYPE_CHECKING:
    from pathlib import Path

    from lrplanner.core.project import Project
    from lrplanner.core.report import PlanReport
    from lrplanner.planner.build import RouteModel


class ProjectDocument(QObject):
    """Holds the current core Project and its History; every edit goes through it.

    ``changed(PlanChanges, initiator)`` tells the views what to refresh (the
    flags are computed here, from what differs between the old and the new
    project); ``state_changed`` tells the window to update its title and
    undo actions. :meth:`report` is the verdict on the current plan, made
    once per project by the one report function.
    """

    changed = Signal(object, object)
    state_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._history: History | None = None
        self._saved: Project | None = None
        self._report: tuple[Project, PlanReport] | None = None
        self._model: tuple[Project, RouteModel] | None = None
        self.path: Path | None = None

    @property
    def project(self) -> Project | None:
        """Return the current project (None before one is opened)."""
        return self._history.current if self._history else None

    @property
    def history(self) -> History | None:
        """Return the undo history of the open project."""
        return self._history

    def report(self) -> PlanReport | None:
        """Return the report on the current project's plan (None without one).

        Made by :func:`lrplanner.planner.report.plan_report` the first time a
        project is asked for, or the planner's own when it made the plan.
        """
        project = self.project
        if project is None or project.plan is None:
            return None
        if self._report is None or self._report[0] is not project:
            self._report = (project, plan_report(project, project.plan))
        return self._report[1]

    def model(self) -> RouteModel | None:
        """Return the engine model the current plan was searched on, when the
        planner made it in this session (else None: build it when needed)."""
        if self._model is None or self._model[0] is not self.project:
            return None
        return self._model[1]

    def _adopt(
        self, project: Project, report: PlanReport | None, model: RouteModel | None
    ) -> None:
        if report is not None:
            self._report = (project, report)
        if model is not None:
            self._model = (project, model)

    def is_dirty(self) -> bool:
        """Return whether the project differs from the last saved or opened one."""
        return self._history is not None and self._history.current is not self._saved

    def open(self, project: Project, path: Path | None, *, clean: bool = True) -> None:
        """Replace the document by a newly opened project (a fresh history)."""
        self._history = History(project)
        self._saved = project if clean else None
        self.path = path
        emit(self.changed, PlanChanges.everything(), None)
        emit(self.state_changed)

    def apply(
        self,
        project: Project,
        description: str,
        initiator: object = None,
        *,
        report: PlanReport | None = None,
        model: RouteModel | None = None,
    ) -> None:
        """Make ``project`` current as one undo step and announce what changed.

        ``report`` and ``model`` are the plan's report and engine model when
        the caller has them (the planner does), so they are not made again.
        """
        if self._history is None:
            self._adopt(project, report, model)
            self.open(project, None, clean=False)
            return
        old = self._history.current
        if project is old:
            return
        self._adopt(project, report, model)
        self._history.push(project, description)
        emit(self.changed, diff(old, project), initiator)
        emit(self.state_changed)

    def amend(
        self,
        project: Project,
        initiator: object = None,
        *,
        report: PlanReport | None = None,
        model: RouteModel | None = None,
    ) -> bool:
        """Make ``project`` current as part of the last undo step; False if none."""
        if self._history is None or not self._history.can_undo():
            return False
        old = self._history.current
        self._adopt(project, report, model)
        self._history.amend(project)
        emit(self.changed, diff(old, project), initiator)
        emit(self.state_changed)
        return True

    def mark_saved(self, path: Path) -> None:
        """Record that the current project was saved to ``path``."""
        self.path = path
        self._saved = self.project
        emit(self.state_changed)

    def undo(self) -> str | None:
        """Undo the last edit; return its description (None if nothing to undo)."""
        if self._history is None or not self._history.can_undo():
            return None
        moved = self._history.undo()
        emit(self.changed, moved.changes, None)
        emit(self.state_changed)
        return moved.description

    def redo(self) -> str | None:
        """Redo the last undone edit; return its description (None if none)."""
        if self._history is None or not self._history.can_redo():
            return None
        moved = self._history.redo()
        emit(self.changed, moved.changes, None)
        emit(self.state_changed)
        return moved.description
