"""Amounts in a country's own currency and the rates that bring them home.

A money cell may hold an amount in the reporting currency (the Route's
``currency``, say USD) or in another one: ``80,000 KHR``. The importer
converts every other amount with an :class:`ExchangeRate` (units of that
currency per one unit of the reporting currency, as banks quote them:
4,100 KHR per USD) and rounds it to the cent, so the planner, the budget
cap and every total work in the reporting currency alone. The amount as
entered is kept beside the converted one, as a :class:`LocalAmount` in the
record's ``prices`` (field name -> local amount), so the cost workbook can
show both and the workbook written back says ``80,000 KHR`` again.

Rates say where they come from (``source`` and ``on``): the officer's own
(the Rates sheet) or a published reference rate, never an unsourced guess.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from types import MappingProxyType

from lrplanner.core.checks import require, require_currency, require_money

CENT = Decimal("0.01")
#: Units per reporting unit a rate may be: 1e-6 (a unit worth a million) to 1e9.
RATE_BOUNDS = (Decimal("0.000001"), Decimal("1000000000"))


@dataclass(frozen=True, slots=True)
class LocalAmount:
    """An amount as the user entered it, in a currency other than the reporting one.

    Raises
    ------
    ValueError
        If the amount is negative or the code is not ISO 4217.
    """

    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        require_money(self.amount, "local amount")
        require_currency(self.currency)

    def text(self) -> str:
        """Return the amount as a cell holds it: ``80,000 KHR``, ``1,250.50 THB``."""
        return f"{self.amount:,f} {self.currency}"


@dataclass(frozen=True, slots=True, kw_only=True)
class ExchangeRate:
    """How many units of ``currency`` one unit of the reporting currency buys.

    ``on`` is the rate's date and ``source`` where it comes from (a bank, the
    ECB reference rate); both are printed beside every amount it converts.

    Raises
    ------
    ValueError
        If the code is not ISO 4217 or the rate is not a positive number
        within :data:`RATE_BOUNDS`.
    """

    currency: str
    per_unit: Decimal
    on: date | None = None
    source: str = ""
    notes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        require_currency(self.currency)
        require(
            isinstance(self.per_unit, Decimal)
            and self.per_unit.is_finite()
            and RATE_BOUNDS[0] <= self.per_unit <= RATE_BOUNDS[1],
            "a rate must be a positive number of units per reporting unit",
        )

    def convert(self, amount: Decimal) -> Decimal:
        """Return ``amount`` of this currency in the reporting currency, to the cent.

        The rounding is Excel's ROUND(amount / rate, 2) for amounts >= 0, so
        the cost workbook's formulas give the planner's figures.
        """
        return (amount / self.per_unit).quantize(CENT, rounding=ROUND_HALF_UP)

    def describe(self, reporting: str) -> str:
        """Return ``4,100 KHR per USD (National Bank of Cambodia, 2027-02-01)``."""
        rate = f"{self.per_unit:,f}"
        if "." in rate:
            rate = rate.rstrip("0").rstrip(".")
        whence = ", ".join(
            part
            for part in (self.source, self.on.isoformat() if self.on else "")
            if part
        )
        tail = f" ({whence})" if whence else " (source not given)"
        return f"{rate} {self.currency} per {reporting}{tail}"


def rate_by_currency(rates: tuple[ExchangeRate, ...]) -> dict[str, ExchangeRate]:
    """Return the rates by currency code.

    Raises
    ------
    ValueError
        If two rates are for the same currency.
    """
    found: dict[str, ExchangeRate] = {}
    for rate in rates:
        require(rate.currency not in found, f"two rates for {rate.currency}")
        found[rate.currency] = rate
    return found


def check_prices(
    prices: Mapping[str, LocalAmount], rates: Mapping[str, ExchangeRate], what: str
) -> None:
    """Check every local amount of a record has a rate.

    Raises
    ------
    ValueError
        If an amount is in a currency no rate converts.
    """
    for name, local in prices.items():
        require(
            local.currency in rates,
            f"{what} {name} is in {local.currency}, which has no exchange rate",
        )
