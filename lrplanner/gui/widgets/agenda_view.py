"""AgendaView: the plan's days and events, with lock/move/exclude/require actions
and "Copy day as text" (the day's agenda as plain text, for a messaging app)."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTreeView

from lrplanner.core.ids import SiteId
from lrplanner.exporters.agenda_text import day_text
from lrplanner.gui.models.agenda import (
    DAY_ROLE,
    EVENT_ROLE,
    SITE_ROLE,
    agenda_model,
)
from lrplanner.gui.signals import emit

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QModelIndex

    from lrplanner.core.project import Project


TITLE_COLUMN, PLACE_COLUMN = 2, 3


class AgendaView(QTreeView):
    """Shows the core Itinerary of a Project day by day (local times).

    A visit dragged onto another day, or sent there with "Move to day", asks
    for ``move_requested(site id, day)``.
    """

    lock_requested = Signal(str, object)
    move_requested = Signal(str, object)
    unlock_requested = Signal(str)
    exclude_requested = Signal(str)
    require_requested = Signal(str, bool)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("agenda_view")
        self.setAccessibleName("Agenda, day by day")
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_context_menu_requested)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setDropIndicatorShown(True)
        self._project: Project | None = None
        self.setModel(agenda_model(None))

    def show_project(self, project: Project | None) -> None:
        """Show the plan of ``project`` (empty when it has none)."""
        self._project = project
        old = self.model()
        model = agenda_model(project)
        model.visit_dropped.connect(self._on_visit_dropped)
        self.setModel(model)
        if old is not None:
            old.deleteLater()
        self.expandAll()
        header = self.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # title and place share the room left: a place can be a long route
        for column in (TITLE_COLUMN, PLACE_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def show_day(self, day: date) -> bool:
        """Select ``day``'s row and scroll it to the top; False if the plan
        shown has no such day (or there is no plan)."""
        plan = self._project.plan if self._project is not None else None
        days = [d.day for d in plan.days] if plan is not None else []
        if day not in days:
            return False
        index = self.model().index(days.index(day), 0)
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
        return True

    def site_at(self, row: int, event: int) -> tuple[str | None, date]:
        """Return (site id, day) of the row of ``day.events[event]`` of day
        ``row`` (the day's information lines, such as breakfast, skipped).

        Raises
        ------
        LookupError
            If the day has no such event.
        """
        model = self.model()
        day = model.index(row, 0)
        found = (model.index(i, 0, day) for i in range(model.rowCount(day)))
        index = next((i for i in found if i.data(EVENT_ROLE) == event), None)
        if index is None:
            raise LookupError(f"day {row} of the agenda has no event {event}")
        return index.data(SITE_ROLE), date.fromisoformat(index.data(DAY_ROLE))

    def actions_for(self, site: str, day: date) -> list[tuple[str, Callable[[], None]]]:
        """Return the (label, callback) context actions for a visit."""
        project = self._project
        if project is None or site not in project.site_by_id:
            return []
        locked = any(lock.site == site and lock.day == day for lock in project.locks)
        record = project.site_by_id[SiteId(site)]
        required, name = record.id in project.required_ids, record.name
        lock = (
            (f"Unlock the visit to {name}", lambda: emit(self.unlock_requested, site))
            if locked
            else (
                f"Lock {name} to {day:%a %d %b}",
                lambda: emit(self.lock_requested, site, day),
            )
        )
        need = "No longer require" if required else "Require"
        return [
            lock,
            (
                f"{need} {name}",
                lambda: emit(self.require_requested, site, not required),
            ),
            (
                f"Exclude {name} from the plan",
                lambda: emit(self.exclude_requested, site),
            ),
        ]

    def move_targets(
        self, site: str, day: date
    ) -> list[tuple[str, Callable[[], None]]]:
        """Return the (day label, callback) items of "Move to day" for a visit."""
        project = self._project
        if project is None or project.plan is None:
            return []
        return [
            (
                f"{other.day:%a %d %b}" + (" (rest day)" if other.rest else ""),
                partial(emit, self.move_requested, site, other.day),
            )
            for other in project.plan.days
            if other.day != day
        ]

    def copy_day_text(self, day: date) -> None:
        """Put the agenda of ``day`` on the clipboard as plain text."""
        project = self._project
        if project is None or project.plan is None:
            return
        text = day_text(project, project.plan, day)
        QGuiApplication.clipboard().setText(text)

    def context_menu(self, index: QModelIndex) -> QMenu | None:
        """Return the context menu of a row (None for no row): a visit's
        actions and "Move to day", then "Copy day as text" for any row."""
        day_iso = index.data(DAY_ROLE)
        if not day_iso:
            return None
        day = date.fromisoformat(day_iso)
        menu = QMenu(self)
        site = index.data(SITE_ROLE)
        if site:
            for label, callback in self.actions_for(site, day):
                menu.addAction(label).triggered.connect(callback)
            move = menu.addMenu("Move to day")
            for label, callback in self.move_targets(site, day):
                move.addAction(label).triggered.connect(callback)
            move.setEnabled(not move.isEmpty())
            menu.addSeparator()
        copy = menu.addAction("Copy day as text")
        copy.triggered.connect(partial(self.copy_day_text, day))
        return menu

    def _on_visit_dropped(self, site: str, day: date) -> None:
        # After the drop has finished: the move replaces this model.
        QTimer.singleShot(0, partial(emit, self.move_requested, site, day))

    def _on_context_menu_requested(self, point: QPoint) -> None:
        menu = self.context_menu(self.indexAt(point))
        if menu is not None:
            menu.exec(self.viewport().mapToGlobal(point))
            menu.deleteLater()
