"""Tests of scenarios side by side and the value-against-budget curve (issue 19)."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from lrplanner import scenarios
from lrplanner.cli import main
from lrplanner.core.ids import SiteId
from lrplanner.core.validate import validate
from lrplanner.importers import read_inputs
from lrplanner.network.graph import TravelNetwork
from lrplanner.planner.report import travel_check
from lrplanner.solver.stop import CancelToken
from lrplanner.storage import load_project, save_project
from tests.helpers import small_project

if TYPE_CHECKING:
    from lrplanner.core.project import Project

MEKONG = Path(__file__).resolve().parents[1] / "sample_data" / "mekong.xlsx"
HOSTILE = '=HYPERLINK("http://x.example","click")'


def _checked(project: Project, scenario: scenarios.Scenario, result: object) -> None:
    """Assert the promoted scenario's plan passes the independent validator."""
    assert isinstance(result, scenarios.ScenarioResult)
    promoted = scenarios.promote(project, scenario, result)
    assert promoted.plan is not None
    network = TravelNetwork.from_project(promoted)
    assert validate(promoted, promoted.plan, travel_check(network)) == []


def test_a_scenario_text_reads_route_settings_and_exclusions() -> None:
    """Tests 'NAME: Setting=value; ...' with headers, synonyms and exclusions."""
    scenario = scenarios.parse_scenario(
        "short, no VN: End date=2027-03-04; budget cap = 20000; "
        "Exclude countries=vn; Exclude sites=KH-TK1"
    )
    assert scenario.name == "short, no VN"
    assert scenario.settings == (("end_date", "2027-03-04"), ("budget_cap", "20000"))
    assert (scenario.countries, scenario.sites) == (("VN",), ("KH-TK1",))
    assert scenario.describe() == (
        "End date=2027-03-04; Budget cap=20000; Exclude countries=VN; "
        "Exclude sites=KH-TK1"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no colon here", "expected NAME: Setting=value"),
        ("x: Budget", "expected Setting=value"),
        ("x: Colour=blue", "'Colour' is no Route setting"),
    ],
)
def test_a_bad_scenario_text_says_what_would_do(text: str, expected: str) -> None:
    """Tests the refusals of parse_scenario."""
    with pytest.raises(ValueError, match=expected):
        scenarios.parse_scenario(text)


def test_a_scenario_may_change_a_planning_rule() -> None:
    """Tests 'Cost weight=0; Opening minutes=60' and a refused value."""
    scenario = scenarios.parse_scenario("no cost: Cost weight=0; Opening minutes=60")
    assert scenario.settings == (
        ("rules.value.cost_weight", "0"),
        ("rules.sessions.opening_min", "60"),
    )
    assert scenario.describe() == "Cost weight=0; Opening minutes=60"
    changed = scenarios.apply(small_project(), scenario)
    assert changed.rules.value.cost_weight == 0
    assert changed.rules.sessions.opening_min == 60
    assert small_project().rules.value.cost_weight == 0.2
    with pytest.raises(ValueError, match="Opening minutes: session lengths"):
        scenarios.apply(
            small_project(), scenarios.parse_scenario("x: Opening minutes=999")
        )
    for text in ("lots", "nan", "inf"):
        with pytest.raises(ValueError, match="Cost weight: expected a number"):
            scenarios.apply(
                small_project(), scenarios.parse_scenario(f"x: Cost weight={text}")
            )


def test_apply_changes_the_route_as_the_route_sheet_would() -> None:
    """Tests a shorter route, a country left out and its required site freed."""
    project = small_project()
    scenario = scenarios.parse_scenario(
        "4 days: End date=2027-03-04; Exclude countries=VN"
    )
    changed = scenarios.apply(project, scenario)
    assert changed.route.end_date == date(2027, 3, 4)
    assert changed.excluded_sites == ("VN-BT1",)
    assert not changed.site_by_id[SiteId("VN-BT1")].required  # was required
    assert changed.plan is None
    assert project.route.end_date == date(2027, 3, 5)  # the route is untouched


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x: End date=2027-02-01", "scenario 'x': expected a date on or after"),
        ("x: Exclude countries=TH", "no site is in or called TH"),
        ("x: Exclude sites=NOPE", "no site is in or called NOPE"),
    ],
)
def test_a_scenario_that_does_not_apply_is_refused(text: str, expected: str) -> None:
    """Tests that a setting the Route sheet refuses, or an unknown country or
    site, is an error naming the scenario."""
    with pytest.raises(ValueError, match=expected):
        scenarios.apply(small_project(), scenarios.parse_scenario(text))


