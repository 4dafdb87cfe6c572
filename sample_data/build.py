"""Build the sample workbooks from their CSV folders and re-import them.

Run ``python -m sample_data.build`` (or ``make samples``). For each folder in
:data:`SAMPLES` it reads one CSV per sheet (``Route.csv`` holds two columns,
Setting and Value), checks the data for internal consistency, writes
``sample_data/<name>.xlsx`` with :func:`lrplanner.importers.write_template`
(a programme's further routes from ``Route 2.csv``, ... as sheets Route 2, ...),
reads that workbook back with :func:`lrplanner.importers.read_inputs` and
exits with status 1 if anything is wrong.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from timezonefinder import TimezoneFinder

from lrplanner.core.columns import ROUTE, SHEETS, Kind, SheetSpec
from lrplanner.importers import read_inputs, write_template

HERE = Path(__file__).resolve().parent
SAMPLES: tuple[str, ...] = ("mekong", "south_asia", "mekong_programme")

#: The IANA zones a country's places and sites may fall in: a cheap check that
#: coordinates land in the right country (northern Viet Nam is mapped to
#: Asia/Bangkok by the time-zone boundary data).
COUNTRY_ZONES: Mapping[str, frozenset[str]] = {
    "KH": frozenset({"Asia/Phnom_Penh"}),
    "LA": frozenset({"Asia/Vientiane"}),
    "VN": frozenset({"Asia/Ho_Chi_Minh", "Asia/Bangkok"}),
    "TH": frozenset({"Asia/Bangkok"}),
    "NP": frozenset({"Asia/Kathmandu"}),
    "BD": frozenset({"Asia/Dhaka"}),
}

Row = dict[str, object]
Rows = Mapping[str, Sequence[Mapping[str, object]]]


def _typed(kind: Kind, text: str) -> object:
    """Return a CSV cell as the value an Excel user would type in that column."""
    if text == "":
        return None
    if kind is Kind.INT:
        return int(text)
    if kind in (Kind.NUMBER, Kind.MONEY, Kind.PERCENT):
        try:
            number = float(text)
        except ValueError:  # an amount with its currency: "600,000 KHR"
            return text
        return int(number) if number.is_integer() else number
    if kind is Kind.DATE:
        return date.fromisoformat(text)
    return text


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            {key: (value or "").strip() for key, value in row.items()}
            for row in csv.DictReader(handle)
        ]


def _sheet_rows(spec: SheetSpec, raw: list[dict[str, str]]) -> list[Row]:
    """Return one sheet's rows keyed by canonical header, typed by column kind."""
    kinds = {column.header: column.kind for column in spec.columns}
    if spec.key_value:
        settings: Row = {}
        for row in raw:
            header = row["Setting"]
            if header not in kinds:
                raise SystemExit(f"{spec.name}.csv: unknown setting {header!r}")
            settings[header] = _typed(kinds[header], row["Value"])
        return [settings]
    rows: list[Row] = []
    for row in raw:
        unknown = set(row) - set(kinds)
        if unknown:
            raise SystemExit(f"{spec.name}.csv: unknown columns {sorted(unknown)}")
        rows.append({h: _typed(kinds[h], v) for h, v in row.items()})
    return rows


def read_folder(folder: Path) -> dict[str, list[Row]]:
    """Return every sheet of one sample folder as rows of {header: value}."""
    rows: dict[str, list[Row]] = {}
    for spec in SHEETS:
        path = folder / f"{spec.name}.csv"
        if path.exists():
            rows[spec.name] = _sheet_rows(spec, _read_csv(path))
        elif spec.required:
            raise SystemExit(f"missing {path}")
        if spec is ROUTE:  # a programme's further routes: Route 2.csv, ...
            for number in range(2, 100):
                more = folder / f"Route {number}.csv"
                if not more.exists():
                    break
                rows[more.stem] = _sheet_rows(spec, _read_csv(more))
    return rows


