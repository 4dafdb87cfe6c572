"""Tests for programmes in the app: open, switch route, edit, save, add route,
plan, the Programme tab."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QLineEdit, QMessageBox

from lrplanner import storage
from lrplanner.core.bookings import conflicts
from lrplanner.core.plan import DayPlan, Event, EventKind, Itinerary
from lrplanner.core.programme import Programme
from lrplanner.gui.main_window import MainWindow
from lrplanner.gui.programme_calendar import calendar
from lrplanner.services_edit import exclude_site
from tests.gui.conftest import LONG, MEKONG

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QTableWidget, QTableWidgetItem
    from pytestqt.qtbot import QtBot

    from lrplanner.core.ids import SiteId
    from lrplanner.core.project import Project

ROUTE_B = "Mekong Learning Route B"


def _second(project: Project, name: str = ROUTE_B) -> Project:
    """Return the project as another route of the same dates, without a plan."""
    route = dataclasses.replace(project.route, name=name)
    return project.with_changes(route=route, plan=None)


def _programme(a: Project, b: Project) -> Programme:
    return Programme.of(a, "Mekong programme").with_route(b)


def _file(tmp_path: Path, programme: Programme) -> Path:
    path = tmp_path / "programme.lrp"
    storage.save_programme(programme, path)
    return path


def _version(path: Path) -> int:
    version = json.loads(path.read_text(encoding="utf-8"))["version"]
    assert isinstance(version, int)
    return version


def _one_visit(project: Project, site: SiteId, day: date) -> Itinerary:
    """Return a plan of the route's days holding one visit to ``site`` on ``day``."""
    zone = ZoneInfo("Asia/Phnom_Penh")
    route = project.route
    days = []
    for offset in range(route.days):
        when = route.start_date + timedelta(days=offset)
        events: tuple[Event, ...] = ()
        if when == day:
            start = datetime(when.year, when.month, when.day, 9, tzinfo=zone)
            visit = Event(
                kind=EventKind.VISIT,
                start=start,
                end=start + timedelta(hours=2),
                title="visit",
                tz="Asia/Phnom_Penh",
                site=site,
            )
            events = (visit,)
        days.append(DayPlan(day=when, events=events))
    return Itinerary(days=tuple(days))


def _pick(window: MainWindow, index: int) -> None:
    """Pick route ``index`` in the toolbar's route picker, as the user does."""
    combo = window.routes.picker.combo
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def _at_cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None
    return item


def _names_shown(window: MainWindow) -> list[str]:
    combo = window.routes.picker.combo
    return [combo.itemText(i) for i in range(combo.count())]


def test_a_programme_file_opens_and_the_picker_switches_route(
    qtbot: QtBot, window: MainWindow, sample: Project, tmp_path: Path
) -> None:
    """Tests that a format-2 file opens (not refused) on its first route, and
    that the route picker shows the other route in every view."""
    path = _file(tmp_path, _programme(sample, _second(sample)))
    result = window.open_path(path)
    assert not result.errors
    assert window.document.programme is not None
    assert window.document.programme.names == (sample.route.name, ROUTE_B)
    assert window.project is not None
    assert window.project.route.name == sample.route.name
    assert _names_shown(window) == [sample.route.name, ROUTE_B]
    assert window.routes.picker_shown()
    with qtbot.waitSignal(window.document.changed):
        _pick(window, 1)
    assert window.project.route.name == ROUTE_B
    editor = window.tabs.route_form.editors["name"]
    assert isinstance(editor, QLineEdit)
    assert editor.text() == ROUTE_B
    assert ROUTE_B in window.windowTitle()
    assert not window.document.is_dirty()  # switching route is not an edit


