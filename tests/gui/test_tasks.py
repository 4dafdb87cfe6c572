"""Tests for the background runner and the document (undo through Qt signals)."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import pytest

from lrplanner.core.changes import PlanChanges
from lrplanner.gui.document import ProjectDocument
from lrplanner.gui.tasks import Task, TaskRunner, TaskState
from lrplanner.services_edit import exclude_site

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

    from lrplanner.core.project import Project


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.shutdown()


def test_a_task_returns_on_the_main_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    """Tests that the success callback runs on the main thread with the result."""
    seen: list[tuple[object, str]] = []

    def work(state: TaskState) -> int:
        state.report(1)
        return 6 * 7

    Task(runner, work).success(
        lambda r: seen.append((r, threading.current_thread().name))
    ).run()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen == [(42, "MainThread")]
    assert not runner.is_busy()


def test_a_failing_task_reaches_its_failure_callback(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    """Tests that an exception in the worker goes to the failure callback."""
    errors: list[BaseException] = []

    def work(_state: TaskState) -> None:
        raise ValueError("bad sheet")

    Task(runner, work).failure(errors.append).run()
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert str(errors[0]) == "bad sheet"


def test_a_new_task_supersedes_the_running_one(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    """Tests that starting anew cancels the old task and drops its result."""
    results: list[str] = []

    def slow(state: TaskState) -> str:
        state.cancel._event.wait(10)
        return "old"

    first = Task(runner, slow).success(results.append).run()
    Task(runner, lambda _s: "new").success(results.append).run()
    qtbot.waitUntil(lambda: results == ["new"], timeout=10_000)
    assert first.cancel.cancelled
    assert first.superseded


def test_progress_is_polled_on_the_main_thread(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    """Tests that the latest progress report reaches the progress callback."""
    seen: list[object] = []
    release = threading.Event()

    def work(state: TaskState) -> None:
        state.report("half way")
        release.wait(10)

    Task(runner, work).with_progress(seen.append).run()
    qtbot.waitUntil(lambda: "half way" in seen, timeout=10_000)
    release.set()
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=10_000)


def test_the_document_undoes_through_its_history(qtbot: QtBot, sample: Project) -> None:
    """Tests that apply, undo and redo emit the flags and track the dirty state."""
    document = ProjectDocument()
    document.open(sample, None)
    assert not document.is_dirty()
    site = sample.sites[0].id
    changed = exclude_site(sample, site)
    with qtbot.waitSignal(document.changed) as blocker:
        document.apply(changed, "Exclude", "me")
    # the document works the flags out itself: the exclusion, and the site's
    # required flag when it had one
    required = sample.sites[0].required
    assert blocker.args == [PlanChanges(locks=True, sites=required), "me"]
    assert document.is_dirty()
    with qtbot.waitSignal(document.changed) as blocker:
        assert document.undo() == "Exclude"
    assert blocker.args[0].locks
    assert document.project is sample
    assert not document.is_dirty()
    assert document.redo() == "Exclude"
    assert document.project is changed


def test_tasks_of_other_channels_queue_and_each_ends_once(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    """Tests channels: an export submitted while a plan runs waits for it
    (the plan's result is kept), a new plan replaces the old plan only, and
    every task ends in exactly one of success, failure or cancelled, with no
    task left current."""
    ends: list[tuple[str, str]] = []
    release = threading.Event()

    def plan(_state: TaskState) -> str:
        release.wait(10)
        return "plan"

    def track(name: str) -> Task[str]:
        work = plan if name.startswith("plan") else (lambda _s: name)
        channel = "plan" if name.startswith("plan") else "export"
        task: Task[str] = Task(runner, work, channel=channel)
        return (
            task.success(lambda r: ends.append((name, f"success {r}")))
            .failure(lambda e: ends.append((name, f"failure {e}")))
            .cancelled(lambda: ends.append((name, "cancelled")))
        )

    first = track("plan 1").run()
    track("export").run()
    track("plan 2").run()
    release.set()
    qtbot.waitUntil(lambda: len(ends) == 3, timeout=10_000)
    assert sorted(ends) == [
        ("export", "success export"),
        ("plan 1", "cancelled"),
        ("plan 2", "success plan"),
    ]
    assert first.superseded
    assert runner.current("plan") is None
    assert runner.current("export") is None
    assert not runner.is_busy()
