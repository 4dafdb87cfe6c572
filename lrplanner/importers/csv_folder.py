"""Read a folder of CSV files (Route.csv, Sites.csv, ...) into raw rows.

File names are matched like sheet names (case and synonyms ignored). Text is
UTF-8 (a BOM is fine) or UTF-16/UTF-32 (as Excel's "Unicode text" saves it,
with or without a BOM); anything else is read as Windows-1252 (the Western
European code page Excel uses on Windows, a superset of Latin-1) with a
warning naming the encoding assumed. The delimiter is ``,`` or ``;``
(whichever the header row uses), or a tab.

charset-normalizer was tried for the guess and left out: on short files it
named cp775 or cp1250 for plain Windows-1252 text ("José" became "Josķ").
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from typing import TYPE_CHECKING

from lrplanner.core.errors import InputError
from lrplanner.importers.cells import is_blank
from lrplanner.importers.source import (
    MAX_ROWS,
    Source,
    check_size,
    is_more_route,
    match_sheet,
)
from lrplanner.importers.table import RawSheet

if TYPE_CHECKING:
    from pathlib import Path


def read_csv_folder(folder: Path) -> Source:
    """Return the raw sheets of a CSV folder; problems are in ``Source.errors``."""
    source = Source(file=folder.name, csv=True)
    for path in sorted(folder.iterdir(), key=_natural):
        if path.suffix.lower() != ".csv" or not path.is_file():
            continue
        spec = match_sheet(path.stem)
        key = path.stem if spec is None else spec.name
        if spec is None and not is_more_route(path.stem):
            source.warnings.append(_warning(path.name, "", _IGNORED))
            continue
        if key in source.sheets:
            first = source.sheets[key].file
            source.fail(f"one file for {key} (also {first})", sheet=path.name)
            continue
        rows = _read_file(path, source)
        if rows is not None:
            source.sheets[key] = RawSheet(path.name, key, rows)
    return source


def _natural(path: Path) -> tuple[tuple[int, str], ...]:
    """Return a sort key that puts Route 2.csv before Route 10.csv."""
    parts = re.split(r"(\d+)", path.name.lower())
    return tuple((int(p), "") if p.isdigit() else (-1, p) for p in parts if p)


_IGNORED = (
    "a file named Route, Sites, Champions, Participants, Places, Links, Visas, "
    "Budget or Rates .csv, or a further route's Route file (Route 2.csv); this "
    "file is ignored"
)


def _warning(file: str, value: str, expected: str) -> InputError:
    return InputError(
        file=file, sheet="", row=None, column=None, value=value, expected=expected
    )


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _unicode_encoding(data: bytes) -> str | None:
    """Return the Unicode encoding a BOM or the zero bytes of UTF-16 show."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    head = data[:4096]
    if len(head) >= 4 and head.count(0) * 3 >= len(head):
        # ASCII text in UTF-16 has a zero byte next to every letter
        return "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
    return None


def _decode(path: Path, source: Source) -> str | None:
    if not check_size(source, path.stat().st_size):
        return None
    data = path.read_bytes()
    encoding = _unicode_encoding(data) or "utf-8"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        if encoding != "utf-8":
            source.fail(
                f"readable {encoding.upper()} text; the file is damaged",
                sheet=path.name,
            )
            return None
    try:
        text = data.decode("cp1252")
        assumed = "Windows-1252 (Western European, like Latin-1)"
    except UnicodeDecodeError:  # bytes 81, 8D, 8F, 90, 9D: not Windows-1252
        text = data.decode("latin-1")
        assumed = "Latin-1 (ISO 8859-1)"
    expected = (
        f"UTF-8 text; this file is not UTF-8 and was read as {assumed}: check "
        "accented letters, quotes and the euro sign, or save it as "
        "'CSV UTF-8' in Excel"
    )
    source.warnings.append(_warning(path.name, "", expected))
    return text


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
