"""Checks across rows and sheets: duplicate ids, unknown references, dates."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar

from lrplanner.importers.cells import is_blank, show
from lrplanner.importers.table import Record, Table

if TYPE_CHECKING:
    from collections.abc import Collection

    from lrplanner.core.budget_lines import PlannedAmount
    from lrplanner.core.currency import ExchangeRate
    from lrplanner.core.errors import InputError
    from lrplanner.core.people import Champion
    from lrplanner.core.places import Link
    from lrplanner.core.route import RouteSettings
    from lrplanner.core.sites import Site
    from lrplanner.core.timespan import DateRange
    from lrplanner.core.visas import VisaRule


T = TypeVar("T")
#: The most sites one route may list: the search, the travel matrix and the
#: files grow with the square of it, and no Learning Route needs more.
MAX_SITES = 1000


@dataclass(slots=True)
class Loaded(Generic[T]):
    """The records built from one sheet, each with the row it came from."""

    table: Table
    items: list[tuple[T, Record]] = field(default_factory=list)

    def values(self) -> tuple[T, ...]:
        """Return the built records in sheet order."""
        return tuple(item for item, _ in self.items)

    def error(self, row: int, key: str, value: str, expected: str) -> InputError:
        """Return an InputError on a row and column of this sheet."""
        return self.table.error(row, key, value, expected)


def check_count(table: Table, limit: int, what: str, errors: list[InputError]) -> None:
    """Report a sheet with more than ``limit`` records, at the first row too many."""
    if len(table.records) <= limit:
        return
    row = table.records[limit].row
    expected = (
        f"at most {limit:,} {what} in one route (this sheet has "
        f"{len(table.records):,}; remove rows from row {row} on, or split the route)"
    )
    errors.append(table.error(row, None, "", expected))


def drop_duplicates(loaded: Loaded[T], errors: list[InputError]) -> None:
    """Report repeated ids (naming both rows) and drop the repeats.

    Ids are compared as written, so a repeat is found even when the first
    row has other problems.
    """
    first_row: dict[str, int] = {}
    repeats: set[int] = set()
    header = loaded.table.header("id")
    for record in loaded.table.records:
        value = record.cells.get("id")
        if is_blank(value):
            continue
        key = show(value)
        if key in first_row:
            expected = f"a unique {header} ({key!r} is already on row {first_row[key]})"
            errors.append(loaded.error(record.row, "id", key, expected))
            repeats.add(record.row)
        else:
            first_row[key] = record.row
    loaded.items = [(i, r) for i, r in loaded.items if r.row not in repeats]


def drop_duplicate_visas(loaded: Loaded[VisaRule], errors: list[InputError]) -> None:
    """Report a second rule for one nationality and destination; drop it.

    The error is on the repeated row's Destination and names the first row.
    """
    first_row: dict[tuple[str, str], int] = {}
    repeats: set[int] = set()
    for rule, record in loaded.items:
        if rule.pair in first_row:
            expected = (
                f"one rule per nationality and destination ({rule.nationality} "
                f"nationals entering {rule.destination} are already on row "
                f"{first_row[rule.pair]})"
            )
            errors.append(
                loaded.error(record.row, "destination", rule.destination, expected)
            )
            repeats.add(record.row)
        else:
            first_row[rule.pair] = record.row
    loaded.items = [(i, r) for i, r in loaded.items if r.row not in repeats]


def drop_duplicate_planned(
    loaded: Loaded[PlannedAmount], errors: list[InputError]
) -> None:
    """Report a second planned amount for one category; drop it.

    The error is on the repeated row's Category and names the first row.
    """
    first_row: dict[str, int] = {}
    repeats: set[int] = set()
    for line, record in loaded.items:
        category = str(line.category)
        if category in first_row:
            expected = (
                f"one planned amount per category ({category} is already on "
                f"row {first_row[category]})"
            )
            errors.append(loaded.error(record.row, "category", category, expected))
            repeats.add(record.row)
        else:
            first_row[category] = record.row
    loaded.items = [(i, r) for i, r in loaded.items if r.row not in repeats]


def check_site_refs(
    sites: Loaded[Site],
    champions: Collection[str],
    places: Collection[str],
    problems: tuple[list[InputError], list[InputError]],
) -> None:
    """Check each site's champions and place; a known location wins over a typo."""
    errors, warnings = problems
    checked: list[tuple[Site, Record]] = []
    for site, record in sites.items:
        for champion in site.champions:
            if champion not in champions:
                expected = "a Champion ID from the Champions sheet"
                errors.append(
                    sites.table.error(record.row, "champions", champion, expected)
                )
        if site.place is not None and site.place not in places:
            if site.lat is None:
                expected = "a Place ID from the Places sheet (or give Lat and Lon)"
                errors.append(
                    sites.table.error(record.row, "place", site.place, expected)
                )
            else:
                expected = "a Place ID from the Places sheet; using the site's Lat/Lon"
                warnings.append(
                    sites.table.error(record.row, "place", site.place, expected)
                )
                site = dataclasses.replace(site, place=None)
        checked.append((site, record))
    sites.items = checked


