"""Tests for editing, adding and deleting input rows and Route settings (no Qt)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from lrplanner import services
from lrplanner.core.ids import SiteId
from lrplanner.core.people import Gender
from lrplanner.core.places import PlaceKind, TravelMode
from lrplanner.core.plan import Itinerary, LeftOut, ReasonKind
from lrplanner.importers.project_rows import project_rows
from lrplanner.services_edit import (
    SHEETS,
    add_record,
    delete_record,
    edit_cell,
    edit_route,
    exclude_site,
    lock_visit,
    record_label,
)
from lrplanner.services_edit.rows import rebuild
from tests.helpers import small_project

if TYPE_CHECKING:
    from lrplanner.core.project import Project

TK1 = SiteId("KH-TK1")
MEKONG = Path(__file__).resolve().parents[1] / "sample_data" / "mekong.xlsx"


@cache
def mekong() -> Project:
    """Return the Mekong sample project (read once)."""
    project = services.load_inputs(MEKONG).project
    assert project is not None
    return project


@pytest.mark.parametrize("sheet", sorted(SHEETS))
def test_every_row_rebuilds_to_the_same_record(sheet: str) -> None:
    """Tests that a record built again from its own row is unchanged (no loss)."""
    project = mekong()
    kind = SHEETS[sheet]
    records = getattr(project, kind.field)
    rows = project_rows(project)[sheet]
    assert records
    for number, (record, row) in enumerate(zip(records, rows, strict=True)):
        assert rebuild(kind, row, number, project) == record


@pytest.mark.parametrize(
    ("sheet", "key", "text", "attribute", "expected"),
    [
        ("Sites", "value", "9", "value", 9),
        ("Sites", "capacity", "", "capacity", None),
        ("Sites", "fee_per_person", "12.50", "fee_per_person", Decimal("12.50")),
        ("Sites", "required", "yes", "required", True),
        (
            "Sites",
            "themes",
            "youth; rural finance",
            "themes",
            ("youth", "rural finance"),
        ),
        ("Champions", "gender", "female", "gender", Gender.FEMALE),
        ("Champions", "honorarium", "75", "honorarium", Decimal("75")),
        ("Participants", "fare_to_start", "420", "fare_to_start", Decimal("420")),
        ("Places", "kind", "airport", "kind", PlaceKind.AIRPORT),
        ("Places", "lodging_per_night", "", "lodging_per_night", None),
        ("Links", "mode", "bus", "mode", TravelMode.ROAD),
        ("Links", "duration_min", "95", "duration_min", 95),
    ],
)
def test_a_cell_is_read_as_on_import(
    sheet: str, key: str, text: str, attribute: str, expected: object
) -> None:
    """Tests that a typed cell of any sheet is read with the importer's rules."""
    project = edit_cell(small_project(), sheet, 0, key, text)
    record = getattr(project, SHEETS[sheet].field)[0]
    assert getattr(record, attribute) == expected


@pytest.mark.parametrize(
    ("sheet", "key", "text", "reason"),
    [
        ("Sites", "value", "lots", "expected a whole number"),
        ("Sites", "value", "5000", "expected a whole number from 1 to 10"),
        ("Sites", "name", " ", "expected a value"),
        ("Sites", "place", "NOWHERE", "expected a Place ID from the Places sheet"),
        ("Sites", "id", "NEW", "Site ID cannot be changed here"),
        ("Champions", "gender", "Q", "expected F, M or X"),
        ("Champions", "sites", "NO-SUCH", "expected a Site ID from the Sites sheet"),
        ("Places", "lat", "95", "expected a latitude"),
        ("Places", "kind", "border", "Other country: expected the country across"),
        ("Links", "origin", "ZZZ", "expected a Place ID from the Places sheet"),
        ("Links", "destination", "PNH", "expected a place other than the From place"),
        ("Sites", "available", "2026-01-01..2026-01-05", "inside the route"),
    ],
)
def test_a_bad_cell_is_refused_with_the_reason(
    sheet: str, key: str, text: str, reason: str
) -> None:
    """Tests that a cell the importer would refuse raises ValueError saying why."""
    with pytest.raises(ValueError, match=reason):
        edit_cell(small_project(), sheet, 0, key, text)


