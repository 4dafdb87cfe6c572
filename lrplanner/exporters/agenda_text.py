"""A day of the agenda as plain text, to paste into a messaging app.

The lines are the printed agenda's rows (:func:`agenda_rows.day_rows`), one
item per line with its local time, then the place, host and champions
indented below; no markup, so any app shows it as written (times with an
en dash)::

    Mekong Learning Route 2027: finance, markets and resilience
    Day 4 of 11 · Thu 04 Mar 2027 (times local)
    Emergency: Route coordinator Chhorn Sokha +855 12 345 678 · Staff: ...

    08:00-08:56 (UTC+07:00) Road: Vientiane → Nabong youth agribusiness incubator
      road, 56 min, estimate — confirm
    09:10-11:10 Visit: Nabong youth agribusiness incubator
      Vientiane
      Host: National University of Laos, Faculty of Agriculture
      Champion: Noy Phommachanh, +856 20 9687 4410
      Address: Nabong campus, Xaythany district
    ...
    Overnight: Vientiane
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lrplanner.exporters.agenda_rows import (
    OVERNIGHT,
    check_banner,
    day_before,
    day_heading,
    day_rows,
)
from lrplanner.exporters.route_contacts import contacts_line

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from lrplanner.core.plan import Itinerary
    from lrplanner.core.project import Project
    from lrplanner.exporters.agenda_rows import AgendaRow

INDENT = "  "


def day_text(
    project: Project,
    itinerary: Itinerary,
    day: date,
    *,
    check_failures: Sequence[str] = (),
) -> str:
    """Return the agenda of one day of ``itinerary`` as plain text.

    Parameters
    ----------
    project
        The inputs (names, hosts, champions and contacts).
    itinerary
        The plan.
    day
        The date of one of the plan's days.
    check_failures
        The hard rules the plan breaks: a plan that fails the check says so
        in its first line.

    Raises
    ------
    KeyError
        If the plan has no such day.
    """
    days = [d.day for d in itinerary.days]
    if day not in days:
        raise KeyError(f"the plan has no day {day}")
    number = days.index(day) + 1
    plan_day = itinerary.days[number - 1]
    lines = [check_banner(check_failures)] if check_failures else []
    rest = " (rest day)" if plan_day.rest else ""
    lines += [
        project.route.name,
        f"Day {number} of {len(days)} \u00b7 {day_heading(project, plan_day)}{rest}"
        " (times local)",
    ]
    contacts = contacts_line(project.route)
    lines += [contacts, ""] if contacts else [""]
    before = day_before(itinerary, number - 1)
    for row in day_rows(project, plan_day, before=before):
        lines += row_lines(row)
    return "\n".join(lines) + "\n"


def row_lines(row: AgendaRow) -> list[str]:
    """Return an agenda row as text lines: time and activity, details below
    (a detail the activity already says, such as a leg's ends, once)."""
    if row.kind == OVERNIGHT:
        place = f": {row.place}" if row.place else ""
        return [f"{row.activity}{place}"]
    title, *more = row.activity.split("\n")
    lines = [f"{time_line(row)} {title}", *(f"{INDENT}{line}" for line in more if line)]
    details = (
        ("", row.place),
        ("Host: ", row.host),
        ("Champion: ", row.champions),
        ("Address: ", row.address),
        ("", row.travel),
    )
    for label, detail in details:
        if detail and detail not in row.activity:
            lines += [f"{INDENT}{label}{line}" for line in detail.split("\n") if line]
    return lines


def time_line(row: AgendaRow) -> str:
    """Return a row's time on one line, a zone label on its own in brackets:
    ``07:00-07:45 (UTC+07:00)`` (with an en dash)."""
    return " ".join(
        f"({line})" if line.startswith("UTC") else line for line in row.time.split("\n")
    )
