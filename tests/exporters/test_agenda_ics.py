"""Tests for route.ics: parsed back with icalendar and checked against the plan."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import pytest
from icalendar import Calendar

from lrplanner.core.places import TravelMode
from lrplanner.core.plan import DayPlan, EventKind, Itinerary
from lrplanner.exporters.agenda_ics import NOT_CHECKED, build_calendar, write_agenda_ics
from lrplanner.exporters.agenda_rows import check_banner

if TYPE_CHECKING:
    from pathlib import Path

    from lrplanner.core.plan import Event
    from tests.exporters.fixtures import Plan

STAMP = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def _unescaped(value: Any) -> str:
    """Return an X- property's TEXT value (icalendar leaves those escaped)."""
    raw = value.to_ical().decode() if hasattr(value, "to_ical") else str(value)
    escapes = {"n": "\n", "N": "\n"}
    return re.sub(r"\\([\\;,nN])", lambda m: escapes.get(m[1], m[1]), raw)


def _events(path: Path) -> list[Any]:
    calendar = Calendar.from_ical(path.read_bytes())
    return list(calendar.walk("VEVENT"))


def _plan_events(plan: Plan) -> list[Event]:
    return [e for d in plan.itinerary.days for e in d.events]


def test_one_event_per_plan_event_in_its_zone(
    plan: Plan, exported: dict[str, Path]
) -> None:
    """Tests that every visit, leg, session and meal is one VEVENT at the same
    instants, its start in the event's zone and a leg's end in the zone of its
    destination (Kathmandu -> Dhaka: UTC+05:45 -> UTC+06:00)."""
    events = _events(exported["route.ics"])
    expected = _plan_events(plan)
    assert len(events) == len(expected)
    for entry, event in zip(events, expected, strict=True):
        start, end = entry.decoded("dtstart"), entry.decoded("dtend")
        assert (start, end) == (event.start, event.end)
        assert str(entry["dtstart"].params["TZID"]) == event.tz
        assert str(entry["categories"].cats[0]) == str(event.kind)
    kinds = {str(e["categories"].cats[0]) for e in events}
    assert kinds == {str(k) for k in EventKind}
    crossing = [
        entry
        for entry, event in zip(events, expected, strict=True)
        if event.kind is EventKind.TRAVEL and event.tz == "Asia/Kathmandu"
        and "Dhaka" in str(entry["location"])
    ]  # fmt: skip
    assert crossing, "the plan flies from Nepal to Bangladesh"
    assert str(crossing[0]["dtend"].params["TZID"]) == "Asia/Dhaka"


def test_every_zone_has_its_vtimezone(exported: dict[str, Path]) -> None:
    """Tests that the calendar defines each TZID it uses, with the right offset."""
    calendar = Calendar.from_ical(exported["route.ics"].read_bytes())
    zones = {str(tz["tzid"]): tz for tz in calendar.walk("VTIMEZONE")}
    assert set(zones) == {"Asia/Kathmandu", "Asia/Dhaka"}
    offset = zones["Asia/Kathmandu"].walk("STANDARD")[0].decoded("tzoffsetto")
    assert offset.total_seconds() == 5 * 3600 + 45 * 60


def test_visits_carry_place_host_and_champion_contacts(
    plan: Plan, exported: dict[str, Path]
) -> None:
    """Tests that a visit's summary, location and description name the site, its
    address, host and each champion with their contact."""
    project = plan.project
    visits = [
        (entry, event)
        for entry, event in zip(
            _events(exported["route.ics"]), _plan_events(plan), strict=True
        )
        if event.kind is EventKind.VISIT
    ]
    assert visits
    for entry, event in visits:
        assert event.site is not None
        site = project.site_by_id[event.site]
        assert str(entry["summary"]) == event.title
        location = str(entry["location"])
        assert location.startswith(site.name)
        assert site.address in location
        description = str(entry["description"])
        assert f"Host: {site.host}" in description
        for champion_id in event.champions:
            champion = project.champion_by_id[champion_id]
            assert f"{champion.name}, {champion.contact}" in description
        assert project.route.name in description


def test_flights_show_check_in_and_ends(plan: Plan, exported: dict[str, Path]) -> None:
    """Tests that a flight's summary gives its ends and its description the mode,
    length and the local time to be at the airport."""
    flights = [
        entry
        for entry, event in zip(
            _events(exported["route.ics"]), _plan_events(plan), strict=True
        )
        if event.kind is EventKind.TRAVEL and str(event.mode) == "flight"
    ]
    assert flights
    for entry in flights:
        assert " → " in str(entry["summary"])
        description = str(entry["description"])
        assert "Travel: flight, " in description
        assert "Check-in: at the airport by " in description


