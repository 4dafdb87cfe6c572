"""Tests that a planned project survives the project file unchanged."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lrplanner import storage
from lrplanner.core.validate import validate

if TYPE_CHECKING:
    from pathlib import Path

    from lrplanner.core.project import Project
    from lrplanner.planner.plan import PlanOutcome


def test_plan_round_trips_through_the_project_file(
    planned: tuple[Project, PlanOutcome], tmp_path: Path
) -> None:
    """Tests that saving and re-opening a planned project gives the same plan."""
    project, outcome = planned
    path = tmp_path / "planned.lrp"
    storage.save_project(project.with_changes(plan=outcome.itinerary), path)
    loaded = storage.load_project(path)
    assert loaded.plan == outcome.itinerary
    assert loaded == project.with_changes(plan=outcome.itinerary)
    assert validate(loaded, loaded.plan) == []
