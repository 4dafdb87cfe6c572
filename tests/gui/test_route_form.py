"""Tests for the editable Route settings form."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QSpinBox

from tests.gui.conftest import MEKONG

if TYPE_CHECKING:
    from lrplanner.core.project import Project
    from lrplanner.gui.main_window import MainWindow


def _opened(window: MainWindow) -> Project:
    window.open_path(MEKONG)
    assert window.project is not None
    return window.project


def test_a_setting_change_is_one_undo_step(window: MainWindow) -> None:
    """Tests that a committed field changes the route and undo puts it back."""
    opened = _opened(window)
    form = window.tabs.route_form
    visits = form.editors["max_visits_per_day"]
    assert isinstance(visits, QSpinBox)
    assert visits.value() == opened.route.max_visits_per_day
    visits.setValue(opened.route.max_visits_per_day + 1)
    assert form.commit("max_visits_per_day")
    project = window.project
    assert project is not None
    assert project.route.max_visits_per_day == opened.route.max_visits_per_day + 1
    assert project.sites is opened.sites
    undo = window.actions_by_name["undo"].text()
    assert undo == "&Undo Edit Max visits per day of the route"
    window.undo()
    assert window.project is opened
    assert visits.value() == opened.route.max_visits_per_day


def test_a_refused_setting_shows_the_reason_next_to_the_field(
    window: MainWindow,
) -> None:
    """Tests that an end date before the start is refused beside the field."""
    opened = _opened(window)
    form = window.tabs.route_form
    end = form.editors["end_date"]
    assert isinstance(end, QDateEdit)
    end.setDate(QDate(2027, 2, 1))
    assert not form.commit("end_date")
    assert window.project is opened
    assert (
        form.error_text("end_date")
        == "expected a date on or after the start 2027-03-01"
    )
    assert "End date not changed" in window.statusBar().currentMessage()
    assert not window.actions_by_name["undo"].isEnabled()
    end.setDate(QDate(2027, 3, 12))
    assert form.commit("end_date")
    assert form.error_text("end_date") == ""
    assert window.project is not None
    assert window.project.route.end_date == date(2027, 3, 12)


def test_places_and_budget_are_edited_in_the_form(window: MainWindow) -> None:
    """Tests the place combo and a blank budget cap (no cap), as on import."""
    opened = _opened(window)
    form = window.tabs.route_form
    start = form.editors["start_place"]
    assert isinstance(start, QComboBox)
    assert start.count() == len(opened.places)
    assert start.currentData() == opened.route.start_place
    start.setCurrentIndex(start.findData("KH-SRP"))
    assert form.commit("start_place")
    budget = form.editors["budget_cap"]
    assert isinstance(budget, QLineEdit)
    budget.setText("")
    assert form.commit("budget_cap")
    project = window.project
    assert project is not None
    assert project.route.start_place == "KH-SRP"
    assert project.route.budget_cap is None
    assert window.document.history is not None
    assert len(window.document.history.labels()) == 3


def test_a_route_edit_of_a_planned_project_asks_to_replan(
    window: MainWindow, planned: Project
) -> None:
    """Tests that changing a setting keeps the plan and says to plan again."""
    window.document.open(planned, None)
    form = window.tabs.route_form
    lunch = form.editors["lunch_minutes"]
    assert isinstance(lunch, QSpinBox)
    lunch.setValue(45)
    assert form.commit("lunch_minutes")
    assert window.project is not None
    assert window.project.plan is planned.plan
    assert window.statusBar().currentMessage().endswith("Press F5 to re-plan.")


def test_number_fields_keep_to_the_columns_bounds(qapp: object) -> None:
    """Tests that each whole-number or number field of the Route form takes
    exactly the range the importer accepts for its column."""
    from PySide6.QtWidgets import QDoubleSpinBox

    from lrplanner.core.columns import ROUTE, Kind
    from lrplanner.gui.route_form import _editor

    checked = 0
    for column in ROUTE.columns:
        if column.kind not in (Kind.INT, Kind.NUMBER) or column.bounds is None:
            continue
        editor = _editor(column)
        assert isinstance(editor, (QSpinBox, QDoubleSpinBox))
        assert (editor.minimum(), editor.maximum()) == column.bounds
        checked += 1
    assert checked >= 5


def test_the_route_required_sites_are_edited_in_the_form(window: MainWindow) -> None:
    """Tests that the Required sites field edits the route's own list (an
    undo step) and refuses an id the Sites sheet does not have."""
    opened = _opened(window)
    form = window.tabs.route_form
    field = form.editors["required_sites"]
    assert isinstance(field, QLineEdit)
    assert field.text() == ""
    field.setText("KH02, NOWHERE")
    assert not form.commit("required_sites")
    assert "NOWHERE" in form.error_text("required_sites")
    assert window.project is opened
    field.setText("KH02, VN03")
    assert form.commit("required_sites")
    assert window.project is not None
    assert window.project.route.required_sites == ("KH02", "VN03")
    assert field.text() == "KH02; VN03"
    undo = window.actions_by_name["undo"].text()
    assert undo == "&Undo Edit Required sites of the route"
    window.undo()
    assert window.project is opened


def test_the_road_speeds_are_edited_in_the_form(window: MainWindow) -> None:
    """Tests that Road speeds km/h is a field of the form: a speed per
    country and one for the others are applied (an undo step) and shown as
    the Route sheet writes them; a speed out of range is refused beside it."""
    opened = _opened(window)
    form = window.tabs.route_form
    field = form.editors["road_speeds"]
    assert isinstance(field, QLineEdit)
    assert field.text() == ""
    field.setText("KH 200")
    assert not form.commit("road_speeds")
    assert "5-120" in form.error_text("road_speeds")
    assert window.project is opened
    field.setText("Cambodia 50, 42")
    assert form.commit("road_speeds")
    assert window.project is not None
    assert window.project.route.road_speeds == (("KH", 50.0), ("*", 42.0))
    assert field.text() == "KH 50; 42"
    window.undo()
    assert window.project is opened