def test_an_edit_is_written_back_to_its_route_and_undone_there(
    window: MainWindow, sample: Project, tmp_path: Path
) -> None:
    """Tests that an edit in one route changes only that route (a shared
    record: every route), and that undo returns to the route it was made in."""
    window.open_path(_file(tmp_path, _programme(sample, _second(sample))))
    _pick(window, 1)
    project = window.project
    assert project is not None
    site = project.sites[0].id
    window.document.apply(exclude_site(project, site), "Exclude")
    programme = window.document.programme
    assert programme is not None
    assert site in programme.routes[1].excluded_sites
    assert site not in programme.routes[0].excluded_sites
    assert window.document.is_dirty()
    _pick(window, 0)
    first = window.project
    assert first is not None
    renamed = dataclasses.replace(first.sites[1], name="Renamed host")
    window.document.apply(
        first.with_changes(sites=(first.sites[0], renamed, *first.sites[2:])), "Rename"
    )
    assert window.document.programme is not None
    assert window.document.programme.project(1).sites[1].name == "Renamed host"
    assert window.document.undo() == "Rename"
    assert window.document.undo() == "Exclude"
    assert window.document.route == 1  # shown where the edit was made
    assert window.project is not None
    assert site not in window.project.excluded_sites
    assert not window.document.is_dirty()
    assert window.document.redo() == "Exclude"
    assert site in window.project.excluded_sites


def test_an_edit_the_programme_cannot_hold_is_refused(
    window: MainWindow, sample: Project, tmp_path: Path
) -> None:
    """Tests that naming route B as route A is refused with a message."""
    window.open_path(_file(tmp_path, _programme(sample, _second(sample))))
    _pick(window, 1)
    project = window.project
    assert project is not None
    twin = dataclasses.replace(project.route, name=sample.route.name)
    window.document.apply(project.with_changes(route=twin), "Rename route")
    assert window.last_message is not None
    assert window.last_message[0] == "Not changed"
    assert "two routes are called" in window.last_message[1]
    assert window.project is project
    assert not window.document.is_dirty()


def test_save_keeps_the_programme_and_one_route_saves_as_before(
    window: MainWindow, sample: Project, tmp_path: Path
) -> None:
    """Tests that Save and autosave write format 2 for two routes, and that a
    one-route project still saves as format 1."""
    path = _file(tmp_path, _programme(sample, _second(sample)))
    window.open_path(path)
    _pick(window, 1)
    project = window.project
    assert project is not None
    site = project.sites[0].id
    window.document.apply(exclude_site(project, site), "Exclude")
    window.files.autosave_now()
    assert _version(window.files.autosave_path) == storage.PROGRAMME_VERSION
    assert window.files.save()
    assert not window.document.is_dirty()
    assert _version(path) == storage.PROGRAMME_VERSION
    again = storage.load_programme(path)
    assert again.names == (sample.route.name, ROUTE_B)
    assert site in again.routes[1].excluded_sites
    window.open_path(path)
    assert window.document.programme == again
    window.open_path(MEKONG)
    single = tmp_path / "single.lrp"
    assert window.files.save(single)
    assert _version(single) == storage.VERSION
    assert storage.load_project(single) == window.project
    assert not window.routes.picker_shown()


def test_add_route_is_one_undo_step_and_refusals_are_explained(
    window: MainWindow, sample: Project, tmp_path: Path
) -> None:
    """Tests File ▸ Add route to programme: added, undone, a twin name and a
    host that differs refused with a message."""
    other = tmp_path / "route-b.lrp"
    storage.save_project(_second(sample), other)
    window.open_path(MEKONG)
    assert window.actions_by_name["add_route"].isEnabled()
    assert window.routes.add_path(other).project is not None
    assert window.document.programme is not None
    assert window.document.programme.names == (sample.route.name, ROUTE_B)
    assert window.document.route == 0
    assert window.routes.picker_shown()
    assert window.document.history is not None
    assert window.document.history.undo_label() == f"Add route {ROUTE_B}"
    window.routes.add_path(other)
    assert window.last_message is not None
    assert window.last_message[0] == "Route not added"
    assert "two routes are called" in window.last_message[1]
    window.undo()
    assert window.document.programme is not None
    assert len(window.document.programme.routes) == 1
    site = sample.sites[0]
    fee = dataclasses.replace(site, fee_per_group=site.fee_per_group + 1)
    differing = _second(sample).with_changes(sites=(fee, *sample.sites[1:]))
    storage.save_project(differing, other)
    window.routes.add_path(other)
    assert "differ" in window.last_message[1]
    assert len(window.document.programme.routes) == 1


