"""Stable re-planning in the app: keep visits, lock all, list what changed."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from lrplanner.core.plan_diff import plan_diff
from tests.gui.conftest import LONG

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from lrplanner.core.project import Project
    from lrplanner.gui.main_window import MainWindow


def _visits(project: Project) -> dict[str, object]:
    assert project.plan is not None
    return {e.site: d.day for d in project.plan.days for e in d.visits() if e.site}


def test_replanning_with_nothing_changed_keeps_every_visit(
    qtbot: QtBot, window: MainWindow, planned: Project
) -> None:
    """Tests F5 on a planned project: every visit stays on its day, and the
    Changes tab lists only visits added (if any), never one dropped or moved."""
    window.document.open(planned, None)
    with qtbot.waitSignal(window.planner.finished, timeout=LONG):
        assert window.plan()
    again = window.project
    assert again is not None
    before, after = _visits(planned), _visits(again)
    assert all(after.get(site) == day for site, day in before.items())
    assert planned.plan is not None
    assert again.plan is not None
    diff = plan_diff(planned.plan, again.plan)
    assert not diff.dropped
    assert not diff.moved
    shown = [
        window.results.changes.item(i).text()
        for i in range(window.results.changes.count())
    ]
    assert len(shown) >= 1
    assert not any(line.startswith(("Dropped", "Moved")) for line in shown)


def test_lock_all_and_unlock_all_are_undo_steps(
    window: MainWindow, planned: Project
) -> None:
    """Tests Plan ▸ Lock all current visits and Unlock all visits."""
    window.document.open(planned, None)
    window.actions_by_name["lock_all"].trigger()
    locked = window.project
    assert locked is not None
    assert {(k.site, k.day) for k in locked.locks} == set(_visits(planned).items())
    window.actions_by_name["unlock_all"].trigger()
    assert window.project is not None
    assert window.project.locks == ()
    window.undo()
    assert window.project is locked
    window.undo()
    assert window.project is planned


def test_a_plan_refused_without_an_edit_offers_no_undo(
    qtbot: QtBot, window: MainWindow, sample: Project
) -> None:
    """Tests a budget far too low on a freshly opened project: the message
    gives the amount needed and no Undo (there is nothing to undo)."""
    low = sample.with_changes(
        route=replace(sample.route, budget_cap=Decimal(5000)), plan=None
    )
    window.document.open(low, None)
    with qtbot.waitSignal(window.planner.failed, timeout=LONG) as blocker:
        window.plan()
    assert "raise the cap to at least" in blocker.args[0]
    assert window.last_message is not None
    assert window.last_message[0] == "No plan"
    assert "Undo" not in window.last_message[1]
