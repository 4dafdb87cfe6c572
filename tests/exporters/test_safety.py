"""Tests that user text never becomes a formula and failed exports keep old files."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import openpyxl
import pytest

from lrplanner.core.report import PlanReport
from lrplanner.exporters import write_exports
from lrplanner.exporters.agenda_html import write_agenda_html
from lrplanner.exporters.agenda_ics import write_agenda_ics
from lrplanner.exporters.agenda_pdf import write_agenda_pdf
from lrplanner.exporters.agenda_xlsx import write_agenda_xlsx
from lrplanner.exporters.arrivals_xlsx import write_arrivals_xlsx
from lrplanner.exporters.costs_xlsx import write_costs_xlsx
from lrplanner.exporters.map_html import write_map_html
from lrplanner.exporters.meals_xlsx import write_meals_xlsx
from lrplanner.exporters.rooms_xlsx import write_rooms_xlsx
from lrplanner.exporters.visas_xlsx import write_visas_xlsx
from tests.exporters.fixtures import Plan, make_plan, sample_project

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

INJECTIONS = {
    "SC09": '=HYPERLINK("http://evil","x")',
    "SC02": "+1+2",
    "SC01": "-2+3",
    "SC03": "@SUM(A1)",
    "SC18": "\t=1+1",
}


@pytest.fixture(scope="module")
def hostile() -> Plan:
    """Return the plan with champion and participant names that look like formulas."""
    project = sample_project()
    champions = tuple(
        replace(c, name=INJECTIONS.get(c.id, c.name), honorarium=c.honorarium)
        for c in project.champions
    )
    people = (replace(project.participants[0], name="=1+2"), *project.participants[1:])
    return make_plan(project.with_changes(champions=champions, participants=people))


def cells_with(path: Path, texts: set[str]) -> dict[str, tuple[str, object]]:
    """Return data type and value of every cell whose value is one of ``texts``."""
    found: dict[str, tuple[str, object]] = {}
    for ws in openpyxl.load_workbook(path).worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value in texts:
                    found[cell.value] = (cell.data_type, cell.value)
    return found


def test_agenda_formula_like_names_stay_text(hostile: Plan, tmp_path: Path) -> None:
    """Tests that names starting with = + - @ or tab are written and read as text."""
    path = tmp_path / "agenda.xlsx"
    write_agenda_xlsx(
        hostile.project, hostile.itinerary, hostile.costs, hostile.indicators, path
    )
    texts = {*INJECTIONS.values(), "=1+2"}
    found = cells_with(path, texts)
    assert set(found) == texts
    assert {kind for kind, _ in found.values()} == {"s"}


def test_costs_formula_like_items_stay_text(hostile: Plan, tmp_path: Path) -> None:
    """Tests that cost items and rate labels from user names are text, not formulas."""
    path = tmp_path / "costs.xlsx"
    write_costs_xlsx(hostile.project, hostile.costs, path)
    ws = openpyxl.load_workbook(path)["Lines"]
    items = [ws.cell(r, 4) for r in range(2, ws.max_row + 1)]
    hostile_items = [
        c for c in items if str(c.value).startswith(("=", "+", "-", "@", "\t"))
    ]
    assert [c.value for c in hostile_items][:2] == [
        "=1+2: fare to start",
        "=1+2: fare home",
    ]
    assert {c.data_type for c in hostile_items} == {"s"}


def failing(monkeypatch: pytest.MonkeyPatch, target: str) -> None:
    """Make ``target`` (module.attribute) raise when called."""

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(target, boom)


WRITERS: dict[str, tuple[str, Callable[[Plan, Path], None]]] = {
    "agenda.xlsx": (
        "lrplanner.exporters.agenda_xlsx.write_roster",
        lambda p, path: write_agenda_xlsx(
            p.project, p.itinerary, p.costs, p.indicators, path
        ),
    ),
    "costs.xlsx": (
        "lrplanner.exporters.costs_xlsx.write_summary",
        lambda p, path: write_costs_xlsx(p.project, p.costs, path),
    ),
    "map.html": (
        "lrplanner.exporters.map_html.inline_assets",
        lambda p, path: write_map_html(p.project, p.itinerary, path),
    ),
    "agenda.pdf": (
        "lrplanner.exporters.agenda_pdf._draw_footer",
        lambda p, path: write_agenda_pdf(p.project, p.itinerary, path),
    ),
    "rooms.xlsx": (
        "lrplanner.exporters.rooms_xlsx.write_stay",
        lambda p, path: write_rooms_xlsx(p.project, p.itinerary, path),
    ),
    "meals.xlsx": (
        "lrplanner.exporters.meals_xlsx.write_diets",
        lambda p, path: write_meals_xlsx(p.project, p.itinerary, path),
    ),
    "visas.xlsx": (
        "lrplanner.exporters.visas_xlsx.write_rules",
        lambda p, path: write_visas_xlsx(p.project, p.itinerary, path),
    ),
    "route.ics": (
        "lrplanner.exporters.agenda_ics.Calendar.to_ical",
        lambda p, path: write_agenda_ics(p.project, p.itinerary, path),
    ),
    "agenda.html": (
        "lrplanner.exporters.agenda_html.estimated_legs",
        lambda p, path: write_agenda_html(p.project, p.itinerary, path),
    ),
    "arrivals.xlsx": (
        "lrplanner.exporters.arrivals_xlsx.write_people",
        lambda p, path: write_arrivals_xlsx(p.project, p.itinerary, path),
    ),
}


@pytest.mark.parametrize("name", list(WRITERS))
def test_failed_export_keeps_old_file(
    name: str, plan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests that a writer raising midway leaves the previous file and no temp file."""
    target, write = WRITERS[name]
    path = tmp_path / name
    path.write_bytes(b"previous export")
    failing(monkeypatch, target)
    with pytest.raises(RuntimeError, match="disk full"):
        write(plan, path)
    assert path.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_write_exports_writes_every_file(exported: dict[str, Path]) -> None:
    """Tests that write_exports writes the registry's files, each non-trivial."""
    assert sorted(exported) == [
        "agenda.html",
        "agenda.pdf",
        "agenda.xlsx",
        "arrivals.xlsx",
        "costs.xlsx",
        "map.html",
        "meals.xlsx",
        "rooms.xlsx",
        "route.ics",
        "visas.xlsx",
    ]
    assert all(p.stat().st_size > 5000 for p in exported.values())


