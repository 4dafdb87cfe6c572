"""Programme-wide rules: who receives and presents to which route, when.

A host receives, and a champion presents to, at most one group a day across
all routes; a host may ask for rest days between two groups
(``Site.rest_between_groups``) and receive at most so many groups a year
(``Site.max_groups_per_year``). :func:`conflicts` finds every breach and
names both routes; :func:`with_others_taken` gives one route's project with
what the other routes' plans have booked closed to it, so planning that
route cannot create a conflict.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from lrplanner.core.ids import ChampionId, SiteId
from lrplanner.core.people import Gender
from lrplanner.core.timespan import DateRange

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from lrplanner.core.people import Champion
    from lrplanner.core.programme import Programme
    from lrplanner.core.project import Project
    from lrplanner.core.sites import Site


@dataclass(frozen=True, slots=True)
class Booking:
    """A route's visit to a site on a day, with the champions presenting."""

    route: str
    day: date
    site: SiteId
    champions: tuple[ChampionId, ...]
    continued: bool = False


@dataclass(frozen=True, slots=True)
class Conflict:
    """A programme-wide rule two routes break together."""

    rule: str
    day: date
    routes: tuple[str, str]
    message: str


def bookings(programme: Programme, skip: int | None = None) -> list[Booking]:
    """Return every planned visit of every route (but route ``skip``)."""
    found: list[Booking] = []
    for index, own in enumerate(programme.routes):
        if index == skip or own.plan is None:
            continue
        for day in own.plan.days:
            for event in day.visits():
                assert event.site is not None
                found.append(
                    Booking(
                        own.route.name,
                        day.day,
                        event.site,
                        event.champions,
                        event.continued,
                    )
                )
    return found


def conflicts(programme: Programme) -> list[Conflict]:
    """Return every breach of the programme-wide rules, in date order."""
    found = [*_same_day(programme), *_rest_and_year(programme)]
    return sorted(found, key=lambda c: (c.day, c.rule, c.routes))


def _same_day(programme: Programme) -> Iterator[Conflict]:
    sites = {s.id: s.name for s in programme.sites}
    people = {c.id: c.name for c in programme.champions}
    by_site: defaultdict[tuple[SiteId, date], list[str]] = defaultdict(list)
    by_champion: defaultdict[tuple[ChampionId, date], list[str]] = defaultdict(list)
    for booking in bookings(programme):
        by_site[booking.site, booking.day].append(booking.route)
        for champion in booking.champions:
            by_champion[champion, booking.day].append(booking.route)
    for (site, day), routes in by_site.items():
        for a, b in _pairs(routes):
            yield Conflict(
                "host booked twice",
                day,
                (a, b),
                f"{sites.get(site, site)} ({site}) receives {a!r} and {b!r} on {day}",
            )
    for (champion, day), routes in by_champion.items():
        for a, b in _pairs(routes):
            name = people.get(champion, champion)
            yield Conflict(
                "champion booked twice",
                day,
                (a, b),
                f"{name} ({champion}) presents to {a!r} and {b!r} on {day}",
            )


def _pairs(routes: list[str]) -> Iterator[tuple[str, str]]:
    distinct = list(dict.fromkeys(routes))
    yield from itertools.combinations(distinct, 2)


def _groups(programme: Programme) -> dict[SiteId, list[tuple[str, date]]]:
    """Return each site's groups: (route, first day of its visit), by date."""
    groups: defaultdict[SiteId, dict[str, date]] = defaultdict(dict)
    for booking in bookings(programme):
        first = groups[booking.site].get(booking.route)
        if first is None or booking.day < first:
            groups[booking.site][booking.route] = booking.day
    return {
        site: sorted(by_route.items(), key=lambda item: item[1])
        for site, by_route in groups.items()
    }


