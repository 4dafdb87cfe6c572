"""Reference exchange rates published by the European Central Bank, offline.

The ``currencyconverter`` package ships the ECB's euro reference rates of
one day (``eurofxref.csv``); a rate between two other currencies is their
cross rate through the euro. The ECB publishes about 30 currencies: THB,
PHP, INR, IDR, MYR, CNY, USD and EUR among them, but not KHR, LAK, VND,
NPR, BDT, LKR or MMK, which the officer enters on the Rates sheet. Every
rate from here says so in its ``source`` and carries the ECB's date.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from importlib import resources
from typing import Any

from lrplanner.core.currency import ExchangeRate

#: Significant figures kept of a cross rate (the ECB quotes 5-6).
FIGURES = 6


@functools.cache
def _converter() -> Any:
    from currency_converter import CurrencyConverter

    data = resources.files("currency_converter") / "eurofxref.csv"
    with resources.as_file(data) as path:
        return CurrencyConverter(str(path))


def source() -> str:
    """Return how a reference rate's source is named in the workbooks."""
    from currency_converter import __version__

    return f"European Central Bank reference rate (currencyconverter {__version__})"


def published() -> frozenset[str]:
    """Return the currencies the ECB data has."""
    return frozenset(_converter().currencies)


def reference_rate(currency: str, reporting: str) -> ExchangeRate | None:
    """Return the ECB cross rate: units of ``currency`` per ``reporting``.

    None when the ECB publishes either currency not (or one is unknown).
    """
    converter = _converter()
    if not {currency, reporting} <= converter.currencies:
        return None
    per_unit = converter.convert(1, reporting, currency)
    rounded = Decimal(f"{per_unit:.{FIGURES}g}")
    if rounded == rounded.to_integral_value():
        rounded = rounded.quantize(Decimal(1))
    day = converter.bounds[currency].last_date
    return ExchangeRate(currency=currency, per_unit=rounded, on=day, source=source())
