"""Amounts in another currency while a workbook is read: convert, and remember.

While :func:`converting` is active, a money cell may name its currency
(``80,000 KHR``, ``KHR 80,000``, ``฿1,500``): :func:`convert` turns the
amount into the reporting currency with the Rates sheet's rate or, for a
currency the sheet does not list, the ECB reference rate (see
:mod:`lrplanner.importers.ecb`), and keeps the amount as entered for the
reader to store in the record's ``prices``. Every rate used is recorded,
so the project lists exactly the rates its amounts rest on.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lrplanner.core.currency import ExchangeRate, LocalAmount

if TYPE_CHECKING:
    from collections.abc import Iterator
    from decimal import Decimal

#: Currency signs that name one currency only ($, Rs and kr name several).
SIGNS: Mapping[str, str] = {
    "\u17db": "KHR",  # riel
    "\u20ad": "LAK",  # kip
    "\u20ab": "VND",  # dong
    "\u0e3f": "THB",  # baht
    "\u20b1": "PHP",  # peso
    "\u09f3": "BDT",  # taka
    "\u20ac": "EUR",
    "\u00a3": "GBP",
    "\u20b9": "INR",
}


class NoRateError(LookupError):
    """A currency no rate converts; ``expected`` says what would do."""

    def __init__(self, expected: str) -> None:
        super().__init__(expected)
        self.expected = expected


@dataclass(slots=True)
class Exchange:
    """The reporting currency, the rates that convert into it, what was used.

    ``reference`` looks up a published rate for a currency with no Rates
    row (None: not published); ``on_reference`` is told the first time one
    is used, to warn the officer.
    """

    reporting: str
    rates: Mapping[str, ExchangeRate]
    reference: Callable[[str, str], ExchangeRate | None] = lambda _c, _r: None
    on_reference: Callable[[ExchangeRate], None] = lambda _rate: None
    used: dict[str, ExchangeRate] = field(default_factory=dict)
    local: LocalAmount | None = None

    def rate(self, currency: str) -> ExchangeRate:
        """Return the rate of ``currency``.

        Raises
        ------
        NoRateError
            If neither the Rates sheet nor the reference rates have it.
        """
        found = self.rates.get(currency) or self.used.get(currency)
        if found is None:
            found = self.reference(currency, self.reporting)
            if found is None:
                raise NoRateError(
                    f"an amount in {self.reporting}, or in a currency with a row "
                    f"on the Rates sheet ({currency} has none, and the European "
                    f"Central Bank publishes no {currency} rate)"
                )
            self.on_reference(found)
        self.used[currency] = found
        return found

    def convert(self, amount: Decimal, currency: str) -> Decimal:
        """Return ``amount`` in the reporting currency; remember it as entered."""
        if currency == self.reporting:
            return amount
        converted = self.rate(currency).convert(amount)
        self.local = LocalAmount(amount, currency)
        return converted


_CURRENT: ContextVar[Exchange | None] = ContextVar("exchange", default=None)


@contextlib.contextmanager
def converting(exchange: Exchange) -> Iterator[Exchange]:
    """Let money cells name a currency, converted by ``exchange``, in this block."""
    token = _CURRENT.set(exchange)
    try:
        yield exchange
    finally:
        _CURRENT.reset(token)


def convert(amount: Decimal, currency: str) -> Decimal:
    """Return an amount in ``currency`` in the reporting currency.

    Raises
    ------
    NoRateError
        Outside :func:`converting` (only the reporting currency is known
        there: none at all) or when the currency has no rate.
    """
    exchange = _CURRENT.get()
    if exchange is None:
        raise NoRateError("an amount without a currency code (no exchange rates here)")
    return exchange.convert(amount, currency)


def take_local() -> LocalAmount | None:
    """Return, and forget, the amount as entered of the last converted cell."""
    exchange = _CURRENT.get()
    if exchange is None:
        return None
    local, exchange.local = exchange.local, None
    return local


def exchange_for(
    reporting: str,
    rates: Iterable[ExchangeRate],
    on_reference: Callable[[ExchangeRate], None] = lambda _rate: None,
) -> Exchange:
    """Return the exchange of a route: its own rates, then the ECB's."""
    from lrplanner.importers import ecb  # the ECB data loads on first use

    return Exchange(
        reporting,
        {rate.currency: rate for rate in rates},
        reference=ecb.reference_rate,
        on_reference=on_reference,
    )
