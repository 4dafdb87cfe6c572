"""Tests for the plain-text day summary (copy to a messaging app)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from lrplanner.exporters.agenda_rows import OVERNIGHT, check_banner, day_rows
from lrplanner.exporters.agenda_text import day_text
from lrplanner.exporters.route_contacts import contacts_line

if TYPE_CHECKING:
    from tests.exporters.fixtures import Plan


def test_day_text_follows_the_agenda_rows(plan: Plan) -> None:
    """Tests that each day's text has the route, the day's number and date, and
    one line per agenda row starting with its local time, in order, with the
    champions' contacts below the visit."""
    days = plan.itinerary.days
    for number, day in enumerate(days, start=1):
        text = day_text(plan.project, plan.itinerary, day.day)
        lines = text.splitlines()
        assert lines[0] == plan.project.route.name
        assert lines[1].startswith(f"Day {number} of {len(days)} · ")
        assert day.day.strftime("%d %b %Y") in lines[1]
        assert lines[2] == contacts_line(plan.project.route)
        heads = [ln for ln in lines[4:] if not ln.startswith("  ")]
        rows = day_rows(plan.project, day)
        assert len(heads) == len(rows)
        for head, row in zip(heads, rows, strict=True):
            if row.kind == OVERNIGHT:
                assert head.startswith(row.activity)
            else:
                first = row.time.split("\n")[0]
                assert head.startswith(first)
                title, *more = row.activity.split("\n")
                assert head.endswith(title)
                at = lines.index(head)
                assert lines[at + 1 : at + 1 + len(more)] == [f"  {m}" for m in more]
        for row in rows:
            for line in row.champions.split("\n"):
                if line:
                    assert f"  Champion: {line}" in lines
        assert "<" not in text.replace("<script>", "")  # no markup of ours


def test_zone_is_given_on_the_first_line(plan: Plan) -> None:
    """Tests that the first timed line carries its UTC offset in brackets."""
    first = plan.itinerary.days[0]
    lines = day_text(plan.project, plan.itinerary, first.day).splitlines()
    assert lines[3] == ""
    assert "(UTC+05:45)" in lines[4]


def test_failing_plan_says_so_first(plan: Plan) -> None:
    """Tests that a plan that fails the check opens with the warning."""
    failures = ("2027-01-12: no lunch",)
    day = plan.itinerary.days[1].day
    text = day_text(plan.project, plan.itinerary, day, check_failures=failures)
    assert text.splitlines()[0] == check_banner(failures)


def test_unknown_day_raises(plan: Plan) -> None:
    """Tests that a date outside the plan raises KeyError."""
    with pytest.raises(KeyError, match="no day"):
        day_text(plan.project, plan.itinerary, date(2030, 1, 1))