@pytest.mark.parametrize(
    ("sheet", "label"),
    [
        ("Sites", "site SITE-NEW-1"),
        ("Champions", "champion CHAMP-NEW-1"),
        ("Participants", "participant PART-NEW-1"),
        ("Places", "place PLACE-NEW-1"),
        ("Links", "link PNH→BAV"),
    ],
)
def test_a_new_row_has_a_fresh_id_and_loads(sheet: str, label: str) -> None:
    """Tests that an added row has defaults the importer accepts and a new id."""
    project = add_record(small_project(), sheet)
    rows = getattr(project, SHEETS[sheet].field)
    assert record_label(project, sheet, len(rows) - 1) == label
    twice = add_record(project, sheet)
    assert len(getattr(twice, SHEETS[sheet].field)) == len(rows) + 1
    if sheet != "Links":
        assert rows[-1].id.endswith("-NEW-1")
        assert getattr(twice, SHEETS[sheet].field)[-1].id.endswith("-NEW-2")


@pytest.mark.parametrize(
    ("sheet", "number", "message"),
    [
        ("Sites", 0, "site KH-TK1 is used by champion CH01"),
        ("Champions", 0, "champion CH01 is used by site KH-TK1"),
        ("Places", 0, "place PNH is used by the route's start and link PNH→SGN"),
        ("Places", 2, "the route's end, site VN-BT1 and link PNH→SGN"),
    ],
)
def test_deleting_a_record_in_use_names_the_referrer(
    sheet: str, number: int, message: str
) -> None:
    """Tests that a delete is refused while another record refers to the row."""
    with pytest.raises(ValueError, match=message):
        delete_record(small_project(), sheet, number)


def test_a_locked_site_cannot_be_deleted() -> None:
    """Tests that a lock on a site refuses its deletion and is named."""
    project = edit_cell(small_project(), "Champions", 0, "sites", "")
    project = lock_visit(project, TK1, date(2027, 3, 2))
    with pytest.raises(ValueError, match="the lock on 02 Mar"):
        delete_record(project, "Sites", 0)


def test_deleting_a_site_drops_its_exclusion_and_a_plan_naming_it() -> None:
    """Tests that a deleted site leaves the exclusions and clears the stale plan."""
    project = edit_cell(small_project(), "Champions", 0, "sites", "")
    project = exclude_site(project, TK1)
    left_out = LeftOut(site=TK1, kind=ReasonKind.EXCLUDED, reason="excluded")
    project = project.with_changes(plan=Itinerary(days=(), left_out=(left_out,)))
    deleted = delete_record(project, "Sites", 0)
    assert [s.id for s in deleted.sites] == ["VN-BT1"]
    assert deleted.excluded_sites == ()
    assert deleted.plan is None


def test_deleting_an_unused_row_keeps_the_others() -> None:
    """Tests that deleting a participant or a link removes just that row."""
    project = small_project()
    without = delete_record(project, "Participants", 0)
    assert without.participants == project.participants[1:]
    assert delete_record(project, "Links", 0).links == ()


@pytest.mark.parametrize(
    ("key", "text", "attribute", "expected"),
    [
        ("start_date", "2027-03-02", "start_date", date(2027, 3, 2)),
        ("max_visits_per_day", "4", "max_visits_per_day", 4),
        ("budget_cap", "", "budget_cap", None),
        ("currency", "eur", "currency", "EUR"),
        ("end_place", "BAV", "end_place", "BAV"),
    ],
)
def test_a_route_setting_is_read_as_on_import(
    key: str, text: str, attribute: str, expected: object
) -> None:
    """Tests that a Route setting typed in the app means what the sheet means."""
    route = edit_route(small_project(), key, text).route
    assert getattr(route, attribute) == expected


@pytest.mark.parametrize(
    ("key", "text", "reason"),
    [
        ("end_date", "2027-02-01", "expected a date on or after the start"),
        ("start_place", "NOWHERE", "expected a Place ID from the Places sheet"),
        ("max_visits_per_day", "50", "expected a whole number from 0 to 20"),
        ("currency", "dollars", "expected"),
    ],
)
def test_a_bad_route_setting_is_refused(key: str, text: str, reason: str) -> None:
    """Tests that a Route value the importer would refuse raises ValueError."""
    with pytest.raises(ValueError, match=reason):
        edit_route(small_project(), key, text)
