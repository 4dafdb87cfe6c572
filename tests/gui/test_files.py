"""Tests for saving, exporting, autosave, recovery and the unsaved-changes prompt."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from lrplanner.cli.plan import check_folder
from lrplanner.gui.main_window import MainWindow
from lrplanner.services_edit import exclude_site
from tests.gui.conftest import LONG, MEKONG

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from lrplanner.core.project import Project

Button = QMessageBox.StandardButton


def _edit(window: MainWindow) -> Project:
    project = window.project
    assert project is not None
    changed = exclude_site(project, project.sites[0].id)
    window.document.apply(changed, "Exclude")
    return changed


def test_save_and_open_round_trip(window: MainWindow, tmp_path: Path) -> None:
    """Tests that a saved project opens again equal, with a clean title."""
    window.open_path(MEKONG)
    changed = _edit(window)
    assert window.windowTitle().endswith("*")
    target = tmp_path / "route.lrp"
    assert window.files.save(target)
    assert window.windowTitle() == "LR Planner — route.lrp"
    result = window.open_path(target)
    assert result.project == changed
    assert window.files.recent()[0] == str(target)


def test_a_failed_save_keeps_the_old_file_and_says_why(
    window: MainWindow, tmp_path: Path
) -> None:
    """Tests that saving into a missing folder fails with a message, no file."""
    window.open_path(MEKONG)
    _edit(window)
    target = tmp_path / "missing" / "route.lrp"
    assert not window.files.save(target)
    assert not target.exists()
    assert window.last_message is not None
    assert "not saved" in window.last_message[1]
    assert window.windowTitle().endswith("*")


def test_export_all_writes_the_plan_files(
    qtbot: QtBot, window: MainWindow, planned: Project, tmp_path: Path
) -> None:
    """Tests that Export all writes, in the background, the very set of files
    ``lrplanner plan --out`` writes, and that ``lrplanner check`` accepts it."""
    window.document.open(planned, None)
    with qtbot.waitSignal(window.exported, timeout=LONG) as blocker:
        assert window.files.export("all", tmp_path / "out")
    names = sorted(p.name for p in blocker.args[0])
    assert names == [
        "agenda.html",
        "agenda.pdf",
        "agenda.xlsx",
        "arrivals.xlsx",
        "costs.xlsx",
        "files.json",
        "map.html",
        "meals.xlsx",
        "plan.json",
        "problem.json",
        "project.lrp",
        "rooms.xlsx",
        "route.ics",
        "visas.xlsx",
    ]
    assert all((tmp_path / "out" / n).stat().st_size > 0 for n in names)
    assert check_folder(tmp_path / "out") == 0


def test_export_without_a_plan_says_plan_first(window: MainWindow) -> None:
    """Tests that exporting before planning asks the user to plan."""
    window.open_path(MEKONG)
    assert not window.files.export("costs", Path("unused"))
    assert window.last_message == ("Nothing to export", "Plan the route first (F5).")


def test_an_autosave_is_offered_after_a_crash(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Tests that an autosave left by a crashed window can be recovered."""
    window.open_path(MEKONG)
    changed = _edit(window)
    window.files.autosave_now()
    backup = window.files.autosave_path
    assert backup.exists()
    window.files.slot.abandon()  # what a crash does: the lock goes, the file stays
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    again = MainWindow(settings=settings, autosave=tmp_path / "autosave.lrp")
    qtbot.addWidget(again)
    again.ask = lambda *_args: Button.Yes  # type: ignore[method-assign]
    again.open_initial(None, MEKONG)
    assert again.project == changed
    assert again.document.is_dirty()
    again.ask = lambda *_args: Button.Discard  # type: ignore[method-assign]
    again.close()
    assert not backup.exists()
    assert list((tmp_path / "autosave.lrp").iterdir()) == []
    assert again.files.recoverable() is None


def test_closing_with_unsaved_changes_asks_first(
    window: MainWindow, tmp_path: Path
) -> None:
    """Tests that Cancel keeps the window open and Save writes the project."""
    target = tmp_path / "route.lrp"
    window.open_path(MEKONG)
    window.files.save(target)
    changed = _edit(window)
    window.show()
    window.ask = lambda *_args: Button.Cancel  # type: ignore[method-assign]
    assert not window.close()
    assert window.isVisible()
    window.ask = lambda *_args: Button.Save  # type: ignore[method-assign]
    assert window.close()
    assert window.open_path(target).project == changed


def test_exporting_while_planning_keeps_the_plan(
    qtbot: QtBot, window: MainWindow, planned: Project, tmp_path: Path
) -> None:
    """Tests an export started while a plan runs: the export waits, the plan
    still ends with its result, and the planner is not left 'planning'."""
    window.document.open(planned, None)
    window.planner.seconds = 3
    with qtbot.waitSignal(window.planner.finished, timeout=LONG):
        assert window.plan()
        with qtbot.waitSignal(window.exported, timeout=LONG):
            assert window.files.export("costs", tmp_path / "out")
    assert not window.planner.is_running()
    assert (tmp_path / "out" / "costs.xlsx").stat().st_size > 0
