"""Tests that the app opens a workbook of several Route sheets as a programme."""

from __future__ import annotations

from typing import TYPE_CHECKING

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit

from lrplanner.gui import reading
from lrplanner.importers import read_inputs
from tests.gui.conftest import MEKONG, SAMPLES

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

    from lrplanner.gui.main_window import MainWindow

PROGRAMME = SAMPLES / "mekong_programme.xlsx"


def test_a_workbook_of_three_routes_opens_as_a_programme(window: MainWindow) -> None:
    """Tests that the sample programme workbook opens with its three routes,
    the first shown, and no Route column in the app's tables."""
    result = window.open_path(PROGRAMME)
    assert isinstance(result, reading.ProgrammeResult)
    programme = window.document.programme
    assert programme is not None
    assert len(programme.routes) == 3
    assert window.project == programme.project(0)
    assert window.routes.picker_shown()
    for sheet in ("Participants", "Budget"):
        model = window.tabs.models[sheet]
        horizontal = Qt.Orientation.Horizontal
        headers = [model.headerData(i, horizontal) for i in range(model.columnCount())]
        assert "Route" not in headers
        assert "Note" in headers or "Name" in headers
    assert len(reading.projects(result)) == 3


def _export_to(window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Trigger File ▸ Export workbook…, answering its dialog with ``path``."""
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), "")
    )
    action = window.actions_by_name["export_workbook"]
    assert action.isEnabled()
    action.trigger()


def test_a_programme_exports_to_one_workbook_and_reads_back(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests that Export workbook writes a programme's routes as Route,
    Route 2, ... sheets of one workbook that re-imports unchanged, a
    Route's own Required sites included, and edits made in the app too."""
    window.open_path(PROGRAMME)
    combo = window.routes.picker.combo
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    field = window.tabs.route_form.editors["required_sites"]
    assert isinstance(field, QLineEdit)
    field.setText("VN03")
    assert window.tabs.route_form.commit("required_sites")
    programme = window.document.programme
    assert programme is not None
    assert programme.routes[1].route.required_sites == ("VN03",)
    _export_to(window, tmp_path / "again", monkeypatch)
    path = tmp_path / "again.xlsx"
    assert read_inputs(path).programme == programme
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames[:4] == ["README", "Route", "Route 2", "Route 3"]
    assert str(path) in window.statusBar().currentMessage()
    assert window.document.path == PROGRAMME  # exporting is not saving


def test_one_route_exports_as_before(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests that a one-route project exports one Route sheet, no Route
    column, and reads back to the same project."""
    window.open_path(MEKONG)
    project = window.project
    assert project is not None
    path = tmp_path / "one.xlsx"
    _export_to(window, path, monkeypatch)
    assert read_inputs(path).project == project
    book = openpyxl.load_workbook(path, read_only=True)
    assert "Route 2" not in book.sheetnames
