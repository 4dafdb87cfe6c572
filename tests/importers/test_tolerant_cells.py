"""Tests of the forms officers really type: each accepted form, each refusal."""

from __future__ import annotations

import time as clock
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lrplanner.core.timespan import DateRange, TimeWindow
from lrplanner.importers import cells, multicells, read_inputs
from lrplanner.importers.cells import CellError
from lrplanner.importers.cleantext import collect_notes
from lrplanner.importers.readme import INTRO
from tests.importers.mekong import write_csv_folder, write_workbook

if TYPE_CHECKING:
    from pathlib import Path

    from lrplanner.importers import ImportResult
    from tests.importers.mekong import Rows

APRIL_1 = date(2027, 4, 1)


@pytest.mark.parametrize(
    "text",
    [
        "2027-04-01",
        "2027/04/01",
        "2027.04.01",
        "2027-4-1",
        "2027-04-01 00:00:00",
        "01 Apr 2027",
        "1 April 2027",
        "1-Apr-2027",
        "1st April 2027",
        "APRIL 1, 2027",
        "Apr. 1 2027",
        " 1 april  2027 ",
    ],
)
def test_date_forms(text: str) -> None:
    """Tests that every documented date form gives the same day."""
    assert cells.parse_date(text) == APRIL_1


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1/4/2027", "write 2027-04-01 or 2027-01-04"),
        ("01.04.2027", "is ambiguous"),
        ("1 Avril 2027", "unknown month 'avril'"),
        ("31 Apr 2027", "no such date"),
        ("1999-12-31", "from 2000-01-01 to 2100-12-31"),
        ("2101-01-01", "from 2000-01-01 to 2100-12-31"),
        (datetime(1900, 2, 28), "1900-02-28 is outside"),  # Excel serial 60
        (date(2150, 1, 1), "2150-01-01 is outside"),
        ("2027-04-01" * 1000, "YYYY-MM-DD"),
    ],
)
def test_date_refusals(value: object, message: str) -> None:
    """Tests that ambiguous, unknown, impossible and far-off dates are refused."""
    with pytest.raises(CellError, match=message):
        cells.parse_date(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18:00", time(18)),
        ("18.00", time(18)),
        ("18h00", time(18)),
        ("18h", time(18)),
        ("1800", time(18)),
        ("0830", time(8, 30)),
        ("6:00 PM", time(18)),
        ("6 pm", time(18)),
        ("6pm", time(18)),
        ("6.30 p.m.", time(18, 30)),
        ("8am", time(8)),
        ("8 AM", time(8)),
        ("12 am", time(0)),
        ("12:15 pm", time(12, 15)),
        ("noon", time(12)),
    ],
)
def test_time_forms(text: str, expected: time) -> None:
    """Tests 24-hour, dotted, 'h' and am/pm times."""
    assert cells.parse_time(text) == expected


@pytest.mark.parametrize(
    "text", ["13pm", "0 am", "6:75 pm", "18:00:99", "6 p", "2400", "0860", "800"]
)
def test_time_refusals(text: str) -> None:
    """Tests that impossible am/pm and clock times are refused."""
    with pytest.raises(CellError, match="HH:MM"):
        cells.parse_time(text)


EIGHT_TO_FOUR = (TimeWindow(time(8), time(16)),)


@pytest.mark.parametrize(
    "text",
    [
        "8am-4pm",
        "08:00 to 16:00",
        "08:00\u201316:00",
        "08:00 \u2014 16:00",
        "8:00 - 16:00",
        "8.00-16.00",
        "8 am - 4 pm",
        "0800-1600",
    ],
)
def test_hour_range_forms(text: str) -> None:
    """Tests the separators and time styles of one opening window."""
    assert multicells.parse_hours(text) == EIGHT_TO_FOUR


def test_two_windows_and_an_end_of_day() -> None:
    """Tests am/pm windows side by side and 'midnight' as a closing time."""
    assert multicells.parse_hours("8am-12pm, 1pm-5pm") == (
        TimeWindow(time(8), time(12)),
        TimeWindow(time(13), time(17)),
    )
    assert multicells.parse_hours("6pm to midnight") == (
        TimeWindow(time(18), time(23, 59)),
    )


@pytest.mark.parametrize(
    "text", ["closed", "Closed.", "-", "\u2013", "\u2014", "none", "n/a", "N/A", "na"]
)
def test_closed_markers(text: str) -> None:
    """Tests every documented way of writing a closed day."""
    assert multicells.parse_hours(text) == ()