def test_the_programme_tab_lists_and_marks_a_host_booked_twice(
    window: MainWindow, sample: Project
) -> None:
    """Tests the lanes, the conflicts list and the "!" of a day one host
    receives both routes."""
    day = sample.route.start_date + timedelta(days=1)
    site = sample.sites[0]
    a = sample.with_changes(plan=_one_visit(sample, site.id, day))
    b = _second(sample).with_changes(plan=_one_visit(sample, site.id, day))
    window.document.open_programme(_programme(a, b), None)
    panel = window.routes.panel
    lanes = panel.lanes
    assert lanes.rowCount() == 2
    header = [lanes.verticalHeaderItem(r).text() for r in range(2)]
    assert header == [sample.route.name, ROUTE_B]
    assert lanes.columnCount() == sample.route.days
    column = (day - sample.route.start_date).days
    for row in range(2):
        cell = _at_cell(lanes, row, column)
        assert cell.text() == "! 1"
        tip = QTextDocumentFragment.fromHtml(cell.toolTip()).toPlainText()
        assert site.name in tip
        assert "receives" in tip
    assert _at_cell(lanes, 0, column + 1).text() == "0"
    table = panel.conflicts
    assert table.rowCount() == 1
    assert _at_cell(table, 0, 0).text() == day.isoformat()
    assert _at_cell(table, 0, 1).text() == "host booked twice"
    assert _at_cell(table, 0, 2).text() == f"{sample.route.name} and {ROUTE_B}"
    assert "1 (marked !" in panel.summary.text()


def test_planning_a_route_of_a_programme_books_no_host_twice(
    qtbot: QtBot, window: MainWindow, planned: Project, sample: Project
) -> None:
    """Tests F5 on route B: planned with route A's bookings closed, the plan
    stored on B's own project (no blackouts added), no conflict."""
    window.document.open_programme(_programme(planned, _second(sample)), None)
    _pick(window, 1)
    window.planner.seconds = 2
    with qtbot.waitSignal(window.planner.finished, timeout=LONG):
        assert window.plan()
    programme = window.document.programme
    assert programme is not None
    assert programme.routes[0].plan == planned.plan
    assert programme.routes[1].plan is not None
    assert programme.routes[1].plan.visited_sites()
    assert conflicts(programme) == []
    assert programme.sites == planned.sites  # the closed days were only for planning
    assert window.document.history is not None
    assert window.document.history.undo_label() == "Plan"


def test_route_and_host_names_show_literally(
    window: MainWindow, sample: Project
) -> None:
    """Tests that a route called '<b>x</b>' is text in the picker, the lanes,
    the conflicts list and the tooltips."""
    name = "<b>x</b>"
    day = sample.route.start_date
    site = sample.sites[0]
    a = sample.with_changes(plan=_one_visit(sample, site.id, day))
    b = _second(sample, name).with_changes(plan=_one_visit(sample, site.id, day))
    window.document.open_programme(_programme(a, b), None)
    assert _names_shown(window)[1] == name
    lanes = window.routes.panel.lanes
    assert lanes.verticalHeaderItem(1).text() == name
    table = window.routes.panel.conflicts
    assert _at_cell(table, 0, 2).text() == f"{sample.route.name} and {name}"
    tip = _at_cell(table, 0, 3).toolTip()
    assert (
        QTextDocumentFragment.fromHtml(tip).toPlainText()
        == _at_cell(table, 0, 3).text()
    )
    assert window.routes.panel.note.textFormat() == Qt.TextFormat.PlainText
    _pick(window, 1)
    assert name in window.windowTitle()


def test_the_calendar_leaves_out_days_no_route_runs(sample: Project) -> None:
    """Tests that routes months apart show their own days only, each lane
    blank outside its dates."""
    route = sample.route
    later = dataclasses.replace(
        route,
        name=ROUTE_B,
        start_date=route.start_date + timedelta(days=120),
        end_date=route.end_date + timedelta(days=120),
        rest_days=tuple(d + timedelta(days=120) for d in route.rest_days),
    )
    shown = calendar(_programme(sample, sample.with_changes(route=later, plan=None)))
    assert len(shown.days) == 2 * route.days
    assert [c.in_route for c in shown.lanes[0].cells].count(True) == route.days
    assert shown.lanes[0].cells[-1].text == ""
    assert not shown.lanes[1].planned


