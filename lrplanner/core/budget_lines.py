"""The Budget sheet: a planned amount per cost category (budget against actual).

The planned amounts are what a budget committee approved; the cost model's
lines are the actual. They are compared per :class:`CostCategory` in the
cost workbook. The whole-route cap (``RouteSettings.budget_cap``) is a
different thing: the planner keeps the plan under it; planned amounts per
category bind nothing, they are shown against the plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType

from lrplanner.core.checks import require_money
from lrplanner.core.costs import CostCategory
from lrplanner.core.currency import LocalAmount

#: Other names a Budget sheet may give each category (lower case), besides
#: the category's own label and its enum name (``per_diem``).
CATEGORY_SYNONYMS: Mapping[CostCategory, tuple[str, ...]] = MappingProxyType(
    {
        CostCategory.INTERNATIONAL_FARES: (
            "international fare",
            "international flights",
            "international travel",
            "airfares",
        ),
        CostCategory.TRAVEL: (
            "travel",
            "travel fares",
            "transfers",
            "local travel",
            "domestic travel",
            "in-country travel",
            "transport",
        ),
        CostCategory.VEHICLE: ("vehicle", "vehicles", "car hire", "bus hire"),
        CostCategory.LODGING: ("accommodation", "hotel", "hotels", "rooms"),
        CostCategory.PER_DIEM: (
            "per diems",
            "perdiem",
            "dsa",
            "daily allowance",
            "allowances",
        ),
        CostCategory.HOST_FEES: ("host fee", "site fees", "visit fees"),
        CostCategory.HONORARIA: (
            "honoraria",
            "honorarium",
            "champion honorarium",
            "champions",
        ),
        CostCategory.INTERPRETERS: ("interpreter", "interpretation", "translation"),
        CostCategory.FACILITATION: ("facilitator", "facilitators", "facilitator fees"),
        CostCategory.VENUES: ("venue", "meeting rooms", "workshop venues"),
    }
)


def category_names() -> dict[str, CostCategory]:
    """Return every accepted name (lower case, single spaces) of each category."""
    names: dict[str, CostCategory] = {}
    for category in CostCategory:
        names[category.value] = category
        names[category.name.lower().replace("_", " ")] = category
        names.update(dict.fromkeys(CATEGORY_SYNONYMS[category], category))
    return names


@dataclass(frozen=True, slots=True, kw_only=True)
class PlannedAmount:
    """The amount planned for one cost category, in the route's currency.

    Raises
    ------
    ValueError
        If the amount is negative or not a Decimal.
    """

    category: CostCategory
    amount: Decimal
    note: str = ""
    notes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    prices: Mapping[str, LocalAmount] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def __post_init__(self) -> None:
        require_money(self.amount, "planned amount")


def planned_by_category(
    budget: tuple[PlannedAmount, ...],
) -> dict[CostCategory, Decimal]:
    """Return the planned amount of each category that has one, in order."""
    amounts = {line.category: line.amount for line in budget}
    return {c: amounts[c] for c in CostCategory if c in amounts}
