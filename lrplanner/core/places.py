"""Places (cities, airports, border posts) and explicit travel links."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
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
from lrplanner.core.ids import PlaceId
from lrplanner.core.timespan import OpeningHours

#: The longest check-in, arrival or border procedure a place may state.
MAX_PROCEDURE_MIN = 720


class PlaceKind(enum.StrEnum):
    """What a place is, which decides how the travel network may use it."""

    CITY = "city"
    AIRPORT = "airport"
    BORDER = "border"


class TravelMode(enum.StrEnum):
    """How a travel leg is made."""

    ROAD = "road"
    FLIGHT = "flight"
    BOAT = "boat"
    TRAIN = "train"


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """A city, airport or land border post.

    A border post lies on the line between ``country`` and ``other_country``;
    road travel between two countries passes through one, in its opening hours.

    Raises
    ------
    ValueError
        If coordinates are off the globe or a border post lacks its other country.
    """

    id: PlaceId
    name: str
    country: str
    lat: float
    lon: float
    kind: PlaceKind = PlaceKind.CITY
    other_country: str | None = None
    lodging_per_night: Decimal | None = None
    #: The hotel (or homestay) the group sleeps in here, for the agenda.
    lodging_name: str = ""
    lodging_address: str = ""
    lodging_phone: str = ""
    per_diem: Decimal | None = None
    opening: OpeningHours | None = None
    tz: str | None = None
    check_in_min: int | None = None
    arrival_min: int | None = None
    formalities_min: int | None = None
    notes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    prices: Mapping[str, LocalAmount] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def __post_init__(self) -> None:
        require_id(self.id, "place")
        for minutes in (self.check_in_min, self.arrival_min, self.formalities_min):
            require(
                minutes is None or 0 <= minutes <= MAX_PROCEDURE_MIN,
                f"procedure minutes must be 0-{MAX_PROCEDURE_MIN}",
            )
        require(bool(self.name.strip()), "place name must be non-blank")
        require_country(self.country)
        require_coordinates(self.lat, self.lon)
        require_money(self.lodging_per_night, "lodging per night")
        require_money(self.per_diem, "per diem")
        if self.kind is PlaceKind.BORDER:
            require(self.other_country is not None, "a border post needs other_country")
        if self.other_country is not None:
            require_country(self.other_country)
            require(
                self.other_country != self.country,
                "a border post joins two different countries",
            )

    @property
    def has_lodging(self) -> bool:
        """Return whether the group can sleep here."""
        return self.lodging_per_night is not None

    @property
    def countries(self) -> frozenset[str]:
        """Return the countries this place belongs to (two for a border post)."""
        other = {self.other_country} if self.other_country else set()
        return frozenset({self.country, *other})


@dataclass(frozen=True, slots=True, kw_only=True)
class Link:
    """An explicit travel leg between two places (e.g. a scheduled flight).

    ``weekdays`` lists the days it runs (0 = Monday); ``departures`` lists
    local scheduled departure (take-off) times, empty meaning "any time" (a
    hired vehicle); ``service`` is the flight or bus number, if known.

    Raises
    ------
    ValueError
        If the leg goes nowhere, takes no time or has negative costs.
    """

    origin: PlaceId
    destination: PlaceId
    mode: TravelMode
    duration_min: int
    cost_per_person: Decimal = Decimal("0")
    cost_per_vehicle: Decimal = Decimal("0")
    weekdays: frozenset[int] = frozenset(range(7))
    departures: tuple[time, ...] = ()
    both_ways: bool = True
    service: str | None = None
    notes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    prices: Mapping[str, LocalAmount] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def __post_init__(self) -> None:
        require_id(self.origin, "link origin")
        require_id(self.destination, "link destination")
        require(self.origin != self.destination, "a link must join two places")
        require(0 < self.duration_min <= 7 * 24 * 60, "duration must be 1 min - 7 days")
        require_money(self.cost_per_person, "cost per person")
        require_money(self.cost_per_vehicle, "cost per vehicle")
        require(
            bool(self.weekdays) and self.weekdays <= frozenset(range(7)),
            "a link must run on at least one weekday (0-6)",
        )
