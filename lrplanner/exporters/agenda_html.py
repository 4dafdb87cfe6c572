"""``agenda.html``: the daily agenda as one page for a phone, offline.

The rows are the printed agenda's (:func:`agenda_rows.day_rows`, as in
agenda.xlsx and agenda.pdf): local times with their zone, activity, place,
host, champions and contacts, address, travel. The page is self-contained:
inline CSS, no script, no font, image or link to fetch (its
Content-Security-Policy forbids any), a single column that reads on a small
screen and prints. Every user text is HTML-escaped exactly once, in
:func:`text`; nothing else reaches the page unescaped but the markup written
here.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from lrplanner.core.atomic import atomic_write_text
from lrplanner.exporters.agenda_rows import (
    OVERNIGHT,
    activity_lines,
    check_banner,
    day_before,
    day_heading,
    day_rows,
    estimated_legs,
)
from lrplanner.exporters.route_contacts import route_contacts

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from lrplanner.core.plan import DayPlan, Itinerary
    from lrplanner.core.project import Project
    from lrplanner.exporters.agenda_rows import AgendaRow

CSP = "default-src 'none'; style-src 'unsafe-inline'"
STYLE = """
:root { color-scheme: light dark; --line: #d0d7de; --muted: #57606a;
  --accent: #1f4e78; --alert: #c0392b; --band: #f3f6f9; }
@media (prefers-color-scheme: dark) { :root { --line: #3d444d; --muted: #9da7b3;
  --accent: #79b8ff; --alert: #ff7b72; --band: #161b22; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 46rem; padding: 0.75rem;
  font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
  sans-serif; overflow-wrap: anywhere; }
h1 { font-size: 1.35rem; margin: 0.25rem 0; }
h2 { font-size: 1.1rem; margin: 0; padding: 0.5rem 0.6rem; color: #fff;
  background: var(--accent); border-radius: 6px 6px 0 0; }
@media (prefers-color-scheme: dark) { h2 { color: #0d1117; } }
.sub, .zone, .muted { color: var(--muted); }
nav { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0.75rem 0; }
nav a { padding: 0.3rem 0.55rem; border: 1px solid var(--line);
  border-radius: 1rem; text-decoration: none; color: inherit; font-size: 0.9rem; }
.alert { color: var(--alert); font-weight: 700; border: 2px solid var(--alert);
  border-radius: 6px; padding: 0.5rem 0.7rem; margin: 0.6rem 0; }
.alert ul { margin: 0.3rem 0 0; padding-left: 1.2rem; font-weight: 400; }
section { margin: 1rem 0 1.5rem; border: 1px solid var(--line);
  border-radius: 6px; break-inside: avoid-page; }
ol { list-style: none; margin: 0; padding: 0; }
ol > li { display: grid; grid-template-columns: 6.9rem 1fr; gap: 0.6rem;
  padding: 0.55rem 0.6rem; border-top: 1px solid var(--line); }
ol > li:first-child { border-top: 0; }
ol > li.meal, ol > li.overnight { background: var(--band); }
.time { font-variant-numeric: tabular-nums; font-weight: 600; font-size: 0.95rem; }
.clock { white-space: nowrap; }
.zone { font-weight: 400; font-size: 0.8rem; }
.activity { font-weight: 600; }
.detail { font-size: 0.92rem; }
.detail b { font-weight: 600; color: var(--muted); }
.estimates ul { margin: 0; padding: 0.5rem 0.6rem 0.5rem 1.6rem; }
.contacts { margin: 0.3rem 0; font-size: 0.92rem; }
section .contacts { margin: 0; padding: 0.4rem 0.6rem;
  border-bottom: 1px solid var(--line); background: var(--band); }
footer { font-size: 0.85rem; color: var(--muted); margin: 1rem 0; }
@media print { nav { display: none; } section { break-inside: avoid; } }
"""
#: The labelled detail lines of a row, in order.
DETAILS = (
    ("place", "Place"),
    ("host", "Host"),
    ("champions", "Champion(s)"),
    ("address", "Address"),
    ("travel", "Travel"),
)


def write_agenda_html(
    project: Project,
    itinerary: Itinerary,
    path: Path,
    *,
    check_failures: Sequence[str] = (),
) -> None:
    """Write the agenda as one self-contained HTML page, atomically.

    Parameters
    ----------
    project
        The inputs (names, hosts, champions and contacts).
    itinerary
        The plan to show.
    path
        Where to write the page; an old file is replaced only on success.
    check_failures
        The hard rules the plan breaks (empty for a checked plan): the page
        starts with a red warning listing them and every day repeats it.
    """
    atomic_write_text(path, agenda_page(project, itinerary, check_failures))


def text(value: str) -> str:
    """Return user text as HTML text (escaped once; line breaks kept)."""
    return html.escape(value).replace("\n", "<br>")


def agenda_page(
    project: Project, itinerary: Itinerary, check_failures: Sequence[str] = ()
) -> str:
    """Return the whole page (see :func:`write_agenda_html`)."""
    route = project.route
    count = len(itinerary.days)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        f"<title>{text(route.name)} \u2013 agenda</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<header><h1>{text(route.name)}</h1>",
        f'<p class="sub">{route.start_date:%d %b %Y} \u2013 '
        f"{route.end_date:%d %b %Y} \u00b7 {count} day{'s' * (count != 1)} "
        "\u00b7 all times local</p>",
        _alert(check_failures, listed=True),
        _contacts(project),
        "</header>",
        _nav(itinerary),
    ]
    for number, day in enumerate(itinerary.days, start=1):
        before = day_before(itinerary, number - 1)
        parts.append(
            _day_section(project, (before, day), number, count, check_failures)
        )
    parts.append(_estimates(project, itinerary))
    parts.append("<footer>Written by LR Planner.</footer></body></html>")
    return "\n".join(p for p in parts if p) + "\n"


def _alert(check_failures: Sequence[str], *, listed: bool) -> str:
    if not check_failures:
        return ""
    items = ""
    if listed:
        items = "<ul>" + "".join(f"<li>{text(f)}</li>" for f in check_failures)
        items += "</ul>"
    return f'<div class="alert" role="alert">{text(check_banner(check_failures))}'\
        f"{items}</div>"  # fmt: skip


def _contacts(project: Project) -> str:
    """Return the route's contacts as one line (empty when both are blank)."""
    items = " \u00b7 ".join(
        f"<b>{label}:</b> {text(value)}"
        for label, value in route_contacts(project.route)
    )
    return f'<div class="contacts">{items}</div>' if items else ""


def _nav(itinerary: Itinerary) -> str:
    links = "".join(
        f'<a href="#day-{n}">{day.day:%a %d %b}</a>'
        for n, day in enumerate(itinerary.days, start=1)
    )
    return f'<nav aria-label="Days">{links}</nav>' if links else ""


def _day_section(
    project: Project,
    days: tuple[DayPlan | None, DayPlan],
    number: int,
    count: int,
    check_failures: Sequence[str],
) -> str:
    """Return one day's section; ``days`` is (the day before or None, the day)."""
    before, day = days
    rest = " \u00b7 rest day" if day.rest else ""
    rows = "\n".join(_row(row) for row in day_rows(project, day, before=before))
    return (
        f'<section id="day-{number}"><h2>Day {number} of {count} \u00b7 '
        f"{text(day_heading(project, day))}{rest}</h2>"
        f"{_alert(check_failures, listed=False)}"
        f"{_contacts(project)}<ol>\n{rows}\n</ol></section>"
    )


def _row(row: AgendaRow) -> str:
    time = "<br>".join(
        f'<span class="zone">{text(line)}</span>' if line.startswith("UTC")
        else f'<span class="clock">{text(line)}</span>' if "(" not in line
        else text(line)
        for line in row.time.split("\n")
    )  # fmt: skip
    activity, under = activity_lines(row.activity)
    if row.kind == OVERNIGHT and row.place:
        activity = f"{activity}: {row.place}"
    details = "".join(
        f'<div class="detail"><b>{text(label)}:</b> {text(line)}</div>'
        if label
        else f'<div class="detail">{text(line)}</div>'
        for label, line in under
    )
    details += "".join(
        f'<div class="detail"><b>{label}:</b> {text(getattr(row, name))}</div>'
        for name, label in DETAILS
        if getattr(row, name) and getattr(row, name) not in activity
    )
    kind = "overnight" if row.kind == OVERNIGHT else html.escape(row.kind)
    return (
        f'<li class="{kind}"><div class="time">{time}</div>'
        f'<div><div class="activity">{text(activity)}</div>{details}</div></li>'
    )


def _estimates(project: Project, itinerary: Itinerary) -> str:
    lines = estimated_legs(project, itinerary)
    if not lines:
        return ""
    items = "".join(f"<li>{text(line)}</li>" for line in lines)
    return (
        '<section class="estimates"><h2>Estimated travel times: confirm</h2>'
        f'<ul class="detail">{items}</ul></section>'
    )
