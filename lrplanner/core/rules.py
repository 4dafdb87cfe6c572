"""Planning rules that are not on the Route sheet: sessions and value weights."""

from __future__ import annotations

from dataclasses import dataclass

from lrplanner.core.checks import require


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionRules:
    """Lengths (minutes) of the fixed sessions placed by rule.

    Opening: first thing on day 1 at the start place. Reflection: at the end
    of every visiting day, where the group sleeps. Innovation Plan workshop:
    first thing on the last full day (the day before the last). Closing: last
    thing on the last day, at the end place.
    """

    opening_min: int = 90
    reflection_min: int = 30
    innovation_min: int = 180
    closing_min: int = 60

    def __post_init__(self) -> None:
        require(
            all(
                0 <= m <= 360
                for m in (
                    self.opening_min,
                    self.reflection_min,
                    self.innovation_min,
                    self.closing_min,
                )
            ),
            "session lengths must be 0-360 minutes",
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class ValueRules:
    """How a plan's learning value is counted.

    A visited site is worth its learning value. Each theme adds a coverage
    bonus: ``theme_bonus`` for its first site, times ``theme_decay`` for each
    further one (a second case on a theme is worth less than a first case on
    a new theme). ``cost_weight`` value points are taken off per 1,000 of
    currency a site costs, a light penalty so cheaper equal cases win.
    """

    theme_bonus: float = 3.0
    theme_decay: float = 0.5
    cost_weight: float = 0.2

    def __post_init__(self) -> None:
        require(
            self.theme_bonus >= 0
            and 0 <= self.theme_decay <= 1
            and self.cost_weight >= 0,
            "value weights out of range",
        )

    def theme_increments(self, count: int) -> tuple[float, ...]:
        """Return the bonus of the 1st, 2nd, ... site on one theme."""
        return tuple(self.theme_bonus * self.theme_decay**k for k in range(count))


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanningRules:
    """Every rule of the planner that the Route sheet does not set."""

    sessions: SessionRules = SessionRules()
    value: ValueRules = ValueRules()