def _rest_and_year(programme: Programme) -> Iterator[Conflict]:
    sites = {s.id: s for s in programme.sites}
    for site_id, groups in _groups(programme).items():
        site = sites.get(site_id)
        if site is None:
            continue
        rest = site.rest_between_groups
        for (a, day_a), (b, day_b) in itertools.pairwise(groups):
            gap = (day_b - day_a).days
            if rest and gap <= rest:
                yield Conflict(
                    "host rest",
                    day_b,
                    (a, b),
                    f"{site.name} ({site.id}) needs {rest} days between groups: "
                    f"{a!r} on {day_a}, {b!r} on {day_b} ({gap} days apart)",
                )
        if site.max_groups_per_year is None:
            continue
        by_year: defaultdict[int, list[tuple[str, date]]] = defaultdict(list)
        for route, day in groups:
            by_year[day.year].append((route, day))
        for year, in_year in by_year.items():
            if len(in_year) > site.max_groups_per_year:
                names = ", ".join(repr(r) for r, _ in in_year)
                over_route, over_day = in_year[site.max_groups_per_year]
                yield Conflict(
                    "host groups per year",
                    over_day,
                    (in_year[0][0], over_route),
                    f"{site.name} ({site.id}) receives at most "
                    f"{site.max_groups_per_year} groups a year; in {year}: {names}",
                )


#: Bookings set aside when closing another route's days: (route name, site).
Released = frozenset[tuple[str, SiteId]]


def with_others_taken(
    programme: Programme, index: int, released: Released = frozenset()
) -> Project:
    """Return route ``index``'s project with the other routes' bookings closed.

    A site another route visits is closed (``Site.booked``, with why, which
    the left-out reasons print) on that day and on its rest
    days either side, and on every day of a year in which it has received
    its most groups; a champion who presents to another route is away on
    that day. Only the route's own dates are touched. A booking in
    ``released`` (that route's visit to that site, to be planned again)
    closes nothing.
    """
    project = programme.project(index)
    window = route_days(project)
    others = [
        b for b in bookings(programme, skip=index) if (b.route, b.site) not in released
    ]
    taken_sites = _closed_site_days(programme, others, window)
    away: defaultdict[ChampionId, set[date]] = defaultdict(set)
    for booking in others:
        for champion in booking.champions:
            away[champion].add(booking.day)
    sites = tuple(_closed(site, taken_sites.get(site.id, {})) for site in project.sites)
    champions = tuple(
        _away(champion, away.get(champion.id, set()), window)
        for champion in project.champions
    )
    return project.with_changes(sites=sites, champions=champions)


def route_days(project: Project) -> list[date]:
    """Return the days of a project's route, first to last."""
    route = project.route
    return [
        route.start_date + timedelta(days=i)
        for i in range((route.end_date - route.start_date).days + 1)
    ]


def holders(programme: Programme, index: int) -> dict[SiteId, set[tuple[str, SiteId]]]:
    """Return, for each site another route's booking closes to route
    ``index`` on some day, the bookings (route, site booked) that close it
    (see :func:`with_others_taken`): the same host that day, on its rest
    days or for the year, or one of its champions presenting elsewhere on
    a day of this route."""
    window = route_days(programme.project(index))
    days = set(window)
    sites = {s.id: s for s in programme.sites}
    years = {day.year for day in window}
    others = bookings(programme, skip=index)
    per_year: defaultdict[tuple[SiteId, int], set[str]] = defaultdict(set)
    for booking in others:
        per_year[booking.site, booking.day.year].add(booking.route)
    by_champion: defaultdict[ChampionId, set[SiteId]] = defaultdict(set)
    for host in programme.sites:
        for champion in host.champions:
            by_champion[champion].add(host.id)
    found: defaultdict[SiteId, set[tuple[str, SiteId]]] = defaultdict(set)
    for booking in others:
        held = (booking.route, booking.site)
        site = sites.get(booking.site)
        if site is None:
            continue
        rest = timedelta(days=site.rest_between_groups)
        near = any(abs(day - booking.day) <= rest for day in window)
        most = site.max_groups_per_year
        year = booking.day.year
        capped = most is not None and year in years
        if near or (capped and len(per_year[site.id, year]) >= (most or 0)):
            found[site.id].add(held)
        if booking.day in days:
            for champion in booking.champions:
                for other in by_champion[champion] - {booking.site}:
                    found[other].add(held)
    return dict(found)


