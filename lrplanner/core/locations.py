"""Where things are: the location id of places and sites, and their zones.

A site at a place (no coordinates of its own) is at that place; a site with
coordinates is its own location ``site:<id>``. Travel legs, the validator and
the planner all use these ids, so they agree on where the group is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lrplanner.core.calendar import timezone_at, zone_for, zone_named
from lrplanner.core.ids import PlaceId, SiteId

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from lrplanner.core.project import Project
    from lrplanner.core.sites import Site

SITE_PREFIX = "site:"
Point = tuple[float, float]


def site_location(site: Site) -> str:
    """Return the location id of a site."""
    if site.lat is None and site.place is not None:
        return site.place
    return f"{SITE_PREFIX}{site.id}"


def location_zone(project: Project, location: str) -> ZoneInfo:
    """Return the time zone of a location id (place id or ``site:<id>``).

    Raises
    ------
    KeyError
        If the location is neither a known place nor a known site.
    """
    if location.startswith(SITE_PREFIX):
        site = project.site_by_id[SiteId(location.removeprefix(SITE_PREFIX))]
        if site.lat is None or site.lon is None:
            return location_zone(project, site_location(site))
        if site.place is not None and site.place in project.place_by_id:
            place = project.place_by_id[site.place]
            if place.tz:
                return zone_named(place.tz)
        return zone_named(timezone_at(site.lat, site.lon))
    return zone_for(project.place_by_id[PlaceId(location)])


def location_point(project: Project, location: str) -> Point:
    """Return the latitude and longitude of a location id.

    Raises
    ------
    KeyError
        If the location is neither a known place nor a known site.
    """
    if location.startswith(SITE_PREFIX):
        site = project.site_by_id[SiteId(location.removeprefix(SITE_PREFIX))]
        if site.lat is not None and site.lon is not None:
            return (site.lat, site.lon)
        return location_point(project, site_location(site))
    place = project.place_by_id[PlaceId(location)]
    return (place.lat, place.lon)


def location_name(project: Project, location: str) -> str:
    """Return a readable name for a location id."""
    if location.startswith(SITE_PREFIX):
        site = project.site_by_id.get(SiteId(location.removeprefix(SITE_PREFIX)))
        return site.name if site else location
    place = project.place_by_id.get(PlaceId(location))
    return place.name if place else location
