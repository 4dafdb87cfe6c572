"""Build RouteSettings from the key/value Route sheet.

Every setting fills one field and is read from its column spec
(:meth:`Fields.values`); what is written here are the checks across
settings: the dates, their length and the rest days, and the day window.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from lrplanner.core.route import CostRates, RouteSettings

if TYPE_CHECKING:
    from lrplanner.importers.fields import Fields

#: A longer route than this would make the search and the files grow
#: without bound. (Every date lies in 2000-2100: see ``datetext``.)
MAX_ROUTE_DAYS = 60


def _check_dates(f: Fields, start: date | None, end: date | None) -> None:
    if start is None or end is None:
        return
    days = (end - start).days + 1
    if end < start:
        f.fail("end_date", f.raw("end_date"), f"a date on or after the start {start}")
    elif days > MAX_ROUTE_DAYS:
        last = start + timedelta(days=MAX_ROUTE_DAYS - 1)
        expected = (
            f"a route of at most {MAX_ROUTE_DAYS} days: an end date on or before "
            f"{last} ({start} to {end} is {days} days)"
        )
        f.fail("end_date", f.raw("end_date"), expected)


def _check_rest_days(f: Fields, values: dict[str, Any]) -> None:
    start, end = values["start_date"], values["end_date"]
    if start is None or end is None or end < start:
        return
    outside = [d.isoformat() for d in values["rest_days"] if not start <= d <= end]
    if outside:
        expected = f"rest days between {start} and {end} (not {', '.join(outside)})"
        f.fail("rest_days", f.raw("rest_days"), expected)


def _check_day(f: Fields, values: dict[str, Any]) -> None:
    day_start, day_end = values["day_start"], values["day_end"]
    if day_end <= day_start:
        expected = f"a time after the day start {day_start:%H:%M}"
        f.fail("day_end", f.raw("day_end"), expected)


def _check_required(f: Fields, sites: tuple[str, ...]) -> None:
    twice = sorted({s for s in sites if sites.count(s) > 1})
    if twice:
        expected = f"each site once ({', '.join(twice)} named twice)"
        f.fail("required_sites", f.raw("required_sites"), expected)


def build_route(f: Fields) -> RouteSettings | None:
    """Return the route settings, or None if the Route sheet has problems.

    (Whether the Required sites are on the Sites sheet is checked across
    sheets, in :func:`~lrplanner.importers.crosscheck.check_route_sites`.)
    """
    values = f.values()
    _check_dates(f, values["start_date"], values["end_date"])
    _check_rest_days(f, values)
    _check_day(f, values)
    _check_required(f, values["required_sites"])
    rates = values.pop("rates")
    return f.make(
        lambda: RouteSettings(**values, rates=CostRates(**rates), notes=f.notes())
    )
