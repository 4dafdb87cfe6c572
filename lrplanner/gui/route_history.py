"""Undo and redo over a programme: each step a Programme and the route edited.

The app's document holds a :class:`~lrplanner.core.programme.Programme` (a
project file is a programme of one route). Every edit is made on one route's
Project and written back with ``Programme.with_project``; a step keeps that
Project too, so the route edited stays the very object the views were given
(they compare projects by identity). Qt-free, as core.history is.
"""

from __future__ import annotations

from dataclasses import dataclass

from lrplanner.core.programme import Programme
from lrplanner.core.project import Project

DEFAULT_CAP = 100


@dataclass(frozen=True, slots=True)
class RouteStep:
    """One entry: the programme after an edit, the route it was made in, that
    route's project, and the edit's description."""

    programme: Programme
    route: int
    project: Project
    description: str


class RouteHistory:
    """A bounded list of programme snapshots with a cursor (as core.history.History).

    Raises
    ------
    ValueError
        If ``cap`` is below 1.
    """

    def __init__(self, initial: RouteStep, cap: int = DEFAULT_CAP) -> None:
        if cap < 1:
            raise ValueError("a history keeps at least one undo step")
        self._cap = cap
        self._steps = [initial]
        self._cursor = 0

    @property
    def step(self) -> RouteStep:
        """Return the step at the cursor."""
        return self._steps[self._cursor]

    def push(self, step: RouteStep) -> None:
        """Record ``step`` as the newest edit, dropping any redo steps."""
        del self._steps[self._cursor + 1 :]
        self._steps.append(step)
        if len(self._steps) > self._cap + 1:
            del self._steps[0]
        self._cursor = len(self._steps) - 1

    def amend(self, step: RouteStep) -> None:
        """Replace the last edit by ``step`` (a follow-up of the same edit).

        Raises
        ------
        IndexError
            If there is no edit to amend.
        """
        if not self.can_undo():
            raise IndexError("no edit to amend")
        self._steps[self._cursor] = step

    def can_undo(self) -> bool:
        """Return whether there is an edit to undo."""
        return self._cursor > 0

    def can_redo(self) -> bool:
        """Return whether there is an undone edit to redo."""
        return self._cursor < len(self._steps) - 1

    def undo_label(self) -> str | None:
        """Return the description of the edit undo would revert, if any."""
        return self.step.description if self.can_undo() else None

    def redo_label(self) -> str | None:
        """Return the description of the edit redo would repeat, if any."""
        return self._steps[self._cursor + 1].description if self.can_redo() else None

    def labels(self) -> tuple[str, ...]:
        """Return the descriptions of every step, oldest first."""
        return tuple(step.description for step in self._steps)

    def undo(self) -> RouteStep:
        """Go back one edit; return the step undone (its route is where it was).

        Raises
        ------
        IndexError
            If there is nothing to undo.
        """
        if not self.can_undo():
            raise IndexError("nothing to undo")
        undone = self.step
        self._cursor -= 1
        return undone

    def redo(self) -> RouteStep:
        """Repeat the last undone edit; return it.

        Raises
        ------
        IndexError
            If there is nothing to redo.
        """
        if not self.can_redo():
            raise IndexError("nothing to redo")
        self._cursor += 1
        return self.step