def test_uids_are_unique_and_stable(plan: Plan, tmp_path: Path) -> None:
    """Tests that UIDs are unique, the same in a second export (another DTSTAMP),
    and that a visit keeps its UID when it moves to another day."""
    first = build_calendar(plan.project, plan.itinerary, stamp=STAMP)
    again = build_calendar(plan.project, plan.itinerary)
    uids = [str(e["uid"]) for e in first.walk("VEVENT")]
    assert len(set(uids)) == len(uids)
    assert uids == [str(e["uid"]) for e in again.walk("VEVENT")]
    assert {e.decoded("dtstamp") for e in first.walk("VEVENT")} == {STAMP}
    moved = _visit_moved_a_day(plan.itinerary)
    after = build_calendar(plan.project, moved, stamp=STAMP)
    by_summary = {
        str(e["summary"]): str(e["uid"])
        for e in after.walk("VEVENT")
        if "Visit" in str(e["summary"])
    }
    for entry in first.walk("VEVENT"):
        if str(entry["summary"]) in by_summary:
            assert by_summary[str(entry["summary"])] == str(entry["uid"])
    path = tmp_path / "route.ics"
    write_agenda_ics(plan.project, plan.itinerary, path, stamp=STAMP)
    assert path.read_bytes() == first.to_ical()


def _visit_moved_a_day(itinerary: Itinerary) -> Itinerary:
    """Return the itinerary with the first day's first visit on the second day
    (times unchanged: the UID must not depend on the day of a visit)."""
    days = list(itinerary.days)
    visit = days[0].visits()[0]
    rest = tuple(e for e in days[0].events if e is not visit)
    days[0] = replace(days[0], events=rest)
    days[1] = DayPlan(
        day=days[1].day,
        events=(visit, *days[1].events),
        overnight=days[1].overnight,
    )
    return Itinerary(days=tuple(days))


def test_failing_plan_says_not_checked(plan: Plan) -> None:
    """Tests that a plan that fails the check says so in the calendar's name and
    every event's summary and description."""
    failures = ("2027-01-12: no lunch", "2027-01-13: <Site> {{ 7*7 }} closed")
    calendar = build_calendar(plan.project, plan.itinerary, check_failures=failures)
    assert _unescaped(calendar["x-wr-calname"]).startswith(NOT_CHECKED)
    assert failures[1] in _unescaped(calendar["x-wr-caldesc"])
    for entry in calendar.walk("VEVENT"):
        assert str(entry["summary"]).startswith(NOT_CHECKED)
        assert str(entry["description"]).startswith(check_banner(failures))


@pytest.mark.parametrize("text", ["a, b; c\\d\nnext", "{{ 7*7 }} <b>x</b>"])
def test_user_text_comes_back_literally(plan: Plan, text: str) -> None:
    """Tests that commas, semicolons, backslashes, line breaks and markup in a
    route or site name survive icalendar's escaping unchanged."""
    site = plan.project.sites[0]
    project = replace(
        plan.project,
        route=replace(plan.project.route, name=text),
        sites=(replace(site, name=f"{text} site"), *plan.project.sites[1:]),
    )
    data = build_calendar(project, plan.itinerary).to_ical()
    calendar = Calendar.from_ical(data)
    assert _unescaped(calendar["x-wr-calname"]) == text
    descriptions = [str(e["description"]) for e in calendar.walk("VEVENT")]
    assert all(d.endswith(f"Learning Route: {text}") for d in descriptions)
    locations = [str(e.get("location", "")) for e in calendar.walk("VEVENT")]
    visits = [e for d in plan.itinerary.days for e in d.visits() if e.site == site.id]
    if visits:
        assert any(loc.startswith(f"{text} site") for loc in locations)


def test_a_leg_carries_its_service_number(plan: Plan) -> None:
    """Tests that the flight or bus number Links gives a leg is in its summary
    and description (the 15:10 Kathmandu-Dhaka flight as BG 372)."""
    links = tuple(
        replace(link, service="BG 372")
        if (link.origin, link.destination, link.mode)
        == ("KTM", "DAC", TravelMode.FLIGHT)
        else link
        for link in plan.project.links
    )
    project = plan.project.with_changes(links=links)
    calendar = build_calendar(project, plan.itinerary)
    numbered = [e for e in calendar.walk("VEVENT") if "BG 372" in str(e["summary"])]
    assert len(numbered) == 1
    assert str(numbered[0]["summary"]).endswith("(BG 372)")
    assert "Service: BG 372" in str(numbered[0]["description"])
    start = numbered[0].decoded("dtstart")
    assert f"{start:%H:%M}" == "15:10"
