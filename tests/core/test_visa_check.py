"""Tests of the visa check on a hand-made Cambodia / Viet Nam plan."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from lrplanner.core.ids import ParticipantId, PlaceId, SiteId
from lrplanner.core.people import Gender, Participant
from lrplanner.core.places import TravelMode
from lrplanner.core.plan import DayPlan, Event, EventKind, Itinerary
from lrplanner.core.visa_check import (
    NO_RULE,
    OWN_COUNTRY,
    CountryStay,
    VisaEntry,
    country_stays,
    visa_entries,
)
from lrplanner.core.visas import Requirement, VisaRule
from tests.helpers import small_project

KH, VN = "Asia/Phnom_Penh", "Asia/Ho_Chi_Minh"
D1, D2, D3, D4, D5 = (date(2027, 3, n) for n in range(1, 6))


def _at(day: date, hour: int, tz: str) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=ZoneInfo(tz))


def _visit(day: date, site: str, tz: str, hour: int = 9) -> Event:
    return Event(
        kind=EventKind.VISIT,
        start=_at(day, hour, tz),
        end=_at(day, hour + 2, tz),
        title=f"Visit {site}",
        tz=tz,
        site=SiteId(site),
    )


def _leg(day: date, hours: tuple[int, int], route: str, **extra: object) -> Event:
    origin, destination = route.split(">")
    start_tz, end_tz = (KH, VN) if origin != "SGN" else (VN, KH)
    end_day = extra.pop("end_day", day)
    assert isinstance(end_day, date)
    return Event(
        kind=EventKind.TRAVEL,
        start=_at(day, hours[0], start_tz),
        end=_at(end_day, hours[1], end_tz),
        title="Travel",
        tz=start_tz,
        origin=PlaceId(origin),
        destination=PlaceId(destination),
        mode=TravelMode.ROAD,
        **extra,  # type: ignore[arg-type]
    )


def _plan() -> Itinerary:
    """Return KH 1-2 Mar, VN 2-4 Mar (a rest day), KH 4-5 Mar, VN 5 Mar."""
    via = (PlaceId("BAV"),)
    return Itinerary(
        days=(
            DayPlan(
                day=D1,
                events=(_visit(D1, "KH-TK1", KH),),
                overnight=PlaceId("PNH"),
            ),
            DayPlan(
                day=D2,
                events=(
                    _leg(D2, (7, 13), "PNH>SGN", via=via),
                    _visit(D2, "VN-BT1", VN, hour=14),
                ),
                overnight=PlaceId("SGN"),
            ),
            DayPlan(day=D3, overnight=PlaceId("SGN"), rest=True),
            DayPlan(
                day=D4, events=(_leg(D4, (7, 9), "SGN>PNH"),), overnight=PlaceId("PNH")
            ),
            DayPlan(day=D5, events=(_leg(D5, (15, 17), "PNH>SGN"),)),
        )
    )


def _person(pid: str, country: str) -> Participant:
    return Participant(
        id=ParticipantId(pid),
        name=f"Person {pid}",
        gender=Gender.FEMALE,
        country=country,
    )


def _rule(
    nationality: str, destination: str, requirement: str, **more: object
) -> VisaRule:
    return VisaRule(
        nationality=nationality,
        destination=destination,
        requirement=Requirement(requirement),
        **more,  # type: ignore[arg-type]
    )


Entries = dict[tuple[str, str, int], VisaEntry]


@pytest.fixture
def entries() -> Entries:
    """Return the visa entries of four participants on the hand-made plan."""
    project = small_project().with_changes(
        participants=(
            _person("P01", "NP"),
            _person("P02", "VN"),
            _person("P03", "PH"),
            _person("P04", "LK"),
        ),
        visas=(
            _rule("NP", "KH", "visa", max_days=30, note="single entry"),
            _rule("NP", "VN", "e-visa", max_days=90),
            _rule("VN", "KH", "none", max_days=30, note="ASEAN"),
            _rule("PH", "KH", "none", max_days=21),
            _rule("PH", "VN", "none", max_days=2, note="check the day limit"),
        ),
    )
    found = visa_entries(project, _plan())
    return {(e.participant.id, e.stay.country, e.number): e for e in found}


def test_stays_follow_the_days_in_order() -> None:
    """Tests that a country left and entered again is two stays, both dates counted."""
    stays = country_stays(small_project(), _plan())
    assert stays == (
        CountryStay(country="KH", entry=D1, last=D2),
        CountryStay(country="VN", entry=D2, last=D4),
        CountryStay(country="KH", entry=D4, last=D5),
        CountryStay(country="VN", entry=D5, last=D5),
    )
    assert [s.days for s in stays] == [2, 3, 2, 1]


def test_every_participant_has_every_entry(entries: Entries) -> None:
    """Tests that each participant gets one entry per stay, numbered per country."""
    assert len(entries) == 4 * 4
    assert entries["P01", "KH", 2].stay.entry == D4


def test_own_nationality_needs_nothing(entries: Entries) -> None:
    """Tests that a participant entering their own country needs nothing, unflagged."""
    own = entries["P02", "VN", 1]
    assert (own.need, own.rule, own.flags) == (OWN_COUNTRY, None, ())
    abroad = entries["P02", "KH", 1]
    assert (abroad.need, abroad.flags) == ("none", ())


def test_unknown_pair_says_no_rule_entered(entries: Entries) -> None:
    """Tests that a pair without a rule says so and claims nothing else."""
    entry = entries["P04", "KH", 1]
    assert entry.need == NO_RULE
    assert entry.rule is None
    [flag] = entry.flags
    assert flag.startswith("no rule entered for LK nationals entering KH")


def test_a_stay_longer_than_allowed_is_flagged(entries: Entries) -> None:
    """Tests that 3 days in VN on a 2-day rule is flagged, with the check note."""
    entry = entries["P03", "VN", 1]
    assert entry.need == "none"
    assert entry.flags == (
        "stays 3 days, longer than the 2 days allowed",
        "the rule is marked 'check': confirm it before booking",
    )
    assert entries["P03", "VN", 2].flags == (
        "the rule is marked 'check': confirm it before booking",
    )
    assert entries["P03", "KH", 1].flags == ()


def test_a_second_entry_on_a_visa_is_flagged(entries: Entries) -> None:
    """Tests that re-entering on a visa applied for beforehand asks for multiple
    entries, and that visa-free re-entries are not flagged."""
    assert entries["P01", "KH", 1].flags == ()
    assert entries["P01", "KH", 2].flags == (
        "entry 2 into KH: a single-entry visa does not cover it; "
        "ask for multiple entries",
    )
    assert entries["P01", "VN", 2].need == "e-visa"
    assert "entry 2 into VN" in entries["P01", "VN", 2].flags[0]
    assert entries["P02", "KH", 2].flags == ()


def test_a_night_bus_enters_on_the_morning_it_arrives() -> None:
    """Tests that a leg over midnight enters the next country on its arrival date."""
    night = _leg(D1, (21, 6), "PNH>SGN", end_day=D2)
    plan = Itinerary(
        days=(
            DayPlan(
                day=D1,
                events=(_visit(D1, "KH-TK1", KH), night),
                overnight=PlaceId("SGN"),
                on_board=True,
            ),
            DayPlan(day=D2, events=(_visit(D2, "VN-BT1", VN),)),
        )
    )
    assert country_stays(small_project(), plan) == (
        CountryStay(country="KH", entry=D1, last=D1),
        CountryStay(country="VN", entry=D2, last=D2),
    )


def test_an_empty_plan_enters_nothing() -> None:
    """Tests that a plan without days gives no stays and no entries."""
    assert country_stays(small_project(), Itinerary(days=())) == ()
    assert visa_entries(small_project(), Itinerary(days=())) == ()


def test_own_arrival_and_departure_stretch_the_first_and_last_stay() -> None:
    """Tests that landing two days early in Cambodia and flying home a day
    late from Viet Nam count in those stays, and that a flight through an
    airport in another country than the stay's stretches nothing."""
    early = replace(
        _person("P01", "NP"),
        arrival_date=date(2027, 2, 27),
        arrival_airport=PlaceId("PNH"),
        departure_date=date(2027, 3, 6),
        departure_airport=PlaceId("SGN"),
    )
    elsewhere = replace(
        _person("P02", "NP"),
        arrival_date=date(2027, 2, 27),
        arrival_airport=PlaceId("SGN"),
        departure_date=date(2027, 3, 6),
        departure_airport=PlaceId("PNH"),
    )
    project = small_project().with_changes(participants=(early, elsewhere))
    found = visa_entries(project, _plan())
    stays: dict[tuple[str, str, int], CountryStay] = {
        (e.participant.id, e.stay.country, e.number): e.stay for e in found
    }
    assert stays["P01", "KH", 1] == CountryStay(
        country="KH", entry=date(2027, 2, 27), last=D2
    )
    assert stays["P01", "VN", 2] == CountryStay(
        country="VN", entry=D5, last=date(2027, 3, 6)
    )
    assert stays["P01", "KH", 2] == CountryStay(country="KH", entry=D4, last=D5)
    assert stays["P02", "KH", 1] == CountryStay(country="KH", entry=D1, last=D2)
    assert stays["P02", "VN", 2] == CountryStay(country="VN", entry=D5, last=D5)
