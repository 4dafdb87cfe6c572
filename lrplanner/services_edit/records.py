"""Edit, add and delete rows of the record sheets, with the importer's rules.

Sheets are named as in the workbook (``Sites``, ``Champions``,
``Participants``, ``Places``, ``Links``, ``Visas``, ``Budget``, ``Rates``); a row is
given by its 0-based position, which is the record's position in the
Project. Every function returns a new Project, so the caller records it as
one undo step.

Deleting a record that others refer to is refused, naming the referrers
(``references.referrers``); the user changes those first. A deleted site
also leaves the excluded sites, and a plan that names a deleted site,
champion or place is cleared (it could no longer be shown or costed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lrplanner.core.costs import CostCategory
from lrplanner.importers.exchange import exchange_for
from lrplanner.importers.project_rows import project_rows
from lrplanner.services_edit.rates import (
    new_rate_row,
    rate_users,
    reconvert,
    with_used_rates,
)
from lrplanner.services_edit.references import listing, plan_mentions, referrers
from lrplanner.services_edit.rows import ID_PREFIXES, ROUTE_SHEET, SHEETS, rebuild

if TYPE_CHECKING:
    from lrplanner.core.currency import ExchangeRate
    from lrplanner.core.project import Project
    from lrplanner.importers.exchange import Exchange
    from lrplanner.services_edit.rows import Sheet


def editable_keys(sheet: str) -> frozenset[str]:
    """Return the column keys of ``sheet`` a user may change in place (not
    ids, nor the Route column: a row belongs to the route shown)."""
    columns = SHEETS[sheet].spec.columns
    return frozenset(c.key for c in columns if c.key not in {"id", "route"})


def record_label(project: Project, sheet: str, number: int) -> str:
    """Return how messages name row ``number``: 'site KH-TK1', 'link PNH→REP',
    'visa rule VN→KH' (VN nationals entering KH)."""
    kind = SHEETS[sheet]
    record = getattr(project, kind.field)[number]
    if kind.field == "visas":
        return f"visa rule {record.nationality}→{record.destination}"
    if kind.field == "budget":
        return f"planned amount for {record.category}"
    if kind.field == "rates":
        return f"exchange rate for {record.currency}"
    if not hasattr(record, "id"):
        return f"link {record.origin}→{record.destination}"
    return f"{kind.noun} {record.id}"


def edit_cell(
    project: Project, sheet: str, number: int, key: str, text: str
) -> Project:
    """Return the project with one cell changed, read as the importer reads it.

    Raises
    ------
    ValueError
        If the cell may not be edited or the row would not load; the message
        says what is expected.
    """
    kind = SHEETS[sheet]
    if key not in editable_keys(sheet):
        raise ValueError(f"{kind.spec.column(key).header} cannot be changed here")
    row = dict(project_rows(project)[sheet][number])
    row[key] = text
    money = _exchange(project)
    record = rebuild(kind, row, number, project, key, money)
    records = list(getattr(project, kind.field))
    if record == records[number]:  # same meaning, other spelling: no undo step
        return project
    records[number] = record
    if kind.field == "rates":  # every amount in its currency follows
        return _new_rates(project, tuple(records))
    changes = {kind.field: tuple(records), **with_used_rates(project, money)}
    return project.with_changes(**changes)


def _exchange(project: Project) -> Exchange:
    return exchange_for(project.route.currency, project.rates)


def _new_rates(project: Project, rates: tuple[ExchangeRate, ...]) -> Project:
    """Return the project with ``rates``, its amounts converted again."""
    try:
        return reconvert(project, rates)
    except ValueError as exc:
        raise ValueError(f"{exc}: keep a rate for each (change those first)") from None


def edit_route(project: Project, key: str, text: str) -> Project:
    """Return the project with one Route setting changed, read as on import.

    Raises
    ------
    ValueError
        If the Route sheet would not load with this value; the message says
        what is expected.
    """
    row = dict(project_rows(project)["Route"][0])
    row[key] = text
    money = _exchange(project)
    route = rebuild(ROUTE_SHEET, row, 0, project, key, money)
    if route == project.route:
        return project
    if route.currency != project.route.currency and project.rates:
        raise ValueError(
            f"Currency: the exchange rates are per {project.route.currency}; "
            "amounts in other currencies would change meaning. Enter every "
            "amount in one currency and delete the rates first"
        )
    return project.with_changes(route=route, **with_used_rates(project, money))


def add_record(project: Project, sheet: str) -> Project:
    """Return the project with a new row at the end of ``sheet``.

    The row gets a fresh id (``SITE-NEW-1``, ``CHAMP-NEW-2``, ...) and
    defaults that load: the route's start place and its country, gender X.

    Raises
    ------
    ValueError
        If the project cannot hold such a row yet (a link needs two places).
    """
    kind = SHEETS[sheet]
    records = getattr(project, kind.field)
    record = rebuild(kind, _defaults(project, kind), len(records), project)
    if kind.field == "rates":
        return _new_rates(project, (*records, record))
    return project.with_changes(**{kind.field: (*records, record)})


def _defaults(project: Project, kind: Sheet) -> dict[str, object]:
    if kind.field == "visas":
        return _new_visa(project)
    if kind.field == "budget":
        return _new_planned(project)
    if kind.field == "rates":
        return new_rate_row(project)
    if not project.places:
        raise ValueError(f"a new {kind.noun} needs a place: add one to Places first")
    home = project.place_by_id.get(project.route.start_place, project.places[0])
    if kind.field == "links":
        other = next((p.id for p in project.places if p.id != home.id), None)
        if other is None:
            raise ValueError("a link joins two places: add a second place first")
        return {
            "origin": home.id,
            "destination": other,
            "mode": "road",
            "duration_min": 60,
        }
    row: dict[str, object] = {
        "id": new_id(project, kind),
        "name": f"New {kind.noun}",
        "country": home.country,
    }
    more: dict[str, dict[str, object]] = {
        "sites": {"place": home.id},
        "places": {"lat": home.lat, "lon": home.lon},
    }
    return row | more.get(kind.field, {"gender": "X"})


def _new_visa(project: Project) -> dict[str, object]:
    """Return the first nationality and route country without a rule yet."""
    taken = {rule.pair for rule in project.visas}
    nationalities = dict.fromkeys(p.country for p in project.participants)
    countries = dict.fromkeys(p.country for p in project.places)
    for nationality in nationalities:
        for country in countries:
            if nationality != country and (nationality, country) not in taken:
                return {
                    "nationality": nationality,
                    "destination": country,
                    "requirement": "visa",
                    "note": "check: new rule, fill in from the embassy",
                }
    raise ValueError(
        "every participant nationality has a rule for every country of Places"
    )


def _new_planned(project: Project) -> dict[str, object]:
    """Return the first cost category without a planned amount, at 0."""
    taken = {line.category for line in project.budget}
    for category in CostCategory:
        if category not in taken:
            return {"category": category.value, "amount": 0}
    raise ValueError("every cost category has a planned amount")


def new_id(project: Project, kind: Sheet) -> str:
    """Return the first free ``<PREFIX>-NEW-<n>`` id of a sheet."""
    taken = {str(r.id) for r in getattr(project, kind.field)}
    prefix = ID_PREFIXES[kind.field]
    number = 1
    while f"{prefix}-NEW-{number}" in taken:
        number += 1
    return f"{prefix}-NEW-{number}"


def delete_record(project: Project, sheet: str, number: int) -> Project:
    """Return the project without row ``number`` of ``sheet``.

    Raises
    ------
    ValueError
        If other records or locks refer to it; the message names them.
    """
    kind = SHEETS[sheet]
    records = getattr(project, kind.field)
    record = records[number]
    users = referrers(project, kind.field, record)
    if kind.field == "rates":
        users = rate_users(project, record.currency)
    if users:
        label = record_label(project, sheet, number)
        raise ValueError(
            f"{label} is used by {listing(users)}: change or delete those first"
        )
    changes: dict[str, Any] = {kind.field: records[:number] + records[number + 1 :]}
    ident = str(getattr(record, "id", ""))
    if kind.field == "sites":
        changes["excluded_sites"] = tuple(
            s for s in project.excluded_sites if s != ident
        )
    if project.plan is not None and plan_mentions(project.plan, kind.field, ident):
        changes["plan"] = None
    return project.with_changes(**changes)
