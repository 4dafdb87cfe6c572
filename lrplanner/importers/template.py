"""Write the documented input workbook: the empty template or given rows.

``write_template`` is the one writer of the input format: with no rows it
writes the example rows from :mod:`lrplanner.core.columns`; with rows
(keys = column keys or headers) it writes those, which is how the sample
workbooks are built. ``write_project_workbook`` writes a Project back,
``write_programme_workbook`` a Programme (a Route sheet per route).
"""

from __future__ import annotations

import contextlib
from datetime import date, datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from lrplanner.core.atomic import atomic_path
from lrplanner.core.columns import RATES, SHEETS, VISAS, Kind, SheetSpec
from lrplanner.core.costs import CostCategory
from lrplanner.core.countries import REGION, country_code
from lrplanner.core.visa_table import starting_rules
from lrplanner.importers import ecb
from lrplanner.importers.cells import CellError
from lrplanner.importers.multicells import PARSERS
from lrplanner.importers.project_rows import (
    programme_rows,
    project_rows,
    record_row,
)
from lrplanner.importers.readme import write_readme
from lrplanner.importers.source import is_more_route, match_sheet
from lrplanner.importers.table import match_column

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from pathlib import Path

    from openpyxl.cell.cell import MergedCell
    from openpyxl.worksheet.worksheet import Worksheet

    from lrplanner.core.columns import ColumnSpec
    from lrplanner.core.currency import ExchangeRate
    from lrplanner.core.programme import Programme
    from lrplanner.core.project import Project

    Rows = Mapping[str, Sequence[Mapping[str, object]]]

_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_TYPED = {Kind.DATE, Kind.TIME, Kind.INT, Kind.NUMBER, Kind.MONEY, Kind.PERCENT}
_CHOICES = {
    Kind.GENDER: "F,M,X",
    Kind.MODE: "road,flight,boat,train",
    Kind.PLACE_KIND: "city,airport,border",
    Kind.BOOL: "yes,no",
    Kind.REQUIREMENT: "none,on arrival,e-visa,visa",
    Kind.CATEGORY: ",".join(c.value for c in CostCategory),
}
_VALIDATED_ROWS = 1000
#: Excel's limit on a list validation written in the formula itself.
_LIST_LIMIT = 255


def country_choices(rows: Rows | None = None) -> list[str]:
    """Return the Country dropdown's codes: those the rows name, then the
    programme's usual countries, as many as an Excel list holds.

    Any ISO code is accepted (the dropdown warns, it does not refuse), so a
    route in Kenya and Uganda offers KE and UG first.
    """
    used: dict[str, None] = {}
    for name, sheet_rows in (rows or {}).items():
        spec = match_sheet(name)
        if spec is None or spec.key_value:
            continue
        for row in sheet_rows:
            for key, value in row.items():
                column = match_column(spec, str(key))
                if column is None or column.kind is not Kind.COUNTRY:
                    continue
                code = country_code(str(value)) if value is not None else None
                if code is not None:
                    used[code] = None
    codes: list[str] = []
    for code in [*used, *REGION]:
        if code not in codes and len(",".join([*codes, code])) <= _LIST_LIMIT:
            codes.append(code)
    return codes


def write_template(path: Path, rows: Rows | None = None) -> None:
    """Write the input workbook with a README sheet, atomically.

    Parameters
    ----------
    path
        Where to write the .xlsx file (replaced only once fully written).
    rows
        Rows per sheet name, each a mapping from column key or header to a
        value; keys no column knows become extra (note) columns. The Route
        sheet takes one mapping of setting -> value, or Setting/Value rows.
        None writes the example rows of every sheet, the Visas sheet
        holds the whole starting table (:mod:`lrplanner.core.visa_table`)
        for the officer to check and complete, and the Rates sheet the ECB
        reference rates of the programme currencies the ECB publishes.

    Raises
    ------
    ValueError
        If ``rows`` names a sheet the workbook does not have.
    """
    given = _rows_by_sheet(rows) if rows is not None else None
    countries = ",".join(country_choices(given))
    book = Workbook()
    write_readme(book.active)  # type: ignore[arg-type]
    for spec in SHEETS:
        data = _examples(spec) if given is None else given.get(spec.name, [])
        sheet = book.create_sheet(spec.name)
        if spec.key_value:
            _write_settings(sheet, spec, data)
            for name, more in (given or {}).items():
                if is_more_route(name):  # a programme's further routes
                    _write_settings(book.create_sheet(name), spec, more)
        else:
            _write_records(sheet, spec, data, blank=given is None, countries=countries)
    save_atomically(book, path)


