"""Tests for planning from the window: agenda, lock and re-plan, undo, cancel."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QToolBar, QToolButton

from lrplanner.gui.models.agenda import EVENT_ROLE, agenda_model
from lrplanner.gui.signals import emit
from lrplanner.gui.widgets.left_out import left_out_model
from tests.gui.conftest import LONG, MEKONG

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from lrplanner.core.plan import Itinerary
    from lrplanner.core.project import Project
    from lrplanner.gui.main_window import MainWindow
    from lrplanner.planner.plan import PlanOutcome


def _agenda_titles(
    window: MainWindow, *, procedures: bool = False
) -> list[tuple[str, list[str]]]:
    """Return each day's titles: its events' (with ``procedures``, also the
    information lines around them: meals, check-in, arrival, the night)."""
    model = window.results.agenda.model()
    days = []
    for row in range(model.rowCount()):
        day = model.index(row, 0)
        titles = [
            model.index(i, 2, day).data()
            for i in range(model.rowCount(day))
            if procedures or model.index(i, 0, day).data(EVENT_ROLE) is not None
        ]
        days.append((day.data(), titles))
    return days


def _expected(itinerary: Itinerary) -> list[tuple[str, list[str]]]:
    return [
        (d.day.strftime("%a %d %b %Y"), [e.title for e in d.events])
        for d in itinerary.days
    ]


def _visit_day(project: Project, site: str) -> object:
    assert project.plan is not None
    return next(d.day for d in project.plan.days for e in d.visits() if e.site == site)


def test_planning_fills_the_agenda_and_the_panels(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Tests that Plan shows every day and event of the plan, with costs and reasons."""
    window.open_path(MEKONG)
    with qtbot.waitSignal(window.planner.finished, timeout=LONG) as blocker:
        assert window.plan()
    outcome: PlanOutcome = blocker.args[0]
    if outcome.report.violations:  # the planner's job; the window must say so
        assert window.last_message is not None
        assert window.last_message[0] == "Check the plan"
    project = window.project
    assert project is not None
    assert project.plan is outcome.itinerary
    plan = outcome.itinerary
    assert _agenda_titles(window) == _expected(plan)
    # Each flight is shown between its check-in and its arrival rows (with
    # its 'Lunch on board' line, if any, in the air, and a lunch eaten after
    # check-in between the check-in line and the flight).
    for _day, titles in _agenda_titles(window, procedures=True):
        for index, title in enumerate(titles):
            if title.startswith("Flight: "):
                after = [t for t in titles[index + 1 :] if not t.startswith("Lunch on")]
                before = [t for t in titles[:index] if not t.endswith("after check-in")]
                assert before[-1].startswith("Check-in for flight")
                assert after[0] == "Arrival: immigration and baggage"
    first = plan.days[0].events[0]
    local = first.start.astimezone(ZoneInfo(first.tz))
    model = window.results.agenda.model()
    shown = next(
        model.index(i, 0, model.index(0, 0)).data()
        for i in range(model.rowCount(model.index(0, 0)))
        if model.index(i, 0, model.index(0, 0)).data(EVENT_ROLE) == 0
    )
    assert shown.startswith(local.strftime("%H:%M"))
    assert window.results.left_out.model().rowCount() == len(outcome.itinerary.left_out)
    assert "Total" in window.results.budget.summary.text()
    value = window.results.indicators.labels["Learning value"].text()
    assert value == f"{outcome.report.indicators.value:.1f}"
    status = window.statusBar().currentMessage()
    assert f"Planned: learning value {value}" in status
    assert window.views.currentWidget() is window.results.agenda
    assert window.windowTitle().endswith("*")