def test_a_programme_backup_is_recovered_whole(
    qtbot: QtBot, sample: Project, tmp_path: Path
) -> None:
    """Tests that the autosave of a crashed window holding a programme is
    offered and recovered with every route."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    windows = [MainWindow(settings=settings, autosave=tmp_path / "autosave")]
    qtbot.addWidget(windows[0])
    windows[0].ask = lambda *_args: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    windows[0].document.open_programme(
        _programme(sample, _second(sample)), None, clean=False
    )
    windows[0].files.autosave_now()
    windows[0].files.slot.abandon()
    windows.append(MainWindow(settings=settings, autosave=tmp_path / "autosave"))
    qtbot.addWidget(windows[1])
    asked: list[str] = []

    def yes(_title: str, text: str, _buttons: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    windows[1].ask = yes  # type: ignore[method-assign,assignment]
    assert windows[1].files.offer_recovery()
    assert "Mekong programme" in asked[0]
    programme = windows[1].document.programme
    assert programme is not None
    assert programme.names == (sample.route.name, ROUTE_B)
    assert windows[1].document.is_dirty()
    windows[1].ask = lambda *_args: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]


def test_plan_all_routes_plans_each_route_as_one_undo_step(
    qtbot: QtBot, window: MainWindow, sample: Project
) -> None:
    """Tests Plan ▸ Plan all routes: both routes planned on the worker thread,
    no host or champion booked twice, one undo step that takes both back."""
    before = _programme(sample, _second(sample))
    window.document.open_programme(before, None)
    window.planner.seconds = 1
    action = window.actions_by_name["plan_all"]
    assert action.isEnabled()
    with qtbot.waitSignal(window.routes.planned, timeout=4 * LONG) as done:
        action.trigger()
        assert window.routes.is_planning()
        assert not action.isEnabled()
        assert window.routes.panel.stop.isEnabled()
    assert not done.args[0].cancelled
    programme = window.document.programme
    assert programme is not None
    assert all(p.plan is not None and p.plan.visited_sites() for p in programme.routes)
    assert conflicts(programme) == []
    assert "Planned 2 of 2 routes" in window.routes.panel.status.text()
    assert "no conflict" in window.routes.panel.status.text()
    assert action.isEnabled()
    assert not window.routes.panel.stop.isEnabled()
    assert window.document.history is not None
    assert window.document.history.undo_label() == "Plan all routes"
    window.undo()
    assert window.document.programme is before


def test_stopping_plan_all_routes_leaves_the_routes_as_they_were(
    qtbot: QtBot, window: MainWindow, planned: Project, sample: Project
) -> None:
    """Tests Stop: planning ends early and no route loses the plan it had."""
    before = _programme(planned, _second(sample))
    window.document.open_programme(before, None)
    window.planner.seconds = 5
    with qtbot.waitSignal(window.routes.planned, timeout=LONG) as done:
        assert window.routes.plan_all()
        window.routes.panel.stop.click()
    assert done.args[0].cancelled
    assert window.document.programme is before
    assert "stopped" in window.routes.panel.status.text()
    assert not window.routes.is_planning()
    assert window.routes.panel.plan_all.isEnabled()


def test_plan_all_routes_wants_a_programme(window: MainWindow, sample: Project) -> None:
    """Tests that one route is pointed to F5 instead (nothing runs)."""
    window.document.open(sample, None)
    assert not window.actions_by_name["plan_all"].isEnabled()
    assert not window.routes.panel.plan_all.isEnabled()
    assert not window.routes.plan_all()
    assert window.last_message is not None
    assert window.last_message[0] == "One route"
    assert not window.routes.is_planning()


def test_remove_route_asks_and_is_one_undo_step(
    window: MainWindow, sample: Project
) -> None:
    """Tests File ▸ Remove route from programme…: no takes nothing out, yes
    takes the route shown out (the picker goes with two routes gone to
    one), Undo brings it back."""
    before = _programme(sample, _second(sample))
    window.document.open_programme(before, None)
    _pick(window, 1)
    action = window.actions_by_name["remove_route"]
    assert action.isEnabled()
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def ask(title: str, text: str, _buttons: object) -> QMessageBox.StandardButton:
        asked.append(f"{title}: {text}")
        return answer[0]

    window.ask = ask  # type: ignore[method-assign, assignment]
    action.trigger()
    assert window.document.programme is before
    assert ROUTE_B in asked[0]
    answer[0] = QMessageBox.StandardButton.Yes
    action.trigger()
    programme = window.document.programme
    assert programme is not None
    assert programme.names == (sample.route.name,)
    assert programme.sites == before.sites
    assert window.project is not None
    assert window.project.route.name == sample.route.name
    assert not window.routes.picker_shown()
    assert not action.isEnabled()
    assert window.document.history is not None
    assert window.document.history.undo_label() == f"Remove route {ROUTE_B}"
    window.undo()
    assert window.document.programme is before
    assert window.routes.picker_shown()


def test_a_double_click_on_a_conflict_shows_its_route_on_that_day(
    window: MainWindow, sample: Project
) -> None:
    """Tests the jump from the Programme tab to the Agenda: a conflict shows
    its first route's day, a lane's cell that route's day."""
    day = sample.route.start_date + timedelta(days=1)
    site = sample.sites[0]
    a = sample.with_changes(plan=_one_visit(sample, site.id, day))
    b = _second(sample).with_changes(plan=_one_visit(sample, site.id, day))
    window.document.open_programme(_programme(a, b), None)
    _pick(window, 1)
    panel = window.routes.panel
    panel.conflicts.cellDoubleClicked.emit(0, 3)
    agenda = window.results.agenda
    assert window.views.currentWidget() is agenda
    assert window.project is not None
    assert window.project.route.name == sample.route.name  # the conflict's first
    assert agenda.currentIndex().row() == 1  # the second day of the route
    assert agenda.currentIndex().parent().isValid() is False
    column = (day - sample.route.start_date).days + 2
    panel.lanes.cellDoubleClicked.emit(1, column)
    assert window.project.route.name == ROUTE_B
    assert agenda.currentIndex().row() == column


