"""Tests of programmes: routes sharing hosts and champions (issue 19, items 1-2)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from lrplanner.cli import main
from lrplanner.core.availability import site_days
from lrplanner.core.bookings import bookings, conflicts, holders, with_others_taken
from lrplanner.core.errors import ProjectFileError
from lrplanner.core.ids import ChampionId, SiteId
from lrplanner.core.plan import DayPlan, Event, EventKind, Itinerary
from lrplanner.core.programme import Programme
from lrplanner.core.validate import validate
from lrplanner.exporters.programme_xlsx import write_programme_xlsx
from lrplanner.importers import read_inputs
from lrplanner.importers.template import write_project_workbook
from lrplanner.network.graph import TravelNetwork
from lrplanner.planner.plan import plan_route
from lrplanner.planner.report import travel_check
from lrplanner.programme import plan_programme
from lrplanner.storage import (
    load_programme,
    load_project,
    save_programme,
    save_project,
)

if TYPE_CHECKING:
    from lrplanner.core.project import Project

MEKONG = Path(__file__).resolve().parents[1] / "sample_data" / "mekong.xlsx"
ROUTE_B = "Mekong Learning Route B"
#: One second a plan and no hand-overs: the commands, not the search, under test.
FAST = ("--seconds", "1", "--moves", "0")


@cache
def mekong() -> Project:
    """Return the Mekong sample project."""
    project = read_inputs(MEKONG).project
    assert project is not None
    return project


def _second(project: Project, name: str = ROUTE_B, shift: int = 0) -> Project:
    route = project.route
    moved = dataclasses.replace(
        route,
        name=name,
        start_date=route.start_date + timedelta(days=shift),
        end_date=route.end_date + timedelta(days=shift),
        rest_days=tuple(d + timedelta(days=shift) for d in route.rest_days),
    )
    return project.with_changes(route=moved, plan=None)


def _visit(site: str, champions: tuple[str, ...], day: date) -> Itinerary:
    """Return a one-day plan holding one visit (for the rule tests only)."""
    start = mekong().route.start_date
    days = []
    for offset in range(11):
        when = start + timedelta(days=offset)
        events: tuple[Event, ...] = ()
        if when == day:
            events = (
                Event(
                    kind=EventKind.VISIT,
                    start=_at(when, 9),
                    end=_at(when, 11),
                    title="visit",
                    tz="Asia/Phnom_Penh",
                    site=SiteId(site),
                    champions=tuple(ChampionId(c) for c in champions),
                ),
            )
        days.append(DayPlan(day=when, events=events))
    return Itinerary(days=tuple(days))


def _at(day: date, hour: int) -> datetime:
    return datetime(
        day.year, day.month, day.day, hour, tzinfo=ZoneInfo("Asia/Phnom_Penh")
    )


def _programme(first: Itinerary | None, second: Itinerary | None) -> Programme:
    a = mekong().with_changes(plan=first)
    b = _second(mekong()).with_changes(plan=second)
    return Programme.of(a, "Mekong programme").with_route(b)


def test_a_programme_shares_records_and_keeps_routes_apart() -> None:
    """Tests the project view of each route and a shared edit seen by both."""
    programme = _programme(None, None)
    assert programme.names == (mekong().route.name, ROUTE_B)
    first, second = programme.project(0), programme.project(1)
    assert first.sites == second.sites
    assert second.route.name == ROUTE_B
    site = dataclasses.replace(first.sites[0], value=1)
    edited = programme.with_project(
        1, second.with_changes(sites=(site, *second.sites[1:]))
    )
    assert edited.project(0).sites[0].value == 1  # one host, whichever route edits it
    with pytest.raises(ValueError, match="two routes are called"):
        programme.with_route(_second(mekong()))


def test_a_route_comes_out_and_the_shared_records_stay() -> None:
    """Tests without_route: the other route and every shared record stay,
    and the last route cannot be taken out."""
    programme = _programme(None, None)
    left = programme.without_route(0)
    assert left.names == (ROUTE_B,)
    assert left.sites == programme.sites
    assert left.champions == programme.champions
    assert left.places == programme.places
    with pytest.raises(ValueError, match="at least one route"):
        left.without_route(0)
    with pytest.raises(IndexError):
        programme.without_route(2)


def test_two_routes_cannot_disagree_about_a_shared_host() -> None:
    """Tests that a site with the same id but another fee is refused."""
    other = _second(mekong())
    changed = dataclasses.replace(
        other.sites[0], fee_per_group=other.sites[0].fee_per_group + 1
    )
    other = other.with_changes(sites=(changed, *other.sites[1:]))
    with pytest.raises(ValueError, match="the routes differ about it"):
        Programme.of(mekong()).with_route(other)


def test_a_host_or_champion_booked_twice_a_day_is_a_conflict() -> None:
    """Tests the same-day rules, naming both routes."""
    day = mekong().route.start_date + timedelta(days=1)
    site = mekong().sites[0]
    champion = site.champions[0]
    found = conflicts(
        _programme(_visit(site.id, (champion,), day), _visit(site.id, (champion,), day))
    )
    assert {c.rule for c in found} == {"host booked twice", "champion booked twice"}
    for conflict in found:
        assert conflict.routes == (mekong().route.name, ROUTE_B)
        assert conflict.day == day
        assert ROUTE_B in conflict.message


def test_rest_days_and_groups_per_year_are_programme_rules() -> None:
    """Tests a host needing 14 days between groups and receiving 1 a year."""
    start = mekong().route.start_date
    site = dataclasses.replace(mekong().sites[0], rest_between_groups=14)
    project = mekong().with_changes(sites=(site, *mekong().sites[1:]))
    a = project.with_changes(plan=_visit(site.id, (), start + timedelta(days=1)))
    b = _second(project).with_changes(
        plan=_visit(site.id, (), start + timedelta(days=4))
    )
    programme = Programme.of(a).with_route(b)
    [rest] = conflicts(programme)
    assert rest.rule == "host rest"
    assert "needs 14 days between groups" in rest.message
    assert "3 days apart" in rest.message
    yearly = dataclasses.replace(site, rest_between_groups=0, max_groups_per_year=1)
    a = a.with_changes(sites=(yearly, *a.sites[1:]))
    b = b.with_changes(sites=(yearly, *b.sites[1:]))
    [limit] = conflicts(Programme.of(a).with_route(b))
    assert limit.rule == "host groups per year"
    assert "at most 1 groups a year" in limit.message


def test_the_others_bookings_close_the_host_and_the_champion() -> None:
    """Tests that route B sees route A's host blacked out (with its rest days)
    and A's champion away on the booked day, and nothing else."""
    start = mekong().route.start_date
    booked = start + timedelta(days=3)
    site = dataclasses.replace(mekong().sites[0], rest_between_groups=1)
    project = mekong().with_changes(sites=(site, *mekong().sites[1:]))
    champion = site.champions[0]
    a = project.with_changes(plan=_visit(site.id, (champion,), booked))
    programme = Programme.of(a).with_route(_second(project))
    closed = with_others_taken(programme, 1)
    host = closed.site_by_id[site.id]
    days = {booked - timedelta(days=1), booked, booked + timedelta(days=1)}
    assert host.blackouts == site.blackouts
    assert {d for d, _ in host.booked} == days
    reasons = dict(host.booked)
    assert reasons[booked] == f"booked by {mekong().route.name!r}"
    assert reasons[booked + timedelta(days=1)].startswith("rest days after")
    # the left-out reasons and "never open" messages say why, not "blackout"
    why = {d.day: d.closed_because for d in site_days(closed, host)}
    assert why[booked] == f"booked by {mekong().route.name!r}"
    assert why[booked - timedelta(days=1)].startswith("rest days before")
    assert not host.is_available(booked)
    person = closed.champion_by_id[champion]
    assert not any(booked in r for r in person.available)
    assert any(booked + timedelta(days=1) in r for r in person.available)
    others = [s for s in closed.sites if s.id != site.id]
    assert others == [s for s in programme.project(1).sites if s.id != site.id]
    assert [b.route for b in bookings(programme, skip=1)] == [mekong().route.name]


