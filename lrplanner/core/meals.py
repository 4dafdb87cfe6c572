"""Meal and diet counts: every meal of the plan, who serves it, for how many.

Lunch is the agenda's (one rule, :mod:`lrplanner.core.procedures`): at a
site that serves lunch the host provides it (``Event.with_lunch``), else it
is a meal in town or at the airport (a Meal event) or on board a flight,
boat or train. Breakfast and dinner are not on the agenda: they are implied
by the nights, breakfast after and dinner before each night ashore, at the
hotel (or at the host's place on a night there), and listed as such. A night
on board gives a dinner to arrange and a breakfast on arrival in the town the
leg reaches, or on board when it arrives after breakfast time
(:func:`breakfast_on_arrival`, the agenda's rule too).

Everyone eats every meal: the participants and the route's staff
(facilitators, interpreters; no dietary needs known). Dietary needs come
from the Participants "Dietary needs" column, split at ';', ',' or '/':
common spellings are folded into :data:`DIETS`; anything else (an allergy,
"no chilli") is kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from lrplanner.core.locations import location_name
from lrplanner.core.people import Participant
from lrplanner.core.places import PlaceKind
from lrplanner.core.plan import EventKind
from lrplanner.core.procedures import lunch_hour, lunch_on_board, on_board_span
from lrplanner.core.rooming import StayKind, staff, stays

if TYPE_CHECKING:
    from collections.abc import Iterable

    from lrplanner.core.plan import DayPlan, Event, Itinerary
    from lrplanner.core.project import Project
    from lrplanner.core.rooming import Stay

#: The dietary needs counted by name, in the order the sheets show them.
DIETS = ("vegetarian", "vegan", "halal", "no pork", "no beef", "gluten-free")
#: Breakfast as the agenda prints it (the plan does not time it): BREAKFAST_MIN
#: long, ending MEAL_GAP_MIN before the day's first activity (or its start).
BREAKFAST_MIN = 45
MEAL_GAP_MIN = 15
NO_NEED = frozenset({"", "none", "no", "nil", "n/a", "na", "-", "normal", "regular"})
_SPLIT = re.compile(r"[;,/\n]|\band\b")


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").replace("_", " ").split())


def diet_needs(text: str) -> tuple[str, ...]:
    """Return a dietary cell's needs: known ones by their name, others as written.

    ``"Halal; no pork"`` gives ``("halal", "no pork")``; ``"Peanut allergy"``
    gives ``("Peanut allergy",)``; ``"none"`` or blank gives ``()``.
    """
    if _fold(text) in NO_NEED:
        return ()
    needs: dict[str, None] = {}
    for item in _SPLIT.split(text):
        written = " ".join(item.split()).strip(" .")
        folded = _fold(written)
        if folded in NO_NEED:
            continue
        needs[_DIET_OF.get(folded, written)] = None
    return tuple(needs)


def _spellings() -> dict[str, str]:
    table = {
        "vegetarian": "vegetarian, veg, veggie, vege, lacto vegetarian, "
        "ovo lacto vegetarian, lacto ovo vegetarian, pure veg, no meat",
        "vegan": "vegan, plant based, no animal products",
        "halal": "halal, halaal, halal food, halal only, muslim",
        "no pork": "no pork, pork free, without pork, no pig",
        "no beef": "no beef, beef free, without beef",
        "gluten-free": "gluten free, no gluten, coeliac, celiac",
    }
    return {
        _fold(spelling): diet
        for diet, spellings in table.items()
        for spelling in spellings.split(", ")
    }


_DIET_OF = _spellings()


@dataclass(frozen=True, slots=True, kw_only=True)
class Meal:
    """One meal of the route: when, where, who serves it, for how many.

    ``start``/``end`` are local times for a meal on the agenda (lunch), None
    for a breakfast or dinner implied by a night; ``on_agenda`` says which.
    """

    day: date
    meal: str
    where: str
    served_by: str
    people: int
    start: datetime | None = None
    end: datetime | None = None
    on_agenda: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class DietCounts:
    """How many people state each need (a person may state several)."""

    counts: tuple[tuple[str, int], ...]
    people: tuple[tuple[Participant, tuple[str, ...]], ...]

    def count(self, need: str) -> int:
        """Return the number of people stating a need (0 if none)."""
        return dict(self.counts).get(need, 0)

    @property
    def with_needs(self) -> int:
        """Return the number of participants with at least one stated need."""
        return sum(1 for _, needs in self.people if needs)


def diet_counts(project: Project) -> DietCounts:
    """Return the roster's dietary needs: the named ones, then others as written."""
    people = tuple((p, diet_needs(p.dietary)) for p in project.participants)
    found = {need for _, needs in people for need in needs}
    order = [d for d in DIETS if d in found]
    order += sorted(found - set(DIETS), key=str.lower)
    counts = tuple(
        (need, sum(1 for _, needs in people if need in needs)) for need in order
    )
    return DietCounts(counts=counts, people=people)


