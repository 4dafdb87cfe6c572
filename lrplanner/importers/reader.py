"""Turn raw sheets into a checked Project: the heart of :func:`read_inputs`."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, TypeVar

from lrplanner.core.columns import SHEETS
from lrplanner.core.project import Project
from lrplanner.importers import crosscheck, records
from lrplanner.importers.cells import is_blank, show
from lrplanner.importers.cleantext import without_invisible
from lrplanner.importers.crosscheck import Loaded
from lrplanner.importers.fields import Fields
from lrplanner.importers.journeys import check_journeys
from lrplanner.importers.report import ImportResult, SkippedRow
from lrplanner.importers.route_sheet import build_route
from lrplanner.importers.table import Table, read_settings, read_table

if TYPE_CHECKING:
    from collections.abc import Callable

    from lrplanner.core.budget_lines import PlannedAmount
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


def build_result(source: Source) -> ImportResult:
    """Return the checked project (or every problem) from a source's raw sheets."""
    errors, warnings = list(source.errors), list(source.warnings)
    if errors and not source.sheets:
        return ImportResult(
            project=None, errors=tuple(errors), warnings=tuple(warnings)
        )
    tables = _tables(source, errors)
    crosscheck.check_count(tables["Sites"], crosscheck.MAX_SITES, "sites", errors)
    route = _load(tables["Route"], build_route, errors, warnings)
    sites = _load(tables["Sites"], records.build_site, errors, warnings)
    champions = _load(tables["Champions"], records.build_champion, errors, warnings)
    participants = _load(
        tables["Participants"], records.build_participant, errors, warnings
    )
    places = _load(tables["Places"], records.build_place, errors, warnings)
    links = _load(tables["Links"], records.build_link, errors, warnings)
    visas = _load(tables["Visas"], records.build_visa, errors, warnings)
    budget = _load(tables["Budget"], records.build_planned, errors, warnings)
    crosscheck.drop_duplicates(sites, errors)
    crosscheck.drop_duplicates(champions, errors)
    crosscheck.drop_duplicates(participants, errors)
    crosscheck.drop_duplicates(places, errors)
    crosscheck.drop_duplicate_visas(visas, errors)
    crosscheck.drop_duplicate_planned(budget, errors)
    place_ids = _ids(tables["Places"])
    problems = (errors, warnings)
    crosscheck.check_site_refs(sites, _ids(tables["Champions"]), place_ids, problems)
    crosscheck.check_champion_sites(champions, _ids(tables["Sites"]), errors)
    crosscheck.check_link_places(links, place_ids, errors)
    crosscheck.check_route_places(route, place_ids, errors)
    frame = route.values()[0] if route.items else None
    check_journeys(participants, place_ids, frame, problems)
    for settings, _ in route.items:
        crosscheck.check_availability(sites, settings, problems)
        crosscheck.check_availability(champions, settings, problems)
        crosscheck.check_blackouts(sites, settings, warnings)
    project = None
    if not errors and route.items:
        inputs = (sites, champions, participants, places, links, visas, budget)
        project = _project(route, inputs, errors)
    return _result(project, tables, errors, warnings)


Inputs = tuple[
    "Loaded[Site]",
    "Loaded[Champion]",
    "Loaded[Participant]",
    "Loaded[Place]",
    "Loaded[Link]",
    "Loaded[VisaRule]",
    "Loaded[PlannedAmount]",
]


def _project(
    route: Loaded[RouteSettings], inputs: Inputs, errors: list[InputError]
) -> Project | None:
    sites, champions, participants, places, links, visas, budget = inputs
    try:
        return Project(
            route=route.values()[0],
            sites=sites.values(),
            champions=champions.values(),
            participants=participants.values(),
            places=places.values(),
            links=links.values(),
            visas=visas.values(),
            budget=budget.values(),
        )
    except ValueError as exc:
        errors.append(route.table.error(None, None, "", f"consistent data ({exc})"))
        return None


def _result(
    project: Project | None,
    tables: dict[str, Table],
    errors: list[InputError],
    warnings: list[InputError],
) -> ImportResult:
    return ImportResult(
        project=None if errors else project,
        errors=tuple(errors),
        warnings=tuple(warnings),
        skipped=tuple(
            SkippedRow(t.sheet, row) for t in tables.values() for row in t.skipped
        ),
        extra_columns=MappingProxyType(
            {t.sheet: tuple(t.extra) for t in tables.values() if t.extra}
        ),
        counts=MappingProxyType(
            {name: len(t.records) for name, t in tables.items() if name != "Route"}
        ),
    )
