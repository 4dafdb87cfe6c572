"""Tests of local/absolute time from coordinates and of public holidays."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from lrplanner.core.calendar import (
    is_public_holiday,
    local_to_utc,
    public_holidays,
    timezone_at,
    utc_offset_text,
    utc_to_local,
    zone_for,
)
from lrplanner.core.ids import PlaceId
from lrplanner.core.places import Place


@pytest.mark.parametrize(
    ("lat", "lon", "zone", "offset"),
    [
        (27.7172, 85.3240, "Asia/Kathmandu", "+05:45"),
        (23.8103, 90.4125, "Asia/Dhaka", "+06:00"),
        (11.5564, 104.9282, "Asia/Phnom_Penh", "+07:00"),
        (17.9757, 102.6331, "Asia/Vientiane", "+07:00"),
        (13.7563, 100.5018, "Asia/Bangkok", "+07:00"),
        (14.5995, 120.9842, "Asia/Manila", "+08:00"),
    ],
)
def test_zone_and_offset_of_capitals(lat, lon, zone, offset):
    """Tests that capitals get their IANA zone and UTC offset from coordinates."""
    name = timezone_at(lat, lon)
    noon = datetime(2027, 3, 1, 12, 0, tzinfo=ZoneInfo(name))
    assert (name, utc_offset_text(noon)) == (zone, offset)


def test_hanoi_is_utc_plus_7():
    """Tests that Hanoi, whichever +7 zone the data names, is UTC+7."""
    name = timezone_at(21.0278, 105.8342)
    assert name in {"Asia/Bangkok", "Asia/Ho_Chi_Minh"}
    assert utc_offset_text(datetime(2027, 7, 1, tzinfo=ZoneInfo(name))) == "+07:00"


def test_point_just_off_the_coast_takes_nearest_land_zone():
    """Tests that a point a little out at sea takes the nearby land's zone."""
    assert timezone_at(10.0, 109.35) == "Asia/Ho_Chi_Minh"


def test_open_sea_takes_the_nautical_zone():
    """Tests that the open sea, far from land, falls back to the nautical zone."""
    assert timezone_at(9.0, 109.5) == "Etc/GMT-7"


def test_off_the_globe_is_an_error():
    """Tests that impossible coordinates raise a ValueError naming them."""
    with pytest.raises(ValueError, match=r"\(95.0, 10.0\) are off the globe"):
        timezone_at(95.0, 10.0)


def test_place_tz_wins_over_coordinates():
    """Tests that a place's own tz overrides the zone of its coordinates."""
    place = Place(
        id=PlaceId("KTM"), name="Kathmandu", country="NP", lat=27.7, lon=85.3,
        tz="Asia/Dhaka",
    )  # fmt: skip
    assert zone_for(place) == ZoneInfo("Asia/Dhaka")
    plain = Place(id=PlaceId("K"), name="K", country="NP", lat=27.7, lon=85.3)
    assert zone_for(plain) == ZoneInfo("Asia/Kathmandu")


def test_unknown_place_tz_is_a_value_error():
    """Tests that a misspelt tz on a place raises a ValueError naming it."""
    place = Place(id=PlaceId("X"), name="X", country="NP", lat=1, lon=1, tz="Mars/Base")
    with pytest.raises(ValueError, match="unknown time zone 'Mars/Base'"):
        zone_for(place)


def test_local_to_utc_and_back_in_nepal():
    """Tests that 10:00 in Kathmandu is 04:15 UTC and converts back."""
    nepal = ZoneInfo("Asia/Kathmandu")
    moment = local_to_utc(datetime(2027, 3, 1, 10, 0), nepal)
    assert moment == datetime(2027, 3, 1, 4, 15, tzinfo=UTC)
    back = utc_to_local(moment, nepal)
    assert (back.hour, back.minute, utc_offset_text(back)) == (10, 0, "+05:45")


def test_local_to_utc_converts_an_aware_time():
    """Tests that an aware time keeps its instant through local_to_utc."""
    dhaka = datetime(2027, 3, 1, 11, 30, tzinfo=ZoneInfo("Asia/Dhaka"))
    assert local_to_utc(dhaka, ZoneInfo("Asia/Kathmandu")).hour == 5


def test_naive_times_are_refused_where_the_instant_is_unknown():
    """Tests that utc_to_local and utc_offset_text refuse naive datetimes."""
    with pytest.raises(ValueError, match="aware"):
        utc_to_local(datetime(2027, 1, 1), ZoneInfo("Asia/Dhaka"))
    with pytest.raises(ValueError, match="aware"):
        utc_offset_text(datetime(2027, 1, 1))


def test_negative_offset_text():
    """Tests that offsets west of Greenwich are written with a minus sign."""
    winter = datetime(2027, 1, 15, tzinfo=ZoneInfo("America/St_Johns"))
    assert utc_offset_text(winter) == "-03:30"


@pytest.mark.parametrize(
    ("country", "day", "name"),
    [
        ("VN", date(2027, 4, 30), "Liberation Day/Reunification Day"),
        ("KH", date(2027, 11, 9), "National Independence Day"),
        ("NP", date(2027, 5, 29), "Republic Day"),
        ("vn", date(2027, 9, 2), "National Day"),
    ],
)
def test_known_public_holidays_in_2027(country, day, name):
    """Tests that known 2027 national holidays are found with their names."""
    assert is_public_holiday(country, day) == name
    assert public_holidays(country, 2027)[day] == name


def test_working_day_is_not_a_holiday():
    """Tests that an ordinary Tuesday is no public holiday in Viet Nam."""
    assert is_public_holiday("VN", date(2027, 3, 2)) is None


def test_unknown_country_has_no_holidays():
    """Tests that a country the holidays package lacks gives an empty mapping."""
    assert dict(public_holidays("XX", [2027, 2028])) == {}
    assert is_public_holiday("XX", date(2027, 1, 1)) is None


def test_holidays_of_several_years_are_merged():
    """Tests that asking for two years returns both years' holidays."""
    both = public_holidays("VN", range(2027, 2029))
    assert both[date(2027, 4, 30)] == both[date(2028, 4, 30)]
    assert len(both) == len(public_holidays("VN", 2027)) + len(
        public_holidays("VN", 2028)
    )
