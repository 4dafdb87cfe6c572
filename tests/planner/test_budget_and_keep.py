"""The command line and the budget: floors said with amounts, --keep-visits.

A budget cap no plan can meet gets a message with the amount, never a crash.

The floors the message names are checked against the planner itself: a cap
a little above the stated minimum plans (and the plan passes the check and
costs no more than the cap), a cap a little below it does not.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest

from lrplanner import storage
from lrplanner.core.errors import InfeasibleRequest
from lrplanner.core.validate import validate
from lrplanner.entry import main
from lrplanner.network.graph import TravelNetwork
from lrplanner.planner.plan import plan_route
from lrplanner.planner.report import travel_check
from tests.planner.conftest import SAMPLES, load_sample

if TYPE_CHECKING:
    from pathlib import Path

    from lrplanner.core.project import Project

AT_LEAST = re.compile(r"raise the cap to at least ([\d,]+\.\d\d)")


def _capped(project: Project, cap: Decimal) -> Project:
    return project.with_changes(route=replace(project.route, budget_cap=cap))


def _floor(message: str) -> Decimal:
    found = AT_LEAST.search(message)
    assert found is not None, message
    return Decimal(found.group(1).replace(",", ""))


def _refusal(project: Project, cap: Decimal) -> str:
    with pytest.raises(InfeasibleRequest) as caught:
        plan_route(_capped(project, cap), seconds=2.0, seed=0)
    return str(caught.value)


def test_a_cap_below_the_fixed_costs_names_every_part() -> None:
    """Tests the message for a cap of 5,000 on the Mekong sample: the parts
    of the fixed costs, their sum with contingency, and the cap to raise to."""
    project = load_sample("mekong")
    message = _refusal(project, Decimal(5000))
    assert "international fares" in message
    assert "interpreter and facilitator fees" in message
    assert "contingency" in message
    floor = _floor(message)
    assert floor > Decimal(5000)
    # just above the fixed costs, the cheapest plan still needs lodging
    assert _floor(_refusal(project, floor + 1)) > floor


@pytest.mark.parametrize("name", ["mekong", "south_asia"])
def test_the_stated_minimum_is_what_a_plan_needs(name: str) -> None:
    """Tests the floor of the cheapest plan with the required sites: 100
    below it there is no plan; 100 above it the planner finds one, checked,
    within the cap."""
    project = load_sample(name)
    floor = _floor(_refusal(project, Decimal(1000)))
    while True:  # walk up the floors: fixed costs, no visits, required sites
        try:
            plan_route(_capped(project, floor + 100), seconds=2.0, seed=0)
        except InfeasibleRequest as exc:
            higher = _floor(str(exc))
            assert higher > floor
            floor = higher
            continue
        break
    _refusal(project, floor - 100)
    outcome = plan_route(_capped(project, floor + 100), seconds=4.0, seed=0)
    network = TravelNetwork.from_project(project)
    capped = _capped(project, floor + 100)
    assert validate(capped, outcome.itinerary, travel_check(network)) == []
    assert outcome.report.costs.total <= floor + 100


def test_the_command_line_exits_3_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tests `lrplanner plan` on a project whose cap is far too low."""
    project = load_sample("mekong")
    path = tmp_path / "low.lrp"
    storage.save_project(_capped(project, Decimal(5000)), path)
    code = main(["plan", str(path), "--out", str(tmp_path / "out"), "--seconds", "2"])
    captured = capsys.readouterr()
    assert code == 3
    assert "Traceback" not in captured.err
    assert "raise the cap to at least" in captured.err + captured.out


def test_keep_visits_from_the_command_line(tmp_path: Path) -> None:
    """Tests `lrplanner plan project.lrp --keep-visits`: every visit of the
    saved plan is on its day in the new plan, held by a lock."""
    project = load_sample("south_asia")
    planned = project.with_changes(
        plan=plan_route(project, seconds=3.0, seed=0).itinerary
    )
    path = tmp_path / "planned.lrp"
    storage.save_project(planned, path)
    out = tmp_path / "again"
    args = ["plan", str(path), "--out", str(out), "--seconds", "3", "--keep-visits"]
    assert main(args) == 0
    again = storage.load_project(out / "project.lrp")
    assert again.plan is not None
    assert planned.plan is not None
    before = {e.site: d.day for d in planned.plan.days for e in d.visits()}
    after = {e.site: d.day for d in again.plan.days for e in d.visits()}
    assert all(after.get(site) == day for site, day in before.items())
    assert {lock.site for lock in again.locks} >= set(before)


def test_keep_visits_needs_a_saved_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tests --keep-visits on a workbook (no plan): exit 2 and why."""
    workbook = str(SAMPLES / "south_asia.xlsx")
    out = str(tmp_path / "out")
    assert main(["plan", workbook, "--out", out, "--keep-visits"]) == 2
    assert "needs a project file" in capsys.readouterr().err
