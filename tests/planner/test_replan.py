"""Tests for re-planning after one change."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from lrplanner.core.errors import InfeasibleRequest
from lrplanner.core.plan import ReasonKind
from lrplanner.core.validate import validate
from lrplanner.network.graph import TravelNetwork
from lrplanner.planner.replan import Change, ChangeKind, replan
from lrplanner.planner.report import travel_check

if TYPE_CHECKING:
    from datetime import date

    from lrplanner.core.ids import SiteId
    from lrplanner.core.project import Project
    from lrplanner.planner.plan import PlanOutcome

SECONDS = 4.0  # shared by the attempts, model builds included


@pytest.fixture(scope="module")
def current(planned: tuple[Project, PlanOutcome]) -> Project:
    """The sample project carrying its current plan."""
    project, outcome = planned
    return project.with_changes(plan=outcome.itinerary)


def _visits(project: Project) -> set[tuple[SiteId, date]]:
    assert project.plan is not None
    return {
        (e.site, d.day)
        for d in project.plan.days
        for e in d.visits()
        if e.site is not None
    }


def _optional_visit(project: Project) -> SiteId:
    return next(
        s for s, _ in sorted(_visits(project)) if not project.site_by_id[s].required
    )


def _valid(project: Project) -> bool:
    assert project.plan is not None
    check = travel_check(TravelNetwork.from_project(project))
    return validate(project, project.plan, check) == []


def test_host_cancels_keeps_the_other_visits(current: Project) -> None:
    """Tests that a cancelled optional host is dropped and the rest stays put."""
    site = _optional_visit(current)
    done = replan(
        current, Change(kind=ChangeKind.HOST_CANCELS, site=site), seconds=SECONDS
    )
    assert site not in {s for s, _ in _visits(done.project)}
    left = {r.site: r for r in done.outcome.itinerary.left_out}
    assert left[site].kind is ReasonKind.EXCLUDED
    others = {v for v in _visits(current) if v[0] != site}
    assert others <= _visits(done.project)
    assert done.moved == 1
    assert _valid(done.project)


def test_require_site_adds_it(current: Project) -> None:
    """Tests that requiring an unvisited reachable site puts it in the plan."""
    assert current.plan is not None
    candidates = [
        r.site
        for r in current.plan.left_out
        if r.kind in (ReasonKind.LOWER_VALUE, ReasonKind.BUDGET)
    ]
    for site in candidates:
        try:
            done = replan(
                current, Change(kind=ChangeKind.REQUIRE, site=site), seconds=SECONDS
            )
        except InfeasibleRequest:
            continue  # this one cannot fit with the required sites; try another
        assert site in {s for s, _ in _visits(done.project)}
        assert done.project.site_by_id[site].required
        assert _valid(done.project)
        return
    pytest.fail("no left-out site could be required")


def test_exclude_site_removes_it(current: Project) -> None:
    """Tests that excluding a visited optional site removes only that visit."""
    site = _optional_visit(current)
    done = replan(current, Change(kind=ChangeKind.EXCLUDE, site=site), seconds=SECONDS)
    assert site in done.project.excluded_sites
    assert site not in {s for s, _ in _visits(done.project)}
    assert done.kept == len(_visits(current)) - 1


def test_day_lost_has_no_visits(current: Project) -> None:
    """Tests that a lost day gets no visits (its visits may move) and stays valid.

    Days are tried from the last quiet visiting day back; a day whose loss
    leaves no plan (the group cannot reach the end in time) must say so
    with InfeasibleRequest, and another day is tried.
    """
    assert current.plan is not None
    visiting = [d for d in current.plan.days if d.visits()]
    quiet = [
        d
        for d in visiting
        if not any(current.site_by_id[e.site].required for e in d.visits() if e.site)
    ]
    for candidate in reversed(quiet or visiting):
        day = candidate.day
        try:
            done = replan(
                current, Change(kind=ChangeKind.DAY_LOST, day=day), seconds=SECONDS
            )
        except InfeasibleRequest:
            continue
        assert done.project.plan is not None
        lost = next(d for d in done.project.plan.days if d.day == day)
        assert lost.visits() == ()
        assert day in done.project.route.rest_days
        assert _valid(done.project)
        return
    pytest.fail("no visiting day could be lost")
