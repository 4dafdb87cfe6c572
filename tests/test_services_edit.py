"""Tests for the planning-state edits (no Qt)."""

from __future__ import annotations

from datetime import date

from lrplanner.core.ids import SiteId
from lrplanner.planner.report import project_report
from lrplanner.services_edit import (
    exclude_site,
    include_site,
    lock_visit,
    set_required,
    unlock_visit,
)
from tests.helpers import small_project

TK1 = SiteId("KH-TK1")
DAY = date(2027, 3, 2)


def test_a_lock_replaces_the_old_lock_and_the_exclusion() -> None:
    """Tests that locking a site keeps one lock for it and un-excludes it."""
    project = exclude_site(small_project(), TK1)
    project = lock_visit(lock_visit(project, TK1, date(2027, 3, 1)), TK1, DAY)
    assert [(k.site, k.day) for k in project.locks] == [(TK1, DAY)]
    assert project.excluded_sites == ()
    assert unlock_visit(project, TK1).locks == ()


def test_exclude_drops_the_lock_and_the_required_flag() -> None:
    """Tests that an excluded site is neither locked nor required."""
    project = set_required(lock_visit(small_project(), TK1, DAY), TK1, required=True)
    excluded = exclude_site(project, TK1)
    assert excluded.excluded_sites == (TK1,)
    assert excluded.locks == ()
    assert not excluded.site_by_id[TK1].required
    assert exclude_site(excluded, TK1) is excluded
    assert include_site(excluded, TK1).excluded_sites == ()


def test_requiring_an_excluded_site_includes_it_again() -> None:
    """Tests that a required site is taken off the exclusions."""
    project = set_required(exclude_site(small_project(), TK1), TK1, required=True)
    assert project.site_by_id[TK1].required
    assert project.excluded_sites == ()


def test_a_project_without_a_plan_has_no_report() -> None:
    """Tests that project_report is None before the first plan."""
    assert project_report(small_project()) is None
