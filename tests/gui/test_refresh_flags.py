"""The document works out what an edit changed; each plan view refreshes only
for the changes that touch it, and reads the one plan report."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from lrplanner.core.report import SAVED
from lrplanner.services_edit import lock_visit

if TYPE_CHECKING:
    import pytest

    from lrplanner.core.project import Project
    from lrplanner.gui.main_window import MainWindow
    from lrplanner.planner.plan import PlanOutcome


def _count(monkeypatch: pytest.MonkeyPatch, obj: object, name: str) -> list[int]:
    calls: list[int] = []
    real = getattr(obj, name)

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(obj, name, counted)
    return calls


def _first_visit(project: Project) -> tuple[str, object]:
    assert project.plan is not None
    day = next(d for d in project.plan.days if d.visits())
    site = day.visits()[0].site
    assert site is not None
    return site, day.day


def test_a_lock_refreshes_the_agenda_but_not_the_map_or_figures(
    window: MainWindow, planned: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests that locking a visit redraws the agenda and the left-out list but
    neither the map nor the budget (the plan and its figures are the same)."""
    window.document.open(planned, None)
    results = window.results
    agenda = _count(monkeypatch, results.agenda, "show_project")
    map_view = _count(monkeypatch, results.map, "show_project")
    budget = _count(monkeypatch, results.budget, "show_costs")
    site, day = _first_visit(planned)
    window.document.apply(lock_visit(planned, site, day), "Lock")  # type: ignore[arg-type]
    assert (len(agenda), len(map_view), len(budget)) == (1, 0, 0)


def test_a_participant_edit_refreshes_the_figures_only(
    window: MainWindow, planned: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests that a roster change redraws the budget (cost per participant)
    but neither the agenda nor the map."""
    window.document.open(planned, None)
    results = window.results
    agenda = _count(monkeypatch, results.agenda, "show_project")
    map_view = _count(monkeypatch, results.map, "show_project")
    budget = _count(monkeypatch, results.budget, "show_costs")
    fewer = planned.with_changes(participants=planned.participants[:-1])
    window.document.apply(fewer, "Delete participant")
    assert (len(agenda), len(map_view), len(budget)) == (0, 0, 1)


def test_the_views_show_the_planners_report(
    window: MainWindow, planned: Project, outcome: PlanOutcome
) -> None:
    """Tests that a plan from the planner keeps its own report (status and
    all), and that a plan opened from a file gets one from the validator."""
    window.document.open(planned, None)
    opened = window.document.report()
    assert opened is not None
    assert opened.status == SAVED
    assert opened == replace(outcome.report, status=SAVED)
    replanned = planned.with_changes(plan=outcome.itinerary)
    window.document.apply(replanned, "Plan", report=outcome.report)
    assert window.document.report() is outcome.report
