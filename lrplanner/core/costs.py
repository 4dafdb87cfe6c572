"""Cost lines and their totals: Decimal money, contingency, budget vs actual."""

from __future__ import annotations

import enum
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, TypeVar

from lrplanner.core.checks import require, require_currency, require_money
from lrplanner.core.currency import LocalAmount

if TYPE_CHECKING:
    from collections.abc import Callable

INTERNATIONAL = "International"
K = TypeVar("K")


class CostCategory(enum.StrEnum):
    """Budget categories, in the order a cost sheet lists them."""

    INTERNATIONAL_FARES = "international fares"
    TRAVEL = "travel fares and transfers"
    VEHICLE = "vehicle hire"
    LODGING = "lodging"
    PER_DIEM = "per diem"
    HOST_FEES = "host fees"
    HONORARIA = "champion honoraria"
    INTERPRETERS = "interpreters"
    FACILITATION = "facilitation"
    VENUES = "venues"


@dataclass(frozen=True, slots=True, kw_only=True)
class CostLine:
    """One line of the cost sheet: ``quantity`` x the rate ``rate_key``.

    ``rate_key`` identifies the unit rate (e.g. ``lodging:KH-PNP``) so every
    line using the same rate refers to one editable cell in the exported
    Rates sheet; ``country`` is an ISO code or ``International``.
    A ``per_head`` line counts the travelling group (the participants plus
    a fixed number of staff), so a cost sheet can recompute its quantity
    from a participant count; an ``estimated`` line's rate is an estimate
    (a travel leg with no Links row). ``local`` is the unit rate as entered
    in another currency (``80,000 KHR``), ``unit_rate`` its conversion.

    Raises
    ------
    ValueError
        If the quantity or the rate is negative.
    """

    category: CostCategory
    item: str
    quantity: Decimal
    unit_rate: Decimal
    rate_key: str
    rate_label: str
    country: str
    day: date | None = None
    per_head: bool = False
    estimated: bool = False
    local: LocalAmount | None = None

    def __post_init__(self) -> None:
        require_money(self.quantity, "quantity")
        require_money(self.unit_rate, "unit rate")
        require(bool(self.rate_key), "a cost line needs its rate key")

    @property
    def amount(self) -> Decimal:
        """Return quantity x unit rate, exact."""
        return self.quantity * self.unit_rate


@dataclass(frozen=True, slots=True, kw_only=True)
class CostBreakdown:
    """Every cost line of a plan, with contingency and the budget cap."""

    lines: tuple[CostLine, ...]
    currency: str
    contingency_pct: Decimal = Decimal("0")
    budget_cap: Decimal | None = None
    participants: int = 0

    def __post_init__(self) -> None:
        require_currency(self.currency)
        require_money(self.contingency_pct, "contingency %")

    @property
    def subtotal(self) -> Decimal:
        """Return the sum of every line before contingency."""
        return sum((line.amount for line in self.lines), Decimal("0"))

    @property
    def contingency(self) -> Decimal:
        """Return the contingency added on top of the subtotal."""
        return self.subtotal * self.contingency_pct / Decimal(100)

    @property
    def total(self) -> Decimal:
        """Return subtotal plus contingency."""
        return self.subtotal + self.contingency

    @property
    def over_budget(self) -> Decimal:
        """Return how much the total exceeds the cap (0 when within or no cap)."""
        if self.budget_cap is None:
            return Decimal("0")
        return max(Decimal("0"), self.total - self.budget_cap)

    @property
    def per_participant(self) -> Decimal:
        """Return the total divided by the number of participants (0 if none)."""
        return self.total / self.participants if self.participants else Decimal("0")

    def by_category(self) -> dict[CostCategory, Decimal]:
        """Return subtotals per category, in category order, zero ones left out."""
        sums = _sum_by(self.lines, lambda line: line.category)
        return {c: sums[c] for c in CostCategory if c in sums}

    def by_country(self) -> dict[str, Decimal]:
        """Return subtotals per country code (and ``International``), sorted."""
        return dict(sorted(_sum_by(self.lines, lambda line: line.country).items()))

    def by_day(self) -> dict[date | None, Decimal]:
        """Return subtotals per day; ``None`` holds costs not tied to a day."""
        sums = _sum_by(self.lines, lambda line: line.day)
        return dict(sorted(sums.items(), key=lambda kv: (kv[0] is not None, kv[0])))


def _sum_by(
    lines: tuple[CostLine, ...], key: Callable[[CostLine], K]
) -> dict[K, Decimal]:
    sums: defaultdict[K, Decimal] = defaultdict(Decimal)
    for line in lines:
        sums[key(line)] += line.amount
    return dict(sums)