def test_no_is_closed_too() -> None:
    """Tests that 'no' in an hours cell means closed, not an error."""
    assert multicells.parse_hours("No") == ()


def test_bad_window_names_the_window_format() -> None:
    """Tests that a bad time inside a window still says what a window is."""
    with pytest.raises(CellError, match="HH:MM-HH:MM"):
        multicells.parse_hours("8am-4xx")


APRIL_5_6 = DateRange(date(2027, 4, 5), date(2027, 4, 6))


@pytest.mark.parametrize(
    "text",
    [
        "2027-04-05..2027-04-06",
        "2027-04-05 .. 2027-04-06",
        "2027-04-05...2027-04-06",
        "2027-04-05\u20262027-04-06",
        "2027-04-05 to 2027-04-06",
        "2027-04-05\u20132027-04-06",
        "2027-04-05 \u2013 2027-04-06",
        "2027-04-05\u20142027-04-06",
        "2027-04-05 - 2027-04-06",
        "2027-04-05-2027-04-06",
        "5 Apr 2027 to 6 Apr 2027",
        "2027/04/05..2027/04/06",
    ],
)
def test_date_range_forms_in_both_kinds_of_column(text: str) -> None:
    """Tests that a range reads alike in Available dates and in Blackout dates."""
    assert multicells.parse_date_ranges(text) == (APRIL_5_6,)
    assert multicells.parse_dates(text) == (date(2027, 4, 5), date(2027, 4, 6))


def test_dates_column_mixes_days_and_ranges() -> None:
    """Tests a blackout list of single days and ranges, without repeats."""
    assert multicells.parse_dates("2027-04-01; 2027-04-05..2027-04-07, 2027-04-06") == (
        APRIL_1,
        date(2027, 4, 5),
        date(2027, 4, 6),
        date(2027, 4, 7),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2027-04-06..2027-04-05", "ends on or after its start"),
        ("2027-04-05..", "date ranges as"),
        ("2027-01-01 to 2028-06-01", "at most 366 days"),
        ("1999-12-31..2000-01-02", "from 2000-01-01"),
    ],
)
def test_dates_column_refusals(text: str, message: str) -> None:
    """Tests reversed, open, overlong and out-of-bounds ranges in a dates column."""
    with pytest.raises(CellError, match=message):
        multicells.parse_dates(text)


@pytest.mark.parametrize(
    ("value", "year", "note"),
    [
        ("1994", 1994, None),
        (1994, 1994, None),
        (1994.0, 1994, None),
        (datetime(1994, 5, 12), 1994, "the date 1994-05-12 was given"),
        ("1994-05-12", 1994, "its year 1994 is used"),
        ("12 May 1994", 1994, "its year 1994 is used"),
        (datetime(1905, 6, 16), 1994, "formatted as a date (it shows 1905-06-16)"),
    ],
)
def test_year_column_given_a_date(value: object, year: int, note: str | None) -> None:
    """Tests that a year column takes a date's year, or the year typed, noted."""
    with collect_notes() as notes:
        assert cells.parse_year(value) == year
    if note is None:
        assert notes == []
    else:
        [text] = notes
        assert note in text


@pytest.mark.parametrize("value", ["1850", 2200, "born 1994", "1994.5", "12/05/1994"])
def test_year_refusals(value: object) -> None:
    """Tests that years outside 1900-2100 and unclear text are refused."""
    with pytest.raises(CellError, match="four-digit year from 1900 to 2100"):
        cells.parse_year(value)


@pytest.mark.parametrize(
    "text",
    [
        "KH01\u200b",
        "\u200bKH01",
        "KH\u200d01",
        "\ufeffKH01",
        "\u202eKH01\u202c",
        "\u2066KH01\u2069",
        "KH01\u200e",
        "KH01\u200f",
    ],
)
def test_invisible_characters_leave_ids(text: str) -> None:
    """Tests that zero-width, BOM and bidirectional marks are removed from ids."""
    with collect_notes() as notes:
        assert cells.parse_id(text) == "KH01"
    [note] = notes
    assert "U+" in note
    assert "invisible" in note


