"""Planned sample routes, computed once per test session (planning takes seconds)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from lrplanner.importers import read_inputs
from lrplanner.planner import explain
from lrplanner.planner.plan import PlanOutcome, plan_route

if TYPE_CHECKING:
    from lrplanner.core.project import Project

SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"
SECONDS = 4.0


def load_sample(name: str) -> Project:
    """Return a sample project (it must import cleanly)."""
    project = read_inputs(SAMPLES / f"{name}.xlsx").project
    assert project is not None
    return project


@pytest.fixture(scope="session", params=["mekong", "south_asia"])
def planned(request: pytest.FixtureRequest) -> tuple[Project, PlanOutcome]:
    """A sample project and its plan (seed 0, a few seconds).

    The reasons' analysis gets all the time it needs: under a loaded machine
    its share of the time would run out and later sites would get the short
    reason, which the reason tests would read as a missing way in."""
    project = load_sample(request.param)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(explain, "EXPLAIN_S", 120.0)
        patch.setattr(explain, "EXPLAIN_MIN_S", 120.0)
        return project, plan_route(project, seconds=SECONDS, seed=0)
