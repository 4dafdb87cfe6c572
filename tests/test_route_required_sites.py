"""Tests of the Route sheet's Required sites: sites one route of a programme
must visit, where the Sites sheet's Required column binds every route."""

from __future__ import annotations

import dataclasses
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from lrplanner.core.ids import PlaceId, SiteId
from lrplanner.core.programme import Programme
from lrplanner.core.scenario import Scenario
from lrplanner.core.validate import validate
from lrplanner.importers import read_inputs
from lrplanner.planner.plan import plan_route
from lrplanner.planner.replan import Change, ChangeKind, apply_change
from lrplanner.scenarios import apply
from lrplanner.services_edit import exclude_site, route_required, set_required
from lrplanner.storage import load_programme, save_programme

if TYPE_CHECKING:
    from lrplanner.core.plan import Itinerary

MEKONG = Path(__file__).resolve().parents[1] / "sample_data" / "mekong.xlsx"
#: The sites the single-route Mekong sample marks required on Sites.
REQUIRED = (SiteId("KH01"), SiteId("LA01"), SiteId("VN01"))


@cache
def _programme() -> Programme:
    """Return a programme of the Mekong route, which requires the sample's
    three sites on its Route sheet (none is required on Sites), and a short
    Mekong-delta route from Ho Chi Minh City that requires none."""
    project = read_inputs(MEKONG).project
    assert project is not None
    sites = tuple(dataclasses.replace(s, required=False) for s in project.sites)
    route = dataclasses.replace(project.route, required_sites=REQUIRED)
    first = project.with_changes(sites=sites, route=route)
    delta = dataclasses.replace(
        route,
        name="Mekong delta, March 2027",
        start_date=date(2027, 3, 15),
        end_date=date(2027, 3, 17),
        start_place=PlaceId("VN-HCM"),
        end_place=PlaceId("VN-CTH"),
        rest_days=(),
        required_sites=(),
    )
    second = first.with_changes(route=delta, budget=())
    return Programme.of(first).with_route(second)


def _visited(plan: Itinerary) -> set[str]:
    return {e.site for day in plan.days for e in day.visits() if e.site is not None}


def test_the_route_requires_its_sites_and_the_other_route_does_not() -> None:
    """Tests that the planner visits a route's Required sites, and that
    another route of the programme, which could not reach them, plans
    without them (a Required flag on Sites would have bound it too)."""
    programme = _programme()
    first, second = programme.project(0), programme.project(1)
    assert first.required_ids == frozenset(REQUIRED)
    assert second.required_ids == frozenset()
    planned = plan_route(first, seconds=3)
    assert set(REQUIRED) <= _visited(planned.itinerary)
    assert planned.report.violations == ()
    other = plan_route(second, seconds=2)
    assert other.itinerary.days
    assert not set(REQUIRED) & _visited(other.itinerary)
    assert [v for v in validate(second, other.itinerary) if v.rule == "required"] == []


def test_the_validator_flags_a_plan_missing_a_route_required_site() -> None:
    """Tests that the independent check reports a Required site of the
    Route that the plan does not visit, naming it."""
    programme = _programme()
    delta = programme.project(1)
    plan = plan_route(delta, seconds=2).itinerary
    missing = next(s for s in delta.sites if s.id not in _visited(plan))
    route = dataclasses.replace(delta.route, required_sites=(missing.id,))
    found = validate(delta.with_changes(route=route), plan)
    messages = [v.message for v in found if v.rule == "required"]
    assert messages == [
        f"site {missing.name!r}, required on the Route sheet, is not visited"
    ]


def test_a_project_refuses_an_unknown_or_excluded_required_site() -> None:
    """Tests that the Project checks its Route's Required sites."""
    project = _programme().project(0)
    unknown = dataclasses.replace(project.route, required_sites=(SiteId("XX9"),))
    with pytest.raises(ValueError, match="XX9 is not on the Sites sheet"):
        project.with_changes(route=unknown)
    with pytest.raises(ValueError, match="KH01 is excluded"):
        project.with_changes(excluded_sites=(SiteId("KH01"),))


def test_excluding_or_no_longer_requiring_takes_it_off_the_route() -> None:
    """Tests that the app's Exclude and No longer require edits, and a
    scenario leaving a site out, drop it from the Route's Required sites."""
    project = _programme().project(0)
    excluded = exclude_site(project, SiteId("KH01"))
    assert excluded.route.required_sites == REQUIRED[1:]
    assert excluded.excluded_sites == ("KH01",)
    freed = set_required(project, SiteId("LA01"), required=False)
    assert freed.route.required_sites == (REQUIRED[0], REQUIRED[2])
    no_lao = apply(project, Scenario(name="No Laos", countries=("LA",)))
    assert no_lao.route.required_sites == (REQUIRED[0], REQUIRED[2])
    assert "LA01" in no_lao.excluded_sites


def test_require_on_one_route_leaves_the_shared_flag_alone() -> None:
    """Tests route_required (the app's Require in a programme): the site goes
    on the route's own list, included again, and no other route must visit
    it; a site already required is left as it is."""
    programme = _programme()
    delta = programme.project(1)
    site = SiteId("VN05")
    required = route_required(exclude_site(delta, site), site)
    assert required.route.required_sites == (*delta.route.required_sites, site)
    assert site not in required.excluded_sites
    assert not required.site_by_id[site].required
    again = programme.with_project(1, required)
    assert site not in again.project(0).required_ids
    assert route_required(required, site) == required
    with pytest.raises(KeyError):
        route_required(delta, SiteId("XX99"))


def test_the_programme_file_keeps_the_required_sites(tmp_path: Path) -> None:
    """Tests that a programme file saves and loads each route's own list."""
    programme = _programme()
    path = tmp_path / "p.lrp"
    save_programme(programme, path)
    again = load_programme(path)
    assert again == programme
    assert again.routes[0].route.required_sites == REQUIRED


def test_a_cancelled_host_is_no_longer_required_on_the_route() -> None:
    """Tests that re-planning for a host that cancels drops it from the
    Route's Required sites (an excluded site cannot be required)."""
    project = _programme().project(0)
    change = Change(kind=ChangeKind.HOST_CANCELS, site=SiteId("VN01"))
    changed = apply_change(project, change)
    assert changed.route.required_sites == REQUIRED[:2]
    assert "VN01" in changed.excluded_sites