def test_planning_jointly_leaves_no_conflict() -> None:
    """Tests two routes on the same dates: planned alone they clash; planned
    as a programme they do not, and each plan passes the validator."""
    programme = _programme(None, None)
    outcome = plan_programme(programme, seconds=3, rounds=1, moves=0)
    assert outcome.conflicts == ()
    for index, route in enumerate(outcome.routes):
        assert route.value is not None, route.problem
        project = outcome.programme.project(index)
        assert project.plan is not None
        network = TravelNetwork.from_project(project)
        assert validate(project, project.plan, travel_check(network)) == []
    assert outcome.first_round == tuple(r.value for r in outcome.routes)
    assert outcome.total_value == sum(r.value or 0 for r in outcome.routes)


def test_the_programme_file_round_trips_and_reads_a_project_file(
    tmp_path: Path,
) -> None:
    """Tests format 2, a version-1 project read as one route, and the app's
    refusal (for now) to open a programme as a project."""
    programme = _programme(None, None)
    save_programme(programme, tmp_path / "programme.lrp")
    assert load_programme(tmp_path / "programme.lrp") == programme
    with pytest.raises(ProjectFileError, match="programme of several routes"):
        load_project(tmp_path / "programme.lrp")
    save_project(mekong(), tmp_path / "route.lrp")
    assert load_programme(tmp_path / "route.lrp") == Programme.of(mekong())


