"""Read a folder of CSV files (Route.csv, Sites.csv, ...) into raw rows.

File names are matched like sheet names (case and synonyms ignored). Text is
UTF-8 (a BOM is fine); anything else is read as Latin-1 with a warning. The
delimiter is ``,`` or ``;`` (whichever the header row uses), or a tab.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from lrplanner.core.errors import InputError
from lrplanner.importers.cells import is_blank
from lrplanner.importers.source import MAX_ROWS, Source, check_size, match_sheet
from lrplanner.importers.table import RawSheet

if TYPE_CHECKING:
    from pathlib import Path


def read_csv_folder(folder: Path) -> Source:
    """Return the raw sheets of a CSV folder; problems are in ``Source.errors``."""
    source = Source(file=folder.name, csv=True)
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() != ".csv" or not path.is_file():
            continue
        spec = match_sheet(path.stem)
        if spec is None:
            source.warnings.append(_warning(path.name, "", _IGNORED))
            continue
        if spec.name in source.sheets:
            first = source.sheets[spec.name].name
            source.fail(f"one file for {spec.name} (also {first})", sheet=path.name)
            continue
        rows = _read_file(path, source)
        if rows is not None:
            source.sheets[spec.name] = RawSheet(path.name, spec.name, rows)
    return source


_IGNORED = (
    "a file named Route, Sites, Champions, Participants, Places or Links .csv; "
    "this file is ignored"
)


def _warning(file: str, value: str, expected: str) -> InputError:
    return InputError(
        file=file, sheet="", row=None, column=None, value=value, expected=expected
    )


def _decode(path: Path, source: Source) -> str | None:
    if not check_size(source, path.stat().st_size):
        return None
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        expected = "UTF-8 text; read as Latin-1 instead, check accented letters"
        source.warnings.append(_warning(path.name, "", expected))
        return data.decode("latin-1")


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _read_file(
    path: Path, source: Source
) -> tuple[tuple[int, tuple[object, ...]], ...] | None:
    text = _decode(path, source)
    if text is None:
        return None
    rows: list[tuple[int, tuple[object, ...]]] = []
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
        for number, values in enumerate(reader, start=1):
            cells = list(values)
            while cells and is_blank(cells[-1]):
                cells.pop()
            if cells:
                rows.append((number, tuple(cells)))
            if len(rows) > MAX_ROWS:
                source.fail(f"at most {MAX_ROWS} rows", sheet=path.name)
                return None
    except csv.Error as exc:
        source.fail(f"a readable CSV file ({exc})", sheet=path.name)
        return None
    return tuple(rows)