def check_champion_sites(
    champions: Loaded[Champion], sites: Collection[str], errors: list[InputError]
) -> None:
    """Check that every site a champion presents exists."""
    for champion, record in champions.items:
        for site in champion.sites:
            if site not in sites:
                expected = "a Site ID from the Sites sheet"
                errors.append(
                    champions.table.error(record.row, "sites", site, expected)
                )


def check_link_places(
    links: Loaded[Link], places: Collection[str], errors: list[InputError]
) -> None:
    """Check that both ends of every link are known places."""
    for link, record in links.items:
        for key, place in (("origin", link.origin), ("destination", link.destination)):
            if place not in places:
                expected = "a Place ID from the Places sheet"
                errors.append(links.table.error(record.row, key, place, expected))


def check_route_places(
    route: Loaded[RouteSettings], places: Collection[str], errors: list[InputError]
) -> None:
    """Check that the route starts and ends at known places."""
    for settings, record in route.items:
        for key, place in (
            ("start_place", settings.start_place),
            ("end_place", settings.end_place),
        ):
            if place not in places:
                expected = "a Place ID from the Places sheet"
                errors.append(
                    route.table.error(record.row_of(key), key, place, expected)
                )


#: Site ids an error about an unknown required site lists; the rest are counted.
SHOWN_IDS = 20


def check_route_sites(
    route: Loaded[RouteSettings], sites: Collection[str], errors: list[InputError]
) -> None:
    """Check that every site the Route's Required sites names is on Sites."""
    for settings, record in route.items:
        row = record.row_of("required_sites")
        for site in settings.required_sites:
            if site not in sites:
                expected = f"a Site ID from the Sites sheet ({_known(sites)})"
                errors.append(route.error(row, "required_sites", site, expected))


def _known(ids: Collection[str]) -> str:
    if not ids:
        return "which has none"
    shown = sorted(ids)[:SHOWN_IDS]
    more = len(ids) - len(shown)
    return "one of " + ", ".join(shown) + (f" and {more} more" if more else "")


def _ranges_text(ranges: tuple[DateRange, ...]) -> str:
    return "; ".join(f"{r.start}..{r.end}" for r in ranges)


def check_availability(
    loaded: Loaded[Site] | Loaded[Champion],
    route: RouteSettings,
    problems: tuple[list[InputError], list[InputError]],
) -> None:
    """Warn about availability outside the route: all of it (the record is
    never available on this route: another route's dates in a programme's
    shared sheet, or a typo) or part of it (that part is ignored)."""
    _errors, warnings = problems
    start, end = route.start_date, route.end_date
    for item, record in loaded.items:
        outside = tuple(r for r in item.available if r.end < start or r.start > end)
        if not outside:
            continue
        value = _ranges_text(outside)
        if len(outside) == len(item.available):
            expected = (
                f"at least one date range inside the route {start}..{end}: not "
                "available on this route (another route's dates, or a typo?)"
            )
            warnings.append(loaded.error(record.row, "available", value, expected))
        else:
            expected = f"date ranges inside the route {start}..{end}; these are ignored"
            warnings.append(loaded.error(record.row, "available", value, expected))


def check_blackouts(
    sites: Loaded[Site], route: RouteSettings, warnings: list[InputError]
) -> None:
    """Warn about blackout dates outside the route (harmless, probably a typo)."""
    start, end = route.start_date, route.end_date
    for site, record in sites.items:
        outside = "; ".join(str(d) for d in site.blackouts if not start <= d <= end)
        if outside:
            expected = f"blackout dates inside the route {start}..{end}; ignored"
            warnings.append(sites.error(record.row, "blackouts", outside, expected))


def check_rates(
    loaded: Loaded[ExchangeRate], reporting: str, errors: list[InputError]
) -> None:
    """Refuse a rate for the reporting currency, or a second one for a currency.

    The error is on the row's Currency (a repeat names the first row); the
    row is dropped.
    """
    first_row: dict[str, int] = {}
    refused: set[int] = set()
    for rate, record in loaded.items:
        code = rate.currency
        if code == reporting:
            expected = (
                f"a currency other than the Route's {reporting} (amounts in "
                f"{reporting} need no rate)"
            )
        elif code in first_row:
            expected = (
                f"one rate per currency ({code} is already on row {first_row[code]})"
            )
        else:
            first_row[code] = record.row
            continue
        errors.append(loaded.error(record.row, "currency", code, expected))
        refused.add(record.row)
    loaded.items = [(i, r) for i, r in loaded.items if r.row not in refused]
