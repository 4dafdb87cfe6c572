"""The agenda tree: days of the plan, each with its timed events in local time."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from lrplanner.core.ids import SiteId
from lrplanner.core.interpretation import visit_interpretation
from lrplanner.core.locations import location_name, location_zone
from lrplanner.core.places import TravelMode
from lrplanner.core.plan import EventKind
from lrplanner.core.procedures import (
    flight_times,
    is_scheduled,
    lunch_hour,
    lunch_on_board,
    on_board_span,
    service_of,
)
from lrplanner.gui import plain
from lrplanner.gui.signals import emit

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtCore import QModelIndex, QPersistentModelIndex

    from lrplanner.core.plan import DayPlan, Event
    from lrplanner.core.project import Project

    Index = QModelIndex | QPersistentModelIndex

SITE_PREFIX = "site:"  # location id of a site in events (network.nodes.SITE_PREFIX)
HEADERS = ("Time (local)", "What", "Title", "Place", "Champions")
SITE_ROLE = Qt.ItemDataRole.UserRole + 1
DAY_ROLE = (
    Qt.ItemDataRole.UserRole + 2
)  # ISO date text: Qt would turn a date into QDate


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
    """Return a two-level model: one row per day, its events as children."""
    model = AgendaModel()
    model.setHorizontalHeaderLabels(list(HEADERS))
    if project is None or project.plan is None:
        return model
    for day in project.plan.days:
        row = _day_row(project, day)
        for child in _day_children(project, day):
            row[0].appendRow(child)
        model.appendRow(row)
    return model


def _day_children(project: Project, day: DayPlan) -> list[list[QStandardItem]]:
    """Return a day's event rows in time order: a flight's check-in line
    goes before a lunch eaten after check-in, as in the printed agenda."""
    children: list[tuple[datetime, list[QStandardItem]]] = []
    for event in day.events:
        rows = _event_rows(project, day, event)
        if event.kind is EventKind.TRAVEL and event.mode is TravelMode.FLIGHT:
            due = flight_times(project, event).check_in
            check_in, *rows = rows
            spot = next(
                (i for i, (t, _) in enumerate(children) if t > due), len(children)
            )
            children.insert(spot, (due, check_in))
        children.extend((event.start, r) for r in rows)
    return [child for _, child in children]


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
    items = _items(day.day.strftime("%a %d %b %Y"), "", f"{summary} · {sleep}", "", "")
    font = QFont()
    font.setBold(True)
    for item in items:
        item.setFont(font)
        item.setData(day.day.isoformat(), DAY_ROLE)
    return items


def _event_rows(
    project: Project, day: DayPlan, event: Event
) -> list[list[QStandardItem]]:
    """Return an event's rows: a flight gets its check-in and arrival rows."""
    row = _event_row(project, day, event)
    if event.with_lunch:
        begin, end = lunch_hour(project, day.day)
        zone = ZoneInfo(event.tz)
        lunch = _items(
            f"{begin.astimezone(zone):%H:%M}\u2013{end.astimezone(zone):%H:%M}",
            "lunch at site",
            "Lunch at the site (host provides)",
            _place_text(project, event),
            "",
        )
        for item in lunch:
            item.setData(day.day.isoformat(), DAY_ROLE)
        return [row, lunch]
    if event.kind is not EventKind.TRAVEL or event.mode is not TravelMode.FLIGHT:
        return [row]
    assert event.origin is not None
    assert event.destination is not None
    around = flight_times(project, event)
    service = service_of(project, event)
    flight = f"flight {service}" if service else "flight"
    landed = event.end.astimezone(location_zone(project, event.destination))
    free = around.free.astimezone(landed.tzinfo)
    start = around.check_in.astimezone(ZoneInfo(event.tz))
    check_in = _items(
        f"{start:%H:%M}",
        "check-in",
        f"Check-in for {flight}",
        location_name(project, event.origin),
        "",
    )
    arrival = _items(
        f"{landed:%H:%M}\u2013{free:%H:%M}",
        "arrival",
        "Arrival: immigration and baggage",
        location_name(project, event.destination),
        "",
    )
    rows = [check_in, row, arrival]
    if lunch_on_board(project, day) is event:
        begin, end = on_board_span(project, day, event)
        zone = ZoneInfo(event.tz)
        rows.insert(
            2,
            _items(
                f"{begin.astimezone(zone):%H:%M}\u2013{end.astimezone(zone):%H:%M}",
                "on board",
                "Lunch on board (flight)",
                location_name(project, event.origin),
                "",
            ),
        )
    for added in rows:
        if added is not row:
            for item in added:
                item.setData(day.day.isoformat(), DAY_ROLE)
    return rows


def _event_row(project: Project, day: DayPlan, event: Event) -> list[QStandardItem]:
    zone = ZoneInfo(event.tz)
    start, end = event.start.astimezone(zone), event.end.astimezone(zone)
    times = f"{start:%H:%M}\u2013{end:%H:%M}"
    if end.date() != start.date():
        times += " next day"  # a night on board
    items = _items(
        times,
        _kind_text(project, event),
        event.title,
        _place_text(project, event),
        ", ".join(_champion_names(project, event)),
    )
    items[0].setToolTip(plain.tooltip(f"{event.tz} (UTC{start:%z})"))
    if spoken := visit_interpretation(project, event):
        for item in items[2:]:
            item.setToolTip(plain.tooltip(spoken))
    for item in items:
        item.setData(day.day.isoformat(), DAY_ROLE)
        item.setData(event.site, SITE_ROLE)
    return items


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
    site = project.site_by_id.get(event.site)
    if site is not None and site.required:
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
