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
    from lrplanner.planner.progress import PlanSink
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
    own = tuple(s for s in project.route.required_sites if s != change.site)
    route = replace(project.route, required_sites=own)  # a cancelled host
    return project.with_changes(excluded_sites=excluded, locks=locks, route=route)


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
        if not outcome.report.passed:
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


def keep_visits(
    project: Project,
    *,
    seconds: float,
    seed: int = 0,
    cancel: CancelToken | None = None,
    on_progress: PlanSink | None = None,
    clock: Clock = time.monotonic,
) -> PlanOutcome:
    """Plan again after edits, keeping the current plan's visits if possible.

    First every visit of the current plan that the rules still allow is
    held to its day (the user's own locks stay as they are) and the search
    starts from the current plan: the new plan can only add visits and
    re-time days. When that is impossible (found at once), the route is
    planned afresh, still starting from the current plan. Without a plan,
    or when the dates changed, it is a fresh plan.

    Raises
    ------
    InfeasibleRequest
        If no plan meets the rules (the fresh attempt's message).
    """
    previous = project.plan
    kept = _kept_locks(project, previous) if previous is not None else ()
    deadline = Deadline(seconds, clock=clock)
    if kept:
        trial = project.with_changes(locks=(*project.locks, *kept))
        try:
            outcome = plan_route(
                trial,
                seconds=deadline.remaining() * FIRST_TRY,
                seed=seed,
                cancel=cancel,
                on_progress=on_progress,
                clock=clock,
                start=previous,
                quick_fail=True,
            )
        except InfeasibleRequest:
            pass
        else:
            if outcome.report.passed:
                return outcome
    return plan_route(
        project,
        seconds=deadline.remaining(),
        seed=seed,
        cancel=cancel,
        on_progress=on_progress,
        clock=clock,
        start=previous,
    )


def _kept_locks(project: Project, plan: Itinerary) -> tuple[VisitLock, ...]:
    """Return a lock per visit of ``plan`` the project still allows on its day
    (none when the route's dates changed)."""
    dates = [
        project.route.start_date + timedelta(days=i) for i in range(project.route.days)
    ]
    if [d.day for d in plan.days] != dates:
        return ()
    own = {lk.site for lk in project.locks}
    return tuple(
        VisitLock(site=e.site, day=d.day)
        for d in plan.days
        for e in d.visits()
        if e.site is not None
        and not e.continued
        and e.site in project.site_by_id
        and e.site not in own
        and e.site not in project.excluded_sites
        and d.day not in project.route.rest_days
    )
