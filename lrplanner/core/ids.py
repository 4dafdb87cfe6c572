"""Typed string identifiers for the domain's records."""

from typing import NewType

SiteId = NewType("SiteId", str)
ChampionId = NewType("ChampionId", str)
ParticipantId = NewType("ParticipantId", str)
PlaceId = NewType("PlaceId", str)