def test_write_exports_creates_the_folder(plan: Plan, tmp_path: Path) -> None:
    """Tests that write_exports creates a missing output folder and returns its
    paths, in registry order, or in the order asked."""
    out = tmp_path / "new" / "exports"
    paths = write_exports(plan.project, plan.itinerary, plan.report(), out)
    names = ("agenda.xlsx", "costs.xlsx", "map.html", "agenda.pdf", "rooms.xlsx")
    more = ("meals.xlsx", "visas.xlsx", "route.ics", "agenda.html", "arrivals.xlsx")
    assert paths == [out / n for n in (*names, *more)]
    some = write_exports(
        plan.project, plan.itinerary, plan.report(), out, ["pdf", "costs"]
    )
    assert some == [out / "agenda.pdf", out / "costs.xlsx"]
    with pytest.raises(KeyError):
        write_exports(plan.project, plan.itinerary, plan.report(), out, ["docx"])


def test_empty_itinerary_exports(tmp_path: Path) -> None:
    """Tests that a plan with no days still exports valid files."""
    from lrplanner.core.costmodel import compute_costs
    from lrplanner.core.indicators import indicators
    from lrplanner.core.plan import Itinerary
    from lrplanner.core.rules import ValueRules

    project = sample_project()
    empty = Itinerary(days=())
    costs = compute_costs(project, empty)
    ind = indicators(project, empty, costs, ValueRules())
    report = PlanReport(costs=costs, indicators=ind, violations=())
    paths = write_exports(project, empty, report, tmp_path)
    sheets = openpyxl.load_workbook(paths[0]).sheetnames
    assert sheets == ["Overview", "Participants", "Champions"]
    assert all(p.stat().st_size > 1000 for p in paths if p.suffix != ".ics")
    ics = next(p for p in paths if p.suffix == ".ics")
    calendar = ics.read_text(encoding="utf-8")
    assert calendar.startswith("BEGIN:VCALENDAR")
    assert "BEGIN:VEVENT" not in calendar
