"""Tests for moving a visit to another day from the agenda (menu and drag-and-drop)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt

from lrplanner import services
from lrplanner.core.errors import InfeasibleRequest
from lrplanner.gui.models.agenda import EVENT_ROLE, SITE_ROLE
from lrplanner.gui.signals import emit
from lrplanner.services_edit import lock_visit
from tests.gui.conftest import LONG, MEKONG

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from lrplanner.core.project import Project
    from lrplanner.gui.main_window import MainWindow


@pytest.fixture(scope="session")
def movable(planned: Project) -> tuple[int, int, int]:
    """Return (day row, event row, target row): a visit and another day it fits.

    Which moves are possible depends on the plan found, so candidates (a visit
    and a neighbouring visiting day) are tried with the planner first.
    """
    assert planned.plan is not None
    days = planned.plan.days
    candidates = [
        (row, visit, target)
        for row, day in enumerate(days)
        for visit in day.visits()
        for target in (row - 1, row + 1)
        if 0 <= target < len(days) and days[target].visits()
    ]
    for row, visit, target in candidates[:6]:
        assert visit.site is not None
        moved = lock_visit(planned, visit.site, days[target].day)
        try:
            outcome = services.plan_project(moved, seconds=4, seed=1)
        except InfeasibleRequest:
            continue
        kept = [
            d.day
            for d in outcome.itinerary.days
            for e in d.visits()
            if e.site == visit.site
        ]
        if days[target].day in kept:
            return row, days[row].events.index(visit), target
    pytest.skip("no visit of this plan can move to a neighbouring day")


def _visit_days(project: Project | None, site: str) -> list[date]:
    assert project is not None
    assert project.plan is not None
    return [d.day for d in project.plan.days for e in d.visits() if e.site == site]


def test_move_to_day_locks_the_visit_and_replans_in_one_step(
    qtbot: QtBot, window: MainWindow, planned: Project, movable: tuple[int, int, int]
) -> None:
    """Tests that "Move to day" re-plans with the visit on that day, one undo step."""
    window.document.open(planned, None)
    view = window.results.agenda
    row, child, target_row = movable
    site, day = view.site_at(row, child)
    assert site is not None
    assert planned.plan is not None
    target = planned.plan.days[target_row].day
    targets = dict(view.move_targets(site, day))
    assert f"{day:%a %d %b}" not in targets
    with qtbot.waitSignal(window.planner.finished, timeout=LONG):
        targets[f"{target:%a %d %b}"]()
    moved = window.project
    assert moved is not None
    assert [(k.site, k.day) for k in moved.locks] == [(site, target)]
    assert _visit_days(moved, site) == [target]
    assert window.document.history is not None
    assert window.document.history.labels()[-1].startswith("Move ")
    assert len(window.document.history.labels()) == 2  # Open, Move (with its plan)
    window.undo()
    assert window.project is planned


def test_dropping_a_visit_on_another_day_moves_it(
    qtbot: QtBot, window: MainWindow, planned: Project, movable: tuple[int, int, int]
) -> None:
    """Tests that the agenda model turns a visit dropped on a day into a move."""
    window.document.open(planned, None)
    model = window.results.agenda.model()
    row, child, target_row = movable
    day_index = model.index(row, 0)
    visit = next(
        model.index(i, 0, day_index)
        for i in range(model.rowCount(day_index))
        if model.index(i, 0, day_index).data(EVENT_ROLE) == child
    )
    assert model.flags(visit) & Qt.ItemFlag.ItemIsDragEnabled
    assert model.flags(model.index(target_row, 0)) & Qt.ItemFlag.ItemIsDropEnabled
    site = visit.data(SITE_ROLE)
    data = model.mimeData([visit])
    copy = Qt.DropAction.CopyAction
    assert not model.canDropMimeData(data, copy, -1, -1, day_index)
    target_index = model.index(target_row, 0)
    with qtbot.waitSignal(window.planner.finished, timeout=LONG):
        assert model.dropMimeData(data, copy, -1, -1, target_index)
    moved = window.project
    assert moved is not None
    assert planned.plan is not None
    target = planned.plan.days[target_row].day
    assert [(k.site, k.day) for k in moved.locks] == [(site, target)]
    assert _visit_days(moved, site) == [target]


def test_an_impossible_move_is_explained_and_can_be_undone(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Tests that a move the planner cannot meet shows why and undo takes it back."""
    window.open_path(MEKONG)
    opened = window.project
    # LA06 opens only on 3 and 4 March: moving it to 1 March cannot hold.
    with qtbot.waitSignal(window.planner.failed, timeout=LONG) as blocker:
        emit(window.results.agenda.move_requested, "LA06", date(2027, 3, 1))
    assert blocker.args[0].startswith("No plan meets every hard rule")
    assert window.last_message is not None
    assert "Undo" in window.last_message[1]
    assert window.actions_by_name["undo"].text().startswith("&Undo Move ")
    window.undo()
    assert window.project is opened
