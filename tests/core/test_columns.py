"""Tests that the column specs and the domain dataclasses describe the same fields."""

from __future__ import annotations

import dataclasses
import re

import pytest

from lrplanner.core.budget_lines import PlannedAmount
from lrplanner.core.columns import (
    BUDGET,
    CHAMPIONS,
    LINKS,
    PARTICIPANTS,
    PLACES,
    RATES,
    ROUTE,
    SHEETS,
    SITES,
    VISAS,
    ColumnSpec,
    Kind,
    SheetSpec,
)
from lrplanner.core.currency import ExchangeRate
from lrplanner.core.people import Champion, Participant
from lrplanner.core.places import Link, Place
from lrplanner.core.route import RouteSettings
from lrplanner.core.sites import Site
from lrplanner.core.visas import VisaRule

RECORDS: dict[str, type] = {
    ROUTE.name: RouteSettings,
    SITES.name: Site,
    CHAMPIONS.name: Champion,
    PARTICIPANTS.name: Participant,
    PLACES.name: Place,
    LINKS.name: Link,
    VISAS.name: VisaRule,
    BUDGET.name: PlannedAmount,
    RATES.name: ExchangeRate,
}
#: Record fields no column fills alone: compound cells and the extra columns;
#: ``prices`` holds the amounts entered in another currency, per money field.
NOT_FROM_ONE_COLUMN = {
    RouteSettings: {"notes", "prices"},
    Site: {"opening", "notes", "prices", "booked"},
    Place: {"opening", "notes", "prices"},
    Champion: {"notes", "prices"},
    Participant: {"notes", "prices"},
    Link: {"notes", "prices"},
    VisaRule: {"notes"},
    PlannedAmount: {"notes", "prices"},
    ExchangeRate: {"notes"},
}
_NO_DEFAULT = object()


def _field(cls: type, path: str) -> tuple[type, dataclasses.Field[object]]:
    """Return the dataclass holding the last part of ``path`` and its field."""
    *parents, name = path.split(".")
    for parent in parents:
        factory = {f.name: f for f in dataclasses.fields(cls)}[parent].default_factory
        assert factory is not dataclasses.MISSING
        cls = type(factory())
    fields = {f.name: f for f in dataclasses.fields(cls)}
    assert name in fields, f"{cls.__name__} has no field {name!r}"
    return cls, fields[name]


def _default(field: dataclasses.Field[object]) -> object:
    if field.default is not dataclasses.MISSING:
        return field.default
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    return _NO_DEFAULT


def _columns() -> list[tuple[SheetSpec, ColumnSpec]]:
    return [(s, c) for s in SHEETS for c in s.columns if c.field is not None]


@pytest.mark.parametrize(
    ("sheet", "column"), _columns(), ids=lambda x: getattr(x, "key", None)
)
def test_a_column_fills_a_field_with_its_default(
    sheet: SheetSpec, column: ColumnSpec
) -> None:
    """Tests that a column's field exists and a blank cell gives its default."""
    assert column.field is not None
    _, field = _field(RECORDS[sheet.name], column.field)
    default = _default(field)
    if default is _NO_DEFAULT:
        assert column.required, f"{column.key}: a field without default is required"
        assert column.default is None
    else:
        assert column.default == default
        assert type(column.default) is type(default)


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda s: s.name)
def test_every_field_has_its_column(sheet: SheetSpec) -> None:
    """Tests that each record field is one column's, bar compound ones and notes."""
    cls = RECORDS[sheet.name]
    filled = {c.field.split(".")[0] for c in sheet.columns if c.field is not None}
    names = {f.name for f in dataclasses.fields(cls) if f.init}
    assert names - filled == NOT_FROM_ONE_COLUMN[cls]


def test_compound_columns_are_the_opening_hours_and_the_route() -> None:
    """Tests that only hours columns, and the Route column that says which
    route of a programme a row belongs to, are left to hand-written code."""
    compound = [(s.name, c.key) for s in SHEETS for c in s.columns if c.field is None]
    assert compound == [
        ("Sites", "hours"),
        *(("Sites", f"hours_{d}") for d in ("mon", "tue", "wed", "thu", "fri")),
        ("Sites", "hours_sat"),
        ("Sites", "hours_sun"),
        ("Participants", "route"),
        ("Places", "hours"),
        ("Budget", "route"),
    ]
    kinds = {c.key: c.kind for s in SHEETS for c in s.columns if c.field is None}
    assert {k for k, kind in kinds.items() if kind is not Kind.HOURS} == {"route"}
    assert kinds["route"] is Kind.TEXT


@pytest.mark.parametrize(
    "column",
    [c for s in SHEETS for c in s.columns if c.bounds and c.kind is Kind.INT],
    ids=lambda c: c.key,
)
def test_help_states_the_bounds(column: ColumnSpec) -> None:
    """Tests that a whole-number column's help names the range it accepts."""
    assert column.bounds is not None
    low, high = (int(b) for b in column.bounds)
    assert re.search(rf"\b{low}-{high}\b", column.help), column.help


def test_bounds_only_on_numbers() -> None:
    """Tests that bounds and 'what' sit on whole-number or number columns only."""
    for sheet in SHEETS:
        for column in sheet.columns:
            if column.bounds is not None or column.what:
                assert column.kind in {Kind.INT, Kind.NUMBER}, column.key
            if column.what:
                assert column.kind is Kind.NUMBER, column.key
                assert column.bounds is not None, column.key
