"""Tests for undo/redo of project snapshots and the change flags (no Qt)."""

from __future__ import annotations

from datetime import date

import pytest

from lrplanner.core.changes import PlanChanges, diff
from lrplanner.core.history import History
from lrplanner.core.ids import SiteId
from lrplanner.core.project import Project, VisitLock
from tests.helpers import small_project


def _locked(project: Project) -> Project:
    lock = VisitLock(site=SiteId("KH-TK1"), day=date(2027, 3, 2))
    return project.with_changes(locks=(lock,))


def _excluded(project: Project) -> Project:
    return project.with_changes(excluded_sites=(SiteId("VN-BT1"),))


def test_a_new_history_has_nothing_to_undo_or_redo() -> None:
    """Tests that a fresh history holds the opened project and no steps."""
    project = small_project()
    history = History(project)
    assert history.current is project
    assert not history.can_undo()
    assert not history.can_redo()
    assert history.undo_label() is None
    assert history.labels() == ("Open",)


def test_undo_and_redo_walk_the_snapshots() -> None:
    """Tests that undo returns the previous snapshot and redo the next one."""
    opened = small_project()
    history = History(opened)
    locked = _locked(opened)
    history.push(locked, "Lock visit")
    assert history.undo_label() == "Lock visit"
    moved = history.undo()
    assert moved.project is opened
    assert moved.description == "Lock visit"
    assert moved.changes == PlanChanges(locks=True)
    assert history.redo_label() == "Lock visit"
    again = history.redo()
    assert again.project is locked
    assert history.current is locked
    assert not history.can_redo()


def test_a_push_after_undo_drops_the_redo_steps() -> None:
    """Tests that a new edit after an undo forgets the undone edit."""
    opened = small_project()
    history = History(opened)
    history.push(_locked(opened), "Lock visit")
    history.undo()
    history.push(_excluded(opened), "Exclude site")
    assert not history.can_redo()
    assert history.labels() == ("Open", "Exclude site")


def test_the_cap_drops_the_oldest_steps() -> None:
    """Tests that only the newest ``cap`` undo steps are kept."""
    opened = small_project()
    history = History(opened, cap=2)
    snapshots = [opened.with_changes(excluded_sites=()) for _ in range(3)]
    for number, snapshot in enumerate(snapshots):
        history.push(snapshot, f"edit {number}")
    assert history.labels() == ("edit 0", "edit 1", "edit 2")
    history.undo()
    history.undo()
    assert not history.can_undo()
    assert history.current is snapshots[0]


@pytest.mark.parametrize("action", ["undo", "redo"])
def test_moving_past_the_ends_raises(action: str) -> None:
    """Tests that undo or redo with nothing to move to raises IndexError."""
    history = History(small_project())
    with pytest.raises(IndexError):
        getattr(history, action)()


def test_a_cap_below_one_is_refused() -> None:
    """Tests that a history must keep at least one step."""
    with pytest.raises(ValueError, match="at least one"):
        History(small_project(), cap=0)


def test_diff_names_each_changed_part() -> None:
    """Tests that diff sets exactly the flags of the fields that differ."""
    opened = small_project()
    assert not diff(opened, opened)
    assert diff(opened, _excluded(opened)) == PlanChanges(locks=True)
    fewer = opened.with_changes(sites=opened.sites[:1], excluded_sites=())
    assert diff(opened, fewer).names() == ("sites",)


def test_flags_combine_and_tell_inputs_from_the_plan() -> None:
    """Tests that flags union with | and that a plan-only change is not an input."""
    plan_only = PlanChanges(plan=True)
    assert not plan_only.inputs
    both = plan_only | PlanChanges(sites=True)
    assert both.names() == ("sites", "plan")
    assert both.inputs
    assert PlanChanges.everything().names() == (
        "sites",
        "champions",
        "participants",
        "places",
        "links",
        "visas",
        "budget",
        "rates",
        "scenarios",
        "route",
        "plan",
        "locks",
        "rules",
    )


def test_amend_joins_the_last_step() -> None:
    """Tests that an amended step undoes both the edit and its follow-up at once."""
    opened = small_project()
    history = History(opened)
    with pytest.raises(IndexError):
        history.amend(opened)
    locked = _locked(opened)
    history.push(locked, "Move")
    both = _excluded(locked)
    history.amend(both)
    assert history.current is both
    assert history.labels() == ("Open", "Move")
    moved = history.undo()
    assert moved.project is opened
    assert moved.changes == PlanChanges(locks=True)
    assert history.redo().project is both
