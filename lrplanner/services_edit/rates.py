"""Exchange rates in the app: a changed rate converts its amounts again.

Every amount entered in another currency is kept as entered in its record's
``prices``; the converted figure is derived. So a rate edited in the Rates
tab is applied to every amount in its currency (:func:`reconvert`), a rate
still in use cannot be deleted (:func:`rate_users`), and a rate an edit
needed from the ECB joins the project's rates (:func:`with_used_rates`).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from lrplanner.core.currency import rate_by_currency

if TYPE_CHECKING:
    from lrplanner.core.currency import ExchangeRate, LocalAmount
    from lrplanner.core.project import Project
    from lrplanner.importers.exchange import Exchange

#: Project attributes whose records may hold amounts in another currency.
PRICED = ("sites", "champions", "participants", "places", "links", "budget")

#: Each programme country's currency, for a new Rates row.
COUNTRY_CURRENCY = {
    "KH": "KHR",
    "LA": "LAK",
    "VN": "VND",
    "TH": "THB",
    "NP": "NPR",
    "BD": "BDT",
    "PH": "PHP",
    "IN": "INR",
    "ID": "IDR",
    "LK": "LKR",
    "MM": "MMK",
    "MY": "MYR",
    "CN": "CNY",
    "BT": "BTN",
    "TL": "USD",
}


def _converted(record: Any, rates: dict[str, ExchangeRate]) -> Any:
    """Return ``record`` with each priced field converted at ``rates`` again."""
    prices: dict[str, LocalAmount] = dict(getattr(record, "prices", {}))
    if not prices:
        return record
    nested: dict[str, dict[str, object]] = {}
    changes: dict[str, object] = {}
    for name, local in prices.items():
        amount = rates[local.currency].convert(local.amount)
        parent, _, leaf = name.rpartition(".")
        if parent:
            nested.setdefault(parent, {})[leaf] = amount
        else:
            changes[name] = amount
    for parent, values in nested.items():
        changes[parent] = dataclasses.replace(getattr(record, parent), **values)
    return dataclasses.replace(record, **changes)


def reconvert(project: Project, rates: tuple[ExchangeRate, ...]) -> Project:
    """Return the project with ``rates`` and every local amount converted by them.

    Raises
    ------
    ValueError
        If an amount's currency has no rate among ``rates``.
    """
    by_code = rate_by_currency(rates)
    missing = {
        local.currency
        for record in _priced(project)
        for local in getattr(record, "prices", {}).values()
        if local.currency not in by_code
    }
    if missing:
        raise ValueError(f"amounts are entered in {', '.join(sorted(missing))}")
    changes: dict[str, object] = {
        field: tuple(_converted(r, by_code) for r in getattr(project, field))
        for field in PRICED
    }
    changes["route"] = _converted(project.route, by_code)
    return project.with_changes(rates=rates, **changes)


def _priced(project: Project) -> list[Any]:
    return [project.route, *(r for field in PRICED for r in getattr(project, field))]


def rate_users(project: Project, currency: str) -> list[str]:
    """Return the records with an amount in ``currency`` ('site KH01', ...)."""
    users: list[str] = []
    for field in ("route", *PRICED):
        records = getattr(project, field)
        for record in records if isinstance(records, tuple) else (records,):
            prices = getattr(record, "prices", {})
            if any(local.currency == currency for local in prices.values()):
                users.append(_label(field, record))
    return users


def _label(field: str, record: Any) -> str:
    if field == "route":
        return "the Route"
    if field == "links":
        return f"link {record.origin}→{record.destination}"
    if field == "budget":
        return f"the planned amount for {record.category}"
    return f"{field.removesuffix('s')} {record.id}"


def with_used_rates(project: Project, exchange: Exchange) -> dict[str, object]:
    """Return ``{"rates": ...}`` adding the rates an edit took from the ECB."""
    known = {rate.currency for rate in project.rates}
    new = tuple(rate for code, rate in exchange.used.items() if code not in known)
    return {"rates": (*project.rates, *new)} if new else {}


def new_rate_row(project: Project) -> dict[str, object]:
    """Return a Rates row for the first route currency without a rate.

    The ECB reference rate where the ECB has one; otherwise a rate of 1 for
    the officer to replace (no amount uses it until one names the currency).
    """
    from lrplanner.importers.ecb import reference_rate

    taken = {rate.currency for rate in project.rates} | {project.route.currency}
    countries = dict.fromkeys(place.country for place in project.places)
    for country in countries:
        code = COUNTRY_CURRENCY.get(country)
        if code is None or code in taken:
            continue
        ecb = reference_rate(code, project.route.currency)
        if ecb is not None:
            return {
                "currency": code,
                "per_unit": ecb.per_unit,
                "on": ecb.on,
                "source": ecb.source,
            }
        return {
            "currency": code,
            "per_unit": 1,
            "source": "enter the rate and its source",
        }
    raise ValueError("every currency of the route's countries has a rate")
