"""A programme: several Learning Routes sharing hosts, champions and places.

The shared records (Sites, Champions, Places, Links, Visas, Rates) are held
once; each :class:`ProgrammeRoute` holds what is its own: Route settings,
participants, budget lines, locks, exclusions, rules, scenarios and plan.
:meth:`Programme.project` gives the :class:`Project` of one route, the view
every planner, check and export works on; :meth:`Programme.with_project`
takes an edited or planned route back. A one-route programme is a project
(:meth:`Programme.of`). Programme-wide rules (a host or champion with one
group a day, rest periods, groups per year) are in :mod:`lrplanner.core.bookings`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from lrplanner.core.budget_lines import PlannedAmount
from lrplanner.core.checks import require
from lrplanner.core.currency import ExchangeRate
from lrplanner.core.ids import SiteId
from lrplanner.core.people import Champion, Participant
from lrplanner.core.places import Link, Place
from lrplanner.core.plan import Itinerary
from lrplanner.core.project import Project, VisitLock
from lrplanner.core.route import RouteSettings
from lrplanner.core.rules import PlanningRules
from lrplanner.core.scenario import Scenario
from lrplanner.core.sites import Site
from lrplanner.core.visas import VisaRule

T = TypeVar("T")
#: Project fields each route has of its own; the others are shared.
OWN = (
    "route",
    "participants",
    "budget",
    "locks",
    "excluded_sites",
    "plan",
    "rules",
    "scenarios",
)
SHARED = ("sites", "champions", "places", "links", "visas", "rates")


@dataclass(frozen=True, slots=True, kw_only=True)
class ProgrammeRoute:
    """What one route of a programme holds of its own."""

    route: RouteSettings
    participants: tuple[Participant, ...] = ()
    budget: tuple[PlannedAmount, ...] = ()
    locks: tuple[VisitLock, ...] = ()
    excluded_sites: tuple[SiteId, ...] = ()
    plan: Itinerary | None = None
    rules: PlanningRules = field(default_factory=PlanningRules)
    scenarios: tuple[Scenario, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Programme:
    """Routes sharing sites, champions, places, links, visa rules and rates.

    Raises
    ------
    ValueError
        If it has no route, two routes share a name, or a route's project
        is inconsistent (the message names the route).
    """

    name: str
    routes: tuple[ProgrammeRoute, ...]
    sites: tuple[Site, ...] = ()
    champions: tuple[Champion, ...] = ()
    places: tuple[Place, ...] = ()
    links: tuple[Link, ...] = ()
    visas: tuple[VisaRule, ...] = ()
    rates: tuple[ExchangeRate, ...] = ()

    def __post_init__(self) -> None:
        require(bool(self.routes), "a programme needs at least one route")
        names = [own.route.name for own in self.routes]
        twins = sorted({n for n in names if names.count(n) > 1})
        require(not twins, f"two routes are called {', '.join(twins)}")
        for index in range(len(self.routes)):
            try:
                self.project(index)
            except ValueError as exc:
                raise ValueError(f"route {names[index]!r}: {exc}") from None

    @property
    def names(self) -> tuple[str, ...]:
        """Return the routes' names, in order."""
        return tuple(own.route.name for own in self.routes)

    def project(self, index: int) -> Project:
        """Return the project of route ``index``: the shared records and its own."""
        own = self.routes[index]
        shared = {name: getattr(self, name) for name in SHARED}
        return Project(**shared, **{name: getattr(own, name) for name in OWN})

    def with_project(self, index: int, project: Project) -> Programme:
        """Return the programme with route ``index`` replaced by ``project``.

        The project's shared records become the programme's (an edit of a
        site in one route is an edit of that site in all of them).
        """
        own = ProgrammeRoute(**{name: getattr(project, name) for name in OWN})
        routes = (*self.routes[:index], own, *self.routes[index + 1 :])
        shared = {name: getattr(project, name) for name in SHARED}
        return Programme(name=self.name, routes=routes, **shared)

    def with_route(self, project: Project) -> Programme:
        """Return the programme with ``project`` added as a route, its shared
        records merged by id (see :func:`merged`).

        Raises
        ------
        ValueError
            If a shared record of the project differs from the programme's.
        """
        shared = {
            name: merged(name, getattr(self, name), getattr(project, name))
            for name in SHARED
        }
        own = ProgrammeRoute(**{name: getattr(project, name) for name in OWN})
        return Programme(name=self.name, routes=(*self.routes, own), **shared)

    def without_route(self, index: int) -> Programme:
        """Return the programme without route ``index`` (the shared records
        stay: a host one route no longer visits is still the programme's).

        Raises
        ------
        ValueError
            If it is the programme's only route.
        IndexError
            If there is no route ``index``.
        """
        if not 0 <= index < len(self.routes):
            raise IndexError(f"the programme has no route {index}")
        require(len(self.routes) > 1, "a programme keeps at least one route")
        routes = (*self.routes[:index], *self.routes[index + 1 :])
        shared = {name: getattr(self, name) for name in SHARED}
        return Programme(name=self.name, routes=routes, **shared)

    @classmethod
    def of(cls, project: Project, name: str = "") -> Programme:
        """Return a one-route programme (a project file read as a programme)."""
        own = ProgrammeRoute(**{field: getattr(project, field) for field in OWN})
        shared = {field: getattr(project, field) for field in SHARED}
        return cls(name=name or project.route.name, routes=(own,), **shared)


def _key(kind: str, record: object) -> object:
    if kind == "links":
        link = record
        assert isinstance(link, Link)
        return (link.origin, link.destination, link.mode, link.departures)
    if kind == "visas":
        assert isinstance(record, VisaRule)
        return record.pair
    if kind == "rates":
        assert isinstance(record, ExchangeRate)
        return record.currency
    assert isinstance(record, Site | Champion | Place)
    return record.id


def merged(kind: str, ours: tuple[T, ...], theirs: tuple[T, ...]) -> tuple[T, ...]:
    """Return the shared records of two routes: ours, then their new ones.

    Raises
    ------
    ValueError
        If a record with the same id (a link: the same ends, mode and
        departures) differs, naming it: two routes cannot disagree about a
        shared host.
    """
    known = {_key(kind, r): r for r in ours}
    added: list[T] = []
    for record in theirs:
        key = _key(kind, record)
        if key not in known:
            known[key] = record
            added.append(record)
        elif known[key] != record:
            raise ValueError(
                f"{kind} {key}: the routes differ about it; make the rows the same "
                "in every route's workbook"
            )
    return (*ours, *added)
