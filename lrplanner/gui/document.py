"""ProjectDocument: the open programme (a project file is a programme of one
route), the route shown, its undo history, plan report, file path and dirty flag."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from lrplanner.core.bookings import with_others_taken
from lrplanner.core.changes import PlanChanges, diff
from lrplanner.core.programme import Programme
from lrplanner.gui.route_history import RouteHistory, RouteStep
from lrplanner.gui.signals import emit
from lrplanner.planner.report import plan_report

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from lrplanner.core.project import Project
    from lrplanner.core.report import PlanReport
    from lrplanner.planner.build import RouteModel


class ProjectDocument(QObject):
    """Holds the open Programme, the route shown and the History; every edit
    goes through it.

    The views work on :attr:`project`, the Project of the route shown
    (``programme.project(route)``); :meth:`apply` and :meth:`amend` write an
    edited Project back into the programme (``Programme.with_project``), so
    undo, autosave and Save keep every route. A project file opens as a
    programme of one route and nothing else changes for it.

    ``changed(PlanChanges, initiator)`` tells the views what to refresh (the
    flags are computed here, from what differs between the old and the new
    project); ``state_changed`` tells the window to update its title, undo
    actions and route picker; ``refused(message)`` that an edit could not
    be written into the programme (it is dropped). :meth:`report` is the
    verdict on the current plan, made once per project by the one report
    function.
    """

    changed = Signal(object, object)
    state_changed = Signal()
    refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._history: RouteHistory | None = None
        self._saved: Programme | None = None
        self._shown = 0
        self._view: tuple[Programme, int, Project] | None = None
        self._report: tuple[Project, PlanReport] | None = None
        self._model: tuple[Project, RouteModel] | None = None
        self.path: Path | None = None

    @property
    def project(self) -> Project | None:
        """Return the project of the route shown (None before one is opened)."""
        if self._history is None:
            return None
        step = self._history.step
        if step.route == self._shown:
            return step.project
        view = self._view
        if view is None or view[0] is not step.programme or view[1] != self._shown:
            view = (step.programme, self._shown, step.programme.project(self._shown))
            self._view = view
        return view[2]

    @property
    def programme(self) -> Programme | None:
        """Return the open programme (one route for a project file)."""
        return self._history.step.programme if self._history else None

    @property
    def route(self) -> int:
        """Return the index of the route shown."""
        return self._shown

    @property
    def history(self) -> RouteHistory | None:
        """Return the undo history of the open programme."""
        return self._history

    def planning_project(self) -> Project | None:
        """Return the project to plan the route shown on: with the other
        routes' bookings closed (``bookings.with_others_taken``) in a
        programme, the project itself for one route."""
        programme, project = self.programme, self.project
        if programme is None or project is None or len(programme.routes) == 1:
            return project
        return with_others_taken(programme, self._shown)

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
        """Return whether the programme differs from the last saved or opened one."""
        return self._history is not None and self.programme is not self._saved

    def open(self, project: Project, path: Path | None, *, clean: bool = True) -> None:
        """Replace the document by a newly opened project (a fresh history)."""
        self._open(RouteStep(Programme.of(project), 0, project, "Open"), path, clean)

    def open_programme(
        self, programme: Programme, path: Path | None, *, clean: bool = True
    ) -> None:
        """Replace the document by a newly opened programme, showing its first route."""
        step = RouteStep(programme, 0, programme.project(0), "Open")
        self._open(step, path, clean)

    def _open(self, step: RouteStep, path: Path | None, clean: bool) -> None:
        self._history = RouteHistory(step)
        self._saved = step.programme if clean else None
        self._shown = 0
        self.path = path
        emit(self.changed, PlanChanges.everything(), None)
        emit(self.state_changed)

    def show_route(self, index: int) -> None:
        """Show route ``index`` of the programme (not an edit: no undo step)."""
        programme = self.programme
        if programme is None or index == self._shown:
            return
        if not 0 <= index < len(programme.routes):
            raise IndexError(f"the programme has no route {index}")
        old = self.project
        self._shown = index
        self._announce(old, None)

    def _announce(self, old: Project | None, initiator: object) -> None:
        new = self.project
        assert new is not None
        changes = PlanChanges.everything() if old is None else diff(old, new)
        emit(self.changed, changes, initiator)
        emit(self.state_changed)

    def _written_back(self, project: Project) -> Programme | None:
        """Return the programme with ``project`` as the route shown, or None
        (told through ``refused``) if the programme cannot hold it."""
        programme = self.programme
        assert programme is not None
        try:
            return programme.with_project(self._shown, project)
        except ValueError as exc:
            emit(self.refused, f"The change was not made: {exc}.")
            current = self.project
            assert current is not None
            emit(self.changed, diff(project, current), None)  # views take it back
            return None

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
        old = self.project
        if project is old:
            return
        programme = self._written_back(project)
        if programme is None:
            return
        self._adopt(project, report, model)
        self._history.push(RouteStep(programme, self._shown, project, description))
        self._announce(old, initiator)

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
        old = self.project
        programme = self._written_back(project)
        if programme is None:
            return True  # the step stays as it was; refused said why
        self._adopt(project, report, model)
        description = self._history.step.description
        self._history.amend(RouteStep(programme, self._shown, project, description))
        self._announce(old, initiator)
        return True

    def add_routes(self, projects: Sequence[Project], description: str) -> None:
        """Add ``projects`` as routes of the programme (one undo step); the
        route shown stays.

        Raises
        ------
        ValueError
            If one shares a name with a route, or disagrees with the programme
            about a shared record (``Programme.with_route``); none is added.
        """
        programme = self.programme
        if self._history is None or programme is None or not projects:
            raise ValueError("open a route first, then add another one to it")
        old = self.project
        for project in projects:
            programme = programme.with_route(project)
        shown = programme.project(self._shown)
        self._history.push(RouteStep(programme, self._shown, shown, description))
        self._announce(old, None)

    def replace_programme(self, programme: Programme, description: str) -> None:
        """Make ``programme`` (the same routes, e.g. all of them planned) the
        document's as one undo step; the route shown stays.

        Raises
        ------
        ValueError
            If no programme is open or ``programme`` has another number of
            routes.
        """
        current = self.programme
        if self._history is None or current is None:
            raise ValueError("open a route first")
        if len(programme.routes) != len(current.routes):
            raise ValueError("the programme's routes changed meanwhile")
        old = self.project
        shown = programme.project(self._shown)
        self._history.push(RouteStep(programme, self._shown, shown, description))
        self._announce(old, None)

    def remove_route(self, index: int, description: str) -> None:
        """Take route ``index`` out of the programme as one undo step; the
        route shown is the one before it (or the first).

        Raises
        ------
        ValueError
            If it is the only route (``Programme.without_route``).
        """
        programme = self.programme
        if self._history is None or programme is None:
            raise ValueError("open a route first")
        old = self.project
        smaller = programme.without_route(index)
        if self._shown >= index:
            self._shown = max(0, self._shown - 1)
        shown = smaller.project(self._shown)
        self._history.push(RouteStep(smaller, self._shown, shown, description))
        self._announce(old, None)

    def mark_saved(self, path: Path) -> None:
        """Record that the current programme was saved to ``path``."""
        self.path = path
        self._saved = self.programme
        emit(self.state_changed)

    def undo(self) -> str | None:
        """Undo the last edit; return its description (None if nothing to undo).

        The route the edit was made in is shown.
        """
        if self._history is None or not self._history.can_undo():
            return None
        old = self.project
        undone = self._history.undo()
        self._show_after(undone.route)
        self._announce(old, None)
        return undone.description

    def redo(self) -> str | None:
        """Redo the last undone edit; return its description (None if none)."""
        if self._history is None or not self._history.can_redo():
            return None
        old = self.project
        redone = self._history.redo()
        self._show_after(redone.route)
        self._announce(old, None)
        return redone.description

    def _show_after(self, route: int) -> None:
        programme = self.programme
        assert programme is not None
        self._shown = min(route, len(programme.routes) - 1)