def test_a_locked_visit_stays_on_its_day_after_replanning(
    qtbot: QtBot, window: MainWindow, planned: Project
) -> None:
    """Tests that a visit locked from the agenda stays on its day after re-plan."""
    window.document.open(planned, None)
    view = window.results.agenda
    assert planned.plan is not None
    row = next(i for i, d in enumerate(planned.plan.days) if d.visits())
    day_plan = planned.plan.days[row]
    child = day_plan.events.index(day_plan.visits()[0])
    site, day = view.site_at(row, child)
    assert site is not None
    label, lock = view.actions_for(site, day)[0]
    assert label.startswith("Lock ")
    lock()
    locked = window.project
    assert locked is not None
    assert [(k.site, k.day) for k in locked.locks] == [(site, day)]
    with qtbot.waitSignal(window.planner.finished, timeout=LONG):
        window.plan()
    replanned = window.project
    assert replanned is not None
    assert replanned.locks == locked.locks
    assert _visit_day(replanned, site) == day
    window.undo()
    assert window.project is locked
    window.undo()
    assert window.project is planned
    assert window.actions_by_name["redo"].isEnabled()


def test_exclude_and_require_are_undo_steps(
    window: MainWindow, planned: Project
) -> None:
    """Tests that excluding and requiring a site from the agenda can be undone."""
    window.document.open(planned, None)
    view = window.results.agenda
    assert planned.plan is not None
    site = planned.plan.visited_sites()[0]
    day = _visit_day(planned, site)
    actions = dict(view.actions_for(site, day))  # type: ignore[arg-type]
    next(a for label, a in actions.items() if label.startswith("Exclude"))()
    excluded = window.project
    assert excluded is not None
    assert excluded.excluded_sites == (site,)
    assert window.actions_by_name["undo"].text().startswith("&Undo Exclude")
    # the toolbar button stays one word; its tip names the edit
    toolbar = window.findChild(QToolBar, "main_toolbar")
    assert toolbar is not None
    button = toolbar.widgetForAction(window.actions_by_name["undo"])
    assert isinstance(button, QToolButton)
    assert button.text() == "Undo"
    assert button.toolTip().startswith("Undo Exclude")
    window.undo()
    assert window.project is planned
    was_required = planned.site_by_id[site].required
    toggle = "No longer require" if was_required else "Require"
    next(a for label, a in actions.items() if label.startswith(toggle))()
    assert window.project is not None
    assert window.project.site_by_id[site].required is not was_required


def test_cancel_keeps_the_window_responsive_and_reports(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Tests that Cancel during a long plan returns a plan or a clear message."""
    window.open_path(MEKONG)
    window.planner.seconds = 120
    ticks: list[int] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    window.plan()
    assert window.progress.isVisibleTo(window)
    qtbot.waitUntil(lambda: len(ticks) >= 3, timeout=LONG)
    window.cancel_plan()
    qtbot.waitUntil(lambda: not window.planner.is_running(), timeout=LONG)
    timer.stop()
    project = window.project
    assert project is not None
    if project.plan is not None:
        assert window.planner.last_outcome is not None
        assert window.planner.last_outcome.report.status == "cancelled"
    else:
        assert window.last_message is not None
        assert "cancelled" in window.last_message[1]
    assert not window.progress.isVisibleTo(window)


def test_the_plan_views_pass_the_model_tester(
    qtmodeltester: object, planned: Project
) -> None:
    """Tests that the agenda and left-out models follow Qt's model rules."""
    for model in (agenda_model(planned), left_out_model(planned)):
        qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_an_impossible_lock_is_explained_and_can_be_undone(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Tests that an infeasible re-plan shows the explanation and undo works."""
    window.open_path(MEKONG)
    opened = window.project
    assert opened is not None
    # LA06 opens only on 3 and 4 March: locking it to 1 March cannot hold.
    emit(window.results.agenda.lock_requested, "LA06", date(2027, 3, 1))
    assert window.project is not opened
    with qtbot.waitSignal(window.planner.failed, timeout=LONG) as blocker:
        window.plan()
    assert blocker.args[0].startswith("No plan meets every hard rule")
    assert window.last_message is not None
    assert window.last_message[0] == "No plan"
    assert "Undo" in window.last_message[1]
    window.undo()
    assert window.project is opened
