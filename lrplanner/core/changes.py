"""PlanChanges: which parts of a project an edit touched (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lrplanner.core.project import Project

# Project fields compared by diff(), keyed by the flag they set.
_FIELD_OF_FLAG = {
    "sites": "sites",
    "champions": "champions",
    "participants": "participants",
    "places": "places",
    "links": "links",
    "visas": "visas",
    "budget": "budget",
    "rates": "rates",
    "scenarios": "scenarios",
    "route": "route",
    "plan": "plan",
    "locks": ("locks", "excluded_sites"),
    "rules": "rules",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanChanges:
    """Flags naming what changed, so each view refreshes only what it shows.

    ``locks`` covers both visit locks and excluded sites: the planning state
    the user fixed by hand. ``rules`` is the planning rules (sessions, value
    weights). ``scenarios`` are the variants kept beside the route: changing
    them changes no input of the plan.
    """

    sites: bool = False
    champions: bool = False
    participants: bool = False
    places: bool = False
    links: bool = False
    visas: bool = False
    budget: bool = False
    rates: bool = False
    scenarios: bool = False
    route: bool = False
    plan: bool = False
    locks: bool = False
    rules: bool = False

    @classmethod
    def everything(cls) -> PlanChanges:
        """Return flags with every part set (a new project was opened)."""
        return cls(**{f.name: True for f in fields(cls)})

    @property
    def inputs(self) -> bool:
        """Whether anything the plan rests on changed (not the plan itself, nor
        the scenarios kept beside it)."""
        outside = ("plan", "scenarios")
        return any(getattr(self, f.name) for f in fields(self) if f.name not in outside)

    def __bool__(self) -> bool:
        """Return whether any flag is set."""
        return any(getattr(self, f.name) for f in fields(self))

    def __or__(self, other: PlanChanges) -> PlanChanges:
        """Return the union of two sets of flags."""
        return PlanChanges(
            **{
                f.name: getattr(self, f.name) or getattr(other, f.name)
                for f in fields(self)
            }
        )

    def names(self) -> tuple[str, ...]:
        """Return the names of the flags that are set, in field order."""
        return tuple(f.name for f in fields(self) if getattr(self, f.name))


def diff(old: Project, new: Project) -> PlanChanges:
    """Return the flags for the fields that differ between two projects.

    Parameters
    ----------
    old
        The project before the edit.
    new
        The project after it.

    Returns
    -------
    PlanChanges
        One flag per changed part; none set when the projects are equal.
    """
    flags: dict[str, bool] = {}
    for flag, names in _FIELD_OF_FLAG.items():
        attrs = (names,) if isinstance(names, str) else names
        flags[flag] = any(_differs(getattr(old, a), getattr(new, a)) for a in attrs)
    return PlanChanges(**flags)


def _differs(first: object, second: object) -> bool:
    # Identity first: unchanged fields share the same tuple, so the common
    # case never walks the records.
    return first is not second and first != second