def test_text_cells_lose_invisible_ends_and_are_nfc() -> None:
    """Tests that text keeps inner joiners but not invisible ends, and is NFC."""
    assert cells.parse_text("\u200b Nguye\u0302\u0303n \u200f") == "Nguy\u1ec5n"
    assert cells.parse_text("\u0915\u094d\u200d\u0937") == "\u0915\u094d\u200d\u0937"


@pytest.mark.parametrize(
    ("parse", "value", "message"),
    [
        (cells.parse_text, "x" * 501, "at most 500 characters"),
        (cells.parse_id, "K" * 41, "up to 40 characters"),
        (multicells.parse_list, "a;" * 1001, "at most 2000 characters"),
        (multicells.parse_list, "a" * 501 + ";b", "at most 500 characters"),
    ],
)
def test_length_limits(parse: object, value: str, message: str) -> None:
    """Tests the documented length limits of text, ids and lists."""
    assert callable(parse)
    with pytest.raises(CellError, match=message):
        parse(value)


@pytest.mark.parametrize(
    "parse",
    [
        cells.parse_text,
        cells.parse_id,
        cells.parse_int,
        cells.parse_money,
        cells.parse_percent,
        cells.parse_date,
        cells.parse_time,
        cells.parse_country,
        multicells.parse_hours,
        multicells.parse_dates,
        multicells.parse_date_ranges,
        multicells.parse_timezone,
        multicells.parse_weekdays,
    ],
)
def test_a_megabyte_cell_is_refused_fast(parse: object) -> None:
    """Tests that a 1 MB cell of digits and spaces is refused in well under 1 s."""
    assert callable(parse)
    huge = "1" * 500_000 + " " * 24_288 + "1" * 524_288
    started = clock.perf_counter()
    with pytest.raises(CellError):
        parse(huge)
    assert clock.perf_counter() - started < 1.0


def test_readme_documents_the_forms() -> None:
    """Tests that the template README names each accepted form and limit."""
    text = " ".join(INTRO)
    for form in (
        "2027/04/01",
        "01 Apr 2027",
        "write 2027-04-01",
        "6:00 PM",
        "8am",
        "2000-01-01 and 2100-12-31",
        "8am-4pm",
        "08:00 to 16:00",
        "n/a",
        "at most 500 characters",
        "Learning value 1-10",
        "UTF-16",
        "Windows-1252",
        "takes its year",
    ):
        assert form in text, form


# --- whole files -----------------------------------------------------------


def _loaded(result: ImportResult) -> ImportResult:
    assert result.project is not None, [e.message() for e in result.errors]
    return result


def test_officer_forms_load_from_a_workbook(rows: Rows, tmp_path: Path) -> None:
    """Tests a workbook typed the way officers do, end to end."""
    rows["Route"][0]["Start date"] = "2027/03/01"
    rows["Route"][0]["End date"] = "10 Mar 2027"
    rows["Route"][0]["Day start"] = "7:30 am"
    site = rows["Sites"][0]
    site["Opening hours"] = "8am-11:30am, 1:30 pm to 5 pm"
    site["Hours Sun"] = "n/a"
    site["Available dates"] = "2027-03-01\u20132027-03-05"
    site["Blackout dates"] = "2027-03-03..2027-03-04"
    rows["Champions"][0]["Birth year"] = datetime(1990, 7, 14)
    result = _loaded(read_inputs(write_workbook(rows, tmp_path / "m.xlsx")))
    project = result.project
    assert project is not None
    assert (project.route.start_date, project.route.end_date) == (
        date(2027, 3, 1),
        date(2027, 3, 10),
    )
    assert project.route.day_start == time(7, 30)
    first = project.sites[0]
    assert first.opening.by_weekday[0] == (
        TimeWindow(time(8), time(11, 30)),
        TimeWindow(time(13, 30), time(17)),
    )
    assert first.opening.by_weekday[6] == ()
    assert first.available == (DateRange(date(2027, 3, 1), date(2027, 3, 5)),)
    assert first.blackouts == (date(2027, 3, 3), date(2027, 3, 4))
    assert project.champions[0].birth_year == 1990
    [year] = [w for w in result.warnings if w.column == "Birth year"]
    assert (year.sheet, year.row) == ("Champions", 2)


def test_excel_serial_60_start_date_is_refused(rows: Rows, tmp_path: Path) -> None:
    """Tests that a start date of 1900-02-28 (serial 60) names the date bounds."""
    rows["Route"][0]["Start date"] = datetime(1900, 2, 28)
    result = read_inputs(write_workbook(rows, tmp_path / "m.xlsx"))
    [error] = [e for e in result.errors if e.column == "Start date"]
    assert "from 2000-01-01 to 2100-12-31" in error.expected


