"""Shared exporter fixtures: the hand-made plan and its files, written once."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from lrplanner.exporters import write_exports
from tests.exporters.fixtures import Plan, make_plan

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture(scope="session")
def plan() -> Plan:
    """Return the 4-day South Asia plan."""
    return make_plan()


@pytest.fixture(scope="session")
def exported(plan: Plan, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Return the four exported files of the plan, by file name."""
    out = tmp_path_factory.mktemp("exports")
    paths = write_exports(plan.project, plan.itinerary, plan.report(), out)
    return {p.name: p for p in paths}
