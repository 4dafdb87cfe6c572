"""Tests for editing Sites cells, the help and the preferences dialogs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from lrplanner.gui.dialogs.help import HelpDialog
from lrplanner.gui.dialogs.preferences import PreferencesDialog
from tests.gui.conftest import MEKONG

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from lrplanner.gui.main_window import MainWindow
    from lrplanner.gui.models.sites_edit import SitesTableModel


def _sites(window: MainWindow) -> SitesTableModel:
    model = window.tabs.sites_model
    assert model is not None
    return model


def _column(model: SitesTableModel, header: str) -> int:
    labels = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(20)]
    return labels.index(header)


def test_editing_a_site_cell_is_one_undo_step(window: MainWindow) -> None:
    """Tests that a typed learning value changes the site and can be undone."""
    window.open_path(MEKONG)
    opened = window.project
    assert opened is not None
    model = _sites(window)
    index = model.index(0, _column(model, "Learning value"))
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    new_value = 3 if opened.sites[0].value != 3 else 4
    assert model.setData(index, str(new_value))
    edited = window.project
    assert edited is not None
    assert edited.sites[0].value == new_value
    assert model.data(index) == str(new_value)
    assert window.actions_by_name["undo"].text().startswith("&Undo Edit Learning")
    window.undo()
    assert window.project is opened
    assert _sites(window).data(index) == str(opened.sites[0].value)


def test_a_bad_site_cell_is_refused_with_the_reason(window: MainWindow) -> None:
    """Tests that a value the importer would refuse leaves the project unchanged."""
    window.open_path(MEKONG)
    opened = window.project
    model = _sites(window)
    index = model.index(0, _column(model, "Learning value"))
    assert not model.setData(index, "lots")
    assert window.project is opened
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Not changed: expected a whole number")
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    id_column = model.index(0, _column(model, "Site ID"))
    assert not model.flags(id_column) & Qt.ItemFlag.ItemIsEditable


def test_the_sites_model_passes_the_model_tester(
    qtmodeltester: object, window: MainWindow
) -> None:
    """Tests that the editable Sites model follows Qt's model rules."""
    window.open_path(MEKONG)
    qtmodeltester.check(_sites(window))  # type: ignore[attr-defined]


def test_the_help_shows_the_user_guide(qtbot: QtBot) -> None:
    """Tests that Help renders the user guide's three jobs."""
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "Plan a route" in text
    assert "Print the daily agenda" in text
    assert "Export the cost sheet" in text


def test_preferences_start_from_the_current_values(qtbot: QtBot) -> None:
    """Tests that the preferences dialog shows the planning time and seed."""
    dialog = PreferencesDialog(seconds=15, seed=7)
    qtbot.addWidget(dialog)
    assert dialog.seconds.value() == 15
    assert dialog.seed.value() == 7
