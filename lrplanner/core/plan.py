"""The plan: days of timed events, the sites left out and why."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from lrplanner.core.checks import require
from lrplanner.core.ids import ChampionId, PlaceId, SiteId
from lrplanner.core.places import TravelMode

#: How every estimated leg (no Links row: time and fare from the distance)
#: is marked in the agenda, the PDF, costs.xlsx and ``lrplanner check``.
ESTIMATE_NOTE = "estimate \u2014 confirm"


class EventKind(enum.StrEnum):
    """What happens during an event of the agenda."""

    TRAVEL = "travel"
    VISIT = "visit"
    SESSION = "session"
    MEAL = "meal"


class SessionKind(enum.StrEnum):
    """The fixed sessions placed by rule."""

    OPENING = "opening"
    REFLECTION = "reflection"
    INNOVATION_PLAN = "innovation plan workshop"
    CLOSING = "closing"


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """One timed item of a day's agenda.

    Times are aware datetimes (absolute); ``tz`` names the IANA zone in which
    the agenda shows them (the zone of where the event happens or, for a
    travel leg, of its start). Travel legs carry ``origin``, ``destination``,
    ``mode`` and ``estimated``; visits carry ``site`` and ``champions``.

    Raises
    ------
    ValueError
        If the event ends before it starts or times are naive.
    """

    kind: EventKind
    start: datetime
    end: datetime
    title: str
    tz: str
    place: PlaceId | None = None
    site: SiteId | None = None
    champions: tuple[ChampionId, ...] = ()
    session: SessionKind | None = None
    origin: PlaceId | None = None
    destination: PlaceId | None = None
    mode: TravelMode | None = None
    estimated: bool = False
    via: tuple[PlaceId, ...] = ()
    fare_per_person: Decimal = Decimal("0")
    vehicle_cost: Decimal = Decimal("0")
    #: A visit through lunch time at a site that serves lunch: the day's
    #: lunch is eaten there, inside the visit, which then runs its minutes
    #: plus the Route's lunch minutes.
    with_lunch: bool = False
    #: The second part of a visit begun the day before (a case longer than
    #: a day, with the night at the site's place): its fees were counted
    #: with the first part, and the two parts last the visit's minutes.
    continued: bool = False

    def __post_init__(self) -> None:
        require(
            self.start.tzinfo is not None and self.end.tzinfo is not None,
            "event times must be aware",
        )
        require(self.end >= self.start, f"event {self.title!r} ends before it starts")
        if self.kind is EventKind.VISIT:
            require(self.site is not None, "a visit needs its site")
        if self.kind is EventKind.TRAVEL:
            require(
                self.origin is not None
                and self.destination is not None
                and self.mode is not None,
                "a travel leg needs from, to and mode",
            )

    @property
    def minutes(self) -> int:
        """Return the event's length in whole minutes."""
        return int((self.end - self.start) / timedelta(minutes=1))


@dataclass(frozen=True, slots=True, kw_only=True)
class DayPlan:
    """One calendar day: its events in time order and where the group sleeps.

    ``overnight`` is None on the last day (the route ends). ``on_board``: the
    night is spent on board the day's last event, a night bus, train or boat
    (a Links row over midnight) that reaches ``overnight`` the next morning.

    Raises
    ------
    ValueError
        If events overlap or are out of order, or a night on board has no
        travel leg to spend it on.
    """

    day: date
    events: tuple[Event, ...] = ()
    overnight: PlaceId | None = None
    rest: bool = False
    on_board: bool = False

    def __post_init__(self) -> None:
        for first, second in zip(self.events, self.events[1:], strict=False):
            require(
                second.start >= first.end,
                f"{self.day}: {second.title!r} starts before {first.title!r} ends",
            )
        if self.on_board:
            require(
                self.overnight is not None and self.night_leg() is not None,
                f"{self.day}: a night on board needs the day to end on a travel leg",
            )

    def night_leg(self) -> Event | None:
        """Return the leg the group spends the night on (None: a night ashore)."""
        if not self.on_board or not self.events:
            return None
        last = self.events[-1]
        return last if last.kind is EventKind.TRAVEL else None

    def visits(self) -> tuple[Event, ...]:
        """Return the day's visits in order."""
        return tuple(e for e in self.events if e.kind is EventKind.VISIT)

    def travel_minutes(self) -> int:
        """Return the minutes spent travelling this day (a night on board is
        the night's, not the day's)."""
        night = self.night_leg()
        return sum(
            e.minutes
            for e in self.events
            if e.kind is EventKind.TRAVEL and e is not night
        )


class ReasonKind(enum.StrEnum):
    """Why a site was left out of the plan (computed, never guessed)."""

    EXCLUDED = "excluded"
    NEVER_OPEN = "never open"
    HOLIDAY = "public holiday"
    CHAMPION_AWAY = "champion away"
    CAPACITY = "over capacity"
    UNREACHABLE = "unreachable"
    BUDGET = "budget"
    LOWER_VALUE = "lower value"


@dataclass(frozen=True, slots=True, kw_only=True)
class LeftOut:
    """A site the plan does not visit, with the reason in words."""

    site: SiteId
    kind: ReasonKind
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Itinerary:
    """The plan's days (one per route date, in order) and the sites left out."""

    days: tuple[DayPlan, ...]
    left_out: tuple[LeftOut, ...] = ()

    def __post_init__(self) -> None:
        dates = [d.day for d in self.days]
        require(dates == sorted(set(dates)), "days must be distinct and in order")

    def visited_sites(self) -> tuple[SiteId, ...]:
        """Return the visited sites in visiting order (a two-day visit once)."""
        return tuple(
            e.site for d in self.days for e in d.visits() if e.site and not e.continued
        )

    def overnights(self) -> tuple[PlaceId | None, ...]:
        """Return where the group sleeps after each day."""
        return tuple(d.overnight for d in self.days)
