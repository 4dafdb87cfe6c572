"""Visa rules by nationality (the Visas sheet): what a national of one country
needs to enter another, as the officer entered it.

A rule is data, not knowledge: LR Planner does not know visa policies and
never claims to. Each rule carries where it came from (``source``) and when
it was checked (``checked_on``), and every file that uses it says to check
with the embassy before booking.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from lrplanner.core.checks import require, require_country

#: The longest stay a rule may allow, in days (a year).
MAX_STAY_DAYS = 365


class Requirement(enum.StrEnum):
    """What a traveller needs to enter a country."""

    NONE = "none"
    ON_ARRIVAL = "on arrival"
    E_VISA = "e-visa"
    VISA = "visa"

    @property
    def applied_before(self) -> bool:
        """Return whether it is applied for before travel (one entry each)."""
        return self in {Requirement.E_VISA, Requirement.VISA}


@dataclass(frozen=True, slots=True, kw_only=True)
class VisaRule:
    """What nationals of ``nationality`` need to enter ``destination``.

    ``max_days`` is the longest stay allowed per entry (None: not entered).

    Raises
    ------
    ValueError
        If a country code is not ISO alpha-2, the two are the same country,
        or the days are outside 1-365.
    """

    nationality: str
    destination: str
    requirement: Requirement
    max_days: int | None = None
    note: str = ""
    source: str = ""
    checked_on: date | None = None
    notes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        require_country(self.nationality)
        require_country(self.destination)
        require(
            self.nationality != self.destination,
            "a visa rule is for another country than the nationality's own",
        )
        if self.max_days is not None:
            require(
                1 <= self.max_days <= MAX_STAY_DAYS,
                f"max days must be 1-{MAX_STAY_DAYS}",
            )

    @property
    def pair(self) -> tuple[str, str]:
        """Return (nationality, destination), unique within a project."""
        return (self.nationality, self.destination)
