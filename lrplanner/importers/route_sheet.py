"""Build RouteSettings from the key/value Route sheet."""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from lrplanner.core.ids import PlaceId
from lrplanner.core.route import CostRates, RouteSettings
from lrplanner.importers import cells, multicells
from lrplanner.importers.cells import CellError, bounded_int, parse_id, parse_money

if TYPE_CHECKING:
    from lrplanner.importers.fields import Fields

ZERO = Decimal("0")
#: Route dates outside these years are typing slips (an Excel day number such
#: as 60 reads as 1900-02-28), and a longer route than MAX_ROUTE_DAYS would
#: make the search and the files grow without bound.
FIRST_DATE = date(2000, 1, 1)
LAST_DATE = date(2100, 12, 31)
MAX_ROUTE_DAYS = 60


def _in_range(day: date) -> date:
    if not FIRST_DATE <= day <= LAST_DATE:
        raise CellError(
            f"a date between {FIRST_DATE} and {LAST_DATE}, not {day} (a number "
            "such as 60 is an Excel day count: type the date as YYYY-MM-DD)"
        )
    return day


def _route_date(value: object) -> date:
    return _in_range(cells.parse_date(value))


def _route_dates(value: object) -> tuple[date, ...]:
    return tuple(_in_range(day) for day in multicells.parse_dates(value))


def _dates(f: Fields) -> tuple[date | None, date | None, tuple[date, ...]]:
    start = f.get("start_date", _route_date, None)
    end = f.get("end_date", _route_date, None)
    rest = f.get("rest_days", _route_dates, ())
    if start and end and end < start:
        f.fail("end_date", f.raw("end_date"), f"a date on or after the start {start}")
    if start and end and (end - start).days + 1 > MAX_ROUTE_DAYS:
        last = start + timedelta(days=MAX_ROUTE_DAYS - 1)
        expected = (
            f"a route of at most {MAX_ROUTE_DAYS} days: an end date on or before "
            f"{last} ({start} to {end} is {(end - start).days + 1} days)"
        )
        f.fail("end_date", f.raw("end_date"), expected)
    if start and end and start <= end:
        outside = [d.isoformat() for d in rest if not start <= d <= end]
        if outside:
            expected = f"rest days between {start} and {end} (not {', '.join(outside)})"
            f.fail("rest_days", f.raw("rest_days"), expected)
    return start, end, rest


def _day(f: Fields) -> tuple[time, time, time, int]:
    day_start = f.get("day_start", cells.parse_time, time(8, 0))
    day_end = f.get("day_end", cells.parse_time, time(18, 0))
    if day_end <= day_start:
        f.fail(
            "day_end", f.raw("day_end"), f"a time after the day start {day_start:%H:%M}"
        )
    lunch = f.get("lunch_start", cells.parse_time, time(12, 0))
    lunch_minutes = f.get("lunch_minutes", bounded_int(0, 180), 60)
    return day_start, day_end, lunch, lunch_minutes


def _rates(f: Fields) -> CostRates:
    return CostRates(
        vehicle_per_day=f.get("vehicle_per_day", parse_money, ZERO),
        interpreter_per_day=f.get("interpreter_per_day", parse_money, ZERO),
        facilitator_per_day=f.get("facilitator_per_day", parse_money, ZERO),
        venue_per_session=f.get("venue_per_session", parse_money, ZERO),
    )


def build_route(f: Fields) -> RouteSettings | None:
    """Return the route settings, or None if the Route sheet has problems."""
    name = f.get("name", cells.parse_text, "")
    start, end, rest = _dates(f)
    start_place = f.get("start_place", parse_id, "")
    end_place = f.get("end_place", parse_id, "")
    day_start, day_end, lunch, lunch_minutes = _day(f)
    max_visits = f.get("max_visits_per_day", bounded_int(0, 20), 3)
    hours = cells.bounded_number(0, 24, "a number of hours")
    max_travel = f.get("max_travel_hours_per_day", hours, 6.0)
    estimated_flights = f.get("estimated_flights", cells.parse_bool, False)
    buffer = f.get("transfer_buffer_min", bounded_int(0, 120), 10)
    budget = f.get("budget_cap", parse_money, None)
    currency = f.get("currency", cells.parse_currency, "USD")
    contingency = f.get("contingency_pct", cells.parse_percent, ZERO)
    facilitators = f.get("facilitators", bounded_int(0, 100), 2)
    interpreters = f.get("interpreters", bounded_int(0, 100), 0)
    rates = _rates(f)
    if start is None or end is None:
        return None
    return f.make(
        lambda: RouteSettings(
            name=name,
            start_date=start,
            end_date=end,
            start_place=PlaceId(start_place),
            end_place=PlaceId(end_place),
            day_start=day_start,
            day_end=day_end,
            lunch_start=lunch,
            lunch_minutes=lunch_minutes,
            max_visits_per_day=max_visits,
            max_travel_hours_per_day=max_travel,
            estimated_flights=estimated_flights,
            transfer_buffer_min=buffer,
            rest_days=rest,
            budget_cap=budget,
            currency=currency,
            contingency_pct=contingency,
            facilitators=facilitators,
            interpreters=interpreters,
            rates=rates,
            notes=f.notes(),
        )
    )
