"""The agenda tree: days of the plan, each with the printed agenda's rows.

A day's rows are :func:`lrplanner.exporters.agenda_rows.day_rows`, as every
printed agenda has them: breakfast, the events (a flight with its check-in
and arrival, lunches), dinner and the night's lodging, in local time. Rows
of the plan's events carry their site (drag, lock, move); the others are
information lines.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from lrplanner.core.ids import SiteId
from lrplanner.core.interpretation import visit_interpretation
from lrplanner.core.plan import EventKind
from lrplanner.core.procedures import is_scheduled, service_of
from lrplanner.exporters.agenda_rows import (
    OVERNIGHT,
    day_before,
    day_rows,
    day_title,
    holiday_note,
)
from lrplanner.exporters.agenda_text import time_line
from lrplanner.gui import plain
from lrplanner.gui.signals import emit

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtCore import QModelIndex, QPersistentModelIndex

    from lrplanner.core.plan import DayPlan, Event
    from lrplanner.core.project import Project
    from lrplanner.exporters.agenda_rows import AgendaRow

    Index = QModelIndex | QPersistentModelIndex

SITE_PREFIX = "site:"  # location id of a site in events (network.nodes.SITE_PREFIX)
HEADERS = ("Time (local)", "What", "Title", "Place", "Champions")
SITE_ROLE = Qt.ItemDataRole.UserRole + 1
DAY_ROLE = (
    Qt.ItemDataRole.UserRole + 2
)  # ISO date text: Qt would turn a date into QDate
#: The index of a row's event in its day's events; None on information lines.
EVENT_ROLE = Qt.ItemDataRole.UserRole + 3


VISIT_MIME = "application/x-lrplanner-visit"  # "site id\nISO day"
_DRAG_DROP = Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled


class AgendaModel(QStandardItemModel):
    """The days and events of a core Itinerary; a visit dropped on a day moves.

    Visits can be dragged, days take drops; a drop only asks for the move
    (``visit_dropped(site id, day)``): the rows change when the plan does.
    """

    visit_dropped = Signal(str, object)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index) & ~_DRAG_DROP
        if not index.isValid():
            return flags
        if index.data(SITE_ROLE):
            return flags | Qt.ItemFlag.ItemIsDragEnabled
        if not index.parent().isValid():
            return flags | Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [VISIT_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        visit = next((i for i in indexes if i.data(SITE_ROLE)), None)
        if visit is not None:
            text = f"{visit.data(SITE_ROLE)}\n{visit.data(DAY_ROLE)}"
            data.setData(VISIT_MIME, text.encode())
        return data

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def supportedDropActions(self) -> Qt.DropAction:
        # Copy, never Move: the view must not remove the dragged row itself.
        return Qt.DropAction.CopyAction

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        return self._move(data, parent) is not None

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        move = self._move(data, parent)
        if move is None:
            return False
        emit(self.visit_dropped, *move)
        return True

    def _move(self, data: QMimeData, parent: Index) -> tuple[str, date] | None:
        """Return (site, target day) of a visit dropped on another day, else None."""
        if not data.hasFormat(VISIT_MIME) or not parent.isValid():
            return None
        site, _sep, source = (
            bytes(data.data(VISIT_MIME).data()).decode().partition("\n")
        )
        target: Any = parent.data(DAY_ROLE)
        if not site or not target or target == source:
            return None
        return site, date.fromisoformat(target)


def agenda_model(project: Project | None) -> AgendaModel:
    """Return a two-level model: one row per day, its agenda rows as children."""
    model = AgendaModel()
    model.setHorizontalHeaderLabels(list(HEADERS))
    if project is None or project.plan is None:
        return model
    for number, day in enumerate(project.plan.days):
        row = _day_row(project, day)
        before = day_before(project.plan, number)
        for child in _day_children(project, day, before):
            row[0].appendRow(child)
        model.appendRow(row)
    return model


def _day_children(
    project: Project, day: DayPlan, before: DayPlan | None
) -> list[list[QStandardItem]]:
    """Return a day's rows as the printed agenda has them (``day_rows``):
    breakfast, the events with the lines around them, dinner, the night.

    A line's further lines (a visit's learning focus and interpretation)
    follow it as information rows of their own.
    """
    children = []
    for row in day_rows(project, day, before=before):
        if row.event is None:
            children.append(_info_row(day, row))
        else:
            children.append(_event_row(project, day, row))
        children += [_more_row(day, line) for line in row.activity.split("\n")[1:]]
    return children


def _day_row(project: Project, day: DayPlan) -> list[QStandardItem]:
    visits = len(day.visits())
    if day.overnight is not None:
        place = project.place_by_id.get(day.overnight)
        name = place.name if place else day.overnight
        sleep = f"night on board to {name}" if day.on_board else f"overnight: {name}"
    else:
        sleep = "route ends"
    if day.rest:
        summary = "rest day"
    elif visits == 0:
        summary = "travel day" if day.travel_minutes() else "no visits"
    else:
        summary = f"{visits} visit{'s' * (visits != 1)}"
    holiday = holiday_note(project, day)
    if holiday:
        summary = f"{summary} · {holiday}"
    items = _items(day_title(day), "", f"{summary} · {sleep}", "", "")
    font = QFont()
    font.setBold(True)
    for item in items:
        item.setFont(font)
        item.setData(day.day.isoformat(), DAY_ROLE)
    return items


def _event_row(project: Project, day: DayPlan, row: AgendaRow) -> list[QStandardItem]:
    """Return the row of a plan's event: its site can be dragged and locked."""
    event = row.event
    assert event is not None
    items = _items(
        time_line(row),
        _kind_text(project, event),
        event.title,
        _place_text(project, event),
        ", ".join(_champion_names(project, event)),
    )
    start = event.start.astimezone(ZoneInfo(event.tz))
    items[0].setToolTip(plain.tooltip(f"{event.tz} (UTC{start:%z})"))
    if spoken := visit_interpretation(project, event):
        for item in items[2:]:
            item.setToolTip(plain.tooltip(spoken))
    for item in items:
        item.setData(day.day.isoformat(), DAY_ROLE)
        item.setData(event.site, SITE_ROLE)
        item.setData(day.events.index(event), EVENT_ROLE)
    return items


