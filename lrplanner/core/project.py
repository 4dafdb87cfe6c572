"""Project: the immutable aggregate of everything the user entered."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, time
from types import MappingProxyType

from lrplanner.core.budget_lines import PlannedAmount
from lrplanner.core.checks import require
from lrplanner.core.currency import ExchangeRate, check_prices, rate_by_currency
from lrplanner.core.ids import ChampionId, PlaceId, SiteId
from lrplanner.core.people import Champion, Participant
from lrplanner.core.places import Link, Place, TravelMode
from lrplanner.core.plan import Itinerary
from lrplanner.core.route import RouteSettings
from lrplanner.core.rules import PlanningRules
from lrplanner.core.scenario import Scenario
from lrplanner.core.sites import Site
from lrplanner.core.visas import VisaRule


@dataclass(frozen=True, slots=True, kw_only=True)
class VisitLock:
    """A visit the user fixed: ``site`` on ``day``, optionally at ``start``."""

    site: SiteId
    day: date
    start: time | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Project:
    """All inputs of one Learning Route.

    Records are kept in the order the user gave them; lookups by id go
    through the ``*_by_id`` mappings built at construction. ``locks``,
    ``excluded_sites`` and ``plan`` are the planning state: what the user fixed
    or ruled out, and the current plan (None before the first plan).
    ``rules`` are the planner's rules the Route sheet does not set (session
    lengths, value weights); they are saved with the project. ``visas`` are
    the Visas sheet's rules and ``budget`` the Budget sheet's planned amount
    per cost category (both optional; a project file without them loads
    with none). ``rates`` are the exchange rates that converted amounts
    entered in another currency (kept in each record's ``prices``); every
    such amount has its rate here. ``scenarios`` are the named variants of
    the route the user compares (:mod:`lrplanner.scenarios`).

    Raises
    ------
    ValueError
        If ids repeat within a kind of record, two visa rules are for the
        same nationality and destination, two planned amounts for one
        category, an amount is in a currency without a rate, or a Route's
        required site is unknown or excluded.
    """

    route: RouteSettings
    sites: tuple[Site, ...] = ()
    champions: tuple[Champion, ...] = ()
    participants: tuple[Participant, ...] = ()
    places: tuple[Place, ...] = ()
    links: tuple[Link, ...] = ()
    visas: tuple[VisaRule, ...] = ()
    budget: tuple[PlannedAmount, ...] = ()
    rates: tuple[ExchangeRate, ...] = ()
    scenarios: tuple[Scenario, ...] = ()
    locks: tuple[VisitLock, ...] = ()
    excluded_sites: tuple[SiteId, ...] = ()
    plan: Itinerary | None = None
    rules: PlanningRules = field(default_factory=PlanningRules)
    place_by_id: Mapping[PlaceId, Place] = field(init=False, repr=False, compare=False)
    site_by_id: Mapping[SiteId, Site] = field(init=False, repr=False, compare=False)
    champion_by_id: Mapping[ChampionId, Champion] = field(
        init=False, repr=False, compare=False
    )
    #: (mode, origin, destination) of every timetabled Links row, both ways
    #: where the row runs both ways: the legs with a boarding time.
    scheduled_legs: frozenset[tuple[TravelMode, str, str]] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        for kind, records in (
            ("site", self.sites),
            ("champion", self.champions),
            ("participant", self.participants),
            ("place", self.places),
        ):
            ids = [r.id for r in records]
            require(len(ids) == len(set(ids)), f"duplicate {kind} ids")
        pairs = [rule.pair for rule in self.visas]
        require(len(pairs) == len(set(pairs)), "duplicate visa rules")
        names = [s.name for s in self.scenarios]
        require(len(names) == len(set(names)), "two scenarios have one name")
        planned = [line.category for line in self.budget]
        require(len(planned) == len(set(planned)), "duplicate budget categories")
        self._check_prices()
        known = {s.id for s in self.sites}
        require(all(lock.site in known for lock in self.locks), "lock of unknown site")
        require(set(self.excluded_sites) <= known, "exclusion of unknown site")
        self._check_required(known)
        object.__setattr__(
            self, "place_by_id", MappingProxyType({p.id: p for p in self.places})
        )
        object.__setattr__(
            self, "site_by_id", MappingProxyType({s.id: s for s in self.sites})
        )
        object.__setattr__(
            self, "champion_by_id", MappingProxyType({c.id: c for c in self.champions})
        )
        timed = [link for link in self.links if link.departures]
        legs = {(link.mode, str(link.origin), str(link.destination)) for link in timed}
        legs |= {
            (link.mode, str(link.destination), str(link.origin))
            for link in timed
            if link.both_ways
        }
        object.__setattr__(self, "scheduled_legs", frozenset(legs))

    def _check_required(self, known: set[SiteId]) -> None:
        own = self.route.required_sites
        unknown = [s for s in own if s not in known]
        require(
            not unknown,
            f"Required sites: {', '.join(unknown)} is not on the Sites sheet",
        )
        both = [s for s in own if s in self.excluded_sites]
        require(
            not both,
            f"Required sites: {', '.join(both)} is excluded from this route",
        )

    def _check_prices(self) -> None:
        rates = rate_by_currency(self.rates)
        require(
            self.route.currency not in rates,
            f"no exchange rate for the reporting currency {self.route.currency}",
        )
        check_prices(self.route.prices, rates, "the Route's")
        for kind, records in (
            ("site", self.sites),
            ("champion", self.champions),
            ("participant", self.participants),
            ("place", self.places),
            ("link", self.links),
            ("planned amount", self.budget),
        ):
            for record in records:
                check_prices(record.prices, rates, kind)

    @property
    def required_ids(self) -> frozenset[SiteId]:
        """Return the sites this route must visit: those the Sites sheet marks
        required (on every route) and the Route's own Required sites."""
        flagged = (s.id for s in self.sites if s.required)
        return frozenset((*flagged, *self.route.required_sites))

    @property
    def group_size(self) -> int:
        """Return travellers counted for capacity: participants plus staff."""
        return (
            len(self.participants) + self.route.facilitators + self.route.interpreters
        )

    def with_changes(self, **changes: object) -> Project:
        """Return a copy with some fields replaced (lookups rebuilt)."""
        return replace(self, **changes)  # type: ignore[arg-type]