def test_the_programme_commands(tmp_path: Path) -> None:
    """Tests 'programme new', 'check' and 'plan' end to end."""
    write_project_workbook(_second(mekong()), tmp_path / "route-b.xlsx")
    path = tmp_path / "programme.lrp"
    assert (
        main(
            ["programme", "new", str(path), str(MEKONG), str(tmp_path / "route-b.xlsx")]
        )
        == 0
    )
    assert load_programme(path).names == (mekong().route.name, ROUTE_B)
    assert main(["programme", "check", str(path)]) == 0
    out = tmp_path / "out"
    assert main(["programme", "plan", str(path), "--out", str(out), *FAST]) == 0
    planned = load_programme(out / "programme.lrp")
    assert conflicts(planned) == []
    summary = openpyxl.load_workbook(out / "programme.xlsx")["Summary"]
    assert summary["B4"].value == 2  # routes planned
    assert main(["programme", "check", str(out / "programme.lrp")]) == 0
    folders = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert folders == [
        "1-mekong-learning-route-2027-finance-marke",
        "2-mekong-learning-route-b",
    ]
    for folder in folders:
        assert main(["check", str(out / folder)]) == 0
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook")
    assert main(["programme", "new", str(tmp_path / "x.lrp"), str(bad)]) == 2


def test_the_programme_summary_counts_routes_champions_and_conflicts(
    tmp_path: Path,
) -> None:
    """Tests programme.xlsx on two routes whose plans book one host on one
    day: each route's row, the champions counted once, the conflict listed."""
    day = mekong().route.start_date + timedelta(days=1)
    site = mekong().sites[0]
    champion = site.champions[0]
    programme = _programme(
        _visit(site.id, (champion,), day), _visit(site.id, (champion,), day)
    )
    path = tmp_path / "programme.xlsx"
    write_programme_xlsx(programme, path)
    book = openpyxl.load_workbook(path)
    routes = book["Routes"]
    assert [routes.cell(r, 1).value for r in (2, 3)] == [mekong().route.name, ROUTE_B]
    assert [routes.cell(r, 8).value for r in (2, 3)] == [1, 1]  # one visit each
    assert routes["G2"].value == len(mekong().participants)
    summary = {
        row[0].value: (row[1].value, row[2].value)
        for row in book["Summary"].iter_rows(min_row=3)
        if row[0].value
    }
    person = mekong().champion_by_id[champion]
    assert summary["Champions presenting (each once)"][0] == 1
    women = 1.0 if person.gender.value == "F" else 0.0
    assert summary["Women among them"][0] == women
    verdict = "meets" if women >= 0.4 else "below"
    assert summary["Women among them"][1] == f"{verdict} the 40% target"
    assert summary["Participants trained (planned routes)"][0] == 2 * len(
        mekong().participants
    )
    assert summary["Conflicts between routes"][0] == 2  # the host and the champion
    conflicts_sheet = book["Conflicts"]
    assert conflicts_sheet["B2"].value in {"host booked twice", "champion booked twice"}
    hosts = book["Bookings"]
    assert [hosts.cell(r, 4).value for r in (2, 3)] == [mekong().route.name, ROUTE_B]
    out = tmp_path / "again.xlsx"
    save_programme(programme, tmp_path / "p.lrp")
    assert (
        main(["programme", "summary", str(tmp_path / "p.lrp"), "--out", str(out)]) == 0
    )
    assert out.exists()


