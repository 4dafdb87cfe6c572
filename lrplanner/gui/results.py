"""ResultsViews: the plan's tabs (agenda, map, budget, indicators, left out)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QListWidget,
    QMenu,
    QTableView,
    QTabWidget,
)

from lrplanner import services_edit as edit
from lrplanner.core.changes import PlanChanges
from lrplanner.gui.signals import emit
from lrplanner.gui.widgets.agenda_view import AgendaView
from lrplanner.gui.widgets.budget_panel import BudgetPanel
from lrplanner.gui.widgets.indicators_panel import IndicatorsPanel
from lrplanner.gui.widgets.left_out import left_out_model
from lrplanner.gui.widgets.map_view import MapView

if TYPE_CHECKING:
    from datetime import date

    from PySide6.QtGui import QResizeEvent

    from lrplanner.core.project import Project
    from lrplanner.gui.document import ProjectDocument

#: An edit of locks or exclusions alone: the plan and its figures stay.
LOCKS_ONLY = PlanChanges(locks=True)


def _only_people(changes: PlanChanges) -> bool:
    """Whether only participants or planning rules changed (the agenda does
    not show them)."""
    return not (changes.plan or changes.locks) and set(changes.names()) <= {
        "participants",
        "rules",
    }


class _WrappingTable(QTableView):
    """A table whose rows grow to show their wrapped text in full, at the
    width the columns have once shown (again whenever it is resized)."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self.resizeRowsToContents)


class ResultsViews(QObject):
    """Keeps the plan views of a Project in step; turns their menus into edits."""

    lock_edit = Signal(object, str)
    move_edit = Signal(object, str)

    def __init__(self, tabs: QTabWidget, document: ProjectDocument) -> None:
        super().__init__(tabs)
        self._tabs = tabs
        self._document = document
        self.agenda = AgendaView()
        self.map = MapView()
        self.budget = BudgetPanel()
        self.indicators = IndicatorsPanel()
        self.left_out = _WrappingTable()
        self.left_out.setObjectName("left_out_table")
        self.left_out.setAccessibleName("Sites left out, with reasons")
        self.left_out.setWordWrap(True)
        self.left_out.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.left_out.customContextMenuRequested.connect(self._on_left_out_menu)
        self.changes = QListWidget()
        self.changes.setObjectName("changes_list")
        self.changes.setAccessibleName("What the last re-plan changed")
        self.changes.setWordWrap(True)
        for widget, title in (
            (self.agenda, "Agenda"),
            (self.map, "Map"),
            (self.budget, "Budget"),
            (self.indicators, "Indicators"),
            (self.left_out, "Left out"),
            (self.changes, "Changes"),
        ):
            tabs.addTab(widget, title)
        self.agenda.lock_requested.connect(self._on_lock_requested)
        self.agenda.move_requested.connect(self._on_move_requested)
        self.agenda.unlock_requested.connect(self._on_unlock_requested)
        self.agenda.exclude_requested.connect(self._on_exclude_requested)
        self.agenda.require_requested.connect(self._on_require_requested)
        self.refresh(PlanChanges.everything())

    def refresh(self, changes: PlanChanges) -> None:
        """Refresh the views that show what ``changes`` names (the map, the
        slowest, only for the plan, sites, places and route)."""
        project = self._document.project
        if changes.plan or (changes.inputs and not _only_people(changes)):
            self.agenda.show_project(project)
        if changes.plan or changes.sites or changes.places or changes.route:
            self.map.show_project(project)
        if changes.plan or (changes.inputs and changes != LOCKS_ONLY):
            report = self._document.report()
            self.budget.show_costs(
                report.costs if report else None, project.budget if project else ()
            )
            currency = project.route.currency if project else ""
            self.indicators.show_indicators(
                report.indicators if report else None, currency
            )
        if changes.plan or changes.sites or changes.locks:
            self._show_left_out(project)

    def show_changes(self, lines: list[str] | None) -> None:
        """List what the last re-plan changed (visits and nights); None: the
        plan was a first plan, with nothing to compare."""
        self.changes.clear()
        if lines is None:
            self.changes.addItem("A first plan: there was no plan to compare it with.")
            lines = []
        else:
            self.changes.addItems(
                lines or ["The re-plan changed no visit and no night."]
            )
        index = self._tabs.indexOf(self.changes)
        self._tabs.setTabText(index, f"Changes ({len(lines)})")

    def _show_left_out(self, project: Project | None) -> None:
        old = self.left_out.model()
        model = left_out_model(project)
        model.setParent(self.left_out)
        self.left_out.setModel(model)
        if old is not None:
            old.deleteLater()
        header = self.left_out.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        # the whole reason shows, wrapped over as many lines as it needs at
        # the width the Reason column has (again when that width changes)
        self.left_out.resizeRowsToContents()
        index = self._tabs.indexOf(self.left_out)
        self._tabs.setTabText(index, f"Left out ({model.rowCount()})")

    def _emit(self, project: Project, description: str) -> None:
        emit(self.lock_edit, project, description)

    def _current(self) -> Project:
        project = self._document.project
        assert project is not None
        return project

    def _name(self, site: str) -> str:
        return self._current().site_by_id[site].name  # type: ignore[index]

    def _on_lock_requested(self, site: str, day: date) -> None:
        project = edit.lock_visit(self._current(), site, day)  # type: ignore[arg-type]
        self._emit(project, f"Lock {self._name(site)} to {day:%d %b}")

    def _on_move_requested(self, site: str, day: date) -> None:
        project = edit.lock_visit(self._current(), site, day)  # type: ignore[arg-type]
        emit(self.move_edit, project, f"Move {self._name(site)} to {day:%a %d %b}")

    def _on_unlock_requested(self, site: str) -> None:
        project = edit.unlock_visit(self._current(), site)  # type: ignore[arg-type]
        self._emit(project, f"Unlock {self._name(site)}")

    def _on_exclude_requested(self, site: str) -> None:
        project = edit.exclude_site(self._current(), site)  # type: ignore[arg-type]
        self._emit(project, f"Exclude {self._name(site)}")

    def _on_require_requested(self, site: str, required: bool) -> None:
        """Require a site (in a programme of several routes: on the route
        shown only, its Route's Required sites) or stop requiring it."""
        programme = self._document.programme
        if required and programme is not None and len(programme.routes) > 1:
            project = edit.route_required(self._current(), site)  # type: ignore[arg-type]
            self._emit(project, f"Require {self._name(site)} on this route")
            return
        project = edit.set_required(self._current(), site, required=required)  # type: ignore[arg-type]
        verb = "Require" if required else "Stop requiring"
        self._emit(project, f"{verb} {self._name(site)}")

    def _on_left_out_menu(self, point: QPoint) -> None:
        index = self.left_out.indexAt(point)
        project = self._document.project
        if not index.isValid() or project is None or project.plan is None:
            return
        site = project.plan.left_out[index.row()].site
        menu = QMenu(self.left_out)
        if site in project.excluded_sites:
            menu.addAction("Include again").triggered.connect(
                lambda: self._emit(
                    edit.include_site(project, site),
                    f"Include {self._name(site)}",
                )
            )
        menu.addAction("Require this site").triggered.connect(
            lambda: self._on_require_requested(site, True)
        )
        menu.exec(self.left_out.viewport().mapToGlobal(point))

    def close_files(self) -> None:
        """Remove temporary files (the map)."""
        self.map.close_files()