@cache
def mekong() -> Project:
    """Return the Mekong sample (small_project has no plan: its required
    site cannot be fitted)."""
    project = read_inputs(MEKONG).project
    assert project is not None
    return project


def test_scenarios_plan_in_a_pool_side_by_side() -> None:
    """Tests two processes, results in the scenarios' order, each plan valid,
    and a scenario with no plan reported with its reason."""
    project = mekong()
    wanted = [
        scenarios.Scenario(name="as the route"),
        scenarios.parse_scenario("without Lao PDR: Exclude countries=LA"),
        scenarios.parse_scenario("tiny budget: Budget cap=100"),
    ]
    done: list[int] = []
    results = scenarios.run_scenarios(
        project, wanted, seconds=3, workers=2, on_done=lambda i, _r: done.append(i)
    )
    assert [r.name for r in results] == [s.name for s in wanted]
    assert sorted(done) == [0, 1, 2]
    base, without, tiny = results
    assert not base.problem
    assert not without.problem
    assert "LA" in base.countries
    assert without.plan is not None
    assert "LA" not in without.countries
    laos = {s.id for s in project.sites if s.country == "LA"}
    assert not laos & set(without.plan.visited_sites())
    assert tiny.problem.startswith("The budget cap 100.00 USD is below")
    assert tiny.plan is None
    assert tiny.budget_cap == 100
    for scenario, result in zip(wanted[:2], results[:2], strict=True):
        assert result.broken_rules == ()
        _checked(project, scenario, result)
    with pytest.raises(ValueError, match="has no plan"):
        scenarios.promote(project, wanted[2], tiny)


def test_a_stopped_comparison_stops_every_process_and_says_so() -> None:
    """Tests a cancel while two pool processes plan (60 s each): the plans
    under way are stopped in their processes, the waiting ones never plan,
    and every row says it was stopped (a plan that ran its time out would
    be a row with figures)."""
    project = mekong()
    wanted = [
        scenarios.Scenario(name="as the route"),
        scenarios.parse_scenario("short: End date=2027-03-08"),
        scenarios.parse_scenario("without Lao PDR: Exclude countries=LA"),
        scenarios.parse_scenario("longer: End date=2027-03-12"),
    ]
    cancel = CancelToken()
    done: list[int] = []
    timer = threading.Timer(8.0, cancel.cancel)  # the processes plan by then
    timer.start()
    try:
        results = scenarios.run_scenarios(
            project,
            wanted,
            seconds=60,
            workers=2,
            on_done=lambda i, _r: done.append(i),
            cancel=cancel,
        )
    finally:
        timer.cancel()
    assert sorted(done) == [0, 1, 2, 3]
    assert [r.name for r in results] == [s.name for s in wanted]
    assert [r.problem for r in results] == [scenarios.STOPPED] * 4
    assert all(r.plan is None and r.visits == 0 for r in results)
    # stopped rows keep the cap they were to plan under
    assert all(r.cap_known for r in results)
    assert {r.budget_cap for r in results} == {project.route.budget_cap}


def test_a_scenario_whose_settings_do_not_load_has_no_known_cap() -> None:
    """Tests a scenario with a budget cap that is not a number: its row says
    why and shows no cap figure at all (not "no cap"), in the comparison
    row as in the result; a stopped row of it the same."""
    project = mekong()
    bad = scenarios.Scenario(name="bad", settings=(("budget_cap", "lots"),))
    result = scenarios.plan_scenario(project, bad, seconds=1)
    assert "scenario 'bad'" in result.problem
    assert not result.cap_known
    assert not scenarios.comparison_row(result).cap_known
    cheap = scenarios.Scenario(name="cheap", settings=(("budget_cap", "40000"),))
    cancel = CancelToken()
    cancel.cancel()
    stopped = scenarios.plan_scenario(project, cheap, seconds=1, cancel=cancel)
    assert stopped.problem == scenarios.STOPPED
    assert stopped.budget_cap == Decimal(40000)
    assert stopped.cap_known
    assert not scenarios._stopped(project, bad).cap_known


