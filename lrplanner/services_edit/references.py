"""Who refers to a record: other records, locks, and the current plan."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lrplanner.core.locations import SITE_PREFIX

if TYPE_CHECKING:
    from lrplanner.core.plan import Event, Itinerary
    from lrplanner.core.project import Project

SHOWN = 4  # referrers named in a message; the rest are counted


def referrers(project: Project, field: str, record: Any) -> list[str]:
    """Return what refers to ``record`` of the Project attribute ``field``.

    Sites are referred to by champions, visit locks and the Route's
    Required sites, champions by sites, places by sites, links and the
    route's start and end.
    """
    if field == "sites":
        return [
            *(f"champion {c.id}" for c in project.champions if record.id in c.sites),
            *(
                f"the lock on {k.day:%d %b}"
                for k in project.locks
                if k.site == record.id
            ),
            *(
                ["the Route's Required sites"]
                if record.id in project.route.required_sites
                else []
            ),
        ]
    if field == "champions":
        return [f"site {s.id}" for s in project.sites if record.id in s.champions]
    if field == "places":
        return _place_users(project, record.id)
    return []


def _place_users(project: Project, place: str) -> list[str]:
    route = project.route
    ends = (
        ("the route's start", route.start_place),
        ("the route's end", route.end_place),
    )
    return [
        *(label for label, end in ends if end == place),
        *(f"site {s.id}" for s in project.sites if s.place == place),
        *(
            f"link {k.origin}→{k.destination}"
            for k in project.links
            if place in (k.origin, k.destination)
        ),
    ]


def listing(names: list[str]) -> str:
    """Return 'a, b and c' (at most SHOWN names, then how many more)."""
    shown = names[:SHOWN]
    if len(names) > SHOWN:
        shown.append(f"{len(names) - SHOWN} more")
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"


def plan_mentions(plan: Itinerary, field: str, ident: str) -> bool:
    """Return whether the plan names a site, champion or place id."""
    if field == "sites" and any(left.site == ident for left in plan.left_out):
        return True
    for day in plan.days:
        if field == "places" and day.overnight == ident:
            return True
        if any(_event_mentions(event, field, ident) for event in day.events):
            return True
    return False


def _event_mentions(event: Event, field: str, ident: str) -> bool:
    if field == "sites":
        return event.site == ident or f"{SITE_PREFIX}{ident}" in _locations(event)
    if field == "champions":
        return ident in event.champions
    return field == "places" and ident in _locations(event)


def _locations(event: Event) -> tuple[str | None, ...]:
    return (event.place, event.origin, event.destination, *event.via)