def write_project_workbook(project: Project, path: Path) -> None:
    """Write a Project as an input workbook that reads back to the same Project.

    Parameters
    ----------
    project
        The project whose inputs (route, sites, people, places, links and
        their notes) are written.
    path
        The .xlsx file to write, atomically.
    """
    write_template(path, project_rows(project))


def write_programme_workbook(programme: Programme, path: Path) -> None:
    """Write a Programme as one input workbook that reads back to it: a
    Route sheet per route (Route, Route 2, ...), the shared sheets once and
    the Route column on Participants and Budget; one route writes as
    :func:`write_project_workbook` does."""
    write_template(path, programme_rows(programme))


def _examples(spec: SheetSpec) -> Sequence[Mapping[str, object]]:
    """Return a sheet's rows in the blank template: its examples, or for the
    Visas sheet the starting table."""
    if spec is VISAS:
        return [record_row(VISAS, rule) for rule in starting_rules()]
    if spec is RATES:
        return [record_row(RATES, rate) for rate in starting_rates()]
    return spec.examples()


#: Programme currencies the ECB publishes; KHR, LAK, VND, NPR and BDT it
#: does not, so the officer enters those.
SEEDED = ("THB", "PHP", "INR", "IDR", "MYR", "CNY")


def starting_rates(reporting: str = "USD") -> list[ExchangeRate]:
    """Return the blank template's Rates rows: ECB reference rates, sourced."""
    rates = (ecb.reference_rate(code, reporting) for code in SEEDED)
    return [rate for rate in rates if rate is not None]


def save_atomically(book: Workbook, path: Path) -> None:
    """Save a workbook to a temporary file beside ``path``, then move it in place."""
    with atomic_path(path) as temp:
        book.save(temp)


def _rows_by_sheet(rows: Rows) -> dict[str, Sequence[Mapping[str, object]]]:
    by_sheet: dict[str, Sequence[Mapping[str, object]]] = {}
    for name, sheet_rows in rows.items():
        spec = match_sheet(name)
        if spec is None and is_more_route(name):
            by_sheet[name] = sheet_rows
            continue
        if spec is None:
            raise ValueError(f"no sheet {name!r} in the input workbook")
        by_sheet[spec.name] = sheet_rows
    return by_sheet


def _settings(data: Sequence[Mapping[str, object]]) -> dict[str, object]:
    """Return setting -> value from one mapping or from Setting/Value rows."""
    merged: dict[str, object] = {}
    for row in data:
        lowered = {str(k).strip().lower(): v for k, v in row.items()}
        if set(lowered) <= {"setting", "value", "help"} and "setting" in lowered:
            merged[str(lowered["setting"])] = lowered.get("value")
        else:
            merged.update({str(k): v for k, v in row.items()})
    return merged


def _write_settings(
    sheet: Worksheet, spec: SheetSpec, data: Sequence[Mapping[str, object]]
) -> None:
    _header(sheet, [("Setting", "the setting"), ("Value", "its value")])
    sheet.cell(row=1, column=3, value="Help").font = Font(bold=True)
    values = _settings(data)
    known = {}
    for key, value in values.items():
        column = match_column(spec, key)
        if column is not None:
            known[column.key] = value
    extra = [(k, v) for k, v in values.items() if match_column(spec, k) is None]
    row = 2
    for column in spec.columns:
        sheet.cell(row=row, column=1, value=column.header)
        _put(sheet.cell(row=row, column=2), column.kind, known.get(column.key))
        sheet.cell(row=row, column=3, value=column.help)
        row += 1
    for key, value in extra:
        sheet.cell(row=row, column=1, value=key)
        _put(sheet.cell(row=row, column=2), Kind.TEXT, value)
        row += 1
    for letter, width in zip("ABC", (26, 28, 50), strict=True):
        sheet.column_dimensions[letter].width = width


