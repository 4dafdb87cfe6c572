"""Tests that damaged or inconsistent project files give one clear ProjectFileError."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import pytest

from lrplanner import storage
from lrplanner.core.errors import DamagedProjectError, ProjectFileError
from lrplanner.core.ids import ChampionId, PlaceId, SiteId
from lrplanner.core.plan import DayPlan, Event, EventKind, Itinerary
from lrplanner.core.project import VisitLock
from tests.helpers import small_project

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

Doc = dict[str, Any]


def planned_document() -> Doc:
    """Return the small project, with a lock, an exclusion and a one-day plan."""
    visit = Event(
        kind=EventKind.VISIT,
        start=datetime(2027, 3, 1, 2, 0, tzinfo=UTC),
        end=datetime(2027, 3, 1, 4, 0, tzinfo=UTC),
        title="Takeo",
        tz="Asia/Phnom_Penh",
        place=PlaceId("site:KH-TK1"),
        site=SiteId("KH-TK1"),
        champions=(ChampionId("CH01"),),
    )
    plan = Itinerary(
        days=(DayPlan(day=date(2027, 3, 1), events=(visit,), overnight=PlaceId("PNH")),)
    )
    project = small_project().with_changes(
        plan=plan,
        locks=(VisitLock(site=SiteId("KH-TK1"), day=date(2027, 3, 1)),),
        excluded_sites=(SiteId("VN-BT1"),),
    )
    document: Doc = json.loads(storage.project_to_json(project))
    return document


def setter(*keys: str | int, value: object) -> Callable[[Doc], None]:
    """Return a change that sets ``document['project'][keys...]`` to ``value``."""

    def change(document: Doc) -> None:
        node: Any = document["project"]
        for key in keys[:-1]:
            node = node[key]
        node[keys[-1]] = value

    return change


# (change to the JSON, the exact message part the error must hold)
DAMAGE: dict[str, tuple[Callable[[Doc], None], str]] = {
    "budget overflows Decimal": (
        setter("route", "budget_cap", value="1e999999"),
        "project.route.budget_cap: expected a finite amount below 10^13 with at "
        "most 10 decimal places, found '1e999999'",
    ),
    "budget NaN": (
        setter("route", "budget_cap", value="NaN"),
        "project.route.budget_cap: expected a finite amount below 10^13",
    ),
    "tiny fee": (
        setter("sites", 0, "fee_per_group", value="1e-999999"),
        "project.sites[0].fee_per_group: expected a finite amount below 10^13",
    ),
    "fee as a JSON number": (
        setter("sites", 0, "fee_per_group", value=12.5),
        "project.sites[0].fee_per_group: expected a decimal number as text (e.g. "
        '"120.50"), found 12.5',
    ),
    "fee not a number": (
        setter("sites", 0, "fee_per_group", value="twelve"),
        "project.sites[0].fee_per_group: expected a decimal number as text",
    ),
    "fee 10 kB of digits": (
        setter("sites", 0, "fee_per_group", value="9" * 10_000),
        "project.sites[0].fee_per_group: expected a decimal number as text "
        '(e.g. "120.50"), found \'9999',
    ),
    "negative fee": (
        setter("sites", 0, "fee_per_group", value="-5"),
        "project.sites[0]: fee per group must be >= 0",
    ),
    "integer too large": (
        setter("sites", 0, "capacity", value=10**12),
        "project.sites[0].capacity: expected an integer of at most 1,000,000,000, "
        "found 1000000000000",
    ),
    "true for an integer": (
        setter("sites", 0, "value", value=True),
        "project.sites[0].value: expected an integer, found true",
    ),
    "text for a flag": (
        setter("sites", 0, "required", value="yes"),
        "project.sites[0].required: expected true or false, found 'yes'",
    ),
    "lat out of range": (
        setter("sites", 0, "lat", value=123.0),
        "project.sites[0]: latitude 123.0 is off the globe",
    ),
    "unknown start place": (
        setter("route", "start_place", value="XXX"),
        "project.route.start_place: expected a place id from project.places, "
        "found 'XXX'",
    ),
    "unknown end place": (
        setter("route", "end_place", value="HAN"),
        "project.route.end_place: expected a place id from project.places",
    ),
    "unknown champion on a site": (
        setter("sites", 0, "champions", value=["CH99"]),
        "project.sites[0].champions[0]: expected a champion id from "
        "project.champions, found 'CH99'",
    ),
    "unknown site place": (
        setter("sites", 1, "place", value="NOWHERE"),
        "project.sites[1].place: expected a place id from project.places",
    ),
    "unknown site of a champion": (
        setter("champions", 1, "sites", value=["VN-BT1", "LA-01"]),
        "project.champions[1].sites[1]: expected a site id from project.sites, "
        "found 'LA-01'",
    ),
    "unknown link end": (
        setter("links", 0, "destination", value="BKK"),
        "project.links[0].destination: expected a place id from project.places",
    ),
    "unknown locked site": (
        setter("locks", 0, "site", value="GONE"),
        "project.locks[0].site: expected a site id from project.sites, found 'GONE'",
    ),
    "unknown excluded site": (
        setter("excluded_sites", value=["VN-BT1", "GONE"]),
        "project.excluded_sites[1]: expected a site id from project.sites",
    ),
    "unknown visited site": (
        setter("plan", "days", 0, "events", 0, "site", value="GONE"),
        "project.plan.days[0].events[0].site: expected a site id from project.sites",
    ),
    "unknown champion in the plan": (
        setter("plan", "days", 0, "events", 0, "champions", value=["CH77"]),
        "project.plan.days[0].events[0].champions[0]: expected a champion id",
    ),
    "unknown event place": (
        setter("plan", "days", 0, "events", 0, "place", value="site:GONE"),
        "project.plan.days[0].events[0].place: expected a location id from "
        "project.places or site:<site id>, found 'site:GONE'",
    ),
    "unknown overnight": (
        setter("plan", "days", 0, "overnight", value="HAN"),
        "project.plan.days[0].overnight: expected a location id",
    ),
    "unknown event zone": (
        setter("plan", "days", 0, "events", 0, "tz", value="Mars/Olympus"),
        "project.plan.days[0].events[0].tz: expected an IANA time zone such as "
        "Asia/Phnom_Penh, found 'Mars/Olympus'",
    ),
    "unknown place zone": (
        setter("places", 0, "tz", value="../../etc/passwd"),
        "project.places[0].tz: expected an IANA time zone",
    ),
    "repeated site id": (
        setter("sites", 1, "id", value="KH-TK1"),
        "project.sites[1].id: expected a unique site id ('KH-TK1' is already "
        "project.sites[0].id)",
    ),
    "control character in a name": (
        setter("sites", 0, "name", value="Takeo\x07 coop"),
        "project.sites[0].name: expected text without control characters or lone "
        "surrogates, found a control character U+0007 at character 6",
    ),
    "lone surrogate in a name": (
        setter("champions", 0, "name", value="Sok \ud800"),
        "project.champions[0].name: expected text without control characters or "
        "lone surrogates, found a lone surrogate U+D800 at character 5",
    ),
    "control character in a note's name": (
        setter("sites", 1, "notes", value={"Re\x1bmarks": "x"}),
        "project.sites[1].notes.'Re\\x1bmarks': expected text without control",
    ),
    "date out of the years": (
        setter("route", "end_date", value="9999-12-31"),
        "project.route.end_date: expected a date as YYYY-MM-DD in the years "
        "1900-2200, found '9999-12-31'",
    ),
    "route date an Excel day count": (
        setter("route", "start_date", value="1900-02-28"),
        "project.route.start_date: expected a date between 2000-01-01 and "
        "2100-12-31, found '1900-02-28'",
    ),
    "46,398-day route": (
        setter("route", "end_date", value="2154-01-01"),
        "project.route.end_date: expected a date between 2000-01-01 and 2100-12-31",
    ),
    "61-day route": (
        setter("route", "end_date", value="2027-04-30"),
        "project.route.end_date: expected a route of at most 60 days, found 61 days",
    ),
    "1 MB name": (
        setter("sites", 0, "name", value="x" * 1_000_000),
        "project.sites[0].name: expected at most 10,000 characters, found 'xxxx",
    ),
    "impossible date": (
        setter("route", "start_date", value="2027-02-30"),
        "project.route.start_date: expected a date as YYYY-MM-DD",
    ),
    "impossible time": (
        setter("route", "day_start", value="25:00"),
        "project.route.day_start: expected a time of day as HH:MM, found '25:00'",
    ),
    "naive event time": (
        setter("plan", "days", 0, "events", 0, "start", value="2027-03-01T09:00"),
        "project.plan.days[0].events[0].start: expected a date-time with its UTC "
        "offset",
    ),
    "unknown gender": (
        setter("champions", 0, "gender", value="Q"),
        "project.champions[0].gender: expected one of 'F', 'M', 'X', found 'Q'",
    ),
    "list for an enum": (
        setter("champions", 0, "gender", value=["F"]),
        "project.champions[0].gender: expected one of 'F', 'M', 'X', found a list",
    ),
    "unknown field": (
        setter("sites", 0, "colour", value="red"),
        "project.sites[0].colour: one of the fields id, name, country",
    ),
    "object for a list": (
        setter("sites", value={"a": 1}),
        "project.sites: expected a list, found an object",
    ),
    "null for a record": (
        setter("route", value=None),
        "project.route: expected an object, found null",
    ),
    "deep list for a name": (
        setter("sites", 0, "name", value=json.loads("[" * 500 + "]" * 500)),
        "project.sites[0].name: expected text, found a list",
    ),
    "1,001 sites": (
        lambda document: document["project"]["sites"].extend(
            {**document["project"]["sites"][1], "id": f"S{i}"} for i in range(999)
        ),
        "project.sites: expected at most 1000 sites, found 1,001",
    ),
    "weekday out of range": (
        setter("links", 0, "weekdays", value=[0, 9]),
        "project.links[0]: a link must run on at least one weekday (0-6)",
    ),
}


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_damaged_values_name_their_json_path(tmp_path: Path, case: str) -> None:
    """Tests that each damaged value gives one DamagedProjectError with its path."""
    change, message = DAMAGE[case]
    document = planned_document()
    change(document)
    path = tmp_path / "bad.lrp"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(DamagedProjectError) as raised:
        storage.load_project(path)
    assert message in str(raised.value)
    assert str(raised.value).startswith(f"bad.lrp is damaged: {raised.value.json_path}")
    assert message.startswith(raised.value.json_path)


def test_the_planned_document_itself_loads() -> None:
    """Tests that the base of the damage cases is a valid file (so each case is one)."""
    project = storage.project_from_json(json.dumps(planned_document()))
    assert project.plan is not None
    assert project.locks[0].site == "KH-TK1"


def number_text(field: str, literal: str) -> str:
    """Return the planned document's text with a route field set to a raw literal."""
    document = planned_document()
    document["project"]["route"][field] = "@@"
    return json.dumps(document).replace('"@@"', literal)


