"""Champions (who present at sites) and participants (who travel)."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal
from types import MappingProxyType

from lrplanner.core.checks import require, require_country, require_id, require_money
from lrplanner.core.currency import LocalAmount
from lrplanner.core.ids import ChampionId, ParticipantId, PlaceId, SiteId
from lrplanner.core.timespan import DateRange

#: Upper age (inclusive) counted as youth. IFAD's rural youth work commonly
#: uses 15-35; the programme reports its 40 % youth target on that basis.
YOUTH_MAX_AGE = 35

#: A participant's room (Participants "Room"): shares a twin room with
#: someone of the same gender (the default), sleeps alone, or shares with a
#: named participant, written ``share with <participant id>``.
ROOM_TWIN = "twin"
ROOM_SINGLE = "single"
SHARE_WITH = "share with "


class Gender(enum.StrEnum):
    """Gender as reported by the person (used for the 40 % women target)."""

    FEMALE = "F"
    MALE = "M"
    OTHER = "X"


@dataclass(frozen=True, slots=True, kw_only=True)
class Champion:
    """A local champion who presents a host site's experience.

    Youth is given directly (``youth``) or derived from ``birth_year``.

    Raises
    ------
    ValueError
        If the birth year is implausible or the honorarium is negative.
    """

    id: ChampionId
    name: str
    gender: Gender
    country: str
    birth_year: int | None = None
    youth: bool | None = None
    organisation: str = ""
    languages: tuple[str, ...] = ()
    contact: str = ""
    sites: tuple[SiteId, ...] = ()
    available: tuple[DateRange, ...] = ()
    honorarium: Decimal = Decimal("0")
    notes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    prices: Mapping[str, LocalAmount] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def __post_init__(self) -> None:
        require_id(self.id, "champion")
        require(bool(self.name.strip()), "champion name must be non-blank")
        require_country(self.country)
        if self.birth_year is not None:
            require(1900 <= self.birth_year <= 2100, "birth year must be 1900-2100")
        require_money(self.honorarium, "honorarium")

    def is_youth(self, on: date) -> bool:
        """Return whether the champion counts as youth on a date."""
        if self.youth is not None:
            return self.youth
        if self.birth_year is None:
            return False
        return on.year - self.birth_year <= YOUTH_MAX_AGE

    def is_available(self, day: date) -> bool:
        """Return whether the champion can present on a date (empty = always)."""
        return not self.available or any(day in r for r in self.available)


@dataclass(frozen=True, slots=True, kw_only=True)
class Participant:
    """A route participant ("rutero").

    ``room`` is ``twin``, ``single`` or ``share with <participant id>``.
    The international arrival and departure (optional) are a local date and
    time at an airport (None: the one nearest the route's start or end
    place) with a flight number.

    Raises
    ------
    ValueError
        If a fare is negative, the room is none of those, a time has no date
        or the departure is dated before the arrival.
    """

    id: ParticipantId
    name: str
    gender: Gender
    country: str
    organisation: str = ""
    role: str = ""
    home_city: str = ""
    languages: tuple[str, ...] = ()
    dietary: str = ""
    room: str = ROOM_TWIN
    fare_to_start: Decimal | None = None
    fare_from_end: Decimal | None = None
    arrival_date: date | None = None
    arrival_time: time | None = None
    arrival_flight: str = ""
    arrival_airport: PlaceId | None = None
    departure_date: date | None = None
    departure_time: time | None = None
    departure_flight: str = ""
    departure_airport: PlaceId | None = None
    notes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    prices: Mapping[str, LocalAmount] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def __post_init__(self) -> None:
        require_id(self.id, "participant")
        require(bool(self.name.strip()), "participant name must be non-blank")
        require_country(self.country)
        require_money(self.fare_to_start, "fare to start")
        require_money(self.fare_from_end, "fare from end")
        if self.room.startswith(SHARE_WITH):
            require_id(self.room.removeprefix(SHARE_WITH), "room mate")
        else:
            require(
                self.room in {ROOM_TWIN, ROOM_SINGLE},
                "room must be twin, single or 'share with <participant id>'",
            )
        self._check_journeys()

    def _check_journeys(self) -> None:
        for way in ("arrival", "departure"):
            require(
                getattr(self, f"{way}_time") is None
                or getattr(self, f"{way}_date") is not None,
                f"an {way} time needs an {way} date",
            )
        arrives, leaves = self.arrival_date, self.departure_date
        require(
            arrives is None or leaves is None or leaves >= arrives,
            "the departure date is before the arrival date",
        )

    def room_mate(self) -> ParticipantId | None:
        """Return the participant this one asked to share a room with, if any."""
        if not self.room.startswith(SHARE_WITH):
            return None
        return ParticipantId(self.room.removeprefix(SHARE_WITH))
