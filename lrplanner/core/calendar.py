"""Local and absolute time from coordinates, and national public holidays.

Time zones come from coordinates through ``timezonefinder``; a place may
override them with its own IANA name. Public holidays come from the
``holidays`` package, cached per country and year.
"""

from __future__ import annotations

import functools
import math
from datetime import UTC, date, datetime, timedelta
from types import MappingProxyType
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import holidays
from timezonefinder import TimezoneFinder

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from lrplanner.core.places import Place

#: Rings (in degrees) probed around a point at sea for the nearest land zone.
_LAND_PROBE_RADII = (0.05, 0.1, 0.2, 0.35, 0.5)
_LAND_PROBE_BEARINGS = 16


@functools.cache
def _finder() -> TimezoneFinder:
    # Loading the boundary data takes a while and memory: do it once, on demand.
    return TimezoneFinder()


@functools.lru_cache(maxsize=4096)
def timezone_at(lat: float, lon: float) -> str:
    """Return the IANA time zone name at a point.

    A point a little off the coast (a harbour, an airport on reclaimed land,
    rounded coordinates) takes the zone of the nearest land found within
    about 55 km; farther out at sea, the nautical zone (``Etc/GMT-7`` ...).

    Parameters
    ----------
    lat
        Latitude in degrees.
    lon
        Longitude in degrees.

    Returns
    -------
    str
        The IANA name, e.g. ``"Asia/Kathmandu"``.

    Raises
    ------
    ValueError
        If the coordinates are off the globe or no zone is known there.
    """
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise ValueError(f"coordinates ({lat}, {lon}) are off the globe")
    finder = _finder()
    name = finder.timezone_at_land(lat=lat, lng=lon) or _nearest_land_zone(lat, lon)
    name = name or finder.timezone_at(lat=lat, lng=lon)
    if not name:
        raise ValueError(f"no time zone is known at ({lat}, {lon})")
    return str(name)


def _nearest_land_zone(lat: float, lon: float) -> str | None:
    """Return the land zone nearest to a point at sea, probing rings around it."""
    finder = _finder()
    for radius in _LAND_PROBE_RADII:
        for step in range(_LAND_PROBE_BEARINGS):
            angle = 2 * math.pi * step / _LAND_PROBE_BEARINGS
            p_lat = max(-90.0, min(90.0, lat + radius * math.sin(angle)))
            p_lon = (lon + radius * math.cos(angle) + 180.0) % 360.0 - 180.0
            name = finder.timezone_at_land(lat=p_lat, lng=p_lon)
            if name:
                return str(name)
    return None


def zone_for(place: Place) -> ZoneInfo:
    """Return the time zone of a place: its own ``tz`` if set, else from coordinates.

    Raises
    ------
    ValueError
        If ``place.tz`` is not a known IANA name.
    """
    return zone_named(place.tz or timezone_at(place.lat, place.lon))


@functools.cache
def zone_named(name: str) -> ZoneInfo:
    """Return the ``ZoneInfo`` for an IANA name (cached).

    Raises
    ------
    ValueError
        If the name is unknown.
    """
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError) as exc:  # ZoneInfoNotFoundError is a KeyError
        raise ValueError(f"unknown time zone {name!r}") from exc


def local_to_utc(local: datetime, zone: ZoneInfo) -> datetime:
    """Return the aware UTC moment of a wall-clock time in a zone.

    A naive ``local`` is read as wall-clock time in ``zone``; an aware one is
    simply converted.
    """
    if local.tzinfo is None:
        local = local.replace(tzinfo=zone)
    return local.astimezone(UTC)


def utc_to_local(moment: datetime, zone: ZoneInfo) -> datetime:
    """Return an aware moment as aware wall-clock time in a zone.

    Raises
    ------
    ValueError
        If ``moment`` is naive (its absolute time would be a guess).
    """
    if moment.tzinfo is None:
        raise ValueError("utc_to_local needs an aware datetime")
    return moment.astimezone(zone)


def utc_offset_text(moment: datetime) -> str:
    """Return the UTC offset of an aware datetime as ``"+05:45"`` text.

    Raises
    ------
    ValueError
        If ``moment`` is naive.
    """
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError("utc_offset_text needs an aware datetime")
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(offset) // timedelta(minutes=1)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def public_holidays(country: str, years: int | Iterable[int]) -> Mapping[date, str]:
    """Return the national public holidays of a country in some years.

    Parameters
    ----------
    country
        ISO 3166-1 alpha-2 code, e.g. ``"VN"``.
    years
        One year or several.

    Returns
    -------
    Mapping[date, str]
        Holiday names by date (read-only); empty for a country the
        ``holidays`` package does not know.
    """
    wanted = (years,) if isinstance(years, int) else tuple(years)
    merged: dict[date, str] = {}
    for year in sorted(set(wanted)):
        merged.update(_holidays_in(country.upper(), year))
    return MappingProxyType(merged)


@functools.lru_cache(maxsize=256)
def _holidays_in(country: str, year: int) -> Mapping[date, str]:
    """Return one country's holidays in one year (cached; empty if unknown)."""
    try:
        found = holidays.country_holidays(country, years=year, language="en_US")
    except NotImplementedError:  # the package's answer for an unknown country
        return MappingProxyType({})
    return MappingProxyType(dict(sorted(found.items())))


def is_public_holiday(country: str, day: date) -> str | None:
    """Return the name of the public holiday on a date, or None on a working day."""
    return _holidays_in(country.upper(), day.year).get(day)
