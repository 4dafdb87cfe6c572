"""Tests of visas.xlsx against the plan, the Participants and the Visas sheets."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import openpyxl

from lrplanner.core.visas import Requirement, VisaRule
from lrplanner.exporters.visas_xlsx import ENTRY_HEADERS, write_visas_xlsx
from lrplanner.exporters.xlsx_cells import CHECK_SHEET
from tests.exporters.fixtures import make_plan, sample_project

if TYPE_CHECKING:
    from pathlib import Path

    from openpyxl.worksheet.worksheet import Worksheet

TOP = 6  # the header row of the Visas sheet


def _rows(ws: Worksheet, top: int) -> list[dict[str, object]]:
    headers = [str(c.value) for c in ws[top]]
    return [
        dict(zip(headers, (c.value for c in row), strict=True))
        for row in ws.iter_rows(min_row=top + 1)
    ]


def test_every_participant_has_every_country(exported: dict[str, Path]) -> None:
    """Tests one row per participant and country entered, in roster order."""
    project = sample_project()
    wb = openpyxl.load_workbook(exported["visas.xlsx"])
    assert wb.sheetnames == ["Visas", "Route countries", "Rules"]
    ws = wb["Visas"]
    assert [c.value for c in ws[TOP]] == list(ENTRY_HEADERS)
    rows = _rows(ws, TOP)
    assert [r["Participant"] for r in rows] == [
        p.id for p in project.participants for _ in range(2)
    ]
    assert [r["Country entered"] for r in rows[:2]] == ["NP Nepal", "BD Bangladesh"]
    assert {(r["Entry date"], r["Last day"], r["Days"]) for r in rows} == {
        ("Sun 10 Jan 2027", "Tue 12 Jan 2027", 3),
        ("Tue 12 Jan 2027", "Wed 13 Jan 2027", 2),
    }


def test_needs_follow_the_rules_and_never_guess(exported: dict[str, Path]) -> None:
    """Tests own country, the sample's Nepal rules and 'no rule entered' for
    Bangladesh, which the starting table leaves to the officer."""
    project = sample_project()
    nationality: dict[str, str] = {p.id: p.country for p in project.participants}
    rows = _rows(openpyxl.load_workbook(exported["visas.xlsx"])["Visas"], TOP)
    for row in rows:
        home = nationality[str(row["Participant"])]
        entered = str(row["Country entered"])[:2]
        if home == entered:
            assert (row["Needs"], row["To check"]) == ("none (own country)", None)
        elif entered == "BD":
            assert row["Needs"] == "no rule entered"
            assert str(row["To check"]).startswith(f"no rule entered for {home}")
            assert row["Source"] is None
        else:
            assert (row["Needs"], row["Max days"]) == ("on arrival", 30)
            assert str(row["Source"]).startswith("starting table, LR Planner")
    ws = openpyxl.load_workbook(exported["visas.xlsx"])["Visas"]
    abroad = sum(1 for r in rows if r["Needs"] != "none (own country)")
    assert str(ws["A4"].value).startswith(f"{abroad} entries into another country")
    assert "does not know visa policies" in str(ws["A2"].value)


def test_countries_and_rules_sheets(exported: dict[str, Path]) -> None:
    """Tests the route's stays by country and the rules with their use counts."""
    project = sample_project()
    wb = openpyxl.load_workbook(exported["visas.xlsx"])
    stays = _rows(wb["Route countries"], 5)
    assert [(r["Country"], r["Days"]) for r in stays] == [
        ("NP Nepal", 3),
        ("BD Bangladesh", 2),
    ]
    rules = _rows(wb["Rules"], 5)
    assert len(rules) == len(project.visas)
    used = {str(r["Nationality"])[:2]: r["Entries"] for r in rules}
    people = [p.country for p in project.participants]
    assert used == {n: people.count(n) for n in used}


def test_over_stay_is_flagged(tmp_path: Path) -> None:
    """Tests that a rule allowing fewer days than the stay flags the row."""
    project = sample_project()
    short = tuple(
        replace(rule, max_days=2) if rule.nationality == "ID" else rule
        for rule in project.visas
    )
    plan = make_plan(project.with_changes(visas=short))
    path = tmp_path / "visas.xlsx"
    write_visas_xlsx(plan.project, plan.itinerary, path)
    rows = _rows(openpyxl.load_workbook(path)["Visas"], TOP)
    flagged = [
        r for r in rows if r["Country entered"] == "NP Nepal" and r["Max days"] == 2
    ]
    assert len(flagged) == 2
    assert all(
        str(r["To check"]).startswith("stays 3 days, longer than the 2 days allowed")
        for r in flagged
    )


def test_hostile_text_stays_text(tmp_path: Path) -> None:
    """Tests that formula-like names, notes and sources are written as text."""
    project = sample_project()
    people = (replace(project.participants[0], name="=1+2"), *project.participants[1:])
    rule = VisaRule(
        nationality="NP",
        destination="BD",
        requirement=Requirement.VISA,
        note='=HYPERLINK("http://evil","x")',
        source="@SUM(A1)",
    )
    plan = make_plan(
        project.with_changes(participants=people, visas=(*project.visas, rule))
    )
    path = tmp_path / "visas.xlsx"
    write_visas_xlsx(plan.project, plan.itinerary, path)
    texts = {"=1+2", rule.note, rule.source}
    found: dict[object, set[str]] = {}
    for ws in openpyxl.load_workbook(path).worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value in texts:
                    found.setdefault(cell.value, set()).add(cell.data_type)
    assert set(found) == texts
    assert all(kinds == {"s"} for kinds in found.values())


def test_a_failing_plan_says_not_checked(tmp_path: Path) -> None:
    """Tests the NOT CHECKED first sheet and the warning in every sheet's title."""
    plan = make_plan()
    path = tmp_path / "visas.xlsx"
    write_visas_xlsx(
        plan.project, plan.itinerary, path, check_failures=("a visit is closed",)
    )
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == CHECK_SHEET
    assert wb[CHECK_SHEET]["A3"].value == "a visit is closed"
    for ws in wb.worksheets[1:]:
        assert str(ws["A1"].value).startswith("NOT CHECKED")
