"""Real places of the Mekong and South Asia used by the network tests."""

from __future__ import annotations

from datetime import time
from decimal import Decimal

from lrplanner.core.ids import PlaceId
from lrplanner.core.places import Link, Place, PlaceKind, TravelMode
from lrplanner.core.timespan import OpeningHours, TimeWindow

BAVET_HOURS = OpeningHours.same_every_day([TimeWindow(time(6, 0), time(22, 0))])


def city(pid: str, name: str, country: str, lat: float, lon: float) -> Place:
    """Return a city place."""
    return Place(id=PlaceId(pid), name=name, country=country, lat=lat, lon=lon)


def airport(pid: str, country: str, lat: float, lon: float) -> Place:
    """Return an airport place named by its code."""
    return Place(
        id=PlaceId(pid), name=pid, country=country, lat=lat, lon=lon,
        kind=PlaceKind.AIRPORT,
    )  # fmt: skip


PHNOM_PENH = city("PP", "Phnom Penh", "KH", 11.5564, 104.9282)
HCMC = city("HCM", "Ho Chi Minh City", "VN", 10.7769, 106.7009)
BAVET = Place(
    id=PlaceId("BAVET"), name="Bavet / Moc Bai", country="KH", other_country="VN",
    kind=PlaceKind.BORDER, lat=11.0786, lon=106.1603, opening=BAVET_HOURS,
)  # fmt: skip
PNH = airport("PNH", "KH", 11.5466, 104.8441)
SGN = airport("SGN", "VN", 10.8188, 106.6520)
KTM = airport("KTM", "NP", 27.6966, 85.3591)
DAC = airport("DAC", "BD", 23.8433, 90.3978)
VIENTIANE = city("VTE", "Vientiane", "LA", 17.9757, 102.6331)
HANOI = city("HAN", "Hanoi", "VN", 21.0278, 105.8342)

KTM_DAC = Link(
    origin=PlaceId("KTM"), destination=PlaceId("DAC"), mode=TravelMode.FLIGHT,
    duration_min=75, cost_per_person=Decimal("180"), departures=(time(10, 0),),
    weekdays=frozenset({0, 2, 4}), both_ways=False,
)  # fmt: skip

#: Phnom Penh, Bavet, Ho Chi Minh City and both cities' airports.
MEKONG = (PHNOM_PENH, BAVET, HCMC, PNH, SGN)
