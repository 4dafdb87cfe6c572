"""Tests that the app opens a workbook of several Route sheets as a programme."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from lrplanner.gui import reading
from tests.gui.conftest import SAMPLES

if TYPE_CHECKING:
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
