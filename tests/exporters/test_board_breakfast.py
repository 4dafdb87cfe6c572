"""Tests the breakfast after a night on board (the SE1 night train, Hà Nội to
Đồng Hới, 21:10 to 06:30): in town on arrival, or on board, never at a hotel."""

from __future__ import annotations

from dataclasses import replace
from datetime import time
from typing import TYPE_CHECKING

import pytest

from lrplanner.core.meals import breakfast_on_arrival, breakfast_time, meals
from lrplanner.exporters.agenda_rows import day_before, day_rows
from lrplanner.exporters.agenda_text import day_text
from tests.planner.test_night_legs import night_route, planned

if TYPE_CHECKING:
    from lrplanner.core.plan import Itinerary
    from lrplanner.core.project import Project


@pytest.fixture(scope="module")
def itinerary() -> Itinerary:
    """Return the planned route with Monday night on the train."""
    return planned(night_route())


def _early(project: Project) -> Project:
    """Return the project with the programme starting at 06:00 (breakfast
    05:00-05:45, before the train arrives at 06:30)."""
    return project.with_changes(route=replace(project.route, day_start=time(6, 0)))


def test_breakfast_on_arrival_in_town(itinerary: Itinerary) -> None:
    """Tests Tuesday's first row after the train: breakfast in Đồng Hới, after
    the 06:30 arrival, and no hotel named."""
    project = night_route()
    monday, tuesday = itinerary.days[:2]
    assert monday.on_board
    leg = monday.night_leg()
    assert leg is not None
    span = breakfast_time(project, tuesday)
    assert span is not None
    assert span[0] >= leg.end
    assert breakfast_on_arrival(project, leg, tuesday)
    first = day_rows(project, tuesday, before=day_before(itinerary, 1))[0]
    assert first.activity == "Breakfast on arrival in Đồng Hới"
    assert first.place == "Đồng Hới"
    assert first.time.startswith(f"{span[0]:%H:%M}")
    text = day_text(project, itinerary, tuesday.day)
    assert "Breakfast on arrival in Đồng Hới" in text
    assert "Breakfast at the hotel" not in text


def test_breakfast_on_board_when_the_train_is_late(itinerary: Itinerary) -> None:
    """Tests that a breakfast due before the arrival is eaten on board."""
    project = _early(night_route())
    monday, tuesday = itinerary.days[:2]
    leg = monday.night_leg()
    assert leg is not None
    assert not breakfast_on_arrival(project, leg, tuesday)
    first = day_rows(project, tuesday, before=monday)[0]
    assert first.activity == "Breakfast on board (train)"
    assert first.place == "Hà Nội → Đồng Hới"


def test_other_mornings_stay_at_the_hotel(itinerary: Itinerary) -> None:
    """Tests that the first morning and a morning after a night ashore are at
    the hotel, and that without the day before the row cannot know."""
    project = night_route()
    assert day_rows(project, itinerary.days[0])[0].activity == "Breakfast at the hotel"
    after_ashore = day_rows(project, itinerary.days[2], before=itinerary.days[1])
    assert after_ashore[0].activity == "Breakfast at the hotel"


@pytest.mark.parametrize(
    ("early", "where", "served"),
    [
        (False, "Đồng Hới", "a restaurant in Đồng Hới on arrival (to book)"),
        (
            True,
            "on board (train)",
            "the carrier (on board; check that it serves breakfast)",
        ),
    ],
)
def test_meals_sheet_says_the_same(
    itinerary: Itinerary, early: bool, where: str, served: str
) -> None:
    """Tests that meals.xlsx's Tuesday breakfast matches the agenda's place."""
    project = night_route()
    project = _early(project) if early else project
    tuesday = itinerary.days[1].day
    breakfast = next(
        m
        for m in meals(project, itinerary)
        if m.day == tuesday and m.meal == "Breakfast"
    )
    assert (breakfast.where, breakfast.served_by) == (where, served)
    other = [m for m in meals(project, itinerary) if m.meal == "Breakfast"]
    assert [m.served_by for m in other if m.day != tuesday] == [
        "the hotel in Đồng Hới"
    ] * (len(other) - 1)
