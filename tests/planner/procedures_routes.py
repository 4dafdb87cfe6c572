"""Hand-made routes for the airport and border procedures.

A domestic flight Cebu (Mactan airport) -> Davao at 14:10, 90 minutes, with a
40-minute road from Cebu City to the airport and a 30-minute road from Davao
airport into the city; and a road from Phnom Penh to Ho Chi Minh City through
the Bavet border post.
"""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

from lrplanner.core.ids import PlaceId
from lrplanner.core.places import Link, Place, PlaceKind, TravelMode
from lrplanner.core.project import Project
from lrplanner.core.route import RouteSettings

LODGING = Decimal("40")
TAKE_OFF = time(14, 10)


def _city(pid: str, name: str, country: str, lat: float, lon: float) -> Place:
    return Place(
        id=PlaceId(pid), name=name, country=country, lat=lat, lon=lon,
        lodging_per_night=LODGING,
    )  # fmt: skip


def _airport(pid: str, name: str, country: str, lat: float, lon: float) -> Place:
    return Place(
        id=PlaceId(pid), name=name, country=country, lat=lat, lon=lon,
        kind=PlaceKind.AIRPORT,
    )  # fmt: skip


CEBU = _city("PH-CEB", "Cebu City", "PH", 10.3157, 123.8854)
MACTAN = _airport("CEB", "Mactan-Cebu airport", "PH", 10.3075, 123.9790)
DAVAO_AIRPORT = _airport("DVO", "Davao airport", "PH", 7.1255, 125.6458)
DAVAO = _city("PH-DVO", "Davao City", "PH", 7.1907, 125.4553)
FLIGHT = Link(
    origin=MACTAN.id, destination=DAVAO_AIRPORT.id, mode=TravelMode.FLIGHT,
    duration_min=90, cost_per_person=Decimal("80"), departures=(TAKE_OFF,),
    both_ways=False, service="5J 595",
)  # fmt: skip
ROADS = (
    Link(origin=CEBU.id, destination=MACTAN.id, mode=TravelMode.ROAD, duration_min=40),
    Link(
        origin=DAVAO_AIRPORT.id, destination=DAVAO.id, mode=TravelMode.ROAD,
        duration_min=30,
    ),
)  # fmt: skip

PHNOM_PENH = _city("KH-PNP", "Phnom Penh", "KH", 11.5564, 104.9282)
BAVET = Place(
    id=PlaceId("KH-BVT"), name="Bavet / Moc Bai", country="KH", other_country="VN",
    kind=PlaceKind.BORDER, lat=11.0786, lon=106.1603,
)  # fmt: skip
HCMC = _city("VN-HCM", "Ho Chi Minh City", "VN", 10.7769, 106.7009)
BORDER_ROADS = (
    Link(
        origin=PHNOM_PENH.id, destination=BAVET.id, mode=TravelMode.ROAD,
        duration_min=180,
    ),
    Link(origin=BAVET.id, destination=HCMC.id, mode=TravelMode.ROAD, duration_min=90),
)  # fmt: skip


def _route(start: Place, end: Place) -> RouteSettings:
    return RouteSettings(
        name="Procedures", start_date=date(2027, 3, 1), end_date=date(2027, 3, 2),
        start_place=start.id, end_place=end.id,
    )  # fmt: skip


def flight_route(*places: Place) -> Project:
    """Return two days from Cebu City to Davao City by the 14:10 flight."""
    chosen = places or (CEBU, MACTAN, DAVAO_AIRPORT, DAVAO)
    return Project(
        route=_route(CEBU, DAVAO), places=chosen, links=(FLIGHT, *ROADS), sites=()
    )


def border_route() -> Project:
    """Return two days from Phnom Penh to Ho Chi Minh City through Bavet."""
    return Project(
        route=_route(PHNOM_PENH, HCMC),
        places=(PHNOM_PENH, BAVET, HCMC),
        links=BORDER_ROADS,
        sites=(),
    )
