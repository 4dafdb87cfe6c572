"""Planning-state edits: locks, exclusions, required sites."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from lrplanner.core.project import Project, VisitLock

if TYPE_CHECKING:
    from datetime import date

    from lrplanner.core.ids import SiteId


def lock_visit(project: Project, site: SiteId, day: date) -> Project:
    """Return the project with ``site`` locked to ``day`` (replacing its old lock)."""
    others = tuple(lock for lock in project.locks if lock.site != site)
    excluded = tuple(s for s in project.excluded_sites if s != site)
    lock = VisitLock(site=site, day=day)
    return project.with_changes(locks=(*others, lock), excluded_sites=excluded)


def unlock_visit(project: Project, site: SiteId) -> Project:
    """Return the project without any lock on ``site``."""
    if all(lock.site != site for lock in project.locks):
        return project
    return project.with_changes(
        locks=tuple(lock for lock in project.locks if lock.site != site)
    )


def lock_all_visits(project: Project) -> Project:
    """Return the project with every visit of its plan locked to its day
    (the user's own locks stay as they are)."""
    if project.plan is None:
        return project
    locked = {lock.site for lock in project.locks}
    added = tuple(
        VisitLock(site=event.site, day=day.day)
        for day in project.plan.days
        for event in day.visits()
        if event.site is not None
        and not event.continued  # a two-day visit is locked to its first day
        and event.site not in locked
    )
    if not added:
        return project
    return project.with_changes(locks=(*project.locks, *added))


def unlock_all(project: Project) -> Project:
    """Return the project with no visit locked."""
    return project.with_changes(locks=()) if project.locks else project


def exclude_site(project: Project, site: SiteId) -> Project:
    """Return the project with ``site`` ruled out (its lock and required flag go)."""
    project = set_required(unlock_visit(project, site), site, required=False)
    if site in project.excluded_sites:
        return project
    return project.with_changes(excluded_sites=(*project.excluded_sites, site))


def include_site(project: Project, site: SiteId) -> Project:
    """Return the project with ``site`` no longer excluded."""
    if site not in project.excluded_sites:
        return project
    return project.with_changes(
        excluded_sites=tuple(s for s in project.excluded_sites if s != site)
    )


def set_required(project: Project, site: SiteId, *, required: bool) -> Project:
    """Return the project with the site's required flag set (and not excluded).

    Not required also takes the site off the Route's Required sites.

    Raises
    ------
    KeyError
        If the project has no such site.
    """
    old = project.site_by_id[site]
    if not required:
        project = not_route_required(project, site)
    if old.required == required:
        return project
    sites = tuple(
        replace(s, required=required) if s.id == site else s for s in project.sites
    )
    project = project.with_changes(sites=sites)
    return include_site(project, site) if required else project


def route_required(project: Project, site: SiteId) -> Project:
    """Return the project with ``site`` on the Route's Required sites (and
    not excluded): required on this route only, where the Sites sheet's
    flag would bind every route of a programme.

    Raises
    ------
    KeyError
        If the project has no such site.
    """
    if site not in project.site_by_id:
        raise KeyError(site)
    project = include_site(project, site)
    if site in project.required_ids:
        return project
    own = (*project.route.required_sites, site)
    return project.with_changes(route=replace(project.route, required_sites=own))


def not_route_required(project: Project, site: SiteId) -> Project:
    """Return the project with ``site`` off the Route's Required sites."""
    own = project.route.required_sites
    if site not in own:
        return project
    kept = tuple(s for s in own if s != site)
    return project.with_changes(route=replace(project.route, required_sites=kept))