def _info_row(day: DayPlan, row: AgendaRow) -> list[QStandardItem]:
    """Return an information line (a meal, check-in, arrival, the night):
    not an event of the plan, so nothing to drag or lock."""
    title = row.activity.split("\n")[0]
    items = _items(time_line(row), _info_kind(row), title, row.place, "")
    details = [title, *(t for t in (row.place, row.address, row.travel) if t)]
    for item in items:
        item.setToolTip(plain.tooltip("\n".join(details)))
    return _informative(day, items)


def _more_row(day: DayPlan, line: str) -> list[QStandardItem]:
    """Return a further line of the row above (a visit's interpretation)."""
    items = _items("", "", line, "", "")
    items[2].setToolTip(plain.tooltip(line))  # the whole line, if cut short
    return _informative(day, items)


def _informative(day: DayPlan, items: list[QStandardItem]) -> list[QStandardItem]:
    font = QFont()
    font.setItalic(True)
    for item in items:
        item.setFont(font)
        item.setData(day.day.isoformat(), DAY_ROLE)
    return items


def _info_kind(row: AgendaRow) -> str:
    """Return the "What" of an information line: its first word (breakfast,
    lunch, dinner, check-in, arrival), ``night`` for where the group sleeps."""
    if row.kind == OVERNIGHT:
        return "night" if row.place else ""
    return row.activity.split(maxsplit=1)[0].rstrip(":").lower()


def _kind_text(project: Project, event: Event) -> str:
    if event.kind is EventKind.TRAVEL:
        mode = event.mode.value if event.mode else "travel"
        if service := service_of(project, event):
            mode = f"{mode} {service}"
        if event.estimated:
            return f"{mode} (estimated)"
        return f"{mode} (scheduled)" if is_scheduled(project, event) else mode
    if event.kind is not EventKind.VISIT or event.site is None:
        return event.session.value if event.session else event.kind.value
    marks = []
    if any(lock.site == event.site for lock in project.locks):
        marks.append("locked")
    if event.site in project.required_ids:
        marks.append("required")
    return f"visit ({', '.join(marks)})" if marks else "visit"


def _place_text(project: Project, event: Event) -> str:
    place_id = event.destination if event.kind is EventKind.TRAVEL else event.place
    if place_id is not None and place_id.startswith(SITE_PREFIX):
        site = project.site_by_id.get(SiteId(place_id.removeprefix(SITE_PREFIX)))
        if site is None:
            return place_id
        town = project.place_by_id.get(site.place) if site.place else None
        return town.name if town else (site.address or site.country)
    place = project.place_by_id.get(place_id) if place_id else None
    return place.name if place is not None else (place_id or "")


def _champion_names(project: Project, event: Event) -> list[str]:
    names = []
    for champion_id in event.champions:
        champion = project.champion_by_id.get(champion_id)
        names.append(champion.name if champion else champion_id)
    return names


def _items(*texts: str) -> list[QStandardItem]:
    items = []
    for text in texts:
        item = QStandardItem(text)
        item.setEditable(False)
        items.append(item)
    return items
