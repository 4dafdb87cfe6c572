"""What a re-plan changed: visits added, dropped and moved, nights changed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from lrplanner.core.ids import SiteId
from lrplanner.core.locations import location_name

if TYPE_CHECKING:
    from lrplanner.core.plan import Itinerary
    from lrplanner.core.project import Project


@dataclass(frozen=True, slots=True)
class PlanDiff:
    """The differences between two plans of one route."""

    added: tuple[tuple[SiteId, date], ...]
    dropped: tuple[tuple[SiteId, date], ...]
    moved: tuple[tuple[SiteId, date, date], ...]
    nights: tuple[tuple[date, str | None, str | None], ...]

    def __bool__(self) -> bool:
        """Return whether anything changed."""
        return bool(self.added or self.dropped or self.moved or self.nights)

    def lines(self, project: Project) -> list[str]:
        """Return one line per change, in words (empty: nothing changed)."""

        def name(site: SiteId) -> str:
            found = project.site_by_id.get(site)
            return found.name if found else str(site)

        def place(where: str | None) -> str:
            return (
                "end of the route" if where is None else location_name(project, where)
            )

        out = [f"Added: {name(s)} on {_day(d)}" for s, d in self.added]
        out += [f"Dropped: {name(s)} (was on {_day(d)})" for s, d in self.dropped]
        out += [
            f"Moved: {name(s)} from {_day(a)} to {_day(b)}" for s, a, b in self.moved
        ]
        out += [
            f"Night of {_day(d)}: {place(a)} \u2192 {place(b)}"
            for d, a, b in self.nights
        ]
        return out


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def plan_diff(before: Itinerary | None, after: Itinerary) -> PlanDiff:
    """Return what changed from ``before`` to ``after`` (all added if None)."""
    old = {} if before is None else _visit_days(before)
    new = _visit_days(after)
    added = tuple((s, d) for s, d in new.items() if s not in old)
    dropped = tuple((s, d) for s, d in old.items() if s not in new)
    moved = tuple((s, old[s], d) for s, d in new.items() if s in old and old[s] != d)
    nights: tuple[tuple[date, str | None, str | None], ...] = ()
    if before is not None:
        was = {d.day: d.overnight for d in before.days}
        nights = tuple(
            (d.day, was[d.day], d.overnight)
            for d in after.days
            if d.day in was and was[d.day] != d.overnight
        )
    return PlanDiff(added=added, dropped=dropped, moved=moved, nights=nights)


def _visit_days(plan: Itinerary) -> dict[SiteId, date]:
    return {
        e.site: d.day
        for d in plan.days
        for e in d.visits()
        if e.site is not None and not e.continued
    }
