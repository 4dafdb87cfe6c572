"""TravelMatrix: integer minutes and costs between the nodes the solver needs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from lrplanner.network.graph import Objective, TravelNetwork
from lrplanner.network.legs import Leg, Unreachable

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from decimal import Decimal


@dataclass(frozen=True, slots=True, kw_only=True)
class TravelMatrix:
    """Static legs between every ordered pair of some nodes.

    Minutes are whole minutes rounded up. A pair with no leg is marked
    unreachable (``minutes`` gives None) rather than failing the build;
    :meth:`leg` explains it by raising :class:`Unreachable`.
    """

    node_ids: tuple[str, ...]
    objective: Objective
    group_size: int
    legs: Mapping[tuple[str, str], Leg]
    network: TravelNetwork = field(repr=False, compare=False)

    @classmethod
    def build(
        cls,
        network: TravelNetwork,
        node_ids: Iterable[str],
        *,
        objective: Objective = "fastest",
        group_size: int = 1,
        on_origin: Callable[[int, int], None] | None = None,
    ) -> TravelMatrix:
        """Return the matrix between some nodes (places, or sites as ``site:<id>``).

        One single-source search per distinct origin, so n nodes cost n
        searches, not n squared.

        Parameters
        ----------
        network
            The travel network.
        node_ids
            Nodes in the order the solver numbers them (duplicates are kept in
            the order but searched once).
        objective
            ``"fastest"`` or ``"cheapest"``.
        group_size
            Travellers counted by ``"cheapest"``.
        on_origin
            Called with (origins searched, origins in all) before each
            search: a progress report, and a chance to stop a long build
            (whatever it raises abandons the build).
        """
        ids = tuple(node_ids)
        legs: dict[tuple[str, str], Leg] = {}
        origins = tuple(dict.fromkeys(ids))
        for done, origin in enumerate(origins):
            if on_origin is not None:
                on_origin(done, len(origins))
            if not network.knows(origin):
                continue
            found = network.legs_from(
                origin,
                {network.resolve(d) for d in ids},
                objective=objective,
                group_size=group_size,
            )
            for destination in dict.fromkeys(ids):
                leg = found.get(network.resolve(destination))
                if leg is not None and network.knows(destination):
                    if leg.destination != destination:  # a site at its place
                        leg = replace(leg, destination=destination)
                    legs[origin, destination] = leg
        return cls(
            node_ids=ids,
            objective=objective,
            group_size=group_size,
            legs=legs,
            network=network,
        )

    def reachable(self, origin: str, destination: str) -> bool:
        """Return whether some leg joins the pair."""
        return (origin, destination) in self.legs

    def minutes(self, origin: str, destination: str) -> int | None:
        """Return the leg's whole minutes, or None if unreachable."""
        leg = self.legs.get((origin, destination))
        return None if leg is None else leg.total_min

    def cost_per_person(self, origin: str, destination: str) -> Decimal | None:
        """Return the leg's fare per traveller, or None if unreachable."""
        leg = self.legs.get((origin, destination))
        return None if leg is None else leg.cost_per_person

    def cost_per_vehicle(self, origin: str, destination: str) -> Decimal | None:
        """Return the leg's vehicle charges, or None if unreachable."""
        leg = self.legs.get((origin, destination))
        return None if leg is None else leg.cost_per_vehicle

    def leg(self, origin: str, destination: str) -> Leg:
        """Return the leg behind a pair.

        Raises
        ------
        Unreachable
            If the pair is unreachable; the message says why.
        """
        leg = self.legs.get((origin, destination))
        if leg is not None:
            return leg
        self.network.fastest(origin, destination)  # raises with the reason
        raise Unreachable(origin, destination, "not among the matrix's nodes")

    def unreachable_pairs(self) -> tuple[tuple[str, str], ...]:
        """Return the ordered pairs with no leg, in matrix order."""
        return tuple(
            (a, b)
            for a in self.node_ids
            for b in self.node_ids
            if (a, b) not in self.legs
        )

    def minutes_rows(self, *, unreachable: int) -> tuple[tuple[int, ...], ...]:
        """Return the minutes as rows in ``node_ids`` order.

        Parameters
        ----------
        unreachable
            The value written for unreachable pairs (e.g. a large penalty).
        """
        return tuple(
            tuple(self._or(self.minutes(a, b), unreachable) for b in self.node_ids)
            for a in self.node_ids
        )

    @staticmethod
    def _or(value: int | None, default: int) -> int:
        return default if value is None else value
