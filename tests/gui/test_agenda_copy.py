"""The agenda view's "Copy day as text" puts the day's summary on the clipboard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication

from lrplanner.exporters.agenda_text import day_text
from lrplanner.gui.models.agenda import SITE_ROLE
from lrplanner.gui.widgets.agenda_view import AgendaView
from tests.exporters.fixtures import make_plan

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu
    from pytestqt.qtbot import QtBot


def _action(menu: QMenu, label: str) -> QAction:
    return next(a for a in menu.actions() if a.text() == label)


def test_copy_day_as_text_from_a_visit_and_a_day_row(qtbot: QtBot) -> None:
    """Tests that the context menu of a visit (after its own actions) and of a
    day's header row both offer "Copy day as text", which copies that day's
    plain-text agenda; the clipboard then holds exactly ``day_text``."""
    plan = make_plan()
    project = plan.project.with_changes(plan=plan.itinerary)
    view = AgendaView()
    qtbot.addWidget(view)
    view.show_project(project)
    model = view.model()
    clipboard = QGuiApplication.clipboard()
    for row, day in enumerate(plan.itinerary.days[:2]):
        header = model.index(row, 0)
        visit = next(
            model.index(child, 0, header)
            for child in range(model.rowCount(header))
            if model.index(child, 0, header).data(SITE_ROLE)
        )
        for index in (visit, header):
            clipboard.clear()
            menu = view.context_menu(index)
            assert menu is not None
            labels = [a.text() for a in menu.actions() if a.text()]
            assert labels[-1] == "Copy day as text"
            if index is visit:
                assert "Move to day" in labels
            _action(menu, "Copy day as text").trigger()
            expected = day_text(project, plan.itinerary, day.day)
            assert clipboard.text() == expected
            assert day.day.strftime("%d %b %Y") in clipboard.text()
            menu.deleteLater()


def test_no_menu_without_a_row(qtbot: QtBot) -> None:
    """Tests that a click outside the rows (no index) opens no menu."""
    view = AgendaView()
    qtbot.addWidget(view)
    view.show_project(None)
    assert view.context_menu(view.model().index(0, 0)) is None
