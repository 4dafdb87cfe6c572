"""Undo and redo over immutable Project snapshots (Anki keeps undo in the core)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from lrplanner.core.changes import PlanChanges, diff
from lrplanner.core.project import Project

DEFAULT_CAP = 100


@dataclass(frozen=True, slots=True)
class Step:
    """One entry of the history: the project after an edit and its description."""

    project: Project
    description: str


@dataclass(frozen=True, slots=True)
class Moved:
    """What an undo or redo did: the project now current, the step, the flags."""

    project: Project
    description: str
    changes: PlanChanges


class Described(Protocol):
    """A history entry: anything with the description of its edit."""

    @property
    def description(self) -> str: ...


S = TypeVar("S", bound=Described)


class Snapshots(Generic[S]):
    """A bounded list of snapshots with a cursor: the undo machinery.

    The first entry is the state as opened; every ``push`` adds one undo
    step and drops any redo steps. Beyond ``cap`` steps the oldest goes.

    Raises
    ------
    ValueError
        If ``cap`` is below 1.
    """

    def __init__(self, initial: S, cap: int = DEFAULT_CAP) -> None:
        if cap < 1:
            raise ValueError("a history keeps at least one undo step")
        self._cap = cap
        self._steps: list[S] = [initial]
        self._cursor = 0

    @property
    def step(self) -> S:
        """Return the entry at the cursor."""
        return self._steps[self._cursor]

    def push(self, step: S) -> None:
        """Record ``step`` as the newest edit, dropping any redo steps."""
        del self._steps[self._cursor + 1 :]
        self._steps.append(step)
        if len(self._steps) > self._cap + 1:
            del self._steps[0]
        self._cursor = len(self._steps) - 1

    def amend(self, step: S) -> None:
        """Replace the last edit by ``step`` (a follow-up of the same edit).

        Raises
        ------
        IndexError
            If there is no edit to amend (only the state as opened).
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

    def undo(self) -> S:
        """Go back one edit; return the entry undone.

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

    def redo(self) -> S:
        """Repeat the last undone edit; return its entry.

        Raises
        ------
        IndexError
            If there is nothing to redo.
        """
        if not self.can_redo():
            raise IndexError("nothing to redo")
        self._cursor += 1
        return self.step


class History:
    """Undo and redo over Project snapshots, with the flags of each move.

    Parameters
    ----------
    initial
        The project as opened.
    cap
        Maximum number of undo steps kept.

    Raises
    ------
    ValueError
        If ``cap`` is below 1.
    """

    def __init__(self, initial: Project, cap: int = DEFAULT_CAP) -> None:
        self._snapshots: Snapshots[Step] = Snapshots(Step(initial, "Open"), cap)

    @property
    def current(self) -> Project:
        """Return the project at the cursor."""
        return self._snapshots.step.project

    def push(self, project: Project, description: str) -> None:
        """Record ``project`` as the result of the edit ``description``."""
        self._snapshots.push(Step(project, description))

    def amend(self, project: Project) -> None:
        """Replace the project of the last edit (a follow-up of the same step).

        Raises
        ------
        IndexError
            If there is no edit to amend (only the project as opened).
        """
        if not self.can_undo():
            raise IndexError("no edit to amend")
        self._snapshots.amend(Step(project, self._snapshots.step.description))

    def can_undo(self) -> bool:
        """Return whether there is an edit to undo."""
        return self._snapshots.can_undo()

    def can_redo(self) -> bool:
        """Return whether there is an undone edit to redo."""
        return self._snapshots.can_redo()

    def undo_label(self) -> str | None:
        """Return the description of the edit undo would revert, if any."""
        return self._snapshots.undo_label()

    def redo_label(self) -> str | None:
        """Return the description of the edit redo would repeat, if any."""
        return self._snapshots.redo_label()

    def labels(self) -> tuple[str, ...]:
        """Return the descriptions of every step, oldest first."""
        return self._snapshots.labels()

    def undo(self) -> Moved:
        """Go back one edit.

        Raises
        ------
        IndexError
            If there is nothing to undo.
        """
        undone = self._snapshots.undo()
        return Moved(
            self.current, undone.description, diff(undone.project, self.current)
        )

    def redo(self) -> Moved:
        """Repeat the last undone edit.

        Raises
        ------
        IndexError
            If there is nothing to redo.
        """
        before = self.current
        step = self._snapshots.redo()
        return Moved(step.project, step.description, diff(before, step.project))
