"""Tests of the per-kind cell parsers."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest

from lrplanner.core.columns import SHEETS, Kind
from lrplanner.core.people import Gender
from lrplanner.core.places import PlaceKind, TravelMode
from lrplanner.core.timespan import DateRange, TimeWindow
from lrplanner.importers import cells, multicells
from lrplanner.importers.cells import CellError, ErrorCell, FormulaCell, PercentCell


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2027-03-01", date(2027, 3, 1)),
        (" 2027-3-1 ", date(2027, 3, 1)),
        (datetime(2027, 3, 1, 0, 0), date(2027, 3, 1)),
        (date(2027, 3, 1), date(2027, 3, 1)),
        ("25/03/2027", date(2027, 3, 25)),
        ("03/25/2027", date(2027, 3, 25)),
        ("04/04/2027", date(2027, 4, 4)),
    ],
)
def test_parse_date(value: object, expected: date) -> None:
    """Tests that ISO text, date cells and unambiguous d/m/y are read."""
    assert cells.parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("03/04/2027", "03/04/2027 is ambiguous"),
        ("2027-02-30", "no such date"),
        ("next monday", "YYYY-MM-DD"),
        (46447, "YYYY-MM-DD"),
    ],
)
def test_parse_date_refuses(value: object, message: str) -> None:
    """Tests that ambiguous, impossible and free-text dates are refused."""
    with pytest.raises(CellError, match=message):
        cells.parse_date(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("08:30", time(8, 30)),
        ("8:05", time(8, 5)),
        ("17:00:00", time(17, 0)),
        (time(7, 59, 59, 999000), time(8, 0)),
        (0.5, time(12, 0)),
        (1 / 3, time(8, 0)),
        (datetime(1899, 12, 30, 16, 45), time(16, 45)),
        (timedelta(hours=9, minutes=15), time(9, 15)),
    ],
)
def test_parse_time(value: object, expected: time) -> None:
    """Tests times from text, time cells, day fractions and timedeltas."""
    assert cells.parse_time(value) == expected


@pytest.mark.parametrize("value", ["25:00", "8 sharp", 1.5, True, "12:60", "13pm"])
def test_parse_time_refuses(value: object) -> None:
    """Tests that impossible or free-form times are refused."""
    with pytest.raises(CellError, match="HH:MM"):
        cells.parse_time(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("150", Decimal("150")),
        ("1,200.50", Decimal("1200.50")),
        (0.1, Decimal("0.1")),
        (12, Decimal("12")),
        (Decimal("3.25"), Decimal("3.25")),
    ],
)
def test_parse_money(value: object, expected: Decimal) -> None:
    """Tests that amounts become exact Decimals without float noise."""
    assert cells.parse_money(value) == expected
    assert str(cells.parse_money(0.1)) == "0.1"


@pytest.mark.parametrize("value", ["$1200", "-5", "12,5", float("nan"), True, "1e400"])
def test_parse_money_refuses(value: object) -> None:
    """Tests that signs, negatives, comma decimals and NaN are refused."""
    with pytest.raises(CellError, match="an amount"):
        cells.parse_money(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("5", 5),
        ("5%", 5),
        (" 7.5 % ", Decimal("7.5")),
        (PercentCell(0.05), 5),
        (10, 10),
    ],
)
def test_parse_percent(value: object, expected: Decimal) -> None:
    """Tests that 5, 5% and a %-formatted 0.05 all mean five percent."""
    assert cells.parse_percent(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("yes", True), ("Y", True), ("x", True), (1, True), ("no", False), (False, False)],
)
def test_parse_bool(value: object, expected: bool) -> None:
    """Tests the accepted spellings of yes and no."""
    assert cells.parse_bool(value) is expected


@pytest.mark.parametrize(
    ("parse", "value", "expected"),
    [
        (cells.parse_gender, "female", Gender.FEMALE),
        (cells.parse_gender, "m", Gender.MALE),
        (cells.parse_mode, "Ferry", TravelMode.BOAT),
        (cells.parse_place_kind, "Border post", PlaceKind.BORDER),
        (cells.parse_country, "viet nam", "VN"),
        (cells.parse_country, "np", "NP"),
        (cells.parse_currency, "usd", "USD"),
        (cells.parse_id, 101.0, "101"),
        (cells.parse_text, 12.0, "12"),
    ],
)
def test_parse_codes(parse: object, value: object, expected: object) -> None:
    """Tests the choice and code parsers, including synonyms and case."""
    assert callable(parse)
    assert parse(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "08:00-11:30, 13:30-17:00",
            (TimeWindow(time(8), time(11, 30)), TimeWindow(time(13, 30), time(17))),
        ),
        ("closed", ()),
        ("06:00 \u2013 24:00", (TimeWindow(time(6), time(23, 59)),)),
    ],
)
def test_parse_hours(value: str, expected: tuple[TimeWindow, ...]) -> None:
    """Tests opening windows, 'closed' and a 24:00 closing time."""
    assert multicells.parse_hours(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("17:00-08:00", "closes before"),
        ("08:00-12:00, 11:00-13:00", "do not overlap"),
        ("morning", "HH:MM-HH:MM"),
    ],
)
def test_parse_hours_refuses(value: str, message: str) -> None:
    """Tests that reversed and overlapping windows are refused."""
    with pytest.raises(CellError, match=message):
        multicells.parse_hours(value)


def test_parse_date_ranges() -> None:
    """Tests '..', 'to' and ' - ' ranges and single days."""
    assert multicells.parse_date_ranges(
        "2027-03-01..2027-03-05; 2027-03-07 to 2027-03-08, 2027-03-09 - 2027-03-10"
    ) == (
        DateRange(date(2027, 3, 1), date(2027, 3, 5)),
        DateRange(date(2027, 3, 7), date(2027, 3, 8)),
        DateRange(date(2027, 3, 9), date(2027, 3, 10)),
    )
    assert multicells.parse_date_ranges(datetime(2027, 3, 2)) == (
        DateRange(date(2027, 3, 2), date(2027, 3, 2)),
    )
    with pytest.raises(CellError, match="ends on or after its start"):
        multicells.parse_date_ranges("2027-03-05..2027-03-01")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Mon;Wed;Fri", {0, 2, 4}),
        ("Mon-Fri", {0, 1, 2, 3, 4}),
        ("Fri-Mon", {4, 5, 6, 0}),
        ("daily", set(range(7))),
        ("saturday", {5}),
    ],
)
def test_parse_weekdays(value: str, expected: set[int]) -> None:
    """Tests weekday lists, spans (also across the week end) and 'daily'."""
    assert multicells.parse_weekdays(value) == frozenset(expected)


def test_markers_are_refused_with_reason() -> None:
    """Tests that Excel errors and formulas without results explain themselves."""
    with pytest.raises(CellError, match="Excel error #N/A"):
        cells.parse_int(ErrorCell("#N/A"))
    with pytest.raises(CellError, match="no saved result"):
        cells.parse_text(FormulaCell("=A1+1"))


def test_every_kind_has_a_parser() -> None:
    """Tests that each column kind used by a sheet has a parser."""
    kinds = {column.kind for sheet in SHEETS for column in sheet.columns}
    assert kinds <= set(multicells.PARSERS)
    assert set(Kind) == set(multicells.PARSERS)
