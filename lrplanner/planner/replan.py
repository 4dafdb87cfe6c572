"""Re-planning after one change, keeping as much of the current plan as the rules allow.

The visits of the current plan that the change does not touch are locked to
their days and the route is planned again, the search starting from the
current plan with the change applied (so a plan that only loses a visit is
always found); if that is impossible, the locks on the days next to the
change are released, then all of them (a fresh plan, still keeping the
user's own locks).
"""

from __future__ import annotations

import enum
import time
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from lrplanner.core.errors import InfeasibleRequest
from lrplanner.core.ids import SiteId
from lrplanner.core.project import Project, VisitLock
from lrplanner.planner.plan import PlanOutcome, plan_route
from lrplanner.solver.stop import Deadline

if TYPE_CHECKING:
    from lrplanner.core.plan import Itinerary
    from lrplanner.solver.stop import CancelToken, Clock

#: Share of the time for the first attempt (keep every untouched visit).
FIRST_TRY = 0.6


class ChangeKind(enum.StrEnum):
    """The changes a logistics officer re-plans for."""

    HOST_CANCELS = "host cancels"
    EXCLUDE = "exclude site"
    REQUIRE = "require site"
    DAY_LOST = "day lost"


@dataclass(frozen=True, slots=True, kw_only=True)
class Change:
    """One change: a site (for site changes) or a date (for a lost day)."""

    kind: ChangeKind
    site: SiteId | None = None
    day: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Replanned:
    """The new plan, the project it belongs to and how much moved."""

    project: Project
    outcome: PlanOutcome
    kept: int
    moved: int


def apply_change(project: Project, change: Change) -> Project:
    """Return the project with the change applied (no plan yet)."""
    if change.kind is ChangeKind.DAY_LOST:
        assert change.day is not None
        rest = tuple(sorted({*project.route.rest_days, change.day}))
        return project.with_changes(route=replace(project.route, rest_days=rest))
    assert change.site is not None
    if change.kind is ChangeKind.REQUIRE:
        sites = tuple(
            replace(s, required=True) if s.id == change.site else s
            for s in project.sites
        )
        return project.with_changes(sites=sites)
    excluded = tuple(dict.fromkeys((*project.excluded_sites, change.site)))
    locks = tuple(lk for lk in project.locks if lk.site != change.site)
    return project.with_changes(excluded_sites=excluded, locks=locks)


def replan(
    project: Project,
    change: Change,
    *,
    seconds: float,
    seed: int = 0,
    cancel: CancelToken | None = None,
    clock: Clock = time.monotonic,
) -> Replanned:
    """Apply ``change`` and plan again, moving as few visits as possible.

    The attempts share ``seconds`` (each counts its own model build): the
    first, which moves least, gets ``FIRST_TRY`` of them, later ones share
    what is left.

    Raises
    ------
    InfeasibleRequest
        If even a fresh plan cannot meet the rules after the change.
    """
    changed = apply_change(project, change)
    previous = project.plan
    attempts = _lock_sets(changed, previous, change) if previous else [()]
    deadline = Deadline(seconds, clock=clock)
    last_error: InfeasibleRequest | None = None
    for i, extra in enumerate(attempts):
        trial = changed.with_changes(locks=(*changed.locks, *extra))
        share = FIRST_TRY if i == 0 and len(attempts) > 1 else 1 / (len(attempts) - i)
        try:
            outcome = plan_route(
                trial,
                seconds=deadline.remaining() * share,
                seed=seed,
                cancel=cancel,
                clock=clock,
                start=previous,
            )
        except InfeasibleRequest as exc:
            last_error = exc
            continue
        if outcome.violations:
            continue
        return _replanned(changed, outcome, previous)
    raise last_error or InfeasibleRequest("No plan meets the rules after the change.")


def _lock_sets(
    project: Project, plan: Itinerary, change: Change
) -> list[tuple[VisitLock, ...]]:
    """Return lock sets to try: all untouched visits, then fewer, then none."""
    touched = change.site
    own = {lk.site for lk in project.locks}
    visits = [
        (d.day, e.site)
        for d in plan.days
        for e in d.visits()
        if e.site is not None
        and e.site != touched
        and e.site not in own
        and d.day not in project.route.rest_days
    ]
    near = _days_near(plan, change)
    everything = tuple(VisitLock(site=s, day=day) for day, s in visits)
    far = tuple(lk for lk in everything if lk.day not in near)
    return [everything, far, ()] if far != everything else [everything, ()]


def _days_near(plan: Itinerary, change: Change) -> set[date]:
    if change.day is not None:
        centre = change.day
    else:
        centre = next(
            (d.day for d in plan.days for e in d.visits() if e.site == change.site),
            plan.days[0].day,
        )
    return {centre + timedelta(days=k) for k in (-1, 0, 1)}


def _replanned(
    project: Project, outcome: PlanOutcome, previous: Itinerary | None
) -> Replanned:
    new = {(e.site, d.day) for d in outcome.itinerary.days for e in d.visits()}
    old = (
        set()
        if previous is None
        else {(e.site, d.day) for d in previous.days for e in d.visits()}
    )
    final = project.with_changes(plan=outcome.itinerary)
    return Replanned(
        project=final, outcome=outcome, kept=len(new & old), moved=len(old - new)
    )
