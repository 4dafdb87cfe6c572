"""Rebuild one record from its sheet row with the importer's own builders.

An edit in the app changes a cell of the record's row (as ``project_rows``
writes it back) and builds the record again exactly as the importer would,
cross-sheet checks included: a cell typed in the app means what it means in
the workbook, and no rule is written twice.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from lrplanner.core.columns import (
    BUDGET,
    CHAMPIONS,
    LINKS,
    PARTICIPANTS,
    PLACES,
    RATES,
    ROUTE,
    SITES,
    VISAS,
    SheetSpec,
)
from lrplanner.importers import crosscheck, records
from lrplanner.importers.crosscheck import Loaded
from lrplanner.importers.exchange import Exchange, converting, exchange_for
from lrplanner.importers.fields import Fields
from lrplanner.importers.route_sheet import build_route
from lrplanner.importers.table import Record, Table

if TYPE_CHECKING:
    from collections.abc import Iterable

    from lrplanner.core.errors import InputError
    from lrplanner.core.project import Project

Problems = tuple[list["InputError"], list["InputError"]]  # errors, warnings
# check(loaded record, project, edited column key or None, problems)
Check = Callable[[Loaded[Any], "Project", str | None, Problems], None]


@dataclass(frozen=True, slots=True)
class Sheet:
    """How one input sheet maps onto a Project.

    ``field`` is the Project attribute (and the PlanChanges flag), ``noun``
    names one record in messages, ``prefix`` starts the ids of new rows
    (empty for Links, which have no id).
    """

    spec: SheetSpec
    field: str
    noun: str
    build: Callable[[Fields], Any]
    checks: tuple[Check, ...]
    prefix: str = ""


def _ids(items: Iterable[Any]) -> frozenset[str]:
    return frozenset(str(item.id) for item in items)


def _site_refs(
    loaded: Loaded[Any], project: Project, _key: object, p: Problems
) -> None:
    crosscheck.check_site_refs(loaded, _ids(project.champions), _ids(project.places), p)


def _champion_sites(
    loaded: Loaded[Any], project: Project, _key: object, p: Problems
) -> None:
    crosscheck.check_champion_sites(loaded, _ids(project.sites), p[0])


def _link_places(
    loaded: Loaded[Any], project: Project, _key: object, p: Problems
) -> None:
    crosscheck.check_link_places(loaded, _ids(project.places), p[0])


def _route_places(
    loaded: Loaded[Any], project: Project, _key: object, p: Problems
) -> None:
    crosscheck.check_route_places(loaded, _ids(project.places), p[0])


def _visa_pair(
    loaded: Loaded[Any], project: Project, _key: object, p: Problems
) -> None:
    # the row's own rule (its position among the rules) is the one edited
    for rule, record in loaded.items:
        for number, other in enumerate(project.visas):
            if other.pair == rule.pair and number != record.row - 2:
                expected = (
                    f"one rule per nationality and destination ({rule.nationality} "
                    f"nationals entering {rule.destination} have one on row "
                    f"{number + 2})"
                )
                p[0].append(
                    loaded.error(record.row, "destination", rule.destination, expected)
                )


def _planned_category(
    loaded: Loaded[Any], project: Project, _key: object, p: Problems
) -> None:
    # the row's own amount (its position in the budget) is the one edited
    for line, record in loaded.items:
        for number, other in enumerate(project.budget):
            if other.category is line.category and number != record.row - 2:
                expected = (
                    f"one planned amount per category ({line.category} has one "
                    f"on row {number + 2})"
                )
                p[0].append(
                    loaded.error(record.row, "category", str(line.category), expected)
                )


def _rate(loaded: Loaded[Any], project: Project, _key: object, p: Problems) -> None:
    # the row's own rate (its position among the rates) is the one edited
    for rate, record in loaded.items:
        if rate.currency == project.route.currency:
            expected = (
                f"a currency other than the Route's {rate.currency} (amounts in "
                f"{rate.currency} need no rate)"
            )
            p[0].append(loaded.error(record.row, "currency", rate.currency, expected))
        for number, other in enumerate(project.rates):
            if other.currency == rate.currency and number != record.row - 2:
                expected = (
                    f"one rate per currency ({rate.currency} has one on row "
                    f"{number + 2})"
                )
                p[0].append(
                    loaded.error(record.row, "currency", rate.currency, expected)
                )


def _dates(loaded: Loaded[Any], project: Project, key: str | None, p: Problems) -> None:
    # Only the edited dates are checked against the route: a route moved
    # since must not block unrelated edits of the same row.
    if key == "available":
        crosscheck.check_availability(loaded, project.route, p)
    elif key == "blackouts":
        crosscheck.check_blackouts(loaded, project.route, p[1])


SHEETS: Mapping[str, Sheet] = MappingProxyType(
    {
        sheet.spec.name: sheet
        for sheet in (
            Sheet(SITES, "sites", "site", records.build_site, (_site_refs, _dates)),
            Sheet(
                CHAMPIONS,
                "champions",
                "champion",
                records.build_champion,
                (_champion_sites, _dates),
            ),
            Sheet(
                PARTICIPANTS,
                "participants",
                "participant",
                records.build_participant,
                (),
            ),
            Sheet(PLACES, "places", "place", records.build_place, ()),
            Sheet(LINKS, "links", "link", records.build_link, (_link_places,)),
            Sheet(VISAS, "visas", "visa rule", records.build_visa, (_visa_pair,)),
            Sheet(
                BUDGET,
                "budget",
                "planned amount",
                records.build_planned,
                (_planned_category,),
            ),
            Sheet(RATES, "rates", "exchange rate", records.build_rate, (_rate,)),
        )
    }
)
ID_PREFIXES = MappingProxyType(
    {"sites": "SITE", "champions": "CHAMP", "participants": "PART", "places": "PLACE"}
)
ROUTE_SHEET = Sheet(ROUTE, "route", "route", build_route, (_route_places,))


def rebuild(
    sheet: Sheet,
    row: Mapping[str, object],
    number: int,
    project: Project,
    key: str | None = None,
    exchange: Exchange | None = None,
) -> Any:
    """Return the record on ``row``, built and cross-checked as on import.

    Parameters
    ----------
    sheet
        The sheet the row belongs to.
    row
        Cell values by column key; other keys are the record's notes.
    number
        The row's 0-based position among the records (for messages).
    project
        The project the record will belong to (for references).
    key
        The column just edited: importer warnings about it refuse the edit too.
    exchange
        Converts amounts in another currency (default: the project's rates,
        then the ECB's); its ``used`` tells which rates the row needed.

    Raises
    ------
    ValueError
        If the importer would refuse the row; the message says what is expected.
    """
    spec = sheet.spec
    table = Table("", spec.name, spec, headers={c.key: c.header for c in spec.columns})
    cells = {k: v for k, v in row.items() if k in table.headers}
    notes = {k: str(v) for k, v in row.items() if k not in table.headers and v}
    errors: list[InputError] = []
    warnings: list[InputError] = []
    loaded: Loaded[Any] = Loaded(table)
    record = Record(number + 2, cells, notes)
    money = exchange or exchange_for(project.route.currency, project.rates)
    with converting(money):
        item = sheet.build(Fields(table, record, errors))
    if item is not None:
        loaded.items.append((item, record))
        for check in sheet.checks:
            check(loaded, project, key, (errors, warnings))
    header = spec.column(key).header if key else None
    problems = errors + [w for w in warnings if header and w.column == header]
    if problems or not loaded.items:
        raise ValueError(reason(problems, header))
    return loaded.items[0][0]


def reason(problems: list[InputError], header: str | None) -> str:
    """Return why a row is refused: the problem in the edited column first."""
    if not problems:
        return "expected a complete row"
    first = min(problems, key=lambda p: p.column != header)
    where = f"{first.column}: " if first.column and first.column != header else ""
    return f"{where}expected {first.expected}"
