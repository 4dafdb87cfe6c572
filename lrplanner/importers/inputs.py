"""read_inputs: one entry point for a workbook or a folder of CSV files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lrplanner.importers.csv_folder import read_csv_folder
from lrplanner.importers.reader import build_result
from lrplanner.importers.source import Source
from lrplanner.importers.workbook import read_workbook

if TYPE_CHECKING:
    from pathlib import Path

    from lrplanner.importers.report import ImportResult

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def read_inputs(path: Path) -> ImportResult:
    """Read a workbook (.xlsx/.xlsm) or a folder of CSV files into a Project.

    Never raises for bad files or data: every problem is an InputError on
    the result, located by file, sheet, row and column.

    Parameters
    ----------
    path
        The workbook, or the folder holding Route.csv, Sites.csv, ...

    Returns
    -------
    ImportResult
        The project (None if there are errors), errors, warnings, skipped
        rows, extra columns and counts per sheet.
    """
    try:
        if path.is_dir():
            source = read_csv_folder(path)
        elif path.is_file() and path.suffix.lower() in WORKBOOK_SUFFIXES:
            source = read_workbook(path)
        else:
            source = _not_an_input(path)
    except OSError as exc:
        source = Source(file=path.name).fail(f"a readable file or folder ({exc})")
    return build_result(source)


def _not_an_input(path: Path) -> Source:
    source = Source(file=path.name)
    if not path.exists():
        return source.fail("an existing workbook or CSV folder; nothing is there")
    hint = ""
    if path.suffix.lower() == ".csv":
        hint = ": give the folder that holds Route.csv, Sites.csv, ..."
    elif path.suffix.lower() == ".xls":
        hint = ": save it from Excel as .xlsx"
    return source.fail(f"not a workbook or CSV folder: an .xlsx file or a folder{hint}")