@pytest.mark.parametrize("value", [0, 11, "0"])
def test_learning_value_outside_1_to_10(
    rows: Rows, tmp_path: Path, value: object
) -> None:
    """Tests that the learning value keeps to the README's 1-10."""
    rows["Sites"][0]["Learning value"] = value
    result = read_inputs(write_workbook(rows, tmp_path / "m.xlsx"))
    [error] = [e for e in result.errors if e.column == "Learning value"]
    assert error.expected == "a whole number from 1 to 10"


def test_invisible_id_is_the_same_site_with_a_warning(
    rows: Rows, tmp_path: Path
) -> None:
    """Tests that 'KH-CLC1' + zero-width space is KH-CLC1, with a located warning."""
    rows["Sites"][0]["Site ID"] = "KH-CLC1\u200b"
    rows["Champions"][0]["Site IDs"] = "\u202eKH-CLC1\u202c"
    result = _loaded(read_inputs(write_csv_folder(rows, tmp_path / "csv")))
    assert result.project is not None
    assert result.project.sites[0].id == "KH-CLC1"
    where = {(w.sheet, w.row, w.column) for w in result.warnings if "U+" in w.expected}
    assert where == {("Sites", 2, "Site ID"), ("Champions", 2, "Site IDs")}


def test_invisible_inside_an_id_still_matches_references(
    rows: Rows, tmp_path: Path
) -> None:
    """Tests that champions still find a site whose id hides a zero-width space."""
    rows["Sites"][0]["Site ID"] = "KH\u200b-CLC1"
    result = _loaded(read_inputs(write_csv_folder(rows, tmp_path / "csv")))
    assert result.project is not None
    assert result.project.champions[0].sites[0] == "KH-CLC1"


def test_invisible_duplicate_id_is_a_duplicate(rows: Rows, tmp_path: Path) -> None:
    """Tests that an id differing only by an invisible character is a repeat."""
    rows["Sites"][1]["Site ID"] = "KH-CLC1\u200b"
    result = read_inputs(write_csv_folder(rows, tmp_path / "csv"))
    assert any("already on row 2" in e.expected for e in result.errors)


def test_a_megabyte_name_is_refused(rows: Rows, tmp_path: Path) -> None:
    """Tests that a 1 MB route name is refused quickly, named in a short message."""
    rows["Route"][0]["Route name"] = "Mekong " * 150_000
    path = write_workbook(rows, tmp_path / "m.xlsx")
    started = clock.perf_counter()
    result = read_inputs(path)
    assert clock.perf_counter() - started < 10
    [error] = [e for e in result.errors if e.column == "Route name"]
    assert "at most 500 characters" in error.expected
    assert len(error.message()) < 300


def test_a_long_note_column_is_refused(rows: Rows, tmp_path: Path) -> None:
    """Tests that an extra column kept as a note has a length limit too."""
    rows["Sites"][0]["Comments"] = "x" * 2001
    result = read_inputs(write_csv_folder(rows, tmp_path / "csv"))
    [error] = [e for e in result.errors if e.column == "Comments"]
    assert "at most 2000 characters" in error.expected


QUOTED = "\u201cTram Kak\u201d centre, fee \u20ac5"


def _sites_csv(rows: Rows, folder: Path, encoding: str, delimiter: str = ",") -> None:
    rows["Sites"][0]["Name"] = QUOTED
    rows["Sites"][0]["Host organisation"] = "Coop\u00e9rative d\u2019\u00e9pargne"
    write_csv_folder(rows, folder, delimiter=delimiter)
    sites = folder / "Sites.csv"
    # Vietnamese names on other rows have no Windows-1252 form: "?" there
    sites.write_bytes(sites.read_text(encoding="utf-8").encode(encoding, "replace"))