def _split(value: object) -> list[str]:
    return [part.strip() for part in str(value or "").split(";") if part.strip()]


def _zone_problems(rows: Rows, finder: TimezoneFinder) -> list[str]:
    """Return places and sites whose coordinates fall outside their country."""
    problems: list[str] = []
    for sheet, key in (("Places", "Place ID"), ("Sites", "Site ID")):
        for row in rows[sheet]:
            if row.get("Lat") is None:
                continue
            lat, lon = float(str(row["Lat"])), float(str(row["Lon"]))
            zone = finder.timezone_at(lat=lat, lng=lon)
            expected = COUNTRY_ZONES.get(str(row["Country"]))
            if expected and zone not in expected:
                problems.append(
                    f"{sheet} {row[key]}: ({lat}, {lon}) is in {zone}, "
                    f"not in {row['Country']}"
                )
    return problems


def _site_problems(rows: Rows) -> list[str]:
    """Return sites whose place or champions do not match the other sheets."""
    problems: list[str] = []
    places = {str(p["Place ID"]): p for p in rows["Places"]}
    champions = {str(c["Champion ID"]): c for c in rows["Champions"]}
    for site in rows["Sites"]:
        sid = str(site["Site ID"])
        place = places.get(str(site["Place"]))
        if place is None:
            problems.append(f"site {sid}: unknown place {site['Place']!r}")
        elif place["Country"] != site["Country"]:
            problems.append(f"site {sid}: country differs from its place's")
        for cid in _split(site["Champion IDs"]):
            if cid not in champions:
                problems.append(f"site {sid}: unknown champion {cid}")
            elif sid not in _split(champions[cid]["Site IDs"]):
                problems.append(f"champion {cid} does not list site {sid}")
    return problems


def _reference_problems(rows: Rows) -> list[str]:
    """Return champions' sites and route/link places that do not exist."""
    problems: list[str] = []
    places = {str(p["Place ID"]) for p in rows["Places"]}
    sites = {str(s["Site ID"]): s for s in rows["Sites"]}
    for champion in rows["Champions"]:
        cid = str(champion["Champion ID"])
        for sid in _split(champion["Site IDs"]):
            if sid not in sites or cid not in _split(sites[sid]["Champion IDs"]):
                problems.append(f"champion {cid}: site {sid} does not list it")
    for sheet in [name for name in rows if name.startswith("Route")]:
        route = rows[sheet][0]
        problems.extend(
            f"{sheet} {key} {route[key]!r} is not a place"
            for key in ("Start place", "End place")
            if str(route[key]) not in places
        )
    for number, link in enumerate(rows.get("Links", ()), start=2):
        problems.extend(
            f"Links row {number}: unknown place {link[key]!r}"
            for key in ("From", "To")
            if str(link[key]) not in places
        )
    return problems


def check_consistency(rows: Rows) -> list[str]:
    """Return the problems that cross sheets (ids, countries, coordinates)."""
    return [
        *_zone_problems(rows, TimezoneFinder()),
        *_site_problems(rows),
        *_reference_problems(rows),
    ]


def build(name: str) -> bool:
    """Write and re-import one sample workbook; return whether it is clean."""
    rows = read_folder(HERE / name)
    problems = check_consistency(rows)
    for problem in problems:
        print(f"{name}: {problem}", file=sys.stderr)  # noqa: T201
    target = HERE / f"{name}.xlsx"
    write_template(target, rows)
    result = read_inputs(target)
    print(f"{name}: {result.summary()}")  # noqa: T201
    for error in result.errors:
        print(f"{name}: ERROR {error}", file=sys.stderr)  # noqa: T201
    for warning in result.warnings:
        print(f"{name}: warning {warning}")  # noqa: T201
    return not problems and not result.errors


def main(names: Sequence[str] = SAMPLES) -> int:
    """Build every sample; return the process exit status."""
    ok = [build(name) for name in names]
    if not all(ok):
        print("sample build FAILED", file=sys.stderr)  # noqa: T201
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or SAMPLES))
