"""A plan that fails the independent check is never exported as if it were good.

From the command line's ``plan`` (services.write_plan_files) and from the app's
export (gui.files.export_files): every file says so where its reader looks
first; a checked plan's files carry no warning.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import openpyxl
import pytest

from lrplanner import services
from lrplanner.core.plan import EventKind
from lrplanner.core.validate import Violation
from lrplanner.planner.report import project_report

if TYPE_CHECKING:
    from lrplanner.core.project import Project
    from lrplanner.planner.plan import PlanOutcome

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data" / "south_asia.xlsx"


@pytest.fixture(scope="module")
def outcome() -> PlanOutcome:
    """Return a short plan of the South Asia sample."""
    project = services.load_inputs(SAMPLE).project
    assert project is not None
    return services.plan_project(project, seconds=3, seed=1)


def _without_lunches(project: Project) -> Project:
    """Return the project with its plan's lunches removed (breaks the lunch rule)."""
    assert project.plan is not None
    days = tuple(
        replace(d, events=tuple(e for e in d.events if e.kind is not EventKind.MEAL))
        for d in project.plan.days
    )
    return project.with_changes(plan=replace(project.plan, days=days))


def _first_sheet(path: Path) -> str:
    return openpyxl.load_workbook(path).worksheets[0].title


def test_plan_files_of_a_failing_outcome_say_so(
    outcome: PlanOutcome, tmp_path: Path
) -> None:
    """Tests that write_plan_files marks every export when the check failed."""
    broken = Violation(rule="lunch", message="no 60-minute lunch", day="2027-01-12")
    failing = replace(outcome, report=replace(outcome.report, violations=(broken,)))
    services.write_outcome(failing, tmp_path)
    assert _first_sheet(tmp_path / "agenda.xlsx") == "NOT CHECKED"
    assert _first_sheet(tmp_path / "costs.xlsx") == "NOT CHECKED"
    page = (tmp_path / "map.html").read_text(encoding="utf-8")
    assert "NOT CHECKED" in page
    assert "2027-01-12 lunch: no 60-minute lunch" in page


def test_plan_files_of_a_checked_outcome_carry_no_warning(
    outcome: PlanOutcome, tmp_path: Path
) -> None:
    """Tests that a plan that passes the check is written without the warning."""
    assert outcome.report.violations == ()
    services.write_outcome(outcome, tmp_path)
    assert _first_sheet(tmp_path / "agenda.xlsx") == "Overview"
    assert "NOT CHECKED" not in (tmp_path / "map.html").read_text(encoding="utf-8")


def _failures(project: Project) -> tuple[str, ...]:
    report = project_report(project)
    assert report is not None
    return report.failures()


def test_the_report_checks_a_plan_with_the_validator(outcome: PlanOutcome) -> None:
    """Tests that project_report runs the validator: lunches removed are found,
    and that it makes the same figures as the planner."""
    project = outcome.project
    report = project_report(project)
    assert report == replace(outcome.report, status="saved")
    failures = _failures(_without_lunches(project))
    assert failures
    assert all(" lunch: " in f for f in failures)
    assert project_report(project.with_changes(plan=None)) is None


def test_app_export_of_a_broken_plan_says_so(
    outcome: PlanOutcome, tmp_path: Path
) -> None:
    """Tests that the app's export writes the warning for a plan that fails."""
    pytest.importorskip("PySide6")
    from lrplanner.gui.files import export_files

    project = _without_lunches(outcome.project)
    report = project_report(project)
    written = export_files(project, report, "all", tmp_path)
    assert {p.name for p in written} == {
        "problem.json",
        "plan.json",
        "project.lrp",
        "agenda.xlsx",
        "costs.xlsx",
        "map.html",
        "agenda.pdf",
        "rooms.xlsx",
        "meals.xlsx",
        "visas.xlsx",
        "route.ics",
        "agenda.html",
        "arrivals.xlsx",
        "files.json",
    }
    assert _first_sheet(tmp_path / "agenda.xlsx") == "NOT CHECKED"
    single = export_files(project, report, "costs", tmp_path / "one")
    assert _first_sheet(single[0]) == "NOT CHECKED"
