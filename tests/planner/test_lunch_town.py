"""A lunch between two visits is in the town, not "in" a host that does not
serve lunch (issue 18, item 1)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from lrplanner import services
from lrplanner.core.ids import SiteId
from lrplanner.core.locations import SITE_PREFIX
from lrplanner.core.plan import EventKind
from lrplanner.exporters.agenda_rows import day_rows
from lrplanner.network.estimate import great_circle_km
from lrplanner.planner.decode import LUNCH_TOWN_KM

if TYPE_CHECKING:
    from lrplanner.planner.plan import PlanOutcome

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "mekong.xlsx"


@pytest.fixture(scope="module")
def planned() -> PlanOutcome:
    """Return a plan of the Mekong sample."""
    project = services.load_inputs(SAMPLE).project
    assert project is not None
    return services.plan_project(project, seconds=3, seed=0)


def test_a_lunch_at_a_hosts_location_names_its_town(
    planned: PlanOutcome,
) -> None:
    """Tests that every meal eaten at a site's location is titled with the
    site's town, never with the name of a site that does not serve lunch."""
    project = planned.project
    meals = [
        e
        for d in planned.itinerary.days
        for e in d.events
        if e.kind is EventKind.MEAL and e.place and e.place.startswith(SITE_PREFIX)
    ]
    assert meals, "the sample has lunches next to a host"
    for meal in meals:
        site = project.site_by_id[SiteId(str(meal.place).removeprefix(SITE_PREFIX))]
        assert not site.serves_lunch
        assert site.name not in meal.title
        assert site.place is not None
        town = project.place_by_id[site.place]
        assert site.lat is not None
        assert site.lon is not None
        km = great_circle_km(site.lat, site.lon, town.lat, town.lon)
        if km > LUNCH_TOWN_KM:  # a rural host: "in" its district town is false
            assert meal.title == f"Lunch near {site.address}"
        else:
            assert meal.title == f"Lunch in {town.name}"


def test_the_agenda_places_a_lunch_where_its_title_says(
    planned: PlanOutcome,
) -> None:
    """Tests the agenda's Place column of a lunch next to a host: the town
    of *Lunch in Kampot* (it showed the host's name, which reads as if the
    group ate at a host that serves no lunch), the host near *Lunch near*."""
    project = planned.project
    shown = [
        (row.activity, row.place)
        for d in planned.itinerary.days
        for row in day_rows(project, d)
        if row.event is not None
        and row.event.kind is EventKind.MEAL
        and str(row.event.place).startswith(SITE_PREFIX)
    ]
    assert shown, "the sample has lunches next to a host"
    for activity, place in shown:
        if activity.startswith("Lunch in "):
            assert place == activity.removeprefix("Lunch in ")
        else:
            assert place in {s.name for s in project.sites}


def test_a_lunch_far_from_the_hosts_town_is_near_its_address() -> None:
    """Tests the South Asia plan's lunch after the Dacope floating gardens
    (70 km from Khulna, its Place): "near Dacope upazila, Khulna", not "in
    Khulna", which would send the group an hour's drive away."""
    path = SAMPLE.with_name("south_asia.xlsx")
    project = services.load_inputs(path).project
    assert project is not None
    planned = services.plan_project(project, seconds=3, seed=0)
    titles = [
        e.title
        for d in planned.itinerary.days
        for e in d.events
        if e.kind is EventKind.MEAL and e.place and e.place.startswith(SITE_PREFIX)
    ]
    near = [t for t in titles if t.startswith("Lunch near ")]
    assert near, titles
    for title in near:
        address = title.removeprefix("Lunch near ")
        assert any(s.address == address for s in project.sites)
