"""Property tests: any cell value gives a Project or located errors, never a crash."""

from __future__ import annotations

import csv
import io
import math
from datetime import date, datetime, time
from functools import cache
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lrplanner.core.columns import SHEETS
from lrplanner.core.errors import InputError
from lrplanner.importers import ImportResult, read_inputs
from lrplanner.importers.cells import CellError
from lrplanner.importers.multicells import PARSERS
from tests.importers.mekong import mekong_rows, write_csv_folder, write_workbook

TRICKY = [
    "=cmd|' /C calc'!A0",
    "=1/0",
    "#N/A",
    "#REF!",
    "03/04/2027",
    "2027-03-03..2027-03-01",
    "08:00-17:00, 12:00-13:00",
    "24:00",
    "closed",
    "yes",
    "KH",
    "PNH",
    "CH01",
    "1e309",
    "NaN",
    "-0",
    "Nguyễn Thị Lan ; សុខ",
    ";;;",
    " ",
]
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    TEXT,
    st.sampled_from(TRICKY),
    st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)),
    st.datetimes(min_value=datetime(1900, 3, 1)),
    st.times(),
)
CELLS = st.tuples(
    st.sampled_from([s.name for s in SHEETS]),
    st.integers(min_value=1, max_value=6),
    st.integers(min_value=1, max_value=30),
    VALUES,
)


@cache
def _good_workbook() -> bytes:
    with TemporaryDirectory() as folder:
        return write_workbook(mekong_rows(), Path(folder) / "m.xlsx").read_bytes()


def _check(result: ImportResult) -> None:
    assert isinstance(result, ImportResult)
    assert (result.project is None) == bool(result.errors)
    for problem in (*result.errors, *result.warnings):
        assert isinstance(problem, InputError)
        assert problem.message()
    assert result.summary()


def _cell_value(value: object) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # Excel has no NaN or infinity cells
    if isinstance(value, int) and abs(value) > 10**300:
        return str(value)  # openpyxl cannot write ints beyond float range
    return value


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=st.lists(CELLS, min_size=1, max_size=4))
def test_workbook_cells_never_crash(
    changes: list[tuple[str, int, int, object]],
) -> None:
    """Tests that random cell values give a Project or errors, never an exception."""
    book = openpyxl.load_workbook(io.BytesIO(_good_workbook()))
    for sheet, row, column, value in changes:
        book[sheet].cell(row=row, column=column).value = _cell_value(value)
    with TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.xlsx"
        book.save(path)
        _check(read_inputs(path))


def _csv_text(value: object) -> str:
    return "" if value is None else str(value)


@settings(max_examples=40, deadline=None)
@given(changes=st.lists(CELLS, min_size=1, max_size=4))
def test_csv_cells_never_crash(changes: list[tuple[str, int, int, object]]) -> None:
    """Tests that random CSV cell text gives a Project or errors, never a crash."""
    with TemporaryDirectory() as name:
        folder = write_csv_folder(mekong_rows(), Path(name) / "csv")
        for sheet, row, column, value in changes:
            path = folder / f"{sheet}.csv"
            lines = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
            while len(lines) < row:
                lines.append([])
            line = lines[row - 1]
            line.extend([""] * (column - len(line)))
            line[column - 1] = _csv_text(value)
            with path.open("w", newline="", encoding="utf-8") as stream:
                csv.writer(stream).writerows(lines)
        _check(read_inputs(folder))


@settings(max_examples=300, deadline=None)
@given(value=VALUES)
def test_parsers_raise_only_cell_errors(value: object) -> None:
    """Tests that every kind's parser returns a value or raises CellError."""
    for parse in PARSERS.values():
        try:
            parse(value)
        except CellError as exc:
            message = exc.expected
        else:
            message = "ok"
        assert message


def test_times_survive_any_float() -> None:
    """Tests a few time fractions at the edges of a day."""
    assert PARSERS[SHEETS[0].column("day_start").kind](0.99999999) == time(23, 59)