def group_size(project: Project) -> int:
    """Return how many people eat each meal: participants and staff."""
    return len(project.participants) + len(staff(project))


def breakfast_time(project: Project, day: DayPlan) -> tuple[datetime, datetime] | None:
    """Return when the day's breakfast starts and ends (local to its first
    event): ``BREAKFAST_MIN`` long, ending ``MEAL_GAP_MIN`` before the day's
    first activity or the programme's start; None for a day without events."""
    if not day.events:
        return None
    first = day.events[0]
    zone = ZoneInfo(first.tz)
    start = datetime.combine(day.day, project.route.day_start, zone)
    end = min(start, first.start.astimezone(zone)) - timedelta(minutes=MEAL_GAP_MIN)
    return end - timedelta(minutes=BREAKFAST_MIN), end


def breakfast_on_arrival(project: Project, leg: Event, day: DayPlan) -> bool:
    """Return whether the night bus, train or boat ``leg`` arrives before the
    breakfast of the next ``day`` (the group eats in town), not after it (the
    group eats on board)."""
    span = breakfast_time(project, day)
    return span is None or leg.end <= span[0]


def meals(project: Project, itinerary: Itinerary) -> tuple[Meal, ...]:
    """Return every meal of the plan in order: per day breakfast, lunch, dinner."""
    size = group_size(project)
    nights = {
        stay.check_in.toordinal() + n: stay
        for stay in stays(project, itinerary)
        for n in range(stay.nights)
    }
    result: list[Meal] = []
    for index, day in enumerate(itinerary.days):
        before = nights.get(day.day.toordinal() - 1)
        leg = itinerary.days[index - 1].night_leg() if index else None
        if before is not None and before.kind is StayKind.ON_BOARD and leg:
            result.append(_board_breakfast(project, leg, day, size))
        elif before is not None:
            result.append(_night_meal(project, day.day, "Breakfast", before, size))
        result.extend(_lunches(project, day, size))
        tonight = nights.get(day.day.toordinal())
        if tonight is not None:
            result.append(_night_meal(project, day.day, "Dinner", tonight, size))
    return tuple(result)


def _night_meal(project: Project, day: date, meal: str, stay: Stay, size: int) -> Meal:
    where = location_name(project, stay.place)
    served = {
        StayKind.HOTEL: f"the hotel in {where}",
        StayKind.HOST: f"the host's place in {where} (homestay or guesthouse)",
        StayKind.ON_BOARD: "to arrange (night on board)",
    }[stay.kind]
    return Meal(
        day=day, meal=meal, where=where, served_by=served, people=size, on_agenda=False
    )


def _board_breakfast(project: Project, leg: Event, day: DayPlan, size: int) -> Meal:
    """Return the breakfast after a night on board ``leg``: in the town it
    reaches, or on board when it arrives after breakfast time."""
    if breakfast_on_arrival(project, leg, day):
        town = location_name(project, leg.destination) if leg.destination else ""
        where, served = town, f"a restaurant in {town} on arrival (to book)"
    else:
        where = f"on board ({leg.mode})"
        served = "the carrier (on board; check that it serves breakfast)"
    return Meal(
        day=day.day,
        meal="Breakfast",
        where=where,
        served_by=served,
        people=size,
        on_agenda=False,
    )


def _lunches(project: Project, day: DayPlan, size: int) -> Iterable[Meal]:
    on_board = lunch_on_board(project, day)
    for event in day.events:
        if event.with_lunch:
            yield _site_lunch(project, day, event, size)
        elif event.kind is EventKind.MEAL:
            yield _town_lunch(project, day, event, size)
        elif event is on_board:
            start, end = on_board_span(project, day, event)
            zone = ZoneInfo(event.tz)
            yield Meal(
                day=day.day,
                meal="Lunch",
                where=f"on board ({event.mode})",
                served_by="the carrier (on board)",
                people=size,
                start=start.astimezone(zone),
                end=end.astimezone(zone),
            )


def _site_lunch(project: Project, day: DayPlan, event: Event, size: int) -> Meal:
    site = project.site_by_id.get(event.site) if event.site else None
    start, end = lunch_hour(project, day.day)
    zone = ZoneInfo(event.tz)
    return Meal(
        day=day.day,
        meal="Lunch",
        where=site.name if site else str(event.site),
        served_by=f"{site.host or site.name} (host provides)" if site else "the host",
        people=size,
        start=start.astimezone(zone),
        end=end.astimezone(zone),
    )


def _town_lunch(project: Project, day: DayPlan, event: Event, size: int) -> Meal:
    where = location_name(project, event.place) if event.place else event.title
    place = project.place_by_id.get(event.place) if event.place else None
    airport = place is not None and place.kind is PlaceKind.AIRPORT
    served = f"a restaurant {'at' if airport else 'in'} {where} (to book)"
    zone = ZoneInfo(event.tz)
    return Meal(
        day=day.day,
        meal="Lunch",
        where=where,
        served_by=served,
        people=size,
        start=event.start.astimezone(zone),
        end=event.end.astimezone(zone),
    )
