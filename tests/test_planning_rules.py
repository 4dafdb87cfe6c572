"""The planning rules live on the project: saved in the .lrp, used by the
planner and the report, edited in the app as one undo step."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from lrplanner import services, storage
from lrplanner.core.changes import diff
from lrplanner.core.errors import ProjectFileError
from lrplanner.core.plan import SessionKind
from lrplanner.core.rules import PlanningRules, SessionRules, ValueRules
from lrplanner.planner.report import project_report

if TYPE_CHECKING:
    from lrplanner.core.project import Project

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data" / "south_asia.xlsx"
RULES = PlanningRules(
    sessions=SessionRules(opening_min=120, closing_min=90),
    value=ValueRules(theme_bonus=5.0, theme_decay=0.25),
)


@pytest.fixture(scope="module")
def project() -> Project:
    """Return the South Asia sample with its own planning rules."""
    project = services.load_inputs(SAMPLE).project
    assert project is not None
    return project.with_changes(rules=RULES)


def test_rules_are_saved_and_read_back(project: Project, tmp_path: Path) -> None:
    """Tests that the rules survive a save, and that a file written before
    they were saved (no "rules" key) opens with the default rules."""
    path = tmp_path / "route.lrp"
    storage.save_project(project, path)
    assert storage.load_project(path).rules == RULES
    document = json.loads(path.read_text(encoding="utf-8"))
    del document["project"]["rules"]
    path.write_text(json.dumps(document), encoding="utf-8")
    assert storage.load_project(path).rules == PlanningRules()


def test_a_damaged_rule_names_its_path(project: Project, tmp_path: Path) -> None:
    """Tests that a rule out of range in the file is refused with its path."""
    path = tmp_path / "route.lrp"
    storage.save_project(project, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["project"]["rules"]["sessions"]["closing_min"] = 9999
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ProjectFileError, match="rules"):
        storage.load_project(path)


def test_a_rules_change_is_its_own_flag(project: Project) -> None:
    """Tests that changing the rules sets the rules flag only."""
    changed = project.with_changes(rules=PlanningRules())
    assert diff(project, changed).names() == ("rules",)


def test_the_planner_and_the_report_use_the_projects_rules(project: Project) -> None:
    """Tests that sessions last what the project's rules say and that the
    report values the plan with the project's weights."""
    outcome = services.plan_project(project, seconds=3, seed=0)
    sessions = {
        e.session: e for d in outcome.itinerary.days for e in d.events if e.session
    }
    minutes = {
        kind: (event.end - event.start).total_seconds() / 60
        for kind, event in sessions.items()
    }
    assert minutes[SessionKind.OPENING] == 120
    assert minutes[SessionKind.CLOSING] == 90
    assert outcome.report.passed
    planned = outcome.project
    report = project_report(planned)
    assert report is not None
    assert report == replace(outcome.report, status=report.status)
    default = project_report(planned.with_changes(rules=PlanningRules()))
    assert default is not None
    assert default.indicators.value != report.indicators.value
