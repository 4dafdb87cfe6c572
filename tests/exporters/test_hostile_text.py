"""User text is data, never code: hostile text in every text cell, end to end.

Every text and list cell of every sheet of the South Asia sample starts with a
template, markup or formula probe; the route is imported, planned and written
like ``lrplanner plan`` does, and every file is read back the way its reader
reads it (the map through an HTML parser and the JSON strings handed to
Leaflet, the workbooks through openpyxl, the PDF through pypdf, plan.json
through json). Each probe must come back literally: never evaluated (no "49"
for ``{{ 7*7 }}``), never a formula, never live markup.
"""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

import openpyxl
import pytest
from pypdf import PdfReader

from lrplanner import services, storage
from lrplanner.importers import read_inputs
from tests.hostile_text import PROBES, ROUTE_NAME, SAMPLE, hostile_folder

if TYPE_CHECKING:
    from pathlib import Path

    from lrplanner.core.project import Project
    from lrplanner.planner.plan import PlanOutcome


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, Path]:
    """Import, plan and write the hostile route; return the project and folder."""
    base = tmp_path_factory.mktemp("hostile")
    folder = base / "route"
    shutil.copytree(SAMPLE, folder)
    hostile_folder(folder)
    result = read_inputs(folder)
    assert result.project is not None, result.summary()
    outcome: PlanOutcome = services.plan_project(result.project, seconds=3, seed=1)
    out = base / "out"
    services.write_outcome(outcome, out)
    return result.project, out


def _probe_texts(project: Project) -> set[str]:
    """Return the user texts that carry a probe (names, hosts, organisations)."""
    texts = {project.route.name}
    texts |= {s.name for s in project.sites} | {s.host for s in project.sites}
    texts |= {c.name for c in project.champions}
    texts |= {p.name for p in project.participants}
    texts |= {p.name for p in project.places}
    return {t for t in texts if any(p in t for p in PROBES)}


def test_import_keeps_the_probes_as_text(hostile_run: tuple[Project, Path]) -> None:
    """Tests that the importer stores the hostile text unchanged."""
    project, _ = hostile_run
    assert project.route.name == ROUTE_NAME
    texts = _probe_texts(project)
    for probe in PROBES:
        assert any(t.startswith(probe) for t in texts), probe


