"""Visits longer than a day: a first part one afternoon, the rest next morning.

A site whose visit fits no single day (a full-day or two-day case) and whose
place offers lodging (a homestay, or a guesthouse in the village) is planned
over two days: the first part ends the day, the group sleeps at the site's
place, and the second part fills the next morning from the start of the
programme to lunch time (an hour into it at most, as for any visit). The
second part's length is the shortest such morning over the days the case
can run, so one split serves every day; the first part is the rest.

In the engine the first part is the site (its service is the first part's
minutes) and the night is one more hotel, reached only from the site and the
only place the site leads to; leaving it the next morning takes the second
part first (a departure timetable with one "departure" per morning).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from lrplanner.core.ids import PlaceId
from lrplanner.core.route import LUNCH_LATE_MIN
from lrplanner.planner.axis import MINUTE

if TYPE_CHECKING:
    from collections.abc import Callable

    from lrplanner.core.availability import SiteDay
    from lrplanner.core.project import Project
    from lrplanner.core.sites import Site
    from lrplanner.planner.frames import DayFrame

MIN_PART = 60
"""Minutes each part of a two-day visit lasts at least."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Stay:
    """How a long visit is split: the first part's and the second part's
    minutes, where the group sleeps, and the first days it can start."""

    place: PlaceId
    first: int
    second: int
    #: First day (frame index) -> when the second part starts next morning.
    starts: Mapping[int, datetime]
    lead: int  # minutes from the place to the site (rounded, with the buffer)

    @property
    def days(self) -> frozenset[int]:
        """Return the first days the visit can start on."""
        return frozenset(self.starts)


def stay_of(
    project: Project,
    site: Site,
    days: list[SiteDay],
    frames: tuple[DayFrame, ...],
    lead: int,
    first_fits: Callable[[int, int], bool],
) -> Stay | None:
    """Return the split of a visit over two days, or None when the site has
    no lodging at its place or no pair of days holds both parts.

    ``lead`` is the planned minutes from the site's place to the site, with
    the transfer buffer; ``first_fits(day, minutes)`` says whether a first
    part of that length fits into that day (its opening hours and the day's
    window). Of the splits the mornings allow, the one that runs on the most
    days is taken (ties: the longer morning).
    """
    if site.place is None:
        return None
    place = project.place_by_id.get(site.place)
    if place is None or not place.has_lodging:
        return None
    mornings = {
        d: m
        for d in range(len(frames) - 1)
        if not frames[d].rest
        and days[d].is_open
        and (m := _morning(frames[d + 1], days[d + 1], lead))[0] >= MIN_PART
    }
    best: tuple[int, int, dict[int, datetime]] | None = None
    for second in sorted({m for m, _ in mornings.values()}, reverse=True):
        first = site.duration_min - second
        if first < MIN_PART:
            continue
        starts = {
            d: start
            for d, (m, start) in mornings.items()
            if m >= second and first_fits(d, first)
        }
        if starts and (best is None or len(starts) > len(best[2])):
            best = (first, second, starts)
    if best is None:
        return None
    first, second, starts = best
    return Stay(place=place.id, first=first, second=second, starts=starts, lead=lead)


def _morning(frame: DayFrame, day: SiteDay, lead: int) -> tuple[int, datetime]:
    """Return the minutes of a morning that a second part can use and when
    it starts: from the programme's start and the way to the site (or the
    site's opening), until lunch time and an hour (or the site's closing),
    inside one opening interval."""
    begin = frame.open_from + lead * MINUTE
    if frame.rest or not day.is_open:
        return 0, begin
    stop = frame.close_by
    if frame.lunch is not None:
        stop = min(stop, frame.lunch[0] + timedelta(minutes=LUNCH_LATE_MIN))
    best = (0, begin)
    for opens, closes in day.intervals:
        start, end = max(begin, opens), min(stop, closes)
        if end > start:
            best = max(best, (int((end - start) / MINUTE), start))
    return best
