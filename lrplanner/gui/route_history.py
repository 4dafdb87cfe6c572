"""Undo and redo over a programme: each step a Programme and the route edited.

The app's document holds a :class:`~lrplanner.core.programme.Programme` (a
project file is a programme of one route). Every edit is made on one route's
Project and written back with ``Programme.with_project``; a step keeps that
Project too, so the route edited stays the very object the views were given
(they compare projects by identity). Qt-free, as core.history is.
"""

from __future__ import annotations

from dataclasses import dataclass

from lrplanner.core.history import Snapshots
from lrplanner.core.programme import Programme
from lrplanner.core.project import Project


@dataclass(frozen=True, slots=True)
class RouteStep:
    """One entry: the programme after an edit, the route it was made in, that
    route's project, and the edit's description."""

    programme: Programme
    route: int
    project: Project
    description: str


class RouteHistory(Snapshots[RouteStep]):
    """A bounded list of programme snapshots with a cursor: the undo
    machinery of :class:`lrplanner.core.history.Snapshots` over RouteSteps
    (undo and redo return the step, its route being where it was made)."""
