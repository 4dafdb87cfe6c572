"""The app's agenda shows a day as the printed agenda does (agenda_rows.day_rows):
breakfast, lunch, dinner, the hotel for the night and a visit's interpretation."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt

from lrplanner.core.interpretation import visit_interpretation
from lrplanner.exporters.agenda_rows import day_before, day_rows
from lrplanner.exporters.agenda_text import time_line
from lrplanner.gui.models.agenda import EVENT_ROLE, SITE_ROLE, agenda_model
from lrplanner.gui.widgets.agenda_view import AgendaView

if TYPE_CHECKING:
    from PySide6.QtCore import QAbstractItemModel, QModelIndex
    from pytestqt.qtbot import QtBot

    from lrplanner.core.plan import DayPlan
    from lrplanner.core.project import Project
    from lrplanner.exporters.agenda_rows import AgendaRow

HOTEL = ("Hotel Mekong Riverside", "12 Riverside Road", "+855 12 000 111")


@pytest.fixture(scope="module")
def hotel_day(planned: Project) -> tuple[Project, int]:
    """Return the Mekong plan with a hotel entered for the night of its
    first day that has a lunch and sleeps in a town, and that day's number."""
    assert planned.plan is not None
    number, day = next(
        (n, d)
        for n, d in enumerate(planned.plan.days)
        if d.overnight is not None
        and not d.on_board
        and any(e.title.startswith("Lunch") for e in d.events)
    )
    name, address, phone = HOTEL
    places = tuple(
        replace(p, lodging_name=name, lodging_address=address, lodging_phone=phone)
        if p.id == day.overnight
        else p
        for p in planned.places
    )
    return planned.with_changes(places=places), number


def _printed(project: Project, number: int) -> tuple[DayPlan, list[AgendaRow]]:
    assert project.plan is not None
    day = project.plan.days[number]
    return day, day_rows(project, day, before=day_before(project.plan, number))


def _children(model: QAbstractItemModel, number: int) -> list[QModelIndex]:
    parent = model.index(number, 0)
    return [model.index(i, 0, parent) for i in range(model.rowCount(parent))]


def _texts(index: QModelIndex) -> tuple[str, ...]:
    return tuple(index.siblingAtColumn(c).data() for c in range(5))


def _expected(rows: list[AgendaRow]) -> list[tuple[str, str]]:
    """Return (time, title) of the view's rows for ``rows``: an event's own
    title on its row, every further line of an activity on a row below."""
    shown = []
    for row in rows:
        first, *more = row.activity.split("\n")
        shown.append((time_line(row), row.event.title if row.event else first))
        shown += [("", line) for line in more]
    return shown


def test_a_day_shows_the_printed_rows(
    qtbot: QtBot, hotel_day: tuple[Project, int]
) -> None:
    """Tests that a Mekong day's rows are the printed agenda's, in its order:
    breakfast first, the lunch, dinner, then the hotel for the night with its
    address and phone, each information line with the printed time and place."""
    project, number = hotel_day
    day, rows = _printed(project, number)
    model = agenda_model(project)
    children = _children(model, number)
    assert [(_texts(i)[0], _texts(i)[2]) for i in children] == _expected(rows)
    info = [r for r in rows if r.event is None]
    lines = [  # the information lines (a line under a visit has no kind)
        _texts(i) for i in children if i.data(EVENT_ROLE) is None and _texts(i)[1]
    ]
    assert [(t[0], t[2], t[3]) for t in lines] == [
        (time_line(r), r.activity, r.place) for r in info
    ]
    kinds = [t[1] for t in lines]
    assert kinds[0] == "breakfast"
    assert lines[0][2] == rows[0].activity == "Breakfast at the hotel"
    assert kinds[-2:] == ["dinner", "night"]
    town = project.place_by_id[day.overnight].name  # type: ignore[index]
    assert lines[-2][2] == f"Dinner in {town}"
    assert lines[-1][2:4] == (f"Overnight: {HOTEL[0]}", town)
    tip = children[-1].data(Qt.ItemDataRole.ToolTipRole)
    assert HOTEL[1] in tip
    assert HOTEL[2] in tip
    lunch = next(r for r in rows if r.activity.startswith("Lunch"))
    assert lunch.activity in [_texts(i)[2] for i in children]


def test_information_lines_cannot_be_dragged_or_locked(
    qtbot: QtBot, hotel_day: tuple[Project, int]
) -> None:
    """Tests that meals and the night are neither draggable nor lockable
    (their menu only copies the day), while a visit's row still is."""
    project, number = hotel_day
    view = AgendaView()
    qtbot.addWidget(view)
    view.show_project(project)
    model = view.model()
    children = _children(model, number)
    info = [i for i in children if i.data(EVENT_ROLE) is None]
    assert len(info) >= 3
    for index in info:
        assert not index.data(SITE_ROLE)
        assert not model.flags(index) & Qt.ItemFlag.ItemIsDragEnabled
        menu = view.context_menu(index)
        assert menu is not None
        assert [a.text() for a in menu.actions() if a.text()] == ["Copy day as text"]
        menu.deleteLater()
    visit = next(i for i in children if i.data(SITE_ROLE))
    assert model.flags(visit) & Qt.ItemFlag.ItemIsDragEnabled


def test_a_visit_is_followed_by_its_interpretation_line(
    qtbot: QtBot, planned: Project
) -> None:
    """Tests that the line under a visit needing interpretation says it."""
    assert planned.plan is not None
    model = agenda_model(planned)
    found = 0
    for number, day in enumerate(planned.plan.days):
        parent = model.index(number, 0)
        for event in day.visits():
            spoken = visit_interpretation(planned, event)
            if not spoken:
                continue
            row = next(
                i
                for i in range(model.rowCount(parent))
                if model.index(i, 0, parent).data(EVENT_ROLE) == day.events.index(event)
            )
            below = [model.index(row + k, 2, parent).data() for k in (1, 2)]
            assert spoken in below
            found += 1
    assert found