def test_a_cancel_before_the_run_plans_nothing() -> None:
    """Tests one process and the budget curve: nothing is planned."""
    project = mekong()
    cancel = CancelToken()
    cancel.cancel()
    wanted = [scenarios.Scenario(name="as the route")]
    results = scenarios.run_scenarios(
        project, wanted, seconds=30, workers=1, cancel=cancel
    )
    assert [r.problem for r in results] == [scenarios.STOPPED]
    assert scenarios.budget_curve(project, seconds=30, cancel=cancel) == []


def test_budget_caps_are_even_steps() -> None:
    """Tests 4 caps from 1,000 to 2,500, and a single cap when low >= high."""
    caps = scenarios.budget_caps(Decimal(1000), Decimal(2500), 4)
    assert caps == [Decimal(1000), Decimal(1500), Decimal(2000), Decimal(2500)]
    assert scenarios.budget_caps(Decimal(5), Decimal(5), 4) == [Decimal(5)]


def test_the_budget_curve_runs_from_the_cheapest_plan_to_no_cap() -> None:
    """Tests that every capped plan keeps to its cap, the first is the
    cheapest plan (the required sites only) and the top is uncapped."""
    project = mekong()
    curve = scenarios.budget_curve(project, points=3, seconds=3, workers=1)
    assert len(curve) == 3
    assert curve[-1].cap is None
    caps = [p.cap for p in curve[:-1] if p.cap is not None]
    assert len(caps) == 2
    assert caps == sorted(caps)
    for point in curve[:-1]:
        assert point.cap is not None
        assert not point.result.problem, point.result.problem
        assert point.result.cost <= point.cap
        assert point.result.plan is not None
    required = {s.id for s in project.sites if s.required}
    first = curve[0].result.plan
    assert first is not None
    assert set(first.visited_sites()) == required
    top = curve[-1].result
    assert top.cost > caps[-1]
    assert top.value > curve[0].result.value


def test_scenarios_xlsx_compares_and_draws_the_curve(tmp_path: Path) -> None:
    """Tests the Comparison and Budget curve sheets, names kept as text."""
    project = small_project()
    result = scenarios.ScenarioResult(
        name=HOSTILE,
        changes="End date=2027-03-04",
        value=17.5,
        visits=2,
        themes=("rural finance",),
        countries=("KH", "VN"),
        cost=Decimal("9000.50"),
        budget_cap=Decimal(25000),
    )
    failed = scenarios.ScenarioResult(name="tiny", changes="x", problem="no plan")
    curve = [
        scenarios.CurvePoint(cap=Decimal(8000), result=result),
        scenarios.CurvePoint(cap=None, result=result),
    ]
    from lrplanner.exporters.scenarios_xlsx import write_scenarios_xlsx

    path = tmp_path / "scenarios.xlsx"
    write_scenarios_xlsx(
        path,
        [scenarios.comparison_row(result), scenarios.comparison_row(failed)],
        [scenarios.curve_row(p) for p in curve],
        route=project.route.name,
        currency="USD",
    )
    book = openpyxl.load_workbook(path)
    ws = book["Comparison"]
    assert ws["A2"].value == HOSTILE
    assert ws["A2"].data_type == "s"
    assert (ws["C2"].value, ws["D2"].value, ws["E2"].value) == (17.5, 2, 1)
    assert ws["F2"].value == "KH, VN"
    assert ws["C3"].value is None
    assert ws["N3"].value == "no plan"
    sheet = book["Budget curve"]
    assert isinstance(sheet, Worksheet)
    assert [sheet.cell(r, 1).value for r in (2, 3)] == [8000, "no cap"]
    assert len(sheet._charts) == 1  # type: ignore[attr-defined]  # the charts


