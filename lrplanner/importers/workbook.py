"""Read the sheets of an .xlsx workbook safely into raw rows.

The file is checked before openpyxl sees it (size, signature, zip contents),
opened read-only, and every failure of a damaged or hostile file becomes an
InputError. openpyxl parses XML through defusedxml when it is installed, so
entity declarations ("XML bombs") are refused.

Each sheet is read row element by row element (``sheetscan``), never trusting
its ``<dimension>``; merged cells holding data, rows past the limits and a
stray row far below the rest are errors, hidden sheets, rows, columns and
macros are warnings (``sheetchecks``). A damaged sheet is named, and then
nothing is loaded.
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
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from lrplanner.core.columns import ROUTE, SHEETS
from lrplanner.core.errors import InputError
from lrplanner.importers import sheetchecks
from lrplanner.importers.cells import FormulaCell, is_blank
from lrplanner.importers.sheetscan import scan_sheet
from lrplanner.importers.source import (
    MAX_COLUMNS,
    MAX_ROWS,
    Source,
    check_size,
    is_more_route,
    match_sheet,
)
from lrplanner.importers.table import RawSheet

if TYPE_CHECKING:
    from pathlib import Path

    from openpyxl.workbook.workbook import Workbook

    from lrplanner.importers.sheetscan import SheetScan

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
            parts = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        source.fail("a complete .xlsx workbook; the file is damaged or truncated")
        return False
    if sum(info.file_size for info in parts) > MAX_UNZIPPED:
        source.fail("a workbook that unpacks to at most 200 MB; this one is larger")
        return False
    macros = [p.filename for p in parts if _is_macro(p.filename)]
    if macros or path.suffix.lower() == ".xlsm":
        found = (
            f"macros ({macros[0]})" if macros else "a macro-enabled workbook (.xlsm)"
        )
        source.warnings.append(sheetchecks.macros(source.file, found))
    return True


def _is_macro(name: str) -> bool:
    """Return whether a package part holds VBA or Excel 4 macros."""
    lowered = name.lower()
    return lowered.endswith("vbaproject.bin") or lowered.startswith("xl/macrosheets/")


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
    damaged = False
    for sheet in _sheets(book):
        spec = match_sheet(sheet.title)
        key = sheet.title if spec is None else spec.name
        if spec is None and is_more_route(sheet.title):
            spec = ROUTE  # a further route of a programme: Route 2, ...
        if spec is None:
            if sheet.title.strip().lower() != "readme":
                source.warnings.append(_ignored(source, sheet.title))
            continue
        if key in source.sheets:
            first = source.sheets[key].name
            source.fail(f"one {spec.name} sheet (also {first!r})", sheet=sheet.title)
            continue
        scan = _scan(sheet, source)
        if scan is None:  # damaged: what the others refer to cannot be checked
            damaged = True
            continue
        source.sheets[key] = RawSheet(source.file, sheet.title, tuple(scan.rows))
        if sheet.sheet_state != "visible":
            source.warnings.append(sheetchecks.hidden_sheet(source.file, sheet.title))
        sheetchecks.report(source, sheet.title, spec, scan)
        if scan.has_formula:
            formulas.add(key)
    if damaged:
        source.sheets.clear()
        return set()
    return formulas


def _sheets(book: Workbook) -> list[ReadOnlyWorksheet]:
    """Return the worksheets of a read-only workbook (chart sheets have no cells)."""
    sheets: list[object] = list(book.worksheets)
    return [sheet for sheet in sheets if isinstance(sheet, ReadOnlyWorksheet)]


def _scan(sheet: ReadOnlyWorksheet, source: Source) -> SheetScan | None:
    """Scan one sheet; a damaged sheet is reported by name (and None returned)."""
    try:
        return scan_sheet(sheet, MAX_ROWS + 1, MAX_COLUMNS)
    except _BROKEN as exc:
        if _caused_by_defusedxml(exc):
            raise
        reason = (str(exc).splitlines() or [type(exc).__name__])[0]
        source.fail(
            f"a readable sheet; its XML is damaged ({reason})", sheet=sheet.title
        )
        return None


def _ignored(source: Source, title: str) -> InputError:
    names = ", ".join(spec.name for spec in SHEETS)
    return InputError(
        file=source.file,
        sheet=title,
        row=None,
        column=None,
        value="",
        expected=f"one of the sheets {names} (or a further route's Route sheet, "
        "named Route and a name: Route 2); this sheet is ignored",
    )


def _fill_formula_results(path: Path, source: Source, names: set[str]) -> None:
    """Replace formulas by the results Excel saved; keep those without one."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        for name in names:
            raw = source.sheets[name]
            sheet = next(s for s in _sheets(book) if s.title == raw.name)
            results = dict(scan_sheet(sheet, MAX_ROWS + 1, MAX_COLUMNS).rows)
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
