"""Turn a Project back into rows of the input workbook (for write-back).

Every column that fills one field is written from its column spec, as its
kind writes it (:func:`cell_value`); only the opening hours, which several
columns hold together, are written by hand here.
"""

from __future__ import annotations

import enum
import operator
from collections import Counter
from typing import TYPE_CHECKING

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
    Kind,
)
from lrplanner.core.route import road_speeds_text
from lrplanner.core.timespan import ALL_DAY, WEEKDAYS

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from lrplanner.core.columns import SheetSpec
    from lrplanner.core.currency import LocalAmount
    from lrplanner.core.places import Place
    from lrplanner.core.programme import Programme
    from lrplanner.core.project import Project
    from lrplanner.core.sites import Site
    from lrplanner.core.timespan import OpeningHours, TimeWindow

Row = dict[str, object]


def project_rows(project: Project) -> dict[str, list[Row]]:
    """Return the rows per sheet that :func:`write_template` writes for a Project.

    Rows are keyed by column key (extra notes by their header); the Route is
    one row of settings. Places keep one set of hours for every weekday, which
    is all the Places sheet can express.
    """
    return {
        "Route": [record_row(ROUTE, project.route)],
        "Sites": [_site(s) for s in project.sites],
        "Champions": [record_row(CHAMPIONS, c) for c in project.champions],
        "Participants": [record_row(PARTICIPANTS, p) for p in project.participants],
        "Places": [_place(p) for p in project.places],
        "Links": [record_row(LINKS, link) for link in project.links],
        "Visas": [record_row(VISAS, rule) for rule in project.visas],
        "Budget": [record_row(BUDGET, line) for line in project.budget],
        "Rates": [record_row(RATES, rate) for rate in project.rates],
    }


def programme_rows(programme: Programme) -> dict[str, list[Row]]:
    """Return the rows of a programme's one workbook: its first route's
    project rows, a Route sheet per further route ("Route 2", "Route 3",
    ...: always a valid sheet title, whatever the route's name) and every
    route's participants and budget lines with its name in the Route
    column. A programme of one route gives :func:`project_rows`."""
    rows = project_rows(programme.project(0))
    if len(programme.routes) == 1:
        return rows
    rows["Participants"], rows["Budget"] = [], []
    for number, own in enumerate(programme.routes, start=1):
        if number > 1:
            rows[route_sheet_title(number)] = [record_row(ROUTE, own.route)]
        named = {"route": own.route.name}
        rows["Participants"].extend(
            record_row(PARTICIPANTS, p) | named for p in own.participants
        )
        rows["Budget"].extend(record_row(BUDGET, b) | named for b in own.budget)
    return rows


def route_sheet_title(number: int) -> str:
    """Return the sheet title route ``number`` (1-based) is written on."""
    return "Route" if number == 1 else f"Route {number}"


def record_row(spec: SheetSpec, record: object, compound: Row | None = None) -> Row:
    """Return a record's row: its fields by column, the ``compound`` cells, notes.

    Keys follow the sheet's column order; the record's notes (extra columns)
    come last, unless a column has the same key. An amount entered in
    another currency is written as entered (``80,000 KHR``).
    """
    cells = dict(compound or {})
    prices: Mapping[str, LocalAmount] = getattr(record, "prices", {})
    for column in spec.columns:
        if column.field is None:
            continue
        if column.field in prices:
            cells[column.key] = prices[column.field].text()
        else:
            value = operator.attrgetter(column.field)(record)
            cells[column.key] = cell_value(column.kind, value)
    row: Row = {c.key: cells[c.key] for c in spec.columns if c.key in cells}
    notes: Mapping[str, str] = getattr(record, "notes", {})
    return row | {k: v for k, v in notes.items() if k not in row}


def cell_value(kind: Kind, value: object) -> object:
    """Return a field's value as a cell of its column's kind holds it.

    Lists, dates and times become the text the importer reads back; yes/no
    columns hold ``yes``, ``no`` or blank; enums their value; anything else
    (text, numbers, money, a date, a time) stays as it is.
    """
    if kind is Kind.BOOL:
        return _yes(value)
    if kind is Kind.WEEKDAYS:
        assert isinstance(value, frozenset)
        return _weekdays(value)
    if kind is Kind.SPEEDS:
        assert isinstance(value, tuple)
        return road_speeds_text(value)
    if kind is Kind.TIMES:
        assert isinstance(value, tuple)
        return _join(f"{t:%H:%M}" for t in value)
    if kind is Kind.DATE_RANGES:
        assert isinstance(value, tuple)
        return _join(f"{r.start}..{r.end}" for r in value)
    if kind in {Kind.LIST, Kind.DATES}:
        assert isinstance(value, tuple)
        return _join(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _join(items: Iterable[object]) -> str:
    return "; ".join(str(item) for item in items)


def _yes(flag: object) -> str:
    return "" if flag is None else ("yes" if flag else "no")


def _weekdays(days: frozenset[int]) -> str:
    if len(days) == 7:
        return "Mon-Sun"
    return _join(WEEKDAYS[d] for d in sorted(days))


def _windows(windows: tuple[TimeWindow, ...]) -> str:
    if not windows:
        return "closed"
    return ", ".join(f"{w.start:%H:%M}-{w.end:%H:%M}" for w in windows)


def _opening(opening: OpeningHours) -> Row:
    """Return the general hours plus per-weekday overrides where days differ."""
    common = Counter(opening.by_weekday).most_common(1)[0][0]
    row: Row = {"hours": "" if common == ALL_DAY else _windows(common)}
    for name, windows in zip(WEEKDAYS, opening.by_weekday, strict=True):
        if windows != common:
            row[f"hours_{name.lower()}"] = _windows(windows)
    return row


def _site(site: Site) -> Row:
    return record_row(SITES, site, _opening(site.opening))


def _place(place: Place) -> Row:
    hours = _windows(place.opening.by_weekday[0]) if place.opening else None
    return record_row(PLACES, place, {"hours": hours})
