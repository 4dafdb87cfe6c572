"""Edits of the planning state and plan figures, shared by GUI and tests (no Qt).

Each edit returns a new :class:`~lrplanner.core.project.Project` (projects are
immutable), so the caller records it as one undo step. Re-planning needs no
function of its own: :func:`lrplanner.services.plan_project` honours the
project's locks, exclusions and required sites.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from lrplanner.core.costmodel import compute_costs
from lrplanner.core.costs import CostBreakdown
from lrplanner.core.indicators import Indicators, indicators
from lrplanner.core.project import Project, VisitLock
from lrplanner.core.rules import PlanningRules
from lrplanner.importers import cells, multicells

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from datetime import date

    from lrplanner.core.ids import SiteId


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanFigures:
    """The cost breakdown and indicators of a project's current plan."""

    costs: CostBreakdown
    indicators: Indicators


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

    Raises
    ------
    KeyError
        If the project has no such site.
    """
    old = project.site_by_id[site]
    if old.required == required:
        return project
    sites = tuple(
        replace(s, required=required) if s.id == site else s for s in project.sites
    )
    project = project.with_changes(sites=sites)
    return include_site(project, site) if required else project


def plan_figures(project: Project) -> PlanFigures | None:
    """Return costs and indicators of the project's plan (None without a plan)."""
    if project.plan is None:
        return None
    breakdown = compute_costs(project, project.plan)
    values = indicators(project, project.plan, breakdown, PlanningRules().value)
    return PlanFigures(costs=breakdown, indicators=values)


def _optional_capacity(value: object) -> int | None:
    return None if cells.is_blank(value) else cells.bounded_int(1, 100_000)(value)


# Sites columns the desktop app lets the user edit, with the importer's parser
# for each (so a cell typed in the app means what it means in the workbook).
SITE_PARSERS: Mapping[str, Callable[[object], object]] = MappingProxyType(
    {
        "name": cells.parse_text,
        "host": cells.parse_text,
        "address": cells.parse_text,
        "themes": multicells.parse_list,
        "value": cells.bounded_int(0, 1000),
        "duration_min": cells.bounded_int(1, 720),
        "available": multicells.parse_date_ranges,
        "blackouts": multicells.parse_dates,
        "capacity": _optional_capacity,
        "fee_per_group": cells.parse_money,
        "fee_per_person": cells.parse_money,
        "required": cells.parse_bool,
        "open_on_holidays": cells.parse_bool,
    }
)


def edit_site(project: Project, site: SiteId, key: str, text: str) -> Project:
    """Return the project with one Sites cell changed, parsed as on import.

    Parameters
    ----------
    project
        The project to change.
    site
        The site's id.
    key
        The column key (see ``core.columns``), one of ``SITE_PARSERS``.
    text
        What the user typed.

    Raises
    ------
    ValueError
        If the text does not fit the column; the message says what is expected.
    KeyError
        If the site or the column is not editable here.
    """
    try:
        value = SITE_PARSERS[key](text)
    except cells.CellError as exc:
        raise ValueError(f"expected {exc.expected}") from exc
    old = project.site_by_id[site]
    change: dict[str, Any] = {key: value}
    new = replace(old, **change)  # Site validates: a ValueError says why
    sites = tuple(new if s.id == site else s for s in project.sites)
    return project.with_changes(sites=sites)