def _closed_site_days(
    programme: Programme, others: list[Booking], window: list[date]
) -> dict[SiteId, dict[date, str]]:
    """Return the days each site is closed to a route, with why (the first
    reason found for a day)."""
    sites = {s.id: s for s in programme.sites}
    closed: defaultdict[SiteId, dict[date, str]] = defaultdict(dict)
    per_year: defaultdict[tuple[SiteId, int], set[str]] = defaultdict(set)
    for booking in others:
        site = sites.get(booking.site)
        if site is None:
            continue
        rest = timedelta(days=site.rest_between_groups)
        for day in window:
            if day == booking.day:
                why = f"booked by {booking.route!r}"
            elif abs(day - booking.day) <= rest:
                why = (
                    f"rest days after {booking.route!r} on {booking.day:%d %b}"
                    if day > booking.day
                    else f"rest days before {booking.route!r} on {booking.day:%d %b}"
                )
            else:
                continue
            closed[site.id].setdefault(day, why)
        per_year[site.id, booking.day.year].add(booking.route)
    for (site_id, year), routes in per_year.items():
        most = sites[site_id].max_groups_per_year
        if most is not None and len(routes) >= most:
            why = f"has its {most} group(s) of {year} from other routes"
            for day in window:
                if day.year == year:
                    closed[site_id].setdefault(day, why)
    return closed


def _closed(site: Site, days: dict[date, str]) -> Site:
    if not days:
        return site
    return replace(site, booked=tuple(sorted({*site.booked, *days.items()})))


def _away(champion: Champion, days: set[date], window: list[date]) -> Champion:
    """Return the champion available on the window's days but ``days``."""
    relevant = days & set(window)
    if not relevant:
        return champion
    free = [
        day
        for day in window
        if day not in relevant
        and (not champion.available or any(day in r for r in champion.available))
    ]
    return replace(champion, available=tuple(_ranges(free)) or (_nowhere(window),))


def _ranges(days: Iterable[date]) -> Iterator[DateRange]:
    """Return consecutive days as date ranges."""
    run: list[date] = []
    for day in sorted(days):
        if run and (day - run[-1]).days != 1:
            yield DateRange(run[0], run[-1])
            run = []
        run.append(day)
    if run:
        yield DateRange(run[0], run[-1])


def _nowhere(window: list[date]) -> DateRange:
    """Return a one-day range just before the route: available on none of its days."""
    before = window[0] - timedelta(days=1)
    return DateRange(before, before)


#: The programme's targets for the champions who present: women and youth.
WOMEN_TARGET = 0.40
YOUTH_TARGET = 0.40


@dataclass(frozen=True, slots=True)
class ChampionShares:
    """The distinct champions presenting across the programme, and shares."""

    champions: int
    women: float
    youth: float


def champion_shares(programme: Programme) -> ChampionShares:
    """Return the women and youth shares of the champions presenting to any
    route (each counted once, youth as of their first route's start)."""
    people = {c.id: c for c in programme.champions}
    starts = {own.route.name: own.route.start_date for own in programme.routes}
    first: dict[ChampionId, date] = {}
    for booking in bookings(programme):
        start = starts[booking.route]
        for champion in booking.champions:
            first[champion] = min(first.get(champion, start), start)
    presenting = [(people[c], on) for c, on in first.items() if c in people]
    count = len(presenting)
    if not count:
        return ChampionShares(0, 0.0, 0.0)
    women = sum(p.gender is Gender.FEMALE for p, _ in presenting) / count
    youth = sum(p.is_youth(on) for p, on in presenting) / count
    return ChampionShares(count, women, youth)
