"""Small validation helpers shared by the domain value objects."""

from __future__ import annotations

import re
from decimal import Decimal

_COUNTRY = re.compile(r"^[A-Z]{2}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


def require(condition: bool, message: str) -> None:
    """Raise ``ValueError(message)`` unless ``condition`` holds."""
    if not condition:
        raise ValueError(message)


def require_id(value: str, what: str) -> None:
    """Check that an identifier is a non-blank string without edge spaces."""
    require(bool(value) and value == value.strip(), f"{what} id must be non-blank")


def require_country(code: str) -> None:
    """Check an ISO 3166-1 alpha-2 country code (upper case)."""
    require(bool(_COUNTRY.match(code)), f"country must be ISO alpha-2, got {code!r}")


def require_currency(code: str) -> None:
    """Check an ISO 4217 currency code (upper case)."""
    require(bool(_CURRENCY.match(code)), f"currency must be ISO 4217, got {code!r}")


def require_money(amount: Decimal | None, what: str) -> None:
    """Check that a money amount is a finite, non-negative Decimal (or None)."""
    if amount is None:
        return
    require(isinstance(amount, Decimal), f"{what} must be a Decimal")
    require(amount.is_finite() and amount >= 0, f"{what} must be >= 0")


def require_coordinates(lat: float | None, lon: float | None) -> None:
    """Check that latitude/longitude are both given and on the globe, or both None."""
    require((lat is None) == (lon is None), "give both latitude and longitude")
    if lat is not None and lon is not None:
        require(-90.0 <= lat <= 90.0, f"latitude {lat} is off the globe")
        require(-180.0 <= lon <= 180.0, f"longitude {lon} is off the globe")
