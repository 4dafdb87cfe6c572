"""Hand-made island routes: the Visayas and Mindanao, and a Mekong river island."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

from lrplanner.core.ids import PlaceId, SiteId
from lrplanner.core.places import Link, Place, PlaceKind, TravelMode
from lrplanner.core.project import Project
from lrplanner.core.route import RouteSettings
from lrplanner.core.sites import Site

LODGING = Decimal("40")


def _place(pid: str, name: str, country: str, lat: float, lon: float) -> Place:
    return Place(
        id=PlaceId(pid), name=name, country=country, lat=lat, lon=lon,
        lodging_per_night=LODGING,
    )  # fmt: skip


CEBU = _place("PH-CEB", "Cebu City", "PH", 10.3157, 123.8854)
TAGBILARAN = _place("PH-TAG", "Tagbilaran", "PH", 9.6475, 123.8556)
ILOILO = _place("PH-ILO", "Iloilo", "PH", 10.7202, 122.5621)
JORDAN = _place("PH-JOR", "Jordan, Guimaras", "PH", 10.6581, 122.5961)
CAGAYAN = _place("PH-CGY", "Cagayan de Oro", "PH", 8.4542, 124.6319)
VISAYAS = (CEBU, TAGBILARAN, ILOILO, JORDAN, CAGAYAN)
#: OceanJet's fast ferry Cebu - Tagbilaran (about 2 h).
FAST_FERRY = Link(
    origin=CEBU.id, destination=TAGBILARAN.id, mode=TravelMode.BOAT,
    duration_min=120, cost_per_person=Decimal("15"),
    departures=(time(6, 0), time(8, 20), time(13, 0), time(15, 40)),
)  # fmt: skip

KRATIE = _place("KH-KRT", "Kratie", "KH", 12.4881, 106.0188)
KOH_TRONG = _place("KH-KTR", "Koh Trong", "KH", 12.5020, 106.0030)
PHNOM_PENH = _place("KH-PNP", "Phnom Penh", "KH", 11.5625, 104.9160)
#: The ferry across the Mekong from Kratie's waterfront to Koh Trong.
KOH_TRONG_FERRY = Link(
    origin=KRATIE.id, destination=KOH_TRONG.id, mode=TravelMode.BOAT,
    duration_min=15, cost_per_person=Decimal("1"),
)  # fmt: skip
#: National Road 7 and 73 from Phnom Penh to Kratie: Kratie is on the road.
KRATIE_ROAD = Link(
    origin=PHNOM_PENH.id, destination=KRATIE.id, mode=TravelMode.ROAD,
    duration_min=300,
)  # fmt: skip
#: A homestay with its own coordinates on Koh Trong.
HOMESTAY = Site(
    id=SiteId("KTR-1"), name="Koh Trong community homestay", country="KH",
    place=KOH_TRONG.id, lat=12.5060, lon=106.0000, duration_min=90,
)  # fmt: skip

DONG_HOI = Place(
    id=PlaceId("VDH"), name="Dong Hoi Airport", country="VN", lat=17.5150,
    lon=106.5907, kind=PlaceKind.AIRPORT,
)  # fmt: skip
CAN_THO = Place(
    id=PlaceId("VCA"), name="Can Tho International Airport", country="VN",
    lat=10.0851, lon=105.7119, kind=PlaceKind.AIRPORT,
)  # fmt: skip


def route(start: Place, end: Place | None = None, **changes: object) -> RouteSettings:
    """Return a three-day route from ``start`` to ``end`` (``start`` if None)."""
    return RouteSettings(
        name="Islands", start_date=date(2027, 3, 1), end_date=date(2027, 3, 3),
        start_place=start.id, end_place=(end or start).id, **changes,  # type: ignore[arg-type]
    )  # fmt: skip


def visayas(*sites: Site, links: tuple[Link, ...] = (FAST_FERRY,)) -> Project:
    """Return the Philippine project: five island towns and the Cebu-Bohol ferry."""
    return Project(route=route(CEBU), places=VISAYAS, links=links, sites=sites)


def mekong_island() -> Project:
    """Return Phnom Penh, Kratie and Koh Trong with the ferry and a homestay."""
    return Project(
        route=route(PHNOM_PENH),
        places=(PHNOM_PENH, KRATIE, KOH_TRONG),
        links=(KOH_TRONG_FERRY, KRATIE_ROAD),
        sites=(HOMESTAY,),
    )
