"""Checks of the Participants' arrival and departure columns against the
Places and Route sheets."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from lrplanner.core.arrivals import DATE_SLACK_DAYS, Way

if TYPE_CHECKING:
    from collections.abc import Collection
    from datetime import date

    from lrplanner.core.errors import InputError
    from lrplanner.core.people import Participant
    from lrplanner.core.route import RouteSettings
    from lrplanner.importers.crosscheck import Loaded


def check_journeys(
    participants: Loaded[Participant],
    places: Collection[str],
    route: RouteSettings | None,
    problems: tuple[list[InputError], list[InputError]],
) -> None:
    """Report an arrival or departure place that is not in Places (an error)
    and a date far from the route (a warning: probably a typo)."""
    errors, warnings = problems
    for participant, record in participants.items:
        for way in Way:
            airport = getattr(participant, f"{way}_airport")
            if airport is not None and airport not in places:
                expected = "a Place ID from the Places sheet (an airport)"
                key = f"{way}_airport"
                errors.append(participants.error(record.row, key, airport, expected))
            day = getattr(participant, f"{way}_date")
            window = None if route is None else date_window(route, way)
            if day is not None and window is not None:
                first, last = window
                if not first <= day <= last:
                    expected = f"a date from {first} to {last} (the route's {way})"
                    key = f"{way}_date"
                    warnings.append(
                        participants.error(record.row, key, str(day), expected)
                    )


def date_window(route: RouteSettings, way: Way) -> tuple[date, date]:
    """Return the sensible dates of an arrival (up to a week before the start,
    at the latest the last day) or a departure (from the first day to a week
    after the end)."""
    slack = timedelta(days=DATE_SLACK_DAYS)
    if way is Way.ARRIVAL:
        return route.start_date - slack, route.end_date
    return route.start_date, route.end_date + slack
