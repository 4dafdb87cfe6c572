"""Route settings: dates, day window, limits, budget and group extras."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal
from types import MappingProxyType

from lrplanner.core.checks import (
    require,
    require_country,
    require_currency,
    require_id,
    require_money,
)
from lrplanner.core.currency import LocalAmount
from lrplanner.core.ids import PlaceId, SiteId

#: Minutes a visit may run into lunch time; lunch then follows it.
LUNCH_LATE_MIN = 60
#: The key of :attr:`RouteSettings.road_speeds` for every country not named.
EVERY_COUNTRY = "*"
#: The road speeds a route may set, km/h (door to door, stops included).
ROAD_SPEED_BOUNDS = (5.0, 120.0)
#: Typical door-to-door road speeds in km/h by ISO country code, for road
#: legs estimated from the distance where a route sets none.
BUILT_IN_ROAD_SPEEDS: Mapping[str, float] = MappingProxyType(
    {"KH": 45.0, "LA": 40.0, "VN": 45.0, "TH": 65.0, "NP": 25.0, "BD": 30.0, "PH": 35.0}
)
#: The built-in speed in every other country, km/h.
OTHER_ROAD_SPEED = 40.0


def road_speeds_text(speeds: Iterable[tuple[str, float]]) -> str:
    """Return road speeds as the Route sheet writes them: ``45; NP 25``."""
    return "; ".join(
        f"{speed:g}" if country == EVERY_COUNTRY else f"{country} {speed:g}"
        for country, speed in speeds
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class CostRates:
    """Group-level unit rates not tied to a site, place or person (in route currency).

    Raises
    ------
    ValueError
        If a rate is negative.
    """

    vehicle_per_day: Decimal = Decimal("0")
    interpreter_per_day: Decimal = Decimal("0")
    facilitator_per_day: Decimal = Decimal("0")
    venue_per_session: Decimal = Decimal("0")

    def __post_init__(self) -> None:
        for name in (
            "vehicle_per_day",
            "interpreter_per_day",
            "facilitator_per_day",
            "venue_per_session",
        ):
            require_money(getattr(self, name), name)


@dataclass(frozen=True, slots=True, kw_only=True)
class RouteSettings:
    """Everything on the Route sheet: one Learning Route's frame.

    Raises
    ------
    ValueError
        If dates, day window, lunch or limits are inconsistent.
    """

    name: str
    start_date: date
    end_date: date
    start_place: PlaceId
    end_place: PlaceId
    day_start: time = time(8, 0)
    day_end: time = time(18, 0)
    lunch_start: time = time(12, 0)
    lunch_minutes: int = 60
    max_visits_per_day: int = 3
    max_travel_hours_per_day: float = 6.0
    #: Estimate domestic flights between airports where Links has none.
    estimated_flights: bool = False
    #: Minutes between arriving at a site and starting the visit.
    transfer_buffer_min: int = 10
    #: Door-to-door km/h of estimated road legs: (ISO country code, km/h)
    #: pairs, :data:`EVERY_COUNTRY` for every country not named (none: the
    #: built-in speeds).
    road_speeds: tuple[tuple[str, float], ...] = ()
    rest_days: tuple[date, ...] = ()
    #: Sites this route must visit, on top of those the Sites sheet marks
    #: required (on every route); ids of the project's sites.
    required_sites: tuple[SiteId, ...] = ()
    budget_cap: Decimal | None = None
    currency: str = "USD"
    contingency_pct: Decimal = Decimal("0")
    facilitators: int = 2
    interpreters: int = 0
    rates: CostRates = field(default_factory=CostRates)
    #: Who to call in an emergency (printed on every agenda).
    emergency_contact: str = ""
    #: The route staff and their phones, ';'-separated.
    staff_contacts: str = ""
    notes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    prices: Mapping[str, LocalAmount] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def __post_init__(self) -> None:
        require(bool(self.name.strip()), "route name must be non-blank")
        require_id(self.start_place, "start place")
        require_id(self.end_place, "end place")
        require(self.end_date >= self.start_date, "route ends before it starts")
        require(self.day_end > self.day_start, "day ends before it starts")
        require(0 <= self.lunch_minutes <= 180, "lunch must last 0-180 minutes")
        require(self.max_visits_per_day >= 0, "max visits per day must be >= 0")
        require(0 <= self.max_travel_hours_per_day <= 24, "travel hours must be 0-24")
        require(
            all(self.start_date <= d <= self.end_date for d in self.rest_days),
            "rest days must lie inside the route",
        )
        require(
            len(set(self.required_sites)) == len(self.required_sites),
            "a required site is named twice",
        )
        countries = [country for country, _ in self.road_speeds]
        require(len(set(countries)) == len(countries), "a road speed is set twice")
        for country, speed in self.road_speeds:
            if country != EVERY_COUNTRY:
                require_country(country)
            low, high = ROAD_SPEED_BOUNDS
            require(low <= speed <= high, f"road speeds must be {low}-{high} km/h")
        require_money(self.budget_cap, "budget cap")
        require_currency(self.currency)
        require_money(self.contingency_pct, "contingency %")
        require(self.contingency_pct <= 100, "contingency must be <= 100 %")
        require(
            self.facilitators >= 0 and self.interpreters >= 0,
            "group extras must be >= 0",
        )

    @property
    def days(self) -> int:
        """Return the number of calendar days of the route, both ends included."""
        return (self.end_date - self.start_date).days + 1
