"""ProjectDocument: the open project, its undo history, file path and dirty flag."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from lrplanner.core.changes import PlanChanges
from lrplanner.core.history import History
from lrplanner.gui.signals import emit

if TYPE_CHECKING:
    from pathlib import Path

    from lrplanner.core.project import Project


class ProjectDocument(QObject):
    """Holds the current core Project and its History; every edit goes through it.

    ``changed(PlanChanges, initiator)`` tells the views what to refresh;
    ``state_changed`` tells the window to update its title and undo actions.
    """

    changed = Signal(object, object)
    state_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._history: History | None = None
        self._saved: Project | None = None
        self.path: Path | None = None

    @property
    def project(self) -> Project | None:
        """Return the current project (None before one is opened)."""
        return self._history.current if self._history else None

    @property
    def history(self) -> History | None:
        """Return the undo history of the open project."""
        return self._history

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
        changes: PlanChanges,
        initiator: object = None,
    ) -> None:
        """Make ``project`` current as one undo step and announce ``changes``."""
        if self._history is None:
            self.open(project, None, clean=False)
            return
        if project is self._history.current:
            return
        self._history.push(project, description)
        emit(self.changed, changes, initiator)
        emit(self.state_changed)

    def amend(
        self, project: Project, changes: PlanChanges, initiator: object = None
    ) -> bool:
        """Make ``project`` current as part of the last undo step; False if none."""
        if self._history is None or not self._history.can_undo():
            return False
        self._history.amend(project)
        emit(self.changed, changes, initiator)
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