@pytest.mark.parametrize(
    ("encoding", "delimiter", "warned"),
    [
        ("utf-8", ",", False),
        ("utf-8-sig", ";", False),
        ("utf-16", "\t", False),
        ("utf-16-le", ",", False),
        ("utf-16-be", ",", False),
        ("utf-32", ",", False),
        ("cp1252", ",", True),
    ],
)
def test_csv_encodings(
    rows: Rows, tmp_path: Path, encoding: str, delimiter: str, warned: bool
) -> None:
    """Tests that UTF-16/32 and Windows-1252 Sites.csv keep quotes and the euro."""
    folder = tmp_path / "csv"
    _sites_csv(rows, folder, encoding, delimiter)
    result = _loaded(read_inputs(folder))
    assert result.project is not None
    site = result.project.sites[0]
    assert (site.name, site.host) == (QUOTED, "Coop\u00e9rative d\u2019\u00e9pargne")
    notes = [
        w.expected for w in result.warnings if w.file == "Sites.csv" and not w.sheet
    ]
    assert bool(notes) is warned
    if warned:
        assert "Windows-1252" in notes[0]


# --- property tests ----------------------------------------------------------


def _time_styles(moment: time) -> list[str]:
    hour12 = moment.hour % 12 or 12
    half = "am" if moment.hour < 12 else "pm"
    styles = [
        f"{moment:%H:%M}",
        f"{moment.hour}:{moment.minute:02}",
        f"{moment:%H.%M}",
        f"{moment.hour}h{moment.minute:02}",
        f"{moment:%H%M}",
        f"{hour12}:{moment.minute:02} {half.upper()}",
        f"{hour12}.{moment.minute:02}{half[0]}.m.",
    ]
    if moment.minute == 0:
        styles += [f"{hour12} {half}", f"{hour12}{half}", f"{moment.hour}h"]
    return styles


TIMES = st.builds(time, st.integers(0, 23), st.integers(0, 59))


@given(TIMES)
def test_every_time_style_reads_alike(moment: time) -> None:
    """Tests that one time written in each accepted style parses to itself."""
    assert {cells.parse_time(text) for text in _time_styles(moment)} == {moment}


@given(TIMES, st.integers(1, 600), st.sampled_from(["-", " - ", "\u2013", " to "]))
def test_every_window_style_reads_alike(start: time, minutes: int, sep: str) -> None:
    """Tests windows in mixed styles and separators parse to one window."""
    end_minute = start.hour * 60 + start.minute + minutes
    if end_minute > 23 * 60 + 59:
        return
    end = time(*divmod(end_minute, 60))
    for first, second in zip(_time_styles(start), _time_styles(end), strict=False):
        text = f"{first}{sep}{second}"
        assert multicells.parse_hours(text) == (TimeWindow(start, end),), text


def _date_styles(day: date) -> list[str]:
    month, abbr = f"{day:%B}", f"{day:%b}"
    return [
        day.isoformat(),
        f"{day:%Y/%m/%d}",
        f"{day.year}-{day.month}-{day.day}",
        f"{day.day:02} {abbr} {day.year}",
        f"{day.day} {month} {day.year}",
        f"{day.day}-{abbr}-{day.year}",
        f"{month} {day.day}, {day.year}",
        f"{day:%Y-%m-%d} 00:00:00",
    ]


DATES = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))


@given(DATES)
def test_every_date_style_reads_alike(day: date) -> None:
    """Tests that one date written in each accepted style parses to itself."""
    assert {cells.parse_date(text) for text in _date_styles(day)} == {day}


@given(DATES)
def test_unambiguous_slashed_dates(day: date) -> None:
    """Tests d/m/y and m/d/y: read when only one order exists, else refused."""
    text = f"{day.day:02}/{day.month:02}/{day.year}"
    if day.day <= 12 and day.day != day.month:
        with pytest.raises(CellError, match=f"write {day.isoformat()}"):
            cells.parse_date(text)
    else:
        assert cells.parse_date(text) == day


@given(DATES, st.integers(0, 30), st.sampled_from(["..", " to ", "\u2013", " - "]))
def test_every_range_style_reads_alike(start: date, days: int, sep: str) -> None:
    """Tests ranges in mixed date styles: one range, and its days as dates."""
    end = min(start + timedelta(days=days), date(2100, 12, 31))
    for first, second in zip(_date_styles(start), _date_styles(end), strict=True):
        if "," in first:  # a comma separates list items: not inside a range
            continue
        text = f"{first}{sep}{second}"
        assert multicells.parse_date_ranges(text) == (DateRange(start, end),), text
    expected = tuple(start + timedelta(days=i) for i in range((end - start).days + 1))
    assert multicells.parse_dates(f"{start}{sep}{end}") == expected