RAW: dict[str, tuple[Callable[[], str], str]] = {
    "200,000 nested brackets": (
        lambda: "[" * 200_000,
        "not valid JSON: lists or objects nested too deeply",
    ),
    "200,000 nested objects": (
        lambda: '{"a":' * 200_000,
        "not valid JSON: lists or objects nested too deeply",
    ),
    "5,000-digit integer": (
        lambda: number_text("lunch_minutes", "9" * 5_000),
        "damaged: project.route.lunch_minutes: expected an integer, "
        "found a 5000-digit number",
    ),
    "float that overflows": (
        lambda: number_text("max_travel_hours_per_day", "1e999999"),
        "damaged: project.route.max_travel_hours_per_day: expected a finite "
        "number of at most 1e+12",
    ),
    "NaN literal": (
        lambda: number_text("max_travel_hours_per_day", "NaN"),
        "project.route.max_travel_hours_per_day: expected a finite number",
    ),
    "-Infinity literal": (
        lambda: number_text("max_travel_hours_per_day", "-Infinity"),
        "project.route.max_travel_hours_per_day: expected a finite number",
    ),
    "lone surrogate escape": (
        lambda: number_text("name", '"Route \\udc80"'),
        "project.route.name: expected text without control characters or lone "
        "surrogates, found a lone surrogate U+DC80 at character 7",
    ),
    "NUL escape": (
        lambda: number_text("currency", '"US\\u0000"'),
        "project.route.currency: expected text without control characters",
    ),
    "truncated": (
        lambda: json.dumps(planned_document())[:500],
        "not valid JSON",
    ),
    "version true": (
        lambda: '{"format": "lrplanner-project", "version": true, "project": {}}',
        "has no valid format version",
    ),
    "project a list": (
        lambda: '{"format": "lrplanner-project", "version": 1, "project": []}',
        "damaged: project: expected an object, found a list",
    ),
    "project empty": (
        lambda: '{"format": "lrplanner-project", "version": 1, "project": {}}',
        "damaged: project: Project.__init__() missing 1 required keyword-only "
        "argument: 'route'",
    ),
    "a bare 5,000-digit number": (
        lambda: "1" * 5_000,
        "is not an LR Planner project file",
    ),
    "newer saved_by is huge": (
        lambda: (
            '{"format": "lrplanner-project", "version": 9, "saved_by": "'
            + "x" * 10_000
            + '"}'
        ),
        "newer LR Planner (file format 9, saved by xxxxxxxxxxxxxxxxxxxx)",
    ),
}


