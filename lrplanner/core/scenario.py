"""A scenario: a named copy of the route with some settings changed.

Kept with the project (``Project.scenarios``) so the comparison can be run
again after the data change; :mod:`lrplanner.scenarios` applies and plans
them.
"""

from __future__ import annotations

from dataclasses import dataclass

from lrplanner.core.checks import require
from lrplanner.core.columns import ROUTE

#: The planning rules a scenario may change: key -> (label, part, field).
RULES: dict[str, tuple[str, str, str]] = {
    "rules.value.theme_bonus": ("Theme bonus", "value", "theme_bonus"),
    "rules.value.theme_decay": ("Theme decay", "value", "theme_decay"),
    "rules.value.cost_weight": ("Cost weight", "value", "cost_weight"),
    "rules.sessions.opening_min": ("Opening minutes", "sessions", "opening_min"),
    "rules.sessions.reflection_min": (
        "Reflection minutes",
        "sessions",
        "reflection_min",
    ),
    "rules.sessions.innovation_min": (
        "Innovation plan minutes",
        "sessions",
        "innovation_min",
    ),
    "rules.sessions.closing_min": ("Closing minutes", "sessions", "closing_min"),
}


def setting_label(key: str) -> str:
    """Return how a scenario names a setting: its Route header or rule label."""
    if key in RULES:
        return RULES[key][0]
    return ROUTE.column(key).header


@dataclass(frozen=True, slots=True, kw_only=True)
class Scenario:
    """A named copy of the route with changed settings.

    ``settings`` are (Route column key, text) pairs read as the Route sheet
    reads them, or (a :data:`RULES` key, number) for a planning rule;
    ``countries`` and ``sites`` are left out of the plan.

    Raises
    ------
    ValueError
        If the name is blank or a setting is no Route column.
    """

    name: str
    settings: tuple[tuple[str, str], ...] = ()
    countries: tuple[str, ...] = ()
    sites: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        require(bool(self.name.strip()), "a scenario needs a name")
        keys = {column.key for column in ROUTE.columns} | RULES.keys()
        unknown = [key for key, _ in self.settings if key not in keys]
        require(not unknown, f"no Route setting {', '.join(unknown)}")

    def describe(self) -> str:
        """Return the changes as a scenario text reads them (``End date=...; ...``)."""
        parts = [f"{setting_label(k)}={v}" for k, v in self.settings]
        if self.countries:
            parts.append(f"Exclude countries={', '.join(self.countries)}")
        if self.sites:
            parts.append(f"Exclude sites={', '.join(self.sites)}")
        return "; ".join(parts) or "as the route"
