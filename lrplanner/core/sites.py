"""Host sites: the field cases a route may visit."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from types import MappingProxyType

from lrplanner.core.checks import (
    require,
    require_coordinates,
    require_country,
    require_id,
    require_money,
)
from lrplanner.core.currency import LocalAmount
from lrplanner.core.ids import ChampionId, PlaceId, SiteId
from lrplanner.core.timespan import DateRange, OpeningHours


@dataclass(frozen=True, slots=True, kw_only=True)
class Site:
    """A host site presented by local champions.

    The site lies at ``place`` (a town on the Places sheet) or at its own
    ``lat``/``lon``; at least one is given. ``available`` empty means "any
    date"; ``blackouts`` always win. ``capacity`` None means unlimited.

    Raises
    ------
    ValueError
        If value, duration, capacity or fees are out of range, or the site has
        no location.
    """

    id: SiteId
    name: str
    country: str
    host: str = ""
    place: PlaceId | None = None
    lat: float | None = None
    lon: float | None = None
    address: str = ""
    #: What the group comes to see and ask about (printed under the visit).
    focus: str = ""
    themes: tuple[str, ...] = ()
    value: int = 1
    duration_min: int = 120
    opening: OpeningHours = field(default_factory=OpeningHours.always)
    available: tuple[DateRange, ...] = ()
    blackouts: tuple[date, ...] = ()
    capacity: int | None = None
    fee_per_group: Decimal = Decimal("0")
    fee_per_person: Decimal = Decimal("0")
    champions: tuple[ChampionId, ...] = ()
    required: bool = False
    open_on_holidays: bool = False
    #: The host serves lunch: a visit may run through lunch time, lunch
    #: being eaten at the site (docs/user-guide.md, "Lunch").
    serves_lunch: bool = False
    #: Programme-wide: days the host rests between two groups of any routes,
    #: and the most groups it receives in a calendar year (None: no limit).
    rest_between_groups: int = 0
    max_groups_per_year: int | None = None
    #: Days the host is closed to this route because another route of the
    #: programme has it (that day, its rest days, or its groups for the
    #: year), with why; set only on the copy a route is planned on
    #: (:func:`lrplanner.core.bookings.with_others_taken`), never read in.
    booked: tuple[tuple[date, str], ...] = ()
    notes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    prices: Mapping[str, LocalAmount] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def __post_init__(self) -> None:
        require_id(self.id, "site")
        require(bool(self.name.strip()), "site name must be non-blank")
        require_country(self.country)
        require_coordinates(self.lat, self.lon)
        require(
            self.place is not None or self.lat is not None,
            "a site needs a place or coordinates",
        )
        require(0 <= self.value <= 1000, "learning value must be 0-1000")
        require(0 < self.duration_min <= 12 * 60, "visit must last 1-720 minutes")
        require(self.capacity is None or self.capacity > 0, "capacity must be > 0")
        require(0 <= self.rest_between_groups <= 365, "rest days must be 0-365")
        require(
            self.max_groups_per_year is None or 1 <= self.max_groups_per_year <= 365,
            "groups per year must be 1-365",
        )
        require_money(self.fee_per_group, "fee per group")
        require_money(self.fee_per_person, "fee per person")

    def is_available(self, day: date) -> bool:
        """Return whether the site receives groups on a date (ignoring holidays)."""
        if day in self.blackouts or any(day == d for d, _ in self.booked):
            return False
        if self.available and not any(day in r for r in self.available):
            return False
        return bool(self.opening.on(day))