def test_a_route_is_renamed_on_its_form_and_a_taken_name_is_refused(
    window: MainWindow, sample: Project
) -> None:
    """Tests renaming route B through the Route form's Name (written back to
    the programme, the picker follows) and the refusal of route A's name."""
    window.document.open_programme(_programme(sample, _second(sample)), None)
    _pick(window, 1)
    editor = window.tabs.route_form.editors["name"]
    assert isinstance(editor, QLineEdit)
    editor.setText("Mekong Learning Route C")
    editor.editingFinished.emit()
    programme = window.document.programme
    assert programme is not None
    assert programme.names == (sample.route.name, "Mekong Learning Route C")
    assert _names_shown(window) == [sample.route.name, "Mekong Learning Route C"]
    editor.setText(sample.route.name)
    editor.editingFinished.emit()
    assert window.document.programme is programme  # refused: the name is taken
    assert window.last_message is not None
    assert "two routes are called" in window.last_message[1]


def test_require_in_a_programme_binds_the_route_shown_only(
    window: MainWindow, sample: Project
) -> None:
    """Tests the agenda's Require on route B of a programme: the site goes on
    B's Required sites, not the shared Sites flag that binds route A too."""
    day = sample.route.start_date + timedelta(days=1)
    site = next(s for s in sample.sites if not s.required)
    b = _second(sample).with_changes(plan=_one_visit(sample, site.id, day))
    window.document.open_programme(_programme(sample, b), None)
    _pick(window, 1)
    actions = dict(window.results.agenda.actions_for(site.id, day))
    actions[f"Require {site.name}"]()
    programme = window.document.programme
    assert programme is not None
    assert site.id in programme.routes[1].route.required_sites
    assert site.id in programme.project(1).required_ids
    assert site.id not in programme.project(0).required_ids
    assert not next(s for s in programme.sites if s.id == site.id).required
    assert window.document.history is not None
    assert window.document.history.undo_label() == f"Require {site.name} on this route"