def _write_records(
    sheet: Worksheet,
    spec: SheetSpec,
    data: Sequence[Mapping[str, object]],
    *,
    blank: bool = False,
    countries: str = "",
) -> None:
    extra: list[str] = []
    for row in data:
        extra.extend(k for k in row if match_column(spec, k) is None and k not in extra)
    columns = _columns(spec, data, blank)
    headers = [(c.header, _tooltip(c.help, c.example, c.synonyms)) for c in columns]
    _header(sheet, headers + [(name, "extra column, kept as a note") for name in extra])
    kinds = [c.kind for c in columns] + [Kind.TEXT] * len(extra)
    for number, row in enumerate(data, start=2):
        cells = _by_column(spec, columns, row, extra)
        for index, kind in enumerate(kinds):
            _put(sheet.cell(row=number, column=index + 1), kind, cells.get(index))
    for index, column in enumerate(columns, start=1):
        width = max(len(column.header), len(column.example), 8) + 3
        sheet.column_dimensions[get_column_letter(index)].width = min(width, 40)
        _validate(sheet, column.kind, get_column_letter(index), countries)


def _columns(
    spec: SheetSpec, data: Sequence[Mapping[str, object]], blank: bool
) -> list[ColumnSpec]:
    """Return the columns to write: the Route column of Participants and
    Budget only in the blank template or when a row names a route (one
    route writes as it always has)."""
    if blank:
        return list(spec.columns)
    named = {
        column.key
        for row in data
        for key, value in row.items()
        if value not in (None, "") and (column := match_column(spec, key))
    }
    return [c for c in spec.columns if c.key != "route" or "route" in named]


def _by_column(
    spec: SheetSpec,
    columns: list[ColumnSpec],
    row: Mapping[str, object],
    extra: list[str],
) -> dict[int, object]:
    cells: dict[int, object] = {}
    for key, value in row.items():
        column = match_column(spec, key)
        if column is not None and column not in columns:
            continue
        index = columns.index(column) if column else len(columns) + extra.index(key)
        cells[index] = value
    return cells


def _tooltip(help_: str, example: str, synonyms: tuple[str, ...]) -> str:
    text = help_
    if example:
        text += f"\nExample: {example}"
    if synonyms:
        text += f"\nAlso accepted as header: {', '.join(synonyms)}"
    return text


def _header(sheet: Worksheet, headers: list[tuple[str, str]]) -> None:
    for index, (text, tip) in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=index, value=text)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(vertical="top")
        comment = Comment(f"{text}: {tip}", "LR Planner")
        comment.width, comment.height = 300, 120
        cell.comment = comment
    sheet.freeze_panes = "A2"


def _validate(sheet: Worksheet, kind: Kind, letter: str, countries: str) -> None:
    choices = countries if kind is Kind.COUNTRY else _CHOICES.get(kind)
    if not choices:
        return
    check = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
    check.errorStyle = "warning"
    check.error = (
        "Not one of the listed countries: any ISO alpha-2 code (UG, TZ, PE) "
        "or English country name is accepted; press Yes to keep it."
        if kind is Kind.COUNTRY
        else f"Expected one of: {choices}"
    )
    check.showErrorMessage = True
    sheet.add_data_validation(check)
    check.add(f"{letter}2:{letter}{_VALIDATED_ROWS}")


def _put(cell: Cell | MergedCell, kind: Kind, value: object) -> None:
    """Write a value, typed for Excel where the column kind allows it."""
    if value is None or value == "" or not isinstance(cell, Cell):
        return
    if isinstance(value, str) and kind in _TYPED:
        with contextlib.suppress(CellError):
            value = PARSERS[kind](value)
    if isinstance(value, bool):
        value = "yes" if value else "no"
    if isinstance(value, datetime | date):
        cell.value = value
        cell.number_format = "yyyy-mm-dd"
    elif isinstance(value, time):
        cell.value = value
        cell.number_format = "hh:mm"
    elif isinstance(value, float | Decimal) or (
        isinstance(value, int) and abs(value) < 10**15
    ):
        cell.value = value
    else:
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", str(value))
        cell.data_type = "s"  # never a formula or an error code
