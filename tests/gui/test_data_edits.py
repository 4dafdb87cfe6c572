"""Tests for editing the input tables: cells, added and deleted rows, undo."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment

from lrplanner.gui.dialogs.help import HelpDialog
from lrplanner.gui.dialogs.preferences import PreferencesDialog
from tests.gui.conftest import MEKONG

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from lrplanner.core.project import Project
    from lrplanner.gui.main_window import MainWindow
    from lrplanner.gui.models.sheet_edit import SheetTableModel

FIELD = {
    "Sites": "sites",
    "Champions": "champions",
    "Participants": "participants",
    "Places": "places",
    "Links": "links",
}


def _opened(window: MainWindow) -> Project:
    window.open_path(MEKONG)
    assert window.project is not None
    return window.project


def _column(model: SheetTableModel, header: str) -> int:
    labels = [
        model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(model.columnCount())
    ]
    return labels.index(header)


def _records(window: MainWindow, sheet: str) -> tuple[object, ...]:
    assert window.project is not None
    return tuple(getattr(window.project, FIELD[sheet]))


@pytest.mark.parametrize(
    ("sheet", "header", "text", "attribute", "expected"),
    [
        ("Sites", "Learning value", "3", "value", 3),
        ("Champions", "Organisation", "Takeo farmers' union", "organisation", None),
        ("Places", "Per diem", "55", "per_diem", None),
        ("Links", "Minutes", "75", "duration_min", 75),
    ],
)
def test_editing_a_cell_is_one_undo_step(
    window: MainWindow,
    sheet: str,
    header: str,
    text: str,
    attribute: str,
    expected: object,
) -> None:
    """Tests that a valid cell changes the record, shows it, and can be undone."""
    opened = _opened(window)
    model = window.tabs.models[sheet]
    index = model.index(1, _column(model, header))
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(index, text)
    record = _records(window, sheet)[1]
    wanted = text if expected is None else expected
    assert str(getattr(record, attribute)) == str(wanted)
    assert model.data(index) == text
    assert window.actions_by_name["undo"].text().startswith(f"&Undo Edit {header}")
    assert "Press F5" not in window.statusBar().currentMessage()
    window.undo()
    assert window.project is opened
    assert window.tabs.models[sheet].data(index) != text


@pytest.mark.parametrize(
    ("sheet", "header", "text", "reason"),
    [
        ("Sites", "Learning value", "lots", "expected a whole number"),
        ("Champions", "Gender", "unknown", "expected F, M or X"),
        ("Champions", "Site IDs", "NO-SUCH", "expected a Site ID from the Sites sheet"),
        ("Places", "Lat", "123", "expected a latitude"),
        ("Links", "To", "NOWHERE", "expected a Place ID from the Places sheet"),
        ("Links", "Mode", "rocket", "expected road, flight, boat or train"),
    ],
)
def test_a_bad_cell_is_refused_with_the_reason(
    window: MainWindow, sheet: str, header: str, text: str, reason: str
) -> None:
    """Tests that a value the importer would refuse leaves the project unchanged."""
    opened = _opened(window)
    model = window.tabs.models[sheet]
    index = model.index(0, _column(model, header))
    before = model.data(index)
    assert not model.setData(index, text)
    assert window.project is opened
    assert model.data(index) == before
    shown = QTextDocumentFragment.fromHtml(
        model.data(index, Qt.ItemDataRole.ToolTipRole)
    )
    tip = shown.toPlainText()
    assert tip.startswith(f"Not changed: {reason}")
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    message = window.statusBar().currentMessage()
    assert f"{header} not changed: {reason}" in message
    assert not window.actions_by_name["undo"].isEnabled()


def test_ids_are_not_editable(window: MainWindow) -> None:
    """Tests that the id column of a record sheet cannot be typed over."""
    _opened(window)
    model = window.tabs.models["Sites"]
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


@pytest.mark.parametrize(
    ("sheet", "label"),
    [
        ("Sites", "site SITE-NEW-1"),
        ("Champions", "champion CHAMP-NEW-1"),
        ("Places", "place PLACE-NEW-1"),
        ("Links", "link KH-PNP→KH-TKO"),
    ],
)
def test_adding_a_row_is_one_undo_step(
    window: MainWindow, sheet: str, label: str
) -> None:
    """Tests that Add row appends a loadable record, selects it, and undoes."""
    opened = _opened(window)
    page = window.tabs.pages[sheet]
    count = page.model.rowCount()
    page.add_action.trigger()
    assert len(_records(window, sheet)) == count + 1
    assert page.model.rowCount() == count + 1
    assert page.current_row() == count
    tab = window.tabs.tabText(window.tabs.indexOf(page))
    assert tab == f"{sheet} ({count + 1})"
    assert window.actions_by_name["undo"].text() == f"&Undo Add {label}"
    window.undo()
    assert window.project is opened
    assert page.model.rowCount() == count


def test_deleting_a_row_is_one_undo_step(window: MainWindow) -> None:
    """Tests that Delete row removes the current participant and undo restores it."""
    opened = _opened(window)
    page = window.tabs.pages["Participants"]
    page.select_row(2)
    page.delete_action.trigger()
    project = window.project
    assert project is not None
    assert project.participants == opened.participants[:2] + opened.participants[3:]
    assert page.model.rowCount() == len(opened.participants) - 1
    window.undo()
    assert window.project is opened
    assert page.model.rowCount() == len(opened.participants)


@pytest.mark.parametrize(
    ("sheet", "row", "referrer"),
    [
        ("Places", 0, "place KH-PNP is used by "),
        ("Places", 0, "the route's start"),
        ("Sites", 0, "site KH01 is used by champion CH01 and champion CH02"),
        ("Champions", 0, "champion CH01 is used by site KH01"),
    ],
)
def test_a_delete_in_use_is_refused_naming_the_referrer(
    window: MainWindow, sheet: str, row: int, referrer: str
) -> None:
    """Tests that deleting a record others refer to is refused and says who."""
    opened = _opened(window)
    window.tabs.delete_row(sheet, row)
    assert window.project is opened
    message = window.statusBar().currentMessage()
    assert message.startswith("Not deleted: ")
    assert referrer in message


def test_rows_have_insert_and_delete_shortcuts(window: MainWindow) -> None:
    """Tests that every sheet's row actions use the Insert and Delete keys."""
    for page in window.tabs.pages.values():
        assert page.add_action.shortcut().toString() == "Ins"
        assert page.delete_action.shortcut().toString() == "Del"
        assert not page.add_action.isEnabled()  # no project yet


