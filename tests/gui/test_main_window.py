"""Tests for the main window: open inputs, show sheets and problems."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMenu, QTableView

from tests.gui.conftest import LONG

if TYPE_CHECKING:
    import pytest
    from pytestqt.qtbot import QtBot

    from lrplanner.gui.main_window import MainWindow

SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"
MEKONG = SAMPLES / "mekong.xlsx"


def test_opening_the_sample_fills_every_sheet(window: MainWindow) -> None:
    """Tests that the Mekong sample shows one tab per sheet with its row count."""
    result = window.open_path(SAMPLES / "mekong.xlsx")
    assert result.project is not None
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[0] == "Route"
    assert f"Sites ({len(result.project.sites)})" in titles
    sites = window.findChild(QTableView, "sites_table")
    assert sites is not None
    assert sites.model().rowCount() == len(result.project.sites)
    assert window.problems.count() == 0
    assert "mekong.xlsx" in window.windowTitle()


def test_a_broken_workbook_lists_its_problems(
    window: MainWindow, tmp_path: Path
) -> None:
    """Tests that an unreadable workbook lists the problem and keeps the old project."""
    window.open_path(SAMPLES / "south_asia.xlsx")
    old = window.project
    bad = tmp_path / "broken.xlsx"
    bad.write_text("this is not a workbook", encoding="utf-8")
    result = window.open_path(bad)
    assert result.project is None
    assert window.project is old
    assert window.problems.count() == len(result.errors) >= 1
    assert "broken.xlsx" in window.problems.item(0).text()


def test_sheet_models_pass_the_model_tester(
    qtmodeltester: object, window: MainWindow
) -> None:
    """Tests that every sheet model follows Qt's model rules."""
    result = window.open_path(SAMPLES / "south_asia.xlsx")
    project = result.project
    assert project is not None
    for model in window.tabs.models.values():
        qtmodeltester.check(model)  # type: ignore[attr-defined]
    sites = window.tabs.models["Sites"]
    assert sites.headerData(0, Qt.Orientation.Horizontal) == "Site ID"
    assert sites.data(sites.index(0, 0)) == project.sites[0].id


def test_the_main_actions_have_their_shortcuts(window: MainWindow) -> None:
    """Tests that plan, cancel, save as and redo use the documented keys."""
    keys = {
        name: action.shortcut().toString()
        for name, action in window.actions_by_name.items()
    }
    assert keys["plan"] == "F5"
    assert keys["cancel"] == "Esc"
    assert keys["save_as"] == "Ctrl+Shift+S"
    assert keys["redo"] == "Ctrl+Y"
    assert keys["open"] == "Ctrl+O"
    assert keys["import_workbook"] == "Ctrl+I"
    assert not window.actions_by_name["cancel"].isEnabled()
    assert window.windowTitle() == "LR Planner — no project"


def test_import_reads_a_workbook_into_a_new_unsaved_project(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests File > Import > Excel workbook: the route opens, to be saved as .lrp."""
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    imports = next(a.menu() for a in file_menu.actions() if a.text() == "&Import")
    assert isinstance(imports, QMenu)
    assert [a.text() for a in imports.actions()] == [
        "Excel &workbook (.xlsx)…",
        "&CSV folder…",
    ]
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(MEKONG), "")
    )
    with qtbot.waitSignal(window.loader.loaded, timeout=LONG):
        window.actions_by_name["import_workbook"].trigger()  # read in the background
    assert window.project is not None
    assert len(window.project.sites) == 40
    assert window.path == MEKONG  # Save asks for a .lrp, never writes the .xlsx
