"""When each site can be visited: absolute open intervals per route day.

Applies, per site and date: weekly opening hours (in the site's local time),
available date ranges, blackout dates, national public holidays (unless the
site opens on them), rest days and champion availability. A date that is
ruled out keeps the reason, in words, for the "left out" explanations.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from lrplanner.core.calendar import is_public_holiday
from lrplanner.core.ids import ChampionId
from lrplanner.core.locations import location_zone, site_location

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from lrplanner.core.project import Project
    from lrplanner.core.sites import Site


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteDay:
    """A site on one route date: open intervals (aware) or why it is closed."""

    day: date
    intervals: tuple[tuple[datetime, datetime], ...] = ()
    champions: tuple[ChampionId, ...] = ()
    closed_because: str = ""

    @property
    def is_open(self) -> bool:
        """Return whether the site can receive the group this day."""
        return bool(self.intervals)


def route_dates(project: Project) -> list[date]:
    """Return every date of the route, in order."""
    route = project.route
    return [route.start_date + timedelta(days=i) for i in range(route.days)]


def site_days(project: Project, site: Site) -> list[SiteDay]:
    """Return the site's availability on every route date."""
    zone = location_zone(project, site_location(site))
    return [_site_day(project, site, day, zone) for day in route_dates(project)]


def _site_day(project: Project, site: Site, day: date, zone: ZoneInfo) -> SiteDay:
    reason = _closed_reason(project, site, day)
    if reason:
        return SiteDay(day=day, closed_because=reason)
    champions = tuple(
        c
        for c in site.champions
        if c in project.champion_by_id and project.champion_by_id[c].is_available(day)
    )
    if site.champions and not champions:
        names = ", ".join(
            project.champion_by_id[c].name
            for c in site.champions
            if c in project.champion_by_id
        )
        return SiteDay(day=day, closed_because=f"champion away ({names})")
    intervals = tuple(
        (datetime.combine(day, w.start, zone), datetime.combine(day, w.end, zone))
        for w in site.opening.on(day)
    )
    return SiteDay(day=day, intervals=intervals, champions=champions)


def _closed_reason(project: Project, site: Site, day: date) -> str:
    """Return why the site cannot be visited on ``day`` ('' if it can)."""
    if day in project.route.rest_days:
        return "rest day"
    if day in site.blackouts:
        return "blackout date"
    for booked, why in site.booked:
        if booked == day:
            return why
    if site.available and not any(day in r for r in site.available):
        return "outside its available dates"
    if not site.opening.on(day):
        return f"closed on {day:%A}s"
    holiday = is_public_holiday(site.country, day)
    if holiday and not site.open_on_holidays:
        return f"public holiday ({holiday})"
    return ""


def describe_closures(site_days_: list[SiteDay]) -> str:
    """Return a short text grouping closed dates by reason.

    E.g. ``"closed on Sundays (7 Mar); public holiday (International Women's
    Day) (8 Mar)"``.
    """
    by_reason: dict[str, list[date]] = {}
    for sd in site_days_:
        if not sd.is_open:
            by_reason.setdefault(sd.closed_because, []).append(sd.day)
    return "; ".join(
        f"{reason} ({', '.join(f'{d.day} {d:%b}' for d in days)})"
        for reason, days in by_reason.items()
    )