def test_the_scenarios_command_writes_the_workbook(tmp_path: Path) -> None:
    """Tests 'lrplanner scenarios' end to end, and a bad scenario refused (2)."""
    source = tmp_path / "route.lrp"
    save_project(small_project(), source)
    out = tmp_path / "out"
    code = main(
        [
            "scenarios",
            str(source),
            "--out",
            str(out),
            "--seconds",
            "1",
            "--scenario",
            "4 days: End date=2027-03-04",
        ]
    )
    assert code == 0
    ws = openpyxl.load_workbook(out / "scenarios.xlsx")["Comparison"]
    assert [ws.cell(r, 1).value for r in (2, 3)] == ["as the route", "4 days"]
    bad = ["scenarios", str(source), "--out", str(out), "--scenario", "oops"]
    assert main(bad) == 2


def test_scenarios_are_kept_with_the_project(tmp_path: Path) -> None:
    """Tests add, rename, refuse a twin name, delete, and the project file."""
    project = small_project()
    short = scenarios.parse_scenario("short: End date=2027-03-04")
    cheap = scenarios.parse_scenario("cheap: Budget cap=20000; Exclude countries=VN")
    kept = scenarios.with_scenario(scenarios.with_scenario(project, short), cheap)
    assert [s.name for s in kept.scenarios] == ["short", "cheap"]
    with pytest.raises(ValueError, match="already called 'cheap'"):
        scenarios.with_scenario(kept, replace(short, name="cheap"), old="short")
    renamed = scenarios.with_scenario(kept, replace(short, name="4 days"), old="short")
    assert [s.name for s in renamed.scenarios] == ["4 days", "cheap"]
    with pytest.raises(ValueError, match="scenario 'bad'"):
        scenarios.with_scenario(
            kept, scenarios.parse_scenario("bad: End date=2026-01-01")
        )
    save_project(renamed, tmp_path / "route.lrp")
    again = load_project(tmp_path / "route.lrp")
    assert again.scenarios == renamed.scenarios
    assert scenarios.without_scenario(again, "cheap").scenarios == (
        replace(short, name="4 days"),
    )


def test_the_budget_curve_never_buys_less_with_more_money() -> None:
    """Tests that a cap whose search found less than a cheaper cap's plan
    (which fits it too) shows that plan and says so, as does a cap whose
    search found no plan; the others keep their own (the Mekong sample's
    curve had 79.4 at 66,520 and 74.5 at 67,114)."""

    def point(cap: int | None, value: float, problem: str = "") -> scenarios.CurvePoint:
        name = "no cap" if cap is None else f"cap {cap:,}"
        result = scenarios.ScenarioResult(
            name=name,
            changes=name,
            problem=problem,
            value=value,
            visits=int(value // 10),
            cost=Decimal(value * 600),
            budget_cap=None if cap is None else Decimal(cap),
        )
        return scenarios.CurvePoint(
            cap=None if cap is None else Decimal(cap), result=result
        )

    curve = [
        point(64_737, 43.0),
        point(66_520, 79.4),
        point(67_114, 74.5),
        point(67_708, 0.0, problem="no plan fits the cap"),
        point(68_303, 104.4),
        point(None, 100.2),
    ]
    shown = scenarios.never_less(curve)
    assert [p.result.value for p in shown] == [43.0, 79.4, 79.4, 79.4, 104.4, 104.4]
    assert [p.carried for p in shown] == [
        None, None, Decimal(66_520), Decimal(66_520), None, Decimal(68_303)
    ]  # fmt: skip
    assert [p.cap for p in shown] == [p.cap for p in curve]
    assert shown[2].result.name == "cap 67,114"
    assert shown[2].result.cost == curve[1].result.cost
    assert shown[2].result.budget_cap == Decimal(67_114)
    rows = [scenarios.curve_row(p) for p in shown]
    assert (
        rows[2].note == "the plan of cap 66,520: the search under this cap found 74.5"
    )
    assert (
        rows[3].note
        == "the plan of cap 66,520: the search under this cap found no plan"
    )
    assert rows[3].value == 79.4
    assert rows[1].note == ""
    values = [r.value for r in rows if r.value is not None]
    assert len(values) == len(rows)
    assert values == sorted(values)
