"""The app's agenda shows a flight as check-in, departure and arrival rows."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from lrplanner.core.interpretation import visit_interpretation
from lrplanner.core.places import TravelMode
from lrplanner.gui.models.agenda import EVENT_ROLE, agenda_model
from tests.exporters.fixtures import make_plan

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from lrplanner.core.project import Project


def _with_service(project: Project) -> Project:
    links = tuple(
        replace(link, service="BG 372")
        if (link.origin, link.destination, link.mode)
        == ("KTM", "DAC", TravelMode.FLIGHT)
        else link
        for link in project.links
    )
    return project.with_changes(links=links)


def test_a_flight_has_its_check_in_and_arrival_rows(qtbot: QtBot) -> None:
    """Tests the 15:10 Kathmandu-Dhaka flight: check-in 13:10 (120 min,
    international), the flight row with its number and "scheduled", then
    arrival until 45 minutes after landing."""
    plan = make_plan()
    project = _with_service(plan.project).with_changes(plan=plan.itinerary)
    model = agenda_model(project)
    day = model.item(2, 0)
    rows = [
        tuple(day.child(r, c).text() for c in range(4)) for r in range(day.rowCount())
    ]
    index = next(i for i, r in enumerate(rows) if r[1] == "flight BG 372 (scheduled)")
    check_in, flight, arrival = rows[index - 1 : index + 2]
    assert check_in[:3] == ("13:10", "check-in", "Check-in for flight BG 372")
    assert flight[0].startswith("15:10")
    assert arrival[:3] == (
        "18:50\u201319:35",
        "arrival",
        "Arrival: immigration and baggage",
    )
    events = plan.itinerary.days[2].events
    flights = [e for e in events if e.mode is TravelMode.FLIGHT]
    shown = [day.child(r, 0).data(EVENT_ROLE) for r in range(day.rowCount())]
    assert [i for i in shown if i is not None] == list(range(len(events)))
    kinds = [row[1] for row in rows]
    assert kinds.count("check-in") == kinds.count("arrival") == len(flights)


def test_a_visit_row_tells_its_interpretation(qtbot: QtBot) -> None:
    """Tests that a visit needing interpretation carries it as the tooltip of
    its title, place and champions, as the printed agenda prints it."""
    plan = make_plan()
    project = plan.project.with_changes(plan=plan.itinerary)
    model = agenda_model(project)
    needs = []
    for number, day in enumerate(plan.itinerary.days):
        parent = model.item(number, 0)
        for event in day.visits():
            spoken = visit_interpretation(project, event)
            row = next(
                r
                for r in range(parent.rowCount())
                if parent.child(r, 2).text() == event.title
            )
            tip = parent.child(row, 2).toolTip()
            assert (spoken in tip) if spoken else tip == ""
            needs.append(spoken)
    assert any(needs)
