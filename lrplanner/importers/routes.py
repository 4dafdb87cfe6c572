"""A workbook of several routes: Route, Route 2, ... sheets and Route columns.

The first route is the Route sheet's, the others follow in workbook order
(a CSV folder: by file name). The shared sheets are read once; each row of
Participants and Budget names its route in the Route column, which may be
blank (or absent) when there is one route only. Two routes may not share a
name (names are compared ignoring case and spaces, as Route cells are),
and they share one currency, as they share the Rates sheet.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, TypeVar

from lrplanner.core.columns import ROUTE
from lrplanner.importers.cells import CellError, is_blank, parse_text, show
from lrplanner.importers.crosscheck import Loaded
from lrplanner.importers.source import more_routes
from lrplanner.importers.table import Table, read_settings

if TYPE_CHECKING:
    from lrplanner.core.errors import InputError
    from lrplanner.core.people import Champion
    from lrplanner.core.route import RouteSettings
    from lrplanner.core.sites import Site
    from lrplanner.importers.source import Source
    from lrplanner.importers.table import Record

T = TypeVar("T")
#: The most routes one workbook may hold.
MAX_ROUTES = 30


def route_tables(source: Source, errors: list[InputError]) -> list[Table]:
    """Return the further Route sheets (Route 2, ...) read as settings."""
    tables = [read_settings(raw, ROUTE, errors) for raw in more_routes(source)]
    if len(tables) >= MAX_ROUTES:
        extra = tables[MAX_ROUTES - 1]
        expected = f"at most {MAX_ROUTES} Route sheets in one workbook"
        errors.append(extra.error(None, None, extra.sheet, expected))
    return tables


def fold(name: str) -> str:
    """Return a route name as Route cells are matched: case and spaces ignored."""
    return " ".join(name.casefold().split())


def _written_name(table: Table) -> str | None:
    """Return the Route name a Route sheet gives, even if other settings fail."""
    value = table.records[0].cells.get("name") if table.records else None
    if is_blank(value):
        return None
    try:
        return parse_text(value)
    except CellError:
        return None


def route_names(tables: list[Table]) -> list[str | None]:
    """Return each Route sheet's route name (None where it is unreadable)."""
    return [_written_name(table) for table in tables]


def check_routes(
    routes: list[Loaded[RouteSettings]], reporting: str, errors: list[InputError]
) -> None:
    """Refuse a route named as an earlier one, or in another currency."""
    seen: dict[str, str] = {}
    for loaded in routes:
        for settings, record in loaded.items:
            sheet = loaded.table.sheet
            first = seen.setdefault(fold(settings.name), sheet)
            if first != sheet:
                expected = (
                    f"a Route name no other Route sheet has ({settings.name!r} "
                    f"is the route on sheet {first})"
                )
                row = record.row_of("name")
                errors.append(loaded.error(row, "name", settings.name, expected))
            if settings.currency != reporting:
                expected = (
                    f"the first route's currency {reporting} (the routes of one "
                    "workbook share its Rates sheet, whose rates are per that "
                    "currency)"
                )
                row = record.row_of("currency")
                errors.append(
                    loaded.error(row, "currency", settings.currency, expected)
                )


def split(
    loaded: Loaded[T], tables: list[Table], errors: list[InputError]
) -> list[Loaded[T]]:
    """Return a sheet's records per route, by each row's Route cell.

    With one route a blank cell means it; with several every row names its
    route, and a sheet with rows but no Route column is one error. A row
    naming no route is reported and belongs to none.
    """
    names = route_names(tables)
    known = {fold(n): index for index, n in enumerate(names) if n is not None}
    table = loaded.table
    groups: list[list[Record]] = [[] for _ in tables]
    if len(tables) > 1 and table.records and "route" not in table.headers:
        errors.append(table.error(None, "route", "", _column(tables, names)))
        return [_subset(loaded, []) for _ in tables]
    for record in table.records:
        index = _route_of(record, table, known, len(tables), errors, tables)
        if index is not None:
            groups[index].append(record)
    return [_subset(loaded, records) for records in groups]


def _route_of(
    record: Record,
    table: Table,
    known: dict[str, int],
    count: int,
    errors: list[InputError],
    tables: list[Table],
) -> int | None:
    value = record.cells.get("route")
    if is_blank(value) and count == 1:
        return 0
    try:
        name = "" if is_blank(value) else parse_text(value)
    except CellError as exc:
        errors.append(table.error(record.row, "route", show(value), exc.expected))
        return None
    index = known.get(fold(name))
    if index is None:
        expected = "the Route name of one of the routes: " + _listing(tables)
        errors.append(table.error(record.row, "route", name, expected))
    return index


def _listing(tables: list[Table]) -> str:
    names = route_names(tables)
    return ", ".join(
        f"{name!r} (sheet {table.sheet})"
        for name, table in zip(names, tables, strict=True)
        if name is not None
    )


def _column(tables: list[Table], names: list[str | None]) -> str:
    return (
        f"a column headed 'Route' naming each row's route: the workbook has "
        f"{len(names)} Route sheets ({_listing(tables)})"
    )


def _subset(loaded: Loaded[T], records: list[Record]) -> Loaded[T]:
    rows = {record.row for record in records}
    table = dataclasses.replace(loaded.table, records=records)
    return Loaded(table, [(i, r) for i, r in loaded.items if r.row in rows])


def check_programme_dates(
    loaded: Loaded[Site] | Loaded[Champion],
    routes: list[RouteSettings],
    warnings: list[InputError],
) -> None:
    """Warn about available date ranges (and a site's blackout dates) outside
    every route of a programme: a range inside one route is that route's."""
    spans = "; ".join(f"{r.name!r} {r.start_date}..{r.end_date}" for r in routes)
    for item, record in loaded.items:
        outside = [
            r
            for r in getattr(item, "available", ())
            if all(r.end < x.start_date or r.start > x.end_date for x in routes)
        ]
        if outside:
            value = "; ".join(f"{r.start}..{r.end}" for r in outside)
            expected = f"date ranges inside a route ({spans}); these are ignored"
            warnings.append(loaded.error(record.row, "available", value, expected))
        blackouts = [
            d
            for d in getattr(item, "blackouts", ())
            if not any(x.start_date <= d <= x.end_date for x in routes)
        ]
        if blackouts:
            value = "; ".join(str(d) for d in blackouts)
            expected = f"blackout dates inside a route ({spans}); ignored"
            warnings.append(loaded.error(record.row, "blackouts", value, expected))
