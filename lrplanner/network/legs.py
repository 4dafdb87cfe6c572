"""Edges of the travel network, and the legs that queries return."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from decimal import Decimal

from lrplanner.core.errors import InfeasibleRequest
from lrplanner.core.places import TravelMode

ALL_WEEKDAYS = frozenset(range(7))
_MINUTE = timedelta(minutes=1)


@dataclass(frozen=True, slots=True, kw_only=True)
class Connection:
    """One directed edge: an explicit link or an estimate.

    ``departures`` are local times at the origin on ``weekdays`` (0 = Monday);
    empty means the group can leave whenever it is ready (a hired vehicle).
    """

    origin: str
    destination: str
    mode: TravelMode
    minutes: int
    distance_km: float
    cost_per_person: Decimal = Decimal("0")
    cost_per_vehicle: Decimal = Decimal("0")
    estimated: bool = False
    weekdays: frozenset[int] = ALL_WEEKDAYS
    departures: tuple[time, ...] = ()

    def cost_for(self, group_size: int) -> Decimal:
        """Return what the whole group pays for this edge (one vehicle)."""
        return self.cost_per_person * group_size + self.cost_per_vehicle


@dataclass(frozen=True, slots=True, kw_only=True)
class Step:
    """One edge of a leg as travelled.

    ``depart``/``arrive`` are aware datetimes in time-dependent answers and
    None in static ones; ``wait_min`` is the wait just before this step (for
    a scheduled departure or a border post to open). ``edge`` is the edge
    travelled, for a step made by :meth:`along` (not part of its value).
    """

    origin: str
    destination: str
    mode: TravelMode
    minutes: int
    distance_km: float
    cost_per_person: Decimal
    cost_per_vehicle: Decimal
    estimated: bool
    wait_min: int = 0
    depart: datetime | None = None
    arrive: datetime | None = None
    edge: Connection | None = field(default=None, compare=False, repr=False)

    @classmethod
    def along(
        cls,
        edge: Connection,
        *,
        wait_min: int = 0,
        depart: datetime | None = None,
    ) -> Step:
        """Return the step that travels an edge (leaving at ``depart`` if given)."""
        arrive = None if depart is None else depart + edge.minutes * _MINUTE
        return cls(
            origin=edge.origin,
            destination=edge.destination,
            mode=edge.mode,
            minutes=edge.minutes,
            distance_km=edge.distance_km,
            cost_per_person=edge.cost_per_person,
            cost_per_vehicle=edge.cost_per_vehicle,
            estimated=edge.estimated,
            wait_min=wait_min,
            depart=depart,
            arrive=arrive,
            edge=edge,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Leg:
    """Travel between two nodes: the steps, their time, cost and waits.

    ``total_min`` runs from the requested departure to the arrival and so
    includes ``wait_min``; ``via`` lists the border posts and airports passed
    through, in order; ``notes`` explain waits in words.
    """

    origin: str
    destination: str
    steps: tuple[Step, ...] = ()
    total_min: int = 0
    wait_min: int = 0
    via: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    depart: datetime | None = None
    arrive: datetime | None = None

    @property
    def estimated(self) -> bool:
        """Return whether any step is an estimate rather than an explicit link."""
        return any(s.estimated for s in self.steps)

    @property
    def travel_min(self) -> int:
        """Return the minutes spent moving (total minus waits)."""
        return sum(s.minutes for s in self.steps)

    @property
    def distance_km(self) -> float:
        """Return the distance travelled in km."""
        return sum(s.distance_km for s in self.steps)

    @property
    def cost_per_person(self) -> Decimal:
        """Return the fares per traveller summed over the steps."""
        return sum((s.cost_per_person for s in self.steps), Decimal("0"))

    @property
    def cost_per_vehicle(self) -> Decimal:
        """Return the vehicle charges summed over the steps."""
        return sum((s.cost_per_vehicle for s in self.steps), Decimal("0"))

    @property
    def modes(self) -> tuple[TravelMode, ...]:
        """Return the mode of each step, in order."""
        return tuple(s.mode for s in self.steps)

    def cost_for(self, group_size: int) -> Decimal:
        """Return what the whole group pays for the leg."""
        return self.cost_per_person * group_size + self.cost_per_vehicle


class Unreachable(InfeasibleRequest):
    """Raised when no travel connects two nodes; ``str()`` names both and why."""

    def __init__(
        self,
        origin: str,
        destination: str,
        reason: str,
        *,
        labels: tuple[str, str] | None = None,
    ) -> None:
        self.origin = origin
        self.destination = destination
        self.reason = reason
        start, end = labels or (origin, destination)
        super().__init__(f"cannot travel from {start} to {end}: {reason}")
