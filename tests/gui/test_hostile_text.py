"""The app shows hostile user text as text: tables, tooltips, agenda, labels, boxes."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QLabel, QMessageBox

from tests.gui.conftest import LONG
from tests.hostile_text import PROBES, ROUTE_NAME, SAMPLE, hostile_folder

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from lrplanner.gui.main_window import MainWindow


def _shown(tooltip: str) -> str:
    """Return what a tooltip displays."""
    return QTextDocumentFragment.fromHtml(tooltip).toPlainText()


def test_hostile_names_are_shown_literally(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Tests that probes in names reach tables, tooltips, agenda and labels as text."""
    folder = tmp_path / "route"
    shutil.copytree(SAMPLE, folder)
    hostile_folder(folder)
    assert window.open_path(folder).project is not None
    sites = window.project.sites if window.project else ()
    model = window.tabs.models["Sites"]
    names = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert names == [s.name for s in sites]
    assert {p for p in PROBES for n in names if n.startswith(p)} == set(PROBES)
    tips = [
        _shown(model.index(r, 1).data(Qt.ItemDataRole.ToolTipRole))
        for r in range(model.rowCount())
    ]
    assert tips == names
    with qtbot.waitSignal(window.planner.finished, timeout=LONG):
        assert window.plan()
    agenda = window.results.agenda.model()
    titles = [
        agenda.index(i, 2, agenda.index(d, 0)).data()
        for d in range(agenda.rowCount())
        for i in range(agenda.rowCount(agenda.index(d, 0)))
    ]
    assert any(p in t for p in PROBES for t in titles)
    themes = window.results.indicators.labels["Themes covered"]
    assert themes.textFormat() is Qt.TextFormat.PlainText
    assert "{{ 7*7 }} extra" in themes.text()
    for label in window.findChildren(QLabel):
        if any(p in label.text() for p in PROBES):
            assert label.textFormat() is Qt.TextFormat.PlainText, label.text()


def test_messages_are_plain_text(window: MainWindow) -> None:
    """Tests that a message quoting user text shows it, not its markup."""
    window.say("Check the plan", ROUTE_NAME)
    boxes = window.findChildren(QMessageBox)
    assert boxes
    assert boxes[-1].text() == ROUTE_NAME
    assert boxes[-1].textFormat() is Qt.TextFormat.PlainText