def test_a_route_with_no_plan_is_reported_with_exit_3(tmp_path: Path) -> None:
    """Tests route B a week later: a required host is available only in
    route A's dates, so B loads (with a warning) but has no plan (exit 3)."""
    later = tmp_path / "route-b.xlsx"
    write_project_workbook(_second(mekong(), shift=7), later)
    assert any(
        "not available on this route" in w.expected for w in read_inputs(later).warnings
    )
    path = tmp_path / "programme.lrp"
    assert main(["programme", "new", str(path), str(MEKONG), str(later)]) == 0
    out = tmp_path / "out"
    code = main(["programme", "plan", str(path), "--out", str(out), *FAST])
    assert code == 3
    planned = load_programme(out / "programme.lrp")
    assert planned.routes[0].plan is not None
    assert planned.routes[1].plan is None


def test_a_contested_host_is_handed_to_the_route_that_gains_more() -> None:
    """Tests the joint improvement: route A, planned first, takes host X (with
    30 rest days, so no other group may come that month); route B may visit
    only X. In turn B gets nothing; the hand-over gives X to B and A plans
    around it, the two together worth more, with no conflict and every plan
    passing the validator."""
    free = tuple(dataclasses.replace(s, required=False) for s in mekong().sites)
    project = mekong().with_changes(sites=free)
    alone = plan_route(project, seconds=2)
    chosen = max(
        (project.site_by_id[s] for s in alone.itinerary.visited_sites()),
        key=lambda s: s.value,
    )
    rested = dataclasses.replace(chosen, rest_between_groups=30)
    a = project.with_changes(
        sites=tuple(rested if s.id == chosen.id else s for s in project.sites)
    )
    others = tuple(s.id for s in a.sites if s.id != chosen.id)
    b = _second(a).with_changes(excluded_sites=others)
    programme = Programme.of(a, "Mekong programme").with_route(b)
    heard: list[tuple[int, int, str]] = []
    outcome = plan_programme(
        programme, seconds=2, rounds=1, moves=1, on_route=lambda *x: heard.append(x)
    )
    assert outcome.first_round[1] == 0.0  # in turn, B can visit nobody
    assert outcome.total_value > sum(v or 0 for v in outcome.first_round)
    planned_b = outcome.programme.project(1).plan
    assert planned_b is not None
    assert chosen.id in planned_b.visited_sites()
    assert outcome.conflicts == ()
    for index in range(2):
        route = outcome.programme.project(index)
        assert route.plan is not None
        network = TravelNetwork.from_project(route)
        assert validate(route, route.plan, travel_check(network)) == []
    assert heard[-1][:2] == (2, 1)
    assert f"took {chosen.id} from" in heard[-1][2]


def test_holders_name_the_bookings_that_close_a_host() -> None:
    """Tests the contested hosts the hand-overs start from: route A's visit
    to X closes X to route B (same dates) and, as X's champion presents
    there that day, every other host of that champion."""
    start = mekong().route.start_date
    x = mekong().sites[0]
    champion = x.champions[0]
    others = [s for s in mekong().sites[1:] if champion in s.champions]
    if not others:  # give a second host the same champion
        y = dataclasses.replace(mekong().sites[1], champions=(champion,))
        project = mekong().with_changes(sites=(x, y, *mekong().sites[2:]))
        others = [y]
    else:
        project = mekong()
    a = project.with_changes(plan=_visit(x.id, (champion,), start + timedelta(days=2)))
    programme = Programme.of(a).with_route(_second(project))
    held = holders(programme, 1)
    booking = (project.route.name, x.id)
    assert held[x.id] == {booking}
    for other in others:
        assert booking in held[other.id]
    assert holders(programme, 0) == {}  # route B has no plan: it holds nothing


def test_a_cancelled_programme_plan_keeps_what_is_planned() -> None:
    """Tests the cancel: cancelled after the first route's plan, the
    programme keeps that plan, plans no other route and says it was
    cancelled."""
    from lrplanner.solver.stop import CancelToken

    token = CancelToken()
    heard: list[tuple[int, int, str]] = []

    def on_route(turn: int, index: int, what: str) -> None:
        heard.append((turn, index, what))
        token.cancel()

    outcome = plan_programme(
        _programme(None, None), seconds=2, cancel=token, on_route=on_route
    )
    assert outcome.cancelled
    assert heard == [(0, 0, heard[0][2])]
    assert outcome.routes[0].value is not None
    assert outcome.programme.project(0).plan is not None
    assert outcome.programme.project(1).plan is None
    assert outcome.conflicts == ()
