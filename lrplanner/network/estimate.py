"""Travel estimates where the user gave no link: great-circle distance at speed.

Roads: great-circle km x detour factor at the road speed of the country.
Flights: great-circle km at cruise speed plus airport overhead (check-in,
security, taxi), with a fare of base + rate per km. Every estimate is a
``Connection`` with ``estimated=True``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import time
from decimal import ROUND_HALF_UP, Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING

from lrplanner.core.checks import require, require_money
from lrplanner.core.places import TravelMode
from lrplanner.core.route import BUILT_IN_ROAD_SPEEDS, EVERY_COUNTRY, OTHER_ROAD_SPEED
from lrplanner.network.legs import Connection

if TYPE_CHECKING:
    from collections.abc import Iterable

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)

#: Typical door-to-door road speeds in km/h, by ISO country code.
DEFAULT_ROAD_SPEEDS: Mapping[str, float] = BUILT_IN_ROAD_SPEEDS

_CENT = Decimal("0.01")
#: Estimated flights leave on the hour in the daytime (local): no 2 am flights.
_DAYTIME_HOURS = tuple(time(hour) for hour in range(7, 21))


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle (haversine) distance between two points in km."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(lon2 - lon1)
    h = (
        math.sin(d_phi / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True, slots=True, kw_only=True)
class EstimateSettings:
    """How missing links are estimated.

    ``road_speed_kmh`` overrides or extends :data:`DEFAULT_ROAD_SPEEDS`;
    other countries drive at ``default_road_speed_kmh``. Estimated flights
    join airports at least ``min_flight_km`` apart, in one country unless
    ``estimate_international_flights`` (see ``graph``) and, in
    time-dependent queries, leave at one of ``flight_departures`` (local time
    at the origin airport; hourly 07:00-20:00 unless set, empty = any time).

    Raises
    ------
    ValueError
        If a factor, speed or amount is out of range.
    """

    detour_factor: float = 1.3
    road_speed_kmh: Mapping[str, float] = field(
        default_factory=lambda: MappingProxyType({})
    )
    default_road_speed_kmh: float = OTHER_ROAD_SPEED
    flight_speed_kmh: float = 700.0
    airport_overhead_min: int = 120
    flight_base_fare: Decimal = Decimal("60")
    flight_fare_per_km: Decimal = Decimal("0.10")
    road_cost_per_person: Decimal = Decimal("0")
    min_flight_km: float = 300.0
    estimate_flights: bool = True
    estimate_international_flights: bool = False
    flight_departures: tuple[time, ...] = _DAYTIME_HOURS

    def __post_init__(self) -> None:
        require(self.detour_factor >= 1.0, "road detour factor must be >= 1")
        speeds = [*self.road_speed_kmh.values(), self.default_road_speed_kmh]
        require(all(s > 0 for s in speeds), "road speeds must be > 0 km/h")
        require(self.flight_speed_kmh > 0, "flight speed must be > 0 km/h")
        require(self.airport_overhead_min >= 0, "airport overhead must be >= 0")
        require(self.min_flight_km >= 0, "minimum flight distance must be >= 0")
        require_money(self.flight_base_fare, "flight base fare")
        require_money(self.flight_fare_per_km, "flight fare per km")
        require_money(self.road_cost_per_person, "road cost per person")

    def with_road_speeds(self, speeds: Mapping[str, float]) -> EstimateSettings:
        """Return these settings with a route's road speeds (Route sheet):
        :data:`EVERY_COUNTRY` replaces the built-in speed of every country,
        a country's own speed replaces that."""
        if not speeds:
            return self
        own = dict(self.road_speed_kmh)
        default = self.default_road_speed_kmh
        if EVERY_COUNTRY in speeds:
            default = speeds[EVERY_COUNTRY]
            own = dict.fromkeys(DEFAULT_ROAD_SPEEDS, default)
        own |= {c: v for c, v in speeds.items() if c != EVERY_COUNTRY}
        return replace(
            self,
            road_speed_kmh=MappingProxyType(own),
            default_road_speed_kmh=default,
        )

    def road_speed(self, country: str) -> float:
        """Return the road speed in km/h in one country."""
        if country in self.road_speed_kmh:
            return self.road_speed_kmh[country]
        return DEFAULT_ROAD_SPEEDS.get(country, self.default_road_speed_kmh)

    def shared_road_speed(self, countries: Iterable[str]) -> float:
        """Return the speed between two points sharing these countries (slowest).

        Two border posts on the same frontier share both countries; the slower
        side is the cautious guess.
        """
        speeds = [self.road_speed(c) for c in countries]
        return min(speeds) if speeds else self.default_road_speed_kmh


def road_estimate(
    origin: str,
    destination: str,
    *,
    great_circle: float,
    countries: Iterable[str],
    settings: EstimateSettings,
) -> Connection:
    """Return an estimated road edge between two points in the same country.

    Parameters
    ----------
    origin, destination
        Node ids of the ends.
    great_circle
        Great-circle distance between the ends in km.
    countries
        The countries both ends belong to (usually one).
    settings
        Detour factor, speeds and costs.
    """
    km = great_circle * settings.detour_factor
    speed = settings.shared_road_speed(countries)
    return Connection(
        origin=origin,
        destination=destination,
        mode=TravelMode.ROAD,
        minutes=math.ceil(km / speed * 60),
        distance_km=km,
        cost_per_person=settings.road_cost_per_person,
        estimated=True,
    )


def flight_estimate(
    origin: str,
    destination: str,
    *,
    great_circle: float,
    settings: EstimateSettings,
) -> Connection:
    """Return an estimated flight edge between two airports.

    The minutes are airport overhead plus great-circle km at cruise speed; the
    fare per person is base + rate per km, rounded to cents.
    """
    airborne = great_circle / settings.flight_speed_kmh * 60
    fare = settings.flight_base_fare + settings.flight_fare_per_km * Decimal(
        str(round(great_circle, 3))
    )
    return Connection(
        origin=origin,
        destination=destination,
        mode=TravelMode.FLIGHT,
        minutes=settings.airport_overhead_min + math.ceil(airborne),
        distance_km=great_circle,
        cost_per_person=fare.quantize(_CENT, rounding=ROUND_HALF_UP),
        estimated=True,
        departures=settings.flight_departures,
    )
