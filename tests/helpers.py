"""Hand-built realistic domain objects shared by the tests."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

from lrplanner.core.ids import ChampionId, ParticipantId, PlaceId, SiteId
from lrplanner.core.people import Champion, Gender, Participant
from lrplanner.core.places import Link, Place, PlaceKind, TravelMode
from lrplanner.core.project import Project
from lrplanner.core.route import CostRates, RouteSettings
from lrplanner.core.sites import Site
from lrplanner.core.timespan import DateRange, OpeningHours, TimeWindow

OFFICE = (TimeWindow(time(8, 0), time(11, 30)), TimeWindow(time(13, 30), time(17, 0)))
WEEKDAYS_ONLY = OpeningHours(by_weekday=(OFFICE,) * 5 + ((), ()))


def small_route() -> RouteSettings:
    """Return a 5-day Cambodia / Viet Nam route frame."""
    return RouteSettings(
        name="Mekong Delta Learning Route",
        start_date=date(2027, 3, 1),
        end_date=date(2027, 3, 5),
        start_place=PlaceId("PNH"),
        end_place=PlaceId("SGN"),
        rest_days=(date(2027, 3, 3),),
        budget_cap=Decimal("25000"),
        contingency_pct=Decimal("5"),
        interpreters=1,
        rates=CostRates(
            vehicle_per_day=Decimal("180"), interpreter_per_day=Decimal("120")
        ),
    )


def small_places() -> tuple[Place, ...]:
    """Return Phnom Penh, the Bavet border post and Ho Chi Minh City."""
    return (
        Place(
            id=PlaceId("PNH"),
            name="Phnom Penh",
            country="KH",
            lat=11.5564,
            lon=104.9282,
            lodging_per_night=Decimal("45"),
            per_diem=Decimal("50"),
        ),
        Place(
            id=PlaceId("BAV"),
            name="Bavet / Mộc Bài",
            country="KH",
            other_country="VN",
            lat=11.0786,
            lon=106.1603,
            kind=PlaceKind.BORDER,
            opening=OpeningHours.same_every_day([TimeWindow(time(6), time(22))]),
        ),
        Place(
            id=PlaceId("SGN"),
            name="Thành phố Hồ Chí Minh",
            country="VN",
            lat=10.7769,
            lon=106.7009,
            lodging_per_night=Decimal("50"),
            per_diem=Decimal("55"),
        ),
    )


def small_project() -> Project:
    """Return a small but complete, realistic project."""
    sites = (
        Site(
            id=SiteId("KH-TK1"),
            name="Takeo rice seed cooperative",
            country="KH",
            host="Angk Ta Saom agricultural cooperative",
            lat=10.9908,
            lon=104.7850,
            themes=("value chains and market access",),
            value=8,
            duration_min=150,
            opening=WEEKDAYS_ONLY,
            champions=(ChampionId("CH01"),),
            fee_per_group=Decimal("100"),
            capacity=30,
        ),
        Site(
            id=SiteId("VN-BT1"),
            name="Bến Tre women's savings group",
            country="VN",
            host="Hội Liên hiệp Phụ nữ Bến Tre",
            place=PlaceId("SGN"),
            themes=("rural finance", "women's empowerment"),
            value=9,
            available=(DateRange(date(2027, 3, 4), date(2027, 3, 5)),),
            blackouts=(date(2027, 3, 5),),
            champions=(ChampionId("CH02"),),
            required=True,
            notes={"Remarks": "bring rain gear"},
        ),
    )
    champions = (
        Champion(
            id=ChampionId("CH01"),
            name="Sok Sreymom",
            gender=Gender.FEMALE,
            country="KH",
            birth_year=1996,
            sites=(SiteId("KH-TK1"),),
            honorarium=Decimal("50"),
            languages=("Khmer", "English"),
        ),
        Champion(
            id=ChampionId("CH02"),
            name="Nguyễn Văn Hùng",
            gender=Gender.MALE,
            country="VN",
            birth_year=1978,
            sites=(SiteId("VN-BT1"),),
            available=(DateRange(date(2027, 3, 4), date(2027, 3, 5)),),
        ),
    )
    participants = (
        Participant(
            id=ParticipantId("P01"),
            name="Sita Gurung",
            gender=Gender.FEMALE,
            country="NP",
            home_city="Pokhara",
            fare_to_start=Decimal("420.50"),
        ),
        Participant(
            id=ParticipantId("P02"),
            name="Farzana Akter",
            gender=Gender.FEMALE,
            country="BD",
            dietary="halal",
        ),
    )
    links = (
        Link(
            origin=PlaceId("PNH"),
            destination=PlaceId("SGN"),
            mode=TravelMode.FLIGHT,
            duration_min=55,
            cost_per_person=Decimal("120"),
            weekdays=frozenset({0, 2, 4}),
            departures=(time(7, 30), time(16, 45)),
        ),
    )
    return Project(
        route=small_route(),
        sites=sites,
        champions=champions,
        participants=participants,
        places=small_places(),
        links=links,
    )
