"""PlanReport: the verdict on one plan (costs, indicators, check, status)."""

from __future__ import annotations

from dataclasses import dataclass

from lrplanner.core.costs import CostBreakdown
from lrplanner.core.indicators import Indicators
from lrplanner.core.validate import Violation

#: The status of a plan that was not just searched (read from a file, or
#: edited by hand since).
SAVED = "saved"


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanReport:
    """What one plan costs, what it is worth, and whether it meets the rules.

    Made by :func:`lrplanner.planner.report.plan_report` only, and read by
    the planner, the app, the exports, ``lrplanner check`` and plan.json, so
    that they never disagree about a plan.

    Attributes
    ----------
    costs
        The cost breakdown.
    indicators
        The headline figures (value in learning-value points).
    violations
        The hard rules the plan breaks, found by the independent validator
        with the real travel network; empty for a plan that passes.
    status
        How the search ended ("optimal", "feasible", "cancelled", ...), or
        ``SAVED`` for a plan that was not just searched.
    """

    costs: CostBreakdown
    indicators: Indicators
    violations: tuple[Violation, ...]
    status: str = SAVED

    @property
    def passed(self) -> bool:
        """Whether the plan meets every hard rule."""
        return not self.violations

    def failures(self) -> tuple[str, ...]:
        """Return the broken rules, one line each (empty for a passing plan)."""
        return tuple(v.describe() for v in self.violations)