class _Page(HTMLParser):
    """Collects the visible text of a page and the source of its scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.scripts: list[str] = []
        self.tags: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)


def _bound_texts(scripts: list[str]) -> list[str]:
    """Return the popup and tooltip HTML strings the map binds (JSON decoded)."""
    found = []
    call = re.compile(r"\.bind(?:Popup|Tooltip)\((\"(?:[^\"\\]|\\.)*\")")
    for script in scripts:
        found += [json.loads(m.group(1)) for m in call.finditer(script)]
    return found


def _visible(markup: str) -> str:
    page = _Page()
    page.feed(markup)
    return "".join(page.text)


def test_map_shows_probes_literally(hostile_run: tuple[Project, Path]) -> None:
    """Tests that map.html renders every probe as text (legend, popups, tooltips)."""
    project, out = hostile_run
    raw = (out / "map.html").read_text(encoding="utf-8")
    page = _Page()
    page.feed(raw)
    visible = "".join(page.text)
    assert ROUTE_NAME in visible  # the legend, read back through the parser
    assert "Probe 49 route" not in raw
    # No user markup became a tag: no script block holds the probes' code.
    assert "<script>alert(1)</script>" not in raw
    assert "<script>x</script>" not in raw
    assert not {script.strip() for script in page.scripts} & {"alert(1)", "x"}
    bound = [_visible(text) for text in _bound_texts(page.scripts)]
    assert bound, "the map binds popups and tooltips"
    shown = "\n".join(bound)
    hostile = {n for n in _visited_names(project, out) if _has_probe(n)}
    assert hostile, "the plan visits hostile-named sites"
    for name in hostile:
        assert name in shown


def _visited_names(project: Project, out: Path) -> set[str]:
    """Return the names of the sites the written plan visits."""
    planned = storage.load_project(out / services.PROJECT_FILE)
    assert planned.plan is not None
    visited = {e.site for d in planned.plan.days for e in d.events if e.site}
    return {s.name for s in project.sites if s.id in visited}


def _cells(path: Path) -> list[Any]:
    book = openpyxl.load_workbook(path)
    return [cell for ws in book.worksheets for row in ws.iter_rows() for cell in row]


@pytest.mark.parametrize("name", ["agenda.xlsx", "costs.xlsx"])
def test_workbooks_keep_probes_as_text(
    name: str, hostile_run: tuple[Project, Path]
) -> None:
    """Tests that every cell holding a probe is a text cell with the exact text."""
    _, out = hostile_run
    cells = _cells(out / name)
    probed = [c for c in cells if isinstance(c.value, str) and _has_probe(c.value)]
    assert probed
    assert {c.data_type for c in probed} == {"s"}
    if name == "agenda.xlsx":  # the roster: a participant named "=1+1 ..."
        assert any(str(c.value).startswith("=1+1") for c in probed)
    # Formulas the exporter wrote itself never contain user text.
    formulas = [c.value for c in cells if c.data_type == "f"]
    assert not [f for f in formulas if _has_probe(str(f))]
    if name == "agenda.xlsx":
        values = {c.value for c in cells}
        assert any(str(v).startswith(ROUTE_NAME) for v in values if v)


def _has_probe(text: str) -> bool:
    return any(p in text for p in PROBES) or "<script>x</script>" in text


def test_pdf_prints_probes_literally(hostile_run: tuple[Project, Path]) -> None:
    """Tests that agenda.pdf shows the route name with its braces and tags."""
    _, out = hostile_run
    text = "\n".join(p.extract_text() for p in PdfReader(out / "agenda.pdf").pages)
    flat = " ".join(text.split())
    assert "Probe {{ 7*7 }} route {#2027} {% raw %} <script>x</script>" in flat
    assert "Probe 49" not in flat


def test_plan_json_keeps_probes(hostile_run: tuple[Project, Path]) -> None:
    """Tests that plan.json carries the hostile names unchanged."""
    project, out = hostile_run
    document = json.loads((out / "plan.json").read_text(encoding="utf-8"))
    titles = {e["title"] for d in document["days"] for e in d["events"]}
    for name in (n for n in _visited_names(project, out) if _has_probe(n)):
        assert f"Visit: {name}" in titles
    nights = {d["overnight"]["name"] for d in document["days"] if d["overnight"]}
    assert {p.name for p in project.places} >= nights
    assert any(_has_probe(n) for n in nights)


def test_phone_agenda_shows_probes_literally(hostile_run: tuple[Project, Path]) -> None:
    """Tests that agenda.html shows every probe as text, escaped exactly once:
    no live tag, no script, no template evaluated, no ``&amp;lt;``."""
    project, out = hostile_run
    raw = (out / "agenda.html").read_text(encoding="utf-8")
    page = _Page()
    page.feed(raw)
    visible = "".join(page.text)
    assert ROUTE_NAME in visible
    assert "script" not in page.tags
    assert "<script>" not in raw
    assert "&amp;lt;" not in raw
    assert "&lt;script&gt;" not in visible
    assert "Probe 49" not in visible
    hostile = {n for n in _visited_names(project, out) if _has_probe(n)}
    assert hostile
    for name in hostile:
        assert f"Visit: {name}" in visible


def test_calendar_keeps_probes(hostile_run: tuple[Project, Path]) -> None:
    """Tests that route.ics, parsed back, carries the hostile names unchanged."""
    from icalendar import Calendar

    project, out = hostile_run
    calendar = Calendar.from_ical((out / "route.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    summaries = {str(e["summary"]) for e in events}
    for name in (n for n in _visited_names(project, out) if _has_probe(n)):
        assert f"Visit: {name}" in summaries
    assert all(
        str(e["description"]).endswith(f"Learning Route: {ROUTE_NAME}") for e in events
    )