@pytest.mark.parametrize("case", sorted(RAW))
def test_damaged_text_gives_one_project_file_error(tmp_path: Path, case: str) -> None:
    """Tests that malformed JSON text never escapes as another exception."""
    make, message = RAW[case]
    path = tmp_path / "bad.lrp"
    path.write_text(make(), encoding="utf-8", errors="surrogatepass")
    with pytest.raises(ProjectFileError) as raised:
        storage.load_project(path)
    assert message in str(raised.value)


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    """Tests that bytes that are not UTF-8 (here a raw surrogate) are refused."""
    path = tmp_path / "bad.lrp"
    path.write_bytes(json.dumps(planned_document()).encode()[:-2] + b"\xed\xa0\x80}}")
    with pytest.raises(ProjectFileError, match=r"cannot read bad\.lrp"):
        storage.load_project(path)


def test_every_message_can_be_printed(tmp_path: Path) -> None:
    """Tests that messages naming odd file and field names can still be printed."""
    document = planned_document()
    document["project"]["sites"][0]["\udc80x"] = 1
    path = tmp_path / os.fsdecode(b"route-\xff.lrp")
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(DamagedProjectError) as raised:
        storage.load_project(path)
    message = str(raised.value)
    message.encode("utf-8")
    assert message.startswith("route-\\udcff.lrp is damaged: project.sites[0]")
    assert "'\\udc80x': one of the fields id, name" in message
