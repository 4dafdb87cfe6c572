"""Turn raw sheets into a checked Project: the heart of :func:`read_inputs`."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, TypeVar

from lrplanner.core.columns import ROUTE, SHEETS
from lrplanner.core.programme import Programme
from lrplanner.core.project import Project
from lrplanner.importers import crosscheck, records, routes
from lrplanner.importers.cells import CellError, is_blank, parse_currency, show
from lrplanner.importers.cleantext import note, without_invisible
from lrplanner.importers.crosscheck import Loaded
from lrplanner.importers.exchange import converting, exchange_for
from lrplanner.importers.fields import Fields
from lrplanner.importers.journeys import check_journeys
from lrplanner.importers.report import ImportResult, SkippedRow
from lrplanner.importers.route_sheet import build_route
from lrplanner.importers.table import Table, read_settings, read_table

if TYPE_CHECKING:
    from collections.abc import Callable

    from lrplanner.core.budget_lines import PlannedAmount
    from lrplanner.core.currency import ExchangeRate
    from lrplanner.core.errors import InputError
    from lrplanner.core.people import Champion, Participant
    from lrplanner.core.places import Link, Place
    from lrplanner.core.route import RouteSettings
    from lrplanner.core.sites import Site
    from lrplanner.core.visas import VisaRule
    from lrplanner.importers.source import Source

T = TypeVar("T")


def _tables(source: Source, errors: list[InputError]) -> dict[str, Table]:
    tables: dict[str, Table] = {}
    for spec in SHEETS:
        raw = source.sheets.get(spec.name)
        if raw is None:
            if spec.required:
                where = (
                    f"a file {spec.name}.csv" if source.csv else f"a sheet {spec.name}"
                )
                expected = f"{where} ({spec.help})"
                table = Table(source.file, spec.name, spec)
                errors.append(table.error(None, None, "", expected))
            tables[spec.name] = Table(source.file, spec.name, spec)
        else:
            read = read_settings if spec.key_value else read_table
            tables[spec.name] = read(raw, spec, errors)
    return tables


def _load(
    table: Table,
    build: Callable[[Fields], T | None],
    errors: list[InputError],
    warnings: list[InputError] | None = None,
) -> Loaded[T]:
    loaded: Loaded[T] = Loaded(table)
    for record in table.records:
        item = build(Fields(table, record, errors, warnings))
        if item is not None:
            loaded.items.append((item, record))
    return loaded


def _ids(table: Table) -> frozenset[str]:
    """Return every id written on a sheet, even on rows with other problems.

    Invisible characters are left out, as :func:`cells.parse_id` leaves them.
    """
    values = (record.cells.get("id") for record in table.records)
    return frozenset(without_invisible(show(v)) for v in values if not is_blank(v))


def _reporting_currency(table: Table) -> str:
    """Return the Route's currency as written (USD when blank or unreadable).

    A bad currency cell is reported when the Route sheet is read; the
    money cells are read meanwhile as if in USD, the Route's default.
    """
    default = ROUTE.column("currency").default
    for record in table.records:
        value = record.cells.get("currency")
        if not is_blank(value):
            try:
                return parse_currency(value)
            except CellError:
                break
    return str(default)


def _reference_note(rate: ExchangeRate, reporting: str) -> str:
    return (
        f"{rate.currency} has no row on the Rates sheet: converted at the "
        f"{rate.describe(reporting)}; add a Rates row to use your own rate"
    )


def _new(
    used: dict[str, ExchangeRate], listed: tuple[ExchangeRate, ...]
) -> tuple[ExchangeRate, ...]:
    """Return the reference rates used for currencies the Rates sheet lacks."""
    own = {rate.currency for rate in listed}
    return tuple(rate for code, rate in used.items() if code not in own)


Loads = tuple[
    "Loaded[RouteSettings]",
    "Loaded[Site]",
    "Loaded[Champion]",
    "Loaded[Participant]",
    "Loaded[Place]",
    "Loaded[Link]",
    "Loaded[VisaRule]",
    "Loaded[PlannedAmount]",
]


def _load_records(
    tables: dict[str, Table], errors: list[InputError], warnings: list[InputError]
) -> Loads:
    """Read every sheet but Rates (money cells may name a currency)."""
    return (
        _load(tables["Route"], build_route, errors, warnings),
        _load(tables["Sites"], records.build_site, errors, warnings),
        _load(tables["Champions"], records.build_champion, errors, warnings),
        _load(tables["Participants"], records.build_participant, errors, warnings),
        _load(tables["Places"], records.build_place, errors, warnings),
        _load(tables["Links"], records.build_link, errors, warnings),
        _load(tables["Visas"], records.build_visa, errors, warnings),
        _load(tables["Budget"], records.build_planned, errors, warnings),
    )


def build_result(source: Source) -> ImportResult:
    """Return the checked project (or every problem) from a source's raw sheets.

    A source of several Route sheets gives a programme (:mod:`.routes`);
    ``project`` is then its first route's.
    """
    errors, warnings = list(source.errors), list(source.warnings)
    if errors and not source.sheets:
        return ImportResult(
            project=None, errors=tuple(errors), warnings=tuple(warnings)
        )
    tables = _tables(source, errors)
    more = routes.route_tables(source, errors)
    crosscheck.check_count(tables["Sites"], crosscheck.MAX_SITES, "sites", errors)
    reporting = _reporting_currency(tables["Route"])
    rates = _load(tables["Rates"], records.build_rate, errors, warnings)
    crosscheck.check_rates(rates, reporting, errors)
    exchange = exchange_for(
        reporting,
        rates.values(),
        on_reference=lambda rate: note(_reference_note(rate, reporting)),
    )
    with converting(exchange):
        loaded = _load_records(tables, errors, warnings)
        others = [_load(t, build_route, errors, warnings) for t in more]
    route, sites, champions, participants, places, links, visas, budget = loaded
    every = [route, *others]
    routes.check_routes(every, reporting, errors)
    crosscheck.drop_duplicates(sites, errors)
    crosscheck.drop_duplicates(champions, errors)
    crosscheck.drop_duplicates(places, errors)
    crosscheck.drop_duplicate_visas(visas, errors)
    sheets = [r.table for r in every]
    people = routes.split(participants, sheets, errors)
    planned = routes.split(budget, sheets, errors)
    for group in people:
        crosscheck.drop_duplicates(group, errors)
    for lines in planned:
        crosscheck.drop_duplicate_planned(lines, errors)
    place_ids = _ids(tables["Places"])
    problems = (errors, warnings)
    crosscheck.check_site_refs(sites, _ids(tables["Champions"]), place_ids, problems)
    crosscheck.check_champion_sites(champions, _ids(tables["Sites"]), errors)
    crosscheck.check_link_places(links, place_ids, errors)
    for one, group in zip(every, people, strict=True):
        crosscheck.check_route_places(one, place_ids, errors)
        crosscheck.check_route_sites(one, _ids(tables["Sites"]), errors)
        frame = one.values()[0] if one.items else None
        check_journeys(group, place_ids, frame, problems)
    _check_dates([s for r in every for s in r.values()], sites, champions, problems)
    programme = None
    if not errors and all(r.items for r in every):
        shared = (sites, champions, places, links, visas)
        used = (*rates.values(), *_new(exchange.used, rates.values()))
        own = list(zip(every, people, planned, strict=True))
        programme = _programme(own, shared, used, errors)
    return _result(programme, [*tables.values(), *more], errors, warnings)


def _check_dates(
    settings: list[RouteSettings],
    sites: Loaded[Site],
    champions: Loaded[Champion],
    problems: tuple[list[InputError], list[InputError]],
) -> None:
    """Warn about availability and blackouts outside the route (a programme:
    outside every route)."""
    if len(settings) > 1:
        routes.check_programme_dates(sites, settings, problems[1])
        routes.check_programme_dates(champions, settings, problems[1])
        return
    for one in settings:
        crosscheck.check_availability(sites, one, problems)
        crosscheck.check_availability(champions, one, problems)
        crosscheck.check_blackouts(sites, one, problems[1])


Shared = tuple[
    "Loaded[Site]",
    "Loaded[Champion]",
    "Loaded[Place]",
    "Loaded[Link]",
    "Loaded[VisaRule]",
]
Own = tuple["Loaded[RouteSettings]", "Loaded[Participant]", "Loaded[PlannedAmount]"]


def _programme(
    own: list[Own],
    shared: Shared,
    rates: tuple[ExchangeRate, ...],
    errors: list[InputError],
) -> Programme | None:
    """Return the routes read as a programme (of one route, for one)."""
    sites, champions, places, links, visas = shared
    made: Programme | None = None
    for route, participants, budget in own:
        try:
            project = Project(
                route=route.values()[0],
                sites=sites.values(),
                champions=champions.values(),
                participants=participants.values(),
                places=places.values(),
                links=links.values(),
                visas=visas.values(),
                budget=budget.values(),
                rates=rates,
            )
            made = Programme.of(project) if made is None else made.with_route(project)
        except ValueError as exc:
            expected = f"consistent data ({exc})"
            errors.append(route.table.error(None, None, "", expected))
            return None
    return made


def _result(
    programme: Programme | None,
    tables: list[Table],
    errors: list[InputError],
    warnings: list[InputError],
) -> ImportResult:
    ok = programme is not None and not errors
    return ImportResult(
        project=programme.project(0) if ok and programme else None,
        programme=programme if ok else None,
        errors=tuple(errors),
        warnings=tuple(warnings),
        skipped=tuple(SkippedRow(t.sheet, row) for t in tables for row in t.skipped),
        extra_columns=MappingProxyType(
            {t.sheet: tuple(t.extra) for t in tables if t.extra}
        ),
        counts=MappingProxyType(
            {t.spec.name: len(t.records) for t in tables if t.spec is not ROUTE}
        ),
    )
