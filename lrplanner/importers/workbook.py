"""Read the sheets of an .xlsx workbook safely into raw rows.

The file is checked before openpyxl sees it (size, signature, zip contents),
opened read-only, and every failure of a damaged or hostile file becomes an
InputError. openpyxl parses XML through defusedxml when it is installed, so
entity declarations ("XML bombs") are refused.
"""

from __future__ import annotations

import warnings
import zipfile
import zlib
from typing import TYPE_CHECKING
from xml.etree.ElementTree import ParseError

import openpyxl
from defusedxml import DefusedXmlException
from openpyxl.utils.exceptions import InvalidFileException

from lrplanner.core.errors import InputError
from lrplanner.importers.cells import ErrorCell, FormulaCell, PercentCell, is_blank
from lrplanner.importers.source import (
    MAX_COLUMNS,
    MAX_ROWS,
    Source,
    check_size,
    match_sheet,
)
from lrplanner.importers.table import RawSheet

if TYPE_CHECKING:
    from pathlib import Path

    from openpyxl.workbook.workbook import Workbook

#: Uncompressed size of all parts at most (a zip bomb expands far beyond it).
MAX_UNZIPPED = 200 * 1024 * 1024
_OLE = bytes.fromhex("D0CF11E0A1B11AE1")
_BROKEN = (
    zipfile.BadZipFile,
    InvalidFileException,
    KeyError,
    ValueError,
    TypeError,
    AttributeError,
    IndexError,
    OSError,
    EOFError,
    ParseError,
    OverflowError,
    zlib.error,
)
Rows = tuple[tuple[int, tuple[object, ...]], ...]


def read_workbook(path: Path) -> Source:
    """Return the raw sheets of a workbook; problems are in ``Source.errors``."""
    source = Source(file=path.name)
    if not check_size(source, path.stat().st_size) or not _check_package(path, source):
        return source
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _read_sheets(path, source)
    except _BROKEN as exc:
        if _caused_by_defusedxml(exc):
            source.fail(
                "a workbook without XML entity declarations; this file contains "
                "some (a possible 'XML bomb') and is refused"
            )
        else:
            reason = (str(exc).splitlines() or [type(exc).__name__])[0]
            source.fail(f"a readable .xlsx workbook; the file is damaged ({reason})")
    return source


def _caused_by_defusedxml(exc: BaseException | None) -> bool:
    """Return whether defusedxml refused the XML (openpyxl may wrap its error)."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, DefusedXmlException):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def _check_package(path: Path, source: Source) -> bool:
    """Return whether the file is a sane zip package (else report why not)."""
    with path.open("rb") as stream:
        head = stream.read(8)
    if head == _OLE:
        source.fail(
            "an .xlsx workbook; this file is password-protected or an old .xls: "
            "remove the password or save it as .xlsx in Excel"
        )
        return False
    if not head.startswith(b"PK"):
        source.fail("an Excel workbook (.xlsx); this file is not one (save as .xlsx)")
        return False
    try:
        with zipfile.ZipFile(path) as package:
            unzipped = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        source.fail("a complete .xlsx workbook; the file is damaged or truncated")
        return False
    if unzipped > MAX_UNZIPPED:
        source.fail("a workbook that unpacks to at most 200 MB; this one is larger")
        return False
    return True


def _read_sheets(path: Path, source: Source) -> None:
    book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        formulas = _collect(book, source)
    finally:
        book.close()
    if formulas:
        _fill_formula_results(path, source, formulas)


def _collect(book: Workbook, source: Source) -> set[str]:
    """Read every known sheet; return the names of sheets holding formulas."""
    formulas: set[str] = set()
    for sheet in book.worksheets:
        spec = match_sheet(sheet.title)
        if spec is None:
            if sheet.title.strip().lower() != "readme":
                source.warnings.append(_ignored(source, sheet.title))
            continue
        if spec.name in source.sheets:
            first = source.sheets[spec.name].name
            source.fail(f"one {spec.name} sheet (also {first!r})", sheet=sheet.title)
            continue
        rows, has_formula = _rows(sheet, source)
        source.sheets[spec.name] = RawSheet(source.file, sheet.title, rows)
        if has_formula:
            formulas.add(spec.name)
    return formulas


def _ignored(source: Source, title: str) -> InputError:
    names = "Route, Sites, Champions, Participants, Places, Links"
    return InputError(
        file=source.file,
        sheet=title,
        row=None,
        column=None,
        value="",
        expected=f"one of the sheets {names}; this sheet is ignored",
    )


def _cell_value(cell: object) -> object:
    value = getattr(cell, "value", None)
    data_type = getattr(cell, "data_type", "n")
    if data_type == "e":
        return ErrorCell(str(value))
    if data_type == "f":
        return FormulaCell(str(getattr(value, "text", value)))
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    percent = "%" in str(getattr(cell, "number_format", "") or "")
    return PercentCell(float(value)) if percent and abs(value) < 1e300 else value


def _rows(sheet: object, source: Source) -> tuple[Rows, bool]:
    """Return the non-blank rows of a sheet and whether it holds formulas."""
    rows: list[tuple[int, tuple[object, ...]]] = []
    has_formula = False
    iter_rows = getattr(sheet, "iter_rows", None)
    if iter_rows is None:  # a chart sheet has no cells
        return (), False
    for number, cells in enumerate(iter_rows(max_col=MAX_COLUMNS), start=1):
        values = [_cell_value(cell) for cell in cells]
        while values and is_blank(values[-1]):
            values.pop()
        if not values:
            continue
        has_formula = has_formula or any(isinstance(v, FormulaCell) for v in values)
        if len(rows) >= MAX_ROWS:
            title = str(getattr(sheet, "title", ""))
            source.fail(f"at most {MAX_ROWS} rows; the rest is not read", sheet=title)
            break
        rows.append((number, tuple(values)))
    return tuple(rows), has_formula


def _fill_formula_results(path: Path, source: Source, names: set[str]) -> None:
    """Replace formulas by the results Excel saved; keep those without one."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        for name in names:
            raw = source.sheets[name]
            results = dict(_rows(book[raw.name], source)[0])
            source.sheets[name] = RawSheet(
                raw.file, raw.name, _merge(raw.rows, results)
            )
    finally:
        book.close()


def _merge(rows: Rows, results: dict[int, tuple[object, ...]]) -> Rows:
    return tuple(
        (number, _merge_row(values, results.get(number, ()))) for number, values in rows
    )


def _merge_row(
    values: tuple[object, ...], saved: tuple[object, ...]
) -> tuple[object, ...]:
    merged = list(values)
    for index, value in enumerate(values):
        result = saved[index] if index < len(saved) else None
        if isinstance(value, FormulaCell) and not is_blank(result):
            merged[index] = result
    return tuple(merged)
