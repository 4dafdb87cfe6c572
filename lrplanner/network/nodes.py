"""Nodes of the travel network: places, and sites with their own coordinates."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from lrplanner.core.calendar import timezone_at, zone_for, zone_named
from lrplanner.core.places import Place, PlaceKind
from lrplanner.core.timespan import OpeningHours

if TYPE_CHECKING:
    from collections.abc import Mapping

    from lrplanner.core.ids import PlaceId, SiteId
    from lrplanner.core.sites import Site

SITE_PREFIX = "site:"


def site_node(site_id: SiteId | str) -> str:
    """Return the node id under which a site can be asked for (``"site:<id>"``)."""
    return f"{SITE_PREFIX}{site_id}"


def place_node(place_id: PlaceId | str) -> str:
    """Return the node id of a place (its place id)."""
    return str(place_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class NodeInfo:
    """What the network knows about one node.

    ``kind`` is None for a site with its own coordinates; ``gate`` holds the
    opening hours of a border post, which the group may only pass while open.
    """

    id: str
    name: str
    countries: frozenset[str]
    lat: float
    lon: float
    zone: ZoneInfo
    kind: PlaceKind | None = None
    gate: OpeningHours | None = None

    @property
    def label(self) -> str:
        """Return ``"Name (id)"`` for messages."""
        return f"{self.name} ({self.id})"

    @property
    def is_hub(self) -> bool:
        """Return whether the node is a border post or airport (listed in ``via``)."""
        return self.kind in (PlaceKind.BORDER, PlaceKind.AIRPORT)

    @classmethod
    def of_place(cls, place: Place) -> NodeInfo:
        """Return the node of a place (border posts keep their opening hours)."""
        gate = place.opening if place.kind is PlaceKind.BORDER else None
        return cls(
            id=place_node(place.id),
            name=place.name,
            countries=place.countries,
            lat=place.lat,
            lon=place.lon,
            zone=zone_for(place),
            kind=place.kind,
            gate=gate,
        )

    @classmethod
    def of_site(cls, site: Site, places: Mapping[PlaceId, Place]) -> NodeInfo | None:
        """Return the own node of a site with coordinates; None for one at a place.

        A site with coordinates takes the time zone of its place if it names
        one, else of its coordinates.
        """
        if site.lat is None or site.lon is None:
            return None
        home = places.get(site.place) if site.place is not None else None
        zone = zone_for(home) if home else zone_named(timezone_at(site.lat, site.lon))
        return cls(
            id=site_node(site.id),
            name=site.name,
            countries=frozenset({site.country}),
            lat=site.lat,
            lon=site.lon,
            zone=zone,
        )