def test_the_help_shows_the_user_guide(qtbot: QtBot) -> None:
    """Tests that Help renders the user guide's three jobs."""
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "Plan a route" in text
    assert "Print the daily agenda" in text
    assert "Work with the cost sheet" in text


def test_preferences_start_from_the_current_values(qtbot: QtBot) -> None:
    """Tests that the preferences dialog shows the planning time and seed."""
    dialog = PreferencesDialog(seconds=15, seed=7)
    qtbot.addWidget(dialog)
    assert dialog.seconds.value() == 15
    assert dialog.seed.value() == 7


def test_the_filter_shows_matching_rows_and_edits_reach_the_right_record(
    window: MainWindow,
) -> None:
    """Tests that typing in a sheet's filter keeps matching rows, in any column."""
    opened = _opened(window)
    page = window.tabs.pages["Sites"]
    page.filter.setText("kampot")
    shown = page.proxy.rowCount()
    matching = [
        s for s in opened.sites if any("kampot" in str(v).lower() for v in vars_of(s))
    ]
    assert 0 < shown == len(matching) < len(opened.sites)
    column = _column(page.model, "Learning value")
    index = page.proxy.index(shown - 1, column)
    site = page.model.data(page.proxy.mapToSource(page.proxy.index(shown - 1, 0)))
    assert page.proxy.setData(index, "2", Qt.ItemDataRole.EditRole)
    project = window.project
    assert project is not None
    changed = next(s for s in project.sites if s.id == site)
    assert changed.value == 2
    page.filter.clear()
    assert page.proxy.rowCount() == len(opened.sites)


def vars_of(site: object) -> list[object]:
    """Return the field values of a slotted dataclass record."""
    from dataclasses import fields

    return [getattr(site, f.name) for f in fields(site)]  # type: ignore[arg-type]
